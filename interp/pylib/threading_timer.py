# threading.Timer: a thread that calls a function after a delay unless it
# is cancelled first. Python over the Go-built threading module, which is
# bound before this runs (so the import finds it, not a second build).
import threading as _threading


class Timer(_threading.Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        _threading.Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = _threading.Event()

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        # Woken early by cancel(): the function is not called.
        if not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)
        self.finished.set()
