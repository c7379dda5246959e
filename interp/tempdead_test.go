package interp

import "testing"

// TestTempDead checks what the trace optimizer relies on to drop moves:
// a temporary the compiler released is one no instruction from there on
// reads before writing, and tempDead says so for a snapshot resuming
// there. In `x, y = a + b, a - b` the two temporaries are in use until the
// moves into x and y, and released at the return after.
func TestTempDead(t *testing.T) {
	src := "def f(a, b):\n    x, y = a + b, a - b\n    return x\n"
	body, spans, err := parse(src)
	if err != nil {
		t.Fatal(err)
	}
	mod, _, err := compileModule("t.py", src, body, spans, []string{"", "", ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(mod.funcs) != 1 {
		t.Fatalf("%d functions", len(mod.funcs))
	}
	co := mod.funcs[0]
	if len(co.tempsInUse) != len(co.instrs) {
		t.Fatalf("%d temp counts for %d instructions", len(co.tempsInUse), len(co.instrs))
	}
	first := int32(co.nlocals + len(co.consts))
	var moves []int
	ret := -1
	for pc, in := range co.instrs {
		switch in.Op {
		case opMove:
			if in.B >= first {
				moves = append(moves, pc)
			}
		case opReturn:
			ret = pc
		}
	}
	if len(moves) != 2 || ret < 0 {
		t.Fatalf("moves of temporaries at %v, return at %d:\n%v", moves, ret, co.instrs)
	}
	for _, pc := range moves {
		tmp := co.instrs[pc].B
		if (&snapshot{pc: pc, snapParts: noParts}).tempDead(co, tmp) {
			t.Errorf("temporary %d dead at its move (pc %d)", tmp, pc)
		}
		if !(&snapshot{pc: ret, snapParts: noParts}).tempDead(co, tmp) {
			t.Errorf("temporary %d live at the return (pc %d)", tmp, ret)
		}
	}
	if (&snapshot{pc: ret, snapParts: noParts}).tempDead(co, 0) {
		t.Error("a parameter is dead")
	}
}

// TestTempDeadWrittenFirst: the temporaries of a swap are in use from
// its first GET_ITEM on (the compiler holds both for the tuple), but the
// interpreter resuming at a GET_ITEM writes them before it reads them:
// dead there, live once a SET_ITEM is to store them (and after the
// first SET_ITEM too: tempsInUse still counts both). In a[a[i]] the inner
// GET_ITEM's temporary is read by the outer one, and writing another slot
// first does not make it dead.
func TestTempDeadWrittenFirst(t *testing.T) {
	src := "def f(a, i, j):\n    a[i], a[j] = a[j], a[i]\n    return a\ndef g(a, i):\n    return a[a[i]]\n"
	body, spans, err := parse(src)
	if err != nil {
		t.Fatal(err)
	}
	mod, _, err := compileModule("t.py", src, body, spans, []string{"", "", "", "", ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(mod.funcs) != 2 {
		t.Fatalf("%d functions", len(mod.funcs))
	}
	for _, c := range []struct {
		fn   int
		slot func(co *Code) int32
		dead []bool // at pc 0, 1, ...
	}{
		// f: GET_ITEM x; GET_ITEM y; SET_ITEM x; SET_ITEM y.
		{0, func(co *Code) int32 { return co.instrs[0].A }, []bool{true, false, false}},
		{0, func(co *Code) int32 { return co.instrs[1].A }, []bool{true, true, false, false}},
		// g: GET_ITEM t = a[i]; GET_ITEM r = a[t].
		{1, func(co *Code) int32 { return co.instrs[0].A }, []bool{true, false}},
	} {
		co := mod.funcs[c.fn]
		first := int32(co.nlocals + len(co.consts))
		slot := c.slot(co)
		if slot < first {
			t.Fatalf("%s: slot %d is no temporary:\n%v", co.name, slot, co.instrs)
		}
		for pc, want := range c.dead {
			if got := (&snapshot{pc: pc, snapParts: noParts}).tempDead(co, slot); got != want {
				t.Errorf("%s: temporary %d dead at pc %d (%v) = %v, want %v", co.name, slot, pc, co.instrs[pc].Op, got, want)
			}
		}
	}
}
