package interp

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain prints the runtime's own goroutines (GC workers, sweepers) in a
// timeout's dump, whoever runs the tests: a hang seen under heavy load
// (TestJITAgreesWithInterpreter/jit_objstore/objstore_queue parked in
// runtime.GC's wait for a GC cycle, nothing else running) showed only the
// user goroutines, which did not say what the collector waited for.
func TestMain(m *testing.M) {
	debug.SetTraceback("system")
	os.Exit(m.Run())
}
