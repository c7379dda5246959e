package interp

import (
	"slices"
	"strconv"
	"strings"
)

// str.format's replacement fields: {name.attr[key]!conv:spec}, where the
// spec may hold replacement fields of its own ({:{width}.{prec}f}).

// strFormatter is one str.format or format_map call.
type strFormatter struct {
	vm     *VM
	pos    []Val // nil: positional fields are refused (format_map)
	byName func(string) (Val, error)
	auto   int
	// numbering is how fields without a number were numbered so far:
	// 0 none yet, 'a' automatically, 'm' manually.
	numbering byte
}

// formatWith formats with positional arguments pos (nil: none allowed)
// and named ones from byName.
func (vm *VM) formatWith(format string, pos []Val, byName func(string) (Val, error)) (Val, error) {
	f := &strFormatter{vm: vm, pos: pos, byName: byName}
	s, err := f.run([]rune(format), 2)
	if err != nil {
		return Val{}, err
	}
	return StrVal(s), nil
}

func (f *strFormatter) run(rs []rune, depth int) (string, error) {
	if depth == 0 {
		return "", newErr(ValueError, "Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if c == '}' {
			if i+1 >= len(rs) || rs[i+1] != '}' {
				return "", newErr(ValueError, "Single '}' encountered in format string")
			}
			i++
			b.WriteRune('}')
			continue
		}
		if c != '{' {
			b.WriteRune(c)
			continue
		}
		if i+1 < len(rs) && rs[i+1] == '{' {
			b.WriteRune('{')
			i++
			continue
		}
		if i+1 == len(rs) {
			return "", newErr(ValueError, "Single '{' encountered in format string")
		}
		name, conv, spec, j, err := scanField(rs, i+1)
		if err != nil {
			return "", err
		}
		s, err := f.field(name, conv, spec, depth)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		i = j - 1
	}
	return b.String(), nil
}

// scanField reads the replacement field that starts at rs[i], after its
// '{', as CPython's parse_field does: the name runs to '}', ':' or '!'
// (a key in brackets may hold any of them), a conversion is one
// character, and the spec's braces balance. next is where the text after
// the field's '}' starts; conv is 0 without a conversion.
func scanField(rs []rune, i int) (name []rune, conv rune, spec []rune, next int, err error) {
	start, c := i, rune(0)
scan:
	for i < len(rs) {
		c = rs[i]
		i++
		switch c {
		case '{':
			return nil, 0, nil, 0, newErr(ValueError, "unexpected '{' in field name")
		case '[':
			for i < len(rs) && rs[i] != ']' {
				i++
			}
		case '}', ':', '!':
			break scan
		}
	}
	name = rs[start:max(i-1, start)]
	switch c {
	case '}':
		return name, 0, nil, i, nil
	case ':', '!':
	default:
		return nil, 0, nil, 0, newErr(ValueError, "expected '}' before end of string")
	}
	if c == '!' {
		if i >= len(rs) {
			return nil, 0, nil, 0, newErr(ValueError, "end of string while looking for conversion specifier")
		}
		conv = rs[i]
		i++
		if i < len(rs) {
			c = rs[i]
			i++
			if c == '}' {
				return name, conv, nil, i, nil
			}
			if c != ':' {
				return nil, 0, nil, 0, newErr(ValueError, "expected ':' after conversion specifier")
			}
		}
	}
	from, level := i, 1
	for ; i < len(rs); i++ {
		switch rs[i] {
		case '{':
			level++
		case '}':
			if level--; level == 0 {
				return name, conv, rs[from:i], i + 1, nil
			}
		}
	}
	return nil, 0, nil, 0, newErr(ValueError, "unmatched '{' in format spec")
}

// field formats one replacement field from its parts (scanField).
func (f *strFormatter) field(nameRunes []rune, conv rune, spec []rune, depth int) (string, error) {
	name := string(nameRunes)
	// The value and its conversion first, then the spec's own fields
	// (automatic numbering reaches them after the value), as CPython's
	// output_markup; a spec without a field is taken as it is.
	v, err := f.value(name)
	if err != nil {
		return "", err
	}
	switch conv {
	case 0:
	case 'r':
		v = StrVal(f.vm.repr(v))
	case 's':
		v = StrVal(f.vm.strOf(v))
	case 'a':
		v = StrVal(asciiRepr(f.vm.repr(v)))
	default:
		return "", newErr(ValueError, "Unknown conversion specifier %s", string(conv))
	}
	specText := string(spec)
	if slices.Contains(spec, '{') {
		if specText, err = f.run(spec, depth-1); err != nil {
			return "", err
		}
	}
	return f.vm.format(v, specText)
}

// value is the object a field name names: an argument, then attributes
// and items.
func (f *strFormatter) value(name string) (Val, error) {
	end := strings.IndexAny(name, ".[")
	if end < 0 {
		end = len(name)
	}
	first, rest := name[:end], name[end:]
	var v Val
	n, numErr := strconv.Atoi(first)
	switch {
	case f.pos == nil && (first == "" || numErr == nil):
		return Val{}, newErr(ValueError, "Format string contains positional fields")
	case first == "":
		if f.numbering == 'm' {
			return Val{}, newErr(ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		f.numbering = 'a'
		if f.auto >= len(f.pos) {
			return Val{}, newErr(IndexError, "Replacement index %d out of range for positional args tuple", f.auto)
		}
		v = f.pos[f.auto]
		f.auto++
	case numErr == nil:
		if f.numbering == 'a' {
			return Val{}, newErr(ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		f.numbering = 'm'
		if n >= len(f.pos) {
			return Val{}, newErr(IndexError, "Replacement index %d out of range for positional args tuple", n)
		}
		v = f.pos[n]
	default:
		x, err := f.byName(first)
		if err != nil {
			return Val{}, err
		}
		v = x
	}
	for rest != "" {
		var err error
		if rest[0] == '.' {
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			attr := rest[1 : 1+end]
			if attr == "" {
				return Val{}, newErr(ValueError, "Empty attribute in format string")
			}
			v, err = f.vm.getAttr(v, attr)
			rest = rest[1+end:]
		} else if rest[0] == '[' {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return Val{}, newErr(ValueError, "Missing ']' in format string")
			}
			key := rest[1:end]
			if key == "" {
				return Val{}, newErr(ValueError, "Empty attribute in format string")
			}
			k := StrVal(key)
			if i, aerr := strconv.Atoi(key); aerr == nil && key[0] != '-' && key[0] != '+' {
				k = IntVal(int64(i))
			}
			v, err = f.vm.getItem(v, k)
			rest = rest[end+1:]
			if err == nil && rest != "" && rest[0] != '.' && rest[0] != '[' {
				return Val{}, newErr(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
			}
		} else {
			return Val{}, newErr(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
		}
		if err != nil {
			return Val{}, err
		}
	}
	return v, nil
}
