package interp

import "unsafe"

// Int keys: graphs' distance and level tables, memo tables and counters
// are dicts keyed by small ints, looked up from the dispatch loop.
// find's general path costs a call of containerHash, a pack of the key
// and the last-hit check on every probe; an int key needs none of them.

// findInt is find for the int whose bits are b (hash h): an entry holding
// that very int answers, and only an entry of equal hash holding
// something else (a float, a bool, an instance with __eq__) needs find's
// comparisons.
func (d *Dict) findInt(b uint64, h int64) int {
	index := d.index
	if index == nil {
		return -1
	}
	pk := pval{uintptr(b), unsafe.Pointer(&tagMarks[tagInt])}
	mask := uint64(len(index) - 1)
	tag := indexTag(h, mask)
	perturb := uint64(h)
	for i := uint64(h) & mask; ; {
		ix := index[i]
		if ix == slotFree {
			return -1
		}
		if ix > 0 && uint32(ix)&^uint32(mask) == tag {
			j := int(ix&int32(mask)) - 1
			if e := &d.entries[j]; e.h == h {
				if e.k == pk {
					return j
				}
				return d.find(Val{T: tagInt, B: b}, h)
			}
		}
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
}

// getInt is get for the int whose bits are b.
func (d *Dict) getInt(b uint64) (Val, bool) {
	if i := d.findInt(b, pyIntHash(int64(b))); i >= 0 {
		return d.entries[i].val(), true
	}
	return Val{}, false
}

// setInt is set for the int whose bits are b.
func (d *Dict) setInt(b uint64, v Val) error {
	k := Val{T: tagInt, B: b}
	h := pyIntHash(int64(b))
	if d.glive != nil {
		return d.setHashed(k, h, v)
	}
	if i := d.findInt(b, h); i >= 0 {
		d.entries[i].v = pack(v)
		return nil
	}
	return d.insertHashed(k, h, v)
}
