package traceopt

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/copypatch/copypatch/generated"
)

// TestMain checks the tables' first use before any test uses them: the
// package's init builds none of them (a process that never optimizes pays
// nothing), and goroutines that ask at once all get them whole.
func TestMain(m *testing.M) {
	if err := checkFirstUse(); err != nil {
		fmt.Fprintln(os.Stderr, "traceopt: first use of the tables:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func checkFirstUse() error {
	if opInfo != nil || denseFilled {
		return fmt.Errorf("built before first use")
	}
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for g := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each asks a different way first: Info, Unvaried, Writes.
			switch g % 3 {
			case 0:
				if Info(generated.OpFloatAddBits) == nil {
					errs[g] = fmt.Errorf("no Info for float_add_bits")
				}
			case 1:
				if got := Unvaried(generated.OpListLoadBits); got != generated.OpListLoadBits {
					errs[g] = fmt.Errorf("Unvaried(list_load_bits) = %v", got)
				}
			case 2:
				in := Inst{Op: generated.OpFloatAdd, Args: [4]uint64{Slot(3), Slot(1), Slot(2)}}
				if s, ok := in.Writes(); !ok || s != 3 {
					errs[g] = fmt.Errorf("float_add writes %d, %v", s, ok)
				}
			}
			if Info(generated.OpFloatAddBits) != Info(generated.OpFloatAdd) {
				errs[g] = fmt.Errorf("float_add_bits's Info is not float_add's")
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	// The variants made last are there too.
	if op, ok := findVariant("float_add_r", "t", "f0", "s", "f1"); !ok || Info(op) != Info(generated.OpFloatAdd) {
		return fmt.Errorf("float_add_r__t_f0_s_f1: %v %v", op, ok)
	}
	return nil
}
