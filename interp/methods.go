package interp

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var methodNames = map[string][]string{
	"str": {"upper", "lower", "strip", "lstrip", "rstrip", "split", "join", "replace", "find", "rfind", "index",
		"rindex", "count", "startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
		"islower", "title", "capitalize", "center", "ljust", "rjust", "zfill", "format", "format_map", "splitlines", "swapcase",
		"partition", "rpartition", "rsplit", "isnumeric", "isdecimal", "isidentifier", "casefold", "expandtabs"},
	"list":              {"append", "pop", "insert", "extend", "remove", "index", "count", "reverse", "sort", "copy", "clear"},
	"collections.deque": {"append", "pop", "insert", "extend", "remove", "index", "count", "reverse", "copy", "clear", "appendleft", "popleft", "extendleft", "rotate"},
	"dict":              {"get", "keys", "values", "items", "pop", "setdefault", "update", "copy", "clear", "popitem", "most_common", "elements", "total", "subtract", "move_to_end"},
	"frozenset":         {"copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"},
	"set":               {"add", "remove", "discard", "pop", "union", "intersection", "difference", "copy", "clear", "update", "issubset", "issuperset", "symmetric_difference", "isdisjoint", "intersection_update", "difference_update", "symmetric_difference_update"},
	"tuple":             {"index", "count"},
	"range":             {"index", "count"},
	"int":               {"bit_length", "to_bytes", "conjugate", "bit_count"},
	"float":             {"is_integer", "hex", "conjugate"},
	"_io.TextIOWrapper": {"write", "flush"},
	"generator":         {"send", "throw", "close"},
	"coroutine":         {"send", "throw", "close", "__await__"},
	"async_generator":   {"__anext__", "asend", "athrow", "aclose", "__aiter__"},
}

func hasMethod(v Val, name string) bool {
	t := typeName(v)
	if t == "bool" {
		t = "int"
	}
	if !methodSets()[t][name] {
		return false
	}
	if d, ok := v.O.(*Dict); ok && v.T == tagObject {
		return dictKindHas(d.ordered, d.counter, name)
	}
	return true
}

// dictKindHas reports whether a dict of its kind (an OrderedDict, a
// Counter) has dict-table method name: all dicts run through one table,
// but move_to_end is OrderedDict's and most_common ... Counter's alone.
func dictKindHas(ordered, counter bool, name string) bool {
	switch name {
	case "move_to_end":
		return ordered
	case "most_common", "elements", "total", "subtract":
		return counter
	}
	return true
}

// methodSets is methodNames as sets: str alone has dozens of methods,
// and every method call on a built-in object asks.
var methodSets = sync.OnceValue(func() map[string]map[string]bool {
	sets := make(map[string]map[string]bool, len(methodNames))
	for t, names := range methodNames {
		set := make(map[string]bool, len(names))
		for _, n := range names {
			set[n] = true
		}
		sets[t] = set
	}
	return sets
})

func argErr(tname, name string, want, got int) error {
	if want == 0 {
		return newErr(TypeError, "%s.%s() takes no arguments (%d given)", tname, name, got)
	}
	if want == 1 {
		return newErr(TypeError, "%s.%s() takes exactly one argument (%d given)", tname, name, got)
	}
	return newErr(TypeError, "%s() takes exactly %d arguments (%d given)", name, want, got)
}

// takesNoArgs reports whether owner's built-in method name takes no
// arguments at all. A switch, not a map of maps: noArgsCheck runs on every
// call of a built-in method with arguments (dict.pop, dict.setdefault ...),
// where two string-keyed map look-ups cost about 220 instructions a call
// (2% of the generators benchmark) and the switch a few dozen.
func takesNoArgs(owner, name string) bool {
	switch owner {
	case "str":
		switch name {
		case "upper", "lower", "casefold", "swapcase", "title", "capitalize", "isdigit", "isalpha",
			"isalnum", "isspace", "isupper", "islower", "isidentifier", "isnumeric", "isdecimal", "istitle",
			"isascii", "isprintable":
			return true
		}
	case "list":
		switch name {
		case "copy", "clear", "reverse":
			return true
		}
	case "dict":
		switch name {
		case "items", "keys", "values", "copy", "clear", "popitem":
			return true
		}
	case "set":
		switch name {
		case "copy", "clear":
			return true
		}
	case "int":
		switch name {
		case "bit_length", "bit_count", "conjugate":
			return true
		}
	case "float":
		switch name {
		case "is_integer", "conjugate":
			return true
		}
	}
	return false
}

// noArgsCheck raises CPython's TypeError for arguments given to a method
// that takes none.
func noArgsCheck(self Val, name string, args []Val, kwn []string) error {
	if len(args) == 0 {
		return nil
	}
	var owner string
	switch self.T {
	case tagInt, tagBool:
		owner = "int"
	case tagFloat:
		owner = "float"
	default:
		switch x := self.O.(type) {
		case *Str:
			owner = "str"
		case *List:
			owner = "list"
		case *Dict:
			if x.counter || x.ordered || x.factory.O != nil || x.factory.T != 0 {
				return nil // subclasses: Counter, OrderedDict, defaultdict
			}
			owner = "dict"
		case *Set:
			owner = "set"
		case *BigInt:
			owner = "int"
		}
	}
	if !takesNoArgs(owner, name) {
		return nil
	}
	if len(kwn) > 0 {
		return newErr(TypeError, "%s.%s() takes no keyword arguments", owner, name)
	}
	return argErr(owner, name, 0, len(args))
}

// dictPopArgs checks what dict.pop and dict.setdefault take besides their
// key: a default, by position only (OrderedDict's take it by keyword too).
func dictPopArgs(d *Dict, name string, args []Val, kwn []string) error {
	if d.ordered {
		if len(args) > 2 {
			return newErr(TypeError, "%s() takes at most 2 arguments (%d given)", name, len(args))
		}
		return nil
	}
	if len(kwn) > 0 {
		return newErr(TypeError, "dict.%s() takes no keyword arguments", name)
	}
	if len(args) > 2 {
		return newErr(TypeError, "%s expected at most 2 arguments, got %d", name, len(args))
	}
	return nil
}

// callMethod calls a method of a built-in type.
func (vm *VM) callMethod(self Val, name string, args []Val, kwn []string) (Val, error) {
	if f := extraMethod(self, name); f != nil {
		return f(vm, self, args, kwn)
	}
	if g, ok := self.O.(goObject); ok {
		if v, found, err := g.method(vm, name, args, kwn); found {
			return v, err
		}
		if v, ok := g.attr(vm, name); ok {
			return vm.call(v, args, kwn)
		}
		if m, ok := builtinDunder(self, name); ok {
			return vm.call(m, args, kwn)
		}
		if m, ok := vm.tableAttr(self, name); ok {
			return vm.call(m, args, kwn)
		}
		return Val{}, attrErr(self, name)
	}
	if !hasMethod(self, name) {
		switch self.O.(type) {
		case *typeObj, *ExcType, *Exception, *Function, *Method, *Property, *Builtin, *StaticMethod, *ClassMethod:
			// Attributes of other objects: fetch, then call.
			return vm.callAttr(self, name, args, kwn)
		}
		if m, ok := self.O.(*Module); ok {
			fv, ok := m.lookup(name)
			if !ok {
				return Val{}, attrErr(self, name)
			}
			return vm.call(fv, args, kwn)
		}
		if name == "__class__" {
			return vm.call(vm.typeOf(self), args, kwn)
		}
		if d, ok := self.O.(*Dict); ok && name == "__missing__" && (d.counter || d.factory.T != tagEmpty) {
			return vm.call(dictMissingMethod(self, d), args, kwn)
		}
		if _, ok := self.O.(*Instance); !ok {
			if m, ok := builtinDunder(self, name); ok {
				return vm.call(m, args, kwn)
			}
			if m, ok := vm.tableAttr(self, name); ok {
				return vm.call(m, args, kwn)
			}
		}
		return Val{}, attrErr(self, name)
	}
	return vm.callBuiltinMethod(self, name, args, kwn)
}

// callBuiltinMethod calls a method that hasMethod says self's built-in
// type has.
func (vm *VM) callBuiltinMethod(self Val, name string, args []Val, kwn []string) (Val, error) {
	if err := noArgsCheck(self, name, args, kwn); err != nil {
		return Val{}, err
	}
	switch x := self.O.(type) {
	case *Str:
		return vm.strMethod(x, name, args, kwn)
	case *List:
		return vm.listMethod(x, name, args, kwn)
	case *Dict:
		return vm.dictMethod(x, name, args, kwn)
	case *Set:
		return vm.setMethod(x, name, args, kwn)
	case *Tuple:
		return vm.seqMethod("tuple", x.items, name, args)
	case *Generator:
		if len(kwn) > 0 {
			// args ends with the keywords' values: not arguments.
			return Val{}, newErr(TypeError, "%s.%s() takes no keyword arguments", x.typeName(), name)
		}
		return x.method(vm, name, args)
	case *Range:
		return vm.rangeMethod(x, name, args, kwn)
	}
	switch name {
	case "bit_length":
		b, _ := toBig(self)
		return IntVal(int64(b.BitLen())), nil
	case "bit_count":
		b, _ := toBig(self)
		n := 0
		for _, w := range b.Bits() {
			for ; w != 0; w &= w - 1 {
				n++
			}
		}
		return IntVal(int64(n)), nil
	case "conjugate":
		return self, nil
	case "is_integer":
		f := self.F()
		return BoolVal(f == float64(int64(f))), nil
	}
	return Val{}, attrErr(self, name)
}

func (vm *VM) seqMethod(tname string, items []Val, name string, args []Val) (Val, error) {
	switch name {
	case "index":
		if len(args) < 1 {
			return Val{}, newErr(TypeError, "index expected at least 1 argument, got 0")
		}
		start, stop := 0, len(items)
		var err error
		if len(args) > 1 {
			if start, err = vm.sliceBound(args[1], len(items)); err != nil {
				return Val{}, err
			}
		}
		if len(args) > 2 {
			if stop, err = vm.sliceBound(args[2], len(items)); err != nil {
				return Val{}, err
			}
		}
		for i := start; i < stop; i++ {
			if eq, err := vm.eqItemErr(items[i], args[0]); eq || err != nil {
				return IntVal(int64(i)), err
			}
		}
		if tname == "tuple" {
			return Val{}, newErr(ValueError, "tuple.index(x): x not in tuple")
		}
		return Val{}, newErr(ValueError, "%s is not in %s", vm.repr(args[0]), tname)
	case "count":
		if len(args) != 1 {
			return Val{}, argErr(tname, name, 1, len(args))
		}
		n := 0
		for _, it := range items {
			eq, err := vm.eqItemErr(it, args[0])
			if err != nil {
				return Val{}, err
			}
			if eq {
				n++
			}
		}
		return IntVal(int64(n)), nil
	}
	return Val{}, newErr(AttributeError, "'%s' object has no attribute '%s'", tname, name)
}

func clampIdx(i int64, n int) int {
	if i < 0 {
		i += int64(n)
		if i < 0 {
			i = 0
		}
	}
	if i > int64(n) {
		i = int64(n)
	}
	return int(i)
}

func (vm *VM) listMethod(l *List, name string, args []Val, kwn []string) (Val, error) {
	if l.dqMax > 0 {
		return vm.boundedDequeMethod(l, name, args, kwn)
	}
	if name != "sort" && len(kwn) > 0 {
		return Val{}, newErr(TypeError, "list.%s() takes no keyword arguments", name)
	}
	switch name {
	case "append":
		if len(args) != 1 {
			return Val{}, argErr(l.kind(), name, 1, len(args))
		}
		if err := l.grow(1); err != nil {
			return Val{}, err
		}
		l.append(args[0])
		return NoneVal, nil
	case "appendleft", "popleft", "extendleft", "rotate":
		if !l.deque {
			return Val{}, attrErr(ObjVal(l), name)
		}
		switch name {
		case "appendleft":
			if len(args) != 1 {
				return Val{}, argErr("deque", name, 1, len(args))
			}
			if err := l.grow(1); err != nil {
				return Val{}, err
			}
			l.insert(0, args[0])
		case "popleft":
			if l.Len() == 0 {
				return Val{}, newErr(IndexError, "pop from an empty deque")
			}
			v := l.at(0)
			l.removeRange(0, 1)
			return v, nil
		case "extendleft":
			if len(args) != 1 {
				return Val{}, argErr("deque", name, 1, len(args))
			}
			more, err := vm.iterate(args[0])
			if err != nil {
				return Val{}, err
			}
			if err := l.grow(len(more)); err != nil {
				return Val{}, err
			}
			for i, j := 0, len(more)-1; i < j; i, j = i+1, j-1 {
				more[i], more[j] = more[j], more[i]
			}
			l.splice(0, 0, newList(more))
		case "rotate":
			n := int64(1)
			if len(args) > 1 {
				return Val{}, newErr(TypeError, "rotate expected at most 1 argument, got %d", len(args))
			}
			if len(args) > 0 {
				i, ok, err := vm.asIndex(args[0], 1<<62)
				if !ok {
					return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
				}
				if err != nil {
					return Val{}, err
				}
				n = i
			}
			if size := int64(l.Len()); size > 0 {
				k := int(((n % size) + size) % size)
				tail := l.slice(size-int64(k), size, 1)
				l.splice(l.Len()-k, l.Len(), &List{})
				l.splice(0, 0, tail)
			}
		}
		return NoneVal, nil
	case "pop":
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "pop expected at most 1 argument, got %d", len(args))
		}
		// The index is converted first, as Argument Clinic does: [].pop(2**70)
		// is an OverflowError.
		var i int64
		if len(args) == 1 {
			var err error
			if i, err = vm.ssizeArg(args[0]); err != nil {
				return Val{}, err
			}
		}
		n := l.Len()
		if n == 0 {
			if l.deque {
				return Val{}, newErr(IndexError, "pop from an empty deque")
			}
			return Val{}, newErr(IndexError, "pop from empty list")
		}
		if len(args) == 0 {
			i = int64(n - 1)
		} else {
			if i < 0 {
				i += int64(n)
			}
			if i < 0 || i >= int64(n) {
				return Val{}, newErr(IndexError, "pop index out of range")
			}
		}
		v := l.at(int(i))
		if int(i) == n-1 {
			l.vals = l.vals[:n-1]
			if l.objs != nil {
				l.objs[n-1] = nil
				l.objs = l.objs[:n-1]
			}
			return v, nil
		}
		l.removeRange(int(i), int(i)+1)
		return v, nil
	case "insert":
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "insert expected 2 arguments, got %d", len(args))
		}
		i, err := vm.ssizeArg(args[0])
		if err != nil {
			return Val{}, err
		}
		if err := l.grow(1); err != nil {
			return Val{}, err
		}
		l.insert(clampIdx(i, l.Len()), args[1])
		return NoneVal, nil
	case "extend":
		if len(args) != 1 {
			return Val{}, argErr(l.kind(), name, 1, len(args))
		}
		items, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, err
		}
		if err := l.grow(len(items)); err != nil {
			return Val{}, err
		}
		for _, x := range items {
			l.append(x)
		}
		return NoneVal, nil
	case "remove":
		if len(args) != 1 {
			return Val{}, argErr(l.kind(), name, 1, len(args))
		}
		i, err := vm.listFind(l, args[0], 0, l.Len())
		if err != nil {
			return Val{}, err
		}
		if i < 0 {
			if l.deque {
				return Val{}, newErr(ValueError, "%s is not in deque", vm.repr(args[0]))
			}
			return Val{}, newErr(ValueError, "list.remove(x): x not in list")
		}
		l.removeRange(i, i+1)
		return NoneVal, nil
	case "reverse":
		l.reverse()
		return NoneVal, nil
	case "index":
		if len(args) < 1 || len(args) > 3 {
			break // seqMethod words the error
		}
		start, stop := 0, l.Len()
		var err error
		if len(args) > 1 {
			if start, err = vm.sliceBound(args[1], l.Len()); err != nil {
				return Val{}, err
			}
		}
		if len(args) > 2 {
			if stop, err = vm.sliceBound(args[2], l.Len()); err != nil {
				return Val{}, err
			}
		}
		i, err := vm.listFind(l, args[0], start, stop)
		if err != nil {
			return Val{}, err
		}
		if i < 0 {
			if l.deque {
				return Val{}, newErr(ValueError, "%s is not in deque", vm.repr(args[0]))
			}
			return Val{}, newErr(ValueError, "list.index(x): x not in list")
		}
		return IntVal(int64(i)), nil
	case "count":
		if len(args) != 1 {
			break
		}
		n := 0
		for i := 0; i < l.Len(); {
			j, err := vm.listFind(l, args[0], i, l.Len())
			if err != nil {
				return Val{}, err
			}
			if j < 0 {
				break
			}
			n, i = n+1, j+1
		}
		return IntVal(int64(n)), nil
	case "sort":
		pos, kw := splitKw(args, kwn)
		if len(pos) > 0 {
			return Val{}, newErr(TypeError, "sort() takes no positional arguments")
		}
		return NoneVal, vm.sortList(l, kw)
	case "copy":
		c := l.slice(0, int64(l.Len()), 1)
		c.deque, c.dqMax = l.deque, l.dqMax
		return ObjVal(c), nil
	case "clear":
		// Field by field: seq is the word the caller holds once threads
		// run (objlock.go), and zeroing it left the list locked for good.
		l.vals, l.objs, l.pk, l.priv = nil, nil, nil, false
		return NoneVal, nil
	}
	return vm.seqMethod(l.kind(), l.items(), name, args)
}

func (vm *VM) dictMethod(d *Dict, name string, args []Val, kwn []string) (Val, error) {
	if d.counter && (name == "update" || name == "subtract") {
		return vm.counterAdjust(d, name, args, kwn)
	}
	switch name {
	case "most_common", "elements", "total", "subtract":
		if !d.counter {
			return Val{}, attrErr(ObjVal(d), name)
		}
		es := vm.mostCommon(d)
		switch name {
		case "most_common":
			if len(args) > 0 && args[0].T != tagNone {
				// Counter.most_common(n) slices by n: any index.
				n, ok, err := vm.asIndex(args[0], math.MaxInt64/2)
				if err != nil {
					return Val{}, err
				}
				if !ok {
					return Val{}, newErr(TypeError, "slice indices must be integers or None or have an __index__ method")
				}
				if n < int64(len(es)) {
					es = es[:max(0, n)]
				}
			}
			out := make([]Val, len(es))
			for i, e := range es {
				out[i] = ObjVal(&Tuple{items: []Val{e.k, e.v}})
			}
			return ObjVal(newList(out)), nil
		case "total":
			t := IntVal(0)
			for _, e := range d.live() {
				t, _ = vm.binop(opAdd, t, e.v)
			}
			return t, nil
		}
		var out []Val
		for _, e := range d.live() {
			for i := int64(0); i < int64(e.v.B) && e.v.T == tagInt; i++ {
				out = append(out, e.k)
			}
		}
		return ObjVal(&seqIter{items: out}), nil
	case "get":
		if len(args) < 1 || len(args) > 2 {
			return Val{}, newErr(TypeError, "get expected at least 1 argument, got %d", len(args))
		}
		v, ok, err := d.get(args[0])
		if err != nil {
			return Val{}, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return NoneVal, nil
	case "keys", "values", "items":
		return ObjVal(&DictView{d: d, kind: name}), nil
	case "pop":
		if len(args) < 1 {
			return Val{}, newErr(TypeError, "pop expected at least 1 argument, got 0")
		}
		if err := dictPopArgs(d, name, args, kwn); err != nil {
			return Val{}, err
		}
		v, ok, err := d.del(args[0])
		if err != nil {
			return Val{}, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return Val{}, newErrVal(KeyError, args[0])
	case "move_to_end":
		if !d.ordered {
			return Val{}, attrErr(ObjVal(d), name)
		}
		return d.moveToEnd(args, kwn)
	case "popitem":
		if d.ordered {
			return d.odPopitem(args, kwn)
		}
		for i := len(d.entries) - 1; i >= 0; i-- {
			if !d.entries[i].deleted() {
				k, v := d.entries[i].key(), d.entries[i].val()
				d.delAt(i)
				return ObjVal(&Tuple{items: []Val{k, v}}), nil
			}
		}
		return Val{}, newErr(KeyError, "popitem(): dictionary is empty")
	case "setdefault":
		if len(args) == 0 || len(args) > 2 && !d.ordered {
			return Val{}, newErr(TypeError, "setdefault expected at %s, got %d", map[bool]string{true: "least 1 argument", false: "most 2 arguments"}[len(args) == 0], len(args))
		}
		if err := dictPopArgs(d, name, args, kwn); err != nil {
			return Val{}, err
		}
		v, ok, err := d.get(args[0])
		if err != nil {
			return Val{}, err
		}
		if ok {
			return v, nil
		}
		def := NoneVal
		if len(args) > 1 {
			def = args[1]
		}
		return def, d.set(args[0], def)
	case "update":
		pos, kw := splitKw(args, kwn)
		if d.counter && len(pos) > 0 {
			return NoneVal, vm.counterUpdate(d, pos[0])
		}
		if len(pos) > 0 {
			if err := vm.mergeArg(d, pos[0]); err != nil {
				return Val{}, err
			}
		}
		for _, k := range kwn {
			d.set(StrVal(k), kw[k])
		}
		return NoneVal, nil
	case "copy":
		// Of its kind: a Counter's copy is a Counter, a defaultdict's
		// keeps its factory.
		c := d.copy()
		c.ordered, c.counter, c.factory = d.ordered, d.counter, d.factory
		return ObjVal(c), nil
	case "clear":
		d.clear()
		return NoneVal, nil
	}
	return Val{}, newErr(AttributeError, "'dict' object has no attribute '%s'", name)
}

func (vm *VM) setMethod(s *Set, name string, args []Val, kwn []string) (Val, error) {
	switch name {
	case "union", "intersection", "difference", "update", "intersection_update", "difference_update":
		if len(args) != 1 && len(kwn) == 0 {
			// Any number of others, one at a time: the copy (or s itself
			// for the updates) with each applied in turn.
			r := s
			if !strings.HasSuffix(name, "update") {
				r = s.copy()
				name += "_update"
				if name == "union_update" {
					name = "update"
				}
			}
			for _, a := range args {
				if _, err := vm.setMethod(r, name, []Val{a}, nil); err != nil {
					return Val{}, err
				}
			}
			if r == s {
				return NoneVal, nil
			}
			return ObjVal(r), nil
		}
	}
	// arg is the one argument; other is it as a set (a new one unless it is
	// a set already), for the methods that take any iterable.
	arg := func() (Val, error) {
		if len(args) != 1 {
			return Val{}, argErr("set", name, 1, len(args))
		}
		return args[0], nil
	}
	other := func() (*Set, error) {
		a, err := arg()
		if err != nil {
			return nil, err
		}
		if o, ok := a.O.(*Set); ok {
			return o, nil
		}
		items, err := vm.iterate(a)
		if err != nil {
			return nil, err
		}
		o := newSet()
		return o, o.update(nil, items)
	}
	switch name {
	case "add":
		a, err := arg()
		if err != nil {
			return Val{}, err
		}
		return NoneVal, s.add(a)
	case "remove", "discard":
		a, err := arg()
		if err != nil {
			return Val{}, err
		}
		ok, err := s.discard(a)
		if err != nil {
			return Val{}, err
		}
		if !ok && name == "remove" {
			if err := vm.takePending(); err != nil {
				return Val{}, err // a key's __eq__ raised: that, not KeyError
			}
			return Val{}, newErrVal(KeyError, a)
		}
		return NoneVal, nil
	case "pop":
		k, ok := s.pop()
		if !ok {
			return Val{}, newErr(KeyError, "pop from an empty set")
		}
		return k, nil
	case "copy":
		if s.frozen {
			return ObjVal(s), nil
		}
		return ObjVal(s.copy()), nil
	case "clear":
		s.clear()
		return NoneVal, nil
	case "update":
		a, err := arg()
		if err != nil {
			return Val{}, err
		}
		var items []Val
		switch a.O.(type) {
		case *Set, *Dict:
		default:
			if items, err = vm.iterate(a); err != nil {
				return Val{}, err
			}
		}
		return NoneVal, s.update(a.O, items)
	case "union", "intersection", "difference", "symmetric_difference":
		a, err := arg()
		if err != nil {
			return Val{}, err
		}
		if _, isSet := a.O.(*Set); !isSet && name != "symmetric_difference" {
			// CPython walks any other iterable as it comes.
			items, err := vm.iterate(a)
			if err != nil {
				return Val{}, err
			}
			var r *Set
			switch name {
			case "union":
				r = s.copy()
				err = r.update(nil, items)
			case "intersection":
				if r, err = s.intersectionItems(items); err != nil {
					return Val{}, err
				}
			default:
				r = s.copy()
				for _, x := range items {
					if _, err := r.discard(x); err != nil {
						return Val{}, err
					}
				}
				err = r.purge()
			}
			return ObjVal(r), err
		}
		o, err := other()
		if err != nil {
			return Val{}, err
		}
		if _, isSet := a.O.(*Set); !isSet {
			// symmetric_difference: the new set from the iterable is the
			// result, updated with s.
			return ObjVal(o), o.symmetricDifferenceUpdate(s)
		}
		op := map[string]Op{"union": opBitOr, "intersection": opBitAnd, "difference": opSub, "symmetric_difference": opBitXor}[name]
		return vm.setOp(op, s, o)
	case "intersection_update", "difference_update", "symmetric_difference_update":
		if _, isSet := args[0].O.(*Set); !isSet && name == "intersection_update" {
			// CPython walks any other iterable as it comes.
			items, err := vm.iterate(args[0])
			if err != nil {
				return Val{}, err
			}
			r, err := s.intersectionItems(items)
			if err != nil {
				return Val{}, err
			}
			s.assign(r)
			return NoneVal, nil
		}
		o, err := other()
		if err != nil {
			return Val{}, err
		}
		switch name {
		case "intersection_update":
			s.assign(s.intersection(o))
		case "difference_update":
			s.differenceUpdate(o)
		default:
			err = s.symmetricDifferenceUpdate(o)
		}
		return NoneVal, err
	case "issubset", "issuperset":
		o, err := other()
		if err != nil {
			return Val{}, err
		}
		op := opLe
		if name == "issuperset" {
			op = opGe
		}
		r, err := vm.compare(op, ObjVal(s), ObjVal(o))
		return BoolVal(r), err
	case "isdisjoint":
		o, err := other()
		if err != nil {
			return Val{}, err
		}
		for _, k := range s.keys() {
			if in, _ := o.has(k); in {
				return False, nil
			}
		}
		return True, nil
	}
	return Val{}, newErr(AttributeError, "'set' object has no attribute '%s'", name)
}

func strArg(v Val, what string) (string, error) {
	if s, ok := v.O.(*Str); ok && v.T == tagObject {
		return s.s, nil
	}
	if b, ok := builtinValue(v); ok && b.isStr() {
		return b.str().s, nil // a str subclass
	}
	return "", newErr(TypeError, "%s", what)
}

func (vm *VM) strMethod(s *Str, name string, args []Val, kwn []string) (Val, error) {
	str := s.s
	if name != "format" && len(kwn) > 0 {
		if name != "split" && name != "rsplit" {
			return Val{}, newErr(TypeError, "str.%s() takes no keyword arguments", name)
		}
	}
	switch name {
	case "upper":
		return StrVal(strings.ToUpper(str)), nil
	case "lower", "casefold":
		return StrVal(strings.ToLower(str)), nil
	case "swapcase":
		return StrVal(strings.Map(func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}, str)), nil
	case "strip", "lstrip", "rstrip":
		if len(args) == 0 || args[0].T == tagNone {
			switch name {
			case "strip":
				return StrVal(strings.TrimFunc(str, pyIsSpace)), nil
			case "lstrip":
				return StrVal(strings.TrimLeftFunc(str, pyIsSpace)), nil
			}
			return StrVal(strings.TrimRightFunc(str, pyIsSpace)), nil
		}
		cut, err := strArg(args[0], "strip arg must be None or str")
		if err != nil {
			return Val{}, err
		}
		switch name {
		case "strip":
			return StrVal(strings.Trim(str, cut)), nil
		case "lstrip":
			return StrVal(strings.TrimLeft(str, cut)), nil
		}
		return StrVal(strings.TrimRight(str, cut)), nil
	case "split", "rsplit":
		pos, kw := splitKw(args, kwn)
		sep := NoneVal
		maxsplit := int64(-1)
		if len(pos) > 0 {
			sep = pos[0]
		} else if v, ok := kw["sep"]; ok {
			sep = v
		}
		maxsplitArg, given := kw["maxsplit"]
		if len(pos) > 1 {
			maxsplitArg, given = pos[1], true
		}
		if given {
			var err error
			if maxsplit, err = vm.ssizeArg(maxsplitArg); err != nil {
				return Val{}, err
			}
		}
		var parts []string
		if sep.T == tagNone {
			parts = splitWhite(str, int(maxsplit), name == "rsplit")
		} else {
			sp, err := strArg(sep, "must be str or None, not "+typeName(sep))
			if err != nil {
				return Val{}, err
			}
			if sp == "" {
				return Val{}, newErr(ValueError, "empty separator")
			}
			if maxsplit < 0 {
				parts = strings.Split(str, sp)
			} else if name == "split" {
				parts = strings.SplitN(str, sp, int(maxsplit)+1)
			} else {
				parts = rsplitN(str, sp, int(maxsplit))
			}
		}
		out := make([]Val, len(parts))
		for i, p := range parts {
			out[i] = StrVal(p)
		}
		return ObjVal(newList(out)), nil
	case "splitlines":
		lines := strings.Split(strings.TrimSuffix(strings.ReplaceAll(str, "\r\n", "\n"), "\n"), "\n")
		if str == "" {
			lines = nil
		}
		out := make([]Val, len(lines))
		for i, p := range lines {
			out[i] = StrVal(p)
		}
		return ObjVal(newList(out)), nil
	case "join":
		if len(args) != 1 {
			return Val{}, argErr("str", name, 1, len(args))
		}
		items, err := vm.joinItems(args[0])
		if err != nil {
			return Val{}, err
		}
		parts := make([]string, len(items))
		for i, it := range items {
			p, ok := it.O.(*Str)
			if !ok || it.T != tagObject {
				if b, isSub := builtinValue(it); isSub && b.isStr() {
					parts[i] = b.str().s
					continue
				}
				return Val{}, newErr(TypeError, "sequence item %d: expected str instance, %s found", i, typeName(it))
			}
			parts[i] = p.s
		}
		return StrVal(strings.Join(parts, str)), nil
	case "replace":
		if len(args) < 2 {
			return Val{}, newErr(TypeError, "replace() takes at least 2 positional arguments (%d given)", len(args))
		}
		old, err := strArg(args[0], "replace() argument 1 must be str, not "+typeName(args[0]))
		if err != nil {
			return Val{}, err
		}
		nw, err := strArg(args[1], "replace() argument 2 must be str, not "+typeName(args[1]))
		if err != nil {
			return Val{}, err
		}
		if len(args) > 3 {
			return Val{}, newErr(TypeError, "replace() takes at most 3 arguments (%d given)", len(args))
		}
		n := -1
		if len(args) > 2 {
			// count is any index; one too big for a C ssize_t is refused.
			if isBigInt(args[2]) {
				return Val{}, newErr(OverflowError, "Python int too large to convert to C ssize_t")
			}
			i, ok, err := vm.asIndex(args[2], 1<<62)
			if err != nil {
				return Val{}, err
			}
			if !ok {
				return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[2]))
			}
			n = int(max(i, -1))
		}
		return StrVal(strings.Replace(str, old, nw, n)), nil
	case "find", "rfind", "index", "rindex", "count":
		if len(args) < 1 {
			return Val{}, newErr(TypeError, "%s expected at least 1 argument, got 0", name)
		}
		sub, err := strArg(args[0], "must be str, not "+typeName(args[0]))
		if err != nil {
			return Val{}, err
		}
		if args, err = vm.strSliceIndexArgs(args); err != nil {
			return Val{}, err
		}
		// An ASCII str is indexed by bytes: no copy into runes per call
		// (a file's readline calls find(sep, pos) on an 8 KiB chunk).
		var rs []rune
		n := len(str)
		ascii := s.ascii()
		if !ascii {
			rs = s.runeSlice()
			n = len(rs)
		}
		start, end := 0, n
		past := false // start beyond the end: nothing is found, not even ''
		if len(args) > 1 && args[1].T != tagNone {
			past = int64(args[1].B) > int64(n)
			start = clampIdx(int64(args[1].B), n)
		}
		if len(args) > 2 && args[2].T != tagNone {
			end = clampIdx(int64(args[2].B), n)
		}
		if past || end-start < utf8.RuneCountInString(sub) {
			switch name {
			case "count":
				return IntVal(0), nil
			case "index", "rindex":
				return Val{}, newErr(ValueError, "substring not found")
			}
			return IntVal(-1), nil
		}
		var hay string
		if ascii {
			hay = str[start:end]
		} else {
			hay = string(rs[start:end])
		}
		if name == "count" {
			if start > n {
				return IntVal(0), nil
			}
			if sub == "" {
				return IntVal(int64(len([]rune(hay)) + 1)), nil
			}
			return IntVal(int64(strings.Count(hay, sub))), nil
		}
		var i int
		if name == "find" || name == "index" {
			i = strings.Index(hay, sub)
		} else {
			i = strings.LastIndex(hay, sub)
		}
		if i >= 0 {
			if !ascii {
				i = utf8.RuneCountInString(hay[:i])
			}
			i += start
		} else if name == "index" || name == "rindex" {
			return Val{}, newErr(ValueError, "substring not found")
		}
		return IntVal(int64(i)), nil
	case "startswith", "endswith":
		if len(args) < 1 {
			return Val{}, newErr(TypeError, "%s expected at least 1 argument, got 0", name)
		}
		args, err := vm.strSliceIndexArgs(args)
		if err != nil {
			return Val{}, err
		}
		var cands []string
		if t, ok := args[0].O.(*Tuple); ok {
			for _, x := range t.items {
				c, err := strArg(x, "tuple for "+name+" must only contain str, not "+typeName(x))
				if err != nil {
					return Val{}, err
				}
				cands = append(cands, c)
			}
		} else {
			c, err := strArg(args[0], name+" first arg must be str or a tuple of str, not "+typeName(args[0]))
			if err != nil {
				return Val{}, err
			}
			cands = []string{c}
		}
		// hay is str[start:end], as slice indices; an ASCII str is cut by
		// bytes, not copied into runes per call (a parser's
		// s.startswith(word, pos) over a whole document).
		hay := str
		if len(args) > 1 {
			var rs []rune
			n := len(str)
			ascii := s.ascii()
			if !ascii {
				rs = s.runeSlice()
				n = len(rs)
			}
			start, end := 0, n
			if args[1].T != tagNone {
				if int64(args[1].B) > int64(n) {
					return False, nil // past the end: not even '' is there
				}
				start = clampIdx(int64(args[1].B), n)
			}
			if len(args) > 2 && args[2].T != tagNone {
				end = clampIdx(int64(args[2].B), n)
			}
			if end < start {
				return False, nil
			}
			if ascii {
				hay = str[start:end]
			} else {
				hay = string(rs[start:end])
			}
		}
		for _, c := range cands {
			if name == "startswith" && strings.HasPrefix(hay, c) || name == "endswith" && strings.HasSuffix(hay, c) {
				return True, nil
			}
		}
		return False, nil
	case "isdigit", "isnumeric", "isdecimal":
		is := isDecimalRune
		switch name {
		case "isdigit":
			is = isDigitRune
		case "isnumeric":
			is = isNumericRune
		}
		return BoolVal(str != "" && strings.IndexFunc(str, func(r rune) bool { return !is(r) }) < 0), nil
	case "isalpha":
		return BoolVal(str != "" && strings.IndexFunc(str, func(r rune) bool { return !unicode.IsLetter(r) }) < 0), nil
	case "isalnum":
		return BoolVal(str != "" && strings.IndexFunc(str, func(r rune) bool { return !unicode.IsLetter(r) && !isNumericRune(r) }) < 0), nil
	case "isspace":
		return BoolVal(str != "" && strings.IndexFunc(str, func(r rune) bool { return !pyIsSpace(r) }) < 0), nil
	case "isupper", "islower":
		has := false
		for _, r := range str {
			if unicode.IsUpper(r) || unicode.IsLower(r) {
				has = true
				if name == "isupper" && unicode.IsLower(r) || name == "islower" && unicode.IsUpper(r) {
					return False, nil
				}
			}
		}
		return BoolVal(has), nil
	case "isidentifier":
		ok := str != ""
		for i, r := range str {
			if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
				ok = false
			}
		}
		return BoolVal(ok), nil
	case "title":
		if !s.ascii() {
			return StrVal(titleFull(str)), nil
		}
		var b strings.Builder
		prev := false
		for _, r := range str {
			if unicode.IsLetter(r) {
				if prev {
					b.WriteRune(unicode.ToLower(r))
				} else {
					b.WriteRune(unicode.ToUpper(r))
				}
				prev = true
			} else {
				b.WriteRune(r)
				prev = false
			}
		}
		return StrVal(b.String()), nil
	case "capitalize":
		if !s.ascii() {
			return StrVal(capitalizeFull(str)), nil
		}
		rs := []rune(strings.ToLower(str))
		if len(rs) > 0 {
			rs[0] = unicode.ToUpper(rs[0])
		}
		return StrVal(string(rs)), nil
	case "center", "ljust", "rjust":
		if len(args) < 1 {
			return Val{}, newErr(TypeError, "%s expected at least 1 argument, got 0", name)
		}
		w64, err := vm.ssizeArg(args[0])
		if err != nil {
			return Val{}, err
		}
		w := int(w64)
		fill := " "
		if len(args) > 1 {
			f, err := strArg(args[1], "The fill character must be exactly one character long")
			if err != nil || len([]rune(f)) != 1 {
				return Val{}, newErr(TypeError, "The fill character must be exactly one character long")
			}
			fill = f
		}
		n := s.length()
		if w <= n {
			return StrVal(str), nil
		}
		pad := w - n
		if err := memCheckMul(uint64(pad), uint64(len(fill))); err != nil {
			return Val{}, err
		}
		switch name {
		case "ljust":
			return StrVal(str + strings.Repeat(fill, pad)), nil
		case "rjust":
			return StrVal(strings.Repeat(fill, pad) + str), nil
		}
		left := pad / 2
		if pad%2 == 1 && w%2 == 1 {
			left++
		}
		return StrVal(strings.Repeat(fill, left) + str + strings.Repeat(fill, pad-left)), nil
	case "zfill":
		if len(args) != 1 {
			return Val{}, argErr("str", name, 1, len(args))
		}
		w64, err := vm.ssizeArg(args[0])
		if err != nil {
			return Val{}, err
		}
		w := int(w64)
		if err := memCheck(uint64(max(w, 0))); err != nil {
			return Val{}, err
		}
		n := s.length()
		if w <= n {
			return StrVal(str), nil
		}
		sign := ""
		body := str
		if strings.HasPrefix(str, "-") || strings.HasPrefix(str, "+") {
			sign, body = str[:1], str[1:]
		}
		return StrVal(sign + strings.Repeat("0", w-n) + body), nil
	case "partition", "rpartition":
		if len(args) != 1 {
			return Val{}, argErr("str", name, 1, len(args))
		}
		sep, err := strArg(args[0], "must be str, not "+typeName(args[0]))
		if err != nil {
			return Val{}, err
		}
		if sep == "" {
			return Val{}, newErr(ValueError, "empty separator")
		}
		var i int
		if name == "partition" {
			i = strings.Index(str, sep)
		} else {
			i = strings.LastIndex(str, sep)
		}
		if i < 0 {
			if name == "partition" {
				return ObjVal(&Tuple{items: []Val{StrVal(str), StrVal(""), StrVal("")}}), nil
			}
			return ObjVal(&Tuple{items: []Val{StrVal(""), StrVal(""), StrVal(str)}}), nil
		}
		return ObjVal(&Tuple{items: []Val{StrVal(str[:i]), StrVal(sep), StrVal(str[i+len(sep):])}}), nil
	case "format":
		return vm.strFormat(str, args, kwn)
	case "format_map":
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "str.format_map() takes exactly one argument (%d given)", len(args))
		}
		return vm.strFormatMap(str, args[0])
	case "expandtabs":
		return StrVal(strings.ReplaceAll(str, "\t", "        ")), nil
	}
	return Val{}, newErr(AttributeError, "'str' object has no attribute '%s'", name)
}

// pyIsSpace is str.isspace of one character: Go's unicode.IsSpace (the
// White_Space property) with the four ASCII separators \x1c-\x1f, which
// CPython counts as whitespace too.
func pyIsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return pyASCIISpace[r]
	}
	return unicode.IsSpace(r)
}

// splitWhite is str.split(None, maxsplit) (rsplit when right) as CPython
// splits: runs of whitespace separate words, and once maxsplit words are
// taken the rest, stripped on the side the split came from only, is the
// last item (a negative maxsplit takes every word).
func splitWhite(s string, maxsplit int, right bool) []string {
	out := []string{}
	if maxsplit < 0 {
		maxsplit = len(s)
	}
	if !right {
		i := 0
		for ; maxsplit > 0; maxsplit-- {
			i += spaceRun(s[i:])
			if i == len(s) {
				return out
			}
			j := i
			i += wordRun(s[i:])
			out = append(out, s[j:i])
		}
		if i += spaceRun(s[i:]); i < len(s) {
			out = append(out, s[i:])
		}
		return out
	}
	i := len(s)
	for ; maxsplit > 0; maxsplit-- {
		i -= spaceRunBack(s[:i])
		if i == 0 {
			break
		}
		j := i
		i -= wordRunBack(s[:i])
		out = append(out, s[i:j])
	}
	if i > 0 {
		if i -= spaceRunBack(s[:i]); i > 0 {
			out = append(out, s[:i])
		}
	}
	slices.Reverse(out)
	return out
}

// spaceRun and wordRun are the byte lengths of the whitespace and the
// non-whitespace that s starts with; the Back forms, that s ends with.
func spaceRun(s string) int {
	if i := strings.IndexFunc(s, func(r rune) bool { return !pyIsSpace(r) }); i >= 0 {
		return i
	}
	return len(s)
}

func wordRun(s string) int {
	if i := strings.IndexFunc(s, pyIsSpace); i >= 0 {
		return i
	}
	return len(s)
}

func spaceRunBack(s string) int {
	return len(s) - len(strings.TrimRightFunc(s, pyIsSpace))
}

func wordRunBack(s string) int {
	return len(s) - len(strings.TrimRightFunc(s, func(r rune) bool { return !pyIsSpace(r) }))
}

func rsplitN(s, sep string, n int) []string {
	var out []string
	for n > 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		out = append([]string{s[i+len(sep):]}, out...)
		s = s[:i]
		n--
	}
	return append([]string{s}, out...)
}

// strSliceIndexArgs is args with its start and end (args[1], args[2]) as
// ints or None: an __index__ object's value, a big int clamped; anything
// else is CPython's TypeError. (find, count, startswith ... read .B.)
func (vm *VM) strSliceIndexArgs(args []Val) ([]Val, error) {
	out := args
	for k := 1; k < len(args) && k < 3; k++ {
		v := args[k]
		if v.T == tagInt || v.T == tagNone {
			continue
		}
		i, ok, err := vm.asIndex(v, math.MaxInt64/2)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, newErr(TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		if &out[0] == &args[0] {
			out = append([]Val(nil), args...)
		}
		out[k] = IntVal(i)
	}
	return out, nil
}
