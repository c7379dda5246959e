# socketserver: a server owns a listening (or datagram) socket, takes one
# request at a time from it and builds a RequestHandlerClass for it, in the
# serving thread or, with ThreadingMixIn, in a thread per request.
# serve_forever polls the socket in poll_interval slices so that shutdown()
# from another thread stops it promptly. No ForkingMixIn: minipy has no
# os.fork.

import selectors
import socket
import sys
import threading
from io import BytesIO

__all__ = ["BaseServer", "TCPServer", "UDPServer", "ThreadingUDPServer",
           "ThreadingTCPServer", "BaseRequestHandler", "StreamRequestHandler",
           "DatagramRequestHandler", "ThreadingMixIn", "UnixStreamServer",
           "UnixDatagramServer", "ThreadingUnixStreamServer",
           "ThreadingUnixDatagramServer"]


def _read_watch(server):
    # A selector that reports when the server's socket has a request.
    watch = selectors.DefaultSelector()
    watch.register(server, selectors.EVENT_READ)
    return watch


def _ignore_oserror(call, *args):
    try:
        call(*args)
    except OSError:
        pass


class BaseServer:
    timeout = None

    def __init__(self, server_address, RequestHandlerClass):
        self.server_address, self.RequestHandlerClass = (
            server_address, RequestHandlerClass)
        # idle is set whenever no serve_forever loop is running, so that
        # shutdown() can wait for the loop to notice stop_wanted.
        self._idle = threading.Event()
        self._idle.set()
        self._stop_wanted = False

    # --- the serving loops ---

    def serve_forever(self, poll_interval=0.5):
        self._idle.clear()
        try:
            with _read_watch(self) as watch:
                while not self._stop_wanted:
                    got = watch.select(poll_interval)
                    if self._stop_wanted:
                        break
                    if got:
                        self._serve_one()
                    self.service_actions()
        finally:
            self._stop_wanted = False
            self._idle.set()

    def shutdown(self):
        # Called from another thread than serve_forever's: returns once
        # that loop has ended.
        self._stop_wanted = True
        self._idle.wait()

    def service_actions(self):
        pass

    def handle_request(self):
        # One request, waiting no longer than the tighter of the socket's
        # and the server's timeouts; none in time: handle_timeout().
        limits = [t for t in (self.socket.gettimeout(), self.timeout)
                  if t is not None]
        wait = min(limits) if limits else None
        with _read_watch(self) as watch:
            got = watch.select(wait)
        return self._serve_one() if got else self.handle_timeout()

    def _serve_one(self):
        # The socket is readable: accept, vet and process one request.
        try:
            req, addr = self.get_request()
        except OSError:
            return  # the client left before we accepted it
        if not self.verify_request(req, addr):
            self.shutdown_request(req)
            return
        try:
            self.process_request(req, addr)
        except Exception:
            self.handle_error(req, addr)
            self.shutdown_request(req)
        except BaseException:
            self.shutdown_request(req)
            raise

    # --- hooks subclasses override ---

    def server_activate(self):
        pass

    def handle_timeout(self):
        pass

    def verify_request(self, request, client_address):
        return True

    def process_request(self, request, client_address):
        self.finish_request(request, client_address)
        self.shutdown_request(request)

    def finish_request(self, request, client_address):
        self.RequestHandlerClass(request, client_address, self)

    def shutdown_request(self, request):
        """End a request; here that is only close_request()."""
        self.close_request(request)

    def close_request(self, request):
        """Release what a request holds: nothing for the base server."""

    def server_close(self):
        pass

    def handle_error(self, request, client_address):
        import traceback
        rule = "-" * 40 + "\n"
        sys.stderr.write(rule)
        sys.stderr.write("Exception occurred during processing of request "
                         f"from {client_address}\n")
        traceback.print_exc()
        sys.stderr.write(rule)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.server_close()


class TCPServer(BaseServer):
    address_family, socket_type = socket.AF_INET, socket.SOCK_STREAM
    request_queue_size = 5
    allow_reuse_address = allow_reuse_port = False

    def __init__(self, server_address, RequestHandlerClass, bind_and_activate=True):
        super().__init__(server_address, RequestHandlerClass)
        self.socket = socket.socket(self.address_family, self.socket_type)
        if bind_and_activate:
            try:
                for step in (self.server_bind, self.server_activate):
                    step()
            except BaseException:
                self.server_close()  # no half-made server keeps its socket
                raise

    def server_bind(self):
        sock = self.socket
        for wanted, option in ((self.allow_reuse_address, "SO_REUSEADDR"),
                               (self.allow_reuse_port, "SO_REUSEPORT")):
            if wanted and hasattr(socket, option):
                sock.setsockopt(socket.SOL_SOCKET, getattr(socket, option), 1)
        sock.bind(self.server_address)
        # Port 0 asked the system for a free port: record the one it chose.
        self.server_address = sock.getsockname()

    def server_activate(self):
        self.socket.listen(self.request_queue_size)

    def server_close(self):
        self.socket.close()

    def fileno(self):
        return self.socket.fileno()

    def get_request(self):
        return self.socket.accept()

    def shutdown_request(self, request):
        # Half-close first so the client reads an end of stream even if
        # some other reference keeps the socket open.
        _ignore_oserror(request.shutdown, socket.SHUT_WR)
        super().shutdown_request(request)

    def close_request(self, request):
        request.close()


class UDPServer(TCPServer):
    # A datagram server has no connections: a request is one packet
    # together with the server's socket to answer on.
    socket_type, max_packet_size = socket.SOCK_DGRAM, 8192
    allow_reuse_address = allow_reuse_port = False

    def get_request(self):
        packet, sender = self.socket.recvfrom(self.max_packet_size)
        return (packet, self.socket), sender

    def server_activate(self):
        pass  # nothing to listen for

    # Nothing to half-close or close: the socket is the server's own.
    shutdown_request = BaseServer.shutdown_request

    def close_request(self, request):
        pass


class ThreadingMixIn:
    # Put first among the bases: each request gets a thread of its own.
    daemon_threads = False
    block_on_close = True
    _threads = None

    def process_request(self, request, client_address):
        worker = threading.Thread(target=self.process_request_thread,
                                  args=(request, client_address))
        worker.daemon = self.daemon_threads
        if self.block_on_close and not worker.daemon:
            # server_close joins these; drop the finished ones as we go so
            # a long-lived server does not keep every thread it ran.
            running = [w for w in (self._threads or ()) if w.is_alive()]
            running.append(worker)
            self._threads = running
        worker.start()

    def process_request_thread(self, request, client_address):
        # A worker's whole job: an Exception is reported, anything else
        # ends the thread; the request is shut down either way.
        try:
            self.finish_request(request, client_address)
        except BaseException as exc:
            if isinstance(exc, Exception):
                self.handle_error(request, client_address)
            else:
                raise
        finally:
            self.shutdown_request(request)

    def server_close(self):
        super().server_close()
        pending = self._threads or ()
        self._threads = None
        for worker in pending:
            worker.join()


class ThreadingUDPServer(ThreadingMixIn, UDPServer):
    pass


class ThreadingTCPServer(ThreadingMixIn, TCPServer):
    pass


if hasattr(socket, "AF_UNIX"):
    class UnixStreamServer(TCPServer):
        """TCPServer's protocol over a Unix-domain stream socket."""
        address_family = socket.AF_UNIX

    class UnixDatagramServer(UDPServer):
        """UDPServer's protocol over a Unix-domain datagram socket."""
        address_family = socket.AF_UNIX

    class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer):
        pass

    class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer):
        pass


class BaseRequestHandler:
    # Constructing the handler is handling the request: setup, handle,
    # and finish even when handle raised.

    def __init__(self, request, client_address, server):
        self.request, self.client_address, self.server = request, client_address, server
        self.setup()
        try:
            self.handle()
        finally:
            self.finish()

    def setup(self):
        """Runs first, before handle(); does nothing here."""

    def handle(self):
        """Serves self.request; subclasses define it."""

    def finish(self):
        """Runs last, even when handle() raised; does nothing here."""


class _SocketWriter:
    # wfile for wbufsize 0: unbuffered, every write is sent whole at once.

    def __init__(self, sock):
        self._conn = sock
        self.closed = False

    def write(self, b):
        self._conn.sendall(b)
        return memoryview(b).nbytes

    def writable(self):
        return True

    def fileno(self):
        return self._conn.fileno()

    def flush(self):
        pass

    def close(self):
        self.closed = True


class StreamRequestHandler(BaseRequestHandler):
    rbufsize, wbufsize = -1, 0  # rfile buffered, wfile not
    timeout, disable_nagle_algorithm = None, False

    def setup(self):
        conn = self.connection = self.request
        limit = self.timeout
        if limit is not None:
            conn.settimeout(limit)
        if self.disable_nagle_algorithm:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.rfile = conn.makefile("rb", self.rbufsize)
        if self.wbufsize:
            self.wfile = conn.makefile("wb", self.wbufsize)
        else:
            self.wfile = _SocketWriter(conn)

    def finish(self):
        out = self.wfile
        if not out.closed:
            # A client that went away cannot be sent what is left.
            _ignore_oserror(out.flush)
        out.close()
        self.rfile.close()


class DatagramRequestHandler(BaseRequestHandler):
    # rfile reads the packet; whatever handle writes to wfile is sent back
    # to the client as one datagram.

    def setup(self):
        packet, sock = self.request
        self.packet, self.socket = packet, sock
        self.rfile, self.wfile = BytesIO(packet), BytesIO()

    def finish(self):
        reply = self.wfile.getvalue()
        self.socket.sendto(reply, self.client_address)
