package interp

import (
	"math/big"
	"strconv"
	"strings"
)

// percentFormat is str % args: printf-style formatting with every flag
// (- + space # 0), * widths and precisions, length modifiers (ignored) and
// conversions, worded as CPython's errors (3.14 keeps 3.11's wording; the
// rewording of gh-142037 comes with 3.15).
func (vm *VM) percentFormat(format string, arg Val) (Val, error) {
	if s, ok := vm.percentQuick(format, arg); ok {
		return StrVal(s), nil
	}
	s, err := vm.percentCore(format, arg, false)
	return StrVal(s), err
}

// percentCore formats; for bytes % args (bmode) format holds the bytes as
// code points 0-255 and so does the result, %s and %b take bytes-like
// objects and %c a byte.
func (vm *VM) percentCore(format string, arg Val, bmode bool) (string, error) {
	args := []Val{arg}
	isTuple := false
	if t, ok := arg.O.(*Tuple); ok && arg.T == tagObject {
		args, isTuple = t.items, true
	} else if items, ok := vm.namedtupleItems(arg); ok {
		args, isTuple = items, true
	}
	// A mapping is whatever has __getitem__ and is no tuple or str: its
	// keys serve %(name)s, and leftover arguments are then no error.
	mapping := false
	if !isTuple && arg.T == tagObject {
		mapping = percentMapping(arg)
	}
	var b strings.Builder
	ai := 0
	next := func() (Val, error) {
		if ai >= len(args) {
			return Val{}, newErr(TypeError, "not enough arguments for format string")
		}
		ai++
		return args[ai-1], nil
	}
	usedKey := false
	rs := []rune(format)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if c != '%' {
			b.WriteRune(c)
			continue
		}
		i++
		if i >= len(rs) {
			return "", newErr(ValueError, "incomplete format")
		}
		if rs[i] == '%' {
			b.WriteByte('%')
			continue
		}
		var v Val
		haveV := false
		if rs[i] == '(' {
			if !mapping {
				return "", newErr(TypeError, "format requires a mapping")
			}
			depth, j := 1, i+1
			for ; j < len(rs) && depth > 0; j++ {
				switch rs[j] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			if depth > 0 {
				return "", newErr(ValueError, "incomplete format key")
			}
			key := StrVal(string(rs[i+1 : j-1]))
			if bmode {
				key = bytesVal(latin1Bytes(string(rs[i+1 : j-1])))
			}
			x, err := vm.getItem(arg, key)
			if err != nil {
				return "", err
			}
			v, haveV, usedKey = x, true, true
			i = j
		}
		var left, plus, space, alt, zero bool
	flags:
		for ; i < len(rs); i++ {
			switch rs[i] {
			case '-':
				left = true
			case '+':
				plus = true
			case ' ':
				space = true
			case '#':
				alt = true
			case '0':
				zero = true
			default:
				break flags
			}
		}
		star := func() (int, error) {
			if usedKey {
				return 0, newErr(TypeError, "* wants int")
			}
			w, err := next()
			if err != nil {
				return 0, err
			}
			if bv, ok := builtinValue(w); ok {
				w = bv // an int subclass's value (IntEnum)
			}
			if !isIntLike(w) || w.T == tagObject {
				return 0, newErr(TypeError, "* wants int")
			}
			return int(w.I()), nil
		}
		width, prec := -1, -1
		if i < len(rs) && rs[i] == '*' {
			w, err := star()
			if err != nil {
				return "", err
			}
			if w < 0 {
				left, w = true, -w
			}
			width = w
			i++
		} else {
			for ; i < len(rs) && rs[i] >= '0' && rs[i] <= '9'; i++ {
				width = max(width, 0)*10 + int(rs[i]-'0')
			}
		}
		if i < len(rs) && rs[i] == '.' {
			i++
			prec = 0
			if i < len(rs) && rs[i] == '*' {
				p, err := star()
				if err != nil {
					return "", err
				}
				prec = max(p, 0)
				i++
			} else {
				for ; i < len(rs) && rs[i] >= '0' && rs[i] <= '9'; i++ {
					prec = prec*10 + int(rs[i]-'0')
				}
			}
		}
		for i < len(rs) && (rs[i] == 'h' || rs[i] == 'l' || rs[i] == 'L') {
			i++
		}
		if i >= len(rs) {
			return "", newErr(ValueError, "incomplete format")
		}
		conv := rs[i]
		if !haveV {
			if !strings.ContainsRune("sradiuoxXeEfFgGc", conv) && !(bmode && conv == 'b') {
				return "", newErr(ValueError, "unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
			}
			x, err := next()
			if err != nil {
				return "", err
			}
			v = x
		}
		sign := ""
		if plus {
			sign = "+"
		} else if space {
			sign = " "
		}
		var s string
		numeric := false
		orig := v // errors name the subclass
		if bv, ok := builtinValue(v); ok && !strings.ContainsRune("srab", conv) {
			v = bv // a subclass of int, float or str formats as its value
		}
		switch conv {
		case 's', 'b':
			if !bmode && conv == 'b' {
				return "", newErr(ValueError, "unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
			}
			if bmode {
				bs, err := vm.bytesOfArg(v)
				if err != nil {
					return "", err
				}
				s = latin1Str(bs)
				if prec >= 0 && prec < len(bs) {
					s = latin1Str(bs[:prec])
				}
				break
			}
			fallthrough
		case 'r', 'a':
			if bmode && conv == 'r' {
				conv = 'a'
			}
			switch conv {
			case 's':
				s = vm.strOf(v)
			case 'r':
				s = vm.repr(v)
			default:
				s = asciiRepr(vm.repr(v))
			}
			if err := vm.takePending(); err != nil {
				return "", err
			}
			if prec >= 0 {
				if r := []rune(s); prec < len(r) {
					s = string(r[:prec])
				}
			}
		case 'c':
			if bmode {
				c, err := bytesPercentChar(v)
				if err != nil {
					return "", err
				}
				s = latin1Str([]byte{c})
				break
			}
			if r, found, err := instInt(v, "__index__"); found {
				// An object with __index__ is the int it gives.
				if pe, ok := err.(*PyErr); ok && !pe.exc.typ.isSub(TypeError) {
					return "", err
				} else if err != nil {
					return "", newErr(TypeError, "%s", "%c requires int or char")
				}
				v = r
			}
			switch {
			case isIntLike(v):
				n, ok := toBig(v)
				if !ok || !n.IsInt64() || n.Int64() < 0 || n.Int64() > 0x10ffff {
					return "", newErr(OverflowError, "%s", "%c arg not in range(0x110000)")
				}
				s = string(rune(n.Int64()))
			case v.isStr() && v.str().length() == 1:
				s = v.str().s
			default:
				return "", newErr(TypeError, "%s", "%c requires int or char")
			}
		case 'd', 'i', 'u', 'o', 'x', 'X':
			numeric = true
			n, err := vm.percentInt(v, orig, conv, bmode)
			if err != nil {
				return "", err
			}
			base, prefix := 10, ""
			switch conv {
			case 'o':
				base, prefix = 8, "0o"
			case 'x':
				base, prefix = 16, "0x"
			case 'X':
				base, prefix = 16, "0X"
			}
			if !alt {
				prefix = ""
			}
			abs := new(big.Int).Abs(n)
			digits := abs.Text(base)
			if base == 10 && !abs.IsInt64() {
				d, err := vm.decimal(abs) // CPython's limit on int to str
				if err != nil {
					return "", err
				}
				digits = d
			}
			if conv == 'X' {
				digits = strings.ToUpper(digits)
			}
			if len(digits) < prec {
				digits = strings.Repeat("0", prec-len(digits)) + digits
			}
			if n.Sign() < 0 {
				sign = "-"
			}
			s = sign + prefix + digits
			if zero && !left && len(s) < width {
				s = sign + prefix + strings.Repeat("0", width-len(s)) + digits
			}
		case 'e', 'E', 'f', 'F', 'g', 'G':
			numeric = true
			x, err := percentFloat(v, orig, bmode)
			if err != nil {
				return "", err
			}
			if prec < 0 {
				prec = 6
			}
			spec := sign
			if alt {
				spec += "#"
			}
			if zero && !left && width > 0 {
				spec += "0" + formatInt(int64(width))
			}
			s, err = vm.format(FloatVal(x), spec+"."+formatInt(int64(prec))+string(conv))
			if err != nil {
				return "", err
			}
		default:
			return "", newErr(ValueError, "unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
		}
		_ = numeric
		if n := len([]rune(s)); n < width {
			pad := strings.Repeat(" ", width-n)
			if left {
				s += pad
			} else {
				s = pad + s
			}
		}
		b.WriteString(s)
	}
	if ai < len(args) && !mapping {
		if bmode {
			return "", newErr(TypeError, "not all arguments converted during bytes formatting")
		}
		return "", newErr(TypeError, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// altG is the 'g' format with '#': trailing zeros kept (prec significant
// digits in all) and always a decimal point.
func altG(a float64, prec int) string {
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= prec {
		if !strings.Contains(e, ".") {
			e = strings.Replace(e, "e", ".e", 1)
		}
		return e
	}
	s := strconv.FormatFloat(a, 'f', prec-1-exp, 64)
	if !strings.Contains(s, ".") {
		s += "."
	}
	return s
}

// percentMapping is CPython's test for a mapping argument of %: a type
// with a subscript (dict, list, bytes, range ...; not str), an instance
// whose class defines __getitem__, or a built-in subclass's instance by
// the value it holds (class I(int) is none: 'ab' % I(1) is an error).
func percentMapping(arg Val) bool {
	switch x := arg.O.(type) {
	case *Dict, *List, *Bytes, *Range, *MemoryView, *PyArray:
		return true
	case *Instance:
		if _, own := x.cls.ownSpecial(spGetItem); own {
			return true
		}
		if bv, held := builtinValue(arg); held && !bv.isStr() && bv.T == tagObject {
			return percentMapping(bv)
		}
	}
	return false
}

// percentInt is the int %d, %i, %u, %o, %x and %X format, as CPython's
// mainformatlong: an int as it is; for %d a float truncated and an
// instance through __int__ or __index__, for the others through
// __index__ only. Failing that, or a TypeError on the way, is the wrong
// type, named as orig (v before a subclass of int or float became its
// value; bytes % args words %i as %d); other errors pass.
func (vm *VM) percentInt(v, orig Val, conv rune, bmode bool) (*big.Int, error) {
	if n, ok := toBig(v); ok {
		return n, nil
	}
	integral := conv == 'o' || conv == 'x' || conv == 'X'
	var iv Val
	var found bool
	var err error
	switch {
	case v.T == tagFloat && !integral:
		iv, err = biInt(vm, []Val{v}, nil)
		found = true
	case integral:
		iv, found, err = instInt(v, "__index__")
	default:
		iv, found, err = instInt(v, "__int__", "__index__")
	}
	if found && err == nil {
		if n, ok := toBig(iv); ok {
			return n, nil
		}
	}
	if pe, ok := err.(*PyErr); ok && !pe.exc.typ.isSub(TypeError) {
		return nil, err
	}
	if integral {
		return nil, newErr(TypeError, "%%%c format: an integer is required, not %s", conv, typeName(orig))
	}
	if bmode && conv == 'i' {
		conv = 'd'
	}
	return nil, newErr(TypeError, "%%%c format: a real number is required, not %s", conv, typeName(orig))
}

// percentFloat is the float %e, %f and %g format: a number, or an
// instance through __float__ or __index__. bytes % args words every
// failure alike; str % args passes the special method's own.
func percentFloat(v, orig Val, bmode bool) (float64, error) {
	var x float64
	var found bool
	var err error
	if isNumber(v) {
		x, err = toFloat(v)
		found = true
	} else {
		x, found, err = instFloat(v)
	}
	if found && err == nil {
		return x, nil
	}
	if bmode {
		return 0, newErr(TypeError, "float argument required, not %s", typeName(orig))
	}
	if !found {
		return 0, newErr(TypeError, "must be real number, not %s", typeName(orig))
	}
	return 0, err
}
