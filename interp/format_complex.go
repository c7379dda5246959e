package interp

import (
	"math"
	"strings"
)

// formatComplex is format(z, spec) for a complex z, as CPython's
// format_complex_internal: the spec's type, precision, sign and grouping
// apply to each part; the imaginary part always shows its sign (unless
// it stands alone) and ends in j; width, fill and alignment apply to the
// whole. With no type the parts print as repr's (with a precision, as
// 'g' without a forced ".0"), in parentheses, and a real part of +0 is
// left out, as repr does.
func (f fspec) formatComplex(c *Complex) (string, error) {
	switch f.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n':
	default:
		return "", newErr(ValueError, "Unknown format code '%c' for object of type 'complex'", f.typ)
	}
	if f.zero {
		return "", newErr(ValueError, "Zero padding is not allowed in complex format specifier")
	}
	if f.align == '=' {
		return "", newErr(ValueError, "'=' alignment flag is not allowed in complex format specifier")
	}
	part := f
	part.width, part.align, part.fill = 0, 0, ' '
	parens, skipRe := false, false
	if f.typ == 0 {
		parens = true
		skipRe = c.re == 0 && !math.Signbit(c.re)
		if f.precision >= 0 {
			part.typ = 'g'
		}
	}
	format := func(x float64, p fspec) string {
		if p.typ == 0 {
			// repr's digits, without the ".0" a float's repr would add.
			neg := math.Signbit(x) && !math.IsNaN(x)
			return p.signStr(neg) + strings.TrimSuffix(formatFloatRepr(math.Abs(x)), ".0")
		}
		return p.formatFloat(x)
	}
	im := part
	var b strings.Builder
	if skipRe {
		parens = false
	} else {
		b.WriteString(format(c.re, part))
		im.sign = '+'
	}
	b.WriteString(format(c.im, im))
	b.WriteByte('j')
	body := b.String()
	if parens {
		body = "(" + body + ")"
	}
	if f.align == 0 {
		f.align = '>'
	}
	return f.pad(body, ""), nil
}
