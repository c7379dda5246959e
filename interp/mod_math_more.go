package interp

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// The math functions beyond builtins.go's: fsum (exact), comb, perm,
// prod, lcm, gcd of many, dist, and the libm functions Go provides
// (their last bit may differ from the C library's: see README).

func mathExtras(m *Module) {
	// CPython 3.14 words each function's domain error (Modules/mathmodule.c's
	// FUNC1D messages); the others keep "math domain error".
	domainMsg := map[string]string{
		"acos": "expected a number in range from -1 up to 1, got %s", "asin": "expected a number in range from -1 up to 1, got %s",
		"acosh": "expected argument value not less than 1, got %s", "atanh": "expected a number between -1 and 1, got %s",
		"cos": "expected a finite input, got %s", "sin": "expected a finite input, got %s", "tan": "expected a finite input, got %s",
		"gamma": "expected a noninteger or positive integer, got %s", "lgamma": "expected a noninteger or positive integer, got %s",
		"log1p": "expected argument value > -1, got %s",
	}
	domainErr := func(name string, x float64) error {
		if msg, ok := domainMsg[name]; ok {
			return newErr(ValueError, msg, formatFloatRepr(x))
		}
		return newErr(ValueError, "math domain error")
	}
	f1 := func(name string, f func(float64) float64, domain func(float64) bool) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(kwn) > 0 {
				return Val{}, newErr(TypeError, "math.%s() takes no keyword arguments", name)
			}
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "math.%s() takes exactly one argument (%d given)", name, len(args))
			}
			x, err := toFloat(args[0])
			if err != nil {
				return Val{}, err
			}
			if domain != nil && !domain(x) {
				return Val{}, domainErr(name, x)
			}
			r := f(x)
			if math.IsNaN(r) && !math.IsNaN(x) {
				return Val{}, domainErr(name, x)
			}
			if math.IsInf(r, 0) && !math.IsInf(x, 0) {
				return Val{}, newErr(OverflowError, "math range error")
			}
			return FloatVal(r), nil
		})
	}
	f1("cbrt", crmath.Cbrt, nil)
	f1("exp2", crmath.Exp2, nil)
	f1("expm1", crmath.Expm1, nil)
	f1("log1p", crmath.Log1p, func(x float64) bool { return x > -1 })
	f1("asinh", crmath.Asinh, nil)
	f1("acosh", crmath.Acosh, func(x float64) bool { return x >= 1 || math.IsNaN(x) })
	f1("atanh", crmath.Atanh, func(x float64) bool { return (x > -1 && x < 1) || math.IsNaN(x) })
	f1("erf", crmath.Erf, nil)
	f1("erfc", crmath.Erfc, nil)
	f1("gamma", crmath.Gamma, func(x float64) bool { return !(x <= 0 && x == math.Trunc(x)) && !math.IsInf(x, -1) })
	f1("lgamma", crmath.Lgamma, func(x float64) bool { return !(x <= 0 && x == math.Trunc(x)) })
	f1("fabs", math.Abs, nil)
	finite := func(x float64) bool { return !math.IsInf(x, 0) }
	unit := func(x float64) bool { return math.IsNaN(x) || (x >= -1 && x <= 1) }
	f1("sin", crmath.Sin, finite)
	f1("cos", crmath.Cos, finite)
	f1("tan", crmath.Tan, finite)
	f1("asin", crmath.Asin, unit)
	f1("acos", crmath.Acos, unit)
	f1("ulp", func(x float64) float64 {
		x = math.Abs(x)
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return x
		}
		n := math.Nextafter(x, math.Inf(1))
		if math.IsInf(n, 0) {
			return x - math.Nextafter(x, 0)
		}
		return n - x
	}, nil)
	f2 := func(name string, f func(x, y float64) float64, domain func(x, y float64) bool) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s expected 2 arguments, got %d", name, len(args))
			}
			x, err := toFloat(args[0])
			if err != nil {
				return Val{}, err
			}
			y, err := toFloat(args[1])
			if err != nil {
				return Val{}, err
			}
			if domain != nil && !domain(x, y) {
				return Val{}, newErr(ValueError, "math domain error")
			}
			return FloatVal(f(x, y)), nil
		})
	}
	f2("copysign", math.Copysign, nil)
	f2("remainder", math.Remainder, func(x, y float64) bool {
		return math.IsNaN(x) || math.IsNaN(y) || (!math.IsInf(x, 0) && y != 0)
	})
	// fmod is C's: x's sign, exact; CPython returns x for an infinite y
	// (whatever the C library does) and calls a NaN from no NaN a domain error.
	f2("fmod", func(x, y float64) float64 {
		if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
			return x
		}
		return math.Mod(x, y)
	}, func(x, y float64) bool {
		return math.IsNaN(x) || math.IsNaN(y) || (!math.IsInf(x, 0) && y != 0)
	})
	m.def("fma", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 3 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "fma expected 3 arguments, got %d", len(args))
		}
		var xs [3]float64
		for i, a := range args {
			f, err := toFloat(a)
			if err != nil {
				return Val{}, err
			}
			xs[i] = f
		}
		x, y, z := xs[0], xs[1], xs[2]
		r := math.FMA(x, y, z)
		switch {
		case math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) && !math.IsNaN(z):
			return Val{}, newErr(ValueError, "invalid operation in fma")
		case math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) && !math.IsInf(z, 0) &&
			!math.IsNaN(x) && !math.IsNaN(y) && !math.IsNaN(z):
			return Val{}, newErr(OverflowError, "overflow in fma")
		}
		return FloatVal(r), nil
	})
	m.def("nextafter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) != 2 {
			return Val{}, newErr(TypeError, "nextafter expected 2 arguments, got %d", len(pos))
		}
		x, err := toFloat(pos[0])
		if err != nil {
			return Val{}, err
		}
		y, err := toFloat(pos[1])
		if err != nil {
			return Val{}, err
		}
		steps := int64(1)
		if s, ok := kw["steps"]; ok && s.T != tagNone {
			if steps, ok = toInt64Arg(s); !ok || steps < 0 {
				return Val{}, newErr(ValueError, "steps must be a non-negative integer")
			}
		}
		for i := int64(0); i < steps && x != y; i++ {
			x = math.Nextafter(x, y)
		}
		return FloatVal(x), nil
	})
	m.def("frexp", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("frexp", args, kwn, 1); err != nil {
			return Val{}, err
		}
		x, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		f, e := math.Frexp(x)
		return tupleOf([]Val{FloatVal(f), IntVal(int64(e))}), nil
	})
	m.def("ldexp", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("ldexp", args, kwn, 2); err != nil {
			return Val{}, err
		}
		x, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		ev := args[1]
		if bv, ok := builtinValue(ev); ok {
			ev = bv // an int subclass's value (IntEnum)
		}
		e, ok := toBig(ev)
		if !ok {
			return Val{}, newErr(TypeError, "Expected an int as second argument to ldexp.")
		}
		n := int64(math.MaxInt32)
		if e.IsInt64() && e.Int64() > -math.MaxInt32 && e.Int64() < math.MaxInt32 {
			n = e.Int64()
		} else if e.Sign() < 0 {
			n = -math.MaxInt32
		}
		r := math.Ldexp(x, int(n))
		if math.IsInf(r, 0) && !math.IsInf(x, 0) {
			return Val{}, newErr(OverflowError, "math range error")
		}
		return FloatVal(r), nil
	})
	m.def("modf", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("modf", args, kwn, 1); err != nil {
			return Val{}, err
		}
		x, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		if math.IsInf(x, 0) {
			return tupleOf([]Val{FloatVal(math.Copysign(0, x)), FloatVal(x)}), nil
		}
		i, f := math.Modf(x)
		return tupleOf([]Val{FloatVal(f), FloatVal(i)}), nil
	})
	m.def("fsum", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("fsum", args, kwn, 1); err != nil {
			return Val{}, err
		}
		items, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, err
		}
		return fsum(items)
	})
	intArg := func(v Val, what string) (*big.Int, error) {
		b, ok := toBig(v)
		if !ok {
			return nil, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
		}
		if b.Sign() < 0 {
			return nil, newErr(ValueError, "%s must be a non-negative integer", what)
		}
		return b, nil
	}
	m.def("comb", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("comb", args, kwn, 2); err != nil {
			return Val{}, err
		}
		n, err := intArg(args[0], "n")
		if err != nil {
			return Val{}, err
		}
		k, err := intArg(args[1], "k")
		if err != nil {
			return Val{}, err
		}
		if k.Cmp(n) > 0 {
			return IntVal(0), nil
		}
		if !n.IsInt64() {
			return Val{}, newErr(OverflowError, "n must not exceed %d", int64(math.MaxInt64))
		}
		return normBig(new(big.Int).Binomial(n.Int64(), k.Int64())), nil
	})
	m.def("perm", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 1 || len(args) > 2 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "perm expected at most 2 arguments, got %d", len(args))
		}
		n, err := intArg(args[0], "n")
		if err != nil {
			return Val{}, err
		}
		k := n
		if len(args) == 2 && args[1].T != tagNone {
			if k, err = intArg(args[1], "k"); err != nil {
				return Val{}, err
			}
		}
		if k.Cmp(n) > 0 {
			return IntVal(0), nil
		}
		if !n.IsInt64() {
			return Val{}, newErr(OverflowError, "n must not exceed %d", int64(math.MaxInt64))
		}
		if k.Sign() == 0 {
			return IntVal(1), nil
		}
		return normBig(new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())), nil
	})
	m.def("prod", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) != 1 {
			return Val{}, newErr(TypeError, "prod() takes exactly 1 positional argument (%d given)", len(pos))
		}
		acc := IntVal(1)
		for k, v := range kw {
			if k != "start" {
				return Val{}, newErr(TypeError, "prod() got an unexpected keyword argument '%s'", k)
			}
			acc = v
		}
		items, err := vm.iterate(pos[0])
		if err != nil {
			return Val{}, err
		}
		for _, x := range items {
			if acc, err = vm.binop(opMul, acc, x); err != nil {
				return Val{}, err
			}
		}
		return acc, nil
	})
	m.def("lcm", func(vm *VM, args []Val, kwn []string) (Val, error) {
		r := big.NewInt(1)
		for _, a := range args {
			b, ok := toBig(a)
			if !ok {
				return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a))
			}
			if b.Sign() == 0 || r.Sign() == 0 {
				r.SetInt64(0)
				continue
			}
			g := new(big.Int).GCD(nil, nil, new(big.Int).Abs(r), new(big.Int).Abs(b))
			r = new(big.Int).Abs(new(big.Int).Mul(new(big.Int).Quo(r, g), b))
		}
		return normBig(r), nil
	})
	m.def("dist", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("dist", args, kwn, 2); err != nil {
			return Val{}, err
		}
		p, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, err
		}
		q, err := vm.iterate(args[1])
		if err != nil {
			return Val{}, err
		}
		if len(p) != len(q) {
			return Val{}, newErr(ValueError, "both points must have the same number of dimensions")
		}
		d := make([]float64, len(p))
		for i := range p {
			x, err := toFloat(p[i])
			if err != nil {
				return Val{}, err
			}
			y, err := toFloat(q[i])
			if err != nil {
				return Val{}, err
			}
			d[i] = x - y
		}
		// CPython's dist is its hypot (vector_norm) of the differences.
		return FloatVal(crmath.Hypot(d...)), nil
	})
	// The integer functions take objects with __index__ too.
	for _, n := range []string{"isqrt", "factorial", "gcd", "lcm", "comb", "perm"} {
		orig := m.attrs[n].O.(*Builtin).fn
		m.def(n, func(vm *VM, args []Val, kwn []string) (Val, error) {
			conv := args
			for i, a := range args {
				if r, ok, err := instInt(a, "__index__"); ok {
					if err != nil {
						return Val{}, err
					}
					if &conv[0] == &args[0] {
						conv = append([]Val(nil), args...)
					}
					conv[i] = r
				}
			}
			return orig(vm, conv, kwn)
		})
	}
	m.def("sumprod", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("sumprod", args, kwn, 2); err != nil {
			return Val{}, err
		}
		p, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, err
		}
		q, err := vm.iterate(args[1])
		if err != nil {
			return Val{}, err
		}
		if len(p) != len(q) {
			return Val{}, newErr(ValueError, "Inputs are not the same length")
		}
		return vm.sumprod(p, q)
	})
}

// sumprod is math.sumprod of two equally long sequences, summed as
// CPython sums them: first exactly while both items of a pair are ints
// whose product and sum fit a machine word, then, from the first pair
// that is not, in triple-length floats while a pair holds a float and an
// int or float, then by the items' own * and + to the end; each partial
// sum joins the total when its run ends. A float run's sum is as good as
// correctly rounded: math.sumprod(x, y) of floats is not the rounded sum
// of rounded products.
func (vm *VM) sumprod(p, q []Val) (Val, error) {
	total := IntVal(0)
	i := 0
	var ints int64
	for ; i < len(p); i++ {
		a, b := p[i], q[i]
		if a.T != tagInt || b.T != tagInt {
			break
		}
		hi, lo := bits.Mul64(uint64(absInt64(int64(a.B))), uint64(absInt64(int64(b.B))))
		if hi != 0 || lo > math.MaxInt64 || int64(a.B) == math.MinInt64 || int64(b.B) == math.MinInt64 {
			break
		}
		prod := int64(a.B) * int64(b.B)
		sum := ints + prod
		if (prod > 0 && sum < ints) || (prod < 0 && sum > ints) {
			break
		}
		ints = sum
	}
	if i > 0 {
		total = IntVal(ints)
	}
	var acc tripleSum
	floats := false
	for ; i < len(p); i++ {
		x, xf, ok := sumprodFloat(p[i])
		y, yf, ok2 := sumprodFloat(q[i])
		if !ok || !ok2 || !(xf || yf) {
			break
		}
		next := acc.addProduct(x, y)
		if math.IsInf(next.hi, 0) || math.IsNaN(next.hi) {
			break
		}
		acc, floats = next, true
	}
	var err error
	if floats {
		if total, err = vm.binop(opAdd, total, FloatVal(acc.float())); err != nil {
			return Val{}, err
		}
	}
	for ; i < len(p); i++ {
		term, err := vm.binop(opMul, p[i], q[i])
		if err != nil {
			return Val{}, err
		}
		if total, err = vm.binop(opAdd, total, term); err != nil {
			return Val{}, err
		}
	}
	return total, nil
}

// sumprodFloat is x as sumprod's float run takes it: a float, or an int or
// bool rounded to one (not one too big for a float); isFloat says which.
func sumprodFloat(x Val) (f float64, isFloat, ok bool) {
	switch x.T {
	case tagFloat:
		return x.F(), true, true
	case tagInt, tagBool:
		return float64(int64(x.B)), false, true
	case tagObject:
		if b, ok := x.O.(*BigInt); ok {
			f, acc := new(big.Float).SetInt(&b.v).Float64()
			if math.IsInf(f, 0) && acc != big.Exact {
				return 0, false, false
			}
			return f, false, true
		}
	}
	return 0, false, false
}

// tripleSum is a sum of products kept as three floats whose exact sum is
// the running total (error-free transformations: Ogita, Rump and
// Oishi's accurate dot product, summed in three parts).
type tripleSum struct{ hi, lo, tiny float64 }

// addProduct adds x * y to t, its rounding error kept.
func (t tripleSum) addProduct(x, y float64) tripleSum {
	p, pe := twoProd(x, y)
	hi, hiErr := twoSum(t.hi, p)
	lo, loErr := twoSum(t.lo, pe)
	mid, midErr := twoSum(lo, hiErr)
	return tripleSum{hi, mid, t.tiny + loErr + midErr}
}

// float is t rounded to one float.
func (t tripleSum) float() float64 {
	s, e := twoSum(t.lo, t.hi)
	return t.tiny + e + s
}

// fsum is math.fsum: the exactly rounded sum, computed in exact rational
// arithmetic (each float is a rational number).
func fsum(items []Val) (Val, error) {
	sum := new(big.Rat)
	var special float64
	haveSpecial := false
	for _, it := range items {
		x, err := toFloat(it)
		if err != nil {
			return Val{}, err
		}
		if math.IsInf(x, 0) || math.IsNaN(x) {
			if !haveSpecial {
				special, haveSpecial = x, true
			} else {
				special += x
			}
			if math.IsNaN(special) && !math.IsNaN(x) {
				return Val{}, newErr(ValueError, "-inf + inf in fsum")
			}
			continue
		}
		sum.Add(sum, new(big.Rat).SetFloat64(x))
	}
	if haveSpecial {
		return FloatVal(special), nil
	}
	f, _ := sum.Float64()
	if math.IsInf(f, 0) {
		return Val{}, newErr(OverflowError, "intermediate overflow in fsum")
	}
	return FloatVal(f), nil
}

// mathGCD is math.gcd. Ints that fit in a word never become big.Ints; a
// big int and a word-sized one meet as the word and the big one modulo
// it (one division), and two big ones go to math/big's Lehmer GCD, which
// takes signed operands as they are.
func mathGCD(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) == 2 {
		// Two ints of at most two words, the common case of a fraction's
		// numerator and denominator (rational: 100,000 calls of 64 to
		// 128 bits), make no big.Int on the way.
		if ah, al, ok := twoWords(args[0]); ok {
			if bh, bl, ok := twoWords(args[1]); ok {
				h, l := gcdU128(ah, al, bh, bl)
				if h == 0 && l <= math.MaxInt64 {
					return IntVal(int64(l)), nil
				}
				return Val{T: tagObject, O: &BigInt{v: *new(big.Int).SetBits([]big.Word{big.Word(l), big.Word(h)})}}, nil
			}
		}
	}
	var r uint64 // the gcd so far while it is a word
	var rb *big.Int
	owned := false // rb is not an argument's own number
	for _, a := range args {
		switch {
		case a.T == tagInt || a.T == tagBool:
			x := absU64(int64(a.B))
			if rb != nil {
				if x == 0 {
					continue
				}
				rb, r = nil, bigModU64(rb, x)
			}
			r = gcdU64(r, x)
		case isIntLike(a):
			b := &a.O.(*BigInt).v
			switch {
			case rb != nil:
				rb, owned = gcdBig(rb, b), true
			case r == 0:
				rb, owned = b, false
			default:
				r = gcdU64(r, bigModU64(b, r))
			}
		default:
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a))
		}
	}
	if rb != nil {
		if !owned || rb.Sign() < 0 {
			rb = new(big.Int).Abs(rb)
		}
		return normBig(rb), nil
	}
	if r > math.MaxInt64 {
		return normBig(new(big.Int).SetUint64(r)), nil
	}
	return IntVal(int64(r)), nil
}

func absU64(x int64) uint64 {
	if x < 0 {
		return -uint64(x)
	}
	return uint64(x)
}

// twoWords is |v| as two words, high first, when v is an int of at most
// 128 bits (on 64-bit machines).
func twoWords(v Val) (hi, lo uint64, ok bool) {
	if v.T == tagInt || v.T == tagBool {
		return 0, absU64(int64(v.B)), true
	}
	b, isBig := v.O.(*BigInt)
	if !isBig || v.T != tagObject || bits.UintSize != 64 {
		return 0, 0, false
	}
	switch w := b.v.Bits(); len(w) {
	case 0:
		return 0, 0, true
	case 1:
		return 0, uint64(w[0]), true
	case 2:
		return uint64(w[1]), uint64(w[0]), true
	}
	return 0, 0, false
}

// gcdU128 is the GCD of two 128-bit numbers given as high and low words:
// Stein's binary steps while both take two words, then one division of
// the longer by the shorter and gcdU64.
func gcdU128(ah, al, bh, bl uint64) (hi, lo uint64) {
	if ah|al == 0 {
		return bh, bl
	}
	if bh|bl == 0 {
		return ah, al
	}
	shift := min(tz128(ah, al), tz128(bh, bl))
	ah, al = shr128(ah, al, tz128(ah, al))
	for ah != 0 && bh != 0 {
		bh, bl = shr128(bh, bl, tz128(bh, bl))
		if ah > bh || ah == bh && al > bl {
			ah, al, bh, bl = bh, bl, ah, al
		}
		var borrow uint64
		bl, borrow = bits.Sub64(bl, al, 0)
		bh, _ = bits.Sub64(bh, ah, borrow)
		if bh|bl == 0 {
			return shl128(ah, al, shift)
		}
	}
	// One of them fits in a word (and is odd or the other is); the common
	// factor of two is outside both already.
	var g uint64
	switch {
	case ah == 0 && bh == 0:
		g = gcdU64(al, bl)
	case ah == 0:
		g = gcdU64(al, mod128(bh, bl, al))
	default:
		g = gcdU64(bl, mod128(ah, al, bl))
	}
	return shl128(0, g, shift)
}

// mod128 is (h, l) mod m, m > 0.
func mod128(h, l, m uint64) uint64 {
	_, r := bits.Div64(h%m, l, m)
	return r
}

func tz128(h, l uint64) uint {
	if l != 0 {
		return uint(bits.TrailingZeros64(l))
	}
	return 64 + uint(bits.TrailingZeros64(h))
}

func shr128(h, l uint64, n uint) (uint64, uint64) {
	switch {
	case n == 0:
		return h, l
	case n >= 64:
		return 0, h >> (n - 64)
	}
	return h >> n, l>>n | h<<(64-n)
}

func shl128(h, l uint64, n uint) (uint64, uint64) {
	switch {
	case n == 0:
		return h, l
	case n >= 64:
		return l << (n - 64), 0
	}
	return h<<n | l>>(64-n), l << n
}

// gcdU64 is Stein's binary GCD.
func gcdU64(a, b uint64) uint64 {
	if a == 0 {
		return b
	}
	if b == 0 {
		return a
	}
	shift := bits.TrailingZeros64(a | b)
	a >>= bits.TrailingZeros64(a)
	for b != 0 {
		b >>= bits.TrailingZeros64(b)
		if a > b {
			a, b = b, a
		}
		b -= a
	}
	return a << shift
}

// bigModU64 is |b| mod m for m > 0.
func bigModU64(b *big.Int, m uint64) uint64 {
	if bits.UintSize != 64 {
		return new(big.Int).Mod(new(big.Int).Abs(b), new(big.Int).SetUint64(m)).Uint64()
	}
	words := b.Bits()
	var rem uint64
	for i := len(words) - 1; i >= 0; i-- {
		_, rem = bits.Div64(rem, uint64(words[i]), m)
	}
	return rem
}
