package interp

import (
	"strconv"
	"strings"
)

// Arity of the methods of classes written in Go (nativeClass). A method's
// key in the methods map may carry its signature after the name, so that a
// call with too few or too many arguments raises the TypeError CPython
// raises instead of reaching the Go function with arguments missing:
//
//	"get(key, default=None)"  written in Python in CPython: its messages
//	                          ("missing 1 required positional argument:
//	                          'key'", "takes from 2 to 3 positional
//	                          arguments but 4 were given"), self counted
//	"write[1]"                a C method taking one argument ("takes
//	                          exactly one argument (0 given)"); a dunder
//	                          is a slot wrapper ("expected 1 argument,
//	                          got 0")
//	"read[0,1]"               a C method with an argument range ("read
//	                          expected at most 1 argument, got 2")
//	"[1]!", "[2]_"            a dunder that is a C method, a slot wrapper
//	                          CPython gives no name (see nativeSig.style)
//	"... @Qual"               the name messages give the function instead
//	                          of Class.name
//
// A key without a signature is checked only for self.

// nativeSig is a parsed method signature.
type nativeSig struct {
	qual     string
	py       bool     // Python-level: params are named
	params   []string // Python-level: the parameters after self
	required int      // how many of them have no default
	varargs  bool     // *args
	min, max int      // C-level: the argument range
	// C-level: 'm' a method even when the name is a dunder ("[1]!"),
	// 'e' a slot wrapper whose name CPython leaves empty ("[2]_":
	// " expected 2 arguments, got 0").
	style byte
}

// splitSig splits a methods-map key into the method's name and its
// signature (nil when the key has none).
func splitSig(key, class string) (string, *nativeSig) {
	i := strings.IndexAny(key, "([")
	if i < 0 {
		return key, nil
	}
	name, rest := key[:i], key[i:]
	s := &nativeSig{qual: class + "." + name}
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		s.qual = strings.TrimSpace(rest[at+1:])
		rest = strings.TrimSpace(rest[:at])
	}
	switch {
	case strings.HasSuffix(rest, "!"):
		s.style, rest = 'm', rest[:len(rest)-1]
	case strings.HasSuffix(rest, "_"):
		s.style, rest = 'e', rest[:len(rest)-1]
	}
	inner := rest[1 : len(rest)-1]
	if rest[0] == '[' {
		lo, hi, ok := strings.Cut(inner, ",")
		s.min, _ = strconv.Atoi(lo)
		s.max = s.min
		if ok {
			s.max, _ = strconv.Atoi(hi)
		}
		return name, s
	}
	s.py = true
	for _, p := range strings.Split(inner, ",") {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case strings.HasPrefix(p, "*"):
			s.varargs = true
		case strings.Contains(p, "="):
			s.params = append(s.params, strings.TrimSpace(p[:strings.IndexByte(p, '=')]))
		default:
			s.params = append(s.params, p)
			s.required = len(s.params)
		}
	}
	return name, s
}

// check is the TypeError of a call with args (self first, keyword values
// last, named by kwn), or nil.
func (s *nativeSig) check(name string, args []Val, kwn []string) error {
	npos := len(args) - len(kwn) - 1 // after self
	if !s.py {
		if len(kwn) > 0 {
			return nil // the method's own keyword handling words these
		}
		return s.checkC(name, npos)
	}
	if !s.varargs && npos > len(s.params) {
		if s.required == len(s.params) {
			n := len(s.params) + 1
			return newErr(TypeError, "%s() takes %d positional argument%s but %d %s given", s.qual, n, plural(n), npos+1, wasWere(npos+1))
		}
		return newErr(TypeError, "%s() takes from %d to %d positional arguments but %d %s given", s.qual, s.required+1, len(s.params)+1, npos+1, wasWere(npos+1))
	}
	var missing []string
	for i := max(npos, 0); i < s.required; i++ {
		if indexOf(kwn, s.params[i]) < 0 {
			missing = append(missing, "'"+s.params[i]+"'")
		}
	}
	if len(missing) > 0 {
		return newErr(TypeError, "%s() missing %d required positional argument%s: %s", s.qual, len(missing), plural(len(missing)), andList(missing))
	}
	return nil
}

func (s *nativeSig) checkC(name string, n int) error {
	if n >= s.min && n <= s.max {
		return nil
	}
	switch {
	case s.style == 'e':
		return newErr(TypeError, " expected %d argument%s, got %d", s.min, plural(s.min), n)
	case s.style != 'm' && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") && !notSlots[name] && s.min == s.max:
		return newErr(TypeError, "expected %d argument%s, got %d", s.min, plural(s.min), n)
	case s.min == s.max && s.min == 0:
		return newErr(TypeError, "%s() takes no arguments (%d given)", s.qual, n)
	case s.min == s.max && s.min == 1:
		return newErr(TypeError, "%s() takes exactly one argument (%d given)", s.qual, n)
	case n > s.max:
		return newErr(TypeError, "%s expected at most %d argument%s, got %d", name, s.max, plural(s.max), n)
	}
	return newErr(TypeError, "%s expected at least %d argument%s, got %d", name, s.min, plural(s.min), n)
}

// notSlots are dunder methods that are ordinary methods in C classes, not
// slot wrappers: their arity errors name them.
var notSlots = map[string]bool{"__enter__": true, "__exit__": true, "__round__": true, "__trunc__": true,
	"__floor__": true, "__ceil__": true, "__reduce__": true, "__copy__": true, "__deepcopy__": true,
	"__getnewargs__": true, "__sizeof__": true, "__format__": true, "__dir__": true}

// slotArity is the arity of the special methods of built-in types that
// subclasses of them get (subclass_builtin.go).
var slotArity = map[string]int{"__len__": 0, "__iter__": 0, "__repr__": 0, "__bool__": 0, "__hash__": 0,
	"__neg__": 0, "__pos__": 0, "__abs__": 0, "__int__": 0, "__float__": 0, "__index__": 0, "__str__": 0,
	"__contains__": 1, "__getitem__": 1, "__delitem__": 1, "__eq__": 1, "__ne__": 1, "__lt__": 1, "__le__": 1,
	"__gt__": 1, "__ge__": 1, "__add__": 1, "__radd__": 1, "__mul__": 1, "__rmul__": 1, "__or__": 1,
	"__ror__": 1, "__and__": 1, "__rand__": 1, "__sub__": 1, "__rsub__": 1, "__xor__": 1, "__rxor__": 1,
	"__iadd__": 1, "__ior__": 1, "__getattr__": 1, "__imul__": 1, "__mod__": 1, "__rmod__": 1, "__truediv__": 1,
	"__rtruediv__": 1, "__floordiv__": 1, "__rfloordiv__": 1, "__setitem__": 2}

// withSlotSigs gives the methods of the Go class standing for a subclass
// of the built-in type typ their CPython arity (slotArity), keyed as
// nativeClass reads signatures.
func withSlotSigs(typ string, methods map[string]nativeFn) map[string]nativeFn {
	seq := typ == "list" || typ == "tuple" || typ == "str" || typ == "bytes" || typ == "bytearray"
	out := make(map[string]nativeFn, len(methods))
	for k, f := range methods {
		n, ok := slotArity[k]
		if !ok || strings.ContainsAny(k, "([") {
			out[k] = f
			continue
		}
		sig := "[" + strconv.Itoa(n) + "]"
		switch {
		case k == "__getitem__" && (typ == "list" || typ == "dict"),
			k == "__contains__" && (typ == "dict" || typ == "set" || typ == "frozenset"):
			sig += "! @" + typ + "." + k // a METH_O method of the type
		case k == "__setitem__" || seq && (k == "__mul__" || k == "__rmul__" || k == "__imul__"):
			sig += "_"
		}
		out[k+sig] = f
	}
	return out
}

// pyArgs binds args (keyword values last, named by kwn) to the parameters
// names of a function written in Python in CPython, the first required of
// them without defaults, raising that function's TypeErrors: too many
// positional arguments, an unexpected or repeated keyword, missing
// arguments. Absent optional arguments are left empty (tagEmpty).
func pyArgs(fn string, args []Val, kwn []string, names []string, required int) ([]Val, error) {
	npos := len(args) - len(kwn)
	if npos > len(names) {
		if required == len(names) {
			return nil, newErr(TypeError, "%s() takes %d positional argument%s but %d %s given", fn, len(names), plural(len(names)), npos, wasWere(npos))
		}
		return nil, newErr(TypeError, "%s() takes from %d to %d positional arguments but %d %s given", fn, required, len(names), npos, wasWere(npos))
	}
	out := make([]Val, len(names))
	copy(out, args[:npos])
	for i, k := range kwn {
		j := indexOf(names, k)
		if j < 0 {
			return nil, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if j < npos || out[j].T != tagEmpty {
			return nil, newErr(TypeError, "%s() got multiple values for argument '%s'", fn, k)
		}
		out[j] = args[npos+i]
	}
	var missing []string
	for i := 0; i < required; i++ {
		if out[i].T == tagEmpty {
			missing = append(missing, "'"+names[i]+"'")
		}
	}
	if len(missing) > 0 {
		return nil, newErr(TypeError, "%s() missing %d required positional argument%s: %s", fn, len(missing), plural(len(missing)), andList(missing))
	}
	return out, nil
}
