package interp

import (
	"fmt"
	"math/rand"
	"strings"
)

// A generator of random programs for the differential testing of the
// trace JIT: every program is valid, deterministic and terminating, runs in
// a few milliseconds, and prints enough that a wrong value shows. The
// programs are built from what traces translate (int and float arithmetic,
// comparisons, range, while and list loops, list loads and stores, calls of
// small functions, len, abs, math.sqrt) and from what makes them leave:
// ints overflowing 64 bits, variables changing type, branches going the
// other way, break, continue, early returns, exceptions inside the loop,
// globals changed between calls.
//
// A function is "tame" or "wild". A tame one keeps to what the recorder
// translates today, so that most of its loops become traces, and leaves
// them only through the exits above; a wild one mixes everything (bools in
// arithmetic, float % and //, float(), list literals and appends, prints
// and global stores in loops), which the recorder stops at or leaves to
// call-outs.
//
// Everything generated runs in minipy without the JIT exactly as in
// CPython (checked against 3.11 and, for the tracebacks' carets, 3.13,
// over thousands of seeds, with exception messages as 3.14 words them).
//
// Loops are bounded by construction: range bounds and while limits are
// small ints whose intervals the generator knows, and the product of the
// nested loops' trip counts is capped. Ints are kept from growing without
// bound: an expression "grows" when it reads an accumulator (a variable
// updated from its own value); a product or a left shift may have at most
// one growing side, and only in loops that run few times, and stored
// values grow only additively unless reduced by % or &.

type pgKind uint8

const (
	pgInt   pgKind = iota // always an int (perhaps big)
	pgFloat               // a float, or an int used only where a float could be
	pgNum                 // an int, a bool or a float
	pgBool                // a bool
	pgList                // a list of numbers
)

// pgVar is a variable in scope where code is being generated.
type pgVar struct {
	name   string
	kind   pgKind
	grow   bool // an accumulator: its magnitude is not bounded
	bits   int  // for a bounded int: a bound on its magnitude in bits
	small  bool // an int in [lo, hi]: fit for range bounds and loop limits
	lo, hi int
	fixed  bool // not to be assigned (loop variables, parameters, globals)
	// switcher is a tame function's number that starts as an int and may
	// turn float at one iteration.
	switcher bool
	// counter is a global the functions update in their loops.
	counter bool
	elem    pgKind
	minLen  int    // lists: never shorter
	maxLen  int    // lists: never longer
	index   *pgVar // a range(len(a)) loop variable: the list a it indexes
}

// pgExpr is a generated expression.
type pgExpr struct {
	s    string
	bits int  // a bound on the magnitude in bits, when !grow
	grow bool // reads an accumulator
}

type pgFunc struct {
	name   string
	params []*pgVar
	level  int    // helpers: the depth of the calls it makes, itself included
	kind   pgKind // helpers: the kind of the result
	bits   int    // helpers: a bound on the result's magnitude
}

type pgLoop struct {
	contOK bool // continue does not skip the counter's step
}

type pgGen struct {
	r       *rand.Rand
	b       strings.Builder
	ind     int
	ids     int
	globals []*pgVar
	helpers []*pgFunc
	funcs   []*pgFunc

	// The function being generated.
	tame  bool
	vars  []*pgVar
	loops []*pgLoop
	mult  int // the product of the enclosing loops' trip counts
	depth int // block nesting
	stmts int // statements left for this function
}

func (g *pgGen) pct(p int) bool { return g.r.Intn(100) < p }

func (g *pgGen) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

func (g *pgGen) name(prefix string) string {
	g.ids++
	return fmt.Sprintf("%s%d", prefix, g.ids)
}

func (g *pgGen) line(format string, args ...any) {
	g.b.WriteString(strings.Repeat("    ", g.ind))
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

func pgBits(v int) int {
	if v < 0 {
		v = -v
	}
	n := 0
	for v > 0 {
		n++
		v >>= 1
	}
	return n
}

// genProgram returns a random program for the JIT's differential tests.
func genProgram(rng *rand.Rand) string {
	g := &pgGen{r: rng}
	g.line("import math")
	g.line("")
	// Locals of some functions live as attributes of an instance, which
	// traces load and store behind shape guards: every function adds its
	// own attributes in its own order, so one class has many shapes.
	g.line("class Box:")
	g.line("    pass")
	g.line("")
	// Globals the functions read; the module changes them between calls.
	for i, n := 0, g.r.Intn(3); i < n; i++ {
		v := &pgVar{name: g.name("K"), kind: pgInt, small: true, lo: 0, hi: 12, bits: 4, fixed: true}
		g.line("%s = %d", v.name, g.r.Intn(13))
		g.globals = append(g.globals, v)
	}
	if g.pct(50) {
		v := &pgVar{name: g.name("F"), kind: pgFloat, bits: 72, fixed: true}
		g.line("%s = %s", v.name, g.floatConst())
		g.globals = append(g.globals, v)
	}
	if g.pct(25) {
		v := &pgVar{name: g.name("C"), kind: pgInt, bits: 20, fixed: true, counter: true}
		g.line("%s = 0", v.name)
		g.globals = append(g.globals, v)
	}
	g.line("")
	for i, n := 0, 1+g.r.Intn(4); i < n; i++ {
		g.helper()
	}
	for i, n := 0, 1+g.r.Intn(3); i < n; i++ {
		g.function()
	}
	g.module()
	return g.b.String()
}

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

// ---- statements ----

// block writes 1 to n statements of a loop body or branch.
func (g *pgGen) block(n int) {
	g.ind++
	g.depth++
	k := min(1+g.r.Intn(n), max(g.stmts, 1))
	start := g.b.Len()
	for i := 0; i < k; i++ {
		g.stmt()
	}
	if g.b.Len() == start {
		g.line("pass")
	}
	g.depth--
	g.ind--
}

func (g *pgGen) stmt() {
	g.stmts--
	inLoop := len(g.loops) > 0
	// Wild functions print, append and store globals in loops; tame ones
	// rarely.
	wild := !g.tame || g.pct(10)
	switch r := g.r.Intn(100); {
	case r < 10 && g.depth < 4 && len(g.loops) < 3:
		g.loop()
	case r < 24 && g.depth < 4:
		g.ifStmt()
	case r < 30 && inLoop:
		g.exitStmt()
	case r < 35:
		g.tryStmt()
	case r < 43:
		g.listStore()
	case r < 48:
		g.typeChange()
	case r < 50 && inLoop && wild:
		g.line("if %s:", g.cond(0))
		g.line("    print(%s)", g.expr(g.numKind(), 400, 2, true).s)
	case r < 52 && inLoop && wild:
		c := g.pickVar(func(v *pgVar) bool { return v.counter })
		if c != nil {
			g.line("%s = (%s * 3 + %s) %% 1000003", c.name, c.name, g.expr(pgInt, 100, 2, false).s)
			break
		}
		fallthrough
	case r < 54 && wild:
		a := g.pickVar(isList)
		if a != nil {
			g.line("if len(%s) < %d:", a.name, a.maxLen)
			g.line("    %s.append(%s)", a.name, g.elemExpr(a.elem))
			break
		}
		fallthrough
	case r < 70:
		g.accUpdate()
	case r < 80:
		g.boundedAssign()
	default:
		g.numUpdate()
	}
}

func (g *pgGen) elemExpr(k pgKind) string {
	if k == pgBool {
		return g.cond(1)
	}
	return g.expr(k, 300, 3, false).s
}

func (g *pgGen) assignable(k pgKind, grow bool) *pgVar {
	return g.pickVar(func(v *pgVar) bool { return v.kind == k && v.grow == grow && !v.fixed })
}

// accUpdate updates an int accumulator: additively, or multiplicatively in
// loops that run few times, or reduced.
func (g *pgGen) accUpdate() {
	v := g.assignable(pgInt, true)
	if v == nil {
		g.numUpdate()
		return
	}
	t := g.expr(pgInt, 300, 3, false)
	switch g.r.Intn(9) {
	case 0:
		g.line("%s += %s", v.name, t.s)
	case 1:
		g.line("%s -= %s", v.name, t.s)
	case 2:
		g.line("%s = %s + %s", v.name, t.s, v.name)
	case 3:
		g.line("%s ^= %s", v.name, t.s)
	case 4:
		switch {
		case g.mult <= 10:
			g.line("%s = %s * %s + %s", v.name, v.name, g.pick("3", "(-2)", "36028797018963968", "1099511627776"), t.s)
		case g.mult <= 40:
			g.line("%s = %s * %s + %s", v.name, v.name, g.pick("3", "2", "(-2)"), t.s)
		default:
			g.line("%s = (%s * %s + %s) %% %s", v.name, v.name, g.pick("3", "31", "(-2)", "36028797018963968"), t.s, g.modulus())
		}
	case 5:
		g.line("%s = -%s + %s", v.name, v.name, t.s)
	case 6:
		g.line("%s = (%s + %s) %% %s", v.name, v.name, t.s, g.modulus())
	case 7:
		if e, ok := g.callHelper(pgInt, 300); ok {
			g.line("%s += %s", v.name, e.s)
			break
		}
		g.line("%s += %s", v.name, t.s)
	default:
		g.line("%s = %s %s (%s >> %d)", v.name, v.name, g.pick("+", "-", "|"), t.s, g.r.Intn(4))
	}
}

// boundedAssign sets a bounded int from bounded values, reduced when need
// be.
func (g *pgGen) boundedAssign() {
	v := g.assignable(pgInt, false)
	if v == nil {
		g.accUpdate()
		return
	}
	if g.pct(40) {
		g.line("%s = %s", v.name, g.expr(pgInt, v.bits, 3, false).s)
		return
	}
	e := g.expr(pgInt, 1000, 3, true)
	switch g.r.Intn(3) {
	case 0:
		m := g.modulus()
		if g.pct(10) {
			m = "(-1000000000000000000000000000000)"
		}
		g.line("%s = %s %% %s", v.name, e.s, m)
	case 1:
		g.line("%s = %s & %s", v.name, e.s, g.mask())
	default:
		if h, ok := g.callHelper(pgInt, v.bits); ok {
			g.line("%s = %s", v.name, h.s)
			return
		}
		g.line("%s = %s %% %s", v.name, e.s, g.modulus())
	}
}

// numUpdate sets a number: int, float, or int turning float.
func (g *pgGen) numUpdate() {
	v := g.pickVar(func(v *pgVar) bool { return (v.kind == pgNum || v.kind == pgFloat) && v.grow && !v.fixed })
	if v == nil {
		return
	}
	if v.switcher {
		// An int that turns float at the odd iteration.
		switch r := g.r.Intn(10); {
		case r < 4:
			g.line("%s = %s + %s", v.name, v.name, g.expr(pgInt, 300, 2, false).s)
		case r < 8:
			g.line("%s -= %s", v.name, g.expr(pgInt, 300, 2, false).s)
		case r < 9:
			g.line("%s = %s / %s", v.name, v.name, g.divisor(pgInt, 2).s)
		default:
			g.line("%s += %s", v.name, g.expr(pgFloat, 300, 2, false).s)
		}
		return
	}
	e := g.expr(v.kind, 300, 3, false)
	switch g.r.Intn(8) {
	case 0:
		g.line("%s += %s", v.name, e.s)
	case 1:
		g.line("%s = %s - %s", v.name, v.name, e.s)
	case 2:
		g.line("%s = %s * %s + %s", v.name, v.name, g.pick("0.5", "1.5", "(-0.75)", "0.999"), e.s)
	case 3:
		g.line("%s = %s", v.name, e.s)
	case 4:
		g.line("%s = %s / %s", v.name, v.name, g.divisor(v.kind, 2).s)
	case 5:
		if h, ok := g.callHelper(v.kind, 400); ok {
			g.line("%s = %s + %s", v.name, v.name, h.s)
			break
		}
		g.line("%s -= %s", v.name, e.s)
	case 6:
		g.line("%s = math.sqrt(abs(%s)) + %s", v.name, v.name, e.s)
	default:
		if v.kind == pgNum {
			g.line("%s = %s %% %s", v.name, v.name, g.divisor(pgNum, 2).s)
		} else {
			g.line("%s = %s * %s", v.name, v.name, g.pick("2.0", "0.5", "1.0000001"))
		}
	}
}

// listStore stores into, adds to, or loads an element of a list.
func (g *pgGen) listStore() {
	a := g.pickVar(isList)
	if a == nil {
		g.accUpdate()
		return
	}
	idx := g.index(a)
	switch {
	case a.elem == pgBool:
		if g.pct(50) {
			g.line("%s[%s] = not %s[%s]", a.name, idx, a.name, g.index(a))
		} else {
			g.line("%s[%s] = %s", a.name, idx, g.cond(1))
		}
	case g.pct(40):
		g.line("%s[%s] += %s", a.name, idx, g.expr(a.elem, 300, 2, false).s)
	case g.pct(40):
		// Load an element into a variable.
		if a.elem == pgInt {
			if v := g.assignable(pgInt, false); v != nil {
				g.line("%s = %s[%s] %% %s", v.name, a.name, idx, g.modulus())
				return
			}
		}
		if v := g.pickVar(func(v *pgVar) bool { return v.kind == a.elem && v.grow && !v.fixed }); v != nil && a.elem != pgInt {
			g.line("%s = %s[%s]", v.name, a.name, idx)
			return
		}
		fallthrough
	default:
		g.line("%s[%s] = %s", a.name, idx, g.elemExpr(a.elem))
	}
}

// typeChange makes a variable change type (int to float, int to big int,
// float to int) at one iteration of the enclosing loop.
func (g *pgGen) typeChange() {
	v := g.pickVar(func(v *pgVar) bool { return v.small && v.fixed })
	c := "True"
	if v != nil {
		c = fmt.Sprintf("%s == %d", v.name, v.lo+g.r.Intn(v.hi-v.lo+1))
	}
	switch g.r.Intn(4) {
	case 0:
		x := g.pickVar(func(v *pgVar) bool { return v.kind == pgNum && v.grow && !v.fixed })
		if x != nil {
			g.line("if %s:", c)
			g.line("    %s = %s %s", x.name, x.name, g.pick("+ 0.5", "/ 4", "* 1.0", "- 1e20"))
			return
		}
		fallthrough
	case 1:
		s := g.assignable(pgInt, true)
		if s != nil {
			g.line("if %s:", c)
			g.line("    %s %s %s", s.name, g.pick("+=", "-=", "^="), g.bigInt().s)
			return
		}
		fallthrough
	case 2:
		x := g.assignable(pgFloat, true)
		if x != nil {
			g.line("if %s:", c)
			g.line("    %s = %d", x.name, g.r.Intn(10))
			return
		}
		fallthrough
	default:
		s := g.assignable(pgInt, false)
		if s != nil {
			g.line("if %s:", c)
			g.line("    %s = %s * 36028797018963968 %% 1267650600228229401496703205375", s.name, s.name)
		}
	}
}

func (g *pgGen) ifStmt() {
	g.line("if %s:", g.cond(1))
	g.block(3)
	for g.pct(35) {
		g.line("elif %s:", g.cond(1))
		g.block(2)
	}
	if g.pct(60) {
		g.line("else:")
		g.block(2)
	}
}

// exitStmt leaves the loop, the iteration or the function, on some
// iterations.
func (g *pgGen) exitStmt() {
	c := g.cond(1)
	switch r := g.r.Intn(10); {
	case r < 4:
		g.line("if %s:", c)
		g.line("    break")
	case r < 8 && g.loops[len(g.loops)-1].contOK:
		g.line("if %s:", c)
		g.line("    continue")
	case r < 9:
		g.line("if %s:", c)
		var ret []string
		for _, v := range g.vars {
			if !v.fixed {
				ret = append(ret, v.name)
			}
		}
		g.line("    return %q, %s", "early", strings.Join(ret, ", "))
	default:
		g.line("if %s:", c)
		g.line("    pass")
		g.line("else:")
		g.line("    break")
	}
}

// tryStmt runs code that may fail (a division by zero, an index out of
// range, a math domain error) under try.
func (g *pgGen) tryStmt() {
	s := g.assignable(pgInt, true)
	x := g.pickVar(func(v *pgVar) bool { return (v.kind == pgNum || v.kind == pgFloat) && v.grow && !v.fixed })
	small := g.pickVar(func(v *pgVar) bool { return v.small })
	a := g.pickVar(isList)
	g.line("try:")
	g.ind++
	var excs []string
	for i, n := 0, 1+g.r.Intn(2); i < n; i++ {
		switch g.r.Intn(4) {
		case 0:
			if s != nil && small != nil {
				g.line("%s += %s // (%s - %d)", s.name, g.expr(pgInt, 200, 2, false).s, small.name, small.lo+g.r.Intn(small.hi-small.lo+1))
				excs = append(excs, "ZeroDivisionError")
				break
			}
			fallthrough
		case 1:
			if a != nil && small != nil {
				tgt := "t"
				if s != nil && a.elem == pgInt {
					tgt = s.name
				} else if x != nil && a.elem != pgBool {
					tgt = x.name
				}
				if tgt == "t" {
					g.line("t = %s[%s - %d]", a.name, small.name, g.r.Intn(8))
				} else {
					g.line("%s = %s[%s - %d] + %s", tgt, a.name, small.name, g.r.Intn(8), tgt)
				}
				excs = append(excs, "IndexError")
				break
			}
			fallthrough
		case 2:
			if x != nil {
				g.line("%s = %s / (%s %% 3)", x.name, g.expr(x.kind, 300, 2, false).s, g.expr(pgInt, 200, 1, true).s)
				excs = append(excs, "ZeroDivisionError")
				break
			}
			fallthrough
		default:
			if x != nil {
				g.line("%s = %s + math.sqrt(%s)", x.name, x.name, g.expr(x.kind, 300, 2, false).s)
				excs = append(excs, "ValueError")
			} else {
				g.line("pass")
			}
		}
	}
	g.ind--
	if len(excs) == 0 {
		excs = []string{"ZeroDivisionError"}
	}
	switch g.r.Intn(3) {
	case 0:
		g.line("except (%s) as e:", strings.Join(excs, ", "))
		g.line("    print(%q, type(e).__name__)", "caught")
	case 1:
		g.line("except %s:", excs[0])
		if s != nil {
			g.line("    %s += 1", s.name)
		} else {
			g.line("    pass")
		}
		if len(excs) > 1 {
			g.line("except Exception as e:")
			g.line("    print(%q, e)", "other")
		}
	default:
		g.line("except Exception as e:")
		g.line("    print(%q, type(e).__name__, e)", "exc")
	}
}

// loop writes a for or while loop whose trip count is bounded.
func (g *pgGen) loop() {
	limit := []int{30, 10, 5}[min(len(g.loops), 2)]
	limit = min(limit, 3000/g.mult)
	if limit < 2 {
		g.accUpdate()
		return
	}
	var vars []*pgVar
	var count int
	var after string // the counter's step at the end of the body
	lp := &pgLoop{contOK: true}
	switch r := g.r.Intn(10); {
	case r < 5:
		iv, head, n := g.rangeHead(limit)
		count = n
		g.line("for %s in %s:", iv.name, head)
		vars = append(vars, iv)
	case r < 8:
		// while over an int counter, its step first (or last when counting
		// down, with no continue).
		k := &pgVar{name: g.name("k"), kind: pgInt, small: true, fixed: true}
		lo, hi, start := g.smallAtom()
		step := 1 + g.r.Intn(3)
		n := limit/2 + g.r.Intn(limit/2+1)
		lim := fmt.Sprintf("%s + %d", start, step*n-g.r.Intn(3))
		if g.pct(30) && (!g.tame || g.pct(30)) {
			lim += ".5"
		}
		k.lo, k.hi = lo, hi+step*(n+1)
		count = n + 1
		switch g.r.Intn(3) {
		case 0:
			g.line("%s = %s", k.name, start)
			g.line("while True:")
			g.line("    %s += %d", k.name, step)
			g.line("    if %s >= %s:", k.name, lim)
			g.line("        break")
		case 1:
			g.line("%s = %s", k.name, start)
			g.line("while %s < %s:", k.name, lim)
			g.line("    %s += %d", k.name, step)
		default:
			g.line("%s = %s + %d", k.name, start, step*n)
			g.line("while %s > %s:", k.name, start)
			k.lo = lo - step
			lp.contOK = false
			after = fmt.Sprintf("    %s -= %d", k.name, step)
		}
		vars = append(vars, k)
	default:
		a := g.pickVar(func(v *pgVar) bool { return isList(v) && v.maxLen <= limit })
		e := &pgVar{name: g.name("e"), grow: true, fixed: true}
		if a == nil || !g.tame && g.pct(25) {
			n := 1 + g.r.Intn(min(limit, 8))
			e.kind = g.elemKind()
			if e.kind == pgBool {
				e.kind = pgInt
			}
			g.line("for %s in %s:", e.name, g.listLiteral(e.kind, n))
			count = n
		} else {
			e.kind = a.elem
			if a.elem == pgBool {
				e.kind = pgNum
			}
			g.line("for %s in %s:", e.name, a.name)
			count = a.maxLen
		}
		vars = append(vars, e)
	}
	for _, v := range vars {
		if v.small {
			v.bits = max(pgBits(v.lo), pgBits(v.hi))
		}
	}
	saved := len(g.vars)
	g.vars = append(g.vars, vars...)
	g.loops = append(g.loops, lp)
	savedMult := g.mult
	g.mult *= max(count, 1)
	g.block(4)
	if after != "" {
		g.line("%s", after)
	}
	g.mult = savedMult
	g.loops = g.loops[:len(g.loops)-1]
	g.vars = g.vars[:saved]
}

// smallAtom returns an int atom whose interval is known: a constant, a
// small parameter or global, a loop variable, a length.
func (g *pgGen) smallAtom() (lo, hi int, s string) {
	switch g.r.Intn(4) {
	case 0, 1:
		v := g.pickVar(func(v *pgVar) bool { return v.small && v.hi-v.lo <= 40 })
		if v != nil {
			return v.lo, v.hi, v.name
		}
	case 2:
		a := g.pickVar(isList)
		if a != nil {
			return a.minLen, a.maxLen, "len(" + a.name + ")"
		}
	}
	c := g.r.Intn(20) - 5
	return c, c, fmt.Sprint(c)
}

// rangeHead returns a loop variable and a range(...) running at most limit
// times (often fewer, sometimes none).
func (g *pgGen) rangeHead(limit int) (*pgVar, string, int) {
	iv := &pgVar{name: g.name("i"), kind: pgInt, small: true, fixed: true}
	for try := 0; try < 10; try++ {
		lo1, hi1, s1 := g.smallAtom()
		switch g.r.Intn(5) {
		case 0: // range(x)
			if hi1 <= limit {
				iv.lo, iv.hi = 0, max(hi1-1, 0)
				return iv, "range(" + s1 + ")", max(hi1, 0)
			}
		case 1: // range(len(a)): the loop variable indexes a
			a := g.pickVar(func(v *pgVar) bool { return isList(v) && v.maxLen <= limit })
			if a != nil {
				if g.pct(30) {
					// range(-len(a), 0) indexes from the end.
					iv.lo, iv.hi = -a.maxLen, -1
					return iv, fmt.Sprintf("range(-len(%s), 0)", a.name), a.maxLen
				}
				iv.lo, iv.hi, iv.index = 0, a.maxLen-1, a
				return iv, "range(len(" + a.name + "))", a.maxLen
			}
		default: // range(x, y, step), either way
			step := 1 + g.r.Intn(3)
			if g.pct(35) {
				step = -step
			}
			lo2, hi2, s2 := g.smallAtom()
			var count int
			if step > 0 {
				count = (hi2 - lo1 + step - 1) / step
			} else {
				count = (hi1 - lo2 - step - 1) / -step
			}
			if count > limit || g.pct(50) {
				// Shorten: the stop is the start plus a constant.
				d := g.r.Intn(limit*max(step, -step)+1) - 2
				if step < 0 {
					d = -d
				}
				s2 = fmt.Sprintf("%s + %d", s1, d)
				lo2, hi2 = lo1+d, hi1+d
				if step > 0 {
					count = max((d+step-1)/step, 0)
				} else {
					count = max((-d-step-1)/-step, 0)
				}
			}
			iv.lo, iv.hi = min(lo1, lo2)-3, max(hi1, hi2)+3
			if step == 1 && g.pct(40) {
				return iv, fmt.Sprintf("range(%s, %s)", s1, s2), count
			}
			return iv, fmt.Sprintf("range(%s, %s, %d)", s1, s2, step), count
		}
	}
	n := g.r.Intn(limit + 1)
	iv.lo, iv.hi = 0, max(n-1, 0)
	return iv, fmt.Sprintf("range(%d)", n), n
}

// ---- the module ----

// module calls the functions with different arguments, changes the
// globals between calls, and may end in an uncaught exception.
func (g *pgGen) module() {
	for _, f := range g.funcs {
		for i, n := 0, 1+g.r.Intn(3); i < n; i++ {
			if i > 0 && len(g.globals) > 0 && g.pct(50) {
				switch v := g.globals[g.r.Intn(len(g.globals))]; {
				case v.counter:
					g.line("%s = %d", v.name, g.r.Intn(1000))
				case v.kind == pgInt:
					g.line("%s = %d", v.name, g.r.Intn(13))
				default:
					g.line("%s = %s", v.name, g.numConst(pgFloat))
				}
			}
			var args []string
			for _, p := range f.params {
				switch p.kind {
				case pgInt:
					args = append(args, fmt.Sprint(p.lo+g.r.Intn(p.hi-p.lo+1)))
				case pgList:
					args = append(args, g.listLiteral(p.elem, 1+g.r.Intn(8)))
				default:
					args = append(args, g.numConst(p.kind))
				}
			}
			call := fmt.Sprintf("%s(%s)", f.name, strings.Join(args, ", "))
			if g.pct(15) {
				g.line("try:")
				g.line("    print(%s)", call)
				g.line("except Exception as e:")
				g.line("    print(%q, type(e).__name__, e)", "error")
			} else {
				g.line("print(%s)", call)
			}
		}
	}
	if g.pct(20) {
		g.crash()
	}
}

// crash ends the program in an exception raised inside a hot loop.
func (g *pgGen) crash() {
	n := 5 + g.r.Intn(40)
	c := 2 + g.r.Intn(n-2)
	switch g.r.Intn(5) {
	case 0: // an index past the end
		g.line("def crash(a, n):")
		g.line("    s = 0")
		g.line("    for i in range(n):")
		g.line("        s += a[i] * %d", 1+g.r.Intn(5))
		g.line("    return s")
		g.line("print(crash(%s, %d))", g.listLiteral(pgInt, c), n)
	case 1: // a division by zero in a helper
		g.line("def div(p, q):")
		g.line("    return p // q")
		g.line("def crash(n):")
		g.line("    t = 0")
		g.line("    for i in range(n):")
		g.line("        t = t + div(i * %d, %d - i)", 1+g.r.Intn(9), c)
		g.line("    return t")
		g.line("print(crash(%d))", n)
	case 2: // an int too big for a float
		g.line("def crash(n):")
		g.line("    x = 1")
		g.line("    y = 0.0")
		g.line("    for i in range(n):")
		g.line("        x = x * %s", g.pick("1099511627776", "36028797018963968", "9223372036854775807"))
		g.line("        y = y + x / 3")
		g.line("    return y")
		g.line("print(crash(%d))", 40+n)
	case 3: // a float division by zero in a while loop
		g.line("def crash(n):")
		g.line("    k = 0")
		g.line("    z = 1.0")
		g.line("    while k < n:")
		g.line("        k += 1")
		g.line("        z = z + 1.0 / (%d - k)", c)
		g.line("    return z")
		g.line("print(crash(%d))", n)
	default: // a negative square root three calls deep
		g.line("def g1(v):")
		g.line("    return math.sqrt(v)")
		g.line("def g2(v):")
		g.line("    return g1(v - %d) + 1", c)
		g.line("def crash(n):")
		g.line("    t = 0.0")
		g.line("    for i in range(n, 0, -1):")
		g.line("        t += g2(i)")
		g.line("    return t")
		g.line("print(crash(%d))", n)
	}
}
