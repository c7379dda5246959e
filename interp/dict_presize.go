package interp

// A dict comprehension over a dict's keys or a range, whose key is the
// loop variable itself, ends with as many keys as its iterator has items:
// {v: INF for v in adj} grew through eleven index and entry arrays on its
// way to 6,000 keys (graphs), each rehashing the keys before it and each
// on fresh pages, where one allocation of the final size does.

// keyIsTarget reports whether a dict comprehension's key expression is its
// loop variable, a plain name.
func keyIsTarget(key, target Expr) bool {
	k, ok := key.(*Name)
	t, ok2 := target.(*Name)
	return ok && ok2 && k.id == t.id
}

// dictSizeHint gives d, a dict comprehension's empty result before its
// first key is stored, room for as many keys as its iterator it has items
// left, this one included, when those are distinct (a dict's keys, a
// range's ints). The room is what growing one key at a time ends with
// (resize: the smallest power of two whose two thirds hold them), so the
// final dict is the same size either way. It leaves d alone for other
// iterators and when the room does not fit in memory.
func dictSizeHint(d *Dict, it Object) {
	n := 0
	switch x := it.(type) {
	case *dictIter:
		if x.kind == "keys" && x.n == x.d.Len() && x.left < x.n {
			n = x.left + 1
		}
	case *rangeIter:
		switch {
		case x.step > 0 && x.i < x.stop:
			n = int(min((x.stop-x.i+x.step-1)/x.step, 1<<40)) + 1
		case x.step < 0 && x.i > x.stop:
			n = int(min((x.i-x.stop-x.step-1)/-x.step, 1<<40)) + 1
		}
	}
	if n > usable(dictMinSize) {
		_ = d.resize(n) // too big: the stores grow it and report it
	}
}
