//go:build !(darwin && arm64)

package jit

// Only darwin/arm64 has MAP_JIT pages with per-thread write protection
// (mapjit_darwin_arm64.go); elsewhere the cache uses mprotect alone.

func mapJIT(int) ([]byte, bool) { return nil, false }
func beginJITWrite()            {}
func endJITWrite()              {}
