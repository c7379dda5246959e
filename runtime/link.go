package jit

import (
	"fmt"
	"slices"
)

// Linking traces. A tracing JIT grows side traces (bridges) from exits
// that are taken often. Recompiling the parent with its bridge inside
// costs a whole compile per bridge; instead a bridge can be compiled as a
// trace of its own whose last jump goes back into the parent (Uop.Far),
// and the parent's exits for that index patched to jump to the bridge
// (PatchExits). The parent must outlive the bridge's use of it and the
// bridge the parent's: the caller holds both (Trace.Hold) for as long as
// either may run.

// exitSite is an exit stencil in a trace's code: an exit stub, or an exit
// uop (a branch's out-of-line or inline exit).
type exitSite struct {
	off  int32 // code offset in the trace
	exit uint64
}

// inlineExits lists the plan's exit uops (a branch's out-of-line or
// inline exit), usually none. The exit stubs' sites come from the
// trace's starts and stubs when asked (exitSites): a list of them made at
// every compile, for the few traces a bridge is ever linked into, was
// fresh memory for nothing.
func (p *plan) inlineExits(tab *table) []exitSite {
	var out []exitSite
	for i := range p.uops {
		if p.uops[i].Op == tab.exit {
			out = append(out, exitSite{p.starts[i], p.uops[i].Operands[0]})
		}
	}
	return out
}

// exitSites calls visit with each exit stencil of the trace and its
// number: its exit uops, then its exit stubs (but those with a link slot,
// when slotted is false).
func (t *Trace) exitSites(slotted bool, visit func(int, exitSite)) {
	for k, s := range t.exits {
		if slotted || k >= len(t.slots) || t.slots[k] < 0 {
			visit(k, s)
		}
	}
	n, m := len(t.ops), len(t.exits)
	for k, e := range t.stubs {
		if slotted || m+k >= len(t.slots) || t.slots[m+k] < 0 {
			visit(m+k, exitSite{t.starts[n+k], uint64(e)})
		}
	}
}

// HasExit reports whether the trace has an exit with this index.
func (t *Trace) HasExit(exit uint64) bool {
	return slices.ContainsFunc(t.exits, func(s exitSite) bool { return s.exit == exit }) ||
		slices.Contains(t.stubs, int(exit))
}

// PatchExits makes every exit of the trace with this index jump to target
// (another trace's code, entered with the state the exit leaves) instead
// of returning to Go, and returns how many it patched. The trace must not
// be running. An exit stub with a link slot gets the target in its slot;
// any other exit stencil becomes a veneer (an absolute jump), which
// changes the trace's code: one protection change for all of them.
func (t *Trace) PatchExits(exit uint64, target uintptr) (int, error) {
	if t.state.Load() < 0 {
		return 0, ErrFreed
	}
	n := 0
	if len(t.slots) > 0 {
		t.exitSites(true, func(k int, s exitSite) {
			if s.exit == exit && t.linkSlot(k, uint64(target)) {
				n++
			}
		})
	}
	m, err := t.patchCode(exit, target)
	return n + m, err
}

// patchCode makes the exit stencils with this exit index that have no
// link slot jump to target, through veneers written over them.
func (t *Trace) patchCode(exit uint64, target uintptr) (int, error) {
	lo, hi := -1, -1
	t.exitSites(false, func(_ int, s exitSite) {
		if s.exit == exit {
			if lo < 0 {
				lo = int(s.off)
			}
			lo, hi = min(lo, int(s.off)), max(hi, int(s.off)+veneerTarget+8)
		}
	})
	if lo < 0 {
		return 0, nil
	}
	if tab := t.cache.table; len(tab.op(int(tab.exit)).code) < veneerTarget+8 {
		return 0, fmt.Errorf("jit: the exit stencil is shorter than a veneer")
	}
	r := t.region
	base := t.base()
	page0 := (base + lo) &^ (pageSize - 1)
	page1 := roundUp(base+hi, pageSize)
	pages := r.mem[page0:page1]
	if r.c.jit {
		r.beginWrite()
	} else if err := protect(pages, protRW); err != nil {
		return 0, fmt.Errorf("jit: mprotect RW: %w", err)
	}
	n := 0
	t.exitSites(false, func(_ int, s exitSite) {
		if s.exit == exit {
			at := base + int(s.off)
			writeVeneer(r.mem[at:at+veneerTarget+8], uint64(target))
			n++
		}
	})
	if r.c.jit {
		r.endWrite()
	}
	flushICache(r.addr()+uintptr(page0), r.addr()+uintptr(page1))
	if !r.c.jit {
		if err := protect(pages, protRX); err != nil {
			return n, fmt.Errorf("jit: mprotect RX: %w", err)
		}
	}
	return n, nil
}
