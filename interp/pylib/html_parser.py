# html.parser for minipy, written for it: HTMLParser scans markup as it is
# fed and calls its handle_* methods, which a subclass overrides. It
# follows CPython 3.14's reading of the HTML5 tokenizer: the only spaces
# are \t \n \r \f and ' '; comments end at --> or --!> (<!--> and <!---> are
# empty ones); end tags ignore what follows their name; raw text elements
# (script, style, xmp, iframe, noembed, noframes, noscript when scripting)
# end only at their own end tag, escapable ones (textarea, title) also
# resolve character references, and plaintext never ends; at close(),
# an unfinished comment, declaration or processing instruction is
# reported and an unfinished tag dropped.

import re
from html import unescape

__all__ = ["HTMLParser"]

_SPACE = "\t\n\r\f "
_tag_start = re.compile(r"<[a-zA-Z]")
_end_tag_start = re.compile(r"</[a-zA-Z]")
# A tag name, then the spaces and lone slashes before its attributes.
_tag_name = re.compile(r"([a-zA-Z][^\t\n\r\f />]*)(?:[\t\n\r\f ]|/(?!>))*")
# One attribute (after a space, slash or quote), with or without a value.
_attribute = re.compile(r"""
    ((?<=['"\t\n\r\f /])[^\t\n\r\f />][^\t\n\r\f /=>]*)
    ([\t\n\r\f ]*=[\t\n\r\f ]*('[^']*'|"[^"]*"|(?!['"])[^>\t\n\r\f ]*))?
    (?:[\t\n\r\f ]|/(?!>))*""", re.VERBOSE)
# A whole tag from its name on: '>' ends it unless inside a quoted value.
_tag_extent = re.compile(r"""
    [a-zA-Z][^\t\n\r\f />]*
    [\t\n\r\f /]*
    (?:(?<=['"\t\n\r\f /])[^\t\n\r\f />][^\t\n\r\f /=>]*
       (?:[\t\n\r\f ]*=[\t\n\r\f ]*(?:'[^']*'|"[^"]*"|(?!['"])[^>\t\n\r\f ]*))?
       [\t\n\r\f /]*)*
    >?""", re.VERBOSE)
_comment_end = re.compile(r"--!?>")
_comment_abrupt_end = re.compile(r"-?>")
_charref = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_entityref = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]")
_ref_start = re.compile(r"&[a-zA-Z#]")
_ref_stop = re.compile(r"[\t\n\r\f ;]")
_text_stop = re.compile(r"[&<]")


class HTMLParser:
    """Find tags and other markup and call handler functions.

    feed() the document in any pieces; close() at its end. With
    convert_charrefs (the default), character references in text are
    resolved and each run of text reaches handle_data whole."""

    CDATA_CONTENT_ELEMENTS = ("script", "style", "xmp", "iframe", "noembed", "noframes")
    RCDATA_CONTENT_ELEMENTS = ("textarea", "title")

    def __init__(self, *, convert_charrefs=True, scripting=False):
        self.convert_charrefs = convert_charrefs
        self.scripting = scripting
        self.reset()

    def reset(self):
        """Forget all input not yet parsed and start again at line 1."""
        self.rawdata = ""
        self.lasttag = "???"
        self.lineno, self.offset = 1, 0
        self.cdata_elem = None
        self._stop = _text_stop
        self._support_cdata = True
        self._escapable = True
        self._starttag_text = None

    def feed(self, data):
        """Feed some text: what is complete is handled, the rest kept."""
        self.rawdata += data
        self._scan(False)

    def close(self):
        """Handle what is left, as if the document ended here."""
        self._scan(True)

    def getpos(self):
        """The line and column where the parser is."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """The source of the latest start tag, '<...>'."""
        return self._starttag_text

    def set_cdata_mode(self, elem, *, escapable=False):
        # Text runs to </elem; escapable text also resolves references.
        self.cdata_elem = elem.lower()
        self._escapable = escapable
        end = r"</%s(?=[\t\n\r\f />])" % re.escape(self.cdata_elem)
        if self.cdata_elem == "plaintext":
            end = r"(?!)"  # no end tag ends it
        if escapable and not self.convert_charrefs:
            end = "&|" + end
        self._stop = re.compile(end, re.I | re.A)

    def clear_cdata_mode(self):
        self.cdata_elem = None
        self._escapable = True
        self._stop = _text_stop

    def _set_support_cdata(self, flag=True):
        # Whether <![CDATA[ opens a CDATA section (in svg or math) or a
        # bogus comment (in HTML).
        self._support_cdata = flag

    def _advance(self, i, j):
        # Keeps getpos() at rawdata[j], having been at rawdata[i].
        if i >= j:
            return j
        text = self.rawdata[i:j]
        n = text.count("\n")
        if n:
            self.lineno += n
            self.offset = j - (self.rawdata.rindex("\n", i, j) + 1)
        else:
            self.offset += j - i
        return j

    def _data(self, text):
        if self.convert_charrefs and self._escapable:
            text = unescape(text)
        self.handle_data(text)

    def _scan(self, end):
        raw = self.rawdata
        i, n = 0, len(raw)
        while i < n:
            if self.convert_charrefs and not self.cdata_elem:
                j = raw.find("<", i)
                if j < 0:
                    # A reference the piece may cut waits for the next.
                    amp = raw.rfind("&", max(i, n - 34))
                    if amp >= 0 and not _ref_stop.search(raw, amp):
                        break
                    j = n
            else:
                m = self._stop.search(raw, i)
                if m:
                    j = m.start()
                elif self.cdata_elem:
                    break
                else:
                    j = n
            if i < j:
                self._data(raw[i:j])
            i = self._advance(i, j)
            if i == n:
                break
            if raw.startswith("<", i):
                if _tag_start.match(raw, i):
                    k = self._start_tag(i)
                elif raw.startswith("</", i):
                    k = self._end_tag(i)
                elif raw.startswith("<!--", i):
                    k = self._comment(i)
                elif raw.startswith("<?", i):
                    k = self._pi(i)
                elif raw.startswith("<!", i):
                    k = self._declaration(i)
                elif i + 1 < n or end:
                    self.handle_data("<")
                    k = i + 1
                else:
                    break
                if k < 0:
                    if not end:
                        break
                    self._unfinished(i)
                    k = n
                i = self._advance(i, k)
            elif raw.startswith("&#", i):
                m = _charref.match(raw, i)
                if m:
                    self.handle_charref(m.group()[2:-1])
                    k = m.end()
                    if raw[k - 1] != ";":
                        k -= 1
                    i = self._advance(i, k)
                    continue
                if ";" in raw[i:]:
                    # Not a reference: the "&#" is text.
                    self.handle_data(raw[i:i + 2])
                    i = self._advance(i, i + 2)
                break
            elif raw.startswith("&", i):
                m = _entityref.match(raw, i)
                if m:
                    self.handle_entityref(m.group(1))
                    k = m.end()
                    if raw[k - 1] != ";":
                        k -= 1
                    i = self._advance(i, k)
                    continue
                m = _ref_start.match(raw, i)
                if m:
                    if end and m.group() == raw[i:]:
                        i = self._advance(i, i + 1)
                    break
                if i + 1 == n:
                    break  # a lone "&" at the end may begin a reference
                self.handle_data("&")
                i = self._advance(i, i + 1)
            else:
                raise AssertionError("unexpected text in the parser")
        if end and i < n:
            self._data(raw[i:n])
            i = self._advance(i, n)
        self.rawdata = raw[i:]

    def _unfinished(self, i):
        # The document ends inside the markup at rawdata[i], as HTML5's
        # tokenizer reads an end of file there.
        raw = self.rawdata
        if _tag_start.match(raw, i):
            return  # an unfinished tag is dropped
        if raw.startswith("</", i):
            if i + 2 == len(raw):
                self.handle_data("</")
            elif not _end_tag_start.match(raw, i):
                self.handle_comment(raw[i + 2:])
        elif raw.startswith("<!--", i):
            stop = len(raw)
            for tail in ("--!", "--", "-"):
                if raw.endswith(tail, i + 4):
                    stop -= len(tail)
                    break
            self.handle_comment(raw[i + 4:stop])
        elif raw.startswith("<![CDATA[", i) and self._support_cdata:
            self.unknown_decl(raw[i + 3:])
        elif raw[i:i + 9].lower() == "<!doctype":
            self.handle_decl(raw[i + 2:])
        elif raw.startswith("<!", i):
            self.handle_comment(raw[i + 2:])
        elif raw.startswith("<?", i):
            self.handle_pi(raw[i + 2:])

    def _start_tag(self, i):
        raw = self.rawdata
        self._starttag_text = None
        stop = _tag_extent.match(raw, i + 1).end()
        if raw[stop - 1] != ">":
            return -1
        self._starttag_text = raw[i:stop]
        m = _tag_name.match(raw, i + 1)
        k = m.end()
        tag = self.lasttag = m.group(1).lower()
        attrs = []
        while k < stop:
            a = _attribute.match(raw, k)
            if not a:
                break
            name, has_value, value = a.group(1, 2, 3)
            if not has_value:
                value = None
            elif value[:1] in ("'", '"') and value[:1] == value[-1:]:
                value = value[1:-1]
            if value:
                value = unescape(value)
            attrs.append((name.lower(), value))
            k = a.end()
        rest = raw[k:stop].strip()
        if rest not in (">", "/>"):
            self.handle_data(raw[i:stop])
            return stop
        if rest.endswith("/>"):
            self.handle_startendtag(tag, attrs)
            return stop
        self.handle_starttag(tag, attrs)
        if tag in self.CDATA_CONTENT_ELEMENTS or tag == "plaintext" or self.scripting and tag == "noscript":
            self.set_cdata_mode(tag)
        elif tag in self.RCDATA_CONTENT_ELEMENTS:
            self.set_cdata_mode(tag, escapable=True)
        return stop

    def _end_tag(self, i):
        raw = self.rawdata
        if raw.find(">", i + 2) < 0:
            return -1
        if not _end_tag_start.match(raw, i):
            if raw[i + 2:i + 3] == ">":
                return i + 3  # "</>" is dropped
            return self._bogus_comment(i)
        stop = _tag_extent.match(raw, i + 2).end()
        if raw[stop - 1] != ">":
            return -1
        self.handle_endtag(_tag_name.match(raw, i + 2).group(1).lower())
        self.clear_cdata_mode()
        return stop

    def _bogus_comment(self, i):
        # "<!x>" or "</ x>": a comment up to the next ">".
        k = self.rawdata.find(">", i + 2)
        if k < 0:
            return -1
        self.handle_comment(self.rawdata[i + 2:k])
        return k + 1

    def _comment(self, i):
        raw = self.rawdata
        # "<!-->" and "<!--->" end at once; others at the next --> or --!>.
        m = _comment_abrupt_end.match(raw, i + 4) or _comment_end.search(raw, i + 4)
        if not m:
            return -1
        self.handle_comment(raw[i + 4:m.start()])
        return m.end()

    def _pi(self, i):
        k = self.rawdata.find(">", i + 2)
        if k < 0:
            return -1
        self.handle_pi(self.rawdata[i + 2:k])
        return k + 1

    def _declaration(self, i):
        raw = self.rawdata
        if raw.startswith("<![CDATA[", i) and self._support_cdata:
            k = raw.find("]]>", i + 9)
            if k < 0:
                return -1
            self.unknown_decl(raw[i + 3:k])
            return k + 3
        if raw[i:i + 9].lower() == "<!doctype":
            k = raw.find(">", i + 9)
            if k < 0:
                return -1
            self.handle_decl(raw[i + 2:k])
            return k + 1
        return self._bogus_comment(i)

    # Handlers: a subclass overrides those it wants; these do nothing,
    # except that <x/> is a start tag then an end tag.
    def handle_starttag(self, tag, attrs):
        """A start tag: its lower-case name, its (name, value) pairs."""

    def handle_endtag(self, tag):
        """An end tag, by lower-case name."""

    def handle_charref(self, name):
        """&#NNN; or &#xNN; when convert_charrefs is off: name is the number."""

    def handle_entityref(self, name):
        """&name; when convert_charrefs is off."""

    def handle_data(self, data):
        """Text between markup."""

    def handle_comment(self, data):
        """<!--data-->."""

    def handle_decl(self, decl):
        """<!decl>, such as a DOCTYPE."""

    def handle_pi(self, data):
        """<?data>, a processing instruction."""

    def unknown_decl(self, data):
        """<![data]]>, such as a CDATA section."""

    def handle_startendtag(self, tag, attrs):
        """An empty-element tag such as <br/>."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)
