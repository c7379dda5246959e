package interp

// collections.OrderedDict: a dict (every dict keeps insertion order) with
// a flag for what differs: popitem(last=), move_to_end, its repr and an
// order-sensitive == between two of them.

// odArgs reads popitem's or move_to_end's arguments: the key (when
// wantKey) and last, by position or name.
func odArgs(name string, wantKey bool, args []Val, kwn []string) (key Val, last bool, err error) {
	pos, kw := splitKw(args, kwn)
	names := []string{"last"}
	if wantKey {
		names = []string{"key", "last"}
	}
	if len(pos) > len(names) {
		return Val{}, false, newErr(TypeError, "%s() takes at most %d argument%s (%d given)", name, len(names), plural(len(names)), len(pos))
	}
	vals := make([]Val, len(names))
	copy(vals, pos)
	for k, v := range kw {
		i := indexOf(names, k)
		if i < 0 {
			return Val{}, false, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
		}
		if i < len(pos) {
			return Val{}, false, newErr(TypeError, "argument for %s() given by name ('%s') and position (%d)", name, k, i+1)
		}
		vals[i] = v
	}
	if wantKey && vals[0].T == tagEmpty {
		return Val{}, false, newErr(TypeError, "%s() missing required argument 'key' (pos 1)", name)
	}
	last = true
	if l := vals[len(vals)-1]; l.T != tagEmpty {
		last = truthy(l)
	}
	if wantKey {
		key = vals[0]
	}
	return key, last, nil
}

func (d *Dict) odPopitem(args []Val, kwn []string) (Val, error) {
	_, last, err := odArgs("popitem", false, args, kwn)
	if err != nil {
		return Val{}, err
	}
	if d.used == 0 {
		return Val{}, newErr(KeyError, "dictionary is empty")
	}
	i := len(d.entries) - 1
	step := -1
	if !last {
		i, step = 0, 1
	}
	for ; d.entries[i].deleted(); i += step {
	}
	k, v := d.entries[i].key(), d.entries[i].val()
	d.delAt(i)
	return ObjVal(&Tuple{items: []Val{k, v}}), nil
}

func (d *Dict) moveToEnd(args []Val, kwn []string) (Val, error) {
	key, last, err := odArgs("move_to_end", true, args, kwn)
	if err != nil {
		return Val{}, err
	}
	v, ok, err := d.del(key)
	if err != nil {
		return Val{}, err
	}
	if !ok {
		return Val{}, newErrVal(KeyError, key)
	}
	if last {
		return NoneVal, d.set(key, v)
	}
	rest := d.live()
	d.clear()
	if err := d.set(key, v); err != nil {
		return Val{}, err
	}
	for _, e := range rest {
		if err := d.setHashed(e.k, e.h, e.v); err != nil {
			return Val{}, err
		}
	}
	return NoneVal, nil
}

// sameOrder: two OrderedDicts hold equal keys in the same order (their
// values are compared by dictEqual).
func (vm *VM) sameOrder(x, y *Dict) bool {
	if x.Len() != y.Len() {
		return false
	}
	a, b := x.live(), y.live()
	for i := range a {
		if !vm.eqItem(a[i].k, b[i].k) {
			return false
		}
	}
	return true
}
