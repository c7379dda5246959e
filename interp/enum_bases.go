package interp

import "sync"

// The enum module's base classes are built lazily (enumModule), yet
// CPython's derive from one another: IntFlag(int, ReprEnum, Flag),
// IntEnum(int, ReprEnum), StrEnum(str, ReprEnum), Flag(Enum),
// ReprEnum(Enum). Importing re builds IntFlag (RegexFlag's base) alone;
// when a program then asks for enum.Flag or enum.Enum, that class is
// built and grafted into the MROs of the classes built before that
// derive from it (and their subclasses), so isinstance(re.I, enum.Flag)
// holds without re building all of enum.

// enumParents are each base class's enum bases, in CPython's order.
var enumParents = map[string][]string{
	"IntEnum":  {"ReprEnum"},
	"StrEnum":  {"ReprEnum"},
	"IntFlag":  {"ReprEnum", "Flag"},
	"Flag":     {"Enum"},
	"ReprEnum": {"Enum"},
}

// enumLazyBases are the enum base classes built so far.
type enumLazyBases struct {
	mu      sync.Mutex
	classes map[string]*Class
}

// parents are the Vals of kind's enum bases built so far: a base not
// built yet stands for its own built bases.
func (e *enumLazyBases) parents(kind string) []Val {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []Val
	for _, c := range e.resolve(kind) {
		out = append(out, ObjVal(c))
	}
	return out
}

// resolve is parents' classes; e.mu is held.
func (e *enumLazyBases) resolve(kind string) []*Class {
	var out []*Class
	for _, p := range enumParents[kind] {
		cs := []*Class{e.classes[p]}
		if cs[0] == nil {
			cs = e.resolve(p)
		}
		for _, c := range cs {
			dup := false
			for _, o := range out {
				if o.isSub(c) {
					dup = true // (ReprEnum's Enum, with Flag's)
				}
			}
			if !dup {
				out = append(out, c)
			}
		}
	}
	return out
}

// class is the base class kind if built.
func (e *enumLazyBases) class(kind string) *Class {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.classes[kind]
}

// built records cls and grafts it into the classes built before it that
// derive from it.
func (e *enumLazyBases) built(cls *Class) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.classes[cls.name] = cls
	for kind, c := range e.classes {
		if c == cls || enumParents[kind] == nil {
			continue
		}
		var bases []*Class
		for _, b := range c.bases {
			if b.module != "enum" {
				bases = append(bases, b) // int, str
			}
		}
		bases = append(bases, e.resolve(kind)...)
		if len(bases) == len(c.bases) {
			same := true
			for i := range bases {
				same = same && bases[i] == c.bases[i]
			}
			if same {
				continue
			}
		}
		c.bases = bases
		for _, b := range bases {
			b.addSubclass(c)
		}
		remro(c)
	}
}

// remro recomputes the MRO of c and of the classes derived from it.
func remro(c *Class) {
	if mro, err := c3MRO(c); err == nil {
		c.mro = mro
	}
	for _, s := range c.liveSubclasses() {
		remro(s)
	}
	c.changed()
}
