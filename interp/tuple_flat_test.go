package interp

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// TestFlatTupleSizes checks the layout newFlatTuple allocates by hand: a
// Tuple header of four words, then the items, as tupleIn has them.
func TestFlatTupleSizes(t *testing.T) {
	if s := unsafe.Sizeof(Tuple{}); s != 32 {
		t.Fatalf("Tuple is %d bytes, newFlatTuple allocates 32", s)
	}
	if s := unsafe.Sizeof(Val{}); s != 32 {
		t.Fatalf("Val is %d bytes, newFlatTuple allocates 32 an item", s)
	}
	if s := unsafe.Sizeof(tupleIn[[9]Val]{}); s != 32+9*32 {
		t.Fatalf("tupleIn of 9 is %d bytes", s)
	}
	for n := 1; n <= flatTupleMax+2; n++ {
		tp := newFlatTuple(n)
		if len(tp.items) != n || cap(tp.items) != n {
			t.Fatalf("newFlatTuple(%d) has %d items, cap %d", n, len(tp.items), cap(tp.items))
		}
		if n <= flatTupleMax && uintptr(unsafe.Pointer(&tp.items[0])) != uintptr(unsafe.Pointer(tp))+32 {
			t.Fatalf("newFlatTuple(%d)'s items are not right after its header", n)
		}
	}
}

// TestFlatTuplesSurviveGC checks that flat tuples, which the collector does
// not scan, keep their items and stay usable as keys across collections
// while nothing but a dict holds them.
func TestFlatTuplesSurviveGC(t *testing.T) {
	l := newListLen(9)
	d := newDict()
	for i := range 5000 {
		for k := range l.vals {
			l.vals[k] = templates.Value{Tag: tagInt, Bits: uint64(i*9 + k)}
		}
		if err := d.set(ObjVal(tupleOfList(l)), IntVal(int64(i))); err != nil {
			t.Fatal(err)
		}
		if err := d.set(ObjVal(pairOf(IntVal(int64(i)), NoneVal)), IntVal(int64(-i))); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	runtime.GC()
	for i := range 5000 {
		k := newFlatTuple(9)
		for j := range k.items {
			k.items[j] = IntVal(int64(i*9 + j))
		}
		v, ok, err := d.get(ObjVal(k))
		if err != nil || !ok || v != IntVal(int64(i)) {
			t.Fatalf("d[%v] = %v, %v, %v", k.items, v, ok, err)
		}
		v, ok, err = d.get(ObjVal(flatPair(IntVal(int64(i)), NoneVal)))
		if err != nil || !ok || v != IntVal(int64(-i)) {
			t.Fatalf("d[%d, None] = %v, %v, %v", i, v, ok, err)
		}
	}
}

// TestFlatTuplesNoScan checks that the collector has no scanning to do in
// flat tuples: holding 20 thousand 9-tuples made by newTuple adds their
// 6.4 MB to the scannable heap, by newFlatTuple next to nothing.
func TestFlatTuplesNoScan(t *testing.T) {
	scanned := func(alloc func(int) *Tuple) int64 {
		keep := make([]*Tuple, 20000)
		for i := range keep {
			keep[i] = alloc(9)
		}
		runtime.GC()
		s := []metrics.Sample{{Name: "/gc/scan/heap:bytes"}}
		metrics.Read(s)
		runtime.KeepAlive(keep)
		return int64(s[0].Value.Uint64())
	}
	base := scanned(func(int) *Tuple { return nil })
	typed, flat := scanned(newTuple)-base, scanned(newFlatTuple)-base
	if typed < 5<<20 || flat > 1<<20 {
		t.Errorf("scannable heap grew %d bytes for typed tuples, %d for flat ones", typed, flat)
	}
}

// TestTupleIndexFast checks that t.index(x) of an int over ints and None
// answers without seqMethod (no VM to fall back on here).
func TestTupleIndexFast(t *testing.T) {
	tp := tupleOf([]Val{IntVal(1), NoneVal, IntVal(-2), IntVal(0), IntVal(0)})
	for _, c := range []struct{ x, want int64 }{{1, 0}, {-2, 2}, {0, 3}} {
		v, err := tupleIndexFast(nil, tp, []Val{IntVal(c.x)}, nil)
		if err != nil || v != IntVal(c.want) {
			t.Errorf("index(%d) = %v, %v; want %d", c.x, v, err, c.want)
		}
	}
}
