//go:build !((linux || darwin) && (amd64 || arm64))

package jit

import (
	"unsafe"

	"github.com/copypatch/copypatch/stencil"
)

func enter(code uintptr, st *stencil.State, fp unsafe.Pointer, stack uintptr) uint64 {
	panic("BUG: jit: enter on an unsupported platform")
}

const hostSupported = false
