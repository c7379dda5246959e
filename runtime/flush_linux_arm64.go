package jit

// flushICache makes freshly written code visible to instruction fetch:
// Linux lets user code clean and invalidate cache lines itself. (darwin
// calls sys_icache_invalidate: mapjit_darwin_arm64.go.)
func flushICache(start, end uintptr) { flushICacheLines(start, end) }
