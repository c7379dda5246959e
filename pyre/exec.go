package pyre

import (
	"unicode"
)

// Mode is what a match must cover.
type Mode uint8

const (
	ModeMatch     Mode = iota // starting at pos
	ModeSearch                // starting anywhere from pos
	ModeFullMatch             // from pos to endpos
)

// checkEvery is how many steps a match takes between calls of its check
// function (Ctrl-C).
const checkEvery = 1 << 14

// Input is one match's subject and options.
type Input struct {
	Text []rune // the subject, already cut at endpos
	Pos  int
	Mode Mode
	// MustAdvance refuses an empty match at Pos (finditer, sub and split
	// after an empty match, as sre's must_advance).
	MustAdvance bool
	// Check, if set, is called now and then; an error stops the match.
	Check func() error
}

// Result is a match: Caps[2g], Caps[2g+1] are group g's span (-1 unset).
type Result struct {
	Caps      []int
	LastIndex int // the last group closed, or -1
}

type frameKind uint8

const (
	fkBranch  frameKind = iota // resume at pc, pos
	fkSlot                     // caps[a] = b, lastIndex = pc
	fkReg                      // regs[a] = {b, pos}
	fkRepOne                   // greedy retry: count a down to b
	fkRepLazy                  // lazy retry: count a, instruction pc-1
)

type frame struct {
	kind frameKind
	pc   int
	pos  int
	a, b int
}

type loopReg struct{ count, last int }

type machine struct {
	re        *Regexp
	prog      []inst
	text      []rune
	caps      []int
	lastIndex int
	regs      []loopReg
	stack     []frame
	steps     int
	check     func() error
	start     int
	in        Input
}

// Match runs the pattern over in; nil with no error is no match.
func (re *Regexp) Match(in *Input) (*Result, error) {
	// Machines are reused (their stacks have grown to what the pattern
	// needs): finditer and sub call Match once per match.
	m, _ := re.machines.Get().(*machine)
	if m == nil {
		m = &machine{re: re, prog: re.prog, caps: make([]int, 2*(re.Groups+1)), regs: make([]loopReg, re.nregs)}
	}
	m.text, m.check, m.in = in.Text, in.Check, *in
	defer func() {
		m.text, m.check, m.in = nil, nil, Input{}
		re.machines.Put(m)
	}()
	last := in.Pos
	if in.Mode == ModeSearch && !re.anchored {
		last = len(in.Text)
	}
	var first rune = -1
	if p := re.prog[0]; in.Mode == ModeSearch && p.op == iChar && p.fl&fFold == 0 {
		first = p.c
	}
	for start := in.Pos; start <= last; start++ {
		if first >= 0 {
			for start < len(m.text) && m.text[start] != first {
				start++
			}
			if start >= len(m.text) {
				break
			}
		}
		for i := range m.caps {
			m.caps[i] = -1
		}
		m.lastIndex = -1
		m.start = start
		m.stack = m.stack[:0]
		ok, end, err := m.run(0, start, true)
		if err != nil {
			return nil, err
		}
		if ok {
			m.caps[0], m.caps[1] = start, end
			return &Result{Caps: append([]int(nil), m.caps...), LastIndex: m.lastIndex}, nil
		}
	}
	return nil, nil
}

func (m *machine) push(f frame) { m.stack = append(m.stack, f) }

func (m *machine) setCap(slot, pos int) {
	m.push(frame{kind: fkSlot, a: slot, b: m.caps[slot], pc: m.lastIndex})
	m.caps[slot] = pos
	if slot&1 == 1 {
		m.lastIndex = slot / 2
	}
}

// run executes from pc at pos until iMatch (top) or iSucceed (a
// sub-program); it returns whether it got there and where.
func (m *machine) run(pc, pos int, top bool) (bool, int, error) {
	base := len(m.stack)
	text := m.text
	for {
		m.steps++
		if m.steps&(checkEvery-1) == 0 && m.check != nil {
			if err := m.check(); err != nil {
				return false, 0, err
			}
		}
		in := &m.prog[pc]
		ok := true
		switch in.op {
		case iChar, iAny, iSet:
			if pos < len(text) && m.one(in, text[pos]) {
				pos++
				pc++
			} else {
				ok = false
			}
		case iSave:
			m.setCap(in.n, pos)
			pc++
		case iSplit:
			m.push(frame{kind: fkBranch, pc: in.y, pos: pos})
			pc = in.x
		case iJmp:
			pc = in.x
		case iAt:
			if m.at(in, pos) {
				pc++
			} else {
				ok = false
			}
		case iBackref:
			lo, hi := m.caps[2*in.n], m.caps[2*in.n+1]
			if lo < 0 || hi < 0 || hi < lo {
				ok = false
				break
			}
			n := hi - lo
			if pos+n > len(text) {
				ok = false
				break
			}
			for k := 0; k < n; k++ {
				a, b := text[lo+k], text[pos+k]
				if a != b && (in.fl&fFold == 0 || !foldEq(a, b, in.fl&fASCII != 0)) {
					ok = false
					break
				}
			}
			if ok {
				pos += n
				pc++
			}
		case iLook:
			at := pos
			if in.behind {
				at = pos - in.width
			}
			matched := false
			saved := append([]int(nil), m.caps...)
			savedLast := m.lastIndex
			if at >= 0 {
				sb := len(m.stack)
				r, _, err := m.run(in.x, at, false)
				if err != nil {
					return false, 0, err
				}
				m.stack = m.stack[:sb]
				matched = r
			}
			if matched == in.neg {
				copy(m.caps, saved)
				m.lastIndex = savedLast
				ok = false
				break
			}
			if in.neg {
				copy(m.caps, saved)
				m.lastIndex = savedLast
			} else {
				m.keepCaps(saved, savedLast)
			}
			pc++
		case iAtomic:
			saved := append([]int(nil), m.caps...)
			savedLast := m.lastIndex
			sb := len(m.stack)
			r, end, err := m.run(in.x, pos, false)
			if err != nil {
				return false, 0, err
			}
			m.stack = m.stack[:sb]
			if !r {
				copy(m.caps, saved)
				m.lastIndex = savedLast
				ok = false
				break
			}
			m.keepCaps(saved, savedLast)
			pos = end
			pc++
		case iCond:
			if m.caps[2*in.n] >= 0 && m.caps[2*in.n+1] >= 0 {
				pc = in.x
			} else {
				pc = in.y
			}
		case iRepOne:
			ok = m.repOne(pc, in, &pos)
			if ok {
				pc++
			}
		case iRepInit:
			r := &m.regs[in.n]
			m.push(frame{kind: fkReg, a: in.n, b: r.count, pos: r.last})
			*r = loopReg{0, -1}
			pc++
		case iRepLoop:
			r := m.regs[in.n]
			switch {
			case r.count >= in.min && (r.count >= in.max || r.count > 0 && pos == r.last):
				pc = in.y
			case r.count < in.min:
				pc = in.x
			case in.mode == greedy:
				m.push(frame{kind: fkBranch, pc: in.y, pos: pos})
				pc = in.x
			default:
				m.push(frame{kind: fkBranch, pc: in.x, pos: pos})
				pc = in.y
			}
		case iRepIncr:
			r := &m.regs[in.n]
			m.push(frame{kind: fkReg, a: in.n, b: r.count, pos: r.last})
			if r.count >= in.min {
				// An optional iteration: one that matches nothing ends
				// the loop (sre's zero-width protection).
				r.last = pos
			}
			r.count++
			pc++
		case iSucceed:
			return true, pos, nil
		case iMatch:
			if m.in.MustAdvance && pos == m.in.Pos || m.in.Mode == ModeFullMatch && pos != len(text) {
				ok = false
				break
			}
			return true, pos, nil
		}
		if ok {
			continue
		}
		// Backtrack to the newest choice above base.
		resumed := false
		for len(m.stack) > base && !resumed {
			f := m.stack[len(m.stack)-1]
			m.stack = m.stack[:len(m.stack)-1]
			switch f.kind {
			case fkBranch:
				pc, pos, resumed = f.pc, f.pos, true
			case fkSlot:
				m.caps[f.a] = f.b
				m.lastIndex = f.pc
			case fkReg:
				m.regs[f.a] = loopReg{f.b, f.pos}
			case fkRepOne:
				count := f.a
				if next := &m.prog[f.pc]; next.op == iChar && next.fl&fFold == 0 {
					// Only counts the next literal can follow.
					for count >= f.b && (f.pos+count >= len(text) || text[f.pos+count] != next.c) {
						count--
					}
					if count < f.b {
						continue
					}
				}
				if count > f.b {
					m.push(frame{kind: fkRepOne, pc: f.pc, pos: f.pos, a: count - 1, b: f.b})
				}
				pc, pos, resumed = f.pc, f.pos+count, true
			case fkRepLazy:
				rep := &m.prog[f.pc-1]
				count := f.a
				p := f.pos + count
				if count < rep.max && p < len(text) && m.one(rep.item, text[p]) {
					count++
					m.push(frame{kind: fkRepLazy, pc: f.pc, pos: f.pos, a: count})
					pc, pos, resumed = f.pc, f.pos+count, true
				}
			}
		}
		if !resumed {
			return false, 0, nil
		}
	}
}

// keepCaps records, for the frames a finished sub-program dropped, how to
// undo its captures if the match backtracks past it.
func (m *machine) keepCaps(saved []int, savedLast int) {
	for i, v := range saved {
		if m.caps[i] != v {
			m.push(frame{kind: fkSlot, a: i, b: v, pc: savedLast})
		}
	}
	if m.lastIndex != savedLast {
		// The restore frames above restore lastIndex with the caps; one
		// more for the case where only lastIndex changed.
		m.push(frame{kind: fkSlot, a: 0, b: m.caps[0], pc: savedLast})
	}
}

func (m *machine) repOne(pc int, in *inst, pos *int) bool {
	start := *pos
	text := m.text
	limit := len(text) - start
	if in.max < limit {
		limit = in.max
	}
	if in.mode == lazy {
		n := 0
		for n < in.min {
			if n >= limit || !m.one(in.item, text[start+n]) {
				return false
			}
			n++
		}
		if n < in.max {
			m.push(frame{kind: fkRepLazy, pc: pc + 1, pos: start, a: n})
		}
		*pos = start + n
		return true
	}
	n := 0
	it := in.item
	switch {
	case it.op == iAny && it.fl&fDotAll != 0:
		n = limit
	case it.op == iChar && it.fl&fFold == 0:
		for n < limit && text[start+n] == it.c {
			n++
		}
	default:
		for n < limit && m.one(it, text[start+n]) {
			n++
		}
	}
	if n < in.min {
		return false
	}
	if in.mode == greedy && n > in.min {
		m.push(frame{kind: fkRepOne, pc: pc + 1, pos: start, a: n - 1, b: in.min})
	}
	*pos = start + n
	return true
}

// one reports whether the one-character instruction in matches c.
func (m *machine) one(in *inst, c rune) bool {
	switch in.op {
	case iChar:
		return c == in.c || in.fl&fFold != 0 && foldEq(c, in.c, in.fl&fASCII != 0)
	case iAny:
		return c != '\n' || in.fl&fDotAll != 0
	case iSet:
		return in.set.matches(c, in.fl)
	}
	return false
}

func (m *machine) at(in *inst, pos int) bool {
	text := m.text
	switch in.at {
	case atBeginning:
		return pos == 0 || in.fl&fMulti != 0 && text[pos-1] == '\n'
	case atEnd:
		n := len(text)
		return pos == n || pos == n-1 && text[pos] == '\n' || in.fl&fMulti != 0 && text[pos] == '\n'
	case atBeginningString:
		return pos == 0
	case atEndString:
		return pos == len(text)
	case atBoundary, atNonBoundary:
		ascii := in.fl&fASCII != 0
		before := pos > 0 && isWord(text[pos-1], ascii)
		after := pos < len(text) && isWord(text[pos], ascii)
		return (before != after) == (in.at == atBoundary)
	}
	return false
}

// foldEq reports whether a and b are the same letter in another case.
func foldEq(a, b rune, ascii bool) bool {
	if ascii {
		if a < 0x80 && b < 0x80 {
			return lowerASCII(a) == lowerASCII(b)
		}
		return a == b
	}
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

func lowerASCII(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 32
	}
	return r
}

func isWord(c rune, ascii bool) bool {
	if c < 0x80 || ascii {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	return unicode.IsLetter(c) || unicode.IsNumber(c)
}

func isDigitCat(c rune, ascii bool) bool {
	if c < 0x80 || ascii {
		return c >= '0' && c <= '9'
	}
	return unicode.Is(unicode.Nd, c)
}

func isSpaceCat(c rune, ascii bool) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	if ascii {
		return false
	}
	if c >= 0x1c && c <= 0x1f {
		return true
	}
	return c >= 0x80 && unicode.IsSpace(c)
}

func (s *charSet) matches(c rune, fl uint8) bool {
	ascii := fl&fASCII != 0
	in := s.has(c, ascii)
	if !in && fl&fFold != 0 {
		if ascii {
			if c < 0x80 {
				if c >= 'a' && c <= 'z' {
					in = s.has(c-32, ascii)
				} else if c >= 'A' && c <= 'Z' {
					in = s.has(c+32, ascii)
				}
			}
		} else {
			for f := unicode.SimpleFold(c); f != c && !in; f = unicode.SimpleFold(f) {
				in = s.has(f, ascii)
			}
		}
	}
	return in != s.neg
}

func (s *charSet) has(c rune, ascii bool) bool {
	for _, it := range s.items {
		switch it.cat {
		case 0:
			if c >= it.lo && c <= it.hi {
				return true
			}
		case 'd':
			if isDigitCat(c, ascii) {
				return true
			}
		case 'D':
			if !isDigitCat(c, ascii) {
				return true
			}
		case 'w':
			if isWord(c, ascii) {
				return true
			}
		case 'W':
			if !isWord(c, ascii) {
				return true
			}
		case 's':
			if isSpaceCat(c, ascii) {
				return true
			}
		case 'S':
			if !isSpaceCat(c, ascii) {
				return true
			}
		}
	}
	return false
}
