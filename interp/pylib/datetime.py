# The datetime module for minipy, written for it (CPython's is in C):
# date, time, datetime, timedelta, tzinfo and fixed-offset timezones.
# Values are kept as plain ints; the clock comes from Go (_now, _local).

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR", "UTC")
MINYEAR = 1
MAXYEAR = 9999
_DIM = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DBM = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
_US_DAY = 86400000000
_MAXORD = 3652059


def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _dim(y, m):
    if m == 2 and _leap(y):
        return 29
    return _DIM[m]


def _struct_time(y, m, d, hh, mm, ss, dstflag):
    # What timetuple() gives: a time.struct_time without zone fields.
    import time
    yday = _ymd2ord(y, m, d) - _ymd2ord(y, 1, 1) + 1
    wday = (_ymd2ord(y, m, d) + 6) % 7
    return time.struct_time((y, m, d, hh, mm, ss, wday, yday, dstflag))


def _ymd2ord(y, m, d):
    p = y - 1
    return p * 365 + p // 4 - p // 100 + p // 400 + _DBM[m] + (m > 2 and _leap(y)) + d


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    y = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        return y - 1, 12, 31
    m = 1
    while n >= _dim(y, m):
        n -= _dim(y, m)
        m += 1
    return y, m, n + 1


def _int(v):
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if hasattr(type(v), "__index__"):
        return v.__index__()
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)


def _check_date(y, m, d):
    y, m, d = _int(y), _int(m), _int(d)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year must be in %d..%d, not %d" % (MINYEAR, MAXYEAR, y))
    if not 1 <= m <= 12:
        raise ValueError("month must be in 1..12, not %d" % m)
    dim = _dim(y, m)
    if not 1 <= d <= dim:
        raise ValueError("day %d must be in range 1..%d for month %d in year %d" % (d, dim, m, y))
    return y, m, d


def _check_time(h, mi, s, us, fold):
    h, mi, s, us = _int(h), _int(mi), _int(s), _int(us)
    if not 0 <= h <= 23:
        raise ValueError("hour must be in 0..23, not %d" % h)
    if not 0 <= mi <= 59:
        raise ValueError("minute must be in 0..59, not %d" % mi)
    if not 0 <= s <= 59:
        raise ValueError("second must be in 0..59, not %d" % s)
    if not 0 <= us <= 999999:
        raise ValueError("microsecond must be in 0..999999, not %d" % us)
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1, not %d" % fold)
    return h, mi, s, us


def _check_tz(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % type(tz).__name__)


def _init_time(self, hour, minute, second, microsecond, tzinfo, fold):
    # The time-of-day part of time and datetime, checked as CPython checks it.
    self._h, self._mi, self._s, self._us = _check_time(hour, minute, second, microsecond, fold)
    _check_tz(tzinfo)
    self._tz = tzinfo
    self._fold = fold


def _add_fields(cls, fields, members=False):
    # Read-only public fields backed by private slots: (name, slot) pairs.
    for name, slot in fields:
        setattr(cls, name, property(lambda self, slot=slot: getattr(self, slot), _read_only(cls, name, members)))


_TIME_FIELDS = (("hour", "_h"), ("minute", "_mi"), ("second", "_s"), ("microsecond", "_us"), ("tzinfo", "_tz"),
                ("fold", "_fold"))


def _add_orderings(cls):
    # The four orderings of cls from cls._order(other, op): a number whose
    # sign is the answer (self - other), or NotImplemented.
    def __lt__(self, other):
        c = self._order(other, "<")
        return c if c is NotImplemented else c < 0

    def __le__(self, other):
        c = self._order(other, "<=")
        return c if c is NotImplemented else c <= 0

    def __gt__(self, other):
        c = self._order(other, ">")
        return c if c is NotImplemented else c > 0

    def __ge__(self, other):
        c = self._order(other, ">=")
        return c if c is NotImplemented else c >= 0

    for method in (__lt__, __le__, __gt__, __ge__):
        setattr(cls, method.__name__, method)


def _read_only(cls, name, member):
    # CPython's fields are C getters, whose error names the defining type,
    # or (timedelta's) read-only C members, whose error does not.
    def fset(self, value):
        if member:
            raise AttributeError("readonly attribute")
        raise AttributeError("attribute '%s' of 'datetime.%s' objects is not writable" % (name, cls.__name__))
    return fset


def _round_half_even(num, den):
    # num / den rounded to the nearest int, ties to even (den > 0).
    q, r = divmod(num, den)
    if 2 * r > den or 2 * r == den and q % 2 == 1:
        q += 1
    return q


def _name(x):
    return type(x).__module__ + "." + type(x).__qualname__


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # As CPython sums them: ints exactly, each float's product with
        # its unit split into a whole part (exact) and a fraction summed
        # in floating point, rounded half to even at the end.
        parts = (("microseconds", microseconds, 1), ("milliseconds", milliseconds, 1000),
                 ("seconds", seconds, 1000000), ("minutes", minutes, 60000000),
                 ("hours", hours, 3600000000), ("days", days, 86400000000), ("weeks", weeks, 604800000000))
        total, left = 0, 0.0
        for name, v, unit in parts:
            if isinstance(v, int):
                total += v * unit
            elif isinstance(v, float):
                prod = v * unit
                whole = int(prod)
                total += whole
                left += prod - whole
            else:
                raise TypeError("unsupported type for timedelta %s component: %s" % (name, type(v).__name__))
        if left:
            w = float(round(left))
            if abs(w - left) == 0.5:
                odd = total & 1
                w = 2.0 * round((left + odd) * 0.5) - odd
            total += int(w)
        self._set(total)

    def _set(self, us):
        d, rest = divmod(us, _US_DAY)
        if not -999999999 <= d <= 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        self._days = d
        self._seconds, self._microseconds = divmod(rest, 1000000)
        self._us = us

    @classmethod
    def _of(cls, us):
        t = object.__new__(timedelta)
        t._set(us)
        return t

    def total_seconds(self):
        return self._us / 10**6

    def __repr__(self):
        # Only the fields that are not zero are named; all zero is "0".
        fields = (("days", self._days), ("seconds", self._seconds), ("microseconds", self._microseconds))
        shown = ", ".join("%s=%d" % (name, value) for name, value in fields if value)
        return "%s(%s)" % (_name(self), shown or "0")

    def __str__(self):
        secs = self._seconds
        text = "%d:%02d:%02d" % (secs // 3600, secs // 60 % 60, secs % 60)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        if not self._days:
            return text
        return "%d %s, %s" % (self._days, "day" if abs(self._days) == 1 else "days", text)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return timedelta._of(self._us + other._us)

    def __sub__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return timedelta._of(self._us - other._us)

    def __rsub__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return timedelta._of(other._us - self._us)

    __radd__ = __add__

    def __pos__(self):
        return self

    def __neg__(self):
        return timedelta._of(-self._us)

    def __abs__(self):
        return timedelta._of(abs(self._us))

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._of(self._us * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._of(_round_half_even(self._us * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("division by zero")
            if other < 0:
                return timedelta._of(_round_half_even(-self._us, -other))
            return timedelta._of(_round_half_even(self._us, other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            if a == 0:
                raise ZeroDivisionError("division by zero")
            if a < 0:
                a, b = -a, -b
            return timedelta._of(_round_half_even(self._us * b, a))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if other._us == 0:
                raise ZeroDivisionError("division by zero")
            return self._us // other._us
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("division by zero")
            return timedelta._of(self._us // other)
        return NotImplemented

    def __mod__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self.__divmod__(other)[1]

    def __divmod__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        if not other._us:
            raise ZeroDivisionError("division by zero")
        quotient, rest = divmod(self._us, other._us)
        return quotient, timedelta._of(rest)

    def __eq__(self, other):
        return self._us == other._us if isinstance(other, timedelta) else NotImplemented

    # One line each: timedeltas are compared often (sorting, timeouts).
    def __lt__(self, other):
        return self._us < other._us if isinstance(other, timedelta) else NotImplemented

    def __le__(self, other):
        return self._us <= other._us if isinstance(other, timedelta) else NotImplemented

    def __gt__(self, other):
        return self._us > other._us if isinstance(other, timedelta) else NotImplemented

    def __ge__(self, other):
        return self._us >= other._us if isinstance(other, timedelta) else NotImplemented

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._us != 0

    def __reduce__(self):
        return (timedelta, (self._days, self._seconds, self._microseconds))


_add_fields(timedelta, (("days", "_days"), ("seconds", "_seconds"), ("microseconds", "_microseconds")), True)
timedelta.min, timedelta.max = timedelta._of(-999999999 * _US_DAY), timedelta._of(1000000000 * _US_DAY - 1)
timedelta.resolution = timedelta._of(1)


class tzinfo:
    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        return dt + dt.utcoffset()


_tzinfo_class = tzinfo  # for where a parameter named tzinfo hides it


def _offset_str(off, sep=":"):
    if off is None:
        return ""
    us = off._us
    sign = "+"
    if us < 0:
        sign, us = "-", -us
    hh, rest = divmod(us, 3600000000)
    mm, rest = divmod(rest, 60000000)
    ss, us = divmod(rest, 1000000)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or us:
        s += "%s%02d" % (sep, ss)
        if us:
            s += ".%06d" % us
    return s


_utc = None  # timezone.utc, once made


class timezone(tzinfo):
    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not -_US_DAY < offset._us < _US_DAY:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %r." % offset)
        if name is None and not offset._us and _utc is not None:
            return _utc  # as CPython's: a zero offset without a name is the one UTC
        zone = object.__new__(cls)
        zone._offset, zone._name = offset, name
        return zone

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __reduce__(self):
        return (timezone, self.__getinitargs__())

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _offset_str(self._offset)

    def fromutc(self, dt):
        return dt + self._offset

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_name(self), self._offset)
        return "%s(%r, %r)" % (_name(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        return self._offset == other._offset if isinstance(other, timezone) else NotImplemented

    def __hash__(self):
        return hash(self._offset)


_utc = timezone.utc = timezone(timedelta(0))
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


def _wday(o):
    return (o + 6) % 7


def _iso(y, m, d):
    o = _ymd2ord(y, m, d)
    y1 = _ymd2ord(y, 1, 1)
    mon1 = y1 - _wday(y1) + (7 if _wday(y1) > 3 else 0)
    if o < mon1:
        y -= 1
        y1 = _ymd2ord(y, 1, 1)
        mon1 = y1 - _wday(y1) + (7 if _wday(y1) > 3 else 0)
    else:
        n1 = _ymd2ord(y + 1, 1, 1)
        nmon1 = n1 - _wday(n1) + (7 if _wday(n1) > 3 else 0)
        if o >= nmon1:
            y, mon1 = y + 1, nmon1
    return y, (o - mon1) // 7 + 1, _wday(o) + 1


class IsoCalendarDate(tuple):
    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % (self[0], self[1], self[2])

    def __reduce__(self):
        # Pickled as a plain tuple, as CPython does.
        return (tuple, (tuple(self),))


def _strftime(fmt, y, mo, d, h, mi, s, us, tz, dt):
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    o = _ymd2ord(y, mo, d)
    wd = _wday(o)
    yday = o - _ymd2ord(y, 1, 1) + 1
    out = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%" or i == n:
            out.append(c)
            continue
        c = fmt[i]
        i += 1
        if c == "Y":
            out.append("%d" % y if y >= 1000 else "%d" % y)
        elif c == "m":
            out.append("%02d" % mo)
        elif c == "d":
            out.append("%02d" % d)
        elif c == "e":
            out.append("%2d" % d)
        elif c == "H":
            out.append("%02d" % h)
        elif c == "I":
            out.append("%02d" % ((h + 11) % 12 + 1))
        elif c == "M":
            out.append("%02d" % mi)
        elif c == "S":
            out.append("%02d" % s)
        elif c == "f":
            out.append("%06d" % us)
        elif c == "y":
            out.append("%02d" % (y % 100))
        elif c == "C":
            out.append("%02d" % (y // 100))
        elif c == "p":
            out.append("AM" if h < 12 else "PM")
        elif c == "a":
            out.append(_DAYS[wd][:3])
        elif c == "A":
            out.append(_DAYS[wd])
        elif c == "b" or c == "h":
            out.append(_MONTHS[mo][:3])
        elif c == "B":
            out.append(_MONTHS[mo])
        elif c == "j":
            out.append("%03d" % yday)
        elif c == "w":
            out.append("%d" % ((wd + 1) % 7))
        elif c == "u":
            out.append("%d" % (wd + 1))
        elif c == "U":
            out.append("%02d" % ((yday + 6 - (wd + 1) % 7) // 7))
        elif c == "W":
            out.append("%02d" % ((yday + 6 - wd) // 7))
        elif c in "GV":
            iy, iw, _ = _iso(y, mo, d)
            out.append("%d" % iy if c == "G" else "%02d" % iw)
        elif c == "c":
            out.append("%s %s %2d %02d:%02d:%02d %d" % (_DAYS[wd][:3], _MONTHS[mo][:3], d, h, mi, s, y))
        elif c == "x" or c == "D":
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif c == "X" or c == "T":
            out.append("%02d:%02d:%02d" % (h, mi, s))
        elif c == "R":
            out.append("%02d:%02d" % (h, mi))
        elif c == "F":
            out.append("%d-%02d-%02d" % (y, mo, d))
        elif c == "z":
            off = None if tz is None else tz.utcoffset(dt)
            out.append(_offset_str(off, ""))
        elif c == "Z":
            name = None if tz is None else tz.tzname(dt)
            out.append(name or "")
        elif c == ":" and i < n and fmt[i] == "z":
            i += 1
            off = None if tz is None else tz.utcoffset(dt)
            out.append(_offset_str(off))
        elif c == "%":
            out.append("%")
        elif c == "n":
            out.append("\n")
        elif c == "t":
            out.append("\t")
        else:
            out.append("%" + c)
    return "".join(out)


def _state_bytes(x, n):
    return isinstance(x, (bytes, bytearray)) and len(x) == n


class date:
    def __init__(self, year, month=None, day=None):
        if month is None and _state_bytes(year, 4):
            # A pickle's state (date.__reduce__).
            self._y, self._m, self._d = year[0] * 256 + year[1], year[2], year[3]
            return
        if month is None or day is None:
            missing = "month" if month is None else "day"
            raise TypeError("function missing required argument '%s' (pos %d)" % (missing, 2 if month is None else 3))
        self._y, self._m, self._d = _check_date(year, month, day)

    @classmethod
    def _make(cls, y, m, d):
        r = object.__new__(cls)
        r._y, r._m, r._d = y, m, d
        return r

    @classmethod
    def today(cls):
        t = _now()
        return cls(t[0], t[1], t[2])

    @classmethod
    def fromtimestamp(cls, t):
        f = _local(t)
        return cls(f[0], f[1], f[2])

    @classmethod
    def fromordinal(cls, n):
        n = _int(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > 0x7FFFFFFF:
            raise OverflowError("signed integer is greater than maximum")
        # Past the last day, the year it would fall in is named.
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        week_date = _parse_isoweek(s)
        if week_date is not None and week_date[1] == len(s):
            return cls(*week_date[0])
        r = _parse_isodate(s)
        if r is None or len(s) not in (8, 10):
            raise ValueError("Invalid isoformat string: %r" % s)
        return cls(*r)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("year must be in %d..%d, not %d" % (MINYEAR, MAXYEAR, year))
        if not 1 <= week <= 53 or week == 53 and _iso(year, 12, 28)[1] != 53:
            raise ValueError("Invalid week: %d" % week)
        if not 1 <= day <= 7:
            raise ValueError("Invalid weekday: %d (range is [1, 7])" % day)
        return cls(*_ord2ymd(_isoweek_ordinal(year, week, day)))

    def toordinal(self):
        return _ymd2ord(self._y, self._m, self._d)

    def weekday(self):
        return _wday(self.toordinal())

    def isoweekday(self):
        return _wday(self.toordinal()) + 1

    def isocalendar(self):
        return IsoCalendarDate(_iso(self._y, self._m, self._d))

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day)

    def timetuple(self):
        return _struct_time(self._y, self._m, self._d, 0, 0, 0, -1)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._y, self._m, self._d)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_name(self), self._y, self._m, self._d)

    def ctime(self):
        return _strftime("%c", self._y, self._m, self._d, 0, 0, 0, 0, None, None)

    def strftime(self, fmt):
        return _strftime(fmt, self._y, self._m, self._d, 0, 0, 0, 0, None, None)

    def __format__(self, fmt):
        # An empty format is str(); others go to strftime.
        if isinstance(fmt, str):
            return self.strftime(fmt) if fmt else str(self)
        raise TypeError("__format__() argument 1 must be str, not %s" % ("None" if fmt is None else type(fmt).__name__))

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        o = self.toordinal() + other._days
        if not 1 <= o <= _MAXORD:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(o)
        return type(self)._make(y, m, d) if type(self) is date else date(y, m, d)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta._of(-other._days * _US_DAY)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta._of((self.toordinal() - other.toordinal()) * _US_DAY)
        return NotImplemented

    __radd__ = __add__

    # A date and a datetime do not compare (both sides say NotImplemented,
    # as since 3.13): == is identity, < a TypeError.
    def __eq__(self, other):
        return self._ymd() == other._ymd() if _plain_date(other) else NotImplemented

    def __lt__(self, other):
        return self._ymd() < other._ymd() if _plain_date(other) else NotImplemented

    def __le__(self, other):
        return self._ymd() <= other._ymd() if _plain_date(other) else NotImplemented

    def __gt__(self, other):
        return self._ymd() > other._ymd() if _plain_date(other) else NotImplemented

    def __ge__(self, other):
        return self._ymd() >= other._ymd() if _plain_date(other) else NotImplemented

    def _ymd(self):
        return self._y, self._m, self._d

    def __hash__(self):
        return hash((self._y, self._m, self._d))

    def __reduce__(self):
        return (type(self), (bytes([self._y >> 8, self._y & 255, self._m, self._d]),))


_add_fields(date, (("year", "_y"), ("month", "_m"), ("day", "_d")))


def _plain_date(x):
    return isinstance(x, date) and not isinstance(x, datetime)

date.min, date.max = date(1, 1, 1), date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _time_repr(x, h, mi, s, us, tz, fold=0):
    if us:
        body = "%d, %d, %d, %d" % (h, mi, s, us)
    elif s:
        body = "%d, %d, %d" % (h, mi, s)
    else:
        body = "%d, %d" % (h, mi)
    if tz is not None:
        body += ", tzinfo=%r" % tz
    if fold:
        body += ", fold=1"
    return body


def _time_iso(h, mi, s, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, mi)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, mi, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, mi, s, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, mi, s, us)
    raise ValueError("Unknown timespec value")


def _isoweek_ordinal(year, week, day):
    # Week 1 is the one with the year's first Thursday; weeks start Monday.
    jan1 = _ymd2ord(year, 1, 1)
    monday1 = jan1 - _wday(jan1) + (7 if _wday(jan1) > 3 else 0)
    return monday1 + (week - 1) * 7 + day - 1


def _parse_isoweek(s):
    # An ISO week date at the start of s: YYYY-Www[-D] or YYYYWww[D] (the
    # day defaults to Monday). -> ((y, m, d), length used) or None.
    dashed = s[4:6] == "-W"
    if not dashed and s[4:5] != "W":
        return None
    at = 6 if dashed else 5
    end = at + 2
    day = "1"
    if dashed and s[end:end + 1] == "-":
        day, end = s[end + 1:end + 2], end + 2
    elif not dashed and s[end:end + 1].isdigit():
        day, end = s[end], end + 1
    fields = (s[:4], s[at:at + 2], day)
    if not all(len(f) == n and f.isdigit() and f.isascii() for f, n in zip(fields, (4, 2, 1))):
        return None
    y, w, d = int(fields[0]), int(fields[1]), int(fields[2])
    if not MINYEAR <= y <= MAXYEAR or not 1 <= d <= 7 or not 1 <= w <= 53:
        return None
    if w == 53 and _iso(y, 12, 28)[1] != 53:
        return None
    n = _isoweek_ordinal(y, w, d)
    return (_ord2ymd(n), end) if 1 <= n <= _MAXORD else None


def _parse_isodate(s):
    if len(s) >= 10 and s[4] == "-" and s[7] == "-":
        parts = (s[0:4], s[5:7], s[8:10])
    elif len(s) >= 8:
        parts = (s[0:4], s[4:6], s[6:8])
    else:
        return None
    for p in parts:
        if not (p.isdigit() and p.isascii()):
            return None
    return int(parts[0]), int(parts[1]), int(parts[2])


def _parse_isotime(s):
    # -> (h, m, s, us, tz) or None
    tz = None
    for i, c in enumerate(s):
        if c in "+-Z":
            rest = s[i:]
            s = s[:i]
            if rest == "Z":
                tz = timezone.utc
            else:
                t = _parse_isotime(rest[1:])
                if t is None or t[4] is not None:
                    return None
                off = timedelta(hours=t[0], minutes=t[1], seconds=t[2], microseconds=t[3])
                tz = timezone.utc if not off else timezone(-off if rest[0] == "-" else off)
            break
    fields = []
    frac = 0
    if ":" in s:
        pieces = s.split(":")
    else:
        pieces = [s[k:k + 2] for k in range(0, min(len(s), 6), 2)]
        if len(s) > 6:
            pieces[-1] += s[6:]
    if not pieces or len(pieces) > 3:
        return None
    for k, p in enumerate(pieces):
        if k == 2 and len(p) > 2 and p[2] in ".,":
            digits = p[3:]
            if not digits or not digits.isdigit():
                return None
            frac = int((digits + "000000")[:6])
            p = p[:2]
        if len(p) != 2 or not p.isdigit():
            return None
        fields.append(int(p))
    while len(fields) < 3:
        fields.append(0)
    return fields[0], fields[1], fields[2], frac, tz


def _clock_of(b):
    return b[0], b[1], b[2], (b[3] << 16) | (b[4] << 8) | b[5]


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if _state_bytes(hour, 6):
            # A pickle's state (time.__reduce__), then its tzinfo.
            tz = minute if isinstance(minute, _tzinfo_class) else None
            h, mi, sec, us = _clock_of(hour)
            _init_time(self, h, mi, sec, us, tz, 0)
            return
        _init_time(self, hour, minute, second, microsecond, tzinfo, fold)

    def __reduce__(self):
        st = bytes([self.hour, self.minute, self.second, self.microsecond >> 16,
                    (self.microsecond >> 8) & 255, self.microsecond & 255])
        if self.tzinfo is None:
            return (type(self), (st,))
        return (type(self), (st, self.tzinfo))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        t = _parse_isotime(s[1:] if s[:1] == "T" else s)
        if t is None:
            raise ValueError("Invalid isoformat string: %r" % s)
        return cls(t[0], t[1], t[2], t[3], t[4])

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._h if hour is None else hour, self._mi if minute is None else minute,
                          self._s if second is None else second, self._us if microsecond is None else microsecond,
                          self._tz if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(None)

    def tzname(self):
        return None if self._tz is None else self._tz.tzname(None)

    def dst(self):
        return None if self._tz is None else self._tz.dst(None)

    def isoformat(self, timespec="auto"):
        return _time_iso(self._h, self._mi, self._s, self._us, timespec) + _offset_str(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "%s(%s)" % (_name(self), _time_repr(self, self._h, self._mi, self._s, self._us, self._tz, self._fold))

    def strftime(self, fmt):
        return _strftime(fmt, 1900, 1, 1, self._h, self._mi, self._s, self._us, self._tz, None)

    __format__ = date.__format__

    def _key(self):
        return (self._h, self._mi, self._s, self._us)

    def _utc_key(self, offset):
        # The clock moved to UTC, as CPython's C code does it: whole
        # seconds of the offset, microseconds compared after.
        return self._h * 3600 + self._mi * 60 + self._s - offset._us // 1000000, self._us

    def __eq__(self, other):
        apart = self._order(other, "==")
        return apart if apart is NotImplemented else apart == 0

    def _order(self, other, op):
        # Times with the same tzinfo object, or equal offsets, compare by
        # their fields; other aware times as UTC readings. A naive and an
        # aware time are unequal and do not order.
        if not isinstance(other, time):
            return NotImplemented
        mine = theirs = None
        if self._tz is not other._tz:
            mine, theirs = self.utcoffset(), other.utcoffset()
        if mine == theirs:
            a, b = self._key(), other._key()
        elif mine is None or theirs is None:
            if op == "==":
                return None
            raise TypeError("can't compare offset-naive and offset-aware times")
        else:
            a, b = self._utc_key(mine), other._utc_key(theirs)
        return (a > b) - (a < b)

    def __hash__(self):
        offset = self.utcoffset()
        return hash(self._key() if offset is None else self._utc_key(offset))

    def __bool__(self):
        return True


_add_fields(time, _TIME_FIELDS)
_add_orderings(time)
time.min, time.max = time(0, 0), time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    def __init__(self, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if _state_bytes(year, 10):
            # A pickle's state (datetime.__reduce__), then its tzinfo.
            tz = month
            date.__init__(self, year[:4])
            h, mi, sec, us = _clock_of(year[4:])
            _init_time(self, h, mi, sec, us, tz, 0)
            return
        date.__init__(self, year, month, day)
        _init_time(self, hour, minute, second, microsecond, tzinfo, fold)

    def __reduce__(self):
        st = bytes([self.year >> 8, self.year & 255, self.month, self.day,
                    self.hour, self.minute, self.second, self.microsecond >> 16,
                    (self.microsecond >> 8) & 255, self.microsecond & 255])
        if self.tzinfo is None:
            return (type(self), (st,))
        return (type(self), (st, self.tzinfo))

    @classmethod
    def _from_us(cls, us, tz):
        # us: microseconds since 0001-01-01T00:00 (ordinal 1 at 0).
        days, rest = divmod(us, _US_DAY)
        if not 0 <= days < _MAXORD:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(days + 1)
        secs, u = divmod(rest, 1000000)
        hh, secs = divmod(secs, 3600)
        mm, ss = divmod(secs, 60)
        return cls(y, m, d, hh, mm, ss, u, tz)

    def _us_total(self):
        return ((self.toordinal() - 1) * 86400 + self._h * 3600 + self._mi * 60 + self._s) * 1000000 + self._us

    @classmethod
    def now(cls, tz=None):
        _check_tz(tz)
        if tz is not None:
            return tz.fromutc(cls.utcfromtimestamp_(_now()[7]).replace(tzinfo=tz))
        t = _now()
        return cls(t[0], t[1], t[2], t[3], t[4], t[5], t[6])

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcfromtimestamp_(cls, ts):
        us = round(ts * 1000000) if isinstance(ts, float) else ts * 1000000
        return cls._from_us(us + 719162 * _US_DAY, None)

    @classmethod
    def utcnow(cls):
        _deprecated_utc("utcnow()", "now(datetime.UTC)")
        return cls.utcfromtimestamp_(_now()[7])

    @classmethod
    def utcfromtimestamp(cls, ts):
        _deprecated_utc("utcfromtimestamp()", "fromtimestamp(timestamp, datetime.UTC)")
        return cls.utcfromtimestamp_(ts)

    @classmethod
    def fromtimestamp(cls, ts, tz=None):
        _check_tz(tz)
        if tz is not None:
            return tz.fromutc(cls.utcfromtimestamp_(ts).replace(tzinfo=tz))
        f = _local(ts)
        return cls(f[0], f[1], f[2], f[3], f[4], f[5], f[6])

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond, tzinfo)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        week_date = _parse_isoweek(s)
        if week_date is not None:
            d, dlen = week_date
        else:
            d = _parse_isodate(s)
            if d is None:
                raise ValueError("Invalid isoformat string: %r" % s)
            dlen = 10 if len(s) >= 10 and s[4] == "-" else 8
        rest = s[dlen:]
        t = (0, 0, 0, 0, None)
        if rest:
            t = _parse_isotime(rest[1:])
            if t is None or rest[0] not in "T ":
                raise ValueError("Invalid isoformat string: %r" % s)
        return cls(d[0], d[1], d[2], t[0], t[1], t[2], t[3], t[4])

    @classmethod
    def strptime(cls, s, fmt):
        return cls(*_strptime(s, fmt))

    def date(self):
        return date(self._y, self._m, self._d)

    def time(self):
        return time(self._h, self._mi, self._s, self._us, fold=self._fold)

    def timetz(self):
        return time(self._h, self._mi, self._s, self._us, self._tz, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day, self._h if hour is None else hour,
                          self._mi if minute is None else minute, self._s if second is None else second,
                          self._us if microsecond is None else microsecond,
                          self._tz if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def utcoffset(self):
        if self._tz is None:
            return None
        return self._tz.utcoffset(self)

    def tzname(self):
        return None if self._tz is None else self._tz.tzname(self)

    def dst(self):
        return None if self._tz is None else self._tz.dst(self)

    def astimezone(self, tz=None):
        off = self.utcoffset()
        if off is None:
            off = timedelta(seconds=_local_offset(self))
        utc = self._us_total() - off._us
        if tz is None:
            t = datetime._from_us(utc, None)
            loff = _local_offset(t)
            return datetime._from_us(utc + loff * 1000000, timezone(timedelta(seconds=loff)))
        return tz.fromutc(datetime._from_us(utc, tz))

    def timestamp(self):
        off = self.utcoffset()
        if off is None:
            off = timedelta(seconds=_local_offset(self))
        return (self._us_total() - off._us - 719162 * _US_DAY) / 10**6

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else 1 if dst else 0
        return _struct_time(self._y, self._m, self._d, self._h, self._mi, self._s, flag)

    def utctimetuple(self):
        # The UTC reading of an aware datetime; a naive one as it is.
        off = self.utcoffset()
        t = self - off if off else self
        return _struct_time(t._y, t._m, t._d, t._h, t._mi, t._s, 0)

    def isoformat(self, sep="T", timespec="auto"):
        return "%04d-%02d-%02d%s%s%s" % (self._y, self._m, self._d, sep,
                                        _time_iso(self._h, self._mi, self._s, self._us, timespec),
                                        _offset_str(self.utcoffset()))

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        return "%s(%d, %d, %d, %s)" % (_name(self), self._y, self._m, self._d,
                                       _time_repr(self, self._h, self._mi, self._s, self._us, self._tz, self._fold))

    def ctime(self):
        return _strftime("%c", self._y, self._m, self._d, self._h, self._mi, self._s, 0, None, None)

    def strftime(self, fmt):
        return _strftime(fmt, self._y, self._m, self._d, self._h, self._mi, self._s, self._us, self._tz, self)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return type(self)._from_us(self._us_total() + other._us, self._tz)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_us(self._us_total() - other._us, self._tz)
        if isinstance(other, datetime):
            a, b = self.utcoffset(), other.utcoffset()
            if (a is None) != (b is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            us = self._us_total() - other._us_total()
            if a is not None and self._tz is not other._tz:
                us -= a._us - b._us
            return timedelta._of(us)
        return NotImplemented

    __radd__ = __add__

    def _order(self, other, op):
        # Microseconds apart, None where == meets naive and aware.
        if not isinstance(other, datetime):
            return NotImplemented
        a, b = self.utcoffset(), other.utcoffset()
        if (a is None) != (b is None):
            if op in ("==", "!="):
                return None
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        x, y = self._us_total(), other._us_total()
        if a is not None and self._tz is not other._tz:
            x -= a._us
            y -= b._us
        return x - y

    def __eq__(self, other):
        apart = self._order(other, "==")
        return apart if apart is NotImplemented else apart == 0

    def __hash__(self):
        off = self.utcoffset()
        us = self._us_total() - (off._us if off is not None else 0)
        return hash(us)


_add_fields(datetime, _TIME_FIELDS)
_add_orderings(datetime)
datetime.min, datetime.max = datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _deprecated_utc(what, instead):
    # 3.12's warning, pointed at the line that called (stacklevel 2 here
    # stands for CPython's C method's 1).
    import warnings
    warnings.warn("datetime.datetime.%s is deprecated and scheduled for removal in a future "
                  "version. Use timezone-aware objects to represent datetimes in UTC: "
                  "datetime.datetime.%s." % (what, instead), DeprecationWarning, stacklevel=3)


# What the C locale's %c, %x and %X stand for when parsing.
_C_LOCALE_FORMATS = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}


def _strptime(s, fmt):
    fields = _strptime_fields(s, fmt)
    tz, zone = fields[7], fields[10]
    if tz is not None and zone:
        tz = timezone(tz.utcoffset(None), zone)
    return fields[:7] + (tz,)


def _week_julian(year, week, weekday, monday_first):
    """Day of the year (from 1; 0 or less falls in the year before) of the
    given weekday (0 is Monday) in a %W (monday_first) or %U week."""
    start = 0 if monday_first else 6
    jan1 = (_ymd2ord(year, 1, 1) + 6) % 7
    # Days of the year's week 0: those before its first week start.
    lead = (start - jan1) % 7
    offset = (weekday - start) % 7
    if week == 0:
        return 1 + lead - 7 + offset if lead else 1 + offset
    return 1 + lead + 7 * (week - 1) + offset


def _strptime_fields(s, fmt):
    """Parses s by fmt: (year, month, day, hour, minute, second,
    microsecond, tzinfo, weekday, day of the year)."""
    import re
    if not isinstance(s, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(s).__name__)
    if not isinstance(fmt, str):
        raise TypeError("strptime() argument 2 must be str, not %s" % type(fmt).__name__)
    names = "|".join
    week = r"5[0-3]|[0-4]\d|\d"
    pats = {
        "Y": r"(?P<Y>\d\d\d\d)", "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])", "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
        "H": r"(?P<H>2[0-3]|[0-1]\d|\d)", "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])", "M": r"(?P<M>[0-5]\d|\d)",
        "S": r"(?P<S>6[0-1]|[0-5]\d|\d)", "f": r"(?P<f>[0-9]{1,6})", "y": r"(?P<y>\d\d)",
        "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
        "p": r"(?P<p>am|pm)", "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
        "B": "(?P<B>" + names(m.lower() for m in _MONTHS[1:]) + ")",
        "b": "(?P<b>" + names(m[:3].lower() for m in _MONTHS[1:]) + ")",
        "A": "(?P<A>" + names(d.lower() for d in _DAYS) + ")",
        "a": "(?P<a>" + names(d[:3].lower() for d in _DAYS) + ")",
        "U": "(?P<U>" + week + ")", "W": "(?P<W>" + week + ")", "w": r"(?P<w>[0-6])", "u": r"(?P<u>[1-7])",
        "G": r"(?P<G>\d\d\d\d)", "V": r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
        "Z": "(?P<Z>" + names(re.escape(z) for z in _zone_names()) + ")",
        "%": "%",
    }
    out = []
    i, n = 0, len(fmt)
    seen = set()
    # The C locale's composite directives are read as what they stand for.
    text = fmt
    while i < n:
        c = text[i]
        i += 1
        if c == "%" and i < n:
            k = text[i]
            i += 1
            if k in _C_LOCALE_FORMATS:
                text = text[:i - 2] + _C_LOCALE_FORMATS[k] + text[i:]
                i -= 2
                n = len(text)
                continue
            if k not in pats:
                raise ValueError("'%s' is a bad directive in format '%s'" % (k, fmt))
            if k in seen and k != "%":
                raise re.error("redefinition of group name %r as group %d" % (k, len(seen) + 1))
            seen.add(k)
            out.append(pats[k])
        elif c == "%":
            raise ValueError("stray %% in format '%s'" % fmt)
        elif c.isspace():
            out.append(r"\s+")
            while i < n and text[i].isspace():
                i += 1
        else:
            out.append(re.escape(c))
    m = re.compile("".join(out), re.IGNORECASE).match(s)
    if m is None:
        raise ValueError("time data %r does not match format %r" % (s, fmt))
    if m.end() != len(s):
        raise ValueError("unconverted data remains: %s" % s[m.end():])
    g = m.groupdict()
    y, mo, d, h, mi, sec, us = 1900, 1, 1, 0, 0, 0, 0
    tz = None
    if g.get("Y"):
        y = int(g["Y"])
    elif g.get("y"):
        y = int(g["y"])
        y += 2000 if y <= 68 else 1900
    if g.get("m"):
        mo = int(g["m"])
    elif g.get("B"):
        mo = [x.lower() for x in _MONTHS].index(g["B"].lower())
    elif g.get("b"):
        mo = [x[:3].lower() for x in _MONTHS].index(g["b"].lower())
    if g.get("d"):
        d = int(g["d"])
    if g.get("H"):
        h = int(g["H"])
    elif g.get("I"):
        h = int(g["I"]) % 12
        if (g.get("p") or "").lower() == "pm":
            h += 12
    if g.get("M"):
        mi = int(g["M"])
    if g.get("S"):
        sec = int(g["S"])
    if g.get("f"):
        us = int((g["f"] + "000000")[:6])
    weekday = None
    if g.get("A"):
        weekday = [x.lower() for x in _DAYS].index(g["A"].lower())
    elif g.get("a"):
        weekday = [x[:3].lower() for x in _DAYS].index(g["a"].lower())
    elif g.get("w"):
        weekday = (int(g["w"]) + 6) % 7
    elif g.get("u"):
        weekday = int(g["u"]) - 1
    julian = int(g["j"]) if g.get("j") else None
    if g.get("G"):
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
        if not g.get("V") or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
    elif g.get("V"):
        if (g.get("Y") or g.get("y")) and weekday is not None:
            raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                             "'%Y'. Use the ISO year '%G' instead.")
        raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                         "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
    # A week number and a weekday name the day when no day of the year does.
    if julian is None and weekday is not None and (g.get("U") or g.get("W")):
        monday_first = bool(g.get("W"))
        julian = _week_julian(y, int(g["W"] if monday_first else g["U"]), weekday, monday_first)
        if julian <= 0:
            y -= 1
            julian += 366 if _leap(y) else 365
    elif julian is None and weekday is not None and g.get("G"):
        y, mo, d = date.fromisocalendar(int(g["G"]), int(g["V"]), weekday + 1).timetuple()[:3]
    if julian is None:
        julian = _ymd2ord(y, mo, d) - _ymd2ord(y, 1, 1) + 1
    else:
        y, mo, d = _ord2ymd(_ymd2ord(y, 1, 1) + julian - 1)
    if weekday is None:
        weekday = (_ymd2ord(y, mo, d) + 6) % 7
    z = g.get("z")
    if z:
        if z == "Z" or z == "z":
            tz = timezone.utc
        else:
            t = _parse_isotime(z[1:].replace(":", ""))
            off = timedelta(hours=t[0], minutes=t[1], seconds=t[2], microseconds=t[3])
            tz = timezone(-off if z[0] == "-" else off)
    zone = g.get("Z")
    return y, mo, d, h, mi, sec, us, tz, weekday, julian, zone


def _zone_names():
    """What %Z matches: UTC, GMT and the local zone's names, longest first."""
    import time
    known = {"utc", "gmt"} | {n.lower() for n in time.tzname}
    return sorted(known, key=len, reverse=True)


def _time_strptime(s, fmt):
    """time.strptime's parts: the nine items, tm_zone and tm_gmtoff."""
    y, mo, d, h, mi, sec, _us, tz, weekday, julian, zone = _strptime_fields(s, fmt)
    gmtoff = None
    if tz is not None:
        off = tz.utcoffset(None)
        gmtoff = off.days * 86400 + off.seconds
    isdst = -1
    if zone:
        # 0 for the zone's standard names (and UTC/GMT), 1 for its summer one.
        import time
        isdst = 0 if zone.lower() in ("utc", "gmt", time.tzname[0].lower()) else 1
    return (y, mo, d, h, mi, sec, weekday, julian, isdst), zone, gmtoff

_exported = ("_time_strptime",)
