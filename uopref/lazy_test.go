package uopref

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

// TestMain checks the table's first use before any test uses it: the
// package's init builds none of it (a process that never records a trace
// pays nothing), and goroutines that ask at once all get it whole.
func TestMain(m *testing.M) {
	if err := checkFirstUse(); err != nil {
		fmt.Fprintln(os.Stderr, "uopref: first use of the table:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func checkFirstUse() error {
	if base != nil || derived != nil || uops != nil {
		return fmt.Errorf("built before first use")
	}
	// A recording runs only core's uops: finding them builds no variants,
	// and a derived one is made alone.
	if _, ok := Lookup("float_add_bits"); !ok || base == nil || len(derived) != 1 {
		return fmt.Errorf("Lookup(float_add_bits) found nothing, left the base unbuilt or made %d derived uops", len(derived))
	}
	if uops != nil {
		return fmt.Errorf("finding a core uop built the optimizer's variants")
	}
	// Every uop of the whole core is a base one or made alone, and no
	// other is.
	core := buildCore()
	for name := range core {
		if _, ok := base[name]; !ok {
			if _, ok := coreDerived(name); !ok {
				return fmt.Errorf("core uop %q is not made alone", name)
			}
		}
	}
	if uops != nil {
		return fmt.Errorf("checking the core built the optimizer's variants")
	}
	for _, name := range []string{"float_add_r__t_f0_s_f1", "int_foo", "float_jump_if_", "list_store_bits", "int_lt_bits"} {
		if _, ok := coreDerived(name); ok {
			return fmt.Errorf("coreDerived made %q, no core uop", name)
		}
	}
	// A base uop, a _bits variant, a register variant and one made last
	// (registerNonNeg's).
	names := []string{"int_add", "float_mul_bits", "float_add_r__t_f0_s_f1", "list_load_kn__b_int"}
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for g := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range names {
				name := names[(g+k)%len(names)]
				if g%2 == 0 && !Has(name) {
					errs[g] = fmt.Errorf("Has(%q) is false", name)
				} else if _, ok := Lookup(name); !ok {
					errs[g] = fmt.Errorf("Lookup(%q) found nothing", name)
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
