package interp

import (
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
		// The field ends at the '}' that balances its '{' (a spec may
		// nest fields); a key in brackets may hold any brace.
		j, level := i+1, 1
		for ; j < len(rs); j++ {
			if rs[j] == '[' {
				for j < len(rs) && rs[j] != ']' {
					j++
				}
				if j == len(rs) {
					break
				}
				continue
			}
			if rs[j] == '{' {
				level++
			} else if rs[j] == '}' {
				if level--; level == 0 {
					break
				}
			}
		}
		if j >= len(rs) {
			return "", newErr(ValueError, "expected '}' before end of string")
		}
		s, err := f.field(rs[i+1:j], depth)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		i = j
	}
	return b.String(), nil
}

// field formats one replacement field's text (between its braces).
func (f *strFormatter) field(field []rune, depth int) (string, error) {
	k := 0
	for k < len(field) && field[k] != '!' && field[k] != ':' {
		if field[k] == '[' {
			for k < len(field) && field[k] != ']' {
				k++
			}
			if k == len(field) {
				break
			}
		}
		k++
	}
	name, rest := string(field[:k]), field[k:]
	conv := rune(0)
	if len(rest) > 0 && rest[0] == '!' {
		if len(rest) < 2 {
			return "", newErr(ValueError, "unmatched '{' in format spec") // CPython's words for "{0!}"
		}
		conv, rest = rest[1], rest[2:]
		if len(rest) > 0 && rest[0] != ':' {
			return "", newErr(ValueError, "expected ':' after conversion specifier")
		}
	}
	// The value first: automatic numbering reaches the spec's fields after it.
	v, err := f.value(name)
	if err != nil {
		return "", err
	}
	spec := ""
	if len(rest) > 0 {
		if spec, err = f.run(rest[1:], depth-1); err != nil {
			return "", err
		}
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
	return f.vm.format(v, spec)
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
