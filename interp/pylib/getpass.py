# getpass: the user's name, and a password read with the terminal's echo
# off (the Go helper _tty_getpass); without a terminal, from stdin after
# CPython's warning.

import os
import sys
import warnings

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def getpass(prompt="Password: ", stream=None):
    line = _tty_getpass(prompt)
    if line is False:
        raise EOFError
    if line is not None:
        return line
    # Level 2 is getpass's caller (CPython's names the line of its
    # getpass.py that called its fallback, which has no counterpart here).
    warnings.warn("Can not control echo on the terminal.", GetPassWarning, stacklevel=2)
    if stream is None:
        stream = sys.stderr
    print("Warning: Password input may be echoed.", file=stream)
    stream.write(prompt)
    stream.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    # Where the terminal would have shown the Enter typed.
    stream.write("\n")
    return line[:-1] if line.endswith("\n") else line


def getuser():
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        name = os.environ.get(var)
        if name:
            return name
    import pwd
    try:
        return pwd.getpwuid(os.getuid())[0]
    except KeyError as e:
        raise OSError("No username set in the environment") from e
