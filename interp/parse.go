package interp

import (
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// maxNesting bounds parser recursion so hostile input cannot exhaust the Go
// stack; CPython's parser has a similar limit.
const maxNesting = 200

type parser struct {
	warns   []synWarning // f-strings' invalid escapes (syntax_warn.go)
	toks    []token
	p       int
	depth   int
	lines   []string
	scanErr error
	// spans records where each expression starts and ends, for the carets
	// of tracebacks; nil in the sub-parsers of f-strings, whose token
	// positions are approximate.
	spans map[Expr]span
	// stmtLine is the line of the innermost statement begun, where
	// CPython's keyword-typo search starts (p->last_stmt_location).
	stmtLine int
	// matchTemps numbers the hidden names match statements use (match.go).
	matchTemps int
	// futureAnn: from __future__ import annotations was parsed.
	futureAnn bool
}

// mark records that e spans from at to the end of the last token read, the
// way CPython's AST positions nodes (a parenthesised operand's node does
// not include its parentheses; the node around it does).
func (ps *parser) mark(e Expr, at pos) Expr {
	if ps.spans != nil && e != nil {
		if _, ok := ps.spans[e]; !ok {
			end := ps.prevEnd()
			ps.spans[e] = span{int32(at.line), int32(at.col), int32(end.line), int32(end.col)}
		}
	}
	return e
}

// parse turns source text into a module body, and the source span of each
// expression in it.
func parse(src string) (body []Stmt, spans map[Expr]span, err error) {
	body, spans, _, err = parseWarn(src)
	return body, spans, err
}

// parseWarn is parse, with the SyntaxWarnings of the source's invalid
// escapes and suspicious constructs (syntax_warn.go).
func parseWarn(src string) (body []Stmt, spans map[Expr]span, warns []synWarning, err error) {
	toks, scanErr := tokenize(src)
	ps := &parser{toks: toks, lines: strings.Split(src, "\n"), scanErr: scanErr, spans: map[Expr]span{}}
	defer func() {
		if err == nil {
			warns = collectWarnings(toks, ps.warns, body)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			if se, ok := r.(*SyntaxError); ok {
				if se.StmtLine == 0 {
					se.StmtLine = ps.stmtLine
				}
				err = se
				return
			}
			panic(r)
		}
	}()
	for ps.tok().kind != tEOF {
		if ps.tok().kind == tNewline {
			ps.p++
			continue
		}
		if ps.tok().kind == tIndent {
			e := synErr(ps.tok().line, -1, "unexpected indent")
			e.Kind = "IndentationError"
			panic(e)
		}
		body = append(body, ps.stmt()...)
	}
	if !ps.futureAnn {
		body = withModuleAnnotate(body)
	}
	mangleModule(body)
	return body, ps.spans, nil, nil
}

func (ps *parser) tok() token {
	t := ps.toks[ps.p]
	if t.kind == tErr {
		panic(ps.scanErr)
	}
	return t
}
func (ps *parser) peek() token { return ps.toks[min(ps.p+1, len(ps.toks)-1)] }
func (ps *parser) next() token { t := ps.tok(); ps.p = min(ps.p+1, len(ps.toks)-1); return t }
func (ps *parser) here() pos   { t := ps.tok(); return pos{t.line, t.col} }

func (ps *parser) isOp(s string) bool { t := ps.tok(); return t.kind == tOp && t.val == s }
func (ps *parser) isKw(s string) bool { t := ps.tok(); return t.kind == tName && t.val == s }

func (ps *parser) acceptOp(s string) bool {
	if ps.isOp(s) {
		ps.next()
		return true
	}
	return false
}

func (ps *parser) fail(t token, msg string) {
	if t.kind == tIndent {
		e := synErr(t.line, -1, "unexpected indent")
		e.Kind = "IndentationError"
		panic(e)
	}
	if t.kind == tDedent || t.kind == tNewline || t.kind == tEOF {
		// CPython points just past the previous token in these cases.
		if ps.p > 0 && t.kind != tDedent {
			pt := ps.toks[ps.p-1]
			if pt.line == t.line || t.kind == tNewline {
				t = token{line: pt.line, col: pt.endCol}
			}
		}
	}
	if msg == "" {
		msg = "invalid syntax"
		if ps.partOfString(t) {
			msg = "invalid syntax. Is this intended to be part of the string?"
		} else if ps.forgotComma(t) {
			msg = "invalid syntax. Perhaps you forgot a comma?"
			if ps.p+1 < len(ps.toks) && ps.toks[ps.p+1].kind == tErr {
				// CPython's rule reads the token after the second
				// expression, and so meets the tokenizer's error first.
				panic(ps.scanErr)
			}
		} else if ps.scanErr != nil {
			// CPython tokenizes the rest of the source after a generic
			// syntax error and reports a tokenizer error found there instead.
			panic(ps.scanErr)
		}
	}
	e := synErr(t.line, t.col, "%s", msg)
	if t.endCol > t.col && t.kind != tString {
		e.End = t.endCol // CPython underlines the whole token
	}
	panic(e)
}

// partOfString reports CPython 3.14's case of a string, expressions, and
// another string side by side: "a "b" c" (gh-88535), the grammar's
// STRING (!STRING expression)+ STRING.
func (ps *parser) partOfString(t token) bool {
	if ps.p == 0 || ps.toks[ps.p] != t || ps.toks[ps.p-1].kind != tString || t.kind == tString {
		return false
	}
	sub := &parser{toks: ps.toks, p: ps.p, depth: ps.depth, scanErr: ps.scanErr}
	for {
		ok := func() (ok bool) {
			defer func() {
				if r := recover(); r != nil {
					if _, syn := r.(*SyntaxError); !syn {
						panic(r)
					}
					ok = false
				}
			}()
			sub.expr()
			return true
		}()
		if !ok {
			return false
		}
		switch sub.tok().kind {
		case tString:
			return true
		case tNewline, tEOF, tIndent, tDedent, tErr:
			return false
		}
	}
}

// forgotComma reports CPython's case of two expressions side by side
// inside brackets, like print(1 2).
func (ps *parser) forgotComma(t token) bool {
	if ps.p == 0 || t.level == 0 || ps.toks[ps.p] != t {
		return false
	}
	prev := ps.toks[ps.p-1]
	startsExpr := t.kind == tInt || t.kind == tFloat || t.kind == tString ||
		t.kind == tName && (!keywords[t.val] || t.val == "None" || t.val == "True" || t.val == "False" || t.val == "not" || t.val == "lambda") ||
		t.kind == tOp && (t.val == "(" || t.val == "[" || t.val == "{" || t.val == "-" || t.val == "~")
	endsExpr := prev.kind == tInt || prev.kind == tFloat || prev.kind == tString ||
		prev.kind == tName && (!keywords[prev.val] || prev.val == "None" || prev.val == "True" || prev.val == "False") ||
		prev.kind == tOp && (prev.val == ")" || prev.val == "]" || prev.val == "}")
	if prev.kind == tName && t.kind == tString {
		return false
	}
	return startsExpr && endsExpr && t.val != "-"
}

func (ps *parser) expectOp(s string) {
	if !ps.acceptOp(s) {
		if s == ":" && ps.tok().kind == tNewline {
			ps.failAt(ps.prevEnd(), "expected ':'")
		}
		ps.fail(ps.tok(), "")
	}
}

// prevEnd is the position just past the previous token.
func (ps *parser) prevEnd() token {
	if ps.p == 0 {
		return ps.tok()
	}
	t := ps.toks[ps.p-1]
	return token{line: t.line, col: t.endCol}
}

func (ps *parser) failAt(t token, msg string) { panic(synErr(t.line, t.col, "%s", msg)) }

func (ps *parser) enter() {
	ps.depth++
	if ps.depth > maxNesting {
		ps.failAt(ps.tok(), "too many nested parentheses")
	}
}

func (ps *parser) leave() { ps.depth-- }

var keywords = map[string]bool{"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true, "del": true,
	"elif": true, "else": true, "except": true, "finally": true, "for": true, "from": true, "global": true,
	"if": true, "import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true}

// block parses ':' NEWLINE INDENT stmts DEDENT, or a simple statement list on the same line.
func (ps *parser) block(what string, line int) []Stmt {
	ps.expectOp(":")
	if ps.tok().kind != tNewline {
		return ps.simpleStmts()
	}
	ps.next()
	if ps.tok().kind != tIndent {
		t := ps.tok()
		e := synErr(t.line, -1, "expected an indented block after %s on line %d", what, line)
		e.Kind = "IndentationError"
		panic(e)
	}
	ps.next()
	var body []Stmt
	for ps.tok().kind != tDedent && ps.tok().kind != tEOF {
		if ps.tok().kind == tNewline {
			ps.next()
			continue
		}
		body = append(body, ps.stmt()...)
	}
	ps.next()
	return body
}

func (ps *parser) stmt() []Stmt {
	ps.enter()
	defer ps.leave()
	t := ps.tok()
	ps.stmtLine = t.line
	at := pos{t.line, t.col}
	if t.kind == tIndent {
		ps.fail(t, "")
	}
	if t.kind == tOp && t.val == "@" {
		var decos []Expr
		for ps.acceptOp("@") {
			decos = append(decos, ps.namedExpr())
			if ps.tok().kind != tNewline {
				ps.fail(ps.tok(), "")
			}
			ps.next()
		}
		if !ps.isKw("def") && !ps.isKw("class") && !ps.isKw("async") {
			ps.fail(ps.tok(), "")
		}
		s := ps.stmt()
		if genericScopeOf(s[0]) != nil {
			decorateGeneric(s[0], decos)
			return s
		}
		switch d := s[0].(type) {
		case *Def:
			d.decorators = decos
		case *ClassDef:
			d.decorators = decos
		}
		return s
	}
	if t.kind == tName && t.val == "async" {
		// async def, async for, async with: the statement, marked.
		next := ps.toks[ps.p+1]
		if next.kind != tName || next.val != "def" && next.val != "for" && next.val != "with" {
			ps.next()
			ps.fail(ps.tok(), "")
		}
		ps.next()
		s := ps.stmt()
		if l := genericScopeOf(s[0]); l != nil {
			if d := genericInner(l); d != nil {
				d.pos, d.async = at, true
			}
			return s
		}
		switch x := s[0].(type) {
		case *Def:
			x.pos, x.async = at, true
		case *For:
			x.pos, x.async = at, true
		case *With:
			x.pos, x.async = at, true
		}
		return s
	}
	if t.kind == tName {
		switch t.val {
		case "if":
			ps.next()
			return []Stmt{ps.ifStmt(at, "'if' statement")}
		case "while":
			ps.next()
			cond := ps.namedExpr()
			body := ps.block("'while' statement", t.line)
			var orelse []Stmt
			if ps.isKw("else") {
				e := ps.next()
				orelse = ps.block("'else' statement", e.line)
			}
			return []Stmt{&While{at, cond, body, orelse}}
		case "for":
			ps.next()
			target := ps.targetList()
			if !ps.isKw("in") {
				ps.fail(ps.tok(), "")
			}
			ps.next()
			iter := ps.exprList()
			body := ps.block("'for' statement", t.line)
			var orelse []Stmt
			if ps.isKw("else") {
				e := ps.next()
				orelse = ps.block("'else' statement", e.line)
			}
			return []Stmt{&For{pos: at, target: target, iter: iter, body: body, orelse: orelse}}
		case "def":
			ps.next()
			name := ps.tok()
			if name.kind != tName || keywords[name.val] {
				ps.fail(name, "")
			}
			ps.next()
			var tparams []typeParam
			if ps.acceptOp("[") {
				tparams = ps.typeParams()
			}
			if !ps.isOp("(") {
				ps.failAt(ps.tok(), "expected '('")
			}
			ps.next()
			params := ps.params(")")
			ps.expectOp(")")
			ret := ""
			var retX Expr
			if ps.acceptOp("->") {
				start := ps.p
				retX = ps.expr()
				ret = ps.textFrom(start)
			}
			body := ps.block("function definition", t.line)
			d := &Def{pos: at, name: name.val, params: params, body: body, ret: ret, retX: retX, annText: ps.futureAnn}
			if !ps.futureAnn {
				d.annFn = defAnnotate(d)
			}
			if tparams != nil {
				return genericDef(d, tparams)
			}
			return []Stmt{d}
		case "try":
			ps.next()
			return []Stmt{ps.tryStmt(at)}
		case "match":
			if ps.isMatchStmt() {
				return ps.matchStmt(at)
			}

		case "class":
			ps.next()
			name := ps.tok()
			if name.kind != tName || keywords[name.val] {
				ps.fail(name, "")
			}
			ps.next()
			var tparams []typeParam
			if ps.acceptOp("[") {
				tparams = ps.typeParams()
			}
			var bases []Expr
			var kwNames []string
			var kwVals []Expr
			if ps.acceptOp("(") {
				for !ps.isOp(")") {
					// metaclass=M and the keywords __init_subclass__ takes.
					if k := ps.tok(); k.kind == tName && !keywords[k.val] && ps.p+1 < len(ps.toks) && ps.toks[ps.p+1].kind == tOp && ps.toks[ps.p+1].val == "=" {
						ps.next()
						ps.next()
						for _, n := range kwNames {
							if n == k.val {
								ps.fail(k, "keyword argument repeated: "+k.val)
							}
						}
						kwNames = append(kwNames, k.val)
						kwVals = append(kwVals, ps.expr())
					} else {
						if len(kwNames) > 0 {
							ps.fail(ps.tok(), "positional argument follows keyword argument")
						}
						bases = append(bases, ps.expr())
					}
					if !ps.acceptOp(",") {
						break
					}
				}
				ps.expectOp(")")
			}
			body := ps.block("class definition", t.line)
			cd := &ClassDef{pos: at, name: name.val, bases: bases, kwNames: kwNames, kwVals: kwVals, body: body}
			if !ps.futureAnn {
				cd.annFn = classAnnotate(cd)
			}
			if tparams != nil {
				return genericClass(cd, tparams)
			}
			return []Stmt{cd}
		case "with":
			ps.next()
			w := &With{pos: at}
			for {
				w.items = append(w.items, ps.expr())
				var target Expr
				if ps.isKw("as") {
					ps.next()
					target = ps.orExpr()
					ps.checkTarget(target, "=")
				}
				w.targets = append(w.targets, target)
				if !ps.acceptOp(",") {
					break
				}
			}
			w.body = ps.block("'with' statement", t.line)
			return []Stmt{w}
		}
	}
	return ps.simpleStmts()
}

func (ps *parser) ifStmt(at pos, what string) Stmt {
	cond := ps.namedExpr()
	if ps.isOp("=") {
		ps.failAt(ps.tok(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	body := ps.block(what, at.line)
	var orelse []Stmt
	if ps.isKw("elif") {
		e := ps.next()
		orelse = []Stmt{ps.ifStmt(pos{e.line, e.col}, "'elif' statement")}
	} else if ps.isKw("else") {
		e := ps.next()
		orelse = ps.block("'else' statement", e.line)
		if ps.isKw("elif") {
			ps.failAt(ps.tok(), "'elif' block follows an 'else' block") // 3.14, gh-129902
		}
	}
	return &If{at, cond, body, orelse}
}

func (ps *parser) tryStmt(at pos) Stmt {
	tr := &Try{pos: at}
	tr.body = ps.block("'try' statement", at.line)
	star := false
	for ps.isKw("except") {
		e := ps.next()
		h := handler{pos: pos{e.line, e.col}}
		isStar := ps.acceptOp("*")
		if len(tr.handlers) == 0 {
			star = isStar
		} else if isStar != star {
			ps.failAt(e, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		if isStar && ps.isOp(":") {
			ps.failAt(ps.tok(), "expected one or more exception types")
		}
		if !ps.isOp(":") {
			h.typ = ps.expr()
			if ps.isOp(",") {
				h.typ = ps.exceptTypes(h.typ)
			}
			if ps.isKw("as") {
				ps.next()
				h.name = ps.asTarget("except", ":")
			}
		}
		h.body = ps.block("'except' statement", e.line)
		tr.handlers = append(tr.handlers, h)
	}
	if ps.isKw("else") {
		e := ps.next()
		tr.orelse = ps.block("'else' statement", e.line)
	}
	if ps.isKw("finally") {
		e := ps.next()
		tr.finally = ps.block("'finally' statement", e.line)
	}
	if len(tr.handlers) == 0 && tr.finally == nil {
		ps.failAt(ps.tok(), "expected 'except' or 'finally' block")
	}
	if star {
		return ps.lowerTryStar(tr)
	}
	return tr
}

// exceptTypes reads the rest of `except A, B:` (PEP 758, 3.14): a tuple
// of types without parentheses, allowed only without `as`.
func (ps *parser) exceptTypes(first Expr) Expr {
	p := first.position()
	elts := []Expr{first}
	for ps.acceptOp(",") {
		if ps.isOp(":") || ps.isKw("as") {
			break
		}
		elts = append(elts, ps.expr())
	}
	if ps.isKw("as") {
		ps.next()
		end := ps.tok()
		if end.kind == tName {
			end = ps.next()
		}
		// CPython underlines from the first type to the end of the name.
		panic(&SyntaxError{Kind: "SyntaxError", Msg: "multiple exception types must be parenthesized when using 'as'",
			Line: p.line, Col: p.col, End: max(end.endCol, p.col+1)})
	}
	return &TupleExpr{p, elts}
}

// asTarget reads the name after `as` in an import or except clause. When
// what follows is no plain name ending the clause (one of ends, or the
// line's end), CPython 3.14 parses an expression there and names its kind:
// "cannot use attribute as import target" (gh-123539, gh-123440).
func (ps *parser) asTarget(what string, ends ...string) string {
	t := ps.tok()
	if t.kind == tName && !keywords[t.val] {
		n := ps.peek()
		if n.kind == tNewline || n.kind == tEOF || n.kind == tOp && slices.Contains(ends, n.val) {
			ps.next()
			return t.val
		}
	}
	if t.kind == tNewline || t.kind == tEOF || t.kind == tOp && !startsExprOp(t.val) || t.kind == tName && keywords[t.val] && !exprKeyword(t.val) {
		ps.fail(t, "")
	}
	e := ps.expr()
	p := e.position()
	ps.failAt(token{line: p.line, col: p.col}, "cannot use "+targetKind(e)+" as "+what+" target")
	return ""
}

func startsExprOp(op string) bool {
	switch op {
	case "(", "[", "{", "-", "+", "~", "*", "...":
		return true
	}
	return false
}

func exprKeyword(kw string) bool {
	switch kw {
	case "None", "True", "False", "not", "lambda", "await", "yield":
		return true
	}
	return false
}

// targetKind is CPython's _PyPegen_get_expr_name.
func targetKind(e Expr) string {
	switch x := e.(type) {
	case *Name:
		return "name"
	case *Attr:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Const:
		switch {
		case x.v.T == tagNone:
			return "None"
		case x.v.T == tagBool && x.v.B != 0:
			return "True"
		case x.v.T == tagBool:
			return "False"
		case x.v.O == Object(Ellipsis):
			return "ellipsis"
		}
	case *NamedExpr:
		return "named expression"
	}
	return exprKind(e)
}

func (ps *parser) name() string {
	t := ps.tok()
	if t.kind != tName || keywords[t.val] {
		ps.fail(t, "")
	}
	ps.next()
	return t.val
}

func (ps *parser) params(end string) []param {
	var out []param
	seen := map[string]bool{}
	for !ps.isOp(end) {
		star := 0
		if t := ps.tok(); ps.acceptOp("/") {
			// Positional-only parameters end here.
			if len(out) == 0 {
				ps.failAt(t, "at least one argument must precede /")
			}
			for _, p := range out {
				if p.name == "/" {
					ps.failAt(t, "/ may appear only once")
				}
				if p.star != 0 {
					ps.failAt(t, "/ must be ahead of *")
				}
			}
			out = append(out, param{name: "/"})
			if !ps.acceptOp(",") {
				break
			}
			continue
		}
		if ps.acceptOp("*") {
			star = 1
			if ps.isOp(",") {
				// Bare '*': keyword-only parameters follow.
				ps.next()
				out = append(out, param{name: "*", star: 1})
				continue
			}
		} else if ps.acceptOp("**") {
			star = 2
		}
		t := ps.tok()
		n := ps.name()
		if seen[n] {
			ps.failAt(t, "duplicate argument '"+n+"' in function definition")
		}
		seen[n] = true
		ann := ""
		var annX Expr
		if end == ")" && ps.acceptOp(":") {
			start := ps.p
			annX = ps.expr()
			ann = ps.textFrom(start)
		}
		p := param{name: n, star: star, ann: ann, annX: annX}
		if star == 0 && ps.acceptOp("=") {
			p.def = ps.expr()
		} else if star == 0 && len(out) > 0 && out[len(out)-1].def != nil && out[len(out)-1].star == 0 && !afterStar(out) {
			ps.failAt(t, "parameter without a default follows parameter with a default")
		}
		out = append(out, p)
		if !ps.acceptOp(",") {
			break
		}
	}
	return out
}

// importItem parses `module [as name]` of an import statement.
func (ps *parser) importItem(at pos) *Import {
	mod := ps.dotted()
	as := mod
	if ps.isKw("as") {
		ps.next()
		as = ps.asTarget("import", ",", ")", ";")
	}
	return &Import{pos: at, mod: mod, as: as}
}

func (ps *parser) simpleStmts() []Stmt {
	var out []Stmt
	for {
		out = append(out, ps.simpleStmt())
		// import a, b as c: one Import per module.
		for _, isImport := out[len(out)-1].(*Import); isImport && ps.acceptOp(","); {
			t := ps.tok()
			out = append(out, ps.importItem(pos{t.line, t.col}))
		}
		if !ps.acceptOp(";") {
			break
		}
		if ps.tok().kind == tNewline {
			break
		}
	}
	if ps.tok().kind != tNewline {
		ps.fail(ps.tok(), "")
	}
	ps.next()
	return out
}

// stmtAfterElse are the statements CPython 3.14 names when one stands
// where a conditional expression's else part should be (gh-129515).
var stmtAfterElse = map[string]bool{"pass": true, "del": true, "return": true, "yield": true, "raise": true,
	"break": true, "continue": true, "assert": true, "import": true, "from": true}

// checkStmtBeforeIf raises CPython 3.14's error for pass, break or
// continue used as the first part of a conditional expression
// (gh-129515).
func (ps *parser) checkStmtBeforeIf() {
	t := ps.tok()
	if t.kind == tName && (t.val == "pass" || t.val == "break" || t.val == "continue") {
		if n := ps.peek(); n.kind == tName && n.val == "if" {
			ps.failAt(t, "expected expression before 'if', but statement is given")
		}
	}
}

func (ps *parser) simpleStmt() Stmt {
	t := ps.tok()
	at := pos{t.line, t.col}
	ps.checkStmtBeforeIf()
	if t.kind == tName {
		switch t.val {
		case "pass":
			ps.next()
			return &Pass{pos: at}
		case "type":
			// A soft keyword: `type X = ...` (a name follows it).
			if n := ps.peek(); n.kind == tName && !keywords[n.val] {
				ps.next()
				return ps.typeAliasStmt(at)
			}
		case "break":
			ps.next()
			return &Break{at}
		case "continue":
			ps.next()
			return &Continue{at}
		case "return":
			ps.next()
			var x Expr
			if !ps.atStmtEnd() {
				x = ps.exprList()
			}
			return &Return{at, x}
		case "global", "nonlocal":
			ps.next()
			names := []string{ps.name()}
			for ps.acceptOp(",") {
				names = append(names, ps.name())
			}
			if t.val == "nonlocal" {
				return &Nonlocal{pos: at, names: names}
			}
			return &Global{at, names}
		case "assert":
			ps.next()
			test := ps.expr()
			var msg Expr
			if ps.acceptOp(",") {
				msg = ps.expr()
			}
			return &Assert{at, test, msg}
		case "import":
			ps.next()
			return ps.importItem(at)
		case "from":
			ps.next()
			// A relative import keeps its dots in the name: ".", "..m".
			dots := ""
			for {
				if ps.acceptOp(".") {
					dots += "."
				} else if ps.acceptOp("...") {
					dots += "..."
				} else {
					break
				}
			}
			mod := dots
			if dots == "" || !ps.isKw("import") {
				mod += ps.dotted()
			}
			if !ps.isKw("import") {
				ps.fail(ps.tok(), "")
			}
			ps.next()
			fi := &FromImport{pos: at, mod: mod}
			paren := ps.acceptOp("(")
			for {
				if ps.acceptOp("*") {
					fi.names = append(fi.names, "*")
					fi.asses = append(fi.asses, "*")
				} else {
					n := ps.name()
					as := n
					if ps.isKw("as") {
						ps.next()
						as = ps.asTarget("import", ",", ")", ";")
					}
					fi.names = append(fi.names, n)
					fi.asses = append(fi.asses, as)
				}
				if !ps.acceptOp(",") || (paren && ps.isOp(")")) {
					break
				}
			}
			if paren {
				ps.expectOp(")")
			}
			if mod == "__future__" && slices.Contains(fi.names, "annotations") {
				ps.futureAnn = true
			}
			return fi
		case "del":
			ps.next()
			var targets []Expr
			for {
				targets = append(targets, ps.orExpr())
				if !ps.acceptOp(",") || ps.atStmtEnd() {
					break
				}
			}
			return &Del{at, targets}
		case "raise":
			ps.next()
			var x, cause Expr
			if !ps.atStmtEnd() {
				x = ps.expr()
				if ps.isKw("from") {
					ps.next()
					cause = ps.expr()
				}
			}
			return &Raise{at, x, cause}
		case "print":
			if nt := ps.peek(); nt.kind == tString || nt.kind == tInt || nt.kind == tName && !keywords[nt.val] {
				ps.failAt(t, "Missing parentheses in call to 'print'. Did you mean print(...)?")
			}
		}
	}
	first := ps.exprListStar()
	if ps.tok().kind == tOp {
		switch op := ps.tok().val; op {
		case "=":
			targets := []Expr{first}
			var value Expr
			for ps.acceptOp("=") {
				value = ps.exprListStar()
				if ps.isOp("=") {
					targets = append(targets, value)
				}
			}
			for i, tg := range targets {
				if i > 0 {
					if _, lit := tg.(*Const); lit {
						p := tg.position()
						ps.failAt(token{line: p.line, col: p.col}, "cannot assign to literal")
					}
				}
				ps.checkTarget(tg, "=")
			}
			return &Assign{pos: at, targets: targets, value: value}
		case "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@=":
			ps.next()
			switch first.(type) {
			case *Name, *Attr, *Subscript:
			default:
				ps.failAt(token{line: at.line, col: at.col}, "'"+exprKind(first)+"' is an illegal expression for augmented assignment")
			}
			value := ps.exprList()
			return &AugAssign{at, first, op[:len(op)-1], value}
		case ":":
			// Annotated assignment: x: int = 1. The annotation is kept
			// as text (never evaluated) for a class's __annotations__.
			ps.next()
			start := ps.p
			annX := ps.expr()
			ann := ps.textFrom(start)
			if ps.acceptOp("=") {
				v := ps.exprList()
				return &Assign{pos: at, targets: []Expr{first}, value: v, ann: ann, annX: annX}
			}
			if n, ok := first.(*Name); ok {
				return &Pass{pos: at, annName: n.id, ann: ann, annX: annX}
			}
			return &Pass{pos: at}
		}
	}
	return &ExprStmt{at, first}
}

func (ps *parser) atStmtEnd() bool {
	t := ps.tok()
	return t.kind == tNewline || t.kind == tEOF || t.kind == tOp && t.val == ";"
}

func (ps *parser) dotted() string {
	n := ps.name()
	for ps.acceptOp(".") {
		n += "." + ps.name()
	}
	return n
}

func exprKind(e Expr) string {
	switch x := e.(type) {
	case *Const:
		return "literal"
	case *Call:
		return "function call"
	case *BinOp, *UnaryOp:
		return "expression"
	case *BoolOp:
		return "expression"
	case *Compare:
		return "comparison"
	case *TupleExpr:
		return "tuple"
	case *ListExpr:
		return "list"
	case *DictExpr:
		return "dict literal"
	case *IfExp:
		return "conditional expression"
	case *FString:
		return "f-string expression"
	case *Lambda:
		return "lambda"
	case *Comp:
		return map[string]string{"list": "list comprehension", "gen": "generator expression", "dict": "dict comprehension", "set": "set comprehension"}[x.kind]
	}
	return "expression"
}

func (ps *parser) checkTarget(e Expr, op string) {
	switch x := e.(type) {
	case *Name:
		if x.id == "__debug__" {
			ps.failAt(token{line: x.line, col: x.col}, "cannot assign to __debug__")
		}
		return
	case *Attr, *Subscript:
		return
	case *TupleExpr:
		for _, el := range x.elts {
			ps.checkTarget(el, op)
		}
		return
	case *ListExpr:
		for _, el := range x.elts {
			ps.checkTarget(el, op)
		}
		return
	case *Starred:
		ps.checkTarget(x.x, op)
		return
	}
	p := e.position()
	kind := exprKind(e)
	if c, ok := e.(*Const); ok {
		switch c.v.T {
		case tagNone:
			kind = "None"
		case tagBool:
			kind = map[bool]string{true: "True", false: "False"}[c.v.B != 0]
		}
		if kind != "literal" {
			ps.failAt(token{line: p.line, col: p.col}, "cannot assign to "+kind)
		}
	}
	switch e.(type) {
	case *Const, *Call, *BinOp, *Compare, *BoolOp, *UnaryOp:
		ps.failAt(token{line: p.line, col: p.col}, "cannot assign to "+kind+" here. Maybe you meant '==' instead of '='?")
	}
	ps.failAt(token{line: p.line, col: p.col}, "cannot assign to "+kind)
}

// targetList parses a for-loop target.
func (ps *parser) targetList() Expr {
	at := ps.here()
	var elts []Expr
	trailing := false
	for {
		e := ps.orExprStar()
		elts = append(elts, e)
		trailing = false
		if !ps.acceptOp(",") {
			break
		}
		trailing = true
		if ps.isKw("in") {
			break
		}
	}
	var out Expr
	if len(elts) == 1 && !trailing {
		out = elts[0]
	} else {
		out = ps.mark(&TupleExpr{at, elts}, at)
	}
	ps.checkTarget(out, "for")
	return out
}

func parseIntLit(s string) Val {
	base := 10
	body := s
	if len(s) > 2 && s[0] == '0' {
		switch s[1] | 0x20 {
		case 'x':
			base, body = 16, s[2:]
		case 'o':
			base, body = 8, s[2:]
		case 'b':
			base, body = 2, s[2:]
		}
	}
	if v, err := strconv.ParseInt(body, base, 64); err == nil {
		return IntVal(v)
	}
	b, _ := new(big.Int).SetString(body, base)
	return bigVal(b)
}

func constNeg(v Val) (Val, bool) {
	switch v.T {
	case tagInt:
		if int64(v.B) == -1<<63 {
			return bigVal(new(big.Int).Neg(big.NewInt(int64(v.B)))), true
		}
		return IntVal(-int64(v.B)), true
	case tagFloat:
		return FloatVal(-v.F()), true
	case tagObject:
		if b, ok := v.O.(*BigInt); ok {
			return normBig(new(big.Int).Neg(&b.v)), true
		}
	}
	return v, false
}

func afterStar(ps []param) bool {
	for _, p := range ps {
		if p.star != 0 {
			return true
		}
	}
	return false
}
