package jit

import (
	"fmt"
	"math"
	"runtime"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

func TestHostSupported(t *testing.T) {
	switch runtime.GOOS + "/" + runtime.GOARCH {
	case "linux/amd64", "linux/arm64":
		if _, err := NewCache(Config{Stencils: generated.Set}); err != nil {
			t.Fatalf("the JIT must work on this host: %v", err)
		}
	default:
		if _, err := NewCache(Config{Stencils: generated.Set}); err == nil && runtime.GOOS != "darwin" {
			t.Fatal("NewCache succeeded on an unsupported platform")
		}
	}
}

// straightLine is a trace of n uops: a mix of arithmetic, guards and moves
// over 8 slots, ending with end.
func straightLine(n int) []Uop {
	mix := []Uop{
		{Op: o(generated.OpIntAdd), Operands: [4]uint64{s(0), s(1), s(2)}, Exit: 1},
		{Op: o(generated.OpGuardInt), Operands: [4]uint64{s(3)}, Exit: 2},
		{Op: o(generated.OpFloatAdd), Operands: [4]uint64{s(4), s(5), s(6)}},
		{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(7), s(7), 3}, Exit: 3},
		{Op: o(generated.OpMove), Operands: [4]uint64{s(1), s(0)}},
		{Op: o(generated.OpIntJumpIfLt), Operands: [4]uint64{s(0), s(1)}, Jump: n - 1},
	}
	tr := make([]Uop, n)
	for i := range n - 1 {
		tr[i] = mix[i%len(mix)]
	}
	tr[n-1] = Uop{Op: o(generated.OpEnd)}
	return tr
}

func TestStraightLineRuns(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(straightLine(500))
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	frame := ints(1, 2, 3, 4, 0, 0, 0, 5)
	frame[4].Tag, frame[5].Tag, frame[6].Tag = templates.TagFloat, templates.TagFloat, templates.TagFloat
	if ec := tr.Run(&templates.State{}, frame); ec.Reason() != templates.ExitEnd {
		t.Errorf("exit %v", ec)
	}
}

func BenchmarkCompile(b *testing.B) {
	for _, n := range []int{10, 100, 500} {
		b.Run(fmt.Sprintf("uops=%d", n), func(b *testing.B) {
			c := newCache(b, Config{})
			tr := straightLine(n)
			b.ReportAllocs()
			for b.Loop() {
				t, err := c.Compile(tr)
				if err != nil {
					b.Fatal(err)
				}
				t.Free()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/uop")
		})
	}
	// A batch amortises the mprotect and page work over many traces.
	b.Run("uops=100x32batch", func(b *testing.B) {
		c := newCache(b, Config{})
		batch := make([][]Uop, 32)
		for i := range batch {
			batch[i] = straightLine(100)
		}
		for b.Loop() {
			ts, err := c.CompileBatch(batch)
			if err != nil {
				b.Fatal(err)
			}
			for _, t := range ts {
				t.Free()
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*100*32), "ns/uop")
	})
}

// BenchmarkCompileCold compiles seven traces into a fresh cache (a new
// chunk, its pages never touched), as a short program's first compiles
// do: the page work a warm BenchmarkCompile never sees.
func BenchmarkCompileCold(b *testing.B) {
	tr := straightLine(100)
	for b.Loop() {
		c := newCache(b, Config{})
		for range 7 {
			if _, err := c.Compile(tr); err != nil {
				b.Fatal(err)
			}
		}
		c.Close()
	}
}

// BenchmarkPackTable packs every op of a fresh table, as the first
// compiles of a process pack the ops they use (each op once).
func BenchmarkPackTable(b *testing.B) {
	for b.Loop() {
		t := newTable(generated.Set)
		for i := range t.ops {
			t.op(i)
		}
	}
}

const loopN = 10_000_000

// BenchmarkSumLoop compares the native sum loop (int64 with overflow
// checks, frame in memory, a safepoint every back-edge) with the same loop
// in Go.
func BenchmarkSumLoop(b *testing.B) {
	b.Run("native", func(b *testing.B) {
		c := newCache(b, Config{})
		tr, err := c.Compile(sumLoop())
		if err != nil {
			b.Fatal(err)
		}
		defer tr.Free()
		st := &templates.State{}
		for b.Loop() {
			frame := ints(0, loopN, 0)
			if ec := tr.RunLoop(st, frame, 1<<20); ec.Reason() != templates.ExitEnd {
				b.Fatal(ec)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*loopN), "ns/iter")
	})
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			frame := ints(0, loopN, 0)
			if !goSumLoop(frame) {
				b.Fatal("overflow")
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*loopN), "ns/iter")
	})
}

// goSumLoop is sumLoop in Go over the same frame, with the same checks.
//
//go:noinline
func goSumLoop(f []templates.Value) bool {
	for int64(f[0].Bits) < int64(f[1].Bits) {
		a, b := int64(f[2].Bits), int64(f[0].Bits)
		if (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b) {
			return false
		}
		f[2] = templates.Value{Tag: templates.TagInt, Bits: uint64(a + b)}
		if int64(f[0].Bits) == math.MaxInt64 {
			return false
		}
		f[0] = templates.Value{Tag: templates.TagInt, Bits: f[0].Bits + 1}
	}
	return true
}

// BenchmarkCompilePhases splits a 500-uop compile into pass 1 (plan), pass
// 2 (copy and patch, into ordinary memory) and the memory work (take pages,
// make them RW, then RX, then release them).
func BenchmarkCompilePhases(b *testing.B) {
	const n = 500
	c := newCache(b, Config{})
	tr := straightLine(n)
	b.Run("plan", func(b *testing.B) {
		for b.Loop() {
			p, err := c.plan(tr)
			if err != nil {
				b.Fatal(err)
			}
			p.release()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/uop")
	})
	p, err := c.plan(tr)
	if err != nil {
		b.Fatal(err)
	}
	mem := make([]byte, p.size)
	b.Run("emit", func(b *testing.B) {
		for b.Loop() {
			if err := p.emit(mem, 0x10000000, c.table); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/uop")
	})
	b.Run("memory", func(b *testing.B) {
		for b.Loop() {
			r, err := c.alloc(roundUp(p.size, pageSize))
			if err != nil {
				b.Fatal(err)
			}
			r.seal()
			c.mu.Lock()
			c.releaseLocked(r)
			c.mu.Unlock()
		}
	})
}

// BenchmarkEnter is the cost of one entry and exit: a trace that only
// returns.
func BenchmarkEnter(b *testing.B) {
	c := newCache(b, Config{})
	tr := compileEnd(b, c)
	defer tr.Free()
	st := &templates.State{}
	frame := ints(0)
	for b.Loop() {
		if tr.Run(st, frame) != templates.MakeExitCode(templates.ExitEnd, 1) {
			b.Fatal("bad exit")
		}
	}
}

// BenchmarkEnterOn is BenchmarkEnter on the caller's own stack (RunOn), as
// a VM enters for its call-outs.
func BenchmarkEnterOn(b *testing.B) {
	c := newCache(b, Config{})
	tr := compileEnd(b, c)
	defer tr.Free()
	stack, err := NewStack()
	if err != nil {
		b.Fatal(err)
	}
	st := &templates.State{}
	frame := ints(0)
	for b.Loop() {
		if tr.RunOn(0, st, frame, stack) != templates.MakeExitCode(templates.ExitEnd, 1) {
			b.Fatal("bad exit")
		}
	}
}

// BenchmarkEnterHeld is BenchmarkEnterOn through a Hold, as interp's
// call-outs enter.
func BenchmarkEnterHeld(b *testing.B) {
	c := newCache(b, Config{})
	tr := compileEnd(b, c)
	defer tr.Free()
	stack, err := NewStack()
	if err != nil {
		b.Fatal(err)
	}
	h, ok := tr.Hold()
	if !ok {
		b.Fatal("hold failed")
	}
	defer h.Release()
	st := &templates.State{}
	frame := ints(0)
	for b.Loop() {
		if h.RunOn(0, st, frame, stack) != templates.MakeExitCode(templates.ExitEnd, 1) {
			b.Fatal("bad exit")
		}
	}
}
