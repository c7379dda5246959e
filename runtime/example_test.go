//go:build (linux || darwin) && (amd64 || arm64)

package jit_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
)

// Build and run a trace: the loop `while i < n: sum += i; i += 1` over
// frame slots 0 (i), 1 (n) and 2 (sum), with this repository's stencils
// (generated.Set; an interpreter of your own passes its own set).
func Example() {
	cache, err := jit.NewCache(jit.Config{Stencils: generated.Set})
	if errors.Is(err, jit.ErrUnsupported) {
		return // no native code here: keep interpreting
	}
	if err != nil {
		panic(err)
	}
	defer cache.Close()

	slot := func(i int) uint64 { return uint64(i * templates.SlotSize) } // operands name slots by byte offset
	op := func(o generated.Op) stencil.Op { return stencil.Op(o) }
	tr, err := cache.Compile([]jit.Uop{
		0: {Op: op(generated.OpIntJumpIfGe), Operands: [4]uint64{slot(0), slot(1)}, Jump: 4}, // i >= n: to the end
		1: {Op: op(generated.OpIntAdd), Operands: [4]uint64{slot(2), slot(2), slot(0)}, Exit: 1},
		2: {Op: op(generated.OpIntAddImm), Operands: [4]uint64{slot(0), slot(0), 1}, Exit: 2},
		3: {Op: op(generated.OpLoop), Operands: [4]uint64{7}, Jump: 0}, // back-edge; safepoint index 7
		4: {Op: op(generated.OpEnd), Operands: [4]uint64{9}},           // exit index 9
	})
	if err != nil {
		panic(err)
	}

	frame := []templates.Value{
		{Tag: templates.TagInt, Bits: 0},
		{Tag: templates.TagInt, Bits: 1_000_000},
		{Tag: templates.TagInt, Bits: 0},
	}
	// RunLoop re-enters after each safepoint exit (every 1<<16 turns here),
	// so the goroutine returns to Go regularly.
	ec := tr.RunLoop(&templates.State{}, frame, 1<<16)
	fmt.Println(ec, int64(frame[2].Bits))

	// A side exit: the add overflows, and the trace leaves with the add's
	// exit index (1) with the frame as it was before the add, for an
	// interpreter to redo it with big integers.
	frame[0].Bits, frame[2].Bits = 0, math.MaxInt64
	frame[1].Bits = 2
	ec = tr.RunLoop(&templates.State{}, frame, 1<<16)
	fmt.Println(ec, ec.Reason() == stencil.ExitSide, ec.Index())
	// Output:
	// end@9 499999500000
	// side_exit@1 true 1
}

// A stencil set that does not fit the runtime is refused with a reason, not
// run.
func ExampleNewCache() {
	old := *generated.Set
	old.ABI = stencil.ABIVersion - 1
	_, err := jit.NewCache(jit.Config{Stencils: &old})
	fmt.Println(errors.Is(err, jit.ErrStencils))
	// Output: true
}
