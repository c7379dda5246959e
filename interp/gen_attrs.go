package interp

// The attributes of generators, coroutines and async generators that
// asyncio's reprs and inspect read: __name__, __qualname__ and the
// gi_/cr_/ag_ prefixed code, frame, running, suspended and the
// delegate a yield from or await is suspended in.

// genAttr is attribute name of g, if it has one.
func (vm *VM) genAttr(g *Generator, name string) (Val, bool) {
	code := g.fn.code
	switch name {
	case "__name__":
		return StrVal(code.name), true
	case "__qualname__":
		return StrVal(g.fn.qualname()), true
	}
	prefix := "gi_"
	switch code.genKind {
	case genCoroutine:
		prefix = "cr_"
	case genAsyncGen:
		prefix = "ag_"
	}
	if len(name) < 3 || name[:3] != prefix {
		return Val{}, false
	}
	switch name[3:] {
	case "code":
		return ObjVal(&codeInfoObj{code: code}), true
	case "running":
		return BoolVal(g.running != 0 || g.asyncBusy && code.genKind == genAsyncGen), true
	case "suspended":
		if prefix == "ag_" {
			return Val{}, false
		}
		return BoolVal(g.started && !g.done && g.running == 0), true
	case "frame":
		if g.done {
			return NoneVal, true
		}
		// A frame of its own, without callers: the line it is suspended
		// at (the def's before it starts). Its depth is none the VM
		// runs at, so the line is never read live.
		line := code.firstLineno()
		if g.started && g.pc > 0 && int(g.pc)-1 < len(code.lines) {
			line = int(code.lines[g.pc-1])
		}
		fi := frameInfo{code: code, line: line, f: g.frame, depth: 1 << 30}
		return ObjVal(&frameObj{stack: []frameInfo{fi}}), true
	case "yieldfrom", "await":
		if (name[3:] == "await") == (prefix == "gi_") {
			return Val{}, false
		}
		if g.yf != nil && !g.done {
			return ObjVal(g.yf), true
		}
		return NoneVal, true
	}
	return Val{}, false
}
