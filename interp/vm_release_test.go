package interp

import (
	"bytes"
	"runtime"
	"runtime/metrics"
	"testing"
)

// TestRunsReleaseTheirMemory: a finished run leaves nothing of itself
// reachable. An embedder runs many programs in one process (so does this
// test binary: a global map that kept every abc class, and through it its
// VM and 1 MB stack, grew its live heap to 900 MB, and every collection
// marked all of it).
func TestRunsReleaseTheirMemory(t *testing.T) {
	src := []byte(`import abc, collections, gc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s
class Pt(collections.namedtuple("Pt", "x y")):
    pass
total = 0
for i in range(3000):
    total += Sq(i % 7).area() + Pt(i, 1).x
try:
    Shape()
except TypeError as e:
    print(e)
print(total)
`)
	live := func() uint64 {
		runtime.GC()
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	run := func(n int) {
		for range n {
			for _, cfg := range []Config{{}, {JIT: JITOn, JITThreshold: 1}} {
				var out, errb bytes.Buffer
				if status := RunWith(cfg, "t.py", src, nil, &out, &errb); status != 0 {
					t.Fatalf("status %d: %s", status, errb.String())
				}
			}
		}
	}
	run(3) // what the first runs build once (library modules, stencils)
	before := live()
	const runs = 40
	run(runs)
	grown := int64(live()) - int64(before)
	// Each run's VM alone holds more than 1 MB: 80 runs kept would add
	// 80 MB. Allow some noise.
	if grown > 16<<20 {
		t.Errorf("live heap grew by %d MB over %d runs: finished runs stay reachable", grown>>20, 2*runs)
	}
}
