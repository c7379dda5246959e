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
const mapJITFlag = 0
