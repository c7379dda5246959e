# The benchmark suite's spectral norm, each matrix product's rows split
# over N threads (argv[1], default 2; 0 runs it on the main thread without
# threading; argv[2] the order of the matrix) that meet at a Barrier: the
# threads read shared lists and write their own elements of another.
import math
import sys
import threading

nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
plain = nthreads == 0  # 0: the same work on the main thread, no threads started
nthreads = max(nthreads, 1)
barrier = threading.Barrier(nthreads)


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_u(u, out, lo, hi):
    n = len(u)
    for i in range(lo, hi):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * u[j]
        out[i] = s


def times_u_transposed(u, out, lo, hi):
    n = len(u)
    for i in range(lo, hi):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        out[i] = s


u = [1.0] * n
v = [0.0] * n
tmp = [0.0] * n


def work(k):
    lo = n * k // nthreads
    hi = n * (k + 1) // nthreads
    for _ in range(10):
        times_u(u, tmp, lo, hi)
        barrier.wait()
        times_u_transposed(tmp, v, lo, hi)
        barrier.wait()
        times_u(v, tmp, lo, hi)
        barrier.wait()
        times_u_transposed(tmp, u, lo, hi)
        barrier.wait()


if plain:
    work(0)
else:
    ts = [threading.Thread(target=work, args=(k,)) for k in range(nthreads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
vbv = 0.0
vv = 0.0
for i in range(n):
    vbv += u[i] * v[i]
    vv += v[i] * v[i]
print(f"{math.sqrt(vbv / vv):.9f}")
