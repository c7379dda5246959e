//go:build !linux && !darwin

package interp

import "time"

// threadCPU and processCPU are not measured here: --jit-stats gives the
// JIT's work in wall time only.
func threadCPU() (time.Duration, bool)  { return 0, false }
func processCPU() (time.Duration, bool) { return 0, false }
