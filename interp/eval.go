package interp

import (
	"sort"
	"strings"
)

// eval, exec, compile, globals and locals.
//
// The program is one module whose globals are slots fixed at compile time,
// so source run by eval or exec is compiled in one of two ways:
//
//   - with the module's globals (no dictionaries given, at module level):
//     as more module code over the same moduleState, its new names getting
//     new global slots;
//   - with a namespace dictionary (a function's locals, or dictionaries the
//     caller gives): as the body of a function whose parameters are the
//     dictionary's names, so the code reads them as locals and functions
//     it defines see them as closures; exec writes the names it leaves
//     bound back into the dictionary. Names it does not bind or find there
//     are the module's globals and builtins.
//
// In a function, eval(s) and exec(s) are compiled as eval(s, None,
// locals()), and locals() to LOCALS, which snapshots the frame: since
// Python 3.13 (PEP 667) exec's writes to a function's locals are lost too.

// codeObj is what compile() returns: the source, compiled again when eval
// or exec runs it.
type codeObj struct {
	src, filename, mode string
	warned              bool // its SyntaxWarnings were shown (by compile())
}

func (*codeObj) typeName() string { return "code" }

// frameLocals is LOCALS: the bound names of f as a new dict, in the order
// of f's slots; at module level, the globals.
func (vm *VM) frameLocals(f *frame) Val {
	if f.code.isModule {
		return vm.globalsDict()
	}
	d := newDict()
	for _, i := range localsOrder(f) {
		name := f.code.localNames[i]
		if !isIdentifier(name) {
			continue // match's and the compiler's hidden names
		}
		v := f.get(int32(i))
		if c, ok := v.O.(*Cell); ok && v.T == tagObject {
			v = c.v
		}
		if v.T == tagEmpty {
			continue
		}
		// Python code now holds the value (locals(), f_locals): a list
		// or big int private to the frame may no longer be recycled or
		// changed in place (fresh.go, private_int.go).
		unmark(v)
		unmarkBig(v)
		d.set(StrVal(name), v)
	}
	return ObjVal(d)
}

// evalBuiltins adds eval, exec, compile, globals and locals.
func (vm *VM) evalBuiltins(b map[string]Val) {
	b["globals"] = builtinFn("globals", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) > 0 {
			return Val{}, newErr(TypeError, "globals() takes no arguments (%d given)", len(args))
		}
		// An imported module's code (a library module's or the program's
		// own) runs over its namespace dict: that is its globals().
		if vm.depth > 0 {
			if f := vm.frameAt(vm.depth - 1); f.code != nil {
				if d, ok := vm.pylibNS[f.code.filename]; ok {
					return ObjVal(d), nil
				}
				if g := f.code.nsGlobals; g != nil {
					// exec's dict: at its top level, with the names
					// bound so far (the frame's locals until it ends).
					if f.code.nsSelf {
						vm.syncNSTop(f, g)
					}
					return ObjVal(g), nil
				}
			}
		}
		return vm.globalsDict(), nil
	})
	// locals() in a function is compiled to LOCALS; what is left is the
	// module's and calls through another name (a class body's: class_locals.go).
	b["locals"] = builtinFn("locals", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) > 0 {
			return Val{}, newErr(TypeError, "locals() takes no arguments (%d given)", len(args))
		}
		return vm.globalsDict(), nil
	})
	for _, name := range []string{"eval", "exec"} {
		b[name] = builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.evalExec(name, args, kwn)
		})
	}
	b["compile"] = builtinFn("compile", biCompile)
}

func biCompile(vm *VM, args []Val, kwn []string) (Val, error) {
	a, err := kwArgs("compile", args, kwn, []string{"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3)
	if err != nil {
		return Val{}, err
	}
	src, err := sourceText("compile", a[0], true)
	if err != nil {
		return Val{}, err
	}
	fname, ok := a[1].O.(*Str)
	if !ok || a[1].T != tagObject {
		return Val{}, newErr(TypeError, "compile() argument 'filename' must be str, not %s", typeName(a[1]))
	}
	mode, ok := a[2].O.(*Str)
	if !ok || a[2].T != tagObject {
		return Val{}, newErr(TypeError, "compile() argument 'mode' must be str, not %s", typeName(a[2]))
	}
	if m := mode.s; m != "exec" && m != "eval" && m != "single" {
		return Val{}, newErr(ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	co := &codeObj{src: src, filename: fname.s, mode: mode.s}
	// Errors are compile()'s, not the later run's.
	if _, _, err := vm.compileSource(co, nil, false); err != nil {
		return Val{}, err
	}
	return ObjVal(co), nil
}

// sourceText is the source eval, exec or compile was given: a str, or
// bytes as UTF-8.
func sourceText(name string, v Val, code bool) (string, error) {
	if v.T == tagObject {
		switch o := v.O.(type) {
		case *Str:
			return o.s, nil
		case *Bytes:
			return string(o.b), nil
		}
	}
	what := "a string, bytes or code object"
	if name == "compile" {
		return "", newErr(TypeError, "compile() arg 1 must be a string, bytes or AST object")
	}
	return "", newErr(TypeError, "%s() arg 1 must be %s", name, what)
}

// evalExec is eval(source, globals=None, locals=None) and exec(source,
// globals=None, locals=None).
func (vm *VM) evalExec(name string, args []Val, kwn []string) (Val, error) {
	a, err := kwArgs(name, args, kwn, []string{"source", "globals", "locals"}, 1)
	if err != nil {
		return Val{}, err
	}
	var co *codeObj
	if c, ok := a[0].O.(*codeObj); ok && a[0].T == tagObject {
		co = c
		if name == "eval" && co.mode == "exec" {
			co = &codeObj{src: co.src, filename: co.filename, mode: "exec"}
		}
	} else {
		src, err := sourceText(name, a[0], false)
		if err != nil {
			return Val{}, err
		}
		if name == "eval" {
			src = strings.TrimLeft(src, " \t")
		}
		co = &codeObj{src: src, filename: "<string>", mode: name}
	}
	g, l := a[1], a[2]
	var gd, ld *Dict
	if g.T != tagEmpty && g.T != tagNone {
		d, ok := g.O.(*Dict)
		if !ok || g.T != tagObject {
			if name == "eval" {
				return Val{}, newErr(TypeError, "globals must be a real dict; try eval(expr, {}, mapping)")
			}
			return Val{}, newErr(TypeError, "exec() globals must be a dict, not %s", typeName(g))
		}
		gd = d
	}
	if l.T != tagEmpty && l.T != tagNone {
		d, ok := l.O.(*Dict)
		if !ok || l.T != tagObject {
			return Val{}, newErr(TypeError, "locals must be a mapping")
		}
		ld = d
	}
	if gd != nil && gd == vm.mod.live {
		// exec(s, globals()): the module's globals.
		gd = nil
		if ld == gd {
			ld = nil
		}
	}
	if gd != nil {
		if !gd.has("__builtins__") {
			// CPython's exec puts the builtins module's dict there.
			if err := gd.set(StrVal("__builtins__"), vm.builtinsDictVal()); err != nil {
				return Val{}, err
			}
		}
		if vm.moduleFree == nil && vm.moduleCells == nil {
			vm.watchNSGlobals(gd)
		}
	}
	var ns []*Dict // the names the code sees as its own, later ones first
	if ld != nil {
		ns = append(ns, ld)
	}
	if gd != nil {
		ns = append(ns, gd)
	}
	fn, nc, err := vm.compileSource(co, ns, gd != nil)
	if err != nil {
		return Val{}, err
	}
	var v Val
	if len(ns) == 0 {
		f := vm.newFrame(fn.code)
		vm.frames[vm.depth].alias = f
		vm.depth++
		v, err = vm.run(f)
		vm.depth--
		vm.frames[vm.depth].alias = nil
		vm.freeFrame(f)
	} else {
		if gd != nil {
			vm.nsBuiltins(gd, nc.prefix, nc.globals)
		}
		v, err = vm.runInNamespace(fn, nc, ns)
	}
	if err != nil {
		return Val{}, err
	}
	if co.mode != "eval" {
		return NoneVal, nil
	}
	return v, nil
}

// nsCode is what running compiled code over namespace dicts needs: the
// parameters its names come in as, the names it stores (written back),
// and, with a globals dict of its own, the global names it reads.
type nsCode struct {
	params          []string
	stores, globals map[string]bool
	prefix          string // of the globals' slot names
	// fallback are the stored names whose reads fall back to a global
	// or builtin while unbound (compiler.nsFallback).
	fallback map[string]bool
}

// tieCell makes stores and deletes of name in the globals dict d reach
// c, the cell that functions exec defined over d read it from.
func tieCell(d *Dict, name string, c *Cell) {
	if d.glive == nil {
		d.glive = &liveGlobals{}
	}
	if d.glive.cells == nil {
		d.glive.cells = map[string]*Cell{}
	}
	d.glive.cells[name] = c
}

// setNSGlobals gives co and the code nested in it the globals dict g.
func setNSGlobals(co *Code, g *Dict) {
	co.nsGlobals = g
	for _, f := range co.funcs {
		setNSGlobals(f, g)
	}
}

// globalMiss is a global read whose slot is empty, before it becomes a
// NameError: code exec ran over a globals dict finds the names stored
// in that dict after the exec (g['x'] = 1, or a later exec binding x),
// as CPython's functions read their globals dict. (Those slots are
// shared by every such dict and hold only builtins, so a name the dict
// binds is never shadowed by another dict's.)
func (vm *VM) globalMiss(f *frame, slot int32) (Val, bool) {
	if f == nil || f.code.nsGlobals == nil {
		return Val{}, false
	}
	name := vm.mod.gnames[slot]
	if !strings.HasPrefix(name, nsGlobalPrefix) {
		return Val{}, false
	}
	base := StrVal(globalBase(name))
	if v, ok, err := f.code.nsGlobals.get(base); ok && err == nil {
		return v, true
	}
	// Not there: the dict's own builtins (the slot is empty when a dict
	// shadowed the builtin, nsShadow).
	return nsBuiltin(f.code.nsGlobals, base.str().s)
}

// unboundGlobal is LOAD_GLOBAL's slow path, its slot empty: globalMiss's
// value, or the NameError. (Out of line, to keep the run loop small.)
//
//go:noinline
func (vm *VM) unboundGlobal(f *frame, slot int32) (Val, error) {
	if v, ok := vm.globalMiss(f, slot); ok {
		return v, nil
	}
	return Val{}, nameErr(vm.nameErrorMsg(f, vm.mod.gnames[slot]), vm.mod.gnames[slot])
}

// nsGlobalPrefix marks the module slots of code run over a globals dict
// of its own (compiler.global): a name it neither binds nor finds in the
// dict is one of that dict's __builtins__, or a NameError.
const nsGlobalPrefix = "\x00ns."

// nsBuiltins fills the slots of the global names that code run over gd
// reads from gd's __builtins__: the builtins module (what exec puts
// there), a dict, or anything else, which holds no names.
func (vm *VM) nsBuiltins(gd *Dict, prefix string, names map[string]bool) {
	b, _, _ := gd.get(StrVal("__builtins__"))
	m := vm.mod
	shared := prefix == nsGlobalPrefix // slots every such dict's code reads
	own := false                       // builtins of gd's own
	if shared && !vm.isBuiltinsNS(b) {
		own = true
	}
	for name := range names {
		var v Val
		switch x := b.O.(type) {
		case *Module:
			v = x.table()[name]
		case *Dict:
			v, _, _ = x.get(StrVal(name))
		}
		if shared {
			if own {
				// Not for the code of other dicts: this code finds
				// them in gd (globalMiss).
				m.nsShadowed.Store(name, true)
			}
			if _, ok := m.nsShadowed.Load(name); ok {
				v = Val{}
			}
		}
		m.storeSlot(int32(m.gindex[prefix+name]), v)
	}
}

// builtinsVal is what exec puts in a globals dict as __builtins__.
func (vm *VM) builtinsVal() Val {
	if b, ok := vm.modules["builtins"]; ok {
		return ObjVal(b)
	}
	if b, ok := vm.lazyModule("builtins"); ok {
		return ObjVal(b)
	}
	return NoneVal
}

// builtinsDictVal is the builtins module's __dict__ (what exec gives a
// globals dict without __builtins__), or the module if there is none.
func (vm *VM) builtinsDictVal() Val {
	b := vm.builtinsVal()
	if m, ok := b.O.(*Module); ok {
		return ObjVal(m.dictOf())
	}
	return b
}

// isBuiltinsNS reports whether b, a globals dict's __builtins__, is the
// builtins module or its __dict__ (no builtins of the dict's own).
func (vm *VM) isBuiltinsNS(b Val) bool {
	switch x := b.O.(type) {
	case *Module:
		return x.name == "builtins"
	case *Dict:
		m, ok := vm.builtinsVal().O.(*Module)
		return ok && m.dictOf() == x
	}
	return false
}

// runInNamespace calls fn with each parameter from the first dict of ns
// that has it, and writes the names the code stores back into ns[0]
// (exec's writes; eval's code binds only := names), deleting those it
// left unbound.
func (vm *VM) runInNamespace(fn *Function, nc *nsCode, ns []*Dict) (Val, error) {
	params, stores := nc.params, nc.stores
	if err := vm.callCheck(); err != nil {
		return Val{}, err
	}
	cells := vm.moduleCells
	vm.moduleCells = nil // for this module's code only, not an exec inside it
	running := vm.moduleRunning
	vm.moduleRunning = nil
	f := vm.callFrame(fn)
	for i, p := range params {
		for _, d := range ns {
			if v, ok, _ := d.get(StrVal(p)); ok {
				f.set(int32(i), v)
				break
			}
		}
	}
	// A name the code assigns but ns lacks reads as the builtin of that
	// name until assigned (CPython's LOAD_NAME: X = X re-exports the
	// builtin). The top level's reads do that themselves (LOAD_NAME),
	// so its slot stays empty and is written back only if assigned; a
	// name functions defined here capture lives in a cell, which starts
	// as the builtin, and is not written back if it still holds it.
	var seeded map[string]Val
	for i, name := range fn.code.localNames {
		if stores[name] && !nc.fallback[name] && f.regs[i].Tag == tagEmpty {
			if b, ok := vm.bi[name]; ok {
				f.set(int32(i), b)
				if seeded == nil {
					seeded = map[string]Val{}
				}
				seeded[name] = b
			}
		}
	}
	vm.frames[vm.depth].alias = f
	vm.depth++
	if running != nil {
		running.running.f = f
	}
	v, err := vm.run(f)
	if running != nil {
		running.running = nil // its names are written back below
	}
	vm.depth--
	vm.frames[vm.depth].alias = nil
	// Written back even when the code raised: what it bound before stays
	// bound, as in CPython, where the dict is the namespace.
	runErr := err
	err = nil
	for i, name := range fn.code.localNames {
		x := f.get(int32(i))
		if !stores[name] {
			// A name of the dict the code only reads: functions it
			// defined capture it, and must see later stores too.
			if c, ok := x.O.(*Cell); ok && x.T == tagObject && fn.code.nsGlobals != nil && len(ns) == 1 {
				tieCell(ns[0], name, c)
			}
			continue
		}
		if c, ok := x.O.(*Cell); ok && x.T == tagObject {
			if cells != nil {
				cells[name] = c
			}
			if fn.code.nsGlobals != nil && len(ns) == 1 {
				tieCell(ns[0], name, c)
			}
			x = c.v
		}
		if b, ok := seeded[name]; ok && x == b {
			continue // never assigned (or assigned the builtin itself)
		}
		if x.T == tagEmpty {
			if _, _, err = ns[0].del(StrVal(name)); err != nil {
				break
			}
			continue
		}
		unmark(x) // no longer private to the frame (fresh.go)
		if err = ns[0].set(StrVal(name), x); err != nil {
			break
		}
	}
	if runErr != nil {
		err = runErr
	}
	vm.freeFrame(f)
	return v, err
}

// compileSource compiles co's source: as module code over the program's
// globals when ns is empty, else as a function whose parameters are the
// names in ns (in the order first found). A syntax error is a SyntaxError
// exception.
func (vm *VM) compileSource(co *codeObj, ns []*Dict, ownGlobals bool) (fn *Function, nc *nsCode, err error) {
	text := strings.ReplaceAll(co.src, "\r\n", "\n")
	if strings.IndexByte(text, 0) >= 0 {
		return nil, nil, newErr(SyntaxErrorT, "source code string cannot contain null bytes")
	}
	lines := strings.Split(text, "\n")
	body, spans, warns, err := parseWarn(text)
	if err != nil {
		return nil, nil, syntaxErrorExc(err, co, lines)
	}
	defer func() {
		if err == nil && !co.warned {
			co.warned = true
			if se := vm.emitSyntaxWarnings(co.filename, nil, warns); se != nil {
				fn, nc, err = nil, nil, syntaxErrorExc(se, co, lines)
			}
		}
	}()
	if co.mode == "eval" {
		var x Expr
		if len(body) == 1 {
			if es, ok := body[0].(*ExprStmt); ok {
				x = es.x
			}
		}
		if x == nil {
			// Nothing at all is "line 0"; a second statement is where
			// the expression should have ended.
			se := &SyntaxError{Kind: "SyntaxError", Msg: "invalid syntax", Line: 0, Col: -1}
			if len(body) > 0 {
				p := body[min(1, len(body)-1)].position()
				se.Line, se.Col, se.End = p.line, p.col, p.col+1
			}
			return nil, nil, syntaxErrorExc(se, co, lines)
		}
		body = []Stmt{&Return{x.position(), x}}
	} else {
		body = withModuleDoc(body)
	}
	// Checked as module code first: return, yield, nonlocal and the rest
	// that a module may not hold are errors there.
	check := body
	if co.mode == "eval" {
		check = []Stmt{&ExprStmt{body[0].position(), body[0].(*Return).x}}
	}
	if _, _, err := compileModule(co.filename, text, check, spans, lines); err != nil {
		return nil, nil, syntaxErrorExc(err, co, lines)
	}
	m := vm.mod
	if len(ns) > 0 {
		nc = &nsCode{stores: map[string]bool{}, prefix: nsGlobalPrefix}
		if ownGlobals {
			nc.globals = map[string]bool{}
			if mf := vm.moduleFree; mf != nil {
				nc.prefix = mf.prefix
			}
		}
		vm.moduleFree = nil // for this module's code only, not an exec inside it
		seen := map[string]bool{}
		var ps []param
		for _, d := range ns {
			for _, k := range d.keys() {
				s, ok := k.O.(*Str)
				if !ok || k.T != tagObject || !isIdentifier(s.s) || keywords[s.s] || seen[s.s] {
					continue
				}
				seen[s.s] = true
				nc.params = append(nc.params, s.s)
				ps = append(ps, param{name: s.s})
			}
		}
		declared := map[string]bool{}
		if ownGlobals && len(ns) == 1 {
			nsGlobalsAsNonlocals(body, true, declared)
			for _, n := range sortedKeys(declared) {
				if !seen[n] {
					seen[n] = true
					nc.params = append(nc.params, n)
					ps = append(ps, param{name: n})
				}
			}
		}
		assigned(body, nc.stores, map[string]bool{})
		for n := range declared {
			nc.stores[n] = true
		}
		walkStmts(body, func(e Expr) {
			if ne, ok := e.(*NamedExpr); ok {
				nc.stores[ne.name] = true
			}
		}, func([]param, []Stmt) {})
		nc.fallback = map[string]bool{}
		for n := range nc.stores {
			if _, ok := vm.bi[n]; ok {
				nc.fallback[n] = true
			}
		}
		var nsDict *Dict
		if ownGlobals && nc.prefix == nsGlobalPrefix && vm.moduleCells == nil {
			nsDict = ns[len(ns)-1] // not a module's namespace (modules_prog.go, pylib.go)
		}
		code, err := vm.compileIn(m, co, lines, spans, func(c *compiler) *Code {
			c.nsGlobals, c.nsPrefix, c.nsDict = nc.globals, nc.prefix, nsDict
			c.nsFallbackNext = nc.fallback // less the cells, once compiled
			if ownGlobals && len(ns) == 1 {
				c.nsOneDictNext = 1
			}
			return c.compileFunc("<module>", ps, body, pos{line: 1}, false)
		})
		if err != nil {
			return nil, nil, err
		}
		code.qualname = "<module>"
		code.nsTop = true
		code.nsSelf = ownGlobals && len(ns) == 1
		if ownGlobals {
			setNSGlobals(code, ns[len(ns)-1])
		}
		return &Function{code: code, mod: m}, nc, nil
	}
	if m.boxes != nil {
		return nil, nil, newErr(RuntimeError, "exec and eval over the module's globals are not supported while threads run")
	}
	code, err := vm.compileIn(m, co, lines, spans, func(c *compiler) *Code {
		if co.mode == "eval" {
			r := c.temp()
			c.exprTo(body[0].(*Return).x, r)
			c.emit(opReturn, r)
		} else {
			c.stmts(body)
			c.emit(opReturn, c.constSlot(NoneVal))
		}
		c.finish()
		return c.code
	})
	if err != nil {
		return nil, nil, err
	}
	return &Function{code: code, mod: m}, nil, nil
}

// compileIn runs build with a module-level compiler over m for co's
// source, then gives the globals it added their builtins.
func (vm *VM) compileIn(m *moduleState, co *codeObj, lines []string, spans map[Expr]span, build func(c *compiler) *Code) (code *Code, err error) {
	saved, savedRunes, savedFile, savedLines := m.spans, m.runes, m.filename, m.lines
	m.spans, m.runes, m.filename, m.lines = spans, nil, co.filename, lines
	old := len(m.gnames)
	defer func() {
		m.spans, m.runes, m.filename, m.lines = saved, savedRunes, savedFile, savedLines
		for i := old; i < len(m.gnames); i++ {
			name := m.gnames[i]
			if v, ok := vm.bi[globalBase(name)]; ok {
				m.globals[i] = v
			}
			switch name {
			case "__name__":
				// The module's own, as newVM gives a slot the program
				// compiled (not builtins' name).
				m.globals[i] = StrVal("__main__")
			case "__doc__":
				m.globals[i] = NoneVal
			}
			if m.live != nil {
				if v, ok, _ := m.live.get(StrVal(name)); ok {
					m.globals[i] = v
				}
			}
			if m.boxes != nil && i < len(m.boxes) {
				// Threads run: the slot's box is what they read.
				m.storeBoxed(int32(i), m.globals[i])
			}
		}
		if m.boxes != nil && len(m.gnames) > len(m.boxes) && err == nil {
			err = newErr(RuntimeError, "too many global names compiled while threads run")
			code = nil
		}
		if r := recover(); r != nil {
			if se, ok := r.(*SyntaxError); ok {
				err = syntaxErrorExc(se, co, lines)
				return
			}
			if r == errCompileDepth {
				err = errCompileDepth
				return
			}
			panic(r)
		}
	}()
	c := &compiler{mod: m, code: &Code{name: "<module>", filename: co.filename, isModule: true, mod: m},
		locals: map[string]int{}, consts: map[constKey]int{}}
	return build(c), nil
}

// syntaxErrorExc turns a parse or compile error into the SyntaxError
// exception eval, exec and compile raise: args (msg, (filename, lineno,
// offset, text, end_lineno, end_offset)) and those attributes.
func syntaxErrorExc(err error, co *codeObj, lines []string) error {
	se, ok := err.(*SyntaxError)
	if !ok {
		return err
	}
	t := SyntaxErrorT
	switch se.Kind {
	case "IndentationError":
		t = IndentationErrorT
	case "TabError":
		t = TabErrorT
	}
	text := NoneVal
	if se.Line >= 1 && se.Line <= len(lines) {
		// The line as the tokenizer saw it: with its newline, which
		// exec mode adds at the end and eval mode does not.
		t := lines[se.Line-1]
		if se.Line < len(lines) || co.mode != "eval" {
			t += "\n"
		}
		text = StrVal(t)
	}
	offset, end := IntVal(int64(se.Col+1)), IntVal(int64(se.End+1))
	if se.Col < 0 {
		offset, end = NoneVal, NoneVal
	}
	loc := []Val{StrVal(co.filename), IntVal(int64(se.Line)), offset, text, IntVal(int64(se.Line)), end}
	e := &Exception{typ: t, args: []Val{StrVal(se.Msg), tupleOf(loc)}}
	for i, n := range []string{"filename", "lineno", "offset", "text", "end_lineno", "end_offset"} {
		e.attrs.set(n, loc[i])
	}
	e.attrs.set("msg", StrVal(se.Msg))
	e.attrs.set("print_file_and_line", NoneVal)
	return &PyErr{exc: e}
}

// syntaxErrStr is SyntaxError.__str__: "msg (file, line n)" when it knows
// where.
func syntaxErrStr(vm *VM, e *Exception) (string, bool) {
	if !e.typ.isSub(SyntaxErrorT) || len(e.args) != 2 {
		return "", false
	}
	loc, ok := e.args[1].O.(*Tuple)
	if !ok || e.args[1].T != tagObject || len(loc.items) < 2 {
		return "", false
	}
	msg := vm.strOf(e.args[0])
	fname, fok := loc.items[0].O.(*Str)
	line, lok := loc.items[1], loc.items[1].T == tagInt
	switch {
	case fok && loc.items[0].T == tagObject && lok:
		base := fname.s
		if i := strings.LastIndexByte(base, '/'); i >= 0 {
			base = base[i+1:]
		}
		return msg + " (" + base + ", line " + vm.strOf(line) + ")", true
	case fok && loc.items[0].T == tagObject:
		return msg + " (" + fname.s + ")", true
	case lok:
		return msg + " (line " + vm.strOf(line) + ")", true
	}
	return msg, true
}

// evalCall compiles, in a function, locals() and vars() to LOCALS,
// eval(s) and exec(s) to eval(s, None, locals()) and dir() to the sorted
// names of locals(): what CPython's frame gives them.
func (c *compiler) evalCall(x *Call, dst int) bool {
	if c.classBodyCall(x, dst) {
		return true
	}
	nm, ok := x.fn.(*Name)
	if !ok || !c.isFunc || c.globals[nm.id] || c.lookup(nm.id) >= 0 || c.resolveFree(nm.id) >= 0 || len(x.kwvals) > 0 {
		return false
	}
	return c.namespaceCall(x, nm.id, dst, func() { c.emit(opLocals, dst) })
}

// namespaceCall compiles locals() and vars() to what emitLocals emits,
// eval(s) and exec(s) to eval(s, None, locals()) and dir() to the sorted
// names of locals(), for a function's frame or a class body.
func (c *compiler) namespaceCall(x *Call, name string, dst int, emitLocals func()) bool {
	switch name {
	case "locals", "vars":
		if len(x.args) != 0 {
			return false
		}
		c.line = x.line
		emitLocals()
		return true
	case "dir":
		if len(x.args) != 0 {
			return false
		}
		c.call(&Call{pos: x.pos, fn: &Const{x.pos, dirLocals}, args: []Expr{&Call{pos: x.pos, fn: &Name{x.pos, "locals"}}}}, dst)
		return true
	case "eval", "exec":
		if len(x.args) != 1 || hasStar(x.args) {
			return false
		}
		c.call(&Call{pos: x.pos, fn: &Name{x.pos, name}, args: []Expr{x.args[0], &Const{x.pos, NoneVal}, &Call{pos: x.pos, fn: &Name{x.pos, "locals"}}}}, dst)
		return true
	}
	return false
}

// syntaxErrWhere is what a traceback prints for a SyntaxError that knows
// where it is (one raised by eval, exec or compile): its File line, the
// source line with the caret, and then the bare message.
func syntaxErrWhere(vm *VM, e *Exception) (where, msg string, ok bool) {
	if !e.typ.isSub(SyntaxErrorT) || len(e.args) != 2 {
		return "", "", false
	}
	loc, isTuple := e.args[1].O.(*Tuple)
	if !isTuple || e.args[1].T != tagObject || len(loc.items) < 4 {
		return "", "", false
	}
	var se SyntaxError
	se.Kind = e.typ.qualName()
	se.Msg = vm.strOf(e.args[0])
	se.Line = int(loc.items[1].B)
	se.Col = -1
	if loc.items[2].T == tagInt {
		se.Col = int(loc.items[2].B) - 1
		se.End = se.Col + 1
		if len(loc.items) >= 6 && loc.items[5].T == tagInt && loc.items[4].B == loc.items[1].B {
			se.End = max(int(loc.items[5].B)-1, se.End)
		}
	}
	var lines []string
	if t, isStr := loc.items[3].O.(*Str); isStr && loc.items[3].T == tagObject {
		lines = make([]string, se.Line)
		if se.Line >= 1 {
			lines[se.Line-1] = t.s
		}
	}
	var b strings.Builder
	writeSyntaxError(&b, vm.strOf(loc.items[0]), lines, &se)
	text := b.String()
	// writeSyntaxError ends with "Kind: msg": the printer writes that.
	text = text[:strings.LastIndex(strings.TrimSuffix(text, "\n"), "\n")+1]
	return text, se.Msg, true
}

// localsOrder is the order of CPython's co_varnames and cells: the
// parameters, the plain locals as first used, then the cells and free
// names, each by name.
func localsOrder(f *frame) []int {
	co := f.code
	n := len(co.localNames)
	var plain, cells []int
	seen := make([]bool, n)
	add := func(i int) {
		if i >= n || seen[i] {
			return
		}
		seen[i] = true
		v := f.get(int32(i))
		if _, ok := v.O.(*Cell); ok && v.T == tagObject && i >= co.nparams || co.isCaptured(int32(i)) {
			cells = append(cells, i)
			return
		}
		plain = append(plain, i)
	}
	for i := 0; i < co.nparams; i++ {
		add(i)
	}
	for _, i := range co.useOrder {
		add(int(i))
	}
	for i := range n {
		add(i)
	}
	sort.Slice(cells, func(a, b int) bool { return co.localNames[cells[a]] < co.localNames[cells[b]] })
	return append(plain, cells...)
}

// nsGlobalsAsNonlocals rewrites code that exec runs over one globals dict.
// Its top level compiles as a function whose locals are the dict's names
// (compileSource), so a nested function's "global x" means that
// function's x, a nonlocal, and a top-level "global x" says nothing. The
// names go to out: the top function binds them and writes them back.
func nsGlobalsAsNonlocals(body []Stmt, top bool, out map[string]bool) {
	for i, s := range body {
		switch x := s.(type) {
		case *Global:
			for _, n := range x.names {
				out[n] = true
			}
			if top {
				body[i] = &Pass{pos: x.pos}
			} else {
				body[i] = &Nonlocal{pos: x.pos, names: x.names, nsGlobal: true}
			}
		case *Def:
			nsGlobalsAsNonlocals(x.body, false, out)
		case *ClassDef:
			for _, m := range x.body {
				if d, ok := m.(*Def); ok {
					nsGlobalsAsNonlocals(d.body, false, out)
				}
			}
		}
		nestedBodies(s, func(b []Stmt, _ bool) { nsGlobalsAsNonlocals(b, top, out) })
	}
}
