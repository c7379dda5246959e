//go:build ignore

// gen rebuilds the test objects from their C sources with clang-19:
//
//	go run gen.go
//
// Each NAME.c becomes NAME-clang19-TARGET.o for every target below, with
// the flags stencilgen uses for templates.
package main

import (
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// flags are the template flags (see stencilgen); the per-target ones keep
// x28 (and x18) free on arm64.
var flags = []string{
	"-O3", "-fpic", "-ffreestanding", "-fno-builtin", "-fno-stack-protector",
	"-fno-jump-tables", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
	"-fomit-frame-pointer", "-std=gnu11",
}

var targets = []struct {
	name, triple string
	extra        []string
}{
	{"x86_64-darwin", "x86_64-apple-darwin", nil},
	{"arm64-darwin", "arm64-apple-darwin", []string{"-ffixed-x28", "-ffixed-x18"}},
}

func main() {
	srcs, err := filepath.Glob("*.c")
	if err != nil {
		log.Fatal(err)
	}
	for _, src := range srcs {
		base := strings.TrimSuffix(src, ".c")
		for _, t := range targets {
			out := base + "-clang19-" + t.name + ".o"
			args := append([]string{"--target=" + t.triple}, flags...)
			args = append(args, t.extra...)
			args = append(args, "-c", src, "-o", out)
			cmd := exec.Command("clang-19", args...)
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				log.Fatalf("%s: %v", out, err)
			}
		}
	}
}
