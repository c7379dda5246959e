# The types module for minipy: SimpleNamespace, and the names of the
# built-in types that scripts compare against.


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        if mapping_or_iterable:
            items = mapping_or_iterable.items() if hasattr(mapping_or_iterable, "items") else mapping_or_iterable
            for k, v in items:
                if not isinstance(k, str):
                    raise TypeError("keywords must be strings, not '%s'" % type(k).__name__)
                setattr(self, k, v)
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = ("%s=%r" % (k, v) for k, v in self.__dict__.items())
        return "%s(%s)" % ("namespace" if type(self) is SimpleNamespace else type(self).__name__, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __replace__(self, **changes):
        ns = type(self)(**self.__dict__)
        for k, v in changes.items():
            setattr(ns, k, v)
        return ns


def _f():
    pass


def _g():
    yield 1


class _C:
    def m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
GeneratorType = type(_g())
MethodType = type(_C().m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_f.__globals__) if hasattr(_f, "__globals__") else None
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del ModuleType
