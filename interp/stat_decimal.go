package interp

import "math/big"

// The statistics functions' results for Decimal data, computed with the
// decimal module's own arithmetic as CPython's statistics does.

// decimalQuo is T(num) / T(den) for the Decimal type T.
func (vm *VM) decimalQuo(t Val, num, den Val) (Val, error) {
	a, err := vm.call(t, []Val{num}, nil)
	if err != nil {
		return Val{}, err
	}
	b, err := vm.call(t, []Val{den}, nil)
	if err != nil {
		return Val{}, err
	}
	return vm.binop(opTrueDiv, a, b)
}

// decimalSqrtOfRat is the square root of r (>= 0) as a Decimal of type
// t, correctly rounded in the context's precision: the context's sqrt of
// the rounded quotient, then moved one step up or down when the exact
// square root lies past the midpoint to a neighbour (CPython's
// _decimal_sqrt_of_frac does the same test).
func (vm *VM) decimalSqrtOfRat(t Val, r *big.Rat) (Val, error) {
	if r.Sign() == 0 {
		return vm.call(t, []Val{StrVal("0.0")}, nil)
	}
	n, m := r.Num(), r.Denom()
	q, err := vm.decimalQuo(t, normBig(new(big.Int).Set(n)), normBig(new(big.Int).Set(m)))
	if err != nil {
		return Val{}, err
	}
	root, err := vm.callAttr(q, "sqrt", nil, nil)
	if err != nil {
		return Val{}, err
	}
	ratio := func(d Val) (*big.Rat, error) {
		p, err := vm.callAttr(d, "as_integer_ratio", nil, nil)
		if err != nil {
			return nil, err
		}
		rt, ok := vm.statRatioPair(p)
		if !ok {
			return nil, newErr(TypeError, "bad as_integer_ratio result")
		}
		return rt, nil
	}
	rootR, err := ratio(root)
	if err != nil {
		return Val{}, err
	}
	// past reports whether the exact root lies beyond the midpoint of
	// root and its neighbour nb: r compared with ((root+nb)/2)².
	past := func(nb Val, above bool) (bool, error) {
		nbR, err := ratio(nb)
		if err != nil {
			return false, err
		}
		mid := new(big.Rat).Add(rootR, nbR)
		mid.Mul(mid, big.NewRat(1, 2))
		mid.Mul(mid, mid)
		c := r.Cmp(mid)
		return above && c > 0 || !above && c < 0, nil
	}
	for _, step := range []struct {
		method string
		above  bool
	}{{"next_plus", true}, {"next_minus", false}} {
		nb, err := vm.callAttr(root, step.method, nil, nil)
		if err != nil {
			return Val{}, err
		}
		if ok, err := past(nb, step.above); err != nil {
			return Val{}, err
		} else if ok {
			return nb, nil
		}
	}
	return root, nil
}
