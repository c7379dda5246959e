# html.parser for minipy, written for it: HTMLParser scans markup as it is
# fed and calls its handle_* methods, which a subclass overrides.

import re
from html import unescape

__all__ = ["HTMLParser"]

_tag_name = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_attr = re.compile(r"""([^\s/>=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_end_tag = re.compile(r"</\s*([a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>")
_charref = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?")


def _tag_end(raw, i):
    """The index just past the '>' that closes the tag at raw[i], quotes
    respected, or -1 when the tag is not complete yet."""
    quote = None
    j = i + 1
    while j < len(raw):
        c = raw[j]
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'" and raw[j - 1] in "= \t\n\r\f":
            quote = c
        elif c == ">":
            return j + 1
        j += 1
    return -1


# Markup that runs from its opener to its closer, and the method that gets
# what is between them; tried in this order ("<!--" before "<!").
_delimited = (("<!--", "-->", "handle_comment"), ("<![", "]]>", "unknown_decl"),
              ("<!", ">", "handle_decl"), ("<?", ">", "handle_pi"))


class HTMLParser:
    """Find tags and other markup and call handler functions.

    feed() the document in any pieces; close() at its end. With
    convert_charrefs (the default), character references in text are
    resolved and each run of text reaches handle_data whole."""

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def reset(self):
        """Forget all input not yet parsed and start again at line 1."""
        self.rawdata = ""
        self.lasttag = "???"
        self.lineno, self.offset = 1, 0
        self._cdata = None
        self._starttag_text = None

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def feed(self, data):
        self.rawdata += data
        self._scan(False)

    def close(self):
        self._scan(True)

    def getpos(self):
        return self.lineno, self.offset

    def get_starttag_text(self):
        return self._starttag_text

    def set_cdata_mode(self, elem):
        self._cdata = elem.lower()

    def clear_cdata_mode(self):
        self._cdata = None

    def _advance(self, text):
        n = text.count("\n")
        if n:
            self.lineno += n
            self.offset = len(text) - text.rindex("\n") - 1
        else:
            self.offset += len(text)

    def _text(self, text):
        if not text:
            return
        if self.convert_charrefs and not self._cdata:
            self.handle_data(unescape(text))
        elif self._cdata:
            self.handle_data(text)
        else:
            pos = 0
            for m in _charref.finditer(text):
                if m.start() > pos:
                    self.handle_data(text[pos:m.start()])
                ref = m.group(1)
                if ref[0] == "#":
                    self.handle_charref(ref[1:])
                else:
                    self.handle_entityref(ref)
                pos = m.end()
            if pos < len(text):
                self.handle_data(text[pos:])

    def _scan(self, end):
        raw = self.rawdata
        i, n = 0, len(raw)
        while i < n:
            if self._cdata:
                # Raw text up to this element's end tag (script, style).
                m = re.compile(r"</%s[\s/>]" % re.escape(self._cdata), re.I).search(raw, i)
                if m is None:
                    if end:
                        self._text(raw[i:])
                        self._advance(raw[i:])
                        i = n
                    break
                self._text(raw[i:m.start()])
                self._advance(raw[i:m.start()])
                i = m.start()
            j = raw.find("<", i)
            if j < 0:
                stop = n
                if not end and self.convert_charrefs:
                    # A reference may be cut by the end of this piece:
                    # the text waits whole for the next.
                    amp = raw.rfind("&", i)
                    if amp >= 0 and not re.search(r"[\s;]", raw[amp:]):
                        stop = i
                self._text(raw[i:stop])
                self._advance(raw[i:stop])
                i = stop
                break
            if j > i:
                self._text(raw[i:j])
                self._advance(raw[i:j])
                i = j
            k = self._markup(raw, i, end)
            if k < 0:
                if end:
                    self._text(raw[i:])
                    self._advance(raw[i:])
                    i = n
                break
            self._advance(raw[i:k])
            i = k
        self.rawdata = raw[i:]

    def _markup(self, raw, i, end):
        """Handle the markup at raw[i] ('<'): the index past it, or -1 if
        it is not complete."""
        for opener, closer, handler in _delimited:
            if raw.startswith(opener, i):
                k = raw.find(closer, i + len(opener))
                if k < 0:
                    return -1
                getattr(self, handler)(raw[i + len(opener):k])
                return k + len(closer)
        if raw.startswith("</", i):
            k = raw.find(">", i + 2)
            if k < 0:
                return -1
            m = _end_tag.match(raw, i)
            if m is None or m.end() != k + 1:
                if raw[i + 2:k].strip() == "":
                    return k + 1  # "</>" is dropped
                self.handle_comment(raw[i + 2:k])  # "</ x>": a bogus comment
                return k + 1
            tag = m.group(1).lower()
            if self._cdata and tag != self._cdata:
                self._text(raw[i:k + 1])
                return k + 1
            self.handle_endtag(tag)
            self.clear_cdata_mode()
            return k + 1
        m = _tag_name.match(raw, i + 1)
        if m is None:
            if i + 1 >= len(raw) and not end:
                return -1
            self._text("<")
            return i + 1
        k = _tag_end(raw, i)
        if k < 0:
            return -1
        text = raw[i:k]
        self._starttag_text = text
        tag = m.group().lower()
        self.lasttag = tag
        inner = raw[m.end():k - 1]
        closed = inner.rstrip().endswith("/") and not inner.rstrip().endswith("=/")
        attrs = []
        for a in _attr.finditer(inner):
            name, value = a.group(1), a.group(2)
            if value is None:
                attrs.append((name.lower(), None))
                continue
            if value[:1] == value[-1:] and value[:1] in "\"'" and len(value) >= 2:
                value = value[1:-1]
            attrs.append((name.lower(), unescape(value)))
        if not closed:
            self.handle_starttag(tag, attrs)
            self._enter_raw_text(tag)
        else:
            self.handle_startendtag(tag, attrs)
        return k

    def _enter_raw_text(self, tag):
        # After <script> or <style>, text is raw up to the matching end tag.
        if tag in self.CDATA_CONTENT_ELEMENTS:
            self.set_cdata_mode(tag)

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
