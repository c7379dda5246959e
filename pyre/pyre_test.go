package pyre

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// pyCase is one line of testdata/cases.jsonl: CPython 3.11's answer for a
// pattern, flags and subject (testdata/gencases.py).
type pyCase struct {
	P    string    `json:"p"`
	F    int       `json:"f"`
	S    string    `json:"s"`
	Err  *string   `json:"err"`
	Pos  int       `json:"pos"`
	Iter [][][]int `json:"iter"`
	M    [][]int   `json:"m"`
	FM   [][]int   `json:"fm"`
	Sub  string    `json:"sub"`
}

func spansOf(r *Result, groups int) [][]int {
	if r == nil {
		return nil
	}
	out := make([][]int, groups+1)
	for g := range out {
		out[g] = []int{r.Caps[2*g], r.Caps[2*g+1]}
	}
	return out
}

// findAll is finditer: every match, an empty one never at the end of the
// one before.
func findAll(t *testing.T, re *Regexp, text []rune) [][][]int {
	t.Helper()
	var out [][][]int
	pos, must := 0, false
	for pos <= len(text) {
		r, err := re.Match(&Input{Text: text, Pos: pos, Mode: ModeSearch, MustAdvance: must})
		if err != nil {
			t.Fatal(err)
		}
		if r == nil {
			break
		}
		out = append(out, spansOf(r, re.Groups))
		must = r.Caps[0] == r.Caps[1]
		pos = r.Caps[1]
	}
	return out
}

func subAll(t *testing.T, re *Regexp, text []rune) string {
	var b strings.Builder
	last := 0
	for _, m := range findAll(t, re, text) {
		b.WriteString(string(text[last:m[0][0]]))
		b.WriteString("<" + string(text[m[0][0]:m[0][1]]) + ">")
		last = m[0][1]
	}
	b.WriteString(string(text[last:]))
	return b.String()
}

func TestAgainstCPython(t *testing.T) {
	file := "testdata/cases.jsonl"
	if env := os.Getenv("PYRE_CASES"); env != "" {
		file = env // a larger differential run (gencases.py --random N)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n, fails := 0, 0
	for sc.Scan() {
		var c pyCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		if fails > 30 {
			continue
		}
		name := fmt.Sprintf("%q flags %d on %q", c.P, c.F, c.S)
		re, err := Compile(c.P, c.F)
		if c.Err != nil {
			var pe *Error
			switch {
			case err == nil:
				t.Errorf("%s: compiled, want error %q at %d", name, *c.Err, c.Pos)
				fails++
			case c.Pos == -2:
				if errors.As(err, &pe) || err.Error() != *c.Err {
					t.Errorf("%s: got %v, want %q", name, err, *c.Err)
					fails++
				}
			case !errors.As(err, &pe) || pe.Msg != *c.Err || pe.Pos != c.Pos:
				t.Errorf("%s: got error %#v, want %q at %d", name, err, *c.Err, c.Pos)
				fails++
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			fails++
			continue
		}
		text := []rune(c.S)
		if got := findAll(t, re, text); fmt.Sprint(got) != fmt.Sprint(c.Iter) {
			t.Errorf("%s: finditer spans %v, want %v", name, got, c.Iter)
			fails++
		}
		for _, k := range []struct {
			mode Mode
			want [][]int
		}{{ModeMatch, c.M}, {ModeFullMatch, c.FM}} {
			r, err := re.Match(&Input{Text: text, Mode: k.mode})
			if err != nil {
				t.Fatal(err)
			}
			if got := spansOf(r, re.Groups); fmt.Sprint(got) != fmt.Sprint(k.want) {
				t.Errorf("%s: mode %d spans %v, want %v", name, k.mode, got, k.want)
				fails++
			}
		}
		if got := subAll(t, re, text); got != c.Sub {
			t.Errorf("%s: sub %q, want %q", name, got, c.Sub)
			fails++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 2000 && file == "testdata/cases.jsonl" {
		t.Errorf("only %d cases", n)
	}
}

// TestNoStackOverflow: deep nesting is refused with an error, and long
// subjects with many backtracking points run on the machine's own stack.
func TestNoStackOverflow(t *testing.T) {
	deep := strings.Repeat("(", 5000) + strings.Repeat(")", 5000)
	if _, err := Compile(deep, 0); err == nil {
		t.Errorf("5000 nested groups compiled")
	}
	long := []rune(strings.Repeat("ab", 200000))
	for _, p := range []string{`(?:a|b)*c`, `(ab|a)*$`, `(?:(a)|b)*?$`, `.*x`, `(a(b))+`} {
		re, err := Compile(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := re.Match(&Input{Text: long, Mode: ModeMatch}); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// TestCheckStops: a catastrophic pattern stops when its check says so.
func TestCheckStops(t *testing.T) {
	re, err := Compile(`(a*)*b`, 0)
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("interrupted")
	calls := 0
	_, err = re.Match(&Input{Text: []rune(strings.Repeat("a", 40)), Mode: ModeSearch, Check: func() error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	}})
	if err != stop {
		t.Errorf("got %v, want the check's error", err)
	}
}

func TestTemplate(t *testing.T) {
	re, err := Compile(`(?P<a>x)(y)?`, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ repl, want string }{
		{`\1-\2`, "[1]-[2]"},
		{`\g<a>\g<2>\g<0>`, "[1][2][0]"},
		{`a\nb\\`, "a\nb\\"},
		{`\-`, `\-`},
		{`\101`, "A"},
		{`\0`, "\x00"},
		{`\3`, "error: invalid group reference 3 at position 1"},
		{`\g<b>`, "error: unknown group name 'b'"},
		{`\g<1`, "error: missing >, unterminated name at position 3"},
		{`\g`, "error: missing < at position 2"},
		{`\q`, `error: bad escape \q at position 0`},
		{`\g<-1>`, "error: bad character in group name '-1' at position 3"},
	} {
		tm, err := re.ParseTemplate(tc.repl)
		var got string
		if err != nil {
			got = "error: " + err.Error()
		} else {
			for _, p := range tm.Parts {
				if p.IsGroup {
					got += fmt.Sprintf("[%d]", p.Group)
				} else {
					got += p.Lit
				}
			}
		}
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.repl, got, tc.want)
		}
	}
}

// FuzzCompile: no pattern panics the parser, the compiler or a match.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{`(a|b)*c`, `(?P<x>a)(?P=x)`, `(?<=ab)c`, `[a-z\d]+?`, `(?(1)a|b)`, `a{2,3}+`, `(?i:a)\b`, `(?x) a # c`} {
		f.Add(s, "aabbc")
	}
	f.Fuzz(func(t *testing.T, p, s string) {
		if !utf8.ValidString(p) || len(p) > 200 || len(s) > 200 {
			return
		}
		re, err := Compile(p, 0)
		if err != nil {
			return
		}
		steps := 0
		check := func() error {
			steps++
			if steps > 50 {
				return errors.New("too long")
			}
			return nil
		}
		for _, m := range []Mode{ModeMatch, ModeSearch, ModeFullMatch} {
			re.Match(&Input{Text: []rune(s), Mode: m, Check: check})
		}
		re.ParseTemplate(s)
	})
}
