package interp

// walkExpr calls fn on e and every expression inside it, not descending
// into lambdas (their bodies are a scope of their own) but reporting them.
func walkExpr(e Expr, fn func(Expr)) {
	if e == nil {
		return
	}
	fn(e)
	switch x := e.(type) {
	case *BinOp:
		walkExpr(x.l, fn)
		walkExpr(x.r, fn)
	case *UnaryOp:
		walkExpr(x.x, fn)
	case *BoolOp:
		for _, v := range x.vals {
			walkExpr(v, fn)
		}
	case *Compare:
		for _, a := range x.args {
			walkExpr(a, fn)
		}
	case *IfExp:
		walkExpr(x.cond, fn)
		walkExpr(x.a, fn)
		walkExpr(x.b, fn)
	case *Call:
		walkExpr(x.fn, fn)
		for _, a := range x.args {
			walkExpr(a, fn)
		}
		for _, a := range x.kwvals {
			walkExpr(a, fn)
		}
	case *Attr:
		walkExpr(x.x, fn)
	case *Subscript:
		walkExpr(x.x, fn)
		walkExpr(x.index, fn)
	case *SliceExpr:
		walkExpr(x.lo, fn)
		walkExpr(x.hi, fn)
		walkExpr(x.step, fn)
	case *ListExpr:
		for _, a := range x.elts {
			walkExpr(a, fn)
		}
	case *TupleExpr:
		for _, a := range x.elts {
			walkExpr(a, fn)
		}
	case *SetExpr:
		for _, a := range x.elts {
			walkExpr(a, fn)
		}
	case *DictExpr:
		for i := range x.vals {
			walkExpr(x.keys[i], fn)
			walkExpr(x.vals[i], fn)
		}
	case *Comp:
		walkExpr(x.elt, fn)
		walkExpr(x.val, fn)
		for _, g := range x.gens {
			walkExpr(g.target, fn)
			walkExpr(g.iter, fn)
			for _, c := range g.ifs {
				walkExpr(c, fn)
			}
		}
	case *FString:
		for _, p := range x.parts {
			walkExpr(p.expr, fn)
			if p.spec != nil {
				walkExpr(p.spec, fn)
			}
		}
	case *Starred:
		walkExpr(x.x, fn)
	case *Yield:
		walkExpr(x.x, fn)
	case *Await:
		walkExpr(x.x, fn)
	case *NamedExpr:
		walkExpr(x.value, fn)
	case *Lambda:
		for _, p := range x.params {
			walkExpr(p.def, fn)
		}
	}
}

// stmtExprs calls ex on each expression s holds itself: not those of
// the statements nested in it (nestedBodies gives those) nor of a def's
// or class's body, but a def's decorators, defaults and annotations and a
// class's decorators, annotations, bases and keywords, which run in the
// enclosing scope.
func stmtExprs(s Stmt, ex func(Expr)) {
	switch x := s.(type) {
	case *ExprStmt:
		ex(x.x)
	case *Assign:
		for _, t := range x.targets {
			ex(t)
		}
		ex(x.value)
	case *AugAssign:
		ex(x.target)
		ex(x.value)
	case *If:
		ex(x.cond)
	case *While:
		ex(x.cond)
	case *For:
		ex(x.target)
		ex(x.iter)
	case *Return:
		ex(x.x)
	case *Def:
		defExprs(x, ex)
	case *ClassDef:
		for _, d := range x.decorators {
			ex(d)
		}
		if x.annFn != nil {
			ex(x.annFn)
		}
		for _, b := range x.bases {
			ex(b)
		}
		for _, k := range x.kwVals {
			ex(k)
		}
	case *Assert:
		ex(x.test)
		ex(x.msg)
	case *Del:
		for _, t := range x.targets {
			ex(t)
		}
	case *Raise:
		ex(x.exc)
		ex(x.cause)
	case *With:
		for i := range x.items {
			ex(x.items[i])
			ex(x.targets[i])
		}
	case *Try:
		for _, h := range x.handlers {
			ex(h.typ)
		}
	}
}

// defExprs calls ex on what a def evaluates where it stands: its
// decorators, parameter defaults and annotations.
func defExprs(d *Def, ex func(Expr)) {
	for _, dec := range d.decorators {
		ex(dec)
	}
	for _, p := range d.params {
		ex(p.def)
	}
	if d.annFn != nil {
		ex(d.annFn)
	}
}

// walkStmts calls onExpr on every expression and onDef on every nested
// function (def or lambda) in body, without entering nested bodies.
func walkStmts(body []Stmt, onExpr func(Expr), onDef func(params []param, body []Stmt)) {
	ex := func(e Expr) {
		walkExpr(e, func(x Expr) {
			onExpr(x)
			if l, ok := x.(*Lambda); ok {
				onDef(l.params, l.funcBody())
			}
			if c, ok := x.(*Comp); ok && c.kind == "gen" {
				onDef(genexpParams, c.genexpFunc())
			}
		})
	}
	for _, s := range body {
		stmtExprs(s, ex)
		switch x := s.(type) {
		case *Def:
			onDef(x.params, x.body)
		case *ClassDef:
			// A class body is no scope for its methods: what they use
			// free comes from the function around the class.
			for _, s := range x.body {
				switch m := s.(type) {
				case *Def:
					defExprs(m, ex)
					onDef(m.params, m.body)
				case *Assign:
					ex(m.value)
				}
			}
		}
		nestedBodies(s, func(b []Stmt, _ bool) { walkStmts(b, onExpr, onDef) })
	}
}

// freeNames returns the names a function uses that it does not bind: its
// own loads and stores of non-local names, plus its nested functions' free
// names that it does not bind either.
func freeNames(params []param, body []Stmt) map[string]bool {
	bound := map[string]bool{}
	globals := map[string]bool{}
	for _, p := range params {
		bound[p.name] = true
	}
	assigned(body, bound, globals)
	nonlocals := map[string]bool{}
	collectNonlocals(body, nonlocals)
	for n := range nonlocals {
		delete(bound, n)
	}
	free := map[string]bool{}
	use := func(n string) {
		if !bound[n] && !globals[n] {
			free[n] = true
		}
	}
	walkStmts(body, func(e Expr) {
		if n, ok := e.(*Name); ok {
			use(n.id)
		}
	}, func(ps []param, b []Stmt) {
		for n := range freeNames(ps, b) {
			use(n)
		}
	})
	for n := range nonlocals {
		free[n] = true
	}
	return free
}

func collectNonlocals(body []Stmt, out map[string]bool) {
	for _, s := range body {
		if x, ok := s.(*Nonlocal); ok {
			for _, n := range x.names {
				out[n] = true
			}
		}
		nestedBodies(s, func(b []Stmt, _ bool) { collectNonlocals(b, out) })
	}
}

// nestedBodies calls fn with each statement list nested directly in s
// (not inside a def or class), saying whether it is a loop's body.
func nestedBodies(s Stmt, fn func(body []Stmt, loopBody bool)) {
	switch x := s.(type) {
	case *If:
		fn(x.body, false)
		fn(x.orelse, false)
	case *While:
		fn(x.body, true)
		fn(x.orelse, false)
	case *For:
		fn(x.body, true)
		fn(x.orelse, false)
	case *With:
		fn(x.body, false)
	case *Try:
		fn(x.body, false)
		for _, h := range x.handlers {
			fn(h.body, false)
		}
		fn(x.orelse, false)
		fn(x.finally, false)
	}
}

// cellNames returns the locals of a function that nested functions use:
// they live in cells so that every function sees the same variable.
func cellNames(locals map[string]int, body []Stmt) map[string]bool {
	cells := map[string]bool{}
	walkStmts(body, func(Expr) {}, func(ps []param, b []Stmt) {
		for n := range freeNames(ps, b) {
			if _, ok := locals[n]; ok {
				cells[n] = true
			}
		}
	})
	return cells
}
