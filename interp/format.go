package interp

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// fspec is a parsed format specification: [[fill]align][sign][z][#][0][width][,|_][.precision][type].
type fspec struct {
	fill      rune
	align     byte
	sign      byte
	negZero   bool // z: a float that rounds to zero loses its minus sign
	alt       bool
	zero      bool
	width     int
	grouping  byte
	precision int // -1: not given
	typ       byte
}

func parseSpec(spec string) (fspec, error) {
	f := fspec{fill: ' ', precision: -1}
	rs := []rune(spec)
	i := 0
	isAlign := func(r rune) bool { return r == '<' || r == '>' || r == '^' || r == '=' }
	fillSet := false
	if len(rs) >= 2 && isAlign(rs[1]) {
		f.fill, f.align = rs[0], byte(rs[1])
		fillSet = true
		i = 2
	} else if len(rs) >= 1 && isAlign(rs[0]) {
		f.align = byte(rs[0])
		i = 1
	}
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-' || rs[i] == ' ') {
		f.sign = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == 'z' {
		f.negZero = true
		i++
	}
	if i < len(rs) && rs[i] == '#' {
		f.alt = true
		i++
	}
	if i < len(rs) && rs[i] == '0' {
		f.zero = true
		if !fillSet {
			// '0' pads with zeros under any alignment, unless a fill is given.
			f.fill = '0'
		}
		i++
	}
	for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
		if f.width > (math.MaxInt64-9)/10 {
			return f, newErr(ValueError, "Too many decimal digits in format string")
		}
		f.width = f.width*10 + int(rs[i]-'0')
		i++
	}
	if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
		f.grouping = byte(rs[i])
		i++
		if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
			return f, newErr(ValueError, "Cannot specify both ',' and '_'.")
		}
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		if i >= len(rs) || rs[i] < '0' || rs[i] > '9' {
			return f, newErr(ValueError, "Format specifier missing precision")
		}
		f.precision = 0
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			if f.precision > (math.MaxInt64-9)/10 {
				return f, newErr(ValueError, "Too many decimal digits in format string")
			}
			f.precision = f.precision*10 + int(rs[i]-'0')
			i++
		}
	}
	if i < len(rs) {
		f.typ = byte(rs[i])
		i++
	}
	if i < len(rs) {
		return f, newErr(ValueError, "Invalid format specifier '%s' for object of type '%%s'", spec)
	}
	// The padding and the digits are built in memory.
	if err := memCheck(mulSat(uint64(f.width), 4)); err != nil {
		return f, err
	}
	if err := memCheck(uint64(max(f.precision, 0))); err != nil {
		return f, err
	}
	return f, nil
}

// format is format(v, spec).
func (vm *VM) format(v Val, spec string) (string, error) {
	if _, ok := v.O.(*Instance); ok && v.T == tagObject {
		if r, found, err := vm.dunder(v, "__format__", StrVal(spec)); found {
			if err != nil {
				return "", err
			}
			if !r.isStr() {
				return "", newErr(TypeError, "__format__ must return a str, not %s", typeName(r))
			}
			return r.str().s, nil
		}
	}
	if spec == "" {
		return vm.strOf(v), nil
	}
	f, err := parseSpec(spec)
	if err != nil {
		if pe, ok := err.(*PyErr); ok && len(pe.exc.args) > 0 && strings.Contains(vm.strOf(pe.exc.args[0]), "%s") {
			return "", newErr(ValueError, "%s", strings.Replace(vm.strOf(pe.exc.args[0]), "%s", typeName(v), 1))
		}
		return "", err
	}
	badType := func() error {
		return newErr(ValueError, "Unknown format code '%c' for object of type '%s'", f.typ, typeName(v))
	}
	switch {
	case isIntLike(v):
		if err := f.checkGrouping('d'); err != nil {
			return "", err
		}
		switch f.typ {
		case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
			if f.precision >= 0 {
				return "", newErr(ValueError, "Precision not allowed in integer format specifier")
			}
			if f.negZero {
				return "", newErr(ValueError, "Negative zero coercion (z) not allowed in integer format specifier")
			}
			if f.typ == 'c' && f.sign != 0 {
				return "", newErr(ValueError, "Sign not allowed with integer format specifier 'c'")
			}
			if f.typ == 'c' && f.alt {
				return "", newErr(ValueError, "Alternate form (#) not allowed with integer format specifier 'c'")
			}
			if v.T == tagInt && f.typ != 'c' {
				return f.formatWord(int64(v.B)), nil
			}
			b, _ := toBig(v)
			return f.formatInt(vm, b)
		case 'e', 'E', 'f', 'F', 'g', 'G', '%':
			x, err := toFloat(v)
			if err != nil {
				return "", err
			}
			return f.formatFloat(x), nil
		}
		return "", badType()
	case v.T == tagFloat:
		if err := f.checkGrouping(0); err != nil {
			return "", err
		}
		switch f.typ {
		case 0, 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n':
			return f.formatFloat(v.F()), nil
		}
		return "", badType()
	case v.isStr():
		if err := f.checkGrouping('s'); err != nil {
			return "", err
		}
		if f.typ != 0 && f.typ != 's' {
			return "", badType()
		}
		switch f.sign {
		case 0:
		case ' ':
			return "", newErr(ValueError, "Space not allowed in string format specifier")
		default:
			return "", newErr(ValueError, "Sign not allowed in string format specifier")
		}
		if f.negZero {
			return "", newErr(ValueError, "Negative zero coercion (z) not allowed in string format specifier")
		}
		if f.alt {
			return "", newErr(ValueError, "Alternate form (#) not allowed in string format specifier")
		}
		if f.align == '=' {
			return "", newErr(ValueError, "'=' alignment not allowed in string format specifier")
		}
		s := v.str().s
		if f.precision >= 0 {
			rs := []rune(s)
			if len(rs) > f.precision {
				s = string(rs[:f.precision])
			}
		}
		if f.align == 0 {
			f.align = '<'
		}
		return f.pad(s, ""), nil
	}
	if c, ok := v.O.(*Complex); ok && v.T == tagObject {
		return f.formatComplex(c)
	}
	if _, inst := v.O.(*Instance); f.typ != 0 || !inst {
		// object.__format__ takes no spec: lists, None, bytes ... refuse one.
		return "", newErr(TypeError, "unsupported format string passed to %s.__format__", typeName(v))
	}
	if f.align == 0 {
		f.align = '<'
	}
	return f.pad(vm.strOf(v), ""), nil
}

// checkGrouping refuses a thousands separator where CPython's format
// spec parser does: ',' and '_' go with d, e, f, g, E, G, %, F and no
// type, '_' also with b, o, x and X. def is the type the value's format
// takes when the spec gives none ('d' for int, 's' for str).
func (f fspec) checkGrouping(def byte) error {
	if f.grouping == 0 {
		return nil
	}
	t := f.typ
	if t == 0 {
		t = def
	}
	switch t {
	case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F':
		return nil
	case 'b', 'o', 'x', 'X':
		if f.grouping == '_' {
			return nil
		}
	}
	if t > 32 && t < 128 {
		return newErr(ValueError, "Cannot specify '%c' with '%c'.", f.grouping, t)
	}
	return newErr(ValueError, "Cannot specify '%c' with '\\x%x'.", f.grouping, t)
}

func group(digits string, sep byte, every int) string {
	if sep == 0 || len(digits) <= every {
		return digits
	}
	var b strings.Builder
	first := len(digits) % every
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += every {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+every])
	}
	return b.String()
}

func (f fspec) signStr(neg bool) string {
	if neg {
		return "-"
	}
	switch f.sign {
	case '+':
		return "+"
	case ' ':
		return " "
	}
	return ""
}

func (f fspec) formatInt(vm *VM, b *big.Int) (string, error) {
	neg := b.Sign() < 0
	a := new(big.Int).Abs(b)
	var digits, prefix string
	switch f.typ {
	case 0, 'd', 'n':
		var err error
		if digits, err = vm.decimal(a); err != nil {
			return "", err
		}
	case 'b':
		digits, prefix = a.Text(2), "0b"
	case 'o':
		digits, prefix = a.Text(8), "0o"
	case 'x':
		digits, prefix = a.Text(16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(a.Text(16)), "0X"
	case 'c':
		if !b.IsInt64() {
			return "", newErr(OverflowError, "Python int too large to convert to C long")
		}
		if b.Int64() < 0 || b.Int64() > 0x10ffff {
			return "", newErr(OverflowError, "%s", "%c arg not in range(0x110000)")
		}
		return f.pad(string(rune(b.Int64())), ""), nil
	}
	return f.intBody(neg, digits, prefix), nil
}

// formatWord is formatInt for an int that fits a machine word, which
// needs no big.Int for its digits (f'{i:04d}', f'{n:x}'); not for 'c'.
func (f fspec) formatWord(x int64) string {
	a := uint64(x)
	if x < 0 {
		a = -a
	}
	var digits, prefix string
	switch f.typ {
	case 'b':
		digits, prefix = strconv.FormatUint(a, 2), "0b"
	case 'o':
		digits, prefix = strconv.FormatUint(a, 8), "0o"
	case 'x':
		digits, prefix = strconv.FormatUint(a, 16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(strconv.FormatUint(a, 16)), "0X"
	default:
		digits = strconv.FormatUint(a, 10)
	}
	return f.intBody(x < 0, digits, prefix)
}

// intBody lays out an int's digits with its sign, base prefix (if #),
// grouping and padding.
func (f fspec) intBody(neg bool, digits, prefix string) string {
	if !f.alt {
		prefix = ""
	}
	every := 3
	if f.typ == 'b' || f.typ == 'o' || f.typ == 'x' || f.typ == 'X' {
		every = 4
	}
	sign := f.signStr(neg) + prefix
	if f.zeroGroups() && f.grouping != 0 {
		// Zero padding counts the separators.
		w := f.width - len(sign)
		for len(group(digits, f.grouping, every)) < w {
			digits = "0" + digits
		}
		return sign + group(digits, f.grouping, every)
	}
	return f.pad(group(digits, f.grouping, every), sign)
}

func (f fspec) formatFloat(x float64) string {
	neg := math.Signbit(x) && !math.IsNaN(x)
	a := math.Abs(x)
	var body string
	prec := f.precision
	switch {
	case math.IsInf(a, 0):
		body = "inf"
		if f.typ == 'E' || f.typ == 'F' || f.typ == 'G' {
			body = "INF"
		}
		if f.typ == '%' {
			body = "inf%"
		}
	case math.IsNaN(a):
		body = "nan"
		if f.typ == 'E' || f.typ == 'F' || f.typ == 'G' {
			body = "NAN"
		}
		if f.typ == '%' {
			body = "nan%"
		}
	default:
		switch f.typ {
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'f', prec, 64)
			if f.alt && prec == 0 {
				body += "."
			}
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'e', prec, 64)
			if f.alt && prec == 0 {
				body = strings.Replace(body, "e", ".e", 1)
			}
			if f.typ == 'E' {
				body = strings.ToUpper(body)
			}
		case '%':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
		case 'g', 'G', 'n':
			if prec < 0 {
				prec = 6
			}
			if prec == 0 {
				prec = 1
			}
			body = strconv.FormatFloat(a, 'g', prec, 64)
			if f.alt {
				body = altG(a, prec)
			}
			if f.typ == 'G' {
				body = strings.ToUpper(body)
			}
		case 0:
			if prec < 0 {
				body = formatFloatRepr(a)
			} else {
				body = noTypeFloat(a, max(prec, 1))
			}
		}
	}
	return f.finishNumber(body, neg, !math.IsInf(a, 0) && !math.IsNaN(a))
}

// finishNumber lays out a number's digits (body, without sign) with its
// sign, grouping (for a finite number) and padding.
func (f fspec) finishNumber(body string, neg, finite bool) string {
	if neg && f.negZero && roundsToZero(body) {
		neg = false
	}
	sign := f.signStr(neg)
	if f.grouping != 0 && finite {
		intPart, frac := body, ""
		if i := strings.IndexAny(body, ".e%"); i >= 0 {
			intPart, frac = body[:i], body[i:]
		}
		if f.zeroGroups() {
			w := f.width - len(sign) - len(frac)
			for len(group(intPart, f.grouping, 3)) < w {
				intPart = "0" + intPart
			}
			return sign + group(intPart, f.grouping, 3) + frac
		}
		body = group(intPart, f.grouping, 3) + frac
	}
	return f.pad(body, sign)
}

// zeroGroups reports whether zero padding goes between the sign and the
// digits, where digit grouping counts the padding zeros too.
func (f fspec) zeroGroups() bool {
	return f.fill == '0' && (f.align == '=' || f.zero && f.align == 0)
}

// pad applies width, fill and alignment; numbers default to right-aligned.
func (f fspec) pad(body, sign string) string {
	n := len([]rune(body)) + len(sign)
	if f.width <= n {
		return sign + body
	}
	fill := string(f.fill)
	align := f.align
	if f.zero && align == 0 {
		align = '='
	}
	if align == 0 {
		align = '>'
	}
	padn := f.width - n
	switch align {
	case '<':
		return sign + body + strings.Repeat(fill, padn)
	case '^':
		l := padn / 2
		return strings.Repeat(fill, l) + sign + body + strings.Repeat(fill, padn-l)
	case '=':
		return sign + strings.Repeat(fill, padn) + body
	}
	return strings.Repeat(fill, padn) + sign + body
}

// strFormat is str.format.
func (vm *VM) strFormat(format string, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	return vm.formatWith(format, pos, func(name string) (Val, error) {
		if x, ok := kw[name]; ok {
			return x, nil
		}
		return Val{}, newErrVal(KeyError, StrVal(name))
	})
}

// strFormatMap is str.format_map(mapping): names are looked up with
// mapping[name] (so a dict subclass's __missing__ answers).
func (vm *VM) strFormatMap(format string, mapping Val) (Val, error) {
	return vm.formatWith(format, nil, func(name string) (Val, error) {
		return vm.getItem(mapping, StrVal(name))
	})
}

// roundsToZero reports whether a formatted float's digits (before any
// exponent) are all zeros: the value shown is zero, and z drops its sign.
func roundsToZero(body string) bool {
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == 'e' || c == 'E' || c == '%':
			return true
		case c >= '1' && c <= '9', c == 'i', c == 'n', c == 'I', c == 'N':
			return false
		}
	}
	return true
}

// noTypeFloat is a finite float formatted with a precision and no type:
// 'g' that keeps a digit after the point, so the exponent form starts one
// exponent sooner (exp >= prec-1) than type g does, as in CPython.
func noTypeFloat(a float64, prec int) string {
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	at := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[at+1:])
	if exp < -4 || exp >= prec-1 {
		mant := e[:at]
		if strings.IndexByte(mant, '.') >= 0 {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return mant + e[at:]
	}
	body := strconv.FormatFloat(a, 'g', prec, 64)
	if !strings.ContainsAny(body, ".e") {
		body += ".0"
	}
	return body
}
