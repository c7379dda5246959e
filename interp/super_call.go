package interp

// super().m(args) in one instruction. SUPER makes a super object and
// CALL_METHOD then binds m through it (a bound method): two objects per
// call, for what is nearly always a plain function of the next class in
// the MRO called with self. CALL_SUPER finds that function and calls it
// with self and the arguments where they already are, as CALL_METHOD does
// for self.m(args); anything else (a descriptor, a static or class
// method, object's own __init__, super() of a class or an exception)
// makes the super object and takes CALL_METHOD's path.
//
// The compiler fuses only calls whose arguments are locals or constants
// (compile_expr.go, superCall): CPython looks the attribute up before it
// evaluates the arguments, and with nothing between that can run code or
// fail differently, no program can see that the order is reversed here.

// superMethod is the plain function super().name names for an instance
// of cls in a method of owner: the one the first class after owner in
// cls's MRO that has name itself holds. Nil when owner is not in that MRO
// or what the class holds is anything but a function.
func superMethod(cls, owner *Class, name string) *Function {
	after := false
	for _, k := range cls.mro {
		if after {
			if v, ok := k.own(name); ok {
				fn, _ := v.O.(*Function)
				return fn
			}
		} else {
			after = k == owner
		}
	}
	return nil
}

// superTarget is what the dispatch loop's CALL_SUPER calls directly: the
// function, when self (slot b of f) is an instance and the call passes
// exactly positional arguments the function binds without help.
func superTarget(f *frame, in *Instr) *Function {
	if f.fn == nil || f.fn.cls == nil || in.E >= 0 || f.regs[in.B].Tag != tagObject {
		return nil
	}
	inst, ok := f.objs[in.B].(*Instance)
	if !ok {
		return nil
	}
	fn := superMethod(inst.cls, funcClass(f.fn), f.code.names[in.D])
	if fn == nil || !directArity(fn, int(in.C)+1) {
		return nil
	}
	return fn
}

// opCallSuper is CALL_SUPER off the dispatch loop's direct path:
// keywords, defaults to fill, or not a plain function at all.
func (vm *VM) opCallSuper(f *frame, in *Instr) (err error) {
	if err := superCheck(f); err != nil {
		return err
	}
	self, err := f.load(in.B)
	if err != nil {
		return err
	}
	name := f.code.names[in.D]
	if inst, ok := self.O.(*Instance); ok && self.T == tagObject {
		if fn := superMethod(inst.cls, funcClass(f.fn), name); fn != nil {
			withSelf := vm.pushArgs(int(in.C) + 1)
			defer vm.popArgs(int(in.C) + 1)
			withSelf[0] = self
			for i := 1; i < len(withSelf); i++ {
				if withSelf[i], err = f.load(in.B + int32(i)); err != nil {
					return err
				}
			}
			var kwn []string
			if in.E >= 0 {
				kwn = f.code.kwnames[in.E]
			}
			v, err := vm.callFunction(fn, withSelf, kwn)
			if err != nil {
				return err
			}
			f.set(in.A, v)
			return nil
		}
	}
	return vm.callMethodObj(f, in, ObjVal(&SuperObj{cls: funcClass(f.fn), self: self}), name)
}

// superCheck is zero-argument super()'s error outside a method: CPython's
// words for a function without parameters and for one not defined in a
// class body.
func superCheck(f *frame) error {
	switch {
	case f.code.nparams == 0:
		return newErr(RuntimeError, "super(): no arguments")
	case f.fn == nil || f.fn.cls == nil:
		return newErr(RuntimeError, "super(): __class__ cell not found")
	}
	return nil
}

// classFunc is the plain function C.name is, for a class without a
// metaclass (whose descriptors or __getattribute__ could answer instead),
// when a call with n positional arguments binds them without help: what
// CALL_METHOD on a class then calls directly. __doc__ is each class's own.
func classFunc(c *Class, name string, n int) *Function {
	v, ok := c.lookup(name)
	if !ok {
		return nil
	}
	fn, ok := v.O.(*Function)
	if !ok || !directArity(fn, n) || name == "__doc__" {
		return nil
	}
	return fn
}
