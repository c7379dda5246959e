package interp

import "math"

// Dict is CPython's compact dict: entries in insertion order, and an
// open-addressing index of positions into them probed from the key's hash.
// An entry holds its key's hash, so lookups compare hashes before keys and
// resizing never hashes again; nothing is allocated per entry.
type Dict struct {
	entries []dictSlot // deleted entries stay (key tagEmpty) until a resize
	// index has a power-of-two length (or is nil while the dict has never
	// held anything): 0 is a free slot, -1 a deleted one, and i+1 for
	// entries[i] in the low bits, which a mask of the index's length
	// holds, under the bits of the key's hash above them (indexTag).
	index []int32
	used  int // live entries
	// filled counts the index slots taken, live or deleted (popitem gives
	// its entry back, not its slot): the index grows when they reach two
	// thirds, so a free slot always ends a probe.
	filled int
	// last is 1 + the entry the last successful find returned: `k in d`
	// then `d[k] += 1` asks for the same key three times. It needs no
	// invalidation: a hit is checked against the entry's hash and its key,
	// the same object as the one asked for, or the object found equal to
	// lastProbe (a str, or a tuple of numbers and strs: equal for good)
	// when the entry's key was lastKey.
	last               int
	lastHash           int64 // the hash of entries[last-1]: a miss reads nothing else
	lastProbe, lastKey Object
	// collections: a defaultdict's factory, or a Counter (missing keys count 0).
	factory Val
	counter bool
	ordered bool // an OrderedDict: popitem(last=), move_to_end, order-sensitive ==
	// live is set on globals()'s dict: its stores reach the module's
	// slots (globals_live.go).
	glive *liveGlobals
}

// dictSlot is an entry as stored: its key's hash, key and value packed
// (pval), 40 bytes where three Vals' worth took 72, so a big dict takes
// half the memory, pages and cache lines it did.
type dictSlot struct {
	h    int64
	k, v pval
}

func (e *dictSlot) deleted() bool { return e.k == pval{} }
func (e *dictSlot) key() Val      { return e.k.unpack() }
func (e *dictSlot) val() Val      { return e.v.unpack() }

// dictEntry is an entry unpacked (Dict.live).
type dictEntry struct {
	k, v Val
	h    int64
}

const (
	dictMinSize   = 8
	perturbShift  = 5
	slotFree      = 0
	slotDeleted   = -1
	dictEntrySize = 40
)

// usable is how many entries an index of n slots takes before it grows:
// two thirds, as CPython's, so probe sequences stay short.
func usable(n int) int { return n * 2 / 3 }

func (*Dict) typeName() string { return "dict" }

func newDict() *Dict { return &Dict{} }

func (d *Dict) Len() int { return d.used }

// hash is hashOf with CPython 3.14's container-specific message.
func (d *Dict) hash(k Val) (int64, error) {
	return containerHash(k, "a dict key")
}

func containerHash(k Val, what string) (int64, error) {
	switch k.T {
	case tagInt:
		return pyIntHash(int64(k.B)), nil
	case tagObject:
		if s, ok := k.O.(*Str); ok {
			return s.hash(), nil
		}
	}
	h, err := hashOf(k)
	if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError {
		// 3.14 wraps a TypeError (of exactly that type) from hashing
		// the key, naming the key's type and then the error: a tuple
		// holding a list says "cannot use 'tuple' ... (unhashable type:
		// 'list')".
		return h, newErr(TypeError, "cannot use '%s' as %s (%s)", fullTypeName(k), what, excStr(nil, pe.exc))
	}
	return h, err
}

// fullTypeName is CPython's %T of v: its type's qualified name, after
// its module unless that is builtins or __main__.
func fullTypeName(v Val) string {
	if x, ok := v.O.(*Instance); ok && v.T == tagObject && x.cls != nil {
		if m := x.cls.moduleName(); m != "builtins" && m != "__main__" {
			return m + "." + x.cls.qualName()
		}
		return x.cls.qualName()
	}
	return typeName(v)
}

// find looks k (whose hash is h) up: the position of its entry, or -1.
// An error a key's __eq__ raises is left pending in its VM (findInt's
// callers have no error to return).
func (d *Dict) find(k Val, h int64) int {
	i, _ := d.lookup(k, h, true)
	return i
}

// lookup is find. With leave false, an error a key's __eq__ raises ends
// the lookup and is returned, as CPython's lookup stops there (d[k],
// d.pop(k) and del d[k] raise it, not KeyError, and d[k] = v inserts
// nothing); with leave true it stays pending in the __eq__'s VM and the
// probe goes on.
func (d *Dict) lookup(k Val, h int64, leave bool) (int, error) {
	pk := pack(k)
restart:
	if d.index == nil {
		return -1, nil
	}
	if i := d.last - 1; h == d.lastHash && uint(i) < uint(len(d.entries)) {
		if e := &d.entries[i]; e.h == h {
			if e.k == pk {
				return i, nil
			}
			if k.T == tagObject && e.k.isObj() && d.lastProbe != nil && k.O == d.lastProbe && e.k.obj() == d.lastKey {
				return i, nil
			}
		}
	}
	index := d.index
	mask := uint64(len(index) - 1)
	tag := indexTag(h, mask)
	perturb := uint64(h)
	for i := uint64(h) & mask; ; {
		ix := index[i]
		if ix == slotFree {
			return -1, nil
		}
		if ix > 0 && uint32(ix)&^uint32(mask) == tag {
			ix &= int32(mask)
			e := &d.entries[ix-1]
			if e.h == h {
				if e.k == pk {
					d.last, d.lastHash = int(ix), h
					return int(ix - 1), nil
				}
				if x := e.k.str(); x != nil {
					if y, ok := k.O.(*Str); ok {
						// Strs: equal text or not, no __eq__ to ask.
						if x.s == y.s {
							d.last, d.lastHash, d.lastProbe, d.lastKey = int(ix), h, y, x
							return int(ix - 1), nil
						}
						goto next
					}
				}
				if x := e.k.tuple(); x != nil {
					if y, ok := k.O.(*Tuple); ok {
						if eq, sure := plainTupleEq(x, y); sure {
							if !eq {
								goto next
							}
							d.last, d.lastHash, d.lastProbe, d.lastKey = int(ix), h, y, x
							return int(ix - 1), nil
						}
					}
				}
				pek := e.k
				ek := pek.unpack()
				eq, err := keyCmp(ek, k, leave)
				if err != nil {
					return -1, err
				}
				// A user __eq__ may have changed the dict: start again.
				if d.moved(index, int(ix-1), pek) {
					goto restart
				}
				if eq {
					if plainKey(k) {
						d.last, d.lastHash, d.lastProbe, d.lastKey = int(ix), h, k.O, ek.O
					}
					return int(ix - 1), nil
				}
			}
		}
	next:
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
}

// plainTupleEq is x == y for tuples whose items are numbers, None and
// strs, which no user code can answer: sure is false when an item pair
// is anything else (keyEq then asks). Equal tuples of such items stay
// equal, so the caller may remember the pair as Dict.last does.
func plainTupleEq(x, y *Tuple) (eq, sure bool) {
	xs, ys := x.items, y.items
	if len(xs) != len(ys) {
		return false, true
	}
	ys = ys[:len(xs)] // (no bounds checks in the loop)
	for i := range xs {
		a, b := &xs[i], &ys[i]
		if a.T != tagObject && b.T != tagObject {
			if a.T == b.T && a.B == b.B || keyEq(*a, *b) {
				continue
			}
			return false, true
		}
		sa, ok := a.O.(*Str)
		if !ok || a.T != tagObject {
			return false, false
		}
		sb, ok := b.O.(*Str)
		if !ok || b.T != tagObject {
			return false, false
		}
		if sa != sb && sa.s != sb.s {
			return false, true
		}
	}
	return true, true
}

// plainKey reports whether k is a tuple of numbers, strs and None, whose
// equality to another key never changes.
func plainKey(k Val) bool {
	t, ok := k.O.(*Tuple)
	if !ok || k.T != tagObject {
		return false
	}
	for _, x := range t.items {
		if x.T == tagObject {
			if _, ok := x.O.(*Str); !ok {
				return false
			}
		}
	}
	return true
}

// moved reports whether a dict probed through index has changed under
// its probe: resized, cleared, or its entry at i no longer holds key k.
func (d *Dict) moved(index []int32, i int, k pval) bool {
	return len(d.index) != len(index) || &d.index[0] != &index[0] ||
		i >= len(d.entries) || d.entries[i].k != k
}

// same reports whether a and b are the same value: equal tag and bits, and
// the same object.
//
// The bits of a list, instance or str are its address, so equal bits
// there say the same object without comparing the interfaces (a call);
// an int, float, bool or None is its tag and bits.
func same(a, b Val) bool {
	if a.T != b.T || a.B != b.B {
		return false
	}
	return a.T != tagObject || a.B != 0 || a.O == b.O
}

// needsEq reports whether a and b, equal in hash but not the same, may
// still be equal: strs with different text never are.
func needsEq(a, b Val) bool {
	if x, ok := a.O.(*Str); ok {
		if y, ok := b.O.(*Str); ok {
			return x.s == y.s
		}
	}
	return true
}

// keyEq is == between two keys with equal hashes. Numbers compare exactly
// across types; instances ask their __eq__ (an error it raises is left
// pending in its VM, as vm.equal does).
func keyEq(a, b Val) bool {
	eq, _ := keyCmp(a, b, true)
	return eq
}

// keyCmp is keyEq; with leave false an error an __eq__ raises is taken
// from its VM and returned (with false) instead of left pending.
func keyCmp(a, b Val, leave bool) (bool, error) {
	if a.T != tagObject && b.T != tagObject {
		switch {
		case a.T == tagNone || b.T == tagNone:
			return a.T == b.T, nil
		case a.T == tagFloat && b.T == tagFloat:
			return a.F() == b.F(), nil
		case a.T == tagFloat:
			return intFloatEq(int64(b.B), a.F()), nil
		case b.T == tagFloat:
			return intFloatEq(int64(a.B), b.F()), nil
		}
		return a.B == b.B, nil
	}
	switch x := a.O.(type) {
	case *Str:
		if y, ok := b.O.(*Str); ok {
			return x.s == y.s, nil
		}
	case *Tuple:
		y, ok := b.O.(*Tuple)
		if !ok || len(x.items) != len(y.items) {
			break
		}
		for i := range x.items {
			if same(x.items[i], y.items[i]) {
				continue
			}
			if eq, err := keyCmp(x.items[i], y.items[i], leave); !eq || err != nil {
				return false, err
			}
		}
		return true, nil
	case *SliceObj:
		y, ok := b.O.(*SliceObj)
		if !ok {
			break
		}
		for i, xi := range [3]Val{x.lo, x.hi, x.step} {
			yi := [3]Val{y.lo, y.hi, y.step}[i]
			if same(xi, yi) {
				continue
			}
			if eq, err := keyCmp(xi, yi, leave); !eq || err != nil {
				return false, err
			}
		}
		return true, nil
	case *Instance:
		return instanceKeyEq(x, a, b, leave)
	case *Set:
		if y, ok := b.O.(*Set); ok {
			return frozenKeyEq(x, y, leave)
		}
	}
	if y, ok := b.O.(*Instance); ok {
		return instanceKeyEq(y, a, b, leave)
	}
	return (*VM)(nil).equal(a, b), nil
}

// instanceKeyEq is keyCmp when an operand is instance x: == through the
// VM of x's class. (Its own function: a defer in keyCmp, with keyCmp's
// many returns, would not be open-coded and cost every key comparison.)
func instanceKeyEq(x *Instance, a, b Val, leave bool) (bool, error) {
	vm, done := borrowVM(x.cls.vm)
	defer done()
	eq := vm.equal(a, b)
	if leave || eq {
		return eq, nil
	}
	return false, vm.takePending()
}

// intFloatEq is i == f exactly (float64(i) may round).
func intFloatEq(i int64, f float64) bool {
	return f == math.Trunc(f) && f >= -1<<63 && f < 1<<63 && int64(f) == i
}

func (d *Dict) get(k Val) (Val, bool, error) {
	h, err := d.hash(k)
	if err != nil {
		return Val{}, false, err
	}
	i, err := d.lookup(k, h, false)
	if i >= 0 {
		return d.entries[i].val(), true, nil
	}
	return Val{}, false, err
}

func (d *Dict) set(k, v Val) error {
	h, err := d.hash(k)
	if err != nil {
		return err
	}
	return d.setHashed(k, h, v)
}

// setHashed is set for a key whose hash is known.
func (d *Dict) setHashed(k Val, h int64, v Val) error {
	if d.glive != nil {
		d.glive.set(k, v)
	}
	i, err := d.lookup(k, h, false)
	if i >= 0 {
		d.entries[i].v = pack(v)
		return nil
	}
	if err != nil {
		return err
	}
	return d.insertHashed(k, h, v)
}

// insertHashed adds k, whose hash is h and which is not in d.
func (d *Dict) insertHashed(k Val, h int64, v Val) error {
	if d.filled >= usable(len(d.index)) || len(d.entries) == cap(d.entries) {
		if err := d.resize(usable(indexFor(d.used * 3))); err != nil {
			return err
		}
	}
	d.entries = append(d.entries, dictSlot{h: h, k: pack(k), v: pack(v)})
	d.used++
	d.filled++
	d.place(h, int32(len(d.entries)))
	return nil
}

// place puts slot value ix (with h's tag) in the first free slot of h's
// probe sequence.
func (d *Dict) place(h int64, ix int32) {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.index[i] != slotFree {
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
	d.index[i] = ix | int32(indexTag(h, mask))
}

// indexTag is what an index slot keeps of hash h above the entry's
// position: the hash's bits from the index's mask to bit 30, so a probe
// passes most slots of other keys without loading their entries (a cache
// miss each in a big dict: most of a lookup's time). The position, at
// most two thirds of the index's length, fits under the mask; bit 31
// stays clear, so a taken slot is positive, and an index of 2^31 slots
// keeps no tag.
func indexTag(h int64, mask uint64) uint32 {
	return uint32(h) & 0x7fffffff &^ uint32(mask)
}

// indexFor is the index size CPython gives a dict that grows to hold n
// (its GROWTH_RATE, 3 × the live entries): the smallest power of two at
// least n. Asking for room for 3 × used entries instead made the index
// and the entries' capacity up to twice CPython's, and a big dict's
// probes miss the cache that much more.
func indexFor(n int) int {
	size := dictMinSize
	for size < n {
		size <<= 1
	}
	return size
}

// resize makes room for at least n live entries: an index of a power of
// two slots with n under two thirds of them, and the live entries packed.
func (d *Dict) resize(n int) error {
	size := dictMinSize
	for usable(size) < n {
		size <<= 1
	}
	if err := memCheckMul(uint64(usable(size)), dictEntrySize+6); err != nil {
		return err
	}
	entries := make([]dictSlot, 0, usable(size))
	for i := range d.entries {
		if !d.entries[i].deleted() {
			entries = append(entries, d.entries[i])
		}
	}
	d.entries = entries
	d.filled = len(entries)
	d.index = make([]int32, size)
	for i := range entries {
		d.place(entries[i].h, int32(i+1))
	}
	return nil
}

func (d *Dict) del(k Val) (Val, bool, error) {
	h, err := d.hash(k)
	if err != nil {
		return Val{}, false, err
	}
	i, err := d.lookup(k, h, false)
	if i < 0 {
		return Val{}, false, err
	}
	v := d.entries[i].val()
	d.delAt(i)
	return v, true, nil
}

// delAt deletes entries[i], which is live.
func (d *Dict) delAt(i int) {
	e := &d.entries[i]
	mask := uint64(len(d.index) - 1)
	perturb := uint64(e.h)
	j := uint64(e.h) & mask
	for ix := int32(i+1) | int32(indexTag(e.h, mask)); d.index[j] != ix; {
		perturb >>= perturbShift
		j = (j*5 + perturb + 1) & mask
	}
	d.index[j] = slotDeleted
	if d.glive != nil {
		d.glive.del(e.key())
	}
	*e = dictSlot{}
	d.used--
	if i == len(d.entries)-1 {
		// The last entry (popitem): its room is taken again.
		n := i
		for n > 0 && d.entries[n-1].deleted() {
			n--
		}
		d.entries = d.entries[:n]
	}
}

// clear empties d, keeping its kind (defaultdict, Counter).
func (d *Dict) clear() {
	if d.glive != nil {
		for i := range d.entries {
			if !d.entries[i].deleted() {
				d.glive.del(d.entries[i].key())
			}
		}
	}
	d.entries, d.index, d.used, d.filled = nil, nil, 0, 0
}

// copy is a new plain dict with d's items, in d's order.
func (d *Dict) copy() *Dict {
	n := newDict()
	if d.used == 0 {
		return n
	}
	n.resize(d.used)
	for i := range d.entries {
		if e := &d.entries[i]; !e.deleted() {
			n.entries = append(n.entries, *e)
			n.place(e.h, int32(len(n.entries)))
		}
	}
	n.used, n.filled = len(n.entries), len(n.entries)
	return n
}

func (d *Dict) keys() []Val {
	out := make([]Val, 0, d.Len())
	for i := range d.entries {
		if !d.entries[i].deleted() {
			out = append(out, d.entries[i].key())
		}
	}
	return out
}

// DictView is dict.keys(), .values() or .items().
type DictView struct {
	d    *Dict
	kind string
}

func (v *DictView) typeName() string { return "dict_" + v.kind }

func (v *DictView) items() []Val {
	out := make([]Val, 0, v.d.Len())
	for i := range v.d.entries {
		e := &v.d.entries[i]
		if e.deleted() {
			continue
		}
		switch v.kind {
		case "keys":
			out = append(out, e.key())
		case "values":
			out = append(out, e.val())
		default:
			out = append(out, ObjVal(&Tuple{items: []Val{e.key(), e.val()}}))
		}
	}
	return out
}

// pyIntHash is CPython's hash of an int that fits in int64.
func pyIntHash(x int64) int64 {
	if uint64(x)+(hashModulus-1) < 2*hashModulus-1 {
		// |x| < 2**61-1, nearly every int: x is its own residue.
		if x == -1 {
			return -2
		}
		return x
	}
	return pyIntHashWide(x)
}

// pyIntHashWide is pyIntHash of an int whose magnitude is 2**61-1 or more
// (not inlined, so pyIntHash is).
//
//go:noinline
func pyIntHashWide(x int64) int64 {
	u := uint64(x)
	if x < 0 {
		u = -u
	}
	return signedHash(modP(u), x < 0)
}

// mergeArg is dict(arg) and d.update(arg): a dict's entries, a
// mapping's keys() and an item for each (CPython's PyDict_Merge takes
// anything with keys as a mapping), or else pairs.
func (vm *VM) mergeArg(d *Dict, arg Val) error {
	src, ok := arg.O.(*Dict)
	inst, isInst := arg.O.(*Instance)
	isInst = isInst && arg.T == tagObject
	if isInst && !inst.hasMethod("keys") {
		// A dict subclass that keeps dict's keys: its items.
		if b, has := builtinValue(arg); has {
			src, ok = b.O.(*Dict)
		}
	}
	if ok {
		for _, e := range src.live() {
			if err := d.set(e.k, e.v); err != nil {
				return err
			}
		}
		return nil
	}
	if !isInst || !inst.hasMethod("keys") {
		return vm.mergePairs(d, arg)
	}
	km, err := vm.getAttr(arg, "keys")
	if err != nil {
		return err
	}
	keys, err := vm.call(km, nil, nil)
	if err != nil {
		return err
	}
	ks, err := vm.iterate(keys)
	if err != nil {
		return err
	}
	for _, k := range ks {
		v, err := vm.getItem(arg, k)
		if err != nil {
			return err
		}
		if err := d.set(k, v); err != nil {
			return err
		}
	}
	return nil
}

// mergePairs is dict(pairs) and d.update(pairs): each element of src
// must unpack to a key and a value. As CPython's dict_merge_from_seq2,
// an element that cannot be iterated is a TypeError naming its place,
// one of another length a ValueError; other errors pass unchanged.
func (vm *VM) mergePairs(d *Dict, src Val) error {
	items, err := vm.iterate(src)
	if err != nil {
		return err
	}
	for i, it := range items {
		kv, err := vm.iterate(it)
		if err != nil {
			if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(TypeError) {
				return newErr(TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			return err
		}
		if len(kv) != 2 {
			return newErr(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(kv))
		}
		if err := d.set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}
