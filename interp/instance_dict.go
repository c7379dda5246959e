package interp

// An instance's __dict__ is live: the same dict each time, and stores,
// deletes and updates through it are the instance's attributes.
//
// The first time it is asked for, the instance moves to a private shape
// (shape.go) that carries the dict: private shapes are never cached by
// attribute sites nor traced, so every later store or delete of an
// attribute goes through Instance.set and Instance.del, which write the
// dict too; the dict's hook (liveGlobals.inst) writes the instance's
// slots when the program writes the dict.

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
