# calendar for minipy, written for this project from the module's documented
# behaviour: leap years and weekdays in the proleptic Gregorian calendar,
# month grids (a month padded to whole weeks from a chosen first weekday),
# the plain-text layout of months and years and the HTML tables. English
# names only: minipy has no locales, so the Locale* calendars take a locale
# and ignore it. Weekdays and months are IntEnums that print as
# calendar.MONDAY, as CPython 3.12+'s global enums do.

from enum import IntEnum as _IntEnum

# The public names, in CPython's order.
__all__ = """
IllegalMonthError IllegalWeekdayError setfirstweekday firstweekday isleap
leapdays weekday monthrange monthcalendar prmonth month prcal calendar timegm
month_name month_abbr day_name day_abbr Calendar TextCalendar HTMLCalendar
LocaleTextCalendar LocaleHTMLCalendar weekheader Day Month JANUARY FEBRUARY
MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER MONDAY
TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY
""".split()

error = ValueError


class IllegalMonthError(ValueError, IndexError):
    def __str__(self):
        return "bad month number %r; must be 1-12" % (self.month,)

    def __init__(self, month):
        self.month = month


class IllegalWeekdayError(ValueError):
    def __str__(self):
        return "bad weekday number %r; must be 0 (Monday) to 6 (Sunday)" % (self.weekday,)

    def __init__(self, weekday):
        self.weekday = weekday


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _global_repr(member):
    # The enums name themselves as the module's globals do.
    return "calendar." + member.name


class Month(_IntEnum):
    JANUARY, FEBRUARY, MARCH, APRIL, MAY, JUNE = 1, 2, 3, 4, 5, 6
    JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER = 7, 8, 9, 10, 11, 12
    __repr__ = _global_repr


class Day(_IntEnum):
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = 0, 1, 2, 3, 4, 5, 6
    __repr__ = _global_repr


JANUARY, FEBRUARY, MARCH, APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER = Month
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = Day

mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class _NameTable:
    """A read-only sequence of names: indexes and slices like a list."""

    def __init__(self, names):
        self._names = list(names)

    def __getitem__(self, i):
        return self._names[i]

    def __len__(self):
        return len(self._names)

    def __iter__(self):
        return iter(self._names)


day_name = _NameTable(_DAY_NAMES)
day_abbr = _NameTable(n[:3] for n in _DAY_NAMES)
month_name = _NameTable(("",) + _MONTH_NAMES)
month_abbr = _NameTable([""] + [n[:3] for n in _MONTH_NAMES])


# ---------------------------------------------------------------- day arithmetic

def isleap(year):
    if year % 400 == 0:
        return True
    return year % 4 == 0 and year % 100 != 0


def _leaps_through(year):
    # Leap years in 1..year (negative for years before 1).
    return year // 4 - year // 100 + year // 400


def leapdays(y1, y2):
    return _leaps_through(y2 - 1) - _leaps_through(y1 - 1)


def _month_length(year, month):
    return 29 if month == 2 and isleap(year) else mdays[month]


# Days in the months before each month of a common year.
_DAYS_BEFORE = [0] * 13
for _m in range(2, 13):
    _DAYS_BEFORE[_m] = _DAYS_BEFORE[_m - 1] + mdays[_m - 1]
del _m


def _day_number(year, month, day):
    """Days from 0001-01-01 (day 1) to the date, proleptic Gregorian."""
    before = year - 1
    n = before * 365 + _leaps_through(before) + _DAYS_BEFORE[month] + day
    if month > 2 and isleap(year):
        n += 1
    return n


def _check_month(month):
    if month < 1 or month > 12:
        raise IllegalMonthError(month)


def weekday(year, month, day):
    # Outside datetime's years, a year 400 years away has the same days.
    if year < 1 or year > 9999:
        year = 2000 + year % 400
    if month < 1 or month > 12:
        raise ValueError("month must be in 1..12, not %d" % month)
    last = _month_length(year, month)
    if day < 1 or day > last:
        raise ValueError("day %d must be in range 1..%d for month %d in year %d" % (day, last, month, year))
    # Day 1 (0001-01-01) was a Monday.
    return Day((_day_number(year, month, day) - 1) % 7)


def monthrange(year, month):
    _check_month(month)
    return weekday(year, month, 1), _month_length(year, month)


def _month_before(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _month_after(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _chunks(items, size):
    items = list(items)
    return [items[at:at + size] for at in range(0, len(items), size)]


# ---------------------------------------------------------------- Calendar

class Calendar:
    """Month grids: every month padded with days of its neighbours to whole
    weeks starting on firstweekday (0 Monday ... 6 Sunday)."""

    def __init__(self, firstweekday=0):
        self._first = firstweekday

    def getfirstweekday(self):
        return self._first % 7

    def setfirstweekday(self, firstweekday):
        self._first = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday)

    def iterweekdays(self):
        start = self.firstweekday
        for k in range(7):
            yield (start + k) % 7

    def _padding(self, year, month):
        """Days shown from the month before and after, and the month's length."""
        first, length = monthrange(year, month)
        lead = (first - self.firstweekday) % 7
        trail = -(lead + length) % 7
        return lead, length, trail

    def itermonthdays3(self, year, month):
        lead, length, trail = self._padding(year, month)
        py, pm = _month_before(year, month)
        prev_len = _month_length(py, pm)
        for d in range(prev_len - lead + 1, prev_len + 1):
            yield py, pm, d
        for d in range(1, length + 1):
            yield year, month, d
        ny, nm = _month_after(year, month)
        for d in range(1, trail + 1):
            yield ny, nm, d

    def itermonthdays4(self, year, month):
        col = self.firstweekday
        for y, m, d in self.itermonthdays3(year, month):
            yield y, m, d, col
            col = (col + 1) % 7

    def itermonthdays(self, year, month):
        lead, length, trail = self._padding(year, month)
        yield from [0] * lead
        yield from range(1, length + 1)
        yield from [0] * trail

    def itermonthdays2(self, year, month):
        col = self.firstweekday
        for d in self.itermonthdays(year, month):
            yield d, col
            col = (col + 1) % 7

    def itermonthdates(self, year, month):
        import datetime
        for y, m, d in self.itermonthdays3(year, month):
            yield datetime.date(y, m, d)

    def monthdatescalendar(self, year, month):
        return _chunks(self.itermonthdates(year, month), 7)

    def monthdays2calendar(self, year, month):
        return _chunks(self.itermonthdays2(year, month), 7)

    def monthdayscalendar(self, year, month):
        return _chunks(self.itermonthdays(year, month), 7)

    # A year as rows of width months each.
    def yeardatescalendar(self, year, width=3):
        return _chunks((self.monthdatescalendar(year, m) for m in range(1, 13)), width)

    def yeardays2calendar(self, year, width=3):
        return _chunks((self.monthdays2calendar(year, m) for m in range(1, 13)), width)

    def yeardayscalendar(self, year, width=3):
        return _chunks((self.monthdayscalendar(year, m) for m in range(1, 13)), width)


# ---------------------------------------------------------------- text

def _stacked(lines, spacing):
    # Every line, the title's and the blank ones too, ends with spacing
    # newlines.
    end = "\n" * spacing
    return "".join(line + end for line in lines)


class TextCalendar(Calendar):
    """Months and years as plain text, each day w characters wide."""

    def formatday(self, day, weekday, width):
        return ("%2i" % day if day else "").center(width)

    def formatweek(self, theweek, width):
        return " ".join([self.formatday(d, wd, width) for d, wd in theweek])

    def prweek(self, theweek, width):
        print(self.formatweek(theweek, width), end="")

    def formatweekday(self, day, width):
        full = day_name[day]
        text = full if width >= 9 else full[:3]
        return text[:width].center(width)

    def formatweekheader(self, width):
        return " ".join([self.formatweekday(wd, width) for wd in self.iterweekdays()])

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        _check_month(themonth)
        title = month_name[themonth]
        if withyear:
            title = "%s %r" % (title, theyear)
        return title.center(width)

    def formatmonth(self, theyear, themonth, w=0, l=0):
        w = max(w, 2)
        lines = [self.formatmonthname(theyear, themonth, 7 * w + 6).rstrip(),
                 self.formatweekheader(w).rstrip()]
        for row in self.monthdays2calendar(theyear, themonth):
            lines.append(self.formatweek(row, w).rstrip())
        return _stacked(lines, max(l, 1))

    def prmonth(self, theyear, themonth, w=0, l=0):
        print(self.formatmonth(theyear, themonth, w, l), end="")

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        w, c = max(w, 2), max(c, 2)
        col = 7 * w + 6
        header = self.formatweekheader(w)
        lines = [repr(theyear).center(m * col + (m - 1) * c).rstrip()]
        for band, grids in enumerate(self.yeardays2calendar(theyear, m)):
            months = range(band * m + 1, band * m + 1 + len(grids))
            lines.append("")
            lines.append(formatstring([self.formatmonthname(theyear, k, col, False) for k in months], col, c).rstrip())
            lines.append(formatstring([header] * len(grids), col, c).rstrip())
            for r in range(max(len(g) for g in grids)):
                cells = [self.formatweek(g[r], w) if r < len(g) else "" for g in grids]
                lines.append(formatstring(cells, col, c).rstrip())
        return _stacked(lines, max(l, 1))

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        print(self.formatyear(theyear, w, l, c, m), end="")


# ---------------------------------------------------------------- HTML

class HTMLCalendar(Calendar):
    """Months and years as HTML tables, with CSS classes per weekday."""

    # Class names: a day cell's by weekday (the header's the same list),
    # an empty cell's, and the month and year tables' and titles'.
    cssclass_noday = "noday"
    cssclasses = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    cssclass_month = cssclass_month_head = "month"
    cssclass_year = cssclass_year_head = "year"
    cssclasses_weekday_head = cssclasses

    _TABLE = '<table border="0" cellpadding="0" cellspacing="0" class="%s">'

    def formatday(self, day, weekday):
        if not day:
            return '<td class="%s">&nbsp;</td>' % self.cssclass_noday
        return '<td class="%s">%d</td>' % (self.cssclasses[weekday], day)

    def formatweek(self, theweek):
        return "<tr>" + "".join([self.formatday(d, wd) for d, wd in theweek]) + "</tr>"

    def formatweekday(self, day):
        return '<th class="%s">%s</th>' % (self.cssclasses_weekday_head[day], day_abbr[day])

    def formatweekheader(self):
        return "<tr>" + "".join([self.formatweekday(wd) for wd in self.iterweekdays()]) + "</tr>"

    def formatmonthname(self, theyear, themonth, withyear=True):
        _check_month(themonth)
        title = month_name[themonth]
        if withyear:
            title = "%s %s" % (title, theyear)
        return '<tr><th colspan="7" class="%s">%s</th></tr>' % (self.cssclass_month_head, title)

    def formatmonth(self, theyear, themonth, withyear=True):
        rows = [self._TABLE % self.cssclass_month,
                self.formatmonthname(theyear, themonth, withyear=withyear),
                self.formatweekheader()]
        rows.extend(self.formatweek(week) for week in self.monthdays2calendar(theyear, themonth))
        rows.append("</table>")
        return "".join(r + "\n" for r in rows)

    def formatyear(self, theyear, width=3):
        width = max(width, 1)
        parts = [self._TABLE % self.cssclass_year, "\n",
                 '<tr><th colspan="%d" class="%s">%s</th></tr>' % (width, self.cssclass_year_head, theyear)]
        for band in _chunks(range(1, 13), width):
            parts.append("<tr>")
            for m in band:
                parts.append("<td>" + self.formatmonth(theyear, m, withyear=False) + "</td>")
            parts.append("</tr>")
        parts.append("</table>")
        return "".join(parts)

    def formatyearpage(self, theyear, width=3, css="calendar.css", encoding=None):
        if encoding is None:
            import sys
            encoding = sys.getdefaultencoding()
        head = ['<?xml version="1.0" encoding="%s"?>' % encoding,
                '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
                "<html>", "<head>",
                '<meta http-equiv="Content-Type" content="text/html; charset=%s" />' % encoding]
        if css is not None:
            head.append('<link rel="stylesheet" type="text/css" href="%s" />' % css)
        head += ["<title>Calendar for %d</title>" % theyear, "</head>", "<body>"]
        page = "\n".join(head) + "\n" + self.formatyear(theyear, width) + "</body>\n</html>\n"
        return page.encode(encoding, "xmlcharrefreplace")


class LocaleTextCalendar(TextCalendar):
    def __init__(self, firstweekday=0, locale=None):
        super().__init__(firstweekday)
        self.locale = locale


class LocaleHTMLCalendar(HTMLCalendar):
    def __init__(self, firstweekday=0, locale=None):
        super().__init__(firstweekday)
        self.locale = locale


# ---------------------------------------------------------------- module functions

# The module-level functions are one shared TextCalendar's methods.
c = TextCalendar()
firstweekday = c.getfirstweekday
month, prmonth = c.formatmonth, c.prmonth
calendar, prcal = c.formatyear, c.pryear
week, prweek, weekheader = c.formatweek, c.prweek, c.formatweekheader
monthcalendar = c.monthdayscalendar


def setfirstweekday(firstweekday):
    # Checked here, unlike Calendar.setfirstweekday (which takes any int);
    # chained, so a str fails on '<=' as in CPython.
    if MONDAY <= firstweekday <= SUNDAY:
        c.setfirstweekday(firstweekday)
    else:
        raise IllegalWeekdayError(firstweekday)


_colwidth = 7 * 3 - 1
_spacing = 6


def formatstring(cols, colwidth=_colwidth, spacing=_spacing):
    return (" " * spacing).join([text.center(colwidth) for text in cols])


def format(cols, colwidth=_colwidth, spacing=_spacing):
    print(formatstring(cols, colwidth, spacing))


EPOCH = 1970
_EPOCH_DAY = _day_number(EPOCH, 1, 1)


def timegm(tuple):
    """Seconds since the epoch of a UTC time tuple, the inverse of gmtime."""
    year, month, day, hour, minute, second = tuple[:6]
    for v in (year, month):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if year < 1 or year > 9999:
        raise ValueError("year must be in 1..9999, not %d" % year)
    if month < 1 or month > 12:
        raise ValueError("month must be in 1..12, not %d" % month)
    days = _day_number(year, month, 1) - _EPOCH_DAY + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second
