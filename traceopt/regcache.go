package traceopt

import (
	"fmt"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// The cached registers of the stencil ABI (copypatch.h: f0, f1): every
// uop passes them on to the next, so a float one uop leaves there is still
// there for a later uop that reads it, with no store-to-load round trip
// through the frame in between (docs/regcache.md).
const numRegs = 2

// Where a value is, by index in regWhere (tables.go): the slot, f0 or f1.
const inSlot = 0

// variantAt is a variant in a table of them, if there is one.
type variantAt struct {
	op generated.Op
	ok bool
}

// The variants CacheRegisters picks, found by where their operands are
// (regWhere's indexes) rather than by name (ztables.go):
//   - regArith: by base uop, result register, operand 1's place and
//     operand 2's (inSlot for float_sqrt's, which has none);
//   - regBranch: by base uop, operand 0's place and operand 1's;
//   - regLoad: by base list load, result register;
//   - regStore: list_store_r by the register it stores.

// Unvaried is the uop a register variant of a list load or store stands
// for (list_load_r__b_f0 is a list_load_bits), else op itself: a VM that
// asks which uops touch lists (to know which a thread may not run beside)
// asks it of this.
func Unvaried(op generated.Op) generated.Op {
	if int(op) < len(unvariedBase) && unvariedBase[op].ok {
		return unvariedBase[op].op
	}
	return op
}

// unvariedBase is, by op, the uop a variant stands for (ok), from
// tables.go (ztables.go).

// CacheRegisters keeps float results in the cached registers, write-through:
// each float arithmetic uop with a register variant also leaves its result
// in f0 or f1 (the one whose values are needed latest, Belady's choice),
// and a later uop that reads that slot while the register still holds it
// reads the register instead. Every slot is still written as before, so
// exits, call-outs, safepoints and bridges find the frame exact and need
// nothing. What a register holds is forgotten wherever control may arrive
// from elsewhere: a jump target, the loop top (also where a safepoint
// resumes), the uop after a call-out or a call (Go or the callee ran in
// between); and a slot leaves a register when something else writes it.
// A move copies: its destination joins its source's register.
func CacheRegisters(t *Trace) {
	n := len(t.Insts)
	label := make([]bool, n+1)
	if n > 0 {
		label[t.Loop] = true
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if in.InTrace {
			label[in.Target] = true
		}
		if info := Info(in.Op); info != nil && (info.CallOut || info.Call) {
			label[i+1] = true
		}
	}
	var held [numRegs][]heldSlot // the slots whose value each register holds
	// where is the place of s's value: inSlot, or 1 + the register that
	// holds it.
	where := func(s int32) int {
		for r := range held {
			for _, x := range held[r] {
				if x.slot == s {
					return 1 + r
				}
			}
		}
		return inSlot
	}
	drop := func(s int32) {
		for r := range held {
			for k, x := range held[r] {
				if x.slot == s {
					held[r] = append(held[r][:k:k], held[r][k+1:]...)
					break
				}
			}
		}
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if label[i] {
			held = [numRegs][]heldSlot{}
		}
		if forms := variants(&regArith, in.Op); forms != nil {
			a, b := where(slotOf(in.Args[1])), inSlot
			if Info(in.Op).Args[2] == Src {
				b = where(slotOf(in.Args[2]))
			}
			dst := slotOf(in.Args[0])
			drop(dst) // (its old value is dead here: it is no reason to keep a register)
			d, _ := t.victimAt(i, &held, label)
			v := forms[d][a][b]
			if !v.ok {
				panic(fmt.Sprintf("BUG: traceopt: no register variant of %v for f%d %s %s", in.Op, d, regWhere[a], regWhere[b]))
			}
			in.Op = v.op
			held[d] = append(held[d][:0], heldSlot{slot: dst}) // (drop copies, so nothing else holds this array)
			continue
		}
		if forms := variants(&regLoad, in.Op); forms != nil && !t.Shared && in.Args[3] == uint64(templates.TagFloat) {
			// A float element read soon enough goes to a register too,
			// unless both hold values needed sooner.
			dst := slotOf(in.Args[0])
			drop(dst)
			d, at := t.victimAt(i, &held, label)
			if next := t.nextRead(i, dst, label); next < len(t.Insts) && next <= at {
				in.Op = forms[d]
				held[d] = append(held[d][:0], heldSlot{slot: dst})
			}
			continue
		}
		if in.Op == generated.OpListStore && !t.Shared {
			if w := where(slotOf(in.Args[2])); w != inSlot {
				in.Op = regStore[w]
			}
			continue
		}
		if forms := variants(&regBranch, in.Op); forms != nil {
			if v := forms[where(slotOf(in.Args[0]))][where(slotOf(in.Args[1]))]; v.ok {
				in.Op = v.op
			}
			continue
		}
		d, writes := in.Writes()
		if !writes {
			continue
		}
		if in.Op == generated.OpMove || in.Op == generated.OpMoveBits {
			src := slotOf(in.Args[1])
			if w := where(src); w != inSlot && src != d {
				drop(d)
				held[w-1] = append(held[w-1], heldSlot{slot: d})
				continue
			}
		}
		drop(d)
	}
}

// variants is table's entry for op, nil for none (and for the optimizer's
// own pseudo-uops, past the generated ones).
func variants[E any](table *[generated.NumOps]*E, op generated.Op) *E {
	if int(op) < len(table) {
		return table[op]
	}
	return nil
}

// heldSlot is a slot whose value a register holds, with where it is read
// next as last found (0: not looked for yet).
type heldSlot struct {
	slot int32
	next int
}

// victimAt is the register instruction i should leave its result in: one
// holding nothing read again before the next label, else the one whose
// next read is furthest (Belady); and that next read (len(t.Insts) for
// none). A slot's next read found before i still holds while it lies
// past i (nothing read the slot in between, and nothing wrote it or
// came between as a label, or the slot would have left the register):
// it is looked for again only once passed, so each slot's reads are
// walked once, not from every float uop to the next label.
func (t *Trace) victimAt(i int, held *[numRegs][]heldSlot, label []bool) (int, int) {
	best, bestAt := 0, -1
	for r := range held {
		next := len(t.Insts) // never read again
		for k := range held[r] {
			h := &held[r][k]
			if h.next <= i {
				h.next = t.nextRead(i, h.slot, label)
			}
			next = min(next, h.next)
		}
		if next > bestAt {
			best, bestAt = r, next
		}
	}
	return best, bestAt
}

// nextRead is the first instruction after i, before the next label, that
// reads slot s before anything writes it, or len(t.Insts).
func (t *Trace) nextRead(i int, s int32, label []bool) int {
	for j := i + 1; j < len(t.Insts) && !label[j]; j++ {
		// (Reads and Writes, without a closure a call: victim asks this
		// of every slot the registers hold at every float uop, most of
		// CacheRegisters' cost.)
		in := &t.Insts[j]
		info := Info(in.Op)
		if info == nil {
			continue
		}
		read, wrote, dstSeen := false, false, false
		for k, kind := range info.Args {
			switch kind {
			case Src, SrcDst, Dst:
			default:
				continue
			}
			is := slotOf(in.Args[k]) == s
			read = read || (is && kind != Dst)
			if kind != Src && !dstSeen {
				dstSeen, wrote = true, is
			}
		}
		if read {
			return j
		}
		if wrote {
			break
		}
	}
	return len(t.Insts)
}
