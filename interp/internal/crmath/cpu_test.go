package crmath

import (
	"math"
	"os"
	"syscall"
	"testing"
	"time"
)

var benchArgs = func() []float64 {
	a := make([]float64, 256)
	for i := range a {
		a[i] = float64(i)/25.6 - 5 + 1.0/3
	}
	return a
}()

var sink float64

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCPUCost prints CPU nanoseconds per call, ours next to Go's math
// (the machine is shared, so wall-clock benchmarks mislead). Run with
// CRMATH_CPU=1 go test -run CPUCost -v.
func TestCPUCost(t *testing.T) {
	if os.Getenv("CRMATH_CPU") == "" {
		t.Skip("set CRMATH_CPU=1")
	}
	abs := math.Abs
	pairs := []struct {
		name      string
		ours, gos func(float64) float64
	}{
		{"sin", Sin, math.Sin}, {"cos", Cos, math.Cos}, {"tan", Tan, math.Tan},
		{"exp", Exp, math.Exp}, {"log", func(x float64) float64 { return Log(abs(x)) }, func(x float64) float64 { return math.Log(abs(x)) }},
		{"log10", func(x float64) float64 { return Log10(abs(x)) }, func(x float64) float64 { return math.Log10(abs(x)) }},
		{"atan", Atan, math.Atan}, {"asin", func(x float64) float64 { return Asin(x / 6) }, func(x float64) float64 { return math.Asin(x / 6) }},
		{"atan2", func(x float64) float64 { return Atan2(x, 1.3) }, func(x float64) float64 { return math.Atan2(x, 1.3) }},
		{"hypot", func(x float64) float64 { return Hypot(x, 1.3) }, func(x float64) float64 { return math.Hypot(x, 1.3) }},
		{"chypot", func(x float64) float64 { return CHypot(x, 1.3) }, func(x float64) float64 { return math.Hypot(x, 1.3) }},
		{"pow", func(x float64) float64 { return Pow(abs(x), 1.37) }, func(x float64) float64 { return math.Pow(abs(x), 1.37) }},
		{"sinh", Sinh, math.Sinh}, {"cbrt", Cbrt, math.Cbrt},
		{"crpow", func(x float64) float64 { return crPow(abs(x), 1.37) }, func(x float64) float64 { return math.Pow(abs(x), 1.37) }},
		{"sin(1e200x)", func(x float64) float64 { return Sin(x * 1e200) }, func(x float64) float64 { return math.Sin(x * 1e200) }},
	}
	const n = 200000
	for _, p := range pairs {
		var c [2]time.Duration
		for round := 0; round < 3; round++ {
			for j, f := range []func(float64) float64{p.ours, p.gos} {
				t0 := cpuNow()
				for i := 0; i < n; i++ {
					sink += f(benchArgs[i&255])
				}
				c[j] += cpuNow() - t0
			}
		}
		t.Logf("%-12s ours %6.0f ns  Go %5.0f ns  ratio %.1f", p.name, float64(c[0])/(3*n), float64(c[1])/(3*n), float64(c[0])/float64(c[1]))
	}
}
