// Package templates holds the C source of every minipy uop template, the
// header that fixes the VM state layout native code shares with Go
// (vmstate.h), and the Go mirror of that layout (Value, List, the tags;
// State and ExitCode are package stencil's). copypatch.h, the fixed ABI
// every VM's templates share, is here too: README.md documents that
// contract, and stencilgen hands this copy to template directories that
// lack one.
//
// The C files are inputs to stencilgen; they are embedded (Sources) so the
// build tool reads exactly the files the module was built with. The layout
// types are what the runtime and the interpreter use to lay out frames.
//
// Every .c file starts with `//go:build ignore`: the go tool refuses C files
// in a package that does not use cgo, and the constraint hides them from it
// (Clang reads the line as a comment; go:embed still sees the files).
//
// Native code reads the Go heap in one place: lists. A slot holding a list
// has tag TagObject and, as bits, the address of the list's head, whose
// first fields are struct cp_list (List): the elements' slice header and the
// data pointer of the list's parallel object slice. guard_list, list_len,
// list_load and list_store work through it; they never write a Go pointer.
//
// A template's file name is its uop's name (int_add.c is int_add, OpIntAdd in
// generated/). Its opening comment says what the uop does, which operands are
// slot byte offsets and which immediates, and when it leaves the trace.
// Package templates imports only the standard library.
package templates
