//go:build !amd64

package interp

import "math/big"

// mulSub is mulSubGo (gcd_lehmer.go) where there is no assembly for it.
func mulSub(d, x1, x2 []big.Word, m1, m2 uint64) { mulSubGo(d, x1, x2, m1, m2) }
