package interp

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// Complex is a complex number. Its arithmetic follows CPython's
// complexobject.c: Smith's division, powers by squaring for integral
// exponents up to 100, 3.14's mixed-mode rules (a real operand is not
// widened to complex, so 1j * inf and signed zeros come out as C99
// says), and repr without a trailing ".0".
type Complex struct{ re, im float64 }

func (*Complex) typeName() string { return "complex" }

func complexVal(re, im float64) Val { return ObjVal(&Complex{re, im}) }

// realOf converts an int, bool, big int or float operand to float64; ok
// is false for anything else.
func realOf(v Val) (float64, bool, error) {
	switch v.T {
	case tagFloat:
		return v.F(), true, nil
	case tagInt, tagBool:
		return float64(int64(v.B)), true, nil
	}
	if b, ok := v.O.(*BigInt); ok {
		f, _ := new(big.Float).SetInt(&b.v).Float64()
		if math.IsInf(f, 0) {
			return 0, true, newErr(OverflowError, "int too large to convert to float")
		}
		return f, true, nil
	}
	return 0, false, nil
}

// cProd is _Py_c_prod. float64() around each product keeps Go from fusing
// it into an FMA (arm64 does): CPython's C build does not fuse.
func cProd(a, b Complex) Complex {
	return Complex{float64(a.re*b.re) - float64(a.im*b.im), float64(a.re*b.im) + float64(a.im*b.re)}
}

// cQuot is _Py_c_quot; ok is false for a zero divisor.
func cQuot(a, b Complex) (Complex, bool) {
	absBr, absBi := math.Abs(b.re), math.Abs(b.im)
	switch {
	case absBr >= absBi:
		if absBr == 0 {
			return Complex{}, false
		}
		ratio := b.im / b.re
		denom := b.re + float64(b.im*ratio)
		return Complex{(a.re + float64(a.im*ratio)) / denom, (a.im - float64(a.re*ratio)) / denom}, true
	case absBi >= absBr:
		ratio := b.re / b.im
		denom := float64(b.re*ratio) + b.im
		return Complex{(float64(a.re*ratio) + a.im) / denom, (float64(a.im*ratio) - a.re) / denom}, true
	}
	return Complex{math.NaN(), math.NaN()}, true // NaNs in b
}

// cPow is _Py_c_pow; ok is false for zero to a negative or complex power.
func cPow(a, b Complex) (Complex, bool) {
	switch {
	case b.re == 0 && b.im == 0:
		return Complex{1, 0}, true
	case a.re == 0 && a.im == 0:
		return Complex{}, b.im == 0 && b.re >= 0
	}
	vabs := crmath.CHypot(a.re, a.im)
	l := crmath.Pow(vabs, b.re)
	at := crmath.Atan2(a.im, a.re)
	phase := at * b.re
	if b.im != 0 {
		l /= crmath.Exp(at * b.im)
		phase += float64(b.im * crmath.Log(vabs))
	}
	return Complex{l * crmath.Cos(phase), l * crmath.Sin(phase)}, true
}

func cPowi(x Complex, n int) (Complex, bool) {
	neg := n < 0
	if neg {
		n = -n
	}
	r, p := Complex{1, 0}, x
	for mask := 1; n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = cProd(r, p)
		}
		p = cProd(p, p)
	}
	if neg {
		return cQuot(Complex{1, 0}, r)
	}
	return r, true
}

// complexBinop is a binary operator with a complex operand; found is
// false when the other operand is no number (NotImplemented).
func complexBinop(op string, a, b Val) (Val, bool, error) {
	x, xc := a.O.(*Complex)
	y, yc := b.O.(*Complex)
	var xr, yr float64
	if !xc {
		var ok bool
		var err error
		if xr, ok, err = realOf(a); !ok || err != nil {
			return Val{}, ok, err
		}
	}
	if !yc {
		var ok bool
		var err error
		if yr, ok, err = realOf(b); !ok || err != nil {
			return Val{}, ok, err
		}
	}
	cx, cy := Complex{xr, 0}, Complex{yr, 0}
	if xc {
		cx = *x
	}
	if yc {
		cy = *y
	}
	var r Complex
	switch op {
	case "+":
		switch {
		case !xc:
			r = Complex{xr + cy.re, cy.im}
		case !yc:
			r = Complex{cx.re + yr, cx.im}
		default:
			r = Complex{cx.re + cy.re, cx.im + cy.im}
		}
	case "-":
		switch {
		case !xc:
			r = Complex{xr - cy.re, -cy.im}
		case !yc:
			r = Complex{cx.re - yr, cx.im}
		default:
			r = Complex{cx.re - cy.re, cx.im - cy.im}
		}
	case "*":
		switch {
		case !xc:
			r = Complex{xr * cy.re, xr * cy.im}
		case !yc:
			r = Complex{cx.re * yr, cx.im * yr}
		default:
			r = cProd(cx, cy)
		}
	case "/":
		if !yc {
			if yr == 0 {
				return Val{}, true, newErr(ZeroDivisionError, "division by zero")
			}
			r = Complex{cx.re / yr, cx.im / yr}
			break
		}
		var ok bool
		if r, ok = cQuot(cx, cy); !ok {
			return Val{}, true, newErr(ZeroDivisionError, "division by zero")
		}
	case "**":
		var ok bool
		if cy.im == 0 && cy.re == math.Floor(cy.re) && math.Abs(cy.re) <= 100 {
			r, ok = cPowi(cx, int(cy.re))
		} else {
			r, ok = cPow(cx, cy)
		}
		if !ok {
			return Val{}, true, newErr(ZeroDivisionError, "zero to a negative or complex power")
		}
		if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
			if !math.IsInf(cx.re, 0) && !math.IsInf(cx.im, 0) && !math.IsInf(cy.re, 0) && !math.IsInf(cy.im, 0) {
				return Val{}, true, newErr(OverflowError, "complex exponentiation")
			}
		}
	default:
		return Val{}, false, nil
	}
	return ObjVal(&r), true, nil
}

var complexOps = map[string]string{"__add__": "+", "__sub__": "-", "__mul__": "*", "__truediv__": "/", "__pow__": "**"}

// dunder gives complex its operators (nativeType).
func (c *Complex) dunder(vm *VM, name string, args []Val) (Val, bool, error) {
	self := ObjVal(c)
	switch name {
	case "__neg__":
		return complexVal(-c.re, -c.im), true, nil
	case "__pos__":
		return complexVal(c.re, c.im), true, nil
	case "__abs__":
		r, err := complexAbs(c)
		return r, true, err
	}
	if len(args) != 1 {
		return Val{}, false, nil
	}
	rev := strings.HasPrefix(name, "__r")
	op, ok := complexOps[name]
	if rev {
		op, ok = complexOps["__"+name[3:]]
	}
	if !ok {
		return Val{}, false, nil
	}
	a, b := self, args[0]
	if rev {
		a, b = b, a
	}
	// Another operand than a number: not found, so the operator's
	// TypeError names both types.
	return complexBinop(op, a, b)
}

func complexAbs(c *Complex) (Val, error) {
	if math.IsInf(c.re, 0) || math.IsInf(c.im, 0) {
		return FloatVal(math.Inf(1)), nil
	}
	if math.IsNaN(c.re) || math.IsNaN(c.im) {
		return FloatVal(math.NaN()), nil
	}
	r := crmath.CHypot(c.re, c.im)
	if math.IsInf(r, 0) {
		return Val{}, newErr(OverflowError, "absolute value too large")
	}
	return FloatVal(r), nil
}

func (c *Complex) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "real":
		return FloatVal(c.re), true
	case "imag":
		return FloatVal(c.im), true
	}
	return Val{}, false
}

func (c *Complex) has(name string) bool { return name == "conjugate" }

func (c *Complex) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	if name != "conjugate" {
		return Val{}, false, nil
	}
	if err := nargs("conjugate", args, 0, 0); err != nil {
		return Val{}, true, err
	}
	return complexVal(c.re, -c.im), true, nil
}

// complexRepr is CPython's repr: the parts as repr(float) without ".0",
// the real part left out when it is +0.
func complexRepr(c *Complex) string {
	part := func(f float64) string {
		s := formatFloatRepr(f)
		return strings.TrimSuffix(s, ".0")
	}
	if c.re == 0 && !math.Signbit(c.re) {
		return part(c.im) + "j"
	}
	im := part(c.im)
	if !strings.HasPrefix(im, "-") {
		im = "+" + im
	}
	return "(" + part(c.re) + im + "j)"
}

// complexHash is CPython's: hash(re) + 1000003*hash(im), wrapping.
func complexHash(c *Complex) int64 {
	h := uint64(floatHash(c.re)) + 1000003*uint64(floatHash(c.im))
	if int64(h) == -1 {
		return -2
	}
	return int64(h)
}

// complexEqual is == with a complex operand; ok is false when the other
// is no number.
func complexEqual(a, b Val) (eq, ok bool) {
	x, xc := a.O.(*Complex)
	y, yc := b.O.(*Complex)
	switch {
	case xc && yc:
		return x.re == y.re && x.im == y.im, true
	case xc:
		r, isNum, _ := realOf(b)
		return isNum && x.im == 0 && x.re == r, isNum
	case yc:
		r, isNum, _ := realOf(a)
		return isNum && y.im == 0 && y.re == r, isNum
	}
	return false, false
}

// newComplex is complex(real=0, imag=0), or complex(string).
func (vm *VM) newComplex(args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) > 2 {
		return Val{}, newErr(TypeError, "complex() takes at most 2 arguments (%d given)", len(pos))
	}
	vals := make([]Val, 2)
	copy(vals, pos)
	for k, v := range kw {
		i := indexOf([]string{"real", "imag"}, k)
		if i < 0 {
			return Val{}, newErr(TypeError, "complex() got an unexpected keyword argument '%s'", k)
		}
		if i < len(pos) {
			return Val{}, newErr(TypeError, "argument for complex() given by name ('%s') and position (%d)", k, i+1)
		}
		vals[i] = v
	}
	re, im := vals[0], vals[1]
	if re.T == tagEmpty {
		re = IntVal(0)
	}
	if s, ok := re.O.(*Str); ok && re.T == tagObject {
		if im.T != tagEmpty {
			return Val{}, newErr(TypeError, "complex() can't take second arg if first is a string")
		}
		c, ok := parseComplex(s.s)
		if !ok {
			return Val{}, newErr(ValueError, "complex() arg is a malformed string")
		}
		return ObjVal(&c), nil
	}
	toC := func(v Val, which string) (Complex, error) {
		if c, ok := v.O.(*Complex); ok {
			return *c, nil
		}
		if r, found, err := vm.dunder(v, "__complex__"); found {
			if err != nil {
				return Complex{}, err
			}
			if c, ok := r.O.(*Complex); ok {
				return *c, nil
			}
			return Complex{}, newErr(TypeError, "__complex__ returned non-complex (type %s)", typeName(r))
		}
		f, ok, err := realOf(v)
		if err != nil {
			return Complex{}, err
		}
		if !ok {
			if r, found, err := vm.dunder(v, "__float__"); found {
				if err != nil {
					return Complex{}, err
				}
				return Complex{r.F(), 0}, nil
			}
			if which == "first" {
				return Complex{}, newErr(TypeError, "complex() first argument must be a string or a number, not '%s'", typeName(v))
			}
			return Complex{}, newErr(TypeError, "complex() second argument must be a number, not '%s'", typeName(v))
		}
		return Complex{f, 0}, nil
	}
	cr, err := toC(re, "first")
	if err != nil {
		return Val{}, err
	}
	if im.T == tagEmpty {
		return ObjVal(&cr), nil
	}
	if im.isStr() {
		return Val{}, newErr(TypeError, "complex() second arg can't be a string")
	}
	ci, err := toC(im, "second")
	if err != nil {
		return Val{}, err
	}
	// As CPython: a part is added only from an argument that is complex,
	// so complex(0.0, -0.0) keeps the sign of its -0.0.
	re2, im2 := cr.re, ci.re
	if isComplexArg(im) {
		re2 -= ci.im
	}
	if isComplexArg(re) {
		im2 += cr.im
	}
	return complexVal(re2, im2), nil
}

// isComplexArg says whether complex() takes v as a complex number (a
// complex, or an object with __complex__) rather than a real one.
func isComplexArg(v Val) bool {
	if _, ok := v.O.(*Complex); ok && v.T == tagObject {
		return true
	}
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject {
		return false
	}
	_, ok = inst.cls.lookup("__complex__")
	return ok
}

// parseComplex reads complex()'s string form: "1+2j", "(3j)", "-inf",
// "1e3-J", with spaces around.
func parseComplex(s string) (Complex, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return Complex{}, false
	}
	num := func(t string) (float64, bool) {
		if t == "" || t == "+" || t == "-" {
			return map[string]float64{"": 1, "+": 1, "-": -1}[t], true
		}
		if strings.Contains(t, "__") || strings.HasPrefix(strings.TrimLeft(t, "+-"), "_") || strings.HasSuffix(t, "_") {
			return 0, false
		}
		sign := 1.0
		switch t[0] {
		case '-':
			sign, t = -1, t[1:]
		case '+':
			t = t[1:]
		}
		low := strings.ToLower(t)
		if low == "" || low[0] == '+' || low[0] == '-' || strings.HasPrefix(low, "0x") {
			return 0, false
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
				return 0, false
			}
		}
		return sign * f, true
	}
	last := s[len(s)-1]
	if last != 'j' && last != 'J' {
		f, ok := num(s)
		if !ok || s == "" || s == "+" || s == "-" {
			return Complex{}, false
		}
		return Complex{f, 0}, true
	}
	body := s[:len(s)-1]
	// The split between the parts is the last sign not after an e.
	split := -1
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			split = i
			break
		}
	}
	if split < 0 {
		im, ok := num(body)
		return Complex{0, im}, ok
	}
	if split == 0 {
		return Complex{}, false
	}
	re, ok1 := num(body[:split])
	im, ok2 := num(body[split:])
	if !ok1 || !ok2 || body[:split] == "+" || body[:split] == "-" {
		return Complex{}, false
	}
	return Complex{re, im}, true
}
