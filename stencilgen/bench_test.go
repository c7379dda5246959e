package stencilgen

import (
	"context"
	"os"
	"runtime"
	"testing"
)

// BenchmarkBuildClean measures a build of every template for all four
// targets with an empty object cache: Clang time, in parallel.
func BenchmarkBuildClean(b *testing.B) {
	clang := benchClang(b)
	for b.Loop() {
		b.StopTimer()
		cache, err := os.MkdirTemp("", "stencilgen-bench-")
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := Make(context.Background(), Options{TemplatesDir: "../templates", CacheDir: cache, Jobs: runtime.NumCPU(), Clang: clang})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := WriteTables(b.TempDir(), "generated", res); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(cache)
		b.StartTimer()
	}
}

// BenchmarkBuildNoop measures a rebuild where every object is cached and
// every table is unchanged: what `go generate` costs when nothing changed.
func BenchmarkBuildNoop(b *testing.B) {
	clang := benchClang(b)
	cache, out := b.TempDir(), b.TempDir()
	opts := Options{TemplatesDir: "../templates", CacheDir: cache, Jobs: runtime.NumCPU(), Clang: clang}
	res, err := Make(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := WriteTables(out, "generated", res); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		// A fresh process would also look Clang up: include it.
		c, err := FindClang(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		opts.Clang = c
		res, err := Make(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		changed, err := WriteTables(out, "generated", res)
		if err != nil || len(changed) > 0 || res.Compiled > 0 {
			b.Fatalf("no-op build changed %v, compiled %d: %v", changed, res.Compiled, err)
		}
	}
}

func benchClang(b *testing.B) *Clang {
	c, err := FindClang(context.Background())
	if err != nil {
		b.Skipf("needs clang: %v", err)
	}
	return c
}
