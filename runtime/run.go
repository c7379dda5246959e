package jit

import (
	"runtime"
	"sync"
	"unsafe"

	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
)

// stackSize is each native stack's size. Stencils never grow the stack
// (every jump is a tail call); Clang may spill a few words, so this is
// generous. The guard page below it turns an overflow into a fault.
const stackSize = 64 << 10

// nativeStack is one native stack. Idle ones wait in stackPool; when the
// pool drops one, its cleanup unmaps the memory.
type nativeStack struct{ mem []byte }

// stackPool holds idle native stacks: one is taken per running entry, so
// goroutines can run traces at once, and sync.Pool keeps them per P.
var stackPool sync.Pool

func getStack() (*nativeStack, error) {
	if s, ok := stackPool.Get().(*nativeStack); ok {
		return s, nil
	}
	mem, err := mapStack(stackSize)
	if err != nil {
		return nil, err
	}
	s := &nativeStack{mem}
	runtime.AddCleanup(s, func(mem []byte) { unmap(mem) }, mem)
	return s, nil
}

func (s *nativeStack) top() uintptr { return uintptrOf(s.mem) + uintptr(len(s.mem)) }

// Run enters the trace at its first uop with st and frame and returns the
// exit code native code left with: Enter for a VM whose frame is minipy's
// slots (templates.Value). It returns ExitInvalid, without running
// anything, when the trace was freed, st is nil or frame is empty.
//
// The frame must hold every slot the trace's operands name: native code
// does not check them.
func (t *Trace) Run(st *templates.State, frame []templates.Value) templates.ExitCode {
	return t.RunAt(0, st, frame)
}

// RunAt is Run entering at uop i (a loop top, to resume after a safepoint).
func (t *Trace) RunAt(i int, st *templates.State, frame []templates.Value) templates.ExitCode {
	if len(frame) == 0 {
		return ExitInvalid
	}
	return t.Enter(i, st, unsafe.Pointer(&frame[0]))
}

// Enter runs the trace from uop i with state st and frame pointer fp, and
// returns the exit code native code left with. It sets st.Frame to fp. It
// returns ExitInvalid, without running anything, when the trace was freed,
// st or fp is nil or i is not a uop of the trace.
//
// fp is whatever the VM's templates take the frame pointer to be (CP_FRAME
// in copypatch.h): it must point into Go memory that holds no Go pointers
// native code could write (a []byte, an array of tagged slots), or into
// memory outside the Go heap, and must be large enough for every access the
// trace makes: native code checks only what its templates check. While
// Enter runs, fp keeps what it points into alive. st may be the first field
// of a larger struct (a VM's own CP_STATE); the rest of it is the VM's.
func (t *Trace) Enter(i int, st *stencil.State, fp unsafe.Pointer) stencil.ExitCode {
	if st == nil || fp == nil || i < 0 || i >= len(t.ops) {
		return ExitInvalid
	}
	for {
		s := t.state.Load()
		if s < 0 {
			return ExitInvalid
		}
		if t.state.CompareAndSwap(s, s+1) {
			break
		}
	}
	stack, err := getStack()
	if err != nil {
		t.state.Add(-1)
		return ExitInvalid
	}
	ec := t.enterLocked(i, st, fp, stack)
	stackPool.Put(stack)
	return ec
}

// enterLocked runs the trace from uop i on stack, the entry counted in
// t.state, and leaves it uncounted. (Not deferred: native code cannot
// panic, and a fault there kills the process.)
func (t *Trace) enterLocked(i int, st *stencil.State, fp unsafe.Pointer, stack *nativeStack) stencil.ExitCode {
	t.entries.Add(1)
	if now := t.cache.clock.Load(); t.stamp.Load() != now {
		t.stamp.Store(now)
	}
	st.Frame = fp
	enterBudget(st)
	ec := enter(t.addr(int(t.starts[i])), st, fp, stack.top())
	t.state.Add(-1)
	return stencil.ExitCode(ec)
}

// A Stack is a native stack a caller keeps for its own entries (RunOn),
// so that entering takes none from the shared pool: for a VM that enters
// traces over and over (a call-out enters twice per instruction). One
// goroutine at a time may use it.
type Stack struct{ s *nativeStack }

// NewStack maps a native stack for RunOn.
func NewStack() (*Stack, error) {
	s, err := getStack()
	if err != nil {
		return nil, err
	}
	return &Stack{s}, nil
}

// RunOn is RunAt on the caller's stack.
func (t *Trace) RunOn(i int, st *templates.State, frame []templates.Value, stack *Stack) templates.ExitCode {
	if st == nil || len(frame) == 0 || stack == nil || i < 0 || i >= len(t.ops) {
		return ExitInvalid
	}
	for {
		s := t.state.Load()
		if s < 0 {
			return ExitInvalid
		}
		if t.state.CompareAndSwap(s, s+1) {
			break
		}
	}
	return t.enterLocked(i, st, unsafe.Pointer(&frame[0]), stack.s)
}

// A Hold keeps a trace from being freed or evicted while its holder enters
// it again and again (Hold.RunOn): the atomic operations RunOn pays on
// every entry are paid once, at Hold and Release. A VM's call-outs enter
// the trace again after every instruction the interpreter runs for it, and
// on a 2-core machine those atomics were most of an entry's cost. A Hold
// belongs to one goroutine; the trace may be held by several at once.
type Hold struct {
	t       *Trace
	entries uint64 // entries since Hold, added to the trace's count at Release
}

// Hold holds t for the caller's entries, or reports false when t was freed.
func (t *Trace) Hold() (Hold, bool) {
	for {
		s := t.state.Load()
		if s < 0 {
			return Hold{}, false
		}
		if t.state.CompareAndSwap(s, s+1) {
			break
		}
	}
	if now := t.cache.clock.Load(); t.stamp.Load() != now {
		t.stamp.Store(now)
	}
	return Hold{t: t}, true
}

// RunOn is Trace.RunOn for a held trace.
func (h *Hold) RunOn(i int, st *templates.State, frame []templates.Value, stack *Stack) templates.ExitCode {
	t := h.t
	if t == nil || st == nil || len(frame) == 0 || stack == nil || i < 0 || i >= len(t.ops) {
		return ExitInvalid
	}
	h.entries++
	st.Frame = unsafe.Pointer(&frame[0])
	enterBudget(st)
	return stencil.ExitCode(enter(t.addr(int(t.starts[i])), st, st.Frame, stack.s.top()))
}

// Release ends the hold: the trace may be freed again. The Hold is
// unusable after it.
func (h *Hold) Release() {
	if h.t == nil {
		return
	}
	h.t.entries.Add(h.entries)
	h.t.state.Add(-1)
	h.t = nil
}

// RunLoop runs the trace and resumes it after every safepoint exit, with
// st.Budget refilled to budget each time, until it leaves another way or Go
// sets st.Interrupt. Between entries it yields (runtime.Gosched), so the
// scheduler and the GC can stop it there and a long native loop never holds
// up a stop-the-world or a stack scan for more than one budget's worth of
// back-edges: without the yield, the GC waits until a preemption signal
// happens to land in the few Go instructions between entries.
func (t *Trace) RunLoop(st *templates.State, frame []templates.Value, budget int64) templates.ExitCode {
	return t.RunLoopOn(st, frame, budget, nil)
}

// RunLoopOn is RunLoop on the caller's stack (nil: one from the shared
// pool each entry, as RunLoop). A VM that keeps a Stack for its entries
// and runs a loop now and then besides (a recorder running an inner loop
// to its end) so maps no second one: the pool was empty, and its first
// stack was a fresh mapping (mmap, mprotect of its guard page, the page
// faults of its first use) in the JIT's work.
func (t *Trace) RunLoopOn(st *templates.State, frame []templates.Value, budget int64, stack *Stack) templates.ExitCode {
	if st == nil {
		return ExitInvalid
	}
	run := func(at int) templates.ExitCode {
		if stack == nil {
			return t.RunAt(at, st, frame)
		}
		return t.RunOn(at, st, frame, stack)
	}
	st.Budget = budget
	ec := run(0)
	for ec.Reason() == templates.ExitSafepoint && !interrupted(st) {
		at, ok := t.resume[ec.Index()]
		if !ok {
			return ec
		}
		runtime.Gosched()
		st.Budget = budget
		ec = run(at)
	}
	return ec
}

// ResumeAt returns the uop that a safepoint exit with this index resumes at
// (its loop's top), for callers that run their own loop around RunAt.
func (t *Trace) ResumeAt(index uint64) (int, bool) {
	i, ok := t.resume[index]
	return i, ok
}
