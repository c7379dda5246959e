# xml.etree.ElementTree for minipy, written for it: elements, the tree
# builder, a path language for find/findall, and serialization as
# CPython writes it. The document is tokenized in Go (_xml_events, from
# encoding/xml) where CPython uses expat.

import io, re, sys, warnings

__all__ = ["Comment", "dump", "Element", "ElementTree", "fromstring", "fromstringlist",
           "indent", "iselement", "iterparse", "parse", "ParseError", "PI",
           "ProcessingInstruction", "QName", "SubElement", "tostring", "tostringlist",
           "TreeBuilder", "VERSION", "XML", "XMLParser", "register_namespace"]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """A document that is not well-formed XML; code is expat's error
    number and position (line, column)."""


# expat's numbers for the errors _xml_events reports.
_error_codes = {"syntax error": 2, "no element found": 3, "not well-formed (invalid token)": 4,
                "unclosed token": 5, "mismatched tag": 7, "junk after document element": 9,
                "undefined entity": 11, "unknown encoding": 18}


def iselement(element):
    return hasattr(element, "tag")


class Element:
    """An XML element: tag, attrib, text before its first child, tail
    after its end, and its children in order."""

    def __init__(self, tag, attrib={}, **extra):
        if not isinstance(attrib, dict):
            raise TypeError("Element() argument 2 must be dict, not %s" % type(attrib).__name__)
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self.text = None
        self.tail = None
        self._children = []

    def __repr__(self):
        return "<%s %r at %#x>" % (type(self).__name__, self.tag, id(self))

    def makeelement(self, tag, attrib):
        return type(self)(tag, attrib)

    def __copy__(self):
        elem = self.makeelement(self.tag, self.attrib)
        elem.text = self.text
        elem.tail = self.tail
        elem[:] = self
        return elem

    def copy(self):
        return self.__copy__()

    def __len__(self):
        return len(self._children)

    def __bool__(self):
        warnings.warn("Testing an element's truth value will always return True in "
                      "future versions.  Use specific 'len(elem)' or 'elem is not None' "
                      "test instead.", DeprecationWarning, stacklevel=2)
        return len(self._children) != 0

    def __getitem__(self, index):
        return self._children[index]

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            element = list(element)
            for e in element:
                _check_element(e)
        else:
            if not -len(self._children) <= index < len(self._children):
                raise IndexError("child assignment index out of range")
            _check_element(element)
        self._children[index] = element

    def __delitem__(self, index):
        del self._children[index]

    def __iter__(self):
        return iter(self._children)

    def append(self, subelement):
        _check_element(subelement, "append() argument 1")
        self._children.append(subelement)

    def extend(self, elements):
        elements = list(elements)
        for e in elements:
            _check_element(e)
        self._children.extend(elements)

    def insert(self, index, subelement):
        _check_element(subelement, "insert() argument 2")
        self._children.insert(index, subelement)

    def remove(self, subelement):
        for i, e in enumerate(self._children):
            if e is subelement:
                del self._children[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def find(self, path, namespaces=None):
        for e in _select(self, path, namespaces):
            return e
        return None

    def findtext(self, path, default=None, namespaces=None):
        e = self.find(path, namespaces)
        if e is None:
            return default
        return e.text or ""

    def findall(self, path, namespaces=None):
        return list(_select(self, path, namespaces))

    def iterfind(self, path, namespaces=None):
        return iter(_select(self, path, namespaces))

    def clear(self):
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    # Lists, as CPython's C elements return.
    def keys(self):
        return list(self.attrib.keys())

    def items(self):
        return list(self.attrib.items())

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        # An explicit stack: a deep document must not exhaust recursion.
        stack = [self]
        while stack:
            e = stack.pop()
            if tag is None or e.tag == tag:
                yield e
            stack.extend(reversed(e._children))

    def itertext(self):
        # Comments' and processing instructions' text too, as CPython's
        # C elements give it.
        if self.text:
            yield self.text
        for e in self._children:
            yield from e.itertext()
            if e.tail:
                yield e.tail


def _check_element(e, what=None):
    if not isinstance(e, Element):
        if what:
            raise TypeError("%s must be xml.etree.ElementTree.Element, not %s" % (what, type(e).__name__))
        raise TypeError('expected an Element, not "%s"' % type(e).__name__)


def SubElement(parent, tag, attrib={}, **extra):
    element = parent.makeelement(tag, {**attrib, **extra})
    parent.append(element)
    return element


def Comment(text=None):
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = target + " " + text
    return element


PI = ProcessingInstruction


class QName:
    """A qualified name, "{uri}local", as a tag, attribute name or value."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def _key(self, other):
        return other.text if isinstance(other, QName) else other

    def __eq__(self, other):
        return self.text == self._key(other)

    def __lt__(self, other):
        return self.text < self._key(other)

    def __le__(self, other):
        return self.text <= self._key(other)

    def __gt__(self, other):
        return self.text > self._key(other)

    def __ge__(self, other):
        return self.text >= self._key(other)


# --- paths (find, findall, findtext, iterfind) -------------------------

_step_re = re.compile(r"\[[^\]]*\]|\{[^}]*\}|[^/\[{]+|/")


def _split_path(path):
    """The steps of path: each (name, [predicates], descend), descend
    saying the step came after a "//"."""
    steps = []
    name, preds, descend = None, [], False
    pos = 0
    for m in _step_re.finditer(path):
        if m.start() != pos:
            raise SyntaxError("invalid path")
        pos = m.end()
        tok = m.group()
        if tok == "/":
            if m.start() == 0:
                raise SyntaxError("cannot use absolute path on element")
            if name is not None:
                steps.append((name, preds, descend))
                name, preds, descend = None, [], False
            elif descend:
                raise SyntaxError("invalid path")
            else:
                descend = True
        elif tok[0] == "[":
            if name is None:
                raise SyntaxError("invalid predicate")
            preds.append(tok[1:-1])
        elif name is None:
            name = tok
        elif preds:
            raise SyntaxError("invalid path")
        else:
            name += tok  # "{uri}" then "local"
    if pos != len(path) or name is None:
        raise SyntaxError("invalid path")
    steps.append((name, preds, descend))
    return steps


def _qualify(name, namespaces):
    """name with a prefix ("x:tag") written as "{uri}tag"; a default
    namespace (key "") applies to names without one."""
    if name in ("*", ".", "..") or name[:1] == "{":
        return name
    if ":" in name:
        prefix, local = name.split(":", 1)
        try:
            return "{%s}%s" % (namespaces[prefix], local) if namespaces else _no_prefix(prefix)
        except KeyError:
            raise SyntaxError("prefix %r not found in prefix map" % prefix) from None
    if namespaces and namespaces.get(""):
        return "{%s}%s" % (namespaces[""], name)
    return name


def _no_prefix(prefix):
    raise KeyError(prefix)


def _tag_matcher(name):
    if name == "*":
        return lambda tag: isinstance(tag, str)
    if name == "{*}*":
        return lambda tag: isinstance(tag, str)
    if name.startswith("{*}"):
        local = name[3:]
        return lambda tag: isinstance(tag, str) and (tag == local or tag.endswith("}" + local))
    if name.startswith("{}"):
        local = name[2:]
        return lambda tag: tag == local
    if name.endswith("}*"):
        ns = name[:-1]
        return lambda tag: isinstance(tag, str) and tag.startswith(ns)
    return lambda tag: tag == name


_pred_re = re.compile(r"""^(?:
    (?P<index>-?\d+) |
    last\(\)\s*(?:-\s*(?P<back>\d+))? |
    @(?P<attr>[^=!\s]+)(?:\s*(?P<aop>!?=)\s*(?P<aq>["'])(?P<aval>.*?)(?P=aq))? |
    (?P<child>[^=!\s\[\]]+)(?:\s*(?P<cop>!?=)\s*(?P<cq>["'])(?P<cval>.*?)(?P=cq))?
    )$""", re.X)


def _predicate(text, namespaces):
    """A filter over (element, parent map) for one [predicate]."""
    m = _pred_re.match(text.strip())
    if m is None:
        raise SyntaxError("invalid predicate")
    if m.group("index") is not None or text.strip().startswith("last()"):
        if m.group("index") is not None:
            index = int(m.group("index"))
            if index < 1:
                raise SyntaxError("XPath position >= 1 expected")
            index -= 1
        else:
            index = -1 - int(m.group("back") or 0)

        def by_position(e, parents):
            parent = parents.get(id(e))
            if parent is None:
                return False
            same = [c for c in parent if c.tag == e.tag]
            try:
                return same[index] is e
            except IndexError:
                return False
        return by_position
    if m.group("attr") is not None:
        key = _qualify(m.group("attr"), namespaces)
        op, value = m.group("aop"), m.group("aval")
        if op is None:
            return lambda e, parents: e.get(key) is not None
        if op == "=":
            return lambda e, parents: e.get(key) == value
        return lambda e, parents: e.get(key) is not None and e.get(key) != value
    child, op, value = m.group("child"), m.group("cop"), m.group("cval")
    if child == ".":
        if op is None:
            raise SyntaxError("invalid predicate")
        if op == "=":
            return lambda e, parents: "".join(e.itertext()) == value
        return lambda e, parents: "".join(e.itertext()) != value
    match = _tag_matcher(_qualify(child, namespaces))
    if op is None:
        return lambda e, parents: any(match(c.tag) for c in e)
    if op == "=":
        return lambda e, parents: any(match(c.tag) and "".join(c.itertext()) == value for c in e)
    return lambda e, parents: any(match(c.tag) and "".join(c.itertext()) != value for c in e)


def _parent_map(root):
    parents = {}
    for p in root.iter():
        for c in p:
            parents[id(c)] = p
    return parents


def _select(root, path, namespaces):
    if path[-1:] == "/":
        path += "*"  # as CPython: "a/" is "a/*"
    steps = _split_path(path)
    parents = None
    current = [root]
    for name, preds, descend in steps:
        name = _qualify(name, namespaces)
        if descend and name in (".", ".."):
            raise SyntaxError("cannot use '%s' after '//'" % name)
        if name == ".":
            found = current
        elif name == "..":
            if parents is None:
                parents = _parent_map(root)
            found, seen = [], set()
            for e in current:
                p = parents.get(id(e))
                if p is not None and id(p) not in seen:
                    seen.add(id(p))
                    found.append(p)
        else:
            match = _tag_matcher(name)
            found = []
            for e in current:
                if descend:
                    for d in e.iter():
                        if d is not e and match(d.tag):
                            found.append(d)
                else:
                    for c in e:
                        if match(c.tag):
                            found.append(c)
        for text in preds:
            if parents is None:
                parents = _parent_map(root)
            keep = _predicate(text, namespaces)
            found = [e for e in found if keep(e, parents)]
        current = found
    return current


# --- the tree ----------------------------------------------------------

class ElementTree:
    """A document: its root element, what parse reads and write writes."""

    def __init__(self, element=None, file=None):
        if element is not None and not iselement(element):
            raise TypeError("expected an Element, not %s" % type(element).__name__)
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        if not iselement(element):
            raise TypeError("expected an Element, not %s" % type(element).__name__)
        self._root = element

    def parse(self, source, parser=None):
        if hasattr(source, "read"):
            data = source.read()
        else:
            with open(source, "rb") as f:
                data = f.read()
        if parser is None:
            parser = XMLParser()
        parser.feed(data)
        self._root = parser.close()
        return self._root

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _rooted(self, path):
        if path[:1] == "/":
            path = "." + path
            warnings.warn("This search is broken in 1.3 and earlier, and will be fixed "
                          "in a future version.  If you rely on the current behaviour, "
                          "change it to %r" % path, FutureWarning, stacklevel=3)
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._rooted(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._rooted(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._rooted(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._rooted(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *, short_empty_elements=True):
        if not method:
            method = "xml"
        elif method not in ("xml", "html", "text"):
            raise ValueError("unknown method %r" % method)
        if not encoding:
            encoding = "us-ascii"
        text_out = encoding.lower() == "unicode"
        to_file = not hasattr(file_or_filename, "write")
        declared = encoding
        if text_out:
            declared = "utf-8" if to_file else (getattr(file_or_filename, "encoding", None) or "utf-8")
        parts = []
        write = parts.append
        if method == "xml" and (xml_declaration or (xml_declaration is None and not text_out
                                                    and declared.lower() not in ("utf-8", "us-ascii"))):
            write("<?xml version='1.0' encoding='%s'?>\n" % declared)
        if method == "text":
            write("".join(self._root.itertext()))
        else:
            qnames, namespaces = _namespaces(self._root, default_namespace)
            if method == "html":
                _write_html(write, self._root, qnames, namespaces)
            else:
                _write_xml(write, self._root, qnames, namespaces, short_empty_elements)
        out = "".join(parts)
        if to_file:
            with open(file_or_filename, "wb") as f:
                f.write(out.encode("utf-8" if text_out else encoding, "xmlcharrefreplace"))
        elif text_out:
            file_or_filename.write(out)
        else:
            file_or_filename.write(out.encode(encoding, "xmlcharrefreplace"))

    def write_c14n(self, file):
        raise NotImplementedError("canonical XML (C14N) is not in minipy")


# --- serialization -----------------------------------------------------

_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}


def register_namespace(prefix, uri):
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for k, v in list(_namespace_map.items()):
        if k == uri or v == prefix:
            del _namespace_map[k]
    _namespace_map[uri] = prefix


def _cannot_serialize(value):
    raise TypeError("cannot serialize %r (type %s)" % (value, type(value).__name__))


def _namespaces(root, default_namespace):
    """The written name of every tag and attribute name under root, and
    the namespaces to declare on it (uri -> prefix)."""
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add(qname):
        if qname[:1] == "{":
            uri, local = qname[1:].rsplit("}", 1)
            prefix = namespaces.get(uri)
            if prefix is None:
                prefix = _namespace_map.get(uri)
                if prefix is None:
                    prefix = "ns%d" % len(namespaces)
                if prefix != "xml":
                    namespaces[uri] = prefix
            qnames[qname] = prefix + ":" + local if prefix else local
        else:
            if default_namespace:
                raise ValueError("cannot use non-qualified names with default_namespace option")
            qnames[qname] = qname

    for e in root.iter():
        tag = e.tag
        if isinstance(tag, QName):
            tag = tag.text
        if isinstance(tag, str):
            if tag not in qnames:
                add(tag)
        elif tag is not None and tag is not Comment and tag is not ProcessingInstruction:
            _cannot_serialize(tag)
        for key, value in e.items():
            if isinstance(key, QName):
                key = key.text
            if not isinstance(key, str):
                _cannot_serialize(key)
            if key not in qnames:
                add(key)
            if isinstance(value, QName) and value.text not in qnames:
                add(value.text)
        if isinstance(e.text, QName) and e.text.text not in qnames:
            add(e.text.text)
    return qnames, namespaces


def _escape_text(text):
    if not isinstance(text, str):
        _cannot_serialize(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attr(text):
    text = _escape_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def _escape_attr_html(text):
    if not isinstance(text, str):
        _cannot_serialize(text)
    return text.replace("&", "&amp;").replace(">", "&gt;").replace('"', "&quot;")


def _open_tag(write, elem, tag, qnames, namespaces, escape):
    write("<" + tag)
    if namespaces:
        for uri, prefix in sorted(namespaces.items(), key=lambda kv: kv[1]):
            write(' xmlns%s="%s"' % (":" + prefix if prefix else "", _escape_attr(uri)))
    for k, v in elem.items():
        if isinstance(k, QName):
            k = k.text
        v = qnames[v.text] if isinstance(v, QName) else escape(v)
        write(' %s="%s"' % (qnames[k], v))


def _write_xml(write, root, qnames, namespaces, short_empty):
    # Iterative, like iter(): a deep tree must not exhaust recursion. The
    # stack holds elements still to write and (tag, tail) pairs that end
    # the elements opened.
    stack = [root]
    while stack:
        e = stack.pop()
        if type(e) is tuple:
            tag, tail = e
            if tag is not None:
                write("</" + tag + ">")
            if tail:
                write(_escape_text(tail))
            continue
        tag, text = e.tag, e.text
        if tag is Comment:
            write("<!--%s-->" % text)
        elif tag is ProcessingInstruction:
            write("<?%s?>" % text)
        else:
            if isinstance(tag, QName):
                tag = tag.text
            tag = qnames[tag]
            if tag is not None:
                # Only the root declares the namespaces.
                _open_tag(write, e, tag, qnames, namespaces if e is root else None, _escape_attr)
                if not (text or len(e) or not short_empty):
                    write(" />")
                    if e.tail:
                        write(_escape_text(e.tail))
                    continue
                write(">")
            if text:
                write(_escape_text(text))
            stack.append((tag, e.tail))
            stack.extend(reversed(e._children))
            continue
        if e.tail:
            write(_escape_text(e.tail))


_html_void = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img",
              "input", "isindex", "link", "meta", "param", "source", "track", "wbr"}


def _write_html(write, elem, qnames, namespaces):
    tag, text = elem.tag, elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_text(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_text(text))
    else:
        if isinstance(tag, QName):
            tag = tag.text
        tag = qnames[tag]
        if tag is None:
            if text:
                write(_escape_text(text))
            for c in elem:
                _write_html(write, c, qnames, None)
        else:
            _open_tag(write, elem, tag, qnames, namespaces, _escape_attr_html)
            write(">")
            low = tag.lower()
            if text:
                write(text if low in ("script", "style") else _escape_text(text))
            for c in elem:
                _write_html(write, c, qnames, None)
            if low not in _html_void:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_text(elem.tail))


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    stream = io.StringIO() if encoding == "unicode" else io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               default_namespace=default_namespace, method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    return [tostring(element, encoding, method, xml_declaration=xml_declaration,
                     default_namespace=default_namespace,
                     short_empty_elements=short_empty_elements)]


def dump(elem):
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent tree's elements in place: each child on a line of its own,
    level steps of space deep; text and tails that are not blank stay."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError("Initial indentation level must be >= 0, got %d" % level)
    if not len(tree):
        return

    def blank(s):
        return not s or not s.strip()

    def walk(elem, depth):
        inner = "\n" + space * (depth + 1)
        if blank(elem.text):
            elem.text = inner
        for child in elem:
            if len(child):
                walk(child, depth + 1)
            if blank(child.tail):
                child.tail = inner
        if blank(child.tail):
            child.tail = "\n" + space * depth

    walk(tree, level)


# --- parsing -----------------------------------------------------------

class TreeBuilder:
    """Builds elements from start/data/end calls: the parser's default
    target."""

    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._factory = element_factory or Element
        self._comment_factory = comment_factory or Comment
        self._pi_factory = pi_factory or ProcessingInstruction
        self.insert_comments = insert_comments
        self.insert_pis = insert_pis
        self._stack = []
        self._data = []
        self._last = None
        self._root = None
        self._tail = False

    def _flush(self):
        if self._data:
            if self._last is not None:
                text = "".join(self._data)
                if self._tail:
                    self._last.tail = text
                else:
                    self._last.text = text
            self._data = []

    def _attach(self, elem):
        if self._stack:
            self._stack[-1].append(elem)
        elif self._root is None:
            self._root = elem

    def start(self, tag, attrs):
        self._flush()
        elem = self._factory(tag, attrs)
        self._attach(elem)
        self._stack.append(elem)
        self._last = elem
        self._tail = False
        return elem

    def data(self, data):
        self._data.append(data)

    def end(self, tag):
        self._flush()
        self._last = self._stack.pop()
        self._tail = True
        return self._last

    def comment(self, text):
        return self._special(self._comment_factory, self.insert_comments, text)

    def pi(self, target, text=None):
        return self._special(self._pi_factory, self.insert_pis, target, text)

    def _special(self, factory, insert, *args):
        elem = factory(*args)
        if insert and self._stack:
            self._flush()
            self._stack[-1].append(elem)
            self._last = elem
            self._tail = True
        return elem

    def close(self):
        if self._stack or self._root is None:
            raise AssertionError("missing end tags" if self._stack else "missing toplevel element")
        return self._root


class XMLParser:
    """Parses what is fed to it into its target (a TreeBuilder unless
    given). The document is tokenized when close() is called."""

    def __init__(self, *, target=None, encoding=None):
        self.target = target if target is not None else TreeBuilder()
        self._chunks = []
        self.version = "Expat 2.5.0"

    def feed(self, data):
        if self._chunks is None:
            raise ValueError("parser is closed")
        self._chunks.append(data)

    def _events(self):
        chunks, self._chunks = self._chunks, None
        if not chunks:
            data = ""
        elif all(isinstance(c, str) for c in chunks):
            data = "".join(chunks)
        else:
            data = b"".join(c.encode("utf-8") if isinstance(c, str) else bytes(c) for c in chunks)
        return _xml_events(data)

    def close(self):
        target = self.target
        start = getattr(target, "start", None)
        end = getattr(target, "end", None)
        data = getattr(target, "data", None)
        comment = getattr(target, "comment", None)
        pi = getattr(target, "pi", None)
        for ev in self._events():
            kind = ev[0]
            if kind == "start":
                if start is not None:
                    start(ev[1], dict(ev[2]))
            elif kind == "end":
                if end is not None:
                    end(ev[1])
            elif kind == "data":
                if data is not None:
                    data(ev[1])
            elif kind == "comment":
                if comment is not None:
                    comment(ev[1])
            elif kind == "pi":
                if pi is not None:
                    pi(ev[1], ev[2])
            else:
                _raise_parse_error(ev[1], ev[2], ev[3])
        close = getattr(target, "close", None)
        return close() if close is not None else None


def _raise_parse_error(msg, line, column):
    err = ParseError("%s: line %d, column %d" % (msg, line, column))
    err.code = _error_codes.get(msg, 0)
    err.position = (line, column)
    raise err from None


def XML(text, parser=None):
    if parser is None:
        parser = XMLParser()
    parser.feed(text)
    return parser.close()


fromstring = XML


def fromstringlist(sequence, parser=None):
    if parser is None:
        parser = XMLParser()
    for text in sequence:
        parser.feed(text)
    return parser.close()


def parse(source, parser=None):
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


class _IterParse:
    """iterparse's iterator: the (event, element) pairs of a document,
    found when it is read whole on the first next()."""

    def __init__(self, source, events, parser):
        self._source = source
        self._events = events
        self._parser = parser
        self._pending = None
        self.root = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._pending is None:
            self._pending = self._read()
        if not self._pending:
            raise StopIteration
        return self._pending.pop(0)

    def _read(self):
        events = self._events or ("end",)
        for ev in events:
            if ev not in ("start", "end", "comment", "pi", "start-ns", "end-ns"):
                raise ValueError("unknown event %r" % ev)
        out = []
        builder = TreeBuilder()
        want = set(events)

        class Target:
            def start(self, tag, attrs):
                e = builder.start(tag, attrs)
                if "start" in want:
                    out.append(("start", e))

            def end(self, tag):
                e = builder.end(tag)
                if "end" in want:
                    out.append(("end", e))

            def data(self, text):
                builder.data(text)

            def comment(self, text):
                e = builder.comment(text)
                if "comment" in want:
                    out.append(("comment", e))

            def pi(self, target, text):
                e = builder.pi(target, text)
                if "pi" in want:
                    out.append(("pi", e))

            def close(self):
                return builder.close()

        parser = XMLParser(target=Target())
        src = self._source
        if hasattr(src, "read"):
            parser.feed(src.read())
        else:
            with open(src, "rb") as f:
                parser.feed(f.read())
        self.root = parser.close()
        return out


def iterparse(source, events=None, parser=None):
    return _IterParse(source, events, parser)
