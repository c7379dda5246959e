package interp

import (
	_ "embed"
	"math"
	"math/big"
)

// statistics: the averages and spreads of ints and floats, exact as
// CPython's (sums as fractions, then one rounding; stdev the correctly
// rounded square root of the exact variance).

var StatisticsErrorT = &ExcType{name: "StatisticsError", module: "statistics", base: ValueError}

// statData is data's values as exact fractions, and the type CPython's
// _sum coerces them to: int while all are ints or bools, else float.
// nonFinite is the float sum of the infinities and NaNs, when there are any.
type statData struct {
	vals      []Val
	rats      []*big.Rat
	isFloat   bool
	nonFinite *float64
	// ratioType is the type of the first value that was neither an int
	// nor a float (fractions.Fraction, decimal.Decimal), which results
	// take; isDecimal says it is a Decimal type.
	ratioType  Val
	isDecimal  bool
	firstRatio int // the index in vals of the value that set ratioType
}

// isDecimal reports whether c is decimal.Decimal or a subclass.
func isDecimal(c *Class) bool {
	for _, k := range c.mro {
		if k.name == "Decimal" && k.module == "decimal" {
			return true
		}
	}
	return false
}

// isFraction reports whether c is fractions.Fraction or a subclass.
func isFraction(c *Class) bool {
	for _, k := range c.mro {
		if k.name == "Fraction" && k.module == "fractions" {
			return true
		}
	}
	return false
}

// statRatio is x.as_integer_ratio() as an exact fraction, for the data
// types CPython's statistics reads that way.
func (vm *VM) statRatio(x Val) (*big.Rat, bool) {
	inst, ok := x.O.(*Instance)
	if !ok || x.T != tagObject || !isFraction(inst.cls) && !isDecimal(inst.cls) {
		return nil, false
	}
	m, err := vm.getAttr(x, "as_integer_ratio")
	if err != nil {
		return nil, false
	}
	pair, err := vm.call(m, nil, nil)
	if err != nil {
		return nil, false
	}
	return vm.statRatioPair(pair)
}

// statRatioPair is an as_integer_ratio() result as a fraction.
func (vm *VM) statRatioPair(pair Val) (*big.Rat, bool) {
	t, ok := pair.O.(*Tuple)
	if !ok || len(t.items) != 2 {
		return nil, false
	}
	n, ok1 := toBig(t.items[0])
	d, ok2 := toBig(t.items[1])
	if !ok1 || !ok2 || d.Sign() == 0 {
		return nil, false
	}
	return new(big.Rat).SetFrac(n, d), true
}

func (vm *VM) statValues(data Val) (*statData, error) {
	items, err := vm.iterate(data)
	if err != nil {
		return nil, err
	}
	return vm.statItems(items)
}

// statItems is statValues over items already drawn.
func (vm *VM) statItems(items []Val) (*statData, error) {
	sd := &statData{vals: items}
	for _, x := range items {
		switch x.T {
		case tagInt, tagBool:
			sd.rats = append(sd.rats, new(big.Rat).SetInt64(int64(x.B)))
			continue
		case tagFloat:
			if sd.isDecimal {
				return nil, newErr(TypeError, "don't know how to coerce %s and float", items[sd.firstRatio].O.(*Instance).cls.name)
			}
			sd.isFloat = true
			f := x.F()
			if math.IsInf(f, 0) || math.IsNaN(f) {
				if sd.nonFinite == nil {
					sd.nonFinite = new(float64)
				}
				*sd.nonFinite += f
				sd.rats = append(sd.rats, new(big.Rat))
				continue
			}
			sd.rats = append(sd.rats, new(big.Rat).SetFloat64(f))
			continue
		}
		if b, ok := x.O.(*BigInt); ok && x.T == tagObject {
			sd.rats = append(sd.rats, new(big.Rat).SetInt(&b.v))
			continue
		}
		if r, ok := vm.statRatio(x); ok {
			// A Fraction (or another type with as_integer_ratio): the
			// result is of that type unless a float joins.
			dec := isDecimal(x.O.(*Instance).cls)
			if sd.ratioType.O == nil {
				// CPython's _coerce: a Decimal mixes only with ints.
				if dec && sd.isFloat {
					return nil, newErr(TypeError, "don't know how to coerce %s and float", x.O.(*Instance).cls.name)
				}
				sd.ratioType = vm.typeOf(x)
				sd.isDecimal = dec
				sd.firstRatio = len(sd.rats)
			} else if dec != sd.isDecimal {
				// CPython names the Fraction first, whichever came first.
				a, b := items[sd.firstRatio].O.(*Instance).cls.name, x.O.(*Instance).cls.name
				if dec {
					a, b = b, a
				}
				return nil, newErr(TypeError, "don't know how to coerce %s and %s", b, a)
			}
			sd.rats = append(sd.rats, r)
			continue
		}
		return nil, newErr(TypeError, "can't convert type '%s' to numerator/denominator", typeName(x))
	}
	return sd, nil
}

// convert is CPython's _convert: an exact int stays an int, else a float.
func (sd *statData) convert(vm *VM, r *big.Rat) Val {
	if sd.nonFinite != nil {
		return FloatVal(*sd.nonFinite)
	}
	if !sd.isFloat && sd.ratioType.O != nil {
		num, den := normBig(new(big.Int).Set(r.Num())), normBig(new(big.Int).Set(r.Denom()))
		if sd.isDecimal {
			// CPython's _convert: T(numerator) / T(denominator), rounded
			// by the decimal context.
			if v, err := vm.decimalQuo(sd.ratioType, num, den); err == nil {
				return v
			}
		}
		if v, err := vm.call(sd.ratioType, []Val{num, den}, nil); err == nil {
			return v
		}
	}
	if !sd.isFloat && r.IsInt() {
		return normBig(new(big.Int).Set(r.Num()))
	}
	f, _ := r.Float64()
	return FloatVal(f)
}

func (sd *statData) sum() *big.Rat {
	t := new(big.Rat)
	for _, r := range sd.rats {
		t.Add(t, r)
	}
	return t
}

// ss is the exact sum of squared deviations from the mean.
func (sd *statData) ss() *big.Rat {
	n := int64(len(sd.rats))
	if n == 0 {
		return new(big.Rat)
	}
	mean := new(big.Rat).Quo(sd.sum(), new(big.Rat).SetInt64(n))
	t, d := new(big.Rat), new(big.Rat)
	for _, r := range sd.rats {
		d.Sub(r, mean)
		t.Add(t, d.Mul(d, d))
	}
	return t
}

// sqrtOfRat is the square root of r (>= 0) correctly rounded to a float:
// an integer square root rounded to odd at 109 bits, then one rounding
// (CPython's _float_sqrt_of_frac).
func sqrtOfRat(r *big.Rat) float64 {
	n, m := new(big.Int).Set(r.Num()), new(big.Int).Set(r.Denom())
	const width = 2*53 + 3
	rto := func(n, m *big.Int) *big.Int {
		a := new(big.Int).Sqrt(new(big.Int).Quo(n, m))
		sq := new(big.Int).Mul(a, a)
		if sq.Mul(sq, m).Cmp(n) != 0 {
			a.SetBit(a, 0, 1)
		}
		return a
	}
	q := (n.BitLen() - m.BitLen() - width) / 2
	if n.BitLen()-m.BitLen()-width < 0 && (n.BitLen()-m.BitLen()-width)%2 != 0 {
		q-- // floor division
	}
	var num, den *big.Int
	if q >= 0 {
		num = new(big.Int).Lsh(rto(n, new(big.Int).Lsh(m, uint(2*q))), uint(q))
		den = big.NewInt(1)
	} else {
		num = rto(new(big.Int).Lsh(n, uint(-2*q)), m)
		den = new(big.Int).Lsh(big.NewInt(1), uint(-q))
	}
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

func statisticsModule(vm *VM) *Module {
	m := newModule("statistics")
	m.attrs["StatisticsError"] = ObjVal(StatisticsErrorT)
	one := func(name string, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs(name, args, kwn, []string{"data"}, 1)
		if err != nil {
			return Val{}, err
		}
		return a[0], nil
	}
	m.def("mean", func(vm *VM, args []Val, kwn []string) (Val, error) {
		data, err := one("mean", args, kwn)
		if err != nil {
			return Val{}, err
		}
		sd, err := vm.statValues(data)
		if err != nil {
			return Val{}, err
		}
		if len(sd.rats) == 0 {
			return Val{}, newErr(StatisticsErrorT, "mean requires at least one data point")
		}
		return sd.convert(vm, sd.sum().Quo(sd.sum(), new(big.Rat).SetInt64(int64(len(sd.rats))))), nil
	})
	m.def("fmean", func(vm *VM, args []Val, kwn []string) (Val, error) {
		data, err := one("fmean", args, kwn)
		if err != nil {
			return Val{}, err
		}
		items, err := vm.iterate(data)
		if err != nil {
			return Val{}, err
		}
		if len(items) == 0 {
			return Val{}, newErr(StatisticsErrorT, "fmean requires at least one data point")
		}
		t, err := fsum(items)
		if err != nil {
			return Val{}, err
		}
		return FloatVal(t.F() / float64(len(items))), nil
	})
	sortedData := func(vm *VM, name string, args []Val, kwn []string) ([]Val, error) {
		data, err := one(name, args, kwn)
		if err != nil {
			return nil, err
		}
		s, err := vm.call(vm.bi["sorted"], []Val{data}, nil)
		if err != nil {
			return nil, err
		}
		l, ok := s.O.(*List)
		if !ok { // builtins.sorted rebound to something else
			return nil, newErr(TypeError, "sorted() gave %s, not a list", typeName(s))
		}
		items := l.items()
		if len(items) == 0 {
			return nil, newErr(StatisticsErrorT, "no median for empty data")
		}
		return items, nil
	}
	m.def("median", func(vm *VM, args []Val, kwn []string) (Val, error) {
		xs, err := sortedData(vm, "median", args, kwn)
		if err != nil {
			return Val{}, err
		}
		n := len(xs)
		if n%2 == 1 {
			return xs[n/2], nil
		}
		s, err := vm.binop(opAdd, xs[n/2-1], xs[n/2])
		if err != nil {
			return Val{}, err
		}
		return vm.binop(opTrueDiv, s, IntVal(2))
	})
	m.def("median_low", func(vm *VM, args []Val, kwn []string) (Val, error) {
		xs, err := sortedData(vm, "median_low", args, kwn)
		if err != nil {
			return Val{}, err
		}
		if n := len(xs); n%2 == 0 {
			return xs[n/2-1], nil
		}
		return xs[len(xs)/2], nil
	})
	m.def("median_high", func(vm *VM, args []Val, kwn []string) (Val, error) {
		xs, err := sortedData(vm, "median_high", args, kwn)
		if err != nil {
			return Val{}, err
		}
		return xs[len(xs)/2], nil
	})
	// counts is the items of data with how often each comes, in first-seen
	// order, and the highest count.
	counts := func(vm *VM, name string, args []Val, kwn []string) ([]dictEntry, int64, error) {
		data, err := one(name, args, kwn)
		if err != nil {
			return nil, 0, err
		}
		items, err := vm.iterate(data)
		if err != nil {
			return nil, 0, err
		}
		d := newDict()
		for _, x := range items {
			c, _, err := d.get(x)
			if err != nil {
				return nil, 0, err
			}
			if err := d.set(x, IntVal(int64(c.B)+1)); err != nil {
				return nil, 0, err
			}
		}
		best := int64(0)
		es := d.live()
		for _, e := range es {
			best = max(best, int64(e.v.B))
		}
		return es, best, nil
	}
	m.def("mode", func(vm *VM, args []Val, kwn []string) (Val, error) {
		es, best, err := counts(vm, "mode", args, kwn)
		if err != nil {
			return Val{}, err
		}
		for _, e := range es {
			if int64(e.v.B) == best {
				return e.k, nil
			}
		}
		return Val{}, newErr(StatisticsErrorT, "no mode for empty data")
	})
	m.def("multimode", func(vm *VM, args []Val, kwn []string) (Val, error) {
		es, best, err := counts(vm, "multimode", args, kwn)
		if err != nil {
			return Val{}, err
		}
		out := []Val{}
		for _, e := range es {
			if int64(e.v.B) == best {
				out = append(out, e.k)
			}
		}
		return ObjVal(newList(out)), nil
	})
	spread := func(name string, sample, root bool) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			param := "xbar"
			if !sample {
				param = "mu"
			}
			a, err := kwArgs(name, args, kwn, []string{"data", param}, 1)
			if err != nil {
				return Val{}, err
			}
			var sd *statData
			var given *big.Rat
			if a[1].T != tagEmpty && a[1].T != tagNone {
				// A given mean: CPython squares each deviation x - c in
				// the data's own arithmetic, then sums the squares exactly.
				sd, err = vm.statAbout(a[0], a[1])
				if err == nil {
					given = sd.sum()
				}
			} else {
				sd, err = vm.statValues(a[0])
			}
			if err != nil {
				return Val{}, err
			}
			n := int64(len(sd.rats))
			if sample && n < 2 {
				return Val{}, newErr(StatisticsErrorT, "%s requires at least two data points", name)
			}
			if !sample && n < 1 {
				return Val{}, newErr(StatisticsErrorT, "%s requires at least one data point", name)
			}
			if sample {
				n--
			}
			v := given
			if v == nil {
				v = sd.ss()
			}
			v.Quo(v, new(big.Rat).SetInt64(n))
			if !root {
				return sd.convert(vm, v), nil
			}
			if sd.nonFinite != nil {
				return FloatVal(math.Sqrt(*sd.nonFinite)), nil
			}
			if sd.isDecimal && !sd.isFloat {
				return vm.decimalSqrtOfRat(sd.ratioType, v)
			}
			return FloatVal(sqrtOfRat(v)), nil
		})
	}
	spread("variance", true, false)
	spread("stdev", true, true)
	spread("pvariance", false, false)
	spread("pstdev", false, true)
	return vm.statisticsMore(m)
}

// statAbout is the squared deviations (x - c) * (x - c) of data's values,
// each computed as the program would compute it, as statData.
func (vm *VM) statAbout(data, c Val) (*statData, error) {
	items, err := vm.iterate(data)
	if err != nil {
		return nil, err
	}
	squares := make([]Val, len(items))
	for i, x := range items {
		d, err := vm.binop(opSub, x, c)
		if err != nil {
			return nil, err
		}
		if squares[i], err = vm.binop(opMul, d, d); err != nil {
			return nil, err
		}
	}
	return vm.statItems(squares)
}

//go:embed pylib/statistics_more.py
var statisticsMoreSource string

// statisticsMore adds what pylib/statistics_more.py defines to m: the
// weighted and logarithmic averages, quantiles, covariance, correlation,
// linear_regression and NormalDist. It gets StatisticsError, the plain
// fmean and from_samples' mean and standard deviation from here.
func (vm *VM) statisticsMore(m *Module) *Module {
	plainFmean := m.attrs["fmean"]
	helpers := map[string]nativeFn{
		"_statistics_error": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return ObjVal(StatisticsErrorT), nil
		},
		"_fmean": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.call(plainFmean, args, kwn)
		},
		"_mean_stdev": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sd, err := vm.statValues(args[0])
			if err != nil {
				return Val{}, err
			}
			n := int64(len(sd.rats))
			if n < 2 {
				return Val{}, newErr(StatisticsErrorT, "stdev requires at least two data points")
			}
			if sd.nonFinite != nil {
				return tupleOf([]Val{FloatVal(*sd.nonFinite), FloatVal(math.NaN())}), nil
			}
			mean, _ := new(big.Rat).Quo(sd.sum(), new(big.Rat).SetInt64(n)).Float64()
			v := sd.ss()
			v.Quo(v, new(big.Rat).SetInt64(n-1))
			return tupleOf([]Val{FloatVal(mean), FloatVal(sqrtOfRat(v))}), nil
		},
	}
	more := vm.pyModule("statistics", statisticsMoreSource, helpers)
	// (Its __all__ lists the names it adds, not the module's.)
	names, _ := more.attrs["__all__"].O.(*List)
	for _, name := range names.items() {
		n := name.O.(*Str).s
		m.attrs[n] = more.attrs[n]
	}
	return m
}
