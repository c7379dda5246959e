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
		if (&snapshot{pc: pc}).tempDead(co, tmp) {
			t.Errorf("temporary %d dead at its move (pc %d)", tmp, pc)
		}
		if !(&snapshot{pc: ret}).tempDead(co, tmp) {
			t.Errorf("temporary %d live at the return (pc %d)", tmp, ret)
		}
	}
	if (&snapshot{pc: ret}).tempDead(co, 0) {
		t.Error("a parameter is dead")
	}
}
