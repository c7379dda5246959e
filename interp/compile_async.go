package interp

// Compiling async def bodies: await, async for and async with. An async
// def's frame runs as a generator's does (coro.go), and await is a yield
// from over the awaitable's iterator: whatever the innermost awaitable
// yields (an asyncio future) goes up to whoever drives the coroutine,
// and what it sends back comes down again. ASYNC (opAsync) does each
// statement's protocol step: __aiter__, __anext__, __aenter__, __aexit__,
// and the awaitable behind them.

// Modes of opAsync (its D operand).
const (
	asyncAwait    = iota // A = the iterator behind awaitable B
	asyncAiter           // A = B.__aiter__()
	asyncAnext           // A = the iterator behind B.__anext__()
	asyncAenter          // A = the iterator behind B.__aenter__()
	asyncAexit           // A = the iterator behind B.__aexit__(None, None, None)
	asyncAexitExc        // A = the iterator behind B.__aexit__(type(C), C, None)
	asyncWrap            // A = B, marked as an async generator's yielded value
)

// await compiles an await expression into dst.
func (c *compiler) await(x *Await, dst int) {
	if !c.isFunc || c.classNames != nil {
		c.errAt(x.pos, "'await' outside function")
	}
	if !c.asyncFn {
		c.errAt(x.pos, "'await' outside async function")
	}
	aw := c.temp()
	c.exprTo(x.x, aw)
	c.line = x.line
	c.caretAt(x.x)
	c.emit(opAsync, aw, aw, aw, asyncAwait)
	c.yieldFromLoop(aw, dst)
}

// yieldFromLoop runs iterator it (yield from's, an awaitable's) to its
// end, passing up what it yields and down what is sent or thrown, and
// leaves what it returned in dst.
func (c *compiler) yieldFromLoop(it, dst int) {
	item, sent := c.temp(), c.temp()
	c.emit(opMove, sent, c.constSlot(NoneVal))
	entry := c.emit(opJump, 0)
	body := c.pc()
	c.emit(opYield, sent, item)
	c.patch(entry, 0, c.pc())
	c.emit(opYieldFromSend, item, it, sent, body)
	c.emit(opMove, dst, item)
}

// asyncForStmt compiles async for: __aiter__ once, then each item is
// awaited from __anext__ until it raises StopAsyncIteration, which ends
// the loop (and runs its else block) as the end of an iterator does.
func (c *compiler) asyncForStmt(x *For) {
	if !c.asyncFn {
		c.errAt(x.pos, "'async for' outside async function")
	}
	l := &loopCtx{cont: -1, finals: len(c.finals)}
	it := c.temp()
	c.exprTo(x.iter, it)
	c.line = x.line
	c.caretAt(x.iter)
	c.emit(opAsync, it, it, it, asyncAiter)
	tgt, body := c.loopBody(x.target, x.body, l)
	c.line = x.line
	c.asyncNextItem(it, tgt, body)
	c.stmts(x.orelse)
	for _, b := range l.breaks {
		c.patch(b, 0, c.pc())
	}
}

// asyncNextItem awaits it.__anext__() into dst and jumps to body; when
// it raises StopAsyncIteration it falls through instead.
func (c *compiler) asyncNextItem(it, dst, body int) {
	exc := c.temp()
	aw := c.temp()
	start := c.pc()
	c.emit(opAsync, aw, it, it, asyncAnext)
	c.yieldFromLoop(aw, dst)
	end := c.pc()
	c.emit(opJumpBack, body)
	h := c.pc()
	c.code.excTable = append(c.code.excTable, excEntry{int32(start), int32(end), int32(h), int32(exc)})
	m := c.temp()
	c.emit(opExcMatch, m, exc, c.constSlot(ObjVal(StopAsyncIteration)))
	j := c.emit(opJumpIfTrue, m, 0)
	c.emit(opRaise, exc)
	c.code.handling = append(c.code.handling, excEntry{int32(h), int32(c.pc()), int32(h), int32(exc)})
	c.patch(j, 1, c.pc())
}

// asyncExit awaits mgr.__aexit__ (with exception slot exc, or None three
// times for exc < 0) and returns the slot holding what it returned.
func (c *compiler) asyncExit(mgr, exc int) int {
	aw := c.temp()
	if exc < 0 {
		c.emit(opAsync, aw, mgr, mgr, asyncAexit)
	} else {
		c.emit(opAsync, aw, mgr, exc, asyncAexitExc)
	}
	r := c.temp()
	c.yieldFromLoop(aw, r)
	return r
}
