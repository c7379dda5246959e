package interp

import (
	"sync"
	"sync/atomic"
	"syscall"
)

// maxNest bounds recursion through nested containers (==, <, in, repr,
// hash), counted in VM.nest across the whole VM so that Python calls made
// on the way (__eq__, __repr__) do not reset it. CPython 3.14 bounds this
// recursion by the C stack it has left (some tens of thousands of levels
// with the default 8 MiB stack); minipy counts levels, which keeps its Go
// stack to a few megabytes.
const maxNest = 20000

// enterNest counts one level of recursion through a container for the
// operation that where names (" in comparison", " while getting the repr
// of an object"). It returns false, with a RecursionError pending, when the
// bound is reached; otherwise the caller must call leaveNest.
func (vm *VM) enterNest(where string) bool {
	if vm.nest >= maxNest {
		if vm.pending == nil {
			vm.pending = stackOverflow(where)
		}
		return false
	}
	vm.nest++
	return true
}

func (vm *VM) leaveNest() { vm.nest-- }

// eqItem is == between the elements of two containers, or a container and
// an item (CPython's PyObject_RichCompareBool): an object is equal to
// itself without asking its __eq__. A float is its bits here, so a NaN
// counts as itself when its bits are the same, as dicts and sets count it
// (same): `[nan] == [nan]`, a tuple holding a NaN equal to its copy, as
// CPython gives for one NaN object (math.nan, or a list and its copy).
func (vm *VM) eqItem(a, b Val) bool {
	if a.T == b.T && (a.T == tagObject && a.O == b.O || a.T == tagFloat && a.B == b.B) {
		return true
	}
	return vm.equal(a, b)
}

// eqItemErr is eqItem with the error an __eq__ or the recursion bound
// raised, for loops that must stop at it.
func (vm *VM) eqItemErr(a, b Val) (bool, error) {
	if vm.eqItem(a, b) {
		return true, nil
	}
	return false, vm.takePending()
}

// stackOverflow is the RecursionError CPython 3.14 raises when recursion in
// C (comparing, hashing or printing nested containers) reaches the end of
// the stack it allows itself: two margins of 32 KiB short of the thread's
// stack, which for the main thread is the stack size limit.
func stackOverflow(where string) *PyErr {
	return newErr(RecursionError, "Stack overflow (used %d kB)%s", stackUsedKB(), where)
}

var stackKB struct {
	once sync.Once
	kb   int
}

// stackUsedKB is how much stack CPython reports as used when it raises:
// RLIMIT_STACK (8 MiB when unlimited or unknown) less 64 KiB.
func stackUsedKB() int {
	stackKB.once.Do(func() {
		size := uint64(8 << 20)
		var rl syscall.Rlimit
		if err := syscall.Getrlimit(syscall.RLIMIT_STACK, &rl); err == nil && rl.Cur > 0 && rl.Cur < 1<<40 {
			size = rl.Cur
		}
		stackKB.kb = int(size/1024) - 64
	})
	return stackKB.kb
}

// reprState is the chain of containers whose repr is being written, as
// CPython's Py_ReprEnter keeps it: a container met again inside itself
// prints as [...], {...} or (...).
type reprState struct {
	seen []Object
	set  map[Object]bool // seen as a set, once it is long
}

// reprOuters holds, for a VM running an instance's __repr__ or __str__ on
// behalf of a container's repr, that repr's state, so that a repr() inside
// the method sees the containers around it. reprOuterN counts the entries.
var (
	reprOuters sync.Map // *VM → *reprState
	reprOuterN atomic.Int32
)

// reprOuter is the state a new repr starts from.
func (vm *VM) reprOuter() *reprState {
	if vm != nil && reprOuterN.Load() > 0 {
		if st, ok := reprOuters.Load(vm); ok {
			return st.(*reprState)
		}
	}
	return &reprState{}
}

// reprThrough makes st the outer state while an instance's method runs;
// the returned function restores the previous one.
func (vm *VM) reprThrough(st *reprState) func() {
	if vm == nil || len(st.seen) == 0 {
		return func() {}
	}
	prev, had := reprOuters.Load(vm)
	reprOuters.Store(vm, st)
	reprOuterN.Add(1)
	return func() {
		if had {
			reprOuters.Store(vm, prev)
		} else {
			reprOuters.Delete(vm)
		}
		reprOuterN.Add(-1)
	}
}

// reprEnter starts writing container o. It returns false when o is
// already being written further out (the caller writes the ellipsis), or
// when the nesting is too deep (with RecursionError pending); otherwise the
// caller must call reprLeave.
func (vm *VM) reprEnter(st *reprState, o Object) bool {
	if st.set != nil {
		if st.set[o] {
			return false
		}
	} else {
		for _, x := range st.seen {
			if x == o {
				return false
			}
		}
	}
	if vm != nil {
		if !vm.enterNest(" while getting the repr of an object") {
			return false
		}
	} else if len(st.seen) >= maxNest {
		return false
	}
	st.seen = append(st.seen, o)
	if st.set != nil {
		st.set[o] = true
	} else if len(st.seen) > 32 {
		st.set = make(map[Object]bool, 64)
		for _, x := range st.seen {
			st.set[x] = true
		}
	}
	return true
}

func (vm *VM) reprLeave(st *reprState) {
	if st.set != nil {
		delete(st.set, st.seen[len(st.seen)-1])
	}
	st.seen = st.seen[:len(st.seen)-1]
	if vm != nil {
		vm.leaveNest()
	}
}
