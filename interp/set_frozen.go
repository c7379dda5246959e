package interp

// frozenset: a Set marked frozen. It has the set's table (so it iterates
// in CPython's order), refuses the methods that change a set, and hashes
// as CPython's frozenset_hash does, so it can be a dict key or a set
// element. Operators and methods give a frozenset when the left operand
// is one.

// frozenHash is CPython's frozenset hash: the entries' hashes shuffled and
// xor-ed (order does not matter), with the size folded in and the bits
// dispersed so nested frozensets do not cancel out.
func (s *Set) frozenHash() int64 {
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for i := range s.table {
		if s.table[i].live() {
			h ^= shuffle(uint64(s.table[i].hash()))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if int64(h) == -1 {
		h = 590923713
	}
	return int64(h)
}

// biFrozenset is frozenset(iterable=()).
func biFrozenset(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := noKw("frozenset", kwn); err != nil {
		return Val{}, err
	}
	if err := nargs("frozenset", args, 0, 1); err != nil {
		return Val{}, err
	}
	if len(args) == 1 {
		if s, ok := args[0].O.(*Set); ok && s.frozen {
			return args[0], nil
		}
	}
	v, err := biSet(vm, args, nil)
	if err != nil {
		return Val{}, err
	}
	v.O.(*Set).frozen = true
	return v, nil
}
