package interp

import "github.com/copypatch/copypatch/templates"

// Loops in generator frames, traced (issue 8).
//
// A generator's slots live in the generator (gen.go): its frame outlives
// every run of its body, so it cannot live on the VM's slot stack. The
// trace JIT addresses a loop's slots from a base in that stack, though,
// with its scratch slots above them and any callee's frame above those.
// So when a loop of a running generator gets hot, the generator's frame is
// lifted onto the slot stack, as a call's frame would be placed: its slots
// are copied to the top of the stack, the frame's regs and objs point
// there for the rest of this run of the body, and they are copied back
// when the run ends (a yield, a return, an exception) in resume.
//
// A run that never reaches a hot loop copies nothing: a generator that
// yields from a loop every iteration pays one copy in and one copy out
// per item only while its loop's trace is being tried, recorded or
// entered.

// liftedGen is a generator frame lifted onto the slot stack: where its
// slots live in the generator, and where on the stack it was lifted.
type liftedGen struct {
	g    *Generator
	regs []templates.Value
	objs []Object
	base int
}

// liftGen moves the running generator frame f onto the top of the slot
// stack. It reports whether f's slots are on the slot stack now (they may
// be already); the trace checks its own room above them.
func (vm *VM) liftGen(f *frame) bool {
	if n := len(vm.lifts); n > 0 && vm.lifts[n-1].g == f.gen {
		return true
	}
	n := len(f.regs)
	base := vm.sp
	if n == 0 || base+n > len(vm.stack) {
		return false
	}
	regs := vm.stack[base : base+n : base+n]
	objs := vm.ostack[base : base+n : base+n]
	copy(regs, f.regs)
	copy(objs, f.objs)
	vm.lifts = append(vm.lifts, liftedGen{g: f.gen, regs: f.regs, objs: f.objs, base: base})
	f.regs, f.objs = regs, objs
	vm.sp = base + n
	return true
}

// lowerGen copies the slots of g's frame back into g if they were lifted,
// once a run of its body ended: nothing runs above it then, so the stack
// drops back to where it was lifted. Lifts nest as the runs do: a
// generator lifted while g ran was lowered when its own run ended.
func (vm *VM) lowerGen(g *Generator) {
	n := len(vm.lifts)
	if n == 0 || vm.lifts[n-1].g != g {
		return
	}
	l := &vm.lifts[n-1]
	f := g.frame
	copy(l.regs, f.regs)
	copy(l.objs, f.objs)
	// The stack keeps no references to what the generator holds.
	clear(f.objs)
	f.regs, f.objs = l.regs, l.objs
	vm.sp = l.base
	*l = liftedGen{}
	vm.lifts = vm.lifts[:n-1]
}

// dropStaleLocals clears the Go halves of the local variables that hold
// no object: a slot keeps its last object's pointer when a number is
// written over it (the interpreter's fast paths and native code write
// only tag and bits). A call's frame lets go of those when it returns; a
// suspended generator's frame lives on, and kept each such object alive
// for as long as the generator lived. Locals only: scanning every slot
// at each yield cost generators.py 6% more instructions (yield from
// chains suspend every level), and temporaries keep what they last held
// anyway (interp/README.md, Known gaps).
func (f *frame) dropStaleLocals() {
	objs := f.objs[:f.code.nlocals]
	regs := f.regs[:len(objs)] // (no bounds check in the loop)
	for i := range objs {
		if objs[i] != nil && regs[i].Tag != tagObject {
			objs[i] = nil
		}
	}
}
