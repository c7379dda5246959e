package interp

import (
	"cmp"
	"fmt"
	"io"
	"runtime"
	"slices"
	"time"
)

type jitStats struct {
	recorded, aborted, compiled, refused int
	bridges, callOuts, stores            int
	linked                               int // bridges compiled on their own (bridge_link.go)
	reusedSlices                         int // slice call-outs into the list they made last
	benched, blacklisted                 int // traces found losing: benched for a while, given up
	uops, codeBytes                      int
	compileTime, nativeTime              time.Duration
	optTime                              time.Duration // the optimizer's share of compileTime
	recordTime                           time.Duration // recordings, successful or not, compiles included
	recordCPU                            time.Duration // recordTime in the recording thread's CPU time
	recordCPUOK                          bool          // (threadCPU works here)
	// recordNative is the part of recordTime spent running inner loops
	// natively to their end (finishInnerNative): the program's own work,
	// counted as time in traces too.
	recordNative time.Duration
	// recordNativeCPU is recordNative in the thread's CPU time, which
	// recordCPU's share subtracts: less the wall time, which a loaded
	// machine stretches past the CPU time of the whole recording, it
	// gave levenshtein 0 ms of JIT work.
	recordNativeCPU time.Duration
	// innerRefUops counts the uops recordings ran on the uop reference
	// to finish inner loops (runInner), before or instead of natively.
	innerRefUops int
	// recordFaults is the page faults taken in recordTime (when
	// recordFaultsOK): fresh heap pages the JIT's buffers land on, code
	// pages, the JIT's own code and tables touched for the first time.
	recordFaults   int64
	recordFaultsOK bool
	entries, exits int
}

func (lt *loopTrace) describe() string {
	return fmt.Sprintf("%d uops, %d guards and branches, %d snapshots, %d bridges, %d code bytes, %.1f µs",
		lt.nUops, lt.nGuards, len(lt.snaps), len(lt.sides), lt.codeBytes(), lt.compileMicros())
}

func (lt *loopTrace) codeBytes() int {
	if lt.tr == nil {
		return 0
	}
	return lt.tr.Stats().CodeBytes
}

func (lt *loopTrace) compileMicros() float64 {
	if lt.tr == nil {
		return 0
	}
	return float64(lt.tr.Stats().CompileTime.Nanoseconds()) / 1e3
}

// workClock is when a piece of the JIT's own work started.
type workClock struct {
	wall   time.Time
	cpu    time.Duration
	ok     bool
	faults int64 // the thread's page faults so far (faultsOK)
	// faultsOK: threadFaults works here.
	faultsOK bool
	timed    bool // (false: no --jit-stats, nothing read)
}

// startWork locks the goroutine to its thread until endWork: the work is
// measured in that thread's CPU time, and a goroutine that moved to
// another thread in between (after an mprotect, or preempted) read two
// threads' clocks: a run of levenshtein counted 0 ms of JIT work, one of
// nbody 15% of the run where perf saw 8%.
// Without --jit-stats it reads no clock and locks nothing: the thread's
// CPU clock is a system call (no vDSO serves it), two a recording, and
// perf put them at 2% of spectral_norm's JIT work.
func (j *jitState) startWork() workClock {
	if j.cfg.JITStats == nil {
		return workClock{}
	}
	runtime.LockOSThread()
	c := workClock{wall: time.Now(), timed: true}
	c.faults, c.faultsOK = threadFaults() // (first: its system call is not the JIT's work)
	c.cpu, c.ok = threadCPU()
	return c
}

// endWork adds the work started at c to the stats.
func (j *jitState) endWork(c workClock) {
	if !c.timed {
		return
	}
	j.stats.recordTime += time.Since(c.wall)
	var cpu time.Duration
	if now, ok := threadCPU(); ok && c.ok {
		j.stats.recordCPUOK = true
		if d := now - c.cpu; d > 0 {
			cpu = d
			j.stats.recordCPU += d
		}
	}
	var faults int64
	if now, ok := threadFaults(); ok && c.faultsOK {
		faults = now - c.faults
		j.stats.recordFaultsOK = true
		j.stats.recordFaults += faults
	}
	runtime.UnlockOSThread()
	if j.cfg.JITDebug != nil {
		// (With --jit-stats: what each piece of work cost, the first
		// ones touching the JIT's code and data for the first time.)
		j.debugf("JIT work: %.1f µs wall, %.1f µs CPU, %d page faults", float64(time.Since(c.wall).Nanoseconds())/1e3, float64(cpu.Nanoseconds())/1e3, faults)
	}
}

// writeStats prints the run's tier-2 totals (--jit-stats).
func (j *jitState) writeStats(w io.Writer) {
	s := &j.stats
	total := time.Since(j.started)
	fmt.Fprintf(w, "jit stats: %d recordings, %d aborted, %d compiles (%d refused), %d bridges (%d compiled alone), %d uops, %d code bytes\n",
		s.recorded, s.aborted, s.compiled, s.refused, s.bridges, s.linked, s.uops, s.codeBytes)
	share := 0.0
	if total > 0 {
		share = 100 * float64(s.nativeTime) / float64(total)
	}
	fmt.Fprintf(w, "jit stats: compile %.3f ms (optimizer %.3f ms), %d entries, %d exits, %d call-outs (%d slices reusing their list), %d object stores, %.1f%% of the run in traces\n",
		float64(s.compileTime.Microseconds())/1e3, float64(s.optTime.Microseconds())/1e3, s.entries, s.exits, s.callOuts, s.reusedSlices, s.stores, share)
	fmt.Fprintf(w, "jit stats: recording %.3f ms in all (%.3f ms of it inner loops run to their end); %d traces benched for losing, %d given up; %d inner loop uops run on the reference\n",
		float64(s.recordTime.Microseconds())/1e3, float64(s.recordNative.Microseconds())/1e3, s.benched, s.blacklisted, s.innerRefUops)
	// The JIT's own work: recordings (loops, functions, bridges) with the
	// optimizing, lowering and compiling they end in, less the inner loops
	// a recording ran natively (the program's work). Wall clock, as perf's
	// share of CPU samples under recordLoop/recordBridge/recordFunc is on
	// an idle machine.
	work, clock := s.recordTime-s.recordNative, "wall"
	if cpu, ok := processCPU(); ok && s.recordCPUOK {
		// CPU time, which other processes on a loaded machine do not
		// inflate.
		// The whole process's, start-up included, as perf and the
		// benchmarks count a run.
		work, total, clock = max(0, s.recordCPU-s.recordNativeCPU), cpu, "CPU"
	}
	jitShare := 0.0
	if total > 0 {
		jitShare = 100 * float64(work) / float64(total)
	}
	fmt.Fprintf(w, "jit stats: JIT work %.3f ms (recording, optimizing, compiling), %.1f%% of the run's %.3f ms (%s time)\n",
		float64(work.Microseconds())/1e3, jitShare, float64(total.Microseconds())/1e3, clock)
	if all, ok := processFaults(); ok && s.recordFaultsOK {
		fmt.Fprintf(w, "jit stats: JIT work took %d of the run's %d page faults\n", s.recordFaults, all)
	}
	type site struct {
		where string
		n     int
	}
	var sites []site
	for _, lt := range j.loops {
		for i, n := range lt.exits {
			if n > 0 {
				sn := lt.snaps[i]
				kind := "exit"
				if i == 0 && !lt.fn {
					kind = "loop head"
				}
				sites = append(sites, site{fmt.Sprintf("%s (trace at %s)", snapWhere(sn, kind), lt.where()), n})
			}
		}
		if lt.reason != "" && lt.tr == nil && lt.ref == nil {
			fmt.Fprintf(w, "jit stats: not traced: %s: %s\n", lt.where(), lt.reason)
		}
		if lt.allEntries > 0 {
			state := ""
			switch {
			case lt.dead:
				state = ", given up"
			case lt.benched > 0:
				state = fmt.Sprintf(", benched %d times", lt.benched)
			}
			fmt.Fprintf(w, "jit stats: trace at %s: %d entries, %.1f iterations per entry, %d bridges%s\n",
				lt.where(), lt.allEntries, float64(lt.allIters)/float64(lt.allEntries), len(lt.sides), state)
		}
	}
	slices.SortStableFunc(sites, func(a, b site) int { return cmp.Compare(b.n, a.n) })
	for i, st := range sites {
		if i == 10 {
			break
		}
		fmt.Fprintf(w, "jit stats: %8d exits at %s\n", st.n, st.where)
	}
}

func snapWhere(sn *snapshot, kind string) string {
	return fmt.Sprintf("%s line %d", kind, sn.line)
}
