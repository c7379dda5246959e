//go:build !linux

package main

import "runtime"

// prepareHeap does nothing where transparent huge pages are not Linux's.
func prepareHeap() (start uintptr, n int, err error) { return 0, 0, nil }

// prepareHeapLater does nothing either.
func prepareHeapLater(done func()) {}

// prepareHeapNow collects, as interp does without it.
func prepareHeapNow() { runtime.GC() }
