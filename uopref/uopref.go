// Package uopref is the reference implementation of every uop: a uop
// interpreter in Go that does exactly what each template in templates/ does
// natively. It is the oracle the native runs are checked against: a trace run
// natively and run here must end in the same frame, state and exit code.
//
// Operands mean what they mean to the stencils: slot operands are byte
// offsets from the frame base (slot index * templates.SlotSize), immediates
// are 64-bit patterns. Unlike native code, Step checks its input and reports
// a bad operand or an unknown uop as an error.
//
// Package uopref imports only the standard library and templates.
package uopref

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/copypatch/copypatch/templates"
)

// Next says where control goes after a uop: what its stencil's last jump is.
type Next uint8

const (
	Continue Next = iota // to the next uop (_JIT_CONTINUE)
	Jump                 // to the uop's in-trace target (_JIT_JUMP_TARGET)
	Exit                 // to the uop's side-exit stub (_JIT_EXIT)
	Leave                // back to Go, with an exit code
)

var nextNames = [...]string{Continue: "continue", Jump: "jump", Exit: "exit", Leave: "leave"}

func (n Next) String() string {
	if int(n) < len(nextNames) {
		return nextNames[n]
	}
	return fmt.Sprintf("Next(%d)", n)
}

// ErrUnknownUop is returned (wrapped) for a uop name with no reference.
var ErrUnknownUop = errors.New("unknown uop")

// ErrBadSlot is returned (wrapped) for a slot operand that is not a whole
// slot inside the frame.
var ErrBadSlot = errors.New("bad slot operand")

// machine is one uop's view of the VM: its operands, the state and the frame.
type machine struct {
	ops   [4]uint64
	st    *templates.State
	frame []templates.Value
	dry   bool // check operands only: slot returns copies
	err   error
}

// slot returns the slot whose byte offset is operand n. On a bad offset it
// records the error and returns a scratch slot, so a uop body never needs to
// check. In a dry run it returns a copy, so nothing is written.
//
// Every uop body calls slot for each of its slot operands before it decides
// anything, so a dry run meets every slot operand.
func (m *machine) slot(n int) *templates.Value {
	off := m.ops[n]
	if off%templates.SlotSize != 0 || off/templates.SlotSize >= uint64(len(m.frame)) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: operand %d is byte offset %d (frame has %d slots of %d bytes)", ErrBadSlot, n, off, len(m.frame), templates.SlotSize)
		}
		return new(templates.Value)
	}
	v := &m.frame[off/templates.SlotSize]
	if m.dry {
		c := *v
		return &c
	}
	return v
}

// A uop reads and writes through m and says where control goes; code is the
// exit code when it leaves.
type uop func(m *machine) (next Next, code templates.ExitCode)

// Step runs one uop. On error, frame and state are untouched.
func Step(op string, operands [4]uint64, st *templates.State, frame []templates.Value) (Next, templates.ExitCode, error) {
	f, ok := uops[op]
	if !ok {
		return 0, 0, fmt.Errorf("%w %q", ErrUnknownUop, op)
	}
	if st == nil {
		return 0, 0, fmt.Errorf("%s: nil state", op)
	}
	// A dry run first finds bad slot operands, so one leaves no partial
	// write behind.
	scratch := *st
	dry := &machine{ops: operands, st: &scratch, frame: frame, dry: true}
	f(dry)
	if dry.err != nil {
		return 0, 0, fmt.Errorf("%s: %w", op, dry.err)
	}
	next, code := f(&machine{ops: operands, st: st, frame: frame})
	return next, code, nil
}

// Has reports whether op has a reference implementation.
func Has(op string) bool {
	_, ok := uops[op]
	return ok
}

// Uops returns the names of every uop with a reference implementation,
// sorted.
func Uops() []string {
	names := make([]string, 0, len(uops))
	for n := range uops {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func i64(v *templates.Value) int64   { return int64(v.Bits) }
func f64(v *templates.Value) float64 { return math.Float64frombits(v.Bits) }

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func setInt(v *templates.Value, x int64) {
	*v = templates.Value{Tag: templates.TagInt, Bits: uint64(x)}
}
func setFloat(v *templates.Value, x float64) {
	*v = templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(x)}
}
func setBool(v *templates.Value, b bool) { *v = templates.Value{Tag: templates.TagBool, Bits: b2u(b)} }

// addOverflows, subOverflows and mulOverflows are __builtin_*_overflow on
// int64: the wrapped result and whether it differs from the true one.
func addOverflows(a, b int64) (int64, bool) {
	r := a + b
	return r, (a >= 0) == (b >= 0) && (r >= 0) != (a >= 0)
}

func subOverflows(a, b int64) (int64, bool) {
	r := a - b
	return r, (a >= 0) != (b >= 0) && (r >= 0) != (a >= 0)
}

func mulOverflows(a, b int64) (int64, bool) {
	r := a * b
	if a == 0 || b == 0 {
		return r, false
	}
	// MinInt64 * -1 wraps to MinInt64, and MinInt64 / -1 wraps back to
	// MinInt64 in Go, so the division check alone misses it.
	return r, r/b != a || (b == -1 && a == math.MinInt64)
}

// intArith builds int_add, int_sub, int_mul: overflow exits with the frame
// untouched.
func intArith(f func(a, b int64) (int64, bool)) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		r, ovf := f(i64(m.slot(1)), i64(m.slot(2)))
		dst := m.slot(0)
		if ovf {
			return Exit, 0
		}
		setInt(dst, r)
		return Continue, 0
	}
}

func floatArith(f func(a, b float64) float64) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		r := f(f64(m.slot(1)), f64(m.slot(2)))
		setFloat(m.slot(0), r)
		return Continue, 0
	}
}

// Comparisons by name suffix; Go's float comparisons are IEEE's, like C's.
var (
	intCmps = map[string]func(a, b int64) bool{
		"lt": func(a, b int64) bool { return a < b },
		"le": func(a, b int64) bool { return a <= b },
		"gt": func(a, b int64) bool { return a > b },
		"ge": func(a, b int64) bool { return a >= b },
		"eq": func(a, b int64) bool { return a == b },
		"ne": func(a, b int64) bool { return a != b },
	}
	floatCmps = map[string]func(a, b float64) bool{
		"lt": func(a, b float64) bool { return a < b },
		"le": func(a, b float64) bool { return a <= b },
		"gt": func(a, b float64) bool { return a > b },
		"ge": func(a, b float64) bool { return a >= b },
		"eq": func(a, b float64) bool { return a == b },
		"ne": func(a, b float64) bool { return a != b },
	}
)

func jumpIf(taken bool) (Next, templates.ExitCode) {
	if taken {
		return Jump, 0
	}
	return Continue, 0
}

func guard(tag templates.Tag) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		if m.slot(0).Tag != tag {
			return Exit, 0
		}
		return Continue, 0
	}
}

// uops maps each uop name (a template's file name) to its reference.
var uops = map[string]uop{
	"load_int": func(m *machine) (Next, templates.ExitCode) {
		*m.slot(0) = templates.Value{Tag: templates.TagInt, Bits: m.ops[1]}
		return Continue, 0
	},
	"load_float": func(m *machine) (Next, templates.ExitCode) {
		*m.slot(0) = templates.Value{Tag: templates.TagFloat, Bits: m.ops[1]}
		return Continue, 0
	},
	"move": func(m *machine) (Next, templates.ExitCode) {
		v := *m.slot(1)
		*m.slot(0) = v
		return Continue, 0
	},
	"int_add": intArith(addOverflows),
	"int_sub": intArith(subOverflows),
	"int_mul": intArith(mulOverflows),
	"int_add_imm": func(m *machine) (Next, templates.ExitCode) {
		r, ovf := addOverflows(i64(m.slot(1)), int64(m.ops[2]))
		dst := m.slot(0)
		if ovf {
			return Exit, 0
		}
		setInt(dst, r)
		return Continue, 0
	},
	"float_add": floatArith(func(a, b float64) float64 { return a + b }),
	"float_sub": floatArith(func(a, b float64) float64 { return a - b }),
	"float_mul": floatArith(func(a, b float64) float64 { return a * b }),
	"float_div": func(m *machine) (Next, templates.ExitCode) {
		a, d := f64(m.slot(1)), f64(m.slot(2))
		dst := m.slot(0)
		if d == 0 { // 0.0 and -0.0: Python raises ZeroDivisionError
			return Exit, 0
		}
		setFloat(dst, a/d)
		return Continue, 0
	},
	"int_neg": func(m *machine) (Next, templates.ExitCode) {
		r, ovf := subOverflows(0, i64(m.slot(1)))
		dst := m.slot(0)
		if ovf {
			return Exit, 0
		}
		setInt(dst, r)
		return Continue, 0
	},
	"float_neg": func(m *machine) (Next, templates.ExitCode) {
		// The sign bit, flipped: -x for every float, NaN payloads kept.
		v := *m.slot(1)
		*m.slot(0) = templates.Value{Tag: templates.TagFloat, Bits: v.Bits ^ 1<<63}
		return Continue, 0
	},
	"int_to_float": func(m *machine) (Next, templates.ExitCode) {
		setFloat(m.slot(0), float64(i64(m.slot(1))))
		return Continue, 0
	},
	"jump_if_true": func(m *machine) (Next, templates.ExitCode) {
		return jumpIf(m.slot(0).Bits != 0)
	},
	"jump_if_false": func(m *machine) (Next, templates.ExitCode) {
		return jumpIf(m.slot(0).Bits == 0)
	},
	"guard_int":   guard(templates.TagInt),
	"guard_float": guard(templates.TagFloat),
	"guard_bool":  guard(templates.TagBool),
	"jump": func(m *machine) (Next, templates.ExitCode) {
		return Jump, 0
	},
	"loop": func(m *machine) (Next, templates.ExitCode) {
		budget := m.st.Budget
		m.st.Budget = budget - 1 // wraps, as the template's unsigned decrement does
		if budget <= 1 || m.st.Interrupt != 0 {
			return Leave, templates.MakeExitCode(templates.ExitSafepoint, m.ops[0])
		}
		return Jump, 0
	},
	"exit": func(m *machine) (Next, templates.ExitCode) {
		return Leave, templates.MakeExitCode(templates.ExitSide, m.ops[0])
	},
	"end": func(m *machine) (Next, templates.ExitCode) {
		return Leave, templates.MakeExitCode(templates.ExitEnd, m.ops[0])
	},
}

func init() {
	for name, cmp := range intCmps {
		cmp := cmp
		uops["int_"+name] = func(m *machine) (Next, templates.ExitCode) {
			setBool(m.slot(0), cmp(i64(m.slot(1)), i64(m.slot(2))))
			return Continue, 0
		}
		uops["int_jump_if_"+name] = func(m *machine) (Next, templates.ExitCode) {
			return jumpIf(cmp(i64(m.slot(0)), i64(m.slot(1))))
		}
	}
	for name, cmp := range floatCmps {
		cmp := cmp
		uops["float_"+name] = func(m *machine) (Next, templates.ExitCode) {
			setBool(m.slot(0), cmp(f64(m.slot(1)), f64(m.slot(2))))
			return Continue, 0
		}
		uops["float_jump_if_"+name] = func(m *machine) (Next, templates.ExitCode) {
			return jumpIf(cmp(f64(m.slot(0)), f64(m.slot(1))))
		}
	}
}
