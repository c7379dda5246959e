package interp

// Special methods that run on every operator, comparison and instance
// creation are found through numbered slots instead of a look-up by name:
// a class keeps, per version, what each resolves to along its MRO.

type specialID uint8

const (
	spNone specialID = iota // no special method
	spInit
	spNew
	spAdd
	spRadd
	spSub
	spRsub
	spMul
	spRmul
	spTrueDiv
	spRtrueDiv
	spFloorDiv
	spRfloorDiv
	spMod
	spRmod
	spPow
	spRpow
	spMatMul
	spRmatMul
	spAnd
	spRand
	spOr
	spRor
	spXor
	spRxor
	spLshift
	spRlshift
	spRshift
	spRrshift
	spLt
	spLe
	spGt
	spGe
	spEq
	spNe
	spHash
	spLen
	spBool
	spGetItem
	spSetItem
	spContains
	spIter
	spNext
	spCall
	spClass        // __class__: isinstance asks for it (classAttrIsSub)
	spGetAttribute // a class's own __getattribute__ (getattribute.go)
	nSpecials
)

var specialNames = [nSpecials]string{
	spInit: "__init__", spNew: "__new__",
	spAdd: "__add__", spRadd: "__radd__", spSub: "__sub__", spRsub: "__rsub__",
	spMul: "__mul__", spRmul: "__rmul__", spTrueDiv: "__truediv__", spRtrueDiv: "__rtruediv__",
	spFloorDiv: "__floordiv__", spRfloorDiv: "__rfloordiv__", spMod: "__mod__", spRmod: "__rmod__",
	spPow: "__pow__", spRpow: "__rpow__", spMatMul: "__matmul__", spRmatMul: "__rmatmul__",
	spAnd: "__and__", spRand: "__rand__", spOr: "__or__", spRor: "__ror__", spXor: "__xor__", spRxor: "__rxor__",
	spLshift: "__lshift__", spRlshift: "__rlshift__", spRshift: "__rshift__", spRrshift: "__rrshift__",
	spLt: "__lt__", spLe: "__le__", spGt: "__gt__", spGe: "__ge__", spEq: "__eq__", spNe: "__ne__",
	spHash: "__hash__", spLen: "__len__", spBool: "__bool__", spGetItem: "__getitem__", spSetItem: "__setitem__",
	spContains: "__contains__", spIter: "__iter__", spNext: "__next__", spCall: "__call__",
	spClass: "__class__", spGetAttribute: "__getattribute__",
}

// specialOf numbers the special names, for callers that only have a name.
var specialOf = func() map[string]specialID {
	m := make(map[string]specialID, nSpecials)
	for id, name := range specialNames {
		if name != "" {
			m[name] = specialID(id)
		}
	}
	return m
}()

// binSpecials and cmpSpecials are binDunders and cmpDunders numbered.
var binSpecials, cmpSpecials = func() (bin, cmp [opCount][2]specialID) {
	for op := range opCount {
		for i := range 2 {
			bin[op][i] = specialOf[binDunders[op][i]]
			cmp[op][i] = specialOf[cmpDunders[op][i]]
		}
	}
	return bin, cmp
}()

// specialCache is what every special name resolves to on a class at one
// version. It is never changed once published: a class that changes gets a
// new one, so threads read it without locks.
type specialCache struct {
	version uint64
	found   [nSpecials]lookupResult
}

// lookupSpecial is lookup(specialNames[id]) at the cost of an index.
func (c *Class) lookupSpecial(id specialID) (Val, bool) {
	r := c.specialsNow().found[id]
	return r.v, r.ok
}

// specialsNow is the class's specialCache at its current version (small
// enough to inline: a caller asking two names loads it once).
func (c *Class) specialsNow() *specialCache {
	if sc := c.specials.Load(); sc != nil && sc.version == c.version.Load() {
		return sc
	}
	return c.fillSpecials()
}

// fillSpecials finds every special name along the MRO for the class's
// current version, and publishes the result.
func (c *Class) fillSpecials() *specialCache {
	sc := &specialCache{version: c.version.Load()}
	// Class by class along the MRO, the first to have a name wins;
	// each class's attrs read under one lock.
	for _, k := range c.mro {
		k.attrsMu.RLock()
		for id := spNone + 1; id < nSpecials; id++ {
			if !sc.found[id].ok {
				if v, ok := k.attrs[specialNames[id]]; ok {
					sc.found[id] = lookupResult{v, true}
				}
			}
		}
		k.attrsMu.RUnlock()
	}
	c.specials.Store(sc)
	return sc
}

// dunderID is dunder for a numbered special method.
func (vm *VM) dunderID(v Val, id specialID, args ...Val) (Val, bool, error) {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject {
		return vm.dunder(v, specialNames[id], args...)
	}
	m, ok := inst.cls.lookupSpecial(id)
	if !ok {
		return Val{}, false, nil
	}
	r, err := vm.callWithSelf(m, v, args, nil)
	return r, true, err
}
