package interp

import (
	"bytes"
	"math"
	"strings"
)

// bytes and bytearray: one Go type, mut telling them apart. The
// operators and subscripts live here; the methods in bytes_methods.go,
// the codecs in codecs.go.

// Bytes is a bytes (immutable) or a bytearray (mut) value.
type Bytes struct {
	b   []byte
	mut bool
}

func (x *Bytes) typeName() string {
	if x.mut {
		return "bytearray"
	}
	return "bytes"
}

func bytesVal(b []byte) Val     { return ObjVal(&Bytes{b: b}) }
func bytearrayVal(b []byte) Val { return ObjVal(&Bytes{b: b, mut: true}) }

// like is a result of x's type (bytes or bytearray) holding b.
func (x *Bytes) like(b []byte) Val { return ObjVal(&Bytes{b: b, mut: x.mut}) }

// bytesLike is the buffer of a bytes-like object: bytes, bytearray or
// array.array.
func bytesLike(v Val) ([]byte, bool) {
	if v.T != tagObject {
		return nil, false
	}
	switch x := v.O.(type) {
	case *Bytes:
		return x.b, true
	case *PyArray:
		return x.b, true
	case *MemoryView:
		if x.contiguous() && x.step > 0 {
			if b, err := x.buf(); err == nil {
				return b[x.off : x.off+x.n*x.itemsize], true
			}
			return nil, false
		}
		b, err := x.bytes()
		return b, err == nil
	}
	return nil, false
}

// bytesRepr is CPython's repr of bytes: b'...' with the quote str's repr
// would choose, printable ASCII kept, \t \n \r and the rest escaped.
func bytesRepr(x *Bytes) string {
	var sb strings.Builder
	if x.mut {
		sb.WriteString("bytearray(")
	}
	q := byte('\'')
	if bytes.IndexByte(x.b, '\'') >= 0 && bytes.IndexByte(x.b, '"') < 0 {
		q = '"'
	}
	sb.WriteByte('b')
	sb.WriteByte(q)
	for _, c := range x.b {
		switch {
		case c == q || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			sb.WriteString(`\x` + hex2(int(c)))
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(q)
	if x.mut {
		sb.WriteByte(')')
	}
	return sb.String()
}

// bytesHash is CPython's: the same SipHash as a str of the same bytes
// (hash(b'ab') == hash('ab')). bytearray is unhashable.
func bytesHash(x *Bytes) (int64, error) {
	if x.mut {
		return 0, newErr(TypeError, "unhashable type: 'bytearray'")
	}
	if len(x.b) == 0 {
		return 0, nil
	}
	h := int64(sipHash13(string(x.b)))
	if h == -1 {
		h = -2
	}
	return h, nil
}

func bytesEqual(x *Bytes, b Val) bool {
	if m, ok := b.O.(*MemoryView); ok {
		// bytes == memoryview: the view's items against the bytes.
		eq, _, _ := m.equal(nil, ObjVal(x))
		return eq
	}
	y, ok := b.O.(*Bytes)
	return ok && b.T == tagObject && bytes.Equal(x.b, y.b)
}

// bytesCompare is <, <=, >, >= between bytes-likes; ok is false for
// other operands.
func bytesCompare(op Op, x *Bytes, b Val) (r, ok bool) {
	y, ok := b.O.(*Bytes)
	if !ok || b.T != tagObject {
		return false, false
	}
	return cmpResult(op, bytes.Compare(x.b, y.b)), true
}

// byteValue is an int to store in a bytes: 0..255.
func (vm *VM) byteValue(v Val, msg string) (byte, error) {
	if !isIntLike(v) {
		if r, ok, err := instInt(v, "__index__"); ok {
			if err != nil {
				return 0, err
			}
			v = r
		} else {
			return 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
		}
	}
	if v.T != tagInt && v.T != tagBool || int64(v.B) < 0 || int64(v.B) > 255 {
		return 0, newErr(ValueError, "%s", msg)
	}
	return byte(v.B), nil
}

func (vm *VM) bytesContains(x *Bytes, item Val) (bool, error) {
	if sub, ok := bytesLike(item); ok {
		return bytes.Contains(x.b, sub), nil
	}
	if !isIntLike(item) {
		if _, ok, _ := instInt(item, "__index__"); !ok {
			return false, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(item))
		}
	}
	c, err := vm.byteValue(item, "byte must be in range(0, 256)")
	if err != nil {
		return false, err
	}
	return bytes.IndexByte(x.b, c) >= 0, nil
}

// bytesBinop is +, * and % with a bytes or bytearray on the left (or,
// for *, a count on the left); done is false when x has no such operator
// for b.
func (vm *VM) bytesBinop(op Op, a, b Val) (r Val, done bool, err error) {
	x, _ := a.O.(*Bytes)
	switch op {
	case opAdd:
		if x == nil {
			return Val{}, false, nil
		}
		y, ok := bytesLike(b)
		if !ok {
			if _, isInst := b.O.(*Instance); isInst {
				return Val{}, false, nil
			}
			return Val{}, true, newErr(TypeError, "can't concat %s to %s", typeName(b), x.typeName())
		}
		if err := memCheck(uint64(len(x.b)) + uint64(len(y))); err != nil {
			return Val{}, true, err
		}
		out := make([]byte, 0, len(x.b)+len(y))
		return x.like(append(append(out, x.b...), y...)), true, nil
	case opMul:
		n := b
		if x == nil {
			x, _ = b.O.(*Bytes)
			n = a
		}
		if x == nil {
			return Val{}, false, nil
		}
		if !isIntLike(n) {
			r, ok, err := instInt(n, "__index__")
			if !ok {
				if _, isInst := n.O.(*Instance); isInst {
					return Val{}, false, nil
				}
				return Val{}, true, newErr(TypeError, "can't multiply sequence by non-int of type '%s'", typeName(n))
			}
			if err != nil {
				return Val{}, true, err
			}
			n = r
		}
		k, err := vm.repeatCount(n)
		if err != nil {
			return Val{}, true, err
		}
		if !x.mut && k > 0 && len(x.b) > math.MaxInt64/k {
			// bytes' own check (a bytearray's is a MemoryError).
			return Val{}, true, newErr(OverflowError, "repeated bytes are too long")
		}
		if err := memCheckMul(uint64(len(x.b)), uint64(k)); err != nil {
			return Val{}, true, err
		}
		return x.like(bytes.Repeat(x.b, k)), true, nil
	case opMod:
		if x == nil {
			return Val{}, false, nil
		}
		out, err := vm.bytesPercent(x.b, b)
		if err != nil {
			return Val{}, true, err
		}
		return x.like(out), true, nil
	}
	return Val{}, false, nil
}

// bytesIndex is an index into a bytes of length n, wrapped and checked.
func (vm *VM) bytesIndex(x *Bytes, k Val, what string) (int, error) {
	i, err := vm.itemIndex(k, "byte")
	if err != nil {
		if x.mut && !tooBigIndex(err) {
			return 0, newErr(TypeError, "bytearray indices must be integers or slices, not %s", typeName(k))
		}
		return 0, err
	}
	n := int64(len(x.b))
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		if x.mut {
			return 0, newErr(IndexError, "bytearray %s out of range", what)
		}
		return 0, newErr(IndexError, "%s out of range", what)
	}
	return int(i), nil
}

func (vm *VM) bytesGetItem(x *Bytes, k Val) (Val, error) {
	if s, ok := k.O.(*SliceObj); ok && k.T == tagObject {
		lo, hi, step, err := vm.sliceIndices(s, int64(len(x.b)))
		if err != nil {
			return Val{}, err
		}
		if step == 1 {
			if hi < lo {
				hi = lo
			}
			return x.like(append([]byte{}, x.b[lo:hi]...)), nil
		}
		idx := sliceRange(lo, hi, step)
		out := make([]byte, len(idx))
		for j, i := range idx {
			out[j] = x.b[i]
		}
		return x.like(out), nil
	}
	i, err := vm.bytesIndex(x, k, "index")
	if err != nil {
		return Val{}, err
	}
	return IntVal(int64(x.b[i])), nil
}

func (vm *VM) bytesSetItem(x *Bytes, k, v Val) error {
	if !x.mut {
		return newErr(TypeError, "'bytes' object does not support item assignment")
	}
	if s, ok := k.O.(*SliceObj); ok && k.T == tagObject {
		src, err := vm.bytesSource(v)
		if err != nil {
			return err
		}
		lo, hi, step, err := vm.sliceIndices(s, int64(len(x.b)))
		if err != nil {
			return err
		}
		if step == 1 {
			hi = max(hi, lo)
			rest := append([]byte{}, x.b[hi:]...)
			x.b = append(append(x.b[:lo], src...), rest...)
			return nil
		}
		idx := sliceRange(lo, hi, step)
		if len(idx) != len(src) {
			return newErr(ValueError, "attempt to assign bytes of size %d to extended slice of size %d", len(src), len(idx))
		}
		for j, i := range idx {
			x.b[i] = src[j]
		}
		return nil
	}
	i, err := vm.bytesIndex(x, k, "index")
	if err != nil {
		return err
	}
	c, err := vm.byteValue(v, "byte must be in range(0, 256)")
	if err != nil {
		return err
	}
	x.b[i] = c
	return nil
}

func (vm *VM) bytesDelItem(x *Bytes, k Val) error {
	if !x.mut {
		return newErr(TypeError, "'bytes' object doesn't support item deletion")
	}
	if s, ok := k.O.(*SliceObj); ok && k.T == tagObject {
		lo, hi, step, err := vm.sliceIndices(s, int64(len(x.b)))
		if err != nil {
			return err
		}
		drop := map[int64]bool{}
		for _, i := range sliceRange(lo, hi, step) {
			drop[i] = true
		}
		out := x.b[:0]
		for i, c := range x.b {
			if !drop[int64(i)] {
				out = append(out, c)
			}
		}
		x.b = out
		return nil
	}
	i, err := vm.bytesIndex(x, k, "index")
	if err != nil {
		return err
	}
	x.b = append(x.b[:i], x.b[i+1:]...)
	return nil
}

// bytesSource is what a bytearray slice assignment, extend or += takes:
// a bytes-like object, or an iterable of ints.
func (vm *VM) bytesSource(v Val) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return append([]byte{}, b...), nil
	}
	if v.isStr() {
		return nil, newErr(TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	items, err := vm.iterate(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(items))
	for i, it := range items {
		if out[i], err = vm.byteValue(it, "byte must be in range(0, 256)"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// bytesIter iterates over the ints of x, seeing a bytearray's changes.
func bytesIter(x *Bytes) *funcIter {
	i := 0
	return &funcIter{name: x.typeName() + "_iterator", next: func(vm *VM) (Val, bool, error) {
		if i >= len(x.b) {
			return Val{}, false, nil
		}
		i++
		return IntVal(int64(x.b[i-1])), true, nil
	}}
}

// bytesInplace is bytearray += and *=: the bytearray grows in place.
func (vm *VM) bytesInplace(op Op, x *Bytes, b Val) (Val, bool, error) {
	if !x.mut {
		return Val{}, false, nil
	}
	switch op {
	case opAdd:
		y, ok := bytesLike(b)
		if !ok {
			return Val{}, true, newErr(TypeError, "can't concat %s to bytearray", typeName(b))
		}
		x.b = append(x.b, y...)
		return ObjVal(x), true, nil
	case opMul:
		r, done, err := vm.bytesBinop(opMul, ObjVal(x), b)
		if !done || err != nil {
			return r, done, err
		}
		x.b = r.O.(*Bytes).b
		return ObjVal(x), true, nil
	}
	return Val{}, false, nil
}

// newBytes is bytes(...) and bytearray(...): from nothing, a count, a
// str and its encoding, a bytes-like object, __bytes__, or an iterable of
// ints.
func (vm *VM) newBytes(mut bool, args []Val, kwn []string) (Val, error) {
	name := "bytes"
	if mut {
		name = "bytearray"
	}
	mk := func(b []byte) Val { return ObjVal(&Bytes{b: b, mut: mut}) }
	pos, kw := splitKw(args, kwn)
	var src, enc, errs Val
	for i, p := range pos {
		switch i {
		case 0:
			src = p
		case 1:
			enc = p
		case 2:
			errs = p
		default:
			return Val{}, newErr(TypeError, "%s() takes at most 3 arguments (%d given)", name, len(args))
		}
	}
	for k, v := range kw {
		switch k {
		case "source":
			src = v
		case "encoding":
			enc = v
		case "errors":
			errs = v
		default:
			return Val{}, newErr(TypeError, "'%s' is an invalid keyword argument for %s()", k, name)
		}
	}
	if src.T == tagEmpty {
		if enc.T != tagEmpty || errs.T != tagEmpty {
			return Val{}, newErr(TypeError, "encoding or errors without sequence argument")
		}
		return mk([]byte{}), nil
	}
	if src.isStr() {
		if enc.T == tagEmpty {
			return Val{}, newErr(TypeError, "string argument without an encoding")
		}
		b, err := vm.encodeStr(src.str().s, enc, errs)
		if err != nil {
			return Val{}, err
		}
		return mk(b), nil
	}
	if enc.T != tagEmpty {
		return Val{}, newErr(TypeError, "encoding without a string argument")
	}
	if errs.T != tagEmpty {
		return Val{}, newErr(TypeError, "errors without a string argument")
	}
	if b, ok := bytesLike(src); ok {
		if x, ok := src.O.(*Bytes); ok && !x.mut && !mut {
			return src, nil
		}
		return mk(append([]byte{}, b...)), nil
	}
	if _, ok := src.O.(*Instance); ok {
		if r, found, err := vm.dunder(src, "__bytes__"); found {
			if err != nil {
				return Val{}, err
			}
			b, ok := r.O.(*Bytes)
			if !ok || b.mut {
				return Val{}, newErr(TypeError, "__bytes__ returned non-bytes (type %s)", typeName(r))
			}
			return mk(append([]byte{}, b.b...)), nil
		}
	}
	n := src
	if !isIntLike(n) {
		if r, ok, err := instInt(n, "__index__"); ok {
			if err != nil {
				return Val{}, err
			}
			n = r
		}
	}
	if isIntLike(n) {
		if n.T != tagInt && n.T != tagBool {
			if b, _ := toBig(n); b.Sign() < 0 {
				return Val{}, newErr(ValueError, "negative count")
			}
			return Val{}, newErr(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		c := int64(n.B)
		if c < 0 {
			return Val{}, newErr(ValueError, "negative count")
		}
		if err := memCheck(uint64(c)); err != nil {
			return Val{}, err
		}
		return mk(make([]byte, c)), nil
	}
	if src.T == tagFloat {
		return Val{}, newErr(TypeError, "cannot convert 'float' object to %s", name)
	}
	it, err := vm.iter(src)
	if err != nil {
		return Val{}, newErr(TypeError, "cannot convert '%s' object to %s", typeName(src), name)
	}
	msg := "bytes must be in range(0, 256)"
	if mut {
		msg = "byte must be in range(0, 256)"
	}
	out := []byte{}
	for {
		v, ok, err := vm.next(it)
		if err != nil {
			return Val{}, err
		}
		if !ok {
			return mk(out), nil
		}
		c, err := vm.byteValue(v, msg)
		if err != nil {
			return Val{}, err
		}
		out = append(out, c)
	}
}

func (vm *VM) bytesBuiltins(b map[string]Val) {
	b["bytes"] = ObjVal(&typeObj{name: "bytes", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.newBytes(false, args, kwn)
	}})
	b["bytearray"] = ObjVal(&typeObj{name: "bytearray", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.newBytes(true, args, kwn)
	}})
}
