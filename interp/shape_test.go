package interp

import (
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
)

func TestShapesShared(t *testing.T) {
	cls := &Class{name: "P", attrs: map[string]Val{}}
	cls.root = newRootShape(cls)
	build := func(names ...string) *Instance {
		x := newInstanceOf(cls, 0)
		for i, n := range names {
			x.set(n, IntVal(int64(i)))
		}
		return x
	}
	a, b, c := build("x", "y"), build("x", "y"), build("y", "x")
	if a.shape != b.shape {
		t.Errorf("same attributes in the same order: shapes differ")
	}
	if a.shape == c.shape {
		t.Errorf("different orders share a shape")
	}
	if v, _ := c.get("x"); v.I() != 1 {
		t.Errorf("c.x = %d, want 1", v.I())
	}
	a.set("x", IntVal(7)) // an existing attribute keeps the shape
	if a.shape != b.shape {
		t.Errorf("overwriting an attribute changed the shape")
	}
	if !a.del("x") || !a.shape.private || a.shape == b.shape {
		t.Errorf("del: shape %+v, want a private one", a.shape)
	}
	if got := fmt.Sprint(a.attrNames()); got != "[y]" {
		t.Errorf("after del: attributes %s, want [y]", got)
	}
	if b.shape.private || len(b.shape.names) != 2 {
		t.Errorf("del on one instance changed another's shape")
	}
	many := build()
	for i := range maxSharedAttrs + 10 {
		many.set(fmt.Sprint("a", i), IntVal(int64(i)))
	}
	if !many.shape.private {
		t.Errorf("%d attributes: shape still shared", maxSharedAttrs+10)
	}
	if v, ok := many.get("a70"); !ok || v.I() != 70 {
		t.Errorf("a70 = %v %v", v, ok)
	}
}

func TestSiteCachePolymorphic(t *testing.T) {
	vm := &VM{}
	var site atomic.Pointer[siteCache]
	classes := make([]*Class, siteWays+1)
	insts := make([]*Instance, len(classes))
	for i := range classes {
		c := &Class{name: fmt.Sprint("C", i), attrs: map[string]Val{}}
		c.root, c.mro = newRootShape(c), []*Class{c}
		classes[i] = c
		insts[i] = newInstanceOf(c, 1)
		insts[i].set("v", IntVal(int64(i)))
	}
	for round := range 2 {
		for i, x := range insts[:siteWays] {
			v, err := vm.loadAttr(&site, x, ObjVal(x), "v")
			if err != nil || v.I() != int64(i) {
				t.Fatalf("round %d: C%d.v = %v %v", round, i, v, err)
			}
		}
	}
	if c := site.Load(); c == nil || c.n != siteWays || c.mega {
		t.Fatalf("after %d shapes: site %+v, want %d entries", siteWays, c, siteWays)
	}
	if e := site.Load().lookup(insts[0]); e == nil || e.kind != cacheSlot {
		t.Fatalf("C0 not cached as a slot")
	}
	x := insts[siteWays]
	if v, err := vm.loadAttr(&site, x, ObjVal(x), "v"); err != nil || v.I() != siteWays {
		t.Fatalf("5th shape: %v %v", v, err)
	}
	if !site.Load().megamorphic() {
		t.Errorf("a site that saw %d live shapes is not megamorphic", siteWays+1)
	}
	// A class change makes its entries miss.
	classes[0].changed()
	if e := site.Load().lookup(insts[0]); e != nil {
		t.Errorf("entry of a changed class still hits")
	}
}

// TestSiteCacheIndex checks the shape index against a scan of the ways:
// every site of 1 to siteWays shapes, among many shapes so that some
// sites have colliding buckets (whole false, the scan behind the index),
// finds each of its shapes at its own way and no other shape, both as
// learn indexed it (a multiplier without collisions when one of
// hashMuls has none) and indexed with the first multiplier alone.
func TestSiteCacheIndex(t *testing.T) {
	const nshapes = 200
	insts := make([]*Instance, nshapes)
	for i := range insts {
		c := &Class{name: fmt.Sprint("C", i), attrs: map[string]Val{}}
		c.root, c.mro = newRootShape(c), []*Class{c}
		insts[i] = newInstanceOf(c, 1)
	}
	// Windows of consecutive shapes, and (since shapes allocated in a
	// row may hash apart) shapes sharing a bucket (200 shapes in 32
	// buckets: some bucket holds several) with others after them.
	var groups [][]int
	for start := 0; start+siteWays <= nshapes; start += 3 {
		var g []int
		for i := range siteWays {
			g = append(g, start+i)
		}
		groups = append(groups, g)
	}
	byBucket := map[uintptr][]int{}
	for i, x := range insts {
		h := shapeHash(x.shape, hashMuls[0])
		byBucket[h] = append(byBucket[h], i)
	}
	for _, same := range byBucket {
		if len(same) > 1 {
			g := same[:min(len(same), siteWays)]
			for i := 0; len(g) < siteWays; i++ {
				if !slices.Contains(g, i) {
					g = append(g, i)
				}
			}
			groups = append(groups, g)
		}
	}
	collided := false
	for _, g := range groups {
		for n := 1; n <= len(g); n++ {
			var site atomic.Pointer[siteCache]
			for k, i := range g[:n] {
				x := insts[i]
				learn(&site, cacheEntry{shape: x.shape, version: x.cls.version.Load(), kind: cacheSlot, slot: int32(k)})
			}
			learnt := site.Load()
			first := *learnt
			if !first.indexWith(hashMuls[0]) {
				collided = true
			}
			for _, c := range []*siteCache{learnt, &first} {
				checkSite(t, c, g[:n], insts)
			}
		}
	}
	if !collided {
		t.Errorf("no site had colliding buckets: the scan behind the index went untested")
	}
}

// checkSite checks that site c of the shapes of insts[g...] finds each
// of them at its way and no other instance's shape.
func checkSite(t *testing.T, c *siteCache, g []int, insts []*Instance) {
	t.Helper()
	for i, x := range insts {
		e := c.lookup(x)
		k := slices.Index(g, i)
		if k >= 0 && (e == nil || e.shape != x.shape || e.slot != int32(k)) {
			t.Fatalf("site of shapes %v (mul %#x): shape %d not found at its way (%+v)", g, c.mul, i, e)
		}
		if k < 0 && e != nil {
			t.Fatalf("site of shapes %v (mul %#x): shape %d found (%+v)", g, c.mul, i, e)
		}
	}
}
