package interp

// zlib's system half (the module is pylib/zlib.py, gzip is pylib/gzip.py):
// deflate streams in the zlib, gzip and raw formats through Go's
// compress packages, and the two checksums. Decompressing is exact;
// compressing makes valid streams of the requested format and level, but
// not zlib's bytes (Go's deflate chooses its matches otherwise).

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	_ "embed"
	"errors"
	"hash/adler32"
	"hash/crc32"
	"io"
)

//go:embed pylib/zlib.py
var zlibSource string

//go:embed pylib/gzip.py
var gzipSource string

func zlibModule(vm *VM) *Module { return vm.pyModule("zlib", zlibSource, zlibHelpers()) }
func gzipModule(vm *VM) *Module { return vm.pyModule("gzip", gzipSource, nil) }

// zlibData is a bytes-like argument of the zlib functions.
func zlibData(v Val) ([]byte, error) {
	b, ok := bytesLike(v)
	if !ok {
		return nil, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(v))
	}
	return b, nil
}

func zlibHelpers() map[string]nativeFn {
	checksum := func(name string, start uint32, update func(uint32, []byte) uint32) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs(name, args, kwn, []string{"data", "value"}, 1)
			if err != nil {
				return Val{}, err
			}
			b, err := zlibData(a[0])
			if err != nil {
				return Val{}, err
			}
			v := start
			if a[1].T != tagEmpty {
				n, ok := toBig(a[1])
				if !ok {
					return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a[1]))
				}
				v = uint32(n.Uint64() & 0xffffffff)
				if n.Sign() < 0 {
					v = uint32(n.Int64())
				}
			}
			return IntVal(int64(update(v, b))), nil
		}
	}
	return map[string]nativeFn{
		"crc32":   checksum("crc32", 0, func(v uint32, b []byte) uint32 { return crc32.Update(v, crc32.IEEETable, b) }),
		"adler32": checksum("adler32", 1, adlerUpdate),
		// _compress(data, level, wbits) -> bytes; the level and wbits
		// are checked by zlib.py.
		"_compress": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := zlibData(args[0])
			if err != nil {
				return Val{}, err
			}
			out, err := deflateAs(b, int(args[1].I()), int(args[2].I()))
			if err != nil {
				return Val{}, newErr(ValueError, "%s", err.Error())
			}
			return bytesVal(out), nil
		},
		// _decompress(data, wbits) -> (output, bytes consumed, error
		// code, message): code 0 when the stream ended, -5 when the data
		// ran out first, -3 for bad data.
		"_decompress": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := zlibData(args[0])
			if err != nil {
				return Val{}, err
			}
			out, used, code, msg := inflateAs(b, int(args[1].I()))
			return tupleOf([]Val{bytesVal(out), IntVal(int64(used)), IntVal(int64(code)), StrVal(msg)}), nil
		},
	}
}

func adlerUpdate(v uint32, b []byte) uint32 {
	// adler32.Checksum starts at 1; a running value is carried by hand
	// (the two 16-bit sums, modulo 65521).
	if v == 1 {
		return adler32.Checksum(b)
	}
	s1, s2 := v&0xffff, v>>16
	for len(b) > 0 {
		n := min(len(b), 5552)
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= 65521
		s2 %= 65521
		b = b[n:]
	}
	return s2<<16 | s1
}

// deflateAs compresses b at level into the format wbits names: 9..15 a
// zlib stream, -15..-9 raw deflate, 25..31 gzip.
func deflateAs(b []byte, level, wbits int) ([]byte, error) {
	var buf bytes.Buffer
	var w io.WriteCloser
	var err error
	switch {
	case wbits >= 9 && wbits <= 15:
		w, err = zlib.NewWriterLevel(&buf, level)
	case wbits >= -15 && wbits <= -9:
		w, err = flate.NewWriter(&buf, level)
	case wbits >= 25 && wbits <= 31:
		var g *gzip.Writer
		g, err = gzip.NewWriterLevel(&buf, level)
		if err == nil {
			g.OS = 3 // what zlib writes on Unix
		}
		w = g
	default:
		return nil, errors.New("Invalid initialization option")
	}
	if err != nil {
		return nil, errors.New("Bad compression level")
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// inflateAs decompresses the stream at the start of b in the format wbits
// names (40..47: zlib or gzip, by the header). It returns what it
// decoded, how many bytes of b the stream took, and zlib's error code
// and message.
func inflateAs(b []byte, wbits int) (out []byte, used, code int, msg string) {
	r := bytes.NewReader(b)
	var rd io.Reader
	var err error
	format := wbits
	if wbits >= 40 && wbits <= 47 {
		format = 15
		if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
			format = 31
		}
	}
	switch {
	case format == 0 || format >= 8 && format <= 15:
		rd, err = zlib.NewReader(r)
	case format >= -15 && format <= -8:
		rd = flate.NewReader(r)
	case format >= 24 && format <= 31:
		var g *gzip.Reader
		g, err = gzip.NewReader(r)
		if g != nil {
			g.Multistream(false)
		}
		rd = g
	default:
		return nil, 0, -2, "inconsistent stream state"
	}
	if err == nil {
		out, err = io.ReadAll(rd)
	}
	used = len(b) - r.Len()
	switch {
	case err == nil:
		return out, used, 0, ""
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return out, used, -5, "incomplete or truncated stream"
	case errors.Is(err, zlib.ErrHeader) || errors.Is(err, gzip.ErrHeader):
		return out, used, -3, "incorrect header check"
	case errors.Is(err, zlib.ErrChecksum) || errors.Is(err, gzip.ErrChecksum):
		return out, used, -3, "incorrect data check"
	}
	return out, used, -3, "invalid block type"
}
