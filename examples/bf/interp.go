package bf

import (
	"bufio"
	"context"
	"io"
)

// newTape returns a tape of Cells cells with MaxOffset cells of slack on
// either side; cell 0 is tape[MaxOffset].
func newTape() []uint16 { return make([]uint16, Cells+2*MaxOffset) }

// checkEvery is how many loop turns the interpreter runs between looks at
// its context, as the native code's safepoint budget is.
const checkEvery = 1 << 20

// Interpret runs the program in Go, reading ',' from in and writing '.' to
// out: the plain interpreter the JIT is measured against. It stops with
// ctx's error when ctx is done.
func (p *Program) Interpret(ctx context.Context, in io.Reader, out io.Writer) error {
	tape := newTape()
	head := MaxOffset
	r := bufio.NewReader(in)
	w := bufio.NewWriter(out)
	budget := checkEvery
	insts := p.Insts
	for pc := 0; ; {
		in := &insts[pc]
		switch in.Op {
		case OpAdd:
			tape[head+in.Off] += uint16(in.Arg)
		case OpSet:
			tape[head+in.Off] = uint16(in.Arg)
		case OpMulAdd:
			tape[head+in.Off] += tape[head] * uint16(in.Arg)
		case OpMove:
			h := head + in.Arg
			if h < MaxOffset || h >= MaxOffset+Cells {
				w.Flush()
				return &TapeError{in.Pos, h - MaxOffset}
			}
			head = h
		case OpOut:
			w.WriteByte(byte(tape[head+in.Off]))
		case OpIn:
			if b, err := r.ReadByte(); err == nil {
				tape[head+in.Off] = uint16(b)
			} else if err != io.EOF {
				w.Flush()
				return err
			}
		case OpJumpIfZero:
			if tape[head] == 0 {
				pc = in.Target
				continue
			}
		case OpLoop:
			if tape[head] != 0 {
				if budget--; budget == 0 {
					budget = checkEvery
					if err := ctx.Err(); err != nil {
						w.Flush()
						return err
					}
				}
				pc = in.Target
				continue
			}
		case OpEnd:
			return w.Flush()
		}
		pc++
	}
}
