# The parts of contextlib written in Python (mod_contextlib.go has
# contextmanager, suppress, nullcontext, redirect_* and closing): the
# exit stacks, asynccontextmanager, aclosing, chdir, the two
# decorator bases and the abstract context managers. Written from the
# library reference's description, not from CPython's module.

import abc as _abc
import sys as _sys
from functools import wraps as _wraps
from types import GenericAlias as _GenericAlias


def _has_methods(C, *names):
    # True when C's MRO defines each name as something other than None
    # (None blocks it), else NotImplemented, as collections.abc decides.
    for name in names:
        for base in C.__mro__:
            ns = getattr(base, '__dict__', None)
            if ns is None:
                # A native type without a namespace: its attribute says.
                if getattr(base, name, None) is not None:
                    break
                continue
            if name in ns:
                if ns[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(_abc.ABC):
    """Base for context managers: entering gives back the manager."""

    __class_getitem__ = classmethod(_GenericAlias)

    def __enter__(self):
        """The manager itself is what `with ... as x` binds."""
        return self

    @_abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Subclasses decide; returning None lets an exception through."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        # Any class with both methods is one (isinstance needs no register).
        if cls is AbstractContextManager:
            return _has_methods(C, '__enter__', '__exit__')
        return NotImplemented


class AbstractAsyncContextManager(_abc.ABC):
    """Base for asynchronous context managers, as above for async with."""

    __class_getitem__ = classmethod(_GenericAlias)

    async def __aenter__(self):
        """The manager itself is what `async with ... as x` binds."""
        return self

    @_abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Subclasses decide; returning None lets an exception through."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _has_methods(C, '__aenter__', '__aexit__')
        return NotImplemented


class ContextDecorator:
    """Lets a context manager decorate a function: every call of the
    function runs inside the manager (one from _recreate_cm)."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        cm_for_call = self._recreate_cm

        @_wraps(func)
        def inner(*args, **kwds):
            with cm_for_call():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator:
    """ContextDecorator for asynchronous managers and coroutine functions."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        cm_for_call = self._recreate_cm

        @_wraps(func)
        async def inner(*args, **kwds):
            async with cm_for_call():
                return await func(*args, **kwds)
        return inner


async def _refuse(agen, message):
    # The generator broke the one-yield rule: report it, and close the
    # generator on the way out.
    try:
        raise RuntimeError(message)
    finally:
        await agen.aclose()


class _AsyncGeneratorContextManager(AbstractAsyncContextManager, AsyncContextDecorator):
    """What an @asynccontextmanager function returns: the code before its
    single yield runs on entry, the rest on exit."""

    def __init__(self, func, args, kwds):
        # func, args and kwds let _recreate_cm make a fresh manager for
        # each call when this one decorates a function.
        self.func = func
        self.args = args
        self.kwds = kwds
        self.gen = func(*args, **kwds)
        doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if doc is None else doc

    def _recreate_cm(self):
        return type(self)(self.func, self.args, self.kwds)

    async def __aenter__(self):
        # An entered manager is never recreated from.
        del self.func, self.args, self.kwds
        try:
            yielded = await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None
        return yielded

    async def __aexit__(self, typ, value, traceback):
        agen = self.gen
        if typ is None:
            # A clean exit: the generator has to finish now.
            try:
                await anext(agen)
            except StopAsyncIteration:
                return False
            await _refuse(agen, "generator didn't stop")
        if value is None:
            value = typ()
        try:
            await agen.athrow(value)
        except BaseException as outcome:
            if outcome is value:
                # The generator let the exception through unchanged.
                return False
            if isinstance(outcome, StopAsyncIteration):
                # It caught the exception and finished: suppressed.
                return True
            stop_types = (StopIteration, StopAsyncIteration)
            if isinstance(outcome, RuntimeError) and isinstance(value, stop_types) and outcome.__cause__ is value:
                # A StopIteration thrown in comes back wrapped; it is
                # still the body's exception.
                return False
            raise
        await _refuse(agen, "generator didn't stop after athrow()")


def asynccontextmanager(func):
    """Make an async generator function (one yield) into a factory of
    asynchronous context managers."""
    @_wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class aclosing(AbstractAsyncContextManager):
    """Await thing.aclose() when the async with block is left, however it
    is left; the block gets thing itself."""

    def __init__(self, thing):
        self.thing = thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()

    async def __aenter__(self):
        return self.thing


class chdir(AbstractContextManager):
    """Work in another directory for the block, then go back. Reentrant:
    each entry remembers where it came from."""

    def __init__(self, path):
        self.path = path
        self._came_from = []

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._came_from.pop())

    def __enter__(self):
        import os
        here = os.getcwd()
        os.chdir(self.path)
        self._came_from.append(here)


def _special_method(obj, name):
    # Special methods are looked up on the type, as the with statement
    # does; None when the type has none.
    return getattr(type(obj), name, None)


def _bind(method, obj):
    return lambda exc_type, exc, tb: method(obj, exc_type, exc, tb)


def _manager_methods(cm, enter_name, exit_name, protocol):
    enter = _special_method(cm, enter_name)
    leave = _special_method(cm, exit_name)
    if enter is None or leave is None:
        cls = type(cm)
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the {protocol}")
    return enter, leave


class _BaseExitStack:
    """What both exit stacks share: the callbacks, innermost last, each
    as (is_sync, a callable taking the exception's type, value and
    traceback)."""

    def __init__(self):
        self._exit_callbacks = []

    def _add(self, is_sync, callback):
        self._exit_callbacks.append((is_sync, callback))

    def pop_all(self):
        """Move every callback to a new stack of this type and return it."""
        heir = type(self)()
        heir._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return heir

    def push(self, exit):
        """Add an __exit__-like callable, or an object's __exit__."""
        method = _special_method(exit, "__exit__")
        self._add(True, exit if method is None else _bind(method, exit))
        return exit

    def enter_context(self, cm):
        """Enter cm, keep its __exit__ for later, return what it entered as."""
        enter, leave = _manager_methods(cm, "__enter__", "__exit__", "context manager protocol")
        entered = enter(cm)
        self._add(True, _bind(leave, cm))
        return entered

    def callback(self, callback, /, *args, **kwds):
        """Call callback(*args, **kwds) on unwinding; it never suppresses."""
        def call_it(exc_type, exc, tb):
            callback(*args, **kwds)
        call_it.__wrapped__ = callback
        self._add(True, call_it)
        return callback


class _Unwinding:
    """One unwinding of an exit stack. The exception in flight goes to
    each callback in turn; a callback returning true swallows it, one
    raising replaces it, chained onto it."""

    def __init__(self, exc):
        self.exc = exc
        self.came_with_exc = exc is not None
        # What was being handled around the with statement: a new
        # exception's chain is cut there and joined to the one it replaces.
        self.outside = _sys.exception()
        self.swallowed = False
        self.reraise = False

    def details(self):
        exc = self.exc
        return (None, None, None) if exc is None else (type(exc), exc, None)

    def returned(self, verdict):
        if verdict:
            self.exc = None
            self.swallowed = True
            self.reraise = False

    def raised(self, err):
        link = err
        while (ctx := link.__context__) is not self.exc:
            if ctx is None:
                # minipy gives an exception the one being handled as its
                # context only once it reaches the handling frame, so one
                # caught here may lack it: CPython's chain ends at outside.
                if self.outside is None or link is self.outside:
                    break
                ctx = self.outside
            if ctx is self.outside:
                link.__context__ = self.exc
                break
            link = ctx
        self.exc = err
        self.reraise = True

    def outcome(self):
        if not self.reraise:
            return self.came_with_exc and self.swallowed
        err = self.exc
        chained_to = err.__context__
        try:
            raise err
        finally:
            # raise links err to the exception being handled; keep the
            # chain the unwinding built instead.
            err.__context__ = chained_to


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A with statement over any number of context managers and cleanup
    callbacks, chosen at run time."""

    def close(self):
        """Unwind now, as leaving the with block without an exception does."""
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        unwinding = _Unwinding(exc_details[1])
        pending = self._exit_callbacks
        while pending:
            callback = pending.pop()[1]
            try:
                verdict = callback(*unwinding.details())
            except BaseException as err:
                unwinding.raised(err)
            else:
                unwinding.returned(verdict)
        return unwinding.outcome()


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for async with: also takes asynchronous context managers
    and coroutine callbacks."""

    async def enter_async_context(self, cm):
        """Enter cm asynchronously, keep its __aexit__, return its result."""
        enter, leave = _manager_methods(cm, "__aenter__", "__aexit__",
                                        "asynchronous context manager protocol")
        entered = await enter(cm)
        self._add(False, _bind(leave, cm))
        return entered

    def push_async_exit(self, exit):
        """Add an __aexit__-like coroutine function, or an object's __aexit__."""
        method = _special_method(exit, "__aexit__")
        self._add(False, exit if method is None else _bind(method, exit))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Await callback(*args, **kwds) on unwinding; it never suppresses."""
        async def call_it(exc_type, exc, tb):
            await callback(*args, **kwds)
        call_it.__wrapped__ = callback
        self._add(False, call_it)
        return callback

    async def aclose(self):
        """Unwind now, as leaving the async with block without an exception does."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        unwinding = _Unwinding(exc_details[1])
        pending = self._exit_callbacks
        while pending:
            is_sync, callback = pending.pop()
            try:
                verdict = callback(*unwinding.details())
                if not is_sync:
                    verdict = await verdict
            except BaseException as err:
                unwinding.raised(err)
            else:
                unwinding.returned(verdict)
        return unwinding.outcome()
