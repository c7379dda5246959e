# The awaitables of async generators (coro.go): __anext__, asend, athrow
# and aclose return one of these iterable coroutines. Each resumes the
# generator's frame through _resume: an item the body yields comes back
# marked (_unwrap tells it apart) and ends the await with that item; what
# the body's own awaits yield passes up to whoever drives the awaiting
# coroutine (an event loop), and what that sends or throws goes back
# down. The generator's end is StopAsyncIteration.


@_iterable_coroutine
def _step(agen, value, exc):
    # (exc keeps its slot to the end: a second await of this awaitable
    # reads it for the error it raises, coro.go's reusedAwaitable.)
    if _running(agen, True):
        raise RuntimeError(_busy(agen, exc))
    if exc is not None and _finished(agen):
        _running(agen, False)
        return None  # athrow on a finished generator does nothing
    try:
        try:
            y = _resume(agen, value, exc)
        except StopIteration:
            raise StopAsyncIteration from None
        while True:
            done, item = _unwrap(y)
            if done:
                return item
            try:
                sent = yield y
            except GeneratorExit:
                raise  # this await is abandoned; the generator stays where it is
            except BaseException as e:
                try:
                    y = _resume(agen, None, e)
                except StopIteration:
                    raise StopAsyncIteration from None
            else:
                try:
                    y = _resume(agen, sent, None)
                except StopIteration:
                    raise StopAsyncIteration from None
    finally:
        _running(agen, False)


def _busy(agen, exc):
    if exc is None:
        return "anext(): asynchronous generator is already running"
    return "athrow(): asynchronous generator is already running"


@_iterable_coroutine
def _close(agen):
    if _running(agen, True):
        raise RuntimeError("aclose(): asynchronous generator is already running")
    try:
        try:
            y = _resume(agen, None, GeneratorExit())
        except (StopIteration, StopAsyncIteration, GeneratorExit):
            return None
        while True:
            done, item = _unwrap(y)
            if done:
                raise RuntimeError("async generator ignored GeneratorExit")
            try:
                sent = yield y
            except BaseException as e:
                try:
                    y = _resume(agen, None, e)
                except (StopIteration, StopAsyncIteration, GeneratorExit):
                    return None
            else:
                try:
                    y = _resume(agen, sent, None)
                except (StopIteration, StopAsyncIteration, GeneratorExit):
                    return None
    finally:
        _running(agen, False)


@_iterable_coroutine
def _next_or(aw, default):
    # anext(it, default): the item, or default at the end.
    try:
        return (yield from _awaiting(aw))
    except StopAsyncIteration:
        return default


_exported = ("_step", "_close", "_next_or")
