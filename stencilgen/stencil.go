package stencilgen

import (
	"fmt"
	"sort"

	"github.com/copypatch/copypatch/relocs"
)

// ObjectError is a problem with one object, named by target, template and,
// where known, the symbol and relocation type.
type ObjectError struct {
	Target   string // "linux/amd64"
	Template string // "int_add"
	Section  string
	Offset   uint64
	Symbol   string
	Reloc    string // native relocation type name
	Err      error
}

func (e *ObjectError) Error() string {
	s := e.Target + ": " + e.Template
	if e.Section != "" {
		s += fmt.Sprintf(": %s+%#x", e.Section, e.Offset)
	}
	if e.Reloc != "" {
		s += ": " + e.Reloc
	}
	if e.Symbol != "" {
		s += " against " + e.Symbol
	}
	return s + ": " + e.Err.Error()
}

func (e *ObjectError) Unwrap() error { return e.Err }

// builder assembles one stencil from an object's sections.
type builder struct {
	st      relocs.Stencil
	gotSlot map[gotKey]int32
}

type gotKey struct {
	value  relocs.Value
	symbol string
}

func newBuilder(name string) *builder {
	return &builder{st: relocs.Stencil{Name: name, DataAlign: 1}, gotSlot: map[gotKey]int32{}}
}

// addData appends a data section with its alignment and returns its offset.
func (b *builder) addData(content []byte, size, align uint64) uint32 {
	if align < 1 {
		align = 1
	}
	for uint64(len(b.st.Data))%align != 0 {
		b.st.Data = append(b.st.Data, 0)
	}
	if uint32(align) > b.st.DataAlign {
		b.st.DataAlign = uint32(align)
	}
	off := uint32(len(b.st.Data))
	b.st.Data = append(b.st.Data, content...)
	// Zero-fill sections (and any tail a short content leaves) become zeros.
	for uint64(len(b.st.Data)) < uint64(off)+size {
		b.st.Data = append(b.st.Data, 0)
	}
	return off
}

// got returns the data offset of the GOT slot for a value, allocating it
// (and the Abs64 data hole that fills it) on first use. Slots are laid out
// after all data sections, so they are allocated in finish.
func (b *builder) got(v relocs.Value, symbol string) int32 {
	k := gotKey{v, symbol}
	if off, ok := b.gotSlot[k]; ok {
		return off
	}
	off := int32(-2 - len(b.gotSlot)) // placeholder, fixed up in finish
	b.gotSlot[k] = off
	return off
}

// finish lays out GOT slots, resolves placeholders and sorts holes.
func (b *builder) finish() relocs.Stencil {
	if len(b.gotSlot) > 0 {
		keys := make([]gotKey, 0, len(b.gotSlot))
		for k := range b.gotSlot {
			keys = append(keys, k)
		}
		// Slots in a stable order: by value, then symbol.
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].value != keys[j].value {
				return keys[i].value < keys[j].value
			}
			return keys[i].symbol < keys[j].symbol
		})
		fix := map[int32]int32{}
		for _, k := range keys {
			off := int32(b.addData(make([]byte, 8), 8, 8))
			fix[b.gotSlot[k]] = off
			b.st.Holes = append(b.st.Holes, relocs.Hole{
				Section: relocs.Data, Offset: uint32(off), Kind: relocs.Abs64,
				Value: k.value, Symbol: k.symbol, GOT: -1,
			})
		}
		for i := range b.st.Holes {
			if h := &b.st.Holes[i]; h.GOT < -1 {
				h.GOT = fix[h.GOT]
			}
		}
	}
	sortHoles(b.st.Holes)
	return b.st
}

func sortHoles(holes []relocs.Hole) {
	sort.SliceStable(holes, func(i, j int) bool {
		if holes[i].Section != holes[j].Section {
			return holes[i].Section < holes[j].Section
		}
		return holes[i].Offset < holes[j].Offset
	})
}
