package jit

import (
	"errors"
	"fmt"

	"github.com/copypatch/copypatch/templates"
)

var (
	// ErrUnsupported: this platform has no JIT (no stencils, no trampoline,
	// or no way to map executable memory). The caller keeps interpreting.
	ErrUnsupported = errors.New("jit: unsupported platform")
	// ErrStencils: Config.Stencils is missing, malformed, or built for
	// another ABI version than this runtime's (stencil.ABIVersion).
	ErrStencils = errors.New("jit: unusable stencil set")
	// ErrCodeLimit: compiling would exceed Config.MaxCodeBytes and eviction
	// (if enabled) could not make room. The caller keeps interpreting.
	ErrCodeLimit = errors.New("jit: code size limit reached")
	// ErrBusy: Free was called on a trace that is running.
	ErrBusy = errors.New("jit: trace is running")
	// ErrFreed: the trace was freed or evicted.
	ErrFreed = errors.New("jit: trace was freed")
)

// ExitInvalid is what Run returns when it did not enter native code: the
// trace was freed or evicted, or the state or frame was missing. Its reason
// byte (0) is none of the reasons a trace returns.
const ExitInvalid templates.ExitCode = 0

// TraceError reports a malformed trace: which uop and why.
type TraceError struct {
	Uop int // index in the trace, or -1 for the trace as a whole
	Msg string
}

func (e *TraceError) Error() string {
	if e.Uop < 0 {
		return "jit: trace: " + e.Msg
	}
	return fmt.Sprintf("jit: trace uop %d: %s", e.Uop, e.Msg)
}
