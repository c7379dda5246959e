package interp

import "fmt"

// The attributes of a code object compile() returns: it is compiled when
// run, so what it can tell is where it came from and that it is a module,
// an expression or a single statement with no arguments or locals of its
// own (template engines and tracebacks read co_filename and co_name).

func (c *codeObj) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "co_filename":
		return StrVal(c.filename), true
	case "co_name", "co_qualname":
		return StrVal("<module>"), true
	case "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals":
		return IntVal(0), true
	case "co_varnames", "co_freevars", "co_cellvars":
		return tupleOf(nil), true
	case "co_firstlineno":
		return IntVal(1), true
	case "co_flags":
		return IntVal(0), true
	}
	return Val{}, false
}

func (*codeObj) has(string) bool { return false }

func (*codeObj) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	return Val{}, false, nil
}

func (c *codeObj) pyRepr(vm *VM) string {
	return fmt.Sprintf("<code object <module> at 0x7f0000000000, file \"%s\", line 1>", c.filename)
}
