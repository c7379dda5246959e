package interp

// Expression parsing: precedence levels, primaries, calls, comprehensions, strings and f-strings.

import (
	"strconv"
	"strings"
)

func (ps *parser) orExprStar() Expr {
	if ps.isOp("*") {
		at := ps.here()
		ps.next()
		return &Starred{at, ps.orExpr()}
	}
	return ps.orExpr()
}

// exprList parses a comma-separated list; several items make a tuple.
func (ps *parser) exprList() Expr { return ps.exprListOf(false) }

func (ps *parser) exprListStar() Expr { return ps.exprListOf(true) }

func (ps *parser) exprListOf(star bool) Expr {
	at := ps.here()
	item := func() Expr {
		if star && ps.isOp("*") {
			a := ps.here()
			ps.next()
			return &Starred{a, ps.orExpr()}
		}
		return ps.expr()
	}
	first := item()
	if !ps.isOp(",") {
		return first
	}
	elts := []Expr{first}
	for ps.acceptOp(",") {
		if ps.atExprEnd() {
			break
		}
		elts = append(elts, item())
	}
	return ps.mark(&TupleExpr{at, elts}, at)
}

func (ps *parser) atExprEnd() bool {
	t := ps.tok()
	if t.kind == tNewline || t.kind == tEOF {
		return true
	}
	if t.kind == tOp {
		switch t.val {
		case "=", ")", "]", "}", ":", ";", "+=", "-=", "*=", "/=", "//=", "%=", "**=":
			return true
		}
	}
	return false
}

func (ps *parser) namedExpr() Expr {
	return ps.expr()
}

// expr parses a full expression (conditional or lambda).
func (ps *parser) expr() Expr {
	ps.enter()
	defer ps.leave()
	if ps.isKw("yield") {
		at := ps.here()
		ps.next()
		y := &Yield{pos: at}
		if ps.isKw("from") {
			ps.next()
			y.from = true
			y.x = ps.expr()
		} else if !ps.atExprEnd() && !ps.isOp(")") {
			y.x = ps.exprList()
		}
		return y
	}
	if t := ps.tok(); t.kind == tName && !keywords[t.val] && ps.peek().kind == tOp && ps.peek().val == ":=" {
		ps.next()
		ps.next()
		return ps.mark(&NamedExpr{pos{t.line, t.col}, t.val, ps.expr()}, pos{t.line, t.col})
	}
	if ps.isKw("lambda") {
		at := ps.here()
		ps.next()
		params := ps.params(":")
		ps.expectOp(":")
		return ps.mark(&Lambda{pos: at, params: params, body: ps.expr()}, at)
	}
	at := ps.here()
	ps.checkStmtBeforeIf()
	x := ps.orTest()
	if ps.isKw("if") {
		ps.next()
		cond := ps.orTest()
		if !ps.isKw("else") {
			ps.failAt(ps.tok(), "expected 'else' after 'if' expression")
		}
		ps.next()
		if t := ps.tok(); t.kind == tName && stmtAfterElse[t.val] {
			ps.failAt(t, "expected expression after 'else', but statement is given")
		}
		b := ps.expr()
		return ps.mark(&IfExp{at, cond, x, b}, at)
	}
	return x
}

func (ps *parser) orTest() Expr {
	at := ps.here()
	x := ps.andTest()
	if !ps.isKw("or") {
		return x
	}
	t := ps.next()
	b := &BoolOp{pos{t.line, t.col}, "or", []Expr{x, ps.andTest()}}
	for ps.isKw("or") {
		ps.next()
		b.vals = append(b.vals, ps.andTest())
	}
	return ps.mark(b, at)
}

func (ps *parser) andTest() Expr {
	at := ps.here()
	x := ps.notTest()
	if !ps.isKw("and") {
		return x
	}
	t := ps.next()
	b := &BoolOp{pos{t.line, t.col}, "and", []Expr{x, ps.notTest()}}
	for ps.isKw("and") {
		ps.next()
		b.vals = append(b.vals, ps.notTest())
	}
	return ps.mark(b, at)
}

func (ps *parser) notTest() Expr {
	if ps.isKw("not") {
		ps.enter()
		defer ps.leave()
		t := ps.next()
		return ps.mark(&UnaryOp{pos{t.line, t.col}, "not", ps.notTest()}, pos{t.line, t.col})
	}
	return ps.comparison()
}

func (ps *parser) compOp() string {
	t := ps.tok()
	if t.kind == tOp {
		switch t.val {
		case "<", ">", "==", ">=", "<=", "!=":
			ps.next()
			return t.val
		}
		return ""
	}
	if t.kind == tName {
		switch t.val {
		case "in":
			ps.next()
			return "in"
		case "not":
			if n := ps.peek(); n.kind == tName && n.val == "in" {
				ps.next()
				ps.next()
				return "not in"
			}
		case "is":
			ps.next()
			if ps.isKw("not") {
				ps.next()
				return "is not"
			}
			return "is"
		}
	}
	return ""
}

func (ps *parser) comparison() Expr {
	at := ps.here()
	x := ps.orExpr()
	var ops []string
	args := []Expr{x}
	for {
		op := ps.compOp()
		if op == "" {
			break
		}
		ops = append(ops, op)
		args = append(args, ps.orExpr())
	}
	if len(ops) == 0 {
		return x
	}
	return ps.mark(&Compare{at, ops, args}, at)
}

var binPrec = map[string]int{"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "//": 6, "%": 6, "@": 6}

func (ps *parser) orExpr() Expr { return ps.binary(1) }

func (ps *parser) binary(prec int) Expr {
	ps.enter()
	defer ps.leave()
	at := ps.here()
	x := ps.unary()
	for {
		t := ps.tok()
		if t.kind != tOp {
			return x
		}
		p, ok := binPrec[t.val]
		if !ok || p < prec {
			return x
		}
		ps.next()
		y := ps.binary(p + 1)
		x = ps.mark(&BinOp{x.position(), t.val, x, y}, at)
	}
}

func (ps *parser) unary() Expr {
	t := ps.tok()
	if t.kind == tOp && (t.val == "-" || t.val == "+" || t.val == "~") {
		ps.enter()
		defer ps.leave()
		ps.next()
		x := ps.unary()
		if c, ok := x.(*Const); ok && t.val == "-" && (c.v.T == tagInt || c.v.T == tagFloat || c.v.T == tagObject) {
			// Fold negative literals so -9223372036854775808 stays small.
			if v, ok := constNeg(c.v); ok {
				return ps.mark(&Const{pos{t.line, t.col}, v}, pos{t.line, t.col})
			}
		}
		return ps.mark(&UnaryOp{pos{t.line, t.col}, t.val, x}, pos{t.line, t.col})
	}
	return ps.power()
}

func (ps *parser) power() Expr {
	at := ps.here()
	var x Expr
	if ps.isKw("await") {
		ps.next()
		x = ps.mark(&Await{at, ps.primary()}, at)
	} else {
		x = ps.primary()
	}
	if ps.isOp("**") {
		ps.next()
		y := ps.unary()
		return ps.mark(&BinOp{x.position(), "**", x, y}, at)
	}
	return x
}

func (ps *parser) primary() Expr {
	at := ps.here()
	x := ps.mark(ps.atom(), at)
	for {
		t := ps.tok()
		if t.kind != tOp {
			return x
		}
		switch t.val {
		case "(":
			ps.next()
			x = ps.mark(ps.callArgs(x, pos{t.line, t.col}), at)
		case "[":
			ps.next()
			idx := ps.subscript()
			ps.expectOp("]")
			x = ps.mark(&Subscript{x.position(), x, idx}, at)
		case ".":
			ps.next()
			n := ps.tok()
			if n.kind != tName || keywords[n.val] { // x.None, x.if
				ps.fail(n, "")
			}
			ps.next()
			x = ps.mark(&Attr{pos{n.line, n.col}, x, n.val}, at)
		default:
			return x
		}
	}
}

func (ps *parser) subscript() Expr {
	at := ps.here()
	one := func() Expr {
		if !ps.isOp(":") {
			e := ps.expr()
			if !ps.isOp(":") {
				return e
			}
			return ps.sliceRest(at, e)
		}
		return ps.sliceRest(at, nil)
	}
	first := one()
	if !ps.isOp(",") {
		return first
	}
	elts := []Expr{first}
	for ps.acceptOp(",") {
		if ps.isOp("]") {
			break
		}
		elts = append(elts, one())
	}
	return &TupleExpr{at, elts}
}

func (ps *parser) sliceRest(at pos, lo Expr) Expr {
	ps.expectOp(":")
	s := &SliceExpr{pos: at, lo: lo}
	if !ps.isOp("]") && !ps.isOp(":") && !ps.isOp(",") {
		s.hi = ps.expr()
	}
	if ps.acceptOp(":") {
		if !ps.isOp("]") && !ps.isOp(",") {
			s.step = ps.expr()
		}
	}
	return s
}

func (ps *parser) callArgs(fn Expr, at pos) Expr {
	c := &Call{pos: fn.position(), fn: fn}
	for !ps.isOp(")") {
		t := ps.tok()
		if t.kind == tName && ps.peek().kind == tOp && ps.peek().val == "=" {
			ps.next()
			ps.next()
			for _, k := range c.kwnames {
				if k == t.val {
					ps.failAt(t, "keyword argument repeated: "+t.val)
				}
			}
			c.kwnames = append(c.kwnames, t.val)
			c.kwvals = append(c.kwvals, ps.expr())
		} else if ps.isOp("*") {
			a := ps.here()
			ps.next()
			c.args = append(c.args, &Starred{a, ps.expr()})
		} else if ps.isOp("**") {
			ps.next()
			c.kwnames = append(c.kwnames, "**")
			c.kwvals = append(c.kwvals, ps.expr())
		} else {
			if len(c.kwnames) > 0 {
				e := ps.expr()
				p := e.position()
				ps.failAt(token{line: p.line, col: p.col}, "positional argument follows keyword argument")
			}
			at := ps.here()
			e := ps.expr()
			if ps.compFor() {
				e = ps.mark(ps.compTail(e.position(), "gen", e, nil), at)
				c.args = append(c.args, e)
				if !ps.isOp(")") {
					ps.failAt(ps.tok(), "Generator expression must be parenthesized")
				}
				break
			}
			if ps.isOp("=") {
				ps.failAt(token{line: e.position().line, col: e.position().col}, "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			c.args = append(c.args, e)
		}
		if !ps.acceptOp(",") {
			break
		}
	}
	ps.expectOp(")")
	return c
}

func (ps *parser) compTail(at pos, kind string, elt, val Expr) Expr {
	if s, ok := elt.(*Starred); ok {
		ps.failAt(token{line: s.line, col: s.col}, "iterable unpacking cannot be used in comprehension")
	}
	c := &Comp{pos: at, kind: kind, elt: elt, val: val}
	for ps.compFor() {
		async := ps.isKw("async")
		if async {
			ps.next()
		}
		ps.next()
		target := ps.targetList()
		if !ps.isKw("in") {
			ps.fail(ps.tok(), "")
		}
		ps.next()
		g := compFor{target: target, iter: ps.orTest(), async: async}
		for ps.isKw("if") {
			ps.next()
			g.ifs = append(g.ifs, ps.orTestNoCond())
		}
		c.gens = append(c.gens, g)
	}
	return c
}

func (ps *parser) orTestNoCond() Expr { return ps.orTest() }

func (ps *parser) atom() Expr {
	ps.enter()
	defer ps.leave()
	t := ps.tok()
	at := pos{t.line, t.col}
	switch t.kind {
	case tName:
		switch t.val {
		case "None":
			ps.next()
			return &Const{at, NoneVal}
		case "True":
			ps.next()
			return &Const{at, True}
		case "False":
			ps.next()
			return &Const{at, False}
		}
		if keywords[t.val] {
			ps.fail(t, "")
		}
		ps.next()
		return &Name{at, t.val}
	case tInt:
		ps.next()
		if n := len(t.val); n > defaultMaxStrDigits && !(t.val[0] == '0' && strings.ContainsRune("xXoObB", rune(t.val[1]))) {
			// A decimal literal past the int/str conversion limit.
			panic(synErr(t.line, t.col, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", defaultMaxStrDigits, n))
		}
		return &Const{at, parseIntLit(t.val)}
	case tFloat:
		ps.next()
		if n := len(t.val); t.val[n-1] == 'j' || t.val[n-1] == 'J' {
			f, _ := strconv.ParseFloat(t.val[:n-1], 64)
			return &Const{at, complexVal(0, f)}
		}
		f, _ := strconv.ParseFloat(t.val, 64)
		return &Const{at, FloatVal(f)}
	case tString:
		return ps.strings()
	case tOp:
		switch t.val {
		case "(":
			ps.next()
			if ps.acceptOp(")") {
				return &TupleExpr{at, nil}
			}
			var first Expr
			if ps.isOp("*") {
				a := ps.here()
				ps.next()
				first = &Starred{a, ps.orExpr()}
			} else {
				first = ps.expr()
			}
			if ps.compFor() {
				e := ps.compTail(at, "gen", first, nil)
				ps.expectOp(")")
				return e
			}
			if ps.acceptOp(")") {
				return first
			}
			if !ps.isOp(",") {
				ps.fail(ps.tok(), "")
			}
			elts := []Expr{first}
			for ps.acceptOp(",") {
				if ps.isOp(")") {
					break
				}
				elts = append(elts, ps.exprOrStar())
			}
			ps.expectOp(")")
			return &TupleExpr{at, elts}
		case "[":
			ps.next()
			if ps.acceptOp("]") {
				return &ListExpr{at, nil}
			}
			first := ps.exprOrStar()
			if ps.compFor() {
				e := ps.compTail(at, "list", first, nil)
				ps.expectOp("]")
				return e
			}
			elts := []Expr{first}
			for ps.acceptOp(",") {
				if ps.isOp("]") {
					break
				}
				elts = append(elts, ps.exprOrStar())
			}
			ps.expectOp("]")
			return &ListExpr{at, elts}
		case "{":
			ps.next()
			if ps.acceptOp("}") {
				return &DictExpr{pos: at}
			}
			if ps.isOp("**") {
				d := &DictExpr{pos: at}
				for {
					if ps.acceptOp("**") {
						d.keys = append(d.keys, nil)
						d.vals = append(d.vals, ps.orExpr())
					} else {
						d.keys = append(d.keys, ps.expr())
						ps.expectOp(":")
						d.vals = append(d.vals, ps.expr())
					}
					if !ps.acceptOp(",") || ps.isOp("}") {
						break
					}
				}
				ps.expectOp("}")
				return d
			}
			k := ps.exprOrStar()
			_, starred := k.(*Starred)
			if starred || !ps.isOp(":") {
				if ps.compFor() {
					e := ps.compTail(at, "set", k, nil)
					ps.expectOp("}")
					return e
				}
				elts := []Expr{k}
				for ps.acceptOp(",") {
					if ps.isOp("}") {
						break
					}
					elts = append(elts, ps.exprOrStar())
				}
				ps.expectOp("}")
				return &SetExpr{at, elts}
			}
			ps.next()
			v := ps.expr()
			if ps.compFor() {
				e := ps.compTail(at, "dict", k, v)
				ps.expectOp("}")
				return e
			}
			d := &DictExpr{at, []Expr{k}, []Expr{v}}
			for ps.acceptOp(",") {
				if ps.isOp("}") {
					break
				}
				if ps.acceptOp("**") {
					d.keys = append(d.keys, nil)
					d.vals = append(d.vals, ps.orExpr())
					continue
				}
				k := ps.expr()
				ps.expectOp(":")
				d.keys = append(d.keys, k)
				d.vals = append(d.vals, ps.expr())
			}
			ps.expectOp("}")
			return d
		case "...":
			ps.next()
			return &Const{at, ObjVal(Ellipsis)}
		}
	}
	ps.fail(t, "")
	return nil
}

func (ps *parser) exprOrStar() Expr {
	if ps.isOp("*") {
		a := ps.here()
		ps.next()
		return &Starred{a, ps.orExpr()}
	}
	return ps.expr()
}

// strings parses adjacent string literals, concatenating them.
func (ps *parser) strings() Expr {
	t := ps.tok()
	at := pos{t.line, t.col}
	var parts []fpart
	anyF := false
	isBytes := t.bytes
	for ps.tok().kind == tString {
		if ps.tok().bytes != isBytes {
			nt := ps.tok()
			panic(synErr(nt.line, nt.col, "cannot mix bytes and nonbytes literals"))
		}
		s := ps.next()
		if s.fstr {
			anyF = true
			parts = append(parts, ps.fstring(s).parts...)
		} else {
			parts = append(parts, fpart{lit: s.val})
		}
	}
	if !anyF {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.lit)
		}
		if isBytes {
			return &Const{at, bytesVal(latin1Bytes(b.String()))}
		}
		return &Const{at, StrVal(b.String())}
	}
	return &FString{at, parts}
}

// fstring splits an f-string body into literal and replacement parts.
func (ps *parser) fstring(t token) *FString {
	body := []rune(t.val)
	f, _ := ps.fparts(t, body, 0, false)
	return f
}

func (ps *parser) fparts(t token, body []rune, i int, inSpec bool) (*FString, int) {
	f := &FString{pos: pos{t.line, t.col}}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			text := lit.String()
			if !t.raw {
				var warn string
				var after int
				text, warn, after = decodeEscapes(text)
				if warn != "" {
					// On the escape's line (CPython 3.12+ tokenizes
					// f-strings' parts).
					ps.warns = append(ps.warns, synWarning{line: t.line + strings.Count(string(body[:i]), "\n") - after, msg: warn})
				}
			}
			f.parts = append(f.parts, fpart{lit: text})
			lit.Reset()
		}
	}
	for i < len(body) {
		c := body[i]
		if c == '\\' && !t.raw && i+1 < len(body) {
			// An escape is literal text; \N{NAME}'s braces open no field.
			if body[i+1] == 'N' {
				_, end, msg := namedEscape(body, i+2)
				if msg != "" {
					ps.failAt(t, "(unicode error) 'unicodeescape' codec can't decode bytes: "+msg)
				}
				lit.WriteString(string(body[i:end]))
				i = end
				continue
			}
			if body[i+1] == '\\' {
				lit.WriteString(`\\`)
				i += 2
				continue
			}
		}
		if c == '}' && inSpec {
			break
		}
		if c == '{' {
			if i+1 < len(body) && body[i+1] == '{' && !inSpec {
				lit.WriteRune('{')
				i += 2
				continue
			}
			flush()
			// Find the end of the expression: a top-level '}', '!', ':' or '='.
			j := i + 1
			depth := 0
			var quote rune
			for j < len(body) {
				ch := body[j]
				if quote != 0 {
					if ch == quote {
						quote = 0
					}
					j++
					continue
				}
				if ch == '\'' || ch == '"' {
					quote = ch
				} else if ch == '(' || ch == '[' || ch == '{' {
					depth++
				} else if ch == ')' || ch == ']' || ch == '}' {
					if depth == 0 {
						break
					}
					depth--
				} else if depth == 0 && (ch == ':' || ch == '!' && j+1 < len(body) && body[j+1] != '=') {
					break
				} else if depth == 0 && ch == '=' && selfDocEnd(body, j) > 0 && body[j-1] != '=' && body[j-1] != '!' && body[j-1] != '<' && body[j-1] != '>' {
					break
				}
				j++
			}
			src := string(body[i+1 : j])
			if strings.TrimSpace(src) == "" {
				ps.failAt(t, "f-string: valid expression required before '}'")
			}
			var p fpart
			p.expr = ps.subExpr(t, src)
			eqRepr := false
			if j < len(body) && body[j] == '=' {
				// f"{x * 2 = }" keeps the spaces around '=' in its text.
				k := selfDocEnd(body, j)
				lit.WriteString(src + string(body[j:k]))
				j = k - 1
				flush()
				// f"{x=}" shows repr(x), unless a conversion or spec says otherwise.
				p.conv = 'r'
				eqRepr = true
				j++
			}
			if j < len(body) && body[j] == '!' {
				if j+1 >= len(body) {
					ps.failAt(t, "f-string: missing conversion character")
				}
				p.conv = byte(body[j+1])
				if p.conv != 'r' && p.conv != 's' && p.conv != 'a' {
					ps.failAt(t, "f-string: invalid conversion character '"+string(body[j+1])+"': expected 's', 'r', or 'a'")
				}
				j += 2
			}
			if j < len(body) && body[j] == ':' {
				if eqRepr && p.conv == 'r' && (j == 0 || body[j-1] != 'r' || body[j-2] != '!') {
					p.conv = 0
				}
				spec, k := ps.fparts(t, body, j+1, true)
				p.spec = spec
				j = k
			}
			if j >= len(body) || body[j] != '}' {
				ps.failAt(t, "f-string: expecting '}'")
			}
			f.parts = append(f.parts, p)
			i = j + 1
			continue
		}
		if c == '}' {
			if i+1 < len(body) && body[i+1] == '}' {
				lit.WriteRune('}')
				i += 2
				continue
			}
			ps.failAt(t, "f-string: single '}' is not allowed")
		}
		lit.WriteRune(c)
		i++
	}
	flush()
	return f, i
}

// selfDocEnd is where the whitespace after the '=' at body[j] ends when
// a '}', '!' or ':' follows it (a self-documenting f"{x = }"), else 0.
func selfDocEnd(body []rune, j int) int {
	k := j + 1
	for k < len(body) && (body[k] == ' ' || body[k] == '\t') {
		k++
	}
	if k < len(body) && (body[k] == '}' || body[k] == '!' || body[k] == ':') {
		return k
	}
	return 0
}

func (ps *parser) subExpr(t token, src string) Expr {
	toks, err := tokenize("(" + src + ")")
	if err != nil {
		ps.failAt(t, "f-string: invalid syntax")
	}
	for i := range toks {
		toks[i].line = t.line
		toks[i].col = t.col
	}
	sub := &parser{toks: toks, depth: ps.depth}
	e := sub.expr()
	if sub.tok().kind != tNewline {
		ps.failAt(t, "f-string: invalid syntax")
	}
	return e
}

// compFor reports whether a comprehension's for clause starts here
// (for, or async for).
func (ps *parser) compFor() bool {
	return ps.isKw("for") || ps.isKw("async") && ps.p+1 < len(ps.toks) && ps.toks[ps.p+1].kind == tName && ps.toks[ps.p+1].val == "for"
}
