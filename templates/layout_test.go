package templates

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/stencil"
)

// A fact is one number that C and Go must agree on: "sizeof cp_value",
// "offsetof cp_state.budget", "sizeof cp_state.budget", "macro CP_TAG_INT".
// expr is the C expression that computes it.
type fact struct {
	key  string
	expr string
	want uint64 // the Go side's value
}

// cField names a C struct member and the Go field that mirrors it.
type cField struct {
	name      string
	off, size uintptr
}

// fieldsOf pairs the fields of goStruct, in order, with cNames.
func fieldsOf(goStruct any, cNames []string) []cField {
	t := reflect.TypeOf(goStruct)
	var fs []cField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := fmt.Sprintf("<Go field %s.%s has no C name>", t.Name(), f.Name)
		if i < len(cNames) {
			name = cNames[i]
		}
		fs = append(fs, cField{name, f.Offset, f.Type.Size()})
	}
	for i := t.NumField(); i < len(cNames); i++ {
		fs = append(fs, cField{cNames[i], ^uintptr(0), ^uintptr(0)}) // no Go field: cannot match
	}
	return fs
}

// The C member names of each struct, in the order of the Go fields that
// mirror them; a Go field added without a C name (or the reverse) shows up as
// a mismatch.
var (
	valueCFields = []string{"tag", "bits"}
	stateCFields = []string{"frame", "budget", "interrupt", "calls", "exit_count"}
	listCFields  = []string{"vals", "len", "cap", "objs", "interp", "deque", "interp2", "seq", "packed", "plen", "pcap"}
	instCFields  = []string{"cls", "shape", "vals", "len", "cap"}
	strCFields   = []string{"data", "len", "kind"}
	itemCFields  = []string{"tag", "bits", "obj"}
	tupleCFields = []string{"items", "len", "cap"}
)

// goMacros is every CP_TAG_* and CP_EXIT_* macro of vmstate.h with the Go
// constant that mirrors it.
var goMacros = map[string]uint64{
	"CP_TAG_EMPTY":        uint64(TagEmpty),
	"CP_TAG_INT":          uint64(TagInt),
	"CP_TAG_FLOAT":        uint64(TagFloat),
	"CP_TAG_BOOL":         uint64(TagBool),
	"CP_TAG_NONE":         uint64(TagNone),
	"CP_TAG_OBJECT":       uint64(TagObject),
	"CP_EXIT_CODE_MASK":   ExitCodeMask,
	"CP_EXIT_INDEX_SHIFT": ExitIndexShift,
	"CP_EXIT_END":         ExitEnd,
	"CP_EXIT_SIDE":        ExitSide,
	"CP_EXIT_SAFEPOINT":   ExitSafepoint,
	"CP_ABI_VERSION":      stencil.ABIVersion,
	"CP_INSTANCE_BIT":     InstanceBit,
	"CP_KIND_INSTANCE":    uint64(KindInstance),
	"CP_STR_BIT":          StrBit,
	"CP_STR_ASCII":        StrASCII,
	"CP_TUPLE_BIT":        TupleBit,
	"CP_KIND_TUPLE":       uint64(KindTuple),
	"CP_PACKED_KIND":      PackedKind,
}

// layoutFacts lists, from the Go side, every number vmstate.h must agree
// with.
func layoutFacts() []fact {
	var facts []fact
	structs := []struct {
		c      string
		goSize uintptr
		fields []cField
	}{
		{"cp_value", unsafe.Sizeof(Value{}), fieldsOf(Value{}, valueCFields)},
		{"cp_state", unsafe.Sizeof(State{}), fieldsOf(State{}, stateCFields)},
		{"cp_list", unsafe.Sizeof(List{}), fieldsOf(List{}, listCFields)},
		{"cp_instance", unsafe.Sizeof(Instance{}), fieldsOf(Instance{}, instCFields)},
		{"cp_str", unsafe.Sizeof(Str{}), fieldsOf(Str{}, strCFields)},
		{"cp_item", unsafe.Sizeof(Item{}), fieldsOf(Item{}, itemCFields)},
		{"cp_tuple", unsafe.Sizeof(Tuple{}), fieldsOf(Tuple{}, tupleCFields)},
	}
	for _, s := range structs {
		facts = append(facts, fact{"sizeof " + s.c, "sizeof(" + s.c + ")", uint64(s.goSize)})
		for _, f := range s.fields {
			facts = append(facts,
				fact{"offsetof " + s.c + "." + f.name, "__builtin_offsetof(" + s.c + ", " + f.name + ")", uint64(f.off)},
				fact{"sizeof " + s.c + "." + f.name, "sizeof(((" + s.c + " *)0)->" + f.name + ")", uint64(f.size)})
		}
	}
	names := make([]string, 0, len(goMacros))
	for n := range goMacros {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		facts = append(facts, fact{"macro " + n, "(unsigned long long)(" + n + ")", goMacros[n]})
	}
	facts = append(facts, fact{"SlotSize", "sizeof(cp_value)", SlotSize})
	return facts
}

// headerDir writes the embedded headers to a temporary directory, so the C
// side is exactly what stencilgen compiles.
func headerDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, h := range []string{"copypatch.h", "vmstate.h", "uop.h"} {
		b, err := Sources.ReadFile(h)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, h), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// printProgram is a hosted C program that prints every fact as "key value".
func printProgram(facts []fact) []byte {
	var b bytes.Buffer
	b.WriteString("#include <stdio.h>\n#include \"vmstate.h\"\nint main(void) {\n")
	for _, f := range facts {
		fmt.Fprintf(&b, "    printf(\"%%s %%llu\\n\", %q, (unsigned long long)(%s));\n", f.key, f.expr)
	}
	b.WriteString("    return 0;\n}\n")
	return b.Bytes()
}

// assertProgram is a C file that compiles only if every fact holds.
func assertProgram(facts []fact) []byte {
	var b bytes.Buffer
	b.WriteString("#include \"vmstate.h\"\n")
	for _, f := range facts {
		fmt.Fprintf(&b, "_Static_assert((%s) == %dULL, %q);\n", f.expr, f.want, f.key+" (Go says "+strconv.FormatUint(f.want, 10)+")")
	}
	return b.Bytes()
}

func hostCC(t *testing.T) string {
	t.Helper()
	for _, cc := range []string{os.Getenv("CC"), "cc", "gcc", "clang"} {
		if cc == "" {
			continue
		}
		if p, err := exec.LookPath(cc); err == nil {
			return p
		}
	}
	t.Skip("no host C compiler (cc, gcc, clang or $CC): cannot compare vmstate.h with layout.go")
	return ""
}

// runHostFacts compiles and runs printProgram, returning what C says.
func runHostFacts(t *testing.T, cc string, facts []fact) (map[string]uint64, error) {
	dir := headerDir(t)
	src := filepath.Join(dir, "layout.c")
	exe := filepath.Join(dir, "layout")
	if err := os.WriteFile(src, printProgram(facts), 0o644); err != nil {
		return nil, err
	}
	if out, err := exec.Command(cc, "-std=gnu11", "-Wall", "-Werror", "-I", dir, "-o", exe, src).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", cc, err, out)
	}
	out, err := exec.Command(exe).Output()
	if err != nil {
		return nil, fmt.Errorf("running the layout program: %v", err)
	}
	got := map[string]uint64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			return nil, fmt.Errorf("bad line %q", line)
		}
		v, err := strconv.ParseUint(line[i+1:], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("bad line %q: %v", line, err)
		}
		got[line[:i]] = v
	}
	return got, nil
}

// mismatches compares what C says with the Go side.
func mismatches(facts []fact, got map[string]uint64) []string {
	var bad []string
	for _, f := range facts {
		v, ok := got[f.key]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s: C printed nothing", f.key))
		case v != f.want:
			bad = append(bad, fmt.Sprintf("%s: C says %d, Go says %d", f.key, v, f.want))
		}
	}
	return bad
}

// TestLayoutMatchesHeader compiles vmstate.h with the host C compiler and
// checks every size, offset and constant against layout.go.
func TestLayoutMatchesHeader(t *testing.T) {
	cc := hostCC(t)
	facts := layoutFacts()
	got, err := runHostFacts(t, cc, facts)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mismatches(facts, got) {
		t.Error(m)
	}
}

// TestLayoutCheckCanFail proves the comparison notices a wrong Go-side value:
// every fact is perturbed in turn (checked in one C run), and each must be
// reported.
func TestLayoutCheckCanFail(t *testing.T) {
	cc := hostCC(t)
	facts := layoutFacts()
	got, err := runHostFacts(t, cc, facts)
	if err != nil {
		t.Fatal(err)
	}
	if len(mismatches(facts, got)) != 0 {
		t.Skip("C and Go already disagree; TestLayoutMatchesHeader reports how")
	}
	for i := range facts {
		wrong := append([]fact(nil), facts...)
		wrong[i].want++
		if m := mismatches(wrong, got); len(m) != 1 {
			t.Errorf("perturbing %s: got %d mismatches %q, want 1", facts[i].key, len(m), m)
		}
	}
}

// TestHeaderFullyMirrored fails when vmstate.h gains a CP_TAG_*/CP_EXIT_*
// macro or a struct member that the Go side does not list.
func TestHeaderFullyMirrored(t *testing.T) {
	var h []byte
	for _, name := range []string{"copypatch.h", "vmstate.h"} {
		b, err := Sources.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		h = append(h, b...)
	}
	for _, m := range regexp.MustCompile(`(?m)^#define (CP_(?:TAG|EXIT|KIND|INSTANCE)_\w+)\s`).FindAllSubmatch(h, -1) {
		if _, ok := goMacros[string(m[1])]; !ok {
			t.Errorf("vmstate.h defines %s, which has no Go mirror in layout.go (add it to goMacros)", m[1])
		}
	}
	structRe := regexp.MustCompile(`(?s)typedef struct (\w+) \{(.*?)\} \w+;`)
	memberRe := regexp.MustCompile(`(?m)^\s*[\w ]+?[\s*]+(\w+)(?:\[\d+\])?;`)
	want := map[string][]string{"cp_value": valueCFields, "cp_state": stateCFields, "cp_list": listCFields, "cp_instance": instCFields, "cp_str": strCFields, "cp_item": itemCFields, "cp_tuple": tupleCFields}
	seen := 0
	for _, s := range structRe.FindAllSubmatch(h, -1) {
		name := string(s[1])
		var members []string
		for _, m := range memberRe.FindAllSubmatch(s[2], -1) {
			members = append(members, string(m[1]))
		}
		w, ok := want[name]
		if !ok {
			t.Errorf("vmstate.h defines struct %s, which has no Go mirror", name)
			continue
		}
		seen++
		if !reflect.DeepEqual(members, w) {
			t.Errorf("struct %s members: header %q, Go mirror %q", name, members, w)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d mirrored structs in vmstate.h", seen, len(want))
	}
}

// clangTargets are the four targets stencils are built for.
var clangTargets = []string{
	"x86_64-unknown-linux-gnu",
	"x86_64-apple-darwin",
	"aarch64-unknown-linux-gnu",
	"arm64-apple-darwin",
}

func findClang(t *testing.T) string {
	t.Helper()
	for _, c := range []string{os.Getenv("CLANG"), "clang-19"} {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	t.Skip("clang-19 not found (set $CLANG): cannot prove the layout on every target")
	return ""
}

func clangAsserts(clang, dir, target string, facts []fact) error {
	src := filepath.Join(dir, "asserts_"+target+".c")
	if err := os.WriteFile(src, assertProgram(facts), 0o644); err != nil {
		return err
	}
	cmd := exec.Command(clang, "--target="+target, "-std=gnu11", "-ffreestanding", "-Wall", "-Werror", "-fsyntax-only", "-I", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	return nil
}

// TestLayoutOnEveryTarget proves with _Static_assert that the layout holds
// on every stencil target, not only the host.
func TestLayoutOnEveryTarget(t *testing.T) {
	clang := findClang(t)
	dir := headerDir(t)
	facts := layoutFacts()
	for _, target := range clangTargets {
		t.Run(target, func(t *testing.T) {
			if err := clangAsserts(clang, dir, target, facts); err != nil {
				t.Errorf("vmstate.h disagrees with layout.go on %s: %v", target, err)
			}
		})
	}
	// And the check can fail: a wrong offset must not compile.
	wrong := append([]fact(nil), facts...)
	for i := range wrong {
		if wrong[i].key == "offsetof cp_state.interrupt" {
			wrong[i].want++
		}
	}
	if err := clangAsserts(clang, dir, clangTargets[0], wrong); err == nil {
		t.Error("a wrong offsetof cp_state.interrupt compiled: the static asserts prove nothing")
	} else if !strings.Contains(err.Error(), "cp_state.interrupt") {
		t.Errorf("clang rejected the wrong offset without naming it: %v", err)
	}
}

func TestUops(t *testing.T) {
	uops := Uops()
	if !sort.StringsAreSorted(uops) {
		t.Errorf("Uops() not sorted: %q", uops)
	}
	has := map[string]bool{}
	for _, u := range uops {
		has[u] = true
		file, _, ok := Source(u)
		if !ok {
			t.Fatalf("Source(%q) finds no template", u)
		}
		src, err := Sources.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		// The go tool refuses C files in a non-cgo package; the constraint
		// hides them from it.
		name := strings.TrimSuffix(file, ".c")
		if !bytes.HasPrefix(src, []byte("//go:build ignore\n\n// "+strings.ToUpper(name)+":")) {
			t.Errorf("%s must start with //go:build ignore, a blank line and a comment naming %s", file, strings.ToUpper(name))
		}
	}
	for _, u := range []string{"int_add", "loop", "exit", "end", "guard_int", "float_div"} {
		if !has[u] {
			t.Errorf("Uops() lacks %s: %q", u, uops)
		}
	}
}

func TestExitCode(t *testing.T) {
	for _, tc := range []struct {
		reason uint8
		index  uint64
		str    string
	}{
		{ExitEnd, 0, "end@0"},
		{ExitSide, 7, "side_exit@7"},
		{ExitSafepoint, 1 << 40, "safepoint@1099511627776"},
		{9, 3, "exit(9)@3"},
	} {
		c := MakeExitCode(tc.reason, tc.index)
		if c.Reason() != tc.reason || c.Index() != tc.index || c.String() != tc.str {
			t.Errorf("MakeExitCode(%d, %d) = %#x: reason %d index %d %q, want %q", tc.reason, tc.index, uint64(c), c.Reason(), c.Index(), c.String(), tc.str)
		}
	}
	for _, r := range []int{ExitEnd, ExitSide, ExitSafepoint} {
		if r&ExitCodeMask != r || r >= stencil.ExitUser {
			t.Errorf("exit reason %d does not fit the mask or the name table", r)
		}
	}
}

func TestTagString(t *testing.T) {
	for tag, want := range map[Tag]string{TagEmpty: "empty", TagInt: "int", TagFloat: "float", TagBool: "bool", TagNone: "none", TagObject: "object", 6: "Tag(6)"} {
		if got := tag.String(); got != want {
			t.Errorf("Tag(%d).String() = %q, want %q", uint64(tag), got, want)
		}
	}
}
