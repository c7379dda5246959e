package uopref

import "github.com/copypatch/copypatch/templates"

// registerNonNeg adds the list uops for indexes the optimizer proved >= 0
// (traceopt/nonneg.go): list_swap_nn.c, list_load_kn.c, list_store_kn.c.
// Natively they compare the index, not adjusted, with the length as
// unsigned: a negative one exits as one past the end does. With indexes
// >= 0 they do what the uops they stand for do.
func registerNonNeg(uops map[string]uop) {
	uops["list_swap_nn"] = nonNegIndexes(uops["list_swap"], 1, 2)
	for _, kind := range []string{"int", "bool"} {
		uops["list_store_kn__"+kind] = nonNegIndexes(uops["list_store_k__"+kind], 1)
		for _, tag := range []string{"b", "t"} {
			uops["list_load_kn__"+tag+"_"+kind] = nonNegIndexes(uops["list_load_k__"+tag+"_"+kind], 2)
		}
	}
}

// nonNegIndexes is base for index operands that exit when negative.
func nonNegIndexes(base uop, indexes ...int) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		for _, k := range indexes {
			if i64(m.slot(k)) < 0 {
				// Exit having met every operand as base does (a bad
				// list is still an error), changing nothing.
				dry := m.dry
				m.dry = true
				base(m)
				m.dry = dry
				return Exit, 0
			}
		}
		return base(m)
	}
}
