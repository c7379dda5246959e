package traceopt

import (
	"fmt"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
)

// Lower lays the trace out as the runtime's uops: branches become jumps to
// exit stubs appended after the loop (or, for a negated float compare, a
// jump over an inline exit), side-exiting uops carry their snapshot as the
// exit index, and the loop uop jumps back to the body. Every exit leaves
// with its snapshot index.
func Lower(t *Trace) ([]jit.Uop, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	out := make([]jit.Uop, 0, len(t.Insts)+8)
	var stubs []int // snapshots that need an out-of-line exit stub
	stubOf := map[int]int{}
	var pending []int // uops whose Jump is a stub number, patched below
	loopAt := -1
	for i, in := range t.Insts {
		if i == t.Loop {
			loopAt = len(out)
		}
		info := Info(in.Op)
		u := jit.Uop{Op: in.Op, Operands: in.Args}
		switch {
		case in.Op == generated.OpLoop:
			u.Jump = loopAt
		case info.Branch:
			op := in.Op
			if in.Negate {
				if info.Flip == 0 {
					// Leave unless the condition holds: jump over an exit.
					u.Jump = len(out) + 2
					out = append(out, u, jit.Uop{Op: generated.OpExit, Operands: [4]uint64{uint64(in.Exit)}})
					continue
				}
				op = info.Flip
			}
			u.Op = op
			k, ok := stubOf[in.Exit]
			if !ok {
				k = len(stubs)
				stubs = append(stubs, in.Exit)
				stubOf[in.Exit] = k
			}
			u.Jump = k
			pending = append(pending, len(out))
		case info.Exits:
			u.Exit = in.Exit
		}
		out = append(out, u)
	}
	if loopAt < 0 {
		return nil, fmt.Errorf("no loop start")
	}
	base := len(out)
	for _, p := range pending {
		out[p].Jump += base
	}
	for _, s := range stubs {
		out = append(out, jit.Uop{Op: generated.OpExit, Operands: [4]uint64{uint64(s)}})
	}
	return out, nil
}
