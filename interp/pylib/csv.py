# The csv module for minipy, written for it: reader and writer over any
# iterable of lines and any object with write (io.StringIO), DictReader
# and DictWriter, the QUOTE_* constants and the excel dialects.

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
