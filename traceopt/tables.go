package traceopt

import (
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// The optimizer's tables by op (what each uop and its variants are, which
// variant stands for which place of its operands) are derived from opInfo
// and the variant families below by buildTables, and kept as static data
// in ztables.go, which `go generate` writes from buildTables' result
// (TestStaticTables checks that the two agree, byte for byte). Built at
// first use instead, they cost a run's first compile ~124 K instructions
// and fresh pages for the arrays and the builder's code (spectral_norm:
// JIT on minus off, 35 page faults -> 27, means of 21 runs); static, they
// are pages the kernel maps from the binary a few at a time, and no pass
// asks whether they are ready.
//
// buildTables and the families are read by the generator and the tests
// alone: the linker leaves them out of a binary.

// tables is everything buildTables derives, one field a table of
// ztables.go.
type tables struct {
	info            [generated.NumOps]*OpInfo // opDense: opInfo and every variant's
	unvaried        [generated.NumOps]variantAt
	slotArgs        [generated.NumOps]uint8
	readArgs        [generated.NumOps]uint8
	dstArg          [generated.NumOps]int8
	bitsByOp        [generated.NumOps]bitsEntry
	regArith        [generated.NumOps]*[numRegs][3][3]variantAt
	regBranch       [generated.NumOps]*[3][3]variantAt
	regLoad         [generated.NumOps]*[numRegs]generated.Op
	regStore        [numRegs + 1]generated.Op
	regStoreInRange [numRegs + 1]generated.Op
	kindVariants    [generated.NumOps][numKinds]variantAt
	nonNegForms     [generated.NumOps]nonNegForm
	nonNegBase      [generated.NumOps]variantAt
}

// bitsOnly maps a uop to its _bits variant, which writes its result's bits
// and leaves the destination's tag alone, and says which tag the uop
// writes (tags.go).
var bitsOnly = []struct {
	op generated.Op
	bitsVariant
}{
	{generated.OpFloatAdd, bitsVariant{generated.OpFloatAddBits, templates.TagFloat}},
	{generated.OpFloatSub, bitsVariant{generated.OpFloatSubBits, templates.TagFloat}},
	{generated.OpFloatMul, bitsVariant{generated.OpFloatMulBits, templates.TagFloat}},
	{generated.OpFloatDiv, bitsVariant{generated.OpFloatDivBits, templates.TagFloat}},
	{generated.OpFloatSqrt, bitsVariant{generated.OpFloatSqrtBits, templates.TagFloat}},
	{generated.OpIntAdd, bitsVariant{generated.OpIntAddBits, templates.TagInt}},
	{generated.OpIntSub, bitsVariant{generated.OpIntSubBits, templates.TagInt}},
	{generated.OpIntMul, bitsVariant{generated.OpIntMulBits, templates.TagInt}},
	{generated.OpIntAddImm, bitsVariant{generated.OpIntAddImmBits, templates.TagInt}},
	{generated.OpIntRshiftImm, bitsVariant{generated.OpIntRshiftImmBits, templates.TagInt}},
	{generated.OpIntAndImm, bitsVariant{generated.OpIntAndImmBits, templates.TagInt}},
	{generated.OpIntMod, bitsVariant{generated.OpIntModBits, templates.TagInt}},
	{generated.OpIntFloordiv, bitsVariant{generated.OpIntFloordivBits, templates.TagInt}},
	{generated.OpIntToFloat, bitsVariant{generated.OpIntToFloatBits, templates.TagFloat}},
	{generated.OpIntTruediv, bitsVariant{generated.OpIntTruedivBits, templates.TagFloat}},
	{generated.OpLoadInt, bitsVariant{generated.OpLoadIntBits, templates.TagInt}},
	{generated.OpLoadFloat, bitsVariant{generated.OpLoadFloatBits, templates.TagFloat}},
	{generated.OpMove, bitsVariant{generated.OpMoveBits, templates.TagEmpty}},
	// The tag of the kind it expects (operand 3): see resultTag.
	{generated.OpListLoad, bitsVariant{generated.OpListLoadBits, templates.TagEmpty}},
	{generated.OpListLoadPkT, bitsVariant{generated.OpListLoadPkB, templates.TagBool}},
}

// bitsVariant is a uop's _bits variant and the tag the uop writes.
type bitsVariant struct {
	variant generated.Op
	tag     templates.Tag // TagEmpty: its source's (move)
}

// regFamilies are the uops with register variants (templates/*_r.c), by
// the stem of their variants' names and the tag value (t: the variant
// stores the float tag, b: bits only): float_add_r__t_f1_s_f0 is
// float_add with its result also left in f1, operand 1 read from the slot
// and operand 2 from f0. Branches have no result register.
var regFamilies = []struct {
	base      generated.Op
	stem, tag string
}{
	{generated.OpFloatAdd, "float_add_r", "t"},
	{generated.OpFloatSub, "float_sub_r", "t"},
	{generated.OpFloatMul, "float_mul_r", "t"},
	{generated.OpFloatDiv, "float_div_r", "t"},
	{generated.OpFloatSqrt, "float_sqrt_r", "t"},
	{generated.OpFloatAddBits, "float_add_r", "b"},
	{generated.OpFloatSubBits, "float_sub_r", "b"},
	{generated.OpFloatMulBits, "float_mul_r", "b"},
	{generated.OpFloatDivBits, "float_div_r", "b"},
	{generated.OpFloatSqrtBits, "float_sqrt_r", "b"},
}

// regBranches are the branches with register variants, by stem.
var regBranches = []struct {
	base generated.Op
	stem string
}{
	{generated.OpFloatJumpIfLt, "float_jump_if_lt_r"},
	{generated.OpFloatJumpIfLe, "float_jump_if_le_r"},
	{generated.OpFloatJumpIfGt, "float_jump_if_gt_r"},
	{generated.OpFloatJumpIfGe, "float_jump_if_ge_r"},
}

// regListLoads are the list loads with register variants (list_load_r.c),
// by their tag value: of a float element, the value also left in f0 or
// f1. list_store_r.c stores a float a register holds.
var regListLoads = []struct {
	base generated.Op
	tag  string
}{
	{generated.OpListLoad, "t"},
	{generated.OpListLoadBits, "b"},
}

// kindLoads are the list loads with kind variants (kinds.go), by the tag
// value of their variants' names (t: the variant stores the tag, b: bits
// only).
var kindLoads = []struct {
	base generated.Op
	form string
}{
	{generated.OpListLoad, "t"},
	{generated.OpListLoadBits, "b"},
}

// kindNames names the kinds with variants, by kindIndex.
var kindNames = [numKinds]string{"int", "bool"}

// kindTags are the kinds' tags, by kindIndex.
var kindTags = [numKinds]templates.Tag{templates.TagInt, templates.TagBool}

// buildTables derives every table from opInfo and the families.
func buildTables() *tables {
	tb := &tables{}
	for op, info := range opInfo {
		tb.info[op] = info
	}
	unvaried := map[generated.Op]generated.Op{}
	tb.bitsVariants()
	tb.regVariants()
	tb.listVariants(unvaried)
	tb.inRangeVariants(unvaried)
	tb.kindVariantsOf(unvaried)
	tb.nonNegVariants(unvaried)
	for op, base := range unvaried {
		tb.unvaried[op] = variantAt{base, true}
	}
	for op, info := range tb.info {
		if info == nil {
			continue
		}
		tb.slotArgs[op] = slotArgMask(info)
		tb.readArgs[op] = readArgMask(info)
		tb.dstArg[op] = noDst
		for k, kind := range info.Args {
			if kind == Dst || kind == SrcDst {
				tb.dstArg[op] = int8(k + 2)
				break
			}
		}
	}
	return tb
}

// bitsVariants makes a _bits variant its uop to every other pass.
func (tb *tables) bitsVariants() {
	for _, v := range bitsOnly {
		tb.info[v.variant] = tb.info[v.op]
		if v.tag > 0xff {
			panic(fmt.Sprintf("BUG: traceopt: %v's _bits variant writes tag %d, past a byte", v.op, v.tag))
		}
		e := &tb.bitsByOp[v.op]
		e.variant, e.tag, e.ok = v.variant, uint8(v.tag), true
	}
}

// regVariant is the variant stem__values, which must exist.
func regVariant(stem string, values ...string) generated.Op {
	op, ok := findVariant(stem, values...)
	if !ok {
		panic("BUG: traceopt: no uop " + stem + "__" + strings.Join(values, "_"))
	}
	return op
}

// findVariant is the variant stem__values, if there is one (a compare of
// a register with itself has none).
func findVariant(stem string, values ...string) (generated.Op, bool) {
	name := stem
	for k, v := range values {
		if k == 0 {
			name += "__"
		} else {
			name += "_"
		}
		name += v
	}
	return opByName([]byte(name))
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

var regWhere = []string{"s", "f0", "f1"}

// regName names register d in a variant's name.
var regName = [numRegs]string{"f0", "f1"}

// regVariants makes each register variant its uop to every other pass
// (after bitsVariants has given the _bits forms theirs) and puts it in
// regArith or regBranch by where its operands are.
func (tb *tables) regVariants() {
	for _, fam := range regFamilies {
		forms := new([numRegs][3][3]variantAt)
		tb.regArith[fam.base] = forms
		sqrt := fam.base == generated.OpFloatSqrt || fam.base == generated.OpFloatSqrtBits
		for d := range numRegs {
			for a, aw := range regWhere {
				if sqrt {
					op := regVariant(fam.stem, fam.tag, regName[d], aw)
					tb.info[op] = tb.info[fam.base]
					forms[d][a][inSlot] = variantAt{op, true}
					continue
				}
				for b, bw := range regWhere {
					op := regVariant(fam.stem, fam.tag, regName[d], aw, bw)
					tb.info[op] = tb.info[fam.base]
					forms[d][a][b] = variantAt{op, true}
				}
			}
		}
	}
	for _, br := range regBranches {
		forms := new([3][3]variantAt)
		tb.regBranch[br.base] = forms
		for a, aw := range regWhere {
			for b, bw := range regWhere {
				// (No variant compares a place with itself: the plain
				// uop, or x < x.)
				if op, ok := findVariant(br.stem, aw, bw); ok {
					tb.info[op] = tb.info[br.base]
					forms[a][b] = variantAt{op, true}
				}
			}
		}
	}
}

// listVariants makes the list loads' and stores' register variants their
// uops.
func (tb *tables) listVariants(unvaried map[generated.Op]generated.Op) {
	for _, l := range regListLoads {
		forms := new([numRegs]generated.Op)
		tb.regLoad[l.base] = forms
		for d := range numRegs {
			op := regVariant("list_load_r", l.tag, regName[d])
			tb.info[op] = tb.info[l.base]
			unvaried[op] = l.base
			forms[d] = op
		}
	}
	for r := range numRegs {
		op := regVariant("list_store_r", regName[r])
		tb.info[op] = tb.info[generated.OpListStore]
		unvaried[op] = generated.OpListStore
		tb.regStore[r+1] = op
	}
}

// inRangeVariants makes list_store_rin list_store (inrange.go).
func (tb *tables) inRangeVariants(unvaried map[generated.Op]generated.Op) {
	for r := range numRegs {
		op := regVariant("list_store_rin", regName[r])
		tb.info[op] = tb.info[generated.OpListStore]
		unvaried[op] = generated.OpListStore
		tb.regStoreInRange[r+1] = op
	}
}

// kindVariantsOf makes a kind variant its uop to every other pass (after
// bitsVariants has given list_load_bits its information).
func (tb *tables) kindVariantsOf(unvaried map[generated.Op]generated.Op) {
	for _, l := range kindLoads {
		for k, kind := range kindNames {
			op := regVariant("list_load_k", l.form, kind)
			tb.info[op] = tb.info[l.base]
			unvaried[op] = l.base
			tb.kindVariants[l.base][k] = variantAt{op, true}
		}
	}
	for k, kind := range kindNames {
		op := regVariant("list_store_k", kind)
		tb.info[op] = tb.info[generated.OpListStore]
		unvaried[op] = generated.OpListStore
		tb.kindVariants[generated.OpListStore][k] = variantAt{op, true}
	}
}

// nonNegVariants makes each form for indexes known >= 0 its uop to every
// other pass (after kindVariantsOf: a list_load_k's form stands for the
// same load).
func (tb *tables) nonNegVariants(unvaried map[generated.Op]generated.Op) {
	unvariedOf := func(op generated.Op) generated.Op {
		if base, ok := unvaried[op]; ok {
			return base
		}
		return op
	}
	add := func(base, op generated.Op, indexes ...int) {
		tb.info[op] = tb.info[unvariedOf(base)]
		unvaried[op] = unvariedOf(base)
		f := &tb.nonNegForms[base]
		f.op, f.ok = op, true
		for _, k := range indexes {
			f.indexes |= 1 << k
		}
	}
	add(generated.OpListSwap, generated.OpListSwapNn, 1, 2)
	for _, l := range kindLoads {
		for k, kind := range kindNames {
			add(tb.kindVariants[l.base][k].op, regVariant("list_load_kn", l.form, kind), 2)
		}
	}
	for k, kind := range kindNames {
		add(tb.kindVariants[generated.OpListStore][k].op, regVariant("list_store_kn", kind), 1)
	}
	for op, base := range unvaried {
		tb.nonNegBase[op] = variantAt{base, true}
	}
	for _, v := range bitsOnly {
		tb.nonNegBase[v.variant] = variantAt{unvariedOf(v.op), true}
	}
}
