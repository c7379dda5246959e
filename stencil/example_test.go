package stencil_test

import (
	"fmt"

	"github.com/copypatch/copypatch/generated"
)

// A Set names its uops and the roles the runtime relies on.
func ExampleSet() {
	set := generated.Set
	op, ok := set.Lookup("int_add")
	fmt.Println(ok, set.Name(op))
	fmt.Println("exit stub:", set.Name(set.Exit), "- safepoint:", set.Name(set.Loop))
	fmt.Println("may end a trace:", set.IsTerminal(set.Exit), set.IsTerminal(op))
	// Output:
	// true int_add
	// exit stub: exit - safepoint: loop
	// may end a trace: true false
}
