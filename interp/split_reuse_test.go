package interp

import "testing"

// TestSplitLoopMarks checks which loops the compiler marks as walking a
// list only split made for them (split_reuse.go).
func TestSplitLoopMarks(t *testing.T) {
	cases := []struct {
		src  string
		want []int32 // E of the GET_ITERs in order
	}{
		{"def f(s):\n    for w in s.split():\n        pass\n", []int32{ownedIter | ownedSplit}},
		{"def f(s):\n    for w in s.split(','):\n        pass\n", []int32{ownedIter | ownedSplit}},
		{"def f(s):\n    return [w for w in s.split()]\n", []int32{ownedIter | ownedSplit}},
		{"def f(s):\n    for w in s.strip().split():\n        pass\n", []int32{ownedIter | ownedSplit}},
		{"def f(s):\n    for w in s.split(sep=','):\n        pass\n", []int32{ownedIter}},
		{"def f(s):\n    for w in s.rsplit():\n        pass\n", []int32{ownedIter}},
		{"def f(s):\n    ws = s.split()\n    for w in ws:\n        pass\n", []int32{ownedIter}},
		{"def f(s):\n    for w in split(s):\n        pass\n", []int32{ownedIter}},
	}
	for _, tc := range cases {
		body, spans, err := parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		mod, _, err := compileModule("t.py", tc.src, body, spans, []string{"", "", "", "", ""})
		if err != nil {
			t.Fatal(err)
		}
		var got []int32
		for _, in := range mod.funcs[0].instrs {
			if in.Op == opGetIter {
				got = append(got, in.E)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: GET_ITER marks %v, want %v", tc.src, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: GET_ITER marks %v, want %v", tc.src, got, tc.want)
				break
			}
		}
	}
}

// TestSplitLoopRecycles runs loops over split() and checks that the lists
// they finished went to the pool emptied, that the words the program kept
// are intact though later splits reuse the lists, and that a list someone
// else holds (a split method of the program's own returning it, a loop
// left by break) is not recycled.
func TestSplitLoopRecycles(t *testing.T) {
	src := `kept = []
held = ["x", "y"]
class Text:
    def split(self):
        return held
def f(lines):
    n = 0
    for line in lines:
        for w in line.split():
            n += len(w)
            if w.startswith("k"):
                kept.append(w)
        kept.extend([w for w in line.split(",") if w.startswith("c")])
    for w in "a b c".split():
        if w == "b":
            break
    for w in Text().split():
        n += 1
    return n
lines = ["alpha beta kappa gamma", "delta,c1 kilo", "epsilon zeta eta theta iota kite lambda mu nu xi", "c2,c3"]
print(f(lines * 3))
print(kept, held)
`
	vm, printed := runInterpreted(t, src)
	// CPython 3.11's output.
	want := "227\n['kappa', 'kilo', 'c1 kilo', 'kite', 'c2', 'c3', 'kappa', 'kilo', 'c1 kilo', 'kite', 'c2', 'c3', 'kappa', 'kilo', 'c1 kilo', 'kite', 'c2', 'c3'] ['x', 'y']\n"
	if printed != want {
		t.Errorf("printed %q, want %q", printed, want)
	}
	p := &vm.splitPool
	if p.n == 0 {
		t.Fatalf("no split list recycled")
	}
	held := vm.mod.load(int32(vm.mod.global("held"))).O.(*List)
	for _, l := range p.l[:p.n] {
		if l == held {
			t.Errorf("the program's own list was recycled")
		}
		if len(l.vals) != 0 || len(l.objs) != 0 {
			t.Errorf("a pooled list is not empty: %d items", len(l.vals))
		}
		for _, o := range l.objs[:cap(l.objs)] {
			if o != nil {
				t.Errorf("a pooled list still holds %v", o)
				break
			}
		}
	}
	if held.Len() != 2 {
		t.Errorf("held has %d items, want 2", held.Len())
	}
	if vm.splitNote != nil || vm.extraFrame != nil {
		t.Errorf("a split list or frame is still noted after the run")
	}
}
