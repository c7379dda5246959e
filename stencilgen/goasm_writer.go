package stencilgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/copypatch/copypatch/relocs"
)

// AsmTargetFile renders one target's stencil table built by the avo
// backend: the same table as TargetFile's, headed by the Go toolchain that
// assembled it instead of a Clang.
func AsmTargetFile(pkg string, t Target, goVersion, digest string, stencils []relocs.Stencil) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(generatedHeader)
	fmt.Fprintf(&b, "//\n// Target:  %s\n// Backend: avo (Go assembly, %s)\n// Inputs:  sha256:%s\n//\n// Regenerate with `go generate`.\n\n", t.Name(), goVersion, digest)
	fmt.Fprintf(&b, "package %s\n\nimport (\n\"github.com/copypatch/copypatch/relocs\"\n\"github.com/copypatch/copypatch/stencil\"\n)\n\n", pkg)
	fmt.Fprintf(&b, "// Target is the platform these stencils were built for.\nconst Target = %q\n\n", t.Name())
	fmt.Fprintf(&b, "// GoVersion is the Go toolchain whose assembler built these stencils.\nconst GoVersion = %q\n\n", goVersion)
	var terminal []string
	for _, s := range stencils {
		if !fallsThrough(t.RArch, s.Code) {
			terminal = append(terminal, "stencil.Op("+opIdent(s.Name)+")")
		}
	}
	writeSet(&b, fmt.Sprintf("%q", "avo: "+goVersion+" asm"), terminal)
	b.WriteString("// Stencils holds one stencil per uop, indexed by Op; a uop without a\n// template here has an empty stencil (no Name).\nvar Stencils = [NumOps]relocs.Stencil{\n")
	for _, s := range stencils {
		if err := writeStencil(&b, t, s); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", t.Name(), s.Name, err)
		}
	}
	b.WriteString("}\n")
	if err := writeEmitters(&b, stencils); err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name(), err)
	}
	return gofmt(b.Bytes())
}

// asmOtherFile is OtherFile for the avo backend, which has no ClangVersion.
func asmOtherFile(pkg string, targets []*TargetStencils) ([]byte, error) {
	var conds []string
	for _, ts := range targets {
		conds = append(conds, fmt.Sprintf("!(%s && %s)", ts.Target.OS, ts.Target.Arch))
	}
	var b bytes.Buffer
	b.WriteString(generatedHeader + "\n")
	fmt.Fprintf(&b, "//go:build %s\n\n", strings.Join(conds, " && "))
	fmt.Fprintf(&b, "package %s\n\nimport (\n\"github.com/copypatch/copypatch/relocs\"\n\"github.com/copypatch/copypatch/stencil\"\n)\n\n", pkg)
	b.WriteString("// Target is empty: there are no stencils for this platform.\nconst Target = \"\"\n\n")
	writeSet(&b, `""`, nil)
	b.WriteString("// GoVersion is empty: there are no stencils for this platform.\nconst GoVersion = \"\"\n\n")
	b.WriteString("// Stencils is empty on this platform: the JIT is unavailable.\nvar Stencils [NumOps]relocs.Stencil\n")
	b.WriteString("\n// Emitters is empty on this platform.\nvar Emitters [NumOps]relocs.Emitter\n")
	return gofmt(b.Bytes())
}

// WriteAsmTables writes ops.go, stencils_other.go and one
// stencils_<os>_<arch>.go per built target into dir. It returns the files it
// changed.
func WriteAsmTables(dir, pkg string, res *AsmResult) ([]string, error) {
	type file struct {
		name    string
		content []byte
	}
	var files []file
	ops, err := OpsFile(pkg, res.Ops)
	if err != nil {
		return nil, err
	}
	files = append(files, file{"ops.go", ops})
	other, err := asmOtherFile(pkg, res.Targets)
	if err != nil {
		return nil, err
	}
	files = append(files, file{"stencils_other.go", other})
	for _, ts := range res.Targets {
		content, err := AsmTargetFile(pkg, ts.Target, res.Go.Version, ts.Digest, ts.Stencils)
		if err != nil {
			return nil, err
		}
		files = append(files, file{"stencils_" + ts.Target.FileTag() + ".go", content})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var changed []string
	for _, f := range files {
		wrote, err := writeIfChanged(filepath.Join(dir, f.name), f.content)
		if err != nil {
			return changed, err
		}
		if wrote {
			changed = append(changed, f.name)
		}
	}
	return changed, nil
}
