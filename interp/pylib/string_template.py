# string.Template for a subclass with its own idpattern, braceidpattern,
# pattern or flags: its placeholders are found by the regular expression
# CPython's Template builds for the class (mod_string_template.go scans
# the default pattern without re). Loaded on first use.
import re as _re

_compiled = {}


def _pattern(cls):
    pat = _compiled.get(cls)
    if pat is not None:
        return pat
    if 'pattern' in cls.__dict__:
        # A class's own pattern is used as it is; a subclass of it builds
        # one from the identifiers again, as CPython's __init_subclass__.
        pat = cls.pattern
    else:
        delim = _re.escape(cls.delimiter)
        ident = cls.idpattern
        braced = cls.braceidpattern or cls.idpattern
        pat = (delim + '(?:(?P<escaped>' + delim + ')|(?P<named>' + ident + ')|'
               + '{(?P<braced>' + braced + ')}|(?P<invalid>))')
    if not isinstance(pat, _re.Pattern):
        pat = _re.compile(pat, cls.flags | _re.VERBOSE)
    _compiled[cls] = pat
    return pat


def _invalid(template, mo):
    i = mo.start('invalid')
    lines = template[:i].splitlines(keepends=True)
    if not lines:
        line, col = 1, 1
    else:
        line, col = len(lines), i - len(''.join(lines[:-1]))
    raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, col))


def substitute(self, safe, args, kws):
    pat = _pattern(type(self))

    def lookup(name):
        if name in kws:
            return kws[name]
        if args:
            return args[0][name]
        raise KeyError(name)

    def convert(mo):
        name = mo.group('named') or mo.group('braced')
        if name is not None:
            if not safe:
                return str(lookup(name))
            try:
                return str(lookup(name))
            except KeyError:
                return mo.group()
        if mo.group('escaped') is not None:
            return self.delimiter
        if mo.group('invalid') is not None:
            if safe:
                return mo.group()
            _invalid(self.template, mo)
        raise ValueError('Unrecognized named group in pattern', pat)

    return pat.sub(convert, self.template)


def get_identifiers(self):
    pat = _pattern(type(self))
    ids = []
    for mo in pat.finditer(self.template):
        name = mo.group('named') or mo.group('braced')
        if name is not None and name not in ids:
            ids.append(name)
        elif name is None and mo.group('invalid') is None and mo.group('escaped') is None:
            raise ValueError('Unrecognized named group in pattern', pat)
    return ids


def is_valid(self):
    pat = _pattern(type(self))
    for mo in pat.finditer(self.template):
        if mo.group('invalid') is not None:
            return False
        if mo.group('named') is None and mo.group('braced') is None and mo.group('escaped') is None:
            raise ValueError('Unrecognized named group in pattern', pat)
    return True
