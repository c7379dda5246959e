package interp

// sortRun is the length of the runs insertion-sorted before merging.
const sortRun = 16

// mergeSortIdx sorts idx stably by less, which compares what two positions
// stand for: insertion-sorted runs, then merges through one buffer, about
// n log n comparisons and moves (sort.SliceStable merges in place, n log² n
// moves); a merge whose halves are already in order is a copy, so sorted
// input costs n comparisons a level.
func mergeSortIdx(idx []int, less func(a, b int) bool) {
	n := len(idx)
	for lo := 0; lo < n; lo += sortRun {
		hi := min(lo+sortRun, n)
		for i := lo + 1; i < hi; i++ {
			x := idx[i]
			j := i
			for ; j > lo && less(x, idx[j-1]); j-- {
				idx[j] = idx[j-1]
			}
			idx[j] = x
		}
	}
	if n <= sortRun {
		return
	}
	src, dst := idx, make([]int, n)
	for w := sortRun; w < n; w *= 2 {
		for lo := 0; lo < n; lo += 2 * w {
			mid, hi := min(lo+w, n), min(lo+2*w, n)
			if mid >= hi || !less(src[mid], src[mid-1]) {
				copy(dst[lo:hi], src[lo:hi])
				continue
			}
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				// Equal items keep their order: the left one goes first.
				if less(src[j], src[i]) {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	copy(idx, src)
}

// sortLess is the comparison of sort keys for sortList: when every key is
// an int, or every key a float, or every key a str, it compares them
// without the general comparison (CPython's sort checks its keys' types
// once the same way), and tuples of ints and strs through plainOrder;
// otherwise it is vm.compare's <, and the first error
// it meets is kept in *err (later comparisons then answer false).
func (vm *VM) sortLess(keys []Val, err *error) func(a, b int) bool {
	ints, floats, strs, tuples := true, true, true, true
	for _, k := range keys {
		ints = ints && k.T == tagInt
		floats = floats && k.T == tagFloat
		if strs {
			_, strs = k.O.(*Str)
		}
		if tuples {
			_, tuples = k.O.(*Tuple)
		}
	}
	switch {
	case ints:
		return func(a, b int) bool { return int64(keys[a].B) < int64(keys[b].B) }
	case floats:
		return func(a, b int) bool { return keys[a].F() < keys[b].F() }
	case strs:
		// UTF-8's byte order is its code points' order.
		s := make([]string, len(keys))
		for i, k := range keys {
			s[i] = k.O.(*Str).s
		}
		return func(a, b int) bool { return s[a] < s[b] }
	case tuples:
		// Tuples of ints and strs, as key=lambda kv: (-kv[1], kv[0])
		// makes, order without the general comparison's dispatch.
		return func(a, b int) bool {
			if *err != nil {
				return false
			}
			if c, ok := plainOrder(&keys[a], &keys[b], 0); ok {
				return c < 0
			}
			r, e := vm.compare(opLt, keys[a], keys[b])
			if e != nil {
				*err = e
			}
			return r
		}
	}
	return func(a, b int) bool {
		if *err != nil {
			return false
		}
		x, y := keys[a], keys[b]
		if x.T == tagInt && y.T == tagInt {
			return int64(x.B) < int64(y.B)
		}
		r, e := vm.compare(opLt, x, y)
		if e != nil {
			*err = e
		}
		return r
	}
}
