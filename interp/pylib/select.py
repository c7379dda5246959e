# select: select() and poll objects, both over poll(2) (the Go helper
# _poll(fds, events, timeout) -> revents; timeout in seconds, None to
# wait for as long as it takes).

error = OSError

# The same numbers on Linux and the BSDs.
POLLIN = 0x1
POLLPRI = 0x2
POLLOUT = 0x4
POLLERR = 0x8
POLLHUP = 0x10
POLLNVAL = 0x20
POLLRDNORM = 0x40
POLLRDBAND = 0x80

# What select(2) counts as ready for reading, writing and an exception.
_READY_READ = POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR
_READY_WRITE = POLLOUT | POLLERR
_READY_EXCEPT = POLLPRI


def _descriptor(obj):
    """The descriptor obj stands for: an int, or what its fileno() says."""
    if isinstance(obj, int):
        fd = int(obj)
    else:
        fileno = getattr(obj, "fileno", None)
        if fileno is None:
            raise TypeError("argument must be an int, or have a fileno() method.")
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd


def _as_list(objs):
    try:
        return list(objs)
    except TypeError:
        raise TypeError("arguments 1-3 must be sequences") from None


def select(rlist, wlist, xlist, timeout=None, /):
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError("timeout must be a float or None")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
    wanted = {}   # descriptor -> poll events, over the three lists
    lists = []
    for objs, events in ((rlist, POLLIN), (wlist, POLLOUT), (xlist, POLLPRI)):
        pairs = [(obj, _descriptor(obj)) for obj in _as_list(objs)]
        for _, fd in pairs:
            wanted[fd] = wanted.get(fd, 0) | events
        lists.append(pairs)
    fds = list(wanted)
    revents = dict(zip(fds, _poll(fds, [wanted[fd] for fd in fds], timeout)))
    for fd, got in revents.items():
        if got & POLLNVAL:
            raise OSError(9, "Bad file descriptor")
    ready = []
    for pairs, mask in zip(lists, (_READY_READ, _READY_WRITE, _READY_EXCEPT)):
        ready.append([obj for obj, fd in pairs if revents[fd] & mask])
    return tuple(ready)


class poll:
    """A set of descriptors, each with the events to wait for."""

    def __init__(self):
        self._events = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        self._events[_descriptor(fd)] = eventmask

    def modify(self, fd, eventmask, /):
        fd = _descriptor(fd)
        if fd not in self._events:
            raise FileNotFoundError(2, "No such file or directory")
        self._events[fd] = eventmask

    def unregister(self, fd, /):
        fd = _descriptor(fd)
        if fd not in self._events:
            raise KeyError(fd)
        del self._events[fd]

    def poll(self, timeout=None, /):
        """[(fd, events)] for the descriptors ready within timeout
        milliseconds (None or below 0: wait until one is)."""
        if timeout is not None:
            if not isinstance(timeout, (int, float)):
                raise TypeError("timeout must be an integer or None")
            timeout = None if timeout < 0 else timeout / 1000
        fds = list(self._events)
        got = _poll(fds, [self._events[fd] for fd in fds], timeout)
        return [(fd, ev) for fd, ev in zip(fds, got) if ev]


_exported = ("_poll",)   # for selectors
