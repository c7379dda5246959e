package interp

import (
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Dict subscripts, stores and `in`, `not in` by an int key in a trace
// (dict_get_int, dict_set_int, dict_has_int, dict_lacks_int): graphs'
// distance and level tables. As call-outs they cost a trip to Go each, and a loop
// doing little else (graphs' bfs, dijkstra) was not traced at all
// (call-outs more than the loop's native work pays for).

// tagMarksAddr is the dict uops' operand 3: the address of tagMarks, whose
// entries' addresses stand for the tags of packed numbers (pval).
var tagMarksAddr = uint64(uintptr(unsafe.Pointer(&tagMarks[0])))

// dictListConsts is what dict_get_int_list's operand 3 points at: the tag
// marks' address and the type word of a list in an entry (an Object's
// itab for *List).
var dictListConsts = [2]uintptr{uintptr(unsafe.Pointer(&tagMarks[0])), listTab}

var dictListConstsAddr = uint64(uintptr(unsafe.Pointer(&dictListConsts)))

// dictByInt reports whether slot b holds a dict that native code may read
// by slot c's int key: a dict's bits (a subclass's instance has an
// instance's), no thread beside (native code reads the dict unlocked),
// a key the trace knows an int.
func (r *recorder) dictByInt(b, c int32) bool {
	if r.vm.threaded() {
		return false
	}
	if _, ok := r.objects[b]; ok {
		return false
	}
	if v := r.regs[b]; v.Tag != tagObject || v.Bits&7 != templates.DictKind {
		return false
	}
	if r.typeOf(c) != traceopt.Int {
		return false
	}
	r.touch(b)
	return true
}

// dictGet records a = b[c] as dict_get_int when the dict holds the int key
// with a value native code can copy, as dict_get_int_list when it holds
// a list (else the subscript is a call-out as before: it raises, calls
// __missing__ or gives another object). The value's
// type is the trace's to guard where it is used: dicts hold what they
// hold (dijkstra's distances are ints and the float inf).
func (r *recorder) dictGet(a, b, c int32) bool {
	if !r.dictByInt(b, c) {
		return false
	}
	d := dictAt(r.regs[b].Bits)
	i := d.findInt(r.regs[c].Bits, pyIntHash(int64(r.regs[c].Bits)))
	if i < 0 {
		return false
	}
	if v := d.entries[i].v; v.isObj() {
		if l, ok := v.obj().(*List); !ok || l.pk != nil {
			return false
		}
		// A list: its bits in the slot, the slot one of the trace's
		// list slots (emit), whose Go half exits and call-outs fill in.
		r.emit(traceopt.Inst{Op: generated.OpDictGetIntList, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c), dictListConstsAddr}, Exit: r.snap()})
		return true
	}
	r.emit(traceopt.Inst{Op: generated.OpDictGetInt, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c), tagMarksAddr}, Exit: r.snap()})
	if r.abort == "" {
		delete(r.known, a)
		r.noteKnown(a)
	}
	return true
}

// dictContains records a = key in b (op opIn) or key not in b (opNotIn)
// natively when b is a dict and key an int.
func (r *recorder) dictContains(op Op, a, key, b int32) bool {
	if !r.dictByInt(b, key) {
		return false
	}
	g := generated.OpDictHasInt
	if op == opNotIn {
		g = generated.OpDictLacksInt
	}
	r.emit(traceopt.Inst{Op: g, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(key), tagMarksAddr}, Exit: r.snap()})
	return true
}

// dictSet records a[b] = c as dict_set_int when a is a dict, b an int and
// c a number, a bool or None (else the store is a call-out as before).
// The uop exits where Go must store (an object's value, no room for a new
// key, globals()'s dict); the reference runs it on the dict now, so the
// recording stops there too.
func (r *recorder) dictSet(a, b, c int32) bool {
	if !r.dictByInt(a, b) {
		return false
	}
	switch r.typeOf(c) {
	case traceopt.Int, traceopt.Float, traceopt.Bool, traceopt.None:
	default:
		return false
	}
	r.emit(traceopt.Inst{Op: generated.OpDictSetInt, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c), tagMarksAddr}, Exit: r.snap()})
	return true
}
