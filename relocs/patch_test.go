package relocs

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// patchCase is one line of testdata/patch.txt.
type patchCase struct {
	line              int
	text              string
	kind              Kind
	before            []byte
	off               int
	value, place, got uint64
	addend            int64
	after             []byte // nil when an error is expected
	afterOff          int
	wantRange         bool
	wantErr           string
	asm, dis          string
}

var kindByName = func() map[string]Kind {
	m := map[string]Kind{}
	for k := Kind(0); k < numKinds; k++ {
		m[k.String()] = k
	}
	return m
}()

// parseBuf reads "hex|hex" or "0x12345678" words into bytes and the offset
// of the '|' (0 without one).
func parseBuf(s string) ([]byte, int, error) {
	var out []byte
	off := 0
	for i, part := range strings.Split(s, "|") {
		if i == 1 {
			off = len(out)
		} else if i > 1 {
			return nil, 0, errors.New("more than one '|'")
		}
		if strings.HasPrefix(part, "0x") {
			w, err := strconv.ParseUint(part[2:], 16, 32)
			if err != nil {
				return nil, 0, err
			}
			out = binary.LittleEndian.AppendUint32(out, uint32(w))
			continue
		}
		b, err := hex.DecodeString(part)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, b...)
	}
	return out, off, nil
}

func readPatchCases(t *testing.T) []patchCase {
	t.Helper()
	f, err := os.Open("testdata/patch.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []patchCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		line, asm, _ := strings.Cut(text, "# asm:")
		line, dis, _ := strings.Cut(line, "# dis:")
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) < 7 || len(fields) > 7 && !strings.HasPrefix(fields[6], "error:") {
			t.Fatalf("patch.txt:%d: %d fields, want 7", n, len(fields))
		}
		c := patchCase{line: n, text: strings.TrimSpace(text), asm: strings.TrimSpace(asm), dis: strings.TrimSpace(dis)}
		var ok bool
		if c.kind, ok = kindByName[fields[0]]; !ok {
			t.Fatalf("patch.txt:%d: unknown kind %q", n, fields[0])
		}
		var errs [6]error
		c.before, c.off, errs[0] = parseBuf(fields[1])
		c.value, errs[1] = strconv.ParseUint(fields[2], 0, 64)
		c.place, errs[2] = strconv.ParseUint(fields[3], 0, 64)
		c.addend, errs[3] = strconv.ParseInt(fields[4], 0, 64)
		c.got, errs[4] = strconv.ParseUint(fields[5], 0, 64)
		switch a := fields[6]; {
		case a == "range":
			c.wantRange = true
		case strings.HasPrefix(a, "error:"):
			// The message may hold spaces: take the rest of the line.
			c.wantErr = strings.TrimSpace(line[strings.Index(line, "error:")+len("error:"):])
		default:
			c.after, c.afterOff, errs[5] = parseBuf(a)
		}
		if err := errors.Join(errs[:]...); err != nil {
			t.Fatalf("patch.txt:%d: %v", n, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestPatch(t *testing.T) {
	cases := readPatchCases(t)
	seen := map[Kind]bool{}
	for _, c := range cases {
		seen[c.kind] = true
		code := bytes.Clone(c.before)
		err := Patch(c.kind, code, c.off, c.place, c.value, c.addend, c.got)
		var re *RangeError
		switch {
		case c.wantRange:
			if !errors.As(err, &re) {
				t.Errorf("patch.txt:%d: got error %v, want a RangeError\n\t%s", c.line, err, c.text)
			} else if re.Kind != c.kind || re.Place != c.place {
				t.Errorf("patch.txt:%d: RangeError %+v, want kind %v place %#x", c.line, *re, c.kind, c.place)
			}
		case c.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || errors.As(err, &re) {
				t.Errorf("patch.txt:%d: got error %v, want one containing %q\n\t%s", c.line, err, c.wantErr, c.text)
			}
		case err != nil:
			t.Errorf("patch.txt:%d: %v\n\t%s", c.line, err, c.text)
		case !bytes.Equal(code, c.after):
			t.Errorf("patch.txt:%d: got %x, want %x\n\t%s", c.line, code, c.after, c.text)
		}
		if (c.wantRange || c.wantErr != "") && !bytes.Equal(code, c.before) {
			t.Errorf("patch.txt:%d: failed Patch changed the buffer to %x", c.line, code)
		}
		if c.after != nil && c.afterOff != c.off && c.kind != X86GOTLoad {
			t.Errorf("patch.txt:%d: '|' moved from %d to %d", c.line, c.off, c.afterOff)
		}
		// Check agrees with Patch about the instruction.
		if err := Check(c.kind, c.before, c.off, c.addend); (err != nil) != (c.wantErr != "" && !isValueErr(c.wantErr)) {
			t.Errorf("patch.txt:%d: Check = %v", c.line, err)
		}
	}
	for k := Abs64; k < numKinds; k++ {
		if !seen[k] {
			t.Errorf("patch.txt has no case for %v", k)
		}
	}
}

// isValueErr reports whether a patch.txt error comes from the value or the
// place, not the instruction (so Check, which sees neither, passes).
func isValueErr(msg string) bool {
	for _, s := range []string{"aligned", "misaligned"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// TestPatchResolve reads every patched case back: Resolve must give the
// value (or slot) that went in, to the bits the field holds.
func TestPatchResolve(t *testing.T) {
	for _, c := range readPatchCases(t) {
		if c.after == nil {
			continue
		}
		r, err := Resolve(c.kind, c.after, c.off, c.place, c.addend)
		if err != nil {
			t.Errorf("patch.txt:%d: Resolve: %v", c.line, err)
			continue
		}
		if err := checkRef(c.kind, r, c.value, c.addend, c.got); err != "" {
			t.Errorf("patch.txt:%d: Resolve = %v: %s\n\t%s", c.line, r, err, c.text)
		}
	}
}

// checkRef says what is wrong with r as the read-back of a hole patched
// with value, addend and got ("" when nothing).
func checkRef(k Kind, r Ref, value uint64, addend int64, got uint64) string {
	want := value
	if r.Mask != ^uint64(0) {
		want = value + uint64(addend) // partial fields hold bits of S+A
	}
	if r.Indirect {
		want = got
	}
	if k.UsesGOT() && k.Arch() == ARM64 && r.Mask != ^uint64(0) {
		want = got
	}
	if r.Value&r.Mask != want&r.Mask {
		return "value " + strconv.FormatUint(want&r.Mask, 16) + " expected"
	}
	if r.Indirect != (k.UsesGOT() && r.Form == FormRel32 || r.Form == FormMovLoad || r.Form == FormALULoad || r.Form == FormLDRLit || k == A64GOTLoad12 && r.Form == FormLDST ||
		(r.Form == FormCall || r.Form == FormJmp) && r.Value == got && got != value) {
		return "wrong Indirect"
	}
	return ""
}
