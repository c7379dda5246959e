package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
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
