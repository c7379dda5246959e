# Sets and dicts keyed by floats and tuples: distinct fractions as floats, lattice line intersections, a walk's visit counts.
import math


def distinct_ratios(n):
    # i/j as floats for 1 <= i < j <= n: as many distinct values as reduced fractions.
    seen = set()
    for j in range(2, n + 1):
        for i in range(1, j):
            seen.add(i / j)
    reduced = 0
    for j in range(2, n + 1):
        for i in range(1, j):
            if math.gcd(i, j) == 1:
                reduced += 1
    return len(seen), reduced


def intersections(lines):
    # Lines a*x + b*y = c; points where two cross, rounded to 9 places, with how many lines meet there.
    points = {}
    for k in range(len(lines)):
        a1, b1, c1 = lines[k]
        for m in range(k + 1, len(lines)):
            a2, b2, c2 = lines[m]
            det = a1 * b2 - a2 * b1
            if det == 0:
                continue
            x = round((c1 * b2 - c2 * b1) / det, 9)
            y = round((a1 * c2 - a2 * c1) / det, 9)
            key = (x + 0.0, y + 0.0)
            points[key] = points.get(key, 0) + 1
    return points


def walk(steps, seed):
    # A walk on a hexagonal lattice in float coordinates; the dict counts visits per point.
    dirs = []
    for k in range(6):
        a = k * math.pi / 3
        dirs.append((round(math.cos(a), 12), round(math.sin(a), 12)))
    x = y = 0.0
    visits = {(x, y): 1}
    for _ in range(steps):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        dx, dy = dirs[(seed >> 16) % 6]
        x = round(x + dx, 9)
        y = round(y + dy, 9)
        visits[x, y] = visits.get((x, y), 0) + 1
    return visits


def main():
    for n in (50, 200, 500):
        floats, fracs = distinct_ratios(n)
        print("ratios up to %d: %d distinct floats, %d reduced fractions" % (n, floats, fracs))
    lines = []
    for a in range(-3, 4):
        for b in range(-3, 4):
            if a == 0 and b == 0:
                continue
            for c in (-2, 0, 1, 5):
                lines.append((a, b, c))
    points = intersections(lines)
    multi = {}
    for count in points.values():
        multi[count] = multi.get(count, 0) + 1
    print("lines", len(lines), "points", len(points))
    print("points by pairs meeting:", sorted(multi.items())[:8])
    top = sorted(points.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print("busiest:", top)
    visits = walk(300000, 12345)
    most = max(visits.values())
    where = sorted([p for p, v in visits.items() if v == most])
    print("walk: distinct points", len(visits), "most visits", most, "at", where[:3])
    shells = {}
    for (px, py) in visits:
        r = round(math.hypot(px, py), 6)
        shells[r] = shells.get(r, 0) + 1
    print("distinct distances", len(shells), "nearest", sorted(shells.items())[:4])
    floats = {0.1 * k: k for k in range(1000)}
    hits = 0
    for k in range(1000):
        if k / 10 in floats:
            hits += 1
    print("k/10 found among 0.1*k:", hits, "of", len(floats))


main()
