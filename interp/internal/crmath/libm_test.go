package crmath

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The large sample: testdata/genlibm.py draws N arguments per function
// from a splitmix64 stream (libmArgs repeats its steps exactly) and dumps
// CPython's results, glibc's FMA variant's and its generic one's. Only
// the results that differ from the correctly rounded ones are kept, in
// testdata/libm_off.txt.gz: "variant name index delta", delta the difference
// of the bit patterns (glibc's less ours correctly rounded).

const libmN = 200000

type splitmix struct{ s uint64 }

func (s *splitmix) next() uint64 {
	s.s += 0x9E3779B97F4A7C15
	z := s.s
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

func (s *splitmix) unif() float64 { return float64(s.next()>>11) * 0x1p-53 }

func (s *splitmix) uniform(a, b float64) float64 { return a + float64((b-a)*s.unif()) }

func (s *splitmix) randint(a, b int) int { return a + int(s.next()%uint64(b-a+1)) }

func (s *splitmix) xbits(e int) float64 {
	return math.Float64frombits(uint64(1023+e)<<52 | s.next()>>12)
}

func (s *splitmix) sub() float64 { return math.Float64frombits(s.next()>>12 | 1) }

func (s *splitmix) sign() float64 {
	if s.next()&1 != 0 {
		return -1
	}
	return 1
}

func powArgs(s *splitmix, i int) (float64, float64) {
	switch i % 10 {
	case 0:
		return s.uniform(0, 10), s.uniform(-10, 10)
	case 1:
		return s.xbits(s.randint(-20, 20)), s.uniform(-30, 30)
	case 2:
		return s.uniform(0, 100), float64(s.randint(0, 24) - 12)
	case 3:
		return s.uniform(0, 100), float64(s.randint(0, 40)-20) + 0.5
	case 4:
		e := s.randint(0, 2045) - 1022
		x := s.xbits(e)
		return x, float64(s.uniform(-1, 1) * (1070.0 / float64(max(e, -e)+1)))
	case 5:
		x := 1 + math.Ldexp(s.uniform(-1, 1), -s.randint(1, 40))
		return x, math.Ldexp(s.uniform(-1, 1), s.randint(0, 45))
	case 6:
		return -s.uniform(0, 20), float64(s.randint(0, 128) - 64)
	case 7:
		return s.sub(), s.uniform(-1.1, 1.1)
	case 8:
		return s.uniform(0.5, 2), math.Ldexp(s.uniform(-1, 1), s.randint(8, 13))
	}
	x := s.uniform(0, 3)
	if s.next()&1 != 0 {
		return x, math.Ldexp(s.uniform(-1, 1), -s.randint(55, 75))
	}
	return x, math.Ldexp(s.uniform(-1, 1), s.randint(60, 66))
}

func expArgs(s *splitmix, i int) float64 {
	switch i % 6 {
	case 0:
		return s.uniform(-746, 710)
	case 1:
		return s.uniform(-1, 1)
	case 2:
		return s.sign() * s.xbits(s.randint(-60, 9))
	case 3:
		return s.uniform(-746, -700)
	case 4:
		return s.uniform(700, 709.8)
	}
	return s.uniform(-20, 20)
}

func logArgs(s *splitmix, i int) float64 {
	switch i % 5 {
	case 0:
		return s.xbits(s.randint(0, 2045) - 1022)
	case 1:
		return s.uniform(0.5, 2)
	case 2:
		return 1 + math.Ldexp(s.uniform(-1, 1), -s.randint(1, 50))
	case 3:
		return s.sub()
	}
	return s.uniform(0, 1000)
}

func trigArgs(s *splitmix, i int) float64 {
	switch i % 8 {
	case 0:
		return s.uniform(-10, 10)
	case 1:
		return s.uniform(-1e6, 1e6)
	case 2:
		return s.sign() * s.xbits(s.randint(-30, 25))
	case 3:
		return s.uniform(-0.13, 0.13)
	case 4:
		return s.sign() * s.uniform(0.8, 0.9)
	case 5:
		return s.sign() * s.uniform(2.38, 2.48)
	case 6:
		k := float64(s.randint(-1000, 1000))
		return float64(k*1.5707963267948966) + s.uniform(-1e-6, 1e-6)
	}
	return s.uniform(-1e8, 1e8)
}

func atanArgs(s *splitmix, i int) float64 {
	switch i % 6 {
	case 0:
		return s.uniform(-1, 1)
	case 1:
		return s.uniform(-20, 20)
	case 2:
		return s.sign() * s.xbits(s.randint(-30, 60))
	case 3:
		return s.uniform(-0.07, 0.07)
	case 4:
		return s.sign() * s.uniform(15, 17)
	}
	return s.sign() * s.uniform(0.9, 1.1)
}

func atan2Args(s *splitmix, i int) (float64, float64) {
	switch i % 8 {
	case 0:
		return s.uniform(-10, 10), s.uniform(-10, 10)
	case 1: // |y/x| near 1/16, 1 and 16, where the formulas change
		x := s.sign() * s.xbits(s.randint(-5, 5))
		r := []float64{0.0625, 1, 16}[s.randint(0, 2)]
		return float64(x*r) * (1 + s.uniform(-0.01, 0.01)), s.sign() * x
	case 2:
		return s.sign() * s.xbits(s.randint(-60, 60)), s.sign() * s.xbits(s.randint(-60, 60))
	case 3: // exponents about 57 apart, where the quotient alone is returned
		e := s.randint(-900, 900)
		d := s.randint(50, 60)
		if s.next()&1 != 0 {
			d = -d
		}
		return s.sign() * s.xbits(e+d), s.sign() * s.xbits(e)
	case 4: // beyond 2**500 or below 2**-500, where both are scaled
		e := s.randint(490, 1000)
		if s.next()&1 != 0 {
			e = -e
		}
		return s.sign() * s.xbits(e+s.randint(-20, 20)), s.sign() * s.xbits(e)
	case 5:
		return s.sign() * s.sub(), s.sign() * s.xbits(s.randint(-1022, -1000))
	case 6:
		return s.uniform(-1, 1), s.uniform(-0.1, 0.1)
	}
	return s.uniform(-1e6, 1e6), s.uniform(-1e6, 1e6)
}

func tanArgs(s *splitmix, i int) float64 {
	if i%10 < 8 {
		return trigArgs(s, i%10)
	}
	return bigTrigArgs(s, i)
}

// bigTrigArgs are beyond 105414350, where glibc reduces by Payne-Hanek.
func bigTrigArgs(s *splitmix, i int) float64 {
	switch i % 4 {
	case 0:
		return s.sign() * s.xbits(s.randint(27, 1023))
	case 1:
		return s.sign() * s.uniform(1.05e8, 1e9)
	case 2:
		return s.sign() * s.xbits(s.randint(26, 70))
	}
	return float64(s.randint(67108864, 1<<40)) * 1.5707963267948966
}

func asinArgs(s *splitmix, i int) float64 {
	switch i % 6 {
	case 0:
		return s.uniform(-1, 1)
	case 1:
		return s.sign() * (1 - s.xbits(s.randint(-53, -2)))
	case 2:
		return s.sign() * s.xbits(s.randint(-60, -1))
	case 3:
		return s.sign() * s.uniform(0.9, 1)
	case 4:
		return s.sign() * s.sub()
	}
	return s.uniform(-0.5, 0.5)
}

func hypotArgs(s *splitmix, i int) (float64, float64) {
	switch i % 6 {
	case 0:
		return s.uniform(-10, 10), s.uniform(-10, 10)
	case 1:
		return s.sign() * s.xbits(s.randint(-60, 60)), s.sign() * s.xbits(s.randint(-60, 60))
	case 2: // near overflow
		return s.sign() * s.xbits(s.randint(1000, 1023)), s.sign() * s.xbits(s.randint(1000, 1023))
	case 3: // near and below the subnormals
		return s.sign() * s.sub(), s.sign() * s.xbits(s.randint(-1022, -990))
	case 4:
		e := s.randint(-900, 900)
		return s.sign() * s.xbits(e), s.sign() * s.xbits(e+s.randint(-60, 60))
	}
	return s.uniform(-1e6, 1e6), s.uniform(-1e6, 1e6)
}

func pick(i int, gens ...func() float64) float64 { return gens[i%len(gens)]() }

func log10Args(s *splitmix, i int) float64 {
	return pick(i, func() float64 { return s.xbits(s.randint(-1022, 1023)) }, func() float64 { return s.uniform(0.5, 2) },
		func() float64 { return s.uniform(0, 1000) }, s.sub)
}

// hypArgs are sinh's, cosh's, tanh's, erf's and erfc's.
func hypArgs(s *splitmix, i int) float64 {
	return pick(i, func() float64 { return s.uniform(-30, 30) }, func() float64 { return s.uniform(-1, 1) },
		func() float64 { return s.sign() * s.xbits(s.randint(-40, 0)) }, func() float64 { return s.uniform(-710, 710) })
}

func cbrtArgs(s *splitmix, i int) float64 {
	return pick(i, func() float64 { return s.sign() * s.xbits(s.randint(-1022, 1023)) }, func() float64 { return s.uniform(-10, 10) },
		func() float64 { return s.sign() * s.sub() })
}

func log1pArgs(s *splitmix, i int) float64 {
	return pick(i, func() float64 { return s.uniform(-1, 1) }, func() float64 { return s.sign() * s.xbits(s.randint(-60, -1)) },
		func() float64 { return s.uniform(-0.3, 0.3) }, func() float64 { return s.xbits(s.randint(0, 60)) })
}

func asinhArgs(s *splitmix, i int) float64 {
	return pick(i, func() float64 { return s.uniform(-30, 30) }, func() float64 { return s.uniform(-1, 1) },
		func() float64 { return s.sign() * s.xbits(s.randint(-40, 0)) }, func() float64 { return s.sign() * s.xbits(s.randint(0, 1000)) })
}

func acoshArgs(s *splitmix, i int) float64 {
	return pick(i, func() float64 { return 1 + s.xbits(s.randint(-40, -1)) }, func() float64 { return s.uniform(1, 10) },
		func() float64 { return s.xbits(s.randint(0, 1000)) }, func() float64 { return s.uniform(1, 3) })
}

func atanhArgs(s *splitmix, i int) float64 {
	return pick(i, func() float64 { return s.uniform(-1, 1) }, func() float64 { return s.sign() * s.xbits(s.randint(-60, -1)) },
		func() float64 { return s.uniform(-0.3, 0.3) }, func() float64 { return s.sign() * (1 - s.xbits(s.randint(-53, -2))) })
}

func log2Args(s *splitmix, i int) float64 {
	if i%5 == 2 { // near 1, where log2 has its own polynomial
		return 1 + math.Ldexp(s.uniform(-1, 1), -s.randint(4, 50))
	}
	return logArgs(s, i)
}

func exp2Args(s *splitmix, i int) float64 {
	switch i % 5 {
	case 0:
		return s.uniform(-1080, 1025)
	case 1:
		return s.uniform(-1, 1)
	case 2:
		return s.sign() * s.xbits(s.randint(-60, 9))
	case 3:
		return s.uniform(-1080, -1015)
	}
	return s.uniform(1015, 1025)
}

func expm1Args(s *splitmix, i int) float64 {
	switch i % 6 {
	case 0:
		return s.uniform(-5, 5)
	case 1:
		return s.sign() * s.xbits(s.randint(-60, 0))
	case 2:
		return s.uniform(-40, 709.7)
	case 3:
		return s.uniform(-0.35, 0.35)
	case 4:
		return s.sign() * s.uniform(0.34, 1.05)
	}
	return s.uniform(38, 45)
}

// libmFunc is one function of the sample: its arguments, the replica of
// glibc's and the correctly rounded reference.
type libmFunc struct {
	seed      uint64
	args      func(*splitmix, int) (float64, float64)
	glibc, cr func(x, y float64) float64
}

var libmFuncs = map[string]libmFunc{
	"pow":    {1, powArgs, Pow, crPow},
	"exp":    {2, one(expArgs), func(x, _ float64) float64 { return Exp(x) }, func(x, _ float64) float64 { return crExp(x) }},
	"sin":    {4, one(trigArgs), func(x, _ float64) float64 { return Sin(x) }, func(x, _ float64) float64 { return sinCR(x) }},
	"cos":    {5, one(trigArgs), func(x, _ float64) float64 { return Cos(x) }, func(x, _ float64) float64 { return cosCR(x) }},
	"atan":   {6, one(atanArgs), func(x, _ float64) float64 { return Atan(x) }, func(x, _ float64) float64 { return atanCR(x) }},
	"log2":   {7, one(log2Args), func(x, _ float64) float64 { return Log2(x) }, func(x, _ float64) float64 { return log2CR(x) }},
	"exp2":   {8, one(exp2Args), func(x, _ float64) float64 { return Exp2(x) }, func(x, _ float64) float64 { return exp2CR(x) }},
	"expm1":  {9, one(expm1Args), func(x, _ float64) float64 { return Expm1(x) }, func(x, _ float64) float64 { return crExpm1(x) }},
	"asin":   {12, one(asinArgs), func(x, _ float64) float64 { return Asin(x) }, func(x, _ float64) float64 { return asinCR(x) }},
	"acos":   {13, one(asinArgs), func(x, _ float64) float64 { return Acos(x) }, func(x, _ float64) float64 { return acosCR(x) }},
	"hypot":  {16, hypotArgs, CHypot, func(x, y float64) float64 { return Hypot(x, y) }},
	"atan2":  {10, atan2Args, Atan2, atan2CR},
	"tan":    {11, one(tanArgs), func(x, _ float64) float64 { return Tan(x) }, func(x, _ float64) float64 { return tanCR(x) }},
	"sinbig": {14, one(bigTrigArgs), func(x, _ float64) float64 { return Sin(x) }, func(x, _ float64) float64 { return sinCR(x) }},
	"cosbig": {15, one(bigTrigArgs), func(x, _ float64) float64 { return Cos(x) }, func(x, _ float64) float64 { return cosCR(x) }},
	"log":    {3, one(logArgs), func(x, _ float64) float64 { return Log(x) }, func(x, _ float64) float64 { return crLog(x) }},
}

// crExpm1 is e**x - 1 correctly rounded (up to 2**-100), for the sample.
func crExpm1(x float64) float64 {
	if math.Abs(x) < 0x1p-54 || x > 709.78 || x < -40 {
		return Expm1(x)
	}
	if math.Abs(x) < 0.35 {
		e := expm1Small(dd{x, 0})
		return e.hi + e.lo
	}
	k, r := reduceLn2(dd{x, 0})
	v := addF(scaleDD(addF(expm1Small(r), 1), k), -1)
	return v.hi + v.lo
}

func one(f func(*splitmix, int) float64) func(*splitmix, int) (float64, float64) {
	return func(s *splitmix, i int) (float64, float64) { return f(s, i), 0 }
}

func (f libmFunc) all() [][2]float64 {
	s := &splitmix{f.seed}
	a := make([][2]float64, libmN)
	for i := range a {
		a[i][0], a[i][1] = f.args(s, i)
	}
	return a
}

var libmVariants = []struct {
	name string
	fma  bool
}{{"fma", true}, {"generic", false}}

type offKey struct {
	variant, name string
	index         int
}

func loadOff(t *testing.T) map[offKey]int64 {
	f, err := os.Open("testdata/libm_off.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	off := map[offKey]int64{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		var k offKey
		var d int64
		if _, err := fmt.Sscan(sc.Text(), &k.variant, &k.name, &k.index, &d); err != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		off[k] = d
	}
	return off
}

// TestLibmSample requires Pow, Exp and Log to give glibc's result on
// every sample, in both of glibc's variants.
func TestLibmSample(t *testing.T) {
	if d := os.Getenv("CRMATH_LIBM_DUMP"); d != "" {
		writeOff(t, d)
	}
	off := loadOff(t)
	saved := glibcFMA
	defer func() { glibcFMA = saved }()
	for name, f := range libmFuncs {
		args := f.all()
		cr := make([]float64, len(args))
		for i, a := range args {
			cr[i] = f.cr(a[0], a[1])
		}
		for _, v := range libmVariants {
			glibcFMA = v.fma
			bad, differ := 0, 0
			for i, a := range args {
				want := cr[i]
				if d, ok := off[offKey{v.name, name, i}]; ok {
					want = math.Float64frombits(uint64(int64(math.Float64bits(want)) + d))
					differ++
				}
				if got := f.glibc(a[0], a[1]); !same(got, want) {
					if bad++; bad <= 10 {
						t.Errorf("%s %s #%d (%x, %x) = %x, glibc's %x", v.name, name, i, a[0], a[1], got, want)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%s %s: %d of %d differ from glibc's", v.name, name, bad, libmN)
			}
			t.Logf("%s %s: glibc not correctly rounded on %d of %d", v.name, name, differ, libmN)
		}
	}
}

// writeOff remakes testdata/libm_off.txt.gz from genlibm.py's dumps.
func writeOff(t *testing.T, spec string) {
	var lines []string
	for _, part := range strings.Split(spec, ",") {
		variant, path, _ := strings.Cut(part, "=")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		args := map[string][][2]float64{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.Fields(sc.Text())
			fn, ok := libmFuncs[w[0]]
			if !ok {
				continue
			}
			if args[w[0]] == nil {
				args[w[0]] = fn.all()
			}
			i, _ := strconv.Atoi(w[1])
			a := args[w[0]][i]
			for j, h := range w[2 : len(w)-1] {
				if x, _ := strconv.ParseFloat(h, 64); !same(x, a[j]) {
					t.Fatalf("%s #%d: argument %d is %x, genlibm.py's %s", w[0], i, j, a[j], h)
				}
			}
			var want float64
			switch r := w[len(w)-1]; r {
			case "inf":
				want = math.Inf(1)
			case "-inf":
				want = math.Inf(-1)
			default:
				want, err = strconv.ParseFloat(r, 64)
				if err != nil {
					t.Fatal(err)
				}
			}
			if cr := fn.cr(a[0], a[1]); !same(cr, want) {
				d := int64(math.Float64bits(want)) - int64(math.Float64bits(cr))
				lines = append(lines, fmt.Sprintf("%s %s %d %d", variant, w[0], i, d))
			}
		}
		f.Close()
	}
	sort.Strings(lines)
	head := "# made by genlibm.py and TestLibmSample: variant function index delta\n"
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(head + strings.Join(lines, "\n") + "\n"))
	zw.Close()
	if err := os.WriteFile("testdata/libm_off.txt.gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
