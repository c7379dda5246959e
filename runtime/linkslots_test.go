package jit

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// guardParent: slot0 = i, slot1 = n, slot2 = sum, slot3 = a value that
// must be an int; while i < n { guard slot3 is an int (exit 3, through an
// exit stub); i++ }. Its bridge for exit 3 makes slot3 an int (i + 0),
// adds i to sum and jumps back to the parent's first uop.
func guardParent() []Uop {
	return []Uop{
		{Op: o(generated.OpIntJumpIfGe), Operands: [4]uint64{s(0), s(1)}, Jump: 4},
		{Op: o(generated.OpGuardInt), Operands: [4]uint64{s(3)}, Exit: 3},
		{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(0), s(0), 1}, Exit: 2},
		{Op: o(generated.OpLoop), Operands: [4]uint64{7}, Jump: 0},
		{Op: o(generated.OpEnd), Operands: [4]uint64{9}},
	}
}

func guardBridge(parent uintptr) []Uop {
	return []Uop{
		{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(3), s(0), 0}, Exit: 1},
		{Op: o(generated.OpIntAdd), Operands: [4]uint64{s(2), s(2), s(0)}, Exit: 1},
		{Op: o(generated.OpLoop), Operands: [4]uint64{8}, Far: parent},
	}
}

// TestLinkSlots: a bridge linked to an exit stub goes in through the
// stub's link slot, so the parent's code is the same bytes before and
// after (no page of it opened for writing), and the link works; a freed
// trace's slots serve the next compile.
func TestLinkSlots(t *testing.T) {
	if !linkSlots {
		t.Skip("exit stubs have no link slots on this architecture")
	}
	c := newCache(t, Config{})
	parent, err := c.Compile(guardParent())
	if err != nil {
		t.Fatal(err)
	}
	if len(parent.slots) != 2 || parent.slots[0] < 0 || parent.slots[1] < 0 {
		t.Fatalf("the parent's stub slots: %v, want one for each of its two stubs", parent.slots)
	}
	frame := ints(5, 10, 0, 0)
	frame[3] = templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(1.5)}
	st := &templates.State{Budget: math.MaxInt64}
	if ec, want := parent.Run(st, frame), templates.MakeExitCode(templates.ExitSide, 3); ec != want {
		t.Fatalf("before the link: %v, want %v", ec, want)
	}
	bridge, err := c.Compile(guardBridge(parent.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	code := bytes.Clone(parent.mem[:parent.code])
	if n, err := parent.PatchExits(3, bridge.Addr()); err != nil || n != 1 {
		t.Fatalf("PatchExits: %d, %v", n, err)
	}
	if !bytes.Equal(code, parent.mem[:parent.code]) {
		t.Errorf("linking through a slot changed the parent's code")
	}
	if ec, want := parent.Run(st, frame), templates.MakeExitCode(templates.ExitEnd, 9); ec != want {
		t.Fatalf("after the link: %v, want %v", ec, want)
	}
	if got := int64(frame[2].Bits); got != 5 || int64(frame[0].Bits) != 10 {
		t.Errorf("sum %d, i %d after the link: want 5 (the bridge ran once, at i = 5), 10", got, int64(frame[0].Bits))
	}
	slots := slices.Clone(parent.slots)
	bridge.Free()
	parent.Free()
	again, err := c.Compile(guardParent())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Free()
	if !slices.Equal(again.slots, slots) {
		t.Errorf("after the free the next stubs got slots %v, want %v again", again.slots, slots)
	}
	// The reused slot points at the new stub's own exit.
	frame[3] = templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(1.5)}
	frame[0] = templates.Value{Tag: templates.TagInt, Bits: 0}
	if ec, want := again.Run(st, frame), templates.MakeExitCode(templates.ExitSide, 3); ec != want {
		t.Errorf("a reused slot: %v, want %v", ec, want)
	}
}

// TestStubsWithoutSlots: stubs that found no free slot (or a chunk too
// small to set a page aside) start with a no-op and are linked by
// patching their code, as before.
func TestStubsWithoutSlots(t *testing.T) {
	c := newCache(t, Config{ChunkBytes: pageSize})
	parent, err := c.Compile(guardParent())
	if err != nil {
		t.Fatal(err)
	}
	defer parent.Free()
	for _, sl := range parent.slots {
		if sl >= 0 {
			t.Fatalf("a one-page chunk gave a stub slot %d", sl)
		}
	}
	bridge, err := c.Compile(guardBridge(parent.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	defer bridge.Free()
	if n, err := parent.PatchExits(3, bridge.Addr()); err != nil || n != 1 {
		t.Fatalf("PatchExits: %d, %v", n, err)
	}
	frame := ints(5, 10, 0, 0)
	frame[3] = templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(1.5)}
	st := &templates.State{Budget: math.MaxInt64}
	if ec, want := parent.Run(st, frame), templates.MakeExitCode(templates.ExitEnd, 9); ec != want {
		t.Fatalf("after the link: %v, want %v", ec, want)
	}
	if got := int64(frame[2].Bits); got != 5 {
		t.Errorf("sum %d, want 5", got)
	}
}

// TestLinkSlotsExitUops: an exit uop (a branch's out-of-line exit, where
// most bridges start) is linked through its slot too, its code unchanged.
func TestLinkSlotsExitUops(t *testing.T) {
	if !linkSlots {
		t.Skip("exit sites have no link slots on this architecture")
	}
	c := newCache(t, Config{})
	parent, err := c.Compile(oddsParent())
	if err != nil {
		t.Fatal(err)
	}
	defer parent.Free()
	bridge, err := c.Compile(oddsBridge(parent.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	defer bridge.Free()
	code := bytes.Clone(parent.mem[:parent.code])
	if n, err := parent.PatchExits(3, bridge.Addr()); err != nil || n != 1 {
		t.Fatalf("PatchExits: %d, %v", n, err)
	}
	if !bytes.Equal(code, parent.mem[:parent.code]) {
		t.Errorf("linking an exit uop through its slot changed the parent's code")
	}
	frame := ints(0, 1000, 0, 0)
	st := &templates.State{Budget: math.MaxInt64}
	if ec, want := parent.Run(st, frame), templates.MakeExitCode(templates.ExitEnd, 9); ec != want {
		t.Fatalf("after the link: %v, want %v", ec, want)
	}
	if got := int64(frame[2].Bits); got != 250000 {
		t.Errorf("sum of odd numbers below 1000 = %d, want 250000", got)
	}
}
