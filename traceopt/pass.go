package traceopt

// Pass transforms a trace in place.
type Pass struct {
	Name string
	Run  func(*Trace)
}

// Passes is the optimizer, in order: fold immediates into the recorded
// iteration, peel it, hoist what does not change, peel the inner loops'
// first iterations too, drop the guards the
// first iteration proved, drop what every path into an instruction
// already computed, copy what another slot already holds, fold again what hoisting made constant, compute values
// straight into the slots they are moved to, read what a move copied from
// its source, and drop
// writes nobody reads and moves that do nothing; swap two list elements
// in one uop where the temporaries are dead; store no tag a slot
// already holds, and store list elements of a known kind with that kind's
// tag (list_store_k); keep float results in the cached registers for the
// uops that read them next, and store them back with no bounds test
// where a load at the same constant index just proved it in range; last,
// load int and bool elements with the
// list loads that have their kind built in, compare one-character
// strs by their bits, and swap, load and store at indexes known >= 0
// with no adjustment of a negative one.
var Passes = []Pass{
	{"fold", Fold},
	{"peel", Peel},
	{"hoist", Hoist},
	{"inner", PeelInner},
	{"guards", EliminateGuards},
	{"redundant", RemoveRedundant},
	{"reuse", ReuseValues},
	{"fold", Fold},
	{"coalesce", CoalesceMoves},
	{"copies", PropagateCopies},
	{"dead", DropDeadStores},
	{"moves", DropSelfMoves},
	{"swaps", FuseSwaps},
	{"tags", SkipKnownTags},
	{"regs", CacheRegisters},
	{"inrange", StoreInRange},
	{"kinds", SpecializeKinds},
	{"chars", CompareChars},
	{"nonneg", UseNonNegIndexes},
}

// Optimize runs every pass on t, checking the trace after each one when
// check is set (tests and --jit-debug).
func Optimize(t *Trace, check func(pass string, t *Trace)) {
	if t.Func {
		return // (the passes know loops only)
	}
	t.slotBound, t.bounded = t.maxSlot(), true
	defer func() { t.bounded = false }()
	for _, p := range Passes {
		p.Run(t)
		if check != nil {
			check(p.Name, t)
		}
	}
}
