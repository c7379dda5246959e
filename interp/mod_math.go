package interp

// The math module.

import (
	"math"
	"math/big"
	"unicode"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

func mathModule() *Module {
	m := &Module{name: "math", attrs: map[string]Val{}}
	f1 := func(name string, f func(float64) float64) {
		m.attrs[name] = ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
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
			r := f(x)
			if math.IsNaN(r) && !math.IsNaN(x) {
				if name == "sqrt" || name == "log" || name == "log2" || name == "log10" {
					if x == 0 && name != "sqrt" {
						return Val{}, newErr(ValueError, "expected a positive input")
					}
					if name == "sqrt" {
						return Val{}, newErr(ValueError, "expected a nonnegative input, got %s", formatFloatRepr(x))
					}
					return Val{}, newErr(ValueError, "expected a positive input")
				}
				return Val{}, newErr(ValueError, "math domain error")
			}
			if math.IsInf(r, 0) && !math.IsInf(x, 0) {
				if (name == "log" || name == "log2" || name == "log10") && x == 0 {
					return Val{}, newErr(ValueError, "expected a positive input")
				}
				return Val{}, newErr(OverflowError, "math range error")
			}
			return FloatVal(r), nil
		}})
	}
	f1("sqrt", math.Sqrt)
	f1("sin", crmath.Sin)
	f1("cos", crmath.Cos)
	f1("tan", crmath.Tan)
	f1("asin", crmath.Asin)
	f1("acos", crmath.Acos)
	f1("atan", crmath.Atan)
	f1("sinh", crmath.Sinh)
	f1("cosh", crmath.Cosh)
	f1("tanh", crmath.Tanh)
	f1("exp", crmath.Exp)
	f1("fabs", math.Abs)
	f1("degrees", crmath.Degrees)
	f1("radians", crmath.Radians)
	mathLogFuncs(m)
	intRes := func(name string, f func(float64) float64) {
		m.attrs[name] = ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "math.%s() takes exactly one argument (%d given)", name, len(args))
			}
			if isIntLike(args[0]) {
				return biInt(vm, args, nil)
			}
			if r, found, err := vm.dunder(args[0], "__"+name+"__"); found {
				return r, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return Val{}, err
			}
			return biInt(vm, []Val{FloatVal(f(x))}, nil)
		}})
	}
	intRes("floor", math.Floor)
	intRes("ceil", math.Ceil)
	intRes("trunc", math.Trunc)
	m.attrs["pow"] = ObjVal(&Builtin{name: "pow", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "pow expected 2 arguments, got %d", len(args))
		}
		x, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		y, err := toFloat(args[1])
		if err != nil {
			return Val{}, err
		}
		if x == 0 && y < 0 {
			return Val{}, newErr(ValueError, "math domain error")
		}
		r := powFloat(x, y)
		finite := !math.IsInf(x, 0) && !math.IsInf(y, 0)
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return Val{}, newErr(ValueError, "math domain error")
		}
		if math.IsInf(r, 0) && finite {
			return Val{}, newErr(OverflowError, "math range error")
		}
		return FloatVal(r), nil
	}})
	m.attrs["atan2"] = ObjVal(&Builtin{name: "atan2", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "atan2 expected 2 arguments, got %d", len(args))
		}
		y, _ := toFloat(args[0])
		x, _ := toFloat(args[1])
		return FloatVal(crmath.Atan2(y, x)), nil
	}})
	m.attrs["hypot"] = ObjVal(&Builtin{name: "hypot", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		xs := make([]float64, len(args))
		for i, a := range args {
			x, err := toFloat(a)
			if err != nil {
				return Val{}, err
			}
			xs[i] = x
		}
		return FloatVal(crmath.Hypot(xs...)), nil
	}})
	m.attrs["gcd"] = ObjVal(&Builtin{name: "gcd", fn: mathGCD})
	m.attrs["factorial"] = ObjVal(&Builtin{name: "factorial", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "math.factorial() takes exactly one argument (%d given)", len(args))
		}
		if _, isBig := args[0].O.(*BigInt); args[0].T != tagInt && args[0].T != tagBool && !isBig {
			// No floats since 3.10: the argument goes through __index__.
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if args[0].T != tagInt && args[0].T != tagBool {
			return Val{}, newErr(TypeError, "factorial() only accepts integral values")
		}
		n := int64(args[0].B)
		if n < 0 {
			return Val{}, newErr(ValueError, "factorial() not defined for negative values")
		}
		return normBig(new(big.Int).MulRange(1, max(n, 1))), nil
	}})
	m.attrs["isqrt"] = ObjVal(&Builtin{name: "isqrt", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "math.isqrt() takes exactly one argument (%d given)", len(args))
		}
		b, ok := toBig(args[0])
		if !ok || len(args) != 1 {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if b.Sign() < 0 {
			return Val{}, newErr(ValueError, "isqrt() argument must be nonnegative")
		}
		return normBig(new(big.Int).Sqrt(b)), nil
	}})
	m.attrs["isclose"] = ObjVal(&Builtin{name: "isclose", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		for i, name := range []string{"a", "b"} {
			if len(pos) <= i {
				if _, ok := kw[name]; !ok {
					return Val{}, newErr(TypeError, "isclose() missing required argument '%s' (pos %d)", name, i+1)
				}
				pos = append(pos, kw[name])
			}
		}
		if len(pos) > 2 {
			return Val{}, newErr(TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(pos))
		}
		a, _ := toFloat(pos[0])
		b, _ := toFloat(pos[1])
		rel, abs := 1e-9, 0.0
		if v, ok := kw["rel_tol"]; ok {
			rel, _ = toFloat(v)
		}
		if v, ok := kw["abs_tol"]; ok {
			abs, _ = toFloat(v)
		}
		if a == b {
			return True, nil
		}
		d := math.Abs(a - b)
		return BoolVal(d <= math.Max(rel*math.Max(math.Abs(a), math.Abs(b)), abs)), nil
	}})
	for _, n := range []string{"isnan", "isinf", "isfinite"} {
		n := n
		m.attrs[n] = ObjVal(&Builtin{name: n, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "math.%s() takes exactly one argument (%d given)", n, len(args))
			}
			x, err := toFloat(args[0])
			if err != nil {
				return Val{}, err
			}
			switch n {
			case "isnan":
				return BoolVal(math.IsNaN(x)), nil
			case "isinf":
				return BoolVal(math.IsInf(x, 0)), nil
			}
			return BoolVal(!math.IsNaN(x) && !math.IsInf(x, 0)), nil
		}})
	}
	m.attrs["pi"] = FloatVal(math.Pi)
	m.attrs["e"] = FloatVal(math.E)
	m.attrs["tau"] = FloatVal(2 * math.Pi)
	m.attrs["inf"] = FloatVal(math.Inf(1))
	m.attrs["nan"] = FloatVal(math.NaN())
	mathExtras(m)
	return m
}

var _ = unicode.IsSpace

// BigRange is a range whose bounds do not fit int64.
