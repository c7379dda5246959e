# Sequence unpacking and slicing permutations: swaps, starred targets, nested targets, rotations and pancake flips by slices.


def fib_pairs(n, mod):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % mod
    return a


def rotate_registers(rounds):
    # Four registers mixed by tuple assignment each round.
    a, b, c, d = 1, 2, 3, 4
    for i in range(rounds):
        a, b, c, d = b, c ^ (a * 3 & 0xFFFF), d + (i & 7), (a + b) & 0xFFFF
        if d > 60000:
            a, *rest = (a, b, c, d)
            b, c, d = rest[::-1]
    return a, b, c, d


def stats(records):
    # Nested and starred unpacking of (name, (x, y), *scores) records.
    best = None
    total_x = total_y = 0
    for name, (x, y), *scores in records:
        total_x += x
        total_y += y
        first, *middle, last = scores
        score = first * 2 + len(middle) + last
        if best is None or score > best[0]:
            best = (score, name)
    return total_x, total_y, best


def pancake_sort(items):
    # Sort by prefix reversals; each flip rebuilds the list from slices.
    flips = 0
    for size in range(len(items), 1, -1):
        top = items.index(max(items[:size]))
        if top == size - 1:
            continue
        if top > 0:
            items = items[:top + 1][::-1] + items[top + 1:]
            flips += 1
        items = items[:size][::-1] + items[size:]
        flips += 1
    return items, flips


def next_permutation(p):
    # The next permutation in lexicographic order, by slicing; None after the last.
    i = len(p) - 2
    while i >= 0 and p[i] >= p[i + 1]:
        i -= 1
    if i < 0:
        return None
    j = len(p) - 1
    while p[j] <= p[i]:
        j -= 1
    p = p[:]
    p[i], p[j] = p[j], p[i]
    p[i + 1:] = p[i + 1:][::-1]
    return p


def flips_to_top(p):
    # Fannkuch-style: flip the first p[0]+1 items until a 0 is on top.
    count = 0
    p = p[:]
    while p[0]:
        k = p[0] + 1
        p[:k] = p[k - 1::-1]
        count += 1
    return count


def main():
    print("fib(600000) mod 1000003 =", fib_pairs(600000, 1000003))
    print("registers:", rotate_registers(600000))
    records = []
    seed = 3
    for i in range(60000):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        scores = [(seed >> s) & 63 for s in range(0, 4 * (2 + i % 4), 4)]
        records.append(("r%d" % i, (seed % 101, seed % 37), *scores))
    print("records:", stats(records))
    data = [(i * 7919) % 301 for i in range(301)]
    result, flips = pancake_sort(data)
    print("pancake: sorted", result == sorted(data), "flips", flips, "ends", result[:3], result[-3:])
    p = list(range(8))
    perms = max_flips = checksum = 0
    while p is not None:
        f = flips_to_top(p)
        if f > max_flips:
            max_flips = f
        checksum += f if perms % 2 == 0 else -f
        perms += 1
        p = next_permutation(p)
    print("permutations of 8:", perms, "max flips", max_flips, "checksum", checksum)


main()
