package interp

import "unicode"

// Carets. CPython 3.13+ underlines, in each traceback entry, the expression
// whose instruction failed:
//
//	    print(divide(1, 0))
//	          ~~~~~~^^^^^^
//	    return a // b
//	           ~~^^~~
//
// with ^ under the operator of a binary operation or the brackets of a call
// or subscript ("anchors") and ~ under the rest, or ^ throughout when there
// are no anchors. No caret line is printed when the expression is the whole
// line and has no anchors, or when the line is `x = f(...)` / `return
// name(...)` and the call failed. The compiler records, for the
// instructions that evaluate such expressions, where the expression and its
// anchors are; only expressions on one line get carets.

// caretInfo places the carets of one instruction, in rune columns of its
// source line.
type caretInfo struct {
	start, end  int32 // the expression, [start, end)
	left, right int32 // the anchors, [left, right), or -1
	wholeCall   bool  // the failing call is all of `x = f(...)` or `return name(...)`
	// attr is, for a method call (one instruction here, LOAD_ATTR and CALL
	// in CPython), where the attribute lookup is: an AttributeError raised
	// by the lookup itself is underlined there.
	attr *caretInfo
}

// caretAt says the next instruction evaluates e.
func (c *compiler) caretAt(e Expr) { c.pendingCaret = e }

// leadsLine says whether the statement at p is the first thing on its
// line. CPython leaves out the carets of `x = f(...)` and `return
// f(...)` only then: it parses the line, and a line led by `if c:`, `def
// f(x):` or another statement is not that statement.
func (c *compiler) leadsLine(p pos) bool {
	if p.line < 1 || p.line > len(c.mod.lines) {
		return true
	}
	line := c.mod.runeLine(int32(p.line))
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f') {
		i++
	}
	return p.col == i
}

// takeCaret records the pending expression's carets for instruction pc.
func (c *compiler) takeCaret(pc int) {
	e := c.pendingCaret
	c.pendingCaret = nil
	if e == nil {
		return
	}
	ci, ok := c.mod.caretFor(e)
	if !ok {
		return
	}
	ci.wholeCall = e == c.stmtCall
	if call, ok := e.(*Call); ok {
		if a, ok := call.fn.(*Attr); ok {
			if ai, ok := c.mod.caretFor(a); ok {
				ci.attr = &ai
			}
		}
	}
	if c.code.carets == nil {
		c.code.carets = map[int32]caretInfo{}
	}
	c.code.carets[int32(pc)] = ci
}

// caretFor computes the carets of e from the parser's spans: the anchors
// are found in the source text between the operands, as CPython finds
// them.
func (m *moduleState) caretFor(e Expr) (caretInfo, bool) {
	sp, ok := m.spans[e]
	if !ok || sp.line != sp.endLine || int(sp.line) > len(m.lines) || sp.line < 1 {
		return caretInfo{}, false
	}
	line := m.runeLine(sp.line)
	if int(sp.endCol) > len(line) || sp.col >= sp.endCol {
		return caretInfo{}, false
	}
	ci := caretInfo{start: sp.col, end: sp.endCol, left: -1, right: -1}
	// after is the first column at or past col where stop holds, or -1.
	after := func(col int32, stop func(rune) bool) int32 {
		for ; col < sp.endCol; col++ {
			if stop(line[col]) {
				return col
			}
		}
		return -1
	}
	switch x := e.(type) {
	case *BinOp:
		l, ok1 := m.spans[x.l]
		r, ok2 := m.spans[x.r]
		if !ok1 || !ok2 || l.endLine != sp.line || r.line != sp.line {
			break
		}
		// The operator: the first character after the left operand that is
		// neither space nor a closing parenthesis; one or two characters.
		op := after(l.endCol, func(ch rune) bool { return !unicode.IsSpace(ch) && ch != ')' })
		if op < 0 {
			break
		}
		end := op + 1
		if end < int32(len(line)) && end < r.col && !unicode.IsSpace(line[end]) && line[end] != '\\' && line[end] != '#' {
			end++
		}
		ci.left, ci.right = op, end
	case *Call:
		if f, ok := m.spans[x.fn]; ok && f.endLine == sp.line {
			if open := after(f.endCol, func(ch rune) bool { return ch == '(' }); open >= 0 {
				ci.left, ci.right = open, sp.endCol
			}
		}
	case *Subscript:
		if v, ok := m.spans[x.x]; ok && v.endLine == sp.line {
			if open := after(v.endCol, func(ch rune) bool { return ch == '[' }); open >= 0 {
				ci.left, ci.right = open, sp.endCol
			}
		}
	}
	return ci, true
}

// runeLine is source line n (1-based) as runes, decoded once per line: a
// line with many operators would otherwise be decoded once per operator.
func (m *moduleState) runeLine(n int32) []rune {
	if r, ok := m.runes[n]; ok {
		return r
	}
	if m.runes == nil {
		m.runes = map[int32][]rune{}
	}
	r := []rune(m.lines[n-1])
	m.runes[n] = r
	return r
}

// caretLine renders the caret line under src (the source line, dedented by
// indent runes), or "" when CPython prints none.
func (ci caretInfo) caretLine(src string, indent int) string {
	line := []rune(src)
	start, end := int(ci.start)-indent, int(ci.end)-indent
	if start < 0 || end > len(line) || start >= end || ci.wholeCall {
		return ""
	}
	anchors := ci.left >= 0
	if !anchors && isBlank(line[:start]) && isBlank(line[end:]) {
		return ""
	}
	left, right := int(ci.left)-indent, int(ci.right)-indent
	out := make([]rune, end)
	for col := range out {
		switch {
		case col < start:
			out[col] = ' '
		case !anchors:
			out[col] = '^'
		case col >= left && col < right:
			out[col] = '^'
		default:
			out[col] = '~'
		}
	}
	return string(out)
}

func isBlank(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
