// Command bf runs Brainfuck programs: natively through copypatch's JIT where
// the platform has one, else (or with -jit=false) in the plain interpreter.
//
// Usage:
//
//	bf [-jit=true] [-dump] program.b < input
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/copypatch/copypatch/examples/bf"
)

func main() {
	useJIT := flag.Bool("jit", true, "run natively (falls back to the interpreter where there is no JIT)")
	dump := flag.Bool("dump", false, "print the compiled instructions instead of running")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: bf [-jit=false] [-dump] program.b < input")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *useJIT, *dump); err != nil {
		fmt.Fprintln(os.Stderr, "bf:", err)
		os.Exit(1)
	}
}

func run(path string, useJIT, dump bool) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	prog, err := bf.Compile(string(src))
	if err != nil {
		return fmt.Errorf("%s:%w", path, err)
	}
	if dump {
		fmt.Print(prog)
		return nil
	}
	var j *bf.JIT
	if useJIT {
		if j, err = bf.NewJIT(); err != nil && !errors.Is(err, bf.ErrUnsupported) {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := prog.Run(ctx, j, os.Stdin, os.Stdout); err != nil {
		var te *bf.TapeError
		if errors.As(err, &te) {
			return fmt.Errorf("%s:%w", path, err)
		}
		return err
	}
	return nil
}
