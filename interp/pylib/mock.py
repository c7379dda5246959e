# unittest.mock for minipy: Mock and MagicMock (calls recorded, return
# values, side effects, specs, the assert_* methods with CPython's
# messages), call, ANY, sentinel, DEFAULT, patch (decorator, context
# manager, start/stop; patch.object, patch.dict, patch.multiple),
# mock_open, PropertyMock and seal.
#
# Each mock gets a class of its own (as CPython's do), so that magic
# methods set on one mock leave the others alone. MagicMock's magic
# methods are _MagicProxy descriptors on MagicMixin: the first read or
# call through one makes the child mock and puts it on the mock's class.

import builtins as _builtins
import functools as _functools
import sys as _sys

__all__ = ('Mock', 'MagicMock', 'NonCallableMock', 'NonCallableMagicMock', 'patch',
           'sentinel', 'DEFAULT', 'ANY', 'call', 'create_autospec', 'FILTER_DIR',
           'mock_open', 'PropertyMock', 'seal')

FILTER_DIR = True


class _SentinelObject:
    """One sentinel.NAME: unique, shown and pickled by its name."""

    def __init__(self, name):
        self.name = name

    def __reduce__(self):
        # Copies and unpickled copies are the same object.
        return f'sentinel.{self.name}'

    def __repr__(self):
        return f'sentinel.{self.name}'


class _Sentinel:
    """sentinel: reading any attribute gives the one object of that name."""

    def __init__(self):
        self._sentinels = {}

    def __reduce__(self):
        return 'sentinel'

    def __getattr__(self, name):
        known = self._sentinels
        if name not in known:
            if name == '__bases__':
                # Not a class, whatever copy or inspect may ask.
                raise AttributeError
            known[name] = _SentinelObject(name)
        return known[name]


sentinel = _Sentinel()
DEFAULT = sentinel.DEFAULT
# What a deleted child leaves in _mock_children.
_deleted = sentinel.DELETED


class _ANY:
    """ANY: equal to everything, for the arguments an assertion ignores."""

    def __repr__(self):
        return '<ANY>'

    def __eq__(self, other):
        """Whatever other is."""
        return True

    def __ne__(self, other):
        """Never, whatever other is."""
        return False

    __hash__ = None


ANY = _ANY()


def _signature_text(name, args, kwargs):
    # name(arg, ..., key=value, ...), as the assertion messages show calls.
    shown = [repr(a) for a in args] + [f'{key}={value!r}' for key, value in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _call_parts(value):
    # (name, args, kwargs) from any of the shapes a call is written in:
    # (name, args, kwargs), (name, args), (name, kwargs), (args, kwargs),
    # (name,), (args,), (kwargs,) or (). name is None when the shape has
    # none; the result is None for a longer tuple.
    size = len(value)
    if size == 3:
        name, args, kwargs = value
        return name, args, kwargs
    if size > 3:
        return None
    name, args, kwargs = None, (), {}
    if size == 2:
        first, second = value
        if not isinstance(first, str):
            return None, first, second
        if isinstance(second, tuple):
            return first, second, {}
        return first, (), second
    elif size == 1:
        only = value[0]
        if isinstance(only, str):
            name = only
        elif isinstance(only, tuple):
            args = only
        else:
            kwargs = only
    return name, args, kwargs


class _Call(tuple):
    """One recorded or expected call: (args, kwargs) as call_args holds
    it (two=True), else (name, args, kwargs) as in mock_calls. The `call`
    object builds them: call(1), call.method(2), call().chained(3)."""

    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        named, args, kwargs = _call_parts(value) or (None, (), {})
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name if named is None else named, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        # name is the path repr shows, parent the call it was made from
        # (call.a().b: the call to a), from_kall false for call.attr.
        self._mock_name, self._mock_parent, self._mock_from_kall = name, parent, from_kall

    def __eq__(self, other):
        """Compare with a call in any of its shapes; a nameless side
        matches any name."""
        try:
            len(other)
        except TypeError:
            return NotImplemented
        mine = self if len(self) == 3 else ('',) + tuple(self)
        # Calls made through different parents are different calls.
        my_parent = getattr(self, '_mock_parent', None)
        their_parent = getattr(other, '_mock_parent', None)
        if my_parent and their_parent and my_parent != their_parent:
            return False
        theirs = _call_parts(other)
        if theirs is None:
            return False
        if mine[0] and (theirs[0] or '') != mine[0]:
            return False
        return (theirs[1], theirs[2]) == (mine[1], mine[2])

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    __hash__ = None

    def __call__(self, /, *args, **kwargs):
        own = self._mock_name
        if own is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((own, args, kwargs), name=own + '()', parent=self)

    def __getattr__(self, attr):
        if attr[:2] == '__' and attr[-2:] == '__':
            raise AttributeError(attr)
        own = self._mock_name
        if own is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name=f'{own}.{attr}', parent=self, from_kall=False)

    def __getattribute__(self, attr):
        # call.count and call.index are calls, not tuple methods.
        if attr == 'count' or attr == 'index':
            raise AttributeError
        return tuple.__getattribute__(self, attr)

    # Both shapes end with args, kwargs.
    args = property(lambda self: self[-2])
    kwargs = property(lambda self: self[-1])

    def __repr__(self):
        if not self._mock_from_kall:
            label = self._mock_name or 'call'
            return 'call' + label if label.startswith('()') else label
        label = self[0] if len(self) == 3 else ''
        if not label:
            label = 'call'
        else:
            label = ('call' if label.startswith('()') else 'call.') + label
        return _signature_text(label, self[-2], self[-1])

    def call_list(self):
        """The calls a chained call is made of, outermost first."""
        chain = []
        link = self
        while link is not None:
            if link._mock_from_kall:
                chain.insert(0, link)
            link = link._mock_parent
        return _CallList(chain)


call = _Call(from_kall=False)


class _CallList(list):
    """A list of calls in which `in` also finds a run of calls."""

    def __contains__(self, value):
        """A call in the list, or a list of calls as a consecutive run."""
        if not isinstance(value, list):
            return list.__contains__(self, value)
        width = len(value)
        return any(self[at:at + width] == value for at in range(len(self) - width + 1))

    def __repr__(self):
        import pprint
        return pprint.pformat(list(self))


def _is_instance_mock(obj):
    """Whether obj is a mock; by type(), as a mock with a spec claims
    the spec's class."""
    return issubclass(type(obj), NonCallableMock)


def _is_exception(obj):
    if isinstance(obj, type):
        return issubclass(obj, BaseException)
    return isinstance(obj, BaseException)


def _try_iter(obj):
    # A side_effect that is neither an exception nor callable is used as
    # an iterator of results, when it is iterable.
    if not (obj is None or _is_exception(obj) or callable(obj)):
        try:
            obj = iter(obj)
        except TypeError:
            pass
    return obj


def _adopt_child(parent, value, name, new_name):
    # A mock assigned as another's attribute (name) or return value
    # (new_name '()') becomes its child, unless it already has a name or a
    # parent, or is one of parent's ancestors.
    if not _is_instance_mock(value):
        return False
    state = value.__dict__
    if state['_mock_name'] or state['_mock_new_name']:
        return False
    if state['_mock_parent'] is not None or state['_mock_new_parent'] is not None:
        return False
    ancestor = parent
    while ancestor is not None and ancestor is not value:
        ancestor = ancestor.__dict__['_mock_new_parent']
    if ancestor is value:
        return False
    if new_name:
        state['_mock_new_parent'], state['_mock_new_name'] = parent, new_name
    if name:
        state['_mock_parent'], state['_mock_name'] = parent, name
    return True


# The special methods MagicMock supports: given default behaviour
# (_magics), or supported only when set (_non_defaults).
_numerics = 'add sub mul matmul truediv floordiv mod lshift rshift and xor or pow'.split()
_magics = {f'__{m}__' for m in (
    'lt gt le ge eq ne getitem setitem delitem len contains iter hash str sizeof '
    'enter exit divmod rdivmod neg pos abs invert complex int float index '
    'round trunc floor ceil bool next fspath').split()}
_magics |= {f'__{prefix}{op}__' for op in _numerics for prefix in ('', 'i', 'r')}
_non_defaults = set(
    '__get__ __set__ __delete__ __reversed__ __missing__ __reduce__ __reduce_ex__ '
    '__getinitargs__ __getnewargs__ __getstate__ __setstate__ __getformat__ '
    '__repr__ __dir__ __subclasses__ __format__ __getnewargs_ex__'.split())
_all_magics = _magics | _non_defaults
# Special methods a mock cannot have: its own machinery needs them.
_unsupported_magics = set(
    '__getattr__ __setattr__ __init__ __new__ __prepare__ '
    '__instancecheck__ __subclasscheck__ __del__'.split())


# Attribute names a mock refuses unless unsafe=True: misspelt assertions
# would otherwise pass silently as child mocks.
_ASSERT_TYPOS = ('assert', 'assret', 'asert', 'aseert', 'assrt')


def _is_magic(name):
    return len(name) > 4 and name[:2] == '__' and name[-2:] == '__' and name[2:-2].isidentifier()


def _as_method(name, func):
    # A function to put on a mock's class for a special method set to a
    # plain callable, which then gets the mock as its first argument.
    def method(self, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = method.__qualname__ = name
    return method


def _dict_property(key):
    # A property over one entry of the instance dict.
    def get(self):
        return self.__dict__[key]

    def set(self, value):
        self.__dict__[key] = value
    return property(get, set)


class NonCallableMock:
    """Mock without the calling: a stand-in object that is not callable."""

    def __new__(cls, *args, **kw):
        # A class of its own per mock: magic methods set on one stay there.
        new = type(cls.__name__, (cls,), {'__doc__': cls.__doc__, '__module__': 'unittest.mock'})
        return object.__new__(new)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None,
                 parent=None, _spec_state=None, _new_name='', _new_parent=None,
                 _spec_as_instance=False, _eat_self=None, unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        d = self.__dict__
        d['_mock_parent'] = parent
        d['_mock_name'] = name
        d['_mock_new_name'] = _new_name
        d['_mock_new_parent'] = _new_parent
        d['_mock_sealed'] = False
        if spec_set is not None:
            # spec_set=X is spec=X that also refuses new attributes.
            spec, spec_set = spec_set, True
        d['_spec_class'] = None
        d['_mock_methods'] = None
        d['_spec_set'] = spec_set
        self._mock_add_spec(spec, spec_set)
        d['_mock_children'] = {}
        d['_mock_wraps'] = wraps
        d['_mock_delegate'] = None
        d['_mock_called'] = False
        d['_mock_call_args'] = None
        d['_mock_call_count'] = 0
        d['_mock_call_args_list'] = _CallList()
        d['_mock_mock_calls'] = _CallList()
        d['method_calls'] = _CallList()
        d['_mock_unsafe'] = unsafe
        d['_mock_return_value'] = DEFAULT
        d['_mock_side_effect'] = None
        if kwargs:
            self.configure_mock(**kwargs)

    def _mock_add_spec(self, spec, spec_set):
        d = self.__dict__
        _spec_class = None
        if spec is not None and not isinstance(spec, list):
            _spec_class = spec if isinstance(spec, type) else type(spec)
            spec = dir(spec)
        d['_spec_class'] = _spec_class
        d['_spec_set'] = spec_set
        d['_mock_methods'] = spec

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)

    def attach_mock(self, mock, attribute):
        inner = mock
        d = inner.__dict__
        d['_mock_parent'] = None
        d['_mock_new_parent'] = None
        d['_mock_name'] = ''
        d['_mock_new_name'] = None
        setattr(self, attribute, mock)

    # A mock with a spec passes isinstance() checks for the spec's class.
    __class__ = property(lambda self: type(self) if self._spec_class is None else self._spec_class)

    # Stored in the instance dict, not as attributes, so that __getattr__
    # and __setattr__ (which make child mocks) never see them.
    called = _dict_property('_mock_called')
    call_count = _dict_property('_mock_call_count')
    call_args = _dict_property('_mock_call_args')
    call_args_list = _dict_property('_mock_call_args_list')
    mock_calls = _dict_property('_mock_mock_calls')

    def __get_return_value(self):
        ret = self.__dict__['_mock_return_value']
        if ret is DEFAULT and self.__dict__['_mock_wraps'] is None:
            ret = self._get_child_mock(_new_parent=self, _new_name='()')
            self.__dict__['_mock_return_value'] = ret
        return ret

    def __set_return_value(self, value):
        self.__dict__['_mock_return_value'] = value
        _adopt_child(self, value, None, '()')

    return_value = property(__get_return_value, __set_return_value)

    def __get_side_effect(self):
        return self.__dict__['_mock_side_effect']

    def __set_side_effect(self, value):
        self.__dict__['_mock_side_effect'] = _try_iter(value)

    side_effect = property(__get_side_effect, __set_side_effect)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        """Forget the calls of this mock, its children and its return value
        (and, when asked, the configured return value and side effect)."""
        # visited: the ids of the mocks already reset, for mocks that are
        # their own descendants.
        seen = [] if visited is None else visited
        key = id(self)
        if key in seen:
            return
        seen.append(key)
        d = self.__dict__
        d['_mock_called'] = False
        d['_mock_call_args'] = None
        d['_mock_call_count'] = 0
        d['_mock_mock_calls'] = _CallList()
        d['_mock_call_args_list'] = _CallList()
        d['method_calls'] = _CallList()
        if return_value:
            d['_mock_return_value'] = DEFAULT
        if side_effect:
            d['_mock_side_effect'] = None
        for child in d['_mock_children'].values():
            if _is_instance_mock(child) and child is not _deleted:
                child.reset_mock(seen, return_value=return_value, side_effect=side_effect)
        ret = d['_mock_return_value']
        if _is_instance_mock(ret) and ret is not self:
            ret.reset_mock(seen)

    def configure_mock(self, **kwargs):
        """Set attributes, of children too: configure_mock(**{'a.b.return_value': 1})."""
        # Shorter paths first, so that 'a' is set before 'a.b'.
        for path in sorted(kwargs, key=lambda path: path.count('.')):
            *owners, last = path.split('.')
            holder = _functools.reduce(getattr, owners, self)
            setattr(holder, last, kwargs[path])

    def __getattr__(self, name):
        # Only attributes not found the usual way come here: each new name
        # is a child mock, made on first use and kept.
        state = self.__dict__
        allowed = state.get('_mock_methods')
        if name == '_mock_methods' or name == '_mock_unsafe':
            raise AttributeError(name)
        if allowed is not None:
            if name in _all_magics or name not in allowed:
                raise AttributeError(f'Mock object has no attribute {name!r}')
        elif _is_magic(name):
            raise AttributeError(name)
        looks_like_assert = name.startswith(_ASSERT_TYPOS)
        if looks_like_assert and not state.get('_mock_unsafe') and not (allowed and name in allowed):
            raise AttributeError(f"{name!r} is not a valid assertion. Use a spec for the mock if {name!r} is meant to be an attribute.")
        children = state['_mock_children']
        child = children.get(name)
        if child is _deleted:
            raise AttributeError(name)
        if child is not None:
            return child
        if state['_mock_sealed']:
            raise AttributeError(f'{self._extract_mock_name()}.{name}')
        wrapped = state['_mock_wraps']
        child = self._get_child_mock(parent=self, name=name,
                                     wraps=None if wrapped is None else getattr(wrapped, name),
                                     _new_name=name, _new_parent=self)
        children[name] = child
        return child

    def _extract_mock_name(self):
        # The path repr shows: the root mock's name ('mock' when it has
        # none), then each descendant's attribute name, '()' for a return
        # value: 'mock.method().attr'.
        lineage = [self]
        while lineage[-1].__dict__['_mock_new_parent'] is not None:
            lineage.append(lineage[-1].__dict__['_mock_new_parent'])
        root = lineage.pop()
        path = root.__dict__['_mock_name'] or 'mock'
        for node in reversed(lineage):
            step = node.__dict__['_mock_new_name']
            path += step if step == '()' else '.' + step
        return path

    def __repr__(self):
        path = self._extract_mock_name()
        shown = '' if path in ('mock', 'mock.') else f' name={path!r}'
        spec_class = self._spec_class
        if spec_class is not None:
            kind = 'spec_set' if self._spec_set else 'spec'
            shown += f' {kind}={spec_class.__name__!r}'
        return f"<{type(self).__name__}{shown} id='{id(self)}'>"

    def __dir__(self):
        # The spec's names, the public ones of the mock's class, what was
        # set on it (special methods included) and the live children.
        names = set(self._mock_methods or ())
        names.update(n for n in dir(type(self)) if not n.startswith('_'))
        names.update(n for n in self.__dict__ if not n.startswith('_') or _is_magic(n))
        names.update(n for n, child in self._mock_children.items() if child is not _deleted)
        return sorted(names)

    def __setattr__(self, name, value):
        d = self.__dict__
        if name in _allowed_names:
            return object.__setattr__(self, name, value)
        elif (d['_spec_set'] and d['_mock_methods'] is not None
              and name not in d['_mock_methods'] and name not in d):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        elif name in _unsupported_magics:
            raise AttributeError('Attempting to set unsupported magic method %r.' % name)
        elif name in _all_magics:
            if d['_mock_methods'] is not None and name not in d['_mock_methods']:
                raise AttributeError("Mock object has no attribute '%s'" % name)
            if _is_instance_mock(value):
                _adopt_child(self, value, None, name)
                d['_mock_children'][name] = value
            else:
                # A plain function gets the mock as self, like a method.
                value = _as_method(name, value)
            setattr(type(self), name, value)
            return
        elif name == '__class__':
            d['_spec_class'] = value
            return
        else:
            if _adopt_child(self, value, name, name):
                d['_mock_children'][name] = value
        if d['_mock_sealed'] and not hasattr(self, name):
            raise AttributeError('Cannot set %s.%s' % (self._extract_mock_name(), name))
        if isinstance(value, PropertyMock):
            setattr(type(self), name, value)
            d['_mock_children'][name] = value
            return
        d[name] = value

    def __delattr__(self, name):
        d = self.__dict__
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in d:
                return
        children = d['_mock_children']
        if name in d:
            del d[name]
        elif children.get(name) is _deleted:
            raise AttributeError(name)
        # Deleted for good: no child will be made under this name again.
        children.pop(name, None)
        children[name] = _deleted

    def _format_mock_call_signature(self, args, kwargs):
        return _signature_text(self._mock_name or 'mock', args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        expected = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return 'expected %s not found.\nExpected: %s\n  Actual: %s' % (action, expected, actual)

    def _calls_repr(self):
        # The failure messages' tail: every call the mock recorded.
        return f'\nCalls: {self.mock_calls!r}.' if self.mock_calls else ''

    def _times_called_error(self, expectation):
        shown = self._mock_name or 'mock'
        return AssertionError(f"Expected '{shown}' {expectation}. Called {self.call_count} times.{self._calls_repr()}")

    def assert_not_called(self):
        """Fail unless the mock has had no calls."""
        if self.call_count:
            raise self._times_called_error('to not have been called')

    def assert_called(self):
        """Fail unless the mock has had a call."""
        if not self.call_count:
            raise AssertionError(f"Expected '{self._mock_name or 'mock'}' to have been called.")

    def assert_called_once(self):
        """Fail unless the mock has had one call exactly."""
        if self.call_count != 1:
            raise self._times_called_error('to have been called once')

    def assert_called_with(self, /, *args, **kwargs):
        """Fail unless the latest call had these arguments."""
        latest = self.call_args
        if latest is None:
            wanted = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'expected call not found.\nExpected: {wanted}\n  Actual: not called.')
        if latest != _Call((args, kwargs), two=True):
            raise AssertionError(self._format_mock_failure_message(args, kwargs))

    def assert_called_once_with(self, /, *args, **kwargs):
        """Fail unless there was one call exactly, with these arguments."""
        if self.call_count != 1:
            raise self._times_called_error('to be called once')
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fail unless mock_calls holds these calls: as a consecutive run,
        or (any_order) each somewhere, a recorded call matching once."""
        wanted = list(calls)
        if not any_order:
            if wanted not in _CallList(self.mock_calls):
                raise AssertionError(f'Calls not found.\nExpected: {_CallList(calls)!r}\n'
                                     f'  Actual: {self.mock_calls!r}')
            return
        unmatched = list(self.mock_calls)
        missing = []
        for one in wanted:
            if one in unmatched:
                unmatched.remove(one)
            else:
                missing.append(one)
        if missing:
            raise AssertionError(f'{self._mock_name or "mock"!r} does not contain all of '
                                 f'{tuple(missing)!r} in its call list, found {unmatched!r} instead')

    def assert_any_call(self, /, *args, **kwargs):
        """Fail unless some call, not only the latest, had these arguments."""
        if _Call((args, kwargs), two=True) not in list(self.call_args_list):
            raise AssertionError(f'{self._format_mock_call_signature(args, kwargs)} call not found')

    def _get_child_mock(self, /, **kw):
        # Children are callable mocks of the parent's kind: the class the
        # parent's own per-mock class derives from, or for a non-callable
        # parent Mock or MagicMock.
        if self.__dict__['_mock_sealed']:
            where = '.' + kw['name'] if 'name' in kw else '()'
            raise AttributeError(self._extract_mock_name() + where)
        own_class = type(self)
        if issubclass(own_class, CallableMixin):
            return own_class.__mro__[1](**kw)
        return (MagicMock if issubclass(own_class, NonCallableMagicMock) else Mock)(**kw)


# Set as plain attributes (through their properties), never made children.
_allowed_names = set(
    'return_value side_effect called call_count call_args call_args_list '
    'mock_calls method_calls _mock_return_value _mock_side_effect _mock_parent '
    '_mock_new_parent _mock_name _mock_new_name'.split())


class CallableMixin:
    # What makes a mock callable: calls are recorded, then answered by
    # the side effect, the return value or the wrapped object.

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, wraps=None, name=None,
                 spec_set=None, parent=None, _spec_state=None, _new_name='', _new_parent=None,
                 **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        NonCallableMock.__init__(self, spec, wraps, name, spec_set, parent,
                                 _spec_state, _new_name, _new_parent, **kwargs)
        self.__dict__['_mock_return_value'] = return_value
        if return_value is not DEFAULT:
            _adopt_child(self, return_value, None, '()')
        self.side_effect = side_effect

    def __call__(self, /, *args, **kwargs):
        self._increment_mock_call(*args, **kwargs)
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args, **kwargs):
        d = self.__dict__
        d['_mock_called'] = True
        d['_mock_call_count'] += 1
        _call = _Call((args, kwargs), two=True)
        d['_mock_call_args'] = _call
        d['_mock_call_args_list'].append(_call)
        do_method_calls = d['_mock_parent'] is not None
        method_call_name = d['_mock_name']
        mock_call_name = d['_mock_new_name']
        is_a_call = mock_call_name == '()'
        d['_mock_mock_calls'].append(_Call(('', args, kwargs)))
        _new_parent = d['_mock_new_parent']
        while _new_parent is not None:
            pd = _new_parent.__dict__
            if do_method_calls:
                pd['method_calls'].append(_Call((method_call_name, args, kwargs)))
                do_method_calls = pd['_mock_parent'] is not None
                if do_method_calls:
                    method_call_name = pd['_mock_name'] + '.' + method_call_name
            pd['_mock_mock_calls'].append(_Call((mock_call_name, args, kwargs)))
            if pd['_mock_new_name']:
                dot = '' if is_a_call else '.'
                is_a_call = pd['_mock_new_name'] == '()'
                mock_call_name = pd['_mock_new_name'] + dot + mock_call_name
            _new_parent = pd['_mock_new_parent']

    def _execute_mock_call(self, /, *args, **kwargs):
        d = self.__dict__
        effect = d['_mock_side_effect']
        # A side effect is an exception to raise, a function to call or an
        # iterator of results (exceptions among them raised); DEFAULT from
        # it means "the return value after all".
        if effect is not None and _is_exception(effect):
            raise effect
        if effect is not None:
            outcome = effect(*args, **kwargs) if callable(effect) else next(effect)
            if not callable(effect) and _is_exception(outcome):
                raise outcome
            if outcome is not DEFAULT:
                return outcome
        if d['_mock_return_value'] is not DEFAULT:
            return self.return_value
        if d['_mock_wraps'] is not None:
            return d['_mock_wraps'](*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable stand-in object: it records its calls, makes child
    mocks for the attributes it is asked for, and returns return_value
    or what side_effect gives."""


_return_values = {
    '__lt__': NotImplemented, '__gt__': NotImplemented, '__le__': NotImplemented,
    '__ge__': NotImplemented, '__int__': 1, '__contains__': False, '__len__': 0,
    '__exit__': False, '__complex__': 1j, '__float__': 1.0, '__bool__': True, '__index__': 1,
}


def _default_magic(mock, name, parent):
    # What a fresh magic method's mock gives: CPython's table of fixed
    # values, values computed from the parent, and the side effects of
    # __eq__, __ne__ and __iter__.
    if name in _return_values:
        mock.return_value = _return_values[name]
    elif name == '__hash__':
        mock.return_value = object.__hash__(parent)
    elif name == '__str__':
        mock.return_value = object.__str__(parent)
    elif name == '__sizeof__':
        mock.return_value = 56
    elif name == '__fspath__':
        mock.return_value = '%s/%s/%s' % (type(parent).__name__, parent._extract_mock_name(), id(parent))
    elif name == '__eq__':
        def __eq__(other):
            ret = mock.__dict__['_mock_return_value']
            if ret is not DEFAULT:
                return ret
            if parent is other:
                return True
            return NotImplemented
        mock.side_effect = __eq__
    elif name == '__ne__':
        def __ne__(other):
            if mock.__dict__['_mock_return_value'] is not DEFAULT:
                return DEFAULT
            if parent is other:
                return False
            return NotImplemented
        mock.side_effect = __ne__
    elif name == '__iter__':
        def __iter__():
            ret = mock.__dict__['_mock_return_value']
            if ret is DEFAULT:
                return iter([])
            return iter(ret)
        mock.side_effect = __iter__


class _MagicProxy:
    # A magic method not yet used: reading it (or the operator that calls
    # it) makes its mock, which then replaces the proxy on the mock's class.
    def __init__(self, name):
        self.name = name

    def __get__(self, obj, _type=None):
        if obj is None:
            return self
        name = self.name
        m = obj._get_child_mock(name=name, parent=obj, _new_name=name, _new_parent=obj)
        _default_magic(m, name, obj)
        setattr(type(obj), name, m)
        obj.__dict__['_mock_children'][name] = m
        return m


class MagicMixin:
    def __init__(self, *args, **kw):
        NonCallableMock.__init__(self, *args, **kw)

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        if self._mock_methods is not None:
            for entry in _magics:
                if entry not in self._mock_methods and entry in type(self).__dict__:
                    delattr(type(self), entry)


for _name in sorted(_magics):
    setattr(MagicMixin, _name, _MagicProxy(_name))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """MagicMock without the calling: special methods, but not __call__."""


class MagicMock(MagicMixin, Mock):
    """A Mock that also has the special methods (len(), iteration,
    with, the operators ...), each a mock with a sensible default."""


class PropertyMock(Mock):
    """A mock to put on a class as a property: reading the attribute
    calls it with no arguments, assigning calls it with the value."""

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)

    def _get_child_mock(self, /, **kwargs):
        # Its children are ordinary mocks, not more properties.
        return MagicMock(**kwargs)


def seal(mock):
    """Stop mock and the children it has made from making new ones: new
    attributes and calls of unset return values raise AttributeError."""
    mock.__dict__['_mock_sealed'] = True
    for attr in dir(mock):
        child = getattr(mock, attr, None)
        if _is_instance_mock(child) and child.__dict__['_mock_new_parent'] is mock:
            seal(child)


def create_autospec(spec, spec_set=False, instance=False, _parent=None, _name=None, **kwargs):
    """A mock whose spec is the given object (a class gives a callable
    mock, unless instance is true)."""
    if isinstance(spec, type) or not callable(spec):
        klass = NonCallableMagicMock if instance or not callable(spec) else MagicMock
        return klass(spec=spec, spec_set=spec if spec_set else None, name=_name, **kwargs) \
            if spec_set else klass(spec=spec, name=_name, **kwargs)
    return MagicMock(spec=spec, name=_name, **kwargs)


# patch

def _import_dotted(path):
    # The object a dotted path names: the first part is imported, each
    # further one is an attribute or, failing that, a submodule to import.
    first, *rest = path.split('.')
    obj = __import__(first)
    imported = first
    for part in rest:
        imported = f'{imported}.{part}'
        if not hasattr(obj, part):
            __import__(imported)
        obj = getattr(obj, part)
    return obj


def _resolve(target):
    parts = target.split('.')
    if parts[0] != '__main__':
        return _import_dotted(target)
    obj = _MainModule()
    for part in parts[1:]:
        obj = getattr(obj, part)
    return obj


class _MainModule:
    # The program's module (minipy keeps no module object for it): its
    # attributes are the program's globals.
    def __repr__(self):
        return "<module '__main__'>"

    def __getattr__(self, name):
        namespace = _main_globals()
        if name == '__dict__':
            return namespace
        if name not in namespace:
            raise AttributeError(f"module '__main__' has no attribute {name!r}")
        return namespace[name]

    def __setattr__(self, name, value):
        _main_globals()[name] = value

    def __delattr__(self, name):
        del _main_globals()[name]


def _get_target(target):
    # 'package.module.attr' -> (a function resolving the object, 'attr').
    # Resolved when the patch starts, not when it is made.
    if not isinstance(target, str) or '.' not in target:
        raise TypeError(f'Need a valid target to patch. You supplied: {target!r}')
    owner, attribute = target.rsplit('.', 1)
    return (lambda: _resolve(owner)), attribute


def _decorate_tests(klass, make_decorator):
    # A patcher decorating a class decorates each of its test methods
    # (named with patch.TEST_PREFIX), each with a patcher of its own.
    tests = [attr for attr in dir(klass) if attr.startswith(patch.TEST_PREFIX)]
    for attr in tests:
        method = getattr(klass, attr)
        if callable(method):
            setattr(klass, attr, make_decorator()(method))
    return klass


class _Startable:
    # start()/stop() of patch and patch.dict: entered and left outside a
    # with block, and remembered for patch.stopall().

    def start(self):
        """Apply the patch until stop(); returns what __enter__ gives."""
        applied = self.__enter__()
        _patch._active_patches.append(self)
        return applied

    def stop(self):
        """Undo a patch start() applied; None if it is not active."""
        if self not in _patch._active_patches:
            return None
        _patch._active_patches.remove(self)
        return self.__exit__(None, None, None)


# Attributes that deleting leaves in place (a class or function keeps a
# default): patch's undo sets them back instead.
_undeletable = ('__doc__', '__module__', '__defaults__', '__annotations__', '__kwdefaults__')


class _patch(_Startable):
    # One attribute replaced for the length of a with block, a decorated
    # call or a start()/stop(). attribute_name is set for patch.multiple,
    # whose first patcher enters the others (additional_patchers) and
    # hands back a dict of the mocks made.
    attribute_name = None
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set, autospec,
                 new_callable, kwargs, *, unsafe=False):
        if new_callable is not None and new is not DEFAULT:
            raise ValueError("Cannot use 'new' and 'new_callable' together")
        if new_callable is not None and autospec is not None:
            raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        self.getter, self.attribute = getter, attribute
        self.new, self.new_callable = new, new_callable
        self.spec, self.spec_set, self.autospec = spec, spec_set, autospec
        self.create = create
        self.has_local = False
        self.kwargs = kwargs
        self.additional_patchers = []
        self.is_started = False

    def copy(self):
        twin = _patch(self.getter, self.attribute, self.new, self.spec, self.create,
                      self.spec_set, self.autospec, self.new_callable, self.kwargs)
        twin.attribute_name = self.attribute_name
        twin.additional_patchers = [other.copy() for other in self.additional_patchers]
        return twin

    def __call__(self, func):
        decorate = self.decorate_class if isinstance(func, type) else self.decorate_callable
        return decorate(func)

    def decorate_class(self, klass):
        return _decorate_tests(klass, self.copy)

    def decorate_callable(self, func):
        stacked = getattr(func, 'patchings', None)
        if stacked is not None:
            # Stacked patch decorators share the innermost wrapper.
            stacked.append(self)
            return func

        @_functools.wraps(func)
        def patched(*args, **keywargs):
            applied = []
            made = []
            try:
                for patching in patched.patchings:
                    got = patching.__enter__()
                    applied.append(patching)
                    if patching.attribute_name is not None:
                        keywargs.update(got)
                    elif patching.new is DEFAULT:
                        made.append(got)
                return func(*args, *made, **keywargs)
            finally:
                exc_info = _sys.exc_info()
                while applied:
                    applied.pop().__exit__(*exc_info)

        patched.patchings = [self]
        return patched

    def _undo(self):
        # patch's __exit__ without the additional patchers: the original
        # put back, or the attribute patch created removed.
        target, name, original = self.target, self.attribute, self.temp_original
        if self.is_local and original is not DEFAULT:
            setattr(target, name, original)
        else:
            delattr(target, name)
            if not self.create and (name in _undeletable or not hasattr(target, name)):
                setattr(target, name, original)
        del self.temp_original, self.is_local, self.target

    def get_original(self):
        target, name = self.getter(), self.attribute
        local = True
        try:
            own = _main_globals() if isinstance(target, _MainModule) else target.__dict__
            original = own[name]
        except (AttributeError, KeyError, TypeError):
            local = False
            original = getattr(target, name, DEFAULT)
        if name in _builtins.__dict__ and type(target).__name__ == 'module':
            # A module may shadow a builtin it does not define.
            self.create = True
        if original is DEFAULT and not self.create:
            raise AttributeError(f'{target} does not have the attribute {name!r}')
        return original, local

    def _mock_for(self, original, spec, spec_set):
        # The mock patch makes when given no new object and no autospec.
        spec = original if spec is True else spec
        if spec_set is True:
            spec_set, spec = (original if spec is None else spec), None
        specced = spec if spec is not None else spec_set
        if specced is not None and original is DEFAULT:
            raise TypeError("Can't use 'spec' with create=True")
        if self.new_callable is not None:
            factory = self.new_callable
        elif specced is not None and not callable(specced):
            factory = NonCallableMagicMock
        else:
            factory = MagicMock
        options = {}
        if spec is not None:
            options['spec'] = spec
        if spec_set is not None:
            options['spec_set'] = spec_set
        if self.attribute and isinstance(factory, type) and issubclass(factory, NonCallableMock):
            options['name'] = self.attribute
        options.update(self.kwargs)
        made = factory(**options)
        if specced is not None and isinstance(original, type) and _is_instance_mock(made):
            # A class patched with a spec: its instances follow it too.
            instance_factory = factory if callable(specced) else NonCallableMagicMock
            made.return_value = instance_factory(_new_parent=made, _new_name='()', spec=specced)
        return made

    def __enter__(self):
        self.target = self.getter()
        spec, spec_set, autospec = (None if v is False else v
                                    for v in (self.spec, self.spec_set, self.autospec))
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if (spec is not None or autospec is not None) and spec_set not in (True, None):
            raise TypeError("Can't provide explicit spec_set *and* spec or autospec")
        original, local = self.get_original()
        if autospec is not None:
            if self.new is not DEFAULT:
                raise TypeError("autospec creates the mock for you. Can't specify autospec and new.")
            if original is DEFAULT:
                raise TypeError("Can't use 'autospec' with create=True")
            new = create_autospec(original if autospec is True else autospec,
                                  spec_set=bool(spec_set), _name=self.attribute, **self.kwargs)
        elif self.new is DEFAULT:
            new = self._mock_for(original, spec, spec_set)
        elif self.kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        else:
            new = self.new
        self.temp_original, self.is_local = original, local
        setattr(self.target, self.attribute, new)
        self._extras_applied = []
        if self.attribute_name is None:
            return new
        made = {self.attribute_name: new} if self.new is DEFAULT else {}
        try:
            for extra in self.additional_patchers:
                got = extra.__enter__()
                self._extras_applied.append(extra)
                if extra.new is DEFAULT:
                    made.update(got)
        except BaseException:
            # Undo what was applied before the failure.
            self.__exit__(*_sys.exc_info())
            raise
        return made

    def __exit__(self, *exc_info):
        self._undo()
        extras, self._extras_applied = self._extras_applied, []
        while extras:
            extras.pop().__exit__(*exc_info)
        return False


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None,
                  autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """patch.object: replace target.attribute (target an object, not a path)."""
    if type(target) is str:
        raise TypeError(f'{target!r} must be the actual object to be patched, not a str')
    return _patch(lambda: target, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None, autospec=None,
                    new_callable=None, **kwargs):
    """patch.multiple: several attributes of one target, given as keywords."""
    if not kwargs:
        raise ValueError('Must supply at least one keyword argument with patch.multiple')
    if type(target) is str:
        getter = lambda: _resolve(target)
    else:
        getter = lambda: target
    patchers = []
    for attribute, new in kwargs.items():
        one = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
        one.attribute_name = attribute
        patchers.append(one)
    first = patchers[0]
    first.additional_patchers.extend(patchers[1:])
    return first


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
          new_callable=None, *, unsafe=False, **kwargs):
    """Replace the object the dotted path target names, with new or a
    MagicMock, for the length of a with block, a decorated function or
    class, or a start()/stop(); the original is put back afterwards."""
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


def _copy_mapping(mapping):
    try:
        return mapping.copy()
    except AttributeError:
        return {key: mapping[key] for key in mapping}


def _empty_mapping(mapping):
    try:
        mapping.clear()
    except AttributeError:
        for key in list(mapping):
            del mapping[key]


def _fill_mapping(mapping, values):
    try:
        mapping.update(values)
    except AttributeError:
        for key in values:
            mapping[key] = values[key]


class _patch_dict(_Startable):
    # patch.dict: entries set in a mapping (optionally emptied first), and
    # its whole former content put back afterwards.

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict, self.clear = in_dict, clear
        self.values = dict(values, **kwargs)
        # The mapping's content before patching; None until then.
        self._original = None

    def __call__(self, f):
        # A class gets each test method decorated by a copy of this patcher.
        if isinstance(f, type):
            return _decorate_tests(f, lambda: _patch_dict(self.in_dict, self.values, self.clear))

        @_functools.wraps(f)
        def _inner(*args, **kw):
            with self:
                return f(*args, **kw)
        return _inner

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _resolve(self.in_dict)
        self._original = _copy_mapping(self.in_dict)
        if self.clear:
            _empty_mapping(self.in_dict)
        _fill_mapping(self.in_dict, self.values)

    def _unpatch_dict(self):
        _empty_mapping(self.in_dict)
        _fill_mapping(self.in_dict, self._original)

    def __enter__(self):
        self._patch_dict()
        return self.in_dict

    def __exit__(self, *args):
        applied = self._original is not None
        if applied:
            self._unpatch_dict()
        return False


def _patch_stopall():
    """Stop every patch start() applied, the latest first."""
    active = _patch._active_patches
    while active:
        active[-1].stop()


patch.object = _patch_object
patch.multiple = _patch_multiple
patch.dict = _patch_dict
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'


class _OpenedFile:
    # The state behind mock_open's file handle: read_data as a stream,
    # started over each time the open mock is called, which the handle's
    # reading methods consume unless given a return_value of their own.

    def __init__(self, read_data, handle):
        self.read_data = read_data
        self.handle = handle
        self.stream = self.new_stream()
        self.readline_source = self.readline_results()

    def new_stream(self):
        import io
        data = self.read_data
        return io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)

    def read(self, *args, **kwargs):
        fixed = self.handle.read.return_value
        return self.stream.read(*args, **kwargs) if fixed is None else fixed

    def readlines(self, *args, **kwargs):
        fixed = self.handle.readlines.return_value
        return self.stream.readlines(*args, **kwargs) if fixed is None else fixed

    def lines(self):
        # Iterating the handle: its readline's return_value forever if
        # one is set, else the stream's lines.
        fixed = self.handle.readline.return_value
        if fixed is not None:
            while True:
                yield fixed
        yield from self.stream

    def readline_results(self):
        yield from self.lines()
        while True:
            yield self.stream.readline()

    def next_line(self):
        fixed = self.handle.readline.return_value
        if fixed is not None:
            return fixed
        # next() on the stream, which is readline() until it comes back empty.
        line = self.stream.readline()
        if not line:
            raise StopIteration
        return line

    def leave(self, exc_type, exc, tb):
        self.handle.close()

    def reopen(self, *args, **kwargs):
        self.stream = self.new_stream()
        # A readline side_effect the test set itself is left alone.
        if self.handle.readline.side_effect == self.readline_source:
            self.readline_source = self.readline_results()
            self.handle.readline.side_effect = self.readline_source
        return DEFAULT


def mock_open(mock=None, read_data=''):
    """A mock to stand in for open(): calling it gives a file handle mock
    whose read, readline, readlines and iteration serve read_data."""
    if mock is None:
        mock = MagicMock(name='open', spec=_OPEN_SPEC)
    handle = MagicMock(spec=_FILE_SPEC)
    opened = _OpenedFile(read_data, handle)
    handle.__enter__.return_value = handle
    for method in ('write', 'read', 'readline', 'readlines'):
        getattr(handle, method).return_value = None
    handle.read.side_effect = opened.read
    handle.readline.side_effect = opened.readline_source
    handle.readlines.side_effect = opened.readlines
    handle.__iter__.side_effect = opened.lines
    handle.__next__.side_effect = opened.next_line
    handle.__exit__.side_effect = opened.leave
    mock.side_effect = opened.reopen
    mock.return_value = handle
    return mock


# What a file object has, text or binary (the attributes of
# io.TextIOWrapper and io.BytesIO), for mock_open's handle; and what the
# open function has, for the mock of open itself.
_OBJECT_DUNDERS = ('__class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ '
                   '__getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ '
                   '__le__ __lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ '
                   '__setattr__ __sizeof__ __str__ __subclasshook__ ').split()
_FILE_SPEC = _OBJECT_DUNDERS + (
    '__del__ __dict__ __enter__ __exit__ __iter__ __next__ __setstate__ '
    '_CHUNK_SIZE _checkClosed _checkReadable _checkSeekable _checkWritable _finalizing '
    'buffer close closed detach encoding errors fileno flush getbuffer getvalue isatty '
    'line_buffering name newlines read read1 readable readinto readinto1 readline '
    'readlines reconfigure seek seekable tell truncate writable write write_through '
    'writelines').split()
_OPEN_SPEC = _OBJECT_DUNDERS + '__call__ __name__ __qualname__ __self__ __text_signature__'.split()


_exported = ('_Call', '_CallList', '_patch', '_patch_dict', '_MagicProxy')
