# asyncio for minipy, written for it: one event loop per thread driving
# coroutines (coro.go) with send and throw, in CPython's order: ready
# callbacks run first in, first out, one batch per turn; timers join the
# batch once due; a task steps its coroutine until it yields a future
# (which wakes it when done) or None (sleep(0): it goes to the back of
# the queue). Futures, tasks, gather, wait_for, wait, as_completed,
# shield, timeout, TaskGroup, Queue, Lock, Event, Semaphore, Condition,
# to_thread and run_in_executor (on threads). No sockets, subprocesses
# or streams.

import collections as _collections
import heapq as _heapq
import time as _time
import types as _types
import sys as _sys
from contextvars import copy_context as _copy_context

__all__ = ["run", "sleep", "gather", "create_task", "ensure_future", "wait_for", "wait", "as_completed",
           "shield", "timeout", "timeout_at", "Timeout", "TaskGroup", "Future", "Task", "Queue", "PriorityQueue",
           "LifoQueue", "QueueEmpty", "QueueFull", "QueueShutDown", "Lock", "Event", "Semaphore",
           "BoundedSemaphore", "Condition", "CancelledError", "InvalidStateError", "TimeoutError",
           "get_event_loop", "get_running_loop", "new_event_loop", "set_event_loop", "current_task",
           "all_tasks", "iscoroutine", "iscoroutinefunction", "isfuture", "to_thread", "Runner",
           "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "AbstractEventLoop", "BaseEventLoop",
           "Handle", "TimerHandle", "wrap_future", "run_coroutine_threadsafe", "sleep_forever"]

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


class QueueShutDown(Exception):
    """Raised when putting on to or getting from a shut-down Queue."""


def iscoroutine(obj):
    return isinstance(obj, _types.CoroutineType)


def iscoroutinefunction(func):
    import inspect
    return inspect.iscoroutinefunction(func)


def _iterable_coroutine(obj):
    # A generator under types.coroutine, such as an async generator's
    # __anext__() awaitable: awaitable though its type has no __await__.
    return isinstance(obj, _types.GeneratorType) and bool(obj.gi_code.co_flags & 0x100)


def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None


# --- handles and the loop -------------------------------------------------

class Handle:
    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '_context')

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop
        # A callback runs in the context it was scheduled from.
        self._context = _copy_context() if context is None else context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return self._context

    def _run(self):
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'Exception in callback ' + _callback_name(self._callback),
                'exception': exc,
                'handle': self,
            })

    def __repr__(self):
        if self._cancelled:
            return '<Handle cancelled>'
        return '<Handle %s>' % _callback_name(self._callback)


class TimerHandle(Handle):
    __slots__ = ('_when', '_scheduled')

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def when(self):
        return self._when

    def __lt__(self, other):
        return self._when < other._when

    def __le__(self, other):
        return self._when <= other._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_cancelled()
        super().cancel()


def _coro_repr(coro):
    # What a task's repr says of its coroutine (asyncio.coroutines'
    # wording): where it is suspended, or where it was defined once done.
    name = (getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
            or '<%s without __name__>' % type(coro).__name__) + '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', getattr(coro, 'gi_running', False))
        return name + ' running' if running else name
    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    if frame is not None:
        return '%s running at %s:%d' % (name, code.co_filename, frame.f_lineno)
    return '%s done, defined at %s:%d' % (name, code.co_filename, code.co_firstlineno)


def _callback_name(cb):
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None)
    if name is None:
        return repr(cb)
    return name + '()'


class AbstractEventLoop:
    pass


_loops = {}      # thread ident -> the loop set for it
_running = {}    # thread ident -> the loop running in it
_current = {}    # loop -> the task it is stepping


def _ident():
    import threading
    return threading.get_ident()


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = _collections.deque()
        self._scheduled = []
        self._stopping = False
        self._closed = False
        self._thread = None
        self._debug = False
        self._exception_handler = None
        self._wake = None          # a threading.Event once other threads may schedule
        self._lock = None
        self._default_executor = None
        self._asyncgens = []
        self._task_factory = None

    def __repr__(self):
        return '<_UnixSelectorEventLoop running=%s closed=%s debug=%s>' % (
            self.is_running(), self._closed, self._debug)

    def time(self):
        return _time.monotonic()

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        h = Handle(callback, args, self, context)
        self._ready.append(h)
        return h

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        h = TimerHandle(when, callback, args, self, context)
        _heapq.heappush(self._scheduled, h)
        h._scheduled = True
        return h

    def _timer_cancelled(self):
        pass

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        with self._threads():
            h = Handle(callback, args, self, context)
            self._ready.append(h)
        self._wake.set()
        return h

    def _threads(self):
        # From the first call from another thread on, the ready queue is
        # shared: a lock guards it and an event wakes the waiting loop.
        if self._lock is None:
            import threading
            self._lock = threading.Lock()
            self._wake = threading.Event()
        return self._lock

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None, eager_start=None):
        self._check_closed()
        if self._task_factory is not None:
            if context is None:
                return self._task_factory(self, coro)
            return self._task_factory(self, coro, context=context)
        return Task(coro, loop=self, name=name, context=context)

    def set_task_factory(self, factory):
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def is_running(self):
        return self._thread is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        ex = self._default_executor
        if ex is not None:
            self._default_executor = None
            ex.shutdown(wait=False)

    def run_forever(self):
        self._check_closed()
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        me = _ident()
        if _running.get(me) is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._thread = me
        _running[me] = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread = None
            _running.pop(me, None)

    def run_until_complete(self, future):
        self._check_closed()
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _run_once(self):
        sched = self._scheduled
        while sched and sched[0]._cancelled:
            _heapq.heappop(sched)._scheduled = False
        if self._ready or self._stopping:
            timeout = 0
        elif sched:
            timeout = max(0, sched[0]._when - self.time())
        else:
            timeout = None
        self._wait(timeout)
        end = self.time() + 1e-09
        while sched:
            h = sched[0]
            if h._when >= end:
                break
            _heapq.heappop(sched)
            h._scheduled = False
            if not h._cancelled:
                self._ready.append(h)
        ready = self._ready
        if self._lock is not None:
            with self._lock:
                n = len(ready)
        else:
            n = len(ready)
        for _ in range(n):
            if self._lock is not None:
                with self._lock:
                    h = ready.popleft()
            else:
                h = ready.popleft()
            if not h._cancelled:
                h._run()

    def _wait(self, timeout):
        # Nothing to do until timeout (None: until another thread
        # schedules something; with no other thread, never: CPython's
        # loop blocks then too, so wait in slices Ctrl-C can stop).
        if timeout == 0:
            return
        if self._wake is not None:
            if self._ready:
                return
            self._wake.wait(timeout)
            self._wake.clear()
            return
        if timeout is None:
            while self._wake is None and not self._ready:
                _time.sleep(0.05)
            return
        _time.sleep(timeout)

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        self._threads()
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self, timeout=None):
        ex = self._default_executor
        if ex is not None:
            self._default_executor = None
            ex.shutdown(wait=True)

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        exc = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append('%s: %r' % (key, context[key]))
        text = '\n'.join(lines)
        if exc is not None:
            import traceback
            text += '\n' + ''.join(traceback.format_exception(exc)).rstrip('\n')
        print(text, file=_sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    def create_server(self, *args, **kwargs):
        raise NotImplementedError('minipy\'s asyncio has no sockets')

    create_connection = open_connection = create_server


_UnixSelectorEventLoop = BaseEventLoop
SelectorEventLoop = BaseEventLoop
EventLoop = BaseEventLoop


def _stop_loop(fut):
    fut.get_loop().stop()


def get_running_loop():
    loop = _running.get(_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def _get_running_loop():
    return _running.get(_ident())


def get_event_loop():
    loop = _running.get(_ident())
    if loop is not None:
        return loop
    loop = _loops.get(_ident())
    if loop is None:
        import threading
        raise RuntimeError("There is no current event loop in thread %r." % threading.current_thread().name)
    return loop


def set_event_loop(loop):
    if loop is None:
        _loops.pop(_ident(), None)
    else:
        _loops[_ident()] = loop


def new_event_loop():
    return BaseEventLoop()


# --- futures and tasks ----------------------------------------------------

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Future:
    _asyncio_future_blocking = False
    _loop = None

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None
        self._retrieved = False

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, ' '.join(self._repr_info()))

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append('exception=%r' % (self._exception,))
            else:
                info.append('result=%s' % (_short_repr(self._result),))
        if self._callbacks:
            info.append('cb=[%s]' % ', '.join(_callback_name(cb) for cb, _ in self._callbacks))
        return info

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for cb, ctx in callbacks:
            self._loop.call_soon(cb, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not ready.')
        self._retrieved = True
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        self._retrieved = True
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            if context is None:
                context = _copy_context()
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [(cb, ctx) for cb, ctx in self._callbacks if cb != fn]
        n = len(self._callbacks) - len(kept)
        if n:
            self._callbacks[:] = kept
        return n

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('%s: %r' % (self._state, self))
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('%s: %r' % (self._state, self))
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            new_exc = RuntimeError("StopIteration interacts badly with generators "
                                   "and cannot be raised into a Future")
            new_exc.__cause__ = exception
            new_exc.__context__ = exception
            exception = new_exc
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _short_repr(v):
    r = repr(v)
    if len(r) > 40:
        r = r[:20] + '...' + r[-17:]
    return r


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


_task_ids = [0]
_all_tasks = {}   # task -> None, in creation order


class Task(Future):
    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError('a coroutine was expected, got %r' % (coro,))
        if name is None:
            # Only unnamed tasks take a number, as in CPython.
            _task_ids[0] += 1
            name = 'Task-%d' % _task_ids[0]
        self._name = str(name)
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        # Every step of the task runs in its own context.
        self._context = _copy_context() if context is None else context
        self._loop.call_soon(self._step, context=self._context)
        _all_tasks[self] = None

    def _repr_info(self):
        info = super()._repr_info()
        if self._must_cancel:
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % self._name)
        if self._fut_waiter is not None:
            info.insert(3, 'wait_for=%r' % (self._fut_waiter,))
        info.insert(2, 'coro=<%s>' % _coro_repr(self._coro))
        return info

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_stack(self, *, limit=None):
        return []

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
            if self._num_cancels_requested == 0:
                self._must_cancel = False
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self.done():
            raise InvalidStateError('_step(): already done: %r, %r' % (self, exc))
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        _current[loop] = self
        try:
            self._step_run(exc)
        finally:
            _current.pop(loop, None)

    def _step_run(self, exc):
        coro = self._coro
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, e.value)
        except CancelledError as e:
            self._cancelled_exc = e
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            raise
        except BaseException as e:
            Future.set_exception(self, e)
        else:
            blocking = getattr(result, '_asyncio_future_blocking', None)
            if blocking is not None:
                if result._loop is not self._loop:
                    self._loop.call_soon(self._step, RuntimeError(
                        'Task %r got Future %r attached to a different loop' % (self, result)),
                        context=self._context)
                elif blocking:
                    if result is self:
                        self._loop.call_soon(self._step, RuntimeError(
                            'Task cannot await on itself: %r' % (self,)), context=self._context)
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self.task_wakeup, context=self._context)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    self._loop.call_soon(self._step, RuntimeError(
                        'yield was used instead of yield from in task %r with %r' % (self, result)),
                        context=self._context)
            elif result is None:
                self._loop.call_soon(self._step, context=self._context)
            else:
                self._loop.call_soon(self._step, RuntimeError('Task got bad yield: %r' % (result,)),
                                     context=self._context)
        if self.done():
            _all_tasks.pop(self, None)

    def task_wakeup(self, future):
        # (Named as CPython's C Task names it: future reprs show it.)
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in list(_all_tasks) if t._loop is loop and not t.done()}


def create_task(coro, *, name=None, context=None, eager_start=None):
    loop = get_running_loop()
    if context is None:
        return loop.create_task(coro, name=name)
    return loop.create_task(coro, name=name, context=context)


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future.get_loop():
            raise ValueError('The future belongs to a different loop than the one specified as the loop argument')
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if hasattr(type(coro_or_future), '__await__') or _iterable_coroutine(coro_or_future):
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


async def _wrap_awaitable(awaitable):
    return await awaitable


def wrap_future(future, *, loop=None):
    # A concurrent.futures.Future, seen from the loop.
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new = loop.create_future()

    def copy(cf):
        if new.done():
            return
        if cf.cancelled():
            new.cancel()
            return
        exc = cf.exception()
        if exc is not None:
            new.set_exception(exc)
        else:
            new.set_result(cf.result())

    future.add_done_callback(lambda cf: loop.call_soon_threadsafe(copy, cf))
    return new


def run_coroutine_threadsafe(coro, loop):
    import concurrent.futures
    cf = concurrent.futures.Future()

    def start():
        task = ensure_future(coro, loop=loop)

        def done(t):
            if t.cancelled():
                cf.cancel()
            elif t.exception() is not None:
                cf.set_exception(t.exception())
            else:
                cf.set_result(t.result())
        task.add_done_callback(done)
    loop.call_soon_threadsafe(start)
    return cf


# --- sleeping and waiting -------------------------------------------------

@_types.coroutine
def _sleep0():
    yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _sleep0()
        return result
    if delay != delay:
        raise ValueError('Invalid delay: NaN (not a number)')
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


async def sleep_forever():
    await get_running_loop().create_future()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    children = []
    state = {'nfinished': 0, 'nfuts': 0}
    outer = None

    def done_callback(fut):
        state['nfinished'] += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state['nfinished'] == state['nfuts']:
            results = []
            for f in children:
                if f.cancelled():
                    res = CancelledError('' if f._cancel_message is None else f._cancel_message)
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    loop = None
    for arg in coros_or_futures:
        key = id(arg)
        if key not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            state['nfuts'] += 1
            arg_to_fut[key] = fut
            fut.add_done_callback(done_callback)
        else:
            fut = arg_to_fut[key]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError('expect a list of futures, not %s' % type(fs).__name__)
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError('Invalid return_when value: %s' % return_when)
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    waiter = loop.create_future()
    timer = None
    if timeout is not None:
        timer = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timer is not None:
                timer.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_completion)
    try:
        await waiter
    finally:
        if timer is not None:
            timer.cancel()
        for f in fs:
            f.remove_done_callback(on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    async with timeout_(timeout):
        return await fut


class _AsCompleted:
    def __init__(self, fs, timeout):
        if isfuture(fs) or iscoroutine(fs):
            raise TypeError('expect an iterable of futures, not %s' % type(fs).__name__)
        loop = _get_running_loop()
        todo = []
        seen = set()
        for f in fs:
            if id(f) not in seen:
                seen.add(id(f))
                todo.append(ensure_future(f, loop=loop))
        self._todo = set(todo)
        self._left = len(todo)
        self._done = Queue()
        self._timer = None
        if timeout is not None and todo:
            self._timer = get_event_loop().call_later(timeout, self._on_timeout)
        for f in todo:
            f.add_done_callback(self._on_completion)

    def _on_timeout(self):
        for f in self._todo:
            f.remove_done_callback(self._on_completion)
            self._done.put_nowait(None)
        self._todo.clear()

    def _on_completion(self, f):
        if not self._todo:
            return
        self._todo.discard(f)
        self._done.put_nowait(f)
        if not self._todo and self._timer is not None:
            self._timer.cancel()

    async def _wait_for_one(self, resolve=False):
        f = await self._done.get()
        if f is None:
            raise TimeoutError
        return f.result() if resolve else f

    def __iter__(self):
        return self

    def __next__(self):
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._wait_for_one(resolve=True)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._left <= 0:
            raise StopAsyncIteration
        self._left -= 1
        return await self._wait_for_one()


def as_completed(fs, *, timeout=None):
    return _AsCompleted(fs, timeout)


# --- timeouts and task groups ---------------------------------------------

class Timeout:
    def __init__(self, when):
        self._when = when
        self._state = 'created'
        self._timeout_handler = None
        self._task = None

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'entered':
            if self._state == 'created':
                raise RuntimeError('Timeout has not been entered')
            raise RuntimeError('Cannot change state of %s Timeout' % self._state)
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = [self._state]
        if self._state == 'entered':
            info.append('when=%.3f' % self._when if self._when is not None else 'when=None')
        return '<Timeout [%s]>' % ' '.join(info)

    async def __aenter__(self):
        if self._state != 'created':
            raise RuntimeError('Timeout has already been entered')
        task = current_task()
        if task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self._state = 'entered'
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() <= self._cancelling and exc_type is not None:
                if issubclass(exc_type, CancelledError):
                    raise TimeoutError from exc_val
        elif self._state == 'entered':
            self._state = 'exited'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


timeout_ = timeout


def timeout_at(when):
    return Timeout(when)


class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = []
        if self._tasks:
            info.append('tasks=%d' % len(self._tasks))
        if self._errors:
            info.append('errors=%d' % len(self._errors))
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        return '<TaskGroup%s>' % (' ' + ' '.join(info) if info else '')

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError('TaskGroup %r has already been entered' % self)
        self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError('TaskGroup %r cannot determine the parent task' % self)
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if et is not None and issubclass(et, CancelledError) else None
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error is not None and not self._errors:
            raise propagate_cancellation_error
        if et is not None and not issubclass(et, CancelledError):
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors)
        return None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            coro.close()
            raise RuntimeError('TaskGroup %r has not been entered' % self)
        if self._exiting and not self._tasks:
            coro.close()
            raise RuntimeError('TaskGroup %r is finished' % self)
        if self._aborting:
            coro.close()
            raise RuntimeError('TaskGroup %r is shutting down' % self)
        if context is None:
            task = self._loop.create_task(coro, name=name)
        else:
            task = self._loop.create_task(coro, name=name, context=context)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks[task] = None
            task.add_done_callback(self._on_task_done)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': 'Task %r has errored out but its parent task %r is already completed' % (task, self._parent_task),
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# --- running --------------------------------------------------------------

def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._state = 'created'

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._loop_factory is None:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if _get_running_loop() is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._lazy_init()
        if not iscoroutine(coro):
            if hasattr(type(coro), '__await__'):
                coro = _wrap_awaitable(coro)
            else:
                raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
        if context is None:
            # Runs of one runner share a context, as in CPython.
            context = self._context
        task = self._loop.create_task(coro, context=context)
        try:
            return self._loop.run_until_complete(task)
        except KeyboardInterrupt:
            # Cancel the main task (its finally blocks run), then go on
            # raising KeyboardInterrupt, as CPython's runner does.
            if not task.done():
                task.cancel()
                try:
                    self._loop.run_until_complete(task)
                except (CancelledError, KeyboardInterrupt):
                    pass
            raise

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError('Runner is closed')
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            set_event_loop(self._loop)
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._context = _copy_context()
        self._state = 'initialized'


def run(main, *, debug=None, loop_factory=None):
    if _get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError('a coroutine was expected, got %r' % (main,))
    with Runner(debug=debug, loop_factory=loop_factory) as runner:
        return runner.run(main)


async def to_thread(func, /, *args, **kwargs):
    # The thread runs func in a copy of the caller's context.
    loop = get_running_loop()
    ctx = _copy_context()
    if kwargs:
        import functools
        func = functools.partial(func, *args, **kwargs)
        args = ()
    return await loop.run_in_executor(None, ctx.run, func, *args)


_exported = ("_get_running_loop",)
