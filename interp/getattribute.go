package interp

// A class's own __getattribute__ (a proxy, a lazy object, a wrapper that
// logs every read) takes over every attribute read of its instances that
// goes by name: x.a, x.m(), getattr and hasattr, and isinstance's question
// for __class__. Special methods the interpreter runs for an operator,
// repr, len or iteration are found on the class without it, as CPython's
// are. The inline caches never learn such a class (cacheable), so the
// interpreter's and the recorder's fast paths never see one.

// getAttribute returns the __getattribute__ x's class defines (or a base
// written in Python does), or false when reads go the ordinary way.
func (x *Instance) getAttribute() (Val, bool) {
	return x.cls.lookupSpecial(spGetAttribute)
}

// viaGetAttribute reads o.name through ga, o's class's __getattribute__.
// An AttributeError from it falls back to the class's __getattr__, as
// CPython's slot does.
func (vm *VM) viaGetAttribute(x *Instance, o, ga Val, name string) (Val, error) {
	v, err := vm.callWithSelf(ga, o, []Val{StrVal(name)}, nil)
	if err == nil || !isAttrErr(err) {
		return v, err
	}
	if g, ok := x.cls.lookup("__getattr__"); ok {
		return vm.callWithSelf(g, o, []Val{StrVal(name)}, nil)
	}
	return Val{}, err
}

// claimsClassAttr reports whether reading x.__class__ may give another
// class than x's own: its class defines __class__ (a property) or
// __getattribute__. isinstance then asks it, as CPython does.
func (x *Instance) claimsClassAttr() bool {
	sc := x.cls.specialsNow()
	return sc.found[spClass].ok || sc.found[spGetAttribute].ok
}
