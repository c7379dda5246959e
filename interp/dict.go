package interp

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// hkey is a Go map key with Python's equality: 1, 1.0 and True are one key.
//
// An instance whose class defines __hash__ has k == kCustom and i its hash;
// instances with equal hashes may still differ (__eq__ decides), so a dict
// keeps them in a chain: the n-th has s = strconv.Itoa(n) (see Dict.find).
type hkey struct {
	k uint8
	i uint64
	s string
	o Object
}

const kCustom = 8

func hashKey(v Val) (hkey, error) { return hashKeyDepth(v, 0) }

// instanceHash is the key of an instance: by its __hash__ when its class
// defines one, unhashable when the class defines __eq__ without __hash__
// (as CPython sets __hash__ to None then), else by identity.
func instanceHash(v Val, o *Instance) (hkey, error) {
	vm := o.cls.vm
	if m, ok := o.cls.lookup("__hash__"); ok && vm != nil {
		if m.T == tagNone {
			return hkey{}, newErr(TypeError, "unhashable type: '%s'", o.cls.name)
		}
		r, err := vm.call(m, []Val{v}, nil)
		if err != nil {
			return hkey{}, err
		}
		switch {
		case r.T == tagInt || r.T == tagBool:
			return hkey{k: kCustom, i: r.B}, nil
		case r.T == tagObject:
			if b, ok := r.O.(*BigInt); ok {
				return hkey{k: kCustom, i: b.v.Uint64()}, nil
			}
		}
		return hkey{}, newErr(TypeError, "__hash__ method should return an integer")
	}
	if _, ok := o.cls.lookup("__eq__"); ok {
		return hkey{}, newErr(TypeError, "unhashable type: '%s'", o.cls.name)
	}
	return hkey{k: 7, o: o}, nil
}

// bigKey stands for a big int in a key: its sign and magnitude's bytes
// (not its decimal digits, which take long to make for a huge int).
func bigKey(b *big.Int) string {
	if b.Sign() < 0 {
		return "-" + string(b.Bytes())
	}
	return "+" + string(b.Bytes())
}

func hashKeyDepth(v Val, depth int) (hkey, error) {
	if depth >= maxNest {
		return hkey{}, stackOverflow("")
	}
	switch v.T {
	case tagInt, tagBool:
		return hkey{k: 1, i: v.B}, nil
	case tagFloat:
		f := v.F()
		if f == math.Trunc(f) && f >= -1<<63 && f < 1<<63 {
			return hkey{k: 1, i: uint64(int64(f))}, nil
		}
		if f == math.Trunc(f) && !math.IsInf(f, 0) {
			// Equal to a big int: the same key.
			b, _ := new(big.Float).SetFloat64(f).Int(nil)
			return hkey{k: 3, s: bigKey(b)}, nil
		}
		return hkey{k: 2, i: v.B}, nil
	case tagNone:
		return hkey{k: 5}, nil
	}
	switch o := v.O.(type) {
	case *Str:
		return hkey{k: 4, s: o.s}, nil
	case *BigInt:
		return hkey{k: 3, s: bigKey(&o.v)}, nil
	case *Tuple:
		var b strings.Builder
		for _, x := range o.items {
			h, err := hashKeyDepth(x, depth+1)
			if err != nil {
				return hkey{}, err
			}
			b.WriteByte(h.k)
			if h.o != nil {
				// By identity: the object's address stands for it.
				b.WriteString(fmt.Sprintf("%p", h.o))
			}
			b.WriteString(strings.Repeat("\x00", 0))
			for j := 0; j < 8; j++ {
				b.WriteByte(byte(h.i >> (8 * j)))
			}
			b.WriteString(h.s)
			b.WriteByte(0xff)
			b.WriteByte(byte(len(h.s)))
		}
		return hkey{k: 6, s: b.String()}, nil
	case *List, *Dict, *Set:
		return hkey{}, newErr(TypeError, "unhashable type: '%s'", o.typeName())
	case *Instance:
		return instanceHash(v, o)
	}
	return hkey{k: 7, o: v.O}, nil
}

type dictEntry struct {
	k, v    Val
	deleted bool
}

// Dict keeps insertion order: entries in order, index maps keys to positions.
type Dict struct {
	entries []dictEntry
	index   map[hkey]int
	dead    int
	isSet   bool // the Dict behind a Set: errors say "set element"
	// collections: a defaultdict's factory, or a Counter (missing keys count 0).
	factory Val
	counter bool
}

// hash is hashKey with CPython 3.14's container-specific message.
func (d *Dict) hash(k Val) (hkey, error) {
	h, err := hashKey(k)
	if pe, ok := err.(*PyErr); ok && !strings.HasPrefix(excStr(nil, pe.exc), "unhashable type") {
		return h, err // raised by a __hash__ method: as it is
	}
	if err != nil {
		what := "a dict key"
		if d.isSet {
			what = "a set element"
		}
		return h, newErr(TypeError, "cannot use '%s' as %s (unhashable type: '%s')", typeName(k), what, typeName(k))
	}
	return h, nil
}

func (*Dict) typeName() string { return "dict" }

func newDict() *Dict { return &Dict{index: map[hkey]int{}} }

func (d *Dict) Len() int { return len(d.entries) - d.dead }

// find looks k (whose key is h) up: it returns the index key of k's entry
// and the entry's position, or the index key where k would go and false.
// Only instances with __hash__ chain (kCustom): __eq__ tells them apart.
func (d *Dict) find(k Val, h hkey) (hkey, int, bool) {
	if h.k != kCustom {
		i, ok := d.index[h]
		return h, i, ok
	}
	vm := k.O.(*Instance).cls.vm
	for n := 0; ; n++ {
		h.s = strconv.Itoa(n)
		i, ok := d.index[h]
		if !ok {
			return h, -1, false
		}
		if d.entries[i].k.O == k.O || vm.equal(d.entries[i].k, k) {
			return h, i, true
		}
	}
}

func (d *Dict) get(k Val) (Val, bool, error) {
	h, err := d.hash(k)
	if err != nil {
		return Val{}, false, err
	}
	if _, i, ok := d.find(k, h); ok {
		return d.entries[i].v, true, nil
	}
	return Val{}, false, nil
}

func (d *Dict) set(k, v Val) error {
	h, err := d.hash(k)
	if err != nil {
		return err
	}
	h, i, ok := d.find(k, h)
	if ok {
		d.entries[i].v = v
		return nil
	}
	if n := len(d.entries); n == cap(d.entries) {
		// The entries and the index grow: about 200 bytes an entry.
		if err := memCheckMul(uint64(n)+uint64(n)/4+8, 200); err != nil {
			return err
		}
	}
	d.index[h] = len(d.entries)
	d.entries = append(d.entries, dictEntry{k: k, v: v})
	return nil
}

func (d *Dict) del(k Val) (Val, bool, error) {
	h, err := d.hash(k)
	if err != nil {
		return Val{}, false, err
	}
	h, i, ok := d.find(k, h)
	if !ok {
		return Val{}, false, nil
	}
	v := d.entries[i].v
	delete(d.index, h)
	if h.k == kCustom {
		// Keep the chain unbroken: its last link fills the gap.
		n, _ := strconv.Atoi(h.s)
		last := h
		for m := n + 1; ; m++ {
			next := hkey{k: kCustom, i: h.i, s: strconv.Itoa(m)}
			if _, ok := d.index[next]; !ok {
				break
			}
			last = next
		}
		if last != h {
			d.index[h] = d.index[last]
			delete(d.index, last)
		}
	}
	d.entries[i] = dictEntry{deleted: true}
	d.dead++
	if d.dead > 16 && d.dead > len(d.entries)/2 {
		d.compact()
	}
	return v, true, nil
}

func (d *Dict) compact() {
	live := d.entries[:0:0]
	for _, e := range d.entries {
		if !e.deleted {
			live = append(live, e)
		}
	}
	d.entries = live
	d.dead = 0
	d.index = make(map[hkey]int, len(live))
	for i, e := range live {
		h, _ := hashKey(e.k)
		if h.k == kCustom {
			for n := 0; ; n++ {
				h.s = strconv.Itoa(n)
				if _, taken := d.index[h]; !taken {
					break
				}
			}
		}
		d.index[h] = i
	}
}

func (d *Dict) keys() []Val {
	out := make([]Val, 0, d.Len())
	for _, e := range d.entries {
		if !e.deleted {
			out = append(out, e.k)
		}
	}
	return out
}

// Set is a Python set, kept in insertion order (CPython's order differs for
// non-int keys; programs that print sets of ints small enough agree).
type Set struct{ d *Dict }

func (*Set) typeName() string { return "set" }

func newSet() *Set { return &Set{d: &Dict{index: map[hkey]int{}, isSet: true}} }

// DictView is dict.keys(), .values() or .items().
type DictView struct {
	d    *Dict
	kind string
}

func (v *DictView) typeName() string { return "dict_" + v.kind }

func (v *DictView) items() []Val {
	out := make([]Val, 0, v.d.Len())
	for _, e := range v.d.entries {
		if e.deleted {
			continue
		}
		switch v.kind {
		case "keys":
			out = append(out, e.k)
		case "values":
			out = append(out, e.v)
		default:
			out = append(out, ObjVal(&Tuple{[]Val{e.k, e.v}}))
		}
	}
	return out
}

// ordered returns a set's elements in the order CPython would iterate
// them when every element is an int: by hash slot in a table sized the way
// CPython grows it. Other sets keep insertion order (CPython's string
// hashes are randomised, so no program can depend on their order).
func (s *Set) ordered() []Val {
	keys := s.d.keys()
	for _, k := range keys {
		if k.T != tagInt && k.T != tagBool {
			return keys
		}
	}
	size, fill := 8, 0
	for range s.d.entries {
		fill++
		if fill*5 >= (size-1)*3 {
			want := fill * 4
			if fill > 50000 {
				want = fill * 2
			}
			size = 8
			for size <= want {
				size <<= 1
			}
		}
	}
	for size <= len(keys) {
		size <<= 1
	}
	table := make([]int, size)
	for i := range table {
		table[i] = -1
	}
	mask := uint64(size - 1)
	for i, k := range keys {
		h := uint64(pyIntHash(int64(k.B)))
		j := h & mask
		for table[j] >= 0 {
			j = (j + 1) & mask
		}
		table[j] = i
	}
	out := make([]Val, 0, len(keys))
	for _, i := range table {
		if i >= 0 {
			out = append(out, keys[i])
		}
	}
	return out
}

// pyIntHash is CPython's hash of an int that fits in int64.
func pyIntHash(x int64) int64 {
	const modulus = 1<<61 - 1
	neg := x < 0
	u := uint64(x)
	if neg {
		u = -u
	}
	h := int64(u % modulus)
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// getStr looks up a str key without building a str value (attribute dicts).
func (d *Dict) getStr(name string) (Val, bool) {
	if i, ok := d.index[hkey{k: 4, s: name}]; ok {
		return d.entries[i].v, true
	}
	return Val{}, false
}
