package traceopt

import (
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// innerLoop is "while i < n: j = 0; while j < i: k = 2; s += j * k; j +=
// 1; i += 1" over slots i=0 n=1 s=2 j=3 k=4 t=6 (5 holds the constant 1,
// 7 the constant 0), the inner loop's k = 2 an invariant constant store
// like an inlined call's constants. extra goes into the inner body before
// its back-edge (a branch, a call-out).
func innerLoop(extra ...Inst) *Trace {
	insts := []Inst{
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(0)}, Exit: 0},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(1)}, Exit: 0},
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 1},
		{Op: generated.OpMove, Args: [4]uint64{Slot(3), Slot(7)}},
		// 4: the inner head; the exit test jumps past the back-edge.
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(3), Slot(0)}, Negate: true, InTrace: true, Target: -1},
		{Op: generated.OpLoadInt, Args: [4]uint64{Slot(4), 2}},
		{Op: generated.OpIntMul, Args: [4]uint64{Slot(6), Slot(3), Slot(4)}, Exit: 2},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(2)}, Exit: 2},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(6)}, Exit: 2},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(3), Slot(3), Slot(5)}, Exit: 3},
	}
	insts = append(insts, extra...)
	back := len(insts)
	insts = append(insts,
		Inst{Op: generated.OpLoop, Args: [4]uint64{4}, InTrace: true, Target: 4},
		Inst{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(5)}, Exit: 5},
		Inst{Op: generated.OpLoop, Args: [4]uint64{0}})
	insts[4].Target = back + 1
	return &Trace{Consts: map[int32]templates.Value{5: intV(1), 7: intV(0)}, PrivateFrom: 6, PrivateTo: 7, Insts: insts}
}

func innerFrame() []templates.Value {
	f := make([]templates.Value, 8)
	f[0], f[1], f[2], f[3], f[4], f[5], f[7] = intV(0), intV(40), intV(0), intV(0), intV(0), intV(1), intV(0)
	return f
}

// innerBody returns the instructions of the trace's last inner loop in the
// loop body: from its back-edge's target to the back-edge.
func innerBody(tr *Trace) []Inst {
	for b := len(tr.Insts) - 1; b >= tr.Loop; b-- {
		if in := tr.Insts[b]; in.Op == generated.OpLoop && in.InTrace {
			return tr.Insts[in.Target:b]
		}
	}
	return nil
}

func TestPeelInner(t *testing.T) {
	// j * 2 summed for j < i, for i < 40.
	sum := int64(0)
	for i := int64(0); i < 40; i++ {
		sum += i * (i - 1)
	}
	tests := []struct {
		name   string
		tr     *Trace
		peeled bool // the inner loop gets its copy
	}{
		{"plain", innerLoop(), true},
		// A forward branch inside the body to its back-edge (a continue
		// that is never taken: j is never negative).
		{"branch to the back-edge", innerLoop(Inst{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(3), Slot(7)}, InTrace: true, Target: 11}), true},
		{"call-out", innerLoop(Inst{Op: generated.OpCallOut, Args: [4]uint64{9, Slot(6)}, Exit: 6}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.peeled {
				want, wantEC := lowerAndRun(t, innerLoop(), innerFrame())
				if s := int64(want[2].Bits); s != sum || wantEC != templates.MakeExitCode(templates.ExitSide, 1) {
					t.Fatalf("reference: s = %d, want %d; exit %v", s, sum, wantEC)
				}
			}
			tr := tt.tr
			Fold(tr)
			Peel(tr)
			Hoist(tr)
			n := len(tr.Insts)
			before := tr.Clone()
			PeelInner(tr)
			if err := tr.Validate(); err != nil {
				t.Fatalf("%v\n%s", err, tr)
			}
			if grew := len(tr.Insts) > n; grew != tt.peeled {
				t.Fatalf("peeled: %v, want %v\n%s", grew, tt.peeled, tr)
			}
			if !tt.peeled {
				return
			}
			want, wantEC := lowerAndRun(t, before, innerFrame())
			got, ec := lowerAndRun(t, tr, innerFrame())
			for i := range 5 {
				if got[i] != want[i] {
					t.Errorf("slot %d = %v, want %v\n%s", i, got[i], want[i], tr)
				}
			}
			if ec != wantEC {
				t.Errorf("exit %v, want %v", ec, wantEC)
			}
		})
	}
}

// TestPeelInnerDropsInvariants: with its first iteration peeled, the inner
// loop's body no longer stores its constant every time, nor writes the
// tags its first iteration wrote, nor guards what that iteration proved.
func TestPeelInnerDropsInvariants(t *testing.T) {
	tr := innerLoop()
	want, wantEC := lowerAndRun(t, innerLoop(), innerFrame())
	Optimize(tr, func(pass string, tr *Trace) {
		if err := tr.Validate(); err != nil {
			t.Fatalf("after %s: %v\n%s", pass, err, tr)
		}
		got, ec := lowerAndRun(t, tr, innerFrame())
		for i := range 5 {
			if got[i] != want[i] {
				t.Errorf("after %s: slot %d = %v, want %v\n%s", pass, i, got[i], want[i], tr)
			}
		}
		if ec != wantEC {
			t.Errorf("after %s: exit %v, want %v", pass, ec, wantEC)
		}
	})
	body := innerBody(tr)
	if len(body) == 0 {
		t.Fatalf("no inner loop:\n%s", tr)
	}
	for _, in := range body {
		switch {
		case in.Op == generated.OpLoadInt || in.Op == generated.OpLoadIntBits:
			t.Errorf("inner body stores a constant (%v):\n%s", in, tr)
		case isGuard(in.Op):
			t.Errorf("inner body guards (%v):\n%s", in, tr)
		case in.Op == generated.OpIntMul || in.Op == generated.OpIntAdd:
			t.Errorf("inner body writes a tag it holds (%v):\n%s", in, tr)
		}
	}
}
