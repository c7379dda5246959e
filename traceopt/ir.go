package traceopt

import (
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// NoExit marks an instruction that cannot leave the trace.
const NoExit = -1

// Inst is one IR instruction: a uop with its operands and, when it can
// leave the trace, the snapshot it leaves through.
//
// Branching uops (int_jump_if_lt, jump_if_true, ...) never jump inside a
// trace in this IR: a branch leaves through its snapshot when its condition
// holds, or, with Negate, when it does not. Only the final loop uop jumps
// back.
type Inst struct {
	Op     generated.Op
	Args   [4]uint64 // slot byte offsets or immediates, as the uop's template reads them
	Exit   int       // snapshot index, or NoExit
	Negate bool      // branches: leave when the condition is false
}

// Trace is a recorded or optimized trace. Insts[Loop:] is the loop body;
// the last instruction is an OpLoop that jumps back to Insts[Loop]. What
// precedes Loop runs once per entry (the peeled first iteration).
type Trace struct {
	Insts []Inst
	Loop  int
	// Consts are slots whose values the trace never writes and the
	// interpreter fixed before entry (the bytecode's constants): their
	// types need no guard and their values may be folded.
	Consts map[int32]templates.Value
	// Slots from PrivateFrom up to PrivateTo are the trace's own scratch
	// slots, which the interpreter never reads: writes to them that no
	// instruction reads can go.
	PrivateFrom, PrivateTo int32
}

// Slot converts a slot index to the byte offset operands carry.
func Slot(i int32) uint64 { return uint64(i) * templates.SlotSize }

func slotOf(arg uint64) int32 { return int32(arg / templates.SlotSize) }

// Clone returns a deep copy of t.
func (t *Trace) Clone() *Trace {
	c := &Trace{Insts: append([]Inst(nil), t.Insts...), Loop: t.Loop, Consts: map[int32]templates.Value{}, PrivateFrom: t.PrivateFrom, PrivateTo: t.PrivateTo}
	for k, v := range t.Consts {
		c.Consts[k] = v
	}
	return c
}

// Validate checks the invariants every pass keeps.
func (t *Trace) Validate() error {
	n := len(t.Insts)
	if n == 0 || t.Insts[n-1].Op != generated.OpLoop {
		return fmt.Errorf("trace does not end with a loop uop")
	}
	if t.Loop < 0 || t.Loop >= n {
		return fmt.Errorf("loop start %d outside %d instructions", t.Loop, n)
	}
	for i, in := range t.Insts {
		info := Info(in.Op)
		if info == nil {
			return fmt.Errorf("inst %d: uop %v unknown to the optimizer", i, in.Op)
		}
		if (info.Exits || info.Branch) && in.Exit < 0 {
			return fmt.Errorf("inst %d: %v can leave the trace but has no snapshot", i, in.Op)
		}
		if in.Op == generated.OpLoop && i != n-1 {
			return fmt.Errorf("inst %d: loop uop before the end", i)
		}
	}
	return nil
}

// String prints the trace one instruction a line, for --jit-debug, dis and
// test failures.
func (t *Trace) String() string {
	var b strings.Builder
	for i, in := range t.Insts {
		if i == t.Loop {
			b.WriteString("loop:\n")
		}
		fmt.Fprintf(&b, "%4d  %s\n", i, in.String())
	}
	return b.String()
}

func (in Inst) String() string {
	info := Info(in.Op)
	var b strings.Builder
	b.WriteString(in.Op.String())
	if in.Negate {
		b.WriteString(" (not)")
	}
	if info != nil {
		for k, kind := range info.Args {
			switch kind {
			case Dst, Src:
				fmt.Fprintf(&b, " r%d", slotOf(in.Args[k]))
			case Imm:
				fmt.Fprintf(&b, " $%d", int64(in.Args[k]))
			}
		}
	}
	if info != nil && (info.Exits || info.Branch || in.Op == generated.OpLoop) {
		fmt.Fprintf(&b, " -> snap %d", in.Exit)
	}
	return b.String()
}
