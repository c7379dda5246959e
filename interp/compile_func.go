package interp

import "slices"

func (c *compiler) def(x *Def) {
	decos := c.decorators(x.decorators)
	c.asyncNext = x.async
	co := c.compileFunc(x.ownName(), x.params, x.body, x.pos, false)
	if len(x.decorators) > 0 {
		co.firstLine = int32(x.decorators[0].position().line) // CPython's co_firstlineno
	}
	setAnnotations(co, x)
	dst := c.temp()
	c.makeFunction(co, x.params, dst)
	c.setAnnotate(x.annFn, dst)
	c.applyDecorators(decos, dst)
	c.storeName(x.name, dst, x.pos)
}

// decorators evaluates decorator expressions, in order, into temporaries.
func (c *compiler) decorators(ds []Expr) []int {
	var out []int
	for _, d := range ds {
		t := c.temps_(2)
		c.exprTo(d, t)
		out = append(out, t)
	}
	return out
}

// applyDecorators calls the decorators on the value in dst, innermost first.
func (c *compiler) applyDecorators(decos []int, dst int) {
	for i := len(decos) - 1; i >= 0; i-- {
		t := decos[i]
		c.emit(opMove, t+1, dst)
		c.emit(opCall, dst, t, 1, -1)
	}
}

func (c *compiler) makeFunction(co *Code, params []param, dst int) {
	var defs []Expr
	for _, p := range params {
		if p.def != nil {
			defs = append(defs, p.def)
		}
	}
	base := c.temps_(len(defs))
	for i, d := range defs {
		c.exprTo(d, base+i)
	}
	fi := len(c.code.funcs)
	c.code.funcs = append(c.code.funcs, co)
	cls := -1
	if c.classNames != nil {
		cls = c.classSlot // a function the class body defines: its __class__
	}
	c.emit(opMakeFunction, dst, fi, base, len(defs), cls)
}

func (c *compiler) compileFunc(name string, params []param, body []Stmt, at pos, lambda bool) *Code {
	fc := &compiler{mod: c.mod, isFunc: true, locals: map[string]int{}, globals: map[string]bool{},
		consts: map[constKey]int{}, enclose: c, captured: map[string]int{}, used: map[int]bool{}, nsGlobals: c.nsGlobals, nsPrefix: c.nsPrefix,
		asyncFn: c.asyncNext, nsFallback: c.nsFallbackNext, nsOneDict: c.nsOneDictNext, nsDict: c.nsDict}
	c.asyncNext, c.nsFallbackNext, c.nsOneDictNext = false, nil, 0
	fc.hasAnnCls, c.annClsNext = c.annClsNext, false
	fc.code = &Code{name: name, qualname: c.qualPrefix() + name, filename: c.mod.filename, mod: c.mod, doc: docstring(body, lambda), firstLine: int32(at.line)}
	co := fc.code
	c.markClassCell(fc)
	co.varargSlot, co.varkwSlot = -1, -1
	seenStar := false
	ndef := 0
	for _, p := range params {
		if p.name == "*" {
			seenStar = true
			continue
		}
		if p.name == "/" {
			co.nposonly = co.npos
			continue
		}
		s := fc.addLocal(p.name)
		d := -1
		if p.def != nil {
			d = ndef
			ndef++
		}
		co.defIdx = append(co.defIdx, d)
		switch {
		case p.star == 1:
			co.varargSlot = s
			co.varargs = true
			seenStar = true
		case p.star == 2:
			co.varkwSlot = s
		case seenStar:
			co.kwonly = append(co.kwonly, s)
		default:
			co.npos++
		}
	}
	co.nparams = len(co.localNames)
	co.simple = co.npos == co.nparams
	if fc.hasAnnCls {
		fc.annCls = fc.lookup(".cls")
	}
	names := map[string]bool{}
	assigned(body, names, fc.globals)
	walkStmts(body, func(e Expr) {
		if ne, ok := e.(*NamedExpr); ok {
			names[ne.name] = true
		}
	}, func([]param, []Stmt) {})
	nonlocals := map[string]bool{}
	collectNonlocals(body, nonlocals)
	if fc.nsDict != nil {
		fc.nsDictNames = map[string]bool{}
		collectNSGlobals(body, fc.nsDictNames)
	}
	for n := range nonlocals {
		delete(names, n)
	}
	fc.rebound = names
	for n := range fc.globals {
		if _, ok := fc.locals[n]; ok {
			fc.errAt(at, "name '"+n+"' is parameter and global")
		}
	}
	// Deterministic order: walk body order is not kept by maps, so sort.
	for _, n := range sortedKeys(names) {
		if !fc.globals[n] {
			fc.addLocal(n)
		}
	}
	fc.line = at.line
	walkStmts(body, func(e Expr) {
		if _, ok := e.(*Yield); ok {
			fc.code.isGenerator = true
		}
	}, func([]param, []Stmt) {})
	if fc.asyncFn {
		// An async def runs as a generator's frame does: awaits suspend
		// it like yield from. One that yields is an async generator.
		fc.code.genKind = genCoroutine
		if fc.code.isGenerator {
			fc.code.genKind = genAsyncGen
		}
		fc.code.isGenerator = true
	}
	fc.cells = cellNames(fc.locals, body)
	for n := range fc.cells {
		delete(fc.nsFallback, n) // a cell starts as the builtin (runInNamespace)
	}
	for _, n := range sortedKeys(fc.cells) {
		fc.emit(opMakeCell, fc.locals[n])
	}
	for _, n := range sortedKeys(nonlocals) {
		if fc.resolveFree(n) < 0 {
			fc.errAt(at, "no binding for nonlocal '"+n+"' found")
		}
	}
	if lambda {
		fc.line = at.line
		fc.emit(opReturn, fc.exprAny(body[0].(*Return).x))
	} else {
		fc.stmts(body)
		if fc.endReachable() {
			fc.emit(opReturn, fc.constSlot(NoneVal))
		}
	}
	fc.finish()
	return fc.code
}

// endReachable says whether running can reach the end of the code so far:
// by falling off its last instruction or by a jump or handler there. A
// function whose body ends in return or raise needs no return of None
// after it, nor a None constant that every call would copy into its
// frame (initFrame).
func (c *compiler) endReachable() bool {
	ins := c.code.instrs
	n := int32(len(ins))
	if n == 0 {
		return true
	}
	switch ins[n-1].Op {
	case opReturn, opRaise, opRaiseFrom, opJump, opJumpBack:
	default:
		return true
	}
	for i := range ins {
		for j, k := range opInfo[ins[i].Op].kinds {
			if k == 'j' && *ins[i].operand(j) == n {
				return true
			}
		}
	}
	for _, e := range c.code.excTable {
		if e.handler == n {
			return true
		}
	}
	return false
}

// resolveFree finds a free name in enclosing function scopes and captures
// it by value at definition time into a new local of this function.
func (c *compiler) resolveFree(name string) int {
	if !c.isFunc || c.globals[name] {
		return -1
	}
	if s, ok := c.captured[name]; ok {
		return s
	}
	e := c.enclose
	if e == nil {
		return -1
	}
	// A comprehension variable of the enclosing scope (the function is a
	// lambda or generator expression inside a comprehension): its slot
	// holds a cell, made once per run of the comprehension, which every
	// function the comprehension creates shares (late binding, as in
	// CPython: [lambda: i for i in range(3)] all see the last i).
	for i := len(e.overlay) - 1; i >= 0; i-- {
		if src, ok := e.overlay[i][name]; ok {
			s := c.addLocal(name)
			c.captured[name] = s
			if e.ovCells[src] {
				c.cells[name] = true
			}
			c.code.freeFrom = append(c.code.freeFrom, int32(src))
			c.code.freeTo = append(c.code.freeTo, int32(s))
			return s
		}
	}
	if !e.isFunc {
		return -1
	}
	src := -1
	nsFree := false
	if !e.globals[name] {
		if s, ok := e.locals[name]; ok {
			src = s
			nsFree = e.enclose != nil && !e.enclose.isFunc && e.nsGlobals != nil
		}
	}
	if src < 0 {
		src = e.resolveFree(name)
		nsFree = src >= 0 && slices.Contains(e.code.nsFree, int32(src))
	}
	if src < 0 {
		return -1
	}
	s := c.addLocal(name)
	c.captured[name] = s
	c.cells[name] = true
	if nsFree {
		c.code.nsFree = append(c.code.nsFree, int32(s))
	}
	c.code.freeFrom = append(c.code.freeFrom, int32(src))
	c.code.freeTo = append(c.code.freeTo, int32(s))
	return s
}

// isFallback says whether a read of name is LOAD_NAME's (nsFallback):
// the top level's own binding of it, not a comprehension's.
func (c *compiler) isFallback(name string) bool {
	return c.nsFallback[name] && !c.lookupOverlay(name)
}
