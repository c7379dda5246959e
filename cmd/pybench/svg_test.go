package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// svgElements parses an SVG document strictly and returns its elements'
// names in order, the attributes of each <rect>, and all character data.
func svgElements(t *testing.T, doc []byte) (names []string, rects []map[string]string, chars string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var text strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 && (tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg") {
				t.Fatalf("root element is %v, want svg in the SVG namespace", tok.Name)
			}
			depth++
			names = append(names, tok.Name.Local)
			if tok.Name.Local == "rect" {
				attrs := map[string]string{}
				for _, a := range tok.Attr {
					attrs[a.Name.Local] = a.Value
				}
				rects = append(rects, attrs)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			text.Write(tok)
			text.WriteString("\n")
		}
	}
	if depth != 0 {
		t.Fatalf("unbalanced elements: depth %d at the end", depth)
	}
	return names, rects, text.String()
}

func TestSVG(t *testing.T) {
	twoInterps := testReport()
	twoInterps.Interpreters = twoInterps.Interpreters[:2]
	for i := range twoInterps.Rows {
		twoInterps.Rows[i].Cells = twoInterps.Rows[i].Cells[:2]
	}
	flat := testReport() // every time equal: the scale still shows 1×
	for i := range flat.Rows {
		for k := range flat.Rows[i].Cells {
			flat.Rows[i].Cells[k] = cell(1)
		}
	}
	odd := testReport()
	odd.Interpreters[4].Name = `a<b & "c"`
	odd.Machine.CPU = "Intel(R) <Xeon> & co"

	tests := []struct {
		name  string
		rep   *Report
		bars  int // rects of bar height
		texts []string
	}{
		// 3 programs × 4 series, one failed; 3 means × 4, PyPy's
		// "others" mean has nothing to average.
		{"all", testReport(), 11 + 11, []string{
			"fib", "graphs", "nbody", "geomean", "geomean, numeric (2)", "geomean, others (1)",
			"minipy JIT on", "CPython", "PyPy", "py|314",
			"error", "none", "0.14× (2 of 3)", "0.33×", "1.33×", "0.12×",
			"2026-11-23 · AMD EPYC (2 cores) · median of 3 runs",
			"time ÷ minipy (JIT off) time, log scale: left of the 1× line is faster",
		}},
		{"jit only", twoInterps, 3 + 3, []string{"0.33×", "0.25×", "0.50×"}},
		{"flat", flat, 12 + 12, []string{"0.5×", "1×", "2×", "1.00×"}},
		{"escaped", odd, 22, []string{`a<b & "c"`, "2026-11-23 · Intel(R) <Xeon> & co (2 cores) · median of 3 runs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := writeSVG(&first, tt.rep); err != nil {
				t.Fatal(err)
			}
			if err := writeSVG(&second, tt.rep); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two renderings of the same report differ")
			}
			names, rects, chars := svgElements(t, first.Bytes())
			if names[0] != "svg" || names[1] != "title" {
				t.Errorf("document starts %v, want svg, title", names[:2])
			}
			bars := 0
			for _, r := range rects {
				if r["height"] == f1(barHeight) {
					bars++
				}
			}
			if bars != tt.bars {
				t.Errorf("%d bars, want %d", bars, tt.bars)
			}
			lines := strings.Split(chars, "\n")
			for _, want := range tt.texts {
				found := false
				for _, l := range lines {
					found = found || l == want
				}
				if !found {
					t.Errorf("no text %q in the chart; texts: %q", want, lines)
				}
			}
		})
	}
}

func TestSVGNeedsTwoInterpreters(t *testing.T) {
	rep := testReport()
	rep.Interpreters = rep.Interpreters[:1]
	if err := writeSVG(io.Discard, rep); err == nil {
		t.Error("writeSVG with only the baseline succeeded")
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   string
	}{
		{0.99, 1.01, "[0.5 1 2]"},
		{0.3, 1.01, "[0.2 0.5 1 2]"},
		{0.05, 4, "[0.05 0.1 0.2 0.5 1 2 5]"},
		{0.06, 1.01, "[0.05 0.1 0.2 0.5 1 2]"},
		{0.99, 20, "[0.5 1 2 5 10 20]"},
		{0.002, 3, "[0.001 0.01 0.1 1 10]"}, // over 2.5 decades: decades only
	}
	for _, tt := range tests {
		if got := fmt.Sprint(ticks(tt.lo, tt.hi)); got != tt.want {
			t.Errorf("ticks(%v, %v) = %s, want %s", tt.lo, tt.hi, got, tt.want)
		}
	}
}
