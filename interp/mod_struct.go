package interp

import (
	"encoding/binary"
	"math"
	"math/big"
	"strings"
)

// struct: pack, unpack, calcsize, iter_unpack, pack_into, unpack_from and
// Struct, with CPython's formats (byte order and alignment prefixes @ = <
// > !, codes x c b B ? h H i I l L q Q n N P e f d s p) and its messages
// (3.12+, where every integer range error names its code and range).

// StructError is struct.error.
var StructError = &ExcType{name: "error", module: "struct", base: Exception_}

// structCode is one item of a format: its code, where it starts, and
// its size (for s and p, the length; for others the repeat count).
type structCode struct {
	c      byte
	off    int
	n      int
	size   int // bytes of one item
	signed bool
}

type structFmt struct {
	format string
	little bool
	native bool
	codes  []structCode
	size   int
	nitems int
}

func (*structFmt) typeName() string { return "_struct_format" }

// nativeSizes are x86-64 and arm64 Linux/macOS C sizes (alignment equals size).
var nativeSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 's': 1, 'p': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'P': 8, 'e': 2, 'f': 4, 'd': 8}
var stdSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 's': 1, 'p': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8}

func structErr(format string, args ...any) *PyErr { return newErr(StructError, format, args...) }

func parseStructFmt(format string) (*structFmt, error) {
	sf := &structFmt{format: format, native: true, little: true}
	s := format
	if len(s) > 0 {
		switch s[0] {
		case '<', '=':
			sf.native, s = false, s[1:]
		case '>', '!':
			sf.native, sf.little, s = false, false, s[1:]
		case '@':
			s = s[1:]
		}
	}
	sizes := nativeSizes
	if !sf.native {
		sizes = stdSizes
	}
	if strings.IndexByte(s, 0) >= 0 {
		return nil, structErr("embedded null character")
	}
	size := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c >= '\t' && c <= '\r' {
			continue
		}
		num := 1
		if c >= '0' && c <= '9' {
			num = 0
			for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
				num = num*10 + int(s[i]-'0')
				if num > 1<<60 {
					return nil, structErr("total struct size too long")
				}
			}
			if i >= len(s) {
				return nil, structErr("repeat count given without format specifier")
			}
			c = s[i]
		}
		isz, ok := sizes[c]
		if !ok {
			return nil, structErr("bad char in struct format")
		}
		if sf.native && isz > 1 && size%isz != 0 {
			size += isz - size%isz
		}
		if num > (1<<62-size)/isz {
			return nil, structErr("total struct size too long")
		}
		switch c {
		case 's', 'p':
			sf.codes = append(sf.codes, structCode{c: c, off: size, n: num, size: num})
			sf.nitems++
			size += num
		case 'x':
			size += num
		default:
			if num > 0 {
				signed := strings.IndexByte("bhilqn", c) >= 0
				sf.codes = append(sf.codes, structCode{c: c, off: size, n: num, size: isz, signed: signed})
				sf.nitems += num
			}
			size += num * isz
		}
	}
	sf.size = size
	return sf, nil
}

// fmtArg reads a format argument: str or bytes.
func (vm *VM) structFmtArg(v Val, cache map[string]*structFmt) (*structFmt, error) {
	if sf, ok := v.O.(*structFmt); ok {
		return sf, nil
	}
	var s string
	switch {
	case v.isStr():
		s = v.str().s
	default:
		b, ok := v.O.(*Bytes)
		if !ok {
			return nil, newErr(TypeError, "Struct() argument 1 must be a str or bytes object, not %s", typeName(v))
		}
		s = string(b.b)
	}
	if sf, ok := cache[s]; ok {
		return sf, nil
	}
	sf, err := parseStructFmt(s)
	if err == nil && len(cache) < 100 {
		cache[s] = sf
	}
	return sf, err
}

func (sf *structFmt) order() binary.ByteOrder {
	if sf.little {
		return binary.LittleEndian
	}
	return binary.BigEndian
}

// rangeErr is the error for an int outside code c's range.
func structRangeErr(c byte, size int, signed bool) error {
	if signed {
		lim := new(big.Int).Lsh(big.NewInt(1), uint(8*size-1))
		return structErr("'%c' format requires %s <= number <= %s", c, new(big.Int).Neg(lim).String(), new(big.Int).Sub(lim, big.NewInt(1)).String())
	}
	lim := new(big.Int).Lsh(big.NewInt(1), uint(8*size))
	return structErr("'%c' format requires 0 <= number <= %s", c, lim.Sub(lim, big.NewInt(1)).String())
}

func (vm *VM) structInt(v Val) (*big.Int, error) {
	if !isIntLike(v) {
		r, ok, err := instInt(v, "__index__")
		if !ok {
			return nil, structErr("required argument is not an integer")
		}
		if err != nil {
			return nil, err
		}
		v = r
	}
	b, _ := toBig(v)
	return b, nil
}

func (vm *VM) structFloat(v Val) (float64, error) {
	if v.T == tagFloat {
		return v.F(), nil
	}
	if isIntLike(v) {
		return toFloat(v)
	}
	if f, ok, err := instFloat(v); ok {
		return f, err
	}
	return 0, structErr("required argument is not a float")
}

// packItem writes one value of code c at b.
func (vm *VM) packItem(sf *structFmt, c structCode, b []byte, v Val) error {
	bo := sf.order()
	switch c.c {
	case 'c':
		x, ok := v.O.(*Bytes)
		if !ok || x.mut || len(x.b) != 1 {
			return structErr("char format requires a bytes object of length 1")
		}
		b[0] = x.b[0]
	case '?':
		if truthy(v) {
			b[0] = 1
		}
		return vm.takePending()
	case 'e', 'f', 'd':
		x, err := vm.structFloat(v)
		if err != nil {
			return err
		}
		switch c.c {
		case 'e':
			h, ok := float16Bits(x)
			if !ok {
				return newErr(OverflowError, "float too large to pack with e format")
			}
			bo.PutUint16(b, h)
		case 'f':
			f := float32(x)
			if math.IsInf(float64(f), 0) && !math.IsInf(x, 0) && !sf.native {
				return newErr(OverflowError, "float too large to pack with f format")
			}
			bo.PutUint32(b, packedBits32(f))
		default:
			bo.PutUint64(b, packedBits(x))
		}
	default:
		n, err := vm.structInt(v)
		if err != nil {
			return err
		}
		lo, hi := new(big.Int), new(big.Int).Lsh(big.NewInt(1), uint(8*c.size))
		if c.signed {
			hi.Rsh(hi, 1)
			lo.Neg(hi)
		}
		if n.Cmp(lo) < 0 || n.Cmp(hi) >= 0 {
			return structRangeErr(c.c, c.size, c.signed)
		}
		u := n.Uint64()
		if n.Sign() < 0 {
			u = uint64(n.Int64())
		}
		switch c.size {
		case 1:
			b[0] = byte(u)
		case 2:
			bo.PutUint16(b, uint16(u))
		case 4:
			bo.PutUint32(b, uint32(u))
		default:
			bo.PutUint64(b, u)
		}
	}
	return nil
}

func (sf *structFmt) unpackItem(c structCode, b []byte) Val {
	bo := sf.order()
	switch c.c {
	case 'c':
		return bytesVal([]byte{b[0]})
	case '?':
		return BoolVal(b[0] != 0)
	case 'e':
		return FloatVal(float16Value(bo.Uint16(b)))
	case 'f':
		return FloatVal(float64(math.Float32frombits(bo.Uint32(b))))
	case 'd':
		return FloatVal(math.Float64frombits(bo.Uint64(b)))
	}
	var u uint64
	switch c.size {
	case 1:
		u = uint64(b[0])
	case 2:
		u = uint64(bo.Uint16(b))
	case 4:
		u = uint64(bo.Uint32(b))
	default:
		u = bo.Uint64(b)
	}
	if c.signed {
		shift := 64 - 8*c.size
		return IntVal(int64(u<<shift) >> shift)
	}
	if u > math.MaxInt64 {
		return normBig(new(big.Int).SetUint64(u))
	}
	return IntVal(int64(u))
}

// pack fills out (sf.size bytes, zeroed) from args.
func (vm *VM) structPack(sf *structFmt, out []byte, args []Val, what string) error {
	if len(args) != sf.nitems {
		return structErr("%s expected %d items for packing (got %d)", what, sf.nitems, len(args))
	}
	ai := 0
	for _, c := range sf.codes {
		switch c.c {
		case 's', 'p':
			v := args[ai]
			ai++
			src, ok := v.O.(*Bytes)
			if !ok {
				return structErr("argument for '%c' must be a bytes object", c.c)
			}
			dst := out[c.off : c.off+c.n]
			if c.c == 's' {
				copy(dst, src.b)
				continue
			}
			if c.n == 0 {
				continue
			}
			n := min(len(src.b), c.n-1, 255)
			dst[0] = byte(n)
			copy(dst[1:], src.b[:n])
		default:
			for k := range c.n {
				off := c.off + k*c.size
				if err := vm.packItem(sf, c, out[off:off+c.size], args[ai]); err != nil {
					return err
				}
				ai++
			}
		}
	}
	return nil
}

func (sf *structFmt) unpack(b []byte) []Val {
	out := make([]Val, 0, sf.nitems)
	for _, c := range sf.codes {
		switch c.c {
		case 's':
			out = append(out, bytesVal(append([]byte{}, b[c.off:c.off+c.n]...)))
		case 'p':
			n := 0
			if c.n > 0 {
				n = min(int(b[c.off]), c.n-1)
			}
			out = append(out, bytesVal(append([]byte{}, b[c.off+1:c.off+1+n]...)))
		default:
			for k := range c.n {
				off := c.off + k*c.size
				out = append(out, sf.unpackItem(c, b[off:off+c.size]))
			}
		}
	}
	return out
}

// float16Bits is x as IEEE 754 binary16, rounded to nearest even; ok is
// false when x is finite but too large.
func float16Bits(x float64) (uint16, bool) {
	var sign uint16
	if math.Signbit(x) {
		sign = 0x8000
		x = -x
	}
	switch {
	case math.IsNaN(x):
		return sign | 0x7e00, true
	case math.IsInf(x, 0):
		return sign | 0x7c00, true
	case x == 0:
		return sign, true
	}
	frac, exp := math.Frexp(x) // x = frac * 2**exp, 0.5 <= frac < 1
	if exp < -13 {
		// Subnormal: units of 2**-24.
		m := math.RoundToEven(x * (1 << 24))
		return sign | uint16(m), true
	}
	m := math.RoundToEven((frac*2 - 1) * 1024) // 10 fraction bits
	e := exp - 1 + 15
	if m == 1024 {
		m = 0
		e++
	}
	if e >= 31 {
		return 0, false
	}
	return sign | uint16(e)<<10 | uint16(m), true
}

func float16Value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 31
	m := float64(h & 1023)
	switch e {
	case 0:
		return sign * math.Ldexp(m, -24)
	case 31:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1+m/1024, e-15)
}

// structBuffer reads a buffer and an offset the way unpack_from does.
func structOffset(vm *VM, v Val) (int, error) {
	if v.T == tagEmpty {
		return 0, nil
	}
	n, err := vm.index(v, "offset")
	return int(n), err
}

func structModule(vm *VM) *Module {
	m := newModule("struct")
	cache := map[string]*structFmt{}
	m.attrs["error"] = ObjVal(StructError)
	fmtOf := func(v Val) (*structFmt, error) { return vm.structFmtArg(v, cache) }
	pack := func(vm *VM, sf *structFmt, args []Val) (Val, error) {
		if err := memCheck(uint64(sf.size)); err != nil {
			return Val{}, err
		}
		out := make([]byte, sf.size)
		if err := vm.structPack(sf, out, args, "pack"); err != nil {
			return Val{}, err
		}
		return bytesVal(out), nil
	}
	unpack := func(vm *VM, sf *structFmt, buf Val) (Val, error) {
		b, ok := bytesLike(buf)
		if !ok {
			return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(buf))
		}
		if len(b) != sf.size {
			return Val{}, structErr("unpack requires a buffer of %d bytes", sf.size)
		}
		return tupleOf(sf.unpack(b)), nil
	}
	unpackFrom := func(vm *VM, sf *structFmt, buf, offv Val) (Val, error) {
		b, ok := bytesLike(buf)
		if !ok {
			return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(buf))
		}
		off, err := structOffset(vm, offv)
		if err != nil {
			return Val{}, err
		}
		if off < 0 {
			if off+len(b) < 0 {
				return Val{}, structErr("offset %d out of range for %d-byte buffer", off, len(b))
			}
			off += len(b)
			if len(b)-off < sf.size {
				return Val{}, structErr("not enough data to unpack %d bytes at offset %d", sf.size, off-len(b))
			}
		}
		if len(b)-off < sf.size {
			return Val{}, structErr("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)", sf.size+off, sf.size, off, len(b))
		}
		return tupleOf(sf.unpack(b[off : off+sf.size])), nil
	}
	packInto := func(vm *VM, sf *structFmt, args []Val) (Val, error) {
		if len(args) < 1 {
			return Val{}, structErr("pack_into expected buffer argument")
		}
		if len(args) < 2 {
			return Val{}, structErr("pack_into expected offset argument")
		}
		x, ok := args[0].O.(*Bytes)
		if !ok || !x.mut {
			if b, isB := args[0].O.(*Bytes); isB && !b.mut {
				return Val{}, newErr(TypeError, "argument must be read-write bytes-like object, not bytes")
			}
			return Val{}, newErr(TypeError, "argument must be read-write bytes-like object, not %s", typeName(args[0]))
		}
		off, err := structOffset(vm, args[1])
		if err != nil {
			return Val{}, err
		}
		if len(args)-2 != sf.nitems {
			return Val{}, structErr("pack_into expected %d items for packing (got %d)", sf.nitems, len(args)-2)
		}
		if off < 0 {
			if off+len(x.b) < 0 {
				return Val{}, structErr("offset %d out of range for %d-byte buffer", off, len(x.b))
			}
			off += len(x.b)
			if len(x.b)-off < sf.size {
				return Val{}, structErr("no space to pack %d bytes at offset %d", sf.size, off-len(x.b))
			}
		}
		if len(x.b)-off < sf.size {
			return Val{}, structErr("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)", sf.size+off, sf.size, off, len(x.b))
		}
		out := make([]byte, sf.size)
		if err := vm.structPack(sf, out, args[2:], "pack_into"); err != nil {
			return Val{}, err
		}
		copy(x.b[off:], out)
		return NoneVal, nil
	}
	iterUnpack := func(vm *VM, sf *structFmt, buf Val) (Val, error) {
		b, ok := bytesLike(buf)
		if !ok {
			return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(buf))
		}
		if sf.size == 0 {
			return Val{}, structErr("cannot iteratively unpack with a struct of length 0")
		}
		if len(b)%sf.size != 0 {
			return Val{}, structErr("iterative unpacking requires a buffer of a multiple of %d bytes", sf.size)
		}
		b = append([]byte{}, b...)
		i := 0
		return ObjVal(&funcIter{name: "_struct.unpack_iterator", next: func(vm *VM) (Val, bool, error) {
			if i+sf.size > len(b) {
				return Val{}, false, nil
			}
			i += sf.size
			return tupleOf(sf.unpack(b[i-sf.size : i])), true, nil
		}}), nil
	}
	first := func(fn string, args []Val, kwn []string, min int) (*structFmt, error) {
		if err := noKw(fn, kwn); err != nil {
			return nil, err
		}
		if len(args) < min {
			return nil, newErr(TypeError, "%s expected at least %d argument%s, got %d", fn, min, plural(min), len(args))
		}
		return fmtOf(args[0])
	}
	m.def("pack", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 && len(kwn) == 0 {
			return Val{}, newErr(TypeError, "missing format argument")
		}
		sf, err := first("pack", args, kwn, 1)
		if err != nil {
			return Val{}, err
		}
		return pack(vm, sf, args[1:])
	})
	m.def("unpack", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("unpack", args, kwn, 2); err != nil {
			return Val{}, err
		}
		sf, err := fmtOf(args[0])
		if err != nil {
			return Val{}, err
		}
		return unpack(vm, sf, args[1])
	})
	m.def("unpack_from", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("unpack_from", args, kwn, []string{"format", "buffer", "offset"}, 2)
		if err != nil {
			return Val{}, err
		}
		sf, err := fmtOf(a[0])
		if err != nil {
			return Val{}, err
		}
		return unpackFrom(vm, sf, a[1], a[2])
	})
	m.def("pack_into", func(vm *VM, args []Val, kwn []string) (Val, error) {
		sf, err := first("pack_into", args, kwn, 1)
		if err != nil {
			return Val{}, err
		}
		return packInto(vm, sf, args[1:])
	})
	m.def("iter_unpack", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("iter_unpack", args, kwn, 2); err != nil {
			return Val{}, err
		}
		sf, err := fmtOf(args[0])
		if err != nil {
			return Val{}, err
		}
		return iterUnpack(vm, sf, args[1])
	})
	m.def("calcsize", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("_struct.calcsize", args, kwn, 1); err != nil {
			return Val{}, err
		}
		sf, err := fmtOf(args[0])
		if err != nil {
			return Val{}, err
		}
		return IntVal(int64(sf.size)), nil
	})
	self := func(vm *VM, v Val) (*structFmt, error) {
		f, err := vm.getAttr(v, "_fmt")
		if err != nil {
			return nil, err
		}
		return f.O.(*structFmt), nil
	}
	cls, _ := vm.nativeClass("Struct", nil, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs("Struct", args[1:], kwn, []string{"format"}, 1)
			if err != nil {
				return Val{}, err
			}
			sf, err := fmtOf(a[0])
			if err != nil {
				return Val{}, err
			}
			for k, v := range map[string]Val{"_fmt": ObjVal(sf), "format": StrVal(sf.format), "size": IntVal(int64(sf.size))} {
				if err := vm.objectSetAttr(args[0], k, v); err != nil {
					return Val{}, err
				}
			}
			return NoneVal, nil
		},
		"pack": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sf, err := self(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return pack(vm, sf, args[1:])
		},
		"unpack": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sf, err := self(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			if err := exactArgs("Struct.unpack", args[1:], kwn, 1); err != nil {
				return Val{}, err
			}
			return unpack(vm, sf, args[1])
		},
		"unpack_from": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sf, err := self(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			a, err := kwArgs("unpack_from", args[1:], kwn, []string{"buffer", "offset"}, 1)
			if err != nil {
				return Val{}, err
			}
			return unpackFrom(vm, sf, a[0], a[1])
		},
		"pack_into": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sf, err := self(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return packInto(vm, sf, args[1:])
		},
		"iter_unpack": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sf, err := self(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			if err := exactArgs("iter_unpack", args[1:], kwn, 1); err != nil {
				return Val{}, err
			}
			return iterUnpack(vm, sf, args[1])
		},
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sf, err := self(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return StrVal("Struct(" + strRepr(sf.format) + ")"), nil
		},
	})
	m.attrs["Struct"] = ObjVal(cls)
	return m
}
