// Package templates holds the C source of every uop template, the header
// that fixes the VM state layout native code shares with Go (vmstate.h), and
// the Go mirror of that layout.
//
// The C files are inputs to stencilgen; they are embedded (Sources) so the
// build tool reads exactly the files the module was built with. The layout
// types are what the runtime and the interpreter use to lay out frames.
// Package templates imports only the standard library.
package templates
