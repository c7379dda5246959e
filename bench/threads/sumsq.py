# Issue 13's measurement: CPU-bound work split over N threads (argv[1],
# default 2; 0 runs it on the main thread without threading; argv[2] the
# count of squares). The total work is the same for every N, so the wall time on
# 1 thread divided by the wall time on N is the speed-up of free threading.
import sys
import threading

nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
N = int(sys.argv[2]) if len(sys.argv) > 2 else 12_000_000
plain = nthreads == 0  # 0: the same work on the main thread, no threads started
nthreads = max(nthreads, 1)
results = [0] * nthreads


def work(k):
    lo = N * k // nthreads
    hi = N * (k + 1) // nthreads
    results[k] = sum(i * i for i in range(lo, hi))


if plain:
    work(0)
else:
    ts = [threading.Thread(target=work, args=(k,)) for k in range(nthreads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(sum(results))
