package interp

import (
	"errors"
	"fmt"

	"github.com/copypatch/copypatch/templates"
)

// Generator is a suspended generator function. Its frame runs on a
// goroutine of its own; control passes back and forth over two channels,
// so exactly one side runs at a time and the VM is never shared.
type Generator struct {
	vm      *VM
	fn      *Function
	frame   *frame
	started bool
	done    bool
	running bool
	resume  chan bool // true: go on; false: close
	out     chan genMsg
}

type genMsg struct {
	v    Val
	done bool
	err  error
}

func (*Generator) typeName() string { return "generator" }

// GeneratorExit unwinds a generator that the program abandoned; it is a
// BaseException, so `except Exception` does not stop it.
var GeneratorExit = &ExcType{name: "GeneratorExit", base: BaseException}

var _ = errors.New

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
	g := &Generator{vm: vm, fn: fn, frame: f, resume: make(chan bool), out: make(chan genMsg, 1)}
	f.gen = g
	return ObjVal(g), nil
}

// next runs the generator to its next yield.
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
	g.running = true
	depth := vm.depth
	vm.depth++
	if !g.started {
		g.started = true
		vm.gens = append(vm.gens, g)
		go g.body()
	} else {
		g.resume <- true
	}
	m := <-g.out
	vm.depth = depth
	g.running = false
	if m.done {
		g.done = true
		if m.err != nil {
			return Val{}, false, m.err
		}
		return Val{}, false, nil
	}
	return m.v, true, nil
}

func (g *Generator) body() {
	defer func() {
		if r := recover(); r != nil {
			g.out <- genMsg{done: true, err: &internalError{fmt.Sprint(r)}}
		}
	}()
	_, err := g.vm.run(g.frame)
	if pe, ok := err.(*PyErr); ok && pe.exc.typ == GeneratorExit {
		err = nil
	}
	if pe, ok := err.(*PyErr); ok && pe.exc.typ == StopIteration {
		err = newErr(RuntimeError, "generator raised StopIteration")
	}
	g.out <- genMsg{done: true, err: err}
}

// yield hands v to the consumer and waits to be resumed.
func (g *Generator) yield(v Val) (Val, error) {
	g.out <- genMsg{v: v}
	if !<-g.resume {
		return Val{}, newErrVal(GeneratorExit)
	}
	return NoneVal, nil
}

// closeGenerators ends the goroutines of generators left suspended.
func (vm *VM) closeGenerators() {
	for _, g := range vm.gens {
		if g.started && !g.done {
			g.resume <- false
			<-g.out
			g.done = true
		}
	}
	vm.gens = nil
}
