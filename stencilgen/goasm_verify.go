package stencilgen

import (
	"bytes"
	"context"
	"debug/elf"
	"debug/macho"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/copypatch/copypatch/relocs"
)

// VerifyAsm proves the avo backend read the Go assembler right: for every
// target it links all the target's templates into one program with the Go
// linker (go build), with every hole symbol defined (operands as 8-byte
// variables holding linkValues, jump holes as functions), and checks every
// hole of every stencil against the linked program exactly as Verify does
// for Clang's objects: patched by relocs at the same address with the
// same values, each hole must resolve to the same value or address.
func VerifyAsm(ctx context.Context, res *AsmResult) ([]VerifyReport, error) {
	dir, err := os.MkdirTemp("", "stencilgen-verify-avo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var reports []VerifyReport
	for _, ts := range res.Targets {
		rep := VerifyReport{Target: ts.Target, Stencils: len(ts.Stencils)}
		tdir := filepath.Join(dir, ts.Target.FileTag())
		exe, err := linkAsmProgram(ctx, res.Go, tdir, ts, res.Inputs.filesFor(ts.Target))
		if err != nil {
			return reports, fmt.Errorf("%s: %w", ts.Target.Name(), err)
		}
		img, syms, err := readGoExecutable(ts.Target, exe)
		if err != nil {
			return reports, fmt.Errorf("%s: reading the linked program: %w", ts.Target.Name(), err)
		}
		values := map[relocs.Value]uint64{}
		for name, v := range holeSymbols {
			if v >= relocs.ValueOperand0 {
				values[v] = linkValues[v]
				continue
			}
			addr, ok := syms[name]
			if !ok {
				return reports, fmt.Errorf("%s: the linked program has no %s", ts.Target.Name(), name)
			}
			values[v] = addr
		}
		for _, s := range ts.Stencils {
			entry, ok := syms["main."+s.Name+".abi0"]
			if !ok {
				return reports, fmt.Errorf("%s: the linked program has no main.%s.abi0", ts.Target.Name(), s.Name)
			}
			link, err := rawHoles(s, res.raw[ts.Target.Name()][s.Name])
			if err != nil {
				return reports, err
			}
			n, err := compareHoles(ts.Target, s, &linked{img: img, entry: entry, value: values}, link)
			rep.Holes += n
			if err != nil {
				return reports, fmt.Errorf("%s: %s: %w", ts.Target.Name(), s.Name, err)
			}
		}
		reports = append(reports, rep)
	}
	return reports, nil
}

// linkAsmProgram writes a main package holding the templates, the hole
// symbols and a Go declaration of every uop (so the linker keeps them),
// and builds it for the target.
func linkAsmProgram(ctx context.Context, g *GoTool, dir string, ts *TargetStencils, files []Template) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	write := func(name, content string) error {
		return os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	if err := write("go.mod", "module verify\n\ngo 1.21\n"); err != nil {
		return "", err
	}
	var main strings.Builder
	main.WriteString("package main\n\n")
	for _, s := range ts.Stencils {
		fmt.Fprintf(&main, "func %s()\n", s.Name)
	}
	main.WriteString("\nvar keep = []func(){\n")
	for _, s := range ts.Stencils {
		fmt.Fprintf(&main, "\t%s,\n", s.Name)
	}
	main.WriteString("}\n\nfunc main() { println(len(keep)) }\n")
	if err := write("main.go", main.String()); err != nil {
		return "", err
	}
	var holes strings.Builder
	holes.WriteString("#include \"textflag.h\"\n\n")
	for _, name := range sortedHoleSymbols() {
		v := holeSymbols[name]
		if v >= relocs.ValueOperand0 {
			fmt.Fprintf(&holes, "DATA %s+0(SB)/8, $%#x\nGLOBL %s(SB), RODATA|NOPTR, $8\n\n", name, linkValues[v], name)
		} else {
			fmt.Fprintf(&holes, "TEXT %s(SB), NOSPLIT|NOFRAME, $0\n\tRET\n\n", name)
		}
	}
	if err := write("holes_"+ts.Target.Arch+".s", holes.String()); err != nil {
		return "", err
	}
	for _, f := range files {
		// The templates' //go:build ignore keeps them out of Go builds;
		// here they are the build. Dropping the line moves no byte of code.
		var src bytes.Buffer
		for _, line := range strings.SplitAfter(string(f.Source), "\n") {
			if !strings.HasPrefix(line, "//go:build") {
				src.WriteString(line)
			}
		}
		if err := write(f.Name+".s", src.String()); err != nil {
			return "", err
		}
	}
	exe := filepath.Join(dir, "verify.exe")
	cmd := exec.CommandContext(ctx, g.Path, "build", "-o", exe, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS="+ts.Target.OS, "GOARCH="+ts.Target.Arch, "CGO_ENABLED=0", "GOFLAGS=", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("linking with the Go linker: %v\n%s", err, out)
	}
	return exe, nil
}

// readGoExecutable loads a Go program's sections and symbols.
func readGoExecutable(t Target, path string) (*image, map[string]uint64, error) {
	img := &image{}
	syms := map[string]uint64{}
	if t.Format == ELF {
		f, err := elf.Open(path)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		for _, sec := range f.Sections {
			if sec.Flags&elf.SHF_ALLOC == 0 || sec.Type == elf.SHT_NOBITS {
				continue
			}
			data, err := sec.Data()
			if err != nil {
				return nil, nil, err
			}
			img.segs = append(img.segs, imageSeg{sec.Addr, data})
		}
		ss, err := f.Symbols()
		if err != nil {
			return nil, nil, err
		}
		for _, s := range ss {
			syms[s.Name] = s.Value
		}
		return img, syms, nil
	}
	f, err := macho.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	for _, sec := range f.Sections {
		if sec.Flags&0xff == 0x1 { // S_ZEROFILL
			continue
		}
		data, err := sec.Data()
		if err != nil {
			return nil, nil, err
		}
		img.segs = append(img.segs, imageSeg{sec.Addr, data})
	}
	if f.Symtab == nil {
		return nil, nil, fmt.Errorf("no symbol table")
	}
	for _, s := range f.Symtab.Syms {
		// Mach-O prefixes C names with _; Go's own names are kept as is.
		syms[s.Name] = s.Value
		syms[strings.TrimPrefix(s.Name, "_")] = s.Value
	}
	return img, syms, nil
}
