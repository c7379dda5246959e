package interp

import "strings"

// inPlace in the D operand of a binary operator marks an augmented
// assignment (x += y): a mutable left operand changes in place, as
// CPython's list.__iadd__, set.__ior__ and dict.__ior__ do, so that other
// references to it see the change.
const inPlace = 1

// inplaceOp is the in-place form of op on a, when a has one; ok is false
// when the plain operator applies.
func (vm *VM) inplaceOp(op Op, a, b Val) (Val, bool, error) {
	if a.T != tagObject {
		return Val{}, false, nil
	}
	switch x := a.O.(type) {
	case *Bytes:
		return vm.bytesInplace(op, x, b)
	case *PyArray:
		if name := map[Op]string{opAdd: "__iadd__", opMul: "__imul__"}[op]; name != "" {
			r, _, err := x.dunder(vm, name, []Val{b})
			return r, !isNotImplemented(r) || err != nil, err
		}
	case *List:
		switch op {
		case opAdd:
			// list += takes any iterable.
			if b.O == a.O {
				b = ObjVal(newList(x.items()))
			}
			items, err := vm.iterate(b)
			if err != nil {
				if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError && strings.HasSuffix(excStr(nil, pe.exc), "object is not iterable") {
					return Val{}, true, newErr(TypeError, "'%s' object is not iterable", typeName(b))
				}
				return Val{}, true, err
			}
			if err := x.grow(len(items)); err != nil {
				return Val{}, true, err
			}
			for _, it := range items {
				x.append(it)
			}
			x.trimDeque(false)
			return a, true, nil
		case opMul:
			if !isIntLike(b) {
				return Val{}, false, nil
			}
			r, err := vm.binop(opMul, a, b)
			if err != nil {
				return Val{}, true, err
			}
			x.become(r.O.(*List))
			x.trimDeque(false)
			return a, true, nil
		}
	case *Set:
		if _, ok := b.O.(*Set); !ok || b.T != tagObject || x.frozen {
			return Val{}, false, nil
		}
		// In place, as CPython's: the set keeps its table.
		y := b.O.(*Set)
		switch op {
		case opBitOr:
			return a, true, x.merge(y)
		case opBitAnd:
			x.assign(x.intersection(y))
			return a, true, nil
		case opSub:
			x.differenceUpdate(y)
			return a, true, nil
		case opBitXor:
			return a, true, x.symmetricDifferenceUpdate(y)
		}
	case *Instance:
		// a += b is a.__iadd__(b) when the class has it and it does not
		// give NotImplemented; else the plain operator.
		name := binDunders[op][0]
		if name == "" {
			return Val{}, false, nil
		}
		r, found, err := vm.dunder(a, "__i"+name[2:], b)
		if !found || err == nil && isNotImplemented(r) {
			return Val{}, false, nil
		}
		return r, true, err
	case *Dict:
		if bv, held := builtinValue(b); held {
			b = bv // a dict subclass's instance: its dict
		}
		if y, ok := b.O.(*Dict); ok && x.counter && b.T == tagObject {
			// Counter's +=, -=, |= and &=: the result the plain operator
			// gives (keys in the same order: the Counter's, then the new
			// ones) put into the Counter itself.
			switch op {
			case opAdd, opSub, opBitOr, opBitAnd:
				r, err := vm.counterOp(op, x, y)
				if err != nil {
					return Val{}, true, err
				}
				x.clear()
				for _, e := range r.O.(*Dict).live() {
					if err := x.set(e.k, e.v); err != nil {
						return Val{}, true, err
					}
				}
				return a, true, nil
			}
		}
		if op != opBitOr || x.counter || x.factory.T != tagEmpty {
			return Val{}, false, nil
		}
		if _, err := vm.callMethod(a, "update", []Val{b}, nil); err != nil {
			return Val{}, true, err
		}
		return a, true, nil
	}
	return Val{}, false, nil
}

// augOpErr words a TypeError from the plain operator as the augmented
// one's: "for +=:" rather than "for +:".
func augOpErr(op Op, err error) error {
	pe, ok := err.(*PyErr)
	if !ok || pe.exc.typ != TypeError {
		return err
	}
	sym, aug := opSymbols[op], opSymbols[op]+"="
	if op == opPow {
		aug = "**="
	}
	msg := excStr(nil, pe.exc)
	if pre := "unsupported operand type(s) for " + sym + ":"; strings.HasPrefix(msg, pre) {
		return newErr(TypeError, "%s", "unsupported operand type(s) for "+aug+":"+msg[len(pre):])
	}
	return err
}
