# N-queens three ways: filtering itertools.permutations with sets, permutations built by slicing, and backtracking.
from itertools import permutations


def by_permutations(n):
    found = []
    cols = range(n)
    for p in permutations(cols):
        if n == len(set(p[i] + i for i in cols)) == len(set(p[i] - i for i in cols)):
            found.append(p)
    return found


def slice_perms(items):
    # Every permutation of a list, each built from slices of the one before.
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for tail in slice_perms(rest):
            yield [items[i]] + tail


def by_slicing(n):
    count = 0
    first = None
    for p in slice_perms(list(range(n))):
        diag = set()
        anti = set()
        for r, c in enumerate(p):
            diag.add(r + c)
            anti.add(r - c)
        if len(diag) == n and len(anti) == n:
            count += 1
            if first is None:
                first = p
    return count, first


def by_backtracking(n):
    count = 0
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    placed = []

    def place(r):
        nonlocal count
        if r == n:
            count += 1
            return
        for c in range(n):
            if not cols[c] and not d1[r + c] and not d2[r - c + n]:
                cols[c] = d1[r + c] = d2[r - c + n] = True
                placed.append(c)
                place(r + 1)
                placed.pop()
                cols[c] = d1[r + c] = d2[r - c + n] = False

    place(0)
    return count


def symmetries(sol):
    n = len(sol)
    boards = set()
    cur = list(sol)
    for _ in range(4):
        # Rotate a quarter turn: queen at (r, c) goes to (c, n-1-r).
        rot = [0] * n
        for r, c in enumerate(cur):
            rot[c] = n - 1 - r
        cur = rot
        boards.add(tuple(cur))
        boards.add(tuple(cur[::-1]))
    return boards


def main():
    sols = by_permutations(9)
    print("permutations: 9 queens", len(sols), "first", sols[0], "last", sols[-1])
    seen = set()
    classes = 0
    for s in sols:
        if s not in seen:
            classes += 1
            seen |= symmetries(s)
    print("distinct up to symmetry", classes)
    count, first = by_slicing(8)
    print("slicing: 8 queens", count, "first", first)
    for n in range(4, 10):
        print("backtracking:", n, "queens", by_backtracking(n))


main()
