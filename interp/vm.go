package interp

import (
	"bufio"
	"math"
	"math/big"
	"sync/atomic"

	"github.com/copypatch/copypatch/templates"
)

// maxDepth is CPython's default recursion limit; sys.setrecursionlimit can
// raise it up to maxLimit, which keeps the Go stack well inside its bound.
const (
	maxDepth = 1000
	maxLimit = 100000
)

// VM runs compiled code. One VM per Run: nothing is shared between runs.
type VM struct {
	out       *bufio.Writer
	depth     int
	stack     []templates.Value
	ostack    []Object
	sp        int
	modules   map[string]*Module
	mod       *moduleState
	steps     uint64
	jumpTo    int
	limit     int   // the recursion limit
	argStack  []Val // arguments of calls to builtins and methods
	argSP     int
	bigSlab   []BigInt     // unused big ints, allocated in bulk
	gens      []*Generator // started generators, closed when the run ends
	lifts     []liftedGen  // generator frames running on the slot stack (gen_lift.go)
	recycled  genPool      // finished generators to make new ones in (gen_reuse.go)
	spareList *List        // an unused [] to make the next [] in (default_reuse.go)
	loopIters iterPool     // finished loop iterators of tuples and lists (iter_reuse.go)
	revIters  revIterPool  // finished loops' reversed list iterators (fresh_reversed.go)
	enumIters enumIterPool // finished loops' enumerate iterators (loop_enumerate.go)
	// freshSet is the set a CALL marked freshSetA just made, for the len
	// after it; setPool holds what len gave back (set_reuse.go).
	freshSet   *Set
	setPool    setPool
	yielded    Val            // the value of the yield that returned errYield
	nest       int            // depth of recursion through nested containers
	pending    error          // an error raised inside repr/str/== of an instance, reported after the operation
	bi         map[string]Val // the builtins
	tmpA, tmpB big.Int        // scratch for small operands of big-int arithmetic
	bufA, bufB [1]big.Word
	frames     []frame   // frames[d] is the frame at call depth d: no allocation per call
	jit        *jitState // tier 2, when enabled
	// hot is the back-edge count at which onHot is called: the JIT's
	// threshold, never when there is no JIT, and at once after Ctrl-C.
	hot      atomic.Uint32
	sigint   atomic.Bool           // Ctrl-C arrived: raise KeyboardInterrupt at the next back-edge
	asyncErr atomic.Pointer[PyErr] // raised in place of KeyboardInterrupt when sigint is set (watchHeap's MemoryError)
	stdin    *bufio.Reader         // input() reads here (Config.Stdin)
	// typeObjs are the type objects type() made for types without a
	// builtin name, one per type so that type(a) is type(b) holds.
	typeObjs *typeCache
	// Threads (threads.go): what the run's threads share, the thread this
	// VM runs (nil on the main thread), a thread's own back-edge counters
	// (nil on the main thread: Code.counters), and the end of the run
	// reaching a daemon thread.
	rt     *runState
	thread *threadState
	ctr    [][]uint32 // by Code.tix
	// ctrCo and ctrLast are the last code threadCounters looked up and
	// its counters: a generator resumed item after item finds them here
	// without a call.
	ctrCo      *Code
	ctrLast    []uint32
	loops      map[*Code][]*loopTrace // a thread's own loop traces
	exiting    atomic.Bool
	cachedProp *Class // functools.cached_property, once used
	// pylibNS is each library module's namespace by its code's file name
	// (a function's __globals__).
	pylibNS map[string]*Dict
	// moduleCells, when set, asks the next runInNamespace for the cells
	// of the module-level names its functions capture (modules_py.go).
	moduleCells map[string]*Cell
	// moduleRunning, when set, asks the next runInNamespace to show the
	// frame it runs as that module's names while it runs
	// (module_partial.go).
	moduleRunning *Module
	// moduleFree, when set, asks the next compileSource to give the free
	// names of the module it compiles slots of that module's own.
	moduleFree *moduleFree
	// srcLines are the source lines of the program's own modules, by
	// file name, for tracebacks.
	srcLines    map[string][]string
	progMods    map[string]*progModule // the program's own modules by name (modules_prog.go)
	templateCls *Class                 // string.Template, once used
	templatePy  *Module                // pylib/string_template.py, for Template subclasses with their own pattern
	weakReap    Val                    // weakref's callback runner (weakref.go), once imported
	// context is the thread's current contextvars.Context (None until
	// the program asks for one): each thread has its own.
	context Val
	// mt: the run has started a thread, shared objects take their locks
	// (objlock.go). Read it through threaded.
	mt bool
	// seqHeld are the lists whose sequence words the thread holds
	// (objlock.go's seqLock), innermost last.
	seqHeld []*List
	// fresh: temporary lists whose arrays may be reused (fresh.go).
	fresh freshLists
	// fbig: temporary big ints whose digits may be reused (fresh_big.go).
	fbig freshBigs
	// callingOut is set while a trace's call-out runs one instruction
	// (execOne): private ints are neither marked nor recycled there.
	callingOut bool
	// stripChars is the last ASCII argument of strip/lstrip/rstrip and
	// stripSet its characters (methods_fast.go).
	stripChars *Str
	stripSet   [256]bool
	// words are the short strs strip and lower share (wordcache.go).
	words *wordCache
	// extraFrame is the frame whose built-in method callExtraAt or
	// extraArgs is calling, while it runs; splitNote is the list split
	// made for the loop whose GET_ITER is splitSite, and splitPool keeps
	// such lists once their loops finish (split_reuse.go).
	extraFrame *frame
	splitNote  *List
	splitSite  *Instr
	splitPool  splitPool
}

// run executes a frame until it returns or raises.
func (vm *VM) run(f *frame) (ret Val, err error) { return vm.runAt(f, 0) }

// hotBackEdge is a taken backward jump before pc, to target, whose counter
// reached the threshold: it returns where the interpreter goes on, target
// or where the loop's trace left (with the exception an inlined call in it
// raised).
func (vm *VM) hotBackEdge(f *frame, pc, target int) (int, error) {
	if to, err, ok := vm.onHot(f, pc-1, target); ok {
		return to, err
	}
	return target, nil
}

// untracedBackEdge counts a taken back-edge of a loop the JIT does not
// trace (a generator's, a tuple's, zip's): counted only so that Ctrl-C,
// which zeroes the threshold, reaches the loop. True when an interrupt is
// pending.
func (vm *VM) untracedBackEdge(c *uint32) bool {
	if *c++; *c < vm.hot.Load() {
		return false
	}
	*c = 0
	return vm.sigint.Load()
}

// runAt executes a frame from pc (a generator's from where it stopped).
//
// Nothing the loop keeps in locals changes from one instruction to the
// next but pc: the slots (regs, objs) are reloaded only where a
// generator's frame may have moved, and err lives for one instruction. Go
// spills a value that changes around its loop at the loop's head, so each
// of those was a store per instruction dispatched. Operands index the
// slots as uint32: Go folds that load into one instruction with its
// address, where an int32's sign extension took three.
func (vm *VM) runAt(f *frame, pc int) (Val, error) {
	co := f.code
	code := co.instrs
	// vm.counters by hand: runAt is too big for Go to inline it.
	counters := co.counters
	if threadChecks && vm.ctr != nil {
		counters = vm.counters(co)
	}
	if g := f.gen; g != nil && g.started {
		// Resume after the last yield, raising there what close throws.
		pc = int(g.pc)
		// (A yield from passes it on to its subiterator itself.)
		if t := g.throw; t != nil && code[pc].Op != opYieldFromSend {
			g.throw = nil
			var err error
			if pc, err = vm.except(f, pc, t); err != nil {
				return Val{}, err
			}
		}
	}
relift:
	regs, objs := f.regs, f.objs
	for {
		var err error
		in := &code[pc]
		pc++
	dispatch:
		switch in.Op {
		case opMove:
			r := regs[uint32(in.B)]
			if r.Tag == tagEmpty {
				err = f.unbound(in.B)
				break
			}
			if in.E != 0 {
				vm.movePrivate(f, in) // fresh.go
			}
			regs[uint32(in.A)] = r
			objs[uint32(in.A)] = objs[uint32(in.B)]
			continue
		case opAdd:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt {
				a, b := int64(x.Bits), int64(y.Bits)
				s := a + b
				if (a^s)&(b^s) >= 0 {
					regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(s)}
					continue
				}
			} else if x.Tag == tagFloat && y.Tag == tagFloat {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(math.Float64frombits(x.Bits) + math.Float64frombits(y.Bits))}
				continue
			}
		case opSub:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt {
				a, b := int64(x.Bits), int64(y.Bits)
				s := a - b
				if (a^b)&(a^s) >= 0 {
					regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(s)}
					continue
				}
			} else if x.Tag == tagFloat && y.Tag == tagFloat {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(math.Float64frombits(x.Bits) - math.Float64frombits(y.Bits))}
				continue
			}
		case opMul:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt {
				if p, ok := mul64(int64(x.Bits), int64(y.Bits)); ok {
					regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(p)}
					continue
				}
			} else if x.Tag == tagFloat && y.Tag == tagFloat {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(math.Float64frombits(x.Bits) * math.Float64frombits(y.Bits))}
				continue
			} else if x.Tag == tagFloat && y.Tag == tagInt {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(math.Float64frombits(x.Bits) * float64(int64(y.Bits)))}
				continue
			} else if x.Tag == tagInt && y.Tag == tagFloat {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(float64(int64(x.Bits)) * math.Float64frombits(y.Bits))}
				continue
			}
		case opTrueDiv:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagFloat && y.Tag == tagFloat && y.Bits<<1 != 0 {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(math.Float64frombits(x.Bits) / math.Float64frombits(y.Bits))}
				continue
			}
			if x.Tag == tagInt && y.Tag == tagFloat && y.Bits<<1 != 0 {
				// (An int64 converts correctly rounded, as CPython's int to float.)
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(float64(int64(x.Bits)) / math.Float64frombits(y.Bits))}
				continue
			}
			if x.Tag == tagFloat && y.Tag == tagInt && y.Bits != 0 {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(math.Float64frombits(x.Bits) / float64(int64(y.Bits)))}
				continue
			}
			if x.Tag == tagInt && y.Tag == tagInt && y.Bits != 0 {
				// Exact when both fit a float64 mantissa, as CPython's int/int is.
				a, b := int64(x.Bits), int64(y.Bits)
				if a > -1<<53 && a < 1<<53 && b > -1<<53 && b < 1<<53 {
					regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: math.Float64bits(float64(a) / float64(b))}
					continue
				}
			}
		case opFloorDiv:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt && int64(y.Bits) > 0 {
				regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(floorDiv(int64(x.Bits), int64(y.Bits)))}
				continue
			}
		case opMod:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt && int64(y.Bits) > 0 {
				regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(floorMod(int64(x.Bits), int64(y.Bits)))}
				continue
			}
		case opNeg:
			x := regs[uint32(in.B)]
			if x.Tag == tagInt && int64(x.Bits) != math.MinInt64 {
				regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(-int64(x.Bits))}
				continue
			} else if x.Tag == tagFloat {
				regs[uint32(in.A)] = templates.Value{Tag: tagFloat, Bits: x.Bits ^ (1 << 63)}
				continue
			}
			f.pc = int32(pc)
			if err = vm.slow(f, in); err == nil {
				continue
			}
		case opRshift:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt && y.Bits < 64 {
				regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(int64(x.Bits) >> y.Bits)}
				continue
			}
		case opBitAnd:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt {
				regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: x.Bits & y.Bits}
				continue
			}
		case opBitOr:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt {
				regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: x.Bits | y.Bits}
				continue
			}
		case opBitXor:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt {
				regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: x.Bits ^ y.Bits}
				continue
			}
		case opLshift:
			// Exact when shifting back gives x again (no bit or sign lost).
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt && y.Bits < 63 {
				if r := int64(x.Bits) << y.Bits; r>>y.Bits == int64(x.Bits) {
					regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(r)}
					continue
				}
			}
		case opLt, opLe, opGt, opGe, opEq, opNe:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagInt && y.Tag == tagInt {
				a, b := int64(x.Bits), int64(y.Bits)
				regs[uint32(in.A)] = templates.Value{Tag: tagBool, Bits: b2u(answer(in.D, b2u(a == b)+b2u(a > b)*2))}
				continue
			} else if x.Tag == tagFloat && y.Tag == tagFloat {
				// A chained comparison's first half (-EPS < d < EPS): no
				// fused jump to take it.
				a, b := math.Float64frombits(x.Bits), math.Float64frombits(y.Bits)
				regs[uint32(in.A)] = templates.Value{Tag: tagBool, Bits: b2u(answer(in.D, b2u(a == b)+b2u(a > b)*2+b2u(a != a || b != b)*3))}
				continue
			} else if in.D == eqAnswers || in.D == neAnswers {
				if eq, ok := strEq(x, y, objs[uint32(in.B)], objs[uint32(in.C)]); ok {
					regs[uint32(in.A)] = templates.Value{Tag: tagBool, Bits: b2u(answer(in.D, strOutcome(eq)))}
					continue
				}
			}
		case opIs, opIsNot:
			// x is y (w.output is c.output, x is None): cmpOp's
			// identity, without the generic path.
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag != tagEmpty && y.Tag != tagEmpty {
				same := x.Tag == y.Tag && (x.Tag != tagObject && x.Bits == y.Bits || x.Tag == tagObject && objs[uint32(in.B)] == objs[uint32(in.C)])
				regs[uint32(in.A)] = templates.Value{Tag: tagBool, Bits: b2u(same == (in.D != 0))}
				continue
			}
		case opJumpIfNotLt, opJumpIfNotLe, opJumpIfNotGt, opJumpIfNotGe, opJumpIfNotEq, opJumpIfNotNe:
			x, y := regs[uint32(in.A)], regs[uint32(in.B)]
			var r bool
			if x.Tag == tagInt && y.Tag == tagInt {
				a, b := int64(x.Bits), int64(y.Bits)
				r = answer(in.D, b2u(a == b)+b2u(a > b)*2)
			} else if x.Tag == tagFloat && y.Tag == tagFloat {
				a, b := math.Float64frombits(x.Bits), math.Float64frombits(y.Bits)
				r = answer(in.D, b2u(a == b)+b2u(a > b)*2+b2u(a != a || b != b)*3)
			} else if eq, ok := strEq(x, y, objs[uint32(in.A)], objs[uint32(in.B)]); ok && (in.D == eqAnswers || in.D == neAnswers) {
				r = answer(in.D, strOutcome(eq)) // grid[y][x] == "."
			} else {
				var v Val
				v, err = vm.cmpOp(f, answersOp(in.D), in.A, in.B)
				if err != nil {
					break
				}
				r = truthy(v)
				if err = vm.takePending(); err != nil {
					break
				}
			}
			if !r {
				pc = int(in.C)
			}
			continue
		case opJumpIfLt, opJumpIfLe, opJumpIfGt, opJumpIfGe, opJumpIfEq, opJumpIfNe:
			// Used at the bottom of while loops: a taken backward jump is a back-edge.
			x, y := regs[uint32(in.A)], regs[uint32(in.B)]
			var r bool
			if x.Tag == tagInt && y.Tag == tagInt {
				a, b := int64(x.Bits), int64(y.Bits)
				r = answer(in.D, b2u(a == b)+b2u(a > b)*2)
			} else if x.Tag == tagFloat && y.Tag == tagFloat {
				a, b := math.Float64frombits(x.Bits), math.Float64frombits(y.Bits)
				r = answer(in.D, b2u(a == b)+b2u(a > b)*2+b2u(a != a || b != b)*3)
			} else if eq, ok := strEq(x, y, objs[uint32(in.A)], objs[uint32(in.B)]); ok && (in.D == eqAnswers || in.D == neAnswers) {
				r = answer(in.D, strOutcome(eq))
			} else {
				var v Val
				v, err = vm.cmpOp(f, answersOp(in.D), in.A, in.B)
				if err != nil {
					break
				}
				r = truthy(v)
				if err = vm.takePending(); err != nil {
					break
				}
			}
			if r {
				if int(in.C) < pc {
					if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
						pc, err = vm.hotBackEdge(f, pc, int(in.C))
						if err != nil {
							break
						}
						if f.gen != nil {
							goto relift // its frame may have been lifted (gen_lift.go)
						}
						continue
					}
				}
				pc = int(in.C)
			}
			continue
		case opJump:
			pc = int(in.A)
			continue
		case opJumpBack:
			if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
				pc, err = vm.hotBackEdge(f, pc, int(in.A))
				if err != nil {
					break
				}
				if f.gen != nil {
					goto relift // its frame may have been lifted (gen_lift.go)
				}
				continue
			}
			pc = int(in.A)
			continue
		case opJumpIfFalse:
			r := regs[uint32(in.A)]
			if r.Tag == tagBool {
				if r.Bits == 0 {
					if int(in.B) < pc {
						if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
							pc, err = vm.hotBackEdge(f, pc, int(in.B))
							if err != nil {
								break
							}
							if f.gen != nil {
								goto relift // its frame may have been lifted (gen_lift.go)
							}
							continue
						}
					}
					pc = int(in.B)
				}
				continue
			}
			var v Val
			if v, err = f.load(in.A); err != nil {
				break
			}
			f.pc = int32(pc) // __bool__ or __len__ may run: the line is this
			t := truthy(v)
			if err = vm.takePending(); err != nil {
				break // raised by __bool__ or __len__
			}
			if !t {
				if int(in.B) < pc {
					if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
						pc, err = vm.hotBackEdge(f, pc, int(in.B))
						if err != nil {
							break
						}
						if f.gen != nil {
							goto relift // its frame may have been lifted (gen_lift.go)
						}
						continue
					}
				}
				pc = int(in.B)
			}
			continue
		case opJumpIfTrue:
			r := regs[uint32(in.A)]
			if r.Tag == tagBool {
				if r.Bits != 0 {
					if int(in.B) < pc {
						if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
							pc, err = vm.hotBackEdge(f, pc, int(in.B))
							if err != nil {
								break
							}
							if f.gen != nil {
								goto relift // its frame may have been lifted (gen_lift.go)
							}
							continue
						}
					}
					pc = int(in.B)
				}
				continue
			}
			var v Val
			if v, err = f.load(in.A); err != nil {
				break
			}
			f.pc = int32(pc) // __bool__ or __len__ may run: the line is this
			t := truthy(v)
			if err = vm.takePending(); err != nil {
				break // raised by __bool__ or __len__
			}
			if t {
				if int(in.B) < pc {
					if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
						pc, err = vm.hotBackEdge(f, pc, int(in.B))
						if err != nil {
							break
						}
						if f.gen != nil {
							goto relift // its frame may have been lifted (gen_lift.go)
						}
						continue
					}
				}
				pc = int(in.B)
			}
			continue
		case opForRange:
			// The loop's back-edge: the next int into B and back to the
			// body at C, counting the iteration; fall through when done.
			c := regs[uint32(in.A)]
			if c.Tag == tagInt {
				i := int64(c.Bits)
				step := int64(regs[uint32(in.E)].Bits)
				stop := int64(regs[uint32(in.D)].Bits)
				if (step > 0 && i < stop) || (step < 0 && i > stop) {
					regs[uint32(in.B)] = templates.Value{Tag: tagInt, Bits: uint64(i)}
					regs[uint32(in.A)].Bits = uint64(i + step)
					if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
						pc, err = vm.hotBackEdge(f, pc, int(in.C))
						if err != nil {
							break
						}
						if f.gen != nil {
							goto relift // its frame may have been lifted (gen_lift.go)
						}
						continue
					}
					pc = int(in.C)
				}
				continue
			}
			var v Val
			var ok bool
			v, ok, err = vm.next(objs[uint32(in.A)])
			if err != nil {
				break
			}
			if ok {
				f.set(in.B, v)
				counters[pc-1]++
				pc = int(in.C)
			}
			continue
		case opForIter:
			var v Val
			var ok bool
			// A list's items first, by one comparison: a type switch
			// costs a search over its cases' type hashes.
			if it, isList := objs[uint32(in.A)].(*listIter); isList {
				if vm.threaded() {
					goto nextItem // the list is shared: vm.next locks it
				}
				if l := it.l; it.i < len(l.vals) {
					// (in.D first: the UNPACK's address and bounds check
					// cost every other list loop an iteration.)
					if in.D == forUnpacks && l.objs != nil && code[in.C].Op == opUnpack && code[in.C].B == in.B && code[in.C].D < 0 && f.code.isTemp(in.B) {
						u := &code[in.C]
						// for u, v in edges: a tuple's items straight
						// into the UNPACK's targets, as its fast path
						// would put them, while the loop is not hot
						// (the JIT sees both instructions run).
						if t, isTuple := l.objs[it.i].(*Tuple); isTuple && l.vals[it.i].Tag == tagObject &&
							int(u.C) == len(t.items) && counters[pc-1]+1 < vm.hot.Load() {
							for i := range t.items {
								x := &t.items[i]
								regs[u.A+int32(i)] = templates.Value{Tag: x.T, Bits: x.B}
								objs[u.A+int32(i)] = x.O
							}
							it.i++
							counters[pc-1]++
							pc = int(in.C) + 1
							continue
						}
					}
					regs[uint32(in.B)] = l.vals[it.i]
					if l.objs != nil {
						objs[uint32(in.B)] = l.objs[it.i]
					}
					it.i++
					if counters[pc-1]++; counters[pc-1] >= vm.hot.Load() {
						pc, err = vm.hotBackEdge(f, pc, int(in.C))
						if err != nil {
							break dispatch
						}
						if f.gen != nil {
							goto relift // its frame may have been lifted (gen_lift.go)
						}
						continue
					}
					pc = int(in.C)
				} else {
					it.exhaust()
					if it.owned {
						vm.doneListIter(f, in.A, it)
					}
				}
				continue
			}
			switch it := objs[uint32(in.A)].(type) {
			case *rangeIter:
				if (it.step > 0 && it.i < it.stop) || (it.step < 0 && it.i > it.stop) {
					regs[uint32(in.B)] = templates.Value{Tag: tagInt, Bits: uint64(it.i)}
					it.i += it.step
					// Not traced, but counted, so that Ctrl-C (which
					// zeroes the threshold) reaches the loop.
					if vm.untracedBackEdge(&counters[pc-1]) {
						if err = vm.keyboardInterrupt(); err != nil {
							break dispatch
						}
					}
					pc = int(in.C)
				}
				continue
			case *Generator:
				// Straight to the generator: no vm.next and nextItem
				// dispatch per item (a generator locks nothing).
				if v, ok, err = it.nextItem(vm); err != nil {
					break dispatch
				}
				if ok {
					f.set(in.B, v)
					if vm.untracedBackEdge(&counters[pc-1]) {
						if err = vm.keyboardInterrupt(); err != nil {
							break dispatch
						}
					}
					pc = int(in.C)
				} else if it.owned {
					vm.ownedDone(f, in.A, it)
				}
				continue
			case *seqIter:
				// A tuple's items: straight into the slot, as a list's.
				if it.i < len(it.items) {
					x := &it.items[it.i]
					regs[uint32(in.B)] = templates.Value{Tag: x.T, Bits: x.B}
					objs[uint32(in.B)] = x.O
					it.i++
					if vm.untracedBackEdge(&counters[pc-1]) {
						if err = vm.keyboardInterrupt(); err != nil {
							break dispatch
						}
					}
					pc = int(in.C)
				} else if it.owned && !vm.threaded() {
					vm.doneSeqIter(f, in.A, it)
				}
				continue
			case *funcIter, *dictIter:
				// for a, b in zip(...) / enumerate(...) / d.items(): no tuple.
				// Only when the item's slot is a temporary: `for t in z:
				// a, b = t` reads t later.
				if u := &code[in.C]; u.Op == opUnpack && u.B == in.B && u.C == 2 && u.D < 0 && f.code.isTemp(in.B) {
					var applicable bool
					if applicable, ok, err = vm.nextPair(f, it, u.A); err != nil {
						break dispatch
					}
					if applicable {
						if ok {
							if vm.untracedBackEdge(&counters[pc-1]) {
								if err = vm.keyboardInterrupt(); err != nil {
									break dispatch
								}
							}
							pc = int(in.C) + 1
						}
						continue
					}
				}
			}
		nextItem:
			v, ok, err = vm.next(objs[uint32(in.A)])
			if err != nil {
				break
			}
			if ok {
				f.set(in.B, v)
				if vm.untracedBackEdge(&counters[pc-1]) {
					if err = vm.keyboardInterrupt(); err != nil {
						break dispatch
					}
				}
				pc = int(in.C)
			}
			continue
		case opUnpack:
			// a, b = t of an exact tuple of the right length (a heap
			// entry, an edge): its items straight into the slots.
			if t, ok := objs[uint32(in.B)].(*Tuple); ok && in.D < 0 && regs[uint32(in.B)].Tag == tagObject && len(t.items) == int(in.C) {
				for i := range t.items {
					x := &t.items[i]
					regs[in.A+int32(i)] = templates.Value{Tag: x.T, Bits: x.B}
					objs[in.A+int32(i)] = x.O
				}
				continue
			}
			f.pc = int32(pc)
			if err = vm.slow(f, in); err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		case opYield:
			// Suspend here: next() resumes at pc with None in slot A
			// (send() puts its argument there).
			if g := f.gen; g != nil && g.sink == nil && regs[uint32(in.B)].Tag != tagEmpty {
				v := Val{T: regs[uint32(in.B)].Tag, B: regs[uint32(in.B)].Bits}
				if v.T == tagObject {
					v.O = objs[uint32(in.B)]
				}
				regs[uint32(in.A)] = templates.Value{Tag: tagNone}
				objs[uint32(in.A)] = nil
				g.sent, g.pc = in.A, int32(pc)
				g.yf = nil
				if next := &code[pc]; next.Op == opYieldFromSend && next.C == in.A && regs[next.B].Tag == tagObject {
					// The yield of a yield from: the next resumption
					// can go straight to the subgenerator (resumeChain).
					g.yf, _ = objs[next.B].(*Generator)
				}
				return v, errYield
			}
			if vm.sinkYieldAt(f, in) {
				continue // taken: on as resumed (gen_sink.go)
			}
			err = vm.slowOp(f, in)
		case opGetItem:
			x, y := regs[uint32(in.B)], regs[uint32(in.C)]
			if x.Tag == tagObject && y.Tag == tagInt && !vm.threaded() {
				if l, ok := objs[uint32(in.B)].(*List); ok {
					i := int64(y.Bits)
					if i < 0 {
						i += int64(len(l.vals))
					}
					if uint64(i) < uint64(len(l.vals)) {
						regs[uint32(in.A)] = l.vals[i]
						if l.objs != nil {
							objs[uint32(in.A)] = l.objs[i]
						}
						continue
					}
					if l.pk != nil { // packed.go
						if v, ok := packedLoad(l, int64(y.Bits)); ok {
							regs[uint32(in.A)] = v
							continue
						}
					}
				} else if t, ok := objs[uint32(in.B)].(*Tuple); ok {
					i := int64(y.Bits)
					if i < 0 {
						i += int64(len(t.items))
					}
					if uint64(i) < uint64(len(t.items)) {
						x := &t.items[i]
						regs[uint32(in.A)] = templates.Value{Tag: x.T, Bits: x.B}
						objs[uint32(in.A)] = x.O
						continue
					}
				} else if s, ok := objs[uint32(in.B)].(*Str); ok && s.kind == 1 {
					// A character of an ASCII str: one of the shared
					// one-character strs.
					i := int64(y.Bits)
					if i < 0 {
						i += int64(len(s.s))
					}
					if uint64(i) < uint64(len(s.s)) {
						c := s.s[i]
						regs[uint32(in.A)] = templates.Value{Tag: tagObject, Bits: charBits[c]}
						objs[uint32(in.A)] = charObjs[c]
						continue
					}
				}
			} else if x.Tag == tagObject && y.Tag == tagInt {
				if l, ok := objs[uint32(in.B)].(*List); ok && vm.listLoad(f, in.A, l, int64(y.Bits)) {
					continue
				}
			}
			if d, ok := objs[uint32(in.B)].(*Dict); ok && x.Tag == tagObject && y.Tag != tagEmpty && !vm.threaded() {
				// A key that is there; a missing one takes the generic path.
				var v Val
				var found bool
				if y.Tag == tagInt {
					if v, found = d.getInt(y.Bits); found {
						f.set(in.A, v)
						continue
					}
				} else if v, found, err = d.get(f.get(in.C)); err != nil {
					break
				}
				if found {
					f.set(in.A, v)
					continue
				}
			}
		case opSetItem:
			x, y := regs[uint32(in.A)], regs[uint32(in.B)]
			if x.Tag == tagObject && y.Tag == tagInt && regs[uint32(in.C)].Tag != tagEmpty && !vm.threaded() {
				if l, ok := objs[uint32(in.A)].(*List); ok {
					i := int64(y.Bits)
					if i < 0 {
						i += int64(len(l.vals))
					}
					if uint64(i) < uint64(len(l.vals)) {
						r := regs[uint32(in.C)]
						if r.Tag != tagObject && l.objs == nil {
							l.vals[i] = r
							continue
						}
						l.setAt(int(i), f.get(in.C))
						continue
					}
					if l.pk != nil && packedStore(l, int64(y.Bits), regs[uint32(in.C)]) { // packed.go
						continue
					}
				}
			} else if x.Tag == tagObject && y.Tag == tagInt && regs[uint32(in.C)].Tag != tagEmpty {
				if l, ok := objs[uint32(in.A)].(*List); ok && vm.listStore(l, int64(y.Bits), f.get(in.C)) {
					continue
				}
			}
			if d, ok := objs[uint32(in.A)].(*Dict); ok && x.Tag == tagObject && y.Tag != tagEmpty && regs[uint32(in.C)].Tag != tagEmpty && !vm.threaded() {
				if y.Tag == tagInt {
					err = d.setInt(y.Bits, f.get(in.C))
				} else {
					err = d.set(f.get(in.B), f.get(in.C))
				}
				if err != nil {
					break
				}
				continue
			}
		case opIn, opNotIn:
			// `d in cell` over a set of ints, a constraint solver's inner
			// loop, probes here; other containers go to opContains
			// straight (slowOp's switch is a cost at this rate).
			if !vm.threaded() && regs[uint32(in.C)].Tag == tagObject {
				if regs[uint32(in.B)].Tag == tagInt {
					b := regs[uint32(in.B)].Bits
					found, ok := false, true
					switch c := objs[uint32(in.C)].(type) {
					case *Set:
						found = c.findInt(Val{T: tagInt, B: b}, pyIntHash(int64(b))) >= 0
					case *Dict:
						found = c.findInt(b, pyIntHash(int64(b))) >= 0
					default:
						ok = false
					}
					if ok {
						r := found == (in.D != 0)
						regs[uint32(in.A)] = templates.Value{Tag: tagBool, Bits: b2u(r)}
						// `if d in cell:` and a comprehension's filter:
						// the jump on the result taken here, its
						// dispatch saved (forward only: a backward one
						// counts its back-edge).
						if nx := &code[pc]; nx.Op == opJumpIfFalse && nx.A == in.A && int(nx.B) > pc {
							pc++
							if !r {
								pc = int(nx.B)
							}
						}
						continue
					}
				}
				err = vm.opContains(f, in)
			} else if vm.threaded() {
				err = vm.lockedOp(f, in, (*VM).slowOp)
			} else {
				err = vm.slowOp(f, in)
			}
			if err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		case opLoadGlobal:
			var g Val
			if vm.mod.boxes == nil {
				g = vm.mod.globals[uint32(in.B)]
			} else {
				g = vm.mod.load(in.B)
			}
			if g.T != tagEmpty {
				regs[uint32(in.A)] = templates.Value{Tag: g.T, Bits: g.B}
				objs[uint32(in.A)] = g.O
				continue
			}
			if g, err = vm.unboundGlobal(f, in.B); err == nil {
				regs[uint32(in.A)] = templates.Value{Tag: g.T, Bits: g.B}
				objs[uint32(in.A)] = g.O
				continue
			}
		case opStoreGlobal:
			var v Val
			if v, err = f.load(in.B); err != nil {
				break
			}
			vm.mod.store(in.A, v)
			continue
		case opReturn:
			if f.exit != nil {
				f.exit.line = f.code.lines[pc-1]
				if f.exit.keep {
					f.exit.locals = vm.frameLocals(f) // f_locals after the return
				}
			}
			// f.load inline: every Python call ends here.
			if r := regs[uint32(in.A)]; r.Tag == tagObject {
				v := Val{T: r.Tag, B: r.Bits, O: objs[uint32(in.A)]}
				if in.E&privIntA != 0 {
					unmarkBig(v) // the caller may keep it (private_int.go)
				}
				return v, nil
			} else if r.Tag != tagEmpty {
				return Val{T: r.Tag, B: r.Bits}, nil
			}
			err = f.unbound(in.A)
		case opCall:
			if in.E&(lenFreshArg|freshSetA|lenPrivArg|convPrivArg|revPrivArg) != 0 {
				if in.E&lenPrivArg != 0 && vm.lenOfPrivate(f, in) {
					continue // len(a) of a private local (fresh.go)
				}
				if in.E&convPrivArg != 0 {
					vm.convOfPrivate(f, in) // tuple(a) (fresh_conv.go)
				}
				if in.E&revPrivArg != 0 {
					vm.reversedOfPrivate(f, in)
				}
				if in.E&lenFreshArg != 0 {
					// len(set(...)): the set dies here (set_reuse.go).
					if b, ok := objs[uint32(in.B)].(*Builtin); ok && regs[uint32(in.B)].Tag == tagObject && b.isLen && in.C == 1 && vm.lenOfFreshSet(f, in) {
						continue
					}
					vm.freshSet = nil
				} else if in.E&freshSetA != 0 {
					vm.freshSet = nil
				}
			}
			if in.E&ownedArg != 0 && !vm.threaded() {
				// sum(x for x in ...) and the like: the generator
				// expression is recycled once the call has used it up.
				var done bool
				if done, err = vm.callConsumer(f, in); done {
					if err == nil {
						if err = vm.takePending(); err == nil {
							continue
						}
					}
					break
				}
			}
			fnv := objs[uint32(in.B)]
			if fn, ok := fnv.(*Function); ok && in.D < 0 && regs[uint32(in.B)].Tag == tagObject && (fn.code.plainCall == in.C+1 || directArity(fn, int(in.C))) {
				// Fast path: positional call of plain parameters, the
				// rest from their defaults.
				var v Val
				if v, err = vm.callDirect(f, fn, in.B+1, in.C, pc); err != nil {
					break
				}
				regs[uint32(in.A)] = templates.Value{Tag: v.T, Bits: v.B}
				objs[uint32(in.A)] = v.O
				continue
			}
			if fn, ok := fnv.(*Function); ok && in.D < 0 && regs[uint32(in.B)].Tag == tagObject && fn.code.isGenerator && fn.code.simple && int(in.C) == fn.code.nparams {
				// A generator function (or expression) called with
				// exactly its parameters.
				var v Val
				f.pc = int32(pc)
				if v, err = vm.newGeneratorDirect(f, fn, in.B+1, in.C); err != nil {
					break
				}
				if in.E&ownedA != 0 && !vm.threaded() {
					v.O.(*Generator).owned = true
				}
				regs[uint32(in.A)] = templates.Value{Tag: v.T, Bits: v.B}
				objs[uint32(in.A)] = v.O
				continue
			}
			if b, ok := fnv.(*Builtin); ok && in.D < 0 && regs[uint32(in.B)].Tag == tagObject && !vm.threaded() {
				if b.isLen && in.C == 1 && regs[uint32(in.B+1)].Tag == tagObject {
					// len(x) of a built-in container: no call at all.
					if n, ok := lenOf(objs[uint32(in.B+1)]); ok {
						regs[uint32(in.A)] = templates.Value{Tag: tagInt, Bits: uint64(n)}
						continue
					}
				}
				if b.isInstance && in.C == 2 && regs[uint32(in.B+1)].Tag == tagObject && regs[uint32(in.B+2)].Tag == tagObject {
					// isinstance(obj, C): no call either.
					if r, ok := isinstanceFast(objs[uint32(in.B+1)], objs[uint32(in.B+2)]); ok {
						regs[uint32(in.A)] = templates.Value{Tag: tagBool, Bits: r}
						continue
					}
				}
				// A built-in function (isinstance, len, min ...): no
				// generic call in between.
				f.pc = int32(pc)
				if err = vm.callBuiltinDirect(f, in, b); err == nil {
					if err = vm.takePending(); err == nil {
						continue
					}
				}
				break
			}
			if t, ok := fnv.(*typeObj); ok && in.D < 0 && regs[uint32(in.B)].Tag == tagObject && !vm.threaded() {
				if t.reversed && in.E&ownedA != 0 && in.C == 1 && regs[uint32(in.B+1)].Tag == tagObject {
					// for x in reversed(xs): a pooled iterator
					// (fresh_reversed.go).
					if o := vm.loopReversed(objs[uint32(in.B+1)]); o != nil {
						regs[uint32(in.A)] = templates.Value{Tag: tagObject}
						objs[uint32(in.A)] = o
						continue
					}
				}
				if t.isSet && in.C <= 1 {
					// set() and set(s) of a set: no argument stack, no call.
					var s *Set
					if in.C == 0 {
						s = newSet()
					} else if src, isSet := objs[uint32(in.B+1)].(*Set); isSet && regs[uint32(in.B+1)].Tag == tagObject {
						s = newSet()
						if err = s.merge(src); err != nil {
							break
						}
					}
					if s != nil {
						regs[uint32(in.A)] = templates.Value{Tag: tagObject}
						objs[uint32(in.A)] = s
						continue
					}
				}
				if t.enumerate && in.E&ownedA != 0 && in.C == 1 && regs[uint32(in.B+1)].Tag != tagEmpty {
					// for i, x in enumerate(xs): a pooled iterator
					// (loop_enumerate.go).
					f.pc = int32(pc)
					var o Object
					if o, err = vm.loopEnumerate(f.get(in.B + 1)); err != nil {
						break
					}
					regs[uint32(in.A)] = templates.Value{Tag: tagObject}
					objs[uint32(in.A)] = o
					continue
				}
				if t.conv != 0 && in.C == 1 && regs[uint32(in.B+1)].Tag == tagObject {
					if in.E&convPrivA != 0 && t.conv == convList && vm.listIntoPrivate(f, in.A, objs[uint32(in.B+1)]) {
						continue // into a private local (fresh_conv.go)
					}
					// list(t), tuple(l): no argument stack, no call.
					if o := typeConvDirect(t.conv, objs[uint32(in.B+1)]); o != nil {
						// (ObjVal's bits: with bits 0 a trace could
						// not read the list or tuple made here.)
						v := ObjVal(o)
						regs[uint32(in.A)] = templates.Value{Tag: v.T, Bits: v.B}
						objs[uint32(in.A)] = o
						continue
					}
				}
				// list(row), int(s), zip(a, b) ...: a built-in type
				// called as a built-in function is.
				f.pc = int32(pc)
				if err = vm.callSlotArgs(f, in, t.fn); err == nil {
					if err = vm.takePending(); err == nil {
						continue
					}
				}
				break
			}
			if cls, ok := fnv.(*Class); ok && in.D < 0 && regs[uint32(in.B)].Tag == tagObject && !vm.threaded() {
				// A class whose __init__ takes exactly the arguments.
				var v Val
				f.pc = int32(pc)
				if v, ok, err = vm.newInstanceDirect(f, cls, in.B+1, in.C); ok {
					if err != nil {
						break
					}
					regs[uint32(in.A)] = templates.Value{Tag: v.T, Bits: v.B}
					objs[uint32(in.A)] = v.O
					continue
				}
			}
			f.pc = int32(pc)
			if vm.threaded() {
				err = vm.lockedOp(f, in, (*VM).opCall)
			} else {
				err = vm.opCall(f, in)
			}
			if err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		case opCallMethod:
			// self.m(...) of a plain function its site has seen, with
			// exactly its parameters: self and the arguments are already
			// in consecutive slots.
			if x, ok := objs[uint32(in.B)].(*Instance); ok && in.E < 0 && regs[uint32(in.B)].Tag == tagObject {
				// The first way and a function taking exactly self and
				// the arguments are tested here, as opGetAttr's first
				// way is: a call each for lookup and directArity cost
				// more than their tests.
				c := f.code.caches[pc-1].Load()
				var e *cacheEntry
				if vm.threaded() {
					e = vm.lookup(c, x)
				} else if c != nil && c.n > 0 {
					if w := &c.ways[0]; w.shape == x.shape && w.version == x.cls.version.Load() {
						e = w
					} else {
						e = c.lookup(x) // the other ways, unlocked
					}
				}
				if e != nil && e.kind == cacheMethod {
					if fn := e.val.O.(*Function); fn.code.nparams == int(in.C)+1 && fn.code.simple && !fn.code.isGenerator || directArity(fn, int(in.C)+1) {
						var v Val
						if v, err = vm.callDirect(f, fn, in.B, in.C+1, pc); err != nil {
							break
						}
						regs[uint32(in.A)] = templates.Value{Tag: v.T, Bits: v.B}
						objs[uint32(in.A)] = v.O
						continue
					}
				}
			} else if c, isCls := objs[uint32(in.B)].(*Class); isCls && in.E < 0 && c.meta == nil && regs[uint32(in.B)].Tag == tagObject {
				// C.m(self, ...) of a plain function (a base's __init__
				// called by name): the class gives the function itself,
				// called with the arguments where they are.
				if fn := classFunc(c, f.code.names[in.D], int(in.C)); fn != nil {
					var v Val
					if v, err = vm.callDirect(f, fn, in.B+1, in.C, pc); err != nil {
						break
					}
					regs[uint32(in.A)] = templates.Value{Tag: v.T, Bits: v.B}
					objs[uint32(in.A)] = v.O
					continue
				}
			} else if !ok && in.E < 0 && regs[uint32(in.B)].Tag == tagObject && !vm.threaded() {
				if l, isList := objs[uint32(in.B)].(*List); isList && in.C == 1 && l.pk == nil && l.dqMax == 0 && f.code.names[in.D] == "append" {
					// xs.append(v), the commonest method call: no
					// argument stack, no site cache, no slow path.
					if err = listAppendAt(f, in, l); err == nil {
						continue
					}
					break
				}
				if st, isSet := objs[uint32(in.B)].(*Set); isSet && in.C == 1 && f.code.names[in.D] == "add" {
					var done bool
					if done, err = setAddIntAt(f, in, st); done {
						if err == nil {
							continue
						}
						break
					}
				}
				if m, isMod := objs[uint32(in.B)].(*Module); isMod {
					// math.sqrt(x) and the like (ops_call.go).
					f.pc = int32(pc)
					var done bool
					if done, err = vm.callModuleFunc(f, in, m, pc); done {
						if err == nil {
							if err = vm.takePending(); err == nil {
								continue
							}
						}
						break
					}
				}
				// A method of a built-in receiver with a fast path
				// (methods_fast.go), as its site remembers it.
				if fn := builtinExtraAt(f.code.caches[pc-1].Load(), objs[uint32(in.B)]); fn != nil {
					f.pc = int32(pc)
					if err = vm.callExtraAt(f, in, fn); err == nil {
						if err = vm.takePending(); err == nil {
							continue
						}
					}
					break
				}
			}
			f.pc = int32(pc)
			if err = vm.slow(f, in); err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		case opCallArgs:
			if !vm.threaded() {
				var v Val
				var done bool
				if v, done, err = vm.callArgs(f, in, pc); done {
					// Past the MOVEs and the call, as if they had run
					// (a raise is the call's).
					pc += int(in.A) + 1
					if err != nil {
						break
					}
					a := code[pc-1].A
					regs[a] = templates.Value{Tag: v.T, Bits: v.B}
					objs[a] = v.O
					continue
				}
			}
			continue
		case opCallSuper:
			// super().m(...) of a plain function with exactly its
			// parameters: self and the arguments are in consecutive slots,
			// as for self.m(...), and no super object is made.
			if fn := superTarget(f, in); fn != nil {
				var v Val
				if v, err = vm.callDirect(f, fn, in.B, in.C+1, pc); err != nil {
					break
				}
				regs[uint32(in.A)] = templates.Value{Tag: v.T, Bits: v.B}
				objs[uint32(in.A)] = v.O
				continue
			}
			f.pc = int32(pc)
			if err = vm.slow(f, in); err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		case opLoadCell:
			// A closure's variable (a generator expression's captured
			// local, read once per item): straight from its cell.
			if c, ok := objs[uint32(in.B)].(*Cell); ok && c.v.T != tagEmpty && !vm.threaded() {
				regs[uint32(in.A)] = templates.Value{Tag: c.v.T, Bits: c.v.B}
				objs[uint32(in.A)] = c.v.O
				continue
			}
			f.pc = int32(pc)
			if err = vm.slow(f, in); err == nil {
				continue
			}
		case opGetAttr:
			// An instance attribute its site has seen: no call at all.
			if x, ok := objs[uint32(in.B)].(*Instance); ok && regs[uint32(in.B)].Tag == tagObject && !vm.threaded() {
				// The first way, tested here: most sites see one shape,
				// and Go inlines next to nothing into a function this big.
				// (No test of c.n: an empty site's first way has no kind.)
				c := f.code.caches[pc-1].Load()
				if c != nil {
					if w := &c.ways[0]; w.shape == x.shape && w.kind == cacheSlot && w.version == x.cls.version.Load() {
						// The Go half only under an object's tag (a
						// frame's objs may be stale under others: get):
						// a number attribute skips its load, bounds
						// check and write barrier.
						r := x.vals[w.slot]
						regs[uint32(in.A)] = r
						if r.Tag == tagObject {
							objs[uint32(in.A)] = x.objs[w.slot]
						}
						continue
					}
				}
				if e := c.lookup(x); e != nil && e.kind == cacheSlot {
					r := x.vals[e.slot]
					regs[uint32(in.A)] = r
					if r.Tag == tagObject {
						objs[uint32(in.A)] = x.objs[e.slot]
					}
					continue
				}
			} else if ok && regs[uint32(in.B)].Tag == tagObject && vm.threaded() && vm.attrLoad(f, in.A, x, f.code.caches[pc-1].Load()) {
				continue
			}
			f.pc = int32(pc)
			if err = vm.slow(f, in); err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		case opSetAttr:
			if x, ok := objs[uint32(in.A)].(*Instance); ok && regs[uint32(in.A)].Tag == tagObject && regs[uint32(in.C)].Tag != tagEmpty && !vm.threaded() {
				// The first way here too (__init__'s stores see one shape).
				c := f.code.caches[pc-1].Load()
				var e *cacheEntry
				if c != nil && c.n > 0 && c.ways[0].shape == x.shape && c.ways[0].version == x.cls.version.Load() {
					e = &c.ways[0]
				} else {
					e = c.lookup(x)
				}
				if e != nil {
					// The Go half only under an object's tag: a frame's
					// objs may be stale under others (get), and an
					// instance keeping a stale pointer keeps what it
					// points at alive, itself maybe an instance with
					// stale pointers of its own: raytracer's vectors
					// chained so, and each collection marked three to
					// six times the live heap. A number stores no
					// pointer (no write barrier) unless one is there.
					r := regs[uint32(in.C)]
					switch e.kind {
					case cacheSlot:
						x.vals[e.slot] = r
						if r.Tag == tagObject {
							x.objs[e.slot] = objs[uint32(in.C)]
						} else if x.objs[e.slot] != nil {
							x.objs[e.slot] = nil
						}
						continue
					case cacheAdd:
						if n := len(x.vals); n < cap(x.vals) && n < cap(x.objs) {
							// Room in the instance (made for what its
							// class's instances grew to): only the
							// lengths change, no slice header is
							// stored whole (append's write barriers).
							x.vals = x.vals[:n+1]
							x.objs = x.objs[:n+1]
							x.vals[n] = r
							if r.Tag == tagObject {
								x.objs[n] = objs[uint32(in.C)]
							} else if x.objs[n] != nil {
								x.objs[n] = nil // left by a del
							}
						} else {
							x.vals, x.objs = append(x.vals, r), append(x.objs, f.get(in.C).O)
						}
						x.shape = e.next
						continue
					}
				}
			} else if ok && regs[uint32(in.A)].Tag == tagObject && regs[uint32(in.C)].Tag != tagEmpty && vm.threaded() && vm.attrStore(x, f.code.caches[pc-1].Load(), regs[uint32(in.C)], f.get(in.C).O) {
				continue
			}
			f.pc = int32(pc)
			if err = vm.slow(f, in); err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		default:
			f.pc = int32(pc) // f(*args) and the others may call
			if vm.threaded() {
				err = vm.lockedOp(f, in, (*VM).slowOp)
			} else {
				err = vm.slowOp(f, in)
			}
			if err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		}
		if err == nil {
			// A fast path fell through: take the generic path.
			f.pc = int32(pc)
			done := false
			arith := binArith[opOf(in)]
			if arith && wideTags(regs[uint32(in.B)].Tag, regs[uint32(in.C)].Tag) && !vm.threaded() && vm.wideStep(f, in) {
				continue // ints past 64 bits (int_wide.go)
			}
			if arith && in.D != inPlace && regs[uint32(in.B)].Tag == tagObject && regs[uint32(in.C)].Tag != tagEmpty && !vm.threaded() {
				// Vector.__add__ and the like: no detour through generic.
				if x, ok := objs[uint32(in.B)].(*Instance); ok {
					done, err = vm.instanceArith(f, in, x)
				}
			}
			switch {
			case done:
			case vm.threaded():
				err = vm.lockedOp(f, in, (*VM).generic)
			default:
				err = vm.generic(f, in)
			}
			if err == nil {
				if err = vm.takePending(); err == nil {
					continue
				}
			}
		}
		if err == errJump {
			pc = vm.jumpTo
			err = nil
			continue
		}
		if err == errYield {
			f.gen.pc = int32(pc)
			f.gen.yf = nil
			return vm.yielded, errYield
		}
		if pc, err = vm.except(f, pc, err); err != nil {
			return Val{}, err
		}
		if f.gen != nil {
			goto relift // a hot back-edge that raised may have lifted it
		}
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
