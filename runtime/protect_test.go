package jit

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// mapping is one line of /proc/self/maps: [lo, hi) and its permissions.
type mapping struct {
	lo, hi uintptr
	perms  string
}

func readMaps(t *testing.T) []mapping {
	t.Helper()
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		t.Skipf("no /proc/self/maps: %v", err)
	}
	defer f.Close()
	var ms []mapping
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok || len(fields) < 2 {
			continue
		}
		a, err1 := strconv.ParseUint(lo, 16, 64)
		b, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad maps line %q", sc.Text())
		}
		ms = append(ms, mapping{uintptr(a), uintptr(b), fields[1]})
	}
	return ms
}

// permsAt is the permissions ("r-xp") of the page at p.
func permsAt(t *testing.T, ms []mapping, p uintptr) string {
	t.Helper()
	for _, m := range ms {
		if m.lo <= p && p < m.hi {
			return m.perms
		}
	}
	t.Fatalf("%#x is not mapped", p)
	return ""
}

// checkPages checks every page of every chunk of c: a page that can run
// (executable) is not writable; the pages of a live trace can run; free
// pages cannot.
func checkPages(t *testing.T, c *Cache, live []*Trace, when string) {
	t.Helper()
	ms := readMaps(t)
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ch := range c.chunks {
		base := uintptr(unsafe.Pointer(&ch.mem[0]))
		for off := 0; off < len(ch.mem); off += pageSize {
			if p := permsAt(t, ms, base+uintptr(off)); p[1] == 'w' && p[2] == 'x' {
				t.Fatalf("%s: page %#x of a chunk is %s: writable and executable", when, off, p)
			}
		}
		for _, s := range ch.free {
			for off := s.off; off < s.off+s.size; off += pageSize {
				if p := permsAt(t, ms, base+uintptr(off)); p[2] == 'x' {
					t.Errorf("%s: free page %#x is %s, want it not executable", when, off, p)
				}
			}
		}
	}
	for i, tr := range live {
		r := tr.region
		for off := 0; off < len(r.mem); off += pageSize {
			if p := permsAt(t, ms, r.addr()+uintptr(off)); p[:3] != "r-x" {
				t.Errorf("%s: page %#x of live trace %d is %s, want r-x", when, off, i, p)
			}
		}
	}
}

// TestCodePageProtections follows the pages of one chunk through
// compiles, frees, the scrub that takes freed pages back and their reuse:
// W^X holds for every page at every step, live code stays executable and
// free pages never are (a jump into them faults).
func TestCodePageProtections(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/maps")
	}
	c := newCache(t, Config{ChunkBytes: 1 << 16, MaxCodeBytes: 1 << 16})
	if len(c.chunks) > 0 && c.chunks[0].jit {
		t.Skip("MAP_JIT chunks are executable throughout")
	}
	var live []*Trace
	compile := func() *Trace {
		tr, err := c.Compile(sumLoop())
		if err != nil {
			t.Fatal(err)
		}
		frame := ints(0, 10, 0)
		if ec := tr.Run(&templates.State{Budget: 1 << 30}, frame); ec != templates.MakeExitCode(templates.ExitEnd, 9) || frame[2].Bits != 45 {
			t.Fatalf("exit %v, sum %d, want 45", ec, frame[2].Bits)
		}
		return tr
	}
	live = append(live, compile(), compile())
	checkPages(t, c, live, "after two compiles")
	if err := live[0].Free(); err != nil {
		t.Fatal(err)
	}
	live = live[1:]
	checkPages(t, c, live, "after a free")
	// Compile and free until the chunk's free pages run out: the stale
	// pages are scrubbed (read-write again) and reused.
	for i := 0; i < 40; i++ {
		tr := compile()
		checkPages(t, c, append(live, tr), "after compiling into reused pages")
		if err := tr.Free(); err != nil {
			t.Fatal(err)
		}
	}
	if m := c.Stats().MappedBytes; m != 1<<16 {
		t.Errorf("mapped %d bytes, want one chunk: freed pages were not reused", m)
	}
	checkPages(t, c, live, "at the end")
}
