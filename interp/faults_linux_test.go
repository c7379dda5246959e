package interp

import (
	"regexp"
	"strconv"
	"testing"
)

// TestJITWorkFaultsStat: on Linux --jit-stats gives the page faults the
// JIT's work took, no more than the whole run's. (Maybe none: in a test
// process earlier runs warmed the JIT's buffers.)
func TestJITWorkFaultsStat(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := "s = 0\nfor i in range(20000):\n    if i % 3 == 0:\n        s += i\n    else:\n        s -= 1\nprint(s)\n"
	_, stats := runStats(t, Config{JIT: JITOn}, src)
	m := regexp.MustCompile(`JIT work took ([0-9]+) of the run's ([0-9]+) page faults`).FindSubmatch(stats)
	if m == nil {
		t.Fatalf("no page-fault line:\n%s", stats)
	}
	work, _ := strconv.Atoi(string(m[1]))
	all, _ := strconv.Atoi(string(m[2]))
	if work < 0 || work > all || all <= 0 {
		t.Errorf("JIT work took %d of %d page faults:\n%s", work, all, stats)
	}
}
