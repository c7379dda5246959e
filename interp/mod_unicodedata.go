package interp

// unicodedata from Go's Unicode tables (unicode, and golang.org/x/text's
// names, normalization, bidi classes and widths): the Unicode version is
// Go's (unidata_version), CPython 3.14's is 16.0.0, so characters added
// since answer as unassigned.

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
	"golang.org/x/text/width"
)

func unicodedataModule(vm *VM) *Module {
	m := newModule("unicodedata")
	m.attrs["unidata_version"] = StrVal(unicode.Version)
	char := func(fn string, v Val) (rune, error) {
		if v.isStr() {
			rs := []rune(v.str().s)
			if len(rs) == 1 {
				return rs[0], nil
			}
			return 0, newErr(TypeError, "%s must be a unicode character, not str", fn)
		}
		return 0, newErr(TypeError, "%s must be a unicode character, not %s", fn, typeName(v))
	}
	// withDefault is name/decimal/digit/numeric: the value, else the
	// default argument, else ValueError(msg).
	withDefault := func(fn, msg string, get func(r rune) (Val, bool)) {
		m.attrs[fn] = builtinFn(fn, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s() takes no keyword arguments", fn)
			}
			if len(args) < 1 || len(args) > 2 {
				return Val{}, newErr(TypeError, "%s expected at least 1 argument, got %d", fn, len(args))
			}
			// Functions with a default say which argument is wrong.
			r, err := char(fn+"() argument 1", args[0])
			if err != nil {
				return Val{}, err
			}
			if v, ok := get(r); ok {
				return v, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return Val{}, newErr(ValueError, "%s", msg)
		})
	}
	withDefault("name", "no such name", func(r rune) (Val, bool) {
		n := charName(r)
		return StrVal(n), n != ""
	})
	withDefault("decimal", "not a decimal", func(r rune) (Val, bool) {
		d, ok := decimalValue(r)
		return IntVal(int64(d)), ok
	})
	withDefault("digit", "not a digit", func(r rune) (Val, bool) {
		d, ok := digitValue(r)
		return IntVal(int64(d)), ok
	})
	withDefault("numeric", "not a numeric character", func(r rune) (Val, bool) {
		f, ok := numericValue(r)
		return FloatVal(f), ok
	})
	one := func(fn string, f func(r rune) Val) {
		m.attrs[fn] = builtinFn(fn, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s() takes exactly one argument (%d given)", fn, len(args)+len(kwn))
			}
			r, err := char(fn+"() argument", args[0])
			if err != nil {
				return Val{}, err
			}
			return f(r), nil
		})
	}
	one("category", func(r rune) Val { return StrVal(category(r)) })
	one("bidirectional", func(r rune) Val { return StrVal(bidiClass(r)) })
	one("combining", func(r rune) Val {
		return IntVal(int64(norm.NFD.PropertiesString(string(r)).CCC()))
	})
	one("mirrored", func(r rune) Val {
		if isMirrored(r) {
			return IntVal(1)
		}
		return IntVal(0)
	})
	one("east_asian_width", func(r rune) Val { return StrVal(eastAsianWidth(r)) })
	one("decomposition", func(r rune) Val { return StrVal(decomposition(r)) })
	forms := map[string]norm.Form{"NFC": norm.NFC, "NFD": norm.NFD, "NFKC": norm.NFKC, "NFKD": norm.NFKD}
	normArgs := func(fn string, args []Val) (norm.Form, string, error) {
		if len(args) != 2 {
			return 0, "", newErr(TypeError, "%s expected 2 arguments, got %d", fn, len(args))
		}
		if !args[0].isStr() {
			return 0, "", newErr(TypeError, "%s() argument 1 must be str, not %s", fn, typeName(args[0]))
		}
		if !args[1].isStr() {
			return 0, "", newErr(TypeError, "%s() argument 2 must be str, not %s", fn, typeName(args[1]))
		}
		f, ok := forms[args[0].str().s]
		if !ok {
			return 0, "", newErr(ValueError, "invalid normalization form")
		}
		return f, args[1].str().s, nil
	}
	m.attrs["normalize"] = builtinFn("normalize", func(vm *VM, args []Val, kwn []string) (Val, error) {
		f, s, err := normArgs("normalize", args)
		if err != nil {
			return Val{}, err
		}
		if f.IsNormalString(s) {
			return args[1], nil
		}
		return StrVal(f.String(s)), nil
	})
	m.attrs["is_normalized"] = builtinFn("is_normalized", func(vm *VM, args []Val, kwn []string) (Val, error) {
		f, s, err := normArgs("is_normalized", args)
		if err != nil {
			return Val{}, err
		}
		return BoolVal(f.IsNormalString(s)), nil
	})
	m.attrs["lookup"] = builtinFn("lookup", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "lookup() takes exactly one argument (%d given)", len(args)+len(kwn))
		}
		if !args[0].isStr() {
			return Val{}, newErr(TypeError, "lookup() argument must be str, not %s", typeName(args[0]))
		}
		name := args[0].str().s
		if r, ok := lookupName(strings.ToUpper(name)); ok {
			return StrVal(string(r)), nil
		}
		return Val{}, &PyErr{exc: &Exception{typ: KeyError, args: []Val{StrVal(fmt.Sprintf("undefined character name '%s'", name))}}}
	})
	return m
}

var unicodeCategories = []struct {
	name string
	t    *unicode.RangeTable
}{
	{"Lu", unicode.Lu}, {"Ll", unicode.Ll}, {"Lt", unicode.Lt}, {"Lm", unicode.Lm}, {"Lo", unicode.Lo},
	{"Mn", unicode.Mn}, {"Mc", unicode.Mc}, {"Me", unicode.Me},
	{"Nd", unicode.Nd}, {"Nl", unicode.Nl}, {"No", unicode.No},
	{"Pc", unicode.Pc}, {"Pd", unicode.Pd}, {"Ps", unicode.Ps}, {"Pe", unicode.Pe},
	{"Pi", unicode.Pi}, {"Pf", unicode.Pf}, {"Po", unicode.Po},
	{"Sm", unicode.Sm}, {"Sc", unicode.Sc}, {"Sk", unicode.Sk}, {"So", unicode.So},
	{"Zs", unicode.Zs}, {"Zl", unicode.Zl}, {"Zp", unicode.Zp},
	{"Cc", unicode.Cc}, {"Cf", unicode.Cf}, {"Cs", unicode.Cs}, {"Co", unicode.Co},
}

func category(r rune) string {
	for _, c := range unicodeCategories {
		if unicode.Is(c.t, r) {
			return c.name
		}
	}
	return "Cn"
}

var bidiNames = map[bidi.Class]string{
	bidi.L: "L", bidi.R: "R", bidi.EN: "EN", bidi.ES: "ES", bidi.ET: "ET", bidi.AN: "AN",
	bidi.CS: "CS", bidi.B: "B", bidi.S: "S", bidi.WS: "WS", bidi.ON: "ON", bidi.BN: "BN",
	bidi.NSM: "NSM", bidi.AL: "AL", bidi.LRO: "LRO", bidi.RLO: "RLO", bidi.LRE: "LRE",
	bidi.RLE: "RLE", bidi.PDF: "PDF", bidi.LRI: "LRI", bidi.RLI: "RLI", bidi.FSI: "FSI", bidi.PDI: "PDI",
}

func bidiClass(r rune) string {
	if category(r) == "Cn" {
		return "" // CPython gives unassigned code points no class
	}
	p, _ := bidi.LookupRune(r)
	return bidiNames[p.Class()]
}

func eastAsianWidth(r rune) string {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianAmbiguous:
		return "A"
	case width.EastAsianWide:
		return "W"
	case width.EastAsianNarrow:
		return "Na"
	case width.EastAsianFullwidth:
		return "F"
	case width.EastAsianHalfwidth:
		return "H"
	}
	return "N"
}

// decimalValue: a decimal digit (Nd) is its place in its run of ten, as
// Unicode lays each script's digits out 0 to 9 in order.
func decimalValue(r rune) (int, bool) {
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	start := r
	for start > 0 && unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return int(r-start) % 10, true
}

// digitValue adds the digits that are not decimal (superscripts, circled
// and parenthesized digits): their compatibility form is one digit.
func digitValue(r rune) (int, bool) {
	if d, ok := decimalValue(r); ok {
		return d, true
	}
	if !unicode.Is(unicode.No, r) {
		return 0, false
	}
	k := []rune(norm.NFKC.String(string(r)))
	if len(k) == 1 {
		return decimalValue(k[0])
	}
	// ⒈ (DIGIT ONE FULL STOP) and the like are digits too.
	if len(k) == 2 && k[1] == '.' {
		if d, ok := decimalValue(k[0]); ok && r >= 0x2488 && r <= 0x2490 {
			return d, true
		}
	}
	return 0, false
}

// hanNumerals are the CJK ideographs with a primary numeric value.
var hanNumerals = map[rune]float64{
	'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'十': 10, '百': 100, '千': 1000, '万': 10000, '萬': 10000, '億': 1e8, '兆': 1e12,
	'壱': 1, '弐': 2, '参': 3, '拾': 10,
}

// numericValue adds vulgar fractions, numbers written as several digits
// in one character, Roman numerals and the Han numerals.
func numericValue(r rune) (float64, bool) {
	if d, ok := digitValue(r); ok {
		return float64(d), true
	}
	if v, ok := hanNumerals[r]; ok {
		return v, true
	}
	if !unicode.In(r, unicode.Nl, unicode.No) {
		return 0, false
	}
	k := norm.NFKC.String(string(r))
	if num, den, ok := strings.Cut(k, "⁄"); ok {
		n, ok1 := plainNumber(num)
		d, ok2 := plainNumber(den)
		if ok1 && ok2 && d != 0 {
			return n / d, true
		}
	}
	if n, ok := plainNumber(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(k, "."), "("), ")")); ok {
		return n, true
	}
	if v, ok := romanValue(k); ok {
		return v, true
	}
	return 0, false
}

func plainNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	v := 0.0
	for _, c := range s {
		d, ok := decimalValue(c)
		if !ok {
			return 0, false
		}
		v = v*10 + float64(d)
	}
	return v, true
}

func romanValue(s string) (float64, bool) {
	vals := map[rune]float64{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000,
		'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, false
	}
	total := 0.0
	for i, c := range rs {
		v, ok := vals[c]
		if !ok {
			return 0, false
		}
		if i+1 < len(rs) && vals[rs[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total, true
}

// Hangul syllable names are made from their jamo (Unicode 3.12).
var (
	jamoL = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// rangeNames are the ranges whose names are their code points.
var rangeNames = map[string]string{
	"<CJK Ideograph>": "CJK UNIFIED IDEOGRAPH-", "<Tangut Ideograph>": "TANGUT IDEOGRAPH-",
}

func charName(r rune) string {
	if r >= 0xAC00 && r <= 0xD7A3 {
		s := int(r - 0xAC00)
		return "HANGUL SYLLABLE " + jamoL[s/588] + jamoV[s%588/28] + jamoT[s%28]
	}
	n := runenames.Name(r)
	if !strings.HasPrefix(n, "<") {
		return n
	}
	if p, ok := rangeNames[n]; ok {
		return fmt.Sprintf("%s%04X", p, r)
	}
	if strings.HasPrefix(n, "<CJK Ideograph Extension") {
		return fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%04X", r)
	}
	return "" // controls, private use, surrogates, unassigned
}

var (
	namesOnce sync.Once
	nameIndex map[string]rune
)

func lookupName(name string) (rune, bool) {
	for _, p := range []string{"CJK UNIFIED IDEOGRAPH-", "TANGUT IDEOGRAPH-"} {
		if hex, ok := strings.CutPrefix(name, p); ok {
			var r rune
			if _, err := fmt.Sscanf(hex, "%X", &r); err == nil && charName(r) == name {
				return r, true
			}
			return 0, false
		}
	}
	namesOnce.Do(func() {
		nameIndex = make(map[string]rune, 40000)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if n := runenames.Name(r); n != "" && !strings.HasPrefix(n, "<") {
				nameIndex[n] = r
			}
		}
		for r := rune(0xAC00); r <= 0xD7A3; r++ {
			nameIndex[charName(r)] = r
		}
	})
	r, ok := nameIndex[name]
	return r, ok
}

// mirroredRanges are the Bidi_Mirrored code points (Unicode 15.1's
// UnicodeData.txt; Go's unicode package has no table of them).
var mirroredRanges = [][2]rune{
	{0x28, 0x29}, {0x3C, 0x3C}, {0x3E, 0x3E}, {0x5B, 0x5B}, {0x5D, 0x5D}, {0x7B, 0x7B}, {0x7D, 0x7D},
	{0xAB, 0xAB}, {0xBB, 0xBB}, {0xF3A, 0xF3D}, {0x169B, 0x169C}, {0x2039, 0x203A}, {0x2045, 0x2046},
	{0x207D, 0x207E}, {0x208D, 0x208E}, {0x2140, 0x2140}, {0x2201, 0x2204}, {0x2208, 0x220D},
	{0x2211, 0x2211}, {0x2215, 0x2216}, {0x221A, 0x221D}, {0x221F, 0x2222}, {0x2224, 0x2224},
	{0x2226, 0x2226}, {0x222B, 0x2233}, {0x2239, 0x2239}, {0x223B, 0x224C}, {0x2252, 0x2255},
	{0x225F, 0x2260}, {0x2262, 0x2262}, {0x2264, 0x226B}, {0x226E, 0x228C}, {0x228F, 0x2292},
	{0x2298, 0x2298}, {0x22A2, 0x22A3}, {0x22A6, 0x22B8}, {0x22BE, 0x22BF}, {0x22C9, 0x22CD},
	{0x22D0, 0x22D1}, {0x22D6, 0x22ED}, {0x22F0, 0x22FF}, {0x2308, 0x230B}, {0x2320, 0x2321},
	{0x2329, 0x232A}, {0x2768, 0x2775}, {0x27C0, 0x27C0}, {0x27C3, 0x27C6}, {0x27C8, 0x27C9},
	{0x27CB, 0x27CD}, {0x27D3, 0x27D6}, {0x27DC, 0x27DE}, {0x27E2, 0x27EF}, {0x2983, 0x2998},
	{0x299B, 0x29A0}, {0x29A2, 0x29AF}, {0x29B8, 0x29B8}, {0x29C0, 0x29C5}, {0x29C9, 0x29C9},
	{0x29CE, 0x29D2}, {0x29D4, 0x29D5}, {0x29D8, 0x29DC}, {0x29E1, 0x29E1}, {0x29E3, 0x29E5},
	{0x29E8, 0x29E9}, {0x29F4, 0x29F9}, {0x29FC, 0x29FD}, {0x2A0A, 0x2A1C}, {0x2A1E, 0x2A21},
	{0x2A24, 0x2A24}, {0x2A26, 0x2A26}, {0x2A29, 0x2A29}, {0x2A2B, 0x2A2E}, {0x2A34, 0x2A35},
	{0x2A3C, 0x2A3E}, {0x2A57, 0x2A58}, {0x2A64, 0x2A65}, {0x2A6A, 0x2A6D}, {0x2A6F, 0x2A70},
	{0x2A73, 0x2A74}, {0x2A79, 0x2AA3}, {0x2AA6, 0x2AAD}, {0x2AAF, 0x2AD6}, {0x2ADC, 0x2ADC},
	{0x2ADE, 0x2ADE}, {0x2AE2, 0x2AE6}, {0x2AEC, 0x2AEE}, {0x2AF3, 0x2AF3}, {0x2AF7, 0x2AFB},
	{0x2AFD, 0x2AFD}, {0x2BFE, 0x2BFE}, {0x2E02, 0x2E05}, {0x2E09, 0x2E0A}, {0x2E0C, 0x2E0D},
	{0x2E1C, 0x2E1D}, {0x2E20, 0x2E29}, {0x2E55, 0x2E5C}, {0x3008, 0x3011}, {0x3014, 0x301B},
	{0xFE59, 0xFE5E}, {0xFE64, 0xFE65}, {0xFF08, 0xFF09}, {0xFF1C, 0xFF1C}, {0xFF1E, 0xFF1E},
	{0xFF3B, 0xFF3B}, {0xFF3D, 0xFF3D}, {0xFF5B, 0xFF5B}, {0xFF5D, 0xFF5D}, {0xFF5F, 0xFF60},
	{0xFF62, 0xFF63}, {0x1D6DB, 0x1D6DB}, {0x1D715, 0x1D715}, {0x1D74F, 0x1D74F}, {0x1D789, 0x1D789},
	{0x1D7C3, 0x1D7C3},
}

func isMirrored(r rune) bool {
	lo, hi := 0, len(mirroredRanges)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < mirroredRanges[m][0]:
			hi = m
		case r > mirroredRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

var (
	decompOnce sync.Once
	decompMap  map[rune]string
)

// decomposition is the character's decomposition mapping as
// UnicodeData.txt writes it ("<compat> 0066 0069"), or "". Go's norm
// package applies mappings but does not expose them with their tags,
// hence the table (decomp_data.go), parsed on first use.
func decomposition(r rune) string {
	decompOnce.Do(func() {
		decompMap = make(map[rune]string, strings.Count(decompData, "\n"))
		for line := range strings.Lines(decompData) {
			hex, mapping, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
			cp, err := strconv.ParseUint(hex, 16, 32)
			if err != nil {
				panic("BUG: decomp_data.go: bad code point " + hex)
			}
			decompMap[rune(cp)] = mapping
		}
	})
	return decompMap[r]
}
