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
	flat := !hasObjectVal(pool)
	emit := func() Val { return pickTuple(pool, indices[:r], flat) }
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
	flat := !hasObjectVal(pool)
	emit := func() Val { return pickTuple(pool, indices, flat) }
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

// pickTuple is the tuple of pool's elements at indices; flat says that
// the pool holds no objects, so the tuple can be one the collector never
// scans (tuple_flat.go): nqueens filters 362880 permutations of range(9).
func pickTuple(pool []Val, indices []int, flat bool) Val {
	if flat {
		t := newFlatTuple(len(indices))
		for i, k := range indices {
			t.items[i].T, t.items[i].B = pool[k].T, pool[k].B
		}
		return ObjVal(t)
	}
	t := newTuple(len(indices)) // the items in the tuple's allocation
	for i, k := range indices {
		t.items[i] = pool[k]
	}
	return ObjVal(t)
}

// combinationsWRIter is itertools.combinations_with_replacement: sorted
// r-tuples of pool's indices, an index repeating as often as it likes.
func combinationsWRIter(pool []Val, r int) Object {
	n := len(pool)
	name := "itertools.combinations_with_replacement"
	if r < 0 || n == 0 && r > 0 {
		return &funcIter{name: name, next: func(*VM) (Val, bool, error) { return Val{}, false, nil }}
	}
	indices := make([]int, r)
	first, done := true, false
	flat := !hasObjectVal(pool)
	return &funcIter{name: name, next: func(*VM) (Val, bool, error) {
		if done {
			return Val{}, false, nil
		}
		if first {
			first = false
			return pickTuple(pool, indices, flat), true, nil
		}
		// The rightmost index not yet at the last element.
		i := r - 1
		for i >= 0 && indices[i] == n-1 {
			i--
		}
		if i < 0 {
			done = true
			return Val{}, false, nil
		}
		v := indices[i] + 1
		for j := i; j < r; j++ {
			indices[j] = v
		}
		return pickTuple(pool, indices, flat), true, nil
	}}
}

// teeIters is itertools.tee: n iterators over one source, which is
// stepped once per item; items wait in a buffer shared by them until the
// slowest has passed (the buffer is dropped from the front then).
func teeIters(src Object, n int) []Val {
	type shared struct {
		buf  []Val
		base int // the index of buf[0] in the stream
		pos  []int
		done bool
	}
	sh := &shared{pos: make([]int, n)}
	out := make([]Val, n)
	for i := range out {
		out[i] = ObjVal(&funcIter{name: "itertools._tee", next: func(vm *VM) (Val, bool, error) {
			p := sh.pos[i]
			if p-sh.base == len(sh.buf) {
				if sh.done {
					return Val{}, false, nil
				}
				v, ok, err := vm.next(src)
				if err != nil || !ok {
					sh.done = !ok && err == nil
					return Val{}, false, err
				}
				sh.buf = append(sh.buf, v)
			}
			v := sh.buf[p-sh.base]
			sh.pos[i]++
			low := sh.pos[0]
			for _, q := range sh.pos {
				low = min(low, q)
			}
			if drop := low - sh.base; drop > 0 {
				sh.buf = append(sh.buf[:0], sh.buf[drop:]...)
				sh.base = low
			}
			return v, true, nil
		}})
	}
	return out
}
