# The argparse module for minipy, written for it from the documented
# behaviour: positional and optional arguments, the store/const/true/false/
# append/count/extend/help/version actions and BooleanOptionalAction, nargs
# (N, ?, *, +, REMAINDER), type= (FileType, register()ed names), choices=
# (suggest_on_error), defaults, deprecated=, argument groups, mutually
# exclusive groups, sub-commands, parents=, fromfile_prefix_chars,
# parse_known_args and the intermixed parses, and help, usage and error
# text laid out as CPython 3.14 lays them out (no colour: minipy's output
# is never a terminal it colours). Arguments are matched to actions the way
# CPython does it: each argument string becomes a letter ('O' an option,
# 'A' an argument, '-' the first '--') and each action's nargs a regular
# expression over those letters.

import sys as _sys
import os as _os
import re as _re
import textwrap as _textwrap

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "BooleanOptionalAction", "HelpFormatter",
           "ArgumentDefaultsHelpFormatter", "FileType", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
           "MetavarTypeHelpFormatter", "Namespace", "Action", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER",
           "SUPPRESS", "ZERO_OR_MORE"]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."
_UNRECOGNIZED = "_unrecognized_args"


class _AttributeHolder:
    # repr as Name(a=1, b='x'), names that are not identifiers as **{...}.
    # Subclasses name what to show: _get_args positionally, _get_kwargs by
    # keyword (the instance's attributes unless overridden).
    def _get_args(self):
        return ()

    def _get_kwargs(self):
        return [*vars(self).items()]

    def __repr__(self):
        shown = [repr(a) for a in self._get_args()]
        odd = {k: v for k, v in self._get_kwargs() if not k.isidentifier()}
        shown += ["%s=%r" % kv for kv in self._get_kwargs() if kv[0].isidentifier()]
        if odd:
            shown.append("**%r" % (odd,))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))


class Namespace(_AttributeHolder):
    def __init__(self, **kwargs):
        vars(self).update(kwargs)

    def __contains__(self, key):
        return key in vars(self)

    def __eq__(self, other):
        return vars(self) == vars(other) if isinstance(other, Namespace) else NotImplemented


def _action_name(action):
    # How messages name an argument: its option strings, else its metavar
    # or dest, else its choices.
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    mv = action.metavar
    if mv is not None and mv != SUPPRESS:
        if not isinstance(mv, tuple):
            return mv
        if (action.nargs == ZERO_OR_MORE and len(mv) == 2) or action.nargs == ONE_OR_MORE:
            return "%s[, %s]" % mv
        return ", ".join(mv)
    if action.dest is not None and action.dest != SUPPRESS:
        return action.dest
    if action.choices:
        return "{%s}" % ",".join(str(c) for c in action.choices)
    return None


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.message, self.argument_name = message, _action_name(argument)

    def __str__(self):
        name = self.argument_name
        return self.message if name is None else "argument %s: %s" % (name, self.message)


class ArgumentTypeError(Exception):
    pass


class FileType:
    # type= that opens the named file ("-" is stdin or stdout, by mode).
    # Deprecated in 3.14 (a PendingDeprecationWarning, silent by default).
    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        import warnings
        warnings.warn("FileType is deprecated. Simply open files after parsing arguments.",
                      PendingDeprecationWarning, stacklevel=2)
        self._mode, self._bufsize, self._encoding, self._errors = mode, bufsize, encoding, errors

    def __call__(self, string):
        mode = self._mode
        if string == "-":
            if "r" in mode:
                stream = _sys.stdin
            elif any(c in mode for c in "wax"):
                stream = _sys.stdout
            else:
                raise ValueError('argument "-" with mode %r' % mode)
            return stream.buffer if "b" in mode else stream
        try:
            return open(string, mode, self._bufsize, self._encoding, self._errors)
        except OSError as err:
            raise ArgumentTypeError("can't open '%s': %s" % (string, err))

    def __repr__(self):
        shown = [repr(v) for v in (self._mode, self._bufsize) if v != -1]
        shown += ["%s=%r" % kv for kv in (("encoding", self._encoding), ("errors", self._errors)) if kv[1] is not None]
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))


# ---- help formatting ----

def _fill_rows(parts, pad, width, lead=None):
    # Greedy filling of usage parts into rows of at most width columns:
    # a part joins the current row while it fits. Rows start with pad,
    # except the first when lead (the columns of "usage: ") is given.
    rows = []
    end = len(pad) - 1 if lead is None else lead - 1
    for part in parts:
        if rows and end + 1 + len(part) > width:
            rows.append([])
            end = len(pad) - 1
        if not rows:
            rows.append([])
        rows[-1].append(part)
        end += 1 + len(part)
    text = [pad + " ".join(r) for r in rows]
    if lead is not None and text:
        text[0] = text[0][len(pad):]
    return text


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None, color=True):
        if width is None:
            # $COLUMNS when it is a positive number, else 80; less 2.
            cols = _os.environ.get("COLUMNS", "")
            width = (int(cols) if cols.isdigit() and int(cols) > 0 else 80) - 2
        self._prog, self._width = prog, width
        self._indent_increment, self._current_indent = indent_increment, 0
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._action_max_length = 0
        # A section is [parent, heading, items]; items are (function, args)
        # run only when the help is formatted, once every action's width
        # is known.
        self._root = [None, None, []]
        self._section = self._root

    def _indent(self):
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._current_indent -= self._indent_increment

    def _format_section(self, section):
        if section[0] is not None:
            self._indent()
        body = "".join(p for p in [f(*a) for f, a in section[2]] if p and p != SUPPRESS)
        if section[0] is not None:
            self._dedent()
        if not body:
            return ""
        heading = ""
        if section[1] is not None and section[1] != SUPPRESS:
            heading = "%s%s:\n" % (" " * self._current_indent, section[1])
        return "\n" + heading + body + "\n"

    def start_section(self, heading):
        self._indent()
        sec = [self._section, heading, []]
        self._section[2].append((self._format_section, [sec]))
        self._section = sec

    def end_section(self):
        self._section = self._section[0]
        self._dedent()

    def add_text(self, text):
        if text is not None and text != SUPPRESS:
            self._section[2].append((self._format_text, [text]))

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage != SUPPRESS:
            self._section[2].append((self._format_usage, [usage, actions, groups, prefix]))

    def add_argument(self, action):
        if action.help == SUPPRESS:
            return
        longest = len(self._format_action_invocation(action)) + self._current_indent
        for sub in self._iter_indented_subactions(action):
            longest = max(longest, len(self._format_action_invocation(sub)) + self._current_indent)
        self._action_max_length = max(self._action_max_length, longest)
        self._section[2].append((self._format_action, [action]))

    def add_arguments(self, actions):
        for a in actions:
            self.add_argument(a)

    def format_help(self):
        text = self._format_section(self._root)
        if text:
            text = _re.sub("\n\n\n+", "\n\n", text)
            text = text.strip("\n") + "\n"
        return text

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        if usage is not None:
            usage = usage % {"prog": self._prog}
        elif not actions:
            usage = self._prog
        else:
            prog = self._prog
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            parts = self._usage_parts(optionals + positionals, groups)
            usage = " ".join([s for s in [prog, " ".join(parts)] if s])
            if len(prefix) + len(usage) > self._width - self._current_indent:
                usage = "\n".join(self._wrap_usage(prog, prefix, self._usage_parts(optionals, groups),
                                                   self._usage_parts(positionals, groups)))
        return "%s%s\n\n" % (prefix, usage)

    def _wrap_usage(self, prog, prefix, opt_parts, pos_parts):
        # A usage too long for one line: options first, then positionals
        # on rows of their own.
        width = self._width - self._current_indent
        if len(prefix) + len(prog) <= 0.75 * width:
            # Rows continue under the first part after the program name.
            pad = " " * (len(prefix) + len(prog) + 1)
            rows = _fill_rows([prog] + (opt_parts or pos_parts), pad, width, len(prefix))
            if opt_parts:
                rows += _fill_rows(pos_parts, pad, width)
            return rows
        # A long program name stands alone; the parts go under "usage: ".
        pad = " " * len(prefix)
        rows = _fill_rows(opt_parts + pos_parts, pad, width)
        if len(rows) > 1:
            rows = _fill_rows(opt_parts, pad, width) + _fill_rows(pos_parts, pad, width)
        return [prog] + rows

    def _usage_parts(self, actions, groups):
        # Which actions a mutually exclusive group spans, as a run of
        # consecutive positions in actions.
        in_group = []
        spans = {}
        for g in groups:
            if not g._group_actions:
                raise ValueError("empty group %s" % (g,))
            if all(a.help == SUPPRESS for a in g._group_actions):
                continue
            idx = [i for i, a in enumerate(actions) if any(a is b for b in g._group_actions)]
            if len(idx) != len(g._group_actions) or not idx:
                continue
            start = idx[0]
            end = start + len(g._group_actions)
            if idx == list(range(start, end)):
                in_group.extend(g._group_actions)
                spans[(start, end)] = g
        parts = []
        for a in actions:
            grouped = any(a is b for b in in_group)
            if a.help == SUPPRESS:
                parts.append(None)
            elif not a.option_strings:
                p = self._format_args(a, self._get_default_metavar_for_positional(a))
                if grouped and p[:1] == "[" and p[-1:] == "]":
                    p = p[1:-1]
                parts.append(p)
            else:
                opt = a.option_strings[0]
                if a.nargs == 0:
                    p = a.format_usage()
                else:
                    p = "%s %s" % (opt, self._format_args(a, self._get_default_metavar_for_optional(a)))
                if not a.required and not grouped:
                    p = "[%s]" % p
                parts.append(p)
        done = set()
        for start, end in sorted(spans, reverse=True):
            g = spans[(start, end)]
            gp = [p for p in parts[start:end] if p is not None]
            if g.required:
                op, cl = ("(", ")") if len(gp) > 1 else ("", "")
            else:
                op, cl = "[", "]"
            gp[0] = op + gp[0]
            gp[-1] = gp[-1] + cl
            for i, p in enumerate(gp[:-1], start):
                if i not in done:
                    parts[i] = p + " |"
                    done.add(i)
            parts[start + len(gp) - 1] = gp[-1]
            for i in range(start + len(gp), end):
                parts[i] = None
        return [p for p in parts if p is not None]

    def _format_text(self, text):
        if "%(prog)" in text:
            text = text % {"prog": self._prog}
        width = max(self._width - self._current_indent, 11)
        return self._fill_text(text, width, " " * self._current_indent) + "\n\n"

    def _format_action(self, action):
        help_pos = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_pos, 11)
        action_width = help_pos - self._current_indent - 2
        header = self._format_action_invocation(action)
        first_indent = 0
        if not action.help:
            header = "%s%s\n" % (" " * self._current_indent, header)
        elif len(header) <= action_width:
            header = "%s%s  " % (" " * self._current_indent, header.ljust(action_width))
        else:
            header = "%s%s\n" % (" " * self._current_indent, header)
            first_indent = help_pos
        out = [header]
        if action.help and action.help.strip():
            text = self._expand_help(action)
            if text:
                lines = self._split_lines(text, help_width)
                out.append("%s%s\n" % (" " * first_indent, lines[0]))
                for ln in lines[1:]:
                    out.append("%s%s\n" % (" " * help_pos, ln))
        elif not header.endswith("\n"):
            out.append("\n")
        for sub in self._iter_indented_subactions(action):
            out.append(self._format_action(sub))
        return "".join(p for p in out if p and p != SUPPRESS)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            return " ".join(self._metavar_formatter(action, self._get_default_metavar_for_positional(action))(1))
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join(action.option_strings) + " " + args

    def _metavar_formatter(self, action, default):
        if action.metavar is not None:
            mv = action.metavar
        elif action.choices is not None:
            mv = "{%s}" % ",".join(str(c) for c in action.choices)
        else:
            mv = default

        def fmt(n):
            if isinstance(mv, tuple):
                return mv
            return (mv,) * n
        return fmt

    def _format_args(self, action, default):
        get = self._metavar_formatter(action, default)
        n = action.nargs
        if n is None:
            return "%s" % get(1)
        if n == OPTIONAL:
            return "[%s]" % get(1)
        if n == ZERO_OR_MORE:
            mv = get(1)
            if len(mv) == 2:
                return "[%s [%s ...]]" % mv
            return "[%s ...]" % mv
        if n == ONE_OR_MORE:
            return "%s [%s ...]" % get(2)
        if n == REMAINDER:
            return "..."
        if n == PARSER:
            return "%s ..." % get(1)
        if n == SUPPRESS:
            return ""
        if not isinstance(n, int):
            raise ValueError("invalid nargs value")
        return " ".join(["%s"] * n) % get(n)

    def _get_help_string(self, action):
        # The help text before %-expansion; formatters may add to it.
        return action.help

    def _expand_help(self, action):
        text = self._get_help_string(action)
        if "%" not in text:
            return text
        params = dict(vars(action), prog=self._prog)
        for k in list(params):
            v = params[k]
            if isinstance(v, str) and v == SUPPRESS:
                del params[k]
            elif hasattr(v, "__name__"):
                params[k] = v.__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(c) for c in params["choices"])
        return text % params

    def _iter_indented_subactions(self, action):
        get = getattr(action, "_get_subactions", None)
        if get is not None:
            self._indent()
            for sub in get():
                yield sub
            self._dedent()

    def _split_lines(self, text, width):
        return _textwrap.wrap(_re.sub(r"\s+", " ", text).strip(), width)

    def _fill_text(self, text, width, indent):
        text = _re.sub(r"\s+", " ", text).strip()
        return _textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    def _get_default_metavar_for_positional(self, action):
        return action.dest

    def _get_default_metavar_for_optional(self, action):
        # --out-file takes OUT_FILE by default (dest in capitals).
        return action.dest.upper()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    # Appends " (default: ...)" to the help of every option, and of the
    # positionals that may be left out, unless the help already says.
    def _get_help_string(self, action):
        text = action.help or ""
        shows_default = action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE)
        if shows_default and action.default != SUPPRESS and "%(default)" not in text:
            return text + " (default: %(default)s)"
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    # The name of the type= callable stands for the value, as in --n int.
    def _get_default_metavar_for_optional(self, action):
        return getattr(action.type, "__name__")

    _get_default_metavar_for_positional = _get_default_metavar_for_optional


class RawDescriptionHelpFormatter(HelpFormatter):
    # Description and epilog keep their line breaks; each line is indented.
    def _fill_text(self, text, width, indent):
        return "".join(indent + ln for ln in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    # Help texts of arguments keep their line breaks as well.
    def _split_lines(self, text, width):
        return [*text.splitlines()]


# ---- actions ----

_ACTION_FIELDS = ("option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help",
                  "metavar", "deprecated")


class Action(_AttributeHolder):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, deprecated=False):
        given = (option_strings, dest, nargs, const, default, type, choices, required, help, metavar, deprecated)
        vars(self).update(zip(_ACTION_FIELDS, given))

    def _get_kwargs(self):
        return [(name, getattr(self, name)) for name in _ACTION_FIELDS]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")

    def format_usage(self):
        # How the option shows in a usage line: its first spelling.
        return self.option_strings[0]


def _copy_list(v):
    # Append-like actions never change a default list in place.
    if v is None:
        return []
    if type(v) is list:
        return v[:]
    import copy
    return copy.copy(v)


def _check_value_nargs(kind, nargs, const, hint):
    if nargs == 0:
        raise ValueError("nargs for %s actions must be != 0; %s" % (kind, hint))
    if const is not None and nargs != OPTIONAL:
        raise ValueError("nargs must be %r to supply const" % OPTIONAL)


class _StoreAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, deprecated=False):
        _check_value_nargs("store", nargs, const, "if you have nothing to store, actions such as store true or "
                           "store const may be more appropriate")
        super().__init__(option_strings, dest, nargs, const, default, type, choices, required, help, metavar,
                         deprecated)


class _StoreConstAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)

    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None,
                 deprecated=False):
        super().__init__(option_strings, dest, 0, const, default, None, None, required, help, metavar, deprecated)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None, deprecated=False):
        super().__init__(option_strings, dest, True, default, required, help, None, deprecated)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None, deprecated=False):
        super().__init__(option_strings, dest, False, default, required, help, None, deprecated)


class _AppendAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        self._grow(namespace, [values])

    def _grow(self, namespace, new):
        items = _copy_list(getattr(namespace, self.dest, None))
        items.extend(new)
        setattr(namespace, self.dest, items)

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, deprecated=False):
        _check_value_nargs("append", nargs, const, "if arg strings are not supplying the value to append, the "
                           "append const action may be more appropriate")
        super().__init__(option_strings, dest, nargs, const, default, type, choices, required, help, metavar,
                         deprecated)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        self._grow(namespace, values)


class _AppendConstAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        _AppendAction._grow(self, namespace, [self.const])

    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None,
                 deprecated=False):
        super().__init__(option_strings, dest, 0, const, default, None, None, required, help, metavar, deprecated)


class _CountAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        before = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, 1 if before is None else before + 1)

    def __init__(self, option_strings, dest, default=None, required=False, help=None, deprecated=False):
        super().__init__(option_strings, dest, 0, None, default, None, None, required, help, None, deprecated)


class _HelpAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit(0)

    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None, deprecated=False):
        super().__init__(option_strings, dest, 0, None, default, None, None, False, help, None, deprecated)


class _VersionAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        # The version text is laid out as help text (%(prog)s expands).
        f = parser._get_formatter()
        f.add_text(parser.version if self.version is None else self.version)
        parser._print_message(f.format_help(), _sys.stdout)
        parser.exit()

    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS, help=None,
                 deprecated=False):
        if help is None:
            help = "show program's version number and exit"
        super().__init__(option_strings, dest, 0, None, default, None, None, False, help, None, deprecated)
        self.version = version


class BooleanOptionalAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None, deprecated=False):
        # Every --name gets a --no-name twin right after it.
        strings = []
        for s in option_strings:
            strings.append(s)
            if s[:2] != "--":
                continue
            if s[:5] == "--no-":
                raise ValueError("invalid option name %r for BooleanOptionalAction" % s)
            strings.append("--no-" + s[2:])
        super().__init__(strings, dest, 0, None, default, None, None, required, help, None, deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, option_string[:5] != "--no-")

    def format_usage(self):
        return " | ".join(self.option_strings)


class _ChoicesPseudoAction(Action):
    # One line of a sub-command's help: its name, aliases in brackets.
    def __init__(self, name, aliases, help):
        shown = "%s (%s)" % (name, ", ".join(aliases)) if aliases else name
        super().__init__([], name, help=help, metavar=shown)


class _SubParsersAction(Action):
    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False, help=None,
                 metavar=None):
        # choices is the name -> parser map itself, so names added later
        # are valid choices too.
        parsers = {}
        super().__init__(option_strings, dest, PARSER, None, None, None, parsers, required, help, metavar)
        self._name_parser_map, self._choices_actions = parsers, []
        self._deprecated = set()  # names and aliases that warn when used
        self._prog_prefix, self._parser_class = prog, parser_class

    def add_parser(self, name, **kwargs):
        aliases = tuple(kwargs.pop("aliases", ()))
        for n in (name,) + aliases:
            if n in self._name_parser_map:
                # A mistake in the program, not on the command line: 3.14
                # raises ValueError (gh-126068), no longer ArgumentError.
                what = "subparser" if n == name else "subparser alias"
                raise ValueError("conflicting %s: %s" % (what, n))
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        listed = None
        if "help" in kwargs:
            listed = _ChoicesPseudoAction(name, aliases, kwargs.pop("help"))
            self._choices_actions.append(listed)
        if kwargs.pop("deprecated", False):
            self._deprecated.update((name,) + aliases)
        made = self._parser_class(**kwargs)
        if listed is not None:
            made._check_help(listed)
        self._name_parser_map.update(dict.fromkeys((name,) + aliases, made))
        return made

    def __call__(self, parser, namespace, values, option_string=None):
        name, rest = values[0], values[1:]
        if self.dest != SUPPRESS:
            setattr(namespace, self.dest, name)
        chosen = self._name_parser_map.get(name)
        if chosen is None:
            raise ArgumentError(self, "unknown parser %r (choices: %s)" % (name, ", ".join(self._name_parser_map)))
        if name in self._deprecated:
            parser._warning("command '%s' is deprecated" % name)
        # The sub-parser's results win over this parser's defaults.
        subns, left = chosen.parse_known_args(rest, None)
        for key in vars(subns):
            setattr(namespace, key, getattr(subns, key))
        if left:
            pending = getattr(namespace, _UNRECOGNIZED, None)
            if pending is None:
                pending = []
                setattr(namespace, _UNRECOGNIZED, pending)
            pending.extend(left)

    def _get_subactions(self):
        # The pseudo-actions listed under this action in the help.
        return self._choices_actions


_ACTIONS = {None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
            "store_true": _StoreTrueAction, "store_false": _StoreFalseAction, "append": _AppendAction,
            "append_const": _AppendConstAction, "count": _CountAction, "help": _HelpAction,
            "version": _VersionAction, "extend": _ExtendAction, "parsers": _SubParsersAction}


# ---- containers: parsers and groups ----

def _unconverted(string):
    return string


# Tables a parser shares with its argument groups: an argument added to a
# group is the parser's argument too.
_SHARED_TABLES = ("_actions", "_option_string_actions", "_defaults", "_has_negative_number_optionals",
                  "_mutually_exclusive_groups", "_registries")

# What looks like a negative number (3.14: any '-' then a digit, or '-.'
# then a digit: -1e5, -1_000, -2j and -.5 too).
_NEGATIVE_NUMBER = _re.compile(r"-\.?\d")


class _Container:
    def _init_container(self, description, prefix_chars, argument_default, conflict_handler):
        self.description, self.prefix_chars = description, prefix_chars
        self.argument_default, self.conflict_handler = argument_default, conflict_handler
        # register() tables: action= names and type= names (None is the
        # identity: values stay strings).
        registries = {"action": dict(_ACTIONS), "type": {None: _unconverted}}
        for name, empty in zip(_SHARED_TABLES, ([], {}, {}, [], [], registries)):
            setattr(self, name, empty)
        self._action_groups = []

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            a.default = kwargs.get(a.dest, a.default)

    def get_default(self, dest):
        found = [a.default for a in self._actions if a.dest == dest and a.default is not None]
        return found[0] if found else self._defaults.get(dest)

    def add_argument(self, *args, **kwargs):
        positional = not args or (len(args) == 1 and args[0] and args[0][0] not in self.prefix_chars)
        if not positional:
            kwargs = self._optional_kwargs(*args, **kwargs)
        elif args and "dest" in kwargs:
            raise ValueError("dest supplied twice for positional argument, did you mean metavar?")
        else:
            kwargs = self._positional_kwargs(*args, **kwargs)
        if "default" not in kwargs:
            if kwargs["dest"] in self._defaults:
                kwargs["default"] = self._defaults[kwargs["dest"]]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        kind = kwargs.pop("action", None)
        factory = self._registry_get("action", kind, kind)
        if not callable(factory):
            raise ValueError("unknown action %r" % (kind,))
        action = factory(**kwargs)
        if not action.option_strings and action.nargs == 0:
            # store_true and the like take no string: never a positional.
            raise ValueError("action %r is not valid for positional arguments" % (kind,))
        converter = self._registry_get("type", action.type, action.type)
        if not callable(converter):
            raise TypeError("%r is not callable" % (converter,))
        if converter is FileType:
            raise TypeError("%r is a FileType class object, instance of it must be passed" % (FileType,))
        # A tuple metavar must have as many names as nargs takes values:
        # laying the arguments out once finds out.
        make_formatter = getattr(self, "_get_formatter", None)
        if make_formatter is not None:
            try:
                make_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError("length of metavar tuple does not match nargs") from None
        self._check_help(action)
        return self._add_action(action)

    def _check_help(self, action):
        # 3.14: a help text that cannot be %-expanded fails when added,
        # not when the help is shown.
        make_formatter = getattr(self, "_get_formatter", None)
        if action.help and make_formatter is not None:
            try:
                make_formatter()._expand_help(action)
            except (ValueError, TypeError, KeyError) as err:
                raise ValueError("badly formed help string") from err

    def _positional_kwargs(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get("nargs")
        if nargs == 0:
            raise ValueError("nargs for positionals must be != 0")
        # A positional is required unless it may take nothing (3.14:
        # '*' and REMAINDER too, so they may join mutually exclusive groups).
        if nargs not in (OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS):
            kwargs["required"] = True
        kwargs.update(dest=dest, option_strings=[])
        return kwargs

    def _optional_kwargs(self, *args, **kwargs):
        chars = self.prefix_chars
        for s in args:
            if not s or s[0] not in chars:
                raise ValueError("invalid option string %r: must start with a character %r" % (s, chars))
        dest = kwargs.pop("dest", None)
        if dest is None:
            # The first long option names the attribute, else the first one.
            longs = [s for s in args if len(s) > 1 and s[1] in chars]
            source = (longs or args)[0]
            dest = source.lstrip(chars).replace("-", "_")
            if not dest:
                raise ValueError("dest= is required for options like %r" % (source,))
        kwargs.update(dest=dest, option_strings=list(args))
        return kwargs

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_action(self, action):
        table = self._option_string_actions
        clash = [s for s in action.option_strings if s in table]
        if clash and self.conflict_handler != "resolve":
            raise ArgumentError(action, "conflicting option string%s: %s"
                                % ("s" if len(clash) > 1 else "", ", ".join(clash)))
        # "resolve": the older action loses the strings; with none left it
        # goes away.
        for s in clash:
            older = table.pop(s)
            older.option_strings.remove(s)
            if not older.option_strings:
                older.container._remove_action(older)
        action.container = self
        self._actions.append(action)
        table.update(dict.fromkeys(action.option_strings, action))
        looks_negative = any(_NEGATIVE_NUMBER.match(s) for s in action.option_strings)
        if looks_negative and not self._has_negative_number_optionals:
            self._has_negative_number_optionals.append(True)
        return action

    def add_argument_group(self, *args, **kwargs):
        made = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(made)
        return made

    def add_mutually_exclusive_group(self, required=False):
        made = _MutuallyExclusiveGroup(self, required)
        self._mutually_exclusive_groups.append(made)
        return made

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    def _merge_parent(self, parent):
        # parents=: the parent's actions join this parser in groups of the
        # same titles (made here when missing), its mutually exclusive
        # groups are made again here.
        by_title = {}
        for g in self._action_groups:
            if g.title in by_title:
                raise ValueError("cannot merge actions - two groups are named %r" % (g.title,))
            by_title[g.title] = g
        home = {}
        for g in parent._action_groups:
            if g.title not in by_title:
                by_title[g.title] = self.add_argument_group(title=g.title, description=g.description,
                                                            conflict_handler=g.conflict_handler)
            home.update((id(a), by_title[g.title]) for a in g._group_actions)
        for g in parent._mutually_exclusive_groups:
            where = self if g._container is parent else by_title[g._container.title]
            twin = where.add_mutually_exclusive_group(required=g.required)
            home.update((id(a), twin) for a in g._group_actions)
        for a in parent._actions:
            home.get(id(a), self)._add_action(a)


class _ArgumentGroup(_Container):
    def __init__(self, container, title=None, description=None, argument_default=None, prefix_chars=None,
                 conflict_handler=None):
        self._init_container(description, prefix_chars or container.prefix_chars,
                             argument_default if argument_default is not None else container.argument_default,
                             conflict_handler or container.conflict_handler)
        self.title = title
        self._group_actions = []
        for name in _SHARED_TABLES:
            setattr(self, name, getattr(container, name))

    def _remove_action(self, action):
        self._group_actions.remove(action)
        _Container._remove_action(self, action)

    def _add_action(self, action):
        _Container._add_action(self, action)
        self._group_actions.append(action)
        return action

    def add_argument_group(self, *args, **kwargs):
        # Deprecated in 3.11, an error since 3.14 (a mutually exclusive
        # group may still be made inside an argument group).
        raise ValueError("argument groups cannot be nested")


class _MutuallyExclusiveGroup(_ArgumentGroup):
    # Its actions live in the container it was made in (a parser or an
    # argument group); the group only remembers them.
    def __init__(self, container, required=False):
        _ArgumentGroup.__init__(self, container)
        self._container, self.required = container, required

    def _remove_action(self, action):
        self._group_actions.remove(action)
        self._container._remove_action(action)

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def add_mutually_exclusive_group(self, **kwargs):
        raise ValueError("mutually exclusive groups cannot be nested")


def _nargs_pattern(action):
    # A regular expression over the letters of the argument strings: what
    # this action's nargs takes. Positionals may span a '--' ('-').
    n = action.nargs
    opt = bool(action.option_strings)
    if n is None:
        return "(A)" if opt else "(-*A-*)"
    if n == OPTIONAL:
        return "(A?)" if opt else "(-*A?-*)"
    if n == ZERO_OR_MORE:
        return "(A*)" if opt else "(-*[A-]*)"
    if n == ONE_OR_MORE:
        return "(A+)" if opt else "(-*A[A-]*)"
    if n == REMAINDER:
        return "([AO]*)" if opt else "([-AO]*)"
    if n == PARSER:
        return "(A[AO]*)" if opt else "(-*A[-AO]*)"
    if n == SUPPRESS:
        return "()" if opt else "(-*)"
    # An option with a fixed count takes that many strings, options or not
    # (as CPython 3.14 and later 3.13 releases; 3.13.0 stopped at one).
    return ("([AO]{%d})" % n) if opt else ("((?:-*A){%d}-*)" % n)


class ArgumentParser(_AttributeHolder, _Container):
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True, *, suggest_on_error=False, color=True):
        self._init_container(description, prefix_chars, argument_default, conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else "minipy"
        self.prog, self.usage, self.epilog = prog, usage, epilog
        self.formatter_class, self.add_help = formatter_class, add_help
        self.fromfile_prefix_chars, self.allow_abbrev = fromfile_prefix_chars, allow_abbrev
        self.exit_on_error, self.suggest_on_error, self.color = exit_on_error, suggest_on_error, color
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        self._subparsers = None
        if add_help:
            # -h/--help, spelt with '-' when it is a prefix character.
            dash = "-" if "-" in prefix_chars else prefix_chars[0]
            self.add_argument(dash + "h", dash * 2 + "help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            self._merge_parent(parent)
            self._defaults.update(parent._defaults)

    def _get_kwargs(self):
        names = ["prog", "usage", "description", "formatter_class", "conflict_handler", "add_help"]
        return [(n, getattr(self, n)) for n in names]

    def _add_action(self, action):
        # Straight onto a parser: into its "options" or "positional
        # arguments" group.
        group = self._optionals if action.option_strings else self._positionals
        group._add_action(action)
        return action

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            raise ValueError("cannot have multiple subparser arguments")
        kwargs.setdefault("parser_class", type(self))
        if "title" in kwargs or "description" in kwargs:
            title = kwargs.pop("title", "subcommands")
            desc = kwargs.pop("description", None)
            self._subparsers = self.add_argument_group(title, desc)
        else:
            self._subparsers = self._positionals
        if kwargs.get("prog") is None:
            f = self._get_formatter()
            f.add_usage(None, [a for a in self._actions if not a.option_strings], self._mutually_exclusive_groups, "")
            kwargs["prog"] = f.format_help().strip()
        kind = kwargs.pop("action", "parsers")
        action = self._registry_get("action", kind, kind)(option_strings=[], **kwargs)
        self._check_help(action)
        self._subparsers._add_action(action)
        return action

    # ---- parsing ----

    def parse_args(self, args=None, namespace=None):
        return self._no_extras(*self.parse_known_args(args, namespace))

    def _no_extras(self, ns, extras):
        # What parse_args and parse_intermixed_args return: the namespace,
        # once no strings are left over.
        if extras:
            msg = "unrecognized arguments: %s" % " ".join(extras)
            if self.exit_on_error:
                self.error(msg)
            raise ArgumentError(None, msg)
        return ns

    def parse_known_args(self, args=None, namespace=None):
        return self._parse_with_defaults(args, namespace, False)

    def parse_intermixed_args(self, args=None, namespace=None):
        # As parse_args, but positionals may be interleaved with options:
        # all options are matched first, then the positionals from the
        # strings that are left.
        return self._no_extras(*self.parse_known_intermixed_args(args, namespace))

    def parse_known_intermixed_args(self, args=None, namespace=None):
        positionals = [a for a in self._actions if not a.option_strings]
        for a in positionals:
            if a.nargs in (PARSER, REMAINDER):
                raise TypeError("parse_intermixed_args: positional arg with nargs=%s" % a.nargs)
        for g in self._mutually_exclusive_groups:
            if any(a in positionals for a in g._group_actions):
                raise TypeError("parse_intermixed_args: positional in mutuallyExclusiveGroup")
        return self._parse_with_defaults(args, namespace, True)

    def _parse_with_defaults(self, args, namespace, intermixed):
        # The namespace first gets every default it lacks (actions' in the
        # order they were added, then set_defaults'), then the parse.
        args = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        for a in self._actions:
            if a.dest == SUPPRESS or hasattr(namespace, a.dest):
                continue
            if not (isinstance(a.default, str) and a.default == SUPPRESS):
                setattr(namespace, a.dest, a.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            if self.fromfile_prefix_chars is not None:
                args = self._read_args_from_files(args)
            namespace, args = self._parse(args, namespace, intermixed)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        left = getattr(namespace, _UNRECOGNIZED, None)
        if left is not None:
            delattr(namespace, _UNRECOGNIZED)
            args += left
        return namespace, args

    def _read_args_from_files(self, arg_strings):
        # fromfile_prefix_chars: "@name" stands for the arguments in file
        # name, one a line (convert_arg_line_to_args may split lines
        # further); such files may name other files in turn.
        out = []
        for s in arg_strings:
            if not s or s[0] not in self.fromfile_prefix_chars:
                out.append(s)
                continue
            try:
                with open(s[1:]) as f:
                    text = f.read()
            except OSError as err:
                raise ArgumentError(None, str(err))
            found = []
            for line in text.splitlines():
                found.extend(self.convert_arg_line_to_args(line))
            out.extend(self._read_args_from_files(found))
        return out

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _parse(self, arg_strings, namespace, intermixed=False):
        conflicts = {}
        for g in self._mutually_exclusive_groups:
            for i, a in enumerate(g._group_actions):
                conflicts.setdefault(id(a), []).extend(g._group_actions[:i] + g._group_actions[i + 1:])

        # One letter per argument string: O an option, A an argument, and
        # '-' the first '--' (everything after it is an argument).
        option_at = {}
        letters = []
        dashdash = False
        for i, s in enumerate(arg_strings):
            if dashdash:
                letters.append("A")
            elif s == "--":
                letters.append("-")
                dashdash = True
            else:
                found = self._parse_optional(s)
                if found is None:
                    letters.append("A")
                else:
                    option_at[i] = found
                    letters.append("O")
        pattern = "".join(letters)

        seen = set()
        seen_given = set()
        warned = set()  # deprecated options and positionals already warned of

        def take(action, strings, option_string=None):
            seen.add(id(action))
            values = self._get_values(action, strings)
            if action.option_strings or strings:
                seen_given.add(id(action))
                for other in conflicts.get(id(action), []):
                    if id(other) in seen_given:
                        raise ArgumentError(action, "not allowed with argument %s" % _action_name(other))
            if not (isinstance(values, str) and values == SUPPRESS):
                action(self, namespace, values, option_string)

        extras = []

        def consume_optional(start):
            tuples = option_at[start]
            if len(tuples) > 1:
                names = ", ".join(t[1] for t in tuples)
                raise ArgumentError(None, "ambiguous option: %s could match %s" % (arg_strings[start], names))
            action, opt, sep, explicit = tuples[0]
            todo = []
            while True:
                if action is None:
                    extras.append((arg_strings[start], "O"))
                    return start + 1
                if explicit is not None:
                    count = self._match_argument(action, "A")
                    chars = self.prefix_chars
                    if count == 0 and opt[1] not in chars and explicit != "":
                        # -xyz: flags run together
                        if sep or explicit[0] in chars:
                            raise ArgumentError(action, "ignored explicit argument %r" % explicit)
                        todo.append((action, [], opt))
                        opt = opt[0] + explicit[0]
                        if opt in self._option_string_actions:
                            action = self._option_string_actions[opt]
                            explicit = explicit[1:]
                            if not explicit:
                                sep = explicit = None
                            elif explicit[0] == "=":
                                sep = "="
                                explicit = explicit[1:]
                            else:
                                sep = ""
                        else:
                            extras.append((opt[0] + explicit, "O"))
                            stop = start + 1
                            break
                    elif count == 1:
                        stop = start + 1
                        todo.append((action, [explicit], opt))
                        break
                    else:
                        raise ArgumentError(action, "ignored explicit argument %r" % explicit)
                else:
                    count = self._match_argument(action, pattern[start + 1:])
                    stop = start + 1 + count
                    todo.append((action, arg_strings[start + 1:stop], opt))
                    break
            for action, strings, opt in todo:
                if action.deprecated and opt not in warned:
                    warned.add(opt)
                    self._warning("option '%s' is deprecated" % opt)
                take(action, strings, opt)
            return stop

        positionals = [a for a in self._actions if not a.option_strings]

        def consume_positionals(strings_in, letters_in, start):
            # Positionals take what they can from strings_in[start:]; the
            # first '--' among what one takes is dropped (a REMAINDER
            # keeps it).
            counts = self._match_partial(positionals, letters_in[start:])
            for action, count in zip(positionals, counts):
                strings = strings_in[start:start + count]
                dash = letters_in.find("-", start, start + count)
                if action.nargs == PARSER:
                    drop_dash = dash == start
                else:
                    drop_dash = dash >= 0 and action.nargs != REMAINDER
                if drop_dash:
                    del strings[dash - start]
                start += count
                if strings and action.deprecated and action.dest not in warned:
                    warned.add(action.dest)
                    self._warning("argument '%s' is deprecated" % action.dest)
                take(action, strings)
            del positionals[:len(counts)]
            return start

        start = 0
        last_option = max(option_at) if option_at else -1
        while start <= last_option:
            nxt = start
            while nxt <= last_option and nxt not in option_at:
                nxt += 1
            if start != nxt and not intermixed:
                end = consume_positionals(arg_strings, pattern, start)
                if end > start:
                    start = end
                    continue
                start = end
            if start not in option_at:
                extras.extend(zip(arg_strings[start:nxt], pattern[start:nxt]))
                start = nxt
            start = consume_optional(start)
        if not intermixed:
            stop = consume_positionals(arg_strings, pattern, start)
            extras.extend(zip(arg_strings[stop:], pattern[stop:]))
        else:
            # Options are done; the positionals take the strings left over,
            # unknown options excepted (they stay where they were).
            extras.extend(zip(arg_strings[start:], pattern[start:]))
            plain = [i for i, (_, c) in enumerate(extras) if c != "O"]
            taken = consume_positionals([extras[i][0] for i in plain], "".join(extras[i][1] for i in plain), 0)
            drop = set(plain[:taken])
            extras = [pair for i, pair in enumerate(extras) if i not in drop]

        missing = []
        for a in self._actions:
            if id(a) not in seen:
                if a.required:
                    missing.append(_action_name(a))
                elif (a.default is not None and isinstance(a.default, str) and hasattr(namespace, a.dest)
                      and a.default is getattr(namespace, a.dest)):
                    setattr(namespace, a.dest, self._get_value(a, a.default))
        if missing:
            raise ArgumentError(None, "the following arguments are required: %s" % ", ".join(missing))
        for g in self._mutually_exclusive_groups:
            if g.required and not any(id(a) in seen_given for a in g._group_actions):
                names = [_action_name(a) for a in g._group_actions if a.help != SUPPRESS]
                raise ArgumentError(None, "one of the arguments %s is required" % " ".join(names))
        return namespace, [s for s, _ in extras]

    def _match_argument(self, action, letters):
        m = _re.match(_nargs_pattern(action), letters)
        if m is None:
            n = action.nargs
            if n is None:
                msg = "expected one argument"
            elif n == OPTIONAL:
                msg = "expected at most one argument"
            elif n == ONE_OR_MORE:
                msg = "expected at least one argument"
            elif n == 1:
                msg = "expected 1 argument"
            else:
                msg = "expected %s arguments" % n
            raise ArgumentError(action, msg)
        return len(m.group(1))

    def _match_partial(self, actions, letters):
        # As many positionals as can match, from the first; a positional
        # that would take nothing just before an option is left for later.
        for i in range(len(actions), 0, -1):
            m = _re.match("".join(_nargs_pattern(a) for a in actions[:i]), letters)
            if m is not None:
                counts = [len(g) for g in m.groups()]
                if m.end() < len(letters) and letters[m.end()] == "O":
                    while counts and not counts[-1]:
                        del counts[-1]
                return counts
        return []

    def _parse_optional(self, s):
        # None for an argument; else a list of (action, option string,
        # separator, explicit argument), more than one when ambiguous.
        if not s or s[0] not in self.prefix_chars:
            return None
        if s in self._option_string_actions:
            return [(self._option_string_actions[s], s, None, None)]
        if len(s) == 1:
            return None
        opt, sep, explicit = s.partition("=")
        if sep and opt in self._option_string_actions:
            return [(self._option_string_actions[opt], opt, sep, explicit)]
        found = self._option_tuples(s)
        if found:
            return found
        if _NEGATIVE_NUMBER.match(s) and not self._has_negative_number_optionals:
            return None
        if " " in s:
            return None
        return [(None, s, None, None)]

    def _option_tuples(self, s):
        out = []
        chars = self.prefix_chars
        if s[0] in chars and s[1] in chars:
            if self.allow_abbrev:
                prefix, sep, explicit = s.partition("=")
                if not sep:
                    sep = explicit = None
                for opt in self._option_string_actions:
                    if opt.startswith(prefix):
                        out.append((self._option_string_actions[opt], opt, sep, explicit))
        else:
            prefix, sep, explicit = s.partition("=")
            if not sep:
                sep = explicit = None
            short, short_arg = s[:2], s[2:]
            for opt in self._option_string_actions:
                if opt == short:
                    out.append((self._option_string_actions[opt], opt, "", short_arg))
                elif self.allow_abbrev and opt.startswith(prefix):
                    out.append((self._option_string_actions[opt], opt, sep, explicit))
        return out

    def _get_values(self, action, strings):
        n = action.nargs
        if not strings and n == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str) and value != SUPPRESS:
                value = self._get_value(action, value)
        elif not strings and n == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else []
        elif len(strings) == 1 and n in (None, OPTIONAL):
            value = self._get_value(action, strings[0])
            self._check_value(action, value)
        elif n == REMAINDER:
            value = [self._get_value(action, v) for v in strings]
        elif n == PARSER:
            value = [self._get_value(action, v) for v in strings]
            self._check_value(action, value[0])
        elif n == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in strings]
            for item in value:
                self._check_value(action, item)
        return value

    def _get_value(self, action, s):
        convert = self._registry_get("type", action.type, action.type)
        if not callable(convert):
            raise TypeError("%r is not callable" % (convert,))
        try:
            return convert(s)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            # Named after type= as given (a registered name shows quoted).
            name = getattr(action.type, "__name__", None)
            raise ArgumentError(action, "invalid %s value: %r" % (repr(action.type) if name is None else name, s))

    def _check_value(self, action, value):
        choices = action.choices
        if choices is None:
            return
        ok = (value in list(choices)) if isinstance(choices, str) else (value in choices)
        if ok:
            return
        listed = ", ".join(str(c) for c in choices)
        # suggest_on_error (3.14): the closest string choice, if any is close.
        if self.suggest_on_error and isinstance(value, str) and all(isinstance(c, str) for c in choices):
            import difflib
            close = difflib.get_close_matches(value, choices, 1)
            if close:
                raise ArgumentError(action, "invalid choice: %r, maybe you meant %r? (choose from %s)"
                                    % (value, close[0], listed))
        raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (str(value), listed))

    def _warning(self, message):
        self._print_message("%s: warning: %s\n" % (self.prog, message), _sys.stderr)

    # ---- help ----

    def format_usage(self):
        f = self._get_formatter()
        f.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return f.format_help()

    def format_help(self):
        f = self._get_formatter()
        f.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        f.add_text(self.description)
        for g in self._action_groups:
            f.start_section(g.title)
            f.add_text(g.description)
            f.add_arguments(g._group_actions)
            f.end_section()
        f.add_text(self.epilog)
        return f.format_help()

    def print_usage(self, file=None):
        self._print_message(self.format_usage(), _sys.stdout if file is None else file)

    def print_help(self, file=None):
        self._print_message(self.format_help(), _sys.stdout if file is None else file)

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def _print_message(self, message, file=None):
        if not message:
            return
        try:
            (_sys.stderr if file is None else file).write(message)
        except (AttributeError, OSError):
            pass  # nowhere to write (sys.stderr may be None)

    def error(self, message):
        # Usage and the message on stderr, then exit status 2.
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))

    def exit(self, status=0, message=None):
        self._print_message(message, _sys.stderr)
        _sys.exit(status)
