package traceopt

// Hoist removes from the loop body every pure instruction that runs on
// every pass, as does its copy in the peeled first iteration, whose inputs
// the body (side paths included) never writes and whose destination only
// it writes: the first iteration computed the same value, and nothing
// changes it after. (Such an instruction cannot exit in the body either:
// it did not with the same inputs in the first iteration.) Loads go too
// when the body stores nothing into their kind of memory (Mem), unless
// the trace is Shared (another thread may store there). It must run right after Peel, while the
// body is an exact copy of the first iteration.
func Hoist(t *Trace) {
	if t.Loop == 0 {
		return
	}
	body := t.Insts[t.Loop:]
	cond := t.conditional()
	end := t.mainEnd()
	sc := getScratch()
	defer sc.put()
	// The body's writes of each slot, in a row indexed by slot (a map
	// was most of the pass's cost).
	writers := grow(&sc.counts, int(t.maxSlot())+1)
	clear(writers)
	var stores Mem
	for i := range body {
		info := Info(body[i].Op)
		if d, ok := dst(&body[i], info); ok {
			writers[d]++
		}
		stores |= info.Store
	}
	keep := grow(&sc.keep, len(t.Insts))
	for i := range t.Insts {
		in := &t.Insts[i]
		keep[i] = i < t.Loop || i >= end || cond[i] || cond[i-t.Loop] || in.InTrace || !invariant(in, Info(in.Op), writers, stores, t.Shared)
	}
	t.compact(keep)
}

func invariant(in *Inst, info *OpInfo, writers []int32, stores Mem, shared bool) bool {
	if !info.Pure && !(info.Load != 0 && info.Load&stores == 0 && !shared) {
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
	sc := getScratch()
	defer sc.put()
	keep := grow(&sc.keep, len(t.Insts))
	for i := range t.Insts {
		in := &t.Insts[i]
		keep[i] = !(in.Op == opMove && in.Args[0] == in.Args[1])
	}
	t.compact(keep)
}

// DropDeadStores removes pure writes to private slots that no instruction
// of the trace reads.
func DropDeadStores(t *Trace) {
	if t.PrivateTo <= t.PrivateFrom {
		return
	}
	sc := getScratch()
	defer sc.put()
	read := grow(&sc.reached, int(t.maxSlot())+1) // (by slot)
	clear(read)
	for i := range t.Insts {
		srcs(&t.Insts[i], Info(t.Insts[i].Op), func(s int32) { read[s] = true })
	}
	keep := grow(&sc.keep, len(t.Insts))
	for i := range t.Insts {
		in := &t.Insts[i]
		info := Info(in.Op)
		d, ok := dst(in, info)
		keep[i] = !(ok && d >= t.PrivateFrom && d < t.PrivateTo && !read[d] && !t.ExitReads[d] && info.Pure && !info.Exits)
	}
	t.compact(keep)
}
