package interp

import "strings"

// Attributes of functions, bound methods and classes: __name__,
// __qualname__, __doc__, __module__, __defaults__, __dict__, __self__,
// __func__, __bases__, __mro__, and a function's own attributes.

// docstring is the body's leading string literal, or None.
func docstring(body []Stmt, lambda bool) Val {
	if lambda || len(body) == 0 {
		return NoneVal
	}
	if e, ok := body[0].(*ExprStmt); ok {
		if c, ok := e.x.(*Const); ok && c.v.isStr() {
			return c.v
		}
	}
	return NoneVal
}

// withModuleDoc is module (exec-mode) code with its docstring stored in
// __doc__ first, as CPython's compiler does: `__doc__` read at the top
// level, and the module's or exec dict's __doc__, are the docstring.
func withModuleDoc(body []Stmt) []Stmt {
	doc := docstring(body, false)
	if !doc.isStr() {
		return body
	}
	at := body[0].position()
	set := &Assign{pos: at, targets: []Expr{&Name{pos: at, id: "__doc__"}}, value: &Const{pos: at, v: doc}}
	return append([]Stmt{set}, body...)
}

func (vm *VM) funcAttr(fn *Function, name string) (Val, bool) {
	if v, ok := fn.special[name]; ok {
		return v, true
	}
	if fn.attrs != nil {
		if v, ok, _ := fn.attrs.get(StrVal(name)); ok {
			return v, true
		}
	}
	co := fn.code
	switch name {
	case "__call__":
		return callAttr(ObjVal(fn)), true
	case "__name__":
		return StrVal(co.name), true
	case "__qualname__":
		return StrVal(fn.qualname()), true
	case "__doc__":
		if co.doc.T == tagEmpty {
			return NoneVal, true
		}
		return co.doc, true
	case "__module__":
		// A library module's function (pylib) has "<minipy copyreg>".
		return StrVal(vm.codeModuleName(fn.code)), true
	case "__closure__":
		if len(fn.free) == 0 {
			return NoneVal, true
		}
		cells := make([]Val, 0, len(fn.free))
		for _, i := range co.freeOrder() {
			if i < len(fn.free) {
				cells = append(cells, fn.free[i])
			}
		}
		return tupleOf(cells), true
	case "__defaults__":
		var ds []Val
		for i := 0; i < co.npos; i++ {
			if d := fn.defIndex()[i]; d >= 0 && d < len(fn.defaults) {
				ds = append(ds, fn.defaults[d])
			}
		}
		if len(ds) == 0 {
			return NoneVal, true
		}
		return tupleOf(ds), true
	case "__kwdefaults__":
		kd := newDict()
		for _, s := range co.kwonly {
			if d := fn.defIndex()[s]; d >= 0 && d < len(fn.defaults) {
				kd.set(StrVal(co.localNames[s]), fn.defaults[d])
			}
		}
		if kd.Len() == 0 {
			return NoneVal, true
		}
		return ObjVal(kd), true
	case "__dict__":
		if fn.attrs == nil {
			fn.attrs = newDict()
		}
		return ObjVal(fn.attrs), true
	case "__annotations__":
		// Read through getAttr, which reports an __annotate__ failing
		// (funcAnnotationsAttr); here only for what it cannot fail on.
		d, err := vm.funcAnnotations(fn)
		if err != nil {
			return Val{}, false
		}
		return ObjVal(d), true
	case "__annotate__":
		return NoneVal, true
	case "__type_params__":
		return tupleOf(nil), true
	case "__code__":
		return ObjVal(&codeInfoObj{code: co}), true
	case "__globals__":
		if co.nsGlobals != nil {
			return ObjVal(co.nsGlobals), true // exec's globals dict
		}
		if d, ok := vm.pylibNS[co.filename]; ok {
			return ObjVal(d), true // a library module's namespace
		}
		return vm.globalsDict(), true
	case "__get__":
		// A function is a descriptor: read through an instance it binds.
		fv := ObjVal(fn)
		return builtinFn("__get__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := nargs("__get__", args, 1, 2); err != nil {
				return Val{}, err
			}
			if len(kwn) > 0 {
				return Val{}, newErr(TypeError, "__get__() takes no keyword arguments")
			}
			if args[0].T == tagNone {
				if len(args) < 2 || args[1].T == tagNone {
					return Val{}, newErr(TypeError, "__get__(None, None) is invalid")
				}
				return fv, nil
			}
			return ObjVal(&Method{self: args[0], fn: fv}), nil
		}), true
	}
	return Val{}, false
}

func (vm *VM) setFuncAttr(fn *Function, name string, v Val) error {
	if name == "__dict__" {
		d, ok := v.O.(*Dict)
		if !ok {
			return newErr(TypeError, "__dict__ must be set to a dictionary, not a '%s'", typeName(v))
		}
		fn.attrs = d
		return nil
	}
	switch name {
	case "__annotations__":
		d, ok := v.O.(*Dict)
		if !ok || v.T != tagObject {
			return newErr(TypeError, "__annotations__ must be set to a dict object")
		}
		fn.ann = d
		delete(fn.special, "__annotate__")
		return nil
	case "__annotate__":
		if v.T != tagNone && !vm.isCallable(v) {
			return newErr(TypeError, "__annotate__ must be callable or None")
		}
		if fn.special == nil {
			fn.special = map[string]Val{}
		}
		fn.special["__annotate__"] = v
		if v.T != tagNone {
			fn.ann = nil
		}
		return nil
	case "__defaults__":
		return fn.setDefaults(v)
	case "__code__":
		// Call sites' caches and compiled traces take a function's code
		// as fixed: an error, not a store nothing would read.
		return newErr(NotImplementedError, "assigning a function's __code__ is not supported in minipy")
	case "__type_params__":
		if _, ok := v.O.(*Tuple); !ok || v.T != tagObject {
			return newErr(TypeError, "__type_params__ must be set to a tuple")
		}
		if fn.special == nil {
			fn.special = map[string]Val{}
		}
		fn.special[name] = v
		return nil
	case "__name__", "__qualname__", "__doc__", "__module__":
		if (name == "__name__" || name == "__qualname__") && !v.isStr() {
			return newErr(TypeError, "%s must be set to a string object", name)
		}
		if fn.special == nil {
			fn.special = map[string]Val{}
		}
		fn.special[name] = v
		return nil
	}
	if fn.attrs == nil {
		fn.attrs = newDict()
	}
	return fn.attrs.set(StrVal(name), v)
}

// callAttr is a function's or method's __call__: calling it calls f.
func callAttr(f Val) Val {
	return ObjVal(&Builtin{name: "__call__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.call(f, args, kwn)
	}})
}

// methodAttr is an attribute of a bound method: its own, else its
// function's.
func (vm *VM) methodAttr(m *Method, name string) (Val, bool) {
	switch name {
	case "__self__":
		return m.self, true
	case "__func__":
		return m.fn, true
	case "__call__":
		return callAttr(ObjVal(m)), true
	}
	switch f := m.fn.O.(type) {
	case *Function:
		return vm.funcAttr(f, name)
	case *Builtin:
		if _, ok := f.attrs["__wrapped__"]; ok {
			// An lru_cache'd method: the wrapper's attributes
			// (k.m.cache_info()), as a bound method reads its function's.
			if v, err := vm.getAttr(m.fn, name); err == nil {
				return v, true
			}
		}
		if name == "__name__" || name == "__qualname__" {
			return StrVal(f.name), true
		}
	}
	return Val{}, false
}

// classAttr is a class's special attribute not stored among its own.
func (vm *VM) classAttr(c *Class, name string) (Val, bool) {
	switch name {
	case "__class__":
		return vm.typeOf(ObjVal(c)), true
	case "__qualname__":
		return StrVal(c.qualName()), true
	case "__module__":
		return StrVal(c.moduleName()), true
	case "__doc__":
		return NoneVal, true
	case "__bases__":
		var bs []Val
		for _, b := range c.bases {
			bs = append(bs, ObjVal(b))
		}
		if len(bs) == 0 {
			bs = []Val{ObjVal(objectClass)}
		}
		return tupleOf(bs), true
	case "__base__":
		if len(c.bases) > 0 {
			return ObjVal(c.bases[0]), true
		}
		return ObjVal(objectClass), true
	case "__mro__":
		var ms []Val
		for _, k := range c.mro {
			ms = append(ms, ObjVal(k))
		}
		if len(ms) == 0 || c.mro[len(c.mro)-1] != objectClass {
			ms = append(ms, ObjVal(objectClass))
		}
		return tupleOf(ms), true
	case "__dict__":
		return vm.classDictView(c, nil), true
	case "__annotations__":
		return ObjVal(newDict()), true
	case "__subclasses__":
		return builtinFn("__subclasses__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("__subclasses__", args, kwn, 0); err != nil {
				return Val{}, err
			}
			live := c.liveSubclasses()
			subs := make([]Val, len(live))
			for i, s := range live {
				subs[i] = ObjVal(s)
			}
			return ObjVal(newList(subs)), nil
		}), true
	}
	return Val{}, false
}

// textFrom is the source text of the tokens from index start to the last
// one read: the line's text when they share a line, else their values.
func (ps *parser) textFrom(start int) string {
	if start >= ps.p || ps.p > len(ps.toks) {
		return ""
	}
	first, last := ps.toks[start], ps.toks[ps.p-1]
	if first.line == last.line && first.line >= 1 && first.line <= len(ps.lines) {
		line := ps.lines[first.line-1]
		if first.col >= 0 && last.endCol <= len(line) && first.col <= last.endCol {
			return line[first.col:last.endCol]
		}
	}
	var b strings.Builder
	for i := start; i < ps.p; i++ {
		if i > start {
			b.WriteByte(' ')
		}
		b.WriteString(ps.toks[i].val)
	}
	return b.String()
}

// defIndex is, per parameter slot, the index of its default in
// fn.defaults, or -1.
func (fn *Function) defIndex() []int {
	if fn.defIdx != nil {
		return fn.defIdx
	}
	return fn.code.defIdx
}

// setDefaults assigns __defaults__: the last positional parameters take
// the tuple's values; keyword-only defaults stay.
func (fn *Function) setDefaults(v Val) error {
	var pos []Val
	switch x := v.O.(type) {
	case *Tuple:
		pos = x.items
	default:
		if v.T != tagNone {
			return newErr(TypeError, "__defaults__ must be set to a tuple object")
		}
	}
	co, old := fn.code, fn.defIndex()
	idx := make([]int, len(old))
	var defs []Val
	for i := range idx {
		idx[i] = -1
	}
	first := co.npos - len(pos)
	for i := 0; i < co.npos; i++ {
		if i >= first {
			idx[i] = len(defs)
			defs = append(defs, pos[i-first])
		}
	}
	for _, s := range co.kwonly {
		if d := old[s]; d >= 0 && d < len(fn.defaults) {
			idx[s] = len(defs)
			defs = append(defs, fn.defaults[d])
		}
	}
	fn.defaults, fn.defIdx = defs, idx
	return nil
}

// setAnnotations keeps a def's annotations on its code, as text.
func setAnnotations(co *Code, d *Def) {
	for _, p := range d.params {
		if p.ann != "" {
			co.anns = append(co.anns, [2]string{p.name, p.ann})
		}
	}
	if d.ret != "" {
		co.anns = append(co.anns, [2]string{"return", d.ret})
	}
	co.annText = d.annText
}

// funcAnnotations is fn.__annotations__: what its __annotate__ gives for
// format 1 (VALUE) when first read, kept (PEP 649: annotate.go); the
// source text under `from __future__ import annotations` (PEP 563).
func (vm *VM) funcAnnotations(fn *Function) (*Dict, error) {
	if fn.ann != nil {
		return fn.ann, nil
	}
	if a, ok := fn.special["__annotate__"]; ok && a.T != tagNone {
		d, err := vm.callAnnotate(a)
		if err != nil {
			return nil, err
		}
		fn.ann = d
		return d, nil
	}
	d := newDict()
	if fn.code.annText {
		for _, a := range fn.code.anns {
			d.set(StrVal(a[0]), StrVal(a[1]))
		}
	}
	fn.ann = d
	return d, nil
}

// qualname is the function's __qualname__, an assigned one included: a
// function's repr and its bound methods' print it ("f.<locals>.g").
func (fn *Function) qualname() string {
	if v, ok := fn.special["__qualname__"]; ok && v.isStr() {
		return v.str().s
	}
	return qualOrName(fn.code)
}
