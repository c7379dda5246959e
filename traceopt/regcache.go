package traceopt

import (
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// The cached registers of the stencil ABI (copypatch.h: f0, f1): every
// uop passes them on to the next, so a float one uop leaves there is still
// there for a later uop that reads it, with no store-to-load round trip
// through the frame in between (docs/regcache.md).
const numRegs = 2

// regFamilies are the uops with register variants (templates/*_r.c), by
// the stem of their variants' names and the tag value (t: the variant
// stores the float tag, b: bits only): float_add_r__t_f1_s_f0 is
// float_add with its result also left in f1, operand 1 read from the slot
// and operand 2 from f0. Branches have no result register.
var regFamilies = map[generated.Op]struct{ stem, tag string }{
	generated.OpFloatAdd:      {"float_add_r", "t"},
	generated.OpFloatSub:      {"float_sub_r", "t"},
	generated.OpFloatMul:      {"float_mul_r", "t"},
	generated.OpFloatDiv:      {"float_div_r", "t"},
	generated.OpFloatSqrt:     {"float_sqrt_r", "t"},
	generated.OpFloatAddBits:  {"float_add_r", "b"},
	generated.OpFloatSubBits:  {"float_sub_r", "b"},
	generated.OpFloatMulBits:  {"float_mul_r", "b"},
	generated.OpFloatDivBits:  {"float_div_r", "b"},
	generated.OpFloatSqrtBits: {"float_sqrt_r", "b"},
}

var regBranches = map[generated.Op]string{
	generated.OpFloatJumpIfLt: "float_jump_if_lt_r",
	generated.OpFloatJumpIfLe: "float_jump_if_le_r",
	generated.OpFloatJumpIfGt: "float_jump_if_gt_r",
	generated.OpFloatJumpIfGe: "float_jump_if_ge_r",
}

// regVariant is the variant stem__values, which must exist.
func regVariant(stem string, values ...string) generated.Op {
	return regVariantNear(generated.NumOps, stem, values...)
}

// regVariantNear is regVariant, asking first whether it is the op hint.
func regVariantNear(hint generated.Op, stem string, values ...string) generated.Op {
	op, ok := findVariantNear(hint, stem, values...)
	if !ok {
		panic("BUG: traceopt: no uop " + stem + "__" + strings.Join(values, "_"))
	}
	return op
}

// findVariant is the variant stem__values, if there is one (a compare of
// a register with itself has none).
func findVariant(stem string, values ...string) (generated.Op, bool) {
	return findVariantNear(generated.NumOps, stem, values...)
}

// findVariantNear is findVariant, asking first whether it is the op hint:
// a family's variants are numbered in their names' order, so one that
// walks them in that order finds each next one at the op after the last,
// with one compare instead of a binary search's dozen (initRegVariants'
// ~200 searches were two thirds of building the tables).
func findVariantNear(hint generated.Op, stem string, values ...string) (generated.Op, bool) {
	// The name is built in a buffer on the stack: a string built for
	// each of the ~200 variants, and a map of every op's name, were half
	// of buildTables' instructions.
	var buf [64]byte
	name := append(buf[:0], stem...)
	for k, v := range values {
		if k == 0 {
			name = append(name, "__"...)
		} else {
			name = append(name, '_')
		}
		name = append(name, v...)
	}
	if hint < generated.NumOps && hint.String() == string(name) {
		return hint, true
	}
	return opByName(name)
}

// opByName finds the op named name. The generator numbers the ops in
// their names' order (TestOpsInNameOrder), so a binary search does.
func opByName(name []byte) (generated.Op, bool) {
	lo, hi := 0, generated.NumOps
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if generated.Op(mid).String() < string(name) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < generated.NumOps && generated.Op(lo).String() == string(name) {
		return generated.Op(lo), true
	}
	return 0, false
}

// whereInNameOrder is regWhere's indexes in the order of their names (f0,
// f1, s): the order of the variants' numbers.
var whereInNameOrder = [3]int{1, 2, 0}

// initRegVariants makes a variant its uop to every other pass (after
// initBitsVariants has given the _bits forms theirs). A family's variants
// are numbered in their names' order, so it finds the family's first by
// name and numbers the rest in that order, checking that the last is the
// one its name says (TestRegisterVariantsByName checks every one): a
// name built and found for each of the ~160 was most of building the
// tables.
func initRegVariants() {
	for base, fam := range regFamilies {
		forms := new([numRegs][3][3]variantAt)
		regArith[base] = forms
		sqrt := base == generated.OpFloatSqrt || base == generated.OpFloatSqrtBits
		var op, first generated.Op
		if sqrt {
			op = regVariant(fam.stem, fam.tag, regName[0], regWhere[whereInNameOrder[0]])
		} else {
			op = regVariant(fam.stem, fam.tag, regName[0], regWhere[whereInNameOrder[0]], regWhere[whereInNameOrder[0]])
		}
		first = op
		for d := range numRegs {
			for _, a := range whereInNameOrder {
				if sqrt {
					opInfo[op] = opInfo[base]
					forms[d][a][inSlot] = variantAt{op, true}
					op++
					continue
				}
				for _, b := range whereInNameOrder {
					opInfo[op] = opInfo[base]
					forms[d][a][b] = variantAt{op, true}
					op++
				}
			}
		}
		lastWhere := regWhere[whereInNameOrder[2]]
		if sqrt {
			checkLastVariant(first, op-1, fam.stem, fam.tag, regName[numRegs-1], lastWhere)
		} else {
			checkLastVariant(first, op-1, fam.stem, fam.tag, regName[numRegs-1], lastWhere, lastWhere)
		}
	}
	for base, stem := range regBranches {
		forms := new([3][3]variantAt)
		regBranch[base] = forms
		// (No variant compares a place with itself: the plain uop, or
		// x < x.)
		in := whereInNameOrder
		op := regVariant(stem, regWhere[in[0]], regWhere[in[1]])
		first := op
		for _, a := range in {
			for _, b := range in {
				if a == b {
					continue
				}
				opInfo[op] = opInfo[base]
				forms[a][b] = variantAt{op, true}
				op++
			}
		}
		checkLastVariant(first, op-1, stem, regWhere[in[2]], regWhere[in[1]])
	}
}

// checkLastVariant panics unless last, the last of a family numbered from
// first, is the variant stem__values.
func checkLastVariant(first, last generated.Op, stem string, values ...string) {
	if op, ok := findVariantNear(last, stem, values...); !ok || op != last {
		panic(fmt.Sprintf("BUG: traceopt: the variants of %s from %v are not numbered in their names' order (%v, not %v, is %s__%s)",
			stem, first, op, last, stem, strings.Join(values, "_")))
	}
}

var regWhere = []string{"s", "f0", "f1"}

// Where a value is, by index in regWhere: the slot, f0 or f1.
const inSlot = 0

// variantAt is a variant in a table of them, if there is one.
type variantAt struct {
	op generated.Op
	ok bool
}

// The variants CacheRegisters picks, found by where their operands are
// (regWhere's indexes) rather than by name: it built each one's name
// with fmt and strings and looked it up, a third of the pass's work.
var (
	// regArith: by base uop, result register, operand 1's place and
	// operand 2's (inSlot for float_sqrt's, which has none).
	regArith [generated.NumOps]*[numRegs][3][3]variantAt
	// regBranch: by base uop, operand 0's place and operand 1's.
	regBranch [generated.NumOps]*[3][3]variantAt
	// regLoad: by base list load, result register.
	regLoad [generated.NumOps]*[numRegs]generated.Op
	// regStore: list_store_r by the register it stores.
	regStore [numRegs + 1]generated.Op
)

// regName names register d in a variant's name.
var regName = [numRegs]string{"f0", "f1"}

// regListLoads are the list loads with register variants (list_load_r.c),
// by their tag value: of a float element, the value also left in f0 or
// f1. list_store_r.c stores a float a register holds.
var regListLoads = map[generated.Op]string{
	generated.OpListLoad:     "t",
	generated.OpListLoadBits: "b",
}

// unvaried maps each list variant to the uop it stands for.
var unvaried = map[generated.Op]generated.Op{}

func initListVariants() {
	for base, tag := range regListLoads {
		forms := new([numRegs]generated.Op)
		regLoad[base] = forms
		for d := range numRegs {
			op := regVariant("list_load_r", tag, regName[d])
			opInfo[op] = opInfo[base]
			unvaried[op] = base
			forms[d] = op
		}
	}
	for r := range numRegs {
		op := regVariant("list_store_r", regName[r])
		opInfo[op] = opInfo[generated.OpListStore]
		unvaried[op] = generated.OpListStore
		regStore[r+1] = op
	}
}

// Unvaried is the uop a register variant of a list load or store stands
// for (list_load_r__b_f0 is a list_load_bits), else op itself: a VM that
// asks which uops touch lists (to know which a thread may not run beside)
// asks it of this.
func Unvaried(op generated.Op) generated.Op {
	if int(op) < len(unvariedDense) && tablesBuilt.Load() {
		return unvariedDense[op]
	}
	return unvariedSlow(op)
}

// unvariedSlow is Unvaried past unvariedDense, or before the tables are
// built.
func unvariedSlow(op generated.Op) generated.Op {
	ready()
	return unvariedOf(op)
}

// unvariedOf is Unvaried for buildTables, which cannot wait for itself.
func unvariedOf(op generated.Op) generated.Op {
	if int(op) < len(unvariedDense) && denseFilled {
		return unvariedDense[op]
	}
	if base, ok := unvaried[op]; ok {
		return base
	}
	return op
}

// unvariedDense is Unvaried as an array indexed by op (fillDense), as
// opDense is Info: UseNonNegIndexes asks it of every instruction on every
// round of its analysis.
var unvariedDense [generated.NumOps]generated.Op

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
	ready()
	n := len(t.Insts)
	label := make([]bool, n+1)
	if n > 0 {
		label[t.Loop] = true
	}
	for i, in := range t.Insts {
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
