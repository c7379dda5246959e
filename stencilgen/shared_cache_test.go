package stencilgen

import (
	"os"
	"sync"
	"testing"
)

// The build cache that tests which only need the stencils (not a count of
// what was compiled) share: Clang then compiles each template once per
// target for the whole package instead of once per test, which kept this
// package near go test's 10-minute limit on a loaded machine.
var shared struct {
	once  sync.Once
	dir   string
	err   error
	users int
}

func sharedCacheDir(t *testing.T) string {
	dir, _ := sharedCache(t)
	return dir
}

// sharedCache also says whether this is the cache's first user, which
// finds it empty (TestMakeAllTargets counts what it compiles).
func sharedCache(t *testing.T) (dir string, first bool) {
	t.Helper()
	shared.once.Do(func() { shared.dir, shared.err = os.MkdirTemp("", "stencilgen-test-cache-") })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	shared.users++
	return shared.dir, shared.users == 1
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}
