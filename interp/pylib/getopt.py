# getopt for minipy: Unix-style command-line parsing (getopt, gnu_getopt)
# with CPython's messages.
import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    """A bad command line: str() is the message alone, .opt the option."""
    msg = opt = ""

    def __init__(self, msg, opt=""):
        super().__init__(msg, opt)
        self.msg, self.opt = msg, opt

    def __str__(self):
        return self.msg


error = GetoptError


def getopt(args, shortopts, longopts=[]):
    """Options up to the first argument that is not one (or '--')."""
    return _parse(list(args), shortopts, longopts, False)


def gnu_getopt(args, shortopts, longopts=[]):
    """Options and other arguments may be mixed, unless shortopts starts
    with '+' or POSIXLY_CORRECT is set."""
    stop_early = False
    if shortopts.startswith("+"):
        shortopts = shortopts[1:]
        stop_early = True
    elif os.environ.get("POSIXLY_CORRECT"):
        stop_early = True
    return _parse(list(args), shortopts, longopts, not stop_early)


def _parse(args, shortopts, longopts, mixed):
    # One long option may come as a bare string.
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    opts = []
    rest = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest.extend(args[i + 1:])
            return opts, rest
        if a.startswith("--"):
            i = _long(opts, args, i, a[2:], longopts)
        elif a.startswith("-") and a != "-":
            i = _short(opts, args, i, a[1:], shortopts)
        elif mixed:
            rest.append(a)
            i += 1
        else:
            break
    rest.extend(args[i:])
    return opts, rest


def _long(opts, args, i, text, longopts):
    name, eq, value = text.partition("=")
    full, takes = _long_match(name, longopts)
    if takes == "?":
        pass  # 3.14: an optional value, only as --name=value
    elif takes:
        if not eq:
            if i + 1 >= len(args):
                raise GetoptError("option --%s requires argument" % full, full)
            i += 1
            value = args[i]
    elif eq:
        raise GetoptError("option --%s must not have an argument" % full, full)
    opts.append(("--" + full, value))
    return i + 1


def _long_match(name, longopts):
    """The long option name stands for, and whether it takes a value."""
    found = [o for o in longopts if o.startswith(name)]
    if not found:
        raise GetoptError("option --%s not recognized" % name, name)
    if name in found:
        return name, False
    if name + "=" in found:
        return name, True
    if name + "=?" in found:
        return name, "?"
    if len(found) > 1:
        raise GetoptError("option --%s not a unique prefix" % name, name)
    full = found[0]
    if full.endswith("=?"):
        return full[:-2], "?"
    if full.endswith("="):
        return full[:-1], True
    return full, False


def _short(opts, args, i, text, shortopts):
    while text:
        c, text = text[0], text[1:]
        at = shortopts.find(c)
        if c == ":" or at < 0:
            raise GetoptError("option -%s not recognized" % c, c)
        if shortopts.startswith("::", at + 1):
            # 3.14: an optional value, only when attached (-oVALUE).
            opts.append(("-" + c, text))
            text = ""
        elif shortopts.startswith(":", at + 1):
            if not text:
                if i + 1 >= len(args):
                    raise GetoptError("option -%s requires argument" % c, c)
                i += 1
                text = args[i]
            opts.append(("-" + c, text))
            text = ""
        else:
            opts.append(("-" + c, ""))
    return i + 1
