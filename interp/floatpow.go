package interp

import (
	"math"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// powFloat is x ** y for floats as CPython computes it: the C library's
// pow, here glibc 2.36's reproduced bit for bit (crmath.Pow). glibc's is
// not correctly rounded (within 0.52 ULP), so a correctly rounded power
// would print a different last digit about once in a thousand.
func powFloat(x, y float64) float64 { return crmath.Pow(x, y) }

// twoProd is a*b as an exact sum p+e.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

// twoSum is a+b as an exact sum s+e.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}
