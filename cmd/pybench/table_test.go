package main

import (
	"math"
	"strings"
	"testing"
	"time"
)

// approx reports whether a and b agree to 1e-9 (both NaN counts as equal).
func approx(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{nil, math.NaN()},
		{[]float64{2}, 2},
		{[]float64{3, 1}, 2},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{0.3, 0.1, 100}, 0.3}, // an outlier does not move it
	}
	for _, tt := range tests {
		in := append([]float64(nil), tt.in...)
		if got := median(in); !approx(got, tt.want) {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
		for i := range in {
			if in[i] != tt.in[i] {
				t.Errorf("median(%v) reordered its argument to %v", tt.in, in)
				break
			}
		}
	}
}

func TestGeomean(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{nil, math.NaN()},
		{[]float64{3}, 3},
		{[]float64{2, 8}, 4},
		{[]float64{0.5, 2}, 1},
		{[]float64{1, 10, 100}, 10},
	}
	for _, tt := range tests {
		if got := geomean(tt.in); !approx(got, tt.want) {
			t.Errorf("geomean(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// cell makes a cell with the given run times, or a failed one for nil.
func cell(secs ...float64) Cell {
	if secs == nil {
		return Cell{Err: "exit status 1"}
	}
	return Cell{Seconds: secs}
}

// row makes a row of cells of one run each; 0 means a failed cell.
func row(name string, secs ...float64) Row {
	r := Row{Program: name}
	for _, s := range secs {
		if s == 0 {
			r.Cells = append(r.Cells, cell())
		} else {
			r.Cells = append(r.Cells, cell(s))
		}
	}
	return r
}

func TestRatioAndRelative(t *testing.T) {
	// JIT off, JIT on, CPython, PyPy.
	tests := []struct {
		row      Row
		k        int
		ratio    float64 // NaN: none
		relative float64
	}{
		{row("fib", 2, 1, 3, 0.5), 0, math.NaN(), 1},
		{row("fib", 2, 1, 3, 0.5), 1, 2, 0.5}, // the JIT's speed-up: off ÷ on
		{row("fib", 2, 1, 3, 0.5), 2, 3, 1.5}, // CPython ÷ JIT on
		{row("fib", 2, 1, 3, 0.5), 3, 0.5, 0.25},
		{row("fib", 0, 1, 3, 0.5), 1, math.NaN(), math.NaN()}, // baseline failed
		{row("fib", 0, 1, 3, 0.5), 2, 3, math.NaN()},
		{row("fib", 2, 0, 3, 0.5), 1, math.NaN(), math.NaN()}, // JIT on failed
		{row("fib", 2, 0, 3, 0.5), 2, math.NaN(), 1.5},
		{row("fib", 2, 1, 0, 0.5), 2, math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		got, ok := ratio(tt.row, tt.k)
		if !ok {
			got = math.NaN()
		}
		if !approx(got, tt.ratio) {
			t.Errorf("ratio(%v, %d) = %v, want %v", tt.row, tt.k, got, tt.ratio)
		}
		got, ok = relative(tt.row, tt.k)
		if !ok {
			got = math.NaN()
		}
		if !approx(got, tt.relative) {
			t.Errorf("relative(%v, %d) = %v, want %v", tt.row, tt.k, got, tt.relative)
		}
	}
}

func TestCellMedian(t *testing.T) {
	tests := []struct {
		c    Cell
		want float64 // NaN: none
	}{
		{Cell{Seconds: []float64{3, 1, 2}}, 2},
		{Cell{}, math.NaN()},
		{Cell{Seconds: []float64{1}, Err: "wrong output"}, math.NaN()}, // failed after a good run
	}
	for _, tt := range tests {
		got, ok := tt.c.median()
		if !ok {
			got = math.NaN()
		}
		if !approx(got, tt.want) {
			t.Errorf("%+v.median() = %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		programs []string
		want     []string // label: programs
	}{
		{[]string{"fib", "nbody"}, []string{"geometric mean: fib nbody"}},
		{[]string{"bigint"}, []string{"geometric mean: bigint"}},
		{[]string{"bigint", "fib", "graphs", "nbody", "sieve"}, []string{
			"geometric mean: bigint fib graphs nbody sieve",
			"geometric mean, numeric (3): fib nbody sieve",
			"geometric mean, others (2): bigint graphs",
		}},
	}
	for _, tt := range tests {
		var rows []Row
		for _, p := range tt.programs {
			rows = append(rows, Row{Program: p})
		}
		var got []string
		for _, g := range groups(rows) {
			var names []string
			for _, r := range g.rows {
				names = append(names, r.Program)
			}
			got = append(got, g.label+": "+strings.Join(names, " "))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("groups(%v) =\n%s\nwant\n%s", tt.programs, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestMeanOf(t *testing.T) {
	rows := []Row{
		row("fib", 4, 1, 2),
		row("nbody", 1, 1, 4),
		row("bigint", 0, 1, 1), // no JIT speed-up: the baseline failed
	}
	tests := []struct {
		k     int
		want  float64
		wantN int
	}{
		{0, math.NaN(), 0},
		{1, 2, 2}, // √(4·1)
		{2, 2, 3}, // ∛(2·4·1)
	}
	for _, tt := range tests {
		got, n := meanOf(rows, tt.k, ratio)
		if !approx(got, tt.want) || n != tt.wantN {
			t.Errorf("meanOf(rows, %d, ratio) = %v, %d; want %v, %d", tt.k, got, n, tt.want, tt.wantN)
		}
	}
}

func TestFmtRatio(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1, "1.00"},
		{0.5, "0.50"},
		{0.1, "0.10"},
		{0.0456, "0.046"},
		{12.345, "12.35"},
	}
	for _, tt := range tests {
		if got := fmtRatio(tt.in); got != tt.want {
			t.Errorf("fmtRatio(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// testReport is a small report with every kind of cell.
func testReport() *Report {
	return &Report{
		Schema:  schema,
		Date:    time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
		Machine: Machine{CPU: "AMD EPYC", Cores: 2, OS: "linux", Arch: "amd64"},
		Runs:    3,
		Interpreters: []Interpreter{
			{Name: "minipy JIT off", Version: "minipy abc1234 (go1.26.8)"},
			{Name: "minipy JIT on", Version: "minipy abc1234 (go1.26.8)"},
			{Name: "CPython", Version: "CPython 3.11.7"},
			{Name: "PyPy", Version: "PyPy 3.9.16 (PyPy 7.3.11)"},
			{Name: "py|314", Version: "CPython 3.14.0"},
		},
		Notes: []string{"something to say."},
		Rows: []Row{
			{Program: "fib", Cells: []Cell{cell(0.4, 0.2, 0.3), cell(0.1), cell(0.4), cell(0.05), cell(0.2)}},
			{Program: "graphs", Cells: []Cell{cell(2), cell(1), cell(1), {Err: "wrong output: line 1"}, cell(0.5)}},
			{Program: "nbody", Cells: []Cell{cell(0.8), cell(0.2), cell(0.4), cell(0.1), cell(0.4)}},
		},
	}
}

func TestHeaderLine(t *testing.T) {
	got := headerLine(testReport())
	want := "2026-11-23 on AMD EPYC (2 cores, linux/amd64); minipy abc1234 (go1.26.8), CPython 3.11.7, " +
		"PyPy 3.9.16 (PyPy 7.3.11), py|314 = CPython 3.14.0; median wall time of 3 runs of each program as a whole process."
	if got != want {
		t.Errorf("headerLine =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	if err := writeTable(&b, testReport()); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"| program | minipy JIT off s | minipy JIT on s | JIT speed-up | CPython s | CPython ÷ JIT on | PyPy s | PyPy ÷ JIT on | py\\|314 s | py\\|314 ÷ JIT on |\n",
		"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
		"| fib | 0.300 | 0.100 | 3.00 | 0.400 | 4.00 | 0.050 | 0.50 | 0.200 | 2.00 |\n",
		"| graphs | 2.000 | 1.000 | 2.00 | 1.000 | 1.00 | error |  | 0.500 | 0.50 |\n",
		"| nbody | 0.800 | 0.200 | 4.00 | 0.400 | 2.00 | 0.100 | 0.50 | 0.400 | 2.00 |\n",
		"| **geometric mean** |  |  | **2.88** |  | **2.00** |  | **0.50** (2 of 3) |  | **1.26** |\n",
		"| **geometric mean, numeric (2)** |  |  | **3.46** |  | **2.83** |  | **0.50** |  | **2.00** |\n",
		"| **geometric mean, others (1)** |  |  | **2.00** |  | **1.00** |  |  |  | **0.50** |\n",
		"- graphs under PyPy: wrong output: line 1\n",
		"\nNote: something to say.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q; table:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n|"); n != 2+3+3 {
		t.Errorf("table has %d rows after the first, want 8:\n%s", n, got)
	}
}
