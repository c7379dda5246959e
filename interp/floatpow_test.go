package interp

import "testing"

// TestPowLikeGlibc: float ** float gives glibc's (CPython's) bits where
// they are not the correctly rounded ones (crmath's TestLibmSample checks
// 200,000 more).
func TestPowLikeGlibc(t *testing.T) {
	for _, c := range []struct{ x, y, want float64 }{
		{49.06228948771309, -1.5, 0.0029099014706483405},
		{68.6383597416666, 3, 323370.7171146062},
		{-68.6383597416666, 3, -323370.7171146062},
	} {
		if got := powFloat(c.x, c.y); got != c.want {
			t.Errorf("%v ** %v = %v, CPython's %v", c.x, c.y, got, c.want)
		}
	}
}
