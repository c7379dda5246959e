package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// The first two interpreters of every report are the same minipy binary:
// with the JIT off (the baseline) and with it on.
const (
	jitOff = 0
	jitOn  = 1
)

// numericPrograms are the benchmarks that loop over ints and floats; the
// others work on objects and data structures. Each group gets its own
// geometric mean.
var numericPrograms = []string{
	"fannkuch", "fib", "levenshtein", "mandelbrot", "monte_carlo",
	"nbody", "sieve", "spectral_norm", "sum_squares",
}

// median returns the median of xs (the mean of the middle two for an even
// count), or NaN for none. xs is not modified.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// geomean returns the geometric mean of xs, which must be positive, or NaN
// for none.
func geomean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs)))
}

// median returns the cell's median wall time, or false if it failed or
// never ran.
func (c Cell) median() (float64, bool) {
	if c.Err != "" || len(c.Seconds) == 0 {
		return 0, false
	}
	return median(c.Seconds), true
}

// quotient returns the median time of interpreter k over that of
// interpreter base in row.
func quotient(row Row, k, base int) (float64, bool) {
	t, ok1 := row.Cells[k].median()
	b, ok2 := row.Cells[base].median()
	if !ok1 || !ok2 || b <= 0 || t <= 0 {
		return 0, false
	}
	return t / b, true
}

// ratio returns the ratio column that follows interpreter k's time in the
// table. Every ratio is some time over minipy's time with the JIT on, so
// above 1 means minipy with the JIT is that much faster: for k == jitOn it
// is the JIT's speed-up (JIT off ÷ JIT on), for the other interpreters
// their time ÷ JIT on. The baseline has no ratio column.
func ratio(row Row, k int) (float64, bool) {
	switch k {
	case jitOff:
		return 0, false
	case jitOn:
		return quotient(row, jitOff, jitOn)
	}
	return quotient(row, k, jitOn)
}

// relative returns interpreter k's time ÷ minipy's time with the JIT off,
// what the chart draws.
func relative(row Row, k int) (float64, bool) {
	return quotient(row, k, jitOff)
}

// group is a set of programs that gets a geometric-mean row.
type group struct {
	label string
	rows  []Row
}

// groups returns the geometric-mean rows of a table: over all programs and,
// when rows has both kinds, over the numeric programs and over the others.
func groups(rows []Row) []group {
	var num, other []Row
	for _, r := range rows {
		if slices.Contains(numericPrograms, r.Program) {
			num = append(num, r)
		} else {
			other = append(other, r)
		}
	}
	gs := []group{{"geometric mean", rows}}
	if len(num) > 0 && len(other) > 0 {
		gs = append(gs,
			group{fmt.Sprintf("geometric mean, numeric (%d)", len(num)), num},
			group{fmt.Sprintf("geometric mean, others (%d)", len(other)), other})
	}
	return gs
}

// meanOf returns the geometric mean of f(row, k) over the rows where it is
// defined, and how many those are.
func meanOf(rows []Row, k int, f func(Row, int) (float64, bool)) (float64, int) {
	var xs []float64
	for _, r := range rows {
		if x, ok := f(r, k); ok {
			xs = append(xs, x)
		}
	}
	return geomean(xs), len(xs)
}

// fmtRatio formats a ratio with two decimals, or three below 0.1.
func fmtRatio(x float64) string {
	if x < 0.1 {
		return fmt.Sprintf("%.3f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

// headerLine says when, where and with what the report was measured.
func headerLine(rep *Report) string {
	var versions []string
	for _, in := range rep.Interpreters {
		v := in.Version
		first, _, _ := strings.Cut(in.Name, " ")
		switch {
		case v == "":
			v = in.Name + " (version unknown)"
		case !strings.HasPrefix(v, first):
			v = in.Name + " = " + v
		}
		if !slices.Contains(versions, v) {
			versions = append(versions, v)
		}
	}
	m := rep.Machine
	return fmt.Sprintf("%s on %s (%d cores, %s/%s); %s; median wall time of %s of each program as a whole process.",
		rep.Date.Format("2006-01-02"), m.CPU, m.Cores, m.OS, m.Arch,
		strings.Join(versions, ", "), plural(rep.Runs, "run"))
}

// writeTable writes the report as markdown: the header line, one row per
// program with each interpreter's median seconds and ratio, the
// geometric-mean rows, and then the failures and notes.
func writeTable(w io.Writer, rep *Report) error {
	var b strings.Builder
	b.WriteString(headerLine(rep) + "\n\n")

	head, align := []string{"program"}, []string{"---"}
	for k, in := range rep.Interpreters {
		head, align = append(head, in.Name+" s"), append(align, "---:")
		switch k {
		case jitOff:
		case jitOn:
			head, align = append(head, "JIT speed-up"), append(align, "---:")
		default:
			head, align = append(head, in.Name+" ÷ JIT on"), append(align, "---:")
		}
	}
	writeRow(&b, head)
	writeRow(&b, align)

	var failures []string
	for _, r := range rep.Rows {
		cells := []string{r.Program}
		for k, c := range r.Cells {
			if t, ok := c.median(); ok {
				cells = append(cells, fmt.Sprintf("%.3f", t))
			} else {
				cells = append(cells, "error")
				failures = append(failures, fmt.Sprintf("- %s under %s: %s", r.Program, rep.Interpreters[k].Name, orNotRun(c.Err)))
			}
			if k == jitOff {
				continue
			}
			if x, ok := ratio(r, k); ok {
				cells = append(cells, fmtRatio(x))
			} else {
				cells = append(cells, "")
			}
		}
		writeRow(&b, cells)
	}

	for _, g := range groups(rep.Rows) {
		cells := []string{"**" + g.label + "**"}
		for k := range rep.Interpreters {
			cells = append(cells, "")
			if k == jitOff {
				continue
			}
			switch x, n := meanOf(g.rows, k, ratio); {
			case n == 0:
				cells = append(cells, "")
			case n < len(g.rows):
				cells = append(cells, fmt.Sprintf("**%s** (%d of %d)", fmtRatio(x), n, len(g.rows)))
			default:
				cells = append(cells, "**"+fmtRatio(x)+"**")
			}
		}
		writeRow(&b, cells)
	}

	b.WriteString("\nSeconds are medians. JIT speed-up is minipy's time with the JIT off ÷ with it on; " +
		"\"X ÷ JIT on\" is X's time ÷ minipy's with the JIT on. Above 1, minipy with the JIT is faster.\n")
	if len(failures) > 0 {
		b.WriteString("\nFailures (not timed):\n\n" + strings.Join(failures, "\n") + "\n")
	}
	for _, n := range rep.Notes {
		b.WriteString("\nNote: " + n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// plural returns "1 run", "3 runs".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// orNotRun returns err, or says the cell never ran.
func orNotRun(err string) string {
	if err == "" {
		return "not run"
	}
	return err
}

// writeRow writes one markdown table row, escaping the cells' pipes.
func writeRow(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + strings.ReplaceAll(c, "|", `\|`) + " |")
	}
	b.WriteString("\n")
}
