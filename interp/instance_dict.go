package interp

import (
	"slices"
	"weak"

	"github.com/copypatch/copypatch/templates"
)

// An instance's __dict__ is live: the same dict each time, and stores,
// deletes and updates through it are the instance's attributes.
//
// The first time it is asked for, the instance moves to a private shape
// (shape.go) that carries the dict: private shapes are never cached by
// attribute sites nor traced, so every later store or delete of an
// attribute goes through Instance.set and Instance.del, which write the
// dict too; the dict's hook (liveGlobals.inst) writes the instance's
// slots when the program writes the dict.

// dictVal is x.__dict__ as the program sees it: the live dict, or the
// dict subclass's instance that obj.__dict__ = d stored.
func (x *Instance) dictVal() Val {
	d := x.liveDict()
	if d.glive != nil && d.glive.owner.O != nil {
		return d.glive.owner
	}
	return ObjVal(d)
}

// liveDict is x.__dict__.
func (x *Instance) liveDict() *Dict {
	if x.shape != nil && x.shape.live != nil {
		return x.shape.live
	}
	d := x.dict()
	if x.shape == nil {
		x.shape = bagShape
	}
	t := &Shape{cls: x.shape.cls, root: x.shape.root, private: true, live: d}
	t.setNames(append([]string(nil), x.shape.names...))
	x.shape = t
	d.glive = &liveGlobals{inst: x}
	return d
}

// dictSet is x.__dict__[k] = v: a str key is the attribute.
func (x *Instance) dictSet(k, v Val) {
	s, ok := k.O.(*Str)
	if !ok || k.T != tagObject {
		return // the dict alone holds it
	}
	if i := x.shape.slot(s.s); i >= 0 {
		x.setAt(i, v)
		return
	}
	x.add(x.shape.with(s.s), v)
}

// dictDel is del x.__dict__[k].
func (x *Instance) dictDel(k Val) {
	s, ok := k.O.(*Str)
	if !ok || k.T != tagObject || x.shape.slot(s.s) < 0 {
		return
	}
	live := x.shape.live
	x.shape.live = nil // del would delete from the dict again
	x.del(s.s)
	x.shape.live = live
}

// replaceDict is obj.__dict__ = d: the instance's attributes become d's
// str keys (its __slots__ and built-in value stay), and d is its live
// dict from then on. Several instances may share one dict (the Borg
// idiom): a store through any of them reaches the others through the
// dict's hook. owner is the dict subclass's instance d backs, if any.
func (x *Instance) replaceDict(d *Dict, owner Val) {
	if x.shape == nil {
		x.shape = bagShape
	}
	if old := x.shape.live; old != nil && old != d && old.glive != nil {
		old.glive.detach(x)
	}
	var names []string
	var vals []Val
	for i, n := range x.shape.names {
		if n == builtinValueAttr || x.cls != nil && x.cls.isSlot(n) {
			names = append(names, n)
			vals = append(vals, x.at(int32(i)))
		}
	}
	for _, k := range d.keys() {
		s, ok := k.O.(*Str)
		if !ok || k.T != tagObject || slices.Contains(names, s.s) {
			continue
		}
		v, _, _ := d.get(k) // a str key: no hash to fail
		names = append(names, s.s)
		vals = append(vals, v)
	}
	t := &Shape{cls: x.shape.cls, root: x.shape.root, private: true, live: d}
	t.setNames(names)
	x.vals, x.objs = x.vals[:0], x.objs[:0]
	clear(x.objs[:cap(x.objs)])
	for _, v := range vals {
		x.vals = append(x.vals, templates.Value{Tag: v.T, Bits: v.B})
		x.objs = append(x.objs, v.O)
	}
	x.shape = t
	switch {
	case d.glive == nil:
		d.glive = &liveGlobals{inst: x, owner: owner}
	case d.glive.inst != x:
		d.glive.share(x)
	}
}

// detach forgets x, whose __dict__ is now another dict.
func (l *liveGlobals) detach(x *Instance) {
	if l.inst == x {
		l.inst = nil
		return
	}
	l.shared = slices.DeleteFunc(l.shared, func(w weak.Pointer[Instance]) bool {
		v := w.Value()
		return v == nil || v == x
	})
}

// share adds x to the instances whose attributes the dict holds, dropping
// those collected since. Weak: a dict shared by every instance of a
// class must not keep each one made alive.
func (l *liveGlobals) share(x *Instance) {
	l.shared = slices.DeleteFunc(l.shared, func(w weak.Pointer[Instance]) bool { return w.Value() == nil })
	l.shared = append(l.shared, weak.Make(x))
}

// eachShared runs fn on the instances sharing the dict besides inst.
func (l *liveGlobals) eachShared(fn func(x *Instance)) {
	for _, w := range l.shared {
		if x := w.Value(); x != nil {
			fn(x)
		}
	}
}

// setInstanceDict is obj.__dict__ = v: v must be a dict (or an instance
// of a dict subclass, whose built-in value holds the attributes).
func (vm *VM) setInstanceDict(x *Instance, v Val) error {
	if d, ok := v.O.(*Dict); ok && v.T == tagObject && !d.counter && !d.ordered && d.factory.T == tagEmpty {
		x.replaceDict(d, Val{})
		return nil
	}
	if inst, ok := v.O.(*Instance); ok && v.T == tagObject && inst.cls.isSub(vm.builtinBase("dict")) {
		b, err := vm.getAttr(v, builtinValueAttr)
		if err == nil {
			if d, ok := b.O.(*Dict); ok {
				x.replaceDict(d, v)
				return nil
			}
		}
		// A dict subclass whose value was never made: make it now.
		d := newDict()
		inst.set(builtinValueAttr, ObjVal(d))
		x.replaceDict(d, v)
		return nil
	}
	return newErr(TypeError, "__dict__ must be set to a dictionary, not a '%s'", typeName(v))
}
