package interp

import (
	"encoding/binary"
	"math"
	"math/big"
	"unicode/utf16"
)

// array pickling: CPython's array.__reduce_ex__ and
// array._array_reconstructor. Protocols 0-2 give (array, (typecode,
// list)); 3 and up give the items' bytes with a machine format code, which
// the reconstructor decodes whatever the writer's byte order was.

// arrayMachineFormats is each type code's machine format code on a
// little-endian machine with 32-bit int, 64-bit long and 4-byte wchar_t
// (Modules/arraymodule.c's enum machine_format_code).
var arrayMachineFormats = map[byte]int64{
	'b': 1, 'B': 0, 'u': 20, 'w': 20, 'h': 4, 'H': 2, 'i': 8, 'I': 6,
	'l': 12, 'L': 10, 'q': 12, 'Q': 10, 'f': 14, 'd': 16,
}

// arrayMachineFormat describes machine format codes 0-21: item size, big
// endian, signed, float, text.
type arrayMachineFormat struct {
	size                       int
	bigEndian, signed, isFloat bool
	text                       bool
}

func arrayMachineFormatOf(code int64) (arrayMachineFormat, bool) {
	switch {
	case code == 0 || code == 1:
		return arrayMachineFormat{size: 1, signed: code == 1}, true
	case code >= 2 && code <= 13:
		// 2-5: 16-bit, 6-9: 32-bit, 10-13: 64-bit; unsigned LE, unsigned
		// BE, signed LE, signed BE within each group.
		k := code - 2
		return arrayMachineFormat{size: 2 << (k / 4), bigEndian: k%2 == 1, signed: k%4 >= 2}, true
	case code >= 14 && code <= 17:
		return arrayMachineFormat{size: 4 << ((code - 14) / 2), bigEndian: code%2 == 1, isFloat: true}, true
	case code >= 18 && code <= 21:
		return arrayMachineFormat{size: 2 << ((code - 18) / 2), bigEndian: code%2 == 1, text: true}, true
	}
	return arrayMachineFormat{}, false
}

func (vm *VM) arrayType() Val {
	return vm.typeObjs.get("array.array", func() Val {
		return ObjVal(&typeObj{name: "array.array", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.newArray(args, kwn)
		}})
	})
}

func (vm *VM) arrayReconstructorFn() Val {
	return vm.typeObjs.get("array._array_reconstructor", func() Val {
		return ObjVal(&Builtin{name: "_array_reconstructor", fn: arrayReconstruct,
			attrs: map[string]Val{"__module__": StrVal("array")}})
	})
}

func arrayReduceEx(vm *VM, a *PyArray, args []Val) (Val, error) {
	if err := arrayArgs("__reduce_ex__", args, 1); err != nil {
		return Val{}, err
	}
	proto, err := vm.intArg(args[0])
	if err != nil {
		return Val{}, err
	}
	if proto < 3 {
		return tupleOf([]Val{vm.arrayType(), tupleOf([]Val{StrVal(string(a.tc)), ObjVal(newList(a.items()))}), NoneVal}), nil
	}
	fields := []Val{vm.arrayType(), StrVal(string(a.tc)), IntVal(arrayMachineFormats[a.tc]), bytesVal(append([]byte{}, a.b...))}
	return tupleOf([]Val{vm.arrayReconstructorFn(), tupleOf(fields), NoneVal}), nil
}

// arrayReconstruct is array._array_reconstructor(arraytype, typecode,
// mformat_code, items).
func arrayReconstruct(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := noKw("_array_reconstructor", kwn); err != nil {
		return Val{}, err
	}
	if len(args) != 4 {
		return Val{}, newErr(TypeError, "_array_reconstructor expected 4 arguments, got %d", len(args))
	}
	if !isTypeVal(args[0]) {
		return Val{}, newErr(TypeError, "first argument must be a type object, not %s", typeName(args[0]))
	}
	if t, ok := args[0].O.(*typeObj); !ok || t.name != "array.array" {
		n, _ := vm.getAttr(args[0], "__qualname__")
		return Val{}, newErr(TypeError, "%s is not a subtype of array.array", n.str().s)
	}
	s := args[1].str()
	if s == nil {
		return Val{}, newErr(TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s", typeName(args[1]))
	}
	if len(s.s) != 1 || arrayItemSize[s.s[0]] == 0 {
		return Val{}, newErr(ValueError, "second argument must be a valid type code")
	}
	tc := s.s[0]
	code, err := vm.intArg(args[2])
	if err != nil {
		return Val{}, err
	}
	mf, known := arrayMachineFormatOf(code)
	if !known {
		return Val{}, newErr(ValueError, "third argument must be a valid machine format code.")
	}
	raw, ok := args[3].O.(*Bytes)
	if !ok {
		return Val{}, newErr(TypeError, "fourth argument should be bytes, not %s", typeName(args[3]))
	}
	if code == arrayMachineFormats[tc] {
		if len(raw.b)%arrayItemSize[tc] != 0 {
			return Val{}, newErr(ValueError, "bytes length not a multiple of item size")
		}
		return ObjVal(&PyArray{tc: tc, b: append([]byte{}, raw.b...)}), nil
	}
	if len(raw.b)%mf.size != 0 {
		return Val{}, newErr(ValueError, "string length not a multiple of item size")
	}
	items, err := arrayDecodeMachine(mf, raw.b)
	if err != nil {
		return Val{}, err
	}
	switch {
	case mf.text:
		if tc != 'u' && tc != 'w' {
			return Val{}, newErr(TypeError, "cannot use a str to initialize an array with typecode '%c'", tc)
		}
	case !mf.isFloat:
		// Integers become the last type code of their size and
		// signedness, whatever code was asked for (CPython's choice).
		for _, c := range []byte("bBhHiIlLqQ") {
			if arrayItemSize[c] == mf.size && arrayLimits[c].lo.Sign() < 0 == mf.signed {
				tc = c
			}
		}
	}
	a := &PyArray{tc: tc, b: []byte{}}
	if err := vm.arrayExtend(a, ObjVal(newList(items)), false); err != nil {
		return Val{}, err
	}
	return ObjVal(a), nil
}

// arrayDecodeMachine reads items written in another machine's format.
func arrayDecodeMachine(mf arrayMachineFormat, b []byte) ([]Val, error) {
	var order binary.ByteOrder = binary.LittleEndian
	if mf.bigEndian {
		order = binary.BigEndian
	}
	if mf.text && mf.size == 2 {
		units := make([]uint16, len(b)/2)
		for i := range units {
			units[i] = order.Uint16(b[2*i:])
		}
		var out []Val
		for _, r := range utf16.Decode(units) {
			out = append(out, StrVal(string(r)))
		}
		return out, nil
	}
	out := make([]Val, 0, len(b)/mf.size)
	for i := 0; i+mf.size <= len(b); i += mf.size {
		p := b[i : i+mf.size]
		var u uint64
		switch mf.size {
		case 1:
			u = uint64(p[0])
		case 2:
			u = uint64(order.Uint16(p))
		case 4:
			u = uint64(order.Uint32(p))
		default:
			u = order.Uint64(p)
		}
		switch {
		case mf.text:
			out = append(out, StrVal(string(rune(u))))
		case mf.isFloat && mf.size == 4:
			out = append(out, FloatVal(float64(math.Float32frombits(uint32(u)))))
		case mf.isFloat:
			out = append(out, FloatVal(math.Float64frombits(u)))
		case mf.signed:
			shift := 64 - 8*mf.size
			out = append(out, IntVal(int64(u<<shift)>>shift))
		case u > math.MaxInt64:
			out = append(out, normBig(new(big.Int).SetUint64(u)))
		default:
			out = append(out, IntVal(int64(u)))
		}
	}
	return out, nil
}
