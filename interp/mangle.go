package interp

import (
	"slices"
	"strings"
)

// Private name mangling, as CPython's compiler: inside a class body, and
// the functions, lambdas and comprehensions nested in it, an identifier
// __x (not ending in __) used as a variable, an attribute, a parameter, a
// def or class name, an import's bound name or a global/nonlocal becomes
// _C__x, C the class's name without its leading underscores. A nested
// class mangles with its own name. Call keywords are left alone (CPython
// 3.13 does too), and so are strings given to getattr and friends.
// It runs once over the parsed module, before compiling.

// mangleScope is the class whose body (or what nests in it) is being
// mangled: nil outside any class.
type mangleScope struct {
	cls string
	// keep: a generic class's type parameters, which its body names
	// unmangled (CPython 3.13).
	keep []string
}

// mangle returns name as written in the class of sc.
func (sc *mangleScope) mangle(name string) string {
	if sc == nil || slices.Contains(sc.keep, name) {
		return name
	}
	return mangle(sc.cls, name)
}

// mangle returns name as written in a class named cls.
func mangle(cls, name string) string {
	if cls == "" || len(name) < 3 || !strings.HasPrefix(name, "__") ||
		strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	c := strings.TrimLeft(cls, "_")
	if c == "" {
		return name // a class named only underscores mangles nothing
	}
	return "_" + c + name
}

// mangleModule mangles the private names of every class in body.
func mangleModule(body []Stmt) { mangleStmts(body, nil) }

func mangleStmts(body []Stmt, sc *mangleScope) {
	for _, s := range body {
		mangleStmt(s, sc)
	}
}

func mangleNames(names []string, sc *mangleScope) {
	for i, n := range names {
		names[i] = sc.mangle(n)
	}
}

func mangleParams(ps []param, sc *mangleScope) {
	for i := range ps {
		ps[i].name = sc.mangle(ps[i].name)
		mangleExpr(ps[i].def, sc)
		mangleExpr(ps[i].annX, sc)
	}
}

func mangleStmt(s Stmt, sc *mangleScope) {
	ex := func(e Expr) { mangleExpr(e, sc) }
	switch x := s.(type) {
	case *ExprStmt:
		ex(x.x)
	case *Assign:
		for _, t := range x.targets {
			ex(t)
		}
		ex(x.value)
		ex(x.annX)
	case *AugAssign:
		ex(x.target)
		ex(x.value)
	case *If:
		ex(x.cond)
		mangleStmts(x.body, sc)
		mangleStmts(x.orelse, sc)
	case *While:
		ex(x.cond)
		mangleStmts(x.body, sc)
		mangleStmts(x.orelse, sc)
	case *For:
		ex(x.target)
		ex(x.iter)
		ex(x.written)
		mangleStmts(x.body, sc)
		mangleStmts(x.orelse, sc)
	case *Pass:
		x.annName = sc.mangle(x.annName)
		ex(x.annX)
	case *Return:
		ex(x.x)
	case *Global:
		mangleNames(x.names, sc)
	case *Nonlocal:
		mangleNames(x.names, sc)
	case *Def:
		// Decorators, defaults and annotations run in the enclosing scope.
		for _, d := range x.decorators {
			ex(d)
		}
		if n := sc.mangle(x.name); n != x.name {
			x.shown, x.name = x.name, n
		}
		mangleParams(x.params, sc)
		ex(x.retX)
		if x.annFn != nil {
			// Remade: its keys are the (now mangled) parameter names.
			x.annFn = defAnnotate(x)
			ex(x.annFn)
		}
		mangleStmts(x.body, sc)
	case *ClassDef:
		for _, d := range x.decorators {
			ex(d)
		}
		for _, b := range x.bases {
			ex(b)
		}
		for _, k := range x.kwVals {
			ex(k)
		}
		own := &mangleScope{cls: x.ownName(), keep: x.tparams}
		if n := sc.mangle(x.name); n != x.name {
			x.shown, x.name = x.name, n
		}
		mangleStmts(x.body, own)
		if x.annFn != nil {
			// Remade over the body's mangled names.
			x.annFn = classAnnotate(x)
			mangleExpr(x.annFn, own)
		}
	case *Assert:
		ex(x.test)
		ex(x.msg)
	case *Import:
		// As CPython 3.13: the module imported is mangled too (import
		// __m in class C imports _C__m), unless dotted; import __p.m
		// imports __p.m and binds _C__p.
		if top, _, dotted := strings.Cut(x.mod, "."); dotted && x.as == x.mod {
			if t := sc.mangle(top); t != top {
				x.top = t
			}
			break
		}
		noAlias := x.as == x.mod
		x.mod = sc.mangle(x.mod)
		if noAlias {
			x.as = x.mod
		} else {
			x.as = sc.mangle(x.as)
		}
	case *FromImport:
		// The module (not dotted or relative), the names looked up in
		// it and the names bound: all mangled.
		x.mod = sc.mangle(x.mod)
		for i, a := range x.asses {
			if x.names[i] != "*" {
				x.asses[i] = sc.mangle(a)
				x.names[i] = sc.mangle(x.names[i])
			}
		}
	case *Del:
		for _, t := range x.targets {
			ex(t)
		}
	case *Raise:
		ex(x.exc)
		ex(x.cause)
	case *Try:
		mangleStmts(x.body, sc)
		for i := range x.handlers {
			h := &x.handlers[i]
			ex(h.typ)
			h.name = sc.mangle(h.name)
			mangleStmts(h.body, sc)
		}
		mangleStmts(x.orelse, sc)
		mangleStmts(x.finally, sc)
	case *With:
		for i := range x.items {
			ex(x.items[i])
			ex(x.targets[i])
		}
		mangleStmts(x.body, sc)
	}
}

func mangleExpr(e Expr, sc *mangleScope) {
	if e == nil {
		return
	}
	walkExpr(e, func(e Expr) {
		switch x := e.(type) {
		case *Name:
			x.id = sc.mangle(x.id)
		case *Attr:
			x.name = sc.mangle(x.name)
		case *NamedExpr:
			x.name = sc.mangle(x.name)
		case *Lambda:
			// walkExpr visits the defaults; the rest is the lambda's own.
			for i := range x.params {
				x.params[i].name = sc.mangle(x.params[i].name)
				mangleExpr(x.params[i].annX, sc)
			}
			if x.stmts != nil {
				mangleStmts(x.stmts, sc)
			} else {
				mangleExpr(x.body, sc)
			}
		}
	})
}

// boundName is the name an import statement binds: its alias, the first
// part of a dotted module (mangled in a class), else the module.
func (x *Import) boundName() string {
	if top, _, dotted := strings.Cut(x.mod, "."); dotted && x.as == x.mod {
		if x.top != "" {
			return x.top
		}
		return top
	}
	return x.as
}
