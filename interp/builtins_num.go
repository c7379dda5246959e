package interp

// range(), int(), float(), round() and list sorting.

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

func biRange(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := noKw("range", kwn); err != nil {
		return Val{}, err
	}
	if len(args) == 0 {
		return Val{}, newErr(TypeError, "range expected at least 1 argument, got 0")
	}
	if len(args) > 3 {
		return Val{}, newErr(TypeError, "range expected at most 3 arguments, got %d", len(args))
	}
	var ns [3]int64
	hasBig := false
	for i, a := range args {
		if r, ok, err := instInt(a, "__index__"); ok {
			if err != nil {
				return Val{}, err
			}
			args = append([]Val(nil), args...)
			args[i], a = r, r
		}
		n, ok := toInt64Arg(a)
		if !ok {
			if _, isBig := a.O.(*BigInt); isBig {
				hasBig = true
				continue
			}
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a))
		}
		ns[i] = n
	}
	if hasBig {
		// Bounds beyond int64: iterate with big ints.
		bs := make([]*big.Int, len(args))
		for i, a := range args {
			x, _ := toBig(a)
			bs[i] = new(big.Int).Set(x)
		}
		r := &BigRange{start: big.NewInt(0), step: big.NewInt(1)}
		switch len(bs) {
		case 1:
			r.stop = bs[0]
		case 2:
			r.start, r.stop = bs[0], bs[1]
		case 3:
			r.start, r.stop, r.step = bs[0], bs[1], bs[2]
			if r.step.Sign() == 0 {
				return Val{}, newErr(ValueError, "range() arg 3 must not be zero")
			}
		}
		return ObjVal(r), nil
	}
	r := &Range{step: 1}
	switch len(args) {
	case 1:
		r.stop = ns[0]
	case 2:
		r.start, r.stop = ns[0], ns[1]
	case 3:
		r.start, r.stop, r.step = ns[0], ns[1], ns[2]
		if r.step == 0 {
			return Val{}, newErr(ValueError, "range() arg 3 must not be zero")
		}
	}
	return ObjVal(r), nil
}

func biInt(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) == 0 {
		return IntVal(0), nil
	}
	if len(pos) == 1 && len(kw) == 0 {
		if r, ok, err := instInt(pos[0], "__int__", "__index__"); ok {
			return r, err
		}
	}
	base := int64(10)
	hasBase := false
	if len(pos) > 1 {
		base, hasBase = int64(pos[1].B), true
	} else if b, ok := kw["base"]; ok {
		base, hasBase = int64(b.B), true
	}
	if hasBase {
		b := pos[len(pos)-1]
		if len(pos) < 2 {
			b = kw["base"]
		}
		if r, ok, err := instInt(b, "__index__"); ok {
			if err != nil {
				return Val{}, err
			}
			b = r // IntEnum, an int subclass
			if b.T == tagInt {
				base = int64(b.B)
			}
		}
		if !isIntLike(b) {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(b))
		}
		if bb, ok := b.O.(*BigInt); ok && b.T == tagObject {
			base = int64(bb.v.Sign()) << 40 // out of range either way
		}
		if base != 0 && (base < 2 || base > 36) {
			return Val{}, newErr(ValueError, "int() base must be >= 2 and <= 36, or 0")
		}
		_, isBytes := pos[0].O.(*Bytes)
		if _, ok := pos[0].O.(*Str); (!ok && !isBytes) || pos[0].T != tagObject {
			return Val{}, newErr(TypeError, "int() can't convert non-string with explicit base")
		}
	}
	a := pos[0]
	if x, ok := a.O.(*Bytes); ok && a.T == tagObject {
		// int(b'42'): the bytes read as ASCII text; a bad literal is
		// named by the bytes' repr.
		text := []rune(latin1(x.b))
		for _, r := range text {
			if r >= 0x80 {
				return Val{}, newErr(ValueError, "invalid literal for int() with base %d: %s", base, bytesRepr(x))
			}
		}
		r, err := biInt(vm, []Val{StrVal(string(text)), IntVal(base)}, nil)
		if err != nil {
			if pe := toPyErr(err); pe.exc.typ == ValueError && strings.HasPrefix(excStr(nil, pe.exc), "invalid literal") {
				return Val{}, newErr(ValueError, "invalid literal for int() with base %d: %s", base, bytesRepr(x))
			}
		}
		return r, err
	}
	switch a.T {
	case tagInt:
		return a, nil
	case tagBool:
		return IntVal(int64(a.B)), nil
	case tagFloat:
		f := a.F()
		if math.IsInf(f, 0) {
			return Val{}, newErr(OverflowError, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return Val{}, newErr(ValueError, "cannot convert float NaN to integer")
		}
		t := math.Trunc(f)
		if t >= -9.2e18 && t <= 9.2e18 {
			return IntVal(int64(t)), nil
		}
		bf, _ := new(big.Float).SetFloat64(t).Int(nil)
		return normBig(bf), nil
	}
	switch x := a.O.(type) {
	case *BigInt:
		return a, nil
	case *Str:
		s := strings.TrimSpace(asciiDecimal(x.s))
		t := strings.ReplaceAll(s, "_", "")
		b := int(base)
		neg := false
		if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
			neg = t[0] == '-'
			t = t[1:]
		}
		if b == 0 || b == 16 || b == 8 || b == 2 {
			low := strings.ToLower(t)
			for _, p := range []struct {
				pre string
				b   int
			}{{"0x", 16}, {"0o", 8}, {"0b", 2}} {
				if strings.HasPrefix(low, p.pre) && (b == 0 || b == p.b) {
					t, b = t[2:], p.b
				}
			}
			if b == 0 {
				// A decimal without a prefix may not start with 0
				// unless it is all zeros, as a literal in source.
				if strings.TrimLeft(t, "0") != "" && strings.HasPrefix(t, "0") {
					return Val{}, newErr(ValueError, "invalid literal for int() with base 0: %s", strRepr(x.s))
				}
				b = 10
			}
		}
		if b >= 2 && b <= 36 {
			// CPython counts the digits up to the first character that is
			// not one, before it looks further.
			digits := 0
			for _, c := range t {
				if d := digitVal(c); d < 0 || d >= b {
					break
				}
				digits++
			}
			if err := vm.checkFromStr(digits, b); err != nil {
				return Val{}, err
			}
		}
		n, ok := new(big.Int).SetString(t, b)
		if !ok || t == "" || strings.HasPrefix(x.s, "_") || strings.Contains(x.s, "__") || strings.HasSuffix(s, "_") {
			return Val{}, newErr(ValueError, "invalid literal for int() with base %d: %s", base, strRepr(x.s))
		}
		if neg {
			n.Neg(n)
		}
		return normBig(n), nil
	}
	if hasBase {
		return Val{}, newErr(TypeError, "int() can't convert non-string with explicit base")
	}
	return Val{}, newErr(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(a))
}

func biFloat(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) == 0 {
		return FloatVal(0), nil
	}
	a := args[0]
	if isNumber(a) {
		f, err := toFloat(a)
		return FloatVal(f), err
	}
	if s, ok := a.O.(*Str); ok {
		// Unicode digits and whitespace count (not \x1c-\x1f, which
		// str.isspace counts).
		if f, ok := parseFloatText(strings.TrimSpace(asciiDecimal(s.s))); ok {
			return FloatVal(f), nil
		}
		return Val{}, newErr(ValueError, "could not convert string to float: %s", strRepr(s.s))
	}
	if b, ok := a.O.(*Bytes); ok && a.T == tagObject {
		// bytes and bytearray are read as ASCII text, only ASCII
		// whitespace around it.
		if f, ok := parseFloatText(strings.Trim(string(b.b), " \t\n\v\f\r")); ok {
			return FloatVal(f), nil
		}
		return Val{}, newErr(ValueError, "could not convert string to float: %s", bytesRepr(b))
	}
	if f, ok, err := instFloat(a); ok {
		return FloatVal(f), err
	}
	return Val{}, newErr(TypeError, "float() argument must be a string or a real number, not '%s'", typeName(a))
}

// parseFloatText reads float()'s text, its whitespace stripped: a
// decimal literal with underscores between digits, inf, infinity or nan
// in any case, signed or not.
func parseFloatText(t string) (float64, bool) {
	t = strings.ToLower(t)
	switch strings.TrimLeft(t, "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(t, "-") {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return freshNaN(strings.HasPrefix(t, "-")), true
	}
	if t == "" || strings.ContainsAny(t, "xp") || strings.HasPrefix(t, "_") || strings.HasSuffix(t, "_") || strings.Contains(t, "__") {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	return f, err == nil || errorsIsRange(err)
}

func errorsIsRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func biRound(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) == 0 {
		return Val{}, newErr(TypeError, "round() missing required argument 'number' (pos 1)")
	}
	x := pos[0]
	var nd Val = NoneVal
	if len(pos) > 1 {
		nd = pos[1]
	} else if v, ok := kw["ndigits"]; ok {
		nd = v
	}
	if _, ok := x.O.(*Instance); ok && x.T == tagObject {
		extra := []Val{}
		if nd.T != tagNone {
			extra = append(extra, nd)
		}
		if r, found, err := vm.dunder(x, "__round__", extra...); found {
			return r, err
		}
		return Val{}, newErr(TypeError, "type %s doesn't define __round__ method", typeName(x))
	}
	// ndigits is any index; a big one is clamped (PyNumber_AsSsize_t
	// with no exception for a float, and for an int as many digits as
	// are past its length).
	n := int64(0)
	if nd.T != tagNone {
		var err error
		if n, err = vm.clampedIntArg(nd); err != nil {
			return Val{}, err
		}
	}
	if isIntLike(x) {
		if nd.T == tagNone || n >= 0 {
			if x.T == tagBool {
				return IntVal(int64(x.B)), nil
			}
			return x, nil
		}
		b, _ := toBig(x)
		if -n > int64(b.BitLen())/3+2 {
			return IntVal(0), nil // 10**-n is past twice |x|
		}
		// Round to a negative number of digits, half to even.
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
		q, r := new(big.Int).DivMod(b, p, new(big.Int))
		twice := new(big.Int).Mul(r, big.NewInt(2))
		if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		return normBig(q.Mul(q, p)), nil
	}
	if x.T != tagFloat {
		return Val{}, newErr(TypeError, "type %s doesn't define __round__ method", typeName(x))
	}
	f := x.F()
	if nd.T == tagNone {
		if math.IsInf(f, 0) {
			return Val{}, newErr(OverflowError, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return Val{}, newErr(ValueError, "cannot convert float NaN to integer")
		}
		return biInt(vm, []Val{FloatVal(math.RoundToEven(f))}, nil)
	}
	if math.IsInf(f, 0) || math.IsNaN(f) || n > 300 {
		return x, nil
	}
	if n < -300 {
		return FloatVal(math.Copysign(0, f)), nil
	}
	if n >= 0 {
		s := strconv.FormatFloat(f, 'f', int(n), 64)
		r, _ := strconv.ParseFloat(s, 64)
		return FloatVal(r), nil
	}
	p := math.Pow(10, float64(-n))
	r := math.RoundToEven(f/p) * p
	return FloatVal(r), nil
}

// sortList sorts in place with optional key= and reverse=, stably.
func (vm *VM) sortList(l *List, kw map[string]Val) error {
	for k := range kw {
		if k != "key" && k != "reverse" {
			return newErr(TypeError, "sort() got an unexpected keyword argument '%s'", k)
		}
	}
	reverse := false
	if r, ok := kw["reverse"]; ok {
		reverse = truthy(r)
	}
	key, hasKey := kw["key"]
	hasKey = hasKey && key.T != tagNone
	if !hasKey && !vm.threaded() && sortIntsInPlace(l, reverse) {
		return nil
	}
	litems := l.items()
	// As CPython's, the list is empty while the sort may run Python code
	// (the key, __lt__), and a change made meanwhile is refused: the
	// list gets its items back, sorted, and the sort raises ValueError.
	l.vals, l.objs = nil, nil
	out, err := vm.sortItems(litems, key, hasKey, reverse)
	modified := l.vals != nil || l.objs != nil // (an append then a pop too; never packed: packed.go)
	if err != nil {
		out = litems
	}
	l.setItems(out)
	if err == nil && modified {
		err = newErr(ValueError, "list modified during sort")
	}
	return err
}

// sortItems is sortList's sort of litems, a copy of the list's items.
func (vm *VM) sortItems(litems []Val, key Val, hasKey, reverse bool) ([]Val, error) {
	keys := litems
	if hasKey {
		keys = make([]Val, len(litems))
		for i, x := range litems {
			k, err := vm.call(key, []Val{x}, nil)
			if err != nil {
				return nil, err
			}
			keys[i] = k
		}
	}
	if out, ok := sortedByKeys(litems, keys, reverse); ok {
		return out, nil
	}
	idx := make([]int, len(litems))
	for i := range idx {
		idx[i] = i
	}
	var err error
	less := vm.sortLess(keys, &err)
	if reverse {
		mergeSortIdx(idx, func(a, b int) bool { return less(b, a) })
	} else {
		mergeSortIdx(idx, less)
	}
	if err != nil {
		return nil, err
	}
	out := make([]Val, len(idx))
	for i, j := range idx {
		out[i] = litems[j]
	}
	return out, nil
}

// asciiDecimal turns the Unicode decimal digits (Nd) in s into ASCII
// ones, as int() and float() read them (int('٣') is 3); an ASCII s is
// returned as it is.
func asciiDecimal(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if d, ok := decimalValue(r); ok && r >= 0x80 {
			b.WriteByte(byte('0' + d))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
