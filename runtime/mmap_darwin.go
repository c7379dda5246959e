package jit

// UNTESTED: nothing here has run on macOS; it builds and vets only.
//
// macOS allows RW→RX mprotect of ordinary anonymous memory for a process
// without the hardened runtime, which is what a plain `go build` produces, so
// the cache maps without MAP_JIT and uses the same W^X protocol as Linux.
// Under the hardened runtime (with the allow-jit entitlement) pages must be
// mapped MAP_JIT and toggled per thread with pthread_jit_write_protect_np,
// a libSystem function that needs cgo; jit does not use cgo, so such a
// process gets mprotect errors from Compile (reported, never a crash).
// wazero maps its code the same way on darwin.
//
// The arm64 cache flush (enter_arm64.s) reads CTR_EL0 and issues DC CVAU /
// IC IVAU from user mode, which Linux permits; macOS's own JITs call
// sys_icache_invalidate instead, and whether these instructions are allowed
// at EL0 there is unverified.
const mapJITFlag = 0
