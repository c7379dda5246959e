//go:build linux || darwin

package jit

// flushICache is in enter_arm64.s.
func flushICache(start, end uintptr)
