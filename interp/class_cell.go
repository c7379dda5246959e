package interp

// A bare __class__ in a function defined in a class body (at any depth)
// names that class, as CPython's implicit __class__ cell does; zero-
// argument super() reads the same class. minipy keeps it in the
// function's cls: MAKE_FUNCTION sets it from the class statement's slot
// for a function the body defines (decorated or not), and a function
// nested in one takes its maker's.

// markClassCell marks the code of fc, a function compiled inside c: one
// defined in a class body takes the class from its slot, one nested in
// such a function from the function.
func (c *compiler) markClassCell(fc *compiler) {
	switch {
	case c.classNames != nil:
		fc.inMethod = true // MAKE_FUNCTION's E names the class's slot
	case c.inMethod:
		fc.code.inheritClass = true
		fc.inMethod = true
	}
}

// classCellOf is the class a function of code co, made in frame f, has
// as its __class__ (nil while unknown): the class in slot cls, or the
// maker's own.
func classCellOf(f *frame, co *Code, cls int32) *Class {
	if cls < 0 {
		if f.fn != nil {
			return f.fn.cls
		}
		return nil
	}
	switch c := f.get(cls).O.(type) {
	case *Class:
		return c
	case *ExcType:
		return c.cls
	}
	return nil
}

// loadClassCell is CLASS_CELL: the running function's __class__ into slot
// a, an exception class as its type.
func loadClassCell(f *frame, a int32) error {
	c := funcClass(f.fn)
	if c == nil {
		return nameErr("cannot access free variable '__class__' where it is not associated with a value in enclosing scope", "__class__")
	}
	if c.exc != nil {
		f.set(a, ObjVal(c.exc))
		return nil
	}
	f.set(a, ObjVal(c))
	return nil
}

// funcClass is fn's __class__ (nil: none): its class, or the one a
// metaclass made in that provisional class's place (a decorated method's
// function is not in the namespace the metaclass gets, so it keeps the
// provisional class).
func funcClass(fn *Function) *Class {
	if fn == nil {
		return nil
	}
	c := fn.cls
	for c != nil && c.final != nil {
		c = c.final
	}
	return c
}

// noteClassCell records that the function being compiled reads __class__
// or super, so its co_freevars lists __class__, as do the functions it is
// nested in up to the one the class body defines (CPython passes the
// cell down through them).
func (c *compiler) noteClassCell() {
	for k := c; k != nil && k.isFunc && k.inMethod; k = k.enclose {
		k.code.classFree = true
		if !k.code.inheritClass {
			break
		}
	}
}
