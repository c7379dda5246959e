package interp

import (
	_ "embed"
	"errors"
	"strings"
)

// string.Template: $name, ${name} and $$ substitution from a mapping and
// keywords (substitute raises KeyError for a missing name and ValueError
// for a bad placeholder; safe_substitute leaves them as they are), with the
// class's delimiter (a subclass may set its own). Placeholder names are
// ASCII identifiers, as Template.idpattern's (?a:[_a-z][_a-z0-9]*) with
// re.IGNORECASE; a subclass with its own idpattern, braceidpattern,
// pattern or flags goes through the re module (pylib/string_template.py).

//go:embed pylib/string_template.py
var stringTemplateSource string

func asciiIdentStart(c byte) bool { return c == '_' || c|0x20 >= 'a' && c|0x20 <= 'z' }
func asciiIdentChar(c byte) bool  { return asciiIdentStart(c) || c >= '0' && c <= '9' }

// templateSubstitute expands t with lookup; safe keeps what it cannot.
func templateSubstitute(t, delim string, lookup func(string) (Val, bool, error), str func(Val) (string, error), safe bool) (string, error) {
	var b strings.Builder
	for i := 0; i < len(t); {
		if !strings.HasPrefix(t[i:], delim) {
			b.WriteByte(t[i])
			i++
			continue
		}
		start := i
		i += len(delim)
		var name string
		switch {
		case strings.HasPrefix(t[i:], delim):
			b.WriteString(delim)
			i += len(delim)
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
				b.WriteString(delim)
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
		if str == nil {
			continue // get_identifiers, is_valid: names only
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
			delim, err := templateDelimiter(vm, pos[0])
			if err == errCustomPattern {
				kd := newDict()
				for i, k := range kwn {
					kd.set(StrVal(k), kw[i])
				}
				return vm.templateByPattern("substitute", pos[0], BoolVal(safe), ObjVal(&Tuple{items: pos[1:]}), ObjVal(kd))
			}
			if err != nil {
				return Val{}, err
			}
			s, err := templateSubstitute(vm.strOf(tv), delim, lookup, func(v Val) (string, error) { s := vm.strOf(v); return s, vm.takePending() }, safe)
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
		// The placeholders' names in order, each once (3.11).
		"get_identifiers()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			delim, err := templateDelimiter(vm, args[0])
			if err == errCustomPattern {
				return vm.templateByPattern("get_identifiers", args[0])
			}
			if err != nil {
				return Val{}, err
			}
			tv, _ := args[0].O.(*Instance).get("template")
			var names []Val
			seen := map[string]bool{}
			_, err = templateSubstitute(vm.strOf(tv), delim, func(n string) (Val, bool, error) {
				if !seen[n] {
					seen[n] = true
					names = append(names, StrVal(n))
				}
				return NoneVal, true, nil
			}, nil, true)
			return ObjVal(newList(names)), err
		},
		// No invalid placeholder (3.11).
		"is_valid()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			delim, err := templateDelimiter(vm, args[0])
			if err == errCustomPattern {
				return vm.templateByPattern("is_valid", args[0])
			}
			if err != nil {
				return Val{}, err
			}
			tv, _ := args[0].O.(*Instance).get("template")
			_, err = templateSubstitute(vm.strOf(tv), delim, func(string) (Val, bool, error) { return NoneVal, true, nil }, nil, false)
			return BoolVal(err == nil), nil
		},
	})
	if cls != nil {
		cls.attrs["delimiter"] = StrVal("$")
		cls.attrs["idpattern"] = StrVal(templateIDPattern)
		cls.attrs["braceidpattern"] = NoneVal
		cls.attrs["flags"] = IntVal(2) // re.IGNORECASE
	}
	return cls
}

const templateIDPattern = "(?a:[_a-z][_a-z0-9]*)"

// errCustomPattern says self's class sets its own idpattern,
// braceidpattern, pattern or flags, which the Go scanner does not read.
var errCustomPattern = errors.New("string.Template subclass with its own pattern")

// templateByPattern runs fn of pylib/string_template.py, loaded once.
func (vm *VM) templateByPattern(fn string, args ...Val) (Val, error) {
	if vm.templatePy == nil {
		vm.templatePy = vm.pyModule("string", stringTemplateSource, nil)
	}
	return vm.call(vm.templatePy.attrs[fn], args, nil)
}

// templateDelimiter is the delimiter of self's class, or errCustomPattern
// for a class that changes what a placeholder may be.
func templateDelimiter(vm *VM, self Val) (string, error) {
	inst, ok := self.O.(*Instance)
	if !ok {
		return "$", nil
	}
	for _, n := range []string{"idpattern", "braceidpattern", "pattern", "flags"} {
		v, found := inst.cls.lookup(n)
		if !found {
			continue
		}
		if base, _ := vm.templateCls.own(n); !vm.equal(v, base) {
			return "", errCustomPattern
		}
	}
	d, _ := inst.cls.lookup("delimiter")
	s, ok := d.O.(*Str)
	if !ok || s.s == "" {
		return "", newErr(TypeError, "Template.delimiter must be a non-empty str")
	}
	return s.s, nil
}
