package stencilgen

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/relocs"
)

func words(ws ...uint32) []byte {
	var b []byte
	for _, w := range ws {
		b = binary.LittleEndian.AppendUint32(b, w)
	}
	return b
}

func TestEmitterBody(t *testing.T) {
	got := relocs.Stencil{
		Name: "load",
		// adrp x8, slot; ldr x8, [x8, slot]; b continue
		Code: words(0x90000008, 0xf9400108, 0x14000000),
		Data: make([]byte, 8),
		Holes: []relocs.Hole{
			{Section: relocs.Code, Offset: 0, Kind: relocs.A64GOTPage21, Value: relocs.ValueOperand0, GOT: 0},
			{Section: relocs.Code, Offset: 4, Kind: relocs.A64GOTLoad12, Value: relocs.ValueOperand0, GOT: 0},
			{Section: relocs.Code, Offset: 8, Kind: relocs.A64Branch26, Value: relocs.ValueExit},
			{Section: relocs.Data, Offset: 0, Kind: relocs.Abs64, Value: relocs.ValueOperand0},
		},
	}
	body, ok, err := emitterBody(got)
	if err != nil || !ok {
		t.Fatalf("emitterBody = %v, %v", ok, err)
	}
	for _, want := range []string{
		"code = code[:12:12]",
		"relocs.PutAbs64(data, 0x0, v[relocs.ValueOperand0], 0)",
		"relocs.PutA64Page(code, 0x0, 0x90000008, pc+0x0, pd+0x0)",
		"relocs.PutA64Imm16(code, 0x4, 0xd2800008, pc+0x4, v[relocs.ValueOperand0])",
		"relocs.PutA64Branch26(code, 0x8, 0x14000000, pc+0x8, v[relocs.ValueExit])",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "copy(data") {
		t.Errorf("data is all words, yet the body copies it:\n%s", body)
	}

	// An ADRP+ADD pair to data has no fast path for the ADD: no emitter.
	dataRef := relocs.Stencil{
		Name: "addr",
		Code: words(0x90000008, 0x91000108),
		Data: make([]byte, 16),
		Holes: []relocs.Hole{
			{Section: relocs.Code, Offset: 0, Kind: relocs.A64Page21, Value: relocs.ValueData, GOT: -1},
			{Section: relocs.Code, Offset: 4, Kind: relocs.A64PageOff12, Value: relocs.ValueData, GOT: -1},
		},
	}
	if _, ok, err := emitterBody(dataRef); ok || err != nil {
		t.Errorf("a stencil with a PageOff12 hole got an emitter (err %v)", err)
	}

	// A hole that does not suit its instruction is an error.
	bad := dataRef
	bad.Holes = []relocs.Hole{{Section: relocs.Code, Offset: 4, Kind: relocs.A64Branch26, Value: relocs.ValueExit}}
	if _, _, err := emitterBody(bad); err == nil {
		t.Error("a B hole on an ADD instruction was accepted")
	}
}

// TestFallsThrough: a stencil ends a trace only if its last instruction is
// an unconditional jump or a return.
func TestFallsThrough(t *testing.T) {
	cases := []struct {
		arch relocs.Arch
		code []byte
		want bool
	}{
		{relocs.AMD64, []byte{0x48, 0xff, 0xc0, 0xc3}, false}, // inc %rax; ret
		{relocs.AMD64, []byte{0xe9, 0, 0, 0, 0}, false},       // jmp rel32
		{relocs.AMD64, []byte{0xff, 0x25, 0, 0, 0, 0}, false}, // jmp *0(%rip)
		{relocs.AMD64, []byte{0x0f, 0x80, 0, 0, 0, 0}, true},  // jo rel32
		{relocs.AMD64, []byte{0x48, 0x01, 0xd8}, true},        // add %rbx,%rax
		{relocs.AMD64, nil, true},                             // empty
		{relocs.ARM64, []byte{0xc0, 0x03, 0x5f, 0xd6}, false}, // ret
		{relocs.ARM64, []byte{0x00, 0x00, 0x00, 0x14}, false}, // b .
		{relocs.ARM64, []byte{0x00, 0x02, 0x1f, 0xd6}, false}, // br x16
		{relocs.ARM64, []byte{0x00, 0x00, 0x00, 0x54}, true},  // b.eq .
		{relocs.ARM64, []byte{0x00, 0x04, 0x00, 0x91}, true},  // add x0, x0, #1
	}
	for _, c := range cases {
		if got := fallsThrough(c.arch, c.code); got != c.want {
			t.Errorf("%v % x: fallsThrough = %v, want %v", c.arch, c.code, got, c.want)
		}
	}
}

func TestOpsFileNeedsExit(t *testing.T) {
	if _, err := OpsFile("p", []string{"add", "end"}); err == nil || !strings.Contains(err.Error(), "exit") {
		t.Errorf("got %v, want an error naming the exit template", err)
	}
}
