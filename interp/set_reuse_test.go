package interp

import "testing"

// TestLenOfSetMarks checks which calls the compiler marks as a set made
// only for len (set_reuse.go): the inner call writing straight into len's
// one argument, and that len.
func TestLenOfSetMarks(t *testing.T) {
	cases := []struct {
		src  string
		want []int32 // E of the CALLs in order, ownedArg bits dropped
	}{
		{"def f(a):\n    return len(set(x for x in a))\n", []int32{freshSetA, lenFreshArg}},
		{"def f(a):\n    return len(set(a))\n", []int32{freshSetA, lenFreshArg}},
		{"def f(a):\n    return len(set(x for x in a), 1)\n", []int32{0, 0}},
		{"def f(a):\n    return len(a)\n", []int32{0}},
		{"def f(a):\n    return size(set(x for x in a))\n", []int32{0, 0}},
		{"def f(a):\n    s = set(x for x in a)\n    return len(s)\n", []int32{0, 0}},
		{"def f(a):\n    return len(s := set(x for x in a))\n", []int32{0, 0}},
		{"def f(a):\n    return len(set(x for x in a)) + len(set(a))\n", []int32{freshSetA, lenFreshArg, freshSetA, lenFreshArg}},
	}
	for _, tc := range cases {
		body, spans, err := parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		mod, _, err := compileModule("t.py", tc.src, body, spans, []string{"", "", "", ""})
		if err != nil {
			t.Fatal(err)
		}
		var got []int32
		for _, in := range mod.funcs[0].instrs {
			if in.Op == opCall {
				got = append(got, in.E&^(ownedA|ownedArg))
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: CALL marks %v, want %v", tc.src, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: CALL marks %v, want %v", tc.src, got, tc.want)
				break
			}
		}
	}
}

// TestLenOfSetRecycles runs len(set(...)) in a loop and checks that the
// sets it counted went to the pool cleared, with their grown tables, and
// that a set the program kept (through a len of its own) did not. (The
// next set(...) takes what the pool holds, so the program ends with the
// loop.)
func TestLenOfSetRecycles(t *testing.T) {
	src := `kept = []
def own_len(s):
    kept.append(s)
    return len(s)
def f(n):
    t = 0
    for k in range(n):
        t += len(set(i % (k + 1) for i in range(30)))
    return t
def g():
    len = own_len
    return len(set(i for i in range(20)))
print(g(), f(12), sorted(kept[0]) == list(range(20)))
`
	vm, printed := runInterpreted(t, src)
	if got, want := printed, "20 78 True\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	p := &vm.setPool
	if p.nsets == 0 {
		t.Errorf("no set recycled")
	}
	for _, s := range p.sets[:p.nsets] {
		if s.used != 0 || s.fill != 0 || s.table != nil || s.tags != nil || s.objs != nil || s.small != [setMinSize]setSlot{} {
			t.Errorf("a pooled set is not cleared: %+v", s)
		}
	}
	tables := 0
	for k, n := range p.n {
		tables += int(n)
		for _, tb := range p.tables[k][:n] {
			if len(tb) != 1<<(k+4) {
				t.Errorf("class %d holds a table of %d slots", k, len(tb))
			}
		}
	}
	if tables == 0 {
		t.Errorf("no grown table recycled")
	}
	kept := vm.mod.load(int32(vm.mod.global("kept"))).O.(*List)
	if s, ok := kept.at(0).O.(*Set); !ok || s.used != 20 {
		t.Errorf("the kept set was recycled: %+v", kept.at(0))
	}
	if vm.freshSet != nil {
		t.Errorf("a set is still noted after the run")
	}
}
