package interp

import (
	"bufio"
	"bytes"
	"math"
	"math/big"
	"math/bits"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// The memory guard: growth that would not fit raises MemoryError, as
// CPython's failed malloc does, instead of the Go runtime's fatal "out of
// memory" (which loses buffered output) or the kernel's OOM killer.
//
// Two limits apply, each when it is known: the address-space limit
// (RLIMIT_AS, `ulimit -v`), checked against the process's mapped size, and
// the memory the machine or its cgroup has, checked against the Go heap.
// The second is also the Go runtime's soft limit, so garbage is collected
// harder before growth is refused. Large allocations (containers growing
// past a million elements, long strings, big ints) ask memFits first.

var mem struct {
	once   sync.Once
	asMax  uint64 // RLIMIT_AS in bytes, or 0
	physAt uint64 // heap bytes that fit in the machine's (or cgroup's) memory, or 0
}

// memBig is the size from which an allocation asks memFits.
const memBig = 1 << 20

// arenaSlack is the address space the Go runtime may map beyond what an
// allocation needs (heap arenas are 64 MiB on 64-bit Linux, plus metadata).
const arenaSlack = 160 << 20

func memInit() {
	mem.once.Do(func() {
		var rl syscall.Rlimit
		if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err == nil && rl.Cur > 0 && rl.Cur < 1<<62 {
			mem.asMax = rl.Cur
		}
		phys := physMemory()
		if phys > 0 {
			// Leave room for what is not Go heap (stacks, the binary,
			// runtime metadata) and for the collector's headroom.
			mem.physAt = phys / 10 * 9
			if debug.SetMemoryLimit(-1) == math.MaxInt64 {
				debug.SetMemoryLimit(int64(mem.physAt))
			}
		}
	})
}

// MemoryLimit is the most memory the interpreter lets the Go heap take:
// nine tenths of the machine's memory, or of its cgroup's limit, or 0 when
// neither can be read. It reads them on first use (about 0.3 ms).
func MemoryLimit() uint64 {
	memInit()
	return mem.physAt
}

// AddressSpaceLimit is the process's address-space limit (RLIMIT_AS,
// `ulimit -v`) in bytes, or 0 when there is none.
func AddressSpaceLimit() uint64 {
	memInit()
	return mem.asMax
}

// memFits reports whether n more bytes can be allocated. When they seem
// not to, it collects garbage and looks again.
func memFits(n uint64) bool {
	memInit()
	if n < memBig && mem.asMax == 0 && mem.physAt == 0 {
		return true
	}
	if memRoom(n) {
		return true
	}
	if memNeverFits(n) {
		// No collection can make room: say so at once. A full collection
		// stops every goroutine of the process, and costs seconds in one
		// with a large heap (an embedder's, or a test binary's).
		return false
	}
	runtime.GC()
	return memRoom(n)
}

// memNeverFits reports whether n bytes exceed a limit even with an empty
// heap.
func memNeverFits(n uint64) bool {
	return n >= 1<<47 || mem.physAt > 0 && n > mem.physAt || mem.asMax > 0 && n+n/8+arenaSlack > mem.asMax
}

// memRoom is memFits without collecting.
func memRoom(n uint64) bool {
	if n >= 1<<47 {
		return false // 128 TiB: more than any machine has
	}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	objects := sample[0].Value.Uint64()
	if limit := mem.physAt; limit > 0 && objects+n > limit {
		return false
	}
	// Other processes use the machine too: what it has free now.
	if avail, ok := memAvailable(); ok && n+memMargin > avail {
		return false
	}
	if mem.asMax > 0 {
		size := vmSize()
		if size == 0 {
			return true
		}
		// Free heap is mapped already, but a large block needs a
		// contiguous range: count it all as new address space.
		if size+n+n/8+arenaSlack > mem.asMax {
			return false
		}
	}
	return true
}

// reclaim collects garbage before a large list allocation that is big next
// to the live heap. Go would otherwise give it fresh pages, since with
// GOGC=400 the next collection is far off, and the kernel faults in and
// zeroes each on first touch (~2 µs a page here): sieve's
// [True] * 2_000_001, made three times while the last one was garbage,
// touched 96 MB of new pages. Only allocations of at least half the live
// heap ask, so a program whose big lists all stay alive collects a few
// times, not at each one. Slots that hold no object may still point at
// one they held before (a returned call's list, in the slots its next
// call reuses): those references go first, or the list stays alive.
func (vm *VM) reclaim(n uint64) {
	if n < reclaimMin || vm.threaded() {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || 2*n < s[0].Value.Uint64() {
		return
	}
	vm.dropStaleRefs()
	runtime.GC()
}

// dropStaleRefs forgets the objects slots no longer hold (a returned
// call's, in the slots its next call reuses, or a slot since given an
// int) so that a collection can free them.
func (vm *VM) dropStaleRefs() {
	for i := range vm.sp {
		if vm.stack[i].Tag != tagObject {
			vm.ostack[i] = nil
		}
	}
	clear(vm.ostack[vm.sp:])
	// The notes of fresh lists (fresh.go) hold the last lists made: a
	// repeat's [True] * n of the call before would stay alive.
	vm.clearFresh()
}

// reclaimMin is the smallest allocation reclaim collects for.
const reclaimMin = 4 << 20

// memErr is the MemoryError for an allocation that does not fit.
func memErr() error { return newErrVal(MemoryError) }

// memSmall adds up the small allocations memCheck was told of since the
// last full check: every memStep of them, one is made.
var memSmall atomic.Int64

const memStep = 32 << 20

// memCheck is nil when n bytes fit, else MemoryError.
func memCheck(n uint64) error {
	if n < memBig {
		if memSmall.Add(int64(n)) < memStep {
			return nil
		}
		memSmall.Store(0)
		n = memStep
	}
	if !memFits(n) {
		return memErr()
	}
	return nil
}

// memCheckMul is memCheck for count elements of size bytes each.
func memCheckMul(count, size uint64) error {
	return memCheck(mulSat(count, size))
}

// mulSat is a*b, or the largest uint64 when that overflows.
func mulSat(a, b uint64) uint64 {
	if hi, lo := bits.Mul64(a, b); hi == 0 {
		return lo
	}
	return math.MaxUint64
}

// memMargin is the memory an allocation must leave free on the machine.
const memMargin = 64 << 20

// memAvailable is the machine's MemAvailable (Linux).
func memAvailable() (uint64, bool) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if rest, ok := bytes.CutPrefix(line, []byte("MemAvailable:")); ok {
			fs := bytes.Fields(rest)
			if len(fs) == 0 {
				return 0, false
			}
			kb, err := strconv.ParseUint(string(fs[0]), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// setMemLimit makes the guard refuse growth past n bytes of heap (for
// tests: fuzzing runs many programs side by side).
func setMemLimit(n uint64) {
	memInit()
	mem.physAt = n
}

// vmSize is the process's mapped address space in bytes (Linux), or 0.
func vmSize() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) == 0 {
		return 0
	}
	pages, err := strconv.ParseUint(string(f[0]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * uint64(os.Getpagesize())
}

// physMemory is the memory this process may use: the cgroup's limit when
// there is one, else the machine's (Linux), or 0 when unknown.
func physMemory() uint64 {
	var total uint64
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fs := bytes.Fields(sc.Bytes())
			if len(fs) >= 2 && string(fs[0]) == "MemTotal:" {
				if kb, err := strconv.ParseUint(string(fs[1]), 10, 64); err == nil {
					total = kb << 10
				}
				break
			}
		}
		f.Close()
	}
	for _, p := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(p); err == nil {
			if n, err := strconv.ParseUint(string(bytes.TrimSpace(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
				total = n
			}
		}
	}
	return total
}

// grow is nil when k more elements fit in l, else MemoryError. It checks
// only when the backing arrays must be reallocated and are large.
func (l *List) grow(k int) error {
	n := len(l.vals) + k
	if n <= cap(l.vals) {
		return nil
	}
	size := uint64(16) // a templates.Value
	if l.objs != nil {
		size += 16 // an Object
	}
	// Go grows large slices by about a quarter; the old array is live
	// while it is copied.
	return memCheckMul(uint64(n)+uint64(n)/4, size)
}

// valSize is the size of a Val.
const valSize = uint64(unsafe.Sizeof(Val{}))

// rangeList is list(r), built without a []Val in between.
func rangeList(r *Range) (Val, error) {
	n := rangeLen(r)
	if err := memCheckMul(uint64(n), 16); err != nil {
		return Val{}, err
	}
	vals := make([]templates.Value, n)
	x := r.start
	for i := range vals {
		vals[i] = templates.Value{Tag: tagInt, Bits: uint64(x)}
		x += r.step
	}
	return ObjVal(&List{vals: vals}), nil
}

// memCheckTuples is memCheck for count tuples of k items each, in a list.
func memCheckTuples(count *big.Int, k int) error {
	if !count.IsUint64() {
		return memErr()
	}
	return memCheckMul(count.Uint64(), valSize+24+uint64(k)*valSize)
}

// len is len(r): OverflowError when it does not fit a Py_ssize_t.
func (r *BigRange) len() (int, error) {
	n := new(big.Int).Sub(r.stop, r.start)
	step := r.step
	if step.Sign() < 0 {
		n.Neg(n)
		step = new(big.Int).Neg(step)
	}
	if n.Sign() <= 0 {
		return 0, nil
	}
	n.Add(n, step).Sub(n, big.NewInt(1)).Quo(n, step)
	if !n.IsInt64() {
		return 0, newErr(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(n.Int64()), nil
}

// heapWatchPeriod is how often watchHeap looks at the heap.
const heapWatchPeriod = 20 * time.Millisecond

// watchHeap raises MemoryError in the program, at its next back-edge or
// call, once the heap that survived the last collection no longer fits
// the machine's memory. Small allocations do not ask memFits one by one,
// so a program building a list of a hundred million tuples would otherwise
// bring the Go runtime to its memory limit, where it collects without end
// and then dies, its output lost. It returns when stop is closed.
func (vm *VM) watchHeap(stop <-chan struct{}) {
	tick := time.NewTicker(heapWatchPeriod)
	defer tick.Stop()
	// The first look is a period in: memInit reads /proc/meminfo and the
	// cgroup files, about 0.3 ms of CPU that a run shorter than that (the
	// start of every run) need not pay; memFits runs it itself when a big
	// allocation asks first.
	select {
	case <-stop:
		return
	case <-tick.C:
	}
	memInit()
	limit := mem.physAt
	if limit == 0 {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > limit/10*9 {
			vm.asyncErr.Store(memErr().(*PyErr))
			vm.interrupt()
		}
		select {
		case <-stop:
			return
		case <-tick.C:
		}
	}
}
