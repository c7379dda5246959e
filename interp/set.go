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
	// tags holds the slots' tags at the same indices, nil while every key
	// is an int or an object (objs tells which): made when the first
	// float, bool or None arrives, which few sets hold.
	tags []templates.Tag
	// objs holds the slots' objects at the same indices, nil until a key
	// is an object: a set of ints is a pointer-free table, 16 bytes a
	// slot as CPython's, that the GC neither scans nor needs cleared of
	// pointers.
	objs   []Object
	fill   int   // slots ever used (live and deleted)
	used   int   // live elements
	finger int32 // where pop() looks first (int32: with frozen beside it a set is 224 bytes, a Go size class below 240)
	// frozen: a frozenset (set_frozen.go), hashable and never changed.
	frozen bool
	// small is the first table, inside the set as CPython's smalltable:
	// a small set of numbers is one allocation. (So a Set is never copied
	// by value but through assign.) Its objects, when it has any, are a
	// second: inside, they would make every set 128 bytes bigger, and
	// most small sets are of numbers.
	small [setMinSize]setSlot
}

// setSlot is a slot: a key's hash plus one (hk, never 0: no hash is -1)
// and bits (its tag in Set.tags or implied, its object in Set.objs), or,
// with hk 0, free (b 0) or deleted (b 1).
type setSlot struct {
	hk uint64
	b  uint64
}

// setHashKey is the hk of a key of hash h. Hashes are never -1 (CPython
// keeps it for errors, as hashOf does); one that were would still get a
// non-zero hk, as -2's.
func setHashKey(h int64) uint64 {
	if h == -1 {
		h = -2
	}
	return uint64(h) + 1
}

// live reports whether the slot holds a key.
func (e *setSlot) live() bool { return e.hk != 0 }

// hash is the hash of the slot's key (live slots only).
func (e *setSlot) hash() int64 { return int64(e.hk - 1) }

// tagAt is the tag of the key in live slot i.
func (s *Set) tagAt(i uint64) templates.Tag {
	if s.tags != nil {
		return s.tags[i]
	}
	if s.objs != nil && s.objs[i] != nil {
		return tagObject
	}
	return tagInt
}

// key is the key in slot i.
func (s *Set) key(i uint64) Val {
	e := &s.table[i]
	if s.objs == nil {
		return Val{T: s.tagAt(i), B: e.b}
	}
	return Val{T: s.tagAt(i), B: e.b, O: s.objs[i]}
}

// sameAt reports whether slot i holds k itself (same).
func (s *Set) sameAt(i uint64, k Val) bool {
	if s.table[i].b != k.B || s.tagAt(i) != k.T {
		return false
	}
	if s.objs == nil {
		return k.O == nil
	}
	return s.objs[i] == k.O
}

// plainTupleAt is plainTupleEq between slot i and k when both are tuples.
func (s *Set) plainTupleAt(i uint64, k Val) (eq, sure bool) {
	if k.T != tagObject || s.objs == nil || s.tagAt(i) != tagObject {
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
	s.table[i] = setSlot{hk: setHashKey(h), b: k.B}
	if k.T == tagInt && k.O == nil && s.tags == nil && s.objs == nil {
		return // an int in a table of ints: nothing beside it
	}
	s.putBeside(i, k)
}

// putBeside stores k's tag and object for put, in the arrays beside the
// table.
func (s *Set) putBeside(i uint64, k Val) {
	if s.tags == nil && !(k.T == tagInt && k.O == nil || k.T == tagObject && k.O != nil) {
		s.makeTags()
	}
	if s.tags != nil {
		s.tags[i] = k.T
	}
	if s.objs == nil {
		if k.O == nil {
			return
		}
		s.objs = make([]Object, len(s.table))
	}
	s.objs[i] = k.O
}

// makeTags gives the table its tags, from what the objects imply.
func (s *Set) makeTags() {
	tags := make([]templates.Tag, len(s.table))
	for i := range s.table {
		if s.table[i].live() {
			tags[i] = s.tagAt(uint64(i))
		}
	}
	s.tags = tags
}

// drop deletes the live key in slot i.
func (s *Set) drop(i uint64) {
	s.kill(i)
	s.used--
}

// kill marks slot i deleted.
func (s *Set) kill(i uint64) {
	s.table[i] = setSlot{b: 1}
	if s.objs != nil {
		s.objs[i] = nil
	}
	if s.tags != nil {
		s.tags[i] = tagEmpty
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
	if k.T == tagInt {
		if s.tags == nil && s.objs == nil {
			return s.addIntFrom(int64(k.B), nil) // a set of ints: probed inline
		}
		return s.addHashed(k, pyIntHash(int64(k.B)))
	}
	h, err := setHash(k)
	if err != nil {
		return err
	}
	return s.addHashed(k, h)
}

// addFrom is add taking a grown table from pool p when it has one.
func (s *Set) addFrom(k Val, p *setPool) error {
	if k.T == tagInt {
		if s.tags == nil && s.objs == nil {
			return s.addIntFrom(int64(k.B), p)
		}
		return s.addHashedFrom(k, pyIntHash(int64(k.B)), p)
	}
	h, err := setHash(k)
	if err != nil {
		return err
	}
	return s.addHashedFrom(k, h, p)
}

func (s *Set) addHashed(k Val, h int64) error { return s.addHashedFrom(k, h, nil) }

// addHashedFrom is addHashed taking a grown table from pool p when it has
// one (nil: none).
func (s *Set) addHashedFrom(k Val, h int64, p *setPool) error {
	s.ensure()
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	hk := setHashKey(h)
	free := -1 // the last deleted slot on the way, as CPython's
	for i := uint64(h) & mask; ; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.hk == 0 {
				if e.b != 0 {
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
					return s.growAfterAdd(p)
				}
			}
			if e.hk == hk {
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
					// An __eq__ that raises ends the add with its error,
					// adding nothing (CPython's set_add_entry).
					eq, err := keyCmp(ek, k, false)
					if err != nil {
						return err
					}
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

// addIntFrom is addFrom of int x to a set of ints only (tags and objs
// nil): a slot of x's hash holding x's bits is x.
func (s *Set) addIntFrom(x int64, p *setPool) error {
	s.ensure()
	h := pyIntHash(x)
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	hk := setHashKey(h)
	free := -1
	for i := uint64(h) & mask; ; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.hk == hk {
				if e.b == uint64(x) {
					return nil
				}
				continue
			}
			if e.hk != 0 {
				continue
			}
			if e.b != 0 {
				free = int(j) // the last deleted slot, as addHashedFrom's
				continue
			}
			if free >= 0 {
				table[free] = setSlot{hk: hk, b: uint64(x)}
				s.used++
				return nil
			}
			*e = setSlot{hk: hk, b: uint64(x)}
			s.fill++
			s.used++
			if uint64(s.fill)*5 < mask*3 {
				return nil
			}
			return s.growAfterAdd(p)
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// growAfterAdd resizes the table once an add has filled three fifths of
// it (checked at each add, inline), as CPython's set_add_entry: to four
// times the elements, twice past 50000. Every add path shares it so that
// they keep one table shape.
func (s *Set) growAfterAdd(p *setPool) error {
	if s.used > 50000 {
		return s.resizeFrom(s.used*2, p)
	}
	return s.resizeFrom(s.used*4, p)
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
					return -1
				}
				continue
			}
			if e.hk == hk {
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
	hk := setHashKey(h)
	for i := uint64(h) & mask; table != nil; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.hk == 0 {
				if e.b == 0 {
					return -1
				}
				continue // deleted
			}
			if e.hk == hk {
				if e.b == k.B && (s.tags == nil && s.objs == nil || s.tagAt(j) == tagInt) {
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
	s.drop(uint64(j))
	return true
}

// resize moves the live keys, in slot order, to a table of the smallest
// power of two above minUsed slots.
func (s *Set) resize(minUsed int) error { return s.resizeFrom(minUsed, nil) }

// resizeFrom is resize taking the new table from pool p when it has one of
// the size (nil: none).
func (s *Set) resizeFrom(minUsed int, p *setPool) error {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	if err := memCheckMul(uint64(size), 33); err != nil {
		return err
	}
	if size == setMinSize && len(s.table) == setMinSize && s.fill == s.used {
		return nil // no deleted slots to purge
	}
	if s.tags == nil && s.objs == nil {
		// Ints only: slots move as they are (set(genexpr) of ints
		// resizes once it passes five), with no copy of the set (224
		// bytes) to read the old table through.
		oldTable := s.table
		s.table = p.table(size)
		s.fill = s.used
		for _, e := range oldTable {
			if e.live() {
				s.insertSlotClean(e)
			}
		}
		return nil
	}
	old := *s // its table, tags and objs, read through old's methods
	s.table, s.tags, s.objs = p.table(size), nil, nil
	s.fill = s.used
	for i := range old.table {
		if e := &old.table[i]; e.live() {
			s.insertClean(old.key(uint64(i)), e.hash())
		}
	}
	return nil
}

// insertClean puts a key known to be absent into a table without deleted
// slots.
func (s *Set) insertClean(k Val, h int64) { s.put(s.cleanSlot(h), k, h) }

// insertSlotClean is insertClean of a slot of an int key, in a table of
// ints only.
func (s *Set) insertSlotClean(e setSlot) { s.table[s.cleanSlot(e.hash())] = e }

// cleanSlot is the first free slot on hash h's probe sequence, in a table
// without deleted slots.
func (s *Set) cleanSlot(h int64) uint64 {
	table := s.table
	mask := uint64(len(table) - 1)
	perturb := uint64(h)
	for i := uint64(h) & mask; ; {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			if table[j].hk == 0 {
				return j
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
		if s.table[i].live() {
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
	i := int(s.finger) & mask
	for !s.table[i].live() {
		if i++; i > mask {
			i = 0
		}
	}
	k := s.key(uint64(i))
	s.drop(uint64(i))
	s.finger = int32(i + 1)
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
		s.tags, s.objs = nil, nil
		if o.tags != nil {
			s.tags = append([]templates.Tag(nil), o.tags...)
		}
		if o.objs != nil {
			s.objs = append([]Object(nil), o.objs...)
		}
		s.fill, s.used = o.fill, o.used
		return nil
	}
	if s.fill == 0 && o.tags == nil && o.objs == nil && s.tags == nil && s.objs == nil {
		// Ints only: each slot goes over as it is (put would store the
		// same two words and nothing beside them).
		s.fill, s.used = o.used, o.used
		for i := range o.table {
			if e := o.table[i]; e.live() {
				s.insertSlotClean(e)
			}
		}
		return nil
	}
	if s.fill == 0 {
		s.fill, s.used = o.used, o.used
		for i := range o.table {
			if e := &o.table[i]; e.live() {
				s.insertClean(o.key(uint64(i)), e.hash())
			}
		}
		return nil
	}
	for i := range o.table {
		if e := &o.table[i]; e.live() {
			if err := s.addHashed(o.key(uint64(i)), e.hash()); err != nil {
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
		if e := &o.table[i]; e.live() {
			if k := o.key(uint64(i)); s.find(k, e.hash()) >= 0 {
				r.addHashed(k, e.hash())
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
		if e := &s.table[i]; e.live() {
			if k := s.key(uint64(i)); o.find(k, e.hash()) < 0 {
				r.addHashed(k, e.hash())
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
		if e := &o.table[i]; e.live() {
			s.discardHashed(o.key(uint64(i)), e.hash())
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
		if e := &o.table[i]; e.live() && !s.discardHashed(o.key(uint64(i)), e.hash()) {
			if err := s.addHashed(o.key(uint64(i)), e.hash()); err != nil {
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
		if it.s.table[i].live() {
			return it.s.key(uint64(i)), true, nil
		}
	}
	return Val{}, false, nil
}
