# subprocess for minipy, written for it: Popen and the functions over it
# (run, call, check_call, check_output, getoutput, getstatusoutput).
# Go starts and reaps the child (_spawn, _pwait, _psignal) and reads its
# pipes together (_pcommunicate); the pipes are ordinary descriptors, so
# Popen.stdin/stdout/stderr are open()'s file objects over them.
import os

PIPE, STDOUT, DEVNULL = -1, -2, -3
_INHERIT = -4

_SIGNAL_NAMES = {
    1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP",
    6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1",
    11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
}


class SubprocessError(Exception):
    pass


def _read_output(exc):
    return exc.output


def _write_output(exc, value):
    exc.output = value


# Both error classes carry what the child wrote; stdout is another name
# for output on them.
_output_alias = property(_read_output, _write_output)


def _died_how(code):
    """How a negative return code (a signal number) reads in messages."""
    name = _SIGNAL_NAMES.get(-code)
    if name is None:
        return "unknown signal %d" % -code
    return "<Signals.%s: %d>" % (name, -code)


class CalledProcessError(SubprocessError):
    """Raised when a process run by check_call, check_output or
    run(check=True) exits with a non-zero status."""

    stdout = _output_alias

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode, self.cmd = returncode, cmd
        self.output, self.stderr = output, stderr

    def __str__(self):
        code = self.returncode
        if code and code < 0:
            return "Command '%s' died with %s." % (self.cmd, _died_how(code))
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, code)


class TimeoutExpired(SubprocessError):
    """Raised when a timeout passes while waiting for a child."""

    stdout = _output_alias

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd, self.timeout = cmd, timeout
        self.output, self.stderr = output, stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)


class CompletedProcess:
    """What run() returns: the arguments, the exit status and any
    captured output."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args, self.returncode = args, returncode
        self.stdout, self.stderr = stdout, stderr

    def __repr__(self):
        fields = [("args", self.args), ("returncode", self.returncode)]
        fields += [(k, v) for k, v in (("stdout", self.stdout), ("stderr", self.stderr))
                   if v is not None]
        shown = ", ".join("%s=%r" % (k, v) for k, v in fields)
        return "%s(%s)" % (type(self).__name__, shown)

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

    def __exit__(self, kind, exc, tb):
        for reader in (self.stdout, self.stderr):
            if reader:
                reader.close()
        try:
            _close_quietly(self.stdin)
        finally:
            if kind is not KeyboardInterrupt:
                self.wait()
            elif self.returncode is None:
                # The child had the Ctrl-C too; give it a moment, no more.
                self.returncode = _pwait(self.pid, 0.25)

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
                _flush_quietly(self.stdin)
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


def _flush_quietly(f):
    """Flush a pipe to the child; a child that has gone is not an error."""
    try:
        f.flush()
    except BrokenPipeError:
        pass


def _close_quietly(f):
    """Close a pipe to the child (if any), flushing it first; a child that
    has gone is not an error."""
    if not f:
        return
    try:
        f.close()
    except BrokenPipeError:
        pass


def _forget(f):
    """Mark a pipe's file object closed without closing the descriptor
    (communicate's writer closes it)."""
    b = getattr(f, "buffer", None)
    if b is not None:
        b._fd = -1
    f._fd = -1


def _translate(s):
    return s.replace("\r\n", "\n").replace("\r", "\n")


def _pipe_options(kwargs, input, capture_output):
    """Fill in run()'s pipes: stdin for input, stdout and stderr for
    capture_output, refusing a stream given both ways."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if not capture_output:
        return
    if any(kwargs.get(name) is not None for name in ("stdout", "stderr")):
        raise ValueError("stdout and stderr arguments may not be used with capture_output.")
    kwargs.update(stdout=PIPE, stderr=PIPE)


def _exchange(proc, input, timeout):
    """proc.communicate(), killing the child when it fails; after a
    timeout the child is also reaped before the error goes on."""
    try:
        return proc.communicate(input, timeout=timeout)
    except TimeoutExpired:
        proc.kill()
        proc.wait()
        raise
    except BaseException:
        proc.kill()
        raise


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    _pipe_options(kwargs, input, capture_output)
    proc = Popen(*popenargs, **kwargs)
    with proc:
        out, err = _exchange(proc, input, timeout)
        status = proc.poll()
        if status and check:
            raise CalledProcessError(status, proc.args, output=out, stderr=err)
    return CompletedProcess(proc.args, status, out, err)


def call(*popenargs, timeout=None, **kwargs):
    proc = Popen(*popenargs, **kwargs)
    with proc:
        try:
            status = proc.wait(timeout=timeout)
        except BaseException:
            proc.kill()
            raise
    return status


def check_call(*popenargs, **kwargs):
    status = call(*popenargs, **kwargs)
    if not status:
        return 0
    # The command as given: the args keyword, else the first positional.
    cmd = kwargs.get("args")
    raise CalledProcessError(status, popenargs[0] if cmd is None else cmd)


def check_output(*popenargs, timeout=None, **kwargs):
    for name in ("stdout", "check"):
        if name in kwargs:
            raise ValueError("%s argument not allowed, it will be overridden." % name)
    # input=None means "no input", yet stdin is still a pipe: send nothing.
    if "input" in kwargs and kwargs["input"] is None:
        wants_text = any(kwargs.get(k) for k in ("universal_newlines", "text", "encoding", "errors"))
        kwargs["input"] = "" if wants_text else b""
    done = run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs)
    return done.stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    status = 0
    try:
        text = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
    except CalledProcessError as failed:
        status, text = failed.returncode, failed.output
    if text.endswith("\n"):
        text = text[:-1]
    return status, text


def getoutput(cmd, *, encoding=None, errors=None):
    _, text = getstatusoutput(cmd, encoding=encoding, errors=errors)
    return text


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
