package interp

import (
	"bytes"
	"regexp"
	"testing"
)

// exitBridgeSrc has a while loop alone in its function whose test is
// decided inside the methods the trace inlines (scheduler's dispatch
// loop): when the loop ends, the trace leaves inside those methods.
const exitBridgeSrc = `class Task:
    def __init__(self, n):
        self.n = n
        self.sleep = n % 3

    def runnable(self):
        return self.sleep == 0 and self.has_work()

    def has_work(self):
        return self.n % 2 == 0


class Idle(Task):
    def runnable(self):
        return True


def pick(tasks):
    i = 0
    t = tasks[0]
    while not t.runnable():
        i += 1
        t = tasks[i]
    return i


tasks = [Task(1), Task(5), Task(3), Idle(0)]
total = 0
for r in range(3000):
    total += pick(tasks)
    for u in tasks:
        u.n += 1
        u.sleep = (u.sleep + u.n) % 3
print(total)
`

// TestExitBridge: a bridge from an exit inside the inlined methods runs
// on through their returns to the loop's test and, the loop ending there,
// is compiled as a bridge that leaves at the test (loopEndsHere); before,
// its recording went on past the loop and stopped at the return after it,
// every try. Output equal in every mode.
func TestExitBridge(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	var want, errb bytes.Buffer
	RunWith(Config{}, "t.py", []byte(exitBridgeSrc), nil, &want, &errb)
	if want.String() == "" {
		t.Fatalf("no output: %s", errb.String())
	}
	for _, mode := range []JITMode{JITOn, JITUops} {
		for _, th := range []int{1, 0} {
			var out, debug bytes.Buffer
			errb.Reset()
			RunWith(Config{JIT: mode, JITThreshold: th, JITDebug: &debug}, "t.py", []byte(exitBridgeSrc), nil, &out, &errb)
			if out.String() != want.String() {
				t.Fatalf("mode %d threshold %d printed %q, want %q (%s)", mode, th, out.String(), want.String(), errb.String())
			}
			log := debug.String()
			if th == 1 {
				continue // (output only: the loop's own recordings end in it at once)
			}
			if !regexp.MustCompile(`line 21: bridge from line \d+: `).MatchString(log) {
				t.Errorf("mode %d threshold %d: no bridge of the loop at line 21:\n%s", mode, th, log)
			}
			if regexp.MustCompile(`line 21: bridge from line \d+ aborted at line 24`).MatchString(log) {
				t.Errorf("mode %d threshold %d: a bridge went on past the loop's end:\n%s", mode, th, log)
			}
		}
	}
}
