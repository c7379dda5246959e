// Package stencilgen turns uop templates into stencil tables: it compiles
// every template with Clang for every target, reads the relocations out of
// the objects (elfparse, machoparse), normalises them into holes (relocs),
// runs the passes that shape each stencil, and writes one gofmt'd Go file
// per target into generated/.
//
// The pipeline flows one way: templates → objects → holes → passes →
// printer. stencilgen is a build-time tool: the runtime and the interpreter
// must not import it.
package stencilgen
