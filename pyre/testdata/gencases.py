#!/usr/bin/env python3
"""Write cases.jsonl: what CPython's re gives for many patterns and subjects.

Usage: python3 pyre/testdata/gencases.py > pyre/testdata/cases.jsonl

Each case is a pattern, flags and subject with CPython's answer: the
compile error (message and position), or the spans of every group of
every finditer match, and of match() and fullmatch(). Half the patterns
are written by hand, half drawn at random (fixed seed) from a small
grammar, so the table covers combinations nobody thought of. Run it
with CPython 3.11; where 3.14 differs (\\B on an empty string) no case
is written.
"""
import json, random, re, sys, warnings

warnings.simplefilter("ignore")

HAND = [
    (r"abc", 0, ["abc", "xabcx", "ab", ""]),
    (r"a.c", 0, ["abc", "a\nc", "ac"]),
    (r"a.c", re.S, ["a\nc"]),
    (r"^abc$", 0, ["abc", "abc\n", "abc\n\n", "xabc"]),
    (r"^a$", re.M, ["b\na\nc", "a", "\na\n"]),
    (r"\Aa\Z", 0, ["a", "a\n"]),
    (r"a*", 0, ["", "aaa", "baaa", "aab"]),
    (r"a+?", 0, ["aaa"]),
    (r"a*?b", 0, ["aaab", "b"]),
    (r"a{2,3}", 0, ["a", "aa", "aaaa", "aaaaaaa"]),
    (r"a{2,}?", 0, ["aaaa"]),
    (r"a{,2}", 0, ["aaa"]),
    (r"a{3}", 0, ["aaaaaaa"]),
    (r"a{", 0, ["a{", "a"]),
    (r"a{1,x}", 0, ["a{1,x}"]),
    (r"(a|ab)(c|bcd)(d*)", 0, ["abcd"]),
    (r"(a+)(b+)?", 0, ["aab", "aa", "b"]),
    (r"(a*)*", 0, ["aaa", "b"]),
    (r"(a*)+", 0, ["aaa", "b"]),
    (r"(a|b)*c", 0, ["abababc", "abd"]),
    (r"(?:a|b)*?c", 0, ["abc"]),
    (r"((a)|b)+", 0, ["ab", "ba"]),
    (r"(a)|(b)", 0, ["a", "b", "c"]),
    (r"(?P<x>a)(?P=x)", 0, ["aa", "ab"]),
    (r"(a)\1", 0, ["aa", "ab"]),
    (r"(a*)\1", 0, ["aaaa", "aaa"]),
    (r"(?i)(a)\1", 0, ["aA"]),
    (r"(\w+)\s+\1", 0, ["hello hello world", "the the"]),
    (r"(?=a)a", 0, ["a", "b"]),
    (r"a(?=b)", 0, ["ab", "ac"]),
    (r"a(?!b)", 0, ["ab", "ac", "a"]),
    (r"(?<=a)b", 0, ["ab", "cb"]),
    (r"(?<!a)b", 0, ["ab", "cb", "b"]),
    (r"(?<=ab|cd)e", 0, ["abe", "cde", "xe"]),
    (r"(?<=(a))b", 0, ["ab"]),
    (r"(?=(a+))a*b\1", 0, ["baaabac"]),
    (r"(?!(a))b", 0, ["b"]),
    (r"(a)?(?(1)b|c)", 0, ["ab", "c", "ac", "b"]),
    (r"(?P<q>')?\w+(?(q)')", 0, ["'abc'", "abc", "'abc"]),
    (r"(?>a+)b", 0, ["aaab"]),
    (r"(?>a+)a", 0, ["aaa"]),
    (r"a*+a", 0, ["aaa"]),
    (r"a++b", 0, ["aab"]),
    (r"(?:ab)*+a", 0, ["ababa"]),
    (r"a?+a", 0, ["a", "aa"]),
    (r"\d+", 0, ["a12b345", "١٢٣"]),
    (r"\d+", re.A, ["١٢٣4"]),
    (r"\w+", 0, ["héllo wörld_1 ²", "日本語 abc"]),
    (r"\w+", re.A, ["héllo"]),
    (r"\s+", 0, ["a \t\n\x0b\x0c\r\x1c\x85\xa0\u2003b"]),
    (r"\S+", 0, ["a b"]),
    (r"\W+", 0, ["a, b!"]),
    (r"\D", 0, ["a1"]),
    (r"\bfoo\b", 0, ["foo", "foobar", "a foo b", "_foo"]),
    (r"\Bo\B", 0, ["foo", "o"]),
    (r"\b", 0, ["ab cd"]),
    (r"[abc]+", 0, ["xabcabcx"]),
    (r"[^abc]+", 0, ["abxyzc"]),
    (r"[a-z0-9_]+", 0, ["Hello_World9"]),
    (r"[a\-z]", 0, ["-", "b"]),
    (r"[-a]", 0, ["-"]),
    (r"[a-]", 0, ["-"]),
    (r"[]a]", 0, ["]"]),
    (r"[^]a]", 0, ["]b"]),
    (r"[\d\s]+", 0, ["12 34x"]),
    (r"[\w.]+@[\w.]+", 0, ["mail me: ann.lee@example.com!"]),
    (r"[\x41-\x43]", 0, ["ABCD"]),
    (r"[\u00e0-\u00ff]+", 0, ["voilà ça"]),
    (r"[.*+?]", 0, ["a.b*c"]),
    (r"(?i)[a-c]+", 0, ["xAbCx"]),
    (r"(?i)[^a]", 0, ["A", "b"]),
    (r"(?i)hello", 0, ["HeLLo"]),
    (r"(?i)straße", 0, ["STRAßE", "strasse"]),
    (r"(?i)k", 0, ["\u212a", "K"]),
    (r"(?i:a)b", 0, ["Ab", "AB"]),
    (r"a(?i)b", 0, ["aB"]),
    (r"(?x) a b # comment\n c", 0, ["abc"]),
    (r"a b  # c", re.X, ["ab"]),
    (r"(?x)[ ]a", 0, [" a"]),
    (r"(?s).+", 0, ["a\nb"]),
    (r"(?m)^\w", 0, ["ab\ncd"]),
    (r"(?-i:a)b", re.I, ["aB", "AB"]),
    (r"(?a)\w+", 0, ["héllo"]),
    (r"x*", 0, ["abxd"]),
    (r"", 0, ["abc"]),
    (r"|a", 0, ["abc"]),
    (r"a|", 0, ["abc"]),
    (r"(|a)+", 0, ["aa"]),
    (r"(a|)+b", 0, ["aab"]),
    (r"(?:)", 0, ["ab"]),
    (r"\n\t\\", 0, ["\n\t\\"]),
    (r"\x41\101\u0041\U00000041", 0, ["AAAA"]),
    (r"\0", 0, ["\0"]),
    (r"\07", 0, ["\a"]),
    (r"\$\.\*", 0, ["$.*"]),
    (r"(((((((((((a)))))))))))\11", 0, ["aa"]),
    (r".*foo", 0, ["xfooyfooz"]),
    (r".*?foo", 0, ["xfooyfooz"]),
    (r"(.*)(\d+)", 0, ["abc123"]),
    (r"(.*?)(\d+)", 0, ["abc123"]),
    (r"^(\w+)=(\d+)$", re.M, ["a=1\nb=22\nc=x"]),
    (r"(\d{3})-(\d{4})", 0, ["call 555-1234 or 555-9876"]),
    (r"[A-Z][a-z]+", 0, ["Hello World FOO Bar"]),
    (r"(a)(b)?", 0, ["a"]),
    (r"((a)|(b))*", 0, ["ab"]),
    (r"(a(b)?)+", 0, ["aba"]),
    (r"(?:(a)|(b))+", 0, ["ab"]),
    (r"(a)+", 0, ["aaa"]),
    (r"(?P<a>x)|(?P<b>y)", 0, ["y"]),
    (r"ab*c|d", 0, ["abbbc", "d", "ac"]),
    (r"a[bc]*d", 0, ["abcbcd", "ad"]),
    (r"(ab|a)(bc|c)", 0, ["abc"]),
    (r"(a*)(b*)(c*)", 0, ["aabbbc"]),
    (r"^$", 0, ["", "\n"]),
    (r"$", 0, ["a\n"]),
    (r"$", re.M, ["a\nb\n"]),
    (r"(?<=\b)\w", 0, ["ab cd"]),
    (r"(?<![a-z])\d+", 0, ["a12 34"]),
    (r"\d+(?=%)", 0, ["50% of 20"]),
    (r"(?<=\$)\d+(\.\d\d)?", 0, ["cost $12.50 or $3"]),
    (r"(\w)(?=(\w))", 0, ["abcd"]),
    (r"(?:a(?=b)|.)+", 0, ["abac"]),
    (r"(a)(?:(?=(b))|c)", 0, ["ab", "ac"]),
    (r"a{0}", 0, ["a"]),
    (r"(a){0}b", 0, ["ab"]),
    (r"(ab){2}", 0, ["ababab"]),
    (r"(?:a{2}){2}", 0, ["aaaaa"]),
    (r"(a{1,2}){2}", 0, ["aaa"]),
    (r"(a|b){2,3}?c", 0, ["ababc"]),
    (r"(?:x(a)|y(b))*", 0, ["xayb"]),
    (r"(a\1?){3}", 0, ["aaaaa"]),
    (r"(?i)ǆ", 0, ["Ǆ", "ǅ"]),
    (r"(?i)σ", 0, ["Σ", "ς"]),
    (r"\w+", 0, ["ǅungla"]),
    (r"[^\W\d]+", 0, ["ab12cd"]),
    (r"[\S\s]", 0, ["\n"]),
]

# Bad patterns: CPython's message and position.
BAD = ["(", ")", "(()", "a)", "[", "[a", "[^", "[]", "[a-", "a**", "a*+*", "a??+", "*", "+a", "?", "a{2}{3}",
       "\\", "a\\", r"\q", r"[\q]", r"\8", r"[\8]", r"\x4", r"\xg", r"\u12", r"\U0011ffff", r"[z-a]", r"[\d-z]", r"[a-\d]",
       "(?", "(?P", "(?P<", "(?P<a", "(?P<>a)", "(?P<1a>x)", "(?P<a>x)(?P<a>y)", "(?P=a)", "(?P=)", "(?Px)", "(?<", "(?<x)",
       "(?#abc", "(?z)", "(?i", "(?-)", "(?-z:a)", "(?i-i:a)", "(?ix-:a)", "a(?i)", "(?a)(?u)", "(?au:a)", "(?L)a",
       "(?(1)a|b)", "(?(x)a)", "(?(0)a)", "(?(a-b)a)", "(a)(?(1)a|b|c)", r"\2(a)(b)", r"(a)\2", r"(a\1)", r"(?<=a*)b",
       r"(?<=a|bc)d", r"(?<!\1)(a)", r"(a)(?<=\1)", r"(?<=(a)\1)b", "a{3,2}", "a{99999999999}", "(?P<a>a)(?P=b)",
       "x{2,1}", "((a)", "a|*", "^*", "$+", r"\b*", "(?:)*", "()", "(*)", "[\\", "(?<=a)+", "(?=a)*", r"\N{DASH}",
       r"\N", "[[]]", "(?i)(?m)a", "a(?#x)(?i)", "(?x)#\n(?i)a", "\n(", "a\n\n)b", "(a\n"]

ATOMS2 = ["a", "b", "A", "é", "É", ".", r"\d", r"\D", r"\s", r"\S", r"\w", r"\W", r"\b", r"\B", "^", "$", r"\A", r"\Z",
          "[a-c]", "[^a-c]", r"[\w\s]", r"[^\W\d]", "[é-ë]", "[A-Z]", r"[\x00-\x7f]", "(a)", "(?P<n>b)", r"(?P=n)", r"\1",
          "(?=b)", "(?!a)", "(?<=a)", "(?<!b)", "(?<=ab)", "(?>a+)", "(?:a|b)", "(?i:a)", "(?-i:a)", "(?(1)a|b)", "(?(n)a)", " ", r"\n", "1", "2"]
ATOMS = ["a", "b", ".", "[ab]", "[^a]", r"\w", r"\b", "^", "$", "(a)", "(b|a)", "(?:ab)", r"\1", "(?=a)", "(?!b)",
         "(?<=a)", "(?<!b)", "(?>a|ab)", "(a*)", "()"]
QUANTS = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}", "{0,}?", "*+", "?+"]


def rand_pattern(rng, depth=0):
    parts = []
    for _ in range(rng.randint(1, 4)):
        a = rng.choice(ATOMS)
        if depth < 2 and rng.random() < 0.2:
            a = "(" + rand_pattern(rng, depth + 1) + ")"
        elif depth < 2 and rng.random() < 0.15:
            a = "(?:" + rand_pattern(rng, depth + 1) + "|" + rand_pattern(rng, depth + 1) + ")"
        parts.append(a + rng.choice(QUANTS))
    return "".join(parts)


def rand_pattern2(rng, depth=0):
    parts = []
    for _ in range(rng.randint(1, 5)):
        a = rng.choice(ATOMS2)
        r = rng.random()
        if depth < 2 and r < 0.15:
            a = "(" + rand_pattern2(rng, depth + 1) + ")"
        elif depth < 2 and r < 0.25:
            a = "(?:" + rand_pattern2(rng, depth + 1) + "|" + rand_pattern2(rng, depth + 1) + ")"
        parts.append(a + rng.choice(QUANTS))
    return "".join(parts)


def spans(m, groups):
    if m is None:
        return None
    return [list(m.span(g)) for g in range(groups + 1)]


def case(p, flags, subjects):
    try:
        r = re.compile(p, flags)
    except re.error as e:
        return [{"p": p, "f": flags, "err": e.msg, "pos": -1 if e.pos is None else e.pos}]
    except (OverflowError, ValueError) as e:
        return [{"p": p, "f": flags, "err": str(e), "pos": -2}]
    out = []
    for s in subjects:
        if s == "" and "\\B" in p:
            continue  # 3.14: \B matches an empty string, 3.11's does not
        out.append({"p": p, "f": flags, "s": s,
                    "iter": [spans(m, r.groups) for m in r.finditer(s)],
                    "m": spans(r.match(s), r.groups),
                    "fm": spans(r.fullmatch(s), r.groups),
                    "sub": r.sub("<\\g<0>>", s)})
    return out


def main():
    cases = []
    for p, f, ss in HAND:
        cases += case(p, f, ss)
    for p in BAD:
        cases += case(p, 0, [])
    rng = random.Random(11)
    subjects = ["", "a", "ab", "ba", "aab", "abab", "bbaab", "a b", "aaaa", "abba"]
    for _ in range(1000):
        p = rand_pattern(rng)
        cases += case(p, rng.choice([0, 0, re.I, re.M, re.S]), rng.sample(subjects, 3))
    if len(sys.argv) > 2 and sys.argv[1] == "--random":
        # A larger differential run (not committed): PYRE_CASES=FILE go test ./pyre
        rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
        cases = []
        subjects2 = ["", "a", "ab", "aB é", "ÉéA1", "a\nb", "ba12 ", "AAb", "abab\n", "é a_b"]
        for _ in range(int(sys.argv[2])):
            cases += case(rand_pattern2(rng), rng.choice([0, re.I, re.M, re.S, re.A, re.I | re.A, re.X]), rng.sample(subjects2, 3))
    for c in cases:
        sys.stdout.write(json.dumps(c, ensure_ascii=True, separators=(",", ":")) + "\n")


main()
