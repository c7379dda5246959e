package jit

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"unsafe"

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
	starts    []int32 // code offset of each uop, then of each stub
	stubExits []int   // exit index of each stub
	resume    map[uint64]int
	codeEnd   int // end of the uops' and stubs' code
	codeSize  int // end of the code, veneers included
	veneers   int // offset of the veneer area (one veneer per entry of starts), or 0 if none
	dataStart int // offset of the data area
	size      int
	base      int // offset of the trace in its region
	sc        *scratch
	// far maps a uop with a Far jump to the offset of the veneer reserved
	// for it, used when the target is out of the branch's reach.
	far map[int]int
	// slotJumps: each exit site (an exit uop, an exit stub) starts with a
	// jump through its link slot (linkslots.go); sites counts them, and
	// slots are their slots in sp (the exit uops' in order, then the
	// stubs'), -1 for none.
	slotJumps bool
	sites     int
	slots     []int32
	sp        *slotPage
}

// scratch is a plan's working memory that the compiled trace does not keep:
// pooled, because allocating it per compile costs as much as the rest of
// pass 1.
type scratch struct {
	stubOf  []int32 // per uop: its stub, or -1
	dataRel []int32 // per entry of starts: data offset from dataStart
	// stubOfExit maps a small exit index to its stub+1 (0: none yet). It is
	// all zeros between uses.
	stubOfExit [smallExits]int32
	vals       [relocs.NumValues]uint64 // emit's current hole values
}

// smallExits bounds the exit indexes looked up by array; larger ones go
// through a map.
const smallExits = 1 << 10

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch(n int) *scratch {
	sc := scratchPool.Get().(*scratch)
	if cap(sc.stubOf) < n {
		sc.stubOf = make([]int32, n, max(n, 2*cap(sc.stubOf)))
		sc.dataRel = make([]int32, 2*cap(sc.stubOf))
	}
	sc.stubOf = sc.stubOf[:n]
	return sc
}

// release returns the plan's scratch memory to the pool. The plan cannot
// be emitted after.
func (p *plan) release() {
	if p.sc == nil {
		return
	}
	for _, e := range p.stubExits {
		if e < smallExits {
			p.sc.stubOfExit[e] = 0
		}
	}
	scratchPool.Put(p.sc)
	p.sc = nil
}

// maxTraceUops bounds a trace's length: offsets are 32-bit, and a region
// holds at most maxRegion bytes anyway.
const maxTraceUops = maxRegion / 4

func (c *Cache) plan(trace []Uop) (*plan, error) {
	n := len(trace)
	if n == 0 {
		return nil, &TraceError{-1, "empty trace"}
	}
	if n > maxTraceUops {
		return nil, &TraceError{-1, fmt.Sprintf("%d uops, more than the %d a trace may hold", n, maxTraceUops)}
	}
	tab := c.table
	if last := trace[n-1].Op; int(last) < len(tab.ops) && !tab.terminal[last] {
		return nil, &TraceError{n - 1, fmt.Sprintf("the trace ends with %s, which falls through; end it with a uop that does not (%s)", tab.set.Name(last), tab.terminalNames())}
	}
	p := &plan{uops: trace, starts: make([]int32, n, n+min(n, 16)), sc: getScratch(n), slotJumps: linkSlots}
	sc := p.sc
	var large map[int]int
	code, data, align := 0, 0, 1
	for i := range trace {
		u := &trace[i]
		if int(u.Op) >= len(tab.ops) {
			p.release()
			return nil, &TraceError{i, fmt.Sprintf("unknown op %d (the stencil set has %d)", u.Op, len(tab.ops))}
		}
		info := tab.op(int(u.Op))
		p.starts[i] = int32(code)
		if p.slotJumps && u.Op == tab.exit {
			code += linkJumpSize
			p.sites++
		}
		code += len(info.code)
		stub := int32(-1)
		if info.special || u.ExitJump {
			s, err := p.check(i, info, tab, &large)
			if err != nil {
				p.release()
				return nil, err
			}
			stub = s
		}
		sc.stubOf[i] = stub
		data = roundUp(data, info.align)
		sc.dataRel[i] = int32(data)
		data += len(info.data)
		align = max(align, info.align)
	}
	exit := tab.op(int(tab.exit))
	if p.slotJumps {
		p.sites += len(p.stubExits)
	}
	for k := range p.stubExits {
		p.starts = append(p.starts, int32(code))
		if p.slotJumps {
			code += linkJumpSize
		}
		code += len(exit.code)
		data = roundUp(data, exit.align)
		sc.dataRel[n+k] = int32(data)
		data += len(exit.data)
		align = max(align, exit.align)
	}
	for i := range trace {
		if trace[i].Far != 0 {
			if p.far == nil {
				p.far = map[int]int{}
			}
			code = roundUp(code, 8)
			p.far[i] = code
			code += veneerSize
		}
	}
	p.codeEnd = code
	if forceVeneers || code > branchReach {
		code = roundUp(code, veneerSize)
		p.veneers = code
		code += veneerSize * len(p.starts)
	}
	p.codeSize = code
	p.dataStart = roundUp(code, align)
	p.size = p.dataStart + data
	if p.size > maxRegion {
		p.release()
		return nil, &TraceError{-1, fmt.Sprintf("the trace needs %d bytes, more than the %d a region may hold", p.size, maxRegion)}
	}
	return p, nil
}

// check is pass 1 for a uop whose stencil is not plain straight-line code
// (or cannot be compiled): it checks the uop's jump and exit and returns
// its exit stub, or -1.
func (p *plan) check(i int, info *opInfo, tab *table, large *map[int]int) (int32, error) {
	u := &p.uops[i]
	n := len(p.uops)
	name := tab.set.Name(u.Op)
	switch {
	case len(info.code) == 0:
		return -1, &TraceError{i, fmt.Sprintf("op %s has no stencil for this target", name)}
	case info.bad != nil:
		return -1, &TraceError{i, fmt.Sprintf("op %s: %v", name, info.bad)}
	case info.continues && i == n-1:
		return -1, &TraceError{i, fmt.Sprintf("%s continues past the end of the trace", name)}
	case u.Far != 0 && (!info.jumps || u.ExitJump):
		return -1, &TraceError{i, fmt.Sprintf("%s has a far jump but its stencil does not jump", name)}
	case info.jumps && u.Far == 0 && (u.Jump < 0 || u.Jump >= n):
		return -1, &TraceError{i, fmt.Sprintf("%s jumps to uop %d, outside the trace of %d uops", name, u.Jump, n)}
	case u.ExitJump && (!info.exits || info.jumps):
		return -1, &TraceError{i, fmt.Sprintf("%s cannot send its exit to a uop: only uops that exit and do not jump can", name)}
	case u.ExitJump && (u.Jump < 0 || u.Jump >= n):
		return -1, &TraceError{i, fmt.Sprintf("%s exits to uop %d, outside the trace of %d uops", name, u.Jump, n)}
	case info.exits && !u.ExitJump && u.Exit < 0:
		return -1, &TraceError{i, fmt.Sprintf("%s can side-exit but has exit index %d", name, u.Exit)}
	}
	if u.Op == tab.loop && u.Far == 0 {
		if p.resume == nil {
			p.resume = map[uint64]int{}
		}
		if j, ok := p.resume[u.Operands[0]]; ok && j != u.Jump {
			return -1, &TraceError{i, fmt.Sprintf("safepoint index %d already resumes at uop %d, not %d", u.Operands[0], j, u.Jump)}
		}
		p.resume[u.Operands[0]] = u.Jump
	}
	if !info.exits || u.ExitJump {
		return -1, nil
	}
	return int32(p.stubFor(u.Exit, large)), nil
}

// emit is pass 2: copy every stencil to mem (whose run-time address is
// addr) and patch its holes.
func (p *plan) emit(mem []byte, addr uintptr, tab *table) error {
	n := len(p.uops)
	base := uint64(addr)
	// vals holds what each relocs.Value stands for at the current uop, so a
	// hole's value is an index, not a branch per hole. It lives in the
	// scratch because an emitter's pointer to it escapes.
	sc := p.sc
	vals := &sc.vals
	*vals = [relocs.NumValues]uint64{}
	site := 0 // the next exit site's link slot
	for i := range p.starts {
		var info *opInfo
		jump, stub := -1, -1
		if i < n {
			u := &p.uops[i]
			info = tab.op(int(u.Op))
			vals[relocs.ValueOperand0], vals[relocs.ValueOperand1] = u.Operands[0], u.Operands[1]
			vals[relocs.ValueOperand2], vals[relocs.ValueOperand3] = u.Operands[2], u.Operands[3]
			jump, stub = u.Jump, int(sc.stubOf[i])
		} else {
			info = tab.op(int(tab.exit))
			vals[relocs.ValueOperand0] = uint64(p.stubExits[i-n])
		}
		codeOff, dataOff := int(p.starts[i]), p.dataStart+int(sc.dataRel[i])
		if p.slotJumps && (i >= n || p.uops[i].Op == tab.exit) {
			p.writeLinkJump(mem, codeOff, base+uint64(codeOff), p.sp, site)
			codeOff += linkJumpSize
			site++
		}
		code := mem[codeOff : codeOff+len(info.code)]
		data := mem[dataOff : dataOff+len(info.data)]
		codeAddr, dataAddr := base+uint64(codeOff), base+uint64(dataOff)
		vals[relocs.ValueCode], vals[relocs.ValueData] = codeAddr, dataAddr
		if info.continues {
			vals[relocs.ValueContinue] = p.branchTo(mem, base, i+1)
		}
		if info.jumps && i < n && p.uops[i].Far != 0 {
			vals[relocs.ValueJumpTarget] = uint64(p.uops[i].Far)
			if forceFar {
				// (Tests: as if out of reach, through the veneer.)
				off := p.far[i]
				writeVeneer(mem[off:off+veneerSize], uint64(p.uops[i].Far))
				vals[relocs.ValueJumpTarget] = base + uint64(off)
			}
		} else if info.jumps {
			vals[relocs.ValueJumpTarget] = p.branchTo(mem, base, jump)
		}
		if info.exits && i < n && p.uops[i].ExitJump {
			vals[relocs.ValueExit] = p.branchTo(mem, base, jump)
		} else if info.exits {
			if stub < 0 {
				return p.holeError(i, info, 0, fmt.Errorf("BUG: no exit stub"))
			}
			vals[relocs.ValueExit] = p.branchTo(mem, base, n+stub)
		}
		if info.emit != nil && useEmitters && info.emit(code, data, vals, codeAddr, dataAddr) {
			continue
		}
		// The general path: every hole through relocs.Fixup.Apply.
		g := tab.generalOf(info)
		copy(code, info.code)
		if !g.wordsCover {
			copy(data, info.data)
		}
		for _, w := range g.words {
			// pack checked the bounds.
			binary.LittleEndian.PutUint64(data[w.off:], vals[w.value]+uint64(w.addend))
		}
		for hi := range g.holes {
			h := &g.holes[hi]
			v := vals[h.value]
			buf, at := code, codeAddr
			if h.flags&inData != 0 {
				buf, at = data, dataAddr
			}
			if h.flags&fillsGOT != 0 {
				binary.LittleEndian.PutUint64(data[h.got:], v)
			}
			got := dataAddr + uint64(h.got)
			if err := h.fix.Apply(buf, at+uint64(h.fix.Offset()), v, got); err != nil {
				if err = p.retry(err, mem, base, i, jump, stub, h, buf, at, got); err != nil {
					return p.holeError(i, info, int(h.src), err)
				}
			}
		}
	}
	return nil
}

// useEmitters lets tests turn the generated emitters off, to exercise the
// general path.
var useEmitters = true

// branchTo is the address a branch to entry k of starts is patched with:
// the entry itself, or its veneer when tests force veneers.
func (p *plan) branchTo(mem []byte, base uint64, k int) uint64 {
	if forceVeneers && p.veneers > 0 {
		return p.veneer(mem, base, k)
	}
	return base + uint64(p.starts[k])
}

// retry handles a failed patch: a branch out of reach goes through its
// target's veneer when the trace has them. Kept out of emit's loop so that
// loop allocates nothing.
func (p *plan) retry(err error, mem []byte, base uint64, i, jump, stub int, h *hole, buf []byte, at, got uint64) error {
	target := -1
	switch h.value {
	case relocs.ValueContinue:
		target = i + 1
	case relocs.ValueJumpTarget:
		target = jump
	case relocs.ValueExit:
		target = len(p.uops) + stub
		if i < len(p.uops) && p.uops[i].ExitJump {
			target = jump
		}
	}
	var re *relocs.RangeError
	if off, ok := p.far[i]; ok && h.value == relocs.ValueJumpTarget && errors.As(err, &re) {
		// A jump into another trace that does not reach: through the
		// veneer reserved for it.
		writeVeneer(mem[off:off+veneerSize], uint64(p.uops[i].Far))
		return h.fix.Apply(buf, at+uint64(h.fix.Offset()), base+uint64(off), got)
	}
	if target >= 0 && p.veneers > 0 && errors.As(err, &re) {
		v := p.veneer(mem, base, target)
		err = h.fix.Apply(buf, at+uint64(h.fix.Offset()), v, got)
	}
	if errors.As(err, &re) && h.fix.Kind() == relocs.X86Abs32S {
		// A slot operand as a 32-bit displacement (linux/amd64): an
		// offset that wide is no frame's, but it is the caller's input,
		// so the trace is refused rather than the invariant called broken.
		return fmt.Errorf("operand %#x does not fit the instruction's signed 32-bit displacement", re.Target)
	}
	// A region is at most maxRegion bytes, so every in-trace branch
	// reaches: a RangeError left is a broken invariant.
	if errors.As(err, &re) {
		err = fmt.Errorf("BUG: %w", err)
	}
	return err
}

func (p *plan) stubFor(exit int, large *map[int]int) int {
	if exit < smallExits {
		small := &p.sc.stubOfExit
		if s := small[exit]; s > 0 {
			return int(s - 1)
		}
		small[exit] = int32(len(p.stubExits) + 1)
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
