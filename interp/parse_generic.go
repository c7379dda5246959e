package interp

import "strings"

// PEP 695's syntax (3.12): type parameter lists on functions and classes
// (def first[T](xs: list[T]) -> T, class Box[T: int]) and the type
// statement (type Pair[T] = tuple[T, T]). The parser rewrites each into
// ordinary statements, as CPython's compiler does with its annotation
// scopes: a hidden function (named so no program can spell it) makes the
// parameters (module _typing's typevar, pylib/typeparams.py), defines the
// function or class inside, where its body sees them as closure
// variables, and returns it; the statement binds what it returns, through
// the decorators. Bounds, constraints, defaults and an alias's value are
// lambdas, evaluated when first read.

// typeParam is one entry of a type parameter list.
type typeParam struct {
	pos
	name        string
	kind        int  // 0: T, 1: *Ts, 2: **P
	bound       Expr // nil without one
	constraints bool // bound was a parenthesized tuple: T: (int, str)
	def         Expr // T = int (3.13), or nil
}

// genericScopePrefix starts the hidden function's name; qualPrefix leaves
// it out of the __qualname__ of what it defines, as CPython does.
const genericScopePrefix = "<generic parameters of "

// typeParams parses a type parameter list after its '['.
func (ps *parser) typeParams() []typeParam {
	var out []typeParam
	seen := map[string]bool{}
	for !ps.isOp("]") {
		t := ps.tok()
		p := typeParam{pos: pos{t.line, t.col}}
		switch {
		case ps.acceptOp("*"):
			p.kind = 1
		case ps.acceptOp("**"):
			p.kind = 2
		}
		nt := ps.tok()
		p.name = ps.name()
		if seen[p.name] {
			ps.failAt(nt, "duplicate type parameter '"+p.name+"'")
		}
		seen[p.name] = true
		if ps.isOp(":") {
			c := ps.tok()
			ps.next()
			switch p.kind {
			case 1:
				ps.failAt(c, "cannot use bound with TypeVarTuple")
			case 2:
				ps.failAt(c, "cannot use bound with ParamSpec")
			}
			p.bound = ps.expr()
			_, p.constraints = p.bound.(*TupleExpr)
		}
		if ps.acceptOp("=") {
			if p.kind == 1 && ps.isOp("*") {
				ps.next() // *Ts = *tuple[int, ...]: the default unpacked
			}
			p.def = ps.expr()
		} else if len(out) > 0 && out[len(out)-1].def != nil {
			ps.failAt(nt, "non-default type parameter '"+p.name+"' follows default type parameter")
		}
		out = append(out, p)
		if !ps.acceptOp(",") {
			break
		}
	}
	if len(out) == 0 {
		ps.failAt(ps.tok(), "Type parameter list cannot be empty")
	}
	ps.expectOp("]")
	return out
}

// typeAliasStmt parses `type Name[params] = value` after `type`.
func (ps *parser) typeAliasStmt(at pos) Stmt {
	name := ps.name()
	var params []typeParam
	if ps.acceptOp("[") {
		params = ps.typeParams()
	}
	ps.expectOp("=")
	value := ps.expr()
	body := []Stmt{&Return{at, call(at, tpAttr(at, "type_alias"),
		&Const{at, StrVal(name)}, &Lambda{pos: at, body: value}, paramTuple(at, params), &Name{at, "__name__"})}}
	return genericScope(at, name, params, body, nil)[0]
}

// genericDef rewrites a function with type parameters.
func genericDef(d *Def, params []typeParam) []Stmt {
	at := d.pos
	decos := d.decorators
	d.decorators = nil
	body := []Stmt{
		d,
		&Assign{pos: at, targets: []Expr{&Name{at, ".type_params"}}, value: paramTuple(at, params)},
		&ExprStmt{at, call(at, tpAttr(at, "set_type_params"), &Name{at, d.name}, &Name{at, ".type_params"})},
		&Return{at, &Name{at, d.name}},
	}
	return genericScope(at, d.name, params, body, decos)
}

// genericClass rewrites a class with type parameters: Generic[params]
// ends its bases, and its namespace holds __type_params__.
func genericClass(c *ClassDef, params []typeParam) []Stmt {
	at := c.pos
	decos := c.decorators
	c.decorators = nil
	for _, p := range params {
		c.tparams = append(c.tparams, p.name)
	}
	c.bases = append(c.bases, &Call{pos: at, fn: tpAttr(at, "generic_base"), args: []Expr{&Name{at, ".type_params"}}})
	c.body = append([]Stmt{&Assign{pos: at, targets: []Expr{&Name{at, "__type_params__"}}, value: &Name{at, ".type_params"}}}, c.body...)
	body := []Stmt{
		&Assign{pos: at, targets: []Expr{&Name{at, ".type_params"}}, value: paramTuple(at, params)},
		c,
		&Return{at, &Name{at, c.name}},
	}
	return genericScope(at, c.name, params, body, decos)
}

// genericScope is the hidden function making params around body, and
// the statement binding name to what it returns through decos.
func genericScope(at pos, name string, params []typeParam, body []Stmt, decos []Expr) []Stmt {
	scope := genericScopePrefix + name + ">"
	pre := []Stmt{&Import{pos: at, mod: "_typing", as: ".tp"}}
	for _, p := range params {
		thunk := func(e Expr) Expr {
			if e == nil {
				return &Const{at, NoneVal}
			}
			return &Lambda{pos: p.pos, body: e}
		}
		bound, constraints := thunk(nil), thunk(nil)
		if p.constraints {
			constraints = thunk(p.bound)
		} else {
			bound = thunk(p.bound)
		}
		pre = append(pre, &Assign{pos: p.pos, targets: []Expr{&Name{p.pos, p.name}},
			value: call(p.pos, tpAttr(p.pos, "typevar"), &Const{p.pos, StrVal(p.name)}, &Const{p.pos, IntVal(int64(p.kind))},
				bound, constraints, thunk(p.def), &Name{p.pos, "__name__"})})
	}
	var v Expr = call(at, &Lambda{pos: at, name: scope, stmts: append(pre, body...)})
	for i := len(decos) - 1; i >= 0; i-- {
		v = call(at, decos[i], v)
	}
	return []Stmt{&Assign{pos: at, targets: []Expr{&Name{at, name}}, value: v}}
}

// genericScopeOf is the hidden scope of a statement genericScope made
// (its value through no decorators yet), or nil.
func genericScopeOf(s Stmt) *Lambda {
	a, ok := s.(*Assign)
	if !ok {
		return nil
	}
	c, ok := a.value.(*Call)
	if !ok || len(c.args) != 0 {
		return nil
	}
	l, ok := c.fn.(*Lambda)
	if !ok || !isGenericScope(l.name) {
		return nil
	}
	return l
}

// isGenericScope says whether a function is one genericScope made.
func isGenericScope(name string) bool { return strings.HasPrefix(name, genericScopePrefix) }

func call(at pos, fn Expr, args ...Expr) *Call { return &Call{pos: at, fn: fn, args: args} }

// tpAttr is _typing's function name, through the hidden scope's import.
func tpAttr(at pos, name string) Expr { return &Attr{at, &Name{at, ".tp"}, name} }

func paramTuple(at pos, params []typeParam) Expr {
	t := &TupleExpr{pos: at}
	for _, p := range params {
		t.elts = append(t.elts, &Name{p.pos, p.name})
	}
	return t
}

// genericInner is the function statement a hidden scope defines, or nil.
func genericInner(scope *Lambda) *Def {
	for _, s := range scope.stmts {
		if d, ok := s.(*Def); ok {
			return d
		}
	}
	return nil
}

// decorateGeneric applies decorators to what a hidden scope returns.
func decorateGeneric(s Stmt, decos []Expr) {
	a := s.(*Assign)
	for i := len(decos) - 1; i >= 0; i-- {
		a.value = call(a.pos, decos[i], a.value)
	}
}
