//go:build !arm64 || !(linux || darwin)

package jit

// flushICache is a no-op: x86-64 keeps instruction fetch coherent with
// stores (a write to code is seen by the next fetch after a serialising
// event, and mprotect is one).
func flushICache(start, end uintptr) {}
