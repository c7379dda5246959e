package interp

// Library modules written in Python (pylib/*.py), compiled and run on
// their first import like the program's own code, in a namespace of their
// own. Their frames are left out of tracebacks, as CPython's modules
// written in C leave none, and their classes are named as C types are in
// messages ('datetime.date').

import (
	_ "embed"
	"errors"
	"os"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

//go:embed pylib/datetime.py
var datetimeSource string

// pylibFile is the file name of a library module's code: tracebacks skip
// its frames (libFrame).
const pylibFile = "<minipy "

func libFrame(co *Code) bool { return strings.HasPrefix(co.filename, pylibFile) }

// cTypeModules are the library modules written in Python here whose
// classes CPython writes in C, with the module its type names give.
var cTypeModules = map[string]string{
	"decimal": "decimal", "datetime": "datetime", "contextvars": "_contextvars",
	"zlib": "zlib", "select": "select", "pickle": "_pickle",
}

// pyModule runs src as module name with the Go helpers in its namespace,
// and exports the names that do not start with an underscore.
func (vm *VM) pyModule(name, src string, helpers map[string]nativeFn) *Module {
	m := newModule(name)
	ns := newDict()
	ns.set(StrVal("__name__"), StrVal(name))
	for n, f := range helpers {
		ns.set(StrVal(n), builtinFn(n, f))
	}
	co := &codeObj{src: src, filename: pylibFile + name + ">", mode: "exec"}
	if vm.pylibNS == nil {
		vm.pylibNS = map[string]*Dict{}
	}
	vm.pylibNS[co.filename] = ns // its functions' __globals__
	cells := map[string]*Cell{}
	vm.moduleCells = cells
	_, err := vm.evalExec("exec", []Val{ObjVal(co), ObjVal(ns)}, nil)
	vm.moduleCells = nil
	if err != nil {
		if pe := toPyErr(err); pe.exc.typ.isSub(MemoryError) || pe.exc.typ.isSub(KeyboardInterrupt) {
			// Not the module's fault: the import raises it (loadModule).
			panic(loadAborted{pe})
		}
		// The source is ours: a failure is minipy's bug, said as such.
		m.attrs["__error__"] = StrVal(err.Error())
		panic(&internalError{"module " + name + " failed to load: " + err.Error()})
	}
	for _, e := range ns.live() {
		k, ok := e.k.O.(*Str)
		if !ok {
			continue
		}
		if c, ok := e.v.O.(*Class); ok && e.v.T == tagObject && c.module == "" {
			c.module = name
			// Messages name a class CPython writes in C with its module
			// (datetime.date); a Python class of CPython's Lib, and a
			// namedtuple anywhere, by its bare name (uuid.UUID is 'UUID').
			if prefix, ok := cTypeModules[name]; ok {
				if _, nt := c.own("_fields"); !nt {
					c.tpName = prefix + "." + c.name
				}
			}
		}
		if t, ok := e.v.O.(*ExcType); ok && t.cls != nil && t.module == "" {
			// An exception class: its repr and tracebacks say the module
			// (decimal.InvalidOperation).
			t.module = name
		}
		if !strings.HasPrefix(k.s, "_") || k.s == "__all__" {
			m.attrs[k.s] = e.v
		}
	}
	for n, c := range cells {
		if _, ok := m.attrs[n]; ok {
			if m.cells == nil {
				m.cells = map[string]modCell{}
			}
			m.cells[n] = modCell{c, c.v}
		}
	}
	// _exported names the module's private names other modules read
	// (copyreg.__newobj__, pickle's _Pickler).
	if ex, ok, _ := ns.get(StrVal("_exported")); ok {
		if t, ok := ex.O.(*Tuple); ok {
			for _, n := range t.items {
				if s, ok := n.O.(*Str); ok {
					if v, ok, _ := ns.get(n); ok {
						m.attrs[s.s] = v
					}
				}
			}
		}
	}
	return m
}

//go:embed pylib/copyreg.py
var copyregSource string

//go:embed pylib/pickle.py
var pickleSource string

func copyregModule(vm *VM) *Module { return vm.pyModule("copyreg", copyregSource, nil) }

// pickleModule is pickle, in Python over two helpers: importing a module
// by name (find_class) and the program's globals (__main__'s classes and
// functions, which minipy does not keep as a module object).
func pickleModule(vm *VM) *Module {
	m := vm.pyModule("pickle", pickleSource, pickleHelpers())
	for _, n := range []string{"PickleError", "PicklingError", "UnpicklingError"} {
		if t, ok := m.attrs[n].O.(*ExcType); ok {
			t.module = "_pickle" // CPython's are the C module's
		}
	}
	return m
}

func pickleHelpers() map[string]nativeFn {
	return map[string]nativeFn{
		"_import_module": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || args[0].T != tagObject {
				return Val{}, newErr(TypeError, "_import_module() takes a module name")
			}
			s, ok := args[0].O.(*Str)
			if !ok {
				return Val{}, newErr(TypeError, "_import_module() takes a module name")
			}
			m, err := vm.importByName(s.s)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(m), nil
		},
		"_main_globals": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.globalsDict(), nil
		},
	}
}

func datetimeModule(vm *VM) *Module {
	fields := func(t time.Time) []Val {
		return []Val{IntVal(int64(t.Year())), IntVal(int64(t.Month())), IntVal(int64(t.Day())),
			IntVal(int64(t.Hour())), IntVal(int64(t.Minute())), IntVal(int64(t.Second())),
			IntVal(int64(t.Nanosecond() / 1000))}
	}
	return vm.pyModule("datetime", datetimeSource, map[string]nativeFn{
		// _now(): the local time's fields and the time since the epoch.
		"_now": func(vm *VM, args []Val, kwn []string) (Val, error) {
			t := time.Now()
			return tupleOf(append(fields(t), FloatVal(float64(t.UnixMicro())/1e6))), nil
		},
		// _local(ts): the local time's fields at ts seconds since the epoch.
		"_local": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || (args[0].T != tagInt && args[0].T != tagFloat && args[0].T != tagBool) {
				if len(args) == 1 {
					return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
				}
				return Val{}, newErr(TypeError, "_local() takes one argument")
			}
			us := int64(args[0].F() * 1e6)
			if args[0].T != tagFloat {
				us = args[0].I() * 1e6
			}
			return tupleOf(fields(time.UnixMicro(us))), nil
		},
		// _local_offset(dt): the local zone's offset in seconds at the
		// naive datetime dt.
		"_local_offset": func(vm *VM, args []Val, kwn []string) (Val, error) {
			get := func(n string) int {
				v, err := vm.getAttr(args[0], n)
				if err != nil {
					return 0
				}
				return int(v.I())
			}
			t := time.Date(get("year"), time.Month(get("month")), get("day"), get("hour"), get("minute"), get("second"), 0, time.Local)
			_, off := t.Zone()
			return IntVal(int64(off)), nil
		},
	})
}

//go:embed pylib/os.py
var osSource string

//go:embed pylib/types.py
var typesSource string

//go:embed pylib/csv.py
var csvSource string

func csvModule(vm *VM) *Module { return vm.pyModule("csv", csvSource, nil) }

func typesModule(vm *VM) *Module {
	m := vm.pyModule("types", typesSource, map[string]nativeFn{"_iterable_coroutine": markIterableCoroutine})
	if ta, err := vm.importLib("_typealias"); err == nil {
		m.attrs["GenericAlias"] = ta.attrs["GenericAlias"]
		m.attrs["UnionType"] = ta.attrs["UnionType"]
	}
	if c, ok := m.attrs["SimpleNamespace"].O.(*Class); ok {
		c.tpName = "types.SimpleNamespace"
	}
	return m
}

func osModule(vm *VM) *Module {
	str := func(fn string, args []Val, n int) ([]string, error) {
		if len(args) != n {
			return nil, newErr(TypeError, "%s() takes %d arguments (%d given)", fn, n, len(args))
		}
		out := make([]string, n)
		for i, a := range args {
			s, ok := a.O.(*Str)
			if !ok || a.T != tagObject {
				return nil, newErr(TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fn, typeName(a))
			}
			out[i] = s.s
		}
		return out, nil
	}
	m := vm.pyModule("os", osSource, withHelpers(map[string]nativeFn{
		"_getcwd": func(vm *VM, args []Val, kwn []string) (Val, error) {
			d, err := os.Getwd()
			if err != nil {
				return Val{}, osError(err, "")
			}
			return StrVal(d), nil
		},
		"_getpid": func(vm *VM, args []Val, kwn []string) (Val, error) { return IntVal(int64(os.Getpid())), nil },
		// _ids() -> (uid, euid, gid, egid)
		"_ids": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return tupleOf([]Val{IntVal(int64(os.Getuid())), IntVal(int64(os.Geteuid())), IntVal(int64(os.Getgid())), IntVal(int64(os.Getegid()))}), nil
		},
		"_getgroups": func(vm *VM, args []Val, kwn []string) (Val, error) {
			gids, err := os.Getgroups()
			if err != nil {
				return Val{}, osError(err, "")
			}
			out := make([]Val, len(gids))
			for i, g := range gids {
				out[i] = IntVal(int64(g))
			}
			return ObjVal(newList(out)), nil
		},
		"_uname": func(vm *VM, args []Val, kwn []string) (Val, error) {
			u := uname()
			return tupleOf([]Val{StrVal(u[0]), StrVal(u[1]), StrVal(u[2]), StrVal(u[3]), StrVal(u[4])}), nil
		},
		"_cpu_count": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return IntVal(int64(runtime.NumCPU())), nil
		},
		"_listdir": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := str("listdir", args, 1)
			if err != nil {
				return Val{}, err
			}
			ents, err := os.ReadDir(p[0])
			if err != nil {
				return Val{}, osError(err, p[0])
			}
			items := make([]Val, len(ents))
			for i, e := range ents {
				items[i] = StrVal(e.Name())
			}
			return ObjVal(newList(items)), nil
		},
		// _stat(path): (is a directory, size), or None when nothing is there.
		"_stat": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := str("stat", args, 1)
			if err != nil {
				return Val{}, err
			}
			vm.rt.files.flushFor(p[0])
			fi, err := os.Stat(p[0])
			if err != nil {
				return NoneVal, nil
			}
			return tupleOf([]Val{BoolVal(fi.IsDir()), IntVal(fi.Size())}), nil
		},
		"_environ": func(vm *VM, args []Val, kwn []string) (Val, error) {
			d := newDict()
			for _, kv := range os.Environ() {
				k, v, _ := strings.Cut(kv, "=")
				d.set(StrVal(k), StrVal(v))
			}
			return ObjVal(d), nil
		},
		"_putenv": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := str("putenv", args, 2)
			if err != nil {
				return Val{}, err
			}
			if err := os.Setenv(p[0], p[1]); err != nil {
				return Val{}, newErr(ValueError, "illegal environment variable name")
			}
			return NoneVal, nil
		},
		// _abort is os.abort: no cleanup, no buffers written (CPython
		// writes its stdout only when it is unbuffered), then SIGABRT.
		"_abort": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if os.Getenv("PYTHONUNBUFFERED") != "" {
				vm.rt.out.Flush()
				vm.rt.errOut.Flush()
			}
			killByAbort()
			return NoneVal, nil
		},
		"_unsetenv": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := str("unsetenv", args, 1)
			if err != nil {
				return Val{}, err
			}
			os.Unsetenv(p[0])
			return NoneVal, nil
		},
	}, osHelpers(), fileHelpers(), terminalSizeHelpers()))
	// os.path is the posixpath module: its functions are _Path's.
	pm := newModule("posixpath")
	if p, ok := m.attrs["path"]; ok {
		if c, ok := p.O.(*Class); ok {
			for _, n := range c.order {
				v := c.attrs[n]
				if sm, ok := v.O.(*StaticMethod); ok {
					v = sm.fn
				}
				if !strings.HasPrefix(n, "__") {
					pm.attrs[n] = v
				}
			}
		}
	}
	m.attrs["path"] = ObjVal(pm)
	vm.modules["os.path"] = pm
	return m
}

func osPathModule(vm *VM) *Module {
	if _, ok := vm.modules["os"]; !ok {
		vm.modules["os"] = osModule(vm)
	}
	return vm.modules["os.path"]
}

// sysModule is the sys module, imported as `import sys` would.
func (vm *VM) sysModule() (Val, error) {
	if m, ok := vm.modules["sys"]; ok {
		vm.sysReady("sys", m)
		return ObjVal(m), nil
	}
	if m, ok := vm.lazyModule("sys"); ok {
		return ObjVal(m), nil
	}
	return Val{}, newErr(ImportError, "No module named 'sys'")
}

// importStar is from m import *: the names in m.__all__, else those not
// starting with an underscore, stored into the globals the program's code
// names (each has a slot) and into globals() once it exists.
func (vm *VM) importStar(m *Module) error {
	m.loadLazy()
	table := m.table()
	var names []string
	if all, ok := table["__all__"]; ok {
		items, err := vm.iterate(all)
		if err != nil {
			return err
		}
		for _, it := range items {
			s, ok := it.O.(*Str)
			if !ok || it.T != tagObject {
				return newErr(TypeError, "Item in %s.__all__ must be str, not %s", m.name, typeName(it))
			}
			names = append(names, s.s)
		}
	} else {
		for n := range table {
			if !strings.HasPrefix(n, "_") {
				names = append(names, n)
			}
		}
		sort.Strings(names)
	}
	g := vm.mod
	for _, n := range names {
		v, ok := table[n]
		if !ok {
			return newErr(AttributeError, "module '%s' has no attribute '%s'", m.name, n)
		}
		if i, ok := g.gindex[n]; ok {
			g.store(int32(i), v)
		} else if g.live != nil {
			if err := g.live.set(StrVal(n), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// pyArity checks the arguments of a function CPython writes in Python
// (params, all required and positional; with self first when method)
// and words a wrong count as CPython does: "Class.m() missing 1 required
// positional argument: 'o'".
func pyArity(qual string, params []string, args []Val, kwn []string, method ...bool) error {
	if len(kwn) > 0 {
		return newErr(TypeError, "%s() got an unexpected keyword argument '%s'", qual, kwn[0])
	}
	self := 1
	if len(method) > 0 && !method[0] {
		self = 0
	}
	n := len(args) - self
	switch {
	case n < 0:
		return newErr(TypeError, "%s() missing 1 required positional argument: 'self'", qual)
	case n < len(params):
		missing := params[n:]
		q := make([]string, len(missing))
		for i, p := range missing {
			q[i] = "'" + p + "'"
		}
		list := q[0]
		if len(q) == 2 {
			list = q[0] + " and " + q[1]
		} else if len(q) > 2 {
			list = strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
		}
		return newErr(TypeError, "%s() missing %d required positional argument%s: %s", qual, len(missing), plural(len(missing)), list)
	case n > len(params):
		return newErr(TypeError, "%s() takes %d positional argument%s but %d were given", qual, len(params)+self, plural(len(params)+self), n+self)
	}
	return nil
}

// osError is the OSError subclass CPython raises for a failed system
// call on path, with its errno and text.
func osError(err error, path string) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return newErr(OSError, "%s", err.Error())
	}
	e := &Exception{typ: osErrorFor(errno), args: []Val{IntVal(int64(errno)), StrVal(errnoText(errno))}}
	if path != "" {
		e.attrs.set("filename", StrVal(path))
	}
	return &PyErr{exc: e}
}

// osErrorFor is the OSError subclass an errno maps to, as OSError(errno,
// ...) chooses it.
func osErrorFor(errno syscall.Errno) *ExcType {
	switch errno {
	case syscall.ENOENT:
		return FileNotFoundError
	case syscall.ENOTDIR:
		return NotADirectoryError
	case syscall.EACCES, syscall.EPERM:
		return PermissionError
	case syscall.EEXIST:
		return FileExistsError
	case syscall.EISDIR:
		return IsADirectoryError
	case syscall.EINTR:
		return InterruptedError
	case syscall.ECHILD:
		return ChildProcessError
	case syscall.ESRCH:
		return ProcessLookupError
	case syscall.ETIMEDOUT:
		return TimeoutError
	case syscall.EAGAIN, syscall.EALREADY, syscall.EINPROGRESS:
		return BlockingIOError
	case syscall.EPIPE, syscall.ESHUTDOWN:
		return BrokenPipeError
	case syscall.ECONNABORTED:
		return ConnectionAbortedError
	case syscall.ECONNREFUSED:
		return ConnectionRefusedError
	case syscall.ECONNRESET:
		return ConnectionResetError
	}
	return OSError
}

// errnoText is C's strerror for the errors the os module reports
// (glibc's words, which Go's differ from in case).
func errnoText(e syscall.Errno) string {
	switch e {
	case syscall.ENOENT:
		return "No such file or directory"
	case syscall.ENOTDIR:
		return "Not a directory"
	case syscall.EACCES:
		return "Permission denied"
	case syscall.EPERM:
		return "Operation not permitted"
	case syscall.EEXIST:
		return "File exists"
	case syscall.EISDIR:
		return "Is a directory"
	}
	s := e.Error()
	return strings.ToUpper(s[:1]) + s[1:]
}

//go:embed pylib/pprint.py
var pprintSource string

func pprintModule(vm *VM) *Module { return vm.pyModule("pprint", pprintSource, nil) }

//go:embed pylib/logging.py
var loggingSource string

func loggingModule(vm *VM) *Module { return vm.pyModule("logging", loggingSource, nil) }

//go:embed pylib/logging_handlers.py
var loggingHandlersSource string

// loggingHandlersModule is logging.handlers, bound on the logging package
// (built first, by lazyModule) as import binds a submodule.
func loggingHandlersModule(vm *VM) *Module {
	m := vm.pyModule("logging.handlers", loggingHandlersSource, nil)
	if pkg, ok := vm.modules["logging"]; ok {
		pkg.attrs["handlers"] = ObjVal(m)
	}
	return m
}

//go:embed pylib/logging_config.py
var loggingConfigSource string

// loggingConfigModule is logging.config, bound on the logging package as
// logging.handlers is.
func loggingConfigModule(vm *VM) *Module {
	m := vm.pyModule("logging.config", loggingConfigSource, nil)
	if pkg, ok := vm.modules["logging"]; ok {
		pkg.attrs["config"] = ObjVal(m)
	}
	return m
}

//go:embed pylib/timeit.py
var timeitSource string

func timeitModule(vm *VM) *Module { return vm.pyModule("timeit", timeitSource, nil) }

//go:embed pylib/numbers.py
var numbersSource string

func numbersModule(vm *VM) *Module { return vm.pyModule("numbers", numbersSource, nil) }

//go:embed pylib/warnings.py
var warningsSource string

func warningsModule(vm *VM) *Module {
	return vm.pyModule("warnings", warningsSource, map[string]nativeFn{"_caller": warnCaller})
}

//go:embed pylib/functools_dispatch.py
var functoolsDispatchSource string

func functoolsDispatchModule(vm *VM) *Module {
	return vm.pyModule("functools", functoolsDispatchSource, nil)
}

// fromPyModule is a built-in function that calls attribute name of the
// library module mod, imported on the first call (functools'
// singledispatch lives in Python while the rest of functools is Go).
func fromPyModule(mod, name string) Val {
	return builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
		m, err := vm.importLib(mod)
		if err != nil {
			return Val{}, err
		}
		f, ok := m.table()[name]
		if !ok {
			return Val{}, newErr(AttributeError, "module '%s' has no attribute '%s'", mod, name)
		}
		return vm.call(f, args, kwn)
	})
}

// importLib imports a library module as an import statement would.
func (vm *VM) importLib(name string) (*Module, error) {
	if vm.rt != nil && vm.rt.threaded.Load() {
		vm.rt.mu.Lock()
		defer vm.rt.mu.Unlock()
	}
	if m, ok := vm.modules[name]; ok {
		vm.sysReady(name, m)
		return m, nil
	}
	if m, ok, err := vm.loadModule(name); ok {
		return m, err
	}
	return nil, importErr(ModuleNotFoundError, name, "", "", "No module named '%s'", name)
}

//go:embed pylib/argparse.py
var argparseSource string

func argparseModule(vm *VM) *Module { return vm.pyModule("argparse", argparseSource, nil) }

//go:embed pylib/shlex.py
var shlexSource string

func shlexModule(vm *VM) *Module { return vm.pyModule("shlex", shlexSource, nil) }

//go:embed pylib/tempfile.py
var tempfileSource string

func tempfileModule(vm *VM) *Module { return vm.pyModule("tempfile", tempfileSource, nil) }

//go:embed pylib/shutil.py
var shutilSource string

func shutilModule(vm *VM) *Module {
	return vm.pyModule("shutil", shutilSource, map[string]nativeFn{
		// _disk_usage(path): (total, used, free) in bytes.
		"_disk_usage": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("_disk_usage", args, kwn, 1); err != nil {
				return Val{}, err
			}
			u, err := diskUsage(vm.strOf(args[0]))
			if err != nil {
				return Val{}, err
			}
			return tupleOf([]Val{IntVal(u[0]), IntVal(u[1]), IntVal(u[2])}), nil
		},
	})
}

//go:embed pylib/stat.py
var statSource string

func statModule(vm *VM) *Module { return vm.pyModule("stat", statSource, nil) }

//go:embed pylib/fnmatch.py
var fnmatchSource string

func fnmatchModule(vm *VM) *Module { return vm.pyModule("fnmatch", fnmatchSource, nil) }

//go:embed pylib/glob.py
var globSource string

func globModule(vm *VM) *Module { return vm.pyModule("glob", globSource, nil) }

//go:embed pylib/pathlib.py
var pathlibSource string

func pathlibModule(vm *VM) *Module { return vm.pyModule("pathlib", pathlibSource, nil) }

// Small library modules written in Python: command-line options, colour
// spaces, topological sorting, keyed hashing.

//go:embed pylib/getopt.py
var getoptSource string

//go:embed pylib/colorsys.py
var colorsysSource string

//go:embed pylib/graphlib.py
var graphlibSource string

//go:embed pylib/hmac.py
var hmacSource string

func getoptModule(vm *VM) *Module   { return vm.pyModule("getopt", getoptSource, nil) }
func colorsysModule(vm *VM) *Module { return vm.pyModule("colorsys", colorsysSource, nil) }
func graphlibModule(vm *VM) *Module { return vm.pyModule("graphlib", graphlibSource, nil) }
func hmacModule(vm *VM) *Module     { return vm.pyModule("hmac", hmacSource, nil) }

// uname is os.uname()'s five fields. On Linux the kernel's own, from
// /proc/sys/kernel (what uname(2) gives); the machine is named as uname
// names it (x86_64, aarch64), not as Go does.
func uname() [5]string {
	read := func(name string) string {
		b, err := os.ReadFile("/proc/sys/kernel/" + name)
		if err != nil {
			return ""
		}
		return strings.TrimRight(string(b), "\n")
	}
	machine := map[string]string{"amd64": "x86_64", "arm64": "aarch64", "386": "i686"}[runtime.GOARCH]
	if machine == "" {
		machine = runtime.GOARCH
	}
	sys := read("ostype")
	if sys == "" {
		sys = strings.ToUpper(runtime.GOOS[:1]) + runtime.GOOS[1:]
		if runtime.GOOS == "darwin" {
			sys = "Darwin"
		}
	}
	node := read("hostname")
	if node == "" {
		node, _ = os.Hostname()
	}
	return [5]string{sys, node, read("osrelease"), read("version"), machine}
}
