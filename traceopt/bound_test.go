package traceopt

import "testing"

// TestPassesNameNoNewSlot: Optimize finds the trace's highest slot once
// and every pass sizes its rows by it, so no pass may name a slot above
// the ones the trace began with.
func TestPassesNameNoNewSlot(t *testing.T) {
	for name, tr := range map[string]*Trace{"sum": sumLoop(), "nested": nestedLoop(), "bridged": bridgedLoop()} {
		begin := tr.maxSlot()
		for _, p := range Passes {
			p.Run(tr)
			if m := tr.maxSlot(); m > begin {
				t.Errorf("%s: after %s the highest slot is %d, above the %d the trace began with:\n%s", name, p.Name, m, begin, tr)
			}
		}
	}
}

// TestOptimizeForgetsBound: the bound holds only while Optimize runs; a
// trace optimized and then given more slots finds them.
func TestOptimizeForgetsBound(t *testing.T) {
	tr := sumLoop()
	Optimize(tr, nil)
	if tr.bounded {
		t.Fatal("trace still bounded after Optimize")
	}
	begin := tr.maxSlot()
	tr.Insts[0].Args[0] = Slot(begin + 5)
	if got := tr.maxSlot(); got != begin+5 {
		t.Errorf("maxSlot = %d after naming slot %d", got, begin+5)
	}
}
