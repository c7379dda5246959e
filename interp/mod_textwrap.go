package interp

import (
	"strings"
	"unicode"
)

// textwrap: wrap, fill, shorten, dedent, indent, with TextWrapper's
// greedy filling (width, initial_indent, subsequent_indent,
// break_long_words, break_on_hyphens, drop_whitespace).

type wrapOpts struct {
	width                int
	initial, subsequent  string
	breakLong, onHyphens bool
	dropWS, expandTabs   bool
	tabsize              int
	fixSentenceEndings   bool
	maxLines             int
	placeholder          string
}

func (vm *VM) wrapArgs(name string, args []Val, kwn []string, npos int) ([]Val, wrapOpts, error) {
	pos, kw := splitKw(args, kwn)
	o := wrapOpts{width: 70, breakLong: true, onHyphens: true, dropWS: true, expandTabs: true, tabsize: 8, placeholder: " [...]"}
	if len(pos) > npos {
		if n, ok := toInt64Arg(pos[npos]); ok {
			o.width = int(n)
		}
		pos = pos[:npos]
	}
	for k, v := range kw {
		switch k {
		case "width":
			n, _ := toInt64Arg(v)
			o.width = int(n)
		case "initial_indent":
			o.initial = vm.strOf(v)
		case "subsequent_indent":
			o.subsequent = vm.strOf(v)
		case "break_long_words":
			o.breakLong = truthy(v)
		case "break_on_hyphens":
			o.onHyphens = truthy(v)
		case "drop_whitespace":
			o.dropWS = truthy(v)
		case "expand_tabs":
			o.expandTabs = truthy(v)
		case "tabsize":
			n, _ := toInt64Arg(v)
			o.tabsize = int(n)
		case "max_lines":
			if v.T != tagNone {
				n, _ := toInt64Arg(v)
				o.maxLines = int(n)
			}
		case "placeholder":
			o.placeholder = vm.strOf(v)
		case "fix_sentence_endings", "replace_whitespace":
		default:
			return nil, o, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	if len(pos) < npos {
		return nil, o, newErr(TypeError, "%s() missing required argument", name)
	}
	if o.width <= 0 {
		return nil, o, newErr(ValueError, "invalid width %d (must be > 0)", o.width)
	}
	return pos, o, nil
}

// wrapChunks splits text as TextWrapper does: runs of whitespace and
// words, words also after their hyphens.
func wrapChunks(text string, hyphens bool) []string {
	var chunks []string
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i
		if unicode.IsSpace(rs[i]) {
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			chunks = append(chunks, string(rs[i:j]))
			i = j
			continue
		}
		for j < len(rs) && !unicode.IsSpace(rs[j]) {
			j++
			if hyphens && j < len(rs) && rs[j-1] == '-' && j-2 >= i && unicode.IsLetter(rs[j-2]) && unicode.IsLetter(rs[j]) {
				break
			}
		}
		chunks = append(chunks, string(rs[i:j]))
		i = j
	}
	return chunks
}

func runeLen(s string) int { return len([]rune(s)) }

func wrapText(text string, o wrapOpts) []string {
	if o.expandTabs {
		text = strings.ReplaceAll(text, "\t", strings.Repeat(" ", o.tabsize))
	}
	text = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, text)
	chunks := wrapChunks(text, o.onHyphens)
	// reverse for popping
	for i, j := 0, len(chunks)-1; i < j; i, j = i+1, j-1 {
		chunks[i], chunks[j] = chunks[j], chunks[i]
	}
	var lines []string
	for len(chunks) > 0 {
		var cur []string
		curLen := 0
		indent := o.subsequent
		if len(lines) == 0 {
			indent = o.initial
		}
		width := o.width - runeLen(indent)
		if o.dropWS && strings.TrimSpace(chunks[len(chunks)-1]) == "" && len(lines) > 0 {
			chunks = chunks[:len(chunks)-1]
		}
		for len(chunks) > 0 {
			l := runeLen(chunks[len(chunks)-1])
			if curLen+l <= width {
				cur = append(cur, chunks[len(chunks)-1])
				chunks = chunks[:len(chunks)-1]
				curLen += l
			} else {
				break
			}
		}
		if len(chunks) > 0 && runeLen(chunks[len(chunks)-1]) > width {
			// A chunk longer than a line: break it, or put it alone.
			spaceLeft := max(width-curLen, 1)
			if width < 1 {
				spaceLeft = 1
			}
			last := []rune(chunks[len(chunks)-1])
			if o.breakLong {
				cur = append(cur, string(last[:spaceLeft]))
				chunks[len(chunks)-1] = string(last[spaceLeft:])
			} else if len(cur) == 0 {
				cur = append(cur, string(last))
				chunks = chunks[:len(chunks)-1]
			}
		}
		if o.dropWS && len(cur) > 0 && strings.TrimSpace(cur[len(cur)-1]) == "" {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			if o.maxLines > 0 && len(lines)+1 >= o.maxLines && len(chunks) > 0 {
				// Last allowed line: end it with the placeholder.
				for len(cur) > 0 {
					if strings.TrimSpace(cur[len(cur)-1]) != "" && runeLen(strings.Join(cur, ""))+runeLen(o.placeholder) <= width {
						lines = append(lines, indent+strings.Join(cur, "")+o.placeholder)
						return lines
					}
					cur = cur[:len(cur)-1]
				}
				if len(lines) > 0 {
					prev := strings.TrimRight(lines[len(lines)-1], " ")
					if runeLen(prev)+runeLen(o.placeholder) <= o.width {
						lines[len(lines)-1] = prev + o.placeholder
						return lines
					}
				}
				lines = append(lines, indent+strings.TrimLeft(o.placeholder, " "))
				return lines
			}
			lines = append(lines, indent+strings.Join(cur, ""))
		}
	}
	return lines
}

func textwrapModule(vm *VM) *Module {
	m := newModule("textwrap")
	strs := func(lines []string) Val {
		out := make([]Val, len(lines))
		for i, l := range lines {
			out[i] = StrVal(l)
		}
		return ObjVal(newList(out))
	}
	m.def("wrap", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, o, err := vm.wrapArgs("wrap", args, kwn, 1)
		if err != nil {
			return Val{}, err
		}
		return strs(wrapText(vm.strOf(pos[0]), o)), nil
	})
	m.def("fill", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, o, err := vm.wrapArgs("fill", args, kwn, 1)
		if err != nil {
			return Val{}, err
		}
		return StrVal(strings.Join(wrapText(vm.strOf(pos[0]), o), "\n")), nil
	})
	m.def("shorten", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, o, err := vm.wrapArgs("shorten", args, kwn, 1)
		if err != nil {
			return Val{}, err
		}
		text := strings.Join(strings.Fields(vm.strOf(pos[0])), " ")
		if runeLen(text) <= o.width {
			return StrVal(text), nil
		}
		o.maxLines = 1
		lines := wrapText(text, o)
		if len(lines) == 0 {
			return StrVal(""), nil
		}
		return StrVal(lines[0]), nil
	})
	m.def("dedent", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("dedent", args, kwn, 1); err != nil {
			return Val{}, err
		}
		lines := strings.Split(vm.strOf(args[0]), "\n")
		margin := ""
		first := true
		for i, l := range lines {
			if strings.TrimLeft(l, " \t") == "" {
				lines[i] = ""
				continue
			}
			ws := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
			switch {
			case first:
				margin, first = ws, false
			case strings.HasPrefix(ws, margin):
			case strings.HasPrefix(margin, ws):
				margin = ws
			default:
				k := 0
				for k < len(margin) && k < len(ws) && margin[k] == ws[k] {
					k++
				}
				margin = margin[:k]
			}
		}
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, margin)
		}
		return StrVal(strings.Join(lines, "\n")), nil
	})
	m.def("indent", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) < 2 {
			return Val{}, newErr(TypeError, "indent() missing 1 required positional argument: 'prefix'")
		}
		pred := Val{}
		if len(pos) > 2 {
			pred = pos[2]
		} else if p, ok := kw["predicate"]; ok {
			pred = p
		}
		prefix := vm.strOf(pos[1])
		var b strings.Builder
		text := vm.strOf(pos[0])
		for len(text) > 0 {
			i := strings.IndexByte(text, '\n')
			line := text
			if i >= 0 {
				line, text = text[:i+1], text[i+1:]
			} else {
				text = ""
			}
			add := strings.TrimSpace(line) != ""
			if pred.T != tagEmpty && pred.T != tagNone {
				r, err := vm.call(pred, []Val{StrVal(line)}, nil)
				if err != nil {
					return Val{}, err
				}
				add = truthy(r)
			}
			if add {
				b.WriteString(prefix)
			}
			b.WriteString(line)
		}
		return StrVal(b.String()), nil
	})
	return m
}
