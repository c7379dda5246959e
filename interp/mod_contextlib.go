package interp

// contextlib: contextmanager (a generator function made a context
// manager), suppress, nullcontext and closing, as classes written in Go;
// ExitStack, asynccontextmanager and the rest in pylib/contextlib_more.py.

import _ "embed"

func contextlibModule(vm *VM) *Module {
	m := newModule("contextlib")
	gcm, _ := vm.nativeClass("_GeneratorContextManager", nil, map[string]nativeFn{
		"__enter__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			gen, _ := args[0].O.(*Instance).get("gen")
			v, err := vm.callMethod(gen, "send", []Val{NoneVal}, nil)
			if isStop(err) {
				return Val{}, newErr(RuntimeError, "generator didn't yield")
			}
			return v, err
		},
		"__exit__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 4 {
				return Val{}, newErr(TypeError, "__exit__() takes 4 positional arguments but %d were given", len(args))
			}
			gen, _ := args[0].O.(*Instance).get("gen")
			typ, val := args[1], args[2]
			if typ.T == tagNone {
				_, err := vm.callMethod(gen, "send", []Val{NoneVal}, nil)
				if isStop(err) {
					return False, nil
				}
				if err != nil {
					return Val{}, err
				}
				return Val{}, newErr(RuntimeError, "generator didn't stop")
			}
			if val.T == tagNone {
				v, err := vm.call(typ, nil, nil)
				if err != nil {
					return Val{}, err
				}
				val = v
			}
			_, err := vm.callMethod(gen, "throw", []Val{val}, nil)
			if err == nil {
				return Val{}, newErr(RuntimeError, "generator didn't stop after throw()")
			}
			pe, ok := err.(*PyErr)
			if !ok {
				return Val{}, err
			}
			orig, _ := val.O.(*Exception)
			switch {
			case pe.exc == orig:
				return False, nil // the same exception: the with statement re-raises it
			case pe.exc.typ.isSub(StopIteration):
				// The generator finished: the exception is suppressed, unless
				// it was a StopIteration itself, turned into RuntimeError.
				if orig != nil && orig.typ.isSub(StopIteration) && pe.exc.cause == orig {
					return False, nil
				}
				return True, nil
			}
			return Val{}, err
		},
	})
	m.attrs["contextmanager"] = builtinFn("contextmanager", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "contextmanager() takes exactly one argument (%d given)", len(args))
		}
		fn := args[0]
		name := "helper"
		if v, err := vm.getAttr(fn, "__name__"); err == nil {
			if s, ok := v.O.(*Str); ok {
				name = s.s
			}
		}
		// method: bound like a Python function when a class holds it.
		return ObjVal(&Builtin{name: name, method: true, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			gen, err := vm.call(fn, args, kwn)
			if err != nil {
				return Val{}, err
			}
			inst := vm.newInstancePlain(gcm)
			inst.O.(*Instance).set("gen", gen)
			return inst, nil
		}}), nil
	})
	suppress, _ := vm.nativeClass("suppress", nil, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(kwn) > 0 {
				return Val{}, newErr(TypeError, "suppress() takes no keyword arguments")
			}
			args[0].O.(*Instance).set("_exceptions", ObjVal(&Tuple{items: append([]Val(nil), args[1:]...)}))
			return NoneVal, nil
		},
		"__enter__": func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil },
		"__exit__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) < 2 || args[1].T == tagNone {
				return False, nil
			}
			excs, _ := args[0].O.(*Instance).get("_exceptions")
			return vm.issubclass(args[1], excs)
		},
	})
	m.attrs["suppress"] = ObjVal(suppress)
	nullctx, _ := vm.nativeClass("nullcontext", nil, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := splitKw(args[1:], kwn)
			v := NoneVal
			if len(pos) > 0 {
				v = pos[0]
			}
			if e, ok := kw["enter_result"]; ok {
				v = e
			}
			args[0].O.(*Instance).set("enter_result", v)
			return NoneVal, nil
		},
		"__enter__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			v, _ := args[0].O.(*Instance).get("enter_result")
			return v, nil
		},
		"__exit__": func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil },
	})
	m.attrs["nullcontext"] = ObjVal(nullctx)
	// redirect_stdout(new_target) and redirect_stderr: sys.stdout (or
	// stderr) is new_target inside the with block; nested uses restore
	// in turn (each instance keeps a stack of the streams it replaced).
	for _, stream := range []string{"stdout", "stderr"} {
		stream := stream
		cls, _ := vm.nativeClass("redirect_"+stream, nil, map[string]nativeFn{
			"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
				if err := pyArity("_RedirectStream.__init__", []string{"new_target"}, args, kwn); err != nil {
					return Val{}, err
				}
				self := args[0].O.(*Instance)
				self.set("_new_target", args[1])
				self.set("_old_targets", ObjVal(newList(nil)))
				return NoneVal, nil
			},
			"__enter__": func(vm *VM, args []Val, kwn []string) (Val, error) {
				self := args[0].O.(*Instance)
				sys, err := vm.sysModule()
				if err != nil {
					return Val{}, err
				}
				old, err := vm.getAttr(sys, stream)
				if err != nil {
					return Val{}, err
				}
				olds, _ := self.get("_old_targets")
				olds.O.(*List).append(old)
				target, _ := self.get("_new_target")
				if err := vm.setAttr(sys, stream, target); err != nil {
					return Val{}, err
				}
				return target, nil
			},
			"__exit__": func(vm *VM, args []Val, kwn []string) (Val, error) {
				self := args[0].O.(*Instance)
				sys, err := vm.sysModule()
				if err != nil {
					return Val{}, err
				}
				olds, _ := self.get("_old_targets")
				l := olds.O.(*List)
				items := l.items()
				if len(items) == 0 {
					return NoneVal, nil
				}
				old := items[len(items)-1]
				l.setItems(items[:len(items)-1])
				return NoneVal, vm.setAttr(sys, stream, old)
			},
		})
		m.attrs["redirect_"+stream] = ObjVal(cls)
	}
	closing, _ := vm.nativeClass("closing", nil, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "closing.__init__() takes 2 positional arguments but %d were given", len(args))
			}
			args[0].O.(*Instance).set("thing", args[1])
			return NoneVal, nil
		},
		"__enter__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			v, _ := args[0].O.(*Instance).get("thing")
			return v, nil
		},
		"__exit__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			v, _ := args[0].O.(*Instance).get("thing")
			closeFn, err := vm.getAttr(v, "close")
			if err != nil {
				return Val{}, err
			}
			_, err = vm.call(closeFn, nil, nil)
			return NoneVal, err
		},
	})
	m.attrs["closing"] = ObjVal(closing)
	for k, v := range vm.pyModule("contextlib", contextlibMoreSource, nil).attrs {
		m.attrs[k] = v
	}
	return m
}

//go:embed pylib/contextlib_more.py
var contextlibMoreSource string

// isStop: err is a StopIteration.
func isStop(err error) bool {
	pe, ok := err.(*PyErr)
	return ok && pe.exc != nil && pe.exc.typ.isSub(StopIteration)
}
