package interp

import (
	"fmt"
	"strings"
	"sync/atomic"
	"unsafe"
)

// memoryview over bytes, bytearray and array.array: a window on the
// exporter's buffer, read and written in place; slicing makes another
// window, never a copy. One-dimensional only.
//
// CPython refuses to resize a bytearray or array while a view of it
// exists; minipy has no reference counts to know when the last view is
// gone, so it does not refuse: each access re-reads the exporter's current
// buffer and raises if the window no longer fits.
type MemoryView struct {
	obj      Val // the exporter: a *Bytes or *PyArray
	off      int // byte offset of item 0
	n        int // items
	step     int // bytes from one item to the next (negative when reversed)
	itemsize int
	format   string
	readonly bool
	released atomic.Bool
}

func (*MemoryView) typeName() string { return "memoryview" }

// mvItemSize is the size of each format a view can have.
var mvItemSize = map[string]int{"B": 1, "b": 1, "c": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
	"l": 8, "L": 8, "q": 8, "Q": 8, "n": 8, "N": 8, "f": 4, "d": 8, "w": 4}

func biMemoryview(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	for k, v := range kw {
		if k != "object" {
			return Val{}, newErr(TypeError, "memoryview() got an unexpected keyword argument '%s'", k)
		}
		pos = append(pos, v)
	}
	if len(pos) != 1 {
		if len(pos) == 0 {
			return Val{}, newErr(TypeError, "memoryview() missing required argument 'object' (pos 1)")
		}
		return Val{}, newErr(TypeError, "memoryview() takes at most 1 argument (%d given)", len(pos))
	}
	return newMemoryView(pos[0])
}

func newMemoryView(v Val) (Val, error) {
	switch x := v.O.(type) {
	case *Bytes:
		if v.T == tagObject {
			return ObjVal(&MemoryView{obj: v, n: len(x.b), step: 1, itemsize: 1, format: "B", readonly: !x.mut}), nil
		}
	case *PyArray:
		f := string(x.tc)
		if f == "u" {
			f = "w" // 3.13+: array('u') exports UCS-4 as 'w'
		}
		sz := x.size()
		return ObjVal(&MemoryView{obj: v, n: len(x.b) / sz, step: sz, itemsize: sz, format: f}), nil
	case *MemoryView:
		if err := x.live(); err != nil {
			return Val{}, err
		}
		return ObjVal(x.clone()), nil
	}
	return Val{}, newErr(TypeError, "memoryview: a bytes-like object is required, not '%s'", typeName(v))
}

func (m *MemoryView) clone() *MemoryView {
	return &MemoryView{obj: m.obj, off: m.off, n: m.n, step: m.step, itemsize: m.itemsize, format: m.format, readonly: m.readonly}
}

func (m *MemoryView) live() error {
	if m.released.Load() {
		return newErr(ValueError, "operation forbidden on released memoryview object")
	}
	return nil
}

// buf is the exporter's buffer now, checked to still hold the window.
func (m *MemoryView) buf() ([]byte, error) {
	if err := m.live(); err != nil {
		return nil, err
	}
	var b []byte
	switch x := m.obj.O.(type) {
	case *Bytes:
		b = x.b
	case *PyArray:
		b = x.b
	}
	if m.n > 0 {
		first, last := m.off, m.off+(m.n-1)*m.step
		lo, hi := min(first, last), max(first, last)+m.itemsize
		if lo < 0 || hi > len(b) {
			return nil, newErr(ValueError, "memoryview: the underlying buffer was resized")
		}
	}
	return b, nil
}

func (m *MemoryView) contiguous() bool { return m.n <= 1 || m.step == m.itemsize }

// bytes copies the view's bytes out, in its order.
func (m *MemoryView) bytes() ([]byte, error) {
	b, err := m.buf()
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, m.n*m.itemsize)
	for i := 0; i < m.n; i++ {
		p := m.off + i*m.step
		out = append(out, b[p:p+m.itemsize]...)
	}
	return out, nil
}

// item decodes item i of b.
func (m *MemoryView) item(b []byte, i int) Val {
	p := b[m.off+i*m.step : m.off+i*m.step+m.itemsize]
	switch m.format {
	case "c":
		return bytesVal([]byte{p[0]})
	case "?":
		return BoolVal(p[0] != 0)
	case "n":
		return (&PyArray{tc: 'q', b: p}).at(0)
	case "N":
		return (&PyArray{tc: 'Q', b: p}).at(0)
	}
	return (&PyArray{tc: m.format[0], b: p}).at(0)
}

func (m *MemoryView) items() ([]Val, error) {
	b, err := m.buf()
	if err != nil {
		return nil, err
	}
	out := make([]Val, m.n)
	for i := range out {
		out[i] = m.item(b, i)
	}
	return out, nil
}

// encode packs v as one item of the view's format.
func (m *MemoryView) encode(v Val) ([]byte, error) {
	switch m.format {
	case "c":
		if x, ok := v.O.(*Bytes); ok && len(x.b) == 1 {
			return []byte{x.b[0]}, nil
		}
		if _, ok := v.O.(*Bytes); ok {
			return nil, newErr(ValueError, "memoryview: invalid value for format 'c'")
		}
		return nil, newErr(TypeError, "memoryview: invalid type for format 'c'")
	case "?":
		if truthy(v) {
			return []byte{1}, nil
		}
		return []byte{0}, nil
	case "f", "d":
		if !isNumber(v) {
			return nil, newErr(TypeError, "memoryview: invalid type for format '%s'", m.format)
		}
	default:
		if !isIntLike(v) {
			return nil, newErr(TypeError, "memoryview: invalid type for format '%s'", m.format)
		}
	}
	tc := m.format[0]
	switch m.format {
	case "n":
		tc = 'q'
	case "N":
		tc = 'Q'
	}
	b, err := arrayEncode(tc, v)
	if err != nil {
		if pe, ok := err.(*PyErr); ok && pe.exc.typ == OverflowError {
			return nil, newErr(ValueError, "memoryview: invalid value for format '%s'", m.format)
		}
		return nil, err
	}
	return b, nil
}

func (m *MemoryView) index(vm *VM, k Val) (int, error) {
	if !isIntLike(k) {
		if _, big := k.O.(*BigInt); !big {
			return 0, newErr(TypeError, "memoryview: invalid slice key")
		}
	}
	i, err := vm.index(k, "")
	if err != nil {
		return 0, newErr(IndexError, "index out of bounds on dimension 1")
	}
	if i < 0 {
		i += int64(m.n)
	}
	if i < 0 || i >= int64(m.n) {
		return 0, newErr(IndexError, "index out of bounds on dimension 1")
	}
	return int(i), nil
}

func (m *MemoryView) slice(vm *VM, s *SliceObj) (*MemoryView, error) {
	lo, hi, step, err := vm.sliceIndices(s, int64(m.n))
	if err != nil {
		return nil, err
	}
	v := m.clone()
	v.off = m.off + int(lo)*m.step
	v.n = len(sliceRange(lo, hi, step))
	v.step = m.step * int(step)
	return v, nil
}

// dunder gives memoryview its operators (nativeType).
func (m *MemoryView) dunder(vm *VM, name string, args []Val) (Val, bool, error) {
	switch name {
	case "__len__":
		if err := m.live(); err != nil {
			return Val{}, true, err
		}
		return IntVal(int64(m.n)), true, nil
	case "__iter__":
		items, err := m.items()
		if err != nil {
			return Val{}, true, err
		}
		return ObjVal(&seqIter{items: items}), true, nil
	case "__getitem__":
		if _, err := m.buf(); err != nil {
			return Val{}, true, err
		}
		if s, ok := args[0].O.(*SliceObj); ok {
			v, err := m.slice(vm, s)
			if err != nil {
				return Val{}, true, err
			}
			return ObjVal(v), true, nil
		}
		if args[0].O == Object(Ellipsis) {
			return ObjVal(m), true, nil
		}
		i, err := m.index(vm, args[0])
		if err != nil {
			return Val{}, true, err
		}
		b, err := m.buf()
		if err != nil {
			return Val{}, true, err
		}
		return m.item(b, i), true, nil
	case "__setitem__":
		return NoneVal, true, m.setItem(vm, args[0], args[1])
	case "__contains__":
		items, err := m.items()
		if err != nil {
			return Val{}, true, err
		}
		for _, it := range items {
			if eq, err := vm.eqItemErr(it, args[0]); eq || err != nil {
				return BoolVal(eq), true, err
			}
		}
		return False, true, nil
	case "__delitem__":
		if err := m.live(); err != nil {
			return Val{}, true, err
		}
		if m.readonly {
			return Val{}, true, newErr(TypeError, "cannot modify read-only memory")
		}
		return Val{}, true, newErr(TypeError, "cannot delete memory")
	case "__eq__", "__ne__":
		eq, ok, err := m.equal(vm, args[0])
		if err != nil || !ok {
			if err == nil && m.released.Load() {
				// A released view equals only itself.
				return BoolVal((args[0].O == Object(m)) == (name == "__eq__")), true, nil
			}
			return vm.bi["NotImplemented"], true, err
		}
		return BoolVal(eq == (name == "__eq__")), true, nil
	}
	return Val{}, false, nil
}

func (m *MemoryView) setItem(vm *VM, k, v Val) error {
	if err := m.live(); err != nil {
		return err
	}
	if m.readonly {
		return newErr(TypeError, "cannot modify read-only memory")
	}
	b, err := m.buf()
	if err != nil {
		return err
	}
	if s, ok := k.O.(*SliceObj); ok {
		dst, err := m.slice(vm, s)
		if err != nil {
			return err
		}
		var src []byte
		srcFmt, srcN := "B", 0
		switch x := v.O.(type) {
		case *MemoryView:
			if src, err = x.bytes(); err != nil {
				return err
			}
			srcFmt, srcN = x.format, x.n
		case *PyArray:
			src = append([]byte(nil), x.b...)
			srcFmt, srcN = string(x.tc), x.n()
		case *Bytes:
			src = append([]byte(nil), x.b...)
			srcN = len(src)
		default:
			return newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(v))
		}
		if srcFmt != dst.format || srcN != dst.n {
			return newErr(ValueError, "memoryview assignment: lvalue and rvalue have different structures")
		}
		for i := 0; i < dst.n; i++ {
			p := dst.off + i*dst.step
			copy(b[p:p+m.itemsize], src[i*m.itemsize:])
		}
		return nil
	}
	i, err := m.index(vm, k)
	if err != nil {
		return err
	}
	enc, err := m.encode(v)
	if err != nil {
		return err
	}
	copy(b[m.off+i*m.step:], enc)
	return nil
}

// equal compares the view's items with another buffer's, as CPython does
// when both formats are understood; ok is false for a non-buffer.
func (m *MemoryView) equal(vm *VM, o Val) (eq, ok bool, err error) {
	var theirs []Val
	switch x := o.O.(type) {
	case *MemoryView:
		if x == m {
			return true, true, nil
		}
		if m.released.Load() || x.released.Load() {
			return false, true, nil
		}
		if theirs, err = x.items(); err != nil {
			return false, true, err
		}
	case *Bytes:
		if o.T != tagObject {
			return false, false, nil
		}
		for _, c := range x.b {
			theirs = append(theirs, IntVal(int64(c)))
		}
	case *PyArray:
		theirs = x.items()
	default:
		return false, false, nil
	}
	if m.released.Load() {
		return false, true, nil
	}
	mine, err := m.items()
	if err != nil {
		return false, true, err
	}
	if len(mine) != len(theirs) {
		return false, true, nil
	}
	for i := range mine {
		if vm == nil {
			// Called without a VM (bytes == view): items are numbers or bytes.
			if !plainEqual(mine[i], theirs[i]) {
				return false, true, nil
			}
			continue
		}
		if !vm.eqItem(mine[i], theirs[i]) {
			return false, true, vm.takePending()
		}
	}
	return true, true, nil
}

var memoryviewMethods = map[string]bool{"tobytes": true, "tolist": true, "release": true, "cast": true,
	"hex": true, "toreadonly": true, "__enter__": true, "__exit__": true}

func (m *MemoryView) has(name string) bool { return memoryviewMethods[name] || mvDunders[name] }

// mvDunders are the special methods also callable by name (m.__len__()).
var mvDunders = map[string]bool{"__len__": true, "__iter__": true, "__getitem__": true, "__setitem__": true,
	"__delitem__": true, "__eq__": true, "__ne__": true}

func (m *MemoryView) attr(vm *VM, name string) (Val, bool) {
	if m.released.Load() {
		switch name {
		case "obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
			"suboffsets", "c_contiguous", "f_contiguous", "contiguous":
			vm.pending = m.live()
			return NoneVal, true
		}
	}
	switch name {
	case "obj":
		return m.obj, true
	case "nbytes":
		return IntVal(int64(m.n * m.itemsize)), true
	case "readonly":
		return BoolVal(m.readonly), true
	case "itemsize":
		return IntVal(int64(m.itemsize)), true
	case "format":
		return StrVal(m.format), true
	case "ndim":
		return IntVal(1), true
	case "shape":
		return ObjVal(&Tuple{items: []Val{IntVal(int64(m.n))}}), true
	case "strides":
		return ObjVal(&Tuple{items: []Val{IntVal(int64(m.step))}}), true
	case "suboffsets":
		return ObjVal(&Tuple{}), true
	case "c_contiguous", "f_contiguous", "contiguous":
		return BoolVal(m.contiguous()), true
	}
	return Val{}, false
}

func (m *MemoryView) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	if mvDunders[name] {
		want := map[string]int{"__len__": 0, "__iter__": 0, "__setitem__": 2}[name]
		if name != "__len__" && name != "__iter__" && name != "__setitem__" {
			want = 1
		}
		if len(args) != want || len(kwn) > 0 {
			return Val{}, true, newErr(TypeError, "expected %d argument%s, got %d", want, plural(want), len(args))
		}
		return m.dunder(vm, name, args)
	}
	if !memoryviewMethods[name] {
		return Val{}, false, nil
	}
	if name == "release" || name == "__exit__" {
		// Releasing twice is allowed; a view of this one keeps its own.
		m.released.Store(true)
		if name == "__exit__" {
			return False, true, nil
		}
		return NoneVal, true, nil
	}
	if err := m.live(); err != nil {
		return Val{}, true, err
	}
	switch name {
	case "__enter__":
		return ObjVal(m), true, nil
	case "tobytes":
		b, err := m.bytes()
		return bytesVal(b), true, err
	case "hex":
		b, err := m.bytes()
		if err != nil {
			return Val{}, true, err
		}
		v, err := vm.callMethod(bytesVal(b), "hex", args, kwn)
		return v, true, err
	case "tolist":
		if len(args) > 0 {
			return Val{}, true, newErr(TypeError, "memoryview.tolist() takes no arguments (%d given)", len(args))
		}
		items, err := m.items()
		return ObjVal(newList(items)), true, err
	case "toreadonly":
		v := m.clone()
		v.readonly = true
		return ObjVal(v), true, nil
	case "cast":
		v, err := m.cast(args, kwn)
		return v, true, err
	}
	return Val{}, false, nil
}

// cast reinterprets a contiguous view's bytes with another format; one of
// the two formats must be a byte format (B, b, c), as CPython requires.
func (m *MemoryView) cast(args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if v, ok := kw["format"]; ok {
		pos = append([]Val{v}, pos...)
	}
	if v, ok := kw["shape"]; ok {
		pos = append(pos, v)
	}
	if len(pos) == 0 {
		return Val{}, newErr(TypeError, "cast() missing required argument 'format' (pos 1)")
	}
	fs, ok := pos[0].O.(*Str)
	if !ok {
		return Val{}, newErr(TypeError, "cast() argument 'format' must be str, not %s", typeName(pos[0]))
	}
	f := strings.TrimPrefix(fs.s, "@")
	size, known := mvItemSize[f]
	if !known || f == "w" {
		return Val{}, newErr(ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'")
	}
	if !m.contiguous() {
		return Val{}, newErr(TypeError, "memoryview: casts are restricted to C-contiguous views")
	}
	byteFmt := func(s string) bool { return s == "B" || s == "b" || s == "c" }
	if !byteFmt(f) && !byteFmt(m.format) {
		return Val{}, newErr(TypeError, "memoryview: cannot cast between two non-byte formats")
	}
	nbytes := m.n * m.itemsize
	if nbytes%size != 0 {
		return Val{}, newErr(TypeError, "memoryview: length is not a multiple of itemsize")
	}
	n := nbytes / size
	if len(pos) > 1 {
		var dims []Val
		switch s := pos[1].O.(type) {
		case *List:
			dims = s.items()
		case *Tuple:
			dims = s.items
		default:
			return Val{}, newErr(TypeError, "shape must be a list or a tuple")
		}
		if len(dims) != 1 {
			// minipy's views are one-dimensional.
			return Val{}, newErr(NotImplementedError, "memoryview: multi-dimensional views are not supported")
		}
		if !isIntLike(dims[0]) || int64(dims[0].B) != int64(n) {
			return Val{}, newErr(TypeError, "memoryview: product(shape) * itemsize != buffer size")
		}
	}
	v := &MemoryView{obj: m.obj, off: m.off, n: n, step: size, itemsize: size, format: f, readonly: m.readonly}
	return ObjVal(v), nil
}

func (m *MemoryView) repr() string {
	if m.released.Load() {
		return fmt.Sprintf("<released memory at %#x>", uintptr(unsafe.Pointer(m)))
	}
	return fmt.Sprintf("<memory at %#x>", uintptr(unsafe.Pointer(m)))
}

// plainEqual is == between two items of buffers: ints, floats, bools or
// one-byte bytes.
func plainEqual(a, b Val) bool {
	if x, ok := a.O.(*Bytes); ok {
		y, ok := b.O.(*Bytes)
		return ok && string(x.b) == string(y.b)
	}
	if isIntLike(a) && isIntLike(b) && a.T != tagObject && b.T != tagObject {
		return int64(a.B) == int64(b.B)
	}
	fa, err1 := toFloat(a)
	fb, err2 := toFloat(b)
	return err1 == nil && err2 == nil && fa == fb
}
