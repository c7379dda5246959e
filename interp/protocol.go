package interp

import "strings"

// typing.runtime_checkable: a protocol class records its members (what
// its body and its protocol bases define, less the class machinery), and
// isinstance/issubclass against it check that the object has each of
// them, as CPython's _ProtocolMeta does.

// protocolSkip are the names a class body defines that are no protocol
// members.
var protocolSkip = map[string]bool{
	"__module__": true, "__qualname__": true, "__doc__": true, "__dict__": true, "__weakref__": true,
	"__annotations__": true, "__init__": true, "__new__": true, "__slots__": true, "__abstractmethods__": true,
	"__parameters__": true, "__orig_bases__": true, "__subclasshook__": true, "__class_getitem__": true,
	"__match_args__": true, "__firstlineno__": true, "__static_attributes__": true, "__protocol_attrs__": true,
	"_is_protocol": true, "_is_runtime_protocol": true, "__init_subclass__": true, "__annotate__": true, "__annotate_func__": true, "__annotations_cache__": true,
	"__type_params__": true, "__non_callable_proto_members__": true, "__classcell__": true,
}

// isProtocolForm reports whether a class statement's base v is
// typing.Protocol or Protocol[T] (a _SpecialForm, which leaves no base).
func isProtocolForm(v Val) bool {
	i, ok := v.O.(*Instance)
	if !ok || v.T != tagObject || i.cls.name != "_SpecialForm" {
		return false
	}
	r, _ := i.get("_repr")
	s, ok := r.O.(*Str)
	return ok && (s.s == "typing.Protocol" || strings.HasPrefix(s.s, "typing.Protocol["))
}

// errNotRuntimeProtocol is isinstance's and issubclass's answer for a
// protocol class that is not runtime_checkable.
func errNotRuntimeProtocol() error {
	return newErr(TypeError, "Instance and class checks can only be used with @runtime_checkable protocols")
}

func runtimeCheckable(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := exactArgs("runtime_checkable", args, kwn, 1); err != nil {
		return Val{}, err
	}
	cls, ok := args[0].O.(*Class)
	if !ok || args[0].T != tagObject || !cls.protoClass {
		return Val{}, newErr(TypeError, "@runtime_checkable can be only applied to protocol classes, got %s", vm.repr(args[0]))
	}
	members := newSet()
	for _, k := range cls.mro {
		if k == objectClass {
			break
		}
		if k != cls {
			if _, isProto := k.attrs["__protocol_attrs__"]; !isProto {
				continue
			}
		}
		for name := range k.attrs {
			if !protocolSkip[name] {
				members.add(StrVal(name))
			}
		}
		if ann := vm.classAnnTexts(k); ann != nil {
			for _, e := range ann.live() {
				members.add(e.k)
			}
		}
	}
	if err := vm.setAttr(args[0], "__protocol_attrs__", ObjVal(members)); err != nil {
		return Val{}, err
	}
	if err := vm.setAttr(args[0], "_is_runtime_protocol", True); err != nil {
		return Val{}, err
	}
	cls.protocol = true
	return args[0], nil
}

// protocolCheck reports whether v has every member of the runtime
// protocol x (ok false: x is not one).
func (vm *VM) protocolCheck(v Val, x *Class) (has, ok bool) {
	pa, isP := x.attrs["__protocol_attrs__"]
	if !isP {
		return false, false
	}
	set, isSet := pa.O.(*Set)
	if !isSet {
		return false, false
	}
	for _, name := range set.keys() {
		s, isStr := name.O.(*Str)
		if !isStr {
			continue
		}
		if _, err := vm.getAttr(v, s.s); err != nil {
			return false, true
		}
	}
	return true, true
}
