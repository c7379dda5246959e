package interp

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// mt is the Mersenne Twister MT19937 that CPython's random module uses, so
// that a seeded program draws the same numbers as under CPython.
type mt struct {
	state [624]uint32
	index int
	// gaussNext is gauss()'s second value of a pair (hasGauss), which
	// seed() forgets as CPython's does.
	gaussNext float64
	hasGauss  bool
	// py, when set, is a subclass's random() and getrandbits()
	// (random_sub.go).
	py *pyDraw
}

func (m *mt) initGenrand(s uint32) {
	m.state[0] = s
	for i := 1; i < 624; i++ {
		m.state[i] = 1812433253*(m.state[i-1]^(m.state[i-1]>>30)) + uint32(i)
	}
	m.index = 624
}

func (m *mt) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := max(624, len(key))
	for ; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
	}
	m.state[0] = 0x80000000
}

func (m *mt) uint32() uint32 {
	if m.index >= 624 {
		for i := 0; i < 624; i++ {
			y := m.state[i]&0x80000000 | m.state[(i+1)%624]&0x7fffffff
			v := m.state[(i+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.state[i] = v
		}
		m.index = 0
	}
	y := m.state[m.index]
	m.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (m *mt) random() float64 {
	if m.py != nil && m.py.random {
		return m.py.float()
	}
	return m.twister()
}

// twister is Random.random(): a float of the generator's own 53 bits,
// whatever a subclass's random() does.
func (m *mt) twister() float64 {
	a, b := m.uint32()>>5, m.uint32()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// seed is random.seed(n) for an int n: the words of |n|, low first.
func (m *mt) seed(n *big.Int) {
	m.hasGauss = false
	a := new(big.Int).Abs(n)
	var key []uint32
	for a.Sign() > 0 {
		key = append(key, uint32(new(big.Int).And(a, big.NewInt(0xffffffff)).Uint64()))
		a.Rsh(a, 32)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.initByArray(key)
}

// getrandbits is random.getrandbits(k).
func (m *mt) getrandbits(k int) *big.Int {
	if m.py != nil && m.py.bits {
		return m.py.getrandbits(k)
	}
	return m.ownBits(k)
}

// ownBits is Random.getrandbits(k): k bits of the generator's own.
func (m *mt) ownBits(k int) *big.Int {
	if k <= 32 {
		return big.NewInt(int64(m.uint32() >> (32 - k)))
	}
	r := new(big.Int)
	for shift := 0; k > 0; shift += 32 {
		w := m.uint32()
		if k < 32 {
			w >>= 32 - k
		}
		r.Or(r, new(big.Int).Lsh(big.NewInt(int64(w)), uint(shift)))
		k -= 32
	}
	return r
}

// below is random._randbelow(n) for n > 0.
func (m *mt) below(n *big.Int) *big.Int {
	if m.py != nil && m.py.belowByFloat {
		return m.py.belowByRandom(n)
	}
	k := n.BitLen()
	r := m.getrandbits(k)
	for r.Cmp(n) >= 0 {
		r = m.getrandbits(k)
	}
	return r
}

// smallRange is randrange(start[, stop]) of ints whose range has fewer
// than 2**32 values, drawn as below draws them (the same numbers, from
// the same words of the generator) without a big.Int each; false leaves
// every other case, errors included, to randrange.
func (m *mt) smallRange(args []Val) (int64, bool) {
	if m.py != nil {
		return 0, false
	}
	var lo, hi int64
	switch len(args) {
	case 1:
		if args[0].T != tagInt {
			return 0, false
		}
		hi = int64(args[0].B)
	case 2:
		if args[0].T != tagInt || args[1].T != tagInt {
			return 0, false
		}
		lo, hi = int64(args[0].B), int64(args[1].B)
		if lo < -1<<62 || lo > 1<<62 || hi < -1<<62 || hi > 1<<62 {
			return 0, false
		}
	default:
		return 0, false
	}
	width := hi - lo
	if width <= 0 || width >= 1<<32 {
		return 0, false
	}
	return lo + m.belowSmall(width), true
}

// belowSmall is below(n) for 0 < n < 2**32, in uint32 arithmetic.
func (m *mt) belowSmall(n int64) int64 {
	k := bits.Len64(uint64(n))
	r := int64(m.uint32() >> (32 - k))
	for r >= n {
		r = int64(m.uint32() >> (32 - k))
	}
	return r
}

func (m *mt) belowInt(n int) int {
	if n > 0 && n < 1<<32 && m.py == nil {
		return int(m.belowSmall(int64(n)))
	}
	return int(m.below(big.NewInt(int64(n))).Int64())
}

// randomFuncs are the random module's functions drawing from gen: the
// module's own generator, or a random.Random instance's.
func randomFuncs(gen *mt) map[string]nativeFn {
	fns := map[string]nativeFn{}
	def := func(name string, f func(vm *VM, args []Val) (Val, error)) {
		fns[name] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s() takes no keyword arguments", name)
			}
			return f(vm, args)
		}
	}
	// defKw is def for the methods CPython writes in Python, which take
	// their parameters by name too (randint(a=1, b=6)); a parameter
	// left out before one given by name arrives as None.
	defKw := func(name string, names []string, f func(vm *VM, args []Val) (Val, error)) {
		fns[name] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(kwn) == 0 {
				return f(vm, args)
			}
			a, err := kwArgs("Random."+name, args, kwn, names, 0)
			if err != nil {
				return Val{}, err
			}
			for len(a) > 0 && a[len(a)-1].T == tagEmpty {
				a = a[:len(a)-1]
			}
			for i := range a {
				if a[i].T == tagEmpty {
					a[i] = NoneVal
				}
			}
			return f(vm, a)
		}
	}
	intArg := func(v Val) (*big.Int, error) {
		// A float, even an integral one, is refused since 3.12.
		if r, ok, err := instInt(v, "__index__"); ok {
			if err != nil {
				return nil, err
			}
			v = r
		}
		if b, ok := toBig(v); ok {
			return b, nil
		}
		return nil, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
	}
	fns["seed"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("seed", args, kwn, []string{"a", "version"}, 0)
		if err != nil {
			return Val{}, err
		}
		return NoneVal, gen.seedFrom(vm, a[0], a[1])
	}
	def("random", func(vm *VM, args []Val) (Val, error) { return FloatVal(gen.twister()), nil })
	defKw("uniform", []string{"a", "b"}, func(vm *VM, args []Val) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "uniform() takes 2 arguments")
		}
		a, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		b, err := toFloat(args[1])
		if err != nil {
			return Val{}, err
		}
		return FloatVal(a + float64((b-a)*gen.random())), nil // (no fused multiply-add)
	})
	def("getrandbits", func(vm *VM, args []Val) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "getrandbits() takes exactly one argument (%d given)", len(args))
		}
		k, err := vm.ssizeArg(args[0])
		if err != nil {
			return Val{}, err
		}
		if k < 0 {
			return Val{}, newErr(ValueError, "number of bits must be non-negative")
		}
		return normBig(gen.ownBits(int(k))), nil
	})
	randrange := func(args []Val) (Val, error) {
		if r, ok := gen.smallRange(args); ok {
			return IntVal(r), nil
		}
		if len(args) < 1 || len(args) > 3 {
			return Val{}, newErr(TypeError, "randrange expected 1 to 3 arguments, got %d", len(args))
		}
		if len(args) >= 2 && args[1].T == tagNone {
			// stop=None is the one-argument form, which takes no step.
			if len(args) == 3 && (args[2].T != tagInt || int64(args[2].B) != 1) {
				return Val{}, newErr(TypeError, "Missing a non-None stop argument")
			}
			args = args[:1]
		}
		start, err := intArg(args[0])
		if err != nil {
			return Val{}, err
		}
		if len(args) == 1 {
			if start.Sign() <= 0 {
				return Val{}, newErr(ValueError, "empty range for randrange()")
			}
			return normBig(gen.below(start)), nil
		}
		stop, err := intArg(args[1])
		if err != nil {
			return Val{}, err
		}
		step := big.NewInt(1)
		if len(args) == 3 {
			if step, err = intArg(args[2]); err != nil {
				return Val{}, err
			}
		}
		width := new(big.Int).Sub(stop, start)
		if step.Cmp(big.NewInt(1)) == 0 {
			if width.Sign() <= 0 {
				return Val{}, newErr(ValueError, "empty range in randrange(%s, %s)", start, stop)
			}
			return normBig(new(big.Int).Add(start, gen.below(width))), nil
		}
		if step.Sign() == 0 {
			return Val{}, newErr(ValueError, "zero step for randrange()")
		}
		n := new(big.Int)
		if step.Sign() > 0 {
			n.Add(width, step).Sub(n, big.NewInt(1)).Quo(n, step)
		} else {
			n.Add(width, step).Add(n, big.NewInt(1)).Quo(n, step)
		}
		if n.Sign() <= 0 {
			return Val{}, newErr(ValueError, "empty range in randrange(%s, %s, %s)", start, stop, step)
		}
		r := new(big.Int).Mul(step, gen.below(n))
		return normBig(r.Add(r, start)), nil
	}
	defKw("randrange", []string{"start", "stop", "step"}, func(vm *VM, args []Val) (Val, error) { return randrange(args) })
	defKw("randint", []string{"a", "b"}, func(vm *VM, args []Val) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "randint() takes 2 positional arguments but %d were given", len(args))
		}
		if b := args[1]; b.T == tagInt && int64(b.B) < 1<<62 {
			if r, ok := gen.smallRange([]Val{args[0], IntVal(int64(b.B) + 1)}); ok {
				return IntVal(r), nil
			}
		}
		b, err := intArg(args[1])
		if err != nil {
			return Val{}, err
		}
		return randrange([]Val{args[0], normBig(new(big.Int).Add(b, big.NewInt(1)))})
	})
	defKw("choice", []string{"seq"}, func(vm *VM, args []Val) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "choice() takes 1 argument")
		}
		n, err := vm.length(args[0])
		if err != nil {
			return Val{}, err
		}
		if n == 0 {
			return Val{}, newErr(IndexError, "Cannot choose from an empty sequence")
		}
		return vm.getItem(args[0], IntVal(int64(gen.belowInt(n))))
	})
	defKw("shuffle", []string{"x"}, func(vm *VM, args []Val) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "Random.shuffle() missing 1 required positional argument: 'x'")
		}
		l, ok := args[0].O.(*List)
		if len(args) != 1 || !ok {
			return Val{}, newErr(TypeError, "shuffle() needs a list")
		}
		items := l.items()
		for i := len(items) - 1; i > 0; i-- {
			j := gen.belowInt(i + 1)
			items[i], items[j] = items[j], items[i]
		}
		l.setItems(items)
		return NoneVal, nil
	})
	// choices(population, weights=None, *, cum_weights=None, k=1), by
	// CPython's algorithm (a bisection of the cumulative weights), so a
	// seeded run picks the same.
	fns["choices"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("choices", args, kwn, []string{"population", "weights", "cum_weights", "k"}, 1)
		if err != nil {
			return Val{}, err
		}
		pop, err := vm.iterate(a[0])
		if err != nil {
			return Val{}, err
		}
		k := 1
		if a[3].T != tagEmpty {
			n, err := vm.ssizeArg(a[3]) // _repeat(None, k)
			if err != nil {
				return Val{}, err
			}
			k = int(n)
		}
		n := len(pop)
		out := make([]Val, 0, max(k, 0))
		weights, cum := a[1], a[2]
		if (weights.T == tagEmpty || weights.T == tagNone) && (cum.T == tagEmpty || cum.T == tagNone) {
			if n == 0 && k > 0 {
				return Val{}, newErr(IndexError, "list index out of range")
			}
			for i := 0; i < k; i++ {
				out = append(out, pop[int(math.Floor(gen.random()*float64(n)))])
			}
			return ObjVal(newList(out)), nil
		}
		if weights.T != tagEmpty && weights.T != tagNone && cum.T != tagEmpty && cum.T != tagNone {
			return Val{}, newErr(TypeError, "Cannot specify both weights and cumulative weights")
		}
		var cw []float64
		if weights.T != tagEmpty && weights.T != tagNone {
			ws, err := vm.iterate(weights)
			if err != nil {
				return Val{}, err
			}
			acc := 0.0
			for _, w := range ws {
				f, err := toFloat(w)
				if err != nil {
					return Val{}, err
				}
				acc += f
				cw = append(cw, acc)
			}
		} else {
			ws, err := vm.iterate(cum)
			if err != nil {
				return Val{}, err
			}
			for _, w := range ws {
				f, err := toFloat(w)
				if err != nil {
					return Val{}, err
				}
				cw = append(cw, f)
			}
		}
		if len(cw) != n {
			return Val{}, newErr(ValueError, "The number of weights does not match the population")
		}
		if n == 0 {
			return Val{}, newErr(IndexError, "list index out of range")
		}
		total := cw[n-1]
		if total <= 0 {
			return Val{}, newErr(ValueError, "Total of weights must be greater than zero")
		}
		if math.IsInf(total, 0) || math.IsNaN(total) {
			return Val{}, newErr(ValueError, "Total of weights must be finite")
		}
		for i := 0; i < k; i++ {
			x := gen.random() * total
			lo, hi := 0, n-1 // bisect_right(cw, x, 0, n-1)
			for lo < hi {
				mid := (lo + hi) / 2
				if x < cw[mid] {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			out = append(out, pop[lo])
		}
		return ObjVal(newList(out)), nil
	}
	// gauss(mu=0.0, sigma=1.0): CPython's Box-Muller pairs, with the
	// correctly rounded log, sqrt, cos and sin CPython gets from glibc.
	fns["gauss"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("gauss", args, kwn, []string{"mu", "sigma"}, 0)
		if err != nil {
			return Val{}, err
		}
		mu, sigma := 0.0, 1.0
		if a[0].T != tagEmpty {
			if mu, err = toFloat(a[0]); err != nil {
				return Val{}, err
			}
		}
		if a[1].T != tagEmpty {
			if sigma, err = toFloat(a[1]); err != nil {
				return Val{}, err
			}
		}
		z := gen.gaussNext
		if !gen.hasGauss {
			x2pi := gen.random() * (2 * math.Pi)
			g2rad := math.Sqrt(-2.0 * crmath.Log(1.0-gen.random()))
			z = crmath.Cos(x2pi) * g2rad
			gen.gaussNext, gen.hasGauss = crmath.Sin(x2pi)*g2rad, true
		} else {
			gen.hasGauss = false
		}
		// float64(): no FMA (arm64 fuses; CPython's C build does not).
		return FloatVal(mu + float64(z*sigma)), nil
	}
	// sample(population, k, *, counts=None); counts repeat each element
	// (CPython samples indices of the repeated population, the same draws).
	fns["sample"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args)-len(kwn) > 2 {
			return Val{}, newErr(TypeError, "Random.sample() takes 3 positional arguments but %d were given", len(args)-len(kwn)+1)
		}
		a, err := kwArgs("sample", args, kwn, []string{"population", "k", "counts"}, 0)
		if err != nil {
			return Val{}, err
		}
		for i, n := range []string{"population", "k"} {
			if a[i].T == tagEmpty {
				return Val{}, newErr(TypeError, "Random.sample() missing 1 required positional argument: '%s'", n)
			}
		}
		pop, err := vm.iterate(a[0])
		if err != nil {
			return Val{}, err
		}
		pop = append([]Val(nil), pop...)
		if c := a[2]; c.T != tagEmpty && c.T != tagNone {
			counts, err := vm.iterate(c)
			if err != nil {
				return Val{}, err
			}
			if len(counts) != len(pop) {
				return Val{}, newErr(ValueError, "The number of counts does not match the population")
			}
			var rep []Val
			for i, cv := range counts {
				if cv.T != tagInt {
					return Val{}, newErr(TypeError, "Counts must be integers")
				}
				for j := int64(0); j < int64(cv.B); j++ {
					rep = append(rep, pop[i])
				}
			}
			if len(rep) == 0 {
				return Val{}, newErr(ValueError, "Total of counts must be greater than zero")
			}
			pop = rep
		}
		n := len(pop)
		k64, ok, err := vm.asIndex(a[1], math.MaxInt64/2)
		if err != nil {
			return Val{}, err
		}
		if !ok {
			// random.py makes [None] * k after comparing k with n.
			return Val{}, newErr(TypeError, "can't multiply sequence by non-int of type '%s'", typeName(a[1]))
		}
		k := int(k64)
		if k < 0 || k > n {
			return Val{}, newErr(ValueError, "Sample larger than population or is negative")
		}
		// CPython's pool method (small k) or set method; the pool method
		// is what it uses when n <= setsize.
		setsize := 21
		if k > 5 {
			setsize += 1 << (2 * uint(ceilLog4(3*k)))
		}
		out := make([]Val, k)
		if n <= setsize {
			for i := 0; i < k; i++ {
				j := gen.belowInt(n - i)
				out[i] = pop[j]
				pop[j] = pop[n-i-1]
			}
		} else {
			seen := map[int]bool{}
			for i := 0; i < k; i++ {
				j := gen.belowInt(n)
				for seen[j] {
					j = gen.belowInt(n)
				}
				seen[j] = true
				out[i] = pop[j]
			}
		}
		return ObjVal(newList(out)), nil
	}
	gen.distributions(fns)
	return fns
}

// ceilLog4 is ceil(log(x, 4)) as CPython's sample computes it.
func ceilLog4(x int) int {
	return int(math.Ceil(math.Log(float64(x)) / math.Log(4)))
}
