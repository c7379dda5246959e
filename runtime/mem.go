package jit

import (
	"fmt"
	"unsafe"
)

// chunk is one mapping of code memory. Its pages are read-write (never
// executable) while free and while a region is being written, read-execute
// once sealed; or, when mapped MAP_JIT, executable except for the one
// thread writing a region, between beginWrite and endWrite. (Free pages
// were PROT_NONE, opened read-write for each region: one mprotect a
// compile, 10-40 µs each on this virtual machine, for pages that no
// permission check needs. A jump into a free page faults either way.)
type chunk struct {
	mem  []byte
	jit  bool   // mapped MAP_JIT (darwin/arm64): writable per thread, no mprotect
	free []span // free page runs, sorted by offset, coalesced
	// stale are page runs freed but left as they were (read-execute):
	// taking a permission away is a TLB shootdown, 50-150 µs of a
	// virtual machine's time, which a JIT that frees a trace at every
	// recompile paid each time. They go back to read-write, a run of
	// them at a time, only when no free run fits (scrubLocked).
	stale []span
	used  int // bytes allocated to regions
	// populated is how far from the chunk's start its pages are in
	// memory (prefaulted, or written by a region): a region of several
	// new pages is prefaulted in one madvise, not a fault a page.
	populated int
	// slots are the link slots of the chunk's exit stubs, on its last
	// page (linkslots.go), or nil.
	slots *slotPage
}

// minPrefault is the fewest new pages a region prefaults. A one-page
// region faults its page in as it is written: on this virtual machine
// (2026-12-04) MADV_POPULATE_WRITE costs what a fault does a page (1.6
// against 1.6 µs, median of 41) plus the call, and prefaulting 64 KiB
// ahead of the first compile cost the numeric programs' first compile
// 20-50 µs for pages most never use (spectral_norm writes 5).
const minPrefault = 2

type span struct{ off, size int }

// region is a run of pages that holds the traces of one batch. It is freed
// when its last trace is.
type region struct {
	c    *chunk
	off  int
	mem  []byte
	refs int // live traces in it; guarded by Cache.mu
}

func (r *region) addr() uintptr { return uintptr(unsafe.Pointer(&r.mem[0])) }

// beginWrite and endWrite bracket the writes to a region: per-thread write
// permission for MAP_JIT chunks; nothing for mprotect ones (opened RW).
func (r *region) beginWrite() {
	if r.c.jit {
		beginJITWrite()
	}
}

func (r *region) endWrite() {
	if r.c.jit {
		endJITWrite()
	}
}

// seal makes a written region executable (and no longer writable).
func (r *region) seal() error {
	if r.c.jit {
		return nil
	}
	if err := protect(r.mem, protRX); err != nil {
		return fmt.Errorf("jit: mprotect RX: %w", err)
	}
	return nil
}

func roundUp(n, a int) int { return (n + a - 1) &^ (a - 1) }

// allocLocked returns a read-write region of n bytes (a multiple of the page
// size), reusing free pages before mapping a new chunk. It fails with
// ErrCodeLimit when a new chunk would take the mapped total past the limit.
func (c *Cache) allocLocked(n int) (*region, error) {
	for try := 0; try < 2; try++ {
		for _, ch := range c.chunks {
			for i, s := range ch.free {
				if s.size < n {
					continue
				}
				if s.size == n {
					ch.free = append(ch.free[:i], ch.free[i+1:]...)
				} else {
					ch.free[i] = span{s.off + n, s.size - n}
				}
				return c.openLocked(ch, s.off, n)
			}
		}
		if !c.scrubLocked() {
			break
		}
	}
	mem, jit, reserve, err := c.mapChunk(n)
	if err != nil {
		return nil, err
	}
	ch := &chunk{mem: mem, jit: jit}
	end := len(mem) - reserve
	if reserve > 0 {
		ch.slots = newSlotPage(mem[end:])
	}
	if n < end {
		ch.free = []span{{n, end - n}}
	}
	c.chunks = append(c.chunks, ch)
	c.mapped += len(mem)
	return c.openLocked(ch, 0, n)
}

// mapChunk maps a chunk with room for a region of n bytes, and the bytes
// at its end set aside for link slots.
func (c *Cache) mapChunk(n int) ([]byte, bool, int, error) {
	reserve := slotReserve(c.cfg.ChunkBytes, false)
	size := max(c.cfg.ChunkBytes, n+reserve)
	if c.mapped+size > c.cfg.MaxCodeBytes {
		return nil, false, 0, ErrCodeLimit
	}
	mem, jit := mapJIT(size)
	if !jit {
		var err error
		if mem, err = mapRW(size); err != nil {
			return nil, false, 0, fmt.Errorf("jit: mapping %d bytes of code memory: %w", size, err)
		}
	}
	if jit {
		reserve = 0
	}
	return mem, jit, reserve, nil
}

// openLocked makes free pages [off, off+n) of ch a region: they are
// writable already (free pages are read-write).
func (c *Cache) openLocked(ch *chunk, off, n int) (*region, error) {
	r := &region{c: ch, off: off, mem: ch.mem[off : off+n : off+n]}
	ch.used += n
	if end := off + n; end > ch.populated {
		// (The pages below off that no region used yet come too: they
		// are next.)
		if end-ch.populated >= minPrefault*pageSize {
			prefault(ch.mem[ch.populated:end])
		}
		ch.populated = end
	}
	return r, nil
}

// releaseLocked returns a region's pages. They stay as they were (a stale
// jump into them runs the freed code) until their room is needed, then
// become read-write, not executable, until reused; a chunk with nothing left in it is
// unmapped (but one empty chunk is kept).
func (c *Cache) releaseLocked(r *region) {
	ch := r.c
	ch.used -= len(r.mem)
	if ch.used == 0 && c.spareLocked(ch) {
		for i, x := range c.chunks {
			if x == ch {
				c.chunks = append(c.chunks[:i], c.chunks[i+1:]...)
				break
			}
		}
		c.mapped -= len(ch.mem)
		unmap(ch.mem)
		return
	}
	if ch.jit {
		c.putSpanLocked(ch, span{r.off, len(r.mem)})
		return
	}
	ch.stale = addSpan(ch.stale, span{r.off, len(r.mem)})
}

// scrubLocked makes the stale runs of every chunk read-write (no longer
// executable) and free, one mprotect a run (runs freed one after another
// are one). It reports whether there were any. A run whose protection
// cannot change stays stale, out of use.
func (c *Cache) scrubLocked() bool {
	found := false
	for _, ch := range c.chunks {
		keep := ch.stale[:0]
		for _, s := range ch.stale {
			if err := protect(ch.mem[s.off:s.off+s.size], protRW); err != nil {
				keep = append(keep, s)
				continue
			}
			c.putSpanLocked(ch, s)
			found = true
		}
		ch.stale = keep
	}
	return found
}

// spareLocked reports whether the empty chunk ch may be unmapped: another
// empty chunk of the default size stays mapped, so a cache that compiles
// and frees in turn does not map, fault in and unmap pages every time.
func (c *Cache) spareLocked(ch *chunk) bool {
	if len(ch.mem) != c.cfg.ChunkBytes {
		return true
	}
	for _, x := range c.chunks {
		if x != ch && x.used == 0 && len(x.mem) == c.cfg.ChunkBytes {
			return true
		}
	}
	return false
}

func (c *Cache) putSpanLocked(ch *chunk, s span) { ch.free = addSpan(ch.free, s) }

// addSpan adds s to runs, sorted by offset, coalesced with its neighbours.
func addSpan(runs []span, s span) []span {
	i := 0
	for i < len(runs) && runs[i].off < s.off {
		i++
	}
	runs = append(runs, span{})
	copy(runs[i+1:], runs[i:])
	runs[i] = s
	if i+1 < len(runs) && runs[i].off+runs[i].size == runs[i+1].off {
		runs[i].size += runs[i+1].size
		runs = append(runs[:i+1], runs[i+2:]...)
	}
	if i > 0 && runs[i-1].off+runs[i-1].size == runs[i].off {
		runs[i-1].size += runs[i].size
		runs = append(runs[:i], runs[i+1:]...)
	}
	return runs
}
