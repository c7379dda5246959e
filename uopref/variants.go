package uopref

import (
	"fmt"
	"math"
	"strings"

	"github.com/copypatch/copypatch/templates"
)

// Where a register variant's operand lives: its variant value (s: the
// slot; f0, f1: that cached register).
var regWhere = []string{"s", "f0", "f1"}

// freg reads a register variant's float operand n from where.
func (m *machine) freg(where string, n int) float64 {
	if where == "s" {
		return f64(m.slot(n))
	}
	return math.Float64frombits(m.regs[where[1]-'0'])
}

// fresult stores a register variant's result: to dst's bits (and its
// float tag, for tag t) and to register d.
func (m *machine) fresult(dst *templates.Value, tag string, d int, r float64) {
	if tag == "t" {
		dst.Tag = templates.TagFloat
	}
	dst.Bits = math.Float64bits(r)
	m.regs[d] = math.Float64bits(r)
}

// digit is "0" or "1", a register variant's register in its name.
// (Names are built by concatenation, not fmt.Sprintf: the two hundred
// names registerVariants makes were most of the instructions of starting
// minipy.)
func digit(d int) string { return string(rune('0' + d)) }

// nameArena joins names into one buffer: the register variants' ~180
// names, each concatenated into an allocation of its own, were half of
// building the table (callgrind). A strings.Builder only appends, so a
// string it returned stays as it was.
type nameArena struct{ b strings.Builder }

// join is the concatenation of parts.
func (a *nameArena) join(parts ...string) string {
	start := a.b.Len()
	for _, p := range parts {
		a.b.WriteString(p)
	}
	return a.b.String()[start:]
}

// registerVariants adds the register variants of the float arithmetic
// (float_add_r.c ...: the _bits uop with its result also in register D,
// operands from A and B) and of the float compare-and-branches.
func registerVariants(uops map[string]uop) {
	var names nameArena
	names.b.Grow(6 << 10) // (the ~180 names joined here: ~4.5 KB)
	ariths := map[string]func(a, b float64) float64{
		"add": func(a, b float64) float64 { return a + b },
		"sub": func(a, b float64) float64 { return a - b },
		"mul": func(a, b float64) float64 { return a * b },
		"div": func(a, b float64) float64 { return a / b },
	}
	for name, f := range ariths {
		for _, tag := range []string{"b", "t"} {
			for d := range 2 {
				for _, a := range regWhere {
					for _, b := range regWhere {
						f, name, tag, d, a, b := f, name, tag, d, a, b
						uops[names.join("float_", name, "_r__", tag, "_f", digit(d), "_", a, "_", b)] = func(m *machine) (Next, templates.ExitCode) {
							y := m.freg(b, 2)
							x := m.freg(a, 1)
							dst := m.slot(0)
							if name == "div" && y == 0 {
								return Exit, 0
							}
							m.fresult(dst, tag, d, f(x, y))
							return Continue, 0
						}
					}
				}
			}
		}
	}
	for _, tag := range []string{"b", "t"} {
		for d := range 2 {
			for _, a := range regWhere {
				tag, d, a := tag, d, a
				uops[names.join("float_sqrt_r__", tag, "_f", digit(d), "_", a)] = func(m *machine) (Next, templates.ExitCode) {
					x := m.freg(a, 1)
					dst := m.slot(0)
					if x < 0 { // ValueError; NaN and -0.0 are not < 0
						return Exit, 0
					}
					m.fresult(dst, tag, d, math.Sqrt(x))
					return Continue, 0
				}
			}
		}
	}
	// list_load_r.c: a float element's load, its value also in register
	// D (op3 not read: the kind is float); list_store_r.c: a store of the
	// float register A holds.
	load := uops["list_load"]
	for _, tag := range []string{"b", "t"} {
		for d := range 2 {
			tag, d := tag, d
			uops["list_load_r__"+tag+"_f"+digit(d)] = func(m *machine) (Next, templates.ExitCode) {
				m.ops[3] = uint64(templates.TagFloat)
				old := *m.slot(0)
				next, code := load(m)
				if next == Continue {
					dst := m.slot(0)
					if tag == "b" {
						dst.Tag = old.Tag
					}
					m.regs[d] = dst.Bits
				}
				return next, code
			}
		}
	}
	// list_load_k.c: list_load (t) or list_load_bits (b) of an int or a
	// bool element, the kind built in (op3 not read).
	for _, tag := range []string{"b", "t"} {
		for kind, kt := range map[string]templates.Tag{"int": templates.TagInt, "bool": templates.TagBool} {
			tag, kt := tag, kt
			uops["list_load_k__"+tag+"_"+kind] = func(m *machine) (Next, templates.ExitCode) {
				m.ops[3] = uint64(kt)
				old := *m.slot(0)
				next, code := load(m)
				if next == Continue && tag == "b" {
					m.slot(0).Tag = old.Tag
				}
				return next, code
			}
		}
	}
	// list_load_pk.c, list_store_pk.c: a packed bool list's byte (its
	// slot's kind bits templates.PackedKind), read as a bool (t: tag and
	// bits, b: bits) or written from a bool.
	for _, tag := range []string{"b", "t"} {
		tag := tag
		uops["list_load_pk__"+tag] = func(m *machine) (Next, templates.ExitCode) {
			dst, lv, iv := m.slot(0), m.slot(1), m.slot(2)
			pk := packedOf(lv)
			i, ok := listIndex(i64(iv), int64(len(pk)))
			if !ok {
				return Exit, 0
			}
			if tag == "t" {
				dst.Tag = templates.TagBool
			}
			dst.Bits = uint64(pk[i])
			return Continue, 0
		}
	}
	uops["list_store_pk"] = func(m *machine) (Next, templates.ExitCode) {
		lv, iv, v := m.slot(0), m.slot(1), m.slot(2)
		pk := packedOf(lv)
		i, ok := listIndex(i64(iv), int64(len(pk)))
		if v.Tag != templates.TagBool || !ok {
			return Exit, 0
		}
		if !m.dry {
			pk[i] = uint8(v.Bits)
		}
		return Continue, 0
	}
	// list_store_pkk.c: list_store_pk where the optimizer proved the slot
	// a packed list and the value a bool: neither is tested (the byte is
	// the value's low bits, as natively); a slot whose kind bits are not
	// packed is a bad operand.
	uops["list_store_pkk"] = func(m *machine) (Next, templates.ExitCode) {
		lv, iv, v := m.slot(0), m.slot(1), m.slot(2)
		if lv.Tag != templates.TagObject || lv.Bits&7 != templates.PackedKind {
			if m.err == nil {
				m.err = fmt.Errorf("%w: list_store_pkk's slot holds %v with bits %#x, not a packed list", ErrBadList, lv.Tag, lv.Bits)
			}
			return Exit, 0
		}
		pk := packedOf(lv)
		i, ok := listIndex(i64(iv), int64(len(pk)))
		if !ok {
			return Exit, 0
		}
		if !m.dry {
			pk[i] = uint8(v.Bits)
		}
		return Continue, 0
	}
	// list_store_k.c: a store of a value whose kind, an int or a bool,
	// the optimizer proved: the element gets that tag and the value's
	// bits (the value's own tag is not read).
	for kind, kt := range map[string]templates.Tag{"int": templates.TagInt, "bool": templates.TagBool} {
		kt := kt
		uops["list_store_k__"+kind] = func(m *machine) (Next, templates.ExitCode) {
			lv, iv, v := m.slot(0), m.slot(1), m.slot(2)
			l, vals := m.list(lv)
			i, ok := listIndex(i64(iv), int64(len(vals)))
			if l.Objs != 0 || !ok {
				return Exit, 0
			}
			if !m.dry {
				vals[i] = templates.Value{Tag: kt, Bits: v.Bits}
			}
			return Continue, 0
		}
	}
	for r := range 2 {
		uops["list_store_r__f"+digit(r)] = func(m *machine) (Next, templates.ExitCode) {
			lv, iv := m.slot(0), m.slot(1)
			m.slot(2) // (not read: register r holds its value)
			l, vals := m.list(lv)
			i, ok := listIndex(i64(iv), int64(len(vals)))
			if l.Objs != 0 || !ok {
				return Exit, 0
			}
			if !m.dry {
				vals[i] = templates.Value{Tag: templates.TagFloat, Bits: m.regs[r]}
			}
			return Continue, 0
		}
	}
	// list_store_rin.c: list_store_r at an index the optimizer proved in
	// range and not negative, neither of which it tests; an index out of
	// that range is a bad operand (natively it would store outside the
	// list).
	for r := range 2 {
		uops["list_store_rin__f"+digit(r)] = func(m *machine) (Next, templates.ExitCode) {
			lv, iv := m.slot(0), m.slot(1)
			m.slot(2) // (not read: register r holds its value)
			l, vals := m.list(lv)
			i := i64(iv)
			if m.err != nil {
				return Exit, 0
			}
			if i < 0 || i >= int64(len(vals)) {
				m.err = fmt.Errorf("%w: list_store_rin at %d of a list of %d", ErrBadList, i, len(vals))
				return Exit, 0
			}
			if l.Objs != 0 {
				return Exit, 0
			}
			if !m.dry {
				vals[i] = templates.Value{Tag: templates.TagFloat, Bits: m.regs[r]}
			}
			return Continue, 0
		}
	}
	for _, name := range []string{"lt", "le", "gt", "ge"} {
		cmp := floatCmps[name]
		for _, a := range regWhere {
			for _, b := range regWhere {
				if a == b {
					continue // (not built: the plain uop, or x < x)
				}
				a, b := a, b
				uops[names.join("float_jump_if_", name, "_r__", a, "_", b)] = func(m *machine) (Next, templates.ExitCode) {
					return jumpIf(cmp(m.freg(a, 0), m.freg(b, 1)))
				}
			}
		}
	}
}
