package interp

import (
	_ "embed"
	"sync"
)

// Coroutines and async generators. An async def's frame is a generator
// frame (gen.go) whose code says what calling it makes (Code.genKind):
// a coroutine, which await runs as yield from runs a generator, or an
// async generator, whose yielded items come back marked (asyncWrap) so
// that its awaitables (pylib/asyncgen.py) tell them from what its own
// awaits pass up to the event loop. Nothing here knows of an event
// loop: asyncio (pylib/asyncio.py) drives coroutines with send and
// throw, as CPython's does.

// What a generator function's call makes (Code.genKind).
const (
	genPlain        = iota // a generator
	genCoroutine           // async def: a coroutine
	genAsyncGen            // async def with yield: an async generator
	genIterableCoro        // a generator function under types.coroutine: awaitable
)

// asyncItem is an item an async generator's body yielded, on its way to
// the awaitable that resumed it.
type asyncItem struct{ v Val }

func (*asyncItem) typeName() string { return "async_generator_wrapped_value" }

// asyncOp is ASYNC's protocol step mode on b (and c).
func (vm *VM) asyncOp(mode int32, b, c Val) (Val, error) {
	switch mode {
	case asyncAwait:
		it, err := vm.awaitIter(b, "")
		return ObjVal(it), err
	case asyncAiter:
		r, found, err := vm.asyncDunder(b, "__aiter__")
		if !found {
			return Val{}, newErr(TypeError, "'async for' requires an object with __aiter__ method, got %s", typeName(b))
		}
		if err != nil {
			return Val{}, err
		}
		if !vm.hasAsyncMethod(r, "__anext__") {
			return Val{}, newErr(TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s", typeName(r))
		}
		return r, nil
	case asyncAnext:
		r, _, err := vm.asyncDunder(b, "__anext__")
		if err != nil {
			return Val{}, err
		}
		it, err := vm.awaitIter(r, "'async for' received an invalid object from __anext__: %s")
		return ObjVal(it), err
	case asyncAenter:
		if !vm.hasAsyncMethod(b, "__aenter__") {
			return Val{}, newErr(TypeError, "'%s' object does not support the asynchronous context manager protocol", typeName(b))
		}
		if !vm.hasAsyncMethod(b, "__aexit__") {
			return Val{}, newErr(TypeError, "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)", typeName(b))
		}
		r, _, err := vm.asyncDunder(b, "__aenter__")
		if err != nil {
			return Val{}, err
		}
		it, err := vm.awaitIter(r, "'async with' received an object from __aenter__ that does not implement __await__: %s")
		return ObjVal(it), err
	case asyncAexit, asyncAexitExc:
		args := []Val{NoneVal, NoneVal, NoneVal}
		if mode == asyncAexitExc {
			if x, ok := c.O.(*Exception); ok {
				args = []Val{ObjVal(x.typ), c, NoneVal} // as WITH_EXIT: no traceback objects
			}
		}
		r, _, err := vm.asyncDunder(b, "__aexit__", args...)
		if err != nil {
			return Val{}, err
		}
		it, err := vm.awaitIter(r, "'async with' received an object from __aexit__ that does not implement __await__: %s")
		return ObjVal(it), err
	case asyncWrap:
		return ObjVal(&asyncItem{b}), nil
	}
	return Val{}, &internalError{"ASYNC: unknown mode"}
}

// awaitIter is the iterator behind awaitable v: a coroutine itself, or
// what its __await__ returns. badMsg words the error for what is not
// awaitable ("" for await's own).
func (vm *VM) awaitIter(v Val, badMsg string) (Object, error) {
	if g, ok := v.O.(*Generator); ok && v.T == tagObject {
		switch g.fn.code.genKind {
		case genCoroutine:
			if g.done {
				return nil, errCoroutineReused()
			}
			return g, nil
		case genIterableCoro:
			if g.done {
				if what := vm.reusedAwaitable(g); what != "" {
					return nil, newErr(RuntimeError, "cannot reuse already awaited %s", what)
				}
			}
			return g, nil
		}
	}
	r, found, err := vm.asyncDunder(v, "__await__")
	if !found {
		if badMsg != "" {
			return nil, newErr(TypeError, badMsg, typeName(v))
		}
		return nil, newErr(TypeError, "'%s' object can't be awaited", typeName(v))
	}
	if err != nil {
		return nil, err
	}
	if g, ok := r.O.(*Generator); ok && r.T == tagObject {
		if g.fn.code.genKind == genCoroutine {
			return nil, newErr(TypeError, "__await__() returned a coroutine")
		}
		return g, nil
	}
	if !vm.isIterator(r) {
		return nil, newErr(TypeError, "__await__() returned non-iterator of type '%s'", typeName(r))
	}
	return vm.iter(r)
}

// isIterator reports whether v has __next__.
func (vm *VM) isIterator(v Val) bool {
	if x, ok := v.O.(*Instance); ok && v.T == tagObject {
		_, has := x.cls.lookup("__next__")
		return has
	}
	if v.T != tagObject {
		return false
	}
	it, err := vm.iter(v)
	return err == nil && it == v.O
}

// asyncDunder calls v's special method name: a class's, or an async
// generator's own.
func (vm *VM) asyncDunder(v Val, name string, args ...Val) (Val, bool, error) {
	if g, ok := v.O.(*Generator); ok && v.T == tagObject && g.fn.code.genKind == genAsyncGen {
		r, err := g.asyncGenMethod(vm, name, args)
		return r, true, err
	}
	return vm.dunder(v, name, args...)
}

func (vm *VM) hasAsyncMethod(v Val, name string) bool {
	switch x := v.O.(type) {
	case *Instance:
		_, ok := x.cls.lookup(name)
		return ok
	case *Generator:
		return x.fn.code.genKind == genAsyncGen && hasMethod(v, name)
	}
	return false
}

// method runs a generator's, coroutine's or async generator's methods.
func (g *Generator) method(vm *VM, name string, args []Val) (Val, error) {
	switch g.fn.code.genKind {
	case genAsyncGen:
		return g.asyncGenMethod(vm, name, args)
	case genCoroutine:
		if name == "__await__" {
			return ObjVal(g), nil
		}
	}
	return g.genMethod(vm, name, args)
}

// asyncGenMethod is an async generator's method: the awaitables its
// helpers make, or itself for __aiter__.
func (g *Generator) asyncGenMethod(vm *VM, name string, args []Val) (Val, error) {
	self := ObjVal(g)
	want := 0
	var call []Val
	switch name {
	case "__aiter__":
		if len(args) == 0 {
			return self, nil
		}
	case "__anext__":
		call = []Val{self, NoneVal, NoneVal}
	case "asend":
		want = 1
		if len(args) == 1 {
			call = []Val{self, args[0], NoneVal}
		}
	case "athrow":
		want = 1
		exc, err := vm.throwArgs("athrow", args)
		if err != nil {
			return Val{}, err
		}
		args = []Val{exc}
		call = []Val{self, NoneVal, exc}
	case "aclose":
		if len(args) == 0 {
			return vm.call(vm.asyncHelper("_close"), []Val{self}, nil)
		}
	default:
		return Val{}, newErr(AttributeError, "'async_generator' object has no attribute '%s'", name)
	}
	if len(args) != want {
		return Val{}, newErr(TypeError, "async_generator.%s() takes %s (%d given)", name, map[int]string{0: "no arguments", 1: "exactly one argument"}[want], len(args))
	}
	return vm.call(vm.asyncHelper("_step"), call, nil)
}

//go:embed pylib/asyncgen.py
var asyncgenSource string

// asyncHelpers is pylib/asyncgen.py, built on first use and shared by
// the run's threads (it is not a module the program can import).
type asyncHelpers struct {
	once sync.Once
	m    *Module
}

func (vm *VM) asyncHelper(name string) Val {
	h := &vm.rt.async
	h.once.Do(func() {
		h.m = vm.pyModule("_asyncgen", asyncgenSource, map[string]nativeFn{
			"_iterable_coroutine": markIterableCoroutine,
			"_resume":             resumeAsyncGen,
			"_unwrap": func(vm *VM, args []Val, kwn []string) (Val, error) {
				if w, ok := args[0].O.(*asyncItem); ok {
					return ObjVal(&Tuple{items: []Val{BoolVal(true), w.v}}), nil
				}
				return ObjVal(&Tuple{items: []Val{BoolVal(false), NoneVal}}), nil
			},
			"_running": func(vm *VM, args []Val, kwn []string) (Val, error) {
				// _running(agen, True) claims it (True when it was
				// claimed already); _running(agen, False) lets it go.
				g := args[0].O.(*Generator)
				if truthy(args[1]) {
					if g.asyncBusy {
						return BoolVal(true), nil
					}
					g.asyncBusy = true
					return BoolVal(false), nil
				}
				g.asyncBusy = false
				return NoneVal, nil
			},
			"_finished": func(vm *VM, args []Val, kwn []string) (Val, error) {
				return BoolVal(args[0].O.(*Generator).done), nil
			},
			"_awaiting": func(vm *VM, args []Val, kwn []string) (Val, error) {
				it, err := vm.awaitIter(args[0], "")
				return ObjVal(it), err
			},
		})
	})
	return h.m.table()[name]
}

// reusedAwaitable names, for an async generator's awaitable g that has
// finished, the methods whose awaitables CPython refuses to await twice;
// "" for any other generator.
func (vm *VM) reusedAwaitable(g *Generator) string {
	h := &vm.rt.async
	if h.m == nil {
		return ""
	}
	t := h.m.table()
	if fn, _ := t["_close"].O.(*Function); fn != nil && g.fn.code == fn.code {
		return "aclose()/athrow()"
	}
	if fn, _ := t["_step"].O.(*Function); fn != nil && g.fn.code == fn.code {
		if g.frame != nil && len(g.frame.regs) > 2 && g.frame.get(2).T != tagNone {
			return "aclose()/athrow()"
		}
		return "__anext__()/asend()"
	}
	return ""
}

// markIterableCoroutine is types.coroutine on a generator function: its
// generators can be awaited (and can yield from coroutines).
func markIterableCoroutine(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) != 1 {
		return Val{}, newErr(TypeError, "coroutine() takes exactly one argument (%d given)", len(args))
	}
	if fn, ok := args[0].O.(*Function); ok && fn.code.isGenerator && fn.code.genKind == genPlain {
		fn.code.genKind = genIterableCoro
	}
	return args[0], nil
}

// resumeAsyncGen is _resume(agen, value, exc): the async generator's frame
// run on from its last yield with value sent, or exc thrown, to its next
// yield; StopIteration when it returns.
func resumeAsyncGen(vm *VM, args []Val, kwn []string) (Val, error) {
	g := args[0].O.(*Generator)
	if args[2].T != tagNone {
		return g.genMethod(vm, "throw", args[2:3])
	}
	return g.genMethod(vm, "send", args[1:2])
}

// asyncBuiltins are aiter and anext.
func asyncBuiltins(b map[string]Val) {
	b["aiter"] = builtinFn("aiter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("aiter", args, 1, 1); err != nil {
			return Val{}, err
		}
		r, found, err := vm.asyncDunder(args[0], "__aiter__")
		if !found {
			return Val{}, newErr(TypeError, "'%s' object is not an async iterable", typeName(args[0]))
		}
		if err != nil {
			return Val{}, err
		}
		if !vm.hasAsyncMethod(r, "__anext__") {
			return Val{}, newErr(TypeError, "aiter() returned not an async iterator of type '%s'", typeName(r))
		}
		return r, nil
	})
	b["anext"] = builtinFn("anext", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("anext", args, 1, 2); err != nil {
			return Val{}, err
		}
		if !vm.hasAsyncMethod(args[0], "__anext__") {
			return Val{}, newErr(TypeError, "'%s' object is not an async iterator", typeName(args[0]))
		}
		aw, _, err := vm.asyncDunder(args[0], "__anext__")
		if err != nil || len(args) == 1 {
			return aw, err
		}
		return vm.call(vm.asyncHelper("_next_or"), []Val{aw, args[1]}, nil)
	})
}

//go:embed pylib/asyncio.py
var asyncioSource string

//go:embed pylib/asyncio_sync.py
var asyncioSyncSource string

// asyncioModule is asyncio, in Python (pylib/asyncio.py) over the
// coroutines above; its exceptions say CPython's module names.
func asyncioModule(vm *VM) *Module {
	m := vm.pyModule("asyncio", asyncioSource+"\n"+asyncioSyncSource, nil)
	m.attrs["TimeoutError"] = vm.bi["TimeoutError"] // the built-in one, since 3.11
	for name, home := range map[string]string{"CancelledError": "exceptions", "InvalidStateError": "exceptions",
		"QueueEmpty": "queues", "QueueFull": "queues", "QueueShutDown": "queues"} {
		if t, ok := m.attrs[name].O.(*ExcType); ok {
			t.module = "asyncio." + home
		}
	}
	return m
}
