# The benchmark suite's mandelbrot, its rows split over N threads
# (argv[1], default 2; 0 runs it on the main thread without threading;
# argv[2] the count of rows): float arithmetic in the threads' own locals.
import sys
import threading

WIDTH, MAX_ITER = 640, 200
nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
HEIGHT = int(sys.argv[2]) if len(sys.argv) > 2 else 960
plain = nthreads == 0  # 0: the same work on the main thread, no threads started
nthreads = max(nthreads, 1)
results = [None] * nthreads


def rows(k, width, height, max_iter):
    inside = 0
    total_iter = 0
    for py in range(k, height, nthreads):
        y0 = (py / height) * 2.4 - 1.2
        for px in range(width):
            x0 = (px / width) * 3.5 - 2.5
            x = 0.0
            y = 0.0
            i = 0
            while x * x + y * y <= 4.0 and i < max_iter:
                x, y = x * x - y * y + x0, 2.0 * x * y + y0
                i += 1
            total_iter += i
            if i == max_iter:
                inside += 1
    results[k] = (inside, total_iter)


if plain:
    rows(0, WIDTH, HEIGHT, MAX_ITER)
else:
    ts = [threading.Thread(target=rows, args=(k, WIDTH, HEIGHT, MAX_ITER)) for k in range(nthreads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(f"inside={sum(r[0] for r in results)} iterations={sum(r[1] for r in results)}")
