package traceopt

import (
	"math"
	"math/bits"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

const opMove = generated.OpMove

// Fold rewrites int additions and subtractions of a constant slot into
// int_add_imm, which reads one slot instead of two, // and % by a constant
// power of two into a shift and a mask (no division, no exit), and
// computes moves and conversions of constants at compile time.
func Fold(t *Trace) {
	// What is known of the slots is a row of values indexed by slot, not
	// a map: slots are few and dense, and the maps, cloned at every
	// forward jump and met at every join, with a map assignment at every
	// instruction that writes, were most of this pass's instructions.
	sc := getScratch()
	defer sc.put()
	n := len(t.Insts)
	width := int(t.maxSlot()) + 1
	loopTops := grow(&sc.lead, n)
	clear(loopTops)
	pendingAt := grow(&sc.index, n) // forward jumps' constants, by target: a row number, or -1
	rows := 2                       // consts and stable
	for i := range t.Insts {
		pendingAt[i] = -1
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if in.InTrace && in.Target <= i {
			loopTops[in.Target] = true
		}
		if in.InTrace && in.Target > i && pendingAt[in.Target] < 0 {
			pendingAt[in.Target] = int32(rows)
			rows++
		}
	}
	back := grow(&sc.values, rows*width)
	row := func(k int32) constRow { return constRow(back[int(k)*width : (int(k)+1)*width : (int(k)+1)*width]) }
	filled := grow(&sc.reached, rows) // whether a pending row holds a jump's constants yet
	clear(filled)
	consts := row(0)
	t.knownConsts(consts)
	var stable constRow
	reachable := true // by falling through from the instruction before
	for i := range t.Insts {
		if i == t.Loop {
			t.bodyConsts(consts)
		}
		dead := false
		if p := pendingAt[i]; p >= 0 && filled[p] {
			if reachable {
				consts.meet(row(p))
			} else {
				copy(consts, row(p))
			}
		} else if !reachable {
			consts.forgetAll()
			// Nothing jumps here either (a branch jumps past it): what
			// it leaves falls into nothing that runs.
			dead = !loopTops[i] && i != t.Loop
		}
		reachable = t.Insts[i].Op != generated.OpLoop && !dead
		if loopTops[i] {
			// An inner loop's back-edge joins here: keep what no path
			// through the trace changes.
			if stable == nil {
				stable = row(1)
				t.stableConsts(stable)
			}
			consts.meet(stable)
		}
		if in := &t.Insts[i]; in.InTrace && in.Target > i {
			if p := pendingAt[in.Target]; filled[p] {
				row(p).meet(consts)
			} else {
				copy(row(p), consts)
				filled[p] = true
			}
		}
		in := &t.Insts[i]
		info := Info(in.Op)
		if info == nil {
			continue
		}
		t.foldOne(in, consts)
		if d, ok := dst(in, info); ok {
			consts.forget(d)
			switch in.Op {
			case generated.OpLoadInt:
				consts.set(d, templates.Value{Tag: templates.TagInt, Bits: in.Args[1]})
			case generated.OpLoadFloat:
				consts.set(d, templates.Value{Tag: templates.TagFloat, Bits: in.Args[1]})
			}
		}
	}
}

// noConst is the tag of a constRow's slot whose constant is not known.
const noConst = ^templates.Tag(0)

// constRow is the constant each slot holds (Tag noConst: not known), by
// slot.
type constRow []templates.Value

func (r constRow) get(s int32) (templates.Value, bool) {
	if s < 0 || int(s) >= len(r) || r[s].Tag == noConst {
		return templates.Value{}, false
	}
	return r[s], true
}

func (r constRow) set(s int32, v templates.Value) {
	if s >= 0 && int(s) < len(r) {
		r[s] = v
	}
}

func (r constRow) forget(s int32) {
	if s >= 0 && int(s) < len(r) {
		r[s].Tag = noConst
	}
}

func (r constRow) forgetAll() {
	for i := range r {
		r[i].Tag = noConst
	}
}

// meet keeps in r only the constants with holds too.
func (r constRow) meet(with constRow) {
	for i, v := range r {
		if v.Tag != noConst && with[i] != v {
			r[i].Tag = noConst
		}
	}
}

// knownConsts sets row to the trace's constant slots: the constants of
// the bytecode.
func (t *Trace) knownConsts(row constRow) {
	row.forgetAll()
	for k, v := range t.Consts {
		row.set(k, v)
	}
}

// stableConsts sets row to the slots that hold the same constant wherever
// the trace writes them (loads of that constant only), with that
// constant.
func (t *Trace) stableConsts(row constRow) {
	const varies = noConst - 1 // (a slot written with another value)
	row.forgetAll()
	for i := range t.Insts {
		u := &t.Insts[i]
		d, ok := dst(u, Info(u.Op))
		if !ok || d < 0 || int(d) >= len(row) {
			continue
		}
		var v templates.Value
		switch u.Op {
		case generated.OpLoadInt:
			v = templates.Value{Tag: templates.TagInt, Bits: u.Args[1]}
		case generated.OpLoadFloat:
			v = templates.Value{Tag: templates.TagFloat, Bits: u.Args[1]}
		default:
			row[d].Tag = varies
			continue
		}
		if row[d].Tag == noConst {
			row[d] = v
		} else if row[d] != v {
			row[d].Tag = varies
		}
	}
	for k, v := range t.Consts {
		if k >= 0 && int(k) < len(row) && row[k].Tag == noConst {
			row[k] = v // (never written)
		}
	}
	for i := range row {
		if row[i].Tag == varies {
			row[i].Tag = noConst
		}
	}
}

// bodyConsts keeps in row, the constants known on the way into the loop
// body, those the body writes only with the same constant.
func (t *Trace) bodyConsts(row constRow) {
	for i := t.Loop; i < len(t.Insts); i++ {
		u := &t.Insts[i]
		info := Info(u.Op)
		d, ok := dst(u, info)
		if !ok {
			continue
		}
		v, known := row.get(d)
		same := known && ((u.Op == generated.OpLoadInt && v.Tag == templates.TagInt) ||
			(u.Op == generated.OpLoadFloat && v.Tag == templates.TagFloat)) && u.Args[1] == v.Bits
		if !same {
			row.forget(d)
		}
	}
}

func (t *Trace) foldOne(in *Inst, consts constRow) {
	constInt := func(arg uint64) (int64, bool) {
		v, ok := consts.get(slotOf(arg))
		if !ok || v.Tag != templates.TagInt {
			return 0, false
		}
		return int64(v.Bits), true
	}
	{
		switch in.Op {
		case generated.OpIntAdd, generated.OpIntSub:
			a, aok := constInt(in.Args[1])
			b, bok := constInt(in.Args[2])
			if aok && bok {
				var r int64
				var ovf bool
				if in.Op == generated.OpIntAdd {
					r = a + b
					ovf = (a >= 0) == (b >= 0) && (r >= 0) != (a >= 0)
				} else {
					r = a - b
					ovf = (a >= 0) != (b >= 0) && (r >= 0) != (a >= 0)
				}
				if !ovf {
					*in = Inst{Op: generated.OpLoadInt, Args: [4]uint64{in.Args[0], uint64(r)}, Exit: NoExit}
				}
				return
			}
			// x + 0, x - 0 and 0 + x are x: a move, which cannot overflow
			// (levenshtein's prev[j - 1] + cost where cost is 0).
			if bok && b == 0 {
				*in = Inst{Op: generated.OpMove, Args: [4]uint64{in.Args[0], in.Args[1]}, Exit: NoExit}
				return
			}
			if aok && a == 0 && in.Op == generated.OpIntAdd {
				*in = Inst{Op: generated.OpMove, Args: [4]uint64{in.Args[0], in.Args[2]}, Exit: NoExit}
				return
			}
			if bok && (in.Op == generated.OpIntAdd || b != math.MinInt64) {
				if in.Op == generated.OpIntSub {
					b = -b
				}
				*in = Inst{Op: generated.OpIntAddImm, Args: [4]uint64{in.Args[0], in.Args[1], uint64(b)}, Exit: in.Exit}
				return
			}
			if aok && in.Op == generated.OpIntAdd {
				*in = Inst{Op: generated.OpIntAddImm, Args: [4]uint64{in.Args[0], in.Args[2], uint64(a)}, Exit: in.Exit}
			}
		case generated.OpMove:
			if v, ok := consts.get(slotOf(in.Args[1])); ok {
				switch v.Tag {
				case templates.TagInt:
					*in = Inst{Op: generated.OpLoadInt, Args: [4]uint64{in.Args[0], v.Bits}, Exit: NoExit}
				case templates.TagFloat:
					*in = Inst{Op: generated.OpLoadFloat, Args: [4]uint64{in.Args[0], v.Bits}, Exit: NoExit}
				}
			}
		case generated.OpIntFloordiv, generated.OpIntMod:
			// By a power of two: a shift (floored, as //) or a mask
			// (never negative, as %), which cannot fail.
			b, ok := constInt(in.Args[2])
			if !ok || b < 2 || b&(b-1) != 0 {
				return
			}
			if in.Op == generated.OpIntMod {
				*in = Inst{Op: generated.OpIntAndImm, Args: [4]uint64{in.Args[0], in.Args[1], uint64(b - 1)}, Exit: NoExit}
				return
			}
			*in = Inst{Op: generated.OpIntRshiftImm, Args: [4]uint64{in.Args[0], in.Args[1], uint64(bits.TrailingZeros64(uint64(b)))}, Exit: NoExit}
		case generated.OpIntToFloat:
			if a, ok := constInt(in.Args[1]); ok {
				*in = Inst{Op: generated.OpLoadFloat, Args: [4]uint64{in.Args[0], math.Float64bits(float64(a))}, Exit: NoExit}
			}
		}
	}
}
