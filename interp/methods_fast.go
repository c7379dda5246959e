package interp

import (
	"strings"

	"github.com/copypatch/copypatch/templates"
)

// Fast paths of the str and dict methods text-processing loops call most
// (issue 10): ASCII strs are handled on their bytes, a result equal to the
// receiver is the receiver, and a result knows it is ASCII, so nothing
// scans it again. Anything else goes to strMethod / dictMethod. Call sites
// cache these functions (callMethodAt), so a call costs no name look-up.

// registerFastMethods adds them to extraMethods (from its init).
func registerFastMethods() {
	m := extraMethods["str"]
	m["strip"] = strStripFast(0)
	m["lstrip"] = strStripFast(1)
	m["rstrip"] = strStripFast(2)
	m["split"] = strSplitFast
	m["join"] = strJoinFast
	m["capitalize"] = strCapitalizeFast
	m["startswith"] = strAffixFast("startswith")
	m["endswith"] = strAffixFast("endswith")
	for name, class := range map[string]func(c byte) int8{
		"isupper": asciiCased(true), "islower": asciiCased(false),
		"isdigit": asciiAll(func(c byte) bool { return '0' <= c && c <= '9' }),
		"isalpha": asciiAll(func(c byte) bool { return 'a' <= c|32 && c|32 <= 'z' }),
		"isalnum": asciiAll(func(c byte) bool { return 'a' <= c|32 && c|32 <= 'z' || '0' <= c && c <= '9' }),
		"isspace": asciiAll(func(c byte) bool { return pyASCIISpace[c] }),
	} {
		m[name] = strTestFast(name, class)
	}
	extraMethods["dict"] = map[string]extraFn{"get": dictGetFast, "pop": dictPopFast, "setdefault": dictSetdefaultFast}
	extraMethods["set"] = map[string]extraFn{"add": setAddFast}
	extraMethods["collections.deque"] = map[string]extraFn{"popleft": dequePopleftFast}
	extraMethods["tuple"] = map[string]extraFn{"index": tupleIndexFast}
	extraMethods["generator"] = map[string]extraFn{"send": genSendFast}
}

// tupleIndexFast is t.index(x) of an int x over a tuple of ints and None
// (an 8-puzzle state's blank, once a step): a scan comparing bits, where
// seqMethod's way cost a thousand instructions a call. Anything else
// (floats and bools equal to ints, objects whose __eq__ may answer, start
// and stop, the error) goes to seqMethod.
func tupleIndexFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	if len(args) == 1 && len(kwn) == 0 && args[0].T == tagInt {
		x := args[0].B
		for i, it := range self.O.(*Tuple).items {
			if it.T == tagInt {
				if it.B == x {
					return IntVal(int64(i)), nil
				}
			} else if it.T != tagNone {
				break
			}
		}
	}
	return vm.callBuiltinMethod(self, "index", args, kwn)
}

// genSendFast is generator.send(v), a coroutine scheduler's every step:
// the site's cached fast path goes to the generator (genMethod) without
// the built-in method dispatch (type name, method tables, argument
// checks of every method) in between.
func genSendFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	g := self.O.(*Generator)
	if len(kwn) > 0 || g.fn.code.genKind != genPlain {
		return vm.callBuiltinMethod(self, "send", args, kwn)
	}
	// Only split asks which frame calls it (split_reuse.go): what the
	// generator calls is not this call.
	vm.extraFrame = nil
	return g.genMethod(vm, "send", args)
}

// dequePopleftFast is deque.popleft(), a breadth-first search's every
// step: the list's front dropped in place (dropFront), no argument
// stack or method-name dispatch.
func dequePopleftFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	l := self.O.(*List)
	if len(kwn) > 0 {
		return Val{}, newErr(TypeError, "deque.popleft() takes no keyword arguments")
	}
	if len(args) > 0 {
		return Val{}, newErr(TypeError, "deque.popleft() takes no arguments (%d given)", len(args))
	}
	if vm.threaded() {
		return vm.callBuiltinMethod(self, "popleft", args, kwn)
	}
	if l.Len() == 0 {
		return Val{}, newErr(IndexError, "pop from an empty deque")
	}
	v := l.at(0)
	l.removeRange(0, 1)
	return v, nil
}

// asciiStr is a new str known to be ASCII.
func asciiStr(s string) Val {
	if len(s) == 1 {
		return Val{T: tagObject, B: charBits[s[0]], O: charObjs[s[0]]}
	}
	return ObjVal(&Str{s: s, kind: 1})
}

// subStr is s[lo:hi] (byte offsets) as a value: s itself when it is all of
// it, a str that inherits s's ASCII-ness otherwise.
func subStr(self Val, s *Str, lo, hi int) Val {
	if lo == 0 && hi == len(s.s) {
		return self
	}
	if s.kind == 1 {
		return asciiStr(s.s[lo:hi])
	}
	return StrVal(s.s[lo:hi])
}

// pyASCIISpace is str.isspace for the ASCII range: CPython counts the
// four separators \x1c-\x1f as whitespace too.
var pyASCIISpace = func() (t [256]bool) {
	for _, c := range " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f" {
		t[c] = true
	}
	return
}()

// strLowerASCII and strUpperASCII convert an ASCII string; the receiver comes
// back when nothing changes.
func strLowerASCII(vm *VM, self Val, s *Str) Val { return strShiftCase(vm, self, s, 'A', 32) }

func strUpperASCII(vm *VM, self Val, s *Str) Val { return strShiftCase(vm, self, s, 'a', 256-32) }

// strShiftCase adds delta (mod 256) to the letters from..from+25 of an
// ASCII str.
func strShiftCase(vm *VM, self Val, s *Str, from, delta byte) Val {
	str := s.s
	i := 0
	for i < len(str) && str[i]-from >= 26 {
		i++
	}
	if i == len(str) {
		// Unchanged: a word gives its shared str, whose hash is known
		// and which a dict's key of the same word is, so a look-up
		// matches by identity instead of hashing and comparing text.
		if vm.isLastWord(s) {
			return self
		}
		if w := vm.sharedWord(str); w != nil {
			return ObjVal(w)
		}
		return self
	}
	if len(str) == 1 {
		return asciiStr(string(str[0] + delta))
	}
	if len(str) <= wordCacheMax {
		// A word: converted on the stack, shared when cached.
		var tmp [wordCacheMax]byte
		b := tmp[:len(str)]
		shiftCase(b, str, i, from, delta)
		return vm.asciiWordVal(b)
	}
	r, b := newStrBuf(len(str))
	shiftCase(b, str, i, from, delta)
	return r.seal(b, 1)
}

// shiftCase writes str into b with delta added to its letters
// from..from+25, the first i bytes (none of them such letters) as they are.
func shiftCase(b []byte, str string, i int, from, delta byte) {
	copy(b, str[:i])
	for ; i < len(b); i++ {
		c := str[i]
		if c-from < 26 {
			c += delta
		}
		b[i] = c
	}
}

// strStripFast is strip (which 0), lstrip (1) or rstrip (2) of an ASCII
// str with no argument, None, or ASCII characters to strip.
func strStripFast(which int) extraFn {
	name := [...]string{"strip", "lstrip", "rstrip"}[which]
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		s := self.str()
		if len(kwn) > 0 || len(args) > 1 || !s.ascii() {
			return vm.strMethod(s, name, args, kwn)
		}
		var set *[256]bool
		if len(args) == 0 || args[0].T == tagNone {
			set = &pyASCIISpace
		} else {
			c, ok := args[0].O.(*Str)
			if !ok || args[0].T != tagObject || !c.ascii() {
				return vm.strMethod(s, name, args, kwn)
			}
			if vm != nil && vm.stripChars == c {
				// The same characters as last time (a constant, usually).
				set = &vm.stripSet
			} else {
				var chars [256]bool
				for i := 0; i < len(c.s); i++ {
					chars[c.s[i]] = true
				}
				set = &chars
				if vm != nil {
					vm.stripChars, vm.stripSet = c, chars
				}
			}
		}
		str := s.s
		lo, hi := 0, len(str)
		if which != 2 {
			for lo < hi && set[str[lo]] {
				lo++
			}
		}
		if which != 1 {
			for hi > lo && set[str[hi-1]] {
				hi--
			}
		}
		if lo != 0 || hi != len(str) {
			if w := vm.sharedWord(str[lo:hi]); w != nil {
				return ObjVal(w), nil
			}
		}
		return subStr(self, s, lo, hi), nil
	}
}

// strSplitFast is split of an ASCII str: on whitespace, or on a separator,
// without a maxsplit. The words are allocated together.
func strSplitFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	s := self.str()
	if len(kwn) > 0 || len(args) > 1 || !s.ascii() {
		return vm.strMethod(s, "split", args, kwn)
	}
	str := s.s
	if len(args) == 0 || args[0].T == tagNone {
		// The first words' bounds are kept from the counting pass: a
		// line's words need no second scan.
		var bounds [32][2]int
		n := 0
		for i := 0; i < len(str); {
			for i < len(str) && pyASCIISpace[str[i]] {
				i++
			}
			if i == len(str) {
				break
			}
			j := i
			for i < len(str) && !pyASCIISpace[str[i]] {
				i++
			}
			if n < len(bounds) {
				bounds[n] = [2]int{j, i}
			}
			n++
		}
		l, strs := vm.splitList(n)
		if n <= len(bounds) {
			for k, b := range bounds[:n] {
				setStr(l, strs, k, str[b[0]:b[1]])
			}
			return ObjVal(l), nil
		}
		k := 0
		for i := 0; i < len(str); {
			for i < len(str) && pyASCIISpace[str[i]] {
				i++
			}
			if i == len(str) {
				break
			}
			j := i
			for i < len(str) && !pyASCIISpace[str[i]] {
				i++
			}
			setStr(l, strs, k, str[j:i])
			k++
		}
		return ObjVal(l), nil
	}
	sep, ok := args[0].O.(*Str)
	if !ok || args[0].T != tagObject || sep.s == "" {
		return vm.strMethod(s, "split", args, kwn)
	}
	n := strings.Count(str, sep.s) + 1
	if err := memCheckMul(uint64(n), 64); err != nil {
		return Val{}, err
	}
	l, strs := vm.splitList(n)
	for k := 0; k < n-1; k++ {
		i := strings.Index(str, sep.s)
		setStr(l, strs, k, str[:i])
		str = str[i+len(sep.s):]
	}
	setStr(l, strs, n-1, str)
	return ObjVal(l), nil
}

// asciiLineBreak marks the ASCII characters splitlines breaks at.
var asciiLineBreak = [256]bool{'\n': true, '\r': true, '\v': true, '\f': true, 0x1c: true, 0x1d: true, 0x1e: true}

// asciiSplitLines is str.splitlines of an ASCII str: the lines share str's
// text and one array of Str objects (a []rune of the whole text and a copy
// per line before: wordcount splits a 1.3 MB text into lines twice).
func asciiSplitLines(str string, keep bool) *List {
	// next returns the end of the line starting at i and where the line
	// after it starts.
	next := func(i int) (end, after int) {
		// Eight characters at a time while none is a control character
		// (every line break is one).
		for i+8 <= len(str) && !anyBelow0x20(str[i:i+8]) {
			i += 8
		}
		for i < len(str) && !asciiLineBreak[str[i]] {
			i++
		}
		if i == len(str) {
			return i, i
		}
		if str[i] == '\r' && i+1 < len(str) && str[i+1] == '\n' {
			return i, i + 2
		}
		return i, i + 1
	}
	n := 0
	for i := 0; i < len(str); n++ {
		_, i = next(i)
	}
	l, strs := newStrList(n)
	for i, k := 0, 0; i < len(str); k++ {
		end, after := next(i)
		if keep {
			end = after
		}
		setStr(l, strs, k, str[i:end])
		i = after
	}
	return l
}

// strListRoom4 ... strListRoom16 are a List, its slots, its objects and
// its Str objects in one allocation, for the short lists that split()
// makes of a line (wordcount splits every line three times).
type (
	strListRoom4 struct {
		l List
		r [4]templates.Value
		o [4]Object
		s [4]Str
	}
	strListRoom8 struct {
		l List
		r [8]templates.Value
		o [8]Object
		s [8]Str
	}
	strListRoom12 struct {
		l List
		r [12]templates.Value
		o [12]Object
		s [12]Str
	}
	strListRoom16 struct {
		l List
		r [16]templates.Value
		o [16]Object
		s [16]Str
	}
)

// newStrList is a list of n strs whose Str objects come from one array
// (setStr fills each item: its object and its slot bits). Up to sixteen,
// the list, its arrays and the strs are one allocation instead of four;
// the slices are full (len = cap), so an append moves the list out of its
// room as it would have grown out of make's arrays.
func newStrList(n int) (*List, []Str) {
	var l *List
	var strs []Str
	switch {
	case n == 0:
		l, strs = &List{vals: []templates.Value{}, objs: []Object{}}, nil
	case n <= 4:
		p := &strListRoom4{}
		l, strs = &p.l, p.s[:n:n]
		l.vals, l.objs = p.r[:n:n], p.o[:n:n]
	case n <= 8:
		p := &strListRoom8{}
		l, strs = &p.l, p.s[:n:n]
		l.vals, l.objs = p.r[:n:n], p.o[:n:n]
	case n <= 12:
		p := &strListRoom12{}
		l, strs = &p.l, p.s[:n:n]
		l.vals, l.objs = p.r[:n:n], p.o[:n:n]
	case n <= 16:
		p := &strListRoom16{}
		l, strs = &p.l, p.s[:n:n]
		l.vals, l.objs = p.r[:n:n], p.o[:n:n]
	default:
		l = &List{vals: make([]templates.Value, n), objs: make([]Object, n)}
		strs = make([]Str, n)
	}
	for i := range l.vals {
		l.vals[i].Tag = tagObject
	}
	return l, strs
}

// setStr makes item k of a newStrList the ASCII str w.
func setStr(l *List, strs []Str, k int, w string) {
	if len(w) == 1 {
		l.objs[k], l.vals[k].Bits = charObjs[w[0]], charBits[w[0]]
		return
	}
	strs[k].s, strs[k].kind = w, 1
	l.objs[k], l.vals[k].Bits = &strs[k], strBits(&strs[k])
}

// strJoinFast is join of a list or tuple of strs.
func strJoinFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	s := self.str()
	if len(kwn) > 0 || len(args) != 1 || args[0].T != tagObject {
		return vm.strMethod(s, "join", args, kwn)
	}
	var objs []Object
	var n int
	switch x := args[0].O.(type) {
	case *List:
		if x.objs == nil && len(x.vals) > 0 || vm.threaded() {
			return vm.strMethod(s, "join", args, kwn)
		}
		objs, n = x.objs, len(x.vals)
	case *Tuple:
		if len(x.items) > 64 {
			return vm.strMethod(s, "join", args, kwn)
		}
		var buf [64]Object
		for i, it := range x.items {
			buf[i] = it.O
		}
		objs, n = buf[:len(x.items)], len(x.items)
	default:
		return vm.strMethod(s, "join", args, kwn)
	}
	if n == 0 {
		return asciiStr(""), nil
	}
	size := len(s.s) * (n - 1)
	ascii := s.kind == 1
	for i := 0; i < n; i++ {
		p, ok := objs[i].(*Str)
		if l, isList := args[0].O.(*List); isList && l.vals[i].Tag != tagObject || !ok {
			return vm.strMethod(s, "join", args, kwn)
		}
		size += len(p.s)
		ascii = ascii && p.kind == 1
	}
	if n == 1 {
		if p := objs[0].(*Str); p.kind == 1 || !ascii {
			return ObjVal(p), nil
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(s.s)
		}
		b.WriteString(objs[i].(*Str).s)
	}
	if ascii {
		return asciiStr(b.String()), nil
	}
	return StrVal(b.String()), nil
}

// strCapitalizeFast is capitalize of an ASCII str.
func strCapitalizeFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	s := self.str()
	if len(args) > 0 || len(kwn) > 0 || !s.ascii() {
		return vm.callBuiltinMethod(self, "capitalize", args, kwn) // noArgsCheck
	}
	if s.s == "" {
		return self, nil
	}
	str := s.s
	same := !('a' <= str[0] && str[0] <= 'z')
	for i := 1; same && i < len(str); i++ {
		same = !('A' <= str[i] && str[i] <= 'Z')
	}
	if same {
		return self, nil
	}
	if len(str) == 1 {
		return asciiStr(string(str[0] - 32)), nil
	}
	if len(str) <= wordCacheMax {
		// A word: converted on the stack, shared when cached.
		var tmp [wordCacheMax]byte
		b := tmp[:len(str)]
		capitalizeASCII(b, str)
		return vm.asciiWordVal(b), nil
	}
	r, b := newStrBuf(len(str))
	capitalizeASCII(b, str)
	return r.seal(b, 1), nil
}

// capitalizeASCII writes str capitalized to b, of its length.
func capitalizeASCII(b []byte, str string) {
	b[0] = str[0]
	if c := b[0]; 'a' <= c && c <= 'z' {
		b[0] = c - 32
	}
	for i := 1; i < len(b); i++ {
		c := str[i]
		if 'A' <= c && c <= 'Z' {
			c += 32
		}
		b[i] = c
	}
}

// strAffixFast is startswith or endswith with one str argument.
func strAffixFast(name string) extraFn {
	start := name == "startswith"
	return func(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
		s := self.str()
		if len(args) != 1 || len(kwn) > 0 || args[0].T != tagObject {
			return vm.strMethod(s, name, args, kwn)
		}
		a, ok := args[0].O.(*Str)
		if !ok {
			return vm.strMethod(s, name, args, kwn)
		}
		if start {
			return BoolVal(strings.HasPrefix(s.s, a.s)), nil
		}
		return BoolVal(strings.HasSuffix(s.s, a.s)), nil
	}
}

// dictGetFast is dict.get(key[, default]).
func dictGetFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	d := self.O.(*Dict)
	if len(kwn) > 0 || len(args) < 1 || len(args) > 2 {
		return vm.callBuiltinMethod(self, "get", args, kwn)
	}
	if k := args[0]; k.T == tagInt {
		if v, ok := d.getInt(k.B); ok {
			return v, nil
		}
	} else if v, ok, err := d.get(k); err != nil || ok {
		return v, err
	}
	if len(args) == 2 {
		return args[1], nil
	}
	return NoneVal, nil
}

// dictPopFast is dict.pop(key[, default]) of one thread: no argument
// check against the no-argument methods and no method-name switch (an
// incremental sieve pops and refills a dict at every number).
func dictPopFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	if len(kwn) > 0 || len(args) < 1 || len(args) > 2 || vm.threaded() {
		return vm.callBuiltinMethod(self, "pop", args, kwn)
	}
	v, ok, err := self.O.(*Dict).del(args[0])
	if err != nil || ok {
		return v, err
	}
	if len(args) == 2 {
		return args[1], nil
	}
	return Val{}, newErrVal(KeyError, args[0])
}

// dictSetdefaultFast is dict.setdefault(key[, default]) of one thread.
func dictSetdefaultFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	if len(kwn) > 0 || len(args) < 1 || len(args) > 2 || vm.threaded() {
		return vm.callBuiltinMethod(self, "setdefault", args, kwn)
	}
	d := self.O.(*Dict)
	if v, ok, err := d.get(args[0]); err != nil || ok {
		return v, err
	}
	def := NoneVal
	if len(args) == 2 {
		def = args[1]
	}
	return def, d.set(args[0], def)
}

// setAddFast is set.add(x).
func setAddFast(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	if len(args) != 1 || len(kwn) > 0 {
		return vm.callBuiltinMethod(self, "add", args, kwn)
	}
	return NoneVal, self.O.(*Set).add(args[0])
}

// The str.isX tests on ASCII text: class says of each byte whether it
// fails the test (-1), passes it (1) or is neutral (0, uncased for
// isupper and islower); the result is true when no byte fails and one
// passes.
func strTestFast(name string, class func(c byte) int8) extraFn {
	// Each byte's class is looked up, not asked of class: a load where a
	// call through a func value per byte cost ~15 instructions.
	var table [256]int8
	for c := range table {
		table[c] = class(byte(c))
	}
	return noArgs0("str", name, func(vm *VM, v Val) (Val, error) {
		s := v.str()
		if !s.ascii() {
			return vm.strMethod(s, name, nil, nil)
		}
		pass := false
		for i := 0; i < len(s.s); i++ {
			switch table[s.s[i]] {
			case -1:
				return False, nil
			case 1:
				pass = true
			}
		}
		return BoolVal(pass), nil
	})
}

// asciiCased is isupper's (upper) or islower's class of a byte.
func asciiCased(upper bool) func(c byte) int8 {
	return func(c byte) int8 {
		switch {
		case 'A' <= c && c <= 'Z':
			if upper {
				return 1
			}
			return -1
		case 'a' <= c && c <= 'z':
			if upper {
				return -1
			}
			return 1
		}
		return 0
	}
}

// asciiAll is the class of a test every byte must pass.
func asciiAll(ok func(c byte) bool) func(c byte) int8 {
	return func(c byte) int8 {
		if ok(c) {
			return 1
		}
		return -1
	}
}

// anyBelow0x20 reports whether one of w's eight bytes is below 0x20 (the
// word-at-a-time test of "has a byte less than n"; no false negatives).
func anyBelow0x20(w string) bool {
	_ = w[7]
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	return (x-0x2020202020202020)&^x&0x8080808080808080 != 0
}

// strEq is a == b when the slots x and y (objects a and b) hold two strs
// (not subclasses, which are instances): ok is false for anything else.
// A maze's grid[y][x] == "." went through cmpOp, ~330 instructions.
func strEq(x, y templates.Value, a, b Object) (eq, ok bool) {
	if x.Tag != tagObject || y.Tag != tagObject {
		return false, false
	}
	s, ok := a.(*Str)
	if !ok {
		return false, false
	}
	t, ok := b.(*Str)
	if !ok {
		return false, false
	}
	return s == t || s.s == t.s, true
}
