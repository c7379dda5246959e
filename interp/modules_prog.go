package interp

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The program's own modules: `import helper` runs helper.py from the
// script's directory (CPython's sys.path[0]) or a directory the program
// added to sys.path, `import pkg` a package
// directory's __init__.py, `import pkg.mod` pkg/mod.py. Each runs once,
// in a namespace of its own as a library module written in Python does
// (pyModule), and is then one live module object: its functions' module
// globals are cells the Module reads and writes (Module.cells).
//
// A program file named like a library module (random.py) shadows it, as
// in CPython, except for the modules CPython has before the program runs
// (startupModule).

// startupModule says whether CPython has the top-level module of name
// before a script starts: built into the interpreter
// (sys.builtin_module_names) or imported at start-up (sys.modules: os,
// io, codecs ...). A file beside the script cannot shadow those; it is
// found only when the library has no such module.
func startupModule(name string) bool {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	switch name {
	case "sys", "builtins", "time", "itertools", "gc", "errno", "atexit",
		"faulthandler", "marshal", "posix", "pwd",
		"abc", "codecs", "encodings", "genericpath", "io", "os", "posixpath",
		"site", "stat", "zipimport":
		return true
	}
	// The private built-in ones (_thread, _io, _weakref ...) and minipy's
	// own helpers.
	return strings.HasPrefix(name, "_")
}

// progModule is what the VM knows of one of the program's modules.
type progModule struct {
	name string
	dir  string // a package's directory, where its submodules are; "" for a plain module
	file string
	done bool // its code has run to the end
}

// scriptDir is where the program's top-level modules are: the script's
// directory, or the working directory for -c and stdin (CPython's
// sys.path[0]).
func (vm *VM) scriptDir() string {
	if f := vm.mod.filename; f != "" && !strings.HasPrefix(f, "<") {
		return filepath.Dir(f)
	}
	return "."
}

// searchDirs are where a top-level module is looked for: the script's
// directory, then the directories the program put in sys.path ("" is the
// working directory). minipy's sys.path starts empty: its library is
// built in.
func (vm *VM) searchDirs() []string {
	dirs := []string{vm.scriptDir()}
	sys := vm.modules["sys"]
	if sys == nil {
		return dirs
	}
	l, ok := sys.table()["path"].O.(*List)
	if !ok {
		return dirs
	}
	for i := 0; i < l.Len(); i++ {
		if s, ok := l.at(i).O.(*Str); ok {
			d := s.s
			if d == "" {
				d = "."
			}
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// progModuleOf is the program module whose code is in file, or nil.
func (vm *VM) progModuleOf(file string) *progModule {
	for _, p := range vm.progMods {
		if p.file == file {
			return p
		}
	}
	return nil
}

// programModule finds and runs the program's module name; found says
// whether there is one.
func (vm *VM) programModule(name string) (m *Module, found bool, err error) {
	dirs := vm.searchDirs()
	base := name
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		parent := name[:i]
		if _, err := vm.importByName(parent); err != nil {
			return nil, true, err
		}
		pm := vm.progMods[parent]
		if pm == nil {
			return nil, false, nil // a library package's submodule
		}
		if pm.dir == "" {
			if _, ok := vm.modules[parent]; ok {
				return nil, true, importErr(ModuleNotFoundError, name, "", "", "No module named '%s'; '%s' is not a package", name, parent)
			}
			return nil, false, nil
		}
		if m, ok := vm.modules[name]; ok {
			return m, true, nil // the parent's code imported it
		}
		dirs, base = []string{pm.dir}, name[i+1:]
	}
	p := &progModule{name: name}
	for _, dir := range dirs {
		if pkg := filepath.Join(dir, base); isFile(filepath.Join(pkg, "__init__.py")) {
			p.dir, p.file = pkg, filepath.Join(pkg, "__init__.py")
		} else if f := filepath.Join(dir, base+".py"); isFile(f) {
			p.file = f
		} else {
			continue
		}
		break
	}
	if p.file == "" {
		return nil, false, nil
	}
	src, rerr := os.ReadFile(p.file)
	if rerr != nil {
		return nil, true, newErr(ImportError, "No module named '%s'", name)
	}
	text, serr := decodeSource(p.file, src)
	if serr != nil {
		return nil, true, newErr(SyntaxErrorT, "%s", serr.text)
	}
	m = newModule(name)
	ns := newDict()
	ns.set(StrVal("__name__"), StrVal(name))
	ns.set(StrVal("__doc__"), NoneVal)
	ns.set(StrVal("__file__"), StrVal(p.file))
	if b, ok := vm.builtinsVal().O.(*Module); ok {
		ns.set(StrVal("__builtins__"), ObjVal(b.dictOf()))
	}
	pkgName := name
	if p.dir == "" {
		pkgName = name[:max(strings.LastIndexByte(name, '.'), 0)]
	} else {
		ns.set(StrVal("__path__"), ObjVal(newList([]Val{StrVal(p.dir)})))
	}
	ns.set(StrVal("__package__"), StrVal(pkgName))
	for _, e := range ns.live() {
		m.attrs[e.k.O.(*Str).s] = e.v
	}
	if vm.progMods == nil {
		vm.progMods = map[string]*progModule{}
		vm.srcLines = map[string][]string{}
	}
	if vm.pylibNS == nil {
		vm.pylibNS = map[string]*Dict{}
	}
	vm.progMods[name] = p
	vm.srcLines[p.file] = strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	vm.pylibNS[p.file] = ns // its functions' __globals__
	// In sys.modules while its code runs, as CPython's: a circular import
	// gets this module, not a second run of its code.
	vm.modules[name] = m
	vm.noteImported(name, m)
	cells := map[string]*Cell{}
	vm.moduleCells = cells
	m.free = newModuleFree(vm, name)
	vm.moduleFree = m.free
	m.running = &moduleRun{file: p.file, nearScript: p.dir == "" && !strings.Contains(name, ".") && sameDir(filepath.Dir(p.file), vm.scriptDir()), bi: vm.bi}
	vm.moduleRunning = m
	co := &codeObj{src: text, filename: p.file, mode: "exec"}
	_, err = vm.evalExec("exec", []Val{ObjVal(co), ObjVal(ns)}, nil)
	vm.moduleCells, vm.moduleFree, vm.moduleRunning = nil, nil, nil
	m.running = nil
	if err != nil {
		delete(vm.modules, name)
		delete(vm.progMods, name)
		if d := vm.sysModulesDict(); d != nil {
			d.del(StrVal(name))
		}
		return nil, true, err
	}
	for _, e := range ns.live() {
		k, ok := e.k.O.(*Str)
		if !ok {
			continue
		}
		if c, ok := e.v.O.(*Class); ok && e.v.T == tagObject && c.module == "" {
			c.module = name
		}
		if t, ok := e.v.O.(*ExcType); ok && t.cls != nil && t.module == "" {
			t.module = name
		}
		m.attrs[k.s] = e.v
	}
	if p := m.pub.Load(); p != nil {
		// Its code stored attributes through the module object
		// (sys.modules[__name__].x = ...): they stand beside its names.
		t := maps.Clone(*p)
		maps.Copy(t, m.attrs)
		m.pub.Store(&t)
		m.version.Add(1)
	}
	for n, c := range cells {
		if m.cells == nil {
			m.cells = map[string]modCell{}
		}
		m.cells[n] = modCell{c, c.v}
	}
	if m.dict != nil {
		// __dict__ was asked for while its code ran (a circular import):
		// it gets the names bound since.
		t := m.table()
		m.syncDict(func(d *Dict) {
			for _, k := range slices.Sorted(maps.Keys(t)) {
				d.set(StrVal(k), t[k])
			}
		})
	}
	p.done = true
	return m, true, nil
}

// relativeName turns the name of a relative import made by code in file
// (".", "..m", ".m.x") into the absolute name it stands for.
func (vm *VM) relativeName(file, name string) (string, error) {
	dots := len(name) - len(strings.TrimLeft(name, "."))
	p := vm.progModuleOf(file)
	if p == nil {
		return "", newErr(ImportError, "attempted relative import with no known parent package")
	}
	pkg := p.name
	if p.dir == "" {
		i := strings.LastIndexByte(pkg, '.')
		if i < 0 {
			return "", newErr(ImportError, "attempted relative import with no known parent package")
		}
		pkg = pkg[:i]
	}
	for range dots - 1 {
		i := strings.LastIndexByte(pkg, '.')
		if i < 0 {
			return "", newErr(ImportError, "attempted relative import beyond top-level package")
		}
		pkg = pkg[:i]
	}
	if rest := name[dots:]; rest != "" {
		return pkg + "." + rest, nil
	}
	return pkg, nil
}

// placedModule is a module the program stored in sys.modules[name]
// itself (sys.modules['virt'] = types.ModuleType('virt')), which import
// finds there first, as CPython's; nil if none. listed says whether
// sys.modules has the name at all.
func (vm *VM) placedModule(name string) (m *Module, listed bool) {
	if vm.modules["sys"] == nil {
		return nil, true
	}
	d := vm.sysModulesDict()
	if d == nil {
		return nil, true // (a dict the program put there instead)
	}
	v, ok, _ := d.get(StrVal(name))
	if m, isMod := v.O.(*Module); ok && isMod && v.T == tagObject {
		return m, true
	}
	return nil, ok
}

// sysModulesDict is sys.modules, unless the program replaced it.
func (vm *VM) sysModulesDict() *Dict {
	sys := vm.modules["sys"]
	if sys == nil {
		return nil
	}
	d, _ := sys.table()["modules"].O.(*Dict)
	return d
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// isPackage says whether the imported module name is a package: one of
// the program's with an __init__.py, or a package of CPython 3.14's
// standard library (what `import m.x` words as "'m' is not a package"
// otherwise).
func (vm *VM) isPackage(name string) bool {
	if p := vm.progMods[name]; p != nil {
		return p.dir != ""
	}
	switch name {
	case "asyncio", "collections", "concurrent", "concurrent.futures", "ctypes", "curses", "dbm",
		"email", "encodings", "html", "http", "importlib", "importlib.resources", "json", "logging",
		"multiprocessing", "pathlib", "re", "sqlite3", "sysconfig", "tomllib", "unittest", "urllib",
		"venv", "wsgiref", "xml", "xml.etree", "xml.dom", "xml.parsers", "xml.sax", "xmlrpc", "zipfile", "zoneinfo":
		return true
	}
	return false
}

// reloadProgramModule is importlib.reload(m) for one of the program's
// modules: its file is read and run again over a namespace holding the
// module's present attributes, and what the code binds is stored in the
// same module object, as CPython's reload does (names the new code does
// not bind keep their values). Functions made before the reload see the
// values it stored; a store to the module after it reaches only the
// functions the reload made.
func (vm *VM) reloadProgramModule(m *Module, p *progModule) (Val, error) {
	src, rerr := os.ReadFile(p.file)
	if rerr != nil {
		return Val{}, importErr(ModuleNotFoundError, m.name, "", "", "No module named '%s'", m.name)
	}
	text, serr := decodeSource(p.file, src)
	if serr != nil {
		return Val{}, newErr(SyntaxErrorT, "%s", serr.text)
	}
	ns := newDict()
	for k, v := range m.table() {
		ns.set(StrVal(k), v)
	}
	vm.srcLines[p.file] = strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	vm.pylibNS[p.file] = ns
	cells := map[string]*Cell{}
	vm.moduleCells, vm.moduleFree = cells, m.free
	co := &codeObj{src: text, filename: p.file, mode: "exec"}
	_, err := vm.evalExec("exec", []Val{ObjVal(co), ObjVal(ns)}, nil)
	vm.moduleCells, vm.moduleFree = nil, nil
	if err != nil {
		return Val{}, err
	}
	for _, e := range ns.live() {
		k, ok := e.k.O.(*Str)
		if !ok {
			continue
		}
		if c, ok := e.v.O.(*Class); ok && e.v.T == tagObject && c.module == "" {
			c.module = m.name
		}
		if err := m.setAttr(vm, k.s, e.v); err != nil {
			return Val{}, err
		}
	}
	m.mu.Lock()
	fresh := maps.Clone(m.cells)
	if fresh == nil {
		fresh = map[string]modCell{}
	}
	for n, c := range cells {
		fresh[n] = modCell{c, c.v}
	}
	m.cells = fresh
	m.mu.Unlock()
	return ObjVal(m), nil
}
