package main

import (
	"math"
	"runtime/debug"

	"github.com/copypatch/copypatch/interp"
	"golang.org/x/sys/unix"
)

// Huge pages for the heap (issue 10).
//
// A Python program makes and drops objects fast, so the Go heap grows to
// several times what is live (GOGC=400, see tuneHeap), and every 4 KiB page it
// first grows into is a page fault: 13-30 thousand a run on the
// allocating benchmark programs, where CPython takes 2-8 thousand. This
// kernel's transparent huge pages are "madvise": a mapping asks for them
// with MADV_HUGEPAGE, and then one fault brings in 2 MiB. Touching 64 MiB
// on the benchmark VM (2026-12-05): 16384 faults, ~80 ms with 4 KiB
// pages; 32 faults, ~28 ms with huge pages.
//
// Go maps its heap in 4 MiB steps, each a new mapping (mmap MAP_FIXED)
// without the advice, and touches the memory at once: there is no moment
// to advise a step. Instead the heap is grown once by a large block that
// is advised and dropped: the address range stays mapped, advised, for
// the objects the heap later puts there.
//
// That costs a collection, the runtime's metadata for the range and the
// zeroing of 2 MiB where a few KiB would do: done at start, 1.5-1.9 ms and
// ~400 faults on every run, 1% of fib. So it is done after the first
// collection (tuneHeap), which a program whose heap stays small (fib,
// mandelbrot, spectral_norm) never reaches. Measured JIT off, median of 7-11 runs,
// CPU time and page faults without -> with: bfs 352 -> 297 ms, 30.6k ->
// 4.4k; wordcount 20.7k -> 4.1k faults, graphs 19.0k -> 4.3k, slices 32k
// -> 5.6k, nqueens 15.3k -> 4.5k (system time 30-60 % lower on each;
// the machine's noise, ±10 % in CPU time, hides the rest). Peak RSS
// (bench/programs and the shared suite) changes by at most +25 % (memo 82
// -> 105 MB), most by a few %.

// hugeHeapBlock is the address range advised: more than the peak heap of
// any benchmark program (bfs, pidigits and slices peak at 110-140 MB
// resident). It costs address space; pages it never touches cost no
// memory. A heap that grows past it grows onto 4 KiB pages as before.
const hugeHeapBlock = 256 << 20

// hugeHeapMinMemory is the least memory limit under which the block is
// made (interp.MemoryLimit: nine tenths of the machine's or the cgroup's
// memory). Until the scavenger returns its pages, the freed block counts
// against Go's memory limit, and a collection that ran inside the window
// below would count it live: under a 300 MB cgroup that made MemoryError
// out of a program with 20 MB live (2 runs in 20). A machine or container
// with less memory keeps 4 KiB pages.
const hugeHeapMinMemory = 8 * hugeHeapBlock

// adviseHugeHeap grows the heap by an advised block and drops it.
func adviseHugeHeap() {
	if interp.MemoryLimit() < hugeHeapMinMemory {
		return
	}
	if interp.AddressSpaceLimit() != 0 {
		// Under `ulimit -v` the block's address space could be what
		// makes a later allocation fail, which Go does not survive.
		return
	}
	// No collection should run while the block is referenced: one that
	// did would find it live and set the next goal from its size (five
	// times 256 MiB). SetGCPercent(-1) returns with none running, and
	// the memory limit is lifted for the window, so neither the pacer
	// nor the limit starts one; a runtime.GC() from another goroutine in
	// these microseconds (the program's gc.collect(), the memory guard
	// before a big allocation) still can, and costs one oversized goal,
	// which hugeHeapMinMemory leaves room for.
	gcPercent := debug.SetGCPercent(-1)
	memLimit := debug.SetMemoryLimit(math.MaxInt64)
	block := make([]byte, hugeHeapBlock)
	_ = unix.Madvise(block, unix.MADV_HUGEPAGE)
	block = nil
	debug.SetMemoryLimit(memLimit)
	// The heap is now past its goal: the next allocation starts the
	// collection that frees the block.
	debug.SetGCPercent(gcPercent)
}
