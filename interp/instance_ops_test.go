package interp

import "testing"

// A loop of four iterations per call, each calling a method that
// subtracts Vectors (Vector.__sub__ inlined, the Vector made by Go) and
// takes dot products: the trace is kept though it runs few iterations per
// entry, as each runs dozens of instructions (longTripSteps); without
// instance operators it was never recorded, and benched at minTrip it ran
// at the interpreter's speed.
func TestInstanceOperatorShortLoop(t *testing.T) {
	src := `class Vector:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z
    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)
    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z
class Ball:
    def __init__(self, c, r):
        self.c, self.r = c, r
    def hit(self, p, d):
        oc = p - self.c
        return oc.dot(d) - oc.dot(oc) + self.r * self.r
def nearest(balls, p, d):
    best = -1e30
    for b in balls:
        t = b.hit(p, d)
        if t > best:
            best = t
    return best
balls = [Ball(Vector(1.0 * i, 2.0, 3.0), 0.5) for i in range(4)]
s = 0.0
for i in range(3000):
    s += nearest(balls, Vector(0.0, 0.001 * i, 0.0), Vector(1.0, 0.0, 0.0))
print(round(s, 6))
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "object stores"); n < 3000 {
		t.Errorf("%d object stores, want the Vectors made in the trace:\n%s", n, stats)
	}
	if n, m := statCount(t, stats, "traces benched"), statCount(t, stats, "given up"); n+m != 0 {
		t.Errorf("%d traces benched, %d given up, want none:\n%s", n, m, stats)
	}
}
