package jit

import (
	"sync/atomic"

	"github.com/copypatch/copypatch/templates"
)

// Interrupt asks the trace running with st to leave at a safepoint with
// ExitSafepoint; RunLoop then returns instead of resuming. It is safe to
// call from any goroutine (for Ctrl-C or a timeout): the store is atomic.
// A loop uop that reads the flag (CP_SAFEPOINT) leaves at its next
// back-edge; one that spends only the budget (minipy's loop.c, which saves
// the load and branch on every iteration) leaves when the budget runs out,
// within one budget of back-edges; and an entry with the flag set runs with
// a budget of 1, so its first back-edge leaves either way.
func Interrupt(st *templates.State) { atomic.StoreUint32(&st.Interrupt, 1) }

// enterBudget clamps the budget of an interrupted state to 1 before an
// entry (see Interrupt). Only the goroutine that enters writes Budget.
func enterBudget(st *templates.State) {
	if st.Budget > 1 && interrupted(st) {
		st.Budget = 1
	}
}

// ClearInterrupt undoes Interrupt before the next run.
func ClearInterrupt(st *templates.State) { atomic.StoreUint32(&st.Interrupt, 0) }

func interrupted(st *templates.State) bool { return atomic.LoadUint32(&st.Interrupt) != 0 }

// Interrupted reports whether Interrupt was called on st since the last
// ClearInterrupt.
func Interrupted(st *templates.State) bool { return interrupted(st) }
