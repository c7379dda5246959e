# io's abstract classes, written for minipy after their documented
# behaviour: IOBase, RawIOBase, BufferedIOBase and TextIOBase, which a
# program subclasses (a RawIOBase needs only readinto, or write; a
# BufferedIOBase read). This text comes before fileio.py's in the
# _fileio module, whose file classes derive from these; the
# BufferedReader/BufferedWriter a program puts over a raw stream of its
# own are buffered_over.py's, loaded when first made.

DEFAULT_BUFFER_SIZE = 8192


class IOBase:
    """The base of every stream: closing, context management, iteration
    by lines, and what a stream that cannot do something raises."""

    _io_closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def fileno(self):
        self._unsupported("fileno")

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    @property
    def closed(self):
        return self._io_closed

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self._io_closed:
            try:
                self.flush()
            finally:
                self._io_closed = True

    def isatty(self):
        self._checkClosed()
        return False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readline(self, size=-1):
        # Byte by byte through read(), or a buffer's worth through peek()
        # where the stream has one, up to and with the newline.
        if size is None:
            size = -1
        peek = getattr(self, "peek", None)
        out = bytearray()
        while size < 0 or len(out) < size:
            n = 1
            if peek is not None:
                ahead = peek(1)
                if not ahead:
                    break
                end = ahead.find(b"\n") + 1
                n = end if end > 0 else len(ahead)
                if size >= 0:
                    n = min(n, size - len(out))
            chunk = self.read(n)
            if not chunk:
                break
            out += chunk
            if out.endswith(b"\n"):
                break
        return bytes(out)

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Unbuffered binary I/O: read and readall over the subclass's
    readinto."""

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        out = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            out += data
        if not out and data is None:
            return None
        return bytes(out)

    def readinto(self, b):
        raise NotImplementedError

    def write(self, b):
        raise NotImplementedError


class BufferedIOBase(IOBase):
    """Buffered binary I/O: readinto over the subclass's read."""

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        self._unsupported("read1")

    def write(self, b):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")

    def readinto(self, b):
        return self._fill_from(b, self.read)

    def readinto1(self, b):
        return self._fill_from(b, self.read1)

    def _fill_from(self, b, read):
        view = memoryview(b).cast("B")
        data = read(len(view))
        n = len(data)
        view[:n] = data
        return n


class TextIOBase(IOBase):
    """Text I/O: what a text stream that cannot do something raises."""

    def read(self, size=-1):
        self._unsupported("read")

    def readline(self, size=-1):
        self._unsupported("readline")

    def write(self, s):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")

    # Attributes a text stream of the subclass's may set.
    encoding = None
    newlines = None
    errors = None
