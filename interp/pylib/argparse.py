# The argparse module for minipy, written for it: positional and optional
# arguments, the store/const/true/false/append/count/extend/help/version
# actions and BooleanOptionalAction, nargs (N, ?, *, +, REMAINDER), type=,
# choices=, defaults, argument groups, mutually exclusive groups,
# sub-commands, parse_known_args, and help, usage and error text laid out
# as CPython 3.14 lays them out (no colour: minipy's output is never a
# terminal it colours). Arguments are matched to actions the way CPython
# does it: each argument string becomes a letter ('O' an option, 'A' an
# argument, '-' the first '--') and each action's nargs a regular
# expression over those letters.

import sys as _sys
import os as _os
import re as _re
import textwrap as _textwrap

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "BooleanOptionalAction", "HelpFormatter",
           "ArgumentDefaultsHelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
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
    def __repr__(self):
        parts = [repr(a) for a in self._get_args()]
        rest = {}
        for k, v in self._get_kwargs():
            if k.isidentifier():
                parts.append("%s=%r" % (k, v))
            else:
                rest[k] = v
        if rest:
            parts.append("**%r" % (rest,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


class Namespace(_AttributeHolder):
    def __init__(self, **kwargs):
        for k in kwargs:
            setattr(self, k, kwargs[k])

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


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
        self.argument_name = _action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


# ---- help formatting ----

class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None, color=True):
        if width is None:
            width = 80
            cols = _os.environ.get("COLUMNS", "")
            if cols.isdigit() and int(cols) > 0:
                width = int(cols)
            width -= 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
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
            width = self._width - self._current_indent
            if len(prefix) + len(usage) > width:
                opt_parts = self._usage_parts(optionals, groups)
                pos_parts = self._usage_parts(positionals, groups)

                def lines_of(parts, indent, prefix=None):
                    # Greedy filling: a part goes on the line if it fits.
                    lines, line = [], []
                    used = (len(prefix) if prefix is not None else len(indent)) - 1
                    for p in parts:
                        if line and used + 1 + len(p) > width:
                            lines.append(indent + " ".join(line))
                            line, used = [], len(indent) - 1
                        line.append(p)
                        used += len(p) + 1
                    if line:
                        lines.append(indent + " ".join(line))
                    if prefix is not None:
                        lines[0] = lines[0][len(indent):]
                    return lines

                if len(prefix) + len(prog) <= 0.75 * width:
                    indent = " " * (len(prefix) + len(prog) + 1)
                    if opt_parts:
                        lines = lines_of([prog] + opt_parts, indent, prefix)
                        lines.extend(lines_of(pos_parts, indent))
                    elif pos_parts:
                        lines = lines_of([prog] + pos_parts, indent, prefix)
                    else:
                        lines = [prog]
                else:
                    indent = " " * len(prefix)
                    lines = lines_of(opt_parts + pos_parts, indent)
                    if len(lines) > 1:
                        lines = lines_of(opt_parts, indent) + lines_of(pos_parts, indent)
                    lines = [prog] + lines
                usage = "\n".join(lines)
        return "%s%s\n\n" % (prefix, usage)

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

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    def _fill_text(self, text, width, indent):
        return "".join(indent + ln for ln in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ""
        if "%(default)" not in text and action.default != SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += " (default: %(default)s)"
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---- actions ----

class Action(_AttributeHolder):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, deprecated=False):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.deprecated = deprecated

    def _get_kwargs(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help",
                 "metavar", "deprecated"]
        return [(n, getattr(self, n)) for n in names]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


def _copy_list(v):
    if v is None:
        return []
    if type(v) is list:
        return v[:]
    import copy
    return copy.copy(v)


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, deprecated=False):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to store, actions such "
                             "as store true or store const may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        Action.__init__(self, option_strings, dest, nargs, const, default, type, choices, required, help,
                        metavar, deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None,
                 deprecated=False):
        Action.__init__(self, option_strings, dest, 0, const, default, None, None, required, help, metavar,
                        deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None, deprecated=False):
        _StoreConstAction.__init__(self, option_strings, dest, True, default, required, help, None, deprecated)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None, deprecated=False):
        _StoreConstAction.__init__(self, option_strings, dest, False, default, required, help, None, deprecated)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None, deprecated=False):
        if nargs == 0:
            raise ValueError("nargs for append actions must be != 0; if arg strings are not supplying the value "
                             "to append, the append const action may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        Action.__init__(self, option_strings, dest, nargs, const, default, type, choices, required, help,
                        metavar, deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_list(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None,
                 deprecated=False):
        Action.__init__(self, option_strings, dest, 0, const, default, None, None, required, help, metavar,
                        deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_list(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None, deprecated=False):
        Action.__init__(self, option_strings, dest, 0, None, default, None, None, required, help, None,
                        deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None, deprecated=False):
        Action.__init__(self, option_strings, dest, 0, None, default, None, None, False, help, None, deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit", deprecated=False):
        Action.__init__(self, option_strings, dest, 0, None, default, None, None, False, help, None, deprecated)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        f = parser._get_formatter()
        f.add_text(version)
        parser._print_message(f.format_help(), _sys.stdout)
        parser.exit()


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_list(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class BooleanOptionalAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None, deprecated=False):
        strings = []
        for s in option_strings:
            strings.append(s)
            if s.startswith("--"):
                if s.startswith("--no-"):
                    raise ValueError("invalid option name %r for BooleanOptionalAction" % s)
                strings.append("--no-" + s[2:])
        Action.__init__(self, strings, dest, 0, None, default, None, None, required, help, None, deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))

    def format_usage(self):
        return " | ".join(self.option_strings)


class _ChoicesPseudoAction(Action):
    def __init__(self, name, aliases, help):
        mv = name
        if aliases:
            mv += " (%s)" % ", ".join(aliases)
        Action.__init__(self, [], name, help=help, metavar=mv)


class _SubParsersAction(Action):
    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False, help=None,
                 metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        Action.__init__(self, option_strings, dest, PARSER, None, None, None, self._name_parser_map, required,
                        help, metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        aliases = kwargs.pop("aliases", ())
        if name in self._name_parser_map:
            raise ArgumentError(self, "conflicting subparser: %s" % name)
        for a in aliases:
            if a in self._name_parser_map:
                raise ArgumentError(self, "conflicting subparser alias: %s" % a)
        if "help" in kwargs:
            self._choices_actions.append(_ChoicesPseudoAction(name, aliases, kwargs.pop("help")))
        kwargs.pop("deprecated", None)
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for a in aliases:
            self._name_parser_map[a] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        name = values[0]
        if self.dest != SUPPRESS:
            setattr(namespace, self.dest, name)
        if name not in self._name_parser_map:
            raise ArgumentError(self, "unknown parser %r (choices: %s)" % (name, ", ".join(self._name_parser_map)))
        sub = self._name_parser_map[name]
        subns, rest = sub.parse_known_args(values[1:], None)
        for k, v in vars(subns).items():
            setattr(namespace, k, v)
        if rest:
            if not hasattr(namespace, _UNRECOGNIZED):
                setattr(namespace, _UNRECOGNIZED, [])
            getattr(namespace, _UNRECOGNIZED).extend(rest)


_ACTIONS = {None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
            "store_true": _StoreTrueAction, "store_false": _StoreFalseAction, "append": _AppendAction,
            "append_const": _AppendConstAction, "count": _CountAction, "help": _HelpAction,
            "version": _VersionAction, "extend": _ExtendAction, "parsers": _SubParsersAction}


# ---- containers: parsers and groups ----

class _Container:
    def _init_container(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        chars = self.prefix_chars
        if not args or (len(args) == 1 and args[0] and args[0][0] not in chars):
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument, did you mean metavar?")
            kwargs = self._positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._optional_kwargs(*args, **kwargs)
        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_kind = kwargs.pop("action", None)
        cls = _ACTIONS.get(action_kind, action_kind) if isinstance(action_kind, (str, type(None))) else action_kind
        if not callable(cls):
            raise ValueError("unknown action %r" % (action_kind,))
        action = cls(**kwargs)
        tf = action.type
        if tf is not None and not callable(tf):
            raise TypeError("%r is not callable" % (tf,))
        if hasattr(self, "_get_formatter"):
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError("length of metavar tuple does not match nargs")
        return self._add_action(action)

    def _positional_kwargs(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get("nargs")
        if nargs == 0:
            raise ValueError("nargs for positionals must be != 0")
        if nargs not in (OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS, 0):
            kwargs["required"] = True
        if nargs == ZERO_OR_MORE and "default" not in kwargs:
            kwargs["required"] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _optional_kwargs(self, *args, **kwargs):
        strings = []
        long_strings = []
        for s in args:
            if not s or s[0] not in self.prefix_chars:
                raise ValueError("invalid option string %r: must start with a character %r"
                                 % (s, self.prefix_chars))
            strings.append(s)
            if len(s) > 1 and s[1] in self.prefix_chars:
                long_strings.append(s)
        dest = kwargs.pop("dest", None)
        if dest is None:
            first = long_strings[0] if long_strings else strings[0]
            dest = first.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError("dest= is required for options like %r" % (first,))
            dest = dest.replace("-", "_")
        return dict(kwargs, dest=dest, option_strings=strings)

    def _add_action(self, action):
        conflicts = [s for s in action.option_strings if s in self._option_string_actions]
        if conflicts:
            if self.conflict_handler == "resolve":
                for s in conflicts:
                    old = self._option_string_actions.pop(s)
                    old.option_strings.remove(s)
                    if not old.option_strings:
                        old.container._remove_action(old)
            else:
                raise ArgumentError(action, "conflicting option string%s: %s"
                                    % ("s" if len(conflicts) > 1 else "", ", ".join(conflicts)))
        self._actions.append(action)
        action.container = self
        for s in action.option_strings:
            self._option_string_actions[s] = action
            if _re.match(r"^-\d+$|^-\d*\.\d+$", s) and not self._has_negative_number_optionals:
                self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def add_argument_group(self, *args, **kwargs):
        g = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(g)
        return g

    def add_mutually_exclusive_group(self, required=False):
        g = _MutuallyExclusiveGroup(self, required)
        self._mutually_exclusive_groups.append(g)
        return g


class _ArgumentGroup(_Container):
    def __init__(self, container, title=None, description=None, argument_default=None, prefix_chars=None,
                 conflict_handler=None):
        self._init_container(description, prefix_chars or container.prefix_chars,
                             argument_default if argument_default is not None else container.argument_default,
                             conflict_handler or container.conflict_handler)
        self.title = title
        self._group_actions = []
        # Shared with the parser: one option table, one list of actions.
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = _Container._add_action(self, action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        _Container._remove_action(self, action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        _ArgumentGroup.__init__(self, container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


def _nargs_pattern(action):
    # A regular expression over the letters of the argument strings: what
    # this action's nargs takes. Positionals may span a '--' ('-').
    n = action.nargs
    opt = bool(action.option_strings)
    if n is None:
        return "([A])" if opt else "(-*A-*)"
    if n == OPTIONAL:
        return "(A?)" if opt else "(-*A?-*)"
    if n == ZERO_OR_MORE:
        return "(A*)" if opt else "(-*[A-]*)"
    if n == ONE_OR_MORE:
        return "(A+)" if opt else "(-*A[A-]*)"
    if n == REMAINDER:
        return "([AO]*)" if opt else "(.*)"
    if n == PARSER:
        return "(A[AO]*)" if opt else "(-*A[-AO]*)"
    if n == SUPPRESS:
        return "()" if opt else "(-*)"
    return ("([AO]{%d})" % n) if opt else ("((?:-*A){%d}-*)" % n)


class ArgumentParser(_AttributeHolder, _Container):
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True, *, suggest_on_error=False, color=True):
        self._init_container(description, prefix_chars, argument_default, conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else "minipy"
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self.suggest_on_error = suggest_on_error
        self.color = color
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        self._subparsers = None
        if add_help:
            c = "h" if "-" in prefix_chars else prefix_chars[0]
            p = prefix_chars[0]
            self.add_argument(p + c, p * 2 + "help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            for a in parent._actions:
                self._add_action(a)
            for g in parent._mutually_exclusive_groups:
                if g not in self._mutually_exclusive_groups:
                    self._mutually_exclusive_groups.append(g)
            self._defaults.update(parent._defaults)

    def _get_kwargs(self):
        names = ["prog", "usage", "description", "formatter_class", "conflict_handler", "add_help"]
        return [(n, getattr(self, n)) for n in names]

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
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
        action = _SubParsersAction(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    # ---- parsing ----

    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            msg = "unrecognized arguments: %s" % " ".join(extras)
            if self.exit_on_error:
                self.error(msg)
            raise ArgumentError(None, msg)
        return ns

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for a in self._actions:
            if a.dest != SUPPRESS and not hasattr(namespace, a.dest) and not (
                    isinstance(a.default, str) and a.default == SUPPRESS):
                setattr(namespace, a.dest, a.default)
        for k in self._defaults:
            if not hasattr(namespace, k):
                setattr(namespace, k, self._defaults[k])
        if self.exit_on_error:
            try:
                namespace, args = self._parse(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse(args, namespace)
        if hasattr(namespace, _UNRECOGNIZED):
            args.extend(getattr(namespace, _UNRECOGNIZED))
            delattr(namespace, _UNRECOGNIZED)
        return namespace, args

    def parse_intermixed_args(self, args=None, namespace=None):
        return self.parse_args(args, namespace)

    def _parse(self, arg_strings, namespace):
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
                    extras.append(arg_strings[start])
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
                            extras.append(opt[0] + explicit)
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
                take(action, strings, opt)
            return stop

        positionals = [a for a in self._actions if not a.option_strings]

        def consume_positionals(start):
            counts = self._match_partial(positionals, pattern[start:])
            for action, count in zip(positionals, counts):
                strings = arg_strings[start:start + count]
                if action.nargs == PARSER:
                    if pattern[start] == "-":
                        strings.remove("--")
                elif action.nargs != REMAINDER:
                    if pattern.find("-", start, start + count) >= 0:
                        strings.remove("--")
                start += count
                take(action, strings)
            del positionals[:len(counts)]
            return start

        start = 0
        last_option = max(option_at) if option_at else -1
        while start <= last_option:
            nxt = start
            while nxt <= last_option and nxt not in option_at:
                nxt += 1
            if start != nxt:
                end = consume_positionals(start)
                if end > start:
                    start = end
                    continue
                start = end
            if start not in option_at:
                extras.extend(arg_strings[start:nxt])
                start = nxt
            start = consume_optional(start)
        stop = consume_positionals(start)
        extras.extend(arg_strings[stop:])

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
        return namespace, extras

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
        if _re.match(r"^-\d+$|^-\d*\.\d+$", s) and not self._has_negative_number_optionals:
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
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, s):
        f = action.type
        if f is None:
            return s
        if not callable(f):
            raise TypeError("%r is not callable" % (f,))
        try:
            return f(s)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(f, "__name__", None)
            if name is None:
                name = repr(f)
            raise ArgumentError(action, "invalid %s value: %r" % (name, s))

    def _check_value(self, action, value):
        choices = action.choices
        if choices is None:
            return
        ok = (value in list(choices)) if isinstance(choices, str) else (value in choices)
        if not ok:
            raise ArgumentError(action, "invalid choice: %r (choose from %s)"
                                % (str(value), ", ".join(str(c) for c in choices)))

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

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            if file is None:
                file = _sys.stderr
            file.write(message)

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))
