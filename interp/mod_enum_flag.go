package interp

import (
	"math/bits"
	"strconv"
	"strings"
)

// enum.Flag and enum.IntFlag, as 3.12-3.14 have them: members whose value
// is one bit are the canonical ones (iterated, counted, used in names);
// |, &, ^ and ~ make the member of the resulting value, or a pseudo-member
// named after its bits in definition order ("RED|GREEN"), kept so the same
// value gives the same object. Flag refuses unknown bits (STRICT); IntFlag
// keeps them (KEEP: "R|8") and mixes with ints.

func isFlagKind(kind string) bool { return kind == "Flag" || kind == "IntFlag" }

// flagValue is v's int value when v is a member of the flag class c (or,
// for IntFlag, a plain int).
func (vm *VM) flagValue(c *Class, kind string, v Val) (int64, bool) {
	if inst, ok := v.O.(*Instance); ok && inst.cls.isSub(c) {
		r, _ := vm.getAttr(v, "_value_")
		return r.I(), r.T == tagInt
	}
	if kind == "IntFlag" && (v.T == tagInt || v.T == tagBool) {
		return v.I(), true
	}
	return 0, false
}

// flagMask is the OR of the canonical members' values.
func (vm *VM) flagMask(e *enumInfo) int64 {
	var m int64
	for _, n := range e.names {
		r, _ := vm.getAttr(e.members[n], "_value_")
		m |= r.I()
	}
	return m
}

// flagBits are the canonical members in v, in definition order, and the
// bits of v no member covers.
func (vm *VM) flagBits(e *enumInfo, v int64) ([]Val, int64) {
	var out []Val
	rest := v
	for _, n := range e.names {
		m := e.members[n]
		r, _ := vm.getAttr(m, "_value_")
		if b := r.I(); b != 0 && v&b == b {
			out = append(out, m)
			rest &^= b
		}
	}
	return out, rest
}

// flagBin is enum's bin(): a sign digit, a space, then the digits padded
// to width.
func flagBin(v int64, width int) string {
	digits := strconv.FormatInt(v, 2)
	if v == 0 {
		digits = ""
	}
	if len(digits) < width {
		digits = strings.Repeat("0", width-len(digits)) + digits
	}
	return "0b0 " + digits
}

// flagMember is the member (or pseudo-member) of c holding v.
func (vm *VM) flagMember(c *Class, e *enumInfo, v int64) (Val, error) {
	if e.kind == "IntFlag" && v < 0 {
		all := int64(1)<<bits.Len64(uint64(vm.flagMask(e))) - 1
		v = all + 1 + v
	}
	for i := 0; i < len(e.byValue); i += 2 {
		if x := e.byValue[i]; x.T == tagInt && x.I() == v {
			return e.byValue[i+1], nil
		}
	}
	if m, ok := e.pseudo[v]; ok {
		return m, nil
	}
	members, unknown := vm.flagBits(e, v)
	if unknown != 0 && e.kind == "Flag" {
		mask := vm.flagMask(e)
		w := max(bits.Len64(uint64(v)), bits.Len64(uint64(mask)))
		return Val{}, newErr(ValueError, "<flag '%s'> invalid value %d\n    given %s\n  allowed %s", c.name, v, flagBin(v, w), flagBin(mask, w))
	}
	name := NoneVal
	if len(members) > 0 {
		parts := make([]string, len(members))
		for i, m := range members {
			n, _ := vm.getAttr(m, "_name_")
			parts[i] = vm.strOf(n)
		}
		s := strings.Join(parts, "|")
		if unknown != 0 {
			s += "|" + strconv.FormatInt(unknown, 10)
		}
		name = StrVal(s)
	}
	m := vm.newInstancePlain(c)
	if e.kind == "IntFlag" {
		m.O.(*Instance).set(builtinValueAttr, IntVal(v))
	}
	for k, x := range map[string]Val{"_name_": name, "name": name, "_value_": IntVal(v), "value": IntVal(v)} {
		if err := vm.objectSetAttr(m, k, x); err != nil {
			return Val{}, err
		}
	}
	if e.pseudo == nil {
		e.pseudo = map[int64]Val{}
	}
	e.pseudo[v] = m
	return m, nil
}

// flagAuto is auto()'s value in a flag: the next power of two above the
// values so far.
func flagAuto(vals []Val) Val {
	var hi int64
	for _, v := range vals {
		if v.T == tagInt && v.I() > hi {
			hi = v.I()
		}
	}
	if len(vals) == 0 {
		return IntVal(1)
	}
	return IntVal(1 << bits.Len64(uint64(hi)))
}

// addFlagMethods gives Flag and IntFlag their operators, iteration,
// truth, repr and str; cls is the flag class being built (the base every
// user flag derives from).
func (vm *VM) addFlagMethods(kind string, methods map[string]nativeFn, info func(*Class) *enumInfo) {
	self := func(v Val) (*Class, *enumInfo, int64) {
		c := v.O.(*Instance).cls
		r, _ := vm.getAttr(v, "_value_")
		return c, info(c), r.I()
	}
	for name, op := range map[string]func(a, b int64) int64{
		"or":  func(a, b int64) int64 { return a | b },
		"and": func(a, b int64) int64 { return a & b },
		"xor": func(a, b int64) int64 { return a ^ b },
	} {
		f := func(vm *VM, args []Val, kwn []string) (Val, error) {
			c, e, a := self(args[0])
			b, ok := vm.flagValue(c, kind, args[1])
			if !ok || e == nil {
				return vm.bi["NotImplemented"], nil
			}
			return vm.flagMember(c, e, op(a, b))
		}
		methods["__"+name+"__"] = f
		methods["__r"+name+"__"] = f
	}
	methods["__invert__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		c, e, a := self(args[0])
		mask := vm.flagMask(e)
		if kind == "IntFlag" {
			mask = int64(1)<<bits.Len64(uint64(mask)) - 1
		}
		return vm.flagMember(c, e, mask&^a)
	}
	methods["__contains__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		c, _, a := self(args[0])
		inst, ok := args[1].O.(*Instance)
		if !ok || !inst.cls.isSub(c) {
			return Val{}, newErr(TypeError, "unsupported operand type(s) for 'in': '%s' and '%s'", typeName(args[1]), c.name)
		}
		b, _ := vm.flagValue(c, kind, args[1])
		return BoolVal(a&b == b), nil
	}
	methods["__iter__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		_, e, a := self(args[0])
		ms, _ := vm.flagBits(e, a)
		return ObjVal(&seqIter{items: ms}), nil
	}
	methods["__len__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		_, e, a := self(args[0])
		ms, _ := vm.flagBits(e, a)
		return IntVal(int64(len(ms))), nil
	}
	methods["__bool__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		_, _, a := self(args[0])
		return BoolVal(a != 0), nil
	}
	methods["__repr__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		c, _, a := self(args[0])
		n, _ := vm.getAttr(args[0], "_name_")
		if n.T == tagNone {
			return StrVal("<" + c.name + ": " + strconv.FormatInt(a, 10) + ">"), nil
		}
		return StrVal("<" + c.name + "." + vm.strOf(n) + ": " + strconv.FormatInt(a, 10) + ">"), nil
	}
	str := func(vm *VM, args []Val, kwn []string) (Val, error) {
		c, _, a := self(args[0])
		if kind == "IntFlag" {
			return StrVal(strconv.FormatInt(a, 10)), nil
		}
		n, _ := vm.getAttr(args[0], "_name_")
		if n.T == tagNone {
			return StrVal(c.name + "(" + strconv.FormatInt(a, 10) + ")"), nil
		}
		return StrVal(c.name + "." + vm.strOf(n)), nil
	}
	methods["__str__"] = str
	if kind == "Flag" {
		methods["__format__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := str(vm, args[:1], nil)
			if err != nil {
				return Val{}, err
			}
			spec := ""
			if len(args) > 1 {
				spec = vm.strOf(args[1])
			}
			r, err := vm.format(s, spec)
			return StrVal(r), err
		}
	}
}

// auto() values combined in the class body (WHITE = RED | GREEN | BLUE)
// are expressions over the autos, worked out once makeEnum has given
// each auto its value (CPython gives it at once; minipy's class bodies
// have no hook for that).
func addAutoOps(methods map[string]nativeFn, cls func() *Class) {
	for name, op := range map[string]Op{"or": opBitOr, "and": opBitAnd, "xor": opBitXor, "add": opAdd, "sub": opSub, "mul": opMul} {
		for _, rev := range []bool{false, true} {
			pre := "__"
			if rev {
				pre = "__r"
			}
			methods[pre+name+"__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
				l, r := args[0], args[1]
				if rev {
					l, r = r, l
				}
				e := vm.newInstancePlain(cls())
				vm.objectSetAttr(e, "_op_", IntVal(int64(op)))
				vm.objectSetAttr(e, "_l_", l)
				vm.objectSetAttr(e, "_r_", r)
				return e, nil
			}
		}
	}
}

func isAutoExpr(inst *Instance) bool {
	_, ok := inst.get("_op_")
	return ok
}

// resolveAuto is the value of an auto expression; autos are the values
// plain auto()s have become.
func (vm *VM) resolveAuto(v Val, autos map[*Instance]Val) (Val, error) {
	inst, ok := v.O.(*Instance)
	if !ok {
		return v, nil
	}
	if r, ok := autos[inst]; ok {
		return r, nil
	}
	op, ok := inst.get("_op_")
	if !ok {
		return v, nil
	}
	l, _ := inst.get("_l_")
	r, _ := inst.get("_r_")
	lv, err := vm.resolveAuto(l, autos)
	if err != nil {
		return Val{}, err
	}
	rv, err := vm.resolveAuto(r, autos)
	if err != nil {
		return Val{}, err
	}
	return vm.binop(Op(op.I()), lv, rv)
}
