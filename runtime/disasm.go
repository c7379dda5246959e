package jit

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/arch/arm64/arm64asm"
	"golang.org/x/arch/x86/x86asm"
)

// Disassemble lists the trace's machine code as it sits in memory, patched,
// one instruction a line, with a header above each uop and exit stub.
func Disassemble(t *Trace) string {
	var b strings.Builder
	if !t.Valid() {
		return "(freed trace)\n"
	}
	codeEnd := t.code
	if t.veneer > 0 {
		codeEnd = t.veneer
	}
	for i := range t.starts {
		end := codeEnd
		if i+1 < len(t.starts) {
			end = int(t.starts[i+1])
		}
		if i < len(t.ops) {
			fmt.Fprintf(&b, "; uop %d: %s\n", i, t.cache.table.set.Name(t.ops[i]))
		} else {
			fmt.Fprintf(&b, "; exit stub: exit index %d\n", t.stubs[i-len(t.ops)])
		}
		for off := int(t.starts[i]); off < end; {
			n, text := decode(t.mem[off:end], uint64(t.addr(off)))
			fmt.Fprintf(&b, "%#x\t%x\t%s\n", t.addr(off), t.mem[off:off+n], text)
			off += n
		}
	}
	if t.veneer > 0 {
		b.WriteString("; veneers\n")
		for off := t.veneer; off+veneerSize <= t.code; off += veneerSize {
			var text []string
			for i := off; i < off+veneerTarget; {
				n, s := decode(t.mem[i:off+veneerTarget], uint64(t.addr(i)))
				text = append(text, s)
				i += n
			}
			target := binary.LittleEndian.Uint64(t.mem[off+veneerTarget:])
			fmt.Fprintf(&b, "%#x\t%x\t%s; .quad %#x\n", t.addr(off), t.mem[off:off+veneerSize], strings.Join(text, "; "), target)
		}
	}
	return b.String()
}

func decode(code []byte, pc uint64) (int, string) {
	switch runtime.GOARCH {
	case "amd64":
		in, err := x86asm.Decode(code, 64)
		if err != nil {
			return 1, "?"
		}
		return in.Len, x86asm.GNUSyntax(in, pc, nil)
	case "arm64":
		if len(code) < 4 {
			return len(code), "?"
		}
		in, err := arm64asm.Decode(code)
		if err != nil {
			return 4, fmt.Sprintf(".word %#08x", binary.LittleEndian.Uint32(code))
		}
		return 4, arm64asm.GNUSyntax(in)
	}
	return len(code), "?"
}
