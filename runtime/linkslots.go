package jit

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"sync/atomic"
	"unsafe"
)

// Link slots: exit stubs that jump through a writable word, so that
// linking a bridge (PatchExits) stores one word instead of opening the
// parent's code page for writing and sealing it again. Each of those two
// protection changes takes a permission away (a TLB shootdown): measured
// here, 8-18 µs a link, levenshtein's five links 45-90 µs of its ~1.4 ms
// of JIT work.
//
// On x86-64 each exit stub starts with `jmp *slot(%rip)` (ff 25 disp32),
// its slot a word on the last page of the stub's chunk, which stays
// read-write and is never executable (W^X holds: native code reads the
// word, it never runs it). The slot holds the address of the exit stencil
// right after the jump until a bridge is linked there. A stub that found no
// free slot gets a 6-byte no-op instead and is linked the old way.
// Elsewhere (arm64: a literal load reaches only ±1 MiB, and MAP_JIT chunks
// need no protection change anyway) stubs are as before.

// linkJumpSize is the bytes each stub's slot jump (or no-op) takes.
const linkJumpSize = 6

// linkSlots says whether plans give exit stubs slot jumps (tests turn it
// off to exercise the old layout).
var linkSlots = runtime.GOARCH == "amd64"

// nop6 is the no-op a stub without a slot starts with.
var nop6 = [linkJumpSize]byte{0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00}

// slotPage is a chunk's page of link slots and which of them are taken.
type slotPage struct {
	mem  []byte // the chunk's first page: read-write for the chunk's life
	used []uint64
}

func newSlotPage(mem []byte) *slotPage {
	return &slotPage{mem: mem, used: make([]uint64, (len(mem)/8+63)/64)}
}

// take returns a free slot's index, or -1 when none is left.
func (s *slotPage) take() int32 {
	for w, u := range s.used {
		if u == ^uint64(0) {
			continue
		}
		b := bits.TrailingZeros64(^u)
		i := w*64 + b
		if i >= len(s.mem)/8 {
			return -1
		}
		s.used[w] |= 1 << b
		return int32(i)
	}
	return -1
}

func (s *slotPage) put(i int32) { s.used[i/64] &^= 1 << (i % 64) }

// word is slot i as native code reads it.
func (s *slotPage) word(i int32) *uint64 {
	return (*uint64)(unsafe.Pointer(&s.mem[8*int(i)]))
}

// minSlotChunk is the smallest chunk size (Config.ChunkBytes) that sets a
// page aside for link slots: tests' tiny caches, a page or a few, keep
// all their pages for code.
const minSlotChunk = 16

// slotReserve is the bytes a new chunk sets aside for link slots, when
// chunks are chunkBytes long.
func slotReserve(chunkBytes int, jit bool) int {
	if !linkSlots || jit || chunkBytes < minSlotChunk*pageSize {
		return 0
	}
	return pageSize
}

// takeSlotsLocked gives each of the plans' exit sites a slot of r's chunk
// where one is free (-1 where not).
func (c *Cache) takeSlotsLocked(r *region, plans []*plan) {
	sp := r.c.slots
	for _, p := range plans {
		if !p.slotJumps {
			continue
		}
		p.slots = make([]int32, p.sites)
		for k := range p.slots {
			p.slots[k] = -1
			if sp != nil {
				p.slots[k] = sp.take()
			}
		}
	}
}

// putSlotsLocked frees the slots of a trace being dropped.
func (t *Trace) putSlotsLocked() {
	sp := t.region.c.slots
	for _, s := range t.slots {
		if s >= 0 {
			sp.put(s)
		}
	}
	t.slots = nil
}

// writeLinkJump writes exit site k's slot jump at mem[off:] (its run-time
// address at), its slot pointing at the exit stencil after it; or the
// no-op when the site has no slot.
func (p *plan) writeLinkJump(mem []byte, off int, at uint64, sp *slotPage, k int) {
	if k >= len(p.slots) || p.slots[k] < 0 || sp == nil {
		copy(mem[off:off+linkJumpSize], nop6[:])
		return
	}
	s := p.slots[k]
	slotAddr := uint64(uintptrOf(sp.mem)) + 8*uint64(s)
	disp := int64(slotAddr) - int64(at+linkJumpSize)
	mem[off], mem[off+1] = 0xff, 0x25 // jmp *disp32(%rip)
	binary.LittleEndian.PutUint32(mem[off+2:], uint32(int32(disp)))
	atomic.StoreUint64(sp.word(s), at+linkJumpSize)
}

// linkSlot stores target in the slot of exit site k (exitSites' order),
// if it has one, and reports whether it did.
func (t *Trace) linkSlot(k int, target uint64) bool {
	if k >= len(t.slots) || t.slots[k] < 0 {
		return false
	}
	atomic.StoreUint64(t.region.c.slots.word(t.slots[k]), target)
	return true
}
