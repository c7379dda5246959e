package interp

// The attributes built-in types define themselves, as CPython 3.14 lists
// them in each type's __dict__ (in that order), each with the kind of
// object it is there: W a slot wrapper (wrapper_descriptor), M a
// method_descriptor, C a classmethod_descriptor, B a built-in function
// (__new__), S a staticmethod, G a getset_descriptor, D a
// member_descriptor, T the docstring, N None, K a classmethod, I an int.
// Read from CPython 3.13 (type(T.__dict__[name]).__name__), with 3.14's
// additions: float.from_number, complex.from_number, bytearray.resize,
// memoryview.count, index and __class_getitem__, function.__annotate__
// and type.__annotate__.
// Types are named as minipy's typeName names them; base is the type's
// __base__.
var builtinTypeRows = []struct{ name, base, own string }{
	{"type", "object", `__new__:B __repr__:W __call__:W __getattribute__:W __setattr__:W
		__delattr__:W __init__:W __or__:W __ror__:W mro:M
		__subclasses__:M __prepare__:C __instancecheck__:M
		__subclasscheck__:M __dir__:M __sizeof__:M __basicsize__:D
		__itemsize__:D __flags__:D __weakrefoffset__:D __base__:D
		__dictoffset__:D __name__:G __qualname__:G __bases__:G __mro__:G
		__module__:G __abstractmethods__:G __dict__:G __doc__:G
		__text_signature__:G __annotations__:G __annotate__:G
		__type_params__:G`},
	{"int", "object", `__new__:B __repr__:W __hash__:W __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __add__:W
		__radd__:W __sub__:W __rsub__:W __mul__:W __rmul__:W __mod__:W
		__rmod__:W __divmod__:W __rdivmod__:W __pow__:W __rpow__:W
		__neg__:W __pos__:W __abs__:W __bool__:W __invert__:W
		__lshift__:W __rlshift__:W __rshift__:W __rrshift__:W __and__:W
		__rand__:W __xor__:W __rxor__:W __or__:W __ror__:W __int__:W
		__float__:W __floordiv__:W __rfloordiv__:W __truediv__:W
		__rtruediv__:W __index__:W conjugate:M bit_length:M bit_count:M
		to_bytes:M from_bytes:C as_integer_ratio:M __trunc__:M
		__floor__:M __ceil__:M __round__:M __getnewargs__:M __format__:M
		__sizeof__:M is_integer:M real:G imag:G numerator:G
		denominator:G __doc__:T`},
	{"bool", "int", `__new__:B __repr__:W __invert__:W __and__:W __rand__:W __xor__:W
		__rxor__:W __or__:W __ror__:W __doc__:T`},
	{"float", "object", `__new__:B __repr__:W __hash__:W __lt__:W __le__:W __eq__:W
		__ne__:W __gt__:W __ge__:W __add__:W __radd__:W __sub__:W
		__rsub__:W __mul__:W __rmul__:W __mod__:W __rmod__:W
		__divmod__:W __rdivmod__:W __pow__:W __rpow__:W __neg__:W
		__pos__:W __abs__:W __bool__:W __int__:W __float__:W
		__floordiv__:W __rfloordiv__:W __truediv__:W __rtruediv__:W
		conjugate:M __trunc__:M __floor__:M __ceil__:M __round__:M
		as_integer_ratio:M fromhex:C from_number:C hex:M is_integer:M
		__getnewargs__:M __getformat__:C __format__:M real:G imag:G
		__doc__:T`},
	{"complex", "object", `__new__:B __repr__:W __hash__:W __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __add__:W
		__radd__:W __sub__:W __rsub__:W __mul__:W __rmul__:W __pow__:W
		__rpow__:W __neg__:W __pos__:W __abs__:W __bool__:W
		__truediv__:W __rtruediv__:W conjugate:M from_number:C
		__complex__:M __getnewargs__:M __format__:M real:D imag:D
		__doc__:T`},
	{"str", "object", `__new__:B __repr__:W __hash__:W __str__:W __lt__:W __le__:W
		__eq__:W __ne__:W __gt__:W __ge__:W __iter__:W __mod__:W
		__rmod__:W __len__:W __getitem__:W __add__:W __mul__:W
		__rmul__:W __contains__:W encode:M replace:M split:M rsplit:M
		join:M capitalize:M casefold:M title:M center:M count:M
		expandtabs:M find:M partition:M index:M ljust:M lower:M lstrip:M
		rfind:M rindex:M rjust:M rstrip:M rpartition:M splitlines:M
		strip:M swapcase:M translate:M upper:M startswith:M endswith:M
		removeprefix:M removesuffix:M isascii:M islower:M isupper:M
		istitle:M isspace:M isdecimal:M isdigit:M isnumeric:M isalpha:M
		isalnum:M isidentifier:M isprintable:M zfill:M format:M
		format_map:M __format__:M maketrans:S __sizeof__:M
		__getnewargs__:M __doc__:T`},
	{"bytes", "object", `__new__:B __repr__:W __hash__:W __str__:W __getattribute__:W
		__lt__:W __le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__buffer__:W __mod__:W __rmod__:W __len__:W __getitem__:W
		__add__:W __mul__:W __rmul__:W __contains__:W __getnewargs__:M
		__bytes__:M capitalize:M center:M count:M decode:M endswith:M
		expandtabs:M find:M fromhex:C hex:M index:M isalnum:M isalpha:M
		isascii:M isdigit:M islower:M isspace:M istitle:M isupper:M
		join:M ljust:M lower:M lstrip:M maketrans:S partition:M
		replace:M removeprefix:M removesuffix:M rfind:M rindex:M rjust:M
		rpartition:M rsplit:M rstrip:M split:M splitlines:M startswith:M
		strip:M swapcase:M title:M translate:M upper:M zfill:M __doc__:T`},
	{"bytearray", "object", `__new__:B __repr__:W __str__:W __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__init__:W __buffer__:W __release_buffer__:W __mod__:W
		__rmod__:W __len__:W __getitem__:W __setitem__:W __delitem__:W
		__add__:W __mul__:W __rmul__:W __contains__:W __iadd__:W
		__imul__:W __alloc__:M __reduce__:M __reduce_ex__:M __sizeof__:M
		append:M capitalize:M center:M clear:M copy:M count:M decode:M
		endswith:M expandtabs:M extend:M find:M fromhex:C hex:M index:M
		insert:M isalnum:M isalpha:M isascii:M isdigit:M islower:M
		isspace:M istitle:M isupper:M join:M ljust:M lower:M lstrip:M
		maketrans:S partition:M pop:M remove:M replace:M removeprefix:M
		removesuffix:M resize:M reverse:M rfind:M rindex:M rjust:M
		rpartition:M rsplit:M rstrip:M split:M splitlines:M startswith:M
		strip:M swapcase:M title:M translate:M upper:M zfill:M __doc__:T
		__hash__:N`},
	{"memoryview", "object", `__new__:B __repr__:W __hash__:W __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__buffer__:W __release_buffer__:W __len__:W __getitem__:W
		__setitem__:W __delitem__:W release:M tobytes:M hex:M tolist:M
		cast:M toreadonly:M count:M index:M _from_flags:C
		__class_getitem__:C __enter__:M __exit__:M obj:G nbytes:G
		readonly:G itemsize:G format:G ndim:G shape:G strides:G
		suboffsets:G c_contiguous:G f_contiguous:G contiguous:G
		__doc__:T`},
	{"list", "object", `__new__:B __repr__:W __hash__:N __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__init__:W __len__:W __getitem__:M __setitem__:W __delitem__:W
		__add__:W __mul__:W __rmul__:W __contains__:W __iadd__:W
		__imul__:W __reversed__:M __sizeof__:M clear:M copy:M append:M
		insert:M extend:M pop:M remove:M index:M count:M reverse:M
		sort:M __class_getitem__:C __doc__:T`},
	{"tuple", "object", `__new__:B __repr__:W __hash__:W __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__len__:W __getitem__:W __add__:W __mul__:W __rmul__:W
		__contains__:W __getnewargs__:M index:M count:M
		__class_getitem__:C __doc__:T`},
	{"dict", "object", `__new__:B __repr__:W __hash__:N __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__init__:W __or__:W __ror__:W __ior__:W __len__:W __getitem__:M
		__setitem__:W __delitem__:W __contains__:M __sizeof__:M get:M
		setdefault:M pop:M popitem:M keys:M items:M values:M update:M
		fromkeys:C clear:M copy:M __reversed__:M __class_getitem__:C
		__doc__:T`},
	{"set", "object", `__new__:B __repr__:W __hash__:N __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__init__:W __sub__:W __rsub__:W __and__:W __rand__:W __xor__:W
		__rxor__:W __or__:W __ror__:W __isub__:W __iand__:W __ixor__:W
		__ior__:W __len__:W __contains__:M add:M clear:M copy:M
		discard:M difference:M difference_update:M intersection:M
		intersection_update:M isdisjoint:M issubset:M issuperset:M pop:M
		__reduce__:M remove:M __sizeof__:M symmetric_difference:M
		symmetric_difference_update:M union:M update:M
		__class_getitem__:C __doc__:T`},
	{"frozenset", "object", `__new__:B __repr__:W __hash__:W __lt__:W __le__:W __eq__:W
		__ne__:W __gt__:W __ge__:W __iter__:W __sub__:W __rsub__:W
		__and__:W __rand__:W __xor__:W __rxor__:W __or__:W __ror__:W
		__len__:W __contains__:M copy:M difference:M intersection:M
		isdisjoint:M issubset:M issuperset:M __reduce__:M __sizeof__:M
		symmetric_difference:M union:M __class_getitem__:C __doc__:T`},
	{"range", "object", `__new__:B __repr__:W __hash__:W __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__bool__:W __len__:W __getitem__:W __contains__:W __reversed__:M
		__reduce__:M count:M index:M start:D stop:D step:D __doc__:T`},
	{"slice", "object", `__new__:B __repr__:W __hash__:W __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W indices:M
		__reduce__:M start:D stop:D step:D __doc__:T`},
	{"property", "object", `__new__:B __getattribute__:W __get__:W __set__:W __delete__:W
		__init__:W getter:M setter:M deleter:M __set_name__:M fget:D
		fset:D fdel:D __doc__:D __name__:G __isabstractmethod__:G`},
	{"staticmethod", "object", `__new__:B __repr__:W __call__:W __get__:W __init__:W __func__:D
		__wrapped__:D __isabstractmethod__:G __dict__:G __doc__:T`},
	{"classmethod", "object", `__new__:B __repr__:W __get__:W __init__:W __func__:D
		__wrapped__:D __isabstractmethod__:G __dict__:G __doc__:T`},
	{"super", "object", `__new__:B __repr__:W __getattribute__:W __get__:W __init__:W
		__thisclass__:D __self__:D __self_class__:D __doc__:T`},
	{"object", "", `__new__:B __repr__:W __hash__:W __str__:W __getattribute__:W
		__setattr__:W __delattr__:W __lt__:W __le__:W __eq__:W __ne__:W
		__gt__:W __ge__:W __init__:W __reduce_ex__:M __reduce__:M
		__getstate__:M __subclasshook__:C __init_subclass__:C
		__format__:M __sizeof__:M __dir__:M __class__:G __doc__:T`},
	{"enumerate", "object", `__new__:B __getattribute__:W __iter__:W __next__:W __reduce__:M
		__class_getitem__:C __doc__:T`},
	{"zip", "object", `__new__:B __getattribute__:W __iter__:W __next__:W __reduce__:M
		__setstate__:M __doc__:T`},
	{"map", "object", `__new__:B __getattribute__:W __iter__:W __next__:W __reduce__:M
		__doc__:T`},
	{"filter", "object", `__new__:B __getattribute__:W __iter__:W __next__:W __reduce__:M
		__doc__:T`},
	{"reversed", "object", `__new__:B __getattribute__:W __iter__:W __next__:W
		__length_hint__:M __reduce__:M __setstate__:M __doc__:T`},
	{"NoneType", "object", `__new__:B __repr__:W __hash__:W __lt__:W __le__:W __eq__:W
		__ne__:W __gt__:W __ge__:W __bool__:W __doc__:T`},
	{"NotImplementedType", "object", `__new__:B __repr__:W __bool__:W __reduce__:M __doc__:T`},
	{"ellipsis", "object", `__new__:B __repr__:W __reduce__:M __doc__:T`},
	{"collections.deque", "object", `__new__:B __repr__:W __hash__:N __getattribute__:W __lt__:W
		__le__:W __eq__:W __ne__:W __gt__:W __ge__:W __iter__:W
		__init__:W __len__:W __add__:W __mul__:W __rmul__:W
		__getitem__:W __setitem__:W __delitem__:W __contains__:W
		__iadd__:W __imul__:W append:M appendleft:M clear:M __copy__:M
		copy:M count:M extend:M extendleft:M index:M insert:M pop:M
		popleft:M __reduce__:M remove:M __reversed__:M reverse:M
		rotate:M __sizeof__:M __class_getitem__:C maxlen:G __doc__:T
		__module__:T`},
	// collections' dict kinds, for dir(): minipy's are dicts with a mark
	// (typeName "dict"), so only dir() maps them here. Counter's
	// functions (CPython's is a Python class) are listed as M.
	{"collections.OrderedDict", "dict", `__repr__:W __lt__:W __le__:W __eq__:W __ne__:W
		__gt__:W __ge__:W __iter__:W __init__:W __or__:W __ror__:W
		__ior__:W __setitem__:W __delitem__:W fromkeys:C __sizeof__:M
		__reduce__:M setdefault:M pop:M popitem:M keys:M values:M items:M
		update:M clear:M copy:M __reversed__:M move_to_end:M __dict__:G
		__doc__:T __hash__:N`},
	{"collections.Counter", "dict", `__module__:T __firstlineno__:I __doc__:T __init__:M
		__missing__:M total:M most_common:M elements:M fromkeys:K update:M
		subtract:M copy:M __reduce__:M __delitem__:M __repr__:M __eq__:M
		__ne__:M __le__:M __lt__:M __ge__:M __gt__:M __add__:M __sub__:M
		__or__:M __and__:M __pos__:M __neg__:M _keep_positive:M __iadd__:M
		__isub__:M __ior__:M __iand__:M __static_attributes__:T __dict__:G
		__weakref__:G __hash__:N`},
	{"collections.defaultdict", "dict", `__repr__:W __getattribute__:W __init__:W __or__:W
		__ror__:W __missing__:M copy:M __copy__:M __reduce__:M
		__class_getitem__:C default_factory:D __doc__:T __module__:T`},
	{"builtin_function_or_method", "object", `__repr__:W __hash__:W __call__:W __lt__:W __le__:W __eq__:W
		__ne__:W __gt__:W __ge__:W __reduce__:M __module__:D __doc__:G
		__name__:G __qualname__:G __self__:G __text_signature__:G`},
	{"function", "object", `__new__:B __repr__:W __call__:W __get__:W __closure__:D
		__doc__:D __globals__:D __module__:D __builtins__:D __code__:G
		__defaults__:G __kwdefaults__:G __annotations__:G __annotate__:G
		__dict__:G __name__:G __qualname__:G __type_params__:G`},
	{"generator", "object", `__repr__:W __iter__:W __next__:W __del__:W send:M throw:M
		close:M __sizeof__:M __class_getitem__:C __name__:G
		__qualname__:G gi_yieldfrom:G gi_running:G gi_frame:G
		gi_suspended:G gi_code:G __doc__:N`},
	{"list_iterator", "object", `__iter__:W __next__:W __length_hint__:M __reduce__:M
		__setstate__:M __doc__:N`},
	{"tuple_iterator", "object", `__iter__:W __next__:W __length_hint__:M __reduce__:M
		__setstate__:M __doc__:N`},
	{"str_ascii_iterator", "object", `__iter__:W __next__:W __length_hint__:M __reduce__:M
		__setstate__:M __doc__:N`},
	{"dict_keyiterator", "object", `__iter__:W __next__:W __length_hint__:M __reduce__:M __doc__:N`},
	{"dict_keys", "object", `__repr__:W __lt__:W __le__:W __eq__:W __ne__:W __gt__:W __ge__:W
		__iter__:W __sub__:W __rsub__:W __and__:W __rand__:W __xor__:W
		__rxor__:W __or__:W __ror__:W __len__:W __contains__:W
		isdisjoint:M __reversed__:M mapping:G __doc__:N __hash__:N`},
	{"dict_values", "object", `__repr__:W __iter__:W __len__:W __reversed__:M mapping:G
		__doc__:N`},
	{"dict_items", "object", `__repr__:W __lt__:W __le__:W __eq__:W __ne__:W __gt__:W __ge__:W
		__iter__:W __sub__:W __rsub__:W __and__:W __rand__:W __xor__:W
		__rxor__:W __or__:W __ror__:W __len__:W __contains__:W
		isdisjoint:M __reversed__:M mapping:G __doc__:N __hash__:N`},
	{"range_iterator", "object", `__iter__:W __next__:W __length_hint__:M __reduce__:M
		__setstate__:M __doc__:N`},
	{"set_iterator", "object", `__iter__:W __next__:W __length_hint__:M __reduce__:M __doc__:N`},
	{"list_reverseiterator", "object", `__iter__:W __next__:W __length_hint__:M __reduce__:M
		__setstate__:M __doc__:N`},
	{"method", "object", `__new__:B __repr__:W __hash__:W __call__:W __getattribute__:W
		__lt__:W __le__:W __eq__:W __ne__:W __gt__:W __ge__:W __get__:W
		__reduce__:M __func__:D __self__:D __doc__:G`},
	{"method-wrapper", "object", `__repr__:W __hash__:W __call__:W __lt__:W __le__:W __eq__:W
		__ne__:W __gt__:W __ge__:W __reduce__:M __self__:D
		__objclass__:G __name__:G __qualname__:G __doc__:G
		__text_signature__:G`},
	{"wrapper_descriptor", "object", `__repr__:W __call__:W __get__:W __reduce__:M __objclass__:D
		__name__:D __doc__:G __qualname__:G __text_signature__:G`},
	{"method_descriptor", "object", `__repr__:W __call__:W __get__:W __reduce__:M __objclass__:D
		__name__:D __doc__:G __qualname__:G __text_signature__:G`},
	{"classmethod_descriptor", "object", `__repr__:W __call__:W __get__:W __objclass__:D __name__:D
		__doc__:G __qualname__:G __text_signature__:G`},
	{"getset_descriptor", "object", `__repr__:W __get__:W __set__:W __delete__:W __objclass__:D
		__name__:D __doc__:G __qualname__:G`},
	{"member_descriptor", "object", `__repr__:W __get__:W __set__:W __delete__:W __reduce__:M
		__objclass__:D __name__:D __doc__:G __qualname__:G`},
}
