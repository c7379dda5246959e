package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Chart geometry, in pixels.
const (
	svgWidth   = 840.0
	labelRight = 180.0 // program names end here (room for "geometric mean, numeric (9)")
	plotLeft   = 275.0 // room for value labels left of the shortest bar
	plotRight  = 745.0 // and right of the longest
	barHeight  = 11.0
	barGap     = 2.0
	groupGap   = 12.0
	fontFamily = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif"
)

// palette colours the interpreters after the baseline (Okabe–Ito, readable
// by colour-blind readers and on GitHub's light and dark themes, since the
// chart has its own white background).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"}

// writeSVG draws the report as a grouped horizontal bar chart: for each
// program, then for each geometric-mean group, one bar per interpreter
// after the baseline, its time relative to minipy with the JIT off on a log
// scale, drawn from the 1× line. The same report always gives the same
// bytes.
func writeSVG(w io.Writer, rep *Report) error {
	series := len(rep.Interpreters) - 1
	if series < 1 {
		return fmt.Errorf("chart: need an interpreter besides the baseline")
	}

	// Everything drawn, as rows of bars: the programs, then the means.
	type chartRow struct {
		label  string
		bold   bool
		values []float64 // per interpreter k ≥ 1; NaN where there is none
		notes  []string  // why there is none, or what qualifies the value
	}
	var rows []chartRow
	for _, r := range rep.Rows {
		cr := chartRow{label: r.Program}
		for k := 1; k <= series; k++ {
			v, ok := relative(r, k)
			note := ""
			switch _, own := r.Cells[k].median(); {
			case !own:
				v, note = math.NaN(), "error"
			case !ok:
				v, note = math.NaN(), "no baseline"
			}
			cr.values, cr.notes = append(cr.values, v), append(cr.notes, note)
		}
		rows = append(rows, cr)
	}
	nProgramRows := len(rows)
	for _, g := range groups(rep.Rows) {
		cr := chartRow{label: strings.Replace(g.label, "geometric mean", "geomean", 1), bold: true}
		for k := 1; k <= series; k++ {
			v, n := meanOf(g.rows, k, relative)
			note := ""
			switch {
			case n == 0:
				v, note = math.NaN(), "none"
			case n < len(g.rows):
				note = fmt.Sprintf("%d of %d", n, len(g.rows))
			}
			cr.values, cr.notes = append(cr.values, v), append(cr.notes, note)
		}
		rows = append(rows, cr)
	}

	lo, hi := 0.99, 1.01 // the 1× line always shows, with a tick each side
	for _, r := range rows {
		for _, v := range r.values {
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	ts := ticks(lo, hi)
	lo, hi = ts[0], ts[len(ts)-1]
	x := func(v float64) float64 {
		return plotLeft + (math.Log(v)-math.Log(lo))/(math.Log(hi)-math.Log(lo))*(plotRight-plotLeft)
	}

	var b strings.Builder
	// Title, subtitle and legend.
	y := 24.0
	title := "Time relative to minipy with the JIT off"
	sub := fmt.Sprintf("%s · %s (%d cores) · median of %s", rep.Date.Format("2006-01-02"),
		rep.Machine.CPU, rep.Machine.Cores, plural(rep.Runs, "run"))
	text(&b, 16, y, "start", `font-size="15" font-weight="bold"`, title)
	y += 18
	text(&b, 16, y, "start", `fill="#555"`, sub)
	y += 22
	lx := 16.0
	for k := 1; k <= series; k++ {
		name := rep.Interpreters[k].Name
		wd := 18 + 7*float64(len([]rune(name))) + 18
		if lx+wd > svgWidth-16 && lx > 16 {
			lx, y = 16, y+18
		}
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="12" height="12" fill="%s"/>`+"\n", f1(lx), f1(y-10), color(k))
		text(&b, lx+18, y, "start", "", name)
		lx += wd
	}
	y += 16

	// Plot area: grid and tick labels first, bars on top.
	plotTop := y
	height := 0.0
	for i := range rows {
		if i == nProgramRows {
			height += groupGap
		}
		height += float64(series)*(barHeight+barGap) - barGap + groupGap
	}
	plotBottom := plotTop + height
	for _, t := range ts {
		stroke := `stroke="#ddd"`
		if t == 1 {
			stroke = `stroke="#333" stroke-width="1.5"`
		}
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`+"\n", f1(x(t)), f1(plotTop-4), f1(x(t)), f1(plotBottom), stroke)
		text(&b, x(t), plotBottom+16, "middle", `fill="#333"`, fmtTick(t)+"×")
	}
	y = plotTop + groupGap/2
	for i, r := range rows {
		if i == nProgramRows {
			fmt.Fprintf(&b, `<line x1="16" y1="%s" x2="%s" y2="%s" stroke="#999" stroke-dasharray="4 3"/>`+"\n",
				f1(y-groupGap/2), f1(svgWidth-16), f1(y-groupGap/2))
			y += groupGap
		}
		groupHeight := float64(series)*(barHeight+barGap) - barGap
		attrs := ""
		if r.bold {
			attrs = `font-weight="bold"`
		}
		text(&b, labelRight, y+groupHeight/2+4, "end", attrs, r.label)
		for j, v := range r.values {
			by := y + float64(j)*(barHeight+barGap)
			note := r.notes[j]
			if math.IsNaN(v) {
				text(&b, x(1)+4, by+barHeight-2, "start", `font-size="10" fill="#b00" font-style="italic"`, note)
				continue
			}
			left, right := min(x(1), x(v)), max(x(1), x(v))
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
				f1(left), f1(by), f1(max(right-left, 1)), f1(barHeight), color(j+1))
			lab, anchor, at := fmtRatio(v)+"×", "start", right+4
			if note != "" {
				lab += " (" + note + ")"
			}
			if v < 1 {
				anchor, at = "end", left-4
			}
			text(&b, at, by+barHeight-2, anchor, `font-size="10" fill="#333"`, lab)
		}
		y += groupHeight + groupGap
	}
	y = plotBottom + 38
	text(&b, (plotLeft+plotRight)/2, y, "middle", `fill="#333"`,
		"time ÷ minipy (JIT off) time, log scale: left of the 1× line is faster")
	total := y + 14

	var out strings.Builder
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" font-size="12">`+"\n",
		f1(svgWidth), f1(total), f1(svgWidth), f1(total), fontFamily)
	out.WriteString("<title>" + esc(title) + "</title>\n")
	fmt.Fprintf(&out, `<rect width="100%%" height="100%%" fill="#fff"/>`+"\n")
	out.WriteString(b.String())
	out.WriteString("</svg>\n")
	_, err := io.WriteString(w, out.String())
	return err
}

// ticks returns the 1-2-5 ticks (decades only for a range over 2.5 decades)
// from the largest at or below lo to the smallest at or above hi; lo and hi
// are positive and lo < hi.
func ticks(lo, hi float64) []float64 {
	steps := []float64{1, 2, 5}
	if math.Log10(hi/lo) > 2.5 {
		steps = []float64{1}
	}
	const eps = 1e-9
	var cand []float64
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for _, m := range steps {
			// Round away the error of m·10^e so labels and comparisons are exact.
			v, _ := strconv.ParseFloat(strconv.FormatFloat(m*math.Pow(10, e), 'g', 3, 64), 64)
			cand = append(cand, v)
		}
	}
	first, last := 0, len(cand)-1
	for i, v := range cand {
		if v <= lo*(1+eps) {
			first = i
		}
	}
	for i := len(cand) - 1; i >= 0; i-- {
		if cand[i] >= hi*(1-eps) {
			last = i
		}
	}
	return cand[first : last+1]
}

// fmtTick formats a tick value without trailing zeros.
func fmtTick(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }

// color returns the colour of interpreter k ≥ 1.
func color(k int) string { return palette[(k-1)%len(palette)] }

// f1 formats a coordinate with one decimal, the same on every machine.
func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// text writes one <text> element; attrs are extra attributes, s is escaped.
func text(b *strings.Builder, x, y float64, anchor, attrs, s string) {
	if attrs != "" {
		attrs = " " + attrs
	}
	fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="%s"%s>%s</text>`+"\n", f1(x), f1(y), anchor, attrs, esc(s))
}

// esc escapes s for XML character data and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writing to a strings.Builder cannot fail
	return b.String()
}
