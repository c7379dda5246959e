package interp

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/copypatch/copypatch/templates"
)

// list.sort() and sorted() of ints and strs (issue 10).
//
// The general sort (sortList) orders an index array through a comparison
// closure that looks the keys up by position: for 200,000 strs that was
// 2.1x CPython's time, most of it spent fetching keys scattered over
// memory and calling the runtime's string comparison for every pair. When
// every key is an int, or every key a str, the keys are copied beside
// their positions into one array and sorted there, where each comparison
// reads two neighbouring records. A str key also carries its first eight
// bytes as a big-endian word, so most comparisons are one integer
// compare; equal words fall back to the whole strings. The position is
// the last part of every record's order, so an unstable sort of such
// records gives exactly the stable order CPython's sort promises (reverse
// included: equal keys keep their original order).

// intRec is an int key and the position of its item.
type intRec struct {
	k int64
	i int
}

// strRec is a str key, its first eight bytes (zero-padded, big-endian:
// their order as a word is the strings' order unless they are equal) and
// the position of its item.
type strRec struct {
	pre uint64
	s   string
	i   int
}

// strPrefix is the first eight bytes of s as a big-endian word, zero
// bytes standing in for missing ones.
func strPrefix(s string) uint64 {
	if len(s) >= 8 {
		return binary.BigEndian.Uint64([]byte(s[:8]))
	}
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// sortIntsInPlace sorts l, every element an int, without a key: equal
// ints are indistinguishable, so any sort is the stable one. It reports
// false, doing nothing, for any other list.
func sortIntsInPlace(l *List, reverse bool) bool {
	vals := l.vals
	for _, v := range vals {
		if v.Tag != tagInt {
			return false
		}
	}
	if reverse {
		slices.SortFunc(vals, func(a, b templates.Value) int { return cmp.Compare(int64(b.Bits), int64(a.Bits)) })
	} else {
		slices.SortFunc(vals, func(a, b templates.Value) int { return cmp.Compare(int64(a.Bits), int64(b.Bits)) })
	}
	return true
}

// sortedByKeys is items ordered by keys (one key an item) when every key
// is an int or every key a str, stably; ok is false for other keys.
func sortedByKeys(items, keys []Val, reverse bool) (out []Val, ok bool) {
	if len(keys) < 2 {
		return nil, false // nothing to gain; the general path handles it
	}
	if _, ok := keys[0].O.(*Tuple); ok && keys[0].T == tagObject {
		return sortedByTuples(items, keys, reverse)
	}
	ints, strs := true, true
	for _, k := range keys {
		ints = ints && k.T == tagInt
		if strs {
			_, isStr := k.O.(*Str)
			strs = isStr && k.T == tagObject
		}
		if !ints && !strs {
			return nil, false
		}
	}
	out = make([]Val, len(items))
	if ints {
		recs := make([]intRec, len(keys))
		for i, k := range keys {
			recs[i] = intRec{int64(k.B), i}
		}
		sign := 1
		if reverse {
			sign = -1
		}
		slices.SortFunc(recs, func(a, b intRec) int {
			if c := cmp.Compare(a.k, b.k); c != 0 {
				return c * sign
			}
			return cmp.Compare(a.i, b.i)
		})
		for j, r := range recs {
			out[j] = items[r.i]
		}
		return out, true
	}
	recs := make([]strRec, len(keys))
	for i, k := range keys {
		s := k.O.(*Str).s
		recs[i] = strRec{strPrefix(s), s, i}
	}
	sign := 1
	if reverse {
		sign = -1
	}
	slices.SortFunc(recs, func(a, b strRec) int {
		if a.pre != b.pre {
			if a.pre < b.pre {
				return -sign
			}
			return sign
		}
		// UTF-8's byte order is its code points' order.
		if c := strings.Compare(a.s, b.s); c != 0 {
			return c * sign
		}
		return cmp.Compare(a.i, b.i)
	})
	for j, r := range recs {
		out[j] = items[r.i]
	}
	return out, true
}

// tupRec is a tuple key's items and the position of its item.
type tupRec struct {
	k []Val
	i int
}

// tupleKinds is the largest tuple key a sort by tuples takes: keys like
// (-count, word) are two or three long.
const tupleKinds = 8

// sortedByTuples is sortedByKeys for keys that are all tuples of at most
// tupleKinds items, each an int or a str, the same kind at the same place
// in every key: comparing two such keys runs no Python code and cannot
// fail, so the order is the plain lexicographic one (a shorter key first
// when it is a prefix of the other), as CPython's tuple comparison gives.
// ok is false for other keys.
func sortedByTuples(items, keys []Val, reverse bool) (out []Val, ok bool) {
	var kinds [tupleKinds]uint8 // 0 unseen, 1 int, 2 str
	recs := make([]tupRec, len(keys))
	for i, k := range keys {
		t, isT := k.O.(*Tuple)
		if !isT || k.T != tagObject || len(t.items) > tupleKinds {
			return nil, false
		}
		for p, x := range t.items {
			kind := uint8(1)
			if x.T != tagInt {
				if _, isStr := x.O.(*Str); !isStr || x.T != tagObject {
					return nil, false
				}
				kind = 2
			}
			if kinds[p] != kind {
				if kinds[p] != 0 {
					return nil, false
				}
				kinds[p] = kind
			}
		}
		recs[i] = tupRec{t.items, i}
	}
	sign := 1
	if reverse {
		sign = -1
	}
	slices.SortFunc(recs, func(a, b tupRec) int {
		n := min(len(a.k), len(b.k))
		for p := range n {
			x, y := &a.k[p], &b.k[p]
			if kinds[p] == 1 {
				if x.B != y.B {
					return cmp.Compare(int64(x.B), int64(y.B)) * sign
				}
				continue
			}
			if c := strings.Compare(x.O.(*Str).s, y.O.(*Str).s); c != 0 {
				return c * sign
			}
		}
		if c := cmp.Compare(len(a.k), len(b.k)); c != 0 {
			return c * sign
		}
		return cmp.Compare(a.i, b.i)
	})
	out = make([]Val, len(items))
	for j, r := range recs {
		out[j] = items[r.i]
	}
	return out, true
}
