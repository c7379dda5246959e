package interp

// except* (PEP 654), rewritten by the parser into an ordinary except of
// everything whose body runs each clause on the part of the exception
// group it matches (the built-ins are exc_group.go's starBuiltins):
//
//	try: body
//	except* T1 as e: h1
//	except* T2: h2
//
// becomes
//
//	try: body
//	except .BaseException as .eg:
//	    .st = .star_begin(.eg)
//	    if .star_match(.st, T1):
//	        try:
//	            e = .star_get(.st)
//	            h1
//	        except .BaseException as .x:
//	            .star_raised(.st, .x)
//	        e = None; del e
//	    if .star_match(.st, T2): ...
//	    .star_end(.st)      # raises what is left, combined
//
// A bare raise in h1 re-raises .eg, which .star_raised takes for the
// clause's part. break, continue and return cannot appear in a clause, so
// the rewriting changes no control flow.

func (ps *parser) lowerTryStar(tr *Try) Stmt {
	for _, h := range tr.handlers {
		checkStarBody(h.body, false)
	}
	at := tr.pos
	eg, st := ps.matchTemp(), ps.matchTemp()
	name := func(p pos, n string) *Name { return &Name{p, n} }
	call := func(p pos, fn string, args ...Expr) *Call {
		return &Call{pos: p, fn: name(p, fn), args: args}
	}
	body := []Stmt{&Assign{pos: at, targets: []Expr{name(at, st)}, value: call(at, ".star_begin", name(at, eg))}}
	for _, h := range tr.handlers {
		hp := h.pos
		x := ps.matchTemp()
		inner := []Stmt{}
		if h.name != "" {
			inner = append(inner, &Assign{pos: hp, targets: []Expr{name(hp, h.name)}, value: call(hp, ".star_get", name(hp, st))})
		}
		inner = append(inner, h.body...)
		clause := []Stmt{&Try{pos: hp, body: inner, handlers: []handler{{pos: hp, typ: name(hp, ".BaseException"), name: x,
			body: []Stmt{&ExprStmt{hp, call(hp, ".star_raised", name(hp, st), name(hp, x))}}}}}}
		if h.name != "" {
			clause = append(clause, &Assign{pos: hp, targets: []Expr{name(hp, h.name)}, value: &Const{hp, NoneVal}},
				&Del{pos: hp, targets: []Expr{name(hp, h.name)}})
		}
		body = append(body, &If{hp, call(hp, ".star_match", name(hp, st), h.typ), clause, nil})
	}
	body = append(body, &ExprStmt{at, call(at, ".star_end", name(at, st))})
	return &Try{pos: at, body: tr.body, handlers: []handler{{pos: at, typ: name(at, ".BaseException"), name: eg, body: body}},
		orelse: tr.orelse, finally: tr.finally}
}

// checkStarBody refuses break, continue (outside a loop of the clause's
// own) and return in an except* clause, as CPython's compiler does.
func checkStarBody(body []Stmt, inLoop bool) {
	fail := func(p pos) {
		panic(synErr(p.line, p.col, "'break', 'continue' and 'return' cannot appear in an except* block"))
	}
	for _, s := range body {
		switch x := s.(type) {
		case *Break:
			if !inLoop {
				fail(x.pos)
			}
		case *Continue:
			if !inLoop {
				fail(x.pos)
			}
		case *Return:
			fail(x.pos)
		}
		nestedBodies(s, func(b []Stmt, loopBody bool) { checkStarBody(b, inLoop || loopBody) })
	}
}
