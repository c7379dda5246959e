package interp

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The codecs str.encode and bytes.decode know: utf-8, ascii, latin-1,
// cp1252, utf-16 and utf-32 (with and without a byte order),
// unicode_escape and raw_unicode_escape (codecs_escape.go), each with the error
// handlers strict, ignore, replace, backslashreplace and (encoding)
// xmlcharrefreplace, raising CPython's UnicodeDecodeError and
// UnicodeEncodeError.

// codecName is the canonical name of an encoding, as CPython's codec
// registry normalises and aliases it; "" when unknown.
func codecName(enc string) string {
	n := strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(strings.TrimSpace(enc)))
	switch n {
	case "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4":
		return "utf-8"
	case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991":
		return "ascii"
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1", "ibm819", "iso_8859_1_1987":
		return "latin-1"
	case "utf_16", "utf16", "u16":
		return "utf-16"
	case "utf_16_le", "utf_16le", "utf16le":
		return "utf-16-le"
	case "utf_16_be", "utf_16be", "utf16be":
		return "utf-16-be"
	case "utf_32", "utf32", "u32":
		return "utf-32"
	case "utf_32_le", "utf_32le", "utf32le":
		return "utf-32-le"
	case "utf_32_be", "utf_32be", "utf32be":
		return "utf-32-be"
	case "cp1252", "windows_1252", "1252":
		return "cp1252"
	case "unicode_escape":
		return "unicode-escape"
	case "raw_unicode_escape":
		return "raw-unicode-escape"
	}
	return ""
}

// codecArgs reads the encoding and errors arguments (Val{} when absent).
func codecArgs(what string, enc, errs Val) (string, string, error) {
	e, h := "utf-8", "strict"
	if enc.T != tagEmpty {
		if !enc.isStr() {
			return "", "", newErr(TypeError, "%s() argument 'encoding' must be str, not %s", what, typeName(enc))
		}
		e = enc.str().s
	}
	if errs.T != tagEmpty {
		if !errs.isStr() {
			return "", "", newErr(TypeError, "%s() argument 'errors' must be str, not %s", what, typeName(errs))
		}
		h = errs.str().s
	}
	name := codecName(e)
	if name == "" {
		return "", "", newErr(LookupError, "unknown encoding: %s", e)
	}
	return name, h, nil
}

// unicodeErr is a UnicodeDecodeError or UnicodeEncodeError with CPython's
// arguments (encoding, object, start, end, reason) and attributes.
func unicodeErr(t *ExcType, enc string, obj Val, start, end int, reason string) *PyErr {
	args := []Val{StrVal(enc), obj, IntVal(int64(start)), IntVal(int64(end)), StrVal(reason)}
	e := &Exception{typ: t, args: args}
	for i, n := range []string{"encoding", "object", "start", "end", "reason"} {
		e.attrs.set(n, args[i])
	}
	return &PyErr{exc: e}
}

// unicodeErrStr is str() of a UnicodeDecodeError or UnicodeEncodeError
// made with its five arguments.
func unicodeErrStr(e *Exception) (string, bool) {
	if len(e.args) != 5 || !e.args[0].isStr() || !e.args[4].isStr() || e.args[2].T != tagInt || e.args[3].T != tagInt {
		return "", false
	}
	enc, reason := e.args[0].str().s, e.args[4].str().s
	start, end := e.args[2].I(), e.args[3].I()
	switch {
	case e.typ.isSub(UnicodeDecodeError):
		b, ok := e.args[1].O.(*Bytes)
		if !ok {
			return "", false
		}
		if end == start+1 && start >= 0 && start < int64(len(b.b)) {
			return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", enc, b.b[start], start, reason), true
		}
		return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", enc, start, end-1, reason), true
	case e.typ.isSub(UnicodeEncodeError):
		s := e.args[1].str()
		if s == nil {
			return "", false
		}
		if end == start+1 && start >= 0 && start < int64(s.length()) {
			r, _ := utf8.DecodeRuneInString(s.at(int(start)))
			return fmt.Sprintf("'%s' codec can't encode character '%s' in position %d: %s", enc, escapeRune(r), start, reason), true
		}
		return fmt.Sprintf("'%s' codec can't encode characters in position %d-%d: %s", enc, start, end-1, reason), true
	}
	return "", false
}

// escapeRune is \xNN, \uNNNN or \UNNNNNNNN.
func escapeRune(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x10000:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// encodeStr is s.encode(enc, errs).
func (vm *VM) encodeStr(s string, enc, errs Val) ([]byte, error) {
	name, handler, err := codecArgs("encode", enc, errs)
	if err != nil {
		return nil, err
	}
	if name == "unicode-escape" || name == "raw-unicode-escape" {
		return escapeEncode(s, name == "raw-unicode-escape"), nil
	}
	rs := []rune(s)
	limit := rune(0x10ffff)
	switch name {
	case "utf-8":
		return []byte(s), nil
	case "ascii":
		limit = 0x7f
	case "latin-1":
		limit = 0xff
	}
	encodable := func(r rune) bool { return r <= limit }
	errName, reason := name, "ordinal not in range("+strconv.Itoa(int(limit)+1)+")"
	if name == "cp1252" {
		encodable = func(r rune) bool { _, ok := cp1252Byte(r); return ok }
		errName, reason = "charmap", "character maps to <undefined>"
	}
	var out []byte
	put := func(r rune) {
		switch name {
		case "ascii", "latin-1":
			out = append(out, byte(r))
		case "cp1252":
			c, _ := cp1252Byte(r)
			out = append(out, c)
		case "utf-16", "utf-16-le", "utf-16-be":
			put16 := func(u uint16) {
				if name == "utf-16-be" {
					out = binary.BigEndian.AppendUint16(out, u)
				} else {
					out = binary.LittleEndian.AppendUint16(out, u)
				}
			}
			if r >= 0x10000 {
				r -= 0x10000
				put16(uint16(0xd800 + r>>10))
				put16(uint16(0xdc00 + r&0x3ff))
			} else {
				put16(uint16(r))
			}
		default:
			if name == "utf-32-be" {
				out = binary.BigEndian.AppendUint32(out, uint32(r))
			} else {
				out = binary.LittleEndian.AppendUint32(out, uint32(r))
			}
		}
	}
	switch name {
	case "utf-16":
		out = append(out, 0xff, 0xfe)
	case "utf-32":
		out = append(out, 0xff, 0xfe, 0, 0)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if encodable(r) {
			put(r)
			continue
		}
		j := i + 1
		for j < len(rs) && !encodable(rs[j]) {
			j++
		}
		switch handler {
		case "strict":
			return nil, unicodeErr(UnicodeEncodeError, errName, StrVal(s), i, j, reason)
		case "ignore":
		case "replace":
			for range j - i {
				put('?')
			}
		case "backslashreplace":
			for _, r := range rs[i:j] {
				for _, c := range escapeRune(r) {
					put(c)
				}
			}
		case "xmlcharrefreplace":
			for _, r := range rs[i:j] {
				for _, c := range "&#" + strconv.Itoa(int(r)) + ";" {
					put(c)
				}
			}
		default:
			return nil, newErr(LookupError, "unknown error handler name '%s'", handler)
		}
		i = j - 1
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}

// decodeBytes is b.decode(enc, errs).
func (vm *VM) decodeBytes(obj Val, b []byte, enc, errs Val) (string, error) {
	if len(b) == 0 {
		// CPython decodes nothing to '' before looking the codec up.
		if _, _, err := codecArgs("decode", enc, errs); err != nil {
			if pe, ok := err.(*PyErr); !ok || pe.exc.typ != LookupError {
				return "", err
			}
		}
		return "", nil
	}
	name, handler, err := codecArgs("decode", enc, errs)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	errName := name
	switch name {
	case "cp1252":
		errName = "charmap" // as CPython's charmap codecs say
	case "unicode-escape", "raw-unicode-escape":
		errName = strings.ReplaceAll(name, "-", "")
	}
	// bad handles the undecodable b[start:end]; reason is CPython's.
	bad := func(start, end int, reason string) error {
		switch handler {
		case "strict":
			return unicodeErr(UnicodeDecodeError, errName, bytesVal(append([]byte{}, b...)), start, end, reason)
		case "ignore":
		case "replace":
			sb.WriteRune(utf8.RuneError)
		case "backslashreplace":
			for _, c := range b[start:end] {
				sb.WriteString(`\x` + hex2(int(c)))
			}
		default:
			return newErr(LookupError, "unknown error handler name '%s'", handler)
		}
		return nil
	}
	switch name {
	case "unicode-escape", "raw-unicode-escape":
		if err := escapeDecode(b, name == "raw-unicode-escape", &sb, bad); err != nil {
			return "", err
		}
	case "utf-8":
		if utf8.Valid(b) {
			return string(b), nil
		}
		for i := 0; i < len(b); {
			n, reason := utf8Prefix(b[i:])
			if reason == "" {
				sb.Write(b[i : i+n])
			} else if err := bad(i, i+n, reason); err != nil {
				return "", err
			}
			i += n
		}
	case "ascii":
		for i, c := range b {
			if c < 0x80 {
				sb.WriteByte(c)
			} else if err := bad(i, i+1, "ordinal not in range(128)"); err != nil {
				return "", err
			}
		}
	case "latin-1":
		return latin1Str(b), nil
	case "cp1252":
		for i, c := range b {
			switch r := cp1252Rune(c); {
			case r >= 0:
				sb.WriteRune(r)
			default:
				if err := bad(i, i+1, "character maps to <undefined>"); err != nil {
					return "", err
				}
			}
		}
	case "utf-16", "utf-16-le", "utf-16-be":
		var bo binary.ByteOrder = binary.LittleEndian
		i := 0
		switch {
		case name == "utf-16-be":
			bo = binary.BigEndian
		case name == "utf-16" && len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff:
			bo, i = binary.BigEndian, 2
		case name == "utf-16" && len(b) >= 2 && b[0] == 0xff && b[1] == 0xfe:
			i = 2
		}
		for i < len(b) {
			if i+2 > len(b) {
				if err := bad(i, len(b), "truncated data"); err != nil {
					return "", err
				}
				break
			}
			u := rune(bo.Uint16(b[i:]))
			switch {
			case u < 0xd800 || u > 0xdfff:
				sb.WriteRune(u)
				i += 2
			case u >= 0xdc00:
				if err := bad(i, i+2, "illegal encoding"); err != nil {
					return "", err
				}
				i += 2
			case i+4 > len(b):
				if err := bad(i, len(b), "unexpected end of data"); err != nil {
					return "", err
				}
				i = len(b)
			default:
				lo := rune(bo.Uint16(b[i+2:]))
				if lo < 0xdc00 || lo > 0xdfff {
					if err := bad(i, i+2, "illegal UTF-16 surrogate"); err != nil {
						return "", err
					}
					i += 2
					continue
				}
				sb.WriteRune(0x10000 + (u-0xd800)<<10 + (lo - 0xdc00))
				i += 4
			}
		}
	default: // utf-32
		var bo binary.ByteOrder = binary.LittleEndian
		i := 0
		switch {
		case name == "utf-32-be":
			bo = binary.BigEndian
		case name == "utf-32" && len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff:
			bo, i = binary.BigEndian, 4
		case name == "utf-32" && len(b) >= 4 && b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0:
			i = 4
		}
		for i < len(b) {
			if i+4 > len(b) {
				if err := bad(i, len(b), "truncated data"); err != nil {
					return "", err
				}
				break
			}
			u := bo.Uint32(b[i:])
			if u > 0x10ffff || u >= 0xd800 && u <= 0xdfff {
				reason := "code point not in range(0x110000)"
				if u <= 0x10ffff {
					reason = "code point in surrogate character range"
				}
				if err := bad(i, i+4, reason); err != nil {
					return "", err
				}
			} else {
				sb.WriteRune(rune(u))
			}
			i += 4
		}
	}
	return sb.String(), nil
}

// utf8Prefix measures the sequence at the start of b as CPython's UTF-8
// decoder does: n bytes of one valid character (reason ""), or the n
// bytes an error covers and why: the longest prefix of a valid sequence
// before the offending byte, all of b when b ends inside one.
func utf8Prefix(b []byte) (n int, reason string) {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case c < 0x80:
		return 1, ""
	case c < 0xc2:
		return 1, "invalid start byte"
	case c < 0xe0:
		need = 1
	case c < 0xf0:
		need = 2
		if c == 0xe0 {
			lo = 0xa0
		} else if c == 0xed {
			hi = 0x9f
		}
	case c < 0xf5:
		need = 3
		if c == 0xf0 {
			lo = 0x90
		} else if c == 0xf4 {
			hi = 0x8f
		}
	default:
		return 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) {
			return len(b), "unexpected end of data"
		}
		if b[k] < lo || b[k] > hi {
			return k, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xbf
	}
	return need + 1, ""
}

// latin1Str is b as code points 0-255; latin1Bytes the reverse (for
// strs known to hold only such code points).
func latin1Str(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func latin1Bytes(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// cp1252High is what Windows-1252 gives bytes 0x80-0x9f (0: undefined);
// the other bytes are Latin-1.
var cp1252High = [32]rune{0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
	0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178}

// cp1252Rune decodes one byte; -1 when it maps to nothing.
func cp1252Rune(c byte) rune {
	if c < 0x80 || c >= 0xa0 {
		return rune(c)
	}
	if r := cp1252High[c-0x80]; r != 0 {
		return r
	}
	return -1
}

// cp1252Byte encodes one character.
func cp1252Byte(r rune) (byte, bool) {
	if r < 0x80 || r >= 0xa0 && r <= 0xff {
		return byte(r), true
	}
	for i, h := range cp1252High {
		if h == r && h != 0 {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}
