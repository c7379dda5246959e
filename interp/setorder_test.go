package interp

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// setProgram writes a random program of set operations (adds, discards,
// pops, the algebra in operators, in place and as methods over sets and
// other iterables, copies, displays, comprehensions) over ints, floats,
// strs, tuples and big ints, printing each set it changes: its output is
// the sets' iteration order, which CPython's table and hashes decide.
func setProgram(seed int64) string {
	r := rand.New(rand.NewSource(seed))
	val := func() string {
		switch k := r.Float64(); {
		case k < 0.4:
			return fmt.Sprint(r.Intn(351) - 50)
		case k < 0.55:
			return []string{"0.5", "1.25", "-3.75", "2.0", "10000000000.0", "0.1", "7.0"}[r.Intn(7)]
		case k < 0.75:
			return []string{"'a'", "'b'", "'ab'", "'xyz'", fmt.Sprintf("'key%d'", r.Intn(31)), "'é'"}[r.Intn(6)]
		case k < 0.9:
			return fmt.Sprintf("(%d, %d)", r.Intn(6), r.Intn(6))
		}
		return fmt.Sprintf("%d%018d", r.Intn(1000), r.Int63n(1e18))
	}
	// A display's strs go through str(): CPython's layout of a display
	// of constants with strs depends on what else is interned.
	nval := func() string {
		if v := val(); !strings.HasPrefix(v, "'") {
			return v
		}
		return "str(" + val() + ")"
	}
	display := func(n int) string {
		items := make([]string, n)
		for i := range items {
			items[i] = nval()
		}
		return "{" + strings.Join(items, ", ") + "}"
	}
	names := "abc"
	name := func() byte { return names[r.Intn(3)] }
	var b strings.Builder
	for i := range 3 {
		fmt.Fprintf(&b, "%c = %s\n", names[i], display(1+r.Intn(15)))
	}
	for range 25 {
		t, u := name(), name()
		switch op := r.Float64(); {
		case op < 0.15:
			fmt.Fprintf(&b, "%c.add(%s)\n", t, val())
		case op < 0.25:
			fmt.Fprintf(&b, "%c.discard(%s)\n", t, val())
		case op < 0.3:
			fmt.Fprintf(&b, "if %c: %c.pop()\n", t, t)
		case op < 0.5:
			fmt.Fprintf(&b, "%c = %c %c %c\n", t, t, "|&-^"[r.Intn(4)], u)
		case op < 0.6:
			fmt.Fprintf(&b, "%c %c= %c\n", t, "|&-^"[r.Intn(4)], u)
		case op < 0.7:
			m := []string{"union", "intersection", "difference", "symmetric_difference", "intersection_update", "difference_update", "symmetric_difference_update"}[r.Intn(7)]
			arg := []string{"a", "b", "c", "list(b)", "[1, 2, 'a', 3.5]"}[r.Intn(5)]
			if strings.HasSuffix(m, "_update") {
				fmt.Fprintf(&b, "%c.%s(%s)\n", t, m, arg)
			} else {
				fmt.Fprintf(&b, "%c = %c.%s(%s)\n", t, u, m, arg)
			}
		case op < 0.75:
			fmt.Fprintf(&b, "%c.update(%s)\n", t, []string{"range(40)", "a", "{'q': 1, 5: 2}", "'hello'"}[r.Intn(4)])
		case op < 0.8:
			fmt.Fprintf(&b, "%c = %c.copy()\n", t, u)
		case op < 0.85:
			fmt.Fprintf(&b, "%c = set(%c)\n", t, u)
		case op < 0.9:
			switch k := r.Float64(); {
			case k < 0.4:
				fmt.Fprintf(&b, "%c = %s\n", t, display(1+r.Intn(12)))
			case k < 0.7:
				fmt.Fprintf(&b, "%c = {x for x in range(%d, %d)}\n", t, r.Intn(21)-10, 10+r.Intn(191))
			default:
				items := make([]string, r.Intn(13))
				for i := range items {
					items[i] = val()
				}
				fmt.Fprintf(&b, "%c = set([%s])\n", t, strings.Join(items, ", "))
			}
		default:
			for range 1 + r.Intn(30) {
				fmt.Fprintf(&b, "%c.add(%s)\n", t, val())
			}
			for range 1 + r.Intn(20) {
				fmt.Fprintf(&b, "%c.discard(%s)\n", t, val())
			}
		}
		fmt.Fprintf(&b, "print(len(%c), %c)\n", t, t)
	}
	return b.String()
}

// TestSetOrderAgainstCPython runs random set programs in minipy and in
// python3 (strs hashed under PYTHONHASHSEED=0, as minipy hashes them):
// every set must print in the same order.
func TestSetOrderAgainstCPython(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running python3")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	dir := t.TempDir()
	for seed := int64(1); seed <= 40; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			checkSetProgram(t, py, dir, seed)
		})
	}
}

// checkSetProgram compares one random program's output with python3's.
func checkSetProgram(t *testing.T, py, dir string, seed int64) {
	src := setProgram(seed)
	file := filepath.Join(dir, fmt.Sprintf("sets%d.py", seed))
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, file)
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0")
	var want, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &want, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("seed %d: python3: %v\n%s", seed, err, errb.String())
	}
	got, last, status := run(t, src)
	if status != 0 {
		t.Fatalf("seed %d: status %d: %s\n%s", seed, status, last, src)
	}
	if got != want.String() {
		gl, wl := strings.Split(got, "\n"), strings.Split(want.String(), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Errorf("seed %d: print %d:\ngot  %s\nwant %s", seed, i+1, gl[i], wl[i])
				break
			}
		}
	}
}
