package interp

import (
	"sync/atomic"
	"unsafe"
)

// Inline caches: each attribute, attribute-store and method-call site
// remembers what the last instance it saw needed, keyed by that instance's
// shape (which fixes its class and where its attributes are) and the
// class's version (which changes when the class or a base is modified). A
// hit skips every name lookup; a miss takes the generic path and refills
// the site. An entry is immutable and replaced whole through an atomic
// pointer, so a thread sees the old entry or the new one, never a mix.
//
// A site remembers up to siteWays shapes (a method called on instances of
// several subclasses hits for each); a site that sees more stops learning.
//
// The count comes first: a look-up reads it and then the first way, and
// with the count behind the ways (768 bytes on) each look-up touched one
// cache line more, a miss at a site not run for a while (raytracer's
// attribute reads spent 7% of the run waiting for it).
type siteCache struct {
	n    int
	mega bool // saw more live shapes than it holds: no more fills
	// mul is the multiplier shapeHash uses at this site: the first of
	// hashMuls that gives each way a bucket of its own.
	mul  uint64
	ways [siteWays]cacheEntry
	// idx maps a shape's hash (shapeHash) to 1 + the way that holds it,
	// 0 for none; whole says every way is in it (no two collided), so a
	// shape its bucket does not name is in no way. A polymorphic site
	// (constraints' c.output over six classes) found its shape after
	// ~7 ways of a linear scan, 60 instructions; the index takes ~12.
	// Filled before the site is published, like the ways.
	whole bool
	idx   [1 << shapeHashBits]uint8
}

// shapeHashBits sizes a site's index: 32 buckets for 8 ways keeps
// collisions (which fall back to the scan) rare.
const shapeHashBits = 5

// shapeHash spreads a shape's address over the index (multiplicative
// hashing: the high bits of the product mix all of the address's bits,
// where its low bits are only the allocator's alignment).
func shapeHash(s *Shape, mul uint64) uintptr {
	return uintptr(uint64(uintptr(unsafe.Pointer(s))) * mul >> (64 - shapeHashBits))
}

// hashMuls are the odd multipliers index tries in turn. With one fixed
// multiplier, whether a site's shapes collided (and every look-up of
// some of them scanned the ways) depended on where the allocator put
// them: a change elsewhere moved constraints by 70M instructions.
var hashMuls = [...]uint64{
	0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
	0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9,
}

// index fills idx from the ways with the first multiplier under which no
// two ways share a bucket (else the first, the rest found by the scan);
// the site is not yet published.
func (c *siteCache) index() {
	for _, mul := range hashMuls {
		if c.indexWith(mul) {
			return
		}
	}
	c.indexWith(hashMuls[0])
}

// indexWith fills idx for multiplier mul and reports whether it is whole.
func (c *siteCache) indexWith(mul uint64) bool {
	c.mul = mul
	c.idx = [1 << shapeHashBits]uint8{}
	c.whole = true
	for i := range c.n {
		h := shapeHash(c.ways[i].shape, mul)
		if c.idx[h] != 0 {
			c.whole = false
			continue
		}
		c.idx[h] = uint8(i + 1)
	}
	return c.whole
}

// Eight, not four: a work-list over a class hierarchy (constraints: six
// Constraint subclasses read through c.output, c.active, c.compute())
// made its sites megamorphic, each read a generic look-up.
const siteWays = 8

// lookup finds the entry for x as x is now.
func (c *siteCache) lookup(x *Instance) *cacheEntry {
	if c == nil {
		return nil
	}
	if i := c.idx[shapeHash(x.shape, c.mul)]; i != 0 {
		if e := &c.ways[i-1]; e.shape == x.shape {
			if e.version == x.cls.version.Load() {
				return e
			}
			return nil
		}
	}
	if c.whole {
		return nil
	}
	for i := range c.n {
		if e := &c.ways[i]; e.shape == x.shape {
			if e.version == x.cls.version.Load() {
				return e
			}
			return nil
		}
	}
	return nil
}

// learn adds e to the site, dropping stale entries; a site full of live
// entries turns megamorphic instead.
func learn(site *atomic.Pointer[siteCache], e cacheEntry) {
	old := site.Load()
	var c siteCache
	if old != nil {
		if old.n == siteWays {
			live := 0
			for i := range old.n {
				if old.ways[i].live() {
					live++
				}
			}
			if live == siteWays {
				c = *old
				c.mega = true
				site.Store(&c)
				return
			}
		}
		for i := range old.n {
			w := old.ways[i]
			if w.shape != e.shape && w.live() {
				c.ways[c.n] = w
				c.n++
			}
		}
	}
	c.ways[c.n] = e
	c.n++
	c.index()
	site.Store(&c)
}

// only is a site that knows e alone (module and built-in receiver sites).
func only(e cacheEntry) *siteCache {
	c := &siteCache{ways: [siteWays]cacheEntry{e}, n: 1}
	c.index()
	return c
}

func (c *siteCache) megamorphic() bool { return c != nil && c.mega }

// live says whether an instance entry is still right for its class. The
// entries of built-in receivers and modules (no shape) a site may hold
// when it also sees instances are dropped.
func (e *cacheEntry) live() bool {
	return e.shape != nil && e.version == e.shape.cls.version.Load()
}

type cacheEntry struct {
	shape   *Shape
	version uint64
	kind    cacheKind
	slot    int32   // cacheSlot: the instance slot
	next    *Shape  // cacheAdd: the shape after adding the attribute
	mod     *Module // a module attribute site: the module
	tname   string  // cacheBuiltin: the receiver's type name
	tcode   uint8   // cacheBuiltin: builtinCode of tname, for builtinExtraAt
	extra   extraFn // cacheBuiltin: the method, when methods_more.go has it
	val     Val     // cacheMethod: the function; cacheClassVal: the value; cacheProperty: the getter
}

type cacheKind uint8

const (
	cacheSlot     cacheKind = iota + 1 // the instance's own attribute
	cacheAdd                           // a store that adds an attribute
	cacheMethod                        // a function on the class, bound to the instance
	cacheClassVal                      // a class attribute read as it is
	cacheProperty                      // a property's getter, called with the instance
	cacheBuiltin                       // a method of a built-in type, found by its type's name
)

// site is the cache of the instruction in.
func (co *Code) site(in *Instr) *atomic.Pointer[siteCache] {
	pc := (uintptr(unsafe.Pointer(in)) - uintptr(unsafe.Pointer(&co.instrs[0]))) / unsafe.Sizeof(Instr{})
	if pc >= uintptr(len(co.instrs)) || &co.instrs[pc] != in {
		// A copy of an instruction has no site: its cache would be
		// another instruction's, which names another attribute.
		panic("BUG: Code.site of an instruction outside the code")
	}
	return &co.caches[pc]
}

// cacheable says whether what is learnt about x's attributes can be kept:
// not for a private shape, nor for classes that take attribute access
// over themselves.
func cacheable(x *Instance) bool {
	if x.shape.private || x.cls == nil {
		return false
	}
	_, ga := x.cls.lookup("__getattribute__")
	_, sa := x.cls.lookup("__setattr__")
	return !ga && !sa
}

// loadAttr reads x.name at a site.
func (vm *VM) loadAttr(site *atomic.Pointer[siteCache], x *Instance, self Val, name string) (Val, error) {
	c := site.Load()
	if e := c.lookup(x); e != nil {
		switch e.kind {
		case cacheSlot:
			return x.at(e.slot), nil
		case cacheMethod:
			return ObjVal(&Method{self: self, fn: e.val}), nil
		case cacheClassVal:
			return e.val, nil
		case cacheProperty:
			return vm.call(e.val, []Val{self}, nil)
		}
	}
	version := x.cls.version.Load()
	shape := x.shape
	v, err := vm.getAttr(self, name)
	if err == nil && x.shape == shape && !c.megamorphic() && cacheable(x) {
		if e, ok := loadEntry(x, name); ok {
			e.shape, e.version = shape, version
			learn(site, e)
		}
	}
	return v, err
}

// loadEntry says how x.name is found, if a cache can say it.
func loadEntry(x *Instance, name string) (cacheEntry, bool) {
	cv, onClass := x.cls.lookup(name)
	if p, ok := cv.O.(*Property); onClass && ok {
		if p.get.T == tagEmpty {
			return cacheEntry{}, false // reading raises: no getter
		}
		return cacheEntry{kind: cacheProperty, val: p.get}, true
	}
	if i := x.shape.slot(name); i >= 0 {
		return cacheEntry{kind: cacheSlot, slot: i}, true
	}
	if !onClass {
		return cacheEntry{}, false
	}
	switch w := cv.O.(type) {
	case *Instance:
		if _, _, ok := descriptor(cv); ok {
			return cacheEntry{}, false // __get__ runs on every read
		}
	case *Function:
		return cacheEntry{kind: cacheMethod, val: cv}, true
	case *Builtin:
		if w.method {
			// A method of a class written in Go binds to the instance
			// (cached as the Builtin itself, a second read at the site
			// lost self: obj.m(**kw) in a loop).
			return cacheEntry{}, false
		}
	case *ClassMethod:
		return cacheEntry{}, false
	case *StaticMethod:
		return cacheEntry{kind: cacheClassVal, val: w.fn}, true
	}
	return cacheEntry{kind: cacheClassVal, val: cv}, true
}

// storeAttr sets x.name = v at a site.
func (vm *VM) storeAttr(site *atomic.Pointer[siteCache], x *Instance, self Val, name string, v Val) error {
	c := site.Load()
	if e := c.lookup(x); e != nil {
		switch e.kind {
		case cacheSlot:
			x.setAt(e.slot, v)
			return nil
		case cacheAdd:
			x.add(e.next, v)
			return nil
		}
	}
	version := x.cls.version.Load()
	shape := x.shape
	if err := vm.setAttr(self, name, v); err != nil {
		return err
	}
	if shape.private || c.megamorphic() || !cacheable(x) {
		return nil
	}
	if p, onClass := x.cls.lookup(name); onClass {
		if _, isProp := p.O.(*Property); isProp {
			return nil
		}
		if _, isInst := p.O.(*Instance); isInst {
			return nil // maybe a descriptor's __set__
		}
	}
	switch {
	case x.shape == shape:
		if i := shape.slot(name); i >= 0 {
			learn(site, cacheEntry{shape: shape, version: version, kind: cacheSlot, slot: i})
		}
	case !x.shape.private && len(x.shape.names) == len(shape.names)+1:
		learn(site, cacheEntry{shape: shape, version: version, kind: cacheAdd, next: x.shape})
	}
	return nil
}

// methodOf finds the function that self.name(...) calls at a call site,
// when the attribute is a plain function on the class: the call then
// passes self as the first argument and makes no bound method.
func (vm *VM) methodOf(site *atomic.Pointer[siteCache], x *Instance, name string) (*Function, bool) {
	c := site.Load()
	if e := c.lookup(x); e != nil {
		if e.kind == cacheMethod {
			return e.val.O.(*Function), true
		}
		return nil, false
	}
	if c.megamorphic() || !cacheable(x) || x.shape.slot(name) >= 0 {
		return nil, false
	}
	version := x.cls.version.Load()
	e, ok := loadEntry(x, name)
	if !ok || e.kind != cacheMethod {
		return nil, false
	}
	e.shape, e.version = x.shape, version
	learn(site, e)
	return e.val.O.(*Function), true
}

// moduleAttr reads m.name at a site. The entry holds the module's
// version: storing or deleting any attribute of the module makes it stale.
func moduleAttr(site *atomic.Pointer[siteCache], m *Module, name string) (Val, bool) {
	if m.cls.Load() != nil {
		return Val{}, false // its class comes first: getAttr
	}
	if _, cell := m.cells[name]; m.main != nil || cell || m.running != nil {
		// The program's globals, a cell the module's functions may
		// store to, or a module whose code still runs: no version to
		// check.
		return m.lookup(name)
	}
	ver := m.version.Load()
	if c := site.Load(); c != nil && c.n == 1 && c.ways[0].mod == m && c.ways[0].version == ver {
		return c.ways[0].val, true
	}
	v, ok := m.table()[name]
	if ok {
		site.Store(only(cacheEntry{mod: m, val: v, version: ver}))
	}
	return v, ok
}

// callMethodAt calls self.name(...) for a receiver of a built-in type at a
// call site: the site remembers the receiver's type name and where the
// method was found, so a hit skips the method tables (four map look-ups
// per call otherwise).
func (vm *VM) callMethodAt(site *atomic.Pointer[siteCache], self Val, name string, args []Val, kwn []string) (Val, error) {
	tn := typeName(self)
	if c := site.Load(); c != nil && c.n == 1 && c.ways[0].kind == cacheBuiltin && c.ways[0].tname == tn {
		if f := c.ways[0].extra; f != nil {
			return f(vm, self, args, kwn)
		}
		return vm.callBuiltinMethod(self, name, args, kwn)
	}
	if f := extraMethod(self, name); f != nil {
		site.Store(only(cacheEntry{kind: cacheBuiltin, tname: tn, tcode: builtinCode(tn), extra: f}))
		return f(vm, self, args, kwn)
	}
	if _, isGo := self.O.(goObject); !isGo && hasMethod(self, name) {
		site.Store(only(cacheEntry{kind: cacheBuiltin, tname: tn, tcode: builtinCode(tn)}))
		return vm.callBuiltinMethod(self, name, args, kwn)
	}
	return vm.callMethod(self, name, args, kwn)
}
