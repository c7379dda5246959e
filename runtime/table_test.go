package jit

import (
	"reflect"
	"sync"
	"testing"

	"github.com/copypatch/copypatch/generated"
)

// TestGeneralTablesOnce makes the general path's tables of every op from
// several goroutines at once (run it with -race): each op gets one set,
// the same for every caller, equal to packGeneral's, and packing an op
// leaves them unmade.
func TestGeneralTablesOnce(t *testing.T) {
	tab := newTable(generated.Set)
	var ops []*opInfo
	for i := range tab.ops {
		info := tab.op(i)
		if info.general.Load() != nil {
			t.Fatalf("op %d: packing made the general path's tables", i)
		}
		if info.bad == nil {
			ops = append(ops, info)
		}
	}
	const workers = 4
	got := make([][]*generalTables, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, info := range ops {
				got[w] = append(got[w], tab.generalOf(info))
			}
		}()
	}
	wg.Wait()
	for k, info := range ops {
		for w := 1; w < workers; w++ {
			if got[w][k] != got[0][k] {
				t.Fatalf("%s: two sets of general tables", info.src.Name)
			}
		}
		if want := packGeneral(info.src); !reflect.DeepEqual(got[0][k], want) {
			t.Fatalf("%s: general tables %+v, want %+v", info.src.Name, got[0][k], want)
		}
	}
}
