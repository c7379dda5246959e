package traceopt

import (
	"math/bits"

	"github.com/copypatch/copypatch/generated"
)

// exprKey is what a pure instruction computes, whatever slot it writes:
// its uop and its operands with the destination left out.
type exprKey struct {
	op   generated.Op
	args [4]uint64
}

// ReuseValues makes a pure arithmetic instruction that computes what an
// earlier one already left in another slot a move from that slot: neither
// the inputs nor that slot changed in between, so the value is the same
// (and the earlier one did not overflow, so this one would not either). An
// inlined call repeats its caller's work this way (spectral_norm's eval_a
// computes i + j twice). The move is cheaper than the arithmetic (no
// overflow check), PropagateCopies then sends its readers to the first
// slot, and DropDeadStores drops it when no exit needs the slot. What is
// known is forgotten wherever control may arrive from elsewhere (the loop
// top, a jump target, the instruction after a call-out or a call), as in
// PropagateCopies.
func ReuseValues(t *Trace) {
	n := len(t.Insts)
	label := make([]bool, n+1)
	if n > 0 {
		label[t.Loop] = true
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if in.InTrace {
			label[in.Target] = true
		}
		if info := Info(in.Op); info != nil && (info.CallOut || info.Call) {
			label[i+1] = true
		}
	}
	// The values computed and the slots that hold them: a slice, not a
	// map (as in PropagateCopies), each key at most once.
	held := make([]heldValue, 0, 32)
	for i := range t.Insts {
		if label[i] {
			held = held[:0]
		}
		in := &t.Insts[i]
		info := Info(in.Op)
		if info == nil {
			held = held[:0]
			continue
		}
		key, ok := reusable(in, info)
		if ok {
			for _, h := range held {
				if h.key == key {
					if h.slot != slotOf(in.Args[0]) {
						*in = Inst{Op: generated.OpMove, Args: [4]uint64{in.Args[0], Slot(h.slot)}, Exit: NoExit}
					}
					break
				}
			}
		}
		d, writes := in.Writes()
		if !writes {
			continue
		}
		kept := held[:0]
		for _, h := range held {
			if h.slot != d && h.reads[0] != d && h.reads[1] != d && h.reads[2] != d {
				kept = append(kept, h)
			}
		}
		held = kept
		if ok && in.Op != generated.OpMove && !readsSlot(key, d) {
			held = setHeld(held, key, d)
		}
	}
}

// heldValue is a value computed (key) and the slot that holds it, with
// the slots the value reads (-1 where none): every write asks whether it
// changes them, cheaper so than through readsSlot's tables.
type heldValue struct {
	key   exprKey
	slot  int32
	reads [3]int32
}

// setHeld records that slot s holds key's value, in place of the slot
// that held it before.
func setHeld(held []heldValue, key exprKey, s int32) []heldValue {
	for j := range held {
		if held[j].key == key {
			held[j].slot = s
			return held
		}
	}
	h := heldValue{key: key, slot: s, reads: [3]int32{-1, -1, -1}}
	n := 0
	for mask := valueReads(key.op); mask != 0 && n < len(h.reads); mask &= mask - 1 {
		h.reads[n] = slotOf(key.args[bits.TrailingZeros8(mask)])
		n++
	}
	return append(held, h)
}

// reusable is the key of in's value if it is pure arithmetic that writes
// operand 0 from at least one slot: no guard, branch, load, constant or
// move (a constant is as cheap to load as to copy; copies.go handles
// moves). The operands of a commuting int uop go in order (not of a
// float one: which of two NaNs a product keeps depends on their order).
func reusable(in *Inst, info *OpInfo) (exprKey, bool) {
	if !info.Pure || info.Branch || info.Guard != Unknown || info.Load != 0 || info.Exits && in.InTrace ||
		info.Args[0] != Dst || info.Result == ResCopy || in.Negate {
		return exprKey{}, false
	}
	src := false
	for _, kind := range info.Args[1:] {
		switch kind {
		case Src:
			src = true
		case Dst, SrcDst:
			return exprKey{}, false
		}
	}
	if !src {
		return exprKey{}, false
	}
	k := exprKey{op: in.Op, args: in.Args}
	k.args[0] = 0
	if info.Commutes && info.Result == ResInt && k.args[1] > k.args[2] {
		k.args[1], k.args[2] = k.args[2], k.args[1]
	}
	return k, true
}

// valueReads is a bit for each operand a reusable value of op reads, as
// readsSlot counts them.
func valueReads(op generated.Op) uint8 {
	// (A reusable value's operand 0 is its Dst, the others Src or
	// immediates: readArgs' bits are its Src operands.)
	if int(op) < len(readArgs) {
		return readArgs[op]
	}
	return 0
}

// readsSlot reports whether the value k names reads slot s.
func readsSlot(k exprKey, s int32) bool {
	// (A reusable value's operand 0 is its Dst, the others Src or
	// immediates: readArgs' bits are its Src operands.)
	for mask := valueReads(k.op); mask != 0; mask &= mask - 1 {
		if slotOf(k.args[bits.TrailingZeros8(mask)]) == s {
			return true
		}
	}
	return false
}
