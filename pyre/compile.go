package pyre

import "sync"

// The tree compiles to a program for a backtracking machine (exec.go).
// Repeats of one character are one instruction (iRepOne) whose retries
// take one stack frame; other repeats count in registers saved on the
// stack, and stop when an iteration matched nothing, as sre's do.

type opcode uint8

const (
	iChar    opcode = iota // c (fold: any case of c)
	iAny                   // any character but \n (dotall: any)
	iSet                   // set
	iSave                  // caps[n] = pos
	iSplit                 // try x, then y
	iJmp                   // goto x
	iAt                    // assertion at
	iBackref               // the text group n matched
	iLook                  // lookaround: sub-program at x; then pc+1
	iAtomic                // atomic group: sub-program at x; then pc+1
	iCond                  // group n matched ? x : y
	iRepOne                // item repeated min..max times
	iRepInit               // reset loop register n
	iRepLoop               // loop n: another iteration at x or leave to y
	iRepIncr               // loop n starts an iteration
	iSucceed               // end of a sub-program
	iMatch                 // end of the pattern
)

// Instruction flag bits.
const (
	fFold   = 1 << iota // IGNORECASE
	fASCII              // ASCII: \w \d \s \b and case folding by ASCII rules
	fDotAll             // DOTALL
	fMulti              // MULTILINE
)

type inst struct {
	op       opcode
	fl       uint8
	mode     repMode
	neg      bool
	behind   bool
	at       atKind
	c        rune
	set      *charSet
	n        int
	x, y     int
	min, max int
	width    int
	item     *inst // iRepOne: the character matcher
}

// Regexp is a compiled pattern.
type Regexp struct {
	Pattern string
	Flags   int            // with the global inline flags, and U unless A
	Groups  int            // capturing groups
	Names   map[string]int // group name -> number
	prog    []inst
	nregs   int
	// anchored: the pattern starts with \A (or ^ without MULTILINE), so a
	// search tries only its first position.
	anchored bool
	machines sync.Pool
}

// Compile parses and compiles pattern with flags (re's bits).
func Compile(pattern string, flags int) (*Regexp, error) {
	n, p, err := parse(pattern, flags)
	if err != nil {
		return nil, err
	}
	c := &compiler{}
	c.emit(n, p.flags)
	c.add(inst{op: iMatch})
	re := &Regexp{Pattern: pattern, Flags: p.flags, Groups: p.groups - 1, Names: p.names, prog: c.prog, nregs: c.nregs}
	if len(c.prog) > 0 && c.prog[0].op == iAt {
		at := c.prog[0]
		re.anchored = at.at == atBeginningString || at.at == atBeginning && at.fl&fMulti == 0
	}
	return re, nil
}

type compiler struct {
	prog  []inst
	nregs int
}

func (c *compiler) add(in inst) int {
	c.prog = append(c.prog, in)
	return len(c.prog) - 1
}

func instFlags(flags int) uint8 {
	var f uint8
	if flags&FlagI != 0 {
		f |= fFold
	}
	if flags&FlagA != 0 {
		f |= fASCII
	}
	if flags&FlagS != 0 {
		f |= fDotAll
	}
	if flags&FlagM != 0 {
		f |= fMulti
	}
	return f
}

// single is the one-character instruction for n, if it is one.
func single(n *node, flags int) (inst, bool) {
	fl := instFlags(flags)
	switch n.kind {
	case nLit:
		return inst{op: iChar, c: n.c, fl: fl}, true
	case nAny:
		return inst{op: iAny, fl: fl}, true
	case nSet:
		return inst{op: iSet, set: n.set, fl: fl}, true
	}
	return inst{}, false
}

func (c *compiler) emit(n *node, flags int) {
	if in, ok := single(n, flags); ok {
		c.add(in)
		return
	}
	switch n.kind {
	case nEmpty:
	case nAt:
		c.add(inst{op: iAt, at: n.at, fl: instFlags(flags)})
	case nGroup:
		f := (flags | n.addFlags) &^ n.delFlags
		if n.group > 0 {
			c.add(inst{op: iSave, n: 2 * n.group})
		}
		c.emit(n.subs[0], f)
		if n.group > 0 {
			c.add(inst{op: iSave, n: 2*n.group + 1})
		}
	case nConcat:
		for _, s := range n.subs {
			c.emit(s, flags)
		}
	case nAlt:
		var jumps []int
		for i, s := range n.subs {
			if i < len(n.subs)-1 {
				split := c.add(inst{op: iSplit})
				c.prog[split].x = split + 1
				c.emit(s, flags)
				jumps = append(jumps, c.add(inst{op: iJmp}))
				c.prog[split].y = len(c.prog)
			} else {
				c.emit(s, flags)
			}
		}
		for _, j := range jumps {
			c.prog[j].x = len(c.prog)
		}
	case nRepeat:
		c.repeat(n, flags)
	case nBackref:
		c.add(inst{op: iBackref, n: n.group, fl: instFlags(flags)})
	case nLook:
		k := c.add(inst{op: iLook, neg: n.neg, behind: n.behind, width: n.fixedWidth})
		j := c.add(inst{op: iJmp})
		c.prog[k].x = len(c.prog)
		c.emit(n.subs[0], flags)
		c.add(inst{op: iSucceed})
		c.prog[j].x = len(c.prog)
	case nAtomic:
		c.atomic(func() { c.emit(n.subs[0], flags) })
	case nCond:
		k := c.add(inst{op: iCond, n: n.group})
		c.prog[k].x = len(c.prog)
		c.emit(n.subs[0], flags)
		j := c.add(inst{op: iJmp})
		c.prog[k].y = len(c.prog)
		c.emit(n.subs[1], flags)
		c.prog[j].x = len(c.prog)
	}
}

func (c *compiler) atomic(body func()) {
	k := c.add(inst{op: iAtomic})
	j := c.add(inst{op: iJmp})
	c.prog[k].x = len(c.prog)
	body()
	c.add(inst{op: iSucceed})
	c.prog[j].x = len(c.prog)
}

func (c *compiler) repeat(n *node, flags int) {
	sub := n.subs[0]
	for sub.kind == nGroup && sub.group == 0 && sub.addFlags == 0 && sub.delFlags == 0 {
		sub = sub.subs[0]
	}
	if it, ok := single(sub, flags); ok {
		item := it
		c.add(inst{op: iRepOne, item: &item, min: n.min, max: n.max, mode: n.mode})
		return
	}
	if n.mode == possessive {
		g := *n
		g.mode = greedy
		c.atomic(func() { c.repeat(&g, flags) })
		return
	}
	if n.min == 0 && n.max == 1 {
		split := c.add(inst{op: iSplit})
		c.emit(sub, flags)
		if n.mode == greedy {
			c.prog[split].x, c.prog[split].y = split+1, len(c.prog)
		} else {
			c.prog[split].x, c.prog[split].y = len(c.prog), split+1
		}
		return
	}
	if n.max == 0 {
		return
	}
	r := c.nregs
	c.nregs++
	c.add(inst{op: iRepInit, n: r})
	loop := c.add(inst{op: iRepLoop, n: r, min: n.min, max: n.max, mode: n.mode})
	c.prog[loop].x = c.add(inst{op: iRepIncr, n: r, min: n.min})
	c.emit(sub, flags)
	c.add(inst{op: iJmp, x: loop})
	c.prog[loop].y = len(c.prog)
}
