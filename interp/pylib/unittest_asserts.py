# TestCase's assert methods for minipy's unittest (pylib/unittest.py takes
# them as the mixin Asserts), written for minipy from unittest's documented
# behaviour. The failure messages are CPython 3.14's to the byte: reprs cut
# to fit 80 columns, an ndiff of the pprint layouts under maxDiff, and
# longMessage deciding how a msg= argument joins the standard text.

import re as _re
import difflib as _difflib
import pprint as _pprint

# Layout of a message's reprs: at most _WIDTH columns when they can be cut,
# "[N chars]" standing in for what was left out (counted as _GAP columns).
_WIDTH = 80
_GAP = 12
_EDGE = 5          # kept at the start of a shared prefix and the end of a tail
_SPAN = _WIDTH - 3 * _EDGE - 2 * _GAP   # kept at the start of each differing tail

DIFF_OMITTED = "\nDiff is %s characters long. Set self.maxDiff to None to see it."

# What indexing a would-be sequence may raise instead of answering.
_INDEX_ERRORS = (TypeError, IndexError, NotImplementedError)


def _repr_of(value, short=False):
    # A repr that never fails; short ones stop at _WIDTH characters.
    try:
        text = repr(value)
    except Exception:
        text = object.__repr__(value)
    if short and len(text) >= _WIDTH:
        return text[:_WIDTH] + " [truncated]..."
    return text


def _elide(text, front, back):
    dropped = len(text) - front - back
    if dropped <= _GAP:
        return text
    return "%s[%d chars]%s" % (text[:front], dropped, text[len(text) - back:])


def _fit_reprs(*values):
    """The values' reprs, cut so that the longest fits _WIDTH where it can:
    the prefix they share loses its middle first, then each differing tail."""
    texts = [_repr_of(v) for v in values]
    widest = max(len(t) for t in texts)
    if widest <= _WIDTH:
        return tuple(texts)
    shared = 0
    for column in zip(*texts):
        if any(ch != column[0] for ch in column[1:]):
            break
        shared += 1
    lead = texts[0][:shared]
    room = _WIDTH - (widest - shared) - _EDGE - _GAP
    if room > _EDGE:
        lead = _elide(lead, _EDGE, room)
        return tuple(lead + t[shared:] for t in texts)
    lead = _elide(lead, _EDGE, _EDGE)
    return tuple(lead + _elide(t[shared:], _SPAN, _EDGE) for t in texts)


def _pformat_diff(first, second):
    left = _pprint.pformat(first).splitlines()
    right = _pprint.pformat(second).splitlines()
    return "\n" + "\n".join(_difflib.ndiff(left, right))


def _line_ended(text):
    if text and not text.endswith("\n"):
        return text + "\n"
    return text


def _text_diff(first, second):
    # When either string lacks a final newline both get one, so the diff
    # shows the difference; an empty string stays empty.
    if first and second and not (first.endswith("\n") and second.endswith("\n")):
        first, second = first + "\n", second + "\n"
    else:
        first, second = _line_ended(first), _line_ended(second)
    return "\n" + "".join(_difflib.ndiff(first.splitlines(True), second.splitlines(True)))


def _tally(items):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _count_mismatches(first, second):
    """(times in first, times in second, element) for every element the two
    lists hold a different number of times: the first's elements in order
    of first appearance, then those only the second has."""
    try:
        have, want = _tally(first), _tally(second)
    except TypeError:
        return _count_mismatches_unhashable(first, second)
    if have == want:
        return []
    out = []
    for item, n in have.items():
        m = want.get(item, 0)
        if n != m:
            out.append((n, m, item))
    for item, m in want.items():
        if item not in have:
            out.append((0, m, item))
    return out


def _count_mismatches_unhashable(first, second):
    # Equal elements are grouped by == against each group's first member
    # (which counts itself only when equal to itself, as NaN is not); an
    # element joins the earliest group it equals, the first list's groups
    # before the second's.
    groups = []
    own = 0
    for side, items in ((0, first), (1, second)):
        if side == 1:
            own = len(groups)
        for item in items:
            for group in groups:
                if item == group[0]:
                    group[1 + side] += 1
                    break
            else:
                group = [item, 0, 0]
                group[1 + side] = 1 if item == item else 0
                groups.append(group)
    out = [(a, b, item) for item, a, b in groups[:own] if a != b]
    out.extend((0, b, item) for item, a, b in groups[own:])
    return out


def _first_mismatch(seq1, seq2, count, what):
    """The text saying where seq1 and seq2 first differ among their first
    count items, or None when those items all compare equal."""
    for i in range(count):
        try:
            left = seq1[i]
        except _INDEX_ERRORS:
            return "\nUnable to index element %d of first %s\n" % (i, what)
        try:
            right = seq2[i]
        except _INDEX_ERRORS:
            return "\nUnable to index element %d of second %s\n" % (i, what)
        if left != right:
            return "\nFirst differing element %d:\n%s\n%s\n" % ((i,) + _fit_reprs(left, right))
    return None


def _sequence_report(seq1, seq2, what, any_type):
    """What assertSequenceEqual says before its diff, or None when the two
    are to be taken as equal."""
    sizes = []
    for order, seq in (("First", seq1), ("Second", seq2)):
        try:
            sizes.append(len(seq))
        except (TypeError, NotImplementedError):
            return "%s %s has no length.    Non-sequence?" % (order, what)
    if seq1 == seq2:
        return None
    n1, n2 = sizes
    report = "%ss differ: %s != %s\n" % ((what.capitalize(),) + _fit_reprs(seq1, seq2))
    where = _first_mismatch(seq1, seq2, min(n1, n2), what)
    if where is not None:
        report += where
    elif n1 == n2 and any_type and type(seq1) != type(seq2):
        return None
    if n1 == n2:
        return report
    if n1 > n2:
        longer, order, at = seq1, "first", n2
    else:
        longer, order, at = seq2, "second", n1
    report += "\n%s %s contains %d additional elements.\n" % (order.capitalize(), what, abs(n1 - n2))
    try:
        report += "First extra element %d:\n%s\n" % (at, _repr_of(longer[at]))
    except _INDEX_ERRORS:
        report += "Unable to index element %d of %s %s\n" % (at, order, what)
    return report


def _all_subclasses(expected, base):
    # A class, or a (nested) tuple of classes, every one deriving from base.
    if isinstance(expected, tuple):
        for each in expected:
            if not _all_subclasses(each, base):
                return False
        return True
    return isinstance(expected, type) and issubclass(expected, base)


def _name_of(expected):
    try:
        return expected.__name__
    except AttributeError:
        return str(expected)


# assertRaises and assertWarns: called with a function they call it inside
# themselves; called without one they are the with-statement's manager.
class _Expectation:
    _base = BaseException
    _base_words = "an exception type or tuple of exception types"
    _verb = "raised"

    def __init__(self, expected, test_case, expected_regex=None):
        self.test_case = test_case
        self.expected = expected
        self.expected_regex = None if expected_regex is None else _re.compile(expected_regex)
        self.obj_name = self.msg = None

    def handle(self, name, args, kwargs):
        if not _all_subclasses(self.expected, self._base):
            raise TypeError("%s() arg 1 must be %s" % (name, self._base_words))
        if not args:
            self.msg = kwargs.pop("msg", None)
            if kwargs:
                raise TypeError("%r is an invalid keyword argument for this function" % (next(iter(kwargs)),))
            return self
        func, *rest = args
        try:
            self.obj_name = func.__name__
        except AttributeError:
            self.obj_name = str(func)
        with self:
            func(*rest, **kwargs)
        return None

    def __enter__(self):
        return self

    def _raiseFailure(self, standardMsg):
        case = self.test_case
        raise case.failureException(case._formatMessage(self.msg, standardMsg))

    def _report_missing(self):
        what = "%s not %s" % (_name_of(self.expected), self._verb)
        if self.obj_name:
            what += " by " + self.obj_name
        self._raiseFailure(what)

    def _report_mismatch(self, text):
        self._raiseFailure('"%s" does not match "%s"' % (self.expected_regex.pattern, text))


class _RaisesExpectation(_Expectation):
    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            self._report_missing()
        caught = issubclass(exc_type, self.expected)
        if caught:
            self.exception = exc_value.with_traceback(None)
            if self.expected_regex is not None:
                text = str(exc_value)
                if not self.expected_regex.search(text):
                    self._report_mismatch(text)
        return caught


class _WarnsExpectation(_Expectation):
    _base = Warning
    _base_words = "a warning type or tuple of warning types"
    _verb = "triggered"

    def __enter__(self):
        import sys
        import warnings
        # A warning already shown once from a module would not be recorded.
        for module in list(sys.modules.values()):
            if getattr(module, "__warningregistry__", None):
                module.__warningregistry__ = {}
        catcher = warnings.catch_warnings(record=True)
        self.warnings = catcher.__enter__()
        self.warnings_manager = catcher
        warnings.simplefilter("always", self.expected)
        return self

    def _stop_recording(self, exc_type, exc_value, tb):
        # The warnings of the block that are of the expected kind.
        self.warnings_manager.__exit__(exc_type, exc_value, tb)
        return [r for r in self.warnings if isinstance(r.message, self.expected)]

    def __exit__(self, exc_type, exc_value, tb):
        caught = self._stop_recording(exc_type, exc_value, tb)
        if exc_type is not None:
            return None
        pattern = self.expected_regex
        for record in caught:
            if pattern is None or pattern.search(str(record.message)):
                self.warning = record.message
                self.filename, self.lineno = record.filename, record.lineno
                return None
        if caught:
            self._report_mismatch(str(caught[0].message))
        self._report_missing()


class _NoWarnsExpectation(_WarnsExpectation):
    def __exit__(self, exc_type, exc_value, tb):
        if self._stop_recording(exc_type, exc_value, tb) and exc_type is None:
            self._raiseFailure("%s triggered" % _name_of(self.expected))
        return None


# assertLogs/assertNoLogs: for the block the logger's handlers are replaced
# by one keeping each record and its "LEVEL:name:message" text, and it
# stops passing records to its parents.
_Watcher = None


def _watcher_type():
    global _Watcher
    if _Watcher is None:
        import collections
        _Watcher = collections.namedtuple("_LoggingWatcher", ["records", "output"])
    return _Watcher


class _LogsExpectation:
    def __init__(self, test_case, logger_name, level, no_logs):
        import logging
        self.test_case = test_case
        self.logger_name = logger_name
        self.level = logging.getLevelNamesMapping().get(level, level) if level else logging.INFO
        self.no_logs = no_logs
        self.msg = None

    def __enter__(self):
        import logging
        target = self.logger_name
        if not isinstance(target, logging.Logger):
            target = logging.getLogger(target)
        self.logger = target
        watcher = self.watcher = _watcher_type()([], [])

        class Capture(logging.Handler):
            def flush(self):
                pass

            def emit(self, record):
                watcher.records.append(record)
                watcher.output.append(self.format(record))

        capture = Capture()
        capture.setLevel(self.level)
        capture.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
        self._saved = (list(target.handlers), target.level, target.propagate)
        target.handlers = [capture]
        target.setLevel(self.level)
        target.propagate = False
        return None if self.no_logs else watcher

    def __exit__(self, exc_type, exc_value, tb):
        import logging
        target = self.logger
        target.handlers, level, target.propagate = self._saved
        target.setLevel(level)
        if exc_type is not None:
            return False
        seen = self.watcher.records
        if self.no_logs and seen:
            self._raiseFailure("Unexpected logs found: %r" % (self.watcher.output,))
        if not self.no_logs and not seen:
            self._raiseFailure("no logs of level %s or higher triggered on %s"
                               % (logging.getLevelName(self.level), target.name))
        return None

    def _raiseFailure(self, standardMsg):
        case = self.test_case
        raise case.failureException(case._formatMessage(self.msg, standardMsg))


def _tail_type_error(s, tails):
    # The message when s and a prefix/suffix are not both text or both bytes.
    for tail in tails if isinstance(tails, tuple) else (tails,):
        if isinstance(tail, str) and not isinstance(s, str):
            return "Expected str, not " + type(s).__name__
        if isinstance(tail, (bytes, bytearray)) and not isinstance(s, (bytes, bytearray)):
            return "Expected bytes, not " + type(s).__name__
    return None


def _first_in(candidates, test):
    # The member of a tuple that passes test (the one a message names).
    if isinstance(candidates, tuple):
        for each in candidates:
            if test(each):
                return each
    return candidates


def _attr_owner(obj):
    import types
    if isinstance(obj, types.ModuleType):
        return "module %r" % (obj.__name__,)
    if isinstance(obj, type):
        return "type object %r" % (obj.__name__,)
    return "%r object" % (type(obj).__name__,)


class Asserts:
    # Failures go through self.fail where CPython's do, else straight to
    # failureException, so an overridden fail sees the same calls.
    def _fail_with(self, msg, standard):
        self.fail(self._formatMessage(msg, standard))

    def _raise_with(self, msg, standard):
        raise self.failureException(self._formatMessage(msg, standard))

    def _formatMessage(self, msg, standardMsg):
        if self.longMessage:
            return standardMsg if msg is None else "%s : %s" % (standardMsg, msg)
        return msg or standardMsg

    def _truncateMessage(self, message, diff):
        limit = self.maxDiff
        if limit is not None and len(diff) > limit:
            diff = DIFF_OMITTED % len(diff)
        return message + diff

    # Truth, identity, membership, type.
    def assertTrue(self, expr, msg=None):
        if not expr:
            self._raise_with(msg, _repr_of(expr) + " is not true")

    def assertFalse(self, expr, msg=None):
        if expr:
            self._raise_with(msg, _repr_of(expr) + " is not false")

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self._fail_with(msg, "%s is not %s" % (_repr_of(expr1), _repr_of(expr2)))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self._fail_with(msg, "unexpectedly identical: " + _repr_of(expr1))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self._fail_with(msg, _repr_of(obj) + " is not None")

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self._fail_with(msg, "unexpectedly None")

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail_with(msg, "%s not found in %s" % (_repr_of(member), _repr_of(container)))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail_with(msg, "%s unexpectedly found in %s" % (_repr_of(member), _repr_of(container)))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            any_of = "any of " if isinstance(cls, tuple) else ""
            self._fail_with(msg, "%s is not an instance of %s%r" % (_repr_of(obj), any_of, cls))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            which = _first_in(cls, lambda c: isinstance(obj, c))
            self._fail_with(msg, "%s is an instance of %r" % (_repr_of(obj), which))

    def _subclass_or_fail(self, cls, superclass, msg):
        try:
            return issubclass(cls, superclass)
        except TypeError:
            if not isinstance(cls, type):
                self._fail_with(msg, "%r is not a class" % (cls,))
            raise

    def assertIsSubclass(self, cls, superclass, msg=None):
        if not self._subclass_or_fail(cls, superclass, msg):
            any_of = "any of " if isinstance(superclass, tuple) else ""
            self._fail_with(msg, "%r is not a subclass of %s%r" % (cls, any_of, superclass))

    def assertNotIsSubclass(self, cls, superclass, msg=None):
        if self._subclass_or_fail(cls, superclass, msg):
            which = _first_in(superclass, lambda c: issubclass(cls, c))
            self._fail_with(msg, "%r is a subclass of %r" % (cls, which))

    def assertHasAttr(self, obj, name, msg=None):
        if not hasattr(obj, name):
            self._fail_with(msg, "%s has no attribute %r" % (_attr_owner(obj), name))

    def assertNotHasAttr(self, obj, name, msg=None):
        if hasattr(obj, name):
            self._fail_with(msg, "%s has unexpected attribute %r" % (_attr_owner(obj), name))

    # Order.
    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail_with(msg, "%s not less than %s" % (_repr_of(a), _repr_of(b)))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail_with(msg, "%s not less than or equal to %s" % (_repr_of(a), _repr_of(b)))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail_with(msg, "%s not greater than %s" % (_repr_of(a), _repr_of(b)))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail_with(msg, "%s not greater than or equal to %s" % (_repr_of(a), _repr_of(b)))

    # Equality: assertEqual hands two values of one type to that type's
    # registered method (addTypeEqualityFunc), else compares them plainly.
    def _getAssertEqualityFunc(self, first, second):
        kind = type(first)
        if kind is type(second):
            found = self._type_equality_funcs.get(kind)
            if found is not None:
                return getattr(self, found) if isinstance(found, str) else found
        return self._baseAssertEqual

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            self._raise_with(msg, "%s != %s" % _fit_reprs(first, second))

    def assertEqual(self, first, second, msg=None):
        compare = self._getAssertEqualityFunc(first, second)
        compare(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._raise_with(msg, "%s == %s" % (_repr_of(first), _repr_of(second)))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        gap, places = _gap_and_places(first, second, places, delta)
        if delta is None:
            if round(gap, places) == 0:
                return
            tolerance = "%r places" % (places,)
        else:
            if gap <= delta:
                return
            tolerance = _repr_of(delta) + " delta"
        self._raise_with(msg, "%s != %s within %s (%s difference)"
                         % (_repr_of(first), _repr_of(second), tolerance, _repr_of(gap)))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        gap, places = _gap_and_places(first, second, places, delta)
        same = first == second
        if delta is None:
            if not same and round(gap, places) != 0:
                return
            standard = "%s == %s within %r places" % (_repr_of(first), _repr_of(second), places)
        else:
            if not same and gap > delta:
                return
            standard = "%s == %s within %s delta (%s difference)" % (
                _repr_of(first), _repr_of(second), _repr_of(delta), _repr_of(gap))
        self._raise_with(msg, standard)

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        if seq_type is None:
            what = "sequence"
        else:
            what = seq_type.__name__
            for order, seq in (("First", seq1), ("Second", seq2)):
                if not isinstance(seq, seq_type):
                    raise self.failureException("%s sequence is not a %s: %s" % (order, what, _repr_of(seq)))
        report = _sequence_report(seq1, seq2, what, seq_type is None)
        if report is not None:
            self._fail_with(msg, self._truncateMessage(report, _pformat_diff(seq1, seq2)))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def _set_minus(self, a, b, order):
        try:
            return a.difference(b)
        except TypeError as e:
            self.fail("invalid type when attempting set difference: %s" % e)
        except AttributeError as e:
            self.fail("%s argument does not support set difference: %s" % (order, e))

    def assertSetEqual(self, set1, set2, msg=None):
        only_first = self._set_minus(set1, set2, "first")
        only_second = self._set_minus(set2, set1, "second")
        if not only_first and not only_second:
            return
        out = []
        for items, heading in ((only_first, "Items in the first set but not the second:"),
                               (only_second, "Items in the second set but not the first:")):
            if items:
                out.append(heading)
                out.extend(repr(item) for item in items)
        self._fail_with(msg, "\n".join(out))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, "First argument is not a dictionary")
        self.assertIsInstance(d2, dict, "Second argument is not a dictionary")
        if d1 != d2:
            head = "%s != %s" % _fit_reprs(d1, d2)
            self._fail_with(msg, self._truncateMessage(head, _pformat_diff(d1, d2)))

    def assertCountEqual(self, first, second, msg=None):
        mismatches = _count_mismatches(list(first), list(second))
        if mismatches:
            rows = "\n".join("First has %d, Second has %d:  %r" % m for m in mismatches)
            self._fail_with(msg, self._truncateMessage("Element counts were not equal:\n", rows))

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, "First argument is not a string")
        self.assertIsInstance(second, str, "Second argument is not a string")
        if first == second:
            return
        # Past _diffThreshold characters difflib would take too long.
        if max(len(first), len(second)) > self._diffThreshold:
            self._baseAssertEqual(first, second, msg)
        head = "%s != %s" % _fit_reprs(first, second)
        self._fail_with(msg, self._truncateMessage(head, _text_diff(first, second)))

    # Patterns, prefixes, suffixes.
    def assertRegex(self, text, expected_regex, msg=None):
        if isinstance(expected_regex, (str, bytes)):
            assert expected_regex, "expected_regex must not be empty."
            expected_regex = _re.compile(expected_regex)
        if expected_regex.search(text) is None:
            self._raise_with(msg, "Regex didn't match: %r not found in %r" % (expected_regex.pattern, text))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if isinstance(unexpected_regex, (str, bytes)):
            unexpected_regex = _re.compile(unexpected_regex)
        found = unexpected_regex.search(text)
        if found is not None:
            self._raise_with(msg, "Regex matched: %r matches %r in %r"
                             % (text[found.start():found.end()], unexpected_regex.pattern, text))

    def _tail_test(self, s, tails, method, msg):
        try:
            return getattr(s, method)(tails)
        except (AttributeError, TypeError):
            problem = _tail_type_error(s, tails)
            if problem is not None:
                self._fail_with(msg, problem)
            raise

    def _tail_missing(self, s, tails, words, msg):
        any_of = "any of " if isinstance(tails, tuple) else ""
        self._fail_with(msg, "%s doesn't %s %s%s" % (_repr_of(s, short=True), words, any_of, _repr_of(tails)))

    def _tail_present(self, s, tails, method, words, msg):
        which = _first_in(tails, lambda t: getattr(s, method)(t))
        self._fail_with(msg, "%s %s %s" % (_repr_of(s, short=True), words, _repr_of(which)))

    def assertStartsWith(self, s, prefix, msg=None):
        if not self._tail_test(s, prefix, "startswith", msg):
            self._tail_missing(s, prefix, "start with", msg)

    def assertNotStartsWith(self, s, prefix, msg=None):
        if self._tail_test(s, prefix, "startswith", msg):
            self._tail_present(s, prefix, "startswith", "starts with", msg)

    def assertEndsWith(self, s, suffix, msg=None):
        if not self._tail_test(s, suffix, "endswith", msg):
            self._tail_missing(s, suffix, "end with", msg)

    def assertNotEndsWith(self, s, suffix, msg=None):
        if self._tail_test(s, suffix, "endswith", msg):
            self._tail_present(s, suffix, "endswith", "ends with", msg)

    # Exceptions, warnings, logs.
    def assertRaises(self, expected_exception, *args, **kwargs):
        return _RaisesExpectation(expected_exception, self).handle("assertRaises", args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        expectation = _RaisesExpectation(expected_exception, self, expected_regex)
        return expectation.handle("assertRaisesRegex", args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        return _WarnsExpectation(expected_warning, self).handle("assertWarns", args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
        expectation = _WarnsExpectation(expected_warning, self, expected_regex)
        return expectation.handle("assertWarnsRegex", args, kwargs)

    def _assertNotWarns(self, expected_warning, *args, **kwargs):
        return _NoWarnsExpectation(expected_warning, self).handle("_assertNotWarns", args, kwargs)

    def assertLogs(self, logger=None, level=None):
        return _LogsExpectation(self, logger, level, no_logs=False)

    def assertNoLogs(self, logger=None, level=None):
        return _LogsExpectation(self, logger, level, no_logs=True)


def _gap_and_places(first, second, places, delta):
    # The distance assert(Not)AlmostEqual judge, and places' default of 7.
    if places is not None and delta is not None:
        raise TypeError("specify delta or places not both")
    return abs(first - second), 7 if places is None else places
