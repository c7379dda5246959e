package jit

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/relocs"
)

// plan is pass 1's result for one trace: where every uop's code and data
// and every exit stub go, relative to the trace's start.
//
// Layout: the uops' code back to back (a uop falls through to the next one:
// stencilgen removed each trailing jump to _JIT_CONTINUE), then one exit
// stub per distinct exit index, then the data of all of them, each at its
// stencil's alignment.
type plan struct {
	uops      []Uop
	starts    []int // code offset of each uop, then of each stub
	dataOffs  []int // data offset of each uop, then of each stub
	stubExits []int // exit index of each stub
	stubOf    []int // per uop: its stub, or -1
	resume    map[uint64]int
	codeSize  int
	veneers   int // offset of the veneer area (one veneer per entry of starts), or 0 if none
	size      int
	base      int // offset of the trace in its region
}

// terminal reports whether a uop never falls through to the next one, so it
// may end a trace.
func terminal(op generated.Op) bool {
	switch op {
	case generated.OpEnd, generated.OpExit, generated.OpJump, generated.OpLoop:
		return true
	}
	return false
}

func (c *Cache) plan(trace []Uop) (*plan, error) {
	n := len(trace)
	if n == 0 {
		return nil, &TraceError{-1, "empty trace"}
	}
	if last := trace[n-1].Op; int(last) < generated.NumOps && !terminal(last) {
		return nil, &TraceError{n - 1, fmt.Sprintf("the trace ends with %v, which falls through; end it with end, exit, jump or loop", last)}
	}
	tab := c.table
	p := &plan{
		uops:   trace,
		starts: make([]int, n, n+8),
		stubOf: make([]int, n),
	}
	// stubOfExit maps an exit index to its stub: a slice for the usual small
	// indexes, a map beyond.
	var stubOfExit []int32
	var stubIndex map[int]int
	off := 0
	for i := range p.uops {
		u := &p.uops[i]
		if int(u.Op) >= generated.NumOps {
			return nil, &TraceError{i, fmt.Sprintf("unknown op %d", u.Op)}
		}
		info := &tab[u.Op]
		if len(info.code) == 0 {
			return nil, &TraceError{i, fmt.Sprintf("op %v has no stencil for this target", u.Op)}
		}
		if info.bad != nil {
			return nil, &TraceError{i, fmt.Sprintf("op %v: %v", u.Op, info.bad)}
		}
		p.starts[i] = off
		off += len(info.code)
		p.stubOf[i] = -1
		if info.continues && i == n-1 {
			return nil, &TraceError{i, fmt.Sprintf("%v continues past the end of the trace", u.Op)}
		}
		if info.jumps && (u.Jump < 0 || u.Jump >= n) {
			return nil, &TraceError{i, fmt.Sprintf("%v jumps to uop %d, outside the trace of %d uops", u.Op, u.Jump, n)}
		}
		if info.exits {
			if u.Exit < 0 {
				return nil, &TraceError{i, fmt.Sprintf("%v can side-exit but has exit index %d", u.Op, u.Exit)}
			}
			p.stubOf[i] = p.stubFor(u.Exit, &stubOfExit, &stubIndex)
		}
		if u.Op == generated.OpLoop {
			if p.resume == nil {
				p.resume = map[uint64]int{}
			}
			if j, ok := p.resume[u.Operands[0]]; ok && j != u.Jump {
				return nil, &TraceError{i, fmt.Sprintf("safepoint index %d already resumes at uop %d, not %d", u.Operands[0], j, u.Jump)}
			}
			p.resume[u.Operands[0]] = u.Jump
		}
	}
	exit := &tab[generated.OpExit]
	for range p.stubExits {
		p.starts = append(p.starts, off)
		off += len(exit.code)
	}
	if forceVeneers || off > branchReach {
		off = roundUp(off, veneerSize)
		p.veneers = off
		off += veneerSize * len(p.starts)
	}
	p.codeSize = off
	p.dataOffs = make([]int, len(p.starts))
	for i := range p.starts {
		info := exit
		if i < n {
			info = &tab[p.uops[i].Op]
		}
		if len(info.data) == 0 {
			continue
		}
		off = roundUp(off, info.align)
		p.dataOffs[i] = off
		off += len(info.data)
	}
	p.size = off
	return p, nil
}

// emit is pass 2: copy every stencil to mem (whose run-time address is
// addr) and patch its holes.
func (p *plan) emit(mem []byte, addr uintptr, tab *table) error {
	n := len(p.uops)
	base := uint64(addr)
	for i := range p.starts {
		var info *opInfo
		var operands *[relocs.NumOperands]uint64
		jump, stub := 0, -1
		if i < n {
			u := &p.uops[i]
			info = &tab[u.Op]
			operands, jump, stub = &u.Operands, u.Jump, p.stubOf[i]
		} else {
			info = &tab[generated.OpExit]
			operands = &[relocs.NumOperands]uint64{uint64(p.stubExits[i-n])}
		}
		code := mem[p.starts[i] : p.starts[i]+len(info.code)]
		copy(code, info.code)
		data := mem[p.dataOffs[i] : p.dataOffs[i]+len(info.data)]
		copy(data, info.data)
		codeAddr := base + uint64(p.starts[i])
		dataAddr := base + uint64(p.dataOffs[i])
		for hi := range info.holes {
			h := &info.holes[hi]
			var v uint64
			target := -1 // index in starts of a branch target
			switch h.value {
			case relocs.ValueOperand0, relocs.ValueOperand1, relocs.ValueOperand2, relocs.ValueOperand3:
				v = operands[h.value-relocs.ValueOperand0]
			case relocs.ValueZero:
			case relocs.ValueCode:
				v = codeAddr
			case relocs.ValueData:
				v = dataAddr
			case relocs.ValueContinue:
				target = i + 1
			case relocs.ValueJumpTarget:
				target = jump
			case relocs.ValueExit:
				if stub < 0 {
					return p.holeError(i, info, hi, fmt.Errorf("BUG: no exit stub"))
				}
				target = n + stub
			default:
				return p.holeError(i, info, hi, fmt.Errorf("unknown value %v", h.value))
			}
			if target >= 0 {
				v = base + uint64(p.starts[target])
				if forceVeneers && p.veneers > 0 {
					v = p.veneer(mem, base, target)
				}
			}
			buf, at := code, codeAddr
			if h.data {
				if h.kind == relocs.Abs64 {
					// The common case (operand and GOT words), inline: newTable
					// checked the bounds.
					binary.LittleEndian.PutUint64(data[h.off:], v+uint64(h.addend))
					continue
				}
				buf, at = data, dataAddr
			}
			var got uint64
			if h.got >= 0 {
				got = dataAddr + uint64(h.got)
			}
			err := relocs.Patch(h.kind, buf, int(h.off), at+uint64(h.off), v, h.addend, got)
			if err != nil {
				err = p.retry(err, mem, base, target, h, buf, at, got)
			}
			if err != nil {
				return p.holeError(i, info, hi, err)
			}
		}
	}
	return nil
}

// retry handles a failed patch: a branch out of reach goes through its
// target's veneer when the trace has them. Kept out of emit's loop so that
// loop allocates nothing.
func (p *plan) retry(err error, mem []byte, base uint64, target int, h *hole, buf []byte, at, got uint64) error {
	var re *relocs.RangeError
	if target >= 0 && p.veneers > 0 && errors.As(err, &re) {
		v := p.veneer(mem, base, target)
		err = relocs.Patch(h.kind, buf, int(h.off), at+uint64(h.off), v, h.addend, got)
	}
	// A region is at most maxRegion bytes, so every in-trace branch
	// reaches: a RangeError left is a broken invariant.
	if errors.As(err, &re) {
		err = fmt.Errorf("BUG: %w", err)
	}
	return err
}

func (p *plan) stubFor(exit int, small *[]int32, large *map[int]int) int {
	if exit < 1<<12 {
		if exit >= len(*small) {
			grown := make([]int32, max(exit+1, 2*len(*small)))
			copy(grown, *small)
			*small = grown
		}
		if s := (*small)[exit]; s > 0 {
			return int(s - 1)
		}
		(*small)[exit] = int32(len(p.stubExits) + 1)
	} else {
		if *large == nil {
			*large = map[int]int{}
		}
		if s, ok := (*large)[exit]; ok {
			return s
		}
		(*large)[exit] = len(p.stubExits)
	}
	p.stubExits = append(p.stubExits, exit)
	return len(p.stubExits) - 1
}

func (p *plan) holeError(i int, info *opInfo, hi int, err error) error {
	h := info.src.Holes[hi]
	return &TraceError{min(i, len(p.uops)-1), fmt.Sprintf("%s: hole %s at %v+%#x: %v", info.src.Name, h.Symbol, h.Section, h.Offset, err)}
}

// veneer writes (again: it is idempotent) the veneer for branch target k,
// an absolute jump that reaches anywhere, and returns its address.
func (p *plan) veneer(mem []byte, base uint64, k int) uint64 {
	off := p.veneers + k*veneerSize
	writeVeneer(mem[off:off+veneerSize], base+uint64(p.starts[k]))
	return base + uint64(off)
}

func uintptrOf(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }
