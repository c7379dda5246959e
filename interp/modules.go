package interp

import "strings"

// Modules built on first import: most programs import few of them, so a
// run pays only for what it uses.
// (A function, not a map variable: the makers reach back into the VM,
// which imports through lazyModule, and Go refuses such initialization
// cycles.)
func lazyModuleMaker(name string) func(vm *VM) *Module {
	switch name {
	case "heapq":
		return heapqModule
	case "linecache":
		return linecacheModule
	case "html":
		return htmlModule
	case "html.parser":
		return htmlParserModule
	case "urllib":
		return urllibModule
	case "urllib.parse":
		return urllibParseModule
	case "uuid":
		return uuidModule
	case "secrets":
		return secretsModule
	case "decimal":
		return decimalModule
	case "calendar":
		return calendarModule
	case "atexit":
		return atexitModule
	case "bisect":
		return bisectModule
	case "__future__":
		return futureModule
	case "operator":
		return operatorModule
	case "copy":
		return copyModule
	case "contextlib":
		return contextlibModule
	case "dataclasses":
		return dataclassesModule
	case "typing":
		return typingModule
	case "enum":
		return enumModule
	case "io":
		return ioModule
	case "fractions":
		return fractionsModule
	case "textwrap":
		return textwrapModule
	case "collections.abc":
		return abcModule
	case "struct":
		return structModule
	case "array":
		return arrayModule
	case "json":
		return jsonModule
	case "re":
		return reModule
	case "cmath":
		return cmathModule
	case "builtins":
		return builtinsModule
	case "statistics":
		return statisticsModule
	case "abc":
		return abcAbstractModule
	case "datetime":
		return datetimeModule
	case "os":
		return osModule
	case "os.path":
		return osPathModule
	case "types":
		return typesModule
	case "csv":
		return csvModule
	case "hashlib":
		return hashlibModule
	case "base64":
		return base64Module
	case "keyword":
		return keywordModule
	case "gc":
		return gcModule
	case "pprint":
		return pprintModule
	case "logging":
		return loggingModule
	case "logging.handlers":
		return loggingHandlersModule
	case "logging.config":
		return loggingConfigModule
	case "timeit":
		return timeitModule
	case "numbers":
		return numbersModule
	case "warnings":
		return warningsModule
	case "traceback":
		return tracebackModule
	case "_functools_dispatch":
		return functoolsDispatchModule
	case "argparse":
		return argparseModule
	case "_typealias":
		return typeAliasModule
	case "_typing":
		return typeParamsModule
	case "shlex":
		return shlexModule
	case "math":
		return func(*VM) *Module { return mathModule() }
	case "string":
		return func(vm *VM) *Module {
			m := stringModule()
			if vm.templateCls == nil {
				vm.templateCls = vm.templateClass()
			}
			m.attrs["Template"] = ObjVal(vm.templateCls)
			f := vm.pyModule("string", stringFormatterSource, nil)
			m.attrs["Formatter"] = f.attrs["Formatter"]
			return m
		}
	case "collections":
		return func(vm *VM) *Module {
			m := collectionsModule()
			if cm, err := vm.chainMapClass(); err == nil {
				m.attrs["ChainMap"] = ObjVal(cm)
			}
			vm.addUserCollections(m)
			return m
		}
	case "random":
		return randomModule
	case "time":
		return func(vm *VM) *Module {
			m := timeModule()
			vm.addTimeStruct(m)
			return m
		}
	case "functools":
		return func(*VM) *Module { return functoolsModule() }
	case "itertools":
		return func(*VM) *Module { return itertoolsModule() }
	case "threading":
		return (*VM).threadingModule
	case "queue":
		return func(*VM) *Module { return queueModule() }
	case "concurrent.futures":
		return func(*VM) *Module { return futuresModule() }
	case "concurrent":
		// The package holds its one submodule, built with it.
		return func(vm *VM) *Module {
			futures := futuresModule()
			nameNativeClasses(futures)
			vm.makeNativeTypes(futures)
			vm.modules["concurrent.futures"] = futures
			return &Module{name: "concurrent", attrs: map[string]Val{"futures": ObjVal(futures)}}
		}
	case "_fileio":
		return fileioModule
	case "_buffered_over":
		return bufferedOverModule
	case "tempfile":
		return tempfileModule
	case "shutil":
		return shutilModule
	case "fnmatch":
		return fnmatchModule
	case "glob":
		return globModule
	case "pathlib":
		return pathlibModule
	case "socket":
		return socketModule
	case "select":
		return selectModule
	case "selectors":
		return selectorsModule
	case "socketserver":
		return socketserverModule
	case "pwd":
		return pwdModule
	case "grp":
		return grpModule
	case "getpass":
		return getpassModule
	case "mimetypes":
		return mimetypesModule
	case "xml", "xml.etree":
		return xmlPackage(name)
	case "xml.etree.ElementTree":
		return xmlEtreeModule
	case "subprocess":
		return subprocessModule
	case "stat":
		return statModule
	case "getopt":
		return getoptModule
	case "colorsys":
		return colorsysModule
	case "graphlib":
		return graphlibModule
	case "hmac":
		return hmacModule
	case "binascii":
		return binasciiModule
	case "errno":
		return errnoModule
	case "signal":
		return signalModule
	case "difflib":
		return difflibModule
	case "asyncio":
		return asyncioModule
	case "unittest":
		return unittestModule
	case "unittest.mock":
		return mockModule
	case "_unittest_asserts":
		return unittestAssertsModule
	case "inspect":
		return inspectModule
	case "annotationlib":
		return annotationlibModule
	case "unicodedata":
		return unicodedataModule
	case "zlib":
		return zlibModule
	case "gzip":
		return gzipModule
	case "copyreg":
		return copyregModule
	case "pickle":
		return pickleModule
	case "weakref":
		return weakrefModule
	case "configparser":
		return configparserModule
	case "codecs":
		return codecsModule
	case "platform":
		return platformModule
	case "locale":
		return localeModule
	case "tomllib":
		return tomllibModule
	case "zoneinfo":
		return zoneinfoModule
	case "reprlib":
		return reprlibModule
	case "fileinput":
		return fileinputModule
	case "contextvars":
		return contextvarsModule
	case "zipfile":
		return zipfileModule
	case "importlib":
		return importlibModule
	}
	return nil
}

// loadAborted carries out of a library module's load an exception that
// says nothing about the module (MemoryError, KeyboardInterrupt while its
// code runs): the import raises it, and nothing is cached, so a later
// import tries again.
type loadAborted struct{ err *PyErr }

// loadModule is lazyModule for an import statement: ok says whether name
// is a library module, err what its load raised.
func (vm *VM) loadModule(name string) (m *Module, ok bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			la, aborted := p.(loadAborted)
			if !aborted {
				panic(p)
			}
			m, ok, err = nil, true, la.err
		}
	}()
	m, ok = vm.lazyModule(name)
	return m, ok, nil
}

// lazyModule builds and caches the module name, if it is one of those.
func (vm *VM) lazyModule(name string) (*Module, bool) {
	mk := lazyModuleMaker(name)
	if mk == nil {
		return nil, false
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		// A package is built before its submodules (import binds the
		// submodule as the package's attribute, and a package may build
		// a submodule with itself).
		if _, ok := vm.modules[name[:i]]; !ok {
			vm.lazyModule(name[:i])
		}
		if m, ok := vm.modules[name]; ok {
			return m, true
		}
	}
	m := mk(vm)
	nameNativeClasses(m)
	vm.nameNativeFuncs(m)
	vm.makeNativeTypes(m)
	vm.modules[name] = m
	return m, true
}

// cModules names the module CPython defines a class in where that is not
// the module it is imported from.
var cModules = map[string]string{"io.StringIO": "_io", "io.BytesIO": "_io", "struct.Struct": "_struct",
	"json.JSONEncoder": "json.encoder", "json.JSONDecoder": "json.decoder"}

// nameNativeClasses gives the classes a Go-built module defines their
// __module__ (fractions.Fraction, not __main__.Fraction).
func nameNativeClasses(m *Module) {
	for n, v := range m.attrs {
		c, ok := v.O.(*Class)
		if !ok || v.T != tagObject || c.module != "" || c.name != n {
			continue
		}
		c.module = m.name
		if cm, ok := cModules[m.name+"."+n]; ok {
			c.module = cm
		}
	}
}

// nameNativeFuncs gives the functions a Go-built module defines their
// __module__ (math.sqrt's is "math"), which pickle needs to find them
// again. A builtin shared with the builtins module keeps "builtins".
func (vm *VM) nameNativeFuncs(m *Module) {
	if m.name == "builtins" {
		return
	}
	for n, v := range m.attrs {
		b, ok := v.O.(*Builtin)
		if !ok || b.name != n || b.method || b.objclass != "" || b.bound.T != tagEmpty || b.native != nil {
			continue
		}
		if _, has := b.attrs["__module__"]; has {
			continue
		}
		if bv, ok := vm.bi[n]; ok && bv.O == v.O {
			continue
		}
		if b.attrs == nil {
			b.attrs = map[string]Val{}
		}
		b.attrs["__module__"] = StrVal(m.name)
	}
}

// builtinsModule is the builtins module: the builtins as attributes
// (exec puts it in a globals dict as __builtins__).
func builtinsModule(vm *VM) *Module {
	m := newModule("builtins")
	for k, v := range vm.bi {
		if !strings.HasPrefix(k, ".") { // the compiler's own helpers (.star_begin)
			m.attrs[k] = v
		}
	}
	m.attrs["True"], m.attrs["False"], m.attrs["None"] = True, False, NoneVal
	return m
}

func newModule(name string) *Module { return &Module{name: name, attrs: map[string]Val{}} }

// def adds a built-in function to a module.
func (m *Module) def(name string, f func(vm *VM, args []Val, kwn []string) (Val, error)) {
	m.attrs[name] = builtinFn(name, f)
}

// futureModule: every __future__ feature minipy knows is already the
// behaviour (annotations are never evaluated into anything).
func futureModule(vm *VM) *Module {
	m := newModule("__future__")
	for _, n := range []string{"annotations", "division", "absolute_import", "print_function",
		"unicode_literals", "generators", "nested_scopes", "with_statement", "generator_stop"} {
		m.attrs[n] = True
	}
	return m
}

// listArg is a function's argument that must be a list, with CPython's
// message otherwise.
func listArg(fn string, i int, v Val) (*List, error) {
	if l, ok := v.O.(*List); ok && !l.deque {
		return l, nil
	}
	return nil, newErr(TypeError, "%s() argument %d must be list, not %s", fn, i, typeName(v))
}

// exactArgs checks a built-in function's positional argument count the
// way CPython's argument clinic words it.
func exactArgs(fn string, args []Val, kwn []string, n int) error {
	if len(kwn) > 0 {
		return newErr(TypeError, "%s() takes no keyword arguments", fn)
	}
	if len(args) != n {
		if n == 1 {
			return newErr(TypeError, "%s() takes exactly one argument (%d given)", fn, len(args))
		}
		return newErr(TypeError, "%s expected %d arguments, got %d", fn, n, len(args))
	}
	return nil
}
