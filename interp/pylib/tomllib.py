# tomllib: TOML 1.0 documents to dicts, as CPython 3.11+'s module reads
# them: the same values, the same TOMLDecodeError messages at the same
# line and column. One _Reader walks the text once; _Marks remembers which
# tables were declared and which values are frozen (inline tables and
# arrays), the rules that decide what a later line may add.

import re as _re
from datetime import (date as _date, datetime as _datetime, time as _time,
                      timedelta as _timedelta, timezone as _timezone)

__all__ = ('loads', 'load', 'TOMLDecodeError')

_CTRL = frozenset(chr(i) for i in range(32)) | {'\x7f'}
_BAD_IN_LINE = _CTRL - {'\t'}           # strings on one line, comments
_BAD_IN_BLOCK = _BAD_IN_LINE - {'\n'}   # multi-line strings
_WS = ' \t'
_WS_NL = ' \t\n'
_BARE = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
                  '0123456789-_')
_KEY_START = _BARE | {'"', "'"}
_HEX = frozenset('0123456789abcdefABCDEF')
_ESCAPES = {'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r',
            '"': '"', '\\': '\\'}

_TIME = r'([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]{1,6})[0-9]*)?'
_DATETIME = _re.compile(
    r'([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
    r'(?:[Tt ]' + _TIME + r'(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?)?')
_LOCAL_TIME = _re.compile(_TIME)
_NUMBER = _re.compile(
    r'0(?:x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|b[01](?:_?[01])*|o[0-7](?:_?[0-7])*)'
    r'|[+-]?(?:0|[1-9](?:_?[0-9])*)'
    r'(?P<frac>(?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?)')


_UNSET = object()


class TOMLDecodeError(ValueError):
    """An error raised if a document is not valid TOML."""

    def __init__(self, msg=_UNSET, doc=_UNSET, pos=_UNSET, *args):
        if args or not (isinstance(msg, str) and isinstance(doc, str)
                        and isinstance(pos, int)):
            # The free-form arguments of 3.13 and before (deprecated).
            given = tuple(a for a in (msg, doc, pos) if a is not _UNSET)
            ValueError.__init__(self, *(given + args))
            return
        self.msg, self.doc, self.pos = msg, doc, pos
        self.lineno = doc.count('\n', 0, pos) + 1
        self.colno = pos + 1 if self.lineno == 1 else pos - doc.rindex('\n', 0, pos)
        if pos >= len(doc):
            where = 'end of document'
        else:
            where = 'line %d, column %d' % (self.lineno, self.colno)
        ValueError.__init__(self, '%s (at %s)' % (msg, where))


def load(fp, /, *, parse_float=float):
    """Parse TOML from a binary file object."""
    data = fp.read()
    try:
        text = data.decode()
    except AttributeError:
        raise TypeError("File must be opened in binary mode, e.g. use "
                        "`open('foo.toml', 'rb')`") from None
    return loads(text, parse_float=parse_float)


def loads(s, /, *, parse_float=float):
    """Parse TOML from a string."""
    if parse_float is not float:
        parse_float = _checked_float(parse_float)
    # TOML lets a reader treat CRLF as LF, inside strings too.
    return _Reader(s.replace('\r\n', '\n'), parse_float).document()


def _checked_float(parse):
    # A dict or list from parse_float would pass for a table or an array.
    def checked(text):
        v = parse(text)
        if isinstance(v, (dict, list)):
            raise ValueError('parse_float must not return dicts or lists')
        return v
    return checked


class _Marks:
    # A tree over key paths: a node is [declared, frozen, children].
    # "declared" is a table a header or a dotted key made (not to be
    # declared again); "frozen" covers an inline value and all below it.

    def __init__(self):
        self.root = {}
        self.pending = []

    def _node(self, key, make):
        kids = self.root
        node = None
        for k in key:
            node = kids.get(k)
            if node is None:
                if not make:
                    return None
                node = kids[k] = [False, False, {}]
            kids = node[2]
        return node

    def declare(self, key):
        self._node(key, True)[0] = True

    def freeze(self, key):
        self._node(key, True)[1] = True

    def declared(self, key):
        node = self._node(key, False) if key else None
        return node is not None and node[0]

    def frozen(self, key):
        kids = self.root
        for k in key:
            node = kids.get(k)
            if node is None:
                return False
            if node[1]:
                return True
            kids = node[2]
        return False

    def forget(self, key):
        # A new [[array]] element: what was said of the last one is gone.
        parent = self._node(key[:-1], False) if len(key) > 1 else None
        kids = self.root if len(key) == 1 else (parent[2] if parent else None)
        if kids is not None:
            kids.pop(key[-1], None)

    def settle(self):
        # Dotted keys' tables count as declared once their section ends.
        for key in self.pending:
            self.declare(key)
        self.pending = []


def _nest(root, key, into_lists=True):
    # The table at key, made on the way; a KeyError when a value that is
    # not a table is in the way.
    t = root
    for k in key:
        if k not in t:
            t[k] = {}
        t = t[k]
        if into_lists and isinstance(t, list):
            t = t[-1]
        if not isinstance(t, dict):
            raise KeyError(k)
    return t


class _Reader:

    def __init__(self, src, parse_float):
        self.src = src
        self.pos = 0
        self.parse_float = parse_float
        self.data = {}
        self.marks = _Marks()

    def error(self, msg, pos=None):
        return TOMLDecodeError(msg, self.src, self.pos if pos is None else pos)

    def peek(self):
        return self.src[self.pos] if self.pos < len(self.src) else None

    def skip(self, chars):
        src, pos, n = self.src, self.pos, len(self.src)
        while pos < n and src[pos] in chars:
            pos += 1
        self.pos = pos

    def upto(self, end, bad, eof_error):
        # The position of the next `end`, checking the text before it
        # for characters in bad.
        src, start = self.src, self.pos
        stop = src.find(end, start)
        if stop < 0:
            stop = len(src)
            if eof_error:
                raise self.error('Expected %r' % end, stop)
        for i in range(start, stop):
            if src[i] in bad:
                raise self.error('Found invalid character %r' % src[i], i)
        return stop

    def comment(self):
        if self.peek() == '#':
            self.pos += 1
            self.pos = self.upto('\n', _BAD_IN_LINE, False)

    def blank(self):
        # Whitespace, newlines and comments between array items.
        while True:
            before = self.pos
            self.skip(_WS_NL)
            self.comment()
            if self.pos == before:
                return

    def document(self):
        src = self.src
        header = ()
        while True:
            self.skip(_WS)
            c = self.peek()
            if c is None:
                break
            if c == '\n':
                self.pos += 1
                continue
            if c in _KEY_START:
                self.statement(header)
                self.skip(_WS)
            elif c == '[':
                self.marks.settle()
                if src.startswith('[[', self.pos):
                    header = self.array_header()
                else:
                    header = self.table_header()
                self.skip(_WS)
            elif c != '#':
                raise self.error('Invalid statement')
            self.comment()
            c = self.peek()
            if c is None:
                break
            if c != '\n':
                raise self.error('Expected newline or end of document after a statement')
            self.pos += 1
        return self.data

    def table_header(self):
        self.pos += 1
        self.skip(_WS)
        key = self.key()
        marks = self.marks
        if marks.declared(key) or marks.frozen(key):
            raise self.error('Cannot declare %r twice' % (key,))
        marks.declare(key)
        try:
            _nest(self.data, key)
        except KeyError:
            raise self.error('Cannot overwrite a value') from None
        if not self.src.startswith(']', self.pos):
            raise self.error("Expected ']' at the end of a table declaration")
        self.pos += 1
        return key

    def array_header(self):
        self.pos += 2
        self.skip(_WS)
        key = self.key()
        marks = self.marks
        if marks.frozen(key):
            raise self.error('Cannot mutate immutable namespace %r' % (key,))
        marks.forget(key)
        marks.declare(key)
        try:
            parent = _nest(self.data, key[:-1])
            last = key[-1]
            if last not in parent:
                parent[last] = [{}]
            elif isinstance(parent[last], list):
                parent[last].append({})
            else:
                raise KeyError(last)
        except KeyError:
            raise self.error('Cannot overwrite a value') from None
        if not self.src.startswith(']]', self.pos):
            raise self.error("Expected ']]' at the end of an array declaration")
        self.pos += 2
        return key

    def statement(self, header):
        key, value = self.pair()
        marks = self.marks
        for i in range(1, len(key)):
            table = header + key[:i]
            if marks.declared(table):
                raise self.error('Cannot redefine namespace %r' % (table,))
            marks.pending.append(table)
        parent = header + key[:-1]
        if marks.frozen(parent):
            raise self.error('Cannot mutate immutable namespace %r' % (parent,))
        try:
            table = _nest(self.data, parent)
        except KeyError:
            raise self.error('Cannot overwrite a value') from None
        if key[-1] in table:
            raise self.error('Cannot overwrite a value')
        if isinstance(value, (dict, list)):
            marks.freeze(header + key)
        table[key[-1]] = value

    def pair(self):
        key = self.key()
        if self.peek() != '=':
            raise self.error("Expected '=' after a key in a key/value pair")
        self.pos += 1
        self.skip(_WS)
        return key, self.value()

    def key(self):
        parts = [self.key_part()]
        self.skip(_WS)
        while self.peek() == '.':
            self.pos += 1
            self.skip(_WS)
            parts.append(self.key_part())
            self.skip(_WS)
        return tuple(parts)

    def key_part(self):
        c = self.peek()
        if c is not None and c in _BARE:
            start = self.pos
            self.skip(_BARE)
            return self.src[start:self.pos]
        if c == "'":
            return self.literal()
        if c == '"':
            self.pos += 1
            return self.basic(False)
        raise self.error('Invalid initial character for a key part')

    def value(self):
        src, pos = self.src, self.pos
        c = self.peek()
        if c == '"':
            if src.startswith('"""', pos):
                return self.block('"')
            self.pos += 1
            return self.basic(False)
        if c == "'":
            if src.startswith("'''", pos):
                return self.block("'")
            return self.literal()
        if c == 't' and src.startswith('true', pos):
            self.pos += 4
            return True
        if c == 'f' and src.startswith('false', pos):
            self.pos += 5
            return False
        if c == '[':
            return self.array()
        if c == '{':
            return self.inline_table()
        m = _DATETIME.match(src, pos)
        if m:
            try:
                v = _to_datetime(m)
            except ValueError as e:
                raise self.error('Invalid date or datetime') from e
            self.pos = m.end()
            return v
        m = _LOCAL_TIME.match(src, pos)
        if m:
            self.pos = m.end()
            return _time(int(m.group(1)), int(m.group(2)), int(m.group(3)),
                         _micros(m.group(4)))
        m = _NUMBER.match(src, pos)
        if m:
            self.pos = m.end()
            if m.group('frac'):
                return self.parse_float(m.group())
            return int(m.group(), 0)
        for word in ('inf', 'nan', '+inf', '-inf', '+nan', '-nan'):
            if src.startswith(word, pos):
                self.pos += len(word)
                return self.parse_float(word)
        raise self.error('Invalid value')

    def array(self):
        self.pos += 1
        out = []
        self.blank()
        if self.peek() == ']':
            self.pos += 1
            return out
        while True:
            out.append(self.value())
            self.blank()
            c = self.peek()
            if c == ']':
                self.pos += 1
                return out
            if c != ',':
                raise self.error('Unclosed array')
            self.pos += 1
            self.blank()
            if self.peek() == ']':
                self.pos += 1
                return out

    def inline_table(self):
        self.pos += 1
        out = {}
        frozen = _Marks()
        self.skip(_WS)
        if self.peek() == '}':
            self.pos += 1
            return out
        while True:
            key, value = self.pair()
            if frozen.frozen(key):
                raise self.error('Cannot mutate immutable namespace %r' % (key,))
            try:
                table = _nest(out, key[:-1], into_lists=False)
            except KeyError:
                raise self.error('Cannot overwrite a value') from None
            if key[-1] in table:
                raise self.error('Duplicate inline table key %r' % key[-1])
            table[key[-1]] = value
            self.skip(_WS)
            c = self.peek()
            if c == '}':
                self.pos += 1
                return out
            if c != ',':
                raise self.error('Unclosed inline table')
            if isinstance(value, (dict, list)):
                frozen.freeze(key)
            self.pos += 1
            self.skip(_WS)

    def literal(self):
        self.pos += 1
        start = self.pos
        stop = self.upto("'", _BAD_IN_LINE, True)
        self.pos = stop + 1
        return self.src[start:stop]

    def block(self, quote):
        # A multi-line string: a newline right after the opening quotes
        # is not part of it; up to two quotes may end it before the three.
        self.pos += 3
        if self.src.startswith('\n', self.pos):
            self.pos += 1
        if quote == "'":
            start = self.pos
            stop = self.upto("'''", _BAD_IN_BLOCK, True)
            text = self.src[start:stop]
            self.pos = stop + 3
        else:
            text = self.basic(True)
        for _ in range(2):
            if not self.src.startswith(quote, self.pos):
                break
            text += quote
            self.pos += 1
        return text

    def basic(self, multiline):
        src, n = self.src, len(self.src)
        bad = _BAD_IN_BLOCK if multiline else _BAD_IN_LINE
        parts = []
        start = pos = self.pos
        while True:
            if pos >= n:
                raise self.error('Unterminated string', pos)
            c = src[pos]
            if c == '"':
                if not multiline:
                    parts.append(src[start:pos])
                    self.pos = pos + 1
                    return ''.join(parts)
                if src.startswith('"""', pos):
                    parts.append(src[start:pos])
                    self.pos = pos + 3
                    return ''.join(parts)
                pos += 1
            elif c == '\\':
                parts.append(src[start:pos])
                self.pos = pos
                parts.append(self.escape(multiline))
                start = pos = self.pos
            elif c in bad:
                raise self.error('Illegal character %r' % c, pos)
            else:
                pos += 1

    def escape(self, multiline):
        src = self.src
        pair = src[self.pos:self.pos + 2]
        self.pos += 2
        if multiline and pair in ('\\ ', '\\\t', '\\\n'):
            # A backslash ending a line swallows the whitespace and
            # newlines after it; only whitespace may follow it on its line.
            if pair != '\\\n':
                self.skip(_WS)
                c = self.peek()
                if c is None:
                    return ''
                if c != '\n':
                    raise self.error("Unescaped '\\' in a string")
                self.pos += 1
            self.skip(_WS_NL)
            return ''
        if pair == '\\u' or pair == '\\U':
            return self.hex_char(4 if pair == '\\u' else 8)
        c = _ESCAPES.get(pair[1:])
        if c is None or len(pair) < 2:
            raise self.error("Unescaped '\\' in a string")
        return c

    def hex_char(self, width):
        digits = self.src[self.pos:self.pos + width]
        if len(digits) != width or not _HEX.issuperset(digits):
            raise self.error('Invalid hex value')
        self.pos += width
        code = int(digits, 16)
        if not (0 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF):
            raise self.error('Escaped character is not a Unicode scalar value')
        return chr(code)


def _micros(frac):
    return int(frac.ljust(6, '0')) if frac else 0


_zones = {}


def _to_datetime(m):
    (year, month, day, hour, minute, second, frac,
     zulu, sign, off_hour, off_minute) = m.groups()
    if hour is None:
        return _date(int(year), int(month), int(day))
    if sign:
        tz = _zones.get((sign, off_hour, off_minute))
        if tz is None:
            s = 1 if sign == '+' else -1
            tz = _timezone(_timedelta(hours=s * int(off_hour), minutes=s * int(off_minute)))
            _zones[(sign, off_hour, off_minute)] = tz
    elif zulu:
        tz = _timezone.utc
    else:
        tz = None
    return _datetime(int(year), int(month), int(day), int(hour), int(minute),
                     int(second), _micros(frac), tzinfo=tz)
