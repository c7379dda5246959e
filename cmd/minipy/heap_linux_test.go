package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPrepareHeapLater checks that the first collection prepares the heap.
func TestPrepareHeapLater(t *testing.T) {
	done := make(chan struct{})
	prepareHeapLater(func() { close(done) })
	runtime.GC()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the heap was not prepared a minute after a collection")
	}
}

// TestPrepareHeap checks that the heap room ends up in a mapping Linux
// marks for huge pages ("hg" in its VmFlags), unless the kernel has them
// off.
func TestPrepareHeap(t *testing.T) {
	thp, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(thp), "[never]") {
		t.Skip("no transparent huge pages here")
	}
	start, n, err := prepareHeap()
	if err != nil {
		t.Fatalf("madvise: %v", err)
	}
	if n < heapRoom/2 || start%(2<<20) != 0 {
		t.Fatalf("advised %#x+%d: want a 2 MiB-aligned range of most of %d bytes", start, n, heapRoom)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if _, err := fmt.Sscanf(line, "%x-%x", &lo, &hi); err == nil {
			in = lo <= start && start+uintptr(n) <= hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			if !strings.Contains(line, " hg") {
				t.Fatalf("mapping of %#x+%d: %s, want hg", start, n, line)
			}
			return
		}
	}
	t.Fatalf("no mapping holds %#x+%d whole", start, n)
}

// TestFirstBigListInHugePages: a program whose first big list comes before
// any collection gets that list from the huge-page room (Config.PrepareHeap
// maps the room first), not from fresh 4 KiB pages beside it: one 32 MB
// list is 7,812 small pages, 16 huge ones. Left to the finalizer, the room
// came after the list (9,000 faults a run). The count is the process's, so
// the program runs in a fresh test process, as main runs it.
func TestFirstBigListInHugePages(t *testing.T) {
	thp, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(thp), "[never]") {
		t.Skip("no transparent huge pages here")
	}
	if testing.Short() {
		t.Skip("allocates 300 MB of address space")
	}
	if os.Getenv("MINIPY_HUGE_CHILD") == "1" {
		hugeChild(t)
		return
	}
	// The kernel may have no free 2 MiB block at a moment of the run
	// (other processes' memory): the best of three runs is judged.
	var out []byte
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFirstBigListInHugePages$", "-test.v")
		cmd.Env = append(os.Environ(), "MINIPY_HUGE_CHILD=1")
		if out, err = cmd.CombinedOutput(); err == nil {
			return
		}
	}
	t.Logf("child:\n%s", out)
	t.Fatalf("child: %v", err)
}

func hugeChild(t *testing.T) {
	debug.SetGCPercent(400)
	ballast = make([]byte, ballastSize)
	prepareHeapLater(nil)
	src := "def f(n):\n    flags = [True] * n\n    flags[n - 1] = False\n    return flags[0]\nprint(f(2_000_000))\n"
	var before, after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	var out, errb bytes.Buffer
	if status := run([]string{"-c", src}, &out, &errb); status != 0 || out.String() != "True\n" {
		t.Fatalf("status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	faults := after.Minflt - before.Minflt
	t.Logf("%d page faults", faults)
	if pages := int64(2_000_000 * 16 / os.Getpagesize()); faults > pages/2 {
		t.Errorf("%d page faults making one list of %d small pages: want it in huge pages", faults, pages)
	}
}
