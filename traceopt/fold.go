package traceopt

import (
	"maps"
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
	consts := t.knownConsts()
	loopTops := map[int]bool{}
	for i, in := range t.Insts {
		if in.InTrace && in.Target <= i {
			loopTops[in.Target] = true
		}
	}
	pending := map[int]map[int32]templates.Value{} // forward jumps' constants, by target
	var stable map[int32]templates.Value
	meet := func(into, with map[int32]templates.Value) {
		for k, v := range into {
			if w, ok := with[k]; !ok || w != v {
				delete(into, k)
			}
		}
	}
	reachable := true // by falling through from the instruction before
	for i := range t.Insts {
		if i == t.Loop {
			consts = t.bodyConsts(consts)
		}
		dead := false
		if p, ok := pending[i]; ok {
			if reachable {
				meet(consts, p)
			} else {
				consts = maps.Clone(p)
			}
		} else if !reachable {
			consts = map[int32]templates.Value{}
			// Nothing jumps here either (a branch jumps past it): what
			// it leaves falls into nothing that runs.
			dead = !loopTops[i] && i != t.Loop
		}
		reachable = t.Insts[i].Op != generated.OpLoop && !dead
		if loopTops[i] {
			// An inner loop's back-edge joins here: keep what no path
			// through the trace changes.
			if stable == nil {
				stable = t.stableConsts()
			}
			meet(consts, stable)
		}
		if in := &t.Insts[i]; in.InTrace && in.Target > i {
			if p, ok := pending[in.Target]; ok {
				meet(p, consts)
			} else {
				pending[in.Target] = maps.Clone(consts)
			}
		}
		in := &t.Insts[i]
		info := Info(in.Op)
		if info == nil {
			continue
		}
		t.foldOne(in, consts)
		if d, ok := dst(in, info); ok {
			delete(consts, d)
			switch in.Op {
			case generated.OpLoadInt:
				consts[d] = templates.Value{Tag: templates.TagInt, Bits: in.Args[1]}
			case generated.OpLoadFloat:
				consts[d] = templates.Value{Tag: templates.TagFloat, Bits: in.Args[1]}
			}
		}
	}
}

// knownConsts are the trace's constant slots: the constants of the
// bytecode.
func (t *Trace) knownConsts() map[int32]templates.Value {
	m := make(map[int32]templates.Value, len(t.Consts))
	for k, v := range t.Consts {
		m[k] = v
	}
	return m
}

// stableConsts are the slots that hold the same constant wherever the
// trace writes them (loads of that constant only), with that constant.
func (t *Trace) stableConsts() map[int32]templates.Value {
	m := map[int32]templates.Value{}
	bad := map[int32]bool{}
	for i := range t.Insts {
		u := &t.Insts[i]
		d, ok := dst(u, Info(u.Op))
		if !ok {
			continue
		}
		var v templates.Value
		switch u.Op {
		case generated.OpLoadInt:
			v = templates.Value{Tag: templates.TagInt, Bits: u.Args[1]}
		case generated.OpLoadFloat:
			v = templates.Value{Tag: templates.TagFloat, Bits: u.Args[1]}
		default:
			bad[d] = true
			continue
		}
		if old, seen := m[d]; seen && old != v {
			bad[d] = true
		}
		m[d] = v
	}
	for k, v := range t.Consts {
		if _, written := m[k]; !written && !bad[k] {
			m[k] = v
		}
	}
	for k := range bad {
		delete(m, k)
	}
	return m
}

// bodyConsts keeps, of the constants known on the way into the loop body,
// those the body writes only with the same constant.
func (t *Trace) bodyConsts(in map[int32]templates.Value) map[int32]templates.Value {
	out := make(map[int32]templates.Value, len(in))
	for k, v := range in {
		out[k] = v
	}
	for i := t.Loop; i < len(t.Insts); i++ {
		u := &t.Insts[i]
		info := Info(u.Op)
		d, ok := dst(u, info)
		if !ok {
			continue
		}
		v, known := out[d]
		same := known && ((u.Op == generated.OpLoadInt && v.Tag == templates.TagInt) ||
			(u.Op == generated.OpLoadFloat && v.Tag == templates.TagFloat)) && u.Args[1] == v.Bits
		if !same {
			delete(out, d)
		}
	}
	return out
}

func (t *Trace) foldOne(in *Inst, consts map[int32]templates.Value) {
	constInt := func(arg uint64) (int64, bool) {
		v, ok := consts[slotOf(arg)]
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
			if v, ok := consts[slotOf(in.Args[1])]; ok {
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
