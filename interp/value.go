package interp

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

const (
	tagEmpty  = templates.TagEmpty
	tagInt    = templates.TagInt
	tagFloat  = templates.TagFloat
	tagBool   = templates.TagBool
	tagNone   = templates.TagNone
	tagObject = templates.TagObject
)

// Val is a Python value outside a frame: the slot's tag and bits, plus the
// heap object when the tag is TagObject. Inside frames the two halves live
// in parallel arrays so native code sees only the tag and bits.
type Val struct {
	T templates.Tag
	B uint64
	O Object
}

// Object is a heap-allocated Python value.
type Object interface{ typeName() string }

var (
	NoneVal = Val{T: tagNone}
	True    = Val{T: tagBool, B: 1}
	False   = Val{T: tagBool, B: 0}
)

func IntVal(i int64) Val     { return Val{T: tagInt, B: uint64(i)} }
func FloatVal(f float64) Val { return Val{T: tagFloat, B: math.Float64bits(f)} }
func BoolVal(b bool) Val {
	if b {
		return True
	}
	return False
}

// ObjVal wraps an object. A list's bits are its address, so native code
// can read its elements (templates.List), an instance's its address plus
// templates.InstanceBit, so native code can read its attributes
// (templates.Instance), a str's its address plus templates.StrBit
// (templates.Str), and a tuple's its address plus templates.TupleBit
// (templates.Tuple); every other object's are 0.
func ObjVal(o Object) Val {
	switch x := o.(type) {
	case *List:
		if x.pk != nil {
			return Val{T: tagObject, B: uint64(uintptr(unsafe.Pointer(x))) + templates.PackedKind, O: o}
		}
		return Val{T: tagObject, B: uint64(uintptr(unsafe.Pointer(x))), O: o}
	case *Instance:
		return Val{T: tagObject, B: uint64(uintptr(unsafe.Pointer(x))) + templates.InstanceBit, O: o}
	case *Str:
		return Val{T: tagObject, B: strBits(x), O: o}
	case *Tuple:
		return Val{T: tagObject, B: uint64(uintptr(unsafe.Pointer(x))) + templates.TupleBit, O: o}
	}
	return Val{T: tagObject, O: o}
}
func StrVal(s string) Val { return ObjVal(&Str{s: s, kind: strKind(s)}) }

// strKind is the kind of a str with text s: 1 when every byte is ASCII,
// else 2. Eight bytes a step: every str made pays it once.
func strKind(s string) int8 {
	i := 0
	if len(s) >= 8 {
		p := unsafe.Pointer(unsafe.StringData(s))
		var or uint64
		for ; i+8 <= len(s); i += 8 {
			or |= *(*uint64)(unsafe.Add(p, i)) // unaligned loads: amd64 and arm64 take them
		}
		if or&0x8080808080808080 != 0 {
			return 2
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return 2
		}
	}
	return 1
}

// strBits are the bits of a slot holding s.
func strBits(s *Str) uint64 { return uint64(uintptr(unsafe.Pointer(s))) + templates.StrBit }
func (v Val) F() float64    { return math.Float64frombits(v.B) }
func (v Val) I() int64      { return int64(v.B) }
func (v Val) isStr() bool   { _, ok := v.O.(*Str); return ok }
func (v Val) str() *Str     { s, _ := v.O.(*Str); return s }

type (
	// Str's first fields are what native code reads (templates.Str): the
	// string header, then kind.
	Str struct {
		s string
		// kind is 1 when the text is ASCII (templates.StrASCII), 2 when
		// not: set when the str is made and never after, so threads and
		// native code read it without a lock (0, unknown, only in a str
		// made elsewhere, which ascii() then scans each time).
		kind int8
		// runes are a non-ASCII str's code points, decoded on first use
		// and published whole: threads may decode them at once.
		runes atomic.Pointer[[]rune]
		// h is the hash once computed, 0 before (see Str.hash).
		h atomic.Int64
	}
	// BigInt is an int outside int64. buf gives results up to 128 bits
	// their digits without a second allocation.
	BigInt struct {
		v   big.Int
		buf [4]big.Word
		// priv: an arithmetic result stored in a local that only
		// arithmetic reads (privIntA, fresh_big.go), held by that slot
		// alone.
		priv bool
	}
	Tuple struct {
		items []Val
		// h is the tuple's hash once computed, 0 before (a hash of 0 is
		// computed again), as CPython 3.14 caches it (gh-131525): a
		// key looked up, then stored, then looked up again hashes its
		// items once. Atomic: threads may hash one tuple at once.
		h atomic.Int64
	}
	Range  struct{ start, stop, step int64 }
	Module struct {
		name string
		// attrs is not changed once the module is built: a store
		// publishes a new map in pub (module_attrs.go) and bumps version,
		// which sites caching an attribute check (moduleAttr in
		// inline_cache.go). Read them with table().
		attrs   map[string]Val
		pub     atomic.Pointer[map[string]Val]
		mu      sync.Mutex
		version atomic.Uint64
		// main is set on the program's own module (sys.modules['__main__']):
		// its attributes are the program's globals (globals()'s dict).
		main *VM
		// dict is __dict__ once asked for, kept equal to the attributes.
		dict *Dict
		// cells are a Python-written module's names that its functions
		// capture: the one place those names live, so a function's
		// "global x; x = ..." and a store m.x = ... are seen by both
		// sides. Set once when the module is built.
		cells map[string]modCell
		// free, on a program module, holds the slots of the names its
		// code reads but never binds (module_attrs.go).
		free *moduleFree
		// made is set on a module the program made with types.ModuleType.
		made bool
		// cls is its class when that is a subclass of types.ModuleType
		// (module_type.go), else nil.
		cls atomic.Pointer[Class]
		// lazy are attributes built on first look-up (re.Scanner), for
		// parts of a library module most programs never use.
		lazy map[string]*lazyAttr
		// running is set on a program module while its code runs
		// (module_partial.go): the names bound so far are in its frame.
		running *moduleRun
	}
	Function struct {
		code     *Code
		defaults []Val
		free     []Val  // captured values of enclosing locals
		cls      *Class // the class a method was defined in (for super())
		mod      *moduleState
		attrs    *Dict          // f.attr = ... (its __dict__)
		special  map[string]Val // __name__, __qualname__, __doc__, __module__ once assigned
		// defIdx replaces code.defIdx once __defaults__ is assigned.
		defIdx []int
		// ann is __annotations__ once read or assigned.
		ann *Dict
	}
	Builtin struct {
		name string
		fn   func(vm *VM, args []Val, kwn []string) (Val, error)
		// method: a method of a class written in Go (nativeClass), bound
		// to the instance like a Python function is.
		method bool
		// blocks: it may wait for other threads (concurrent.futures.wait),
		// so its arguments are not locked (objlock.go).
		blocks bool
		// consumes: it iterates its argument to the end and keeps no
		// reference to it (sum, sorted ...: gen_reuse.go).
		consumes bool
		// isLen: it is len, which CALL computes itself for the built-in
		// containers (lenOf).
		isLen bool
		// isInstance: it is isinstance, which CALL answers itself for an
		// instance and a plain class (isinstanceFast).
		isInstance bool
		// native: it is an instance of a class written in Go (a
		// functools.partial), not a function (native_types.go).
		native *nativeKind
		// attrs are attributes of its own (an lru_cache wrapper's
		// cache_info, __wrapped__), or nil.
		attrs map[string]Val
		// objclass names the built-in type this is a method of, taken
		// from the type (str.upper): a method_descriptor, printed and
		// named as CPython's.
		objclass string
		// data, with objclass, makes it a data descriptor of that type
		// (int.real): dataGetset or dataMember, as CPython types it; or
		// dataClassMethod, a class method as its __dict__ holds it
		// (dict.__dict__['fromkeys']).
		data dataKind
		// slot, with objclass, makes it a slot wrapper (int.__add__);
		// with bound, a method-wrapper ((1).__add__).
		slot bool
		// bound is the value a method of a built-in type is bound to
		// ((1).__add__), or the type a class method is ((dict.fromkeys):
		// its __self__; empty for a function.
		bound Val
	}
	BoundMethod struct {
		self Val
		name string
	}
	SliceObj struct{ lo, hi, step Val }
	ExcType  struct {
		name string
		base *ExcType
		cls  *Class // methods of a user-defined exception class
		// module qualifies the name in tracebacks and repr (struct.error).
		module string
		// base2 is a second base: ExceptionGroup derives from
		// BaseExceptionGroup as well as Exception.
		base2 *ExcType
	}
	Exception struct {
		typ   *ExcType
		args  []Val
		err   *PyErr   // the last raise, for re-raising with its traceback
		attrs Instance // attributes set by user-defined exception classes
		// cause is __cause__ (raise ... from cause), context __context__
		// (the exception being handled when this one was raised);
		// suppressContext is set by raise ... from.
		cause, context  *Exception
		suppressContext bool
		// ctx says how VM.except, which chains the context when the
		// exception reaches a frame handling another (later than
		// CPython's raise does), treats __context__.
		ctx ctxState
		// hint is what CPython's traceback module appends to the message
		// when it prints the exception ("Did you mean" ...): not part of
		// str(exc).
		hint string
		// group holds a BaseExceptionGroup's exceptions (exc_group.go);
		// nil for other exceptions.
		group []*Exception
		// tbObjs are the traceback objects made from tbFrom's entries
		// (traceback_obj.go).
		tbObjs []*tracebackObj
		tbFrom *PyErr
	}
)

func (*Str) typeName() string    { return "str" }
func (*BigInt) typeName() string { return "int" }

// kind is the word CPython's messages use for l: list or deque.
func (l *List) kind() string {
	if l.deque {
		return "deque"
	}
	return "list"
}

func (l *List) typeName() string {
	if l.deque {
		return "collections.deque" // what CPython's messages name it
	}
	return "list"
}
func (*Tuple) typeName() string    { return "tuple" }
func (*Range) typeName() string    { return "range" }
func (*Module) typeName() string   { return "module" }
func (*Function) typeName() string { return "function" }
func (b *Builtin) typeName() string {
	if b.native != nil {
		return b.native.typ
	}
	if b.objclass != "" {
		switch {
		case b.data == dataGetset:
			return "getset_descriptor"
		case b.data == dataMember:
			return "member_descriptor"
		case b.data == dataClassMethod:
			return "classmethod_descriptor"
		case b.slot:
			return "wrapper_descriptor"
		}
		return "method_descriptor"
	}
	if b.slot && b.bound.T != tagEmpty {
		return "method-wrapper"
	}
	return "builtin_function_or_method"
}
func (*BoundMethod) typeName() string { return "builtin_function_or_method" }
func (*SliceObj) typeName() string    { return "slice" }
func (*ExcType) typeName() string     { return "type" }

// ctxState is how an exception's __context__ is to be chained.
type ctxState uint8

const (
	ctxLazy    ctxState = iota // chained if it has none yet
	ctxFixed                   // assigned since the raise: it stands (contextlib's ExitStack restores chains)
	ctxRechain                 // a raise statement named it: chained anew, as CPython's raise replaces it
)

func (e *Exception) typeName() string { return e.typ.name }

// qualName is the name tracebacks print: module.name for exceptions of
// modules written in Go.
// mro is the exception class's method resolution order without object:
// C3's merge of its bases' orders, for a class with two exception bases
// (class DivisionByZero(DecimalException, ZeroDivisionError)).
func (t *ExcType) mro() []*ExcType {
	if t.base2 == nil {
		var ms []*ExcType
		for x := t; x != nil; x = x.base {
			ms = append(ms, x)
		}
		return ms
	}
	seqs := [][]*ExcType{t.base.mro(), t.base2.mro(), {t.base, t.base2}}
	out := []*ExcType{t}
	for {
		var pick *ExcType
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			cand, inTail := s[0], false
			for _, o := range seqs {
				for _, x := range o[min(1, len(o)):] {
					if x == cand {
						inTail = true
					}
				}
			}
			if !inTail {
				pick = cand
				break
			}
		}
		if pick == nil {
			// Nothing left, or no consistent order: the rest by first base.
			for _, s := range seqs {
				for _, x := range s {
					if !slices.Contains(out, x) {
						out = append(out, x)
					}
				}
			}
			return out
		}
		out = append(out, pick)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == pick {
				seqs[i] = s[1:]
			}
		}
	}
}

// qualName is how tracebacks name the exception type: its __qualname__
// (A.E for a class nested in A), after its module unless that is
// builtins or the program's.
func (t *ExcType) qualName() string {
	name := t.name
	if t.cls != nil {
		name = t.cls.qualName()
	}
	if t.module != "" {
		return t.module + "." + name
	}
	return name
}

func (s *Str) ascii() bool {
	if s.kind == 0 {
		// Not stored: another thread may be reading the str.
		return strKind(s.s) == 1
	}
	return s.kind == 1
}

// runeSlice is the code points of a non-ASCII str.
func (s *Str) runeSlice() []rune {
	if p := s.runes.Load(); p != nil {
		return *p
	}
	r := []rune(s.s)
	s.runes.Store(&r)
	return r
}

// length is the number of code points.
func (s *Str) length() int {
	if s.ascii() {
		return len(s.s)
	}
	return len(s.runeSlice())
}

// at returns the i-th code point as a string.
func (s *Str) at(i int) string {
	if s.ascii() {
		return asciiStrs[s.s[i]]
	}
	return string(s.runeSlice()[i])
}

var asciiStrs = func() (t [128]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return
}()

// charObjs are shared one-character ASCII strings. kind and hash are preset so no
// Run ever writes to them: they are safe to share between goroutines.
var charObjs = func() (t [128]*Str) {
	for i := range t {
		t[i] = &Str{s: asciiStrs[i], kind: 1}
		t[i].h.Store(strHash(asciiStrs[i]))
	}
	return
}()

// charBits are the slot bits of charObjs: the table str_char reads.
var charBits = func() (t [128]uint64) {
	for i := range t {
		t[i] = strBits(charObjs[i])
	}
	return
}()

// charVal is s[i] as a value, without allocating for ASCII.
func (s *Str) charVal(i int) Val {
	if s.ascii() {
		c := s.s[i]
		return Val{T: tagObject, B: charBits[c], O: charObjs[c]}
	}
	return StrVal(string(s.runeSlice()[i]))
}

func (s *Str) slice(lo, hi int) string {
	if s.ascii() {
		return s.s[lo:hi]
	}
	return string(s.runeSlice()[lo:hi])
}

func typeName(v Val) string {
	switch v.T {
	case tagInt:
		return "int"
	case tagFloat:
		return "float"
	case tagBool:
		return "bool"
	case tagNone:
		return "NoneType"
	case tagObject:
		return v.O.typeName()
	}
	return "<unbound>"
}

func normBig(b *big.Int) Val {
	if b.IsInt64() {
		return IntVal(b.Int64())
	}
	return Val{T: tagObject, O: &BigInt{v: *b}}
}

func bigVal(b *big.Int) Val { return normBig(b) }

// toBig returns an int-like value as a big.Int (ints, bools, big ints).
func toBig(v Val) (*big.Int, bool) {
	switch v.T {
	case tagInt, tagBool:
		return big.NewInt(int64(v.B)), true
	case tagObject:
		if b, ok := v.O.(*BigInt); ok {
			return &b.v, true
		}
	}
	return nil, false
}

func isIntLike(v Val) bool {
	if v.T == tagInt || v.T == tagBool {
		return true
	}
	_, ok := v.O.(*BigInt)
	return ok && v.T == tagObject
}

func isNumber(v Val) bool { return isIntLike(v) || v.T == tagFloat }

// toFloat converts an int, bool or float to float64.
func toFloat(v Val) (float64, error) {
	switch v.T {
	case tagFloat:
		return v.F(), nil
	case tagInt, tagBool:
		return float64(int64(v.B)), nil
	case tagObject:
		if b, ok := v.O.(*BigInt); ok {
			f, _ := new(big.Float).SetInt(&b.v).Float64()
			if math.IsInf(f, 0) {
				return 0, newErr(OverflowError, "int too large to convert to float")
			}
			return f, nil
		}
	}
	if f, ok, err := instFloat(v); ok {
		return f, err
	}
	return 0, newErr(TypeError, "must be real number, not %s", typeName(v))
}

func truthy(v Val) bool {
	switch v.T {
	case tagInt, tagBool:
		return v.B != 0
	case tagFloat:
		return v.F() != 0
	case tagNone, tagEmpty:
		return false
	}
	switch o := v.O.(type) {
	case *Str:
		return o.s != ""
	case *List:
		return o.Len() > 0 || len(o.pk) > 0
	case *Tuple:
		return len(o.items) > 0
	case *Dict:
		return o.Len() > 0
	case *Set:
		return o.Len() > 0
	case *BigInt:
		return o.v.Sign() != 0
	case *Range:
		return rangeLen(o) > 0
	case *Bytes:
		return len(o.b) > 0
	case *Complex:
		return o.re != 0 || o.im != 0
	case *PyArray:
		return len(o.b) > 0
	case *Instance:
		return instanceTruth(v, o)
	}
	return true
}

// instanceTruth is bool(v) for an instance: its __bool__, else its
// __len__, else true. An error is left in the VM's pending error, which
// the run loop reports after the instruction.
func instanceTruth(v Val, o *Instance) bool {
	vm, done := borrowVM(o.cls.vm)
	defer done()
	if vm == nil {
		return true
	}
	fail := func(err error) bool {
		if vm.pending == nil {
			vm.pending = err
		}
		return false
	}
	if m, ok := o.cls.lookup("__bool__"); ok {
		r, err := vm.callWithSelf(m, v, nil, nil)
		if err != nil {
			return fail(err)
		}
		if r.T != tagBool {
			return fail(newErr(TypeError, "__bool__ should return bool, returned %s", typeName(r)))
		}
		return r.B != 0
	}
	if m, ok := o.cls.lookup("__len__"); ok {
		r, err := vm.callWithSelf(m, v, nil, nil)
		if err != nil {
			return fail(err)
		}
		if r.T != tagInt && r.T != tagBool {
			return fail(newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(r)))
		}
		if int64(r.B) < 0 {
			return fail(newErr(ValueError, "__len__() should return >= 0"))
		}
		return r.B != 0
	}
	return true
}

func formatFloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	neg := strings.HasPrefix(mant, "-")
	if neg {
		mant = mant[1:]
	}
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if exp >= -5 && exp < 16 {
		if exp < 0 {
			out = "0." + strings.Repeat("0", -exp-1) + digits
		} else if len(digits) <= exp+1 {
			out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
		} else {
			out = digits[:exp+1] + "." + digits[exp+1:]
		}
		if exp == -5 {
			// Python switches to exponent notation below 1e-4.
			out = formatExp(digits, exp)
		}
	} else {
		out = formatExp(digits, exp)
	}
	if neg {
		return "-" + out
	}
	return out
}

func formatExp(digits string, exp int) string {
	m := digits[:1]
	if len(digits) > 1 {
		m += "." + digits[1:]
	}
	sign := "+"
	if exp < 0 {
		sign = "-"
		exp = -exp
	}
	es := strconv.Itoa(exp)
	if len(es) < 2 {
		es = "0" + es
	}
	return m + "e" + sign + es
}

// str is Python's str(v).
func (vm *VM) strOf(v Val) string {
	if s, ok := v.O.(*Str); ok && v.T == tagObject {
		return s.s
	}
	if e, ok := v.O.(*Exception); ok && v.T == tagObject {
		return excStr(vm, e)
	}
	if s, ok := vm.instanceRepr(v, true); ok {
		return s
	}
	return vm.repr(v)
}

func excStr(vm *VM, e *Exception) string {
	if vm != nil {
		if m, ok := e.typ.lookup("__str__"); ok {
			r, err := vm.call(m, []Val{ObjVal(e)}, nil)
			if err != nil {
				return "<exception str() failed>"
			}
			return vm.strOf(r)
		}
	}
	return baseExcStr(vm, e)
}

// baseExcStr is BaseException.__str__.
func baseExcStr(vm *VM, e *Exception) string {
	if e.group != nil {
		return groupStr(vm, e)
	}
	if s, ok := unicodeErrStr(e); ok {
		return s
	}
	if s, ok := syntaxErrStr(vm, e); ok {
		return s
	}
	if len(e.args) == 2 && e.typ.isSub(OSError) {
		// OSError(errno, strerror[, filename[, winerror[, filename2]]])
		s := "[Errno " + vm.strOf(e.args[0]) + "] " + vm.strOf(e.args[1])
		if f, ok := e.attrs.get("filename"); ok && f.T != tagNone {
			s += ": " + vm.repr(f)
			if f2, ok := e.attrs.get("filename2"); ok && f2.T != tagNone {
				s += " -> " + vm.repr(f2)
			}
		}
		return s
	}
	switch len(e.args) {
	case 0:
		return ""
	case 1:
		if e.typ.isSub(KeyError) {
			// KeyError's __str__, which its subclasses inherit.
			return vm.repr(e.args[0])
		}
		return vm.strOf(e.args[0])
	}
	return vm.repr(ObjVal(&Tuple{items: e.args}))
}

// repr is Python's repr(v).
func (vm *VM) repr(v Val) string {
	var b strings.Builder
	vm.writeRepr(&b, v, vm.reprOuter())
	return b.String()
}

func (vm *VM) writeRepr(b *strings.Builder, v Val, st *reprState) {
	switch v.T {
	case tagInt:
		b.WriteString(strconv.FormatInt(int64(v.B), 10))
		return
	case tagFloat:
		b.WriteString(formatFloatRepr(v.F()))
		return
	case tagBool:
		if v.B != 0 {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
		return
	case tagNone:
		b.WriteString("None")
		return
	case tagEmpty:
		b.WriteString("<unbound>")
		return
	}
	switch o := v.O.(type) {
	case *Str:
		b.WriteString(strRepr(o.s))
	case *Bytes:
		b.WriteString(bytesRepr(o))
	case *PyArray:
		b.WriteString(vm.arrayRepr(o))
	case *MemoryView:
		b.WriteString(o.repr())
	case *BigInt:
		s, err := vm.decimal(&o.v)
		if err != nil {
			if vm != nil && vm.pending == nil {
				vm.pending = err
			}
			return
		}
		b.WriteString(s)
	case *List:
		if !vm.reprEnter(st, o) {
			b.WriteString("[...]")
			return
		}
		defer vm.reprLeave(st)
		if o.deque {
			b.WriteString("deque(")
			if o.dqMax > 0 {
				defer b.WriteString(", maxlen=" + formatInt(int64(o.dqMax-1)) + ")")
			} else {
				defer b.WriteByte(')')
			}
		}
		b.WriteByte('[')
		for i, x := range o.items() {
			if i > 0 {
				b.WriteString(", ")
			}
			vm.writeRepr(b, x, st)
		}
		b.WriteByte(']')
	case *Tuple:
		if !vm.reprEnter(st, o) {
			b.WriteString("(...)")
			return
		}
		defer vm.reprLeave(st)
		b.WriteByte('(')
		for i, x := range o.items {
			if i > 0 {
				b.WriteString(", ")
			}
			vm.writeRepr(b, x, st)
		}
		if len(o.items) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *Dict:
		if o.factory.T != tagEmpty && !o.counter {
			b.WriteString("defaultdict(" + vm.repr(o.factory) + ", ")
			defer b.WriteByte(')')
		}
		if !vm.reprEnter(st, o) {
			b.WriteString("{...}")
			return
		}
		defer vm.reprLeave(st)
		if o.ordered {
			// 3.12+: OrderedDict({...}), as a dict's repr inside.
			b.WriteString("OrderedDict(")
			defer b.WriteByte(')')
			if o.Len() == 0 {
				return
			}
		}
		if o.counter {
			b.WriteString("Counter(")
			if o.Len() == 0 {
				b.WriteString(")")
				return
			}
			b.WriteByte('{')
			for i, e := range vm.mostCommon(o) {
				if i > 0 {
					b.WriteString(", ")
				}
				vm.writeRepr(b, e.k, st)
				b.WriteString(": ")
				vm.writeRepr(b, e.v, st)
			}
			b.WriteString("})")
			return
		}
		b.WriteByte('{')
		first := true
		for _, e := range o.entries {
			if e.deleted() {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			vm.writeRepr(b, e.key(), st)
			b.WriteString(": ")
			vm.writeRepr(b, e.val(), st)
		}
		b.WriteByte('}')
	case *Set:
		if o.frozen {
			b.WriteString("frozenset(")
			defer b.WriteByte(')')
			if o.Len() == 0 {
				return
			}
		}
		if o.Len() == 0 {
			b.WriteString("set()")
			return
		}
		if !vm.reprEnter(st, o) {
			b.WriteString("set(...)")
			return
		}
		defer vm.reprLeave(st)
		b.WriteByte('{')
		for i, k := range o.keys() {
			if i > 0 {
				b.WriteString(", ")
			}
			vm.writeRepr(b, k, st)
		}
		b.WriteByte('}')
	case *BigRange:
		b.WriteString("range(" + o.start.String() + ", " + o.stop.String())
		if o.step.Cmp(big.NewInt(1)) != 0 {
			b.WriteString(", " + o.step.String())
		}
		b.WriteByte(')')
	case *DictView:
		if !vm.reprEnter(st, o) {
			b.WriteString("...")
			return
		}
		defer vm.reprLeave(st)
		if o.d.ordered {
			b.WriteString("o") // an OrderedDict's views: odict_keys(...)
		}
		b.WriteString("dict_" + o.kind + "([")
		for i, x := range o.items() {
			if i > 0 {
				b.WriteString(", ")
			}
			vm.writeRepr(b, x, st)
		}
		b.WriteString("])")
	case *Range:
		b.WriteString("range(" + strconv.FormatInt(o.start, 10) + ", " + strconv.FormatInt(o.stop, 10))
		if o.step != 1 {
			b.WriteString(", " + strconv.FormatInt(o.step, 10))
		}
		b.WriteByte(')')
	case *Function:
		b.WriteString("<function " + o.qualname() + " at 0x7f0000000000>")
	case *Builtin:
		if o.name == "NotImplemented" && isNotImplemented(v) {
			b.WriteString("NotImplemented")
			return
		}
		if o.native != nil {
			b.WriteString(o.native.repr(vm))
			return
		}
		if o.name == "type" && vm != nil && vm.bi["type"].O == v.O {
			b.WriteString("<class 'type'>")
			return
		}
		if o.objclass != "" {
			kind := "method"
			switch {
			case o.data == dataGetset:
				kind = "attribute"
			case o.data == dataMember:
				kind = "member"
			case o.slot && o.data == dataNone:
				kind = "slot wrapper"
			}
			b.WriteString("<" + kind + " '" + o.name + "' of '" + shortTypeName(o.objclass) + "' objects>")
			return
		}
		if o.bound.T != tagEmpty {
			kind, of := "built-in method", typeName(o.bound)
			if o.slot {
				kind = "method-wrapper"
			}
			if o.bound.T == tagObject {
				switch o.bound.O.(type) {
				case *typeObj, *Class, *ExcType:
					of = "type" // a class method: bound to the type
				}
			}
			name := o.name // <built-in method append ...>, <method-wrapper '__add__' ...>
			if o.slot {
				name = "'" + name + "'"
			}
			b.WriteString("<" + kind + " " + name + " of " + of + " object at 0x7f0000000000>")
			return
		}
		b.WriteString("<built-in function " + o.name + ">")
	case *BoundMethod:
		b.WriteString("<built-in method " + o.name + " of " + typeName(o.self) + " object at 0x7f0000000000>")
	case *Module:
		if o.main != nil {
			if f, ok := o.lookup("__file__"); ok && f.T == tagObject {
				if s, ok := f.O.(*Str); ok {
					b.WriteString("<module '__main__' from " + strRepr(s.s) + ">")
					return
				}
			}
			b.WriteString("<module '__main__' (<class '_frozen_importlib.BuiltinImporter'>)>")
			return
		}
		if o.made {
			b.WriteString(madeModuleRepr(o))
			return
		}
		if f, ok := o.lookup("__file__"); ok && f.T == tagObject {
			if s, ok := f.O.(*Str); ok {
				// One of the program's own modules.
				b.WriteString("<module '" + o.name + "' from " + strRepr(s.s) + ">")
				return
			}
		}
		b.WriteString("<module '" + o.name + "' (built-in)>")
	case *ExcType:
		if o.cls != nil && o.module == "" {
			b.WriteString("<class '__main__." + o.qualName() + "'>") // defined by the program
			return
		}
		b.WriteString("<class '" + o.qualName() + "'>")
	case *Complex:
		b.WriteString(complexRepr(o))
	case *typeObj:
		if o.module != "" {
			b.WriteString("<class '" + o.module + "." + o.name + "'>")
			return
		}
		b.WriteString("<class '" + o.name + "'>")
	case *Exception:
		if vm != nil {
			if !vm.enterNest(" while getting the repr of an object") {
				return
			}
			defer vm.leaveNest()
			if m, ok := o.typ.lookup("__repr__"); ok {
				// The class's own __repr__ (a Python exception subclass).
				r, err := vm.call(m, []Val{v}, nil)
				if err == nil {
					if _, isStr := r.O.(*Str); !isStr {
						err = newErr(TypeError, "__repr__ returned non-string (type %s)", typeName(r))
					}
				}
				if err != nil {
					if vm.pending == nil {
						vm.pending = err
					}
					return
				}
				b.WriteString(r.O.(*Str).s)
				return
			}
		}
		b.WriteString(o.typ.name + "(")
		if o.group != nil && len(o.args) == 2 {
			// 3.14 (gh-141732): the group's own exceptions, shown in the
			// kind of sequence it was given.
			vm.writeRepr(b, o.args[0], st)
			b.WriteString(", ")
			items := make([]Val, len(o.group))
			for i, x := range o.group {
				items[i] = ObjVal(x)
			}
			if _, isList := o.args[1].O.(*List); isList {
				vm.writeRepr(b, ObjVal(newList(items)), st)
			} else {
				vm.writeRepr(b, tupleOf(items), st)
			}
			b.WriteString(")")
			return
		}
		for i, a := range o.args {
			if i > 0 {
				b.WriteString(", ")
			}
			vm.writeRepr(b, a, st)
		}
		b.WriteString(")")
	case *Generator:
		b.WriteString("<" + o.typeName() + " object " + o.fn.code.qualname + " at 0x7f0000000000>")
	case *funcIter:
		b.WriteString("<" + o.name + " object at 0x7f0000000000>")
	case *Instance:
		defer vm.reprThrough(st)()
		s, _ := vm.instanceRepr(v, false)
		b.WriteString(s)
	case *Class:
		if r, found, err := vm.dunder(v, "__repr__"); found {
			if err != nil && vm.pending == nil {
				vm.pending = err
			}
			b.WriteString(vm.strOf(r))
			return
		}
		if o == objectClass || o == typeClass || vm != nil && vm.isBuiltinBase(o) || o.moduleName() == "builtins" {
			b.WriteString("<class '" + o.name + "'>")
		} else {
			b.WriteString("<class '" + o.moduleName() + "." + o.qualName() + "'>")
		}
	case *ellipsisObj:
		b.WriteString("Ellipsis")
	case *Method:
		name := "?"
		switch f := o.fn.O.(type) {
		case *Function:
			name = f.qualname()
		case *Builtin:
			name = f.name
		}
		b.WriteString("<bound method " + name + " of " + vm.repr(o.self) + ">")
	case *SliceObj:
		b.WriteString("slice(" + vm.repr(o.lo) + ", " + vm.repr(o.hi) + ", " + vm.repr(o.step) + ")")
	case pyReprer:
		b.WriteString(o.pyRepr(vm))
	default:
		b.WriteString("<" + v.O.typeName() + " object at 0x7f0000000000>")
	}
}

// pyReprer is an object written in Go with a repr of its own (re's
// Pattern and Match).
type pyReprer interface{ pyRepr(vm *VM) string }

// pyPrintable is str.isprintable of one character: not a control, format,
// surrogate, private-use or unassigned character, nor a separator other
// than the space (Go's tables: Unicode 15, CPython 3.14's are 16).
func pyPrintable(r rune) bool { return strconv.IsPrint(r) }

// strRepr quotes a string the way CPython's repr does.
func strRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x` + hex2(int(r)))
		case r >= 0x80 && r < 0xa0 || r == 0xad:
			b.WriteString(`\x` + hex2(int(r)))
		case r == utf8.RuneError:
			b.WriteRune(r)
		case r > 0x7f && !pyPrintable(r):
			// CPython escapes what str.isprintable rejects.
			if r < 0x100 {
				b.WriteString(`\x` + hex2(int(r)))
			} else if r < 0x10000 {
				b.WriteString(`\u` + hex2(int(r>>8)) + hex2(int(r&0xff)))
			} else {
				b.WriteString(`\U` + hex2(int(r>>24)) + hex2(int(r>>16&0xff)) + hex2(int(r>>8&0xff)) + hex2(int(r&0xff)))
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func hex2(n int) string {
	const h = "0123456789abcdef"
	return string([]byte{h[n>>4&15], h[n&15]})
}

// List is a Python list. Its elements are kept the way frame slots are:
// tags and bits in vals, a pointer-free array that native code can index,
// and heap objects in objs at the same index. objs stays nil until the list
// first holds an object, so lists of ints and floats cost the GC nothing.
type List struct {
	vals  []templates.Value
	objs  []Object
	deque bool // collections.deque: a list with appendleft and popleft
	// priv marks a list that only a private local holds (fresh.go).
	priv bool
	// dqMax is a bounded deque's maxlen plus one (0: unbounded).
	dqMax int
	// seq is the list's sequence word once threads run, which native code
	// reads (cp_list in templates/vmstate.h; objlock.go): odd while a
	// thread changes the list. Only atomic access.
	seq uint64
	// pk holds a packed list's elements, bools one a byte, while vals and
	// objs are nil (packed.go): only a private local holds such a list.
	pk []byte
}

func newList(items []Val) *List {
	n := len(items)
	if !hasObjectVal(items) {
		// No objects (list(state) of an int tuple): tags and bits only.
		l := newListLen(n)
		vals := l.vals[:n]
		for i, x := range items {
			vals[i] = templates.Value{Tag: x.T, Bits: x.B}
		}
		return l
	}
	var l *List
	if n <= objRoomMax {
		l = newListObjs(n)
	} else {
		l = newListLen(n)
	}
	for i, x := range items {
		l.vals[i] = templates.Value{Tag: x.T, Bits: x.B}
		if x.O != nil {
			if l.objs == nil {
				l.objs = make([]Object, len(items), cap(l.vals))
			}
			l.objs[i] = x.O
		}
	}
	return l
}

func (l *List) Len() int { return len(l.vals) }

func (l *List) at(i int) Val {
	r := l.vals[i]
	if l.objs == nil {
		return Val{T: r.Tag, B: r.Bits}
	}
	return Val{T: r.Tag, B: r.Bits, O: l.objs[i]}
}

func (l *List) setAt(i int, v Val) {
	l.vals[i] = templates.Value{Tag: v.T, Bits: v.B}
	if l.objs != nil {
		l.objs[i] = v.O
	} else if v.O != nil {
		l.objs = make([]Object, len(l.vals), cap(l.vals))
		l.objs[i] = v.O
	}
}

func (l *List) append(v Val) {
	if cap(l.vals) == 0 {
		// Four slots to start, as CPython's list_resize gives: Go's
		// append would grow through 1, 2 and 4, a copy each.
		l.vals = make([]templates.Value, 0, 4)
	}
	l.vals = append(l.vals, templates.Value{Tag: v.T, Bits: v.B})
	if l.objs != nil {
		l.objs = append(l.objs, v.O)
	} else if v.O != nil {
		l.objs = make([]Object, len(l.vals), cap(l.vals))
		l.objs[len(l.vals)-1] = v.O
	}
}

// hasObjectVal says whether any of items is an object.
func hasObjectVal(items []Val) bool {
	for _, x := range items {
		if x.O != nil {
			return true
		}
	}
	return false
}

// items copies the elements out.
func (l *List) items() []Val {
	out := make([]Val, len(l.vals))
	for i, r := range l.vals {
		out[i] = Val{T: r.Tag, B: r.Bits}
		if l.objs != nil {
			out[i].O = l.objs[i]
		}
	}
	return out
}

// setItems replaces the contents.
func (l *List) setItems(items []Val) {
	l.become(newList(items))
}

// become gives l r's elements, keeping what makes l itself: whether it is
// a deque, its maxlen, and its sequence word (native code on other threads
// reads it: copied from r it would go back to r's).
func (l *List) become(r *List) {
	l.vals, l.objs = r.vals, r.objs
}
