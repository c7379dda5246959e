package interp

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// Compile-time SyntaxWarnings, as CPython 3.12+ gives them before a
// program runs: a string literal's first invalid escape ("\d", an octal
// escape past \377), `is` against a literal, and an assert of a
// non-empty tuple. They are printed for the program, each module it
// imports, and each compile(), exec() and eval() of source (CPython's
// library is precompiled: minipy's library modules give none). Through
// warnings.warn_explicit once the program imported warnings (so its
// filters apply), else straight to stderr.

// synWarning is one SyntaxWarning: the line it names and its message.
type synWarning struct {
	line int
	msg  string
}

// invalidEscape notes the string literal's first invalid escape.
func (s *scanner) invalidEscape(format string, arg any) {
	if s.litWarn == "" {
		s.litWarn = fmt.Sprintf(format, arg)
	}
}

// collectWarnings puts the tokens' escape warnings and the f-strings'
// (fwarns) in line order, then the constructs' the compiler would warn
// of while compiling body.
func collectWarnings(toks []token, fwarns []synWarning, body []Stmt) []synWarning {
	var out []synWarning
	for _, t := range toks {
		if t.kind == tString && t.warn != "" {
			out = append(out, synWarning{t.line, t.warn})
		}
	}
	out = append(out, fwarns...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].line < out[j].line })
	var more []synWarning
	warnStmts(body, &more)
	return append(out, more...)
}

// warnStmts adds the SyntaxWarnings of body's statements to out, in order,
// entering every nested body (defs, classes and lambdas too).
func warnStmts(body []Stmt, out *[]synWarning) {
	ex := func(e Expr) {
		walkExpr(e, func(x Expr) {
			switch x := x.(type) {
			case *Compare:
				warnCompare(x, out)
			case *Lambda:
				warnStmts(x.funcBody(), out)
			}
		})
	}
	for _, s := range body {
		if x, ok := s.(*Assert); ok {
			if t, ok := x.test.(*TupleExpr); ok && len(t.elts) > 0 {
				*out = append(*out, synWarning{x.line, "assertion is always true, perhaps remove parentheses?"})
			}
		}
		stmtExprs(s, ex)
		switch x := s.(type) {
		case *Def:
			warnStmts(x.body, out)
		case *ClassDef:
			warnStmts(x.body, out)
		}
		nestedBodies(s, func(b []Stmt, _ bool) { warnStmts(b, out) })
	}
}

// warnCompare warns of `is` or `is not` with a literal operand, which
// compares identity where == was surely meant.
func warnCompare(x *Compare, out *[]synWarning) {
	for i, op := range x.ops {
		if op != "is" && op != "is not" {
			continue
		}
		lit := literalType(x.args[i])
		if lit == "" {
			lit = literalType(x.args[i+1])
		}
		if lit == "" {
			continue
		}
		eq := "=="
		if op == "is not" {
			eq = "!="
		}
		*out = append(*out, synWarning{x.line, fmt.Sprintf("\"%s\" with '%s' literal. Did you mean \"%s\"?", op, lit, eq)})
	}
}

// literalType is the type of the constant e is, when e is a literal
// CPython's `is` check objects to (not None, True, False or ...): a
// number, str or bytes, a signed number, or a tuple of constants.
func literalType(e Expr) string {
	switch x := e.(type) {
	case *Const:
		switch x.v.T {
		case tagNone, tagBool:
			return ""
		}
		if t := typeName(x.v); t != "ellipsis" {
			return t
		}
	case *UnaryOp:
		if c, ok := x.x.(*Const); ok && (x.op == "-" || x.op == "+") && isNumber(c.v) && c.v.T != tagBool {
			return typeName(c.v)
		}
	case *TupleExpr:
		for _, el := range x.elts {
			if _, ok := el.(*Const); !ok && literalType(el) == "" {
				return ""
			}
		}
		return "tuple"
	}
	return ""
}

// emitSyntaxWarnings shows warns for source file filename (lines: its
// text, for the line each names when the file is not readable as such).
// A warning the warnings filters turn into an error is a SyntaxError, as
// in CPython: the compilation fails with it.
func (vm *VM) emitSyntaxWarnings(filename string, lines []string, warns []synWarning) *SyntaxError {
	if len(warns) == 0 || strings.HasPrefix(filename, pylibFile) {
		return nil
	}
	if w, ok := vm.modules["warnings"]; ok {
		if f, ok := w.table()["warn_explicit"]; ok {
			cat := vm.bi["SyntaxWarning"]
			for _, x := range warns {
				if _, err := vm.call(f, []Val{StrVal(x.msg), cat, StrVal(filename), IntVal(int64(x.line))}, nil); err != nil {
					vm.pending = nil
					if pe := toPyErr(err); pe.exc.typ.isSub(SyntaxWarning) {
						return &SyntaxError{Kind: "SyntaxError", Msg: x.msg, Line: x.line, Col: -1}
					}
				}
			}
			return nil
		}
	}
	if lines == nil {
		// CPython shows the line of a file by that name, if one exists.
		if b, err := os.ReadFile(filename); err == nil {
			lines = strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
		}
	}
	var b strings.Builder
	for _, x := range warns {
		b.WriteString(fmt.Sprintf("%s:%d: SyntaxWarning: %s\n", filename, x.line, x.msg))
		if x.line >= 1 && x.line <= len(lines) {
			if src := strings.TrimSpace(lines[x.line-1]); src != "" {
				b.WriteString("  " + src + "\n")
			}
		}
	}
	vm.out.Flush()
	if !vm.writeErr(b.String()) && vm.rt != nil && vm.rt.errOut != nil {
		vm.rt.errOut.WriteString(b.String())
		vm.rt.errOut.Flush()
	}
	return nil
}
