package interp

// __slots__: a class whose body sets __slots__, and all of whose bases do
// too (or stand for built-in types), gives its instances no __dict__: they
// accept only the attributes the slots name, as in CPython. minipy keeps
// slot values in the instance's shape like any attribute; only the check
// differs.

// slotInfo is what a class's MRO says, as of a class version.
type slotInfo struct {
	version uint64
	dict    bool            // instances have a __dict__: any attribute goes
	names   map[string]bool // the slots of the classes in the MRO
}

func (c *Class) slotState() *slotInfo {
	v := c.version.Load()
	if s := c.slots.Load(); s != nil && s.version == v {
		return s
	}
	s := &slotInfo{version: v, names: map[string]bool{}}
	for _, k := range c.mro {
		if k == objectClass || k.builtin {
			continue
		}
		sv, ok := k.own("__slots__")
		if !ok {
			s.dict = true
			continue
		}
		for _, n := range classSlotNames(k, sv) {
			if n == "__dict__" {
				s.dict = true
			}
			s.names[n] = true
		}
	}
	c.slots.Store(s)
	return s
}

// classSlotNames is the attribute names class k's __slots__ value v
// makes: a private name __x is k's _K__x, as type.__new__ mangles it.
func classSlotNames(k *Class, v Val) []string {
	ns := slotNames(v) // a fresh slice
	for i, n := range ns {
		ns[i] = mangle(k.name, n)
	}
	return ns
}

// slotNames is the names a __slots__ value lists: one str, or an iterable
// of strs (a tuple, list, set or dict's keys).
func slotNames(v Val) []string {
	if s, ok := v.O.(*Str); ok {
		return []string{s.s}
	}
	var items []Val
	switch x := v.O.(type) {
	case *Tuple:
		items = x.items
	case *List:
		items = x.items()
	case *Dict:
		items = x.keys()
	case *Set:
		items = x.keys()
	}
	var out []string
	for _, it := range items {
		if s, ok := it.O.(*Str); ok {
			out = append(out, s.s)
		}
	}
	return out
}

// isSlot: name is a slot of c or a base, kept out of __dict__.
func (c *Class) isSlot(name string) bool { return c.slotState().names[name] }

// hasDict: instances of c have a __dict__.
func (c *Class) hasDict() bool { return c.slotState().dict }

// allowsAttr: an instance of c may be given attribute name.
func (c *Class) allowsAttr(name string) bool {
	s := c.slotState()
	return s.dict || s.names[name] || name == builtinValueAttr
}
