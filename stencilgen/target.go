package stencilgen

import (
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/relocs"
)

// Format is an object file format.
type Format uint8

const (
	ELF Format = iota + 1
	MachO
)

// Target is one platform stencils are built for. It is data, not a build
// constraint: every target can be built, inspected and verified on any host.
type Target struct {
	OS     string // GOOS
	Arch   string // GOARCH
	Triple string // Clang's --target
	Format Format
	RArch  relocs.Arch
}

// Name is the Go-style name, "linux/amd64".
func (t Target) Name() string { return t.OS + "/" + t.Arch }

// FileTag is the suffix used in file names, "linux_amd64".
func (t Target) FileTag() string { return t.OS + "_" + t.Arch }

// Targets lists every supported target in a stable order.
var Targets = []Target{
	{OS: "darwin", Arch: "amd64", Triple: "x86_64-apple-darwin", Format: MachO, RArch: relocs.AMD64},
	{OS: "darwin", Arch: "arm64", Triple: "arm64-apple-darwin", Format: MachO, RArch: relocs.ARM64},
	{OS: "linux", Arch: "amd64", Triple: "x86_64-unknown-linux-gnu", Format: ELF, RArch: relocs.AMD64},
	{OS: "linux", Arch: "arm64", Triple: "aarch64-unknown-linux-gnu", Format: ELF, RArch: relocs.ARM64},
}

// LookupTarget finds a target by its "os/arch" name.
func LookupTarget(name string) (Target, error) {
	for _, t := range Targets {
		if t.Name() == name {
			return t, nil
		}
	}
	names := make([]string, len(Targets))
	for i, t := range Targets {
		names[i] = t.Name()
	}
	return Target{}, fmt.Errorf("unknown target %q (known: %s)", name, strings.Join(names, ", "))
}

// commonFlags are passed to Clang for every template and target. Each one is
// here for a reason that matters to copy-and-patch.
var commonFlags = []string{
	"-O3",                             // stencils are copied thousands of times: make them small and fast
	"-std=gnu11",                      // statement expressions and __builtin_bit_cast in uop.h
	"-ffreestanding",                  // no libc, no hosted assumptions
	"-fno-builtin",                    // do not turn loops into calls to memcpy/memset that no stencil can reach
	"-fno-math-errno",                 // __builtin_sqrt is then the instruction; with errno (the ELF default) it calls libm's sqrt
	"-fno-stack-protector",            // a canary needs a TLS guard that native code must not touch
	"-fno-jump-tables",                // a jump table is data with absolute code addresses per entry
	"-fno-asynchronous-unwind-tables", // no .eh_frame or compact unwind: stencils are not unwound
	"-fno-unwind-tables",
	"-fomit-frame-pointer", // one more free register; stencils never build frames a debugger walks
	"-fno-strict-aliasing", // templates pun slot bits between int64 and float64
	"-Wall",
	// A warning in a template is a bug in every target's stencils. It also
	// turns "unknown attribute 'preserve_none' ignored" (clang 16 and older,
	// and clang 18 on AArch64) from a silently wrong calling convention into
	// a failed build.
	"-Werror",
	"-c",
}

// archFlags are added per architecture.
var archFlags = map[relocs.Arch][]string{
	relocs.AMD64: {
		"-mcmodel=small", // code and data within ±2 GiB of each other: rel32 reaches; the runtime places them so
	},
	relocs.ARM64: {
		// Go's signal handler takes x28 to be the current goroutine (see
		// DESIGN.md); a stencil that wrote it would crash the process on the
		// next preemption or profiling signal.
		"-ffixed-x28",
		// x18 is the platform register on darwin; reserve it everywhere so
		// every arm64 target has the same register set.
		"-ffixed-x18",
	},
}

// picFlag is -fpic, the default: every hole is reached through a GOT or
// PC-relative form, never an absolute 32-bit one, and the patcher relaxes
// the GOT loads. linux/amd64 instead compiles with -fno-pic, where a
// template that adds an operand's "address" to the frame pointer gets it
// as a memory operand's disp32 (R_X86_64_32S, relocs.X86Abs32S): one
// instruction per slot access fewer (uop.h, CP_SLOT). copypatch.h spells
// its other operand and address reads as GOT loads there, so they patch
// as before, and CheckHoles refuses a 32-bit absolute hole that is not an
// operand. Mach-O x86-64 has no such field, and AArch64 addresses no
// displacement that wide, so the others keep -fpic.
func (t Target) picFlag() string {
	if t.RArch == relocs.AMD64 && t.Format == ELF {
		return "-fno-pic"
	}
	return "-fpic"
}

// Flags returns the full Clang argument list for t, without inputs and
// outputs. It is part of the object cache key.
func (t Target) Flags() []string {
	flags := []string{"--target=" + t.Triple}
	flags = append(flags, commonFlags[:2]...)
	flags = append(flags, t.picFlag())
	flags = append(flags, commonFlags[2:]...)
	flags = append(flags, archFlags[t.RArch]...)
	return flags
}
