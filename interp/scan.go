package interp

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind int8

const (
	tEOF tokKind = iota
	tNewline
	tIndent
	tDedent
	tName
	tInt
	tFloat
	tString
	tOp
	tErr // a tokenizer error: the parser raises it when it gets this far
)

var tokKindNames = [...]string{tEOF: "EOF", tNewline: "NEWLINE", tIndent: "INDENT", tDedent: "DEDENT",
	tName: "NAME", tInt: "INT", tFloat: "FLOAT", tString: "STRING", tOp: "OP", tErr: "ERROR"}

func (k tokKind) String() string { return tokKindNames[k] }

// token is one lexical token. For strings, val is the decoded value (or the
// raw body for f-strings) and fstr marks an f-string.
type token struct {
	kind      tokKind
	val       string
	line, col int // 1-based line, 0-based column
	endCol    int
	level     int // open brackets around the token
	fstr      bool
	raw       bool   // an r-prefixed literal: an f-string's parts keep their backslashes
	bytes     bool   // a bytes literal: val holds code points 0-255, one per byte
	warn      string // a string literal's first invalid escape: its SyntaxWarning (syntax_warn.go)
}

// SyntaxError is a compile-time error positioned like CPython's.
type SyntaxError struct {
	Kind string // "SyntaxError" or "IndentationError"
	Msg  string
	Line int
	Col  int // 0-based; -1 means no caret
	End  int // 0-based end column of the caret run
	// StmtLine is the line of the statement the parser was in, from
	// which a keyword typo is looked for (typo.go); 0 if unknown.
	StmtLine int
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s: %s", e.Line, e.Col+1, e.Kind, e.Msg)
}

type scanner struct {
	src     []rune
	pos     int
	line    int
	lineBeg int
	indents []int
	alts    []int   // the same indents measured with tabs as one column, to catch TabError
	parens  []token // open brackets
	toks    []token
	atBOL   bool
	litBody int // where the string literal being scanned starts its body, for escape errors
	// litWarn is the SyntaxWarning of the literal's first invalid escape.
	litWarn string
}

func synErr(line, col int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...), Line: line, Col: col, End: col + 1}
}

// tokenize splits src into tokens, with INDENT/DEDENT and NEWLINE tokens.
// A tokenizer error ends the list with a tErr token and is returned too;
// like CPython, the parser reports it only if it gets that far without
// failing first.
func tokenize(src string) (toks []token, err error) {
	s := &scanner{src: []rune(strings.ReplaceAll(src, "\r\n", "\n")), line: 1, indents: []int{0}, alts: []int{0}, atBOL: true}
	defer func() {
		if r := recover(); r != nil {
			if se, ok := r.(*SyntaxError); ok {
				err = se
				toks = append(s.toks, token{kind: tErr, line: se.Line, col: se.Col})
				return
			}
			panic(r)
		}
	}()
	s.run()
	return s.toks, nil
}

func (s *scanner) emit(k tokKind, val string, col int) {
	s.toks = append(s.toks, token{kind: k, val: val, line: s.line, col: col, endCol: s.pos - s.lineBeg, level: len(s.parens)})
}

func (s *scanner) peekc(off int) rune {
	if s.pos+off < len(s.src) {
		return s.src[s.pos+off]
	}
	return 0
}

func (s *scanner) run() {
	for {
		if s.atBOL {
			s.atBOL = false
			if s.indentation() {
				continue
			}
		}
		if s.pos >= len(s.src) {
			break
		}
		c := s.src[s.pos]
		col := s.pos - s.lineBeg
		switch {
		case c == '\n':
			s.pos++
			if len(s.parens) == 0 {
				s.emit(tNewline, "", col)
				s.atBOL = true
			}
			s.line++
			s.lineBeg = s.pos
		case c == ' ' || c == '\t' || c == '\f':
			s.pos++
		case c == '#':
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		case c == '\\':
			if s.peekc(1) == '\n' {
				s.pos += 2
				s.line++
				s.lineBeg = s.pos
			} else {
				panic(synErr(s.line, col+1, "unexpected character after line continuation character"))
			}
		case isDigit(c) || (c == '.' && isDigit(s.peekc(1))):
			s.number()
		case isIdentStart(c):
			start := s.pos
			for s.pos < len(s.src) && isIdentChar(s.src[s.pos]) {
				s.pos++
			}
			word := string(s.src[start:s.pos])
			if s.pos < len(s.src) && (s.src[s.pos] == '"' || s.src[s.pos] == '\'') && isStrPrefix(word) {
				s.str(strings.ToLower(word), col)
				continue
			}
			if s.pos < len(s.src) && (s.src[s.pos] == '"' || s.src[s.pos] == '\'') {
				if a, b := incompatiblePrefixes(word); a != "" {
					e := synErr(s.line, col, "'%s' and '%s' prefixes are incompatible", a, b)
					e.End = s.pos - s.lineBeg
					panic(e)
				}
			}
			s.emit(tName, word, col)
		case c == '"' || c == '\'':
			s.str("", col)
		default:
			s.op(c, col)
		}
	}
	if len(s.parens) > 0 {
		p := s.parens[len(s.parens)-1]
		panic(synErr(p.line, p.col, "'%s' was never closed", p.val))
	}
	if n := len(s.toks); n > 0 && s.toks[n-1].kind != tNewline && s.toks[n-1].kind != tDedent {
		s.emit(tNewline, "", s.pos-s.lineBeg)
	}
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.emit(tDedent, "", 0)
	}
	s.emit(tEOF, "", 0)
}

// indentation measures a logical line's indent and emits INDENT/DEDENT; it
// reports true when the line was blank or a comment (and was consumed).
func (s *scanner) indentation() bool {
	width, alt := 0, 0
	p := s.pos
	for p < len(s.src) {
		switch s.src[p] {
		case ' ':
			width++
			alt++
		case '\t':
			width = (width/8 + 1) * 8
			alt++
		case '\f':
			width, alt = 0, 0
		default:
			goto done
		}
		p++
	}
done:
	if p >= len(s.src) {
		s.pos = p
		return false
	}
	if c := s.src[p]; c == '\n' || c == '#' {
		for p < len(s.src) && s.src[p] != '\n' {
			p++
		}
		if p < len(s.src) {
			p++
			s.line++
			s.lineBeg = p
		}
		s.pos = p
		s.atBOL = true
		return true
	}
	if c := s.src[p]; c == '\\' && p+1 < len(s.src) && s.src[p+1] == '\n' {
		s.pos = p
		return false
	}
	s.pos = p
	top := s.indents[len(s.indents)-1]
	tabErr := func() {
		e := synErr(s.line, -1, "inconsistent use of tabs and spaces in indentation")
		e.Kind = "TabError"
		panic(e)
	}
	switch {
	case width == top:
		if alt != s.alts[len(s.alts)-1] {
			tabErr()
		}
	case width > top:
		if alt <= s.alts[len(s.alts)-1] {
			tabErr()
		}
		s.indents = append(s.indents, width)
		s.alts = append(s.alts, alt)
		s.emit(tIndent, "", 0)
	case width < top:
		for width < s.indents[len(s.indents)-1] {
			s.indents = s.indents[:len(s.indents)-1]
			s.alts = s.alts[:len(s.alts)-1]
			s.emit(tDedent, "", width)
		}
		if width != s.indents[len(s.indents)-1] {
			e := synErr(s.line, width, "unindent does not match any outer indentation level")
			e.Kind = "IndentationError"
			panic(e)
		}
		if alt != s.alts[len(s.alts)-1] {
			tabErr()
		}
	}
	return false
}

func isDigit(c rune) bool      { return c >= '0' && c <= '9' }
func isIdentStart(c rune) bool { return c == '_' || (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= 0x80 }
func isIdentChar(c rune) bool  { return isIdentStart(c) || isDigit(c) }

// incompatiblePrefixes names the first clashing pair, in CPython 3.14's
// order (gh-133197), when w is string prefix letters each used once that
// cannot go together, like ub or bf; else "".
func incompatiblePrefixes(w string) (string, string) {
	saw := map[rune]bool{}
	for _, c := range strings.ToLower(w) {
		if !strings.ContainsRune("brfut", c) || saw[c] {
			return "", ""
		}
		saw[c] = true
	}
	for _, p := range []string{"ub", "ur", "uf", "ut", "bf", "bt", "ft"} {
		if saw[rune(p[0])] && saw[rune(p[1])] {
			return p[:1], p[1:]
		}
	}
	return "", ""
}

func isStrPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "f", "b", "u", "rf", "fr", "br", "rb":
		return true
	}
	return false
}

func (s *scanner) number() {
	start := s.pos
	col := s.pos - s.lineBeg
	isFloat := false
	digits := func(ok func(rune) bool) {
		for s.pos < len(s.src) && (ok(s.src[s.pos]) || s.src[s.pos] == '_' && s.pos+1 < len(s.src) && ok(s.src[s.pos+1])) {
			s.pos++
		}
	}
	c := s.src[s.pos]
	if c == '0' && s.pos+1 < len(s.src) && strings.ContainsRune("xXoObB", s.src[s.pos+1]) {
		s.pos += 2
		switch s.src[s.pos-1] | 0x20 {
		case 'x':
			digits(func(r rune) bool { return isDigit(r) || (r|0x20) >= 'a' && (r|0x20) <= 'f' })
		case 'o':
			digits(func(r rune) bool { return r >= '0' && r <= '7' })
		case 'b':
			digits(func(r rune) bool { return r == '0' || r == '1' })
		}
		if s.pos == start+2 {
			panic(synErr(s.line, col, "invalid %s literal", map[rune]string{'x': "hexadecimal", 'o': "octal", 'b': "binary"}[s.src[start+1]|0x20]))
		}
	} else {
		digits(isDigit)
		if s.peekc(0) == '.' {
			isFloat = true
			s.pos++
			digits(isDigit)
		}
		if c := s.peekc(0); c == 'e' || c == 'E' {
			n := 1
			if d := s.peekc(1); d == '+' || d == '-' {
				n = 2
			}
			if isDigit(s.peekc(n)) {
				isFloat = true
				s.pos += n
				digits(isDigit)
			}
		}
		if c := s.peekc(0); c == 'j' || c == 'J' {
			// An imaginary literal: a FLOAT token ending in j.
			s.pos++
			isFloat = true
		}
	}
	if s.pos < len(s.src) && isIdentStart(s.src[s.pos]) {
		panic(synErr(s.line, col, "invalid decimal literal"))
	}
	text := strings.ReplaceAll(string(s.src[start:s.pos]), "_", "")
	if isFloat {
		s.emit(tFloat, text, col)
	} else {
		if len(text) > 1 && text[0] == '0' && isDigit(rune(text[1])) && strings.Trim(text, "0") != "" {
			panic(synErr(s.line, col, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"))
		}
		s.emit(tInt, text, col)
	}
}

func (s *scanner) str(prefix string, col int) {
	raw := strings.Contains(prefix, "r")
	fstr := strings.Contains(prefix, "f")
	isBytes := strings.Contains(prefix, "b")
	q := s.src[s.pos]
	startLine := s.line
	triple := s.peekc(1) == q && s.peekc(2) == q
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	s.litBody = s.pos
	s.litWarn = ""
	var b strings.Builder
	depth := 0
	for {
		if s.pos >= len(s.src) {
			// Like CPython, count only lines that were read: a final
			// newline starts none.
			end := s.line
			if len(s.src) > 0 && s.src[len(s.src)-1] == '\n' && end > startLine {
				end--
			}
			if triple {
				panic(synErr(startLine, col, "unterminated triple-quoted string literal (detected at line %d)", end))
			}
			panic(synErr(startLine, col, "unterminated string literal (detected at line %d)", end))
		}
		c := s.src[s.pos]
		if fstr {
			// PEP 701 (3.12+): inside a replacement field, strings may
			// reuse the f-string's own quote; copy them through whole.
			switch {
			case c == '{' && s.peekc(1) == '{' && depth == 0:
				b.WriteString("{{")
				s.pos += 2
				continue
			case c == '{':
				depth++
			case c == '}' && depth > 0:
				depth--
			case (c == '\'' || c == '"') && depth > 0:
				start := s.pos
				s.skipString()
				b.WriteString(string(s.src[start:s.pos]))
				continue
			}
		}
		if c == q {
			if !triple {
				s.pos++
				break
			}
			if s.peekc(1) == q && s.peekc(2) == q {
				s.pos += 3
				break
			}
		}
		if c == '\n' {
			if !triple {
				panic(synErr(startLine, col, "unterminated string literal (detected at line %d)", s.line))
			}
			s.line++
			s.lineBeg = s.pos + 1
		}
		if c >= 0x80 && isBytes {
			panic(synErr(startLine, col, "bytes can only contain ASCII literal characters"))
		}
		if c == '\\' && s.pos+1 < len(s.src) {
			n := s.src[s.pos+1]
			if isBytes && !raw && (n == 'u' || n == 'U' || n == 'N') {
				// Not escapes in bytes: kept as written.
				s.invalidEscape("invalid escape sequence '\\%c'", n)
				b.WriteRune(c)
				s.pos++
				continue
			}
			if raw || fstr {
				// Keep escapes raw; f-strings decode them per literal part.
				b.WriteRune(c)
				b.WriteRune(n)
				s.pos += 2
				if n == '\n' {
					s.line++
					s.lineBeg = s.pos
				}
				continue
			}
			s.pos += 2
			if n == '\n' {
				s.line++
				s.lineBeg = s.pos
				continue
			}
			if isBytes && n >= '0' && n <= '7' {
				// An octal escape past \377 keeps its low byte, as CPython's.
				var o strings.Builder
				s.escape(n, &o)
				r, _ := utf8.DecodeRuneInString(o.String())
				b.WriteRune(r & 0xff)
				continue
			}
			s.escape(n, &b)
			continue
		}
		b.WriteRune(c)
		s.pos++
	}
	t := token{kind: tString, val: b.String(), line: startLine, col: col, endCol: s.pos - s.lineBeg, fstr: fstr, raw: raw, bytes: isBytes, level: len(s.parens), warn: s.litWarn}
	s.toks = append(s.toks, t)
}

// escape decodes the escape whose letter n follows a backslash.
func (s *scanner) escape(n rune, b *strings.Builder) {
	switch n {
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case 'r':
		b.WriteByte('\r')
	case '\\':
		b.WriteByte('\\')
	case '\'':
		b.WriteByte('\'')
	case '"':
		b.WriteByte('"')
	case 'a':
		b.WriteByte(7)
	case 'b':
		b.WriteByte(8)
	case 'f':
		b.WriteByte(12)
	case 'v':
		b.WriteByte(11)
	case 'x', 'u', 'U':
		n2 := map[rune]int{'x': 2, 'u': 4, 'U': 8}[n]
		v := 0
		for i := 0; i < n2; i++ {
			d := s.peekc(0)
			var x int
			switch {
			case isDigit(d):
				x = int(d - '0')
			case (d|0x20) >= 'a' && (d|0x20) <= 'f':
				x = int(d|0x20-'a') + 10
			default:
				panic(synErr(s.line, s.pos-s.lineBeg, "(unicode error) truncated escape"))
			}
			v = v*16 + x
			s.pos++
		}
		b.WriteRune(rune(v))
	case 'N':
		r, end, msg := namedEscape(s.src, s.pos)
		if msg != "" {
			from := s.pos - 2 - s.litBody
			panic(synErr(s.line, s.pos-s.lineBeg, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s", from, end-1-s.litBody, msg))
		}
		s.pos = end
		b.WriteRune(r)
	default:
		if n >= '0' && n <= '7' {
			v := int(n - '0')
			for i := 0; i < 2 && s.peekc(0) >= '0' && s.peekc(0) <= '7'; i++ {
				v = v*8 + int(s.peekc(0)-'0')
				s.pos++
			}
			if v > 0o377 {
				s.invalidEscape("invalid octal escape sequence '\\%o'", v)
			}
			b.WriteRune(rune(v))
			return
		}
		s.invalidEscape("invalid escape sequence '\\%c'", n)
		b.WriteByte('\\')
		b.WriteRune(n)
	}
}

// namedEscape reads the {NAME} of a \N{NAME} escape starting at src[i].
// It returns the character, the index past the '}', and on failure the
// message CPython's unicodeescape codec gives with end where its
// reported byte span ends.
func namedEscape(src []rune, i int) (r rune, end int, msg string) {
	if i >= len(src) || src[i] != '{' {
		return 0, i, "malformed \\N character escape"
	}
	j := i + 1
	for j < len(src) && src[j] != '}' && src[j] != '"' && src[j] != '\'' && src[j] != '\n' && src[j] != '\\' {
		j++
	}
	if j >= len(src) || src[j] != '}' || j == i+1 {
		return 0, j, "malformed \\N character escape"
	}
	// Names match whatever their case, as in CPython.
	r, ok := lookupName(strings.ToUpper(string(src[i+1 : j])))
	if !ok {
		return 0, j + 1, "unknown Unicode character name"
	}
	return r, j + 1, ""
}

// decodeEscapes decodes backslash escapes in an f-string literal part,
// with the SyntaxWarning of its first invalid escape ("" for none) and
// the newlines of raw after that escape.
func decodeEscapes(raw string) (text, warn string, after int) {
	if !strings.Contains(raw, "\\") {
		return raw, "", 0
	}
	s := &scanner{src: []rune(raw)}
	at := -1
	defer func() {
		warn = s.litWarn
		if at >= 0 {
			after = strings.Count(string(s.src[at:]), "\n")
		}
	}()
	var b strings.Builder
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == '\\' && s.pos+1 < len(s.src) {
			n := s.src[s.pos+1]
			s.pos += 2
			if n == '\n' {
				continue
			}
			had := s.litWarn != ""
			s.escape(n, &b)
			if !had && s.litWarn != "" {
				at = s.pos
			}
			continue
		}
		b.WriteRune(c)
		s.pos++
	}
	return b.String(), "", 0
}

var ops3 = []string{"**=", "//=", ">>=", "<<=", "..."}
var ops2 = []string{"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "->", ":=", "@="}

func (s *scanner) op(c rune, col int) {
	rest := string(s.src[s.pos:min(s.pos+3, len(s.src))])
	for _, set := range [][]string{ops3, ops2} {
		for _, o := range set {
			if strings.HasPrefix(rest, o) {
				s.pos += len(o)
				s.emit(tOp, o, col)
				return
			}
		}
	}
	if !strings.ContainsRune("+-*/%&|^~<>()[]{},:;.=@!", c) {
		if c == '$' || c == '?' || c == '`' {
			panic(synErr(s.line, col, "invalid syntax"))
		}
		panic(synErr(s.line, col, "invalid character '%c' (U+%04X)", c, c))
	}
	s.pos++
	switch c {
	case '(', '[', '{':
		s.emit(tOp, string(c), col)
		s.parens = append(s.parens, s.toks[len(s.toks)-1])
		return
	case ')', ']', '}':
		if len(s.parens) == 0 {
			panic(synErr(s.line, col, "unmatched '%c'", c))
		}
		open := s.parens[len(s.parens)-1]
		want := map[string]rune{"(": ')', "[": ']', "{": '}'}[open.val]
		if want != c {
			if open.line != s.line {
				panic(synErr(s.line, col, "closing parenthesis '%c' does not match opening parenthesis '%s' on line %d", c, open.val, open.line))
			}
			panic(synErr(s.line, col, "closing parenthesis '%c' does not match opening parenthesis '%s'", c, open.val))
		}
		s.parens = s.parens[:len(s.parens)-1]
	}
	s.emit(tOp, string(c), col)
}

// skipString moves past a string literal (quote at s.pos) inside an
// f-string replacement field, nested f-strings included.
func (s *scanner) skipString() {
	q := s.src[s.pos]
	line, col := s.line, s.pos-s.lineBeg
	triple := s.peekc(1) == q && s.peekc(2) == q
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	for {
		if s.pos >= len(s.src) {
			end := s.line
			if s.src[len(s.src)-1] == '\n' && end > line {
				end--
			}
			if triple {
				panic(synErr(line, col, "unterminated triple-quoted string literal (detected at line %d)", end))
			}
			panic(synErr(line, col, "unterminated string literal (detected at line %d)", end))
		}
		c := s.src[s.pos]
		switch {
		case c == '\\':
			if s.peekc(1) == '\n' {
				s.line++
				s.lineBeg = s.pos + 2
			}
			s.pos = min(s.pos+2, len(s.src))
			continue
		case c == '\n' && !triple:
			return
		case c == '\n':
			s.line++
			s.lineBeg = s.pos + 1
		case c == q && !triple:
			s.pos++
			return
		case c == q && s.peekc(1) == q && s.peekc(2) == q:
			s.pos += 3
			return
		}
		s.pos++
	}
}
