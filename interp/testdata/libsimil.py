"""Share of our library's code lines that also appear in CPython 3.11's Lib.

usage: python3 interp/testdata/libsimil.py [name ...]   (default: every interp/pylib/*.py, sorted by share)
A code line is a stripped, non-blank, non-comment line. It counts as copied when
it lies in a run of 3+ consecutive code lines that appear consecutively in CPython's file.
The library modules minipy ships are to be its own code, written from CPython's
documented behaviour: this finds the ones that still read as CPython's.
--dir=DIR measures another checkout's pylib; $CPYTHON_LIB names CPython's Lib.
"""
import os, sys
LIB = os.environ.get("CPYTHON_LIB", "/root/.pyenv/versions/3.11.7/lib/python3.11")  # CPython 3.11's Lib
PYLIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib") if len(sys.argv) < 2 or not sys.argv[1].startswith("--dir=") else sys.argv.pop(1)[6:]
ALIAS = {"mock": "unittest/mock.py", "contextlib_more": "contextlib.py",
         "unittest_asserts": "unittest/case.py", "urllib_parse": "urllib/parse.py",
         "xml_etree": "xml/etree/ElementTree.py", "logging": "logging/__init__.py",
         "abc_mixins": "_collections_abc.py", "statistics_more": "statistics.py",
         "re_extra": "re/__init__.py", "logging_config": "logging/config.py",
         "typeparams": "typing.py"}

def lines(path):
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for l in f:
            s = l.strip()
            if s and not s.startswith("#"):
                out.append(s)
    return out

def cpython(name):
    if name in ALIAS:
        p = os.path.join(LIB, ALIAS[name])
        return p if os.path.exists(p) else None
    for cand in (name + ".py", name.replace("_", "/") + ".py", os.path.join(name, "__init__.py")):
        p = os.path.join(LIB, cand)
        if os.path.exists(p):
            return p
    return None

names = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(PYLIB) if f.endswith(".py"))
rows = []
for n in names:
    ours = os.path.join(PYLIB, n + ".py")
    theirs = cpython(n)
    if not theirs or not os.path.exists(ours):
        continue
    mine = lines(ours)
    ref = lines(theirs)
    tri = {tuple(ref[i:i+3]) for i in range(len(ref) - 2)}
    hit = [False] * len(mine)
    for i in range(len(mine) - 2):
        if tuple(mine[i:i+3]) in tri:
            hit[i] = hit[i+1] = hit[i+2] = True
    same = sum(hit)
    rows.append((same / max(len(mine), 1), n, same, len(mine), theirs))
for share, n, same, total, theirs in sorted(rows, reverse=True):
    print(f"{share*100:5.1f}%  {same:5d}/{total:<5d} {n}  ({os.path.relpath(theirs, LIB)})")
