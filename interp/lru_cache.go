package interp

import (
	"sort"
	"sync"
)

// lruWrapper is functools.lru_cache(maxsize, typed)(fn) (maxsize -1: no
// bound), as CPython's: the key is the positional arguments, then a marker
// and the keyword pairs, then (typed) the arguments' types; a hit moves its entry to the end of the cache's order,
// and a miss past maxsize drops the first entry. cache_info() counts hits
// and misses; cache_clear() empties it. A mutex guards the cache between
// threads; fn itself runs unlocked.
func (vm *VM) lruWrapper(fn Val, maxsize int, typed bool) Val {
	var mu sync.Mutex
	cache := newDict()
	hits, misses := 0, 0
	kwMark := &Tuple{} // a key part no argument can equal
	name := "wrapper"
	if v, err := vm.getAttr(fn, "__name__"); err == nil {
		if s, ok := v.O.(*Str); ok {
			name = s.s
		}
	}
	// method: a class attribute binds to the instance, as the wrapper's
	// __get__ does (K().m(3) of an lru_cache'd method).
	w := &Builtin{name: name, method: true}
	w.fn = func(vm *VM, args []Val, kwn []string) (Val, error) {
		parts := append([]Val(nil), args...)
		if len(kwn) > 0 {
			pos, _ := splitKw(args, kwn)
			parts = append(parts[:len(pos):len(pos)], ObjVal(kwMark))
			for i, k := range kwn {
				parts = append(parts, StrVal(k), args[len(pos)+i])
			}
		}
		if typed {
			for i := range args {
				parts = append(parts, vm.typeOf(args[i]))
			}
		}
		key := ObjVal(&Tuple{items: parts})
		if len(parts) == 1 && (parts[0].T == tagInt || parts[0].T == tagObject && isExactIntOrStr(parts[0])) {
			// CPython keys a lone int or str argument by itself, not in a
			// tuple: f(1) and f(1.0) are then two entries, f(1.0) and
			// f(True) one.
			key = parts[0]
		}
		if maxsize != 0 {
			mu.Lock()
			v, ok, err := cache.get(key)
			if err == nil && ok {
				hits++
				if maxsize > 0 {
					// Most recently used goes last.
					cache.del(key)
					cache.set(key, v)
				}
			}
			mu.Unlock()
			if err != nil {
				return Val{}, err
			}
			if ok {
				return v, nil
			}
		}
		mu.Lock()
		misses++
		mu.Unlock()
		v, err := vm.call(fn, append([]Val(nil), args...), kwn)
		if err != nil || maxsize == 0 {
			return v, err
		}
		mu.Lock()
		defer mu.Unlock()
		if _, ok, err := cache.get(key); ok || err != nil {
			return v, err // a recursive call filled it meanwhile, or the key's __eq__ raised
		}
		if err := cache.set(key, v); err != nil {
			return Val{}, err
		}
		if maxsize > 0 && cache.Len() > maxsize {
			for _, e := range cache.live() {
				cache.del(e.k)
				break
			}
		}
		return v, nil
	}
	w.attrs = map[string]Val{
		"__wrapped__": fn,
		"cache_info": builtinFn("cache_info", func(vm *VM, args []Val, kwn []string) (Val, error) {
			ci, err := vm.cacheInfoClass()
			if err != nil {
				return Val{}, err
			}
			mu.Lock()
			h, m, n := hits, misses, cache.Len()
			mu.Unlock()
			size := NoneVal
			if maxsize >= 0 {
				size = IntVal(int64(maxsize))
			}
			return vm.call(ObjVal(ci), []Val{IntVal(int64(h)), IntVal(int64(m)), size, IntVal(int64(n))}, nil)
		}),
		"cache_parameters": builtinFn("cache_parameters", func(vm *VM, args []Val, kwn []string) (Val, error) {
			d := newDict()
			size := NoneVal
			if maxsize >= 0 {
				size = IntVal(int64(maxsize))
			}
			d.set(StrVal("maxsize"), size)
			d.set(StrVal("typed"), BoolVal(typed))
			return ObjVal(d), nil
		}),
		"cache_clear": builtinFn("cache_clear", func(vm *VM, args []Val, kwn []string) (Val, error) {
			mu.Lock()
			cache.clear()
			hits, misses = 0, 0
			mu.Unlock()
			return NoneVal, nil
		}),
	}
	vm.wrapAssign(w, fn)
	return ObjVal(w)
}

// wrapAssign gives wrapper w what functools.update_wrapper copies from
// fn: __module__, __name__, __qualname__, __doc__, __type_params__ and
// fn's __dict__ (its __annotations__ are read from __wrapped__ when
// asked, not evaluated here: PEP 649).
func (vm *VM) wrapAssign(w *Builtin, fn Val) {
	for _, n := range [...]string{"__module__", "__name__", "__qualname__", "__doc__", "__type_params__"} {
		if v, err := vm.getAttr(fn, n); err == nil {
			w.attrs[n] = v
		}
	}
	if d, err := vm.getAttr(fn, "__dict__"); err == nil {
		if d, ok := d.O.(*Dict); ok {
			for _, e := range d.live() {
				if k, ok := e.k.O.(*Str); ok {
					w.attrs[k.s] = e.v
				}
			}
		}
	}
}

// cacheInfoClass is functools' CacheInfo namedtuple, made once per run.
func (vm *VM) cacheInfoClass() (*Class, error) {
	// Made outside typeObjs' lock (making a class takes it too); two
	// threads racing here keep the first one stored.
	made := vm.typeObjs.get("functools.CacheInfo", func() Val { return Val{} })
	if made.T == tagEmpty {
		c, err := vm.namedtupleClass("CacheInfo", []string{"hits", "misses", "maxsize", "currsize"}, nil)
		if err != nil {
			return nil, err
		}
		vm.typeObjs.mu.Lock()
		if cur, ok := vm.typeObjs.m["functools.CacheInfo"]; ok && cur.T != tagEmpty {
			made = cur
		} else {
			made = ObjVal(c)
			vm.typeObjs.m["functools.CacheInfo"] = made
		}
		vm.typeObjs.mu.Unlock()
	}
	v := made
	c, ok := v.O.(*Class)
	if !ok {
		return nil, newErr(RuntimeError, "CacheInfo unavailable")
	}
	return c, nil
}

// isExactIntOrStr reports whether v's type is exactly int or str (a big
// int or a str, not a subclass's instance).
func isExactIntOrStr(v Val) bool {
	switch v.O.(type) {
	case *BigInt, *Str:
		return true
	}
	return false
}

// wrapperDict is the __dict__ of lru_cache's wrapper w of wrapped: a copy
// of its attributes in update_wrapper's order (cache_info and
// cache_clear are the wrapper type's methods, not in it).
func (vm *VM) wrapperDict(w *Builtin, wrapped Val) (Val, error) {
	d := newDict()
	order := []string{"cache_parameters", "__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__"}
	seen := map[string]bool{"cache_info": true, "cache_clear": true, "__wrapped__": true}
	for _, n := range order {
		seen[n] = true
		v, ok := w.attrs[n]
		if n == "__annotations__" {
			var err error
			if v, err = vm.getAttr(wrapped, n); err != nil {
				return Val{}, err
			}
			ok = true
		}
		if ok {
			d.set(StrVal(n), v)
		}
	}
	var rest []string
	for n := range w.attrs {
		if !seen[n] {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	for _, n := range rest {
		d.set(StrVal(n), w.attrs[n])
	}
	d.set(StrVal("__wrapped__"), wrapped)
	return ObjVal(d), nil
}
