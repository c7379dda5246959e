package interp

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"
	"weak"
)

// Class is a user-defined class: its attributes (methods and class
// variables) and bases in method resolution order.
type Class struct {
	vm   *VM // the VM that built it: dicts call its __hash__ and __eq__ through it
	name string
	qual string // __qualname__ when it is not name (a nested class: "Outer.Inner")
	// module is the module of a class a library module defines ("abc"):
	// empty for the program's ("__main__").
	module string
	// tpName is how messages name the type of an instance of a library
	// class that CPython writes in C ("datetime.date"), or empty.
	tpName string
	// protocol: a typing.runtime_checkable protocol, which isinstance
	// answers by members, not by the MRO (protocol.go).
	protocol bool
	// protoClass: a class naming typing.Protocol among its bases
	// (_is_protocol), which isinstance refuses unless runtime_checkable.
	protoClass bool
	bases      []*Class
	attrs      map[string]Val
	order      []string
	// attrsMu guards attrs and order against a store on one thread (a
	// class attribute set or deleted) while look-ups on others fill the
	// class's caches from them; the rest reads them while the class is
	// built, before another thread can see it.
	attrsMu sync.RWMutex
	mro     []*Class
	nattrs  atomic.Int32 // attributes an instance ends __init__ with, to presize the next
	// meta holds the special methods that apply to the class itself (its
	// metaclass's: an Enum's __iter__, __len__, __call__ ...), or nil.
	meta *Class

	root *Shape // the shape of a new instance: no attributes
	// version changes whenever an attribute of the class or of a class in
	// its MRO is set: inline caches hold the version they were filled at.
	version atomic.Uint64
	subMu   sync.Mutex // guards subclasses: classes may be defined on several threads
	// subclasses are weak, as CPython's tp_subclasses: a base that lives
	// on (object, type, a library class) must not keep every class ever
	// derived from it alive, and with it the VM that built it.
	subclasses []weak.Pointer[Class]
	lookups    atomic.Pointer[lookupCache]
	specials   atomic.Pointer[specialCache] // class_special.go
	slots      atomic.Pointer[slotInfo]     // slots.go
	// abstract is the names of the class's abstract methods, found once
	// (mod_abc_abstract.go); abcRoot marks abc's ABC and ABCMeta, set
	// before the class is published. They live on the class, not in a
	// global map, which kept every class it had seen (and its VM) alive.
	abstract atomic.Pointer[[]string]
	abcRoot  bool
	// slotDescrs are the class's __dict__ and __weakref__ descriptors,
	// made when its __dict__ is first listed (class_static.go).
	slotDescrs [2]atomic.Pointer[Val]
	// memberDescrs are the member descriptors of its __slots__ names,
	// made when first read, guarded by subMu.
	memberDescrs map[string]Val
	// moduleLast: made by type(name, bases, ns) with no __module__ in
	// ns, so its __dict__ lists __module__ after ns's names.
	moduleLast bool
	// abcRegistry is the classes registered as virtual subclasses of an
	// ABC (mod_abc_register.go).
	abcRegistry atomic.Pointer[[]Val]
	answers     atomic.Pointer[abcAnswers] // what abcIsSubclass said
	abcKind     atomic.Uint32              // isABC's answer, once known
	// builtin marks the classes standing for built-in types (list, int,
	// ...) as bases: their instances have no __dict__ of their own.
	builtin bool
	// builtinType is the type a builtin class stands for (list, deque):
	// super().__new__ and object.__new__'s refusal name it.
	builtinType Val
	// nativeMeta marks a native class whose methods serve as its classes'
	// metaclass (enum's EnumType): type() of those classes is it, though
	// the class statement does not go through it as through a metaclass.
	nativeMeta bool
	// prepared is the namespace its metaclass's __prepare__ made for a
	// class statement's body, while the body runs (metaclass_prepare.go).
	prepared Val
	// bodyLocals is locals() of the class statement's body while it runs:
	// its stores and deletes are the class's (class_locals.go).
	bodyLocals *Dict
	// provisional marks a class statement's first class when its
	// metaclass makes another from its namespace (metaclass.go).
	provisional bool
	// final is the class the metaclass made from a provisional one.
	final *Class
	// exc is the exception type whose methods this class holds, if any:
	// what a bare __class__ in them names.
	exc *ExcType
	// quick remembers recent look-ups by the address of the name's text
	// (names come from a code object's table or a Go constant, so a name
	// is usually the same string each time): a hit costs no hashing.
	quick [quickWays]atomic.Pointer[quickLookup]
}

const quickWays = 8

type quickLookup struct {
	name    string
	version uint64
	r       lookupResult
}

// changed invalidates what caches know about the class and its subclasses.
func (c *Class) changed() {
	c.version.Add(1)
	assumptionsChanged() // (traces check classes: trace_checks.go)
	for _, s := range c.liveSubclasses() {
		s.changed()
	}
}

// liveSubclasses is the classes derived from c that are still reachable.
func (c *Class) liveSubclasses() []*Class {
	c.subMu.Lock()
	defer c.subMu.Unlock()
	subs := make([]*Class, 0, len(c.subclasses))
	for _, w := range c.subclasses {
		if s := w.Value(); s != nil {
			subs = append(subs, s)
		}
	}
	return subs
}

// addSubclass records sub as derived from c, dropping the entries of
// subclasses collected since.
func (c *Class) addSubclass(sub *Class) {
	c.subMu.Lock()
	live := c.subclasses[:0]
	for _, w := range c.subclasses {
		if w.Value() != nil {
			live = append(live, w)
		}
	}
	clear(c.subclasses[len(live):])
	c.subclasses = append(live, weak.Make(sub))
	c.subMu.Unlock()
}

// removeSubclass forgets sub (a metaclass's provisional class).
func (c *Class) removeSubclass(sub *Class) {
	c.subMu.Lock()
	for i, w := range c.subclasses {
		if w.Value() == sub {
			c.subclasses = append(c.subclasses[:i], c.subclasses[i+1:]...)
			break
		}
	}
	c.subMu.Unlock()
}

// own is the class's own attribute name, read under attrsMu.
func (c *Class) own(name string) (Val, bool) {
	c.attrsMu.RLock()
	v, ok := c.attrs[name]
	c.attrsMu.RUnlock()
	return v, ok
}

func (*Class) typeName() string { return "type" }
func (i *Instance) typeName() string {
	if i.cls.tpName != "" {
		return i.cls.tpName
	}
	return i.cls.name
}

// lookup finds an attribute along the MRO. What it found is remembered
// per class until the class or a base changes: special methods are looked
// up on every operator, and a deep MRO would cost a map access per class.
func (c *Class) lookup(name string) (Val, bool) {
	version := c.version.Load()
	p := unsafe.StringData(name)
	way := &c.quick[(uintptr(unsafe.Pointer(p))>>3)%quickWays]
	if q := way.Load(); q != nil && unsafe.StringData(q.name) == p && len(q.name) == len(name) && q.version == version {
		return q.r.v, q.r.ok
	}
	lc := c.lookups.Load()
	if lc != nil && lc.version == version {
		if r, ok := lc.found[name]; ok {
			way.Store(&quickLookup{name, version, r})
			return r.v, r.ok
		}
	}
	var r lookupResult
	for _, k := range c.mro {
		if v, ok := k.own(name); ok {
			r = lookupResult{v, true}
			break
		}
	}
	// Copy on write: readers on other threads keep a consistent map.
	next := &lookupCache{version: version, found: map[string]lookupResult{name: r}}
	if lc != nil && lc.version == version && len(lc.found) < maxLookupCache {
		for k, v := range lc.found {
			next.found[k] = v
		}
	}
	c.lookups.Store(next)
	return r.v, r.ok
}

// maxLookupCache bounds a class's lookup cache (getattr with computed
// names would otherwise grow it without end): past it the cache restarts.
const maxLookupCache = 256

type lookupCache struct {
	version uint64
	found   map[string]lookupResult
}

type lookupResult struct {
	v  Val
	ok bool
}

func (c *Class) isSub(of *Class) bool {
	for _, k := range c.mro {
		if k == of {
			return true
		}
	}
	return false
}

// Method is a function bound to an instance.
type Method struct {
	self Val
	fn   Val
}

func (*Method) typeName() string { return "method" }

// classDef compiles a class statement: the class object first, then each
// method and class variable stored into it in order.
func (c *compiler) classDef(x *ClassDef) {
	decos := c.decorators(x.decorators)
	base := c.temps_(len(x.bases))
	for i, b := range x.bases {
		c.exprTo(b, base+i)
	}
	// metaclass= and the other keywords (for __init_subclass__, or the
	// metaclass's __new__ and __init__): evaluated before the body.
	meta, kw := -1, -1
	for i, n := range x.kwNames {
		if n == "metaclass" {
			meta = c.temp()
			c.exprTo(x.kwVals[i], meta)
			continue
		}
		if kw < 0 {
			kw = c.temp()
			c.emit(opBuildDict, kw, kw, 0)
		}
		v := c.exprAny(x.kwVals[i])
		c.emit(opDictSet, kw, c.constSlot(StrVal(n)), v, -1)
	}
	cls := c.temp()
	c.line = x.line
	// The qualified name: buildClass takes the class's name from its end.
	c.emit(opBuildClass, cls, c.name(c.qualPrefix()+x.ownName()), base, len(x.bases))
	if len(x.bases) > 0 || meta >= 0 {
		// Only a metaclass can bring a __prepare__.
		c.emit(opPrepareClass, cls, meta, kw)
	}
	savedSlot, savedNames, savedName, savedGlobals, savedBound := c.classSlot, c.classNames, c.className, c.classGlobals, c.classBound
	c.classSlot, c.classNames, c.className, c.classGlobals = cls, map[string]bool{}, c.qualPrefix()+x.ownName(), map[string]bool{}
	c.classBound = map[string]bool{}
	assigned(x.body, c.classBound, map[string]bool{})
	// A loop around the class statement is not the body's to break.
	savedLoops := c.loops
	c.loops = nil
	for _, s := range x.body {
		if g, ok := s.(*Global); ok {
			for _, n := range g.names {
				c.classGlobals[n] = true
			}
		}
	}
	// 3.13's __firstlineno__ (the first decorator's line when there are
	// any) comes first in the namespace, after __module__ and __qualname__.
	first := x.line
	if len(x.decorators) > 0 {
		first = x.decorators[0].position().line
	}
	c.emit(opSetAttr, cls, c.name("__firstlineno__"), c.constSlot(IntVal(int64(first))))
	var anns [][2]string // name, annotation text: the class's __annotations__
	for _, s := range x.body {
		save := c.temps
		c.line = s.position().line
		switch m := s.(type) {
		case *Def:
			decos := c.decorators(m.decorators)
			c.asyncNext = m.async
			co := c.compileFunc(m.ownName(), m.params, m.body, m.pos, false)
			setAnnotations(co, m)
			t := c.temp()
			c.makeFunction(co, m.params, t)
			c.setAnnotate(m.annFn, t)
			c.applyDecorators(decos, t)
			c.emit(opSetAttr, cls, c.name(m.name), t)
			c.classNames[m.name] = true
		case *Assign:
			if n, ok := m.targets[0].(*Name); ok && m.ann != "" {
				anns = append(anns, [2]string{n.id, m.ann})
			}
			if !allClassNames(c, m.targets) {
				c.stmt(s) // unpacking, subscripts, attributes: stores reach the class through storeName
				break
			}
			v := c.exprAny(m.value)
			for _, tg := range m.targets {
				n := tg.(*Name)
				c.emit(opSetAttr, cls, c.name(n.id), v)
				c.classNames[n.id] = true
			}
		case *Pass:
			if m.annName != "" {
				anns = append(anns, [2]string{m.annName, m.ann})
			}
		case *ExprStmt:
			if d := docstring(x.body, false); d.T != tagNone && s == x.body[0] {
				c.emit(opSetAttr, cls, c.name("__doc__"), c.constSlot(d))
			}
			if _, ok := m.x.(*Const); !ok {
				c.stmt(s)
			}
		default:
			// Any other statement runs in the class body: the names it
			// binds are the class's (storeName, inClassBody).
			c.stmt(s)
		}
		c.temps = save
	}
	if x.annFn != nil {
		// Made where the body ends, seeing all it bound (PEP 649).
		a := c.temp()
		c.exprTo(x.annFn, a)
		c.emit(opSetAttr, cls, c.name("__annotate_func__"), a)
		anns = nil
	}
	// A syntax error panics out of the whole compilation: no defer needed.
	c.classSlot, c.classNames, c.className, c.classGlobals, c.classBound = savedSlot, savedNames, savedName, savedGlobals, savedBound
	c.loops = savedLoops
	if len(anns) > 0 {
		d := c.temp()
		c.emit(opBuildDict, d, d, 0)
		for _, a := range anns {
			c.emit(opDictSet, d, c.constSlot(StrVal(a[0])), c.constSlot(StrVal(a[1])), -1)
		}
		c.emit(opSetAttr, cls, c.name("__annotations__"), d)
	}
	c.emit(opSetAttr, cls, c.name("__static_attributes__"), c.constSlot(staticAttributes(x.ownName(), x.body)))
	c.line = x.line
	c.emit(opClassDone, cls, meta, kw)
	c.applyDecorators(decos, cls)
	c.storeName(x.name, cls, x.pos)
}

func allClassNames(c *compiler, targets []Expr) bool {
	for _, t := range targets {
		n, ok := t.(*Name)
		if !ok || !c.inClassBody(n.id) {
			return false
		}
	}
	return true
}

// inClassBody says whether a store to name goes to the class being built:
// in a class body, a name not declared global there, not a comprehension's
// variable and not one of the compiler's hidden names (match's subjects).
func (c *compiler) inClassBody(name string) bool {
	if c.classNames == nil || c.classGlobals[name] || !isIdentifier(name) {
		return false
	}
	for _, ov := range c.overlay {
		if _, ok := ov[name]; ok {
			return false
		}
	}
	return true
}

func (vm *VM) buildClass(name string, bases []Val) (Val, error) {
	var excBase, excBase2 *ExcType
	cls := &Class{vm: vm, name: name, attrs: map[string]Val{}}
	cls.root = newRootShape(cls)
	orig := bases
	bases, err := vm.mroEntries(bases)
	if err != nil {
		return Val{}, err
	}
	if len(orig) > 0 && (len(bases) != len(orig) || &bases[0] != &orig[0]) {
		// Bases __mro_entries__ replaced (Generic[T], Box[int]) stay
		// readable, as CPython keeps them.
		cls.attrs["__orig_bases__"] = tupleOf(orig)
		cls.order = append(cls.order, "__orig_bases__")
		if slices.ContainsFunc(orig, isProtocolForm) {
			cls.protoClass = true
			cls.attrs["_is_protocol"] = True
			cls.order = append(cls.order, "_is_protocol")
		}
	}
	if !cls.protoClass && slices.ContainsFunc(bases, func(b Val) bool { k, ok := b.O.(*Class); return ok && k.protoClass }) {
		// A class deriving from a protocol without naming Protocol is a
		// concrete one (CPython's Protocol.__init_subclass__).
		cls.attrs["_is_protocol"] = False
		cls.order = append(cls.order, "_is_protocol")
	}
	for _, b := range bases {
		switch x := b.O.(type) {
		case *Class:
			cls.bases = append(cls.bases, x)
		case *ExcType:
			// class E(OSError, ValueError): the first base is the one
			// the exception is built as, the second is also a base
			// (isSub, except clauses).
			if excBase == nil {
				excBase = x
			} else if excBase2 == nil && !excBase.isSub(x) {
				excBase2 = x
			}
		default:
			if t, ok := b.O.(*typeObj); ok && t.name == "object" {
				continue
			}
			if bt, ok := b.O.(*Builtin); ok && bt.name == "type" && b.O == vm.bi["type"].O {
				// A metaclass: calling it goes through __new__ (type's
				// makes a class, metaclass.go).
				cls.bases = append(cls.bases, typeClass)
				anyNew.Store(true)
				continue
			}
			if t, ok := b.O.(*typeObj); ok {
				if bc := vm.baseOf(t); bc != nil {
					cls.bases = append(cls.bases, bc)
					continue
				}
			}
			return Val{}, newErr(TypeError, "bases must be types")
		}
	}
	if excBase != nil {
		// A class deriving from an exception is an exception type; its
		// methods live in a Class beside it.
		cls.mro = []*Class{cls}
		cls.exc = &ExcType{name: name, base: excBase, base2: excBase2, cls: cls}
		return ObjVal(cls.exc), nil
	}
	if cls.mro, err = c3MRO(cls); err != nil {
		return Val{}, err
	}
	for _, b := range cls.bases {
		b.addSubclass(cls)
	}
	return ObjVal(cls), nil
}

// c3MRO is cls's method resolution order from its bases' orders: C3
// linearization, as CPython's (mro_implementation in typeobject.c): a
// class comes before its bases, the bases keep the order they are listed
// in, and each base's own order is kept. A depth-first order put a base
// shared by two bases before the second (D(L, R) with L, R of B looked in
// B before R, and super() in L skipped R).
func c3MRO(cls *Class) ([]*Class, error) {
	for i, b := range cls.bases {
		for _, o := range cls.bases[:i] {
			if o == b {
				return nil, newErr(TypeError, "duplicate base class %s", b.name)
			}
		}
	}
	if len(cls.bases) == 1 {
		return append([]*Class{cls}, cls.bases[0].mro...), nil
	}
	seqs := make([][]*Class, 0, len(cls.bases)+1)
	n := 1
	for _, b := range cls.bases {
		seqs = append(seqs, b.mro)
		n += len(b.mro)
	}
	seqs = append(seqs, cls.bases)
	out := make([]*Class, 1, n)
	out[0] = cls
	inTail := func(k *Class) bool {
		for _, s := range seqs {
			for _, t := range s[min(1, len(s)):] {
				if t == k {
					return true
				}
			}
		}
		return false
	}
	for {
		var next *Class
		left := false
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			left = true
			if !inTail(s[0]) {
				next = s[0]
				break
			}
		}
		if !left {
			return out, nil
		}
		if next == nil {
			// CPython names the heads left, each once, in order.
			var names []string
			var seen []*Class
			for _, s := range seqs {
				if len(s) > 0 && !slices.Contains(seen, s[0]) {
					seen = append(seen, s[0])
					names = append(names, s[0].name)
				}
			}
			return nil, newErr(TypeError, "Cannot create a consistent method resolution order (MRO) for bases %s", strings.Join(names, ", "))
		}
		out = append(out, next)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

func (vm *VM) setAttr(o Val, name string, v Val) error {
	if x, ok := o.O.(*Instance); ok {
		if sa, ok := x.cls.lookup("__setattr__"); ok {
			_, err := vm.call(sa, []Val{o, StrVal(name), v}, nil)
			return err
		}
	}
	if sa, ok := vm.moduleHook(o, "__setattr__"); ok {
		_, err := vm.call(sa, []Val{o, StrVal(name), v}, nil)
		return err
	}
	return vm.objectSetAttr(o, name, v)
}

// objectSetAttr is setAttr without the instance's __setattr__:
// object.__setattr__.
func (vm *VM) objectSetAttr(o Val, name string, v Val) error {
	switch x := o.O.(type) {
	case goAttrSetter:
		return x.setAttr(vm, name, v)
	case *Instance:
		if name == "__class__" {
			// (Unless the class defines __class__: a property of a mock.)
			if _, ok := x.cls.lookup(name); !ok {
				return vm.setInstanceClass(x, v)
			}
		}
		if x.cls == objectClass {
			return withAttrInfo(newErr(AttributeError, "'object' object has no attribute '%s' and no __dict__ for setting new attributes", name), o, name)
		}
		if p, ok := x.cls.lookup(name); ok {
			if prop, ok := p.O.(*Property); ok {
				if prop.set.T == tagEmpty {
					return prop.missing(o, "setter")
				}
				_, err := vm.call(prop.set, []Val{o, v}, nil)
				return err
			}
			if found, err := vm.descriptorSet(p, o, v); found {
				return err
			}
		}
		if !x.cls.allowsAttr(name) {
			return withAttrInfo(newErr(AttributeError, "'%s' object has no attribute '%s' and no __dict__ for setting new attributes", x.typeName(), name), o, name)
		}
		if name == "__dict__" {
			return vm.setInstanceDict(x, v)
		}
		x.set(name, v)
		return nil
	case *Class:
		if x == objectClass || x == typeClass {
			// Shared by every run: never written.
			return newErr(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, x.name)
		}
		if name == "__qualname__" || name == "__name__" {
			// Not entries of the class's dict, as in CPython: the names
			// reprs and messages use.
			q, ok := v.O.(*Str)
			if !ok || v.T != tagObject {
				return newErr(TypeError, "can only assign string to %s.%s, not '%s'", x.name, name, typeName(v))
			}
			x.attrsMu.Lock()
			if name == "__name__" {
				// The class keeps its __qualname__ (and so its repr).
				x.qual = x.qualNameLocked()
				x.name = q.s
			} else {
				x.qual = q.s
			}
			x.attrsMu.Unlock()
			return nil
		}
		if x.prepared.T != tagEmpty {
			// The body's store reaches __prepare__'s namespace too.
			if err := vm.setItem(x.prepared, StrVal(name), v); err != nil {
				return err
			}
		}
		if fn, ok := v.O.(*Function); ok && fn.cls == nil {
			fn.cls = x
		}
		// super() in a classmethod or staticmethod needs its class too.
		if w, ok := v.O.(*ClassMethod); ok {
			if fn, ok := w.fn.O.(*Function); ok && fn.cls == nil {
				fn.cls = x
			}
		}
		x.attrsMu.Lock()
		if _, ok := x.attrs[name]; !ok {
			x.order = append(x.order, name)
		}
		x.attrs[name] = v
		x.attrsMu.Unlock()
		if name == "__new__" {
			anyNew.Store(true)
		}
		x.changed()
		return nil
	case *ExcType:
		if x.cls == nil {
			return newErr(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, x.name)
		}
		if err := vm.setAttr(ObjVal(x.cls), name, v); err != nil {
			return err
		}
		// The exception type's own fields name it in reprs and
		// tracebacks.
		switch name {
		case "__name__":
			x.name = x.cls.name
		case "__module__":
			if m, ok := v.O.(*Str); ok && v.T == tagObject {
				x.module = m.s
				if m.s == "__main__" {
					x.module = "" // the program's: tracebacks leave it out
				}
			}
		}
		return nil
	case *Exception:
		if p, ok := x.typ.lookup(name); ok {
			if prop, ok := p.O.(*Property); ok {
				if prop.set.T == tagEmpty {
					return prop.missing(o, "setter")
				}
				_, err := vm.call(prop.set, []Val{o, v}, nil)
				return err
			}
			if found, err := vm.descriptorSet(p, o, v); found {
				return err
			}
		}
		switch name {
		case "__traceback__":
			return x.setTraceback(v)
		case "__cause__", "__context__":
			var c *Exception
			if v.T != tagNone {
				var ok bool
				if c, ok = v.O.(*Exception); !ok {
					return newErr(TypeError, "exception %s must be None or derive from BaseException", name[2:len(name)-2])
				}
			}
			if name == "__cause__" {
				// Setting a cause hides the context, as raise ... from does.
				x.cause, x.suppressContext = c, true
			} else {
				x.context, x.ctx = c, ctxFixed
			}
			return nil
		case "__suppress_context__":
			x.suppressContext = truthy(v)
			return nil
		}
		if name == "args" {
			// BaseException.args is a tuple of whatever iterable is set.
			items, err := vm.iterate(v)
			if err != nil {
				return err
			}
			x.args = items
			return nil
		}
		x.attrs.set(name, v)
		return nil
	}
	if o.T == tagObject {
		if _, ok := o.O.(*Module); ok {
			return newErr(AttributeError, "cannot set module attributes")
		}
	}
	if fn, ok := o.O.(*Function); ok {
		return vm.setFuncAttr(fn, name, v)
	}
	if b, ok := o.O.(*Builtin); ok && b.attrs["__wrapped__"].T != tagEmpty {
		// lru_cache's wrapper has a __dict__. A new map each store:
		// readers keep the one they loaded.
		attrs := make(map[string]Val, len(b.attrs)+1)
		for k, x := range b.attrs {
			attrs[k] = x
		}
		attrs[name] = v
		b.attrs = attrs
		return nil
	}
	return withAttrInfo(newErr(AttributeError, "'%s' object has no attribute '%s' and no __dict__ for setting new attributes", typeName(o), name), o, name)
}

// delAttr is del o.name.
func (vm *VM) delAttr(o Val, name string) error {
	if x, ok := o.O.(*Instance); ok {
		if da, ok := x.cls.lookup("__delattr__"); ok {
			_, err := vm.call(da, []Val{o, StrVal(name)}, nil)
			return err
		}
	}
	if da, ok := vm.moduleHook(o, "__delattr__"); ok {
		_, err := vm.call(da, []Val{o, StrVal(name)}, nil)
		return err
	}
	return vm.objectDelAttr(o, name)
}

// objectDelAttr is delAttr without the instance's __delattr__.
func (vm *VM) objectDelAttr(o Val, name string) error {
	switch x := o.O.(type) {
	case *Instance:
		if p, ok := x.cls.lookup(name); ok {
			if prop, isProp := p.O.(*Property); isProp {
				if prop.del.T == tagEmpty || prop.del.T == tagNone {
					return prop.missing(o, "deleter")
				}
				_, err := vm.call(prop.del, []Val{o}, nil)
				return err
			}
			if d, isInst := p.O.(*Instance); isInst && p.T == tagObject {
				// A data descriptor: its __delete__ (one with only
				// __set__ refuses, as CPython's slot does).
				if del, ok := d.cls.lookup("__delete__"); ok {
					_, err := vm.callWithSelf(del, p, []Val{o}, nil)
					return err
				}
				if _, ok := d.cls.lookup("__set__"); ok {
					return newErr(AttributeError, "__delete__")
				}
			}
		}
		if x.del(name) {
			return nil
		}
		if name == "__dict__" && x.cls != objectClass && x.cls.hasDict() {
			// CPython drops the dict: the next __dict__ is a new one.
			x.replaceDict(newDict(), Val{})
			return nil
		}
		return newErr(AttributeError, "'%s' object has no attribute '%s'", x.typeName(), name)
	case *Class:
		if _, ok := x.attrs[name]; !ok || x == objectClass {
			return newErr(AttributeError, "type object '%s' has no attribute '%s'", x.name, name)
		}
		x.attrsMu.Lock()
		delete(x.attrs, name)
		for i, n := range x.order {
			if n == name {
				x.order = append(x.order[:i], x.order[i+1:]...)
				break
			}
		}
		x.attrsMu.Unlock()
		x.changed()
		return nil
	case *Module:
		return x.delAttr(name)
	}
	if _, err := vm.getAttr(o, name); err != nil {
		return err
	}
	return newErr(AttributeError, "'%s' object attribute '%s' is read-only", typeName(o), name)
}

// instanceAttr reads an attribute of an instance: its own first, then the
// class's, binding functions to the instance.
func (vm *VM) instanceAttr(x *Instance, self Val, name string) (Val, bool, error) {
	if v, ok := x.cls.lookup(name); ok {
		if _, isProp := v.O.(*Property); isProp {
			r, err := vm.bindClassAttr(v, self, x.cls, true)
			return r, true, err
		}
		if get, data, ok := descriptor(v); ok && data {
			r, err := vm.descriptorGet(get, v, self, x.cls)
			return r, true, err
		}
	}
	if v, ok := x.get(name); ok {
		return v, true, nil
	}
	if v, ok := x.cls.lookup(name); ok {
		r, err := vm.bindClassAttr(v, self, x.cls, true)
		return r, true, err
	}
	return Val{}, false, nil
}

func (vm *VM) newInstance(cls *Class, args []Val, kwn []string) (Val, error) {
	if anyAbstract.Load() {
		if err := vm.abstractCheck(cls); err != nil {
			return Val{}, err
		}
	}
	if anyNew.Load() {
		if nw, ok := cls.lookupSpecial(spNew); ok {
			return vm.newViaNew(cls, nw, args, kwn)
		}
	}
	// Size the attribute lists by what earlier instances of the class grew to.
	inst := newInstanceOf(cls, int(cls.nattrs.Load()))
	self := ObjVal(inst)
	if init, ok := cls.lookupSpecial(spInit); ok {
		r, err := vm.callWithSelf(init, self, args, kwn)
		if err != nil {
			return Val{}, err
		}
		if r.T != tagNone {
			return Val{}, newErr(TypeError, "__init__() should return None, not '%s'", typeName(r))
		}
		if n := int32(inst.numAttrs()); n > cls.nattrs.Load() {
			cls.nattrs.Store(n) // a racing smaller store only presizes less
		}
	} else if len(args) > 0 {
		return Val{}, newErr(TypeError, "%s() takes no arguments", cls.name)
	}
	return self, nil
}

// newInstanceDirect is newInstance for a call whose n positional
// arguments are f's slots from first on, when the class's __init__ is a
// plain function taking self and them: the arguments go straight
// into __init__'s frame (the rest from their defaults), as callDirect's
// do. ok is false when the call
// needs newInstance.
func (vm *VM) newInstanceDirect(f *frame, cls *Class, first, n int32) (v Val, ok bool, err error) {
	if cls.meta != nil || anyAbstract.Load() {
		return Val{}, false, nil
	}
	if anyNew.Load() {
		// sys's struct sequences and SimpleNamespace define __new__ at
		// start-up, so the flag is always set: ask the class itself.
		if _, ok := cls.lookupSpecial(spNew); ok {
			return Val{}, false, nil
		}
	}
	init, found := cls.lookupSpecial(spInit)
	fn, isFn := init.O.(*Function)
	if !found || !isFn || !(fn.code.nparams == int(n)+1 && fn.code.simple && !fn.code.isGenerator || directArity(fn, int(n)+1)) {
		return Val{}, false, nil
	}
	if err := vm.callCheck(); err != nil {
		return Val{}, true, err
	}
	inst := newInstanceOf(cls, int(cls.nattrs.Load()))
	self := ObjVal(inst)
	nf := vm.callFrameN(fn, int(n)+1)
	nf.set(0, self)
	// Cut to n first, as callDirect does: no bounds checks in the copy.
	src, srco := f.regs[first:first+n], f.objs[first:first+n]
	dst, dsto := nf.regs[1:n+1], nf.objs[1:n+1]
	for i := range src {
		r := src[i]
		if r.Tag == tagEmpty {
			vm.freeFrame(nf)
			return Val{}, true, f.unbound(first + int32(i))
		}
		dst[i] = r
		dsto[i] = srco[i]
	}
	if int(n)+1 < fn.code.nparams {
		nf.setDefaults(fn, int(n)+1)
	}
	if fn.free != nil {
		nf.setFree(fn)
	}
	r, err := vm.runFrame(nf)
	if err != nil {
		return Val{}, true, err
	}
	if r.T != tagNone {
		return Val{}, true, newErr(TypeError, "__init__() should return None, not '%s'", typeName(r))
	}
	if k := int32(inst.numAttrs()); k > cls.nattrs.Load() {
		cls.nattrs.Store(k)
	}
	return self, true, nil
}

// dunder calls a special method of an instance if its class defines one.
func (vm *VM) dunder(v Val, name string, args ...Val) (Val, bool, error) {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject {
		if c, ok := v.O.(*Class); ok && c.meta != nil {
			return vm.metaDunder(c, name, args)
		}
		if n, ok := v.O.(nativeType); ok && v.T == tagObject {
			return n.dunder(vm, name, args)
		}
		return Val{}, false, nil
	}
	var m Val
	if id, special := specialOf[name]; special {
		m, ok = inst.cls.lookupSpecial(id)
	} else {
		m, ok = inst.cls.lookup(name)
	}
	if !ok {
		return Val{}, false, nil
	}
	r, err := vm.callWithSelf(m, v, args, nil)
	return r, true, err
}

// callSelfArgs calls fn(self, *args) when fn takes exactly those plain
// positional parameters: the values go straight into the new frame.
func (vm *VM) callSelfArgs(fn *Function, self Val, args []Val) (Val, error) {
	if err := vm.callCheck(); err != nil {
		return Val{}, err
	}
	nf := vm.callFrameN(fn, len(args)+1)
	nf.set(0, self)
	for i, a := range args {
		nf.set(int32(i+1), a)
	}
	if fn.free != nil {
		nf.setFree(fn)
	}
	return vm.runFrame(nf)
}

// callWithSelf calls fn(self, *args): special methods, bound methods and
// __init__. A plain function taking exactly those gets its frame filled
// from the values; anything else gets the arguments on the VM's argument
// stack. Neither allocates for the arguments.
func (vm *VM) callWithSelf(fn Val, self Val, args []Val, kwn []string) (Val, error) {
	if f, ok := fn.O.(*Function); ok && kwn == nil && f.code.simple && f.code.nparams == len(args)+1 && !f.code.isGenerator {
		return vm.callSelfArgs(f, self, args)
	}
	if d, ok := fn.O.(*Instance); ok && fn.T == tagObject {
		// A special method that is an instance is bound as CPython binds
		// it: through its class's __get__ when it has one (a descriptor:
		// unittest.mock's magic methods), else called without self.
		if get, ok := d.cls.lookup("__get__"); ok {
			owner := Val(NoneVal)
			if si, ok := self.O.(*Instance); ok && self.T == tagObject {
				owner = ObjVal(si.cls)
			}
			b, err := vm.call(get, []Val{fn, self, owner}, nil)
			if err != nil {
				return Val{}, err
			}
			return vm.call(b, args, kwn)
		}
		return vm.call(fn, args, kwn)
	}
	all := vm.pushArgs(len(args) + 1)
	defer vm.popArgs(len(args) + 1)
	all[0] = self
	copy(all[1:], args)
	return vm.call(fn, all, kwn)
}

var binDunders = [opCount][2]string{opAdd: {"__add__", "__radd__"}, opSub: {"__sub__", "__rsub__"},
	opMul: {"__mul__", "__rmul__"}, opTrueDiv: {"__truediv__", "__rtruediv__"},
	opFloorDiv: {"__floordiv__", "__rfloordiv__"}, opMod: {"__mod__", "__rmod__"}, opPow: {"__pow__", "__rpow__"},
	opMatMul: {"__matmul__", "__rmatmul__"}, opBitAnd: {"__and__", "__rand__"}, opBitOr: {"__or__", "__ror__"},
	opBitXor: {"__xor__", "__rxor__"}, opLshift: {"__lshift__", "__rlshift__"}, opRshift: {"__rshift__", "__rrshift__"}}

var cmpDunders = [opCount][2]string{opLt: {"__lt__", "__gt__"}, opLe: {"__le__", "__ge__"},
	opGt: {"__gt__", "__lt__"}, opGe: {"__ge__", "__le__"}}

func isNotImplemented(v Val) bool {
	b, ok := v.O.(*Builtin)
	return ok && b.name == "NotImplemented"
}

// instanceRepr is repr or str of an instance through __repr__/__str__.
func (vm *VM) instanceRepr(v Val, str bool) (string, bool) {
	inst, ok := v.O.(*Instance)
	if !ok {
		return "", false
	}
	names := []string{"__repr__"}
	if str {
		names = []string{"__str__", "__repr__"}
	}
	for _, n := range names {
		if r, found, err := vm.dunder(v, n); found {
			if err != nil {
				vm.pending = err
				return "", true
			}
			if s, ok := r.O.(*Str); ok {
				return s.s, true
			}
			vm.pending = newErr(TypeError, "%s returned non-string (type %s)", n, typeName(r))
			return "", true
		}
	}
	return objectRepr(inst), true
}

// objectRepr is object.__repr__ of an instance, whatever its class's own
// __repr__ says; object_repr leaves out the module of builtins' classes
// (object()).
func objectRepr(inst *Instance) string {
	mod := inst.cls.moduleName() + "."
	if mod == "builtins." {
		mod = ""
	}
	return "<" + mod + inst.cls.qualName() + " object at 0x7f0000000000>"
}

func qualOrName(co *Code) string {
	if co.qualname != "" {
		return co.qualname
	}
	return co.name
}

// qualName is the class's __qualname__.
func (c *Class) qualName() string {
	// Under the lock: a program may assign __qualname__ while another
	// thread prints the class.
	c.attrsMu.RLock()
	defer c.attrsMu.RUnlock()
	return c.qualNameLocked()
}

// qualNameLocked is qualName for a caller holding attrsMu.
func (c *Class) qualNameLocked() string {
	if c.qual != "" {
		return c.qual
	}
	return c.name
}

var objectClass = &Class{name: "object", module: "builtins", attrs: map[string]Val{}}

func init() {
	objectClass.mro = []*Class{objectClass}
	objectClass.root = newRootShape(objectClass)
}

// Wrappers made by the staticmethod, classmethod and property builtins.
type (
	StaticMethod struct{ fn Val }
	ClassMethod  struct{ fn Val }
	// Property's get, set and del are empty when absent (given as None);
	// doc is what __doc__ says, set from the getter's docstring when
	// docFromGet; name is the one __set_name__ gave, for errors.
	Property struct {
		get, set, del, doc Val
		docFromGet         bool
		name               string
	}
)

func (*StaticMethod) typeName() string { return "staticmethod" }
func (*ClassMethod) typeName() string  { return "classmethod" }
func (*Property) typeName() string     { return "property" }

// bindClassAttr turns a class attribute found for self (an instance, or
// the class itself when self is the class) into what attribute access
// yields: a bound method, the plain function, or a property's value.
func (vm *VM) bindClassAttr(v Val, self Val, cls *Class, viaInstance bool) (Val, error) {
	switch w := v.O.(type) {
	case *Function:
		if viaInstance {
			return ObjVal(&Method{self: self, fn: v}), nil
		}
	case *Builtin:
		if w.method && viaInstance {
			return ObjVal(&Method{self: self, fn: v}), nil
		}
	case *StaticMethod:
		return w.fn, nil
	case *ClassMethod:
		return ObjVal(&Method{self: ObjVal(cls), fn: w.fn}), nil
	case *Property:
		if viaInstance {
			if w.get.T == tagEmpty {
				return Val{}, w.missing(self, "getter")
			}
			return vm.call(w.get, []Val{self}, nil)
		}
	case *Instance:
		if get, _, ok := descriptor(v); ok {
			obj := NoneVal
			if viaInstance {
				obj = self
			}
			return vm.descriptorGet(get, v, obj, cls)
		}
	}
	return v, nil
}

// lookup finds a method of a user-defined exception class along its bases.
func (t *ExcType) lookup(name string) (Val, bool) {
	for x := t; x != nil; x = x.base {
		if x.cls != nil {
			if v, ok := x.cls.attrs[name]; ok {
				return v, true
			}
		}
	}
	return Val{}, false
}

// newException is calling an exception class: args are kept, then a
// user-defined __init__ runs (after its own __new__ when it has one:
// exc_new.go).
func (vm *VM) newException(t *ExcType, args []Val, kwn []string) (Val, error) {
	if nw, ok := ownExcNew(t); ok {
		return vm.newExceptionVia(t, nw, args, kwn)
	}
	if t == OSError && len(args)-len(kwn) >= 2 && args[0].T == tagInt {
		t = osErrorFor(syscall.Errno(args[0].I())) // OSError(2, ...) is a FileNotFoundError
	}
	e := &Exception{typ: t, args: append([]Val(nil), args...)}
	if n := len(args) - len(kwn); n >= 3 && n <= 5 && t.isSub(OSError) {
		// OSError(errno, strerror, filename[, winerror[, filename2]]):
		// args keeps the first two.
		e.attrs.set("filename", args[2])
		if n == 5 {
			e.attrs.set("filename2", args[4])
		}
		e.args = e.args[:2]
	}
	init, hasInit := t.lookup("__init__")
	if isGroupType(t) {
		var err error
		if e, err = vm.newExcGroup(t, args[:len(args)-len(kwn)], kwn, hasInit); err != nil {
			return Val{}, err
		}
		if !hasInit {
			return ObjVal(e), nil
		}
	}
	if hasInit {
		e.args = append([]Val(nil), args[:len(args)-len(kwn)]...)
		r, err := vm.call(init, append([]Val{ObjVal(e)}, args...), kwn)
		if err != nil {
			return Val{}, err
		}
		if r.T != tagNone {
			return Val{}, newErr(TypeError, "__init__() should return None, not '%s'", typeName(r))
		}
	} else if len(kwn) > 0 && (t.isSub(ImportError) || t.isSub(NameError) || t.isSub(AttributeError)) {
		// ImportError(msg, name=..., path=...), NameError(msg, name=...),
		// AttributeError(msg, name=..., obj=...)
		pos := len(args) - len(kwn)
		for i, k := range kwn {
			ok := k == "name" || k == "path" && t.isSub(ImportError) || k == "obj" && t.isSub(AttributeError)
			if !ok {
				return Val{}, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", t.name, k)
			}
			e.attrs.set(k, args[pos+i])
		}
		e.args = e.args[:pos]
	} else if len(kwn) > 0 {
		return Val{}, newErr(TypeError, "%s() takes no keyword arguments", t.name)
	}
	return ObjVal(e), nil
}

// exceptionAttr reads an attribute of an exception object: a data
// descriptor of its class (a property) first, then its own attributes,
// then the rest of the class's, bound as an instance's are.
func (vm *VM) exceptionAttr(e *Exception, self Val, name string) (Val, bool, error) {
	if v, ok := e.typ.lookup(name); ok && isDataDescriptor(v) {
		r, err := vm.bindExcClassAttr(v, self, e.typ, true)
		return r, true, err
	}
	v, ok := vm.exceptionOwnAttr(e, self, name)
	if ok {
		return v, true, nil
	}
	if v, ok := e.typ.lookup(name); ok {
		r, err := vm.bindExcClassAttr(v, self, e.typ, true)
		return r, true, err
	}
	return Val{}, false, nil
}

// bindExcClassAttr is bindClassAttr for an exception class's attribute:
// a classmethod binds the exception type, which is what the program
// sees as the class (the Class behind it holds only the attributes).
func (vm *VM) bindExcClassAttr(v, self Val, t *ExcType, viaInstance bool) (Val, error) {
	if cm, ok := v.O.(*ClassMethod); ok {
		return ObjVal(&Method{self: ObjVal(t), fn: cm.fn}), nil
	}
	return vm.bindClassAttr(v, self, t.cls, viaInstance)
}

// isDataDescriptor says whether class attribute v comes before an
// instance's own attributes: a property, or a descriptor with __set__
// or __delete__.
func isDataDescriptor(v Val) bool {
	if _, ok := v.O.(*Property); ok {
		return true
	}
	_, data, ok := descriptor(v)
	return ok && data
}

// exceptionOwnAttr is an exception's own attributes and those every
// exception has.
func (vm *VM) exceptionOwnAttr(e *Exception, self Val, name string) (Val, bool) {
	if v, ok := e.attrs.get(name); ok {
		return v, true
	}
	if e.group != nil {
		if v, ok := e.typ.lookup(name); !ok {
			if v, ok = vm.groupAttr(e, self, name); ok {
				return v, true
			}
		} else if _, isFn := v.O.(*Function); isFn {
			return ObjVal(&Method{self: self, fn: v}), true
		}
	}
	switch name {
	case "__cause__", "__context__":
		x := e.cause
		if name == "__context__" {
			x = e.context
		}
		if x == nil {
			return NoneVal, true
		}
		return ObjVal(x), true
	case "__suppress_context__":
		return BoolVal(e.suppressContext), true
	case "__traceback__":
		return e.tracebackVal(), true
	case "with_traceback":
		return ObjVal(&Builtin{name: "with_traceback", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "BaseException.with_traceback() takes exactly one argument (%d given)", len(args))
			}
			if err := e.setTraceback(args[0]); err != nil {
				return Val{}, err
			}
			return self, nil
		}}), true
	case "add_note":
		return ObjVal(&Builtin{name: "add_note", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "BaseException.add_note() takes exactly one argument (%d given)", len(args))
			}
			if !args[0].isStr() {
				return Val{}, newErr(TypeError, "note must be a str, not '%s'", typeName(args[0]))
			}
			e.addNote(args[0])
			return NoneVal, nil
		}}), true
	case "name", "path", "name_from":
		if e.typ.isSub(ImportError) || name == "name" && (e.typ.isSub(NameError) || e.typ.isSub(AttributeError)) {
			return NoneVal, true // not set by import or the constructor
		}
	case "obj":
		if e.typ.isSub(AttributeError) {
			return NoneVal, true
		}
	case "value":
		if e.typ.isSub(StopIteration) {
			return stopValue(e), true
		}
	case "errno", "strerror", "filename", "filename2":
		if e.typ.isSub(OSError) {
			// OSError(errno, strerror[, filename[, winerror[, filename2]]])
			i := map[string]int{"errno": 0, "strerror": 1, "filename": 2, "filename2": 4}[name]
			if len(e.args) == 2 && i < 2 {
				return e.args[i], true
			}
			return NoneVal, true
		}
	case "code":
		if e.typ.isSub(SystemExit) {
			switch len(e.args) {
			case 0:
				return NoneVal, true
			case 1:
				return e.args[0], true
			}
			return tupleOf(e.args), true
		}
	}
	return Val{}, false
}

// superOfException is super() inside a method of an exception class.
func (vm *VM) superOfException(t *SuperObj, e *Exception, name string) (Val, bool) {
	after := false
	for x := e.typ; x != nil; x = x.base {
		if after && x.cls != nil {
			if v, ok := x.cls.attrs[name]; ok {
				if _, isFn := v.O.(*Function); isFn {
					return ObjVal(&Method{self: t.self, fn: v}), true
				}
				return v, true
			}
		}
		after = after || x.cls == t.cls
	}
	switch name {
	case "__init__":
		// BaseException.__init__ keeps the arguments.
		return ObjVal(&Builtin{name: "__init__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			e.args = append([]Val(nil), args...)
			return NoneVal, nil
		}}), true
	case "__str__":
		return ObjVal(&Builtin{name: "__str__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			return StrVal(baseExcStr(vm, e)), nil
		}}), true
	}
	return Val{}, false
}

// attr is a property's own attribute: fget, fset, fdel, and getter,
// setter and deleter, which copy it with one function replaced.
func (p *Property) attr(name string) (Val, bool) {
	orNone := func(v Val) Val {
		if v.T == tagEmpty {
			return NoneVal
		}
		return v
	}
	switch name {
	case "fget":
		return orNone(p.get), true
	case "fset":
		return orNone(p.set), true
	case "fdel":
		return orNone(p.del), true
	case "__doc__":
		return orNone(p.doc), true
	case "getter", "setter", "deleter":
	default:
		return Val{}, false
	}
	return ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "%s() takes exactly one argument", name)
		}
		get, set, del := p.get, p.set, p.del
		switch name {
		case "getter":
			get = args[0]
		case "setter":
			set = args[0]
		default:
			del = args[0]
		}
		doc := p.doc
		if p.docFromGet {
			doc = Val{} // the new getter's docstring, as CPython's property_copy
		}
		q, err := vm.newProperty(get, set, del, doc)
		if err != nil {
			return Val{}, err
		}
		q.name = p.name
		return ObjVal(q), nil
	}}), true
}
