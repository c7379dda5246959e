package stencilgen

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedCacheIsRebuilt: a cached object that no longer parses (cut
// short, overwritten) is compiled again instead of failing every build.
func TestDamagedCacheIsRebuilt(t *testing.T) {
	clang := needClang(t)
	linux, _ := LookupTarget("linux/amd64")
	opts := Options{TemplatesDir: templatesDir(t), CacheDir: t.TempDir(), Jobs: 2, Clang: clang, Targets: []Target{linux}}
	first, err := Make(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	objs := first.Targets[0].Objects
	for i, damage := range []func(string) error{
		func(p string) error { return os.WriteFile(p, []byte("not an object"), 0o644) },
		func(p string) error { return os.Truncate(p, 100) },
		func(p string) error { return os.WriteFile(p, nil, 0o644) },
	} {
		if err := damage(objs[i].Path); err != nil {
			t.Fatal(err)
		}
	}
	again, err := Make(context.Background(), opts)
	if err != nil {
		t.Fatalf("build over a damaged cache: %v", err)
	}
	if again.Compiled != 3 || again.Cached != len(objs)-3 {
		t.Errorf("compiled %d, cached %d; want 3 and %d", again.Compiled, again.Cached, len(objs)-3)
	}
	for i, st := range again.Targets[0].Stencils {
		if string(st.Code) != string(first.Targets[0].Stencils[i].Code) {
			t.Errorf("%s: rebuilt stencil differs", st.Name)
		}
	}
}

// TestCancelledBuild: a build interrupted while Clang runs says it was
// cancelled (not that Clang cannot build for the target) and leaves only
// whole objects in the cache.
func TestCancelledBuild(t *testing.T) {
	clang := needClang(t)
	linux, _ := LookupTarget("linux/amd64")
	cache := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := Options{TemplatesDir: templatesDir(t), CacheDir: cache, Jobs: 2, Clang: clang, Targets: []Target{linux},
		Progress: func(done, total int, obj *Object) {
			if done == 3 {
				cancel() // the other job is most likely inside Clang now
			}
		}}
	_, err := Make(ctx, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	entries, err := os.ReadDir(cache)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, "include-") && e.IsDir() {
			continue
		}
		if strings.HasPrefix(name, "tmp-") || !strings.HasSuffix(name, ".o") {
			t.Errorf("left in the cache: %s", name)
			continue
		}
		if _, err := ReadObject(linux, "", filepath.Join(cache, name)); err != nil && strings.Contains(err.Error(), "invalid") {
			t.Errorf("cut-short object in the cache: %s: %v", name, err)
		}
	}
}

// TestDamagedListingIsRebuilt is TestDamagedCacheIsRebuilt for the avo
// backend's cached assembler listings.
func TestDamagedListingIsRebuilt(t *testing.T) {
	linux, _ := LookupTarget("linux/amd64")
	opts := AsmOptions{TemplatesDir: avoDir(t), CacheDir: t.TempDir(), Targets: []Target{linux}}
	first, err := MakeAsm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	listings, _ := filepath.Glob(filepath.Join(opts.CacheDir, "*.lst"))
	if len(listings) == 0 {
		t.Fatal("no cached listing")
	}
	for _, l := range listings {
		if err := os.WriteFile(l, []byte("garbage\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again, err := MakeAsm(context.Background(), opts)
	if err != nil {
		t.Fatalf("build over a damaged cache: %v", err)
	}
	if again.Assembled != len(listings) || again.Cached != 0 {
		t.Errorf("assembled %d, cached %d; want %d and 0", again.Assembled, again.Cached, len(listings))
	}
	if a, b := len(again.Targets[0].Stencils), len(first.Targets[0].Stencils); a != b {
		t.Errorf("%d stencils after the rebuild, %d before", a, b)
	}
}
