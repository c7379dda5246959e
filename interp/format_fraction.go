package interp

import (
	"math/big"
	"strings"
)

// fractionFormat is Fraction.__format__ (3.12+): with no type, the
// fraction as n/d (grouping each) padded; with e, E, f, F, g, G or % its
// exact value rounded half-even to the precision, laid out as a float's.
func fractionFormat(x *big.Rat, spec string) (string, error) {
	invalid := newErr(ValueError, "Invalid format specifier '%s' for object of type 'Fraction'", spec)
	f, err := parseSpec(spec)
	if err != nil || f.zero && f.align != 0 {
		return "", invalid
	}
	neg := x.Sign() < 0
	v := new(big.Rat).Abs(x)
	if f.typ == 0 {
		if f.precision >= 0 || f.zero || f.alt || f.negZero {
			return "", invalid
		}
		body := group(v.Num().String(), f.grouping, 3)
		if !v.IsInt() {
			body += "/" + group(v.Denom().String(), f.grouping, 3)
		}
		if f.align == 0 {
			f.align = '>'
		}
		return f.pad(body, f.signStr(neg)), nil
	}
	prec := f.precision
	if prec < 0 {
		prec = 6
	}
	var body string
	switch f.typ {
	case 'f', 'F', '%':
		if f.typ == '%' {
			v.Mul(v, big.NewRat(100, 1))
		}
		body = fixedDigits(roundScaled(v, prec), prec, f.alt)
		if f.typ == '%' {
			body += "%"
		}
	case 'e', 'E':
		n, e := sciDigits(v, prec)
		body = sciString(n, e, prec, f.alt)
	case 'g', 'G':
		if prec == 0 {
			prec = 1
		}
		n, e := sciDigits(v, prec-1)
		if -4 <= e && e < prec {
			body = fixedDigits(roundScaled(v, prec-1-e), prec-1-e, f.alt)
		} else {
			body = sciString(n, e, prec-1, f.alt)
		}
		if !f.alt && strings.Contains(body, ".") {
			mant, exp, _ := strings.Cut(body, "e")
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
			if exp != "" {
				mant += "e" + exp
			}
			body = mant
		}
	default:
		return "", invalid
	}
	if f.typ == 'E' || f.typ == 'G' {
		body = strings.ToUpper(body)
	}
	return f.finishNumber(body, neg, true), nil
}

// roundScaled is v * 10**p rounded half-even to an integer (p >= 0 or
// not: a negative p rounds to tens, hundreds...).
func roundScaled(v *big.Rat, p int) *big.Int {
	s := new(big.Rat).Set(v)
	ten := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(iabs(p))), nil)
	if p >= 0 {
		s.Mul(s, new(big.Rat).SetInt(ten))
	} else {
		s.Quo(s, new(big.Rat).SetInt(ten))
	}
	q, r := new(big.Int).QuoRem(s.Num(), s.Denom(), new(big.Int))
	c := new(big.Int).Lsh(r, 1).Cmp(s.Denom())
	if c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// fixedDigits writes n / 10**p with p digits after the point.
func fixedDigits(n *big.Int, p int, alt bool) string {
	d := n.String()
	if p <= 0 {
		if alt {
			return d + "."
		}
		return d
	}
	for len(d) <= p {
		d = "0" + d
	}
	return d[:len(d)-p] + "." + d[len(d)-p:]
}

// sciDigits is v rounded to p+1 significant digits: the digits as an
// integer n (10**p <= n < 10**(p+1), or 0) and the decimal exponent e of
// the first, so that v ≈ n * 10**(e-p).
func sciDigits(v *big.Rat, p int) (*big.Int, int) {
	if v.Sign() == 0 {
		return new(big.Int), 0
	}
	e := len(v.Num().String()) - len(v.Denom().String())
	pow := func(k int) *big.Rat {
		t := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(iabs(k))), nil)
		if k < 0 {
			return new(big.Rat).SetFrac(big.NewInt(1), t)
		}
		return new(big.Rat).SetInt(t)
	}
	for v.Cmp(pow(e)) < 0 {
		e--
	}
	for v.Cmp(pow(e+1)) >= 0 {
		e++
	}
	n := roundScaled(v, p-e)
	if len(n.String()) > p+1 {
		n.Quo(n, big.NewInt(10))
		e++
	}
	return n, e
}

// sciString writes digits n (p+1 of them) with exponent e as d.ddde±XX.
func sciString(n *big.Int, e, p int, alt bool) string {
	d := n.String()
	for len(d) < p+1 {
		d += "0"
	}
	mant := d[:1]
	if p > 0 || alt {
		mant += "." + d[1:]
	}
	sign := "+"
	if e < 0 {
		sign, e = "-", -e
	}
	exp := big.NewInt(int64(e)).String()
	if len(exp) < 2 {
		exp = "0" + exp
	}
	return mant + "e" + sign + exp
}

func iabs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
