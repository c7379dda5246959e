package interp

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// json: dumps/dump and loads/load with CPython's options, output and
// messages (Lib/json's encoder and the C scanner's error positions, 3.13's
// trailing-comma messages), JSONEncoder/JSONDecoder for cls=, and
// JSONDecodeError, a ValueError carrying msg, doc, pos, lineno and colno.

// JSONDecodeError is json.JSONDecodeError (json.decoder.JSONDecodeError).
var JSONDecodeError = &ExcType{name: "JSONDecodeError", module: "json.decoder", base: ValueError}

// jsonEnc is one dumps call's options and state.
type jsonEnc struct {
	vm                      *VM
	skipKeys, ensureASCII   bool
	checkCircular, allowNaN bool
	sortKeys                bool
	indent                  *string // nil: everything on one line
	itemSep, keySep         string
	deflt                   Val // default=, or empty
	markers                 map[Object]bool
	b                       strings.Builder
}

// jsonEncOpts reads dumps' keyword options (also JSONEncoder's).
func (vm *VM) jsonEncOpts(fn string, kw map[string]Val, allowed map[string]bool) (*jsonEnc, error) {
	e := &jsonEnc{vm: vm, ensureASCII: true, checkCircular: true, allowNaN: true}
	for k := range kw {
		if !allowed[k] {
			return nil, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		}
	}
	flag := func(name string, dst *bool) {
		if v, ok := kw[name]; ok {
			*dst = truthy(v)
		}
	}
	flag("skipkeys", &e.skipKeys)
	flag("ensure_ascii", &e.ensureASCII)
	flag("check_circular", &e.checkCircular)
	flag("allow_nan", &e.allowNaN)
	flag("sort_keys", &e.sortKeys)
	if v, ok := kw["indent"]; ok && v.T != tagNone {
		var s string
		switch {
		case v.isStr():
			s = v.str().s
		case isIntLike(v):
			n, _ := toInt64Arg(v)
			s = strings.Repeat(" ", int(max(n, 0)))
		default:
			return nil, newErr(TypeError, "can't multiply sequence by non-int of type '%s'", typeName(v))
		}
		e.indent = &s
	}
	e.itemSep, e.keySep = ", ", ": "
	if e.indent != nil {
		e.itemSep = ","
	}
	if v, ok := kw["separators"]; ok && v.T != tagNone {
		items, err := vm.iterate(v)
		if err != nil {
			return nil, err
		}
		if len(items) != 2 {
			return nil, newErr(ValueError, "too many values to unpack (expected 2, got %d)", len(items))
		}
		if !items[0].isStr() || !items[1].isStr() {
			return nil, newErr(TypeError, "make_encoder() argument 6 must be str, not %s", typeName(items[0]))
		}
		e.itemSep, e.keySep = items[0].str().s, items[1].str().s
	}
	if v, ok := kw["default"]; ok && v.T != tagNone {
		e.deflt = v
	}
	return e, nil
}

var jsonDumpsKw = map[string]bool{"skipkeys": true, "ensure_ascii": true, "check_circular": true,
	"allow_nan": true, "cls": true, "indent": true, "separators": true, "default": true, "sort_keys": true}

// jsonQuote writes s as a JSON string.
func jsonQuote(b *strings.Builder, s string, ascii bool) {
	const hexd = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			u4 := func(c int) {
				b.WriteString(`\u`)
				b.WriteByte(hexd[c>>12&15])
				b.WriteByte(hexd[c>>8&15])
				b.WriteByte(hexd[c>>4&15])
				b.WriteByte(hexd[c&15])
			}
			switch {
			case r < 0x20:
				u4(int(r))
			case r < 0x7f || !ascii:
				b.WriteRune(r)
			case r > 0xffff:
				c := int(r) - 0x10000
				u4(0xd800 | c>>10)
				u4(0xdc00 | c&0x3ff)
			default:
				u4(int(r))
			}
		}
	}
	b.WriteByte('"')
}

// floatText is a float as JSON writes it (float.__repr__, or JavaScript's
// names for the specials).
func (e *jsonEnc) floatText(f float64) (string, error) {
	var s string
	switch {
	case math.IsNaN(f):
		s = "NaN"
	case math.IsInf(f, 1):
		s = "Infinity"
	case math.IsInf(f, -1):
		s = "-Infinity"
	default:
		return formatFloatRepr(f), nil
	}
	if !e.allowNaN {
		return "", newErr(ValueError, "Out of range float values are not JSON compliant: %s", formatFloatRepr(f))
	}
	return s, nil
}

func (e *jsonEnc) intText(v Val) (string, error) {
	if v.T == tagInt {
		return strconv.FormatInt(v.I(), 10), nil
	}
	b, _ := toBig(v)
	return e.vm.decimal(b)
}

func (e *jsonEnc) newline(level int) {
	if e.indent != nil {
		e.b.WriteByte('\n')
		for range level {
			e.b.WriteString(*e.indent)
		}
	}
}

func (e *jsonEnc) enter(o Object) error {
	if !e.checkCircular {
		return nil
	}
	if e.markers[o] {
		return newErr(ValueError, "Circular reference detected")
	}
	if e.markers == nil {
		e.markers = map[Object]bool{}
	}
	e.markers[o] = true
	return nil
}

func (e *jsonEnc) leave(o Object) {
	if e.checkCircular {
		delete(e.markers, o)
	}
}

func (e *jsonEnc) encode(v Val, level int) error {
	if !e.vm.enterNest(" while encoding a JSON object") {
		return e.vm.takePending()
	}
	defer e.vm.leaveNest()
	switch v.T {
	case tagNone:
		e.b.WriteString("null")
		return nil
	case tagBool:
		if v.B != 0 {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
		return nil
	case tagInt:
		e.b.WriteString(strconv.FormatInt(v.I(), 10))
		return nil
	case tagFloat:
		s, err := e.floatText(v.F())
		e.b.WriteString(s)
		return err
	}
	switch o := v.O.(type) {
	case *Str:
		jsonQuote(&e.b, o.s, e.ensureASCII)
		return nil
	case *BigInt:
		s, err := e.intText(v)
		e.b.WriteString(s)
		return err
	case *List:
		if o.deque {
			break
		}
		return e.encodeSeq(o, o.items(), level)
	case *Tuple:
		return e.encodeSeq(o, o.items, level)
	case *Dict:
		return e.encodeDict(o, level)
	case *Instance:
		// A subclass of a built-in type (IntEnum, a dict subclass)
		// encodes as its value.
		if b, ok := builtinValue(v); ok {
			return e.encode(b, level)
		}
	}
	if e.deflt.T == tagEmpty {
		return newErr(TypeError, "Object of type %s is not JSON serializable", jsonTypeName(e.vm, v))
	}
	if v.T == tagObject {
		if err := e.enter(v.O); err != nil {
			return err
		}
		defer e.leave(v.O)
	}
	r, err := e.vm.call(e.deflt, []Val{v}, nil)
	if err != nil {
		return err
	}
	if err := e.encode(r, level); err != nil {
		return jsonNote(err, "when serializing %s object", jsonTypeName(e.vm, v))
	}
	return nil
}

// jsonNote adds 3.14's note saying where an encoding error happened.
func jsonNote(err error, format string, args ...any) error {
	if pe, ok := err.(*PyErr); ok {
		pe.exc.addNote(StrVal(fmt.Sprintf(format, args...)))
	}
	return err
}

// jsonTypeName is o.__class__.__name__.
func jsonTypeName(vm *VM, v Val) string {
	if i, ok := v.O.(*Instance); ok {
		return i.cls.name
	}
	if l, ok := v.O.(*List); ok && l.deque {
		return "deque"
	}
	return typeName(v)
}

func (e *jsonEnc) encodeSeq(o Object, items []Val, level int) error {
	if len(items) == 0 {
		e.b.WriteString("[]")
		return nil
	}
	if err := e.enter(o); err != nil {
		return err
	}
	e.b.WriteByte('[')
	e.newline(level + 1)
	for i, x := range items {
		if i > 0 {
			e.b.WriteString(e.itemSep)
			e.newline(level + 1)
		}
		if err := e.encode(x, level+1); err != nil {
			return jsonNote(err, "when serializing %s item %d", o.typeName(), i)
		}
	}
	e.newline(level)
	e.b.WriteByte(']')
	e.leave(o)
	return nil
}

func (e *jsonEnc) encodeDict(d *Dict, level int) error {
	if d.Len() == 0 {
		e.b.WriteString("{}")
		return nil
	}
	if err := e.enter(d); err != nil {
		return err
	}
	type kv struct{ k, v Val }
	var items []kv
	for _, ent := range d.entries {
		if !ent.deleted() {
			items = append(items, kv{ent.key(), ent.val()})
		}
	}
	if e.sortKeys {
		keys := make([]Val, len(items))
		for i, it := range items {
			keys[i] = tupleOf([]Val{it.k, it.v})
		}
		l := newList(keys)
		if err := e.vm.sortList(l, nil); err != nil {
			return err
		}
		for i, t := range l.items() {
			p := t.O.(*Tuple).items
			items[i] = kv{p[0], p[1]}
		}
	}
	e.b.WriteByte('{')
	e.newline(level + 1)
	first := true
	for _, it := range items {
		var key string
		k := it.k
		if b, ok := builtinValue(k); ok {
			k = b
		}
		switch {
		case k.isStr():
			key = k.str().s
		case k.T == tagFloat:
			s, err := e.floatText(k.F())
			if err != nil {
				return err
			}
			key = s
		case k.T == tagBool:
			key = "false"
			if k.B != 0 {
				key = "true"
			}
		case k.T == tagNone:
			key = "null"
		case isIntLike(k):
			s, err := e.intText(k)
			if err != nil {
				return err
			}
			key = s
		case e.skipKeys:
			continue
		default:
			return newErr(TypeError, "keys must be str, int, float, bool or None, not %s", jsonTypeName(e.vm, k))
		}
		if !first {
			e.b.WriteString(e.itemSep)
			e.newline(level + 1)
		}
		first = false
		jsonQuote(&e.b, key, e.ensureASCII)
		e.b.WriteString(e.keySep)
		if err := e.encode(it.v, level+1); err != nil {
			return jsonNote(err, "when serializing dict item %s", e.vm.repr(it.k))
		}
	}
	e.newline(level)
	e.b.WriteByte('}')
	e.leave(d)
	return nil
}

// jsonDec is one loads call's hooks and text.
type jsonDec struct {
	vm                                  *VM
	s                                   []rune
	doc                                 Val
	objectHook, pairsHook               Val
	parseFloat, parseInt, parseConstant Val
	strict                              bool
}

// stopAt is the scanner's StopIteration: no value starts at pos.
type stopAt struct{ pos int }

func (*stopAt) Error() string { return "no JSON value" }

// jsonErr is JSONDecodeError(msg, doc, pos).
func (d *jsonDec) err(msg string, pos int) error {
	line, col := 1, pos+1
	for i := 0; i < pos && i < len(d.s); i++ {
		if d.s[i] == '\n' {
			line++
			col = pos - i
		}
	}
	e := newErr(JSONDecodeError, "%s: line %d column %d (char %d)", msg, line, col, pos)
	x := e.exc
	x.attrs.set("msg", StrVal(msg))
	x.attrs.set("doc", d.doc)
	x.attrs.set("pos", IntVal(int64(pos)))
	x.attrs.set("lineno", IntVal(int64(line)))
	x.attrs.set("colno", IntVal(int64(col)))
	return e
}

func jsonWS(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func (d *jsonDec) skipWS(i int) int {
	for i < len(d.s) && jsonWS(d.s[i]) {
		i++
	}
	return i
}

func (d *jsonDec) at(i int) rune {
	if i < len(d.s) {
		return d.s[i]
	}
	return -1
}

func (d *jsonDec) hasPrefix(i int, w string) bool {
	for _, r := range w {
		if i >= len(d.s) || d.s[i] != r {
			return false
		}
		i++
	}
	return true
}

// decode is JSONDecoder.decode: one value, surrounded only by whitespace.
func (d *jsonDec) decode() (Val, error) {
	if len(d.s) > 0 && d.s[0] == '\ufeff' {
		return Val{}, d.err("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
	}
	v, end, err := d.value(d.skipWS(0))
	if err != nil {
		return Val{}, d.expecting(err)
	}
	end = d.skipWS(end)
	if end != len(d.s) {
		return Val{}, d.err("Extra data", end)
	}
	return v, nil
}

// expecting turns a scanner stop into "Expecting value".
func (d *jsonDec) expecting(err error) error {
	if st, ok := err.(*stopAt); ok {
		return d.err("Expecting value", st.pos)
	}
	return err
}

// value is the scanner's scan_once at i.
func (d *jsonDec) value(i int) (Val, int, error) {
	if i >= len(d.s) {
		return Val{}, 0, &stopAt{i}
	}
	if err := d.vm.interrupted(); err != nil {
		return Val{}, 0, err
	}
	switch c := d.s[i]; {
	case c == '"':
		s, end, err := d.str(i + 1)
		return StrVal(s), end, err
	case c == '{':
		if !d.vm.enterNest(" while decoding a JSON object from a unicode string") {
			return Val{}, 0, d.vm.takePending()
		}
		defer d.vm.leaveNest()
		return d.object(i + 1)
	case c == '[':
		if !d.vm.enterNest(" while decoding a JSON array from a unicode string") {
			return Val{}, 0, d.vm.takePending()
		}
		defer d.vm.leaveNest()
		return d.array(i + 1)
	case c == 'n' && d.hasPrefix(i, "null"):
		return NoneVal, i + 4, nil
	case c == 't' && d.hasPrefix(i, "true"):
		return True, i + 4, nil
	case c == 'f' && d.hasPrefix(i, "false"):
		return False, i + 5, nil
	case c == 'N' && d.hasPrefix(i, "NaN"):
		return d.constant("NaN", i+3)
	case c == 'I' && d.hasPrefix(i, "Infinity"):
		return d.constant("Infinity", i+8)
	case c == '-' && d.hasPrefix(i, "-Infinity"):
		return d.constant("-Infinity", i+9)
	case c == '-' || c >= '0' && c <= '9':
		return d.number(i)
	}
	return Val{}, 0, &stopAt{i}
}

func (d *jsonDec) constant(name string, end int) (Val, int, error) {
	if d.parseConstant.T != tagEmpty {
		v, err := d.vm.call(d.parseConstant, []Val{StrVal(name)}, nil)
		return v, end, err
	}
	f := math.NaN()
	switch name {
	case "Infinity":
		f = math.Inf(1)
	case "-Infinity":
		f = math.Inf(-1)
	}
	return FloatVal(f), end, nil
}

func (d *jsonDec) number(start int) (Val, int, error) {
	i := start
	if d.at(i) == '-' {
		i++
	}
	switch c := d.at(i); {
	case c >= '1' && c <= '9':
		for isDigit(d.at(i)) {
			i++
		}
	case c == '0':
		i++
	default:
		return Val{}, 0, &stopAt{start}
	}
	isFloat := false
	if d.at(i) == '.' && isDigit(d.at(i+1)) {
		isFloat = true
		i += 2
		for isDigit(d.at(i)) {
			i++
		}
	}
	if c := d.at(i); c == 'e' || c == 'E' {
		j := i + 1
		if c := d.at(j); c == '+' || c == '-' {
			j++
		}
		if isDigit(d.at(j)) {
			for isDigit(d.at(j)) {
				j++
			}
			i = j
			isFloat = true
		}
	}
	text := string(d.s[start:i])
	if isFloat {
		if d.parseFloat.T != tagEmpty {
			v, err := d.vm.call(d.parseFloat, []Val{StrVal(text)}, nil)
			return v, i, err
		}
		f, _ := strconv.ParseFloat(text, 64) // out of range is ±inf, as float()
		return FloatVal(f), i, nil
	}
	if d.parseInt.T != tagEmpty {
		v, err := d.vm.call(d.parseInt, []Val{StrVal(text)}, nil)
		return v, i, err
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return IntVal(n), i, nil
	}
	if err := d.vm.checkFromStr(len(strings.TrimPrefix(text, "-")), 10); err != nil {
		return Val{}, 0, err
	}
	b, _ := new(big.Int).SetString(text, 10)
	return normBig(b), i, nil
}

// str is scanstring: the string whose opening quote is at start-1.
func (d *jsonDec) str(start int) (string, int, error) {
	var b strings.Builder
	i := start
	for {
		if i >= len(d.s) {
			return "", 0, d.err("Unterminated string starting at", start-1)
		}
		c := d.s[i]
		switch {
		case c == '"':
			return b.String(), i + 1, nil
		case c == '\\':
			i++
			if i >= len(d.s) {
				return "", 0, d.err("Unterminated string starting at", start-1)
			}
			esc := d.s[i]
			if esc != 'u' {
				m := map[rune]rune{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
				r, ok := m[esc]
				if !ok {
					return "", 0, d.err("Invalid \\escape", i-1)
				}
				b.WriteRune(r)
				i++
				continue
			}
			// The C scanner's bounds: four digits that end the document
			// are an error too (there is no closing quote after them).
			u, ok := d.hex4(i + 1)
			if !ok || i+5 >= len(d.s) {
				return "", 0, d.err("Invalid \\uXXXX escape", i)
			}
			i += 5
			if u >= 0xd800 && u <= 0xdbff && i+6 < len(d.s) && d.s[i] == '\\' && d.s[i+1] == 'u' {
				lo, ok := d.hex4(i + 2)
				if !ok {
					return "", 0, d.err("Invalid \\uXXXX escape", i+1)
				}
				if lo >= 0xdc00 && lo <= 0xdfff {
					u = 0x10000 + (u-0xd800)<<10 + (lo - 0xdc00)
					i += 6
				}
			}
			b.WriteRune(u)
		case c < 0x20 && d.strict:
			return "", 0, d.err("Invalid control character at", i)
		default:
			b.WriteRune(c)
			i++
		}
	}
}

func (d *jsonDec) hex4(i int) (rune, bool) {
	if i+4 > len(d.s) {
		return 0, false
	}
	var u rune
	for _, c := range d.s[i : i+4] {
		var x rune
		switch {
		case c >= '0' && c <= '9':
			x = c - '0'
		case c >= 'a' && c <= 'f':
			x = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			x = c - 'A' + 10
		default:
			return 0, false
		}
		u = u<<4 | x
	}
	return u, true
}

func (d *jsonDec) object(i int) (Val, int, error) {
	var pairs []Val
	dict := newDict()
	finish := func(end int) (Val, int, error) {
		if d.pairsHook.T != tagEmpty {
			v, err := d.vm.call(d.pairsHook, []Val{ObjVal(newList(pairs))}, nil)
			return v, end, err
		}
		if d.objectHook.T != tagEmpty {
			v, err := d.vm.call(d.objectHook, []Val{ObjVal(dict)}, nil)
			return v, end, err
		}
		return ObjVal(dict), end, nil
	}
	i = d.skipWS(i)
	if d.at(i) == '}' {
		return finish(i + 1)
	}
	if d.at(i) != '"' {
		return Val{}, 0, d.err("Expecting property name enclosed in double quotes", i)
	}
	i++
	for {
		key, end, err := d.str(i)
		if err != nil {
			return Val{}, 0, err
		}
		i = d.skipWS(end)
		if d.at(i) != ':' {
			return Val{}, 0, d.err("Expecting ':' delimiter", i)
		}
		i = d.skipWS(i + 1)
		v, end, err := d.value(i)
		if err != nil {
			return Val{}, 0, d.expecting(err)
		}
		if d.pairsHook.T != tagEmpty {
			pairs = append(pairs, tupleOf([]Val{StrVal(key), v}))
		} else if err := dict.set(StrVal(key), v); err != nil {
			return Val{}, 0, err
		}
		i = d.skipWS(end)
		switch d.at(i) {
		case '}':
			return finish(i + 1)
		case ',':
		default:
			return Val{}, 0, d.err("Expecting ',' delimiter", i)
		}
		comma := i
		i = d.skipWS(i + 1)
		if d.at(i) != '"' {
			if d.at(i) == '}' {
				return Val{}, 0, d.err("Illegal trailing comma before end of object", comma)
			}
			return Val{}, 0, d.err("Expecting property name enclosed in double quotes", i)
		}
		i++
	}
}

func (d *jsonDec) array(i int) (Val, int, error) {
	var items []Val
	i = d.skipWS(i)
	if d.at(i) == ']' {
		return ObjVal(newList(items)), i + 1, nil
	}
	for {
		v, end, err := d.value(i)
		if err != nil {
			return Val{}, 0, d.expecting(err)
		}
		items = append(items, v)
		i = d.skipWS(end)
		switch d.at(i) {
		case ']':
			return ObjVal(newList(items)), i + 1, nil
		case ',':
		default:
			return Val{}, 0, d.err("Expecting ',' delimiter", i)
		}
		comma := i
		i = d.skipWS(i + 1)
		if d.at(i) == ']' {
			return Val{}, 0, d.err("Illegal trailing comma before end of array", comma)
		}
	}
}

var jsonLoadsKw = map[string]bool{"cls": true, "object_hook": true, "parse_float": true, "parse_int": true,
	"parse_constant": true, "object_pairs_hook": true, "strict": true}

// jsonDecOpts reads loads' keyword options (also JSONDecoder's).
func (vm *VM) jsonDecOpts(fn string, kw map[string]Val, allowed map[string]bool) (*jsonDec, error) {
	d := &jsonDec{vm: vm, strict: true}
	for k, v := range kw {
		if !allowed[k] {
			return nil, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if v.T == tagNone {
			continue
		}
		switch k {
		case "object_hook":
			d.objectHook = v
		case "object_pairs_hook":
			d.pairsHook = v
		case "parse_float":
			d.parseFloat = v
		case "parse_int":
			d.parseInt = v
		case "parse_constant":
			d.parseConstant = v
		case "strict":
			d.strict = truthy(v)
		}
	}
	return d, nil
}

// jsonText is loads' argument as text: a str, or UTF-8 bytes.
func jsonText(v Val) (string, error) {
	switch o := v.O.(type) {
	case *Str:
		return o.s, nil
	case *Bytes:
		b := o.b
		if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
			b = b[3:]
		}
		if !utf8.Valid(b) {
			return "", newErr(UnicodeDecodeError, "'utf-8' codec can't decode bytes: invalid utf-8")
		}
		return string(b), nil
	}
	return "", newErr(TypeError, "the JSON object must be str, bytes or bytearray, not %s", typeName(v))
}

func (vm *VM) jsonLoads(fn string, v Val, kw map[string]Val) (Val, error) {
	if cls, ok := kw["cls"]; ok && cls.T != tagNone {
		rest := map[string]Val{}
		for k, x := range kw {
			if k != "cls" {
				rest[k] = x
			}
		}
		names, vals := kwList(rest)
		dec, err := vm.call(cls, vals, names)
		if err != nil {
			return Val{}, err
		}
		m, err := vm.getAttr(dec, "decode")
		if err != nil {
			return Val{}, err
		}
		return vm.call(m, []Val{v}, nil)
	}
	text, err := jsonText(v)
	if err != nil {
		return Val{}, err
	}
	d, err := vm.jsonDecOpts(fn, kw, jsonLoadsKw)
	if err != nil {
		return Val{}, err
	}
	d.s = []rune(text)
	d.doc = StrVal(text)
	return d.decode()
}

// kwList is a keyword map as call arguments, in a fixed order.
func kwList(kw map[string]Val) ([]string, []Val) {
	names := sortedNames(kw)
	vals := make([]Val, len(names))
	for i, n := range names {
		vals[i] = kw[n]
	}
	return names, vals
}

func (vm *VM) jsonDumps(fn string, obj Val, kw map[string]Val) (string, error) {
	if cls, ok := kw["cls"]; ok && cls.T != tagNone {
		rest := map[string]Val{}
		for k, x := range kw {
			if k != "cls" {
				rest[k] = x
			}
		}
		names, vals := kwList(rest)
		enc, err := vm.call(cls, vals, names)
		if err != nil {
			return "", err
		}
		m, err := vm.getAttr(enc, "encode")
		if err != nil {
			return "", err
		}
		r, err := vm.call(m, []Val{obj}, nil)
		if err != nil {
			return "", err
		}
		return vm.strOf(r), nil
	}
	e, err := vm.jsonEncOpts(fn, kw, jsonDumpsKw)
	if err != nil {
		return "", err
	}
	if err := e.encode(obj, 0); err != nil {
		return "", err
	}
	return e.b.String(), nil
}

func jsonModule(vm *VM) *Module {
	m := newModule("json")
	m.attrs["JSONDecodeError"] = ObjVal(JSONDecodeError)
	arity := func(fn string, pos []Val, n int, names ...string) error {
		if len(pos) < n {
			miss := names[len(pos):n]
			q := make([]string, len(miss))
			for i, s := range miss {
				q[i] = "'" + s + "'"
			}
			word := "argument"
			if len(q) > 1 {
				word = "arguments"
			}
			return newErr(TypeError, "%s() missing %d required positional %s: %s", fn, len(q), word, strings.Join(q, " and "))
		}
		if len(pos) > n {
			return newErr(TypeError, "%s() takes %d positional argument%s but %d were given", fn, n, plural(n), len(pos))
		}
		return nil
	}
	m.def("dumps", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if err := arity("dumps", pos, 1, "obj"); err != nil {
			return Val{}, err
		}
		s, err := vm.jsonDumps("dumps", pos[0], kw)
		if err != nil {
			return Val{}, err
		}
		return StrVal(s), nil
	})
	m.def("dump", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if err := arity("dump", pos, 2, "obj", "fp"); err != nil {
			return Val{}, err
		}
		s, err := vm.jsonDumps("dump", pos[0], kw)
		if err != nil {
			return Val{}, err
		}
		w, err := vm.getAttr(pos[1], "write")
		if err != nil {
			return Val{}, err
		}
		_, err = vm.call(w, []Val{StrVal(s)}, nil)
		return NoneVal, err
	})
	m.def("loads", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if err := arity("loads", pos, 1, "s"); err != nil {
			return Val{}, err
		}
		return vm.jsonLoads("loads", pos[0], kw)
	})
	m.def("load", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if err := arity("load", pos, 1, "fp"); err != nil {
			return Val{}, err
		}
		r, err := vm.getAttr(pos[0], "read")
		if err != nil {
			return Val{}, err
		}
		text, err := vm.call(r, nil, nil)
		if err != nil {
			return Val{}, err
		}
		return vm.jsonLoads("load", text, kw)
	})
	vm.jsonClasses(m)
	return m
}

// jsonClasses adds JSONEncoder and JSONDecoder, whose instances keep
// their options as attributes (as CPython's), so a subclass can override
// default() or read them.
func (vm *VM) jsonClasses(m *Module) {
	encOpts := []string{"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent", "separators", "default"}
	encDefaults := map[string]Val{"skipkeys": False, "ensure_ascii": True, "check_circular": True,
		"allow_nan": True, "sort_keys": False, "indent": NoneVal}
	enc, err := vm.nativeClass("JSONEncoder", nil, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := splitKw(args, kwn)
			if len(pos) > 1 {
				return Val{}, newErr(TypeError, "JSONEncoder.__init__() takes 1 positional argument but %d were given", len(pos))
			}
			allowed := map[string]bool{}
			for _, n := range encOpts {
				allowed[n] = true
			}
			for k := range kw {
				if !allowed[k] {
					return Val{}, newErr(TypeError, "JSONEncoder.__init__() got an unexpected keyword argument '%s'", k)
				}
			}
			for _, n := range encOpts {
				v, ok := kw[n]
				if !ok {
					v, ok = encDefaults[n]
				}
				if n == "default" && (!ok || v.T == tagNone) {
					continue
				}
				if n == "separators" {
					if !ok || v.T == tagNone {
						continue
					}
					items, err := vm.iterate(v)
					if err != nil {
						return Val{}, err
					}
					if len(items) == 2 {
						vm.objectSetAttr(pos[0], "item_separator", items[0])
						vm.objectSetAttr(pos[0], "key_separator", items[1])
					}
					continue
				}
				if err := vm.objectSetAttr(pos[0], n, v); err != nil {
					return Val{}, err
				}
			}
			if v, ok := kw["separators"]; !ok || v.T == tagNone {
				item := ", "
				if ind, ok := kw["indent"]; ok && ind.T != tagNone {
					item = ","
				}
				vm.objectSetAttr(pos[0], "item_separator", StrVal(item))
				vm.objectSetAttr(pos[0], "key_separator", StrVal(": "))
			}
			return NoneVal, nil
		},
		"default": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "default() takes 2 positional arguments but %d were given", len(args))
			}
			return Val{}, newErr(TypeError, "Object of type %s is not JSON serializable", jsonTypeName(vm, args[1]))
		},
		"encode": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := pyArity("JSONEncoder.encode", []string{"o"}, args, kwn); err != nil {
				return Val{}, err
			}
			kw := map[string]Val{}
			for _, n := range []string{"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent", "default"} {
				if v, err := vm.getAttr(args[0], n); err == nil {
					kw[n] = v
				}
			}
			item, err1 := vm.getAttr(args[0], "item_separator")
			key, err2 := vm.getAttr(args[0], "key_separator")
			if err1 == nil && err2 == nil {
				kw["separators"] = tupleOf([]Val{item, key})
			}
			e, err := vm.jsonEncOpts("encode", kw, jsonDumpsKw)
			if err != nil {
				return Val{}, err
			}
			if err := e.encode(args[1], 0); err != nil {
				return Val{}, err
			}
			return StrVal(e.b.String()), nil
		},
	})
	if err == nil {
		m.attrs["JSONEncoder"] = ObjVal(enc)
	}
	decOpts := []string{"object_hook", "parse_float", "parse_int", "parse_constant", "strict", "object_pairs_hook"}
	decoder := func(vm *VM, self Val) (*jsonDec, error) {
		kw := map[string]Val{}
		for _, n := range decOpts {
			if v, err := vm.getAttr(self, n); err == nil {
				kw[n] = v
			}
		}
		return vm.jsonDecOpts("decode", kw, jsonLoadsKw)
	}
	dec, err := vm.nativeClass("JSONDecoder", nil, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := splitKw(args, kwn)
			if len(pos) > 1 {
				return Val{}, newErr(TypeError, "JSONDecoder.__init__() takes 1 positional argument but %d were given", len(pos))
			}
			for k := range kw {
				if indexOf(decOpts, k) < 0 {
					return Val{}, newErr(TypeError, "JSONDecoder.__init__() got an unexpected keyword argument '%s'", k)
				}
			}
			for _, n := range decOpts {
				v, ok := kw[n]
				if !ok {
					v = NoneVal
					if n == "strict" {
						v = True
					}
				}
				if err := vm.objectSetAttr(pos[0], n, v); err != nil {
					return Val{}, err
				}
			}
			return NoneVal, nil
		},
		"decode": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := pyArity("JSONDecoder.decode", []string{"s"}, args, kwn); err != nil {
				return Val{}, err
			}
			d, err := decoder(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			text, err := jsonText(args[1])
			if err != nil {
				return Val{}, err
			}
			d.s, d.doc = []rune(text), StrVal(text)
			return d.decode()
		},
		"raw_decode": func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := splitKw(args, kwn)
			if len(pos) < 2 {
				return Val{}, newErr(TypeError, "raw_decode() missing 1 required positional argument: 's'")
			}
			d, err := decoder(vm, pos[0])
			if err != nil {
				return Val{}, err
			}
			text, err := jsonText(pos[1])
			if err != nil {
				return Val{}, err
			}
			d.s, d.doc = []rune(text), StrVal(text)
			idx := int64(0)
			iv, ok := kw["idx"]
			if len(pos) > 2 {
				iv, ok = pos[2], true
			}
			if ok {
				idx, _ = toInt64Arg(iv)
			}
			v, end, err := d.value(int(idx))
			if err != nil {
				return Val{}, d.expecting(err)
			}
			return tupleOf([]Val{v, IntVal(int64(end))}), nil
		},
	})
	if err == nil {
		m.attrs["JSONDecoder"] = ObjVal(dec)
	}
}
