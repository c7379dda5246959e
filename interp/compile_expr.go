package interp

// Expression compilation: sequences, comparisons, calls, comprehensions, f-strings, constant folding.

import (
	"sort"
)

// ---- expressions ----

// exprAny evaluates e and returns the slot holding it (a local or constant
// slot directly, else a fresh temporary).
func (c *compiler) exprAny(e Expr) int {
	switch x := e.(type) {
	case *Name:
		if s := c.lookup(x.id); s >= 0 && !c.isCell(x.id) && !c.classNames[x.id] && !c.classBound[x.id] && !c.isFallback(x.id) {
			return s
		}
	case *Const:
		return c.constSlot(x.v)
	}
	t := c.temp()
	c.exprTo(e, t)
	return t
}

// exprTo evaluates e into slot dst. Only the last instruction writes dst,
// except for the branching forms, which go through a temporary when dst is
// a local that the expression may read.
func (c *compiler) exprTo(e Expr, dst int) {
	save := c.temps
	c.depth++
	defer func() { c.temps = save; c.depth-- }()
	if c.depth > maxCompileDepth {
		panic(errCompileDepth)
	}
	if p := e.position(); p.line > 0 {
		c.line = p.line
	}
	switch x := e.(type) {
	case *Name:
		if x.id == "__class__" || x.id == "super" {
			c.noteClassCell()
		}
		if c.hasAnnCls && c.lookup(x.id) < 0 {
			c.annClassName(x, dst)
			return
		}
		if c.classNames[x.id] && len(c.overlay) > 0 && c.classComp == 0 {
			c.emit(opGetAttr, dst, c.classSlot, c.name(x.id))
			return
		}
		if (c.classNames[x.id] || c.classBound[x.id] || c.lookup(x.id) < 0 && c.resolveFree(x.id) < 0) && c.inClassBody(x.id) && c.classComp == 0 {
			// The class's own namespace, else the globals and builtins
			// (a name the body never binds too: __prepare__'s
			// namespace may answer it).
			j := c.emit(opClassGet, dst, c.classSlot, c.name(x.id), 0)
			c.caretAt(x)
			c.emit(opLoadGlobal, dst, c.global(x.id))
			c.patch(j, 3, c.pc())
			return
		}
		if s := c.lookup(x.id); s >= 0 {
			c.caretAt(x) // an unbound local
			if c.isFallback(x.id) {
				c.emit(opLoadName, dst, s, c.global(x.id), c.nsOneDict)
			} else if c.isCell(x.id) {
				c.emit(opLoadCell, dst, s)
			} else if s != dst {
				c.emit(opMove, dst, s)
			}
			c.pendingCaret = nil
			return
		}
		if s := c.resolveFree(x.id); s >= 0 {
			if c.isCell(x.id) {
				c.emit(opLoadCell, dst, s)
			} else {
				c.emit(opMove, dst, s)
			}
			return
		}
		c.caretAt(x)
		if x.id == "__class__" && c.isFunc && c.inMethod {
			c.emit(opClassCell, dst)
			return
		}
		c.emit(opLoadGlobal, dst, c.global(x.id))
	case *Const:
		c.emit(opMove, dst, c.constSlot(x.v))
	case *BinOp:
		a := c.exprAny(x.l)
		b := c.exprAny(x.r)
		c.line = x.line
		c.caretAt(x)
		pc := c.emit(binOps[x.op], dst, a, b)
		if x.op == "+" {
			c.code.instrs[pc].E = freshMark(x.l, freshB) | freshMark(x.r, freshC)
		}
		if bigArithOps[x.op] {
			c.code.instrs[pc].E |= freshIntMark(x.l, freshIntB) | freshIntMark(x.r, freshIntC)
		}
	case *UnaryOp:
		a := c.exprAny(x.x)
		c.line = x.line
		c.caretAt(x)
		switch x.op {
		case "-":
			c.emit(opNeg, dst, a)
		case "+":
			c.emit(opPos, dst, a)
		case "~":
			c.emit(opInvert, dst, a)
		case "not":
			c.emit(opNot, dst, a)
		}
	case *BoolOp, *IfExp:
		out := dst
		if !c.isTemp(dst) {
			out = c.temp()
		}
		if b, ok := x.(*BoolOp); ok {
			jump := opJumpIfTrue
			if b.op == "and" {
				jump = opJumpIfFalse
			}
			var js []int
			for i, v := range b.vals {
				if i > 0 {
					js = append(js, c.emit(jump, out, 0))
				}
				c.exprTo(v, out)
			}
			for _, j := range js {
				c.patch(j, 1, c.pc())
			}
		} else {
			ie := x.(*IfExp)
			jf := c.condJump(ie.cond, false)
			c.exprTo(ie.a, out)
			j := c.emit(opJump, 0)
			c.patchAll(jf, c.pc())
			c.exprTo(ie.b, out)
			c.patch(j, 0, c.pc())
		}
		if out != dst {
			c.emit(opMove, dst, out)
		}
	case *Compare:
		c.compare(x, dst)
	case *Call:
		c.call(x, dst)
	case *Attr:
		o := c.exprAny(x.x)
		c.line = x.line
		c.caretAt(x)
		c.emit(opGetAttr, dst, o, c.name(x.name))
	case *Subscript:
		o := c.exprAny(x.x)
		if s, ok := x.index.(*SliceExpr); ok {
			base := c.sliceBounds(s)
			c.line = x.line
			c.caretAt(x)
			pc := c.emit(opGetSlice, dst, o, base)
			c.code.instrs[pc].E = freshMark(x.x, freshB)
			return
		}
		k := c.exprAny(x.index)
		c.line = x.line
		c.caretAt(x)
		c.emit(opGetItem, dst, o, k)
	case *SliceExpr:
		base := c.sliceBounds(x)
		c.emit(opBuildSlice, dst, base, base+1, base+2)
	case *ListExpr:
		c.sequence(x, x.elts, dst, opBuildList)
	case *TupleExpr:
		if !hasStar(x.elts) && allConst(x.elts) {
			// A tuple of constants is a constant, as CPython folds it:
			// `for dx, dy in ((1, 0), (0, 1)):` and `d.get(k, ())`
			// build nothing per run.
			c.emit(opMove, dst, c.constSlot(ObjVal(constTuple(x.elts))))
			return
		}
		c.sequence(x, x.elts, dst, opBuildTuple)
	case *SetExpr:
		c.sequence(x, x.elts, dst, opBuildSet)
		if len(x.elts) >= 3 && allConst(x.elts) {
			// CPython folds such a display into a frozenset constant that
			// an empty set is updated from: D asks for that layout.
			c.code.instrs[len(c.code.instrs)-1].D = 1
		}
		// (c.iterTo asks for the frozenset itself.)
	case *DictExpr:
		for _, k := range x.keys {
			if k == nil {
				acc := c.temp()
				c.emit(opBuildDict, acc, acc, 0)
				for i, k := range x.keys {
					v := c.exprAny(x.vals[i])
					if k == nil {
						c.caretAt(x) // DICT_UPDATE is at the display
						c.emit(opDictUpdate, acc, v, -1)
					} else {
						kk := c.exprAny(k)
						c.emit(opDictSet, acc, kk, v, -1)
					}
				}
				c.emit(opMove, dst, acc)
				return
			}
		}
		base := c.temps_(2 * len(x.keys))
		for i := range x.keys {
			c.exprTo(x.keys[i], base+2*i)
			c.exprTo(x.vals[i], base+2*i+1)
		}
		c.line = x.line
		c.emit(opBuildDict, dst, base, len(x.keys))
	case *Comp:
		if x.kind == "gen" {
			c.genexp(x, dst)
			break
		}
		c.comprehension(x, dst)
	case *FString:
		c.fstring(x, dst)
	case *Lambda:
		if x.annScope {
			c.annotateFunc(x, dst)
			break
		}
		co := c.compileFunc(x.funcName(), x.params, x.funcBody(), x.pos, x.stmts == nil)
		c.makeFunction(co, x.params, dst)
	case *Starred:
		c.errAt(x.pos, "can't use starred expression here")
	case *NamedExpr:
		if c.classNames != nil && len(c.overlay) > 0 {
			c.errAt(x.pos, "assignment expression within a comprehension cannot be used in a class body")
		}
		t := c.temp()
		c.exprTo(x.value, t)
		c.storeName(x.name, t, x.pos)
		c.emit(opMove, dst, t)
	case *Await:
		c.await(x, dst)
	case *Yield:
		if !c.isFunc || c.classNames != nil {
			c.errAt(x.pos, "'yield' outside function")
		}
		if x.from && c.asyncFn {
			c.errAt(x.pos, "'yield from' inside async function")
		}
		if x.from {
			// The loop sends what each yield receives on to the
			// subiterator (and throws what it is thrown); the value it
			// returns is what yield from evaluates to.
			it := c.temp()
			c.exprTo(x.x, it)
			c.markOwnedCall(x.x, it)
			c.emit(opGetIter, it, it)
			c.yieldFromLoop(it, dst)
			return
		}
		v := c.constSlot(NoneVal)
		if x.x != nil {
			v = c.exprAny(x.x)
		}
		c.line = x.line
		if c.asyncFn {
			// An async generator's item, told apart from what its
			// awaits pass up to the event loop.
			w := c.temp()
			c.emit(opAsync, w, v, v, asyncWrap)
			v = w
		}
		pc := c.emit(opYield, dst, v)
		if !c.asyncFn {
			// A list made for the yield alone (gen_fresh.go).
			c.code.instrs[pc].E = freshMark(x.x, freshB)
		}
	default:
		c.errAt(e.position(), "unsupported expression")
	}
}

// iterTo compiles the iterable of a for loop or comprehension. A set
// display of constants there is, in CPython, the frozenset constant itself
// (opBuildSet's D == 2).
func (c *compiler) iterTo(e Expr, dst int) {
	if x, ok := e.(*SetExpr); ok && !hasStar(x.elts) {
		c.sequence(x, x.elts, dst, opBuildSet)
		if allConst(x.elts) {
			c.code.instrs[len(c.code.instrs)-1].D = 2
		}
		return
	}
	c.exprTo(e, dst)
}

// allConst reports whether every element is a constant as CPython's
// compiler sees it: a literal, arithmetic it folds, a tuple of constants.
func allConst(elts []Expr) bool {
	for _, e := range elts {
		if x, ok := e.(*TupleExpr); ok {
			if hasStar(x.elts) || !allConst(x.elts) {
				return false
			}
		} else if _, ok := foldNumber(e); !ok {
			if _, ok := e.(*Const); !ok {
				return false
			}
		}
	}
	return true
}

// constTuple is the tuple of elts, which allConst accepts.
func constTuple(elts []Expr) *Tuple {
	t := newTuple(len(elts))
	for i, e := range elts {
		if x, ok := e.(*TupleExpr); ok {
			t.items[i] = ObjVal(constTuple(x.elts))
		} else if v, ok := foldNumber(e); ok {
			t.items[i] = v
		} else {
			t.items[i] = e.(*Const).v
		}
	}
	return t
}

// foldNumber evaluates arithmetic on number literals as CPython's AST
// optimizer folds it: not when an int result would pass 128 bits by *, **
// or <<, nor when it raises.
func foldNumber(e Expr) (Val, bool) {
	switch x := e.(type) {
	case *Const:
		return x.v, isNumber(x.v)
	case *UnaryOp:
		v, ok := foldNumber(x.x)
		if !ok || (x.op != "-" && x.op != "+") {
			return Val{}, false
		}
		r, err := (*VM)(nil).unary(map[string]Op{"-": opNeg, "+": opPos}[x.op], v)
		return r, err == nil
	case *BinOp:
		op, ok := binOps[x.op]
		if !ok || op == opMatMul {
			return Val{}, false
		}
		a, ok := foldNumber(x.l)
		if !ok {
			return Val{}, false
		}
		b, ok := foldNumber(x.r)
		if !ok {
			return Val{}, false
		}
		if isIntLike(a) && isIntLike(b) && (op == opMul || op == opPow || op == opLshift) {
			ba, _ := toBig(a)
			bb, _ := toBig(b)
			n := ba.BitLen() + bb.BitLen()
			switch op {
			case opPow:
				// CPython's test: bits(base) > 128 / exponent refuses.
				n = 0
				if bb.Sign() > 0 && ba.BitLen() > 0 && (!bb.IsInt64() || int64(ba.BitLen()) > 128/bb.Int64()) {
					return Val{}, false
				}
			case opLshift:
				if !bb.IsInt64() || bb.Int64() > 128 {
					return Val{}, false
				}
				n = ba.BitLen() + int(bb.Int64())
			}
			if n > 128 && ba.Sign() != 0 && bb.Sign() != 0 {
				return Val{}, false
			}
		}
		r, err := (*VM)(nil).binop(op, a, b)
		return r, err == nil && isNumber(r)
	}
	return Val{}, false
}

func (c *compiler) sequence(at Expr, elts []Expr, dst int, op Op) {
	c.starSequence(at, elts, dst, op, -1)
}

// starSequence is sequence; fn >= 0 is the slot of the function whose
// argument tuple this is, named when its one starred argument is no
// iterable (see extendSet). at is the display or call: an error raised
// while unpacking a starred item (a generator's) is underlined there, as
// at CPython's LIST_EXTEND.
func (c *compiler) starSequence(at Expr, elts []Expr, dst int, op Op, fn int) {
	if hasStar(elts) {
		// Build a list piecewise, then convert.
		acc := c.temp()
		c.emit(opBuildList, acc, acc, 0)
		for _, e := range elts {
			if s, ok := e.(*Starred); ok {
				v := c.exprAny(s.x)
				// How CPython words a non-iterable after *: a set display
				// updates a set ('int' object is not iterable), f(*x)
				// alone names f, any other list or tuple says "Value
				// after *" (LIST_EXTEND).
				how, callee := extendValue, -1
				switch {
				case op == opBuildSet:
					how = extendSet
				case fn >= 0 && len(elts) == 1:
					how, callee = extendCallArg, fn
				}
				c.caretAt(at)
				c.emit(opListExtend, acc, v, callee, how)
			} else {
				v := c.exprAny(e)
				c.emit(opListAppend, acc, v)
			}
		}
		if op == opBuildList {
			c.emit(opMove, dst, acc)
		} else {
			conv := c.temps_(2)
			name := map[Op]string{opBuildTuple: "tuple", opBuildSet: "set"}[op]
			c.emit(opLoadGlobal, conv, c.mod.global(name))
			c.emit(opMove, conv+1, acc)
			c.emit(opCall, dst, conv, 1, -1)
		}
		return
	}
	base := c.temps_(len(elts))
	for i, el := range elts {
		c.exprTo(el, base+i)
	}
	c.emit(op, dst, base, len(elts))
}

var cmpOps = map[string]Op{"<": opLt, "<=": opLe, ">": opGt, ">=": opGe, "==": opEq, "!=": opNe,
	"is": opIs, "is not": opIsNot, "in": opIn, "not in": opNotIn}

func (c *compiler) compare(x *Compare, dst int) {
	if len(x.ops) == 1 {
		a := c.exprAny(x.args[0])
		b := c.exprAny(x.args[1])
		c.line = x.line
		c.caretAt(x)
		c.emit(cmpOps[x.ops[0]], dst, a, b)
		return
	}
	// a < b < c: each operand once, stop at the first false.
	out := dst
	if !c.isTemp(dst) {
		out = c.temp()
	}
	var ends []int
	a := c.exprAny(x.args[0])
	for i, op := range x.ops {
		b := c.temp()
		c.exprTo(x.args[i+1], b)
		c.line = x.line
		c.caretAt(x)
		c.emit(cmpOps[op], out, a, b)
		if i < len(x.ops)-1 {
			ends = append(ends, c.emit(opJumpIfFalse, out, 0))
		}
		a = b
	}
	for _, j := range ends {
		c.patch(j, 1, c.pc())
	}
	if out != dst {
		c.emit(opMove, dst, out)
	}
}

func (c *compiler) kwIndex(names []string) int {
	if len(names) == 0 {
		return -1
	}
	c.code.kwnames = append(c.code.kwnames, names)
	return len(c.code.kwnames) - 1
}

func (c *compiler) call(x *Call, dst int) {
	if c.evalCall(x, dst) {
		return
	}
	dstar := false
	for _, k := range x.kwnames {
		dstar = dstar || k == "**"
	}
	if hasStar(x.args) && len(x.kwnames) == 0 {
		// f(*xs) alone: the list that collects the arguments is passed
		// as it is, with no tuple made of it and no keyword dict.
		fn := c.temps_(2)
		c.exprTo(x.fn, fn)
		c.starSequence(x, x.args, fn+1, opBuildList, fn)
		c.line = x.line
		c.caretAt(x)
		at := c.emit(opCallEx, dst, fn, fn+1, fn+1)
		c.code.instrs[at].E = callExList
		return
	}
	if hasStar(x.args) || dstar {
		// f(*xs, **kw): an argument tuple and a keyword dict.
		fn := c.temps_(3)
		c.exprTo(x.fn, fn)
		c.starSequence(x, x.args, fn+1, opBuildTuple, fn)
		c.emit(opBuildDict, fn+2, fn+2, 0)
		for i, k := range x.kwnames {
			v := c.exprAny(x.kwvals[i])
			// fn in the last operand: keywords of a call to slot fn, where
			// a key given twice and a non-mapping after ** are errors
			// naming fn.
			if k == "**" {
				c.caretAt(x) // DICT_MERGE is at the call
				c.emit(opDictUpdate, fn+2, v, fn)
			} else {
				c.emit(opDictSet, fn+2, c.constSlot(StrVal(k)), v, fn)
			}
		}
		c.line = x.line
		c.caretAt(x)
		c.emit(opCallEx, dst, fn, fn+1, fn+2)
		return
	}
	if nm, ok := x.fn.(*Name); ok && nm.id == "super" && len(x.args) == 0 && len(x.kwvals) == 0 && c.isFunc && c.lookup("super") < 0 && len(c.code.localNames) > 0 {
		c.noteClassCell()
		c.line = x.line
		self := c.temp()
		c.exprTo(&Name{x.pos, c.code.localNames[0]}, self)
		c.emit(opSuper, dst, self)
		return
	}
	n := len(x.args) + len(x.kwvals)
	if a, ok := x.fn.(*Attr); ok && !hasStar(x.args) {
		if c.superCall(a, x, dst) {
			return
		}
		prefix := -1
		if len(x.kwvals) == 0 && c.steadyOperands(a.x, x.args) {
			caret := c.pendingCaret // the operands' or the call's, not the prefix's
			c.pendingCaret = nil
			prefix = c.emit(opCallArgs, 1+len(x.args))
			c.pendingCaret = caret
		}
		base := c.callOperands(a.x, x)
		c.line = a.line
		c.caretAt(x)
		kw := c.kwIndex(x.kwnames)
		if kw < 0 && prefix < 0 && a.name == "setdefault" && isEmptyListDisplay(x.args) {
			kw = freshDefaultKw
		}
		c.emit(opCallMethod, dst, base, n, c.name(a.name), kw)
		c.checkCallArgs(prefix, base)
		return
	}
	base := c.callOperands(x.fn, x)
	c.line = x.line
	c.caretAt(x)
	pc := c.emit(opCall, dst, base, n, c.kwIndex(x.kwnames))
	c.markOwnedArg(x, pc)
	c.markLenOfSet(x, pc)
}

// superCall compiles super().name(args) as CALL_SUPER (super_call.go)
// when super() is the zero-argument form and every argument is a local or
// a constant: then evaluating the arguments before the attribute is
// looked up, as CALL_SUPER does, cannot be told from CPython's order.
func (c *compiler) superCall(a *Attr, x *Call, dst int) bool {
	s, ok := a.x.(*Call)
	if !ok || len(s.args) != 0 || len(s.kwvals) != 0 {
		return false
	}
	if nm, ok := s.fn.(*Name); !ok || nm.id != "super" || !c.isFunc || c.lookup("super") >= 0 || len(c.code.localNames) == 0 {
		return false
	}
	c.noteClassCell()
	for _, e := range append(x.args[:len(x.args):len(x.args)], x.kwvals...) {
		switch e := e.(type) {
		case *Const:
		case *Name:
			if c.lookup(e.id) < 0 {
				return false
			}
		default:
			return false
		}
	}
	c.line = s.line
	base := c.temps_(1 + len(x.args) + len(x.kwvals))
	c.exprTo(&Name{s.pos, c.code.localNames[0]}, base)
	for i, e := range x.args {
		c.exprTo(e, base+1+i)
	}
	for i, e := range x.kwvals {
		c.exprTo(e, base+1+len(x.args)+i)
	}
	c.line = a.line
	c.caretAt(x)
	c.emit(opCallSuper, dst, base, len(x.args)+len(x.kwvals), c.name(a.name), c.kwIndex(x.kwnames))
	return true
}

// callOperands evaluates a call's operands into consecutive temporaries:
// head (the callee, or the object whose method is called), then x's
// positional and keyword argument values. It returns the first.
// steadyOperands says whether a call's receiver and arguments are all
// locals (no cells) and constants: each one MOVE into the call's slots,
// with nothing evaluated in between, so CALL_ARGS may read them where
// they are.
func (c *compiler) steadyOperands(head Expr, args []Expr) bool {
	if !c.isFunc || len(c.overlay) > 0 {
		return false
	}
	plain := func(e Expr) bool {
		switch x := e.(type) {
		case *Const:
			return true
		case *Name:
			_, local := c.locals[x.id]
			return local && !c.globals[x.id] && !c.isCell(x.id) && !c.classNames[x.id] && !c.inClassBody(x.id)
		}
		return false
	}
	if !plain(head) {
		return false
	}
	for _, e := range args {
		if !plain(e) {
			return false
		}
	}
	return true
}

// checkCallArgs makes the CALL_ARGS at prefix a NOP unless the
// instructions between it and the call just emitted are the MOVEs it
// stands for, one into each of the call's slots from base on.
func (c *compiler) checkCallArgs(prefix, base int) {
	if prefix < 0 {
		return
	}
	ins := c.code.instrs
	k := int(ins[prefix].A)
	ok := len(ins) == prefix+k+2
	for i := 0; ok && i < k; i++ {
		m := ins[prefix+1+i]
		ok = m.Op == opMove && int(m.A) == base+i
	}
	if !ok {
		ins[prefix] = Instr{Op: opNop}
	}
}

func (c *compiler) callOperands(head Expr, x *Call) int {
	base := c.temps_(1 + len(x.args) + len(x.kwvals))
	c.exprTo(head, base)
	for i, e := range x.args {
		c.exprTo(e, base+1+i)
	}
	for i, e := range x.kwvals {
		c.exprTo(e, base+1+len(x.args)+i)
	}
	return base
}

// genexp compiles a generator expression as CPython does: a generator
// function (Comp.genexpFunc) called on the iterator of the first iterable,
// so the elements are computed lazily, as the consumer asks for them.
// GEN_EXPR makes the generator straight from the code: the function
// object between (CPython's MAKE_FUNCTION and CALL) would be garbage at
// once, and nothing can see it.
func (c *compiler) genexp(x *Comp, dst int) {
	co := c.compileFunc("<genexpr>", genexpParams, x.genexpFunc(), x.pos, false)
	it := c.temp()
	c.iterTo(x.gens[0].iter, it)
	c.line = x.line
	c.emit(opGetIter, it, it)
	fi := len(c.code.funcs)
	c.code.funcs = append(c.code.funcs, co)
	c.emit(opGenExpr, dst, fi, it)
}

func (c *compiler) comprehension(x *Comp, dst int) {
	acc := c.temp()
	switch x.kind {
	case "list":
		c.emit(opBuildList, acc, acc, 0)
	case "set":
		c.emit(opBuildSet, acc, acc, 0)
	case "dict":
		c.emit(opBuildDict, acc, acc, 0)
	}
	c.overlay = append(c.overlay, map[string]int{})
	defer func() { c.overlay = c.overlay[:len(c.overlay)-1] }()
	if c.classNames != nil {
		c.classComp++
		defer func() { c.classComp-- }()
	}
	saveCaptured, saveSized := c.compCaptured, c.compSized
	c.compCaptured = compCapturedNames(x)
	c.compSized = 0
	c.compLoop(x, 0, acc)
	c.compCaptured, c.compSized = saveCaptured, saveSized
	c.emit(opMove, dst, acc)
}

// compLoop compiles generator i of a comprehension and, inside it, the
// rest; the innermost level adds the element to acc.
func (c *compiler) compLoop(x *Comp, gi int, acc int) {
	if gi == len(x.gens) {
		switch x.kind {
		case "list":
			v := c.exprAny(x.elt)
			c.emit(opListAppend, acc, v)
			c.code.instrs[len(c.code.instrs)-1].D = int32(c.compSized)
		case "set":
			v := c.exprAny(x.elt)
			c.emit(opSetAdd, acc, v)
		case "dict":
			k := c.exprAny(x.elt)
			v := c.exprAny(x.val)
			// D below -1 names the iterator to size the dict from
			// (-2 - its slot: analyses take no negative D as a read).
			c.emit(opDictSet, acc, k, v, -1-c.compSized)
		}
		return
	}
	save := c.temps
	defer func() { c.temps = save }()
	g := x.gens[gi]
	it := c.temp()
	// The first iterable is evaluated in the enclosing scope.
	if gi == 0 {
		ov, cc := c.overlay, c.classComp
		c.overlay = ov[:len(ov)-1]
		if c.classNames != nil {
			c.classComp--
		}
		c.iterTo(g.iter, it)
		c.overlay, c.classComp = ov, cc
	} else {
		c.iterTo(g.iter, it)
	}
	if g.async {
		if !c.asyncFn {
			c.errAt(x.pos, "asynchronous comprehension outside of an asynchronous function")
		}
		c.emit(opAsync, it, it, it, asyncAiter)
	} else {
		c.emit(opGetIter, it, it)
		c.markOwnedIter()
		c.markOwnedSplit()
		if gi == 0 && len(x.gens) == 1 && len(g.ifs) == 0 && (x.kind == "list" || x.kind == "dict" && keyIsTarget(x.elt, g.target)) {
			// Every item of the iterable becomes an element (a key,
			// for a dict: its own, so distinct items give distinct keys).
			c.compSized = it + 1
		}
	}
	ov := c.overlay[len(c.overlay)-1]
	before := len(ov)
	bindTargets(g.target, ov, c)
	if len(ov) != before {
		for _, n := range targetNames(g.target) {
			if s := ov[n]; c.compCaptured[n] && !c.ovCells[s] {
				if c.ovCells == nil {
					c.ovCells = map[int]bool{}
				}
				c.ovCells[s] = true
				defer delete(c.ovCells, s)
				c.emit(opMakeCell, s)
			}
		}
	}
	tgt, direct := c.loopTarget(g.target)
	entry := c.emit(opJump, 0)
	body := c.pc()
	if !direct {
		c.store(g.target, tgt)
	}
	var skips []jumpRef
	for _, cond := range g.ifs {
		skips = append(skips, c.condJump(cond, false)...)
	}
	c.compLoop(x, gi+1, acc)
	test := c.pc()
	c.patch(entry, 0, test)
	c.patchAll(skips, test)
	if g.async {
		c.asyncNextItem(it, tgt, body)
		return
	}
	c.caretAt(g.iter)
	c.emit(opForIter, it, tgt, body)
}

// compCapturedNames are the names that functions created inside a
// comprehension (lambdas, generator expressions) use freely.
func compCapturedNames(x *Comp) map[string]bool {
	out := map[string]bool{}
	walkExpr(x, func(e Expr) {
		var free map[string]bool
		switch y := e.(type) {
		case *Lambda:
			free = freeNames(y.params, y.funcBody())
		case *Comp:
			if y.kind == "gen" {
				free = freeNames(genexpParams, y.genexpFunc())
			}
		}
		for n := range free {
			out[n] = true
		}
	})
	return out
}

// targetNames lists the names an assignment target binds.
func targetNames(t Expr) []string {
	var out []string
	switch x := t.(type) {
	case *Name:
		out = append(out, x.id)
	case *TupleExpr:
		for _, e := range x.elts {
			out = append(out, targetNames(e)...)
		}
	case *ListExpr:
		for _, e := range x.elts {
			out = append(out, targetNames(e)...)
		}
	case *Starred:
		out = append(out, targetNames(x.x)...)
	}
	return out
}

func bindTargets(t Expr, m map[string]int, c *compiler) {
	switch x := t.(type) {
	case *Name:
		m[x.id] = c.temp()
	case *TupleExpr:
		for _, e := range x.elts {
			bindTargets(e, m, c)
		}
	case *ListExpr:
		for _, e := range x.elts {
			bindTargets(e, m, c)
		}
	case *Starred:
		bindTargets(x.x, m, c)
	}
}

func (c *compiler) fstring(x *FString, dst int) {
	base := c.temps_(len(x.parts))
	for i, p := range x.parts {
		if p.expr == nil {
			c.emit(opMove, base+i, c.constSlot(StrVal(p.lit)))
			continue
		}
		v := c.exprAny(p.expr)
		spec := -1
		if p.spec != nil {
			spec = c.temp()
			c.fstring(p.spec, spec)
		}
		c.line = x.line
		c.emit(opFormat, base+i, v, spec, int(p.conv))
	}
	if len(x.parts) == 1 && x.parts[0].expr != nil {
		c.emit(opMove, dst, base)
		return
	}
	c.emit(opBuildString, dst, base, len(x.parts))
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sliceBounds evaluates a slice's lower bound, upper bound and step (None
// for each one left out) into three consecutive temporaries and returns
// the first.
func (c *compiler) sliceBounds(x *SliceExpr) int {
	base := c.temps_(3)
	for i, p := range []Expr{x.lo, x.hi, x.step} {
		if p == nil {
			c.emit(opMove, base+i, c.constSlot(NoneVal))
		} else {
			c.exprTo(p, base+i)
		}
	}
	return base
}
