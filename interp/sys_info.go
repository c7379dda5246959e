package interp

import (
	_ "embed"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The informational parts of sys that ordinary scripts read: float_info,
// int_info, byteorder, implementation, version, maxunicode, ... Struct
// sequences are namedtuple classes printed with their module's prefix
// (sys.float_info(max=...)), as CPython's structseq types print.

// structSeq is an instance of a namedtuple class named tpName
// ("sys.float_info"), whose __name__ is the part after the last dot.
func (vm *VM) structSeq(tpName string, fields []string, vals []Val) (Val, error) {
	name := tpName
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			name = name[i+1:]
			break
		}
	}
	cls, err := vm.namedtupleClass(name, fields, nil)
	if err != nil {
		return Val{}, err
	}
	cls.tpName = tpName
	return vm.call(ObjVal(cls), vals, nil)
}

// sysReady builds sys's informational attributes once, before the
// program first reaches the module m (an import of sys, importLib,
// sysModule): until then nothing can read them.
func (vm *VM) sysReady(name string, m *Module) {
	if name == "sys" && vm.rt != nil {
		vm.rt.sysInfo.Do(func() { vm.addSysInfo(m) })
	}
}

// addSysInfo puts the informational attributes into the sys module m.
func (vm *VM) addSysInfo(m *Module) {
	fi, err := vm.structSeq("sys.float_info",
		[]string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"},
		[]Val{FloatVal(math.MaxFloat64), IntVal(1024), IntVal(308), FloatVal(0x1p-1022), IntVal(-1021), IntVal(-307),
			IntVal(15), IntVal(53), FloatVal(0x1p-52), IntVal(2), IntVal(1)})
	if err == nil {
		m.attrs["float_info"] = fi
	}
	// minipy's big ints are math/big's, but CPython's answer is what
	// programs compare against; the str-digits limits are CPython's.
	ii, err := vm.structSeq("sys.int_info",
		[]string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"},
		[]Val{IntVal(30), IntVal(4), IntVal(4300), IntVal(640)})
	if err == nil {
		m.attrs["int_info"] = ii
	}
	vi := m.attrs["version_info"]
	if v, err := vm.structSeq("sys.version_info", []string{"major", "minor", "micro", "releaselevel", "serial"},
		vi.O.(*Tuple).items); err == nil {
		m.attrs["version_info"] = v
		vi = v
	}
	impl, err := vm.structSeq("namespace", []string{"name", "cache_tag", "version", "hexversion"},
		[]Val{StrVal("minipy"), NoneVal, vi, IntVal(0x030e00f0)})
	if err == nil {
		m.attrs["implementation"] = impl
	}
	// sys.flags: a script run as `python3 file.py` with no options, but
	// hash_randomization 0: minipy hashes strs as CPython does under
	// PYTHONHASHSEED=0.
	flags, err := vm.structSeq("sys.flags",
		[]string{"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
			"ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
			"utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"},
		[]Val{IntVal(0), IntVal(0), IntVal(0), IntVal(0), IntVal(0), IntVal(0), IntVal(0), IntVal(0), IntVal(0),
			IntVal(0), IntVal(0), IntVal(0), IntVal(0), False, IntVal(0), IntVal(0), False, IntVal(4300)})
	if err == nil {
		m.attrs["flags"] = flags
	}
	m.def("getsizeof", sysGetsizeof)
	m.setLazy("stdlib_module_names", func() Val {
		names := newSet()
		for _, n := range stdlibModuleNames {
			names.add(StrVal(n))
		}
		names.frozen = true
		return ObjVal(names)
	})
	m.attrs["byteorder"] = StrVal("little") // amd64 and arm64
	m.attrs["version"] = StrVal("3.14.0 (minipy)")
	m.attrs["hexversion"] = IntVal(0x030e00f0)
	m.attrs["maxunicode"] = IntVal(0x10ffff)
	m.attrs["float_repr_style"] = StrVal("short")
	if exe, err := os.Executable(); err == nil {
		m.attrs["executable"] = StrVal(exe)
	} else {
		m.attrs["executable"] = StrVal("")
	}
	m.attrs["path"] = ObjVal(newList(pythonPath()))
	for _, n := range []string{"getdefaultencoding", "getfilesystemencoding"} {
		m.def(n, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs(n, args, kwn, 0); err != nil {
				return Val{}, err
			}
			return StrVal("utf-8"), nil
		})
	}
	m.def("exc_info", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("exc_info", args, kwn, 0); err != nil {
			return Val{}, err
		}
		return vm.caughtInfo(), nil
	})
	m.def("exception", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("exception", args, kwn, 0); err != nil {
			return Val{}, err
		}
		if e := vm.handledNow(); e != nil {
			return ObjVal(e), nil
		}
		return NoneVal, nil
	})
	m.def("intern", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("intern", args, kwn, 1); err != nil {
			return Val{}, err
		}
		if !args[0].isStr() {
			return Val{}, newErr(TypeError, "intern() argument must be str, not %s", typeName(args[0]))
		}
		return args[0], nil
	})
}

// handledNow is the exception being handled (sys.exception()): that of
// the innermost except or finally block running, in this frame or a
// caller's, found from each frame's latest call; nil once the blocks
// have ended, as in CPython.
func (vm *VM) handledNow() *Exception {
	for d := vm.depth - 1; d >= 0; d-- {
		f := vm.frameAt(d)
		if f.code == nil || f.pc == 0 {
			continue
		}
		if e := handledAt(f, int(f.pc)-1); e != nil {
			return e
		}
	}
	return nil
}

// caughtInfo is sys.exc_info(): the type, the exception and its
// traceback for the exception being handled.
func (vm *VM) caughtInfo() Val {
	e := vm.handledNow()
	if e == nil {
		return tupleOf([]Val{NoneVal, NoneVal, NoneVal})
	}
	return tupleOf([]Val{ObjVal(e.typ), ObjVal(e), e.tracebackVal()})
}

// formatException is the text CPython prints for an uncaught exc: its
// chain and traceback (what traceback.format_exception joins).
func (vm *VM) formatException(exc *Exception) string {
	var tb []tbEntry
	if exc.err != nil {
		tb = exc.err.tb
	}
	return vm.formatExceptionWith(exc, tb, &excPrinter{})
}

// formatExceptionWith is formatException with p's limit and chain
// settings and tb (innermost first) as exc's own traceback.
func (vm *VM) formatExceptionWith(exc *Exception, tb []tbEntry, p *excPrinter) string {
	var b strings.Builder
	p.b, p.vm, p.seen = &b, vm, map[*Exception]bool{}
	p.write(exc, tb)
	return b.String()
}

//go:embed pylib/traceback.py
var tracebackSource string

func tracebackModule(vm *VM) *Module {
	return vm.pyModule("traceback", tracebackSource, map[string]nativeFn{
		"_tb_entries": tracebackEntries,
		"_caught": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if e := vm.handledNow(); e != nil {
				return ObjVal(e), nil
			}
			return NoneVal, nil
		},
		// _format(exc, limit=None, chain=True[, tb]): the report of exc
		// as format_exception joins it; tb, when given, is the traceback
		// shown for exc itself (format_exception(type, value, tb)).
		"_format": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) < 1 || len(args) > 4 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "_format() takes from 1 to 4 positional arguments")
			}
			e, ok := args[0].O.(*Exception)
			if !ok {
				return Val{}, newErr(TypeError, "expected an exception")
			}
			p := &excPrinter{}
			if len(args) > 1 && args[1].T != tagNone {
				n, ok, err := vm.asIndex(args[1], 1<<30)
				if !ok {
					return Val{}, newErr(TypeError, "limit must be an integer or None, not %s", typeName(args[1]))
				}
				if err != nil {
					return Val{}, err
				}
				p.limited, p.limit = true, int(n)
			}
			if len(args) > 2 {
				truth, err := vm.truth(args[2])
				if err != nil {
					return Val{}, err
				}
				p.noChain = !truth
			}
			var tb []tbEntry
			if e.err != nil {
				tb = e.err.tb
			}
			if len(args) > 3 {
				t, ok := args[3].O.(*tracebackObj)
				if !ok && args[3].T != tagNone {
					return Val{}, newErr(AttributeError, "'%s' object has no attribute 'tb_frame'", typeName(args[3]))
				}
				tb = nil
				for ; t != nil && len(tb) < 1<<20; t = t.next {
					tb = append(tb, t.entry)
				}
				slices.Reverse(tb)
			}
			return StrVal(vm.formatExceptionWith(e, tb, p)), nil
		},
	})
}

// sysGetsizeof is sys.getsizeof: what CPython 3.14 on a 64-bit machine
// reports for the object (its own size, not what it refers to). Lists
// and dicts count as if sized exactly; CPython's hold spare room that
// depends on how they grew.
func sysGetsizeof(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(kwn) > 0 || len(args) < 1 || len(args) > 2 {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "getsizeof() missing required argument 'object' (pos 1)")
		}
		if len(args) > 2 {
			return Val{}, newErr(TypeError, "getsizeof() takes at most 2 arguments (%d given)", len(args))
		}
	}
	v := args[0]
	digits := func(bits int) int64 {
		if bits == 0 {
			return 1
		}
		return int64((bits + 29) / 30)
	}
	var n int64
	switch v.T {
	case tagInt:
		x := v.I()
		if x < 0 {
			x = -x
		}
		n = 24 + 4*digits(bits64(uint64(x)))
	case tagBool:
		n = 28
	case tagFloat:
		n = 24
	case tagNone:
		n = 16
	default:
		switch x := v.O.(type) {
		case *Str:
			n = strSize(x.s)
		case *Bytes:
			if x.mut {
				n = 56 + int64(len(x.b))
				if len(x.b) > 0 {
					n++
				}
			} else {
				n = 33 + int64(len(x.b))
			}
		case *Tuple:
			n = 40 + 8*int64(len(x.items))
		case *List:
			n = 56 + 8*int64(len(x.vals))
		case *Dict:
			n = 64
			if x.Len() > 0 {
				n = 184
				for size := int64(8); size*2/3 < int64(x.Len()); size *= 2 {
					n += size * 18
				}
			}
		case *Set:
			n = 216
			if len(x.table) > 8 {
				n = 200 + 16*int64(len(x.table))
			}
		default:
			if b, ok := toBig(v); ok {
				n = 24 + 4*digits(b.BitLen())
			} else {
				n = 48
			}
		}
	}
	return IntVal(n), nil
}

func bits64(x uint64) int { return bits.Len64(x) }

// strSize is a str's size in CPython: a compact object with one byte a
// character when all are ASCII or Latin-1, else two or four.
func strSize(s string) int64 {
	maxr, n := rune(0), int64(0)
	for _, r := range s {
		n++
		if r > maxr {
			maxr = r
		}
	}
	switch {
	case maxr < 0x80:
		return 40 + n + 1
	case maxr < 0x100:
		return 56 + n + 1
	case maxr < 0x10000:
		return 56 + 2*(n+1)
	}
	return 56 + 4*(n+1)
}

// pythonPath is sys.path at start: PYTHONPATH's directories (an empty
// entry is the working directory), where the program's modules are also
// looked for. minipy's library is built in, so no directory stands for it.
func pythonPath() []Val {
	var dirs []Val
	for _, d := range filepath.SplitList(os.Getenv("PYTHONPATH")) {
		if d == "" {
			d, _ = os.Getwd()
		}
		if d != "" {
			dirs = append(dirs, StrVal(d))
		}
	}
	return dirs
}
