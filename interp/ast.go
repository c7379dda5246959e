package interp

// pos is a node's source position (1-based line, 0-based column).
type pos struct{ line, col int }

// span is where an expression sits in the source: from line:col to
// endLine:endCol (exclusive), columns counting runes from 0.
type span struct{ line, col, endLine, endCol int32 }

func (p pos) position() pos { return p }

// Expr is an expression node.
type Expr interface{ position() pos }

// Stmt is a statement node.
type Stmt interface{ position() pos }

type (
	Name struct {
		pos
		id string
	}
	Const struct {
		pos
		v Val
	}
	BinOp struct {
		pos
		op   string
		l, r Expr
	}
	UnaryOp struct {
		pos
		op string
		x  Expr
	}
	// BoolOp is a whole chain of one operator, flat as in CPython's AST, so
	// that a chain of any length compiles without recursing per operand.
	BoolOp struct {
		pos
		op   string // "and" or "or"
		vals []Expr // two or more
	}
	Compare struct {
		pos
		ops  []string
		args []Expr // len(ops)+1
	}
	IfExp struct {
		pos
		cond, a, b Expr
	}
	Call struct {
		pos
		fn      Expr
		args    []Expr
		kwnames []string
		kwvals  []Expr
	}
	Attr struct {
		pos
		x    Expr
		name string
	}
	Subscript struct {
		pos
		x, index Expr
	}
	SliceExpr struct {
		pos
		lo, hi, step Expr // nil when omitted
	}
	ListExpr struct {
		pos
		elts []Expr
	}
	TupleExpr struct {
		pos
		elts []Expr
	}
	DictExpr struct {
		pos
		keys, vals []Expr
	}
	SetExpr struct {
		pos
		elts []Expr
	}
	Comp struct {
		pos
		kind string // "list", "gen", "dict", "set"
		elt  Expr
		val  Expr // dict comprehensions
		gens []compFor
		// genexp caches a generator expression's body as a function
		// (see genexpFunc).
		genexp []Stmt
	}
	FString struct {
		pos
		parts []fpart
	}
	Lambda struct {
		pos
		params []param
		body   Expr
		// stmts and name, when set, make it a function of statements:
		// PEP 695's hidden scopes (parse_generic.go), called where made.
		stmts []Stmt
		name  string
		// annScope: an __annotate__ function (annotate.go); in a class
		// body its names see the class's namespace first.
		annScope bool
		annTexts [][2]string // its annotations' names and source text
		annOwner string      // the def's name (its qualname's last part), "" for a class's
	}
	Starred struct {
		pos
		x Expr
	}
)

type compFor struct {
	target Expr
	iter   Expr
	ifs    []Expr
	async  bool // async for
}

type fpart struct {
	lit  string
	expr Expr // nil for a literal part
	conv byte // 0, 'r', 's', 'a'
	spec *FString
	text string // expression source, for f"{x=}"
}

type param struct {
	name string
	def  Expr
	star int    // 1 for *args, 2 for **kwargs
	ann  string // the annotation's source text, or ""
	annX Expr   // the annotation, parsed (nil without one)
}

type (
	ExprStmt struct {
		pos
		x Expr
	}
	Assign struct {
		pos
		targets []Expr
		value   Expr
		ann     string // x: ann = value: the annotation's source text
		annX    Expr   // the annotation, parsed
	}
	AugAssign struct {
		pos
		target Expr
		op     string
		value  Expr
	}
	If struct {
		pos
		cond         Expr
		body, orelse []Stmt
	}
	While struct {
		pos
		cond         Expr
		body, orelse []Stmt
	}
	For struct {
		pos
		target, iter Expr
		body, orelse []Stmt
		async        bool // async for
		// written is, in a generator expression's first loop, the
		// iterable as written, where iter is the function's
		// parameter: a failing step is underlined there.
		written Expr
	}
	Break    struct{ pos }
	Continue struct{ pos }
	Pass     struct {
		pos
		annName, ann string // x: ann with no value (name and annotation text)
		annX         Expr   // the annotation, parsed
	}
	Return struct {
		pos
		x Expr
	}
	Global struct {
		pos
		names []string
	}
	Nonlocal struct {
		pos
		names []string
		// nsGlobal: a global statement of a function exec defines over a
		// dict, made a nonlocal of exec's top level (nsGlobalsAsNonlocals).
		nsGlobal bool
	}
	Def struct {
		pos
		name       string // the name it binds (mangled: mangle.go)
		shown      string // the name as written when mangling changed it, else ""
		params     []param
		body       []Stmt
		decorators []Expr
		ret        string // the return annotation's source text, or ""
		retX       Expr   // the return annotation, parsed
		// annFn is the function's __annotate__ (PEP 649), made where the
		// def runs; nil without annotations or under PEP 563.
		annFn *Lambda
		// annText: from __future__ import annotations was seen, so the
		// annotations stay strings (PEP 563).
		annText bool
		async   bool // async def: calling it makes a coroutine
	}
	Assert struct {
		pos
		test, msg Expr
	}
	Import struct {
		pos
		mod, as string
		// top is the name import a.b binds when a class mangles it
		// (import __p.m in class C binds _C__p); "" binds a.
		top string
	}
	FromImport struct {
		pos
		mod          string
		names, asses []string
	}
	Del struct {
		pos
		targets []Expr
	}
	Raise struct {
		pos
		exc   Expr
		cause Expr // raise exc from cause; nil without from
	}
	Try struct {
		pos
		body     []Stmt
		handlers []handler
		orelse   []Stmt
		finally  []Stmt
	}
)

type handler struct {
	pos
	typ  Expr // nil: bare except
	name string
	body []Stmt
}

// ClassDef is a class statement.
type ClassDef struct {
	pos
	name       string   // the name it binds (mangled: mangle.go)
	shown      string   // the name as written when mangling changed it, else ""
	tparams    []string // a generic class's type parameters, which mangling leaves alone
	bases      []Expr
	kwNames    []string // class keywords: metaclass= and __init_subclass__'s
	kwVals     []Expr
	body       []Stmt
	decorators []Expr
	annFn      *Lambda // the class's __annotate__ (PEP 649), or nil
}

// Yield is a yield or yield-from expression.
type Yield struct {
	pos
	x    Expr // nil: yield None
	from bool
}

// With is a with statement; several items nest.
type With struct {
	pos
	items   []Expr
	targets []Expr // nil where there is no "as"
	body    []Stmt
	async   bool // async with
}

// Await is an await expression.
type Await struct {
	pos
	x Expr
}

// withExit is the compiler's own statement for leaving a with block
// normally: mgr.__exit__(None, None, None).
type withExit struct {
	pos
	mgr   int
	async bool // __aexit__, awaited
}

// NamedExpr is an assignment expression, name := value.
type NamedExpr struct {
	pos
	name  string
	value Expr
}

// genexpParams are the parameters of a generator expression's function:
// the iterator of its first iterable, under a name no program can spell
// (CPython's own choice).
var genexpParams = []param{{name: ".0"}}

// genexpFunc returns the body of the generator function a generator
// expression stands for:
//
//	(elt for t1 in it1 if c1 for t2 in it2)
//	def <genexpr>(.0):
//	    for t1 in .0:
//	        if c1:
//	            for t2 in it2:
//	                yield elt
//
// called with iter(it1), which the enclosing scope evaluates.
func (c *Comp) genexpFunc() []Stmt {
	if c.genexp != nil {
		return c.genexp
	}
	at := c.elt.position()
	var inner Stmt = &ExprStmt{at, &Yield{pos: at, x: c.elt}}
	for i := len(c.gens) - 1; i >= 0; i-- {
		g := c.gens[i]
		body := []Stmt{inner}
		for j := len(g.ifs) - 1; j >= 0; j-- {
			body = []Stmt{&If{pos: g.ifs[j].position(), cond: g.ifs[j], body: body}}
		}
		iter, written := g.iter, Expr(nil)
		if i == 0 {
			iter, written = &Name{pos: iter.position(), id: ".0"}, g.iter
		}
		inner = &For{pos: g.target.position(), target: g.target, iter: iter, body: body, written: written}
	}
	c.genexp = []Stmt{inner}
	return c.genexp
}

// funcBody is the statements a lambda's function runs.
func (l *Lambda) funcBody() []Stmt {
	if l.stmts != nil {
		return l.stmts
	}
	return []Stmt{&Return{l.pos, l.body}}
}

func (l *Lambda) funcName() string {
	if l.name != "" {
		return l.name
	}
	return "<lambda>"
}

// ownName is the def's __name__: as written, not mangled.
func (d *Def) ownName() string {
	if d.shown != "" {
		return d.shown
	}
	return d.name
}

// ownName is the class's __name__: as written, not mangled.
func (d *ClassDef) ownName() string {
	if d.shown != "" {
		return d.shown
	}
	return d.name
}
