package jit

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestRegionsPrefaulted checks that the pages of a region of several new
// pages are in memory before anything is written to them (one madvise,
// not a fault a page), that a one-page region is left to fault its page
// in, and that no page past a region is prefaulted.
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
	c := newCache(t, Config{ChunkBytes: 16 * pageSize, MaxCodeBytes: 16 * pageSize})
	end := 0
	for _, tc := range []struct {
		pages    int
		resident int // the region's pages in memory before it is written
	}{
		{1, 0},
		{2, 2},
		{1, 0},
		{minPrefault + 1, minPrefault + 1},
	} {
		c.mu.Lock()
		r, err := c.allocLocked(tc.pages * pageSize)
		c.mu.Unlock()
		if err != nil {
			t.Fatal(err)
		}
		if got := resident(r.mem); got != tc.resident {
			t.Errorf("a region of %d pages has %d in memory before it is written, want %d", tc.pages, got, tc.resident)
		}
		end += tc.pages * pageSize
		if ch := r.c; ch.populated != end || r.off+len(r.mem) != end {
			t.Errorf("after a region of %d pages at %#x: %#x bytes counted in memory, want %#x", tc.pages, r.off, ch.populated, end)
		}
		if rest := r.c.mem[end:]; resident(rest) != 0 {
			t.Errorf("after a region of %d pages: %d pages past it in memory", tc.pages, resident(rest))
		}
		r.mem[0] = 1 // (written, as a compile writes it)
	}
}
