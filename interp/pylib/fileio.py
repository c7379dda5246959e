# open() and the file objects it returns, written for minipy after the
# io module's documented behaviour: FileIO (unbuffered binary),
# BufferedReader/BufferedWriter/BufferedRandom (binary) and
# TextIOWrapper (text: decoding, universal newlines). Go supplies the
# system calls and the byte buffers (_fopen, _fread, _freadline, _fwrite,
# _fflush, _fseek, _ftell, _ftruncate, _fclose, _fisatty) and an
# incremental decoder step (_decode).

O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_TRUNC = 0o1000
O_APPEND = 0o2000

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
# DEFAULT_BUFFER_SIZE is iobase.py's.

_CHUNK = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


def _closed():
    return ValueError("I/O operation on closed file.")


def _fspath(file):
    if isinstance(file, (str, bytes)):
        return file
    if hasattr(type(file), "__fspath__"):
        p = file.__fspath__()
        if isinstance(p, (str, bytes)):
            return p
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(file).__name__, type(p).__name__))
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)


# Text wrappers over streams other than this module's files, with
# writes not yet given to their buffer, by id: written out as the run
# ends, as CPython's are when collected.
_unflushed = {}


def _flush_unflushed():
    for t in list(_unflushed.values()):
        try:
            if not t.closed:
                t.flush()
        except Exception:
            pass
    _unflushed.clear()


_at_exit(_flush_unflushed)


def _size(size, name="read"):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size


class _IOBase(IOBase):
    # IOBase's __exit__ and __next__ serve; entry and iteration check
    # the descriptor itself, not through the closed property.
    _closefd = True

    def __enter__(self):
        self._check_closed()
        return self

    def __iter__(self):
        self._check_closed()
        return self

    def _check_closed(self):
        if self._fd < 0:
            raise _closed()

    @property
    def closed(self):
        return self._fd < 0

    def fileno(self):
        self._check_closed()
        return self._fd

    def isatty(self):
        self._check_closed()
        return _fisatty(self._fd)

    def readable(self):
        self._check_closed()
        return self._reading

    def writable(self):
        self._check_closed()
        return self._writing

    def seekable(self):
        self._check_closed()
        return _fseekable(self._fd)

    def _need_read(self):
        self._check_closed()
        if not self._reading:
            raise UnsupportedOperation(self._unreadable)

    def _need_write(self):
        self._check_closed()
        if not self._writing:
            raise UnsupportedOperation(self._unwritable)

    def readlines(self, hint=-1):
        hint = _size(hint)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if 0 < hint <= n:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_closed()
        if self._writing:
            _fflush(self._fd)

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            if self._closefd:
                _fclose(fd)
            elif self._writing:
                _fflush(fd)


class _Binary(_IOBase):
    _raw = False
    _unreadable = "read"
    _unwritable = "write"

    def __init__(self, fd, name, mode, reading, writing):
        self._fd = fd
        self.name = name
        self._mode = mode
        self._reading = reading
        self._writing = writing

    @property
    def mode(self):
        return self._mode

    @property
    def raw(self):
        return self

    def read(self, size=-1):
        size = _size(size)
        self._need_read()
        return _fread(self._fd, size)

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        size = _size(size)
        self._need_read()
        return _freadline(self._fd, size)

    def readinto(self, b):
        self._need_read()
        data = _fread(self._fd, len(b))
        b[:len(data)] = data
        return len(data)

    def peek(self, size=0):
        self._need_read()
        pos = _ftell(self._fd)
        data = _fread(self._fd, max(size, 1))
        _fseek(self._fd, pos, 0)
        return data

    def write(self, data):
        self._check_closed()
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._need_write()
        return _fwrite(self._fd, data)

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence not in (0, 1, 2):
            raise ValueError("whence value %d unsupported" % whence)
        if whence == 1:
            pos += _ftell(self._fd)
            whence = 0
        if whence == 0 and pos < 0:
            raise OSError(22, "Invalid argument")
        return _fseek(self._fd, pos, whence)

    def tell(self):
        self._check_closed()
        return _ftell(self._fd)

    def truncate(self, size=None):
        self._need_write()
        if size is None:
            size = _ftell(self._fd)
        return _ftruncate(self._fd, size)

    def __repr__(self):
        return "<_io.%s name=%r>" % (type(self).__name__, self.name)


class FileIO(_Binary, RawIOBase):
    _raw = True
    _unreadable = "File not open for reading"
    _unwritable = "File not open for writing"

    def __repr__(self):
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return "<_io.FileIO name=%r mode=%r closefd=%s>" % (self.name, self._mode, self._closefd)


class BufferedReader(_Binary, BufferedIOBase):
    # BufferedReader(raw) over a stream of the program's is a
    # BufferedReaderOver (buffered_over.py); open() makes its files with
    # _over_fd.
    def __new__(cls, *args, **kwargs):
        if cls is BufferedReader:
            import _buffered_over
            cls = _buffered_over.BufferedReaderOver
        return object.__new__(cls)


class BufferedWriter(_Binary, BufferedIOBase):
    def __new__(cls, *args, **kwargs):
        if cls is BufferedWriter:
            import _buffered_over
            cls = _buffered_over.BufferedWriterOver
        return object.__new__(cls)


class BufferedRandom(_Binary, BufferedIOBase):
    pass


def _over_fd(cls, fd, name, mode, reading, writing):
    # A file of open(): the class's methods work on the descriptor.
    f = object.__new__(cls)
    _Binary.__init__(f, fd, name, mode, reading, writing)
    return f


class TextIOWrapper(_IOBase, TextIOBase):
    """Text over a binary stream: a file of open() is read and written by
    its descriptor, any other buffer (BytesIO, a class of the program's)
    through its read, write, seek and tell, what is written being kept
    until flush() or 8 KiB, as CPython's TextIOWrapper keeps it."""

    _raw = False
    _unreadable = "not readable"
    _unwritable = "not writable"

    def __init__(self, *args, **kwargs):
        names = ("buffer", "encoding", "errors", "newline", "line_buffering", "write_through")
        if len(args) > len(names):
            raise TypeError("TextIOWrapper() takes at most 6 arguments (%d given)"
                            % (len(args) + len(kwargs)))
        a = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError("TextIOWrapper() got an unexpected keyword argument '%s'" % k)
            if k in a:
                raise TypeError("argument for TextIOWrapper() given by name ('%s') and position (%d)"
                                % (k, names.index(k) + 1))
            a[k] = v
        if "buffer" not in a:
            raise TypeError("TextIOWrapper() missing required argument 'buffer' (pos 1)")
        buffer = a["buffer"]
        encoding = a.get("encoding")
        errors = a.get("errors")
        newline = a.get("newline")
        for what, v in (("encoding", encoding), ("errors", errors), ("newline", newline)):
            if v is not None and not isinstance(v, str):
                raise TypeError("TextIOWrapper() argument '%s' must be str or None, not %s"
                                % (what, type(v).__name__))
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %s" % newline)
        if encoding is None or encoding == "locale":
            encoding = "UTF-8"  # the locale's encoding (PEP 597's "locale")
        else:
            "".encode(encoding)  # LookupError for an unknown encoding
        self.buffer = buffer
        # _byfd: the buffer is a file of this module, used by descriptor.
        self._byfd = isinstance(buffer, _Binary) and not hasattr(buffer, "_rawobj")
        if self._byfd:
            self._fd = buffer._fd
            self._closefd = buffer._closefd
            self._reading = buffer._reading
            self._writing = buffer._writing
        else:
            # Asked once, in CPython's order.
            self._fd = None
            self._reading = bool(buffer.readable())
            self._writing = bool(buffer.writable())
            buffer.seekable()
        self._detached = False
        self._wbuf = []       # encoded text not yet given to a buffer of the other kind
        self._wlen = 0
        self.encoding = encoding
        self.errors = "strict" if errors is None else errors
        self._newline = newline
        self.line_buffering = bool(a.get("line_buffering", False))
        self.write_through = bool(a.get("write_through", False))
        self._translate = newline is None
        self._wnl = newline if newline not in (None, "", "\n") else None
        self._text = ""       # decoded text; what is not yet read starts at _tpos
        self._tpos = 0
        self._pending = b""   # undecoded bytes: a character cut off
        self._eof = False
        self.newlines = None

    @property
    def name(self):
        return self.buffer.name

    # The buffer's operations, by descriptor or by method.
    def _bread(self, n, partial=False):
        if self._byfd:
            return _fread(self._fd, n, partial)
        self._bflush()
        b = self.buffer
        if n < 0:
            data, how = b.read(), "read"
        elif partial and hasattr(b, "read1"):
            data, how = b.read1(n), "read1"
        else:
            data, how = b.read(n), "read"
        if data is None:
            return b""
        if isinstance(data, (bytearray, memoryview)):
            return bytes(data)
        if not isinstance(data, bytes):
            raise TypeError("underlying %s() should have returned a bytes-like object, not '%s'"
                            % (how, type(data).__name__))
        return data

    def _bwrite(self, data):
        if self._byfd:
            _fwrite(self._fd, data)
            return
        if not self._wbuf:
            _unflushed[id(self)] = self
        self._wbuf.append(data)
        self._wlen += len(data)
        if self.write_through or self._wlen > _CHUNK:
            self._bflush()

    def _bflush(self):
        # What write kept goes to the buffer (not flushing the buffer).
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf = []
            self._wlen = 0
            _unflushed.pop(id(self), None)
            self.buffer.write(data)

    def _bseek(self, pos, whence):
        if self._byfd:
            return _fseek(self._fd, pos, whence)
        self._bflush()
        return self.buffer.seek(pos, whence)

    def _btell(self):
        if self._byfd:
            return _ftell(self._fd)
        self._bflush()
        return self.buffer.tell()

    def _btruncate(self, pos):
        if self._byfd:
            return _ftruncate(self._fd, pos)
        self._bflush()
        return self.buffer.truncate(pos)

    def _check_closed(self):
        if self._detached:
            raise ValueError("underlying buffer has been detached")
        if self.closed:
            raise _closed()

    @property
    def closed(self):
        if self._byfd:
            return self._fd < 0
        return self.buffer.closed

    def fileno(self):
        if self._byfd:
            return _IOBase.fileno(self)
        return self.buffer.fileno()

    def isatty(self):
        if self._byfd:
            return _IOBase.isatty(self)
        return self.buffer.isatty()

    def seekable(self):
        if self._byfd:
            return _IOBase.seekable(self)
        self._check_closed()
        return self.buffer.seekable()

    def flush(self):
        if self._byfd:
            return _IOBase.flush(self)
        self._check_closed()
        self._bflush()
        self.buffer.flush()

    def close(self):
        if self._byfd:
            return _IOBase.close(self)
        if self._detached or self.buffer.closed:
            return
        try:
            self.flush()
        finally:
            self.buffer.close()

    # Reading: _text holds what was decoded and not yet returned.
    def _more(self):
        """Decode the next chunk into _text; False at the end."""
        if self._eof:
            return False
        self._compact()
        data = self._bread(_CHUNK, True)
        final = len(data) == 0
        data = self._pending + data
        s, used = _decode(data, self.encoding, self.errors, final)
        self._pending = data[used:]
        if final:
            self._eof = True
        if self._translate or self._newline == "":
            # A '\r' at a chunk's end may be the first half of '\r\n'.
            if s.endswith("\r") and not final:
                nxt = self._bread(1)
                if nxt:
                    self._pending = self._pending + nxt
                    t, used = _decode(self._pending, self.encoding, self.errors, False)
                    self._pending = self._pending[used:]
                    s += t
        self._text += s
        return bool(s) or not final

    def _compact(self):
        if self._tpos:
            self._text = self._text[self._tpos:]
            self._tpos = 0

    def _rewind(self):
        """Drop the read-ahead, leaving the file at the logical position."""
        if len(self._text) > self._tpos or self._pending:
            pos = self.tell()
            self._text = ""
            self._tpos = 0
            self._pending = b""
            self._bseek(pos, 0)
        self._eof = False

    # _text is kept as the file has it (tell() counts its bytes); with
    # newline=None its line ends are translated as they are taken.
    def read(self, size=-1):
        size = _size(size)
        self._need_read()
        self._compact()
        if size < 0:
            # The rest in one piece, decoded at once as CPython does (a
            # decoding error's position counts from here).
            if not self._eof:
                data = self._pending + self._bread(-1)
                self._pending = b""
                self._eof = True
                self._text += _decode(data, self.encoding, self.errors, True)[0]
            s = self._text
            self._text = ""
            self._tpos = 0
            if self._translate and "\r" in s:
                s = s.replace("\r\n", "\n").replace("\r", "\n")
            return s
        if not self._translate:
            while len(self._text) < size and self._more():
                pass
            s = self._text[:size]
            self._text = self._text[size:]
            return s
        out = []
        got = 0
        while got < size:
            # One character more than needed: a '\r' taken last may be
            # the first half of '\r\n'.
            while len(self._text) <= size - got and self._more():
                pass
            if not self._text:
                break
            k = min(size - got, len(self._text))
            if self._text[k - 1] == "\r" and self._text[k:k + 1] == "\n":
                k += 1
            seg = self._text[:k]
            self._text = self._text[k:]
            if "\r" in seg:
                seg = seg.replace("\r\n", "\n").replace("\r", "\n")
            out.append(seg)
            got += len(seg)
        return "".join(out)

    def _eol(self, start):
        """End of the first line in _text (after its terminator), or -1."""
        t = self._text
        nl = self._newline
        if nl == "\n":
            i = t.find("\n", start)
            return -1 if i < 0 else i + 1
        if nl is None or nl == "":
            i = t.find("\n", start)
            j = t.find("\r", start)
            if j < 0 or (0 <= i < j):
                return -1 if i < 0 else i + 1
            if j + 1 < len(t):
                return j + 2 if t[j + 1] == "\n" else j + 1
            return -1 if not self._eof else j + 1
        i = t.find(nl, start)
        return -1 if i < 0 else i + len(nl)

    def readline(self, size=-1):
        # Lines are cut from _text by position: slicing off what was read
        # would copy the rest of the chunk for every line.
        size = _size(size)
        self._need_read()
        start = self._tpos
        while True:
            end = self._eol(start)
            if end >= 0 or 0 <= size <= len(self._text) - self._tpos:
                break
            rel = max(0, len(self._text) - 1 - self._tpos)
            if not self._more():
                end = len(self._text)
                break
            start = self._tpos + rel
        if end < 0:
            end = len(self._text)
        if size >= 0 and end - self._tpos > size:
            end = self._tpos + size
        line = self._text[self._tpos:end]
        self._tpos = end
        if self._translate and "\r" in line:
            line = line.replace("\r\n", "\n").replace("\r", "\n")
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        self._need_write()
        if len(self._text) > self._tpos or self._pending:
            self._rewind()
        n = len(s)
        if self._wnl is not None and "\n" in s:
            s = s.replace("\n", self._wnl)
        self._bwrite(s.encode(self.encoding, self.errors))
        if self.line_buffering and ("\n" in s or "\r" in s):
            self.flush()
        return n

    def tell(self):
        self._check_closed()
        self._compact()
        pos = self._btell() - len(self._pending)
        if self._text:
            pos -= len(self._text.encode(self.encoding, self.errors))
        return pos

    def seek(self, cookie, whence=0):
        self._check_closed()
        if not isinstance(cookie, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(cookie).__name__)
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._text = ""
            self._tpos = 0
            self._pending = b""
            self._eof = False
            return self._bseek(0, 2)
        if whence != 0:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if cookie < 0:
            raise ValueError("negative seek position %d" % cookie)
        self._text = ""
        self._tpos = 0
        self._pending = b""
        self._eof = False
        return self._bseek(cookie, 0)

    def truncate(self, pos=None):
        self._need_write()
        if pos is None:
            pos = self.tell()
        self._rewind()
        return self._btruncate(pos)

    def detach(self):
        self._check_closed()
        b = self.buffer
        if self._byfd:
            self._fd = -1
        else:
            self.flush()
            self._detached = True
        return b

    def reconfigure(self, *, encoding=None, errors=None, newline=-1, line_buffering=None, write_through=None):
        if encoding is not None:
            self.encoding = encoding
            if errors is None:
                errors = "strict"
        if errors is not None:
            self.errors = errors
        if newline != -1:
            self._newline = newline
            self._translate = newline is None
            self._wnl = newline if newline not in (None, "", "\n") else None
        if line_buffering is not None:
            self.line_buffering = bool(line_buffering)
        if write_through is not None:
            self.write_through = bool(write_through)

    def __repr__(self):
        s = "<_io.TextIOWrapper"
        try:
            s += " name=%r" % (self.name,)
        except AttributeError:
            pass
        if "mode" in self.__dict__:
            s += " mode=%r" % (self.mode,)
        return s + " encoding=%r>" % (self.encoding,)


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, int):
        file = _fspath(file)
        if isinstance(file, bytes):
            file = file.decode("utf-8", "surrogateescape")
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(buffering).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("open() argument 'errors' must be str or None, not %s" % type(errors).__name__)
    if newline is not None and not isinstance(newline, str):
        raise TypeError("open() argument 'newline' must be str or None, not %s" % type(newline).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used", RuntimeWarning, 2)
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError("illegal newline value: %s" % newline)
    if not binary:
        if encoding is None or encoding == "locale":
            # The locale's encoding (PEP 597's "locale"): UTF-8 here.
            encoding = "UTF-8"
        else:
            "".encode(encoding)  # LookupError for an unknown encoding
        if errors is None:
            errors = "strict"
    if not closefd and not isinstance(file, int):
        raise ValueError("Cannot use closefd=False with file name")
    if reading:
        flags = O_RDWR if updating else O_RDONLY
        rawmode = "rb+" if updating else "rb"
    elif writing:
        flags = (O_RDWR if updating else O_WRONLY) | O_CREAT | O_TRUNC
        rawmode = "rb+" if updating else "wb"
    elif appending:
        flags = (O_RDWR if updating else O_WRONLY) | O_CREAT | O_APPEND
        rawmode = "ab+" if updating else "ab"
    else:
        flags = (O_RDWR if updating else O_WRONLY) | O_CREAT | O_EXCL
        rawmode = "xb+" if updating else "xb"
    if opener is not None:
        fd = opener(file, flags)
        if not isinstance(fd, int):
            raise TypeError("expected integer from opener")
        if fd < 0:
            raise ValueError("opener returned %d" % fd)
    raw = buffering == 0
    if raw and not binary:
        raise ValueError("can't have unbuffered text I/O")
    if isinstance(file, int):
        fd = file
        _fadopt(fd, raw)
    elif opener is not None:
        _fadopt(fd, raw)
    else:
        fd = _fopen(file, flags, 0o666, False)
    if appending and _fseekable(fd):
        _fseek(fd, 0, 2)
    canread = reading or updating
    canwrite = not reading or updating
    if raw:
        f = FileIO(fd, file, rawmode, canread, canwrite)
        f._closefd = closefd
        return f
    if updating:
        cls = BufferedRandom
    elif reading:
        cls = BufferedReader
    else:
        cls = BufferedWriter
    b = _over_fd(cls, fd, file, rawmode, canread, canwrite)
    b._closefd = closefd
    if binary:
        return b
    t = TextIOWrapper(b, encoding, errors, newline, buffering == 1)
    t.mode = mode
    return t
