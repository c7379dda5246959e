package interp

import (
	"math"
	"math/big"
)

// A subclass of random.Random that defines random() or getrandbits()
// draws through them, as CPython's does: its methods call self.random(),
// and _randbelow (under choice, randrange, randint, shuffle and sample)
// calls getrandbits() or random(), whichever the class's MRO defines
// first (CPython decides that in Random.__init_subclass__), so that a
// subclass over another source of numbers changes every method.

// pyDraw is how an instance of such a subclass draws, fixed when its
// Random.__init__ runs.
type pyDraw struct {
	self         Val
	random, bits bool // the class defines random(), getrandbits()
	belowByFloat bool // _randbelow draws with random()
	// vm is the thread running the current method of the instance.
	vm *VM
}

// randAbort carries an exception raised by the subclass's random() or
// getrandbits() out of the generator's methods, which return no errors,
// to the Random method that called them (pyDraw.run).
type randAbort struct{ err error }

// newPyDraw is the drawing of self, an instance of cls, or nil when cls
// defines neither random() nor getrandbits() below random.Random.
func newPyDraw(self Val, cls, base *Class) *pyDraw {
	d := &pyDraw{self: self}
	decided := false
	for _, c := range cls.mro {
		if c == base {
			break
		}
		_, below := c.own("_randbelow")
		_, bits := c.own("getrandbits")
		_, random := c.own("random")
		d.random = d.random || random
		d.bits = d.bits || bits
		if !decided && (below || bits || random) {
			decided = true
			d.belowByFloat = !below && !bits
		}
	}
	if !d.random && !d.bits {
		return nil
	}
	return d
}

// run is one Random method of the instance, with the exceptions its
// draws raised returned.
func (d *pyDraw) run(vm *VM, method func() (Val, error)) (v Val, err error) {
	outer := d.vm
	d.vm = vm
	defer func() {
		d.vm = outer
		if r := recover(); r != nil {
			a, ok := r.(randAbort)
			if !ok {
				panic(r)
			}
			v, err = Val{}, a.err
		}
	}()
	return method()
}

// call is self.name(args...), its exception thrown as randAbort.
func (d *pyDraw) call(name string, args ...Val) Val {
	m, err := d.vm.getAttr(d.self, name)
	if err == nil {
		var v Val
		if v, err = d.vm.call(m, args, nil); err == nil {
			return v
		}
	}
	panic(randAbort{err})
}

// float is self.random().
func (d *pyDraw) float() float64 {
	f, err := toFloat(d.call("random"))
	if err != nil {
		panic(randAbort{err})
	}
	return f
}

// getrandbits is self.getrandbits(k).
func (d *pyDraw) getrandbits(k int) *big.Int {
	v := d.call("getrandbits", IntVal(int64(k)))
	b, ok := toBig(v)
	if !ok {
		panic(randAbort{newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))})
	}
	return b
}

// belowByRandom is CPython's _randbelow without getrandbits: a float of
// random() scaled to 2**53 values, those past the last whole multiple of
// n drawn again.
func (d *pyDraw) belowByRandom(n *big.Int) *big.Int {
	const size = 1 << 53
	if n.Cmp(big.NewInt(size)) >= 0 {
		// (CPython also warns that random() has too few bits for this.)
		nf, _ := new(big.Float).SetInt(n).Float64()
		r, _ := new(big.Float).SetFloat64(math.Floor(d.float() * nf)).Int(nil)
		return r
	}
	k := n.Int64()
	limit := float64(size-size%k) / size
	r := d.float()
	for r >= limit {
		r = d.float()
	}
	return big.NewInt(int64(math.Floor(r*size)) % k)
}
