package interp

import (
	"syscall"
	"time"
	"unsafe"
)

// killByAbort ends the process as C's abort() does: by SIGABRT with the
// default action (terminate, core), so a shell sees status 134. Go's
// runtime catches SIGABRT to print its goroutines, so the default action
// is put back first with the raw rt_sigaction call.
func killByAbort() {
	var act struct {
		handler  uintptr // SIG_DFL
		flags    uint64
		restorer uintptr
		mask     uint64
	}
	syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(syscall.SIGABRT), uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0)
	syscall.Kill(syscall.Getpid(), syscall.SIGABRT)
	for {
		time.Sleep(time.Second) // the signal ends the process
	}
}
