package interp

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"unsafe"

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
	saved   bool // false: nothing saved there
	known   knownAt
	wides   map[int32]int32
	shapes  map[int32]*Shape
	cval    cvalAt
	objects map[int32]Val
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
	if prev := l.objects; prev == nil || !maps.EqualFunc(prev, r.objects, sameVal) {
		l.objects = maps.Clone(r.objects)
	}
	for len(r.saved) <= at {
		r.saved = append(r.saved, stateAt{})
	}
	r.saved[at] = *l
}

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

// snap returns the snapshot of the current instruction, making it the
// first time an exit needs it.
func (r *recorder) snap() int {
	if r.snapHere >= 0 {
		return r.snapHere
	}
	co := r.code()
	sn := r.newSnapshot()
	sn.pc, sn.line = r.pc, int(co.lines[r.pc])
	b := &r.snapBuf
	b.frames, b.clear, b.objects, b.iters = b.frames[:0], b.clear[:0], b.objects[:0], b.iters[:0]
	for _, fr := range r.frames {
		b.frames = append(b.frames, inlineFrame{code: fr.code, fn: fr.fn, base: fr.base, callPC: fr.callPC, dest: fr.dest, op: fr.op, left: fr.left, right: fr.right})
		for i := fr.code.nparams; i < fr.code.nlocals; i++ {
			if s := fr.base + int32(i); !fr.bound[s] {
				b.clear = append(b.clear, s)
			}
		}
	}
	// (len first: both are most often empty, and ranging over an empty
	// map still starts an iterator, a random number included.)
	if len(r.objects) > 0 {
		for s, v := range r.objects {
			b.objects = append(b.objects, slotObject{s, v})
		}
		slices.SortFunc(b.objects, func(a, b slotObject) int { return cmp.Compare(a.slot, b.slot) })
	}
	if len(r.iters) > 0 {
		for s, it := range r.iters {
			if !it.entry {
				b.iters = append(b.iters, iterSlot{slot: s, list: it.list, index: it.index})
			}
		}
		slices.SortFunc(b.iters, func(a, b iterSlot) int { return cmp.Compare(a.slot, b.slot) })
	}
	l := &r.snapLast
	parts := snapParts{
		frames: shareParts(&l.frames, b.frames, func(x, y inlineFrame) bool { return x == y }),
		clear:  shareParts(&l.clear, b.clear, func(x, y int32) bool { return x == y }),
		objects: shareParts(&l.objects, b.objects, func(x, y slotObject) bool {
			return x.slot == y.slot && x.v.T == y.v.T && x.v.B == y.v.B &&
				*(*ifaceWords)(unsafe.Pointer(&x.v.O)) == *(*ifaceWords)(unsafe.Pointer(&y.v.O))
		}),
		iters: shareParts(&l.iters, b.iters, func(x, y iterSlot) bool { return x == y }),
	}
	sn.snapParts = r.internParts(parts)
	sn.wides = r.wideList()
	if r.lt.fn && len(r.frames) == 0 {
		sn.known = maps.Clone(r.known)
	}
	r.lt.snaps = append(r.lt.snaps, sn)
	r.snapHere = len(r.lt.snaps) - 1
	return r.snapHere
}

// snapSlab is how many snapshots newSnapshot allocates at once.
const snapSlab = 16

// newSnapshot is a zero snapshot, from a slab of them: one allocation per
// snapshot was a third of snap's cost (and most of freshSnap's).
func (r *recorder) newSnapshot() *snapshot {
	if len(r.snapSlab) == 0 {
		r.snapSlab = make([]snapshot, snapSlab)
	}
	sn := &r.snapSlab[0]
	r.snapSlab = r.snapSlab[1:]
	return sn
}

// internParts returns the parts of the snapshot made before when p's
// slices are the very ones it has (shareParts handed them out again),
// noParts when p has none, else a copy of p.
func (r *recorder) internParts(p snapParts) *snapParts {
	if p.frames == nil && p.clear == nil && p.objects == nil && p.iters == nil {
		return noParts
	}
	if q := r.partsLast; q != nil && sameSlice(q.frames, p.frames) && sameSlice(q.clear, p.clear) &&
		sameSlice(q.objects, p.objects) && sameSlice(q.iters, p.iters) {
		return q
	}
	q := new(snapParts) // (not &p: p would move to the heap on every call)
	*q = p
	r.partsLast = q
	return q
}

// sameSlice reports whether a and b are the same slice (nil for empty).
func sameSlice[E any](a, b []E) bool {
	return len(a) == len(b) && unsafe.SliceData(a) == unsafe.SliceData(b)
}

// shareParts returns *last if it holds what cur does, else a copy of cur,
// which becomes *last; nil for none.
func shareParts[E any](last *[]E, cur []E, eq func(x, y E) bool) []E {
	if len(cur) == 0 {
		return nil
	}
	if !slices.EqualFunc(*last, cur, eq) {
		*last = slices.Clone(cur)
	}
	return *last
}

// freshSnap is a new snapshot of the current instruction, for a branch.
func (r *recorder) freshSnap() int {
	c := r.newSnapshot()
	*c = *r.lt.snaps[r.snap()]
	if c.known != nil {
		c.known = maps.Clone(r.known) // (with the guards of the branch's operands)
	}
	r.lt.snaps = append(r.lt.snaps, c)
	idx := len(r.lt.snaps) - 1
	r.lt.branch[idx] = true
	return idx
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

// typeOf returns what slot a (relative to the root) holds, guarding it the
// first time the trace relies on it.
func (r *recorder) typeOf(a int32) traceopt.Type {
	// (len first: these maps are most often empty, and a look-up is a
	// call; typeOf's look-ups were 7% of a recording's instructions.)
	if len(r.tmpWides) > 0 {
		if w, ok := r.tmpWides[a]; ok {
			return r.narrow(a, w)
		}
	}
	if len(r.objects) > 0 {
		if _, ok := r.objects[a]; ok {
			return traceopt.Unknown
		}
	}
	if len(r.iters) > 0 {
		if _, ok := r.iters[a]; ok {
			return traceopt.Unknown
		}
	}
	if len(r.wides) > 0 {
		if _, ok := r.wides[a]; ok {
			return traceopt.Unknown
		}
	}
	r.touch(a)
	if t, ok := r.known[a]; ok {
		return t
	}
	if v, ok := r.consts[a]; ok {
		return traceopt.TypeOfTag(v.Tag)
	}
	v := r.regs[a]
	var g generated.Op
	var t traceopt.Type
	switch v.Tag {
	case tagInt:
		g, t = generated.OpGuardInt, traceopt.Int
	case tagFloat:
		g, t = generated.OpGuardFloat, traceopt.Float
	case tagBool:
		g, t = generated.OpGuardBool, traceopt.Bool
	case tagNone:
		g, t = generated.OpGuardNone, traceopt.None
	case tagObject:
		if r.vm.threaded() && v.Bits&7 != 0 {
			// Instances are not traced while threads run, nor strs: a
			// str's kind is worked out lazily (Str.ascii), unlocked.
			return traceopt.Unknown
		}
		switch t = objType(v.Bits); t {
		case traceopt.List:
			g = generated.OpGuardList
		case traceopt.Instance:
			g = generated.OpGuardInstance
		case traceopt.Str:
			g = generated.OpGuardStr
		case traceopt.Tuple:
			// (No guard of the type alone: this one checks the length too.)
			g = generated.OpGuardTuple
		default:
			return traceopt.Unknown
		}
	default:
		return traceopt.Unknown
	}
	in := traceopt.Inst{Op: g, Args: [4]uint64{traceopt.Slot(a)}, Exit: r.snap()}
	if t == traceopt.Tuple {
		in.Args[1] = uint64(len(tupleAt(v.Bits).items))
	}
	r.exec(&in)
	r.insts = append(r.insts, in)
	r.known[a] = t
	r.noteKnown(a)
	if objectType(t) && r.lt.fn {
		// A loop trace only reads a slot it guards: the interpreter left
		// both halves right, and giveBack (run at every call-out) need
		// not look at it. A function trace's callee frames are windows
		// its native calls filled, which exits give back slot by slot.
		r.lists[a] = true
	}
	return t
}

// objectType reports whether a slot of type t holds an object (whose Go
// half exits give back: giveBack).
func objectType(t traceopt.Type) bool {
	return t == traceopt.List || t == traceopt.Instance || t == traceopt.Str || t == traceopt.Tuple
}

// objType is the type native code can read an object with these bits as:
// a list, an instance, an ASCII str (the only strs it indexes), or unknown.
func objType(bits uint64) traceopt.Type {
	switch {
	case bits == 0:
		return traceopt.Unknown
	case bits&templates.InstanceBit != 0:
		return traceopt.Instance
	case bits&7 == 0:
		return traceopt.List
	case bits&7 == templates.StrBit && strAt(bits).ascii():
		return traceopt.Str
	case bits&7 == templates.TupleBit:
		return traceopt.Tuple
	}
	return traceopt.Unknown
}

// asFloat returns a slot that holds slot a as a float: a itself, or a
// scratch slot with an int converted.
func (r *recorder) asFloat(a int32) (int32, bool) {
	switch r.typeOf(a) {
	case traceopt.Float:
		return a, true
	case traceopt.Int:
		d := r.newScratch()
		r.emit(traceopt.Inst{Op: generated.OpIntToFloat, Args: [4]uint64{traceopt.Slot(d), traceopt.Slot(a)}})
		return d, true
	}
	return 0, false
}

// floatPair returns float slots for a mixed int/float compare or
// arithmetic, converting an int only when the conversion is exact for
// every value the slot can hold here: a constant within ±2^53.
func (r *recorder) floatPair(a, b int32, exactOnly bool) (int32, int32, bool) {
	if exactOnly {
		for _, s := range [2]int32{a, b} {
			if r.typeOf(s) == traceopt.Int {
				v, ok := r.cval[s]
				r.reliesOn(s)
				if !ok {
					return 0, 0, false
				}
				if x := int64(v.Bits); x < -1<<53 || x > 1<<53 {
					return 0, 0, false
				}
			}
		}
	}
	fa, ok1 := r.asFloat(a)
	fb, ok2 := r.asFloat(b)
	return fa, fb, ok1 && ok2
}

var (
	intBinOps = map[Op]generated.Op{
		opAdd: generated.OpIntAdd, opSub: generated.OpIntSub, opMul: generated.OpIntMul,
		opFloorDiv: generated.OpIntFloordiv, opMod: generated.OpIntMod, opTrueDiv: generated.OpIntTruediv,
		opLshift: generated.OpIntLshift, opRshift: generated.OpIntRshift,
		opBitAnd: generated.OpIntAnd, opBitOr: generated.OpIntOr, opBitXor: generated.OpIntXor,
		opLt: generated.OpIntLt, opLe: generated.OpIntLe, opGt: generated.OpIntGt,
		opGe: generated.OpIntGe, opEq: generated.OpIntEq, opNe: generated.OpIntNe,
	}
	floatBinOps = map[Op]generated.Op{
		opAdd: generated.OpFloatAdd, opSub: generated.OpFloatSub, opMul: generated.OpFloatMul, opTrueDiv: generated.OpFloatDiv,
		opLt: generated.OpFloatLt, opLe: generated.OpFloatLe, opGt: generated.OpFloatGt,
		opGe: generated.OpFloatGe, opEq: generated.OpFloatEq, opNe: generated.OpFloatNe,
	}
	intJumpIf = map[Op]generated.Op{opLt: generated.OpIntJumpIfLt, opLe: generated.OpIntJumpIfLe, opGt: generated.OpIntJumpIfGt,
		opGe: generated.OpIntJumpIfGe, opEq: generated.OpIntJumpIfEq, opNe: generated.OpIntJumpIfNe}
	floatJumpIf = map[Op]generated.Op{opLt: generated.OpFloatJumpIfLt, opLe: generated.OpFloatJumpIfLe, opGt: generated.OpFloatJumpIfGt,
		opGe: generated.OpFloatJumpIfGe, opEq: generated.OpFloatJumpIfEq, opNe: generated.OpFloatJumpIfNe}
)

// charTable is str_char's operand: the address of charBits, a Go global,
// which does not move.
var charTable = uint64(uintptr(unsafe.Pointer(&charBits)))

func isCompare(op Op) bool { return op >= opLt && op <= opNe }

// binary translates A = B op C.
func (r *recorder) binary(op Op, a, b, c int32) {
	if (op == opAdd || op == opSub) && a == b && r.wideAccumulate(op, a, c) {
		return
	}
	if r.wideBinary(op, a, b, c) {
		return
	}
	tb, tc := r.typeOf(b), r.typeOf(c)
	if tb == traceopt.Int && tc == traceopt.Int {
		if u, ok := intBinOps[op]; ok {
			r.emit(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
			return
		}
	}
	numeric := func(t traceopt.Type) bool { return t == traceopt.Int || t == traceopt.Float }
	if u, ok := floatBinOps[op]; ok && numeric(tb) && numeric(tc) && (tb == traceopt.Float || tc == traceopt.Float) {
		// Python converts the int operand; comparisons are exact in
		// Python, so they convert only where that is exact.
		fb, fc, ok := r.floatPair(b, c, isCompare(op))
		if ok {
			r.emit(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(fb), traceopt.Slot(fc)}, Exit: r.snap()})
			return
		}
	}
	r.failOperands(op, tb, tc)
}

// failOperands stops the recording at operator op on operands of types tb
// and tc, which it has no uops for. An operator on an instance is a wall
// like others (given up when met twice, or on the only path): met on a
// rare branch, as a loop's first iterations may take (a warm-up step
// calling v + w on Vectors), it must not give up a loop whose common
// path traces.
func (r *recorder) failOperands(op Op, tb, tc traceopt.Type) {
	if r.abort != "" {
		return
	}
	r.failf("%v on %v and %v", op, tb, tc)
}

// wideAccumulate translates a += c or a -= c where a holds an int that
// outgrew int64 (a big int within 128 bits) and c an int: for the whole
// trace, a lives in a private 128-bit slot, filled on entry and made a
// Python int again on every exit. It reports false to translate the
// instruction the ordinary way.
func (r *recorder) wideAccumulate(op Op, a, c int32) bool {
	w, ok := r.wides[a]
	if !ok {
		// Only the main recording makes a slot 128-bit: the whole trace
		// must keep it so, and a bridge is only part of it.
		if r.bridge || len(r.frames) > 0 || r.isTouched(a) || a >= int32(r.rootCode.nslots) {
			return false
		}
		o, isObj := r.vm.ostack[r.lt.base+int(a)].(*BigInt)
		if r.regs[a].Tag != tagObject || !isObj {
			return false
		}
		hi, lo, fits := to128(&o.v)
		if !fits {
			return false
		}
		if r.typeOf(c) != traceopt.Int {
			return false
		}
		w = r.newScratch()
		r.regs[w] = templates.Value{Tag: templates.Tag(hi), Bits: lo}
		r.wides[a] = w
		r.lt.wides = append(r.lt.wides, wideSlot{slot: a, wide: w})
	} else if r.typeOf(c) != traceopt.Int {
		r.failf("a 128-bit accumulator with %s", aName(r.typeOf(c)))
		return true
	}
	u := generated.OpWideAdd
	if op == opSub {
		u = generated.OpWideSub
	}
	r.emit(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(w), traceopt.Slot(c)}, Exit: r.snap()})
	return true
}

// branch emits a conditional exit on "b cmp c" and reports whether the
// comparison held on the recorded path: the trace leaves when it differs.
func (r *recorder) branch(cmp Op, b, c int32) bool {
	tb, tc := r.typeOf(b), r.typeOf(c)
	var u generated.Op
	switch {
	case tb == traceopt.Int && tc == traceopt.Int:
		u = intJumpIf[cmp]
	case tb == traceopt.Str && tc == traceopt.Str && (cmp == opEq || cmp == opNe):
		// One uop, equality: != is its negation.
		eq := r.cond(traceopt.Inst{Op: generated.OpStrJumpIfEq, Args: [4]uint64{traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
		return eq == (cmp == opEq)
	case (tb == traceopt.Float || tc == traceopt.Float) && (tb == traceopt.Int || tb == traceopt.Float) && (tc == traceopt.Int || tc == traceopt.Float):
		fb, fc, ok := r.floatPair(b, c, true)
		if !ok {
			r.failf("compare of a float with a variable int")
			return false
		}
		b, c, u = fb, fc, floatJumpIf[cmp]
	default:
		r.failOperands(cmp, tb, tc)
		return false
	}
	return r.cond(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
}

// cond runs a branch uop, records it to leave when the condition differs
// from now, and returns the condition.
func (r *recorder) cond(in traceopt.Inst) bool {
	if r.abort != "" {
		return false
	}
	if l := r.left; l != nil && len(r.insts) == 0 && l.Op == in.Op && l.Args == in.Args {
		// A function trace's bridge starts at the branch that left for
		// it: its answer is known.
		r.left = nil
		return r.exec(&in) == uopref.Jump
	}
	// A snapshot of its own, so that its exits are counted apart and can
	// grow a bridge.
	in.Exit = r.freshSnap()
	taken := r.exec(&in) == uopref.Jump
	in.Negate = taken
	r.insts = append(r.insts, in)
	return taken
}

// truth emits a conditional exit on the truth of slot a.
func (r *recorder) truth(a int32) bool {
	if t, ok := r.constTruth(a); ok {
		return t
	}
	switch r.typeOf(a) {
	case traceopt.Bool, traceopt.Int:
		return r.cond(traceopt.Inst{Op: generated.OpJumpIfTrue, Args: [4]uint64{traceopt.Slot(a)}, Exit: r.snap()})
	case traceopt.List, traceopt.Str:
		// `while queue:`: a list or str is true when it is not empty.
		op := generated.OpListLen
		if r.typeOf(a) == traceopt.Str {
			op = generated.OpStrLen
		}
		n := r.newScratch()
		r.emit(traceopt.Inst{Op: op, Args: [4]uint64{traceopt.Slot(n), traceopt.Slot(a)}})
		if r.abort != "" {
			return false
		}
		return r.cond(traceopt.Inst{Op: generated.OpJumpIfTrue, Args: [4]uint64{traceopt.Slot(n)}, Exit: r.snap()})
	}
	r.failf("truth of %s", aName(r.typeOf(a)))
	return false
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
		r.failf(yieldInLoop)
	default:
		r.failf("%v is not traced", in.Op)
		r.untraceable = true
	}
	return next
}

// rangeCall translates range(...) into counter, stop and step slots when
// the next instruction is the RANGE_PREP that unpacks it into them.
func (r *recorder) rangeCall(a, args int32, argc int) int {
	co := r.code()
	if r.pc+1 >= len(co.instrs) || co.instrs[r.pc+1].Op != opRangePrep || r.abs(co.instrs[r.pc+1].A) != a || argc < 1 || argc > 3 {
		r.failf("range() not in a for loop")
		return r.pc + 1
	}
	var vals [3]int32
	for i := 0; i < argc; i++ {
		if r.typeOf(args+int32(i)) != traceopt.Int {
			r.failf("range() of %s", aName(r.typeOf(args+int32(i))))
			return r.pc + 1
		}
		// Through scratch slots: the arguments may overlap a, a+1, a+2.
		vals[i] = r.newScratch()
		r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(vals[i]), traceopt.Slot(args + int32(i))}})
	}
	load := func(v int64) int32 {
		return r.constInt(v)
	}
	var start, stop, step int32
	switch argc {
	case 1:
		start, stop, step = load(0), vals[0], load(1)
	case 2:
		start, stop, step = vals[0], vals[1], load(1)
	case 3:
		start, stop, step = vals[0], vals[1], vals[2]
		if r.cond(traceopt.Inst{Op: generated.OpIntJumpIfEq, Args: [4]uint64{traceopt.Slot(step), traceopt.Slot(load(0))}, Exit: r.snap()}) {
			r.failf("range() step 0")
			return r.pc + 1
		}
	}
	if r.abort != "" {
		return r.pc + 1
	}
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(start)}})
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(a + 1), traceopt.Slot(stop)}})
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(a + 2), traceopt.Slot(step)}})
	return r.pc + 2
}

// forIter ends the trace at the loop's own FOR_ITER over a list: the next
// element into target, or out when the list is done.
func (r *recorder) forIter(iter, target int32) {
	it, ok := r.iters[iter]
	if !ok {
		r.failf("iteration the trace did not start")
		return
	}
	n := r.newScratch()
	r.emit(traceopt.Inst{Op: generated.OpListLen, Args: [4]uint64{traceopt.Slot(n), traceopt.Slot(it.list)}})
	if !r.cond(traceopt.Inst{Op: generated.OpIntJumpIfLt, Args: [4]uint64{traceopt.Slot(it.index), traceopt.Slot(n)}, Exit: r.snap()}) {
		r.failf(loopEnds)
		return
	}
	if r.nextElem(it, target) {
		r.closeLoop()
	}
}

// nextElem emits target = the element at it's index, and the index's
// increment; false when the recording stopped.
func (r *recorder) nextElem(it virtualIter, target int32) bool {
	if !r.loadElem(target, it.list, it.index) {
		return false
	}
	one := r.constInt(1)
	r.emit(traceopt.Inst{Op: generated.OpIntAdd, Args: [4]uint64{traceopt.Slot(it.index), traceopt.Slot(it.index), traceopt.Slot(one)}, Exit: r.snap()})
	return true
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

// sharedList is the list a list uop reads or writes, when other threads
// may be changing it; else nil.
func (r *recorder) sharedList(op generated.Op, in *traceopt.Inst) *List {
	if !r.vm.threaded() {
		return nil
	}
	var a uint64
	switch op {
	case generated.OpListLen, generated.OpListLoad:
		a = in.Args[1]
	case generated.OpListStore:
		a = in.Args[0]
	default:
		return nil
	}
	v := r.regs[a/templates.SlotSize]
	if v.Tag != tagObject || v.Bits == 0 || v.Bits&7 != 0 {
		return nil
	}
	return listAt(v.Bits)
}

// loadElem emits dst = list[index] (slots holding a list and an int,
// counted from the end when negative), expecting the type the element has
// now; false, the recording stopped, for an index out of range or an
// element native code cannot read.
func (r *recorder) loadElem(dst, list, index int32) bool {
	l := listAt(r.regs[list].Bits)
	i := int64(r.regs[index].Bits)
	var ty traceopt.Type
	var isStr bool
	ok := func() bool {
		if r.vm.threaded() {
			// Another thread may be changing the list.
			h := r.vm.lockRead(l)
			defer h.unlock(r.vm)
		}
		if i < 0 {
			i += int64(len(l.vals))
		}
		if i < 0 || i >= int64(len(l.vals)) {
			return false
		}
		ty = traceopt.TypeOf(l.vals[i])
		isStr = l.vals[i].Tag == tagObject && l.vals[i].Bits&7 == templates.StrBit
		return true
	}()
	if !ok {
		r.failf("index out of range")
		return false
	}
	if ty == traceopt.Unknown {
		// A str from a list is a wall no later try passes (typeWall):
		// a list that holds strs holds strs (wordcount's lists of
		// words, each loop over them recorded twice).
		if r.abort == "" {
			r.typeWall = isStr
		}
		r.failf("list element is an object native code cannot read")
		return false
	}
	if r.vm.threaded() && objectType(ty) {
		// A native load keeps no object alive, and another thread may
		// drop the list's reference to it (list_load_mt.c).
		r.failf("an object from a list while threads run")
		return false
	}
	r.emit(traceopt.Inst{Op: generated.OpListLoad, Args: [4]uint64{traceopt.Slot(dst), traceopt.Slot(list), traceopt.Slot(index), uint64(traceopt.Kind(ty))}, Exit: r.snap()})
	return true
}

// unpack translates n slots from A on = the items of the tuple in slot b
// (`x, y = point`, `for dx, dy in moves:`): the tuple guarded with its
// length, then each item loaded as the kind it has now.
func (r *recorder) unpack(a, b int32, n int, star int32) {
	if star >= 0 {
		r.failf("starred unpacking")
		return
	}
	if t := r.typeOf(b); t != traceopt.Tuple {
		r.failf("unpacking of %s", aName(t))
		return
	}
	if b >= a && b < a+int32(n) {
		r.failf("unpacking a tuple over itself")
		return
	}
	items := tupleAt(r.regs[b].Bits).items
	if len(items) != n {
		r.failf("unpacking %d items into %d names", len(items), n)
		return
	}
	g := traceopt.Inst{Op: generated.OpGuardTuple, Args: [4]uint64{traceopt.Slot(b), uint64(n)}, Exit: r.snap()}
	if k := len(r.insts); k == 0 || r.insts[k-1].Op != g.Op || r.insts[k-1].Args != g.Args {
		r.exec(&g)
		r.insts = append(r.insts, g)
	}
	for i, it := range items {
		ty := traceopt.TypeOf(templates.Value{Tag: it.T, Bits: it.B})
		if ty == traceopt.Unknown {
			r.failf("tuple item is an object native code cannot read")
			return
		}
		if r.vm.threaded() && objectType(ty) {
			r.failf("an object from a tuple while threads run")
			return
		}
		r.emit(traceopt.Inst{Op: generated.OpTupleLoad, Args: [4]uint64{traceopt.Slot(a + int32(i)), traceopt.Slot(b),
			uint64(i) * uint64(unsafe.Sizeof(Val{})), uint64(traceopt.Kind(ty))}, Exit: r.snap()})
		if r.abort != "" {
			return
		}
	}
}

// rangeStep guards a range loop's counter, stop and step as ints and the
// step's sign as the one it has now (unless it is a constant), and returns
// the comparison that keeps the loop going.
func (r *recorder) rangeStep(ctr, stop, step int32) (Op, bool) {
	if r.typeOf(ctr) != traceopt.Int || r.typeOf(stop) != traceopt.Int || r.typeOf(step) != traceopt.Int {
		r.failf("range over non-ints")
		return 0, false
	}
	up := int64(r.regs[step].Bits) >= 0
	if _, ok := r.cval[step]; ok {
		r.reliesOn(step)
	} else if up {
		r.branch(opGt, step, r.constInt(0))
	} else {
		r.branch(opLt, step, r.constInt(0))
	}
	if up {
		return opLt, true
	}
	return opGt, true
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

func (r *recorder) forRange(ctr, target, stop, step int32) {
	cmp, ok := r.rangeStep(ctr, stop, step)
	if !ok {
		return
	}
	if !r.branch(cmp, ctr, stop) {
		r.failf(loopEnds)
		return
	}
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(target), traceopt.Slot(ctr)}})
	r.emit(traceopt.Inst{Op: generated.OpIntAdd, Args: [4]uint64{traceopt.Slot(ctr), traceopt.Slot(ctr), traceopt.Slot(step)}, Exit: r.snap()})
	r.closeLoop()
}

func (r *recorder) getItem(a, b, c int32) {
	if r.packedList(b) {
		if r.typeOf(c) != traceopt.Int {
			r.failf("subscript of a packed list by %s", aName(r.typeOf(c)))
			return
		}
		r.emit(traceopt.Inst{Op: generated.OpListLoadPkT, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
		return
	}
	if r.typeOf(b) == traceopt.Str && r.typeOf(c) == traceopt.Int {
		r.emit(traceopt.Inst{Op: generated.OpStrChar, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c), charTable}, Exit: r.snap()})
		return
	}
	if r.typeOf(b) != traceopt.List || r.typeOf(c) != traceopt.Int {
		r.failf("subscript of %s by %s", aName(r.typeOf(b)), aName(r.typeOf(c)))
		return
	}
	r.loadElem(a, b, c)
}

func (r *recorder) setItem(a, b, c int32) {
	if r.packedList(a) {
		if tb, tc := r.typeOf(b), r.typeOf(c); tb != traceopt.Int || tc != traceopt.Bool {
			// (The interpreter unpacks the list for such a store.)
			r.failf("store into a packed list by %s of %s", aName(tb), aName(tc))
			return
		}
		r.emit(traceopt.Inst{Op: generated.OpListStorePk, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
		return
	}
	ta, tb, tc := r.typeOf(a), r.typeOf(b), r.typeOf(c)
	if ta != traceopt.List || tb != traceopt.Int || !(tc == traceopt.Int || tc == traceopt.Float || tc == traceopt.Bool || tc == traceopt.None) {
		r.failf("store into %s by %s of %s", aName(ta), aName(tb), aName(tc))
		return
	}
	in := traceopt.Inst{Op: generated.OpListStore, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()}
	r.emit(in)
}

// packedList reports whether slot s holds a packed bool list
// (packed.go), which list_load_pk and list_store_pk read and write: they
// check its kind bits themselves, so no guard names the slot.
func (r *recorder) packedList(s int32) bool {
	if _, ok := r.objects[s]; ok {
		return false
	}
	v := r.regs[s]
	if v.Tag != tagObject || v.Bits&7 != templates.PackedKind || r.vm.threaded() {
		return false
	}
	r.touch(s)
	return true
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
