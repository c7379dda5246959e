# socketserver: servers that accept requests on a socket and hand each
# to a request handler class, one at a time or a thread each
# (ThreadingMixIn). serve_forever waits with selectors, so shutdown()
# from another thread is seen within poll_interval. There is no
# ForkingMixIn: minipy has no os.fork.

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


def _wait_readable(server, timeout):
    """Whether server's socket has a request within timeout seconds
    (None: as long as it takes)."""
    with selectors.DefaultSelector() as sel:
        sel.register(server, selectors.EVENT_READ)
        return bool(sel.select(timeout))


class BaseServer:
    timeout = None

    def __init__(self, server_address, RequestHandlerClass):
        self.server_address = server_address
        self.RequestHandlerClass = RequestHandlerClass
        self._stopped = threading.Event()   # set while serve_forever is not running
        self._stopped.set()
        self._stop_asked = False

    def server_activate(self):
        pass

    def serve_forever(self, poll_interval=0.5):
        self._stopped.clear()
        try:
            with selectors.DefaultSelector() as sel:
                sel.register(self, selectors.EVENT_READ)
                while not self._stop_asked:
                    ready = sel.select(poll_interval)
                    if self._stop_asked:
                        break
                    if ready:
                        self._handle_request_noblock()
                    self.service_actions()
        finally:
            self._stop_asked = False
            self._stopped.set()

    def shutdown(self):
        """Stop serve_forever (running in another thread) and wait for it."""
        self._stop_asked = True
        self._stopped.wait()

    def service_actions(self):
        pass

    def handle_request(self):
        """Wait for one request (at most the smaller of the socket's and
        the server's timeout) and handle it, or call handle_timeout."""
        timeout = self.socket.gettimeout()
        if timeout is None or (self.timeout is not None and self.timeout < timeout):
            timeout = self.timeout
        if not _wait_readable(self, timeout):
            return self.handle_timeout()
        self._handle_request_noblock()

    def _handle_request_noblock(self):
        try:
            request, client_address = self.get_request()
        except OSError:
            return
        if not self.verify_request(request, client_address):
            self.shutdown_request(request)
            return
        try:
            self.process_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
            self.shutdown_request(request)
        except BaseException:
            self.shutdown_request(request)
            raise

    def handle_timeout(self):
        pass

    def verify_request(self, request, client_address):
        return True

    def process_request(self, request, client_address):
        self.finish_request(request, client_address)
        self.shutdown_request(request)

    def server_close(self):
        pass

    def finish_request(self, request, client_address):
        self.RequestHandlerClass(request, client_address, self)

    def shutdown_request(self, request):
        self.close_request(request)

    def close_request(self, request):
        pass

    def handle_error(self, request, client_address):
        import traceback
        line = "-" * 40
        print(line, file=sys.stderr)
        print("Exception occurred during processing of request from",
              client_address, file=sys.stderr)
        traceback.print_exc()
        print(line, file=sys.stderr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server_close()


class TCPServer(BaseServer):
    address_family = socket.AF_INET
    socket_type = socket.SOCK_STREAM
    request_queue_size = 5
    allow_reuse_address = False
    allow_reuse_port = False

    def __init__(self, server_address, RequestHandlerClass, bind_and_activate=True):
        BaseServer.__init__(self, server_address, RequestHandlerClass)
        self.socket = socket.socket(self.address_family, self.socket_type)
        if bind_and_activate:
            try:
                self.server_bind()
                self.server_activate()
            except BaseException:
                self.server_close()
                raise

    def server_bind(self):
        if self.allow_reuse_address and hasattr(socket, "SO_REUSEADDR"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if self.allow_reuse_port and hasattr(socket, "SO_REUSEPORT"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()

    def server_activate(self):
        self.socket.listen(self.request_queue_size)

    def server_close(self):
        self.socket.close()

    def fileno(self):
        return self.socket.fileno()

    def get_request(self):
        return self.socket.accept()

    def shutdown_request(self, request):
        try:
            # Tell the client this side is done before closing.
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.close_request(request)

    def close_request(self, request):
        request.close()


class UDPServer(TCPServer):
    allow_reuse_address = False
    allow_reuse_port = False
    socket_type = socket.SOCK_DGRAM
    max_packet_size = 8192

    def get_request(self):
        data, client_addr = self.socket.recvfrom(self.max_packet_size)
        return (data, self.socket), client_addr

    def server_activate(self):
        pass

    def shutdown_request(self, request):
        self.close_request(request)

    def close_request(self, request):
        pass


class ThreadingMixIn:
    """Handle each request in a thread of its own."""
    daemon_threads = False
    block_on_close = True
    _threads = None

    def process_request_thread(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def process_request(self, request, client_address):
        t = threading.Thread(target=self.process_request_thread,
                             args=(request, client_address))
        t.daemon = self.daemon_threads
        if not t.daemon and self.block_on_close:
            if self._threads is None:
                self._threads = []
            # Forget the threads that have ended, keep the others to join.
            self._threads = [old for old in self._threads if old.is_alive()]
            self._threads.append(t)
        t.start()

    def server_close(self):
        super().server_close()
        threads, self._threads = self._threads or [], None
        for t in threads:
            t.join()


class ThreadingUDPServer(ThreadingMixIn, UDPServer):
    pass


class ThreadingTCPServer(ThreadingMixIn, TCPServer):
    pass


if hasattr(socket, "AF_UNIX"):
    class UnixStreamServer(TCPServer):
        address_family = socket.AF_UNIX

    class UnixDatagramServer(UDPServer):
        address_family = socket.AF_UNIX

    class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer):
        pass

    class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer):
        pass


class BaseRequestHandler:
    """One request: __init__ runs setup(), handle() and finish()."""

    def __init__(self, request, client_address, server):
        self.request = request
        self.client_address = client_address
        self.server = server
        self.setup()
        try:
            self.handle()
        finally:
            self.finish()

    def setup(self):
        pass

    def handle(self):
        pass

    def finish(self):
        pass


class _SocketWriter:
    """wfile when wbufsize is 0: each write goes straight to the socket."""

    def __init__(self, sock):
        self._sock = sock
        self.closed = False

    def writable(self):
        return True

    def write(self, b):
        self._sock.sendall(b)
        return len(memoryview(b))

    def fileno(self):
        return self._sock.fileno()

    def flush(self):
        pass

    def close(self):
        self.closed = True


class StreamRequestHandler(BaseRequestHandler):
    rbufsize = -1
    wbufsize = 0
    timeout = None
    disable_nagle_algorithm = False

    def setup(self):
        self.connection = self.request
        if self.timeout is not None:
            self.connection.settimeout(self.timeout)
        if self.disable_nagle_algorithm:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.rfile = self.connection.makefile("rb", self.rbufsize)
        if self.wbufsize == 0:
            self.wfile = _SocketWriter(self.connection)
        else:
            self.wfile = self.connection.makefile("wb", self.wbufsize)

    def finish(self):
        if not self.wfile.closed:
            try:
                self.wfile.flush()
            except OSError:
                pass    # the client has gone: nothing to flush to
        self.wfile.close()
        self.rfile.close()


class DatagramRequestHandler(BaseRequestHandler):
    def setup(self):
        self.packet, self.socket = self.request
        self.rfile = BytesIO(self.packet)
        self.wfile = BytesIO()

    def finish(self):
        self.socket.sendto(self.wfile.getvalue(), self.client_address)
