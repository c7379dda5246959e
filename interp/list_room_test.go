package interp

import (
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// TestNewListLenOneAllocation checks that a list of up to roomMax slots is
// one allocation (its slots inside the List), a longer one two, and that
// growing past the room keeps the elements.
func TestNewListLenOneAllocation(t *testing.T) {
	var sink *List
	for n := 0; n <= roomMax+2; n++ {
		want := 1.0
		if n > roomMax {
			want = 2
		}
		got := testing.AllocsPerRun(100, func() { sink = newListLen(n) })
		if got != want {
			t.Errorf("newListLen(%d): %v allocations, want %v", n, got, want)
		}
		if len(sink.vals) != n {
			t.Errorf("newListLen(%d): %d slots", n, len(sink.vals))
		}
	}
	for n := 1; n <= objRoomMax+1; n++ {
		want := 1.0
		if n > objRoomMax {
			want = 3
		}
		got := testing.AllocsPerRun(100, func() { sink = newListObjs(n) })
		if got != want || len(sink.vals) != n || len(sink.objs) != n {
			t.Errorf("newListObjs(%d): %v allocations, %d slots, %d objects; want %v, %d, %d", n, got, len(sink.vals), len(sink.objs), want, n, n)
		}
	}
	items := []Val{IntVal(1), ObjVal(&Str{s: "a"}), IntVal(3)}
	if got := testing.AllocsPerRun(100, func() { sink = newList(items) }); got != 1 {
		t.Errorf("newList of three with an object: %v allocations, want 1", got)
	}
	if sink.objs[1] != items[1].O || sink.vals[2].Bits != 3 {
		t.Errorf("newList: wrong items %v %v", sink.vals, sink.objs)
	}
	if got := testing.AllocsPerRun(100, func() {
		sink = newEmptyList()
		for i := range 4 {
			sink.append(IntVal(int64(i)))
		}
	}); got != 1 {
		t.Errorf("[] and four appends: %v allocations, want 1", got)
	}
	l := newListLen(roomMax)
	for i := range l.vals {
		l.vals[i] = templates.Value{Tag: tagInt, Bits: uint64(i)}
	}
	for i := roomMax; i < 3*roomMax; i++ {
		l.append(IntVal(int64(i)))
	}
	for i := range l.vals {
		if l.vals[i].Bits != uint64(i) {
			t.Fatalf("after growing past the room, slot %d holds %d", i, l.vals[i].Bits)
		}
	}
}

// TestNewStrListOneAllocation checks that split()'s lists of up to sixteen
// strs are one allocation, longer ones four, that every slice is full
// (an append must not write into the strs after the objects), and that
// appending past the room keeps the items.
func TestNewStrListOneAllocation(t *testing.T) {
	var sinkL *List
	var sinkS []Str
	for _, n := range []int{0, 1, 4, 5, 8, 9, 12, 13, 16, 17, 40} {
		want := 1.0
		if n > 16 {
			want = 4
		}
		got := testing.AllocsPerRun(100, func() { sinkL, sinkS = newStrList(n) })
		if got != want {
			t.Errorf("newStrList(%d): %v allocations, want %v", n, got, want)
		}
		if len(sinkL.vals) != n || cap(sinkL.vals) != n || len(sinkL.objs) != n || cap(sinkL.objs) != n || len(sinkS) != n || cap(sinkS) != n {
			t.Errorf("newStrList(%d): vals %d/%d, objs %d/%d, strs %d/%d; want all %d", n,
				len(sinkL.vals), cap(sinkL.vals), len(sinkL.objs), cap(sinkL.objs), len(sinkS), cap(sinkS), n)
		}
	}
	words := []string{"ab", "c", "de", "fg", "hi"}
	l, strs := newStrList(len(words))
	for k, w := range words {
		setStr(l, strs, k, w)
	}
	l.append(StrVal("tail"))
	for k, w := range append(words, "tail") {
		if s, ok := l.objs[k].(*Str); !ok || s.s != w || l.vals[k].Tag != tagObject {
			t.Errorf("item %d after append: %v, want %q", k, l.objs[k], w)
		}
	}
}
