package interp

import (
	"crypto/pbkdf2"
	"crypto/sha3"
	"encoding/hex"
	"hash"
)

// hashlib's blake2b and blake2s (blake2.go), shake_128 and shake_256
// (whose digests take a length), pbkdf2_hmac and file_digest.

// shakeHash is a SHAKE extendable-output function as a hash.Hash for
// hashObj: update and copy go through it; digests are read by
// xofDigest, for a length the caller gives.
type shakeHash struct{ *sha3.SHAKE }

func (shakeHash) Size() int              { return 0 }
func (s shakeHash) Sum(in []byte) []byte { return in }

// xofDigest is length bytes of o's output, its state left as it was.
func (o *hashObj) xofDigest(length int) ([]byte, error) {
	s := o.h.(shakeHash)
	st, err := s.MarshalBinary()
	if err != nil {
		return nil, err
	}
	c := o.mk().(shakeHash)
	if err := c.UnmarshalBinary(st); err != nil {
		return nil, err
	}
	out := make([]byte, length)
	c.Read(out)
	return out, nil
}

// xofMethod is digest(length) and hexdigest(length) of a SHAKE hash.
func (o *hashObj) xofMethod(name string, args []Val, kwn []string) (Val, error) {
	a, err := kwArgs(name, args, kwn, []string{"length"}, 0)
	if err != nil {
		return Val{}, err
	}
	if a[0].T == tagEmpty {
		return Val{}, newErr(TypeError, "%s() missing required argument 'length' (pos 1)", name)
	}
	if a[0].T != tagInt && a[0].T != tagBool {
		return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a[0]))
	}
	n := int64(a[0].B)
	if n < 0 {
		return Val{}, newErr(ValueError, "negative digest length")
	}
	if err := memCheck(uint64(n)); err != nil {
		return Val{}, err
	}
	sum, err := o.xofDigest(int(n))
	if err != nil {
		return Val{}, newErr(ValueError, "%s", err.Error())
	}
	if name == "digest" {
		return bytesVal(sum), nil
	}
	return StrVal(hex.EncodeToString(sum)), nil
}

func (b *blake2) cloneHash() hash.Hash { return b.clone() }

// blake2Constructor is hashlib.blake2b (wide) or blake2s.
func blake2Constructor(wide bool) *Builtin {
	name, maxDigest, maxSalt := "blake2s", 32, 8
	if wide {
		name, maxDigest, maxSalt = "blake2b", 64, 16
	}
	fn := func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs(name, args, kwn, []string{"data", "digest_size", "key", "salt", "person", "fanout", "depth",
			"leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity", "string"}, 0)
		if err != nil {
			return Val{}, err
		}
		p := blake2Params{digestSize: maxDigest, fanout: 1, depth: 1}
		intArg := func(i int, def int64) (int64, error) {
			if a[i].T == tagEmpty {
				return def, nil
			}
			return vm.index(a[i], "")
		}
		bytesArg := func(i int, what string, limit int) ([]byte, error) {
			if a[i].T == tagEmpty {
				return nil, nil
			}
			b, err := hashData(a[i])
			if err != nil {
				return nil, err
			}
			if len(b) > limit {
				return nil, newErr(ValueError, "maximum %s length is %d bytes", what, limit)
			}
			return append([]byte(nil), b...), nil
		}
		ds, err := intArg(1, int64(maxDigest))
		if err != nil {
			return Val{}, err
		}
		if ds < 1 || ds > int64(maxDigest) {
			return Val{}, newErr(ValueError, "digest_size must be between 1 and %d bytes", maxDigest)
		}
		p.digestSize = int(ds)
		if p.key, err = bytesArg(2, "key", maxDigest); err != nil {
			return Val{}, err
		}
		if p.salt, err = bytesArg(3, "salt", maxSalt); err != nil {
			return Val{}, err
		}
		if p.person, err = bytesArg(4, "person", maxSalt); err != nil {
			return Val{}, err
		}
		ranged := func(i int, what string, def, lo, hi int64) (int, error) {
			v, err := intArg(i, def)
			if err != nil {
				return 0, err
			}
			if v < lo || v > hi {
				return 0, newErr(ValueError, "%s must be between %d and %d", what, lo, hi)
			}
			return int(v), nil
		}
		if p.fanout, err = ranged(5, "fanout", 1, 0, 255); err != nil {
			return Val{}, err
		}
		if p.depth, err = ranged(6, "depth", 1, 1, 255); err != nil {
			return Val{}, err
		}
		leaf, err := intArg(7, 0)
		if err != nil {
			return Val{}, err
		}
		if leaf < 0 {
			return Val{}, newErr(ValueError, "value must be positive")
		}
		if leaf > 0xffffffff {
			return Val{}, newErr(OverflowError, "leaf_size is too large")
		}
		p.leafSize = uint32(leaf)
		off, err := intArg(8, 0)
		if err != nil {
			return Val{}, err
		}
		if off < 0 {
			return Val{}, newErr(ValueError, "value must be positive")
		}
		if !wide && off >= 1<<48 {
			return Val{}, newErr(OverflowError, "node_offset is too large")
		}
		p.nodeOffset = uint64(off)
		if p.nodeDepth, err = ranged(9, "node_depth", 0, 0, 255); err != nil {
			return Val{}, err
		}
		inner, err := intArg(10, 0)
		if err != nil {
			return Val{}, err
		}
		if inner < 0 || inner > int64(maxDigest) {
			// CPython's message, words as they are.
			return Val{}, newErr(ValueError, "inner_size must be between 0 and is %d", maxDigest)
		}
		p.innerSize = int(inner)
		if a[11].T != tagEmpty {
			if p.lastNode, err = vm.truth(a[11]); err != nil {
				return Val{}, err
			}
		}
		mk := func() hash.Hash { return newBlake2(wide, p) }
		return (&hashObj{name: name, h: mk(), mk: mk, tname: "_blake2." + name}).fed(a[0], a[13])
	}
	return &Builtin{name: name, fn: fn, attrs: map[string]Val{
		"SALT_SIZE":       IntVal(int64(maxSalt)),
		"PERSON_SIZE":     IntVal(int64(maxSalt)),
		"MAX_KEY_SIZE":    IntVal(int64(maxDigest)),
		"MAX_DIGEST_SIZE": IntVal(int64(maxDigest)),
	}}
}

// addHashlibMore puts blake2b, blake2s, shake_128, shake_256,
// pbkdf2_hmac and file_digest in hashlib module m.
func addHashlibMore(m *Module) {
	m.attrs["blake2b"] = ObjVal(blake2Constructor(true))
	m.attrs["blake2s"] = ObjVal(blake2Constructor(false))
	for _, name := range []string{"shake_128", "shake_256"} {
		mk := func() hash.Hash { return shakeHash{sha3.NewSHAKE128()} }
		if name == "shake_256" {
			mk = func() hash.Hash { return shakeHash{sha3.NewSHAKE256()} }
		}
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs(name, args, kwn, []string{"data", "usedforsecurity", "string"}, 0)
			if err != nil {
				return Val{}, err
			}
			return (&hashObj{name: name, h: mk(), mk: mk, tname: "_hashlib.HASHXOF", xof: true}).fed(a[0], a[2])
		})
	}
	m.def("pbkdf2_hmac", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("pbkdf2_hmac", args, kwn, []string{"hash_name", "password", "salt", "iterations", "dklen"}, 4)
		if err != nil {
			return Val{}, err
		}
		if !a[0].isStr() {
			return Val{}, newErr(TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %s", typeName(a[0]))
		}
		mk := hashMakers[a[0].str().s]
		if mk == nil {
			return Val{}, newErr(ValueError, "unsupported hash type %s", a[0].str().s)
		}
		pw, ok := bytesLike(a[1])
		if !ok {
			return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(a[1]))
		}
		salt, ok := bytesLike(a[2])
		if !ok {
			return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(a[2]))
		}
		iters, err := vm.index(a[3], "")
		if err != nil {
			return Val{}, err
		}
		if iters < 1 {
			return Val{}, newErr(ValueError, "iteration value must be greater than 0.")
		}
		dklen := int64(mk().Size())
		if a[4].T != tagEmpty && a[4].T != tagNone {
			if dklen, err = vm.index(a[4], ""); err != nil {
				return Val{}, err
			}
			if dklen < 1 {
				return Val{}, newErr(ValueError, "key length must be greater than 0.")
			}
		}
		if iters > 1<<31-1 || dklen > 1<<31-1 {
			return Val{}, newErr(OverflowError, "Python int too large to convert to C int")
		}
		key, err := pbkdf2.Key(mk, string(pw), salt, int(iters), int(dklen))
		if err != nil {
			return Val{}, newErr(ValueError, "%s", err.Error())
		}
		return bytesVal(key), nil
	})
	m.def("file_digest", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 || len(args) != 2 {
			return Val{}, newErr(TypeError, "file_digest() takes 2 positional arguments")
		}
		f, digest := args[0], args[1]
		var h Val
		var err error
		if digest.isStr() {
			h, err = vm.call(m.attrs["new"], []Val{digest}, nil)
		} else {
			h, err = vm.call(digest, nil, nil)
		}
		if err != nil {
			return Val{}, err
		}
		if gb, err := vm.getAttr(f, "getbuffer"); err == nil {
			// A BytesIO: its whole buffer at once.
			buf, err := vm.call(gb, nil, nil)
			if err != nil {
				return Val{}, err
			}
			_, err = vm.callAttr(h, "update", []Val{buf}, nil)
			return h, err
		}
		readable := false
		if r, err := vm.callAttr(f, "readable", nil, nil); err == nil {
			readable, _ = vm.truth(r)
		}
		if !readable {
			return Val{}, newErr(ValueError, "'%s' is not a file-like object in binary reading mode.", vm.repr(f))
		}
		for {
			chunk, err := vm.callAttr(f, "read", []Val{IntVal(1 << 18)}, nil)
			if err != nil {
				return Val{}, err
			}
			if b, ok := bytesLike(chunk); !ok || len(b) == 0 {
				if !ok && chunk.T != tagNone {
					return Val{}, newErr(TypeError, "Strings must be encoded before hashing")
				}
				return h, nil
			}
			if _, err := vm.callAttr(h, "update", []Val{chunk}, nil); err != nil {
				return Val{}, err
			}
		}
	})
}

// fed writes a constructor's initial data into o's hash and returns o:
// data, or else string= (the old keyword, given as alt); None is no data.
func (o *hashObj) fed(data, alt Val) (Val, error) {
	if data.T == tagEmpty {
		data = alt
	}
	if data.T != tagEmpty && data.T != tagNone {
		b, err := hashData(data)
		if err != nil {
			return Val{}, err
		}
		o.h.Write(b)
	}
	return ObjVal(o), nil
}
