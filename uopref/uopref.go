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
// List uops (guard_list, list_len, list_load, list_store) follow the
// pointer a list slot holds, as native code does: a slot with tag
// templates.TagObject and nonzero Bits holds the address of a
// templates.List (the head of the interpreter's list). Step reads and writes
// that memory through package unsafe, so whoever builds such a frame must
// keep each list, and its element array, alive and reachable from a Go
// pointer while Step runs (Bits hides the pointer from the garbage
// collector), and must allocate them on the heap, never on a goroutine stack
// that may move. Instance uops (guard_instance, guard_shape, attr_load,
// attr_store) do the same with a templates.Instance, whose address plus
// templates.InstanceBit an instance slot's Bits hold, and tuple uops
// (guard_tuple, tuple_load) with a templates.Tuple (plus TupleBit).
//
// Package uopref imports only the standard library and templates.
package uopref

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// Next says where control goes after a uop: what its stencil's last jump is.
type Next uint8

const (
	Continue Next = iota // to the next uop (_JIT_CONTINUE)
	Jump                 // to the uop's in-trace target (_JIT_JUMP_TARGET)
	Exit                 // to the uop's side-exit stub (_JIT_EXIT)
	Leave                // back to Go, with an exit code
	// Call: to the in-trace target with the frame pointer moved up
	// (call_self); Return: to the return address the frame's link holds,
	// the frame pointer moved back down (ret). StepFrom says where the
	// frame pointer went and, for Return, the address.
	Call
	Return
)

var nextNames = [...]string{Continue: "continue", Jump: "jump", Exit: "exit", Leave: "leave", Call: "call", Return: "return"}

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

// ErrBadList is returned (wrapped) when a uop that reads a list (already
// guarded, natively) finds no list in its slot: not tag TagObject, Bits 0,
// or a list head whose Len is outside [0, Cap] or whose Vals is nil with
// elements. Native code would crash or read garbage there.
var ErrBadList = errors.New("bad list operand")

// machine is one uop's view of the VM: its operands, the state and the frame.
type machine struct {
	ops   [4]uint64
	st    *templates.State
	frame []templates.Value // from the entry frame's slot 0
	fp    int               // the frame pointer: the slot of frame operands count from
	link  uint64            // what call_self stores as the return address (native code: the next uop's)
	newFP int               // where call_self and ret leave the frame pointer
	back  uint64            // ret: the return address it goes to
	dry   bool              // check operands only: slot returns copies
	regs  *Regs             // the cached registers (f0, f1)
	err   error
	// copies are a dry run's copies of slots, ncopies of them used: a
	// copy each on the heap was a tenth of what a recording allocated.
	copies  [8]templates.Value
	ncopies int
}

// slot returns the slot whose byte offset is operand n. On a bad offset it
// records the error and returns a scratch slot, so a uop body never needs to
// check. In a dry run it returns a copy, so nothing is written.
//
// Every uop body calls slot for each of its slot operands before it decides
// anything, so a dry run meets every slot operand.
func (m *machine) slot(n int) *templates.Value {
	// The common case small enough for Go to inline: slot and at as calls
	// were ~45 instructions an operand, half of what the recorder's
	// stepping of an int add cost.
	off := m.ops[n]
	if i := m.fp + int(off/templates.SlotSize); off%templates.SlotSize == 0 && !m.dry && uint(i) < uint(len(m.frame)) && off < 1<<40 {
		return &m.frame[i]
	}
	return m.slotSlow(n)
}

// slotSlow is slot's checked path: a bad operand, or a dry run.
func (m *machine) slotSlow(n int) *templates.Value {
	off := m.ops[n]
	if off%templates.SlotSize != 0 || off/templates.SlotSize >= uint64(len(m.frame)-m.fp) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: operand %d is byte offset %d (frame has %d slots of %d bytes)", ErrBadSlot, n, off, len(m.frame)-m.fp, templates.SlotSize)
		}
		return new(templates.Value)
	}
	return m.at(m.fp + int(off/templates.SlotSize))
}

// at returns frame slot i (counted from the entry frame's slot 0), or a
// scratch slot and ErrBadSlot outside the frame; a copy in a dry run.
func (m *machine) at(i int) *templates.Value {
	if i < 0 || i >= len(m.frame) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: slot %d outside the %d-slot frame", ErrBadSlot, i, len(m.frame))
		}
		return new(templates.Value)
	}
	v := &m.frame[i]
	if m.dry {
		if m.ncopies < len(m.copies) {
			c := &m.copies[m.ncopies]
			m.ncopies++
			*c = *v
			return c
		}
		c := *v
		return &c
	}
	return v
}

// list returns the list that v (one of m's slots) points to, with its
// elements. A slot that is not a readable list records ErrBadList and gives
// an empty scratch list, so a uop body never needs to check. Callers take
// every slot first (see slot), then the list: in a dry run with a bad slot
// operand, v is a zero scratch slot and m.err is already set.
func (m *machine) list(v *templates.Value) (*templates.List, []templates.Value) {
	if !kindOK(*v, templates.TagObject) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: slot holds %v with bits %#x, not a list", ErrBadList, v.Tag, v.Bits)
		}
		return new(templates.List), nil
	}
	// Bits is the list's address: read it as the pointer it is, the way
	// native code does. (Reinterpreting the word's memory, not converting a
	// uintptr, which vet rightly flags.)
	l := (*templates.List)(*(*unsafe.Pointer)(unsafe.Pointer(&v.Bits)))
	if l.Len < 0 || l.Len > l.Cap || (l.Len > 0 && l.Vals == nil) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: list at %#x has len %d, cap %d, vals %p", ErrBadList, v.Bits, l.Len, l.Cap, l.Vals)
		}
		return new(templates.List), nil
	}
	return l, unsafe.Slice(l.Vals, l.Len)
}

// packedOf is the bytes of the packed bool list v (a slot) names, or nil
// when v is no packed list: native code leaves there, as it does when the
// index is out of range.
func packedOf(v *templates.Value) []uint8 {
	if v.Tag != templates.TagObject || v.Bits&7 != templates.PackedKind {
		return nil
	}
	b := v.Bits - templates.PackedKind
	l := (*templates.List)(*(*unsafe.Pointer)(unsafe.Pointer(&b)))
	if l.PackLen <= 0 || l.Packed == nil {
		return nil
	}
	return unsafe.Slice(l.Packed, l.PackLen)
}

// ErrBadInstance is returned (wrapped) when a uop that reads an instance
// (already guarded, natively) finds no instance in its slot, or an
// attribute slot offset outside it.
var ErrBadInstance = errors.New("bad instance operand")

// instance returns the instance that v (one of m's slots) points to, as
// list does for lists: a slot that is not one records ErrBadInstance and
// gives an empty scratch instance.
func (m *machine) instance(v *templates.Value) (*templates.Instance, []templates.Value) {
	if v.Tag != templates.TagObject || v.Bits&templates.InstanceBit == 0 {
		if m.err == nil {
			m.err = fmt.Errorf("%w: slot holds %v with bits %#x, not an instance", ErrBadInstance, v.Tag, v.Bits)
		}
		return new(templates.Instance), nil
	}
	// (As in list: the word's memory read as the pointer it is, less the bit.)
	p := *(*unsafe.Pointer)(unsafe.Pointer(&v.Bits))
	x := (*templates.Instance)(unsafe.Add(p, -templates.InstanceBit))
	if x.Len < 0 || x.Len > x.Cap || (x.Len > 0 && x.Vals == nil) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: instance at %#x has len %d, cap %d, vals %p", ErrBadInstance, v.Bits, x.Len, x.Cap, x.Vals)
		}
		return new(templates.Instance), nil
	}
	return x, unsafe.Slice(x.Vals, x.Len)
}

// attr is the attribute slot at byte offset off of an instance's slots, or
// a scratch slot (and ErrBadInstance) when off is outside them.
func (m *machine) attr(vals []templates.Value, off uint64) *templates.Value {
	if off%templates.SlotSize != 0 || off/templates.SlotSize >= uint64(len(vals)) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: attribute offset %d outside %d slots", ErrBadInstance, off, len(vals))
		}
		return new(templates.Value)
	}
	return &vals[off/templates.SlotSize]
}

// kindOK is cp_kind_ok: whether v is of kind want (a tag,
// templates.KindInstance or templates.KindTuple).
func kindOK(v templates.Value, want templates.Tag) bool {
	switch want {
	case templates.KindInstance:
		return v.Tag == templates.TagObject && v.Bits&templates.InstanceBit != 0
	case templates.KindTuple:
		return v.Tag == templates.TagObject && v.Bits&7 == templates.TupleBit
	}
	return v.Tag == want && (want != templates.TagObject || v.Bits != 0 && v.Bits&7 == 0)
}

// ErrBadTuple is returned (wrapped) when a uop that reads a tuple (already
// guarded, natively) finds no readable tuple in its slot, or an item offset
// outside it.
var ErrBadTuple = errors.New("bad tuple operand")

// itemSize is the size of a tuple's item (cp_item), the unit of
// tuple_load's offset.
const itemSize = uint64(unsafe.Sizeof(templates.Item{}))

// tuple returns the items of the tuple that v (one of m's slots) points
// to, as guard_tuple left it: tag TagObject, Bits its address plus
// TupleBit. A slot that is no tuple records ErrBadTuple and gives none.
func (m *machine) tuple(v *templates.Value) []templates.Item {
	if !kindOK(*v, templates.KindTuple) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: slot holds %v with bits %#x, not a tuple", ErrBadTuple, v.Tag, v.Bits)
		}
		return nil
	}
	t := tupleAt(v)
	if t.Len < 0 || t.Len > t.Cap || t.Len > 0 && t.Items == nil {
		if m.err == nil {
			m.err = fmt.Errorf("%w: tuple at %#x has len %d, cap %d, items %p", ErrBadTuple, v.Bits, t.Len, t.Cap, t.Items)
		}
		return nil
	}
	return unsafe.Slice(t.Items, t.Len)
}

// tupleAt reads the tuple whose address plus TupleBit v's bits are, as
// native code does.
func tupleAt(v *templates.Value) *templates.Tuple {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&v.Bits))
	return (*templates.Tuple)(unsafe.Add(p, -templates.TupleBit))
}

// ErrBadStr is returned (wrapped) when a uop that reads a str (already
// guarded, natively) finds no readable str in its slot.
var ErrBadStr = errors.New("bad str operand")

// str returns the str that v (one of m's slots) points to and its bytes,
// as guard_str left it: tag TagObject, Bits its address plus StrBit. A slot
// that is no str records ErrBadStr and gives an empty scratch str.
func (m *machine) str(v *templates.Value) (*templates.Str, []byte) {
	if v.Tag != templates.TagObject || v.Bits&7 != templates.StrBit {
		if m.err == nil {
			m.err = fmt.Errorf("%w: slot holds %v with bits %#x, not a str", ErrBadStr, v.Tag, v.Bits)
		}
		return new(templates.Str), nil
	}
	s := strAt(v)
	if s.Len < 0 || s.Len > 0 && s.Data == 0 {
		if m.err == nil {
			m.err = fmt.Errorf("%w: str at %#x has len %d, data %#x", ErrBadStr, v.Bits, s.Len, s.Data)
		}
		return new(templates.Str), nil
	}
	if s.Len == 0 {
		return s, nil
	}
	return s, unsafe.Slice(*(**byte)(unsafe.Pointer(&s.Data)), s.Len)
}

// strAt reads the str whose address plus StrBit v's bits are, as native
// code does (reinterpreting the word's memory, then stepping back).
func strAt(v *templates.Value) *templates.Str {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&v.Bits))
	return (*templates.Str)(unsafe.Add(p, -templates.StrBit))
}

// listIndex is the Python index i into a list of n elements: negative
// counts from the end. ok is false when it is out of range.
func listIndex(i, n int64) (int64, bool) {
	if i < 0 {
		i += n
	}
	return i, 0 <= i && i < n
}

// A uop reads and writes through m and says where control goes; code is the
// exit code when it leaves.
type uop func(m *machine) (next Next, code templates.ExitCode)

// Step runs one uop with the frame pointer at frame's first slot. On
// error, frame and state are untouched.
func Step(op string, operands [4]uint64, st *templates.State, frame []templates.Value) (Next, templates.ExitCode, error) {
	next, code, _, err := StepFrom(op, operands, st, frame, 0, 0)
	return next, code, err
}

// Moved is where a uop left the frame pointer (a slot of the frame given to
// StepFrom) and, after a Return, the return address it goes to.
type Moved struct {
	FP   int
	Back uint64
}

// StepFrom runs one uop with the frame pointer at slot fp of frame (the
// slots below it are the callers' frames, and their links). link is what
// call_self stores as its return address: natively the next uop's address,
// here whatever the caller maps back to the next uop (nonzero). On error,
// frame and state are untouched.
func StepFrom(op string, operands [4]uint64, st *templates.State, frame []templates.Value, fp int, link uint64) (Next, templates.ExitCode, Moved, error) {
	return stepRegs(op, operands, st, frame, fp, link, nil)
}

// Regs are the cached float registers f0 and f1 of the stencil ABI
// (copypatch.h), as bit patterns: what a register variant (float_add_r__*)
// reads and writes besides the frame. Every uop passes them on.
type Regs [2]uint64

// StepRegs is StepFrom with the cached registers regs, which register
// variants read and write. On error, regs are untouched too.
func StepRegs(op string, operands [4]uint64, st *templates.State, frame []templates.Value, fp int, link uint64, regs *Regs) (Next, templates.ExitCode, Moved, error) {
	if regs == nil {
		return 0, 0, Moved{}, fmt.Errorf("%s: nil registers", op)
	}
	return stepRegs(op, operands, st, frame, fp, link, regs)
}

// stepRegs is StepRegs; nil regs are registers of the step's own, zero
// (StepFrom: a new Regs each step was allocated on the heap).
func stepRegs(op string, operands [4]uint64, st *templates.State, frame []templates.Value, fp int, link uint64, regs *Regs) (Next, templates.ExitCode, Moved, error) {
	f, ok := lookupUop(op)
	if !ok {
		return 0, 0, Moved{}, fmt.Errorf("%w %q", ErrUnknownUop, op)
	}
	if st == nil {
		return 0, 0, Moved{}, fmt.Errorf("%s: nil state", op)
	}
	if fp < 0 || fp > len(frame) {
		return 0, 0, Moved{}, fmt.Errorf("%s: %w: frame pointer at slot %d of %d", op, ErrBadSlot, fp, len(frame))
	}
	// A dry run first finds bad slot operands, so one leaves no partial
	// write behind.
	mem := stepPool.Get().(*stepMem)
	defer func() {
		*mem = stepMem{} // (holds no frame or state past the step)
		stepPool.Put(mem)
	}()
	if regs == nil {
		regs = &mem.ownRegs
	}
	mem.scratch, mem.scratchRegs = *st, *regs
	dry := &mem.dry
	*dry = machine{ops: operands, st: &mem.scratch, frame: frame, fp: fp, link: link, dry: true, regs: &mem.scratchRegs}
	f(dry)
	if dry.err != nil {
		return 0, 0, Moved{}, fmt.Errorf("%s: %w", op, dry.err)
	}
	m := &mem.real
	*m = machine{ops: operands, st: st, frame: frame, fp: fp, link: link, newFP: fp, regs: regs}
	next, code := f(m)
	return next, code, Moved{FP: m.newFP, Back: m.back}, nil
}

// stepMem is the memory of one step: the machines escape through the uop
// table's function values, so each step allocated four objects (the
// recorder steps every instruction it records, and those fresh pages were
// a tenth of a recording's cost in profiles).
type stepMem struct {
	dry, real   machine
	scratch     templates.State
	scratchRegs Regs
	ownRegs     Regs // StepFrom's registers
}

var stepPool = sync.Pool{New: func() any { return new(stepMem) }}

// Has reports whether op has a reference implementation.
func Has(op string) bool {
	_, ok := lookupUop(op)
	return ok
}

// Uops returns the names of every uop with a reference implementation,
// sorted.
func Uops() []string {
	uops := uopTable()
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

// baseUops maps each uop name (a template's file name) to its reference,
// all but the variants buildUops adds.
func baseUops() map[string]uop {
	return map[string]uop{
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
		"int_floordiv": intArith(func(a, b int64) (int64, bool) { r, ok := floorDiv(a, b); return r, !ok }),
		"int_mod":      intArith(func(a, b int64) (int64, bool) { r, ok := floorMod(a, b); return r, !ok }),
		"int_lshift":   intArith(func(a, b int64) (int64, bool) { r, ok := leftShift(a, b); return r, !ok }),
		"int_rshift":   intArith(func(a, b int64) (int64, bool) { r, ok := rightShift(a, b); return r, !ok }),
		"int_and":      intArith(func(a, b int64) (int64, bool) { return a & b, false }),
		"int_rshift_imm": func(m *machine) (Next, templates.ExitCode) {
			setInt(m.slot(0), i64(m.slot(1))>>(m.ops[2]&63))
			return Continue, 0
		},
		"int_and_imm": func(m *machine) (Next, templates.ExitCode) {
			setInt(m.slot(0), int64(m.slot(1).Bits&m.ops[2]))
			return Continue, 0
		},
		"int_or":        intArith(func(a, b int64) (int64, bool) { return a | b, false }),
		"int_xor":       intArith(func(a, b int64) (int64, bool) { return a ^ b, false }),
		"int_invert":    intUnary(func(a int64) (int64, bool) { return ^a, true }),
		"wide_add":      wideArith(false),
		"wide_sub":      wideArith(true),
		"wide_add_wide": wide3(false),
		"wide_sub_wide": wide3(true),
		"int_to_wide": func(m *machine) (Next, templates.ExitCode) {
			x := i64(m.slot(1))
			setWide(m.slot(0), uint64(x>>63), uint64(x))
			return Continue, 0
		},
		"wide_mul": func(m *machine) (Next, templates.ExitCode) {
			ahi, alo := wide(m.slot(1))
			bhi, blo := wide(m.slot(2))
			dst := m.slot(0)
			hi, lo, ok := mul128(ahi, alo, bhi, blo)
			if !ok {
				return Exit, 0
			}
			setWide(dst, hi, lo)
			return Continue, 0
		},
		"wide_and_imm": func(m *machine) (Next, templates.ExitCode) {
			hi, lo := wide(m.slot(1))
			setWide(m.slot(0), hi&m.ops[3], lo&m.ops[2])
			return Continue, 0
		},
		"wide_rshift": func(m *machine) (Next, templates.ExitCode) {
			hi, lo := wide(m.slot(1))
			n := i64(m.slot(2))
			dst := m.slot(0)
			if n < 0 {
				return Exit, 0
			}
			n = min(n, 127)
			// An arithmetic shift of the 128 bits hi:lo.
			switch {
			case n >= 64:
				lo = uint64(int64(hi) >> (n - 64))
				hi = uint64(int64(hi) >> 63)
			case n > 0:
				lo = lo>>n | hi<<(64-n)
				hi = uint64(int64(hi) >> n)
			}
			setWide(dst, hi, lo)
			return Continue, 0
		},
		"wide_to_int": func(m *machine) (Next, templates.ExitCode) {
			hi, lo := wide(m.slot(1))
			dst := m.slot(0)
			if hi != uint64(int64(lo)>>63) {
				return Exit, 0
			}
			setInt(dst, int64(lo))
			return Continue, 0
		},
		"int_abs": intUnary(func(a int64) (int64, bool) {
			if a < 0 {
				return -a, a != math.MinInt64
			}
			return a, true
		}),
		"int_truediv": func(m *machine) (Next, templates.ExitCode) {
			a, b := i64(m.slot(1)), i64(m.slot(2))
			dst := m.slot(0)
			// Within ±2^53 both convert exactly and one IEEE division is the
			// correctly rounded quotient CPython computes; b == 0 raises.
			if b == 0 || !exactInDouble(a) || !exactInDouble(b) {
				return Exit, 0
			}
			setFloat(dst, float64(a)/float64(b))
			return Continue, 0
		},
		"float_sqrt": func(m *machine) (Next, templates.ExitCode) {
			x := f64(m.slot(1))
			dst := m.slot(0)
			if x < 0 { // ValueError; NaN and -0.0 are not < 0
				return Exit, 0
			}
			setFloat(dst, math.Sqrt(x))
			return Continue, 0
		},
		"float_abs": func(m *machine) (Next, templates.ExitCode) {
			// The sign bit, cleared: NaN payloads kept.
			v := *m.slot(1)
			*m.slot(0) = templates.Value{Tag: templates.TagFloat, Bits: v.Bits &^ (1 << 63)}
			return Continue, 0
		},
		"guard_list": func(m *machine) (Next, templates.ExitCode) {
			if !kindOK(*m.slot(0), templates.TagObject) {
				return Exit, 0
			}
			return Continue, 0
		},
		"guard_instance": func(m *machine) (Next, templates.ExitCode) {
			if !kindOK(*m.slot(0), templates.KindInstance) {
				return Exit, 0
			}
			return Continue, 0
		},
		"guard_shape": func(m *machine) (Next, templates.ExitCode) {
			x, _ := m.instance(m.slot(0))
			if x.Shape != uintptr(m.ops[1]) {
				return Exit, 0
			}
			return Continue, 0
		},
		"attr_load": func(m *machine) (Next, templates.ExitCode) {
			dst, xv := m.slot(0), m.slot(1)
			_, vals := m.instance(xv)
			a := *m.attr(vals, m.ops[2])
			if !kindOK(a, templates.Tag(m.ops[3])) {
				return Exit, 0
			}
			*dst = a
			return Continue, 0
		},
		"attr_store": func(m *machine) (Next, templates.ExitCode) {
			xv, v := m.slot(0), *m.slot(2)
			_, vals := m.instance(xv)
			a := m.attr(vals, m.ops[1])
			// An object in the slot or as the value exits: see
			// templates/attr_store.c.
			if a.Tag == templates.TagObject || v.Tag == templates.TagObject {
				return Exit, 0
			}
			if !m.dry { // a dry run's slots are copies, but the instance is real
				*a = v
			}
			return Continue, 0
		},
		"guard_tuple": func(m *machine) (Next, templates.ExitCode) {
			v := m.slot(0)
			if !kindOK(*v, templates.KindTuple) || tupleAt(v).Len != int64(m.ops[1]) {
				return Exit, 0
			}
			return Continue, 0
		},
		"tuple_load": func(m *machine) (Next, templates.ExitCode) {
			dst, tv := m.slot(0), m.slot(1)
			items := m.tuple(tv)
			off := m.ops[2]
			if off%itemSize != 0 || off/itemSize >= uint64(len(items)) {
				if m.err == nil {
					m.err = fmt.Errorf("%w: item offset %d outside %d items", ErrBadTuple, off, len(items))
				}
				return Exit, 0
			}
			it := &items[off/itemSize]
			a := templates.Value{Tag: it.Tag, Bits: it.Bits}
			if !kindOK(a, templates.Tag(m.ops[3])) {
				return Exit, 0
			}
			*dst = a
			return Continue, 0
		},
		"guard_str": func(m *machine) (Next, templates.ExitCode) {
			v := m.slot(0)
			if v.Tag != templates.TagObject || v.Bits&7 != templates.StrBit || strAt(v).Kind != templates.StrASCII {
				return Exit, 0
			}
			return Continue, 0
		},
		"str_len": func(m *machine) (Next, templates.ExitCode) {
			dst, sv := m.slot(0), m.slot(1)
			s, _ := m.str(sv)
			setInt(dst, s.Len)
			return Continue, 0
		},
		"str_char": func(m *machine) (Next, templates.ExitCode) {
			dst, sv, iv := m.slot(0), m.slot(1), m.slot(2)
			_, b := m.str(sv)
			i, ok := listIndex(i64(iv), int64(len(b)))
			if !ok {
				return Exit, 0
			}
			// op3 is the address of 128 words: the bits of each code point's str.
			table := m.ops[3]
			chars := (*[128]uint64)(*(*unsafe.Pointer)(unsafe.Pointer(&table)))
			*dst = templates.Value{Tag: templates.TagObject, Bits: chars[b[i]&127]}
			return Continue, 0
		},
		"str_jump_if_eq": func(m *machine) (Next, templates.ExitCode) {
			a, b := m.slot(0), m.slot(1)
			if a.Bits == b.Bits {
				return jumpIf(true)
			}
			_, x := m.str(a)
			_, y := m.str(b)
			return jumpIf(string(x) == string(y))
		},
		"list_len": func(m *machine) (Next, templates.ExitCode) {
			dst, lv := m.slot(0), m.slot(1)
			l, _ := m.list(lv)
			setInt(dst, l.Len)
			return Continue, 0
		},
		"list_load": func(m *machine) (Next, templates.ExitCode) {
			dst, lv, iv := m.slot(0), m.slot(1), m.slot(2)
			_, vals := m.list(lv)
			i, ok := listIndex(i64(iv), int64(len(vals)))
			if !ok {
				return Exit, 0
			}
			e := vals[i]
			if !kindOK(e, templates.Tag(m.ops[3])) {
				return Exit, 0
			}
			*dst = e
			return Continue, 0
		},
		"list_store": func(m *machine) (Next, templates.ExitCode) {
			lv, iv, v := m.slot(0), m.slot(1), *m.slot(2)
			l, vals := m.list(lv)
			i, ok := listIndex(i64(iv), int64(len(vals)))
			// A list that may hold objects, an index out of range and an
			// object value exit: see templates/list_store.c.
			if l.Objs != 0 || !ok || v.Tag == templates.TagObject {
				return Exit, 0
			}
			if !m.dry { // a dry run's slots are copies, but the list is real
				vals[i] = v
			}
			return Continue, 0
		},
		// list_append.c: the fast half of a call-out; what it cannot do
		// (no room, objects, a deque, an object value) leaves as call_out.
		"list_append": func(m *machine) (Next, templates.ExitCode) {
			dst, lv, v := m.slot(1), m.slot(2), *m.slot(3)
			l, _ := m.list(lv)
			if l.Objs != 0 || l.Len >= l.Cap || l.Deque != 0 || v.Tag == templates.TagObject {
				return Leave, templates.MakeExitCode(templates.ExitSide, m.ops[0])
			}
			if !m.dry { // a dry run's slots are copies, but the list is real
				unsafe.Slice(l.Vals, l.Cap)[l.Len] = v
				l.Len++
			}
			*dst = templates.Value{Tag: templates.TagNone}
			return Continue, 0
		},
		// list_swap.c: a[i], a[j] = a[j], a[i] in one uop, whatever the
		// elements' kinds (a list without objects holds none); exits before
		// it changes anything.
		"list_swap": func(m *machine) (Next, templates.ExitCode) {
			lv, iv, jv := m.slot(0), m.slot(1), m.slot(2)
			l, vals := m.list(lv)
			i, iok := listIndex(i64(iv), int64(len(vals)))
			j, jok := listIndex(i64(jv), int64(len(vals)))
			if l.Objs != 0 || !iok || !jok {
				return Exit, 0
			}
			if !m.dry { // a dry run's slots are copies, but the list is real
				vals[i], vals[j] = vals[j], vals[i]
			}
			return Continue, 0
		},
		"list_copy": func(m *machine) (Next, templates.ExitCode) {
			d, s := m.slot(0), m.slot(1)
			// op2 is the address of a word: the bits of the list the slice
			// call-out made last (see templates/list_copy.c).
			cell := m.ops[2]
			if cell == 0 {
				if m.err == nil {
					m.err = fmt.Errorf("%w: list_copy's word at address 0", ErrBadList)
				}
				return Exit, 0
			}
			fresh := *(*uint64)(*(*unsafe.Pointer)(unsafe.Pointer(&cell)))
			if d.Tag != templates.TagObject || d.Bits != fresh || !kindOK(*d, templates.TagObject) ||
				!kindOK(*s, templates.TagObject) || s.Bits == d.Bits {
				return Exit, 0
			}
			dst, _ := m.list(d)
			src, from := m.list(s)
			if src.Objs != 0 || dst.Objs != 0 || src.Deque != 0 || dst.Deque != 0 || src.Len > dst.Cap {
				return Exit, 0
			}
			if !m.dry { // a dry run's slots are copies, but the lists are real
				copy(unsafe.Slice(dst.Vals, dst.Cap), from)
				dst.Len = src.Len
			}
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
		"guard_none":  guard(templates.TagNone),
		"jump": func(m *machine) (Next, templates.ExitCode) {
			return Jump, 0
		},
		"loop": func(m *machine) (Next, templates.ExitCode) {
			// The interrupt flag is not read here: Go looks at it at the
			// safepoint exit, and entries clamp the budget (templates/loop.c).
			budget := m.st.Budget
			m.st.Budget = budget - 1 // wraps, as the template's unsigned decrement does
			if budget <= 1 {
				return Leave, templates.MakeExitCode(templates.ExitSafepoint, m.ops[0])
			}
			return Jump, 0
		},
		"call_self": func(m *machine) (Next, templates.ExitCode) {
			// The callee's frame must be a whole slot above this one: its link
			// is the slot below it.
			d := m.ops[0]
			if d%templates.SlotSize != 0 || d == 0 || d/templates.SlotSize > uint64(len(m.frame)) {
				if m.err == nil {
					m.err = fmt.Errorf("%w: call_self's callee at byte offset %d", ErrBadSlot, d)
				}
				return Exit, 0
			}
			callee := m.fp + int(d/templates.SlotSize)
			link := m.at(callee - 1)
			budget := m.st.Budget
			m.st.Budget = budget - 1 // wraps, as the template's unsigned decrement does
			if budget <= 1 || m.st.Interrupt != 0 || m.st.Calls == 0 {
				return Exit, 0
			}
			m.st.Calls--
			*link = templates.Value{Tag: templates.Tag(m.link), Bits: m.ops[1]}
			m.newFP = callee
			return Call, 0
		},
		"ret": func(m *machine) (Next, templates.ExitCode) {
			v := *m.slot(0)
			dst, link := m.at(m.fp), m.at(m.fp-1)
			*dst = v
			back := link.Tag
			if back == 0 {
				return Leave, templates.MakeExitCode(templates.ExitEnd, m.ops[2])
			}
			d := m.ops[1]
			if d%templates.SlotSize != 0 || int(d/templates.SlotSize) > m.fp {
				if m.err == nil {
					m.err = fmt.Errorf("%w: ret's caller at byte offset -%d", ErrBadSlot, d)
				}
				return Exit, 0
			}
			m.st.Calls++
			m.newFP = m.fp - int(d/templates.SlotSize)
			m.back = uint64(back)
			return Return, 0
		},
		"call_out": func(m *machine) (Next, templates.ExitCode) {
			return Leave, templates.MakeExitCode(templates.ExitSide, m.ops[0])
		},
		"exit": func(m *machine) (Next, templates.ExitCode) {
			return Leave, templates.MakeExitCode(templates.ExitSide, m.ops[0])
		},
		"end": func(m *machine) (Next, templates.ExitCode) {
			return Leave, templates.MakeExitCode(templates.ExitEnd, m.ops[0])
		},
	}
}

// bitsVariants are the uops with a _bits variant: the same uop for a
// destination the trace knows already holds the tag it writes, which writes
// the bits only.
var bitsVariants = []string{"float_add", "float_sub", "float_mul", "float_div", "float_sqrt",
	"int_add", "int_sub", "int_mul", "int_add_imm", "int_rshift_imm", "int_and_imm", "int_mod", "int_floordiv", "int_to_float", "int_truediv",
	"load_int", "load_float", "move", "list_load"}

// bitsOnly is the _bits variant of base: base's bits in the destination
// (operand 0), whose tag stays what it was.
func bitsOnly(base uop) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		tag := m.slot(0).Tag
		next, code := base(m)
		if next == Continue {
			m.slot(0).Tag = tag
		}
		return next, code
	}
}

// The uops' references by name, built on first use: every minipy process
// links this package, and most never record a trace, so building them at
// init (1.4 M instructions: ~450 closures, their names and the map) was
// paid by processes that never ran them. A recording looks up the base
// uops (one map literal) and makes each _bits form or compare it steps
// the first time it is asked for (coreDerived); uops holds every uop,
// the optimizer's variants (registers, kinds, indexes known >= 0) too,
// which only the uops mode and the tests step: built with the base they
// were two thirds of the first recording's table (callgrind,
// spectral_norm: 320 K of instructions, 233 K of them registerVariants),
// and the whole core at once (the 45 derived uops' names, closures and
// map entries) two thirds of the rest: 76 K -> 26 K instructions.
var (
	baseOnce  sync.Once
	base      map[string]uop // (read through baseTable)
	derivedMu sync.Mutex
	derived   map[string]uop // coreDerived's, made so far
	uopsOnce  sync.Once
	uops      map[string]uop // (read through uopTable)
)

// baseTable is base, built if no call has yet.
func baseTable() map[string]uop {
	baseOnce.Do(func() { base = baseUops() })
	return base
}

// uopTable is uops, built if no call has yet.
func uopTable() map[string]uop {
	uopsOnce.Do(func() { uops = buildUops(buildCore()) })
	return uops
}

// lookupUop is the uop named op: a core one (base or derived) if it is
// one, from the whole table (built on this first miss) if not.
func lookupUop(op string) (uop, bool) {
	if f, ok := baseTable()[op]; ok {
		return f, true
	}
	derivedMu.Lock()
	f, ok := derived[op]
	if !ok {
		if f, ok = coreDerived(op); ok {
			if derived == nil {
				derived = map[string]uop{}
			}
			derived[op] = f
		}
	}
	derivedMu.Unlock()
	if ok {
		return f, true
	}
	f, ok = uopTable()[op]
	return f, ok
}

// coreDerived makes the core uop named op that is not a base one: a _bits
// form, a _mt list access or a compare (buildCore's, one at a time).
func coreDerived(op string) (uop, bool) {
	if b, ok := strings.CutSuffix(op, "_bits"); ok && slices.Contains(bitsVariants, b) {
		return bitsOnly(baseTable()[b]), true
	}
	switch op {
	case "list_load_mt":
		return listLoadMT, true
	case "list_store_mt":
		return listStoreMT, true
	}
	if name, ok := strings.CutPrefix(op, "int_jump_if_"); ok {
		if cmp, ok := intCmps[name]; ok {
			return intJumpIf(cmp), true
		}
	} else if name, ok := strings.CutPrefix(op, "int_"); ok {
		if cmp, ok := intCmps[name]; ok {
			return intCompare(cmp), true
		}
	}
	if name, ok := strings.CutPrefix(op, "float_jump_if_"); ok {
		if cmp, ok := floatCmps[name]; ok {
			return floatJumpIf(cmp), true
		}
	} else if name, ok := strings.CutPrefix(op, "float_"); ok {
		if cmp, ok := floatCmps[name]; ok {
			return floatCompare(cmp), true
		}
	}
	return nil, false
}

func intCompare(cmp func(a, b int64) bool) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		setBool(m.slot(0), cmp(i64(m.slot(1)), i64(m.slot(2))))
		return Continue, 0
	}
}

func intJumpIf(cmp func(a, b int64) bool) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		return jumpIf(cmp(i64(m.slot(0)), i64(m.slot(1))))
	}
}

func floatCompare(cmp func(a, b float64) bool) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		setBool(m.slot(0), cmp(f64(m.slot(1)), f64(m.slot(2))))
		return Continue, 0
	}
}

func floatJumpIf(cmp func(a, b float64) bool) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		return jumpIf(cmp(f64(m.slot(0)), f64(m.slot(1))))
	}
}

// buildCore is the table of the uops a recording runs: baseUops, their
// _bits forms and the compares (uopTable's start).
func buildCore() map[string]uop {
	base := baseTable()
	// Sized at once, it is not rehashed as it grows (one rehash of the
	// table was a quarter of the instructions of starting minipy).
	uops := make(map[string]uop, len(base)+len(bitsVariants)+2+2*(len(intCmps)+len(floatCmps)))
	for k, f := range base {
		uops[k] = f
	}
	for _, base := range bitsVariants {
		uops[base+"_bits"] = bitsOnly(uops[base])
	}
	uops["list_load_mt"] = listLoadMT
	uops["list_store_mt"] = listStoreMT
	for name, cmp := range intCmps {
		uops["int_"+name] = intCompare(cmp)
		uops["int_jump_if_"+name] = intJumpIf(cmp)
	}
	for name, cmp := range floatCmps {
		uops["float_"+name] = floatCompare(cmp)
		uops["float_jump_if_"+name] = floatJumpIf(cmp)
	}
	return uops
}

// buildUops is the table of every uop: core and the optimizer's variants.
func buildUops(core map[string]uop) map[string]uop {
	// (Sized for the ~250 variants at once.)
	uops := make(map[string]uop, len(core)+300)
	for k, f := range core {
		uops[k] = f
	}
	registerVariants(uops)
	registerNonNeg(uops)
	return uops
}
