//go:build !((linux || darwin) && (amd64 || arm64))

package jit

import "github.com/copypatch/copypatch/templates"

func enter(code uintptr, st *templates.State, fp *templates.Value, stack uintptr) uint64 {
	panic("BUG: jit: enter on an unsupported platform")
}

const hostSupported = false
