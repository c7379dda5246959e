//go:build linux || darwin

package jit

// flushICacheLines is in enter_arm64.s.
func flushICacheLines(start, end uintptr)
