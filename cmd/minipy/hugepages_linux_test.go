package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/interp"
)

// TestAdviseHugeHeap checks that adviseHugeHeap leaves a mapping of at
// least hugeHeapBlock bytes advised for huge pages (VmFlags "hg") and the
// collector's setting as it found it.
func TestAdviseHugeHeap(t *testing.T) {
	if b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil || strings.Contains(string(b), "[never]") {
		t.Skip("no transparent huge pages here")
	}
	if lim := interp.MemoryLimit(); lim < hugeHeapMinMemory {
		t.Skipf("memory limit %d bytes: no block under %d", lim, hugeHeapMinMemory)
	}
	if before := advisedBytes(t); before >= hugeHeapBlock {
		t.Skipf("%d bytes advised before the call", before)
	}
	old := debug.SetGCPercent(250)
	defer debug.SetGCPercent(old)
	adviseHugeHeap()
	if got := debug.SetGCPercent(old); got != 250 {
		t.Errorf("GC percent after adviseHugeHeap: %d, want 250", got)
	}
	if got := advisedBytes(t); got < hugeHeapBlock {
		t.Errorf("%d bytes of mappings advised MADV_HUGEPAGE, want at least %d", got, hugeHeapBlock)
	}
}

// advisedBytes is the size of the process's mappings advised for huge
// pages, from /proc/self/smaps.
func advisedBytes(t *testing.T) int {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	total, size := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) >= 2 && fs[0] == "Size:":
			kb, _ := strconv.Atoi(fs[1])
			size = kb << 10
		case len(fs) >= 1 && fs[0] == "VmFlags:":
			for _, fl := range fs[1:] {
				if fl == "hg" {
					total += size
				}
			}
		}
	}
	return total
}
