package bf

import (
	"fmt"
	"strings"
)

// Op is one instruction of a compiled program. Each is one uop of
// templates/ (bfgen.Op has the same names).
type Op uint8

const (
	OpAdd        Op = iota // cell[Off] += Arg
	OpSet                  // cell[Off] = Arg
	OpMulAdd               // cell[Off] += cell[0] * Arg
	OpMove                 // head += Arg (an error if it leaves the tape)
	OpOut                  // write cell[Off]'s low byte
	OpIn                   // read a byte into cell[Off]
	OpJumpIfZero           // '[': if cell[0] == 0, go to Target
	OpLoop                 // ']': if cell[0] != 0, go to Target
	OpEnd                  // the end of the program
)

var opNames = [...]string{"add", "set", "mul_add", "move", "out", "in", "jump_if_zero", "loop", "end"}

func (op Op) String() string {
	if int(op) < len(opNames) {
		return opNames[op]
	}
	return fmt.Sprintf("Op(%d)", op)
}

// Inst is one instruction.
type Inst struct {
	Op     Op
	Off    int    // cell offset from the head (add, set, mul_add, out, in)
	Arg    int    // amount (add, set, mul_add: mod 2^16), cells (move)
	Target int    // the instruction a jump goes to (jump_if_zero, loop)
	Pos    string // where in the source, "line:col", for messages
}

// Program is compiled Brainfuck.
type Program struct {
	Insts []Inst
}

// Cells is the tape's length.
const Cells = 1 << 16

// MaxOffset bounds |Off|: a run that reaches further moves the head first.
// The tape has MaxOffset cells of slack on either side, so an access at an
// offset from a head on the tape stays in memory.
const MaxOffset = 256

// SyntaxError is an unmatched bracket.
type SyntaxError struct {
	Pos string
	Msg string
}

func (e *SyntaxError) Error() string { return e.Pos + ": " + e.Msg }

// TapeError is the head moving off the tape.
type TapeError struct {
	Pos  string // the move's source position
	Head int    // where it would have gone
}

func (e *TapeError) Error() string {
	return fmt.Sprintf("%s: the head moved off the tape (to cell %d; the tape is cells 0 to %d)", e.Pos, e.Head, Cells-1)
}

// Compile parses and optimises src. Characters other than the eight
// commands are comments.
func Compile(src string) (*Program, error) {
	c := &compiler{}
	line, col := 1, 0
	var open []int // indexes of the jump_if_zero of open loops
	for i := 0; i < len(src); i++ {
		ch := src[i]
		col++
		if ch == '\n' {
			line, col = line+1, 0
			continue
		}
		pos := fmt.Sprintf("%d:%d", line, col)
		switch ch {
		case '+', '-':
			d := 1
			if ch == '-' {
				d = -1
			}
			c.add(c.pos, d, pos)
		case '>', '<':
			d := 1
			if ch == '<' {
				d = -1
			}
			if c.pos+d > MaxOffset || c.pos+d < -MaxOffset {
				c.flush(pos)
			}
			c.pos += d
			c.movePos = pos
		case '.':
			c.emit(Inst{Op: OpOut, Off: c.pos, Pos: pos})
		case ',':
			c.emit(Inst{Op: OpIn, Off: c.pos, Pos: pos})
		case '[':
			c.flush(pos)
			open = append(open, len(c.insts))
			c.emit(Inst{Op: OpJumpIfZero, Pos: pos})
		case ']':
			if len(open) == 0 {
				return nil, &SyntaxError{pos, "']' without a matching '['"}
			}
			c.flush(pos)
			start := open[len(open)-1]
			open = open[:len(open)-1]
			if c.simpleLoop(start, pos) {
				continue
			}
			c.emit(Inst{Op: OpLoop, Target: start + 1, Pos: pos})
			c.insts[start].Target = len(c.insts)
		}
	}
	if len(open) > 0 {
		return nil, &SyntaxError{c.insts[open[len(open)-1]].Pos, "'[' without a matching ']'"}
	}
	c.flush(fmt.Sprintf("%d:%d", line, col+1))
	c.emit(Inst{Op: OpEnd, Pos: fmt.Sprintf("%d:%d", line, col+1)})
	return &Program{Insts: c.insts}, nil
}

type compiler struct {
	insts   []Inst
	pos     int    // the head's offset from where the emitted code left it
	movePos string // source position of the last move
}

func (c *compiler) emit(in Inst) { c.insts = append(c.insts, in) }

// add adds d to cell[off], merging with an add or set of the same cell
// that ends the straight-line code emitted so far.
func (c *compiler) add(off, d int, pos string) {
	for i := len(c.insts) - 1; i >= 0; i-- {
		in := &c.insts[i]
		if in.Op != OpAdd && in.Op != OpSet {
			break
		}
		if in.Off == off {
			in.Arg = (in.Arg + d) & 0xffff
			return
		}
	}
	c.emit(Inst{Op: OpAdd, Off: off, Arg: d & 0xffff, Pos: pos})
}

// flush moves the head to where the source has it.
func (c *compiler) flush(pos string) {
	if c.pos != 0 {
		c.emit(Inst{Op: OpMove, Arg: c.pos, Pos: c.movePos})
		c.pos = 0
	}
}

// simpleLoop replaces the loop that starts at insts[start] when its body is
// only adds at offsets (the head ends where it started) and it changes
// cell 0 by ±1 a turn: it runs cell[0] times (or -cell[0] mod 2^16 times),
// so each other add becomes a MUL_ADD and cell 0 ends at zero.
func (c *compiler) simpleLoop(start int, pos string) bool {
	body := c.insts[start+1:]
	step := 0
	for _, in := range body {
		if in.Op != OpAdd {
			return false
		}
		if in.Off == 0 {
			step = in.Arg
		}
	}
	var turns int // the factor cell[0] is multiplied by to count turns
	switch step {
	case 0xffff:
		turns = 1
	case 1:
		turns = -1
	default:
		return false
	}
	var out []Inst
	for _, in := range body {
		if in.Off != 0 {
			out = append(out, Inst{Op: OpMulAdd, Off: in.Off, Arg: (in.Arg * turns) & 0xffff, Pos: in.Pos})
		}
	}
	out = append(out, Inst{Op: OpSet, Arg: 0, Pos: c.insts[start].Pos})
	c.insts = append(c.insts[:start], out...)
	return true
}

// String lists the program, one instruction a line.
func (p *Program) String() string {
	var b strings.Builder
	for i, in := range p.Insts {
		fmt.Fprintf(&b, "%d\t%v", i, in.Op)
		switch in.Op {
		case OpAdd, OpSet, OpMulAdd:
			fmt.Fprintf(&b, " [%d] %d", in.Off, int16(in.Arg))
		case OpOut, OpIn:
			fmt.Fprintf(&b, " [%d]", in.Off)
		case OpMove:
			fmt.Fprintf(&b, " %d", in.Arg)
		case OpJumpIfZero, OpLoop:
			fmt.Fprintf(&b, " -> %d", in.Target)
		}
		b.WriteString("\n")
	}
	return b.String()
}
