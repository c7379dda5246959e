// Package stencilgen turns uop templates into stencil tables: it compiles
// every template with Clang for every target, reads the relocations out of
// the objects (elfparse, machoparse), normalises them into holes (relocs),
// runs the passes that shape each stencil, and writes one gofmt'd Go file
// per target into generated/ (or any package: --out, --package), each with a
// stencil.Set for the runtime. Template directories get copypatch.h, the
// fixed ABI header, when they lack one; an installed stencilgen carries
// copypatch's own templates (EmbeddedTemplates).
//
// # The avo backend
//
// Templates may instead be Go assembly (MakeAsm, `stencilgen build
// --backend avo`): amd64 ones generated in Go with avo (templates/avo/gen),
// arm64 ones written by hand, each TEXT symbol one uop, assembled for every
// target by the Go toolchain's own assembler, so no C toolchain is needed.
// Holes are the C templates' _JIT_* symbols: an operand is read as an
// 8-byte variable (MOVQ _JIT_OPERAND0(SB), AX), which is a GOT load in the
// hole model, and control leaves by JMP to _JIT_CONTINUE, _JIT_JUMP_TARGET
// or _JIT_EXIT, or by RET with the exit code. The bytes and relocations come
// from `go tool asm -S` (parseListing: the object format is internal to the
// toolchain); goasm_stencil.go maps them onto relocs' kinds, GoAsmPasses
// shape the stencils (folding the Go assembler's jcc-over-jmp into one jcc,
// checking arm64 code never names x28 or x18), and VerifyAsm links every
// target's templates with the Go linker and checks every hole against it.
// Listings are cached by content hash and Go version, like objects.
//
// The pipeline flows one way: templates → objects → holes → passes →
// printer. stencilgen is a build-time tool: the runtime and the interpreter
// must not import it.
package stencilgen
