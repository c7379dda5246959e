//go:build darwin && arm64

package jit

import (
	"runtime"
	"syscall"
	_ "unsafe" // go:linkname

	"golang.org/x/sys/unix"
)

// UNTESTED: nothing here has run on macOS; it builds and vets only.
//
// MAP_JIT: macOS on Apple silicon gives a process (with the hardened
// runtime, only with the allow-jit entitlement) pages mapped
// PROT_READ|PROT_WRITE|PROT_EXEC|MAP_JIT that each thread sees either
// writable or executable, never both: pthread_jit_write_protect_np(0) makes
// them writable for the calling thread, (1) executable again (the default).
// W^X holds per thread. The cache maps its chunks this way when the system
// allows it, and otherwise falls back to the mprotect protocol Linux uses.
//
// Both libSystem functions are called without cgo, the way
// golang.org/x/sys/unix calls libSystem: a dynamic import, an assembly
// trampoline (mapjit_darwin_arm64.s) and the runtime's syscall.syscall,
// which runs the call on the system stack.

//go:cgo_import_dynamic libc_pthread_jit_write_protect_np pthread_jit_write_protect_np "/usr/lib/libSystem.B.dylib"
//go:cgo_import_dynamic libc_sys_icache_invalidate sys_icache_invalidate "/usr/lib/libSystem.B.dylib"

var (
	libc_pthread_jit_write_protect_np_trampoline_addr uintptr
	libc_sys_icache_invalidate_trampoline_addr        uintptr
)

//go:linkname syscall_syscall syscall.syscall
func syscall_syscall(fn, a1, a2, a3 uintptr) (r1, r2 uintptr, err syscall.Errno)

// mapJIT maps n bytes with MAP_JIT, or reports false when the system
// refuses (hardened runtime without the entitlement, an old macOS).
func mapJIT(n int) ([]byte, bool) {
	b, err := unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE|unix.PROT_EXEC, unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_JIT)
	if err != nil {
		return nil, false
	}
	return b, true
}

// beginJITWrite makes MAP_JIT pages writable (and not executable) for the
// calling goroutine's thread, which it locks: the permission is per thread,
// so the goroutine must not move until endJITWrite.
func beginJITWrite() {
	runtime.LockOSThread()
	syscall_syscall(libc_pthread_jit_write_protect_np_trampoline_addr, 0, 0, 0)
}

// endJITWrite makes MAP_JIT pages executable again for this thread and
// unlocks it.
func endJITWrite() {
	syscall_syscall(libc_pthread_jit_write_protect_np_trampoline_addr, 1, 0, 0)
	runtime.UnlockOSThread()
}

// flushICache makes code written at [start, end) visible to instruction
// fetch, through the system's own routine.
func flushICache(start, end uintptr) {
	syscall_syscall(libc_sys_icache_invalidate_trampoline_addr, start, end-start, 0)
}
