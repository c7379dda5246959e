# urllib.parse for minipy, written for it: quoting (quote, quote_plus,
# unquote, unquote_plus, urlencode), splitting (urlsplit, urlparse and
# their results with hostname, port, username, password, geturl), query
# strings (parse_qs, parse_qsl) and urljoin (RFC 3986), as CPython 3.14
# does them for str arguments.

from collections import namedtuple as _namedtuple

__all__ = ["quote", "quote_plus", "unquote", "unquote_plus", "urlencode", "urlsplit", "urlparse",
           "urlunsplit", "urlunparse", "parse_qs", "parse_qsl", "urljoin", "SplitResult", "ParseResult"]

_ALWAYS_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_HEX = "0123456789ABCDEF"


def quote(string, safe="/", encoding=None, errors=None):
    if isinstance(string, str):
        if not string:
            return string
        data = string.encode(encoding or "utf-8", errors or "strict")
    else:
        data = bytes(string)
    if isinstance(safe, str):
        safe = safe.encode("ascii", "ignore")
    ok = set(_ALWAYS_SAFE)
    for b in safe:
        ok.add(chr(b))
    out = []
    for b in data:
        c = chr(b)
        if b < 128 and c in ok:
            out.append(c)
        else:
            out.append("%" + _HEX[b >> 4] + _HEX[b & 15])
    return "".join(out)


def quote_plus(string, safe="", encoding=None, errors=None):
    if (isinstance(string, str) and " " not in string) or (isinstance(string, bytes) and b" " not in string):
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        space = " "
    else:
        space = b" "
    return quote(string, safe + space, encoding, errors).replace(" ", "+")


def unquote(string, encoding="utf-8", errors="replace"):
    if isinstance(string, bytes):
        raise TypeError("Expected str, got bytes")
    if "%" not in string:
        return string
    parts = string.split("%")
    buf = bytearray(parts[0].encode(encoding, errors))
    for p in parts[1:]:
        h = p[:2]
        if len(h) == 2 and all(c in "0123456789abcdefABCDEF" for c in h):
            buf.append(int(h, 16))
            buf += p[2:].encode(encoding, errors)
        else:
            buf += ("%" + p).encode(encoding, errors)
    return bytes(buf).decode(encoding, errors)


def unquote_plus(string, encoding="utf-8", errors="replace"):
    return unquote(string.replace("+", " "), encoding, errors)


def urlencode(query, doseq=False, safe="", encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence or mapping object") from None
    out = []
    for k, v in query:
        k = quote_via(k if isinstance(k, (str, bytes)) else str(k), safe, encoding, errors)
        if isinstance(v, (str, bytes)) or not doseq:
            v = quote_via(v if isinstance(v, (str, bytes)) else str(v), safe, encoding, errors)
            out.append(k + "=" + v)
        else:
            try:
                items = iter(v)
            except TypeError:
                out.append(k + "=" + quote_via(str(v), safe, encoding, errors))
            else:
                for x in items:
                    out.append(k + "=" + quote_via(x if isinstance(x, (str, bytes)) else str(x), safe, encoding, errors))
    return "&".join(out)


class _NetlocMixin:
    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        host = self._hostinfo[0]
        if not host:
            return None
        sep = "%" if isinstance(host, str) else b"%"
        host, _, zone = host.partition(sep)
        return host.lower() + (sep + zone if zone else "")

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError("Port could not be cast to integer value as %r" % (port,))
            if not (0 <= port <= 65535):
                raise ValueError("Port out of range 0-65535")
        return port

    @property
    def _userinfo(self):
        userinfo, have_info, _ = self.netloc.rpartition("@")
        if have_info:
            username, have_password, password = userinfo.partition(":")
            if not have_password:
                password = None
        else:
            username = password = None
        return username, password

    @property
    def _hostinfo(self):
        _, _, hostinfo = self.netloc.rpartition("@")
        _, have_open_br, bracketed = hostinfo.partition("[")
        if have_open_br:
            hostname, _, port = bracketed.partition("]")
            _, _, port = port.partition(":")
        else:
            hostname, _, port = hostinfo.partition(":")
        if not port:
            port = None
        return hostname, port


class SplitResult(_namedtuple("SplitResult", "scheme netloc path query fragment"), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_namedtuple("ParseResult", "scheme netloc path params query fragment"), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


_SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."


def urlsplit(url, scheme="", allow_fragments=True):
    url = url.lstrip(" \t\n\r\x0b\x0c").replace("\t", "").replace("\r", "").replace("\n", "")
    netloc = query = fragment = ""
    i = url.find(":")
    if i > 0 and url[0].isascii() and url[0].isalpha():
        for c in url[:i]:
            if c not in _SCHEME_CHARS:
                break
        else:
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == "//":
        end = len(url)
        for c in "/?#":
            j = url.find(c, 2)
            if j >= 0:
                end = min(end, j)
        netloc, url = url[2:end], url[end:]
        if ("[" in netloc and "]" not in netloc) or ("]" in netloc and "[" not in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return SplitResult(scheme, netloc, url, query, fragment)


_USES_PARAMS = ["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtsps", "rtspu",
                "sip", "sips", "mms", "sftp", "tel"]


def urlparse(url, scheme="", allow_fragments=True):
    s = urlsplit(url, scheme, allow_fragments)
    path, params = s.path, ""
    if s.scheme in _USES_PARAMS and ";" in path:
        i = path.find(";", path.rfind("/"))
        if i >= 0:
            path, params = path[:i], path[i + 1:]
    return ParseResult(s.scheme, s.netloc, path, params, s.query, s.fragment)


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and url[:2] != "//" and scheme in _USES_NETLOC):
        if url and url[:1] != "/":
            url = "/" + url
        url = "//" + (netloc or "") + url
    elif url[:2] == "//":
        url = "//" + url
    if scheme:
        url = scheme + ":" + url
    if query:
        url = url + "?" + query
    if fragment:
        url = url + "#" + fragment
    return url


_USES_NETLOC = ["", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https",
                "shttp", "snews", "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp",
                "nfs", "git", "git+ssh", "ws", "wss", "itms-services"]
_USES_RELATIVE = ["", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms",
                  "prospero", "rtsp", "rtsps", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss"]


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = "%s;%s" % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, "", allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if not scheme:
        scheme = bscheme
    if scheme != bscheme or scheme not in _USES_RELATIVE:
        return url
    if scheme in _USES_NETLOC:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = bnetloc
    if not path and not params:
        path, params = bpath, bparams
        if not query:
            query = bquery
        return urlunparse((scheme, netloc, path, params, query, fragment))
    base_parts = bpath.split("/")
    if base_parts[-1] != "":
        del base_parts[-1]
    if path[:1] == "/":
        segments = path.split("/")
    else:
        segments = base_parts + path.split("/")
        segments[1:-1] = [s for s in segments[1:-1] if s != "."]
    resolved = []
    for seg in segments:
        if seg == "..":
            try:
                resolved.pop()
            except IndexError:
                pass
        elif seg == ".":
            continue
        else:
            resolved.append(seg)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return urlunparse((scheme, netloc, "/".join(resolved) or "/", params, query, fragment))


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8", errors="replace",
              max_num_fields=None, separator="&"):
    if not qs:
        return []
    out = []
    for field in qs.split(separator):
        if not field:
            continue
        if "=" in field:
            name, value = field.split("=", 1)
        elif strict_parsing:
            raise ValueError("bad query field: %r" % (field,))
        elif keep_blank_values:
            name, value = field, ""
        else:
            continue
        if value or keep_blank_values:
            out.append((unquote_plus(name, encoding, errors), unquote_plus(value, encoding, errors)))
    return out


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8", errors="replace",
             max_num_fields=None, separator="&"):
    out = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors, max_num_fields, separator):
        if name in out:
            out[name].append(value)
        else:
            out[name] = [value]
    return out
