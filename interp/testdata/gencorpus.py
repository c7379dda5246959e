#!/usr/bin/env python3
"""Rebuild the .out/.status/.lasterr parts of corpus/*.txtar from python3.

Usage: python3 interp/testdata/gencorpus.py [FILE.txtar ...]

Each txtar keeps only its -- name.py -- parts as source of truth; this
script runs every program with python3 and rewrites the expected parts.
CPython 3.14 is the reference while the machine may have 3.11, so known
3.14 wording differences are patched (see FIXES) and programs listed on a
`py314-only:` comment line are reported if python3 disagrees with them.

Parts named prog/FILE (prog/main.py, prog/helper.py, prog/pkg/__init__.py)
are one program of several files, written to a directory together and run
from prog/main.py (else its first .py part); its expected parts are
prog.out, prog.status and prog.lasterr, after its last file.
"""
import glob, os, re, subprocess, sys, tempfile

# 3.11 text -> 3.14 text, applied to stdout and the last stderr line.
FIXES = [
    ("ZeroDivisionError: integer division or modulo by zero", "ZeroDivisionError: division by zero"),
    # 3.14 words complex division and powers of zero as the others (gh-119057).
    ("complex division by zero", "division by zero"),
    ("0.0 to a negative or complex power", "zero to a negative or complex power"),
    # 3.14 words list.index's error as list.remove's.
    ("99 is not in list", "list.index(x): x not in list"),
    # 3.12 names the property (one set on the class later by its getter's __name__).
    ("AttributeError: property of 'T' object has no setter", "AttributeError: property '<lambda>' of 'T' object has no setter"),
]

# Programs whose last stderr line CPython 3.14 words differently from 3.11:
# the 3.14 text is written instead. Each is also named on the txtar's
# `py314-only:` line so the live python3 comparison skips it.
LASTERR314 = {
    "type_unhashable": "TypeError: cannot use 'list' as a dict key (unhashable type: 'list')",
    "value_error_unpack": "ValueError: too many values to unpack (expected 2, got 3)",
    "zerodiv_float": "ZeroDivisionError: division by zero",
    "match_not_class": "TypeError: called match pattern must be a class",
    # 3.14 says which value is out of range (datetime.txtar).
    "dt_bad_month": "ValueError: month must be in 1..12, not 13",
    "dt_bad_day": "ValueError: day 29 must be in range 1..28 for month 2 in year 2023",
}

def parse(data):
    lines = data.split("\n")
    comment, files, cur = [], [], None
    for ln in lines:
        m = re.match(r"^-- (.+) --$", ln)
        if m:
            cur = [m.group(1), []]
            files.append(cur)
        elif cur is None:
            comment.append(ln)
        else:
            cur[1].append(ln)
    out = []
    for name, body in files:
        text = "\n".join(body)
        out.append((name, text))
    return "\n".join(comment), out

def run_files(files, main):
    """Runs a program of several files ({path: text}) from main's directory."""
    with tempfile.TemporaryDirectory() as d:
        for path, text in files.items():
            full = os.path.join(d, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)
        return execute(os.path.join(d, main))

def run(name, src):
    # From a file, as TestCorpusAgainstCPython runs them: the tokenizer
    # counts lines differently for -c.
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, name + ".py")
        with open(path, "w") as f:
            f.write(src)
        return execute(path)

def execute(path):
    # Strs hash as minipy's under PYTHONHASHSEED=0, so sets of them
    # print in one order. No __pycache__ left beside a program's modules.
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, path], capture_output=True, text=True, env=env)
    out = p.stdout
    errs = p.stderr.rstrip("\n").split("\n")
    last = errs[-1] if p.stderr else ""
    for a, b in FIXES:
        out = out.replace(a, b); last = last.replace(a, b)
    return out, p.returncode, last

def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(os.path.dirname(__file__), "corpus", "*.txtar")))
    for f in files:
        comment, parts = parse(open(f).read())
        only = set()
        for ln in comment.split("\n"):
            if ln.startswith("py314-only:"):
                only.update(ln[len("py314-only:"):].split())
        res = [comment.rstrip("\n") + "\n"]
        last = {}  # prog -> index of its last file part
        for i, (name, _) in enumerate(parts):
            if "/" in name:
                last[name.split("/", 1)[0]] = i
        progfiles = {}
        for i, (name, body) in enumerate(parts):
            if "/" in name:
                prog, path = name.split("/", 1)
                text = body.rstrip("\n") + "\n"
                res.append("-- %s --\n%s" % (name, text))
                progfiles.setdefault(prog, {})[path] = text
                if last[prog] != i or prog in only:
                    continue
                main_py = "main.py" if "main.py" in progfiles[prog] else next(p for p in progfiles[prog] if p.endswith(".py"))
                out, status, lasterr = run_files(progfiles[prog], main_py)
                append_expected(res, prog, out, status, lasterr)
                continue
            stem = name.rsplit(".", 1)[0]
            if stem in only and stem not in LASTERR314:
                # Output differs beyond the last line: keep the 3.14 text as written.
                res.append("-- %s --\n%s" % (name, body.rstrip("\n") + "\n"))
                continue
            if not name.endswith(".py"):
                continue
            src = body if body.endswith("\n") else body + "\n"
            src = src.rstrip("\n") + "\n"
            out, status, lasterr = run(stem, src)
            res.append("-- %s --\n%s" % (name, src))
            append_expected(res, stem, out, status, lasterr)
        open(f, "w").write("".join(res))

def append_expected(res, stem, out, status, last):
    res.append("-- %s.out --\n%s" % (stem, out))
    if out and not out.endswith("\n"):
        res.append("\n")
    last = LASTERR314.get(stem, last)
    if status != 0:
        res.append("-- %s.status --\n%d\n" % (stem, status))
        res.append("-- %s.lasterr --\n%s\n" % (stem, last))

main()
