//go:build (linux || darwin) && (amd64 || arm64)

package jit

import (
	"unsafe"

	"github.com/copypatch/copypatch/stencil"
)

// enter is the trampoline in enter_<arch>.s. st and fp are pointers, not
// uintptrs, so the GC keeps what they point into alive (and, since enter is not noescape,
// they are heap objects that never move) while native code uses them.
func enter(code uintptr, st *stencil.State, fp unsafe.Pointer, stack uintptr) uint64

const hostSupported = true
