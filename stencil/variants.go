package stencil

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// variantsRe matches a template's variants line:
//
//	//cp:variants NAME=v1,v2 NAME2=w1,w2 ...
//
// The template is compiled once for each combination of values, with
// -DNAME=v ..., as the uop base__v_w_... (values in the line's order),
// except the combinations the line lists as -v_w_... (one that would
// compile to nothing, or that nothing uses). One
// C file then gives a family of stencils that differ only in where their
// operands live (a slot, a cached register), named so that a VM's
// optimizer can pick one by its parts.
//
// Both expressions are compiled on first use: every minipy process links
// this package and never parses a template, and compiling them at start-up
// was a quarter of the instructions of minipy -c pass (callgrind: 1.4 of
// 5.5 million).
var variantsRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^//cp:variants\b[ \t]*(.*?)[ \t]*$`)
})

var variantPartRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Z_][A-Z0-9_]*)=([a-z0-9]+(?:,[a-z0-9]+)*)$`)
})

// Variant is one uop a template gives: its name and the -D flags (NAME=value)
// it is compiled with (none for a template without a variants line).
type Variant struct {
	Name    string
	Defines []string
}

// Variants returns the uops the template named base (its file name without
// extension) with source src gives: itself, or one per combination of its
// variants line's values.
func Variants(base string, src []byte) ([]Variant, error) {
	ms := variantsRe().FindAllSubmatch(src, -1)
	switch {
	case len(ms) == 0:
		return []Variant{{Name: base}}, nil
	case len(ms) > 1:
		return nil, fmt.Errorf("more than one //cp:variants line")
	}
	out := []Variant{{Name: base}}
	skip := map[string]bool{}
	for _, f := range strings.Fields(string(ms[0][1])) {
		if combo, ok := strings.CutPrefix(f, "-"); ok {
			skip[base+"__"+combo] = true
			continue
		}
		m := variantPartRe().FindStringSubmatch(f)
		if m == nil {
			return nil, fmt.Errorf("//cp:variants: %q is not NAME=value,value... (NAME upper case, values a-z0-9)", f)
		}
		var next []Variant
		for _, v := range out {
			sep := "_"
			if v.Defines == nil {
				sep = "__"
			}
			for _, val := range strings.Split(m[2], ",") {
				next = append(next, Variant{Name: v.Name + sep + val,
					Defines: append(append([]string{}, v.Defines...), m[1]+"="+val)})
			}
		}
		out = next
	}
	if out[0].Defines == nil {
		return nil, fmt.Errorf("//cp:variants names no parameter")
	}
	kept := out[:0]
	for _, v := range out {
		if skip[v.Name] {
			delete(skip, v.Name)
			continue
		}
		kept = append(kept, v)
	}
	for name := range skip {
		return nil, fmt.Errorf("//cp:variants: -%s is not one of the combinations", strings.TrimPrefix(name, base+"__"))
	}
	return kept, nil
}

// VariantBase splits a uop name into its template's name and a variant's
// values (nil for a plain uop).
func VariantBase(name string) (base string, values []string) {
	b, vals, ok := strings.Cut(name, "__")
	if !ok {
		return name, nil
	}
	return b, strings.Split(vals, "_")
}
