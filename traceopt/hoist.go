package traceopt

// Hoist removes from the loop body every pure instruction whose inputs the
// body never writes and whose destination only it writes: the peeled first
// iteration computed the same value, and nothing changes it after. (Such
// an instruction cannot exit in the body either: it did not with the same
// inputs in the first iteration.) Loads go too when the body stores
// nothing.
func Hoist(t *Trace) {
	body := t.Insts[t.Loop:]
	writers := map[int32]int{}
	stores := false
	for i := range body {
		info := Info(body[i].Op)
		if d, ok := dst(&body[i], info); ok {
			writers[d]++
		}
		stores = stores || info.Store
	}
	out := body[:0:0]
	for i := range body {
		in := &body[i]
		info := Info(in.Op)
		if invariant(in, info, writers, stores) {
			continue
		}
		out = append(out, *in)
	}
	t.Insts = append(t.Insts[:t.Loop:t.Loop], out...)
}

func invariant(in *Inst, info *OpInfo, writers map[int32]int, stores bool) bool {
	if !info.Pure && !(info.Load && !stores) {
		return false
	}
	d, hasDst := dst(in, info)
	if hasDst && writers[d] != 1 {
		return false
	}
	ok := true
	srcs(in, info, func(s int32) {
		if writers[s] > 0 {
			ok = false
		}
	})
	if !hasDst && !ok {
		return false
	}
	// A guard on a slot the body never writes was proved on the way in.
	return ok
}

// DropSelfMoves removes moves of a slot onto itself.
func DropSelfMoves(t *Trace) {
	out := t.Insts[:0]
	loop := t.Loop
	for i, in := range t.Insts {
		if in.Op == opMove && in.Args[0] == in.Args[1] {
			if i < t.Loop {
				loop--
			}
			continue
		}
		out = append(out, in)
	}
	t.Insts = out
	t.Loop = loop
}

// DropDeadStores removes pure writes to private slots that no instruction
// of the trace reads.
func DropDeadStores(t *Trace) {
	if t.PrivateTo <= t.PrivateFrom {
		return
	}
	read := map[int32]bool{}
	for i := range t.Insts {
		srcs(&t.Insts[i], Info(t.Insts[i].Op), func(s int32) { read[s] = true })
	}
	out := t.Insts[:0]
	loop := t.Loop
	for i, in := range t.Insts {
		info := Info(in.Op)
		if d, ok := dst(&in, info); ok && d >= t.PrivateFrom && d < t.PrivateTo && !read[d] && info.Pure && !info.Exits {
			if i < t.Loop {
				loop--
			}
			continue
		}
		out = append(out, in)
	}
	t.Insts = out
	t.Loop = loop
}
