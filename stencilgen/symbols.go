package stencilgen

import (
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/relocs"
)

// holePrefix marks the extern symbols that are holes.
const holePrefix = "_JIT_"

// holeSymbols maps each hole symbol a template may name to what goes in it.
// It is the one place where symbol names meet relocs.Value.
var holeSymbols = map[string]relocs.Value{
	"_JIT_CONTINUE":    relocs.ValueContinue,
	"_JIT_JUMP_TARGET": relocs.ValueJumpTarget,
	"_JIT_EXIT":        relocs.ValueExit,
	"_JIT_OPERAND0":    relocs.ValueOperand0,
	"_JIT_OPERAND1":    relocs.ValueOperand1,
	"_JIT_OPERAND2":    relocs.ValueOperand2,
	"_JIT_OPERAND3":    relocs.ValueOperand3,
}

// holeValue maps an undefined symbol to its hole value, or explains why it
// cannot be one.
func holeValue(name string) (relocs.Value, error) {
	if v, ok := holeSymbols[name]; ok {
		return v, nil
	}
	if strings.HasPrefix(name, holePrefix) {
		return 0, fmt.Errorf("unknown hole symbol %s", name)
	}
	return 0, fmt.Errorf("reference to external symbol %s: templates may only name %s* holes (a libc or compiler-runtime call cannot be reached from a stencil)", name, holePrefix)
}
