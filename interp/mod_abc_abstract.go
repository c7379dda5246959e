package interp

import (
	"sort"
	"strings"
	"sync/atomic"
)

// The abc module: ABC, ABCMeta and abstractmethod. A class with abstract
// methods left (a function marked by abstractmethod, not overridden)
// cannot be instantiated: newInstance asks abstractMethods once the
// module has been imported.

// anyAbstract is set when abc is imported: until then no class can have
// abstract methods, and instantiation does not look.
var anyAbstract atomic.Bool

// A class's abstract methods are found once, when the class statement
// ends (classDone), as CPython's ABCMeta sets __abstractmethods__ then:
// methods set on the class later do not change it (Class.abstract). Only
// the subclasses of abc's ABC classes (Class.abcRoot: one per import of
// abc) are checked, as only ABCMeta's classes are in CPython.

// isAbstract says whether v is marked abstract: its __isabstractmethod__
// (a function's, or a property's getter's, a classmethod's function's).
func (vm *VM) isAbstract(v Val) bool {
	switch x := v.O.(type) {
	case *Property:
		return vm.isAbstract(x.get)
	case *ClassMethod:
		return vm.isAbstract(x.fn)
	case *Function, *StaticMethod:
	default:
		return false
	}
	a, err := vm.getAttr(v, "__isabstractmethod__")
	return err == nil && truthy(a)
}

// abstractMethods is the sorted names of cls's abstract methods.
func (vm *VM) abstractMethods(cls *Class) []string {
	if e := cls.abstract.Load(); e != nil {
		return *e
	}
	var names []string
	if cls.isABC() {
		seen := map[string]bool{}
		for _, k := range cls.mro {
			k.attrsMu.RLock()
			order := append([]string(nil), k.order...)
			k.attrsMu.RUnlock()
			for _, n := range order {
				if seen[n] {
					continue
				}
				seen[n] = true
				if v, ok := cls.lookup(n); ok && vm.isAbstract(v) {
					names = append(names, n)
				}
			}
		}
		sort.Strings(names)
	}
	cls.abstract.Store(&names)
	return names
}

// abstractMethodsSet is cls.__abstractmethods__, the frozenset ABCMeta
// gives each of its classes.
func (vm *VM) abstractMethodsSet(cls *Class) (Val, error) {
	s := newSet()
	for _, n := range vm.abstractMethods(cls) {
		if err := s.add(StrVal(n)); err != nil {
			return Val{}, err
		}
	}
	s.frozen = true
	return ObjVal(s), nil
}

// abstractCheck is the TypeError of instantiating a class with abstract
// methods (CPython 3.12's wording).
func (vm *VM) abstractCheck(cls *Class) error {
	names := vm.abstractMethods(cls)
	if len(names) == 0 {
		return nil
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	s := ""
	if len(names) > 1 {
		s = "s"
	}
	return newErr(TypeError, "Can't instantiate abstract class %s without an implementation for abstract method%s %s", cls.name, s, strings.Join(q, ", "))
}

// abcRegisterFn is ABC.register and ABCMeta.register: the class comes
// first (the classmethod's cls, or the metaclass method's self).
func abcRegisterFn(vm *VM, args []Val, kwn []string) (Val, error) {
	cls, ok := args[0].O.(*Class)
	if len(args) != 2 || len(kwn) > 0 || !ok {
		return Val{}, newErr(TypeError, "register() takes exactly one argument (%d given)", len(args)-1)
	}
	return vm.abcRegister(cls, args[1])
}

func abcAbstractModule(vm *VM) *Module {
	anyAbstract.Store(true)
	m := newModule("abc")
	abc, _ := vm.nativeClass("ABC", nil, map[string]nativeFn{
		"register": abcRegisterFn,
	}, "register")
	abc.module = "abc"
	abc.abcRoot = true
	m.attrs["ABC"] = ObjVal(abc)
	meta, _ := vm.nativeClass("ABCMeta", []Val{vm.bi["type"]}, map[string]nativeFn{
		"register": abcRegisterFn,
	})
	meta.module = "abc"
	meta.abcRoot = true // its classes are checked as ABC's subclasses are
	m.attrs["ABCMeta"] = ObjVal(meta)
	m.def("abstractmethod", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("abstractmethod", args, kwn, 1); err != nil {
			return Val{}, err
		}
		f := args[0]
		target := f
		switch x := f.O.(type) {
		case *ClassMethod:
			target = x.fn
		case *StaticMethod:
			target = x.fn
		}
		// Objects that take no attributes stay as they are, unmarked.
		_ = vm.setAttr(target, "__isabstractmethod__", True)
		return f, nil
	})
	return m
}
