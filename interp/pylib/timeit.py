# The timeit module for minipy, written for it: Timer, timeit, repeat and
# default_timer. A str statement is compiled once into a function that
# runs it number times between two readings of the timer.

import time as _time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_timer = _time.perf_counter
default_number = 1000000
default_repeat = 5


def _indent(src, n):
    return ("\n" + " " * n).join(src.split("\n"))


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        ns = {} if globals is None else globals
        if isinstance(stmt, str) and isinstance(setup, str):
            compile(setup, "<timeit-src>", "exec")
            compile(stmt, "<timeit-src>", "exec")
            src = "def _inner_(_it, _timer):\n    %s\n    _t0 = _timer()\n    for _i in _it:\n        %s\n    _t1 = _timer()\n    return _t1 - _t0\n" % (
                _indent(setup, 4), _indent(stmt, 8))
            local = {}
            exec(src, ns, local)
            self.inner = local["_inner_"]
            return
        if not (isinstance(stmt, str) or callable(stmt)):
            raise ValueError("stmt is neither a string nor callable")
        if not (isinstance(setup, str) or callable(setup)):
            raise ValueError("setup is neither a string nor callable")

        def inner(_it, _timer):
            if callable(setup):
                setup()
            else:
                exec(setup, ns)
            t0 = _timer()
            if callable(stmt):
                for _ in _it:
                    stmt()
            else:
                code = compile(stmt, "<timeit-src>", "exec")
                for _ in _it:
                    exec(code, ns)
            return _timer() - t0
        self.inner = inner

    def timeit(self, number=default_number):
        return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                t = self.timeit(number)
                if callback:
                    callback(number, t)
                if t >= 0.2:
                    return (number, t)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
