package interp

import (
	"fmt"
	"strings"
)

// Built-in exception classes.
var (
	BaseException       = &ExcType{name: "BaseException"}
	Exception_          = &ExcType{name: "Exception", base: BaseException}
	ArithmeticError     = &ExcType{name: "ArithmeticError", base: Exception_}
	ZeroDivisionError   = &ExcType{name: "ZeroDivisionError", base: ArithmeticError}
	OverflowError       = &ExcType{name: "OverflowError", base: ArithmeticError}
	LookupError         = &ExcType{name: "LookupError", base: Exception_}
	IndexError          = &ExcType{name: "IndexError", base: LookupError}
	KeyError            = &ExcType{name: "KeyError", base: LookupError}
	TypeError           = &ExcType{name: "TypeError", base: Exception_}
	ValueError          = &ExcType{name: "ValueError", base: Exception_}
	NameError           = &ExcType{name: "NameError", base: Exception_}
	UnboundLocalError   = &ExcType{name: "UnboundLocalError", base: NameError}
	AttributeError      = &ExcType{name: "AttributeError", base: Exception_}
	AssertionError      = &ExcType{name: "AssertionError", base: Exception_}
	RuntimeError        = &ExcType{name: "RuntimeError", base: Exception_}
	RecursionError      = &ExcType{name: "RecursionError", base: RuntimeError}
	NotImplementedError = &ExcType{name: "NotImplementedError", base: RuntimeError}
	StopIteration       = &ExcType{name: "StopIteration", base: Exception_}
	ImportError         = &ExcType{name: "ImportError", base: Exception_}
	ModuleNotFoundError = &ExcType{name: "ModuleNotFoundError", base: ImportError}
	KeyboardInterrupt   = &ExcType{name: "KeyboardInterrupt", base: BaseException}
	SystemExit          = &ExcType{name: "SystemExit", base: BaseException}
	UnicodeError        = &ExcType{name: "UnicodeError", base: ValueError}
	MemoryError         = &ExcType{name: "MemoryError", base: Exception_}
)

var excTypes = []*ExcType{BaseException, Exception_, ArithmeticError, ZeroDivisionError, OverflowError,
	LookupError, IndexError, KeyError, TypeError, ValueError, NameError, UnboundLocalError, AttributeError,
	AssertionError, RuntimeError, RecursionError, NotImplementedError, StopIteration, ImportError,
	ModuleNotFoundError, KeyboardInterrupt, SystemExit, UnicodeError, MemoryError, GeneratorExit}

func (t *ExcType) isSub(of *ExcType) bool {
	for x := t; x != nil; x = x.base {
		if x == of || x.base2 != nil && x.base2.isSub(of) {
			return true
		}
	}
	return false
}

// tbEntry is one traceback line: a frame and the line it was executing.
type tbEntry struct {
	file, fn string
	line     int
	src      string
	caret    *caretInfo // where to underline src, if known
	// code, pc, and the frame with its depth: a traceback object's
	// tb_frame, tb_lasti (traceback_obj.go).
	code  *Code
	pc    int
	f     *frame
	depth int
	exit  *frameExit // the frame's line once it returned
}

// PyErr is a Python exception travelling up the Go call chain.
type PyErr struct {
	exc *Exception
	tb  []tbEntry // innermost first
	// tbDepth is the call depth of the last frame that added to tb.
	tbDepth int
	// reraised marks what except* raises when its clauses are done: as
	// CPython's RERAISE, the frame raising it adds no traceback entry and
	// no __context__.
	reraised bool
	// catcher is the frameExit of the first frame that caught this
	// error, kept here to save an allocation per caught exception (the
	// fields are ordered to keep PyErr at 48 bytes).
	catcherUsed bool
	catcher     frameExit
}

func (e *PyErr) Error() string {
	return e.exc.typ.qualName() + ": " + excStr(nil, e.exc)
}

// hintSep starts, in a message given to newErr, the part only a printed
// traceback shows (Exception.hint).
const hintSep = "\x00"

func newErr(t *ExcType, format string, args ...any) *PyErr {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	msg, hint, _ := strings.Cut(msg, hintSep)
	return &PyErr{exc: &Exception{typ: t, args: []Val{StrVal(msg)}, hint: hint}}
}

// addNote is BaseException.add_note: note is appended to __notes__,
// which a printed traceback shows after the message (PEP 678).
func (e *Exception) addNote(note Val) {
	if v, ok := e.attrs.get("__notes__"); ok {
		if l, ok := v.O.(*List); ok {
			l.setItems(append(l.items(), note))
			return
		}
	}
	e.attrs.set("__notes__", ObjVal(newList([]Val{note})))
}

func newErrVal(t *ExcType, args ...Val) *PyErr {
	return &PyErr{exc: &Exception{typ: t, args: args}}
}

func zeroDiv() *PyErr { return newErr(ZeroDivisionError, "division by zero") }

func binopTypeErr(op string, a, b Val) *PyErr {
	return newErr(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op, shownTypeName(a), shownTypeName(b))
}

// shownTypeName is typeName for messages: collections' flagged dicts
// are named there as CPython's type names them (OrderedDict and
// defaultdict are C types named with their module); typeName, which
// also picks method tables, keeps them "dict".
func shownTypeName(v Val) string {
	if d, ok := v.O.(*Dict); ok && v.T == tagObject {
		switch row := dictKindRow(d); row {
		case "collections.Counter":
			return "Counter" // a Python class in CPython: no module in its name
		case "":
		default:
			return row
		}
	}
	return typeName(v)
}

// importErr is an ImportError (or ModuleNotFoundError) with the
// attributes CPython's import sets: name (the module), path (its file,
// "" for None) and, for `from m import x`, name_from (3.12+).
func importErr(t *ExcType, module, path, nameFrom, format string, args ...any) *PyErr {
	pe := newErr(t, format, args...)
	pe.exc.attrs.set("name", StrVal(module))
	if path != "" {
		pe.exc.attrs.set("path", StrVal(path))
	}
	if nameFrom != "" {
		pe.exc.attrs.set("name_from", StrVal(nameFrom))
	}
	return pe
}
