package interp

import (
	"fmt"
	"strings"
)

// Exception groups (PEP 654): BaseExceptionGroup and ExceptionGroup,
// their split/subgroup/derive, except* (the parser rewrites it into an
// ordinary except over the built-ins of starBuiltins), and the nested
// traceback CPython prints for an uncaught group.

// isGroupType reports whether t is BaseExceptionGroup or derives from it.
func isGroupType(t *ExcType) bool { return t.isSub(BaseExceptionGroup) }

// newExcGroup is BaseExceptionGroup.__new__(cls, message, exceptions).
func (vm *VM) newExcGroup(t *ExcType, args []Val, kwn []string, hasInit bool) (*Exception, error) {
	if len(kwn) > 0 {
		return nil, newErr(TypeError, "%s() takes no keyword arguments", t.name)
	}
	if len(args) != 2 && !(hasInit && len(args) > 2) {
		return nil, newErr(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	if !args[0].isStr() {
		return nil, newErr(TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", typeName(args[0]))
	}
	var items []Val
	switch x := args[1].O.(type) {
	case *List:
		items = x.items()
	case *Tuple:
		items = x.items
	default:
		ok := args[1].isStr()
		if inst, isInst := x.(*Instance); isInst && args[1].T == tagObject {
			_, ok = inst.cls.lookup("__getitem__")
		}
		if !ok {
			return nil, newErr(TypeError, "second argument (exceptions) must be a sequence")
		}
		var err error
		if items, err = vm.iterate(args[1]); err != nil {
			return nil, err
		}
	}
	if len(items) == 0 {
		return nil, newErr(ValueError, "second argument (exceptions) must be a non-empty sequence")
	}
	group := make([]*Exception, len(items))
	nestsBase := false
	for i, it := range items {
		e, ok := it.O.(*Exception)
		if !ok || it.T != tagObject {
			return nil, newErr(ValueError, "Item %d of second argument (exceptions) is not an exception", i)
		}
		group[i] = e
		nestsBase = nestsBase || !e.typ.isSub(Exception_)
	}
	switch {
	case t == BaseExceptionGroup:
		if !nestsBase {
			t = ExceptionGroup
		}
	case t == ExceptionGroup:
		if nestsBase {
			return nil, newErr(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
		}
	case nestsBase && t.isSub(Exception_):
		return nil, newErr(TypeError, "Cannot nest BaseExceptions in '%s'", t.name)
	}
	return &Exception{typ: t, args: []Val{args[0], args[1]}, group: group}, nil
}

// groupStr is BaseExceptionGroup.__str__.
func groupStr(vm *VM, e *Exception) string {
	n := len(e.group)
	return fmt.Sprintf("%s (%d sub-exception%s)", vm.strOf(e.args[0]), n, plural(n))
}

// groupAttr reads message, exceptions and the methods of a group.
func (vm *VM) groupAttr(e *Exception, self Val, name string) (Val, bool) {
	switch name {
	case "message":
		return e.args[0], true
	case "exceptions":
		items := make([]Val, len(e.group))
		for i, x := range e.group {
			items[i] = ObjVal(x)
		}
		return tupleOf(items), true
	case "split", "subgroup":
		return ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := nargs(name, args, 1, 1); err != nil {
				return Val{}, err
			}
			m, err := vm.groupMatcher(args[0])
			if err != nil {
				return Val{}, err
			}
			match, rest, err := vm.splitGroup(e, m, name == "split")
			if err != nil {
				return Val{}, err
			}
			if name == "subgroup" {
				return excOrNone(match), nil
			}
			return tupleOf([]Val{excOrNone(match), excOrNone(rest)}), nil
		}}), true
	case "derive":
		return ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := nargs(name, args, 1, 1); err != nil {
				return Val{}, err
			}
			g, err := vm.newExcGroup(BaseExceptionGroup, []Val{e.args[0], args[0]}, nil, false)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(g), nil
		}}), true
	}
	return Val{}, false
}

func excOrNone(e *Exception) Val {
	if e == nil {
		return NoneVal
	}
	return ObjVal(e)
}

// groupMatcher turns split's argument (an exception type, a tuple of
// them, or a predicate) into a test.
func (vm *VM) groupMatcher(cond Val) (func(*Exception) (bool, error), error) {
	isType := func(v Val) bool { _, ok := v.O.(*ExcType); return ok && v.T == tagObject }
	if isType(cond) {
		return func(e *Exception) (bool, error) { return excMatches(e, cond) }, nil
	}
	if t, ok := cond.O.(*Tuple); ok && cond.T == tagObject {
		for _, it := range t.items {
			if !isType(it) {
				return nil, newErr(TypeError, "expected a function, exception type or tuple of exception types")
			}
		}
		return func(e *Exception) (bool, error) { return excMatches(e, cond) }, nil
	}
	switch cond.O.(type) {
	case *Function, *Builtin, *BoundMethod, *Method:
		return func(e *Exception) (bool, error) {
			r, err := vm.call(cond, []Val{ObjVal(e)}, nil)
			return err == nil && truthy(r), err
		}, nil
	}
	return nil, newErr(TypeError, "expected a function, exception type or tuple of exception types")
}

// splitGroup is BaseExceptionGroup.split: the parts of e that match and
// (with rest) the others, each a group derived from e keeping its
// nesting, or nil when empty.
func (vm *VM) splitGroup(e *Exception, match func(*Exception) (bool, error), rest bool) (m, r *Exception, err error) {
	ok, err := match(e)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return e, nil, nil
	}
	if e.group == nil {
		return nil, e, nil
	}
	var ms, rs []*Exception
	for _, x := range e.group {
		xm, xr, err := vm.splitGroup(x, match, rest)
		if err != nil {
			return nil, nil, err
		}
		if xm != nil {
			ms = append(ms, xm)
		}
		if xr != nil && rest {
			rs = append(rs, xr)
		}
	}
	if m, err = vm.deriveGroup(e, ms); err != nil {
		return nil, nil, err
	}
	if rest {
		if r, err = vm.deriveGroup(e, rs); err != nil {
			return nil, nil, err
		}
	}
	return m, r, nil
}

// deriveGroup calls e.derive(excs) and copies e's traceback, cause,
// context and notes to the result; nil for no exceptions.
func (vm *VM) deriveGroup(e *Exception, excs []*Exception) (*Exception, error) {
	if len(excs) == 0 {
		return nil, nil
	}
	items := make([]Val, len(excs))
	for i, x := range excs {
		items[i] = ObjVal(x)
	}
	var d Val
	var err error
	if fn, ok := e.typ.lookup("derive"); ok {
		d, err = vm.call(fn, []Val{ObjVal(e), ObjVal(newList(items))}, nil)
	} else {
		var g *Exception
		g, err = vm.newExcGroup(BaseExceptionGroup, []Val{e.args[0], ObjVal(newList(items))}, nil, false)
		d = ObjVal(g)
	}
	if err != nil {
		return nil, err
	}
	g, ok := d.O.(*Exception)
	if !ok || g.group == nil {
		return nil, newErr(TypeError, "derive must return an instance of BaseExceptionGroup")
	}
	g.cause, g.context, g.suppressContext = e.cause, e.context, e.suppressContext
	if notes, ok := e.attrs.get("__notes__"); ok {
		g.attrs.set("__notes__", notes)
	}
	if e.err != nil {
		g.err = &PyErr{exc: g, tb: append([]tbEntry(nil), e.err.tb...), tbDepth: e.err.tbDepth}
	}
	return g, nil
}

// starState is what an except* statement keeps while its clauses run.
type starState struct {
	orig    *Exception // what the try raised
	rest    *Exception // the part no clause has matched yet
	matched *Exception // the current clause's part
	raised  []*Exception
	reraise []*Exception
}

func (*starState) typeName() string { return "except*" }

// starBuiltins are the steps of except* (see tryStmt's lowering).
func (vm *VM) starBuiltins(b map[string]Val) {
	b[".BaseException"] = ObjVal(BaseException)
	b[".star_begin"] = ObjVal(&Builtin{name: "star_begin", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		e := a[0].O.(*Exception)
		return ObjVal(&starState{orig: e, rest: e}), nil
	}})
	b[".star_match"] = ObjVal(&Builtin{name: "star_match", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		st := a[0].O.(*starState)
		return vm.starMatch(st, a[1])
	}})
	b[".star_get"] = ObjVal(&Builtin{name: "star_get", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		return ObjVal(a[0].O.(*starState).matched), nil
	}})
	b[".star_raised"] = ObjVal(&Builtin{name: "star_raised", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		st := a[0].O.(*starState)
		x := a[1].O.(*Exception)
		if x == st.orig || x == st.matched {
			// A bare raise (which, rewritten, re-raises the whole) or
			// raise e: the clause's part goes back into the group.
			st.reraise = append(st.reraise, st.matched)
		} else {
			if x.context == st.orig {
				x.context = st.matched
			}
			st.raised = append(st.raised, x)
		}
		return NoneVal, nil
	}})
	b[".star_end"] = ObjVal(&Builtin{name: "star_end", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		return NoneVal, vm.starEnd(a[0].O.(*starState))
	}})
}

// starMatch runs one except* clause's test: the part of what is left
// that matches typ becomes the clause's exception.
func (vm *VM) starMatch(st *starState, typ Val) (Val, error) {
	check := func(t Val) error {
		x, ok := t.O.(*ExcType)
		if !ok || t.T != tagObject {
			return newErr(TypeError, "catching classes that do not inherit from BaseException is not allowed")
		}
		if isGroupType(x) {
			return newErr(TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
		return nil
	}
	if tu, ok := typ.O.(*Tuple); ok && typ.T == tagObject {
		for _, it := range tu.items {
			if err := check(it); err != nil {
				return Val{}, err
			}
		}
	} else if err := check(typ); err != nil {
		return Val{}, err
	}
	st.matched = nil
	if st.rest == nil {
		return False, nil
	}
	if st.rest.group == nil {
		// A naked exception: matched, it is wrapped in a group.
		ok, err := excMatches(st.rest, typ)
		if err != nil || !ok {
			return False, err
		}
		st.matched = &Exception{typ: ExceptionGroup, args: []Val{StrVal(""), tupleOf([]Val{ObjVal(st.rest)})}, group: []*Exception{st.rest}}
		if !st.rest.typ.isSub(Exception_) {
			st.matched.typ = BaseExceptionGroup
		}
		st.rest = nil
		return True, nil
	}
	m, r, err := vm.splitGroup(st.rest, func(e *Exception) (bool, error) { return excMatches(e, typ) }, true)
	if err != nil {
		return Val{}, err
	}
	st.rest = r
	if m == nil {
		return False, nil
	}
	st.matched = m
	return True, nil
}

// starEnd raises what is left after the clauses, as CPython's
// _PyExc_PrepReraiseStar combines it: the exceptions the clauses raised,
// and the re-raised and unmatched parts of the original group in its
// shape.
func (vm *VM) starEnd(st *starState) error {
	keep := append([]*Exception(nil), st.reraise...)
	if st.rest != nil {
		if st.rest == st.orig && st.orig.group == nil {
			return vm.raise(ObjVal(st.orig)) // a naked exception no clause matched
		}
		keep = append(keep, st.rest)
	}
	var kept *Exception
	if len(keep) > 0 {
		if st.orig.group == nil {
			kept = keep[0]
		} else {
			leaves := map[*Exception]bool{}
			for _, k := range keep {
				groupLeaves(k, leaves)
			}
			var err error
			kept, _, err = vm.splitGroup(st.orig, func(e *Exception) (bool, error) { return leaves[e], nil }, false)
			if err != nil {
				return err
			}
		}
	}
	var result *Exception
	switch {
	case st.orig.group == nil && len(st.raised) > 0:
		// A naked exception went to one clause at most: what it raised.
		result = st.raised[0]
	case len(st.raised) > 0:
		items := make([]Val, 0, len(st.raised)+1)
		group := append([]*Exception(nil), st.raised...)
		if kept != nil {
			group = append(group, kept)
		}
		for _, x := range group {
			items = append(items, ObjVal(x))
		}
		result = &Exception{typ: ExceptionGroup, args: []Val{StrVal(""), ObjVal(newList(items))}, group: group}
		for _, x := range group {
			if !x.typ.isSub(Exception_) {
				result.typ = BaseExceptionGroup
			}
		}
	case kept != nil:
		result = kept
	default:
		return nil
	}
	pe := result.err
	if pe == nil {
		pe = &PyErr{exc: result}
		result.err = pe
	}
	pe.reraised = true
	return pe
}

func groupLeaves(e *Exception, out map[*Exception]bool) {
	if e.group == nil {
		out[e] = true
		return
	}
	for _, x := range e.group {
		groupLeaves(x, out)
	}
}

// ---- printing ----

// excPrinter writes an exception as CPython's traceback printer does,
// indenting the parts of exception groups under their margins.
type excPrinter struct {
	b         *strings.Builder
	vm        *VM
	seen      map[*Exception]bool
	depth     int
	needClose bool
	// limited and limit are traceback.format_exception's limit= (a
	// positive limit keeps the outermost entries, a negative one the
	// innermost); noChain is its chain=False.
	limited bool
	limit   int
	noChain bool
}

// limitTB keeps the entries of tb (innermost first) that p's limit shows.
func (p *excPrinter) limitTB(tb []tbEntry) []tbEntry {
	if !p.limited {
		return tb
	}
	n := len(tb)
	if p.limit >= 0 {
		keep := min(p.limit, n)
		return tb[n-keep:]
	}
	keep := min(-p.limit, n)
	return tb[:keep]
}

// maxGroupWidth and maxGroupDepth are CPython's limits on what a group's
// traceback shows.
const (
	maxGroupWidth = 15
	maxGroupDepth = 10
)

func (p *excPrinter) emit(text string, margin string) {
	if p.depth == 0 {
		p.b.WriteString(text)
		return
	}
	ind := strings.Repeat(" ", 2*p.depth) + margin + " "
	for _, line := range strings.SplitAfter(text, "\n") {
		if line != "" {
			p.b.WriteString(ind + line)
		}
	}
}

func (p *excPrinter) indent() string { return strings.Repeat(" ", 2*p.depth) }

// write writes exc's cause or context first, then exc with its traceback
// tb (innermost first).
func (p *excPrinter) write(exc *Exception, tb []tbEntry) {
	p.seen[exc] = true
	tbOf := func(x *Exception) []tbEntry {
		if x.err != nil {
			return x.err.tb
		}
		return nil
	}
	switch {
	case p.noChain:
	case exc.cause != nil && !p.seen[exc.cause]:
		p.write(exc.cause, tbOf(exc.cause))
		p.emit("\nThe above exception was the direct cause of the following exception:\n\n", "|")
	case exc.context != nil && !exc.suppressContext && !p.seen[exc.context]:
		p.write(exc.context, tbOf(exc.context))
		p.emit("\nDuring handling of the above exception, another exception occurred:\n\n", "|")
	}
	if exc.group != nil && p.depth > maxGroupDepth {
		p.emit(fmt.Sprintf("... (max_group_depth is %d)\n", maxGroupDepth), "|")
		return
	}
	top := exc.group != nil && p.depth == 0
	if top {
		p.depth++
	}
	tb = p.limitTB(tb)
	if len(tb) > 0 {
		var fb strings.Builder
		writeFrames(&fb, tb)
		text := fb.String()
		if exc.group != nil {
			text = "Exception Group " + text
		}
		first, rest, _ := strings.Cut(text, "\n")
		margin := "|"
		if top {
			margin = "+"
		}
		p.emit(first+"\n", margin)
		p.emit(rest, "|")
	}
	msg := excStr(p.vm, exc) + exc.hint
	if where, m, ok := syntaxErrWhere(p.vm, exc); ok {
		p.emit(where, "|")
		msg = m
	}
	if msg == "" {
		p.emit(exc.typ.qualName()+"\n", "|")
	} else {
		p.emit(exc.typ.qualName()+": "+msg+"\n", "|")
	}
	if v, ok := exc.attrs.get("__notes__"); ok {
		// PEP 678: the notes, after the message.
		if l, ok := v.O.(*List); ok {
			for _, n := range l.items() {
				p.emit(p.vm.strOf(n)+"\n", "|")
			}
		}
	}
	if exc.group == nil {
		return
	}
	n := min(len(exc.group), maxGroupWidth+1)
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			p.needClose = true
		}
		truncated := i >= maxGroupWidth
		title := fmt.Sprint(i + 1)
		if truncated {
			title = "..."
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		p.b.WriteString(p.indent() + lead + "+---------------- " + title + " ----------------\n")
		p.depth++
		if !truncated {
			x := exc.group[i]
			p.write(x, tbOf(x))
		} else {
			more := len(exc.group) - maxGroupWidth
			p.emit(fmt.Sprintf("and %d more exception%s\n", more, plural(more)), "|")
		}
		if last && p.needClose {
			p.b.WriteString(p.indent() + "+------------------------------------\n")
			p.needClose = false
		}
		p.depth--
	}
	if top {
		p.depth = 0
	}
}
