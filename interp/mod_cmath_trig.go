package interp

import (
	"math"
	"math/cmplx"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// cmath's trigonometric and hyperbolic functions. For finite arguments
// these are CPython's formulas (cmathmodule.c: the sqrt-based forms of
// Kahan's "Branch cuts for complex elementary functions", the scaled forms
// near overflow), over the glibc-exact real functions of crmath, so the
// results carry the same bits. Infinite and NaN arguments go to Go's
// math/cmplx: CPython's special-value tables are not copied (a gap).

const (
	cmLargeDouble    = math.MaxFloat64 / 4
	cmSqrtDblMin     = 1.4916681462400413e-154 // sqrt(DBL_MIN)
	cmLogLargeDouble = 708.3964185322641       // log(DBL_MAX/4)
)

var cmSqrtLargeDouble = math.Sqrt(cmLargeDouble)

// cmathErr is what errno says after a cmath function: EDOM is
// ValueError, ERANGE OverflowError.
type cmathErr int

const (
	cmOK cmathErr = iota
	cmDomain
	cmRange
)

func cNeg(z Complex) Complex { return Complex{-z.re, -z.im} }

// cByI rotates z by i (iz) and cFromI undoes it for the -i f(iz) forms.
func cByI(z Complex) Complex   { return Complex{-z.im, z.re} }
func cFromI(s Complex) Complex { return Complex{s.im, -s.re} }

func cLogHalfHypot(z Complex) float64 {
	return crmath.Log(crmath.CHypot(z.re/2, z.im/2)) + math.Ln2*2
}

func cAcos(z Complex) (Complex, cmathErr) {
	if math.Abs(z.re) > cmLargeDouble || math.Abs(z.im) > cmLargeDouble {
		r := Complex{re: crmath.Atan2(math.Abs(z.im), z.re)}
		if z.re < 0 {
			r.im = -math.Copysign(cLogHalfHypot(z), z.im)
		} else {
			r.im = math.Copysign(cLogHalfHypot(z), -z.im)
		}
		return r, cmOK
	}
	s1 := cSqrt(Complex{1 - z.re, -z.im})
	s2 := cSqrt(Complex{1 + z.re, z.im})
	return Complex{2 * crmath.Atan2(s1.re, s2.re), crmath.Asinh(float64(s2.re*s1.im) - float64(s2.im*s1.re))}, cmOK
}

func cAcosh(z Complex) (Complex, cmathErr) {
	if math.Abs(z.re) > cmLargeDouble || math.Abs(z.im) > cmLargeDouble {
		return Complex{cLogHalfHypot(z), crmath.Atan2(z.im, z.re)}, cmOK
	}
	s1 := cSqrt(Complex{z.re - 1, z.im})
	s2 := cSqrt(Complex{z.re + 1, z.im})
	return Complex{crmath.Asinh(float64(s1.re*s2.re) + float64(s1.im*s2.im)), 2 * crmath.Atan2(s1.im, s2.re)}, cmOK
}

func cAsinh(z Complex) (Complex, cmathErr) {
	if math.Abs(z.re) > cmLargeDouble || math.Abs(z.im) > cmLargeDouble {
		var r Complex
		if z.im >= 0 {
			r.re = math.Copysign(cLogHalfHypot(z), z.re)
		} else {
			r.re = -math.Copysign(cLogHalfHypot(z), -z.re)
		}
		r.im = crmath.Atan2(z.im, math.Abs(z.re))
		return r, cmOK
	}
	s1 := cSqrt(Complex{1 + z.im, -z.re})
	s2 := cSqrt(Complex{1 - z.im, z.re})
	return Complex{crmath.Asinh(float64(s1.re*s2.im) - float64(s2.re*s1.im)), crmath.Atan2(z.im, float64(s1.re*s2.re)-float64(s1.im*s2.im))}, cmOK
}

func cAsin(z Complex) (Complex, cmathErr) {
	s, e := cAsinh(cByI(z))
	return cFromI(s), e
}

func cAtanh(z Complex) (Complex, cmathErr) {
	if z.re < 0 {
		r, e := cAtanh(cNeg(z))
		return cNeg(r), e
	}
	ay := math.Abs(z.im)
	switch {
	case z.re > cmSqrtLargeDouble || ay > cmSqrtLargeDouble:
		h := crmath.CHypot(z.re/2, z.im/2)
		return Complex{z.re / 4 / h / h, -math.Copysign(math.Pi/2, -z.im)}, cmOK
	case z.re == 1 && ay < cmSqrtDblMin:
		if ay == 0 {
			return Complex{math.Inf(1), z.im}, cmDomain
		}
		return Complex{-crmath.Log(math.Sqrt(ay) / math.Sqrt(crmath.CHypot(ay, 2))), math.Copysign(crmath.Atan2(2, -ay)/2, z.im)}, cmOK
	}
	return Complex{crmath.Log1p(4*z.re/(float64((1-z.re)*(1-z.re))+float64(ay*ay))) / 4, -crmath.Atan2(-2*z.im, float64((1-z.re)*(1+z.re))-float64(ay*ay)) / 2}, cmOK
}

func cAtan(z Complex) (Complex, cmathErr) {
	s, e := cAtanh(cByI(z))
	return cFromI(s), e
}

func cCosh(z Complex) (Complex, cmathErr) {
	var r Complex
	if math.Abs(z.re) > cmLogLargeDouble {
		x := z.re - math.Copysign(1, z.re)
		r = Complex{crmath.Cos(z.im) * crmath.Cosh(x) * math.E, crmath.Sin(z.im) * crmath.Sinh(x) * math.E}
	} else {
		r = Complex{crmath.Cos(z.im) * crmath.Cosh(z.re), crmath.Sin(z.im) * crmath.Sinh(z.re)}
	}
	if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
		return r, cmRange
	}
	return r, cmOK
}

func cSinh(z Complex) (Complex, cmathErr) {
	var r Complex
	if math.Abs(z.re) > cmLogLargeDouble {
		x := z.re - math.Copysign(1, z.re)
		r = Complex{crmath.Cos(z.im) * crmath.Sinh(x) * math.E, crmath.Sin(z.im) * crmath.Cosh(x) * math.E}
	} else {
		r = Complex{crmath.Cos(z.im) * crmath.Sinh(z.re), crmath.Sin(z.im) * crmath.Cosh(z.re)}
	}
	if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
		return r, cmRange
	}
	return r, cmOK
}

func cTanh(z Complex) (Complex, cmathErr) {
	if math.Abs(z.re) > cmLogLargeDouble {
		return Complex{math.Copysign(1, z.re), 4 * crmath.Sin(z.im) * crmath.Cos(z.im) * crmath.Exp(-2*math.Abs(z.re))}, cmOK
	}
	tx, ty, cx := crmath.Tanh(z.re), crmath.Tan(z.im), 1/crmath.Cosh(z.re)
	txty := tx * ty
	denom := 1 + float64(txty*txty)
	return Complex{tx * (1 + float64(ty*ty)) / denom, ((ty / denom) * cx) * cx}, cmOK
}

func cCos(z Complex) (Complex, cmathErr) { return cCosh(cByI(z)) }

func cSin(z Complex) (Complex, cmathErr) {
	s, e := cSinh(cByI(z))
	return cFromI(s), e
}

func cTan(z Complex) (Complex, cmathErr) {
	s, e := cTanh(cByI(z))
	return cFromI(s), e
}

// cmathTrig defines the trigonometric and hyperbolic functions and
// isclose on m.
func (vm *VM) cmathTrig(m *Module) {
	for _, f := range []struct {
		name string
		fin  func(Complex) (Complex, cmathErr)
		inf  func(complex128) complex128
	}{
		{"acos", cAcos, cmplx.Acos}, {"acosh", cAcosh, cmplx.Acosh}, {"asin", cAsin, cmplx.Asin},
		{"asinh", cAsinh, cmplx.Asinh}, {"atan", cAtan, cmplx.Atan}, {"atanh", cAtanh, cmplx.Atanh},
		{"cos", cCos, cmplx.Cos}, {"cosh", cCosh, cmplx.Cosh}, {"sin", cSin, cmplx.Sin},
		{"sinh", cSinh, cmplx.Sinh}, {"tan", cTan, cmplx.Tan}, {"tanh", cTanh, cmplx.Tanh},
	} {
		m.def(f.name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := noKw(f.name, kwn); err != nil {
				return Val{}, err
			}
			if err := nargs(f.name, args, 1, 1); err != nil {
				return Val{}, err
			}
			z, err := vm.toComplex(f.name, args[0])
			if err != nil {
				return Val{}, err
			}
			if !isFinite(z.re) || !isFinite(z.im) {
				r := complexFromGo(f.inf(complex(z.re, z.im)))
				return ObjVal(&r), nil
			}
			r, e := f.fin(z)
			switch e {
			case cmDomain:
				return Val{}, newErr(ValueError, "math domain error")
			case cmRange:
				return Val{}, newErr(OverflowError, "math range error")
			}
			return ObjVal(&r), nil
		})
	}
	m.def("isclose", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) != 2 {
			if len(pos) < 2 {
				return Val{}, newErr(TypeError, "isclose() missing required argument '%s' (pos %d)", []string{"a", "b"}[len(pos)], len(pos)+1)
			}
			return Val{}, newErr(TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(pos))
		}
		rel, abs := 1e-09, 0.0
		for k, v := range kw {
			f, ok, err := realOf(v)
			if err != nil {
				return Val{}, err
			}
			if !ok {
				return Val{}, newErr(TypeError, "must be real number, not %s", typeName(v))
			}
			switch k {
			case "rel_tol":
				rel = f
			case "abs_tol":
				abs = f
			default:
				return Val{}, newErr(TypeError, "isclose() got an unexpected keyword argument '%s'", k)
			}
		}
		a, err := vm.toComplex("isclose", pos[0])
		if err != nil {
			return Val{}, err
		}
		b, err := vm.toComplex("isclose", pos[1])
		if err != nil {
			return Val{}, err
		}
		if rel < 0 || abs < 0 {
			return Val{}, newErr(ValueError, "tolerances must be non-negative")
		}
		if a == b {
			return True, nil
		}
		if math.IsInf(a.re, 0) || math.IsInf(a.im, 0) || math.IsInf(b.re, 0) || math.IsInf(b.im, 0) {
			return False, nil
		}
		diff := crmath.CHypot(b.re-a.re, b.im-a.im)
		return BoolVal(diff <= rel*crmath.CHypot(b.re, b.im) || diff <= rel*crmath.CHypot(a.re, a.im) || diff <= abs), nil
	})
}

func isFinite(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }
