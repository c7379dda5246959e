package interp

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"testing"
	"time"
)

// TestMain arms a watchdog that fires shortly before -test.timeout and
// dumps every goroutine, the runtime's own (GC workers, sweepers) too,
// and every thread, then aborts. The testing package's own timeout dump
// sets the traceback to "all" itself, which hides the runtime's
// goroutines: a hang seen under heavy load (TestJITAgreesWithInterpreter/
// jit_objstore/objstore_queue parked in runtime.GC's wait for a GC cycle,
// nothing else running) showed only user goroutines, which did not say
// what the collector waited for. (It was slowness, not a deadlock: global
// maps kept every finished run's VM alive, so each of the program's 160
// gc.collect() calls marked a 900 MB heap; see TestRunsReleaseTheirMemory.)
func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.timeout"); f != nil {
		if d, ok := f.Value.(flag.Getter).Get().(time.Duration); ok && d > 0 {
			time.AfterFunc(d-min(d/20, time.Minute), watchdogFired)
		}
	}
	os.Exit(m.Run())
}

// runningPrograms names the programs runBoth is running (name → start), for
// the watchdog's report.
var runningPrograms sync.Map

func watchdogFired() {
	fmt.Fprintln(os.Stderr, "interp tests: about to time out; programs still running:")
	runningPrograms.Range(func(name, start any) bool {
		fmt.Fprintf(os.Stderr, "\t%s (%v)\n", name, time.Since(start.(time.Time)).Round(time.Second))
		return true
	})
	debug.SetTraceback("crash")
	panic("interp tests: watchdog before -test.timeout: every goroutine and thread follows")
}
