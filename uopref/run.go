package uopref

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/copypatch/copypatch/templates"
)

// Instr is one uop of a trace laid out for Run. Target and ExitStub are
// indices into the trace: where the uop's _JIT_JUMP_TARGET and _JIT_EXIT
// holes lead (ignored by uops without those holes).
type Instr struct {
	Op       string
	Operands [4]uint64
	Target   int
	ExitStub int
}

// ErrStepLimit is returned (wrapped) when Run gives up.
var ErrStepLimit = errors.New("step limit reached")

// Run runs trace from its first uop until one leaves, as the native trace
// would, and returns the exit code. It stops with an error after maxSteps
// uops, on a bad uop, or when control runs off the trace or to a bad index.
func Run(trace []Instr, st *templates.State, frame []templates.Value, maxSteps int) (templates.ExitCode, error) {
	return RunAt(0, trace, st, frame, maxSteps)
}

// RunAt is Run from uop pc (a loop top after a safepoint, the uop after a
// call-out).
func RunAt(pc int, trace []Instr, st *templates.State, frame []templates.Value, maxSteps int) (templates.ExitCode, error) {
	code, _, err := RunFrom(pc, 0, trace, st, frame, maxSteps)
	return code, err
}

// RunFrom is RunAt with the frame pointer at slot fp of frame, for traces
// that call themselves (call_self, ret): the slot below a frame is its link,
// and a call_self's return address is the index of the uop after it. It
// returns where the frame pointer was when the trace left.
func RunFrom(pc, fp int, trace []Instr, st *templates.State, frame []templates.Value, maxSteps int) (templates.ExitCode, int, error) {
	var regs Regs // undefined at entry, as natively: nothing reads them before a write
	if st != nil && st.Budget > 1 && atomic.LoadUint32(&st.Interrupt) != 0 {
		// As the runtime enters (jit.Interrupt): the loop uop does not
		// read the flag, so an interrupted state runs with a budget of 1.
		st.Budget = 1
	}
	for step := 0; step < maxSteps; step++ {
		if pc < 0 || pc >= len(trace) {
			return 0, fp, fmt.Errorf("control reached uop %d of a %d-uop trace", pc, len(trace))
		}
		in := &trace[pc]
		next, code, mv, err := StepRegs(in.Op, in.Operands, st, frame, fp, uint64(pc+1), &regs)
		if err != nil {
			return 0, fp, fmt.Errorf("uop %d: %w", pc, err)
		}
		fp = mv.FP
		switch next {
		case Call:
			pc = in.Target
		case Return:
			pc = int(mv.Back)
		case Continue:
			pc++
		case Jump:
			pc = in.Target
		case Exit:
			pc = in.ExitStub
		case Leave:
			return code, fp, nil
		default:
			panic(fmt.Sprintf("BUG: uop %s returned %v", in.Op, next))
		}
	}
	return 0, fp, fmt.Errorf("%w (%d uops)", ErrStepLimit, maxSteps)
}
