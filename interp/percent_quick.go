package interp

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The common str % args, quickly (issue 10).
//
// percentCore handles every flag and conversion but pays for it on the
// plain cases too: the format is copied into runes and written back one
// rune at a time, and every %d goes through a big.Int (a log for its
// size, an allocation, a conversion). "%d/%d" % (i, j) took 2.6x CPython's
// time. percentQuick formats the usual conversions (%s, %r, %d, %i, %f)
// of ints, floats, strs, bools and None, with - and 0 flags, widths and a
// precision for %f, straight into one byte buffer; the format's bytes
// between conversions are copied as they are (a '%' never appears inside
// a multi-byte UTF-8 sequence). Anything else (a mapping key, *, other
// flags or conversions, other argument types, an argument count that does
// not match) makes it report false before anything observable happened:
// every value it formats is one whose str and repr run no Python code.
// percentCore then formats from scratch and raises CPython's errors.

// percentQuick is format % arg for the cases above; ok is false otherwise.
func (vm *VM) percentQuick(format string, arg Val) (s string, ok bool) {
	var one [1]Val
	args := one[:]
	one[0] = arg
	if arg.T == tagObject {
		switch x := arg.O.(type) {
		case *Tuple:
			args = x.items
		case *Str:
		default:
			return "", false // a mapping, a namedtuple, an object's str
		}
	}
	buf := make([]byte, 0, len(format)+16*len(args))
	ai := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			buf = append(buf, c)
			continue
		}
		i++
		if i >= len(format) {
			return "", false
		}
		if format[i] == '%' {
			buf = append(buf, '%')
			continue
		}
		left, zero := false, false
		for ; i < len(format) && (format[i] == '-' || format[i] == '0'); i++ {
			if format[i] == '-' {
				left = true
			} else {
				zero = true
			}
		}
		width, prec := 0, -1
		for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
			if width > 1<<20 {
				return "", false
			}
			width = width*10 + int(format[i]-'0')
		}
		if i < len(format) && format[i] == '.' {
			prec = 0
			for i++; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
				if prec > 100 {
					return "", false
				}
				prec = prec*10 + int(format[i]-'0')
			}
		}
		if i >= len(format) || ai >= len(args) {
			return "", false
		}
		v := args[ai]
		ai++
		start := len(buf)
		numeric := false
		switch format[i] {
		case 'd', 'i':
			if v.T != tagInt || prec >= 0 {
				return "", false
			}
			buf = strconv.AppendInt(buf, int64(v.B), 10)
			numeric = true
		case 'f':
			var x float64
			switch v.T {
			case tagFloat:
				x = v.F()
			case tagInt:
				x = float64(int64(v.B))
				if int64(x) != int64(v.B) {
					return "", false // not exact: CPython converts the int itself
				}
			default:
				return "", false
			}
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return "", false
			}
			if prec < 0 {
				prec = 6
			}
			buf = strconv.AppendFloat(buf, x, 'f', prec, 64)
			numeric = true
		case 's', 'r':
			if zero || prec >= 0 {
				return "", false
			}
			switch v.T {
			case tagInt, tagFloat, tagBool, tagNone:
				if format[i] == 's' {
					buf = append(buf, vm.strOf(v)...)
				} else {
					buf = append(buf, vm.repr(v)...)
				}
			case tagObject:
				str, isStr := v.O.(*Str)
				if !isStr {
					return "", false
				}
				if format[i] == 's' {
					buf = append(buf, str.s...)
				} else {
					buf = append(buf, vm.repr(v)...)
				}
			default:
				return "", false
			}
		default:
			return "", false
		}
		if width > 0 {
			buf = padField(buf, start, width, left, zero && numeric)
		}
	}
	if ai != len(args) {
		return "", false
	}
	return string(buf), true
}

// padField pads the field buf[start:] to width characters: spaces after it
// (left), zeros after its sign (zeros), or spaces before it.
func padField(buf []byte, start, width int, left, zeros bool) []byte {
	n := utf8.RuneCount(buf[start:])
	if n >= width {
		return buf
	}
	pad := width - n
	if left {
		for range pad {
			buf = append(buf, ' ')
		}
		return buf
	}
	at := start
	fill := byte(' ')
	if zeros {
		fill = '0'
		if buf[start] == '-' {
			at++
		}
	}
	for range pad {
		buf = append(buf, 0)
	}
	copy(buf[at+pad:], buf[at:len(buf)-pad])
	for j := at; j < at+pad; j++ {
		buf[j] = fill
	}
	return buf
}
