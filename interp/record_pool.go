package interp

import (
	"maps"

	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// mapPool hands out maps that live as long as one recording: copies of
// the recorder's maps kept for an inner loop's side paths (afterLoop),
// the slot sets of side paths and inlined frames. Reset at the start of the next recording, its maps are
// cleared and filled again, not made anew: every recording cloning its
// own filled fresh pages, which in a short run are all faulted in.
type mapPool[K comparable, V any] struct {
	maps []map[K]V
	used int
}

// copyOf returns a map of the pool holding what src does (nil for nil),
// which stays the caller's until the pool is reset.
func (p *mapPool[K, V]) copyOf(src map[K]V) map[K]V {
	if src == nil {
		return nil
	}
	if p.used < len(p.maps) {
		m := p.maps[p.used]
		p.used++
		clear(m)
		maps.Copy(m, src)
		return m
	}
	m := maps.Clone(src)
	p.maps = append(p.maps, m)
	p.used++
	return m
}

// reset makes every map of the pool free again: nothing reads the maps
// handed out since the last reset.
func (p *mapPool[K, V]) reset() { p.used = 0 }

// empty returns an empty map of the pool, the caller's until the reset.
func (p *mapPool[K, V]) empty() map[K]V {
	if p.used < len(p.maps) {
		m := p.maps[p.used]
		p.used++
		clear(m)
		return m
	}
	m := map[K]V{}
	p.maps = append(p.maps, m)
	p.used++
	return m
}

// recPools are the pools of a recorder's short-lived maps, given back
// with recMaps (release) for the next recording.
type recPools struct {
	known   mapPool[int32, traceopt.Type]
	cval    mapPool[int32, templates.Value]
	shapes  mapPool[int32, *Shape]
	objects mapPool[int32, Val]
	iters   mapPool[int32, virtualIter]
	slots   mapPool[int32, bool]
}

func (p *recPools) reset() {
	p.known.reset()
	p.cval.reset()
	p.shapes.reset()
	p.objects.reset()
	p.iters.reset()
	p.slots.reset()
}

// refill makes dst hold what src does, in place.
func refill[K comparable, V any](dst, src map[K]V) {
	clear(dst)
	maps.Copy(dst, src)
}
