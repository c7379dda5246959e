package jit

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/stencil"
)

// TestNewCacheRefusesSets: a missing set, a set built for another ABI
// version, a malformed one and one for another platform are refused with
// errors that say why.
func TestNewCacheRefusesSets(t *testing.T) {
	other := "linux/arm64"
	if runtime.GOARCH == "arm64" {
		other = "linux/amd64"
	}
	with := func(f func(s *stencil.Set)) *stencil.Set {
		s := *generated.Set
		f(&s)
		return &s
	}
	cases := []struct {
		name string
		set  *stencil.Set
		is   error
		msg  string
	}{
		{"nil", nil, ErrStencils, "Config.Stencils is nil"},
		{"old ABI", with(func(s *stencil.Set) { s.ABI = stencil.ABIVersion - 1 }), ErrStencils, "regenerate"},
		{"new ABI", with(func(s *stencil.Set) { s.ABI = stencil.ABIVersion + 1 }), ErrStencils, "ABI version"},
		{"names", with(func(s *stencil.Set) { s.Names = s.Names[:1] }), ErrStencils, "names"},
		{"no exit", with(func(s *stencil.Set) { s.Exit = stencil.NoOp }), ErrStencils, "no exit uop"},
		{"other target", with(func(s *stencil.Set) { s.Target = other }), ErrUnsupported, "is for " + other},
		{"no target", with(func(s *stencil.Set) { s.Target = "" }), ErrUnsupported, "no stencils for"},
	}
	for _, c := range cases {
		_, err := NewCache(Config{Stencils: c.set})
		if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v, want %v saying %q", c.name, err, c.is, c.msg)
		}
	}
}

// TestTerminalFromSet: which uops may end a trace comes from the set, not
// from this package.
func TestTerminalFromSet(t *testing.T) {
	set := *generated.Set
	set.Terminal = []stencil.Op{o(generated.OpIntAdd)}
	c := newCache(t, Config{Stencils: &set})
	if _, err := c.Compile([]Uop{{Op: o(generated.OpEnd)}}); err == nil || !strings.Contains(err.Error(), "falls through") {
		t.Errorf("end was not terminal in this set, got %v", err)
	}
	if _, err := newCache(t, Config{}).Compile([]Uop{{Op: o(generated.OpIntAdd)}}); err == nil || !strings.Contains(err.Error(), "end, exit") {
		t.Errorf("got %v, want the terminal uops named", err)
	}
}
