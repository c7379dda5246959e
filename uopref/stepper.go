package uopref

import (
	"fmt"

	"github.com/copypatch/copypatch/templates"
)

// Func is a uop's reference implementation, found by name once (Lookup)
// by a caller that runs it many times.
type Func struct {
	f    uop
	name string
}

// Lookup finds the reference implementation of op. A Func not found
// fails each Stepper.Step with ErrUnknownUop.
func Lookup(op string) (Func, bool) {
	f, ok := lookupUop(op)
	return Func{f: f, name: op}, ok
}

// Stepper runs uops one at a time, as Step does, for a caller that runs a
// great many: the recorder runs every instruction it records, and the
// inner loops it finishes, a uop at a time. Step found each uop by name,
// took its memory from a pool and ran the uop twice (a dry run first), a
// microsecond a uop; a Stepper's memory is its own and it runs each uop
// once. So on an error the frame and state may be partly written: the
// caller must not go on from them (the recorder treats one as a bug).
// A Stepper is for one goroutine at a time.
type Stepper struct {
	m    machine
	regs Regs
}

// Step runs f with the frame pointer at frame's first slot and registers
// of its own, zero, as Step does.
func (s *Stepper) Step(f Func, operands [4]uint64, st *templates.State, frame []templates.Value) (Next, templates.ExitCode, error) {
	if f.f == nil {
		return 0, 0, fmt.Errorf("%w %q", ErrUnknownUop, f.name)
	}
	if st == nil {
		return 0, 0, fmt.Errorf("%s: nil state", f.name)
	}
	s.regs = Regs{}
	m := &s.m
	// Field by field: the dry run's copies (128 bytes) need no clearing,
	// as a Stepper never runs dry and a dry run writes a copy before it
	// reads it; clearing the whole machine was a tenth of Step.
	m.ops, m.st, m.frame, m.regs, m.err = operands, st, frame, &s.regs, nil
	m.fp, m.link, m.newFP, m.back, m.dry, m.ncopies = 0, 0, 0, 0, false, 0
	next, code := f.f(m)
	if m.err != nil {
		return 0, 0, fmt.Errorf("%s: %w", f.name, m.err)
	}
	return next, code, nil
}
