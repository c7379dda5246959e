# selectors: registering file objects for reading or writing and waiting
# until some are ready, over select.poll (so every selector here is one
# implementation under CPython's names; DefaultSelector is PollSelector).

import abc as _abc
import collections as _collections
import math
from collections.abc import Mapping as _Mapping
import select as _select

EVENT_READ = 1
EVENT_WRITE = 2

SelectorKey = _collections.namedtuple("SelectorKey", ["fileobj", "fd", "events", "data"])


def _descriptor_of(fileobj):
    # An int is a descriptor already; anything else must answer fileno().
    fd = fileobj
    if not isinstance(fd, int):
        try:
            fd = int(fd.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


class _KeysByFileobj(_Mapping):
    """get_map()'s view: the keys by file object, read live."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._keys)

    def __iter__(self):
        return iter(self._selector._keys)

    def __getitem__(self, fileobj):
        key = self._selector._keys.get(self._selector._fd_for(fileobj))
        if key is None:
            raise KeyError(f"{fileobj!r} is not registered")
        return key


class BaseSelector(metaclass=_abc.ABCMeta):
    @_abc.abstractmethod
    def register(self, fileobj, events, data=None):
        raise NotImplementedError

    @_abc.abstractmethod
    def unregister(self, fileobj):
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        # The generic way: forget the object, then take it again.
        self.unregister(fileobj)
        return self.register(fileobj, events, data=data)

    @_abc.abstractmethod
    def select(self, timeout=None):
        raise NotImplementedError

    def close(self):
        pass

    def get_key(self, fileobj):
        keys = self.get_map()
        if keys is None:
            raise RuntimeError("Selector is closed")
        try:
            return keys[fileobj]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    @_abc.abstractmethod
    def get_map(self):
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class PollSelector(BaseSelector):
    def __init__(self):
        self._keys = {}       # descriptor -> SelectorKey
        self._view = _KeysByFileobj(self)

    def _fd_for(self, fileobj):
        try:
            return _descriptor_of(fileobj)
        except ValueError:
            # A file object closed since it was registered has no
            # descriptor to ask for: find it among the keys.
            match = [k.fd for k in self._keys.values() if k.fileobj is fileobj]
            if not match:
                raise
            return match[0]

    def _registered(self, fileobj):
        key = self._keys.get(self._fd_for(fileobj))
        if key is None:
            raise KeyError(f"{fileobj!r} is not registered")
        return key

    def register(self, fileobj, events, data=None):
        if not events or events & ~(EVENT_READ | EVENT_WRITE):
            raise ValueError(f"Invalid events: {events!r}")
        fd = self._fd_for(fileobj)
        if fd in self._keys:
            raise KeyError(f"{fileobj!r} (FD {fd}) is already registered")
        key = self._keys[fd] = SelectorKey(fileobj, fd, events, data)
        return key

    def unregister(self, fileobj):
        key = self._registered(fileobj)
        del self._keys[key.fd]
        return key

    def modify(self, fileobj, events, data=None):
        key = self._registered(fileobj)
        if events != key.events:
            # New events: a fresh registration under the same object.
            del self._keys[key.fd]
            return self.register(fileobj, events, data=data)
        if data is not key.data:
            key = self._keys[key.fd] = key._replace(data=data)
        return key

    def select(self, timeout=None):
        if timeout is not None:
            # Whole milliseconds, rounded up: a short wait still waits.
            timeout = 0 if timeout <= 0 else math.ceil(timeout * 1e3) / 1e3
        fds = list(self._keys)
        wanted = []
        for fd in fds:
            events = self._keys[fd].events
            wanted.append((_select.POLLIN if events & EVENT_READ else 0)
                          | (_select.POLLOUT if events & EVENT_WRITE else 0))
        ready = []
        for fd, got in zip(fds, _select._poll(fds, wanted, timeout)):
            if not got:
                continue
            key = self._keys.get(fd)
            if key is None:
                continue
            events = 0
            if got & ~_select.POLLOUT:
                events |= EVENT_READ
            if got & ~_select.POLLIN:
                events |= EVENT_WRITE
            events &= key.events
            if events:
                ready.append((key, events))
        return ready

    def close(self):
        self._keys.clear()
        self._view = None

    def get_map(self):
        return self._view


class SelectSelector(PollSelector):
    pass


# Every selector here is the poll one; the names are CPython's.
DefaultSelector = PollSelector
