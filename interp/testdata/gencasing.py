#!/usr/bin/env python3
"""Writes interp/casing_data.go: the case mappings str.upper/lower/title
and casefold apply beyond one code point to one (Unicode's SpecialCasing
and CaseFolding data, as CPython applies them).

Usage: python3 interp/testdata/gencasing.py | gofmt > interp/casing_data.go
The machine's CPython is 3.11 (Unicode 14); 3.14 has Unicode 16, whose
additions are few and not here.
"""
import sys, unicodedata

def gostr(s):
    return '"' + "".join("\\u%04x" % ord(c) if ord(c) < 0x10000 else "\\U%08x" % ord(c) for c in s) + '"'

def table(name, doc, pairs):
    print("// %s %s" % (name, doc))
    print("var %s = map[rune]string{" % name)
    for c, s in pairs:
        print("\t0x%04x: %s," % (c, gostr(s)))
    print("}")
    print()

chars = [c for c in range(0x110000) if not 0xd800 <= c < 0xe000]
print("// Case mappings beyond one code point to one, as CPython %s applies them" % sys.version.split()[0])
print("// (Unicode %s's SpecialCasing and CaseFolding): written by" % unicodedata.unidata_version)
print("// testdata/gencasing.py (python3 interp/testdata/gencasing.py | gofmt).")
print()
print("package interp")
print()
table("specialUpper", "maps code points whose uppercase is several.", [(c, chr(c).upper()) for c in chars if len(chr(c).upper()) > 1])
table("specialLower", "maps code points whose lowercase is several.", [(c, chr(c).lower()) for c in chars if len(chr(c).lower()) > 1])
table("specialTitle", "maps code points whose titlecase is several.", [(c, chr(c).title()) for c in chars if len(chr(c).title()) > 1])
table("foldCase", "maps code points whose casefold differs from their lowercase.", [(c, chr(c).casefold()) for c in chars if chr(c).casefold() != chr(c).lower()])
