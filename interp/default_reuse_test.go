package interp

import "testing"

// TestSetdefaultSpareList checks that d.setdefault(k, []) with k there
// leaves its [] as the VM's spare and that the next [] is made in it
// (default_reuse.go), and that nothing is kept when the key was new or
// the default was not a [] display.
func TestSetdefaultSpareList(t *testing.T) {
	// A loop: a site's first call learns its method on the slow path.
	src := `d = {1: [5]}
for i in range(3):
    d.setdefault(1, [])
`
	vm, _ := runInterpreted(t, src)
	spare := vm.spareList
	if spare == nil {
		t.Fatal("the unused [] of d.setdefault(1, []) is not the spare")
	}
	if len(spare.vals) != 0 || spare.objs != nil {
		t.Errorf("the spare list is not empty: %v", spare.vals)
	}
	for _, src := range []string{
		"d = {}\nfor i in range(3):\n    d.setdefault(i, [])\n",             // new keys keep theirs
		"d = {1: 2}\nx = []\nfor i in range(3):\n    d.setdefault(1, x)\n",  // a named list
		"d = {1: 2}\nfor i in range(3):\n    d.setdefault(1, [0])\n",        // not empty
		"d = {1: 2}\nfor i in range(3):\n    d.setdefault(1, [])\nx = []\n", // taken by the next []
	} {
		if vm, _ := runInterpreted(t, src); vm.spareList != nil {
			t.Errorf("%q leaves a spare list", src)
		}
	}
}
