package interp

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
	"github.com/copypatch/copypatch/uopref"
)

// Tier 2: hot loops run as native traces.
//
// Every taken back-edge bumps its counter in Code.counters. Past the
// threshold the recorder (record.go) runs one iteration of the loop itself,
// uop by uop on the real frame, following the path the program takes and
// the Python functions it calls, and writes a trace of uops with a guard
// wherever it relied on what it saw. traceopt specialises the trace and
// the runtime compiles it; from then on the back-edge enters native code.
// A trace leaves through a snapshot (snapshot.go) that puts the
// interpreter exactly where the trace was.

// JITMode says how hot loops run.
type JITMode uint8

const (
	JITOff  JITMode = iota // interpret everything
	JITOn                  // run traces natively
	JITUops                // run traces on the uop reference interpreter (the oracle)
)

// Config tunes a run.
type Config struct {
	// Argv0 is sys.argv[0] when it is not the file name: CPython names a
	// script by its absolute path in tracebacks but keeps argv[0] as typed.
	Argv0 string

	JIT JITMode
	// JITThreshold is how many back-edges make a loop hot; 0 means
	// DefaultJITThreshold.
	JITThreshold int
	// JITMaxCode bounds the native code of a run, in bytes; 0 means the
	// runtime's default.
	JITMaxCode int
	// JITDebug gets one line per decision (recordings, aborts, compiles).
	JITDebug io.Writer
	// JITStats gets the totals when the run ends.
	JITStats io.Writer
	// PerfMap writes /tmp/perf-<pid>.map for Linux perf.
	PerfMap bool
	// TraceLog gets every trace compiled: its optimized uops and, when
	// native, its machine code (minipy dis --traces).
	TraceLog io.Writer
	// Interrupts delivers Ctrl-C: each receive raises KeyboardInterrupt
	// in the program at its next loop iteration, in traces too.
	Interrupts <-chan os.Signal
	// Stdin is what input() reads; nil reads nothing (EOFError).
	Stdin io.Reader
}

// DefaultJITThreshold is the back-edge count that makes a loop hot. Chosen
// by measurement on the benchmark suite (README): low enough that short
// programs gain, high enough that loops run a few times are not recorded.
const DefaultJITThreshold = 64

// jitBudget is how many back-edges a trace runs between returns to Go (see
// jit.Trace.RunLoop): the GC and the scheduler wait at most that long.
const jitBudget = 1 << 16

// maxIdleEntries is how many entries in a row may leave before the first
// back-edge before the trace is thrown away.
const maxIdleEntries = 32

// A trace entered shortTripEntries times that ran fewer than minTrip
// back-edges per entry on average is not entered again (measured, a
// 6-slot sum loop entered 3-10 million times: at 1 back-edge per entry
// the trace loses, at 2 it breaks even, at 3 it runs the loop 25% faster
// than the interpreter).
const (
	shortTripEntries = 64
	minTrip          = 3
)

// longTripSteps is how many instructions a trace's entries must run on
// average, however few iterations that is, for the entries to pay: a loop
// whose iterations call methods (raytracer's `for shape in self.shapes:
// shape.hit(...)`, ~60 instructions inlined, 2-4 iterations per entry)
// runs far more per entry than minTrip iterations of a small loop
// (raytracer, JIT on / off: 0.66 of the CPU time with such traces kept,
// 1.0 with them benched).
const longTripSteps = 24

// longTrips reports whether the trace's entries, short in iterations, are
// long in instructions (longTripSteps). Entries that mostly leave before
// their first back-edge are not (scheduler's dispatch loop, 0.5
// iterations an entry, its exits in inlined frames the interpreter
// finishes: 2% more instructions kept than benched).
func (lt *loopTrace) longTrips() bool {
	return lt.iterSteps > 0 && lt.iters >= int64(lt.entries) && lt.iters*int64(lt.iterSteps) >= longTripSteps*int64(lt.entries)
}

// A losing trace is benched (blacklisted for a while): not entered for
// benchWait<<k hot counts the k-th time, then judged again over
// shortTripEntries entries, and left to the interpreter for good after
// maxBenched verdicts. A loop whose trips get longer later (another phase
// of the program, a bridge) gets its trace back.
const (
	benchWait  = 4
	maxBenched = 5
)

// maxEndsMet is how many recordings of a loop may stop at its end (the
// iteration recorded was its entry's last) before the loop is given up:
// each try comes a back-edge sooner in the loop's round (skew), so a loop
// that still ends under the third has entries of two or three iterations,
// and the trace it would get is benched as losing (fewer than 3 an entry).
// raytracer's `while n > 1` (n 8 to 32, halved) stopped at its end four
// times, then compiled a trace entered 320 times for 1.4 iterations each.
const maxEndsMet = 3

// maxRecordFailures is how many recordings of one loop may fail before it
// is left to the interpreter for good; between them the wait doubles.
const maxRecordFailures = 6

// loopTrace is a loop's tier-2 state.
type loopTrace struct {
	root   *Code          // the code of the loop (the trace's root frame)
	tr     *jit.Trace     // native code, when compiled
	ref    []uopref.Instr // the same uops for the reference interpreter
	snaps  []*snapshot
	base   int     // the root frame's first slot in vm.stack, at the last entry or recording
	extent int     // slots used from base: root frame, scratch, inlined frames
	lists  []int32 // slots the trace may leave a list, an instance or a str in
	wides  []wideSlot
	// learnWide are root locals that outgrew int64 in an iteration: the
	// next recording keeps them 128-bit from the start (record_wide.go).
	learnWide map[int32]bool
	relearned bool            // a recording stopped to learn once already
	exitReads map[int32]bool  // private slots holding 128-bit values, which exits read
	wideSlots map[int32]int32 // per slot, the private slot its 128-bit values take
	convSlots map[int32]int32 // per int slot, the private slot it is converted into
	// entryIters are the list iterators of the loop itself (a for loop
	// over a list): the trace keeps their list and position in scratch
	// slots, filled on entry and written back on every exit.
	entryIters []iterSlot
	// globals are the globals the trace keeps in slots (record_global.go).
	globals []globalSlot
	checks  []globalCheck
	// checkedAt is assumeGen when checks last held (trace_checks.go);
	// slowChecks says they are looked at every time all the same (a
	// global that could not be watched).
	checkedAt  uint64
	slowChecks bool
	// opt and uops are the trace's optimized instructions and uops, kept
	// only for debugCheckNative: their buffers serve the next compile
	// (nUops and nGuards count them for --jit-debug).
	opt            *traceopt.Trace
	uops           []jit.Uop
	nUops, nGuards int
	file           string // the loop's file
	line           int    // the loop head's source line
	head           int    // the loop head's pc
	end            int    // the back-edge's pc
	consts         map[int32]templates.Value
	raw            []traceopt.Inst // the recorded iteration, before optimizing
	sides          []sidePath      // bridges, in the order recorded
	linked         []linkedBridge  // bridges compiled on their own (bridge_link.go)
	branch         map[int]bool    // snapshots only branches leave through
	tried          map[int]int     // per snapshot, the bridges recorded from it (a success ends the tries)
	// unbridged holds, per snapshot bridgeable found no guard of, the
	// number of side paths the trace had then: until a bridge adds
	// one, the answer stands.
	unbridged map[int]int
	// walled are the branch snapshots whose bridge recording stopped
	// because its path's call-outs did not pay: the trace leaves through
	// them for good.
	walled []int
	// The trace's scratch slots, from scratchLo: scratchNext is the first
	// one no recording has used.
	scratchLo, scratchNext int32
	constSlots             map[int64]int32 // scratch slots holding int constants (constInt)
	failed                 int             // recordings that failed
	wait                   int             // hot counts to let pass before trying again
	deferred               int             // hot counts left to an enclosing loop (shortEntry)
	leftToOuter            int             // hot counts left to an enclosing loop made hot (leaveToOuter)
	tripGuess              int64           // most iterations left in an entry at those hot counts
	promoted               bool            // made hot by an inner loop left to it (leaveToOuter): entered as soon as compiled, after any later recording too (never cleared: a loop an inner one was left to is worth entering)
	tailDefers             int             // hot counts left to the interpreter near the loop's end (endsSoon)
	outerCount             uint32          // a while loop's enclosing loop's counter at its last hot count (shortEntry)
	outerSeen              bool            // (outerCount was read)
	skew                   uint32          // back-edges the next tries come sooner: see recordLoop
	endsMet                int             // recordings that stopped at the loop's end (maxEndsMet)
	dead                   bool            // never again
	reason                 string          // why the last recording failed
	// walls are where and why recordings stopped for reasons that are
	// not path-dependent: a wall met a second time, in any order among
	// other stops, ends the tries.
	walls      []string
	walledOut  bool  // the tries ended at a wall (siblingWalls)
	entries    int   // since the trace was compiled or last judged
	benched    int   // times the trace was found losing
	benchLeft  int   // hot counts to let pass before entering the trace again
	idle       int   // entries in a row that left before the first back-edge
	iters      int64 // back-edges run in the trace, over those entries
	callOuts   int64 // call-outs run in the trace, over those entries
	stores     int64 // object stores Go did in the trace, over those entries
	allEntries int   // entries and back-edges over the whole run, for --jit-stats
	allIters   int64
	// stepsPerIter is, for a loop without inner loops whose trace has
	// call-outs, the most instructions its recorded iteration or a
	// bridge's path ran: the call-outs per back-edge it pays for
	// (callOutsPay). 0 or less: not judged.
	stepsPerIter int
	// iterSteps is how many instructions the loop's recorded iteration
	// ran, inlined calls' included (longTrips).
	iterSteps int
	// resumes maps a call-out's exit index to the uop after it; loopTops
	// a loop uop's safepoint index to its loop's top (exitTable: looked
	// up on every call-out).
	resumes, loopTops exitTable
	exits             []int // per snapshot
	// yieldExits are the snapshots of the yields the trace ends at
	// (gen_yield.go).
	yieldExits []int
	// reuse marks, per snapshot, the slice call-outs that may reuse the
	// list made last in their slot (slot plus one); fresh holds those
	// lists, made in the current entry, by slot (slice_reuse.go).
	reuse     []int32
	fresh     []*List
	freshBits []uint64 // fresh's lists as native code reads them (list_copy)
	unshared  bool     // the trace may not run while threads run (unsharedOp)
	instances bool     // the trace reads or writes instances
	// shapes are the shapes the trace's guards compare with: kept alive
	// here, so that no other shape can take the address of one.
	shapes []*Shape
	// A function trace (functrace.go): from a function's entry to its
	// returns, calling itself natively with the callee's frame window
	// slots up; calls counts the calls that make it hot, recording is set
	// while one is recorded.
	fn        bool
	fnName    string
	window    int32
	calls     uint32
	recording bool
	// active counts the loop's activations on the Go stack: recording it,
	// or in its trace's call-outs and exits. The inlined frames an exit
	// finishes, and the calls a call-out runs, may reach the same loop in
	// a recursive call; that one is interpreted, since recording or
	// entering it there would move base, replace the snapshots, or free
	// the trace the outer activation resumes through.
	active int
}

// scratchSize is how many scratch slots lt's recordings may use.
func (lt *loopTrace) scratchSize() int32 {
	if lt.fn {
		return fnScratch
	}
	return scratchSlots
}

// sidePath is a bridge: the rest of an iteration from where a branch
// left the trace, recorded when that exit got hot.
type sidePath struct {
	snap  int
	insts []traceopt.Inst
}

// jitState is a VM's tier-2 state.
type jitState struct {
	cfg     Config
	hot     uint32
	cache   *jit.Cache
	stack   *jit.Stack // this VM's native stack for its entries
	st      templates.State
	loops   []*loopTrace // every loop with tier-2 state, for stats
	traces  []*jit.Trace // compiled in this run, freed when it ends
	stats   jitStats
	started time.Time
	// recInsts is the recorders' instruction buffer, between recordings
	// (newRecorder, release).
	recInsts []traceopt.Inst
	recMaps  *recMaps // the recorders' maps, between recordings
}

var (
	jitCacheMu sync.Mutex
	jitCaches  = map[jit.Config]*jit.Cache{}
)

// sharedCache is the code cache for cfg (with this repository's stencils,
// generated.Set, unless cfg names a set) shared by every run in the process,
// or nil when the host cannot run native code.
func sharedCache(cfg jit.Config) *jit.Cache {
	if cfg.Stencils == nil {
		cfg.Stencils = generated.Set
	}
	jitCacheMu.Lock()
	defer jitCacheMu.Unlock()
	if c, ok := jitCaches[cfg]; ok {
		return c
	}
	c, err := jit.NewCache(cfg)
	if err != nil {
		c = nil
	}
	jitCaches[cfg] = c
	return c
}

// JITAvailable reports whether this host can run traces natively.
func JITAvailable() bool { return sharedCache(jit.Config{Evict: true}) != nil }

func newJITState(cfg Config) *jitState {
	if cfg.JIT == JITOff {
		return nil
	}
	j := &jitState{cfg: cfg, hot: uint32(cfg.JITThreshold), started: time.Now()}
	if cfg.JITThreshold <= 0 {
		j.hot = DefaultJITThreshold
	}
	if cfg.JIT == JITOn {
		j.cache = sharedCache(jit.Config{Evict: true, MaxCodeBytes: cfg.JITMaxCode, PerfMap: cfg.PerfMap})
		if j.cache == nil {
			return nil // no native code here: interpret
		}
		var err error
		if j.stack, err = jit.NewStack(); err != nil {
			return nil
		}
	}
	return j
}

// free releases the run's traces.
func (j *jitState) free() {
	for _, lt := range j.loops {
		for _, b := range lt.linked {
			b.hold.Release()
		}
		lt.linked = nil
	}
	for _, t := range j.traces {
		t.Free()
	}
	j.traces = nil
}

// now starts timing native code for --jit-stats, and reads no clock
// without it: on a machine without a vDSO clock a read costs about as
// much as entering and leaving a trace does.
func (j *jitState) now() time.Time {
	if j.cfg.JITStats == nil {
		return time.Time{}
	}
	return time.Now()
}

// addNative counts the time since now as time in native code.
func (j *jitState) addNative(start time.Time) {
	if j.cfg.JITStats != nil {
		j.stats.nativeTime += time.Since(start)
	}
}

func (j *jitState) debugf(format string, args ...any) {
	if j.cfg.JITDebug != nil {
		fmt.Fprintf(j.cfg.JITDebug, "jit: "+format+"\n", args...)
	}
}

// onHot is called at a taken back-edge (pc is the jump's) whose loop body
// starts at head, once its counter reached the threshold. It runs the
// loop's trace, recording it first if need be. ok is false when the
// interpreter should just take the back-edge; otherwise it resumes at the
// returned pc, or handles err as raised by the instruction before it.
func (vm *VM) onHot(f *frame, pc, head int) (to int, err error, ok bool) {
	co := f.code
	if vm.sigint.Load() {
		if err := vm.keyboardInterrupt(); err != nil {
			return pc + 1, err, true
		}
		vm.counters(co)[pc] = 0
		return 0, nil, false
	}
	j := vm.jit
	if j == nil {
		vm.counters(co)[pc] = 0
		return 0, nil, false
	}
	lt := vm.loopAt(co, pc)
	vm.counters(co)[pc] = 0
	if lt.dead || lt.active > 0 {
		return 0, nil, false
	}
	// No defer in here: onHot runs at every entry of a trace and every
	// threshold of back-edges of a loop that waits or is benched, and a
	// deferred call cost ~95 instructions a time (graphs: 3.2M, a third
	// of what the JIT adds to a run that traces nothing). A panic ends
	// the run (RunWith): lt.active needs no unwinding.
	if lt.ref == nil && lt.tr == nil && lt.deferred < maxDefers && vm.shortEntry(f, lt, pc, head) {
		// (The counter starts again.)
		lt.deferred++
		return 0, nil, false
	}
	if lt.ref == nil && lt.tr == nil && lt.leftToOuter < maxOuterDefers && vm.leaveToOuter(f, lt, pc, head) {
		lt.leftToOuter++
		return 0, nil, false
	}
	if lt.ref == nil && lt.tr == nil && lt.tailDefers < maxTailDefers && vm.endsSoon(f, pc, head) {
		// (The counter starts again.)
		lt.tailDefers++
		return 0, nil, false
	}
	if lt.ref == nil && lt.tr == nil {
		// (The counter starts again: the next try waits a threshold.)
		if lt.wait > 0 {
			lt.wait--
			vm.counters(co)[pc] = lt.skew
			return 0, nil, false
		}
		if f.gen != nil && !vm.liftGen(f) {
			return 0, nil, false
		}
		lt.active++
		promoted := lt.promoted
		to, err, ok = vm.recordHot(f, lt, pc, head)
		if promoted && ok && err == nil && to == head && (lt.tr != nil || lt.ref != nil) && f.gen == nil {
			// Compiled, for an inner loop left to it: the trace runs
			// from the head now, and at every back-edge from here on,
			// as the iteration interpreted otherwise would make that
			// inner loop hot again, and its trace would be recorded
			// for the one entry (spectral_norm's inner loops: a third
			// of the run's JIT work). (Only then: mandelbrot's pixel
			// loop, entered at once, grew four more bridges over its
			// escape loop and ran 36% more instructions.)
			vm.counters(co)[pc] = j.hot
			to, err, ok = vm.enter(f, lt)
		}
		lt.active--
		return to, err, ok
	}
	if lt.benchLeft > 0 {
		// Benched: interpreted for a while (a threshold of back-edges a
		// count).
		lt.benchLeft--
		return 0, nil, false
	}
	// A compiled loop stays hot: every back-edge enters its trace.
	vm.counters(co)[pc] = j.hot
	if f.gen != nil && !vm.liftGen(f) {
		// (A generator's loop runs on the slot stack: gen_lift.go.)
		return 0, nil, false
	}
	lt.active++
	to, err, ok = vm.enter(f, lt)
	lt.active--
	return to, err, ok
}

// shortTrip and maxDefers decide when a hot loop is left to the loop
// around it (shortEntry): a loop of a few iterations an entry inside
// another loop of the same function gets hot long before the loop around
// it, and its trace, entered for a few iterations, rarely repays its
// recording and compile before the outer loop's trace (which takes the
// inner loop in) replaces it: nbody compiled three such traces, half its
// JIT work (callgrind: 7.08 M -> 3.51 M instructions of JIT work without
// them, the whole run 554.2 M -> 555.9 M). maxDefers bounds the wait,
// for an outer loop that never gets a trace of its own: an inner loop's
// hot counts come up to shortTrip times as often as the outer loop's,
// and shortTrip squared for one nested two deep.
// maxWhileDefers is the bound for a while loop: left to the loop around
// it up to 64 times, scheduler's `while not t.runnable()` let the loop
// around it grow a worse tree of bridges (1.35x the instructions).
const (
	shortTrip      = 8
	maxDefers      = 64
	maxWhileDefers = 4
)

// shortEntry reports whether the loop whose back-edge is at pc (body at
// head) is enclosed by a loop of the same code and has few iterations an
// entry: fewer than shortTrip left in this entry, for a for loop over a
// range or a list; for a while loop, whose iterations left nobody knows,
// fewer than shortTrip on average over its last threshold of back-edges.
func (vm *VM) shortEntry(f *frame, lt *loopTrace, pc, head int) bool {
	co := f.code
	in := &co.instrs[pc]
	switch in.Op {
	case opForRange:
		next, stop, step := f.regs[in.A], f.regs[in.D], f.regs[in.E]
		if next.Tag != tagInt || stop.Tag != tagInt || step.Tag != tagInt {
			return false
		}
		i, end, d := int64(next.Bits), int64(stop.Bits), int64(step.Bits)
		switch {
		case d > 0 && end-i >= shortTrip*d, d < 0 && i-end >= -shortTrip*d, d == 0:
			return false
		}
		_, ok := enclosingLoop(co, pc, head)
		return ok
	case opForIter:
		if vm.threaded() {
			return false // (another thread may be changing the list)
		}
		it, ok := f.objs[in.A].(*listIter)
		ok = ok && f.regs[in.A].Tag == tagObject
		if !ok || len(it.l.vals)-it.i >= shortTrip {
			return false
		}
		_, ok = enclosingLoop(co, pc, head)
		return ok
	}
	q, ok := enclosingLoop(co, pc, head)
	if !ok || lt.deferred >= maxWhileDefers {
		return false
	}
	// A while loop: the enclosing loop's back-edges since this loop's
	// last hot count are about the entries it took a threshold of
	// back-edges in. The first hot count only starts the measure. (The
	// enclosing loop's counter falls back to zero when it gets hot
	// itself: its trace will take this loop in.)
	now, hot := vm.counters(co)[q], vm.hot.Load()
	before, seen := lt.outerCount, lt.outerSeen
	lt.outerCount, lt.outerSeen = now, true
	return !seen || now < before || uint64(now-before)*shortTrip > uint64(hot)
}

// tailHots and maxTailDefers decide when a hot loop is left to the
// interpreter because it is about to end (endsSoon): a loop over a range
// with fewer than tailHots thresholds of iterations left in its entry and
// no loop around it in its code is not recorded at that hot count.
// Recording, optimizing and compiling a trace cost 100-250 µs here, as
// much as interpreting a thousand or more iterations of a small body:
// spectral_norm's last loop (200 iterations, hot at the 64th) compiled a
// trace entered once for 70 iterations, a tenth of the run's JIT work.
// maxTailDefers bounds the wait for a loop entered again and again (a
// function's loop called from elsewhere), which compiles as before after
// a few more thresholds of back-edges.
const (
	tailHots      = 4
	maxTailDefers = 4
)

// endsSoon reports whether the loop whose back-edge is at pc (body at
// head) is a short tail (shortTail) in no loop of its code (whose trace
// would take it in: shortEntry's case).
func (vm *VM) endsSoon(f *frame, pc, head int) bool {
	if _, ok := vm.shortTail(f, pc, head); !ok {
		return false
	}
	_, enclosed := enclosingLoop(f.code, pc, head)
	return !enclosed
}

// shortTail reports whether the loop whose back-edge is at pc (body at
// head) runs over a range with fewer than tailHots thresholds of
// iterations left in this entry, and holds no loop of its own (whose
// iterations would make each of its own worth more; a recording around
// it would have to take that loop in too: mandelbrot's escape loop, met
// on a side path, stopped the rows' recordings), and how many are left.
func (vm *VM) shortTail(f *frame, pc, head int) (left uint64, ok bool) {
	co := f.code
	in := &co.instrs[pc]
	if in.Op != opForRange {
		return 0, false
	}
	next, stop, step := f.regs[in.A], f.regs[in.D], f.regs[in.E]
	if next.Tag != tagInt || stop.Tag != tagInt || step.Tag != tagInt {
		return 0, false
	}
	i, end, d := int64(next.Bits), int64(stop.Bits), int64(step.Bits)
	if d <= 0 || i >= end {
		return 0, false
	}
	left = uint64(end-i) / uint64(d)
	if left >= tailHots*uint64(vm.threshold()) {
		return 0, false
	}
	for q := head; q < pc; q++ {
		if to, ok := backTarget(&co.instrs[q]); ok && to <= q {
			return 0, false // (an inner loop)
		}
	}
	return left, true
}

// maxOuterDefers bounds the hot counts leaveToOuter leaves to the loop
// around, which may not be recorded at its next back-edge (a loop over a
// generator or zip, which no trace takes; a recording that fails, after
// which it is not made hot again): the
// loop then gets its own trace as before, a few thresholds later.
const maxOuterDefers = 4

// leaveToOuter reports whether the loop whose back-edge is at pc (body at
// head), a range loop with fewer than tailHots thresholds of iterations
// left in this entry and no loop in its body, is left to the loop around it in its code, which is
// then made hot at its next back-edge. That loop's trace takes this one
// in; recording this one first paid for a trace entered only until then
// (spectral_norm's inner loops: a third of its JIT work, for 127
// entries of the 8000 the outer traces replaced). tripGuess keeps the
// iterations left, for the outer recording's knownLong.
func (vm *VM) leaveToOuter(f *frame, lt *loopTrace, pc, head int) bool {
	if lt.fn {
		return false
	}
	left, ok := vm.shortTail(f, pc, head)
	if !ok {
		return false
	}
	co := f.code
	q, ok := enclosingLoop(co, pc, head)
	if !ok {
		return false
	}
	o := vm.loopAt(co, q)
	if o.dead || o.active > 0 || o.tr != nil || o.ref != nil || o.wait > 0 || o.failed > 0 {
		return false
	}
	lt.tripGuess = max(lt.tripGuess, int64(left))
	o.promoted = true
	vm.counters(co)[q] = vm.jit.hot - 1
	return true
}

// loopAt is the loop trace state of the loop whose back-edge is at pc,
// made on first use.
func (vm *VM) loopAt(co *Code, pc int) *loopTrace {
	loops := vm.loopsOf(co)
	lt := loops[pc]
	if lt == nil {
		lt = &loopTrace{}
		loops[pc] = lt
		vm.jit.loops = append(vm.jit.loops, lt)
	}
	return lt
}

// enclosingLoop returns the back-edge of a loop of co around the loop
// whose back-edge is at pc (body at head), if there is one.
func enclosingLoop(co *Code, pc, head int) (int, bool) {
	for q := pc + 1; q < len(co.instrs); q++ {
		if to, ok := backTarget(&co.instrs[q]); ok && to <= q && to < head {
			return q, true
		}
	}
	return 0, false
}

// backTarget is where in jumps to, if it can jump.
func backTarget(in *Instr) (int, bool) {
	switch in.Op {
	case opJumpBack:
		return int(in.A), true
	case opJumpIfFalse, opJumpIfTrue:
		return int(in.B), true
	case opJumpIfLt, opJumpIfLe, opJumpIfGt, opJumpIfGe, opJumpIfEq, opJumpIfNe,
		opJumpIfNotLt, opJumpIfNotLe, opJumpIfNotGt, opJumpIfNotGe, opJumpIfNotEq, opJumpIfNotNe,
		opForRange, opForIter:
		return int(in.C), true
	}
	return 0, false
}

// recordHot records lt's loop, its work timed in the JIT's stats.
func (vm *VM) recordHot(f *frame, lt *loopTrace, pc, head int) (int, error, bool) {
	defer vm.jit.endWork(vm.jit.startWork())
	return vm.recordLoop(f, lt, pc, head)
}

// enter runs lt's trace on f and restores the interpreter where it left.
func (vm *VM) enter(f *frame, lt *loopTrace) (int, error, bool) {
	j := vm.jit
	base := vm.sp - len(f.regs)
	if base < 0 || base+lt.extent > len(vm.stack) || &vm.stack[base] != &f.regs[0] {
		// Not the frame on top of the slot stack, or no room above it
		// for the trace's slots: interpret, and try again a threshold on.
		vm.counters(f.code)[lt.end] = 0
		return 0, nil, false
	}
	if lt.unshared && vm.threaded() {
		// Native code reads instances without their locks, and this
		// trace, compiled before threads ran, lists without their
		// sequence words: once threads run it is not entered. Without
		// instances, it is recorded again for threads.
		if !lt.instances {
			j.debugf("%s: compiled before threads ran: recording again", lt.where())
			lt.discard()
		}
		vm.counters(f.code)[lt.end] = 0
		return 0, nil, false
	}
	// Traces address slots from the frame base, wherever the frame is:
	// the same trace serves every call of the function.
	lt.base = base
	if !lt.checksHold(vm) {
		// A global the trace took as a constant changed: record again
		// (after the usual wait).
		j.debugf("%s: a global the trace relies on changed: recording again", lt.where())
		lt.discard()
		vm.counters(f.code)[lt.end] = 0
		return 0, nil, false
	}
	frame := vm.stack[base : base+lt.extent]
	for _, it := range lt.entryIters {
		x, ok := vm.ostack[base+int(it.slot)].(*listIter)
		if !ok || frame[it.slot].Tag != tagObject {
			vm.counters(f.code)[lt.end] = 0
			return 0, nil, false
		}
		frame[it.list] = listSlot(x.l)
		frame[it.index] = templates.Value{Tag: tagInt, Bits: uint64(x.i)}
	}
	for _, w := range lt.wides {
		// The accumulator enters as 128 bits: an int, or a big int that
		// fits.
		var hi, lo uint64
		switch v := frame[w.slot]; v.Tag {
		case tagInt:
			lo, hi = v.Bits, uint64(int64(v.Bits)>>63)
		case tagObject:
			b, ok := vm.ostack[base+int(w.slot)].(*BigInt)
			if !ok {
				return 0, nil, false
			}
			if hi, lo, ok = to128(&b.v); !ok {
				return 0, nil, false
			}
		default:
			return 0, nil, false
		}
		frame[w.wide] = templates.Value{Tag: templates.Tag(hi), Bits: lo}
	}
	if lt.tr != nil && debugCheckNative {
		vm.checkNative(lt, frame)
	}
	vm.fillGlobals(lt)
	clear(lt.fresh) // lists made before this entry may be shared
	clear(lt.freshBits)
	// The trace is held through its call-outs: entered again after each
	// without the atomics of a fresh entry, and never freed or evicted in
	// between.
	var hold jit.Hold
	if lt.tr != nil {
		var ok bool
		if hold, ok = lt.tr.Hold(); !ok {
			j.debugf("%s: trace invalid (freed), back to the interpreter", lt.where())
			lt.tr, lt.dead = nil, true
			return 0, nil, false
		}
	}
	start := j.now()
	iters0 := lt.allIters // (idle below: the whole entry's back-edges)
	ec, pc, callErr, left := vm.callOuts(f, lt, &hold, frame, vm.runTrace(lt, &hold, frame, 0))
	if left {
		hold.Release()
		j.addNative(start)
		return pc, callErr, true
	}
	hold.Release()
	j.addNative(start)
	j.stats.entries++
	lt.entries++
	lt.allEntries++
	switch ec.Reason() {
	case templates.ExitSide, templates.ExitSafepoint:
	default:
		// Evicted or freed: interpret this loop from now on.
		j.debugf("%s: trace invalid (%v), back to the interpreter", lt.where(), ec)
		lt.tr, lt.dead = nil, true
		return 0, nil, false
	}
	idx := int(ec.Index() &^ traceopt.PeeledSnap)
	if lt.yieldExit(idx) {
		// The item's iteration, ended by its yield (gen_yield.go).
		lt.iters++
		lt.allIters++
	}
	// Entering a trace costs about what a few interpreted iterations do:
	// a loop that runs only a few times per entry is left to the
	// interpreter (or to the trace of a loop around it). A trace that
	// ends at a yield runs one an entry by design.
	if lt.entries >= shortTripEntries && !lt.dead && len(lt.yieldExits) == 0 {
		if lt.iters < minTrip*int64(lt.entries) && !lt.longTrips() || lt.losesToCallOuts() {
			lt.bench(j)
		} else {
			lt.entries, lt.iters, lt.callOuts, lt.stores = 0, 0, 0, 0
		}
	}
	// A trace that keeps leaving before its first back-edge was made for
	// types or a path the loop no longer has: record it again. Unless it
	// leaves where a bridge was found not to pay for its call-outs: the
	// loop's iterations go that way often, and a new recording would
	// leave there again (strings' tokenizer: compiled, left at its op
	// branch and recorded again four times, each with its bridges).
	// Idle is the whole entry's count: the budget is refilled after
	// every call-out, so the last stretch alone would call an entry that
	// ran a thousand iterations through call-outs idle when its last
	// call-out was followed by an exit.
	if lt.allIters == iters0 {
		if lt.idle++; lt.idle > maxIdleEntries {
			if slices.Contains(lt.walled, idx) {
				j.debugf("%s: trace keeps leaving at once where no bridge can go: interpreted from now on", lt.where())
				lt.discard()
				lt.dead, lt.reason = true, "its trace keeps leaving where no bridge can go"
			} else {
				j.debugf("%s: trace keeps leaving at once: recording again", lt.where())
				lt.discard()
			}
		}
	} else {
		lt.idle = 0
	}
	if idx >= len(lt.snaps) {
		panic(fmt.Sprintf("BUG: trace left with %v, it has %d snapshots", ec, len(lt.snaps)))
	}
	j.stats.exits++
	for len(lt.exits) < len(lt.snaps) {
		lt.exits = append(lt.exits, 0)
	}
	lt.exits[idx]++
	sn := lt.snaps[idx]
	// (The bridge thresholds are multiples of bridgeAfter: the map of
	// tries is not looked up on every exit.)
	bridge := lt.exits[idx]%bridgeAfter == 0 && !vm.sigint.Load() && lt.tried[idx] < maxBridgeTries && lt.exits[idx] >= bridgeAfter<<(3*lt.tried[idx]) &&
		len(lt.sides) < maxBridges && (lt.tr != nil || lt.ref != nil) && lt.bridgeable(idx)
	var to int
	var err error
	if bridge && len(sn.frames) > 0 {
		// An exit inside inlined calls (a method of another class than
		// the recorded one's, a branch in a callee): the bridge is
		// recorded from there, in those frames, on through their returns
		// to the back-edge; the interpreter runs nothing first.
		vm.restoreSlots(lt, sn)
		w := j.startWork()
		to, err = vm.recordBridge(f, lt, idx, sn.pc)
		j.endWork(w)
	} else {
		to, err = vm.restore(f, lt, sn)
		if err == nil && bridge {
			w := j.startWork()
			to, err = vm.recordBridge(f, lt, idx, to)
			j.endWork(w)
		}
	}
	if err == nil && vm.sigint.Load() {
		if err = vm.keyboardInterrupt(); err != nil {
			return to + 1, err, true
		}
	}
	return to, err, true
}

// callOutWindow is how many call-outs a trace runs between checks of what
// they cost (losesToCallOuts) within one entry.
const callOutWindow = 1 << 12

// losesToCallOuts reports whether the trace of a loop without inner loops
// ran more call-outs per iteration than its recorded iteration's native
// work pays for (a path with more of them than the recorded one).
func (lt *loopTrace) losesToCallOuts() bool {
	if lt.stepsPerIter <= 0 || lt.callOuts == 0 && lt.stores == 0 {
		return false
	}
	steps := lt.iters * int64(lt.stepsPerIter)
	return steps < (callOutSteps+1)*lt.callOuts+(storeSteps+1)*lt.stores
}

// bench stops entering a trace whose entries run too few iterations:
// for a while, twice as long each time, or for good.
func (lt *loopTrace) bench(j *jitState) {
	trip := float64(lt.iters) / float64(max(lt.entries, 1))
	if lt.losesToCallOuts() {
		j.debugf("%s: %.1f call-outs per iteration of %d instructions", lt.where(), float64(lt.callOuts)/float64(max(lt.iters, 1)), lt.stepsPerIter)
	}
	lt.entries, lt.iters, lt.callOuts, lt.stores = 0, 0, 0, 0
	if lt.benched++; lt.benched >= maxBenched {
		j.stats.blacklisted++
		j.debugf("%s: %.1f iterations per entry: interpreted from now on", lt.where(), trip)
		lt.dead = true
		return
	}
	j.stats.benched++
	lt.benchLeft = benchWait << lt.benched
	j.debugf("%s: %.1f iterations per entry: interpreted for %d hot counts", lt.where(), trip, lt.benchLeft)
}

// runTrace runs lt natively (or on the uop reference) from uop at, on
// through safepoints, until it leaves another way or Ctrl-C.
func (vm *VM) runTrace(lt *loopTrace, hold *jit.Hold, frame []templates.Value, at int) templates.ExitCode {
	j := vm.jit
	vm.forgetBigs() // native code moves values past the notes (fresh_big.go)
	for {
		j.st.Budget = jitBudget
		var ec templates.ExitCode
		if lt.tr != nil {
			h, at := lt.resumeHold(hold, at)
			ec = h.RunOn(at, &j.st, frame, j.stack)
		} else {
			var err error
			if ec, err = uopref.RunAt(at, lt.ref, &j.st, frame, 1<<62); err != nil {
				panic("BUG: uop reference: " + err.Error())
			}
		}
		lt.iters += jitBudget - j.st.Budget
		lt.allIters += jitBudget - j.st.Budget
		if ec.Reason() != templates.ExitSafepoint || jit.Interrupted(&j.st) {
			return ec
		}
		next, ok := lt.loopTops.get(ec.Index())
		if !ok {
			return ec
		}
		at = next
		safepoint()
	}
}

// safepoint lets the Go runtime stop the goroutine at a trace's safepoint
// exit. Native code cannot be preempted, and the loop around it runs so
// little Go code between entries that a preemption signal almost never
// lands there: a GC waiting to scan this goroutine's stack spun on the
// other core until one did (sieve: a mark phase of 87-163 ms, its worker
// busy throughout). Yielding stops it at once, for ~0.2 µs per 2^16
// back-edges.
func safepoint() { runtime.Gosched() }

// exitTable maps exit indexes (snapshot indexes, some with
// traceopt.PeeledSnap set) to uops: by index, 1 + the uop, 0 for none.
type exitTable struct{ plain, peeled []int32 }

func (t *exitTable) get(index uint64) (int, bool) {
	tab := t.plain
	if index&traceopt.PeeledSnap != 0 {
		tab, index = t.peeled, index&^traceopt.PeeledSnap
	}
	if index < uint64(len(tab)) && tab[index] > 0 {
		return int(tab[index] - 1), true
	}
	return 0, false
}

func (t *exitTable) set(index uint64, uop int) {
	tab := &t.plain
	if index&traceopt.PeeledSnap != 0 {
		tab, index = &t.peeled, index&^traceopt.PeeledSnap
	}
	if n := int(index) + 1; n > len(*tab) {
		// One allocation with room to spare: appending a zero at a time
		// grew the table through five small size classes, each new to
		// the run and so fresh pages (4-5 page faults of spectral_norm's
		// JIT work).
		if n > cap(*tab) {
			grown := make([]int32, n, max(n+n/2, 16))
			copy(grown, *tab)
			*tab = grown
		} else {
			*tab = (*tab)[:n] // (zero: never written past len)
		}
	}
	(*tab)[index] = int32(uop + 1)
}

// execOne runs the instruction at pc of f in the interpreter, for a
// call-out.
func (vm *VM) execOne(f *frame, pc int) error {
	outer := vm.callingOut
	vm.callingOut = true
	in := &f.code.instrs[pc]
	f.pc = int32(pc + 1)
	var err error
	// The trace moved values natively: no note may pass a call-out
	// (fresh_big.go), either way.
	vm.forgetBigs()
	switch in.Op {
	case opMove:
		var v Val
		if v, err = f.load(in.B); err == nil {
			if in.E&privA != 0 {
				vm.movePrivate(f, in)
			}
			f.set(in.A, v)
		}
	case opCall:
		if vm.threaded() {
			err = vm.lockedOp(f, in, (*VM).opCall)
		} else {
			err = vm.opCall(f, in)
		}
	case opSetItem:
		if d, ok := f.objs[in.A].(*Dict); ok && f.regs[in.A].Tag == tagObject && f.regs[in.B].Tag != tagEmpty && f.regs[in.C].Tag != tagEmpty && !vm.threaded() {
			// A dict store, the most common call-out, as the
			// interpreter's own fast path does it.
			err = d.set(f.get(in.B), f.get(in.C))
			break
		}
		if vm.threaded() {
			err = vm.lockedOp(f, in, (*VM).generic)
		} else {
			err = vm.generic(f, in)
		}
	case opGetItem:
		done := false
		if !vm.threaded() {
			done, err = callOutGetItem(f, in)
		}
		if done {
			break
		}
		if vm.threaded() {
			err = vm.lockedOp(f, in, (*VM).generic)
		} else {
			err = vm.generic(f, in)
		}
	case opAdd, opSub, opMul, opTrueDiv, opFloorDiv, opMod, opPow, opLshift, opRshift, opBitAnd, opBitOr, opBitXor, opMatMul,
		opLt, opLe, opGt, opGe, opEq, opNe, opIs, opIsNot, opIn, opNotIn:
		if vm.threaded() {
			err = vm.lockedOp(f, in, (*VM).generic)
		} else {
			err = vm.generic(f, in)
		}
	case opLoadGlobal:
		g := vm.mod.load(in.B)
		if g.T == tagEmpty {
			g, err = vm.unboundGlobal(f, in.B)
		}
		if err == nil {
			f.set(in.A, g)
		}
	default:
		err = vm.slow(f, in)
	}
	vm.forgetBigs()
	if err == nil {
		err = vm.takePending()
	}
	if err == errJump || err == errYield {
		panic(fmt.Sprintf("BUG: call-out of %v jumped", in.Op))
	}
	vm.callingOut = outer
	return err
}

// interrupt is Ctrl-C: the interpreter raises KeyboardInterrupt at its next
// back-edge, and a running trace leaves at its next safepoint exit (within
// jitBudget back-edges: the loop uop does not read the flag). Safe from any
// goroutine.
func (vm *VM) interrupt() {
	vm.sigint.Store(true)
	vm.hot.Store(0)
	if vm.jit != nil {
		jit.Interrupt(&vm.jit.st)
	}
}

// keyboardInterrupt takes the pending Ctrl-C and returns the exception
// (or the MemoryError watchHeap raised the same way). It is nil when
// signal handlers ran instead and returned: callers then carry on.
func (vm *VM) keyboardInterrupt() error {
	if vm.exiting.Load() {
		return errThreadExit // a daemon thread at the end of the run
	}
	vm.sigint.Store(false)
	vm.hot.Store(vm.threshold())
	if vm.jit != nil {
		jit.ClearInterrupt(&vm.jit.st)
	}
	if e := vm.asyncErr.Swap(nil); e != nil {
		return e
	}
	// KeyboardInterrupt, or the handlers of the signals that came (nil
	// when they returned: the program goes on).
	return vm.runSignals()
}

// threshold is the back-edge count that calls onHot.
func (vm *VM) threshold() uint32 {
	if vm.jit == nil {
		return math.MaxUint32
	}
	return vm.jit.hot
}

// discard drops the trace (it stays in memory until the run ends: a
// snapshot of it may still be restoring) and counts a failure.
func (lt *loopTrace) discard() {
	lt.tr, lt.ref = nil, nil
	lt.idle = 0
	lt.failed++
	lt.wait = 1<<lt.failed - 1
	if lt.failed >= maxRecordFailures {
		lt.dead = true
	}
}

func (lt *loopTrace) where() string {
	if lt.fn {
		return fmt.Sprintf("function %s (line %d)", lt.fnName, lt.line)
	}
	return fmt.Sprintf("line %d", lt.line)
}

// sharedListForms puts the list loads and stores of uops in the forms that
// work under each list's sequence word, for native code that runs while
// other threads may change the lists: every native run once threads run
// (a trace, and the inner loop a recording runs natively).
func sharedListForms(uops []jit.Uop) {
	for i := range uops {
		switch generated.Op(uops[i].Op) {
		case generated.OpListLoad:
			uops[i].Op = stencil.Op(generated.OpListLoadMt)
		case generated.OpListStore:
			uops[i].Op = stencil.Op(generated.OpListStoreMt)
		case generated.OpListAppend:
			// (No sequence word in its native half: Go appends.)
			uops[i].Op = stencil.Op(generated.OpCallOut)
		}
	}
}

// captureTrace, when a test sets it, gets a copy of every trace
// compileTrace is about to optimize (the optimizer's benchmark).
var captureTrace func(*traceopt.Trace)

// compileTrace optimizes lt's recorded iteration with its bridges and
// compiles it (or, in uops mode, lays it out for the reference
// interpreter).
func (vm *VM) compileTrace(lt *loopTrace) error {
	j := vm.jit
	start := time.Now()
	insts := lt.merged()
	lt.reuse = nil
	if !vm.threaded() && !lt.fn && lt.root != nil {
		lt.reuse = lt.sliceReuse(insts)
	}
	t := &traceopt.Trace{Insts: insts, Consts: lt.consts, PrivateFrom: lt.scratchLo, PrivateTo: lt.scratchLo + lt.scratchSize(),
		ExitReads: lt.exitReads, Func: lt.fn, ExitDead: func(snap int, slot int32) bool {
			return snap >= 0 && snap < len(lt.snaps) && lt.snaps[snap].tempDead(lt.root, slot)
		}, Shared: vm.threaded()}
	if captureTrace != nil {
		captureTrace(t.Clone())
	}
	traceopt.Optimize(t, nil)
	j.stats.optTime += time.Since(start)
	if len(insts) > 0 && len(t.Insts) > 0 && &insts[0] != &t.Insts[0] {
		// Peel copied the merged trace: its buffer serves the next compile.
		traceopt.RecycleInsts(insts)
	}
	uops, err := traceopt.Lower(t)
	if err != nil {
		return fmt.Errorf("BUG: lowering: %v", err)
	}
	if vm.threaded() {
		sharedListForms(uops)
	}
	if lt.opt != nil && lt.opt != t {
		// The trace this one replaces: nothing reads its instructions or
		// uops any more (the runtime copied what it keeps), and a bridge's
		// recompile of the whole trace fills their memory again.
		traceopt.RecycleInsts(lt.opt.Insts)
		traceopt.RecycleUops(lt.uops)
	}
	lt.opt, lt.uops, lt.nUops, lt.nGuards = t, uops, len(uops), countGuards(t)
	lt.resumes, lt.loopTops = exitTable{}, exitTable{}
	for i, u := range uops {
		switch generated.Op(u.Op) {
		case generated.OpCallOut, generated.OpListAppend:
			lt.resumes.set(u.Operands[0], i+1)
		case generated.OpLoop:
			lt.loopTops.set(u.Operands[0], u.Jump)
		}
	}
	lt.freshBits = nil // (a new trace: its own words)
	lt.nativeSliceCopies(uops)
	if j.cfg.JIT == JITUops {
		lt.ref = traceopt.RefInstrs(uops)
	} else {
		tr, err := j.cache.Compile(uops)
		if err != nil {
			j.stats.refused++
			return fmt.Errorf("not compiled: %v", err)
		}
		j.dropLinked(lt) // (the trace that jumped into them is replaced)
		lt.tr = tr
		lt.unshared = slices.ContainsFunc(uops, func(u jit.Uop) bool { return unsharedOp(generated.Op(u.Op)) })
		lt.instances = slices.ContainsFunc(uops, func(u jit.Uop) bool { return instanceOp(generated.Op(u.Op)) })
		j.traces = append(j.traces, tr)
		j.stats.codeBytes += tr.Stats().CodeBytes
	}
	j.stats.compileTime += time.Since(start)
	if len(lt.globals) > 0 {
		lt.unshared = true // (no other thread may see a global while it is in a slot)
	}
	if w := j.cfg.TraceLog; w != nil {
		what := "the loop"
		if lt.fn {
			what = "the function " + lt.fnName
		}
		fmt.Fprintf(w, "trace for %s at %s:%d (%s)\n%s", what, lt.file, lt.line, lt.describe(), t)
		if lt.tr != nil {
			fmt.Fprintf(w, "machine code:\n%s", jit.Disassemble(lt.tr))
		}
		fmt.Fprintln(w)
	}
	j.stats.compiled++
	j.stats.uops += len(uops)
	if !debugCheckNative {
		// Nothing reads them any more (the runtime and the reference
		// interpreter copied what they keep): the next compile, of this
		// loop or another, fills their memory again rather than fresh
		// pages.
		traceopt.RecycleInsts(t.Insts)
		traceopt.RecycleUops(uops)
		lt.opt, lt.uops = nil, nil
	}
	return nil
}

// bridgeable reports whether the exits through snapshot idx can be sent
// to a bridge: a branch's, or a guard's (guard_shape on a polymorphic
// site, a type guard), which leaves before it writes anything.
func (lt *loopTrace) bridgeable(idx int) bool {
	if n, ok := lt.unbridged[idx]; ok && n == len(lt.sides) {
		// (Scanning the whole trace again every bridgeAfter exits
		// took scheduler 13,000 scans of 2,900 instructions each.)
		return false
	}
	if lt.branch[idx] {
		// The loop's own test at its back-edge leaves the loop whenever
		// it leaves the trace: a bridge from there would stop at once,
		// every try (connect4's four-window loops: 12 recordings).
		sn := lt.snaps[idx]
		return lt.fn || sn.pc != lt.end || len(sn.frames) > 0
	}
	guards := func(insts []traceopt.Inst) bool {
		return slices.ContainsFunc(insts, func(in traceopt.Inst) bool { return in.Exit == idx && traceopt.ExitJumps(in.Op) })
	}
	if guards(lt.raw) {
		return true
	}
	for _, sd := range lt.sides {
		if guards(sd.insts) {
			return true
		}
	}
	if lt.unbridged == nil {
		lt.unbridged = map[int]int{}
	}
	lt.unbridged[idx] = len(lt.sides)
	return false
}

// merged is the recorded iteration followed by its bridges, each branch
// that left through a bridged snapshot now jumping to its bridge.
func (lt *loopTrace) merged() []traceopt.Inst {
	// Sized once: appending a bridge at a time grew (and cleared) the
	// whole trace again for each, on pages never touched before.
	n := len(lt.raw)
	for _, sd := range lt.sides {
		n += len(sd.insts)
	}
	out := append(traceopt.NewInsts(n), lt.raw...)
	start := make(map[int]int, len(lt.sides))
	for _, sd := range lt.sides {
		start[sd.snap] = len(out)
		base := len(out)
		for _, in := range sd.insts {
			if in.InTrace {
				in.Target += base
			}
			out = append(out, in)
		}
	}
	for i := range out {
		in := &out[i]
		if at, ok := start[in.Exit]; ok && !in.InTrace && traceopt.Info(in.Op).Branch {
			in.InTrace, in.Target, in.Exit = true, at, traceopt.NoExit
		} else if ok && !in.InTrace && traceopt.ExitJumps(in.Op) {
			// A guard whose check failed often enough runs the bridge
			// recorded for what it found (another shape, another type).
			in.InTrace, in.Target = true, at
		}
	}
	return out
}

// release frees a trace replaced by a recompiled one.
func (j *jitState) release(t *jit.Trace) {
	for i, x := range j.traces {
		if x == t {
			j.traces = append(j.traces[:i], j.traces[i+1:]...)
			break
		}
	}
	t.Free()
}

// debugCheckNative runs every native entry on the uop reference first, on
// a copy of the frame, and panics where the two disagree.
const debugCheckNative = false

func (vm *VM) checkNative(lt *loopTrace, frame []templates.Value) {
	// Lists the trace may store into: every list reachable from the frame
	// in two steps.
	seen := map[*List]bool{}
	var lists []*List
	var visit func(v templates.Value, depth int)
	visit = func(v templates.Value, depth int) {
		if v.Tag != tagObject || v.Bits == 0 || v.Bits&7 != 0 || depth > 2 {
			return
		}
		l := listAt(v.Bits)
		if seen[l] {
			return
		}
		seen[l] = true
		lists = append(lists, l)
		for _, e := range l.vals {
			visit(e, depth+1)
		}
	}
	for i, v := range frame {
		// (A dead slot's bits may name a list no one holds: liveTop.)
		if holdsAt(vm.ostack[lt.base+i], v.Bits) {
			visit(v, 0)
		}
	}
	saved := make([][]templates.Value, len(lists))
	for i, l := range lists {
		saved[i] = append([]templates.Value(nil), l.vals...)
	}
	ref := traceopt.RefInstrs(lt.uops)
	f1 := append([]templates.Value(nil), frame...)
	f2 := append([]templates.Value(nil), frame...)
	var st1, st2 templates.State
	st1.Budget, st2.Budget = 1<<20, 1<<20
	ec1, err := uopref.Run(ref, &st1, f1, 1<<40)
	if err != nil {
		panic(err)
	}
	after := make([][]templates.Value, len(lists))
	for i, l := range lists {
		after[i] = append([]templates.Value(nil), l.vals...)
		copy(l.vals, saved[i])
	}
	ec2 := lt.tr.Run(&st2, f2)
	if ec1 != ec2 {
		panic(fmt.Sprintf("exit %v vs native %v\n%s", ec1, ec2, lt.opt))
	}
	for i := range f1 {
		if f1[i] != f2[i] {
			panic(fmt.Sprintf("slot %d: %v vs native %v (ec %v)\n%s", i, f1[i], f2[i], ec1, lt.opt))
		}
	}
	for i, l := range lists {
		for k := range l.vals {
			if l.vals[k] != after[i][k] {
				panic(fmt.Sprintf("list %d [%d]: %v vs native %v\n%s", i, k, after[i][k], l.vals[k], lt.opt))
			}
		}
		copy(l.vals, saved[i])
	}
}
