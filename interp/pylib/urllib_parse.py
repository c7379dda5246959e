# urllib.parse for minipy, written for it from the module's documentation
# (RFC 3986 splitting and joining, WHATWG's stripping of control
# characters, percent-encoding) with CPython 3.14's results and messages:
# urlsplit/urlparse and their result tuples (str and bytes), urlunsplit,
# urlunparse, urljoin, urldefrag, quote/unquote and their variants,
# urlencode, parse_qs and parse_qsl.

from collections import namedtuple as _namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag", "urlsplit", "urlunsplit", "urlencode",
           "parse_qs", "parse_qsl", "quote", "quote_plus", "quote_from_bytes", "unquote", "unquote_plus",
           "unquote_to_bytes", "DefragResult", "ParseResult", "SplitResult", "DefragResultBytes",
           "ParseResultBytes", "SplitResultBytes"]

# Which schemes take relative references, a netloc, ;params, and so on:
# documented data, kept as CPython has them.
uses_relative = ("'' ftp http gopher nntp imap wais file https shttp mms prospero rtsp rtsps rtspu sftp "
                 "svn svn+ssh ws wss").split()
uses_netloc = ("'' ftp http gopher nntp telnet imap wais file mms https shttp snews prospero rtsp rtsps "
               "rtspu rsync svn svn+ssh sftp nfs git git+ssh ws wss itms-services").split()
uses_params = "'' ftp hdl prospero http imap https shttp rtsp rtsps rtspu sip sips mms sftp tel".split()
non_hierarchical = "gopher hdl mailto news telnet wais imap snews sip sips".split()
uses_query = "'' http wais imap https shttp mms gopher rtsp rtsps rtspu sip sips".split()
uses_fragment = "'' ftp hdl http gopher news nntp wais https shttp snews file prospero".split()
for _names in (uses_relative, uses_netloc, uses_params, uses_query, uses_fragment):
    _names[0] = ""
del _names

scheme_chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."

# Stripped from a URL's start (and a default scheme's ends), and the
# characters removed from anywhere in them.
_LEADING_JUNK = "".join(chr(i) for i in range(33))
_DROPPED = ("\t", "\r", "\n")


# str and bytes arguments: bytes are worked on as ASCII text and the
# results turned back into bytes; the two kinds cannot be mixed.
def _as_text(*args):
    want_text = isinstance(args[0], str)
    for other in args[1:]:
        if other and isinstance(other, str) != want_text:
            raise TypeError("Cannot mix str and non-str arguments")
    if want_text:
        return args + (_unchanged,)
    return tuple(a.decode("ascii", "strict") if a else "" for a in args) + (_to_bytes,)


def _unchanged(value):
    return value


def _to_bytes(value):
    return value.encode("ascii", "strict")


# The netloc's parts, for the result tuples' username, password, hostname
# and port; bytes netlocs are read through latin-1, which keeps every byte.
def _netloc_fields(netloc):
    userinfo, at, hostport = netloc.rpartition("@")
    user = password = None
    if at:
        user, colon, password = userinfo.partition(":")
        if not colon:
            password = None
    before, bracket, inside = hostport.partition("[")
    if bracket:
        host, _, after = inside.partition("]")
        port = after.partition(":")[2]
    else:
        host, _, port = hostport.partition(":")
    return user, password, host, port or None


class _Netloc:
    __slots__ = ()

    def _netloc_parts(self):
        netloc = self.netloc
        if isinstance(netloc, str):
            return _netloc_fields(netloc)
        return tuple(None if f is None else f.encode("latin-1")
                     for f in _netloc_fields(netloc.decode("latin-1")))

    @property
    def username(self):
        return self._netloc_parts()[0]

    @property
    def password(self):
        return self._netloc_parts()[1]

    @property
    def hostname(self):
        host = self._netloc_parts()[2]
        if not host:
            return None
        # An IPv6 zone ("%eth0") keeps its case.
        pct = "%" if isinstance(host, str) else b"%"
        addr, sep, zone = host.partition(pct)
        return addr.lower() + sep + zone

    @property
    def port(self):
        text = self._netloc_parts()[3]
        if text is None:
            return None
        if not (text.isascii() and text.isdigit()):
            raise ValueError("Port could not be cast to integer value as %r" % (text,))
        number = int(text)
        if number > 65535:
            raise ValueError("Port out of range 0-65535")
        return number


def _result_pair(name, fields, join):
    """A str result class and its bytes twin: namedtuples with geturl,
    encode on the str one and decode on the bytes one."""
    base = _namedtuple(name, fields)
    extra = (_Netloc,) if "netloc" in fields else ()

    def geturl(self):
        return join(self)

    text_cls = type(name, (base,) + extra, {"__slots__": (), "geturl": geturl})
    bytes_cls = type(name + "Bytes", (base,) + extra, {"__slots__": (), "geturl": geturl})

    def encode(self, encoding="ascii", errors="strict"):
        return bytes_cls(*(part.encode(encoding, errors) for part in self))

    def decode(self, encoding="ascii", errors="strict"):
        return text_cls(*(part.decode(encoding, errors) for part in self))

    text_cls.encode = encode
    bytes_cls.decode = decode
    for cls in (text_cls, bytes_cls):
        cls.__module__ = __name__
    return text_cls, bytes_cls


def _join_defrag(result):
    if result.fragment:
        return result.url + ("#" if isinstance(result.url, str) else b"#") + result.fragment
    return result.url


def _join_split(result):
    return urlunsplit(result)


def _join_parse(result):
    return urlunparse(result)


SplitResult, SplitResultBytes = _result_pair("SplitResult", "scheme netloc path query fragment", _join_split)
ParseResult, ParseResultBytes = _result_pair("ParseResult", "scheme netloc path params query fragment",
                                             _join_parse)
DefragResult, DefragResultBytes = _result_pair("DefragResult", "url fragment", _join_defrag)


def _encoded(result, back):
    # A result tuple turned back into bytes when the input was bytes.
    return result if back is _unchanged else result.encode()


# Hosts in brackets must be IPv6 addresses (or IPvFuture ones, "v1.x").
def _ipv4_ok(text):
    octets = text.split(".")
    if len(octets) != 4:
        return False
    for octet in octets:
        if not (octet.isascii() and octet.isdigit()) or len(octet) > 3:
            return False
        if (len(octet) > 1 and octet[0] == "0") or int(octet) > 255:
            return False
    return True


def _ipv6_ok(text):
    text, pct, zone = text.partition("%")
    if pct and (not zone or "%" in zone):
        return False
    groups = text.split(":")
    if len(groups) < 3:
        return False
    if "." in groups[-1]:
        if not _ipv4_ok(groups[-1]):
            return False
        groups[-1:] = ["0", "0"]
    if len(groups) > 9:
        return False
    gaps = [i for i in range(1, len(groups) - 1) if not groups[i]]
    if len(gaps) > 1:
        return False
    if gaps:
        g = gaps[0]
        head, tail = groups[:g], groups[g + 1:]
        # A leading or trailing ":" is only allowed as half of "::".
        if not head[0]:
            if len(head) > 1:
                return False
            head = []
        if not tail[-1]:
            if len(tail) > 1:
                return False
            tail = []
        if len(head) + len(tail) > 7:
            return False
        groups = head + tail
    elif len(groups) != 8:
        return False
    for group in groups:
        if not 1 <= len(group) <= 4 or any(c not in "0123456789abcdefABCDEF" for c in group):
            return False
    return True


def _check_bracketed(host):
    if host.startswith("v"):
        hexpart, dot, rest = host[1:].partition(".")
        if not (hexpart and dot and rest) or any(c not in "0123456789abcdefABCDEF" for c in hexpart) \
                or "\n" in rest:
            raise ValueError("IPvFuture address is invalid")
    elif _ipv4_ok(host):
        raise ValueError("An IPv4 address cannot be in brackets")
    elif not _ipv6_ok(host):
        raise ValueError("%r does not appear to be an IPv4 or IPv6 address" % (host,))


def _check_netloc(netloc):
    # A non-ASCII netloc must not gain URL delimiters under NFKC.
    if netloc.isascii():
        return
    import unicodedata
    plain = netloc
    for ch in "@:#?":
        plain = plain.replace(ch, "")
    folded = unicodedata.normalize("NFKC", plain)
    if folded != plain and any(ch in folded for ch in "/?#@:"):
        raise ValueError("netloc '%s' contains invalid characters under NFKC normalization" % (netloc,))


def _scheme_length(url):
    # Length of the scheme the url starts with (before its ":"), or 0.
    colon = url.find(":")
    if colon <= 0 or not (url[0].isascii() and url[0].isalpha()):
        return 0
    if any(ch not in scheme_chars for ch in url[:colon]):
        return 0
    return colon


def urlsplit(url, scheme="", allow_fragments=True):
    url, scheme, back = _as_text(url, scheme)
    url = url.lstrip(_LEADING_JUNK)
    scheme = scheme.strip(_LEADING_JUNK)
    for ch in _DROPPED:
        url = url.replace(ch, "")
        scheme = scheme.replace(ch, "")
    n = _scheme_length(url)
    if n:
        scheme, url = url[:n].lower(), url[n + 1:]
    netloc = query = fragment = ""
    if url[:2] == "//":
        end = 2
        while end < len(url) and url[end] not in "/?#":
            end += 1
        netloc, url = url[2:end], url[end:]
        if ("[" in netloc) != ("]" in netloc):
            raise ValueError("Invalid IPv6 URL")
        if "[" in netloc:
            _check_bracketed(netloc.partition("[")[2].partition("]")[0])
    if allow_fragments:
        url, _, fragment = url.partition("#")
    url, _, query = url.partition("?")
    _check_netloc(netloc)
    return _encoded(SplitResult(scheme, netloc, url, query, fragment), back)


def urlparse(url, scheme="", allow_fragments=True):
    url, scheme, back = _as_text(url, scheme)
    scheme, netloc, path, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ""
    if scheme in uses_params and ";" in path:
        # The parameters of the last segment only.
        semi = path.find(";", max(path.rfind("/"), 0))
        if semi >= 0:
            path, params = path[:semi], path[semi + 1:]
    return _encoded(ParseResult(scheme, netloc, path, params, query, fragment), back)


def urlunsplit(components):
    scheme, netloc, path, query, fragment, back = _as_text(*components)
    if netloc:
        if path and not path.startswith("/"):
            path = "/" + path
        url = "//" + netloc + path
    elif path[:2] == "//" or (scheme in uses_netloc and scheme and path[:1] in ("", "/")):
        # An empty authority is kept where the path would else be read as one.
        url = "//" + path
    else:
        url = path
    if scheme:
        url = scheme + ":" + url
    if query:
        url += "?" + query
    if fragment:
        url += "#" + fragment
    return back(url)


def urlunparse(components):
    scheme, netloc, path, params, query, fragment, back = _as_text(*components)
    if params:
        path = "%s;%s" % (path, params)
    return back(urlunsplit((scheme, netloc, path, query, fragment)))


def _merge_segments(base_path, ref_path):
    """RFC 3986's merge and dot-segment removal of a relative path."""
    if ref_path.startswith("/"):
        segments = ref_path.split("/")
    else:
        segments = base_path.split("/")
        if segments[-1]:
            segments.pop()          # the base's last segment is replaced
        segments += ref_path.split("/")
        if len(segments) > 2:
            # Empty inner segments would only double the slashes.
            segments[1:-1] = [s for s in segments[1:-1] if s]
    out = []
    for seg in segments:
        if seg == "..":
            if out:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if segments[-1] in (".", ".."):
        out.append("")
    return "/".join(out) or "/"


def urljoin(base, url, allow_fragments=True):
    if not (base and url):
        return base if base else url
    base, url, back = _as_text(base, url)
    b = urlparse(base, "", allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, b.scheme, allow_fragments)
    if scheme != b.scheme or scheme not in uses_relative:
        return back(url)
    if scheme in uses_netloc and netloc:
        return back(urlunparse((scheme, netloc, path, params, query, fragment)))
    if scheme in uses_netloc:
        netloc = b.netloc
    if path or params:
        path = _merge_segments(b.path, path)
    else:
        path, params, query = b.path, b.params, query or b.query
    return back(urlunparse((scheme, netloc, path, params, query, fragment)))


def urldefrag(url):
    url, back = _as_text(url)
    if "#" not in url:
        return _encoded(DefragResult(url, ""), back)
    parts = urlparse(url)
    return _encoded(DefragResult(urlunparse(parts[:5] + ("",)), parts.fragment), back)


# Percent-encoding.
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_HEXBYTE = {}
for _hi in "0123456789abcdefABCDEF":
    for _lo in "0123456789abcdefABCDEF":
        _HEXBYTE[(_hi + _lo).encode()] = int(_hi + _lo, 16)
del _hi, _lo


def quote_from_bytes(bs, safe="/"):
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if isinstance(safe, str):
        keep = set(safe.encode("ascii", "ignore"))
    else:
        keep = {b for b in safe if b < 128}
    keep |= _UNRESERVED
    return "".join(chr(b) if b in keep else "%%%02X" % b for b in bs)


def quote(string, safe="/", encoding=None, errors=None):
    if not isinstance(string, str):
        for name, given in (("encoding", encoding), ("errors", errors)):
            if given is not None:
                raise TypeError("quote() doesn't support '%s' for bytes" % name)
    elif string:
        string = string.encode("utf-8" if encoding is None else encoding, "strict" if errors is None else errors)
    else:
        return string
    return quote_from_bytes(string, safe)


def quote_plus(string, safe="", encoding=None, errors=None):
    space = " " if isinstance(string, str) else b" "
    if isinstance(string, (str, bytes)) and space not in string:
        return quote(string, safe, encoding, errors)
    safe += " " if isinstance(safe, str) else b" "
    return quote(string, safe, encoding, errors).replace(" ", "+")


def _unescape(data):
    # Bytes with each %XX replaced by the byte it names; a "%" not
    # followed by two hex digits stays as it is.
    pieces = data.split(b"%")
    if len(pieces) == 1:
        return data
    out = bytearray(pieces[0])
    for piece in pieces[1:]:
        code = _HEXBYTE.get(bytes(piece[:2]))
        if code is None:
            out += b"%"
            out += piece
        else:
            out.append(code)
            out += piece[2:]
    return out


def unquote_to_bytes(string):
    if not string:
        string.split
        return b""
    if isinstance(string, str):
        string = string.encode("utf-8")
    return bytes(_unescape(string))


def unquote(string, encoding="utf-8", errors="replace"):
    if isinstance(string, bytes):
        return bytes(_unescape(string)).decode(encoding, errors)
    if "%" not in string:
        string.split
        return string
    encoding = "utf-8" if encoding is None else encoding
    errors = "replace" if errors is None else errors
    if string.isascii():
        return bytes(_unescape(string.encode("ascii"))).decode(encoding, errors)
    # Runs of ASCII are unescaped and decoded together; other characters
    # pass through as they are.
    out = []
    start = 0
    for i, ch in enumerate(string):
        if ord(ch) > 127:
            if start < i:
                out.append(bytes(_unescape(string[start:i].encode("ascii"))).decode(encoding, errors))
            out.append(ch)
            start = i + 1
    if start < len(string):
        out.append(bytes(_unescape(string[start:].encode("ascii"))).decode(encoding, errors))
    return "".join(out)


def unquote_plus(string, encoding="utf-8", errors="replace"):
    return unquote(string.replace("+", " "), encoding, errors)


def urlencode(query, doseq=False, safe="", encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        query = query.items()
    else:
        # A sequence of pairs (checked by its first item), else an error.
        try:
            pairs = not len(query) or isinstance(query[0], tuple)
            if not pairs:
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def one(value):
        # Bytes are quoted without encoding arguments, anything else as str.
        if isinstance(value, bytes):
            return quote_via(value, safe)
        return quote_via(str(value), safe, encoding, errors)

    fields = []
    for key, value in query:
        key = one(key)
        if not doseq or isinstance(value, (str, bytes)):
            fields.append(key + "=" + one(value))
            continue
        try:
            len(value)
        except TypeError:
            fields.append(key + "=" + one(value))
            continue
        fields.extend(key + "=" + one(item) for item in value)
    return "&".join(fields)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8", errors="replace",
              max_num_fields=None, separator="&"):
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if isinstance(qs, str):
        if isinstance(separator, bytes):
            separator = separator.decode("ascii")
        equals = "="

        def decode(part):
            return unquote_plus(part, encoding=encoding, errors=errors)
    else:
        if not qs:
            return []
        qs = bytes(memoryview(qs))
        if isinstance(separator, str):
            separator = separator.encode("ascii")
        equals = b"="

        def decode(part):
            return unquote_to_bytes(part.replace(b"+", b" "))
    if not qs:
        return []
    if max_num_fields is not None and qs.count(separator) + 1 > max_num_fields:
        raise ValueError("Max number of fields exceeded")
    pairs = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, has_equals, value = field.partition(equals)
        if strict_parsing and not has_equals:
            raise ValueError("bad query field: %r" % (field,))
        if value or keep_blank_values:
            pairs.append((decode(name), decode(value)))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8", errors="replace",
             max_num_fields=None, separator="&"):
    grouped = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding=encoding, errors=errors,
                                 max_num_fields=max_num_fields, separator=separator):
        grouped.setdefault(name, []).append(value)
    return grouped
