package traceopt

import (
	"sync"
	"unsafe"

	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// The dataflow passes keep a row of facts per instruction (types, tags,
// available expressions), and a bridge recompiles the whole trace with all
// of them: fresh rows every pass were most of what the optimizer
// allocated, and in a short run every allocation is a fresh page the
// kernel faults in (Go reuses memory only after a collection). The rows
// come from a pool instead, reused from one pass and one compile to the
// next.

// scratch is one pass's reusable memory.
type scratch struct {
	bytes   []uint8
	words   []uint64
	reached []bool
	// The rows' headers, reused too: a trace of a thousand instructions
	// needs 24 KB of them a pass.
	byteHdr [][]uint8
	wordHdr [][]uint64
	index   []int32 // compact's new indexes
	// A trace's basic blocks (flow.go).
	lead    []bool
	starts  []int32
	blockOf []int32
	dirty   []bool            // solveForward's
	pos     []int             // Lower's uop index of each instruction
	values  []templates.Value // Fold's rows of constants
	nonNeg  []uint8           // UseNonNegIndexes's rows of its own
	counts  []int32           // Hoist's writes of each slot
	keep    []bool            // the instructions a pass keeps (compact)
	// redundant is RemoveRedundant's.
	redundant struct {
		table []int32 // fact numbers plus one, by hash
		rowOf []int32
		// slots lists each fact's slots, fact i's ending at slotEnd[i].
		slots   []int32
		slotEnd []int32
		gen     []int32
		facts   []fact
		rows    []uint64
		kill    []factSet
		out     []uint64
		keep    []bool
	}
}

// grow returns (*buf)[:n], reallocating *buf when it is too small; its
// contents are undefined. It doubles: a run's traces mostly grow one after
// the other (spectral_norm's 52, 92, 53 then 93 uops), and each time a
// pass's row outgrew its buffer by a quarter it took fresh memory, whose
// pages the kernel faults in (in a run too short for a collection, all
// of it: Go reuses memory only after one).
func grow[E any](buf *[]E, n int) []E {
	if cap(*buf) < n {
		*buf = make([]E, n, max(2*n, 2*cap(*buf)))
	}
	return (*buf)[:n]
}

// scratches are the spare scratches, the last one put back handed out
// first. A pass holding one calls helpers that take another (compact):
// taken and given back in nested order, each depth gets the same scratch
// every time, its buffers already grown to what that depth needs. A
// sync.Pool handed its two out in turn (its per-P private slot first),
// so both grew every buffer: RemoveRedundant took 6-8 fresh pages in each
// of spectral_norm's compiles, the fourth (the size of the second) too.
var scratches struct {
	mu   sync.Mutex
	free []*scratch
}

func getScratch() *scratch {
	scratches.mu.Lock()
	defer scratches.mu.Unlock()
	n := len(scratches.free)
	if n == 0 {
		return new(scratch)
	}
	s := scratches.free[n-1]
	scratches.free[n-1] = nil
	scratches.free = scratches.free[:n-1]
	return s
}

// maxSpareScratch bounds the scratches kept: more are in use at once only
// when several goroutines optimize at once.
const maxSpareScratch = 8

func (s *scratch) put() {
	scratches.mu.Lock()
	defer scratches.mu.Unlock()
	if len(scratches.free) < maxSpareScratch {
		scratches.free = append(scratches.free, s)
	}
}

// byteRows returns n rows of width bytes (Type, tag bytes), their
// contents undefined, and n reached flags, all false.
func byteRows[E ~uint8](s *scratch, n, width int) ([][]E, []bool) {
	need := n * width
	if cap(s.bytes) < need {
		s.bytes = make([]uint8, need+need/4)
	}
	// (The one backing array serves every byte-sized element type.)
	back := unsafe.Slice((*E)(unsafe.Pointer(unsafe.SliceData(s.bytes))), need)
	if cap(s.byteHdr) < n {
		s.byteHdr = make([][]uint8, n+n/4)
	}
	rows := unsafe.Slice((*[]E)(unsafe.Pointer(unsafe.SliceData(s.byteHdr))), n)
	return cut(rows, back, width), s.flags(n)
}

// wordRows is byteRows for rows of 64-bit words (factSet).
func wordRows[R ~[]uint64](s *scratch, n, width int) ([]R, []bool) {
	need := n * width
	if cap(s.words) < need {
		s.words = make([]uint64, need+need/4)
	}
	if cap(s.wordHdr) < n {
		s.wordHdr = make([][]uint64, n+n/4)
	}
	rows := unsafe.Slice((*R)(unsafe.Pointer(unsafe.SliceData(s.wordHdr))), n)
	return cut(rows, s.words[:need], width), s.flags(n)
}

// cut slices back into len(rows) rows of width elements.
func cut[R ~[]E, E any](rows []R, back []E, width int) []R {
	for i := range rows {
		rows[i] = R(back[i*width : (i+1)*width : (i+1)*width])
	}
	return rows
}

func (s *scratch) flags(n int) []bool {
	if cap(s.reached) < n {
		s.reached = make([]bool, n+n/4)
	}
	r := s.reached[:n]
	clear(r)
	return r
}

// Instruction and uop buffers: Peel builds the peeled trace in one, Lower
// the uops in another, and a caller that replaces a trace (a bridge
// recompiles the whole trace) gives the old trace's back with Recycle, so
// each recompile fills memory the last one touched, not fresh pages. A
// few are kept, and a request takes the smallest that fits: a sync.Pool
// handed back one buffer, dropped when too small, and a run's traces
// mostly grow (levenshtein's 33, 54, 105 then 221 uops, with small
// bridges between), so most compiles allocated afresh.
var (
	instBufs bufList[Inst]
	uopBufs  bufList[jit.Uop]
)

// bufList is a few spare buffers of one element type.
type bufList[E any] struct {
	mu   sync.Mutex
	bufs [][]E
}

// maxSpareBufs bounds the buffers a bufList keeps.
const maxSpareBufs = 4

// get returns an empty buffer with room for n: the smallest spare one
// that has it, or a new one.
func (l *bufList[E]) get(n int) []E {
	l.mu.Lock()
	best := -1
	for k, b := range l.bufs {
		if cap(b) >= n && (best < 0 || cap(b) < cap(l.bufs[best])) {
			best = k
		}
	}
	if best >= 0 {
		b := l.bufs[best]
		last := len(l.bufs) - 1
		l.bufs[best] = l.bufs[last]
		l.bufs[last] = nil
		l.bufs = l.bufs[:last]
		l.mu.Unlock()
		return b[:0]
	}
	l.mu.Unlock()
	// Room to spare, at least minBufLen: a bridge's recompile is a little
	// longer, and a run's next trace is often longer too (each buffer
	// outgrown was fresh pages). A fresh buffer's pages cost nothing
	// until written: Go does not clear memory new from the system.
	return make([]E, 0, max(n+n/2, minBufLen))
}

// minBufLen is the least room a new instruction or uop buffer gets: 32-36
// KB, the size of the numeric programs' larger traces.
const minBufLen = 512

// put keeps b, in place of the smallest spare when the list is full.
// (Inst and jit.Uop hold no pointers: nothing needs clearing.)
func (l *bufList[E]) put(b []E) {
	if cap(b) == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.bufs) < maxSpareBufs {
		l.bufs = append(l.bufs, b[:0])
		return
	}
	small := 0
	for k := range l.bufs {
		if cap(l.bufs[k]) < cap(l.bufs[small]) {
			small = k
		}
	}
	if cap(l.bufs[small]) < cap(b) {
		l.bufs[small] = b[:0]
	}
}

// NewInsts returns an empty instruction slice with room for n, reused
// when one was recycled.
func NewInsts(n int) []Inst { return instBufs.get(n) }

// RecycleInsts gives back a slice of instructions nothing uses any more.
func RecycleInsts(insts []Inst) { instBufs.put(insts) }

func newUops(n int) []jit.Uop { return uopBufs.get(n) }

// RecycleUops gives back uops Lower returned that nothing uses any more
// (the runtime copies what it keeps of them).
func RecycleUops(uops []jit.Uop) { uopBufs.put(uops) }
