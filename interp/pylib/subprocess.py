# subprocess for minipy, written for it: Popen and the functions over it
# (run, call, check_call, check_output, getoutput, getstatusoutput).
# Go starts and reaps the child (_spawn, _pwait, _psignal) and reads its
# pipes together (_pcommunicate); the pipes are ordinary descriptors, so
# Popen.stdin/stdout/stderr are open()'s file objects over them.
import os

PIPE = -1
STDOUT = -2
DEVNULL = -3
_INHERIT = -4

_SIGNAL_NAMES = {
    1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP",
    6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1",
    11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
}


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _SIGNAL_NAMES.get(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
            return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ["args=%r" % (self.args,), "returncode=%r" % (self.returncode,)]
        if self.stdout is not None:
            parts.append("stdout=%r" % (self.stdout,))
        if self.stderr is not None:
            parts.append("stderr=%r" % (self.stderr,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _arg(a):
    if isinstance(a, str):
        return a
    if isinstance(a, (bytes, bytearray)):
        return bytes(a).decode("utf-8", "surrogateescape")
    if hasattr(type(a), "__fspath__"):
        return _arg(os.fspath(a))
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(a).__name__)


def _find_program(name, env):
    """The file a program name runs, searched on PATH as execvp does."""
    if "/" in name:
        return name
    path = None
    if env is not None:
        path = env.get("PATH")
    if path is None:
        path = os.environ.get("PATH", os.defpath)
    for d in path.split(os.pathsep):
        candidate = os.path.join(d or os.curdir, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(2, "No such file or directory", name)


def _stream(spec, which):
    if spec is None:
        return _INHERIT
    if isinstance(spec, int):
        if spec == STDOUT and which != "stderr":
            raise ValueError("STDOUT can only be used for stderr")
        if spec < DEVNULL:
            raise ValueError("bad file descriptor %d" % spec)
        return spec
    import sys
    if spec is sys.__stdout__:
        return 1
    if spec is sys.__stderr__:
        return 2
    if spec is sys.__stdin__:
        return 0
    return spec.fileno()


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self._fds = (-1, -1, -1)
        self._comm_started = False
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines are supplied but different. Pass one or the other.")
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        if self.text_mode and encoding is None:
            self.encoding = "utf-8"
        if self.text_mode and errors is None:
            self.errors = "strict"
        if isinstance(args, (str, bytes)) or hasattr(type(args), "__fspath__"):
            argv = [_arg(args)]
        else:
            argv = [_arg(a) for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
        if not argv:
            raise IndexError("list index out of range")
        if cwd is not None:
            cwd = _arg(cwd)
        envlist = None
        if env is not None:
            envlist = []
            for k, v in env.items():
                k, v = _arg(k), _arg(v)
                if "=" in k:
                    raise ValueError("illegal environment variable name")
                envlist.append(k + "=" + v)
        program = _find_program(_arg(executable) if executable is not None else argv[0], env)
        streams = [_stream(stdin, "stdin"), _stream(stdout, "stdout"), _stream(stderr, "stderr")]
        self.pid, fin, fout, ferr = _spawn(program, argv, cwd, envlist, *streams)
        self._fds = (fin, fout, ferr)
        if fin >= 0:
            if self.text_mode:
                self.stdin = open(fin, "w", encoding=self.encoding, errors=self.errors)
            else:
                self.stdin = open(fin, "wb", buffering=bufsize)
        if fout >= 0:
            self.stdout = self._reader(fout, bufsize)
        if ferr >= 0:
            self.stderr = self._reader(ferr, bufsize)

    def _reader(self, fd, bufsize):
        if self.text_mode:
            return open(fd, "r", encoding=self.encoding, errors=self.errors)
        return open(fd, "rb", buffering=bufsize)

    def __repr__(self):
        r = "<%s: returncode: %s args: %r>" % (type(self).__name__, self.returncode, self.args)
        if len(r) > 80:
            r = r[:76] + "...>"
        return r

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        except BrokenPipeError:
            pass
        finally:
            if exc_type is KeyboardInterrupt:
                # The child had the Ctrl-C too; give it a moment, no more.
                if self.returncode is None:
                    r = _pwait(self.pid, 0.25)
                    if r is not None:
                        self.returncode = r
            else:
                self.wait()

    def poll(self):
        if self.returncode is None:
            self.returncode = _pwait(self.pid, 0)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        t = -1 if timeout is None else max(timeout, 0)
        r = _pwait(self.pid, t)
        if r is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = r
        return r

    def send_signal(self, sig):
        if self.returncode is None:
            _psignal(self.pid, int(sig))

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    def communicate(self, input=None, timeout=None):
        if self._comm_started and input:
            raise ValueError("Cannot send input after starting communication")
        data = None
        if input is not None and self.stdin is not None:
            data = input
            if self.text_mode:
                if not isinstance(data, str):
                    raise TypeError("write() argument must be str, not %s" % type(data).__name__)
                data = data.encode(self.encoding, self.errors)
            elif isinstance(data, str):
                raise TypeError("a bytes-like object is required, not 'str'")
        fin = fout = ferr = -1
        if not self._comm_started:
            if self.stdin is not None and not self.stdin.closed:
                try:
                    self.stdin.flush()
                except BrokenPipeError:
                    pass
                fin = self._fds[0]
                # Go writes what is left and closes the pipe.
                _forget(self.stdin)
        if self.stdout is not None and not self.stdout.closed:
            fout = self._fds[1]
        if self.stderr is not None and not self.stderr.closed:
            ferr = self._fds[2]
        self._comm_started = True
        if timeout is not None:
            import time
            endtime = time.monotonic() + timeout
        out, err, done = _pcommunicate(self.pid, fin, data, fout, ferr, -1 if timeout is None else timeout)
        if not done:
            raise TimeoutExpired(self.args, timeout, output=out, stderr=err)
        if self.stdout is not None:
            self.stdout.close()
        if self.stderr is not None:
            self.stderr.close()
        if self.text_mode:
            if out is not None:
                out = _translate(out.decode(self.encoding, self.errors))
            if err is not None:
                err = _translate(err.decode(self.encoding, self.errors))
        if out is None and self.stdout is not None:
            out = "" if self.text_mode else b""
        if err is None and self.stderr is not None:
            err = "" if self.text_mode else b""
        if timeout is None:
            self.wait()
        else:
            self.wait(endtime - time.monotonic())
        if self.stdout is None:
            out = None
        if self.stderr is None:
            err = None
        return out, err


def _forget(f):
    """Mark a pipe's file object closed without closing the descriptor
    (communicate's writer closes it)."""
    b = getattr(f, "buffer", None)
    if b is not None:
        b._fd = -1
    f._fd = -1


def _translate(s):
    return s.replace("\r\n", "\n").replace("\r", "\n")


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError("%s argument not allowed, it will be overridden." % kw)
    if "input" in kwargs and kwargs["input"] is None:
        text = kwargs.get("universal_newlines") or kwargs.get("text") or kwargs.get("encoding") or kwargs.get("errors")
        kwargs["input"] = "" if text else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """Windows' command-line quoting (the MS C runtime's rules)."""
    out = []
    for arg in map(_arg, seq):
        quote = (" " in arg) or ("\t" in arg) or not arg
        buf = ['"'] if quote else []
        slashes = 0
        for c in arg:
            if c == "\\":
                slashes += 1
                continue
            if c == '"':
                buf.append("\\" * (slashes * 2 + 1) + '"')
            else:
                buf.append("\\" * slashes + c)
            slashes = 0
        if quote:
            buf.append("\\" * (slashes * 2) + '"')
        else:
            buf.append("\\" * slashes)
        out.append("".join(buf))
    return " ".join(out)
