package uopref

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// harnessC calls one template's cp_uop on frames read from stdin and prints
// what it did. The hole functions return distinct codes that cannot be exit
// codes a template makes (bits 62-63), so the output says where control went.
const harnessC = `#include <stdio.h>
#include "uop.h"
extern CP_CC cp_u64 cp_uop(cp_state *st, cp_value *fp);
CP_CC cp_u64 _JIT_CONTINUE(cp_state *st, cp_value *fp) { return 1ull << 62; }
CP_CC cp_u64 _JIT_JUMP_TARGET(cp_state *st, cp_value *fp) { return 2ull << 62; }
CP_CC cp_u64 _JIT_EXIT(cp_state *st, cp_value *fp) { return 3ull << 62; }
int main(void) {
    cp_value frame[3];
    cp_state st;
    unsigned long long budget, intr;
    while (scanf("%llx %llx %llx %llx %llx %llx %llx %llx", &budget, &intr, &frame[0].tag, &frame[0].bits,
                 &frame[1].tag, &frame[1].bits, &frame[2].tag, &frame[2].bits) == 8) {
        st.frame = frame;
        st.budget = (cp_i64)budget;
        st.interrupt = (cp_u32)intr;
        st.reserved = 0;
        st.exit_count = 0;
        cp_u64 r = cp_uop(&st, frame);
        printf("%llx %llx %llx %llx %llx %llx %llx %llx %llx\n", r, (unsigned long long)st.budget,
               (unsigned long long)st.interrupt, frame[0].tag, frame[0].bits, frame[1].tag, frame[1].bits,
               frame[2].tag, frame[2].bits);
    }
    return 0;
}
`

// nativeOperands are the operand values every template is linked with: slot
// operands name slots 0, 1 and 2; as immediates they are small numbers.
var nativeOperands = [4]uint64{0, templates.SlotSize, 2 * templates.SlotSize, 3 * templates.SlotSize}

// templateFlags mirror stencilgen's Clang flags (stencilgen/target.go), so
// the code under test is the code the stencils are cut from.
var templateFlags = []string{"-O3", "-std=gnu11", "-fpic", "-ffreestanding", "-fno-builtin", "-fno-stack-protector",
	"-fno-jump-tables", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fomit-frame-pointer",
	"-fno-strict-aliasing", "-Wall", "-Werror", "-c"}

// nativeValues are the slot contents tried, in every combination over the
// three slots: boundaries of int64 overflow and conversion, signed zeros,
// NaN and infinities, bools, and tags the guards must reject.
func nativeValues() []templates.Value {
	var vs []templates.Value
	for _, i := range []int64{0, 1, -1, 2, 3037000500, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, 1<<53 + 1} {
		vs = append(vs, iv(i))
	}
	for _, f := range []float64{0, negZ, 1, -2.5, 0.1, nan, inf, -inf, math.MaxFloat64, 5e-324} {
		vs = append(vs, fv(f))
	}
	vs = append(vs, bv(true), bv(false),
		templates.Value{Tag: templates.TagNone}, templates.Value{Tag: templates.TagObject, Bits: 3},
		templates.Value{Tag: templates.TagEmpty})
	return vs
}

var nativeBudgets = []struct {
	budget    int64
	interrupt uint32
}{{100, 0}, {2, 0}, {1, 0}, {0, 0}, {-5, 0}, {math.MinInt64, 0}, {100, 1}}

// TestNativeAgreesWithReference compiles every template for the host with
// Clang, links it into a harness with the operand holes defined, runs it on
// every combination of nativeValues, and compares frame, state and exit with
// Step: the reference and the templates must agree bit for bit.
func TestNativeAgreesWithReference(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles and links every template: skipped with -short")
	}
	triple := map[string]string{"linux/amd64": "x86_64-unknown-linux-gnu", "linux/arm64": "aarch64-unknown-linux-gnu"}[runtime.GOOS+"/"+runtime.GOARCH]
	if triple == "" {
		t.Skipf("no native template harness for %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	clang := os.Getenv("CLANG")
	if clang == "" {
		clang = "clang-19"
	}
	clang, err := exec.LookPath(clang)
	if err != nil {
		t.Skip("clang-19 not found (set $CLANG): cannot run templates natively")
	}
	dir := t.TempDir()
	for _, h := range []string{"vmstate.h", "uop.h"} {
		b, err := templates.Sources.ReadFile(h)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, h), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "harness.c"), []byte(harnessC), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command(clang, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s %s: %v\n%s", clang, strings.Join(args, " "), err, out)
		}
	}
	harness := filepath.Join(dir, "harness.o")
	// The harness needs the target's C library (printf, crt). Under
	// qemu-aarch64 on an x86-64 machine there is none: skip, not fail.
	probe := filepath.Join(dir, "probe.c")
	if err := os.WriteFile(probe, []byte("#include \"uop.h\"\nCP_UOP { CP_CONTINUE(); }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--target=" + triple, "-O1", "-Wall", "-c", "-I", dir, filepath.Join(dir, "harness.c"), "-o", harness},
		{"--target=" + triple, "-O1", "-c", "-I", dir, probe, "-o", probe + ".o"},
		{"--target=" + triple, "-no-pie", harness, probe + ".o", "-o", probe + ".exe"},
	} {
		if out, err := exec.Command(clang, args...).CombinedOutput(); err != nil {
			t.Skipf("cannot build a native harness for %s (no C library for the target?): %v\n%s", triple, err, out)
		}
	}

	// One input for all uops: every value in every slot, cycling budgets.
	vals := nativeValues()
	type input struct {
		st    templates.State
		frame [3]templates.Value
	}
	var inputs []input
	var stdin bytes.Buffer
	for _, a := range vals {
		for _, b := range vals {
			for _, c := range vals {
				bu := nativeBudgets[len(inputs)%len(nativeBudgets)]
				in := input{templates.State{Budget: bu.budget, Interrupt: bu.interrupt}, [3]templates.Value{a, b, c}}
				inputs = append(inputs, in)
				fmt.Fprintf(&stdin, "%x %x %x %x %x %x %x %x\n", uint64(in.st.Budget), in.st.Interrupt,
					uint64(a.Tag), a.Bits, uint64(b.Tag), b.Bits, uint64(c.Tag), c.Bits)
			}
		}
	}

	for _, op := range templates.Uops() {
		t.Run(op, func(t *testing.T) {
			src := filepath.Join(dir, op+".c")
			b, err := templates.Sources.ReadFile(op + ".c")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(src, b, 0o644); err != nil {
				t.Fatal(err)
			}
			obj := filepath.Join(dir, op+".o")
			exe := filepath.Join(dir, op)
			args := append([]string{"--target=" + triple}, templateFlags...)
			if runtime.GOARCH == "arm64" {
				args = append(args, "-ffixed-x28", "-ffixed-x18")
			}
			run(append(args, "-I", dir, src, "-o", obj)...)
			link := []string{"--target=" + triple, "-no-pie", harness, obj, "-o", exe}
			for i, v := range nativeOperands {
				link = append(link, fmt.Sprintf("-Wl,--defsym,_JIT_OPERAND%d=%d", i, v))
			}
			run(link...)
			cmd := exec.Command(exe)
			cmd.Stdin = bytes.NewReader(stdin.Bytes())
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("running %s: %v", op, err)
			}
			sc := bufio.NewScanner(bytes.NewReader(out))
			bad, lines := 0, 0
			for i := 0; sc.Scan(); i++ {
				lines++
				if i >= len(inputs) {
					t.Fatalf("more output lines than inputs")
				}
				var r, budget, intr uint64
				var got [3]templates.Value
				var t0, t1, t2 uint64
				if _, err := fmt.Sscanf(sc.Text(), "%x %x %x %x %x %x %x %x %x", &r, &budget, &intr,
					&t0, &got[0].Bits, &t1, &got[1].Bits, &t2, &got[2].Bits); err != nil {
					t.Fatalf("line %d %q: %v", i, sc.Text(), err)
				}
				got[0].Tag, got[1].Tag, got[2].Tag = templates.Tag(t0), templates.Tag(t1), templates.Tag(t2)

				in := inputs[i]
				st := in.st
				frame := in.frame
				next, code, err := Step(op, nativeOperands, &st, frame[:])
				if err != nil {
					t.Fatal(err)
				}
				want := map[Next]uint64{Continue: 1 << 62, Jump: 2 << 62, Exit: 3 << 62, Leave: uint64(code)}[next]
				if r != want || int64(budget) != st.Budget || uint32(intr) != st.Interrupt || got != frame {
					bad++
					if bad <= 5 {
						t.Errorf("on %+v budget %d interrupt %d:\nnative    %#x budget %d interrupt %d frame %+v\nreference %#x budget %d interrupt %d frame %+v",
							in.frame, in.st.Budget, in.st.Interrupt, r, int64(budget), intr, got, want, st.Budget, st.Interrupt, frame)
					}
				}
			}
			if lines != len(inputs) {
				t.Errorf("%s printed %d results for %d inputs", op, lines, len(inputs))
			}
			if bad > 5 {
				t.Errorf("... %d disagreements in all", bad)
			}
		})
	}
}
