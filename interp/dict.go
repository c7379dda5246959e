package interp

import (
	"math"
	"strings"
)

// hkey is a Go map key with Python's equality: 1, 1.0 and True are one key.
type hkey struct {
	k uint8
	i uint64
	s string
	o Object
}

func hashKey(v Val) (hkey, error) { return hashKeyDepth(v, 0) }

func hashKeyDepth(v Val, depth int) (hkey, error) {
	if depth > maxNest {
		return hkey{}, newErr(RecursionError, "maximum recursion depth exceeded")
	}
	switch v.T {
	case tagInt, tagBool:
		return hkey{k: 1, i: v.B}, nil
	case tagFloat:
		f := v.F()
		if f == math.Trunc(f) && math.Abs(f) < 9.2e18 {
			return hkey{k: 1, i: uint64(int64(f))}, nil
		}
		return hkey{k: 2, i: v.B}, nil
	case tagNone:
		return hkey{k: 5}, nil
	}
	switch o := v.O.(type) {
	case *Str:
		return hkey{k: 4, s: o.s}, nil
	case *BigInt:
		return hkey{k: 3, s: o.v.String()}, nil
	case *Tuple:
		var b strings.Builder
		for _, x := range o.items {
			h, err := hashKeyDepth(x, depth+1)
			if err != nil {
				return hkey{}, err
			}
			if h.o != nil {
				return hkey{k: 7, o: o}, nil
			}
			b.WriteByte(h.k)
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

func (d *Dict) get(k Val) (Val, bool, error) {
	h, err := d.hash(k)
	if err != nil {
		return Val{}, false, err
	}
	if i, ok := d.index[h]; ok {
		return d.entries[i].v, true, nil
	}
	return Val{}, false, nil
}

func (d *Dict) set(k, v Val) error {
	h, err := d.hash(k)
	if err != nil {
		return err
	}
	if i, ok := d.index[h]; ok {
		d.entries[i].v = v
		return nil
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
	i, ok := d.index[h]
	if !ok {
		return Val{}, false, nil
	}
	v := d.entries[i].v
	delete(d.index, h)
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
