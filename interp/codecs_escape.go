package interp

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The unicode_escape and raw_unicode_escape codecs, as CPython documents
// them: unicode_escape writes a str as the bytes of a Python string
// literal's body (printable ASCII as is, \t \n \r \\ and \xNN, \uNNNN,
// \UNNNNNNNN for the rest) and reads every escape such a literal allows,
// other bytes as Latin-1; raw_unicode_escape writes Latin-1 as is and
// the rest as \uNNNN or \UNNNNNNNN, and reads only those two escapes
// (after an odd run of backslashes).

// escapeEncode is s.encode('unicode_escape') (raw: 'raw_unicode_escape').
// Every str can be written, so the errors handler is never asked.
func escapeEncode(s string, raw bool) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case raw && r < 0x100:
			out = append(out, byte(r))
		case raw:
			out = append(out, escapeRune(r)...)
		case r == '\\':
			out = append(out, '\\', '\\')
		case r == '\t':
			out = append(out, '\\', 't')
		case r == '\n':
			out = append(out, '\\', 'n')
		case r == '\r':
			out = append(out, '\\', 'r')
		case r >= 0x20 && r < 0x7f:
			out = append(out, byte(r))
		default:
			out = append(out, escapeRune(r)...)
		}
	}
	return out
}

// simpleEscapes are the one-letter escapes of a string literal.
var simpleEscapes = map[byte]byte{'\\': '\\', '\'': '\'', '"': '"', 'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11}

// escapeDecode is b.decode('unicode_escape') (raw: 'raw_unicode_escape');
// bad handles b[start:end] that does not decode, with CPython's reason.
func escapeDecode(b []byte, raw bool, sb *strings.Builder, bad func(start, end int, reason string) error) error {
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' {
			sb.WriteRune(rune(c))
			i++
			continue
		}
		if raw {
			// Only \u and \U escape, and only after an odd run of
			// backslashes: the others stand for themselves.
			j := i
			for j < len(b) && b[j] == '\\' {
				j++
			}
			if (j-i)%2 == 0 || j == len(b) || b[j] != 'u' && b[j] != 'U' {
				sb.Write(b[i:j])
				i = j
				continue
			}
			sb.Write(b[i : j-1])
			i = j - 1
		}
		if i+1 == len(b) {
			if err := bad(i, i+1, `\ at end of string`); err != nil {
				return err
			}
			i++
			continue
		}
		start := i
		e := b[i+1]
		i += 2
		if raw || e == 'x' || e == 'u' || e == 'U' {
			n, what := 2, `truncated \xXX escape`
			switch e {
			case 'u':
				n, what = 4, `truncated \uXXXX escape`
			case 'U':
				n, what = 8, `truncated \UXXXXXXXX escape`
			}
			j := i
			for j < len(b) && j < i+n && isHexDigit(b[j]) {
				j++
			}
			if j < i+n {
				if err := bad(start, j, what); err != nil {
					return err
				}
				i = j
				continue
			}
			v, _ := strconv.ParseUint(string(b[i:j]), 16, 32)
			i = j
			if v > utf8.MaxRune || v >= 0xd800 && v <= 0xdfff {
				reason := "illegal Unicode character"
				if raw {
					reason = `\Uxxxxxxxx out of range`
				}
				if v <= utf8.MaxRune {
					// A lone surrogate: minipy's strs cannot hold one.
					reason = "surrogates not allowed"
				}
				if err := bad(start, j, reason); err != nil {
					return err
				}
				continue
			}
			sb.WriteRune(rune(v))
			continue
		}
		if r, ok := simpleEscapes[e]; ok {
			sb.WriteByte(r)
			continue
		}
		switch {
		case e == '\n':
			// A line continuation: nothing.
		case e >= '0' && e <= '7':
			v := rune(e - '0')
			for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
				v = v*8 + rune(b[i]-'0')
				i++
			}
			sb.WriteRune(v)
		case e == 'N':
			if i >= len(b) || b[i] != '{' {
				if err := bad(start, i, `malformed \N character escape`); err != nil {
					return err
				}
				continue
			}
			end := strings.IndexByte(string(b[i+1:]), '}')
			if end <= 0 {
				// An empty name ends the escape at its brace; no closing
				// brace takes the rest of the input.
				stop := len(b)
				if end == 0 {
					stop = i + 1
				}
				if err := bad(start, stop, `malformed \N character escape`); err != nil {
					return err
				}
				i = stop
				continue
			}
			name := string(b[i+1 : i+1+end])
			i += end + 2
			r, ok := lookupName(strings.ToUpper(name))
			if !ok {
				if err := bad(start, i, "unknown Unicode character name"); err != nil {
					return err
				}
				continue
			}
			sb.WriteRune(r)
		default:
			// An unknown escape stands for itself (CPython also warns).
			sb.WriteByte('\\')
			sb.WriteRune(rune(e))
		}
	}
	return nil
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
