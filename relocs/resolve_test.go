package relocs

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

func word(w uint32) []byte { return binary.LittleEndian.AppendUint32(nil, w) }

func mustHex(s string) []byte {
	b, _, err := parseBuf(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestResolveForms pins the whole Ref, registers included, for each form.
func TestResolveForms(t *testing.T) {
	all := ^uint64(0)
	tests := []struct {
		k      Kind
		code   []byte
		off    int
		place  uint64
		addend int64
		want   Ref
	}{
		{Abs64, mustHex("0810000000000000"), 0, 0, 8, Ref{FormWord, 0x1000, all, false, -1, -1, 0}},
		{X86PCRel32, mustHex("e9fb0f0000"), 1, 0x1001, -4, Ref{FormRel32, 0x2000, all, false, -1, -1, 0}},
		{X86GOTPCRel32, mustHex("480305f91f0000"), 3, 0x1003, -4, Ref{FormRel32, 0x3000, all, true, -1, -1, 0}},
		{X86GOTLoad, mustHex("4c8b25f90f0000"), 3, 0x1003, -4, Ref{FormMovLoad, 0x2000, all, true, 12, -1, 0}},
		{X86GOTLoad, mustHex("49c7c1ffffffff"), 3, 0x1003, -4, Ref{FormMovImm, all, all, false, 9, -1, 0}},
		{X86GOTLoad, mustHex("4c8d3df9efff7f"), 3, 0x1003, -4, Ref{FormLea, 0x80000000, all, false, 15, -1, 0}},
		{X86GOTLoad, mustHex("ff15fa3f0000"), 2, 0x1002, -4, Ref{FormCall, 0x5000, all, true, -1, -1, 0}},
		{X86GOTLoad, mustHex("67e8fa3f0000"), 2, 0x1002, -4, Ref{FormCall, 0x5000, all, false, -1, -1, 0}},
		{X86GOTLoad, mustHex("ff25fa3f0000"), 2, 0x1002, -4, Ref{FormJmp, 0x5000, all, true, -1, -1, 0}},
		{X86GOTLoad, mustHex("e9fb3f000090"), 2, 0x1002, -4, Ref{FormJmp, 0x5000, all, false, -1, -1, 0}},
		{X86GOTLoad, mustHex("4c0305f90f0000"), 3, 0x1003, -4, Ref{FormALULoad, 0x2000, all, true, 8, -1, 0}},
		{X86GOTLoad, mustHex("4981ff00000080"), 3, 0x1003, -4, Ref{FormALUImm, 0xffffffff80000000, all, false, 15, -1, 0}},
		{X86GOTLoad, mustHex("48f7c145230100"), 3, 0x1003, -4, Ref{FormALUImm, 0x12345, all, false, 1, -1, 0}},
		{X86GOTLoad, mustHex("ff35f90f0000"), 2, 0x1002, -4, Ref{FormRel32, 0x1fff, all, true, -1, -1, 0}},
		{X86Abs32S, mustHex("498b8530000000"), 3, 0x1003, 8, Ref{FormAbs32, 0x28, all, false, -1, -1, 0}},
		{X86Abs32S, mustHex("498b85f8ffffff"), 3, 0x1003, 8, Ref{FormAbs32, 0xfffffffffffffff0, all, false, -1, -1, 0}},
		{A64Branch26, word(0x97ffffff), 0, 0x10004, 0, Ref{FormBL, 0x10000, all, false, -1, -1, 0}},
		{A64Branch26, word(0x16000000), 0, 0x100000000, 0, Ref{FormB, 0xf8000000, all, false, -1, -1, 0}},
		{A64Page21, word(0xb00919a3), 0, 0x10004, 0, Ref{FormADRP, 0x12345000, ^uint64(0xfff), false, 3, -1, 0}},
		{A64Page21, word(0x90800000), 0, 0x100000fff, 0, Ref{FormADRP, 0, ^uint64(0xfff), false, 0, -1, 0}},
		{A64GOTPage21, word(0xd503201f), 0, 0x10000, 0, Ref{FormNOP, 0, 0, false, -1, -1, 0}}, // lld's NOP+ADR
		{A64GOTPage21, word(0x90000090), 0, 0x10000, 0, Ref{FormADRP, 0x20000, ^uint64(0xfff), false, 16, -1, 0}},
		{A64PageOff12, word(0x9119e041), 0, 0x10000, 0, Ref{FormADD, 0x678, 0xfff, false, 1, 2, 0}},
		{A64PageOff12, word(0x3dc19c00), 0, 0x10000, 0, Ref{FormLDST, 0x670, 0xfff, false, 0, 0, 16}},
		{A64PageOff12, word(0xfd033c20), 0, 0x10000, 0, Ref{FormLDST, 0x678, 0xfff, false, 0, 1, 8}},
		{A64GOTLoad12, word(0xf9400611), 0, 0x10000, 0, Ref{FormLDST, 8, 0xfff, true, 17, 16, 8}},
		{A64GOTLoad12, word(0x9119e210), 0, 0x10000, 0, Ref{FormADD, 0x678, 0xfff, false, 16, 16, 0}}, // lld's ADRP+ADD
		{A64GOTLoad12, word(0xd2824690), 0, 0x10000, 0, Ref{FormMOVZ, 0x1234, all, false, 16, -1, 0}},
		{A64GOTLoad12, word(0x92824681), 0, 0x10000, 0, Ref{FormMOVN, 0xffffffffffffedcb, all, false, 1, -1, 0}},
		{A64GOTLoad12, word(0x10800010), 0, 0x40000000, 0, Ref{FormADR, 0x3ff00000, all, false, 16, -1, 0}},
		{A64GOTLoad12, word(0x58800010), 0, 0x40000000, 0, Ref{FormLDRLit, 0x3ff00000, all, true, 16, -1, 0}},
		{A64MovW2, word(0xf2c66885), 0, 0, 0, Ref{FormMOVK, 0x334400000000, 0xffff00000000, false, 5, -1, 0}},
		{A64MovW3, word(0xd2e22440), 0, 0, 0, Ref{FormMOVZ, 0x1122000000000000, 0xffff000000000000, false, 0, -1, 0}},
	}
	for _, tt := range tests {
		got, err := Resolve(tt.k, tt.code, tt.off, tt.place, tt.addend)
		if err != nil || got != tt.want {
			t.Errorf("Resolve(%v, %x) = %v, %v; want %v", tt.k, tt.code, got, err, tt.want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		k    Kind
		code []byte
		off  int
		want string
	}{
		{X86GOTLoad, mustHex("4889c0c0000000"), 3, "RIP-relative"},
		{X86GOTLoad, mustHex("e9fb3f000000"), 2, "RIP-relative"}, // no nop: not our jmp
		{A64GOTLoad12, word(0xb9400210), 0, "not LDR"},
		{A64Page21, word(0xd503201f), 0, "not ADRP"},
		{A64MovW1, word(0xf2800000), 0, "LSL #16"},
		{X86PCRel32, mustHex("e9000000"), 1, "outside"},
		{Abs64, make([]byte, 8), -1, "outside"},
		{KindInvalid, make([]byte, 8), 0, "invalid kind"},
		{numKinds, make([]byte, 8), 0, "invalid kind"},
	}
	for _, tt := range tests {
		addend := int64(0)
		if tt.k.Arch() == AMD64 {
			addend = -4
		}
		if r, err := Resolve(tt.k, tt.code, tt.off, 0x1000, addend); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Resolve(%v, %x, %d) = %v, %v; want an error containing %q", tt.k, tt.code, tt.off, r, err, tt.want)
		}
	}
}

func TestWithPage(t *testing.T) {
	page := Ref{Form: FormADRP, Value: 0x12345000, Mask: ^uint64(0xfff), Reg: 16, Base: -1}
	lo := Ref{Form: FormLDST, Value: 0x678, Mask: 0xfff, Indirect: true, Reg: 17, Base: 16, Scale: 8}
	got, err := lo.WithPage(page)
	want := lo
	want.Value, want.Mask = 0x12345678, ^uint64(0)
	if err != nil || got != want {
		t.Errorf("WithPage = %v, %v; want %v", got, err, want)
	}
	page.Reg = 15
	if _, err := lo.WithPage(page); err == nil || !strings.Contains(err.Error(), "x15") {
		t.Errorf("WithPage with another register: %v, want an error naming x15", err)
	}
	full := Ref{Form: FormMOVZ, Value: 1, Mask: ^uint64(0), Reg: 16, Base: -1}
	if _, err := full.WithPage(Ref{Form: FormADRP, Mask: ^uint64(0xfff), Reg: 16}); err == nil {
		t.Error("WithPage joined a relaxed MOVZ to a page")
	}
}

// original returns a random instruction of the form the compiler emits for
// kind k, with the field at the returned offset.
func original(r *rand.Rand, k Kind) ([]byte, int) {
	reg := uint32(r.IntN(31))
	rn := uint32(r.IntN(31))
	switch k {
	case Abs64:
		return binary.LittleEndian.AppendUint64(nil, r.Uint64()), 0
	case X86PCRel32:
		return []byte{0xe9, 0, 0, 0, 0}, 1
	case X86GOTPCRel32:
		return []byte{0x48, 0x03, 0x05, 1, 2, 3, 4}, 3
	case X86GOTLoad:
		switch r.IntN(5) {
		case 0:
			return []byte{0xff, 0x15, 0, 0, 0, 0}, 2
		case 1:
			return []byte{0xff, 0x25, 0, 0, 0, 0}, 2
		case 2:
			ops := []byte{0x03, 0x0b, 0x13, 0x1b, 0x23, 0x2b, 0x33, 0x3b, 0x85, 0xff}
			op := ops[r.IntN(len(ops))]
			if op == 0xff {
				return []byte{0xff, 0x35, 0, 0, 0, 0}, 2 // push: never relaxed
			}
			x := byte(r.IntN(16))
			return []byte{0x48 | x>>3<<2, op, 0x05 | x&7<<3, 0, 0, 0, 0}, 3
		}
		x := byte(r.IntN(16))
		return []byte{0x48 | x>>3<<2 | byte(r.IntN(2))<<1, 0x8b, 0x05 | x&7<<3, 0, 0, 0, 0}, 3
	case A64Branch26:
		return word(0x14000000 | uint32(r.IntN(2))<<31), 0
	case A64Page21, A64GOTPage21:
		return word(0x90000000 | reg), 0
	case A64PageOff12:
		forms := []uint32{0x91000000, 0x11000000, 0x39400000, 0x79400000, 0xb9400000, 0xf9400000, 0xfd000000, 0x3dc00000, 0x3d800000}
		return word(forms[r.IntN(len(forms))] | rn<<5 | reg), 0
	case A64GOTLoad12:
		return word(0xf9400000 | rn<<5 | reg), 0
	case A64MovW0, A64MovW1, A64MovW2, A64MovW3:
		g := uint32(k - A64MovW0)
		return word(0xf2800000 | g<<21 | reg), 0
	}
	return nil, 0
}

// near returns an address a random distance from base, at scales that
// straddle every field's reach.
func near(r *rand.Rand, base uint64) uint64 {
	switch r.IntN(6) {
	case 0:
		return r.Uint64()
	case 1:
		return uint64(r.IntN(1 << 17)) // small values: the MOVZ and imm32 paths
	case 2:
		return -uint64(r.IntN(1 << 17))
	}
	span := int64(1) << []uint{21, 28, 33}[r.IntN(3)]
	return base + uint64(r.Int64N(2*span)-span)
}

// TestRoundTrip patches random holes of every kind and reads them back: what
// Resolve finds is what went in, and nothing outside the instruction moved.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for k := Abs64; k < numKinds; k++ {
		var ok, ranged int
		for range 3000 {
			ins, off := original(r, k)
			const pad = 8
			code := make([]byte, pad+len(ins)+pad)
			for i := range code {
				code[i] = byte(r.Uint32())
			}
			copy(code[pad:], ins)
			before := bytes.Clone(code)
			place := r.Uint64() &^ 3
			if r.IntN(2) == 0 {
				place &= 1<<40 - 1
			}
			value, got := near(r, place), near(r, place)&^7
			var addend int64
			switch {
			case k.Arch() == AMD64:
				addend = -4
			case k == Abs64 || k == A64MovW0 || k == A64PageOff12 || k == A64Page21:
				addend = r.Int64N(1<<12) - 1<<11
			}
			if k == A64PageOff12 {
				value &^= 15 // keep every access size's low bits aligned
				addend &^= 15
			}
			if k == A64Branch26 {
				value &^= 3
			}
			err := Patch(k, code, pad+off, place, value, addend, got)
			var re *RangeError
			if errors.As(err, &re) {
				ranged++
				if !bytes.Equal(code, before) {
					t.Fatalf("%v: a RangeError left the code changed", k)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%v: Patch(%x, place %#x, value %#x, got %#x): %v", k, ins, place, value, got, err)
			}
			lo, hi := pad+off, pad+off+k.Size()
			if k == X86GOTLoad {
				lo = pad
			}
			if !bytes.Equal(code[:lo], before[:lo]) || !bytes.Equal(code[hi:], before[hi:]) {
				t.Fatalf("%v: Patch wrote outside [%d,%d): %x -> %x", k, lo, hi, before, code)
			}
			ref, err := Resolve(k, code, pad+off, place, addend)
			if err != nil {
				t.Fatalf("%v: Resolve(%x): %v", k, code[pad:pad+len(ins)], err)
			}
			if msg := checkRef(k, ref, value, addend, got); msg != "" {
				t.Fatalf("%v: Resolve(%x, place %#x) = %v after patching value %#x got %#x: %s", k, code[pad:pad+len(ins)], place, ref, value, got, msg)
			}
			ok++
		}
		// Every kind that can fail to reach must have met both outcomes.
		if ok == 0 || ranged == 0 && (k == X86PCRel32 || k == A64Branch26 || k == A64Page21) {
			t.Errorf("%v: %d patched, %d out of range: the generator misses a case", k, ok, ranged)
		}
	}
}

// TestGOTPairs patches an A64GOTPage21 and an A64GOTLoad12 that share a
// register and checks the pair loads from the slot, or the LDR was relaxed
// to give the value itself.
func TestGOTPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		place := r.Uint64() &^ 3 & (1<<40 - 1)
		value, got := near(r, place), near(r, place)&^7
		adrp, ldr := word(0x90000010), word(0xf9400210)
		if err := Patch(A64GOTPage21, adrp, 0, place, value, 0, got); err != nil {
			continue // slot out of ADRP reach: the runtime keeps slots near
		}
		if err := Patch(A64GOTLoad12, ldr, 0, place+12, value, 0, got); err != nil {
			t.Fatal(err)
		}
		page, err1 := Resolve(A64GOTPage21, adrp, 0, place, 0)
		lo, err2 := Resolve(A64GOTLoad12, ldr, 0, place+12, 0)
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		if lo.Mask == 0xfff {
			full, err := lo.WithPage(page)
			if err != nil || !full.Indirect || full.Value != got {
				t.Fatalf("pair at %#x resolves to %v, %v; want [%#x]", place, full, err, got)
			}
		} else if lo.Indirect && lo.Value != got || !lo.Indirect && lo.Value != value {
			t.Fatalf("relaxed LDR at %#x resolves to %v; want value %#x or slot %#x", place+12, lo, value, got)
		}
	}
}

// FuzzPatchResolve feeds Patch and Resolve arbitrary bytes: neither may
// panic or write outside the instruction.
func FuzzPatchResolve(f *testing.F) {
	f.Add(uint8(X86GOTLoad), []byte{0x48, 0x8b, 0x05, 0, 0, 0, 0}, 3, uint64(0x1003), uint64(0x10), int64(-4), uint64(0x2000))
	f.Add(uint8(A64GOTLoad12), word(0xf9400210), 0, uint64(0x10000), uint64(0x12345678), int64(0), uint64(0x20008))
	f.Add(uint8(X86GOTLoad), []byte{0xff, 0x25, 0, 0, 0, 0}, 2, uint64(0x1002), uint64(0x5000), int64(-4), uint64(0x2000))
	f.Fuzz(func(t *testing.T, k uint8, code []byte, off int, place, value uint64, addend int64, got uint64) {
		kind := Kind(k % uint8(numKinds+1))
		buf := append(bytes.Clone(code), 0xAA)
		_ = Patch(kind, buf[:len(code)], off, place, value, addend, got)
		if buf[len(code)] != 0xAA {
			t.Fatal("Patch wrote past the end of its buffer")
		}
		_, _ = Resolve(kind, buf[:len(code)], off, place, addend)
		_ = Check(kind, buf[:len(code)], off, addend)
	})
}
