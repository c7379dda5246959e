package avostencils_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/generated/avostencils"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
)

// The differential test: the same traces, compiled once from the Clang
// stencils (generated.Set) and once from the avo stencils
// (avostencils.Set), run natively on the same frames, must leave the same
// frames (tag and bits of every slot) and return the same exit codes.

// uop is a trace step by uop name, so that it can be laid out in any set.
type uop struct {
	op         string
	operands   [4]uint64
	jump, exit int
}

func s(i int) uint64 { return uint64(i * templates.SlotSize) }

func lower(t testing.TB, set *stencil.Set, trace []uop) []jit.Uop {
	t.Helper()
	out := make([]jit.Uop, len(trace))
	for i, u := range trace {
		op, ok := set.Lookup(u.op)
		if !ok {
			t.Fatalf("%s has no uop %s", set.Compiler, u.op)
		}
		out[i] = jit.Uop{Op: op, Operands: u.operands, Jump: u.jump, Exit: u.exit}
	}
	return out
}

// sumSquares is the trace of sum_squares.py's loop while the total fits
// int64: slot 0 = i, 1 = n, 2 = total, 3 = a temporary.
// Exits: 1 a guard, 2 the multiply's overflow, 3 the add's, 4 the
// increment's, 7 the safepoint, 9 the end.
func sumSquares() []uop {
	return []uop{
		{op: "guard_int", operands: [4]uint64{s(0)}, exit: 1},
		{op: "guard_int", operands: [4]uint64{s(1)}, exit: 1},
		{op: "guard_int", operands: [4]uint64{s(2)}, exit: 1},
		{op: "int_jump_if_ge", operands: [4]uint64{s(0), s(1)}, jump: 8},
		{op: "int_mul", operands: [4]uint64{s(3), s(0), s(0)}, exit: 2},
		{op: "int_add", operands: [4]uint64{s(2), s(2), s(3)}, exit: 3},
		{op: "int_add_imm", operands: [4]uint64{s(0), s(0), 1}, exit: 4},
		{op: "loop", operands: [4]uint64{7}, jump: 3},
		{op: "end", operands: [4]uint64{9}},
	}
}

// floatLoop: x = x + float(i) * c - c/2 for i in range(n), with c loaded as
// a constant: slot 0 = i, 1 = n, 2 = x, 3 = c, 4 = a temporary, 5 = c/2.
func floatLoop(c float64) []uop {
	return []uop{
		{op: "guard_float", operands: [4]uint64{s(2)}, exit: 1},
		{op: "load_float", operands: [4]uint64{s(3), math.Float64bits(c)}},
		{op: "load_float", operands: [4]uint64{s(5), math.Float64bits(c / 2)}},
		{op: "int_jump_if_ge", operands: [4]uint64{s(0), s(1)}, jump: 10},
		{op: "int_to_float", operands: [4]uint64{s(4), s(0)}},
		{op: "float_mul", operands: [4]uint64{s(4), s(4), s(3)}},
		{op: "float_add", operands: [4]uint64{s(2), s(2), s(4)}},
		{op: "float_sub", operands: [4]uint64{s(2), s(2), s(5)}},
		{op: "int_add_imm", operands: [4]uint64{s(0), s(0), 1}, exit: 2},
		{op: "loop", operands: [4]uint64{7}, jump: 3},
		{op: "end", operands: [4]uint64{9}},
	}
}

// branchy: while i < n: if x < y: a -= i else: a += i; b = a; x += dx;
// i += 1. slot 0 = i, 1 = n, 2 = x, 3 = y, 4 = a, 5 = b, 6 = dx, 7 = k.
func branchy() []uop {
	return []uop{
		{op: "load_int", operands: [4]uint64{s(7), uint64(1 << 40)}},
		{op: "int_jump_if_lt", operands: [4]uint64{s(0), s(1)}, jump: 3},
		{op: "jump", jump: 11},
		{op: "float_jump_if_lt", operands: [4]uint64{s(2), s(3)}, jump: 6},
		{op: "int_add", operands: [4]uint64{s(4), s(4), s(0)}, exit: 1},
		{op: "jump", jump: 7},
		{op: "int_sub", operands: [4]uint64{s(4), s(4), s(0)}, exit: 2},
		{op: "move", operands: [4]uint64{s(5), s(4)}},
		{op: "float_add", operands: [4]uint64{s(2), s(2), s(6)}},
		{op: "int_add_imm", operands: [4]uint64{s(0), s(0), 1}, exit: 3},
		{op: "loop", operands: [4]uint64{7}, jump: 1},
		{op: "end", operands: [4]uint64{9}},
	}
}

type frameCase struct {
	name   string
	frame  []templates.Value
	budget int64 // for one Run: small budgets end in a safepoint exit
}

func ints(vs ...int64) []templates.Value {
	f := make([]templates.Value, len(vs))
	for i, v := range vs {
		f[i] = templates.Value{Tag: templates.TagInt, Bits: uint64(v)}
	}
	return f
}

func fl(x float64) templates.Value {
	return templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(x)}
}

func withSlot(f []templates.Value, i int, v templates.Value) []templates.Value {
	f = append([]templates.Value(nil), f...)
	f[i] = v
	return f
}

func caches(t testing.TB) (clang, avo *jit.Cache) {
	t.Helper()
	var err error
	if clang, err = jit.NewCache(jit.Config{Stencils: generated.Set}); err != nil {
		t.Skipf("no JIT here: %v", err)
	}
	if avo, err = jit.NewCache(jit.Config{Stencils: avostencils.Set}); err != nil {
		t.Fatalf("the avo set is refused where the Clang set is not: %v", err)
	}
	return clang, avo
}

func TestAvoAgreesWithClang(t *testing.T) {
	clangCache, avoCache := caches(t)
	for _, tc := range []struct {
		name  string
		trace []uop
		cases []frameCase
		// want checks the Clang run on the first case, so that the test
		// also fails when both sets are wrong alike.
		want func(f []templates.Value) bool
	}{
		{"sum_squares", sumSquares(), []frameCase{
			{"n=1000", ints(0, 1000, 0, 0), math.MaxInt64},
			{"n=0", ints(0, 0, 0, 0), math.MaxInt64},
			{"safepoint", ints(0, 1000, 0, 0), 10},
			{"add overflows", ints(5, 10, math.MaxInt64-30, 0), math.MaxInt64},
			{"mul overflows", ints(1<<32-2, 1<<33, 0, 0), math.MaxInt64},
			{"increment overflows", ints(math.MaxInt64-1, math.MaxInt64, 0, 0), math.MaxInt64},
			{"guard fails", withSlot(ints(0, 10, 0, 0), 2, fl(1)), math.MaxInt64},
		}, func(f []templates.Value) bool { return f[2].Bits == 332833500 && f[0].Bits == 1000 }},
		{"float_loop", floatLoop(1.0001), []frameCase{
			{"n=1000", append(ints(0, 1000), fl(0.25), fl(0), fl(0), fl(0)), math.MaxInt64},
			{"NaN", append(ints(0, 10), fl(math.NaN()), fl(0), fl(0), fl(0)), math.MaxInt64},
			{"inf", append(ints(0, 10), fl(math.Inf(-1)), fl(0), fl(0), fl(0)), math.MaxInt64},
			{"safepoint", append(ints(0, 1000), fl(0.25), fl(0), fl(0), fl(0)), 3},
			{"guard fails", ints(0, 10, 0, 0, 0, 0), math.MaxInt64},
		}, func(f []templates.Value) bool {
			x := 0.25
			for i := range 1000 {
				// The explicit conversion rounds the product, as the uops
				// do: Go may otherwise fuse it into the add (arm64 FMADD).
				x = x + float64(float64(i)*1.0001) - 1.0001/2
			}
			return f[2] == fl(x)
		}},
		{"branchy", branchy(), []frameCase{
			{"crosses", append(ints(0, 100), fl(-5), fl(0), ints(0, 0)[0], ints(0)[0], fl(0.125), ints(0)[0]), math.MaxInt64},
			{"NaN", append(ints(0, 100), fl(math.NaN()), fl(0), ints(0, 0)[0], ints(0)[0], fl(0.125), ints(0)[0]), math.MaxInt64},
			{"add overflows", append(ints(0, 100), fl(5), fl(0), ints(math.MaxInt64 - 3)[0], ints(0)[0], fl(0.125), ints(0)[0]), math.MaxInt64},
			{"sub overflows", append(ints(0, 100), fl(-5), fl(0), ints(math.MinInt64)[0], ints(0)[0], fl(0.125), ints(0)[0]), math.MaxInt64},
			{"safepoint", append(ints(0, 100), fl(-5), fl(0), ints(0, 0)[0], ints(0)[0], fl(0.125), ints(0)[0]), 50},
		}, func(f []templates.Value) bool {
			a, x := int64(0), -5.0
			for i := range int64(100) {
				if x < 0 {
					a -= i
				} else {
					a += i
				}
				x += 0.125
			}
			return int64(f[4].Bits) == a && f[5] == f[4] && f[7].Bits == 1<<40
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ct, err := clangCache.Compile(lower(t, generated.Set, tc.trace))
			if err != nil {
				t.Fatal(err)
			}
			defer ct.Free()
			at, err := avoCache.Compile(lower(t, avostencils.Set, tc.trace))
			if err != nil {
				t.Fatal(err)
			}
			defer at.Free()
			for i, c := range tc.cases {
				cf := append([]templates.Value(nil), c.frame...)
				af := append([]templates.Value(nil), c.frame...)
				cst := &templates.State{Budget: c.budget}
				ast := &templates.State{Budget: c.budget}
				cec, aec := ct.Run(cst, cf), at.Run(ast, af)
				if cec != aec {
					t.Errorf("%s: exit: Clang %v, avo %v", c.name, cec, aec)
				}
				for k := range cf {
					if cf[k] != af[k] {
						t.Errorf("%s: slot %d: Clang %v %#x, avo %v %#x", c.name, k, cf[k].Tag, cf[k].Bits, af[k].Tag, af[k].Bits)
					}
				}
				if cst.Budget != ast.Budget {
					t.Errorf("%s: budget left: Clang %d, avo %d", c.name, cst.Budget, ast.Budget)
				}
				if i == 0 && !tc.want(cf) {
					t.Errorf("%s: the Clang run left %v, not the expected result", c.name, cf)
				}
			}
		})
	}
}

// TestEveryAvoUopRuns is the coverage side of the differential test: every
// uop the avo set has appears in a trace above.
func TestEveryAvoUopRuns(t *testing.T) {
	used := map[string]bool{}
	for _, tr := range [][]uop{sumSquares(), floatLoop(1), branchy()} {
		for _, u := range tr {
			used[u.op] = true
		}
	}
	used["exit"] = true // every trace's exit stubs
	for _, st := range avostencils.Set.Stencils {
		if len(st.Code) > 0 && !used[st.Name] {
			t.Errorf("uop %s has an avo stencil but no trace runs it", st.Name)
		}
	}
}

// BenchmarkNativeLoop runs the same traces on the Clang and the avo
// stencils side by side; ns/iter is per loop iteration.
func BenchmarkNativeLoop(b *testing.B) {
	const n = 100_000
	for _, tc := range []struct {
		name  string
		trace []uop
		frame []templates.Value
	}{
		{"sum_squares", sumSquares(), ints(0, n, 0, 0)},
		{"float_loop", floatLoop(1.0001), append(ints(0, n), fl(0.25), fl(0), fl(0), fl(0))},
		{"branchy", branchy(), append(ints(0, n), fl(-5), fl(0), ints(0, 0)[0], ints(0)[0], fl(0.0001), ints(0)[0])},
	} {
		for _, set := range []*stencil.Set{generated.Set, avostencils.Set} {
			name := "clang"
			if set == avostencils.Set {
				name = "avo"
			}
			b.Run(fmt.Sprintf("%s/%s", tc.name, name), func(b *testing.B) {
				c, err := jit.NewCache(jit.Config{Stencils: set})
				if err != nil {
					b.Skipf("no JIT here: %v", err)
				}
				tr, err := c.Compile(lower(b, set, tc.trace))
				if err != nil {
					b.Fatal(err)
				}
				defer tr.Free()
				st := &templates.State{}
				frame := make([]templates.Value, len(tc.frame))
				for b.Loop() {
					copy(frame, tc.frame)
					if ec := tr.RunLoop(st, frame, 1<<20); ec.Reason() != templates.ExitEnd {
						b.Fatal(ec)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/iter")
				b.ReportMetric(float64(tr.Stats().CodeBytes), "code-bytes")
			})
		}
	}
}
