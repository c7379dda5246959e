package interp

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Methods of built-in types beyond methods.go's: looked up first by
// callMethod and getAttr. Each gets self and the call's arguments.
type extraFn = func(vm *VM, self Val, args []Val, kwn []string) (Val, error)

var extraMethods map[string]map[string]extraFn

func init() {
	extraMethods = map[string]map[string]extraFn{
		"slice": {"indices": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
			f, err := vm.sliceAttr(self.O.(*SliceObj), "indices")
			if err != nil {
				return Val{}, err
			}
			return vm.call(f, args, kwn)
		}},
		"float": {
			"as_integer_ratio": noArgs0("float", "as_integer_ratio", floatRatio),
			"hex":              noArgs0("float", "hex", func(vm *VM, v Val) (Val, error) { return StrVal(floatHex(v.F())), nil }),
			"__round__": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
				return vm.call(vm.bi["round"], append([]Val{self}, args...), kwn)
			},
		},
		"int": {
			"as_integer_ratio": noArgs0("int", "as_integer_ratio", func(vm *VM, v Val) (Val, error) {
				if v.T == tagBool {
					v = IntVal(int64(v.B))
				}
				return tupleOf([]Val{v, IntVal(1)}), nil
			}),
			"is_integer": noArgs0("int", "is_integer", func(vm *VM, v Val) (Val, error) { return True, nil }),
		},
		"str": {
			"istitle":      noArgs0("str", "istitle", func(vm *VM, v Val) (Val, error) { return BoolVal(isTitle(v.str().s)), nil }),
			"removeprefix": strArg1("removeprefix", func(s, a string) Val { return StrVal(strings.TrimPrefix(s, a)) }),
			"removesuffix": strArg1("removesuffix", func(s, a string) Val { return StrVal(strings.TrimSuffix(s, a)) }),
			"translate":    strTranslate,
			"isascii": noArgs0("str", "isascii", func(vm *VM, v Val) (Val, error) {
				return BoolVal(v.str().ascii()), nil
			}),
			"isprintable": noArgs0("str", "isprintable", func(vm *VM, v Val) (Val, error) {
				for _, r := range v.str().s {
					if !pyPrintable(r) {
						return False, nil
					}
				}
				return True, nil
			}),
		},
	}
	registerBytesMethods()
	registerFastMethods()
	registerDictViewMethods()
}

// extraMethod is the method name of v's type from extraMethods, or nil.
func extraMethod(v Val, name string) extraFn {
	t := typeName(v)
	if t == "bool" {
		t = "int"
	}
	if m := extraMethods[t]; m != nil {
		return m[name]
	}
	return nil
}

func extraMethodNames(t string) []string { return sortedNames(extraMethods[t]) }

// extraTypeAttr is a static or class method of a built-in type:
// float.fromhex, str.maketrans, int.from_bytes is not here.
func extraTypeAttr(t, name string) nativeFn {
	switch t + "." + name {
	case "float.fromhex":
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("fromhex", args, kwn, 1); err != nil {
				return Val{}, err
			}
			s, err := strArg(args[0], "fromhex")
			if err != nil {
				return Val{}, err
			}
			return floatFromHex(s)
		}
	case "str.maketrans":
		return strMaketrans
	}
	return bytesTypeAttr(t, name)
}

func noArgs0(t, name string, f func(vm *VM, v Val) (Val, error)) extraFn {
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if len(args) > 0 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "%s.%s() takes no arguments (%d given)", t, name, len(args))
		}
		return f(vm, self)
	}
}

func strArg1(name string, f func(s, a string) Val) extraFn {
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs(name, args, kwn, 1); err != nil {
			return Val{}, err
		}
		if !args[0].isStr() {
			return Val{}, newErr(TypeError, "%s() argument must be str, not %s", name, typeName(args[0]))
		}
		return f(self.str().s, args[0].str().s), nil
	}
}

// floatRatio is float.as_integer_ratio: the exact fraction in lowest terms.
func floatRatio(vm *VM, v Val) (Val, error) {
	f := v.F()
	if math.IsInf(f, 0) {
		return Val{}, newErr(OverflowError, "cannot convert Infinity to integer ratio")
	}
	if math.IsNaN(f) {
		return Val{}, newErr(ValueError, "cannot convert NaN to integer ratio")
	}
	r := new(big.Rat)
	r.SetFloat64(f)
	return tupleOf([]Val{bigVal(new(big.Int).Set(r.Num())), bigVal(new(big.Int).Set(r.Denom()))}), nil
}

// floatHex is float.hex: [-]0x1.<13 hex digits>p<exp> (0x0.0p+0 for zero).
func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(f) {
		sign, f = "-", -f
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	bits := math.Float64bits(f)
	exp := int(bits>>52) & 0x7ff
	mant := bits & (1<<52 - 1)
	lead := "1"
	if exp == 0 { // subnormal
		lead, exp = "0", -1022
	} else {
		exp -= 1023
	}
	digits := strconv.FormatUint(mant, 16)
	digits = strings.Repeat("0", 13-len(digits)) + digits
	es := strconv.Itoa(exp)
	if exp >= 0 {
		es = "+" + es
	}
	return sign + "0x" + lead + "." + digits + "p" + es
}

// floatFromHex is float.fromhex.
func floatFromHex(s string) (Val, error) {
	t := strings.TrimSpace(s)
	low := strings.ToLower(t)
	switch strings.TrimLeft(low, "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(low, "-") {
			return FloatVal(math.Inf(-1)), nil
		}
		return FloatVal(math.Inf(1)), nil
	case "nan":
		return FloatVal(math.NaN()), nil
	}
	neg := false
	if strings.HasPrefix(low, "-") || strings.HasPrefix(low, "+") {
		neg = low[0] == '-'
		low = low[1:]
	}
	low = strings.TrimPrefix(low, "0x")
	mant, exp, _ := strings.Cut(low, "p")
	if exp == "" {
		exp = "0"
	}
	if mant == "" || mant == "." {
		return Val{}, newErr(ValueError, "invalid hexadecimal floating-point string")
	}
	if !strings.Contains(mant, ".") {
		mant += "."
	}
	f, err := strconv.ParseFloat("0x"+mant+"p"+exp, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && !math.IsInf(f, 0) {
			// underflow to a denormal or zero is fine
		} else if ok && ne.Err == strconv.ErrRange {
			return Val{}, newErr(OverflowError, "hexadecimal value too large to represent as a float")
		} else {
			return Val{}, newErr(ValueError, "invalid hexadecimal floating-point string")
		}
	}
	if neg {
		f = -f
	}
	return FloatVal(f), nil
}

// isTitle is str.istitle: cased characters, uppercase ones only after
// uncased ones and lowercase ones only after cased ones.
func isTitle(s string) bool {
	cased, prevCased := false, false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case unicode.IsLower(r):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

// strMaketrans is str.maketrans(x[, y[, z]]): a dict from code points to
// code points, strings or None.
func strMaketrans(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(kwn) > 0 {
		return Val{}, newErr(TypeError, "maketrans() takes no keyword arguments")
	}
	d := newDict()
	switch len(args) {
	case 1:
		src, ok := args[0].O.(*Dict)
		if !ok {
			return Val{}, newErr(TypeError, "if you give only one argument to maketrans it must be a dict")
		}
		for _, e := range src.live() {
			k := e.k
			if s, ok := k.O.(*Str); ok {
				if s.length() != 1 {
					return Val{}, newErr(ValueError, "string keys in translate table must be of length 1")
				}
				k = IntVal(int64([]rune(s.s)[0]))
			} else if !isIntLike(k) {
				return Val{}, newErr(TypeError, "keys in translate table must be strings or integers")
			}
			d.set(k, e.v)
		}
	case 2, 3:
		x, ok1 := args[0].O.(*Str)
		y, ok2 := args[1].O.(*Str)
		if !ok1 || !ok2 {
			return Val{}, newErr(TypeError, "maketrans() argument must be str")
		}
		xr, yr := []rune(x.s), []rune(y.s)
		if len(xr) != len(yr) {
			return Val{}, newErr(ValueError, "the first two maketrans arguments must have equal length")
		}
		for i := range xr {
			d.set(IntVal(int64(xr[i])), IntVal(int64(yr[i])))
		}
		if len(args) == 3 {
			z, ok := args[2].O.(*Str)
			if !ok {
				return Val{}, newErr(TypeError, "maketrans() argument 3 must be str")
			}
			for _, r := range z.s {
				d.set(IntVal(int64(r)), NoneVal)
			}
		}
	default:
		return Val{}, newErr(TypeError, "maketrans() takes from 1 to 3 positional arguments but %d were given", len(args))
	}
	return ObjVal(d), nil
}

// strTranslate is str.translate(table): each code point looked up in the
// table (any object with __getitem__); LookupError keeps the character.
func strTranslate(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	if err := exactArgs("translate", args, kwn, 1); err != nil {
		return Val{}, err
	}
	if d, ok := args[0].O.(*Dict); ok && !d.counter && (d.factory.T == tagEmpty || d.factory.T == tagNone) {
		return translateDict(self.str().s, d)
	}
	var out []byte
	for _, r := range self.str().s {
		v, err := vm.getItem(args[0], IntVal(int64(r)))
		if err != nil {
			if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(LookupError) {
				out = utf8.AppendRune(out, r)
				continue
			}
			return Val{}, err
		}
		if out, err = appendMapped(out, v); err != nil {
			return Val{}, err
		}
	}
	return StrVal(string(out)), nil
}

// translateDict is str.translate with a plain dict (no __missing__, no
// default factory): looking up an int runs no Python code, so a miss is
// no KeyError made and dropped, and each ASCII character is looked up once.
func translateDict(s string, d *Dict) (Val, error) {
	// oneByte[c] is 1 + the byte an ASCII c becomes when that is one byte
	// (c itself when the table lacks it, a 1-char ASCII str or code
	// point), 0 while c is not looked up: such characters, nearly all of
	// a cipher's text, are appended as bytes with no rune decoding and
	// no strings.Builder call (strings.py's caesar: ~43 -> ~12
	// instructions a character). Other mappings are kept in longer.
	var oneByte [128]uint16
	var longer [128]struct {
		known bool
		to    string
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if t := oneByte[c]; t != 0 {
				out = append(out, byte(t-1))
				i++
				continue
			}
			if longer[c].known {
				out = append(out, longer[c].to...)
				i++
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		v, found, err := d.get(IntVal(int64(r)))
		if err != nil {
			return Val{}, err
		}
		n := len(out)
		if !found {
			out = utf8.AppendRune(out, r)
		} else if out, err = appendMapped(out, v); err != nil {
			return Val{}, err
		}
		if r < utf8.RuneSelf {
			if to := out[n:]; len(to) == 1 {
				oneByte[r] = 1 + uint16(to[0])
			} else {
				longer[r].known, longer[r].to = true, string(to)
			}
		}
	}
	// out is not written again: the str shares its bytes.
	return StrVal(unsafe.String(unsafe.SliceData(out), len(out))), nil
}

// appendMapped appends what str.translate's table gave for a character:
// None deletes it, an int is a code point, a str is written as it is.
func appendMapped(out []byte, v Val) ([]byte, error) {
	switch {
	case v.T == tagNone:
	case isIntLike(v):
		n, _ := toInt64Arg(v)
		if n < 0 || n > 0x10ffff {
			return out, newErr(ValueError, "character mapping must be in range(0x110000)")
		}
		out = utf8.AppendRune(out, rune(n))
	case v.isStr():
		out = append(out, v.str().s...)
	default:
		return out, newErr(TypeError, "character mapping must return integer, None or str")
	}
	return out, nil
}
