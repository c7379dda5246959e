package bf_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/copypatch/copypatch/examples/bf"
)

// Compile a program, then run it natively where there is a JIT (with a nil
// JIT, Run interprets).
func ExampleProgram_Run() {
	prog, err := bf.Compile("++++++++[>+++++++++<-]>.<+++[>++++++++++<-]>-.")
	if err != nil {
		panic(err)
	}
	j, err := bf.NewJIT()
	if err != nil && !errors.Is(err, bf.ErrUnsupported) {
		panic(err)
	}
	if err := prog.Run(context.Background(), j, strings.NewReader(""), os.Stdout); err != nil {
		panic(err)
	}
	fmt.Println()
	fmt.Print(prog)
	// Output:
	// He
	// 0	add [0] 8
	// 1	mul_add [1] 9
	// 2	set [0] 0
	// 3	out [1]
	// 4	add [0] 3
	// 5	mul_add [1] 10
	// 6	set [0] 0
	// 7	add [1] -1
	// 8	out [1]
	// 9	move 1
	// 10	end
}
