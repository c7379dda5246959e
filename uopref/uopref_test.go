package uopref

import (
	"errors"
	"math"
	"testing"

	"github.com/copypatch/copypatch/templates"
)

type V = templates.Value

const S = templates.SlotSize // operand of slot i is i*S

func iv(x int64) V   { return V{Tag: templates.TagInt, Bits: uint64(x)} }
func fv(x float64) V { return V{Tag: templates.TagFloat, Bits: math.Float64bits(x)} }
func bv(b bool) V    { return V{Tag: templates.TagBool, Bits: b2u(b)} }

var (
	nan    = math.NaN()
	inf    = math.Inf(1)
	negZ   = math.Copysign(0, -1)
	maxI   = int64(math.MaxInt64)
	minI   = int64(math.MinInt64)
	sentry = V{Tag: templates.TagObject, Bits: 0xdead} // what an untouched destination holds
)

type stepCase struct {
	name  string
	op    string
	ops   [4]uint64
	in    []V // the frame before; slot 0 is usually the destination
	out   []V // the frame after (nil: unchanged)
	next  Next
	code  templates.ExitCode
	state templates.State // before
	after *templates.State
}

func TestStep(t *testing.T) {
	var cases []stepCase
	add := func(c ...stepCase) { cases = append(cases, c...) }

	// Loads and moves.
	add(
		stepCase{name: "load_int", op: "load_int", ops: [4]uint64{1 * S, uint64(1<<64 - 5)}, in: []V{sentry, sentry}, out: []V{sentry, iv(-5)}},
		stepCase{name: "load_float", op: "load_float", ops: [4]uint64{0, math.Float64bits(2.5)}, in: []V{sentry}, out: []V{fv(2.5)}},
		stepCase{name: "move copies tag and bits", op: "move", ops: [4]uint64{0, 1 * S}, in: []V{sentry, {Tag: templates.TagObject, Bits: 7}}, out: []V{{Tag: templates.TagObject, Bits: 7}, {Tag: templates.TagObject, Bits: 7}}},
		stepCase{name: "move onto itself", op: "move", ops: [4]uint64{S, S}, in: []V{sentry, iv(3)}, out: []V{sentry, iv(3)}},
	)

	// Int arithmetic, with overflow boundaries: an overflow exits and leaves
	// the frame untouched.
	for _, c := range []struct {
		op   string
		a, b int64
		r    int64
		ovf  bool
	}{
		{"int_add", 2, 3, 5, false},
		{"int_add", 2, -5, -3, false},
		{"int_add", -1, 1, 0, false},
		{"int_add", minI, minI, 0, true},
		{"int_add", maxI, 0, maxI, false},
		{"int_add", maxI, 1, 0, true},
		{"int_add", minI, -1, 0, true},
		{"int_add", minI, maxI, -1, false},
		{"int_add", maxI - 1, 1, maxI, false},
		{"int_sub", 5, 7, -2, false},
		{"int_sub", -5, -7, 2, false},
		{"int_sub", 3, 3, 0, false},
		{"int_sub", minI, 1, 0, true},
		{"int_sub", 0, minI, 0, true},
		{"int_sub", -1, minI, maxI, false},
		{"int_sub", maxI, -1, 0, true},
		{"int_mul", 6, -7, -42, false},
		{"int_mul", 0, minI, 0, false},
		{"int_mul", -1, minI, 0, true},
		{"int_mul", minI, -1, 0, true},
		{"int_mul", -1, maxI, -maxI, false},
		{"int_mul", 1 << 32, 1 << 31, 0, true},
		{"int_mul", 1 << 31, 1 << 31, 1 << 62, false},
		{"int_mul", 3037000500, 3037000500, 0, true},
		{"int_mul", 3037000499, -3037000499, -9223372030926249001, false},
		{"int_mul", minI, 1, minI, false},
		{"int_mul", 1 << 62, 2, 0, true},
		{"int_mul", -(1 << 62), 2, minI, false},
	} {
		sc := stepCase{name: c.op, op: c.op, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, iv(c.a), iv(c.b)}}
		if c.ovf {
			sc.next = Exit
		} else {
			sc.out = []V{iv(c.r), iv(c.a), iv(c.b)}
		}
		add(sc)
	}
	add(
		stepCase{name: "int_add_imm", op: "int_add_imm", ops: [4]uint64{0, S, uint64(1<<64 - 1)}, in: []V{sentry, iv(10)}, out: []V{iv(9), iv(10)}},
		stepCase{name: "int_add_imm overflow", op: "int_add_imm", ops: [4]uint64{0, S, 1}, in: []V{sentry, iv(maxI)}, next: Exit},
		stepCase{name: "int_neg", op: "int_neg", ops: [4]uint64{0, S}, in: []V{sentry, iv(7)}, out: []V{iv(-7), iv(7)}},
		stepCase{name: "int_neg max", op: "int_neg", ops: [4]uint64{0, S}, in: []V{sentry, iv(maxI)}, out: []V{iv(minI + 1), iv(maxI)}},
		stepCase{name: "int_neg overflow", op: "int_neg", ops: [4]uint64{0, S}, in: []V{sentry, iv(minI)}, next: Exit},
		stepCase{name: "float_neg", op: "float_neg", ops: [4]uint64{0, S}, in: []V{sentry, fv(2.5)}, out: []V{fv(-2.5), fv(2.5)}},
		stepCase{name: "float_neg zero", op: "float_neg", ops: [4]uint64{0, S}, in: []V{sentry, fv(0)}, out: []V{fv(negZ), fv(0)}},
		stepCase{name: "float_neg -inf", op: "float_neg", ops: [4]uint64{0, S}, in: []V{sentry, fv(-inf)}, out: []V{fv(inf), fv(-inf)}},
		stepCase{name: "int_add_imm in place", op: "int_add_imm", ops: [4]uint64{S, S, 1}, in: []V{sentry, iv(41)}, out: []V{sentry, iv(42)}},
	)

	// Int comparisons: into a bool, and compare-and-branch.
	for _, c := range []struct {
		a, b                   int64
		lt, le, gt, ge, eq, ne bool
	}{
		{1, 2, true, true, false, false, false, true},
		{2, 2, false, true, false, true, true, false},
		{3, 2, false, false, true, true, false, true},
		{minI, maxI, true, true, false, false, false, true}, // signed, not unsigned
		{-1, 0, true, true, false, false, false, true},
	} {
		for name, want := range map[string]bool{"lt": c.lt, "le": c.le, "gt": c.gt, "ge": c.ge, "eq": c.eq, "ne": c.ne} {
			add(stepCase{name: "int_" + name, op: "int_" + name, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, iv(c.a), iv(c.b)}, out: []V{bv(want), iv(c.a), iv(c.b)}})
			next := Continue
			if want {
				next = Jump
			}
			add(stepCase{name: "int_jump_if_" + name, op: "int_jump_if_" + name, ops: [4]uint64{0, S}, in: []V{iv(c.a), iv(c.b)}, next: next})
		}
	}

	// Float arithmetic.
	for _, c := range []struct {
		op   string
		a, b float64
		r    float64
		exit bool
	}{
		{"float_add", 0.1, 0.2, 0.30000000000000004, false},
		{"float_add", math.MaxFloat64, math.MaxFloat64, inf, false},
		{"float_add", inf, -inf, nan, false},
		{"float_sub", 1, 3, -2, false},
		{"float_sub", 0, 0, 0, false},
		{"float_mul", 1.5, -4, -6, false},
		{"float_mul", 0, inf, nan, false},
		{"float_mul", -1, 0, negZ, false},
		{"float_div", 1, 4, 0.25, false},
		{"float_div", 1, 3, 1.0 / 3, false},
		{"float_div", 1, 0, 0, true},
		{"float_div", 1, negZ, 0, true},
		{"float_div", 0, 0, 0, true},
		{"float_div", nan, 0, 0, true},
		{"float_div", 1, nan, nan, false},
		{"float_div", 1, inf, 0, false},
		{"float_div", -1, inf, negZ, false},
		{"float_div", 1, 5e-324, inf, false},
	} {
		sc := stepCase{name: c.op, op: c.op, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, fv(c.a), fv(c.b)}}
		if c.exit {
			sc.next = Exit
		} else {
			sc.out = []V{fv(c.r), fv(c.a), fv(c.b)}
		}
		add(sc)
	}

	// Float comparisons: IEEE, NaN compares false except ne.
	for _, c := range []struct {
		a, b                   float64
		lt, le, gt, ge, eq, ne bool
	}{
		{1, 2, true, true, false, false, false, true},
		{2, 2, false, true, false, true, true, false},
		{0, negZ, false, true, false, true, true, false},
		{inf, 2, false, false, true, true, false, true},
		{nan, 1, false, false, false, false, false, true},
		{1, nan, false, false, false, false, false, true},
		{nan, nan, false, false, false, false, false, true},
		{-inf, inf, true, true, false, false, false, true},
	} {
		for name, want := range map[string]bool{"lt": c.lt, "le": c.le, "gt": c.gt, "ge": c.ge, "eq": c.eq, "ne": c.ne} {
			add(stepCase{name: "float_" + name, op: "float_" + name, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, fv(c.a), fv(c.b)}, out: []V{bv(want), fv(c.a), fv(c.b)}})
			next := Continue
			if want {
				next = Jump
			}
			add(stepCase{name: "float_jump_if_" + name, op: "float_jump_if_" + name, ops: [4]uint64{0, S}, in: []V{fv(c.a), fv(c.b)}, next: next})
		}
	}

	// Conversion: round to nearest, ties to even.
	for _, c := range []struct {
		i int64
		f float64
	}{
		{0, 0}, {-3, -3}, {maxI, 9223372036854775808.0}, {minI, -9223372036854775808.0},
		{1<<53 + 1, 1 << 53}, {1<<53 + 3, 1<<53 + 4}, {-(1<<53 + 1), -(1 << 53)},
	} {
		add(stepCase{name: "int_to_float", op: "int_to_float", ops: [4]uint64{0, S}, in: []V{sentry, iv(c.i)}, out: []V{fv(c.f), iv(c.i)}})
	}

	// Bool branches read the bits only.
	add(
		stepCase{name: "jump_if_true true", op: "jump_if_true", in: []V{bv(true)}, next: Jump},
		stepCase{name: "jump_if_true false", op: "jump_if_true", in: []V{bv(false)}, next: Continue},
		stepCase{name: "jump_if_false false", op: "jump_if_false", in: []V{bv(false)}, next: Jump},
		stepCase{name: "jump_if_false true", op: "jump_if_false", in: []V{bv(true)}, next: Continue},
	)

	// Guards: a mismatch exits, the frame is untouched either way.
	for _, g := range []struct {
		op  string
		tag templates.Tag
	}{{"guard_int", templates.TagInt}, {"guard_float", templates.TagFloat}, {"guard_bool", templates.TagBool}} {
		for tag := templates.TagEmpty; tag <= templates.TagObject+1; tag++ {
			next := Exit
			if tag == g.tag {
				next = Continue
			}
			add(stepCase{name: g.op + " " + tag.String(), op: g.op, ops: [4]uint64{S}, in: []V{sentry, {Tag: tag, Bits: 1}}, next: next})
		}
	}

	// Control.
	add(
		stepCase{name: "jump", op: "jump", in: []V{}, next: Jump},
		stepCase{name: "exit", op: "exit", ops: [4]uint64{17}, next: Leave, code: templates.MakeExitCode(templates.ExitSide, 17)},
		stepCase{name: "end", op: "end", ops: [4]uint64{3}, next: Leave, code: templates.MakeExitCode(templates.ExitEnd, 3)},
		stepCase{name: "loop with budget", op: "loop", ops: [4]uint64{4}, next: Jump,
			state: templates.State{Budget: 10}, after: &templates.State{Budget: 9}},
		stepCase{name: "loop budget 2 still jumps", op: "loop", ops: [4]uint64{4}, next: Jump,
			state: templates.State{Budget: 2}, after: &templates.State{Budget: 1}},
		stepCase{name: "loop budget runs out", op: "loop", ops: [4]uint64{4}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 4),
			state: templates.State{Budget: 1}, after: &templates.State{Budget: 0}},
		stepCase{name: "loop budget already spent", op: "loop", ops: [4]uint64{4}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 4),
			state: templates.State{Budget: -3}, after: &templates.State{Budget: -4}},
		stepCase{name: "loop budget MinInt64 wraps and leaves", op: "loop", ops: [4]uint64{4}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 4),
			state: templates.State{Budget: minI}, after: &templates.State{Budget: maxI}},
		stepCase{name: "loop interrupted", op: "loop", ops: [4]uint64{9}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 9),
			state: templates.State{Budget: 1000, Interrupt: 1}, after: &templates.State{Budget: 999, Interrupt: 1}},
	)

	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.op] = true
		frame := append([]V(nil), c.in...)
		st := c.state
		next, code, err := Step(c.op, c.ops, &st, frame)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if next != c.next || code != c.code {
			t.Errorf("%s %v on %v: got %v %v, want %v %v", c.name, c.ops, c.in, next, code, c.next, c.code)
		}
		want := c.out
		if want == nil {
			want = c.in
		}
		for i := range frame {
			if !sameValue(frame[i], want[i]) {
				t.Errorf("%s %v on %v: slot %d = %v, want %v", c.name, c.ops, c.in, i, show(frame[i]), show(want[i]))
			}
		}
		wantSt := c.state
		if c.after != nil {
			wantSt = *c.after
		}
		if st != wantSt {
			t.Errorf("%s: state %+v, want %+v", c.name, st, wantSt)
		}
	}
	for _, op := range Uops() {
		if !covered[op] {
			t.Errorf("no test case for %s", op)
		}
	}
}

// sameValue compares slots, taking any NaN to equal any NaN: the payload of a
// NaN made by arithmetic is the hardware's choice, the same for native code
// and Go on one machine, but not worth pinning in a table.
func sameValue(a, b V) bool {
	if a.Tag == templates.TagFloat && b.Tag == templates.TagFloat &&
		math.IsNaN(math.Float64frombits(a.Bits)) && math.IsNaN(math.Float64frombits(b.Bits)) {
		return true
	}
	return a == b
}

func show(v V) any {
	if v.Tag == templates.TagFloat {
		return struct {
			Tag templates.Tag
			F   float64
		}{v.Tag, math.Float64frombits(v.Bits)}
	}
	return v
}

// TestEveryTemplateHasAReference keeps the C templates and the Go reference
// in step: each uop must exist on both sides.
func TestEveryTemplateHasAReference(t *testing.T) {
	tmpl := map[string]bool{}
	for _, u := range templates.Uops() {
		tmpl[u] = true
		if !Has(u) {
			t.Errorf("template %s.c has no reference implementation in uopref", u)
		}
	}
	for _, u := range Uops() {
		if !tmpl[u] {
			t.Errorf("uopref implements %s, which has no template", u)
		}
	}
}

func TestStepErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		op   string
		ops  [4]uint64
		err  error
	}{
		{"unknown uop", "int_frobnicate", [4]uint64{}, ErrUnknownUop},
		{"unaligned slot", "int_add", [4]uint64{0, 8, 2 * S}, ErrBadSlot},
		{"slot past the frame", "int_add", [4]uint64{0, S, 3 * S}, ErrBadSlot},
		{"destination past the frame", "load_int", [4]uint64{9 * S, 1}, ErrBadSlot},
		{"huge offset", "move", [4]uint64{0, 1 << 63}, ErrBadSlot},
		{"bad destination of an overflowing add", "int_add", [4]uint64{5 * S, S, 2 * S}, ErrBadSlot},
	} {
		frame := []V{sentry, iv(maxI), iv(1)}
		st := templates.State{Budget: 5}
		_, _, err := Step(c.op, c.ops, &st, frame)
		if !errors.Is(err, c.err) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.err)
		}
		if frame[0] != sentry || st.Budget != 5 {
			t.Errorf("%s: a failed step wrote the frame or state: %v %+v", c.name, frame, st)
		}
	}
	if _, _, err := Step("loop", [4]uint64{}, nil, nil); err == nil {
		t.Error("Step with a nil state: no error")
	}
}

// TestRun runs a counting loop: i = 0; while i < n: i += 1, with a side exit
// on a guard and a budget that forces safepoint exits.
func TestRun(t *testing.T) {
	// slots: 0 = i, 1 = n, 2 = one
	trace := []Instr{
		0: {Op: "guard_int", Operands: [4]uint64{1 * S}, ExitStub: 6},
		1: {Op: "int_jump_if_ge", Operands: [4]uint64{0, 1 * S}, Target: 5},
		2: {Op: "int_add", Operands: [4]uint64{0, 0, 2 * S}, ExitStub: 6},
		3: {Op: "loop", Operands: [4]uint64{1}, Target: 1},
		4: {Op: "jump", Target: 5}, // unreachable
		5: {Op: "end", Operands: [4]uint64{2}},
		6: {Op: "exit", Operands: [4]uint64{3}},
	}
	frame := []V{iv(0), iv(10), iv(1)}
	st := templates.State{Budget: 4}
	code, err := Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitSafepoint, 1) || frame[0] != iv(4) {
		t.Fatalf("first run: %v %v, i = %v; want safepoint@1 with i = 4", code, err, frame[0])
	}
	// Run again from the top, as Go would after refilling the budget.
	st.Budget = 100
	code, err = Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitEnd, 2) || frame[0] != iv(10) {
		t.Fatalf("second run: %v %v, i = %v; want end@2 with i = 10", code, err, frame[0])
	}
	// A guard failure takes the exit stub.
	frame[1] = fv(10)
	code, err = Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitSide, 3) {
		t.Fatalf("guard failure: %v %v, want side_exit@3", code, err)
	}
	// Overflow takes the add's exit stub with i untouched.
	frame = []V{iv(maxI - 1), iv(maxI), iv(2)}
	st.Budget = 100
	code, err = Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitSide, 3) || frame[0] != iv(maxI-1) {
		t.Fatalf("overflow: %v %v, i = %v; want side_exit@3 with i = %d", code, err, frame[0], maxI-1)
	}
	// Limits and bad layouts are errors.
	st.Budget = math.MaxInt64
	frame = []V{iv(0), iv(maxI), iv(1)}
	if _, err := Run(trace, &st, frame, 50); !errors.Is(err, ErrStepLimit) {
		t.Errorf("step limit: err = %v", err)
	}
	if _, err := Run([]Instr{{Op: "load_int"}}, &st, frame, 10); err == nil {
		t.Error("running off the end of the trace: no error")
	}
	if _, err := Run([]Instr{{Op: "jump", Target: 7}}, &st, frame, 10); err == nil {
		t.Error("jump to a bad index: no error")
	}
}

func TestNextString(t *testing.T) {
	for n, want := range map[Next]string{Continue: "continue", Jump: "jump", Exit: "exit", Leave: "leave", 9: "Next(9)"} {
		if got := n.String(); got != want {
			t.Errorf("Next(%d).String() = %q, want %q", uint8(n), got, want)
		}
	}
}
