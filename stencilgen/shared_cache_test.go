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
//
// STENCILGEN_TEST_CACHE names a cache to use instead, kept after the tests:
// CI points it at the cache `go generate ./generated` has just filled from
// empty (and checked byte for byte), so the package does not compile the
// 1,200 objects a second time.
var shared struct {
	once  sync.Once
	dir   string
	keep  bool
	empty bool
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
	shared.once.Do(func() {
		if dir := os.Getenv("STENCILGEN_TEST_CACHE"); dir != "" {
			shared.dir, shared.keep = dir, true
			entries, err := os.ReadDir(dir)
			shared.empty = err != nil || len(entries) == 0
			return
		}
		shared.dir, shared.err = os.MkdirTemp("", "stencilgen-test-cache-")
		shared.empty = true
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	shared.users++
	return shared.dir, shared.users == 1 && shared.empty
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" && !shared.keep {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}
