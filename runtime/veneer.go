package jit

import (
	"encoding/binary"
	"runtime"
)

// Veneers. A branch whose target is beyond its field's reach (arm64 B/BL
// ±128 MiB, x86-64 rel32 ±2 GiB) is patched to a veneer next to it that
// jumps anywhere:
//
//	x86-64: jmp *0(%rip); .quad target       (ff 25 00 00 00 00, 8 bytes)
//	arm64:  ldr x16, #8; br x16; .quad target (x16 is IP0, which the
//	        procedure call standard lets any branch clobber)
//
// Pass 1 reserves one veneer per possible branch target (every uop and exit
// stub) when the trace's code is larger than the shortest branch reach.
// Because a batch is at most maxRegion (64 MiB) bytes, that never happens
// today: every in-trace branch reaches directly. The path exists for larger
// limits and is exercised by forcing it in tests (forceVeneers).
const veneerSize = 16

// branchReach is the shortest reach of the branch kinds stencils use on this
// architecture.
var branchReach = func() int {
	if runtime.GOARCH == "arm64" {
		return 128 << 20
	}
	return 2 << 30
}()

// forceVeneers routes every branch through a veneer (tests only).
var forceVeneers = false

// forceFar routes every far jump (Uop.Far) through its veneer (tests only).
var forceFar = false

// veneerTarget is the offset of the target word in a veneer.
var veneerTarget = func() int {
	if runtime.GOARCH == "arm64" {
		return 8
	}
	return 6
}()

// trapByte fills the gaps between stencils and stale bytes of reused
// pages: int3 on x86-64; on arm64 a zero word is UDF #0.
var trapByte = func() byte {
	if runtime.GOARCH == "amd64" {
		return 0xcc
	}
	return 0
}()

func writeVeneer(b []byte, target uint64) {
	switch runtime.GOARCH {
	case "amd64":
		copy(b, []byte{0xff, 0x25, 0, 0, 0, 0}) // jmp *0(%rip)
	case "arm64":
		binary.LittleEndian.PutUint32(b[0:], 0x58000050) // ldr x16, #8
		binary.LittleEndian.PutUint32(b[4:], 0xd61f0200) // br x16
	}
	binary.LittleEndian.PutUint64(b[veneerTarget:], target)
}
