# xml.etree.ElementTree for minipy, written for it: elements, the tree
# builder, a path language for find/findall, and serialization as
# CPython writes it. The document is tokenized in Go (_xml_events, from
# encoding/xml) where CPython uses expat. Canonical XML is in
# xml_etree_c14n.py, which is loaded after this into the same module.

import io, re, sys, warnings

__all__ = ["C14NWriterTarget", "canonicalize", "Comment", "dump", "Element", "ElementTree",
           "fromstring", "fromstringlist", "indent", "iselement", "iterparse", "parse",
           "ParseError", "PI",
           "ProcessingInstruction", "QName", "SubElement", "tostring", "tostringlist",
           "TreeBuilder", "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
           "register_namespace"]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """A document that is not well-formed XML; code is expat's error
    number and position (line, column)."""


# expat's numbers for the errors _xml_events reports.
_error_codes = {"syntax error": 2, "no element found": 3, "not well-formed (invalid token)": 4,
                "unclosed token": 5, "mismatched tag": 7, "duplicate attribute": 8,
                "junk after document element": 9, "undefined entity": 11,
                "reference to invalid character number": 14,
                "XML or text declaration not at start of entity": 17, "unknown encoding": 18,
                "parsing finished": 36}


def iselement(element):
    return hasattr(element, "tag")


def _need_element(value, what=None):
    """TypeError unless value is an Element; what names the argument in
    the message, as CPython's C methods word it."""
    if isinstance(value, Element):
        return value
    if what is None:
        raise TypeError('expected an Element, not "%s"' % type(value).__name__)
    raise TypeError("%s must be xml.etree.ElementTree.Element, not %s" % (what, _kind(value)))


def _need_dict(value, what):
    if not isinstance(value, dict):
        raise TypeError("%s must be dict, not %s" % (what, _kind(value)))


def _kind(value):
    # How CPython's argument checks name a wrong argument's type.
    return "None" if value is None else type(value).__name__


class Element:
    """An XML element: tag, attrib, text before its first child, tail
    after its end, and its children in order (kept in _kids, which holds
    Elements only)."""

    def __init__(self, tag, attrib={}, **extra):
        _need_dict(attrib, "Element() argument 2")
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self.text = self.tail = None
        self._kids = []

    def __repr__(self):
        # CPython's C type names itself "Element" for subclasses too.
        return "<Element %r at %#x>" % (self.tag, id(self))

    def makeelement(self, tag, attrib):
        _need_dict(attrib, "makeelement() argument 2")
        return Element(tag, dict(attrib))

    def __copy__(self):
        # A shallow copy shares the attrib dict, as the C type's does.
        twin = Element(self.tag)
        twin.attrib = self.attrib
        twin.text, twin.tail = self.text, self.tail
        twin._kids = self._kids[:]
        return twin

    def __deepcopy__(self, memo):
        from copy import deepcopy
        twin = Element(deepcopy(self.tag, memo), deepcopy(self.attrib, memo))
        twin.text = deepcopy(self.text, memo)
        twin.tail = deepcopy(self.tail, memo)
        twin._kids = [deepcopy(kid, memo) for kid in self._kids]
        return twin

    # --- the children, as a list ---

    def _slot(self, index, message):
        """index as a position in _kids, IndexError when outside it."""
        if not isinstance(index, int):
            raise TypeError("element indices must be integers")
        count = len(self._kids)
        at = index + count if index < 0 else index
        if at < 0 or at >= count:
            raise IndexError(message)
        return at

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._kids[index]
        return self._kids[self._slot(index, "child index out of range")]

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            fresh = list(element)
            for item in fresh:
                _need_element(item)
            self._kids[index] = fresh
        else:
            at = self._slot(index, "child assignment index out of range")
            self._kids[at] = _need_element(element)

    def __delitem__(self, index):
        if isinstance(index, slice):
            del self._kids[index]
        else:
            del self._kids[self._slot(index, "child assignment index out of range")]

    def __len__(self):
        return len(self._kids)

    def __bool__(self):
        warnings.warn("Testing an element's truth value will always return True in "
                      "future versions.  Use specific 'len(elem)' or 'elem is not None' "
                      "test instead.", DeprecationWarning, stacklevel=2)
        return bool(self._kids)

    def __iter__(self):
        return iter(self._kids)

    def append(self, subelement):
        self._kids.append(_need_element(subelement, "append() argument 1"))

    def extend(self, elements):
        fresh = list(elements)
        for item in fresh:
            _need_element(item)
        self._kids += fresh

    def insert(self, index, subelement):
        self._kids.insert(index, _need_element(subelement, "insert() argument 2"))

    def remove(self, subelement):
        kids = self._kids
        for at in range(len(kids)):
            if kids[at] is subelement:
                del kids[at]
                return
        raise ValueError("list.remove(x): x not in list")

    # --- finding descendants by path ---

    def find(self, path, namespaces=None):
        if _plain_tag(path, namespaces):
            for kid in self._kids:
                if kid.tag == path:
                    return kid
            return None
        return next(self.iterfind(path, namespaces), None)

    def findtext(self, path, default=None, namespaces=None):
        hit = self.find(path, namespaces)
        return default if hit is None else (hit.text or "")

    def findall(self, path, namespaces=None):
        if _plain_tag(path, namespaces):
            return [kid for kid in self._kids if kid.tag == path]
        return list(self.iterfind(path, namespaces))

    def iterfind(self, path, namespaces=None):
        nodes = _select(self, path, namespaces)
        return None if nodes is None else iter(nodes)

    # --- the attributes, as a dict ---

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    # Lists, as CPython's C elements return.
    def keys(self):
        return list(self.attrib)

    def items(self):
        return list(self.attrib.items())

    def clear(self):
        """Drop attributes, children, text and tail; the tag stays."""
        self.attrib.clear()
        del self._kids[:]
        self.text = None
        self.tail = None

    # --- walking ---

    def iter(self, tag=None):
        wanted = None if tag == "*" else tag
        # An explicit stack: a deep document must not exhaust recursion.
        todo = [self]
        while todo:
            node = todo.pop()
            if wanted is None or node.tag == wanted:
                yield node
            todo += node._kids[::-1]

    def itertext(self):
        # Comments' and processing instructions' text too, as CPython's
        # C elements give it.
        if self.text:
            yield self.text
        for kid in self._kids:
            yield from kid.itertext()
            if kid.tail:
                yield kid.tail


def SubElement(parent, tag, attrib={}, **extra):
    """A new Element (never a subclass, as in CPython's C version)
    appended to parent."""
    _need_element(parent, "SubElement() argument 1")
    _need_dict(attrib, "SubElement() argument 3")
    child = Element(tag, attrib, **extra)
    parent._kids.append(child)
    return child


def _node(kind, text):
    node = Element(kind)
    node.text = text
    return node


def Comment(text=None):
    """A comment node: its tag is this function."""
    return _node(Comment, text)


def ProcessingInstruction(target, text=None):
    """A processing instruction node: its text is "target text"."""
    return _node(ProcessingInstruction, "%s %s" % (target, text) if text else target)


PI = ProcessingInstruction


class QName:
    """A qualified name, "{uri}local", as a tag, attribute name or value."""

    def __init__(self, text_or_uri, tag=None):
        self.text = "{%s}%s" % (text_or_uri, tag) if tag else text_or_uri

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

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.text)

    def __str__(self):
        return self.text


# --- paths (find, findall, findtext, iterfind) -------------------------
#
# ElementTree's XPath subset. A path is cut into tokens, each a pair
# (punct, word): punct is punctuation or a quoted string, word a name
# (with its namespace, "{uri}local", when it has one). The tokens compile
# to a list of steps, functions from the nodes reached so far to the next
# ones; CPython's quirks (which predicates it knows, its error messages,
# what it leaves unchecked) are reproduced.

_path_token_re = re.compile(r"""
      ( '[^']*' | "[^"]*"               # a quoted value
      | :: | //? | \.\. | \(\) | !=     # two-character punctuation
      | [/.*:\[\]()@=] )                # one character
    | ( (?: \{[^}]+\} )? [^/\[\]()@!=\s]+ )  # a name
    | \s+
""", re.X)


def _path_tokens(path, namespaces):
    """path's tokens, names with a prefix ("x:tag") rewritten as
    "{uri}tag"; a default namespace (key "") applies to names without a
    prefix, but not to attribute names."""
    default = namespaces.get("") if namespaces else None
    tokens = []
    after_at = False
    for punct, word in _path_token_re.findall(path):
        if word and word[0] != "{":
            if ":" in word:
                prefix, local = word.split(":", 1)
                if not namespaces or prefix not in namespaces:
                    raise SyntaxError("prefix %r not found in prefix map" % prefix)
                word = "{%s}%s" % (namespaces[prefix], local)
            elif default and not after_at:
                word = "{%s}%s" % (default, word)
        tokens.append((punct, word))
        after_at = punct == "@"
    return tokens


class _Walk:
    """What the steps of one search share: where it started, and the
    parent of each element under it once a step needs that."""

    def __init__(self, root):
        self.root = root
        self._parents = None

    def parents(self):
        if self._parents is None:
            self._parents = {kid: node for node in self.root.iter() for kid in node}
        return self._parents


def _is_str(tag):
    return isinstance(tag, str)


def _wildcard(name):
    """A test on tags for a name with "*" in its namespace or local part
    ({*}local, {uri}*, {*}*, {}*), or None for a plain name."""
    if name == "{*}*":
        return _is_str
    if name == "{}*":
        return lambda tag: isinstance(tag, str) and tag[:1] != "{"
    if name[:3] == "{*}":
        local, suffix = name[3:], name[2:]
        return lambda tag: tag == local or isinstance(tag, str) and tag.endswith(suffix)
    if name[-2:] == "}*":
        head = name[:-1]
        return lambda tag: isinstance(tag, str) and tag.startswith(head)
    return None


def _children(nodes):
    return [kid for node in nodes for kid in node]


def _below(nodes):
    return [d for node in nodes for d in node.iter() if d is not node]


def _step_for_name(name, pick):
    """A step keeping the nodes pick(nodes) gives whose tag is name."""
    test = _wildcard(name)
    if test is None:
        if name[:2] == "{}":
            name = name[2:]  # "{}tag" is "tag"
        return lambda nodes, walk: [n for n in pick(nodes) if n.tag == name]
    return lambda nodes, walk: [n for n in pick(nodes) if test(n.tag)]


def _step_descendants(nodes, walk, name):
    test = _wildcard(name)
    if test is not None:
        return [n for n in _below(nodes) if test(n.tag)]
    if name[:2] == "{}":
        name = name[2:]
    return [d for node in nodes for d in node.iter(name) if d is not node]


def _step_parents(nodes, walk):
    parents = walk.parents()
    found, seen = [], set()
    for node in nodes:
        up = parents.get(node)
        if up is not None and id(up) not in seen:
            seen.add(id(up))
            found.append(up)
    return found


_number_re = re.compile(r"-?\d+$")


def _predicate(tokens):
    """The filter step for the tokens between "[" and "]". Which form it
    is follows from the kinds of its tokens: "@-" is [@attr], "-" a
    [tag] or [position], "-='" a [tag='text'], and so on."""
    kinds, words = "", []
    for punct, word in tokens:
        if not punct and not word:
            continue  # blanks
        if punct[:1] in ("'", '"'):
            punct, word = "'", punct[1:-1]
        kinds += punct or "-"
        words.append(word)
    negate = "!=" in kinds
    if kinds == "@-":
        key = words[1]
        return lambda nodes, walk: [n for n in nodes if n.get(key) is not None]
    if kinds in ("@-='", "@-!='"):
        key, want = words[1], words[-1]
        if negate:
            return lambda nodes, walk: [n for n in nodes
                                        if n.get(key) is not None and n.get(key) != want]
        return lambda nodes, walk: [n for n in nodes if n.get(key) == want]
    names_a_tag = not _number_re.match(words[0]) if words else False
    if kinds == "-" and names_a_tag:
        tag = words[0]
        return lambda nodes, walk: [n for n in nodes if n.find(tag) is not None]
    if kinds in (".='", ".!='") or (kinds in ("-='", "-!='") and names_a_tag):
        tag, want = words[0], words[-1]

        def text_is(node):
            return "".join(node.itertext()) == want

        if not tag:
            if negate:
                return lambda nodes, walk: [n for n in nodes if not text_is(n)]
            return lambda nodes, walk: [n for n in nodes if text_is(n)]
        if negate:
            return lambda nodes, walk: [n for n in nodes
                                        if any(not text_is(k) for k in n.iterfind(tag))]
        return lambda nodes, walk: [n for n in nodes if any(text_is(k) for k in n.findall(tag))]
    if kinds in ("-", "-()", "-()-"):
        return _position(kinds, words)
    raise SyntaxError("invalid predicate")


def _position(kinds, words):
    """[n], [last()] or [last()-n]: a node is kept when it is that one
    among its parent's children of its tag."""
    if kinds == "-":
        at = int(words[0]) - 1
        if at < 0:
            raise SyntaxError("XPath position >= 1 expected")
    elif words[0] != "last":
        raise SyntaxError("unsupported function")
    elif kinds == "-()-":
        try:
            at = int(words[2]) - 1
        except ValueError:
            raise SyntaxError("unsupported expression") from None
        if at > -2:
            raise SyntaxError("XPath offset from last() must be negative")
    else:
        at = -1

    def keep(nodes, walk):
        parents = walk.parents()
        kept = []
        for node in nodes:
            up = parents.get(node)
            if up is None:
                continue
            same = up.findall(node.tag)
            if -len(same) <= at < len(same) and same[at] is node:
                kept.append(node)
        return kept
    return keep


def _compile_path(path, namespaces):
    """The steps of path, or None for a path without tokens."""
    if path[:1] == "/":
        raise SyntaxError("cannot use absolute path on element")
    tokens = _path_tokens(path, namespaces)
    if not tokens:
        return None
    steps = []
    at, end = 0, len(tokens)
    while at < end:
        punct, word = tokens[at]
        at += 1
        if punct == "":
            step = _step_for_name(word, _children)
        elif punct == "*":
            step = lambda nodes, walk: _children(nodes)
        elif punct == ".":
            step = lambda nodes, walk: list(nodes)
        elif punct == "..":
            step = _step_parents
        elif punct == "//":
            if at == end:
                step = None
            else:
                punct, word = tokens[at]
                at += 1
                if punct == "*":
                    word = "*"
                elif punct:
                    raise SyntaxError("invalid descendant")
                step = (lambda name: lambda nodes, walk: _step_descendants(nodes, walk, name))(word)
        elif punct == "[":
            close = at
            while close < end and tokens[close][0] != "]":
                close += 1
            # An unclosed predicate leaves a hole, as in CPython: calling
            # it fails when the search runs.
            step = _predicate(tokens[at:close]) if close < end else None
            at = close + 1
        else:
            raise KeyError(punct)
        steps.append(step)
        if at < end and tokens[at][0] == "/":
            at += 1
    return steps


_compiled_paths = {}


def _select(root, path, namespaces):
    """The nodes path reaches from root, in document order of the steps
    (None for an empty path, as CPython's iterfind gives)."""
    if path[-1:] == "/":
        path += "*"  # "a/" is "a/*"
    key = (path,) + tuple(sorted(namespaces.items())) if namespaces else (path,)
    steps = _compiled_paths.get(key)
    if steps is None:
        if len(_compiled_paths) > 100:
            _compiled_paths.clear()
        steps = _compile_path(path, namespaces)
        if steps is None:
            return None
        _compiled_paths[key] = steps
    nodes = [root]
    walk = _Walk(root)
    for step in steps:
        nodes = step(nodes, walk)
    return nodes


def _plain_tag(path, namespaces):
    """Whether find, findall and findtext may take path as a child's tag,
    as CPython's C elements do when it has no path syntax outside braces
    and no namespaces are given."""
    if namespaces is not None or not isinstance(path, (str, bytes)):
        return False
    if isinstance(path, bytes):
        path = path.decode("latin-1")
    if len(path) >= 3 and (path[:2] == "{}" or path[:3] == "{*}"):
        return False  # a wildcard namespace
    depth = 0
    for ch in path:
        if ch == "{":
            depth = 1
        elif ch == "}":
            depth = 0
        elif not depth and ch in "/*[@.":
            return False
    return True


# --- the tree ----------------------------------------------------------

def _read_source(source):
    """The whole content of source: a file name, or an object with read()."""
    if hasattr(source, "read"):
        return source.read()
    with open(source, "rb") as f:
        return f.read()


class ElementTree:
    """A document: its root element, what parse reads and write writes."""

    def __init__(self, element=None, file=None):
        self._root = None
        if element is not None:
            self._setroot(element)
        if file:
            self.parse(file)

    def _setroot(self, element):
        if not iselement(element):
            raise TypeError("expected an Element, not %s" % type(element).__name__)
        self._root = element

    def getroot(self):
        return self._root

    def parse(self, source, parser=None):
        """Read source (a file name or an object with read()) whole and
        make what it parses into the root."""
        reader = XMLParser() if parser is None else parser
        _adder(reader)(_read_source(source))
        self._root = reader.close()
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
        # As CPython's: write() knows no "c14n" method (canonicalize does it).
        return self.write(file, method="c14n")


# --- serialization -----------------------------------------------------

# Prefixes the serializer writes for well-known namespaces (uri -> prefix);
# register_namespace adds to it.
_namespace_map = {uri: prefix for prefix, uri in [
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("wsdl", "http://schemas.xmlsoap.org/wsdl/"),
    ("xs", "http://www.w3.org/2001/XMLSchema"),
    ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
]}


def register_namespace(prefix, uri):
    """Write uri with prefix from now on; a uri or prefix registered
    before is forgotten."""
    if re.fullmatch(r"ns\d+", prefix):
        raise ValueError("Prefix format reserved for internal use")
    stale = [u for u, p in _namespace_map.items() if u == uri or p == prefix]
    for u in stale:
        del _namespace_map[u]
    _namespace_map[uri] = prefix


def _cannot_serialize(value):
    raise TypeError("cannot serialize %r (type %s)" % (value, type(value).__name__))


def _namespaces(root, default_namespace):
    """The written name of every tag and attribute name under root, and
    the namespaces to declare on it (uri -> prefix). A namespace with no
    registered prefix gets ns0, ns1, ... in order of first use."""
    written = {None: None}
    declared = {default_namespace: ""} if default_namespace else {}

    def name_of(uri):
        if uri in declared:
            return declared[uri]
        prefix = _namespace_map.get(uri)
        if prefix is None:
            prefix = "ns%d" % len(declared)
        if prefix != "xml":  # xml: is never declared
            declared[uri] = prefix
        return prefix

    def learn(qname):
        if qname in written:
            return
        if qname[:1] != "{":
            if default_namespace:
                raise ValueError("cannot use non-qualified names with default_namespace option")
            written[qname] = qname
            return
        uri, local = qname[1:].rsplit("}", 1)
        prefix = name_of(uri)
        written[qname] = "%s:%s" % (prefix, local) if prefix else local

    specials = (Comment, ProcessingInstruction)
    for node in root.iter():
        tag = node.tag
        if isinstance(tag, QName):
            tag = tag.text
        if isinstance(tag, str):
            learn(tag)
        elif tag is not None and tag not in specials:
            _cannot_serialize(tag)
        for key, value in node.items():
            if isinstance(key, QName):
                key = key.text
            if not isinstance(key, str):
                _cannot_serialize(key)
            learn(key)
            if isinstance(value, QName):
                learn(value.text)
        if isinstance(node.text, QName):
            learn(node.text.text)
    return written, declared


# What text and attribute values turn into, in the order they are replaced.
_TEXT_REFS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTR_REFS = _TEXT_REFS + (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))
_HTML_ATTR_REFS = (("&", "&amp;"), (">", "&gt;"), ('"', "&quot;"))


def _escaped(text, refs):
    if not isinstance(text, str):
        _cannot_serialize(text)
    for char, ref in refs:
        if char in text:
            text = text.replace(char, ref)
    return text


def _escape_text(text):
    return _escaped(text, _TEXT_REFS)


def _escape_attr(text):
    return _escaped(text, _ATTR_REFS)


def _escape_attr_html(text):
    return _escaped(text, _HTML_ATTR_REFS)


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
    # stack holds nodes still to write and (name, tail) pairs that close
    # the elements opened.
    todo = [root]
    while todo:
        node = todo.pop()
        if type(node) is tuple:
            name, tail = node
            if name is not None:
                write("</%s>" % name)
            if tail:
                write(_escape_text(tail))
            continue
        kind, text = node.tag, node.text
        if kind is Comment or kind is ProcessingInstruction:
            # Their text goes out as it is: the xml method escapes neither.
            write(("<!--%s-->" if kind is Comment else "<?%s?>") % text)
            if node.tail:
                write(_escape_text(node.tail))
            continue
        name = qnames[kind.text if isinstance(kind, QName) else kind]
        if name is not None:
            # Only the root declares the namespaces.
            _open_tag(write, node, name, qnames, namespaces if node is root else None, _escape_attr)
            if short_empty and not text and not node._kids:
                write(" />")
                if node.tail:
                    write(_escape_text(node.tail))
                continue
            write(">")
        if text:
            write(_escape_text(text))
        todo.append((name, node.tail))
        todo += node._kids[::-1]


# HTML's elements without an end tag.
_html_void = frozenset("area base basefont br col embed frame hr img input isindex "
                       "link meta param source track wbr".split())


def _write_html(write, node, qnames, namespaces):
    kind, text = node.tag, node.text
    if kind is Comment or kind is ProcessingInstruction:
        write(("<!--%s-->" if kind is Comment else "<?%s?>") % _escape_text(text))
    else:
        name = qnames[kind.text if isinstance(kind, QName) else kind]
        lowered = None
        if name is not None:
            _open_tag(write, node, name, qnames, namespaces, _escape_attr_html)
            write(">")
            lowered = name.lower()
        if text:
            # A script's or style's text is raw text in HTML.
            write(text if lowered in ("script", "style") else _escape_text(text))
        for kid in node._kids:
            _write_html(write, kid, qnames, None)
        if lowered is not None and lowered not in _html_void:
            write("</%s>" % name)
    if node.tail:
        write(_escape_text(node.tail))


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
    """Write elem (an Element or an ElementTree) to stdout, ending the
    line unless its tail does."""
    tree = elem if isinstance(elem, ElementTree) else ElementTree(elem)
    tree.write(sys.stdout, encoding="unicode")
    if not (tree.getroot().tail or "").endswith("\n"):
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent tree's elements in place: each child on a line of its own,
    level steps of space deep; text and tails that are not blank stay."""
    root = tree.getroot() if isinstance(tree, ElementTree) else tree
    if level < 0:
        raise ValueError("Initial indentation level must be >= 0, got %s" % level)
    if not len(root):
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
        # The last child's tail leads back out to this element's depth.
        if blank(child.tail):
            child.tail = "\n" + space * depth

    walk(root, level)


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
        self._open = []     # elements started and not yet ended
        self._chunks = []   # character data not yet stored
        self._sink = None   # (node, "text" or "tail"): where the data goes
        self._root = None

    def _store(self):
        """Give the data collected so far to the text or tail it belongs to."""
        if not self._chunks:
            return
        if self._sink is not None:
            node, field = self._sink
            setattr(node, field, "".join(self._chunks))
        self._chunks = []

    def _adopt(self, node):
        if self._open:
            self._open[-1].append(node)
        elif self._root is None:
            self._root = node

    def start(self, tag, attrs):
        self._store()
        node = self._factory(tag, attrs)
        self._adopt(node)
        self._open.append(node)
        self._sink = (node, "text")
        return node

    def data(self, data):
        self._chunks.append(data)

    def end(self, tag):
        self._store()
        node = self._open.pop()
        self._sink = (node, "tail")
        return node

    def comment(self, text):
        return self._leaf(self._comment_factory(text), self.insert_comments)

    def pi(self, target, text=None):
        return self._leaf(self._pi_factory(target, text), self.insert_pis)

    def _leaf(self, node, keep):
        """A comment or PI: made always, put in the tree when asked to
        and inside an element."""
        if keep and self._open:
            self._store()
            self._open[-1].append(node)
            self._sink = (node, "tail")
        return node

    def close(self):
        # The root, or None before any start(): CPython's C builder
        # checks neither for a root nor for elements left open.
        return self._root


# The target method each of _xml_events' kinds of event calls.
_target_methods = {"start": "start", "end": "end", "data": "data", "comment": "comment",
                   "pi": "pi", "start-ns": "start_ns", "end-ns": "end_ns"}

# Errors _xml_events reports for a document that merely stops early:
# more input may yet mend them.
_unfinished = ("no element found", "unclosed token")


class XMLParser:
    """Parses what is fed to it into its target (a TreeBuilder unless
    given). Each feed tokenizes the document so far again and passes the
    target the events that are new and complete, so the target hears of
    them, and of errors, as soon as the input makes them certain."""

    def __init__(self, *, target=None, encoding=None):
        self.target = target if target is not None else TreeBuilder()
        self.version = "Expat 2.5.0"
        # The target's methods, looked up once as CPython's parser does.
        self._calls = {kind: getattr(self.target, name, None)
                       for kind, name in _target_methods.items()}
        # A target of its own sees text in expat's pieces (line ends and
        # references apart); a TreeBuilder joins them, so it gets it whole.
        data = self._calls["data"]
        self._pieces_of_text = data is not None and getattr(data, "__func__", None) is not TreeBuilder.data
        self._pieces = []
        self._size = 0           # of the pieces, in characters or bytes
        self._unparsed = 0       # how much of it came since the last parse
        self._sent = 0           # how many of the document's events the target had
        self._failure = None     # the ParseError raised, raised again after
        self._finished = False

    def _take(self, data):
        """Add data to the document without parsing yet."""
        if self._finished:
            raise self._past_end()
        if not isinstance(data, (str, bytes, bytearray, memoryview)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        self._pieces.append(data)
        self._size += len(data)
        self._unparsed += len(data)

    def feed(self, data):
        self._take(data)
        # Each parse tokenizes the whole document again, so a document
        # past 8 KiB is parsed again only once it has grown by an eighth
        # since the last parse (flush() forces it), as expat too holds
        # back small pieces; a TreeBuilder target, which shows nothing
        # until close(), then waits for close(). Errors found later than
        # CPython finds them come from a later feed or close().
        if self._size < 8192:
            self._advance(False)
        elif type(self.target) is not TreeBuilder and self._unparsed * 8 >= self._size:
            self._advance(False)

    def close(self):
        """Parse the rest: the document must be whole now. The result is
        the target's close()."""
        if self._finished:
            raise self._past_end()
        self._advance(True)
        self._finished = True
        finish = getattr(self.target, "close", None)
        return None if finish is None else finish()

    def flush(self):
        """Parse what was fed now, even if little came since the last time."""
        if self._unparsed and not self._finished:
            self._advance(False)

    def _document(self):
        pieces = self._pieces
        if len(pieces) != 1:
            if all(isinstance(p, str) for p in pieces):
                whole = "".join(pieces)
            else:
                whole = b"".join(p.encode("utf-8") if isinstance(p, str) else bytes(p) for p in pieces)
            self._pieces = pieces = [whole]
        return pieces[0]

    def _past_end(self):
        text = self._document()
        if not isinstance(text, str):
            text = bytes(text).decode("utf-8", "replace")
        return _parse_error("parsing finished", text.count("\n") + 1, len(text) - text.rfind("\n") - 1)

    def _advance(self, final):
        if self._failure is not None:
            raise self._failure
        self._unparsed = 0
        # The events past those passed on already.
        events = _xml_events(self._document(), self._pieces_of_text, self._sent)
        stop = len(events)
        failure = None
        if stop and events[-1][0] == "error":
            stop -= 1
            if final or events[-1][1] not in _unfinished:
                failure = events[-1]
            elif stop and events[stop - 1][0] == "data":
                stop -= 1  # text that more input may lengthen
        calls = self._calls
        for event in events[:stop]:
            self._sent += 1
            call = calls[event[0]]
            if call is None:
                continue
            if event[0] == "start":
                call(event[1], dict(event[2]))
            else:
                call(*event[1:])
        if failure is not None:
            self._failure = _parse_error(failure[1], failure[2], failure[3])
            raise self._failure


def _parse_error(msg, line, column):
    err = ParseError("%s: line %d, column %d" % (msg, line, column))
    err.code = _error_codes.get(msg, 0)
    err.position = (line, column)
    return err


class XMLPullParser:
    """A parser that keeps, rather than passes on, the (event, element)
    pairs iterparse would give; read_events() hands them out."""

    def __init__(self, events=None, *, _parser=None):
        self._queue = []
        self._recorder = _EventRecorder(_checked_events(events), self._queue)
        self._parser = XMLParser(target=self._recorder)

    def feed(self, data):
        parser = self._parser
        if parser is None:
            raise ValueError("feed() called after end of stream")
        if not data:
            return
        try:
            parser.feed(data)
        except SyntaxError as err:
            self._queue.append(err)  # raised by read_events in its turn

    def flush(self):
        if self._parser is not None:
            self._parser.flush()

    def _close_and_return_root(self):
        parser, self._parser = self._parser, None
        return parser.close()

    def close(self):
        self._close_and_return_root()

    def read_events(self):
        queue = self._queue
        while queue:
            item = queue.pop(0)
            if isinstance(item, Exception):
                raise item
            yield item


def fromstringlist(sequence, parser=None):
    """The root element of the document whose pieces sequence yields."""
    reader = XMLParser() if parser is None else parser
    add = _adder(reader)
    for piece in sequence:
        add(piece)
    return reader.close()


def _adder(reader):
    # An XMLParser given the whole document parses it once, at close;
    # other parsers are fed.
    return reader._take if type(reader) is XMLParser else reader.feed


def XML(text, parser=None):
    return fromstringlist((text,), parser)


fromstring = XML


def XMLID(text, parser=None):
    """The root of the document in text, and a dict from each "id"
    attribute to its element (the last one, if repeated)."""
    root = XML(text, parser)
    by_id = {}
    for node in root.iter():
        key = node.get("id")
        if key:
            by_id[key] = node
    return root, by_id


def parse(source, parser=None):
    """An ElementTree of the document in source (a file name or a file)."""
    document = ElementTree()
    document.parse(source, parser)
    return document


_known_events = ("start", "end", "comment", "pi", "start-ns", "end-ns")


def _checked_events(events):
    """The events to report (only "end" when None), each one known."""
    events = ("end",) if events is None else tuple(events)
    for kind in events:
        if kind not in _known_events:
            raise ValueError("unknown event %r" % kind)
    return frozenset(events)


class _IterParse:
    """iterparse's iterator: the (event, element) pairs of a document,
    found when it is read whole on the first next(). Events before a
    parse error come first, then the error; root is set once the last
    event has been taken."""

    def __init__(self, source, events, parser):
        self._wanted = _checked_events(events)
        self._own_file = not hasattr(source, "read")
        self._source = open(source, "rb") if self._own_file else source
        self._queue = None  # the events not yet taken, once read
        self._error = None
        self._root = None
        self.root = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._queue is None:
            self._queue = self._read()
            self._queue.reverse()  # taken from the end
        if self._queue:
            return self._queue.pop()
        error, self._error = self._error, None
        if error is not None:
            raise error
        self.root = self._root
        raise StopIteration

    def close(self):
        """Stop: no more events, and a file iterparse opened is closed."""
        self._queue, self._error, self._root = [], None, None
        self._release()

    def _release(self):
        if self._own_file:
            self._own_file = False
            self._source.close()

    def _read(self):
        try:
            data = self._source.read()
        finally:
            self._release()
        events = []
        reader = XMLParser(target=_EventRecorder(self._wanted, events))
        reader._take(data)
        try:
            self._root = reader.close()
        except ParseError as err:
            self._error = err
        return events


class _EventRecorder(TreeBuilder):
    """A TreeBuilder that also puts the events asked for in a list, as
    (event, element) pairs."""

    def __init__(self, wanted, events):
        super().__init__()
        self._wanted = wanted
        self._events = events

    def _note(self, kind, value):
        if kind in self._wanted:
            self._events.append((kind, value))
        return value

    def start(self, tag, attrs):
        return self._note("start", super().start(tag, attrs))

    def end(self, tag):
        return self._note("end", super().end(tag))

    def comment(self, text):
        return self._note("comment", super().comment(text))

    def pi(self, target, text=None):
        return self._note("pi", super().pi(target, text))

    def start_ns(self, prefix, uri):
        self._note("start-ns", (prefix, uri))

    def end_ns(self, prefix):
        self._note("end-ns", None)


def iterparse(source, events=None, parser=None):
    """An iterator of (event, element) pairs for the document in source
    (a file name or a file). minipy reads the document whole and builds
    it with a TreeBuilder, whatever parser is given."""
    return _IterParse(source, events, parser)
