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




class _Stop(Exception):
    def __init__(self, value):
        self.value = value


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

_MODULE_FROM_PY2 = {v: k for k, v in _MODULE_TO_PY2.items()}
_MODULE_FROM_PY2["exceptions"] = "builtins"
_MODULE_FROM_PY2["cPickle"] = "pickle"
_NAME_FROM_PY2 = {}
for _k, _v in _NAME_TO_PY2.items():
    if _v not in _NAME_FROM_PY2 and _v[1] != "OSError":
        _NAME_FROM_PY2[_v] = _k
_NAME_FROM_PY2[("__builtin__", "basestring")] = ("builtins", "str")
_NAME_FROM_PY2[("exceptions", "StandardError")] = ("builtins", "Exception")
_NAME_FROM_PY2[("UserDict", "UserDict")] = ("collections", "UserDict")


def encode_long(x):
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    return int.from_bytes(data, byteorder='little', signed=True)


class _CodecsEncode:
    # codecs.encode as protocols 0-2 name it for bytes: _codecs.encode.
    __module__ = "_codecs"
    __qualname__ = "encode"

    def __call__(self, s, encoding="utf-8", errors="strict"):
        return s.encode(encoding, errors)


_codecs_encode = _CodecsEncode()


def _raw_unicode_escape(s):
    out = bytearray()
    for ch in s:
        c = ord(ch)
        if c < 256:
            out.append(c)
        elif c < 0x10000:
            out += b'\\u%04x' % c
        else:
            out += b'\\U%08x' % c
    return bytes(out)


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


def _getattribute(obj, name):
    for sub in name.split('.'):
        if sub == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, obj))
        parent = obj
        obj = getattr(obj, sub)
    return obj, parent


def _module_of(obj, name):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    return '__main__'


_BUILTIN_SINGLETONS = {}


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


class _Framer:
    def __init__(self, write):
        self.file_write = write
        self.current_frame = None

    def start_framing(self):
        self.current_frame = bytearray()

    def end_framing(self):
        if self.current_frame is not None and len(self.current_frame) > 0:
            self.commit_frame(force=True)
            self.current_frame = None

    def commit_frame(self, force=False):
        f = self.current_frame
        if f is None:
            return
        if len(f) >= _FRAME_SIZE_TARGET or force:
            data = bytes(f)
            if len(data) >= _FRAME_SIZE_MIN:
                self.file_write(FRAME + pack("<Q", len(data)))
            self.file_write(data)
            self.current_frame = bytearray()

    def write(self, data):
        if self.current_frame is not None:
            self.current_frame += data
        else:
            self.file_write(data)

    def write_large_bytes(self, header, payload):
        # A payload past the frame size goes outside any frame.
        if self.current_frame is not None:
            self.commit_frame(force=True)
            self.file_write(header)
            self.file_write(bytes(payload))
        else:
            self.file_write(header + bytes(payload))


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self._buffer_callback = buffer_callback
        self.framer = _Framer(self._file_write)
        self.write = self.framer.write
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self._names = {}

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        if self.proto >= 2:
            self.write(PROTO + pack("<B", self.proto))
        if self.proto >= 4:
            self.framer.start_framing()
        self.save(obj)
        self.write(STOP)
        self.framer.end_framing()

    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        self.write(self.put(idx))
        self.memo[id(obj)] = idx, obj

    def put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if idx < 256:
                return BINPUT + pack("<B", idx)
            return LONG_BINPUT + pack("<I", idx)
        return PUT + repr(idx).encode("ascii") + b'\n'

    def get(self, i):
        if self.bin:
            if i < 256:
                return BINGET + pack("<B", i)
            return LONG_BINGET + pack("<I", i)
        return GET + repr(i).encode("ascii") + b'\n'

    def persistent_id(self, obj):
        return None

    def _save_name(self, kind, s):
        # One object per module name and per qualified name, as CPython's
        # are: the second use of a name is a memo reference.
        s = self._names.setdefault((kind, s), s)
        self.framer.commit_frame()
        x = self.memo.get(id(s))
        if x is not None:
            self.write(self.get(x[0]))
        else:
            self.save_str(s)

    def save(self, obj, save_persistent_id=True):
        self.framer.commit_frame()
        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        if type(obj) is str and obj.isidentifier():
            # CPython interns names (attributes, keywords, identifier-like
            # constants): one object, so its second use is a memo get.
            obj = self._names.setdefault((2, obj), obj)
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        if obj is _codecs_encode:
            # Protocols 0-2 write bytes as _codecs.encode(str, 'latin1').
            self.write(GLOBAL + b'_codecs\nencode\n')
            self.memoize(obj)
            return
        t = type(obj)
        f = _DISPATCH.get(t)
        if f is not None:
            f(self, obj)
            return
        reduce = None
        table = getattr(self, "dispatch_table", None)
        if table is None:
            table = copyreg.dispatch_table
        reduce = table.get(t)
        if reduce is not None:
            rv = reduce(obj)
        else:
            if isinstance(obj, type):
                self.save_global(obj)
                return
            if t.__name__ in ("function", "builtin_function_or_method") and not _is_bound_method(obj):
                self.save_global(obj)
                return
            rv = self._reduce(obj, t)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple, not %s" % _type_name(rv))
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def _reduce(self, obj, t):
        lib = _lib_reducer(t)
        if lib is not None:
            rv = lib(obj)
            if rv is not None:
                return rv
        rx = getattr(t, "__reduce_ex__", None)
        if rx is not None and getattr(rx, "__module__", None) != "builtins":
            return obj.__reduce_ex__(self.proto)
        r = getattr(t, "__reduce__", None)
        if r is not None and getattr(r, "__module__", None) != "builtins":
            return obj.__reduce__()
        if _is_bound_method(obj):
            return getattr, (obj.__self__, obj.__name__)
        return _reduce_object(obj, self.proto)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                self.write(PERSID + str(pid).encode("ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")

    def save_reduce(self, func, args, state=None, listitems=None,
                    dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple, not %s" % _type_name(args))
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable, not %s" % _type_name(func))
        save = self.save
        write = self.write
        func_name = getattr(func, "__name__", "")
        if self.proto >= 2 and func_name == "__newobj_ex__":
            cls, args, kwargs = args
            if not hasattr(cls, "__new__"):
                raise PicklingError("first argument to __newobj_ex__() has no __new__")
            if obj is not None and cls is not type(obj):
                raise PicklingError("first argument to __newobj_ex__() must be %r, not %r" % (type(obj), cls))
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                func = _partial_new(cls, args, kwargs)
                save(func)
                save(())
                write(REDUCE)
        elif self.proto >= 2 and func_name == "__newobj__":
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("first argument to __newobj__() has no __new__")
            if obj is not None and cls is not type(obj):
                raise PicklingError("first argument to __newobj__() must be %r, not %r" % (type(obj), cls))
            args = args[1:]
            save(cls)
            save(args)
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # The built-in types, by exact type (_DISPATCH below).

    def save_none(self, obj):
        self.write(NONE)

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(TRUE if obj else FALSE)

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self.write(BININT1 + pack("<B", obj))
                    return
                if obj <= 0xffff:
                    self.write(BININT2 + pack("<H", obj))
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(BININT + pack("<i", obj))
                return
        if self.proto >= 2:
            encoded = encode_long(obj)
            n = len(encoded)
            if n < 256:
                self.write(LONG1 + pack("<B", n) + encoded)
            else:
                self.write(LONG4 + pack("<i", n) + encoded)
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + repr(obj).encode("ascii") + b'\n')
        else:
            self.write(LONG + repr(obj).encode("ascii") + b'L\n')

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + pack('>d', obj))
        else:
            self.write(FLOAT + repr(obj).encode("ascii") + b'\n')

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + pack("<B", n) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self.framer.write_large_bytes(BINBYTES8 + pack("<Q", n), obj)
        elif n >= _FRAME_SIZE_TARGET:
            self.framer.write_large_bytes(BINBYTES + pack("<I", n), obj)
        else:
            self.write(BINBYTES + pack("<I", n) + obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        if n >= _FRAME_SIZE_TARGET:
            self.framer.write_large_bytes(BYTEARRAY8 + pack("<Q", n), obj)
        else:
            self.write(BYTEARRAY8 + pack("<Q", n) + bytes(obj))
        self.memoize(obj)

    def save_str(self, obj):
        if self.bin:
            encoded = obj.encode('utf-8', 'surrogatepass')
            n = len(encoded)
            if n <= 0xff and self.proto >= 4:
                self.write(SHORT_BINUNICODE + pack("<B", n) + encoded)
            elif n > 0xffffffff and self.proto >= 4:
                self.framer.write_large_bytes(BINUNICODE8 + pack("<Q", n), encoded)
            elif n >= _FRAME_SIZE_TARGET:
                self.framer.write_large_bytes(BINUNICODE + pack("<I", n), encoded)
            else:
                self.write(BINUNICODE + pack("<I", n) + encoded)
        else:
            tmp = obj.replace("\\", "\\u005c").replace("\0", "\\u0000")
            tmp = tmp.replace("\n", "\\u000a").replace("\r", "\\u000d")
            tmp = tmp.replace("\x1a", "\\u001a")
            self.write(UNICODE + _raw_unicode_escape(tmp) + b'\n')
        self.memoize(obj)

    def save_tuple(self, obj):
        if not obj:
            if self.bin:
                self.write(EMPTY_TUPLE)
            else:
                self.write(MARK + TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            if id(obj) in memo:
                get = self.get(memo[id(obj)][0])
                self.write(POP * n + get)
            else:
                self.write(_TUPLESIZE2CODE[n])
                self.memoize(obj)
            return
        write = self.write
        write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            get = self.get(memo[id(obj)][0])
            if self.bin:
                write(POP_MARK + get)
            else:
                write(POP * (n + 1) + get)
            return
        write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        if self.bin:
            self.write(EMPTY_LIST)
        else:
            self.write(MARK + LIST)
        self.memoize(obj)
        self._batch_appends(obj)

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        for batch in _batches(items):
            if len(batch) > 1:
                write(MARK)
                for x in batch:
                    save(x)
                write(APPENDS)
            else:
                save(batch[0])
                write(APPEND)

    def save_dict(self, obj):
        if self.bin:
            self.write(EMPTY_DICT)
        else:
            self.write(MARK + DICT)
        self.memoize(obj)
        self._batch_setitems(iter(obj.items()))

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                write(SETITEM)
            return
        for batch in _batches(items):
            if len(batch) > 1:
                write(MARK)
                for k, v in batch:
                    save(k)
                    save(v)
                write(SETITEMS)
            else:
                k, v = batch[0]
                save(k)
                save(v)
                write(SETITEM)

    def save_set(self, obj):
        save = self.save
        write = self.write
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        write(EMPTY_SET)
        self.memoize(obj)
        for batch in _batches(obj):
            write(MARK)
            for item in batch:
                save(item)
            write(ADDITEMS)

    def save_frozenset(self, obj):
        save = self.save
        write = self.write
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        write(MARK)
        for item in obj:
            save(item)
        if id(obj) in self.memo:
            write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        write(FROZENSET)
        self.memoize(obj)

    def save_global(self, obj, name=None, module_name=None):
        write = self.write
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        if module_name is None:
            module_name = _module_of(obj, name)
        try:
            module = _import(module_name)
            obj2, parent = _getattribute(module, name)
        except (ImportError, KeyError, AttributeError):
            if "<locals>" in name.split("."):
                raise AttributeError("Can't get local object %r" % name) from None
            raise PicklingError("Can't pickle %r: it's not found as %s.%s" %
                                (obj, module_name, name)) from None
        if obj2 is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" %
                                (obj, module_name, name))
        if self.proto >= 2:
            code = copyreg._extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    write(EXT1 + pack("<B", code))
                elif code <= 0xffff:
                    write(EXT2 + pack("<H", code))
                else:
                    write(EXT4 + pack("<i", code))
                return
        lastname = name.rpartition('.')[2]
        if parent is module:
            name = lastname
        if self.proto >= 4:
            self._save_name(0, module_name)
            self._save_name(1, name)
            write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        elif self.proto >= 3:
            write(GLOBAL + module_name.encode("utf-8") + b'\n' +
                  name.encode("utf-8") + b'\n')
        else:
            if self.fix_imports:
                r = _NAME_TO_PY2.get((module_name, name))
                if r is not None:
                    module_name, name = r
                else:
                    module_name = _MODULE_TO_PY2.get(module_name, module_name)
            try:
                write(GLOBAL + module_name.encode("ascii") + b'\n' +
                      name.encode("ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using pickle protocol %i" %
                                    (module_name, name, self.proto)) from None
        self.memoize(obj)

    def save_type(self, obj):
        rv = _reduce_type(obj)
        if rv is not None:
            self.save_reduce(*rv, obj=obj)
            return
        self.save_global(obj)

    def save_singleton(self, obj):
        name = "Ellipsis" if obj is ... else "NotImplemented"
        self.save_global(obj, name, "builtins")


def _save_global_named(name):
    def save(self, obj):
        self.save_global(obj, name)
    return save


_DISPATCH = {
    type(None): Pickler.save_none,
    bool: Pickler.save_bool,
    int: Pickler.save_long,
    float: Pickler.save_float,
    bytes: Pickler.save_bytes,
    bytearray: Pickler.save_bytearray,
    str: Pickler.save_str,
    tuple: Pickler.save_tuple,
    list: Pickler.save_list,
    dict: Pickler.save_dict,
    set: Pickler.save_set,
    frozenset: Pickler.save_frozenset,
    type: Pickler.save_type,
    type(...): Pickler.save_singleton,
    type(NotImplemented): Pickler.save_singleton,
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


class _partial_new:
    def __init__(self, cls, args, kwargs):
        self.cls, self.args, self.kwargs = cls, args, kwargs

    def __call__(self):
        return self.cls.__new__(self.cls, *self.args, **self.kwargs)


# Unpickling.

class _Unframer:
    def __init__(self, file_read, file_readline):
        self.file_read = file_read
        self.file_readline = file_readline
        self.frame = None
        self.pos = 0

    def read(self, n):
        f = self.frame
        if f is not None:
            data = f[self.pos:self.pos + n]
            if len(data) < n:
                if not data and self.pos == len(f):
                    self.frame = None
                    return self.file_read(n)
                raise UnpicklingError("pickle exhausted before end of frame")
            self.pos += n
            return data
        return self.file_read(n)

    def readline(self):
        f = self.frame
        if f is not None:
            i = f.find(b'\n', self.pos)
            if i < 0:
                if self.pos == len(f):
                    self.frame = None
                    return self.file_readline()
                raise UnpicklingError("pickle exhausted before end of frame")
            data = f[self.pos:i + 1]
            self.pos = i + 1
            return data
        return self.file_readline()

    def load_frame(self, frame_size):
        if self.frame is not None and self.pos != len(self.frame):
            raise UnpicklingError("beginning of a new frame before end of current frame")
        data = self.file_read(frame_size)
        if len(data) < frame_size:
            raise UnpicklingError("pickle data was truncated")
        self.frame = data
        self.pos = 0


class _BytesReader:
    def __init__(self, data):
        self.data = bytes(data)
        self.pos = 0

    def read(self, n):
        data = self.data[self.pos:self.pos + n]
        self.pos += len(data)
        return data

    def readline(self):
        i = self.data.find(b'\n', self.pos)
        end = len(self.data) if i < 0 else i + 1
        data = self.data[self.pos:end]
        self.pos = end
        return data


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        try:
            self._file_read = file.read
            self._file_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes") from None
        self._buffers = iter(buffers) if buffers is not None else None
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        self._unframer = _Unframer(self._file_read, self._file_readline)
        self.read = self._unframer.read
        self.readline = self._unframer.readline
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        read = self.read
        dispatch = _LOAD
        try:
            while True:
                key = read(1)
                if not key:
                    raise EOFError("Ran out of input")
                f = dispatch.get(key[0])
                if f is None:
                    c = key[0]
                    if 0x20 <= c <= 0x7e and c != 0x27 and c != 0x5c:
                        raise UnpicklingError("invalid load key, '%s'." % chr(c))
                    raise UnpicklingError("invalid load key, '\\x%02x'." % c)
                f(self)
        except _Stop as stopinst:
            return stopinst.value

    def _read(self, n):
        data = self.read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def _readline(self):
        data = self.readline()
        if not data.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return data

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def _pop(self):
        if not self.stack:
            if self.metastack:
                raise UnpicklingError("unexpected MARK found")
            raise UnpicklingError("unpickling stack underflow")
        return self.stack.pop()

    def _top(self):
        if not self.stack:
            if self.metastack:
                raise UnpicklingError("unexpected MARK found")
            raise UnpicklingError("unpickling stack underflow")
        return self.stack[-1]

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, but no persistent_load function was specified.")

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            r = _NAME_FROM_PY2.get((module, name))
            if r is not None:
                module, name = r
            else:
                module = _MODULE_FROM_PY2.get(module, module)
        if module == "_codecs" and name == "encode":
            return _codecs_encode
        mod = _import(module)
        try:
            if self.proto >= 4:
                return _getattribute(mod, name)[0]
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %s" % (name, _module_repr(module))) from None

    # The opcodes.

    def load_proto(self):
        proto = self._read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def load_frame(self):
        frame_size, = unpack('<Q', self._read(8))
        if frame_size > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % frame_size)
        self._unframer.load_frame(frame_size)

    def load_persid(self):
        try:
            pid = self._readline()[:-1].decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings")
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        pid = self._pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self._readline()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            try:
                val = int(data, 0)
            except ValueError:
                raise ValueError("could not convert string to int") from None
        self.append(val)

    def load_binint(self):
        self.append(unpack('<i', self._read(4))[0])

    def load_binint1(self):
        self.append(self._read(1)[0])

    def load_binint2(self):
        self.append(unpack('<H', self._read(2))[0])

    def load_long(self):
        val = self._readline()[:-1]
        if val and val[-1] == b'L'[0]:
            val = val[:-1]
        self.append(int(val, 0))

    def load_long1(self):
        n = self._read(1)[0]
        self.append(decode_long(self._read(n)))

    def load_long4(self):
        n, = unpack('<i', self._read(4))
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(decode_long(self._read(n)))

    def load_float(self):
        self.append(float(self._readline()[:-1].decode("ascii")))

    def load_binfloat(self):
        self.append(unpack('>d', self._read(8))[0])

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self._readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_unescape_bytes(data)))

    def load_binstring(self):
        n, = unpack('<i', self._read(4))
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self._read(n)))

    def load_short_binstring(self):
        n = self._read(1)[0]
        self.append(self._decode_string(self._read(n)))

    def load_binbytes(self):
        n, = unpack('<I', self._read(4))
        self.append(self._read(n))

    def load_short_binbytes(self):
        n = self._read(1)[0]
        self.append(self._read(n))

    def load_binbytes8(self):
        n, = unpack('<Q', self._read(8))
        self.append(self._read(n))

    def load_bytearray8(self):
        n, = unpack('<Q', self._read(8))
        self.append(bytearray(self._read(n)))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers") from None
        self.append(buf)

    def load_readonly_buffer(self):
        pass

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self._readline()[:-1]))

    def load_binunicode(self):
        n, = unpack('<I', self._read(4))
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n, = unpack('<Q', self._read(8))
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self._read(1)[0]
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def load_tuple1(self):
        self.stack[-1:] = [(self._top(),)]

    def load_tuple2(self):
        if len(self.stack) < 2:
            self._underflow()
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]

    def load_tuple3(self):
        if len(self.stack) < 3:
            self._underflow()
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]

    def _underflow(self):
        if self.metastack:
            raise UnpicklingError("unexpected MARK found")
        raise UnpicklingError("unpickling stack underflow")

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for DICT")
        d = {items[i]: items[i + 1] for i in range(0, len(items), 2)}
        self.append(d)

    def _instantiate(self, klass, args):
        if (args or not isinstance(klass, type) or
                hasattr(klass, "__getinitargs__")):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" %
                                (klass.__name__, str(err))) from err
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self._readline()[:-1].decode("ascii")
        name = self._readline()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        if not args:
            raise UnpicklingError("could not find MARK")
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ class argument isn't a type object")
        if not isinstance(args, tuple):
            raise UnpicklingError("NEWOBJ expected an arg tuple.")
        self.append(cls.__new__(cls, *args))

    def load_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ_EX class argument must be a type, not %s" % _type_name(cls))
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_global(self):
        module = self._readline()[:-1].decode("utf-8")
        name = self._readline()[:-1].decode("utf-8")
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def load_ext1(self):
        self._get_extension(self._read(1)[0])

    def load_ext2(self):
        self._get_extension(unpack('<H', self._read(2))[0])

    def load_ext4(self):
        self._get_extension(unpack('<i', self._read(4))[0])

    def _get_extension(self, code):
        obj = copyreg._extension_cache.get(code, self)
        if obj is not self:
            self.append(obj)
            return
        key = copyreg._inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        copyreg._extension_cache[code] = obj
        self.append(obj)

    def load_reduce(self):
        args = self._pop()
        func = self._pop()
        if not isinstance(args, tuple):
            raise UnpicklingError("REDUCE args must be a tuple")
        self.append(func(*args))

    def load_pop(self):
        if self.stack:
            self.stack.pop()
        else:
            self.pop_mark()

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self._top())

    def load_get(self):
        i = int(self._readline()[:-1])
        self._memo_get(i)

    def load_binget(self):
        self._memo_get(self._read(1)[0])

    def load_long_binget(self):
        self._memo_get(unpack('<I', self._read(4))[0])

    def _memo_get(self, i):
        try:
            self.append(self.memo[i])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % i) from None

    def load_put(self):
        i = int(self._readline()[:-1])
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self._top()

    def load_binput(self):
        self.memo[self._read(1)[0]] = self._top()

    def load_long_binput(self):
        i, = unpack('<I', self._read(4))
        if i > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self.memo[i] = self._top()

    def load_memoize(self):
        self.memo[len(self.memo)] = self._top()

    def load_append(self):
        value = self._pop()
        lst = self._top()
        if isinstance(lst, list):
            lst.append(value)
        else:
            lst.append(value)

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self._top()
        if isinstance(list_obj, list):
            list_obj.extend(items)
            return
        try:
            extend = list_obj.extend
        except AttributeError:
            for item in items:
                list_obj.append(item)
            return
        extend(items)

    def load_setitem(self):
        value = self._pop()
        key = self._pop()
        d = self._top()
        d[key] = value

    def load_setitems(self):
        items = self.pop_mark()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for SETITEMS")
        d = self._top()
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self._top()
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            for item in items:
                set_obj.add(item)

    def load_build(self):
        state = self._pop()
        inst = self._top()
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    inst_dict[sys.intern(k)] = v
                else:
                    inst_dict[k] = v
        if slotstate:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        value = self._pop()
        raise _Stop(value)


def _module_repr(name):
    if name == "__main__":
        f = _main_globals().get("__file__")
        if f is not None:
            return "<module '__main__' from %r>" % f
        return "<module '__main__'>"
    return "<module %r>" % name


def _unescape_bytes(data):
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


_LOAD = {
    MARK[0]: Unpickler.load_mark,
    STOP[0]: Unpickler.load_stop,
    POP[0]: Unpickler.load_pop,
    POP_MARK[0]: Unpickler.load_pop_mark,
    DUP[0]: Unpickler.load_dup,
    FLOAT[0]: Unpickler.load_float,
    INT[0]: Unpickler.load_int,
    BININT[0]: Unpickler.load_binint,
    BININT1[0]: Unpickler.load_binint1,
    LONG[0]: Unpickler.load_long,
    BININT2[0]: Unpickler.load_binint2,
    NONE[0]: Unpickler.load_none,
    PERSID[0]: Unpickler.load_persid,
    BINPERSID[0]: Unpickler.load_binpersid,
    REDUCE[0]: Unpickler.load_reduce,
    STRING[0]: Unpickler.load_string,
    BINSTRING[0]: Unpickler.load_binstring,
    SHORT_BINSTRING[0]: Unpickler.load_short_binstring,
    UNICODE[0]: Unpickler.load_unicode,
    BINUNICODE[0]: Unpickler.load_binunicode,
    APPEND[0]: Unpickler.load_append,
    BUILD[0]: Unpickler.load_build,
    GLOBAL[0]: Unpickler.load_global,
    DICT[0]: Unpickler.load_dict,
    EMPTY_DICT[0]: Unpickler.load_empty_dictionary,
    APPENDS[0]: Unpickler.load_appends,
    GET[0]: Unpickler.load_get,
    BINGET[0]: Unpickler.load_binget,
    INST[0]: Unpickler.load_inst,
    LONG_BINGET[0]: Unpickler.load_long_binget,
    LIST[0]: Unpickler.load_list,
    EMPTY_LIST[0]: Unpickler.load_empty_list,
    OBJ[0]: Unpickler.load_obj,
    PUT[0]: Unpickler.load_put,
    BINPUT[0]: Unpickler.load_binput,
    LONG_BINPUT[0]: Unpickler.load_long_binput,
    SETITEM[0]: Unpickler.load_setitem,
    TUPLE[0]: Unpickler.load_tuple,
    EMPTY_TUPLE[0]: Unpickler.load_empty_tuple,
    SETITEMS[0]: Unpickler.load_setitems,
    BINFLOAT[0]: Unpickler.load_binfloat,
    PROTO[0]: Unpickler.load_proto,
    NEWOBJ[0]: Unpickler.load_newobj,
    EXT1[0]: Unpickler.load_ext1,
    EXT2[0]: Unpickler.load_ext2,
    EXT4[0]: Unpickler.load_ext4,
    TUPLE1[0]: Unpickler.load_tuple1,
    TUPLE2[0]: Unpickler.load_tuple2,
    TUPLE3[0]: Unpickler.load_tuple3,
    NEWTRUE[0]: Unpickler.load_true,
    NEWFALSE[0]: Unpickler.load_false,
    LONG1[0]: Unpickler.load_long1,
    LONG4[0]: Unpickler.load_long4,
    BINBYTES[0]: Unpickler.load_binbytes,
    SHORT_BINBYTES[0]: Unpickler.load_short_binbytes,
    SHORT_BINUNICODE[0]: Unpickler.load_short_binunicode,
    BINUNICODE8[0]: Unpickler.load_binunicode8,
    BINBYTES8[0]: Unpickler.load_binbytes8,
    EMPTY_SET[0]: Unpickler.load_empty_set,
    ADDITEMS[0]: Unpickler.load_additems,
    FROZENSET[0]: Unpickler.load_frozenset,
    NEWOBJ_EX[0]: Unpickler.load_newobj_ex,
    STACK_GLOBAL[0]: Unpickler.load_stack_global,
    MEMOIZE[0]: Unpickler.load_memoize,
    FRAME[0]: Unpickler.load_frame,
    BYTEARRAY8[0]: Unpickler.load_bytearray8,
    NEXT_BUFFER[0]: Unpickler.load_next_buffer,
    READONLY_BUFFER[0]: Unpickler.load_readonly_buffer,
}


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
    return Unpickler(_BytesReader(data), fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


_Pickler = Pickler
_Unpickler = Unpickler
_dump = dump
_dumps = dumps
_load = load
_loads = loads
