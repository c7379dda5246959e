package interp

import "sync"

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
	w := &Builtin{name: name}
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
		if _, ok, _ := cache.get(key); ok {
			return v, nil // a recursive call filled it meanwhile
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
	return ObjVal(w)
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
