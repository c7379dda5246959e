// Package jit is the run-time half of copy-and-patch: it lays a trace of
// uops out in executable memory from the stencil set it is given
// (Config.Stencils: a stencil.Set that `stencilgen build` wrote, such as
// this repository's generated.Set), patches every hole (through the set's
// per-stencil emitters, or relocs.Fixup.Apply), and runs the result from Go.
//
// The directory is runtime/ but the package is named jit, so that importing
// it never shadows the standard library's runtime package.
//
// # Using it
//
// An interpreter with its own uops writes one C template per uop (the
// contract they keep is templates/README.md), runs
// `stencilgen build --templates DIR --out PKG` to get a package whose Set it
// passes here, and then:
//
//	cache, err := jit.NewCache(jit.Config{Stencils: mytables.Set})
//	tr, err := cache.Compile([]jit.Uop{{Op: stencil.Op(mytables.OpAdd), Operands: ...}, ...})
//	ec := tr.Enter(0, &state.State, unsafe.Pointer(&frame[0])) // or Run/RunLoop on minipy's slots
//	switch ec.Reason() { ... }                                 // end, side exit, safepoint, or the VM's own
//
// The package Example builds and runs a loop; examples/bf is a whole
// interpreter built this way, with a tutorial.
//
// # API and stability
//
// The public API is this package (Config, NewCache, Cache, Uop, Trace and
// its Run, RunAt, RunLoop, Enter, ResumeAt, Free, Stats; Disassemble;
// Interrupt; the errors), package stencil (Set, Op, State, ExitCode,
// ABIVersion), the tables stencilgen writes (a package with Op, Set and
// one stencils_<os>_<arch>.go per target), the stencilgen command's flags,
// and the C header copypatch.h. Until the module's v1, exported names may
// still change, but never silently: a change of what stencils and the
// runtime assume about each other increments stencil.ABIVersion, so tables
// built before it are refused by NewCache (ErrStencils) instead of running,
// and the commit says what to change. Packages relocs and stencilgen are
// importable but serve the tool and the tables; interp, traceopt, uopref,
// elfparse and machoparse are minipy's and make no promise to other users.
//
// # Memory
//
// Code memory is never writable and executable at once (W^X): a region is
// mapped read-write, the stencils are copied and patched, the instruction
// cache is flushed (arm64), and the pages become read-execute. Regions are
// carved out of larger chunks, page by page, so many traces share a mapping;
// CompileBatch lays out many traces with a single mprotect. Free pages are
// read-write, never executable. Freeing the last trace of a region leaves
// its pages executable until their room is needed, then read-write until
// they are reused, and an empty chunk is unmapped, so freed traces return
// memory.
//
// The total mapped code memory is bounded by Config.MaxCodeBytes. Policy:
// when a compile would exceed it, the cache first evicts traces that are not
// running, least recently entered first, if Config.Evict is set (an evicted
// trace reports Valid() == false and Run returns ExitInvalid); otherwise, or
// if eviction cannot make room, Compile fails with ErrCodeLimit and the
// caller keeps interpreting.
//
// # Compiling
//
// Compile (or CompileBatch) takes a trace of Uops: an op, its operands, the
// index of its in-trace jump target and its exit index, the last two read
// only when the op's stencil jumps or side-exits. Pass 1 places every uop's
// code back to back (each falls through to the next), one exit stub per
// distinct exit index, and the data; pass 2 copies and patches. A batch is
// at most 64 MiB, so every branch reaches directly; veneers are reserved
// only for a trace whose code outgrows the branch reach. A trace must end
// with a uop that never falls through (end, exit, jump or loop).
//
// # Entering native code
//
// Run calls an ABI0 NOSPLIT assembly trampoline (enter_amd64.s,
// enter_arm64.s) that switches to a private native stack (mmap'd, with a
// guard page below it), passes the VM state and frame base in the registers
// the preserve_none convention uses (R12/R13 on amd64, X20/X21 on arm64),
// calls the trace and returns its exit code. Native code never calls Go,
// never allocates and never writes a Go pointer. It cannot be preempted, so
// every loop in a trace must contain the loop uop, which leaves with
// ExitSafepoint when State.Budget runs out or State.Interrupt is set;
// RunLoop re-enters after each safepoint exit.
//
// Signals that land in native code are safe: on amd64 Go's handler finds g
// in thread-local storage; on arm64 it reads g from x28, which stencils never
// write (they are built with -ffixed-x28). The handler sees a PC outside Go
// code and so neither preempts there nor unwinds through it.
//
// # Imports
//
// jit imports relocs, stencil and templates; it must not import generated
// (any set is handed in), stencilgen or interp. All unsafe code of the JIT
// lives here.
package jit
