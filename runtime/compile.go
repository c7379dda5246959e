package jit

import (
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
	p := &plan{
		uops:   append([]Uop(nil), trace...),
		starts: make([]int, n, n+4),
		stubOf: make([]int, n),
	}
	stubIndex := map[int]int{}
	off := 0
	for i, u := range trace {
		if int(u.Op) >= generated.NumOps {
			return nil, &TraceError{i, fmt.Sprintf("unknown op %d", u.Op)}
		}
		st := &c.stencils[u.Op]
		if len(st.Code) == 0 {
			return nil, &TraceError{i, fmt.Sprintf("op %v has no stencil for this target", u.Op)}
		}
		p.starts[i] = off
		off += len(st.Code)
		p.stubOf[i] = -1
		for _, h := range st.Holes {
			switch h.Value {
			case relocs.ValueContinue:
				if i == n-1 {
					return nil, &TraceError{i, fmt.Sprintf("%v continues past the end of the trace", u.Op)}
				}
			case relocs.ValueJumpTarget:
				if u.Jump < 0 || u.Jump >= n {
					return nil, &TraceError{i, fmt.Sprintf("%v jumps to uop %d, outside the trace of %d uops", u.Op, u.Jump, n)}
				}
			case relocs.ValueExit:
				if u.Exit < 0 {
					return nil, &TraceError{i, fmt.Sprintf("%v can side-exit but has exit index %d", u.Op, u.Exit)}
				}
				if p.stubOf[i] >= 0 {
					continue
				}
				s, ok := stubIndex[u.Exit]
				if !ok {
					s = len(p.stubExits)
					stubIndex[u.Exit] = s
					p.stubExits = append(p.stubExits, u.Exit)
				}
				p.stubOf[i] = s
			}
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
	exit := &c.stencils[generated.OpExit]
	for range p.stubExits {
		p.starts = append(p.starts, off)
		off += len(exit.Code)
	}
	p.codeSize = off
	p.dataOffs = make([]int, len(p.starts))
	for i := range p.starts {
		st := exit
		if i < n {
			st = &c.stencils[trace[i].Op]
		}
		if len(st.Data) == 0 {
			continue
		}
		off = roundUp(off, max(int(st.DataAlign), 1))
		p.dataOffs[i] = off
		off += len(st.Data)
	}
	p.size = off
	return p, nil
}

// emit is pass 2: copy every stencil to mem (whose run-time address is
// addr) and patch its holes.
func (p *plan) emit(mem []byte, addr uintptr, stencils *[generated.NumOps]relocs.Stencil) error {
	n := len(p.uops)
	for i := range p.starts {
		var st *relocs.Stencil
		var u Uop
		if i < n {
			u = p.uops[i]
			st = &stencils[u.Op]
		} else {
			u = Uop{Op: generated.OpExit, Operands: [4]uint64{uint64(p.stubExits[i-n])}}
			st = &stencils[generated.OpExit]
		}
		code := mem[p.starts[i] : p.starts[i]+len(st.Code)]
		copy(code, st.Code)
		data := mem[p.dataOffs[i] : p.dataOffs[i]+len(st.Data)]
		copy(data, st.Data)
		codeAddr := uint64(addr) + uint64(p.starts[i])
		dataAddr := uint64(addr) + uint64(p.dataOffs[i])
		for hi := range st.Holes {
			h := &st.Holes[hi]
			var v uint64
			switch h.Value {
			case relocs.ValueZero:
			case relocs.ValueCode:
				v = codeAddr
			case relocs.ValueData:
				v = dataAddr
			case relocs.ValueContinue:
				v = uint64(addr) + uint64(p.starts[i+1])
			case relocs.ValueJumpTarget:
				v = uint64(addr) + uint64(p.starts[u.Jump])
			case relocs.ValueExit:
				if i >= n || p.stubOf[i] < 0 {
					return &TraceError{min(i, n-1), "BUG: exit stub without a stub"}
				}
				v = uint64(addr) + uint64(p.starts[n+p.stubOf[i]])
			case relocs.ValueOperand0, relocs.ValueOperand1, relocs.ValueOperand2, relocs.ValueOperand3:
				v = u.Operands[h.Value-relocs.ValueOperand0]
			default:
				return &TraceError{min(i, n-1), fmt.Sprintf("%v: hole %s has unknown value %v", u.Op, h.Symbol, h.Value)}
			}
			buf, base := code, codeAddr
			if h.Section == relocs.Data {
				buf, base = data, dataAddr
			}
			var got uint64
			if h.Kind.UsesGOT() {
				got = dataAddr + uint64(h.GOT)
			}
			err := relocs.Patch(h.Kind, buf, int(h.Offset), base+uint64(h.Offset), v, h.Addend, got)
			if err != nil {
				// A region is at most maxRegion bytes, so every in-trace
				// branch reaches: a RangeError is a broken invariant.
				var re *relocs.RangeError
				if errors.As(err, &re) {
					err = fmt.Errorf("BUG: %w", err)
				}
				return &TraceError{min(i, n-1), fmt.Sprintf("%v: hole %s at %v+%#x: %v", u.Op, h.Symbol, h.Section, h.Offset, err)}
			}
		}
	}
	return nil
}

func uintptrOf(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }
