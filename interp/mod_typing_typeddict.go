package interp

import "strings"

// typedDictBase is what `class M(TypedDict, total=...)` derives from: a
// dict subclass whose __init_subclass__ records, as CPython's
// _TypedDictMeta, the keys a value must hold (__required_keys__), those
// it may leave out (__optional_keys__) and the class's totality.
// Required[...] and NotRequired[...] annotations override the totality
// for one key; keys and annotations of TypedDict bases are inherited.
func (vm *VM) typedDictBase(isForm func(Val) (string, bool)) *Class {
	base, _ := vm.nativeClass("TypedDict", []Val{ObjVal(vm.builtinBase("dict"))}, map[string]nativeFn{
		"__init_subclass__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			cls, ok := args[0].O.(*Class)
			if !ok {
				return NoneVal, nil
			}
			total := true
			pos := len(args) - len(kwn)
			for i, k := range kwn {
				if k != "total" {
					return Val{}, newErr(TypeError, "TypedDict.__init_subclass__() got an unexpected keyword argument '%s'", k)
				}
				total = truthy(args[pos+i])
			}
			return NoneVal, vm.fillTypedDict(cls, total, isForm)
		},
	})
	return base
}

// typedDictCall is TypedDict("Name", {"key": type, ...}, total=...), the
// functional form, making a class on base.
func (vm *VM) typedDictCall(base *Class, isForm func(Val) (string, bool), args []Val, kwn []string) (Val, error) {
	pos := len(args) - len(kwn)
	total := true
	for i, k := range kwn {
		if k != "total" {
			return Val{}, newErr(TypeError, "TypedDict() got an unexpected keyword argument '%s'", k)
		}
		total = truthy(args[pos+i])
	}
	if pos < 1 || !args[0].isStr() {
		return Val{}, newErr(TypeError, "TypedDict() missing 1 required positional argument: 'typename'")
	}
	anns := newDict()
	if pos > 1 {
		fd, ok := args[1].O.(*Dict)
		if !ok {
			return Val{}, newErr(TypeError, "TypedDict() fields must be a dict")
		}
		for _, e := range fd.live() {
			if err := anns.set(e.k, e.v); err != nil {
				return Val{}, err
			}
		}
	}
	cv, err := vm.buildClass(args[0].str().s, []Val{ObjVal(base)})
	if err != nil {
		return Val{}, err
	}
	cls := cv.O.(*Class)
	if err := vm.objectSetAttr(cv, "__annotations__", ObjVal(anns)); err != nil {
		return Val{}, err
	}
	return cv, vm.fillTypedDict(cls, total, isForm)
}

func (vm *VM) fillTypedDict(cls *Class, total bool, isForm func(Val) (string, bool)) error {
	anns := newDict()
	required, optional := newSet(), newSet()
	defer func() { required.frozen, optional.frozen = true, true }()
	// Bases first, farthest first, as CPython merges them.
	for i := len(cls.mro) - 1; i >= 1; i-- {
		b := cls.mro[i]
		if _, ok := b.attrs["__required_keys__"]; !ok {
			continue
		}
		if ad := vm.classAnnTexts(b); ad != nil {
			{
				for _, e := range ad.live() {
					if err := anns.set(e.k, e.v); err != nil {
						return err
					}
				}
			}
		}
		for key, into := range map[string]*Set{"__required_keys__": required, "__optional_keys__": optional} {
			if sv, ok := b.attrs[key]; ok {
				if s, ok := sv.O.(*Set); ok {
					for _, k := range s.keys() {
						if err := into.add(k); err != nil {
							return err
						}
					}
				}
			}
		}
	}
	if ad := vm.classAnnTexts(cls); ad != nil {
		{
			for _, e := range ad.live() {
				if err := anns.set(e.k, e.v); err != nil {
					return err
				}
				req := total
				switch typedDictQualifier(e.v, isForm) {
				case "Required":
					req = true
				case "NotRequired":
					req = false
				}
				into, other := optional, required
				if req {
					into, other = required, optional
				}
				other.discard(e.k)
				if err := into.add(e.k); err != nil {
					return err
				}
			}
		}
	}
	cv := ObjVal(cls)
	for _, kv := range []struct {
		name string
		v    Val
	}{{"__annotations__", ObjVal(anns)}, {"__required_keys__", ObjVal(required)}, {"__optional_keys__", ObjVal(optional)}, {"__total__", BoolVal(total)}} {
		if err := vm.objectSetAttr(cv, kv.name, kv.v); err != nil {
			return err
		}
	}
	return nil
}

// typedDictQualifier is "Required" or "NotRequired" for an annotation
// that wraps its type in one, else "". A class's annotations are kept as
// their source text (README: Known gaps), so the text is read as CPython
// reads the evaluated form: `NotRequired[int]`, `typing.Required[str]`.
func typedDictQualifier(ann Val, isForm func(Val) (string, bool)) string {
	text, ok := isForm(ann)
	if !ok {
		if !ann.isStr() {
			return ""
		}
		text = strings.TrimSpace(ann.str().s)
	}
	head, _, ok := strings.Cut(text, "[")
	if !ok {
		return ""
	}
	if i := strings.LastIndexByte(head, '.'); i >= 0 {
		head = head[i+1:]
	}
	if head == "Required" || head == "NotRequired" {
		return head
	}
	return ""
}
