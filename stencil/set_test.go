package stencil

import (
	"strings"
	"testing"

	"github.com/copypatch/copypatch/relocs"
)

func TestSetCheck(t *testing.T) {
	good := func() *Set {
		return &Set{Target: "linux/amd64", ABI: ABIVersion, Names: []string{"end", "exit"},
			Stencils: make([]relocs.Stencil, 2), Exit: 1, Loop: NoOp, Terminal: []Op{0, 1}}
	}
	if err := good().Check(); err != nil {
		t.Fatalf("good set: %v", err)
	}
	cases := []struct {
		f   func(*Set)
		msg string
	}{
		{func(s *Set) { s.ABI = 0 }, "ABI version 0"},
		{func(s *Set) { s.Names = nil }, "0 names but 2 stencils"},
		{func(s *Set) { s.Emitters = make([]relocs.Emitter, 1) }, "1 emitters"},
		{func(s *Set) { s.Exit = 2 }, "no exit uop"},
		{func(s *Set) { s.Loop = 5 }, "loop uop 5"},
		{func(s *Set) { s.Terminal = []Op{9} }, "terminal uop 9"},
	}
	for _, c := range cases {
		s := good()
		c.f(s)
		if err := s.Check(); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("got %v, want %q", err, c.msg)
		}
	}
	var nilSet *Set
	if err := nilSet.Check(); err == nil {
		t.Error("a nil set passed")
	}
}

func TestSetNames(t *testing.T) {
	s := &Set{Names: []string{"end", "exit"}, Terminal: []Op{1}}
	if s.Name(1) != "exit" || s.Name(7) != "Op(7)" {
		t.Errorf("Name: %q %q", s.Name(1), s.Name(7))
	}
	if op, ok := s.Lookup("exit"); !ok || op != 1 {
		t.Errorf("Lookup(exit) = %d, %v", op, ok)
	}
	if _, ok := s.Lookup("nope"); ok {
		t.Error("Lookup(nope) found something")
	}
	if !s.IsTerminal(1) || s.IsTerminal(0) {
		t.Error("IsTerminal")
	}
}
