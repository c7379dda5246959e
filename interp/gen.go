package interp

import (
	"sync/atomic"

	"github.com/copypatch/copypatch/templates"
)

// Generator is a suspended generator function. Python's yield can only
// appear in the generator's own body, never in a function it calls, so a
// generator needs no stack of its own: its frame keeps its slots, and
// yield returns from the VM's run loop with the frame's resume point saved
// (pc); next runs the frame again from there.
type Generator struct {
	vm    *VM
	fn    *Function
	frame *frame
	// yf is the generator a yield from of this one is suspended in, with
	// None to send it (the resumption delegate can skip): set by the
	// yield that suspends, nil when anything else is to happen at the
	// resume point (a value sent, an exception thrown, a plain yield).
	yf      *Generator
	throw   error // raised at the resume point by the next run (close, throw)
	pc      int32 // where the next run resumes: after the last yield
	sent    int32 // the slot that receives what the last yield evaluates to
	tracked int32 // index in vm.gens, or -1
	// running is 1 while a thread runs the body: a second thread (or the
	// body itself) asking for the next item gets "generator already
	// executing", as in CPython. Once threads run it is claimed with a
	// compare-and-swap (claim), so two threads never run one frame.
	running int32
	started bool
	done    bool
	// asyncBusy: an awaitable of this async generator runs it (asyncgen.py).
	asyncBusy bool
	// owned: made by a call whose result only a loop reads (ownedA), so
	// that loop may recycle it once it is exhausted (gen_reuse.go).
	owned bool
	// sink: set(g) is being built, and a yield of an inert value adds
	// it there and goes on (gen_sink.go).
	sink *Set
	// into is the frame whose loop alone runs this generator, and
	// intoSlot that loop's private target, which keeps the fresh lists
	// the body yields (gen_fresh.go); nil otherwise.
	into     *frame
	intoSlot int32
	// class is the slot-array size class it was allocated in (genClass*).
	class uint8
	// result is what the body returned: the StopIteration that ends the
	// generator carries it, and yield from evaluates to it.
	result Val
	own    frame // the frame, unless another one was given
}

// takeResult returns what the generator returned, once: later
// StopIterations carry nothing, as in CPython.
// Another thread running the generator meanwhile has none to give.
func (g *Generator) takeResult(vm *VM) Val {
	if !g.claim(vm) {
		return NoneVal
	}
	r := g.result
	g.result = Val{}
	g.release(vm)
	if r.T == tagEmpty {
		return NoneVal
	}
	return r
}

// claim marks the generator running for vm's thread, false when it runs
// already. Plain loads and stores until threads run.
func (g *Generator) claim(vm *VM) bool {
	if vm.threaded() {
		return atomic.CompareAndSwapInt32(&g.running, 0, 1)
	}
	if g.running != 0 {
		return false
	}
	g.running = 1
	return true
}

func (g *Generator) release(vm *VM) {
	if vm.threaded() {
		atomic.StoreInt32(&g.running, 0)
		return
	}
	g.running = 0
}

// stopIteration is the StopIteration that ends an iterator whose result is
// v: without args for None, else with v as its only argument (its value).
func stopIteration(v Val) *PyErr {
	if v.T == tagNone || v.T == tagEmpty {
		return newErrVal(StopIteration)
	}
	return newErrVal(StopIteration, v)
}

// finish marks the generator done and stops tracking it. The tracking
// list is its starting thread's VM's: another thread leaves it there, to be
// dropped by that VM's closeGenerators.
func (g *Generator) finish(vm *VM) {
	g.done = true
	g.yf = nil
	if vm != g.vm {
		return
	}
	if i := int(g.tracked); i >= 0 && i < len(g.vm.gens) && g.vm.gens[i] == g {
		gens := g.vm.gens
		last := gens[len(gens)-1]
		gens[i], last.tracked = last, int32(i)
		g.vm.gens = gens[:len(gens)-1]
	}
	g.tracked = -1
}

func (g *Generator) typeName() string {
	switch g.fn.code.genKind {
	case genCoroutine:
		return "coroutine"
	case genAsyncGen:
		return "async_generator"
	}
	return "generator"
}

// errCoroutineReused is what running a finished coroutine again raises.
func errCoroutineReused() *PyErr {
	return newErr(RuntimeError, "cannot reuse already awaited coroutine")
}

// kindWords is what CPython's messages call g: "generator", "coroutine"
// or "async generator".
func (g *Generator) kindWords() string {
	if g.fn.code.genKind == genAsyncGen {
		return "async generator"
	}
	return g.typeName()
}

// GeneratorExit unwinds a generator that the program abandoned; it is a
// BaseException, so `except Exception` does not stop it.
var GeneratorExit = &ExcType{name: "GeneratorExit", base: BaseException}

// errYield is how run reports a yield: the value is in vm.yielded.
// runAt compares errors with it and errJump as interfaces; a hot caller
// asks isYield.
var errYield error = yieldSignal

var yieldSignal = &signal{"yield"}

// signal is the type of errYield and errJump, which are no errors but
// say how an instruction left.
type signal struct{ what string }

// isYield is err == errYield without runtime.ifaceeq: as errors.New's
// values, errYield and any error of its type reached it on every
// generator resumption (63M instructions of generators' run), and as a
// concrete pointer in runAt's compares they moved raytracer's run by
// 37M instructions of register allocation.
func isYield(err error) bool {
	s, ok := err.(*signal)
	return ok && s == yieldSignal
}

func (s *signal) Error() string { return s.what }

func (vm *VM) newGenerator(fn *Function, args []Val, kwn []string) (Val, error) {
	co := fn.code
	g := vm.genFrame(fn)
	f := g.frame
	if co.simple && len(kwn) == 0 && len(args) == co.nparams {
		// Exactly the plain parameters (a generator expression's iterator).
		for i, a := range args {
			f.set(int32(i), a)
		}
		if fn.free != nil {
			f.setFree(fn)
		}
	} else if err := vm.bindArgs(fn, f, args, kwn); err != nil {
		return Val{}, err
	}
	if co.genKind == genCoroutine && vm.depth > 0 {
		vm.noteCoroutine(vm.frameAt(vm.depth-1), g)
	}
	return ObjVal(g), nil
}

// genFrame is a new generator of fn, its frame's parameters still empty.
// The frame outlives the call, so it cannot live on the VM's slot stack;
// it lives in the generator (one allocation less).
func (vm *VM) genFrame(fn *Function) *Generator {
	co := fn.code
	g, regs, objs := vm.reusedGenerator(co.nslots)
	if g == nil {
		g, regs, objs = allocGenerator(co.nslots)
	}
	g.vm, g.fn, g.tracked = vm, fn, -1
	f := &g.own
	*f = frame{gen: g, code: co, fn: fn, regs: regs, objs: objs}
	for i, c := range co.consts {
		f.regs[co.nlocals+i] = templates.Value{Tag: c.T, Bits: c.B}
		f.objs[co.nlocals+i] = c.O
	}
	g.frame = f
	return g
}

// newGeneratorDirect is a call of generator function fn with exactly its
// plain parameters, in slots first.. of f: they go straight into the
// generator's frame, with no argument list in between (a recursive walk
// or a generator expression makes one generator per step).
func (vm *VM) newGeneratorDirect(f *frame, fn *Function, first, n int32) (Val, error) {
	if err := vm.callCheck(); err != nil {
		return Val{}, err
	}
	for i := first; i < first+n; i++ {
		if f.regs[i].Tag == tagEmpty {
			return Val{}, f.unbound(i)
		}
	}
	g := vm.genFrame(fn)
	gf := g.frame
	// A loop over slices cut to n, not copy: for a parameter or two,
	// copy's memmove and typedslicecopy cost several times the stores.
	src, srco := f.regs[first:first+n], f.objs[first:first+n]
	dst, dsto := gf.regs[:n], gf.objs[:n]
	for i := range src {
		dst[i] = src[i]
		dsto[i] = srco[i]
	}
	if fn.free != nil {
		gf.setFree(fn)
	}
	if fn.code.genKind == genCoroutine {
		vm.noteCoroutine(f, g)
	}
	return ObjVal(g), nil
}

// genExpr is the generator of generator expression co over the iterator in
// slot it of f: the iterator is its parameter, and the values it captures
// are copied from f's slots as MAKE_FUNCTION and the call would.
func (vm *VM) genExpr(f *frame, co *Code, it int32) *Generator {
	fn := co.genFn.Load()
	if fn == nil || fn.mod != vm.mod {
		fn = &Function{code: co, mod: vm.mod}
		co.genFn.Store(fn)
	}
	g := vm.genFrame(fn)
	gf := g.frame
	gf.set(0, f.get(it))
	for i, from := range co.freeFrom {
		gf.set(co.freeTo[i], f.get(from))
	}
	return g
}

// Generators with few slots are allocated with their slots: one
// allocation per generator where there were three (a recursive walk
// makes a generator per node).
type (
	gen8 struct {
		g    Generator
		regs [8]templates.Value
		objs [8]Object
	}
	gen12 struct {
		g    Generator
		regs [12]templates.Value
		objs [12]Object
	}
	gen16 struct {
		g    Generator
		regs [16]templates.Value
		objs [16]Object
	}
	gen32 struct {
		g    Generator
		regs [32]templates.Value
		objs [32]Object
	}
)

// Size classes of allocGenerator (Generator.class); genClassNone is a
// generator whose slot arrays are separate.
const (
	genClassNone = iota
	genClass8
	genClass12
	genClass16
	genClass32
	genClasses
)

// allocGenerator is a zero Generator and n empty slots for its frame. The
// slices keep their array's whole capacity, which a recycled generator
// of the same class reuses (gen_reuse.go).
func allocGenerator(n int) (*Generator, []templates.Value, []Object) {
	switch {
	case n <= 8:
		x := new(gen8)
		x.g.class = genClass8
		return &x.g, x.regs[:n], x.objs[:n]
	case n <= 12:
		// A generator expression's frame (its iterator, the loop
		// variable, a closure cell or two, temporaries) often has 9-12.
		x := new(gen12)
		x.g.class = genClass12
		return &x.g, x.regs[:n], x.objs[:n]
	case n <= 16:
		x := new(gen16)
		x.g.class = genClass16
		return &x.g, x.regs[:n], x.objs[:n]
	case n <= 32:
		x := new(gen32)
		x.g.class = genClass32
		return &x.g, x.regs[:n], x.objs[:n]
	}
	return new(Generator), make([]templates.Value, n), make([]Object, n)
}

// next runs the generator to its next yield on vm, the calling thread's
// VM. It reports false when the generator has finished.
func (g *Generator) next(vm *VM) (Val, bool, error) {
	if !vm.threaded() && g.running == 0 && g.started && !g.done && vm.depth < vm.limit {
		// A started generator on the one thread: claim, resume's checks
		// and release in place (a loop over a pipeline of generators
		// passes each item through here once per stage).
		g.running = 1
		var v Val
		var ok bool
		var err error
		if g.yf != nil {
			v, ok, err = g.resumeChain(vm)
		} else {
			v, ok, err = g.runFrame(vm)
		}
		g.running = 0
		return v, ok, err
	}
	if !g.claim(vm) {
		return Val{}, false, newErr(ValueError, "generator already executing")
	}
	v, ok, err := g.resume(vm)
	g.release(vm)
	return v, ok, err
}

// nextItem is next for a consumer that only wants items (a for loop,
// list(), sum() ...): the value the body returned is dropped when it ends,
// so a later next(g) raises a bare StopIteration, as CPython's does.
func (g *Generator) nextItem(vm *VM) (Val, bool, error) {
	v, ok, err := g.next(vm)
	if !ok && err == nil {
		g.takeResult(vm) // claimed, as another thread may ask next(g)
	}
	return v, ok, err
}

// resume is next with the generator claimed by the caller.
func (g *Generator) resume(vm *VM) (Val, bool, error) {
	if g.done {
		return Val{}, false, nil
	}
	if vm.depth >= vm.limit {
		return Val{}, false, newErr(RecursionError, "maximum recursion depth exceeded")
	}
	if !g.started {
		g.started = true
		g.vm = vm // the thread that starts it tracks it
		// Only a generator with try/with blocks has anything to run when
		// it is closed at the end; track those, while they are suspended.
		if len(g.fn.code.excTable) > 0 {
			g.tracked = int32(len(vm.gens))
			vm.gens = append(vm.gens, g)
		}
	}
	if g.yf != nil {
		return g.resumeChain(vm)
	}
	return g.runFrame(vm)
}

// runFrame runs the generator's own frame from its resume point to its
// next yield or its end, at vm.depth.
func (g *Generator) runFrame(vm *VM) (Val, bool, error) {
	vm.frames[vm.depth].alias = g.frame
	vm.depth++
	v, err := vm.runAt(g.frame, 0)
	vm.lowerGen(g)
	vm.depth--
	vm.frames[vm.depth].alias = nil
	if isYield(err) {
		if g.into != nil {
			vm.keepYielded(g, v) // gen_fresh.go
		}
		g.frame.dropStaleLocals()
		return v, true, nil
	}
	g.finish(vm)
	if err == nil {
		g.result = v
	}
	if pe, ok := err.(*PyErr); ok {
		switch pe.exc.typ {
		case GeneratorExit:
			err = nil
		case StopIteration:
			// As raise ... from: contextlib's managers compare the
			// cause with the StopIteration they threw in.
			rt := newErr(RuntimeError, "%s raised StopIteration", g.kindWords())
			rt.exc.cause, rt.exc.context, rt.exc.suppressContext = pe.exc, pe.exc, true
			err = rt
		case StopAsyncIteration:
			// An async generator's end is its awaitable's to raise, not
			// its body's.
			if g.fn.code.genKind == genAsyncGen {
				rt := newErr(RuntimeError, "async generator raised StopAsyncIteration")
				rt.exc.cause, rt.exc.context, rt.exc.suppressContext = pe.exc, pe.exc, true
				err = rt
			}
		}
	}
	return Val{}, false, err
}

// resumeChain resumes a generator suspended in a yield from of another
// generator with nothing to send or throw: the next item of the innermost
// generator of the chain of yield froms is the generator's, so that one
// runs straight away and the frames between stay as they are. Each
// generator of the chain holds the frame slot it would hold if each one
// resumed the next (tracebacks and the recursion limit see the same
// stack), but the chain is walked in a loop, not by a call per level (a
// recursive walk with yield from passes each item through every level).
// When the innermost one finishes or raises, the one above it resumes as
// usual, and its yield from finds the result, or raises the error (left
// in its throw) where it stands; an item that one yields goes up
// unchanged.
func (g *Generator) resumeChain(vm *VM) (Val, bool, error) {
	if vm.threaded() {
		return g.resumeChainClaimed(vm)
	}
	// Single-threaded, claim and release are plain stores, and the walk
	// down and back up is a tight loop over the frame slots (vm.frames
	// has room for vm.limit of them): each item of a recursive walk
	// passes every level twice.
	base := vm.depth
	frames := vm.frames[:vm.limit]
	d := base
	top := g
	var v Val
	var ok bool
	var err error
	for {
		sub := top.yf
		if sub == nil || top.throw != nil || sub.running != 0 || !sub.started || sub.done {
			break
		}
		sub.running = 1
		frames[d].alias = top.frame
		d++ // the depth sub runs at
		top = sub
		if d >= len(frames) {
			err = newErr(RecursionError, "maximum recursion depth exceeded")
			break
		}
	}
	vm.depth = d
	if err == nil {
		v, ok, err = top.runFrame(vm)
		if ok && err == nil {
			// The item goes up unchanged: release the levels.
			for d > base {
				d--
				top.running = 0
				slot := &frames[d]
				top = slot.alias.gen
				slot.alias = nil
			}
			vm.depth = base
			return v, ok, err
		}
	}
	return top.unwindChain(vm, base, v, ok, err)
}

// unwindChain goes back up a yield-from chain from top to the depth base
// after top ran: each level is released, and one that must see what its
// subgenerator ended with (a return value or an error) runs again.
func (top *Generator) unwindChain(vm *VM, base int, v Val, ok bool, err error) (Val, bool, error) {
	for vm.depth > base {
		vm.depth--
		slot := &vm.frames[vm.depth]
		parent := slot.alias.gen
		slot.alias = nil
		top.release(vm)
		top = parent
		if ok && err == nil {
			continue
		}
		if err != nil {
			top.throw = err
		}
		v, ok, err = top.runFrame(vm)
	}
	return v, ok, err
}

// resumeChainClaimed is resumeChain claiming each generator of the chain
// as threads do (claim, release).
func (g *Generator) resumeChainClaimed(vm *VM) (Val, bool, error) {
	base := vm.depth
	top := g
	var v Val
	var ok bool
	var err error
	ran := false
	for {
		sub := top.yf
		if sub == nil || top.throw != nil || !sub.claim(vm) {
			break
		}
		if !sub.started || sub.done {
			sub.release(vm)
			break
		}
		vm.frames[vm.depth].alias = top.frame
		vm.depth++ // the depth sub runs at
		top = sub
		if vm.depth >= vm.limit {
			err, ran = newErr(RecursionError, "maximum recursion depth exceeded"), true
			break
		}
	}
	if !ran {
		v, ok, err = top.runFrame(vm)
	}
	return top.unwindChain(vm, base, v, ok, err)
}

// close raises GeneratorExit at the generator's yield, so its finally
// blocks run. It reports the error the generator raised instead, if any.
func (g *Generator) close(vm *VM) error {
	if !g.claim(vm) {
		return nil // running: CPython's close raises there; ours leaves it be
	}
	defer g.release(vm)
	if !g.started || g.done {
		g.done = true
		return nil
	}
	g.throw = newErrVal(GeneratorExit)
	_, yielded, err := g.resume(vm)
	g.finish(vm)
	if yielded {
		return newErr(RuntimeError, "generator ignored GeneratorExit")
	}
	return err
}

// genMethod runs the generator methods send, throw and close on vm.
func (g *Generator) genMethod(vm *VM, name string, args []Val) (Val, error) {
	want := 1 // send and throw
	if name == "close" {
		want = 0
	}
	if name == "throw" {
		exc, err := vm.throwArgs("throw", args)
		if err != nil {
			return Val{}, err
		}
		args = []Val{exc}
	}
	if len(args) != want {
		if want == 0 {
			return Val{}, newErr(TypeError, "generator.close() takes no arguments (%d given)", len(args))
		}
		return Val{}, newErr(TypeError, "generator.%s() takes exactly one argument (%d given)", name, len(args))
	}
	switch name {
	case "close":
		return NoneVal, g.close(vm)
	}
	if !g.claim(vm) {
		return Val{}, newErr(ValueError, "generator already executing")
	}
	v, ok, err := g.methodClaimed(vm, name, args)
	g.release(vm)
	if err != nil {
		return Val{}, err
	}
	if !ok {
		return Val{}, stopIteration(g.takeResult(vm))
	}
	return v, nil
}

// methodClaimed is send or throw with the generator claimed.
func (g *Generator) methodClaimed(vm *VM, name string, args []Val) (Val, bool, error) {
	switch name {
	case "send":
		if !g.started && args[0].T != tagNone {
			return Val{}, false, newErr(TypeError, "can't send non-None value to a just-started %s", g.kindWords())
		}
		if g.done && g.fn.code.genKind == genCoroutine {
			return Val{}, false, errCoroutineReused()
		}
		if g.started && !g.done {
			g.frame.set(g.sent, args[0])
			g.yf = nil
		}
	case "throw":
		exc := vm.raise(args[0])
		if pe, ok := exc.(*PyErr); !ok || pe.exc == nil {
			return Val{}, false, exc
		}
		if !g.started || g.done {
			// Raised where the generator stands: before its body, or after
			// its end; either way it is finished.
			g.started = true
			g.finish(vm)
			return Val{}, false, exc
		}
		g.throw = exc
	}
	return g.resume(vm)
}

// closeGenerators closes the generators left suspended when the run ends.
func (vm *VM) closeGenerators() {
	for len(vm.gens) > 0 {
		g := vm.gens[len(vm.gens)-1]
		g.close(vm) // an abandoned generator's error is dropped, as CPython's is
		g.finish(vm)
	}
}

// stopValue is a StopIteration's value: its first argument, else None.
func stopValue(e *Exception) Val {
	if len(e.args) > 0 {
		return e.args[0]
	}
	return NoneVal
}

// yieldFromStep advances the subiterator of a yield from: it throws the
// generator's pending exception (throw, close) into it, sends it what the
// last yield received, or takes its next item. It reports false once the
// subiterator is exhausted, with what it returned.
func (vm *VM) yieldFromStep(f *frame, it Object, sent Val) (Val, bool, error) {
	var v Val
	var ok bool
	var err error
	sub, isGen := it.(*Generator)
	switch {
	case f.gen != nil && f.gen.throw != nil:
		t := f.gen.throw
		f.gen.throw = nil
		if !isGen {
			return Val{}, false, t
		}
		if pe, ok := t.(*PyErr); ok && pe.exc != nil && pe.exc.typ == GeneratorExit {
			// close: the subgenerator is closed first, then the delegator.
			if err := sub.close(vm); err != nil {
				return Val{}, false, err
			}
			return Val{}, false, t
		}
		if !sub.claim(vm) {
			return Val{}, false, newErr(ValueError, "generator already executing")
		}
		if !sub.started || sub.done {
			sub.started = true
			sub.finish(vm)
			sub.release(vm)
			return Val{}, false, t
		}
		sub.throw = t
		v, ok, err = sub.resume(vm)
		sub.release(vm)
	case sent.T == tagNone && isGen:
		v, ok, err = sub.next(vm) // keeps what it returned for takeResult
	case sent.T == tagNone:
		v, ok, err = vm.next(it)
	case isGen:
		if !sub.claim(vm) {
			return Val{}, false, newErr(ValueError, "generator already executing")
		}
		if sub.started && !sub.done {
			sub.frame.set(sub.sent, sent)
			sub.yf = nil
		}
		v, ok, err = sub.resume(vm)
		sub.release(vm)
	default:
		return Val{}, false, newErr(AttributeError, "'%s' object has no attribute 'send'", it.typeName())
	}
	if err != nil || ok {
		return v, ok, err
	}
	switch x := it.(type) {
	case *Generator:
		return x.takeResult(vm), false, nil
	case *instIter:
		if x.result.T != tagEmpty {
			return x.result, false, nil
		}
	}
	return NoneVal, false, nil
}

// Closures with few captured values are allocated with them: one
// allocation per closure where there were two (a generator expression
// that reads a local of its function is a closure made at every
// evaluation).
type (
	closure1 struct {
		fn   Function
		free [1]Val
	}
	closure2 struct {
		fn   Function
		free [2]Val
	}
	closure4 struct {
		fn   Function
		free [4]Val
	}
)

// allocClosure is a zero Function with n empty captured values (nil for
// none).
func allocClosure(n int) *Function {
	switch {
	case n == 0:
		return new(Function)
	case n == 1:
		x := new(closure1)
		x.fn.free = x.free[:]
		return &x.fn
	case n == 2:
		x := new(closure2)
		x.fn.free = x.free[:]
		return &x.fn
	case n <= 4:
		x := new(closure4)
		x.fn.free = x.free[:n:n]
		return &x.fn
	}
	return &Function{free: make([]Val, n)}
}
