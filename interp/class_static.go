package interp

import (
	"sort"
	"strings"
)

// A class's __static_attributes__ (3.13): the names stored as self.X in
// the code whose nearest enclosing class is this one. CPython's compiler
// records a store to an attribute of a name spelled "self" (whatever it
// is bound to) in the class found on its stack of enclosing scopes, the
// current scope left out. So the class's methods (and what is nested in
// them) count, its own body does not, and a class nested in it counts
// for its body but not for its methods. Augmented assignment and del do
// not count: CPython compiles them without an attribute store target.

// staticScope is how a scope's stores relate to the class being scanned.
type staticScope uint8

const (
	staticOwnBody staticScope = iota // the class's own body: stores do not count
	staticFunc                       // a function within it: stores count
	staticNested                     // a class body nested in those: stores count, its functions not
)

type staticAttrs map[string]bool

// staticAttributes is __static_attributes__ for a class with this body:
// a sorted tuple of names.
func staticAttributes(cls string, body []Stmt) Val {
	s := staticAttrs{}
	s.stmts(body, staticOwnBody)
	names := make([]string, 0, len(s))
	// CPython lists self.__x as written, before mangling (mangle.go).
	pre := "_" + strings.TrimLeft(cls, "_")
	for n := range s {
		if rest, ok := strings.CutPrefix(n, pre); ok && pre != "_" && mangle(cls, rest) == n {
			n = rest
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		return ObjVal(emptyTuple) // the one empty tuple: () is C.__static_attributes__
	}
	sort.Strings(names)
	vals := make([]Val, len(names))
	for i, n := range names {
		vals[i] = StrVal(n)
	}
	return tupleOf(vals)
}

// target records the self.X stores of an assignment target.
func (s staticAttrs) target(e Expr, sc staticScope) {
	if sc == staticOwnBody {
		return
	}
	switch x := e.(type) {
	case *Attr:
		if n, ok := x.x.(*Name); ok && n.id == "self" {
			s[x.name] = true
		}
	case *TupleExpr:
		for _, el := range x.elts {
			s.target(el, sc)
		}
	case *ListExpr:
		for _, el := range x.elts {
			s.target(el, sc)
		}
	case *Starred:
		s.target(x.x, sc)
	}
}

// expr finds the comprehension targets in e: a list, set or dict
// comprehension runs in the scope it is written in, a generator
// expression in a function scope of its own.
func (s staticAttrs) expr(e Expr, sc staticScope) {
	if e == nil {
		return
	}
	walkExpr(e, func(x Expr) {
		c, ok := x.(*Comp)
		if !ok {
			return
		}
		if c.kind == "gen" && sc == staticNested {
			return // its nearest class is the nested one
		}
		inner := sc
		if c.kind == "gen" {
			inner = staticFunc
		}
		for _, g := range c.gens {
			s.target(g.target, inner)
		}
	})
}

func (s staticAttrs) stmts(body []Stmt, sc staticScope) {
	for _, st := range body {
		switch x := st.(type) {
		case *ExprStmt:
			s.expr(x.x, sc)
		case *Assign:
			for _, t := range x.targets {
				s.target(t, sc)
				s.expr(t, sc)
			}
			s.expr(x.value, sc)
		case *AugAssign:
			s.expr(x.value, sc)
		case *Return:
			s.expr(x.x, sc)
		case *If:
			s.expr(x.cond, sc)
			s.stmts(x.body, sc)
			s.stmts(x.orelse, sc)
		case *While:
			s.expr(x.cond, sc)
			s.stmts(x.body, sc)
			s.stmts(x.orelse, sc)
		case *For:
			s.target(x.target, sc)
			s.expr(x.iter, sc)
			s.stmts(x.body, sc)
			s.stmts(x.orelse, sc)
		case *With:
			for i := range x.items {
				s.expr(x.items[i], sc)
				if x.targets[i] != nil {
					s.target(x.targets[i], sc)
				}
			}
			s.stmts(x.body, sc)
		case *Try:
			s.stmts(x.body, sc)
			for _, h := range x.handlers {
				s.stmts(h.body, sc)
			}
			s.stmts(x.orelse, sc)
			s.stmts(x.finally, sc)
		case *Def:
			// A function in a nested class body is that class's.
			if sc != staticNested {
				s.stmts(x.body, staticFunc)
			}
		case *ClassDef:
			if sc != staticNested {
				s.stmts(x.body, staticNested)
			}
		}
	}
}

// A class's __dict__ lists the __dict__ and __weakref__ getset
// descriptors type.__new__ adds when the class is the first in its MRO
// whose instances have them: a dict unless __slots__ leaves it out, a
// weak reference list unless __slots__ leaves it out or a base has one
// or cannot take one (CPython adds none to subclasses of its variable-
// sized types int, bytes and tuple; set, frozenset and type have one).

// ownsInstanceSlot says whether class k's own __slots__ (none: every
// name) gives its instances name (__dict__ or __weakref__).
func ownsInstanceSlot(k *Class, name string) bool {
	sv, ok := k.own("__slots__")
	if !ok {
		return true
	}
	for _, n := range classSlotNames(k, sv) {
		if n == name {
			return true
		}
	}
	return false
}

// addsInstanceSlot says whether type.__new__ gave class c the descriptor
// name (__dict__ or __weakref__).
func (vm *VM) addsInstanceSlot(c *Class, name string) bool {
	if !ownsInstanceSlot(c, name) {
		return false
	}
	for _, k := range c.mro[1:] {
		if k == objectClass {
			continue
		}
		if k.builtin || vm.isBuiltinBase(k) {
			switch k.name {
			case "type":
				return false
			case "int", "bool", "bytes", "tuple", "set", "frozenset":
				if name == "__weakref__" {
					return false
				}
			}
			continue
		}
		if ownsInstanceSlot(k, name) {
			return false
		}
	}
	return true
}

// instanceSlotDescr is class c's __dict__ or __weakref__ descriptor, one
// object per class.
func (vm *VM) instanceSlotDescr(c *Class, name string) Val {
	i := 0
	if name == "__weakref__" {
		i = 1
	}
	if p := c.slotDescrs[i].Load(); p != nil {
		return *p
	}
	cv := ObjVal(c)
	get := builtinFn("__get__", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 1 || len(args) > 2 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "expected 1 or 2 arguments, got %d", len(args))
		}
		if args[0].T == tagNone {
			return cv, nil
		}
		inst, ok := args[0].O.(*Instance)
		if !ok || !inst.cls.isSub(c) {
			return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, c.name, typeName(args[0]))
		}
		if name == "__weakref__" {
			return NoneVal, nil
		}
		return vm.getAttr(args[0], "__dict__")
	})
	d := ObjVal(&Builtin{name: name, objclass: c.name, data: dataGetset,
		attrs: map[string]Val{"__objclass__": cv, "__get__": get, "__qualname__": StrVal(c.qualName() + "." + name)},
		fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			return Val{}, newErr(TypeError, "'getset_descriptor' object is not callable")
		}})
	c.slotDescrs[i].CompareAndSwap(nil, &d)
	return *c.slotDescrs[i].Load()
}

// classDictView is C.__dict__: a mappingproxy of the class's own names
// in the order they were bound, with __module__ first, the __dict__ and
// __weakref__ descriptors type.__new__ adds, and __doc__ (None when there
// is no docstring). For an exception class exc, c holds its methods; its
// instances have BaseException's __dict__, and a weak reference list
// from the first class below the built-in exceptions.
func (vm *VM) classDictView(c *Class, exc *ExcType) Val {
	d := newDict()
	c.attrsMu.RLock()
	_, ownModule := c.attrs["__module__"]
	_, ownDoc := c.attrs["__doc__"]
	if !ownModule && !c.moduleLast {
		d.set(StrVal("__module__"), StrVal(c.moduleName()))
	}
	for _, n := range c.order {
		if v, ok := c.attrs[n]; ok {
			d.set(StrVal(n), v)
		}
	}
	c.attrsMu.RUnlock()
	if !ownModule && c.moduleLast {
		d.set(StrVal("__module__"), StrVal(c.moduleName()))
	}
	if sv, ok := c.own("__slots__"); ok {
		for _, n := range classSlotNames(c, sv) {
			if _, own := c.own(n); !own && n != "__dict__" && n != "__weakref__" {
				d.set(StrVal(n), vm.memberDescr(c, n))
			}
		}
	}
	for _, n := range [...]string{"__dict__", "__weakref__"} {
		if _, own := c.own(n); own {
			continue
		}
		adds := false
		if exc != nil {
			adds = n == "__weakref__" && exc.base.cls == nil && ownsInstanceSlot(c, n)
		} else {
			adds = vm.addsInstanceSlot(c, n)
		}
		if adds {
			d.set(StrVal(n), vm.instanceSlotDescr(c, n))
		}
	}
	if !ownDoc {
		d.set(StrVal("__doc__"), NoneVal)
	}
	if p, err := vm.mappingProxy(d); err == nil {
		return p
	}
	return ObjVal(d)
}

// memberDescr is the member descriptor of slot name of class c (S.a for
// __slots__ = ('a',)), one object per class and name.
func (vm *VM) memberDescr(c *Class, name string) Val {
	c.subMu.Lock()
	defer c.subMu.Unlock()
	if d, ok := c.memberDescrs[name]; ok {
		return d
	}
	cv := ObjVal(c)
	get := builtinFn("__get__", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 1 || len(args) > 2 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "expected 1 or 2 arguments, got %d", len(args))
		}
		if args[0].T == tagNone {
			return vm.memberDescr(c, name), nil
		}
		inst, ok := args[0].O.(*Instance)
		if !ok || !inst.cls.isSub(c) {
			return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, c.name, typeName(args[0]))
		}
		return vm.getAttr(args[0], name)
	})
	d := ObjVal(&Builtin{name: name, objclass: c.name, data: dataMember,
		attrs: map[string]Val{"__objclass__": cv, "__get__": get, "__qualname__": StrVal(c.qualName() + "." + name)},
		fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			return Val{}, newErr(TypeError, "'member_descriptor' object is not callable")
		}})
	if c.memberDescrs == nil {
		c.memberDescrs = map[string]Val{}
	}
	c.memberDescrs[name] = d
	return d
}

// slotMemberDescr is the member descriptor a class or a base of it has
// for name, a name in its own __slots__.
func (vm *VM) slotMemberDescr(c *Class, name string) (Val, bool) {
	if name == "__dict__" || name == "__weakref__" {
		return Val{}, false
	}
	for _, k := range c.mro {
		if sv, ok := k.own("__slots__"); ok {
			for _, n := range classSlotNames(k, sv) {
				if n == name {
					return vm.memberDescr(k, name), true
				}
			}
		}
	}
	return Val{}, false
}
