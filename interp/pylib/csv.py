# The csv module for minipy, written for it: reader and writer over any
# iterable of lines and any object with write (io.StringIO), DictReader
# and DictWriter, the QUOTE_* constants, the excel dialects, and Sniffer.

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = 0, 1, 2, 3, 4, 5


class Error(Exception):
    pass


class Dialect:
    delimiter = ","
    quotechar = '"'
    escapechar = None
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL
    strict = False


class excel(Dialect):
    pass


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}


def register_dialect(name, dialect=None, **kw):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    base = dialect if dialect is not None else Dialect
    d = type(name, (base,), dict(kw))
    _dialects[name] = d


def get_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    return _dialects[name]


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


# The longest field a reader takes, in characters.
_field_limit = 128 * 1024


def field_size_limit(*new_limit):
    """Returns the readers' field size limit, first setting it when given."""
    global _field_limit
    if len(new_limit) > 1:
        raise TypeError("field_size_limit() takes at most 1 argument (%d given)" % len(new_limit))
    old = _field_limit
    if new_limit:
        if not isinstance(new_limit[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = new_limit[0]
    return old


def _check_size(n):
    if n > _field_limit:
        raise Error("field larger than field limit (%d)" % _field_limit)


def list_dialects():
    return list(_dialects)


def _options(dialect, kw):
    if isinstance(dialect, str):
        dialect = get_dialect(dialect)
    o = {}
    for k in ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "lineterminator", "quoting", "strict"):
        o[k] = kw.pop(k, getattr(dialect, k, getattr(Dialect, k)))
    if kw:
        k = next(iter(kw))
        raise TypeError("'%s' is an invalid keyword argument for this function" % k)
    if not isinstance(o["delimiter"], str) or len(o["delimiter"]) != 1:
        raise TypeError('"delimiter" must be a unicode character, not %s' % type(o["delimiter"]).__name__)
    return o


class _Reader:
    def __init__(self, lines, o):
        self._it = iter(lines)
        self._o = o
        self.line_num = 0
        self.dialect = o

    def __iter__(self):
        return self

    def __next__(self):
        o = self._o
        d, q, esc = o["delimiter"], o["quotechar"], o["escapechar"]
        quoting = o["quoting"]
        fields = []
        field = []
        inq = False
        quoted = False
        at_start = True
        first = True
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if not first:
                    if inq and o["strict"]:
                        raise Error("unexpected end of data")
                    fields.append(self._value(field, quoted))
                    return fields
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s (the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            if first and not inq and line.rstrip("\r\n") == "":
                return []
            first = False
            i, n = 0, len(line)
            while i < n:
                c = line[i]
                i += 1
                if inq:
                    if esc is not None and c == esc and i < n:
                        field.append(line[i])
                        i += 1
                    elif c == q:
                        if o["doublequote"] and i < n and line[i] == q:
                            field.append(q)
                            i += 1
                        else:
                            inq = False
                    else:
                        field.append(c)
                    continue
                if c == "\r" or c == "\n":
                    i = n
                    break
                if esc is not None and c == esc and i < n:
                    field.append(line[i])
                    i += 1
                    at_start = False
                elif c == " " and at_start and not field and o["skipinitialspace"]:
                    pass  # spaces opening a field, the record's first too
                elif c == q and at_start and quoting != QUOTE_NONE:
                    inq = quoted = True
                    at_start = False
                elif c == d:
                    fields.append(self._value(field, quoted))
                    field, quoted, at_start = [], False, True
                    if o["skipinitialspace"]:
                        while i < n and line[i] == " ":
                            i += 1
                else:
                    field.append(c)
                    at_start = False
            if not inq:
                fields.append(self._value(field, quoted))
                return fields
            _check_size(len(field))  # a quoted field going on to the next line

    def _value(self, field, quoted):
        _check_size(len(field))
        s = "".join(field)
        if not quoted and self._o["quoting"] == QUOTE_NONNUMERIC and s:
            return float(s)
        return s


def reader(csvfile, dialect="excel", **kw):
    return _Reader(csvfile, _options(dialect, kw))


class _Writer:
    def __init__(self, f, o):
        if not hasattr(f, "write"):
            raise TypeError('argument 1 must have a "write" method')
        self._f = f
        self._o = o
        self.dialect = o

    def _field(self, v):
        o = self._o
        q, d = o["quotechar"], o["delimiter"]
        quoting = o["quoting"]
        if v is None:
            s = ""
            if quoting in (QUOTE_ALL, QUOTE_NOTNULL):
                return q + q if quoting == QUOTE_ALL else ""
            return s
        numeric = isinstance(v, (int, float)) and not isinstance(v, bool) or isinstance(v, bool)
        s = v if isinstance(v, str) else str(v) if not isinstance(v, float) else repr(v)
        if quoting == QUOTE_ALL or quoting == QUOTE_NONNUMERIC and not numeric or quoting == QUOTE_STRINGS and isinstance(v, str):
            need = True
        elif quoting == QUOTE_NONE:
            need = False
        else:
            need = any(c in s for c in (d, q, "\r", "\n")) or (s[:1] == " " and False)
        if quoting == QUOTE_NONE:
            esc = o["escapechar"]
            for c in (d, q):
                if c in s:
                    if esc is None:
                        raise Error("need to escape, but no escapechar set")
                    s = s.replace(c, esc + c)
            return s
        if need:
            if o["doublequote"]:
                s = s.replace(q, q + q)
            return q + s + q
        return s

    def writerow(self, row):
        try:
            items = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        parts = [self._field(v) for v in items]
        if len(parts) == 1 and parts[0] == "":
            if self._o["quoting"] == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = self._o["quotechar"] * 2
        return self._f.write(self._o["delimiter"].join(parts) + self._o["lineterminator"])

    def writerows(self, rows):
        for r in rows:
            self.writerow(r)


def writer(csvfile, dialect="excel", **kw):
    return _Writer(csvfile, _options(dialect, kw))


def _once(names):
    # A one-shot iterator of names is read once, to be used for every row.
    if names is not None and iter(names) is names:
        return list(names)
    return names


class DictReader:
    """Rows as dicts keyed by the header row (or the fieldnames given)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        self._fieldnames = _once(fieldnames)
        self.restkey, self.restval = restkey, restval
        self.line_num = 0
        self.dialect = dialect
        self.reader = reader(f, dialect, *args, **kwds)

    def _header(self):
        # Read on first use; an empty file leaves it None. Every look also
        # brings line_num up to the reader's.
        if self._fieldnames is None:
            self._fieldnames = next(self.reader, None)
        self.line_num = self.reader.line_num
        return self._fieldnames

    def _set_header(self, names):
        self._fieldnames = names

    fieldnames = property(_header, _set_header)

    def __next__(self):
        if not self.line_num:
            self._header()
        row = next(self.reader)
        self.line_num = self.reader.line_num
        if not row:
            # Blank lines give no record.
            row = next(r for r in self.reader if r)
        names = self.fieldnames
        record = dict(zip(names, row))
        surplus = len(row) - len(names)
        if surplus > 0:
            record[self.restkey] = row[len(names):]
        elif surplus < 0:
            record.update(dict.fromkeys(names[len(row):], self.restval))
        return record

    def __iter__(self):
        return self


class DictWriter:
    """Writes dicts as rows, their values in fieldnames' order."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        self.fieldnames = _once(fieldnames)
        self.restval = restval
        mode = extrasaction.lower()
        if mode not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = mode
        self.writer = writer(f, dialect, *args, **kwds)

    def _row_of(self, rowdict):
        if self.extrasaction == "raise":
            unknown = rowdict.keys() - self.fieldnames
            if unknown:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join(map(repr, unknown)))
        return [rowdict.get(name, self.restval) for name in self.fieldnames]

    def writeheader(self):
        return self.writer.writerow(self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._row_of(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._row_of, rowdicts))


class Sniffer:
    """Guesses a sample's dialect (sniff) and whether it starts with a
    header row (has_header), by CPython's documented heuristics."""

    def __init__(self):
        # Tried in this order when several characters split rows evenly.
        self.preferred = [",", "\t", ";", " ", ":"]

    def sniff(self, sample, delimiters=None):
        quotechar, doublequote, delimiter, skipinitialspace = _quoted_fields(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = _steady_delimiter(sample, delimiters, self.preferred)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = "\r\n"
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def has_header(self, sample):
        # The first row is a header when its cells differ in kind from the
        # columns below: text over numbers, or another length over cells
        # of one length. Columns whose kind varies do not vote.
        rows = reader(sample.splitlines(True), self.sniff(sample))
        header = next(rows)
        width = len(header)
        kinds = dict.fromkeys(range(width))
        for checked, row in enumerate(rows):
            if checked > 20:
                break
            if len(row) != width:
                continue
            for col in list(kinds):
                try:
                    complex(row[col])
                    kind = complex
                except (ValueError, OverflowError):
                    kind = len(row[col])
                if kind != kinds[col]:
                    if kinds[col] is None:
                        kinds[col] = kind
                    else:
                        del kinds[col]
        votes = 0
        for col, kind in kinds.items():
            if isinstance(kind, int):
                votes += 1 if len(header[col]) != kind else -1
            else:
                try:
                    kind(header[col])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0


# Quoted cells with what surrounds them, most telling first: a delimiter
# on both sides, at a line's start, at its end, then alone on a line.
_QUOTED = (
    r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
    r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',
    r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
    r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
)


def _quoted_fields(data, delimiters):
    # The quote character, doublequote, delimiter and skipinitialspace
    # that quoted cells show ('' for the delimiter when they show none).
    import re
    found = None
    for pattern in _QUOTED:
        rx = re.compile(pattern, re.DOTALL | re.MULTILINE)
        found = rx.findall(data)
        if found:
            break
    if not found:
        return "", False, None, 0
    index = rx.groupindex
    quotes, delims, spaced = {}, {}, 0
    for groups in found:
        q = groups[index["quote"] - 1]
        if q:
            quotes[q] = quotes.get(q, 0) + 1
        if "delim" not in index:
            continue
        d = groups[index["delim"] - 1]
        if d and (delimiters is None or d in delimiters):
            delims[d] = delims.get(d, 0) + 1
        if "space" in index and groups[index["space"] - 1]:
            spaced += 1
    quote = max(quotes, key=quotes.get)
    if delims:
        delim = max(delims, key=delims.get)
        skip = delims[delim] == spaced
        if delim == "\n":
            delim = ""  # one column
    else:
        delim, skip = "", 0
    # A quote inside a quoted cell: doubled quotes.
    d, q = re.escape(delim), quote
    doubled = re.compile(r"((%s)|^)\W*%s[^%s\n]*%s[^%s\n]*%s\W*((%s)|$)" % (d, q, d, q, d, q, d), re.MULTILINE)
    return quote, bool(doubled.search(data)), delim, skip


def _steady_delimiter(data, delimiters, preferred):
    # The character found as often on (nearly) every line, judged on
    # growing chunks of ten lines: (delimiter, skipinitialspace), or ('', 0).
    lines = [line for line in data.split("\n") if line]
    chunk = min(10, len(lines))
    counts = {}  # char -> {times on a line: lines}
    modes = {}  # char -> (usual count, lines with it beyond the others)
    delims = {}
    start, end, rounds = 0, chunk, 0
    while start < len(lines):
        rounds += 1
        for line in lines[start:end]:
            for c in map(chr, range(127)):
                seen = counts.setdefault(c, {})
                n = line.count(c)
                seen[n] = seen.get(n, 0) + 1
        for c, seen in counts.items():
            pairs = list(seen.items())
            if len(pairs) == 1 and pairs[0][0] == 0:
                continue
            if len(pairs) > 1:
                top = max(pairs, key=lambda p: p[1])
                pairs.remove(top)
                modes[c] = (top[0], top[1] - sum(p[1] for p in pairs))
            else:
                modes[c] = pairs[0]
        total = float(min(chunk * rounds, len(lines)))
        consistency = 1.0
        while not delims and consistency >= 0.9:
            for c, (n, lines_with) in modes.items():
                if n > 0 and lines_with > 0 and lines_with / total >= consistency and (delimiters is None or c in delimiters):
                    delims[c] = (n, lines_with)
            consistency -= 0.01
        if len(delims) == 1:
            delim = next(iter(delims))
            return delim, lines[0].count(delim) == lines[0].count(delim + " ")
        start, end = end, end + chunk
    if not delims:
        return "", 0
    if len(delims) > 1:
        for d in preferred:
            if d in delims:
                return d, lines[0].count(d) == lines[0].count(d + " ")
    delim = sorted((v, k) for k, v in delims.items())[-1][1]
    return delim, lines[0].count(delim) == lines[0].count(delim + " ")
