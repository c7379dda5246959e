package interp

import (
	"fmt"
	"strings"
)

// Traceback objects: an exception's __traceback__, sys.exc_info()[2] and
// what traceback.extract_tb walks. minipy collects a raise's traceback as
// the PyErr's entries, innermost first; the objects are made from them
// when asked for, once each, so tb_next chains and `is` hold as in
// CPython, and an exception raised again further up gets new outer
// entries linked in front of the old ones.

// tracebackObj is one entry of a traceback: a frame and the line it was
// at; next is the entry of the frame it called (tb_next).
type tracebackObj struct {
	entry tbEntry
	next  *tracebackObj
	// caller is the entry of the frame that called this one, when the
	// traceback reaches it (tb_frame.f_back).
	caller *tracebackObj
}

func (*tracebackObj) typeName() string { return "traceback" }

// traceback is e.__traceback__: nil for an exception not (yet) raised.
func (e *Exception) traceback() *tracebackObj {
	if e.err == nil || len(e.err.tb) == 0 {
		return nil
	}
	tb := e.err.tb
	if e.tbFrom != e.err || len(e.tbObjs) > len(tb) {
		e.tbObjs, e.tbFrom = nil, e.err
	}
	for k := len(e.tbObjs); k < len(tb); k++ {
		t := &tracebackObj{entry: tb[k]}
		if k > 0 {
			t.next = e.tbObjs[k-1]
			if t.next.caller == nil {
				t.next.caller = t
			}
		}
		e.tbObjs = append(e.tbObjs, t)
	}
	return e.tbObjs[len(tb)-1]
}

// tracebackVal is e.__traceback__ as a value: None when there is none.
func (e *Exception) tracebackVal() Val {
	if t := e.traceback(); t != nil {
		return ObjVal(t)
	}
	return NoneVal
}

// setTraceback is e.with_traceback(tb) and `e.__traceback__ = tb`: the
// entries of tb and those it links to become e's traceback, to which a
// raise adds the raising frames in front.
func (e *Exception) setTraceback(v Val) error {
	t, ok := v.O.(*tracebackObj)
	if !ok && v.T != tagNone {
		return newErr(TypeError, "__traceback__ must be a traceback or None")
	}
	var entries, objs []*tracebackObj
	for x := t; x != nil && len(entries) < 1<<20; x = x.next {
		entries = append(entries, x)
	}
	pe := &PyErr{exc: e, tbDepth: -1}
	// Innermost first, as a PyErr keeps them.
	for i := len(entries) - 1; i >= 0; i-- {
		pe.tb = append(pe.tb, entries[i].entry)
		objs = append(objs, entries[i])
	}
	e.err, e.tbFrom, e.tbObjs = pe, pe, objs
	return nil
}

func (t *tracebackObj) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "tb_lineno":
		return IntVal(int64(t.entry.line)), true
	case "tb_lasti":
		return IntVal(int64(t.entry.pc * 2)), true
	case "tb_next":
		if t.next != nil {
			return ObjVal(t.next), true
		}
		return NoneVal, true
	case "tb_frame":
		return ObjVal(t.frame()), true
	}
	return Val{}, false
}

// frame is tb_frame: the entry's frame, whose f_back is the frame that
// called it as far as the traceback goes. While the frame still runs its
// f_lineno is live.
func (t *tracebackObj) frame() *frameObj {
	var stack []frameInfo
	for x := t; x != nil && x.entry.code != nil; x = x.caller {
		e := x.entry
		stack = append(stack, frameInfo{code: e.code, line: e.line, f: e.f, depth: e.depth, exit: e.exit})
	}
	if len(stack) == 0 {
		// An entry without code (none is made so today): a frame of
		// its own that says where it was.
		stack = append(stack, frameInfo{code: &Code{name: t.entry.fn, filename: t.entry.file}, line: t.entry.line, depth: 1 << 30})
	}
	return &frameObj{stack: stack}
}

func (*tracebackObj) has(string) bool { return false }

func (*tracebackObj) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	return Val{}, false, nil
}

func (t *tracebackObj) pyRepr(vm *VM) string {
	return fmt.Sprintf("<traceback object at %#x>", 0x7f0000000000)
}

// tracebackEntries is traceback's _tb_entries(tb): for tb and the entries
// after it, outermost first, (filename, lineno, name, line, carets,
// colno, end_colno), what FrameSummary keeps; carets is the caret line a
// printed traceback shows under the line ("" for none), the columns are
// UTF-8 offsets into the line, or None.
func tracebackEntries(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) != 1 || len(kwn) > 0 {
		return Val{}, newErr(TypeError, "_tb_entries() takes exactly one argument")
	}
	t, ok := args[0].O.(*tracebackObj)
	if !ok {
		if args[0].T == tagNone {
			return ObjVal(newList(nil)), nil
		}
		return Val{}, newErr(AttributeError, "'%s' object has no attribute 'tb_frame'", typeName(args[0]))
	}
	var out []Val
	for ; t != nil; t = t.next {
		e := &t.entry
		col, endCol := NoneVal, NoneVal
		if e.caret != nil {
			runes := []rune(e.src)
			if int(e.caret.end) <= len(runes) && e.caret.start >= 0 {
				col = IntVal(int64(len(string(runes[:e.caret.start]))))
				endCol = IntVal(int64(len(string(runes[:e.caret.end]))))
			}
		}
		out = append(out, tupleOf([]Val{StrVal(e.file), IntVal(int64(e.line)), StrVal(e.fn),
			StrVal(strings.TrimSpace(e.src)), StrVal(e.carets()), col, endCol}))
	}
	return ObjVal(newList(out)), nil
}
