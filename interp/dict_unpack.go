package interp

// dictUpdateMapping is {**m} and f(**m) for an m that is no dict: like
// CPython's PyDict_Update, anything with keys() is a mapping, read as
// m[k] for each k of m.keys() (a Mapping subclass, a mappingproxy,
// ChainMap). fnSlot is the called function's slot for f(**m), else -1.
func (vm *VM) dictUpdateMapping(f *frame, fnSlot int32, d *Dict, m Val) error {
	keys, err := vm.getAttr(m, "keys")
	if err != nil {
		if !isAttrErr(err) {
			return err
		}
		if fnSlot >= 0 {
			return newErr(TypeError, "%s argument after ** must be a mapping, not %s", vm.funcStr(f.get(fnSlot)), typeName(m))
		}
		return newErr(TypeError, "'%s' object is not a mapping", typeName(m))
	}
	ks, err := vm.call(keys, nil, nil)
	if err != nil {
		return err
	}
	return vm.each(ks, func(k Val) (bool, error) {
		v, err := vm.getItem(m, k)
		if err != nil {
			return true, err
		}
		if fnSlot >= 0 {
			if err := vm.checkKeywordOnce(f, fnSlot, d, k); err != nil {
				return true, err
			}
		}
		return false, d.set(k, v)
	})
}
