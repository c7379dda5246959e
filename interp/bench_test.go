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

// BenchmarkDict times dict and set work the interpreter loop leaves to
// the tables: int, str, float and tuple keys, membership, deletion.
func BenchmarkDict(b *testing.B) {
	progs := []struct{ name, src string }{
		{"int-memo", "d = {}\nfor i in range(20000):\n    d[i * 7] = i\nt = 0\nfor i in range(40000):\n    if i in d:\n        t += d[i]\n"},
		{"str-count", "ws = [str(i % 500) for i in range(20000)]\nc = {}\nfor w in ws:\n    c[w] = c.get(w, 0) + 1\n"},
		{"float-set", "s = set()\nx = 0.5\nfor i in range(20000):\n    x = (x * 3.7 + 0.1) % 1.0\n    s.add(x)\nn = 0\nfor v in list(s):\n    if v * 2 in s:\n        n += 1\n"},
		{"tuple-keys", "g = {}\nfor i in range(100):\n    for j in range(100):\n        g[(i, j)] = i ^ j\nfor i in range(100):\n    del g[(i, i)]\n"},
	}
	for _, p := range progs {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				if status := Run("b.py", []byte(p.src), io.Discard, io.Discard); status != 0 {
					b.Fatalf("exit status %d", status)
				}
			}
		})
	}
}
