# Times the thread programs here on the main thread alone (0) and on 1
# and 2 threads, JIT off and on, side
# by side: every round runs each (program, jit, threads) once in turn, so
# drift of a shared machine hits all alike. Prints the minimum and median
# wall and CPU (user+sys) time of each, and the speed-up of 2 threads over
# 1 (wall on 1 / wall on 2) and the CPU cost ratio (CPU on 2 / CPU on 1).
# "0x2" (in the default --threads 0,1,2,0x2) is the control: two processes of the no-threads
# variant at once, sharing nothing: its CPU is per process, its CPU ratio
# that over one process alone (0), the cost of the two cores running at
# once (shared caches and memory, SMT siblings on the host), and its
# speed-up twice the wall time of one alone over that of the pair: the
# ceiling two threads would reach with no cost of their own. It is run by
# default: 1 and 2 threads execute the same instructions (callgrind counts
# agree within 0.2 %), so what two threads pay in CPU beyond one is the
# two cores' (caches, memory, a host's SMT siblings) unless 0x2 pays less.
# Each program gets a size (its second argument) per JIT setting, so that a
# run takes about a second or more either way: with the JIT on the
# programs' default sizes finish in ~0.1 s, where start-up and thread
# creation would hide the speed-up. --size PROG=OFF,ON overrides one.
#
#   python3 bench/threads/measure.py [--minipy PATH] [--runs N] [--size PROG=OFF,ON] [PROGRAM...]
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--minipy", default="minipy")
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--threads", default="0,1,2,0x2")
ap.add_argument("--jit", default="0,1")
ap.add_argument("--size", action="append", default=[])
ap.add_argument("programs", nargs="*", default=["sumsq", "mandelbrot", "spectral_norm"])
a = ap.parse_args()
# Sizes (JIT off, JIT on) for ~1-2 s of CPU on the idle machine.
sizes = {"sumsq": ("12000000", "16000000"), "mandelbrot": ("960", "7680"), "spectral_norm": ("450", "1400")}
for kv in a.size:
    prog, _, v = kv.partition("=")
    sizes[prog] = tuple(v.split(","))
threads = [x if x == "0x2" else int(x) for x in a.threads.split(",")]
jits = a.jit.split(",")


def run(prog, jit, k):
    env = dict(os.environ, MINIPY_JIT=jit)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    procs = 2 if k == "0x2" else 1
    argv = [a.minipy, os.path.join(here, prog + ".py"), "0" if procs == 2 else str(k)]
    if prog in sizes:
        argv.append(sizes[prog][jit == "1"])
    ps = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(procs)]
    outs = [p.communicate() + (p.returncode,) for p in ps]
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for stdout, stderr, rc in outs:
        if rc != 0:
            sys.exit(f"{prog} jit={jit} threads={k}: status {rc}\n{stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu / procs, outs[0][0]


times = {}
outputs = {}
for r in range(a.runs):
    for prog in a.programs:
        for jit in jits:
            for k in threads:
                w, c, out = run(prog, jit, k)
                times.setdefault((prog, jit, k), []).append((w, c))
                if outputs.setdefault((prog, jit), out) != out:
                    sys.exit(f"{prog} jit={jit} threads={k}: output {out!r}, other runs {outputs[(prog, jit)]!r}")

print(f"load average before/after: {os.getloadavg()}")
print("| program | JIT | size | threads | wall min / median (s) | CPU min / median (s) | speed-up (wall) | CPU ratio |")
print("|---|---|---|---|---|---|---|---|")
for prog in a.programs:
    for jit in jits:
        base = times[(prog, jit, 1 if 1 in threads else threads[0])]
        for k in threads:
            ts = times[(prog, jit, k)]
            ws = [w for w, _ in ts]
            cs = [c for _, c in ts]
            b, twice = base, 1
            if k == "0x2" and (prog, jit, 0) in times:
                # Against one process alone, which did half the work.
                b, twice = times[(prog, jit, 0)], 2
            bw = [w for w, _ in b]
            bc = [c for _, c in b]
            sp = twice * min(bw) / min(ws)
            cr = min(cs) / min(bc)
            size = sizes[prog][jit == "1"] if prog in sizes else "-"
            print(f"| {prog} | {'on' if jit == '1' else 'off'} | {size} | {k} | {min(ws):.2f} / {statistics.median(ws):.2f} | "
                  f"{min(cs):.2f} / {statistics.median(cs):.2f} | {sp:.2f}× | {cr:.2f} |")
