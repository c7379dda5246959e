package uopref

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

type V = templates.Value

const S = templates.SlotSize // operand of slot i is i*S

func iv(x int64) V   { return V{Tag: templates.TagInt, Bits: uint64(x)} }
func fv(x float64) V { return V{Tag: templates.TagFloat, Bits: math.Float64bits(x)} }
func bv(b bool) V    { return V{Tag: templates.TagBool, Bits: b2u(b)} }

var (
	nan    = math.NaN()
	inf    = math.Inf(1)
	negZ   = math.Copysign(0, -1)
	maxI   = int64(math.MaxInt64)
	minI   = int64(math.MinInt64)
	sentry = V{Tag: templates.TagObject, Bits: 0xdead} // what an untouched destination holds
)

type stepCase struct {
	name  string
	op    string
	ops   [4]uint64
	in    []V // the frame before; slot 0 is usually the destination
	out   []V // the frame after (nil: unchanged)
	next  Next
	code  templates.ExitCode
	state templates.State // before
	after *templates.State
	exact bool            // compare NaNs bit for bit too
	list  *templates.List // a list the uop reads or writes (nil: none)
	elems []V             // list's elements after (nil: unchanged)
	seq   uint64          // list's sequence word after, when it is not 0
}

// keptLists holds every list a test builds. A list's address travels in a
// slot's Bits, which the garbage collector does not see: this keeps the list
// alive, and storing into a package variable makes it escape to the heap,
// where it cannot move (a goroutine stack can).
var keptLists []*templates.List

// newList builds a list head over a Go element array, as the interpreter's
// list is, and returns it with the slot value that points to it. objs says
// whether the list may hold objects (a non-nil object slice).
func newList(objs bool, elems ...V) (*templates.List, V) {
	backing := make([]V, len(elems), len(elems)+1) // never empty: Vals is never nil
	copy(backing, elems)
	l := &templates.List{Vals: &backing[:1][0], Len: int64(len(elems)), Cap: int64(cap(backing))}
	if objs {
		l.Objs = uintptr(unsafe.Pointer(&backing[:cap(backing)][len(elems)])) // any non-zero address
	}
	keptLists = append(keptLists, l)
	return l, V{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l)))}
}

// newInstance is an instance of shape shape with slots attrs, kept alive
// for the test run (its slot value hides the pointer), and its slot value:
// the address plus templates.InstanceBit.
func newInstance(shape uintptr, attrs ...V) (*templates.Instance, V) {
	backing := make([]V, len(attrs), len(attrs)+1)
	copy(backing, attrs)
	x := &templates.Instance{Cls: 8, Shape: shape, Vals: &backing[:1][0], Len: int64(len(attrs)), Cap: int64(cap(backing))}
	keptInstances = append(keptInstances, x)
	return x, V{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(x))) + templates.InstanceBit}
}

var keptInstances []*templates.Instance

// keptStrs holds every str a test builds, as keptLists does lists.
var keptStrs []*templates.Str

// newStr builds a str head over s's bytes, as the interpreter's str is,
// and returns the slot value that points to it.
func newStr(s string, kind uint8) V {
	b := []byte(s + "\x00") // never empty: Data is never nil
	h := &templates.Str{Data: uintptr(unsafe.Pointer(&b[0])), Len: int64(len(s)), Kind: kind}
	keptStrs = append(keptStrs, h)
	keptBytes = append(keptBytes, b)
	return V{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(h))) + templates.StrBit}
}

// keptTuples holds every tuple a test builds, as keptLists does lists.
var keptTuples []*templates.Tuple

// newTuple is a tuple of items, kept alive for the test run, and its slot
// value.
func newTuple(items ...V) V {
	its := make([]templates.Item, len(items), len(items)+1) // never empty: Items is never nil
	for i, v := range items {
		its[i] = templates.Item{Tag: v.Tag, Bits: v.Bits}
	}
	x := &templates.Tuple{Items: &its[:1][0], Len: int64(len(items)), Cap: int64(cap(its))}
	keptTuples = append(keptTuples, x)
	return V{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(x))) + templates.TupleBit}
}

// testChars is str_char's table in the step tests: code point c is 1000+c.
var testChars = func() *[128]uint64 {
	t := new([128]uint64)
	for c := range t {
		t[c] = 1000 + uint64(c)
	}
	return t
}()

// listElems copies a list's elements.
func listElems(l *templates.List) []V {
	return append([]V(nil), unsafe.Slice(l.Vals, l.Len)...)
}

func TestStep(t *testing.T) {
	var cases []stepCase
	add := func(c ...stepCase) { cases = append(cases, c...) }

	// Native calls: call_self writes the callee's link and moves the
	// frame pointer, or side-exits with the frame untouched when calls,
	// budget or the interrupt say so.
	add(
		stepCase{name: "call_self", op: "call_self", ops: [4]uint64{2 * S, 9}, in: []V{iv(1), sentry, iv(3)}, out: []V{iv(1), {Bits: 9}, iv(3)},
			state: templates.State{Budget: 5, Calls: 2}, after: &templates.State{Budget: 4, Calls: 1}, next: Call, exact: true},
		stepCase{name: "call_self no calls left", op: "call_self", ops: [4]uint64{2 * S, 9}, in: []V{iv(1), sentry},
			state: templates.State{Budget: 5}, after: &templates.State{Budget: 4}, next: Exit},
		stepCase{name: "call_self budget", op: "call_self", ops: [4]uint64{S, 9}, in: []V{iv(1)},
			state: templates.State{Budget: 1, Calls: 2}, after: &templates.State{Budget: 0, Calls: 2}, next: Exit},
		stepCase{name: "call_self interrupt", op: "call_self", ops: [4]uint64{S, 9}, in: []V{iv(1)},
			state: templates.State{Budget: 9, Calls: 2, Interrupt: 1}, after: &templates.State{Budget: 8, Calls: 2, Interrupt: 1}, next: Exit},
	)
	// Loads and moves.
	add(
		stepCase{name: "load_int", op: "load_int", ops: [4]uint64{1 * S, uint64(1<<64 - 5)}, in: []V{sentry, sentry}, out: []V{sentry, iv(-5)}},
		stepCase{name: "load_float", op: "load_float", ops: [4]uint64{0, math.Float64bits(2.5)}, in: []V{sentry}, out: []V{fv(2.5)}},
		stepCase{name: "move copies tag and bits", op: "move", ops: [4]uint64{0, 1 * S}, in: []V{sentry, {Tag: templates.TagObject, Bits: 7}}, out: []V{{Tag: templates.TagObject, Bits: 7}, {Tag: templates.TagObject, Bits: 7}}},
		stepCase{name: "move onto itself", op: "move", ops: [4]uint64{S, S}, in: []V{sentry, iv(3)}, out: []V{sentry, iv(3)}},
	)

	// Int arithmetic, with overflow boundaries: an overflow exits and leaves
	// the frame untouched.
	for _, c := range []struct {
		op   string
		a, b int64
		r    int64
		ovf  bool
	}{
		{"int_add", 2, 3, 5, false},
		{"int_add", 2, -5, -3, false},
		{"int_add", -1, 1, 0, false},
		{"int_add", minI, minI, 0, true},
		{"int_add", maxI, 0, maxI, false},
		{"int_add", maxI, 1, 0, true},
		{"int_add", minI, -1, 0, true},
		{"int_add", minI, maxI, -1, false},
		{"int_add", maxI - 1, 1, maxI, false},
		{"int_sub", 5, 7, -2, false},
		{"int_sub", -5, -7, 2, false},
		{"int_sub", 3, 3, 0, false},
		{"int_sub", minI, 1, 0, true},
		{"int_sub", 0, minI, 0, true},
		{"int_sub", -1, minI, maxI, false},
		{"int_sub", maxI, -1, 0, true},
		{"int_mul", 6, -7, -42, false},
		{"int_mul", 0, minI, 0, false},
		{"int_mul", -1, minI, 0, true},
		{"int_mul", minI, -1, 0, true},
		{"int_mul", -1, maxI, -maxI, false},
		{"int_mul", 1 << 32, 1 << 31, 0, true},
		{"int_mul", 1 << 31, 1 << 31, 1 << 62, false},
		{"int_mul", 3037000500, 3037000500, 0, true},
		{"int_mul", 3037000499, -3037000499, -9223372030926249001, false},
		{"int_mul", minI, 1, minI, false},
		{"int_mul", 1 << 62, 2, 0, true},
		{"int_mul", -(1 << 62), 2, minI, false},
		// Floor division and the rest: results computed by CPython (an
		// exit means CPython raises or leaves int64).
		{"int_floordiv", 7, 2, 3, false},
		{"int_floordiv", -7, 2, -4, false},
		{"int_floordiv", 7, -2, -4, false},
		{"int_floordiv", -7, -2, 3, false},
		{"int_floordiv", 6, 3, 2, false},
		{"int_floordiv", -6, 3, -2, false},
		{"int_floordiv", 6, -3, -2, false},
		{"int_floordiv", 0, 5, 0, false},
		{"int_floordiv", 0, -1, 0, false},
		{"int_floordiv", 5, 0, 0, true},
		{"int_floordiv", 0, 0, 0, true},
		{"int_floordiv", minI, 1, minI, false},
		{"int_floordiv", minI, -1, 0, true},
		{"int_floordiv", minI, 2, -4611686018427387904, false},
		{"int_floordiv", minI, -2, 4611686018427387904, false},
		{"int_floordiv", maxI, -1, minI + 1, false},
		{"int_floordiv", maxI, minI, -1, false},
		{"int_floordiv", minI, minI, 1, false},
		{"int_floordiv", 1, minI, -1, false},
		{"int_floordiv", -1, minI, 0, false},
		{"int_floordiv", -1, maxI, -1, false},
		{"int_floordiv", 1, maxI, 0, false},
		{"int_floordiv", minI, maxI, -2, false},
		{"int_floordiv", maxI, 2, 4611686018427387903, false},
		{"int_floordiv", -1, 2, -1, false},
		{"int_floordiv", 1, -3, -1, false},
		{"int_mod", 7, 2, 1, false},
		{"int_mod", -7, 2, 1, false},
		{"int_mod", 7, -2, -1, false},
		{"int_mod", -7, -2, -1, false},
		{"int_mod", 6, 3, 0, false},
		{"int_mod", -6, 3, 0, false},
		{"int_mod", 6, -3, 0, false},
		{"int_mod", 0, 5, 0, false},
		{"int_mod", 0, -1, 0, false},
		{"int_mod", 5, 0, 0, true},
		{"int_mod", 0, 0, 0, true},
		{"int_mod", minI, -1, 0, false},
		{"int_mod", maxI, -1, 0, false},
		{"int_mod", minI, 1, 0, false},
		{"int_mod", maxI, minI, -1, false},
		{"int_mod", minI, maxI, maxI - 1, false},
		{"int_mod", 1, minI, minI + 1, false},
		{"int_mod", -1, minI, -1, false},
		{"int_mod", -1, maxI, maxI - 1, false},
		{"int_mod", minI, minI, 0, false},
		{"int_mod", minI, 3, 1, false},
		{"int_mod", maxI, -3, -2, false},
		{"int_mod", -1, 2, 1, false},
		{"int_mod", 1, -3, -2, false},
		{"int_lshift", 1, 0, 1, false},
		{"int_lshift", 5, 3, 40, false},
		{"int_lshift", 1, 62, 4611686018427387904, false},
		{"int_lshift", 1, 63, 0, true},
		{"int_lshift", -1, 63, minI, false},
		{"int_lshift", -1, 64, 0, true},
		{"int_lshift", 0, 1000, 0, false},
		{"int_lshift", 0, maxI, 0, false},
		{"int_lshift", 0, -1, 0, true},
		{"int_lshift", 1, -1, 0, true},
		{"int_lshift", 3, 61, 6917529027641081856, false},
		{"int_lshift", 3, 62, 0, true},
		{"int_lshift", -3, 61, -6917529027641081856, false},
		{"int_lshift", -5, 61, 0, true},
		{"int_lshift", maxI, 1, 0, true},
		{"int_lshift", maxI, 0, maxI, false},
		{"int_lshift", minI, 0, minI, false},
		{"int_lshift", minI, 1, 0, true},
		{"int_lshift", -4611686018427387904, 1, minI, false},
		{"int_lshift", 4611686018427387904, 1, 0, true},
		{"int_lshift", 1, 64, 0, true},
		{"int_lshift", 1, maxI, 0, true},
		{"int_lshift", -1, minI, 0, true},
		{"int_lshift", 32767, 48, 9223090561878065152, false},
		{"int_lshift", 32768, 48, 0, true},
		{"int_lshift", -32768, 48, minI, false},
		{"int_lshift", -32769, 48, 0, true},
		{"int_lshift", -1, 1000, 0, true},
		{"int_rshift", 7, 1, 3, false},
		{"int_rshift", -7, 1, -4, false},
		{"int_rshift", -1, 100, -1, false},
		{"int_rshift", 5, 100, 0, false},
		{"int_rshift", 5, 64, 0, false},
		{"int_rshift", -5, 64, -1, false},
		{"int_rshift", 5, 63, 0, false},
		{"int_rshift", minI, 63, -1, false},
		{"int_rshift", minI, 64, -1, false},
		{"int_rshift", minI, 1, -4611686018427387904, false},
		{"int_rshift", maxI, 62, 1, false},
		{"int_rshift", 8, maxI, 0, false},
		{"int_rshift", -8, maxI, -1, false},
		{"int_rshift", 1, -1, 0, true},
		{"int_rshift", 0, minI, 0, true},
		{"int_rshift", -9, 0, -9, false},
		{"int_rshift", 123456789, 3, 15432098, false},
		{"int_and", -1, 5, 5, false},
		{"int_and", -8, 7, 0, false},
		{"int_and", minI, -1, minI, false},
		{"int_and", 12, 10, 8, false},
		{"int_and", -6, -3, -8, false},
		{"int_or", minI, 1, minI + 1, false},
		{"int_or", 12, 10, 14, false},
		{"int_or", -6, 3, -5, false},
		{"int_or", 0, 0, 0, false},
		{"int_or", maxI, minI, -1, false},
		{"int_xor", -6, 3, -7, false},
		{"int_xor", 12, 10, 6, false},
		{"int_xor", maxI, -1, minI, false},
		{"int_xor", minI, maxI, -1, false},
		{"int_xor", 5, 5, 0, false},
	} {
		sc := stepCase{name: c.op, op: c.op, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, iv(c.a), iv(c.b)}}
		if c.ovf {
			sc.next = Exit
		} else {
			sc.out = []V{iv(c.r), iv(c.a), iv(c.b)}
		}
		add(sc)
	}
	add(
		stepCase{name: "int_add_imm", op: "int_add_imm", ops: [4]uint64{0, S, uint64(1<<64 - 1)}, in: []V{sentry, iv(10)}, out: []V{iv(9), iv(10)}},
		stepCase{name: "int_add_imm overflow", op: "int_add_imm", ops: [4]uint64{0, S, 1}, in: []V{sentry, iv(maxI)}, next: Exit},
		stepCase{name: "int_neg", op: "int_neg", ops: [4]uint64{0, S}, in: []V{sentry, iv(7)}, out: []V{iv(-7), iv(7)}},
		stepCase{name: "int_neg max", op: "int_neg", ops: [4]uint64{0, S}, in: []V{sentry, iv(maxI)}, out: []V{iv(minI + 1), iv(maxI)}},
		stepCase{name: "int_neg overflow", op: "int_neg", ops: [4]uint64{0, S}, in: []V{sentry, iv(minI)}, next: Exit},
		stepCase{name: "float_neg", op: "float_neg", ops: [4]uint64{0, S}, in: []V{sentry, fv(2.5)}, out: []V{fv(-2.5), fv(2.5)}},
		stepCase{name: "float_neg zero", op: "float_neg", ops: [4]uint64{0, S}, in: []V{sentry, fv(0)}, out: []V{fv(negZ), fv(0)}},
		stepCase{name: "float_neg -inf", op: "float_neg", ops: [4]uint64{0, S}, in: []V{sentry, fv(-inf)}, out: []V{fv(inf), fv(-inf)}},
		stepCase{name: "wide_add carry", op: "wide_add", ops: [4]uint64{0, S}, in: []V{{Bits: 1<<64 - 1}, iv(1)}, out: []V{{Tag: 1}, iv(1)}},
		stepCase{name: "wide_add negative", op: "wide_add", ops: [4]uint64{0, S}, in: []V{{Tag: 1}, iv(-1)}, out: []V{{Bits: 1<<64 - 1}, iv(-1)}},
		stepCase{name: "wide_add overflow", op: "wide_add", ops: [4]uint64{0, S}, in: []V{{Tag: 1<<63 - 1, Bits: 1<<64 - 1}, iv(1)}, next: Exit},
		stepCase{name: "wide_sub borrow", op: "wide_sub", ops: [4]uint64{0, S}, in: []V{{Tag: 1}, iv(1)}, out: []V{{Bits: 1<<64 - 1}, iv(1)}},
		stepCase{name: "wide_sub overflow", op: "wide_sub", ops: [4]uint64{0, S}, in: []V{{Tag: 1 << 63}, iv(1)}, next: Exit},
		stepCase{name: "int_to_wide", op: "int_to_wide", ops: [4]uint64{0, S}, in: []V{sentry, iv(-2)}, out: []V{{Tag: 1<<64 - 1, Bits: 1<<64 - 2}, iv(-2)}},
		stepCase{name: "wide_add_wide carry", op: "wide_add_wide", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, {Bits: 1<<64 - 1}, {Bits: 1}}, out: []V{{Tag: 1}, {Bits: 1<<64 - 1}, {Bits: 1}}},
		stepCase{name: "wide_add_wide overflow", op: "wide_add_wide", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, {Tag: 1<<63 - 1, Bits: 1<<64 - 1}, {Bits: 1}}, next: Exit},
		stepCase{name: "wide_sub_wide borrow", op: "wide_sub_wide", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, {Tag: 1}, {Bits: 1}}, out: []V{{Bits: 1<<64 - 1}, {Tag: 1}, {Bits: 1}}},
		stepCase{name: "wide_mul 2^64", op: "wide_mul", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, {Bits: 1 << 32}, {Bits: 1 << 32}}, out: []V{{Tag: 1}, {Bits: 1 << 32}, {Bits: 1 << 32}}},
		stepCase{name: "wide_mul overflow", op: "wide_mul", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, {Tag: 1}, {Tag: 1}}, next: Exit},
		stepCase{name: "wide_and_imm mod 2^64", op: "wide_and_imm", ops: [4]uint64{0, S, 1<<64 - 1, 0}, in: []V{sentry, {Tag: 5, Bits: 7}}, out: []V{{Bits: 7}, {Tag: 5, Bits: 7}}},
		stepCase{name: "wide_rshift", op: "wide_rshift", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, {Tag: 1}, iv(1)}, out: []V{{Bits: 1 << 63}, {Tag: 1}, iv(1)}},
		stepCase{name: "wide_rshift negative count", op: "wide_rshift", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, {Tag: 1}, iv(-1)}, next: Exit},
		stepCase{name: "wide_to_int", op: "wide_to_int", ops: [4]uint64{0, S}, in: []V{sentry, {Tag: 1<<64 - 1, Bits: 1 << 63}}, out: []V{iv(minI), {Tag: 1<<64 - 1, Bits: 1 << 63}}},
		stepCase{name: "wide_to_int too big", op: "wide_to_int", ops: [4]uint64{0, S}, in: []V{sentry, {Bits: 1 << 63}}, next: Exit},
		stepCase{name: "int_add_imm in place", op: "int_add_imm", ops: [4]uint64{S, S, 1}, in: []V{sentry, iv(41)}, out: []V{sentry, iv(42)}},
		stepCase{name: "int_floordiv in place", op: "int_floordiv", ops: [4]uint64{S, S, 2 * S}, in: []V{sentry, iv(-7), iv(2)}, out: []V{sentry, iv(-4), iv(2)}},
		stepCase{name: "int_mod in place", op: "int_mod", ops: [4]uint64{2 * S, S, 2 * S}, in: []V{sentry, iv(-7), iv(2)}, out: []V{sentry, iv(-7), iv(1)}},
		stepCase{name: "int_lshift by itself", op: "int_lshift", ops: [4]uint64{0, S, S}, in: []V{sentry, iv(3)}, out: []V{iv(24), iv(3)}},
	)
	for _, c := range []struct {
		op   string
		a, r int64
		exit bool
	}{
		{"int_invert", 0, -1, false},
		{"int_invert", 5, -6, false},
		{"int_invert", -6, 5, false},
		{"int_invert", minI, maxI, false},
		{"int_invert", maxI, minI, false},
		{"int_abs", 0, 0, false},
		{"int_abs", -5, 5, false},
		{"int_abs", 5, 5, false},
		{"int_abs", maxI, maxI, false},
		{"int_abs", minI + 1, maxI, false},
		{"int_abs", minI, 0, true},
	} {
		sc := stepCase{name: c.op, op: c.op, ops: [4]uint64{0, S}, in: []V{sentry, iv(c.a)}}
		if c.exit {
			sc.next = Exit
		} else {
			sc.out = []V{iv(c.r), iv(c.a)}
		}
		add(sc)
	}
	// int / int: correctly rounded quotients computed by CPython; outside
	// ±2^53 and on a zero divisor it exits.
	for _, c := range []struct {
		a, b int64
		r    float64
		exit bool
	}{
		{1, 3, 0.3333333333333333, false},
		{-1, 3, -0.3333333333333333, false},
		{0, -5, negZ, false},
		{0, 5, 0.0, false},
		{7, 0, 0, true},
		{0, 0, 0, true},
		{10, 4, 2.5, false},
		{-7, 2, -3.5, false},
		{1 << 53, 1, 9007199254740992.0, false},
		{1<<53 + 1, 1, 0, true},
		{-1 << 53, 3, -3002399751580330.5, false},
		{-1<<53 - 1, 3, 0, true},
		{1, 1 << 53, 1.1102230246251565e-16, false},
		{1, 1<<53 + 1, 0, true},
		{1, -1 << 53, -1.1102230246251565e-16, false},
		{1, -1<<53 - 1, 0, true},
		{1 << 53, 1<<53 - 1, 1.0000000000000002, false},
		{1<<53 - 1, 3, 3002399751580330.5, false},
		{maxI, 1, 0, true},
		{minI, -1, 0, true},
		{3, minI, 0, true},
	} {
		sc := stepCase{name: "int_truediv", op: "int_truediv", ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, iv(c.a), iv(c.b)}, exact: true}
		if c.exit {
			sc.next = Exit
		} else {
			sc.out = []V{fv(c.r), iv(c.a), iv(c.b)}
		}
		add(sc)
	}
	// Square root and absolute value; NaNs compared bit for bit (a NaN's
	// sign is what abs clears).
	negNaN := V{Tag: templates.TagFloat, Bits: 0xfff8000000000001}
	posNaN := V{Tag: templates.TagFloat, Bits: 0x7ff8000000000001}
	for _, c := range []struct {
		op      string
		in, out V
		exit    bool
	}{
		{"float_sqrt", fv(4), fv(2), false},
		{"float_sqrt", fv(2), fv(1.4142135623730951), false},
		{"float_sqrt", fv(0), fv(0), false},
		{"float_sqrt", fv(negZ), fv(negZ), false},
		{"float_sqrt", fv(inf), fv(inf), false},
		{"float_sqrt", fv(5e-324), fv(2.2227587494850775e-162), false},
		{"float_sqrt", posNaN, posNaN, false},
		{"float_sqrt", fv(-1), V{}, true},
		{"float_sqrt", fv(-inf), V{}, true},
		{"float_sqrt", fv(-5e-324), V{}, true},
		{"float_abs", fv(-2.5), fv(2.5), false},
		{"float_abs", fv(2.5), fv(2.5), false},
		{"float_abs", fv(negZ), fv(0), false},
		{"float_abs", fv(-inf), fv(inf), false},
		{"float_abs", negNaN, posNaN, false},
		{"float_abs", posNaN, posNaN, false},
	} {
		sc := stepCase{name: c.op, op: c.op, ops: [4]uint64{0, S}, in: []V{sentry, c.in}, exact: true}
		if c.exit {
			sc.next = Exit
		} else {
			sc.out = []V{c.out, c.in}
		}
		add(sc)
	}

	// Int comparisons: into a bool, and compare-and-branch.
	for _, c := range []struct {
		a, b                   int64
		lt, le, gt, ge, eq, ne bool
	}{
		{1, 2, true, true, false, false, false, true},
		{2, 2, false, true, false, true, true, false},
		{3, 2, false, false, true, true, false, true},
		{minI, maxI, true, true, false, false, false, true}, // signed, not unsigned
		{-1, 0, true, true, false, false, false, true},
	} {
		for name, want := range map[string]bool{"lt": c.lt, "le": c.le, "gt": c.gt, "ge": c.ge, "eq": c.eq, "ne": c.ne} {
			add(stepCase{name: "int_" + name, op: "int_" + name, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, iv(c.a), iv(c.b)}, out: []V{bv(want), iv(c.a), iv(c.b)}})
			next := Continue
			if want {
				next = Jump
			}
			add(stepCase{name: "int_jump_if_" + name, op: "int_jump_if_" + name, ops: [4]uint64{0, S}, in: []V{iv(c.a), iv(c.b)}, next: next})
		}
	}

	// Float arithmetic.
	for _, c := range []struct {
		op   string
		a, b float64
		r    float64
		exit bool
	}{
		{"float_add", 0.1, 0.2, 0.30000000000000004, false},
		{"float_add", math.MaxFloat64, math.MaxFloat64, inf, false},
		{"float_add", inf, -inf, nan, false},
		{"float_sub", 1, 3, -2, false},
		{"float_sub", 0, 0, 0, false},
		{"float_mul", 1.5, -4, -6, false},
		{"float_mul", 0, inf, nan, false},
		{"float_mul", -1, 0, negZ, false},
		{"float_div", 1, 4, 0.25, false},
		{"float_div", 1, 3, 1.0 / 3, false},
		{"float_div", 1, 0, 0, true},
		{"float_div", 1, negZ, 0, true},
		{"float_div", 0, 0, 0, true},
		{"float_div", nan, 0, 0, true},
		{"float_div", 1, nan, nan, false},
		{"float_div", 1, inf, 0, false},
		{"float_div", -1, inf, negZ, false},
		{"float_div", 1, 5e-324, inf, false},
	} {
		sc := stepCase{name: c.op, op: c.op, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, fv(c.a), fv(c.b)}}
		if c.exit {
			sc.next = Exit
		} else {
			sc.out = []V{fv(c.r), fv(c.a), fv(c.b)}
		}
		add(sc)
	}

	// Float comparisons: IEEE, NaN compares false except ne.
	for _, c := range []struct {
		a, b                   float64
		lt, le, gt, ge, eq, ne bool
	}{
		{1, 2, true, true, false, false, false, true},
		{2, 2, false, true, false, true, true, false},
		{0, negZ, false, true, false, true, true, false},
		{inf, 2, false, false, true, true, false, true},
		{nan, 1, false, false, false, false, false, true},
		{1, nan, false, false, false, false, false, true},
		{nan, nan, false, false, false, false, false, true},
		{-inf, inf, true, true, false, false, false, true},
	} {
		for name, want := range map[string]bool{"lt": c.lt, "le": c.le, "gt": c.gt, "ge": c.ge, "eq": c.eq, "ne": c.ne} {
			add(stepCase{name: "float_" + name, op: "float_" + name, ops: [4]uint64{0, S, 2 * S}, in: []V{sentry, fv(c.a), fv(c.b)}, out: []V{bv(want), fv(c.a), fv(c.b)}})
			next := Continue
			if want {
				next = Jump
			}
			add(stepCase{name: "float_jump_if_" + name, op: "float_jump_if_" + name, ops: [4]uint64{0, S}, in: []V{fv(c.a), fv(c.b)}, next: next})
		}
	}

	// Conversion: round to nearest, ties to even.
	for _, c := range []struct {
		i int64
		f float64
	}{
		{0, 0}, {-3, -3}, {maxI, 9223372036854775808.0}, {minI, -9223372036854775808.0},
		{1<<53 + 1, 1 << 53}, {1<<53 + 3, 1<<53 + 4}, {-(1<<53 + 1), -(1 << 53)},
	} {
		add(stepCase{name: "int_to_float", op: "int_to_float", ops: [4]uint64{0, S}, in: []V{sentry, iv(c.i)}, out: []V{fv(c.f), iv(c.i)}})
	}

	// Bool branches read the bits only.
	add(
		stepCase{name: "jump_if_true true", op: "jump_if_true", in: []V{bv(true)}, next: Jump},
		stepCase{name: "jump_if_true false", op: "jump_if_true", in: []V{bv(false)}, next: Continue},
		stepCase{name: "jump_if_false false", op: "jump_if_false", in: []V{bv(false)}, next: Jump},
		stepCase{name: "jump_if_false true", op: "jump_if_false", in: []V{bv(true)}, next: Continue},
	)

	// Guards: a mismatch exits, the frame is untouched either way.
	for _, g := range []struct {
		op  string
		tag templates.Tag
	}{{"guard_int", templates.TagInt}, {"guard_float", templates.TagFloat}, {"guard_bool", templates.TagBool}, {"guard_none", templates.TagNone}} {
		for tag := templates.TagEmpty; tag <= templates.TagObject+1; tag++ {
			next := Exit
			if tag == g.tag {
				next = Continue
			}
			add(stepCase{name: g.op + " " + tag.String(), op: g.op, ops: [4]uint64{S}, in: []V{sentry, {Tag: tag, Bits: 1}}, next: next})
		}
	}

	// Lists. A list slot is tag object with the list's address in bits.
	_, nested := newList(false, iv(99))
	mixed := []V{iv(10), fv(2.5), bv(true), {Tag: templates.TagNone}, {Tag: templates.TagObject}, nested, {}}
	_, mixedV := newList(false, mixed...)
	_, emptyV := newList(false)
	_, objsV := newList(true, iv(1), V{Tag: templates.TagObject})
	abcV, abc2V, abdV := newStr("abc", 1), newStr("abc", 1), newStr("abd", 1)
	eacuteV, unknownV := newStr("\u00e9", 2), newStr("a", 0)
	chars := uint64(uintptr(unsafe.Pointer(testChars)))
	for tag := templates.TagEmpty; tag <= templates.TagObject+1; tag++ {
		next := Exit
		if tag == templates.TagObject {
			next = Continue
		}
		add(stepCase{name: "guard_list " + tag.String(), op: "guard_list", ops: [4]uint64{S}, in: []V{sentry, {Tag: tag, Bits: 8}}, next: next})
	}

	// Instances: tag object, the address plus InstanceBit in bits.
	_, pointV := newInstance(0x1000, iv(3), fv(0.5), mixedV, V{Tag: templates.TagObject})
	_, innerV := newInstance(0x2000, bv(true))
	_, outerV := newInstance(0x1000, innerV, iv(4), fv(1.5), V{Tag: templates.TagNone})
	_, withInstV := newList(false, pointV, mixedV)
	add(
		stepCase{name: "guard_list instance", op: "guard_list", ops: [4]uint64{S}, in: []V{sentry, pointV}, next: Exit},
		stepCase{name: "guard_instance instance", op: "guard_instance", ops: [4]uint64{S}, in: []V{sentry, pointV}, next: Continue},
		stepCase{name: "guard_instance list", op: "guard_instance", ops: [4]uint64{S}, in: []V{sentry, mixedV}, next: Exit},
		stepCase{name: "guard_instance opaque", op: "guard_instance", ops: [4]uint64{S}, in: []V{sentry, {Tag: templates.TagObject}}, next: Exit},
		stepCase{name: "guard_instance odd int", op: "guard_instance", ops: [4]uint64{S}, in: []V{sentry, iv(1)}, next: Exit},
		stepCase{name: "guard_shape same", op: "guard_shape", ops: [4]uint64{S, 0x1000}, in: []V{sentry, pointV}, next: Continue},
		stepCase{name: "guard_shape other", op: "guard_shape", ops: [4]uint64{S, 0x1000}, in: []V{sentry, innerV}, next: Exit},
		stepCase{name: "attr_load int", op: "attr_load", ops: [4]uint64{0, S, 0, uint64(templates.TagInt)}, in: []V{sentry, pointV}, out: []V{iv(3), pointV}},
		stepCase{name: "attr_load float", op: "attr_load", ops: [4]uint64{0, S, S, uint64(templates.TagFloat)}, in: []V{sentry, pointV}, out: []V{fv(0.5), pointV}},
		stepCase{name: "attr_load float as int", op: "attr_load", ops: [4]uint64{0, S, S, uint64(templates.TagInt)}, in: []V{sentry, pointV}, next: Exit},
		stepCase{name: "attr_load list", op: "attr_load", ops: [4]uint64{0, S, 2 * S, uint64(templates.TagObject)}, in: []V{sentry, pointV}, out: []V{mixedV, pointV}},
		stepCase{name: "attr_load list as instance", op: "attr_load", ops: [4]uint64{0, S, 2 * S, uint64(templates.KindInstance)}, in: []V{sentry, pointV}, next: Exit},
		stepCase{name: "attr_load opaque", op: "attr_load", ops: [4]uint64{0, S, 3 * S, uint64(templates.TagObject)}, in: []V{sentry, pointV}, next: Exit},
		stepCase{name: "attr_load instance", op: "attr_load", ops: [4]uint64{S, S, 0, uint64(templates.KindInstance)}, in: []V{sentry, outerV}, out: []V{sentry, innerV}},
		stepCase{name: "attr_load instance as list", op: "attr_load", ops: [4]uint64{0, S, 0, uint64(templates.TagObject)}, in: []V{sentry, outerV}, next: Exit},
		stepCase{name: "attr_store an object", op: "attr_store", ops: [4]uint64{S, 0, 2 * S}, in: []V{sentry, pointV, mixedV}, next: Exit},
		stepCase{name: "list_load instance as list", op: "list_load", ops: [4]uint64{0, S, 2 * S, uint64(templates.TagObject)}, in: []V{sentry, withInstV, iv(0)}, next: Exit},
		stepCase{name: "list_load instance", op: "list_load", ops: [4]uint64{0, S, 2 * S, uint64(templates.KindInstance)}, in: []V{sentry, withInstV, iv(0)}, out: []V{pointV, withInstV, iv(0)}},
		stepCase{name: "list_load list as instance", op: "list_load", ops: [4]uint64{0, S, 2 * S, uint64(templates.KindInstance)}, in: []V{sentry, withInstV, iv(1)}, next: Exit},
	)
	{
		x, xv := newInstance(0x3000, iv(1), V{Tag: templates.TagNone}, innerV)
		for _, c := range []struct {
			name  string
			off   uint64
			v     V
			attrs []V // after; nil: exits
		}{
			{"int over int", 0, iv(7), []V{iv(7), {Tag: templates.TagNone}, innerV}},
			{"float over int", 0, fv(2.5), []V{fv(2.5), {Tag: templates.TagNone}, innerV}},
			{"bool over None", S, bv(false), []V{fv(2.5), bv(false), innerV}},
			{"int over an object", 2 * S, iv(1), nil},
			{"an object", 0, mixedV, nil},
		} {
			frame := []V{xv, sentry, c.v}
			next, _, err := Step("attr_store", [4]uint64{0, c.off, 2 * S}, &templates.State{}, frame)
			got := append([]V(nil), unsafe.Slice(x.Vals, x.Len)...)
			if err != nil || (c.attrs == nil) != (next == Exit) || c.attrs != nil && !equalValues(got, c.attrs) {
				t.Errorf("attr_store %s: %v %v, attributes %v, want %v", c.name, next, err, got, c.attrs)
			}
		}
	}
	add(
		stepCase{name: "guard_list str", op: "guard_list", ops: [4]uint64{S}, in: []V{sentry, abcV}, next: Exit},
	)
	{
		const I = uint64(unsafe.Sizeof(templates.Item{}))
		pairV := newTuple(iv(3), fv(0.5))
		nestV := newTuple(pairV, mixedV, V{Tag: templates.TagNone})
		emptyV := newTuple()
		add(
			stepCase{name: "guard_tuple", op: "guard_tuple", ops: [4]uint64{S, 2}, in: []V{sentry, pairV}, next: Continue},
			stepCase{name: "guard_tuple empty", op: "guard_tuple", ops: [4]uint64{S, 0}, in: []V{sentry, emptyV}, next: Continue},
			stepCase{name: "guard_tuple length", op: "guard_tuple", ops: [4]uint64{S, 3}, in: []V{sentry, pairV}, next: Exit},
			stepCase{name: "guard_tuple list", op: "guard_tuple", ops: [4]uint64{S, 2}, in: []V{sentry, mixedV}, next: Exit},
			stepCase{name: "guard_tuple str", op: "guard_tuple", ops: [4]uint64{S, 3}, in: []V{sentry, abcV}, next: Exit},
			stepCase{name: "guard_tuple int", op: "guard_tuple", ops: [4]uint64{S, 0}, in: []V{sentry, iv(0)}, next: Exit},
			stepCase{name: "guard_list tuple", op: "guard_list", ops: [4]uint64{S}, in: []V{sentry, pairV}, next: Exit},
			stepCase{name: "tuple_load int", op: "tuple_load", ops: [4]uint64{0, S, 0, uint64(templates.TagInt)}, in: []V{sentry, pairV}, out: []V{iv(3), pairV}},
			stepCase{name: "tuple_load float over the tuple", op: "tuple_load", ops: [4]uint64{S, S, I, uint64(templates.TagFloat)}, in: []V{sentry, pairV}, out: []V{sentry, fv(0.5)}},
			stepCase{name: "tuple_load float as int", op: "tuple_load", ops: [4]uint64{0, S, I, uint64(templates.TagInt)}, in: []V{sentry, pairV}, next: Exit},
			stepCase{name: "tuple_load tuple", op: "tuple_load", ops: [4]uint64{0, S, 0, uint64(templates.KindTuple)}, in: []V{sentry, nestV}, out: []V{pairV, nestV}},
			stepCase{name: "tuple_load list", op: "tuple_load", ops: [4]uint64{0, S, I, uint64(templates.TagObject)}, in: []V{sentry, nestV}, out: []V{mixedV, nestV}},
			stepCase{name: "tuple_load list as tuple", op: "tuple_load", ops: [4]uint64{0, S, I, uint64(templates.KindTuple)}, in: []V{sentry, nestV}, next: Exit},
			stepCase{name: "tuple_load tuple as list", op: "tuple_load", ops: [4]uint64{0, S, 0, uint64(templates.TagObject)}, in: []V{sentry, nestV}, next: Exit},
			stepCase{name: "tuple_load None", op: "tuple_load", ops: [4]uint64{0, S, 2 * I, uint64(templates.TagNone)}, in: []V{sentry, nestV}, out: []V{{Tag: templates.TagNone}, nestV}},
		)
	}
	add(
		stepCase{name: "guard_str ascii", op: "guard_str", ops: [4]uint64{S}, in: []V{sentry, abcV}, next: Continue},
		stepCase{name: "guard_str non-ascii", op: "guard_str", ops: [4]uint64{S}, in: []V{sentry, eacuteV}, next: Exit},
		stepCase{name: "guard_str not looked at", op: "guard_str", ops: [4]uint64{S}, in: []V{sentry, unknownV}, next: Exit},
		stepCase{name: "guard_str list", op: "guard_str", ops: [4]uint64{S}, in: []V{sentry, mixedV}, next: Exit},
		stepCase{name: "str_len", op: "str_len", ops: [4]uint64{0, S}, in: []V{sentry, abcV}, out: []V{iv(3), abcV}},
		stepCase{name: "str_char", op: "str_char", ops: [4]uint64{0, S, 2 * S, chars}, in: []V{sentry, abcV, iv(1)}, out: []V{{Tag: templates.TagObject, Bits: 1000 + 'b'}, abcV, iv(1)}},
		stepCase{name: "str_char negative", op: "str_char", ops: [4]uint64{0, S, 2 * S, chars}, in: []V{sentry, abcV, iv(-3)}, out: []V{{Tag: templates.TagObject, Bits: 1000 + 'a'}, abcV, iv(-3)}},
		stepCase{name: "str_char out of range", op: "str_char", ops: [4]uint64{0, S, 2 * S, chars}, in: []V{sentry, abcV, iv(3)}, next: Exit},
		stepCase{name: "str_jump_if_eq same", op: "str_jump_if_eq", ops: [4]uint64{0, S}, in: []V{abcV, abcV}, next: Jump},
		stepCase{name: "str_jump_if_eq equal", op: "str_jump_if_eq", ops: [4]uint64{0, S}, in: []V{abcV, abc2V}, next: Jump},
		stepCase{name: "str_jump_if_eq differ", op: "str_jump_if_eq", ops: [4]uint64{0, S}, in: []V{abcV, abdV}, next: Continue},
		stepCase{name: "guard_list unreadable object", op: "guard_list", ops: [4]uint64{S}, in: []V{sentry, {Tag: templates.TagObject}}, next: Exit},
		stepCase{name: "guard_list list", op: "guard_list", ops: [4]uint64{S}, in: []V{sentry, mixedV}, next: Continue},
		stepCase{name: "list_len", op: "list_len", ops: [4]uint64{0, S}, in: []V{sentry, mixedV}, out: []V{iv(7), mixedV}},
		stepCase{name: "list_len empty", op: "list_len", ops: [4]uint64{0, S}, in: []V{sentry, emptyV}, out: []V{iv(0), emptyV}},
		stepCase{name: "list_len with objects", op: "list_len", ops: [4]uint64{0, S}, in: []V{sentry, objsV}, out: []V{iv(2), objsV}},
		stepCase{name: "list_len in place", op: "list_len", ops: [4]uint64{S, S}, in: []V{sentry, mixedV}, out: []V{sentry, iv(7)}},
	)
	for _, c := range []struct {
		list V
		i    int64
		tag  templates.Tag
		want *V // nil: exits
	}{
		{mixedV, 0, templates.TagInt, &mixed[0]},
		{mixedV, -7, templates.TagInt, &mixed[0]},
		{mixedV, 1, templates.TagFloat, &mixed[1]},
		{mixedV, -6, templates.TagFloat, &mixed[1]},
		{mixedV, 1, templates.TagInt, nil}, // a float where an int was specialised
		{mixedV, 0, templates.TagFloat, nil},
		{mixedV, 2, templates.TagBool, &mixed[2]},
		{mixedV, 3, templates.TagNone, &mixed[3]},
		{mixedV, 4, templates.TagObject, nil}, // an object native code cannot read
		{mixedV, 5, templates.TagObject, &mixed[5]},
		{mixedV, -2, templates.TagObject, &mixed[5]},
		{mixedV, 6, templates.TagEmpty, &mixed[6]},
		{mixedV, -1, templates.TagInt, nil},
		{mixedV, 7, templates.TagInt, nil},
		{mixedV, -8, templates.TagInt, nil},
		{mixedV, maxI, templates.TagInt, nil},
		{mixedV, minI, templates.TagInt, nil},
		{emptyV, 0, templates.TagInt, nil},
		{emptyV, -1, templates.TagInt, nil},
		{objsV, 0, templates.TagInt, &V{Tag: templates.TagInt, Bits: 1}}, // loads do not care about objs
		{objsV, 1, templates.TagObject, nil},
	} {
		for _, op := range []string{"list_load", "list_load_mt", "list_load_bits"} {
			sc := stepCase{name: op, op: op, ops: [4]uint64{0, S, 2 * S, uint64(c.tag)}, in: []V{sentry, c.list, iv(c.i)}}
			switch {
			case c.want == nil:
				sc.next = Exit
			case op == "list_load_bits":
				// The bits only: the destination keeps its tag.
				sc.out = []V{{Tag: sentry.Tag, Bits: c.want.Bits}, c.list, iv(c.i)}
			default:
				sc.out = []V{*c.want, c.list, iv(c.i)}
			}
			add(sc)
		}
	}
	add(
		stepCase{name: "list_load into the list slot", op: "list_load", ops: [4]uint64{S, S, 2 * S, uint64(templates.TagObject)}, in: []V{sentry, mixedV, iv(5)}, out: []V{sentry, nested, iv(5)}},
		stepCase{name: "list_load into the index slot", op: "list_load", ops: [4]uint64{2 * S, S, 2 * S, uint64(templates.TagFloat)}, in: []V{sentry, mixedV, iv(1)}, out: []V{sentry, mixedV, fv(2.5)}},
	)
	ints := []V{iv(1), iv(2), iv(3)}
	for _, c := range []struct {
		name  string
		objs  bool
		ops   [4]uint64
		i     int64
		v     V
		elems []V // after; nil: exits
	}{
		{"first", false, [4]uint64{0, S, 2 * S}, 0, fv(0.5), []V{fv(0.5), iv(2), iv(3)}},
		{"last from the end", false, [4]uint64{0, S, 2 * S}, -1, bv(true), []V{iv(1), iv(2), bv(true)}},
		{"first from the end", false, [4]uint64{0, S, 2 * S}, -3, V{Tag: templates.TagNone}, []V{{Tag: templates.TagNone}, iv(2), iv(3)}},
		{"the index itself", false, [4]uint64{0, S, S}, 1, V{}, []V{iv(1), iv(1), iv(3)}},
		{"past the end", false, [4]uint64{0, S, 2 * S}, 3, iv(7), nil},
		{"before the start", false, [4]uint64{0, S, 2 * S}, -4, iv(7), nil},
		{"MinInt64", false, [4]uint64{0, S, 2 * S}, minI, iv(7), nil},
		{"MaxInt64", false, [4]uint64{0, S, 2 * S}, maxI, iv(7), nil},
		{"a list that may hold objects", true, [4]uint64{0, S, 2 * S}, 0, iv(7), nil},
		{"an unreadable object", false, [4]uint64{0, S, 2 * S}, 0, V{Tag: templates.TagObject}, nil},
		{"a list into itself", false, [4]uint64{0, S, 0}, 0, V{}, nil},
		{"a list", false, [4]uint64{0, S, 2 * S}, 0, nested, nil},
	} {
		for _, op := range []string{"list_store", "list_store_mt"} {
			l, lv := newList(c.objs, ints...)
			frame := []V{lv, iv(c.i), c.v}
			sc := stepCase{name: op + " " + c.name, op: op, ops: c.ops, in: frame, list: l, elems: c.elems}
			if c.elems == nil {
				sc.next = Exit
			}
			add(sc)
		}
	}
	// list_swap: both elements move whatever their kinds; an index out
	// of range (either one) or a list that may hold objects exits with
	// the list as it was.
	swapped := []V{iv(1), fv(2.5), bv(true)}
	for _, c := range []struct {
		name  string
		objs  bool
		ops   [4]uint64
		i, j  int64
		elems []V // after; nil: exits
	}{
		{"first and last", false, [4]uint64{0, S, 2 * S}, 0, 2, []V{bv(true), fv(2.5), iv(1)}},
		{"from the end", false, [4]uint64{0, S, 2 * S}, -1, -3, []V{bv(true), fv(2.5), iv(1)}},
		{"one from each end", false, [4]uint64{0, S, 2 * S}, 1, -1, []V{iv(1), bv(true), fv(2.5)}},
		{"an element with itself", false, [4]uint64{0, S, 2 * S}, 1, -2, []V{iv(1), fv(2.5), bv(true)}},
		{"one index slot for both", false, [4]uint64{0, S, S}, 2, 0, []V{iv(1), fv(2.5), bv(true)}},
		{"first past the end", false, [4]uint64{0, S, 2 * S}, 3, 0, nil},
		{"second past the end", false, [4]uint64{0, S, 2 * S}, 0, 3, nil},
		{"second before the start", false, [4]uint64{0, S, 2 * S}, 0, -4, nil},
		{"MinInt64", false, [4]uint64{0, S, 2 * S}, minI, 0, nil},
		{"MaxInt64", false, [4]uint64{0, S, 2 * S}, 1, maxI, nil},
		{"a list that may hold objects", true, [4]uint64{0, S, 2 * S}, 0, 1, nil},
	} {
		for _, op := range []string{"list_swap", "list_swap_nn"} {
			elems := c.elems
			if op == "list_swap_nn" && (c.i < 0 || c.j < 0) {
				elems = nil // (the form for indexes >= 0 exits at a negative one)
			}
			l, lv := newList(c.objs, swapped...)
			sc := stepCase{name: op + " " + c.name, op: op, ops: c.ops, in: []V{lv, iv(c.i), iv(c.j)}, list: l, elems: elems}
			if elems == nil {
				sc.next = Exit
			}
			add(sc)
		}
	}
	// The _mt forms under the list's sequence word: an odd one (another
	// thread is changing the list) exits with the frame and the list as
	// they were; a store gives an even one back two higher.
	for _, seq := range []uint64{1, 7} {
		l, lv := newList(false, ints...)
		l.Seq = seq
		add(stepCase{name: fmt.Sprintf("list_load_mt with seq %d", seq), op: "list_load_mt", ops: [4]uint64{0, S, 2 * S, uint64(templates.TagInt)}, in: []V{sentry, lv, iv(1)}, list: l, next: Exit})
		l, lv = newList(false, ints...)
		l.Seq = seq
		add(stepCase{name: fmt.Sprintf("list_store_mt with seq %d", seq), op: "list_store_mt", ops: [4]uint64{0, S, 2 * S}, in: []V{lv, iv(1), iv(9)}, list: l, next: Exit})
	}
	{
		l, lv := newList(false, ints...)
		l.Seq = 4
		add(stepCase{name: "list_store_mt with seq 4", op: "list_store_mt", ops: [4]uint64{0, S, 2 * S}, in: []V{lv, iv(1), iv(9)}, list: l, elems: []V{iv(1), iv(9), iv(3)}, seq: 6})
		l, lv = newList(false, ints...)
		l.Seq = 4
		add(stepCase{name: "list_store_mt with seq 4 past the end", op: "list_store_mt", ops: [4]uint64{0, S, 2 * S}, in: []V{lv, iv(3), iv(9)}, list: l, next: Exit, seq: 4})
		l, lv = newList(false, ints...)
		l.Seq = 4
		add(stepCase{name: "list_load_mt with seq 4", op: "list_load_mt", ops: [4]uint64{0, S, 2 * S, uint64(templates.TagInt)}, in: []V{sentry, lv, iv(2)}, out: []V{iv(3), lv, iv(2)}, list: l, seq: 4})
	}
	// list_append: native with room, no objects, no deque and a value
	// no object; otherwise it leaves as call_out does, nothing changed.
	for _, c := range []struct {
		name  string
		objs  bool
		deque bool
		n     int // elements: newList gives room for one more
		v     V
		ok    bool
	}{
		{"an int", false, false, 2, iv(7), true},
		{"a float into an empty list", false, false, 0, fv(0.5), true},
		{"None", false, false, 1, V{Tag: templates.TagNone}, true},
		{"a bool", false, false, 3, bv(true), true},
		{"an object", false, false, 2, nested, false},
		{"into a list that may hold objects", true, false, 2, iv(7), false},
		{"into a deque", false, true, 2, iv(7), false},
	} {
		elems := ints[:c.n]
		l, lv := newList(c.objs, elems...)
		if c.deque {
			l.Deque = 1
		}
		sc := stepCase{name: "list_append " + c.name, op: "list_append", ops: [4]uint64{9, 0, S, 2 * S}, in: []V{sentry, lv, c.v}, list: l}
		if c.ok {
			sc.out = []V{{Tag: templates.TagNone}, lv, c.v}
			sc.elems = append(append([]V(nil), elems...), c.v)
		} else {
			sc.next, sc.code = Leave, templates.MakeExitCode(templates.ExitSide, 9)
		}
		add(sc)
	}
	{
		// A full list leaves: Go grows it.
		l, lv := newList(false, ints...)
		l.Cap = l.Len
		add(stepCase{name: "list_append into a full list", op: "list_append", ops: [4]uint64{9, 0, S, 2 * S}, in: []V{sentry, lv, iv(4)}, list: l, next: Leave, code: templates.MakeExitCode(templates.ExitSide, 9)})
	}
	l, lv := newList(false)
	add(stepCase{name: "list_store into an empty list", op: "list_store", ops: [4]uint64{0, S, 2 * S}, in: []V{lv, iv(0), iv(1)}, list: l, next: Exit})
	// A packed store finds a slot list not packed (its kind bits say a
	// plain list): it leaves, and the list is unchanged (native_test.go
	// stores into packed lists).
	l, lv = newList(false, iv(1))
	add(stepCase{name: "list_store_pk on a list not packed", op: "list_store_pk", ops: [4]uint64{0, S, 2 * S}, in: []V{lv, iv(0), bv(true)}, list: l, next: Exit})

	// list_store_pkk past either end of a packed list leaves it as it
	// was (TestListStorePkk stores into one).
	for _, i := range []int64{3, -4, maxI, minI} {
		pl, plv := newPacked(1, 0, 1)
		add(stepCase{name: fmt.Sprintf("list_store_pkk at %d", i), op: "list_store_pkk", ops: [4]uint64{0, S, 2 * S}, in: []V{plv, iv(i), bv(true)}, list: pl, next: Exit})
	}

	// Control.
	add(
		stepCase{name: "jump", op: "jump", in: []V{}, next: Jump},
		stepCase{name: "exit", op: "exit", ops: [4]uint64{17}, next: Leave, code: templates.MakeExitCode(templates.ExitSide, 17)},
		stepCase{name: "call_out", op: "call_out", ops: [4]uint64{23, S}, in: []V{iv(1), iv(2)}, out: []V{iv(1), iv(2)}, next: Leave, code: templates.MakeExitCode(templates.ExitSide, 23)},
		stepCase{name: "end", op: "end", ops: [4]uint64{3}, next: Leave, code: templates.MakeExitCode(templates.ExitEnd, 3)},
		stepCase{name: "loop with budget", op: "loop", ops: [4]uint64{4}, next: Jump,
			state: templates.State{Budget: 10}, after: &templates.State{Budget: 9}},
		stepCase{name: "loop budget 2 still jumps", op: "loop", ops: [4]uint64{4}, next: Jump,
			state: templates.State{Budget: 2}, after: &templates.State{Budget: 1}},
		stepCase{name: "loop budget runs out", op: "loop", ops: [4]uint64{4}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 4),
			state: templates.State{Budget: 1}, after: &templates.State{Budget: 0}},
		stepCase{name: "loop budget already spent", op: "loop", ops: [4]uint64{4}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 4),
			state: templates.State{Budget: -3}, after: &templates.State{Budget: -4}},
		stepCase{name: "loop budget MinInt64 wraps and leaves", op: "loop", ops: [4]uint64{4}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 4),
			state: templates.State{Budget: minI}, after: &templates.State{Budget: maxI}},
		// The loop uop spends the budget only: Go sees the flag at the
		// safepoint exit, and an interrupted entry runs with a budget of 1
		// (TestInterruptedEntry).
		stepCase{name: "loop does not read the interrupt flag", op: "loop", ops: [4]uint64{9}, next: Jump,
			state: templates.State{Budget: 1000, Interrupt: 1}, after: &templates.State{Budget: 999, Interrupt: 1}},
		stepCase{name: "loop interrupted leaves when the budget runs out", op: "loop", ops: [4]uint64{9}, next: Leave, code: templates.MakeExitCode(templates.ExitSafepoint, 9),
			state: templates.State{Budget: 1, Interrupt: 1}, after: &templates.State{Budget: 0, Interrupt: 1}},
	)

	// The _bits variants write the bits only: a destination tagged bool
	// keeps its tag, which no real trace would give them, so the test
	// fails if they write it.
	kept := func(v V) V { return V{Tag: templates.TagBool, Bits: v.Bits} }
	old := kept(V{Bits: 0xdead})
	add(
		stepCase{name: "float_add_bits", op: "float_add_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, fv(1.5), fv(2)}, out: []V{kept(fv(3.5)), fv(1.5), fv(2)}},
		stepCase{name: "float_sub_bits", op: "float_sub_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, fv(1.5), fv(2)}, out: []V{kept(fv(-0.5)), fv(1.5), fv(2)}},
		stepCase{name: "float_mul_bits", op: "float_mul_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, fv(1.5), fv(2)}, out: []V{kept(fv(3)), fv(1.5), fv(2)}},
		stepCase{name: "float_div_bits", op: "float_div_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, fv(3), fv(2)}, out: []V{kept(fv(1.5)), fv(3), fv(2)}},
		stepCase{name: "float_div_bits by zero exits untouched", op: "float_div_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, fv(3), fv(0)}, next: Exit},
		stepCase{name: "float_sqrt_bits", op: "float_sqrt_bits", ops: [4]uint64{0, S}, in: []V{old, fv(2.25)}, out: []V{kept(fv(1.5)), fv(2.25)}},
		stepCase{name: "int_add_bits", op: "int_add_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, iv(2), iv(3)}, out: []V{kept(iv(5)), iv(2), iv(3)}},
		stepCase{name: "int_add_bits overflow exits untouched", op: "int_add_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, iv(maxI), iv(1)}, next: Exit},
		stepCase{name: "int_sub_bits", op: "int_sub_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, iv(2), iv(3)}, out: []V{kept(iv(-1)), iv(2), iv(3)}},
		stepCase{name: "int_mul_bits", op: "int_mul_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, iv(2), iv(3)}, out: []V{kept(iv(6)), iv(2), iv(3)}},
		stepCase{name: "int_rshift_imm", op: "int_rshift_imm", ops: [4]uint64{0, S, 1}, in: []V{old, iv(-7)}, out: []V{iv(-4), iv(-7)}},
		stepCase{name: "int_rshift_imm_bits", op: "int_rshift_imm_bits", ops: [4]uint64{0, S, 2}, in: []V{old, iv(13)}, out: []V{kept(iv(3)), iv(13)}},
		stepCase{name: "int_and_imm", op: "int_and_imm", ops: [4]uint64{0, S, 3}, in: []V{old, iv(-7)}, out: []V{iv(1), iv(-7)}},
		stepCase{name: "int_and_imm_bits", op: "int_and_imm_bits", ops: [4]uint64{0, S, 7}, in: []V{old, iv(13)}, out: []V{kept(iv(5)), iv(13)}},
		stepCase{name: "int_add_imm_bits", op: "int_add_imm_bits", ops: [4]uint64{0, S, 4}, in: []V{old, iv(2)}, out: []V{kept(iv(6)), iv(2)}},
		stepCase{name: "int_mod_bits", op: "int_mod_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, iv(-7), iv(3)}, out: []V{kept(iv(2)), iv(-7), iv(3)}},
		stepCase{name: "int_floordiv_bits", op: "int_floordiv_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, iv(-7), iv(2)}, out: []V{kept(iv(-4)), iv(-7), iv(2)}},
		stepCase{name: "int_to_float_bits", op: "int_to_float_bits", ops: [4]uint64{0, S}, in: []V{old, iv(3)}, out: []V{kept(fv(3)), iv(3)}},
		stepCase{name: "int_truediv_bits", op: "int_truediv_bits", ops: [4]uint64{0, S, 2 * S}, in: []V{old, iv(3), iv(2)}, out: []V{kept(fv(1.5)), iv(3), iv(2)}},
		stepCase{name: "load_int_bits", op: "load_int_bits", ops: [4]uint64{0, 7}, in: []V{old}, out: []V{kept(iv(7))}},
		stepCase{name: "load_float_bits", op: "load_float_bits", ops: [4]uint64{0, math.Float64bits(2.5)}, in: []V{old}, out: []V{kept(fv(2.5))}},
		stepCase{name: "move_bits", op: "move_bits", ops: [4]uint64{0, S}, in: []V{old, iv(9)}, out: []V{kept(iv(9)), iv(9)}},
	)

	covered := map[string]bool{}
	// Every case runs through Step, and those with no list (which their
	// first run changes) through a Stepper too.
	var stepper Stepper
	stepOnce := func(op string, ops [4]uint64, st *templates.State, frame []V) (Next, templates.ExitCode, error) {
		f, _ := Lookup(op)
		return stepper.Step(f, ops, st, frame)
	}
	type stepRun struct {
		c    stepCase
		step func(string, [4]uint64, *templates.State, []V) (Next, templates.ExitCode, error)
		how  string
	}
	var runs []stepRun
	for _, c := range cases {
		runs = append(runs, stepRun{c, Step, "Step"})
	}
	for _, c := range cases {
		if c.list == nil {
			runs = append(runs, stepRun{c, stepOnce, "Stepper"})
		}
	}
	for _, run := range runs {
		c := run.c
		c.name = run.how + ": " + c.name
		covered[c.op] = true
		frame := append([]V(nil), c.in...)
		st := c.state
		var before []V
		if c.list != nil {
			before = listElems(c.list)
		}
		next, code, err := run.step(c.op, c.ops, &st, frame)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if next != c.next || code != c.code {
			t.Errorf("%s %v on %v: got %v %v, want %v %v", c.name, c.ops, c.in, next, code, c.next, c.code)
		}
		want := c.out
		if want == nil {
			want = c.in
		}
		for i := range frame {
			if !sameValue(frame[i], want[i]) || c.exact && frame[i] != want[i] {
				t.Errorf("%s %v on %v: slot %d = %v, want %v", c.name, c.ops, c.in, i, show(frame[i]), show(want[i]))
			}
		}
		if c.list != nil {
			wantElems := c.elems
			if wantElems == nil {
				wantElems = before
			}
			if got := listElems(c.list); !equalValues(got, wantElems) {
				t.Errorf("%s %v on %v: list holds %v, want %v", c.name, c.ops, c.in, got, wantElems)
			}
			if c.seq != 0 && c.list.Seq != c.seq {
				t.Errorf("%s: seq %d, want %d", c.name, c.list.Seq, c.seq)
			}
		}
		wantSt := c.state
		if c.after != nil {
			wantSt = *c.after
		}
		if st != wantSt {
			t.Errorf("%s: state %+v, want %+v", c.name, st, wantSt)
		}
	}
	covered["ret"] = true       // (its frame pointer is never slot 0: TestRunRecursion)
	covered["list_copy"] = true // (it needs a word at an address: TestListCopy)
	for _, op := range Uops() {
		if strings.Contains(op, "__") {
			continue // register variants: TestRegisterVariants
		}
		if !covered[op] {
			t.Errorf("no test case for %s", op)
		}
	}
}

// TestRunRecursion runs a trace of fib that calls itself (call_self, ret)
// with RunFrom: to the end, and out of calls at a depth.
func TestRunRecursion(t *testing.T) {
	// Frame (from the frame pointer): 0 = n, 1 = 1, 2 = 2, 3 = sum, 4 =
	// spare, 5 = the callee's link, 6.. = the callee's frame.
	const D = 6 * S
	trace := []Instr{
		0:  {Op: "load_int", Operands: [4]uint64{1 * S, 1}},
		1:  {Op: "load_int", Operands: [4]uint64{2 * S, 2}},
		2:  {Op: "int_jump_if_gt", Operands: [4]uint64{0, 1 * S}, Target: 4},
		3:  {Op: "ret", Operands: [4]uint64{0, D, 4}},
		4:  {Op: "int_sub", Operands: [4]uint64{6 * S, 0, 1 * S}, ExitStub: 11},
		5:  {Op: "call_self", Operands: [4]uint64{D, 5}, ExitStub: 12},
		6:  {Op: "move", Operands: [4]uint64{3 * S, 6 * S}},
		7:  {Op: "int_sub", Operands: [4]uint64{6 * S, 0, 2 * S}, ExitStub: 11},
		8:  {Op: "call_self", Operands: [4]uint64{D, 8}, ExitStub: 12},
		9:  {Op: "int_add", Operands: [4]uint64{3 * S, 3 * S, 6 * S}, ExitStub: 11},
		10: {Op: "ret", Operands: [4]uint64{3 * S, D, 4}},
		11: {Op: "exit", Operands: [4]uint64{1}},
		12: {Op: "exit", Operands: [4]uint64{2}},
	}
	frame := make([]V, 1+6*20)
	frame[1] = iv(15)
	st := templates.State{Budget: 1 << 20, Calls: 100}
	code, fp, err := RunFrom(0, 1, trace, &st, frame, 1<<20)
	if err != nil || code != templates.MakeExitCode(templates.ExitEnd, 4) || fp != 1 || frame[1] != iv(610) || st.Calls != 100 {
		t.Fatalf("fib(15): %v at slot %d (%v), result %v, calls %d; want end@4 at slot 1, 610, 100", code, fp, err, frame[1], st.Calls)
	}
	if frame[6].Tag != 6 && frame[6].Tag != 9 || frame[6].Bits != 5 && frame[6].Bits != 8 {
		t.Errorf("link of the first callee = %v, want a return to uop 6 or 9 from site 5 or 8", frame[6])
	}
	// Out of calls three deep: the call side-exits with the frame pointer
	// on the third callee.
	frame = make([]V, 1+6*20)
	frame[1] = iv(15)
	st = templates.State{Budget: 1 << 20, Calls: 3}
	code, fp, err = RunFrom(0, 1, trace, &st, frame, 1<<20)
	if err != nil || code != templates.MakeExitCode(templates.ExitSide, 2) || fp != 1+3*6 || st.Calls != 0 || frame[fp] != iv(12) {
		t.Fatalf("3 calls: %v at slot %d (%v), n there %v, calls %d; want side_exit@2 at slot 19, n = 12, 0 calls", code, fp, err, frame[fp], st.Calls)
	}
	// A budget of 10 calls runs out at the tenth.
	frame = make([]V, 1+6*20)
	frame[1] = iv(15)
	st = templates.State{Budget: 10, Calls: 100}
	if code, _, err = RunFrom(0, 1, trace, &st, frame, 1<<20); err != nil || code != templates.MakeExitCode(templates.ExitSide, 2) || st.Budget != 0 {
		t.Fatalf("budget 10: %v (%v), budget %d; want side_exit@2 with budget 0", code, err, st.Budget)
	}
}

// sameValue compares slots, taking any NaN to equal any NaN: the payload of a
// NaN made by arithmetic is the hardware's choice, the same for native code
// and Go on one machine, but not worth pinning in a table.
func sameValue(a, b V) bool {
	if a.Tag == templates.TagFloat && b.Tag == templates.TagFloat &&
		math.IsNaN(math.Float64frombits(a.Bits)) && math.IsNaN(math.Float64frombits(b.Bits)) {
		return true
	}
	return a == b
}

func equalValues(a, b []V) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func show(v V) any {
	if v.Tag == templates.TagFloat {
		return struct {
			Tag templates.Tag
			F   float64
		}{v.Tag, math.Float64frombits(v.Bits)}
	}
	return v
}

// TestEveryTemplateHasAReference keeps the C templates and the Go reference
// in step: each uop must exist on both sides.
func TestEveryTemplateHasAReference(t *testing.T) {
	tmpl := map[string]bool{}
	for _, u := range templates.Uops() {
		tmpl[u] = true
		if !Has(u) {
			t.Errorf("template %s.c has no reference implementation in uopref", u)
		}
	}
	for _, u := range Uops() {
		if !tmpl[u] {
			t.Errorf("uopref implements %s, which has no template", u)
		}
	}
}

func TestStepErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		op   string
		ops  [4]uint64
		err  error
	}{
		{"unknown uop", "int_frobnicate", [4]uint64{}, ErrUnknownUop},
		{"unaligned slot", "int_add", [4]uint64{0, 8, 2 * S}, ErrBadSlot},
		{"slot past the frame", "int_add", [4]uint64{0, S, 3 * S}, ErrBadSlot},
		{"destination past the frame", "load_int", [4]uint64{9 * S, 1}, ErrBadSlot},
		{"huge offset", "move", [4]uint64{0, 1 << 63}, ErrBadSlot},
		{"bad destination of an overflowing add", "int_add", [4]uint64{5 * S, S, 2 * S}, ErrBadSlot},
	} {
		frame := []V{sentry, iv(maxI), iv(1)}
		st := templates.State{Budget: 5}
		// (A Stepper reports the error too, but may have written.)
		f, _ := Lookup(c.op)
		var s Stepper
		if _, _, err := s.Step(f, c.ops, &st, append([]V(nil), frame...)); !errors.Is(err, c.err) {
			t.Errorf("Stepper: %s: err = %v, want %v", c.name, err, c.err)
		}
		st = templates.State{Budget: 5}
		_, _, err := Step(c.op, c.ops, &st, frame)
		if !errors.Is(err, c.err) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.err)
		}
		if frame[0] != sentry || st.Budget != 5 {
			t.Errorf("%s: a failed step wrote the frame or state: %v %+v", c.name, frame, st)
		}
	}
	// A list uop on a slot with no readable list is an error, not a crash,
	// and writes nothing.
	bad, badV := newList(false, iv(1))
	bad.Len = bad.Cap + 1
	good, goodV := newList(false, iv(1))
	_, instV := newInstance(0x1000, iv(1))
	for _, c := range []struct {
		name  string
		op    string
		ops   [4]uint64
		frame []V
		err   error
	}{
		{"list_len of an int", "list_len", [4]uint64{0, S}, []V{sentry, iv(5)}, ErrBadList},
		{"list_len of an unreadable object", "list_len", [4]uint64{0, S}, []V{sentry, {Tag: templates.TagObject}}, ErrBadList},
		{"list_load from an int", "list_load", [4]uint64{0, S, 2 * S, 1}, []V{sentry, iv(5), iv(0)}, ErrBadList},
		{"list_load from a list longer than its capacity", "list_load", [4]uint64{0, S, 2 * S, 1}, []V{sentry, badV, iv(0)}, ErrBadList},
		{"list_store into a float", "list_store", [4]uint64{S, 2 * S, 2 * S}, []V{sentry, fv(1), iv(0)}, ErrBadList},
		{"list_store with a bad value slot", "list_store", [4]uint64{S, 2 * S, 3 * S}, []V{sentry, goodV, iv(0)}, ErrBadSlot},
		{"list_len of an instance", "list_len", [4]uint64{0, S}, []V{sentry, instV}, ErrBadList},
		{"attr_load from a list", "attr_load", [4]uint64{0, S, 0, 1}, []V{sentry, goodV}, ErrBadInstance},
		{"attr_load past the slots", "attr_load", [4]uint64{0, S, S, 1}, []V{sentry, instV}, ErrBadInstance},
		{"attr_store past the slots", "attr_store", [4]uint64{S, 2 * S, 0}, []V{sentry, instV}, ErrBadInstance},
		{"guard_shape of an int", "guard_shape", [4]uint64{S, 0}, []V{sentry, iv(3)}, ErrBadInstance},
	} {
		frame := append([]V(nil), c.frame...)
		st := templates.State{}
		_, _, err := Step(c.op, c.ops, &st, frame)
		if !errors.Is(err, c.err) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.err)
		}
		if frame[0] != sentry || !equalValues(frame, c.frame) {
			t.Errorf("%s: a failed step wrote the frame: %v", c.name, frame)
		}
	}
	if got := listElems(good); !equalValues(got, []V{iv(1)}) {
		t.Errorf("a failed list_store wrote the list: %v", got)
	}
	if _, _, err := Step("loop", [4]uint64{}, nil, nil); err == nil {
		t.Error("Step with a nil state: no error")
	}
}

// TestRun runs a counting loop: i = 0; while i < n: i += 1, with a side exit
// on a guard and a budget that forces safepoint exits.
func TestRun(t *testing.T) {
	// slots: 0 = i, 1 = n, 2 = one
	trace := []Instr{
		0: {Op: "guard_int", Operands: [4]uint64{1 * S}, ExitStub: 6},
		1: {Op: "int_jump_if_ge", Operands: [4]uint64{0, 1 * S}, Target: 5},
		2: {Op: "int_add", Operands: [4]uint64{0, 0, 2 * S}, ExitStub: 6},
		3: {Op: "loop", Operands: [4]uint64{1}, Target: 1},
		4: {Op: "jump", Target: 5}, // unreachable
		5: {Op: "end", Operands: [4]uint64{2}},
		6: {Op: "exit", Operands: [4]uint64{3}},
	}
	frame := []V{iv(0), iv(10), iv(1)}
	st := templates.State{Budget: 4}
	code, err := Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitSafepoint, 1) || frame[0] != iv(4) {
		t.Fatalf("first run: %v %v, i = %v; want safepoint@1 with i = 4", code, err, frame[0])
	}
	// Run again from the top, as Go would after refilling the budget.
	st.Budget = 100
	code, err = Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitEnd, 2) || frame[0] != iv(10) {
		t.Fatalf("second run: %v %v, i = %v; want end@2 with i = 10", code, err, frame[0])
	}
	// A guard failure takes the exit stub.
	frame[1] = fv(10)
	code, err = Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitSide, 3) {
		t.Fatalf("guard failure: %v %v, want side_exit@3", code, err)
	}
	// Overflow takes the add's exit stub with i untouched.
	frame = []V{iv(maxI - 1), iv(maxI), iv(2)}
	st.Budget = 100
	code, err = Run(trace, &st, frame, 1000)
	if err != nil || code != templates.MakeExitCode(templates.ExitSide, 3) || frame[0] != iv(maxI-1) {
		t.Fatalf("overflow: %v %v, i = %v; want side_exit@3 with i = %d", code, err, frame[0], maxI-1)
	}
	// Limits and bad layouts are errors.
	st.Budget = math.MaxInt64
	frame = []V{iv(0), iv(maxI), iv(1)}
	if _, err := Run(trace, &st, frame, 50); !errors.Is(err, ErrStepLimit) {
		t.Errorf("step limit: err = %v", err)
	}
	if _, err := Run([]Instr{{Op: "load_int"}}, &st, frame, 10); err == nil {
		t.Error("running off the end of the trace: no error")
	}
	if _, err := Run([]Instr{{Op: "jump", Target: 7}}, &st, frame, 10); err == nil {
		t.Error("jump to a bad index: no error")
	}
}

// TestInterruptedEntry: the loop uop does not read the interrupt flag, so
// an entry with the flag set runs with a budget of 1 and leaves at the first
// back-edge, as the runtime's entries do; without the flag the budget counts.
func TestInterruptedEntry(t *testing.T) {
	// slots: 0 = i, 1 = n, 2 = one; while i < n: i += 1
	trace := []Instr{
		0: {Op: "int_jump_if_ge", Operands: [4]uint64{0, 1 * S}, Target: 3},
		1: {Op: "int_add", Operands: [4]uint64{0, 0, 2 * S}, ExitStub: 4},
		2: {Op: "loop", Operands: [4]uint64{1}, Target: 0},
		3: {Op: "end", Operands: [4]uint64{2}},
		4: {Op: "exit", Operands: [4]uint64{3}},
	}
	for _, c := range []struct {
		interrupt uint32
		wantI     int64
	}{{0, 5}, {1, 1}} {
		frame := []V{iv(0), iv(100), iv(1)}
		st := templates.State{Budget: 5, Interrupt: c.interrupt}
		code, err := Run(trace, &st, frame, 1000)
		if err != nil || code != templates.MakeExitCode(templates.ExitSafepoint, 1) || frame[0] != iv(c.wantI) {
			t.Errorf("interrupt %d: %v %v, i = %v; want safepoint@1 with i = %d", c.interrupt, code, err, frame[0], c.wantI)
		}
	}
}

func TestNextString(t *testing.T) {
	for n, want := range map[Next]string{Continue: "continue", Jump: "jump", Exit: "exit", Leave: "leave", 9: "Next(9)"} {
		if got := n.String(); got != want {
			t.Errorf("Next(%d).String() = %q, want %q", uint8(n), got, want)
		}
	}
}

// checkListVariant checks a list load or store register variant
// (list_load_r.c, list_store_r.c) against its plain uop on a list of
// floats: the same frame and list, and the loaded value also in the
// register, or the register's float stored; a load of an int exits.
func checkListVariant(t *testing.T, op, base string, parts []string) {
	t.Helper()
	const S = templates.SlotSize
	for _, i := range []int64{0, 2, -1, 3} {
		regs := Regs{math.Float64bits(-7), math.Float64bits(0.25)}
		l, lv := newList(false, fv(1.5), iv(4), fv(negZ))
		plainList, plainLV := newList(false, fv(1.5), iv(4), fv(negZ))
		var frame, plain []V
		var next, wantNext Next
		var err error
		wantRegs := regs
		switch base {
		case "list_load_r":
			dst := fv(9)
			frame, plain = []V{dst, lv, iv(i)}, []V{dst, plainLV, iv(i)}
			plainOp := map[string]string{"t": "list_load", "b": "list_load_bits"}[parts[0]]
			wantNext, _, _, _ = StepRegs(plainOp, [4]uint64{0, S, 2 * S, uint64(templates.TagFloat)}, &templates.State{}, plain, 0, 0, new(Regs))
			if wantNext == Continue {
				wantRegs[parts[1][1]-'0'] = plain[0].Bits
			}
			next, _, _, err = StepRegs(op, [4]uint64{0, S, 2 * S, uint64(templates.TagFloat)}, &templates.State{}, frame, 0, 0, &regs)
		case "list_load_k", "list_load_kn":
			// Loads of every element, an int, a float and a bool, where
			// the plain load is told the variant's kind; the kn forms
			// (for indexes >= 0) exit at a negative one.
			kind := map[string]templates.Tag{"int": templates.TagInt, "bool": templates.TagBool}[parts[1]]
			l, lv = newList(false, iv(-4), fv(1.5), V{Tag: templates.TagBool, Bits: 1})
			plainList, plainLV = newList(false, iv(-4), fv(1.5), V{Tag: templates.TagBool, Bits: 1})
			dst := V{Tag: kind, Bits: 77}
			frame, plain = []V{dst, lv, iv(i)}, []V{dst, plainLV, iv(i)}
			plainOp := map[string]string{"t": "list_load", "b": "list_load_bits"}[parts[0]]
			wantNext = Exit
			if base == "list_load_k" || i >= 0 {
				wantNext, _, _, _ = StepRegs(plainOp, [4]uint64{0, S, 2 * S, uint64(kind)}, &templates.State{}, plain, 0, 0, new(Regs))
			}
			next, _, _, err = StepRegs(op, [4]uint64{0, S, 2 * S, uint64(templates.TagFloat)}, &templates.State{}, frame, 0, 0, &regs)
		case "list_store_k", "list_store_kn":
			// Stores of a value of the variant's kind (an int or a bool
			// with bits the other kind would not have) where the plain
			// store reads the value's tag; the kn forms exit at a
			// negative index.
			kind := map[string]templates.Tag{"int": templates.TagInt, "bool": templates.TagBool}[parts[0]]
			v := V{Tag: kind, Bits: 1}
			if kind == templates.TagInt {
				v.Bits = uint64(1) << 40
			}
			frame, plain = []V{lv, iv(i), v}, []V{plainLV, iv(i), v}
			wantNext = Exit
			if base == "list_store_k" || i >= 0 {
				wantNext, _, _, _ = StepRegs("list_store", [4]uint64{0, S, 2 * S}, &templates.State{}, plain, 0, 0, new(Regs))
			}
			next, _, _, err = StepRegs(op, [4]uint64{0, S, 2 * S}, &templates.State{}, frame, 0, 0, &regs)
		case "list_load_pk":
			// A packed list's bytes (1, 0, 1): the bool with its tag (t)
			// or the bits alone (b), an exit past the end.
			pk := []uint8{1, 0, 1}
			l.Packed, l.PackLen, l.PackCap = &pk[0], 3, 3
			keptBytes = append(keptBytes, pk)
			lv.Bits += templates.PackedKind
			dst := V{Tag: templates.TagInt, Bits: 77}
			frame, plain = []V{dst, lv, iv(i)}, []V{dst, plainLV, iv(i)}
			wantNext = Exit
			if j := (i + 3) % 3; i < 3 {
				wantNext, plain[0].Bits = Continue, uint64(pk[j])
				if parts[0] == "t" {
					plain[0].Tag = templates.TagBool
				}
			}
			next, _, _, err = StepRegs(op, [4]uint64{0, S, 2 * S}, &templates.State{}, frame, 0, 0, &regs)
		case "list_store_r":
			r := parts[0][1] - '0'
			frame, plain = []V{lv, iv(i), sentry}, []V{plainLV, iv(i), {Tag: templates.TagFloat, Bits: regs[r]}}
			wantNext, _, _, _ = StepRegs("list_store", [4]uint64{0, S, 2 * S}, &templates.State{}, plain, 0, 0, new(Regs))
			plain[2] = sentry
			next, _, _, err = StepRegs(op, [4]uint64{0, S, 2 * S}, &templates.State{}, frame, 0, 0, &regs)
		case "list_store_rin":
			// As list_store_r where its precondition holds (an index in
			// range and not negative); elsewhere a bad operand.
			r := parts[0][1] - '0'
			frame, plain = []V{lv, iv(i), sentry}, []V{plainLV, iv(i), {Tag: templates.TagFloat, Bits: regs[r]}}
			wantNext, _, _, _ = StepRegs("list_store", [4]uint64{0, S, 2 * S}, &templates.State{}, plain, 0, 0, new(Regs))
			plain[2] = sentry
			next, _, _, err = StepRegs(op, [4]uint64{0, S, 2 * S}, &templates.State{}, frame, 0, 0, &regs)
			if i < 0 || i >= l.Len {
				if !errors.Is(err, ErrBadList) {
					t.Errorf("%s at %d of %d: %v %v, want ErrBadList", op, i, l.Len, next, err)
				}
				continue
			}
		default:
			t.Errorf("%s: not a register variant this test knows", op)
			return
		}
		got := unsafe.Slice(l.Vals, l.Len)
		want := unsafe.Slice(plainList.Vals, plainList.Len)
		sameFrame := frame[0] == plain[0] && frame[1] == lv && frame[2] == plain[2] // (a load)
		switch base {
		case "list_store_r", "list_store_rin":
			sameFrame = frame[0] == lv && frame[1] == plain[1] && frame[2] == sentry
		case "list_store_k", "list_store_kn":
			sameFrame = frame[0] == lv && frame[1] == plain[1] && frame[2] == plain[2]
		}
		if err != nil || next != wantNext || regs != wantRegs || !sameFrame || !equalValues(got, want) {
			t.Errorf("%s at %d: %v %v, regs %x, frame %v, list %v; want %v, regs %x, frame %v, list %v", op, i, next, err, regs, frame, got, wantNext, wantRegs, plain, want)
		}
	}
}

// TestRegisterVariants checks every register variant against its plain
// uop: the same frame, and the result also in the register the variant
// names, operands read from the registers it names (which hold other
// values than the slots here, so reading the wrong place shows).
func TestRegisterVariants(t *testing.T) {
	ariths := map[string]func(a, b float64) float64{
		"add": func(a, b float64) float64 { return a + b },
		"sub": func(a, b float64) float64 { return a - b },
		"mul": func(a, b float64) float64 { return a * b },
		"div": func(a, b float64) float64 { return a / b },
	}
	cmps := map[string]func(a, b float64) bool{
		"lt": func(a, b float64) bool { return a < b },
		"le": func(a, b float64) bool { return a <= b },
		"gt": func(a, b float64) bool { return a > b },
		"ge": func(a, b float64) bool { return a >= b },
	}
	const S = templates.SlotSize
	n := 0
	for _, op := range Uops() {
		base, vals, ok := strings.Cut(op, "__")
		if !ok {
			continue
		}
		n++
		parts := strings.Split(vals, "_")
		if strings.HasPrefix(base, "list_") {
			checkListVariant(t, op, base, parts)
			continue
		}
		for _, in := range [][4]float64{{1.5, 2, -3, 7}, {3, 0, 5, -0.25}, {2, 2, 2, 2}, {nan, 1, 0, negZ}, {-1, 4, -2, 9}} {
			frame := []V{{Tag: templates.TagBool, Bits: 0xdead}, fv(in[0]), fv(in[1])}
			regs := Regs{math.Float64bits(in[2]), math.Float64bits(in[3])}
			pick := func(where string, slot int) float64 {
				switch where {
				case "f0":
					return in[2]
				case "f1":
					return in[3]
				}
				return f64(&frame[slot])
			}
			if cmp := cmps[strings.TrimPrefix(strings.TrimSuffix(base, "_r"), "float_jump_if_")]; strings.HasPrefix(base, "float_jump_if_") && cmp != nil {
				want := Continue
				if cmp(pick(parts[0], 0), pick(parts[1], 1)) {
					want = Jump
				}
				before := append([]V(nil), frame...)
				beforeRegs := regs
				next, _, _, err := StepRegs(op, [4]uint64{0, S}, &templates.State{}, frame, 0, 0, &regs)
				if err != nil || next != want || !equalValues(frame, before) || regs != beforeRegs {
					t.Errorf("%s on %v: %v %v, regs %x, frame %v; want %v, nothing changed", op, in, next, err, regs, frame, want)
				}
				continue
			}
			name := strings.TrimPrefix(strings.TrimSuffix(base, "_r"), "float_")
			f := ariths[name]
			parts := parts
			if name == "sqrt" && len(parts) == 3 {
				f, parts = func(a, _ float64) float64 { return math.Sqrt(a) }, append(parts[:3:3], "s")
			}
			if f == nil || len(parts) != 4 {
				t.Errorf("%s: not a register variant this test knows", op)
				continue
			}
			a, b := pick(parts[2], 1), pick(parts[3], 2)
			wantRegs := regs
			wantFrame := append([]V(nil), frame...)
			want := Continue
			if name == "div" && b == 0 || name == "sqrt" && a < 0 {
				want = Exit
			} else {
				r := math.Float64bits(f(a, b))
				wantFrame[0].Bits = r
				if parts[0] == "t" {
					wantFrame[0].Tag = templates.TagFloat
				}
				wantRegs[parts[1][1]-'0'] = r
			}
			next, _, _, err := StepRegs(op, [4]uint64{0, S, 2 * S}, &templates.State{}, frame, 0, 0, &regs)
			if err != nil || next != want || !equalValues(frame, wantFrame) || regs != wantRegs {
				t.Errorf("%s on %v: %v %v, regs %x, frame %v; want %v, regs %x, frame %v", op, in, next, err, regs, frame, want, wantRegs, wantFrame)
			}
		}
	}
	if n == 0 {
		t.Fatal("no register variants")
	}
}

// TestListCopy runs list_copy (a slice call-out x = y[:] into the list it
// made last) on fresh and stale destinations and on every kind of source
// it must leave to the interpreter.
func TestListCopy(t *testing.T) {
	vals := func(l *templates.List) []V { return append([]V(nil), unsafe.Slice(l.Vals, l.Len)...) }
	for _, c := range []struct {
		name string
		dst  []V // the destination's elements (its capacity: one more)
		src  []V
		// stale: the word names another list; objs, deque: on the source
		// (s) or the destination (d); same: the source is the destination.
		stale, srcObjs, dstObjs, srcDeque, same bool
		srcV                                    *V // a source slot that is no list
		want                                    []V
	}{
		{name: "shorter into longer", dst: []V{iv(1), iv(2), iv(3)}, src: []V{fv(0.5), bv(true)}, want: []V{fv(0.5), bv(true)}},
		{name: "longer into shorter, within capacity", dst: []V{iv(1)}, src: []V{iv(7), iv(8)}, want: []V{iv(7), iv(8)}},
		{name: "empty source", dst: []V{iv(1)}, src: nil, want: []V{}},
		{name: "past the capacity", dst: []V{iv(1)}, src: []V{iv(7), iv(8), iv(9)}},
		{name: "stale destination", dst: []V{iv(1), iv(2)}, src: []V{iv(7)}, stale: true},
		{name: "source may hold objects", dst: []V{iv(1), iv(2)}, src: []V{iv(7)}, srcObjs: true},
		{name: "destination may hold objects", dst: []V{iv(1), iv(2)}, src: []V{iv(7)}, dstObjs: true},
		{name: "source is a deque", dst: []V{iv(1), iv(2)}, src: []V{iv(7)}, srcDeque: true},
		{name: "a list into itself", dst: []V{iv(1), iv(2)}, src: []V{iv(7)}, same: true},
		{name: "source is an int", dst: []V{iv(1), iv(2)}, srcV: &V{Tag: templates.TagInt, Bits: 7}},
		{name: "source is unreadable", dst: []V{iv(1), iv(2)}, srcV: &V{Tag: templates.TagObject}},
	} {
		dst, dv := newList(c.dstObjs, c.dst...)
		src, sv := newList(c.srcObjs, c.src...)
		if c.srcDeque {
			src.Deque = 1
		}
		if c.same {
			sv = dv
		}
		if c.srcV != nil {
			sv = *c.srcV
		}
		word := new(uint64)
		*word = dv.Bits
		if c.stale {
			_, other := newList(false, iv(0))
			*word = other.Bits
		}
		before, srcBefore := vals(dst), vals(src)
		frame := []V{dv, sv, sentry}
		st := templates.State{Budget: 5}
		next, _, err := Step("list_copy", [4]uint64{0, S, uint64(uintptr(unsafe.Pointer(word)))}, &st, frame)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if frame[0] != dv || frame[1] != sv || frame[2] != sentry {
			t.Errorf("%s: the frame changed: %v", c.name, frame)
		}
		if !slices.Equal(vals(src), srcBefore) {
			t.Errorf("%s: the source changed: %v", c.name, vals(src))
		}
		want, wantNext := c.want, Continue
		if want == nil {
			want, wantNext = before, Exit
		}
		if next != wantNext || !slices.Equal(vals(dst), want) {
			t.Errorf("%s: %v with %v, want %v with %v", c.name, next, vals(dst), wantNext, want)
		}
	}
	// A word at address 0 is a bad operand, not a crash.
	_, dv := newList(false, iv(1))
	if _, _, err := Step("list_copy", [4]uint64{0, S, 0}, &templates.State{}, []V{dv, dv}); !errors.Is(err, ErrBadList) {
		t.Errorf("list_copy with no word: err = %v, want ErrBadList", err)
	}
}

// newPacked builds a packed bool list of these bytes, as the interpreter
// does, and the slot value that names it (its address plus PackedKind).
func newPacked(bytes ...uint8) (*templates.List, V) {
	pk := append([]uint8(nil), bytes...)
	l := &templates.List{Packed: &pk[0], PackLen: int64(len(pk)), PackCap: int64(len(pk))}
	keptLists = append(keptLists, l)
	return l, V{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l))) + templates.PackedKind}
}

// TestListStorePkk: the store into a packed list the optimizer proved
// packed writes the value's low byte at the index (from either end) and
// touches nothing else; a slot that is no packed list is a bad operand
// (natively it would be read as one).
func TestListStorePkk(t *testing.T) {
	const S = templates.SlotSize
	for _, c := range []struct {
		i    int64
		v    V
		want []uint8
	}{
		{0, bv(true), []uint8{1, 0, 1}},
		{1, bv(true), []uint8{1, 1, 1}},
		{-1, bv(false), []uint8{1, 0, 0}},
		{-3, bv(false), []uint8{0, 0, 1}},
	} {
		l, lv := newPacked(1, 0, 1)
		frame := []V{lv, iv(c.i), c.v}
		next, _, err := Step("list_store_pkk", [4]uint64{0, S, 2 * S}, &templates.State{}, frame)
		got := unsafe.Slice(l.Packed, l.PackLen)
		if err != nil || next != Continue || string(got) != string(c.want) || frame[0] != lv {
			t.Errorf("list_store_pkk at %d of %v: %v %v, bytes %v; want bytes %v", c.i, c.v, next, err, got, c.want)
		}
	}
	_, plain := newList(false, iv(1))
	if _, _, err := Step("list_store_pkk", [4]uint64{0, S, 2 * S}, &templates.State{}, []V{plain, iv(0), bv(true)}); !errors.Is(err, ErrBadList) {
		t.Errorf("list_store_pkk on a plain list: %v, want ErrBadList", err)
	}
}
