package interp

import (
	"slices"

	"github.com/copypatch/copypatch/templates"
)

// sorted() of ints without a key (issue 10).
//
// sorted(cand) of a set of small ints (sudoku's candidate digits, a
// thousand times per puzzle) went through the generic path: an iterator,
// the items appended to a growing slice, a list made of them, an index
// array sorted through a comparison closure and a last copy, about 6,300
// instructions for seven digits. A set whose keys are all ints (no tags or
// objects beside its table), or a list or tuple whose items are all ints,
// is sorted here as machine words in a buffer and made into its list in
// one allocation. Equal ints are the same value, so stability cannot show.

// sortedInts is sorted(x) for such an x; ok is false for anything else.
func (vm *VM) sortedInts(x Val) (l *List, ok bool) {
	if x.T != tagObject || vm.threaded() {
		return nil, false // a shared container is read under its lock elsewhere
	}
	var buf [16]int64
	ints := buf[:0]
	switch o := x.O.(type) {
	case *Set:
		if o.tags != nil || o.objs != nil {
			return nil, false
		}
		if o.used > len(buf) {
			ints = make([]int64, 0, o.used)
		}
		ints = ints[:o.used]
		n := 0
		for _, e := range o.table {
			if e.hk != 0 && n < len(ints) {
				ints[n] = int64(e.b)
				n++
			}
		}
	case *List:
		if len(o.vals) > len(buf) {
			ints = make([]int64, 0, len(o.vals))
		}
		for _, v := range o.vals {
			if v.Tag != tagInt {
				return nil, false
			}
			ints = append(ints, int64(v.Bits))
		}
	case *Tuple:
		if len(o.items) > len(buf) {
			ints = make([]int64, 0, len(o.items))
		}
		for _, v := range o.items {
			if v.T != tagInt {
				return nil, false
			}
			ints = append(ints, int64(v.B))
		}
	default:
		return nil, false
	}
	slices.Sort(ints)
	l = newListLen(len(ints))
	for i, v := range ints {
		l.vals[i] = templates.Value{Tag: tagInt, Bits: uint64(v)}
	}
	return l, true
}
