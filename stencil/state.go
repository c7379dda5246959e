package stencil

import (
	"fmt"
	"unsafe"
)

// State is struct cp_state of copypatch.h: the fixed head of the VM state a
// trace receives besides its frame pointer. A VM whose templates read more
// state (CP_STATE in copypatch.h) embeds State as the first field of its
// own struct, with the same layout as its C struct, and passes a pointer to
// that field.
type State struct {
	// Frame is the frame pointer the trace was last entered with: the
	// runtime writes it, native code only reads it.
	Frame     unsafe.Pointer
	Budget    int64  // back-edges left before a safepoint exit
	Interrupt uint32 // Go sets it nonzero to make native code leave
	Calls     uint32 // native calls left (call uops decrement it, returns increment it)
	ExitCount uint64
}

// ExitCode is what a trace returns: the low byte is the reason (ExitEnd,
// ExitSide, ExitSafepoint, or a VM's own from 16 up), the bits above are
// the exit index.
type ExitCode uint64

// The exit code's layout and the runtime's reasons: CP_EXIT_* in
// copypatch.h.
const (
	ExitCodeMask   = 0xff
	ExitIndexShift = 8
	ExitEnd        = 1 // the trace ran to its end
	ExitSide       = 2 // a side exit: a guard failed, or the VM must act
	ExitSafepoint  = 3 // the back-edge budget ran out, or Go interrupted
	// ExitUser is the first reason a VM may define for itself.
	ExitUser = 16
)

var exitNames = [...]string{"", "end", "side_exit", "safepoint"}

// Reason is the low byte: why the trace left.
func (c ExitCode) Reason() uint8 { return uint8(c & ExitCodeMask) }

// Index is the exit index: where the trace left.
func (c ExitCode) Index() uint64 { return uint64(c) >> ExitIndexShift }

func (c ExitCode) String() string {
	r := c.Reason()
	name := fmt.Sprintf("exit(%d)", r)
	if r != 0 && int(r) < len(exitNames) {
		name = exitNames[r]
	}
	return fmt.Sprintf("%s@%d", name, c.Index())
}

// MakeExitCode builds an ExitCode from a reason and an index.
func MakeExitCode(reason uint8, index uint64) ExitCode {
	return ExitCode(uint64(reason) | index<<ExitIndexShift)
}
