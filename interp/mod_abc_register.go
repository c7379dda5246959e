package interp

import (
	"sync"
	"sync/atomic"
	"weak"
)

// Virtual subclasses of abc's classes: ABC.register (ABCMeta.register for
// a class made by the metaclass) and __subclasshook__, which isinstance
// and issubclass ask after the MRO, as CPython's ABCMeta.__subclasscheck__
// does: the hook first, then the classes registered with the ABC, then
// those registered with its subclasses.

// isABC reports whether c derives from abc.ABC or was made by ABCMeta
// (worked out once: a class's MRO and metaclass do not change).
func (c *Class) isABC() bool {
	switch c.abcKind.Load() {
	case abcNo:
		return false
	case abcYes:
		return true
	}
	is := c.findABC()
	if is {
		c.abcKind.Store(abcYes)
	} else {
		c.abcKind.Store(abcNo)
	}
	return is
}

// abcKind values: not yet known, not an ABC, an ABC.
const (
	abcUnknown uint32 = iota
	abcNo
	abcYes
)

func (c *Class) findABC() bool {
	for _, k := range c.mro {
		if k.abcRoot {
			return true
		}
		if m := k.pyMeta(); m != nil {
			for _, mk := range m.mro {
				if mk.abcRoot {
					return true
				}
			}
		}
	}
	return false
}

// abcRegister is ABC.register(sub): sub becomes a virtual subclass of
// cls (the registry is replaced whole, never changed in place: other
// threads read it without a lock).
func (vm *VM) abcRegister(cls *Class, sub Val) (Val, error) {
	switch sub.O.(type) {
	case *Class, *typeObj, *ExcType:
	default:
		return Val{}, newErr(TypeError, "Can only register classes")
	}
	if r, err := vm.issubclass(sub, ObjVal(cls)); err != nil || truthy(r) {
		return sub, err // already a subclass, real or virtual
	}
	if c, ok := sub.O.(*Class); ok {
		if r, err := vm.issubclass(ObjVal(cls), ObjVal(c)); err != nil {
			return Val{}, err
		} else if truthy(r) {
			return Val{}, newErr(RuntimeError, "Refusing to create an inheritance cycle")
		}
	}
	for {
		old := cls.abcRegistry.Load()
		var next []Val
		if old != nil {
			next = append(next, *old...)
		}
		next = append(next, sub)
		if cls.abcRegistry.CompareAndSwap(old, &next) {
			break
		}
	}
	abcEpoch.Add(1)
	cls.changed()
	return sub, nil
}

// abcEpoch moves whenever any ABC registers a class, as CPython's ABCMeta
// invalidation counter: every ABC's negative answers are then stale.
var abcEpoch atomic.Uint64

// abcAnswers is an ABC's memory of what issubclass(sub, cls) said
// (CPython's _abc_cache and _abc_negative_cache). Keys are weak pointers
// to the asking class, so the memory keeps no class alive; yes answers
// stand for good, no answers only while abcEpoch is at epoch.
type abcAnswers struct {
	yes   sync.Map
	no    sync.Map
	epoch uint64
}

// abcKey is the cache key of a class value, false for anything else.
func abcKey(c Val) (any, bool) {
	if c.T != tagObject {
		return nil, false
	}
	switch k := c.O.(type) {
	case *Class:
		return weak.Make(k), true
	case *ExcType:
		return weak.Make(k), true
	case *typeObj:
		return weak.Make(k), true
	}
	return nil, false
}

// abcIsSubclass is ABCMeta.__subclasscheck__(cls, sub): the remembered
// answer, else the class's __subclasshook__, its MRO, its registry and
// then each of its subclasses, the order CPython's abc keeps (a hook's
// answer overrides even real inheritance). The answer is remembered.
func (vm *VM) abcIsSubclass(sub Val, cls *Class) (bool, error) {
	key, ok := abcKey(sub)
	if !ok {
		return false, newErr(TypeError, "issubclass() arg 1 must be a class")
	}
	ans := cls.answers.Load()
	if ans == nil || ans.epoch != abcEpoch.Load() {
		fresh := &abcAnswers{epoch: abcEpoch.Load()}
		if ans != nil { // yes answers outlive registrations
			ans.yes.Range(func(k, v any) bool { fresh.yes.Store(k, v); return true })
		}
		cls.answers.Store(fresh) // a racing thread's table is as good
		ans = fresh
	}
	if _, ok := ans.yes.Load(key); ok {
		return true, nil
	}
	if _, ok := ans.no.Load(key); ok {
		return false, nil
	}
	is, err := vm.abcDecide(sub, cls)
	if err != nil {
		return false, err
	}
	if is {
		ans.yes.Store(key, true)
	} else {
		ans.no.Store(key, true)
	}
	return is, nil
}

// abcIsInstance is isinstance(v, cls) for an instance v of another class
// than the ABC cls: its class asks abcIsSubclass, then a __class__ that
// claims another class does (ABCMeta.__instancecheck__).
func (vm *VM) abcIsInstance(v Val, i *Instance, cls *Class) (Val, error) {
	is, err := vm.abcIsSubclass(ObjVal(i.cls), cls)
	if err != nil || is {
		return BoolVal(is), err
	}
	return vm.claimsClass(v, i, ObjVal(cls))
}

// abcDecide works out abcIsSubclass's answer.
func (vm *VM) abcDecide(sub Val, cls *Class) (bool, error) {
	if hook, ok := cls.lookup("__subclasshook__"); ok && hook.T == tagObject {
		if _, isCM := hook.O.(*ClassMethod); isCM {
			h, err := vm.getAttr(ObjVal(cls), "__subclasshook__")
			if err != nil {
				return false, err
			}
			r, err := vm.call(h, []Val{sub}, nil)
			if err != nil {
				return false, err
			}
			if !isNotImplemented(r) {
				return truthy(r), nil
			}
		}
	}
	if k, ok := sub.O.(*Class); ok && k.isSub(cls) {
		return true, nil
	}
	if reg := cls.abcRegistry.Load(); reg != nil {
		for _, r := range *reg {
			if r.O == sub.O {
				return true, nil
			}
			if res, err := vm.issubclass(sub, r); err != nil || truthy(res) {
				return err == nil, err
			}
		}
	}
	for _, s := range cls.liveSubclasses() {
		if res, err := vm.issubclass(sub, ObjVal(s)); err != nil || truthy(res) {
			return err == nil, err
		}
	}
	return false, nil
}
