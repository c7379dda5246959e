# BufferedReader(raw) and BufferedWriter(raw) over a raw stream of the
# program's (a RawIOBase subclass, BytesIO, FileIO): the _buffered_over
# module, loaded by the first such call (fileio.py's classes make their
# instances here), written for minipy after io's documented behaviour.

from _fileio import (BufferedReader, BufferedWriter, UnsupportedOperation,
                     DEFAULT_BUFFER_SIZE)


def _buffer_size(buffer_size):
    if buffer_size <= 0:
        raise ValueError("buffer size must be strictly positive")
    return buffer_size


class _BufferedOver:
    """What BufferedReader and BufferedWriter over a raw stream of the
    program's share: the raw stream's state, seen through the buffer."""

    def _init_raw(self, raw):
        self._rawobj = raw
        self._detached = False

    @property
    def raw(self):
        return self._rawobj

    @property
    def closed(self):
        return self._live().closed

    @property
    def name(self):
        return self._live().name

    @property
    def mode(self):
        return self._live().mode

    def _live(self):
        if self._detached:
            raise ValueError("raw stream has been detached")
        return self._rawobj

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    _check_closed = _checkClosed

    def fileno(self):
        return self._live().fileno()

    def isatty(self):
        return self._live().isatty()

    def seekable(self):
        return self._live().seekable()

    def readable(self):
        return self._live().readable()

    def writable(self):
        return self._live().writable()

    def detach(self):
        raw = self._live()
        self.flush()
        self._detached = True
        return raw

    def close(self):
        raw = self._live()
        if raw.closed:
            return
        try:
            self.flush()
        finally:
            raw.close()

    def __repr__(self):
        kind = "_io." + type(self).__name__
        try:
            name = self.name
        except AttributeError:
            return "<%s>" % kind
        return "<%s name=%r>" % (kind, name)


class _ReaderOver(_BufferedOver):
    """BufferedReader's reading over a raw stream's readinto."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if not raw.readable():
            raise UnsupportedOperation("File or stream is not readable.")
        self._init_raw(raw)
        self._size = _buffer_size(buffer_size)
        self._ahead = b""  # read from raw, not yet from the buffer

    def _raw_chunk(self, n):
        b = bytearray(max(n, self._size))
        got = self._rawobj.readinto(b)
        if got is None:
            return None
        return bytes(b[:got])

    def peek(self, size=0):
        self._checkClosed()
        if not self._ahead:
            self._ahead = self._raw_chunk(self._size) or b""
        return self._ahead

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            parts = [self._ahead]
            self._ahead = b""
            rest = self._rawobj.readall()
            if rest:
                parts.append(rest)
            return b"".join(parts)
        out = self._ahead[:size]
        self._ahead = self._ahead[size:]
        while len(out) < size:
            chunk = self._raw_chunk(size - len(out))
            if not chunk:
                break
            need = size - len(out)
            out += chunk[:need]
            self._ahead = chunk[need:]
        return out

    def read1(self, size=-1):
        self._checkClosed()
        if not self._ahead:
            self._ahead = self._raw_chunk(self._size if size is None or size < 0 else size) or b""
        if size is None or size < 0:
            size = len(self._ahead)
        out, self._ahead = self._ahead[:size], self._ahead[size:]
        return out

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        out = b""
        while size < 0 or len(out) < size:
            if not self._ahead:
                self._ahead = self._raw_chunk(self._size) or b""
                if not self._ahead:
                    break
            end = self._ahead.find(b"\n") + 1
            take = end if end > 0 else len(self._ahead)
            if size >= 0:
                take = min(take, size - len(out))
            out += self._ahead[:take]
            self._ahead = self._ahead[take:]
            if out.endswith(b"\n"):
                break
        return out

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._checkClosed()
        return self

    def readinto(self, b):
        view = memoryview(b).cast("B")
        data = self.read(len(view))
        view[:len(data)] = data
        return len(data)

    def readinto1(self, b):
        view = memoryview(b).cast("B")
        data = self.read1(len(view))
        view[:len(data)] = data
        return len(data)

    def tell(self):
        return self._live().tell() - len(self._ahead)

    def seek(self, pos, whence=0):
        if whence == 1:
            pos -= len(self._ahead)
        self._ahead = b""
        return self._live().seek(pos, whence)

    def flush(self):
        self._checkClosed()

    def write(self, b):
        raise UnsupportedOperation("write")


class _WriterOver(_BufferedOver):
    """BufferedWriter's writing over a raw stream's write."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if not raw.writable():
            raise UnsupportedOperation("File or stream is not writable.")
        self._init_raw(raw)
        self._size = _buffer_size(buffer_size)
        self._pending = bytearray()

    def write(self, b):
        self._checkClosed()
        try:
            data = bytes(memoryview(b))
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__) from None
        self._pending += data
        if len(self._pending) > self._size:
            self._drain()
        return len(data)

    def _drain(self):
        while self._pending:
            n = self._rawobj.write(bytes(self._pending))
            if n is None:
                raise BlockingIOError(11, "write could not complete without blocking", 0)
            if n < 0 or n > len(self._pending):
                raise OSError("raw write() returned invalid length %d (should have been between 0 and %d)"
                              % (n, len(self._pending)))
            del self._pending[:n]

    def flush(self):
        self._checkClosed()
        self._drain()
        self._rawobj.flush()

    def tell(self):
        return self._live().tell() + len(self._pending)

    def seek(self, pos, whence=0):
        self.flush()
        return self._live().seek(pos, whence)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._live().truncate(pos)

    def read(self, size=-1):
        raise UnsupportedOperation("read")


class BufferedReaderOver(_ReaderOver, BufferedReader):
    pass


class BufferedWriterOver(_WriterOver, BufferedWriter):
    pass


BufferedReaderOver.__name__ = BufferedReaderOver.__qualname__ = "BufferedReader"
BufferedWriterOver.__name__ = BufferedWriterOver.__qualname__ = "BufferedWriter"
