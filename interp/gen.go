package interp

import (
	"errors"

	"github.com/copypatch/copypatch/templates"
)

// Generator is a suspended generator function. Python's yield can only
// appear in the generator's own body, never in a function it calls, so a
// generator needs no stack of its own: its frame keeps its slots, and
// yield returns from the VM's run loop with the frame's resume point saved
// (pc); next runs the frame again from there.
type Generator struct {
	vm      *VM
	fn      *Function
	frame   *frame
	pc      int   // where the next run resumes: after the last yield
	throw   error // raised at the resume point by the next run (close)
	started bool
	done    bool
	running bool
}

func (*Generator) typeName() string { return "generator" }

// GeneratorExit unwinds a generator that the program abandoned; it is a
// BaseException, so `except Exception` does not stop it.
var GeneratorExit = &ExcType{name: "GeneratorExit", base: BaseException}

// errYield is how run reports a yield: the value is in vm.yielded.
var errYield = errors.New("yield")

func (vm *VM) newGenerator(fn *Function, args []Val, kwn []string) (Val, error) {
	co := fn.code
	// The frame outlives the call, so it cannot live on the VM's slot stack.
	f := &frame{code: co, fn: fn, regs: make([]templates.Value, co.nslots), objs: make([]Object, co.nslots)}
	for i, c := range co.consts {
		f.regs[co.nlocals+i] = templates.Value{Tag: c.T, Bits: c.B}
		f.objs[co.nlocals+i] = c.O
	}
	if err := vm.bindArgs(fn, f, args, kwn); err != nil {
		return Val{}, err
	}
	g := &Generator{vm: vm, fn: fn, frame: f}
	f.gen = g
	return ObjVal(g), nil
}

// next runs the generator to its next yield. It reports false when the
// generator has finished.
func (g *Generator) next() (Val, bool, error) {
	if g.done {
		return Val{}, false, nil
	}
	if g.running {
		return Val{}, false, newErr(ValueError, "generator already executing")
	}
	vm := g.vm
	if vm.depth >= vm.limit {
		return Val{}, false, newErr(RecursionError, "maximum recursion depth exceeded")
	}
	if !g.started {
		g.started = true
		vm.gens = append(vm.gens, g)
	}
	g.running = true
	vm.depth++
	v, err := vm.run(g.frame)
	vm.depth--
	g.running = false
	if err == errYield {
		return v, true, nil
	}
	g.done = true
	if pe, ok := err.(*PyErr); ok {
		switch pe.exc.typ {
		case GeneratorExit:
			err = nil
		case StopIteration:
			err = newErr(RuntimeError, "generator raised StopIteration")
		}
	}
	return Val{}, false, err
}

// close raises GeneratorExit at the generator's yield, so its finally
// blocks run; a value it yields instead is ignored, as is any error.
func (g *Generator) close() {
	if !g.started || g.done || g.running {
		return
	}
	g.throw = newErrVal(GeneratorExit)
	g.next()
	g.done = true
}

// closeGenerators closes the generators left suspended when the run ends.
func (vm *VM) closeGenerators() {
	for _, g := range vm.gens {
		g.close()
	}
	vm.gens = nil
}
