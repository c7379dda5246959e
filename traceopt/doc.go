// Package traceopt is the trace optimizer of the tier-2 JIT: a flat trace
// IR of uops over frame slots, the passes that specialise it, and the
// lowering to the runtime's []jit.Uop.
//
// It knows uops, slots and value tags, and nothing of Python: an
// interpreter records a trace (one loop iteration, with a guard wherever it
// assumed something it saw), and traceopt peels the loop, propagates what
// the first iteration proved into the loop body so that guards whose answer
// is known disappear, hoists loop-invariant work, folds immediates and
// lowers the result. Every exit names a snapshot: an index into the
// recorder's own table of resume states, which traceopt only carries.
//
// Package traceopt must not import interp.
package traceopt
