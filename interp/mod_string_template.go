package interp

import "strings"

// string.Template: $name, ${name} and $$ substitution from a mapping and
// keywords (substitute raises KeyError for a missing name and ValueError
// for a bad placeholder; safe_substitute leaves them as they are).
// Placeholder names are ASCII identifiers, as Template.idpattern's
// (?a:[_a-z][_a-z0-9]*) with re.IGNORECASE.

func asciiIdentStart(c byte) bool { return c == '_' || c|0x20 >= 'a' && c|0x20 <= 'z' }
func asciiIdentChar(c byte) bool  { return asciiIdentStart(c) || c >= '0' && c <= '9' }

// templateSubstitute expands t with lookup; safe keeps what it cannot.
func templateSubstitute(t string, lookup func(string) (Val, bool, error), str func(Val) (string, error), safe bool) (string, error) {
	var b strings.Builder
	for i := 0; i < len(t); {
		c := t[i]
		if c != '$' {
			b.WriteByte(c)
			i++
			continue
		}
		start := i
		i++
		var name string
		switch {
		case i < len(t) && t[i] == '$':
			b.WriteByte('$')
			i++
			continue
		case i < len(t) && t[i] == '{':
			j := i + 1
			if j < len(t) && asciiIdentStart(t[j]) {
				k := j + 1
				for k < len(t) && asciiIdentChar(t[k]) {
					k++
				}
				if k < len(t) && t[k] == '}' {
					name, i = t[j:k], k+1
				}
			}
		case i < len(t) && asciiIdentStart(t[i]):
			j := i + 1
			for j < len(t) && asciiIdentChar(t[j]) {
				j++
			}
			name, i = t[i:j], j
		}
		if name == "" {
			if safe {
				b.WriteByte('$')
				continue
			}
			line, col := 1+strings.Count(t[:start], "\n"), start-strings.LastIndexByte(t[:start], '\n')
			return "", newErr(ValueError, "Invalid placeholder in string: line %d, col %d", line, col)
		}
		v, ok, err := lookup(name)
		if err != nil {
			return "", err
		}
		if !ok {
			if safe {
				b.WriteString(t[start:i])
				continue
			}
			return "", &PyErr{exc: &Exception{typ: KeyError, args: []Val{StrVal(name)}}}
		}
		s, err := str(v)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func (vm *VM) templateClass() *Class {
	sub := func(safe bool) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := args[:len(args)-len(kwn)], args[len(args)-len(kwn):]
			name := "substitute"
			if safe {
				name = "safe_substitute"
			}
			if len(pos) > 2 {
				return Val{}, newErr(TypeError, "Template.%s() takes from 1 to 2 positional arguments but %d were given", name, len(pos))
			}
			tv, _ := pos[0].O.(*Instance).get("template")
			lookup := func(n string) (Val, bool, error) {
				for i, k := range kwn {
					if k == n {
						return kw[i], true, nil
					}
				}
				if len(pos) == 2 {
					v, err := vm.getItem(pos[1], StrVal(n))
					if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(KeyError) {
						return Val{}, false, nil
					}
					return v, err == nil, err
				}
				return Val{}, false, nil
			}
			s, err := templateSubstitute(vm.strOf(tv), lookup, func(v Val) (string, error) { s := vm.strOf(v); return s, vm.takePending() }, safe)
			if err != nil {
				return Val{}, err
			}
			return StrVal(s), nil
		}
	}
	cls, _ := vm.nativeClass("Template", nil, map[string]nativeFn{
		"__init__(template)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if !args[1].isStr() {
				return Val{}, newErr(TypeError, "expected string or bytes-like object, got '%s'", typeName(args[1]))
			}
			args[0].O.(*Instance).set("template", args[1])
			return NoneVal, nil
		},
		"substitute":      sub(false),
		"safe_substitute": sub(true),
	})
	return cls
}
