// Package bf is a Brainfuck interpreter with a copy-and-patch JIT: an
// example of adding copypatch to an interpreter of your own, using only
// copypatch's public API (packages jit, stencil and the stencilgen command).
// README.md walks through it as a tutorial.
//
// Compile turns source into a Program: a list of instructions in which runs
// of + - < > are folded (with cell offsets, so the head moves only at loop
// boundaries), clearing loops become SET and moving or multiplying loops
// become MUL_ADD. Every instruction is one uop of templates/, so the same
// list runs either in Go (Program.Interpret, the plain interpreter) or as
// one native trace (Program.Run with a JIT).
//
// The dialect: cells are 16 bits and wrap; the tape has Cells cells and the
// head starts at cell 0; moving the head off the tape is an error; ','
// leaves the cell alone at end of input; '.' writes the cell's low byte.
package bf
