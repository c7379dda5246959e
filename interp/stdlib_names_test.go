package interp

import (
	"slices"
	"testing"
)

// isStdlibModule's binary search needs the list sorted and without repeats.
func TestStdlibModuleNamesSorted(t *testing.T) {
	if !slices.IsSorted(stdlibModuleNames) {
		t.Fatal("stdlibModuleNames is not sorted")
	}
	if n := len(slices.Compact(slices.Clone(stdlibModuleNames))); n != len(stdlibModuleNames) {
		t.Fatalf("stdlibModuleNames has %d repeats", len(stdlibModuleNames)-n)
	}
	for _, c := range []struct {
		name string
		want bool
	}{{"os", true}, {"__future__", true}, {"zoneinfo", true}, {"cProfile", true}, {"annotationlib", true}, {"numpy", false}, {"", false}} {
		if got := isStdlibModule(c.name); got != c.want {
			t.Errorf("isStdlibModule(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
