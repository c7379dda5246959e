package interp

import (
	"bytes"
	"testing"
)

// TestSyntaxWarnings checks the compile-time SyntaxWarnings on stderr
// against CPython 3.13's for the same file (the corpus compares only a
// stderr's last line): invalid escapes (in strs, bytes, f-strings and
// triple-quoted strs, an octal escape past \377, each literal's first
// only), "is" with a literal, an assert of a tuple, and those of
// compile() and exec() (each exec of source again).
func TestSyntaxWarnings(t *testing.T) {
	for i, c := range []struct{ src, stderr string }{
		{`import re
x = 1
print(re.findall("\d+", "a12b3"))
print(x is 1, x is not 'a', x is ())
s = '\q'
b = b'\d'
f = f'\d{x}'
print("done")
def g():
    return "\w"
compile("y = '\\d'", "<cmp>", "exec")
exec("z = '\\s'")
exec("z = '\\s'")
assert (x, 'msg')
print([1,2] [0] if False else 0)
`, `prog.py:3: SyntaxWarning: invalid escape sequence '\d'
  print(re.findall("\d+", "a12b3"))
prog.py:5: SyntaxWarning: invalid escape sequence '\q'
  s = '\q'
prog.py:6: SyntaxWarning: invalid escape sequence '\d'
  b = b'\d'
prog.py:7: SyntaxWarning: invalid escape sequence '\d'
  f = f'\d{x}'
prog.py:10: SyntaxWarning: invalid escape sequence '\w'
  return "\w"
prog.py:4: SyntaxWarning: "is" with 'int' literal. Did you mean "=="?
  print(x is 1, x is not 'a', x is ())
prog.py:4: SyntaxWarning: "is not" with 'str' literal. Did you mean "!="?
  print(x is 1, x is not 'a', x is ())
prog.py:4: SyntaxWarning: "is" with 'tuple' literal. Did you mean "=="?
  print(x is 1, x is not 'a', x is ())
prog.py:14: SyntaxWarning: assertion is always true, perhaps remove parentheses?
  assert (x, 'msg')
<cmp>:1: SyntaxWarning: invalid escape sequence '\d'
<string>:1: SyntaxWarning: invalid escape sequence '\s'
<string>:1: SyntaxWarning: invalid escape sequence '\s'
`},
		{`x = 1
s = """a
b
\d"""
t = f"""{x}
\w {x}"""
b = b"\u \N \q"
o = "\777"
if x is 1: pass
`, `prog.py:2: SyntaxWarning: invalid escape sequence '\d'
  s = """a
prog.py:6: SyntaxWarning: invalid escape sequence '\w'
  \w {x}"""
prog.py:7: SyntaxWarning: invalid escape sequence '\u'
  b = b"\u \N \q"
prog.py:8: SyntaxWarning: invalid octal escape sequence '\777'
  o = "\777"
prog.py:9: SyntaxWarning: "is" with 'int' literal. Did you mean "=="?
  if x is 1: pass
`},
	} {
		var out, errb bytes.Buffer
		if st := Run("prog.py", []byte(c.src), &out, &errb); st != 0 {
			t.Errorf("%d: status %d, stderr %q", i, st, errb.String())
		}
		if got := errb.String(); got != c.stderr {
			t.Errorf("%d: stderr:\ngot  %q\nwant %q", i, got, c.stderr)
		}
	}
}
