// Package interp is minipy's tier-1 interpreter: a tokenizer, parser and
// compiler to register bytecode for a subset of Python 3, and a VM whose
// frame slots are templates.Value (tag + 64 bits), so that int, float, bool
// and None live unboxed where native code can read them.
//
// interp must not import runtime or stencilgen.
package interp

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"unicode"

	"github.com/copypatch/copypatch/templates"
)

const debugMode = false

// stackSlots is the size of each VM's slot stack; frames that do not fit
// are allocated on the heap.
const stackSlots = 1 << 15

// Run compiles and runs a program. filename names it in messages and
// tracebacks. It writes the program's output to stdout and any SyntaxError
// or uncaught-exception traceback to stderr, and returns the process exit
// status: 0, or 1 after a SyntaxError or an uncaught exception. Output
// printed before an error is kept.
func Run(filename string, src []byte, stdout, stderr io.Writer) int {
	return RunArgs(filename, src, nil, stdout, stderr)
}

// RunArgs is Run with command-line arguments: sys.argv is [filename] + args.
func RunArgs(filename string, src []byte, args []string, stdout, stderr io.Writer) (status int) {
	return RunWith(Config{}, filename, src, args, stdout, stderr)
}

// RunWith is RunArgs with a configuration.
func RunWith(cfg Config, filename string, src []byte, args []string, stdout, stderr io.Writer) (status int) {
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer func() {
		if r := recover(); r != nil {
			out.Flush()
			fmt.Fprintf(stderr, "minipy: internal error: %v\n", r)
			if debugMode {
				fmt.Fprintf(stderr, "%s\n", debug.Stack())
			}
			status = 1
		}
	}()
	text, serr := decodeSource(filename, src)
	if serr != nil {
		serr.write(stderr)
		return 1
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	body, spans, warns, err := parseWarn(text)
	var co *Code
	var mod *moduleState
	if err == nil {
		co, mod, err = compileModule(filename, text, body, spans, lines)
	}
	if err != nil {
		if se, ok := err.(*SyntaxError); ok {
			suggestKeyword(lines, se)
			writeSyntaxError(stderr, filename, lines, se)
			return 1
		}
		if pe, ok := err.(*PyErr); ok {
			fmt.Fprintf(stderr, "%s: %s\n", pe.exc.typ.qualName(), excStr(nil, pe.exc))
			return 1
		}
		fmt.Fprintf(stderr, "minipy: %v\n", err)
		return 1
	}
	vm := newVM(out, mod)
	if cfg.Stdin != nil {
		vm.stdin = bufio.NewReader(cfg.Stdin)
	}
	vm.jit = newJITState(cfg)
	vm.hot.Store(vm.threshold())
	heapDone := make(chan struct{})
	defer close(heapDone)
	go vm.watchHeap(heapDone)
	if vm.jit != nil {
		defer vm.jit.free()
		if cfg.JITStats != nil {
			defer vm.jit.writeStats(cfg.JITStats)
		}
	}
	errOut := bufio.NewWriterSize(stderr, 4096)
	defer errOut.Flush()
	argv0 := filename
	if cfg.Argv0 != "" {
		argv0 = cfg.Argv0
	}
	vm.modules["sys"] = sysModule(argv0, args, out, errOut)
	// sys.modules: the modules the program imported (sys itself from
	// the start), kept by opImport; minipy's own modules made at start
	// join it when first imported, as CPython's would when loaded.
	sysMods := newDict()
	sysMods.set(StrVal("sys"), ObjVal(vm.modules["sys"]))
	// The program's own module, whose attributes are its globals.
	vm.modules["__main__"] = &Module{name: "__main__", main: vm}
	sysMods.set(StrVal("__main__"), ObjVal(vm.modules["__main__"]))
	vm.modules["sys"].attrs["modules"] = ObjVal(sysMods)
	vm.rt = newRunState(out, errOut)
	sysMods.glive = &liveGlobals{placed: &vm.rt.modulesPlaced}
	vm.rt.rawOut, vm.rt.rawErr = stdout, stderr
	vm.rt.signals.main = vm
	defer vm.rt.signals.stop()
	// Interrupts are delivered only once vm.rt exists: one sent at once
	// would find it nil.
	if cfg.Interrupts != nil {
		done := make(chan struct{})
		defer close(done)
		go func() {
			for {
				select {
				case <-cfg.Interrupts:
					vm.rt.signals.deliver(int(syscall.SIGINT))
				case <-done:
					return
				}
			}
		}()
	}
	// sys.float_info, flags, version_info and the like are built when the
	// program first reaches sys (sysReady): five struct-sequence classes
	// cost ~0.7 ms, 5% of the start of a run that never imports sys.
	// string, collections, random, time, functools, itertools, threading,
	// queue and concurrent are built on first import (lazyModuleMaker):
	// building them all took ~1 ms of every run's start.
	nameNativeClasses(vm.modules["sys"])
	vm.makeNativeTypes(vm.modules["sys"])
	vm.emitSyntaxWarnings(filename, lines, warns)
	f := vm.newFrame(co)
	vm.frames[0].alias = f
	vm.depth = 1
	_, err = vm.run(f)
	vm.closeGenerators()
	vm.rt.finishThreads()
	if fn := vm.rt.flushAtExit; fn.T != tagEmpty {
		vm.call(fn, nil, nil) // as CPython's finalizers, errors go unreported
	}
	vm.rt.files.closeAll()
	out.Flush()
	status = vm.endStatus(err, stderr)
	// atexit's functions run after the traceback, as CPython's do.
	vm.runAtexit()
	vm.rt.socks.closeAll()
	out.Flush()
	return status
}

// endStatus reports how the program ended: SystemExit's status, or the
// traceback of the exception that ended it.
func (vm *VM) endStatus(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	pe := toPyErr(err)
	if pe.exc.typ == SystemExit {
		return exitStatus(vm, pe.exc, stderr)
	}
	var b strings.Builder
	writeTraceback(&b, vm, pe)
	if !vm.writeErr(b.String()) {
		io.WriteString(stderr, b.String())
	}
	if pe.exc.typ == KeyboardInterrupt {
		return 130 // as a shell reports CPython killed by SIGINT
	}
	return 1
}

func newVM(out *bufio.Writer, mod *moduleState) *VM {
	vm := &VM{out: out, mod: mod, stack: make([]templates.Value, stackSlots), ostack: make([]Object, stackSlots),
		modules: map[string]*Module{}, frames: make([]frame, maxDepth+2), limit: maxDepth,
		typeObjs: newTypeCache()}
	vm.bi = vm.builtins()
	for name, v := range vm.bi {
		if i, ok := mod.gindex[name]; ok {
			mod.globals[i] = v
		}
	}
	if i, ok := mod.gindex["__name__"]; ok {
		mod.globals[i] = StrVal("__main__")
	}
	if i, ok := mod.gindex["__doc__"]; ok {
		// None until a docstring's store (withModuleDoc) runs.
		mod.globals[i] = NoneVal
	}
	if i, ok := mod.gindex["__builtins__"]; ok {
		// __main__'s __builtins__ is the builtins module (an imported
		// module's is that module's dict).
		mod.globals[i] = vm.builtinsVal()
	}
	if i, ok := mod.gindex["__file__"]; ok && !strings.HasPrefix(mod.filename, "<") {
		// A script's path (-c and stdin programs have none).
		mod.globals[i] = StrVal(mod.filename)
	}
	return vm
}

func writeSyntaxError(w io.Writer, filename string, lines []string, se *SyntaxError) {
	fmt.Fprintf(w, "  File \"%s\", line %d\n", filename, se.Line)
	if se.Line >= 1 && se.Line <= len(lines) {
		raw := lines[se.Line-1]
		trimmed := strings.TrimLeft(raw, " \t\f")
		cut := len(raw) - len(trimmed)
		trimmed = strings.TrimRight(trimmed, " \t\r\n")
		if trimmed != "" {
			fmt.Fprintf(w, "    %s\n", trimmed)
			if se.Col >= 0 {
				col := len([]rune(raw[:min(len(raw), byteOffset(raw, se.Col))])) - cut
				if col < 0 {
					col = 0
				}
				width := max(se.End-se.Col, 1)
				fmt.Fprintf(w, "    %s%s\n", strings.Repeat(" ", col), strings.Repeat("^", width))
			}
		}
	}
	fmt.Fprintf(w, "%s: %s\n", se.Kind, se.Msg)
}

// byteOffset converts a rune column to a byte offset in s.
func byteOffset(s string, col int) int {
	i := 0
	for off := range s {
		if i == col {
			return off
		}
		i++
	}
	return len(s)
}

func writeTraceback(w io.Writer, vm *VM, pe *PyErr) {
	var b strings.Builder
	writeChained(&b, vm, pe.exc, pe.tb, map[*Exception]bool{})
	io.WriteString(w, b.String())
}

// writeChained writes exc's cause or context first, as CPython does, then
// exc with its traceback tb (innermost first); groups as a tree
// (excPrinter, exc_group.go).
func writeChained(b *strings.Builder, vm *VM, exc *Exception, tb []tbEntry, seen map[*Exception]bool) {
	p := &excPrinter{b: b, vm: vm, seen: seen}
	p.write(exc, tb)
}

// writeFrames writes the "Traceback (most recent call last):" block.
func writeFrames(b *strings.Builder, tb []tbEntry) {
	b.WriteString("Traceback (most recent call last):\n")
	// Print outermost first; collapse long runs of the same line like CPython.
	var prev string
	repeat := 0
	flush := func() {
		if repeat > 3 {
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", repeat-3, plural(repeat-3))
		}
	}
	for i := len(tb) - 1; i >= 0; i-- {
		e := tb[i]
		key := e.file + ":" + strconv.Itoa(e.line) + ":" + e.fn
		if key == prev {
			repeat++
			if repeat > 3 {
				continue
			}
		} else {
			flush()
			repeat = 1
			prev = key
		}
		fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", e.file, e.line, e.fn)
		if s := strings.TrimSpace(e.src); s != "" {
			fmt.Fprintf(b, "    %s\n", s)
			if carets := e.carets(); carets != "" {
				fmt.Fprintf(b, "    %s\n", carets)
			}
		}
	}
	flush()
}

// carets is the caret line under e's dedented source line, or "".
func (e *tbEntry) carets() string {
	s := strings.TrimSpace(e.src)
	if e.caret == nil || s == "" {
		return ""
	}
	indent := len([]rune(e.src)) - len([]rune(strings.TrimLeftFunc(e.src, unicode.IsSpace)))
	return e.caret.caretLine(s, indent)
}

// Disassemble compiles a program and writes its bytecode listing (what
// `minipy dis FILE` prints).
func Disassemble(filename string, src []byte, w io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	text := string(src)
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	body, spans, err := parse(text)
	var co *Code
	if err == nil {
		co, _, err = compileModule(filename, text, body, spans, lines)
	}
	if err != nil {
		if se, ok := err.(*SyntaxError); ok {
			var b strings.Builder
			suggestKeyword(lines, se)
			writeSyntaxError(&b, filename, lines, se)
			return fmt.Errorf("%s", strings.TrimRight(b.String(), "\n"))
		}
		return err
	}
	bw := bufio.NewWriter(w)
	disCode(bw, co)
	return bw.Flush()
}

func disCode(w *bufio.Writer, co *Code) {
	fmt.Fprintf(w, "code %s: %d slots (%d locals, %d constants, %d temporaries), %d params\n",
		co.name, co.nslots, co.nlocals, len(co.consts), co.nslots-co.nlocals-len(co.consts), co.nparams)
	for i, n := range co.localNames {
		fmt.Fprintf(w, "  local  r%d = %s\n", i, n)
	}
	for i, c := range co.consts {
		fmt.Fprintf(w, "  const  r%d = %s\n", co.nlocals+i, (*VM)(nil).repr(c))
	}
	for _, e := range co.excTable {
		fmt.Fprintf(w, "  except %d..%d -> %d (exception in r%d)\n", e.start, e.end, e.handler, e.excSlot)
	}
	lastLine := int32(-1)
	for pc, in := range co.instrs {
		line := "    "
		if co.lines[pc] != lastLine {
			lastLine = co.lines[pc]
			line = fmt.Sprintf("%4d", lastLine)
		}
		fmt.Fprintf(w, "%s %5d  %-16s", line, pc, in.Op.String())
		kinds := opInfo[in.Op].kinds
		var ops []string
		for j, k := range kinds {
			x := *(&in).operand(j)
			switch k {
			case 's':
				if x < 0 {
					ops = append(ops, "-")
				} else {
					ops = append(ops, fmt.Sprintf("r%d", x))
				}
			case 'j':
				ops = append(ops, fmt.Sprintf("->%d", x))
			case 'n':
				ops = append(ops, fmt.Sprintf("%q", co.names[x]))
			case 'g':
				ops = append(ops, fmt.Sprintf("g%d(%s)", x, co.mod.gnames[x]))
			case 'k':
				if x >= 0 {
					ops = append(ops, "kw="+strings.Join(co.kwnames[x], ","))
				}
			case 'f':
				ops = append(ops, "<code "+co.funcs[x].name+">")
			case 'x':
				if x != 0 {
					ops = append(ops, "!"+string(rune(x)))
				}
			default:
				ops = append(ops, strconv.Itoa(int(x)))
			}
		}
		fmt.Fprintf(w, " %s\n", strings.Join(ops, ", "))
	}
	for _, f := range co.funcs {
		w.WriteString("\n")
		disCode(w, f)
	}
}

// exitStatus turns SystemExit's argument into a status, printing a
// non-integer argument to stderr as CPython does.
func exitStatus(vm *VM, e *Exception, stderr io.Writer) int {
	if len(e.args) == 0 || e.args[0].T == tagNone {
		return 0
	}
	a := e.args[0]
	if a.T == tagInt || a.T == tagBool {
		return int(int64(a.B)) & 0xff
	}
	fmt.Fprintln(stderr, vm.strOf(a))
	return 1
}

// Stream is sys.stdout or sys.stderr.
type Stream struct {
	name string
	w    *bufio.Writer
}

func (*Stream) typeName() string { return "_io.TextIOWrapper" }

func sysModule(filename string, args []string, stdout, stderr *bufio.Writer) *Module {
	m := &Module{name: "sys", attrs: map[string]Val{}}
	m.attrs["stdout"] = ObjVal(&Stream{name: "<stdout>", w: stdout})
	m.attrs["stderr"] = ObjVal(&Stream{name: "<stderr>", w: stderr})
	m.attrs["stdin"] = ObjVal(&stdinStream{})
	// The streams the program started with, to restore.
	m.attrs["__stdout__"], m.attrs["__stderr__"], m.attrs["__stdin__"] = m.attrs["stdout"], m.attrs["stderr"], m.attrs["stdin"]
	argv := []Val{StrVal(filename)}
	for _, a := range args {
		argv = append(argv, StrVal(a))
	}
	m.attrs["argv"] = ObjVal(newList(argv))
	m.attrs["maxsize"] = IntVal(1<<63 - 1)
	// Free threading: there is no global interpreter lock.
	m.attrs["_is_gil_enabled"] = ObjVal(&Builtin{name: "_is_gil_enabled", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return False, nil
	}})
	// The language level minipy follows (a plain tuple: it indexes and
	// compares like CPython's named tuple, but prints as a tuple).
	m.attrs["version_info"] = ObjVal(&Tuple{items: []Val{IntVal(3), IntVal(14), IntVal(0), StrVal("final"), IntVal(0)}})
	m.attrs["platform"] = StrVal(runtime.GOOS)
	// sys._jit as CPython 3.14 has it: whether this build has a JIT,
	// whether it is on, and whether the caller runs in JIT code (never:
	// traces call no Python-visible functions).
	jm := &Module{name: "sys._jit", attrs: map[string]Val{}}
	jitFn := func(name string, f func(vm *VM) bool) {
		jm.attrs[name] = ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 0 || len(kwn) != 0 {
				return Val{}, newErr(TypeError, "%s() takes no arguments (%d given)", name, len(args))
			}
			return BoolVal(f(vm)), nil
		}})
	}
	jitFn("is_available", func(*VM) bool { return JITAvailable() })
	jitFn("is_enabled", func(vm *VM) bool { return vm.jit != nil })
	jitFn("is_active", func(*VM) bool { return false })
	m.attrs["_jit"] = ObjVal(jm)
	m.attrs["exit"] = ObjVal(&Builtin{name: "exit", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return Val{}, newErrVal(SystemExit, append([]Val(nil), args...)...)
	}})
	m.def("_getframe", sysGetframe)
	m.attrs["getrecursionlimit"] = ObjVal(&Builtin{name: "getrecursionlimit", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return IntVal(int64(vm.limit)), nil
	}})
	m.attrs["setrecursionlimit"] = ObjVal(&Builtin{name: "setrecursionlimit", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 || args[0].T != tagInt {
			return Val{}, newErr(TypeError, "setrecursionlimit() takes exactly one int argument")
		}
		n := int64(args[0].B)
		if n < 1 {
			return Val{}, newErr(ValueError, "recursion limit must be greater or equal than 1")
		}
		if int(n) <= vm.depth {
			return Val{}, newErr(RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, vm.depth)
		}
		// Beyond maxLimit the Go stack, not Python, would be the limit.
		vm.limit = int(min(n, maxLimit))
		if vm.limit+2 > len(vm.frames) {
			// Active calls keep pointers into the old array; deeper ones use the new.
			frames := make([]frame, vm.limit+2)
			copy(frames, vm.frames)
			vm.frames = frames
		}
		return NoneVal, nil
	}})
	addIntDigitsFuncs(m)
	return m
}

func stringModule() *Module {
	m := &Module{name: "string", attrs: map[string]Val{}}
	lower, upper, digits := "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"
	m.attrs["ascii_lowercase"] = StrVal(lower)
	m.attrs["ascii_uppercase"] = StrVal(upper)
	m.attrs["ascii_letters"] = StrVal(lower + upper)
	m.attrs["digits"] = StrVal(digits)
	m.attrs["hexdigits"] = StrVal(digits + "abcdefABCDEF")
	m.attrs["octdigits"] = StrVal("01234567")
	m.attrs["punctuation"] = StrVal("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
	m.attrs["whitespace"] = StrVal(" \t\n\r\x0b\x0c")
	m.attrs["printable"] = StrVal(digits + lower + upper + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + " \t\n\r\x0b\x0c")
	m.attrs["capwords"] = builtinFn("capwords", capwords)
	return m
}
