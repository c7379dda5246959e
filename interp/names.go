package interp

import (
	"maps"
	"slices"
	"sort"
	"strings"
)

// Names CPython offers as "Did you mean" candidates: the builtins in
// their dict order, and dir() of the built-in types (sorted, as dir is).
var builtinNames = []string{"__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True", "bool", "memoryview", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map", "object", "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip", "__debug__", "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError", "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError", "KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError", "open", "quit", "exit", "copyright", "credits", "license", "help"}

var typeDir = map[string][]string{
	"list":              {"__add__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__delitem__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getstate__", "__gt__", "__hash__", "__iadd__", "__imul__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__reversed__", "__rmul__", "__setattr__", "__setitem__", "__sizeof__", "__str__", "__subclasshook__", "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"},
	"collections.deque": {"__add__", "__class__", "__class_getitem__", "__contains__", "__copy__", "__delattr__", "__delitem__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getstate__", "__gt__", "__hash__", "__iadd__", "__imul__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__module__", "__mul__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__reversed__", "__rmul__", "__setattr__", "__setitem__", "__sizeof__", "__str__", "__subclasshook__", "append", "appendleft", "clear", "copy", "count", "extend", "extendleft", "index", "insert", "maxlen", "pop", "popleft", "remove", "reverse", "rotate"},
	"dict":              {"__class__", "__class_getitem__", "__contains__", "__delattr__", "__delitem__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__ior__", "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__or__", "__reduce__", "__reduce_ex__", "__repr__", "__reversed__", "__ror__", "__setattr__", "__setitem__", "__sizeof__", "__str__", "__subclasshook__", "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"},
	"str":               {"__add__", "__class__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__mod__", "__mul__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__rmod__", "__rmul__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"},
	"tuple":             {"__add__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__rmul__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", "count", "index"},
	"int":               {"__abs__", "__add__", "__and__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__", "__divmod__", "__doc__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__", "__ge__", "__getattribute__", "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__index__", "__init__", "__init_subclass__", "__int__", "__invert__", "__le__", "__lshift__", "__lt__", "__mod__", "__mul__", "__ne__", "__neg__", "__new__", "__or__", "__pos__", "__pow__", "__radd__", "__rand__", "__rdivmod__", "__reduce__", "__reduce_ex__", "__repr__", "__rfloordiv__", "__rlshift__", "__rmod__", "__rmul__", "__ror__", "__round__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "__xor__", "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "numerator", "real", "to_bytes"},
	"float":             {"__abs__", "__add__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__", "__divmod__", "__doc__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__", "__ge__", "__getattribute__", "__getformat__", "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__int__", "__le__", "__lt__", "__mod__", "__mul__", "__ne__", "__neg__", "__new__", "__pos__", "__pow__", "__radd__", "__rdivmod__", "__reduce__", "__reduce_ex__", "__repr__", "__rfloordiv__", "__rmod__", "__rmul__", "__round__", "__rpow__", "__rsub__", "__rtruediv__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"},
	"frozenset":         {"__and__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__or__", "__rand__", "__reduce__", "__reduce_ex__", "__repr__", "__ror__", "__rsub__", "__rxor__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__xor__", "copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"},
	"set":               {"__and__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__iand__", "__init__", "__init_subclass__", "__ior__", "__isub__", "__iter__", "__ixor__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__or__", "__rand__", "__reduce__", "__reduce_ex__", "__repr__", "__ror__", "__rsub__", "__rxor__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__xor__", "add", "clear", "copy", "difference", "difference_update", "discard", "intersection", "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove", "symmetric_difference", "symmetric_difference_update", "union", "update"},
	"NoneType":          {"__bool__", "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__"},
	"bool":              {"__abs__", "__add__", "__and__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__", "__divmod__", "__doc__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__", "__ge__", "__getattribute__", "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__index__", "__init__", "__init_subclass__", "__int__", "__invert__", "__le__", "__lshift__", "__lt__", "__mod__", "__mul__", "__ne__", "__neg__", "__new__", "__or__", "__pos__", "__pow__", "__radd__", "__rand__", "__rdivmod__", "__reduce__", "__reduce_ex__", "__repr__", "__rfloordiv__", "__rlshift__", "__rmod__", "__rmul__", "__ror__", "__round__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "__xor__", "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "numerator", "real", "to_bytes"},
	"range":             {"__bool__", "__class__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__reversed__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", "count", "index", "start", "step", "stop"},
	"math":              {"__doc__", "__file__", "__loader__", "__name__", "__package__", "__spec__", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cbrt", "ceil", "comb", "copysign", "cos", "cosh", "degrees", "dist", "e", "erf", "erfc", "exp", "exp2", "expm1", "fabs", "factorial", "floor", "fmod", "frexp", "fsum", "gamma", "gcd", "hypot", "inf", "isclose", "isfinite", "isinf", "isnan", "isqrt", "lcm", "ldexp", "lgamma", "log", "log10", "log1p", "log2", "modf", "nan", "nextafter", "perm", "pi", "pow", "prod", "radians", "remainder", "sin", "sinh", "sqrt", "tan", "tanh", "tau", "trunc", "ulp"},
}

const (
	moveCost         = 2
	caseCost         = 1
	maxCandidates    = 750
	maxSuggestString = 40
)

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return moveCost
	}
	if a == b {
		return 0
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return caseCost
	}
	return moveCost
}

// levenshtein is CPython's suggestion distance: moves cost 2, case changes 1.
func levenshtein(a, b string, maxCost int) int {
	if a == b {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > maxSuggestString || len(b) > maxSuggestString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > maxCost {
		return maxCost + 1
	}
	buf := make([]int, len(a))
	for i := range buf {
		buf[i] = (i + 1) * moveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * moveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = buf[i]
			insertDelete := min(result, distance) + moveCost
			result = min(insertDelete, substitute)
			buf[i] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// suggest picks the candidate closest to name, as CPython's traceback does.
func suggest(candidates []string, name string) string {
	if len(candidates) > maxCandidates {
		return ""
	}
	best := ""
	bestDist := int(^uint(0) >> 1)
	for _, c := range candidates {
		if c == name {
			continue
		}
		maxDist := (len(name) + len(c) + 3) * moveCost / 6
		maxDist = min(maxDist, bestDist-1)
		d := levenshtein(name, c, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

var stdlibModules = map[string]bool{"math": true, "sys": true, "os": true, "random": true, "time": true,
	"collections": true, "itertools": true, "functools": true, "re": true, "json": true, "string": true,
	"heapq": true, "bisect": true, "copy": true, "operator": true, "statistics": true, "decimal": true,
	"fractions": true, "datetime": true, "typing": true, "dataclasses": true, "array": true}

// nameErrorMsg words a NameError the way CPython 3.14's traceback does,
// with its "Did you mean" and "Did you forget to import" hints.
func (vm *VM) nameErrorMsg(f *frame, name string) string {
	slot := name
	name = globalBase(name)
	var cands []string
	if f != nil && !f.code.isModule {
		for i, n := range f.code.localNames {
			if f.regs[i].Tag != tagEmpty {
				cands = append(cands, n)
			}
		}
	}
	if m := vm.moduleOfSlot(slot); m != nil {
		// A program module's function: its module's names are the globals.
		// (In the order its code bound them, as CPython's dict lists them.)
		seen := map[string]bool{}
		if pm := vm.progMods[m.name]; pm != nil && vm.pylibNS[pm.file] != nil {
			for _, k := range vm.pylibNS[pm.file].keys() {
				if s, ok := k.O.(*Str); ok && k.T == tagObject {
					seen[s.s] = true
					cands = append(cands, s.s)
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(m.table())) {
			if !seen[k] {
				cands = append(cands, k)
			}
		}
		cands = append(cands, builtinNames...)
		return nameErrorText(name, cands)
	}
	cands = append(cands, "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__", "__file__", "__cached__")
	for i, n := range vm.mod.gnames {
		if g := vm.mod.load(int32(i)); g.T != tagEmpty {
			if _, isBuiltin := vm.bi[n]; isBuiltin && g == vm.bi[n] {
				continue
			}
			cands = append(cands, n)
		}
	}
	cands = append(cands, builtinNames...)
	return nameErrorText(name, cands)
}

// moduleOfSlot is the program module whose free name a global slot is
// (moduleFree), or nil.
func (vm *VM) moduleOfSlot(slot string) *Module {
	rest, ok := strings.CutPrefix(slot, nsGlobalPrefix)
	if !ok {
		return nil
	}
	i := strings.LastIndexByte(rest, 0)
	if i < 0 {
		return nil
	}
	m := vm.modules[rest[:i]]
	if m == nil || m.free == nil {
		return nil
	}
	return m
}

func nameErrorText(name string, cands []string) string {
	msg := "name '" + name + "' is not defined"
	s := suggest(cands, name)
	if s != "" {
		msg += hintSep + ". Did you mean: '" + s + "'?"
	}
	if stdlibModules[name] {
		if s != "" {
			msg += " Or did you forget to import '" + name + "'?"
		} else {
			msg += hintSep + ". Did you forget to import '" + name + "'?"
		}
	}
	return msg
}

// importHint is the "Did you mean" CPython 3.12+'s traceback adds to a
// failed from-import: the closest name in dir(module), names starting
// with '_' left out unless name does (traceback.py
// _compute_suggestion_error).
func importHint(m *Module, name string) string {
	cands := typeDir[m.name]
	if cands == nil {
		for k := range m.table() {
			cands = append(cands, k)
		}
		sort.Strings(cands)
	}
	if !strings.HasPrefix(name, "_") {
		var pub []string
		for _, c := range cands {
			if !strings.HasPrefix(c, "_") {
				pub = append(pub, c)
			}
		}
		cands = pub
	}
	if s := suggest(cands, name); s != "" {
		return hintSep + ". Did you mean: '" + s + "'?"
	}
	return ""
}

// attrErr is the AttributeError for o lacking name, with the name and
// obj attributes CPython 3.10+ gives it.
func attrErr(o Val, name string) *PyErr {
	return withAttrInfo(newErr(AttributeError, "%s", attrErrorMsg(o, name)), o, name)
}

// withAttrInfo sets AttributeError e's name and obj.
func withAttrInfo(e *PyErr, o Val, name string) *PyErr {
	e.exc.attrs.set("name", StrVal(name))
	e.exc.attrs.set("obj", o)
	return e
}

// nameErr is the NameError msg for name, which it keeps as its name
// attribute (msg may hold a hint after hintSep).
func nameErr(msg, name string) *PyErr {
	e := newErr(NameError, "%s", msg)
	e.exc.attrs.set("name", StrVal(name))
	return e
}

// attrErrorMsg is AttributeError's message with CPython's suggestion.
func attrErrorMsg(v Val, name string) string {
	t := typeName(v)
	msg := "'" + shownTypeName(v) + "' object has no attribute '" + name + "'"
	if to, ok := v.O.(*typeObj); ok && v.T == tagObject {
		// A built-in type: CPython's type_getattro names it by tp_name.
		msg = "type object '" + tpName(to) + "' has no attribute '" + name + "'"
		t = to.name
	}
	if b, ok := v.O.(*Builtin); ok && v.T == tagObject && b.name == "type" && b.bound.T == tagEmpty && b.objclass == "" && b.native == nil {
		msg = "type object 'type' has no attribute '" + name + "'" // type itself (a Builtin here)
	}
	if m, ok := v.O.(*Module); ok && v.T == tagObject {
		msg = "module '" + m.name + "' has no attribute '" + name + "'"
		if m.running != nil {
			return partialAttrMsg(m, name)
		}
		t = m.name
	}
	cands := typeDir[t]
	if d, ok := v.O.(*Dict); ok && v.T == tagObject && dictKindRow(d) != "" {
		cands = builtinTypeDir(dictKindRow(d))
	}
	if s := suggest(cands, name); s != "" {
		msg += hintSep + ". Did you mean: '" + s + "'?"
	}
	return msg
}

// objectDir is dir(object()): every instance has these names.
var objectDir = []string{"__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
	"__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__",
	"__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__",
	"__subclasshook__", "__dict__", "__module__", "__weakref__"}

// instAttrErrorMsg is AttributeError's message for an instance, with the
// suggestion CPython draws from dir(instance).
func instAttrErrorMsg(x *Instance, name string) string {
	msg := "'" + x.typeName() + "' object has no attribute '" + name + "'"
	seen := map[string]bool{}
	var cands []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			cands = append(cands, n)
		}
	}
	for _, n := range x.attrNames() {
		add(n)
	}
	for _, k := range x.cls.mro {
		for n := range k.attrs {
			add(n)
		}
	}
	for _, n := range objectDir {
		add(n)
	}
	sort.Strings(cands)
	if s := suggest(cands, name); s != "" {
		msg += hintSep + ". Did you mean: '" + s + "'?"
	}
	return msg
}

// tpName is built-in type t's name as CPython's tp_name has it: the C
// types of collections carry their module (Counter is a Python class).
func tpName(t *typeObj) string {
	if t.module == "collections" && t.name != "Counter" {
		return "collections." + t.name
	}
	return t.name
}

// dictKindRow is the builtinTypeRows row of a marked dict's kind
// (collections.OrderedDict ...), "" for a plain dict.
func dictKindRow(d *Dict) string {
	switch {
	case d.ordered:
		return "collections.OrderedDict"
	case d.counter:
		return "collections.Counter"
	case d.factory.T != tagEmpty:
		return "collections.defaultdict"
	}
	return ""
}
