package interp

import "golang.org/x/sys/unix"

// threadFaults is how many page faults (minor and major) the calling
// thread has taken: --jit-stats counts those of the JIT's work, where
// fresh heap and code pages cost it more than its instructions do.
func threadFaults() (int64, bool) {
	var ru unix.Rusage
	if unix.Getrusage(unix.RUSAGE_THREAD, &ru) != nil {
		return 0, false
	}
	return ru.Minflt + ru.Majflt, true
}

// processFaults is threadFaults for every thread of the process.
func processFaults() (int64, bool) {
	var ru unix.Rusage
	if unix.Getrusage(unix.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return ru.Minflt + ru.Majflt, true
}
