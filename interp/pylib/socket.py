# socket for minipy, written for it after the socket module's documented
# behaviour: the socket class (timeouts, blocking and non-blocking modes,
# the context manager, makefile), socketpair, create_connection,
# create_server and the name functions over the system's resolver. Go
# makes the system calls (_socket, _bind, _accept, _connect, _send,
# _recv, ...) on non-blocking descriptors that Go's poller waits on, so
# one thread blocked in accept() or recv() leaves the others running.
from enum import IntEnum, IntFlag


class AddressFamily(IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10
    AF_PACKET = 17


class SocketKind(IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3
    SOCK_RDM = 4
    SOCK_SEQPACKET = 5
    SOCK_CLOEXEC = 524288
    SOCK_NONBLOCK = 2048


class MsgFlag(IntFlag):
    MSG_OOB = 1
    MSG_PEEK = 2
    MSG_DONTROUTE = 4
    MSG_CTRUNC = 8
    MSG_TRUNC = 32
    MSG_DONTWAIT = 64
    MSG_EOR = 128
    MSG_WAITALL = 256
    MSG_NOSIGNAL = 16384


class AddressInfo(IntFlag):
    AI_PASSIVE = 1
    AI_CANONNAME = 2
    AI_NUMERICHOST = 4
    AI_V4MAPPED = 8
    AI_ALL = 16
    AI_ADDRCONFIG = 32
    AI_NUMERICSERV = 1024


# The members are the module's constants too.
AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
AF_PACKET = AddressFamily.AF_PACKET
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW
SOCK_RDM = SocketKind.SOCK_RDM
SOCK_SEQPACKET = SocketKind.SOCK_SEQPACKET
SOCK_CLOEXEC = SocketKind.SOCK_CLOEXEC
SOCK_NONBLOCK = SocketKind.SOCK_NONBLOCK
MSG_OOB = MsgFlag.MSG_OOB
MSG_PEEK = MsgFlag.MSG_PEEK
MSG_DONTROUTE = MsgFlag.MSG_DONTROUTE
MSG_CTRUNC = MsgFlag.MSG_CTRUNC
MSG_TRUNC = MsgFlag.MSG_TRUNC
MSG_DONTWAIT = MsgFlag.MSG_DONTWAIT
MSG_EOR = MsgFlag.MSG_EOR
MSG_WAITALL = MsgFlag.MSG_WAITALL
MSG_NOSIGNAL = MsgFlag.MSG_NOSIGNAL
AI_PASSIVE = AddressInfo.AI_PASSIVE
AI_CANONNAME = AddressInfo.AI_CANONNAME
AI_NUMERICHOST = AddressInfo.AI_NUMERICHOST
AI_V4MAPPED = AddressInfo.AI_V4MAPPED
AI_ALL = AddressInfo.AI_ALL
AI_ADDRCONFIG = AddressInfo.AI_ADDRCONFIG
AI_NUMERICSERV = AddressInfo.AI_NUMERICSERV

SOL_SOCKET = 1
SO_DEBUG = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_DONTROUTE = 5
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_OOBINLINE = 10
SO_LINGER = 13
SO_REUSEPORT = 15
SO_RCVLOWAT = 18
SO_SNDLOWAT = 19
SO_RCVTIMEO = 20
SO_SNDTIMEO = 21
SO_ACCEPTCONN = 30
SO_PROTOCOL = 38
SO_DOMAIN = 39
SOL_IP = 0
SOL_TCP = 6
SOL_UDP = 17
IPPROTO_IP = 0
IPPROTO_ICMP = 1
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_IPV6 = 41
IPPROTO_RAW = 255
IP_TTL = 2
IP_MULTICAST_TTL = 33
IP_MULTICAST_LOOP = 34
IP_ADD_MEMBERSHIP = 35
IPV6_V6ONLY = 26
TCP_NODELAY = 1
TCP_MAXSEG = 2
TCP_KEEPIDLE = 4
TCP_KEEPINTVL = 5
TCP_KEEPCNT = 6
SOMAXCONN = 4096
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
INADDR_ANY = 0
INADDR_BROADCAST = 0xffffffff
INADDR_LOOPBACK = 0x7f000001
INADDR_NONE = 0xffffffff
EAI_AGAIN = -3
EAI_BADFLAGS = -1
EAI_FAIL = -4
EAI_FAMILY = -6
EAI_MEMORY = -10
EAI_NODATA = -5
EAI_NONAME = -2
EAI_SERVICE = -8
EAI_SOCKTYPE = -7
NI_NUMERICHOST = 1
NI_NUMERICSERV = 2
NI_NOFQDN = 4
NI_NAMEREQD = 8
NI_DGRAM = 16
has_ipv6 = True

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


_GLOBAL_DEFAULT_TIMEOUT = object()
_defaulttimeout = None


def _timeout_value(value):
    if value is None:
        return None
    if not isinstance(value, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    value = float(value)
    if value < 0:
        raise ValueError("Timeout value out of range")
    return value


def getdefaulttimeout():
    return _defaulttimeout


def setdefaulttimeout(timeout):
    global _defaulttimeout
    _defaulttimeout = _timeout_value(timeout)


# family and type are shown as enum members where one has the number.
_FAMILY_MEMBERS = {int(m): m for m in AddressFamily}
_KIND_MEMBERS = {int(m): m for m in SocketKind}


class SocketType:
    """The base of socket objects (CPython's _socket.socket)."""


class socket(SocketType):
    """A network socket over one descriptor of the system."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        # -1 asks for the default: a new TCP/IPv4 socket's, or what the
        # system says of an existing descriptor.
        if fileno is None:
            known = (AF_INET, SOCK_STREAM, 0)
        else:
            if not isinstance(fileno, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % fileno.__class__.__name__)
            if fileno < 0:
                raise ValueError("negative file descriptor")
            known = _sockinfo(fileno)
        family, type, proto = [k if v == -1 else v for v, k in zip((family, type, proto), known)]
        if fileno is None:
            fileno = _socket(int(family), int(type) & ~(SOCK_NONBLOCK | SOCK_CLOEXEC), int(proto))
        self._fd = fileno
        self._family = int(family)
        self._type = int(type) & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self._proto = int(proto)
        # family, type, proto and timeout are plain attributes, not
        # CPython's read-only properties: minipy runs a property's getter
        # with the instance locked, and a getter that builds an enum member
        # could then wait on a lock that a thread blocked in this socket's
        # peer holds (interp/README.md, known gaps).
        self.family = _FAMILY_MEMBERS.get(self._family, self._family)
        self.type = _KIND_MEMBERS.get(self._type, self._type)
        self.proto = self._proto
        self._timeout = self.timeout = 0.0 if int(type) & SOCK_NONBLOCK else _defaulttimeout
        # makefile() streams keep the descriptor open past close() until
        # the last of them is closed.
        self._closed, self._io_refs = False, 0

    def __repr__(self):
        fields = ["fd=%i" % self.fileno(), "family=%s" % self.family, "type=%s" % self.type,
                  "proto=%i" % self.proto]
        if not self._closed:
            for label, ask in (("laddr", self.getsockname), ("raddr", self.getpeername)):
                try:
                    where = ask()
                except OSError:
                    continue
                if where:
                    fields.append("%s=%s" % (label, str(where)))
        cls = self.__class__
        state = " [closed]" if self._closed else ""
        return "<%s.%s%s %s>" % (cls.__module__, cls.__qualname__, state, ", ".join(fields))

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if not self._closed:
            self.close()

    def __getstate__(self):
        raise TypeError("cannot pickle %r object" % self.__class__.__name__)

    def fileno(self):
        return self._fd

    def _wait(self):
        return -1.0 if self._timeout is None else self._timeout

    def close(self):
        self._closed = True
        if self._io_refs < 1:
            self._release()

    def _release(self):
        fd, self._fd = self._fd, -1
        if fd >= 0:
            _close(fd)

    # A makefile() stream is done with the socket.
    def _stream_closed(self):
        self._io_refs = max(self._io_refs - 1, 0)
        if self._closed and not self._io_refs:
            self._release()

    def detach(self):
        self._closed = True
        fd, self._fd = self._fd, -1
        if fd >= 0:
            _detach(fd)
        return fd

    def bind(self, address):
        _bind(self._fd, self._family, address)

    def listen(self, backlog=None):
        if backlog is None:
            backlog = min(SOMAXCONN, 128)
        _listen(self._fd, max(backlog, 0))

    def _accept(self):
        return _accept(self._fd, self._wait())

    def accept(self):
        fd, addr = _accept(self._fd, self._wait())
        sock = socket(self._family, self._type, self._proto, fileno=fd)
        if _defaulttimeout is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def connect(self, address):
        _connect(self._fd, self._family, address, self._wait(), False)

    def connect_ex(self, address):
        return _connect(self._fd, self._family, address, self._wait(), True)

    def send(self, data, flags=0):
        return _send(self._fd, data, flags, self._wait())

    def sendall(self, data, flags=0):
        try:
            view = memoryview(data).cast("B")
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None
        total = len(view)
        sent = 0
        while sent < total:
            sent += _send(self._fd, view[sent:], flags, self._wait())

    def sendto(self, data, flags_or_addr, addr=None):
        if addr is None:
            flags, addr = 0, flags_or_addr
        else:
            flags = flags_or_addr
        return _sendto(self._fd, data, flags, self._wait(), self._family, addr)

    def recv(self, bufsize, flags=0):
        return _recv(self._fd, bufsize, flags, self._wait(), False)

    def recvfrom(self, bufsize, flags=0):
        return _recv(self._fd, bufsize, flags, self._wait(), True)

    def recv_into(self, buffer, nbytes=0, flags=0):
        if nbytes < 0:
            raise ValueError("negative buffersize in recv_into")
        size = len(memoryview(buffer).cast("B"))
        if nbytes == 0:
            nbytes = size
        elif nbytes > size:
            raise ValueError("buffer too small for requested bytes")
        data = _recv(self._fd, nbytes, flags, self._wait(), False)
        memoryview(buffer).cast("B")[:len(data)] = data
        return len(data)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        size = len(memoryview(buffer).cast("B"))
        if nbytes == 0:
            nbytes = size
        data, addr = _recv(self._fd, nbytes, flags, self._wait(), True)
        memoryview(buffer).cast("B")[:len(data)] = data
        return len(data), addr

    def shutdown(self, how):
        _shutdown(self._fd, how)

    def setsockopt(self, level, optname, value, optlen=None):
        if value is None:
            value = b"\0" * optlen
        _setsockopt(self._fd, level, optname, value)

    def getsockopt(self, level, optname, buflen=None):
        return _getsockopt(self._fd, level, optname)

    def getsockname(self):
        return _sockname(self._fd, False)

    def getpeername(self):
        return _sockname(self._fd, True)

    def settimeout(self, value):
        self._timeout = self.timeout = _timeout_value(value)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = self.timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def dup(self):
        raise OSError("dup() is not supported by minipy's socket")

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        return SocketFile(self, mode, buffering, encoding, errors, newline)


class SocketFile:
    """What makefile() gives: a buffered (binary or text) stream over a
    socket. Writes wait in the buffer until flush() or close(), as with
    CPython's BufferedWriter."""

    def __init__(self, sock, mode, buffering, encoding, errors, newline):
        self._sock = sock
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._binary = "b" in mode
        self.mode = mode
        self._rbuf = b""
        self._wbuf = bytearray()
        self._eof = False
        self._closed = False
        self._bufsize = 8192 if buffering is None or buffering < 0 else buffering
        self.encoding = None if self._binary else (encoding or "utf-8")
        self.errors = errors or "strict"
        self.newline = newline
        self.name = sock.fileno()
        sock._io_refs += 1

    def __repr__(self):
        if self._binary:
            kind = "BufferedRWPair" if self._reading and self._writing else (
                "BufferedReader" if self._reading else "BufferedWriter")
            return "<_io.%s name=%d>" % (kind, self.name)
        return "<_io.TextIOWrapper name=%d mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check()
        return self._reading

    def writable(self):
        self._check()
        return self._writing

    def seekable(self):
        return False

    def fileno(self):
        self._check()
        return self._sock.fileno()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _fill(self):
        if self._eof:
            return False
        data = self._sock.recv(8192)
        if not data:
            self._eof = True
            return False
        self._rbuf += data
        return True

    def _out(self, data):
        if self._binary:
            return data
        s = data.decode(self.encoding, self.errors)
        if self.newline is None:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        return s

    def _need_read(self):
        self._check()
        if not self._reading:
            from io import UnsupportedOperation
            raise UnsupportedOperation("read")

    def read(self, size=-1):
        self._need_read()
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._rbuf = self._rbuf, b""
            return self._out(data)
        while len(self._rbuf) < size and self._fill():
            pass
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return self._out(data)

    def readline(self, size=-1):
        self._need_read()
        start = 0
        while True:
            i = self._rbuf.find(b"\n", start)
            if i >= 0:
                end = i + 1
                break
            if size is not None and 0 <= size <= len(self._rbuf):
                end = size
                break
            start = len(self._rbuf)
            if not self._fill():
                end = len(self._rbuf)
                break
        if size is not None and 0 <= size < end:
            end = size
        data, self._rbuf = self._rbuf[:end], self._rbuf[end:]
        return self._out(data)

    def readlines(self, hint=-1):
        return list(self)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def write(self, data):
        self._check()
        if not self._writing:
            from io import UnsupportedOperation
            raise UnsupportedOperation("write")
        if self._binary:
            n = len(data)
            self._wbuf += data
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            n = len(data)
            if self.newline not in (None, "", "\n"):
                data = data.replace("\n", self.newline)
            self._wbuf += data.encode(self.encoding, self.errors)
        if len(self._wbuf) >= self._bufsize:
            self.flush()
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check()
        if self._wbuf:
            data, self._wbuf = bytes(self._wbuf), bytearray()
            self._sock.sendall(data)

    def close(self):
        if self._closed:
            return
        try:
            if self._writing and self._wbuf:
                self.flush()
        finally:
            self._closed = True
            self._sock._stream_closed()
            self._sock = None


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _socketpair(int(family), int(type), int(proto))
    return socket(family, type, proto, a), socket(family, type, proto, b)


def fromfd(fd, family, type, proto=0):
    raise OSError("fromfd() is not supported by minipy's socket")


def gethostname():
    return _gethostname()


def _lookup(host, family):
    r = _resolve(host, family)
    if isinstance(r, tuple):
        raise gaierror(r[0], r[1])
    return r


def gethostbyname(hostname):
    if isinstance(hostname, (bytes, bytearray)):
        hostname = bytes(hostname).decode("latin-1")  # the bytes as they are
    elif not isinstance(hostname, str):
        raise TypeError("gethostbyname() argument 1 must be str, bytes or bytearray, not %s"
                        % ("None" if hostname is None else type(hostname).__name__))
    if hostname == "":
        return "0.0.0.0"
    return _lookup(hostname, AF_INET)[0]


def gethostbyname_ex(hostname):
    addrs = _lookup(hostname, AF_INET)
    return hostname, [], addrs


def getfqdn(name=""):
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        name = gethostname()
    return name


def getservbyname(servicename, protocolname=None):
    port = _service(servicename, protocolname or "")
    if port < 0:
        raise OSError("service/proto not found")
    return port


_PROTOS = {SOCK_STREAM: IPPROTO_TCP, SOCK_DGRAM: IPPROTO_UDP, SOCK_RAW: 0}


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if isinstance(host, bytes):
        host = host.decode("latin-1")  # the bytes as they are
    if port is None:
        port = 0
    elif isinstance(port, (str, bytes)):
        if isinstance(port, bytes):
            port = port.decode()
        p = _service(port, "udp" if type == SOCK_DGRAM else "tcp")
        if p < 0:
            raise gaierror(EAI_SERVICE, "Servname not supported for ai_socktype")
        port = p
    elif not isinstance(port, int):
        raise OSError("Int or String expected")
    if host is None:
        if flags & AI_PASSIVE:
            addrs = ["::", "0.0.0.0"] if family == AF_INET6 or family == 0 else ["0.0.0.0"]
        else:
            addrs = ["::1", "127.0.0.1"] if family == 0 else (["::1"] if family == AF_INET6 else ["127.0.0.1"])
        if family == AF_INET6:
            addrs = [a for a in addrs if ":" in a]
        elif family == AF_INET:
            addrs = [a for a in addrs if ":" not in a]
    else:
        addrs = _lookup(host, family)
    out = []
    for a in addrs:
        fam = AF_INET6 if ":" in a else AF_INET
        if family not in (0, fam):
            continue
        for kind, pro in _PROTOS.items():
            if type and kind != type:
                continue
            if proto and proto != pro:
                continue
            p = proto if proto else pro
            addr = (a, port, 0, 0) if fam == AF_INET6 else (a, port)
            out.append((fam, kind, p, "", addr))
    return out


def getnameinfo(sockaddr, flags):
    host, port = sockaddr[0], sockaddr[1]
    return host, str(port)


def _connected(family, kind, proto, target, timeout, source_address):
    conn = socket(family, kind, proto)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            conn.settimeout(timeout)
        if source_address:
            conn.bind(source_address)
        conn.connect(target)
    except BaseException:
        conn.close()
        raise
    return conn


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    host, port = address
    # Each address the name resolves to is tried in turn; the first to
    # connect wins.
    failures = []
    for family, kind, proto, _canonname, target in getaddrinfo(host, port, 0, SOCK_STREAM):
        try:
            return _connected(family, kind, proto, target, timeout, source_address)
        except OSError as err:
            failures.append(err)
    if not failures:
        raise OSError("getaddrinfo returns an empty list")
    if all_errors:
        raise ExceptionGroup("create_connection failed", failures)
    first = failures[0]
    failures.clear()
    raise first


def has_dualstack_ipv6():
    return True


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    if family != AF_INET6 and dualstack_ipv6:
        raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    options = [(SOL_SOCKET, SO_REUSEADDR, 1)]
    if reuse_port:
        options.append((SOL_SOCKET, SO_REUSEPORT, 1))
    if family == AF_INET6:
        # Dual-stack: the IPv6 socket takes IPv4 connections as well.
        options.append((IPPROTO_IPV6, IPV6_V6ONLY, int(not dualstack_ipv6)))
    server = socket(family, SOCK_STREAM)
    try:
        for level, name, value in options:
            server.setsockopt(level, name, value)
        try:
            server.bind(address)
        except OSError as err:
            raise OSError(err.errno, "%s (while attempting to bind on address %r)" % (err.strerror, address)) from None
        server.listen(backlog)  # None: the default backlog
    except OSError:
        server.close()
        raise
    return server


def inet_aton(ip_string):
    parts = ip_string.split(".")
    try:
        if not 1 <= len(parts) <= 4:
            raise ValueError
        nums = [int(p, 0) for p in parts]
        last = nums.pop()
        if any(not 0 <= n <= 255 for n in nums) or not 0 <= last < 256 ** (4 - len(nums)):
            raise ValueError
    except ValueError:
        raise OSError("illegal IP address string passed to inet_aton") from None
    return bytes(nums) + last.to_bytes(4 - len(nums), "big")


def inet_ntoa(packed_ip):
    if len(packed_ip) != 4:
        raise OSError("packed IP wrong length for inet_ntoa")
    return ".".join(str(b) for b in packed_ip)


def _dotted_quad(text):
    # Four decimal numbers 0..255 without leading zeros (as the C library
    # reads them for inet_pton), or None.
    parts = text.split(".")
    if len(parts) != 4:
        return None
    for p in parts:
        if not (p.isdigit() and p.isascii()) or len(p) > 1 and p[0] == "0" or int(p) > 255:
            return None
    return bytes(int(p) for p in parts)


def inet_pton(address_family, ip_string):
    if address_family == AF_INET:
        packed = _dotted_quad(ip_string)
        if packed is None:
            raise OSError("illegal IP address string passed to inet_pton")
        return packed
    if address_family == AF_INET6:
        # A trailing dotted quad stands for the last two groups.
        last = ip_string.rpartition(":")[2]
        if "." in last:
            quad = _dotted_quad(last)
            if quad is None:
                raise OSError("illegal IP address string passed to inet_pton")
            ip_string = ip_string[:len(ip_string) - len(last)] + "%x:%x" % (quad[0] << 8 | quad[1],
                                                                          quad[2] << 8 | quad[3])
        head, sep, tail = ip_string.partition("::")
        try:
            left = [int(g, 16) for g in head.split(":")] if head else []
            right = [int(g, 16) for g in tail.split(":")] if tail else []
            fill = 8 - len(left) - len(right)
            if (fill < 0 or (not sep and fill)) or any(not 0 <= g <= 0xffff for g in left + right):
                raise ValueError
        except ValueError:
            raise OSError("illegal IP address string passed to inet_pton") from None
        return b"".join(g.to_bytes(2, "big") for g in left + [0] * fill + right)
    raise OSError(97, "Address family not supported by protocol")


def inet_ntop(address_family, packed_ip):
    if address_family == AF_INET:
        if len(packed_ip) != 4:
            raise ValueError("invalid length of packed IP address string")
        return inet_ntoa(packed_ip)
    if address_family == AF_INET6:
        if len(packed_ip) != 16:
            raise ValueError("invalid length of packed IP address string")
        groups = [int.from_bytes(packed_ip[i:i + 2], "big") for i in range(0, 16, 2)]
        best, bestlen, i = -1, 0, 0
        while i < 8:
            if groups[i] == 0:
                j = i
                while j < 8 and groups[j] == 0:
                    j += 1
                if j - i > bestlen and j - i > 1:
                    best, bestlen = i, j - i
                i = j
            else:
                i += 1
        hexes = ["%x" % g for g in groups]
        if best == 0 and (bestlen == 6 or bestlen == 5 and groups[5] == 0xffff):
            # IPv4-compatible and IPv4-mapped addresses end in a dotted quad.
            return "::" + ("ffff:" if bestlen == 5 else "") + inet_ntoa(packed_ip[12:])
        if best < 0:
            return ":".join(hexes)
        return ":".join(hexes[:best]) + "::" + ":".join(hexes[best + bestlen:])
    raise ValueError("unknown address family %d" % address_family)


def _swap16(name, x):
    if not isinstance(x, int):
        if isinstance(x, float) or not hasattr(type(x), "__index__"):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
        x = x.__index__()
    if not -2**31 <= x < 2**31:
        raise OverflowError("Python int too large to convert to C int")
    if x < 0:
        raise OverflowError("%s: can't convert negative Python int to C 16-bit unsigned integer" % name)
    if x > 0xffff:
        raise OverflowError("%s: Python int too large to convert to C 16-bit unsigned integer" % name)
    return (x >> 8) | (x & 0xff) << 8


def _swap32(x):
    if not isinstance(x, int):
        raise TypeError("expected int, %s found" % type(x).__name__)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 0xffffffff:
        # Read as a C unsigned long (64 bits here) first.
        raise OverflowError("int larger than 32 bits" if x < 2**64 else "Python int too large to convert to C unsigned long")
    return int.from_bytes(int(x).to_bytes(4, "big"), "little")


# The network order is big-endian, this machine's little-endian: both
# directions swap the bytes.
def htons(x):
    return _swap16("htons", x)


def ntohs(x):
    return _swap16("ntohs", x)


def htonl(x):
    return _swap32(x)


def ntohl(x):
    return _swap32(x)
