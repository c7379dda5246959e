# codecs for minipy: encode/decode/lookup over the text encodings str and
# bytes know (utf-8, ascii, latin-1, cp1252, utf-16, utf-32 and their
# aliases), the bytes-to-bytes codecs hex, base64 and zlib, rot13, the
# BOM constants, incremental coders, iterencode/iterdecode and open.

import sys as _sys

__all__ = ['register', 'lookup', 'open', 'EncodedFile', 'BOM', 'BOM_BE', 'BOM_LE',
           'BOM32_BE', 'BOM32_LE', 'BOM64_BE', 'BOM64_LE', 'BOM_UTF8', 'BOM_UTF16',
           'BOM_UTF16_LE', 'BOM_UTF16_BE', 'BOM_UTF32', 'BOM_UTF32_LE', 'BOM_UTF32_BE',
           'CodecInfo', 'Codec', 'IncrementalEncoder', 'IncrementalDecoder',
           'StreamReader', 'StreamWriter', 'StreamReaderWriter', 'StreamRecoder',
           'getencoder', 'getdecoder', 'getincrementalencoder', 'getincrementaldecoder',
           'getreader', 'getwriter', 'encode', 'decode', 'iterencode', 'iterdecode',
           'strict_errors', 'ignore_errors', 'replace_errors', 'xmlcharrefreplace_errors',
           'backslashreplace_errors', 'namereplace_errors', 'register_error', 'lookup_error']

# Byte order marks. The UTF-32 ones are the UTF-16 ones widened with two
# zero bytes; the unsized names are the machine's own order, and the
# BOM32_*/BOM64_* names are old spellings kept for programs that use them.
BOM_UTF8 = bytes((0xEF, 0xBB, 0xBF))
BOM_UTF16_LE, BOM_UTF16_BE = b'\xff\xfe', b'\xfe\xff'
BOM_UTF32_LE = BOM_UTF16_LE + bytes(2)
BOM_UTF32_BE = bytes(2) + BOM_UTF16_BE
BOM_LE, BOM_BE = BOM_UTF16_LE, BOM_UTF16_BE
BOM_UTF16, BOM_UTF32 = ((BOM_UTF16_LE, BOM_UTF32_LE) if _sys.byteorder == 'little'
                        else (BOM_UTF16_BE, BOM_UTF32_BE))
BOM = BOM_UTF16
BOM32_LE, BOM32_BE = BOM_UTF16_LE, BOM_UTF16_BE
BOM64_LE, BOM64_BE = BOM_UTF32_LE, BOM_UTF32_BE


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    _is_text_encoding = True

    def __new__(cls, encode, decode,
                streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None,
                name=None, *, _is_text_encoding=None):
        # As a 4-tuple it unpacks the way the old registry entries did;
        # everything is also an attribute.
        info = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        info.name, info.encode, info.decode = name, encode, decode
        info.incrementalencoder, info.incrementaldecoder = incrementalencoder, incrementaldecoder
        info.streamreader, info.streamwriter = streamreader, streamwriter
        if _is_text_encoding is not None:
            info._is_text_encoding = _is_text_encoding
        return info

    def __repr__(self):
        return '<%s.%s object for encoding %s at %#x>' % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ''

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b'', 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    # Keeps the bytes that end mid-character for the next call.
    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b''

    def decode(self, input, final=False):
        data = self.buffer + input
        if final:
            self.buffer = b''
            return self._decode_all(data)
        for cut in range(len(data), max(len(data) - 4, -1), -1):
            try:
                out = self._decode_all(data[:cut])
            except UnicodeDecodeError:
                continue
            self.buffer = data[cut:]
            return out
        return self._decode_all(data)

    def getstate(self):
        # The pending bytes, and no other state.
        return self.buffer, 0

    def setstate(self, state):
        self.buffer = state[0]

    def reset(self):
        self.buffer = b''


# Names as CPython's registry gives them (encodings.aliases).
_aliases = {
    'utf8': 'utf-8', 'utf_8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8', 'utf8_ucs2': 'utf-8',
    'utf8_ucs4': 'utf-8', 'cp65001': 'utf-8',
    'utf_8_sig': 'utf-8-sig', 'utf8_sig': 'utf-8-sig',
    'ascii': 'ascii', 'us_ascii': 'ascii', 'us': 'ascii', '646': 'ascii', 'ansi_x3.4_1968': 'ascii',
    'latin_1': 'iso8859-1', 'latin1': 'iso8859-1', 'latin': 'iso8859-1', 'l1': 'iso8859-1',
    'iso8859_1': 'iso8859-1', 'iso_8859_1': 'iso8859-1', '8859': 'iso8859-1', 'cp819': 'iso8859-1',
    'iso8859': 'iso8859-1', 'iso_ir_100': 'iso8859-1',
    'cp1252': 'cp1252', 'windows_1252': 'cp1252',
    'utf_16': 'utf-16', 'utf16': 'utf-16', 'u16': 'utf-16',
    'utf_16_le': 'utf-16-le', 'utf_16le': 'utf-16-le', 'unicodelittleunmarked': 'utf-16-le',
    'utf_16_be': 'utf-16-be', 'utf_16be': 'utf-16-be', 'unicodebigunmarked': 'utf-16-be',
    'utf_32': 'utf-32', 'utf32': 'utf-32', 'u32': 'utf-32',
    'utf_32_le': 'utf-32-le', 'utf_32le': 'utf-32-le',
    'utf_32_be': 'utf-32-be', 'utf_32be': 'utf-32-be',
    'hex': 'hex', 'hex_codec': 'hex',
    'base64': 'base64', 'base_64': 'base64', 'base64_codec': 'base64',
    'zlib': 'zlib', 'zip': 'zlib', 'zlib_codec': 'zlib',
    'rot13': 'rot-13', 'rot_13': 'rot-13',
    'unicode_escape': 'unicode-escape', 'raw_unicode_escape': 'raw-unicode-escape',
}
# The function names CPython's messages use (utf_8_encode() argument 1 ...).
_func_names = {'utf-8': 'utf_8', 'ascii': 'ascii', 'iso8859-1': 'latin_1', 'cp1252': 'charmap',
               'utf-16': 'utf_16', 'utf-16-le': 'utf_16_le', 'utf-16-be': 'utf_16_be',
               'utf-32': 'utf_32', 'utf-32-le': 'utf_32_le', 'utf-32-be': 'utf_32_be',
               'utf-8-sig': 'utf_8', 'unicode-escape': 'unicode_escape',
               'raw-unicode-escape': 'raw_unicode_escape'}

_registry = {}
_search_functions = []


def _normalize(encoding):
    out = []
    punct = False
    for c in encoding:
        if c.isalnum() or c == '.':
            if punct and out:
                out.append('_')
            out.append(c.lower())
            punct = False
        else:
            punct = True
    return ''.join(out)


def _text_codec(name):
    fname = _func_names[name]

    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError('%s_encode() argument 1 must be str, not %s' % (fname, type(input).__name__))
        if name == 'utf-8-sig':
            return BOM_UTF8 + input.encode('utf-8', errors), len(input)
        return input.encode(name, errors), len(input)

    def decode(input, errors='strict'):
        if isinstance(input, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(input)
        if name == 'utf-8-sig':
            if data.startswith(BOM_UTF8):
                return data[3:].decode('utf-8', errors), len(data)
            return data.decode('utf-8', errors), len(data)
        return data.decode(name, errors), len(data)

    class _Enc(IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class _Dec(BufferedIncrementalDecoder):
        def _decode_all(self, data):
            return decode(data, self.errors)[0]

    if name in ('unicode-escape', 'raw-unicode-escape'):
        raw = name == 'raw-unicode-escape'

        class _Dec(BufferedIncrementalDecoder):
            # Holds back an escape the input ends inside of.
            def decode(self, input, final=False):
                data = self.buffer + bytes(input)
                cut = len(data) if final else _escape_cut(data, raw)
                self.buffer = data[cut:]
                return decode(data[:cut], self.errors)[0]
    elif name in ('utf-8', 'utf-8-sig'):
        _Dec = _utf8_decoder(name == 'utf-8-sig')
        if name == 'utf-8-sig':
            _Enc = _utf8_sig_encoder()
    elif name in ('ascii', 'iso8859-1', 'cp1252'):
        class _Dec(IncrementalDecoder):
            # One byte a character: nothing is ever held back.
            def decode(self, input, final=False):
                return decode(input, self.errors)[0]

    _Enc.__name__ = 'IncrementalEncoder'
    _Dec.__name__ = 'IncrementalDecoder'
    return CodecInfo(encode, decode, incrementalencoder=_Enc, incrementaldecoder=_Dec, name=name)


def _escape_cut(data, raw):
    # Where an escape that data ends inside of begins (len(data): none).
    i = data.rfind(b'\\')
    if i < 0:
        return len(data)
    j = i
    while j > 0 and data[j - 1] == 0x5c:
        j -= 1
    if (i - j) % 2 == 1:
        return len(data)  # the last backslash is escaped by the one before
    tail = data[i + 1:]
    if not tail:
        return i
    kind = tail[:1]
    need = {b'x': 0 if raw else 2, b'u': 4, b'U': 8}.get(kind)
    if need is not None:
        digits = tail[1:1 + need]
        if len(digits) < need and all(c in b'0123456789abcdefABCDEF' for c in digits):
            return i
        return len(data)
    if raw:
        return len(data)
    if kind == b'N':
        if len(tail) == 1 or (tail[1:2] == b'{' and b'}' not in tail):
            return i
    return len(data)


def _utf8_tail(data):
    # How many bytes at the end of data begin a UTF-8 sequence that more
    # bytes could complete (a valid prefix, as CPython's decoder holds).
    n = len(data)
    for back in range(1, min(3, n) + 1):
        lead = data[n - back]
        if lead < 0x80:
            return 0
        if lead < 0xC0:
            continue  # a continuation byte: look further back
        need = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        if lead < 0xC2 or lead > 0xF4 or back >= need:
            return 0
        if back > 1:
            second = data[n - back + 1]
            low, high = 0x80, 0xBF
            if lead == 0xE0:
                low = 0xA0
            elif lead == 0xED:
                high = 0x9F
            elif lead == 0xF0:
                low = 0x90
            elif lead == 0xF4:
                high = 0x8F
            if not low <= second <= high:
                return 0
        return back
    return 0


def _utf8_decoder(sig):
    class _Dec(BufferedIncrementalDecoder):
        # utf-8-sig: first is 1 until the first bytes show whether a BOM
        # leads.
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self.first = 1 if sig else 0

        def decode(self, input, final=False):
            data = self.buffer + bytes(input)
            if self.first:
                if len(data) < 3 and BOM_UTF8.startswith(data) and not final:
                    self.buffer = data
                    return ''
                self.first = 0
                if data.startswith(BOM_UTF8):
                    data = data[3:]
            keep = 0 if final else _utf8_tail(data)
            self.buffer = data[len(data) - keep:] if keep else b''
            return data[:len(data) - keep].decode('utf-8', self.errors)

        def getstate(self):
            return self.buffer, self.first

        def setstate(self, state):
            self.buffer, self.first = state

        def reset(self):
            self.buffer = b''
            self.first = 1 if sig else 0

    _Dec.__name__ = 'IncrementalDecoder'
    return _Dec


def _utf8_sig_encoder():
    class _Enc(IncrementalEncoder):
        # The BOM once, before the first text.
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self.first = 1

        def encode(self, input, final=False):
            out = input.encode('utf-8', self.errors)
            if self.first:
                self.first = 0
                out = BOM_UTF8 + out
            return out

        def reset(self):
            self.first = 1

        def getstate(self):
            return self.first

        def setstate(self, state):
            self.first = state

    _Enc.__name__ = 'IncrementalEncoder'
    return _Enc


def _bytes_incremental(name, encode, decode):
    # hex and base64 code each piece on its own (a piece must be whole:
    # an even number of hex digits), zlib through one compressor.
    class _Enc(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self.reset()

        def encode(self, input, final=False):
            if self.errors != 'strict':
                raise AssertionError  # as CPython's assert
            if name != 'zlib':
                return encode(input)[0]
            if final:
                out = self._z.compress(input) + self._z.flush()
                self.reset()
                return out
            return self._z.compress(input)

        def reset(self):
            if name == 'zlib':
                import zlib
                self._z = zlib.compressobj()

    class _Dec(IncrementalDecoder):
        def __init__(self, errors='strict'):
            IncrementalDecoder.__init__(self, errors)
            self.reset()

        def decode(self, input, final=False):
            if self.errors != 'strict':
                raise AssertionError  # as CPython's assert
            if name != 'zlib':
                return decode(input)[0]
            if final:
                out = self._z.decompress(input) + self._z.flush()
                self.reset()
                return out
            return self._z.decompress(input)

        def reset(self):
            if name == 'zlib':
                import zlib
                self._z = zlib.decompressobj()

    _Enc.__name__ = 'IncrementalEncoder'
    _Dec.__name__ = 'IncrementalDecoder'
    return _Enc, _Dec


def _bytes_codec(name):
    def encode(input, errors='strict'):
        data = bytes(input)
        if name == 'hex':
            import binascii
            return binascii.b2a_hex(data), len(data)
        if name == 'base64':
            import base64
            return base64.encodebytes(data), len(data)
        import zlib
        return zlib.compress(data), len(data)

    def decode(input, errors='strict'):
        data = bytes(input)
        if name == 'hex':
            import binascii
            return binascii.a2b_hex(data), len(data)
        if name == 'base64':
            import base64
            return base64.decodebytes(data), len(data)
        import zlib
        return zlib.decompress(data), len(data)

    enc, dec = _bytes_incremental(name, encode, decode)
    return CodecInfo(encode, decode, name=name, incrementalencoder=enc, incrementaldecoder=dec,
                     _is_text_encoding=False)


_ROT13 = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                       'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')


def _rot13_codec():
    def encode(input, errors='strict'):
        return input.translate(_ROT13), len(input)
    return CodecInfo(encode, encode, name='rot-13', _is_text_encoding=False)


def register(search_function):
    """Register a codec search function."""
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def unregister(search_function):
    """Unregister a codec search function and clear the registry's cache."""
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _registry.clear()


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns a
    CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not %s' % type(encoding).__name__)
    key = _normalize(encoding)
    if key in _registry:
        return _registry[key]
    for fn in _search_functions:
        info = fn(key)
        if info is not None:
            if not isinstance(info, CodecInfo) and not (isinstance(info, tuple) and len(info) == 4):
                raise TypeError('codec search functions must return 4-tuples')
            _registry[key] = info
            return info
    name = _aliases.get(key.replace('-', '_'), None)
    if name is None:
        raise LookupError('unknown encoding: %s' % encoding)
    if name in _func_names:
        info = _text_codec(name)
    elif name == 'rot-13':
        info = _rot13_codec()
    else:
        info = _bytes_codec(name)
    _registry[key] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def _incremental_class(encoding, attr):
    cls = getattr(lookup(encoding), attr)
    if cls is None:
        # A codec without incremental support: the message is its name.
        raise LookupError(encoding)
    return cls


def getincrementalencoder(encoding):
    return _incremental_class(encoding, 'incrementalencoder')


def getincrementaldecoder(encoding):
    return _incremental_class(encoding, 'incrementaldecoder')


def _feed(step, pieces, last):
    """Run each piece through an incremental coder's step, then the final
    call with last; empty results are not yielded."""
    for piece in pieces:
        chunk = step(piece)
        if chunk:
            yield chunk
    chunk = step(last, True)
    if chunk:
        yield chunk


def iterencode(iterator, encoding, errors='strict', **kwargs):
    # A generator: the codec is looked up at the first next(), not here.
    coder = getincrementalencoder(encoding)(errors, **kwargs)
    yield from _feed(coder.encode, iterator, '')


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    coder = getincrementaldecoder(encoding)(errors, **kwargs)
    yield from _feed(coder.decode, iterator, b'')


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open an encoded file: a text file of that encoding (a binary file
    without one)."""
    import builtins
    if encoding is None:
        return builtins.open(filename, mode, buffering)
    if 'b' not in mode:
        mode = mode + 'b'
    lookup(encoding)
    return builtins.open(filename, mode.replace('b', ''), buffering, encoding=encoding, errors=errors)


_error_handlers = {}


def register_error(name, error_handler):
    if not callable(error_handler):
        raise TypeError('handler must be callable')
    _error_handlers[name] = error_handler


def lookup_error(name):
    if name in _error_handlers:
        return _error_handlers[name]
    for known in ('strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
                  'namereplace', 'surrogateescape', 'surrogatepass'):
        if name == known:
            return globals()[known + '_errors'] if known + '_errors' in globals() else strict_errors
    raise LookupError('unknown error handler name %r' % name)


def strict_errors(exc):
    raise exc


def ignore_errors(exc):
    return ('', exc.end)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    return ('\ufffd', exc.end)


def xmlcharrefreplace_errors(exc):
    s = exc.object[exc.start:exc.end]
    return (''.join('&#%d;' % ord(c) for c in s), exc.end)


def backslashreplace_errors(exc):
    s = exc.object[exc.start:exc.end]
    if isinstance(s, str):
        out = []
        for c in s:
            n = ord(c)
            if n < 0x100:
                out.append('\\x%02x' % n)
            elif n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                out.append('\\U%08x' % n)
        return (''.join(out), exc.end)
    return (''.join('\\x%02x' % b for b in s), exc.end)


def namereplace_errors(exc):
    import unicodedata
    s = exc.object[exc.start:exc.end]
    return (''.join('\\N{%s}' % unicodedata.name(c) for c in s), exc.end)


_exported = ()


def unicode_escape_encode(str, errors=None, /):
    return lookup('unicode-escape').encode(str, errors or 'strict')


def unicode_escape_decode(data, errors=None, final=True, /):
    return lookup('unicode-escape').decode(data, errors or 'strict')


def raw_unicode_escape_encode(str, errors=None, /):
    return lookup('raw-unicode-escape').encode(str, errors or 'strict')


def raw_unicode_escape_decode(data, errors=None, final=True, /):
    return lookup('raw-unicode-escape').decode(data, errors or 'strict')
