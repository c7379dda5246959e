# signal for minipy: handlers for signals, run on the main thread between
# instructions as CPython runs them (interp/signals.go delivers them the
# way Ctrl-C is delivered). Signals and Handlers are IntEnums, as there.
from enum import IntEnum as _IntEnum
from operator import index as _index

# This platform's numbers (Go's syscall) decide the members.
_ns = {"_IntEnum": _IntEnum}
exec("class Signals(_IntEnum):\n" + "".join("    %s = %d\n" % nv for nv in _names()), _ns)
Signals = _ns["Signals"]
del _ns


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
NSIG = 65


def default_int_handler(signalnum, frame, /):
    raise KeyboardInterrupt


_init(default_int_handler)


def _known(n):
    try:
        return Signals(n)
    except ValueError:
        return n


def signal(signalnum, handler, /):
    if not callable(handler) and handler not in (0, 1):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    if not callable(handler):
        handler = int(handler)
    prev = _signal(_index(signalnum), handler)
    if isinstance(prev, int) and not isinstance(prev, bool):
        return Handlers(prev)
    return prev


def getsignal(signalnum, /):
    h = _getsignal(_index(signalnum))
    if isinstance(h, int) and not isinstance(h, bool):
        return Handlers(h)
    return h


def raise_signal(signalnum, /):
    _raise(_index(signalnum))


def alarm(seconds, /):
    return _alarm(_index(seconds))


def strsignal(signalnum, /):
    return _strsignal(_index(signalnum))


def valid_signals():
    return set(_known(n) for n in range(1, NSIG))
