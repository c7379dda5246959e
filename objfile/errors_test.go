package objfile

import (
	"errors"
	"io"
	"testing"
)

func TestFormatError(t *testing.T) {
	tests := []struct {
		err      *FormatError
		want     string
		kind     error
		isEOF    bool
		notKinds []error
	}{
		{Errorf(ErrMalformed, ".text", 0x1c, "bad %s", "thing"), ".text+0x1c: bad thing", ErrMalformed, false, []error{ErrUnsupported, ErrUnsupportedMachine}},
		{Errorf(ErrUnsupported, "__TEXT,__text", -1, "n %d", 5), "__TEXT,__text: n 5", ErrUnsupported, false, []error{ErrMalformed}},
		{&FormatError{Off: 0x40, Msg: "oops", Kind: ErrUnsupportedMachine}, "at byte 0x40: oops", ErrUnsupportedMachine, false, []error{ErrMalformed}},
		{&FormatError{Off: -1, Msg: "invalid file", Kind: ErrMalformed, Err: io.ErrUnexpectedEOF}, "invalid file: unexpected EOF", ErrMalformed, true, []error{ErrUnsupported}},
		{Internal("boom"), "internal error: boom", ErrMalformed, false, []error{ErrUnsupported}},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, tt.kind) {
			t.Errorf("%q is not %v", tt.err, tt.kind)
		}
		for _, k := range tt.notKinds {
			if errors.Is(tt.err, k) {
				t.Errorf("%q is %v too", tt.err, k)
			}
		}
		if got := errors.Is(tt.err, io.ErrUnexpectedEOF); got != tt.isEOF {
			t.Errorf("%q: errors.Is(ErrUnexpectedEOF) = %v, want %v", tt.err, got, tt.isEOF)
		}
	}
}
