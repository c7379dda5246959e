# string.Formatter: str.format's machinery as overridable methods
# (parse, get_field, get_value, check_unused_args, format_field,
# convert_field). parse and _split_field follow the rules of CPython's C
# parser (Objects/stringlib/unicode_format.h), with its error messages;
# the module puts Formatter in string's namespace.


def _parse(s):
    # One (literal, field_name, format_spec, conversion) per piece: a
    # doubled brace ends a literal (keeping one brace) with no field.
    out = []
    i, n = 0, len(s)
    while i < n:
        start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                break
        else:
            out.append((s[start:i], None, None, None))
            break
        at_end = i >= n
        if c == '}' and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        literal = s[start:i - 1]
        if s[i] == c:
            # An escaped brace: literal text through it, no field.
            out.append((literal + c, None, None, None))
            i += 1
            continue
        name, spec, conv, i = _field(s, i)
        out.append((literal, name, spec, conv))
    return out


def _field(s, i):
    # The replacement field starting at s[i] (after its '{'): its name,
    # spec and conversion, and where the text after its '}' starts. A
    # bracketed key in the name may hold any brace; the spec's braces
    # must balance.
    n, start, c = len(s), i, ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    else:
        raise ValueError("expected '}' before end of string")
    name, conv = s[start:i - 1], None
    if c == '}':
        return name, '', conv, i
    if c == '!':
        if i >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conv = s[i]
        i += 1
        if i < n:
            c = s[i]
            i += 1
            if c == '}':
                return name, '', conv, i
            if c != ':':
                raise ValueError("expected ':' after conversion specifier")
    spec, depth = i, 1
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                return name, s[spec:i - 1], conv, i
    raise ValueError("unmatched '{' in format spec")


def _split_field(name):
    # The first part (an int when all digits) and the .attr / [key]
    # accessors after it, as (is_attribute, key) pairs.
    i, n = 0, len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit() and first.isascii():
        first = int(first)
    rest = []
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            j = i
            while i < n and name[i] not in '.[':
                i += 1
            if i == j:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name[j:i]))
        elif c == '[':
            j = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = name[j:i]
            if key == '':
                raise ValueError("Empty attribute in format string")
            i += 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            if key.isdigit() and key.isascii():
                key = int(key)
            rest.append((False, key))
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        # numbering[0] is the next automatic index, or None once a field
        # numbered by hand has been seen (the two may not mix).
        result = self._expand(format_string, args, kwargs, used_args, 2, [0])
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _expand(self, format_string, args, kwargs, used_args, depth, numbering):
        if depth < 0:
            raise ValueError('Max string recursion exceeded')
        out = []
        for literal, name, spec, conversion in self.parse(format_string):
            out.append(literal)
            if name is None:
                continue
            if name == '' or name.isdigit():
                # CPython words both mixes the same way.
                manual = name != ''
                if numbering[0] is None and not manual or numbering[0] and manual:
                    raise ValueError('cannot switch from manual field specification '
                                     'to automatic field numbering')
                if manual:
                    numbering[0] = None
                else:
                    name = str(numbering[0])
                    numbering[0] += 1
            value, key = self.get_field(name, args, kwargs)
            used_args.add(key)
            value = self.convert_field(value, conversion)
            spec = self._expand(spec, args, kwargs, used_args, depth - 1, numbering)
            out.append(self.format_field(value, spec))
        return ''.join(out)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return iter(_parse(format_string))

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
