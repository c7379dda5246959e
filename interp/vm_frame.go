package interp

import (
	"slices"

	"github.com/copypatch/copypatch/templates"
)

type frame struct {
	gen  *Generator // set while the frame is a generator's
	fn   *Function  // nil for the module
	code *Code
	regs []templates.Value
	objs []Object
	// pc is the instruction after the frame's latest call: the line
	// sys._getframe reports while the frame waits for a callee (frames.go).
	pc int32
	// alias, in vm.frames[d], is the frame that runs at depth d instead
	// of this slot: the module's, a generator's, exec's (frameAt).
	alias *frame
	// exit, once a traceback entry or frame object refers to this run
	// of the frame, receives the line it returns from (frames.go).
	exit *frameExit
}

// frameAt is the frame running at depth d.
func (vm *VM) frameAt(d int) *frame {
	f := &vm.frames[d]
	if f.alias != nil {
		return f.alias
	}
	return f
}

// get reads a slot. objs may hold a stale pointer under a non-object tag
// (fast paths write only the tag and bits), so O is taken only for objects.
func (f *frame) get(i int32) Val {
	r := f.regs[i]
	if r.Tag == tagObject {
		return Val{T: r.Tag, B: r.Bits, O: f.objs[i]}
	}
	return Val{T: r.Tag, B: r.Bits}
}

func (f *frame) set(i int32, v Val) {
	f.regs[i] = templates.Value{Tag: v.T, Bits: v.B}
	f.objs[i] = v.O
}

// load reads a slot that must be bound, raising UnboundLocalError or
// NameError for an empty local.
func (f *frame) load(i int32) (Val, error) {
	r := f.regs[i]
	if r.Tag == tagObject {
		return Val{T: r.Tag, B: r.Bits, O: f.objs[i]}, nil
	}
	if r.Tag == tagEmpty {
		return Val{}, f.unbound(i)
	}
	return Val{T: r.Tag, B: r.Bits}, nil
}

// cellUnbound is the error for reading or deleting the empty cell in
// slot i: a captured (free) variable's own wording, else unbound's.
func (f *frame) cellUnbound(i int32) error {
	if slices.Contains(f.code.nsFree, i) {
		// A global of exec's top level (or a module's) not bound now.
		return nameErr("name '"+f.code.localNames[i]+"' is not defined", f.code.localNames[i])
	}
	if f.code.isCaptured(i) {
		if g := f.code.nsGlobals; g != nil && g.glive != nil && g.glive.cells != nil {
			if c, ok := f.objs[i].(*Cell); ok && g.glive.cells[f.code.localNames[i]] == c {
				// A global of exec's dict, deleted from it.
				return nameErr("name '"+f.code.localNames[i]+"' is not defined", f.code.localNames[i])
			}
		}
		return nameErr("cannot access free variable '"+f.code.localNames[i]+"' where it is not associated with a value in enclosing scope", f.code.localNames[i])
	}
	return f.unbound(i)
}

func (f *frame) unbound(i int32) error {
	if int(i) < len(f.code.localNames) {
		name := f.code.localNames[i]
		if f.code.nsTop {
			return nameErr("name '"+name+"' is not defined", name)
		}
		return newErr(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
	}
	return newErr(NameError, "name is not defined")
}

// newFrame takes a window of the VM's slot stack for code.
func (vm *VM) newFrame(code *Code) *frame {
	f := &frame{}
	vm.initFrame(f, code, nil, 0)
	return f
}

// initFrame sets f up for code run as fn's (nil for the module), its
// locals unbound from slot filled on: the caller sets those below;
// callers keep f on the Go stack.
func (vm *VM) initFrame(f *frame, code *Code, fn *Function, filled int) {
	n := code.nslots
	// The bounds spelled out so that Go checks them once, here.
	sp, end := vm.sp, vm.sp+n
	if stack, ostack := vm.stack, vm.ostack; uint(sp) <= uint(end) && end <= len(stack) && end <= len(ostack) {
		f.regs = stack[sp:end:end]
		f.objs = ostack[sp:end:end]
		vm.sp = end
	} else {
		f.regs = make([]templates.Value, n)
		f.objs = make([]Object, n)
	}
	// Pointer stores only where they change anything (write barriers).
	if f.code != code {
		f.code = code
	}
	if f.fn != fn {
		f.fn = fn
	}
	if f.gen != nil {
		f.gen = nil
	}
	f.pc = 0
	if f.exit != nil {
		f.exit = nil
	}
	f.setStart(code, filled)
}

// constObj is a constant that is an object, and the slot it starts in.
type constObj struct {
	at int32
	o  Object
}

// sealConsts makes what setStart copies into a new frame.
func (co *Code) sealConsts() {
	co.start = make([]templates.Value, co.nlocals+len(co.consts))
	co.constObjs = nil
	for i, c := range co.consts {
		at := co.nlocals + i
		co.start[at] = templates.Value{Tag: c.T, Bits: c.B}
		if c.T == tagObject {
			co.constObjs = append(co.constObjs, constObj{int32(at), c.O})
		}
	}
}

// setStart unbinds the locals from slot filled on and puts the constants
// in their slots: their tags and bits with the unbound locals in one
// copy, then the Go halves of the object constants alone (a number's or
// None's objs entry may stay stale, as under any tag but an object's).
func (f *frame) setStart(code *Code, filled int) {
	if s := code.start; filled < len(s) {
		// A loop, not copy: a frame starts with a few slots, fewer
		// than a call of memmove takes instructions to set up. regs
		// cut to s's length: no bounds checks in the loop.
		regs := f.regs[:len(s)]
		for i := filled; i < len(s); i++ {
			regs[i] = s[i]
		}
	}
	if cs := code.constObjs; len(cs) > 0 {
		objs := f.objs
		for _, c := range cs {
			objs[c.at] = c.o
		}
	}
}

func (vm *VM) freeFrame(f *frame) {
	n := len(f.regs)
	if sp := vm.sp - n; n > 0 && sp >= 0 && sp < len(vm.stack) && &vm.stack[sp] == &f.regs[0] {
		vm.sp = sp
	}
}

// tbLine is the traceback entry of frame f at instruction pc, for error pe
// (which picks the carets of a method call: see caretInfo.attr).
func (vm *VM) tbLine(f *frame, pc int, pe *PyErr) tbEntry {
	line := 0
	if pc >= 0 && pc < len(f.code.lines) {
		line = int(f.code.lines[pc])
	}
	src := ""
	if line > 0 && line <= len(vm.mod.lines) && f.code.filename == vm.mod.filename {
		src = vm.mod.lines[line-1]
	} else if ls := vm.srcLines[f.code.filename]; line > 0 && line <= len(ls) {
		src = ls[line-1]
	}
	name := f.code.name
	e := tbEntry{file: f.code.filename, fn: name, line: line, src: src, code: f.code, pc: pc, f: f, depth: vm.depth - 1}
	if ci, ok := f.code.carets[int32(pc)]; ok {
		e.caret = &ci
		if ci.attr != nil && len(pe.tb) == 0 && pe.exc.typ == AttributeError {
			e.caret = ci.attr
		}
	}
	return e
}
