package relocs

import "testing"

func TestNames(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{KindInvalid.String(), "invalid"},
		{Abs64.String(), "abs64"},
		{X86GOTLoad.String(), "x86_got_load"},
		{A64MovW3.String(), "a64_movw3"},
		{X86Abs32S.String(), "x86_abs32s"},
		{numKinds.String(), "Kind(15)"},
		{ValueContinue.String(), "continue"},
		{ValueOperand3.String(), "operand3"},
		{numValues.String(), "Value(10)"},
		{Code.String(), "code"},
		{Data.String(), "data"},
		{Section(2).String(), "Section(2)"},
		{AMD64.String(), "amd64"},
		{ARM64.String(), "arm64"},
		{Arch(3).String(), "Arch(3)"},
		{FormMovImm.String(), "mov_imm"},
		{FormLDRLit.String(), "ldr_literal"},
		{FormALUImm.String(), "alu_imm"},
		{FormNOP.String(), "nop"},
		{FormAbs32.String(), "abs32"},
		{numForms.String(), "Form(22)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	// Every enum value has its own name: a missing table entry would give "".
	names := map[string]bool{}
	for k := Kind(0); k < numKinds; k++ {
		if s := k.String(); s == "" || names[s] {
			t.Errorf("Kind %d has name %q (empty or repeated)", k, s)
		} else {
			names[s] = true
		}
	}
	for v := Value(0); v < numValues; v++ {
		if v.String() == "" {
			t.Errorf("Value %d has no name", v)
		}
	}
	for f := Form(1); f < numForms; f++ {
		if s := f.String(); s == "" || names[s] {
			t.Errorf("Form %d has name %q (empty or repeated)", f, s)
		} else {
			names[s] = true
		}
	}
}

func TestKindSizeArch(t *testing.T) {
	tests := []struct {
		k    Kind
		size int
		arch Arch
	}{
		{KindInvalid, 0, ArchInvalid},
		{Abs64, 8, ArchInvalid},
		{X86PCRel32, 4, AMD64},
		{X86GOTLoad, 4, AMD64},
		{X86GOTPCRel32, 4, AMD64},
		{A64Branch26, 4, ARM64},
		{A64Page21, 4, ARM64},
		{A64PageOff12, 4, ARM64},
		{A64GOTPage21, 4, ARM64},
		{A64GOTLoad12, 4, ARM64},
		{A64MovW0, 4, ARM64},
		{A64MovW1, 4, ARM64},
		{A64MovW2, 4, ARM64},
		{A64MovW3, 4, ARM64},
		{X86Abs32S, 4, AMD64},
		{numKinds, 0, ArchInvalid},
	}
	if len(tests) != int(numKinds)+1 {
		t.Fatalf("table covers %d kinds, want %d", len(tests)-1, numKinds)
	}
	for _, tt := range tests {
		if got := tt.k.Size(); got != tt.size {
			t.Errorf("%v.Size() = %d, want %d", tt.k, got, tt.size)
		}
		if got := tt.k.Arch(); got != tt.arch {
			t.Errorf("%v.Arch() = %v, want %v", tt.k, got, tt.arch)
		}
	}
}

func TestRangeErrorMessage(t *testing.T) {
	e := &RangeError{Kind: A64Branch26, Place: 0x1000, Target: 0x10001000}
	if got, want := e.Error(), "relocs: a64_branch26 at 0x1000 cannot reach 0x10001000"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
