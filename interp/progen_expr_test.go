package interp

import (
	"fmt"
	"strings"
)

// The random program generator's expressions, lists and functions:
// constants, operands, arithmetic kept bounded, conditions, the helper
// functions loops call, and list variables. The generator itself and its
// statements are in progen_test.go.

// ---- constants ----

// pgBigInts are ints beyond 64 bits or at their edge, with their sizes.
var pgBigInts = []struct {
	s    string
	bits int
}{
	{"36028797018963968", 56}, {"9223372036854775807", 63}, {"-9223372036854775808", 64},
	{"1180591620717411303424", 71}, {"18446744073709551616", 65}, {"4611686018427387904", 63},
	{"9223372036854775808", 64}, {"1000000007", 30}, {"100000000000000000000", 67},
	{"-4611686018427387904", 63}, {"3037000500", 32}, {"-3037000499", 32},
	{"9007199254740993", 54}, {"-9007199254740992", 54},
}

// pgBigExprs are the same written as expressions, for wild functions.
var pgBigExprs = []struct {
	s    string
	bits int
}{
	{"(1 << 70)", 71}, {"(2 ** 64)", 65}, {"(1 << 63)", 64}, {"(10 ** 20)", 67},
	{"(-(1 << 62))", 63}, {"(-9223372036854775807 - 1)", 64},
}

func (g *pgGen) bigInt() pgExpr {
	if !g.tame && g.pct(30) {
		c := pgBigExprs[g.r.Intn(len(pgBigExprs))]
		return pgExpr{s: c.s, bits: c.bits}
	}
	c := pgBigInts[g.r.Intn(len(pgBigInts))]
	if c.s[0] == '-' {
		return pgExpr{s: "(" + c.s + ")", bits: c.bits}
	}
	return pgExpr{s: c.s, bits: c.bits}
}

// intConst returns an int constant and its size in bits.
func (g *pgGen) intConst() pgExpr {
	switch g.r.Intn(10) {
	case 0:
		return g.bigInt()
	case 1, 2:
		v := g.r.Intn(2000) - 1000
		if v < 0 {
			return pgExpr{s: fmt.Sprintf("(%d)", v), bits: pgBits(v)}
		}
		return pgExpr{s: fmt.Sprint(v), bits: pgBits(v)}
	default:
		v := g.r.Intn(24) - 6
		if v < 0 {
			return pgExpr{s: fmt.Sprintf("(%d)", v), bits: pgBits(v)}
		}
		return pgExpr{s: fmt.Sprint(v), bits: pgBits(v)}
	}
}

var pgFloats = []string{
	"0.5", "1.5", "-2.25", "0.1", "3.0", "1e-3", "2.5e10", "7.25", "-0.0",
	"0.3333333333333333", "1e16", "-1.75", "100.0", "3.141592653589793",
	"9007199254740993.0", "0.2", "-7.5", "2.0",
}

func (g *pgGen) floatConst() string {
	s := g.pick(pgFloats...)
	if g.pct(3) {
		s = g.pick("1e300", "-1e300", "1.7976931348623157e308", "5e-324")
	}
	if s[0] == '-' {
		return "(" + s + ")"
	}
	return s
}

// numConst is a literal for a number argument or element of kind k.
func (g *pgGen) numConst(k pgKind) string {
	r := g.r.Intn(6)
	if k == pgFloat && r < 3 {
		r += 3
	}
	switch r {
	case 0:
		return g.pick("True", "False")
	case 1, 2:
		if g.pct(50) {
			return g.bigInt().s
		}
		return fmt.Sprint(g.r.Intn(30) - 10)
	case 3, 4:
		return g.floatConst()
	default:
		if k == pgFloat && g.pct(70) {
			return g.floatConst()
		}
		return fmt.Sprint(g.r.Intn(30) - 10)
	}
}

// modulus returns a positive constant to reduce ints by: mostly within 64
// bits in tame functions, where a big int constant stops the recording.
func (g *pgGen) modulus() string {
	if g.tame && g.pct(80) {
		return g.pick("1000003", "1000000007", "9223372036854775783", "2147483647", "4294967296", "97")
	}
	return g.pick("1000003", "18446744073709551616", "618970019642690137449562111", "9223372036854775807", "1180591620717411303424")
}

// mask returns a constant to reduce ints by with &.
func (g *pgGen) mask() string {
	if g.tame && g.pct(80) {
		return g.pick("0xff", "0xffff", "0x7fffffffffffffff", "63", "0xffffffff")
	}
	return g.pick("0xffffffffffffffff", "1267650600228229401496703205375", "0x7fffffff", "0xffff")
}

// ---- expressions ----

// pickVar returns a variable in scope (globals included) that matches f,
// or nil.
func (g *pgGen) pickVar(f func(*pgVar) bool) *pgVar {
	var vs []*pgVar
	for _, v := range g.vars {
		if f(v) {
			vs = append(vs, v)
		}
	}
	for _, v := range g.globals {
		if f(v) {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return nil
	}
	if g.pct(30) {
		// The innermost: loop variables vary most.
		for i := len(g.vars) - 1; i >= 0; i-- {
			if f(g.vars[i]) {
				return g.vars[i]
			}
		}
	}
	return vs[g.r.Intn(len(vs))]
}

func isList(v *pgVar) bool { return v.kind == pgList }

// index returns an index of list a that is in range: a[...] never fails.
func (g *pgGen) index(a *pgVar) string {
	if j := g.pickVar(func(v *pgVar) bool { return v.index == a }); j != nil && g.pct(60) {
		if g.pct(30) {
			return "-1 - " + j.name
		}
		return j.name
	}
	switch g.r.Intn(5) {
	case 0:
		c := g.r.Intn(a.minLen)
		if g.pct(40) {
			return fmt.Sprint(-1 - c)
		}
		return fmt.Sprint(c)
	case 1:
		return fmt.Sprintf("-1 - %s %% len(%s)", g.atom(pgInt, 64, false).s, a.name)
	case 2:
		return fmt.Sprintf("%s %% len(%s)", g.expr(pgInt, 200, 1, true).s, a.name)
	default:
		return fmt.Sprintf("%s %% len(%s)", g.atom(pgInt, 64, false).s, a.name)
	}
}

// varFits says whether v can stand where an expression of kind k is wanted.
func (g *pgGen) varFits(v *pgVar, k pgKind) bool {
	switch k {
	case pgInt:
		return v.kind == pgInt
	case pgFloat:
		return v.kind == pgFloat || v.kind == pgNum && g.tame
	case pgNum:
		return v.kind != pgList
	}
	return false
}

func (g *pgGen) elemFits(e, k pgKind) bool {
	switch k {
	case pgInt:
		return e == pgInt
	case pgFloat:
		return e == pgFloat
	}
	return true
}

// atom returns a leaf of kind k at most budget bits wide, growing only if
// grow allows it.
func (g *pgGen) atom(k pgKind, budget int, grow bool) pgExpr {
	for try := 0; try < 8; try++ {
		switch g.r.Intn(13) {
		case 0, 1:
			if k == pgFloat || k == pgNum && g.pct(50) {
				return pgExpr{s: g.floatConst()}
			}
			if c := g.intConst(); c.bits <= budget {
				return c
			}
		case 2, 3, 4, 5, 6:
			v := g.pickVar(func(v *pgVar) bool {
				if !g.varFits(v, k) {
					return false
				}
				if v.grow {
					return grow
				}
				return v.bits <= budget
			})
			if v != nil {
				return pgExpr{s: v.name, bits: v.bits, grow: v.grow}
			}
		case 7:
			if k == pgFloat {
				// An int in float arithmetic.
				x := g.expr(pgInt, min(budget, 300), 1, grow)
				return pgExpr{s: "(" + x.s + " " + g.pick("*", "+", "-", "/") + " " + g.pick("0.5", "1.5", "(-2.0)") + ")", grow: x.grow}
			}
			a := g.pickVar(isList)
			if a != nil && budget >= 5 {
				return pgExpr{s: "len(" + a.name + ")", bits: 5}
			}
		case 8, 9:
			if !grow {
				break
			}
			a := g.pickVar(func(v *pgVar) bool { return isList(v) && g.elemFits(v.elem, k) })
			if a != nil {
				return pgExpr{s: fmt.Sprintf("%s[%s]", a.name, g.index(a)), grow: true}
			}
		case 10:
			if e, ok := g.callHelper(k, budget); ok {
				return e
			}
		case 11:
			if k == pgInt {
				break
			}
			x := g.expr(g.pickKind(pgInt, k), 600, 1, grow)
			switch g.r.Intn(3) {
			case 0:
				return pgExpr{s: "math.sqrt(abs(" + x.s + "))", bits: x.bits, grow: x.grow}
			case 1:
				if k == pgNum {
					return pgExpr{s: "float(" + x.s + ")", bits: x.bits, grow: x.grow}
				}
				fallthrough
			default:
				x = g.expr(k, 600, 1, grow)
				return pgExpr{s: "abs(" + x.s + ")", bits: x.bits, grow: x.grow}
			}
		case 12:
			if budget >= 6 && k != pgFloat {
				return pgExpr{s: fmt.Sprint(g.r.Intn(40)), bits: 6}
			}
		}
	}
	if k == pgFloat {
		return pgExpr{s: "1.0"}
	}
	return pgExpr{s: "1", bits: 1}
}

func (g *pgGen) pickKind(a, b pgKind) pgKind {
	if g.pct(50) {
		return a
	}
	return b
}

// mulGrowOK says whether a product may have a growing side here: only in
// loops that run few times.
func (g *pgGen) mulGrowOK() bool { return g.mult <= 40 }

// divisor returns an expression of kind k that is never zero.
func (g *pgGen) divisor(k pgKind, d int) pgExpr {
	switch g.r.Intn(6) {
	case 0:
		v := g.r.Intn(13) + 1
		if g.pct(30) {
			return pgExpr{s: fmt.Sprintf("(-%d)", v), bits: 4}
		}
		return pgExpr{s: fmt.Sprint(v), bits: 4}
	case 1:
		if k != pgInt {
			return pgExpr{s: g.pick("0.5", "2.5", "(-1.5)", "3.0", "0.1")}
		}
		return pgExpr{s: g.pick("36893488147419103232", "1000000007", "(-18446744073709551616)", "3037000500"), bits: 66}
	case 2:
		x := g.expr(k, 200, d-1, false)
		if k == pgFloat {
			return pgExpr{s: "(abs(" + x.s + ") + 1.0)"}
		}
		return pgExpr{s: "(abs(" + x.s + ") + 1)", bits: x.bits + 1}
	case 3:
		a := g.pickVar(isList)
		if a != nil {
			return pgExpr{s: "len(" + a.name + ")", bits: 5}
		}
		return pgExpr{s: "7", bits: 3}
	default:
		x := g.expr(pgInt, 2000, d-1, true)
		if k == pgNum {
			x = g.expr(k, 2000, d-1, true)
		}
		m := g.r.Intn(9) + 2
		return pgExpr{s: fmt.Sprintf("(%s %% %d + 1)", x.s, m), bits: 4}
	}
}

// expr returns an expression of kind k of depth at most d whose
// magnitude, unless it grows, is below 2**budget.
func (g *pgGen) expr(k pgKind, budget int, d int, grow bool) pgExpr {
	if d <= 0 || g.pct(25) {
		return g.atom(k, budget, grow)
	}
	var ops []string
	switch k {
	case pgInt:
		ops = []string{"+", "-", "*", "//", "%", "neg", "abs", "+", "-", "*", "<<", ">>", "&", "|", "^", "~", "<<", "&"}
	case pgFloat:
		ops = []string{"+", "-", "*", "/", "neg", "abs", "+", "-", "*", "/", "mix"}
	default:
		ops = []string{"+", "-", "*", "//", "%", "neg", "abs", "+", "-", "*", "/", "/", "*f", "mix"}
	}
	switch op := ops[g.r.Intn(len(ops))]; op {
	case "+", "-":
		a := g.expr(k, budget-1, d-1, grow)
		b := g.expr(k, budget-1, d-1, grow)
		return pgExpr{s: "(" + a.s + " " + op + " " + b.s + ")", bits: max(a.bits, b.bits) + 1, grow: a.grow || b.grow}
	case "mix":
		// Float and int operands.
		a := g.expr(pgFloat, budget-1, d-1, grow)
		b := g.expr(pgInt, min(budget-1, 300), d-1, grow)
		if g.pct(50) {
			a, b = b, a
		}
		return pgExpr{s: "(" + a.s + " " + g.pick("+", "-", "*") + " " + b.s + ")", bits: max(a.bits, b.bits) + 1, grow: a.grow || b.grow}
	case "*", "*f":
		growA := grow && g.mulGrowOK()
		a := g.expr(k, budget/2, d-1, growA)
		b := g.expr(k, budget-a.bits, d-1, growA && !a.grow)
		if op == "*f" && !a.grow {
			b = pgExpr{s: g.floatConst()}
		}
		return pgExpr{s: "(" + a.s + " * " + b.s + ")", bits: a.bits + b.bits, grow: a.grow || b.grow}
	case "/":
		a := g.expr(g.pickKind(k, pgInt), budget, d-1, grow)
		b := g.divisor(g.pickKind(k, pgInt), d)
		return pgExpr{s: "(" + a.s + " / " + b.s + ")", bits: a.bits, grow: a.grow}
	case "//":
		a := g.expr(k, budget, d-1, grow)
		b := g.divisor(k, d)
		return pgExpr{s: "(" + a.s + " // " + b.s + ")", bits: a.bits, grow: a.grow}
	case "%":
		a := g.expr(k, 2000, d-1, true)
		b := g.divisor(k, d)
		return pgExpr{s: "(" + a.s + " % " + b.s + ")", bits: b.bits, grow: false}
	case "neg":
		a := g.expr(k, budget-1, d-1, grow)
		return pgExpr{s: "(-" + a.s + ")", bits: a.bits + 1, grow: a.grow}
	case "abs":
		a := g.expr(k, budget, d-1, grow)
		return pgExpr{s: "abs(" + a.s + ")", bits: a.bits, grow: a.grow}
	case "~":
		a := g.expr(k, budget-1, d-1, grow)
		return pgExpr{s: "(~" + a.s + ")", bits: a.bits + 1, grow: a.grow}
	case "<<":
		a := g.expr(k, budget-8, d-1, grow && g.mulGrowOK())
		room := max(min(70, budget-a.bits), 0)
		if g.tame && g.pct(85) {
			room = min(room, 12)
		}
		if g.pct(30) {
			s := g.expr(pgInt, 64, d-1, false)
			return pgExpr{s: fmt.Sprintf("(%s << (%s & 7))", a.s, s.s), bits: a.bits + 7, grow: a.grow}
		}
		c := g.r.Intn(room + 1)
		return pgExpr{s: fmt.Sprintf("(%s << %d)", a.s, c), bits: a.bits + c, grow: a.grow}
	case ">>":
		a := g.expr(k, budget, d-1, grow)
		if g.pct(30) {
			s := g.expr(pgInt, 64, d-1, false)
			return pgExpr{s: fmt.Sprintf("(%s >> (%s & 63))", a.s, s.s), bits: a.bits, grow: a.grow}
		}
		return pgExpr{s: fmt.Sprintf("(%s >> %d)", a.s, g.r.Intn(80)), bits: a.bits, grow: a.grow}
	default: // & | ^
		a := g.expr(k, budget, d-1, grow)
		b := g.expr(k, budget, d-1, grow)
		if op == "&" && g.pct(40) {
			m := g.mask()
			return pgExpr{s: "(" + a.s + " & " + m + ")", bits: 80, grow: false}
		}
		return pgExpr{s: "(" + a.s + " " + op + " " + b.s + ")", bits: max(a.bits, b.bits) + 1, grow: a.grow || b.grow}
	}
}

// numKind is the kind of the numbers the function computes with.
func (g *pgGen) numKind() pgKind {
	if g.tame {
		return pgFloat
	}
	return pgNum
}

// cond returns a condition that goes both ways as loops run.
func (g *pgGen) cond(d int) string {
	cmp := g.pick("<", "<=", ">", ">=", "==", "!=", "<", ">")
	switch g.r.Intn(12) {
	case 0, 1:
		v := g.pickVar(func(v *pgVar) bool { return v.small })
		if v != nil {
			k := g.r.Intn(4) + 2
			return fmt.Sprintf("%s %% %d %s %d", v.name, k, g.pick("==", "!=", "<", ">="), g.r.Intn(k))
		}
	case 2:
		a := g.expr(pgInt, 400, 2, true)
		b := g.expr(pgInt, 400, 1, true)
		return fmt.Sprintf("%s %s %s", a.s, cmp, b.s)
	case 3:
		k := g.numKind()
		a := g.expr(k, 400, 2, true)
		if g.pct(30) {
			// A float against an int constant.
			return fmt.Sprintf("%s %s %s", a.s, cmp, g.pick("0", "1", "3", "(-2)", "100", "9007199254740993", "9007199254740992"))
		}
		b := g.expr(k, 400, 1, true)
		return fmt.Sprintf("%s %s %s", a.s, cmp, b.s)
	case 4:
		a := g.expr(pgInt, 400, 2, true)
		return fmt.Sprintf("%s %% %d %s %d", a.s, g.r.Intn(5)+2, g.pick("==", "!="), g.r.Intn(2))
	case 5:
		a := g.pickVar(func(v *pgVar) bool { return isList(v) && v.elem == pgBool })
		if a != nil {
			s := fmt.Sprintf("%s[%s]", a.name, g.index(a))
			if g.pct(40) {
				return "not " + s
			}
			return s
		}
	case 6:
		if d > 0 {
			return fmt.Sprintf("(%s) %s (%s)", g.cond(d-1), g.pick("and", "or"), g.cond(d-1))
		}
	case 7:
		if d > 0 && !g.tame {
			return "not (" + g.cond(d-1) + ")"
		}
	case 8, 9:
		v := g.pickVar(func(v *pgVar) bool { return v.kind == pgInt && v.small })
		if v != nil {
			return fmt.Sprintf("%s %s %d", v.name, cmp, v.lo+g.r.Intn(v.hi-v.lo+1))
		}
	case 10:
		// Characters of a str compared (str_char, str_jump_if_eq), now
		// and then a non-ASCII one, which traces do not index.
		v := g.pickVar(func(v *pgVar) bool { return v.kind == pgInt && v.small })
		if v != nil {
			s := g.pick(`"acgtta"`, `"abcab"`, `"xyx"`, `"a\u00e9ab"`)
			other := g.pick(`"a"`, `"b"`, `"t"`, `"x"`, fmt.Sprintf("%s[%d]", s, g.r.Intn(3)))
			return fmt.Sprintf("%s[%s %% len(%s)] %s %s", s, v.name, s, g.pick("==", "!="), other)
		}
	case 11:
		// None-ness that changes between iterations: a list element or a
		// conditional that is None now and then (guard_none, None loads).
		v := g.pickVar(func(v *pgVar) bool { return v.kind == pgInt && v.small })
		if v != nil {
			is := g.pick("is", "is not")
			if g.pct(50) {
				return fmt.Sprintf("[None, %d, None, 2.5][%s %% 4] %s None", g.r.Intn(9), v.name, is)
			}
			return fmt.Sprintf("(%s if %s %% %d == 0 else None) %s None", v.name, v.name, g.r.Intn(3)+2, is)
		}
	}
	a := g.expr(pgInt, 100, 1, true)
	return fmt.Sprintf("%s & %d", a.s, 1<<g.r.Intn(3))
}

// ---- helpers ----

// callHelper returns a call of a helper whose result fits kind k, if there
// is one.
func (g *pgGen) callHelper(k pgKind, budget int) (pgExpr, bool) {
	var hs []*pgFunc
	for _, h := range g.helpers {
		if (k == pgNum || h.kind == k) && h.bits <= budget {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		return pgExpr{}, false
	}
	h := hs[g.r.Intn(len(hs))]
	var args []string
	for _, p := range h.params {
		args = append(args, g.expr(p.kind, 64, 1, false).s)
	}
	return pgExpr{s: h.name + "(" + strings.Join(args, ", ") + ")", bits: h.bits}, true
}

// helper writes a small function the loops call: one expression, a branch,
// a short loop, a try (not inlined), or a short recursion.
func (g *pgGen) helper() {
	h := &pgFunc{name: g.name("h"), kind: pgInt, level: 1}
	g.tame = g.pct(80)
	switch {
	case g.pct(40):
		h.kind = pgFloat
	case !g.tame && g.pct(50):
		h.kind = pgNum
	}
	for _, hh := range g.helpers {
		h.level = max(h.level, hh.level+1)
	}
	// At most three deep: a helper calls only helpers of lower levels.
	h.level = min(h.level, 3)
	for i, n := 0, 1+g.r.Intn(3); i < n; i++ {
		h.params = append(h.params, &pgVar{name: fmt.Sprintf("p%d", i), kind: h.kind, bits: 64, fixed: true})
	}
	g.vars = append([]*pgVar(nil), h.params...)
	g.mult = 1
	g.loops = nil
	saved := g.helpers
	var lower []*pgFunc
	for _, hh := range g.helpers {
		if hh.level < h.level {
			lower = append(lower, hh)
		}
	}
	g.helpers = lower
	var names []string
	for _, p := range h.params {
		names = append(names, p.name)
	}
	g.line("def %s(%s):", h.name, strings.Join(names, ", "))
	g.ind++
	const hbits = 200
	switch g.r.Intn(7) {
	case 0, 1:
		g.line("return %s", g.expr(h.kind, hbits, 3, false).s)
	case 2, 3:
		g.line("if %s:", g.cond(1))
		g.line("    return %s", g.expr(h.kind, hbits, 2, false).s)
		if g.pct(50) {
			g.line("elif %s:", g.cond(1))
			g.line("    return %s", g.expr(h.kind, hbits, 2, false).s)
		}
		g.line("return %s", g.expr(h.kind, hbits, 2, false).s)
	case 4:
		g.line("r = %s", g.expr(h.kind, 100, 2, false).s)
		t := &pgVar{name: "t", kind: pgInt, small: true, lo: 0, hi: 4, bits: 3, fixed: true}
		g.line("for t in range(%d):", 1+g.r.Intn(4))
		g.vars = append(g.vars, t)
		if h.kind == pgInt {
			g.line("    r = (r + %s) %% %s", g.expr(h.kind, 100, 2, false).s, g.modulus())
		} else {
			g.line("    r = r * 0.5 + %s", g.expr(h.kind, 100, 2, false).s)
		}
		g.line("return r")
	case 5:
		g.line("try:")
		a := g.expr(h.kind, 64, 2, false)
		b := g.expr(pgInt, 64, 1, false)
		g.line("    return %s // (%s %% 3)", a.s, b.s)
		g.line("except ZeroDivisionError:")
		g.line("    return %s", g.expr(h.kind, hbits, 2, false).s)
	default:
		p0 := h.params[0]
		if g.pct(50) {
			// A deeper recursion, which runs as a function trace
			// calling itself natively: sums that may outgrow 64 bits
			// or turn float at some depth leave it there.
			g.line("if %s <= 0 or %s > 40:", p0.name, p0.name)
			g.line("    return %s", g.expr(h.kind, 150, 2, false).s)
			args := []string{p0.name + " - 1"}
			for _, p := range h.params[1:] {
				args = append(args, p.name)
			}
			g.line("return %s(%s) + %s", h.name, strings.Join(args, ", "), g.expr(h.kind, 150, 2, false).s)
			break
		}
		// A short recursion on the first parameter.
		g.line("if not (0 < %s < 7):", p0.name)
		g.line("    return %s", g.expr(h.kind, 64, 2, false).s)
		args := []string{p0.name + " - 1"}
		for _, p := range h.params[1:] {
			args = append(args, p.name)
		}
		g.line("return (%s(%s) + %s) %% 1000000007", h.name, strings.Join(args, ", "), g.expr(h.kind, 64, 2, false).s)
	}
	g.ind--
	g.line("")
	g.helpers = saved
	h.bits = hbits + 2
	if h.kind != pgInt {
		h.bits = 400
	}
	g.helpers = append(g.helpers, h)
}

// ---- functions ----

func (g *pgGen) function() {
	f := &pgFunc{name: g.name("f")}
	g.tame = g.pct(65)
	g.vars = nil
	g.loops = nil
	g.mult = 1
	g.depth = 0
	g.stmts = 10 + g.r.Intn(14)
	// Parameters: a small int, a number, a list.
	if g.pct(70) {
		f.params = append(f.params, &pgVar{name: "n", kind: pgInt, small: true, lo: -3, hi: 20, bits: 5, fixed: true})
	}
	if g.pct(60) {
		f.params = append(f.params, &pgVar{name: "x", kind: g.numKind(), bits: 72, fixed: true})
	}
	if g.pct(60) {
		f.params = append(f.params, &pgVar{name: "a", kind: pgList, elem: g.elemKind(), minLen: 1, maxLen: 16, fixed: true})
	}
	var names []string
	for _, p := range f.params {
		names = append(names, p.name)
		g.vars = append(g.vars, p)
	}
	g.line("def %s(%s):", f.name, strings.Join(names, ", "))
	g.ind++
	var globalNames []string
	for _, v := range g.globals {
		if v.counter {
			globalNames = append(globalNames, v.name)
		}
	}
	if len(globalNames) > 0 {
		g.line("global %s", strings.Join(globalNames, ", "))
	}
	// Locals, all bound before any loop; some as attributes of a box.
	var ret []string
	box := ""
	if g.pct(40) {
		box = g.name("o")
		g.line("%s = Box()", box)
	}
	local := func(v *pgVar, init string) {
		if box != "" && g.pct(60) {
			v.name = box + "." + v.name
		}
		g.line("%s = %s", v.name, init)
		g.vars = append(g.vars, v)
		ret = append(ret, v.name)
	}
	for i, n := 0, 1+g.r.Intn(3); i < n; i++ {
		local(&pgVar{name: g.name("s"), kind: pgInt, grow: true}, g.intConst().s)
	}
	for i, n := 0, g.r.Intn(3); i < n; i++ {
		local(&pgVar{name: g.name("v"), kind: pgInt, bits: 128}, g.intConst().s)
	}
	for i, n := 0, 1+g.r.Intn(2); i < n; i++ {
		v := &pgVar{name: g.name("x"), kind: g.numKind(), grow: true}
		switch {
		case g.tame && g.pct(35):
			v.kind, v.switcher = pgNum, true
			local(v, fmt.Sprint(g.r.Intn(10)))
		case g.tame || g.pct(40):
			local(v, g.floatConst())
		default:
			local(v, fmt.Sprint(g.r.Intn(10)))
		}
	}
	for i, n := 0, g.r.Intn(3); i < n; i++ {
		v := g.newList()
		g.vars = append(g.vars, v)
		ret = append(ret, v.name)
	}
	for g.stmts > 0 {
		g.loop()
	}
	if g.pct(20) {
		g.line("print(%q, %s)", f.name, strings.Join(ret, ", "))
	}
	g.line("return %s", strings.Join(ret, ", "))
	g.ind--
	g.line("")
	g.funcs = append(g.funcs, f)
	g.vars = nil
}

func (g *pgGen) elemKind() pgKind {
	if g.tame {
		return g.pickKind(pgInt, pgFloat)
	}
	switch g.r.Intn(5) {
	case 0, 1:
		return pgInt
	case 2:
		return pgBool
	default:
		return pgNum
	}
}

func (g *pgGen) elemConst(k pgKind) string {
	switch k {
	case pgInt:
		if g.pct(10) {
			return g.bigInt().s
		}
		return fmt.Sprint(g.r.Intn(40) - 10)
	case pgBool:
		return g.pick("True", "False")
	}
	return g.numConst(k)
}

// listLiteral is a list of n elements of kind k.
func (g *pgGen) listLiteral(k pgKind, n int) string {
	var es []string
	for i := 0; i < n; i++ {
		es = append(es, g.elemConst(k))
	}
	return "[" + strings.Join(es, ", ") + "]"
}

func (g *pgGen) newList() *pgVar {
	v := &pgVar{name: g.name("a"), kind: pgList, elem: g.elemKind()}
	n := 1 + g.r.Intn(8)
	switch g.r.Intn(4) {
	case 0:
		z := "0"
		switch v.elem {
		case pgBool:
			z = "False"
		case pgFloat:
			z = g.pick("0.0", "1.5")
		case pgNum:
			z = g.pick("0", "0.0", "1.5")
		}
		g.line("%s = [%s] * %d", v.name, z, n)
	case 1:
		if v.elem != pgBool {
			c := g.elemConst(v.elem)
			if v.elem == pgFloat {
				c = g.floatConst()
			}
			g.line("%s = [t * %s for t in range(%d)]", v.name, c, n)
			break
		}
		fallthrough
	default:
		g.line("%s = %s", v.name, g.listLiteral(v.elem, n))
	}
	v.minLen, v.maxLen = n, 16
	return v
}
