package interp

// The rest of the random module: seeds of every kind CPython takes,
// getstate/setstate, the distributions by CPython's formulas (so a seeded
// program draws the same floats), and random.Random instances, each with a
// generator of its own.

import (
	"crypto/sha512"
	"math"
	"math/big"
	"time"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

func randomModule(vm *VM) *Module {
	gen := &mt{}
	gen.seed(big.NewInt(time.Now().UnixNano()))
	m := &Module{name: "random", attrs: map[string]Val{}}
	for name, f := range randomFuncs(gen) {
		m.attrs[name] = ObjVal(&Builtin{name: name, fn: f})
	}
	if cls, err := vm.randomClass(); err == nil {
		m.attrs["Random"] = ObjVal(cls)
	}
	return m
}

// randState is what a Random instance keeps in its _gen attribute: its
// generator and the functions drawing from it.
type randState struct {
	g   *mt
	fns map[string]nativeFn
}

func (*randState) typeName() string { return "_random.Random" }

// randomClass is random.Random: the module's functions as methods over an
// instance's own generator.
func (vm *VM) randomClass() (*Class, error) {
	var random *Class // (set once made: the methods know their class)
	methods := map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs("Random", args[1:], kwn, []string{"x"}, 0)
			if err != nil {
				return Val{}, err
			}
			g := &mt{}
			if err := g.seedFrom(vm, a[0], Val{}); err != nil {
				return Val{}, err
			}
			if inst, ok := args[0].O.(*Instance); ok && inst.cls != random {
				g.py = newPyDraw(args[0], inst.cls, random)
			}
			return NoneVal, vm.objectSetAttr(args[0], "_gen", ObjVal(&randState{g: g, fns: randomFuncs(g)}))
		},
	}
	for name := range randomFuncs(&mt{}) {
		name := name
		methods[name] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			v, err := vm.getAttr(args[0], "_gen")
			if err != nil {
				return Val{}, err
			}
			st, ok := v.O.(*randState)
			if !ok {
				return Val{}, newErr(TypeError, "descriptor '%s' requires a '_random.Random' object", name)
			}
			if st.g.py != nil {
				return st.g.py.run(vm, func() (Val, error) { return st.fns[name](vm, args[1:], kwn) })
			}
			return st.fns[name](vm, args[1:], kwn)
		}
	}
	cls, err := vm.nativeClass("Random", nil, methods)
	random = cls
	return cls, err
}

// seedFrom is Random.seed(a, version=2): None draws from the clock; an int
// seeds by its absolute value; a str, bytes or bytearray by its bytes
// followed by their SHA-512 (version 2); a float by its hash.
func (m *mt) seedFrom(vm *VM, a, version Val) error {
	m.hasGauss = false
	switch {
	case a.T == tagEmpty || a.T == tagNone:
		m.seed(big.NewInt(time.Now().UnixNano()))
		return nil
	case a.T == tagFloat:
		h := floatHash(a.F())
		m.seed(big.NewInt(h))
		return nil
	}
	if b, ok := toBig(a); ok {
		m.seed(b)
		return nil
	}
	var data []byte
	switch x := a.O.(type) {
	case *Str:
		data = []byte(x.s)
	case *Bytes:
		data = x.b
	default:
		return newErr(TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	if version.T == tagInt && version.I() == 1 {
		return newErr(ValueError, "random.seed() version 1 is not supported")
	}
	sum := sha512.Sum512(data)
	m.seed(new(big.Int).SetBytes(append(append([]byte(nil), data...), sum[:]...)))
	return nil
}

// getstate is (3, the 624 state words and the index, gauss's pending
// value or None), as CPython's Random.getstate.
func (m *mt) getstate() Val {
	words := make([]Val, 625)
	for i, w := range m.state {
		words[i] = IntVal(int64(w))
	}
	words[624] = IntVal(int64(m.index))
	g := NoneVal
	if m.hasGauss {
		g = FloatVal(m.gaussNext)
	}
	return tupleOf([]Val{IntVal(3), tupleOf(words), g})
}

func (m *mt) setstate(vm *VM, st Val) error {
	t, ok := st.O.(*Tuple)
	if !ok || st.T != tagObject {
		return newErr(TypeError, "state vector must be a tuple")
	}
	if len(t.items) != 3 {
		return newErr(ValueError, "not enough values to unpack (expected 3, got %d)", len(t.items))
	}
	// Version 2 (Python 2.x's pickles) words the state the same way.
	if v := t.items[0]; v.T != tagInt || (v.I() != 3 && v.I() != 2) {
		return newErr(ValueError, "state with version %s passed to Random.setstate() of version 3", vm.repr(v))
	}
	words, ok := t.items[1].O.(*Tuple)
	if !ok || t.items[1].T != tagObject {
		return newErr(TypeError, "state vector must be a tuple")
	}
	if len(words.items) != 625 {
		return newErr(ValueError, "state vector is the wrong size")
	}
	var next mt
	for i, w := range words.items[:624] {
		b, ok := toBig(w)
		if !ok {
			return newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(w))
		}
		if b.Sign() < 0 || b.BitLen() > 32 {
			return newErr(OverflowError, "Python int too large to convert to C unsigned long")
		}
		next.state[i] = uint32(b.Uint64())
	}
	idx, ok := toBig(words.items[624])
	if !ok || !idx.IsInt64() || idx.Int64() < 0 || idx.Int64() > 624 {
		return newErr(ValueError, "invalid state")
	}
	next.index = int(idx.Int64())
	switch g := t.items[2]; g.T {
	case tagNone:
	case tagFloat:
		next.gaussNext, next.hasGauss = g.F(), true
	default:
		f, err := toFloat(g)
		if err != nil {
			return err
		}
		next.gaussNext, next.hasGauss = f, true
	}
	*m = next
	return nil
}

// distributions adds the functions of gen's distributions to fns.
func (gen *mt) distributions(fns map[string]nativeFn) {
	// floats reads the parameters names (all optional past required),
	// with defs for those not given.
	floats := func(fn string, args []Val, kwn []string, names []string, required int, defs ...float64) ([]float64, error) {
		a, err := kwArgs(fn, args, kwn, names, 0)
		if err != nil {
			return nil, err
		}
		out := make([]float64, len(names))
		for i, v := range a {
			if v.T == tagEmpty {
				if i < required {
					return nil, newErr(TypeError, "Random.%s() missing 1 required positional argument: '%s'", fn, names[i])
				}
				out[i] = defs[i-required]
				continue
			}
			if out[i], err = toFloat(v); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	div := func(a, b float64) (float64, error) {
		if b == 0 {
			return 0, newErr(ZeroDivisionError, "division by zero")
		}
		return a / b, nil
	}
	fns["getstate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("getstate", args, kwn, 0); err != nil {
			return Val{}, err
		}
		return gen.getstate(), nil
	}
	fns["setstate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("setstate", args, kwn, 1); err != nil {
			return Val{}, err
		}
		return NoneVal, gen.setstate(vm, args[0])
	}
	fns["randbytes"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("randbytes", args, kwn, 1); err != nil {
			return Val{}, err
		}
		n, ok := toInt64Arg(args[0])
		if !ok {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if n < 0 {
			return Val{}, newErr(ValueError, "number of bits must be non-negative")
		}
		if gen.py != nil && gen.py.bits {
			r := gen.getrandbits(int(8 * n))
			if r.Sign() < 0 {
				return Val{}, newErr(OverflowError, "can't convert negative int to unsigned")
			}
			b := r.Bytes()
			if int64(len(b)) > n {
				return Val{}, newErr(OverflowError, "int too big to convert")
			}
			out := make([]byte, n)
			for i, c := range b {
				out[len(b)-1-i] = c // (little-endian)
			}
			return bytesVal(out), nil
		}
		// getrandbits(8n).to_bytes(n, 'little'): 32-bit words, low first.
		out := make([]byte, 0, n+4)
		for int64(len(out)) < n {
			w := gen.uint32()
			if rest := n - int64(len(out)); rest < 4 {
				w >>= 32 - 8*uint(rest)
			}
			out = append(out, byte(w), byte(w>>8), byte(w>>16), byte(w>>24))
		}
		return ObjVal(&Bytes{b: out[:n]}), nil
	}
	fns["normalvariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("normalvariate", args, kwn, []string{"mu", "sigma"}, 0, 0, 1)
		if err != nil {
			return Val{}, err
		}
		return FloatVal(gen.normal(p[0], p[1])), nil
	}
	fns["lognormvariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("lognormvariate", args, kwn, []string{"mu", "sigma"}, 2)
		if err != nil {
			return Val{}, err
		}
		return FloatVal(crmath.Exp(gen.normal(p[0], p[1]))), nil
	}
	fns["expovariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("expovariate", args, kwn, []string{"lambd"}, 0, 1)
		if err != nil {
			return Val{}, err
		}
		r, err := div(-crmath.Log(1.0-gen.random()), p[0])
		return FloatVal(r), err
	}
	fns["triangular"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("triangular", args, kwn, []string{"low", "high", "mode"}, 0)
		if err != nil {
			return Val{}, err
		}
		mode := a[2]
		if mode.T == tagNone {
			mode = Val{}
		}
		a[2] = Val{}
		p, err := floats("triangular", a[:2], nil, []string{"low", "high"}, 0, 0, 1)
		if err != nil {
			return Val{}, err
		}
		low, high := p[0], p[1]
		u := gen.random()
		c := 0.5
		if mode.T != tagEmpty {
			mf, err := toFloat(mode)
			if err != nil {
				return Val{}, err
			}
			if high == low {
				return FloatVal(low), nil
			}
			c = (mf - low) / (high - low)
		}
		if u > c {
			u, c = 1.0-u, 1.0-c
			low, high = high, low
		}
		return FloatVal(low + float64((high-low)*math.Sqrt(u*c))), nil
	}
	fns["vonmisesvariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("vonmisesvariate", args, kwn, []string{"mu", "kappa"}, 2)
		if err != nil {
			return Val{}, err
		}
		mu, kappa := p[0], p[1]
		if kappa <= 1e-6 {
			return FloatVal(2 * math.Pi * gen.random()), nil
		}
		s := 0.5 / kappa
		r := s + math.Sqrt(1.0+float64(s*s))
		var z float64
		for {
			u1 := gen.random()
			z = crmath.Cos(math.Pi * u1)
			d := z / (r + z)
			u2 := gen.random()
			if u2 < 1.0-float64(d*d) || u2 <= (1.0-d)*crmath.Exp(d) {
				break
			}
		}
		q := 1.0 / r
		f := (q + z) / (1.0 + float64(q*z))
		if gen.random() > 0.5 {
			return FloatVal(floatMod(mu+crmath.Acos(f), 2*math.Pi)), nil
		}
		return FloatVal(floatMod(mu-crmath.Acos(f), 2*math.Pi)), nil
	}
	fns["gammavariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("gammavariate", args, kwn, []string{"alpha", "beta"}, 2)
		if err != nil {
			return Val{}, err
		}
		g, err := gen.gamma(p[0], p[1])
		return FloatVal(g), err
	}
	fns["betavariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("betavariate", args, kwn, []string{"alpha", "beta"}, 2)
		if err != nil {
			return Val{}, err
		}
		if !(p[0] > 0 && p[1] > 0) {
			return Val{}, newErr(ValueError, "betavariate: alpha and beta must be > 0.0")
		}
		y, err := gen.gamma(p[0], 1.0)
		if err != nil || y == 0 {
			return FloatVal(0), err
		}
		y2, err := gen.gamma(p[1], 1.0)
		return FloatVal(y / (y + y2)), err
	}
	fns["paretovariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("paretovariate", args, kwn, []string{"alpha"}, 1)
		if err != nil {
			return Val{}, err
		}
		u := 1.0 - gen.random()
		e, err := div(-1.0, p[0])
		if err != nil {
			return Val{}, err
		}
		return FloatVal(powFloat(u, e)), nil
	}
	fns["binomialvariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("binomialvariate", args, kwn, []string{"n", "p"}, 0)
		if err != nil {
			return Val{}, err
		}
		n, p := int64(1), 0.5
		if a[0].T != tagEmpty {
			if n, err = vm.index(a[0], "binomialvariate"); err != nil {
				return Val{}, err
			}
		}
		if a[1].T != tagEmpty {
			if p, err = toFloat(a[1]); err != nil {
				return Val{}, err
			}
		}
		return gen.binomial(n, p)
	}
	fns["weibullvariate"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		p, err := floats("weibullvariate", args, kwn, []string{"alpha", "beta"}, 2)
		if err != nil {
			return Val{}, err
		}
		u := 1.0 - gen.random()
		e, err := div(1.0, p[1])
		if err != nil {
			return Val{}, err
		}
		return FloatVal(p[0] * powFloat(-crmath.Log(u), e)), nil
	}
}

// normal is normalvariate: Kinderman and Monahan's ratio method, as
// CPython draws it.
func (gen *mt) normal(mu, sigma float64) float64 {
	magic := 4 * crmath.Exp(-0.5) / math.Sqrt(2.0)
	var z float64
	for {
		u1 := gen.random()
		u2 := 1.0 - gen.random()
		z = magic * (u1 - 0.5) / u2
		if z*z/4.0 <= -crmath.Log(u2) {
			break
		}
	}
	return mu + float64(z*sigma)
}

// gamma is gammavariate(alpha, beta): Cheng's method above 1, an
// exponential at 1, Kennedy and Gentle's algorithm GS below, as CPython.
func (gen *mt) gamma(alpha, beta float64) (float64, error) {
	if alpha <= 0.0 || beta <= 0.0 {
		return 0, newErr(ValueError, "gammavariate: alpha and beta must be > 0.0")
	}
	switch {
	case alpha > 1.0:
		ainv := math.Sqrt(2.0*alpha - 1.0)
		bbb := alpha - crmath.Log(4.0)
		ccc := alpha + ainv
		sg := 1.0 + crmath.Log(4.5)
		for {
			u1 := gen.random()
			if !(1e-7 < u1 && u1 < 0.9999999) {
				continue
			}
			u2 := 1.0 - gen.random()
			v := crmath.Log(u1/(1.0-u1)) / ainv
			x := alpha * crmath.Exp(v)
			z := u1 * u1 * u2
			r := bbb + float64(ccc*v) - x
			if r+sg-float64(4.5*z) >= 0.0 || r >= crmath.Log(z) {
				return x * beta, nil
			}
		}
	case alpha == 1.0:
		return -crmath.Log(1.0-gen.random()) * beta, nil
	}
	var x float64
	for {
		u := gen.random()
		b := (math.E + alpha) / math.E
		p := float64(b * u) // b - p below must not fuse (arm64)
		if p <= 1.0 {
			x = powFloat(p, 1.0/alpha)
		} else {
			x = -crmath.Log((b - p) / alpha)
		}
		u1 := gen.random()
		if p > 1.0 {
			if u1 <= powFloat(x, alpha-1.0) {
				break
			}
		} else if u1 <= crmath.Exp(-x) {
			break
		}
	}
	return x * beta, nil
}

// binomial is binomialvariate (3.12), drawing as CPython's does: the
// geometric method when n*p < 10, else Hörmann's BTRS (transformed
// rejection with a squeeze).
func (gen *mt) binomial(n int64, p float64) (Val, error) {
	if n < 0 {
		return Val{}, newErr(ValueError, "n must be non-negative")
	}
	if p <= 0.0 || p >= 1.0 {
		switch {
		case p == 0.0:
			return IntVal(0), nil
		case p == 1.0:
			return IntVal(n), nil
		}
		return Val{}, newErr(ValueError, "p must be in the range 0.0 <= p <= 1.0")
	}
	if n == 1 {
		if gen.random() < p {
			return IntVal(1), nil
		}
		return IntVal(0), nil
	}
	if p > 0.5 {
		k, err := gen.binomial(n, 1.0-p)
		if err != nil {
			return Val{}, err
		}
		return IntVal(n - k.I()), nil
	}
	if float64(n)*p < 10.0 {
		var x, y int64
		c := crmath.Log2(1.0 - p)
		if c == 0 {
			return IntVal(x), nil
		}
		for {
			y += int64(math.Floor(crmath.Log2(gen.random())/c)) + 1
			if y > n {
				return IntVal(x), nil
			}
			x++
		}
	}
	nf := float64(n)
	spq := math.Sqrt(nf * p * (1.0 - p))
	b := 1.15 + float64(2.53*spq)
	a := -0.0873 + float64(0.0248*b) + float64(0.01*p)
	c := float64(nf*p) + 0.5
	vr := 0.92 - 4.2/b
	setup := false
	var alpha, lpq, m, h float64
	for {
		u := gen.random()
		u -= 0.5
		us := 0.5 - math.Abs(u)
		k := math.Floor(float64((2.0*a/us+b)*u) + c)
		if k < 0 || k > nf {
			continue
		}
		v := gen.random()
		if us >= 0.07 && v <= vr {
			return IntVal(int64(k)), nil
		}
		if !setup {
			alpha = (2.83 + 5.1/b) * spq
			lpq = crmath.Log(p / (1.0 - p))
			m = math.Floor((nf + 1) * p)
			h = crmath.Lgamma(m+1) + crmath.Lgamma(nf-m+1)
			setup = true
		}
		v *= alpha / (a/(us*us) + b)
		if crmath.Log(v) <= h-crmath.Lgamma(k+1)-crmath.Lgamma(nf-k+1)+float64((k-m)*lpq) {
			return IntVal(int64(k)), nil
		}
	}
}
