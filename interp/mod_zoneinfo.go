package interp

import (
	_ "embed"
	"sync"
	"time"
)

// zoneinfo (pylib/zoneinfo.py) over Go's time zone database reader:
// time.LoadLocation reads the system's TZif files, as CPython's zoneinfo
// does, and the Python side turns the offsets at instants into
// utcoffset, dst, tzname and fromutc for wall times (folds and gaps).

//go:embed pylib/zoneinfo.py
var zoneinfoSource string

var (
	zoneMu    sync.Mutex
	zoneCache = map[string]*time.Location{}
)

func loadZone(key string) (*time.Location, error) {
	zoneMu.Lock()
	defer zoneMu.Unlock()
	if loc, ok := zoneCache[key]; ok {
		return loc, nil
	}
	loc, err := time.LoadLocation(key)
	if err != nil {
		return nil, err
	}
	zoneCache[key] = loc
	return loc, nil
}

func zoneinfoModule(vm *VM) *Module {
	return vm.pyModule("zoneinfo", zoneinfoSource, map[string]nativeFn{
		// _zone_exists(key): whether the database has key.
		"_zone_exists": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("_zone_exists", args, kwn, 1); err != nil {
				return Val{}, err
			}
			_, err := loadZone(vm.strOf(args[0]))
			return BoolVal(err == nil), nil
		},
		// _zone_at(key, seconds): (offset seconds, is_dst, abbreviation)
		// of zone key at the Unix time seconds.
		"_zone_at": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("_zone_at", args, kwn, 2); err != nil {
				return Val{}, err
			}
			loc, err := loadZone(vm.strOf(args[0]))
			if err != nil {
				return Val{}, newErr(KeyError, "%s", err.Error())
			}
			s, err := vm.index(args[1], "")
			if err != nil {
				return Val{}, err
			}
			t := time.Unix(s, 0).In(loc)
			name, off := t.Zone()
			return tupleOf([]Val{IntVal(int64(off)), BoolVal(t.IsDST()), StrVal(name)}), nil
		},
	})
}
