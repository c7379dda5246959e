package stencilgen

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/relocs"
)

// writeEmitters renders Emitters: for each stencil whose holes all have a
// fast path (relocs.Fixup.Fast), a function that copies the stencil and
// patches each hole with straight-line calls to relocs' Put functions,
// which the compiler inlines. It spares a JIT the per-hole loop and
// dispatch of relocs.Fixup.Apply; a stencil without an emitter, or an
// emitter that reports false, goes through Apply.
func writeEmitters(b *bytes.Buffer, stencils []relocs.Stencil) error {
	var funcs bytes.Buffer
	var table []string
	for _, s := range stencils {
		body, ok, err := emitterBody(s)
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		if !ok {
			continue
		}
		name := "emit" + strings.TrimPrefix(opIdent(s.Name), "Op")
		table = append(table, fmt.Sprintf("%s: %s,\n", opIdent(s.Name), name))
		fmt.Fprintf(&funcs, "\nfunc %s(code, data []byte, v *[relocs.NumValues]uint64, pc, pd uint64) bool {\n%s}\n", name, body)
	}
	b.WriteString("\n// Emitters holds, per Op, the stencil's copy-and-patch specialised through\n")
	b.WriteString("// relocs' fast paths, or nil where a hole has none (see relocs.Emitter).\n")
	b.WriteString("var Emitters = [NumOps]relocs.Emitter{\n")
	for _, line := range table {
		b.WriteString(line)
	}
	b.WriteString("}\n")
	b.Write(funcs.Bytes())
	return nil
}

// emitterBody is the Go body of one stencil's emitter, or false when a hole
// has no fast path.
func emitterBody(s relocs.Stencil) (string, bool, error) {
	var words, chain []string
	covered := make([]bool, len(s.Data))
	for _, h := range s.Holes {
		buf, bufName, addr := s.Code, "code", "pc"
		if h.Section == relocs.Data {
			buf, bufName, addr = s.Data, "data", "pd"
		}
		f, err := relocs.NewFixup(h.Kind, buf, int(h.Offset), h.Addend)
		if err != nil {
			return "", false, fmt.Errorf("hole %s at %v+%#x: %w", h.Symbol, h.Section, h.Offset, err)
		}
		val := "v[relocs." + valueIdents[h.Value] + "]"
		fast := f.Fast()
		place := fmt.Sprintf("%s+%#x", addr, h.Offset)
		switch fast.Form {
		case relocs.FastAbs64:
			words = append(words, fmt.Sprintf("relocs.PutAbs64(%s, %#x, %s, %d)\n", bufName, h.Offset, val, h.Addend))
			if h.Section == relocs.Data {
				for k := int(h.Offset); k < int(h.Offset)+8; k++ {
					covered[k] = true
				}
			}
		case relocs.FastImm32:
			chain = append(chain, fmt.Sprintf("relocs.PutImm32(%s, %#x, %#x, %s)", bufName, h.Offset, fast.Pattern, val))
		case relocs.FastAbs32S:
			chain = append(chain, fmt.Sprintf("relocs.PutAbs32S(%s, %#x, %s, %d)", bufName, h.Offset, val, h.Addend))
		case relocs.FastRel32:
			chain = append(chain, fmt.Sprintf("relocs.PutRel32(%s, %#x, %s, %s, %d)", bufName, h.Offset, place, val, h.Addend))
		case relocs.FastA64Imm16:
			chain = append(chain, fmt.Sprintf("relocs.PutA64Imm16(%s, %#x, %#x, %s, %s)", bufName, h.Offset, fast.Pattern, place, val))
		case relocs.FastA64Branch26:
			chain = append(chain, fmt.Sprintf("relocs.PutA64Branch26(%s, %#x, %#x, %s, %s%s)", bufName, h.Offset, fast.Pattern, place, val, addendText(h.Addend)))
		case relocs.FastA64Page:
			target := val + addendText(h.Addend)
			if h.Kind == relocs.A64GOTPage21 {
				target = fmt.Sprintf("pd+%#x", h.GOT)
			}
			chain = append(chain, fmt.Sprintf("relocs.PutA64Page(%s, %#x, %#x, %s, %s)", bufName, h.Offset, fast.Pattern, place, target))
		default:
			return "", false, nil
		}
	}
	var b strings.Builder
	op := opIdent(s.Name)
	fmt.Fprintf(&b, "code = code[:%d:%d]\n", len(s.Code), len(s.Code))
	fmt.Fprintf(&b, "copy(code, Stencils[%s].Code)\n", op)
	if len(s.Data) > 0 {
		fmt.Fprintf(&b, "data = data[:%d:%d]\n", len(s.Data), len(s.Data))
		allCovered := true
		for _, c := range covered {
			allCovered = allCovered && c
		}
		if !allCovered {
			fmt.Fprintf(&b, "copy(data, Stencils[%s].Data)\n", op)
		}
	}
	for _, w := range words {
		b.WriteString(w)
	}
	if len(chain) == 0 {
		b.WriteString("return true\n")
	} else {
		b.WriteString("return " + strings.Join(chain, " &&\n") + "\n")
	}
	return b.String(), true, nil
}

func addendText(a int64) string {
	switch {
	case a > 0:
		return fmt.Sprintf("+%d", a)
	case a < 0:
		return fmt.Sprintf("-%d", -a)
	}
	return ""
}
