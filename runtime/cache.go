package jit

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copypatch/copypatch/relocs"
	"github.com/copypatch/copypatch/stencil"
)

// Config tunes a Cache. Stencils is required; every other field's zero value
// means its default.
type Config struct {
	// Stencils is the stencil set traces are built from: a package that
	// `stencilgen build` wrote exports it as Set (this repository's is
	// generated.Set). NewCache refuses a set for another platform or another
	// ABI version.
	Stencils *stencil.Set
	// MaxCodeBytes bounds the code memory the cache maps (code, data and
	// exit stubs, rounded to pages and chunks). Default 64 MiB.
	MaxCodeBytes int
	// ChunkBytes is the size of each mapping; a larger batch gets a chunk of
	// its own size. Default 256 KiB.
	ChunkBytes int
	// Evict lets a compile that would pass MaxCodeBytes free idle traces,
	// least recently entered first. Without it the compile fails with
	// ErrCodeLimit.
	Evict bool
	// PerfMap appends a line per uop to /tmp/perf-<pid>.map, so that Linux
	// perf names JIT code.
	PerfMap bool
}

// maxRegion bounds one batch: every branch inside it then reaches its
// target directly (arm64 B reaches ±128 MiB, x86-64 rel32 ±2 GiB), and GOT
// slots sit in the same region as the code that loads them.
const maxRegion = 64 << 20

// Cache owns code memory and compiles traces into it. It is safe for
// concurrent use.
type Cache struct {
	cfg   Config
	table *table

	mu     sync.Mutex
	chunks []*chunk
	mapped int
	live   map[*Trace]struct{}
	stats  Stats
	perf   *perfMap

	// clock stamps entries for LRU eviction: it moves on at every compile,
	// and an entry stores it only when it moved (a load, not an atomic
	// add, on every entry), so traces entered since the last compile tie.
	clock atomic.Uint64
}

// Stats are a cache's running totals.
type Stats struct {
	Traces      int           // live traces
	Uops        int           // uops in live traces
	CodeBytes   int           // code bytes of live traces (incl. exit stubs)
	DataBytes   int           // data bytes of live traces
	MappedBytes int           // code memory mapped
	Compiled    int           // traces compiled, ever
	Freed       int           // traces freed, ever
	Evicted     int           // traces evicted, ever
	Refused     int           // compiles refused by the code size limit
	CompileTime time.Duration // total time in Compile
}

// NewCache returns a cache that compiles traces from cfg.Stencils. It fails
// with ErrUnsupported when this platform cannot run native code or the set
// holds no stencils for it (the caller keeps interpreting), and with
// ErrStencils when the set is missing, malformed or built for another ABI
// version.
func NewCache(cfg Config) (*Cache, error) {
	set := cfg.Stencils
	if set == nil {
		return nil, fmt.Errorf("%w: Config.Stencils is nil: pass the Set of a package stencilgen wrote (for example generated.Set)", ErrStencils)
	}
	if err := set.Check(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrStencils, err)
	}
	host := runtime.GOOS + "/" + runtime.GOARCH
	if !hostSupported {
		return nil, fmt.Errorf("%w: no native code on %s", ErrUnsupported, host)
	}
	if set.Target != host {
		if set.Target == "" {
			return nil, fmt.Errorf("%w: the stencil set has no stencils for %s", ErrUnsupported, host)
		}
		return nil, fmt.Errorf("%w: the stencil set is for %s, this is %s", ErrUnsupported, set.Target, host)
	}
	if cfg.MaxCodeBytes <= 0 {
		cfg.MaxCodeBytes = 64 << 20
	}
	if cfg.ChunkBytes <= 0 {
		cfg.ChunkBytes = 256 << 10
	}
	// Whole pages, and no chunk larger than the limit (else nothing fits).
	cfg.MaxCodeBytes = max(cfg.MaxCodeBytes&^(pageSize-1), pageSize)
	cfg.ChunkBytes = min(roundUp(cfg.ChunkBytes, pageSize), cfg.MaxCodeBytes)
	c := &Cache{cfg: cfg, table: tableFor(set), live: map[*Trace]struct{}{}}
	if cfg.PerfMap {
		c.perf = openPerfMap()
	}
	return c, nil
}

// Stats returns the cache's totals.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.MappedBytes = c.mapped
	return s
}

// Uop is one step of a trace.
type Uop struct {
	Op       stencil.Op                 // the uop's index in the cache's stencil set
	Operands [relocs.NumOperands]uint64 // slot byte offsets or immediates, per the uop's template
	// Jump is the index in the trace of the uop that the in-trace jump
	// target names (loop top, branch), for uops whose stencil jumps.
	Jump int
	// Exit is the exit index of this uop's side exit, for uops whose stencil
	// can side-exit: its exit stub returns ExitSide with this index.
	Exit int
	// ExitJump sends the side exit to uop Jump instead of out of the trace
	// (a guard whose failure runs a bridge), for uops that exit but do not
	// jump.
	ExitJump bool
	// Far, when set, is where this uop's jump goes instead of uop Jump: an
	// address in another trace's code (a bridge compiled on its own jumps
	// back into its parent: link.go). Jump is then unused.
	Far uintptr
}

// Trace is compiled, callable native code.
type Trace struct {
	cache  *Cache
	region *region
	mem    []byte // this trace's code and data within the region
	ops    []stencil.Op
	starts []int32 // code offset of each uop in mem; then of each exit stub
	stubs  []int   // exit index of each stub
	code   int     // bytes of code (uops, stubs, veneers); data follows
	veneer int     // offset of the veneers, or 0
	// resume maps a safepoint exit index (a loop uop's operand 0) to the
	// uop to re-enter at (the loop's jump target).
	resume      map[uint64]int
	compileTime time.Duration
	// exits are the code offsets of the trace's exit uops with their
	// exit indexes, for PatchExits (its stubs are starts and stubs).
	exits []exitSite
	// slots are the link slots of its exit stubs (linkslots.go), -1 for
	// a stub without one; nil when its stubs have no slot jumps.
	slots []int32

	state   atomic.Int64 // number of running entries, or -1 once freed
	entries atomic.Uint64
	stamp   atomic.Uint64 // clock value at the last entry
}

// TraceStats describe one trace.
type TraceStats struct {
	Uops        int
	CodeBytes   int
	DataBytes   int
	ExitStubs   int
	CompileTime time.Duration
	Entries     uint64 // times native code was entered
}

// Stats returns the trace's figures.
func (t *Trace) Stats() TraceStats {
	return TraceStats{
		Uops: len(t.ops), CodeBytes: t.code, DataBytes: len(t.mem) - t.code,
		ExitStubs: len(t.stubs), CompileTime: t.compileTime, Entries: t.entries.Load(),
	}
}

// Valid reports whether the trace can still run (it was not freed or
// evicted).
func (t *Trace) Valid() bool { return t.state.Load() >= 0 }

// Addr is the address of the trace's first instruction.
func (t *Trace) Addr() uintptr { return t.addr(0) }

func (t *Trace) addr(off int) uintptr { return t.region.addr() + uintptr(t.base()+off) }

func (t *Trace) base() int { return int(uintptrOf(t.mem) - t.region.addr()) }

func opsOf(uops []Uop) []stencil.Op {
	ops := make([]stencil.Op, len(uops))
	for i := range uops {
		ops[i] = uops[i].Op
	}
	return ops
}

// Compile lays one trace out in executable memory. It reads trace only
// while it runs and keeps no reference to it.
func (c *Cache) Compile(trace []Uop) (*Trace, error) {
	ts, err := c.CompileBatch([][]Uop{trace})
	if err != nil {
		return nil, err
	}
	return ts[0], nil
}

// CompileBatch compiles many traces into one region with one protection
// change. It fails as a whole: either every trace is compiled or none.
func (c *Cache) CompileBatch(traces [][]Uop) ([]*Trace, error) {
	start := time.Now()
	c.clock.Add(1) // entries from now on are more recent than those before
	plans := make([]*plan, len(traces))
	defer func() {
		for _, p := range plans {
			if p != nil {
				p.release()
			}
		}
	}()
	total := 0
	for i, tr := range traces {
		p, err := c.plan(tr)
		if err != nil {
			if len(traces) > 1 {
				return nil, fmt.Errorf("trace %d: %w", i, err)
			}
			return nil, err
		}
		p.base = total
		plans[i] = p
		total = roundUp(total+p.size, 64)
	}
	if total == 0 {
		return nil, nil
	}
	if total > maxRegion {
		return nil, &TraceError{-1, fmt.Sprintf("batch needs %d bytes, more than the %d a region may hold", total, maxRegion)}
	}
	r, err := c.alloc(roundUp(total, pageSize))
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.takeSlotsLocked(r, plans)
	c.mu.Unlock()
	for _, p := range plans {
		p.sp = r.c.slots
	}
	if err := c.write(r, plans, total); err != nil {
		c.mu.Lock()
		for _, p := range plans {
			(&Trace{region: r, slots: p.slots}).putSlotsLocked()
		}
		c.releaseLocked(r)
		c.mu.Unlock()
		return nil, err
	}
	elapsed := time.Since(start)
	out := make([]*Trace, len(plans))
	for i, p := range plans {
		out[i] = &Trace{
			cache: c, region: r, mem: r.mem[p.base : p.base+p.size : p.base+p.size],
			ops: opsOf(p.uops), starts: p.starts, stubs: p.stubExits, code: p.codeSize, veneer: p.veneers,
			resume: p.resume, compileTime: elapsed / time.Duration(len(plans)),
			exits: p.inlineExits(c.table), slots: p.slots,
		}
	}
	c.mu.Lock()
	r.refs = len(out)
	for _, t := range out {
		c.live[t] = struct{}{}
		c.stats.Traces++
		c.stats.Uops += len(t.ops)
		c.stats.CodeBytes += t.code
		c.stats.DataBytes += len(t.mem) - t.code
		c.stats.Compiled++
	}
	c.stats.CompileTime += elapsed
	perf := c.perf
	c.mu.Unlock()
	if perf != nil {
		for _, t := range out {
			perf.write(t)
		}
	}
	return out, nil
}

// write fills region r with the traces planned (total bytes), then makes
// it executable: the write window of the W^X protocol.
func (c *Cache) write(r *region, plans []*plan, total int) error {
	r.beginWrite()
	// Trap bytes wherever no stencil goes and code might be: the gap after
	// each trace's code (veneers included: they are written on demand), the
	// padding between traces and the rest of the last page. The data areas
	// are overwritten by stencil data; only their alignment padding keeps
	// stale bytes.
	prev := 0
	for _, p := range plans {
		fill(r.mem[prev:p.base], trapByte)
		fill(r.mem[p.base+p.codeEnd:p.base+p.dataStart], trapByte)
		prev = p.base + p.size
	}
	fill(r.mem[prev:], trapByte)
	for i, p := range plans {
		if err := p.emit(r.mem[p.base:p.base+p.size], r.addr()+uintptr(p.base), c.table); err != nil {
			r.endWrite()
			if len(plans) > 1 {
				return fmt.Errorf("trace %d: %w", i, err)
			}
			return err
		}
	}
	r.endWrite()
	flushICache(r.addr(), r.addr()+uintptr(total))
	return r.seal()
}

// alloc finds room for n bytes, evicting idle traces if the policy allows.
func (c *Cache) alloc(n int) (*region, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		r, err := c.allocLocked(n)
		if err != ErrCodeLimit {
			return r, err
		}
		if !c.cfg.Evict || !c.evictOneLocked() {
			c.stats.Refused++
			return nil, fmt.Errorf("%w: %d bytes mapped, %d more needed, limit %d", ErrCodeLimit, c.mapped, n, c.cfg.MaxCodeBytes)
		}
	}
}

// evictOneLocked frees the idle trace entered least recently. It reports
// false when every live trace is running.
func (c *Cache) evictOneLocked() bool {
	cands := make([]*Trace, 0, len(c.live))
	for t := range c.live {
		cands = append(cands, t)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].stamp.Load() < cands[j].stamp.Load() })
	for _, t := range cands {
		if t.state.CompareAndSwap(0, -1) {
			c.dropLocked(t)
			c.stats.Evicted++
			return true
		}
	}
	return false
}

// Free releases the trace's memory. The trace must not be running; a freed
// trace's Run returns ExitInvalid.
func (t *Trace) Free() error {
	if !t.state.CompareAndSwap(0, -1) {
		if t.state.Load() < 0 {
			return ErrFreed
		}
		return ErrBusy
	}
	c := t.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropLocked(t)
	c.stats.Freed++
	return nil
}

func (c *Cache) dropLocked(t *Trace) {
	delete(c.live, t)
	c.stats.Traces--
	c.stats.Uops -= len(t.ops)
	c.stats.CodeBytes -= t.code
	c.stats.DataBytes -= len(t.mem) - t.code
	t.putSlotsLocked()
	t.region.refs--
	if t.region.refs == 0 {
		c.releaseLocked(t.region)
	}
}

// fill sets every byte of b to x, by doubling copies (memmove speed).
func fill(b []byte, x byte) {
	if len(b) == 0 {
		return
	}
	b[0] = x
	for n := 1; n < len(b); n *= 2 {
		copy(b[n:], b[:n])
	}
}

// Close frees every trace and unmaps all code memory, the spare chunk too.
// It fails with ErrBusy, freeing nothing, if a trace is running. The cache
// stays usable: a later Compile maps memory again.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var claimed []*Trace
	for t := range c.live {
		if !t.state.CompareAndSwap(0, -1) {
			for _, u := range claimed {
				u.state.Store(0)
			}
			return ErrBusy
		}
		claimed = append(claimed, t)
	}
	for _, t := range claimed {
		c.dropLocked(t)
		c.stats.Freed++
	}
	for _, ch := range c.chunks {
		unmap(ch.mem)
		c.mapped -= len(ch.mem)
	}
	c.chunks = nil
	return nil
}
