package interp

import (
	"strings"
	"unicode"
)

// collections.namedtuple: a tuple subclass whose fields are read-only
// properties over the tuple, with _fields, _make, _replace and _asdict.

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return !pyKeywords[s]
}

var pyKeywords = map[string]bool{"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true, "del": true,
	"elif": true, "else": true, "except": true, "finally": true, "for": true, "from": true, "global": true,
	"if": true, "import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true,
	"or": true, "pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true}

func biNamedtuple(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) > 2 {
		return Val{}, newErr(TypeError, "namedtuple() takes 2 positional arguments but %d were given", len(pos))
	}
	for _, k := range []string{"typename", "field_names"} {
		if v, ok := kw[k]; ok {
			pos = append(pos, v)
			delete(kw, k)
		}
	}
	if len(pos) < 2 {
		return Val{}, newErr(TypeError, "namedtuple() missing required argument")
	}
	name, ok := pos[0].O.(*Str)
	if !ok {
		return Val{}, newErr(TypeError, "namedtuple() typename must be str")
	}
	var fields []string
	if s, ok := pos[1].O.(*Str); ok {
		fields = strings.Fields(strings.ReplaceAll(s.s, ",", " "))
	} else {
		items, err := vm.iterate(pos[1])
		if err != nil {
			return Val{}, err
		}
		for _, it := range items {
			s, ok := it.O.(*Str)
			if !ok {
				return Val{}, newErr(TypeError, "Type names and field names must be strings")
			}
			fields = append(fields, s.s)
		}
	}
	rename := false
	var defaults []Val
	for k, v := range kw {
		switch k {
		case "rename":
			rename = truthy(v)
		case "defaults":
			if v.T != tagNone {
				d, err := vm.iterate(v)
				if err != nil {
					return Val{}, err
				}
				defaults = d
			}
		case "module":
		default:
			return Val{}, newErr(TypeError, "namedtuple() got an unexpected keyword argument '%s'", k)
		}
	}
	seen := map[string]bool{}
	for i, f := range fields {
		if rename && (!isIdentifier(f) || strings.HasPrefix(f, "_") || seen[f]) {
			f = "_" + itoa(i)
			fields[i] = f
		}
		seen[f] = true
	}
	for _, n := range append([]string{name.s}, fields...) {
		if !isIdentifier(n) {
			if pyKeywords[n] {
				return Val{}, newErr(ValueError, "Type names and field names cannot be a keyword: '%s'", n)
			}
			return Val{}, newErr(ValueError, "Type names and field names must be valid identifiers: '%s'", n)
		}
	}
	seen = map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return Val{}, newErr(ValueError, "Field names cannot start with an underscore: '%s'", f)
		}
		if seen[f] {
			return Val{}, newErr(ValueError, "Encountered duplicate field name: '%s'", f)
		}
		seen[f] = true
	}
	if len(defaults) > len(fields) {
		return Val{}, newErr(TypeError, "Got more default values than field names")
	}
	cls, err := vm.namedtupleClass(name.s, fields, defaults)
	if err != nil {
		return Val{}, err
	}
	return ObjVal(cls), nil
}

func itoa(i int) string { return formatInt(int64(i)) }

func formatInt(i int64) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	var b [24]byte
	n := len(b)
	for i != 0 {
		d := i % 10
		if d < 0 {
			d = -d
		}
		n--
		b[n] = byte('0' + d)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}

// ntItems is a namedtuple instance's fields as a tuple's items.
func (vm *VM) ntItems(self Val, fields []string) ([]Val, error) {
	if b, ok := builtinValue(self); ok {
		if t, ok := b.O.(*Tuple); ok {
			return t.items, nil
		}
	}
	out := make([]Val, len(fields))
	for i, f := range fields {
		v, err := vm.getAttr(self, f)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// namedtupleClass makes a namedtuple: a subclass of tuple (the class
// standing for tuple, subclass_immutable.go) whose __new__ takes the
// fields by position or name, with a read-only property per field.
func (vm *VM) namedtupleClass(name string, fields []string, defaults []Val) (*Class, error) {
	nreq := len(fields) - len(defaults)
	methods := map[string]nativeFn{
		"__new__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c, ok := args[0].O.(*Class)
			if !ok {
				return Val{}, newErr(TypeError, "%s.__new__(X): X is not a type object (%s)", name, typeName(args[0]))
			}
			pos, kw := splitKw(args[1:], kwn)
			if len(pos) > len(fields) {
				return Val{}, newErr(TypeError, "%s.__new__() takes %d positional argument%s but %d were given", name, len(fields)+1, plural(len(fields)+1), len(pos)+1)
			}
			vals := make([]Val, len(fields))
			copy(vals, pos)
			for k, v := range kw {
				i := indexOf(fields, k)
				if i < 0 {
					return Val{}, newErr(TypeError, "%s.__new__() got an unexpected keyword argument '%s'", name, k)
				}
				if i < len(pos) {
					return Val{}, newErr(TypeError, "%s.__new__() got multiple values for argument '%s'", name, k)
				}
				vals[i] = v
			}
			var missing []string
			for i := range vals {
				if vals[i].T == tagEmpty {
					if i >= nreq {
						vals[i] = defaults[i-nreq]
					} else {
						missing = append(missing, "'"+fields[i]+"'")
					}
				}
			}
			if len(missing) > 0 {
				return Val{}, newErr(TypeError, "%s.__new__() missing %d required positional argument%s: %s", name, len(missing), plural(len(missing)), joinNames(missing))
			}
			inst := vm.newInstancePlain(c)
			inst.O.(*Instance).set(builtinValueAttr, tupleOf(vals))
			return inst, nil
		},
		"__repr__()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			items, err := vm.ntItems(args[0], fields)
			if err != nil {
				return Val{}, err
			}
			var b strings.Builder
			n := typeName(args[0]) // a struct sequence's: sys.float_info
			if inst, ok := args[0].O.(*Instance); ok {
				if _, own := inst.cls.own("_fields"); !own {
					n = inst.cls.name // a subclass: self.__class__.__name__
				}
			}
			b.WriteString(n + "(")
			for i, f := range fields {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(f + "=" + vm.repr(items[i]))
			}
			b.WriteString(")")
			return StrVal(b.String()), vm.takePending()
		},
		"_asdict()": func(vm *VM, args []Val, kwn []string) (Val, error) {
			items, err := vm.ntItems(args[0], fields)
			if err != nil {
				return Val{}, err
			}
			d := newDict()
			for i, f := range fields {
				d.set(StrVal(f), items[i])
			}
			return ObjVal(d), nil
		},
		"_replace": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1+len(kwn) {
				return Val{}, newErr(TypeError, "%s._replace() takes 1 positional argument but %d were given", name, len(args)-len(kwn))
			}
			items, err := vm.ntItems(args[0], fields)
			if err != nil {
				return Val{}, err
			}
			items = append([]Val(nil), items...)
			_, kw := splitKw(args[1:], kwn)
			var unknown []string
			for k, v := range kw {
				if i := indexOf(fields, k); i >= 0 {
					items[i] = v
				} else {
					unknown = append(unknown, "'"+k+"'")
				}
			}
			if len(unknown) > 0 {
				return Val{}, newErr(ValueError, "Got unexpected field names: [%s]", strings.Join(unknown, ", "))
			}
			cls := args[0].O.(*Instance).cls
			return vm.call(ObjVal(cls), items, nil)
		},
		"_make": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "%s._make() takes 2 positional arguments but %d were given", name, len(args))
			}
			items, err := vm.iterate(args[1])
			if err != nil {
				return Val{}, err
			}
			if len(items) != len(fields) {
				return Val{}, newErr(TypeError, "Expected %d arguments, got %d", len(fields), len(items))
			}
			return vm.call(args[0], items, nil)
		},
	}
	cls, err := vm.nativeClass(name, []Val{vm.bi["tuple"]}, methods, "_make")
	if err != nil {
		return nil, err
	}
	cv := ObjVal(cls)
	readOnly := builtinFn("__set__", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return Val{}, newErr(AttributeError, "can't set attribute")
	})
	for i, f := range fields {
		i := i
		get := builtinFn(f, func(vm *VM, args []Val, kwn []string) (Val, error) {
			items, err := vm.ntItems(args[0], fields)
			if err != nil {
				return Val{}, err
			}
			return items[i], nil
		})
		doc := StrVal("Alias for field number " + itoa(i))
		vm.objectSetAttr(cv, f, ObjVal(&Property{get: get, set: readOnly, doc: doc}))
	}
	// The docstring namedtuple writes: Point(x, y), from the fields'
	// tuple's repr (so one field reads P(x,)).
	args := strings.Join(fields, ", ")
	if len(fields) == 1 {
		args += ","
	}
	vm.setAttr(cv, "__doc__", StrVal(name+"("+args+")"))
	vm.setAttr(cv, "__slots__", ObjVal(&Tuple{}))
	vm.setAttr(cv, "_fields", strsTuple(fields))
	fd := newDict()
	for i, d := range defaults {
		fd.set(StrVal(fields[nreq+i]), d)
	}
	vm.setAttr(cv, "_field_defaults", ObjVal(fd))
	vm.setAttr(cv, "__match_args__", strsTuple(fields))
	return cls, nil
}

// joinNames lists names as CPython's argument errors do: 'a', 'b' and 'c'.
func joinNames(ns []string) string {
	switch len(ns) {
	case 1:
		return ns[0]
	case 2:
		return ns[0] + " and " + ns[1]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + ", and " + ns[len(ns)-1]
}

// namedtupleItems is v's fields when v is a namedtuple instance (which
// stands in for a tuple, e.g. as the right operand of %).
func (vm *VM) namedtupleItems(v Val) ([]Val, bool) {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject {
		return nil, false
	}
	if _, ok := inst.cls.lookup("_make"); !ok {
		return nil, false
	}
	fv, ok := inst.cls.lookup("_fields")
	if !ok {
		return nil, false
	}
	ft, ok := fv.O.(*Tuple)
	if !ok {
		return nil, false
	}
	var fs []string
	for _, f := range ft.items {
		if s, ok := f.O.(*Str); ok {
			fs = append(fs, s.s)
		}
	}
	items, err := vm.ntItems(v, fs)
	return items, err == nil
}

// newDeque is collections.deque(iterable=(), maxlen=None).
func newDeque(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) > 2 {
		return Val{}, newErr(TypeError, "deque expected at most 2 arguments, got %d", len(pos))
	}
	for k, v := range kw {
		switch k {
		case "iterable":
			if len(pos) > 0 {
				return Val{}, newErr(TypeError, "argument for deque() given by name ('iterable') and position (1)")
			}
			pos = append(pos, v)
		case "maxlen":
			if len(pos) > 1 {
				return Val{}, newErr(TypeError, "argument for deque() given by name ('maxlen') and position (2)")
			}
			for len(pos) < 1 {
				pos = append(pos, Val{})
			}
			pos = append(pos, v)
		default:
			return Val{}, newErr(TypeError, "deque() got an unexpected keyword argument '%s'", k)
		}
	}
	l := newList(nil)
	if len(pos) > 0 && pos[0].T != tagEmpty {
		items, err := vm.iterate(pos[0])
		if err != nil {
			return Val{}, err
		}
		l = newList(items)
	}
	l.deque = true
	if len(pos) > 1 && pos[1].T != tagNone {
		n, ok := toInt64Arg(pos[1])
		if !ok {
			return Val{}, newErr(TypeError, "an integer is required")
		}
		if n < 0 {
			return Val{}, newErr(ValueError, "maxlen must be non-negative")
		}
		l.dqMax = int(n) + 1
		l.trimDeque(false)
	}
	return ObjVal(l), nil
}

// trimDeque drops elements from the left (or the right) of a bounded
// deque until it fits its maxlen.
func (l *List) trimDeque(right bool) {
	if l.dqMax == 0 || l.Len() < l.dqMax {
		return
	}
	extra := l.Len() - (l.dqMax - 1)
	if right {
		l.setItemsLen(l.Len() - extra)
		return
	}
	for range extra {
		l.popFront()
	}
}

// boundedDequeMethod runs a method of a deque with a maxlen: the unbounded
// method, then the elements pushed out of the other end are dropped.
func (vm *VM) boundedDequeMethod(l *List, name string, args []Val, kwn []string) (Val, error) {
	mx := l.dqMax
	l.dqMax = 0
	defer func() { l.dqMax = mx }()
	switch name {
	case "insert":
		if l.Len() >= mx-1 {
			return Val{}, newErr(IndexError, "deque already at its maximum size")
		}
	case "append", "extend":
		if mx == 1 {
			return NoneVal, nil // maxlen=0 keeps nothing
		}
	case "appendleft", "extendleft":
		if mx == 1 {
			return NoneVal, nil
		}
	}
	r, err := vm.listMethod(l, name, args, kwn)
	l.dqMax = mx
	switch name {
	case "append", "extend":
		l.trimDeque(false)
	case "appendleft", "extendleft":
		l.trimDeque(true)
	case "copy":
		if c, ok := r.O.(*List); ok {
			c.dqMax = mx
		}
	}
	return r, err
}

// dequeRepeat makes r, the items of deque d repeated, a deque like d:
// a bounded one keeps the last maxlen items, as CPython's deque * n.
func dequeRepeat(d, r *List) *List {
	r.deque, r.dqMax = true, d.dqMax
	r.trimDeque(false)
	return r
}
