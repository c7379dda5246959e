package interp

import "sort"

// dataclasses.make_dataclass: a class made from a list of fields, as a
// class statement with those annotations would make it, then given to
// dataclass() (or the decorator passed) with the options.

func makeDataclassFn(m *Module) nativeFn {
	return func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) != 2 {
			return Val{}, newErr(TypeError, "make_dataclass() takes 2 positional arguments but %d were given", len(pos))
		}
		if !pos[0].isStr() {
			return Val{}, newErr(TypeError, "type.__new__() argument 1 must be str, not %s", typeName(pos[0]))
		}
		bases, ns, deco := Val(ObjVal(emptyTuple)), NoneVal, m.attrs["dataclass"]
		var optNames []string
		var optVals []Val
		keys := make([]string, 0, len(kw))
		for k := range kw {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := kw[k]
			switch k {
			case "bases":
				bases = v
			case "namespace":
				ns = v
			case "decorator":
				deco = v
			case "module":
				// Set on the class below.
			case "init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot":
				optNames = append(optNames, k)
				optVals = append(optVals, v)
			default:
				return Val{}, newErr(TypeError, "make_dataclass() got an unexpected keyword argument '%s'", k)
			}
		}
		body := newDict()
		if ns.T != tagNone {
			src, ok := ns.O.(*Dict)
			if !ok {
				return Val{}, newErr(TypeError, "namespace must be a dict, not %s", typeName(ns))
			}
			for _, e := range src.live() {
				body.set(e.k, e.v)
			}
		}
		ann := newDict()
		seen := map[string]bool{}
		err := vm.each(pos[1], func(item Val) (bool, error) {
			var name, tp, spec Val
			if item.isStr() {
				name, tp = item, StrVal("typing.Any")
			} else {
				// (name, type) or (name, type, Field): any sequence.
				n, err := vm.length(item)
				if err != nil {
					return true, err
				}
				if n != 2 && n != 3 {
					return true, newErr(TypeError, "Invalid field: %s", vm.repr(item))
				}
				parts, err := vm.iterate(item)
				if err != nil {
					return true, err
				}
				name, tp = parts[0], parts[1]
				if n == 3 {
					spec = parts[2]
				}
			}
			if !name.isStr() || !isIdentifier(name.str().s) && !pyKeywords[name.str().s] {
				return true, newErr(TypeError, "Field names must be valid identifiers: %s", vm.repr(name))
			}
			n := name.str().s
			if pyKeywords[n] {
				return true, newErr(TypeError, "Field names must not be keywords: %s", vm.repr(name))
			}
			if seen[n] {
				return true, newErr(TypeError, "Field name duplicated: %s", vm.repr(name))
			}
			seen[n] = true
			ann.set(name, tp)
			if spec.T != tagEmpty {
				body.set(name, spec)
			}
			return false, nil
		})
		if err != nil {
			return Val{}, err
		}
		body.set(StrVal("__annotations__"), ObjVal(ann))
		if mod, ok := kw["module"]; ok && mod.T != tagNone {
			body.set(StrVal("__module__"), mod)
		}
		if _, ok := bases.O.(*Tuple); !ok {
			bs, err := vm.iterate(bases)
			if err != nil {
				return Val{}, err
			}
			bases = tupleOf(bs)
		}
		cls, err := vm.call(vm.bi["type"], []Val{pos[0], bases, ObjVal(body)}, nil)
		if err != nil {
			return Val{}, err
		}
		return vm.call(deco, append([]Val{cls}, optVals...), optNames)
	}
}
