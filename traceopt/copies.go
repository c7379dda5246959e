package traceopt

import "github.com/copypatch/copypatch/generated"

// PropagateCopies makes an instruction that reads a slot a move copied
// from another slot read that other slot instead, while neither has
// changed since: the read no longer waits for the move's store to reach
// its load (a chain of moves, such as an inlined call's arguments, adds
// one store-to-load round trip each), and a move whose destination
// nothing else reads is left for DropDeadStores. The value read is the
// same: a move copies tag and bits, a move_bits the bits into a slot that
// has the source's tag already. What a move copied is forgotten wherever
// control may arrive from elsewhere (the loop top, a jump target, the
// instruction after a call-out or a call); the operands of call-outs,
// calls and returns stay as they are.
func PropagateCopies(t *Trace) {
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
	// What each slot holds a copy of: a slice, not a map, searched and
	// filtered whole at each write (as the map was, by range): a few
	// dozen pairs at most between labels, where the map's iteration was
	// most of what the pass cost.
	copies := make([]slotCopy, 0, 32)
	for i := range t.Insts {
		if label[i] {
			copies = copies[:0]
		}
		in := &t.Insts[i]
		info := Info(in.Op)
		if info == nil {
			copies = copies[:0]
			continue
		}
		if !info.CallOut && !info.Call && !info.Return && len(copies) > 0 {
			for k, kind := range info.Args {
				if kind != Src {
					continue
				}
				r := slotOf(in.Args[k])
				for _, c := range copies {
					if c.dst == r {
						in.Args[k] = Slot(c.src)
						break
					}
				}
			}
		}
		d, ok := in.Writes()
		if !ok {
			continue
		}
		kept := copies[:0]
		for _, c := range copies {
			if c.dst != d && c.src != d {
				kept = append(kept, c)
			}
		}
		copies = kept
		if in.Op == generated.OpMove || in.Op == generated.OpMoveBits {
			if s := slotOf(in.Args[1]); s != d {
				copies = append(copies, slotCopy{dst: d, src: s})
			}
		}
	}
}

// slotCopy says slot dst holds a copy of slot src.
type slotCopy struct{ dst, src int32 }
