//go:build !amd64 || race

package interp

// optimisticLoads: see objlock_order.go.
const optimisticLoads = false
