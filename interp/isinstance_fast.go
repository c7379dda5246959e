package interp

// isinstanceFast is isinstance(v, t) for an instance and a plain class
// whose answer needs no Python code: no metaclass (__instancecheck__), no
// protocol or ABC class, and an instance whose class has no __class__
// attribute (which may be a property) and no __getattribute__. The result is 1 or 0; ok is false
// for anything else, which the built-in answers. A scheduler dispatching
// on request types calls it at every step: through the argument stack
// and the built-in it cost ~365 instructions a call (tasks: 925k calls).
func isinstanceFast(v, t Object) (r uint64, ok bool) {
	x, ok := t.(*Class)
	if !ok || x.meta != nil || x.protocol || x.protoClass {
		return 0, false
	}
	i, ok := v.(*Instance)
	if !ok {
		return 0, false
	}
	if i.cls == x {
		return 1, true
	}
	if anyAbstract.Load() && x.isABC() {
		return 0, false
	}
	if i.cls.isSub(x) {
		return 1, true
	}
	if i.claimsClassAttr() {
		return 0, false
	}
	return 0, true
}
