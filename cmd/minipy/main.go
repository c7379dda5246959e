// Command minipy runs programs written in a subset of Python 3 with the
// copypatch tier-1 interpreter.
//
// Usage:
//
//	minipy FILE [args]     run a program
//	minipy -c CODE         run a program given as a string
//	minipy dis FILE        print a program's register bytecode
package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"

	"github.com/copypatch/copypatch/interp"
)

func main() {
	// No allocation sampling unless --memprofile asks: runtime/pprof is
	// linked in, so Go samples every 512 KiB allocated by default, each
	// sample a stack walk (6% of a run that copies lists in a loop).
	runtime.MemProfileRate = 0
	// The collector's settings (tuneHeap) wait for the first collection,
	// which Go starts once the heap reaches 4 MiB (its default GOGC=100):
	// a program that allocates less (fib, mandelbrot: the interpreter's
	// own start takes about 1 MiB) never pays for them.
	tune := os.Getenv("GOGC") == ""
	huge := os.Getenv("MINIPY_HUGEPAGES") != "0"
	if tune || huge {
		afterFirstCollection(func() { tuneHeap(tune, huge) })
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// version is what --version prints after "Python 3.14 compatible minipy".
const version = "0.4"

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "-V", "--version":
			fmt.Fprintf(stdout, "Python 3.14 compatible minipy %s\n", version)
			return 0
		case "help", "dis":
			// A script of that name runs, as python3 runs it: the
			// subcommands are there only when no such file exists.
			if fi, err := os.Stat(args[0]); err == nil && !fi.IsDir() {
				args = append([]string{"--"}, args...)
			}
		}
	}
	status := 0
	var code string
	var cfg interp.Config
	cfg.Stdin = os.Stdin
	var jitMode string
	var jitDebug, jitStats, traces bool
	var cpuProfile, memProfile string
	root := &cobra.Command{
		Use:   "minipy [-c CODE | FILE] [args]",
		Short: "Run a Python program (a subset of Python 3) with the copypatch interpreter",
		Long: `minipy runs Python programs written in a subset of Python 3: functions,
if/while/for, ints of any size, floats, strings, lists, tuples, dicts,
f-strings, comprehensions and the math module.

Like python3, it prints the program's output, and on an uncaught exception
prints a traceback to standard error and exits with status 1.

Loops that get hot are recorded as traces of uops and run as native code
(the copy-and-patch JIT). --jit=off (or MINIPY_JIT=0 in the environment)
interprets everything; --jit=uops runs the same traces on the reference
uop interpreter instead of natively, as an oracle.`,
		Example: `  minipy hello.py
  minipy -c 'print(2 ** 100)'
  minipy dis hello.py`,
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			mode := jitMode
			if !cmd.Flags().Changed("jit") {
				switch os.Getenv("MINIPY_JIT") {
				case "0":
					mode = "off"
				case "1":
					mode = "on"
				}
			}
			switch mode {
			case "on":
				cfg.JIT = interp.JITOn
			case "off":
				cfg.JIT = interp.JITOff
			case "uops":
				cfg.JIT = interp.JITUops
			default:
				return fmt.Errorf("--jit=%s: want on, off or uops", mode)
			}
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, os.Interrupt)
			defer signal.Stop(sig)
			cfg.Interrupts = sig
			if jitDebug {
				cfg.JITDebug = stderr
			}
			if jitStats {
				cfg.JITStats = stderr
			}
			if cpuProfile != "" {
				stop, err := startCPUProfile(cpuProfile)
				if err != nil {
					return err
				}
				defer stop()
			}
			if memProfile != "" {
				stop, err := startMemProfile(memProfile)
				if err != nil {
					return err
				}
				defer stop()
			}
			if cmd.Flags().Changed("command") {
				status = interp.RunWith(cfg, "<string>", []byte(code), args, stdout, stderr)
				return nil
			}
			if len(args) == 0 {
				return fmt.Errorf("no program given: pass a FILE or -c CODE (see minipy --help)")
			}
			status = runFile(cfg, args[0], args[1:], stdout, stderr)
			return nil
		},
	}
	root.Flags().StringVarP(&code, "command", "c", "", "program passed in as a string")
	root.Flags().StringVar(&jitMode, "jit", "on", "on: hot loops run as native traces; off: interpret everything; uops: run traces on the uop reference interpreter (MINIPY_JIT=0|1 when the flag is not given)")
	root.Flags().IntVar(&cfg.JITThreshold, "jit-threshold", interp.DefaultJITThreshold, "back-edges that make a loop hot")
	root.Flags().IntVar(&cfg.JITMaxCode, "jit-max-code-size", 0, "bound on native code memory in bytes (0: 64 MiB); what does not fit is interpreted")
	root.Flags().BoolVar(&jitDebug, "jit-debug", false, "print each JIT decision to stderr")
	root.Flags().BoolVar(&jitStats, "jit-stats", false, "print JIT totals to stderr at exit")
	root.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a Go CPU profile of the interpreter to FILE (go tool pprof reads it)")
	root.Flags().StringVar(&memProfile, "memprofile", "", "write a Go profile of what the interpreter allocates to FILE (go tool pprof -sample_index=alloc_space reads it)")
	root.Flags().BoolVar(&cfg.PerfMap, "perf-map", false, "write /tmp/perf-<pid>.map so that perf names trace code")
	root.Flags().SetInterspersed(false)
	root.CompletionOptions.DisableDefaultCmd = true
	dis := &cobra.Command{
		Use:   "dis [--traces] FILE",
		Short: "Print the register bytecode a program compiles to",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := os.ReadFile(args[0])
			if err != nil {
				fmt.Fprintf(stderr, "minipy: can't open file '%s': [Errno 2] No such file or directory\n", args[0])
				status = 2
				return nil
			}
			if traces {
				// Traces exist only once the program has run: run it,
				// its output discarded, and print each trace compiled.
				tcfg := interp.Config{JIT: interp.JITOn, JITThreshold: cfg.JITThreshold, TraceLog: stdout}
				interp.RunWith(tcfg, args[0], src, args[1:], io.Discard, io.Discard)
				return nil
			}
			if err := interp.Disassemble(args[0], src, stdout); err != nil {
				fmt.Fprintln(stderr, err)
				status = 1
			}
			return nil
		},
	}
	dis.Flags().BoolVar(&traces, "traces", false, "run the program (output discarded) and print each trace it compiles: its uops and machine code")
	dis.Flags().IntVar(&cfg.JITThreshold, "jit-threshold", interp.DefaultJITThreshold, "back-edges that make a loop hot")
	root.AddCommand(dis)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		// As python3 words it, without the whole usage text.
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "unknown flag: "); ok {
			msg = "unknown option " + name
		} else if name, ok := strings.CutPrefix(msg, "unknown shorthand flag: "); ok {
			msg = "unknown option -" + strings.SplitN(name, " ", 2)[0][1:2]
		}
		return fmt.Errorf("%s\nTry 'minipy --help' for more information", msg)
	})
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.Execute(); err != nil {
		fmt.Fprintf(stderr, "minipy: %v\n", err)
		return 2
	}
	return status
}

// startCPUProfile profiles the whole run: it is for finding where the
// interpreter spends its time on a user's program.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// startMemProfile samples every 4 KiB allocated (Go's default is 512 KiB:
// too coarse for a run that allocates a few hundred megabytes in small
// objects) and writes the allocation profile when the program ends.
func startMemProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--memprofile: %w", err)
	}
	runtime.MemProfileRate = 4 << 10
	return func() {
		runtime.GC() // the profile counts allocations up to the last collection
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			fmt.Fprintf(os.Stderr, "minipy: --memprofile: %v\n", err)
		}
		f.Close()
	}, nil
}

func runFile(cfg interp.Config, path string, args []string, stdout, stderr io.Writer) int {
	if path == "-" {
		// The program comes from standard input, as python3 - reads it.
		src, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintf(stderr, "minipy: can't read standard input: %v\n", err)
			return 2
		}
		cfg.Argv0 = "-"
		return interp.RunWith(cfg, "<stdin>", src, args, stdout, stderr)
	}
	file := path
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		// A directory runs its __main__.py, as CPython runs it.
		file = filepath.Join(path, "__main__.py")
		if _, err := os.Stat(file); err != nil {
			fmt.Fprintf(stderr, "minipy: can't find '__main__' module in '%s'\n", path)
			return 1
		}
	}
	src, err := os.ReadFile(file)
	if err != nil {
		abs, aerr := filepath.Abs(path)
		if aerr != nil {
			abs = path
		}
		fmt.Fprintf(stderr, "minipy: can't open file '%s': [Errno 2] No such file or directory\n", abs)
		return 2
	}
	// CPython names the main script by its absolute path (tracebacks,
	// __file__) and keeps sys.argv[0] as typed.
	cfg.Argv0 = path
	if abs, err := filepath.Abs(file); err == nil {
		file = abs
	}
	return interp.RunWith(cfg, file, src, args, stdout, stderr)
}
