package interp

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// Stress programs: threads mutate shared lists, dicts, sets, instances and
// globals at once. Each must finish without a crash with the result
// CPython's free-threaded build guarantees; under `go test -race` (CI) the
// race detector checks that every access to shared state is synchronised.
var threadStress = []struct{ name, src, out string }{
	{"list-append", `
import threading
xs = []
def work(n):
    for i in range(2000):
        xs.append(i)
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(xs), sum(xs))
`, "16000 15992000\n"},
	{"list-slices", `
import threading
xs = list(range(100))
def work(k):
    for i in range(400):
        j = (i * 7 + k) % 80
        xs[j:j + 5] = xs[j:j + 5][::-1]
        del xs[k:k + 1]
        xs[1000:] = [k]
        if len(xs[::3]) < 31 or len(xs[1:] + xs[:1]) < 92:
            print("short")
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
# Each slice operation is atomic (at most 8 deletions are pending at a
# time): the length is kept, no element is torn.
print(len(xs), all(type(x) is int for x in xs))
`, "100 True\n"},
	{"dict-counter-lock", `
import threading
counts = {}
lock = threading.Lock()
def work(k):
    for i in range(1000):
        with lock:
            counts[i % 10] = counts.get(i % 10, 0) + 1
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(counts.values()), sorted(counts.items())[0])
`, "8000 (0, 800)\n"},
	{"list-read-while-moved", `
import threading
# Readers index a list while a writer swaps its elements between ints and
# strs and moves its storage: every read must see one element of one
# version (the interpreter's reads take no lock on amd64: objlock.go).
n = 500
ints = list(range(n))
strs = [str(i) for i in range(n)]
xs = ints[:]
finished = []
def writer(xs=xs):
    r = 0
    while len(finished) < 3:
        xs[:] = strs if r % 2 else ints
        xs *= 1
        xs.append(None)
        xs.pop()
        xs[r % n] = strs[r % n]
        r += 1
def reader(k):
    bad = 0
    for rnd in range(60):
        for i in range(n):
            v = xs[i]
            if v != i and v != strs[i]:
                bad += 1
    bad_reads[k] = bad
    finished.append(k)
bad_reads = [0] * 3
w = threading.Thread(target=writer)
w.start()
ts = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
for t in ts: t.start()
for t in ts: t.join()
w.join()
print(bad_reads, len(xs))
`, "[0, 0, 0] 500\n"},
	{"dict-counter-nolock", `
import threading
counts = {}
def work(k):
    for i in range(1000):
        counts[(k, i % 7)] = counts.get((k, i % 7), 0) + 1
        counts[i % 10] = counts.get(i % 10, 0) + 1
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
# Each thread's own keys are exact; shared keys may lose updates, never
# more than were made.
print(sum(v for k, v in counts.items() if isinstance(k, tuple)), sum(counts[i] for i in range(10)) <= 8000)
`, "8000 True\n"},
	{"mixed", `
import threading
class Box:
    def __init__(self):
        self.n = 0
        self.items = []
box = Box()
total = 0
seen = set()
lock = threading.Lock()
shared = [0] * 16
def work(k):
    global total
    for i in range(500):
        box.items.append(i)
        seen.add(i % 50)
        shared[i % 16] = k
        x = shared[(i + k) % 16]
        setattr(box, "f%d" % (i % 3), i)
        if i % 100 == 0:
            box.items = box.items[-10:]
        with lock:
            box.n += 1
            total += 1
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(box.n, total, len(seen), len(shared), sorted(vars(box))[:3])
`, "4000 4000 50 16 ['f0', 'f1', 'f2']\n"},
	{"list-index-while-growing", `
import threading
xs = [0] * 10
go = threading.Barrier(6)
def grow(k):
    go.wait()
    for i in range(30000):
        xs.append(i)
        if i % 3 == 0:
            xs.pop()
def index(k):
    go.wait()
    t = 0
    for i in range(30000):
        t += xs[i % 10] + xs[-1] * 0
def store(k):
    go.wait()
    for i in range(30000):
        xs[-(i % 5) - 1] = i
ts = [threading.Thread(target=f, args=(k,)) for f in (grow, index, store) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(len(xs), xs[:5])
`, "40010 [0, 0, 0, 0, 0]\n"},
	{"instance-attrs", `
import threading
class P:
    def __init__(self, x):
        self.x = x
    def bump(self, d):
        self.x = self.x + d
        return self.x
shared = P(0)
go = threading.Barrier(4)
def work(k):
    mine = P(k)
    go.wait()
    for i in range(5000):
        mine.bump(1)
        shared.y = shared.x + i
        shared.bump(0)
        o = P(i)
        o.z = i
        o.w = o.z + o.x
        if i % 500 == k:
            setattr(shared, "a%d_%d" % (k, i), o.w)
    res[k] = mine.x - k
res = [0] * 4
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(res, shared.x, len(vars(shared)))
`, "[5000, 5000, 5000, 5000] 0 42\n"},
	{"cpu-bound", `
import threading
out = [0] * 8
def gen(k):
    for i in range(k, 3000):
        yield i * i * 1000003
def work(k):
    t = 0
    for i in range(3000):
        t += i % (k + 2)
    out[k] = sum(gen(k)) + t
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(out[0], out[7], sum(out))
`, "8995527486503000 8995527395513218 71964219696065397\n"},
	// A loop traced with attribute loads and stores before the threads
	// start runs in the interpreter while they run (no trace reads an
	// instance another thread may be changing), and natively again after.
	{"attribute-trace", `
import threading
class P:
    def __init__(self):
        self.x = 0.0
        self.n = 0
def bump(p, k):
    for i in range(k):
        p.x += 0.5
        p.n += 1
p = P()
bump(p, 1000)
ps = [P() for _ in range(8)]
ts = [threading.Thread(target=bump, args=(ps[k], 2000)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(p.n, p.x, sum(q.n for q in ps), sum(q.x for q in ps))
bump(p, 1000)
print(p.n, p.x)
`, "1000 500.0 16000 8000.0\n2000 1000.0\n"},
	// A generator shared by threads runs on one at a time: the others get
	// CPython's "generator already executing", and every item is handed
	// out once (without the claim two threads run its frame at once).
	{"shared-generator", `
import threading
def count(n):
    for i in range(n):
        yield i
def relay(g):
    yield from g
g = count(20000)
r = relay(count(20000))
got = [[], [], [], []]
busy = [0, 0, 0, 0]
go = threading.Barrier(4)
def work(k):
    go.wait()
    for src in (g, r):
        while True:
            try:
                got[k].append(next(src))
            except ValueError as e:
                busy[k] += str(e) == "generator already executing"
            except StopIteration:
                break
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
items = sorted(x for l in got for x in l)
print(len(items), items == sorted(list(range(20000)) * 2))
def echo():
    x = yield 0
    while True:
        x = yield x
e = echo()
next(e)
def sender(k):
    for i in range(3000):
        try:
            assert e.send(i) == i
        except ValueError:
            pass
ts = [threading.Thread(target=sender, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
e.close()
print("closed")
`, "40000 True\nclosed\n"},
	// array.array's bytes are guarded like a list's elements: appends,
	// stores, slices, iteration and sums from several threads at once.
	{"array", `
import threading
from array import array
a = array('d', [0.0] * 8)
go = threading.Barrier(4)
def work(k):
    go.wait()
    for i in range(3000):
        a.append(float(i))
        a[k] = a[k] + 1.0
        s = a[-4:]
        if i % 7 == 0:
            a.pop()
        if i % 500 == 0:
            t = sum(a)
            for x in a:
                pass
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(a), a[0], a[3], a[4])
`, "10292 3000.0 3000.0 0.0\n"},
	// Module attributes stored by some threads while others read them:
	// each store publishes a new map, so a reader never sees one half
	// made (a data race on the map pointer without it).
	{"module-attrs", `
import threading, math
go = threading.Barrier(4)
def work(k):
    go.wait()
    for i in range(2000):
        if k < 2:
            setattr(math, "t%d" % k, i)
            math.shared = i
        else:
            x = math.pi + getattr(math, "shared", 0) * 0
            y = hasattr(math, "t0")
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(math.t0, math.t1, math.shared)
`, "1999 1999 1999\n"},
	// Traces that load and store list elements run on every thread
	// (list_load_mt, list_store_mt) while another thread resizes and
	// replaces the list's storage: no store is lost, no load reads past
	// the storage it bounds-checked against.
	{"list-traces", `
import threading
xs = [0.0] * 64
go = threading.Barrier(4)
sums = [0.0] * 4
done = [0]
def reader(k, xs=xs):
    go.wait()
    t = 0.0
    for r in range(3000):
        for i in range(64):
            t += xs[i]
    sums[k] = t
def writer(k, xs=xs):
    go.wait()
    for r in range(3000):
        for i in range(k, 64, 2):
            xs[i] = xs[i] + 1.0
    done[0] += 1
def mutator(k, xs=xs):
    go.wait()
    while done[0] < 2:
        xs.append(0.5)
        xs.pop()
        xs *= 1
ts = [threading.Thread(target=writer, args=(0,)), threading.Thread(target=writer, args=(1,)),
      threading.Thread(target=reader, args=(2,)), threading.Thread(target=mutator, args=(3,))]
for t in ts: t.start()
for t in ts: t.join()
print(len(xs), min(xs), max(xs), sums[2] <= 64 * 3000 * 3000)
`, "64 3000.0 3000.0 True\n"},
	// Strs made on one thread are measured, indexed and sliced on four:
	// a str's kind (ASCII or not) is fixed when it is made and its code
	// points are published whole when first decoded (a data race, and
	// an index past the ASCII table, when threads classified a str at
	// once).
	{"str-kinds", `
import threading
words = ["h\u00e9llo w\u00f6rld " * 3 + str(i) for i in range(300)] + ["plain ascii " + str(i) for i in range(300)]
go = threading.Barrier(4)
res = [0] * 4
def work(k):
    go.wait()
    n = 0
    for w in words:
        n += len(w) + len(w[3:9]) + (w[-1] == "9") + ord(w[1]) + len(w.upper())
    res[k] = n
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(res[0] == res[1] == res[2] == res[3], res[0])
`, "True 137920\n"},
	// A class's attributes set by some threads while others make
	// instances of it and call its methods: the look-ups that fill the
	// class's caches read its attributes under its attrsMu (a data race
	// on the map without it).
	{"class-attrs", `
import threading
class P:
    count = 0
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
go = threading.Barrier(4)
def work(k):
    go.wait()
    n = 0
    for i in range(1500):
        if k < 2:
            P.count += 1
            setattr(P, "c%d" % (i % 5), i)
        else:
            n += P(i).get() + len(str(P.count)) * 0
            if i % 500 == 0:
                del_ok = hasattr(P, "c0")
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(0 < P.count <= 3000, P.c4)
`, "True 1499\n"},
}

func TestThreadStress(t *testing.T) {
	for _, c := range threadStress {
		for _, mode := range []JITMode{JITOff, JITOn} {
			t.Run(c.name+"/"+[]string{"interp", "jit"}[min(int(mode), 1)], func(t *testing.T) {
				var out, errb bytes.Buffer
				status := RunWith(Config{JIT: mode}, "t.py", []byte(c.src), nil, &out, &errb)
				if status != 0 || out.String() != c.out {
					t.Fatalf("status %d, output %q, want %q\nstderr: %s", status, out.String(), c.out, errb.String())
				}
				if s := errb.String(); strings.Contains(s, "internal error") {
					t.Fatal(s)
				}
			})
		}
	}
}

// An exception that ends a thread is reported as CPython's
// threading.excepthook does, and the program goes on.
func TestThreadException(t *testing.T) {
	src := `import threading
def bad():
    raise KeyError("missing")
t = threading.Thread(target=bad)
t.start()
t.join()
print("main goes on", t.is_alive())
`
	var out, errb bytes.Buffer
	status := Run("t.py", []byte(src), &out, &errb)
	want := "Exception in thread Thread-1 (bad):\nTraceback (most recent call last):\n  File \"t.py\", line 3, in bad\n    raise KeyError(\"missing\")\nKeyError: 'missing'\n"
	if status != 0 || out.String() != "main goes on False\n" || errb.String() != want {
		t.Fatalf("status %d, stdout %q, stderr %q, want stderr %q", status, out.String(), errb.String(), want)
	}
}

// sys.stderr replaced by the program gets what CPython's hooks write
// there: a thread's exception report and the program's traceback.
func TestStderrRedirect(t *testing.T) {
	src := `import sys, io, threading
buf = io.StringIO()
sys.stderr = buf
def bad():
    raise KeyError("missing")
t = threading.Thread(target=bad)
t.start()
t.join()
sys.stderr = sys.stdout
print(buf.getvalue().splitlines()[::4])
raise ValueError("last")
`
	var out, errb bytes.Buffer
	status := Run("t.py", []byte(src), &out, &errb)
	want := "['Exception in thread Thread-1 (bad):', \"KeyError: 'missing'\"]\nTraceback (most recent call last):\n  File \"t.py\", line 11, in <module>\n    raise ValueError(\"last\")\nValueError: last\n"
	if status != 1 || out.String() != want || errb.Len() != 0 {
		t.Fatalf("status %d, stdout %q, stderr %q, want stdout %q", status, out.String(), errb.String(), want)
	}
}

// A loop recorded on a thread runs its inner loop natively to the end
// while recording (finishInnerNative): those stores too must take the
// list's sequence word, or a thread that moves the list's storage meanwhile
// (xs *= 1 copies it) loses them. Each writer thread records its outer
// loop afresh (traces are per thread), so every round is a new chance; the
// old plain stores lost a whole inner run in most runs of this program
// (issue 13: the lost update of the list-traces program).
func TestThreadListRecording(t *testing.T) {
	src := `
import threading
xs = [0.0] * 20000
stop = [0]
def writer(k, xs=xs):
    for r in range(8):
        for i in range(100000):
            xs[k] = xs[k] + 1.0
def mutator(xs=xs):
    while stop[0] == 0:
        xs *= 1
m = threading.Thread(target=mutator)
m.start()
for rnd in range(6):
    ws = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
    for w in ws: w.start()
    for w in ws: w.join()
stop[0] = 1
m.join()
print(xs[0], xs[1], len(xs))
`
	var out, errb bytes.Buffer
	status := RunWith(Config{JIT: JITOn, JITThreshold: 4}, "t.py", []byte(src), nil, &out, &errb)
	if want := "4800000.0 4800000.0 20000\n"; status != 0 || out.String() != want {
		t.Fatalf("status %d, output %q, want %q\nstderr: %s", status, out.String(), want, errb.String())
	}
}

// A trace compiled before threads ran starts the first thread from a
// call-out: it must not go on after the call-out with its plain list
// stores beside the new thread (which moves the list's storage here): it
// leaves, and is recorded again for threads. It lost stores in every run
// before.
func TestThreadStartedInTrace(t *testing.T) {
	src := `
import threading
xs = [0.0] * 20000
stop = [0]
def mutator(xs=xs):
    while stop[0] == 0:
        xs *= 1
m = threading.Thread(target=mutator)
calls = [len] * 300
calls[150] = lambda x: m.start()
def main(xs=xs, calls=calls):
    for r in range(300):
        for j in range(20000):
            xs[0] = xs[0] + 1.0
        calls[r](xs)
    stop[0] = 1
    m.join()
main()
print(xs[0])
`
	var out, errb bytes.Buffer
	status := RunWith(Config{JIT: JITOn}, "t.py", []byte(src), nil, &out, &errb)
	if want := "6000000.0\n"; status != 0 || out.String() != want {
		t.Fatalf("status %d, output %q, want %q\nstderr: %s", status, out.String(), want, errb.String())
	}
}

// The interpreter's list reads under threads (listLoad) see one element
// of one version while another thread changes the list the way the
// interpreter's locked operations do: elements swapped between ints and
// objects in place, and the storage moved. A torn read shows up as an int
// of the wrong value, or an object tag with the wrong object or none.
// Without the race detector on amd64 this runs the lock-free reads; with
// it, the locked ones, whose synchronisation it checks.
func TestThreadListLoadConsistent(t *testing.T) {
	const n = 64
	marks := make([]Object, n)
	for i := range marks {
		marks[i] = newList(nil)
	}
	l := newList(nil)
	for i := range n {
		l.append(IntVal(int64(i)))
	}
	var done atomic.Int32
	writer := &VM{}
	go func() {
		for r := 0; done.Load() < 2; r++ {
			h := writer.lockOne(l)
			for i := range n {
				if r%2 == 0 {
					l.setAt(i, ObjVal(marks[i]))
				} else {
					l.setAt(i, IntVal(int64(i)))
				}
			}
			if r%3 == 0 {
				l.vals = slices.Clone(l.vals)
				l.objs = slices.Clone(l.objs)
			}
			h.unlock(writer)
		}
	}()
	errs := make(chan string, 2)
	for range 2 {
		go func() {
			defer done.Add(1)
			vm := &VM{mt: true}
			f := &frame{regs: make([]templates.Value, 1), objs: make([]Object, 1)}
			for k := range 300_000 {
				i := k % n
				if !vm.listLoad(f, 0, l, int64(i)) {
					errs <- fmt.Sprintf("l[%d] out of range", i)
					return
				}
				switch r := f.regs[0]; r.Tag {
				case tagInt:
					if r.Bits != uint64(i) {
						errs <- fmt.Sprintf("l[%d] = int %d", i, r.Bits)
						return
					}
				case tagObject:
					if f.objs[0] != marks[i] {
						errs <- fmt.Sprintf("l[%d] = object %p, want %p", i, f.objs[0], marks[i])
						return
					}
				default:
					errs <- fmt.Sprintf("l[%d] has tag %d", i, r.Tag)
					return
				}
			}
			errs <- ""
		}()
	}
	for range 2 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// --jit=uops runs the _mt list uops as native code does, under the list's
// sequence word (uopref's list_load_mt, list_store_mt): a store that
// meets a thread moving the list's storage (xs *= 1) exits to the
// interpreter instead of writing into the old array and being lost. The
// reference reads a list while another thread may write it, which the
// race detector reports although the read is thrown away: not under it.
func TestThreadUopsListStores(t *testing.T) {
	if raceDetector {
		t.Skip("the reference's optimistic list reads race by design")
	}
	src := `
import threading
xs = [0.0] * 200
stop = [0]
def writer(k, xs=xs):
    for r in range(4):
        for i in range(5000):
            xs[k] = xs[k] + 1.0
def mutator(xs=xs):
    while stop[0] == 0:
        xs *= 1
        for i in range(20):
            pass
m = threading.Thread(target=mutator)
m.start()
for rnd in range(3):
    ws = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
    for w in ws: w.start()
    for w in ws: w.join()
stop[0] = 1
m.join()
print(xs[0], xs[1], len(xs))
`
	var out, errb bytes.Buffer
	status := RunWith(Config{JIT: JITUops, JITThreshold: 4}, "t.py", []byte(src), nil, &out, &errb)
	if want := "60000.0 60000.0 200\n"; status != 0 || out.String() != want {
		t.Fatalf("status %d, output %q, want %q\nstderr: %s", status, out.String(), want, errb.String())
	}
}
