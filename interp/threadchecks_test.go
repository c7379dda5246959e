package interp

import (
	"bytes"
	"strings"
	"testing"
)

// TestThreadChecksBuild: threads start in the normal build, and in a build
// with -tags nothreadchecks (CI runs this test in it) starting one raises
// instead of running unlocked.
func TestThreadChecksBuild(t *testing.T) {
	cases := []struct{ name, src, out string }{
		{"thread", `
import threading
xs = []
t = threading.Thread(target=xs.append, args=(1,))
t.start()
t.join()
print(xs)
`, "[1]\n"},
		{"pool", `
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(2) as ex:
    print(ex.submit(pow, 2, 10).result())
`, "1024\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := RunWith(Config{JIT: JITOff}, "t.py", []byte(c.src), nil, &out, &errb)
			if threadChecks {
				if status != 0 || out.String() != c.out {
					t.Fatalf("status %d, got %q, want %q; stderr:\n%s", status, out.String(), c.out, errb.String())
				}
				return
			}
			const want = "RuntimeError: can't start new thread: minipy was built with -tags nothreadchecks\n"
			if status != 1 || !strings.HasSuffix(errb.String(), want) {
				t.Fatalf("status %d, stderr %q, want it to end in %q", status, errb.String(), want)
			}
		})
	}
}
