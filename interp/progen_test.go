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
