package jit

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestRegionsPrefaulted checks that the pages of a region are in memory
// before anything is written to them (a write fault costs about 15 µs
// on this virtual machine, a prefaulted page about 1), and that a few
// regions share one prefault: the chunk's pages ahead of them are in
// memory too, up to the step.
func TestRegionsPrefaulted(t *testing.T) {
	resident := func(b []byte) int {
		vec := make([]byte, (len(b)+pageSize-1)/pageSize)
		if _, _, e := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
			t.Skipf("mincore: %v", e)
		}
		n := 0
		for _, v := range vec {
			n += int(v & 1)
		}
		return n
	}
	// A kernel before 5.14 refuses MADV_POPULATE_WRITE and qemu-user
	// accepts it without populating anything: there prefault cannot work,
	// and the test has nothing to check.
	probe, err := unix.Mmap(-1, 0, pageSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(probe)
	if err := unix.Madvise(probe, unix.MADV_POPULATE_WRITE); err != nil || resident(probe) != 1 {
		t.Skipf("MADV_POPULATE_WRITE does not populate here (err %v)", err)
	}
	c := newCache(t, Config{ChunkBytes: 4 * populateStep, MaxCodeBytes: 4 * populateStep})
	for _, tc := range []struct {
		pages    int
		populate int // the chunk's prefaulted bytes after the region
	}{
		{1, populateStep},
		{2, populateStep},
		{populateStep/pageSize + 1, 2 * populateStep}, // (past the first step: the next)
	} {
		c.mu.Lock()
		r, err := c.allocLocked(tc.pages * pageSize)
		c.mu.Unlock()
		if err != nil {
			t.Fatal(err)
		}
		if got := resident(r.mem); got != tc.pages {
			t.Errorf("a region of %d pages has %d in memory before it is written", tc.pages, got)
		}
		if ch := r.c; ch.populated != tc.populate {
			t.Errorf("after a region of %d pages at %#x: %#x bytes prefaulted, want %#x", tc.pages, r.off, ch.populated, tc.populate)
		}
	}
}
