package interp

import (
	"fmt"
	"slices"
	"strconv"
)

// match statements (PEP 634). The parser reads the patterns, makes the
// checks CPython's compiler makes (unreachable cases, names bound twice,
// alternatives binding different names), and rewrites the statement into
// an if/elif chain over the subject, kept in a name no program can spell:
// each case's condition binds its captures with := as it goes, and the
// structural tests (sequence, mapping, class) are built-ins under such
// names too (matchBuiltins). So match needs no opcode of its own, and the
// recorder sees only instructions it already knows.

// pattern is a parsed case pattern.
type pattern interface{ position() pos }

type (
	pWild    struct{ pos }
	pCapture struct {
		pos
		name string
	}
	// pValue is a literal or a dotted name; is marks None, True and
	// False, which match by identity.
	pValue struct {
		pos
		x  Expr
		is bool
	}
	pSeq struct {
		pos
		items []pattern
	}
	pStar struct {
		pos
		name string // "" for *_
	}
	pMap struct {
		pos
		keys []Expr
		vals []pattern
		rest string
	}
	pClass struct {
		pos
		cls     Expr
		args    []pattern
		kwnames []string
		kwpats  []pattern
		end     token // just past the ')', for the traceback's carets
	}
	pOr struct {
		pos
		alts []pattern
	}
	pAs struct {
		pos
		p    pattern
		name string
	}
)

type matchCase struct {
	pos
	p     pattern
	guard Expr
	body  []Stmt
}

// isMatchStmt reports whether the statement at the current token, which
// is the name match, is a match statement: match is a soft keyword, so
// `match = 1` and `match(x)` stay ordinary statements. As CPython's
// grammar, a subject followed by ':' and the line's end makes it one.
func (ps *parser) isMatchStmt() (ok bool) {
	save, depth := ps.p, ps.depth
	defer func() {
		if recover() != nil {
			ok = false
		}
		ps.p, ps.depth = save, depth
	}()
	ps.next()
	if ps.tok().kind == tNewline || ps.isOp("=") || ps.isOp(".") {
		return false
	}
	ps.matchSubject()
	return ps.isOp(":") && ps.peek().kind == tNewline
}

// matchSubject parses the subject: a named expression, or a tuple of
// starred ones.
func (ps *parser) matchSubject() Expr {
	at := ps.here()
	first := ps.matchSubjectItem()
	if !ps.isOp(",") {
		if _, ok := first.(*Starred); ok {
			ps.fail(ps.tok(), "")
		}
		return first
	}
	elts := []Expr{first}
	for ps.acceptOp(",") {
		if ps.isOp(":") {
			break
		}
		elts = append(elts, ps.matchSubjectItem())
	}
	return ps.mark(&TupleExpr{at, elts}, at)
}

func (ps *parser) matchSubjectItem() Expr {
	if ps.isOp("*") {
		a := ps.here()
		ps.next()
		return &Starred{a, ps.orExpr()}
	}
	return ps.namedExpr()
}

func (ps *parser) matchStmt(at pos) []Stmt {
	ps.next() // match
	subj := ps.matchSubject()
	ps.expectOp(":")
	ps.next() // NEWLINE, which isMatchStmt saw
	if ps.tok().kind != tIndent {
		e := synErr(ps.tok().line, -1, "expected an indented block after 'match' statement on line %d", at.line)
		e.Kind = "IndentationError"
		panic(e)
	}
	ps.next()
	var cases []matchCase
	for ps.tok().kind != tDedent && ps.tok().kind != tEOF {
		if ps.tok().kind == tNewline {
			ps.next()
			continue
		}
		if !ps.isKw("case") {
			ps.fail(ps.tok(), "")
		}
		ct := ps.next()
		ps.stmtLine = ct.line
		mc := matchCase{pos: pos{ct.line, ct.col}}
		mc.p = ps.topPattern()
		if ps.isKw("if") {
			ps.next()
			mc.guard = ps.namedExpr()
		}
		mc.body = ps.block("'case' statement", ct.line)
		cases = append(cases, mc)
	}
	ps.next()
	for i, mc := range cases {
		checkPattern(mc.p, mc.guard != nil || i == len(cases)-1, map[string]bool{})
	}
	return ps.lowerMatch(at, subj, cases)
}

// topPattern is a case's pattern: one pattern, or an open sequence
// (case a, *rest:).
func (ps *parser) topPattern() pattern {
	at := ps.here()
	p := ps.starOrPattern()
	if !ps.isOp(",") {
		if _, ok := p.(*pStar); ok {
			ps.fail(ps.tok(), "")
		}
		return p
	}
	items := []pattern{p}
	for ps.acceptOp(",") {
		if ps.isOp(":") || ps.isKw("if") {
			break
		}
		items = append(items, ps.starOrPattern())
	}
	return &pSeq{at, items}
}

func (ps *parser) starOrPattern() pattern {
	if !ps.isOp("*") {
		return ps.pattern()
	}
	st := ps.next()
	t := ps.tok()
	if t.kind != tName || keywords[t.val] {
		ps.fail(t, "")
	}
	ps.next()
	name := t.val
	if name == "_" {
		name = ""
	}
	return &pStar{pos{st.line, st.col}, name}
}

func (ps *parser) pattern() pattern {
	ps.enter()
	defer ps.leave()
	at := ps.here()
	p := ps.orPattern()
	if !ps.isKw("as") {
		return p
	}
	ps.next()
	t := ps.tok()
	if t.kind == tName && t.val == "_" {
		ps.failAt(t, "cannot use '_' as a target")
	}
	if t.kind != tName || keywords[t.val] {
		if t.kind == tInt || t.kind == tFloat || t.kind == tString || t.kind == tOp && startsExprOp(t.val) {
			ps.failAt(t, "invalid pattern target")
		}
		ps.fail(t, "")
	}
	ps.next()
	return &pAs{at, p, t.val}
}

func (ps *parser) orPattern() pattern {
	at := ps.here()
	p := ps.closedPattern()
	if !ps.isOp("|") {
		return p
	}
	alts := []pattern{p}
	for ps.acceptOp("|") {
		alts = append(alts, ps.closedPattern())
	}
	return &pOr{at, alts}
}

func (ps *parser) closedPattern() pattern {
	t := ps.tok()
	at := pos{t.line, t.col}
	switch t.kind {
	case tInt, tFloat:
		return &pValue{at, ps.numberPattern(), false}
	case tString:
		return &pValue{at, ps.stringPattern(), false}
	case tOp:
		switch t.val {
		case "-":
			return &pValue{at, ps.numberPattern(), false}
		case "(", "[":
			ps.next()
			end := ")"
			if t.val == "[" {
				end = "]"
			}
			if ps.acceptOp(end) {
				return &pSeq{at, nil}
			}
			p := ps.starOrPattern()
			if ps.acceptOp(end) {
				if _, star := p.(*pStar); !star && end == ")" {
					return p // a group
				}
				return &pSeq{at, []pattern{p}}
			}
			if !ps.isOp(",") {
				ps.fail(ps.tok(), "")
			}
			items := []pattern{p}
			for ps.acceptOp(",") {
				if ps.isOp(end) {
					break
				}
				items = append(items, ps.starOrPattern())
			}
			ps.expectOp(end)
			return &pSeq{at, items}
		case "{":
			return ps.mappingPattern()
		}
	case tName:
		switch t.val {
		case "None", "True", "False":
			return &pValue{at, ps.atom(), true}
		}
		if keywords[t.val] {
			ps.fail(t, "")
		}
		ps.next()
		if t.val == "_" && !ps.isOp(".") && !ps.isOp("(") {
			return &pWild{at}
		}
		var x Expr = &Name{at, t.val}
		dotted := false
		for ps.isOp(".") {
			ps.next()
			x = ps.mark(&Attr{at, x, ps.name()}, at)
			dotted = true
		}
		if ps.isOp("(") {
			return ps.classPattern(at, x)
		}
		if dotted {
			return &pValue{at, x, false}
		}
		return &pCapture{at, t.val}
	}
	ps.fail(t, "")
	return nil
}

// numberPattern reads a signed number, or a complex literal real+imagj.
func (ps *parser) numberPattern() Expr {
	at := ps.here()
	neg := ps.acceptOp("-")
	t := ps.tok()
	if t.kind != tInt && t.kind != tFloat {
		ps.fail(t, "")
	}
	x := ps.atom()
	if neg {
		if v, ok := constNeg(x.(*Const).v); ok {
			x = &Const{at, v}
		} else {
			x = &UnaryOp{at, "-", x}
		}
	}
	if ps.isOp("+") || ps.isOp("-") {
		op := ps.next()
		t := ps.tok()
		if !isImagToken(t) {
			ps.failAt(t, "imaginary number required in complex literal")
		}
		x = &BinOp{at, op.val, x, ps.atom()}
	}
	return ps.mark(x, at)
}

// isImagToken reports whether t is an imaginary literal (2j).
func isImagToken(t token) bool {
	n := len(t.val)
	return (t.kind == tFloat || t.kind == tInt) && n > 0 && (t.val[n-1] == 'j' || t.val[n-1] == 'J')
}

func (ps *parser) stringPattern() Expr {
	t := ps.tok()
	e := ps.strings()
	if _, ok := e.(*FString); ok {
		ps.failAt(t, "patterns may only match literals and attribute lookups")
	}
	return e
}

func (ps *parser) mappingPattern() pattern {
	open := ps.next()
	p := &pMap{pos: pos{open.line, open.col}}
	var seen []Val
	for !ps.isOp("}") {
		if ps.isOp("**") {
			ps.next()
			t := ps.tok()
			if t.kind != tName || keywords[t.val] || t.val == "_" {
				ps.fail(t, "")
			}
			ps.next()
			p.rest = t.val
			ps.acceptOp(",")
			if !ps.isOp("}") {
				ps.fail(ps.tok(), "")
			}
			break
		}
		t := ps.tok()
		var key Expr
		switch {
		case t.kind == tInt || t.kind == tFloat || t.kind == tOp && t.val == "-":
			key = ps.numberPattern()
		case t.kind == tString:
			key = ps.stringPattern()
		case t.kind == tName && (t.val == "None" || t.val == "True" || t.val == "False"):
			key = ps.atom()
		case t.kind == tName && !keywords[t.val]:
			at := ps.here()
			ps.next()
			if !ps.isOp(".") {
				ps.fail(ps.tok(), "")
			}
			key = &Name{at, t.val}
			for ps.acceptOp(".") {
				key = ps.mark(&Attr{at, key, ps.name()}, at)
			}
		default:
			ps.fail(t, "")
		}
		if c, ok := key.(*Const); ok {
			for _, s := range seen {
				if s.T == c.v.T && keyEq(s, c.v) {
					panic(synErr(p.line, p.col, "mapping pattern checks duplicate key (%s)", constRepr(c.v)))
				}
			}
			seen = append(seen, c.v)
		}
		ps.expectOp(":")
		p.keys = append(p.keys, key)
		p.vals = append(p.vals, ps.pattern())
		if !ps.acceptOp(",") {
			break
		}
	}
	ps.expectOp("}")
	return p
}

// constRepr is the repr of a literal's value, for messages.
func constRepr(v Val) string {
	switch o := v.O.(type) {
	case *Str:
		return strRepr(o.s)
	case *Bytes:
		return bytesRepr(o)
	case *BigInt:
		return o.v.String()
	}
	switch v.T {
	case tagInt:
		return strconv.FormatInt(v.I(), 10)
	case tagFloat:
		return formatFloatRepr(v.F())
	case tagBool:
		if v.B != 0 {
			return "True"
		}
		return "False"
	}
	return "None"
}

func (ps *parser) classPattern(at pos, cls Expr) pattern {
	ps.next() // (
	p := &pClass{pos: at, cls: cls}
	for !ps.isOp(")") {
		t := ps.tok()
		if n := ps.peek(); t.kind == tName && !keywords[t.val] && n.kind == tOp && n.val == "=" {
			ps.next()
			ps.next()
			kp := ps.pattern()
			if slices.Contains(p.kwnames, t.val) {
				kpos := kp.position()
				ps.failAt(token{line: kpos.line, col: kpos.col}, "attribute name repeated in class pattern: "+t.val)
			}
			p.kwnames = append(p.kwnames, t.val)
			p.kwpats = append(p.kwpats, kp)
		} else {
			a := ps.pattern()
			if len(p.kwnames) > 0 {
				apos := a.position()
				ps.failAt(token{line: apos.line, col: apos.col}, "positional patterns follow keyword patterns")
			}
			p.args = append(p.args, a)
		}
		if !ps.acceptOp(",") {
			break
		}
	}
	ps.expectOp(")")
	p.end = ps.prevEnd()
	return p
}

// checkPattern makes the checks CPython's compiler makes on a pattern:
// an irrefutable pattern (a capture, _) where later patterns could still
// be tried, a name bound twice, alternatives binding different names, two
// starred names in one sequence.
func checkPattern(p pattern, allowIrrefutable bool, stores map[string]bool) {
	store := func(at pos, name string) {
		if stores[name] {
			panic(synErr(at.line, at.col, "multiple assignments to name '%s' in pattern", name))
		}
		stores[name] = true
	}
	switch x := p.(type) {
	case *pWild:
		if !allowIrrefutable {
			panic(synErr(x.line, x.col, "wildcard makes remaining patterns unreachable"))
		}
	case *pCapture:
		if !allowIrrefutable {
			panic(synErr(x.line, x.col, "name capture '%s' makes remaining patterns unreachable", x.name))
		}
		store(x.pos, x.name)
	case *pAs:
		checkPattern(x.p, allowIrrefutable, stores)
		store(x.pos, x.name)
	case *pOr:
		var first []string
		for i, a := range x.alts {
			alt := map[string]bool{}
			checkPattern(a, allowIrrefutable && i == len(x.alts)-1, alt)
			names := sortedKeys(alt)
			if i == 0 {
				first = names
			} else if !slices.Equal(names, first) {
				ap := a.position()
				panic(synErr(ap.line, ap.col, "alternative patterns bind different names"))
			}
		}
		for _, n := range first {
			store(x.pos, n)
		}
	case *pSeq:
		stars := 0
		for _, it := range x.items {
			if _, ok := it.(*pStar); ok {
				stars++
			}
		}
		if stars > 1 {
			panic(synErr(x.line, x.col, "multiple starred names in sequence pattern"))
		}
		for _, it := range x.items {
			if s, ok := it.(*pStar); ok {
				if s.name != "" {
					store(s.pos, s.name)
				}
				continue
			}
			checkPattern(it, true, stores)
		}
	case *pMap:
		for _, v := range x.vals {
			checkPattern(v, true, stores)
		}
		if x.rest != "" {
			store(x.pos, x.rest)
		}
	case *pClass:
		for _, a := range x.args {
			checkPattern(a, true, stores)
		}
		for _, k := range x.kwpats {
			checkPattern(k, true, stores)
		}
	}
}

// irrefutable reports whether p matches every subject.
func irrefutable(p pattern) bool {
	switch x := p.(type) {
	case *pWild, *pCapture:
		return true
	case *pAs:
		return irrefutable(x.p)
	case *pOr:
		return slices.ContainsFunc(x.alts, irrefutable)
	}
	return false
}

// lowerMatch rewrites the match statement:
//
//	.mN = subject
//	if <case 1's test> [and guard]: body 1
//	elif ...
func (ps *parser) lowerMatch(at pos, subj Expr, cases []matchCase) []Stmt {
	subjName := ps.matchTemp()
	out := []Stmt{&Assign{pos: at, targets: []Expr{&Name{at, subjName}}, value: subj}}
	var chain []Stmt
	for i := len(cases) - 1; i >= 0; i-- {
		mc := cases[i]
		cond := ps.patternTest(mc.p, &Name{mc.pos, subjName})
		if mc.guard != nil {
			cond = andExpr(mc.pos, cond, mc.guard)
		}
		if cond == nil {
			// An irrefutable last case: the else of the chain.
			chain = mc.body
			if len(chain) == 0 {
				chain = []Stmt{&Pass{pos: mc.pos}}
			}
			continue
		}
		chain = []Stmt{&If{mc.pos, cond, mc.body, chain}}
	}
	return append(out, chain...)
}

func (ps *parser) matchTemp() string {
	ps.matchTemps++
	return fmt.Sprintf(".m%d", ps.matchTemps)
}

// andExpr joins conditions with and; nil stands for True.
func andExpr(at pos, xs ...Expr) Expr {
	var vals []Expr
	for _, x := range xs {
		if x != nil {
			vals = append(vals, x)
		}
	}
	switch len(vals) {
	case 0:
		return nil
	case 1:
		return vals[0]
	}
	return &BoolOp{at, "and", vals}
}

// bindExpr is (name := v) or True: binds and is true.
func bindExpr(at pos, name string, v Expr) Expr {
	return &BoolOp{at, "or", []Expr{&NamedExpr{at, name, v}, &Const{at, True}}}
}

func item(at pos, list string, i int) Expr {
	return &Subscript{at, &Name{at, list}, &Const{at, IntVal(int64(i))}}
}

// patternTest is the condition under which p matches subj (an expression
// without side effects: a hidden name or an item of one); nil for always.
func (ps *parser) patternTest(p pattern, subj Expr) Expr {
	switch x := p.(type) {
	case *pWild:
		return nil
	case *pCapture:
		return bindExpr(x.pos, x.name, subj)
	case *pValue:
		op := "=="
		if x.is {
			op = "is"
		}
		return &Compare{x.pos, []string{op}, []Expr{subj, x.x}}
	case *pAs:
		return andExpr(x.pos, ps.patternTest(x.p, subj), bindExpr(x.pos, x.name, subj))
	case *pOr:
		var alts []Expr
		for _, a := range x.alts {
			t := ps.patternTest(a, subj)
			if t == nil {
				t = &Const{x.pos, True}
			}
			alts = append(alts, t)
		}
		return &BoolOp{x.pos, "or", alts}
	case *pSeq:
		star := -1
		for i, it := range x.items {
			if _, ok := it.(*pStar); ok {
				star = i
			}
		}
		n := len(x.items)
		if star >= 0 {
			n--
		}
		tmp := ps.matchTemp()
		call := &Call{pos: x.pos, fn: &Name{x.pos, ".match_seq"}, args: []Expr{subj, &Const{x.pos, IntVal(int64(n))}, &Const{x.pos, IntVal(int64(star))}}}
		tests := []Expr{notNone(x.pos, tmp, call)}
		for i, it := range x.items {
			if s, ok := it.(*pStar); ok {
				if s.name != "" {
					tests = append(tests, bindExpr(s.pos, s.name, item(s.pos, tmp, i)))
				}
				continue
			}
			tests = append(tests, ps.patternTest(it, item(it.position(), tmp, i)))
		}
		return andExpr(x.pos, tests...)
	case *pMap:
		tmp := ps.matchTemp()
		call := &Call{pos: x.pos, fn: &Name{x.pos, ".match_map"}, args: []Expr{subj, &TupleExpr{x.pos, x.keys}, &Const{x.pos, BoolVal(x.rest != "")}}}
		tests := []Expr{notNone(x.pos, tmp, call)}
		for i, v := range x.vals {
			tests = append(tests, ps.patternTest(v, item(v.position(), tmp, i)))
		}
		if x.rest != "" {
			tests = append(tests, bindExpr(x.pos, x.rest, item(x.pos, tmp, len(x.vals))))
		}
		return andExpr(x.pos, tests...)
	case *pClass:
		tmp := ps.matchTemp()
		names := make([]Val, len(x.kwnames))
		for i, n := range x.kwnames {
			names[i] = StrVal(n)
		}
		call := &Call{pos: x.pos, fn: &Name{x.pos, ".match_class"}, args: []Expr{subj, x.cls, &Const{x.pos, IntVal(int64(len(x.args)))}, &Const{x.pos, tupleOf(names)}}}
		if ps.spans != nil {
			ps.spans[call] = span{int32(x.line), int32(x.col), int32(x.end.line), int32(x.end.col)}
		}
		tests := []Expr{notNone(x.pos, tmp, call)}
		for i, a := range x.args {
			tests = append(tests, ps.patternTest(a, item(a.position(), tmp, i)))
		}
		for j, k := range x.kwpats {
			tests = append(tests, ps.patternTest(k, item(k.position(), tmp, len(x.args)+j)))
		}
		return andExpr(x.pos, tests...)
	}
	return nil
}

// notNone is (tmp := call) is not None.
func notNone(at pos, tmp string, call Expr) Expr {
	return &Compare{at, []string{"is not"}, []Expr{&NamedExpr{at, tmp, call}, &Const{at, NoneVal}}}
}
