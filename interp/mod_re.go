package interp

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/copypatch/copypatch/pyre"
)

// re: the module over package pyre (Python's regex syntax on a
// backtracking matcher of its own). Pattern and Match objects are Go
// objects with CPython's methods, attributes and reprs; re.error is
// re.PatternError (3.13's name). The flags are members of RegexFlag, an
// IntFlag written in Python (pylib/re_extra.py); Scanner is Python too
// (pylib/re_scanner.py), compiled when first looked up.

//go:embed pylib/re_extra.py
var reExtraSource string

//go:embed pylib/re_scanner.py
var reScannerSource string

// PatternError is re.error (re.PatternError).
var PatternError = &ExcType{name: "PatternError", module: "re", base: Exception_}

type rePattern struct {
	re   *pyre.Regexp
	src  Val
	tmpl sync.Map // replacement string -> *pyre.Template
	// bytes: a bytes pattern, compiled from its bytes as Latin-1 code
	// points with re.ASCII (CPython's classes and case rules for bytes);
	// its subjects are bytes and its results bytes again.
	bytes bool
}

// flags are the pattern's flags as CPython shows them: a bytes pattern's
// ASCII is implied, not shown.
func (p *rePattern) flags() int {
	if p.bytes {
		return p.re.Flags &^ pyre.FlagA
	}
	return p.re.Flags
}

// latin1 is b's bytes as code points 0-255.
func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

// val is text (code points) as the pattern's kind of string: bytes for a
// bytes pattern, whose code points are all below 256.
func (p *rePattern) val(text string) Val {
	if !p.bytes {
		return StrVal(text)
	}
	b := make([]byte, 0, len(text))
	for _, r := range text {
		b = append(b, byte(r))
	}
	return bytesVal(b)
}

// runesVal is text as the pattern's kind of string.
func (p *rePattern) runesVal(text []rune) Val {
	if !p.bytes {
		return StrVal(string(text))
	}
	b := make([]byte, len(text))
	for i, r := range text {
		b[i] = byte(r)
	}
	return bytesVal(b)
}

// replArg is a replacement or template argument as code points: a str
// for a str pattern, bytes for a bytes pattern; ok is false for neither.
func (p *rePattern) replArg(v Val) (string, bool, error) {
	switch o := v.O.(type) {
	case *Str:
		if p.bytes {
			return "", false, newErr(TypeError, "sequence item 0: expected a bytes-like object, str found")
		}
		return o.s, true, nil
	case *Bytes:
		if !p.bytes {
			return "", false, newErr(TypeError, "expected str instance, bytes found")
		}
		return latin1(o.b), true, nil
	}
	return "", false, nil
}

type reMatch struct {
	pat         *rePattern
	str         Val
	text        []rune // the subject up to endpos
	caps        []int
	pos, endpos int
	lastIndex   int
}

func (*rePattern) typeName() string { return "re.Pattern" }
func (*reMatch) typeName() string   { return "re.Match" }

// reCache keeps a VM's compiled patterns, as CPython's re does (up to
// 512): re.compile of the same pattern and flags gives the same object.
type reCache struct {
	mu sync.Mutex
	m  map[string]*rePattern
}

// reErr turns pyre's errors into CPython's exceptions.
func reErr(err error) error {
	switch e := err.(type) {
	case *pyre.Error:
		pe := newErr(PatternError, "%s", e.Error())
		x := pe.exc
		x.attrs.set("msg", StrVal(e.Msg))
		x.attrs.set("pattern", StrVal(e.Pattern))
		if e.Pos >= 0 {
			line, col := e.LineCol()
			x.attrs.set("pos", IntVal(int64(e.Pos)))
			x.attrs.set("lineno", IntVal(int64(line)))
			x.attrs.set("colno", IntVal(int64(col)))
		} else {
			x.attrs.set("pattern", NoneVal)
			x.attrs.set("pos", NoneVal)
			x.attrs.set("lineno", NoneVal)
			x.attrs.set("colno", NoneVal)
		}
		return pe
	case *pyre.IndexError:
		return newErr(IndexError, "%s", e.Msg)
	case *pyre.OverflowError:
		return newErr(OverflowError, "%s", e.Msg)
	case *pyre.ValueError:
		return newErr(ValueError, "%s", e.Msg)
	}
	return err
}

// patternOf is a module function's pattern argument: a str or a compiled
// pattern (with no flags).
func (c *reCache) patternOf(p Val, flags Val) (*rePattern, error) {
	f := int64(0)
	if flags.T != tagEmpty {
		if bv, ok := builtinValue(flags); ok {
			flags = bv // a RegexFlag
		}
		n, ok := toInt64Arg(flags)
		if !ok {
			return nil, newErr(TypeError, "unsupported operand type(s) for &: '%s' and 'int'", typeName(flags))
		}
		f = n
	}
	switch o := p.O.(type) {
	case *rePattern:
		if f != 0 {
			return nil, newErr(ValueError, "cannot process flags argument with a compiled pattern")
		}
		return o, nil
	case *Str:
		key := strconv.FormatInt(f, 10) + ":" + o.s
		c.mu.Lock()
		pat, ok := c.m[key]
		c.mu.Unlock()
		if ok {
			return pat, nil
		}
		re, err := pyre.Compile(o.s, int(f))
		if err != nil {
			return nil, reErr(err)
		}
		pat = &rePattern{re: re, src: p}
		c.mu.Lock()
		if len(c.m) >= 512 {
			c.m = map[string]*rePattern{}
		}
		c.m[key] = pat
		c.mu.Unlock()
		return pat, nil
	case *Bytes:
		if f&32 != 0 {
			return nil, newErr(ValueError, "cannot use UNICODE flag with a bytes pattern")
		}
		src := latin1(o.b)
		key := "b" + strconv.FormatInt(f, 10) + ":" + src
		c.mu.Lock()
		pat, ok := c.m[key]
		c.mu.Unlock()
		if ok {
			return pat, nil
		}
		re, err := pyre.Compile(src, int(f|256))
		if err != nil {
			return nil, reErr(err)
		}
		pat = &rePattern{re: re, src: bytesVal(append([]byte(nil), o.b...)), bytes: true}
		c.mu.Lock()
		if len(c.m) >= 512 {
			c.m = map[string]*rePattern{}
		}
		c.m[key] = pat
		c.mu.Unlock()
		return pat, nil
	}
	return nil, newErr(TypeError, "first argument must be string or compiled pattern")
}

// reArgs binds positional and keyword arguments to names; the first
// required are required.
func reArgs(fn string, args []Val, kwn []string, names []string, required int) ([]Val, error) {
	// sre counts keyword arguments too in "takes at most".
	if len(args)-len(kwn) > len(names) {
		return nil, newErr(TypeError, "%s() takes at most %d arguments (%d given)", fn, len(names), len(args))
	}
	return kwArgs(fn, args, kwn, names, required)
}

// subject is a match's string as code points (bytes as Latin-1 for a
// bytes pattern).
func (p *rePattern) subject(v Val) ([]rune, error) {
	if b, ok := builtinValue(v); ok {
		v = b // a str subclass matches as its str
	}
	if p.bytes {
		switch o := v.O.(type) {
		case *Bytes:
			return []rune(latin1(o.b)), nil
		case *Str:
			return nil, newErr(TypeError, "cannot use a bytes pattern on a string-like object")
		}
		return nil, newErr(TypeError, "expected string or bytes-like object, got '%s'", typeName(v))
	}
	switch o := v.O.(type) {
	case *Str:
		if o.ascii() {
			rs := make([]rune, len(o.s))
			for i := 0; i < len(o.s); i++ {
				rs[i] = rune(o.s[i])
			}
			return rs, nil
		}
		return o.runeSlice(), nil
	case *Bytes:
		return nil, newErr(TypeError, "cannot use a string pattern on a bytes-like object")
	}
	return nil, newErr(TypeError, "expected string or bytes-like object, got '%s'", typeName(v))
}

// span clamps pos and endpos as sre's state_init does.
// subjectSpan is a search's subject and its [pos, endpos) window.
func (p *rePattern) subjectSpan(str, pos, end Val) ([]rune, int, int, error) {
	text, err := p.subject(str)
	if err != nil {
		return nil, 0, 0, err
	}
	lo, hi, err := reSpan(len(text), pos, end)
	return text, lo, hi, err
}

func reSpan(n int, posV, endV Val) (int, int, error) {
	pos, end := int64(0), int64(n)
	if posV.T != tagEmpty {
		p, ok := toInt64Arg(posV)
		if !ok {
			return 0, 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(posV))
		}
		pos = p
	}
	if endV.T != tagEmpty {
		e, ok := toInt64Arg(endV)
		if !ok {
			return 0, 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(endV))
		}
		end = e
	}
	pos = max(pos, 0)
	end = min(max(end, 0), int64(n))
	if pos > end {
		pos = end + 1 // nothing can match
	}
	return int(pos), int(end), nil
}

func (p *rePattern) run(vm *VM, str Val, text []rune, pos, end int, mode pyre.Mode, mustAdvance bool) (*reMatch, error) {
	if pos > end {
		return nil, nil
	}
	res, err := p.re.Match(&pyre.Input{Text: text[:end], Pos: pos, Mode: mode, MustAdvance: mustAdvance,
		Check: vm.interrupted})
	if err != nil || res == nil {
		return nil, err
	}
	return &reMatch{pat: p, str: str, text: text[:end], caps: res.Caps,
		pos: pos, endpos: end, lastIndex: res.LastIndex}, nil
}

// each calls fn for every match from pos, as finditer finds them (an
// empty match may not follow another at the same place).
func (p *rePattern) each(vm *VM, str Val, text []rune, pos, end int, fn func(m *reMatch) (bool, error)) error {
	must := false
	for pos <= end {
		m, err := p.run(vm, str, text, pos, end, pyre.ModeSearch, must)
		if err != nil || m == nil {
			return err
		}
		more, err := fn(m)
		if err != nil || !more {
			return err
		}
		must = m.caps[1] == m.caps[0]
		pos = m.caps[1]
	}
	return nil
}

func (m *reMatch) groupStr(g int) Val {
	lo, hi := m.caps[2*g], m.caps[2*g+1]
	if lo < 0 || hi < 0 {
		return NoneVal
	}
	return m.pat.runesVal(m.text[lo:hi])
}

// groupIndex is a group argument (a number or a name) as a number.
func (m *reMatch) groupIndex(v Val) (int, error) {
	if s, ok := v.O.(*Str); ok {
		if g, ok := m.pat.re.Names[s.s]; ok {
			return g, nil
		}
	} else if isIntLike(v) {
		if g, ok := toInt64Arg(v); ok && g >= 0 && g <= int64(m.pat.re.Groups) {
			return int(g), nil
		}
	}
	return 0, newErr(IndexError, "no such group")
}

func (p *rePattern) template(repl string) (*pyre.Template, error) {
	if t, ok := p.tmpl.Load(repl); ok {
		return t.(*pyre.Template), nil
	}
	t, err := p.re.ParseTemplate(repl)
	if err != nil {
		return nil, reErr(err)
	}
	p.tmpl.Store(repl, t)
	return t, nil
}

func (m *reMatch) expand(t *pyre.Template) string {
	var b strings.Builder
	for _, part := range t.Parts {
		if !part.IsGroup {
			b.WriteString(part.Lit)
			continue
		}
		if lo, hi := m.caps[2*part.Group], m.caps[2*part.Group+1]; lo >= 0 && hi >= 0 {
			b.WriteString(string(m.text[lo:hi]))
		}
	}
	return b.String()
}

// sub is Pattern.subn: the new string and the number of replacements.
func (p *rePattern) sub(vm *VM, repl, str Val, count int64) (Val, int, error) {
	text, err := p.subject(str)
	if err != nil {
		return Val{}, 0, err
	}
	if count < 0 {
		return str, 0, nil // sre replaces nothing
	}
	var tmpl *pyre.Template
	fn := Val{}
	if r, ok, err := p.replArg(repl); err != nil {
		return Val{}, 0, err
	} else if ok {
		if strings.IndexByte(r, '\\') < 0 {
			tmpl = &pyre.Template{Parts: []pyre.TemplatePart{{Lit: r}}}
		} else if tmpl, err = p.template(r); err != nil {
			return Val{}, 0, err
		}
	} else {
		fn = repl
	}
	var b strings.Builder
	last, n := 0, 0
	// CPython joins the pieces at the end: a replacement function's
	// result that is not a str fails then, named by its piece's index.
	pieces := 0
	var badPiece error
	err = p.each(vm, str, text, 0, len(text), func(m *reMatch) (bool, error) {
		if last < m.caps[0] {
			b.WriteString(string(text[last:m.caps[0]]))
			pieces++
		}
		if tmpl != nil {
			b.WriteString(m.expand(tmpl))
		} else {
			r, err := vm.call(fn, []Val{ObjVal(m)}, nil)
			if err != nil {
				return false, err
			}
			rb, isBytes := r.O.(*Bytes)
			switch {
			case r.isStr() && !p.bytes:
				b.WriteString(r.str().s)
				pieces++
			case isBytes && p.bytes:
				b.WriteString(latin1(rb.b))
				pieces++
			case r.T == tagNone:
			case badPiece == nil:
				want := "str instance"
				if p.bytes {
					want = "a bytes-like object"
				}
				badPiece = newErr(TypeError, "sequence item %d: expected %s, %s found", pieces, want, typeName(r))
				pieces++
			}
		}
		last = m.caps[1]
		n++
		return count <= 0 || int64(n) < count, nil
	})
	if err == nil {
		err = badPiece
	}
	if err != nil {
		return Val{}, 0, err
	}
	if n == 0 {
		return str, 0, nil
	}
	b.WriteString(string(text[last:]))
	return p.val(b.String()), n, nil
}

func (p *rePattern) split(vm *VM, str Val, maxsplit int64) (Val, error) {
	text, err := p.subject(str)
	if err != nil {
		return Val{}, err
	}
	var out []Val
	last, n := 0, int64(0)
	if maxsplit < 0 {
		return ObjVal(newList([]Val{str})), nil
	}
	err = p.each(vm, str, text, 0, len(text), func(m *reMatch) (bool, error) {
		out = append(out, p.runesVal(text[last:m.caps[0]]))
		for g := 1; g <= p.re.Groups; g++ {
			out = append(out, m.groupStr(g))
		}
		last = m.caps[1]
		n++
		return maxsplit == 0 || n < maxsplit, nil
	})
	if err != nil {
		return Val{}, err
	}
	out = append(out, p.runesVal(text[last:]))
	return ObjVal(newList(out)), nil
}

func (p *rePattern) findall(vm *VM, str Val, pos, end Val) (Val, error) {
	text, lo, hi, err := p.subjectSpan(str, pos, end)
	if err != nil {
		return Val{}, err
	}
	var out []Val
	err = p.each(vm, str, text, lo, hi, func(m *reMatch) (bool, error) {
		str := func(g int) Val {
			v := m.groupStr(g)
			if v.T == tagNone {
				return p.val("")
			}
			return v
		}
		switch p.re.Groups {
		case 0:
			out = append(out, str(0))
		case 1:
			out = append(out, str(1))
		default:
			items := make([]Val, p.re.Groups)
			for g := range items {
				items[g] = str(g + 1)
			}
			out = append(out, tupleOf(items))
		}
		return true, nil
	})
	if err != nil {
		return Val{}, err
	}
	return ObjVal(newList(out)), nil
}

func (p *rePattern) finditer(vm *VM, str Val, pos, end Val) (Val, error) {
	text, lo, hi, err := p.subjectSpan(str, pos, end)
	if err != nil {
		return Val{}, err
	}
	must, done := false, false
	return ObjVal(&funcIter{name: "callable_iterator", next: func(vm *VM) (Val, bool, error) {
		if done || lo > hi {
			return Val{}, false, nil
		}
		m, err := p.run(vm, str, text, lo, hi, pyre.ModeSearch, must)
		if err != nil || m == nil {
			done = true
			return Val{}, false, err
		}
		must = m.caps[1] == m.caps[0]
		lo = m.caps[1]
		return ObjVal(m), true, nil
	}}), nil
}

func (p *rePattern) matchMode(vm *VM, mode pyre.Mode, str, pos, end Val) (Val, error) {
	text, lo, hi, err := p.subjectSpan(str, pos, end)
	if err != nil {
		return Val{}, err
	}
	m, err := p.run(vm, str, text, lo, hi, mode, false)
	if err != nil || m == nil {
		return NoneVal, err
	}
	return ObjVal(m), nil
}

var reFlagNames = []struct {
	bit  int
	name string
}{{pyre.FlagI, "re.IGNORECASE"}, {pyre.FlagL, "re.LOCALE"}, {pyre.FlagM, "re.MULTILINE"},
	{pyre.FlagS, "re.DOTALL"}, {pyre.FlagU, "re.UNICODE"}, {pyre.FlagX, "re.VERBOSE"},
	{pyre.FlagDebug, "re.DEBUG"}, {pyre.FlagA, "re.ASCII"}}

func (p *rePattern) pyRepr(vm *VM) string {
	r := vm.repr(p.src)
	if rs := []rune(r); len(rs) > 200 {
		r = string(rs[:200])
	}
	flags := p.flags()
	if flags&(pyre.FlagL|pyre.FlagU|pyre.FlagA) == pyre.FlagU {
		flags &^= pyre.FlagU
	}
	if flags == 0 {
		return "re.compile(" + r + ")"
	}
	var names []string
	for _, f := range reFlagNames {
		if flags&f.bit != 0 {
			names = append(names, f.name)
			flags &^= f.bit
		}
	}
	if flags != 0 {
		names = append(names, "0x"+strconv.FormatInt(int64(flags), 16))
	}
	return "re.compile(" + r + ", " + strings.Join(names, "|") + ")"
}

func (m *reMatch) pyRepr(vm *VM) string {
	// sre prints the match with %.50R: its repr cut at 50 characters.
	r := vm.repr(m.groupStr(0))
	if rs := []rune(r); len(rs) > 50 {
		r = string(rs[:50])
	}
	return "<re.Match object; span=(" + strconv.Itoa(m.caps[0]) + ", " + strconv.Itoa(m.caps[1]) +
		"), match=" + r + ">"
}

func (p *rePattern) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "pattern":
		return p.src, true
	case "flags":
		return IntVal(int64(p.flags())), true
	case "groups":
		return IntVal(int64(p.re.Groups)), true
	case "groupindex":
		d := newDict()
		for g := 1; g <= p.re.Groups; g++ {
			for n, i := range p.re.Names {
				if i == g {
					d.set(StrVal(n), IntVal(int64(g)))
				}
			}
		}
		return ObjVal(d), true
	}
	return Val{}, false
}

var patternMethods = map[string]bool{"match": true, "search": true, "fullmatch": true, "findall": true,
	"finditer": true, "sub": true, "subn": true, "split": true}

func (p *rePattern) has(name string) bool { return patternMethods[name] }

func (p *rePattern) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	v, err := p.call(vm, name, args, kwn)
	return v, patternMethods[name], err
}

// searchModes maps a Pattern method's name to what its match must cover.
var searchModes = map[string]pyre.Mode{"match": pyre.ModeMatch, "search": pyre.ModeSearch, "fullmatch": pyre.ModeFullMatch}

func (p *rePattern) call(vm *VM, name string, args []Val, kwn []string) (Val, error) {
	switch name {
	case "match", "search", "fullmatch", "findall", "finditer":
		a, err := reArgs(name, args, kwn, []string{"string", "pos", "endpos"}, 1)
		if err != nil {
			return Val{}, err
		}
		switch name {
		case "findall":
			return p.findall(vm, a[0], a[1], a[2])
		case "finditer":
			return p.finditer(vm, a[0], a[1], a[2])
		}
		return p.matchMode(vm, searchModes[name], a[0], a[1], a[2])
	case "sub", "subn":
		a, err := reArgs(name, args, kwn, []string{"repl", "string", "count"}, 2)
		if err != nil {
			return Val{}, err
		}
		return p.subResult(vm, name, a[0], a[1], a[2])
	case "split":
		a, err := reArgs(name, args, kwn, []string{"string", "maxsplit"}, 1)
		if err != nil {
			return Val{}, err
		}
		n, err := intArg(a[1], 0)
		if err != nil {
			return Val{}, err
		}
		return p.split(vm, a[0], n)
	}
	return Val{}, nil
}

func intArg(v Val, def int64) (int64, error) {
	if v.T == tagEmpty {
		return def, nil
	}
	n, ok := toInt64Arg(v)
	if !ok || v.T == tagFloat {
		return 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
	}
	return n, nil
}

func (p *rePattern) subResult(vm *VM, name string, repl, str, countV Val) (Val, error) {
	count, err := intArg(countV, 0)
	if err != nil {
		return Val{}, err
	}
	s, n, err := p.sub(vm, repl, str, count)
	if err != nil {
		return Val{}, err
	}
	if name == "subn" {
		return tupleOf([]Val{s, IntVal(int64(n))}), nil
	}
	return s, nil
}

func (p *rePattern) dunder(vm *VM, name string, args []Val) (Val, bool, error) {
	switch name {
	case "__eq__":
		if len(args) == 1 {
			q, ok := args[0].O.(*rePattern)
			return BoolVal(ok && q.re.Flags == p.re.Flags && q.re.Pattern == p.re.Pattern), true, nil
		}
	case "__hash__":
		return IntVal(strHash(p.re.Pattern) ^ int64(p.re.Flags)), true, nil
	}
	return Val{}, false, nil
}

func (m *reMatch) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "pos":
		return IntVal(int64(m.pos)), true
	case "endpos":
		return IntVal(int64(m.endpos)), true
	case "string":
		return m.str, true
	case "re":
		return ObjVal(m.pat), true
	case "lastindex":
		if m.lastIndex < 0 {
			return NoneVal, true
		}
		return IntVal(int64(m.lastIndex)), true
	case "lastgroup":
		for n, g := range m.pat.re.Names {
			if g == m.lastIndex {
				return StrVal(n), true
			}
		}
		return NoneVal, true
	case "regs":
		items := make([]Val, m.pat.re.Groups+1)
		for g := range items {
			items[g] = tupleOf([]Val{IntVal(int64(m.caps[2*g])), IntVal(int64(m.caps[2*g+1]))})
		}
		return tupleOf(items), true
	}
	return Val{}, false
}

var matchMethods = map[string]bool{"group": true, "groups": true, "groupdict": true, "start": true,
	"end": true, "span": true, "expand": true, "__getitem__": true}

func (m *reMatch) has(name string) bool { return matchMethods[name] }

func (m *reMatch) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	if !matchMethods[name] {
		return Val{}, false, nil
	}
	v, err := m.call(vm, name, args, kwn)
	return v, true, err
}

func (m *reMatch) call(vm *VM, name string, args []Val, kwn []string) (Val, error) {
	switch name {
	case "group":
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "group() takes no keyword arguments")
		}
		if len(args) == 0 {
			return m.groupStr(0), nil
		}
		items := make([]Val, len(args))
		for i, a := range args {
			g, err := m.groupIndex(a)
			if err != nil {
				return Val{}, err
			}
			items[i] = m.groupStr(g)
		}
		if len(items) == 1 {
			return items[0], nil
		}
		return tupleOf(items), nil
	case "__getitem__":
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "expected 1 argument, got %d", len(args))
		}
		g, err := m.groupIndex(args[0])
		if err != nil {
			return Val{}, err
		}
		return m.groupStr(g), nil
	case "groups", "groupdict":
		a, err := reArgs(name, args, kwn, []string{"default"}, 0)
		if err != nil {
			return Val{}, err
		}
		def := a[0]
		if def.T == tagEmpty {
			def = NoneVal
		}
		get := func(g int) Val {
			v := m.groupStr(g)
			if v.T == tagNone {
				return def
			}
			return v
		}
		if name == "groups" {
			items := make([]Val, m.pat.re.Groups)
			for g := range items {
				items[g] = get(g + 1)
			}
			return tupleOf(items), nil
		}
		d := newDict()
		for g := 1; g <= m.pat.re.Groups; g++ {
			for n, i := range m.pat.re.Names {
				if i == g {
					if err := d.set(StrVal(n), get(g)); err != nil {
						return Val{}, err
					}
				}
			}
		}
		return ObjVal(d), nil
	case "start", "end", "span":
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "%s() takes no keyword arguments", name)
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "%s expected at most 1 argument, got %d", name, len(args))
		}
		g := 0
		if len(args) == 1 {
			var err error
			if g, err = m.groupIndex(args[0]); err != nil {
				return Val{}, err
			}
		}
		lo, hi := IntVal(int64(m.caps[2*g])), IntVal(int64(m.caps[2*g+1]))
		if m.caps[2*g] < 0 || m.caps[2*g+1] < 0 {
			lo, hi = IntVal(-1), IntVal(-1)
		}
		switch name {
		case "start":
			return lo, nil
		case "end":
			return hi, nil
		}
		return tupleOf([]Val{lo, hi}), nil
	case "expand":
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "expand() takes exactly one argument (%d given)", len(args))
		}
		r, ok, err := m.pat.replArg(args[0])
		if err != nil {
			return Val{}, err
		}
		if !ok {
			return Val{}, newErr(TypeError, "expected str instance, %s found", typeName(args[0]))
		}
		t, err := m.pat.template(r)
		if err != nil {
			return Val{}, err
		}
		return m.pat.val(m.expand(t)), nil
	}
	return Val{}, nil
}

func (m *reMatch) dunder(vm *VM, name string, args []Val) (Val, bool, error) {
	if name == "__getitem__" && len(args) == 1 {
		v, err := m.call(vm, name, args, nil)
		return v, true, err
	}
	return Val{}, false, nil
}

// reEscape is re.escape: a backslash before each character special in
// a pattern.
func reEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func reModule(vm *VM) *Module {
	m := newModule("re")
	cache := &reCache{m: map[string]*rePattern{}}
	m.attrs["error"] = ObjVal(PatternError)
	m.attrs["PatternError"] = ObjVal(PatternError)
	noNew := func(n string) Val {
		return ObjVal(&typeObj{name: n, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			return Val{}, newErr(TypeError, "cannot create '%s' instances", n)
		}})
	}
	m.attrs["Pattern"] = noNew("re.Pattern")
	m.attrs["Match"] = noNew("re.Match")
	// compile and _compile (what a pickled pattern calls: CPython's copyreg
	// reduction of re.Pattern is (re._compile, (pattern, flags))) differ
	// only in whether flags is required.
	compileFn := func(name string, required int) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := pyArgs(name, args, kwn, []string{"pattern", "flags"}, required)
			if err != nil {
				return Val{}, err
			}
			p, err := cache.patternOf(a[0], a[1])
			if err != nil {
				return Val{}, err
			}
			return ObjVal(p), nil
		})
	}
	compileFn("compile", 1)
	compileFn("_compile", 2)
	// The flags are RegexFlag members, bound as module globals too.
	extra := vm.pyModule("re", reExtraSource, nil)
	flagCls := extra.attrs["RegexFlag"]
	m.attrs["RegexFlag"] = flagCls
	compile := m.attrs["compile"].O.(*Builtin).fn
	m.setLazy("Scanner", func() Val {
		// The importing VM may be running on another thread by now.
		on, done := borrowVM(vm)
		defer done()
		return on.pyModule("re", reScannerSource, map[string]nativeFn{"_compile": compile}).attrs["Scanner"]
	})
	for _, name := range []string{"NOFLAG", "I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE",
		"A", "ASCII", "U", "UNICODE", "L", "LOCALE", "DEBUG"} {
		v, err := vm.getAttr(flagCls, name)
		if err != nil {
			panic(&internalError{"re." + name + ": " + err.Error()})
		}
		m.attrs[name] = v
	}
	for _, name := range []string{"match", "search", "fullmatch", "findall", "finditer"} {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := pyArgs(name, args, kwn, []string{"pattern", "string", "flags"}, 2)
			if err != nil {
				return Val{}, err
			}
			p, err := cache.patternOf(a[0], a[2])
			if err != nil {
				return Val{}, err
			}
			return p.call(vm, name, a[1:2], nil)
		})
	}
	for _, name := range []string{"sub", "subn"} {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := pyArgs(name, args, kwn, []string{"pattern", "repl", "string", "count", "flags"}, 3)
			if err != nil {
				return Val{}, err
			}
			p, err := cache.patternOf(a[0], a[4])
			if err != nil {
				return Val{}, err
			}
			return p.subResult(vm, name, a[1], a[2], a[3])
		})
	}
	m.def("split", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := pyArgs("split", args, kwn, []string{"pattern", "string", "maxsplit", "flags"}, 2)
		if err != nil {
			return Val{}, err
		}
		p, err := cache.patternOf(a[0], a[3])
		if err != nil {
			return Val{}, err
		}
		n, err := intArg(a[2], 0)
		if err != nil {
			return Val{}, err
		}
		return p.split(vm, a[1], n)
	})
	m.def("escape", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := pyArgs("escape", args, kwn, []string{"pattern"}, 1)
		if err != nil {
			return Val{}, err
		}
		if b, ok := a[0].O.(*Bytes); ok {
			return (&rePattern{bytes: true}).val(reEscape(latin1(b.b))), nil
		}
		if !a[0].isStr() {
			return Val{}, newErr(TypeError, "minipy's re.escape takes a str, not %s", typeName(a[0]))
		}
		return StrVal(reEscape(a[0].str().s)), nil
	})
	m.def("purge", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if _, err := pyArgs("purge", args, kwn, nil, 0); err != nil {
			return Val{}, err
		}
		cache.mu.Lock()
		cache.m = map[string]*rePattern{}
		cache.mu.Unlock()
		return NoneVal, nil
	})
	return m
}
