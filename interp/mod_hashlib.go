package interp

// hashlib (md5, sha1, the sha2 family and sha3 through Go's crypto),
// base64 (standard, URL-safe, base32, base16 and a85-free basics), keyword
// and gc: small modules ordinary scripts import.

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"sort"
	"strings"
)

// hashObj is a hashlib hash object.
type hashObj struct {
	name  string
	h     hash.Hash
	mk    func() hash.Hash
	tname string // the type's name when not _hashlib.HASH
	xof   bool   // shake_128/256: digests take a length
}

func (o *hashObj) typeName() string {
	if o.tname != "" {
		return o.tname
	}
	return "_hashlib.HASH"
}

func (o *hashObj) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "name":
		return StrVal(o.name), true
	case "digest_size":
		return IntVal(int64(o.h.Size())), true
	case "block_size":
		return IntVal(int64(o.h.BlockSize())), true
	}
	return Val{}, false
}

func (o *hashObj) has(name string) bool {
	switch name {
	case "update", "digest", "hexdigest", "copy":
		return true
	}
	return false
}

func (o *hashObj) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "update":
		if err := exactArgs("update", args, kwn, 1); err != nil {
			return Val{}, true, err
		}
		b, err := hashData(args[0])
		if err != nil {
			return Val{}, true, err
		}
		o.h.Write(b)
		return NoneVal, true, nil
	case "digest", "hexdigest":
		if o.xof {
			v, err := o.xofMethod(name, args, kwn)
			return v, true, err
		}
		if err := exactArgs(name, args, kwn, 0); err != nil {
			return Val{}, true, err
		}
		sum := o.h.Sum(nil)
		if name == "digest" {
			return bytesVal(sum), true, nil
		}
		return StrVal(hex.EncodeToString(sum)), true, nil
	case "copy":
		if err := exactArgs("copy", args, kwn, 0); err != nil {
			return Val{}, true, err
		}
		if cl, ok := o.h.(interface{ cloneHash() hash.Hash }); ok {
			return ObjVal(&hashObj{name: o.name, h: cl.cloneHash(), mk: o.mk, tname: o.tname, xof: o.xof}), true, nil
		}
		// Go's hashes marshal their state; a copy is a fresh hash fed it.
		c := o.mk()
		if m, ok := o.h.(interface{ MarshalBinary() ([]byte, error) }); ok {
			if st, err := m.MarshalBinary(); err == nil {
				if u, ok := c.(interface{ UnmarshalBinary([]byte) error }); ok && u.UnmarshalBinary(st) == nil {
					return ObjVal(&hashObj{name: o.name, h: c, mk: o.mk, tname: o.tname, xof: o.xof}), true, nil
				}
			}
		}
		return Val{}, true, newErr(ValueError, "cannot copy this hash object")
	}
	return Val{}, false, nil
}

// hashData is the bytes a hash is fed: a bytes-like object; a str is
// refused with CPython's words.
func hashData(v Val) ([]byte, error) {
	if v.isStr() {
		return nil, newErr(TypeError, "Strings must be encoded before hashing")
	}
	b, ok := bytesLike(v)
	if !ok {
		return nil, newErr(TypeError, "object supporting the buffer API required")
	}
	return b, nil
}

var hashMakers = map[string]func() hash.Hash{
	"md5":      md5.New,
	"sha1":     sha1.New,
	"sha224":   sha256.New224,
	"sha256":   sha256.New,
	"sha384":   sha512.New384,
	"sha512":   sha512.New,
	"sha3_224": func() hash.Hash { return sha3.New224() },
	"sha3_256": func() hash.Hash { return sha3.New256() },
	"sha3_384": func() hash.Hash { return sha3.New384() },
	"sha3_512": func() hash.Hash { return sha3.New512() },
}

// BinasciiError is binascii.Error, what base64 raises for bad input.
var BinasciiError = &ExcType{name: "Error", module: "binascii", base: ValueError}

func hashlibModule(vm *VM) *Module {
	m := newModule("hashlib")
	newHash := func(name string, data, alt Val) (Val, error) {
		mk := hashMakers[name]
		return (&hashObj{name: name, h: mk(), mk: mk}).fed(data, alt)
	}
	var names []string
	for name := range hashMakers {
		names = append(names, name)
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs(name, args, kwn, []string{"data", "usedforsecurity", "string"}, 0)
			if err != nil {
				return Val{}, err
			}
			return newHash(name, a[0], a[2])
		})
	}
	addHashlibMore(m)
	names = append(names, "blake2b", "blake2s", "shake_128", "shake_256")
	sort.Strings(names)
	m.def("new", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if npos := len(args) - len(kwn); npos > 0 && args[0].isStr() {
			switch n := args[0].str().s; n {
			case "blake2b", "blake2s", "shake_128", "shake_256":
				// Their own constructors, given the rest (digest_size= ...).
				return vm.call(m.attrs[n], args[1:], kwn)
			}
		}
		a, err := kwArgs("new", args, kwn, []string{"name", "data", "usedforsecurity", "string"}, 1)
		if err != nil {
			return Val{}, err
		}
		if !a[0].isStr() {
			return Val{}, newErr(TypeError, "new() argument 'name' must be str, not %s", typeName(a[0]))
		}
		name := strings.ToLower(strings.ReplaceAll(a[0].str().s, "-", "_"))
		if hashMakers[name] == nil {
			return Val{}, newErr(ValueError, "unsupported hash type %s", a[0].str().s)
		}
		return newHash(name, a[1], a[3])
	})
	set := newSet()
	for _, n := range names {
		set.add(StrVal(n))
	}
	m.attrs["algorithms_guaranteed"] = ObjVal(set)
	m.attrs["algorithms_available"] = ObjVal(set)
	return m
}

func base64Module(vm *VM) *Module {
	m := newModule("base64")
	// input is the bytes to encode or decode: bytes-like, or (to decode)
	// an ASCII str.
	input := func(v Val, decoding bool) ([]byte, error) {
		if decoding && v.isStr() {
			s := v.str().s
			for i := 0; i < len(s); i++ {
				if s[i] >= 0x80 {
					return nil, newErr(ValueError, "string argument should contain only ASCII characters")
				}
			}
			return []byte(s), nil
		}
		b, ok := bytesLike(v)
		if !ok {
			if decoding {
				return nil, newErr(TypeError, "argument should be a bytes-like object or ASCII string, not '%s'", typeName(v))
			}
			return nil, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(v))
		}
		return b, nil
	}
	binErr := func(msg string) error { return newErr(BinasciiError, "%s", msg) }
	type codec struct {
		name   string
		encode func([]byte) string
		decode func([]byte) ([]byte, error)
	}
	b64dec := func(enc *base64.Encoding) func([]byte) ([]byte, error) {
		return func(b []byte) ([]byte, error) {
			// Non-alphabet characters are dropped (validate=False).
			var keep []byte
			for _, c := range b {
				if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '=' ||
					(enc == base64.StdEncoding && (c == '+' || c == '/')) || (enc == base64.URLEncoding && (c == '-' || c == '_')) {
					keep = append(keep, c)
				}
			}
			// Data characters up to the first pad; a partial last
			// quantum needs its pads.
			data, pads := string(keep), 0
			if k := strings.IndexByte(data, '='); k >= 0 {
				pads = len(strings.TrimLeft(data[k:], "="))
				pads = len(data) - k - pads
				data = data[:k]
			}
			switch r := len(data) % 4; {
			case r == 1:
				return nil, binErr("Invalid base64-encoded string: number of data characters (" + itoa(len(data)) + ") cannot be 1 more than a multiple of 4")
			case r != 0 && pads < 4-r:
				return nil, binErr("Incorrect padding")
			}
			out, err := enc.WithPadding(base64.NoPadding).DecodeString(data)
			if err != nil {
				return nil, binErr("Incorrect padding")
			}
			return out, nil
		}
	}
	codecs := []codec{
		{"b64", base64.StdEncoding.EncodeToString, b64dec(base64.StdEncoding)},
		{"standard_b64", base64.StdEncoding.EncodeToString, b64dec(base64.StdEncoding)},
		{"urlsafe_b64", base64.URLEncoding.EncodeToString, b64dec(base64.URLEncoding)},
		{"b32", base32.StdEncoding.EncodeToString, func(b []byte) ([]byte, error) {
			out, err := base32.StdEncoding.DecodeString(string(b))
			if err != nil {
				return nil, binErr("Incorrect padding")
			}
			return out, nil
		}},
		{"b16", func(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) }, func(b []byte) ([]byte, error) {
			s := string(b)
			if strings.ToUpper(s) != s {
				return nil, binErr("Non-base16 digit found")
			}
			out, err := hex.DecodeString(s)
			if err != nil {
				if len(s)%2 == 1 {
					return nil, binErr("Odd-length string")
				}
				return nil, binErr("Non-base16 digit found")
			}
			return out, nil
		}},
	}
	for _, c := range codecs {
		m.def(c.name+"encode", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs(c.name+"encode", args, kwn, 1); err != nil {
				return Val{}, err
			}
			b, err := input(args[0], false)
			if err != nil {
				return Val{}, err
			}
			return bytesVal([]byte(c.encode(b))), nil
		})
		m.def(c.name+"decode", func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, _ := splitKw(args, kwn)
			if len(pos) < 1 {
				return Val{}, newErr(TypeError, "%sdecode() missing 1 required positional argument: 's'", c.name)
			}
			b, err := input(pos[0], true)
			if err != nil {
				return Val{}, err
			}
			out, err := c.decode(b)
			if err != nil {
				return Val{}, err
			}
			return bytesVal(out), nil
		})
	}
	m.attrs["encodebytes"] = ObjVal(&Builtin{name: "encodebytes", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("encodebytes", args, kwn, 1); err != nil {
			return Val{}, err
		}
		b, err := input(args[0], false)
		if err != nil {
			return Val{}, err
		}
		// Lines of 76 characters, each ending in a newline.
		s := base64.StdEncoding.EncodeToString(b)
		var out []byte
		for len(s) > 76 {
			out = append(append(out, s[:76]...), '\n')
			s = s[76:]
		}
		if len(s) > 0 {
			out = append(append(out, s...), '\n')
		}
		return bytesVal(out), nil
	}})
	m.attrs["decodebytes"] = m.attrs["b64decode"]
	return m
}

// keywordModule is keyword: the hard and soft keywords of CPython 3.14.
func keywordModule(vm *VM) *Module {
	m := newModule("keyword")
	kw := []string{"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
		"def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
		"lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"}
	soft := []string{"_", "case", "match", "type"}
	list := func(ns []string) Val {
		items := make([]Val, len(ns))
		for i, n := range ns {
			items[i] = StrVal(n)
		}
		return ObjVal(newList(items))
	}
	m.attrs["kwlist"] = list(kw)
	m.attrs["softkwlist"] = list(soft)
	test := func(name string, ns []string) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs(name, args, kwn, 1); err != nil {
				return Val{}, err
			}
			if !args[0].isStr() {
				if _, err := hashOf(args[0]); err != nil {
					return Val{}, err
				}
				return False, nil
			}
			s := args[0].str().s
			for _, n := range ns {
				if n == s {
					return True, nil
				}
			}
			return False, nil
		})
	}
	test("iskeyword", kw)
	test("issoftkeyword", soft)
	return m
}

// gcModule is gc: Go's collector runs by itself and frees cycles as it
// goes, so collect() finds nothing to do and says 0.
func gcModule(vm *VM) *Module {
	m := newModule("gc")
	enabled := true
	m.def("collect", gcCollect)
	m.def("enable", func(vm *VM, args []Val, kwn []string) (Val, error) { enabled = true; return NoneVal, nil })
	m.def("disable", func(vm *VM, args []Val, kwn []string) (Val, error) { enabled = false; return NoneVal, nil })
	m.def("isenabled", func(vm *VM, args []Val, kwn []string) (Val, error) { return BoolVal(enabled), nil })
	m.def("get_threshold", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return tupleOf([]Val{IntVal(2000), IntVal(10), IntVal(0)}), nil
	})
	m.def("set_threshold", func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil })
	m.def("get_count", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return tupleOf([]Val{IntVal(0), IntVal(0), IntVal(0)}), nil
	})
	m.def("freeze", func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil })
	m.attrs["garbage"] = ObjVal(newList(nil))
	return m
}
