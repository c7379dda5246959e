package interp

// A frozenset as a dict key or set element is compared with another
// item by item, through keyCmp, so an item's __eq__ that raises makes
// the lookup raise (d[frozenset([K()])]), as CPython's set comparison
// does, where VM.equal's answer kept the error from the lookup.

// frozenKeyEq is keyCmp of sets x and y: equal sizes and every item of x
// in y. With leave false an __eq__'s error ends it and is returned.
func frozenKeyEq(x, y *Set, leave bool) (bool, error) {
	if x.used != y.used {
		return false, nil
	}
	// x's items first: a user __eq__ could change a set it reaches.
	items := make([]Val, 0, x.used)
	for i := range x.table {
		if x.table[i].hk != 0 {
			items = append(items, x.key(uint64(i)))
		}
	}
	for _, k := range items {
		h, err := setHash(k)
		if err != nil {
			return false, err
		}
		in, err := y.findCmp(k, h, leave)
		if err != nil || !in {
			return false, err
		}
	}
	return true, nil
}

// findCmp is whether s holds k (hash h), as find probes for it, with
// keyCmp's error when leave is false.
func (s *Set) findCmp(k Val, h int64, leave bool) (bool, error) {
	if s.table == nil {
		return false, nil
	}
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	hk := setHashKey(h)
	for i := uint64(h) & mask; ; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.hk == 0 {
				if e.b == 0 {
					return false, nil
				}
				continue
			}
			if e.hk != hk {
				continue
			}
			if s.sameAt(j, k) {
				return true, nil
			}
			ek := s.key(j)
			eq, err := keyCmp(ek, k, leave)
			if err != nil {
				return false, err
			}
			if s.moved(table, j, ek) {
				// Changed under the probe: find's own answer.
				return s.find(k, h) >= 0, nil
			}
			if eq {
				return true, nil
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}
