package interp

import _ "embed"

// PEP 649/749 (CPython 3.14): annotations are not evaluated where a def or
// class statement runs. The parser gives each annotated function and class
// an __annotate__ function (a Lambda of statements, made where the
// statement runs, so it closes over the enclosing function's variables);
// __annotations__ calls it with format 1 (VALUE) when first read and keeps
// the dict. In a class body the function is an annotation scope: a name
// is looked up in the class's namespace first (compiler.annCls), as the
// class body itself would. The annotations' source text rides on the
// function's code (Code.anns) for the STRING format and for the
// ForwardRefs of annotationlib's FORWARDREF format.
//
// The function made is, for `def f(a: A) -> R`:
//
//	def __annotate__(format, /):
//	    if format > 2: raise NotImplementedError
//	    if format < 0:              # minipy's FORWARDREF pass
//	        .d = {}
//	        try: .d['a'] = A
//	        except: pass
//	        ...
//	        return .d
//	    return {'a': A, 'return': R}
//
// CPython's accepts formats 1 and 2 (VALUE_WITH_FAKE_GLOBALS) and raises
// NotImplementedError above; the negative format is minipy's own, asked
// by annotationlib (pylib/annotationlib.py): every annotation that can be
// evaluated, and the caller makes a ForwardRef of the text of the rest.

// annFormatPartial is the private format asking for the annotations that
// evaluate, leaving out those that raise.
const annFormatPartial = -1

// defAnnotate is a def's __annotate__, or nil without annotations.
func defAnnotate(d *Def) *Lambda {
	var names, texts []string
	var exprs []Expr
	for _, p := range d.params {
		if p.annX != nil {
			names, texts, exprs = append(names, p.name), append(texts, p.ann), append(exprs, p.annX)
		}
	}
	if d.retX != nil {
		names, texts, exprs = append(names, "return"), append(texts, d.ret), append(exprs, d.retX)
	}
	if len(names) == 0 {
		return nil
	}
	l := annotateLambda(d.pos, names, texts, exprs)
	l.annOwner = d.ownName()
	return l
}

// classAnnotate is a class's __annotate__ over the annotated names its
// body binds at its top level (x: int, x: int = 0), or nil.
func classAnnotate(cd *ClassDef) *Lambda {
	var names, texts []string
	var exprs []Expr
	seen := map[string]int{}
	add := func(n, text string, x Expr) {
		if i, ok := seen[n]; ok {
			// Annotated twice: the later annotation, in the first place.
			texts[i], exprs[i] = text, x
			return
		}
		seen[n] = len(names)
		names, texts, exprs = append(names, n), append(texts, text), append(exprs, x)
	}
	for _, s := range cd.body {
		switch m := s.(type) {
		case *Assign:
			if n, ok := m.targets[0].(*Name); ok && m.annX != nil {
				add(n.id, m.ann, m.annX)
			}
		case *Pass:
			if m.annName != "" && m.annX != nil {
				add(m.annName, m.ann, m.annX)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	return annotateLambda(cd.pos, names, texts, exprs)
}

func annotateLambda(at pos, names, texts []string, exprs []Expr) *Lambda {
	format := func() Expr { return &Name{at, "format"} }
	d := func() Expr { return &Name{at, ".d"} }
	str := func(s string) Expr { return &Const{at, StrVal(s)} }
	dict := &DictExpr{pos: at}
	partial := []Stmt{&Assign{pos: at, targets: []Expr{d()}, value: &DictExpr{pos: at}}}
	anns := make([][2]string, len(names))
	for i, n := range names {
		dict.keys = append(dict.keys, str(n))
		dict.vals = append(dict.vals, exprs[i])
		partial = append(partial, &Try{pos: at,
			body:     []Stmt{&Assign{pos: at, targets: []Expr{&Subscript{at, d(), str(n)}}, value: exprs[i]}},
			handlers: []handler{{pos: at, body: []Stmt{&Pass{pos: at}}}}})
		anns[i] = [2]string{n, texts[i]}
	}
	partial = append(partial, &Return{at, d()})
	body := []Stmt{
		&If{pos: at, cond: &Compare{at, []string{">"}, []Expr{format(), &Const{at, IntVal(2)}}},
			body: []Stmt{&Raise{pos: at, exc: &Name{at, "NotImplementedError"}}}},
		&If{pos: at, cond: &Compare{at, []string{"<"}, []Expr{format(), &Const{at, IntVal(0)}}}, body: partial},
		&Return{at, dict},
	}
	return &Lambda{pos: at, name: "__annotate__", params: []param{{name: "format"}, {name: "/"}},
		stmts: body, annScope: true, annTexts: anns}
}

// setAnnotate sets the function in slot fn's __annotate__ to annFn's.
func (c *compiler) setAnnotate(annFn *Lambda, fn int) {
	if annFn == nil {
		return
	}
	a := c.temp()
	c.exprTo(annFn, a)
	c.emit(opSetAttr, fn, c.name("__annotate__"), a)
}

// annotateFunc makes the __annotate__ function x into dst. In a class
// body it takes the class as the default of a hidden keyword-only
// parameter, through which its names see the class's namespace.
func (c *compiler) annotateFunc(x *Lambda, dst int) {
	params := x.params
	inClass := c.classNames != nil
	if inClass {
		params = append(append([]param(nil), params...), param{name: "*"}, param{name: ".cls", def: &Const{x.pos, NoneVal}})
	}
	c.annClsNext = inClass
	co := c.compileFunc(x.funcName(), params, x.funcBody(), x.pos, false)
	co.anns, co.annotate = x.annTexts, true
	if x.annOwner != "" {
		co.qualname = c.qualPrefix() + x.annOwner + ".__annotate__"
	}
	if !inClass {
		c.makeFunction(co, params, dst)
		return
	}
	base := c.temps_(1)
	c.emit(opMove, base, c.classSlot)
	fi := len(c.code.funcs)
	c.code.funcs = append(c.code.funcs, co)
	c.emit(opMakeFunction, dst, fi, base, 1, -1)
}

// annClassName loads name x in a class's __annotate__: the class's own
// namespace, else the enclosing function's variable or the global.
func (c *compiler) annClassName(x *Name, dst int) {
	j := c.emit(opClassGet, dst, c.annCls, c.name(x.id), 0)
	if s := c.resolveFree(x.id); s >= 0 {
		if c.isCell(x.id) {
			c.emit(opLoadCell, dst, s)
		} else {
			c.emit(opMove, dst, s)
		}
	} else {
		c.caretAt(x)
		c.emit(opLoadGlobal, dst, c.global(x.id))
	}
	c.patch(j, 3, c.pc())
}

// classAnnAttr is a class's __annotations__ or __annotate__ (3.14's
// type getsets): its own __annotations__ if it has one (set by the
// program, by TypedDict, or PEP 563 strings), else what its
// __annotate__ gives for format 1, kept as __annotations_cache__; never
// a base's.
func (vm *VM) classAnnAttr(c *Class, name string) (Val, error) {
	c.attrsMu.RLock()
	own, hasOwn := c.attrs["__annotations__"]
	cache, hasCache := c.attrs["__annotations_cache__"]
	fnv, hasFn := c.attrs["__annotate__"]
	if !hasFn {
		fnv, hasFn = c.attrs["__annotate_func__"]
	}
	c.attrsMu.RUnlock()
	if name == "__annotate__" {
		if hasFn {
			return fnv, nil
		}
		return NoneVal, nil
	}
	switch {
	case hasOwn:
		return own, nil
	case hasCache:
		return cache, nil
	}
	d := newDict()
	if hasFn && fnv.T != tagNone {
		r, err := vm.callAnnotate(fnv)
		if err != nil {
			return Val{}, err
		}
		d = r
	}
	if !c.builtin {
		if err := vm.objectSetAttr(ObjVal(c), "__annotations_cache__", ObjVal(d)); err != nil {
			return Val{}, err
		}
	}
	return ObjVal(d), nil
}

// classAnnTexts is a class's own annotations as a dict of name to source
// text, for what reads them when the class is made (dataclasses,
// NamedTuple, TypedDict, Protocol): its __annotate__'s, else its own
// __annotations__ dict, else nil.
func (vm *VM) classAnnTexts(c *Class) *Dict {
	c.attrsMu.RLock()
	own, hasOwn := c.attrs["__annotations__"]
	fnv := c.attrs["__annotate_func__"]
	c.attrsMu.RUnlock()
	if d, ok := own.O.(*Dict); hasOwn && ok {
		return d
	}
	if f, ok := fnv.O.(*Function); ok && fnv.T == tagObject && f.code.annotate {
		d := newDict()
		for _, a := range f.code.anns {
			d.set(StrVal(a[0]), StrVal(a[1]))
		}
		return d
	}
	return nil
}

//go:embed pylib/annotationlib.py
var annotationlibSource string

// annotationlibModule is annotationlib, in Python; _texts gives a
// compiler-made __annotate__'s annotations as (name, source text) pairs,
// None for any other callable.
func annotationlibModule(vm *VM) *Module {
	return vm.pyModule("annotationlib", annotationlibSource, map[string]nativeFn{
		"_texts": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "_texts() takes 1 argument")
			}
			f, ok := args[0].O.(*Function)
			if !ok || args[0].T != tagObject || !f.code.annotate {
				return NoneVal, nil
			}
			out := make([]Val, len(f.code.anns))
			for i, a := range f.code.anns {
				out[i] = tupleOf([]Val{StrVal(a[0]), StrVal(a[1])})
			}
			return ObjVal(newList(out)), nil
		},
	})
}

// classAnnForward is a class's own annotations as annotationlib's
// FORWARDREF format gives them (3.14's dataclasses read these): each
// value, or a ForwardRef where evaluating it fails; nil without an
// __annotate__ (PEP 563's strings are the texts).
func (vm *VM) classAnnForward(c *Class) (*Dict, error) {
	c.attrsMu.RLock()
	fnv := c.attrs["__annotate_func__"]
	c.attrsMu.RUnlock()
	if f, ok := fnv.O.(*Function); !ok || fnv.T != tagObject || !f.code.annotate {
		return nil, nil
	}
	v, err := vm.call(fnv, []Val{IntVal(1)}, nil)
	if err != nil {
		m, err := vm.importLib("annotationlib")
		if err != nil {
			return nil, err
		}
		if v, err = vm.call(m.attrs["get_annotations"], []Val{ObjVal(c), IntVal(3)}, []string{"format"}); err != nil {
			return nil, err
		}
	}
	d, _ := v.O.(*Dict)
	return d, nil
}

// withModuleAnnotate binds the module's __annotate__ (PEP 649: over the
// annotated names its top level binds) before its first statement other
// than the docstring and __future__ imports, as CPython 3.14 has it in the
// globals while the module runs; body unchanged without annotations.
func withModuleAnnotate(body []Stmt) []Stmt {
	l := classAnnotate(&ClassDef{body: body})
	if l == nil {
		return body
	}
	i := 0
	for i < len(body) {
		switch s := body[i].(type) {
		case *ExprStmt:
			if c, ok := s.x.(*Const); ok && c.v.isStr() && i == 0 {
				i++
				continue
			}
		case *FromImport:
			if s.mod == "__future__" {
				i++
				continue
			}
		}
		break
	}
	at := body[i].position()
	l.pos = at
	set := &Assign{pos: at, targets: []Expr{&Name{at, "__annotate__"}}, value: l}
	return append(append(append([]Stmt(nil), body[:i]...), set), body[i:]...)
}

// moduleAnnotations is a module's __annotations__ when its globals have
// none: what its __annotate__ gives for format 1, kept there, else {}.
func (vm *VM) moduleAnnotations(m *Module, o Val) (Val, error) {
	d := newDict()
	if a, ok := m.lookup("__annotate__"); ok && a.T != tagNone {
		r, err := vm.callAnnotate(a)
		if err != nil {
			return Val{}, err
		}
		d = r
	}
	if err := vm.setAttr(o, "__annotations__", ObjVal(d)); err != nil {
		return Val{}, err
	}
	return ObjVal(d), nil
}

// callAnnotate is annotate(1) (format VALUE) for a class's, module's or
// function's __annotations__: the dict it must return.
func (vm *VM) callAnnotate(annotate Val) (*Dict, error) {
	v, err := vm.call(annotate, []Val{IntVal(1)}, nil)
	if err != nil {
		return nil, err
	}
	d, ok := v.O.(*Dict)
	if !ok || v.T != tagObject {
		return nil, newErr(TypeError, "__annotate__ returned non-dict of type '%s'", typeName(v))
	}
	return d, nil
}
