package traceopt

import (
	"fmt"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/uopref"
)

// Lower lays the trace out as the runtime's uops: branches that leave
// become jumps to exit stubs appended after the loop (or, for a negated
// float compare, a jump over an inline exit), in-trace branches and loops
// jump to their targets, side-exiting uops carry their snapshot as the
// exit index, and the final loop uop jumps back to the loop start. Every
// exit leaves with its snapshot index.
func Lower(t *Trace) ([]jit.Uop, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	// Where each instruction starts: some lower to two uops.
	sc := getScratch()
	defer sc.put()
	pos := grow(&sc.pos, len(t.Insts)+1)
	n := 0
	for i := range t.Insts {
		in := &t.Insts[i]
		pos[i] = n
		if in.Op == OpClobber {
			continue
		}
		n++
		if info := Info(in.Op); info.Branch && in.Negate && info.Flip == 0 {
			n++
		}
	}
	pos[len(t.Insts)] = n
	out := newUops(n + 8)
	var stubs []int // snapshots that need an out-of-line exit stub
	stubOf := map[int]int{}
	var pending []int // uops whose Jump is a stub number, patched below
	for k := range t.Insts {
		in := &t.Insts[k]
		if in.Op == OpClobber {
			continue
		}
		info := Info(in.Op)
		u := jit.Uop{Op: stencil.Op(in.Op), Operands: in.Args}
		switch {
		case in.Op == generated.OpLoop && in.InTrace:
			u.Jump = pos[in.Target]
		case in.Op == generated.OpLoop:
			u.Jump = pos[t.Loop]
		case info.Call:
			// The trace's own first uop, with the callee's frame.
			u.Jump, u.Exit = 0, in.Exit
		case info.Branch && in.Negate && info.Flip == 0:
			// Act unless the condition holds: jump over the action.
			u.Jump = len(out) + 2
			act := jit.Uop{Op: stencil.Op(generated.OpExit), Operands: [4]uint64{uint64(in.Exit)}}
			if in.InTrace {
				act = jit.Uop{Op: stencil.Op(generated.OpJump), Jump: pos[in.Target]}
			}
			out = append(out, u, act)
			continue
		case info.Branch:
			if in.Negate {
				u.Op = stencil.Op(info.Flip)
			}
			if in.InTrace {
				u.Jump = pos[in.Target]
				break
			}
			k, ok := stubOf[in.Exit]
			if !ok {
				k = len(stubs)
				stubs = append(stubs, in.Exit)
				stubOf[in.Exit] = k
			}
			u.Jump = k
			pending = append(pending, len(out))
		case info.Exits && in.InTrace:
			u.Jump, u.ExitJump = pos[in.Target], true
		case info.Exits:
			u.Exit = in.Exit
		}
		out = append(out, u)
	}
	if len(out) != n {
		return nil, fmt.Errorf("BUG: lowered %d uops, planned %d", len(out), n)
	}
	for _, p := range pending {
		out[p].Jump += n
	}
	for _, s := range stubs {
		out = append(out, jit.Uop{Op: stencil.Op(generated.OpExit), Operands: [4]uint64{uint64(s)}})
	}
	return out, nil
}

// RefInstrs lays lowered uops out for uopref.Run: every side exit gets a
// stub that leaves with its exit index, as the runtime's do.
func RefInstrs(uops []jit.Uop) []uopref.Instr {
	out := make([]uopref.Instr, len(uops))
	stubs := map[int]int{}
	for i, u := range uops {
		out[i] = uopref.Instr{Op: generated.Op(u.Op).String(), Operands: u.Operands, Target: u.Jump}
	}
	for i, u := range uops {
		if u.ExitJump {
			out[i].ExitStub = u.Jump
			continue
		}
		if info := Info(generated.Op(u.Op)); info != nil && info.Exits {
			k, ok := stubs[u.Exit]
			if !ok {
				k = len(out)
				out = append(out, uopref.Instr{Op: "exit", Operands: [4]uint64{uint64(u.Exit)}})
				stubs[u.Exit] = k
			}
			out[i].ExitStub = k
		}
	}
	return out
}
