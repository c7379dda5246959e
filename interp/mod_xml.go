package interp

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xml.etree.ElementTree: the module (Element, the tree builder, paths,
// serialization) is pylib/xml_etree.py; Go's encoding/xml tokenizes the
// document, in place of CPython's expat. Names come back as ElementTree
// writes them, "{uri}local", with the xmlns declarations dropped.

//go:embed pylib/xml_etree.py
var xmlEtreeSource string

// C14N, loaded into the same module after the rest.
//
//go:embed pylib/xml_etree_c14n.py
var xmlEtreeC14NSource string

// xmlPackage is one of the empty packages above ElementTree (xml,
// xml.etree), which gain the submodule as an attribute once it is
// imported.
func xmlPackage(name string) func(vm *VM) *Module {
	return func(vm *VM) *Module { return newModule(name) }
}

func xmlEtreeModule(vm *VM) *Module {
	for _, pkg := range []string{"xml", "xml.etree"} {
		if _, ok := vm.modules[pkg]; !ok {
			vm.modules[pkg] = newModule(pkg)
		}
	}
	m := vm.pyModule("xml.etree.ElementTree", xmlEtreeSource+"\n"+xmlEtreeC14NSource, map[string]nativeFn{"_xml_events": xmlEvents})
	vm.modules["xml.etree"].attrs["ElementTree"] = ObjVal(m)
	vm.modules["xml"].attrs["etree"] = ObjVal(vm.modules["xml.etree"])
	return m
}

// xmlEvents is _xml_events(source[, split[, skip]]) for source a str or bytes:
// the list of the document's events, ("start", tag, [(name, value), ...]),
// ("end", tag), ("data", text), ("comment", text), ("pi", target, text),
// ("start-ns", prefix, uri) before the start of the element declaring
// it and ("end-ns", prefix) after its end (in reverse order, as expat),
// or, at the first error, a last event ("error", message, line, column)
// with expat's wording where Go's error has an equivalent. With split
// true, text comes in expat's pieces (see expatPieces), as a parser
// target's data() sees it. The first skip events (those a parser fed in
// pieces has already passed on) are left out, but for the error.
func xmlEvents(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) < 1 || len(args) > 3 {
		return Val{}, newErr(TypeError, "_xml_events() takes 1 to 3 arguments")
	}
	split := len(args) >= 2 && truthy(args[1])
	skip := 0
	if len(args) == 3 {
		n, ok := toInt64Arg(args[2])
		if !ok || n < 0 {
			return Val{}, newErr(TypeError, "_xml_events() skip must be a non-negative int")
		}
		skip = int(n)
	}
	// keep counts an event and says whether it is past the skipped ones.
	count := 0
	keep := func() bool {
		count++
		return count > skip
	}
	var src []byte
	isStr := args[0].isStr()
	if isStr {
		src = []byte(args[0].str().s)
	} else if b, ok := bytesLike(args[0]); ok {
		src = b
	} else {
		return Val{}, newErr(TypeError, "a bytes-like object or str is required, not '%s'", typeName(args[0]))
	}
	// expat takes a UTF-8 byte order mark as the encoding's sign; Go's
	// decoder refuses it.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	d := xml.NewDecoder(bytes.NewReader(src))
	d.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		if isStr {
			// A str is already text: its declaration names the encoding
			// it was once stored in.
			return in, nil
		}
		switch strings.ToLower(charset) {
		case "us-ascii", "ascii":
			return in, nil
		case "iso-8859-1", "latin-1", "latin1", "iso8859-1":
			return latin1Reader(in), nil
		}
		return nil, errors.New("unknown encoding")
	}
	var events []Val
	tagName := func(n xml.Name) Val {
		if n.Space != "" {
			return StrVal("{" + n.Space + "}" + n.Local)
		}
		return StrVal(n.Local)
	}
	// fail ends the events with an error at byte offset at of src
	// (expat's line, and its column in characters).
	fail := func(msg string, at int64) (Val, error) {
		at = min(max(at, 0), int64(len(src)))
		before := src[:at]
		line := bytes.Count(before, []byte("\n")) + 1
		col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
		events = append(events, tupleOf([]Val{StrVal("error"), StrVal(msg), IntVal(int64(line)), IntVal(int64(col))}))
		return ObjVal(newList(events)), nil
	}
	depth, roots := 0, 0
	// The prefixes each open element declared, innermost last.
	var declared [][]string
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			if roots == 0 {
				return fail("no element found", int64(len(src)))
			}
			return ObjVal(newList(events)), nil
		}
		if err != nil {
			msg, at := expatError(err, depth, src, start, d.InputOffset())
			return fail(msg, at)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && roots > 0 {
				return fail("junk after document element", start)
			}
			var attrs []Val
			seen := make(map[xml.Name]bool, len(t.Attr))
			var prefixes []string
			for _, a := range t.Attr {
				if seen[a.Name] {
					// Go keeps both; expat refuses the document.
					tag := src[start:d.InputOffset()]
					first := bytes.Index(tag, []byte(a.Name.Local+"="))
					second := bytes.Index(tag[first+1:], []byte(a.Name.Local+"="))
					return fail("duplicate attribute", start+int64(first+1+second))
				}
				seen[a.Name] = true
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					prefix := ""
					if a.Name.Space == "xmlns" {
						prefix = a.Name.Local
					}
					prefixes = append(prefixes, prefix)
					if keep() {
						events = append(events, tupleOf([]Val{StrVal("start-ns"), StrVal(prefix), StrVal(a.Value)}))
					}
					continue
				}
				if strings.ContainsAny(a.Value, "\t\n\r") {
					a.Value = normalizedAttr(src[start:d.InputOffset()], a)
				}
				attrs = append(attrs, tupleOf([]Val{tagName(a.Name), StrVal(a.Value)}))
			}
			if keep() {
				if attrs == nil {
					attrs = []Val{}
				}
				events = append(events, tupleOf([]Val{StrVal("start"), tagName(t.Name), ObjVal(newList(attrs))}))
			}
			declared = append(declared, prefixes)
			depth++
			roots++
		case xml.EndElement:
			if keep() {
				events = append(events, tupleOf([]Val{StrVal("end"), tagName(t.Name)}))
			}
			if n := len(declared); n > 0 {
				prefixes := declared[n-1]
				declared = declared[:n-1]
				for i := len(prefixes) - 1; i >= 0; i-- {
					if keep() {
						events = append(events, tupleOf([]Val{StrVal("end-ns"), StrVal(prefixes[i])}))
					}
				}
			}
			depth--
		case xml.CharData:
			if depth == 0 {
				if trimmed := bytes.TrimLeft(t, " \t\r\n"); len(trimmed) > 0 {
					at := start + int64(len(t)-len(trimmed))
					if roots > 0 {
						return fail("junk after document element", at)
					}
					return fail("syntax error", at)
				}
				continue
			}
			if split {
				for _, piece := range expatPieces(src[start:min(d.InputOffset(), int64(len(src)))], string(t)) {
					if keep() {
						events = append(events, tupleOf([]Val{StrVal("data"), StrVal(piece)}))
					}
				}
				continue
			}
			if keep() {
				events = append(events, tupleOf([]Val{StrVal("data"), StrVal(string(t))}))
			}
		case xml.Comment:
			if keep() {
				events = append(events, tupleOf([]Val{StrVal("comment"), StrVal(lineEnds(t))}))
			}
		case xml.ProcInst:
			if t.Target == "xml" {
				// The declaration, which only the very start may hold.
				if start > 0 {
					return fail("XML or text declaration not at start of entity", start)
				}
				continue
			}
			if keep() {
				events = append(events, tupleOf([]Val{StrVal("pi"), StrVal(t.Target), StrVal(lineEnds(t.Inst))}))
			}
		}
	}
}

// expatError says a Go XML syntax error as expat, which CPython uses,
// says the same fault, and where expat places it: the token that failed
// started at start, and Go stopped reading at stop.
func expatError(err error, depth int, src []byte, start, stop int64) (string, int64) {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return err.Error(), stop
	}
	msg := se.Msg
	switch {
	case strings.Contains(msg, "closed by") || strings.HasPrefix(msg, "unexpected end element"):
		return "mismatched tag", start + 2 // the name after "</"
	case msg == "unexpected EOF":
		if depth > 0 && (start >= int64(len(src)) || src[start] != '<') {
			return "no element found", int64(len(src))
		}
		return "unclosed token", start
	case strings.HasPrefix(msg, "illegal character code "),
		strings.HasPrefix(msg, "invalid character entity &#"):
		// A character reference: expat points at its "&", or at what
		// follows "&#" when no digits do. (A character written as it is
		// is an invalid token, below.)
		if i := bytes.LastIndex(src[start:min(stop, int64(len(src)))], []byte("&#")); i >= 0 {
			at := start + int64(i)
			if ref := strings.TrimPrefix(msg, "invalid character entity &#"); ref == ";" || ref == "x;" {
				return "not well-formed (invalid token)", at + 2
			}
			return "reference to invalid character number", at
		}
	case strings.HasPrefix(msg, "invalid XML name: "):
		name := strings.TrimPrefix(msg, "invalid XML name: ")
		if i := bytes.Index(src[start:], []byte(name)); i >= 0 {
			return "not well-formed (invalid token)", start + int64(i)
		}
	case strings.HasPrefix(msg, "invalid character entity "):
		ref := strings.TrimPrefix(msg, "invalid character entity ")
		if i := bytes.Index(src[start:], []byte(ref)); i >= 0 {
			return "undefined entity", start + int64(i)
		}
		return "undefined entity", start
	}
	return "not well-formed (invalid token)", stop - 1
}

// lineEnds is text with its line ends made "\n", as an XML parser
// gives comments and processing instructions (Go's decoder does so only
// for character data).
func lineEnds(text []byte) string {
	if bytes.IndexByte(text, '\r') < 0 {
		return string(text)
	}
	return strings.ReplaceAll(strings.ReplaceAll(string(text), "\r\n", "\n"), "\r", "\n")
}

// expatPieces cuts text, whose source is raw (character data or a CDATA
// section), where expat's handler calls would: each line end ("\n",
// "\r\n" or "\r") is a piece of its own, and so is each reference. When
// the pieces do not make up text (the source was re-encoded), text is
// the one piece.
func expatPieces(raw []byte, text string) []string {
	var pieces []string
	var run []byte
	flush := func() {
		if len(run) > 0 {
			pieces = append(pieces, string(run))
			run = run[:0]
		}
	}
	body, refs := raw, true
	if bytes.HasPrefix(raw, []byte("<![CDATA[")) && bytes.HasSuffix(raw, []byte("]]>")) {
		body, refs = raw[9:len(raw)-3], false
	}
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '\r' || c == '\n':
			flush()
			pieces = append(pieces, "\n")
			if c == '\r' && i+1 < len(body) && body[i+1] == '\n' {
				i++
			}
		case c == '&' && refs:
			end := bytes.IndexByte(body[i:], ';')
			ref, ok := xmlRef(body[i+1 : i+max(end, 1)])
			if end < 0 || !ok {
				return []string{text}
			}
			flush()
			pieces = append(pieces, ref)
			i += end
		default:
			run = append(run, c)
		}
	}
	flush()
	if strings.Join(pieces, "") != text {
		return []string{text}
	}
	return pieces
}

// xmlRef is the text of the reference &name; (a predefined entity or a
// character number).
func xmlRef(name []byte) (string, bool) {
	switch string(name) {
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "amp":
		return "&", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	}
	num, base := string(name), 10
	if !strings.HasPrefix(num, "#") {
		return "", false
	}
	num = num[1:]
	if strings.HasPrefix(num, "x") {
		num, base = num[1:], 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return "", false
	}
	return string(rune(n)), true
}

// rawAttr finds an attribute's quoted value in the text of its tag.
var rawAttr = regexp.MustCompile(`([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// normalizedAttr is attribute a's value as an XML parser must give it,
// which Go's decoder does not: tabs and line ends written literally
// become spaces (a \r\n one space), while those written as character
// references stay. tag is the source text of a's start tag.
func normalizedAttr(tag []byte, a xml.Attr) string {
	for _, m := range rawAttr.FindAllSubmatch(tag, -1) {
		name := string(m[1])
		if i := strings.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		if name != a.Name.Local {
			continue
		}
		raw := m[2]
		if raw == nil {
			raw = m[3]
		}
		raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte(" "))
		raw = bytes.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, raw)
		// The decoder resolves the references in what is left.
		var el struct {
			V string `xml:"v,attr"`
		}
		if xml.Unmarshal(append(append([]byte(`<x v="`), bytes.ReplaceAll(raw, []byte(`"`), []byte("&quot;"))...), `"/>`...), &el) == nil {
			return el.V
		}
	}
	return a.Value
}

// latin1Reader decodes ISO-8859-1 to UTF-8: each byte is its code point.
func latin1Reader(in io.Reader) io.Reader {
	b, err := io.ReadAll(in)
	if err != nil {
		return bytes.NewReader(nil)
	}
	out := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return bytes.NewReader(out)
}
