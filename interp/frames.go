package interp

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// Frame objects: sys._getframe and what is read through it (f_back,
// f_lineno, f_code.co_name, f_locals, f_globals ...), which logging uses to name its caller's
// file and line (warnings counts library frames too: warn_caller.go). A frame object is a snapshot of the call
// stack taken when it is asked for: minipy's frames are reused slots, so
// the snapshot keeps the code and line of each, not the frame. Library
// modules written in Python have no frames here, as CPython's modules
// written in C have none: tracebacks leave them out too. A frame still
// running reports the line of its latest call or slow instruction (minipy
// does not store the position of every instruction it runs).

// frameInfo is one frame of a snapshot: its code and line then, and where
// it ran, to read its line live while it still runs (f_lineno).
type frameInfo struct {
	code  *Code
	line  int
	f     *frame
	depth int
	exit  *frameExit
}

// frameExit is where a frame's run, once something kept a view of it,
// notes the line it returned from: after the return the frame's slot
// serves other calls, and CPython's f_lineno stays the last line run.
// A frame that ends otherwise (an exception, a compiled trace's return)
// leaves it 0, and its snapshot's line stands.
type frameExit struct {
	line int32
	// keep is set once a frame object names the frame: its return then
	// leaves locals, the f_locals it ended with (frame_locals.go).
	keep   bool
	locals Val
}

// exitCell is f's frameExit, made on first use.
func (f *frame) exitCell() *frameExit {
	if f.exit == nil {
		f.exit = &frameExit{}
	}
	return f.exit
}

// frameObj is the frame at index i of a snapshot, innermost first.
type frameObj struct {
	stack []frameInfo
	i     int
}

// codeInfoObj is a frame's f_code: the names and file of its code.
type codeInfoObj struct{ code *Code }

func (*frameObj) typeName() string    { return "frame" }
func (*codeInfoObj) typeName() string { return "code" }

// callStack is the snapshot of the running frames, innermost first,
// without library frames.
func (vm *VM) callStack() []frameInfo {
	var out []frameInfo
	for d := vm.depth - 1; d >= 0; d-- {
		f := vm.frameAt(d)
		if f.code == nil || libFrame(f.code) {
			continue
		}
		out = append(out, frameInfo{code: f.code, line: frameLine(f), f: f, depth: d, exit: f.exitCell()})
	}
	return out
}

// frameLine is the line f runs at: that of its latest call.
func frameLine(f *frame) int {
	pc := max(int(f.pc)-1, 0)
	if pc < len(f.code.lines) {
		return int(f.code.lines[pc])
	}
	return 0
}

// lineNow is fi's line: live while its frame still runs at its depth
// (the frame slot is not reused by another call), a suspended
// generator's yield, the line its frame returned from, else the
// snapshot's.
func (vm *VM) lineNow(fi frameInfo) int {
	if fi.exit != nil && fi.exit.line > 0 {
		return int(fi.exit.line)
	}
	if fi.f == nil || fi.f.code != fi.code || (fi.exit != nil && fi.f.exit != fi.exit) {
		return fi.line
	}
	if fi.depth < vm.depth && vm.frameAt(fi.depth) == fi.f {
		return frameLine(fi.f)
	}
	if g := fi.f.gen; g != nil && g.frame == fi.f && g.started && !g.done && g.running == 0 && g.pc > 0 {
		if int(g.pc) <= len(fi.code.lines) {
			return int(fi.code.lines[g.pc-1])
		}
	}
	return fi.line
}

// sysGetframe is sys._getframe(depth=0).
func sysGetframe(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := noKw("_getframe", kwn); err != nil {
		return Val{}, err
	}
	if len(args) > 1 {
		return Val{}, newErr(TypeError, "_getframe expected at most 1 argument, got %d", len(args))
	}
	depth := 0
	if len(args) == 1 {
		if args[0].T != tagInt && args[0].T != tagBool {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		depth = int(int64(args[0].B))
	}
	st := vm.callStack()
	if depth < 0 {
		depth = 0 // CPython treats a negative depth as 0
	}
	if depth >= len(st) {
		return Val{}, newErr(ValueError, "call stack is not deep enough")
	}
	return ObjVal(newFrameObj(st, depth)), nil
}

func (f *frameObj) attr(vm *VM, name string) (Val, bool) {
	fi := f.stack[f.i]
	switch name {
	case "f_lineno":
		return IntVal(int64(vm.lineNow(fi))), true
	case "f_code":
		return ObjVal(&codeInfoObj{code: fi.code}), true
	case "f_back":
		if f.i+1 < len(f.stack) {
			return ObjVal(newFrameObj(f.stack, f.i+1)), true
		}
		return NoneVal, true
	case "f_locals":
		return vm.frameObjLocals(fi), true
	case "f_globals":
		return vm.codeGlobals(fi.code), true
	case "f_builtins":
		if b, ok := vm.builtinsVal().O.(*Module); ok {
			return ObjVal(b.dictOf()), true
		}
	}
	return Val{}, false
}

func (*frameObj) has(string) bool { return false }

func (*frameObj) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	return Val{}, false, nil
}

func (f *frameObj) pyRepr(vm *VM) string {
	fi := f.stack[f.i]
	return fmt.Sprintf("<frame at 0x7f0000000000, file '%s', line %d, code %s>", fi.code.filename, vm.lineNow(fi), fi.code.name)
}

func (c *codeInfoObj) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "co_name":
		return StrVal(c.code.name), true
	case "co_qualname":
		if c.code.qualname != "" {
			return StrVal(c.code.qualname), true
		}
		return StrVal(c.code.name), true
	case "co_filename":
		return StrVal(c.code.filename), true
	case "co_argcount":
		return IntVal(int64(c.code.npos)), true
	case "co_posonlyargcount":
		return IntVal(int64(c.code.nposonly)), true
	case "co_kwonlyargcount":
		return IntVal(int64(len(c.code.kwonly))), true
	case "co_varnames":
		return tupleOf(strVals(c.code.varnames())), true
	case "co_freevars":
		var names []string
		for _, i := range c.code.freeOrder() {
			names = append(names, c.code.localNames[c.code.freeTo[i]])
		}
		if c.code.classFree {
			names = append(names, "__class__")
			sort.Strings(names)
		}
		return tupleOf(strVals(names)), true
	case "co_nlocals":
		return IntVal(int64(len(c.code.varnames()))), true
	case "co_flags":
		return IntVal(c.code.flags()), true
	case "co_firstlineno":
		return IntVal(int64(c.code.firstLineno())), true
	}
	return Val{}, false
}

func (*codeInfoObj) has(string) bool { return false }

func (*codeInfoObj) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	return Val{}, false, nil
}

func (c *codeInfoObj) pyRepr(vm *VM) string {
	return fmt.Sprintf("<code object %s at 0x7f0000000000, file \"%s\", line %d>", c.code.name, c.code.filename, c.code.firstLineno())
}

// freeOrder is the indices of co's free variables (freeTo, a function's
// free) sorted by name: CPython's order of co_freevars and __closure__.
func (co *Code) freeOrder() []int {
	idx := make([]int, len(co.freeTo))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return co.localNames[co.freeTo[idx[a]]] < co.localNames[co.freeTo[idx[b]]]
	})
	return idx
}

// firstLineno is co_firstlineno: the def's line for a function, else
// the first instruction's.
func (co *Code) firstLineno() int {
	if co.firstLine > 0 {
		return int(co.firstLine)
	}
	if len(co.lines) > 0 {
		return int(co.lines[0])
	}
	return 0
}

// linecacheModule is linecache.getline: a line of a source file, with its
// newline, or "" past the end or for a file that cannot be read. The
// program's own file is the source it was run from.
func linecacheModule(vm *VM) *Module {
	m := newModule("linecache")
	m.def("getline", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("getline", args, kwn, []string{"filename", "lineno", "module_globals"}, 2)
		if err != nil {
			return Val{}, err
		}
		name, ok := a[0].O.(*Str)
		if !ok || a[1].T != tagInt {
			return StrVal(""), nil
		}
		return StrVal(vm.sourceLine(name.s, int(int64(a[1].B)))), nil
	})
	m.def("clearcache", func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil })
	m.def("checkcache", func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil })
	return m
}

// sourceLine is line n (from 1) of file with its newline, or "".
func (vm *VM) sourceLine(file string, n int) string {
	var lines []string
	if vm.mod != nil && file == vm.mod.filename {
		lines = vm.mod.lines
	} else if b, err := os.ReadFile(file); err == nil {
		lines = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r") + "\n"
}

// varnames is co_varnames: the parameters in CPython's order (positional,
// keyword-only, *args, **kwargs), then the other locals.
func (co *Code) varnames() []string {
	if co.isModule {
		return nil
	}
	var out []string
	seen := map[int]bool{}
	add := func(slot int) {
		if slot >= 0 && slot < len(co.localNames) && !seen[slot] {
			seen[slot] = true
			out = append(out, co.localNames[slot])
		}
	}
	for i := 0; i < co.npos; i++ {
		add(i)
	}
	for _, s := range co.kwonly {
		add(s)
	}
	add(co.varargSlot)
	add(co.varkwSlot)
	for i, n := range co.localNames {
		if i < co.nlocals && isIdentifier(n) {
			add(i)
		}
	}
	return out
}

// flags is co_flags: CO_OPTIMIZED|CO_NEWLOCALS for a function, with
// CO_VARARGS, CO_VARKEYWORDS and CO_GENERATOR as they apply.
func (co *Code) flags() int64 {
	if co.isModule {
		return 0
	}
	f := int64(0x1 | 0x2)
	if co.varargSlot >= 0 {
		f |= 0x4
	}
	if co.varkwSlot >= 0 {
		f |= 0x8
	}
	switch {
	case co.genKind == genCoroutine:
		f |= 0x80 // CO_COROUTINE
	case co.genKind == genAsyncGen:
		f |= 0x200 // CO_ASYNC_GENERATOR
	case co.genKind == genIterableCoro:
		f |= 0x20 | 0x100 // CO_GENERATOR, CO_ITERABLE_COROUTINE
	case co.isGenerator:
		f |= 0x20
	}
	return f
}

func strVals(ss []string) []Val {
	out := make([]Val, len(ss))
	for i, s := range ss {
		out[i] = StrVal(s)
	}
	return out
}
