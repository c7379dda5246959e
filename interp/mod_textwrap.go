package interp

import (
	_ "embed"
	"strings"
)

// textwrap: TextWrapper, wrap, fill and shorten are Python
// (pylib/textwrap.py, with CPython's chunking and filling); dedent and
// indent are these Go functions, put in its namespace.

//go:embed pylib/textwrap.py
var textwrapSource string

func textwrapModule(vm *VM) *Module {
	return vm.pyModule("textwrap", textwrapSource, map[string]nativeFn{
		"dedent": textwrapDedent,
		"indent": textwrapIndent,
	})
}

// textwrapDedent is dedent(text): the white space every non-blank line
// starts with taken off, and blank lines emptied.
func textwrapDedent(vm *VM, args []Val, kwn []string) (Val, error) {
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
}

// textwrapIndent is indent(text, prefix, predicate=None).
func textwrapIndent(vm *VM, args []Val, kwn []string) (Val, error) {
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
}
