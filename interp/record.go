package interp

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
	"github.com/copypatch/copypatch/uopref"
)

// The recorder runs one iteration of a hot loop itself: it translates each
// bytecode instruction on the path into uops and runs them at once on the
// frame with the uop reference (uopref), so the frame moves on exactly as
// the trace will move it, and the next branch is decided by real values.
// Where it relies on a value's type it emits a guard first. Calls to small
// Python functions are inlined: their frames are windows of slots above
// the caller's, as the interpreter lays frames out. Anything it cannot
// translate stops the recording, and the interpreter resumes at that very
// instruction through a snapshot, as after a side exit.

const (
	maxTraceInsts  = 3000 // longer recordings are aborted
	maxInlineDepth = 4    // inlined calls within calls
	scratchSlots   = 96   // the trace's own slots, past the root frame
)

type recFrame struct {
	code   *Code
	fn     *Function
	base   int32
	callPC int
	dest   int32
	bound  map[int32]bool // locals bound since the call
	// op, for an operator's special method inlined (instanceBinary), is
	// the operator, of the values in slots left and right.
	op          Op
	left, right int32
}

type recorder struct {
	vm        *VM
	lt        *loopTrace
	rootCode  *Code
	regs      []templates.Value // vm.stack from the root frame's first slot
	head, end int
	frames    []*recFrame // inlined, innermost last
	insts     []traceopt.Inst
	recMaps
	// mapsBox is where release gives recMaps back (jitState.recMaps): a
	// new box every recording was an object of a size class nothing else
	// uses, fresh pages each time one filled.
	mapsBox   *recMaps
	consts    map[int32]templates.Value // the root's constant slots
	scratch   int32                     // next free scratch slot
	scratchLo int32
	extent    int32
	pc        int
	stepStart int // where the IR of the instruction being translated starts (other)
	snapHere  int // snapshot of the current instruction, or -1
	abort     string
	resume    int // the snapshot to resume through when the recording stops, or -1: here
	st        templates.State
	stepper   uopref.Stepper // refStep's
	inner     []innerLoop    // inner loops being recorded, innermost last
	relearn   bool           // stopped to record again with what it learned
	hopeless  bool           // stopped where no other path of the loop is likely to do better (callOutsHopeless)
	root      *frame
	bridge    bool // recording a bridge, not the loop
	callOuts  int  // instructions the trace leaves for the interpreter to run
	stores    int  // object attribute stores the trace leaves for Go to do
	steps     int  // instructions recorded, call-outs and inlined frames' included
	hadInner  bool // an inner loop was recorded
	// innerUops and innerCallOuts count what running inner loops to
	// their end on the uop reference did (runInner): the native work and
	// call-outs of their iterations after the recorded one. innerNative:
	// an inner loop ran long enough to finish natively.
	innerUops, innerCallOuts int
	innerNative              bool
	raised                   error // what a call-out raised while recording
	retVal                   Val   // a function trace: what the recorded path returned
	// untraceable: the recording stopped at an instruction no recording
	// translates (a function trace is not tried again).
	untraceable bool
	deferred    bool // a function trace's recording reached a call of itself first
	// left is the branch a function trace's bridge is recorded from: the
	// bridge's first instruction, if it is the same branch, is known.
	left *traceopt.Inst
	// side is set while a side path of an inner loop is recorded
	// (record_side.go).
	side *sideState
	// sideWall: stopped in a side path of an inner loop the recording
	// was running to its end (record_side.go).
	sideWall bool
	// typeWall: stopped at a value of a type no recording translates
	// there and that every path to the instruction brings (loadElem: a
	// list that holds strs holds strs): the loop is given up at once.
	typeWall bool
	// lastAt holds the copies saveAt made last, which it hands out again
	// while the maps stay the same (saveAt).
	lastAt stateAt
	// changed lists the slots whose entries in known or cval may differ
	// from lastAt's since saveAt made it (noteKnown); changedAll: any
	// may, or more than maxChanged.
	changed    []int32
	changedAll bool
	// heads marks the loop heads of headsCode, the code recorded last
	// (needsSave).
	headsCode *Code
	heads     []bool
	// snapBuf is where snap builds a snapshot's parts; snapLast holds
	// those of the snapshot made last (shareParts).
	snapBuf, snapLast snapParts
	partsLast         *snapParts // the parts internParts handed out last
	snapSlab          []snapshot // newSnapshot's
	// exitAt is, for a bridge that ended at the loop's own test with the
	// loop ending (loopEndsHere), the snapshot the interpreter resumes
	// through; -1 otherwise.
	exitAt int
}

// needsSave reports whether what is known where the recording of the
// instruction at r.pc starts must be kept (saveAt): inside an inner loop
// or a side path, whose side paths start over from there, and at a loop
// head, which a while loop's back-edge may later make an inner loop's top
// (innerTop). Elsewhere nothing reads it: saving at every instruction of
// a loop without inner loops cloned the four maps at each change, a
// quarter of what recording allocated.
func (r *recorder) needsSave() bool {
	if len(r.inner) > 0 || r.side != nil {
		return true
	}
	co := r.code()
	if r.headsCode != co {
		r.headsCode, r.heads = co, loopHeads(co)
	}
	return r.pc < len(r.heads) && r.heads[r.pc]
}

// loopHeads marks the instructions a backward jump of co goes to.
func loopHeads(co *Code) []bool {
	heads := make([]bool, len(co.instrs))
	for pc := range co.instrs {
		in := &co.instrs[pc]
		to := -1
		switch in.Op {
		case opJumpBack:
			to = int(in.A)
		case opJumpIfFalse, opJumpIfTrue:
			to = int(in.B)
		case opJumpIfLt, opJumpIfLe, opJumpIfGt, opJumpIfGe, opJumpIfEq, opJumpIfNe,
			opJumpIfNotLt, opJumpIfNotLe, opJumpIfNotGt, opJumpIfNotGe, opJumpIfNotEq, opJumpIfNotNe,
			opForRange, opForIter:
			to = int(in.C)
		}
		if to >= 0 && to <= pc {
			heads[to] = true
		}
	}
	return heads
}

// recMaps are a recorder's maps. A recording's are cleared and serve the
// next (jitState.recMaps, release): they grow to the trace's size, and
// each recording growing its own anew filled fresh pages.
type recMaps struct {
	known    map[int32]traceopt.Type
	cval     map[int32]templates.Value // slots holding constants: the root's and those loaded here
	objects  map[int32]Val             // slots holding objects the trace knows (functions, modules)
	lists    map[int32]bool            // slots the trace may write a list or a str into
	firstAt  pcIndex                   // where the recording of each instruction last started
	alt      keysAt                    // per exit branch: where the path would go the other way
	iters    map[int32]virtualIter
	wides    map[int32]int32  // slots kept as 128-bit ints for the whole trace, to their private slots
	tmpWides map[int32]int32  // slots whose value is a 128-bit int in a private slot now (record_wide.go)
	shapes   map[int32]*Shape // instance slots whose shape the trace checked, since the last call-out
	// touched marks, by slot, the slots the trace has read or written (a
	// slice: a map store at every typeOf and emit was a tenth of what
	// stepping an instruction cost).
	touched []bool
	// saved holds, by IR index, what was known of slots where the
	// recording of instructions started (saveAt), to check inner loops
	// and side paths against; nil maps where nothing was saved. (A slice:
	// four map stores a save were a third of saveAt's cost.)
	saved  []stateAt
	relied map[int32]int // slots whose constant value the trace relied on, by IR index
	// startKey is, by IR index, the instruction whose recording started
	// there last, where saved holds what was known then.
	startKey keysAt
	pools    recPools
	// savedArena and cvalArena hold saveAt's copies of known and cval.
	savedArena arena[uint8]
	cvalArena  arena[cvalEntry]
}

// touch marks slot s touched.
func (m *recMaps) touch(s int32) {
	if s < 0 {
		return
	}
	if int(s) >= len(m.touched) {
		m.touched = append(m.touched, make([]bool, int(s)+1-len(m.touched))...)
	}
	m.touched[s] = true
}

// isTouched reports whether slot s was touched.
func (m *recMaps) isTouched(s int32) bool {
	return s >= 0 && int(s) < len(m.touched) && m.touched[s]
}

func (m *recMaps) clear() {
	clear(m.known)
	clear(m.cval)
	clear(m.objects)
	clear(m.lists)
	m.firstAt.reset()
	clear(m.alt)
	m.alt = m.alt[:0]
	clear(m.iters)
	clear(m.wides)
	clear(m.tmpWides)
	clear(m.shapes)
	clear(m.touched)
	m.touched = m.touched[:0]
	clear(m.saved)
	m.saved = m.saved[:0]
	clear(m.relied)
	clear(m.startKey)
	m.startKey = m.startKey[:0]
	m.pools.reset()
	m.savedArena.reset()
	m.cvalArena.reset()
}

// stateAt is what the recorder knows of slots where the recording of an
// instruction starts.
type stateAt struct {
	saved  bool // false: nothing saved there
	known  knownAt
	wides  map[int32]int32
	shapes map[int32]*Shape
	cval   cvalAt
	// objects is what the objects map held, by slot (a few entries:
	// a map cloned at every change was most of saveAt's cost).
	objects      []slotObject
	objectsSaved bool
}

// saveAt keeps what is known of slots now under IR index at, for inner
// loops and side paths to check against. Nothing changes the saved maps,
// so one copy serves every index until the recorder's own maps change: a
// fresh copy of all four per recorded instruction was a third of what a
// recording allocated.
//
// known and cval are the large ones (every slot the trace typed), kept
// as slices cut from arenas the next recording reuses (record_saved.go):
// fresh map copies were the largest site of page faults in JIT work.
// Which of their slots changed since the last copy is noted (noteKnown),
// so that a save after instructions that left them as they were (a write
// of a temporary with the type it had) compares those slots, not the
// whole maps, and a save after a few changes copies known's last array
// and patches those slots. maps.Equal over them at every
// instruction was a quarter of what recording nbody's loops cost.
func (r *recorder) saveAt(at int) {
	l := &r.lastAt
	if !l.saved || r.changedAll {
		l.known = r.saveKnown(nil, nil)
		l.cval = r.saveCval()
	} else {
		knownSame, cvalSame := true, true
		for _, s := range r.changed {
			a, aok := r.known[s]
			b, bok := l.known.get(s)
			knownSame = knownSame && a == b && aok == bok
			v, vok := r.cval[s]
			w, wok := l.cval.get(s)
			cvalSame = cvalSame && v == w && vok == wok
		}
		if !knownSame {
			l.known = r.saveKnown(l.known, r.changed)
		}
		if !cvalSame {
			l.cval = r.saveCval()
		}
	}
	l.saved = true
	if debugSaveAt {
		r.checkSaved(l)
	}
	r.changed, r.changedAll = r.changed[:0], false
	l.wides = sameOrClone(l.wides, r.tmpWides)
	l.shapes = sameOrClone(l.shapes, r.shapes)
	if !l.objectsSaved || !r.sameObjects(l.objects) {
		l.objects, l.objectsSaved = r.saveObjects(), true
	}
	if at >= len(r.saved) {
		if at >= cap(r.saved) {
			// Grown once to what a trace holds, not an entry at a time:
			// each doubling was a new size class, its span fresh pages.
			r.saved = slices.Grow(r.saved, max(at+1, 2*cap(r.saved), firstSaved)-len(r.saved))
		}
		// (Past len the array is zero: clear empties it before a
		// recording, and nothing shortens it during one.)
		r.saved = r.saved[:at+1]
	}
	r.saved[at] = *l
}

// firstSaved is the room saved gets at the run's first save: spectral_norm's
// traces record 150-200 instructions.
const firstSaved = 256

// savedAt is what saveAt kept under IR index at: nil maps if nothing
// (known is never nil where it saved).
func (r *recorder) savedAt(at int) stateAt {
	if at < 0 || at >= len(r.saved) {
		return stateAt{}
	}
	return r.saved[at]
}

// debugSaveAt makes saveAt check its copies against the maps (a test of
// noteKnown's callers).
const debugSaveAt = false

// maxChanged bounds the slots noteKnown lists before saveAt compares the
// whole maps instead.
const maxChanged = 32

// noteKnown notes that what known or cval hold for slot s may have
// changed; every change to either goes through it (or knownReplaced).
func (r *recorder) noteKnown(s int32) {
	if r.changedAll {
		return
	}
	if len(r.changed) >= maxChanged {
		r.changedAll = true
		return
	}
	r.changed = append(r.changed, s)
}

// knownReplaced notes that known and cval were replaced or changed in
// many slots.
func (r *recorder) knownReplaced() { r.changedAll = true }

// sameOrClone returns prev when it holds what cur does (nil only for nil),
// or a copy of cur. (A fresh copy, not one of r.pools': filling a
// recycled map entry by entry took spectral_norm's 36 saves 156 K
// instructions, maps.Clone 94 K.)
func sameOrClone[K, V comparable](prev, cur map[K]V) map[K]V {
	if prev != nil && cur != nil && maps.Equal(prev, cur) {
		return prev
	}
	return maps.Clone(cur)
}

// reliesOn notes that the instruction being recorded relies on slot s
// holding the constant r.cval has for it.
func (r *recorder) reliesOn(s int32) {
	if _, ok := r.relied[s]; !ok {
		r.relied[s] = len(r.insts)
	}
}

// virtualIter is a list iterator the trace keeps as a list slot and an
// index slot; exits make the interpreter's iterator object from them.
type virtualIter struct {
	list, index int32
	entry       bool // the loop's own iterator, a real object kept up to date (loopTrace.entryIters)
}

func (r *recorder) key(pc int) pcKey { return pcKey{len(r.frames), r.code(), pc} }

// failf stops the recording; the reason goes to --jit-debug.
func (r *recorder) failf(format string, args ...any) {
	if r.abort == "" {
		r.abort = fmt.Sprintf(format, args...)
	}
}

// aName is a type or tag's name with its article, for abort reasons:
// "an int", "a float".
func aName(t fmt.Stringer) string {
	name := t.String()
	if name != "" && strings.ContainsRune("aeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

func (r *recorder) code() *Code {
	if n := len(r.frames); n > 0 {
		return r.frames[n-1].code
	}
	return r.rootCode
}

// abs is operand slot s of the current frame, relative to the root frame.
func (r *recorder) abs(s int32) int32 {
	if n := len(r.frames); n > 0 {
		return r.frames[n-1].base + s
	}
	return s
}

// exec runs one uop on the frame. A uop that would leave the trace stops
// the recording (an overflow, an index out of range: the interpreter does
// it).
func (r *recorder) exec(in *traceopt.Inst) uopref.Next {
	next, err := r.refStep(in)
	if err != nil {
		panic("BUG: recorder: " + err.Error())
	}
	if next == uopref.Exit {
		r.failf("%v would leave the trace here", in.Op)
	}
	return next
}

// emit runs in and appends it to the trace, learning what it writes.
func (r *recorder) emit(in traceopt.Inst) {
	info := traceopt.Info(in.Op)
	if info == nil {
		panic(fmt.Sprintf("BUG: recorder emits %v, unknown to the optimizer", in.Op))
	}
	if !info.Exits && !info.Branch {
		in.Exit = traceopt.NoExit
	}
	op := generated.Op(in.Op)
	if r.vm.threaded() && instanceOp(op) {
		r.failf("an instance while threads run") // (another thread may be changing it)
		return
	}
	if r.exec(&in) == uopref.Exit {
		return
	}
	r.insts = append(r.insts, in)
	for k, kind := range info.Args {
		if kind != traceopt.Dst {
			continue
		}
		d := int32(in.Args[k] / templates.SlotSize)
		if w, ok := r.wides[d]; ok {
			// A slot kept 128-bit for the whole trace gets an int: its
			// private slot follows.
			if r.regs[d].Tag != tagInt {
				r.failf("%s into a 128-bit slot", aName(r.regs[d].Tag))
				return
			}
			r.touch(d)
			r.emit(traceopt.Inst{Op: generated.OpIntToWide, Args: [4]uint64{traceopt.Slot(w), traceopt.Slot(d)}})
			continue
		}
		r.wrote(d)
		if r.lt.exitReads[d] && !r.lt.isGlobalSlot(d) {
			continue // a private 128-bit slot: no value the optimizer types
		}
		v := r.regs[d]
		ty := traceopt.TypeOf(v)
		if v.Tag == tagObject {
			ty = objType(v.Bits)
		}
		r.known[d] = ty
		if objectType(ty) {
			r.lists[d] = true
		}
		switch in.Op {
		case generated.OpLoadInt, generated.OpLoadFloat:
			r.cval[d] = v
		}
	}
}

// move emits a move of slot src to slot dst: an instance there keeps the
// shape the trace knows it has.
func (r *recorder) move(dst, src int32) {
	sh, ok := r.shapes[src]
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(dst), traceopt.Slot(src)}})
	if ok && r.abort == "" {
		r.shapes[dst] = sh
	}
}

// clobber tells the optimizer that slot d changes here though no uop
// writes it: it holds an object the trace keeps aside, which exits (and
// call-outs) put there for the interpreter.
func (r *recorder) clobber(d int32) {
	r.insts = append(r.insts, traceopt.Inst{Op: traceopt.OpClobber, Args: [4]uint64{traceopt.Slot(d)}, Exit: traceopt.NoExit})
}

// wrote forgets what was known of slot d before a write.
func (r *recorder) wrote(d int32) {
	if _, ok := r.wides[d]; ok {
		r.failf("a write to a 128-bit accumulator")
	}
	r.touch(d)
	delete(r.known, d)
	delete(r.cval, d)
	r.noteKnown(d)
	// (len first: mostly empty, and a delete is a call.)
	if len(r.tmpWides) > 0 {
		delete(r.tmpWides, d)
	}
	if len(r.objects) > 0 {
		delete(r.objects, d)
	}
	if len(r.iters) > 0 {
		delete(r.iters, d)
	}
	if len(r.shapes) > 0 {
		delete(r.shapes, d)
	}
	if n := len(r.frames); n > 0 {
		r.frames[n-1].bound[d] = true
	}
}

// constInt returns a scratch slot loaded with v here. A trace (with its
// bridges) keeps one slot per constant, so that equal checks against it are
// the same instruction, which the optimizer can see is redundant.
func (r *recorder) constInt(v int64) int32 {
	s, ok := r.lt.constSlots[v]
	if !ok {
		s = r.newScratch()
		r.lt.constSlots[v] = s
	}
	r.emit(traceopt.Inst{Op: generated.OpLoadInt, Args: [4]uint64{traceopt.Slot(s), uint64(v)}})
	return s
}

func (r *recorder) newScratch() int32 {
	if r.scratch >= r.scratchLo+r.lt.scratchSize() {
		r.failf("out of scratch slots")
		return r.scratchLo
	}
	r.scratch++
	return r.scratch - 1
}

// closeLoop ends the trace at the loop's back-edge.
func (r *recorder) closeLoop() {
	if !r.widesAtBackEdge() {
		return
	}
	r.emit(traceopt.Inst{Op: generated.OpLoop, Args: [4]uint64{0}})
}

// jumpTo moves the root frame's recording to pc, which must stay inside
// the loop: a path that leaves it is not a loop iteration.
func (r *recorder) jumpTo(pc int) int {
	if len(r.frames) == 0 && !r.lt.fn && (pc < r.head || pc > r.end) {
		r.failf(leavesTheLoop)
	}
	return pc
}

// step translates the instruction at r.pc and returns the next pc, or -1
// once the trace is closed.
func (r *recorder) step() int {
	co := r.code()
	in := &co.instrs[r.pc]
	pc := r.pc
	next := pc + 1
	root := len(r.frames) == 0
	r.stepStart = len(r.insts)
	A, B, C := r.abs(in.A), r.abs(in.B), r.abs(in.C)
	if r.lt.fn && loopsBack(in, pc) {
		// A function trace calls itself natively: a safepoint exit
		// from a loop in it could not find its frame.
		r.failf("a loop in a traced function")
		return next
	}
	switch in.Op {
	case opNop, opCallArgs:
		// (CALL_ARGS: the trace runs the moves and the call after it.)
	case opMove:
		if in.E&privA != 0 {
			// The move may drop a private list (fresh.go): the
			// interpreter gives its array back to the pool.
			r.failf("a move that drops a private list")
			break
		}
		if r.moveWide(A, B) {
			break
		}
		if v, ok := r.objects[B]; ok {
			r.wrote(A)
			r.objects[A] = v
			r.clobber(A)
			r.clobber(A)
			break
		}
		if r.typeOf(B) == traceopt.Unknown {
			r.failf("move of an object")
			break
		}
		r.move(A, B)
	case opAdd, opSub, opMul, opTrueDiv, opFloorDiv, opMod, opLshift, opRshift, opBitAnd, opBitOr, opBitXor,
		opLt, opLe, opGt, opGe, opEq, opNe:
		if binArith[in.Op] && in.D != inPlace && r.instanceAt(B) {
			return r.instanceBinary(in.Op, A, B, C)
		}
		r.binary(in.Op, A, B, C)
	case opIs, opIsNot:
		r.identity(in.Op, A, B, C)
	case opUnpack:
		r.unpack(A, B, int(in.C), in.D)
	case opNeg, opInvert:
		switch t := r.typeOf(B); {
		case t == traceopt.Int && in.Op == opNeg:
			r.emit(traceopt.Inst{Op: generated.OpIntNeg, Args: [4]uint64{traceopt.Slot(A), traceopt.Slot(B)}, Exit: r.snap()})
		case t == traceopt.Int:
			r.emit(traceopt.Inst{Op: generated.OpIntInvert, Args: [4]uint64{traceopt.Slot(A), traceopt.Slot(B)}})
		case t == traceopt.Float && in.Op == opNeg:
			r.emit(traceopt.Inst{Op: generated.OpFloatNeg, Args: [4]uint64{traceopt.Slot(A), traceopt.Slot(B)}})
		default:
			r.failf("%v of %s", in.Op, aName(t))
		}
	case opJump:
		next = r.jumpTo(int(in.A))
		if int(in.A) <= pc {
			r.failf("backward jump")
		}
	case opJumpBack:
		if root && pc == r.end && int(in.A) == r.head {
			r.closeLoop()
			return -1
		}
		return r.innerForever(int(in.A))
	case opJumpIfFalse, opJumpIfTrue:
		_, folded := r.constTruth(A)
		if folded && int(in.B) <= pc && !(root && pc == r.end && int(in.B) == r.head) {
			// An inner loop's back-edge needs a branch to mark, and a
			// test the trace knows the answer of emits none.
			r.failf("an inner loop whose test is a constant")
			break
		}
		t := r.truth(A)
		if t == (in.Op == opJumpIfTrue) {
			if int(in.B) <= pc {
				if root && pc == r.end && int(in.B) == r.head {
					r.closeLoop()
					return -1
				}
				return r.innerWhile(int(in.B))
			}
			r.other(pc + 1)
			next = r.jumpTo(int(in.B))
		} else if int(in.B) <= pc && !(root && pc == r.end) {
			return r.innerWhileEnded(int(in.B))
		} else if root && pc == r.end && int(in.B) == r.head && r.bridge {
			r.loopEndsHere()
			return -1
		} else {
			r.other(int(in.B))
		}
	case opJumpIfNotLt, opJumpIfNotLe, opJumpIfNotGt, opJumpIfNotGe, opJumpIfNotEq, opJumpIfNotNe:
		if !r.branch(in.Op-opJumpIfNotLt+opLt, r.abs(in.A), r.abs(in.B)) {
			r.other(pc + 1)
			next = r.jumpTo(int(in.C))
		} else {
			r.other(int(in.C))
		}
	case opJumpIfLt, opJumpIfLe, opJumpIfGt, opJumpIfGe, opJumpIfEq, opJumpIfNe:
		if r.branch(in.Op-opJumpIfLt+opLt, r.abs(in.A), r.abs(in.B)) {
			if int(in.C) <= pc {
				if root && pc == r.end && int(in.C) == r.head {
					r.closeLoop()
					return -1
				}
				return r.innerWhile(int(in.C))
			}
			r.other(pc + 1)
			next = r.jumpTo(int(in.C))
		} else if root && pc == r.end {
			r.loopEndsHere()
			return -1
		} else if int(in.C) <= pc {
			return r.innerWhileEnded(int(in.C))
		} else {
			r.other(int(in.C))
		}
	case opForRange:
		if !root || pc != r.end || int(in.C) != r.head {
			return r.innerRange(in, A, B, r.abs(in.D), r.abs(in.E))
		}
		r.forRange(A, B, r.abs(in.D), r.abs(in.E))
		return -1
	case opGetItem:
		r.getItem(A, B, C)
	case opGetIter:
		if r.typeOf(B) != traceopt.List {
			r.failf("iteration over %s", aName(r.typeOf(B)))
			break
		}
		it := virtualIter{list: r.newScratch(), index: r.newScratch()}
		r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(it.list), traceopt.Slot(B)}})
		r.emit(traceopt.Inst{Op: generated.OpLoadInt, Args: [4]uint64{traceopt.Slot(it.index), 0}})
		r.wrote(A)
		r.iters[A] = it
		r.clobber(A)
	case opForIter:
		if root && pc == r.end && int(in.C) == r.head {
			r.forIter(A, B)
			return -1
		}
		return r.innerIter(in, A, B)
	case opSetItem:
		r.setItem(A, B, C)
	case opLoadGlobal:
		r.loadGlobal(A, int(in.B))
	case opStoreGlobal:
		r.storeGlobal(in.A, B)
	case opGetAttr:
		if _, isMod := r.objects[B].O.(*Module); !isMod {
			return r.getAttr(A, B, co.names[in.C])
		}
		v, ok := r.moduleAttr(B, co.names[in.C])
		if !ok {
			break
		}
		r.wrote(A)
		r.objects[A] = v
		r.clobber(A)
	case opSetAttr:
		r.setAttr(A, co.names[in.B], C)
	case opCall:
		fv, ok := r.objects[B]
		if !ok {
			r.failf("call of an unknown value")
			break
		}
		if b, ok := fv.O.(*Builtin); in.E&lenPrivArg != 0 && (!ok || !b.isLen) {
			// A private local's list passed on (fresh.go): the
			// interpreter unmarks it first.
			r.failf("len rebound, called with a private list")
			break
		}
		if in.E&(convPrivA|convPrivArg) != 0 {
			// list(x) into or tuple(a) of a private local
			// (fresh_conv.go): the interpreter keeps the marks.
			r.failf("list or tuple call at a private local")
			break
		}
		if t, ok := fv.O.(*typeObj); in.E&revPrivArg != 0 && (!ok || !t.reversed) {
			// The same for reversed (fresh_reversed.go).
			r.failf("reversed rebound, called with a private list")
			break
		}
		if r.selfCallable(fv) {
			return r.selfCall(A, B+1, int(in.C), in.D >= 0, fv.O.(*Function))
		}
		return r.call(A, fv, B+1, int(in.C), in.D >= 0)
	case opCallMethod:
		if in.E == withEnterKw {
			// A with statement's __enter__: the interpreter checks the
			// manager's protocol first.
			r.failf("a with statement")
			break
		}
		if _, isMod := r.objects[B].O.(*Module); !isMod {
			return r.callMethod(A, B, int(in.C), co.names[in.D], in.E >= 0)
		}
		fv, ok := r.moduleAttr(B, co.names[in.D])
		if !ok {
			break
		}
		return r.call(A, fv, B+1, int(in.C), in.E >= 0)
	case opReturn:
		n := len(r.frames)
		if n == 0 && r.lt.fn {
			return r.fnReturn(A)
		}
		if n == 0 {
			r.failf(returnFromLoop)
			break
		}
		fr := r.frames[n-1]
		if v, ok := r.objects[A]; ok {
			if fr.op != opNop && isNotImplemented(v) {
				// The interpreter goes on to the reflected method.
				r.failf("NotImplemented from %s", fr.code.name)
				break
			}
			r.frames = r.frames[:n-1]
			r.wrote(fr.dest)
			r.objects[fr.dest] = v
			r.clobber(fr.dest)
		} else {
			if r.typeOf(A) == traceopt.Unknown {
				r.failf("return of an object")
				break
			}
			r.frames = r.frames[:n-1]
			r.move(fr.dest, A)
		}
		next = fr.callPC + 1
	case opYield, opYieldFromSend:
		// The generator suspends here and its caller runs: the trace
		// cannot go on past it, as it cannot past a return (gen_lift.go).
		// A plain yield of the loop's own frame may end the trace
		// (gen_yield.go).
		if in.Op == opYield && root && r.yieldEnds() {
			return -1
		}
		r.failf(yieldInLoop)
	default:
		r.failf("%v is not traced", in.Op)
		r.untraceable = true
	}
	return next
}

// refStep runs in on the uop reference. Once threads run, a list it reads or
// writes is locked for it as the interpreter's list operations are:
// another thread may be changing it, and a native load on another thread
// must see a store move the list's sequence word.
func (r *recorder) refStep(in *traceopt.Inst) (uopref.Next, error) {
	op := generated.Op(in.Op)
	f := refFunc(op)
	l := r.sharedList(op, in)
	if l == nil {
		next, _, err := r.stepper.Step(f, in.Args, &r.st, r.regs[:r.extent])
		return next, err
	}
	var h held
	if op == generated.OpListStore {
		h = r.vm.lockOne(l)
	} else {
		h = r.vm.lockRead(l)
	}
	next, _, err := r.stepper.Step(f, in.Args, &r.st, r.regs[:r.extent])
	h.unlock(r.vm)
	return next, err
}

// refFuncs holds the uops' reference implementations, by op, each found
// by name the first time a recording steps it, not at every step. (All
// 316 at once, at the first recording, was ~60 K instructions of cold
// map look-ups, 2-3% of perf's samples under the JIT's work in
// spectral_norm; a run's traces step a few dozen ops.)
var refFuncs [generated.NumOps]atomic.Pointer[uopref.Func]

// refFunc is op's reference implementation (one that reports an unknown
// uop when there is none).
func refFunc(op generated.Op) uopref.Func {
	if int(op) >= len(refFuncs) {
		f, _ := uopref.Lookup(op.String())
		return f
	}
	if f := refFuncs[op].Load(); f != nil {
		return *f
	}
	f, _ := uopref.Lookup(op.String())
	refFuncs[op].Store(&f)
	return f
}

// moduleAttr is attribute name of the module the trace knows slot s holds,
// taken as a constant that every entry checks; false (the recording
// stopped) when s holds no module the trace knows or it has no such
// attribute.
func (r *recorder) moduleAttr(s int32, name string) (Val, bool) {
	m, ok := r.objects[s].O.(*Module)
	if !ok {
		r.failf("attribute of an object")
		return Val{}, false
	}
	if m.main != nil {
		r.failf("attribute of __main__") // globals, not a published map
		return Val{}, false
	}
	if m.cls.Load() != nil {
		r.failf("attribute of a module subclass's instance")
		return Val{}, false
	}
	if m.running != nil {
		r.failf("attribute of a module whose code runs") // its frame's names
		return Val{}, false
	}
	v, ok := m.lookup(name)
	if !ok {
		r.failf("no attribute %s", name)
		return Val{}, false
	}
	if _, cell := m.cells[name]; cell {
		// The module's functions may store this name while the trace
		// runs: only a function or class, which they seldom rebind, is
		// taken as a constant (checked on entry).
		switch v.O.(type) {
		case *Function, *Class:
		default:
			r.failf("module attribute %s in a cell", name)
			return Val{}, false
		}
	}
	r.addCheck(globalCheck{index: -1, mod: m, name: name, v: v})
	return v, true
}

func (r *recorder) loadGlobal(a int32, g int) {
	if s, ok := r.lt.globalSlotOf(int32(g)); ok {
		r.loadGlobalSlot(a, s)
		return
	}
	v := r.vm.mod.load(int32(g))
	if v.T == tagEmpty {
		r.failf("unbound global")
		return
	}
	r.addCheck(globalCheck{index: g, v: v})
	switch v.T {
	case tagInt:
		r.emit(traceopt.Inst{Op: generated.OpLoadInt, Args: [4]uint64{traceopt.Slot(a), v.B}})
	case tagFloat:
		r.emit(traceopt.Inst{Op: generated.OpLoadFloat, Args: [4]uint64{traceopt.Slot(a), v.B}})
	case tagObject:
		if v.B != 0 && v.B&7 == 0 {
			// A list: its slot is filled at entry, not checked.
			r.lt.checks = r.lt.checks[:len(r.lt.checks)-1]
			if s, ok := r.addGlobal(int32(g), false); ok {
				r.loadGlobalSlot(a, s)
			}
			return
		}
		r.wrote(a)
		r.objects[a] = v
		r.clobber(a)
	default:
		r.failf("global %v", v.T)
	}
}

// call translates a call of fv with argc arguments from slot args on,
// into slot a: a builtin with a native form, or a small Python function
// inlined.
func (r *recorder) call(a int32, fv Val, args int32, argc int, kw bool) int {
	next := r.pc + 1
	if kw {
		r.failf("call with keywords")
		return next
	}
	return r.callWith(a, fv, func(i int) int32 { return args + int32(i) }, argc)
}

// callWith is call with the i-th argument in slot arg(i).
func (r *recorder) callWith(a int32, fv Val, arg func(int) int32, argc int) int {
	next := r.pc + 1
	switch fn := fv.O.(type) {
	case *Class:
		if fv.T == tagObject && r.newObject(a, fn, arg, argc) {
			return next
		}
		r.failf("call of class %s", fn.name)
		return next
	case *typeObj:
		if fv.O == r.vm.bi["range"].O {
			return r.rangeCall(a, arg(0), argc)
		}
	case *Builtin:
		if argc == 2 && fv.O == r.vm.bi["isinstance"].O {
			r.isinstance(a, arg(0), arg(1))
			return next
		}
		if argc != 1 {
			r.failf("call of %s with %d arguments", fn.name, argc)
			return next
		}
		x := arg(0)
		t := r.typeOf(x)
		var op generated.Op
		switch {
		case fn.name == "len" && t == traceopt.List:
			op = generated.OpListLen
		case fn.name == "len" && t == traceopt.Str:
			op = generated.OpStrLen
		case fn.name == "abs" && t == traceopt.Int:
			op = generated.OpIntAbs
		case fn.name == "abs" && t == traceopt.Float:
			op = generated.OpFloatAbs
		case fn.name == "float" && t == traceopt.Int:
			op = generated.OpIntToFloat
		case fn.name == "float" && t == traceopt.Float:
			op = generated.OpMove
		case fn.name == "sqrt" && (t == traceopt.Float || t == traceopt.Int) && fn == r.vm.mathBuiltin("sqrt"):
			fx, _ := r.asFloat(x)
			x, op = fx, generated.OpFloatSqrt
		default:
			r.failf("call of %s on %s", fn.name, aName(t))
			return next
		}
		r.emit(traceopt.Inst{Op: op, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(x)}, Exit: r.snap()})
		return next
	case *Function:
		co := fn.code
		if r.lt.fn {
			// (Its frame would take the window the native calls use.)
			r.failf("call of %s in a function trace", co.name)
			return next
		}
		if !co.simple || co.isGenerator || co.nparams != argc || fn.free != nil || len(co.excTable) > 0 {
			r.failf("call of %s: not a simple function", co.name)
			return next
		}
		if len(r.frames) >= maxInlineDepth {
			r.failf("calls nested too deep")
			return next
		}
		if r.vm.depth+len(r.frames)+1 >= r.vm.limit {
			r.failf("near the recursion limit")
			return next
		}
		base := r.scratchLo + scratchSlots
		if n := len(r.frames); n > 0 {
			base = r.frames[n-1].base + int32(r.frames[n-1].code.nslots)
		}
		if int(base)+co.nslots+r.lt.base > len(r.vm.stack) {
			r.failf("no room for the inlined frame")
			return next
		}
		r.extent = max(r.extent, base+int32(co.nslots))
		for i := 0; i < argc; i++ {
			if t := r.typeOf(arg(i)); t == traceopt.Unknown {
				r.failf("call of %s with an object argument", co.name)
				return next
			}
		}
		fr := &recFrame{code: co, fn: fn, base: base, callPC: r.pc, dest: a, bound: r.pools.slots.empty()}
		// The callee's slots: arguments, then its constants.
		for i := 0; i < argc; i++ {
			r.move(base+int32(i), arg(i))
		}
		r.frames = append(r.frames, fr)
		for i, c := range co.consts {
			s := base + int32(co.nlocals+i)
			switch c.T {
			case tagInt:
				r.emit(traceopt.Inst{Op: generated.OpLoadInt, Args: [4]uint64{traceopt.Slot(s), c.B}})
			case tagFloat:
				r.emit(traceopt.Inst{Op: generated.OpLoadFloat, Args: [4]uint64{traceopt.Slot(s), c.B}})
			default:
				r.wrote(s)
				r.objects[s] = c
				r.clobber(s)
			}
		}
		// Locals the callee has not bound yet must read as unbound.
		for i := co.nparams; i < co.nlocals; i++ {
			r.wrote(base + int32(i))
			delete(fr.bound, base+int32(i))
			r.regs[base+int32(i)] = templates.Value{}
		}
		return 0
	}
	r.failf("call of a %T", fv.O)
	return next
}

// mathBuiltin is the math module's function name, or nil.
func (vm *VM) mathBuiltin(name string) *Builtin {
	m := vm.modules["math"]
	if m == nil {
		return nil
	}
	b, _ := m.table()[name].O.(*Builtin)
	return b
}
