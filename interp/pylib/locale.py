# locale for minipy: the C and POSIX locales (and C.UTF-8, and the name
# the environment gives), with CPython's answers for them: setlocale,
# getlocale, localeconv, format_string, str, atof/atoi, strcoll/strxfrm,
# normalize for the common names. No other locale's data: numbers are
# formatted as in C.

import os as _os

__all__ = ['getlocale', 'getdefaultlocale', 'getpreferredencoding', 'Error', 'setlocale',
           'localeconv', 'strcoll', 'strxfrm', 'str', 'atof', 'atoi', 'format_string',
           'currency', 'normalize', 'LC_CTYPE', 'LC_COLLATE', 'LC_TIME', 'LC_MONETARY',
           'LC_NUMERIC', 'LC_ALL', 'CHAR_MAX', 'getencoding', 'LC_MESSAGES']

_str = str

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127


class Error(Exception):
    pass


# glibc's categories in the order a composite LC_ALL name lists them; the
# last six exist only there.
_glibc_names = ['LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES',
                'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT',
                'LC_IDENTIFICATION']
_category_names = {LC_CTYPE: 'LC_CTYPE', LC_NUMERIC: 'LC_NUMERIC', LC_TIME: 'LC_TIME',
                   LC_COLLATE: 'LC_COLLATE', LC_MONETARY: 'LC_MONETARY',
                   LC_MESSAGES: 'LC_MESSAGES'}


def _from_env(name):
    for var in ('LC_ALL', name, 'LANG'):
        v = _os.environ.get(var)
        if v:
            return v
    return 'C'


def _supported(name):
    # The locales minipy has: C, POSIX, C.UTF-8, and whatever the
    # environment names (its data is C's).
    if name in ('C', 'POSIX') or name.lower() in ('c.utf-8', 'c.utf8'):
        return True
    return name in {_from_env(n) for n in _glibc_names}


# What the interpreter sets at start-up: LC_CTYPE from the environment (a
# plain C is coerced to C.UTF-8, PEP 538), the rest C.
_current = dict.fromkeys(_glibc_names, 'C')
_ctype = _from_env('LC_CTYPE')
_current['LC_CTYPE'] = 'C.UTF-8' if _ctype in ('C', 'POSIX') else _ctype


def _check_category(category):
    if category != LC_ALL and category not in _category_names:
        raise Error('unsupported locale setting')


def setlocale(category, locale=None):
    """Set the locale for the given category. The locale can be a string,
    an iterable of two strings (language code and encoding), or None."""
    if not isinstance(category, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(category).__name__)
    _check_category(category)
    if locale is not None and not isinstance(locale, _str):
        locale = normalize(_pair_to_name(locale))
    if locale is None:
        if category == LC_ALL:
            names = [_current[n] for n in _glibc_names]
            if len(set(names)) == 1:
                return names[0]
            return ';'.join('%s=%s' % (n, _current[n]) for n in _glibc_names)
        return _current[_category_names[category]]
    cats = _glibc_names if category == LC_ALL else [_category_names[category]]
    new = {}
    for n in cats:
        name = _from_env(n) if locale == '' else locale
        if not _supported(name):
            raise Error('unsupported locale setting')
        new[n] = 'C' if name == 'POSIX' else name  # glibc's alias
    _current.update(new)
    return setlocale(category)


def _pair_to_name(pair):
    # (language, encoding) -> 'language.encoding'; a None language is C's,
    # a None encoding leaves the language alone.
    try:
        lang, enc = pair
        name = 'C' if lang is None else lang
        return name if enc is None else name + '.' + enc
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of two strings '
                        '-- language code, encoding.') from None


_encodings = {'utf8': 'UTF-8', 'utf-8': 'UTF-8', 'latin1': 'ISO8859-1', 'latin-1': 'ISO8859-1',
              'iso88591': 'ISO8859-1', 'iso-8859-1': 'ISO8859-1', 'iso8859-1': 'ISO8859-1',
              'iso885915': 'ISO8859-15', 'iso-8859-15': 'ISO8859-15', 'iso8859-15': 'ISO8859-15',
              'eucjp': 'eucJP', 'euc-jp': 'eucJP', 'ascii': 'ISO8859-1'}
# The default encodings of common language names (CPython's alias table).
_default_enc = {'ja_jp': 'eucJP', 'ko_kr': 'eucKR', 'zh_cn': 'gb2312', 'zh_tw': 'big5',
                'ru_ru': 'UTF-8', 'el_gr': 'ISO8859-7', 'tr_tr': 'ISO8859-9',
                'pl_pl': 'ISO8859-2', 'cs_cz': 'ISO8859-2', 'hu_hu': 'ISO8859-2'}


def normalize(localename):
    """Returns a normalized locale code for the given locale name."""
    # 'lang_COUNTRY.encoding@modifier', ':' taken for '.'.
    rest, _, modifier = localename.lower().replace(':', '.').partition('@')
    langname, _, encoding = rest.partition('.')
    if langname in ('c', 'posix'):
        # CPython's alias table names POSIX as C.
        return 'C.' + _encodings.get(encoding, encoding) if encoding else 'C'
    if '_' in langname:
        lang, country = langname.split('_', 1)
        langname = lang + '_' + country.upper()
    if encoding:
        enc = _encodings.get(encoding, encoding.upper())
    else:
        enc = _default_enc.get(langname.lower(), 'ISO8859-1') if '_' in langname else ''
    out = langname + ('.' + enc if enc else '')
    if modifier:
        out += '@' + modifier
    return out


def _parse_localename(localename):
    code = normalize(localename)
    if code in ('C', 'POSIX'):
        return None, None
    if '.' in code:
        lang, enc = code.split('.', 1)
        return lang, enc.split('@')[0]
    return code, None


def getlocale(category=LC_CTYPE):
    """Returns the current setting for the given locale category as a tuple
    (language code, encoding)."""
    return _parse_localename(setlocale(category))


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    """Tries to determine the default locale settings and returns them as
    tuple (language code, encoding)."""
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in "
                  "Python 3.15. Use setlocale(), getencoding() and getlocale() instead.",
                  DeprecationWarning, stacklevel=2)
    # The first variable set wins; LANGUAGE is a ':' list of which the
    # first counts.
    name = 'C'
    for var in envvars:
        value = _os.environ.get(var)
        if value:
            name = value.split(':')[0] if var == 'LANGUAGE' else value
            break
    return _parse_localename(name)


def getencoding():
    """The locale encoding: minipy's is always UTF-8."""
    return 'UTF-8'


def getpreferredencoding(do_setlocale=True):
    """Return the charset that the user is likely using."""
    return 'UTF-8'


def localeconv():
    """Returns numeric and monetary locale-specific parameters (the C
    locale's)."""
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '', 'negative_sign': '',
            'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX, 'p_cs_precedes': CHAR_MAX,
            'p_sep_by_space': CHAR_MAX, 'n_cs_precedes': CHAR_MAX, 'n_sep_by_space': CHAR_MAX,
            'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX, 'decimal_point': '.',
            'thousands_sep': '', 'grouping': []}


def strcoll(a, b):
    """Compares two strings according to the locale (C: code points)."""
    if not isinstance(a, _str) or not isinstance(b, _str):
        raise TypeError('strcoll() argument must be str, not %s'
                        % type(b if isinstance(a, _str) else a).__name__)
    return (a > b) - (a < b)


def strxfrm(s):
    """Return a string that can be used as a key for locale-aware comparisons."""
    if not isinstance(s, _str):
        raise TypeError('strxfrm() argument must be str, not %s' % type(s).__name__)
    return s


def format_string(f, val, grouping=False, monetary=False):
    """Formats a string in the same way that the % formatting would use,
    but takes the current locale into account (C: no grouping)."""
    return f % val


def currency(val, symbol=True, grouping=False, international=False):
    """Formats val according to the currency settings in the current locale."""
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    """Convert float to string, taking the locale into account."""
    return format_string('%.12g', val)


def delocalize(string):
    """The locale's number text as Python reads numbers (C: unchanged)."""
    return string


def localize(string, grouping=False, monetary=False):
    """A number's text as the locale writes numbers (C: unchanged)."""
    return string


def atof(string, func=float):
    """Parses a string as a float according to the locale settings."""
    return func(delocalize(string))


def atoi(string):
    """Converts a string to an integer according to the locale settings."""
    return int(delocalize(string))


# nl_langinfo: glibc's key numbers, answered with the C locale's text
# (the codeset is UTF-8, minipy's only one).
CODESET, RADIXCHAR, THOUSEP, CRNCYSTR, YESEXPR, NOEXPR = 14, 65536, 65537, 262159, 327680, 327681
D_T_FMT, D_FMT, T_FMT, T_FMT_AMPM, AM_STR, PM_STR = 131112, 131113, 131114, 131115, 131110, 131111
ERA, ERA_D_FMT, ALT_DIGITS, ERA_D_T_FMT, ERA_T_FMT = 131116, 131118, 131119, 131120, 131121
_langinfo = {CODESET: 'UTF-8', RADIXCHAR: '.', THOUSEP: '', CRNCYSTR: '-',
             YESEXPR: '^[yY]', NOEXPR: '^[nN]', D_T_FMT: '%a %b %e %H:%M:%S %Y',
             D_FMT: '%m/%d/%y', T_FMT: '%H:%M:%S', T_FMT_AMPM: '%I:%M:%S %p',
             AM_STR: 'AM', PM_STR: 'PM', ERA: '', ERA_D_FMT: '', ALT_DIGITS: '',
             ERA_D_T_FMT: '', ERA_T_FMT: ''}


# Weekdays from Sunday and months from January take consecutive keys,
# the abbreviations (their first three letters) their own run.
DAY_1, DAY_2, DAY_3, DAY_4, DAY_5, DAY_6, DAY_7 = range(131079, 131086)
ABDAY_1, ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5, ABDAY_6, ABDAY_7 = range(131072, 131079)
(MON_1, MON_2, MON_3, MON_4, MON_5, MON_6, MON_7, MON_8, MON_9, MON_10, MON_11,
 MON_12) = range(131098, 131110)
(ABMON_1, ABMON_2, ABMON_3, ABMON_4, ABMON_5, ABMON_6, ABMON_7, ABMON_8, ABMON_9,
 ABMON_10, ABMON_11, ABMON_12) = range(131086, 131098)
for _first, _abbrev_first, _names in (
        (DAY_1, ABDAY_1, ('Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday',
                          'Friday', 'Saturday')),
        (MON_1, ABMON_1, ('January', 'February', 'March', 'April', 'May', 'June', 'July',
                          'August', 'September', 'October', 'November', 'December'))):
    for _n, _full in enumerate(_names):
        _langinfo[_first + _n] = _full
        _langinfo[_abbrev_first + _n] = _full[:3]
del _first, _abbrev_first, _names, _n, _full


def nl_langinfo(key):
    """Return the value for the locale information associated with key."""
    import operator
    text = _langinfo.get(operator.index(key))
    if text is None:
        raise ValueError('unsupported langinfo constant')
    return text


_exported = ()
