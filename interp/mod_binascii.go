package interp

// binascii (hex, base64 and CRC-32 conversions) and errno (the error
// numbers by name, this platform's values): small modules scripts import
// beside os and base64.

import (
	"encoding/base64"
	"encoding/hex"
	"hash/crc32"
	"strings"
	"syscall"
)

func binasciiModule(vm *VM) *Module {
	m := newModule("binascii")
	m.attrs["Error"] = ObjVal(BinasciiError)
	m.attrs["Incomplete"] = ObjVal(binasciiIncomplete)
	// data reads a bytes-like argument; a2b functions also take an ASCII
	// str, as CPython's do.
	data := func(fn string, v Val, str bool) ([]byte, error) {
		if str && v.isStr() {
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
			if str {
				return nil, newErr(TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", typeName(v))
			}
			return nil, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(v))
		}
		return b, nil
	}
	hexlify := func(name string) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs(name, args, kwn, []string{"data", "sep", "bytes_per_sep"}, 1)
			if err != nil {
				return Val{}, err
			}
			b, err := data(name, a[0], false)
			if err != nil {
				return Val{}, err
			}
			out := hex.EncodeToString(b)
			if a[1].T != tagEmpty && a[1].T != tagNone {
				sep := ""
				if a[1].isStr() {
					sep = a[1].str().s
				} else if sb, ok := bytesLike(a[1]); ok {
					sep = string(sb)
				}
				if len(sep) != 1 {
					return Val{}, newErr(ValueError, "sep must be length 1.")
				}
				per := int64(1)
				if a[2].T == tagInt {
					per = a[2].I()
				}
				out = groupHex(out, sep, per)
			}
			return bytesVal([]byte(out)), nil
		}
	}
	unhexlify := func(name string) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs(name, args, kwn, []string{"hexstr"}, 1)
			if err != nil {
				return Val{}, err
			}
			b, err := data(name, a[0], true)
			if err != nil {
				return Val{}, err
			}
			if len(b)%2 != 0 {
				return Val{}, newErr(BinasciiError, "Odd-length string")
			}
			out, err := hex.DecodeString(string(b))
			if err != nil {
				return Val{}, newErr(BinasciiError, "Non-hexadecimal digit found")
			}
			return bytesVal(out), nil
		}
	}
	m.def("hexlify", hexlify("hexlify"))
	m.def("b2a_hex", hexlify("b2a_hex"))
	m.def("unhexlify", unhexlify("unhexlify"))
	m.def("a2b_hex", unhexlify("a2b_hex"))
	m.def("crc32", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("crc32", args, kwn, []string{"data", "crc"}, 1)
		if err != nil {
			return Val{}, err
		}
		b, err := data("crc32", a[0], false)
		if err != nil {
			return Val{}, err
		}
		var start uint32
		if a[1].T == tagInt {
			start = uint32(a[1].I())
		}
		return IntVal(int64(crc32.Update(start, crc32.IEEETable, b))), nil
	})
	m.def("b2a_base64", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("b2a_base64", args, kwn, []string{"data", "newline"}, 1)
		if err != nil {
			return Val{}, err
		}
		b, err := data("b2a_base64", a[0], false)
		if err != nil {
			return Val{}, err
		}
		out := base64.StdEncoding.EncodeToString(b)
		if a[1].T == tagEmpty || truthy(a[1]) {
			out += "\n"
		}
		return bytesVal([]byte(out)), nil
	})
	m.def("a2b_base64", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("a2b_base64", args, kwn, []string{"data", "strict_mode"}, 1)
		if err != nil {
			return Val{}, err
		}
		b, err := data("a2b_base64", a[0], true)
		if err != nil {
			return Val{}, err
		}
		// Characters outside the alphabet are skipped (not strict mode).
		var keep []byte
		pads := 0
		for _, c := range b {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' {
				if pads > 0 && len(keep)%4 == 0 {
					pads = 0 // a new quantum after a padded one
				}
				keep = append(keep, c)
			} else if c == '=' {
				pads++
			}
		}
		need := map[int]int{0: 0, 2: 2, 3: 1}[len(keep)%4]
		switch {
		case len(keep)%4 == 1:
			return Val{}, newErr(BinasciiError, "Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", len(keep))
		case pads < need:
			return Val{}, newErr(BinasciiError, "Incorrect padding")
		}
		keep = append(keep, strings.Repeat("=", need)...)
		out, derr := base64.StdEncoding.DecodeString(string(keep))
		if derr != nil {
			return Val{}, newErr(BinasciiError, "Incorrect padding")
		}
		return bytesVal(out), nil
	})
	return m
}

var binasciiIncomplete = &ExcType{name: "Incomplete", module: "binascii", base: Exception_}

// groupHex puts sep between groups of per bytes (two digits each),
// counted from the right as bytes.hex does for a positive per.
func groupHex(h, sep string, per int64) string {
	if per == 0 {
		return h
	}
	left := per < 0
	if left {
		per = -per
	}
	width := int(per) * 2
	n := len(h)
	var parts []string
	if left {
		for i := 0; i < n; i += width {
			parts = append(parts, h[i:min(i+width, n)])
		}
	} else {
		first := n % width
		if first > 0 {
			parts = append(parts, h[:first])
		}
		for i := first; i < n; i += width {
			parts = append(parts, h[i:i+width])
		}
	}
	return strings.Join(parts, sep)
}

// errnoNames are the errno module's names, each with this platform's
// number (Linux and macOS differ past the first 34).
var errnoNames = []struct {
	name string
	no   syscall.Errno
}{
	{"EPERM", syscall.EPERM}, {"ENOENT", syscall.ENOENT}, {"ESRCH", syscall.ESRCH},
	{"EINTR", syscall.EINTR}, {"EIO", syscall.EIO}, {"ENXIO", syscall.ENXIO},
	{"E2BIG", syscall.E2BIG}, {"ENOEXEC", syscall.ENOEXEC}, {"EBADF", syscall.EBADF},
	{"ECHILD", syscall.ECHILD}, {"EWOULDBLOCK", syscall.EWOULDBLOCK}, {"EAGAIN", syscall.EAGAIN}, {"ENOMEM", syscall.ENOMEM},
	{"EACCES", syscall.EACCES}, {"EFAULT", syscall.EFAULT}, {"ENOTBLK", syscall.ENOTBLK},
	{"EBUSY", syscall.EBUSY}, {"EEXIST", syscall.EEXIST}, {"EXDEV", syscall.EXDEV},
	{"ENODEV", syscall.ENODEV}, {"ENOTDIR", syscall.ENOTDIR}, {"EISDIR", syscall.EISDIR},
	{"EINVAL", syscall.EINVAL}, {"ENFILE", syscall.ENFILE}, {"EMFILE", syscall.EMFILE},
	{"ENOTTY", syscall.ENOTTY}, {"ETXTBSY", syscall.ETXTBSY}, {"EFBIG", syscall.EFBIG},
	{"ENOSPC", syscall.ENOSPC}, {"ESPIPE", syscall.ESPIPE}, {"EROFS", syscall.EROFS},
	{"EMLINK", syscall.EMLINK}, {"EPIPE", syscall.EPIPE}, {"EDOM", syscall.EDOM},
	{"ERANGE", syscall.ERANGE}, {"EDEADLK", syscall.EDEADLK}, {"ENAMETOOLONG", syscall.ENAMETOOLONG},
	{"ENOLCK", syscall.ENOLCK}, {"ENOSYS", syscall.ENOSYS}, {"ENOTEMPTY", syscall.ENOTEMPTY},
	{"ELOOP", syscall.ELOOP}, {"ENOMSG", syscall.ENOMSG},
	{"EIDRM", syscall.EIDRM}, {"ENOSTR", syscall.ENOSTR}, {"ENODATA", syscall.ENODATA},
	{"ETIME", syscall.ETIME}, {"ENOSR", syscall.ENOSR}, {"EREMOTE", syscall.EREMOTE},
	{"ENOLINK", syscall.ENOLINK}, {"EPROTO", syscall.EPROTO}, {"EMULTIHOP", syscall.EMULTIHOP},
	{"EBADMSG", syscall.EBADMSG}, {"EOVERFLOW", syscall.EOVERFLOW}, {"EILSEQ", syscall.EILSEQ},
	{"EUSERS", syscall.EUSERS}, {"ENOTSOCK", syscall.ENOTSOCK}, {"EDESTADDRREQ", syscall.EDESTADDRREQ},
	{"EMSGSIZE", syscall.EMSGSIZE}, {"EPROTOTYPE", syscall.EPROTOTYPE}, {"ENOPROTOOPT", syscall.ENOPROTOOPT},
	{"EPROTONOSUPPORT", syscall.EPROTONOSUPPORT}, {"ESOCKTNOSUPPORT", syscall.ESOCKTNOSUPPORT},
	{"EOPNOTSUPP", syscall.EOPNOTSUPP}, {"ENOTSUP", syscall.ENOTSUP}, {"EPFNOSUPPORT", syscall.EPFNOSUPPORT},
	{"EAFNOSUPPORT", syscall.EAFNOSUPPORT}, {"EADDRINUSE", syscall.EADDRINUSE},
	{"EADDRNOTAVAIL", syscall.EADDRNOTAVAIL}, {"ENETDOWN", syscall.ENETDOWN},
	{"ENETUNREACH", syscall.ENETUNREACH}, {"ENETRESET", syscall.ENETRESET},
	{"ECONNABORTED", syscall.ECONNABORTED}, {"ECONNRESET", syscall.ECONNRESET},
	{"ENOBUFS", syscall.ENOBUFS}, {"EISCONN", syscall.EISCONN}, {"ENOTCONN", syscall.ENOTCONN},
	{"ESHUTDOWN", syscall.ESHUTDOWN}, {"ETOOMANYREFS", syscall.ETOOMANYREFS},
	{"ETIMEDOUT", syscall.ETIMEDOUT}, {"ECONNREFUSED", syscall.ECONNREFUSED},
	{"EHOSTDOWN", syscall.EHOSTDOWN}, {"EHOSTUNREACH", syscall.EHOSTUNREACH},
	{"EALREADY", syscall.EALREADY}, {"EINPROGRESS", syscall.EINPROGRESS}, {"ESTALE", syscall.ESTALE},
	{"EDQUOT", syscall.EDQUOT}, {"ECANCELED", syscall.ECANCELED}, {"EOWNERDEAD", syscall.EOWNERDEAD},
	{"ENOTRECOVERABLE", syscall.ENOTRECOVERABLE},
}

func errnoModule(vm *VM) *Module {
	m := newModule("errno")
	codes := newDict()
	for _, e := range errnoNames {
		m.attrs[e.name] = IntVal(int64(e.no))
		// Of aliases (EWOULDBLOCK and EAGAIN, EOPNOTSUPP and ENOTSUP on
		// Linux) the later in the table names the number, as in CPython.
		codes.set(IntVal(int64(e.no)), StrVal(e.name))
	}
	m.attrs["errorcode"] = ObjVal(codes)
	return m
}
