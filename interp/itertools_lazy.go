package interp

// Lazy permutations and combinations: one tuple per next, as CPython's
// itertools makes them (permutations(range(9)) is 362880 tuples that a
// loop filtering them never needs all at once), in the same order:
// lexicographic by position in the pool.

func permutationsIter(pool []Val, r int) Object {
	n := len(pool)
	if r < 0 || r > n {
		return &funcIter{name: "itertools.permutations", next: func(*VM) (Val, bool, error) { return Val{}, false, nil }}
	}
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, r)
	for i := range cycles {
		cycles[i] = n - i
	}
	first, done := true, false
	emit := func() Val { return pickTuple(pool, indices[:r]) }
	return &funcIter{name: "itertools.permutations", next: func(*VM) (Val, bool, error) {
		if done {
			return Val{}, false, nil
		}
		if first {
			first = false
			return emit(), true, nil
		}
		for i := r - 1; i >= 0; i-- {
			cycles[i]--
			if cycles[i] == 0 {
				// Rotate indices[i:] left by one.
				moved := indices[i]
				copy(indices[i:], indices[i+1:])
				indices[n-1] = moved
				cycles[i] = n - i
				continue
			}
			j := n - cycles[i]
			indices[i], indices[j] = indices[j], indices[i]
			return emit(), true, nil
		}
		done = true
		return Val{}, false, nil
	}}
}

func combinationsIter(pool []Val, r int) Object {
	n := len(pool)
	if r < 0 || r > n {
		return &funcIter{name: "itertools.combinations", next: func(*VM) (Val, bool, error) { return Val{}, false, nil }}
	}
	indices := make([]int, r)
	for i := range indices {
		indices[i] = i
	}
	first, done := true, false
	emit := func() Val { return pickTuple(pool, indices) }
	return &funcIter{name: "itertools.combinations", next: func(*VM) (Val, bool, error) {
		if done {
			return Val{}, false, nil
		}
		if first {
			first = false
			return emit(), true, nil
		}
		// The rightmost index that can still move right.
		i := r - 1
		for i >= 0 && indices[i] == i+n-r {
			i--
		}
		if i < 0 {
			done = true
			return Val{}, false, nil
		}
		indices[i]++
		for j := i + 1; j < r; j++ {
			indices[j] = indices[j-1] + 1
		}
		return emit(), true, nil
	}}
}

// pickTuple is the tuple of pool's elements at indices.
func pickTuple(pool []Val, indices []int) Val {
	t := make([]Val, len(indices))
	for i, k := range indices {
		t[i] = pool[k]
	}
	return ObjVal(&Tuple{items: t})
}
