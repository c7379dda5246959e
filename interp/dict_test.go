package interp

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
)

// TestDictAgainstModel runs random inserts, overwrites, deletions,
// popitems and clears on a Dict and on a plain model (a slice of pairs in
// insertion order) and compares lookups, lengths and iteration order
// after every step: the open-addressing index must agree with the model
// through growth, deleted slots, compaction, keys of one hash and keys
// whose hashes differ only above what an index slot keeps of them.
func TestDictAgainstModel(t *testing.T) {
	type pair struct{ k, v Val }
	keyOf := func(r *rand.Rand) Val {
		n := r.Intn(300)
		switch r.Intn(6) {
		case 0:
			return StrVal(fmt.Sprint("k", n))
		case 1:
			return FloatVal(float64(n) + 0.5)
		case 2:
			// Equal hashes for different keys: -1 and -2 both hash to -2.
			return IntVal(-1 - int64(n%2))
		case 3:
			return ObjVal(&Tuple{items: []Val{IntVal(int64(n % 7)), StrVal("t")}})
		case 4:
			// Hashes equal in the 32 bits an index slot keeps (its tag
			// and position), different above.
			return IntVal(int64(n%4)<<32 + int64(n%3))
		}
		return IntVal(int64(n) << (r.Intn(3) * 20))
	}
	for seed := int64(1); seed <= 30; seed++ {
		r := rand.New(rand.NewSource(seed))
		d := newDict()
		var model []pair
		find := func(k Val) int {
			return slices.IndexFunc(model, func(p pair) bool { return keyEq(p.k, k) })
		}
		for step := range 3000 {
			k := keyOf(r)
			switch op := r.Intn(100); {
			case op < 55:
				v := IntVal(int64(step))
				if err := d.set(k, v); err != nil {
					t.Fatal(err)
				}
				if i := find(k); i >= 0 {
					model[i].v = v
				} else {
					model = append(model, pair{k, v})
				}
			case op < 85:
				_, ok, err := d.del(k)
				if err != nil {
					t.Fatal(err)
				}
				i := find(k)
				if ok != (i >= 0) {
					t.Fatalf("seed %d step %d: del(%v) found %v, model %v", seed, step, k, ok, i >= 0)
				}
				if i >= 0 {
					model = slices.Delete(model, i, i+1)
				}
			case op < 95:
				for i := len(d.entries) - 1; i >= 0; i-- {
					if !d.entries[i].deleted() {
						d.delAt(i)
						model = model[:len(model)-1]
						break
					}
				}
			case op < 96:
				d.clear()
				model = nil
			default:
				d = d.copy()
			}
			if d.Len() != len(model) {
				t.Fatalf("seed %d step %d: len %d, model %d", seed, step, d.Len(), len(model))
			}
			probe := keyOf(r)
			got, ok, _ := d.get(probe)
			if i := find(probe); ok != (i >= 0) || ok && !same(got, model[i].v) {
				t.Fatalf("seed %d step %d: get(%v) = %v %v, model index %d", seed, step, probe, got, ok, i)
			}
		}
		keys := d.keys()
		for i, p := range model {
			if !same(keys[i], p.k) {
				t.Fatalf("seed %d: key %d is %v, model %v", seed, i, keys[i], p.k)
			}
		}
	}
}
