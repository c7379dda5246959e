package traceopt

import "github.com/copypatch/copypatch/generated"

// EliminateGuards propagates slot types forward through the trace and
// removes every guard whose answer is already known: in the peeled first
// iteration those that an earlier guard or write proved, and in the loop
// body those that hold on every path into it (from the first iteration and
// from the loop's own back-edge).
func EliminateGuards(t *Trace) {
	entry := map[int32]Type{}
	for s, v := range t.Consts {
		entry[s] = TypeOfTag(v.Tag)
	}
	pre := t.Insts[:t.Loop]
	body := t.Insts[t.Loop:]
	pre = dropKnownGuards(pre, entry) // entry now holds the types after pre
	// The loop head's types: what both the way in and the back-edge agree
	// on. Shrinking only, so this ends.
	head := copyTypes(entry)
	for {
		after := copyTypes(head)
		propagate(body, after)
		changed := false
		for s, ty := range head {
			if after[s] != ty {
				delete(head, s)
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	body = dropKnownGuards(body, head)
	t.Insts = append(append(make([]Inst, 0, len(pre)+len(body)), pre...), body...)
	t.Loop = len(pre)
}

func copyTypes(m map[int32]Type) map[int32]Type {
	c := make(map[int32]Type, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// step updates known for one instruction that continues.
func step(in *Inst, known map[int32]Type) {
	info := Info(in.Op)
	if info.Guard != Unknown {
		known[slotOf(in.Args[0])] = info.Guard
		return
	}
	if d, ok := dst(in, info); ok {
		if ty := resultType(in, info, known); ty != Unknown {
			known[d] = ty
		} else {
			delete(known, d)
		}
	}
}

func propagate(insts []Inst, known map[int32]Type) {
	for i := range insts {
		step(&insts[i], known)
	}
}

// dropKnownGuards returns insts without the guards known already proves,
// and leaves in known the types after them.
func dropKnownGuards(insts []Inst, known map[int32]Type) []Inst {
	out := insts[:0:0]
	for i := range insts {
		in := &insts[i]
		if g := Info(in.Op).Guard; g != Unknown && known[slotOf(in.Args[0])] == g {
			continue
		}
		step(in, known)
		out = append(out, *in)
	}
	return out
}

// isGuard reports whether op is a type guard.
func isGuard(op generated.Op) bool {
	info := Info(op)
	return info != nil && info.Guard != Unknown
}
