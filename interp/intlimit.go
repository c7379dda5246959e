package interp

import (
	"math"
	"math/big"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"weak"
)

// CPython limits conversions between int and decimal str (CVE-2020-10735):
// sys.get_int_max_str_digits() digits, 4300 unless
// sys.set_int_max_str_digits() changed it, 0 meaning no limit. Bases that
// are powers of two are not limited.

// defaultMaxStrDigits is CPython's default limit; intMaxStrThreshold the
// lowest limit it accepts other than 0.
const (
	defaultMaxStrDigits = 4300
	intMaxStrThreshold  = 640
)

// intLimits holds the limits that sys.set_int_max_str_digits changed, per
// VM (weakly: a finished VM's entry goes with it); intLimitN counts them.
var (
	intLimits sync.Map // weak.Pointer[VM] → int
	intLimitN atomic.Int32
)

func (vm *VM) intMaxStrDigits() int {
	if vm == nil || intLimitN.Load() == 0 {
		return defaultMaxStrDigits
	}
	if n, ok := intLimits.Load(weak.Make(vm)); ok {
		return n.(int)
	}
	return defaultMaxStrDigits
}

func (vm *VM) setIntMaxStrDigits(n int) {
	k := weak.Make(vm)
	if _, loaded := intLimits.Swap(k, n); !loaded {
		intLimitN.Add(1)
		runtime.AddCleanup(vm, func(k weak.Pointer[VM]) {
			intLimits.Delete(k)
			intLimitN.Add(-1)
		}, k)
	}
}

func errToStr(limit int) error {
	return newErr(ValueError, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit)
}

func errFromStr(limit, digits int) error {
	return newErr(ValueError, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", limit, digits)
}

// decimal is x in decimal, or CPython's ValueError when it has more digits
// than the VM's limit. Like CPython, it refuses a number that has too many
// digits by its bit length alone before converting anything, so
// str(1 << 10**8) fails at once.
func (vm *VM) decimal(x *big.Int) (string, error) {
	limit := vm.intMaxStrDigits()
	if limit > 0 {
		// |x| >= 2**(n-1) has more than (n-1)*log10(2) digits.
		if n := x.BitLen(); n > 1 && float64(n-1)*math.Log10(2) > float64(limit)+1 {
			return "", errToStr(limit)
		}
	}
	s := x.String()
	if limit > 0 && len(strings.TrimPrefix(s, "-")) > limit {
		return "", errToStr(limit)
	}
	return s, nil
}

// checkFromStr is the limit on int(s, base) where digits is the number of
// digits s has (underscores not counted).
func (vm *VM) checkFromStr(digits, base int) error {
	if base&(base-1) == 0 {
		return nil
	}
	if limit := vm.intMaxStrDigits(); limit > 0 && digits > limit {
		return errFromStr(limit, digits)
	}
	return nil
}

// addIntDigitsFuncs adds sys.get_int_max_str_digits and
// sys.set_int_max_str_digits to the sys module m.
func addIntDigitsFuncs(m *Module) {
	m.attrs["get_int_max_str_digits"] = ObjVal(&Builtin{name: "get_int_max_str_digits", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 0 {
			return Val{}, newErr(TypeError, "sys.get_int_max_str_digits() takes no arguments (%d given)", len(args))
		}
		return IntVal(int64(vm.intMaxStrDigits())), nil
	}})
	m.attrs["set_int_max_str_digits"] = ObjVal(&Builtin{name: "set_int_max_str_digits", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "set_int_max_str_digits() takes at most 1 argument (%d given)", len(args))
		}
		v, named := kw["maxdigits"]
		if len(pos) == 1 {
			v = pos[0]
		} else if !named {
			return Val{}, newErr(TypeError, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
		}
		if v.T == tagFloat {
			return Val{}, newErr(TypeError, "'float' object cannot be interpreted as an integer")
		}
		if !isIntLike(v) {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
		}
		b, _ := toBig(v)
		if !b.IsInt64() || b.Int64() > math.MaxInt32 || b.Int64() < math.MinInt32 {
			return Val{}, newErr(OverflowError, "Python int too large to convert to C int")
		}
		n := int(b.Int64())
		if n != 0 && n < intMaxStrThreshold {
			return Val{}, newErr(ValueError, "maxdigits must be >= %d or 0 for unlimited", intMaxStrThreshold)
		}
		vm.setIntMaxStrDigits(n)
		return NoneVal, nil
	}})
}

// digitVal is the value of c as a digit in bases up to 36, or -1.
func digitVal(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}
