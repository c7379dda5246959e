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
