//go:build !linux

package interp

// threadFaults and processFaults are not counted here (no per-thread
// getrusage): --jit-stats leaves the page faults out.
func threadFaults() (int64, bool)  { return 0, false }
func processFaults() (int64, bool) { return 0, false }
