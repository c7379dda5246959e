package jit

import (
	"fmt"
	"sync"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/relocs"
)

// hole is relocs.Hole packed for the patch loop: 24 bytes, no string, all
// of one op's holes adjacent in one array, so compiling walks memory
// linearly.
type hole struct {
	addend int64
	off    uint32
	got    int32
	kind   relocs.Kind
	value  relocs.Value
	data   bool
}

// opInfo is what pass 1 and pass 2 need to know about one stencil.
type opInfo struct {
	code, data []byte
	align      int
	holes      []hole
	src        *relocs.Stencil // for messages
	continues  bool            // has a _JIT_CONTINUE hole
	jumps      bool            // has a _JIT_JUMP_TARGET hole
	exits      bool            // has a _JIT_EXIT hole
	bad        error           // a hole relocs.Check rejects: the op cannot be compiled
}

type table [generated.NumOps]opInfo

var (
	hostTableOnce sync.Once
	hostTable     *table
)

// theTable packs generated.Stencils once per process.
func theTable() *table {
	hostTableOnce.Do(func() { hostTable = newTable(&generated.Stencils) })
	return hostTable
}

func newTable(stencils *[generated.NumOps]relocs.Stencil) *table {
	t := new(table)
	n := 0
	for i := range stencils {
		n += len(stencils[i].Holes)
	}
	all := make([]hole, 0, n)
	for i := range stencils {
		st := &stencils[i]
		info := &t[i]
		info.code, info.data, info.src = st.Code, st.Data, st
		info.align = max(int(st.DataAlign), 1)
		start := len(all)
		for _, h := range st.Holes {
			buf := st.Code
			if h.Section == relocs.Data {
				buf = st.Data
			}
			if err := relocs.Check(h.Kind, buf, int(h.Offset), h.Addend); err != nil && info.bad == nil {
				info.bad = fmt.Errorf("hole %s at %v+%#x: %w", h.Symbol, h.Section, h.Offset, err)
			}
			if h.Kind.UsesGOT() && (h.GOT < 0 || int(h.GOT)+8 > len(st.Data)) && info.bad == nil {
				info.bad = fmt.Errorf("hole %s: GOT slot %d outside the %d data bytes", h.Symbol, h.GOT, len(st.Data))
			}
			all = append(all, hole{addend: h.Addend, off: h.Offset, got: h.GOT, kind: h.Kind, value: h.Value, data: h.Section == relocs.Data})
			switch h.Value {
			case relocs.ValueContinue:
				info.continues = true
			case relocs.ValueJumpTarget:
				info.jumps = true
			case relocs.ValueExit:
				info.exits = true
			}
		}
		info.holes = all[start:len(all):len(all)]
	}
	return t
}
