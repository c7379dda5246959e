package uopref

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
)

// harnessC calls one template's cp_uop on records read from stdin and writes
// each record back with what it did. It is freestanding (its own _start and
// system calls, no C library), so it links for linux/amd64 and linux/arm64
// alike with nothing but Clang and lld, and runs under qemu-user without a
// sysroot. The hole functions return distinct codes that cannot be exit codes
// a template makes (bits 62-63), so a record says where control went.
//
// A record is raw memory, the same in C (record) and Go (nativeRecord) on
// both targets: the frame, the state, and two lists. A value (a frame slot or
// a list element) with tag CP_TAG_OBJECT and bits LIST_MARK+k stands for
// list k: before the uop runs it becomes the address of list k's cp_list, and
// after it that address becomes the mark again, so native and reference
// runs, whose lists live at different addresses, compare. A list's objs is 0
// or 1 in a record, NULL or a non-NULL pointer in its cp_list. A value with
// tag CP_TAG_OBJECT and bits INST_MARK+k stands for instance k, made of list
// k's record the same way: its slots are the list's elements, its shape the
// list's objs word (0 or 1), its address plus CP_INSTANCE_BIT in the bits.
// Bits PACK_MARK+k stand for list k seen as a packed bool list: its address
// plus CP_PACKED_KIND, its bytes the first len bytes of its first element's
// memory (the little-endian tag word), len and cap its own.
const harnessC = `#include "uop.h"

#define NSLOTS 3
#define NLISTS 2
#define NELEMS 4
#define LIST_MARK 0x4c49535400000000ull
#define INST_MARK 0x494e535400000000ull
#define NSTRS 8
#define STR_MARK 0x5354520000000000ull
#define CHARS_MARK 0x4348520000000000ull
#define NTUPLES 4
#define TUPLE_MARK 0x5455500000000000ull
#define PACK_MARK 0x5041434b00000000ull

// deque is the list head's deque byte (list_copy reads it).
typedef struct { cp_u64 objs, len, cap, deque; cp_value vals[NELEMS]; } hlist;
// calls is the state's calls in its low 32 bits and, in bits 32-39, the
// slot of the frame the frame pointer points at (call_self and ret read the
// link below it).
// f0 and f1 are the cached registers' bits: passed in, and what the uop
// passed on to the hole it left by (unchanged when it left with a code).
typedef struct {
    cp_u64 result, budget, interrupt, calls, f0, f1;
    cp_value frame[NSLOTS];
    hlist lists[NLISTS];
} record;
_Static_assert(sizeof(record) == 288, "record layout (nativeRecord in Go)");

// The hole functions also say where the frame pointer was (its slot in the
// record's frame): call_self and ret move it. A link's return address
// RET_MARK becomes ret_back's address, and _JIT_CONTINUE's address becomes
// CONT_MARK after the uop ran.
#define CONT_MARK 0x434f4e5400000000ull
#define RET_MARK 0x5245540000000000ull
static cp_value *cur_frame;
static cp_u64 fp_slot(cp_value *fp) { return (cp_u64)(fp - cur_frame) & 0xffff; }
static cp_u64 out_f0, out_f1;
static cp_u64 regs_out(double f0, double f1) {
    out_f0 = __builtin_bit_cast(cp_u64, f0);
    out_f1 = __builtin_bit_cast(cp_u64, f1);
    return 0;
}
extern CP_CC cp_u64 cp_uop(cp_state *st, cp_value *fp, double f0, double f1);
CP_CC cp_u64 _JIT_CONTINUE(cp_state *st, cp_value *fp, double f0, double f1) { return regs_out(f0, f1) | (1ull << 62) | fp_slot(fp); }
CP_CC cp_u64 _JIT_JUMP_TARGET(cp_state *st, cp_value *fp, double f0, double f1) { return regs_out(f0, f1) | (2ull << 62) | fp_slot(fp); }
CP_CC cp_u64 _JIT_EXIT(cp_state *st, cp_value *fp, double f0, double f1) { return regs_out(f0, f1) | (3ull << 62) | fp_slot(fp); }
static CP_CC cp_u64 ret_back(cp_state *st, cp_value *fp, double f0, double f1) { return regs_out(f0, f1) | (1ull << 61) | fp_slot(fp); }

#if defined(__x86_64__)
#define SYS_READ 0
#define SYS_WRITE 1
#define SYS_EXIT_GROUP 231
static long sys3(long n, long a, long b, long c) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}
__asm__(".globl _start\n_start:\n xor %ebp, %ebp\n and $-16, %rsp\n call hmain\n ud2\n");
#elif defined(__aarch64__)
#define SYS_READ 63
#define SYS_WRITE 64
#define SYS_EXIT_GROUP 94
static long sys3(long n, long a, long b, long c) {
    register long x8 __asm__("x8") = n;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}
__asm__(".globl _start\n_start:\n mov x29, xzr\n mov x30, xzr\n bl hmain\n brk #0\n");
#else
#error "no harness for this architecture"
#endif

// Clang may call these for struct copies even when freestanding.
void *memcpy(void *d, const void *s, unsigned long n) {
    char *dd = d;
    const char *ss = s;
    while (n--) *dd++ = *ss++;
    return d;
}
void *memset(void *d, int c, unsigned long n) {
    char *dd = d;
    while (n--) *dd++ = (char)c;
    return d;
}

static __attribute__((noreturn)) void quit(long status) {
    sys3(SYS_EXIT_GROUP, status, 0, 0);
    for (;;) {
    }
}

static record buf[64];
static cp_list heads[NLISTS];
static cp_instance iheads[NLISTS];

// The strs (nativeStrs in Go), which no uop writes; hchars is str_char's
// table (its operand 3 is linked as its address), whose words are marks.
static cp_str hstrs[NSTRS] = {
    {(const cp_u8 *)"", 0, 1}, {(const cp_u8 *)"a", 1, 1}, {(const cp_u8 *)"b", 1, 1},
    {(const cp_u8 *)"ab", 2, 1}, {(const cp_u8 *)"abc", 3, 1}, {(const cp_u8 *)"abd", 3, 1},
    {(const cp_u8 *)"\xc3\xa9", 2, 2}, {(const cp_u8 *)"a", 1, 0},
};
cp_u64 hchars[128];
// hfresh[k] holds list k's address: list_copy's word (operand 2 is linked
// as the address of one) naming the list its call-out made last.
cp_u64 hfresh[NLISTS];

// The tuples (nativeTuples in Go), which no uop writes: their items are
// made from marks when the harness starts.
static cp_item hitems[NTUPLES][3];
static cp_tuple htuples[NTUPLES];
static const cp_u64 htuple_lens[NTUPLES] = {0, 2, 3, 3};
static const cp_value htuple_marks[NTUPLES][3] = {
    {{0, 0}, {0, 0}, {0, 0}},
    {{CP_TAG_INT, 10}, {CP_TAG_FLOAT, 0x4004000000000000ull}, {0, 0}},
    {{CP_TAG_BOOL, 1}, {CP_TAG_NONE, 0}, {CP_TAG_OBJECT, STR_MARK + 3}},
    {{CP_TAG_OBJECT, 0}, {CP_TAG_OBJECT, TUPLE_MARK + 1}, {CP_TAG_INT, (cp_u64)-3}},
};

static void marks_to_addresses(cp_value *v) {
    if (v->tag == CP_TAG_OBJECT && v->bits - LIST_MARK < NLISTS) v->bits = (cp_u64)&heads[v->bits - LIST_MARK];
    else if (v->tag == CP_TAG_OBJECT && v->bits - PACK_MARK < NLISTS) v->bits = (cp_u64)&heads[v->bits - PACK_MARK] + CP_PACKED_KIND;
    else if (v->tag == CP_TAG_OBJECT && v->bits - INST_MARK < NLISTS) v->bits = (cp_u64)&iheads[v->bits - INST_MARK] + CP_INSTANCE_BIT;
    else if (v->tag == CP_TAG_OBJECT && v->bits - STR_MARK < NSTRS) v->bits = (cp_u64)&hstrs[v->bits - STR_MARK] + CP_STR_BIT;
    else if (v->tag == CP_TAG_OBJECT && v->bits - TUPLE_MARK < NTUPLES) v->bits = (cp_u64)&htuples[v->bits - TUPLE_MARK] + CP_TUPLE_BIT;
}

static void addresses_to_marks(cp_value *v) {
    for (int k = 0; k < NLISTS; k++) {
        if (v->tag == CP_TAG_OBJECT && v->bits == (cp_u64)&heads[k]) v->bits = LIST_MARK + k;
        if (v->tag == CP_TAG_OBJECT && v->bits == (cp_u64)&heads[k] + CP_PACKED_KIND) v->bits = PACK_MARK + k;
        if (v->tag == CP_TAG_OBJECT && v->bits == (cp_u64)&iheads[k] + CP_INSTANCE_BIT) v->bits = INST_MARK + k;
    }
    for (int k = 0; k < NSTRS; k++) {
        if (v->tag == CP_TAG_OBJECT && v->bits == (cp_u64)&hstrs[k] + CP_STR_BIT) v->bits = STR_MARK + k;
    }
    for (int k = 0; k < NTUPLES; k++) {
        if (v->tag == CP_TAG_OBJECT && v->bits == (cp_u64)&htuples[k] + CP_TUPLE_BIT) v->bits = TUPLE_MARK + k;
    }
}

__attribute__((noreturn)) void hmain(void) {
    for (int c = 0; c < 128; c++) hchars[c] = CHARS_MARK + c;
    for (int k = 0; k < NLISTS; k++) hfresh[k] = (cp_u64)&heads[k];
    for (int k = 0; k < NTUPLES; k++) {
        for (int e = 0; e < 3; e++) {
            cp_value v = htuple_marks[k][e];
            marks_to_addresses(&v);
            hitems[k][e].tag = v.tag;
            hitems[k][e].bits = v.bits;
        }
        htuples[k].items = hitems[k];
        htuples[k].len = (cp_i64)htuple_lens[k];
        htuples[k].cap = 3;
    }
    for (;;) {
        long n = 0;
        while (n < (long)sizeof buf) {
            long r = sys3(SYS_READ, 0, (long)((char *)buf + n), (long)sizeof buf - n);
            if (r < 0) quit(2);
            if (r == 0) break;
            n += r;
        }
        if (n == 0) quit(0);
        if (n % (long)sizeof(record) != 0) quit(3);
        for (long i = 0; i < n / (long)sizeof(record); i++) {
            record *r = &buf[i];
            for (int k = 0; k < NLISTS; k++) {
                heads[k].vals = r->lists[k].vals;
                heads[k].len = (cp_i64)r->lists[k].len;
                heads[k].cap = (cp_i64)r->lists[k].cap;
                heads[k].objs = r->lists[k].objs ? (void *)&r->lists[k].objs : (void *)0;
                heads[k].deque = (cp_u8)r->lists[k].deque;
                heads[k].packed = (cp_u8 *)&r->lists[k].vals[0];
                heads[k].plen = (cp_i64)r->lists[k].len;
                heads[k].pcap = (cp_i64)r->lists[k].cap;
                iheads[k].cls = (void *)0;
                iheads[k].shape = (void *)r->lists[k].objs;
                iheads[k].vals = r->lists[k].vals;
                iheads[k].len = (cp_i64)r->lists[k].len;
                iheads[k].cap = (cp_i64)r->lists[k].cap;
                for (int e = 0; e < NELEMS; e++) marks_to_addresses(&r->lists[k].vals[e]);
            }
            for (int s = 0; s < NSLOTS; s++) {
                marks_to_addresses(&r->frame[s]);
                if (r->frame[s].tag == RET_MARK) r->frame[s].tag = (cp_u64)&ret_back;
            }
            cp_value *fp = r->frame + ((r->calls >> 32) & 0xff);
            cur_frame = r->frame;
            cp_state st;
            st.frame = fp;
            st.budget = (cp_i64)r->budget;
            st.interrupt = (cp_u32)r->interrupt;
            st.calls = (cp_u32)r->calls;
            st.exit_count = 0;
            out_f0 = r->f0;
            out_f1 = r->f1;
            r->result = cp_uop(&st, fp, __builtin_bit_cast(double, r->f0), __builtin_bit_cast(double, r->f1));
            r->f0 = out_f0;
            r->f1 = out_f1;
            r->budget = (cp_u64)st.budget;
            r->interrupt = st.interrupt;
            r->calls = (r->calls & ~0xffffffffull) | st.calls;
            for (int s = 0; s < NSLOTS; s++) {
                addresses_to_marks(&r->frame[s]);
                if (r->frame[s].tag == (cp_u64)&_JIT_CONTINUE) r->frame[s].tag = CONT_MARK;
                if (r->frame[s].tag == (cp_u64)&ret_back) r->frame[s].tag = RET_MARK;
            }
            for (int k = 0; k < NLISTS; k++) {
                r->lists[k].len = (cp_u64)heads[k].len;
                r->lists[k].cap = (cp_u64)heads[k].cap;
                r->lists[k].objs = heads[k].objs != 0;
                for (int e = 0; e < NELEMS; e++) addresses_to_marks(&r->lists[k].vals[e]);
            }
        }
        for (long w = 0; w < n;) {
            long r = sys3(SYS_WRITE, 1, (long)((char *)buf + w), n - w);
            if (r <= 0) quit(4);
            w += r;
        }
    }
}
`

// The harness's record, mirrored: see harnessC.
const (
	nativeSlots = 3
	nativeLists = 2
	nativeElems = 4
	listMark    = 0x4c49535400000000
	instMark    = 0x494e535400000000
	strMark     = 0x5354520000000000
	tupleMark   = 0x5455500000000000
	packMark    = 0x5041434b00000000
	charsMark   = 0x4348520000000000
	// charsOperand, as an operand, links as the address of the harness's
	// str_char table (and of refChars in reference runs).
	charsOperand = 0x43484152534f5000
	// freshOperand+k, as an operand, links as the address of the
	// harness's word holding list k's address (hfresh[k]; a word holding
	// rl's list k's in reference runs).
	freshOperand = 0x4652455348000000
)

// nativeStrs are the harness's strs (hstrs), in order: bytes and kind.
var nativeStrs = []struct {
	s    string
	kind uint8
}{{"", 1}, {"a", 1}, {"b", 1}, {"ab", 1}, {"abc", 1}, {"abd", 1}, {"\xc3\xa9", 2}, {"a", 0}}

// strV is the value that stands for str k in a record.
func strV(k int) V { return V{Tag: templates.TagObject, Bits: strMark + uint64(k)} }

// refStrs are nativeStrs as the interpreter's str heads, on the heap for
// the life of the test; refChars is str_char's table.
var refStrs, refChars = func() ([]templates.Str, *[128]uint64) {
	out := make([]templates.Str, len(nativeStrs))
	for k, ns := range nativeStrs {
		b := []byte(ns.s)
		out[k] = templates.Str{Len: int64(len(b)), Kind: ns.kind}
		if len(b) > 0 {
			out[k].Data = uintptr(unsafe.Pointer(&b[0]))
			keptBytes = append(keptBytes, b)
		}
	}
	chars := new([128]uint64)
	for c := range chars {
		chars[c] = charsMark + uint64(c)
	}
	return out, chars
}()

// nativeTuples are the harness's tuples (htuple_marks), in order: their
// items, as marks.
var nativeTuples = [][]V{{}, {iv(10), fv(2.5)}, {bv(true), {Tag: templates.TagNone}, strV(3)}, {{Tag: templates.TagObject}, tupleV(1), iv(-3)}}

// tupleV is the value that stands for tuple k in a record.
func tupleV(k int) V { return V{Tag: templates.TagObject, Bits: tupleMark + uint64(k)} }

// refTuples are nativeTuples as the interpreter's tuples (items with
// addresses), on the heap for the life of the test.
var refTuples = func() []templates.Tuple {
	out := make([]templates.Tuple, len(nativeTuples))
	for k, items := range nativeTuples {
		its := make([]templates.Item, 3)
		for e, v := range items {
			switch {
			case v.Tag == templates.TagObject && v.Bits-strMark < uint64(len(refStrs)):
				v.Bits = uint64(uintptr(unsafe.Pointer(&refStrs[v.Bits-strMark]))) + templates.StrBit
			case v.Tag == templates.TagObject && v.Bits-tupleMark < uint64(len(nativeTuples)):
				v.Bits = uint64(uintptr(unsafe.Pointer(&out[v.Bits-tupleMark]))) + templates.TupleBit
			}
			its[e] = templates.Item{Tag: v.Tag, Bits: v.Bits}
		}
		out[k] = templates.Tuple{Items: &its[0], Len: int64(len(items)), Cap: 3}
	}
	return out
}()

// keptBytes keeps refStrs' bytes reachable (Data is a uintptr).
var keptBytes [][]byte

type nativeList struct {
	Objs, Len, Cap uint64
	Deque          uint64 // the head's deque byte (its low 8 bits)
	Vals           [nativeElems]templates.Value
}

type nativeRecord struct {
	Result, Budget, Interrupt uint64
	Calls                     uint64 // the state's calls; bits 32-39: the frame pointer's slot
	F0, F1                    uint64 // the cached registers' bits, in and out
	Frame                     [nativeSlots]templates.Value
	Lists                     [nativeLists]nativeList
}

// listV is the value that stands for list k in a record.
func listV(k int) V { return V{Tag: templates.TagObject, Bits: listMark + uint64(k)} }

// packV is the value that stands for list k seen as a packed bool list.
func packV(k int) V { return V{Tag: templates.TagObject, Bits: packMark + uint64(k)} }

// instV is the value that stands for instance k (list k's record seen as an
// instance) in a record.
func instV(k int) V { return V{Tag: templates.TagObject, Bits: instMark + uint64(k)} }

// Where control went, as the harness's hole functions report it (with the
// frame pointer's slot in the low bits), and a ret's return address.
const (
	resultContinue = 1 << 62
	resultJump     = 2 << 62
	resultExit     = 3 << 62
	resultReturn   = 1 << 61
	// contMark stands for call_self's return address (the next uop's),
	// retMark for the return address in a link a ret goes back to.
	contMark = 0x434f4e5400000000
	retMark  = 0x5245540000000000
)

// nativeOperands are the operands a template is linked with unless
// nativeCases says otherwise: slot operands name slots 0, 1 and 2; as
// immediates they are small numbers.
var nativeOperands = [4]uint64{0, templates.SlotSize, 2 * templates.SlotSize, 3 * templates.SlotSize}

// templateFlags mirror stencilgen's Clang flags (stencilgen/target.go), so
// the code under test is the code the stencils are cut from.
var templateFlags = []string{"-O3", "-std=gnu11", "-fpic", "-ffreestanding", "-fno-builtin", "-fno-math-errno", "-fno-stack-protector",
	"-fno-jump-tables", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fomit-frame-pointer",
	"-fno-strict-aliasing", "-Wall", "-Werror", "-c"}

// nativeValues are the slot contents tried, in every combination over the
// three slots: boundaries of int64 overflow and conversion, signed zeros,
// NaN and infinities, bools, and tags the guards must reject.
func nativeValues() []templates.Value {
	var vs []templates.Value
	for _, i := range []int64{0, 1, -1, 2, 3037000500, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, 1<<53 + 1} {
		vs = append(vs, iv(i))
	}
	for _, f := range []float64{0, negZ, 1, -2.5, 0.1, nan, inf, -inf, math.MaxFloat64, 5e-324} {
		vs = append(vs, fv(f))
	}
	vs = append(vs, bv(true), bv(false),
		templates.Value{Tag: templates.TagNone}, templates.Value{Tag: templates.TagObject, Bits: 3},
		templates.Value{Tag: templates.TagObject}, templates.Value{Tag: templates.TagEmpty})
	return vs
}

// Pairs for the int and float uops, beyond nativeValues: shift counts around
// 64, the ±2^53 bounds of exact conversion, 16-bit patterns that shift to
// the sign, NaNs of both signs, subnormals.
var (
	nativeInts = []int64{0, 1, -1, 2, -2, 3, -3, 5, -7, 62, 63, 64, 65, -63, -64,
		1 << 53, 1<<53 + 1, -1 << 53, -1<<53 - 1, 3037000500, 1 << 62, -1 << 62, 0x7fff, -0x8000,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	nativeFloats = []float64{0, negZ, 1, -1, 0.5, 2, 4, 3, 10, 1e308, -1e308, 5e-324, -5e-324,
		2.2250738585072014e-308, 1e-300, inf, -inf, nan, math.Float64frombits(0xfff8000000000001)}
)

var nativeBudgets = []struct {
	budget    int64
	interrupt uint32
}{{100, 0}, {2, 0}, {1, 0}, {0, 0}, {-5, 0}, {math.MinInt64, 0}, {100, 1}}

// fillerLists are the lists of a record whose uop reads no list: any write
// to them is a disagreement.
func fillerLists() [nativeLists]nativeList {
	var ls [nativeLists]nativeList
	for k := range ls {
		ls[k] = nativeList{Len: 2, Cap: nativeElems, Vals: [nativeElems]V{iv(7), fv(0.5), bv(true), {Tag: templates.TagNone}}}
	}
	return ls
}

// generalRecords is every nativeValue in every slot, with budgets cycling.
func generalRecords() []nativeRecord {
	vals := nativeValues()
	var recs []nativeRecord
	for _, a := range vals {
		for _, b := range vals {
			for _, c := range vals {
				bu := nativeBudgets[len(recs)%len(nativeBudgets)]
				recs = append(recs, nativeRecord{Budget: uint64(bu.budget), Interrupt: uint64(bu.interrupt),
					Frame: [3]V{a, b, c}, Lists: fillerLists()})
			}
		}
	}
	return recs
}

// pairRecords puts every pair of xs in slots 1 and 2 (and the reverse
// order's first in slot 0, for the uops that read slots 0 and 1).
func pairRecords(xs []V) []nativeRecord {
	var recs []nativeRecord
	for _, a := range xs {
		for _, b := range xs {
			recs = append(recs, nativeRecord{Budget: 100, Frame: [3]V{a, a, b}, Lists: fillerLists()})
		}
	}
	return recs
}

// listPool fills the lists of the list uops' records: every tag, an object
// native code cannot read, list 1 nested in list 0, and a NaN.
var listPool = []V{iv(10), fv(2.5), bv(true), {Tag: templates.TagNone}, {Tag: templates.TagObject}, listV(1), {}, iv(-3), fv(nan), instV(1), strV(3), tupleV(2)}

// poison fills list elements past a list's length: no uop may read or write
// them.
var poison = V{Tag: templates.TagInt, Bits: 0x5a5a5a5a5a5a5a5a}

// listConfigs are the lists the list uops run on: list 0 of every length,
// with and without objects, filled from listPool at every rotation; list 1
// short, holding list 0.
func listConfigs() [][nativeLists]nativeList {
	var cfgs [][nativeLists]nativeList
	for n := 0; n <= nativeElems; n++ {
		for objs := uint64(0); objs <= 1; objs++ {
			rots := len(listPool)
			if n == 0 {
				rots = 1
			}
			for rot := 0; rot < rots; rot++ {
				var ls [nativeLists]nativeList
				ls[0] = nativeList{Objs: objs, Len: uint64(n), Cap: nativeElems}
				for e := range ls[0].Vals {
					ls[0].Vals[e] = poison
					if e < n {
						ls[0].Vals[e] = listPool[(rot+e)%len(listPool)]
					}
				}
				ls[1] = nativeList{Objs: 1 - objs, Len: 2, Cap: nativeElems, Vals: [nativeElems]V{listV(0), fv(negZ), poison, poison}}
				cfgs = append(cfgs, ls)
			}
		}
	}
	return cfgs
}

// nativeIndexes are the list indexes tried: in range from both ends, just
// out of range, the extremes, and non-int bits (a float's, a bool's).
var nativeIndexes = []V{iv(0), iv(1), iv(2), iv(3), iv(4), iv(5), iv(-1), iv(-2), iv(-3), iv(-4), iv(-5), iv(-6),
	iv(math.MaxInt64), iv(math.MinInt64), iv(math.MinInt64 + 1), fv(1), bv(true)}

// nativeCase is one build of a uop: the operands it is linked with and the
// records it runs on.
type nativeCase struct {
	operands [4]uint64
	records  []nativeRecord
}

// nativeCases says how each uop is run natively. Most run on
// generalRecords with nativeOperands, the int and float uops on pairs too;
// the uops that read lists run on records whose list slots hold lists (they
// trust guard_list), with operands that alias slots and, for list_load,
// every expected tag.
func nativeCases(op string, general []nativeRecord) []nativeCase {
	const S = templates.SlotSize
	ops := func(o ...uint64) [4]uint64 { var a [4]uint64; copy(a[:], o); return a }
	switch op {
	case "call_self":
		// Every value in the frame (the link slot's is overwritten), with
		// calls left or not, the callee one to three slots up.
		var recs []nativeRecord
		for i, r := range general[:len(general)/2] {
			r.Calls = []uint64{0, 1, 5, 1<<32 - 1}[i%4]
			recs = append(recs, r)
		}
		return []nativeCase{{ops(S, 7), recs}, {ops(2*S, 1<<40), recs}, {ops(3*S, 0), recs}}
	case "ret":
		// The frame pointer at slot 1 (slot 0 is the link: no return
		// address, or one), each value returned from slot 1 or 2, the
		// caller's frame one slot down or the same.
		var recs []nativeRecord
		for i, r := range general[:len(general)/2] {
			r.Calls = 1<<32 | []uint64{0, 3, 1<<32 - 1}[i%3]
			if i%2 == 0 {
				r.Frame[0].Tag = 0
			} else {
				r.Frame[0].Tag = retMark
			}
			recs = append(recs, r)
		}
		return []nativeCase{{ops(0, S, 9), recs}, {ops(S, S, 9), recs}, {ops(0, 0, 2), recs}}
	case "guard_list":
		recs := append([]nativeRecord(nil), general...)
		lists := listConfigs()[3]
		for _, v := range []V{listV(0), listV(1), strV(1)} {
			for _, r := range general[:len(general)/4] {
				r.Frame[0], r.Frame[1] = v, listV(1)
				r.Lists = lists
				recs = append(recs, r)
			}
		}
		return []nativeCase{{nativeOperands, recs}, {ops(S), recs}}
	case "wide_add", "wide_sub":
		// 128-bit accumulators (tag: high word) near zero, across the
		// 64-bit boundary and at both ends, with every int.
		wides := []V{{}, {Tag: templates.Tag(1<<64 - 1), Bits: 1<<64 - 1}, {Bits: 1<<63 - 1}, {Tag: 1},
			{Tag: templates.Tag(1<<64 - 1), Bits: 1 << 63}, {Tag: 1<<63 - 1, Bits: 1<<64 - 1}, {Tag: 1 << 63},
			{Tag: 1 << 63, Bits: 5}, {Tag: 1<<63 - 1, Bits: 1<<64 - 3}}
		var recs []nativeRecord
		for _, w := range wides {
			for _, i := range nativeInts {
				recs = append(recs, nativeRecord{Frame: [3]V{w, iv(i), sentry}})
			}
		}
		return []nativeCase{{ops(0, S), recs}, {ops(S, 0), recs}}
	case "int_to_wide", "wide_to_int", "wide_add_wide", "wide_sub_wide", "wide_mul", "wide_rshift", "wide_and_imm":
		// 128-bit ints (tag: high word) around every boundary, each pair,
		// with operands that alias; ints for the counts and conversions.
		var xs []V
		for _, x := range wideSamples() {
			if fits128(x) {
				xs = append(xs, toWide(x))
			}
		}
		for _, i := range nativeInts {
			xs = append(xs, iv(i))
		}
		var recs []nativeRecord
		for _, a := range xs {
			for _, b := range xs {
				recs = append(recs, nativeRecord{Frame: [3]V{sentry, a, b}, Lists: fillerLists()})
			}
		}
		if op == "wide_and_imm" {
			var cases []nativeCase
			for _, m := range []V{toWide(two128Minus1(64)), toWide(two128Minus1(127)), {Tag: 1<<64 - 1, Bits: 1<<64 - 8}, {Tag: 5, Bits: 0x0f0f}} {
				cases = append(cases, nativeCase{ops(0, S, m.Bits, uint64(m.Tag)), recs}, nativeCase{ops(S, S, m.Bits, uint64(m.Tag)), recs})
			}
			return cases
		}
		return []nativeCase{{ops(0, S, 2*S), recs}, {ops(S, S, 2*S), recs}, {ops(2*S, S, 2*S), recs}, {ops(0, S, S), recs}}
	case "guard_str", "str_len", "str_char", "str_jump_if_eq":
		// Every str in the str slots, with indexes for str_char and every
		// other str for the compare; guard_str also on every value.
		var recs, pairs []nativeRecord
		for k := range nativeStrs {
			for _, i := range nativeIndexes {
				recs = append(recs, nativeRecord{Frame: [3]V{sentry, strV(k), i}, Lists: fillerLists()})
			}
			for j := range nativeStrs {
				pairs = append(pairs, nativeRecord{Frame: [3]V{strV(k), strV(j), iv(1)}, Lists: fillerLists()})
			}
		}
		switch op {
		case "guard_str":
			return []nativeCase{{ops(0), general}, {ops(0), pairs}, {ops(S), recs}}
		case "str_char":
			return []nativeCase{{ops(0, S, 2*S, charsOperand), recs}, {ops(S, S, 2*S, charsOperand), recs}, {ops(2*S, S, 2*S, charsOperand), recs}}
		case "str_jump_if_eq":
			return []nativeCase{{ops(0, S), pairs}, {ops(S, S), pairs}, {ops(S, 0), pairs}}
		}
		return []nativeCase{{ops(0, S), recs}, {ops(S, S), recs}}
	case "list_len":
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for k := 0; k < nativeLists; k++ {
				for _, dst := range []V{sentry, iv(1), listV(1 - k)} {
					recs = append(recs, nativeRecord{Frame: [3]V{dst, listV(k), iv(3)}, Lists: ls})
				}
			}
		}
		return []nativeCase{{ops(0, S, 2*S), recs}, {ops(S, S, 2*S), recs}}
	case "list_load", "list_load_mt", "list_load_bits":
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for k := 0; k < nativeLists; k++ {
				for _, i := range nativeIndexes {
					recs = append(recs, nativeRecord{Frame: [3]V{sentry, listV(k), i}, Lists: ls})
				}
			}
		}
		var cases []nativeCase
		for tag := templates.TagEmpty; tag <= templates.KindTuple+1; tag++ {
			t := uint64(tag)
			if op != "list_load_bits" {
				cases = append(cases, nativeCase{ops(0, S, 2*S, t), recs}, nativeCase{ops(S, S, 2*S, t), recs}, nativeCase{ops(2*S, S, 2*S, t), recs})
				continue
			}
			// The _bits form is only used on a destination that already
			// has the kind's tag (an object's for an instance): slot 0
			// with that tag, or the list or index slot where it has it.
			kt := tag
			if tag == templates.KindInstance {
				kt = templates.TagObject
			}
			if kt > templates.KindInstance {
				continue
			}
			tagged := append([]nativeRecord(nil), recs...)
			for i := range tagged {
				tagged[i].Frame[0].Tag = kt
			}
			cases = append(cases, nativeCase{ops(0, S, 2*S, t), tagged})
			switch kt {
			case templates.TagObject:
				cases = append(cases, nativeCase{ops(S, S, 2*S, t), recs})
			case templates.TagInt:
				cases = append(cases, nativeCase{ops(2*S, S, 2*S, t), recs})
			}
		}
		return cases
	case "list_load_k__b_int", "list_load_k__b_bool", "list_load_k__t_int", "list_load_k__t_bool",
		"list_load_kn__b_int", "list_load_kn__b_bool", "list_load_kn__t_int", "list_load_kn__t_bool":
		// Loads from every element of every list (op3, which the
		// variant does not read, names another kind); the _b forms into
		// a slot that has the kind's tag (for ints, the index slot too),
		// the _t forms also into the list and index slots. The kn forms
		// (for indexes >= 0) at the negative indexes too: they exit.
		op = strings.Replace(op, "_kn__", "_k__", 1)
		kt := templates.TagInt
		if strings.HasSuffix(op, "_bool") {
			kt = templates.TagBool
		}
		var recs, tagged []nativeRecord
		for _, ls := range listConfigs() {
			for k := 0; k < nativeLists; k++ {
				for _, i := range nativeIndexes {
					recs = append(recs, nativeRecord{Frame: [3]V{sentry, listV(k), i}, Lists: ls})
					tagged = append(tagged, nativeRecord{Frame: [3]V{{Tag: kt, Bits: 0x5a5a}, listV(k), i}, Lists: ls})
				}
			}
		}
		t := uint64(templates.TagFloat)
		if strings.HasPrefix(op, "list_load_k__b_") {
			cases := []nativeCase{{ops(0, S, 2*S, t), tagged}}
			if kt == templates.TagInt {
				cases = append(cases, nativeCase{ops(2*S, S, 2*S, t), recs})
			}
			return cases
		}
		return []nativeCase{{ops(0, S, 2*S, t), recs}, {ops(S, S, 2*S, t), recs}, {ops(2*S, S, 2*S, t), recs}}
	case "list_load_r__b_f0", "list_load_r__b_f1", "list_load_r__t_f0", "list_load_r__t_f1":
		// Float loads (op3 is the float kind) from every element, with
		// the registers holding other floats first; the _b forms into a
		// slot that has the float tag, the _t forms also into the list
		// and index slots.
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for k := 0; k < nativeLists; k++ {
				for _, i := range nativeIndexes {
					recs = append(recs, nativeRecord{Frame: [3]V{fv(7), listV(k), i}, Lists: ls, F0: math.Float64bits(-3), F1: math.Float64bits(0.25)})
				}
			}
		}
		t := uint64(templates.TagFloat)
		if strings.HasPrefix(op, "list_load_r__b_") {
			return []nativeCase{{ops(0, S, 2*S, t), recs}}
		}
		return []nativeCase{{ops(0, S, 2*S, t), recs}, {ops(S, S, 2*S, t), recs}, {ops(2*S, S, 2*S, t), recs}}
	case "list_store_r__f0", "list_store_r__f1":
		// Stores of the registers' floats (the value slot holds anything:
		// the uop does not read it) at every index, into both lists.
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for _, i := range nativeIndexes {
				for k, f := range []float64{2.5, negZ, nan} {
					recs = append(recs, nativeRecord{Frame: [3]V{listV(k % 2), i, sentry}, Lists: ls, F0: math.Float64bits(f), F1: math.Float64bits(-f) ^ 1})
				}
			}
		}
		return []nativeCase{{ops(0, S, 2*S), recs}, {ops(0, S, S), recs}}
	case "list_store_rin__f0", "list_store_rin__f1":
		// Its precondition: an index in range and not negative (each of
		// both lists' lengths), into lists with objects or without.
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for k := range nativeLists {
				for i := uint64(0); i < ls[k].Len; i++ {
					for _, f := range []float64{2.5, negZ, nan} {
						recs = append(recs, nativeRecord{Frame: [3]V{listV(k), iv(int64(i)), sentry}, Lists: ls, F0: math.Float64bits(f), F1: math.Float64bits(-f) ^ 1})
					}
				}
			}
		}
		return []nativeCase{{ops(0, S, 2*S), recs}, {ops(0, S, S), recs}}
	case "guard_tuple", "tuple_load":
		// Every tuple in slot 1 (and slot 0), against every length; every
		// item of each, as every kind, into a slot or over the tuple.
		var recs []nativeRecord
		for k := range nativeTuples {
			for _, dst := range []V{sentry, tupleV(k), strV(1)} {
				recs = append(recs, nativeRecord{Frame: [3]V{dst, tupleV(k), iv(3)}, Lists: fillerLists()})
			}
		}
		if op == "guard_tuple" {
			general := append(append([]nativeRecord(nil), general[:len(general)/4]...), recs...)
			for _, v := range []V{listV(0), instV(1), strV(3)} {
				general = append(general, nativeRecord{Frame: [3]V{v, v, v}, Lists: listConfigs()[3]})
			}
			var cases []nativeCase
			for n := uint64(0); n <= 4; n++ {
				cases = append(cases, nativeCase{ops(S, n), general}, nativeCase{ops(0, n), general})
			}
			return cases
		}
		var cases []nativeCase
		for i := range 3 {
			var long []nativeRecord // tuple_load trusts guard_tuple: item i exists
			for _, r := range recs {
				if len(nativeTuples[r.Frame[1].Bits-tupleMark]) > i {
					long = append(long, r)
				}
			}
			off := uint64(i) * uint64(unsafe.Sizeof(templates.Item{}))
			for tag := templates.TagEmpty; tag <= templates.KindTuple+1; tag++ {
				cases = append(cases, nativeCase{ops(0, S, off, uint64(tag)), long}, nativeCase{ops(S, S, off, uint64(tag)), long})
			}
		}
		return cases
	case "guard_instance":
		recs := append([]nativeRecord(nil), general...)
		for _, v := range []V{instV(0), instV(1), listV(0)} {
			for _, r := range general[:len(general)/8] {
				r.Frame[0], r.Frame[1] = v, instV(1)
				r.Lists = listConfigs()[3]
				recs = append(recs, r)
			}
		}
		return []nativeCase{{nativeOperands, recs}, {ops(S), recs}}
	case "guard_shape":
		// Instances whose shape (their list's objs) is 0 or 1, against
		// shape operands 0, 1 and 2.
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for k := 0; k < nativeLists; k++ {
				recs = append(recs, nativeRecord{Frame: [3]V{instV(k), instV(1 - k), sentry}, Lists: ls})
			}
		}
		return []nativeCase{{ops(0, 0), recs}, {ops(0, 1), recs}, {ops(S, 1), recs}, {ops(0, 2), recs}}
	case "attr_load":
		// Instance 0 has four slots (list 0 at full length), filled from
		// listPool at every rotation; every slot, every kind.
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			if ls[0].Len != nativeElems {
				continue
			}
			for _, dst := range []V{sentry, instV(0)} {
				recs = append(recs, nativeRecord{Frame: [3]V{dst, instV(0), iv(3)}, Lists: ls})
			}
		}
		var cases []nativeCase
		for tag := templates.TagEmpty; tag <= templates.KindTuple+1; tag++ {
			for off := uint64(0); off < nativeElems; off++ {
				cases = append(cases, nativeCase{ops(0, S, off*S, uint64(tag)), recs})
			}
			cases = append(cases, nativeCase{ops(S, S, 2*S, uint64(tag)), recs})
		}
		return cases
	case "attr_store":
		values := append(append([]V(nil), listPool...), iv(math.MaxInt64), fv(negZ), listV(0), instV(0), V{Tag: templates.TagObject, Bits: 3})
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			if ls[0].Len != nativeElems {
				continue
			}
			for _, v := range values {
				recs = append(recs, nativeRecord{Frame: [3]V{instV(0), iv(1), v}, Lists: ls})
			}
		}
		var cases []nativeCase
		for off := uint64(0); off < nativeElems; off++ {
			cases = append(cases, nativeCase{ops(0, off*S, 2*S), recs})
		}
		return append(cases, nativeCase{ops(0, S, S), recs})
	case "list_copy":
		// Each list into the other, into itself, from a str or an int,
		// into a stale list (the word names the other one), with every
		// length, objs or not on either side, either a deque, and list 1's
		// capacity cut to its length (list 0 longer than it does not fit).
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for variant := range 6 {
				v := ls
				switch variant {
				case 1:
					v[0].Objs, v[1].Objs = 0, 0
				case 2:
					v[0].Objs, v[1].Objs, v[1].Cap = 0, 0, v[1].Len
				case 3:
					v[0].Objs, v[1].Objs, v[0].Deque = 0, 0, 1
				case 4:
					v[0].Objs, v[1].Objs, v[1].Deque = 0, 0, 1
				case 5:
					v[0].Objs, v[1].Objs, v[0].Len = 0, 0, 0
				}
				for _, f := range [][2]V{{listV(0), listV(1)}, {listV(1), listV(0)}, {listV(0), listV(0)}, {listV(1), strV(1)}, {listV(0), iv(3)}, {iv(1), listV(1)}} {
					recs = append(recs, nativeRecord{Frame: [3]V{f[0], f[1], sentry}, Lists: v})
				}
			}
		}
		return []nativeCase{{ops(0, S, freshOperand), recs}, {ops(0, S, freshOperand+1), recs}, {ops(S, 0, freshOperand+1), recs}}
	case "list_store_k__int", "list_store_k__bool", "list_store_kn__int", "list_store_kn__bool":
		// Stores of values of the variant's kind (its precondition: the
		// optimizer proved the tag) at every index, into both lists; the
		// int form also of the index itself. The kn forms (for indexes
		// >= 0) at the negative indexes too: they exit.
		op = strings.Replace(op, "_kn__", "_k__", 1)
		values := []V{iv(0), iv(-1), iv(math.MaxInt64), iv(math.MinInt64)}
		if op == "list_store_k__bool" {
			values = []V{{Tag: templates.TagBool, Bits: 0}, {Tag: templates.TagBool, Bits: 1}}
		}
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for _, i := range nativeIndexes {
				for k, v := range values {
					recs = append(recs, nativeRecord{Frame: [3]V{listV(k % 2), i, v}, Lists: ls})
				}
			}
		}
		if op == "list_store_k__int" {
			return []nativeCase{{ops(0, S, 2*S), recs}, {ops(0, S, S), recs}}
		}
		return []nativeCase{{ops(0, S, 2*S), recs}}
	case "list_store_pkk":
		// Its precondition: a packed list (of every length) and a bool,
		// at every index.
		var recs []nativeRecord
		for n := uint64(0); n <= nativeElems; n++ {
			var ls [nativeLists]nativeList
			for k := range ls {
				ls[k] = nativeList{Len: n, Cap: nativeElems}
				ls[k].Vals[0] = V{Tag: templates.Tag(0xa5a5a5a500010001 ^ uint64(k)<<8), Bits: 0x5a}
			}
			for _, l := range []V{packV(0), packV(1)} {
				for _, i := range nativeIndexes {
					for _, v := range []V{bv(true), bv(false)} {
						recs = append(recs, nativeRecord{Frame: [3]V{l, i, v}, Lists: ls})
					}
				}
			}
		}
		return []nativeCase{{ops(0, S, 2*S), recs}}
	case "list_load_pk__b", "list_load_pk__t", "list_store_pk":
		// Packed lists (their bytes list k's first tag word: the low
		// bytes 0/1 in turn, the rest poison) of every length, at every
		// index, into the dst or the list's own slot; plain lists, an int
		// and non-bool values, which leave.
		var recs []nativeRecord
		for n := uint64(0); n <= nativeElems; n++ {
			var ls [nativeLists]nativeList
			for k := range ls {
				ls[k] = nativeList{Len: n, Cap: nativeElems}
				ls[k].Vals[0] = V{Tag: templates.Tag(0xa5a5a5a500010001 ^ uint64(k)<<8), Bits: 0x5a}
			}
			for _, l := range []V{packV(0), packV(1), listV(0), iv(6)} {
				for _, i := range nativeIndexes {
					vals := []V{sentry}
					if op == "list_store_pk" {
						vals = []V{bv(true), bv(false), iv(1), {Tag: templates.TagObject, Bits: 0}}
					}
					for _, v := range vals {
						recs = append(recs, nativeRecord{Frame: [3]V{l, i, v}, Lists: ls})
					}
				}
			}
		}
		if op == "list_store_pk" {
			return []nativeCase{{ops(0, S, 2*S), recs}, {ops(0, S, 0), recs}}
		}
		// The loads read [1] and [0] from slots 0 and 1: a list in slot
		// 1, the index in slot 0 (and the dst over the list).
		for r := range recs {
			recs[r].Frame[0], recs[r].Frame[1] = recs[r].Frame[1], recs[r].Frame[0]
		}
		return []nativeCase{{ops(2*S, S, 0), recs}, {ops(S, S, 0), recs}}
	case "list_swap", "list_swap_nn":
		// Every pair of indexes, in both lists (list 1 holds list 0 and
		// the other objs), and one index slot for both. list_swap_nn (for
		// indexes >= 0) at the negative indexes too: it exits.
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for k := range nativeLists {
				for _, i := range nativeIndexes {
					for _, j := range nativeIndexes {
						recs = append(recs, nativeRecord{Frame: [3]V{listV(k), i, j}, Lists: ls})
					}
				}
			}
		}
		return []nativeCase{{ops(0, S, 2*S), recs}, {ops(0, 2*S, S), recs}, {ops(0, S, S), recs}}
	case "list_append":
		// Every length (list 0 full at nativeElems), objs or not, a
		// deque or not, every kind of value (objects leave), into a
		// result slot apart or the value's own.
		values := append(append([]V(nil), listPool...), iv(math.MaxInt64), fv(negZ), listV(0), V{Tag: templates.TagObject, Bits: 3})
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for deque := range uint64(2) {
				v := ls
				v[0].Deque = deque
				for _, x := range values {
					recs = append(recs, nativeRecord{Frame: [3]V{sentry, listV(0), x}, Lists: v})
				}
			}
		}
		return []nativeCase{{ops(7, 0, S, 2*S), recs}, {ops(7, 2*S, S, 2*S), recs}}
	case "list_store", "list_store_mt":
		values := append(append([]V(nil), listPool...), iv(math.MaxInt64), fv(negZ), listV(0), V{Tag: templates.TagObject, Bits: 3})
		var recs []nativeRecord
		for _, ls := range listConfigs() {
			for _, i := range nativeIndexes {
				for _, v := range values {
					recs = append(recs, nativeRecord{Frame: [3]V{listV(0), i, v}, Lists: ls})
				}
			}
		}
		// The same with list 1 (which holds list 0), fewer values.
		for _, ls := range listConfigs() {
			for _, i := range nativeIndexes {
				for _, v := range values[:3] {
					recs = append(recs, nativeRecord{Frame: [3]V{listV(1), i, v}, Lists: ls})
				}
			}
		}
		return []nativeCase{{ops(0, S, 2*S), recs}, {ops(0, S, S), recs}, {ops(0, S, 0), recs}}
	}
	cases := []nativeCase{{nativeOperands, general}}
	switch {
	case strings.HasPrefix(op, "int_"):
		var xs []V
		for _, i := range nativeInts {
			xs = append(xs, iv(i))
		}
		cases = append(cases, nativeCase{nativeOperands, pairRecords(xs)})
	case strings.HasPrefix(op, "float_"):
		var xs []V
		for _, f := range nativeFloats {
			xs = append(xs, fv(f))
		}
		recs := pairRecords(xs)
		// The cached registers get the pair too (the other way round, so a
		// variant that reads the wrong one disagrees), for the register
		// variants; every other uop must pass them on untouched.
		for i := range recs {
			recs[i].F0, recs[i].F1 = recs[i].Frame[2].Bits, recs[i].Frame[1].Bits^1<<63
		}
		cases = append(cases, nativeCase{nativeOperands, recs})
	}
	return cases
}

// refLists are the lists of reference runs, refilled for every record.
type refLists struct {
	heads  [nativeLists]templates.List
	iheads [nativeLists]templates.Instance
	elems  [nativeLists][nativeElems]V
	fresh  [nativeLists]uint64 // list_copy's words
}

// newRefLists allocates refLists on the heap (a returned pointer escapes),
// where they cannot move while their addresses sit in slot bits; the caller
// keeps the pointer, and so the lists, alive.
//
//go:noinline
func newRefLists() *refLists { return new(refLists) }

// referenceRecord runs op on in with Step, over the real lists in rl, and
// returns the record the harness should have written back.
func referenceRecord(rl *refLists, op string, operands [4]uint64, in nativeRecord) (nativeRecord, error) {
	addr := func(k int) uint64 { return uint64(uintptr(unsafe.Pointer(&rl.heads[k]))) }
	iaddr := func(k int) uint64 { return uint64(uintptr(unsafe.Pointer(&rl.iheads[k]))) + templates.InstanceBit }
	strAddr := func(k int) uint64 { return uint64(uintptr(unsafe.Pointer(&refStrs[k]))) + templates.StrBit }
	tupleAddr := func(k int) uint64 { return uint64(uintptr(unsafe.Pointer(&refTuples[k]))) + templates.TupleBit }
	toAddress := func(v *V) {
		if v.Tag == templates.TagObject && v.Bits-listMark < nativeLists {
			v.Bits = addr(int(v.Bits - listMark))
		} else if v.Tag == templates.TagObject && v.Bits-packMark < nativeLists {
			v.Bits = addr(int(v.Bits-packMark)) + templates.PackedKind
		} else if v.Tag == templates.TagObject && v.Bits-instMark < nativeLists {
			v.Bits = iaddr(int(v.Bits - instMark))
		} else if v.Tag == templates.TagObject && v.Bits-strMark < uint64(len(refStrs)) {
			v.Bits = strAddr(int(v.Bits - strMark))
		} else if v.Tag == templates.TagObject && v.Bits-tupleMark < uint64(len(refTuples)) {
			v.Bits = tupleAddr(int(v.Bits - tupleMark))
		}
	}
	toMark := func(v *V) {
		for k := range rl.heads {
			if v.Tag == templates.TagObject && v.Bits == addr(k) {
				v.Bits = listMark + uint64(k)
			}
			if v.Tag == templates.TagObject && v.Bits == addr(k)+templates.PackedKind {
				v.Bits = packMark + uint64(k)
			}
			if v.Tag == templates.TagObject && v.Bits == iaddr(k) {
				v.Bits = instMark + uint64(k)
			}
		}
		for k := range refStrs {
			if v.Tag == templates.TagObject && v.Bits == strAddr(k) {
				v.Bits = strMark + uint64(k)
			}
		}
		for k := range refTuples {
			if v.Tag == templates.TagObject && v.Bits == tupleAddr(k) {
				v.Bits = tupleMark + uint64(k)
			}
		}
	}
	if operands[3] == charsOperand {
		operands[3] = uint64(uintptr(unsafe.Pointer(refChars)))
	}
	if k := operands[2] - freshOperand; k < nativeLists {
		rl.fresh[k] = addr(int(k))
		operands[2] = uint64(uintptr(unsafe.Pointer(&rl.fresh[k])))
	}
	for k := range rl.heads {
		rl.elems[k] = in.Lists[k].Vals
		for e := range rl.elems[k] {
			toAddress(&rl.elems[k][e])
		}
		rl.heads[k] = templates.List{Vals: &rl.elems[k][0], Len: int64(in.Lists[k].Len), Cap: int64(in.Lists[k].Cap), Deque: uint8(in.Lists[k].Deque),
			Packed: (*uint8)(unsafe.Pointer(&rl.elems[k][0])), PackLen: int64(in.Lists[k].Len), PackCap: int64(in.Lists[k].Cap)}
		rl.iheads[k] = templates.Instance{Shape: uintptr(in.Lists[k].Objs), Vals: &rl.elems[k][0], Len: int64(in.Lists[k].Len), Cap: int64(in.Lists[k].Cap)}
		if in.Lists[k].Objs != 0 {
			rl.heads[k].Objs = uintptr(unsafe.Pointer(&rl.elems[k])) // any non-zero address
		}
	}
	frame := in.Frame
	for s := range frame {
		toAddress(&frame[s])
	}
	st := templates.State{Budget: int64(in.Budget), Interrupt: uint32(in.Interrupt), Calls: uint32(in.Calls)}
	regs := Regs{in.F0, in.F1}
	next, code, mv, err := StepRegs(op, operands, &st, frame[:], int(in.Calls>>32&0xff), contMark, &regs)
	if err != nil {
		return nativeRecord{}, err
	}
	out := in
	out.F0, out.F1 = regs[0], regs[1]
	fp := uint64(mv.FP) & 0xffff
	switch next {
	case Continue:
		out.Result = resultContinue | fp
	case Jump, Call:
		out.Result = resultJump | fp
	case Exit:
		out.Result = resultExit | fp
	case Return:
		if mv.Back != retMark {
			return nativeRecord{}, fmt.Errorf("ret went back to %#x, not the harness's return address", mv.Back)
		}
		out.Result = resultReturn | fp
	case Leave:
		out.Result = uint64(code)
	}
	out.Budget, out.Interrupt = uint64(st.Budget), uint64(st.Interrupt)
	out.Calls = in.Calls&^0xffffffff | uint64(st.Calls)
	for s := range frame {
		toMark(&frame[s])
	}
	out.Frame = frame
	for k, h := range rl.heads {
		l := nativeList{Len: uint64(h.Len), Cap: uint64(h.Cap), Deque: in.Lists[k].Deque, Vals: rl.elems[k]}
		if h.Objs != 0 {
			l.Objs = 1
		}
		for e := range l.Vals {
			toMark(&l.Vals[e])
		}
		out.Lists[k] = l
	}
	return out, nil
}

// recordBytes is the memory of recs, which the harness reads as its record
// array: both targets are 64-bit little-endian, with Go's layout and C's the
// same (checked at the start of the test).
func recordBytes(recs []nativeRecord) []byte {
	if len(recs) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&recs[0])), len(recs)*int(unsafe.Sizeof(recs[0])))
}

// harnessRunner says how to start a harness program: directly, or through
// qemu-user when this kernel cannot (an arm64 test binary run by
// qemu-aarch64 on an x86-64 machine: execve of an arm64 program fails with
// ENOEXEC there unless binfmt_misc is set up).
func harnessRunner(t *testing.T, probe string) []string {
	t.Helper()
	err := exec.Command(probe).Run()
	if err == nil {
		return nil
	}
	if !errors.Is(err, syscall.ENOEXEC) {
		t.Fatalf("running a harness: %v", err)
	}
	qemu := map[string]string{"arm64": "qemu-aarch64", "amd64": "qemu-x86_64"}[runtime.GOARCH]
	p, lerr := exec.LookPath(qemu)
	if lerr != nil {
		t.Skipf("cannot run %s programs here (%v) and %s is not on $PATH", runtime.GOARCH, err, qemu)
	}
	if err := exec.Command(p, probe).Run(); err != nil {
		t.Fatalf("running a harness under %s: %v", p, err)
	}
	return []string{p}
}

// outcomes are the ways a template's source says it can leave.
func outcomes(src []byte) map[uint64]bool {
	o := map[uint64]bool{}
	if bytes.Contains(src, []byte("CP_CONTINUE()")) {
		o[resultContinue] = true
	}
	if bytes.Contains(src, []byte("CP_JUMP()")) || bytes.Contains(src, []byte("CP_JUMP_TO(")) {
		o[resultJump] = true
	}
	if bytes.Contains(src, []byte("CP_EXIT()")) {
		o[resultExit] = true
	}
	if bytes.Contains(src, []byte("CP_LEAVE(")) {
		o[0] = true // any exit code
	}
	return o
}

// TestNativeAgreesWithReference compiles every template for the host with
// Clang, links it into the harness with its operand holes defined, runs it on
// the records nativeCases gives it, and compares frame, state, lists and exit
// with Step: the reference and the templates must agree bit for bit. Every
// way a template can leave must be taken at least once.
func TestNativeAgreesWithReference(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles and links every template: skipped with -short")
	}
	triple := map[string]string{"linux/amd64": "x86_64-unknown-linux-gnu", "linux/arm64": "aarch64-unknown-linux-gnu"}[runtime.GOOS+"/"+runtime.GOARCH]
	if triple == "" {
		t.Skipf("no native template harness for %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	if size := unsafe.Sizeof(nativeRecord{}); size != 288 {
		t.Fatalf("nativeRecord is %d bytes; the harness's record is 288", size)
	}
	clang := os.Getenv("CLANG")
	if clang == "" {
		clang = "clang-19"
	}
	clang, err := exec.LookPath(clang)
	if err != nil {
		t.Skip("clang-19 not found (set $CLANG): cannot run templates natively")
	}
	dir := t.TempDir()
	for _, h := range []string{"copypatch.h", "vmstate.h", "uop.h"} {
		b, err := templates.Sources.ReadFile(h)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, h), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "harness.c"), []byte(harnessC), 0o644); err != nil {
		t.Fatal(err)
	}
	clangRun := func(args ...string) error {
		if out, err := exec.Command(clang, args...).CombinedOutput(); err != nil {
			return fmt.Errorf("%s %s: %v\n%s", clang, strings.Join(args, " "), err, out)
		}
		return nil
	}
	harness := filepath.Join(dir, "harness.o")
	if err := clangRun("--target="+triple, "-O1", "-std=gnu11", "-ffreestanding", "-fno-builtin", "-fno-stack-protector",
		"-Wall", "-Werror", "-c", "-I", dir, filepath.Join(dir, "harness.c"), "-o", harness); err != nil {
		t.Fatal(err)
	}
	link := func(exe string, operands [4]uint64, objs ...string) error {
		args := []string{"--target=" + triple, "-fuse-ld=lld", "-nostdlib", "-static", "-o", exe, harness}
		args = append(args, objs...)
		for i, v := range operands {
			if v == charsOperand {
				args = append(args, fmt.Sprintf("-Wl,--defsym,_JIT_OPERAND%d=hchars", i))
				continue
			}
			if k := v - freshOperand; k < nativeLists {
				args = append(args, fmt.Sprintf("-Wl,--defsym,_JIT_OPERAND%d=hfresh+%d", i, 8*k))
				continue
			}
			args = append(args, fmt.Sprintf("-Wl,--defsym,_JIT_OPERAND%d=%d", i, v))
		}
		return clangRun(args...)
	}
	// A probe: a uop that only continues, run on no records. Linking needs
	// lld; running may need qemu-user.
	probe := filepath.Join(dir, "probe.c")
	if err := os.WriteFile(probe, []byte("#include \"uop.h\"\nCP_UOP { CP_CONTINUE(); }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := clangRun("--target="+triple, "-O1", "-c", "-I", dir, probe, "-o", probe+".o"); err != nil {
		t.Fatal(err)
	}
	if err := link(probe+".exe", nativeOperands, probe+".o"); err != nil {
		t.Skipf("cannot link a native harness (is lld installed?): %v", err)
	}
	runner := harnessRunner(t, probe+".exe")

	general := generalRecords()
	for _, op := range templates.Uops() {
		t.Run(op, func(t *testing.T) {
			t.Parallel()
			rl := newRefLists()
			file, defines, _ := templates.Source(op)
			src, err := templates.Sources.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cfile := filepath.Join(dir, op+".c") // a variant's own copy: tests run in parallel
			if err := os.WriteFile(cfile, src, 0o644); err != nil {
				t.Fatal(err)
			}
			obj := filepath.Join(dir, op+".o")
			args := append([]string{"--target=" + triple}, templateFlags...)
			if runtime.GOOS == "linux" && runtime.GOARCH == "amd64" {
				// stencilgen's linux/amd64 stencils are built without
				// -fpic (slot operands as displacements): test that code.
				args[slices.Index(args, "-fpic")] = "-fno-pic"
			}
			if runtime.GOARCH == "arm64" {
				args = append(args, "-ffixed-x28", "-ffixed-x18")
			}
			for _, d := range defines {
				args = append(args, "-D"+d)
			}
			if err := clangRun(append(args, "-I", dir, cfile, "-o", obj)...); err != nil {
				t.Fatal(err)
			}
			want := outcomes(src)
			if _, vals := stencil.VariantBase(op); len(vals) >= 2 && vals[len(vals)-1] == vals[len(vals)-2] && vals[len(vals)-1] != "s" {
				// x < x compares a register with itself: its answer is fixed
				// (but for NaN), so one way out may never be taken.
				want = nil
			}
			seen := map[uint64]bool{}
			for ci, c := range nativeCases(op, general) {
				exe := filepath.Join(dir, fmt.Sprintf("%s-%d", op, ci))
				if err := link(exe, c.operands, obj); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(exe)
				if runner != nil {
					cmd = exec.Command(runner[0], exe)
				}
				cmd.Stdin = bytes.NewReader(recordBytes(c.records))
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("running %s: %v", op, err)
				}
				got := make([]nativeRecord, len(out)/int(unsafe.Sizeof(nativeRecord{})))
				if n := copy(recordBytes(got), out); n != len(out) || len(got) != len(c.records) {
					t.Fatalf("%s wrote %d bytes for %d records", op, len(out), len(c.records))
				}
				bad := 0
				for i, in := range c.records {
					ref, err := referenceRecord(rl, op, c.operands, in)
					if err != nil {
						t.Fatalf("operands %v, record %+v: %v", c.operands, in, err)
					}
					if got[i].Result>>62 == 0 {
						seen[0] = true
					} else {
						seen[got[i].Result&^0xffff] = true
					}
					if got[i] != ref && commutesNaN(op) {
						// Two NaN operands: IEEE 754 lets the result carry
						// either one's payload, and Clang may swap a
						// commutative operation's operands to save a move
						// when they live in registers (Go may too).
						base, vals := stencil.VariantBase(op)
						alt := base + "__" + vals[0] + "_" + vals[1] + "_" + vals[3] + "_" + vals[2]
						swapped := [4]uint64{c.operands[0], c.operands[2], c.operands[1], c.operands[3]}
						if ref2, err := referenceRecord(rl, alt, swapped, in); err == nil && got[i] == ref2 {
							continue
						}
					}
					if got[i] != ref {
						bad++
						if bad <= 5 {
							t.Errorf("operands %v on\n  %+v:\nnative    %+v\nreference %+v", c.operands, in, got[i], ref)
						}
					}
				}
				if bad > 5 {
					t.Errorf("operands %v: %d disagreements in all", c.operands, bad)
				}
			}
			for o := range want {
				if !seen[o] {
					name := map[uint64]string{resultContinue: "continued", resultJump: "jumped", resultExit: "side-exited", 0: "left with an exit code"}[o]
					t.Errorf("%s never %s: its records miss a path", op, name)
				}
			}
		})
	}
}

// commutesNaN reports whether op is a register variant of a commutative
// float operation (see its use).
func commutesNaN(op string) bool {
	base, vals := stencil.VariantBase(op)
	return len(vals) == 4 && (base == "float_add_r" || base == "float_mul_r")
}
