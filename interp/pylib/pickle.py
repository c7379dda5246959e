# pickle: protocols 0 to 5, written byte for byte as CPython's C pickler
# writes them (memo, frames, batches of 1000, the reductions of the
# built-in and library types), and read back whatever any protocol holds.

import sys
import copyreg
from struct import pack, unpack

_exported = ("_Pickler", "_Unpickler", "_dump", "_dumps", "_load", "_loads")

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 5

bytes_types = (bytes, bytearray)
format_version = "5.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass



class PickleBuffer:
    def __init__(self, buffer):
        self._data = buffer

    def raw(self):
        return memoryview(bytes(self._data))

    def release(self):
        pass


# Opcodes.
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_TUPLESIZE2CODE = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]
_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000

# Python 2 names that protocols 0-2 write for Python 3's (fix_imports),
# and read back as Python 3's.
_MODULE_TO_PY2 = {
    "builtins": "__builtin__", "copyreg": "copy_reg", "queue": "Queue",
    "configparser": "ConfigParser", "reprlib": "repr", "subprocess": "commands",
    "urllib.parse": "urlparse", "urllib.request": "urllib2", "_functools": "functools",
    "_pickle": "pickle", "_thread": "thread", "collections.abc": "_abcoll",
    "html.parser": "HTMLParser", "html.entities": "htmlentitydefs",
    "http.client": "httplib", "http.cookies": "Cookie", "socketserver": "SocketServer",
}
_NAME_TO_PY2 = {
    ("builtins", "chr"): ("__builtin__", "unichr"),
    ("builtins", "int"): ("__builtin__", "long"),
    ("builtins", "range"): ("__builtin__", "xrange"),
    ("builtins", "str"): ("__builtin__", "unicode"),
    ("builtins", "filter"): ("itertools", "ifilter"),
    ("builtins", "map"): ("itertools", "imap"),
    ("builtins", "zip"): ("itertools", "izip"),
    ("functools", "reduce"): ("__builtin__", "reduce"),
    ("_functools", "reduce"): ("__builtin__", "reduce"),
    ("sys", "intern"): ("__builtin__", "intern"),
    ("itertools", "filterfalse"): ("itertools", "ifilterfalse"),
    ("itertools", "zip_longest"): ("itertools", "izip_longest"),
    ("collections", "UserDict"): ("UserDict", "IterableUserDict"),
    ("collections", "UserList"): ("UserList", "UserList"),
    ("collections", "UserString"): ("UserString", "UserString"),
}
for _n in ("ArithmeticError", "AssertionError", "AttributeError", "BaseException",
           "BufferError", "BytesWarning", "DeprecationWarning", "EOFError",
           "EnvironmentError", "Exception", "FloatingPointError", "FutureWarning",
           "GeneratorExit", "IOError", "ImportError", "ImportWarning",
           "IndentationError", "IndexError", "KeyError", "KeyboardInterrupt",
           "LookupError", "MemoryError", "NameError", "NotImplementedError",
           "OSError", "OverflowError", "PendingDeprecationWarning", "ReferenceError",
           "RuntimeError", "RuntimeWarning", "StopIteration", "SyntaxError",
           "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TypeError",
           "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
           "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
           "ValueError", "Warning", "ZeroDivisionError"):
    _NAME_TO_PY2[("builtins", _n)] = ("exceptions", _n)
for _n in ("BrokenPipeError", "ChildProcessError", "ConnectionAbortedError",
           "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
           "FileExistsError", "FileNotFoundError", "InterruptedError",
           "IsADirectoryError", "NotADirectoryError", "PermissionError",
           "ProcessLookupError", "TimeoutError"):
    _NAME_TO_PY2[("builtins", _n)] = ("exceptions", "OSError")
_NAME_TO_PY2[("builtins", "ModuleNotFoundError")] = ("exceptions", "ImportError")

# _functools and _pickle are written under their public modules' names;
# those names read back as themselves.
_MODULE_FROM_PY2 = {v: k for k, v in _MODULE_TO_PY2.items()
                    if k not in ("_functools", "_pickle")}
_MODULE_FROM_PY2["exceptions"] = "builtins"
_MODULE_FROM_PY2["cPickle"] = "pickle"
_NAME_FROM_PY2 = {}
for _k, _v in _NAME_TO_PY2.items():
    if _v not in _NAME_FROM_PY2 and _v[1] != "OSError":
        _NAME_FROM_PY2[_v] = _k
_NAME_FROM_PY2[("__builtin__", "basestring")] = ("builtins", "str")
_NAME_FROM_PY2[("exceptions", "StandardError")] = ("builtins", "Exception")
_NAME_FROM_PY2[("UserDict", "UserDict")] = ("collections", "UserDict")


class _CodecsEncode:
    # codecs.encode as protocols 0-2 name it for bytes: _codecs.encode.
    __module__ = "_codecs"
    __qualname__ = "encode"

    def __call__(self, s, encoding="utf-8", errors="strict"):
        return s.encode(encoding, errors)


_codecs_encode = _CodecsEncode()


def _raw_unicode_unescape(b):
    out = []
    i = 0
    n = len(b)
    while i < n:
        c = b[i]
        if c == 0x5c and i + 1 < n and b[i + 1] in (0x75, 0x55):
            width = 4 if b[i + 1] == 0x75 else 8
            digits = b[i + 2:i + 2 + width]
            if len(digits) == width:
                try:
                    out.append(chr(int(digits, 16)))
                    i += 2 + width
                    continue
                except ValueError:
                    pass
        out.append(chr(c))
        i += 1
    return "".join(out)


def _type_name(obj):
    return type(obj).__name__


def _import(name):
    if name == "__main__":
        return _MainModule
    return _import_module(name)


class _MainNamespace:
    # The program's module, seen through its live globals().
    def __getattr__(self, name):
        g = _main_globals()
        try:
            return g[name]
        except KeyError:
            raise AttributeError(name) from None


_MainModule = _MainNamespace()


def _reduce_type(obj):
    if obj is type(None):
        return type, (None,)
    if obj is type(NotImplemented):
        return type, (NotImplemented,)
    if obj is type(...):
        return type, (...,)
    return None


def _plain_base(cls):
    # The name of the nearest class of cls's MRO that is not the
    # program's (or a library's Python) class: what the instance is
    # underneath.
    for c in getattr(cls, "__mro__", (cls,)):
        if c.__module__ == "builtins":
            return c.__name__
    return "object"


_PICKLABLE_BASES = {"object": None, "int": int, "float": float,
                    "complex": complex, "str": str, "bytes": bytes,
                    "bytearray": bytearray, "tuple": tuple, "list": list,
                    "dict": dict, "set": set, "frozenset": frozenset}


def _getstate(obj, cls):
    gs = getattr(cls, "__getstate__", None)
    if gs is not None:
        return obj.__getstate__()
    return _object_getstate(obj, cls)


def _object_getstate(obj, cls):
    # object.__getstate__: the instance's __dict__ (None when empty), with
    # its slots' values beside it.
    d = None
    try:
        d = obj.__dict__
    except AttributeError:
        pass
    state = d if d else None
    names = copyreg._slotnames(cls)
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _reduce_object(obj, proto):
    # object.__reduce_ex__: what an instance of a class is made of.
    cls = type(obj)
    base = _plain_base(cls)
    if base not in _PICKLABLE_BASES and not issubclass(cls, BaseException):
        raise TypeError("cannot pickle %r object" % base)
    if issubclass(cls, BaseException):
        state = getattr(obj, "__dict__", None) or None
        return cls, tuple(obj.args), state
    if proto < 2:
        return copyreg._reduce_ex(obj, proto)
    kwargs = None
    if getattr(cls, "__getnewargs_ex__", None) is not None:
        r = obj.__getnewargs_ex__()
        if not isinstance(r, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%s'" % _type_name(r))
        if len(r) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, not %d" % len(r))
        args, kwargs = r
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'" % _type_name(args))
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'" % _type_name(kwargs))
    elif base == "tuple" and hasattr(cls, "_fields"):
        args = tuple(obj)  # a namedtuple's __getnewargs__
    elif getattr(cls, "__getnewargs__", None) is not None:
        args = obj.__getnewargs__()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not '%s'" % _type_name(args))
    elif base in ("int", "float", "complex", "str", "bytes", "tuple"):
        args = (_PICKLABLE_BASES[base](obj),)
    else:
        args = ()
    state = _getstate(obj, cls)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return copyreg.__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems
    return (copyreg.__newobj__, (cls,) + args, state, listitems, dictitems)


def _library_reducers():
    # CPython's __reduce__ of the built-in and library types minipy writes
    # in Go or in its own Python: the same reductions, so the same bytes.
    r = {}
    r[complex] = lambda z: (complex, (z.real, z.imag))
    r[range] = lambda x: (range, (x.start, x.stop, x.step))
    r[slice] = lambda x: (slice, (x.start, x.stop, x.step))
    try:
        import time
        r[time.struct_time] = lambda t: t.__reduce__()
    except ImportError:
        pass
    try:
        import functools
        r[functools.partial] = lambda p: (
            type(p), (p.func,),
            (p.func, p.args, p.keywords, getattr(p, "__dict__", None) or None))
    except ImportError:
        pass
    try:
        import collections
        r[collections.OrderedDict] = lambda d: (
            collections.OrderedDict, (), getattr(d, "__dict__", None) or None,
            None, iter(d.items()))
        r[collections.Counter] = lambda c: (collections.Counter, (dict(c),))
        r[collections.defaultdict] = lambda d: (
            collections.defaultdict,
            (d.default_factory,) if d.default_factory is not None else (),
            None, None, iter(d.items()))

        def _deque(d):
            if d.maxlen is None:
                return collections.deque, (), None, iter(d)
            return collections.deque, ((), d.maxlen), None, iter(d)
        r[collections.deque] = _deque
    except ImportError:
        pass
    return r


_reducers = None


def _lib_reducer(cls):
    global _reducers
    if _reducers is None:
        _reducers = _library_reducers()
    f = _reducers.get(cls)
    if f is not None:
        return f
    mod = getattr(cls, "__module__", None)
    if mod == "fractions" and cls.__name__ == "Fraction":
        return lambda x: (cls, (x.numerator, x.denominator))
    if mod == "decimal" and cls.__name__ == "Decimal":
        return lambda x: (cls, (str(x),))
    if mod == "re" and cls.__name__ == "Pattern":
        import re
        return lambda p: (re._compile, (p.pattern, p.flags))
    if cls.__module__ != "builtins":
        for c in cls.__mro__:
            if c.__name__ == "Enum" and c.__module__ == "enum":
                return lambda x: (x.__class__, (x._value_,))
    return None


def _is_bound_method(obj):
    self = getattr(obj, "__self__", None)
    if self is None or type(self).__name__ == "module":
        return False
    return _type_name(obj) in ("method", "builtin_function_or_method")


# Writing.

def encode_long(x):
    # Two's complement, little-endian, in as few bytes as keep the sign
    # bit right; zero is no bytes at all (LONG1's encoding).
    if x == 0:
        return b''
    magnitude = x if x > 0 else ~x
    width = (magnitude.bit_length() + 8) // 8
    return x.to_bytes(width, 'little', signed=True)


def decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _text_escape(s):
    # Protocol 0's UNICODE argument: raw-unicode-escape, with the bytes
    # that would end the line or confuse the reader escaped as \\uXXXX too.
    out = bytearray()
    for ch in s:
        c = ord(ch)
        if c >= 0x10000:
            out += b'\\U%08x' % c
        elif c > 0xff or ch in '\\\0\n\r\x1a':
            out += b'\\u%04x' % c
        else:
            out.append(c)
    return bytes(out)


def _resolve(root, dotted):
    # The object a qualified name names under root, and the object that
    # holds its last part.
    holder = target = root
    for part in dotted.split('.'):
        if part == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(dotted, root))
        holder = target
        target = getattr(target, part)
    return target, holder


def _home_module(obj):
    mod = getattr(obj, '__module__', None)
    return '__main__' if mod is None else mod


def _memo_load_op(pickler, index):
    # GET, BINGET or LONG_BINGET: the memo entry back on the stack.
    if not pickler.bin:
        return b'g%d\n' % index
    if index < 0x100:
        return BINGET + pack('<B', index)
    return LONG_BINGET + pack('<I', index)


def _memo_store_op(pickler, index):
    if pickler.proto >= 4:
        return MEMOIZE
    if not pickler.bin:
        return b'p%d\n' % index
    if index < 0x100:
        return BINPUT + pack('<B', index)
    return LONG_BINPUT + pack('<I', index)


def _check_protocol(protocol):
    proto = DEFAULT_PROTOCOL if protocol is None else int(protocol)
    if proto < 0:
        return HIGHEST_PROTOCOL
    if proto > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return proto


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        proto = _check_protocol(protocol)
        if buffer_callback is not None and proto < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        sink = getattr(file, "write", None)
        if sink is None:
            raise TypeError("file must have a 'write' attribute")
        self._sink = sink
        # What dump has not yet written to the file, and where in it the
        # open frame began (protocol 4+), as CPython's output buffer.
        self._out = bytearray()
        self._framing = False
        self._frame_at = None
        self._buffer_callback = buffer_callback
        self._names = {}
        self.proto = proto
        self.bin = proto > 0
        self.fix_imports = bool(fix_imports) and proto < 3
        self.fast = 0
        self.memo = {}

    def clear_memo(self):
        self.memo.clear()

    def persistent_id(self, obj):
        return None

    def dump(self, obj):
        if getattr(self, "_sink", None) is None:
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        self._out = bytearray()  # nothing left from a dump that failed
        self._frame_at = None
        if self.proto > 1:
            self._emit(PROTO + pack('<B', self.proto))
        self._framing = self.proto > 3
        try:
            self._save(obj)
            self._emit(STOP)
            self._close_frame()
        finally:
            self._framing = False
        self._flush()

    # Output and frames.

    # The file sees one write per full frame, one for what precedes a
    # large payload and one for the payload, and one at the end: CPython's
    # writes, for file objects that count them.

    def _emit(self, data):
        if self._framing and self._frame_at is None:
            self._frame_at = len(self._out)
        self._out += data

    def _flush(self):
        if self._out:
            self._sink(bytes(self._out))
            self._out = bytearray()

    def _close_frame(self):
        # The open frame gets its FRAME header, unless it is too short to
        # be worth one.
        start = self._frame_at
        if start is None:
            return
        self._frame_at = None
        size = len(self._out) - start
        if size >= _FRAME_SIZE_MIN:
            self._out[start:start] = FRAME + pack('<Q', size)

    def _frame_boundary(self):
        if self._frame_at is not None and len(self._out) - self._frame_at >= _FRAME_SIZE_TARGET:
            self._close_frame()
            self._flush()

    def _emit_outside_frame(self, header, payload):
        # A payload of a frame's size or more goes to the file on its own,
        # outside any frame, not copied into the buffer.
        self._close_frame()
        self._out += header
        self._flush()
        self._sink(bytes(payload))

    def _emit_sized(self, payload, short_op, op4, op8):
        n = len(payload)
        if short_op is not None and n < 0x100:
            self._emit(short_op + pack('<B', n) + payload)
            return
        if n > 0xffffffff and self.proto >= 4:
            header = op8 + pack('<Q', n)
        else:
            header = op4 + pack('<I', n)
        if n < _FRAME_SIZE_TARGET:
            self._emit(header + payload)
        else:
            self._emit_outside_frame(header, payload)

    # The memo.

    def _remember(self, obj):
        if self.fast:
            return
        index = len(self.memo)
        self._emit(_memo_store_op(self, index))
        self.memo[id(obj)] = index, obj

    def _recall(self, obj):
        # True, with a memo reference written, when obj is in the memo.
        entry = self.memo.get(id(obj))
        if entry is None:
            return False
        self._emit(_memo_load_op(self, entry[0]))
        return True

    def _replace_with_memo(self, obj, drop):
        # obj was memoized while its parts were written (it contains
        # itself): drop the copy just built and take the memo's.
        entry = self.memo.get(id(obj))
        if entry is None:
            return False
        self._emit(drop + _memo_load_op(self, entry[0]))
        return True

    # Objects.

    def _save(self, obj, check_pid=True):
        self._frame_boundary()
        if check_pid:
            pid = self.persistent_id(obj)
            if pid is not None:
                self._save_pid(pid)
                return
        if type(obj) is str and obj.isidentifier():
            # CPython interns names (attributes, keywords, identifier-like
            # constants): one object, so its second use is a memo get.
            obj = self._names.setdefault((2, obj), obj)
        if self._recall(obj):
            return
        if obj is _codecs_encode:
            # Protocols 0-2 write bytes as _codecs.encode(str, 'latin1').
            self._emit(GLOBAL + b'_codecs\nencode\n')
            self._remember(obj)
            return
        writer = _WRITERS.get(type(obj))
        if writer is not None:
            writer(self, obj)
        else:
            self._save_reduced(obj)

    def _save_reduced(self, obj):
        cls = type(obj)
        override = getattr(self, "reducer_override", None)
        rv = NotImplemented if override is None else override(obj)
        if rv is NotImplemented:
            late = _LATE_WRITERS.get(cls)
            if late is not None:
                late(self, obj)
                return
            table = getattr(self, "dispatch_table", None)
            if table is None:
                table = copyreg.dispatch_table
            reducer = table.get(cls)
            if reducer is not None:
                rv = reducer(obj)
            elif isinstance(obj, type) or (
                    cls.__name__ in ("function", "builtin_function_or_method")
                    and not _is_bound_method(obj)):
                self._save_global(obj)
                return
            else:
                rv = self._reduction(obj, cls)
        if isinstance(rv, str):
            self._save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple, not %s" % _type_name(rv))
        if len(rv) < 2 or len(rv) > 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self._save_reduce(*rv, obj=obj)

    def _reduction(self, obj, cls):
        if cls.__module__ == "array" and cls.__name__ == "array":
            # Its own __reduce_ex__, written in Go, depends on the protocol.
            return obj.__reduce_ex__(self.proto)
        own = _lib_reducer(cls)
        if own is not None:
            rv = own(obj)
            if rv is not None:
                return rv
        for attr in ("__reduce_ex__", "__reduce__"):
            method = getattr(cls, attr, None)
            if method is not None and getattr(method, "__module__", None) != "builtins":
                if attr == "__reduce_ex__":
                    return obj.__reduce_ex__(self.proto)
                return obj.__reduce__()
        if _is_bound_method(obj):
            return getattr, (obj.__self__, obj.__name__)
        return _reduce_object(obj, self.proto)

    def _save_pid(self, pid):
        if self.bin:
            self._save(pid, check_pid=False)
            self._emit(BINPERSID)
            return
        try:
            text = str(pid).encode("ascii")
        except UnicodeEncodeError:
            raise PicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
        self._emit(PERSID + text + b'\n')

    def _save_reduce(self, func, args, state=None, listitems=None,
                     dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple, not %s" % _type_name(args))
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable, not %s" % _type_name(func))
        how = getattr(func, "__name__", "") if self.proto >= 2 else ""
        if how == "__newobj_ex__":
            self._save_new_ex(obj, *args)
        elif how == "__newobj__":
            self._save_new(obj, args)
        else:
            self._save(func)
            self._save(args)
            self._emit(REDUCE)
        if obj is not None and not self._replace_with_memo(obj, POP):
            self._remember(obj)
        if listitems is not None:
            self._append_from(listitems)
        if dictitems is not None:
            self._setitems_from(dictitems)
        if state is None:
            return
        if state_setter is None:
            self._save(state)
            self._emit(BUILD)
        else:
            # state_setter(obj, state), its result dropped.
            self._save(state_setter)
            self._save(obj)
            self._save(state)
            self._emit(TUPLE2 + REDUCE + POP)

    def _check_new_class(self, cls, obj, how):
        if not hasattr(cls, "__new__"):
            raise PicklingError("first argument to %s() has no __new__" % how)
        if obj is not None and cls is not type(obj):
            raise PicklingError("first argument to %s() must be %r, not %r" % (how, type(obj), cls))

    def _save_new(self, obj, args):
        if not args:
            raise PicklingError("__newobj__ arglist is empty")
        self._check_new_class(args[0], obj, "__newobj__")
        self._save(args[0])
        self._save(args[1:])
        self._emit(NEWOBJ)

    def _save_new_ex(self, obj, cls, args, kwargs):
        self._check_new_class(cls, obj, "__newobj_ex__")
        if self.proto < 4:
            # No NEWOBJ_EX before protocol 4: CPython writes
            # partial(cls.__new__, cls, *args, **kwargs)() instead.
            import functools
            self._save(functools.partial(cls.__new__, cls, *args, **kwargs))
            self._save(())
            self._emit(REDUCE)
            return
        self._save(cls)
        self._save(args)
        self._save(kwargs)
        self._emit(NEWOBJ_EX)

    # Items of lists, dicts and sets, in batches.

    def _append_from(self, items):
        # Items from any iterable: a batch of one is a plain APPEND.
        if not self.bin:
            for item in items:
                self._save(item)
                self._emit(APPEND)
            return
        for batch in _batches(items):
            if len(batch) == 1:
                self._save(batch[0])
                self._emit(APPEND)
                continue
            self._emit(MARK)
            for item in batch:
                self._save(item)
            self._emit(APPENDS)

    def _setitems_from(self, pairs):
        if not self.bin:
            for key, value in pairs:
                self._save(key)
                self._save(value)
                self._emit(SETITEM)
            return
        for batch in _batches(pairs):
            if len(batch) > 1:
                self._emit(MARK)
            for key, value in batch:
                self._save(key)
                self._save(value)
            self._emit(SETITEM if len(batch) == 1 else SETITEMS)

    def _fill_list(self, lst):
        # An exact list's items: one item alone is an APPEND, any other
        # count goes in MARK ... APPENDS batches, the last however short.
        if not lst:
            return
        if not self.bin:
            self._append_from(lst)
            return
        if len(lst) == 1:
            self._save(lst[0])
            self._emit(APPEND)
            return
        done = 0
        while done < len(lst):
            self._emit(MARK)
            limit = done + _BATCHSIZE
            while done < len(lst) and done < limit:
                self._save(lst[done])
                done += 1
            self._emit(APPENDS)

    def _fill_batches(self, items, save_one, close):
        # MARK ... close in batches until one comes out short: a count
        # that is a multiple of the batch size ends with an empty batch,
        # as CPython's writes it for dicts and sets.
        while True:
            self._emit(MARK)
            count = 0
            for item in items:
                save_one(item)
                count += 1
                if count == _BATCHSIZE:
                    break
            self._emit(close)
            if count < _BATCHSIZE:
                return

    def _save_pair(self, pair):
        self._save(pair[0])
        self._save(pair[1])

    # The built-in types, by exact type (_WRITERS below).

    def _w_none(self, obj):
        self._emit(NONE)

    def _w_bool(self, obj):
        if self.proto < 2:
            self._emit(TRUE if obj else FALSE)
        else:
            self._emit(NEWTRUE if obj else NEWFALSE)

    def _w_int(self, n):
        fits32 = -0x80000000 <= n <= 0x7fffffff
        if self.bin and fits32:
            if 0 <= n < 0x100:
                self._emit(BININT1 + pack('<B', n))
            elif 0 <= n < 0x10000:
                self._emit(BININT2 + pack('<H', n))
            else:
                self._emit(BININT + pack('<i', n))
        elif self.proto >= 2:
            raw = encode_long(n)
            if len(raw) < 0x100:
                self._emit(LONG1 + pack('<B', len(raw)) + raw)
            else:
                self._emit(LONG4 + pack('<i', len(raw)) + raw)
        elif fits32:
            self._emit(b'I%d\n' % n)
        else:
            self._emit(b'L%dL\n' % n)

    def _w_float(self, x):
        if self.bin:
            self._emit(BINFLOAT + pack('>d', x))
        else:
            self._emit(FLOAT + repr(x).encode("ascii") + b'\n')

    def _w_bytes(self, b):
        if self.proto >= 3:
            self._emit_sized(b, SHORT_BINBYTES, BINBYTES, BINBYTES8)
            self._remember(b)
        elif b:
            self._save_reduce(_codecs_encode, (b.decode('latin1'), 'latin1'), obj=b)
        else:
            self._save_reduce(bytes, (), obj=b)

    def _w_bytearray(self, b):
        if self.proto >= 5:
            header = BYTEARRAY8 + pack('<Q', len(b))
            if len(b) < _FRAME_SIZE_TARGET:
                self._emit(header + bytes(b))
            else:
                self._emit_outside_frame(header, b)
            self._remember(b)
        else:
            self._save_reduce(bytearray, (bytes(b),) if b else (), obj=b)

    def _w_str(self, s):
        if self.bin:
            short = SHORT_BINUNICODE if self.proto >= 4 else None
            self._emit_sized(s.encode('utf-8', 'surrogatepass'), short, BINUNICODE, BINUNICODE8)
        else:
            self._emit(UNICODE + _text_escape(s) + b'\n')
        self._remember(s)

    def _w_tuple(self, t):
        n = len(t)
        if n == 0:
            self._emit(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        counted = self.proto >= 2 and n < 4
        if not counted:
            self._emit(MARK)
        for item in t:
            self._save(item)
        if counted:
            drop = POP * n
        elif self.bin:
            drop = POP_MARK
        else:
            drop = POP * (n + 1)
        if not self._replace_with_memo(t, drop):
            self._emit(_TUPLESIZE2CODE[n] if counted else TUPLE)
            self._remember(t)

    def _w_list(self, lst):
        self._emit(EMPTY_LIST if self.bin else MARK + LIST)
        self._remember(lst)
        self._fill_list(lst)

    def _w_dict(self, d):
        self._emit(EMPTY_DICT if self.bin else MARK + DICT)
        self._remember(d)
        if not d:
            return
        if not self.bin:
            self._setitems_from(d.items())
        elif len(d) == 1:
            self._save_pair(next(iter(d.items())))
            self._emit(SETITEM)
        else:
            self._fill_batches(iter(d.items()), self._save_pair, SETITEMS)

    def _w_set(self, s):
        if self.proto < 4:
            self._save_reduce(set, (list(s),), obj=s)
            return
        self._emit(EMPTY_SET)
        self._remember(s)
        if s:
            self._fill_batches(iter(s), self._save, ADDITEMS)

    def _w_frozenset(self, s):
        if self.proto < 4:
            self._save_reduce(frozenset, (list(s),), obj=s)
            return
        self._emit(MARK)
        for item in s:
            self._save(item)
        if not self._replace_with_memo(s, POP_MARK):
            self._emit(FROZENSET)
            self._remember(s)

    def _w_type(self, cls):
        rv = _reduce_type(cls)
        if rv is None:
            self._save_global(cls)
        else:
            self._save_reduce(*rv, obj=cls)

    def _w_singleton(self, obj):
        self._save_global(obj, "Ellipsis" if obj is ... else "NotImplemented", "builtins")

    # Globals: classes, functions, and what __reduce__ names by a string.

    def _save_name(self, kind, s):
        # One object per module name and per qualified name, as CPython's
        # are: the second use of a name is a memo reference.
        s = self._names.setdefault((kind, s), s)
        self._frame_boundary()
        if not self._recall(s):
            self._w_str(s)

    def _save_global(self, obj, name=None, module_name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        if module_name is None:
            module_name = _home_module(obj)
        try:
            found, holder = _resolve(_import(module_name), name)
        except (ImportError, KeyError, AttributeError):
            if "<locals>" in name.split("."):
                raise AttributeError("Can't get local object %r" % name) from None
            raise PicklingError("Can't pickle %r: it's not found as %s.%s" %
                                (obj, module_name, name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" %
                                (obj, module_name, name))
        if self.proto >= 2 and self._save_extension(module_name, name):
            return
        if self.proto >= 4:
            self._save_name(0, module_name)
            self._save_name(1, name)
            self._emit(STACK_GLOBAL)
        else:
            # Before protocol 4 GLOBAL names only a module's own attribute:
            # A.B.C is getattr(getattr(A, 'B'), 'C').
            first, *rest = name.split('.')
            for _ in rest:
                self._save(getattr)
                if self.proto < 2:
                    self._emit(MARK)
            self._emit_global_op(module_name, first)
            for attr in rest:
                self._save(attr)
                self._emit(TUPLE2 + REDUCE if self.proto >= 2 else TUPLE + REDUCE)
        self._remember(obj)

    def _save_extension(self, module_name, name):
        code = copyreg._extension_registry.get((module_name, name))
        if not code:
            return False
        if code < 0x100:
            self._emit(EXT1 + pack('<B', code))
        elif code < 0x10000:
            self._emit(EXT2 + pack('<H', code))
        else:
            self._emit(EXT4 + pack('<i', code))
        return True

    def _emit_global_op(self, module_name, name):
        encoding = "utf-8"
        if self.proto < 3:
            encoding = "ascii"
            if self.fix_imports:
                old = _NAME_TO_PY2.get((module_name, name))
                if old is None:
                    module_name = _MODULE_TO_PY2.get(module_name, module_name)
                else:
                    module_name, name = old
        try:
            line = module_name.encode(encoding) + b'\n' + name.encode(encoding) + b'\n'
        except UnicodeEncodeError:
            raise PicklingError("can't pickle global identifier '%s.%s' using pickle protocol %i" %
                                (module_name, name, self.proto)) from None
        self._emit(GLOBAL + line)


_WRITERS = {
    type(None): Pickler._w_none,
    bool: Pickler._w_bool,
    int: Pickler._w_int,
    float: Pickler._w_float,
    bytes: Pickler._w_bytes,
    bytearray: Pickler._w_bytearray,
    str: Pickler._w_str,
    tuple: Pickler._w_tuple,
    list: Pickler._w_list,
    dict: Pickler._w_dict,
    set: Pickler._w_set,
    frozenset: Pickler._w_frozenset,
}

# Written by type after a reducer_override has declined them, as CPython
# offers it classes and these singletons.
_LATE_WRITERS = {
    type: Pickler._w_type,
    type(...): Pickler._w_singleton,
    type(NotImplemented): Pickler._w_singleton,
}


def _batches(items):
    # The items in lists of _BATCHSIZE (the last one shorter, never empty),
    # as the pickler writes them between a MARK and APPENDS, SETITEMS or
    # ADDITEMS.
    batch = []
    for x in items:
        batch.append(x)
        if len(batch) == _BATCHSIZE:
            yield batch
            batch = []
    if batch:
        yield batch




# Reading.

class _Input:
    # The pickle's bytes: those held (a loads() argument, or a frame read
    # ahead) first, then the file's. A frame only says how much to read
    # ahead, as CPython's C unpickler takes it: an opcode may cross its end.
    def __init__(self, data=b'', read=None, readline=None):
        self._held = data
        self._at = 0
        self._read = read
        self._readline = readline

    def take(self, n):
        start = self._at
        end = start + n
        if end <= len(self._held):
            self._at = end
            return self._held[start:end]
        got = self._held[start:]
        self._held = b''
        self._at = 0
        if self._read is not None:
            got += self._read(n - len(got))
        return got

    def line(self):
        start = self._at
        nl = self._held.find(b'\n', start)
        if nl >= 0:
            self._at = nl + 1
            return self._held[start:nl + 1]
        got = self._held[start:]
        self._held = b''
        self._at = 0
        if self._readline is not None:
            got += self._readline()
        return got

    def read_ahead(self, n):
        have = len(self._held) - self._at
        if have < n and self._read is not None:
            self._held = self._held[self._at:] + self._read(n - have)
            self._at = 0
            have = len(self._held)
        if have < n:
            raise UnpicklingError("pickle data was truncated")


def _truncated():
    return UnpicklingError("pickle data was truncated")


def _c_long(text):
    # The value C's strtol(text, &end, 0) reads when it reads all of text:
    # an optional sign, then hex after 0x, octal after a leading 0, else
    # decimal. None when it does not.
    body = text.lstrip(" \t\n\v\f\r")
    sign = 1
    if body[:1] in ("+", "-"):
        sign = -1 if body[0] == "-" else 1
        body = body[1:]
    base = 10
    if body[:2] in ("0x", "0X") and len(body) > 2:
        base, body = 16, body[2:]
    elif body[:1] == "0" and len(body) > 1:
        base, body = 8, body[1:]
    digits = "0123456789abcdef"[:base]
    if not body or any(c.lower() not in digits for c in body):
        return None
    return sign * int(body, base)


def _float_prefix(text):
    # Whether some leading part of text reads as a float, as strtod would.
    for end in range(len(text), 0, -1):
        try:
            float(text[:end])
            return True
        except ValueError:
            pass
    return False


_BUILTIN_MODULES = ("builtins", "sys", "_codecs", "_collections", "_functools",
                    "_io", "_operator", "_thread", "_weakref", "atexit", "errno",
                    "gc", "itertools", "marshal", "posix", "pwd", "time", "_abc",
                    "_signal", "_sre", "_stat", "_string", "_warnings")


def _module_repr(name):
    if name == "__main__":
        f = _main_globals().get("__file__")
        if f is not None:
            return "<module '__main__' from %r>" % f
        return "<module '__main__'>"
    if name in _BUILTIN_MODULES:
        return "<module %r (built-in)>" % name
    return "<module %r>" % name


def _bare_new(cls):
    # cls.__new__(cls); minipy's object.__new__ takes only classes of
    # the program's, so object itself is made by calling it.
    if cls is object:
        return object()
    return cls.__new__(cls)


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        read = getattr(file, "read", None)
        readline = getattr(file, "readline", None)
        if read is None or readline is None:
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file = read, readline
        self._buffers = None if buffers is None or buffers == () else iter(buffers)
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = fix_imports
        self.proto = 0
        self.memo = {}

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, but no persistent_load function was specified.")

    def find_class(self, module, name):
        if self.fix_imports and self.proto < 3:
            new = _NAME_FROM_PY2.get((module, name))
            if new is None:
                module = _MODULE_FROM_PY2.get(module, module)
            else:
                module, name = new
        if module == "_codecs" and name == "encode":
            return _codecs_encode
        mod = _import(module)
        try:
            if self.proto < 4:
                return getattr(mod, name)
            return _resolve(mod, name)[0]
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %s" % (name, _module_repr(module))) from None

    def load(self):
        if getattr(self, "_file", None) is None:
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        return self._run(_Input(read=self._file[0], readline=self._file[1]))

    def _run(self, source):
        # The stack is one list; _marks holds where each open MARK began.
        self._in = source
        self._stack = []
        self._marks = []
        self.proto = 0
        ops = _OPS
        take = source.take
        while True:
            code = take(1)
            if not code:
                raise EOFError("Ran out of input")
            op = ops.get(code[0])
            if op is None:
                raise UnpicklingError(_bad_key(code[0]))
            if op is _stop:
                return self._pop()
            op(self)

    # Input.

    def _bytes(self, n):
        data = self._in.take(n)
        if len(data) != n:
            raise _truncated()
        return data

    def _uint(self, size, fmt):
        return unpack(fmt, self._bytes(size))[0]

    def _text_line(self):
        # A line's argument, its newline dropped; a missing newline is the
        # end of the data.
        data = self._in.line()
        if data[-1:] != b'\n':
            raise _truncated()
        return data[:-1]

    def _number_line(self):
        data = self._text_line()
        if not data:
            raise _truncated()
        return data

    # The stack.

    def _underflow(self):
        raise UnpicklingError("unexpected MARK found" if self._marks else "unpickling stack underflow")

    def _floor(self):
        return self._marks[-1] if self._marks else 0

    def _push(self, value):
        self._stack.append(value)

    def _pop(self):
        if len(self._stack) <= self._floor():
            self._underflow()
        return self._stack.pop()

    def _top(self):
        if len(self._stack) <= self._floor():
            self._underflow()
        return self._stack[-1]

    def _pop_many(self, n):
        start = len(self._stack) - n
        if start < self._floor():
            self._underflow()
        items = self._stack[start:]
        del self._stack[start:]
        return items

    def _pop_to_mark(self):
        if not self._marks:
            raise UnpicklingError("could not find MARK")
        start = self._marks.pop()
        items = self._stack[start:]
        del self._stack[start:]
        return items

    def _marked_target(self):
        # The items above the last MARK, and the object under it they go
        # into (APPENDS, SETITEMS, ADDITEMS).
        items = self._pop_to_mark()
        if len(self._stack) <= self._floor():
            self._underflow()
        return self._stack[-1], items

    # The memo.

    def _memo_get(self, index):
        try:
            value = self.memo[index]
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % index) from None
        self._push(value)

    def _memo_put(self, index):
        self.memo[index] = self._top()

    # Building objects.

    def _decode_string(self, raw):
        if self.encoding == "bytes":
            return raw
        return raw.decode(self.encoding, self.errors)

    def _extend(self, target, items):
        if type(target) is list:
            target.extend(items)
            return
        extend = getattr(target, "extend", None)
        if extend is not None:
            extend(items)
            return
        add = target.append
        for item in items:
            add(item)

    def _new_instance(self, cls, args):
        # INST and OBJ: cls(*args), or cls.__new__(cls) when there are no
        # arguments and the class does not ask for __getinitargs__.
        if not args and isinstance(cls, type) and not hasattr(cls, "__getinitargs__"):
            return _bare_new(cls)
        return cls(*args)

    def _new_object(self, what, cls, args, kwargs=None):
        if not isinstance(cls, type):
            raise UnpicklingError("%s class argument must be a type, not %s" % (what, _type_name(cls)))
        if not isinstance(args, tuple):
            raise UnpicklingError("%s args argument must be a tuple, not %s" % (what, _type_name(args)))
        if kwargs is not None and not isinstance(kwargs, dict):
            raise UnpicklingError("NEWOBJ_EX kwargs argument must be a dict, not %s" % _type_name(kwargs))
        if not args and not kwargs:
            return _bare_new(cls)
        return cls.__new__(cls, *args, **(kwargs or {}))

    def _apply_state(self, inst, state):
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slots = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slots = state
        if state is not None:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            namespace = inst.__dict__
            for key, value in state.items():
                namespace[sys.intern(key) if type(key) is str else key] = value
        if slots is not None:
            if not isinstance(slots, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for key, value in slots.items():
                setattr(inst, key, value)

    def _extension(self, code):
        if code <= 0:
            raise UnpicklingError("EXT specifies code <= 0")
        cache = copyreg._extension_cache
        if code in cache:
            self._push(cache[code])
            return
        key = copyreg._inverted_registry.get(code)
        if key is None:
            raise ValueError("unregistered extension code %d" % code)
        value = self.find_class(*key)
        cache[code] = value
        self._push(value)


def _bad_key(c):
    if 0x20 <= c < 0x7f and c not in (0x27, 0x5c):
        return "invalid load key, '%s'." % chr(c)
    return "invalid load key, '\\x%02x'." % c


# The opcodes' actions, one function each, found by opcode byte in _OPS.

def _stop(u):
    pass


def _mark(u):
    u._marks.append(len(u._stack))


def _pop(u):
    # POP takes the open MARK away when nothing was pushed after it.
    if u._marks and u._marks[-1] == len(u._stack):
        u._marks.pop()
    else:
        u._pop()


def _pop_mark(u):
    u._pop_to_mark()


def _dup(u):
    u._push(u._top())


def _proto(u):
    version = u._bytes(1)[0]
    if version > HIGHEST_PROTOCOL:
        raise ValueError("unsupported pickle protocol: %d" % version)
    u.proto = version


def _frame(u):
    size = u._uint(8, '<Q')
    if size > sys.maxsize:
        raise ValueError("frame size > sys.maxsize: %d" % size)
    u._in.read_ahead(size)


def _persid(u):
    try:
        pid = u._text_line().decode("ascii")
    except UnicodeDecodeError:
        raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
    u._push(u.persistent_load(pid))


def _binpersid(u):
    u._push(u.persistent_load(u._pop()))


def _none(u):
    u._push(None)


def _newtrue(u):
    u._push(True)


def _newfalse(u):
    u._push(False)


def _int(u):
    line = u._number_line()
    if line in (b'00', b'01'):
        u._push(line == b'01')
        return
    text = line.decode("latin-1")
    value = _c_long(text)
    if value is None:
        try:
            value = int(text, 0)
        except ValueError:
            raise ValueError("could not convert string to int") from None
    u._push(value)


def _binint(u):
    u._push(u._uint(4, '<i'))


def _binint1(u):
    u._push(u._bytes(1)[0])


def _binint2(u):
    u._push(u._uint(2, '<H'))


def _long(u):
    text = u._number_line()
    if text.endswith(b'L'):
        text = text[:-1]
    u._push(int(text, 0))


def _long1(u):
    u._push(decode_long(u._bytes(u._bytes(1)[0])))


def _long4(u):
    size = u._uint(4, '<i')
    if size < 0:
        raise UnpicklingError("LONG pickle has negative byte count")
    u._push(decode_long(u._bytes(size)))


def _float(u):
    text = u._number_line().decode("latin-1")
    try:
        u._push(float(text))
    except ValueError:
        if _float_prefix(text):
            raise ValueError("could not convert string to float") from None
        raise ValueError("could not convert string to float: '%s\n'" % text) from None


def _binfloat(u):
    u._push(u._uint(8, '>d'))


def _string(u):
    text = u._text_line()
    quote = text[:1]
    if len(text) < 2 or quote not in (b'"', b"'") or text[-1:] != quote:
        raise UnpicklingError("the STRING opcode argument must be quoted")
    u._push(u._decode_string(_unescape_bytes(text[1:-1])))


def _binstring(u):
    u._push(u._decode_string(u._bytes(u._uint(4, '<I'))))


def _short_binstring(u):
    u._push(u._decode_string(u._bytes(u._bytes(1)[0])))


def _binbytes(u):
    u._push(u._bytes(u._uint(4, '<I')))


def _short_binbytes(u):
    u._push(u._bytes(u._bytes(1)[0]))


def _binbytes8(u):
    u._push(u._bytes(u._uint(8, '<Q')))


def _bytearray8(u):
    u._push(bytearray(u._bytes(u._uint(8, '<Q'))))


def _next_buffer(u):
    if u._buffers is None:
        raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* argument was given")
    for buf in u._buffers:
        u._push(buf)
        return
    raise UnpicklingError("not enough out-of-band buffers")


def _readonly_buffer(u):
    pass


def _unicode(u):
    u._push(_raw_unicode_unescape(u._text_line()))


def _utf8(u, size):
    u._push(str(u._bytes(size), 'utf-8', 'surrogatepass'))


def _binunicode(u):
    _utf8(u, u._uint(4, '<I'))


def _binunicode8(u):
    _utf8(u, u._uint(8, '<Q'))


def _short_binunicode(u):
    _utf8(u, u._bytes(1)[0])


def _tuple(u):
    u._push(tuple(u._pop_to_mark()))


def _empty_tuple(u):
    u._push(())


def _tuple1(u):
    u._push(tuple(u._pop_many(1)))


def _tuple2(u):
    u._push(tuple(u._pop_many(2)))


def _tuple3(u):
    u._push(tuple(u._pop_many(3)))


def _empty_list(u):
    u._push([])


def _empty_dict(u):
    u._push({})


def _empty_set(u):
    u._push(set())


def _frozenset(u):
    u._push(frozenset(u._pop_to_mark()))


def _list(u):
    u._push(u._pop_to_mark())


def _dict(u):
    items = u._pop_to_mark()
    if len(items) % 2:
        raise UnpicklingError("odd number of items for DICT")
    d = {}
    for i in range(0, len(items), 2):
        d[items[i]] = items[i + 1]
    u._push(d)


def _inst(u):
    module = u._text_line().decode("ascii")
    name = u._text_line().decode("ascii")
    cls = u.find_class(module, name)
    u._push(u._new_instance(cls, tuple(u._pop_to_mark())))


def _obj(u):
    items = u._pop_to_mark()
    if not items:
        u._underflow()
    u._push(u._new_instance(items[0], tuple(items[1:])))


def _newobj(u):
    args = u._pop()
    cls = u._pop()
    u._push(u._new_object("NEWOBJ", cls, args))


def _newobj_ex(u):
    kwargs = u._pop()
    args = u._pop()
    cls = u._pop()
    u._push(u._new_object("NEWOBJ_EX", cls, args, kwargs))


def _global(u):
    module = u._text_line().decode("utf-8")
    name = u._text_line().decode("utf-8")
    u._push(u.find_class(module, name))


def _stack_global(u):
    name = u._pop()
    module = u._pop()
    if type(name) is not str or type(module) is not str:
        raise UnpicklingError("STACK_GLOBAL requires str")
    u._push(u.find_class(module, name))


def _ext1(u):
    u._extension(u._bytes(1)[0])


def _ext2(u):
    u._extension(u._uint(2, '<H'))


def _ext4(u):
    u._extension(u._uint(4, '<i'))


def _reduce(u):
    args = u._pop()
    func = u._pop()
    if not isinstance(args, tuple):
        raise TypeError("argument list must be a tuple")
    u._push(func(*args))


def _get(u):
    u._memo_get(int(u._number_line()))


def _binget(u):
    u._memo_get(u._bytes(1)[0])


def _long_binget(u):
    u._memo_get(u._uint(4, '<I'))


def _put(u):
    line = u._number_line()
    u._top()
    index = int(line)
    if index < 0:
        raise ValueError("negative PUT argument")
    u._memo_put(index)


def _binput(u):
    u._memo_put(u._bytes(1)[0])


def _long_binput(u):
    u._memo_put(u._uint(4, '<I'))


def _memoize(u):
    u._memo_put(len(u.memo))


def _append(u):
    value = u._pop()
    u._extend(u._top(), [value])


def _appends(u):
    target, items = u._marked_target()
    if items:
        u._extend(target, items)


def _setitem(u):
    value = u._pop()
    key = u._pop()
    u._top()[key] = value


def _setitems(u):
    target, items = u._marked_target()
    if len(items) % 2:
        raise UnpicklingError("odd number of items for SETITEMS")
    for i in range(0, len(items), 2):
        target[items[i]] = items[i + 1]


def _additems(u):
    target, items = u._marked_target()
    if not items:
        return
    if isinstance(target, set):
        target.update(items)
        return
    add = target.add
    for item in items:
        add(item)


def _build(u):
    state = u._pop()
    inst = u._top()
    if _is_plain_partial(inst):
        _set_partial_state(u, inst, state)
    else:
        u._apply_state(inst, state)


def _is_plain_partial(obj):
    cls = type(obj)
    return (cls.__name__ == "partial" and cls.__module__ == "functools"
            and getattr(obj, "__setstate__", None) is None)


def _set_partial_state(u, old, state):
    # partial.__setstate__: minipy's partials cannot change once made, so
    # the one REDUCE made from the function alone is replaced, on the
    # stack and in the memo, by one made with the whole state.
    import functools
    if not isinstance(state, tuple) or len(state) != 4:
        raise TypeError("invalid partial state")
    func, args, kwargs, namespace = state
    if (not callable(func) or not isinstance(args, tuple)
            or (kwargs is not None and not isinstance(kwargs, dict))):
        raise TypeError("invalid partial state")
    new = functools.partial(func, *args, **(kwargs or {}))
    if namespace:
        for key, value in namespace.items():
            setattr(new, key, value)
    u._stack[-1] = new
    for key, value in list(u.memo.items()):
        if value is old:
            u.memo[key] = new


def _unescape_bytes(data):
    # STRING's argument between its quotes: Python's escapes in bytes.
    out = bytearray()
    i = 0
    n = len(data)
    simple = {0x6e: 10, 0x74: 9, 0x72: 13, 0x5c: 92, 0x27: 39, 0x22: 34,
              0x61: 7, 0x62: 8, 0x66: 12, 0x76: 11, 0x30: 0}
    while i < n:
        c = data[i]
        if c == 0x5c and i + 1 < n:
            d = data[i + 1]
            if d == 0x78 and i + 3 < n:
                out.append(int(data[i + 2:i + 4], 16))
                i += 4
                continue
            if d in simple:
                out.append(simple[d])
                i += 2
                continue
        out.append(c)
        i += 1
    return bytes(out)


_OPS = {}
for _code, _fn in ((MARK, _mark), (STOP, _stop), (POP, _pop), (POP_MARK, _pop_mark),
                   (DUP, _dup), (FLOAT, _float), (INT, _int), (BININT, _binint),
                   (BININT1, _binint1), (LONG, _long), (BININT2, _binint2), (NONE, _none),
                   (PERSID, _persid), (BINPERSID, _binpersid), (REDUCE, _reduce),
                   (STRING, _string), (BINSTRING, _binstring),
                   (SHORT_BINSTRING, _short_binstring), (UNICODE, _unicode),
                   (BINUNICODE, _binunicode), (APPEND, _append), (BUILD, _build),
                   (GLOBAL, _global), (DICT, _dict), (EMPTY_DICT, _empty_dict),
                   (APPENDS, _appends), (GET, _get), (BINGET, _binget), (INST, _inst),
                   (LONG_BINGET, _long_binget), (LIST, _list), (EMPTY_LIST, _empty_list),
                   (OBJ, _obj), (PUT, _put), (BINPUT, _binput), (LONG_BINPUT, _long_binput),
                   (SETITEM, _setitem), (TUPLE, _tuple), (EMPTY_TUPLE, _empty_tuple),
                   (SETITEMS, _setitems), (BINFLOAT, _binfloat), (PROTO, _proto),
                   (NEWOBJ, _newobj), (EXT1, _ext1), (EXT2, _ext2), (EXT4, _ext4),
                   (TUPLE1, _tuple1), (TUPLE2, _tuple2), (TUPLE3, _tuple3),
                   (NEWTRUE, _newtrue), (NEWFALSE, _newfalse), (LONG1, _long1),
                   (LONG4, _long4), (BINBYTES, _binbytes), (SHORT_BINBYTES, _short_binbytes),
                   (SHORT_BINUNICODE, _short_binunicode), (BINUNICODE8, _binunicode8),
                   (BINBYTES8, _binbytes8), (EMPTY_SET, _empty_set), (ADDITEMS, _additems),
                   (FROZENSET, _frozenset), (NEWOBJ_EX, _newobj_ex),
                   (STACK_GLOBAL, _stack_global), (MEMOIZE, _memoize), (FRAME, _frame),
                   (BYTEARRAY8, _bytearray8), (NEXT_BUFFER, _next_buffer),
                   (READONLY_BUFFER, _readonly_buffer)):
    _OPS[_code[0]] = _fn


class _NoFile:
    # What loads() reads past its data: nothing.
    def read(self, n):
        return b''

    def readline(self):
        return b''


_NO_FILE = _NoFile()


class _Collect:
    def __init__(self):
        self.parts = []

    def write(self, b):
        self.parts.append(b)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    out = _Collect()
    Pickler(out, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)
    return b"".join(out.parts)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    u = Unpickler(_NO_FILE, fix_imports=fix_imports, buffers=buffers,
                  encoding=encoding, errors=errors)
    return u._run(_Input(bytes(data)))


_Pickler = Pickler
_Unpickler = Unpickler
_dump = dump
_dumps = dumps
_load = load
_loads = loads
