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
