package interp

import (
	"cmp"
	"slices"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Ints that outgrow int64 inside an iteration (a 64-bit LCG's
// (state * a + c) % 2**64) are kept as 128-bit ints in private slots
// (templates/uop.h's cp_wide: tag the high word, bits the low word):
//
//   - a temporary 128-bit value (r.tmpWides) stands for its slot until
//     something writes the slot or needs it as an int (wide_to_int, which
//     leaves when it does not fit); every snapshot lists the ones live
//     there, and an exit makes them Python ints (big when they must be);
//   - a local that is 128-bit at the back-edge is 128-bit for the whole
//     trace (lt.wides, as an accumulator is): filled on entry and given back
//     on every exit. The recording that finds one learns it and records
//     again with it 128-bit from the start.

// wideOps write a 128-bit value to their destination.
var wideOps = map[generated.Op]bool{
	generated.OpIntToWide: true, generated.OpWideAddWide: true, generated.OpWideSubWide: true,
	generated.OpWideMul: true, generated.OpWideAndImm: true, generated.OpWideRshift: true,
}

// wideSlotOf is the private slot that holds slot a's 128-bit value, if
// it has one now.
func (r *recorder) wideSlotOf(a int32) (int32, bool) {
	if w, ok := r.tmpWides[a]; ok {
		return w, true
	}
	w, ok := r.wides[a]
	return w, ok
}

// privateWide returns the private 128-bit slot kept for key (one per
// Python slot, and one per int converted), allocating it the first time.
func (r *recorder) privateWide(slots map[int32]int32, key int32) int32 {
	w, ok := slots[key]
	if !ok {
		w = r.newScratch()
		slots[key] = w
		r.lt.exitReads[w] = true
	}
	return w
}

// wideDst is where a 128-bit result for slot a goes: a's own private slot
// for the whole trace, or the one its temporary values take.
func (r *recorder) wideDst(a int32) int32 {
	if w, ok := r.wides[a]; ok {
		return w
	}
	return r.privateWide(r.lt.wideSlots, a)
}

// setWide notes that slot a now stands for the 128-bit value in w.
func (r *recorder) setWide(a, w int32) {
	if _, ok := r.wides[a]; ok {
		return // its private slot, written in place
	}
	r.wrote(a)
	// Exits and call-outs put the big int there for the interpreter, so
	// what the optimizer knew of a (a constant, say) no longer holds.
	r.clobber(a)
	r.tmpWides[a] = w
}

// makeTraceWide keeps root local a, which holds an int or a big int within
// 128 bits, in a private 128-bit slot for the whole trace. Only the main
// recording does it, before the trace has read a: the whole trace must
// keep it so, and a bridge is only part of it.
func (r *recorder) makeTraceWide(a int32) (int32, bool) {
	if w, ok := r.wides[a]; ok {
		return w, true
	}
	if r.bridge || r.isTouched(a) || a < 0 || a >= int32(r.rootCode.nlocals) {
		return 0, false
	}
	var hi, lo uint64
	switch v := r.regs[a]; v.Tag {
	case tagInt:
		lo, hi = v.Bits, uint64(int64(v.Bits)>>63)
	case tagObject:
		b, ok := r.vm.ostack[r.lt.base+int(a)].(*BigInt)
		if !ok {
			return 0, false
		}
		if hi, lo, ok = to128(&b.v); !ok {
			return 0, false
		}
	default:
		return 0, false
	}
	w := r.newScratch()
	r.regs[w] = templates.Value{Tag: templates.Tag(hi), Bits: lo}
	r.wides[a] = w
	r.lt.wides = append(r.lt.wides, wideSlot{slot: a, wide: w})
	r.lt.exitReads[w] = true
	return w, true
}

// isWide reports whether slot s holds a 128-bit value now, or a big int
// the trace can keep as one.
func (r *recorder) isWide(s int32) bool {
	if _, ok := r.wideSlotOf(s); ok {
		return true
	}
	if r.regs[s].Tag != tagObject || r.bridge || r.isTouched(s) || s >= int32(r.rootCode.nlocals) {
		return false
	}
	b, ok := r.vm.ostack[r.lt.base+int(s)].(*BigInt)
	if !ok {
		return false
	}
	_, _, fits := to128(&b.v)
	return fits
}

// wideOperand returns a private slot holding slot s as a 128-bit int: its
// own, or an int converted; false (the recording stopped) for anything
// else.
func (r *recorder) wideOperand(s int32) (int32, bool) {
	if w, ok := r.wideSlotOf(s); ok {
		return w, true
	}
	if r.isWide(s) {
		return r.makeTraceWide(s)
	}
	if r.typeOf(s) != traceopt.Int {
		r.failf("128-bit arithmetic on a %v", r.typeOf(s))
		return 0, false
	}
	w := r.privateWide(r.lt.convSlots, s)
	r.emit(traceopt.Inst{Op: generated.OpIntToWide, Args: [4]uint64{traceopt.Slot(w), traceopt.Slot(s)}})
	return w, true
}

// narrow makes slot a, a temporary 128-bit value, an int again for a use
// that needs one: the trace leaves where it does not fit int64. Unknown
// when it does not fit here.
func (r *recorder) narrow(a, w int32) traceopt.Type {
	if v := r.regs[w]; uint64(v.Tag) != uint64(int64(v.Bits)>>63) {
		return traceopt.Unknown
	}
	r.emit(traceopt.Inst{Op: generated.OpWideToInt, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(w)}, Exit: r.snap()})
	if r.abort != "" {
		return traceopt.Unknown
	}
	return traceopt.Int
}

// constVal is the value slot s holds as a constant of the trace (the
// bytecode's constants, and globals and constants the trace loaded).
func (r *recorder) constVal(s int32) (Val, bool) {
	if v, ok := r.cval[s]; ok {
		return Val{T: v.Tag, B: v.Bits}, true
	}
	if v, ok := r.objects[s]; ok {
		return v, true
	}
	co := r.rootCode
	if i := int(s) - co.nlocals; i >= 0 && i < len(co.consts) {
		return co.consts[i], true
	}
	return Val{}, false
}

// andMask is the 128-bit constant c such that x op slot s is x & c for
// every x: & by a constant within 128 bits, % by a constant 2**k with
// 1 <= k <= 127. big reports whether the constant is a big int.
func (r *recorder) andMask(op Op, s int32) (hi, lo uint64, big, ok bool) {
	v, isConst := r.constVal(s)
	if !isConst {
		return 0, 0, false, false
	}
	switch {
	case v.T == tagInt:
		hi, lo = uint64(int64(v.B)>>63), v.B
	case v.T == tagObject:
		b, isBig := v.O.(*BigInt)
		if !isBig {
			return 0, 0, false, false
		}
		if hi, lo, ok = to128(&b.v); !ok {
			return 0, 0, false, false
		}
		big = true
	default:
		return 0, 0, false, false
	}
	if op == opBitAnd {
		return hi, lo, big, true
	}
	// % 2**k: one bit set, below bit 127; the mask is 2**k - 1.
	if int64(hi) < 0 || hi != 0 && lo != 0 || hi&(hi-1) != 0 || lo&(lo-1) != 0 || hi|lo == 0 {
		return 0, 0, false, false
	}
	if lo == 0 {
		return hi - 1, 1<<64 - 1, big, true
	}
	return 0, lo - 1, big, true
}

// overflows64 reports whether b op c on int64 slots leaves int64.
func (r *recorder) overflows64(op Op, b, c int32) bool {
	x, y := int64(r.regs[b].Bits), int64(r.regs[c].Bits)
	switch op {
	case opAdd:
		s := x + y
		return (x >= 0) == (y >= 0) && (s >= 0) != (x >= 0)
	case opSub:
		d := x - y
		return (x >= 0) != (y >= 0) && (d >= 0) != (x >= 0)
	case opMul:
		if x == 0 || y == 0 {
			return false
		}
		p := x * y
		return p/y != x || (y == -1 && x == -1<<63)
	}
	return false
}

// wideBinary translates a = b op c on 128-bit ints where an operand is one
// already, or where int64 overflows on the recorded values: it reports
// false to translate the instruction the ordinary way.
func (r *recorder) wideBinary(op Op, a, b, c int32) bool {
	switch op {
	case opAdd, opSub, opMul, opMod, opBitAnd, opRshift:
	default:
		return false
	}
	bw, cw := r.isWide(b), r.isWide(c)
	var in traceopt.Inst
	switch op {
	case opMod, opBitAnd:
		hi, lo, big, ok := r.andMask(op, c)
		if !ok || !bw && !big {
			return false
		}
		if !bw && r.typeOf(b) != traceopt.Int {
			return false
		}
		wb, ok := r.wideOperand(b)
		if !ok {
			return true
		}
		in = traceopt.Inst{Op: generated.OpWideAndImm, Args: [4]uint64{0, traceopt.Slot(wb), lo, hi}}
	case opRshift:
		if !bw || cw || r.typeOf(c) != traceopt.Int {
			return false
		}
		wb, ok := r.wideOperand(b)
		if !ok {
			return true
		}
		in = traceopt.Inst{Op: generated.OpWideRshift, Args: [4]uint64{0, traceopt.Slot(wb), traceopt.Slot(c)}, Exit: r.snap()}
	default:
		if !bw && !cw {
			if r.typeOf(b) != traceopt.Int || r.typeOf(c) != traceopt.Int || !r.overflows64(op, b, c) {
				return false
			}
		}
		wb, ok1 := r.wideOperand(b)
		wc, ok2 := r.wideOperand(c)
		if !ok1 || !ok2 {
			return true
		}
		u := map[Op]generated.Op{opAdd: generated.OpWideAddWide, opSub: generated.OpWideSubWide, opMul: generated.OpWideMul}[op]
		in = traceopt.Inst{Op: u, Args: [4]uint64{0, traceopt.Slot(wb), traceopt.Slot(wc)}, Exit: r.snap()}
	}
	if r.abort != "" {
		return true
	}
	w := r.wideDst(a)
	in.Args[0] = traceopt.Slot(w)
	r.emit(in)
	if r.abort == "" {
		r.setWide(a, w)
	}
	return true
}

// moveWide translates a = b where b holds a 128-bit value.
func (r *recorder) moveWide(a, b int32) bool {
	wb, ok := r.wideSlotOf(b)
	if !ok {
		return false
	}
	w := r.wideDst(a)
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(w), traceopt.Slot(wb)}})
	r.setWide(a, w)
	return true
}

// wideList is the temporary 128-bit values live now, for a snapshot.
func (r *recorder) wideList() []wideSlot {
	if len(r.tmpWides) == 0 {
		return nil // (most snapshots: no iterator started, nothing sorted)
	}
	var out []wideSlot
	for s, w := range r.tmpWides {
		out = append(out, wideSlot{slot: s, wide: w})
	}
	slices.SortFunc(out, func(a, b wideSlot) int { return cmp.Compare(a.slot, b.slot) })
	return out
}

// widesAtBackEdge checks the temporary 128-bit values at the loop's
// back-edge: the next iteration reads its slots as the interpreter left
// them. A local there must be 128-bit for the whole trace: the main
// recording learns it (and stops, to record again), and reports false.
// Temporaries are dead at the loop's back-edge and are dropped.
func (r *recorder) widesAtBackEdge() bool {
	var learn []int32
	for s := range r.tmpWides {
		if s >= 0 && s < int32(r.rootCode.nlocals) {
			learn = append(learn, s)
		} else {
			delete(r.tmpWides, s)
		}
	}
	if len(learn) == 0 {
		return true
	}
	// The iteration ran to the back-edge: resume at the head, with the
	// 128-bit locals made ints again (a snapshot taken here would resume
	// the loop one step on).
	sn := *r.lt.snaps[0]
	sn.wides = r.wideList()
	r.lt.snaps = append(r.lt.snaps, &sn)
	if r.bridge {
		// A bridge cannot change what the whole trace keeps 128-bit.
		r.leaveAt(len(r.lt.snaps)-1, "a local outgrows int64 in an iteration")
		return false
	}
	for _, s := range learn {
		r.lt.learnWide[s] = true
	}
	r.relearn = true
	r.leaveAt(len(r.lt.snaps)-1, "a local outgrew int64: recording again with it 128-bit")
	return false
}
