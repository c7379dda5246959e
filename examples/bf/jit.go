package bf

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"unsafe"

	"github.com/copypatch/copypatch/examples/bf/bfgen"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/stencil"
)

// state is struct bf_state of templates/bf.h: the fixed head every VM
// shares, then this VM's own fields. TestStateLayout checks the two agree.
type state struct {
	stencil.State
	tape *uint16 // cell 0; native code only reads the pointer
	head uint64  // the head's address, written by native code when it leaves
	size uint64  // the tape's length in bytes
	out  *byte   // the output buffer
	n    int64   // bytes in it
	cap  int64   // its size
}

// The exit reasons of templates/bf.h.
const (
	exitOutput = stencil.ExitUser     // BF_EXIT_OUTPUT
	exitInput  = stencil.ExitUser + 1 // BF_EXIT_INPUT
)

// budget is how many loop turns native code runs between safepoint exits,
// where Go checks the context (and the Go scheduler and GC get their turn).
const budget = checkEvery

// JIT compiles programs into native code. One JIT serves any number of
// programs and goroutines.
type JIT struct {
	cache *jit.Cache
}

// NewJIT returns a JIT with this package's stencils, or an error that wraps
// jit.ErrUnsupported where the platform has none (Interpret still works).
func NewJIT() (*JIT, error) {
	c, err := jit.NewCache(jit.Config{Stencils: bfgen.Set})
	if err != nil {
		return nil, err
	}
	return &JIT{c}, nil
}

// Native is a program compiled to native code.
type Native struct {
	prog  *Program
	trace *jit.Trace
}

// Compile lays the program out as one trace: instruction i is uop i.
func (j *JIT) Compile(p *Program) (*Native, error) {
	uops := make([]jit.Uop, len(p.Insts))
	for i, in := range p.Insts {
		u := jit.Uop{Op: stencil.Op(uopOf[in.Op])}
		switch in.Op {
		case OpAdd, OpSet, OpMulAdd:
			u.Operands = [4]uint64{uint64(in.Off), uint64(in.Arg)}
		case OpMove:
			u.Operands[0] = uint64(in.Arg)
			u.Exit = i // the exit index names the move that left the tape
		case OpOut, OpIn:
			u.Operands = [4]uint64{uint64(in.Off), uint64(i + 1)}
		case OpJumpIfZero:
			u.Jump = in.Target
		case OpLoop:
			u.Operands[0] = uint64(i) // the safepoint index
			u.Jump = in.Target
		}
		uops[i] = u
	}
	tr, err := j.cache.Compile(uops)
	if err != nil {
		return nil, err
	}
	return &Native{p, tr}, nil
}

// uopOf maps an instruction to its uop in bfgen.
var uopOf = [...]bfgen.Op{
	OpAdd: bfgen.OpAdd, OpSet: bfgen.OpSet, OpMulAdd: bfgen.OpMulAdd, OpMove: bfgen.OpMove,
	OpOut: bfgen.OpOut, OpIn: bfgen.OpIn, OpJumpIfZero: bfgen.OpJumpIfZero, OpLoop: bfgen.OpLoop, OpEnd: bfgen.OpEnd,
}

// Free releases the native code.
func (n *Native) Free() error { return n.trace.Free() }

// Run runs the native code, as Program.Interpret does the instructions:
// same input, output and errors.
func (n *Native) Run(ctx context.Context, in io.Reader, out io.Writer) error {
	tape := newTape()
	buf := make([]byte, 4096)
	st := &state{
		tape: &tape[MaxOffset], size: 2 * Cells,
		out: &buf[0], cap: int64(len(buf)),
	}
	r := bufio.NewReader(in)
	head := MaxOffset // index in tape
	base := uintptr(unsafe.Pointer(&tape[0]))
	flush := func() error {
		_, err := out.Write(buf[:st.n])
		st.n = 0
		return err
	}
	for at := 0; ; {
		st.Budget = budget
		ec := n.trace.Enter(at, &st.State, unsafe.Pointer(&tape[head]))
		head = int((uintptr(st.head) - base) / 2)
		switch ec.Reason() {
		case stencil.ExitEnd:
			return flush()
		case exitOutput:
			if err := flush(); err != nil {
				return err
			}
			at = int(ec.Index())
		case exitInput:
			at = int(ec.Index())
			if b, err := r.ReadByte(); err == nil {
				tape[head+n.prog.Insts[at-1].Off] = uint16(b)
			} else if err != io.EOF {
				flush()
				return err
			}
		case stencil.ExitSafepoint:
			if err := ctx.Err(); err != nil {
				flush()
				return err
			}
			var ok bool
			if at, ok = n.trace.ResumeAt(ec.Index()); !ok {
				return fmt.Errorf("BUG: bf: safepoint %d has no resume point", ec.Index())
			}
		case stencil.ExitSide:
			// Only a move exits: its index is the move's instruction.
			mv := n.prog.Insts[ec.Index()]
			if err := flush(); err != nil {
				return err
			}
			return &TapeError{mv.Pos, head - MaxOffset + mv.Arg}
		default:
			return fmt.Errorf("bf: native code left with %v", ec)
		}
	}
}

// Run runs the program natively when j is not nil, else interprets it.
func (p *Program) Run(ctx context.Context, j *JIT, in io.Reader, out io.Writer) error {
	if j == nil {
		return p.Interpret(ctx, in, out)
	}
	n, err := j.Compile(p)
	if err != nil {
		return err
	}
	defer n.Free()
	return n.Run(ctx, in, out)
}

// ErrUnsupported is jit.ErrUnsupported: NewJIT's error where the platform
// has no native code.
var ErrUnsupported = jit.ErrUnsupported
