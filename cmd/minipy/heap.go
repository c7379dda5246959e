package main

import (
	"runtime"
	"runtime/debug"
)

// afterFirstCollection runs f on the cleanup goroutine once the first
// collection has run.
func afterFirstCollection(f func()) {
	// Not a tiny allocation: those share a block, which may outlive them.
	sentinel := new([2]*int)
	runtime.AddCleanup(sentinel, func(struct{}) { f() }, struct{}{})
}

// tuneHeap sets the collector up for a program that allocates: tune is
// GOGC=400 with the ballast (unless GOGC is in the environment), huge
// the heap's later growth on huge pages (hugepages_linux.go;
// MINIPY_HUGEPAGES=0 keeps 4 KiB pages, for comparison).
//
// They wait for the first collection, at 4 MiB (Go's default GOGC=100).
// Made at start, the ballast took 8 MiB of the first goal (16 MiB at
// GOGC=400): the heap grew by 8 MiB on 4 KiB pages, collected, and
// collected again to free the huge-page block, both times marking what
// was live by then. Now the heap grows by ~3 MiB first, and both
// collections mark less; a program whose heap stays under 4 MiB (fib,
// mandelbrot; the interpreter's own start takes ~1 MiB) pays for
// neither. The block itself at start would cost every run 1.5-1.9 ms
// and ~400 faults (hugepages_linux.go).
func tuneHeap(tune, huge bool) {
	percent := debug.SetGCPercent(-1)
	if tune {
		// Python programs allocate and drop objects at a high rate with a
		// small live heap: Go's default (collect when the heap doubles)
		// then collects so often that it costs 10-40 % of the run time
		// on the benchmark suite. Letting the heap grow to five times
		// what is live halves that; the memory limit set by the
		// interpreter still makes the collector work harder near RAM.
		// Measured again with huge pages (2026-12-05, JIT off, median
		// of 9): 200 took more CPU (nqueens 488 -> 513 ms, pidigits
		// 293 -> 319, raytracer 626 -> 651, slices 614 -> 733;
		// wordcount 618 -> 591) and more page faults (4.3k -> 10k,
		// the scavenger returning freed pages the heap then takes
		// back), for half the peak RSS; 800 raised peak RSS 1.3-2x
		// (pidigits 132 -> 211 MB, slices 125 -> 254): 400 stays.
		percent = 400
		// A small live heap still makes the collector run every few
		// megabytes (the goal is at least 4 MB times GOGC/100): each
		// cycle's fixed costs and its write barriers add up for
		// programs making many short-lived objects. The ballast raises
		// the floor of the goal; it holds no pointers and is never
		// touched, so it costs address space, not memory or marking.
		// With huge pages (JIT off, median of 9), none instead of 8 MB
		// took nqueens 481 -> 551 ms, sudoku 411 -> 455, particles
		// 720 -> 785, and doubled their page faults. Made with
		// collection off: at GOGC=100 it would start one at once.
		ballast = make([]byte, ballastSize)
	}
	if huge {
		adviseHugeHeap() // leaves collection off, as it found it
	}
	// With the block, the heap is past the goal: the next allocation
	// starts the collection that frees it.
	debug.SetGCPercent(percent)
}

// ballast keeps the collector's heap goal off the floor (see tuneHeap).
var ballast []byte

const ballastSize = 8 << 20
