package interp

// heapq with CPython's algorithms step for step (the sift-down to a leaf
// then up of heapq.py and _heapqmodule.c), so a printed heap shows the
// same order. Only < is used to compare, as there.

func heapqModule(vm *VM) *Module {
	m := newModule("heapq")
	m.def("heappush", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("heappush", args, kwn, 2); err != nil {
			return Val{}, err
		}
		h, err := listArg("heappush", 1, args[0])
		if err != nil {
			return Val{}, err
		}
		if err := h.grow(1); err != nil {
			return Val{}, err
		}
		h.append(args[1])
		return NoneVal, vm.siftDown(h, 0, h.Len()-1)
	})
	m.def("heappop", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("heappop", args, kwn, 1); err != nil {
			return Val{}, err
		}
		h, err := listArg("heappop", 1, args[0])
		if err != nil {
			return Val{}, err
		}
		return vm.heapPop(h)
	})
	m.def("heapify", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("heapify", args, kwn, 1); err != nil {
			return Val{}, err
		}
		h, err := listArg("heapify", 1, args[0])
		if err != nil {
			return Val{}, err
		}
		for i := h.Len()/2 - 1; i >= 0; i-- {
			if err := vm.siftUp(h, i); err != nil {
				return Val{}, err
			}
		}
		return NoneVal, nil
	})
	m.def("heapreplace", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("heapreplace", args, kwn, 2); err != nil {
			return Val{}, err
		}
		h, err := listArg("heapreplace", 1, args[0])
		if err != nil {
			return Val{}, err
		}
		if h.Len() == 0 {
			return Val{}, newErr(IndexError, "index out of range")
		}
		top := h.at(0)
		h.setAt(0, args[1])
		return top, vm.siftUp(h, 0)
	})
	m.def("heappushpop", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("heappushpop", args, kwn, 2); err != nil {
			return Val{}, err
		}
		h, err := listArg("heappushpop", 1, args[0])
		if err != nil {
			return Val{}, err
		}
		item := args[1]
		if h.Len() == 0 {
			return item, nil
		}
		top := h.at(0)
		lt, err := vm.heapLess(top, item)
		if err != nil || !lt {
			return item, err
		}
		h.setAt(0, item)
		return top, vm.siftUp(h, 0)
	})
	sorted := func(name string, reverse bool) func(vm *VM, args []Val, kwn []string) (Val, error) {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := splitKw(args, kwn)
			for k := range kw {
				if k != "key" {
					return Val{}, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
				}
			}
			if len(pos) != 2 {
				return Val{}, newErr(TypeError, "%s() missing required argument", name)
			}
			n, err := vm.index(pos[0], "")
			if err != nil {
				return Val{}, err
			}
			items, err := vm.iterate(pos[1])
			if err != nil {
				return Val{}, err
			}
			// Documented as sorted(iterable, key=key[, reverse=True])[:n].
			l := newList(items)
			if kw == nil {
				kw = map[string]Val{}
			}
			if reverse {
				kw["reverse"] = True
			}
			if err := vm.sortList(l, kw); err != nil {
				return Val{}, err
			}
			out := l.items()
			if n < 0 {
				n = 0
			}
			if int(n) < len(out) {
				out = out[:n]
			}
			return ObjVal(newList(out)), nil
		}
	}
	m.def("nsmallest", sorted("nsmallest", false))
	m.def("nlargest", sorted("nlargest", true))
	m.def("merge", heapMerge)
	return m
}

func (vm *VM) heapPop(h *List) (Val, error) {
	n := h.Len()
	if n == 0 {
		return Val{}, newErr(IndexError, "index out of range")
	}
	last := h.at(n - 1)
	h.setItemsLen(n - 1)
	if n == 1 {
		return last, nil
	}
	top := h.at(0)
	h.setAt(0, last)
	return top, vm.siftUp(h, 0)
}

// siftDown moves the item at pos up towards start while it is smaller
// than its parent (heapq's _siftdown).
func (vm *VM) siftDown(h *List, start, pos int) error {
	item := h.at(pos)
	for pos > start {
		parent := (pos - 1) >> 1
		p := h.at(parent)
		lt, err := vm.heapLess(item, p)
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		h.setAt(pos, p)
		pos = parent
	}
	h.setAt(pos, item)
	return nil
}

// siftUp moves the smaller child up until a leaf is reached, puts the item
// there and sifts it down (heapq's _siftup).
func (vm *VM) siftUp(h *List, pos int) error {
	end, start := h.Len(), pos
	item := h.at(pos)
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end {
			lt, err := vm.heapLessAt(h, child, right)
			if err != nil {
				return err
			}
			if h.Len() != end {
				return newErr(RuntimeError, "list changed size during iteration")
			}
			if !lt {
				child = right
			}
		}
		h.setAt(pos, h.at(child))
		pos = child
		child = 2*pos + 1
	}
	h.setAt(pos, item)
	return vm.siftDown(h, start, pos)
}

// setItemsLen truncates the list to n elements.
func (l *List) setItemsLen(n int) {
	l.vals = l.vals[:n]
	if l.objs != nil {
		clear(l.objs[n:])
		l.objs = l.objs[:n]
	}
}

// popFront removes and returns the first element in constant time
// (dropFront).
func (l *List) popFront() Val {
	v := l.at(0)
	l.dropFront(1)
	return v
}

// heapLess is a < b for heap entries: numbers, strs and tuples of them
// (a (priority, node) entry) ordered by plainOrder, without compare's
// dispatch; the rest goes to compare.
func (vm *VM) heapLess(a, b Val) (bool, error) {
	if a.T == tagObject && b.T == tagObject {
		if x, ok := a.O.(*Tuple); ok {
			if y, ok := b.O.(*Tuple); ok {
				if lt, sure := leadIntLess(x, y); sure {
					return lt, nil
				}
			}
		}
	}
	if c, ok := plainOrder(&a, &b, 0); ok {
		return c < 0, nil
	}
	return vm.compare(opLt, a, b)
}

// heapLessAt is heapLess of h's items i and j, tuples read in place.
func (vm *VM) heapLessAt(h *List, i, j int) (bool, error) {
	if h.objs != nil && h.vals[i].Tag == tagObject && h.vals[j].Tag == tagObject {
		if x, ok := h.objs[i].(*Tuple); ok {
			if y, ok := h.objs[j].(*Tuple); ok {
				if lt, sure := leadIntLess(x, y); sure {
					return lt, nil
				}
				if c, ok := tupleOrder(x, y, 0); ok {
					return c < 0, nil
				}
			}
		}
	}
	return vm.heapLess(h.at(i), h.at(j))
}

// leadIntLess is x < y for (priority, ...) entries whose first items are
// unequal ints, which decide the order alone, or equal ints followed by
// unequal ints (a tie of priorities broken by the node); sure is false
// otherwise. Most of a Dijkstra heap's comparisons end here, without
// tupleOrder's loop: siftDown compares siblings, and with small integer
// distances more than half of graphs' comparisons were ties.
func leadIntLess(x, y *Tuple) (lt, sure bool) {
	if len(x.items) == 0 || len(y.items) == 0 {
		return false, false
	}
	p, q := &x.items[0], &y.items[0]
	if p.T != tagInt || q.T != tagInt {
		return false, false
	}
	if p.B == q.B {
		if len(x.items) < 2 || len(y.items) < 2 {
			return false, false
		}
		if p, q = &x.items[1], &y.items[1]; p.T != tagInt || q.T != tagInt || p.B == q.B {
			return false, false
		}
	}
	return int64(p.B) < int64(q.B), true
}
