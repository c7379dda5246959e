package interp

// The descriptor protocol for instances of Python classes held as class
// attributes: __get__ (read through an instance or the class), __set__
// and __delete__ (which make it a data descriptor, found before the
// instance's own attributes), and __set_name__ when the class statement
// ends. Property, classmethod and staticmethod are Go types handled
// beside it (bindClassAttr).

// descriptor says whether class attribute v is a descriptor: an instance
// whose class defines __get__; data when it defines __set__ or __delete__.
func descriptor(v Val) (get Val, data, ok bool) {
	d, isInst := v.O.(*Instance)
	if !isInst || v.T != tagObject {
		return Val{}, false, false
	}
	_, hasSet := d.cls.lookup("__set__")
	_, hasDel := d.cls.lookup("__delete__")
	get, ok = d.cls.lookup("__get__")
	return get, hasSet || hasDel, ok
}

// descriptorGet is desc.__get__(obj, owner); obj None through the class.
func (vm *VM) descriptorGet(get, desc, obj Val, owner *Class) (Val, error) {
	return vm.call(get, []Val{desc, obj, ObjVal(owner)}, nil)
}

// descriptorSet runs desc.__set__(obj, v) when the class attribute desc
// has one: found reports whether it did.
func (vm *VM) descriptorSet(desc, obj, v Val) (found bool, err error) {
	d, isInst := desc.O.(*Instance)
	if !isInst || desc.T != tagObject {
		return false, nil
	}
	set, ok := d.cls.lookup("__set__")
	if !ok {
		if _, hasGet := d.cls.lookup("__get__"); hasGet {
			if _, hasDel := d.cls.lookup("__delete__"); hasDel {
				return true, newErr(AttributeError, "__set__")
			}
		}
		return false, nil
	}
	_, err = vm.call(set, []Val{desc, obj, v}, nil)
	return true, err
}

// setNames calls __set_name__(owner, name) on the class's attributes that
// have one, in the order the class body bound them.
func (vm *VM) setNames(cls *Class) error {
	cls.attrsMu.RLock()
	order := append([]string(nil), cls.order...)
	cls.attrsMu.RUnlock()
	for _, n := range order {
		v, _ := cls.own(n)
		if p, ok := v.O.(*Property); ok {
			p.name = n
			continue
		}
		d, isInst := v.O.(*Instance)
		if !isInst || v.T != tagObject {
			continue
		}
		if sn, ok := d.cls.lookup("__set_name__"); ok {
			if _, err := vm.call(sn, []Val{v, ObjVal(cls), StrVal(n)}, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// newProperty is property(fget, fset, fdel, doc): any part may be absent
// or None; without a doc the getter's docstring is the property's.
func (vm *VM) newProperty(get, set, del, doc Val) (*Property, error) {
	absent := func(v Val) Val {
		if v.T == tagNone {
			return Val{}
		}
		return v
	}
	p := &Property{get: absent(get), set: absent(set), del: absent(del), doc: absent(doc)}
	if p.doc.T == tagEmpty && p.get.T != tagEmpty {
		d, err := vm.getAttr(p.get, "__doc__")
		if err != nil {
			if pe, ok := err.(*PyErr); !ok || !pe.exc.typ.isSub(AttributeError) {
				return nil, err
			}
		} else {
			p.doc = absent(d)
		}
		p.docFromGet = true
	}
	return p, nil
}

// missing is the AttributeError of reading, setting or deleting through
// a property that lacks that function (what is "getter", "setter" or
// "deleter"); obj is the instance.
func (p *Property) missing(obj Val, what string) error {
	return p.missingOn(typeName(obj), what)
}

// missingOn is missing for an object whose type is named tn.
func (p *Property) missingOn(tn, what string) error {
	name := p.name
	if name == "" && p.get.T != tagEmpty {
		// Unnamed (set on the class later): the getter's __name__.
		switch f := p.get.O.(type) {
		case *Function:
			name = f.code.name
		case *Builtin:
			name = f.name
		}
	}
	if name == "" {
		return newErr(AttributeError, "property of '%s' object has no %s", tn, what)
	}
	return newErr(AttributeError, "property '%s' of '%s' object has no %s", name, tn, what)
}
