package interp

import (
	"bytes"
	"testing"
)

// TestExceptionGroupTraceback checks the whole traceback of uncaught
// exception groups (the corpus compares only the last line): CPython's
// text, with 3.13+'s carets under calls.
func TestExceptionGroupTraceback(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"g2.py", `def f():
    raise ValueError("inner")
try:
    f()
except ValueError as e:
    v = e
raise ExceptionGroup("outer", [v, ExceptionGroup("nested", [TypeError("t"), KeyError("k")]), OSError("o")])
`, `  + Exception Group Traceback (most recent call last):
  |   File "g2.py", line 7, in <module>
  |     raise ExceptionGroup("outer", [v, ExceptionGroup("nested", [TypeError("t"), KeyError("k")]), OSError("o")])
  | ExceptionGroup: outer (3 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "g2.py", line 4, in <module>
    |     f()
    |     ~^^
    |   File "g2.py", line 2, in f
    |     raise ValueError("inner")
    | ValueError: inner
    +---------------- 2 ----------------
    | ExceptionGroup: nested (2 sub-exceptions)
    +-+---------------- 1 ----------------
      | TypeError: t
      +---------------- 2 ----------------
      | KeyError: 'k'
      +------------------------------------
    +---------------- 3 ----------------
    | OSError: o
    +------------------------------------
`},
		{"s3.py", `try:
    raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
except* ValueError as e:
    print(repr(e))
    raise TypeError(2)
`, `  | ExceptionGroup:  (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "s3.py", line 2, in <module>
    |     raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    | ExceptionGroup: g (1 sub-exception)
    +-+---------------- 1 ----------------
      | ValueError: 1
      +------------------------------------
    | 
    | During handling of the above exception, another exception occurred:
    | 
    | Traceback (most recent call last):
    |   File "s3.py", line 5, in <module>
    |     raise TypeError(2)
    | TypeError: 2
    +---------------- 2 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "s3.py", line 2, in <module>
    |     raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    | ExceptionGroup: g (1 sub-exception)
    +-+---------------- 1 ----------------
      | KeyError: 2
      +------------------------------------
`},
	} {
		var out, errb bytes.Buffer
		if status := Run(c.name, []byte(c.src), &out, &errb); status != 1 {
			t.Errorf("%s: status %d, want 1", c.name, status)
		}
		if errb.String() != c.want {
			t.Errorf("%s: stderr\ngot:\n%s\nwant:\n%s", c.name, errb.String(), c.want)
		}
	}
}
