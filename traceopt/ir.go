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
// A branching uop (int_jump_if_lt, jump_if_true, ...) leaves through its
// snapshot when its condition holds, or, with Negate, when it does not;
// with InTrace it jumps to instruction Target instead (the end of an inner
// loop). A guard (ExitJumps) with InTrace jumps to Target instead of
// leaving when its check fails (a bridge: the path recorded for what it
// found instead). The last instruction is the loop uop that jumps back to the
// trace's loop start; a loop uop with InTrace is an inner loop's back-edge
// to Target. A loop uop's operand 0 is the snapshot a safepoint exit
// leaves through.
type Inst struct {
	Op      generated.Op
	Args    [4]uint64 // slot byte offsets or immediates, as the uop's template reads them
	Exit    int       // snapshot index, or NoExit
	Negate  bool      // branches: act when the condition is false
	InTrace bool      // branches, loops and guards: jump to Target, not out
	Target  int
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
	// ExitReads are private slots that exits read (the interpreter's
	// values kept there in another form): their writes stay.
	ExitReads map[int32]bool
	// Func marks a function trace: it runs from a function's entry, every
	// path ends in a ret uop, and call_self uops call it from its first
	// instruction. It has no loop uop; Loop is 0. The loop passes do not
	// apply (Optimize leaves it alone).
	Func bool
	// ExitDead, when set, reports whether the interpreter never reads
	// frame slot slot after leaving through snapshot snap (a bytecode
	// temporary released where it resumes): the trace need not keep its
	// value right for that exit. Unset: every frame slot is read.
	ExitDead func(snap int, slot int32) bool
	// Shared: other threads may store into the memory the trace loads
	// (lists, attributes) while it runs, so no load is invariant.
	Shared bool
	// slotBound, while bounded (Optimize's passes), is the highest slot
	// the trace named when they began: no pass names a new slot (they
	// reuse or drop them), so it bounds maxSlot, which six passes would
	// otherwise find again by reading every instruction and Consts.
	slotBound int32
	bounded   bool
}

// Slot converts a slot index to the byte offset operands carry.
func Slot(i int32) uint64 { return uint64(i) * templates.SlotSize }

func slotOf(arg uint64) int32 { return int32(arg / templates.SlotSize) }

// Clone returns a deep copy of t.
func (t *Trace) Clone() *Trace {
	c := &Trace{Insts: append([]Inst(nil), t.Insts...), Loop: t.Loop, Consts: map[int32]templates.Value{}, PrivateFrom: t.PrivateFrom, PrivateTo: t.PrivateTo, ExitReads: t.ExitReads, Func: t.Func, ExitDead: t.ExitDead, Shared: t.Shared}
	for k, v := range t.Consts {
		c.Consts[k] = v
	}
	return c
}

// Validate checks the invariants every pass keeps.
func (t *Trace) Validate() error {
	n := len(t.Insts)
	switch {
	case t.Func && (n == 0 || !Info(t.Insts[n-1].Op).Return):
		return fmt.Errorf("function trace does not end with a return")
	case !t.Func && (n == 0 || t.Insts[n-1].Op != generated.OpLoop || t.Insts[n-1].InTrace):
		return fmt.Errorf("trace does not end with the loop uop")
	}
	if t.Loop < 0 || t.Loop >= n {
		return fmt.Errorf("loop start %d outside %d instructions", t.Loop, n)
	}
	for i, in := range t.Insts {
		info := Info(in.Op)
		if info == nil {
			return fmt.Errorf("inst %d: uop %v unknown to the optimizer", i, in.Op)
		}
		if (info.Exits && !in.InTrace || info.Branch && !in.InTrace) && in.Exit < 0 {
			return fmt.Errorf("inst %d: %v can leave the trace but has no snapshot", i, in.Op)
		}
		if in.InTrace && !info.Branch && in.Op != generated.OpLoop && !ExitJumps(in.Op) {
			return fmt.Errorf("inst %d: %v cannot jump", i, in.Op)
		}
		if in.InTrace && (in.Target < 0 || in.Target >= n) {
			return fmt.Errorf("inst %d: jump to %d outside %d instructions", i, in.Target, n)
		}
		if in.Op == generated.OpLoop && in.InTrace && in.Target > i {
			return fmt.Errorf("inst %d: inner loop jumps forward", i)
		}
		if (info.Call || info.Return) && !t.Func {
			return fmt.Errorf("inst %d: %v outside a function trace", i, in.Op)
		}
		if info.Call && in.InTrace {
			return fmt.Errorf("inst %d: %v jumps in the trace", i, in.Op)
		}
	}
	return nil
}

// String prints the trace one instruction a line, for --jit-debug, dis and
// test failures.
func (t *Trace) String() string {
	var b strings.Builder
	for i, in := range t.Insts {
		if i == t.Loop && !t.Func {
			b.WriteString("loop:\n")
		}
		fmt.Fprintf(&b, "%4d  %s\n", i, in.String())
	}
	return b.String()
}

func (in Inst) String() string {
	info := Info(in.Op)
	var b strings.Builder
	if in.Op == OpClobber {
		b.WriteString("(clobber)")
	} else {
		b.WriteString(in.Op.String())
	}
	if in.Negate {
		b.WriteString(" (not)")
	}
	if info != nil {
		for k, kind := range info.Args {
			switch kind {
			case Dst, Src, SrcDst:
				fmt.Fprintf(&b, " r%d", slotOf(in.Args[k]))
			case Imm:
				fmt.Fprintf(&b, " $%d", int64(in.Args[k]))
			}
		}
	}
	switch {
	case in.InTrace:
		fmt.Fprintf(&b, " -> %d", in.Target)
	case info != nil && (info.Exits || info.Branch):
		fmt.Fprintf(&b, " -> snap %d", in.Exit)
	}
	return b.String()
}

// compact removes the instructions keep says to drop, moving every jump
// to a dropped instruction to the next one kept. It works in place: the
// passes call it once or more each, and a fresh copy of the trace every
// time was a tenth of what the optimizer allocated (in a short run every
// allocation is a fresh page the kernel faults in).
func (t *Trace) compact(keep []bool) {
	// Most calls drop nothing, and nothing before the first dropped
	// instruction moves: the scratch and the new indexes start there.
	first := 0
	for first < len(t.Insts) && keep[first] {
		first++
	}
	if first == len(t.Insts) {
		return // (nothing dropped: every index stays)
	}
	sc := getScratch()
	defer sc.put()
	newIdx := grow(&sc.index, len(t.Insts)+1)
	n := int32(first)
	for i := range first {
		newIdx[i] = int32(i)
	}
	for i := first; i < len(t.Insts); i++ {
		newIdx[i] = n
		if keep[i] {
			n++
		}
	}
	newIdx[len(t.Insts)] = n
	j := 0
	for i := range t.Insts {
		if !keep[i] {
			continue
		}
		in := &t.Insts[i]
		if in.InTrace {
			in.Target = int(newIdx[in.Target])
		}
		if j != i {
			t.Insts[j] = *in // (j never passes i)
		}
		j++
	}
	clear(t.Insts[j:])
	t.Loop = int(newIdx[t.Loop])
	t.Insts = t.Insts[:j]
}

// remove drops instruction j, as compact does with only j not kept.
func (t *Trace) remove(j int) {
	fix := func(k int) int {
		if k > j {
			return k - 1
		}
		return k
	}
	t.Insts = append(t.Insts[:j], t.Insts[j+1:]...)
	t.Insts[:len(t.Insts)+1][len(t.Insts)] = Inst{}
	for i := range t.Insts {
		if in := &t.Insts[i]; in.InTrace {
			in.Target = fix(in.Target)
		}
	}
	t.Loop = fix(t.Loop)
}

// ExitJumps reports whether op is a check whose exit may instead jump
// within the trace: it exits before it writes anything, so the state where
// its check failed is the state before it.
func ExitJumps(op generated.Op) bool {
	info := Info(op)
	if info == nil || !info.Exits || info.Branch || info.CallOut || info.Store != 0 {
		return false
	}
	_, writes := dst(&Inst{Op: op}, info)
	return !writes
}

// successors calls f with each instruction control can reach from i
// inside the trace.
func (t *Trace) successors(i int, f func(int)) {
	in := &t.Insts[i]
	switch {
	case in.Op == generated.OpLoop && in.InTrace:
		f(in.Target)
	case in.Op == generated.OpLoop:
		f(t.Loop)
	default:
		if in.InTrace {
			f(in.Target)
		}
		if i+1 < len(t.Insts) {
			f(i + 1)
		}
	}
}

// appendSuccessors appends to work what successors would call f with,
// in the same order (no call per successor: liveness walks).
func (t *Trace) appendSuccessors(work []int, i int) []int {
	in := &t.Insts[i]
	switch {
	case in.Op == generated.OpLoop && in.InTrace:
		return append(work, in.Target)
	case in.Op == generated.OpLoop:
		return append(work, t.Loop)
	}
	if in.InTrace {
		work = append(work, in.Target)
	}
	if i+1 < len(t.Insts) {
		work = append(work, i+1)
	}
	return work
}

// mainEnd is the index of the first loop uop that jumps back to the loop
// start at or after it: the end of the main path. Side paths follow it.
func (t *Trace) mainEnd() int {
	for i := t.Loop; i < len(t.Insts); i++ {
		if in := &t.Insts[i]; in.Op == generated.OpLoop && !in.InTrace {
			return i
		}
	}
	return len(t.Insts) - 1
}

// conditional marks the instructions that do not run on every pass
// through the trace: those an in-trace branch may skip, those after a
// branch to a side path (up to the end of their copy of the iteration),
// inner loops' bodies (which may run zero times, or many), and the side
// paths.
func (t *Trace) conditional() []bool {
	c := make([]bool, len(t.Insts))
	end := t.mainEnd()
	for k := end + 1; k < len(t.Insts); k++ {
		c[k] = true
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if !in.InTrace || i > end {
			continue
		}
		lo, hi := i+1, in.Target
		switch {
		case in.Target < i:
			lo, hi = in.Target, i+1
		case in.Target > end && i < t.Loop:
			hi = t.Loop
		case in.Target > end:
			hi = end
		}
		for k := lo; k < hi; k++ {
			c[k] = true
		}
	}
	return c
}
