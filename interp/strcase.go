package interp

import (
	"strings"
	"unicode"
)

// str methods whose CPython behaviour goes beyond Go's one-to-one case
// mappings (full case mappings, final sigma, casefold), and the column
// and line rules of expandtabs and splitlines.

func init() {
	m := extraMethods["str"]
	caseFn := func(name string, conv func(s string) string) extraFn {
		return noArgs0("str", name, func(vm *VM, v Val) (Val, error) {
			s := v.str()
			if s.ascii() {
				return vm.strMethod(s, name, nil, nil)
			}
			return StrVal(conv(s.s)), nil
		})
	}
	asciiCase := func(name string, ascii func(*VM, Val, *Str) Val, conv func(s string) string) extraFn {
		return noArgs0("str", name, func(vm *VM, v Val) (Val, error) {
			if s := v.str(); s.ascii() {
				return ascii(vm, v, s), nil
			}
			return StrVal(conv(v.str().s)), nil
		})
	}
	m["upper"] = asciiCase("upper", strUpperASCII, fullUpper)
	m["lower"] = asciiCase("lower", strLowerASCII, fullLower)
	m["casefold"] = caseFn("casefold", func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if f, ok := foldCase[r]; ok {
				b.WriteString(f)
			} else if l, ok := specialLower[r]; ok {
				b.WriteString(l)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		return b.String()
	})
	m["swapcase"] = caseFn("swapcase", func(s string) string {
		rs := []rune(s)
		var b strings.Builder
		for i, r := range rs {
			switch {
			case isUpperPy(r):
				lowerAt(&b, rs, i) // final sigma: "ΣΑΣ" is "σας"
			case isLowerPy(r):
				b.WriteString(fullUpper(string(r)))
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	})
	m["expandtabs"] = func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if v, ok := kw["tabsize"]; ok {
			pos = append(pos, v)
		}
		if len(pos) > 1 {
			return Val{}, newErr(TypeError, "expandtabs() takes at most 1 argument (%d given)", len(pos))
		}
		size := int64(8)
		if len(pos) == 1 {
			n, err := cIntArg(vm, pos[0])
			if err != nil {
				return Val{}, err
			}
			size = n
		}
		var b strings.Builder
		col := int64(0)
		for _, r := range self.str().s {
			switch r {
			case '\t':
				if size > 0 {
					n := size - col%size
					if err := memCheck(uint64(b.Len()) + uint64(n)); err != nil {
						return Val{}, err
					}
					b.WriteString(strings.Repeat(" ", int(n)))
					col += n
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				b.WriteRune(r)
				col++
			}
		}
		return StrVal(b.String()), nil
	}
	m["splitlines"] = func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		for k, v := range kw {
			if k != "keepends" {
				return Val{}, newErr(TypeError, "'%s' is an invalid keyword argument for splitlines()", k)
			}
			pos = append(pos, v)
		}
		if len(pos) > 1 {
			return Val{}, newErr(TypeError, "splitlines() takes at most 1 argument (%d given)", len(pos))
		}
		keep := len(pos) == 1 && truthy(pos[0])
		if s := self.str(); s.ascii() {
			return ObjVal(asciiSplitLines(s.s, keep)), nil
		}
		var out []Val
		rs := []rune(self.str().s)
		start := 0
		for i := 0; i < len(rs); i++ {
			switch rs[i] {
			case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
				end := i
				if rs[i] == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
					i++
				}
				if keep {
					end = i + 1
				}
				out = append(out, StrVal(string(rs[start:end])))
				start = i + 1
			}
		}
		if start < len(rs) {
			out = append(out, StrVal(string(rs[start:])))
		}
		return ObjVal(newList(out)), nil
	}
}

func fullUpper(s string) string {
	var b strings.Builder
	for _, r := range s {
		if u, ok := specialUpper[r]; ok {
			b.WriteString(u)
		} else {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// fullLower lowercases with the special mappings and Greek final sigma:
// a capital sigma after a cased letter and not before one becomes ς.
func fullLower(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if l, ok := specialLower[r]; ok {
			b.WriteString(l)
			continue
		}
		if r == 'Σ' && finalSigma(rs, i) {
			b.WriteRune('ς')
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// titleFull is str.title of a non-ASCII str, as CPython's do_title: full
// title-case mappings ("ß" is "Ss", "ǆ" is "ǅ") after an uncased
// character, full lowercase (a final sigma as ς) after a cased one.
func titleFull(s string) string {
	rs := []rune(s)
	var b strings.Builder
	prevCased := false
	for i, r := range rs {
		if prevCased {
			lowerAt(&b, rs, i)
		} else {
			titleOf(&b, r)
		}
		prevCased = isCased(r)
	}
	return b.String()
}

// capitalizeFull is str.capitalize of a non-ASCII str: the first
// character title-cased, the rest lowercased, each in full.
func capitalizeFull(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if i == 0 {
			titleOf(&b, r)
		} else {
			lowerAt(&b, rs, i)
		}
	}
	return b.String()
}

// lowerAt writes the full lowercase of rs[i], a final sigma as ς.
func lowerAt(b *strings.Builder, rs []rune, i int) {
	r := rs[i]
	if l, ok := specialLower[r]; ok {
		b.WriteString(l)
	} else if r == 'Σ' && finalSigma(rs, i) {
		b.WriteRune('ς')
	} else {
		b.WriteRune(unicode.ToLower(r))
	}
}

// titleOf writes the full title case of r.
func titleOf(b *strings.Builder, r rune) {
	if t, ok := specialTitle[r]; ok {
		b.WriteString(t)
	} else {
		b.WriteRune(unicode.ToTitle(r))
	}
}

// isUpperPy and isLowerPy are Unicode's Uppercase and Lowercase
// properties, as CPython's: the letters and Other_Uppercase/_Lowercase
// (Ⅻ is upper, ⅻ lower).
func isUpperPy(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }
func isLowerPy(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }

func isCased(r rune) bool { return isUpperPy(r) || isLowerPy(r) || unicode.IsTitle(r) }

func finalSigma(rs []rune, i int) bool {
	cased := func(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }
	ignorable := func(r rune) bool {
		return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) || r == '\'' || r == '.' || r == ':'
	}
	j := i - 1
	for j >= 0 && ignorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	k := i + 1
	for k < len(rs) && ignorable(rs[k]) {
		k++
	}
	return k >= len(rs) || !cased(rs[k])
}
