// Command mandelgen writes a Mandelbrot set plotter in Brainfuck (for the
// bf example's 16-bit cells), and the output it must print.
//
// Usage:
//
//	mandelgen [-w 80] [-h 24] [-iter 24] [-o mandelbrot.b] [-expect mandelbrot.out]
//
// The plotter works in fixed point with 32 units to 1 (S below), in 16-bit
// two's complement cells. For each character cell it iterates
// z = z² + c with
//
//	zr2 = ⌊zr²/S⌋, zi2 = ⌊zi²/S⌋; stop if zr2 + zi2 > 4S;
//	zi = ⌊zr·zi/(S/2)⌋ + ci; zr = zr2 − zi2 + cr
//
// and prints a character for the number of iterations it took to escape.
// Brainfuck multiplies by repeated addition, so a product loops over a
// biased copy of one factor (zr + K, always small and positive) and then
// subtracts K times the other; it divides by counting. The same integer
// arithmetic in Go (expected) gives the output to compare with.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

const (
	S = 32   // fixed-point units per 1
	K = 200  // loop bias: |zr|, |zi| ≤ 6S+2 < K while the orbit is bounded
	B = 2112 // division bias for zr·zi: |zr·zi| < S(2S+1) ≤ B, a multiple of S/2
)

// palette[k] is printed for an orbit that escaped after at least
// thresholds[k] iterations; inside is printed for one that did not.
var (
	palette    = []byte(" .,-:;=+*%")
	thresholds = []int{0, 1, 2, 3, 4, 6, 8, 11, 15, 20}
	inside     = byte('@')
)

func main() {
	w := flag.Int("w", 80, "columns")
	h := flag.Int("h", 24, "rows")
	iter := flag.Int("iter", 24, "iterations at most per point")
	out := flag.String("o", "", "write the program here (default: standard output)")
	expect := flag.String("expect", "", "also write the output the program must print here")
	flag.Parse()
	p := params{w: *w, h: *h, iter: *iter, x0: -2 * S, y0: -(*h / 2) * 3, dx: 1, dy: 3}
	if err := write(*out, generate(p)); err != nil {
		fmt.Fprintln(os.Stderr, "mandelgen:", err)
		os.Exit(1)
	}
	if *expect != "" {
		if err := write(*expect, expected(p)); err != nil {
			fmt.Fprintln(os.Stderr, "mandelgen:", err)
			os.Exit(1)
		}
	}
}

func write(path, s string) error {
	if path == "" {
		_, err := os.Stdout.WriteString(s)
		return err
	}
	return os.WriteFile(path, []byte(s), 0o644)
}

// params place the plot: the top-left point (x0, y0) and the steps, in
// fixed-point units.
type params struct {
	w, h, iter     int
	x0, y0, dx, dy int
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// expected is the plot computed in Go with the program's arithmetic.
func expected(p params) string {
	var b strings.Builder
	for row := 0; row < p.h; row++ {
		ci := p.y0 + row*p.dy
		for col := 0; col < p.w; col++ {
			cr := p.x0 + col*p.dx
			zr, zi := 0, 0
			ch := inside
			for i := 0; i < p.iter; i++ {
				zr2, zi2 := zr*zr/S, zi*zi/S
				if zr2+zi2 > 4*S {
					for k := range thresholds {
						if i >= thresholds[k] {
							ch = palette[k]
						}
					}
					break
				}
				zi = floorDiv(zr*zi, S/2) + ci
				zr = zr2 - zi2 + cr
			}
			b.WriteByte(ch)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// asm writes Brainfuck, keeping track of the head.
type asm struct {
	b    strings.Builder
	head int
	col  int
}

func (a *asm) emit(s string) {
	for i := 0; i < len(s); i++ {
		a.b.WriteByte(s[i])
		if a.col++; a.col == 72 {
			a.b.WriteByte('\n')
			a.col = 0
		}
	}
}

func (a *asm) at(c int) {
	for ; a.head < c; a.head++ {
		a.emit(">")
	}
	for ; a.head > c; a.head-- {
		a.emit("<")
	}
}

// add adds k (mod 2^16) to cell c.
func (a *asm) add(c, k int) {
	k &= 0xffff
	a.at(c)
	if k <= 0x8000 {
		a.emit(strings.Repeat("+", k))
	} else {
		a.emit(strings.Repeat("-", 0x10000-k))
	}
}

// loop runs body while cell c is not zero; body must leave the head
// anywhere (at puts it back).
func (a *asm) loop(c int, body func()) {
	a.at(c)
	a.emit("[")
	body()
	a.at(c)
	a.emit("]")
}

func (a *asm) clear(c int) { a.loop(c, func() { a.add(c, -1) }) }

func (a *asm) set(c, v int) {
	a.clear(c)
	a.add(c, v)
}

// target is a cell and a factor.
type target struct{ cell, k int }

// moveTo adds src·k to each target and clears src.
func (a *asm) moveTo(src int, ts ...target) {
	a.loop(src, func() {
		a.add(src, -1)
		for _, t := range ts {
			a.add(t.cell, t.k)
		}
	})
}

// cells: the plotter's variables.
const (
	rows = iota + 1
	cols
	cr
	ci
	zr
	zi
	zr2
	zi2
	n
	running
	flag1
	flag2
	u
	acc
	t0
	t1
	t2
	t3
	ch
)

// addTo adds src·k to dst, keeping src (through t0).
func (a *asm) addTo(dst, src, k int) {
	a.clear(t0)
	a.moveTo(src, target{dst, k}, target{t0, 1})
	a.moveTo(t0, target{src, 1})
}

// copyTo sets dst = src.
func (a *asm) copyTo(dst, src int) {
	a.clear(dst)
	a.addTo(dst, src, 1)
}

// ifNonzero runs body once if c is not zero, keeping c (through t1, t2).
// body must not use t1.
func (a *asm) ifNonzero(c int, body func()) {
	a.copyToVia(t1, c, t2)
	a.loop(t1, func() {
		body()
		a.clear(t1)
	})
}

// copyToVia is copyTo with another temporary, for use under addTo's t0.
func (a *asm) copyToVia(dst, src, tmp int) {
	a.clear(dst)
	a.clear(tmp)
	a.moveTo(src, target{dst, 1}, target{tmp, 1})
	a.moveTo(tmp, target{src, 1})
}

// ifZero runs body once if c is zero (through flag2).
func (a *asm) ifZero(c int, body func()) {
	a.set(flag2, 1)
	a.ifNonzero(c, func() { a.clear(flag2) })
	a.loop(flag2, func() {
		body()
		a.clear(flag2)
	})
}

// mulTo sets dst = x·y (mod 2^16) for |x| < K: it adds y (x+K) times,
// then subtracts K·y.
func (a *asm) mulTo(dst, x, y int) {
	a.clear(dst)
	a.copyTo(u, x)
	a.add(u, K)
	a.loop(u, func() {
		a.add(u, -1)
		a.addTo(dst, y, 1)
	})
	a.addTo(dst, y, -K)
}

// divTo sets q = ⌊num/d⌋ for num ≥ 0, clearing num: it counts num down,
// and q up every d steps.
func (a *asm) divTo(q, num, d int) {
	a.clear(q)
	a.set(t3, d)
	a.loop(num, func() {
		a.add(num, -1)
		a.add(t3, -1)
		a.ifZero(t3, func() {
			a.add(q, 1)
			a.set(t3, d)
		})
	})
}

func generate(p params) string {
	a := &asm{}
	a.emit("mandelbrot set plotter generated by mandelgen (16-bit cells)\n")
	a.col = 0
	a.set(rows, p.h)
	a.set(ci, p.y0)
	a.loop(rows, func() {
		a.add(rows, -1)
		a.set(cols, p.w)
		a.set(cr, p.x0)
		a.loop(cols, func() {
			a.add(cols, -1)
			a.pixel(p)
			a.add(cr, p.dx)
		})
		a.set(ch, '\n')
		a.at(ch)
		a.emit(".")
		a.add(ci, p.dy)
	})
	a.emit("\n")
	return a.b.String()
}

// pixel iterates z = z² + c for the point (cr, ci) and prints its
// character.
func (a *asm) pixel(p params) {
	a.clear(zr)
	a.clear(zi)
	a.set(n, 0) // iterations done
	a.set(ch, int(inside))
	a.set(running, 1)
	a.loop(running, func() {
		// zr2 = ⌊zr²/S⌋, zi2 = ⌊zi²/S⌋ (squares are below 2^16)
		a.mulTo(acc, zr, zr)
		a.divTo(zr2, acc, S)
		a.mulTo(acc, zi, zi)
		a.divTo(zi2, acc, S)
		// escaped: zr2 + zi2 > 4S, i.e. the sum is not zero after 4S
		// saturating decrements.
		a.copyTo(acc, zr2)
		a.addTo(acc, zi2, 1)
		a.set(flag1, 4*S)
		a.loop(flag1, func() {
			a.add(flag1, -1)
			a.ifNonzero(acc, func() { a.add(acc, -1) })
		})
		a.ifNonzero(acc, func() {
			a.clear(running)
			a.shade()
		})
		a.loop(running, func() { // not escaped: one more iteration
			// zi = ⌊zr·zi/(S/2)⌋ + ci, through the bias B
			a.mulTo(acc, zr, zi)
			a.add(acc, B)
			a.divTo(zi, acc, S/2)
			a.add(zi, -B/(S/2))
			a.addTo(zi, ci, 1)
			// zr = zr2 - zi2 + cr
			a.clear(zr)
			a.moveTo(zr2, target{zr, 1})
			a.moveTo(zi2, target{zr, -1})
			a.addTo(zr, cr, 1)
			a.add(n, 1)
			// stop after p.iter iterations: running = (n != iter)
			a.copyTo(acc, n)
			a.add(acc, -p.iter)
			a.clear(running)
			a.ifNonzero(acc, func() { a.add(running, 1) })
			a.clear(acc)
			a.moveTo(running, target{acc, 1}) // leave the inner loop...
		})
		a.moveTo(acc, target{running, 1}) // ...and carry running back
		a.clear(zr2)
		a.clear(zi2)
	})
	a.at(ch)
	a.emit(".")
}

// shade sets ch from n, the iterations the orbit took to escape.
func (a *asm) shade() {
	a.copyTo(acc, n)
	a.add(acc, 1) // ch = palette[k] if n+1 > thresholds[k]
	prev := 0
	for k, th := range thresholds {
		for range th - prev {
			a.ifNonzero(acc, func() { a.add(acc, -1) })
		}
		prev = th
		pal := palette[k]
		a.ifNonzero(acc, func() { a.set(ch, int(pal)) })
	}
	a.clear(acc)
}
