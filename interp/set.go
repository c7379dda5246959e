package interp

import "github.com/copypatch/copypatch/templates"

// Set is CPython's set table: keys in an open-addressing table probed from
// their hash (a few slots linearly, then perturbed), iterated in slot
// order. Building, growing, deleting and the set algebra follow CPython's
// steps, so a set of values with CPython's hashes (numbers, tuples of them,
// None, strs under PYTHONHASHSEED=0) iterates and prints in CPython's
// order.
type Set struct {
	table []setSlot // nil until the first element: 8 slots, as CPython's smallest
	// objs holds the slots' objects at the same indices, nil until a key
	// is an object: a set of ints is a pointer-free table, 24 bytes a
	// slot, that the GC neither scans nor needs cleared of pointers.
	objs   []Object
	fill   int // slots ever used (live and deleted)
	used   int // live elements
	finger int // where pop() looks first
	// frozen: a frozenset (set_frozen.go), hashable and never changed.
	frozen bool
	// small is the first table, inside the set as CPython's smalltable:
	// a small set of numbers is one allocation. (So a Set is never copied
	// by value but through assign.) Its objects, when it has any, are a
	// second: inside, they would make every set 128 bytes bigger (a third
	// of it), and most small sets are of numbers.
	small [setMinSize]setSlot
}

// setSlot is a slot: free (tag empty, hash 0), deleted (tag empty, hash
// -1, a hash CPython never gives) or a key's tag, bits and hash (its
// object, if any, in Set.objs).
type setSlot struct {
	h int64
	t templates.Tag
	b uint64
}

// key is the key in slot i.
func (s *Set) key(i uint64) Val {
	e := &s.table[i]
	if s.objs == nil {
		return Val{T: e.t, B: e.b}
	}
	return Val{T: e.t, B: e.b, O: s.objs[i]}
}

// sameAt reports whether slot i holds k itself (same).
func (s *Set) sameAt(i uint64, k Val) bool {
	e := &s.table[i]
	if e.t != k.T || e.b != k.B {
		return false
	}
	if s.objs == nil {
		return k.O == nil
	}
	return s.objs[i] == k.O
}

// plainTupleAt is plainTupleEq between slot i and k when both are tuples.
func (s *Set) plainTupleAt(i uint64, k Val) (eq, sure bool) {
	if k.T != tagObject || s.table[i].t != tagObject {
		return false, false
	}
	y, ok := k.O.(*Tuple)
	if !ok {
		return false, false
	}
	x, ok := s.objs[i].(*Tuple)
	if !ok {
		return false, false
	}
	return plainTupleEq(x, y)
}

// put stores k with hash h in slot i.
func (s *Set) put(i uint64, k Val, h int64) {
	s.table[i] = setSlot{h: h, t: k.T, b: k.B}
	if s.objs == nil {
		if k.O == nil {
			return
		}
		s.objs = make([]Object, len(s.table))
	}
	s.objs[i] = k.O
}

// kill marks slot i deleted.
func (s *Set) kill(i uint64) {
	s.table[i] = setSlot{h: -1}
	if s.objs != nil {
		s.objs[i] = nil
	}
}

const (
	setMinSize      = 8
	setLinearProbes = 9
)

func (s *Set) typeName() string {
	if s.frozen {
		return "frozenset"
	}
	return "set"
}

func newSet() *Set { return &Set{} }

func (s *Set) Len() int { return s.used }

func (s *Set) mask() uint64 {
	if s.table == nil {
		return setMinSize - 1
	}
	return uint64(len(s.table) - 1)
}

func (s *Set) ensure() {
	if s.table == nil {
		s.table = s.small[:]
	}
}

func setHash(k Val) (int64, error) { return containerHash(k, "a set element") }

// add is set.add(k).
func (s *Set) add(k Val) error {
	h, err := setHash(k)
	if err != nil {
		return err
	}
	return s.addHashed(k, h)
}

func (s *Set) addHashed(k Val, h int64) error {
	s.ensure()
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	free := -1 // the last deleted slot on the way, as CPython's
	for i := uint64(h) & mask; ; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.t == tagEmpty {
				if e.h != 0 {
					free = int(j)
					continue
				}
				if free >= 0 {
					// A deleted slot is taken again.
					s.put(uint64(free), k, h)
					s.used++
					return nil
				}
				{
					s.put(j, k, h)
					s.fill++
					s.used++
					if uint64(s.fill)*5 < mask*3 {
						return nil
					}
					if s.used > 50000 {
						return s.resize(s.used * 2)
					}
					return s.resize(s.used * 4)
				}
			}
			if e.h == h {
				if s.sameAt(j, k) {
					return nil
				}
				if eq, sure := s.plainTupleAt(j, k); sure {
					if eq {
						return nil
					}
					continue
				}
				if ek := s.key(j); needsEq(ek, k) {
					eq := keyEq(ek, k)
					if s.moved(table, j, ek) {
						goto restart
					}
					if eq {
						return nil
					}
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// moved reports whether a user __eq__ changed the table under a probe.
func (s *Set) moved(table []setSlot, j uint64, k Val) bool {
	return len(s.table) != len(table) || &s.table[0] != &table[0] || !s.sameAt(j, k)
}

// find returns the slot holding k (hash h), or -1.
func (s *Set) find(k Val, h int64) int {
	if s.table == nil {
		return -1
	}
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	for i := uint64(h) & mask; ; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.t == tagEmpty {
				if e.h == 0 {
					return -1
				}
				continue
			}
			if e.h == h {
				if s.sameAt(j, k) {
					return int(j)
				}
				if eq, sure := s.plainTupleAt(j, k); sure {
					if eq {
						return int(j)
					}
					continue
				}
				if ek := s.key(j); needsEq(ek, k) {
					eq := keyEq(ek, k)
					if s.moved(table, j, ek) {
						goto restart
					}
					if eq {
						return int(j)
					}
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// has is k in s.
func (s *Set) has(k Val) (bool, error) {
	if k.T == tagInt {
		return s.findInt(k, pyIntHash(int64(k.B))) >= 0, nil
	}
	h, err := setHash(k)
	if err != nil {
		return false, err
	}
	return s.find(k, h) >= 0, nil
}

// findInt is find for an int key: a slot holding that int answers, and
// only a slot of equal hash holding something else (a float, a bool, an
// instance) needs find's comparisons. `d in cell` over small sets of
// ints is most of a constraint solver's work.
func (s *Set) findInt(k Val, h int64) int {
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	for i := uint64(h) & mask; table != nil; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.t == tagEmpty {
				if e.h == 0 {
					return -1
				}
				continue // deleted
			}
			if e.h == h {
				if e.t == tagInt && e.b == k.B {
					return int(j)
				}
				return s.find(k, h)
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
	return -1
}

// discard removes k, reporting whether it was there.
func (s *Set) discard(k Val) (bool, error) {
	h, err := setHash(k)
	if err != nil {
		return false, err
	}
	return s.discardHashed(k, h), nil
}

func (s *Set) discardHashed(k Val, h int64) bool {
	j := s.find(k, h)
	if j < 0 {
		return false
	}
	s.kill(uint64(j))
	s.used--
	return true
}

// resize moves the live keys, in slot order, to a table of the smallest
// power of two above minUsed slots.
func (s *Set) resize(minUsed int) error {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	if err := memCheckMul(uint64(size), 40); err != nil {
		return err
	}
	old, oldObjs := s.table, s.objs
	if size == setMinSize && len(old) == setMinSize && s.fill == s.used {
		return nil // no deleted slots to purge
	}
	s.table, s.objs = make([]setSlot, size), nil
	s.fill = s.used
	for i := range old {
		if e := &old[i]; e.t != tagEmpty {
			k := Val{T: e.t, B: e.b}
			if oldObjs != nil {
				k.O = oldObjs[i]
			}
			s.insertClean(k, e.h)
		}
	}
	return nil
}

// insertClean puts a key known to be absent into a table without deleted
// slots.
func (s *Set) insertClean(k Val, h int64) {
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	for i := uint64(h) & mask; ; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			if table[j].t == tagEmpty {
				s.put(j, k, h)
				return
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// keys returns the elements in iteration (slot) order.
func (s *Set) keys() []Val {
	out := make([]Val, 0, s.used)
	for i := range s.table {
		if s.table[i].t != tagEmpty {
			out = append(out, s.key(uint64(i)))
		}
	}
	return out
}

// pop is set.pop(): the first element from the finger on.
func (s *Set) pop() (Val, bool) {
	if s.used == 0 {
		return Val{}, false
	}
	mask := int(s.mask())
	i := s.finger & mask
	for s.table[i].t == tagEmpty {
		if i++; i > mask {
			i = 0
		}
	}
	k := s.key(uint64(i))
	s.kill(uint64(i))
	s.used--
	s.finger = i + 1
	return k, true
}

func (s *Set) clear() { *s = Set{} }

// assign makes s a copy of r (which is dropped): its table is r's, or
// s's own small table when r's is r's small one.
func (s *Set) assign(r *Set) {
	*s = *r
	if len(r.table) > 0 && &r.table[0] == &r.small[0] {
		s.table = s.small[:]
	}
}

// merge adds o's elements (set_merge): into an empty set they are copied
// slot for slot or placed without comparisons.
func (s *Set) merge(o *Set) error {
	if o == s || o.used == 0 {
		return nil
	}
	s.ensure()
	if uint64(s.fill+o.used)*5 >= s.mask()*3 {
		if err := s.resize((s.used + o.used) * 2); err != nil {
			return err
		}
	}
	if s.fill == 0 && s.mask() == o.mask() && o.fill == o.used {
		copy(s.table, o.table)
		if o.objs != nil {
			for i := range o.objs {
				if o.objs[i] != nil {
					s.put(uint64(i), o.key(uint64(i)), o.table[i].h)
				}
			}
		}
		s.fill, s.used = o.fill, o.used
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = o.used, o.used
		for i := range o.table {
			if e := &o.table[i]; e.t != tagEmpty {
				s.insertClean(o.key(uint64(i)), e.h)
			}
		}
		return nil
	}
	for i := range o.table {
		if e := &o.table[i]; e.t != tagEmpty {
			if err := s.addHashed(o.key(uint64(i)), e.h); err != nil {
				return err
			}
		}
	}
	return nil
}

// copy is set(s).
func (s *Set) copy() *Set {
	r := newSet()
	r.merge(s)
	r.frozen = s.frozen
	return r
}

// update adds the elements of a set, a dict's keys or any items
// (set_update_internal).
func (s *Set) update(o Object, items []Val) error {
	switch o := o.(type) {
	case *Set:
		return s.merge(o)
	case *Dict:
		s.ensure()
		if uint64(s.fill+o.used)*5 >= s.mask()*3 {
			if err := s.resize((s.used + o.used) * 2); err != nil {
				return err
			}
		}
		for i := range o.entries {
			if e := &o.entries[i]; !e.deleted() {
				if err := s.addHashed(e.key(), e.h); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, x := range items {
		if err := s.add(x); err != nil {
			return err
		}
	}
	return nil
}

// intersection is s & o: the smaller set's elements, in its order, that
// the larger holds.
func (s *Set) intersection(o *Set) *Set {
	if s == o {
		return s.copy()
	}
	if o.used > s.used {
		s, o = o, s
	}
	r := newSet()
	for i := range o.table {
		if e := &o.table[i]; e.t != tagEmpty {
			if k := o.key(uint64(i)); s.find(k, e.h) >= 0 {
				r.addHashed(k, e.h)
			}
		}
	}
	return r
}

// intersectionItems is s & set(items) as CPython makes it from an
// iterable: its items that s holds, added in their order.
func (s *Set) intersectionItems(items []Val) (*Set, error) {
	r := newSet()
	for _, x := range items {
		h, err := setHash(x)
		if err != nil {
			return nil, err
		}
		if s.find(x, h) >= 0 {
			if err := r.addHashed(x, h); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

// difference is s - o: a copy of s less o's elements when s is much
// larger, else s's elements not in o added to a new set.
func (s *Set) difference(o *Set) *Set {
	if s.used>>2 > o.used {
		r := s.copy()
		r.differenceUpdate(o)
		return r
	}
	r := newSet()
	for i := range s.table {
		if e := &s.table[i]; e.t != tagEmpty {
			if k := s.key(uint64(i)); o.find(k, e.h) < 0 {
				r.addHashed(k, e.h)
			}
		}
	}
	return r
}

// differenceUpdate is s -= o.
func (s *Set) differenceUpdate(o *Set) {
	if s == o {
		s.clear()
		return
	}
	for i := range o.table {
		if e := &o.table[i]; e.t != tagEmpty {
			s.discardHashed(o.key(uint64(i)), e.h)
		}
	}
	s.purge()
}

// purge rebuilds the table after a difference update left more than a
// quarter of it deleted slots.
func (s *Set) purge() error {
	if uint64(s.fill-s.used) <= s.mask()/4 {
		return nil
	}
	if s.used > 50000 {
		return s.resize(s.used * 2)
	}
	return s.resize(s.used * 4)
}

// symmetricDifferenceUpdate is s ^= o: o's elements leave s if there,
// else join it.
func (s *Set) symmetricDifferenceUpdate(o *Set) error {
	if s == o {
		s.clear()
		return nil
	}
	for i := range o.table {
		if e := &o.table[i]; e.t != tagEmpty && !s.discardHashed(o.key(uint64(i)), e.h) {
			if err := s.addHashed(o.key(uint64(i)), e.h); err != nil {
				return err
			}
		}
	}
	return nil
}

// symmetricDifference is s ^ o: a copy of o updated with s.
func (s *Set) symmetricDifference(o *Set) (*Set, error) {
	r := o.copy()
	return r, r.symmetricDifferenceUpdate(s)
}

// union is s | o: a copy of s updated with o.
func (s *Set) union(o *Set) (*Set, error) {
	r := s.copy()
	if o == s {
		return r, nil
	}
	return r, r.merge(o)
}

// setIter walks a set's slots and fails, like CPython's, if the set
// changes size meanwhile.
type setIter struct {
	s    *Set
	i, n int
}

func (*setIter) typeName() string { return "set_iterator" }

func (it *setIter) next() (Val, bool, error) {
	if it.s.used != it.n {
		it.n = -1 // stays broken, as CPython's iterator does
		return Val{}, false, newErr(RuntimeError, "Set changed size during iteration")
	}
	for it.i < len(it.s.table) {
		i := it.i
		it.i++
		if it.s.table[i].t != tagEmpty {
			return it.s.key(uint64(i)), true, nil
		}
	}
	return Val{}, false, nil
}
