package jit

// UNTESTED: nothing here has run on macOS; it builds and vets only.
//
// darwin/arm64 first maps code chunks MAP_JIT and switches write permission
// per thread (mapjit_darwin_arm64.go). Where that is refused, and on
// darwin/amd64, the cache uses the Linux protocol: anonymous pages taken
// from RW to RX with mprotect, which macOS allows a process
// without the hardened runtime (what a plain `go build` produces); wazero
// maps its code the same way there. The arm64 instruction-cache flush goes
// through sys_icache_invalidate on darwin, not DC CVAU/IC IVAU from user
// mode as on Linux.

// mapJITFlag is zero: chunks mapped for the mprotect protocol need no flag.
const mapJITFlag = 0

// prefault does nothing: macOS has no MADV_POPULATE_WRITE, and its page
// faults were not measured.
func prefault([]byte) {}
