package interp

import (
	"sync"

	"github.com/copypatch/copypatch/templates"
)

// Shape is the layout of an instance's attributes (a hidden class): which
// attribute lives in which slot. Instances of a class that gain the same
// attributes in the same order share one shape, so a cache that has seen a
// shape knows an attribute's slot without looking its name up, and a trace
// can guard on the shape pointer alone.
//
// Shapes form a tree per class, rooted at Class.root: adding attribute n to
// an instance of shape s moves it to s.with(n). A shared shape never changes
// once published (threads and caches read it without a lock); only its
// table of transitions grows, under its mutex. An instance that deletes an
// attribute or grows past maxSharedAttrs gets private shapes from then on:
// made for it alone, outside the tree, and never remembered by caches.
// No shape is ever edited.
type Shape struct {
	cls     *Class
	root    *Shape
	names   []string         // slot i holds attribute names[i]
	index   map[string]int32 // by name, when there are too many names to scan
	private bool             // made for one instance, outside the tree: never cached
	// live is the instance's __dict__ once it has been asked for (only on
	// private shapes, which carry it on as attributes come and go).
	live *Dict

	mu   sync.Mutex
	next map[string]*Shape // transitions: this shape plus one attribute
}

const (
	// shapeScan is how many names a lookup compares before a map pays.
	shapeScan = 8
	// maxSharedAttrs bounds a shared transition chain: objects used as
	// bags of many computed names would otherwise make quadratic shapes.
	maxSharedAttrs = 64
)

func newRootShape(cls *Class) *Shape {
	s := &Shape{cls: cls}
	s.root = s
	return s
}

// bagShape is the root for attribute bags without a class (the attributes
// of exception objects).
var bagShape = newRootShape(nil)

// slot is the index of name, or -1.
func (s *Shape) slot(name string) int32 {
	if s.index != nil {
		if i, ok := s.index[name]; ok {
			return i
		}
		return -1
	}
	for i, n := range s.names {
		if n == name {
			return int32(i)
		}
	}
	return -1
}

// with is the shape after adding name (not already present).
func (s *Shape) with(name string) *Shape {
	if s.private || len(s.names) >= maxSharedAttrs {
		t := &Shape{cls: s.cls, root: s.root, private: true, live: s.live}
		t.setNames(append(s.names[:len(s.names):len(s.names)], name))
		return t
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.next[name]; t != nil {
		return t
	}
	t := &Shape{cls: s.cls, root: s.root}
	t.setNames(append(s.names[:len(s.names):len(s.names)], name))
	if s.next == nil {
		s.next = map[string]*Shape{}
	}
	s.next[name] = t
	return t
}

func (s *Shape) setNames(names []string) {
	s.names = names
	s.index = nil
	if len(names) > shapeScan {
		s.index = make(map[string]int32, len(names))
		for i, n := range names {
			s.index[n] = int32(i)
		}
	}
}

// Instance is an object of a user-defined class. Its attributes live in
// slots laid out by its shape, in the tag+bits form of frame slots (vals,
// pointer-free, what native code can read) with heap objects beside them
// in objs.
type Instance struct {
	cls   *Class
	shape *Shape
	vals  []templates.Value
	objs  []Object
}

// Room for an instance's attributes in the instance itself: a small object
// (a vector returned by __add__) is one allocation, not three. The room is
// sized by what earlier instances of the class grew to (Class.nattrs), in
// steps that are Go's size classes (64 bytes of head and 32 a slot: a
// three-float vector takes 160 bytes, not the 192 of four slots): the
// fewer bytes a program allocates, the fewer collections it runs and the
// less fresh memory it touches. Each is allocated whole and handed out as
// its Instance, its first field, which keeps it alive.
type (
	instance1 struct {
		Instance
		v [1]templates.Value
		o [1]Object
	}
	instance2 struct {
		Instance
		v [2]templates.Value
		o [2]Object
	}
	instance3 struct {
		Instance
		v [3]templates.Value
		o [3]Object
	}
	instance4 struct {
		Instance
		v [4]templates.Value
		o [4]Object
	}
	instance6 struct {
		Instance
		v [6]templates.Value
		o [6]Object
	}
	instance8 struct {
		Instance
		v [8]templates.Value
		o [8]Object
	}
)

// init points the Instance's slot slices at the room allocated with it.
func (p *instance1) init() *Instance { p.vals, p.objs = p.v[:0], p.o[:0]; return &p.Instance }
func (p *instance2) init() *Instance { p.vals, p.objs = p.v[:0], p.o[:0]; return &p.Instance }
func (p *instance3) init() *Instance { p.vals, p.objs = p.v[:0], p.o[:0]; return &p.Instance }
func (p *instance4) init() *Instance { p.vals, p.objs = p.v[:0], p.o[:0]; return &p.Instance }
func (p *instance6) init() *Instance { p.vals, p.objs = p.v[:0], p.o[:0]; return &p.Instance }
func (p *instance8) init() *Instance { p.vals, p.objs = p.v[:0], p.o[:0]; return &p.Instance }

// defaultAttrs is the room of an instance whose class has not shown yet
// how many attributes its instances get.
const defaultAttrs = 4

// clone is a shallow copy (copy.copy). An Instance must never be copied
// by value: its slices may point into its own inline arrays.
func (x *Instance) clone() *Instance {
	c := newInstanceOf(x.cls, len(x.vals))
	c.shape = x.shape
	c.vals = append(c.vals, x.vals...)
	c.objs = append(c.objs, x.objs...)
	return c
}

func newInstanceOf(cls *Class, capacity int) *Instance {
	var x *Instance
	if capacity == 0 {
		capacity = defaultAttrs
	}
	switch {
	case capacity <= 1:
		x = new(instance1).init()
	case capacity <= 2:
		x = new(instance2).init()
	case capacity <= 3:
		x = new(instance3).init()
	case capacity <= 4:
		x = new(instance4).init()
	case capacity <= 6:
		x = new(instance6).init()
	case capacity <= 8:
		x = new(instance8).init()
	default:
		x = &Instance{vals: make([]templates.Value, 0, capacity), objs: make([]Object, 0, capacity)}
	}
	x.cls, x.shape = cls, cls.root
	return x
}

func (x *Instance) at(i int32) Val {
	r := x.vals[i]
	return Val{T: r.Tag, B: r.Bits, O: x.objs[i]}
}

func (x *Instance) setAt(i int32, v Val) {
	x.vals[i] = templates.Value{Tag: v.T, Bits: v.B}
	x.objs[i] = v.O
}

func (x *Instance) get(name string) (Val, bool) {
	if x.shape == nil {
		return Val{}, false
	}
	if i := x.shape.slot(name); i >= 0 {
		return x.at(i), true
	}
	return Val{}, false
}

func (x *Instance) set(name string, v Val) {
	if x.shape == nil {
		x.shape = bagShape
	}
	if i := x.shape.slot(name); i >= 0 {
		x.setAt(i, v)
	} else {
		x.add(x.shape.with(name), v)
	}
	if x.shape.live != nil && name != builtinValueAttr {
		x.shape.live.set(StrVal(name), v) // its hook stores the same value again
	}
}

// add appends the slot of the attribute that moves the instance to shape
// next.
func (x *Instance) add(next *Shape, v Val) {
	x.vals = append(x.vals, templates.Value{Tag: v.T, Bits: v.B})
	x.objs = append(x.objs, v.O)
	x.shape = next
}

// del removes an attribute; the instance keeps a private shape from then on.
func (x *Instance) del(name string) bool {
	if x.shape == nil {
		return false
	}
	i := x.shape.slot(name)
	if i < 0 {
		return false
	}
	names := make([]string, 0, len(x.shape.names)-1)
	names = append(append(names, x.shape.names[:i]...), x.shape.names[i+1:]...)
	t := &Shape{cls: x.shape.cls, root: x.shape.root, private: true, live: x.shape.live}
	t.setNames(names)
	x.shape = t
	x.vals = append(x.vals[:i], x.vals[i+1:]...)
	x.objs = append(x.objs[:i], x.objs[i+1:]...)
	if t.live != nil {
		t.live.del(StrVal(name)) // its hook finds the attribute gone
	}
	return true
}

// attrNames lists the attributes in the order they were added, as
// CPython's instance __dict__ keeps them.
func (x *Instance) attrNames() []string {
	if x.shape == nil {
		return nil
	}
	return x.shape.names
}

func (x *Instance) numAttrs() int { return len(x.vals) }

// dict is a copy of the attributes as a dict (vars(x), x.__dict__).
func (x *Instance) dict() *Dict {
	d := newDict()
	for i, n := range x.attrNames() {
		if n == builtinValueAttr || x.cls != nil && x.cls.isSlot(n) {
			continue
		}
		d.set(StrVal(n), x.at(int32(i)))
	}
	return d
}
