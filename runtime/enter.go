//go:build (linux || darwin) && (amd64 || arm64)

package jit

import "github.com/copypatch/copypatch/templates"

// enter is the trampoline in enter_<arch>.s. st and fp are pointers, not
// uintptrs, so the GC keeps them alive (and, since enter is not noescape,
// they are heap objects that never move) while native code uses them.
func enter(code uintptr, st *templates.State, fp *templates.Value, stack uintptr) uint64

const hostSupported = true
