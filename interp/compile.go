package interp

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/copypatch/copypatch/templates"
)

// isTemp reports whether slot s is a temporary (past the locals and the
// constants), which nothing reads after the instruction that consumes it.
func (co *Code) isTemp(s int32) bool { return int(s) >= co.nlocals+len(co.consts) }

// Code is a compiled function or module body.
type Code struct {
	// inheritClass marks a function nested in one a class body defines,
	// which shares its __class__ (class_cell.go).
	inheritClass bool
	// classFree: it (or a function nested in it) reads __class__ or
	// super, so co_freevars lists __class__ (class_cell.go).
	classFree   bool
	name        string
	qualname    string // Class.method for methods
	doc         Val    // the docstring (None when there is none)
	isGenerator bool   // the body yields: calling it makes a generator
	// nsTop marks the top level of code exec runs over namespace dicts:
	// its locals are the dicts' names, so one it deleted is a name not
	// defined (NameError), not an unbound local.
	nsTop bool
	// nsSelf marks such a top level whose globals dict is its locals too.
	nsSelf bool
	// nsGlobals is the globals dict of code exec ran over a dict of its
	// own (and of the functions it defines): a global read that finds
	// its slot empty looks the name up there (globalMiss).
	nsGlobals *Dict
	// firstLine is the line of the def (co_firstlineno), 0 for module code.
	firstLine int32
	// discards are the pcs, ascending, of the calls whose value an
	// expression statement drops (coro_unawaited.go).
	discards []int32
	// genKind is what calling a generator function makes: a generator,
	// a coroutine (async def) or an async generator (coro.go).
	genKind    uint8
	filename   string
	instrs     []Instr
	partner    []int32 // per local: the private local that moves join it to, or -1 (fresh.go); nil for none
	privDie    []int32 // private locals a producer stores into: their marked lists die at return (fresh.go)
	lines      []int32
	tempsInUse []int32             // per instruction: temporaries allocated when emitted (the ones above are dead there)
	carets     map[int32]caretInfo // per instruction, for tracebacks (carets.go)
	loops      []*loopTrace        // tier 2: per back-edge pc (jit.go), made when one gets hot
	nslots     int
	nlocals    int
	nparams    int
	varargs    bool  // some parameter collects extra positional arguments
	npos       int   // parameters that positional arguments fill
	varargSlot int   // slot of *args, or -1
	varkwSlot  int   // slot of **kwargs, or -1
	kwonly     []int // slots of keyword-only parameters
	nposonly   int   // the first nposonly parameters are positional-only
	defIdx     []int // per parameter slot: index into the defaults, or -1
	simple     bool  // only plain positional parameters: the fast call path applies
	// plainCall is nparams+1 for a simple function that is no
	// generator, 0 otherwise: a call with exactly nparams positional
	// arguments takes callDirect's own path (call_plain.go), one compare.
	plainCall  int32
	localNames []string
	// anns are the parameter and return annotations, as source text
	// (name, text; "return" last), evaluated when __annotations__ is
	// first read (PEP 649); annText keeps them text (PEP 563).
	anns     [][2]string
	annText  bool
	annotate bool    // a compiler-made __annotate__ (annotate.go): anns are its annotations
	useOrder []int32 // local slots in the order the compiler first used them (locals(): eval.go)
	consts   []Val   // initial values of slots nlocals .. nlocals+len(consts)
	// start is what a call's frame starts with in its slots below
	// nlocals+len(consts): locals unbound, then the constants' tag and
	// bits, copied in one go; constObjs are the constants that are
	// objects, the only ones whose Go half a frame needs (setStart).
	start     []templates.Value
	constObjs []constObj
	names     []string
	kwnames   [][]string
	funcs     []*Code
	freeFrom  []int32 // for nested functions: enclosing slots captured at definition
	freeTo    []int32 // and the local slots they are copied into
	// nsFree are the captured slots holding a name of exec's (or a
	// program module's) top level: a global to the program, whose
	// empty cell reads as the builtin, else "name 'x' is not defined".
	nsFree   []int32
	excTable []excEntry
	// handling lists the code of except and finally blocks with the slot of
	// the exception they handle: an exception raised there gets that one as
	// its __context__, and a bare raise there re-raises it.
	handling []excEntry
	counters []uint32                    // back-edge counters, indexed by the JUMP_BACK's pc
	ftrace   *loopTrace                  // tier 2: the function's own trace, on the main thread (functrace.go)
	selfRec  int8                        // 1: calls itself by its global name (a function trace may pay), -1: not, 0: not known yet
	tix      atomic.Int32                // index of the counters of threads other than the main one (threads.go), 0 until one asks
	caches   []atomic.Pointer[siteCache] // inline caches, by pc (inline_cache.go)
	isModule bool
	mod      *moduleState
	// genFn is the function every generator of a generator expression
	// refers to (for its code and module): its captured values go
	// straight into each generator's frame (genExpr), so one serves all.
	genFn atomic.Pointer[Function]
}

type excEntry struct {
	start, end, handler int32
	excSlot             int32
}

// moduleState holds a module's globals: slots by index, names by index.
type moduleState struct {
	filename string
	lines    []string
	spans    map[Expr]span    // while compiling: where each expression is
	runes    map[int32][]rune // while compiling: source lines carets were found on, decoded once
	globals  []Val
	boxes    []atomic.Pointer[Val] // the globals once threads run (objlock.go)
	gnames   []string
	gindex   map[string]int
	live     *Dict // globals(), once asked for (globals_live.go)
	// genDefs are the names the module's top-level generator functions
	// are defined under (gen_fresh.go).
	genDefs map[string]bool
	// watched marks the globals whose stores bump assumeGen: those
	// traces check or keep in slots (trace_checks.go).
	watched []bool
	// nsShadowed are the builtin names whose nsGlobalPrefix slots stay
	// empty, so that code exec ran over a dict reads them from that dict
	// or its own __builtins__ (exec_globals.go).
	nsShadowed sync.Map
}

func (m *moduleState) global(name string) int {
	if i, ok := m.gindex[name]; ok {
		return i
	}
	i := len(m.gnames)
	m.gnames = append(m.gnames, name)
	m.gindex[name] = i
	m.globals = append(m.globals, Val{})
	return i
}

const (
	constBase = 1 << 24
	tempBase  = 1 << 25
)

type loopCtx struct {
	breaks    []int
	continues []int
	cont      int // -1: patch continues later
	finals    int // len(compiler.finals) when the loop began
}

type compiler struct {
	freshSrc bool // the next store's source is a fresh temporary list (freshMark)
	// pendingCaret is the expression the next instruction evaluates;
	// stmtCall is the call that is all of the statement being compiled, in
	// `x = f(...)` and `return name(...)` (see carets.go).
	pendingCaret, stmtCall Expr

	mod          *moduleState
	code         *Code
	isFunc       bool
	inMethod     bool // a function defined, at any depth, in a class body: it has __class__
	asyncFn      bool // compiling an async def's body: await is allowed
	asyncNext    bool // the next compileFunc compiles an async def
	locals       map[string]int
	globals      map[string]bool
	enclose      *compiler // enclosing function scope, for captured names
	overlay      []map[string]int
	consts       map[constKey]int
	unitConsts   map[string]Val // the outermost compiler's: immutable constants by constValKey, for every code it compiles
	temps        int
	maxTmp       int
	loops        []*loopCtx
	line         int
	captured     map[string]int  // free name -> local slot in this function
	used         map[int]bool    // local slots looked up so far (Code.useOrder)
	finals       [][]Stmt        // enclosing finally blocks, innermost last
	handled      []int           // exception slots of the enclosing except blocks, innermost last
	cells        map[string]bool // names whose slot holds a cell shared with nested functions
	compCaptured map[string]bool // names nested functions of the comprehension being compiled use
	ovCells      map[int]bool    // comprehension variables' slots that hold cells (lambdas in the comprehension share them)
	depth        int             // expression nesting, bounded so the Go stack stays small

	// compSized is 1 + the iterator slot of a list comprehension with one
	// `for` and no `if`, whose LIST_APPEND sizes the list from it (0: none),
	// or of such a dict comprehension whose keys are the loop's items
	// (DICT_SET's D: dict_presize.go).
	compSized int

	// annClsNext: the next compileFunc compiles a class body's
	// __annotate__, whose hidden parameter .cls is the class; annCls is
	// that parameter's slot there (hasAnnCls), where a name is looked
	// up in the class's namespace first (annotate.go).
	annClsNext, hasAnnCls bool
	annCls                int

	// In a class body: the slot of the class being built and the names
	// its body has bound so far, which class-level expressions can see.
	classSlot  int
	classNames map[string]bool
	// classComp counts the comprehensions in a class body being compiled:
	// their names skip the class namespace, as CPython's (only the first
	// iterable is evaluated in the class scope).
	classComp int
	className string
	// classGlobals are the names a class body declares global.
	classGlobals map[string]bool
	// classBound are the names a class body binds anywhere: a read of one
	// looks in the class's namespace, then the globals (LOAD_NAME).
	classBound map[string]bool
	// nsGlobals is set while compiling code that exec or eval runs over a
	// namespace dict: the global names it reads (eval.go).
	nsGlobals map[string]bool
	// nsPrefix is the slot-name prefix of those globals: nsGlobalPrefix,
	// or a program module's own (moduleFree).
	nsPrefix string
	// nsFallback, in the top level of code exec runs over a namespace
	// dict, are the names it binds that are also builtins: a read of one
	// unbound (never assigned, or deleted) finds the global or builtin
	// (LOAD_NAME), as CPython's reads of the namespace do. nsFallbackNext
	// hands them to the compileFunc that compiles that top level.
	nsFallback, nsFallbackNext map[string]bool
	// nsOneDict is 1 when exec's globals dict is its locals too (then
	// LOAD_NAME skips that dict: the top level's names are its locals).
	nsOneDict, nsOneDictNext int
	// nsDict is exec's globals dict while compiling code it runs over one
	// (not a program module's): its global stores and deletes are the
	// dict's. nsDictNames are the names a function there declares global
	// that live in a cell of the top level (exec over one dict): its
	// stores and deletes of them reach the dict too.
	nsDict      *Dict
	nsDictNames map[string]bool
	// rebound are the names a function's body binds or deletes anywhere
	// (assignments, del, except as, for, with, :=): a parameter not among
	// them keeps the value it was called with (steadySlot).
	rebound map[string]bool
}

// global is the module's slot for a global name. Code run over a
// namespace dict has its globals apart, under nsGlobalPrefix: its free
// names are that namespace's builtins, not the module's globals.
func (c *compiler) global(name string) int {
	if c.nsGlobals != nil {
		c.nsGlobals[name] = true
		return c.mod.global(c.nsPrefix + name)
	}
	return c.mod.global(name)
}

// maxCompileDepth bounds expression nesting (a chain like 1+1+...+1 nests
// on the left without parentheses).
const maxCompileDepth = 20000

var errCompileDepth = &PyErr{exc: &Exception{typ: RecursionError, args: []Val{StrVal("maximum recursion depth exceeded during compilation")}}}

// qualPrefix is what a function defined here gets before its name in its
// __qualname__: "Class." in a class body, "f.<locals>." inside f.
func (c *compiler) qualPrefix() string {
	if c.classNames != nil {
		return c.className + "."
	}
	if c.isFunc && isGenericScope(c.code.name) {
		// PEP 695's hidden scope: what it defines is named as if
		// defined where the statement stands.
		return strings.TrimSuffix(qualOrName(c.code), c.code.name)
	}
	if c.isFunc && c.code.name != "<module>" {
		// (exec's code over a namespace is a function named <module>:
		// what it defines is top-level, as in CPython.)
		return qualOrName(c.code) + ".<locals>."
	}
	return ""
}

// isCell says whether name, resolved in this scope, lives in a cell.
func (c *compiler) isCell(name string) bool {
	for i := len(c.overlay) - 1; i >= 0; i-- {
		if s, ok := c.overlay[i][name]; ok {
			return c.ovCells[s]
		}
	}
	return c.cells[name]
}

type constKey struct {
	t templates_Tag
	b uint64
	s string
}

type templates_Tag = uint64

func compileModule(filename, src string, body []Stmt, spans map[Expr]span, lines []string) (co *Code, mod *moduleState, err error) {
	body = withModuleDoc(body)
	mod = &moduleState{filename: filename, lines: lines, gindex: map[string]int{}, spans: spans, genDefs: generatorDefs(body)}
	defer func() { mod.spans, mod.runes = nil, nil }() // compile-time only
	c := &compiler{mod: mod, code: &Code{name: "<module>", filename: filename, isModule: true, mod: mod},
		locals: map[string]int{}, consts: map[constKey]int{}}
	defer func() {
		if r := recover(); r != nil {
			if se, ok := r.(*SyntaxError); ok {
				err = se
				return
			}
			if r == errCompileDepth {
				err = errCompileDepth
				return
			}
			panic(r)
		}
	}()
	c.stmts(body)
	c.emit(opReturn, c.constSlot(NoneVal))
	c.finish()
	return c.code, mod, nil
}

func (c *compiler) emit(op Op, args ...int) int {
	var in Instr
	in.Op = op
	for i, a := range args {
		*in.operand(i) = int32(a)
	}
	switch {
	case op >= opLt && op <= opNe:
		in.D = cmpAnswers(op)
	case op >= opJumpIfNotLt && op <= opJumpIfNotNe:
		in.D = cmpAnswers(op - opJumpIfNotLt + opLt)
	case op >= opJumpIfLt && op <= opJumpIfNe:
		in.D = cmpAnswers(op - opJumpIfLt + opLt)
	case op == opIs || op == opIn:
		in.D = 1 // the positive form, which runAt reads here (not in.Op)
	}
	c.code.instrs = append(c.code.instrs, in)
	c.code.lines = append(c.code.lines, int32(c.line))
	c.code.tempsInUse = append(c.code.tempsInUse, int32(c.temps))
	if c.pendingCaret != nil {
		c.takeCaret(len(c.code.instrs) - 1)
	}
	return len(c.code.instrs) - 1
}

func (c *compiler) pc() int { return len(c.code.instrs) }

func (c *compiler) patch(at int, operand int, target int) {
	*c.code.instrs[at].operand(operand) = int32(target)
}

func (c *compiler) temp() int {
	t := c.temps
	c.temps++
	if c.temps > c.maxTmp {
		c.maxTmp = c.temps
	}
	return tempBase + t
}

func (c *compiler) temps_(n int) int {
	first := tempBase + c.temps
	c.temps += n
	if c.temps > c.maxTmp {
		c.maxTmp = c.temps
	}
	return first
}

func (c *compiler) isTemp(s int) bool { return s >= tempBase }

func (c *compiler) constSlot(v Val) int {
	k := constKey{t: uint64(v.T), b: v.B}
	if v.T == tagObject {
		// Equal immutable constants share one slot and one object, as
		// CPython merges a code's constants: `(1, 2) is (1, 2)` holds.
		// (The bits of a str or tuple hold its address: not part of the key.)
		// Across the codes of one compilation too: `f() is g()` when both
		// return (1, 2).
		if s, ok := constValKey(v); ok {
			k.b, k.s = 0, s
			if i, ok := c.consts[k]; ok {
				return constBase + i
			}
			u := c
			for u.enclose != nil {
				u = u.enclose
			}
			if u.unitConsts == nil {
				u.unitConsts = map[string]Val{}
			}
			if w, ok := u.unitConsts[s]; ok {
				v = w
			} else {
				u.unitConsts[s] = v
			}
		} else {
			k.s = fmt.Sprintf("%p", v.O)
		}
	}
	if v.T == tagFloat && v.F() == 0 && math.Signbit(v.F()) {
		k.s = "-0"
	}
	if i, ok := c.consts[k]; ok {
		return constBase + i
	}
	i := len(c.code.consts)
	c.code.consts = append(c.code.consts, v)
	c.consts[k] = i
	return constBase + i
}

// constValKey is a key that tells constant v from every constant not
// equal to it and of another type (1, 1.0 and True differ, as 0.0 and
// -0.0 do), when v is an immutable value the compiler makes; false for
// anything else, which is its own constant.
func constValKey(v Val) (string, bool) {
	if s, ok := v.O.(*Str); ok && v.T == tagObject {
		return "s" + s.s, true // the common case, without a copy
	}
	b, ok := appendConstKey(nil, v)
	return string(b), ok
}

// appendConstKey appends constValKey's key of v to b: a type letter, then
// the value; lengths go first so that keys of tuples' items cannot run
// into each other.
func appendConstKey(b []byte, v Val) ([]byte, bool) {
	if v.T != tagObject {
		b = append(b, 'v')
		b = strconv.AppendUint(b, uint64(v.T), 16)
		b = append(b, ':')
		b = strconv.AppendUint(b, v.B, 16)
		return append(b, ';'), true
	}
	switch o := v.O.(type) {
	case *Str:
		b = append(b, 's')
		b = strconv.AppendInt(b, int64(len(o.s)), 10)
		b = append(b, ':')
		return append(b, o.s...), true
	case *BigInt:
		b = append(b, 'b')
		b = o.v.Append(b, 16)
		return append(b, ';'), true
	case *Bytes:
		if o.mut {
			return b, false
		}
		b = append(b, 'y')
		b = strconv.AppendInt(b, int64(len(o.b)), 10)
		b = append(b, ':')
		return append(b, o.b...), true
	case *Tuple:
		b = append(b, 't')
		b = strconv.AppendInt(b, int64(len(o.items)), 10)
		b = append(b, '(')
		for _, it := range o.items {
			var ok bool
			if b, ok = appendConstKey(b, it); !ok {
				return b, false
			}
		}
		return append(b, ')'), true
	}
	return b, false
}

func (c *compiler) name(s string) int {
	for i, n := range c.code.names {
		if n == s {
			return i
		}
	}
	c.code.names = append(c.code.names, s)
	return len(c.code.names) - 1
}

// finish resolves const and temp operands to final slot numbers.
func (c *compiler) finish() {
	co := c.code
	co.nlocals = len(co.localNames)
	nconst := len(co.consts)
	fix := func(x int32) int32 {
		switch {
		case x >= tempBase:
			return int32(co.nlocals+nconst) + x - tempBase
		case x >= constBase:
			return int32(co.nlocals) + x - constBase
		}
		return x
	}
	for i := range co.instrs {
		in := &co.instrs[i]
		for j, k := range opInfo[in.Op].kinds {
			if k == 's' {
				p := in.operand(j)
				*p = fix(*p)
			}
		}
		if in.Op == opListAppend && in.D > 0 {
			// 1 + a slot the instruction only peeks at (listSizeHint),
			// kept out of its operand kinds so that no analysis counts
			// it as read.
			in.D = fix(in.D-1) + 1
		}
		if in.Op == opDictSet && in.D < -1 {
			in.D = -2 - fix(-2-in.D) // dict_presize.go
		}
	}
	for i := range co.excTable {
		co.excTable[i].excSlot = fix(co.excTable[i].excSlot)
	}
	for i := range co.handling {
		co.handling[i].excSlot = fix(co.handling[i].excSlot)
	}
	// Nested functions capture slots of this code: locals, or temporaries
	// holding comprehension variables.
	for _, fn := range co.funcs {
		for i := range fn.freeFrom {
			fn.freeFrom[i] = fix(fn.freeFrom[i])
		}
	}
	co.nslots = co.nlocals + nconst + c.maxTmp
	co.sealConsts()
	if co.simple && !co.isGenerator && !co.isModule {
		co.plainCall = int32(co.nparams) + 1
	}
	co.counters = make([]uint32, len(co.instrs))
	co.caches = make([]atomic.Pointer[siteCache], len(co.instrs))
	markPrivate(co)
	markPrivateInts(co)
	sealCallArgs(co)
	markForUnpacks(co)
}

// forUnpacks, in a FOR_ITER's D, says that its body starts with an
// UNPACK: the list loop looks for one only then (a look per item).
const forUnpacks = 1

func markForUnpacks(co *Code) {
	for pc := range co.instrs {
		if in := &co.instrs[pc]; in.Op == opForIter && int(in.C) < len(co.instrs) && co.instrs[in.C].Op == opUnpack {
			in.D = forUnpacks
		}
	}
}

func (c *compiler) errAt(p pos, msg string) {
	panic(&SyntaxError{Kind: "SyntaxError", Msg: msg, Line: p.line, Col: p.col, End: p.col + 1})
}

// ---- scopes ----

// lookup says where a name lives: a local slot (>= 0) or global (-1).
func (c *compiler) lookup(name string) int {
	for i := len(c.overlay) - 1; i >= 0; i-- {
		if s, ok := c.overlay[i][name]; ok {
			return s
		}
	}
	if c.isFunc && !c.globals[name] {
		if s, ok := c.locals[name]; ok {
			if !c.used[s] {
				// First use: the order locals() lists the names in.
				c.used[s] = true
				c.code.useOrder = append(c.code.useOrder, int32(s))
			}
			return s
		}
	}
	return -1
}

func (c *compiler) addLocal(name string) int {
	if s, ok := c.locals[name]; ok {
		return s
	}
	s := len(c.code.localNames)
	c.code.localNames = append(c.code.localNames, name)
	c.locals[name] = s
	return s
}

// assigned collects the names a function body binds.
func assigned(body []Stmt, out map[string]bool, globals map[string]bool) {
	var target func(e Expr)
	target = func(e Expr) {
		switch x := e.(type) {
		case *Name:
			out[x.id] = true
		case *TupleExpr:
			for _, el := range x.elts {
				target(el)
			}
		case *ListExpr:
			for _, el := range x.elts {
				target(el)
			}
		case *Starred:
			target(x.x)
		}
	}
	for _, s := range body {
		switch x := s.(type) {
		case *Assign:
			for _, t := range x.targets {
				target(t)
			}
		case *AugAssign:
			target(x.target)
		case *For:
			target(x.target)
			assigned(x.body, out, globals)
			assigned(x.orelse, out, globals)
		case *While:
			assigned(x.body, out, globals)
			assigned(x.orelse, out, globals)
		case *If:
			assigned(x.body, out, globals)
			assigned(x.orelse, out, globals)
		case *With:
			for _, t := range x.targets {
				if t != nil {
					target(t)
				}
			}
			assigned(x.body, out, globals)
		case *Try:
			assigned(x.body, out, globals)
			for _, h := range x.handlers {
				if h.name != "" {
					out[h.name] = true
				}
				assigned(h.body, out, globals)
			}
			assigned(x.orelse, out, globals)
			assigned(x.finally, out, globals)
		case *Def:
			out[x.name] = true
		case *ClassDef:
			out[x.name] = true
		case *Import:
			out[x.boundName()] = true
		case *FromImport:
			for _, a := range x.asses {
				out[a] = true
			}
		case *Del:
			for _, t := range x.targets {
				target(t)
			}
		case *Global:
			for _, n := range x.names {
				globals[n] = true
			}
		}
	}
}

// ---- statements ----

func (c *compiler) stmts(body []Stmt) {
	for _, s := range body {
		c.stmt(s)
	}
}

func (c *compiler) stmt(s Stmt) {
	save := c.temps
	defer func() { c.temps = save }()
	c.line = s.position().line
	switch x := s.(type) {
	case *ExprStmt:
		t := c.temp()
		c.exprTo(x.x, t)
		c.markDiscarded(x.x, t)
	case *Assign:
		if len(x.targets) == 1 {
			if _, ok := x.targets[0].(*Name); ok && c.leadsLine(x.pos) {
				c.stmtCall, _ = x.value.(*Call)
				defer func() { c.stmtCall = nil }()
			}
			c.assignExpr(x.targets[0], x.value)
			return
		}
		v := c.exprAny(x.value)
		for _, t := range x.targets {
			c.store(t, v)
		}
	case *AugAssign:
		c.augAssign(x)
	case *If:
		c.ifStmt(x)
	case *While:
		c.whileStmt(x)
	case *For:
		if x.async {
			c.asyncForStmt(x)
			break
		}
		c.forStmt(x)
	case *Break:
		if len(c.loops) == 0 {
			c.errAt(x.pos, "'break' outside loop")
		}
		l := c.loops[len(c.loops)-1]
		c.runFinals(l.finals)
		l.breaks = append(l.breaks, c.emit(opJump, 0))
	case *Continue:
		if len(c.loops) == 0 {
			c.errAt(x.pos, "'continue' not properly in loop")
		}
		l := c.loops[len(c.loops)-1]
		c.runFinals(l.finals)
		if l.cont >= 0 {
			c.emit(opJumpBack, l.cont)
		} else {
			l.continues = append(l.continues, c.emit(opJump, 0))
		}
	case *Pass:
	case *Return:
		if !c.isFunc || c.classNames != nil {
			c.errAt(x.pos, "'return' outside function")
		}
		if x.x != nil && c.code.genKind == genAsyncGen {
			c.errAt(x.pos, "'return' with value in async generator")
		}
		var v int
		if call, ok := x.x.(*Call); ok {
			if _, ok := call.fn.(*Name); ok && c.leadsLine(x.pos) {
				c.stmtCall = call
			}
		}
		if x.x != nil {
			v = c.exprAny(x.x)
		} else {
			v = c.constSlot(NoneVal)
		}
		c.stmtCall = nil
		if len(c.finals) > 0 {
			// Run enclosing finally blocks before leaving.
			t := c.temp()
			c.emit(opMove, t, v)
			saved := c.finals
			for i := len(saved) - 1; i >= 0; i-- {
				c.finals = saved[:i]
				c.stmts(saved[i])
			}
			c.finals = saved
			v = t
		}
		c.emit(opReturn, v)
	case *Global:
		// Handled by the scope pass.
	case *Nonlocal:
		// Handled by the scope pass, in functions.
		if !c.isFunc {
			// CPython underlines the whole statement.
			end := x.col + len("nonlocal ") + len(strings.Join(x.names, ", "))
			panic(&SyntaxError{Kind: "SyntaxError", Msg: "nonlocal declaration not allowed at module level", Line: x.line, Col: x.col, End: end})
		}
	case *Def:
		c.def(x)
	case *Assert:
		t := c.exprAny(x.test)
		j := c.emit(opJumpIfTrue, t, 0)
		msg := -1
		if x.msg != nil {
			msg = c.exprAny(x.msg)
		}
		c.caretAt(x.test) // CPython raises at the test's position
		c.emit(opAssertFail, msg)
		c.patch(j, 1, c.pc())
	case *Import:
		t := c.temp()
		mod, as := x.mod, x.as
		if top, _, dotted := strings.Cut(mod, "."); dotted && as == mod {
			// import a.b binds a, whose attribute b is the submodule
			// (importing a.b sets it).
			c.emit(opImport, t, c.name(mod))
			mod, as = top, top
			if x.top != "" {
				as = x.top // mangled in a class
			}
		}
		c.emit(opImport, t, c.name(mod))
		c.storeName(as, t, x.pos)
	case *FromImport:
		m := c.temp()
		c.emit(opImport, m, c.name(x.mod))
		for i, n := range x.names {
			if n == "*" {
				if c.isFunc || c.classNames != nil {
					if c.isFunc && c.code.name != "<module>" && c.classNames == nil {
						c.errAt(x.pos, "import * only allowed at module level")
					}
					c.errAt(x.pos, "'from ... import *' is not supported here")
				}
				// The module's public names reach the globals this
				// program names (IMPORT_STAR).
				c.emit(opImportStar, m)
				continue
			}
			t := c.temp()
			c.emit(opImportName, t, m, c.name(n))
			c.storeName(x.asses[i], t, x.pos)
		}
	case *Del:
		for _, t := range x.targets {
			c.del(t)
		}
	case *Raise:
		switch {
		case x.exc == nil && len(c.handled) > 0:
			c.emit(opRaise, c.handled[len(c.handled)-1])
		case x.exc == nil:
			c.emit(opRaise, -1)
		case x.cause != nil:
			e := c.exprAny(x.exc)
			c.emit(opRaiseFrom, e, c.exprAny(x.cause))
		default:
			// B=1: a raise statement naming the exception, which adds
			// this frame to a traceback it already has (the re-raises
			// of bare raise, finally and with do not).
			c.emit(opRaise, c.exprAny(x.exc), 1)
		}
	case *Try:
		c.tryStmt(x)
	case *ClassDef:
		c.classDef(x)
	case *With:
		c.withStmt(x, 0)
	case *withExit:
		if x.async {
			c.asyncExit(x.mgr, -1)
			break
		}
		base := c.temps_(4)
		c.emit(opMove, base, x.mgr)
		for i := 1; i <= 3; i++ {
			c.emit(opMove, base+i, c.constSlot(NoneVal))
		}
		c.emit(opCallMethod, c.temp(), base, 3, c.name("__exit__"), withExitKw)
	default:
		c.errAt(s.position(), "unsupported statement")
	}
}

// ---- assignment ----

func (c *compiler) storeName(name string, src int, at pos) {
	if c.inClassBody(name) {
		c.emit(opSetAttr, c.classSlot, c.name(name), src)
		c.classNames[name] = true
		return
	}
	if c.classGlobals[name] {
		c.storeGlobal(name, src)
		return
	}
	if s := c.lookup(name); s < 0 && c.isFunc && !c.globals[name] {
		if s := c.resolveFree(name); s >= 0 {
			if c.isCell(name) {
				c.emit(opStoreCell, s, src)
				c.nsDictStore(name, src)
			} else {
				c.emit(opMove, s, src)
			}
			return
		}
	}
	if s := c.lookup(name); s >= 0 {
		if c.isCell(name) {
			c.emit(opStoreCell, s, src)
			c.nsDictStore(name, src)
			return
		}
		if s != src {
			c.emit(opMove, s, src)
		}
		return
	}
	c.storeGlobal(name, src)
}

// assignExpr compiles target = value, evaluating straight into a local when it can.
func (c *compiler) assignExpr(target, value Expr) {
	if n, ok := target.(*Name); ok {
		if s := c.lookup(n.id); s >= 0 && !c.isCell(n.id) && !c.inClassBody(n.id) {
			c.exprTo(value, s)
			return
		}
	}
	if tt, ok := target.(*TupleExpr); ok {
		if tv, ok := value.(*TupleExpr); ok && len(tt.elts) == len(tv.elts) && !hasStar(tt.elts) && !hasStar(tv.elts) {
			// a, b = b, a: evaluate every value first, then store. A
			// constant or a parameter the body never rebinds reads the
			// same later: its slot is the source, with no MOVE to a
			// temporary (self.x, self.y = x, y in an __init__).
			srcs := make([]int, len(tv.elts))
			for i, e := range tv.elts {
				if srcs[i] = c.steadySlot(e); srcs[i] < 0 {
					srcs[i] = c.temp()
					c.exprTo(e, srcs[i])
				}
			}
			for i, e := range tt.elts {
				at := len(c.code.instrs)
				c.store(e, srcs[i])
				// evens, odds = a[::2], a[1::2]: the move stores the
				// list a producer made straight into its temporary
				// (fresh.go, privFresh).
				if freshMark(tv.elts[i], movedFresh) != 0 && len(c.code.instrs) == at+1 {
					if in := &c.code.instrs[at]; in.Op == opMove && int(in.B) == srcs[i] && c.isTemp(srcs[i]) {
						in.E |= movedFresh
					}
				}
			}
			return
		}
	}
	src := c.exprAny(value)
	if sub, ok := target.(*Subscript); ok && freshMark(value, freshC) != 0 {
		if _, ok := sub.index.(*SliceExpr); ok {
			c.freshSrc = true
		}
	}
	c.store(target, src)
	c.freshSrc = false
}

// steadySlot is the slot holding e's value for as long as the function
// runs, or -1: a constant's, or a parameter's that the body never binds or
// deletes (so it is bound, and no store in between can change it).
func (c *compiler) steadySlot(e Expr) int {
	switch x := e.(type) {
	case *Const:
		return c.constSlot(x.v)
	case *Name:
		if !c.isFunc || c.rebound == nil || c.rebound[x.id] || len(c.overlay) > 0 || c.isCell(x.id) || c.inClassBody(x.id) {
			return -1
		}
		if s, ok := c.locals[x.id]; ok && s < c.code.nparams {
			return c.lookup(x.id)
		}
	}
	return -1
}

// freshMark is mark when e evaluates to a new list straight into the
// temporary its consumer reads and nothing else does: a slice, a + or a *
// (fresh.go; the run time checks that a list was made).
func freshMark(e Expr, mark int32) int32 {
	switch x := e.(type) {
	case *Subscript:
		if _, ok := x.index.(*SliceExpr); ok {
			return mark
		}
	case *BinOp:
		if x.op == "+" || x.op == "*" {
			return mark
		}
	case *ListExpr:
		if !hasStar(x.elts) {
			return mark // BUILD_LIST (buildList notes it)
		}
	}
	return 0
}

func hasStar(es []Expr) bool {
	for _, e := range es {
		if _, ok := e.(*Starred); ok {
			return true
		}
	}
	return false
}

// store assigns the value in slot src to target.
func (c *compiler) store(target Expr, src int) {
	// src is a fresh list for a slice assignment (assignExpr): taken before
	// anything in the target is compiled, which may store too.
	fresh := c.freshSrc
	c.freshSrc = false
	save := c.temps
	defer func() { c.temps = save }()
	switch x := target.(type) {
	case *Name:
		c.storeName(x.id, src, x.pos)
	case *Subscript:
		o := c.exprAny(x.x)
		if s, ok := x.index.(*SliceExpr); ok {
			base := c.sliceBounds(s)
			c.line = x.line
			pc := c.emit(opSetSlice, o, base, src)
			if fresh {
				c.code.instrs[pc].E = freshC
			}
			return
		}
		k := c.exprAny(x.index)
		c.line = x.line
		c.emit(opSetItem, o, k, src)
	case *Attr:
		o := c.exprAny(x.x)
		c.line = x.line
		c.emit(opSetAttr, o, c.name(x.name), src)
	case *TupleExpr, *ListExpr:
		var elts []Expr
		if t, ok := x.(*TupleExpr); ok {
			elts = t.elts
		} else {
			elts = x.(*ListExpr).elts
		}
		star := -1
		for i, e := range elts {
			if _, ok := e.(*Starred); ok {
				if star >= 0 {
					c.errAt(e.position(), "multiple starred expressions in assignment")
				}
				star = i
			}
		}
		base := c.temps_(len(elts))
		c.caretAt(x) // CPython's UNPACK_SEQUENCE is at the targets
		c.emit(opUnpack, base, src, len(elts), star)
		for i, e := range elts {
			if s, ok := e.(*Starred); ok {
				e = s.x
			}
			c.store(e, base+i)
		}
	default:
		c.errAt(target.position(), "cannot assign to "+exprKind(target))
	}
}

var binOps = map[string]Op{"+": opAdd, "-": opSub, "*": opMul, "/": opTrueDiv, "//": opFloorDiv, "%": opMod,
	"**": opPow, "<<": opLshift, ">>": opRshift, "&": opBitAnd, "|": opBitOr, "^": opBitXor, "@": opMatMul}

func (c *compiler) augAssign(x *AugAssign) {
	op := binOps[x.op]
	switch t := x.target.(type) {
	case *Name:
		if c.inClassBody(t.id) {
			cur := c.temp()
			c.exprTo(t, cur)
			v := c.exprAny(x.value)
			c.line = x.line
			c.emit(op, cur, cur, v, inPlace)
			c.storeName(t.id, cur, t.pos)
			return
		}
		if s := c.lookup(t.id); s >= 0 && !c.isCell(t.id) && !c.isFallback(t.id) {
			v := c.exprAny(x.value)
			c.line = x.line
			c.emit(op, s, s, v, inPlace)
			return
		}
		if c.isFunc && !c.globals[t.id] && (c.lookup(t.id) >= 0 || c.resolveFree(t.id) >= 0) {
			cur := c.temp()
			c.exprTo(t, cur)
			v := c.exprAny(x.value)
			c.line = x.line
			c.emit(op, cur, cur, v, inPlace)
			c.storeName(t.id, cur, t.pos)
			return
		}
		g := c.global(t.id)
		cur := c.temp()
		c.emit(opLoadGlobal, cur, g)
		v := c.exprAny(x.value)
		c.line = x.line
		c.emit(op, cur, cur, v, inPlace)
		c.storeGlobal(t.id, cur)
	case *Subscript:
		o := c.exprAny(t.x)
		k := c.exprAny(t.index)
		cur := c.temp()
		c.emit(opGetItem, cur, o, k)
		v := c.exprAny(x.value)
		c.line = x.line
		c.emit(op, cur, cur, v, inPlace)
		c.emit(opSetItem, o, k, cur)
	case *Attr:
		o := c.exprAny(t.x)
		cur := c.temp()
		c.emit(opGetAttr, cur, o, c.name(t.name))
		v := c.exprAny(x.value)
		c.line = x.line
		c.emit(op, cur, cur, v, inPlace)
		c.emit(opSetAttr, o, c.name(t.name), cur)
	default:
		c.errAt(x.pos, "'"+exprKind(x.target)+"' is an illegal expression for augmented assignment")
	}
}
