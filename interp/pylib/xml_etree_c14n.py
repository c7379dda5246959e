# Canonical XML (C14N 2.0) for minipy's xml.etree.ElementTree: loaded
# after xml_etree.py into the same module, whose XMLParser, parse, XML
# and _escaped it uses.

import re

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_qname_re = re.compile(r"[^\s:]+:[^\s:]+$")
_C14N_TEXT_REFS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#xD;"))
_C14N_ATTR_REFS = (("&", "&amp;"), ("<", "&lt;"), ('"', "&quot;"), ("\t", "&#x9;"),
                   ("\n", "&#xA;"), ("\r", "&#xD;"))


def _uri_and_local(qname):
    """("uri", "local") for "{uri}local", ("", name) for a name without."""
    if qname[:1] != "{":
        return "", qname
    uri, local = qname[1:].split("}", 1)
    return uri, local


class C14NWriterTarget:
    """A parser target writing the document in canonical form (C14N 2.0):
    no declaration, empty elements as start and end tag, attributes in
    order of namespace and name, a namespace declared where it is first
    used under the prefix the document gave it (or, with rewrite_prefixes,
    n0, n1, ... in order of first use), fixed escaping."""

    def __init__(self, write, *, with_comments=False, strip_text=False, rewrite_prefixes=False,
                 qname_aware_tags=None, qname_aware_attrs=None, exclude_attrs=None, exclude_tags=None):
        self._write = write
        # Elements whose text, and attributes whose value, may be a QName
        # ("prefix:local"), whose prefix then counts as used.
        self._qname_tags = frozenset(qname_aware_tags or ())
        self._qname_attrs = frozenset(qname_aware_attrs or ())
        self._held = None  # a start tag kept until its text is known
        # With rewrite_prefixes: uri -> its prefix, n0, n1, ...; the
        # namespace of unqualified names ("") gets one too, as in CPython.
        self._renamed = {} if rewrite_prefixes else None
        self._with_comments = with_comments
        self._strip_text = strip_text
        self._exclude_attrs = frozenset(exclude_attrs or ())
        self._exclude_tags = frozenset(exclude_tags or ())
        self._new_ns = []              # (prefix, uri) for the next start
        self._source_ns = []           # per open element: what it declared
        self._written_ns = [{"": ""}]  # per open written element: prefix -> uri in force
        self._text = []
        self._skipping = 0             # depth inside an excluded element
        self._depth = 0                # written elements open
        self._open_names = []          # their names as written
        self._after_root = False

    def start_ns(self, prefix, uri):
        self._new_ns.append((prefix, uri))

    def _prefix_for(self, uri, for_attr):
        """The prefix the document binds uri to, innermost first (an
        attribute's cannot be the default namespace's)."""
        for scope in reversed(self._source_ns):
            for prefix, bound in scope:
                if bound == uri and not (for_attr and prefix == ""):
                    return prefix
        raise ValueError("Namespace %r is not declared in scope" % uri)

    def start(self, tag, attrs):
        self._flush_text()
        self._source_ns.append(self._new_ns)
        self._new_ns = []
        if self._skipping or tag in self._exclude_tags:
            self._skipping += 1
            return
        in_force = self._written_ns[-1]
        wanted = {}  # prefix -> uri this element needs
        keys = [k for k in attrs if k not in self._exclude_attrs]
        keys.sort(key=_uri_and_local)
        renamed = self._renamed
        if renamed is not None:
            for uri in sorted({_uri_and_local(name)[0] for name in [tag] + keys} - {_XML_NS}):
                if uri not in renamed:
                    renamed[uri] = "n%d" % len(renamed)

        def name_of(qname, for_attr):
            uri, local = _uri_and_local(qname)
            if uri == _XML_NS:
                return "xml:" + local
            if renamed is not None:
                prefix = renamed[uri]
                wanted[prefix] = uri
                return local if for_attr and not uri else "%s:%s" % (prefix, local)
            if not uri:
                if not for_attr:
                    wanted[""] = ""
                return local
            prefix = self._prefix_for(uri, for_attr)
            wanted[prefix] = uri
            return "%s:%s" % (prefix, local) if prefix else local

        written_tag = name_of(tag, False)
        pairs = [(name_of(k, True), attrs[k]) for k in keys]
        for at, key in enumerate(keys):
            if key in self._qname_attrs:
                pairs[at] = (pairs[at][0], self._qname_value(pairs[at][1], wanted))
        self._open_names.append(written_tag)
        self._depth += 1
        self._held = (written_tag, wanted, pairs, in_force)
        if tag not in self._qname_tags:
            self._emit_start()

    def _qname_value(self, value, wanted):
        """value, if it is a QName, with the prefix it is written with
        (which the element then declares); else value as it is."""
        if not _qname_re.match(value):
            return value
        prefix, local = value.split(":", 1)
        uri = self._uri_of_prefix(prefix, value)
        if uri == _XML_NS:
            return value
        if self._renamed is not None:
            prefix = self._renamed.setdefault(uri, "n%d" % len(self._renamed))
        wanted[prefix] = uri
        return "%s:%s" % (prefix, local)

    def _uri_of_prefix(self, prefix, qname):
        if prefix == "xml":
            return _XML_NS
        for scope in reversed(self._source_ns):
            for bound_prefix, uri in scope:
                if bound_prefix == prefix:
                    return uri
        raise ValueError('Prefix %s of QName "%s" is not declared in scope' % (prefix, qname))

    def _emit_start(self, text=""):
        """Write the start tag held back, then text (escaped)."""
        written_tag, wanted, pairs, in_force = self._held
        self._held = None
        declare = sorted((p, u) for p, u in wanted.items() if in_force.get(p) != u)
        self._written_ns.append({**in_force, **dict(declare)})
        # Written in these pieces, as CPython's target writes them.
        write = self._write
        write("<" + written_tag)
        for prefix, uri in declare:
            write(' xmlns%s="%s"' % (":" + prefix if prefix else "", _escaped(uri, _C14N_ATTR_REFS)))
        for name, value in pairs:
            write(' %s="%s"' % (name, _escaped(value, _C14N_ATTR_REFS)))
        write(">")
        if text:
            write(_escaped(text, _C14N_TEXT_REFS))

    def end(self, tag):
        self._flush_text()
        self._source_ns.pop()
        if self._skipping:
            self._skipping -= 1
            return
        self._written_ns.pop()
        self._depth -= 1
        self._write("</%s>" % self._open_names.pop())
        if self._depth == 0:
            self._after_root = True

    def data(self, data):
        if not self._skipping:
            self._text.append(data)

    def _flush_text(self):
        text = "".join(self._text)
        self._text = []
        if self._strip_text:
            text = text.strip()
        if self._held is not None:
            # The text of a qname_aware_tags element: a QName in it
            # decides what its start tag declares.
            self._emit_start(self._qname_value(text, self._held[1]) if text else text)
        elif text and self._depth:
            self._write(_escaped(text, _C14N_TEXT_REFS))

    def _outside(self, markup):
        """markup for a comment or PI: outside the root element, on a
        line of its own."""
        if self._depth:
            return markup
        return "\n" + markup if self._after_root else markup + "\n"

    def comment(self, text):
        if self._with_comments and not self._skipping:
            self._flush_text()
            self._write(self._outside("<!--%s-->" % _escaped(text, _C14N_TEXT_REFS)))

    def pi(self, target, data):
        if not self._skipping:
            self._flush_text()
            self._write(self._outside("<?%s %s?>" % (target, _escaped(data, _C14N_TEXT_REFS))
                                      if data else "<?%s?>" % target))

    def close(self):
        return None


def canonicalize(xml_data=None, *, out=None, from_file=None, **options):
    """The canonical form (C14N 2.0) of the document xml_data, or of the
    file from_file: returned as a str, or written to out."""
    if xml_data is None and from_file is None:
        raise ValueError("Either 'xml_data' or 'from_file' must be provided as input")
    pieces = []
    target = C14NWriterTarget(pieces.append if out is None else out.write, **options)
    parser = XMLParser(target=target)
    if xml_data is None:
        parse(from_file, parser=parser)
    else:
        XML(xml_data, parser)
    return "".join(pieces) if out is None else None
