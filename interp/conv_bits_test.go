package interp

import (
	"bytes"
	"strings"
	"testing"
)

// TestConvResultReadable: list(t) and tuple(l) made at the CALL
// (typeConvDirect) leave the slot bits native code reads. With bits 0 the
// results were opaque: connect4's windows (tuple(cells)) stopped every
// recording of the loops over them ("unpacking of an unknown", "move of
// an object").
func TestConvResultReadable(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := []byte(`def pairs(ps):
    s = 0.0
    for p in ps:
        x, k = p
        s += x * k
    return s
def rows(rs):
    s = 0
    for r in rs:
        s += r[0] * r[1]
    return s
ps = [tuple([i * 0.5, i % 7]) for i in range(500)]
rs = [list((i, i % 5)) for i in range(500)]
s = 0.0
for _ in range(100):
    s += pairs(ps) + rows(rs)
print(s)
`)
	var out, want, errb, debug bytes.Buffer
	RunWith(Config{JIT: JITOn, JITDebug: &debug}, "t.py", src, nil, &out, &errb)
	RunWith(Config{}, "t.py", src, nil, &want, &errb)
	if out.String() != want.String() || out.Len() == 0 {
		t.Errorf("with the JIT %q, without %q: %s", out.String(), want.String(), errb.String())
	}
	for _, line := range []string{"t.py:3: trace compiled", "t.py:9: trace compiled"} {
		if !strings.Contains(debug.String(), line) {
			t.Errorf("want %q in the JIT's decisions:\n%s", line, debug.String())
		}
	}
}
