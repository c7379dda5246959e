// Package pyre is a regular-expression engine with Python's re syntax and
// semantics: a parser giving CPython's error messages and positions, and a
// backtracking matcher (backreferences, lookaround, atomic groups,
// possessive and lazy repeats, conditionals) whose state lives on an
// explicit stack, so no pattern or text can overflow the Go stack.
// Positions are code-point indexes, as Python's str indexes are.
//
// pyre must not import interp: the interpreter binds it (interp/mod_re.go).
package pyre

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Flags are re's flag bits (the values of re.I, re.M ...).
const (
	FlagTemplate  = 1
	FlagI         = 2
	FlagL         = 4
	FlagM         = 8
	FlagS         = 16
	FlagU         = 32
	FlagX         = 64
	FlagDebug     = 128
	FlagA         = 256
	typeFlags     = FlagA | FlagL | FlagU
	globalFlags   = FlagDebug | FlagTemplate
	maxRepeat     = 1<<32 - 1 // CPython's MAXREPEAT: an unbounded repeat
	maxGroups     = 1<<30 - 1
	maxNesting    = 1000 // parentheses deeper than this are refused (the parser recurses)
	unboundedWide = 1 << 62
)

// Error is re.error: a message, the pattern and where (Pos < 0: nowhere).
type Error struct {
	Msg     string
	Pattern string
	Pos     int
}

// Error is str(re.error): the message, its position and, for a pattern of
// several lines, the line and column.
func (e *Error) Error() string {
	if e.Pos < 0 {
		return e.Msg
	}
	s := fmt.Sprintf("%s at position %d", e.Msg, e.Pos)
	if strings.ContainsRune(e.Pattern, '\n') {
		line, col := e.LineCol()
		s += fmt.Sprintf(" (line %d, column %d)", line, col)
	}
	return s
}

// LineCol is the 1-based line and column of Pos.
func (e *Error) LineCol() (int, int) {
	rs := []rune(e.Pattern)
	line, col := 1, e.Pos+1
	for i := 0; i < e.Pos && i < len(rs); i++ {
		if rs[i] == '\n' {
			line++
			col = e.Pos - i
		}
	}
	return line, col
}

// IndexError is an error CPython raises as IndexError (an unknown group
// name in a replacement template).
type IndexError struct{ Msg string }

func (e *IndexError) Error() string { return e.Msg }

// OverflowError is CPython's OverflowError (a repeat count too large).
type OverflowError struct{ Msg string }

func (e *OverflowError) Error() string { return e.Msg }

// ValueError is CPython's ValueError (incompatible flags).
type ValueError struct{ Msg string }

func (e *ValueError) Error() string { return e.Msg }

type nodeKind uint8

const (
	nEmpty   nodeKind = iota
	nLit              // c
	nAny              // .
	nSet              // set
	nAt               // at
	nGroup            // group, subs[0]; group 0 is a flags-only group
	nConcat           // subs
	nAlt              // subs
	nRepeat           // min, max, mode, subs[0]
	nBackref          // group
	nLook             // neg, behind, subs[0]
	nAtomic           // subs[0]
	nCond             // group, subs[0] yes, subs[1] no (or nil)
)

type repMode uint8

const (
	greedy repMode = iota
	lazy
	possessive
)

type atKind uint8

const (
	atBeginning       atKind = iota // ^
	atEnd                           // $
	atBeginningString               // \A
	atEndString                     // \Z, \z
	atBoundary                      // \b
	atNonBoundary                   // \B
)

type node struct {
	kind       nodeKind
	c          rune
	set        *charSet
	at         atKind
	group      int
	subs       []*node
	min, max   int
	mode       repMode
	neg        bool
	behind     bool
	addFlags   int // nGroup: scoped flags (?i:...)
	delFlags   int
	fixedWidth int // nLook behind: its width
}

// setItem is one member of a [...] set: a range lo..hi or a category.
type setItem struct {
	lo, hi rune
	cat    byte // 0, or 'd' 'D' 'w' 'W' 's' 'S'
}

type charSet struct {
	neg   bool
	items []setItem
}

type parser struct {
	src    []rune
	str    string
	i      int // index of the next token
	flags  int
	groups int // groups opened so far + 1 (group 0)
	names  map[string]int
	closed []bool // closed[g]: group g is complete
	widths [][2]int
	// lookbehindGroups: inside a lookbehind, the first group number it
	// opened (-1 outside).
	lookbehindGroups int
	grouprefPos      map[int]int
}

// token is the next token: a character, or a backslash and the
// character after it. ok is false at the end.
func (p *parser) peek() (string, bool) {
	if p.i >= len(p.src) {
		return "", false
	}
	if p.src[p.i] == '\\' {
		if p.i+1 >= len(p.src) {
			return "\\", true
		}
		return string(p.src[p.i : p.i+2]), true
	}
	return string(p.src[p.i]), true
}

func (p *parser) get() (string, bool, error) {
	t, ok := p.peek()
	if !ok {
		return "", false, nil
	}
	if t == "\\" {
		return "", false, p.errAt("bad escape (end of pattern)", len(p.src)-1)
	}
	p.i += len([]rune(t))
	return t, true, nil
}

// nextIs reports whether the next token is t (a one-character token).
func (p *parser) nextIs(t string) bool {
	n, ok := p.peek()
	return ok && n == t
}

func (p *parser) match(t string) bool {
	if p.nextIs(t) {
		p.i += len([]rune(t))
		return true
	}
	return false
}

func (p *parser) errAt(msg string, pos int) *Error {
	return &Error{Msg: msg, Pattern: p.str, Pos: pos}
}

// err is source.error(msg, offset): at the current position less offset.
func (p *parser) err(msg string, offset int) *Error { return p.errAt(msg, p.i-offset) }

// getUntil reads a name up to terminator (source.getuntil).
func (p *parser) getUntil(term rune, name string) (string, error) {
	start := p.i
	for {
		if p.i >= len(p.src) {
			if p.i == start {
				return "", p.err("missing "+name, 0)
			}
			return "", p.err(fmt.Sprintf("missing %c, unterminated name", term), p.i-start)
		}
		c := p.src[p.i]
		if c == '\\' && p.i+1 >= len(p.src) {
			return "", p.errAt("bad escape (end of pattern)", len(p.src)-1)
		}
		if c == term {
			if p.i == start {
				p.i++
				return "", p.err("missing "+name, 1)
			}
			s := string(p.src[start:p.i])
			p.i++
			return s, nil
		}
		if c == '\\' {
			p.i += 2
		} else {
			p.i++
		}
	}
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) {
			continue
		}
		if i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)) {
			continue
		}
		return false
	}
	return true
}

func (p *parser) checkGroupName(name string, offset int) error {
	if !isIdentifier(name) {
		return p.err(fmt.Sprintf("bad character in group name %s", pyRepr(name)), len([]rune(name))+offset)
	}
	return nil
}

func (p *parser) checkGroup(g int) bool { return g < p.groups && p.closed[g] }

func (p *parser) checkLookbehindGroup(g int) error {
	if p.lookbehindGroups >= 0 {
		if !p.checkGroup(g) {
			return p.err("cannot refer to an open group", 0)
		}
		if g >= p.lookbehindGroups {
			return p.err("cannot refer to group defined in the same lookbehind subpattern", 0)
		}
	}
	return nil
}

// Parse parses a pattern: the tree, the flags in force (the argument's
// and global inline ones) and the group count and names.
func parse(pattern string, flags int) (*node, *parser, error) {
	p := &parser{src: []rune(pattern), str: pattern, flags: flags, groups: 1,
		names: map[string]int{}, closed: []bool{true}, widths: [][2]int{{0, 0}},
		lookbehindGroups: -1, grouprefPos: map[int]int{}}
	n, err := p.parseSub(flags&FlagX != 0, 0)
	if err != nil {
		return nil, nil, err
	}
	// fix_flags for a str pattern.
	if p.flags&FlagL != 0 {
		return nil, nil, &ValueError{"cannot use LOCALE flag with a str pattern"}
	}
	if p.flags&FlagA == 0 {
		p.flags |= FlagU
	} else if p.flags&FlagU != 0 {
		return nil, nil, &ValueError{"ASCII and UNICODE flags are incompatible"}
	}
	if p.i < len(p.src) {
		return nil, nil, p.err("unbalanced parenthesis", 0)
	}
	for g, pos := range p.grouprefPos {
		if g >= p.groups {
			return nil, nil, p.errAt(fmt.Sprintf("invalid group reference %d", g), pos)
		}
	}
	return n, p, nil
}

func (p *parser) parseSub(verbose bool, nested int) (*node, error) {
	if nested > maxNesting {
		return nil, p.err("too many nested parentheses", 0)
	}
	var items []*node
	for {
		n, err := p.parseSeq(verbose, nested+1, nested == 0 && len(items) == 0)
		if err != nil {
			return nil, err
		}
		items = append(items, n)
		if !p.match("|") {
			break
		}
		if nested == 0 {
			verbose = p.flags&FlagX != 0
		}
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return &node{kind: nAlt, subs: items}, nil
}

const specialChars = ".\\[{()*+?^$|"

func (p *parser) parseSeq(verbose bool, nested int, first bool) (*node, error) {
	var seq []*node
	for {
		t, ok := p.peek()
		if !ok || t == "|" || t == ")" {
			break
		}
		start := p.i
		if _, _, err := p.get(); err != nil {
			return nil, err
		}
		if verbose {
			if t == " " || t == "\t" || t == "\n" || t == "\r" || t == "\v" || t == "\f" {
				continue
			}
			if t == "#" {
				for p.i < len(p.src) && p.src[p.i] != '\n' {
					p.i++
				}
				continue
			}
		}
		switch {
		case t[0] == '\\':
			n, err := p.escape(t)
			if err != nil {
				return nil, err
			}
			seq = append(seq, n)
		case !strings.Contains(specialChars, t):
			seq = append(seq, &node{kind: nLit, c: []rune(t)[0]})
		case t == "[":
			n, err := p.parseSet(start)
			if err != nil {
				return nil, err
			}
			seq = append(seq, n)
		case t == "*" || t == "+" || t == "?" || t == "{":
			here := p.i
			lo, hi := 0, maxRepeat
			switch t {
			case "?":
				hi = 1
			case "+":
				lo = 1
			case "{":
				if p.nextIs("}") {
					seq = append(seq, &node{kind: nLit, c: '{'})
					continue
				}
				var los, his string
				for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
					los += string(p.src[p.i])
					p.i++
				}
				if p.match(",") {
					for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
						his += string(p.src[p.i])
						p.i++
					}
				} else {
					his = los
				}
				if !p.match("}") {
					seq = append(seq, &node{kind: nLit, c: '{'})
					p.i = here
					continue
				}
				if los != "" {
					v, err := strconv.ParseUint(los, 10, 64)
					if err != nil || v >= maxRepeat {
						return nil, &OverflowError{"the repetition number is too large"}
					}
					lo = int(v)
				}
				if his != "" {
					v, err := strconv.ParseUint(his, 10, 64)
					if err != nil || v >= maxRepeat {
						return nil, &OverflowError{"the repetition number is too large"}
					}
					hi = int(v)
					if hi < lo {
						return nil, p.err("min repeat greater than max repeat", p.i-here)
					}
				}
			}
			if len(seq) == 0 || seq[len(seq)-1].kind == nAt {
				return nil, p.err("nothing to repeat", p.i-here+1)
			}
			last := seq[len(seq)-1]
			if last.kind == nRepeat {
				return nil, p.err("multiple repeat", p.i-here+1)
			}
			mode := greedy
			if p.match("?") {
				mode = lazy
			} else if p.match("+") {
				mode = possessive
			}
			seq[len(seq)-1] = &node{kind: nRepeat, min: lo, max: hi, mode: mode, subs: []*node{last}}
		case t == ".":
			seq = append(seq, &node{kind: nAny})
		case t == "(":
			n, global, err := p.parseGroup(start, verbose, nested, first && len(seq) == 0)
			if err != nil {
				return nil, err
			}
			if global {
				verbose = p.flags&FlagX != 0
			}
			if n != nil {
				seq = append(seq, n)
			}
		case t == "^":
			seq = append(seq, &node{kind: nAt, at: atBeginning})
		case t == "$":
			seq = append(seq, &node{kind: nAt, at: atEnd})
		}
	}
	switch len(seq) {
	case 0:
		return &node{kind: nEmpty}, nil
	case 1:
		return seq[0], nil
	}
	return &node{kind: nConcat, subs: seq}, nil
}

// parseGroup parses what follows '(' at start. A nil node with no
// error is a comment or global flags.
func (p *parser) parseGroup(start int, verbose bool, nested int, first bool) (n *node, global bool, err error) {
	n, global, err = p.group(start, verbose, nested, first)
	return
}

func (p *parser) group(start int, verbose bool, nested int, first bool) (*node, bool, error) {
	capture, atomic := true, false
	name := ""
	hasName := false
	add, del := 0, 0
	if p.match("?") {
		c, ok, err := p.get()
		if err != nil {
			return nil, false, err
		}
		if !ok {
			return nil, false, p.err("unexpected end of pattern", 0)
		}
		switch {
		case c == "P":
			switch {
			case p.match("<"):
				n, err := p.getUntil('>', "group name")
				if err != nil {
					return nil, false, err
				}
				if err := p.checkGroupName(n, 1); err != nil {
					return nil, false, err
				}
				name, hasName = n, true
			case p.match("="):
				n, err := p.getUntil(')', "group name")
				if err != nil {
					return nil, false, err
				}
				if err := p.checkGroupName(n, 1); err != nil {
					return nil, false, err
				}
				g, ok := p.names[n]
				if !ok {
					return nil, false, p.err(fmt.Sprintf("unknown group name %s", pyRepr(n)), len([]rune(n))+1)
				}
				if !p.checkGroup(g) {
					return nil, false, p.err("cannot refer to an open group", len([]rune(n))+1)
				}
				if err := p.checkLookbehindGroup(g); err != nil {
					return nil, false, err
				}
				return &node{kind: nBackref, group: g}, false, nil
			default:
				c, ok, err := p.get()
				if err != nil {
					return nil, false, err
				}
				if !ok {
					return nil, false, p.err("unexpected end of pattern", 0)
				}
				return nil, false, p.err("unknown extension ?P"+c, len([]rune(c))+2)
			}
		case c == ":":
			capture = false
		case c == "#":
			for {
				if p.i >= len(p.src) {
					return nil, false, p.err("missing ), unterminated comment", p.i-start)
				}
				t, _, err := p.get()
				if err != nil {
					return nil, false, err
				}
				if t == ")" {
					return nil, false, nil
				}
			}
		case c == "=" || c == "!" || c == "<":
			behind := false
			if c == "<" {
				c2, ok, err := p.get()
				if err != nil {
					return nil, false, err
				}
				if !ok {
					return nil, false, p.err("unexpected end of pattern", 0)
				}
				if c2 != "=" && c2 != "!" {
					return nil, false, p.err("unknown extension ?<"+c2, len([]rune(c2))+2)
				}
				c = c2
				behind = true
			}
			saved := p.lookbehindGroups
			if behind && saved < 0 {
				p.lookbehindGroups = p.groups
			}
			sub, err := p.parseSub(verbose, nested+1)
			if err != nil {
				return nil, false, err
			}
			if behind && saved < 0 {
				p.lookbehindGroups = -1
			}
			if !p.match(")") {
				return nil, false, p.err("missing ), unterminated subpattern", p.i-start)
			}
			n := &node{kind: nLook, neg: c == "!", behind: behind, subs: []*node{sub}}
			if behind {
				lo, hi := p.width(sub)
				if lo != hi {
					return nil, false, &Error{Msg: "look-behind requires fixed-width pattern", Pattern: p.str, Pos: -1}
				}
				n.fixedWidth = lo
			}
			return n, false, nil
		case c == "(":
			condStart := p.i
			cond, err := p.getUntil(')', "group name")
			if err != nil {
				return nil, false, err
			}
			var g int
			if isIdentifier(cond) {
				var ok bool
				g, ok = p.names[cond]
				if !ok {
					return nil, false, p.err(fmt.Sprintf("unknown group name %s", pyRepr(cond)), len([]rune(cond))+1)
				}
			} else {
				v, err := strconv.Atoi(cond)
				if err != nil || v < 0 || !isASCIIDigits(cond) {
					return nil, false, p.err(fmt.Sprintf("bad character in group name %s", pyRepr(cond)), len([]rune(cond))+1)
				}
				if v == 0 {
					return nil, false, p.err("bad group number", len([]rune(cond))+1)
				}
				if v >= maxGroups {
					return nil, false, p.err(fmt.Sprintf("invalid group reference %d", v), len([]rune(cond))+1)
				}
				if _, seen := p.grouprefPos[v]; !seen {
					p.grouprefPos[v] = condStart
				}
				g = v
			}
			if err := p.checkLookbehindGroup(g); err != nil {
				return nil, false, err
			}
			yes, err := p.parseSeq(verbose, nested+1, false)
			if err != nil {
				return nil, false, err
			}
			var no *node
			if p.match("|") {
				no, err = p.parseSeq(verbose, nested+1, false)
				if err != nil {
					return nil, false, err
				}
				if p.nextIs("|") {
					return nil, false, p.err("conditional backref with more than two branches", 0)
				}
			}
			if !p.match(")") {
				return nil, false, p.err("missing ), unterminated subpattern", p.i-start)
			}
			subs := []*node{yes, no}
			if no == nil {
				subs = []*node{yes, {kind: nEmpty}}
			}
			return &node{kind: nCond, group: g, subs: subs}, false, nil
		case c == ">":
			capture, atomic = false, true
		case strings.Contains("aiLmsux", c) || c == "-":
			a, d, global, err := p.parseFlags(c)
			if err != nil {
				return nil, false, err
			}
			if global {
				if !first {
					return nil, false, p.err("global flags not at the start of the expression", p.i-start)
				}
				return nil, true, nil
			}
			add, del = a, d
			capture = false
		default:
			return nil, false, p.err("unknown extension ?"+c, len([]rune(c))+1)
		}
	}
	g := 0
	if capture {
		g = p.groups
		p.groups++
		p.closed = append(p.closed, false)
		p.widths = append(p.widths, [2]int{0, 0})
		if p.groups > maxGroups {
			return nil, false, p.err("too many groups", 0)
		}
		if hasName {
			if og, dup := p.names[name]; dup {
				return nil, false, p.err(fmt.Sprintf("redefinition of group name %s as group %d; was group %d", pyRepr(name), g, og), len([]rune(name))+1)
			}
			p.names[name] = g
		}
	}
	subVerbose := (verbose || add&FlagX != 0) && del&FlagX == 0
	sub, err := p.parseSub(subVerbose, nested+1)
	if err != nil {
		return nil, false, err
	}
	if !p.match(")") {
		return nil, false, p.err("missing ), unterminated subpattern", p.i-start)
	}
	if capture {
		p.closed[g] = true
		lo, hi := p.width(sub)
		p.widths[g] = [2]int{lo, hi}
	}
	if atomic {
		return &node{kind: nAtomic, subs: []*node{sub}}, false, nil
	}
	return &node{kind: nGroup, group: g, addFlags: add, delFlags: del, subs: []*node{sub}}, false, nil
}

func isASCIIDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

var flagLetters = map[string]int{"i": FlagI, "L": FlagL, "m": FlagM, "s": FlagS, "x": FlagX, "a": FlagA, "u": FlagU}

// parseFlags parses (?aiLmsux-imsx:...) or (?aiLmsux) after its first
// letter c: global is true for the second form.
func (p *parser) parseFlags(c string) (add, del int, global bool, err error) {
	isAlpha := func(s string) bool {
		r := []rune(s)
		return len(r) == 1 && unicode.IsLetter(r[0])
	}
	if c != "-" {
		for {
			f := flagLetters[c]
			if c == "L" {
				return 0, 0, false, p.err("bad inline flags: cannot use 'L' flag with a str pattern", 0)
			}
			add |= f
			if f&typeFlags != 0 && add&typeFlags != f {
				return 0, 0, false, p.err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0)
			}
			var ok bool
			c, ok, err = p.get()
			if err != nil {
				return 0, 0, false, err
			}
			if !ok {
				return 0, 0, false, p.err("missing -, : or )", 0)
			}
			if c == ")" || c == "-" || c == ":" {
				break
			}
			if _, known := flagLetters[c]; !known {
				msg := "missing -, : or )"
				if isAlpha(c) {
					msg = "unknown flag"
				}
				return 0, 0, false, p.err(msg, len([]rune(c)))
			}
		}
	}
	if c == ")" {
		p.flags |= add
		return 0, 0, true, nil
	}
	if add&globalFlags != 0 {
		return 0, 0, false, p.err("bad inline flags: cannot turn on global flag", 1)
	}
	if c == "-" {
		var ok bool
		c, ok, err = p.get()
		if err != nil {
			return 0, 0, false, err
		}
		if !ok {
			return 0, 0, false, p.err("missing flag", 0)
		}
		if _, known := flagLetters[c]; !known {
			msg := "missing flag"
			if isAlpha(c) {
				msg = "unknown flag"
			}
			return 0, 0, false, p.err(msg, len([]rune(c)))
		}
		for {
			f := flagLetters[c]
			if f&typeFlags != 0 {
				return 0, 0, false, p.err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0)
			}
			del |= f
			c, ok, err = p.get()
			if err != nil {
				return 0, 0, false, err
			}
			if !ok {
				return 0, 0, false, p.err("missing :", 0)
			}
			if c == ":" {
				break
			}
			if _, known := flagLetters[c]; !known {
				msg := "missing :"
				if isAlpha(c) {
					msg = "unknown flag"
				}
				return 0, 0, false, p.err(msg, len([]rune(c)))
			}
		}
	}
	if del&globalFlags != 0 {
		return 0, 0, false, p.err("bad inline flags: cannot turn off global flag", 1)
	}
	if add&del != 0 {
		return 0, 0, false, p.err("bad inline flags: flag turned on and off", 1)
	}
	return add, del, false, nil
}

var escapes = map[rune]rune{'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}

func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// hexEscape reads the n hex digits after an escape \x, \u or \U.
func (p *parser) hexEscape(esc string, n int) (rune, error) {
	for k := 0; k < n && p.i < len(p.src) && isHex(p.src[p.i]); k++ {
		esc += string(p.src[p.i])
		p.i++
	}
	if len([]rune(esc)) != n+2 {
		return 0, p.err("incomplete escape "+esc, len([]rune(esc)))
	}
	v, _ := strconv.ParseUint(esc[2:], 16, 32)
	if v > unicode.MaxRune {
		return 0, p.err("bad escape "+esc, len([]rune(esc)))
	}
	return rune(v), nil
}

// commonEscape handles \x \u \U \N; handled is false for others.
func (p *parser) commonEscape(esc string) (rune, bool, error) {
	switch esc[1] {
	case 'x':
		r, err := p.hexEscape(esc, 2)
		return r, true, err
	case 'u':
		r, err := p.hexEscape(esc, 4)
		return r, true, err
	case 'U':
		r, err := p.hexEscape(esc, 8)
		return r, true, err
	case 'N':
		if !p.match("{") {
			return 0, true, p.err("missing {", 0)
		}
		name, err := p.getUntil('}', "character name")
		if err != nil {
			return 0, true, err
		}
		return 0, true, p.err(fmt.Sprintf("undefined character name %s", pyRepr(name)), len([]rune(name))+4)
	}
	return 0, false, nil
}

func (p *parser) octDigits(esc string, n int) string {
	for k := 0; k < n && p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '7'; k++ {
		esc += string(p.src[p.i])
		p.i++
	}
	return esc
}

var categories = map[rune]bool{'d': true, 'D': true, 's': true, 'S': true, 'w': true, 'W': true}

// classEscape is an escape inside [...]: a character, or a category.
func (p *parser) classEscape(esc string) (setItem, bool, error) {
	r := []rune(esc)[1]
	if c, ok := escapes[r]; ok {
		return setItem{lo: c, hi: c}, true, nil
	}
	if categories[r] {
		return setItem{cat: byte(r)}, false, nil
	}
	if c, handled, err := p.commonEscape(esc); handled {
		return setItem{lo: c, hi: c}, true, err
	}
	if r >= '0' && r <= '7' {
		esc = p.octDigits(esc, 2)
		v, _ := strconv.ParseUint(esc[1:], 8, 32)
		if v > 0o377 {
			return setItem{}, false, p.err(fmt.Sprintf("octal escape value %s outside of range 0-0o377", esc), len(esc))
		}
		return setItem{lo: rune(v), hi: rune(v)}, true, nil
	}
	if r >= '0' && r <= '9' || isASCIILetter(r) {
		return setItem{}, false, p.err("bad escape "+esc, len([]rune(esc)))
	}
	return setItem{lo: r, hi: r}, true, nil
}

// escape is an escape outside a set.
func (p *parser) escape(esc string) (*node, error) {
	r := []rune(esc)[1]
	switch r {
	case 'd', 'D', 's', 'S', 'w', 'W':
		return &node{kind: nSet, set: &charSet{items: []setItem{{cat: byte(r)}}}}, nil
	case 'A':
		return &node{kind: nAt, at: atBeginningString}, nil
	case 'Z', 'z':
		return &node{kind: nAt, at: atEndString}, nil
	case 'b':
		return &node{kind: nAt, at: atBoundary}, nil
	case 'B':
		return &node{kind: nAt, at: atNonBoundary}, nil
	}
	if c, ok := escapes[r]; ok {
		return &node{kind: nLit, c: c}, nil
	}
	if c, handled, err := p.commonEscape(esc); handled {
		return &node{kind: nLit, c: c}, err
	}
	if r == '0' {
		esc = p.octDigits(esc, 2)
		v, _ := strconv.ParseUint(esc[1:], 8, 32)
		return &node{kind: nLit, c: rune(v)}, nil
	}
	if r >= '1' && r <= '9' {
		if p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			esc += string(p.src[p.i])
			p.i++
			if esc[1] <= '7' && esc[2] <= '7' && p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '7' {
				esc += string(p.src[p.i])
				p.i++
				v, _ := strconv.ParseUint(esc[1:], 8, 32)
				if v > 0o377 {
					return nil, p.err(fmt.Sprintf("octal escape value %s outside of range 0-0o377", esc), len(esc))
				}
				return &node{kind: nLit, c: rune(v)}, nil
			}
		}
		g, _ := strconv.Atoi(esc[1:])
		if g < p.groups {
			if !p.checkGroup(g) {
				return nil, p.err("cannot refer to an open group", len(esc))
			}
			if err := p.checkLookbehindGroup(g); err != nil {
				return nil, err
			}
			return &node{kind: nBackref, group: g}, nil
		}
		return nil, p.err(fmt.Sprintf("invalid group reference %d", g), len(esc)-1)
	}
	if isASCIILetter(r) {
		return nil, p.err("bad escape "+esc, 2)
	}
	return &node{kind: nLit, c: r}, nil
}

// parseSet parses [...] whose '[' is at here.
func (p *parser) parseSet(here int) (*node, error) {
	set := &charSet{}
	set.neg = p.match("^")
	for {
		t, ok, err := p.get()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, p.errAt("unterminated character set", here)
		}
		if t == "]" && len(set.items) > 0 {
			break
		}
		var item setItem
		lit := true
		if t[0] == '\\' {
			item, lit, err = p.classEscape(t)
			if err != nil {
				return nil, err
			}
		} else {
			c := []rune(t)[0]
			item = setItem{lo: c, hi: c}
		}
		if p.match("-") {
			that, ok, err := p.get()
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, p.errAt("unterminated character set", here)
			}
			if that == "]" {
				set.items = append(set.items, item, setItem{lo: '-', hi: '-'})
				break
			}
			item2 := setItem{}
			lit2 := true
			if that[0] == '\\' {
				item2, lit2, err = p.classEscape(that)
				if err != nil {
					return nil, err
				}
			} else {
				c := []rune(that)[0]
				item2 = setItem{lo: c, hi: c}
			}
			n := len([]rune(t)) + 1 + len([]rune(that))
			if !lit || !lit2 || item2.lo < item.lo {
				return nil, p.err(fmt.Sprintf("bad character range %s-%s", t, that), n)
			}
			set.items = append(set.items, setItem{lo: item.lo, hi: item2.lo})
			continue
		}
		set.items = append(set.items, item)
	}
	if len(set.items) == 1 && set.items[0].cat == 0 && set.items[0].lo == set.items[0].hi && !set.neg {
		return &node{kind: nLit, c: set.items[0].lo}, nil
	}
	return &node{kind: nSet, set: set}, nil
}

// width is a subpattern's (min, max) width in characters, as sre's
// getwidth (max capped at unboundedWide).
func (p *parser) width(n *node) (int, int) {
	add := func(a, b int) int { return min(a+b, unboundedWide) }
	mul := func(a, b int) int {
		if a == 0 || b == 0 {
			return 0
		}
		if a > unboundedWide/b {
			return unboundedWide
		}
		return a * b
	}
	switch n.kind {
	case nLit, nAny, nSet:
		return 1, 1
	case nConcat:
		lo, hi := 0, 0
		for _, s := range n.subs {
			l, h := p.width(s)
			lo, hi = add(lo, l), add(hi, h)
		}
		return lo, hi
	case nAlt:
		lo, hi := unboundedWide, 0
		for _, s := range n.subs {
			l, h := p.width(s)
			lo, hi = min(lo, l), max(hi, h)
		}
		return lo, hi
	case nGroup, nAtomic:
		return p.width(n.subs[0])
	case nRepeat:
		l, h := p.width(n.subs[0])
		lo := mul(l, n.min)
		if n.max == maxRepeat && h > 0 {
			return lo, unboundedWide
		}
		return lo, mul(h, n.max)
	case nBackref:
		w := p.widths[n.group]
		return w[0], w[1]
	case nCond:
		l, h := p.width(n.subs[0])
		if n.subs[1].kind == nEmpty {
			return 0, h
		}
		l2, h2 := p.width(n.subs[1])
		return min(l, l2), max(h, h2)
	}
	return 0, 0
}

// pyRepr is Python's repr of a str (for names in messages).
func pyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
