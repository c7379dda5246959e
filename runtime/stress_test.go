package jit

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// emulated reports whether the test binary runs under qemu user mode (an
// arm64 binary on a host whose /proc/cpuinfo describes an x86 CPU), where
// native loops run tens of times slower.
func emulated() bool {
	if runtime.GOARCH != "arm64" {
		return false
	}
	b, _ := os.ReadFile("/proc/cpuinfo")
	return bytes.Contains(b, []byte("GenuineIntel")) || bytes.Contains(b, []byte("AuthenticAMD"))
}

// bigLoop is how many iterations the long native loop runs: 10^9 natively,
// fewer under emulation or -short.
func bigLoop() int64 {
	switch {
	case testing.Short():
		return 20_000_000
	case emulated():
		return 200_000_000
	}
	return 1_000_000_000
}

// gcPauses reads the histogram of GC stop-the-world pauses (stopping plus
// stopped time).
func gcPauses() *metrics.Float64Histogram {
	s := []metrics.Sample{{Name: "/sched/pauses/total/gc:seconds"}}
	metrics.Read(s)
	return s[0].Value.Float64Histogram()
}

// maxPauseSince is the longest pause recorded between two readings, as the
// upper bound of the highest bucket that gained samples, and how many.
func maxPauseSince(before, after *metrics.Float64Histogram) (float64, uint64) {
	var longest float64
	var n uint64
	for i := range after.Counts {
		if d := after.Counts[i] - before.Counts[i]; d > 0 {
			n += d
			longest = after.Buckets[i+1]
		}
	}
	return longest, n
}

// TestGCDuringNativeLoop runs a 10^9-iteration native loop, re-entered after
// every safepoint exit, while another goroutine forces collections: no
// stop-the-world may wait for the loop longer than one budget.
func TestGCDuringNativeLoop(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	n := bigLoop()
	frame := ints(0, n, 0)
	st := &templates.State{}
	before := gcPauses()
	done := make(chan templates.ExitCode)
	// About 0.1 ms of native work per entry (emulation is ~10× slower).
	budget := int64(1 << 16)
	if emulated() {
		budget = 1 << 12
	}
	start := time.Now()
	go func() { done <- tr.RunLoop(st, frame, budget) }()
	gcs := 0
	var ec templates.ExitCode
loop:
	for {
		select {
		case ec = <-done:
			break loop
		default:
			runtime.GC()
			gcs++
			time.Sleep(time.Millisecond)
		}
	}
	after := gcPauses()
	elapsed := time.Since(start).Seconds()
	if ec != templates.MakeExitCode(templates.ExitEnd, 9) {
		t.Fatalf("exit %v", ec)
	}
	if got, want := frame[2].Bits, uint64(n*(n-1)/2); got != want {
		t.Errorf("sum %d, want %d", got, want)
	}
	longest, pauses := maxPauseSince(before, after)
	t.Logf("%d iterations, %d GCs, %d pauses, longest ≤ %.3g ms, %d entries, %.3g s", n, gcs, pauses, longest*1e3, tr.Stats().Entries, elapsed)
	// Each runtime.GC above stops the world twice and returns only when
	// its cycle is done: a loop that ignored its budget would hold the
	// first stop until it ended, and one collection would complete while
	// it ran. Counting collections, not timing pauses, keeps the test
	// about behaviour on a loaded machine (where a pause also waits for a
	// core) and under qemu.
	// (With -short the loop lasts tens of milliseconds: too few for a
	// count on a loaded machine, so only the sum is checked.)
	if !testing.Short() && gcs < minGCsDuringLoop {
		t.Errorf("%d GCs completed while the loop ran, want at least %d", gcs, minGCsDuringLoop)
	}
}

// minGCsDuringLoop is how many collections must complete while the
// 10^9-iteration loop runs (about 2 s natively, hundreds of collections
// when its safepoints let them in).
const minGCsDuringLoop = 10

// TestProfilingDuringNativeLoop: SIGPROF lands in native code many times;
// Go's handler must cope (it sees a PC outside Go and a foreign SP).
func TestProfilingDuringNativeLoop(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	var buf bytes.Buffer
	if err := pprof.StartCPUProfile(&buf); err != nil {
		t.Skipf("profiling unavailable: %v", err)
	}
	n := bigLoop() / 2
	frame := ints(0, n, 0)
	ec := tr.RunLoop(&templates.State{}, frame, 1<<16)
	pprof.StopCPUProfile()
	if ec != templates.MakeExitCode(templates.ExitEnd, 9) || frame[2].Bits != uint64(n*(n-1)/2) {
		t.Errorf("exit %v, sum %d", ec, frame[2].Bits)
	}
	if buf.Len() == 0 {
		t.Error("empty profile")
	}
}

// TestConcurrentCompileAndRun: 8 goroutines compile, run and free traces
// at once against one cache.
func TestConcurrentCompileAndRun(t *testing.T) {
	c := newCache(t, Config{ChunkBytes: 1 << 14})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			var keep []*Trace
			for i := 0; i < 50; i++ {
				tr, err := c.Compile(sumLoop())
				if err != nil {
					t.Error(err)
					return
				}
				n := int64(g*100 + i)
				frame := ints(0, n, 0)
				if ec := tr.RunLoop(&templates.State{}, frame, 7); ec.Reason() != templates.ExitEnd || frame[2].Bits != uint64(n*(n-1)/2) {
					t.Errorf("goroutine %d trace %d: exit %v sum %d", g, i, ec, frame[2].Bits)
				}
				if i%2 == 0 {
					keep = append(keep, tr)
				} else if err := tr.Free(); err != nil {
					t.Error(err)
				}
			}
			for _, tr := range keep {
				tr.Free()
			}
		}(g)
	}
	wg.Wait()
	// One empty chunk stays mapped for the next compile.
	if st := c.Stats(); st.Traces != 0 || st.MappedBytes > 1<<14 || st.Compiled != 400 {
		t.Errorf("after freeing everything: %+v", st)
	}
}

func TestCodeLimitRefuses(t *testing.T) {
	c := newCache(t, Config{MaxCodeBytes: 4 * pageSize, ChunkBytes: pageSize})
	var traces []*Trace
	for {
		tr, err := c.Compile(sumLoop())
		if errors.Is(err, ErrCodeLimit) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		traces = append(traces, tr)
		if len(traces) > 100 {
			t.Fatal("the limit never applied")
		}
	}
	if len(traces) != 4 {
		t.Errorf("%d traces fit in 4 pages, want 4 (one page each)", len(traces))
	}
	st := c.Stats()
	if st.MappedBytes > 4*pageSize || st.Refused != 1 {
		t.Errorf("stats %+v", st)
	}
	// Every admitted trace still runs; freeing one makes room again.
	for _, tr := range traces {
		if ec := tr.Run(&templates.State{Budget: 1 << 30}, ints(0, 3, 0)); ec.Reason() != templates.ExitEnd {
			t.Errorf("exit %v", ec)
		}
	}
	traces[1].Free()
	if err := traces[1].Free(); !errors.Is(err, ErrFreed) {
		t.Errorf("second Free: %v", err)
	}
	if ec := traces[1].Run(&templates.State{}, ints(0, 3, 0)); ec != ExitInvalid {
		t.Errorf("freed trace ran: %v", ec)
	}
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatalf("after a free: %v", err)
	}
	traces[1] = tr
	// A batch compiles many traces into shared pages with one mprotect.
	for _, tr := range traces {
		tr.Free()
	}
	batch, err := c.CompileBatch([][]Uop{sumLoop(), sumLoop(), sumLoop(), sumLoop(), sumLoop()})
	if err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.MappedBytes != pageSize || st.Traces != 5 {
		t.Errorf("batch of 5: %+v", st)
	}
	for _, tr := range batch {
		tr.Free()
	}
	if st := c.Stats(); st.MappedBytes != pageSize || st.Traces != 0 {
		t.Errorf("after freeing all (one spare chunk stays): %+v", st)
	}
}

func TestCodeLimitEvicts(t *testing.T) {
	c := newCache(t, Config{MaxCodeBytes: 2 * pageSize, ChunkBytes: pageSize, Evict: true})
	var traces []*Trace
	for i := 0; i < 10; i++ {
		tr, err := c.Compile(sumLoop())
		if err != nil {
			t.Fatal(err)
		}
		traces = append(traces, tr)
		if ec := tr.Run(&templates.State{Budget: 1 << 30}, ints(0, 3, 0)); ec.Reason() != templates.ExitEnd {
			t.Errorf("exit %v", ec)
		}
	}
	st := c.Stats()
	if st.MappedBytes > 2*pageSize || st.Traces != 2 || st.Evicted != 8 {
		t.Errorf("stats %+v", st)
	}
	for i, tr := range traces {
		if tr.Valid() != (i >= 8) {
			t.Errorf("trace %d valid=%v", i, tr.Valid())
		}
	}
	if ec := traces[0].Run(&templates.State{}, ints(0, 3, 0)); ec != ExitInvalid {
		t.Errorf("evicted trace ran: %v", ec)
	}
}

func TestDisassemble(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	text := Disassemble(tr)
	ret := map[string]string{"amd64": "retq", "arm64": "ret"}[runtime.GOARCH]
	for _, want := range []string{"; uop 0: int_jump_if_ge", "; uop 3: loop", "; exit stub: exit index 1", ret} {
		if !strings.Contains(text, want) {
			t.Errorf("disassembly lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "?") || strings.Contains(text, ".word") {
		t.Errorf("undecodable bytes:\n%s", text)
	}
	if st := tr.Stats(); st.Uops != 5 || st.ExitStubs != 2 || st.CodeBytes == 0 || st.DataBytes == 0 {
		t.Errorf("stats %+v", st)
	}
	_ = generated.OpEnd
}

// TestGCWaitsForUnboundedLoop is the control for TestGCDuringNativeLoop:
// without a safepoint budget, a collection started while native code runs
// waits for it, and the pause histogram shows it. (If this failed, the
// ≤ 10 ms check above would prove nothing.)
func TestGCWaitsForUnboundedLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a long native loop")
	}
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	// A cycle the runtime started on its own before the loop would end its
	// mark phase by waiting for native code outside any stop-the-world
	// (forEachP), and the forced cycle would then find the loop done: no
	// long pause to see. With automatic collection off (which also waits
	// for a running cycle to finish), runtime.GC below starts a fresh cycle
	// whose first stop-the-world must wait.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	// The control is conclusive only if the collection starts while most of
	// the loop is still ahead: a starved test goroutine (qemu on a loaded
	// machine) may see the loop only near its end. Then run it again.
	n := bigLoop() / 4
	for attempt := 1; ; attempt++ {
		frame := ints(0, n, 0)
		done := make(chan templates.ExitCode, 1)
		go func() { done <- tr.Run(&templates.State{Budget: 1 << 62}, frame) }()
		// Wait until native code is looping (it writes i as it goes).
		for atomic.LoadUint64(&frame[0].Bits) == 0 {
			runtime.Gosched()
		}
		before := gcPauses()
		i := int64(atomic.LoadUint64(&frame[0].Bits))
		runtime.GC()
		ec := <-done
		longest, _ := maxPauseSince(before, gcPauses())
		t.Logf("attempt %d: collection started at i=%d of %d, longest pause ≤ %.3g ms", attempt, i, n, longest*1e3)
		if ec.Reason() != templates.ExitEnd {
			t.Fatalf("exit %v", ec)
		}
		if i > n/2 {
			if attempt < 5 {
				continue
			}
			t.Fatalf("the collection never started before the loop was half done")
		}
		if longest <= 0.010 {
			t.Errorf("longest pause %.3g ms: the GC did not wait for native code, so the pause test cannot fail", longest*1e3)
		}
		return
	}
}

func TestConfigClamps(t *testing.T) {
	// A chunk larger than the limit shrinks to it, so the limit's worth of
	// traces still compiles.
	c := newCache(t, Config{MaxCodeBytes: pageSize + 100, ChunkBytes: 1 << 20})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	if st := c.Stats(); st.MappedBytes != pageSize {
		t.Errorf("mapped %d, want one page", st.MappedBytes)
	}
	if _, err := c.Compile(sumLoop()); !errors.Is(err, ErrCodeLimit) {
		t.Errorf("second compile: %v, want ErrCodeLimit", err)
	}
}

func TestCloseUnmapsEverything(t *testing.T) {
	c := newCache(t, Config{ChunkBytes: pageSize})
	var keep []*Trace
	for i := 0; i < 5; i++ {
		tr, err := c.Compile(sumLoop())
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			tr.Free()
		} else {
			keep = append(keep, tr)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.MappedBytes != 0 || st.Traces != 0 || st.Freed != 5 {
		t.Errorf("after Close: %+v", st)
	}
	for _, tr := range keep {
		if tr.Valid() || tr.Run(&templates.State{}, ints(0, 1, 0)) != ExitInvalid {
			t.Error("a closed cache's trace still runs")
		}
	}
	// The cache is still usable.
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	if ec := tr.Run(&templates.State{Budget: 1 << 30}, ints(0, 4, 0)); ec.Reason() != templates.ExitEnd {
		t.Errorf("exit %v", ec)
	}
	c.Close()
}

// TestRunLoopYields: RunLoop yields at every safepoint exit, so on a single
// P a goroutine made runnable before the loop runs at the first one (here
// it interrupts the loop). Without the yield it would wait for a
// preemption signal to land in the few Go instructions between entries
// (as a GC waiting to scan the stack did), long after.
func TestRunLoopYields(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	frame := ints(0, 1<<40, 0)
	st := &templates.State{}
	const budget = 1 << 10
	var seen atomic.Uint64 // 1 + the loop's i when the goroutine ran
	go func() {
		seen.Store(atomic.LoadUint64(&frame[0].Bits) + 1)
		Interrupt(st)
	}()
	ec := tr.RunLoop(st, frame, budget)
	if ec.Reason() != templates.ExitSafepoint {
		t.Fatalf("exit %v, want an interrupted safepoint exit", ec)
	}
	if at := seen.Load(); at == 0 || at-1 > 4*budget {
		t.Errorf("the other goroutine ran after %d iterations, want ≤ %d (the first safepoint exits)", int64(at)-1, 4*budget)
	}
}
