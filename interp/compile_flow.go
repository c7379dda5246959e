package interp

// withStmt compiles item i of a with statement and, inside it, the rest.
// An async with awaits __aenter__ and __aexit__ where a with calls
// __enter__ and __exit__; the protected region and handler are the same.
func (c *compiler) withStmt(x *With, i int) {
	if i == len(x.items) {
		c.stmts(x.body)
		return
	}
	if x.async && !c.asyncFn {
		c.errAt(x.pos, "'async with' outside async function")
	}
	save := c.temps
	defer func() { c.temps = save }()
	c.line = x.line
	mgr := c.temp()
	c.exprTo(x.items[i], mgr)
	var entered int
	if x.async {
		aw := c.temp()
		c.caretAt(x.items[i])
		c.emit(opAsync, aw, mgr, mgr, asyncAenter)
		entered = c.temp()
		c.yieldFromLoop(aw, entered)
	} else {
		entered = c.temp()
		c.emit(opMove, entered+0, mgr)
		c.emit(opCallMethod, entered, entered, 0, c.name("__enter__"), withEnterKw)
	}
	if x.targets[i] != nil {
		c.store(x.targets[i], entered)
	}
	exc := c.temp()
	exit := &withExit{x.pos, mgr, x.async}
	start := c.pc()
	c.finals = append(c.finals, []Stmt{exit})
	c.withStmt(x, i+1)
	c.finals = c.finals[:len(c.finals)-1]
	end := c.pc()
	c.stmt(exit)
	done := c.emit(opJump, 0)
	h := c.pc()
	c.code.excTable = append(c.code.excTable, excEntry{int32(start), int32(end), int32(h), int32(exc)})
	c.line = x.line
	var r int
	if x.async {
		r = c.asyncExit(mgr, exc)
	} else {
		r = c.temp()
		c.emit(opWithExit, r, mgr, exc)
	}
	j := c.emit(opJumpIfTrue, r, 0)
	c.emit(opRaise, exc)
	// __exit__ runs while the exception is handled: what it raises has
	// that one as its __context__.
	c.code.handling = append(c.code.handling, excEntry{int32(h), int32(c.pc()), int32(h), int32(exc)})
	c.patch(j, 1, c.pc())
	c.patch(done, 0, c.pc())
}

// runFinals compiles the finally blocks entered since depth, innermost
// first, for a break or continue that leaves them.
func (c *compiler) runFinals(depth int) {
	saved := c.finals
	for i := len(saved) - 1; i >= depth; i-- {
		c.finals = saved[:i]
		c.stmts(saved[i])
	}
	c.finals = saved
}

func (c *compiler) del(t Expr) {
	switch x := t.(type) {
	case *Name:
		if c.inClassBody(x.id) {
			c.emit(opDelAttr, c.classSlot, c.name(x.id), 1)
		} else if s := c.lookup(x.id); s >= 0 && !c.isCell(x.id) {
			c.emit(opDelLocal, s)
		} else if s >= 0 {
			c.emit(opDelCell, s)
			c.nsDictDel(x)
		} else if c.nsDict != nil {
			c.nsDictDelGlobal(x)
		} else {
			c.emit(opDelGlobal, c.global(x.id))
		}
	case *Subscript:
		o := c.exprAny(x.x)
		if s, ok := x.index.(*SliceExpr); ok {
			c.emit(opDelSlice, o, c.sliceBounds(s))
			break
		}
		k := c.exprAny(x.index)
		c.emit(opDelItem, o, k)
	case *Attr:
		o := c.exprAny(x.x)
		c.line = x.line
		c.emit(opDelAttr, o, c.name(x.name))
	case *TupleExpr:
		for _, e := range x.elts {
			c.del(e)
		}
	default:
		c.errAt(t.position(), "cannot delete "+exprKind(t))
	}
}

func (c *compiler) tryStmt(x *Try) {
	if x.finally != nil && len(x.handlers) == 0 {
		// try/finally: run the body, then the finally block on both paths.
		exc := c.temp()
		start := c.pc()
		c.finals = append(c.finals, x.finally)
		c.stmts(x.body)
		c.finals = c.finals[:len(c.finals)-1]
		end := c.pc()
		c.stmts(x.finally)
		jmp := c.emit(opJump, 0)
		h := c.pc()
		c.code.excTable = append(c.code.excTable, excEntry{int32(start), int32(end), int32(h), int32(exc)})
		c.stmts(x.finally)
		c.emit(opRaise, exc)
		c.code.handling = append(c.code.handling, excEntry{int32(h), int32(c.pc()), int32(h), int32(exc)})
		c.patch(jmp, 0, c.pc())
		return
	}
	exc := c.temp()
	start := c.pc()
	if x.finally != nil {
		c.finals = append(c.finals, x.finally)
		defer func() { c.finals = c.finals[:len(c.finals)-1] }()
	}
	c.stmts(x.body)
	end := c.pc()
	c.stmts(x.orelse)
	var toEnd []int
	toEnd = append(toEnd, c.emit(opJump, 0))
	h := c.pc()
	c.code.excTable = append(c.code.excTable, excEntry{int32(start), int32(end), int32(h), int32(exc)})
	hstart := c.pc()
	for _, hd := range x.handlers {
		c.line = hd.line
		var next int = -1
		if hd.typ != nil {
			ty := c.exprAny(hd.typ)
			m := c.temp()
			c.emit(opExcMatch, m, exc, ty)
			next = c.emit(opJumpIfFalse, m, 0)
		}
		if hd.name != "" {
			c.storeName(hd.name, exc, hd.pos)
		}
		c.handled = append(c.handled, exc)
		c.stmts(hd.body)
		c.handled = c.handled[:len(c.handled)-1]
		if hd.name != "" {
			// The name is unbound when the handler ends (CPython's
			// `name = None; del name`), so the exception and its
			// traceback do not live on in it.
			c.storeName(hd.name, c.constSlot(NoneVal), hd.pos)
			c.del(&Name{hd.pos, hd.name})
		}
		toEnd = append(toEnd, c.emit(opJump, 0))
		if next >= 0 {
			c.patch(next, 1, c.pc())
		}
	}
	c.emit(opRaise, exc)
	hend := c.pc()
	c.code.handling = append(c.code.handling, excEntry{int32(hstart), int32(hend), int32(hstart), int32(exc)})
	if x.finally != nil {
		c.finals = c.finals[:len(c.finals)-1]
		defer func() { c.finals = append(c.finals, x.finally) }()
		// Errors inside handlers still run finally before propagating.
		fh := c.pc()
		c.code.excTable = append(c.code.excTable, excEntry{int32(hstart), int32(hend), int32(fh), int32(exc)})
		c.stmts(x.finally)
		c.emit(opRaise, exc)
		c.code.handling = append(c.code.handling, excEntry{int32(fh), int32(c.pc()), int32(fh), int32(exc)})
	}
	for _, j := range toEnd {
		c.patch(j, 0, c.pc())
	}
	if x.finally != nil {
		c.stmts(x.finally)
	}
}

func (c *compiler) ifStmt(x *If) {
	jf := c.condJump(x.cond, false)
	c.stmts(x.body)
	if len(x.orelse) == 0 {
		c.patchAll(jf, c.pc())
		return
	}
	j := c.emit(opJump, 0)
	c.patchAll(jf, c.pc())
	c.stmts(x.orelse)
	c.patch(j, 0, c.pc())
}

// jumpRef names an operand to patch with a jump target.
type jumpRef struct{ pc, operand int }

func (c *compiler) patchAll(js []jumpRef, target int) {
	for _, j := range js {
		c.patch(j.pc, j.operand, target)
	}
}

var fusedJump = map[string]Op{"<": opJumpIfNotLt, "<=": opJumpIfNotLe, ">": opJumpIfNotGt, ">=": opJumpIfNotGe, "==": opJumpIfNotEq, "!=": opJumpIfNotNe}

var fusedJumpIf = map[string]Op{"<": opJumpIfLt, "<=": opJumpIfLe, ">": opJumpIfGt, ">=": opJumpIfGe, "==": opJumpIfEq, "!=": opJumpIfNe}

// condJump evaluates cond and emits jumps taken when truthiness == jumpIf;
// it returns the jumps to patch.
func (c *compiler) condJump(cond Expr, jumpIf bool) []jumpRef {
	save := c.temps
	defer func() { c.temps = save }()
	switch x := cond.(type) {
	case *Compare:
		if len(x.ops) == 1 {
			table := fusedJump
			if jumpIf {
				table = fusedJumpIf
			}
			if op, ok := table[x.ops[0]]; ok {
				a := c.exprAny(x.args[0])
				b := c.exprAny(x.args[1])
				c.line = x.line
				c.caretAt(x)
				return []jumpRef{{c.emit(op, a, b, 0), 2}}
			}
		} else if js, ok := c.chainJump(x, jumpIf); ok {
			return js
		}
	case *BoolOp:
		last := len(x.vals) - 1
		if (x.op == "and") != jumpIf {
			// Any operand deciding the answer jumps: every false one for
			// "and" when jumping if false, every true one for "or".
			var js []jumpRef
			for _, v := range x.vals {
				js = append(js, c.condJump(v, jumpIf)...)
			}
			return js
		}
		// Only the last operand can jump; the others decide by falling
		// through to after it.
		var skip []jumpRef
		for _, v := range x.vals[:last] {
			skip = append(skip, c.condJump(v, !jumpIf)...)
		}
		j := c.condJump(x.vals[last], jumpIf)
		c.patchAll(skip, c.pc())
		return j
	case *UnaryOp:
		if x.op == "not" {
			return c.condJump(x.x, !jumpIf)
		}
	}
	t := c.exprAny(cond)
	if jumpIf {
		return []jumpRef{{c.emit(opJumpIfTrue, t, 0), 1}}
	}
	return []jumpRef{{c.emit(opJumpIfFalse, t, 0), 1}}
}

// chainJump is condJump of a chained comparison of the fused operators
// (`if 0 <= nx < w:`): a fused compare-and-jump per link, each middle
// operand evaluated once into a temporary as compare() does, instead of a
// bool per link and a jump on it. False when an operator has no fused
// form (in, is).
func (c *compiler) chainJump(x *Compare, jumpIf bool) ([]jumpRef, bool) {
	for _, op := range x.ops {
		if _, ok := fusedJump[op]; !ok {
			return nil, false
		}
	}
	var js, skip []jumpRef
	a := c.exprAny(x.args[0])
	last := len(x.ops) - 1
	for i, op := range x.ops {
		var b int
		if i == last {
			b = c.exprAny(x.args[i+1]) // read once: a local needs no copy
		} else {
			b = c.temp()
			c.exprTo(x.args[i+1], b)
		}
		c.line = x.line
		c.caretAt(x)
		switch {
		case !jumpIf:
			js = append(js, jumpRef{c.emit(fusedJump[op], a, b, 0), 2})
		case i < last:
			// A false link decides the chain false: past the jump.
			skip = append(skip, jumpRef{c.emit(fusedJump[op], a, b, 0), 2})
		default:
			js = append(js, jumpRef{c.emit(fusedJumpIf[op], a, b, 0), 2})
		}
		a = b
	}
	c.patchAll(skip, c.pc())
	return js, true
}

// whileStmt tests the condition once on entry and then at the bottom of
// the body, where a true condition jumps back (a counted back-edge).
func (c *compiler) whileStmt(x *While) {
	l := &loopCtx{cont: -1, finals: len(c.finals)}
	if isConstTrue(x.cond) {
		top := c.pc()
		l.cont = top
		c.loops = append(c.loops, l)
		c.stmts(x.body)
		c.loops = c.loops[:len(c.loops)-1]
		c.line = x.line
		c.emit(opJumpBack, top)
	} else {
		c.line = x.line
		jf := c.condJump(x.cond, false)
		body := c.pc()
		c.loops = append(c.loops, l)
		c.stmts(x.body)
		c.loops = c.loops[:len(c.loops)-1]
		test := c.pc()
		for _, j := range l.continues {
			c.patch(j, 0, test)
		}
		c.line = x.line
		c.patchAll(c.condJump(x.cond, true), body)
		c.patchAll(jf, c.pc())
	}
	c.stmts(x.orelse)
	for _, b := range l.breaks {
		c.patch(b, 0, c.pc())
	}
}

func isConstTrue(e Expr) bool {
	k, ok := e.(*Const)
	return ok && truthy(k.v)
}

func (c *compiler) isRangeCall(e Expr) (*Call, bool) {
	call, ok := e.(*Call)
	if !ok || len(call.kwnames) > 0 || len(call.args) < 1 || len(call.args) > 3 {
		return nil, false
	}
	n, ok := call.fn.(*Name)
	if !ok || n.id != "range" || c.lookup("range") >= 0 {
		return nil, false
	}
	for _, a := range call.args {
		if _, st := a.(*Starred); st {
			return nil, false
		}
	}
	return call, true
}

// forStmt lays a loop out with its test at the bottom, so that each
// iteration runs one loop instruction: FOR_RANGE / FOR_ITER produce the
// next item and jump back to the body, or fall through when done.
func (c *compiler) forStmt(x *For) {
	l := &loopCtx{cont: -1, finals: len(c.finals)}
	var it int
	isRange := false
	if call, ok := c.isRangeCall(x.iter); ok {
		// for i in range(...): a counter, a stop and a step slot, all ints.
		isRange = true
		it = c.temps_(3)
		c.line = x.line
		fn := c.temps_(1 + len(call.args))
		c.emit(opLoadGlobal, fn, c.mod.global("range"))
		for i, a := range call.args {
			c.exprTo(a, fn+1+i)
		}
		c.caretAt(call)
		c.emit(opCall, it, fn, len(call.args), -1)
		// RANGE_PREP leaves counter, stop and step in it..it+2 as ints, or
		// an iterator in it when the range does not fit int64.
		c.emit(opRangePrep, it)
	} else if n, ok := x.iter.(*Name); ok && n.id == genexpParams[0].name && c.lookup(n.id) >= 0 {
		// A generator expression's loop over its parameter, an iterator
		// already (GET_ITER ran in the enclosing scope): stepped where it
		// is, as CPython's FOR_ITER on .0 is (one slot and two
		// instructions less per generator).
		it = c.lookup(n.id)
	} else {
		it = c.temp()
		c.iterTo(x.iter, it)
		c.markOwnedCall(x.iter, it)
		c.line = x.line
		c.caretAt(x.iter)
		c.emit(opGetIter, it, it)
		c.markOwnedIter()
		c.markOwnedSplit()
	}
	tgt, body := c.loopBody(x.target, x.body, l)
	c.line = x.line
	if isRange {
		c.emit(opForRange, it, tgt, body, it+1, it+2)
	} else {
		// CPython's FOR_ITER is at the iterable: an error raised by the
		// step (a generator's) is underlined there.
		if x.written != nil {
			c.caretAt(x.written)
		} else {
			c.caretAt(x.iter)
		}
		c.emit(opForIter, it, tgt, body)
	}
	c.stmts(x.orelse)
	for _, b := range l.breaks {
		c.patch(b, 0, c.pc())
	}
}

// loopBody compiles a for loop's body, entered by a jump to the test that
// follows it (the caller's, at c.pc() on return): the slot the test
// writes each item to, and where the body starts.
func (c *compiler) loopBody(target Expr, stmts []Stmt, l *loopCtx) (tgt, body int) {
	tgt, direct := c.loopTarget(target)
	entry := c.emit(opJump, 0)
	body = c.pc()
	if !direct {
		c.store(target, tgt)
	}
	c.loops = append(c.loops, l)
	c.stmts(stmts)
	c.loops = c.loops[:len(c.loops)-1]
	test := c.pc()
	c.patch(entry, 0, test)
	for _, j := range l.continues {
		c.patch(j, 0, test)
	}
	return tgt, body
}

// loopTarget returns the slot a loop writes each item to: the local itself
// when the target is a plain local name.
func (c *compiler) loopTarget(t Expr) (int, bool) {
	if n, ok := t.(*Name); ok {
		if s := c.lookup(n.id); s >= 0 && !c.isCell(n.id) && !c.inClassBody(n.id) {
			return s, true
		}
	}
	return c.temp(), false
}
