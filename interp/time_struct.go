package interp

// time's calendar side: struct_time, gmtime, localtime, mktime, strftime,
// asctime, ctime, the zone constants and the _ns clocks. strftime follows
// the C library's directives in the C locale, as CPython on Linux gives
// them.

import (
	"fmt"
	"math"
	"strings"
	"time"
)

var (
	weekdayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthNames   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// addTimeStruct adds the struct_time functions to the time module m.
func (vm *VM) addTimeStruct(m *Module) {
	fields := []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}
	cls, err := vm.namedtupleClass("struct_time", fields, nil)
	if err != nil {
		return
	}
	cls.tpName = "time.struct_time"
	// tm_zone and tm_gmtoff are attributes beside the nine items, as in
	// CPython (where they are fields past n_sequence_fields).
	vm.setAttr(ObjVal(cls), "__slots__", strsTuple([]string{"tm_zone", "tm_gmtoff"}))
	m.attrs["struct_time"] = ObjVal(cls)
	// build makes a struct_time of nine items and the zone attributes.
	build := func(vm *VM, items []Val, zone, off Val) (Val, error) {
		st := vm.newInstancePlain(cls)
		st.O.(*Instance).set(builtinValueAttr, tupleOf(append([]Val(nil), items...)))
		if err := vm.setAttr(st, "tm_zone", zone); err != nil {
			return Val{}, err
		}
		return st, vm.setAttr(st, "tm_gmtoff", off)
	}
	// struct_time(seq): 9 items, or 11 with tm_zone and tm_gmtoff (a
	// struct sequence's constructor, not a namedtuple's).
	vm.setAttr(ObjVal(cls), "__new__", ObjVal(&Builtin{name: "__new__", method: true, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) < 1 {
			return Val{}, newErr(TypeError, "struct_time.__new__(): not enough arguments")
		}
		seq, ok := kw["sequence"]
		if len(pos) > 1 {
			seq, ok = pos[1], true
		}
		if !ok {
			return Val{}, newErr(TypeError, "struct_time() missing required argument 'sequence' (pos 1)")
		}
		if len(pos) > 3 {
			return Val{}, newErr(TypeError, "struct_time() takes at most 2 arguments (%d given)", len(pos)-1)
		}
		items, err := vm.iterate(seq)
		if err != nil {
			if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError {
				return Val{}, newErr(TypeError, "constructor requires a sequence")
			}
			return Val{}, err
		}
		switch n := len(items); {
		case n < 9:
			return Val{}, newErr(TypeError, "time.struct_time() takes an at least 9-sequence (%d-sequence given)", n)
		case n > 11:
			return Val{}, newErr(TypeError, "time.struct_time() takes an at most 11-sequence (%d-sequence given)", n)
		}
		zone, off := NoneVal, NoneVal
		if d, ok := kw["dict"]; ok && len(pos) < 3 {
			pos = append(pos, d)
		}
		if len(pos) > 2 && pos[2].T != tagNone {
			// The fields past the sequence, by name (what __reduce__ gives).
			d, ok := pos[2].O.(*Dict)
			if !ok {
				return Val{}, newErr(TypeError, "struct_time() takes a dict as second arg, if any")
			}
			if v, ok, _ := d.get(StrVal("tm_zone")); ok {
				zone = v
			}
			if v, ok, _ := d.get(StrVal("tm_gmtoff")); ok {
				off = v
			}
		}
		if len(items) > 9 {
			zone = items[9]
		}
		if len(items) > 10 {
			off = items[10]
		}
		return build(vm, items[:9], zone, off)
	}}))
	// Pickled as struct_time((nine items), {tm_zone, tm_gmtoff}).
	reduce := func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "struct_time.__reduce__() takes no arguments (%d given)", len(args)-1)
		}
		items, ok := builtinValue(args[0])
		if !ok {
			return Val{}, newErr(TypeError, "descriptor '__reduce__' requires a 'time.struct_time' object")
		}
		extra := newDict()
		for _, f := range []string{"tm_zone", "tm_gmtoff"} {
			v, err := vm.getAttr(args[0], f)
			if err != nil {
				return Val{}, err
			}
			extra.set(StrVal(f), v)
		}
		return tupleOf([]Val{ObjVal(cls), tupleOf([]Val{items, ObjVal(extra)})}), nil
	}
	vm.setAttr(ObjVal(cls), "__reduce__", ObjVal(&Builtin{name: "__reduce__", method: true, fn: reduce}))
	mk := func(vm *VM, t time.Time) (Val, error) {
		isdst := 0
		if t.IsDST() {
			isdst = 1
		}
		wd := (int(t.Weekday()) + 6) % 7 // Monday is 0
		zone, off := t.Zone()
		if t.Location() == time.UTC {
			zone = "GMT" // what glibc's gmtime names it
		}
		return build(vm, []Val{IntVal(int64(t.Year())), IntVal(int64(t.Month())), IntVal(int64(t.Day())),
			IntVal(int64(t.Hour())), IntVal(int64(t.Minute())), IntVal(int64(t.Second())),
			IntVal(int64(wd)), IntVal(int64(t.YearDay())), IntVal(int64(isdst))}, StrVal(zone), IntVal(int64(off)))
	}
	// strptime parses in Python, with datetime.strptime's reader.
	m.def("strptime", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "strptime() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			return Val{}, newErr(TypeError, "strptime expected at most 2 arguments, got %d", len(args))
		}
		if len(args) == 1 {
			args = append(args, StrVal("%a %b %d %H:%M:%S %Y"))
		}
		// Imported once: lazyModule would build the module afresh each call.
		dt, err := vm.importLib("datetime")
		if err != nil {
			return Val{}, err
		}
		r, err := vm.call(dt.attrs["_time_strptime"], args, nil)
		if err != nil {
			return Val{}, err
		}
		parts := r.O.(*Tuple).items
		return build(vm, parts[0].O.(*Tuple).items, parts[1], parts[2])
	})
	// secs reads an optional seconds argument (None: now).
	secs := func(fn string, args []Val, kwn []string) (time.Time, error) {
		if len(kwn) > 0 {
			return time.Time{}, newErr(TypeError, "%s() takes no keyword arguments", fn)
		}
		if len(args) > 1 {
			return time.Time{}, newErr(TypeError, "%s expected at most 1 argument, got %d", fn, len(args))
		}
		if len(args) == 0 || args[0].T == tagNone {
			return time.Now(), nil
		}
		f, err := toFloat(args[0])
		if err != nil {
			return time.Time{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if math.IsNaN(f) {
			return time.Time{}, newErr(ValueError, "Invalid value NaN (not a number)")
		}
		if math.Abs(f) > 1e17 {
			return time.Time{}, newErr(OverflowError, "timestamp out of range for platform time_t")
		}
		return time.Unix(int64(math.Floor(f)), 0), nil
	}
	m.def("gmtime", func(vm *VM, args []Val, kwn []string) (Val, error) {
		t, err := secs("gmtime", args, kwn)
		if err != nil {
			return Val{}, err
		}
		return mk(vm, t.UTC())
	})
	m.def("localtime", func(vm *VM, args []Val, kwn []string) (Val, error) {
		t, err := secs("localtime", args, kwn)
		if err != nil {
			return Val{}, err
		}
		return mk(vm, t.Local())
	})
	// tm reads a struct_time or 9-tuple (None or nothing: local now).
	tm := func(vm *VM, fn string, args []Val, i int) ([9]int, bool, error) {
		var out [9]int
		if len(args) <= i || args[i].T == tagNone {
			t := time.Now()
			wd := (int(t.Weekday()) + 6) % 7
			return [9]int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), wd, t.YearDay(), 0}, true, nil
		}
		v := args[i]
		if it, ok := vm.namedtupleItems(v); ok {
			v = tupleOf(it)
		}
		tu, ok := v.O.(*Tuple)
		if !ok || v.T != tagObject {
			return out, false, newErr(TypeError, "Tuple or struct_time argument required")
		}
		if len(tu.items) != 9 {
			return out, false, newErr(TypeError, "%s(): illegal time tuple argument", fn)
		}
		for k, x := range tu.items {
			n, ok := toInt64Arg(x)
			if !ok {
				return out, false, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(x))
			}
			out[k] = int(n)
		}
		return out, false, nil
	}
	m.def("mktime", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "time.mktime() takes exactly one argument (%d given)", len(args))
		}
		f, _, err := tm(vm, "mktime", args, 0)
		if err != nil {
			return Val{}, err
		}
		t := time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], 0, time.Local)
		return FloatVal(float64(t.Unix())), nil
	})
	m.def("strftime", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 || len(args) < 1 || len(args) > 2 {
			return Val{}, newErr(TypeError, "strftime() takes 1 or 2 arguments")
		}
		if !args[0].isStr() {
			return Val{}, newErr(TypeError, "strftime() argument 1 must be str, not %s", typeName(args[0]))
		}
		f, now, err := tm(vm, "strftime", args, 1)
		if err != nil {
			return Val{}, err
		}
		if !now {
			if f[1] < 1 || f[1] > 12 {
				if f[1] != 0 {
					return Val{}, newErr(ValueError, "month out of range")
				}
				f[1] = 1
			}
			if f[2] == 0 {
				f[2] = 1
			} else if f[2] < 0 || f[2] > 31 {
				return Val{}, newErr(ValueError, "day of month out of range")
			}
			if f[3] < 0 || f[3] > 23 {
				return Val{}, newErr(ValueError, "hour out of range")
			}
			if f[4] < 0 || f[4] > 59 {
				return Val{}, newErr(ValueError, "minute out of range")
			}
			if f[5] < 0 || f[5] > 61 {
				return Val{}, newErr(ValueError, "seconds out of range")
			}
			if f[6] < 0 {
				return Val{}, newErr(ValueError, "day of week out of range")
			}
			if f[7] == 0 {
				f[7] = 1
			} else if f[7] < 0 || f[7] > 366 {
				return Val{}, newErr(ValueError, "day of year out of range")
			}
		}
		return StrVal(cStrftime(args[0].str().s, f)), nil
	})
	asctime := func(f [9]int) string {
		return fmt.Sprintf("%s %s %2d %02d:%02d:%02d %d", weekdayNames[(f[6]+1)%7][:3], monthNames[(f[1]+11)%12][:3], f[2], f[3], f[4], f[5], f[0])
	}
	m.def("asctime", func(vm *VM, args []Val, kwn []string) (Val, error) {
		f, _, err := tm(vm, "asctime", args, 0)
		if err != nil {
			return Val{}, err
		}
		return StrVal(asctime(f)), nil
	})
	m.def("ctime", func(vm *VM, args []Val, kwn []string) (Val, error) {
		t, err := secs("ctime", args, kwn)
		if err != nil {
			return Val{}, err
		}
		t = t.Local()
		return StrVal(asctime([9]int{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), (int(t.Weekday()) + 6) % 7})), nil
	})
	for _, c := range []struct {
		name string
		f    func() int64
	}{
		{"time_ns", func() int64 { return time.Now().UnixNano() }},
		{"monotonic_ns", func() int64 { return time.Now().UnixNano() }},
		{"perf_counter_ns", func() int64 { return time.Now().UnixNano() }},
	} {
		m.def(c.name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs(c.name, args, kwn, 0); err != nil {
				return Val{}, err
			}
			return IntVal(c.f()), nil
		})
	}
	// The zone at the start of this year and in its middle: standard time
	// and, if it differs, daylight time (as the C library's tzset).
	y := time.Now().Year()
	jan, jul := time.Date(y, 1, 1, 0, 0, 0, 0, time.Local), time.Date(y, 7, 1, 0, 0, 0, 0, time.Local)
	n1, o1 := jan.Zone()
	n2, o2 := jul.Zone()
	if o2 < o1 { // southern hemisphere: July is standard time
		n1, o1, n2, o2 = n2, o2, n1, o1
	}
	m.attrs["timezone"] = IntVal(int64(-o1))
	m.attrs["altzone"] = IntVal(int64(-o2))
	m.attrs["daylight"] = IntVal(0)
	if o1 != o2 {
		m.attrs["daylight"] = IntVal(1)
	}
	m.attrs["tzname"] = tupleOf([]Val{StrVal(n1), StrVal(n2)})
}

// cStrftime formats f (a struct_time's nine fields) by the C library's
// strftime directives in the C locale.
func cStrftime(format string, f [9]int) string {
	year, mon, mday, hour, min, sec, wday, yday := f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]
	cwday := (wday + 1) % 7 // C's: Sunday is 0
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			fmt.Fprintf(&b, "%d", year)
		case 'C':
			fmt.Fprintf(&b, "%02d", year/100)
		case 'y':
			fmt.Fprintf(&b, "%02d", ((year%100)+100)%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", mon)
		case 'd':
			fmt.Fprintf(&b, "%02d", mday)
		case 'e':
			fmt.Fprintf(&b, "%2d", mday)
		case 'H':
			fmt.Fprintf(&b, "%02d", hour)
		case 'I':
			fmt.Fprintf(&b, "%02d", (hour+11)%12+1)
		case 'M':
			fmt.Fprintf(&b, "%02d", min)
		case 'S':
			fmt.Fprintf(&b, "%02d", sec)
		case 'p':
			if hour < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'j':
			fmt.Fprintf(&b, "%03d", yday)
		case 'a':
			b.WriteString(weekdayNames[cwday][:3])
		case 'A':
			b.WriteString(weekdayNames[cwday])
		case 'b', 'h':
			b.WriteString(monthNames[(mon+11)%12][:3])
		case 'B':
			b.WriteString(monthNames[(mon+11)%12])
		case 'w':
			fmt.Fprintf(&b, "%d", cwday)
		case 'u':
			fmt.Fprintf(&b, "%d", wday+1)
		case 'U':
			fmt.Fprintf(&b, "%02d", (yday-1+7-cwday)/7)
		case 'W':
			fmt.Fprintf(&b, "%02d", (yday-1+7-wday)/7)
		case 'c':
			b.WriteString(cStrftime("%a %b %e %H:%M:%S %Y", f))
		case 'x', 'D':
			b.WriteString(cStrftime("%m/%d/%y", f))
		case 'X', 'T':
			b.WriteString(cStrftime("%H:%M:%S", f))
		case 'F':
			b.WriteString(cStrftime("%Y-%m-%d", f))
		case 'R':
			b.WriteString(cStrftime("%H:%M", f))
		case 'r':
			b.WriteString(cStrftime("%I:%M:%S %p", f))
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '%':
			b.WriteByte('%')
		case 'Z':
			t := time.Date(year, time.Month(mon), mday, hour, min, sec, 0, time.Local)
			n, _ := t.Zone()
			b.WriteString(n)
		case 'z':
			t := time.Date(year, time.Month(mon), mday, hour, min, sec, 0, time.Local)
			_, off := t.Zone()
			sign := '+'
			if off < 0 {
				sign, off = '-', -off
			}
			fmt.Fprintf(&b, "%c%02d%02d", sign, off/3600, off/60%60)
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}
