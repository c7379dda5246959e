package interp

import "testing"

// TestIntBitOps runs &, |, ^ and << over ints at the edges of the int64
// fast paths (the dispatch loop's) and past them, and bools, whose &, |, ^
// stay bools; output as CPython 3.11 prints it.
func TestIntBitOps(t *testing.T) {
	out, last, status := run(t, bitOpsSrc)
	if status != 0 || out != bitOpsWant {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, bitOpsWant)
	}
}

const bitOpsSrc = `vals = [0, 1, -1, 5, -5, 3, 2**62, -2**62, 2**63 - 1, -2**63, 0x7FFFFFFF, 12345678901]
out = []
for x in vals:
    for y in vals:
        out.append((x & y, x | y, x ^ y))
    for s in [0, 1, 2, 31, 32, 61, 62, 63, 64, 100]:
        out.append(x << s)
print(hash(tuple(out)) if False else sum(hash(o) for o in out) % 1000003, len(out))
print(out[:20])
print(True & True, True | False, True ^ True, 1 << True, 3 & True)
try:
    print(1 << -1)
except ValueError as e:
    print(e)
`

const bitOpsWant = `935946 264
[(0, 0, 0), (0, 1, 1), (0, -1, -1), (0, 5, 5), (0, -5, -5), (0, 3, 3), (0, 4611686018427387904, 4611686018427387904), (0, -4611686018427387904, -4611686018427387904), (0, 9223372036854775807, 9223372036854775807), (0, -9223372036854775808, -9223372036854775808), (0, 2147483647, 2147483647), (0, 12345678901, 12345678901), 0, 0, 0, 0, 0, 0, 0, 0]
True True False 2 1
negative shift count
`
