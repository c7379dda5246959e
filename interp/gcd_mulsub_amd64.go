//go:build amd64

package interp

import "math/big"

// mulSub is mulSubGo (gcd_lehmer.go) in assembly.
func mulSub(d, x1, x2 []big.Word, m1, m2 uint64) {
	n := len(x1)
	mulSubVV(d[:n], x1, x2[:n], m1, m2)
}

// mulSubVV is mulSubGo for d, x1 and x2 of one length.
//
//go:noescape
func mulSubVV(d, x1, x2 []big.Word, m1, m2 uint64)
