package main

import (
	"runtime"
	"sync"
	"syscall"
	"unsafe"
)

// heapRoom is how much of the heap's address space prepareHeap maps and
// marks for transparent huge pages.
const heapRoom = 256 << 20

// prepareHeapLater runs prepareHeap, then done, once the collector has run
// for the first time: a program that never fills the first heap goal
// (a few megabytes) does not pay the collection and mapping, 20-30 ms of
// CPU on this machine, about a fifth of a 0.15 s numeric benchmark.
func prepareHeapLater(done func()) {
	s := &heapSentinel{}
	runtime.SetFinalizer(s, func(*heapSentinel) {
		heapOnce.Do(func() { _, _, _ = prepareHeap() })
		if done != nil {
			done()
		}
	})
}

// heapOnce makes sure the room is mapped once, by whichever of the
// finalizer and prepareHeapNow comes first.
var heapOnce sync.Once

// prepareHeapNow is interp's Config.PrepareHeap: before the first list
// big next to the live heap, the room is mapped at once, and the list
// lands in it. Left to the finalizer, the mapping raced that list (the
// finalizer runs after the collection the list's allocation asks for):
// sieve's first [True] * 2_000_001 took 32 MB of fresh 4 KiB pages
// beside the room, 8,000 page faults. It always collects, as reclaim
// would have.
func prepareHeapNow() {
	ran := false
	heapOnce.Do(func() {
		ran = true
		_, _, _ = prepareHeap()
	})
	if !ran {
		runtime.GC()
	}
}

// heapSentinel holds a pointer so that it is not a tiny allocation, whose
// finalizer may never run.
type heapSentinel struct{ _ *int }

// prepareHeap maps heapRoom bytes of heap up front and asks Linux to back
// them with 2 MiB pages. A Python program's heap grows to several times
// what is live before the collector runs (main's GOGC and ballast): each
// fresh 4 KiB page of that growth was a page fault, 12-13% of raytracer's
// and tasks' CPU time on this machine, where CPython reuses what it freed.
// The room is allocated as one large object and dropped: its address
// space stays mapped, free for the spans that follow, in the mapping the
// advice was given to (the runtime maps later growth afresh, without it).
// Nothing here touches the memory, so it costs no RSS until used. Errors
// leave the heap as it was: it returns the advised range for tests.
func prepareHeap() (start uintptr, n int, err error) {
	room := make([]byte, heapRoom)
	// madvise wants page-aligned ranges and huge pages fill whole 2 MiB
	// blocks: the advice covers the blocks inside the room.
	const huge = 2 << 20
	start = uintptr(unsafe.Pointer(unsafe.SliceData(room)))
	skip := int((huge - start%huge) % huge)
	start += uintptr(skip)
	n = (heapRoom - skip) &^ (huge - 1)
	err = syscall.Madvise(room[skip:skip+n], syscall.MADV_HUGEPAGE)
	// room is dead from here: the collection frees its pages for spans.
	runtime.GC()
	return start, n, err
}
