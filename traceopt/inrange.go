package traceopt

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// regStoreInRange (ztables.go): list_store_rin by the register it stores
// (as regStore).

// StoreInRange puts list_store_rin (templates/list_store_rin.c: no index
// normalization, no bounds test) in place of a list_store_r whose index
// is a constant >= 0 that a list load or store of the same list slot
// proved in range just before: `b[3] -= dx * cm` loads b[3], computes
// and stores it back. Between the two there may be no jump target (the
// loop top included: control may come from elsewhere), no call-out or
// call (Go may have shrunk the list; no uop changes a length) and no
// write of the list's slot or the index's. It runs after
// CacheRegisters, which picks list_store_r.
func StoreInRange(t *Trace) {
	if t.Shared || len(t.Insts) == 0 {
		return
	}
	targets := t.jumpTargets()
	for i := range t.Insts {
		in := &t.Insts[i]
		r := storeReg(in.Op)
		if r == 0 {
			continue
		}
		idx := slotOf(in.Args[1])
		if c, ok := t.Consts[idx]; !ok || c.Tag != templates.TagInt || int64(c.Bits) < 0 {
			continue
		}
		if t.provedInRange(i, slotOf(in.Args[0]), idx, targets) {
			in.Op = regStoreInRange[r]
		}
	}
}

// storeReg is 1 + the register a list_store_r stores, or 0 for any other
// uop.
func storeReg(op generated.Op) int {
	for r := 1; r <= numRegs; r++ {
		if op == regStore[r] {
			return r
		}
	}
	return 0
}

// provedInRange reports whether, walking back from instruction i on the
// straight line that reaches it, a list load or store of list slot l at
// index slot idx continued with nothing since that may change the list's
// length or either slot.
func (t *Trace) provedInRange(i int, l, idx int32, targets []bool) bool {
	for j := i - 1; j >= 0; j-- {
		if targets[j+1] {
			return false
		}
		in := &t.Insts[j]
		info := Info(in.Op)
		if info == nil || info.CallOut || info.Call || in.InTrace {
			return false
		}
		switch Unvaried(in.Op) {
		case generated.OpListLoad, generated.OpListLoadBits:
			if slotOf(in.Args[1]) == l && slotOf(in.Args[2]) == idx {
				d := slotOf(in.Args[0])
				return d != l && d != idx
			}
		case generated.OpListStore:
			if slotOf(in.Args[0]) == l && slotOf(in.Args[1]) == idx {
				return true
			}
		}
		if d, ok := in.Writes(); ok && (d == l || d == idx) {
			return false
		}
	}
	return false
}
