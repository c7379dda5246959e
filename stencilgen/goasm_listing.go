package stencilgen

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The avo backend reads what the Go assembler wrote from its -S listing
// rather than from the object file: the object format (cmd/internal/goobj)
// is internal to the Go toolchain, cannot be imported, and changes between
// releases, while -S prints, for every symbol, exactly the bytes and
// relocations the assembler puts in the object (cmd/internal/obj's
// writeSymDebug). parseListing accepts only the lines it understands
// within a symbol and fails on anything else there, so a change of format
// is a clear error rather than wrong stencils, and `stencilgen verify`
// links the stencils with the Go linker to prove the reading right.

// asmSymbol is one symbol of a listing: a function (STEXT) or a data
// symbol (SRODATA, ...).
type asmSymbol struct {
	Name   string // as the assembler names it: "pkg.int_add", "_JIT_OPERAND0"
	Type   string // "STEXT", "SRODATA", ...
	Static bool   // file-local (name<>)
	Size   int
	Bytes  []byte
	Insts  []asmInst // functions only: every instruction's pc and text
	Relocs []asmReloc
}

// asmInst is one instruction line of a function.
type asmInst struct {
	PC   int
	Text string // "MOVQ\t_JIT_OPERAND1(SB), AX"
}

// asmReloc is one "rel OFF+SIZ t=TYPE SYM+ADD" line.
type asmReloc struct {
	Off, Siz int
	Type     string // objabi.RelocType name: "R_PCREL", "R_CALLARM64", ...
	Sym      string
	Add      int64
}

var (
	symHeaderRE = regexp.MustCompile(`^(\S+) (S[A-Z0-9]+) (.*)\bsize=(\d+)`)
	instRE      = regexp.MustCompile(`^\t0x([0-9a-f]+) \d{5} \([^)]*\)\t(.*)$`)
	bytesRE     = regexp.MustCompile(`^\t0x([0-9a-f]+)((?: [0-9a-f]{2})+)(?: {2}|$)`)
	relRE       = regexp.MustCompile(`^\trel (\d+)\+(\d+) t=(\S+) (\S*)\+(-?\d+)$`)
)

// parseListing reads the output of `go tool asm -S`.
func parseListing(out []byte) ([]*asmSymbol, error) {
	var (
		syms []*asmSymbol
		cur  *asmSymbol
	)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		bad := func(msg string) error {
			return fmt.Errorf("go tool asm -S output, line %d: %s: %q", n, msg, line)
		}
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "\t") {
			m := symHeaderRE.FindStringSubmatch(line)
			if m == nil {
				return nil, bad("not a symbol header")
			}
			size, _ := strconv.Atoi(m[4])
			cur = &asmSymbol{Name: m[1], Type: m[2], Static: strings.Contains(" "+m[3], " static "), Size: size}
			syms = append(syms, cur)
			continue
		}
		if cur == nil {
			return nil, bad("a line before the first symbol")
		}
		switch {
		case instRE.MatchString(line):
			m := instRE.FindStringSubmatch(line)
			pc, _ := strconv.ParseInt(m[1], 16, 64)
			cur.Insts = append(cur.Insts, asmInst{PC: int(pc), Text: m[2]})
		case bytesRE.MatchString(line):
			m := bytesRE.FindStringSubmatch(line)
			off, _ := strconv.ParseInt(m[1], 16, 64)
			if int(off) != len(cur.Bytes) {
				return nil, bad(fmt.Sprintf("bytes at %#x, want %#x", off, len(cur.Bytes)))
			}
			for _, h := range strings.Fields(m[2]) {
				b, _ := strconv.ParseUint(h, 16, 8)
				cur.Bytes = append(cur.Bytes, byte(b))
			}
		case relRE.MatchString(line):
			m := relRE.FindStringSubmatch(line)
			off, _ := strconv.Atoi(m[1])
			siz, _ := strconv.Atoi(m[2])
			add, err := strconv.ParseInt(m[5], 10, 64)
			if err != nil {
				return nil, bad("bad addend")
			}
			cur.Relocs = append(cur.Relocs, asmReloc{Off: off, Siz: siz, Type: m[3], Sym: m[4], Add: add})
		default:
			return nil, bad("unknown line")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, s := range syms {
		if len(s.Bytes) > s.Size {
			return nil, fmt.Errorf("go tool asm -S output: %s has %d bytes, more than its size %d", s.Name, len(s.Bytes), s.Size)
		}
		// A zero-filled tail is not printed.
		s.Bytes = append(s.Bytes, make([]byte, s.Size-len(s.Bytes))...)
		for _, r := range s.Relocs {
			if r.Off < 0 || r.Off+r.Siz > s.Size {
				return nil, fmt.Errorf("go tool asm -S output: %s: relocation %s at %d+%d outside its %d bytes", s.Name, r.Type, r.Off, r.Siz, s.Size)
			}
		}
	}
	return syms, nil
}
