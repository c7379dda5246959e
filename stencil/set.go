package stencil

import (
	"fmt"

	"github.com/copypatch/copypatch/relocs"
)

// ABIVersion is the version of the stencil/runtime contract this module
// speaks. stencilgen records it in every Set it writes; jit.NewCache refuses
// a Set with another.
//
// Version 1: the trampoline passes the state and frame pointers in the
// preserve_none argument registers and takes the trace's return value as its
// exit code; the exit stub is the uop named "exit" (operand 0: the exit
// index); the safepoint back-edge is the uop named "loop" (operand 0: the
// safepoint index); the state starts with the 32-byte cp_state header.
// Version 2: two doubles (f0, f1: xmm0/xmm1, v0/v1) follow the pointers in
// every uop's signature and every continuation, cached registers a VM may
// keep values in across uops; every stencil passes them on.
const ABIVersion = 2

// Op is a uop's index in its Set. A generated package names its uops with
// its own Op type (for their String method); convert with stencil.Op(op).
type Op uint16

// NoOp marks a role no uop of the set plays.
const NoOp Op = 0xffff

// Set is one target's stencil tables, as stencilgen writes them.
type Set struct {
	// Target is the platform the stencils run on, GOOS/GOARCH
	// ("linux/amd64"), or "" for a set with no stencils (a platform the
	// tables were not built for).
	Target string
	// ABI is the ABIVersion the tables were built against.
	ABI int
	// Compiler names the compiler that built the stencils ("clang 19.1.7").
	Compiler string
	// Names holds each uop's name, indexed by Op: its template's file name.
	Names []string
	// Stencils holds one stencil per uop, indexed by Op. An empty Code means
	// the uop has no stencil on this target.
	Stencils []relocs.Stencil
	// Emitters holds each stencil's generated copy-and-patch function, or
	// nil; the runtime falls back to patching hole by hole. It may be empty.
	Emitters []relocs.Emitter
	// Exit is the uop whose stencil every exit stub is: it leaves the trace
	// with the side-exit reason and exit index operand 0. Required.
	Exit Op
	// Loop is the safepoint back-edge, or NoOp: it leaves with the safepoint
	// reason and index operand 0, and the runtime resumes such an exit at
	// the uop's jump target.
	Loop Op
	// Terminal lists the uops whose stencil never falls through to the
	// next uop (it returns or jumps away): only these may end a trace.
	Terminal []Op
}

// Name returns the name of uop op, or "Op(n)" for an index outside the set.
func (s *Set) Name(op Op) string {
	if int(op) < len(s.Names) {
		return s.Names[op]
	}
	return fmt.Sprintf("Op(%d)", op)
}

// Lookup finds a uop by name.
func (s *Set) Lookup(name string) (Op, bool) {
	for i, n := range s.Names {
		if n == name {
			return Op(i), true
		}
	}
	return 0, false
}

// IsTerminal reports whether op's stencil never falls through.
func (s *Set) IsTerminal(op Op) bool {
	for _, t := range s.Terminal {
		if t == op {
			return true
		}
	}
	return false
}

// Check reports what makes the set unusable by a runtime that speaks
// ABIVersion, or nil. It does not look at the target.
func (s *Set) Check() error {
	switch {
	case s == nil:
		return fmt.Errorf("stencil set is nil")
	case s.ABI != ABIVersion:
		return fmt.Errorf("stencil set for %s was built for ABI version %d, this runtime speaks version %d: regenerate the tables with this module's stencilgen", s.describe(), s.ABI, ABIVersion)
	case len(s.Names) != len(s.Stencils):
		return fmt.Errorf("stencil set for %s: %d names but %d stencils", s.describe(), len(s.Names), len(s.Stencils))
	case len(s.Emitters) != 0 && len(s.Emitters) != len(s.Stencils):
		return fmt.Errorf("stencil set for %s: %d emitters but %d stencils", s.describe(), len(s.Emitters), len(s.Stencils))
	case len(s.Stencils) >= int(NoOp):
		return fmt.Errorf("stencil set for %s: %d uops, more than %d", s.describe(), len(s.Stencils), NoOp-1)
	case int(s.Exit) >= len(s.Stencils):
		return fmt.Errorf("stencil set for %s has no exit uop (templates must include exit)", s.describe())
	case s.Loop != NoOp && int(s.Loop) >= len(s.Stencils):
		return fmt.Errorf("stencil set for %s: loop uop %d out of range", s.describe(), s.Loop)
	}
	for _, t := range s.Terminal {
		if int(t) >= len(s.Stencils) {
			return fmt.Errorf("stencil set for %s: terminal uop %d out of range", s.describe(), t)
		}
	}
	return nil
}

func (s *Set) describe() string {
	if s.Target == "" {
		return "no target"
	}
	return s.Target
}
