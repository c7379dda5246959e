package stencilgen

import (
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/copypatch/copypatch/relocs"
)

// InspectSchema names the JSON layout `stencilgen inspect --json` prints. A
// change that breaks readers gets a new name.
const InspectSchema = "copypatch.stencils/v1"

// InspectDoc is the JSON document: every selected stencil of every selected
// target, targets in Targets order, stencils in template-name order.
type InspectDoc struct {
	Schema   string        `json:"schema"`   // InspectSchema
	Clang    string        `json:"clang"`    // version that built the stencils
	Stencils []InspectItem `json:"stencils"` //
}

// InspectItem is one stencil.
type InspectItem struct {
	Name      string        `json:"name"`       // uop name, "int_add"
	Target    string        `json:"target"`     // "linux/amd64"
	Code      string        `json:"code"`       // machine code, lower-case hex, holes zeroed
	Data      string        `json:"data"`       // read-only data and GOT slots, hex ("" if none)
	DataAlign uint32        `json:"data_align"` // alignment the data needs
	Holes     []InspectHole `json:"holes"`      // sorted by section, then offset
}

// InspectHole is one hole.
type InspectHole struct {
	Section string `json:"section"` // "code" or "data"
	Offset  uint32 `json:"offset"`  // byte offset in that section
	Kind    string `json:"kind"`    // relocs.Kind name: how to patch ("x86_got_load")
	Value   string `json:"value"`   // relocs.Value name: what goes in ("operand0")
	Symbol  string `json:"symbol"`  // the symbol the relocation named
	Addend  int64  `json:"addend"`  // added to the value (PC-relative kinds include the PC bias)
	GOT     int32  `json:"got"`     // data offset of the GOT slot, or -1
}

// InspectJSON builds the JSON document for stencils.
func InspectJSON(clang string, targets []*TargetStencils, keep func(name string) bool) InspectDoc {
	doc := InspectDoc{Schema: InspectSchema, Clang: clang, Stencils: []InspectItem{}}
	for _, ts := range targets {
		for _, s := range ts.Stencils {
			if !keep(s.Name) {
				continue
			}
			item := InspectItem{
				Name: s.Name, Target: ts.Target.Name(),
				Code: hex.EncodeToString(s.Code), Data: hex.EncodeToString(s.Data),
				DataAlign: s.DataAlign, Holes: []InspectHole{},
			}
			for _, h := range s.Holes {
				item.Holes = append(item.Holes, InspectHole{
					Section: h.Section.String(), Offset: h.Offset, Kind: h.Kind.String(),
					Value: h.Value.String(), Symbol: h.Symbol, Addend: h.Addend, GOT: h.GOT,
				})
			}
			doc.Stencils = append(doc.Stencils, item)
		}
	}
	return doc
}

// InspectText writes a stencil's disassembly with its holes marked.
func InspectText(w io.Writer, t Target, s relocs.Stencil) {
	fmt.Fprintf(w, "%s %s: %d code bytes, %d data bytes, %d holes\n", t.Name(), s.Name, len(s.Code), len(s.Data), len(s.Holes))
	for _, in := range Disassemble(t.RArch, s.Code) {
		line := fmt.Sprintf("  %4x:  %-24s %s", in.Off, hex.EncodeToString(s.Code[in.Off:in.Off+in.Len]), in.Text)
		if notes := holesIn(s.Holes, relocs.Code, in.Off, in.Len); len(notes) > 0 {
			line = fmt.Sprintf("%-72s ; hole: %s", line, strings.Join(notes, ", "))
		}
		fmt.Fprintln(w, line)
	}
	for off := 0; off < len(s.Data); off += 8 {
		end := min(off+8, len(s.Data))
		line := fmt.Sprintf("  data+%-3x %s", off, hex.EncodeToString(s.Data[off:end]))
		if notes := holesIn(s.Holes, relocs.Data, off, end-off); len(notes) > 0 {
			line = fmt.Sprintf("%-72s ; hole: %s", line, strings.Join(notes, ", "))
		}
		fmt.Fprintln(w, line)
	}
}
