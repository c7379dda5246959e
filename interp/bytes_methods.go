package interp

import (
	"bytes"
	"math/big"
	"strings"
)

// Methods of bytes and bytearray (and int.to_bytes, int.from_bytes,
// str.encode), registered into methods_more.go's extraMethods.

const asciiSpace = " \t\n\r\x0b\x0c"

func registerBytesMethods() {
	extraMethods["bytes"] = bytesMethods
	ba := map[string]extraFn{}
	for k, v := range bytesMethods {
		ba[k] = v
	}
	for k, v := range bytearrayMethods {
		ba[k] = v
	}
	extraMethods["bytearray"] = ba
	for _, t := range []string{"bytes", "bytearray"} {
		for _, n := range []string{"fromhex", "maketrans"} {
			f := bytesTypeAttr(t, n)
			extraMethods[t][n] = func(vm *VM, self Val, args []Val, kwn []string) (Val, error) { return f(vm, args, kwn) }
		}
	}
	extraMethods["int"]["to_bytes"] = intToBytes
	extraMethods["str"]["encode"] = func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("str.encode", args, kwn, []string{"encoding", "errors"}, 0)
		if err != nil {
			return Val{}, err
		}
		b, err := vm.encodeStr(self.str().s, a[0], a[1])
		if err != nil {
			return Val{}, err
		}
		return bytesVal(b), nil
	}
}

// bytesTypeAttr is bytes.fromhex, bytearray.fromhex, bytes.maketrans and
// int.from_bytes.
func bytesTypeAttr(t, name string) nativeFn {
	switch t + "." + name {
	case "bytes.fromhex", "bytearray.fromhex":
		mut := t == "bytearray"
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("fromhex", args, kwn, 1); err != nil {
				return Val{}, err
			}
			var s string
			if args[0].isStr() {
				s = args[0].str().s
			} else if b, ok := bytesLike(args[0]); ok {
				s = string(b) // 3.14 takes bytes too
			} else {
				return Val{}, newErr(TypeError, "fromhex() argument must be str or bytes-like, not %s", typeName(args[0]))
			}
			b, err := fromHex(s)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(&Bytes{b: b, mut: mut}), nil
		}
	case "bytes.maketrans", "bytearray.maketrans":
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("maketrans", args, kwn, 2); err != nil {
				return Val{}, err
			}
			from, ok1 := bytesLike(args[0])
			to, ok2 := bytesLike(args[1])
			if !ok1 || !ok2 {
				bad := args[0]
				if ok1 {
					bad = args[1]
				}
				return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(bad))
			}
			if len(from) != len(to) {
				return Val{}, newErr(ValueError, "maketrans arguments must have same length")
			}
			t := make([]byte, 256)
			for i := range t {
				t[i] = byte(i)
			}
			for i, c := range from {
				t[c] = to[i]
			}
			return bytesVal(t), nil
		}
	case "int.from_bytes":
		return intFromBytes
	}
	return nil
}

// kwArgs places positional and keyword arguments by names; the first
// required ones must be given. Missing ones are Val{}.
func kwArgs(fn string, args []Val, kwn []string, names []string, required int) ([]Val, error) {
	out := make([]Val, len(names))
	pos, kw := splitKw(args, kwn)
	if len(pos) > len(names) {
		return nil, newErr(TypeError, "%s() takes at most %d arguments (%d given)", fn, len(names), len(pos))
	}
	copy(out, pos)
	for k, v := range kw {
		i := indexOf(names, k)
		if i < 0 {
			return nil, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if i < len(pos) {
			return nil, newErr(TypeError, "argument for %s() given by name ('%s') and position (%d)", fn, k, i+1)
		}
		out[i] = v
	}
	for i := 0; i < required; i++ {
		if out[i].T == tagEmpty {
			return nil, newErr(TypeError, "%s() missing required argument '%s' (pos %d)", fn, names[i], i+1)
		}
	}
	return out, nil
}

func indexOf(names []string, k string) int {
	for i, n := range names {
		if n == k {
			return i
		}
	}
	return -1
}

func fromHex(s string) ([]byte, error) {
	out := []byte{}
	digit := func(c byte) int {
		switch {
		case c >= '0' && c <= '9':
			return int(c - '0')
		case c >= 'a' && c <= 'f':
			return int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	bad := func(i int) error {
		return newErr(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i)
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if r := rs[i]; r < 0x80 && strings.IndexByte(asciiSpace, byte(r)) >= 0 {
			i++
			continue
		}
		if rs[i] >= 0x80 || digit(byte(rs[i])) < 0 {
			return nil, bad(i)
		}
		if i+1 >= len(rs) || rs[i+1] >= 0x80 || digit(byte(rs[i+1])) < 0 {
			return nil, bad(i + 1)
		}
		out = append(out, byte(digit(byte(rs[i]))<<4|digit(byte(rs[i+1]))))
		i += 2
	}
	return out, nil
}

// bytesHex is b.hex(sep, bytes_per_sep): groups counted from the right
// when bytes_per_sep is positive, from the left when negative.
func bytesHex(b []byte, sep string, per int) string {
	const h = "0123456789abcdef"
	if sep == "" || per == 0 || len(b) == 0 {
		out := make([]byte, 2*len(b))
		for i, c := range b {
			out[2*i], out[2*i+1] = h[c>>4], h[c&15]
		}
		return string(out)
	}
	n := per
	if n < 0 {
		n = -n
	}
	var sb strings.Builder
	for i, c := range b {
		if i > 0 {
			var boundary bool
			if per > 0 {
				boundary = (len(b)-i)%n == 0
			} else {
				boundary = i%n == 0
			}
			if boundary {
				sb.WriteString(sep)
			}
		}
		sb.WriteByte(h[c>>4])
		sb.WriteByte(h[c&15])
	}
	return sb.String()
}

// subArg is the needle of find, count, index and friends: bytes-like or
// an int in range(256).
func (vm *VM) subArg(v Val) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	if isIntLike(v) {
		c, err := vm.byteValue(v, "byte must be in range(0, 256)")
		return []byte{c}, err
	}
	return nil, newErr(TypeError, "argument should be integer or bytes-like object, not '%s'", typeName(v))
}

// span reads optional start and end arguments as CPython's
// ADJUST_INDICES does: end is clamped to the length, start only from
// below (a start past the end finds nothing, not even b”).
func (vm *VM) span(args []Val, n int) (int, int, error) {
	start, end := 0, n
	for k, p := range []*int{&start, &end} {
		if len(args) > k && args[k].T != tagNone {
			i, err := vm.sliceIndex(args[k])
			if err != nil {
				return 0, 0, err
			}
			if k == 0 && i > int64(n) {
				*p = int(min(i, int64(n)+1))
				continue
			}
			*p = clampIdx(i, n)
		}
	}
	return start, end, nil
}

func needBytes(v Val) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	return nil, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(v))
}

func bself(v Val) *Bytes { return v.O.(*Bytes) }

func isAlpha(c byte) bool  { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigitB(c byte) bool { return c >= '0' && c <= '9' }
func isSpaceB(c byte) bool { return strings.IndexByte(asciiSpace, c) >= 0 }

// bytesPred is an isX method: true when b is non-empty and every byte passes.
func bytesPred(name string, f func(byte) bool) extraFn {
	return noArgs0("bytes", name, func(vm *VM, v Val) (Val, error) {
		b := bself(v).b
		if len(b) == 0 {
			return BoolVal(name == "isascii"), nil
		}
		for _, c := range b {
			if !f(c) {
				return False, nil
			}
		}
		return True, nil
	})
}

func bytesMap(name string, f func([]byte) []byte) extraFn {
	return noArgs0("bytes", name, func(vm *VM, v Val) (Val, error) {
		x := bself(v)
		return x.like(f(append([]byte{}, x.b...))), nil
	})
}

func asciiUpper(b []byte) []byte {
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return b
}

func asciiLower(b []byte) []byte {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return b
}

// findIn is find/rfind/index/rindex/count on a bytes.
func findIn(name string) extraFn {
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := noKw(name, kwn); err != nil {
			return Val{}, err
		}
		if len(args) < 1 || len(args) > 3 {
			return Val{}, nargs(name, args, 1, 3)
		}
		b := bself(self).b
		start, end, err := vm.span(args[1:], len(b))
		if err != nil {
			return Val{}, err
		}
		sub, err := vm.subArg(args[0])
		if err != nil {
			return Val{}, err
		}
		if name == "count" {
			if end < start {
				return IntVal(0), nil
			}
			if len(sub) == 0 {
				return IntVal(int64(end - start + 1)), nil
			}
			return IntVal(int64(bytes.Count(b[start:end], sub))), nil
		}
		i := -1
		if start <= end {
			if name[0] == 'r' {
				i = bytes.LastIndex(b[start:end], sub)
			} else {
				i = bytes.Index(b[start:end], sub)
			}
			if i >= 0 {
				i += start
			}
		}
		if i < 0 && (name == "index" || name == "rindex") {
			return Val{}, newErr(ValueError, "subsection not found")
		}
		return IntVal(int64(i)), nil
	}
}

// affix is startswith and endswith.
func affix(name string, end bool) extraFn {
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := noKw(name, kwn); err != nil {
			return Val{}, err
		}
		if len(args) < 1 || len(args) > 3 {
			return Val{}, nargs(name, args, 1, 3)
		}
		b := bself(self).b
		lo, hi, err := vm.span(args[1:], len(b))
		if err != nil {
			return Val{}, err
		}
		var cands [][]byte
		if t, ok := args[0].O.(*Tuple); ok && args[0].T == tagObject {
			for _, it := range t.items {
				c, ok := bytesLike(it)
				if !ok {
					return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(it))
				}
				cands = append(cands, c)
			}
		} else if c, ok := bytesLike(args[0]); ok {
			cands = [][]byte{c}
		} else {
			return Val{}, newErr(TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, typeName(args[0]))
		}
		if hi < lo {
			return False, nil
		}
		seg := b[lo:hi]
		for _, c := range cands {
			if !end && bytes.HasPrefix(seg, c) || end && bytes.HasSuffix(seg, c) {
				return True, nil
			}
		}
		return False, nil
	}
}

// stripper is strip, lstrip and rstrip.
func stripper(name string, left, right bool) extraFn {
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := noKw(name, kwn); err != nil {
			return Val{}, err
		}
		if err := nargs(name, args, 0, 1); err != nil {
			return Val{}, err
		}
		x := bself(self)
		cut := []byte(asciiSpace)
		if len(args) == 1 && args[0].T != tagNone {
			c, err := needBytes(args[0])
			if err != nil {
				return Val{}, err
			}
			cut = c
		}
		b := x.b
		for left && len(b) > 0 && bytes.IndexByte(cut, b[0]) >= 0 {
			b = b[1:]
		}
		for right && len(b) > 0 && bytes.IndexByte(cut, b[len(b)-1]) >= 0 {
			b = b[:len(b)-1]
		}
		return x.like(append([]byte{}, b...)), nil
	}
}

// splitter is split and rsplit.
func splitter(name string, right bool) extraFn {
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs(name, args, kwn, []string{"sep", "maxsplit"}, 0)
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		maxsplit := -1
		if a[1].T != tagEmpty {
			n, err := vm.index(a[1], "maxsplit")
			if err != nil {
				return Val{}, err
			}
			maxsplit = int(n)
		}
		var parts [][]byte
		if a[0].T == tagEmpty || a[0].T == tagNone {
			parts = splitWhiteBytes(x.b, maxsplit, right)
		} else {
			sep, err := needBytes(a[0])
			if err != nil {
				return Val{}, err
			}
			if len(sep) == 0 {
				return Val{}, newErr(ValueError, "empty separator")
			}
			if maxsplit < 0 {
				parts = bytes.Split(x.b, sep)
			} else if !right {
				parts = bytes.SplitN(x.b, sep, maxsplit+1)
			} else {
				b := x.b
				for len(parts) < maxsplit {
					i := bytes.LastIndex(b, sep)
					if i < 0 {
						break
					}
					parts = append(parts, b[i+len(sep):])
					b = b[:i]
				}
				parts = append(parts, b)
				for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
					parts[i], parts[j] = parts[j], parts[i]
				}
			}
		}
		out := make([]Val, len(parts))
		for i, p := range parts {
			out[i] = x.like(append([]byte{}, p...))
		}
		return ObjVal(newList(out)), nil
	}
}

func splitWhiteBytes(b []byte, maxsplit int, right bool) [][]byte {
	var parts [][]byte
	if !right {
		for {
			for len(b) > 0 && isSpaceB(b[0]) {
				b = b[1:]
			}
			if len(b) == 0 {
				return parts
			}
			if maxsplit >= 0 && len(parts) == maxsplit {
				return append(parts, b)
			}
			i := 0
			for i < len(b) && !isSpaceB(b[i]) {
				i++
			}
			parts = append(parts, b[:i])
			b = b[i:]
		}
	}
	for {
		for len(b) > 0 && isSpaceB(b[len(b)-1]) {
			b = b[:len(b)-1]
		}
		if len(b) == 0 {
			break
		}
		if maxsplit >= 0 && len(parts) == maxsplit {
			parts = append(parts, b)
			break
		}
		i := len(b)
		for i > 0 && !isSpaceB(b[i-1]) {
			i--
		}
		parts = append(parts, b[i:])
		b = b[:i]
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return parts
}

// padder is center, ljust and rjust.
func padder(name string) extraFn {
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := noKw(name, kwn); err != nil {
			return Val{}, err
		}
		if err := nargs(name, args, 1, 2); err != nil {
			return Val{}, err
		}
		x := bself(self)
		w, err := vm.index(args[0], "width")
		if err != nil {
			return Val{}, err
		}
		fill := byte(' ')
		if len(args) == 2 {
			f, ok := bytesLike(args[1])
			if !ok || len(f) != 1 {
				return Val{}, newErr(TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name, typeName(args[1]))
			}
			fill = f[0]
		}
		pad := int(w) - len(x.b)
		if pad <= 0 {
			return x.like(append([]byte{}, x.b...)), nil
		}
		if err := memCheck(uint64(pad)); err != nil {
			return Val{}, err
		}
		l := 0
		switch name {
		case "rjust":
			l = pad
		case "center":
			// CPython's centring: the odd byte goes left when the width is odd.
			l = pad/2 + (pad & int(w) & 1)
		}
		out := append(bytes.Repeat([]byte{fill}, l), x.b...)
		return x.like(append(out, bytes.Repeat([]byte{fill}, pad-l)...)), nil
	}
}

var bytesMethods = map[string]extraFn{
	"decode": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("decode", args, kwn, []string{"encoding", "errors"}, 0)
		if err != nil {
			return Val{}, err
		}
		s, err := vm.decodeBytes(self, bself(self).b, a[0], a[1])
		if err != nil {
			return Val{}, err
		}
		return StrVal(s), nil
	},
	"hex": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("hex", args, kwn, []string{"sep", "bytes_per_sep"}, 0)
		if err != nil {
			return Val{}, err
		}
		sep, per := "", 1
		if a[1].T != tagEmpty {
			if !isIntLike(a[1]) {
				if _, ok, _ := instInt(a[1], "__index__"); !ok {
					return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a[1]))
				}
			}
			n, err := vm.index(a[1], "bytes_per_sep")
			if err != nil {
				return Val{}, err
			}
			if n != int64(int32(n)) {
				return Val{}, newErr(OverflowError, "Python int too large to convert to C int")
			}
			per = int(n)
		}
		if a[0].T != tagEmpty {
			// CPython measures the separator first, then wants str or bytes.
			n, err := vm.length(a[0])
			if err != nil {
				return Val{}, err
			}
			if n != 1 {
				return Val{}, newErr(ValueError, "sep must be length 1.")
			}
			if a[0].isStr() {
				sep = a[0].str().s
			} else if b, ok := a[0].O.(*Bytes); ok && !b.mut {
				sep = string(b.b)
			} else {
				return Val{}, newErr(TypeError, "sep must be str or bytes.")
			}
		}
		return StrVal(bytesHex(bself(self).b, sep, per)), nil
	},
	"join": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("join", args, kwn, 1); err != nil {
			return Val{}, err
		}
		items, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		var out []byte
		for i, it := range items {
			b, ok := bytesLike(it)
			if !ok {
				return Val{}, newErr(TypeError, "sequence item %d: expected a bytes-like object, %s found", i, typeName(it))
			}
			if i > 0 {
				out = append(out, x.b...)
			}
			out = append(out, b...)
		}
		if out == nil {
			out = []byte{}
		}
		return x.like(out), nil
	},
	"replace": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("replace", args, kwn, []string{"old", "new", "count"}, 2)
		if err != nil {
			return Val{}, err
		}
		old, err := needBytes(a[0])
		if err != nil {
			return Val{}, err
		}
		nw, err := needBytes(a[1])
		if err != nil {
			return Val{}, err
		}
		n := int64(-1)
		if a[2].T != tagEmpty {
			if n, err = vm.index(a[2], "count"); err != nil {
				return Val{}, err
			}
		}
		x := bself(self)
		return x.like(bytes.Replace(x.b, old, nw, int(n))), nil
	},
	"find": findIn("find"), "rfind": findIn("rfind"), "index": findIn("index"), "rindex": findIn("rindex"), "count": findIn("count"),
	"startswith": affix("startswith", false), "endswith": affix("endswith", true),
	"strip": stripper("strip", true, true), "lstrip": stripper("lstrip", true, false), "rstrip": stripper("rstrip", false, true),
	"split": splitter("split", false), "rsplit": splitter("rsplit", true),
	"center": padder("center"), "ljust": padder("ljust"), "rjust": padder("rjust"),
	"upper":   bytesMap("upper", asciiUpper),
	"lower":   bytesMap("lower", asciiLower),
	"isalpha": bytesPred("isalpha", isAlpha),
	"isdigit": bytesPred("isdigit", isDigitB),
	"isalnum": bytesPred("isalnum", func(c byte) bool { return isAlpha(c) || isDigitB(c) }),
	"isspace": bytesPred("isspace", isSpaceB),
	"isascii": bytesPred("isascii", func(c byte) bool { return c < 0x80 }),
	"isupper": noArgs0("bytes", "isupper", func(vm *VM, v Val) (Val, error) {
		b := bself(v).b
		return BoolVal(bytes.ContainsFunc(b, func(r rune) bool { return r >= 'A' && r <= 'Z' }) && !bytes.ContainsFunc(b, func(r rune) bool { return r >= 'a' && r <= 'z' })), nil
	}),
	"islower": noArgs0("bytes", "islower", func(vm *VM, v Val) (Val, error) {
		b := bself(v).b
		return BoolVal(bytes.ContainsFunc(b, func(r rune) bool { return r >= 'a' && r <= 'z' }) && !bytes.ContainsFunc(b, func(r rune) bool { return r >= 'A' && r <= 'Z' })), nil
	}),
	"istitle": noArgs0("bytes", "istitle", func(vm *VM, v Val) (Val, error) {
		// Upper case only after uncased bytes, lower case only after
		// cased ones, and at least one cased byte.
		cased, prev := false, false
		for _, c := range bself(v).b {
			switch {
			case c >= 'A' && c <= 'Z':
				if prev {
					return False, nil
				}
				prev, cased = true, true
			case c >= 'a' && c <= 'z':
				if !prev {
					return False, nil
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return BoolVal(cased), nil
	}),
	"swapcase": bytesMap("swapcase", func(b []byte) []byte {
		for i, c := range b {
			if isAlpha(c) {
				b[i] = c ^ 0x20
			}
		}
		return b
	}),
	"capitalize": bytesMap("capitalize", func(b []byte) []byte {
		asciiLower(b)
		if len(b) > 0 {
			asciiUpper(b[:1])
		}
		return b
	}),
	"title": bytesMap("title", func(b []byte) []byte {
		prev := false
		for i, c := range b {
			if isAlpha(c) {
				if prev {
					asciiLower(b[i : i+1])
				} else {
					asciiUpper(b[i : i+1])
				}
			}
			prev = isAlpha(c)
		}
		return b
	}),
	"zfill": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("zfill", args, kwn, 1); err != nil {
			return Val{}, err
		}
		w, err := vm.index(args[0], "width")
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		b := append([]byte{}, x.b...)
		if err := memCheck(uint64(max(w, 0))); err != nil {
			return Val{}, err
		}
		if w > int64(len(b)) {
			pad := int(w) - len(b)
			sign := 0
			if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
				sign = 1
			}
			b = append(append(append([]byte{}, b[:sign]...), bytes.Repeat([]byte{'0'}, pad)...), b[sign:]...)
		}
		return x.like(b), nil
	},
	"partition": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		return bytesPartition(vm, self, args, kwn, false)
	},
	"rpartition": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		return bytesPartition(vm, self, args, kwn, true)
	},
	"removeprefix": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("removeprefix", args, kwn, 1); err != nil {
			return Val{}, err
		}
		p, err := needBytes(args[0])
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		return x.like(append([]byte{}, bytes.TrimPrefix(x.b, p)...)), nil
	},
	"removesuffix": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("removesuffix", args, kwn, 1); err != nil {
			return Val{}, err
		}
		p, err := needBytes(args[0])
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		return x.like(append([]byte{}, bytes.TrimSuffix(x.b, p)...)), nil
	},
	"splitlines": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("splitlines", args, kwn, []string{"keepends"}, 0)
		if err != nil {
			return Val{}, err
		}
		keep := false
		if a[0].T != tagEmpty {
			if !isIntLike(a[0]) {
				if _, ok, _ := instInt(a[0], "__index__"); !ok {
					return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a[0]))
				}
			}
			keep = truthy(a[0])
		}
		x := bself(self)
		var out []Val
		b := x.b
		for len(b) > 0 {
			i := 0
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
			end := i
			if i < len(b) {
				end = i + 1
				if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
					end = i + 2
				}
			}
			line := b[:i]
			if keep {
				line = b[:end]
			}
			out = append(out, x.like(append([]byte{}, line...)))
			b = b[end:]
		}
		return ObjVal(newList(out)), nil
	},
	"translate": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("translate", args, kwn, []string{"table", "delete"}, 1)
		if err != nil {
			return Val{}, err
		}
		var table []byte
		if a[0].T != tagNone {
			t, err := needBytes(a[0])
			if err != nil {
				return Val{}, err
			}
			if len(t) != 256 {
				return Val{}, newErr(ValueError, "translation table must be 256 characters long")
			}
			table = t
		}
		var del []byte
		if a[1].T != tagEmpty {
			if del, err = needBytes(a[1]); err != nil {
				return Val{}, err
			}
		}
		x := bself(self)
		out := []byte{}
		for _, c := range x.b {
			if bytes.IndexByte(del, c) >= 0 {
				continue
			}
			if table != nil {
				c = table[c]
			}
			out = append(out, c)
		}
		return x.like(out), nil
	},
	"expandtabs": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("expandtabs", args, kwn, []string{"tabsize"}, 0)
		if err != nil {
			return Val{}, err
		}
		size := int64(8)
		if a[0].T != tagEmpty {
			if size, err = cIntArg(vm, a[0]); err != nil {
				return Val{}, err
			}
		}
		x := bself(self)
		out := []byte{}
		col := 0
		for _, c := range x.b {
			switch c {
			case '\t':
				if size > 0 {
					if err := memCheck(uint64(size)); err != nil {
						return Val{}, err
					}
					n := int(size) - col%int(size)
					out = append(out, bytes.Repeat([]byte{' '}, n)...)
					col += n
				}
			case '\n', '\r':
				out = append(out, c)
				col = 0
			default:
				out = append(out, c)
				col++
			}
		}
		return x.like(out), nil
	},
	"__len__": noArgs0("bytes", "__len__", func(vm *VM, v Val) (Val, error) { return IntVal(int64(len(bself(v).b))), nil }),
}

func bytesPartition(vm *VM, self Val, args []Val, kwn []string, right bool) (Val, error) {
	name := "partition"
	if right {
		name = "rpartition"
	}
	if err := exactArgs(name, args, kwn, 1); err != nil {
		return Val{}, err
	}
	sep, err := needBytes(args[0])
	if err != nil {
		return Val{}, err
	}
	if len(sep) == 0 {
		return Val{}, newErr(ValueError, "empty separator")
	}
	x := bself(self)
	cp := func(b []byte) Val { return x.like(append([]byte{}, b...)) }
	i := bytes.Index(x.b, sep)
	if right {
		i = bytes.LastIndex(x.b, sep)
	}
	if i < 0 {
		if right {
			return tupleOf([]Val{cp(nil), cp(nil), cp(x.b)}), nil
		}
		return tupleOf([]Val{cp(x.b), cp(nil), cp(nil)}), nil
	}
	mid := args[0] // bytes.partition gives the separator object back
	if x.mut {
		mid = cp(sep)
	}
	return tupleOf([]Val{cp(x.b[:i]), mid, cp(x.b[i+len(sep):])}), nil
}

var bytearrayMethods = map[string]extraFn{
	"append": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("append", args, kwn, 1); err != nil {
			return Val{}, err
		}
		c, err := vm.byteValue(args[0], "byte must be in range(0, 256)")
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		x.b = append(x.b, c)
		return NoneVal, nil
	},
	"extend": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("extend", args, kwn, 1); err != nil {
			return Val{}, err
		}
		if args[0].isStr() {
			return Val{}, newErr(TypeError, "expected iterable of integers; got: 'str'")
		}
		src, err := vm.bytesSource(args[0])
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		x.b = append(x.b, src...)
		return NoneVal, nil
	},
	"insert": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("insert", args, kwn, 2); err != nil {
			return Val{}, err
		}
		x := bself(self)
		i, err := vm.index(args[0], "index")
		if err != nil {
			return Val{}, err
		}
		c, err := vm.byteValue(args[1], "byte must be in range(0, 256)")
		if err != nil {
			return Val{}, err
		}
		at := clampIdx(i, len(x.b))
		x.b = append(x.b[:at], append([]byte{c}, x.b[at:]...)...)
		return NoneVal, nil
	},
	"pop": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := noKw("pop", kwn); err != nil {
			return Val{}, err
		}
		if err := nargs("pop", args, 0, 1); err != nil {
			return Val{}, err
		}
		x := bself(self)
		if len(x.b) == 0 {
			return Val{}, newErr(IndexError, "pop from empty bytearray")
		}
		i := int64(len(x.b) - 1)
		if len(args) == 1 {
			var err error
			if i, err = vm.index(args[0], "index"); err != nil {
				return Val{}, err
			}
			if i < 0 {
				i += int64(len(x.b))
			}
			if i < 0 || i >= int64(len(x.b)) {
				return Val{}, newErr(IndexError, "pop index out of range")
			}
		}
		c := x.b[i]
		x.b = append(x.b[:i], x.b[i+1:]...)
		return IntVal(int64(c)), nil
	},
	"remove": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("remove", args, kwn, 1); err != nil {
			return Val{}, err
		}
		c, err := vm.byteValue(args[0], "byte must be in range(0, 256)")
		if err != nil {
			return Val{}, err
		}
		x := bself(self)
		i := bytes.IndexByte(x.b, c)
		if i < 0 {
			return Val{}, newErr(ValueError, "value not found in bytearray")
		}
		x.b = append(x.b[:i], x.b[i+1:]...)
		return NoneVal, nil
	},
	// 3.14's resize(size): truncated, or extended with zero bytes.
	"resize": func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("resize", args, kwn, 1); err != nil {
			return Val{}, err
		}
		n, err := vm.index(args[0], "size")
		if err != nil {
			return Val{}, err
		}
		if n < 0 {
			return Val{}, newErr(ValueError, "Can only resize to positive sizes, got %d", n)
		}
		x := bself(self)
		if n > int64(len(x.b)) {
			if err := memCheck(uint64(n) - uint64(len(x.b))); err != nil {
				return Val{}, err
			}
		}
		if int(n) <= len(x.b) {
			x.b = x.b[:n]
		} else {
			x.b = append(x.b, make([]byte, int(n)-len(x.b))...)
		}
		return NoneVal, nil
	},
	"clear": noArgs0("bytearray", "clear", func(vm *VM, v Val) (Val, error) {
		bself(v).b = []byte{}
		return NoneVal, nil
	}),
	"copy": noArgs0("bytearray", "copy", func(vm *VM, v Val) (Val, error) {
		return bytearrayVal(append([]byte{}, bself(v).b...)), nil
	}),
	"reverse": noArgs0("bytearray", "reverse", func(vm *VM, v Val) (Val, error) {
		b := bself(v).b
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
		return NoneVal, nil
	}),
}

// intToBytes is int.to_bytes(length=1, byteorder='big', *, signed=False).
func intToBytes(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	a, err := kwArgs("to_bytes", args, kwn, []string{"length", "byteorder", "signed"}, 0)
	if err != nil {
		return Val{}, err
	}
	length := int64(1)
	if a[0].T != tagEmpty {
		if length, err = vm.ssizeArg(a[0]); err != nil {
			return Val{}, err
		}
		if length < 0 {
			return Val{}, newErr(ValueError, "length argument must be non-negative")
		}
	}
	little, err := byteOrderArg(a[1])
	if err != nil {
		return Val{}, err
	}
	signed := a[2].T != tagEmpty && truthy(a[2])
	n, _ := toBig(self)
	if n.Sign() < 0 && !signed {
		return Val{}, newErr(OverflowError, "can't convert negative int to unsigned")
	}
	bits := n.BitLen()
	if signed {
		bits = new(big.Int).Not(n).BitLen() // -n-1 for negatives
		if n.Sign() >= 0 {
			bits = n.BitLen()
		}
		if n.Sign() != 0 {
			bits++ // the sign bit
		}
	}
	if int64(bits) > 8*length {
		return Val{}, newErr(OverflowError, "int too big to convert")
	}
	v := new(big.Int).Set(n)
	if v.Sign() < 0 {
		// Two's complement in length bytes.
		v.Add(v, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
	}
	if err := memCheck(uint64(length)); err != nil {
		return Val{}, err
	}
	out := v.FillBytes(make([]byte, length))
	if little {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return bytesVal(out), nil
}

func byteOrderArg(v Val) (little bool, err error) {
	if v.T == tagEmpty {
		return false, nil
	}
	if !v.isStr() {
		return false, newErr(TypeError, "to_bytes() argument 'byteorder' must be str, not %s", typeName(v))
	}
	switch v.str().s {
	case "little":
		return true, nil
	case "big":
		return false, nil
	}
	return false, newErr(ValueError, "byteorder must be either 'little' or 'big'")
}

// intFromBytes is int.from_bytes(bytes, byteorder='big', *, signed=False).
func intFromBytes(vm *VM, args []Val, kwn []string) (Val, error) {
	a, err := kwArgs("from_bytes", args, kwn, []string{"bytes", "byteorder", "signed"}, 1)
	if err != nil {
		return Val{}, err
	}
	b, ok := bytesLike(a[0])
	if !ok {
		if a[0].isStr() {
			return Val{}, newErr(TypeError, "cannot convert 'str' object to bytes")
		}
		r, err := vm.newBytes(false, []Val{a[0]}, nil)
		if err != nil {
			return Val{}, err
		}
		b = r.O.(*Bytes).b
	}
	little, err := byteOrderArg(a[1])
	if err != nil {
		return Val{}, err
	}
	be := append([]byte{}, b...)
	if little {
		for i, j := 0, len(be)-1; i < j; i, j = i+1, j-1 {
			be[i], be[j] = be[j], be[i]
		}
	}
	v := new(big.Int).SetBytes(be)
	if a[2].T != tagEmpty && truthy(a[2]) && len(be) > 0 && be[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(be))))
	}
	return normBig(v), nil
}

// bytesOfArg is what %s and %b format in a bytes: a bytes-like object or
// what __bytes__ returns.
func (vm *VM) bytesOfArg(v Val) ([]byte, error) {
	if b, ok := bytesLike(v); ok {
		return b, nil
	}
	if _, ok := v.O.(*Instance); ok {
		if r, found, err := vm.dunder(v, "__bytes__"); found {
			if err != nil {
				return nil, err
			}
			if b, ok := r.O.(*Bytes); ok {
				return b.b, nil
			}
			return nil, newErr(TypeError, "__bytes__ returned non-bytes (type %s)", typeName(r))
		}
	}
	return nil, newErr(TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", typeName(v))
}

func bytesPercentChar(v Val) (byte, error) {
	if b, ok := bytesLike(v); ok && len(b) == 1 {
		return b[0], nil
	}
	if r, found, err := instInt(v, "__index__"); found {
		// An object with __index__ is the int it gives.
		if pe, ok := err.(*PyErr); ok && !pe.exc.typ.isSub(TypeError) {
			return 0, err
		} else if err == nil {
			v = r
		}
	}
	if isIntLike(v) {
		if v.T != tagObject && int64(v.B) >= 0 && int64(v.B) < 256 {
			return byte(v.B), nil
		}
		return 0, newErr(OverflowError, "%s", "%c arg not in range(256)")
	}
	return 0, newErr(TypeError, "%s", "%c requires an integer in range(256) or a single byte")
}

// bytesPercent is bytes % args.
func (vm *VM) bytesPercent(format []byte, arg Val) ([]byte, error) {
	s, err := vm.percentCore(latin1Str(format), arg, true)
	if err != nil {
		return nil, err
	}
	return latin1Bytes(s), nil
}
