package interp

import "testing"

// TestSpecialMethodsAsAttributes: special methods of built-in values,
// built-in types and plain instances are attributes, found by hasattr and
// callable, as in CPython (expected output from CPython 3.11).
func TestSpecialMethodsAsAttributes(t *testing.T) {
	src := `
class C: pass
c = C()
print(hasattr([], '__iter__'), hasattr(5, '__add__'), hasattr('s', '__len__'), hasattr({}, '__getitem__'))
print(hasattr(c, '__init__'), hasattr(c, '__str__'), hasattr(c, '__eq__'), hasattr(c, '__class__'), hasattr(c, '__dict__'))
print(hasattr(c, '__iter__'), hasattr(c, '__len__'), hasattr(c, '__add__'))
print(str(c.__str__())[:10], c.__eq__(c), c.__ne__(1), c.__lt__(c), c.__hash__() == hash(c), c.__init__())
class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, P) and o.v == self.v
    def __repr__(self): return f"P({self.v})"
print(P(1).__ne__(P(1)), P(1).__ne__(P(2)), P(1).__ne__(3), P(2).__str__(), format(P(3)), P(3).__format__(''))
print((5).__add__(2), (5).__add__(2.5), (2.5).__add__(1), (5).__radd__(3), (7).__rsub__(10), 'a'.__add__('b'), [1].__add__([2]))
print([1, 2].__len__(), 'abc'.__getitem__(1), {1: 2}.__getitem__(1), (1, 2).__contains__(2), [3].__iter__().__next__())
print((1).__lt__(2), (1).__lt__('a'), 'a'.__eq__('a'), 'a'.__eq__(1), (1).__eq__(1.0), (1.0).__eq__(1), (3).__hash__(), 'x'.__str__(), 'x'.__repr__())
it = iter([1, 2])
print(hasattr(it, '__next__'), hasattr([], '__next__'), hasattr(5, '__iter__'), hasattr(None, '__len__'), hasattr(len, '__len__'))
print(format(3.5, '>6'), (3.5).__format__('>6'), (0).__bool__(), NotImplemented, repr(NotImplemented))
d = {}
d.__setitem__('k', 1); print(d); d.__delitem__('k'); print(d)
print(hasattr(list, '__len__'), hasattr(int, '__add__'), hasattr(dict, '__iter__'), hasattr(str, '__foo__'))
print(list.__len__([1, 2]), int.__add__(3, 4), str.__getitem__('abc', 2), int.__add__(True, 1))
for f in (lambda: [].__len__(1), lambda: [].__getitem__(), lambda: list.__len__(5), lambda: c.__init__(1), lambda: format(c, 'x')):
    try:
        f()
    except TypeError as e:
        print(e)
print(getattr(5, '__foo__', 'none'))
`
	want := `True True True True
True True True True True
False False False
<__main__. True NotImplemented NotImplemented True None
False True True P(2) P(3) P(3)
7 NotImplemented 3.5 8 3 ab [1, 2]
2 b 2 True 3
True NotImplemented True NotImplemented NotImplemented True 3 x 'x'
True False False False False
   3.5    3.5 False NotImplemented NotImplemented
{'k': 1}
{}
True True True False
2 7 c 2
expected 0 arguments, got 1
list.__getitem__() takes exactly one argument (0 given)
descriptor '__len__' requires a 'list' object but received a 'int'
C.__init__() takes exactly one argument (the instance to initialize)
unsupported format string passed to C.__format__
none
`
	if out, last, _ := run(t, src); out != want {
		t.Errorf("got:\n%s(%s)\nwant:\n%s", out, last, want)
	}
}
