package interp

import "strings"

// Where warnings.warn says a warning comes from. CPython's warn is written
// in C, so its stacklevel 1 is warn's caller and every Python frame above
// counts, those of library modules included: a library function's
// stacklevel=2 names the line that called it. minipy's warn and the
// library are Python code here, so the walk starts below warn's own
// frames and counts library frames as CPython counts its modules' (unlike
// sys._getframe and tracebacks, which leave them out).

// warningsFile is the code file name of pylib/warnings.py.
const warningsFile = pylibFile + "warnings>"

// warnCaller is warnings' _caller(stacklevel, skip_file_prefixes): the
// (filename, lineno, module) of the frame stacklevel frames up from
// warn's caller, or None when the stack is not that deep. Past the first,
// frames whose file starts with one of skip_file_prefixes do not count.
func warnCaller(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) != 2 || len(kwn) != 0 || args[0].T != tagInt {
		return Val{}, newErr(TypeError, "_caller(stacklevel, skip_file_prefixes)")
	}
	level := int64(args[0].B)
	var skip []string
	if t, ok := args[1].O.(*Tuple); ok && args[1].T == tagObject {
		for _, p := range t.items {
			if s, ok := p.O.(*Str); ok && p.T == tagObject {
				skip = append(skip, s.s)
			}
		}
	}
	d := vm.depth - 1
	for d >= 0 && (vm.frameAt(d).code == nil || vm.frameAt(d).code.filename == warningsFile) {
		d--
	}
	for ; level > 1 && d >= 0; level-- {
		for d--; d >= 0; d-- {
			co := vm.frameAt(d).code
			if co != nil && !hasAnyPrefix(co.filename, skip) {
				break
			}
		}
	}
	if d < 0 {
		return NoneVal, nil
	}
	f := vm.frameAt(d)
	return tupleOf([]Val{StrVal(f.code.filename), IntVal(int64(frameLine(f))), StrVal(vm.codeModuleName(f.code))}), nil
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// codeModuleName is the __name__ of the module whose code co is: a
// library module's, one of the program's imported modules', else
// "__main__".
func (vm *VM) codeModuleName(co *Code) string {
	if f := co.filename; strings.HasPrefix(f, pylibFile) {
		return strings.TrimSuffix(f[len(pylibFile):], ">")
	}
	if p := vm.progModuleOf(co.filename); p != nil {
		return p.name
	}
	return "__main__"
}
