# The numbers module for minipy, written for it: the numeric tower's
# abstract classes. The built-in number types are members as in CPython
# (int is Integral, float Real, complex Complex, Fraction Rational), and
# a class deriving from one, or registered with it, is a member too.


class _NumberMeta(type):
    def __instancecheck__(cls, x):
        return cls.__subclasscheck__(type(x))

    def __subclasscheck__(cls, c):
        for k in cls._members():
            if c is k or issubclass(c, k) and k is not object:
                return True
        return cls in getattr(c, "__mro__", ())

    def _members(cls):
        out = list(cls._registered)
        for sub in cls._subs:
            out.extend(sub._members())
        return out

    def register(cls, subclass):
        cls._registered.append(subclass)
        return subclass


class Number(metaclass=_NumberMeta):
    __slots__ = ()
    __hash__ = None


class Complex(Number):
    __slots__ = ()


class Real(Complex):
    __slots__ = ()


class Rational(Real):
    __slots__ = ()


class Integral(Rational):
    __slots__ = ()


Number._registered, Number._subs = [], [Complex]
Complex._registered, Complex._subs = [complex], [Real]
Real._registered, Real._subs = [float], [Rational]
Rational._registered, Rational._subs = [], [Integral]
Integral._registered, Integral._subs = [int], []


def _late():
    from fractions import Fraction
    Rational._registered.append(Fraction)


_late()
