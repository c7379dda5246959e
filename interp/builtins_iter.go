package interp

import (
	"math"
	"math/big"
)

// Builtins that consume an iterable stream it: no list of every element
// is built first, lists, tuples and ranges are walked without an iterator
// object, and ints and floats are added without boxing.

// each calls fn on every item of v until fn says stop.
func (vm *VM) each(v Val, fn func(x Val) (stop bool, err error)) error {
	if v.T == tagObject {
		switch x := v.O.(type) {
		case *List:
			// The length is read every step, as a list iterator does.
			for i := 0; i < x.Len(); i++ {
				if i&0xffff == 0xffff && vm.sigint.Load() {
					if err := vm.keyboardInterrupt(); err != nil {
						return err
					}
				}
				if stop, err := fn(x.at(i)); stop || err != nil {
					return err
				}
			}
			return nil
		case *Tuple:
			for _, it := range x.items {
				if stop, err := fn(it); stop || err != nil {
					return err
				}
			}
			return nil
		case *Range:
			n := rangeLen(x)
			for i, k := int64(0), x.start; i < n; i, k = i+1, k+x.step {
				if i&0xffff == 0xffff && vm.sigint.Load() {
					if err := vm.keyboardInterrupt(); err != nil {
						return err
					}
				}
				if stop, err := fn(IntVal(k)); stop || err != nil {
					return err
				}
			}
			return nil
		}
	}
	it, err := vm.iter(v)
	if err != nil {
		return err
	}
	if g, ok := it.(*Generator); ok {
		// sum(), max(), any() ... of a generator: straight to its frame.
		for {
			x, ok, err := g.nextItem(vm)
			if !ok || err != nil {
				return err
			}
			if stop, err := fn(x); stop || err != nil {
				return err
			}
		}
	}
	for {
		x, ok, err := vm.next(it)
		if !ok || err != nil {
			return err
		}
		if stop, err := fn(x); stop || err != nil {
			return err
		}
	}
}

// biSum is sum(), with CPython's order of operations: ints added in an
// int64 until one overflows or a non-int comes, then floats with Neumaier
// compensation (as CPython does since 3.12) until a non-number comes,
// then generic addition.
func biSum(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) == 0 {
		return Val{}, newErr(TypeError, "sum() takes at least 1 positional argument (0 given)")
	}
	acc := IntVal(0)
	if len(pos) > 1 {
		acc = pos[1]
	} else if s, ok := kw["start"]; ok {
		acc = s
	}
	if acc.isStr() {
		return Val{}, newErr(TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	}
	const (
		ints = iota
		bigs // past int64: one big.Int added to in place, not a new one per item
		floats
		generic
	)
	mode := generic
	var isum int64
	var bsum, tmp big.Int
	var fsum, comp float64
	switch acc.T {
	case tagInt:
		mode, isum = ints, int64(acc.B)
	case tagFloat:
		mode, fsum = floats, acc.F()
	}
	err := vm.each(pos[0], func(x Val) (bool, error) {
		switch mode {
		case ints:
			if x.T == tagInt || x.T == tagBool {
				a, b := isum, int64(x.B)
				if s := a + b; (a^s)&(b^s) >= 0 {
					isum = s
					return false, nil
				}
				bsum.SetInt64(a)
				bsum.Add(&bsum, tmp.SetInt64(b))
				mode = bigs
				return false, nil
			}
			if b, ok := x.O.(*BigInt); ok && x.T == tagObject {
				bsum.SetInt64(isum)
				bsum.Add(&bsum, &b.v)
				mode = bigs
				return false, nil
			}
			r, err := vm.binop(opAdd, IntVal(isum), x)
			if err != nil {
				return true, err
			}
			acc, mode = r, generic
			if r.T == tagFloat {
				mode, fsum, comp = floats, r.F(), 0
			}
			return false, nil
		case bigs:
			if x.T == tagInt || x.T == tagBool {
				bsum.Add(&bsum, tmp.SetInt64(int64(x.B)))
				return false, nil
			}
			if b, ok := x.O.(*BigInt); ok && x.T == tagObject {
				bsum.Add(&bsum, &b.v)
				return false, nil
			}
			acc, mode = normBig(&bsum), generic
		case floats:
			var f float64
			switch x.T {
			case tagFloat:
				f = x.F()
			case tagInt, tagBool:
				f = float64(int64(x.B))
			default:
				s := fsum
				if comp != 0 && !math.IsInf(comp, 0) && !math.IsNaN(comp) {
					s += comp
				}
				r, err := vm.binop(opAdd, FloatVal(s), x)
				if err != nil {
					return true, err
				}
				acc, mode = r, generic
				return false, nil
			}
			t := fsum + f
			if math.Abs(fsum) >= math.Abs(f) {
				comp += (fsum - t) + f
			} else {
				comp += (f - t) + fsum
			}
			fsum = t
			return false, nil
		}
		r, err := vm.binop(opAdd, acc, x)
		acc = r
		return err != nil, err
	})
	if err != nil {
		return Val{}, err
	}
	switch mode {
	case ints:
		return IntVal(isum), nil
	case bigs:
		return normBig(&bsum), nil
	case floats:
		if comp != 0 && !math.IsInf(comp, 0) && !math.IsNaN(comp) {
			fsum += comp
		}
		return FloatVal(fsum), nil
	}
	return acc, nil
}

// minmax is min() and max(): op says which way is better.
func (vm *VM) minmax(name string, op Op, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) == 0 {
		return Val{}, newErr(TypeError, "%s expected at least 1 argument, got 0", name)
	}
	key, hasKey := kw["key"]
	hasKey = hasKey && key.T != tagNone
	var best, bestK Val
	seen := false
	consider := func(x Val) (bool, error) {
		k := x
		if hasKey {
			var err error
			if k, err = vm.call(key, []Val{x}, nil); err != nil {
				return true, err
			}
		}
		if !seen {
			best, bestK, seen = x, k, true
			return false, nil
		}
		if k.T == tagInt && bestK.T == tagInt {
			if op == opLt && int64(k.B) < int64(bestK.B) || op == opGt && int64(k.B) > int64(bestK.B) {
				best, bestK = x, k
			}
			return false, nil
		}
		better, err := vm.compare(op, k, bestK)
		if err != nil {
			return true, err
		}
		if better {
			best, bestK = x, k
		}
		return false, nil
	}
	if len(pos) == 1 {
		if err := vm.each(pos[0], consider); err != nil {
			return Val{}, err
		}
		if !seen {
			if d, ok := kw["default"]; ok {
				return d, nil
			}
			return Val{}, newErr(ValueError, "%s() iterable argument is empty", name)
		}
		return best, nil
	}
	for _, x := range pos {
		if _, err := consider(x); err != nil {
			return Val{}, err
		}
	}
	return best, nil
}

// strictZip is zip(..., strict=True): the iterators must end together,
// and the first one found shorter or longer than those before it is named
// in the ValueError, as CPython words it.
func strictZip(its []Object) *funcIter {
	done := false
	return &funcIter{name: "zip", next: func(vm *VM) (Val, bool, error) {
		if len(its) == 0 || done {
			return Val{}, false, nil
		}
		t := newTuple(len(its))
		for j, it := range its {
			x, ok, err := vm.next(it)
			if err != nil {
				return Val{}, false, err
			}
			if ok {
				t.items[j] = x
				continue
			}
			done = true
			if j > 0 {
				return Val{}, false, zipLengthErr(j, "shorter")
			}
			// The first ran out: every other must have run out too.
			for k := 1; k < len(its); k++ {
				_, ok, err := vm.next(its[k])
				if err != nil {
					return Val{}, false, err
				}
				if ok {
					return Val{}, false, zipLengthErr(k, "longer")
				}
			}
			return Val{}, false, nil
		}
		return ObjVal(t), true, nil
	}}
}

// zipLengthErr names argument j+1 against those before it.
func zipLengthErr(j int, how string) error {
	if j == 1 {
		return newErr(ValueError, "zip() argument 2 is %s than argument 1", how)
	}
	return newErr(ValueError, "zip() argument %d is %s than arguments 1-%d", j+1, how, j)
}
