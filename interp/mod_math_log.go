package interp

import (
	"math/big"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// logOf is CPython's loghelper: f (log, log2 or log10) of a positive
// argument; an int too large for a float is x * 2**e (x in [1/2, 1)
// rounded to 53 bits) and its log is f(x) + f(2)*e.
func logOf(v Val, f func(float64) float64) (float64, error) {
	if b, ok := v.O.(*BigInt); ok && v.T == tagObject {
		if b.v.Sign() <= 0 {
			return 0, newErr(ValueError, "expected a positive input")
		}
		fl := new(big.Float).SetPrec(53).SetInt(&b.v)
		if fl.MantExp(nil) > 1024 { // beyond the largest float
			m := new(big.Float)
			e := fl.MantExp(m)
			x, _ := m.Float64()
			return f(x) + float64(f(2)*float64(e)), nil
		}
	}
	x, err := toFloat(v)
	if err != nil {
		return 0, err
	}
	if x <= 0 {
		return 0, newErr(ValueError, "expected a positive input")
	}
	return f(x), nil
}

func mathLogFuncs(m *Module) {
	m.attrs["log"] = ObjVal(&Builtin{name: "log", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 1 || len(args) > 2 {
			return Val{}, newErr(TypeError, "log expected 1 or 2 arguments, got %d", len(args))
		}
		r, err := logOf(args[0], crmath.Log)
		if err != nil || len(args) == 1 {
			return FloatVal(r), err
		}
		d, err := logOf(args[1], crmath.Log)
		if err != nil {
			return Val{}, err
		}
		if d == 0 { // base 1
			return Val{}, zeroDiv()
		}
		return FloatVal(r / d), nil
	}})
	for _, lf := range []struct {
		name string
		f    func(float64) float64
	}{{"log2", crmath.Log2}, {"log10", crmath.Log10}} {
		m.attrs[lf.name] = ObjVal(&Builtin{name: lf.name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(kwn) > 0 {
				return Val{}, newErr(TypeError, "math.%s() takes no keyword arguments", lf.name)
			}
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "math.%s() takes exactly one argument (%d given)", lf.name, len(args))
			}
			r, err := logOf(args[0], lf.f)
			return FloatVal(r), err
		}})
	}
}
