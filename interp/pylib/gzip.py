# gzip: the gzip file format over zlib (pylib/zlib.py): compress and
# decompress, and GzipFile/open for files (read whole when opened for
# reading; written when closed).

import os
import zlib
import struct
import time

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

READ = "rb"
WRITE = "wb"
FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16
_COMPRESS_LEVEL_FAST, _COMPRESS_LEVEL_TRADEOFF, _COMPRESS_LEVEL_BEST = 1, 6, 9
# The header's XFL byte: 2 for the slowest, best level, 4 for the fastest.
_EXTRA_FLAGS = {_COMPRESS_LEVEL_BEST: 2, _COMPRESS_LEVEL_FAST: 4}


class BadGzipFile(OSError):
    pass


def _header(xfl, mtime, fname=b""):
    # Magic, deflate, flags, mtime, XFL, OS 255 (unknown); then the
    # original file name, NUL-terminated, when there is one. An mtime
    # past 32 bits is struct's error, as CPython's.
    stamp = int(time.time() if mtime is None else mtime)
    fixed = struct.pack("<BBBBLBB", 0x1f, 0x8b, 8, FNAME if fname else 0, stamp, xfl, 255)
    return fixed + fname + b"\0" if fname else fixed


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    data = bytes(data)
    body = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    # compress's XFL is zlib's: 2 at level 9, 4 at levels 0 and 1.
    xfl = 2 if compresslevel == 9 else 4 if 0 <= compresslevel < 2 else 0
    return (_header(xfl, mtime) + body +
            struct.pack("<LL", zlib.crc32(data), len(data) & 0xffffffff))


def _read_member(data, pos):
    # One member from data[pos:]: its bytes and where the next starts.
    if data[pos:pos + 2] != b"\037\213":
        raise BadGzipFile("Not a gzipped file (%r)" % data[pos:pos + 2])
    if len(data) < pos + 10:
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")
    method, flag = data[pos + 2], data[pos + 3]
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    p = pos + 10
    if flag & FEXTRA:
        if len(data) < p + 2:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        n, = struct.unpack("<H", data[p:p + 2])
        p += 2 + n
    for f in (FNAME, FCOMMENT):
        if flag & f:
            end = data.find(b"\000", p)
            if end < 0:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            p = end + 1
    if flag & FHCRC:
        p += 2
    out, used, code, msg = zlib._decompress(data[p:], -zlib.MAX_WBITS)
    if code == -5:
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")
    if code:
        raise zlib.error("Error %d while decompressing data: %s" % (code, msg))
    p += used
    if len(data) < p + 8:
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")
    crc, isize = struct.unpack("<LL", data[p:p + 8])
    if crc != zlib.crc32(out):
        raise BadGzipFile("CRC check failed %s != %s" % (hex(crc), hex(zlib.crc32(out))))
    if isize != len(out) & 0xffffffff:
        raise BadGzipFile("Incorrect length of data produced")
    p += 8
    while p < len(data) and data[p] == 0:
        p += 1  # zero padding between members
    return out, p


def decompress(data):
    data = bytes(data)
    parts = []
    pos = 0
    while pos < len(data):
        out, pos = _read_member(data, pos)
        parts.append(out)
    return b"".join(parts)


class GzipFile:
    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = _open_file(filename, mode or "rb")
        else:
            self.myfileobj = None
        self.name = _name_of(filename, fileobj)
        # Without a mode the file object's decides (else reading).
        given = mode
        mode = getattr(fileobj, "mode", "rb") if given is None else given
        kind = mode[:1]
        if kind == "r":
            self.mode = READ
            self._data = decompress(fileobj.read())
            self._pos = 0
        elif kind in ("w", "a", "x"):
            if given is None:
                import warnings
                warnings.warn("GzipFile was opened for writing, but this will change in future Python releases.  Specify the mode argument for opening it for writing.", FutureWarning, 2)
            self.mode = WRITE
            self._parts = []
            self._level = compresslevel
            self._mtime = mtime
        else:
            raise ValueError("Invalid mode: %r" % (mode,))
        self.fileobj = fileobj
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def mtime(self):
        return self._mtime if self.mode == WRITE else None

    def __repr__(self):
        s = repr(self.fileobj)
        return "<gzip " + s[1:-1] + " " + hex(id(self)) + ">"

    def _check(self, mode):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        if self.mode != mode:
            import errno
            what = "read" if mode == READ else "write"
            raise OSError(errno.EBADF, "%s() on %s GzipFile object" % (
                what, "write-only" if mode == READ else "read-only"))

    def write(self, data):
        self._check(WRITE)
        if isinstance(data, str):
            raise TypeError("memoryview: a bytes-like object is required, not 'str'")
        b = bytes(data)
        self._parts.append(b)
        return len(b)

    def read(self, size=-1):
        self._check(READ)
        if size is None or size < 0:
            out = self._data[self._pos:]
        else:
            out = self._data[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    read1 = read

    def peek(self, n):
        self._check(READ)
        return self._data[self._pos:self._pos + max(n, 1)]

    def readline(self, size=-1):
        self._check(READ)
        end = self._data.find(b"\n", self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._data[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, offset, whence=0):
        if whence == 1:
            offset += self._pos
        elif whence == 2:
            raise ValueError("Seek from end not supported")
        if self.mode == READ:
            self._pos = max(0, min(offset, len(self._data)))
            return self._pos
        raise OSError("Negative seek in write mode")

    def tell(self):
        if self.mode == READ:
            return self._pos
        return sum(len(p) for p in self._parts)

    def seekable(self):
        return True

    def writable(self):
        return self.mode == WRITE

    def readable(self):
        return self.mode == READ

    def flush(self):
        pass

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            if self.mode == WRITE:
                data = b"".join(self._parts)
                self.fileobj.write(_header(_EXTRA_FLAGS.get(self._level, 0), self._mtime,
                                         _stored_name(self.name)))
                self.fileobj.write(zlib.compress(data, self._level, -zlib.MAX_WBITS))
                self.fileobj.write(struct.pack("<LL", zlib.crc32(data), len(data) & 0xffffffff))
        finally:
            if self.myfileobj is not None:
                self.myfileobj.close()

    def __enter__(self):
        if self._closed:
            raise ValueError("I/O operation on closed GzipFile object")
        return self

    def __exit__(self, *exc):
        self.close()


def _name_of(filename, fileobj):
    # The name given, else the file object's when it is a path.
    if filename is not None:
        return os.fspath(filename)
    name = getattr(fileobj, "name", "")
    return name if isinstance(name, (str, bytes)) else ""


def _stored_name(name):
    # The header keeps the base name without ".gz", in latin-1 (none when
    # it has no latin-1 spelling).
    base = os.path.basename(name)
    if isinstance(base, str):
        try:
            base = base.encode("latin-1")
        except UnicodeEncodeError:
            return b""
    return base[:-3] if base.endswith(b".gz") else base


def _open_file(name, mode):
    import io
    return io.open(name, mode)


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """A GzipFile for a path or file object; in text mode ("rt", "wt",
    ...) wrapped to read and write str."""
    text = "t" in mode
    if text and "b" in mode:
        raise ValueError("Invalid mode: %r" % (mode,))
    if not text:
        for arg, value in (("encoding", encoding), ("errors", errors), ("newline", newline)):
            if value is not None:
                raise ValueError("Argument '%s' not supported in binary mode" % arg)
    if isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__"):
        path, fileobj = filename, None
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        path, fileobj = None, filename
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    binary = GzipFile(path, mode.replace("t", ""), compresslevel, fileobj)
    return _GzipText(binary, encoding, errors, newline) if text else binary


class _GzipText:
    # gzip.open(..., "rt"/"wt"): the text of the whole member, decoded at
    # open or encoded at close.
    def __init__(self, binary, encoding, errors, newline):
        import io
        self.buffer = binary
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        self._newline = newline
        self.name = binary.name
        if binary.mode == READ:
            text = binary.read().decode(self.encoding, self.errors)
            if newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._text = io.StringIO(text)
        else:
            self._parts = []
            self._text = None

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if self._text is not None:
            raise OSError("not writable")
        self._parts.append(s)
        return len(s)

    def read(self, size=-1):
        return self._text.read(size)

    def readline(self, size=-1):
        return self._text.readline(size)

    def readlines(self, hint=-1):
        return self._text.readlines()

    def __iter__(self):
        return self

    def __next__(self):
        line = self._text.readline()
        if not line:
            raise StopIteration
        return line

    @property
    def closed(self):
        return self.buffer.closed

    def close(self):
        if self.buffer.closed:
            return
        if self._text is None:
            text = "".join(self._parts)
            if self._newline not in (None, "", "\n"):
                text = text.replace("\n", self._newline)
            self.buffer.write(text.encode(self.encoding, self.errors))
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
