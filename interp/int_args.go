package interp

import (
	"math"
	"math/big"
)

// Integer arguments of built-in functions and methods, read as CPython's
// argument clinic reads them: an int or bool first (the fast path), then
// any object with __index__ (IntEnum members, int subclasses), never a
// float's or an object's raw value bits.

// notAnInteger is CPython's TypeError for an argument that has no
// __index__.
func notAnInteger(v Val) error {
	return newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
}

// ssizeArg is PyNumber_AsSsize_t(v, PyExc_OverflowError): an index that
// fits a C ssize_t; a bigger int is OverflowError (str.center's width,
// str.zfill's).
func (vm *VM) ssizeArg(v Val) (int64, error) {
	if v.T == tagInt || v.T == tagBool {
		return int64(v.B), nil
	}
	if isBigInt(v) {
		return 0, newErr(OverflowError, "Python int too large to convert to C ssize_t")
	}
	if r, ok, err := instInt(v, "__index__"); ok {
		if err != nil {
			return 0, err
		}
		return vm.ssizeArg(r)
	}
	return 0, notAnInteger(v)
}

// clampedIntArg is PyNumber_AsSsize_t(v, NULL): an index, a big int
// clamped to ±(MaxInt64/2) (str.split's maxsplit, round's ndigits on a
// float).
func (vm *VM) clampedIntArg(v Val) (int64, error) {
	if v.T == tagInt || v.T == tagBool {
		return int64(v.B), nil
	}
	i, ok, err := vm.asIndex(v, math.MaxInt64/2)
	if !ok {
		return 0, notAnInteger(v)
	}
	return i, err
}

// sliceBound is list.index's and tuple.index's start or stop as
// _PyEval_SliceIndex reads it: any index, big ints clamped, then cut to
// 0..n as a slice's bound is.
func (vm *VM) sliceBound(v Val, n int) (int, error) {
	if v.T == tagInt {
		return clampIdx(int64(v.B), n), nil
	}
	i, ok, err := vm.asIndex(v, math.MaxInt64/2)
	if !ok {
		return 0, newErr(TypeError, "slice indices must be integers or have an __index__ method")
	}
	return clampIdx(i, n), err
}

// enumerateFrom is enumerate(it, start) for a start that is not a plain
// int: a big int, or an object with __index__. The count runs in a
// big.Int (CPython's enumerate switches to a PyLong past PY_SSIZE_T_MAX).
func (vm *VM) enumerateFrom(it Object, start Val) (Val, error) {
	if r, ok, err := instInt(start, "__index__"); ok {
		if err != nil {
			return Val{}, err
		}
		start = r
	}
	n, ok := toBig(start)
	if !ok {
		return Val{}, notAnInteger(start)
	}
	n = new(big.Int).Set(n)
	one := big.NewInt(1)
	pair := func(vm *VM) (Val, Val, bool, error) {
		x, ok, err := vm.next(it)
		if !ok || err != nil {
			return Val{}, Val{}, false, err
		}
		i := normBig(new(big.Int).Set(n))
		n.Add(n, one)
		return i, x, true, nil
	}
	return enumerateIter(pair), nil
}

// cIntArg is an argument CPython converts to a C int: an index that
// raises OverflowError past 32 bits.
func cIntArg(vm *VM, v Val) (int64, error) {
	n, ok, err := vm.asIndex(v, math.MaxInt64/2)
	if !ok {
		return 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
	}
	if err != nil {
		return 0, err
	}
	if n != int64(int32(n)) {
		return 0, newErr(OverflowError, "Python int too large to convert to C int")
	}
	return n, nil
}

// enumerateIter is an enumerate object over pair, which gives its count
// and item: the tuples for iteration, the pair for loops that unpack it.
func enumerateIter(pair func(vm *VM) (Val, Val, bool, error)) Val {
	return ObjVal(&funcIter{name: "enumerate", pair: pair, next: func(vm *VM) (Val, bool, error) {
		i, x, ok, err := pair(vm)
		if !ok {
			return Val{}, false, err
		}
		return ObjVal(pairOf(i, x)), true, nil
	}})
}
