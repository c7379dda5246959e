package interp

import (
	"crypto/rand"
	_ "embed"
	"html"
	"strings"
)

// Library modules of everyday scripts written in Python (pylib): html,
// urllib.parse, uuid, secrets; and atexit, which the run's end drives.

//go:embed pylib/html.py
var htmlSource string

//go:embed pylib/urllib_parse.py
var urllibParseSource string

//go:embed pylib/html_parser.py
var htmlParserSource string

//go:embed pylib/uuid.py
var uuidSource string

//go:embed pylib/secrets.py
var secretsSource string

func htmlModule(vm *VM) *Module {
	return vm.pyModule("html", htmlSource, map[string]nativeFn{"_unescape": func(vm *VM, args []Val, kwn []string) (Val, error) {
		s, ok := args[0].O.(*Str)
		if len(args) != 1 || !ok {
			return Val{}, newErr(TypeError, "unescape() argument must be str")
		}
		return StrVal(html.UnescapeString(s.s)), nil
	}})
}

// htmlParserModule is html.parser, which import binds as the html
// package's attribute (lazyModule builds html first).
func htmlParserModule(vm *VM) *Module {
	m := vm.pyModule("html.parser", htmlParserSource, nil)
	if pkg, ok := vm.modules["html"]; ok {
		pkg.attrs["parser"] = ObjVal(m)
	}
	return m
}

// urllibModule is the urllib package: empty until urllib.parse is
// imported, which sets its attribute.
func urllibModule(vm *VM) *Module { return newModule("urllib") }

func urllibParseModule(vm *VM) *Module {
	if _, ok := vm.modules["urllib"]; !ok {
		vm.modules["urllib"] = urllibModule(vm)
	}
	m := vm.pyModule("urllib.parse", urllibParseSource, nil)
	vm.modules["urllib"].attrs["parse"] = ObjVal(m)
	return m
}

// urandom is _urandom(n): n bytes from the system's generator.
func urandom(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) != 1 || args[0].T != tagInt {
		return Val{}, newErr(TypeError, "urandom() takes one int argument")
	}
	n := int64(args[0].B)
	if n < 0 {
		return Val{}, newErr(ValueError, "negative argument not allowed")
	}
	if err := memCheck(uint64(n)); err != nil {
		return Val{}, err
	}
	b := make([]byte, n)
	rand.Read(b)
	return bytesVal(b), nil
}

func uuidModule(vm *VM) *Module {
	return vm.pyModule("uuid", uuidSource, map[string]nativeFn{"_urandom": urandom})
}

func secretsModule(vm *VM) *Module {
	return vm.pyModule("secrets", secretsSource, map[string]nativeFn{"_urandom": urandom})
}

// atexitEntry is a function atexit.register was given, with its arguments.
type atexitEntry struct {
	fn   Val
	args []Val
	kwn  []string
}

func atexitModule(vm *VM) *Module {
	m := newModule("atexit")
	m.def("register", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args)-len(kwn) < 1 {
			return Val{}, newErr(TypeError, "register() takes at least 1 argument (0 given)")
		}
		if !vm.isCallable(args[0]) {
			return Val{}, newErr(TypeError, "the first argument must be callable")
		}
		vm.rt.mu.Lock()
		vm.rt.atexit = append(vm.rt.atexit, atexitEntry{args[0], append([]Val(nil), args[1:]...), append([]string(nil), kwn...)})
		vm.rt.mu.Unlock()
		return args[0], nil
	})
	m.def("unregister", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("unregister", args, kwn, 1); err != nil {
			return Val{}, err
		}
		vm.rt.mu.Lock()
		defer vm.rt.mu.Unlock()
		kept := vm.rt.atexit[:0]
		for _, e := range vm.rt.atexit {
			if !vm.equal(e.fn, args[0]) {
				kept = append(kept, e)
			}
		}
		vm.rt.atexit = kept
		return NoneVal, nil
	})
	m.def("_run_exitfuncs", func(vm *VM, args []Val, kwn []string) (Val, error) {
		vm.runAtexit()
		return NoneVal, nil
	})
	m.def("_clear", func(vm *VM, args []Val, kwn []string) (Val, error) {
		vm.rt.mu.Lock()
		vm.rt.atexit = nil
		vm.rt.mu.Unlock()
		return NoneVal, nil
	})
	m.def("_ncallbacks", func(vm *VM, args []Val, kwn []string) (Val, error) {
		vm.rt.mu.Lock()
		defer vm.rt.mu.Unlock()
		return IntVal(int64(len(vm.rt.atexit))), nil
	})
	return m
}

// runAtexit calls the registered functions, last registered first, as the
// run ends; what one raises is reported and the others still run.
func (vm *VM) runAtexit() {
	for {
		vm.rt.mu.Lock()
		n := len(vm.rt.atexit)
		if n == 0 {
			vm.rt.mu.Unlock()
			return
		}
		e := vm.rt.atexit[n-1]
		vm.rt.atexit = vm.rt.atexit[:n-1]
		vm.rt.mu.Unlock()
		if _, err := vm.call(e.fn, append([]Val(nil), e.args...), e.kwn); err != nil {
			pe := toPyErr(err)
			var b strings.Builder
			b.WriteString("Exception ignored in atexit callback " + vm.repr(e.fn) + ":\n")
			writeTraceback(&b, vm, pe)
			vm.out.Flush()
			if !vm.writeErr(b.String()) && vm.rt.errOut != nil {
				vm.rt.errOut.WriteString(b.String())
				vm.rt.errOut.Flush()
			}
		}
	}
}

//go:embed pylib/configparser.py
var configparserSource string

func configparserModule(vm *VM) *Module {
	return vm.pyModule("configparser", configparserSource, nil)
}

//go:embed pylib/codecs.py
var codecsSource string

func codecsModule(vm *VM) *Module { return vm.pyModule("codecs", codecsSource, nil) }

//go:embed pylib/platform.py
var platformSource string

func platformModule(vm *VM) *Module { return vm.pyModule("platform", platformSource, nil) }

//go:embed pylib/locale.py
var localeSource string

func localeModule(vm *VM) *Module { return vm.pyModule("locale", localeSource, nil) }

//go:embed pylib/mimetypes.py
var mimetypesSource string

func mimetypesModule(vm *VM) *Module { return vm.pyModule("mimetypes", mimetypesSource, nil) }
