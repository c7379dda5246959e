package crmath

import (
	"runtime"

	"golang.org/x/sys/cpu"
)

// glibcFMA says which variant of glibc's exp, log and pow to follow: on
// x86-64 glibc picks (by ifunc) the one compiled with FMA when the CPU has
// FMA and AVX2, and its generic code otherwise. Other architectures are
// taken to have FMA (arm64 always has; its glibc build fuses products,
// though maybe not the same ones: only x86-64 was checked).
var glibcFMA = runtime.GOARCH != "amd64" || cpu.X86.HasFMA && cpu.X86.HasAVX2
