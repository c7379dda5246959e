package jit

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/relocs"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
	"golang.org/x/arch/arm64/arm64asm"
)

func TestPerfMap(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("perf maps are a Linux convention")
	}
	path := fmt.Sprintf("/tmp/perf-%d.map", os.Getpid())
	os.Remove(path)
	t.Cleanup(func() { os.Remove(path) })
	c := newCache(t, Config{PerfMap: true})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 5+2 { // 5 uops and 2 exit stubs
		t.Fatalf("%d lines:\n%s", len(lines), b)
	}
	if want := fmt.Sprintf("%x ", tr.Addr()); !strings.HasPrefix(lines[0], want) || !strings.HasSuffix(lines[0], ":0:int_jump_if_ge") {
		t.Errorf("first line %q, want %q…int_jump_if_ge", lines[0], want)
	}
}

// TestFreeWhileRunning: a trace that is running cannot be freed; it can
// once it has left.
func TestFreeWhileRunning(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	st := &templates.State{}
	frame := ints(0, 1<<62, 0)
	done := make(chan templates.ExitCode)
	go func() { done <- tr.RunLoop(st, frame, 1<<12) }()
	for tr.Stats().Entries < 3 {
		runtime.Gosched()
	}
	// Entries counts entries, so the goroutine is between or inside them;
	// Free succeeds only if it wins the race with the next entry, after
	// which the loop's RunAt must return ExitInvalid.
	err = tr.Free()
	if err != nil && !errors.Is(err, ErrBusy) {
		t.Fatal(err)
	}
	if err != nil {
		// Busy: interrupt it and free it after it leaves.
		Interrupt(st)
		ec := <-done
		if ec.Reason() != templates.ExitSafepoint {
			t.Errorf("interrupted loop left with %v", ec)
		}
		if err := tr.Free(); err != nil {
			t.Errorf("Free after leaving: %v", err)
		}
		return
	}
	if ec := <-done; ec != ExitInvalid {
		t.Errorf("loop over a freed trace returned %v", ec)
	}
}

// usesFixedReg reports whether an arm64 instruction names x28 or x18 (or
// their 32-bit halves) as a register or a base address.
func usesFixedReg(in arm64asm.Inst) bool {
	for _, a := range in.Args {
		if a == nil {
			break
		}
		switch a := a.(type) {
		case arm64asm.Reg:
			if a == arm64asm.X28 || a == arm64asm.W28 || a == arm64asm.X18 || a == arm64asm.W18 {
				return true
			}
		case arm64asm.RegSP:
			if a == arm64asm.RegSP(arm64asm.X28) || a == arm64asm.RegSP(arm64asm.X18) {
				return true
			}
		case arm64asm.MemImmediate:
			if a.Base == arm64asm.RegSP(arm64asm.X28) || a.Base == arm64asm.RegSP(arm64asm.X18) {
				return true
			}
		}
	}
	return false
}

func TestUsesFixedReg(t *testing.T) {
	for _, tc := range []struct {
		word uint32
		want bool
	}{
		{0xaa0003fc, true},  // mov x28, x0
		{0xf940039c, true},  // ldr x28, [x28]
		{0x91000652, true},  // add x18, x18, #1
		{0xaa0103e0, false}, // mov x0, x1
		{0xf9400680, false}, // ldr x0, [x20, #8]
	} {
		b := []byte{byte(tc.word), byte(tc.word >> 8), byte(tc.word >> 16), byte(tc.word >> 24)}
		in, err := arm64asm.Decode(b)
		if err != nil {
			t.Fatalf("%#x: %v", tc.word, err)
		}
		if got := usesFixedReg(in); got != tc.want {
			t.Errorf("%v: usesFixedReg = %v, want %v", in, got, tc.want)
		}
	}
}

// TestStencilsKeepFixedRegisters proves by disassembly that no arm64
// stencil names x28 (g for Go's signal handler) or x18 (the platform
// register).
func TestStencilsKeepFixedRegisters(t *testing.T) {
	if runtime.GOARCH != "arm64" {
		t.Skip("arm64 stencils are only in arm64 builds")
	}
	for op := generated.Op(0); op < generated.NumOps; op++ {
		code := generated.Stencils[op].Code
		for off := 0; off+4 <= len(code); off += 4 {
			in, err := arm64asm.Decode(code[off:])
			if err != nil {
				t.Errorf("%v+%#x: %v", op, off, err)
				continue
			}
			if usesFixedReg(in) {
				t.Errorf("%v+%#x: %v uses a fixed register", op, off, in)
			}
		}
	}
}

// TestBadStencil: a stencil whose hole does not fit its bytes makes its op
// uncompilable with an error, never a panic while patching.
func TestBadStencil(t *testing.T) {
	c := newCache(t, Config{})
	set := *generated.Set
	set.Stencils = slices.Clone(set.Stencils)
	add := set.Stencils[generated.OpIntAdd]
	add.Holes = append([]relocs.Hole(nil), add.Holes...)
	add.Holes[0].Offset = uint32(len(add.Code) + 100)
	set.Stencils[generated.OpIntAdd] = add
	c.table = newTable(&set)
	_, err := c.Compile([]Uop{{Op: o(generated.OpIntAdd)}, {Op: o(generated.OpEnd)}})
	var te *TraceError
	if !errors.As(err, &te) || te.Uop != 0 || !strings.Contains(err.Error(), "int_add") {
		t.Errorf("got %v, want a TraceError for uop 0 (int_add)", err)
	}
	if _, err := c.Compile([]Uop{{Op: o(generated.OpEnd)}}); err != nil {
		t.Errorf("other ops still compile: %v", err)
	}
}

// TestImmediatesOfEveryWidth loads constants that take each patch form:
// a 16-bit or 32-bit immediate, a negative one, and 64-bit ones that only
// the GOT slot can hold (so the slot must have been written).
func TestImmediatesOfEveryWidth(t *testing.T) {
	c := newCache(t, Config{})
	consts := []int64{0, 7, -5, 0xFFFF, 0x12345, -0x10001, math.MaxInt32, math.MinInt32,
		math.MaxInt32 + 1, 0x123456789abcdef0, -0x123456789abcdef0, math.MaxInt64, math.MinInt64}
	var tr []Uop
	for i, k := range consts {
		tr = append(tr, Uop{Op: o(generated.OpLoadInt), Operands: [4]uint64{s(i), uint64(k)}})
	}
	// And an immediate operand of an ALU uop: slot n = slot 1 + big.
	n := len(consts)
	tr = append(tr,
		Uop{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(n), s(1), 0x100000000}, Exit: 1},
		Uop{Op: o(generated.OpEnd), Operands: [4]uint64{2}})
	trace, err := c.Compile(tr)
	if err != nil {
		t.Fatal(err)
	}
	defer trace.Free()
	frame := make([]templates.Value, n+1)
	if ec := trace.Run(&templates.State{}, frame); ec != templates.MakeExitCode(templates.ExitEnd, 2) {
		t.Fatalf("exit %v", ec)
	}
	for i, k := range consts {
		if frame[i].Tag != templates.TagInt || int64(frame[i].Bits) != k {
			t.Errorf("slot %d = %+v, want int %d", i, frame[i], k)
		}
	}
	if got := int64(frame[n].Bits); got != 7+0x100000000 {
		t.Errorf("7 + 2^32 = %d", got)
	}
}

// fitsDisp reports whether v, as operand j of s, fits every X86Abs32S
// hole (a slot displacement) that takes it.
func fitsDisp(s *relocs.Stencil, j int, v uint64) bool {
	for _, h := range s.Holes {
		if h.Kind == relocs.X86Abs32S && h.Value == relocs.ValueOperand0+relocs.Value(j) {
			if x := int64(v) + h.Addend; x != int64(int32(x)) {
				return false
			}
		}
	}
	return true
}

// TestWideSlotOperandRefused: where slot operands are 32-bit displacements
// (linux/amd64), one that does not fit refuses the trace with a
// TraceError that says so, through the emitters and the general path.
func TestWideSlotOperandRefused(t *testing.T) {
	c := newCache(t, Config{})
	src := c.table.op(int(generated.OpMoveBits)).src
	if fitsDisp(src, 0, 1<<40) {
		t.Skip("these stencils take slot operands through registers")
	}
	for _, use := range []bool{true, false} {
		useEmitters = use
		_, err := c.Compile([]Uop{{Op: o(generated.OpMoveBits), Operands: [4]uint64{1 << 40, 16}}, {Op: o(generated.OpEnd)}})
		useEmitters = true
		var te *TraceError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), "does not fit") || strings.Contains(err.Error(), "BUG") {
			t.Errorf("emitters %v: Compile = %v, want a TraceError that the operand does not fit", use, err)
		}
	}
}

// TestEmittersMatchGeneralPath compiles a trace of every op, with operands
// of every width, through the generated emitters and through the general
// path (relocs.Fixup.Apply per hole) at the same addresses: the bytes must
// be the same.
func TestEmittersMatchGeneralPath(t *testing.T) {
	c := newCache(t, Config{})
	withEmitter := 0
	for i := range generated.NumOps {
		if c.table.op(int(i)).emit != nil {
			withEmitter++
		}
	}
	if withEmitter == 0 {
		t.Fatal("no op has a generated emitter")
	}
	operands := []uint64{8, 0xFFFF, 0x10000, 0x7FFF_FFFF, 0x8000_0000, 1 << 40, ^uint64(4)}
	for _, base := range []uintptr{0x1000_0000, 0x7f12_3456_0000} {
		for k := range operands {
			var tr []Uop
			for op := range stencil.Op(generated.NumOps) {
				u := Uop{Op: op, Jump: 0, Exit: 1 + int(op)%3}
				for j := range u.Operands {
					u.Operands[j] = operands[(k+j)%len(operands)]
					if !fitsDisp(c.table.op(int(op)).src, j, u.Operands[j]) {
						// A slot operand as a displacement takes 32 bits
						// (TestWideSlotOperandRefused).
						u.Operands[j] = 0x7FFF_0000
					}
				}
				if op == o(generated.OpLoop) {
					u.Operands[0] = 77
				}
				tr = append(tr, u)
			}
			tr = append(tr, Uop{Op: o(generated.OpEnd)})
			emitBoth := func(use bool) []byte {
				useEmitters = use
				defer func() { useEmitters = true }()
				p, err := c.plan(tr)
				if err != nil {
					t.Fatal(err)
				}
				defer p.release()
				mem := make([]byte, p.size)
				if err := p.emit(mem, base, c.table); err != nil {
					t.Fatal(err)
				}
				return mem
			}
			fast, general := emitBoth(true), emitBoth(false)
			if !bytes.Equal(fast, general) {
				for i := range fast {
					if fast[i] != general[i] {
						t.Fatalf("base %#x operands from %#x: first difference at +%#x: emitter %#02x, general %#02x", base, operands[k], i, fast[i], general[i])
					}
				}
			}
		}
	}
}

// TestNegation runs float_neg, whose x86-64 stencil reads a 16-byte sign
// mask from its own data (aligned: xorps faults otherwise), and int_neg,
// which side-exits on the most negative int64.
func TestNegation(t *testing.T) {
	c := newCache(t, Config{})
	for _, emitters := range []bool{true, false} {
		useEmitters = emitters
		tr, err := c.Compile([]Uop{
			{Op: o(generated.OpFloatNeg), Operands: [4]uint64{s(0), s(1)}},
			{Op: o(generated.OpFloatNeg), Operands: [4]uint64{s(2), s(2)}},
			{Op: o(generated.OpIntNeg), Operands: [4]uint64{s(3), s(4)}, Exit: 5},
			{Op: o(generated.OpEnd), Operands: [4]uint64{6}},
		})
		useEmitters = true
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []int64{7, math.MinInt64} {
			frame := []templates.Value{{}, fval(2.5), fval(0), {}, {Tag: templates.TagInt, Bits: uint64(x)}}
			ec := tr.Run(&templates.State{}, frame)
			if got := math.Float64frombits(frame[0].Bits); got != -2.5 || frame[0].Tag != templates.TagFloat {
				t.Errorf("-2.5 gave %v (tag %d)", got, frame[0].Tag)
			}
			if frame[2].Bits != 1<<63 {
				t.Errorf("-0.0 has bits %#x", frame[2].Bits)
			}
			if x == math.MinInt64 {
				if ec != templates.MakeExitCode(templates.ExitSide, 5) || frame[3].Tag != templates.TagEmpty {
					t.Errorf("-MinInt64: exit %v, slot %+v; want side exit 5, slot untouched", ec, frame[3])
				}
			} else if ec != templates.MakeExitCode(templates.ExitEnd, 6) || int64(frame[3].Bits) != -x {
				t.Errorf("-%d: exit %v, slot %+v", x, ec, frame[3])
			}
		}
		tr.Free()
	}
}

func fval(f float64) templates.Value {
	return templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(f)}
}

// TestHold: a held trace runs like RunOn, cannot be freed or evicted until
// released, counts its entries at Release, and a freed trace cannot be
// held.
func TestHold(t *testing.T) {
	c := newCache(t, Config{})
	tr := compileEnd(t, c)
	stack, err := NewStack()
	if err != nil {
		t.Fatal(err)
	}
	h, ok := tr.Hold()
	if !ok {
		t.Fatal("Hold of a live trace failed")
	}
	st := &templates.State{}
	frame := ints(0)
	for range 3 {
		if ec := h.RunOn(0, st, frame, stack); ec != templates.MakeExitCode(templates.ExitEnd, 1) {
			t.Fatalf("held entry left with %v", ec)
		}
	}
	if ec := h.RunOn(1, st, frame, stack); ec != ExitInvalid {
		t.Errorf("entry at a uop the trace lacks left with %v, want ExitInvalid", ec)
	}
	if err := tr.Free(); !errors.Is(err, ErrBusy) {
		t.Errorf("Free of a held trace: %v, want ErrBusy", err)
	}
	h.Release()
	h.Release() // (a second Release does nothing)
	if n := tr.Stats().Entries; n != 3 {
		t.Errorf("%d entries counted, want 3", n)
	}
	if ec := h.RunOn(0, st, frame, stack); ec != ExitInvalid {
		t.Errorf("entry through a released hold left with %v, want ExitInvalid", ec)
	}
	if err := tr.Free(); err != nil {
		t.Fatalf("Free after Release: %v", err)
	}
	if _, ok := tr.Hold(); ok {
		t.Error("Hold of a freed trace succeeded")
	}
}

// TestFreedPagesReused: traces freed are left executable (no mprotect)
// until their pages are needed; compiling and freeing in turn, under a
// limit of one chunk, must then take the freed pages back (not map more,
// not fail), and every trace built on reused pages must run right.
func TestFreedPagesReused(t *testing.T) {
	c := newCache(t, Config{ChunkBytes: 1 << 16, MaxCodeBytes: 1 << 16})
	var keep *Trace
	for i := 0; i < 100; i++ {
		tr, err := c.Compile(sumLoop())
		if err != nil {
			t.Fatalf("compile %d: %v", i, err)
		}
		frame := ints(0, int64(i), 0)
		if ec := tr.Run(&templates.State{Budget: 1 << 30}, frame); ec != templates.MakeExitCode(templates.ExitEnd, 9) || int64(frame[2].Bits) != int64(i*(i-1)/2) {
			t.Fatalf("compile %d: exit %v, sum %d, want %d", i, ec, int64(frame[2].Bits), i*(i-1)/2)
		}
		if i == 50 {
			keep = tr // one live trace among the freed ones
			continue
		}
		if err := tr.Free(); err != nil {
			t.Fatal(err)
		}
	}
	if m := c.Stats().MappedBytes; m != 1<<16 {
		t.Errorf("mapped %d bytes, want one chunk (%d)", m, 1<<16)
	}
	frame := ints(0, 10, 0)
	if ec := keep.Run(&templates.State{Budget: 1 << 30}, frame); ec != templates.MakeExitCode(templates.ExitEnd, 9) || frame[2].Bits != 45 {
		t.Errorf("the kept trace: exit %v, sum %d, want 45", ec, frame[2].Bits)
	}
	keep.Free()
}
