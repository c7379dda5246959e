# configparser: INI-style files. A parser keeps an ordered map of sections,
# each an ordered map of (optionxform'd) option names to strings, plus one
# map of defaults that every section sees through. Reading is one pass over
# the lines that collects values as lists of lines and joins them at the
# end; interpolation happens when a value is read, not when it is stored.
# Names, signatures, messages and the written format are CPython's.

import io as _io
import os as _os
import re as _re
from collections.abc import MutableMapping as _MutableMapping

__all__ = ('NoSectionError', 'DuplicateOptionError', 'DuplicateSectionError',
           'NoOptionError', 'InterpolationError', 'InterpolationDepthError',
           'InterpolationMissingOptionError', 'InterpolationSyntaxError',
           'ParsingError', 'MissingSectionHeaderError', 'MultilineContinuationError',
           'ConfigParser', 'RawConfigParser', 'Interpolation', 'BasicInterpolation',
           'ExtendedInterpolation', 'SectionProxy', 'ConverterMapping',
           'DEFAULTSECT', 'MAX_INTERPOLATION_DEPTH', 'UNNAMED_SECTION')

DEFAULTSECT = 'DEFAULT'
MAX_INTERPOLATION_DEPTH = 10

_UNSET = object()   # "argument not given", where None is a meaningful value


# ---------------------------------------------------------------- errors

class Error(Exception):
    """Root of the exceptions configparser raises."""

    def __init__(self, msg='', *args):
        # args: what the subclass's constructor was given (its .args);
        # the text shown is always the message.
        self.message = msg
        Exception.__init__(self, *(args or (msg,)))

    def __repr__(self):
        return self.message

    __str__ = __repr__


def _origin(source, lineno):
    # The "While reading from ..." lead of a duplicate error, '' when the
    # duplicate did not come from a source.
    if source is None:
        return ''
    text = f'While reading from {source!r}'
    if lineno is not None:
        text += ' [line %2d]' % lineno
    return text + ': '


class NoSectionError(Error):
    """The section asked for does not exist."""

    def __init__(self, section):
        super().__init__(f'No section: {section!r}', section)
        self.section = section


class DuplicateSectionError(Error):
    """A section was added twice, or appears twice in one source."""

    def __init__(self, section, source=None, lineno=None):
        lead = _origin(source, lineno)
        if lead:
            msg = f'{lead}section {section!r} already exists'
        else:
            msg = f'Section {section!r} already exists'
        super().__init__(msg, section, source, lineno)
        self.section, self.source, self.lineno = section, source, lineno


class DuplicateOptionError(Error):
    """An option appears twice in one section of one source (strict parsers)."""

    def __init__(self, section, option, source=None, lineno=None):
        lead = _origin(source, lineno)
        text = f'{option!r} in section {section!r} already exists'
        msg = (lead + 'option ' if lead else 'Option ') + text
        super().__init__(msg, section, option, source, lineno)
        self.section, self.option = section, option
        self.source, self.lineno = source, lineno


class NoOptionError(Error):
    """The option asked for is in neither the section nor the defaults."""

    def __init__(self, option, section):
        super().__init__(f'No option {option!r} in section: {section!r}',
                         option, section)
        self.option, self.section = option, section


class InterpolationError(Error):
    """Root of the errors met while substituting references in a value."""

    def __init__(self, option, section, msg, *args):
        super().__init__(msg, *(args or (option, section, msg)))
        self.option, self.section = option, section


class InterpolationMissingOptionError(InterpolationError):
    """A reference names an option that does not exist."""

    def __init__(self, option, section, rawval, reference):
        msg = (f'Bad value substitution: option {option!r} in section '
               f'{section!r} contains an interpolation key {reference!r} '
               f'which is not a valid option name. Raw value: {rawval!r}')
        super().__init__(option, section, msg, option, section, rawval, reference)
        self.reference = reference


class InterpolationSyntaxError(InterpolationError):
    """A value's references are malformed."""


class InterpolationDepthError(InterpolationError):
    """References kept leading to references past MAX_INTERPOLATION_DEPTH."""

    def __init__(self, option, section, rawval):
        msg = (f'Recursion limit exceeded in value substitution: option '
               f'{option!r} in section {section!r} contains an interpolation '
               f'key which cannot be substituted in {MAX_INTERPOLATION_DEPTH} '
               f'steps. Raw value: {rawval!r}')
        super().__init__(option, section, msg, option, section, rawval)


class ParsingError(Error):
    """Lines of a source that are neither headers, options nor comments."""

    def __init__(self, source, *args):
        super().__init__(f'Source contains parsing errors: {source!r}', source)
        self.source = source
        self.errors = []
        if args:
            self.append(*args)

    def append(self, lineno, line):
        self.errors.append((lineno, line))
        self.message += '\n\t[line %2d]: %r' % (lineno, line)

    def combine(self, others):
        for other in others:
            for found in other.errors:
                self.append(*found)
        return self


def _fatal_line(err, what, filename, lineno, line):
    # A line the parser cannot go on from: the file, the line number and
    # the line itself are in the message and the args.
    Error.__init__(err, f'{what}\nfile: {filename!r}, line: {lineno}\n{line!r}',
                   filename, lineno, line)
    err.source, err.lineno, err.line = filename, lineno, line


class MissingSectionHeaderError(ParsingError):
    """An option came before the first section header."""

    def __init__(self, filename, lineno, line):
        _fatal_line(self, 'File contains no section headers.', filename, lineno, line)


class MultilineContinuationError(ParsingError):
    """An indented line followed an option that has no value."""

    def __init__(self, filename, lineno, line):
        _fatal_line(self, 'Key without value continued with an indented line.',
                    filename, lineno, line)


class _UnnamedSection:
    def __repr__(self):
        return '<UNNAMED_SECTION>'


UNNAMED_SECTION = _UnnamedSection()


# ---------------------------------------------------------- interpolation

class Interpolation:
    """No interpolation: every hook gives the value back unchanged."""

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _Substitution(Interpolation):
    # The two interpolations differ only in their sigil, their reference
    # syntax and how a reference is resolved: SIGIL SIGIL is a literal
    # sigil, SIGIL OPEN name CLOSE a reference, any other SIGIL an error.
    SIGIL = OPEN = ''
    _REF = None

    def before_set(self, parser, section, option, value):
        leftover = self._REF.sub('', value.replace(self.SIGIL * 2, ''))
        bad = leftover.find(self.SIGIL)
        if bad >= 0:
            raise ValueError(f'invalid interpolation syntax in {value!r} at position {bad}')
        return value

    def before_get(self, parser, section, option, value, defaults):
        pieces = []
        self._substitute(parser, section, option, value, defaults, 1, pieces)
        return ''.join(pieces)

    def _substitute(self, parser, section, option, text, names, depth, pieces):
        raw = parser.get(section, option, raw=True, fallback=text)
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationDepthError(option, section, raw)
        sigil = self.SIGIL
        at = 0
        while text and at < len(text):
            hit = text.find(sigil, at)
            if hit < 0:
                pieces.append(text[at:])
                return
            pieces.append(text[at:hit])
            follow = text[hit + 1:hit + 2]
            if follow == sigil:
                pieces.append(sigil)
                at = hit + 2
                continue
            if follow != self.OPEN:
                raise InterpolationSyntaxError(
                    option, section,
                    f"'{sigil}' must be followed by '{sigil}' or '{self.OPEN}', "
                    f'found: {text[hit:]!r}')
            ref = self._REF.match(text, hit)
            if ref is None:
                raise InterpolationSyntaxError(
                    option, section,
                    f'bad interpolation variable reference {text[hit:]!r}')
            at = ref.end()
            found, where, name, scope = self._resolve(
                parser, section, option, raw, ref.group(1), text[at:], names)
            if sigil in found:
                self._substitute(parser, where, name, found, scope, depth + 1, pieces)
            else:
                pieces.append(found)


class BasicInterpolation(_Substitution):
    """%(name)s is the value of option name of the same section (or of the
    defaults); %% is a single %."""

    SIGIL, OPEN = '%', '('
    _REF = _re.compile(r'%\(([^)]+)\)s')

    def _resolve(self, parser, section, option, raw, name, after, names):
        key = parser.optionxform(name)
        if key not in names:
            raise InterpolationMissingOptionError(option, section, raw, key) from None
        # Nested references are looked up as if in the first option.
        return names[key], section, option, names


class ExtendedInterpolation(_Substitution):
    """${name} is an option of the same section, ${section:name} one of
    another section; $$ is a single $."""

    SIGIL, OPEN = '$', '{'
    _REF = _re.compile(r'\$\{([^}]+)\}')

    def _resolve(self, parser, section, option, raw, name, after, names):
        parts = name.split(':')
        if len(parts) > 2:
            raise InterpolationSyntaxError(
                option, section, f"More than one ':' found: {after!r}")
        try:
            if len(parts) == 1:
                where, key = section, parser.optionxform(parts[0])
                found = names[key]
            else:
                where, key = parts[0], parser.optionxform(parts[1])
                found = parser.get(where, key, raw=True)
        except (KeyError, NoSectionError, NoOptionError):
            raise InterpolationMissingOptionError(option, section, raw, name) from None
        if self.SIGIL in found:
            return found, where, key, dict(parser.items(where, raw=True))
        return found, where, key, names


class _Layers:
    # Lookup through several mappings, the first holding the key winning
    # (vars over the section over the defaults).
    def __init__(self, *layers):
        self._layers = layers

    def __contains__(self, key):
        return any(key in layer for layer in self._layers)

    def __getitem__(self, key):
        for layer in self._layers:
            if key in layer:
                return layer[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default


# ----------------------------------------------------------------- parsers

def _option_pattern(delimiters, allow_no_value):
    # name, then a delimiter and the value, both optional with
    # allow_no_value; spaces around the delimiter are not part of either.
    alternatives = '|'.join(_re.escape(d) for d in delimiters)
    pair = rf'(?P<vi>{alternatives})\s*(?P<value>.*)'
    tail = rf'(?:{pair})?' if allow_no_value else pair
    return _re.compile(rf'(?P<option>.*?)\s*{tail}$')


class RawConfigParser(_MutableMapping):
    """A parser whose values are used as written (no interpolation by default)."""

    SECTCRE = _re.compile(r'\[(?P<header>.+)\]')
    OPTCRE = _option_pattern(('=', ':'), False)
    OPTCRE_NV = _option_pattern(('=', ':'), True)
    NONSPACECRE = _re.compile(r'\S')
    BOOLEAN_STATES = {'1': True, 'yes': True, 'true': True, 'on': True,
                      '0': False, 'no': False, 'false': False, 'off': False}
    _DEFAULT_INTERPOLATION = Interpolation()

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False, *,
                 delimiters=('=', ':'), comment_prefixes=('#', ';'),
                 inline_comment_prefixes=None, strict=True,
                 empty_lines_in_values=True, default_section=DEFAULTSECT,
                 interpolation=_UNSET, converters=_UNSET, allow_unnamed_section=False):
        self._dict = dict_type
        self._sections = dict_type()
        self._defaults = dict_type()
        self._views = dict_type()
        self._conv = ConverterMapping(self)
        self.default_section = default_section
        self._views[default_section] = SectionProxy(self, self.default_section)
        self._seps = tuple(delimiters)
        self._bare_keys = allow_no_value
        if self._seps != ('=', ':'):
            self._assign_re = _option_pattern(self._seps, allow_no_value)
        else:
            self._assign_re = (self.OPTCRE, self.OPTCRE_NV)[bool(allow_no_value)]
        self._full_comments = tuple(comment_prefixes) if comment_prefixes else ()
        self._inline_comments = (tuple(inline_comment_prefixes)
                                 if inline_comment_prefixes else ())
        self._strict, self._keep_blank = strict, empty_lines_in_values
        self._unnamed_ok = allow_unnamed_section
        if interpolation is _UNSET:
            interpolation = self._DEFAULT_INTERPOLATION
        elif interpolation is None:
            interpolation = Interpolation()
        if not isinstance(interpolation, Interpolation):
            raise TypeError('interpolation= must be None or an instance of '
                            f'Interpolation; got an object of type {type(interpolation)}')
        self._interpolation = interpolation
        self._conv.update(() if converters is _UNSET else converters)
        if defaults:
            self._read_defaults(defaults)

    # --- sections and options ---

    def defaults(self):
        return self._defaults

    def sections(self):
        """The section names in order, without the default section."""
        return list(self._sections)

    def _new_section(self, name):
        store = self._sections[name] = self._dict()
        self._views[name] = SectionProxy(self, name)
        return store

    def add_section(self, section):
        """Add an empty section; it must not exist yet."""
        if section == self.default_section:
            raise ValueError(f'Invalid section name: {section!r}')
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._new_section(section)

    def has_section(self, section):
        """Whether the section exists (the default section does not count)."""
        return section in self._sections

    def _store_of(self, section):
        # The dict an option of section is written to or removed from.
        if not section or section == self.default_section:
            return self._defaults
        if section not in self._sections:
            raise NoSectionError(section)
        return self._sections[section]

    def options(self, section):
        """The section's option names followed by the defaults' others."""
        if section not in self._sections:
            raise NoSectionError(section)
        names = list(self._sections[section])
        names += [k for k in self._defaults if k not in self._sections[section]]
        return names

    def has_option(self, section, option):
        """Whether the option is in the section or in the defaults."""
        key = self.optionxform(option)
        if not section or section == self.default_section:
            return key in self._defaults
        own = self._sections.get(section)
        return own is not None and (key in own or key in self._defaults)

    def optionxform(self, optionstr):
        return optionstr.lower()

    def set(self, section, option, value=None):
        """Store value under option in section (the defaults for None or DEFAULT)."""
        if value:
            value = self._interpolation.before_set(self, section, option, value)
        self._store_of(section)[self.optionxform(option)] = value

    def remove_option(self, section, option):
        """Drop the option from the section; whether it was there."""
        store = self._store_of(section)
        key = self.optionxform(option)
        return store.pop(key, _UNSET) is not _UNSET

    def remove_section(self, section):
        """Drop the section; whether it was there."""
        if section not in self._sections:
            return False
        del self._sections[section]
        del self._views[section]
        return True

    # --- reading values ---

    def _lookup_chain(self, section, vars):
        if section in self._sections:
            own = self._sections[section]
        elif section == self.default_section:
            own = {}
        else:
            raise NoSectionError(section)
        extra = {}
        for key, value in (vars or {}).items():
            extra[self.optionxform(key)] = None if value is None else str(value)
        return _Layers(extra, own, self._defaults)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        """The option's value, from vars, the section or the defaults."""
        try:
            chain = self._lookup_chain(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        key = self.optionxform(option)
        if key not in chain:
            if fallback is _UNSET:
                raise NoOptionError(key, section)
            return fallback
        value = chain[key]
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, key, value, chain)

    def _get(self, section, conv, option, **kwargs):
        return conv(self.get(section, option, **kwargs))

    def _get_conv(self, section, option, conv, *, raw=False, vars=None,
                  fallback=_UNSET, **kwargs):
        try:
            return self._get(section, conv, option, raw=raw, vars=vars, **kwargs)
        except (NoSectionError, NoOptionError):
            if fallback is _UNSET:
                raise
            return fallback

    def getint(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, fallback=fallback,
                              raw=raw, vars=vars, **kwargs)

    def getfloat(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, float, fallback=fallback,
                              raw=raw, vars=vars, **kwargs)

    def getboolean(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._convert_to_boolean,
                              fallback=fallback, raw=raw, vars=vars, **kwargs)

    def _convert_to_boolean(self, value):
        state = self.BOOLEAN_STATES.get(value.lower())
        if state is None:
            raise ValueError(f'Not a boolean: {value}')
        return state

    def items(self, section=_UNSET, raw=False, vars=None):
        """(name, value) pairs of a section, defaults included; without a
        section, the (name, proxy) pairs of the parser."""
        if section is _UNSET:
            return super().items()
        merged = dict(self._defaults)
        if section in self._sections:
            merged.update(self._sections[section])
        elif section != self.default_section:
            raise NoSectionError(section)
        names = list(merged)
        for key, value in (vars or {}).items():
            merged[self.optionxform(key)] = value
        if raw:
            return [(name, merged[name]) for name in names]
        fix = self._interpolation.before_get
        return [(name, fix(self, section, name, merged[name], merged)) for name in names]

    def popitem(self):
        """Take out the first section: its (name, proxy); never the default."""
        names = self.sections()
        if not names:
            raise KeyError
        proxy = self[names[0]]
        del self[names[0]]
        return names[0], proxy

    @property
    def converters(self):
        return self._conv

    # --- reading sources ---

    def read(self, filenames, encoding=None):
        """Read each file that can be opened; the names of those read."""
        if isinstance(filenames, (str, bytes)) or hasattr(filenames, '__fspath__'):
            filenames = [filenames]
        done = []
        for name in filenames:
            try:
                with open(name, encoding=encoding) as fp:
                    self._read(fp, name)
            except OSError:
                continue  # a missing file is skipped, by design
            done.append(_os.fspath(name) if hasattr(name, '__fspath__') else name)
        return done

    def read_file(self, f, source=None):
        """Read an open file (or any iterable of lines)."""
        if source is None:
            source = getattr(f, 'name', '<???>')
        self._read(f, source)

    def read_string(self, string, source='<string>'):
        """Read the text of a configuration."""
        self.read_file(_io.StringIO(string), source)

    def read_dict(self, dictionary, source='<dict>'):
        """Read {section: {option: value}}; keys and values become strings."""
        seen = set()   # what this call added, for strict duplicate checks
        for name, pairs in dictionary.items():
            name = str(name)
            try:
                self.add_section(name)
            except (DuplicateSectionError, ValueError):
                # Existing (or DEFAULT): merged into, unless this very
                # dictionary named it twice.
                if self._strict and name in seen:
                    raise
            seen.add(name)
            for opt, text in pairs.items():
                opt = self.optionxform(str(opt))
                if self._strict and (name, opt) in seen:
                    raise DuplicateOptionError(name, opt, source)
                seen.add((name, opt))
                self.set(name, opt, None if text is None else str(text))

    def _read_defaults(self, defaults):
        self._defaults.update((self.optionxform(k), v) for k, v in defaults.items())

    def _strip_comment(self, line):
        # The line's content without comments: '' for a whole-line comment;
        # an inline prefix counts at the start or after whitespace.
        content = line.strip()
        if content.startswith(self._full_comments):
            return ''
        cut = len(line)
        for prefix in self._inline_comments:
            at = line.find(prefix)
            while at > 0 and not line[at - 1].isspace():
                at = line.find(prefix, at + 1)
            if at >= 0:
                cut = min(cut, at)
        return line[:cut].strip() if cut < len(line) else content

    def _read(self, fp, fpname):
        # Values are gathered as lists of lines and joined at the end, even
        # when reading stops at an error, so the parser stays usable.
        try:
            problems = _Reader(self, fpname).run(fp)
        finally:
            self._finish_values()
        if problems:
            raise problems[0].combine(problems[1:])

    def _finish_values(self):
        stores = [(self.default_section, self._defaults)]
        stores += list(self._sections.items())
        for section, store in stores:
            for name, value in list(store.items()):
                if isinstance(value, list):
                    value = '\n'.join(value).rstrip()
                store[name] = self._interpolation.before_read(self, section, name, value)

    # --- writing ---

    def write(self, fp, space_around_delimiters=True):
        """Write everything out in the format read() reads."""
        sep = self._seps[0]
        if space_around_delimiters:
            sep = f' {sep} '
        if self._defaults:
            self._write_section(fp, self.default_section, self._defaults.items(), sep)
        if UNNAMED_SECTION in self._sections:
            self._write_section(fp, UNNAMED_SECTION,
                                self._sections[UNNAMED_SECTION].items(), sep, unnamed=True)
        for name, store in self._sections.items():
            if name is not UNNAMED_SECTION:
                self._write_section(fp, name, store.items(), sep)

    def _write_section(self, fp, section_name, section_items, delimiter, unnamed=False):
        lines = [] if unnamed else [f'[{section_name}]']
        for key, value in section_items:
            value = self._interpolation.before_write(self, section_name, key, value)
            if value is None and self._bare_keys:
                lines.append(key)
            else:
                lines.append(key + delimiter + str(value).replace('\n', '\n\t'))
        fp.write(''.join(text + '\n' for text in lines) + '\n')

    # --- the mapping of section names to proxies ---

    def __getitem__(self, key):
        if key == self.default_section or key in self._sections:
            return self._views[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        if key in self and self[key] is value:
            return  # p[name] = p[name]: clearing first would lose it
        old = self._defaults if key == self.default_section else self._sections.get(key)
        if old is not None:
            old.clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if key == self.default_section:
            raise ValueError('Cannot remove the default section.')
        if not self.remove_section(key):
            raise KeyError(key)

    def __contains__(self, key):
        return key == self.default_section or key in self._sections

    def __len__(self):
        return 1 + len(self._sections)

    def __iter__(self):
        return iter([self.default_section, *self._sections])

    def _validate_value_types(self, *, section='', option='', value=''):
        if not isinstance(section, str):
            raise TypeError('section names must be strings')
        if not isinstance(option, str):
            raise TypeError('option keys must be strings')
        if (value or not self._bare_keys) and not isinstance(value, str):
            raise TypeError('option values must be strings')


class _Reader:
    # One pass of RawConfigParser._read over a source's lines.

    def __init__(self, parser, source):
        self.parser = parser
        self.source = source
        self.store = None       # the dict of the current section
        self.section = None     # its name
        self.option = None      # the option continuation lines extend
        self.indent = 0         # the indentation of that option's line
        self.seen = set()       # sections and (section, option)s read here
        self.problems = []

    def run(self, fp):
        for lineno, line in enumerate(fp, 1):
            self.line(lineno, line)
        return self.problems

    def line(self, lineno, line):
        p = self.parser
        content = p._strip_comment(line)
        if not content:
            self.blank(line)
            return
        first = p.NONSPACECRE.search(line)
        indent = first.start() if first else 0
        if self.store is not None and self.option and indent > self.indent:
            lines = self.store[self.option]
            if lines is None:
                raise MultilineContinuationError(self.source, lineno, line)
            lines.append(content)
            return
        if self.store is None and p._unnamed_ok:
            self.enter(UNNAMED_SECTION, lineno)
        self.indent = indent
        header = p.SECTCRE.match(content)
        if header:
            self.enter(header.group('header'), lineno)
        elif self.store is None:
            raise MissingSectionHeaderError(self.source, lineno, line)
        else:
            self.assignment(lineno, line, content)

    def blank(self, line):
        # A truly empty line inside a value is part of it (when allowed);
        # otherwise it ends the value.
        if not self.parser._keep_blank:
            self.indent = float('inf')
        elif (not line.strip() and self.store is not None and self.option
                and self.store[self.option] is not None):
            self.store[self.option].append('')

    def enter(self, name, lineno):
        p = self.parser
        self.option = None
        self.section = name
        if name in p._sections:
            if p._strict and name in self.seen:
                raise DuplicateSectionError(name, self.source, lineno)
            self.store = p._sections[name]
        elif name == p.default_section:
            self.store = p._defaults
            return
        else:
            self.store = p._new_section(name)
        self.seen.add(name)

    def assignment(self, lineno, line, content):
        p = self.parser
        found = p._assign_re.match(content)
        if not found:
            self.problems.append(ParsingError(self.source, lineno, line))
            return
        name, value = found.group('option', 'value')
        if not name:
            self.problems.append(ParsingError(self.source, lineno, line))
        name = p.optionxform(name.rstrip())
        if p._strict and (self.section, name) in self.seen:
            raise DuplicateOptionError(self.section, name, self.source, lineno)
        self.seen.add((self.section, name))
        self.option = name
        self.store[name] = None if value is None else [value.strip()]


class ConfigParser(RawConfigParser):
    """A parser with %(name)s interpolation, checking types on the way in."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        """As RawConfigParser.set, for strings only."""
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        """As RawConfigParser.add_section, for string names only."""
        self._validate_value_types(section=section)
        super().add_section(section)

    def _read_defaults(self, defaults):
        # Defaults given to the constructor are stored as they are: no
        # interpolation syntax check on the way in.
        kept, self._interpolation = self._interpolation, Interpolation()
        try:
            self.read_dict({self.default_section: defaults})
        finally:
            self._interpolation = kept


class SectionProxy(_MutableMapping):
    """One section of a parser seen as a mapping of its options."""

    def __init__(self, parser, name):
        self._owner, self._section = parser, name
        for kind, conv in parser.converters.items():
            if conv is not None:
                method = 'get' + kind
                setattr(self, method, self._getter(getattr(parser, method)))

    def _getter(self, impl):
        def getter(option, fallback=None, *, raw=False, vars=None, **kwargs):
            return self.get(option, fallback, raw=raw, vars=vars, _impl=impl, **kwargs)
        return getter

    def __repr__(self):
        return f'<Section: {self._section}>'

    @property
    def parser(self):
        return self._owner

    @property
    def name(self):
        return self._section

    def _option_names(self):
        if self._section == self._owner.default_section:
            return list(self._owner.defaults())
        return self._owner.options(self._section)

    def __getitem__(self, key):
        if key not in self:
            raise KeyError(key)
        return self._owner.get(self._section, key)

    def __setitem__(self, key, value):
        self._owner._validate_value_types(option=key, value=value)
        return self._owner.set(self._section, key, value)

    def __delitem__(self, key):
        if key not in self or not self._owner.remove_option(self._section, key):
            raise KeyError(key)

    def __contains__(self, key):
        return self._owner.has_option(self._section, key)

    def __len__(self):
        return len(self._option_names())

    def __iter__(self):
        return iter(self._option_names())

    def get(self, option, fallback=None, *, raw=False, vars=None, _impl=None, **kwargs):
        """The option's value, fallback (None unless given) when missing."""
        fetch = _impl or self._owner.get
        return fetch(self._section, option, raw=raw, vars=vars, fallback=fallback, **kwargs)

    def getint(self, option, fallback=None, *, raw=False, vars=None, **kwargs):
        return self.get(option, fallback, raw=raw, vars=vars,
                        _impl=self._owner.getint, **kwargs)

    def getfloat(self, option, fallback=None, *, raw=False, vars=None, **kwargs):
        return self.get(option, fallback, raw=raw, vars=vars,
                        _impl=self._owner.getfloat, **kwargs)

    def getboolean(self, option, fallback=None, *, raw=False, vars=None, **kwargs):
        return self.get(option, fallback, raw=raw, vars=vars,
                        _impl=self._owner.getboolean, **kwargs)


class ConverterMapping(_MutableMapping):
    """The parser's converters by name; adding one adds get<name> to the
    parser and its proxies."""

    def __init__(self, parser):
        self._parser = parser
        # The built-in getters: listed, but not added or removed here.
        self._data = dict.fromkeys(('boolean', 'float', 'int'))

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        try:
            method = 'get' + key
        except TypeError:
            raise ValueError(f'Incompatible key: {key} (type: {type(key)})') from None
        if not key:
            raise ValueError('Incompatible key: cannot use "" as a name')
        self._data[key] = value
        parser = self._parser

        def convert(section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
            return parser._get_conv(section, option, value, raw=raw, vars=vars,
                                    fallback=fallback, **kwargs)
        convert.converter = value
        setattr(parser, method, convert)
        for proxy in parser._views.values():
            setattr(proxy, method, proxy._getter(convert))

    def __delitem__(self, key):
        del self._data[key]
        method = 'get' + key
        for holder in (self._parser, *self._parser._views.values()):
            if method in getattr(holder, '__dict__', {}):
                delattr(holder, method)

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


_exported = ('_UNSET',)
