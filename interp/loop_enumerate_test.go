package interp

import (
	"testing"
)

// TestLoopEnumerateReuse checks that a for loop's enumerate iterator,
// once exhausted, makes the next one (nested loops too), and that an
// iterator left by break or kept in a variable is not reused.
func TestLoopEnumerateReuse(t *testing.T) {
	src := `def f(rows):
    s = 0
    for row in rows:
        for i, x in enumerate(row):
            for j, y in enumerate(row):
                s += i * x - j * y + 1
        for i, x in enumerate(row):
            if i == 1:
                break
    e = enumerate(rows[0])
    for i, x in enumerate(rows[1]):
        s += next(e)[1] * x
    return s
print(f([[1, 2, 3]] * 5000))
`
	out, objects := allocsRunning(t, src)
	if out != "45014\n" {
		t.Fatalf("got %q", out)
	}
	// Each row's three enumerate loops (five iterators) made five
	// allocations each; now the one left by break makes them.
	if objects > 5*5000 {
		t.Errorf("%d objects allocated for 5000 rows", objects)
	}
}
