package interp

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/traceopt"
)

// None in traces. None has a tag of its own and no object, so a slot that
// held None when recorded is guarded as one (guard_none) as an int is, and
// an attribute or list element that held None is loaded expecting None.
// "x is None" then needs no uop: the trace knows what x is (the guards and
// loads that gave its type leave otherwise), and the answer is a constant
// the recorder keeps aside as it keeps functions and modules, for exits to
// put in the slot; the branch on it is decided when recording.

// noneness says whether slot s holds None on every pass of the trace
// through here, and false in ok (the recording stopped) when the trace
// cannot know.
func (r *recorder) noneness(s int32) (isNone, ok bool) {
	if v, known := r.objects[s]; known {
		return v.T == tagNone, true
	}
	t := r.typeOf(s)
	if t == traceopt.Unknown {
		r.failf("is on an object native code cannot read")
		return false, false
	}
	return t == traceopt.None, true
}

// identity translates A = B is C (is not, for opIsNot): folded to a
// constant bool where one side is None, a compare of addresses where both
// are objects native code reads.
func (r *recorder) identity(op Op, a, b, c int32) {
	nb, ok := r.noneness(b)
	if !ok {
		return
	}
	nc, ok := r.noneness(c)
	if !ok {
		return
	}
	if !nb && !nc {
		r.sameAddress(op, a, b, c)
		return
	}
	r.wrote(a)
	r.objects[a] = BoolVal((nb == nc) == (op == opIs))
	r.clobber(a)
}

// constTruth is the truth of slot a when the trace knows it without a
// uop: a bool it folded, None, or an instance of a class that defines no
// __bool__ or __len__.
func (r *recorder) constTruth(a int32) (truth, ok bool) {
	if v, known := r.objects[a]; known {
		switch v.T {
		case tagBool:
			return v.B != 0, true
		case tagNone:
			return false, true
		}
		return false, false
	}
	switch r.typeOf(a) {
	case traceopt.None:
		return false, true
	case traceopt.Instance:
		// True unless its class says otherwise: the shape guard keeps the
		// class, the class check its methods.
		x, ok := r.shaped(a)
		if !ok {
			return false, false
		}
		_, hasBool := x.cls.lookup("__bool__")
		_, hasLen := x.cls.lookup("__len__")
		if hasBool || hasLen {
			r.failf("truth of an instance with __bool__ or __len__")
			return false, false
		}
		return true, true
	}
	return false, false
}

// sameAddress translates A = B is C for two slots that are not None: two
// lists, instances or strs are the same object when their bits (the
// address, plus the kind's bit) are equal, and objects of different kinds
// never are. Identity of numbers is CPython's implementation detail: the
// interpreter answers it.
func (r *recorder) sameAddress(op Op, a, b, c int32) {
	if _, ok := r.objects[b]; ok {
		r.failf("%v on an object the trace keeps aside", op)
		return
	}
	if _, ok := r.objects[c]; ok {
		r.failf("%v on an object the trace keeps aside", op)
		return
	}
	tb, tc := r.typeOf(b), r.typeOf(c)
	isObj := func(t traceopt.Type) bool {
		return t == traceopt.Instance || t == traceopt.List || t == traceopt.Str
	}
	if !isObj(tb) || !isObj(tc) {
		r.failf("%v on %s and %s", op, aName(tb), aName(tc))
		return
	}
	if tb != tc {
		r.wrote(a)
		r.objects[a] = BoolVal(op == opIsNot)
		r.clobber(a)
		return
	}
	u := generated.OpIntEq
	if op == opIsNot {
		u = generated.OpIntNe
	}
	r.emit(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}})
}
