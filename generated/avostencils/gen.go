// Package avostencils holds stencil tables built by stencilgen's avo
// backend from Go assembly templates (templates/avo: amd64 generated with
// avo, arm64 written by hand), with no C toolchain. Its ops follow
// package generated's (same names, same numbers), so a trace compiles
// against either set; a uop without a Go assembly template has an empty
// stencil here.
//
// Every file here but this one is generated and committed. Regenerate with
//
//	go generate ./generated/avostencils
//
// which runs the avo generator and then `stencilgen build --backend avo`.
package avostencils

//go:generate go run ../../templates/avo/gen -out ../../templates/avo/uops_amd64.s
//go:generate go run ../../cmd/stencilgen build --backend avo --templates ../../templates/avo --ops-from ../../templates --out . --quiet
