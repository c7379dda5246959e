package interp

import (
	"runtime/metrics"
	"testing"
)

// TestSmallListPool checks the pool of whole small lists: a list is kept
// by capacity, emptied, taken once, for its length or one less; lists with
// objects and lists past roomMax are not kept.
func TestSmallListPool(t *testing.T) {
	var p smallLists
	l := newListLen(5)
	l.priv = false
	if !p.put(l) || len(l.vals) != 0 {
		t.Fatalf("put a 5-slot list: kept %v, %d slots left", p.n[5], len(l.vals))
	}
	if r := p.take(3); r != nil {
		t.Fatalf("took a 5-slot list for 3")
	}
	if r := p.take(5); r != l || len(r.vals) != 5 {
		t.Fatalf("took %p (%d slots), want the kept list", r, len(r.vals))
	}
	if r := p.take(5); r != nil {
		t.Fatal("took a list twice")
	}
	l11 := newListLen(11) // a room of 12
	p.put(l11)
	if r := p.take(11); r != l11 || len(r.vals) != 11 {
		t.Fatalf("took %p for 11, want the 12-slot room", r)
	}
	if p.put(newListObjs(3)) || p.put(newListLen(roomMax+1)) {
		t.Fatal("kept a list with objects or a long one")
	}
	for range smallDepth + 2 {
		p.put(newListLen(2))
	}
	if p.n[2] != smallDepth {
		t.Fatalf("class 2 holds %d", p.n[2])
	}
}

// TestSmallListReuse checks that the lists [x] + t and t[:k] + t[k+1:]
// drop at the + are made again in the same memory, and that their reuse
// leaves every list what it was (the results escape into a list).
func TestSmallListReuse(t *testing.T) {
	src := `def f(t, n):
    kept = []
    s = 0
    for i in range(n):
        k = i % 5
        r = t[:k] + t[k + 1:]
        u = [i] + r
        s += u[0] + u[k]
        if i % 1000 == 0:
            kept.append(u)
    return s, kept[:3], kept[-1]
print(f([1, 2, 3, 4, 5, 6], 20000))
`
	out, objects := allocsRunning(t, src)
	want := "(240020000, [[0, 2, 3, 4, 5, 6], [1000, 2, 3, 4, 5, 6], [2000, 2, 3, 4, 5, 6]], [19000, 2, 3, 4, 5, 6])\n"
	if out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
	// Two lists an iteration (r and u) escape the slices' reuse; the two
	// slices and [i] were three more.
	if objects > 3*20000 {
		t.Errorf("%d objects allocated for 20000 iterations", objects)
	}
}

// allocsRunning runs src in the interpreter and returns its output and the
// heap objects Go allocated meanwhile.
func allocsRunning(t *testing.T, src string) (string, uint64) {
	t.Helper()
	sample := []metrics.Sample{{Name: "/gc/heap/allocs:objects"}}
	metrics.Read(sample)
	before := sample[0].Value.Uint64()
	_, out := runInterpreted(t, src)
	metrics.Read(sample)
	return out, sample[0].Value.Uint64() - before
}
