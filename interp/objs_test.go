package interp

import "testing"

// objsPrograms check behaviour touched by the tier-1 object work (issue
// 10's second session): each output is what CPython prints.
var objsPrograms = []struct{ name, src, out string }{
	{"process_time-is-cpu", `import time
t = time.process_time()
time.sleep(0.3)
print(time.process_time() - t < 0.2)
`, "True\n"},
	// Concatenation and ASCII case changes build their str in one
	// allocation (strinline.go): the text, length, hash and ASCII-ness
	// must be those of any other str.
	{"str-inline", `a = "abc"; b = "DEF"
print(a + b, (a + b).lower(), (a+b).upper(), "hELLO wORLD".capitalize(), "x".upper(), "Q".lower(), "q".capitalize(), "Hello".capitalize())
print("" + a is a, a + "" is a, ("é" + a).upper(), len("é" + "ü"), ("é" + "ü")[1], ("a"*30 + "b"*30).upper(), ("ab"*50 + "c").lower()[-3:])
s = "x" * 100 + "é"
print(len(s + s), (s + "Z")[-2:], hash("ab" + "cd") == hash("abcd"), {"ab"+"cd": 1}["abcd"], "a" + "b" == "ab")
`, "abcDEF abcdef ABCDEF Hello world X q Q Hello\nTrue True ÉABC 2 ü AAAAAAAAAAAAAAAAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBBBBBBBBBBBBBBB abc\n202 éZ True 1 True\n"},
}

func TestObjsPrograms(t *testing.T) {
	for _, p := range objsPrograms {
		t.Run(p.name, func(t *testing.T) {
			out, last, status := run(t, p.src)
			if status != 0 || out != p.out {
				t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, p.out)
			}
		})
	}
}
