package stencilgen

import (
	"bytes"
	"context"
	"debug/elf"
	"debug/macho"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/copypatch/copypatch/elfparse"
	"github.com/copypatch/copypatch/relocs"
)

// Verify proves the patcher agrees with a real linker. For every stencil it
// links the stencil's object with ld.lld (ELF) or ld64.lld (Mach-O), with
// every hole symbol defined, patches the same stencil with relocs at the same
// code address with the same values, and checks that every hole resolves to
// the same thing in both images:
//
//   - holes filled with a hole symbol (operands, continue, exit, jump
//     target) must denote the same value, read through the GOT slot where
//     the instruction loads one, whichever side relaxed what;
//   - holes that point into the stencil's own code must give the same address;
//   - holes that point into its data (constant pools) must point at the same
//     bytes, since each image lays its data out itself.
//
// arm64 ADRP holes are checked through the low-12 instruction that pairs
// with them.

// linkValues are the hole symbols' values for ELF links: a mix of small
// operands (which fit an imm16/imm32 and relax) and large ones (which don't),
// and branch targets within reach of the code at elfTextAddr.
var linkValues = map[relocs.Value]uint64{
	relocs.ValueOperand0:   0x30,
	relocs.ValueOperand1:   0x1234_5678_9abc,
	relocs.ValueOperand2:   0x7fff_fff0,
	relocs.ValueOperand3:   0xffff_ffff_ffff_ffe0,
	relocs.ValueContinue:   elfTextAddr + 0x10_0000,
	relocs.ValueJumpTarget: elfTextAddr - 0x2_0000,
	relocs.ValueExit:       elfTextAddr + 0x40_0000,
}

const elfTextAddr = 0x4000_0000

// disp32Value is the link value of an operand the object uses as a
// signed 32-bit displacement (R_X86_64_32S: a slot offset, which the
// runtime proves fits), where linkValues' would not link.
const disp32Value = 0x1230

// disp32Symbols names the symbols obj's R_X86_64_32S relocations refer to.
// It reads the object, not the stencil: the stencil's holes are what
// verify checks.
func disp32Symbols(obj string) (map[string]bool, error) {
	f, err := elfparse.Open(obj)
	if err != nil {
		return nil, err
	}
	syms := map[string]bool{}
	for _, s := range f.Sections {
		if s == nil {
			continue
		}
		for _, r := range s.Relocs {
			if f.Machine == elf.EM_X86_64 && elf.R_X86_64(r.Type) == elf.R_X86_64_32S {
				syms[f.SymbolName(r.Symbol)] = true
			}
		}
	}
	return syms, nil
}

const arm64NOP = 0xd503201f

// VerifyReport sums up one target.
type VerifyReport struct {
	Target   Target
	Stencils int
	Holes    int
}

// Verify checks every stencil of every target in res.
func Verify(ctx context.Context, res *Result, jobs int) ([]VerifyReport, error) {
	dir, err := os.MkdirTemp("", "stencilgen-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var reports []VerifyReport
	for _, ts := range res.Targets {
		linker, err := findLinker(ts.Target.Format)
		if err != nil {
			return nil, err
		}
		symObj := ""
		if ts.Target.Format == MachO {
			if symObj, err = machoSymbolObject(ctx, res.Clang, ts.Target, dir); err != nil {
				return nil, err
			}
		}
		rep := VerifyReport{Target: ts.Target, Stencils: len(ts.Stencils)}
		var (
			mu       sync.Mutex
			firstErr error
			wg       sync.WaitGroup
			sem      = make(chan struct{}, max(jobs, 1))
		)
		for i, s := range ts.Stencils {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				n, err := verifyOne(ctx, linker, ts.Target, s, ts.Objects[i].Path, symObj, filepath.Join(dir, ts.Target.FileTag()+"-"+s.Name))
				mu.Lock()
				defer mu.Unlock()
				rep.Holes += n
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("%s: %s: %w", ts.Target.Name(), s.Name, err)
				}
			}()
		}
		wg.Wait()
		if firstErr != nil {
			return reports, firstErr
		}
		reports = append(reports, rep)
	}
	return reports, nil
}

func findLinker(f Format) (string, error) {
	env, base := "LD_LLD", "ld.lld"
	if f == MachO {
		env, base = "LD64_LLD", "ld64.lld"
	}
	if p := os.Getenv(env); p != "" {
		return p, nil
	}
	for v := newestClangMajor; v >= MinClangMajor; v-- {
		if p, err := exec.LookPath(base + "-" + strconv.Itoa(v)); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath(base); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("verify needs %s (or $%s): apt-get install -y lld-19", base, env)
}

// machoSymbolObject assembles an object that defines every hole symbol as a
// label in a data section. ld64.lld mis-relaxes GOT loads of small absolute
// symbols (it adds the image base), so Mach-O holes get real addresses,
// read back from the linked image.
func machoSymbolObject(ctx context.Context, c *Clang, t Target, dir string) (string, error) {
	var src strings.Builder
	src.WriteString(".section __DATA,__jitholes\n.p2align 4\n")
	for _, name := range sortedHoleSymbols() {
		fmt.Fprintf(&src, ".globl _%s\n_%s:\n.space 64\n", name, name)
	}
	s := filepath.Join(dir, "holes-"+t.FileTag()+".s")
	o := strings.TrimSuffix(s, ".s") + ".o"
	if err := os.WriteFile(s, []byte(src.String()), 0o644); err != nil {
		return "", err
	}
	if out, err := exec.CommandContext(ctx, c.Path, "--target="+t.Triple, "-c", s, "-o", o).CombinedOutput(); err != nil {
		return "", fmt.Errorf("assembling hole symbols for %s: %v\n%s", t.Name(), err, out)
	}
	return o, nil
}

func sortedHoleSymbols() []string {
	names := make([]string, 0, len(holeSymbols))
	for n := range holeSymbols {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// image is a linked executable's loaded bytes, for reading back.
type image struct {
	segs []imageSeg
}

type imageSeg struct {
	addr uint64
	data []byte
}

func (im *image) read(addr uint64, n int) ([]byte, error) {
	for _, s := range im.segs {
		if addr >= s.addr && addr+uint64(n) <= s.addr+uint64(len(s.data)) {
			return s.data[addr-s.addr : addr-s.addr+uint64(n)], nil
		}
	}
	return nil, fmt.Errorf("address %#x+%d is not in the linked image", addr, n)
}

// linked is what verify needs from a linked executable.
type linked struct {
	img   *image
	entry uint64                  // address of the template function
	value map[relocs.Value]uint64 // hole symbol values
}

func verifyOne(ctx context.Context, linker string, t Target, s relocs.Stencil, obj, symObj, out string) (int, error) {
	var args []string
	if t.Format == ELF {
		args = []string{"-o", out, "--no-pie", "-static", "-e", "cp_uop", "-Ttext=" + fmt.Sprintf("%#x", elfTextAddr)}
		disp, err := disp32Symbols(obj)
		if err != nil {
			return 0, err
		}
		for _, name := range sortedHoleSymbols() {
			v := linkValues[holeSymbols[name]]
			if disp[name] {
				v = disp32Value
			}
			args = append(args, fmt.Sprintf("--defsym=%s=%#x", name, v))
		}
		args = append(args, obj)
	} else {
		arch := "x86_64"
		if t.RArch == relocs.ARM64 {
			arch = "arm64"
		}
		args = []string{"-arch", arch, "-platform_version", "macos", "13.0", "13.0", "-e", "_cp_uop", "-o", out, obj, symObj}
	}
	if msg, err := exec.CommandContext(ctx, linker, args...).CombinedOutput(); err != nil {
		return 0, fmt.Errorf("linking: %v\n%s", err, msg)
	}
	defer os.Remove(out)
	var (
		ln  *linked
		err error
	)
	if t.Format == ELF {
		ln, err = readELF(out)
	} else {
		ln, err = readMachO(out)
	}
	if err != nil {
		return 0, err
	}
	return compareStencil(t, s, ln)
}

func readELF(path string) (*linked, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ln := &linked{img: &image{}, value: map[relocs.Value]uint64{}}
	for _, sec := range f.Sections {
		if sec.Flags&elf.SHF_ALLOC == 0 || sec.Type == elf.SHT_NOBITS {
			continue
		}
		data, err := sec.Data()
		if err != nil {
			return nil, err
		}
		ln.img.segs = append(ln.img.segs, imageSeg{sec.Addr, data})
	}
	syms, err := f.Symbols()
	if err != nil {
		return nil, err
	}
	for _, sym := range syms {
		if sym.Name == "cp_uop" {
			ln.entry = sym.Value
		}
		if v, ok := holeSymbols[sym.Name]; ok {
			ln.value[v] = sym.Value
		}
	}
	if ln.entry == 0 {
		return nil, errors.New("linked image has no cp_uop")
	}
	return ln, nil
}

func readMachO(path string) (*linked, error) {
	f, err := macho.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ln := &linked{img: &image{}, value: map[relocs.Value]uint64{}}
	for _, sec := range f.Sections {
		if sec.Flags&0xff == 0x1 { // S_ZEROFILL
			continue
		}
		data, err := sec.Data()
		if err != nil {
			return nil, err
		}
		ln.img.segs = append(ln.img.segs, imageSeg{sec.Addr, data})
	}
	if f.Symtab == nil {
		return nil, errors.New("linked image has no symbols")
	}
	for _, sym := range f.Symtab.Syms {
		if sym.Name == "_cp_uop" {
			ln.entry = sym.Value
		}
		if v, ok := holeSymbols[strings.TrimPrefix(sym.Name, "_")]; ok {
			ln.value[v] = sym.Value
		}
	}
	if ln.entry == 0 {
		return nil, errors.New("linked image has no _cp_uop")
	}
	return ln, nil
}

// ours patches the stencil with the linker's code address and hole values,
// placing its data after the code, as the runtime would.
func ours(s relocs.Stencil, ln *linked) (*image, uint64, error) {
	code := append([]byte(nil), s.Code...)
	data := append([]byte(nil), s.Data...)
	codeAddr := ln.entry
	dataAddr := (codeAddr + uint64(len(code)) + 0xfff) &^ 0xfff
	value := func(v relocs.Value) uint64 {
		switch v {
		case relocs.ValueCode:
			return codeAddr
		case relocs.ValueData:
			return dataAddr
		}
		return ln.value[v]
	}
	for _, h := range s.Holes { // data first: GOT slots must hold their values before code is relaxed
		if h.Section == relocs.Data {
			if err := relocs.Patch(h.Kind, data, int(h.Offset), dataAddr+uint64(h.Offset), value(h.Value), h.Addend, 0); err != nil {
				return nil, 0, err
			}
		}
	}
	for _, h := range s.Holes {
		if h.Section == relocs.Code {
			got := uint64(0)
			if h.GOT >= 0 {
				got = dataAddr + uint64(h.GOT)
			}
			if err := relocs.Patch(h.Kind, code, int(h.Offset), codeAddr+uint64(h.Offset), value(h.Value), h.Addend, got); err != nil {
				return nil, 0, fmt.Errorf("patching %s: %w", describeHole(h), err)
			}
		}
	}
	return &image{segs: []imageSeg{{codeAddr, code}, {dataAddr, data}}}, dataAddr, nil
}

func describeHole(h relocs.Hole) string {
	return fmt.Sprintf("hole %s+%#x (%s, %s, %s%+d)", h.Section, h.Offset, h.Kind, h.Value, h.Symbol, h.Addend)
}

// meaning is what a code hole denotes in one image: a value (operands,
// code addresses, jump targets) or, for constant-pool references, an address
// whose bytes are compared.
func meaning(t Target, im *image, holes []relocs.Hole, i int, codeAddr uint64) (uint64, bool, error) {
	h := holes[i]
	seg := im.segs[0]
	for _, s := range im.segs {
		if codeAddr >= s.addr && codeAddr < s.addr+uint64(len(s.data)) {
			seg = s
		}
	}
	code := seg.data[codeAddr-seg.addr:]
	place := codeAddr + uint64(h.Offset)
	isPage := h.Kind == relocs.A64Page21 || h.Kind == relocs.A64GOTPage21
	r, err := relocs.Resolve(h.Kind, code, int(h.Offset), place, h.Addend)
	if err != nil && isPage {
		// A linker that relaxes an ADRP+LDR pair may write ADR+NOP: the
		// ADRP slot then holds the whole address.
		if ar, aerr := relocs.Resolve(relocs.A64GOTLoad12, code, int(h.Offset), place, 0); aerr == nil && ar.Form == relocs.FormADR {
			r, err = ar, nil
		}
	}
	if err != nil && !isPage && binary.LittleEndian.Uint32(code[h.Offset:]) == arm64NOP {
		r, err = relocs.Ref{Form: relocs.FormNOP}, nil
	}
	if err != nil {
		return 0, false, err
	}
	if isPage && r.Form == relocs.FormADRP {
		return 0, false, nil // only a page: checked through its low-12 partner
	}
	if r.Mask == 0 && !isPage {
		// The low-12 half of a pair the linker relaxed into its ADRP slot.
		for j := i - 1; j >= 0; j-- {
			p := holes[j]
			if p.Section == relocs.Code && p.Symbol == h.Symbol && (p.Kind == relocs.A64Page21 || p.Kind == relocs.A64GOTPage21) {
				return meaning(t, im, holes, j, codeAddr)
			}
		}
		return 0, false, fmt.Errorf("no ADRP pairs with it")
	}
	full := r.Mask == ^uint64(0)
	if r.Mask == 0xfff && r.Base >= 0 {
		// Join with the nearest earlier ADRP writing the base register.
		for j := i - 1; j >= 0; j-- {
			p := holes[j]
			if p.Section != relocs.Code || (p.Kind != relocs.A64Page21 && p.Kind != relocs.A64GOTPage21) {
				continue
			}
			pr, err := relocs.Resolve(p.Kind, code, int(p.Offset), codeAddr+uint64(p.Offset), p.Addend)
			if err != nil || pr.Form != relocs.FormADRP || pr.Reg != r.Base {
				continue
			}
			if r, err = r.WithPage(pr); err != nil {
				return 0, false, err
			}
			full = true
			// A joined address is S+A; make it S like the other forms.
			if !r.Indirect && h.Kind == relocs.A64PageOff12 {
				r.Value -= uint64(h.Addend)
			}
			break
		}
	}
	if !full {
		return 0, false, nil // an ADRP alone, a MOVK group: checked through its pair
	}
	v := r.Value
	if r.Indirect {
		b, err := im.read(v, 8)
		if err != nil {
			return 0, false, err
		}
		v = binary.LittleEndian.Uint64(b)
	}
	return v, true, nil
}

// compareStencil checks every code hole of s in our image against the linker's.
func compareStencil(t Target, s relocs.Stencil, ln *linked) (int, error) {
	return compareHoles(t, s, ln, s.Holes)
}

// compareHoles is compareStencil where the linked code is not s's own
// bytes but the code s was made from by passes that move holes (the avo
// backend's FoldJumpOverJump): linkHoles[i] is where s.Holes[i] is in the
// linker's image.
func compareHoles(t Target, s relocs.Stencil, ln *linked, linkHoles []relocs.Hole) (int, error) {
	mine, dataAddr, err := ours(s, ln)
	if err != nil {
		return 0, err
	}
	// Our image is read with the addends the linked code was made with:
	// a hole whose addend our patcher applied wrongly then resolves
	// elsewhere than the linker's, however the stencil's passes moved it.
	ourHoles := s.Holes
	if len(s.Holes) > 0 && &linkHoles[0] != &s.Holes[0] {
		ourHoles = slices.Clone(s.Holes)
		for i := range ourHoles {
			ourHoles[i].Addend = linkHoles[i].Addend
		}
	}
	// Our data without the GOT slots: the part both images share.
	shared := len(s.Data)
	for _, h := range s.Holes {
		if h.GOT >= 0 && int(h.GOT) < shared {
			shared = int(h.GOT)
		}
	}
	checked := 0
	for i, h := range s.Holes {
		if h.Section != relocs.Code {
			continue
		}
		want, okL, err := meaning(t, ln.img, linkHoles, i, ln.entry)
		if err != nil {
			return checked, fmt.Errorf("%s: linker's image: %w", describeHole(h), err)
		}
		got, okO, err := meaning(t, mine, ourHoles, i, ln.entry)
		if err != nil {
			return checked, fmt.Errorf("%s: our image: %w", describeHole(h), err)
		}
		if !okL || !okO {
			continue
		}
		checked++
		if h.Value != relocs.ValueData {
			if got != want {
				return checked, fmt.Errorf("%s: the linker resolves it to %#x, we resolve it to %#x", describeHole(h), want, got)
			}
			continue
		}
		// A constant-pool reference: compare the bytes each side points at.
		at := int64(got-dataAddr) + h.Addend
		if t.RArch == relocs.AMD64 {
			at += 4 // x86 addends carry the rel32 PC bias
		}
		if at < 0 || at >= int64(shared) {
			return checked, fmt.Errorf("%s: we point outside the stencil's data (offset %d)", describeHole(h), at)
		}
		n := min(8, shared-int(at))
		theirs, err := ln.img.read(want+uint64(at)-uint64(int64(got-dataAddr)), n)
		if err != nil {
			return checked, fmt.Errorf("%s: linker's image: %w", describeHole(h), err)
		}
		if !bytes.Equal(theirs, s.Data[at:int(at)+n]) {
			return checked, fmt.Errorf("%s: the linker points at % x, we point at % x", describeHole(h), theirs, s.Data[at:int(at)+n])
		}
	}
	return checked, nil
}
