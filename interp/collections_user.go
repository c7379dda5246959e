package interp

import (
	_ "embed"
	"sync"
)

//go:embed pylib/collections_user.py
var collectionsUserSource string

// addUserCollections makes collections.UserDict, UserList and UserString
// lazy attributes of m: their Python source (pylib/collections_user.py)
// runs at the first look-up of any of them, not at every import of
// collections.
func (vm *VM) addUserCollections(m *Module) {
	var once sync.Once
	var user *Module
	get := func(name string) func() Val {
		return func() Val {
			once.Do(func() { user = vm.pyModule("collections", collectionsUserSource, nil) })
			return user.attrs[name]
		}
	}
	for _, n := range []string{"UserDict", "UserList", "UserString"} {
		m.setLazy(n, get(n))
	}
}
