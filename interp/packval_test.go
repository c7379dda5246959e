package interp

import (
	"math"
	"math/big"
	"runtime"
	"testing"
)

// TestPackRoundTrip packs values of every tag and kind of object into the
// two-word form dict entries keep and checks each comes back the same
// value (tag, bits and object), that packed values compare equal exactly
// when the values are the same, and that a number whose bits happen to be
// an itab's address is not taken for an object.
func TestPackRoundTrip(t *testing.T) {
	l, s := &List{}, &Str{s: "abc"}
	inst := &Instance{}
	vals := []Val{
		{},
		IntVal(0), IntVal(-1), IntVal(math.MaxInt64), IntVal(math.MinInt64),
		IntVal(int64(strTab)), IntVal(int64(listTab)), IntVal(int64(instTab)),
		FloatVal(0), FloatVal(-0.5), FloatVal(math.Inf(1)), FloatVal(math.NaN()),
		True, False, NoneVal,
		ObjVal(l), ObjVal(s), ObjVal(inst), StrVal(""),
		ObjVal(&Tuple{items: []Val{IntVal(1)}}), ObjVal(&Tuple{}),
		bigVal(new(big.Int).Lsh(big.NewInt(3), 100)), ObjVal(newDict()), ObjVal(newSet()),
	}
	for i, v := range vals {
		p := pack(v)
		got := p.unpack()
		if got.T != v.T || got.B != v.B || got.O != v.O {
			t.Errorf("%d: %#v packed and unpacked is %#v", i, v, got)
		}
		if p.isObj() != (v.T == tagObject) {
			t.Errorf("%d: %#v: isObj %v", i, v, p.isObj())
		}
		if (p.str() != nil) != v.isStr() {
			t.Errorf("%d: %#v: str() %v", i, v, p.str())
		}
		for j, w := range vals {
			if (pack(w) == p) != (i == j) {
				t.Errorf("%d, %d: %#v and %#v packed compare %v", i, j, v, w, pack(w) == p)
			}
		}
	}
}

// TestPackedDictKeepsObjects fills a dict with objects reachable only
// through it, collects garbage, and reads them back: the collector must
// see the packed entries' pointers.
func TestPackedDictKeepsObjects(t *testing.T) {
	d := newDict()
	for i := range 2000 {
		k := ObjVal(&Tuple{items: []Val{IntVal(int64(i)), StrVal("k")}})
		if err := d.set(k, StrVal(string(rune('a'+i%26))+"x")); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	runtime.GC()
	// Garbage of the same sizes, to reuse anything wrongly freed.
	junk := make([]Val, 0, 4000)
	for i := range 4000 {
		junk = append(junk, ObjVal(&Tuple{items: []Val{IntVal(-1), StrVal("junk")}}), StrVal(string(rune('A'+i%26))+"y"))
	}
	for i := range 2000 {
		v, ok, err := d.get(ObjVal(&Tuple{items: []Val{IntVal(int64(i)), StrVal("k")}}))
		if err != nil || !ok {
			t.Fatalf("key %d lost (%v)", i, err)
		}
		if want := string(rune('a'+i%26)) + "x"; v.str() == nil || v.str().s != want {
			t.Fatalf("key %d: value %#v, want %q", i, v, want)
		}
	}
	runtime.KeepAlive(junk)
}
