package jit

import (
	"sync/atomic"

	"github.com/copypatch/copypatch/templates"
)

// Interrupt asks the trace running with st to leave at its next back-edge
// with ExitSafepoint; RunLoop then returns instead of resuming. It is safe
// to call from any goroutine (for Ctrl-C or a timeout): the store is
// atomic, and native code reads the flag afresh at every back-edge.
func Interrupt(st *templates.State) { atomic.StoreUint32(&st.Interrupt, 1) }

// ClearInterrupt undoes Interrupt before the next run.
func ClearInterrupt(st *templates.State) { atomic.StoreUint32(&st.Interrupt, 0) }

func interrupted(st *templates.State) bool { return atomic.LoadUint32(&st.Interrupt) != 0 }

// Interrupted reports whether Interrupt was called on st since the last
// ClearInterrupt.
func Interrupted(st *templates.State) bool { return interrupted(st) }
