# decimal: the General Decimal Arithmetic of CPython's decimal module,
# written for minipy on its big ints. A finite number is a sign (0 or 1),
# a coefficient (an int >= 0) and an exponent; the special values keep
# the exponent as 'F' (Infinity), 'n' (NaN) or 'N' (sNaN), with a NaN's
# payload in the coefficient. Every operation computes exactly (or with
# guard digits and a sticky digit) and then rounds once to the context
# (_fix), so results and their exponents are the standard's. exp, ln,
# log10 and non-integral powers are computed with 20 guard digits and
# rounded once: correctly rounded but for results within 1e-20 ulp of a
# rounding boundary.

import math as _math
from collections import namedtuple as _namedtuple

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The signals in the order CPython lists them in flags and traps.
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped]
# A condition raises the signal it is a case of.
_CONDITION = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
              DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}


class _SignalDict:
    """flags and traps: a mapping from each signal to a bool."""

    def __init__(self, on=()):
        self._d = {}
        for s in _SIGNALS:
            self._d[s] = s in on

    def __getitem__(self, k):
        if k not in self._d:
            raise KeyError(k)
        return self._d[k]

    def __setitem__(self, k, v):
        if k not in self._d:
            raise KeyError(k)
        self._d[k] = bool(v)

    def __delitem__(self, k):
        raise ValueError('signal keys cannot be deleted')

    def __contains__(self, k):
        return k in self._d

    def __iter__(self):
        return iter(list(self._d))

    def __len__(self):
        return len(self._d)

    def keys(self):
        return list(self._d.keys())

    def values(self):
        return list(self._d.values())

    def items(self):
        return list(self._d.items())

    def get(self, k, default=None):
        return self._d.get(k, default)

    def copy(self):
        n = _SignalDict()
        n._d = dict(self._d)
        return n

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def _on(self):
        return [s.__name__ for s in _SIGNALS if self._d[s]]

    def __repr__(self):
        return '{' + ', '.join('%r:%r' % (k, v) for k, v in self._d.items()) + '}'


class Context:
    """The arithmetic's settings: precision, rounding, exponent limits, and
    the signals' flags and traps."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        dc = _default_context[0]
        self._prec = 28
        self._rounding = ROUND_HALF_EVEN
        self._Emin = -999999
        self._Emax = 999999
        self._capitals = 1
        self._clamp = 0
        if dc is not None:
            self._prec, self._rounding, self._Emin, self._Emax = dc._prec, dc._rounding, dc._Emin, dc._Emax
            self._capitals, self._clamp = dc._capitals, dc._clamp
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        self.flags = _signal_dict(flags, None)
        self.traps = _signal_dict(traps, dc.traps if dc is not None else None)

    def _int_field(self, v, lo, hi, what):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if v < lo or v > hi:
            raise ValueError('valid range for %s is %s' % (what, '[%s, %s]' % (lo if lo != 1 else 1, hi) if what != 'prec' else '[1, MAX_PREC]'))
        return v

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, v):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if v < 1 or v > MAX_PREC:
            raise ValueError('valid range for prec is [1, MAX_PREC]')
        self._prec = v

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, v):
        if v not in _ROUNDINGS:
            raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]')
        self._rounding = v

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, v):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if v > 0 or v < MIN_EMIN:
            raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        self._Emin = v

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, v):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if v < 0 or v > MAX_EMAX:
            raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        self._Emax = v

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, v):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if v not in (0, 1):
            raise ValueError('valid values for capitals are 0 or 1')
        self._capitals = v

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, v):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if v not in (0, 1):
            raise ValueError('valid values for clamp are 0 or 1')
        self._clamp = v

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self._prec, self._rounding, self._Emin, self._Emax, self._capitals, self._clamp,
                   ', '.join(self.flags._on()), ', '.join(self.traps._on())))

    def copy(self):
        c = Context(self._prec, self._rounding, self._Emin, self._Emax, self._capitals, self._clamp)
        c.flags = self.flags.copy()
        c.traps = self.traps.copy()
        return c

    __copy__ = copy

    def clear_flags(self):
        for s in _SIGNALS:
            self.flags[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def _raise(self, conds):
        """Sets the flags of conds' signals and raises the first trapped one,
        as CPython does: with the list of the trapped conditions."""
        trapped = []
        first = None
        for c in conds:
            sig = _CONDITION.get(c, c)
            self.flags[sig] = True
            if self.traps[sig]:
                trapped.append(c)
        if trapped:
            for s in _SIGNALS:
                for c in trapped:
                    if _CONDITION.get(c, c) is s:
                        first = s
                        break
                if first is not None:
                    break
            raise first(trapped)

    def create_decimal(self, num='0'):
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            return _invalid(self, ConversionSyntax)
        d = Decimal(num, self)
        if d._exp == 'n' or d._exp == 'N':
            if len(str(d._int)) > self._prec - self._clamp and d._int:
                return _invalid(self, ConversionSyntax)
            return d
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    # The context's arithmetic: operands may be ints.
    def abs(self, a):
        return _conv(a, True).__abs__(context=self)

    def add(self, a, b):
        return _conv(a, True).__add__(_conv(b, True), self)

    def subtract(self, a, b):
        return _conv(a, True).__sub__(_conv(b, True), self)

    def multiply(self, a, b):
        return _conv(a, True).__mul__(_conv(b, True), self)

    def divide(self, a, b):
        return _conv(a, True).__truediv__(_conv(b, True), self)

    def divide_int(self, a, b):
        return _conv(a, True).__floordiv__(_conv(b, True), self)

    def remainder(self, a, b):
        return _conv(a, True).__mod__(_conv(b, True), self)

    def divmod(self, a, b):
        return _conv(a, True).__divmod__(_conv(b, True), self)

    def power(self, a, b, modulo=None):
        return _conv(a, True).__pow__(_conv(b, True), modulo, self)

    def sqrt(self, a):
        return _conv(a, True).sqrt(self)

    def next_plus(self, a):
        return _conv(a, True).next_plus(self)

    def next_minus(self, a):
        return _conv(a, True).next_minus(self)

    def next_toward(self, a, b):
        return _conv(a, True).next_toward(b, self)

    def exp(self, a):
        return _conv(a, True).exp(self)

    def ln(self, a):
        return _conv(a, True).ln(self)

    def log10(self, a):
        return _conv(a, True).log10(self)

    def plus(self, a):
        return _conv(a, True).__pos__(self)

    def minus(self, a):
        return _conv(a, True).__neg__(self)

    def compare(self, a, b):
        return _conv(a, True).compare(b, self)

    def max(self, a, b):
        return _conv(a, True).max(b, self)

    def min(self, a, b):
        return _conv(a, True).min(b, self)

    def quantize(self, a, b):
        return _conv(a, True).quantize(b, context=self)

    def normalize(self, a):
        return _conv(a, True).normalize(self)

    def to_integral_value(self, a):
        return _conv(a, True).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _conv(a, True).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return _conv(a, True).__str__(context=self)

    def to_eng_string(self, a):
        return _conv(a, True).to_eng_string(self)

    def fma(self, a, b, c):
        return _conv(a, True).fma(b, c, self)

    def is_zero(self, a):
        return _conv(a, True).is_zero()

    def is_signed(self, a):
        return _conv(a, True).is_signed()

    def is_nan(self, a):
        return _conv(a, True).is_nan()

    def is_finite(self, a):
        return _conv(a, True).is_finite()

    def is_infinite(self, a):
        return _conv(a, True).is_infinite()

    def copy_abs(self, a):
        return _conv(a, True).copy_abs()

    def copy_negate(self, a):
        return _conv(a, True).copy_negate()

    def copy_decimal(self, a):
        return _conv(a, True)


def _signal_dict(v, default):
    if v is None:
        return default.copy() if default is not None else _SignalDict()
    if isinstance(v, _SignalDict):
        return v.copy()
    if isinstance(v, dict):
        d = _SignalDict()
        for k, on in v.items():
            d[k] = on
        return d
    return _SignalDict(list(v))


_default_context = [None]
DefaultContext = Context(28, ROUND_HALF_EVEN, -999999, 999999, 1, 0, [],
                         [InvalidOperation, DivisionByZero, Overflow])
_default_context[0] = DefaultContext
BasicContext = Context(9, ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow,
                                                  Underflow, Clamped])
BasicContext.traps = _SignalDict([InvalidOperation, DivisionByZero, Overflow, Underflow, Clamped])
ExtendedContext = Context(9, ROUND_HALF_EVEN, traps=[])
ExtendedContext.traps = _SignalDict()

# The current context, in a list: a library module's functions cannot
# rebind its globals.
_current = [None]


def getcontext():
    if _current[0] is None:
        _current[0] = DefaultContext.copy()
    return _current[0]


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _ContextManager:
    def __init__(self, ctx):
        self._new = ctx

    def __enter__(self):
        self._saved = getcontext()
        setcontext(self._new)
        return self._new

    def __exit__(self, *exc):
        setcontext(self._saved)
        return False


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    ctx = ctx.copy()
    for k, v in kwargs.items():
        if k not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        if k in ('flags', 'traps'):
            v = _signal_dict(v, None)
        setattr(ctx, k, v)
    return _ContextManager(ctx)


DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')

# Numeric hashes agree with int's, float's and Fraction's: the value modulo
# the Mersenne prime 2**61 - 1.
_P = 2 ** 61 - 1
_INV10 = pow(10, _P - 2, _P)


def _ndigits(n):
    return len(str(n)) if n else 1


def _round_int(sign, c, drop, rounding):
    """c's digits but the last drop of them, rounded; and whether any
    digit dropped was not zero."""
    if drop <= 0:
        return c, False
    p = 10 ** drop
    q, r = divmod(c, p)
    if r == 0:
        return q, False
    half = p // 2
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:
        up = q % 10 == 0 or q % 10 == 5
    return q + 1 if up else q, True


def _dec(sign, coef, exp):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coef
    d._exp = exp
    return d


def _nan(sign=0, payload=0):
    return _dec(sign, payload, 'n')


def _invalid(ctx, cond=InvalidOperation):
    ctx._raise([cond])
    return _nan()


def _conv(v, strict=False):
    """v as a Decimal for an operator: None when it is not a number
    Decimal mixes with (the operator returns NotImplemented)."""
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    if strict:
        raise TypeError('conversion from %s to Decimal is not supported' % type(v).__name__)
    return None


_SPECIAL_NAMES = {'inf': 'F', 'infinity': 'F'}


def _parse(s):
    """A Decimal's (sign, coefficient, exponent) from its string, or None."""
    s = s.strip()
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in _SPECIAL_NAMES:
        return sign, 0, 'F'
    for pre, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(pre):
            pl = low[len(pre):]
            if pl == '':
                return sign, 0, kind
            if not pl.isdigit() or not pl.isascii() and False:
                return None
            return sign, int(pl), kind
    exp = 0
    epos = low.find('e')
    if epos >= 0:
        es = low[epos + 1:]
        if not _digits_ok(es.lstrip('+-') if es[:1] in ('+', '-') else es) or es.count('+') + es.count('-') > 1:
            return None
        exp = int(es.replace('_', ''))
        low = low[:epos]
    if '.' in low:
        ip, _, fp = low.partition('.')
    else:
        ip, fp = low, ''
    if ip == '' and fp == '':
        return None
    if (ip and not _digits_ok(ip)) or (fp and not _digits_ok(fp)):
        return None
    ip = ip.replace('_', '')
    fp = fp.replace('_', '')
    return sign, int(ip + fp), exp - len(fp)


def _digits_ok(s):
    # Digits, with single underscores between them.
    if not s or s[0] == '_' or s[-1] == '_' or '__' in s:
        return False
    for ch in s:
        if ch != '_' and not ch.isdigit():
            return False
    return True


class Decimal:
    """A decimal floating-point number: exact, rounded to a context's
    precision by arithmetic."""

    __slots__ = ('_sign', '_int', '_exp')

    def __new__(cls, value='0', context=None):
        self = object.__new__(cls)
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp = value._sign, value._int, value._exp
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = -value if value < 0 else value
            self._exp = 0
            return self
        if isinstance(value, str):
            t = _parse(value)
            if t is None:
                if context is None:
                    context = getcontext()
                context._raise([ConversionSyntax])
                t = (0, 0, 'n')
            self._sign, self._int, self._exp = t
            return self
        if isinstance(value, float):
            ctx = context if context is not None else getcontext()
            ctx._raise([FloatOperation])
            d = Decimal.from_float(value)
            self._sign, self._int, self._exp = d._sign, d._int, d._exp
            return self
        if isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            if exp == 'F':
                self._sign, self._int, self._exp = sign, 0, 'F'
                return self
            c = 0
            for dg in digits:
                if not isinstance(dg, int) or dg < 0 or dg > 9:
                    raise ValueError('coefficient must be a tuple of digits')
                c = c * 10 + dg
            if exp in ('n', 'N'):
                self._sign, self._int, self._exp = sign, c, exp
                return self
            if not isinstance(exp, int):
                raise ValueError('exponent must be an integer')
            self._sign, self._int, self._exp = sign, c, exp
            return self
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = Decimal(f)
        elif not isinstance(f, float):
            raise TypeError("argument must be int or float")
        elif f != f:
            d = _nan()
        else:
            sign = 1 if _math.copysign(1.0, f) < 0 else 0
            if f in (float('inf'), float('-inf')):
                d = _dec(sign, 0, 'F')
            else:
                n, den = abs(f).as_integer_ratio()
                k = den.bit_length() - 1
                d = _dec(sign, n * 5 ** k, -k)
        return d if cls is Decimal else cls(d)

    @classmethod
    def from_number(cls, n):
        if isinstance(n, (int, float, Decimal)):
            d = n if isinstance(n, Decimal) else Decimal.from_float(n)
            return d if cls is Decimal else cls(d)
        raise TypeError("conversion from %s to Decimal is not supported" % type(n).__name__)

    # -- kinds
    def _special(self):
        return isinstance(self._exp, str)

    def is_nan(self):
        return self._exp == 'n' or self._exp == 'N'

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not isinstance(self._exp, str)

    def is_zero(self):
        return not isinstance(self._exp, str) and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        if isinstance(self._exp, str) or self._int == 0:
            return False
        ctx = context or getcontext()
        return self.adjusted() >= ctx._Emin

    def is_subnormal(self, context=None):
        if isinstance(self._exp, str) or self._int == 0:
            return False
        ctx = context or getcontext()
        return self.adjusted() < ctx._Emin

    def _integral(self):
        if isinstance(self._exp, str):
            return False
        if self._exp >= 0 or self._int == 0:
            return True
        return self._int % 10 ** (-self._exp) == 0

    def adjusted(self):
        if isinstance(self._exp, str):
            return 0
        return self._exp + _ndigits(self._int) - 1

    def as_tuple(self):
        digits = tuple(int(ch) for ch in str(self._int)) if (self._int or not self.is_nan()) else ()
        if self._exp == 'F':
            digits = (0,)
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._exp == 'F':
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self.is_nan():
            raise ValueError('cannot convert NaN to integer ratio')
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** (-self._exp)
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def number_class(self, context=None):
        ctx = context or getcontext()
        if self._exp == 'N':
            return 'sNaN'
        if self._exp == 'n':
            return 'NaN'
        s = '-' if self._sign else '+'
        if self._exp == 'F':
            return s + 'Infinity'
        if self._int == 0:
            return s + 'Zero'
        if self.adjusted() < ctx._Emin:
            return s + 'Subnormal'
        return s + 'Normal'

    # -- text
    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._exp == 'F':
            return sign + 'Infinity'
        if self._exp == 'n' or self._exp == 'N':
            return sign + ('sNaN' if self._exp == 'N' else 'NaN') + (str(self._int) if self._int else '')
        digits = str(self._int)
        left = self._exp + len(digits)
        if self._exp <= 0 and left > -6:
            dot = left
        elif not eng:
            dot = 1
        elif self._int == 0:
            dot = (left + 1) % 3 - 1
        else:
            dot = (left - 1) % 3 + 1
        if dot <= 0:
            ip = '0'
            fp = '.' + '0' * (-dot) + digits
        elif dot >= len(digits):
            ip = digits + '0' * (dot - len(digits))
            fp = ''
        else:
            ip = digits[:dot]
            fp = '.' + digits[dot:]
        if left == dot:
            e = ''
        else:
            ctx = context or getcontext()
            e = ('E' if ctx._capitals else 'e') + '%+d' % (left - dot)
        return sign + ip + fp + e

    def to_eng_string(self, context=None):
        return self.__str__(True, context)

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    def __format__(self, spec, _localeconv=None):
        return _format(self, spec)

    # -- rounding to a context
    def _fix(self, ctx):
        if isinstance(self._exp, str):
            if self._exp in ('n', 'N'):
                # A payload longer than the precision allows is dropped.
                if self._int and _ndigits(self._int) > ctx._prec - ctx._clamp:
                    return _dec(self._sign, 0, self._exp)
            return self
        sign, c, exp = self._sign, self._int, self._exp
        prec = ctx._prec
        etiny = ctx._Emin - prec + 1
        etop = ctx._Emax - prec + 1
        if c == 0:
            top = etop if ctx._clamp else ctx._Emax
            e = min(max(exp, etiny), top)
            if e != exp:
                ctx._raise([Clamped])
                return _dec(sign, 0, e)
            return self
        n = _ndigits(c)
        adj = exp + n - 1
        conds = []
        if adj < ctx._Emin:
            # Subnormal: keep no digit below Etiny.
            conds.append(Subnormal)
            if exp < etiny:
                c, inexact = _round_int(sign, c, etiny - exp, ctx._rounding)
                exp = etiny
                if inexact:
                    conds = [Underflow, Subnormal, Inexact, Rounded]
                    if c == 0:
                        conds.append(Clamped)
                else:
                    conds = [Subnormal, Rounded]
                if _ndigits(c) > prec or (c and exp + _ndigits(c) - 1 >= ctx._Emin):
                    conds = [x for x in conds if x is not Subnormal and x is not Underflow]
            if conds:
                ctx._raise(conds)
            return _dec(sign, c, exp)
        if n > prec:
            drop = n - prec
            c, inexact = _round_int(sign, c, drop, ctx._rounding)
            exp += drop
            if _ndigits(c) > prec:
                c //= 10
                exp += 1
            conds.append(Rounded)
            if inexact:
                conds.append(Inexact)
            adj = exp + _ndigits(c) - 1
        if adj > ctx._Emax:
            r = ctx._rounding
            if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or \
                    (r == ROUND_CEILING and sign == 0) or (r == ROUND_FLOOR and sign == 1):
                res = _dec(sign, 0, 'F')
            else:
                res = _dec(sign, 10 ** prec - 1, ctx._Emax - prec + 1)
            ctx._raise([Overflow, Inexact, Rounded])
            return res
        if ctx._clamp and exp > etop:
            c *= 10 ** (exp - etop)
            exp = etop
            conds.append(Clamped)
        if conds:
            ctx._raise(conds)
        return _dec(sign, c, exp)

    def _nans(self, other, ctx):
        """The NaN an operation on a NaN gives (an sNaN signals), or None."""
        a = self._exp == 'n' or self._exp == 'N'
        b = other is not None and (other._exp == 'n' or other._exp == 'N')
        if not a and not b:
            return None
        if self._exp == 'N':
            ctx._raise([InvalidOperation])
            return _nan(self._sign, self._int)._fix(ctx)
        if b and other._exp == 'N':
            ctx._raise([InvalidOperation])
            return _nan(other._sign, other._int)._fix(ctx)
        return (self if a else other)._fix(ctx)

    # -- unary
    def __pos__(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self.is_zero() and ctx._rounding != ROUND_FLOOR:
            return _dec(0, 0, self._exp)._fix(ctx)
        return self._fix(ctx)

    def __neg__(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self.is_zero() and ctx._rounding != ROUND_FLOOR:
            return _dec(0, 0, self._exp)._fix(ctx)
        return _dec(1 - self._sign, self._int, self._exp)._fix(ctx)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        return _dec(0, self._int, self._exp)._fix(ctx)

    def copy_abs(self):
        return _dec(0, self._int, self._exp)

    def copy_negate(self):
        return _dec(1 - self._sign, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _conv(other, True)
        return _dec(other._sign, self._int, self._exp)

    # -- addition
    def __add__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        if self._exp == 'F' or other._exp == 'F':
            if self._exp == 'F' and other._exp == 'F' and self._sign != other._sign:
                return _invalid(ctx)
            return self if self._exp == 'F' else other
        s1, c1, e1 = self._sign, self._int, self._exp
        s2, c2, e2 = other._sign, other._int, other._exp
        exp = min(e1, e2)
        if c1 == 0 or c2 == 0:
            if c1 == 0 and c2 == 0:
                if s1 == s2:
                    sign = s1
                else:
                    sign = 1 if ctx._rounding == ROUND_FLOOR else 0
                return _dec(sign, 0, exp)._fix(ctx)
            # Zero plus a number: the number, at the lower exponent if it
            # fits in the precision.
            if c1 == 0:
                s, c, e, ze = s2, c2, e2, e1
            else:
                s, c, e, ze = s1, c1, e1, e2
            target = e if ze >= e else max(ze, e - max(ctx._prec - _ndigits(c), 0))
            if min(ze, e) < target:
                # The exact sum has more digits than the precision: zeros.
                ctx._raise([Rounded])
            if target < e:
                return _dec(s, c * 10 ** (e - target), target)._fix(ctx)
            return _dec(s, c, e)._fix(ctx)
        # An operand far below the other's precision stands for a sticky
        # digit: aligning it exactly could take millions of digits.
        if e1 > e2:
            s1, c1, e1, s2, c2, e2 = s2, c2, e2, s1, c1, e1
        # Now e1 <= e2: operand 2 is the one shifted left.
        lo = min(e2, e2 + _ndigits(c2) - ctx._prec - 3)
        if e1 + _ndigits(c1) - 1 < lo - 1 and e1 < lo:
            c1 = 1
            e1 = lo - 1
            exp = e1
        v1 = -c1 if s1 else c1
        v2 = (-c2 if s2 else c2) * 10 ** (e2 - e1)
        v = v1 + v2
        if v == 0:
            sign = 1 if ctx._rounding == ROUND_FLOOR else 0
            return _dec(sign, 0, exp)._fix(ctx)
        return _dec(1 if v < 0 else 0, abs(v), exp)._fix(ctx)

    def __radd__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__add__(self, context)

    def __sub__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        return self.__add__(other.copy_negate(), ctx)

    def __rsub__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__sub__(self, context)

    # -- multiplication and division
    def __mul__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        sign = self._sign ^ other._sign
        if self._exp == 'F' or other._exp == 'F':
            if self.is_zero() or other.is_zero():
                return _invalid(ctx)
            return _dec(sign, 0, 'F')
        return _dec(sign, self._int * other._int, self._exp + other._exp)._fix(ctx)

    def __rmul__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__mul__(self, context)

    def __truediv__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        sign = self._sign ^ other._sign
        if self._exp == 'F':
            if other._exp == 'F':
                return _invalid(ctx)
            return _dec(sign, 0, 'F')
        if other._exp == 'F':
            return _dec(sign, 0, ctx.Etiny())._fix(ctx)
        if other._int == 0:
            if self._int == 0:
                return _invalid(ctx, DivisionUndefined)
            ctx._raise([DivisionByZero])
            return _dec(sign, 0, 'F')
        ideal = self._exp - other._exp
        if self._int == 0:
            return _dec(sign, 0, ideal)._fix(ctx)
        c1, c2 = self._int, other._int
        shift = _ndigits(c2) - _ndigits(c1) + ctx._prec + 1
        if shift >= 0:
            q, rem = divmod(c1 * 10 ** shift, c2)
        else:
            q, rem = divmod(c1, c2 * 10 ** (-shift))
        exp = ideal - shift
        if rem:
            if q % 5 == 0:
                q += 1
        else:
            # Exact: the ideal exponent, as near as the digits allow.
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return _dec(sign, q, exp)._fix(ctx)

    def __rtruediv__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__truediv__(self, context)

    def _divide_int(self, other, ctx, want='qr'):
        """(quotient, remainder) of truncating division, both Decimals,
        or a NaN result for both when it is invalid."""
        sign = self._sign ^ other._sign
        if self._exp == 'F':
            if other._exp == 'F':
                n = _invalid(ctx)
                return n, n
            n = _invalid(ctx)
            return _dec(sign, 0, 'F'), n
        if other._exp == 'F':
            return _dec(sign, 0, 0), self._fix(ctx)
        if other._int == 0:
            if self._int == 0:
                n = _invalid(ctx, DivisionUndefined)
                return n, n
            if want == 'r':
                return None, _invalid(ctx)
            ctx._raise([DivisionByZero])
            return _dec(sign, 0, 'F'), (_invalid(ctx) if want == 'qr' else None)
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e)
        b = other._int * 10 ** (other._exp - e)
        q, rem = divmod(a, b)
        if _ndigits(q) > ctx._prec:
            n = _invalid(ctx, DivisionImpossible)
            return n, n
        return _dec(sign, q, 0), _dec(self._sign, rem, e)._fix(ctx)

    def __floordiv__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        return self._divide_int(other, ctx, 'q')[0]

    def __rfloordiv__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        if other._exp != 'F' and other._int == 0 and self.is_finite() and self._int != 0:
            return _invalid(ctx)
        return self._divide_int(other, ctx, 'r')[1]

    def __rmod__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__mod__(self, context)

    def __divmod__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r, r
        return self._divide_int(other, ctx)

    def __rdivmod__(self, other, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__divmod__(self, context)

    def remainder_near(self, other, context=None):
        other = _conv(other, True)
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        if self._exp == 'F' or other.is_zero():
            return _invalid(ctx)
        if other._exp == 'F':
            return self._fix(ctx)
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e)
        b = other._int * 10 ** (other._exp - e)
        q, rem = divmod(a, b)
        if 2 * rem > b or (2 * rem == b and q % 2 == 1):
            rem -= b
            q += 1
        if _ndigits(q) > ctx._prec:
            return _invalid(ctx, DivisionImpossible)
        sign = self._sign
        if rem < 0:
            sign = 1 - sign
            rem = -rem
        return _dec(sign, rem, e)._fix(ctx)

    def fma(self, other, third, context=None):
        other = _conv(other, True)
        third = _conv(third, True)
        ctx = context or getcontext()
        if self.is_finite() and other.is_finite():
            prod = _dec(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)
        else:
            big = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
            big.traps = ctx.traps
            big.flags = ctx.flags
            prod = self.__mul__(other, big)
        return prod.__add__(third, ctx)

    # -- powers
    def __pow__(self, other, modulo=None, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        ctx = context or getcontext()
        if modulo is not None:
            return self._powmod(other, _conv(modulo, True), ctx)
        r = self._nans(other, ctx)
        if r is not None:
            return r
        if other.is_zero():
            if self.is_zero():
                return _invalid(ctx)
            return _dec(0, 1, 0)
        integral = other._integral()
        if self._sign and not self.is_zero() and not integral:
            return _invalid(ctx)
        sign = 0
        if self._sign and integral and other._exp != 'F' and int(other) % 2 == 1:
            sign = 1
        if self._exp == 'F':
            if other._sign:
                return _dec(sign, 0, 0)
            return _dec(sign, 0, 'F')
        if self._int == 0:
            if other._sign:
                return _dec(sign, 0, 'F')
            return _dec(sign, 0, 0)
        if other._exp == 'F':
            one = self.copy_abs().__sub__(1, _exact_ctx())
            if one.is_zero():
                return _dec(0, 10 ** (ctx._prec - 1), 1 - ctx._prec)._fix(ctx)
            big = (one._sign == 0) != (other._sign == 1)
            if big:
                return _dec(0, 0, 'F')
            return _dec(0, 0, 0)
        if integral:
            n = int(other)
            c, e = self._int, self._exp
            neg = n < 0
            n = abs(n)
            if n * _ndigits(c) <= 4 * ctx._prec + 200:
                pc, pe = c ** n, e * n
                exact = True
            else:
                pc, pe, exact = _pow_approx(c, e, n, ctx._prec + _ndigits(n) + 10)
            if not neg:
                if not exact:
                    return _dec(sign, pc, pe)._fix(ctx)
                return _dec(sign, pc, pe)._fix(ctx)
            return _dec(0, 1, 0).__truediv__(_dec(sign, pc, pe), ctx)
        # A non-integral power: exp(y * ln(x)) with guard digits. Of one
        # it is one with prec digits, Inexact and Rounded (libmpdec's).
        if self._int == 1 and self._exp == 0 or self == 1:
            ctx._raise([Inexact, Rounded])
            return _dec(0, 10 ** (ctx._prec - 1), 1 - ctx._prec)
        return _transcend(self, ctx, 'pow', other)

    def __rpow__(self, other, modulo=None, context=None):
        other = _conv(other)
        if other is None:
            return NotImplemented
        return other.__pow__(self, modulo, context)

    def _powmod(self, other, modulo, ctx):
        for v in (self, other, modulo):
            if not v._integral() or v.is_nan() or v._exp == 'F':
                return _invalid(ctx)
        if other._sign or modulo.is_zero():
            return _invalid(ctx)
        m = int(modulo)
        if _ndigits(abs(m)) > ctx._prec:
            return _invalid(ctx)
        r = pow(abs(int(self)), int(other), abs(m))
        sign = 1 if self._sign and int(other) % 2 == 1 else 0
        return _dec(sign if r else sign, r, 0)

    def sqrt(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        ideal = self._exp // 2 if self.is_finite() else 0
        if self.is_zero():
            return _dec(self._sign, 0, ideal)._fix(ctx)
        if self._sign:
            return _invalid(ctx)
        if self._exp == 'F':
            return self
        prec = ctx._prec
        c, e = self._int, self._exp
        # Scale so the root has prec+1 digits and the exponent is even.
        shift = 2 * (prec + 1) - _ndigits(c)
        if shift < 0:
            shift = 0
        if (e - shift) % 2:
            shift += 1
        c2 = c * 10 ** shift
        root = _math.isqrt(c2)
        exp = (e - shift) // 2
        if root * root != c2:
            if root % 5 == 0:
                root += 1
            ctx2 = ctx.copy()
            ctx2._rounding = ROUND_HALF_EVEN
            ctx2.traps = ctx.traps
            ctx2.flags = ctx.flags
            return _dec(0, root, exp)._fix(ctx2)
        while exp < ideal and root % 10 == 0:
            root //= 10
            exp += 1
        return _dec(0, root, exp)._fix(ctx)

    def exp(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self._exp == 'F':
            return _dec(0, 0, 0) if self._sign else self
        if self.is_zero():
            return _dec(0, 1, 0)
        return _transcend(self, ctx, 'exp')

    def ln(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self.is_zero():
            return _dec(1, 0, 'F')
        if self._sign:
            return _invalid(ctx)
        if self._exp == 'F':
            return self
        if self._int == 1 and self._exp == 0 or self == 1:
            return _dec(0, 0, 0)
        return _transcend(self, ctx, 'ln')

    def log10(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self.is_zero():
            return _dec(1, 0, 'F')
        if self._sign:
            return _invalid(ctx)
        if self._exp == 'F':
            return self
        s = str(self._int).rstrip('0')
        if s == '1':
            # A power of ten: exact.
            return Decimal(self._exp + len(str(self._int)) - 1)._fix(ctx)
        return _transcend(self, ctx, 'log10')

    def logb(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self._exp == 'F':
            return _dec(0, 0, 'F')
        if self.is_zero():
            ctx._raise([DivisionByZero])
            return _dec(1, 0, 'F')
        return Decimal(self.adjusted())._fix(ctx)

    def _step(self, ctx, up):
        # The closest number above (up) or below self that ctx can hold:
        # self rounded toward that side if it has too many digits, else
        # self plus or minus a quantity below the smallest step.
        r = self._nans(None, ctx)
        if r is not None:
            return r
        away = 0 if up else 1
        if self._exp == 'F':
            if self._sign == away:
                return Decimal(self)
            return _dec(self._sign, 10 ** ctx._prec - 1, ctx.Etop())
        quiet = ctx.copy()
        quiet.clear_traps()
        quiet._rounding = ROUND_CEILING if up else ROUND_FLOOR
        fixed = self._fix(quiet)
        if fixed != self:
            return fixed
        return self.__add__(_dec(away, 1, quiet.Etiny() - 1), quiet)

    def next_plus(self, context=None):
        return self._step(context or getcontext(), True)

    def next_minus(self, context=None):
        return self._step(context or getcontext(), False)

    def next_toward(self, other, context=None):
        ctx = context or getcontext()
        other = _conv(other, True)
        r = self._nans(other, ctx)
        if r is not None:
            return r
        c = self._cmp(other)
        if c == 0:
            return self.copy_sign(other)
        r = self._step(ctx, c < 0)
        if r.is_infinite():
            ctx._raise([Overflow, Inexact, Rounded])
        elif r.adjusted() < ctx._Emin:
            conds = [Underflow, Subnormal, Inexact, Rounded]
            if r.is_zero():
                conds.append(Clamped)
            ctx._raise(conds)
        return r

    def scaleb(self, other, context=None):
        other = _conv(other, True)
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        if not other._integral() or other._exp == 'F':
            return _invalid(ctx)
        if self._exp == 'F':
            return self
        return _dec(self._sign, self._int, self._exp + int(other))._fix(ctx)

    # -- rounding to an exponent
    def _rescale(self, exp, rounding):
        """self at exponent exp (rounded), unchecked; and whether inexact."""
        if self._exp >= exp:
            return _dec(self._sign, self._int * 10 ** (self._exp - exp), exp), False
        c, inexact = _round_int(self._sign, self._int, exp - self._exp, rounding)
        return _dec(self._sign, c, exp), inexact

    def quantize(self, exp, rounding=None, context=None):
        exp = _conv(exp, True)
        ctx = context or getcontext()
        rounding = rounding or ctx._rounding
        r = self._nans(exp, ctx)
        if r is not None:
            return r
        if self._exp == 'F' or exp._exp == 'F':
            if self._exp == 'F' and exp._exp == 'F':
                return self
            return _invalid(ctx)
        e = exp._exp
        if e > ctx._Emax or e < ctx.Etiny():
            return _invalid(ctx)
        if self._int == 0:
            return _dec(self._sign, 0, e)._fix(ctx)
        if self.adjusted() > ctx._Emax:
            return _invalid(ctx)
        res, inexact = self._rescale(e, rounding)
        if _ndigits(res._int) > ctx._prec or res.adjusted() > ctx._Emax:
            return _invalid(ctx)
        conds = []
        if res._exp > self._exp:
            if res._int != self._int or inexact:
                conds.append(Rounded)
            if inexact:
                conds.append(Inexact)
        if res._int and res.adjusted() < ctx._Emin:
            conds.append(Subnormal)
        if conds:
            ctx._raise(conds)
        return res

    def same_quantum(self, other, context=None):
        other = _conv(other, True)
        if isinstance(self._exp, str) or isinstance(other._exp, str):
            return (self.is_nan() and other.is_nan()) or (self._exp == 'F' and other._exp == 'F')
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self._exp == 'F' or self._exp >= 0:
            return self
        return self._rescale(0, rounding or ctx._rounding)[0]

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        if self._exp == 'F' or self._exp >= 0:
            return self
        if self._int == 0:
            return _dec(self._sign, 0, 0)
        res, inexact = self._rescale(0, rounding or ctx._rounding)
        ctx._raise([Rounded, Inexact] if inexact else [Rounded])
        return res

    def normalize(self, context=None):
        ctx = context or getcontext()
        r = self._nans(None, ctx)
        if r is not None:
            return r
        d = self._fix(ctx)
        if d._exp == 'F':
            return d
        if d._int == 0:
            return _dec(d._sign, 0, 0)
        c, e = d._int, d._exp
        top = ctx._Emax if not ctx._clamp else ctx.Etop()
        while c % 10 == 0 and e < top:
            c //= 10
            e += 1
        return _dec(d._sign, c, e)

    def reduce(self, context=None):
        return self.normalize(context)

    # -- comparing
    def _cmp(self, other):
        """-1, 0 or 1 for two non-NaN Decimals."""
        if self._exp == 'F' or other._exp == 'F':
            a = 0 if self._exp != 'F' else (-1 if self._sign else 1)
            b = 0 if other._exp != 'F' else (-1 if other._sign else 1)
            if a == b:
                return 0
            if a != 0 or b != 0:
                if a == 0:
                    return -b
                if b == 0:
                    return a
                return 1 if a > b else -1
        if self._int == 0:
            if other._int == 0:
                return 0
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        a1, a2 = self.adjusted(), other.adjusted()
        if a1 != a2:
            r = 1 if a1 > a2 else -1
        else:
            e = min(self._exp, other._exp)
            x = self._int * 10 ** (self._exp - e)
            y = other._int * 10 ** (other._exp - e)
            r = 0 if x == y else (1 if x > y else -1)
        return -r if self._sign else r

    def _cmp_operand(self, other, ordering):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            ctx = getcontext()
            if ordering:
                ctx._raise([FloatOperation])
            else:
                ctx.flags[FloatOperation] = True
            return Decimal.from_float(other)
        return None

    def _order(self, other):
        other = self._cmp_operand(other, True)
        if other is None:
            return None
        if self.is_nan() or other.is_nan():
            getcontext()._raise([InvalidOperation])
            return 'nan'
        return self._cmp(other)

    def __eq__(self, other):
        if type(other).__name__ == 'Fraction' or isinstance(other, complex):
            if isinstance(other, complex):
                if other.imag != 0:
                    return False
                other = other.real
            else:
                if self.is_nan() or self._exp == 'F':
                    return False
                n, d = self.as_integer_ratio()
                return n * other.denominator == d * other.numerator
        other = self._cmp_operand(other, False)
        if other is None:
            return NotImplemented
        if self.is_nan() or other.is_nan():
            if self._exp == 'N' or other._exp == 'N':
                getcontext()._raise([InvalidOperation])
            return False
        return self._cmp(other) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __lt__(self, other):
        r = self._order(other)
        if r is None:
            return NotImplemented
        return r != 'nan' and r < 0

    def __le__(self, other):
        r = self._order(other)
        if r is None:
            return NotImplemented
        return r != 'nan' and r <= 0

    def __gt__(self, other):
        r = self._order(other)
        if r is None:
            return NotImplemented
        return r != 'nan' and r > 0

    def __ge__(self, other):
        r = self._order(other)
        if r is None:
            return NotImplemented
        return r != 'nan' and r >= 0

    def compare(self, other, context=None):
        other = _conv(other, True)
        ctx = context or getcontext()
        r = self._nans(other, ctx)
        if r is not None:
            return r
        return Decimal(self._cmp(other))

    def compare_signal(self, other, context=None):
        other = _conv(other, True)
        ctx = context or getcontext()
        if self.is_nan() or other.is_nan():
            return _invalid(ctx)
        return Decimal(self._cmp(other))

    def _minmax(self, other, ctx, want):
        other = _conv(other, True)
        sn, on = self.is_nan(), other.is_nan()
        if sn or on:
            if self._exp == 'N' or other._exp == 'N' or (sn and on):
                return self._nans(other, ctx)
            return (other if sn else self)._fix(ctx)
        c = self._cmp(other)
        if c == 0:
            # Equal values: by sign, then by exponent.
            if self._sign != other._sign:
                c = -1 if self._sign else 1
            elif self.is_finite() and other.is_finite():
                c = (1 if self._exp > other._exp else (-1 if self._exp < other._exp else 0))
                if self._sign:
                    c = -c
        r = self if (c >= 0) == (want > 0) else other
        if c == 0:
            r = self
        return r._fix(ctx)

    def max(self, other, context=None):
        return self._minmax(other, context or getcontext(), 1)

    def min(self, other, context=None):
        return self._minmax(other, context or getcontext(), -1)

    def max_mag(self, other, context=None):
        other = _conv(other, True)
        c = self.copy_abs()._cmp(other.copy_abs()) if not (self.is_nan() or other.is_nan()) else 0
        if c == 0:
            return self.max(other, context)
        return (self if c > 0 else other)._fix(context or getcontext())

    def min_mag(self, other, context=None):
        other = _conv(other, True)
        c = self.copy_abs()._cmp(other.copy_abs()) if not (self.is_nan() or other.is_nan()) else 0
        if c == 0:
            return self.min(other, context)
        return (self if c < 0 else other)._fix(context or getcontext())

    def __hash__(self):
        if self._exp == 'N':
            raise TypeError('Cannot hash a signaling NaN value.')
        if self._exp == 'n':
            return object.__hash__(self)
        if self._exp == 'F':
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            h = self._int % _P * pow(10, self._exp, _P) % _P
        else:
            h = self._int % _P * pow(_INV10, -self._exp, _P) % _P
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __bool__(self):
        return self._exp != 0 and self._exp != 'F' and self._int != 0 if False else not self.is_zero()

    # -- conversions
    def __int__(self):
        if self.is_nan():
            raise ValueError('cannot convert NaN to integer')
        if self._exp == 'F':
            raise OverflowError('cannot convert Infinity to integer')
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** (-self._exp)
        return -n if self._sign else n

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'decimal.Decimal' object cannot be interpreted as an integer")

    def __float__(self):
        if self.is_nan():
            if self._exp == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan') if self._sign else float('nan')
        return float(self.__str__())

    def __complex__(self):
        return complex(float(self))

    def _to_int(self, rounding):
        if self.is_nan():
            raise ValueError('cannot round a NaN')
        if self._exp == 'F':
            raise OverflowError('cannot round an infinity')
        if self._exp >= 0:
            return int(self)
        return int(self._rescale(0, rounding)[0])

    def __round__(self, n=None):
        if n is None:
            return self._to_int(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_dec(0, 1, -n))

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self), (str(self),))


def _exact_ctx():
    c = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
    c.traps = _SignalDict()
    return c


def _pow_approx(c, e, n, wp):
    """c*10**e to the n, kept to wp digits: (coefficient, exponent, False)
    with a sticky last digit for the rounding."""
    rc, re_ = 1, 0
    bc, be = c, e
    sticky = False
    while True:
        if n & 1:
            rc, re_ = rc * bc, re_ + be
            k = _ndigits(rc) - wp
            if k > 0:
                rc, r = divmod(rc, 10 ** k)
                re_ += k
                sticky = sticky or r != 0
        n >>= 1
        if not n:
            break
        bc, be = bc * bc, be + be
        k = _ndigits(bc) - wp
        if k > 0:
            bc, r = divmod(bc, 10 ** k)
            be += k
            sticky = sticky or r != 0
    if sticky and rc % 5 == 0:
        rc += 1
    return rc * 10 + (1 if sticky else 0), re_ - 1, not sticky


# -- exp and ln on fixed-point integers: a value v stands for v / 10**wp.

def _fx_ln2(wp):
    return _fx_atanh_inv(3, wp) * 2


def _fx_atanh_inv(k, wp):
    """atanh(1/k) scaled by 10**wp."""
    one = 10 ** (wp + 5)
    k2 = k * k
    term = one // k
    total = term
    n = 1
    while term:
        term //= k2
        n += 2
        total += term // n
    return total // 10 ** 5


def _fx_ln(num, den, wp):
    """ln(num/den) scaled by 10**wp, for positive ints."""
    # num/den = m * 2**k with m in [2/3, 4/3].
    k = num.bit_length() - den.bit_length()
    if k > 0:
        den <<= k
    elif k < 0:
        num <<= -k
    while 3 * num > 4 * den:
        den <<= 1
        k += 1
    while 3 * num < 2 * den:
        num <<= 1
        k -= 1
    g = wp + 10
    one = 10 ** g
    # ln m = 2 atanh(z), z = (m-1)/(m+1), |z| <= 1/7.
    # The series on |z| (floor division of a negative term never reaches 0).
    neg = num < den
    z = abs(num - den) * one // (num + den)
    z2 = z * z // one
    term = z
    total = z
    n = 1
    while term:
        term = term * z2 // one
        n += 2
        total += term // n
    if neg:
        total = -total
    res = 2 * total + k * _fx_ln2(g)
    return res // 10 ** 10


def _fx_exp(x, wp):
    """exp(x / 10**wp) as (mantissa scaled by 10**g, power of two, g)."""
    g = wp + 10
    one = 10 ** g
    x = x * 10 ** 10
    ln2 = _fx_ln2(g)
    k = x // ln2
    r = x - k * ln2
    # r in [0, ln2): halve it 2**s times, sum the series, square back.
    s = 12
    r = r >> s
    term = one
    total = one
    n = 1
    while term:
        term = term * r // (one * n)
        total += term
        n += 1
    for i in range(s):
        total = total * total // one
    return total, k, g


def _transcend(x, ctx, op, y=None):
    """exp, ln, log10 of x or x**y, rounded once to ctx after working with
    20 guard digits (and more for large magnitudes)."""
    prec = ctx._prec
    wp = prec + 20
    if op == 'pow':
        # ln x * y, then exp; the exponent's digits need room too.
        mag = abs(x.adjusted()) + 1
        ywp = wp + _ndigits(abs(int(y))) + _ndigits(mag) + 4 if y.is_finite() else wp
        lnx = _ln_fixed(x, ywp)
        yn, yd = y.as_integer_ratio()
        t = lnx * yn // yd
        return _exp_result(t, ywp, ctx)
    # exp, ln and log10 round half-even whatever the context's rounding
    # (libmpdec's are correctly rounded that way); flags still reach ctx.
    if ctx._rounding != ROUND_HALF_EVEN:
        even = ctx.copy()
        even._rounding = ROUND_HALF_EVEN
        even.traps = ctx.traps
        even.flags = ctx.flags
        ctx = even
    if op == 'exp':
        # x as a fixed-point number: enough digits before the point too.
        mag = max(x.adjusted(), 0)
        if mag > 20:
            # exp of a huge number: overflows or underflows.
            if x._sign:
                return _dec(0, 1, ctx.Etiny() - 1)._fix(ctx)
            return _dec(0, 1, ctx._Emax + 1)._fix(ctx)
        wp2 = wp + mag
        n, d = x.as_integer_ratio()
        t = n * 10 ** wp2 // d
        if x.adjusted() < -wp2:
            # exp of a tiny number is 1 plus it.
            return _dec(0, 10 ** (prec + 5) + (-1 if x._sign else 1), -(prec + 5))._fix(ctx)
        return _exp_result(t, wp2, ctx)
    if op == 'ln':
        v = _ln_fixed(x, wp)
        return _fixed_result(v, wp, ctx)
    v = _ln_fixed(x, wp + 5)
    ln10 = _fx_ln(10, 1, wp + 5)
    v = v * 10 ** (wp + 5) // ln10
    return _fixed_result(v, wp + 5, ctx)


def _ln_fixed(x, wp):
    n, d = x.as_integer_ratio()
    # Enough digits for both ln's size and its precision.
    extra = _ndigits(abs(x.adjusted()) + 1)
    return _fx_ln(n, d, wp + extra) // 10 ** extra


def _fixed_result(v, wp, ctx):
    """The Decimal v / 10**wp, inexact, rounded to ctx."""
    sign = 1 if v < 0 else 0
    v = abs(v)
    if v % 5 == 0:
        v += 1
    return _dec(sign, v, -wp)._fix(ctx)


def _exp_result(t, wp, ctx):
    m, k, g = _fx_exp(t, wp)
    # m * 2**k / 10**g
    if k >= 0:
        v = m << k
        e = -g
    else:
        # Keep prec + 20 significant digits when dividing by 2**-k.
        extra = (-k) * 31 // 100 + 2
        v = (m * 10 ** extra) >> (-k)
        e = -g - extra
    if v % 5 == 0:
        v += 1
    return _dec(0, v, e)._fix(ctx)


# -- format specs: [[fill]align][sign][z][#][0][width][,_][.prec][type]

def _parse_spec(spec):
    i = 0
    fill, align = ' ', None
    if len(spec) >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif spec[:1] and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < len(spec) and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    nozero = False
    if i < len(spec) and spec[i] == 'z':
        nozero = True
        i += 1
    alt = False
    if i < len(spec) and spec[i] == '#':
        alt = True
        i += 1
    zero = False
    if i < len(spec) and spec[i] == '0':
        zero = True
        i += 1
    w = ''
    while i < len(spec) and spec[i].isdigit():
        w += spec[i]
        i += 1
    sep = ''
    if i < len(spec) and spec[i] in ',_':
        sep = spec[i]
        i += 1
    prec = None
    if i < len(spec) and spec[i] == '.':
        i += 1
        p = ''
        while i < len(spec) and spec[i].isdigit():
            p += spec[i]
            i += 1
        if not p:
            raise ValueError('Invalid format specifier')
        prec = int(p)
    typ = None
    if i < len(spec):
        typ = spec[i]
        i += 1
    if i != len(spec) or (typ is not None and typ not in 'eEfFgGn%'):
        raise ValueError('invalid format string')
    if zero and align is None:
        fill, align = '0', '='
    if sep and typ == 'n':
        raise ValueError('invalid format string')
    return fill, align or '>', sign, nozero, alt, int(w) if w else 0, sep, prec, typ


def _format(d, spec):
    fill, align, signopt, nozero, alt, width, sep, prec, typ = _parse_spec(spec)
    ctx = getcontext()
    rounding = ctx._rounding
    if typ is None:
        typ = 'G' if ctx._capitals else 'g'
    elif typ == 'n':
        typ = 'g'
    sign = d._sign
    if d._exp == 'F' or d.is_nan():
        body = str(d.copy_abs())
        if typ in 'EFG' and False:
            body = body.upper()
        return _pad(sign, body, fill, align, signopt, width, nonum=True)
    if typ == '%':
        d = _dec(d._sign, d._int, d._exp + 2)
    if prec is not None:
        if typ in 'eE':
            if _ndigits(d._int) > prec + 1:
                d = _dec(d._sign, *_round_to(d, prec + 1, rounding))
        elif typ in 'fF%':
            d = d._rescale(-prec, rounding)[0]
        elif typ in 'gG':
            if prec == 0:
                prec = 1
            if _ndigits(d._int) > prec:
                d = _dec(d._sign, *_round_to(d, prec, rounding))
    if d._int == 0 and d._exp > 0 and typ in 'fF%':
        d = _dec(d._sign, 0, 0)
    if d._int == 0 and nozero:
        sign = 0
    digits = str(d._int)
    left = d._exp + len(digits)
    if typ in 'eE':
        if d._int == 0 and prec is not None:
            dot = 1 - prec
        else:
            dot = 1
    elif typ in 'fF%':
        dot = left
    else:
        if d._exp <= 0 and left > -6:
            dot = left
        else:
            dot = 1
    if dot < 0:
        ip, fp = '0', '0' * (-dot) + digits
    elif dot > len(digits):
        ip, fp = digits + '0' * (dot - len(digits)), ''
    else:
        ip, fp = digits[:dot] or '0', digits[dot:]
    if typ in 'eE' and prec is not None and len(fp) < prec and d._int:
        fp += '0' * (prec - len(fp))
    if typ in 'gG' and alt and prec is not None:
        have = len(ip.lstrip('0')) + len(fp) if ip != '0' else len(fp.lstrip('0')) or len(fp)
        if have < prec:
            fp += '0' * (prec - have)
    exp = left - dot
    tail = ''
    if fp or alt:
        tail = '.' + fp
    if exp != 0 or typ in 'eE':
        ch = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[typ]
        tail += '%s%+d' % (ch, exp)
    if typ == '%':
        tail += '%'
    if sep:
        if align == '=' and fill == '0':
            # Zero padding is grouped too.
            room = width - len(tail) - (1 if sign or signopt in '+ ' else 0)
            ip = _group(ip, sep, room)
        else:
            ip = _group(ip, sep, 0)
    return _pad(sign, ip + tail, fill, align, signopt, width)


def _round_to(d, n, rounding):
    drop = _ndigits(d._int) - n
    c, inexact = _round_int(d._sign, d._int, drop, rounding)
    e = d._exp + drop
    if _ndigits(c) > n:
        c //= 10
        e += 1
    return c, e


def _group(ip, sep, minwidth):
    groups = []
    s = ip
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    out = sep.join(groups)
    while len(out) < minwidth:
        # Pad with zeros, keeping the grouping.
        n = len(out.replace(sep, ''))
        if n % 3 == 0 and out[0] != sep and len(out) + 1 <= minwidth:
            out = sep + out if n else '0'
            if len(out) >= minwidth:
                out = '0' + out
                break
        else:
            out = '0' + out
    return out


def _pad(sign, body, fill, align, signopt, width, nonum=False):
    s = '-' if sign else ('+' if signopt == '+' else (' ' if signopt == ' ' else ''))
    n = width - len(s) - len(body)
    if n <= 0:
        return s + body
    if align == '<':
        return s + body + fill * n
    if align == '^':
        return fill * (n // 2) + s + body + fill * (n - n // 2)
    if align == '=':
        return s + fill * n + body
    return fill * n + s + body
