// Package templates holds the C source of every uop template, the header
// that fixes the VM state layout native code shares with Go (vmstate.h), and
// the Go mirror of that layout.
//
// The C files are inputs to stencilgen; they are embedded (Sources) so the
// build tool reads exactly the files the module was built with. The layout
// types are what the runtime and the interpreter use to lay out frames.
//
// Every .c file starts with `//go:build ignore`: the go tool refuses C files
// in a package that does not use cgo, and the constraint hides them from it
// (Clang reads the line as a comment; go:embed still sees the files).
//
// A template's file name is its uop's name (int_add.c is int_add, OpIntAdd in
// generated/). Its opening comment says what the uop does, which operands are
// slot byte offsets and which immediates, and when it leaves the trace.
// Package templates imports only the standard library.
package templates
