package interp

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Source decoding as CPython's tokenizer does it (PEP 263): a UTF-8 byte
// order mark is skipped, a coding declaration on the first or second line
// (the second only after a comment or blank first line) names the
// encoding, and otherwise the source must be UTF-8. Lines are checked in
// order, each up to its first NUL byte, then for the NUL itself.

// sourceError is a source that cannot be decoded: text is what CPython
// prints for it.
type sourceError struct{ text string }

// decodeSource returns src as UTF-8 text, or the error CPython reports.
func decodeSource(filename string, src []byte) (string, *sourceError) {
	bom := bytes.HasPrefix(src, []byte("\xef\xbb\xbf"))
	if bom {
		src = src[3:]
	}
	enc := "utf-8"
	declared := false
	if name, ok := codingSpec(src); ok {
		enc = normalEncoding(name)
		declared = true
		if bom && enc != "utf-8" {
			return "", &sourceError{fmt.Sprintf("SyntaxError: encoding problem: %s with BOM\n", enc)}
		}
		if enc != "utf-8" && decoders[enc] == nil {
			return "", &sourceError{fmt.Sprintf("SyntaxError: encoding problem: %s\n", name)}
		}
	}
	if enc != "utf-8" {
		text, ok := decoders[enc](src)
		if !ok {
			return "", &sourceError{fmt.Sprintf("SyntaxError: encoding problem: %s\n", enc)}
		}
		src = []byte(text)
	}
	if declared && enc == "utf-8" {
		if e := declaredUTF8Error(filename, src); e != nil {
			return "", e
		}
	}
	for n, rest := 1, src; len(rest) > 0; n++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		upToNul := line
		if i := bytes.IndexByte(line, 0); i >= 0 {
			upToNul = line[:i]
		}
		if enc == "utf-8" && !declared {
			if bad, ok := firstInvalidUTF8(upToNul); ok {
				return "", &sourceError{fmt.Sprintf("SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n", bad, filename, n)}
			}
		}
		if len(upToNul) < len(line) {
			shown := strings.TrimLeft(strings.TrimRight(string(upToNul), "\r\n"), " \t\f")
			return "", &sourceError{fmt.Sprintf("  File \"%s\", line %d\n    %s\nSyntaxError: source code cannot contain null bytes\n", filename, n, shown)}
		}
	}
	return string(src), nil
}

func (e *sourceError) write(w io.Writer) { io.WriteString(w, e.text) }

// firstInvalidUTF8 is the first byte of b that does not start a valid
// UTF-8 sequence (surrogates and overlong forms included, as CPython's
// check rejects them).
func firstInvalidUTF8(b []byte) (byte, bool) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return b[0], true
		}
		b = b[size:]
	}
	return 0, false
}

// codingSpec finds a PEP 263 declaration: `# ... coding[:=] NAME` on the
// first line, or on the second when the first is a comment or blank.
func codingSpec(src []byte) (string, bool) {
	for n := 0; n < 2 && len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		t := bytes.TrimLeft(line, " \t\f")
		if len(t) == 0 || t[0] != '#' {
			if len(bytes.TrimSpace(t)) != 0 {
				return "", false // code: no declaration on the next line
			}
			continue
		}
		s := string(t)
		for i := 0; ; {
			j := strings.Index(s[i:], "coding")
			if j < 0 {
				break
			}
			k := i + j + len("coding")
			if k < len(s) && (s[k] == ':' || s[k] == '=') {
				k++
				for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
					k++
				}
				e := k
				for e < len(s) && (isAlnumByte(s[e]) || s[e] == '-' || s[e] == '_' || s[e] == '.') {
					e++
				}
				if e > k {
					return s[k:e], true
				}
			}
			i = k
		}
	}
	return "", false
}

func isAlnumByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// normalEncoding is CPython's name for an encoding: its tokenizer's
// spellings of utf-8 and latin-1, then the codec aliases minipy decodes.
func normalEncoding(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, "_", "-"))
	switch {
	case n == "utf-8" || strings.HasPrefix(n, "utf-8-") || n == "utf8" || n == "u8" || n == "utf":
		return "utf-8"
	case n == "latin-1" || n == "iso-8859-1" || n == "iso-latin-1" || strings.HasPrefix(n, "latin-1-") ||
		strings.HasPrefix(n, "iso-8859-1-") || strings.HasPrefix(n, "iso-latin-1-"),
		n == "latin1" || n == "latin" || n == "l1" || n == "iso8859-1" || n == "8859" || n == "cp819" || n == "iso-ir-100":
		return "iso-8859-1"
	case n == "ascii" || n == "us-ascii" || n == "646" || n == "us":
		return "ascii"
	case n == "cp1252" || n == "windows-1252":
		return "cp1252"
	}
	return name
}

// decoders turn source bytes in an encoding into UTF-8; false when a byte
// has no character in it.
var decoders = map[string]func([]byte) (string, bool){
	"iso-8859-1": func(b []byte) (string, bool) {
		var sb strings.Builder
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
		return sb.String(), true
	},
	"ascii": func(b []byte) (string, bool) {
		for _, c := range b {
			if c >= 0x80 {
				return "", false
			}
		}
		return string(b), true
	},
	"cp1252": func(b []byte) (string, bool) {
		var sb strings.Builder
		for _, c := range b {
			r := rune(c)
			if c >= 0x80 && c < 0xa0 {
				if r = cp1252[c-0x80]; r == 0 {
					return "", false
				}
			}
			sb.WriteRune(r)
		}
		return sb.String(), true
	},
}

// cp1252 maps 0x80-0x9f (0: undefined); the rest is Latin-1.
var cp1252 = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
}

// declaredUTF8Error is the error for source that declares itself UTF-8
// but is not: CPython's tokenizer then decodes token by token, so bytes in
// comments pass, and a bad byte in a string literal or a name is a
// "(unicode error)" naming its position in the literal's contents or in
// the name.
func declaredUTF8Error(filename string, src []byte) *sourceError {
	var quote string // the open string's closing quote ("" outside strings)
	// start is where the open string's contents began in this line:
	// negative when they began on an earlier one, so that i-start counts
	// the bytes of the contents before i.
	start := 0
	for n, rest := 1, src; len(rest) > 0; n++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		for i := 0; i < len(line); {
			c := line[i]
			if quote != "" {
				switch {
				case c == '\\':
					i += 2
					continue
				case bytes.HasPrefix(line[i:], []byte(quote)):
					i += len(quote)
					quote = ""
					continue
				case c >= 0x80:
					if why, ok := utf8Invalid(line[i:], quote); ok {
						return unicodeError(filename, n, line, i, i-start, c, why)
					}
				}
				_, size := utf8.DecodeRune(line[i:])
				i += max(size, 1)
				continue
			}
			switch {
			case c == '#':
				i = len(line) // comments are skipped undecoded
			case c == '\'' || c == '"':
				quote = string(c)
				if bytes.HasPrefix(line[i:], []byte{c, c, c}) {
					quote = strings.Repeat(quote, 3)
				}
				i += len(quote)
				start = i
			case c >= 0x80 || c == '_' || isAlnumByte(c):
				j := i
				for j < len(line) && (line[j] >= 0x80 || line[j] == '_' || isAlnumByte(line[j])) {
					j++
				}
				if j < len(line) && (line[j] == '\'' || line[j] == '"') && j-i <= 3 {
					i = j // a string prefix: the quote opens the literal
					continue
				}
				for k := i; k < j; {
					if why, ok := utf8Invalid(line[k:j], ""); ok {
						return unicodeError(filename, n, line, k, k-i, line[k], why)
					}
					_, size := utf8.DecodeRune(line[k:j])
					k += size
				}
				i = j
			default:
				i++
			}
		}
		if quote != "" {
			start -= len(line)
		}
	}
	return nil
}

// utf8Invalid says why the UTF-8 sequence at the start of b is invalid,
// in the words of Python's decoder; the sequence ends at the string's
// closing quote or the end of b.
func utf8Invalid(b []byte, quote string) (string, bool) {
	if r, size := utf8.DecodeRune(b); r != utf8.RuneError || size > 1 {
		return "", false
	}
	c := b[0]
	need := 0
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
	case c >= 0xf0 && c <= 0xf4:
		need = 3
	default:
		return "invalid start byte", true
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) || b[k] == '\n' || quote != "" && bytes.HasPrefix(b[k:], []byte(quote)) {
			return "unexpected end of data", true
		}
		if b[k]&0xc0 != 0x80 {
			return "invalid continuation byte", true
		}
	}
	return "invalid continuation byte", true // overlong or surrogate forms
}

func unicodeError(filename string, lineno int, line []byte, at, pos int, bad byte, why string) *sourceError {
	shown := strings.ToValidUTF8(strings.TrimRight(string(line), "\r\n"), "\uFFFD")
	col := utf8.RuneCount([]byte(strings.ToValidUTF8(string(line[:at]), "\uFFFD")))
	trimmed := strings.TrimLeft(shown, " \t\f")
	col -= utf8.RuneCountInString(shown) - utf8.RuneCountInString(trimmed)
	return &sourceError{fmt.Sprintf("  File \"%s\", line %d\n    %s\n    %s^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s\n",
		filename, lineno, trimmed, strings.Repeat(" ", max(col, 0)), bad, pos, why)}
}
