//go:build linux || darwin

package interp

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU is the CPU time of the calling thread: what the JIT's own
// work costs, without the time other processes take the CPU from it
// (wall time of a compile at load 15 was 2-3 times its CPU time). The
// goroutine that records stays on its thread through a recording but for
// a rare preemption; a negative difference is dropped.
func threadCPU() (time.Duration, bool) {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}

// processCPU is the CPU time of the whole process, all threads (the
// collector's too), as perf's cpu-clock samples count it.
func processCPU() (time.Duration, bool) {
	var ru unix.Rusage
	if unix.Getrusage(unix.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
