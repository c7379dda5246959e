package jit

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/copypatch/copypatch/relocs"
	"github.com/copypatch/copypatch/stencil"
)

// hole is a stencil hole ready for the patch loop: decoded once
// (relocs.Fixup), 32 bytes, no string, all of one op's holes adjacent in
// one array, so compiling walks memory linearly.
type hole struct {
	fix   relocs.Fixup
	got   int32 // offset of the GOT slot in the stencil's data, or -1
	value relocs.Value
	flags holeFlags
	src   uint16 // index in the stencil's Holes, for messages
}

// holeFlags say where a hole's field is and what else patching it writes.
type holeFlags uint8

const (
	inData holeFlags = 1 << iota // the field is in the data, not the code
	// fillsGOT: the hole's GOT slot gets the value too. The slot's own
	// Abs64 word is dropped from the words: one loop iteration fewer per
	// GOT load, the most common hole.
	fillsGOT
)

// opInfo is what pass 1 and pass 2 need to know about one stencil.
type opInfo struct {
	code, data []byte
	align      int
	src        *relocs.Stencil // for messages
	continues  bool            // has a _JIT_CONTINUE hole
	jumps      bool            // has a _JIT_JUMP_TARGET hole
	exits      bool            // has a _JIT_EXIT hole
	bad        error           // a hole relocs.Check rejects: the op cannot be compiled
	// emit is the stencil's generated fast copy-and-patch, or nil.
	emit relocs.Emitter
	// special says pass 1 must look closer at a uop of this op: it jumps,
	// continues, exits, is a loop, or cannot be compiled.
	special bool
	// general is the general path's tables, made the first time a uop of
	// this op takes it (generalOf): an op with an emitter takes it only
	// when the emitter declines (a value out of a field's range), which
	// most runs never see, and making them for every op a run used was
	// most of the first compile's pass 1 (three allocations an op).
	general atomic.Pointer[generalTables]
}

// generalTables are an op's holes decoded for the general path.
type generalTables struct {
	holes []hole // code holes and data holes other than words
	words []word // Abs64 data words (operands, GOT slots)
	// wordsCover says the words overwrite every data byte, so emit need
	// not copy the data first.
	wordsCover bool
}

// word is an Abs64 hole in a stencil's data, the commonest kind (operand
// and GOT words): patched inline, from its own array, so the loop over
// them has no branch to mispredict.
type word struct {
	addend int64
	off    uint32
	value  relocs.Value
}

// table is a stencil set packed for compiling: one opInfo per uop, each
// packed the first time a trace uses its op (op). A program uses a few
// dozen of the set's 300 stencils: packing them all, every hole decoded
// and every stencil's bytes read, was 11% of the instructions of
// starting minipy (newTable, 0.56 M of 4.9 M). Each opInfo is allocated
// when packed, next to the others a run uses: an array of all 300 (45
// KB) put the few dozen used on a dozen fresh pages, each a page fault
// in the first compile (~10 µs each on a virtual machine).
type table struct {
	ops      []atomic.Pointer[opInfo] // per uop: its opInfo, nil until packed
	mu       sync.Mutex               // held while packing
	spare    []opInfo                 // allocated for the next ops packed; guarded by mu
	set      *stencil.Set
	exit     stencil.Op // the exit stub's uop
	loop     stencil.Op // the safepoint back-edge, or stencil.NoOp
	terminal []bool     // per uop: it never falls through
}

// tables packs each stencil set once per process: *stencil.Set → *table.
var tables sync.Map

// tableFor returns set's packed table. The set was checked.
func tableFor(set *stencil.Set) *table {
	if t, ok := tables.Load(set); ok {
		return t.(*table)
	}
	t, _ := tables.LoadOrStore(set, newTable(set))
	return t.(*table)
}

// newTable is the table of a set's stencils and their emitters (which may
// be absent); op packs each.
func newTable(set *stencil.Set) *table {
	n := len(set.Stencils)
	t := &table{ops: make([]atomic.Pointer[opInfo], n), set: set, exit: set.Exit, loop: set.Loop, terminal: make([]bool, n)}
	for _, op := range set.Terminal {
		t.terminal[op] = true
	}
	return t
}

// op is the packed opInfo of uop i (< len(t.ops)), packing it first if
// no trace used it yet. Safe for concurrent use.
func (t *table) op(i int) *opInfo {
	if info := t.ops[i].Load(); info != nil {
		return info
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	info := t.ops[i].Load()
	if info == nil {
		info = t.pack(i)
		t.ops[i].Store(info)
	}
	return info
}

// pack makes uop i's opInfo from its stencil: what pass 1 needs, every
// hole checked (relocs.NewFixup). The general path's tables wait for
// generalOf. Called with t.mu held.
func (t *table) pack(i int) *opInfo {
	set := t.set
	st := &set.Stencils[i]
	// A few at a time: one allocation for several ops, each next to the
	// others a run uses.
	if len(t.spare) == 0 {
		t.spare = make([]opInfo, 16)
	}
	info := &t.spare[0]
	t.spare = t.spare[1:]
	info.code, info.data, info.src = st.Code, st.Data, st
	if i < len(set.Emitters) {
		info.emit = set.Emitters[i]
	}
	info.align = max(int(st.DataAlign), 1)
	if len(st.Holes) > 1<<16 {
		info.bad = fmt.Errorf("%d holes, more than %d", len(st.Holes), 1<<16)
	}
	for _, h := range st.Holes {
		buf := st.Code
		if h.Section == relocs.Data {
			buf = st.Data
		}
		_, err := relocs.NewFixup(h.Kind, buf, int(h.Offset), h.Addend)
		if err != nil && info.bad == nil {
			info.bad = fmt.Errorf("hole %s at %v+%#x: %w", h.Symbol, h.Section, h.Offset, err)
		}
		if h.Kind.UsesGOT() && (h.GOT < 0 || int(h.GOT)+8 > len(st.Data)) && info.bad == nil {
			info.bad = fmt.Errorf("hole %s: GOT slot %d outside the %d data bytes", h.Symbol, h.GOT, len(st.Data))
		}
		if int(h.Value) >= relocs.NumValues && info.bad == nil {
			info.bad = fmt.Errorf("hole %s: unknown value %v", h.Symbol, h.Value)
		}
		switch h.Value {
		case relocs.ValueContinue:
			info.continues = true
		case relocs.ValueJumpTarget:
			info.jumps = true
		case relocs.ValueExit:
			info.exits = true
		}
	}
	info.special = len(info.code) == 0 || info.bad != nil || info.continues || info.jumps || info.exits ||
		stencil.Op(i) == set.Loop
	return info
}

// generalOf returns info's general-path tables, making them the first
// time. info is packed and not bad. Safe for concurrent use.
func (t *table) generalOf(info *opInfo) *generalTables {
	if g := info.general.Load(); g != nil {
		return g
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if g := info.general.Load(); g != nil {
		return g
	}
	g := packGeneral(info.src)
	info.general.Store(g)
	return g
}

// packGeneral decodes a stencil's holes for the general path
// (relocs.Fixup), the Abs64 data words apart, GOT words merged into their
// holes. pack checked every hole.
func packGeneral(st *relocs.Stencil) *generalTables {
	all := make([]hole, 0, len(st.Holes))
	var words []word
	for hi, h := range st.Holes {
		if h.Section == relocs.Data && h.Kind == relocs.Abs64 {
			words = append(words, word{addend: h.Addend, off: h.Offset, value: h.Value})
			continue
		}
		var flags holeFlags
		buf := st.Code
		if h.Section == relocs.Data {
			buf, flags = st.Data, inData
		}
		fix, _ := relocs.NewFixup(h.Kind, buf, int(h.Offset), h.Addend)
		all = append(all, hole{fix: fix, got: h.GOT, value: h.Value, flags: flags, src: uint16(hi)})
	}
	g := &generalTables{holes: all[:len(all):len(all)], wordsCover: coversAll(words, len(st.Data))}
	words = mergeGOTWords(g.holes, words, 0)
	g.words = words[:len(words):len(words)]
	return g
}

// mergeGOTWords drops from words[start:] each GOT slot word that a GOT hole
// in holes can write instead (same value, no addend), marking that hole
// fillsGOT, and returns the shortened words.
func mergeGOTWords(holes []hole, words []word, start int) []word {
	out := start
	for _, w := range words[start:] {
		merged := false
		for k := range holes {
			h := &holes[k]
			if w.addend == 0 && h.fix.Kind().UsesGOT() && h.got == int32(w.off) && h.value == w.value {
				if h.flags&fillsGOT == 0 {
					h.flags |= fillsGOT
				}
				merged = true
				break
			}
		}
		if !merged {
			words[out] = w
			out++
		}
	}
	return words[:out]
}

// coversAll reports whether the 8-byte words at ws's offsets overwrite
// every one of n bytes.
func coversAll(ws []word, n int) bool {
	covered := make([]bool, n)
	for _, w := range ws {
		for k := int(w.off); k < int(w.off)+8 && k < n; k++ {
			covered[k] = true
		}
	}
	for _, c := range covered {
		if !c {
			return false
		}
	}
	return true
}

// terminalNames lists the uops that may end a trace, for messages.
func (t *table) terminalNames() string {
	var names []string
	for op, ok := range t.terminal {
		if ok {
			names = append(names, t.set.Name(stencil.Op(op)))
		}
	}
	return strings.Join(names, ", ")
}
