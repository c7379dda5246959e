package interp

import (
	"sync"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// Tier 2: hot loops run as native traces (opt-in: Config.JIT).
//
// Every taken back-edge of a FOR_RANGE loop over ints or of a while loop
// that ends in a fused compare-and-branch bumps Code.counters. Past
// jitHot, the loop body is translated, instruction by instruction, into
// uops specialised on the types its slots hold right now: guards at the top
// check those types on entry, and every type an instruction produces must
// be the one the next iteration assumes. The trace runs on the
// interpreter's own frame (the same []templates.Value), so a side exit
// needs no state transfer: every uop either completes or leaves its
// destination untouched, and each bytecode instruction writes its real
// destination only in its last uop (intermediates go to scratch slots past
// the bytecode's), so an exit resumes the interpreter at the exact
// instruction (the exit index is its pc). Anything the translator does not
// know (calls, objects, branches inside the body) leaves the loop to the
// interpreter for good.

// Config tunes a run.
type Config struct {
	// JIT compiles hot loops to native code (linux and darwin on amd64 and
	// arm64; elsewhere the interpreter runs alone).
	JIT bool
	// JITHot is how many back-edges make a loop hot; 0 means 200.
	JITHot int
}

// jitScratch slots follow the bytecode's slots in every frame, for values
// a trace needs that the bytecode has no slot for.
const jitScratch = 3

// jitBudget is how many back-edges a trace runs between returns to Go (see
// jit.Trace.RunLoop): the GC and the scheduler wait at most that long.
const jitBudget = 1 << 16

var (
	jitCacheOnce sync.Once
	jitCache     *jit.Cache
)

// sharedCache is the code cache of every run in the process, or nil when
// the host cannot run native code.
func sharedCache() *jit.Cache {
	jitCacheOnce.Do(func() {
		c, err := jit.NewCache(jit.Config{Evict: true})
		if err == nil {
			jitCache = c
		}
	})
	return jitCache
}

// loopTrace is a loop's tier-2 state.
type loopTrace struct {
	tr     *jit.Trace // nil: the loop cannot be traced
	misses int        // entries that left at once, at the loop head
}

// jitState is a VM's tier-2 state.
type jitState struct {
	hot    uint32 // back-edges that make a loop hot
	cache  *jit.Cache
	st     templates.State
	traces []*jit.Trace // compiled in this run, freed when it ends
}

// free releases the run's traces.
func (j *jitState) free() {
	for _, t := range j.traces {
		t.Free()
	}
	j.traces = nil
}

// runLoop is called at a taken back-edge (pc is the jump's) whose loop
// body starts at head. It runs the loop's trace, compiling it the first
// time, and returns where the interpreter resumes, or false to go on
// interpreting.
func (vm *VM) runLoop(f *frame, pc, head int) (int, bool) {
	co := f.code
	if co.loops == nil {
		co.loops = map[int]*loopTrace{}
	}
	lt := co.loops[head]
	if lt == nil {
		lt = &loopTrace{}
		co.loops[head] = lt
		uops, ok := traceLoop(f, head, pc)
		if ok {
			if tr, err := vm.jit.cache.Compile(uops); err == nil {
				lt.tr = tr
				vm.jit.traces = append(vm.jit.traces, tr)
			}
		}
	}
	if lt.tr == nil {
		// Not traceable (or given up on): look again only after another
		// jitHot back-edges, so the loop runs at interpreter speed.
		co.counters[pc] = 0
		return 0, false
	}
	ec := lt.tr.RunLoop(&vm.jit.st, f.regs, jitBudget)
	if ec.Reason() != templates.ExitSide {
		// The trace was evicted (or never ran): interpret from here on.
		lt.tr = nil
		return 0, false
	}
	resume := int(ec.Index())
	if resume == head {
		// A guard at the top failed: the types changed since the trace was
		// made. After a few of these, leave the loop to the interpreter.
		if lt.misses++; lt.misses > 8 {
			lt.tr = nil
		}
	}
	return resume, true
}

// types of slots while translating.
type slotType = templates.Tag

// tracer translates one loop body.
type tracer struct {
	f       *frame
	head    int
	end     int // the back-edge's pc
	uops    []jit.Uop
	known   map[int32]slotType // slot types at the current point
	assumed map[int32]slotType // slot types the body assumes on entry (guarded)
	written map[int32]bool
	scratch int32 // first scratch slot
	exits   []pendingExit
	failed  bool
}

// pendingExit is a uop that jumps out of the trace to resume at pc: the
// jump is patched to an exit uop appended at the end.
type pendingExit struct {
	uop int
	pc  int
}

func slotOp(s int32) uint64 { return uint64(s) * templates.SlotSize }

// traceLoop translates the loop whose body runs from head to the back-edge
// at end, or reports false.
func traceLoop(f *frame, head, end int) ([]jit.Uop, bool) {
	co := f.code
	t := &tracer{f: f, head: head, end: end, known: map[int32]slotType{}, assumed: map[int32]slotType{},
		written: map[int32]bool{}, scratch: int32(co.nslots - jitScratch)}
	for pc := head; pc <= end && !t.failed; {
		pc = t.instr(pc, &co.instrs[pc])
	}
	if t.failed || len(t.uops) == 0 || t.uops[len(t.uops)-1].Op != generated.OpLoop {
		return nil, false
	}
	// Entry guards go first, now that the body has said which slots it
	// reads before writing.
	body := t.uops
	// The types the back-edge leaves must be the ones the top assumes.
	for s, ty := range t.assumed {
		if t.known[s] != ty {
			return nil, false
		}
	}
	var guards []jit.Uop
	for s, ty := range t.assumed {
		var op generated.Op
		switch ty {
		case templates.TagInt:
			op = generated.OpGuardInt
		case templates.TagFloat:
			op = generated.OpGuardFloat
		case templates.TagBool:
			op = generated.OpGuardBool
		default:
			return nil, false
		}
		guards = append(guards, jit.Uop{Op: op, Operands: [4]uint64{slotOp(s)}, Exit: head})
	}
	// Deterministic guard order (map iteration is not).
	sortUops(guards)
	shift := len(guards)
	out := append(guards, body...)
	for i := shift; i < len(out); i++ {
		if jumps(out[i].Op) {
			out[i].Jump += shift
		}
	}
	for _, e := range t.exits {
		out[e.uop+shift].Jump = len(out)
		out = append(out, jit.Uop{Op: generated.OpExit, Operands: [4]uint64{uint64(e.pc)}})
	}
	return out, true
}

func jumps(op generated.Op) bool {
	switch op {
	case generated.OpLoop, generated.OpJump,
		generated.OpIntJumpIfLt, generated.OpIntJumpIfLe, generated.OpIntJumpIfGt, generated.OpIntJumpIfGe,
		generated.OpIntJumpIfEq, generated.OpIntJumpIfNe,
		generated.OpFloatJumpIfLt, generated.OpFloatJumpIfLe, generated.OpFloatJumpIfGt, generated.OpFloatJumpIfGe,
		generated.OpFloatJumpIfEq, generated.OpFloatJumpIfNe:
		return true
	}
	return false
}

func sortUops(us []jit.Uop) {
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && us[j].Operands[0] < us[j-1].Operands[0]; j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

func (t *tracer) fail() { t.failed = true }

// read returns slot s's type, assuming (and later guarding) the type it
// holds now if the body has not written it yet.
func (t *tracer) read(s int32) slotType {
	if ty, ok := t.known[s]; ok {
		return ty
	}
	co := t.f.code
	ty := t.f.regs[s].Tag
	switch ty {
	case templates.TagInt, templates.TagFloat, templates.TagBool:
	default:
		t.fail()
		return ty
	}
	if int(s) < co.nlocals || int(s) >= co.nlocals+len(co.consts) {
		t.assumed[s] = ty // constants never change: no guard
	}
	t.known[s] = ty
	return ty
}

func (t *tracer) emit(u jit.Uop) int {
	t.uops = append(t.uops, u)
	return len(t.uops) - 1
}

func (t *tracer) write(s int32, ty slotType) {
	t.known[s] = ty
	t.written[s] = true
}

// exitIf emits a conditional jump out of the trace to resume at pc.
func (t *tracer) exitIf(op generated.Op, a, b int32, pc int) {
	i := t.emit(jit.Uop{Op: op, Operands: [4]uint64{slotOp(a), slotOp(b)}})
	t.exits = append(t.exits, pendingExit{uop: i, pc: pc})
}

// asFloat returns a slot holding s as a float: s itself, or scratch slot k
// converted from an int.
func (t *tracer) asFloat(s int32, k int32, pc int) int32 {
	switch t.read(s) {
	case templates.TagFloat:
		return s
	case templates.TagInt:
		d := t.scratch + k
		t.emit(jit.Uop{Op: generated.OpIntToFloat, Operands: [4]uint64{slotOp(d), slotOp(s)}})
		return d
	}
	t.fail()
	return s
}

var (
	jitIntArith   = map[Op]generated.Op{opAdd: generated.OpIntAdd, opSub: generated.OpIntSub, opMul: generated.OpIntMul}
	jitFloatArith = map[Op]generated.Op{opAdd: generated.OpFloatAdd, opSub: generated.OpFloatSub, opMul: generated.OpFloatMul, opTrueDiv: generated.OpFloatDiv}
	// intJumpIf and floatJumpIf take a comparison (opLt...) to the uop that
	// jumps when it holds.
	intJumpIf = map[Op]generated.Op{opLt: generated.OpIntJumpIfLt, opLe: generated.OpIntJumpIfLe, opGt: generated.OpIntJumpIfGt,
		opGe: generated.OpIntJumpIfGe, opEq: generated.OpIntJumpIfEq, opNe: generated.OpIntJumpIfNe}
	floatJumpIf = map[Op]generated.Op{opLt: generated.OpFloatJumpIfLt, opLe: generated.OpFloatJumpIfLe, opGt: generated.OpFloatJumpIfGt,
		opGe: generated.OpFloatJumpIfGe, opEq: generated.OpFloatJumpIfEq, opNe: generated.OpFloatJumpIfNe}
)

// cmpJump emits a uop that jumps (to be patched) when a cmp b holds, for
// two ints or two floats.
func (t *tracer) cmpJump(cmp Op, a, b int32) int {
	ta, tb := t.read(a), t.read(b)
	switch {
	case ta == templates.TagInt && tb == templates.TagInt:
		return t.emit(jit.Uop{Op: intJumpIf[cmp], Operands: [4]uint64{slotOp(a), slotOp(b)}})
	case ta == templates.TagFloat && tb == templates.TagFloat:
		return t.emit(jit.Uop{Op: floatJumpIf[cmp], Operands: [4]uint64{slotOp(a), slotOp(b)}})
	}
	t.fail()
	return 0
}

// instr translates the instruction at pc and returns the pc to translate
// next.
func (t *tracer) instr(pc int, in *Instr) int {
	next := pc + 1
	inBody := func(target int32) bool { return int(target) > pc && int(target) <= t.end }
	switch in.Op {
	case opMove:
		ty := t.read(in.B)
		t.emit(jit.Uop{Op: generated.OpMove, Operands: [4]uint64{slotOp(in.A), slotOp(in.B)}})
		t.write(in.A, ty)
	case opAdd, opSub, opMul, opTrueDiv:
		ta, tb := t.read(in.B), t.read(in.C)
		if ta == templates.TagInt && tb == templates.TagInt && in.Op != opTrueDiv {
			t.emit(jit.Uop{Op: jitIntArith[in.Op], Operands: [4]uint64{slotOp(in.A), slotOp(in.B), slotOp(in.C)}, Exit: pc})
			t.write(in.A, templates.TagInt)
			break
		}
		if ta == templates.TagBool || tb == templates.TagBool {
			t.fail()
			break
		}
		a := t.asFloat(in.B, 0, pc)
		b := t.asFloat(in.C, 1, pc)
		t.emit(jit.Uop{Op: jitFloatArith[in.Op], Operands: [4]uint64{slotOp(in.A), slotOp(a), slotOp(b)}, Exit: pc})
		t.write(in.A, templates.TagFloat)
	case opNeg:
		switch t.read(in.B) {
		case templates.TagInt:
			t.emit(jit.Uop{Op: generated.OpIntNeg, Operands: [4]uint64{slotOp(in.A), slotOp(in.B)}, Exit: pc})
			t.write(in.A, templates.TagInt)
		case templates.TagFloat:
			t.emit(jit.Uop{Op: generated.OpFloatNeg, Operands: [4]uint64{slotOp(in.A), slotOp(in.B)}})
			t.write(in.A, templates.TagFloat)
		default:
			t.fail()
		}
	case opJumpIfNotLt, opJumpIfNotLe, opJumpIfNotGt, opJumpIfNotGe, opJumpIfNotEq, opJumpIfNotNe:
		// if not (a cmp b): goto C.
		cmp := in.Op - opJumpIfNotLt + opLt
		switch {
		case inBody(in.C):
			// An if inside the body: the block it guards (pc+1 up to C)
			// runs in the interpreter, which comes back at the next
			// back-edge; the trace goes on at C. The block is often a
			// break or a return, which leaves the loop anyway.
			j := t.cmpJump(cmp, in.A, in.B)
			t.exits = append(t.exits, pendingExit{uop: j, pc: pc + 1})
			next = int(in.C)
		case int(in.C) > t.end || int(in.C) < t.head:
			// Out of the loop: jump over the exit when the comparison
			// holds (NaN-safe for floats).
			j := t.cmpJump(cmp, in.A, in.B)
			t.uops[j].Jump = j + 2
			t.emit(jit.Uop{Op: generated.OpExit, Operands: [4]uint64{uint64(in.C)}})
		default:
			t.fail()
		}
	case opJumpIfFalse, opJumpIfTrue:
		// if [not] flag: on a bool slot, as the fused compares above.
		if t.read(in.A) != templates.TagBool || !inBody(in.B) {
			t.fail()
			break
		}
		op := generated.OpJumpIfTrue // leave when the block runs
		if in.Op == opJumpIfTrue {
			op = generated.OpJumpIfFalse
		}
		j := t.emit(jit.Uop{Op: op, Operands: [4]uint64{slotOp(in.A)}})
		t.exits = append(t.exits, pendingExit{uop: j, pc: pc + 1})
		next = int(in.B)
	case opJumpIfLt, opJumpIfLe, opJumpIfGt, opJumpIfGe, opJumpIfEq, opJumpIfNe:
		cmp := in.Op - opJumpIfLt + opLt
		switch {
		case pc == t.end && int(in.C) == t.head:
			// The loop's own back-edge: on to the safepoint check and the
			// top; otherwise out, after the loop.
			j := t.cmpJump(cmp, in.A, in.B)
			t.uops[j].Jump = j + 2
			t.emit(jit.Uop{Op: generated.OpExit, Operands: [4]uint64{uint64(pc + 1)}})
			t.emit(jit.Uop{Op: generated.OpLoop, Operands: [4]uint64{0}, Jump: 0})
		case int(in.C) < t.head || int(in.C) > t.end:
			j := t.cmpJump(cmp, in.A, in.B)
			t.exits = append(t.exits, pendingExit{uop: j, pc: int(in.C)})
		default:
			t.fail()
		}
	case opForRange:
		if pc != t.end || int(in.C) != t.head {
			t.fail()
			break
		}
		// counter A, target B, stop D, step E, all ints; the step must be
		// positive (checked on entry: the zero is a scratch slot).
		if t.read(in.A) != templates.TagInt || t.read(in.D) != templates.TagInt || t.read(in.E) != templates.TagInt {
			t.fail()
			break
		}
		if t.written[in.A] || t.written[in.D] || t.written[in.E] {
			t.fail() // the body changes the loop's own state
			break
		}
		zero := t.scratch + 2
		// Prepended to the body: the step check, once per entry.
		pre := []jit.Uop{
			{Op: generated.OpLoadInt, Operands: [4]uint64{slotOp(zero), 0}},
			{Op: generated.OpIntJumpIfGt, Operands: [4]uint64{slotOp(in.E), slotOp(zero)}, Jump: 3},
			{Op: generated.OpExit, Operands: [4]uint64{uint64(t.head)}},
		}
		t.uops = append(pre, t.uops...)
		for i := range t.uops[len(pre):] {
			if jumps(t.uops[len(pre)+i].Op) {
				t.uops[len(pre)+i].Jump += len(pre)
			}
		}
		for i := range t.exits {
			t.exits[i].uop += len(pre)
		}
		j := t.emit(jit.Uop{Op: generated.OpIntJumpIfLt, Operands: [4]uint64{slotOp(in.A), slotOp(in.D)}})
		t.uops[j].Jump = j + 2
		t.emit(jit.Uop{Op: generated.OpExit, Operands: [4]uint64{uint64(pc + 1)}})
		t.emit(jit.Uop{Op: generated.OpMove, Operands: [4]uint64{slotOp(in.B), slotOp(in.A)}})
		t.emit(jit.Uop{Op: generated.OpIntAdd, Operands: [4]uint64{slotOp(in.A), slotOp(in.A), slotOp(in.E)}, Exit: pc})
		t.emit(jit.Uop{Op: generated.OpLoop, Operands: [4]uint64{0}, Jump: len(pre)})
		t.write(in.B, templates.TagInt)
	default:
		t.fail()
	}
	return next
}
