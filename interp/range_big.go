package interp

import "math/big"

// Ranges past 64 bits (BigRange): what CPython does by arithmetic on
// their ends is arithmetic here too.

// holds reports whether the int x is one of r's items.
func (r *BigRange) holds(x *big.Int) bool {
	if r.step.Sign() > 0 {
		if x.Cmp(r.start) < 0 || x.Cmp(r.stop) >= 0 {
			return false
		}
	} else if x.Cmp(r.start) > 0 || x.Cmp(r.stop) <= 0 {
		return false
	}
	off := new(big.Int).Sub(x, r.start)
	return off.Mod(off, new(big.Int).Abs(r.step)).Sign() == 0
}
