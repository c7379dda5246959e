package pyre

import (
	"fmt"
	"strconv"
)

// Template is a parsed replacement string (re.sub's repl): literal text
// and group references, in order.
type Template struct {
	Parts []TemplatePart
}

// TemplatePart is literal text, or group Group when IsGroup.
type TemplatePart struct {
	Lit     string
	Group   int
	IsGroup bool
}

// ParseTemplate parses repl against re's groups, with CPython's errors:
// *Error for a bad escape or group number, *IndexError for an unknown
// group name.
func (re *Regexp) ParseTemplate(repl string) (*Template, error) {
	src := []rune(repl)
	p := &parser{src: src, str: repl}
	t := &Template{}
	var lit []rune
	flush := func() {
		if len(lit) > 0 {
			t.Parts = append(t.Parts, TemplatePart{Lit: string(lit)})
			lit = lit[:0]
		}
	}
	addGroup := func(g, offset int) error {
		if g > re.Groups {
			return p.err(fmt.Sprintf("invalid group reference %d", g), offset)
		}
		flush()
		t.Parts = append(t.Parts, TemplatePart{Group: g, IsGroup: true})
		return nil
	}
	isOct := func(r rune) bool { return r >= '0' && r <= '7' }
	isDig := func(r rune) bool { return r >= '0' && r <= '9' }
	for p.i < len(src) {
		c := src[p.i]
		if c != '\\' {
			lit = append(lit, c)
			p.i++
			continue
		}
		if p.i+1 >= len(src) {
			return nil, p.errAt("bad escape (end of pattern)", len(src)-1)
		}
		e := src[p.i+1]
		p.i += 2
		switch {
		case e == 'g':
			if !p.match("<") {
				return nil, p.err("missing <", 0)
			}
			name, err := p.getUntil('>', "group name")
			if err != nil {
				return nil, err
			}
			n := len([]rune(name))
			var g int
			if isIdentifier(name) {
				var ok bool
				g, ok = re.Names[name]
				if !ok {
					return nil, &IndexError{fmt.Sprintf("unknown group name %s", pyRepr(name))}
				}
			} else {
				v, err := strconv.Atoi(name)
				if err != nil || v < 0 || !isASCIIDigits(name) {
					return nil, p.err(fmt.Sprintf("bad character in group name %s", pyRepr(name)), n+1)
				}
				if v >= maxGroups {
					return nil, p.err(fmt.Sprintf("invalid group reference %d", v), n+1)
				}
				g = v
			}
			if err := addGroup(g, n+1); err != nil {
				return nil, err
			}
		case e == '0':
			v := 0
			for k := 0; k < 2 && p.i < len(src) && isOct(src[p.i]); k++ {
				v = v*8 + int(src[p.i]-'0')
				p.i++
			}
			lit = append(lit, rune(v&0xff))
		case isDig(e):
			esc := string([]rune{'\\', e})
			isOctal := false
			if p.i < len(src) && isDig(src[p.i]) {
				esc += string(src[p.i])
				p.i++
				if isOct(e) && isOct(rune(esc[2])) && p.i < len(src) && isOct(src[p.i]) {
					esc += string(src[p.i])
					p.i++
					isOctal = true
					v, _ := strconv.ParseUint(esc[1:], 8, 32)
					if v > 0o377 {
						return nil, p.err(fmt.Sprintf("octal escape value %s outside of range 0-0o377", esc), len(esc))
					}
					lit = append(lit, rune(v))
				}
			}
			if !isOctal {
				g, _ := strconv.Atoi(esc[1:])
				if err := addGroup(g, len(esc)-1); err != nil {
					return nil, err
				}
			}
		default:
			if r, ok := escapes[e]; ok {
				lit = append(lit, r)
			} else if isASCIILetter(e) {
				return nil, p.err("bad escape \\"+string(e), 2)
			} else {
				lit = append(lit, '\\', e)
			}
		}
	}
	flush()
	return t, nil
}
