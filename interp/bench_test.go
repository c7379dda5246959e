package interp

import (
	"io"
	"os"
	"testing"
)

// BenchmarkPrograms times each program of testdata/programs/bench end to end
// (compile and run), output discarded.
func BenchmarkPrograms(b *testing.B) {
	for _, p := range loadPrograms(b, "bench") {
		src, err := os.ReadFile(p.path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(p.name[len("bench/"):], func(b *testing.B) {
			for b.Loop() {
				if status := Run(p.path, src, io.Discard, io.Discard); status != 0 {
					b.Fatalf("exit status %d", status)
				}
			}
		})
	}
}
