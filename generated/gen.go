// Package generated holds the stencil tables that stencilgen builds from
// templates/: ops.go names every uop, stencils_<os>_<arch>.go holds the
// host's stencils (the file suffix selects it), and stencils_other.go stands
// in on platforms without a JIT. Set hands them to the runtime:
// jit.NewCache(jit.Config{Stencils: generated.Set}).
//
// Every file here but this one is generated and committed, so building the
// module never needs Clang. Regenerate after changing a template:
//
//	go generate ./generated
//
// generated depends only on relocs's and stencil's types.
package generated

//go:generate go run ../cmd/stencilgen build --templates ../templates --out . --quiet
