package jit

import (
	"fmt"
	"os"
	"sync"
)

// perfMap writes Linux perf's JIT symbol map, /tmp/perf-<pid>.map: one line
// "START SIZE name" (hex) per symbol.
type perfMap struct {
	mu sync.Mutex
	f  *os.File
}

func openPerfMap() *perfMap {
	f, err := os.OpenFile(fmt.Sprintf("/tmp/perf-%d.map", os.Getpid()), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil // observability only: never fail a compile for it
	}
	return &perfMap{f: f}
}

func (m *perfMap) write(t *Trace) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range t.starts {
		end := t.code
		if i+1 < len(t.starts) {
			end = int(t.starts[i+1])
		}
		name := "exit_stub"
		if i < len(t.ops) {
			name = t.cache.table.set.Name(t.ops[i])
		}
		fmt.Fprintf(m.f, "%x %x jit:%x:%d:%s\n", t.addr(int(t.starts[i])), end-int(t.starts[i]), t.Addr(), i, name)
	}
}
