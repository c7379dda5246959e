package interp

import (
	"math"
	"math/big"
	"strings"
)

// fractions.Fraction: exact rationals (math/big.Rat underneath) that mix
// with ints (exactly) and floats (giving floats), print and hash as
// CPython's.

func fractionsModule(vm *VM) *Module {
	m := newModule("fractions")
	var cls *Class
	ratOf := func(vm *VM, v Val) (*big.Rat, bool) {
		if b, ok := toBig(v); ok {
			return new(big.Rat).SetInt(b), true
		}
		if inst, ok := v.O.(*Instance); ok && inst.cls.isSub(cls) {
			n, _ := vm.getAttr(v, "_numerator")
			d, _ := vm.getAttr(v, "_denominator")
			nb, _ := toBig(n)
			db, _ := toBig(d)
			return new(big.Rat).SetFrac(nb, db), true
		}
		return nil, false
	}
	make := func(vm *VM, r *big.Rat) Val {
		f := vm.newInstancePlain(cls)
		vm.objectSetAttr(f, "_numerator", normBig(new(big.Int).Set(r.Num())))
		vm.objectSetAttr(f, "_denominator", normBig(new(big.Int).Set(r.Denom())))
		return f
	}
	toF := func(r *big.Rat) float64 { f, _ := r.Float64(); return f }
	arith := func(op Op, reflected bool) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, b := args[0], args[1]
			if reflected {
				a, b = b, a
			}
			if a.T == tagFloat || b.T == tagFloat {
				x, ok1 := ratOf(vm, a)
				y, ok2 := ratOf(vm, b)
				fa, fb := a.F(), b.F()
				if ok1 {
					fa = toF(x)
				}
				if ok2 {
					fb = toF(y)
				}
				if (!ok1 && a.T != tagFloat) || (!ok2 && b.T != tagFloat) {
					return vm.bi["NotImplemented"], nil
				}
				return vm.binop(op, FloatVal(fa), FloatVal(fb))
			}
			x, ok1 := ratOf(vm, a)
			y, ok2 := ratOf(vm, b)
			if !ok1 || !ok2 {
				return vm.bi["NotImplemented"], nil
			}
			r := new(big.Rat)
			switch op {
			case opAdd:
				r.Add(x, y)
			case opSub:
				r.Sub(x, y)
			case opMul:
				r.Mul(x, y)
			case opTrueDiv:
				if y.Sign() == 0 {
					return Val{}, newErr(ZeroDivisionError, "Fraction(%s, 0)", x.Num().String())
				}
				r.Quo(x, y)
			case opFloorDiv, opMod:
				if y.Sign() == 0 {
					return Val{}, newErr(ZeroDivisionError, "Fraction(%s, 0)", x.Num().String())
				}
				q := new(big.Rat).Quo(x, y)
				fl := new(big.Int).Div(q.Num(), q.Denom()) // floor: Div rounds toward -inf for positive divisor
				if op == opFloorDiv {
					return normBig(fl), nil
				}
				r.Sub(x, new(big.Rat).Mul(y, new(big.Rat).SetInt(fl)))
			case opPow:
				if !y.IsInt() {
					return vm.binop(opPow, FloatVal(toF(x)), FloatVal(toF(y)))
				}
				e := y.Num()
				if !e.IsInt64() {
					return Val{}, newErr(OverflowError, "exponent too large")
				}
				n := e.Int64()
				base := x
				if n < 0 {
					if x.Sign() == 0 {
						return Val{}, newErr(ZeroDivisionError, "Fraction(1, 0)")
					}
					base = new(big.Rat).Inv(x)
					n = -n
				}
				num := new(big.Int).Exp(base.Num(), big.NewInt(n), nil)
				den := new(big.Int).Exp(base.Denom(), big.NewInt(n), nil)
				r.SetFrac(num, den)
			default:
				return vm.bi["NotImplemented"], nil
			}
			return make(vm, r), nil
		}
	}

	// divmod(a, b) is (a // b, a % b), floats when either is a float.
	divmodOf := func(reflected bool) nativeFn {
		floorDiv, mod := arith(opFloorDiv, reflected), arith(opMod, reflected)
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			q, err := floorDiv(vm, args, kwn)
			if err != nil || isNotImplemented(q) {
				return q, err
			}
			r, err := mod(vm, args, kwn)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(&Tuple{items: []Val{q, r}}), nil
		}
	}
	ratCmp := func(op Op, c int) bool {
		switch op {
		case opEq:
			return c == 0
		case opNe:
			return c != 0
		}
		return cmpResult(op, c)
	}
	cmp := func(op Op) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			b := args[1]
			if b.T == tagFloat {
				f := b.F()
				if math.IsNaN(f) || math.IsInf(f, 0) {
					r, err := vm.compare(op, FloatVal(toF(x)), b)
					return BoolVal(r), err
				}
				y := new(big.Rat).SetFloat64(f)
				return BoolVal(ratCmp(op, x.Cmp(y))), nil
			}
			y, ok := ratOf(vm, b)
			if !ok {
				if op == opEq || op == opNe {
					return BoolVal(op == opNe), nil
				}
				return vm.bi["NotImplemented"], nil
			}
			return BoolVal(ratCmp(op, x.Cmp(y))), nil
		}
	}
	methods := map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := splitKw(args[1:], kwn)
			if v, ok := kw["numerator"]; ok {
				pos = append([]Val{v}, pos...)
			}
			if v, ok := kw["denominator"]; ok {
				pos = append(pos, v)
			}
			r := new(big.Rat)
			switch len(pos) {
			case 0:
			case 1:
				v := pos[0]
				if x, ok := ratOf(vm, v); ok {
					r.Set(x)
				} else if v.T == tagFloat {
					f := v.F()
					if math.IsNaN(f) || math.IsInf(f, 0) {
						what := "NaN"
						if math.IsInf(f, 0) {
							what = "Infinity"
							return Val{}, newErr(OverflowError, "cannot convert %s to integer ratio", what)
						}
						return Val{}, newErr(ValueError, "cannot convert %s to integer ratio", what)
					}
					r.SetFloat64(f)
				} else if v.isStr() {
					s := strings.TrimSpace(v.str().s)
					if _, ok := r.SetString(strings.ReplaceAll(s, "_", "")); !ok || s == "" || strings.ContainsAny(s, " ") {
						return Val{}, newErr(ValueError, "Invalid literal for Fraction: %s", strRepr(v.str().s))
					}
				} else {
					return Val{}, newErr(TypeError, "argument should be a string or a Rational instance")
				}
			case 2:
				x, ok1 := ratOf(vm, pos[0])
				y, ok2 := ratOf(vm, pos[1])
				if !ok1 || !ok2 {
					return Val{}, newErr(TypeError, "both arguments should be Rational instances")
				}
				if y.Sign() == 0 {
					return Val{}, newErr(ZeroDivisionError, "Fraction(%s, 0)", x.Num().String())
				}
				r.Quo(x, y)
			default:
				return Val{}, newErr(TypeError, "Fraction() takes from 1 to 3 positional arguments but %d were given", len(pos)+1)
			}
			vm.objectSetAttr(args[0], "_numerator", normBig(new(big.Int).Set(r.Num())))
			vm.objectSetAttr(args[0], "_denominator", normBig(new(big.Int).Set(r.Denom())))
			return NoneVal, nil
		},
		"__repr__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return StrVal("Fraction(" + x.Num().String() + ", " + x.Denom().String() + ")"), nil
		},
		"__format__(format_spec)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			if len(args) < 2 || !args[1].isStr() {
				return Val{}, newErr(TypeError, "Fraction.__format__() argument must be str")
			}
			r, err := fractionFormat(x, args[1].str().s)
			if err != nil {
				return Val{}, err
			}
			return StrVal(r), nil
		},
		"__str__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			if x.IsInt() {
				return StrVal(x.Num().String()), nil
			}
			return StrVal(x.Num().String() + "/" + x.Denom().String()), nil
		},
		"__add__(b) @Fraction._operator_fallbacks.<locals>.forward": arith(opAdd, false), "__radd__(a) @Fraction._operator_fallbacks.<locals>.reverse": arith(opAdd, true),
		"__sub__(b) @Fraction._operator_fallbacks.<locals>.forward": arith(opSub, false), "__rsub__(a) @Fraction._operator_fallbacks.<locals>.reverse": arith(opSub, true),
		"__mul__(b) @Fraction._operator_fallbacks.<locals>.forward": arith(opMul, false), "__rmul__(a) @Fraction._operator_fallbacks.<locals>.reverse": arith(opMul, true),
		"__truediv__(b) @Fraction._operator_fallbacks.<locals>.forward": arith(opTrueDiv, false), "__rtruediv__(a) @Fraction._operator_fallbacks.<locals>.reverse": arith(opTrueDiv, true),
		"__floordiv__(b) @Fraction._operator_fallbacks.<locals>.forward": arith(opFloorDiv, false), "__rfloordiv__(a) @Fraction._operator_fallbacks.<locals>.reverse": arith(opFloorDiv, true),
		"__mod__(b) @Fraction._operator_fallbacks.<locals>.forward": arith(opMod, false), "__rmod__(a) @Fraction._operator_fallbacks.<locals>.reverse": arith(opMod, true),
		"__divmod__(b) @Fraction._operator_fallbacks.<locals>.forward": divmodOf(false), "__rdivmod__(a) @Fraction._operator_fallbacks.<locals>.reverse": divmodOf(true),
		"__pow__(b, modulo=None)": arith(opPow, false), "__rpow__(a, modulo=None)": arith(opPow, true),
		"__eq__(b)": cmp(opEq), "__ne__[1]": cmp(opNe), "__lt__(b)": cmp(opLt), "__le__(b)": cmp(opLe), "__gt__(b)": cmp(opGt), "__ge__(b)": cmp(opGe),
		"__neg__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return make(vm, new(big.Rat).Neg(x)), nil
		},
		"__pos__()": func(vm *VM, args []Val, kwn []string) (Val, error) { return args[0], nil },
		"__abs__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return make(vm, new(big.Rat).Abs(x)), nil
		},
		"__bool__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return BoolVal(x.Sign() != 0), nil
		},
		"__float__() @Rational.__float__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return FloatVal(toF(x)), nil
		},
		"__int__(_index=None)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return normBig(new(big.Int).Quo(x.Num(), x.Denom())), nil
		},
		"__trunc__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return normBig(new(big.Int).Quo(x.Num(), x.Denom())), nil
		},
		"__floor__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return normBig(new(big.Int).Div(x.Num(), x.Denom())), nil
		},
		"__ceil__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			q := new(big.Int).Div(new(big.Int).Neg(x.Num()), x.Denom())
			return normBig(q.Neg(q)), nil
		},
		"__round__(ndigits=None)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			nd := int64(0)
			hasNd := len(args) > 1 && args[1].T != tagNone
			if hasNd {
				nd, _ = toInt64Arg(args[1])
			}
			scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(absInt64(nd)), nil))
			y := new(big.Rat).Set(x)
			if nd >= 0 {
				y.Mul(y, scale)
			} else {
				y.Quo(y, scale)
			}
			// round half to even
			fl := new(big.Int).Div(y.Num(), y.Denom())
			rem := new(big.Rat).Sub(y, new(big.Rat).SetInt(fl))
			switch rem.Cmp(big.NewRat(1, 2)) {
			case 1:
				fl.Add(fl, big.NewInt(1))
			case 0:
				if fl.Bit(0) == 1 {
					fl.Add(fl, big.NewInt(1))
				}
			}
			if !hasNd {
				return normBig(fl), nil
			}
			r := new(big.Rat).SetInt(fl)
			if nd >= 0 {
				r.Quo(r, scale)
			} else {
				r.Mul(r, scale)
			}
			return make(vm, r), nil
		},
		"__hash__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			mod := big.NewInt(1<<61 - 1)
			dinv := new(big.Int).Exp(x.Denom(), new(big.Int).Sub(mod, big.NewInt(2)), mod)
			var h *big.Int
			if dinv.Sign() == 0 {
				h = big.NewInt(314159) // sys.hash_info.inf
			} else {
				h = new(big.Int).Mod(new(big.Int).Abs(x.Num()), mod)
				h.Mul(h, dinv).Mod(h, mod)
			}
			if x.Sign() < 0 {
				h.Neg(h)
			}
			if h.Int64() == -1 {
				return IntVal(-2), nil
			}
			return IntVal(h.Int64()), nil
		},
		"limit_denominator(max_denominator=1000000)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			maxd := big.NewInt(1000000)
			if len(args) > 1 {
				b, ok := toBig(args[1])
				if !ok {
					return Val{}, newErr(TypeError, "max_denominator must be an int")
				}
				maxd = b
			}
			if maxd.Cmp(big.NewInt(1)) < 0 {
				return Val{}, newErr(ValueError, "max_denominator should be at least 1")
			}
			return make(vm, limitDenominator(x, maxd)), nil
		},
		"as_integer_ratio()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return tupleOf([]Val{normBig(new(big.Int).Set(x.Num())), normBig(new(big.Int).Set(x.Denom()))}), nil
		},
		"is_integer()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			x, _ := ratOf(vm, args[0])
			return BoolVal(x.IsInt()), nil
		},
	}
	cls, _ = vm.nativeClass("Fraction", nil, methods)
	for _, n := range []string{"numerator", "denominator"} {
		attr := "_" + n
		vm.objectSetAttr(ObjVal(cls), n, ObjVal(&Property{get: builtinFn(n, func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.getAttr(args[0], attr)
		})}))
	}
	m.attrs["Fraction"] = ObjVal(cls)
	return m
}

func absInt64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// limitDenominator is the closest fraction to x with denominator at most
// maxd (CPython's algorithm: continued fraction convergents, then the
// better of the last convergent and semiconvergent).
func limitDenominator(x *big.Rat, maxd *big.Int) *big.Rat {
	if x.Denom().Cmp(maxd) <= 0 {
		return new(big.Rat).Set(x)
	}
	p0, q0, p1, q1 := big.NewInt(0), big.NewInt(1), big.NewInt(1), big.NewInt(0)
	n, d := new(big.Int).Set(x.Num()), new(big.Int).Set(x.Denom())
	for {
		a := new(big.Int).Div(n, d)
		q2 := new(big.Int).Add(q0, new(big.Int).Mul(a, q1))
		if q2.Cmp(maxd) > 0 {
			break
		}
		p0, q0, p1, q1 = p1, q1, new(big.Int).Add(p0, new(big.Int).Mul(a, p1)), q2
		n, d = d, new(big.Int).Sub(n, new(big.Int).Mul(a, d))
	}
	k := new(big.Int).Div(new(big.Int).Sub(maxd, q0), q1)
	b1 := new(big.Rat).SetFrac(new(big.Int).Add(p0, new(big.Int).Mul(k, p1)), new(big.Int).Add(q0, new(big.Int).Mul(k, q1)))
	b2 := new(big.Rat).SetFrac(p1, q1)
	d1 := new(big.Rat).Abs(new(big.Rat).Sub(b2, x))
	d2 := new(big.Rat).Abs(new(big.Rat).Sub(b1, x))
	if d1.Cmp(d2) <= 0 {
		return b2
	}
	return b1
}
