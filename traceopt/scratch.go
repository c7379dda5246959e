package traceopt

import (
	"sync"
	"unsafe"
)

// The dataflow passes keep a row of facts per instruction (types, tags,
// available expressions), and a bridge recompiles the whole trace with all
// of them: fresh rows every pass were most of what the optimizer
// allocated, and in a short run every allocation is a fresh page the
// kernel faults in (Go reuses memory only after a collection). The rows
// come from a pool instead, reused from one pass and one compile to the
// next.

// scratch is one pass's reusable memory.
type scratch struct {
	bytes   []uint8
	words   []uint64
	reached []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func (s *scratch) put() { scratchPool.Put(s) }

// byteRows returns n rows of width bytes (Type, tag bytes), their
// contents undefined, and n reached flags, all false.
func byteRows[E ~uint8](s *scratch, n, width int) ([][]E, []bool) {
	need := n * width
	if cap(s.bytes) < need {
		s.bytes = make([]uint8, need+need/4)
	}
	// (The one backing array serves every byte-sized element type.)
	back := unsafe.Slice((*E)(unsafe.Pointer(unsafe.SliceData(s.bytes))), need)
	return cut[[]E](back, n, width), s.flags(n)
}

// wordRows is byteRows for rows of 64-bit words (factSet).
func wordRows[R ~[]uint64](s *scratch, n, width int) ([]R, []bool) {
	need := n * width
	if cap(s.words) < need {
		s.words = make([]uint64, need+need/4)
	}
	return cut[R](s.words[:need], n, width), s.flags(n)
}

// cut slices back into n rows of width elements.
func cut[R ~[]E, E any](back []E, n, width int) []R {
	rows := make([]R, n)
	for i := range rows {
		rows[i] = R(back[i*width : (i+1)*width : (i+1)*width])
	}
	return rows
}

func (s *scratch) flags(n int) []bool {
	if cap(s.reached) < n {
		s.reached = make([]bool, n+n/4)
	}
	r := s.reached[:n]
	clear(r)
	return r
}
