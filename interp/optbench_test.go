package interp

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/copypatch/copypatch/traceopt"
)

// BenchmarkOptimize runs the optimizer and the lowering over the traces
// the numeric bench programs compile (recorded once, then copied for each
// run): the JIT's compile cost without recording and copy-and-patch.
func BenchmarkOptimize(b *testing.B) {
	var traces []*traceopt.Trace
	captureTrace = func(t *traceopt.Trace) { traces = append(traces, t) }
	defer func() { captureTrace = nil }()
	for _, name := range []string{"fannkuch", "levenshtein", "mandelbrot", "nbody", "spectral_norm"} {
		path := filepath.Join("testdata", "programs", "bench", name+".py")
		src, err := os.ReadFile(path)
		if err != nil {
			b.Skip(err)
		}
		if status := RunWith(Config{JIT: JITOn}, path, src, nil, io.Discard, io.Discard); status != 0 {
			b.Fatalf("%s: exit status %d", name, status)
		}
	}
	if len(traces) == 0 {
		b.Skip("no traces compiled (no JIT here)")
	}
	b.ReportMetric(float64(len(traces)), "traces")
	for b.Loop() {
		for _, t := range traces {
			c := t.Clone()
			traceopt.Optimize(c, nil)
			if _, err := traceopt.Lower(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}
