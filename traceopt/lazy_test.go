package traceopt

import (
	"fmt"
	"os"
	"strings"
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
	if tablesBuilt.Load() || denseFilled || opInfo[generated.OpFloatAddBits] != nil {
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

// TestOpsInNameOrder: ops are numbered in their names' order, which
// opByName's binary search needs, and it finds each one.
func TestOpsInNameOrder(t *testing.T) {
	for op := range generated.Op(generated.NumOps) {
		if op > 0 && (op-1).String() >= op.String() {
			t.Fatalf("op %d %q is not after op %d %q", op, op, op-1, op-1)
		}
		if got, ok := opByName([]byte(op.String())); !ok || got != op {
			t.Errorf("opByName(%q) = %v, %v", op, got, ok)
		}
	}
	for _, name := range []string{"", "a", "zzz", "float_add_r__t_f0_s_s2", "float_jump_if_lt_r__s_s"} {
		if got, ok := opByName([]byte(name)); ok {
			t.Errorf("opByName(%q) = %v", name, got)
		}
	}
}

// opNamedT is the op named name, which must exist.
func opNamedT(t *testing.T, name string) generated.Op {
	t.Helper()
	op, ok := opByName([]byte(name))
	if !ok {
		t.Fatalf("no op %q", name)
	}
	return op
}

// TestRegisterVariantsByName: every register variant initRegVariants put
// in its tables (walking each family in name order) is the op its place
// names, and every variant op of a family is in them.
func TestRegisterVariantsByName(t *testing.T) {
	ready()
	found := 0
	for base, fam := range regFamilies {
		forms := regArith[base]
		sqrt := base == generated.OpFloatSqrt || base == generated.OpFloatSqrtBits
		for d := range numRegs {
			for a, aw := range regWhere {
				if sqrt {
					want := fam.stem + "__" + fam.tag + "_" + regName[d] + "_" + aw
					if v := forms[d][a][inSlot]; !v.ok || v.op.String() != want || Info(v.op) != Info(base) {
						t.Errorf("%v: d=%d a=%s: %v %v, want %s", base, d, aw, v.op, v.ok, want)
					}
					found++
					continue
				}
				for b, bw := range regWhere {
					want := fam.stem + "__" + fam.tag + "_" + regName[d] + "_" + aw + "_" + bw
					if v := forms[d][a][b]; !v.ok || v.op.String() != want || Info(v.op) != Info(base) {
						t.Errorf("%v: d=%d a=%s b=%s: %v %v, want %s", base, d, aw, bw, v.op, v.ok, want)
					}
					found++
				}
			}
		}
	}
	for base, stem := range regBranches {
		for a, aw := range regWhere {
			for b, bw := range regWhere {
				want := stem + "__" + aw + "_" + bw
				_, exists := opByName([]byte(want))
				v := regBranch[base][a][b]
				if v.ok != exists || (v.ok && (v.op.String() != want || Info(v.op) != Info(base))) {
					t.Errorf("%v: a=%s b=%s: %v %v, want %s (exists %v)", base, aw, bw, v.op, v.ok, want, exists)
				}
				if exists {
					found++
				}
			}
		}
	}
	// Every op named as a register variant of these families is one.
	n := 0
	for op := range generated.Op(generated.NumOps) {
		name := op.String()
		for _, fam := range regFamilies {
			if strings.HasPrefix(name, fam.stem+"__"+fam.tag+"_") {
				n++
			}
		}
		for _, stem := range regBranches {
			if strings.HasPrefix(name, stem+"__") {
				n++
			}
		}
	}
	if n != found {
		t.Errorf("%d register variant ops, %d in the tables", n, found)
	}
}
