package interp

import (
	"math"
	"math/cmplx"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// cmath: the common functions, for finite arguments by CPython's formulas
// (cmathmodule.c); its special-value tables for infinities and NaNs are
// not copied.

// toComplex converts a number argument of a cmath function.
func (vm *VM) toComplex(fn string, v Val) (Complex, error) {
	if c, ok := v.O.(*Complex); ok {
		return *c, nil
	}
	f, ok, err := realOf(v)
	if err != nil {
		return Complex{}, err
	}
	if !ok {
		if r, found, err := vm.dunder(v, "__complex__"); found {
			if c, ok := r.O.(*Complex); ok && err == nil {
				return *c, nil
			}
			return Complex{}, err
		}
		return Complex{}, newErr(TypeError, "must be real number, not %s", typeName(v))
	}
	return Complex{f, 0}, nil
}

func cSqrt(z Complex) Complex {
	if z.re == 0 && z.im == 0 {
		return Complex{0, z.im}
	}
	if math.IsInf(z.re, 0) || math.IsInf(z.im, 0) || math.IsNaN(z.re) || math.IsNaN(z.im) {
		return complexFromGo(cmplx.Sqrt(complex(z.re, z.im)))
	}
	ax, ay := math.Abs(z.re), math.Abs(z.im)
	var s float64
	if ax < math.SmallestNonzeroFloat64*(1<<52) && ay < math.SmallestNonzeroFloat64*(1<<52) {
		// Subnormal parts: scale up first.
		ax = math.Ldexp(ax, 53)
		s = math.Ldexp(math.Sqrt(ax+crmath.CHypot(ax, math.Ldexp(ay, 53))), -27)
	} else {
		ax /= 8
		s = 2 * math.Sqrt(ax+crmath.CHypot(ax, ay/8))
	}
	d := ay / (2 * s)
	if z.re >= 0 {
		return Complex{s, math.Copysign(d, z.im)}
	}
	return Complex{d, math.Copysign(s, z.im)}
}

func cLog(z Complex) Complex {
	ax, ay := math.Abs(z.re), math.Abs(z.im)
	var re float64
	h := crmath.CHypot(ax, ay)
	if 0.71 <= h && h <= 1.73 {
		am, an := max(ax, ay), min(ax, ay)
		re = crmath.Log1p(float64((am-1)*(am+1))+float64(an*an)) / 2
	} else {
		re = crmath.Log(h)
	}
	return Complex{re, crmath.Atan2(z.im, z.re)}
}

// cExp is cmath.exp. For finite z it is CPython's formula: beyond
// log(DBL_MAX/4) e**(x-1) * e, so that a small cos or sin keeps a part
// finite that e**x would overflow, and a part that overflows anyway is a
// range error.
func cExp(z Complex) (Complex, cmathErr) {
	if !isFinite(z.re) || !isFinite(z.im) {
		l := crmath.Exp(z.re)
		if z.im == 0 {
			return Complex{l, z.im}, cmOK
		}
		return Complex{l * crmath.Cos(z.im), l * crmath.Sin(z.im)}, cmOK
	}
	var r Complex
	if z.re > cmLogLargeDouble {
		l := crmath.Exp(z.re - 1)
		r = Complex{l * crmath.Cos(z.im) * math.E, l * crmath.Sin(z.im) * math.E}
	} else {
		l := crmath.Exp(z.re)
		r = Complex{l * crmath.Cos(z.im), l * crmath.Sin(z.im)}
	}
	if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
		return r, cmRange
	}
	return r, cmOK
}

func cmathModule(vm *VM) *Module {
	m := newModule("cmath")
	m.attrs["pi"] = FloatVal(math.Pi)
	m.attrs["e"] = FloatVal(math.E)
	m.attrs["tau"] = FloatVal(2 * math.Pi)
	m.attrs["inf"] = FloatVal(math.Inf(1))
	m.attrs["nan"] = FloatVal(math.NaN())
	m.attrs["infj"] = complexVal(0, math.Inf(1))
	m.attrs["nanj"] = complexVal(0, math.NaN())
	one := func(name string, f func(Complex) Complex) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := nargs(name, args, 1, 1); err != nil {
				return Val{}, err
			}
			z, err := vm.toComplex(name, args[0])
			if err != nil {
				return Val{}, err
			}
			if z.re == 0 && z.im == 0 && name == "log" {
				return Val{}, newErr(ValueError, "math domain error")
			}
			r := f(z)
			return ObjVal(&r), nil
		})
	}
	one("sqrt", cSqrt)
	m.def("exp", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("exp", args, 1, 1); err != nil {
			return Val{}, err
		}
		z, err := vm.toComplex("exp", args[0])
		if err != nil {
			return Val{}, err
		}
		r, e := cExp(z)
		if e == cmRange {
			return Val{}, newErr(OverflowError, "math range error")
		}
		return ObjVal(&r), nil
	})
	m.def("log", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("log", args, 1, 2); err != nil {
			return Val{}, err
		}
		z, err := vm.toComplex("log", args[0])
		if err != nil {
			return Val{}, err
		}
		if z.re == 0 && z.im == 0 {
			return Val{}, newErr(ValueError, "math domain error")
		}
		r := cLog(z)
		if len(args) == 2 {
			b, err := vm.toComplex("log", args[1])
			if err != nil {
				return Val{}, err
			}
			var ok bool
			if r, ok = cQuot(r, cLog(b)); !ok {
				return Val{}, newErr(ValueError, "math domain error")
			}
		}
		return ObjVal(&r), nil
	})
	one("log10", func(z Complex) Complex {
		r := cLog(z)
		return Complex{r.re / math.Ln10, r.im / math.Ln10}
	})
	real := func(name string, f func(Complex) Val) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := nargs(name, args, 1, 1); err != nil {
				return Val{}, err
			}
			z, err := vm.toComplex(name, args[0])
			if err != nil {
				return Val{}, err
			}
			return f(z), nil
		})
	}
	real("phase", func(z Complex) Val { return FloatVal(crmath.Atan2(z.im, z.re)) })
	real("polar", func(z Complex) Val {
		return tupleOf([]Val{FloatVal(crmath.CHypot(z.re, z.im)), FloatVal(crmath.Atan2(z.im, z.re))})
	})
	real("isnan", func(z Complex) Val { return BoolVal(math.IsNaN(z.re) || math.IsNaN(z.im)) })
	real("isinf", func(z Complex) Val { return BoolVal(math.IsInf(z.re, 0) || math.IsInf(z.im, 0)) })
	real("isfinite", func(z Complex) Val {
		return BoolVal(!math.IsInf(z.re, 0) && !math.IsInf(z.im, 0) && !math.IsNaN(z.re) && !math.IsNaN(z.im))
	})
	vm.cmathTrig(m)
	m.def("rect", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("rect", args, 2, 2); err != nil {
			return Val{}, err
		}
		r, ok1, err1 := realOf(args[0])
		phi, ok2, err2 := realOf(args[1])
		if err1 != nil || err2 != nil || !ok1 || !ok2 {
			if err1 == nil && err2 == nil {
				bad := args[0]
				if ok1 {
					bad = args[1]
				}
				return Val{}, newErr(TypeError, "must be real number, not %s", typeName(bad))
			}
			return Val{}, errors2(err1, err2)
		}
		if phi == 0 {
			return complexVal(r, r*phi), nil
		}
		return complexVal(r*crmath.Cos(phi), r*crmath.Sin(phi)), nil
	})
	return m
}

func errors2(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func complexFromGo(c complex128) Complex { return Complex{real(c), imag(c)} }
