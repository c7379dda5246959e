package interp

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/copypatch/copypatch/traceopt"
)

// BenchmarkOptimize runs the optimizer and the lowering over the traces
// the numeric bench programs compile (recorded once, then copied for each
// run): the JIT's compile cost without recording and copy-and-patch. It
// runs the passes through Optimize and recycles the buffers, as a
// compile does.
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
	// Each pass's share, to show which one to cut: one metric a pass (in
	// ns per run of the whole set), the lowering's too.
	spent := make([]time.Duration, len(traceopt.Passes)+1)
	runs := 0
	for b.Loop() {
		runs++
		for _, t := range traces {
			c := t.Clone()
			// Through Optimize, as a compile runs the passes (it finds the
			// trace's highest slot once for all of them), each pass timed
			// from the end of the one before.
			i, start := 0, time.Now()
			traceopt.Optimize(c, func(string, *traceopt.Trace) {
				now := time.Now()
				spent[i] += now.Sub(start)
				i, start = i+1, now
			})
			start = time.Now()
			uops, err := traceopt.Lower(c)
			if err != nil {
				b.Fatal(err)
			}
			spent[len(spent)-1] += time.Since(start)
			// Given back, as compileTrace gives them back once compiled:
			// a compile's buffers are the last one's, not fresh memory.
			traceopt.RecycleInsts(c.Insts)
			traceopt.RecycleUops(uops)
		}
	}
	b.ReportMetric(float64(len(traces)), "traces")
	for i, d := range spent {
		name := "lower"
		if i < len(traceopt.Passes) {
			name = fmt.Sprintf("%02d-%s", i, traceopt.Passes[i].Name)
		}
		b.ReportMetric(float64(d.Nanoseconds())/float64(runs), name+"-ns/op")
	}
}
