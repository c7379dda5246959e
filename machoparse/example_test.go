package machoparse_test

import (
	"fmt"
	"log"

	"github.com/copypatch/copypatch/machoparse"
)

func ExampleOpen() {
	f, err := machoparse.Open("testdata/holes-clang19-arm64-darwin.o")
	if err != nil {
		log.Fatal(err)
	}
	text := f.Section("__TEXT", "__text")
	for _, r := range text.Relocs {
		fmt.Printf("0x%02x %-30s %s%+d\n", r.Offset, f.TypeName(r.Type), f.TargetName(r), r.Addend)
	}
	// Output:
	// 0x60 ARM64_RELOC_BRANCH26           __JIT_CONTINUE+0
	// 0x58 ARM64_RELOC_PAGEOFF12          _counters+56
	// 0x54 ARM64_RELOC_PAGE21             _counters+56
	// 0x4c ARM64_RELOC_PAGEOFF12          _helper_table+0
	// 0x48 ARM64_RELOC_PAGE21             _helper_table+0
	// 0x38 ARM64_RELOC_PAGEOFF12          _scale+0
	// 0x34 ARM64_RELOC_PAGE21             _scale+0
	// 0x28 ARM64_RELOC_GOT_LOAD_PAGEOFF12 __JIT_OPERAND1+0
	// 0x24 ARM64_RELOC_GOT_LOAD_PAGE21    __JIT_OPERAND1+0
	// 0x04 ARM64_RELOC_GOT_LOAD_PAGEOFF12 __JIT_OPERAND0+0
	// 0x00 ARM64_RELOC_GOT_LOAD_PAGE21    __JIT_OPERAND0+0
}
