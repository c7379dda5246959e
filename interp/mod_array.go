package interp

import (
	"encoding/binary"
	"math"
	"math/big"
	"strings"
)

// array: typed arrays of numbers (array.array), their elements stored as
// the machine's little-endian bytes, so tobytes/frombytes and struct see
// the same layout CPython has on x86-64 and arm64.

// PyArray is an array.array.
type PyArray struct {
	tc byte
	b  []byte
}

func (*PyArray) typeName() string { return "array.array" }

const arrayTypecodes = "bBuwhHiIlLqQfd"

var arrayItemSize = map[byte]int{'b': 1, 'B': 1, 'u': 4, 'w': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}

func (a *PyArray) size() int     { return arrayItemSize[a.tc] }
func (a *PyArray) n() int        { return len(a.b) / a.size() }
func (a *PyArray) bytes() []byte { return a.b }

// nativeType is a type written in Go whose special methods vm.dunder
// finds (array.array): its operators, len, iteration and subscripts go
// through the paths instances of Python classes take.
type nativeType interface {
	Object
	dunder(vm *VM, name string, args []Val) (Val, bool, error)
}

func (a *PyArray) at(i int) Val {
	sz := a.size()
	p := a.b[i*sz : (i+1)*sz]
	le := binary.LittleEndian
	switch a.tc {
	case 'b':
		return IntVal(int64(int8(p[0])))
	case 'B':
		return IntVal(int64(p[0]))
	case 'h':
		return IntVal(int64(int16(le.Uint16(p))))
	case 'H':
		return IntVal(int64(le.Uint16(p)))
	case 'i':
		return IntVal(int64(int32(le.Uint32(p))))
	case 'I':
		return IntVal(int64(le.Uint32(p)))
	case 'l', 'q':
		return IntVal(int64(le.Uint64(p)))
	case 'L', 'Q':
		u := le.Uint64(p)
		if u > math.MaxInt64 {
			return normBig(new(big.Int).SetUint64(u))
		}
		return IntVal(int64(u))
	case 'f':
		return FloatVal(float64(math.Float32frombits(le.Uint32(p))))
	case 'd':
		return FloatVal(math.Float64frombits(le.Uint64(p)))
	}
	return StrVal(string(rune(le.Uint32(p)))) // u, w
}

// arrayLimits are each integer code's range and CPython's words for a
// value below or above it.
var arrayLimits = map[byte]struct {
	lo, hi   *big.Int
	low, big string
}{}

func init() {
	mk := func(lo, hi string, low, bigMsg string) struct {
		lo, hi   *big.Int
		low, big string
	} {
		l, _ := new(big.Int).SetString(lo, 10)
		h, _ := new(big.Int).SetString(hi, 10)
		return struct {
			lo, hi   *big.Int
			low, big string
		}{l, h, low, bigMsg}
	}
	arrayLimits['b'] = mk("-128", "127", "signed char is less than minimum", "signed char is greater than maximum")
	arrayLimits['B'] = mk("0", "255", "unsigned byte integer is less than minimum", "unsigned byte integer is greater than maximum")
	arrayLimits['h'] = mk("-32768", "32767", "signed short integer is less than minimum", "signed short integer is greater than maximum")
	arrayLimits['H'] = mk("0", "65535", "unsigned short is less than minimum", "unsigned short is greater than maximum")
	arrayLimits['i'] = mk("-2147483648", "2147483647", "signed integer is less than minimum", "signed integer is greater than maximum")
	arrayLimits['I'] = mk("0", "4294967295", "can't convert negative value to unsigned int", "unsigned int is greater than maximum")
	arrayLimits['l'] = mk("-9223372036854775808", "9223372036854775807", "Python int too large to convert to C long", "Python int too large to convert to C long")
	arrayLimits['L'] = mk("0", "18446744073709551615", "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long")
	arrayLimits['q'] = mk("-9223372036854775808", "9223372036854775807", "int too big to convert", "int too big to convert")
	arrayLimits['Q'] = mk("0", "18446744073709551615", "can't convert negative int to unsigned", "int too big to convert")
}

// encode is v as one item of code tc.
func arrayEncode(tc byte, v Val) ([]byte, error) {
	le := binary.LittleEndian
	out := make([]byte, arrayItemSize[tc])
	switch tc {
	case 'f', 'd':
		if !isNumber(v) {
			if f, ok, err := instFloat(v); ok {
				if err != nil {
					return nil, err
				}
				v = FloatVal(f)
			} else {
				return nil, newErr(TypeError, "must be real number, not %s", typeName(v))
			}
		}
		f, err := toFloat(v)
		if err != nil {
			return nil, err
		}
		if tc == 'f' {
			le.PutUint32(out, packedBits32(float32(f)))
		} else {
			le.PutUint64(out, packedBits(f))
		}
		return out, nil
	case 'u', 'w':
		s := v.str()
		if s == nil || s.length() != 1 {
			return nil, newErr(TypeError, "array item must be unicode character")
		}
		r := []rune(s.s)[0]
		le.PutUint32(out, uint32(r))
		return out, nil
	}
	if !isIntLike(v) {
		r, ok, err := instInt(v, "__index__")
		if !ok {
			return nil, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
		}
		if err != nil {
			return nil, err
		}
		v = r
	}
	n, _ := toBig(v)
	lim := arrayLimits[tc]
	if n.Cmp(lim.lo) < 0 {
		return nil, newErr(OverflowError, "%s", lim.low)
	}
	if n.Cmp(lim.hi) > 0 {
		return nil, newErr(OverflowError, "%s", lim.big)
	}
	u := n.Uint64()
	if n.Sign() < 0 {
		u = uint64(n.Int64())
	}
	switch len(out) {
	case 1:
		out[0] = byte(u)
	case 2:
		le.PutUint16(out, uint16(u))
	case 4:
		le.PutUint32(out, uint32(u))
	default:
		le.PutUint64(out, u)
	}
	return out, nil
}

func (a *PyArray) like(b []byte) *PyArray { return &PyArray{tc: a.tc, b: b} }

// extend appends the items of v: an array of the same code, or any
// iterable of items.
func (vm *VM) arrayExtend(a *PyArray, v Val, strict bool) error {
	if o, ok := v.O.(*PyArray); ok {
		if o.tc != a.tc {
			return newErr(TypeError, "can only extend with array of same kind")
		}
		a.b = append(a.b, o.b...)
		return nil
	}
	items, err := vm.iterate(v)
	if err != nil {
		return err
	}
	var add []byte
	for _, it := range items {
		b, err := arrayEncode(a.tc, it)
		if err != nil {
			return err
		}
		add = append(add, b...)
	}
	a.b = append(a.b, add...)
	return nil
}

func (vm *VM) newArray(args []Val, kwn []string) (Val, error) {
	if err := noKw("array.array", kwn); err != nil {
		return Val{}, err
	}
	if len(args) < 1 || len(args) > 2 {
		return Val{}, newErr(TypeError, "array() takes at most 2 arguments (%d given)", len(args))
	}
	s := args[0].str()
	if s == nil || s.length() != 1 {
		if s == nil {
			return Val{}, newErr(TypeError, "array() argument 1 must be a unicode character, not %s", typeName(args[0]))
		}
		return Val{}, newErr(TypeError, "array() argument 1 must be a unicode character, not str")
	}
	tc := s.s[0]
	if _, ok := arrayItemSize[tc]; !ok || len(s.s) != 1 {
		return Val{}, newErr(ValueError, "bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)")
	}
	if tc == 'u' {
		if err := vm.warnDeprecation("The 'u' type code is deprecated and will be removed in Python 3.16"); err != nil {
			return Val{}, err
		}
	}
	a := &PyArray{tc: tc, b: []byte{}}
	if len(args) == 2 {
		init := args[1]
		switch {
		case init.isStr():
			if tc != 'u' && tc != 'w' {
				return Val{}, newErr(TypeError, "cannot use a str to initialize an array with typecode '%c'", tc)
			}
			for _, r := range init.str().s {
				a.b = binary.LittleEndian.AppendUint32(a.b, uint32(r))
			}
		default:
			if b, ok := init.O.(*Bytes); ok {
				if len(b.b)%a.size() != 0 {
					return Val{}, newErr(ValueError, "bytes length not a multiple of item size")
				}
				a.b = append(a.b, b.b...)
				break
			}
			if o, ok := init.O.(*PyArray); ok && o.tc != tc {
				// Another kind of array: item by item.
				init = ObjVal(newList(o.items()))
			}
			if err := vm.arrayExtend(a, init, false); err != nil {
				return Val{}, err
			}
		}
	}
	return ObjVal(a), nil
}

func (a *PyArray) items() []Val {
	out := make([]Val, a.n())
	for i := range out {
		out[i] = a.at(i)
	}
	return out
}

func (vm *VM) arrayRepr(a *PyArray) string {
	if a.n() == 0 {
		return "array('" + string(a.tc) + "')"
	}
	if a.tc == 'u' || a.tc == 'w' {
		var sb strings.Builder
		for _, it := range a.items() {
			sb.WriteString(it.str().s)
		}
		return "array('" + string(a.tc) + "', " + strRepr(sb.String()) + ")"
	}
	return "array('" + string(a.tc) + "', " + vm.repr(ObjVal(newList(a.items()))) + ")"
}

func arrayEqual(vm *VM, a *PyArray, b Val) bool {
	if m, ok := b.O.(*MemoryView); ok {
		eq, _, _ := m.equal(vm, ObjVal(a))
		return eq
	}
	o, ok := b.O.(*PyArray)
	if !ok || b.T != tagObject {
		return false
	}
	if a.tc == o.tc && a.tc != 'f' && a.tc != 'd' {
		return string(a.b) == string(o.b)
	}
	return vm.seqEqual(a.items(), o.items())
}

// intArg is an argument that must be an int (or have __index__).
func (vm *VM) intArg(v Val) (int64, error) {
	if !isIntLike(v) {
		if _, ok, _ := instInt(v, "__index__"); !ok {
			return 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
		}
	}
	return vm.index(v, "index")
}

func (vm *VM) arrayIndex(a *PyArray, k Val) (int, error) {
	i, err := vm.itemIndex(k, "array")
	if err != nil {
		if tooBigIndex(err) {
			return 0, err
		}
		return 0, newErr(TypeError, "array indices must be integers")
	}
	n := int64(a.n())
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, newErr(IndexError, "array index out of range")
	}
	return int(i), nil
}

// dunder gives array its operators through vm.dunder (nativeType).
func (a *PyArray) dunder(vm *VM, name string, args []Val) (Val, bool, error) {
	sz := a.size()
	arg := func() Val {
		if len(args) > 0 {
			return args[0]
		}
		return NoneVal
	}
	switch name {
	case "__len__":
		return IntVal(int64(a.n())), true, nil
	case "__iter__":
		i := 0
		return ObjVal(&funcIter{name: "arrayiterator", next: func(vm *VM) (Val, bool, error) {
			if vm.threaded() {
				// Another thread may be resizing the array.
				h := vm.lockOne(a)
				defer h.unlock(vm)
			}
			if i >= a.n() {
				return Val{}, false, nil
			}
			i++
			return a.at(i - 1), true, nil
		}}), true, nil
	case "__getitem__":
		k := arg()
		if s, ok := k.O.(*SliceObj); ok {
			lo, hi, step, err := vm.sliceIndices(s, int64(a.n()))
			if err != nil {
				return Val{}, true, err
			}
			out := []byte{}
			for _, i := range sliceRange(lo, hi, step) {
				out = append(out, a.b[int(i)*sz:int(i+1)*sz]...)
			}
			return ObjVal(a.like(out)), true, nil
		}
		i, err := vm.arrayIndex(a, k)
		if err != nil {
			return Val{}, true, err
		}
		return a.at(i), true, nil
	case "__setitem__":
		k, v := args[0], args[1]
		if s, ok := k.O.(*SliceObj); ok {
			src, ok := v.O.(*PyArray)
			if !ok {
				return Val{}, true, newErr(TypeError, "can only assign array (not \"%s\") to array slice", typeName(v))
			}
			if src.tc != a.tc {
				return Val{}, true, newErr(TypeError, "bad argument type for built-in operation")
			}
			lo, hi, step, err := vm.sliceIndices(s, int64(a.n()))
			if err != nil {
				return Val{}, true, err
			}
			data := append([]byte{}, src.b...)
			if step == 1 {
				hi = max(hi, lo)
				rest := append([]byte{}, a.b[int(hi)*sz:]...)
				a.b = append(append(a.b[:int(lo)*sz], data...), rest...)
				return NoneVal, true, nil
			}
			idx := sliceRange(lo, hi, step)
			if len(idx) != src.n() {
				return Val{}, true, newErr(ValueError, "attempt to assign array of size %d to extended slice of size %d", src.n(), len(idx))
			}
			for j, i := range idx {
				copy(a.b[int(i)*sz:], data[j*sz:(j+1)*sz])
			}
			return NoneVal, true, nil
		}
		i, err := vm.arrayIndex(a, k)
		if pe, ok := err.(*PyErr); ok && pe.exc.typ == IndexError {
			return Val{}, true, newErr(IndexError, "array assignment index out of range")
		}
		if err != nil {
			return Val{}, true, err
		}
		b, err := arrayEncode(a.tc, v)
		if err != nil {
			return Val{}, true, err
		}
		copy(a.b[i*sz:], b)
		return NoneVal, true, nil
	case "__delitem__":
		k := arg()
		if s, ok := k.O.(*SliceObj); ok {
			lo, hi, step, err := vm.sliceIndices(s, int64(a.n()))
			if err != nil {
				return Val{}, true, err
			}
			drop := map[int64]bool{}
			for _, i := range sliceRange(lo, hi, step) {
				drop[i] = true
			}
			out := []byte{}
			for i := 0; i < a.n(); i++ {
				if !drop[int64(i)] {
					out = append(out, a.b[i*sz:(i+1)*sz]...)
				}
			}
			a.b = out
			return NoneVal, true, nil
		}
		i, err := vm.arrayIndex(a, k)
		if err != nil {
			return Val{}, true, err
		}
		a.b = append(a.b[:i*sz], a.b[(i+1)*sz:]...)
		return NoneVal, true, nil
	case "__contains__":
		for _, it := range a.items() {
			if eq, err := vm.eqItemErr(it, arg()); eq || err != nil {
				return BoolVal(eq), true, err
			}
		}
		return False, true, nil
	case "__add__", "__iadd__":
		o, ok := arg().O.(*PyArray)
		if !ok {
			return Val{}, true, newErr(TypeError, "can only append array (not \"%s\") to array", typeName(arg()))
		}
		if o.tc != a.tc {
			return Val{}, true, newErr(TypeError, "bad argument type for built-in operation")
		}
		if name == "__iadd__" {
			a.b = append(a.b, o.b...)
			return ObjVal(a), true, nil
		}
		return ObjVal(a.like(append(append([]byte{}, a.b...), o.b...))), true, nil
	case "__mul__", "__rmul__", "__imul__":
		if !isIntLike(arg()) {
			return vm.bi["NotImplemented"], true, nil
		}
		n, err := vm.repeatCount(arg())
		if err != nil {
			return Val{}, true, err
		}
		if err := memCheckMul(uint64(len(a.b)), uint64(n)); err != nil {
			return Val{}, true, err
		}
		r := repeatSlice(a.b, n)
		if name == "__imul__" {
			a.b = r
			return ObjVal(a), true, nil
		}
		return ObjVal(a.like(r)), true, nil
	case "__lt__", "__le__", "__gt__", "__ge__":
		o, ok := arg().O.(*PyArray)
		if !ok {
			return vm.bi["NotImplemented"], true, nil
		}
		op := map[string]Op{"__lt__": opLt, "__le__": opLe, "__gt__": opGt, "__ge__": opGe}[name]
		r, err := vm.seqCompare(op, a.items(), o.items())
		return BoolVal(r), true, err
	}
	return Val{}, false, nil
}

func (a *PyArray) has(name string) bool { _, ok := arrayMethods[name]; return ok }

func (a *PyArray) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "typecode":
		return StrVal(string(a.tc)), true
	case "itemsize":
		return IntVal(int64(a.size())), true
	}
	return Val{}, false
}

func (a *PyArray) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	f, ok := arrayMethods[name]
	if !ok {
		return Val{}, false, nil
	}
	if err := noKw(name, kwn); err != nil {
		return Val{}, true, err
	}
	v, err := f(vm, a, args)
	return v, true, err
}

func arrayArgs(name string, args []Val, n int) error {
	if len(args) != n {
		if n == 0 {
			return newErr(TypeError, "array.%s() takes no arguments (%d given)", name, len(args))
		}
		if n == 1 {
			return newErr(TypeError, "array.%s() takes exactly one argument (%d given)", name, len(args))
		}
		return newErr(TypeError, "%s expected %d arguments, got %d", name, n, len(args))
	}
	return nil
}

var arrayMethods map[string]func(vm *VM, a *PyArray, args []Val) (Val, error)

func init() {
	arrayMethods = map[string]func(vm *VM, a *PyArray, args []Val) (Val, error){
		"append": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("append", args, 1); err != nil {
				return Val{}, err
			}
			b, err := arrayEncode(a.tc, args[0])
			if err != nil {
				return Val{}, err
			}
			a.b = append(a.b, b...)
			return NoneVal, nil
		},
		"extend": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			switch {
			case len(args) == 0:
				return Val{}, newErr(TypeError, "extend() takes exactly 1 positional argument (0 given)")
			case len(args) > 1:
				return Val{}, newErr(TypeError, "extend() takes at most 1 argument (%d given)", len(args))
			}
			return NoneVal, vm.arrayExtend(a, args[0], true)
		},
		"fromlist": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("fromlist", args, 1); err != nil {
				return Val{}, err
			}
			if _, ok := args[0].O.(*List); !ok {
				return Val{}, newErr(TypeError, "arg must be list")
			}
			return NoneVal, vm.arrayExtend(a, args[0], true)
		},
		"insert": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("insert", args, 2); err != nil {
				return Val{}, err
			}
			i, err := vm.intArg(args[0])
			if err != nil {
				return Val{}, err
			}
			b, err := arrayEncode(a.tc, args[1])
			if err != nil {
				return Val{}, err
			}
			at := clampIdx(i, a.n()) * a.size()
			a.b = append(a.b[:at], append(b, a.b[at:]...)...)
			return NoneVal, nil
		},
		"pop": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if len(args) > 1 {
				return Val{}, newErr(TypeError, "pop expected at most 1 argument, got %d", len(args))
			}
			if a.n() == 0 {
				return Val{}, newErr(IndexError, "pop from empty array")
			}
			i := int64(a.n() - 1)
			if len(args) == 1 {
				var err error
				if i, err = vm.intArg(args[0]); err != nil {
					return Val{}, err
				}
				if i < 0 {
					i += int64(a.n())
				}
				if i < 0 || i >= int64(a.n()) {
					return Val{}, newErr(IndexError, "pop index out of range")
				}
			}
			v := a.at(int(i))
			sz := a.size()
			a.b = append(a.b[:int(i)*sz], a.b[int(i+1)*sz:]...)
			return v, nil
		},
		"remove": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("remove", args, 1); err != nil {
				return Val{}, err
			}
			for i, it := range a.items() {
				if eq, err := vm.eqItemErr(it, args[0]); err != nil {
					return Val{}, err
				} else if eq {
					sz := a.size()
					a.b = append(a.b[:i*sz], a.b[(i+1)*sz:]...)
					return NoneVal, nil
				}
			}
			return Val{}, newErr(ValueError, "array.remove(x): x not in array")
		},
		"index": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if len(args) < 1 || len(args) > 3 {
				return Val{}, nargs("index", args, 1, 3)
			}
			start, stop := 0, a.n()
			for k, p := range []*int{&start, &stop} {
				if len(args) > k+1 {
					v := args[k+1]
					if !isIntLike(v) {
						if _, ok, _ := instInt(v, "__index__"); !ok {
							return Val{}, newErr(TypeError, "slice indices must be integers or have an __index__ method")
						}
					}
					i, err := vm.sliceIndex(v)
					if err != nil {
						return Val{}, err
					}
					*p = clampIdx(i, a.n())
				}
			}
			items := a.items()
			for i := start; i < stop; i++ {
				if eq, err := vm.eqItemErr(items[i], args[0]); err != nil {
					return Val{}, err
				} else if eq {
					return IntVal(int64(i)), nil
				}
			}
			return Val{}, newErr(ValueError, "array.index(x): x not in array")
		},
		"count": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("count", args, 1); err != nil {
				return Val{}, err
			}
			n := 0
			for _, it := range a.items() {
				eq, err := vm.eqItemErr(it, args[0])
				if err != nil {
					return Val{}, err
				}
				if eq {
					n++
				}
			}
			return IntVal(int64(n)), nil
		},
		"reverse": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("reverse", args, 0); err != nil {
				return Val{}, err
			}
			sz, n := a.size(), a.n()
			out := make([]byte, len(a.b))
			for i := range n {
				copy(out[(n-1-i)*sz:], a.b[i*sz:(i+1)*sz])
			}
			a.b = out
			return NoneVal, nil
		},
		"tolist": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("tolist", args, 0); err != nil {
				return Val{}, err
			}
			return ObjVal(newList(a.items())), nil
		},
		"tobytes": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("tobytes", args, 0); err != nil {
				return Val{}, err
			}
			return bytesVal(append([]byte{}, a.b...)), nil
		},
		"frombytes": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("frombytes", args, 1); err != nil {
				return Val{}, err
			}
			if _, isArr := args[0].O.(*PyArray); isArr {
				// An array's buffer has its own item format, not bytes.
				return Val{}, newErr(TypeError, "a bytes-like object is required")
			}
			b, ok := bytesLike(args[0])
			if !ok {
				return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(args[0]))
			}
			if len(b)%a.size() != 0 {
				return Val{}, newErr(ValueError, "bytes length not a multiple of item size")
			}
			a.b = append(a.b, b...)
			return NoneVal, nil
		},
		"tounicode": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if a.tc != 'u' && a.tc != 'w' {
				return Val{}, newErr(ValueError, "tounicode() may only be called on unicode type arrays ('u' or 'w')")
			}
			var sb strings.Builder
			for _, it := range a.items() {
				sb.WriteString(it.str().s)
			}
			return StrVal(sb.String()), nil
		},
		"byteswap": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			if err := arrayArgs("byteswap", args, 0); err != nil {
				return Val{}, err
			}
			sz := a.size()
			for i := 0; i+sz <= len(a.b); i += sz {
				for l, r := i, i+sz-1; l < r; l, r = l+1, r-1 {
					a.b[l], a.b[r] = a.b[r], a.b[l]
				}
			}
			return NoneVal, nil
		},
		"buffer_info": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			return tupleOf([]Val{IntVal(0x7f0000000000), IntVal(int64(a.n()))}), nil
		},
		"__reduce_ex__": arrayReduceEx,
		"__copy__": func(vm *VM, a *PyArray, args []Val) (Val, error) {
			return ObjVal(a.like(append([]byte{}, a.b...))), nil
		},
	}
}

func arrayModule(vm *VM) *Module {
	m := newModule("array")
	// type(a) finds the same type object (builtins' type() asks this cache).
	m.attrs["array"] = vm.arrayType()
	m.attrs["_array_reconstructor"] = vm.arrayReconstructorFn()
	m.attrs["ArrayType"] = m.attrs["array"]
	m.attrs["typecodes"] = StrVal(arrayTypecodes)
	return m
}
