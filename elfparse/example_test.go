package elfparse_test

import (
	"fmt"
	"log"

	"github.com/copypatch/copypatch/elfparse"
)

func ExampleOpen() {
	f, err := elfparse.Open("testdata/holes-clang19-x86_64-linux.o")
	if err != nil {
		log.Fatal(err)
	}
	text := f.Section(".text")
	for _, r := range text.Relocs {
		fmt.Printf("0x%02x %-22s %s%+d\n", r.Offset, f.TypeName(r.Type), f.SymbolName(r.Symbol), r.Addend)
	}
	// Output:
	// 0x03 R_X86_64_REX_GOTPCRELX _JIT_OPERAND0-4
	// 0x12 R_X86_64_PC32          .LCPI0_0-4
	// 0x1f R_X86_64_REX_GOTPCRELX _JIT_OPERAND1-4
	// 0x2b R_X86_64_PC32          scale-4
	// 0x41 R_X86_64_PC32          helper_table+36
	// 0x4d R_X86_64_PC32          .bss+52
	// 0x57 R_X86_64_PLT32         _JIT_CONTINUE-4
}
