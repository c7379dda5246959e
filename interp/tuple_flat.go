package interp

import "unsafe"

// Tuples the collector never scans (issue 10).
//
// A tuple of ints, floats, bools and None (a grid position, an 8-puzzle
// state, a dict key of numbers) holds no Go pointer except its items
// slice, which points into its own allocation. newFlatTuple allocates
// such a tuple as pointer-free memory: Go's allocator then writes no heap
// bitmap for it, and the collector marks it without scanning its items
// (bfs keeps 126 thousand 9-tuples of 320 bytes live in its depth dict).
//
// This is sound because a tuple never changes once built: its items are
// filled by the builder right after newFlatTuple with tags and bits only
// (Val.O stays nil), and the only pointer in it, items, refers to the
// allocation itself, which whoever reaches the tuple already keeps alive.
// Never store an object into a flat tuple's items: the collector would
// not see it. newTuple is the allocator for tuples that may hold objects.

// flatTupleMax is the largest tuple newFlatTuple makes in one piece.
const flatTupleMax = 12

// newFlatTuple is a tuple of n zero items (n >= 1) that the caller fills
// with non-object Vals only.
func newFlatTuple(n int) *Tuple {
	// Each case allocates tupleIn[[n]Val]'s size in words (Tuple is 4
	// words, a Val 4: TestFlatTupleSizes) as a pointer-free array.
	var p unsafe.Pointer
	switch n {
	case 1:
		p = unsafe.Pointer(new([4 + 4*1]uint64))
	case 2:
		p = unsafe.Pointer(new([4 + 4*2]uint64))
	case 3:
		p = unsafe.Pointer(new([4 + 4*3]uint64))
	case 4:
		p = unsafe.Pointer(new([4 + 4*4]uint64))
	case 5:
		p = unsafe.Pointer(new([4 + 4*5]uint64))
	case 6:
		p = unsafe.Pointer(new([4 + 4*6]uint64))
	case 7:
		p = unsafe.Pointer(new([4 + 4*7]uint64))
	case 8:
		p = unsafe.Pointer(new([4 + 4*8]uint64))
	case 9:
		p = unsafe.Pointer(new([4 + 4*9]uint64))
	case 10:
		p = unsafe.Pointer(new([4 + 4*10]uint64))
	case 11:
		p = unsafe.Pointer(new([4 + 4*11]uint64))
	case 12:
		p = unsafe.Pointer(new([4 + 4*12]uint64))
	default:
		return newTuple(n)
	}
	t := (*Tuple)(p)
	// The items start right after the Tuple header, as tupleIn lays
	// them out.
	t.items = unsafe.Slice((*Val)(unsafe.Add(p, unsafe.Sizeof(Tuple{}))), n)
	return t
}

// flatPair is the tuple (a, b) of two non-object values.
func flatPair(a, b Val) *Tuple {
	t := newFlatTuple(2)
	t.items[0].T, t.items[0].B = a.T, a.B
	t.items[1].T, t.items[1].B = b.T, b.B
	return t
}
