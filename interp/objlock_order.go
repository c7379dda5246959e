//go:build amd64 && !race

package interp

// optimisticLoads: amd64 keeps loads in program order (and Go's compiler
// keeps plain loads between atomic ones), so a list read between two
// loads of its sequence word that agree is of one version. arm64 may
// satisfy a plain load after the atomic load that follows it, and the
// race detector sees the overlapping read it would throw away: both take
// the list's stripe.
const optimisticLoads = true
