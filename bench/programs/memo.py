# Loops memoising in dicts: Collatz chain lengths, partition counts keyed by tuples, coin change, and a memoised grid walk.


def collatz_lengths(limit):
    known = {1: 1}
    best, best_n = 1, 1
    for start in range(2, limit):
        n = start
        path = []
        while n not in known:
            path.append(n)
            if n % 2:
                n = 3 * n + 1
            else:
                n //= 2
        length = known[n]
        for m in reversed(path):
            length += 1
            known[m] = length
        if length > best:
            best, best_n = length, start
    return best_n, best, len(known)


def partitions(n):
    # p(n, k): partitions of n into parts of size at most k, filled bottom-up in a dict keyed by (n, k).
    table = {}
    for total in range(n + 1):
        for k in range(n + 1):
            if total == 0:
                table[total, k] = 1
            elif k == 0:
                table[total, k] = 0
            elif k > total:
                table[total, k] = table[total, total]
            else:
                table[total, k] = table[total, k - 1] + table[total - k, k]
    return table[n, n], len(table)


def coin_ways(amount, coins, cache):
    key = (amount, len(coins))
    if key in cache:
        return cache[key]
    if amount == 0:
        result = 1
    elif amount < 0 or not coins:
        result = 0
    else:
        result = coin_ways(amount - coins[0], coins, cache) + coin_ways(amount, coins[1:], cache)
    cache[key] = result
    return result


def grid_paths(w, h, blocked):
    memo = {}
    for y in range(h):
        for x in range(w):
            if (x, y) in blocked:
                memo[x, y] = 0
            elif x == 0 and y == 0:
                memo[x, y] = 1
            else:
                memo[x, y] = memo.get((x - 1, y), 0) + memo.get((x, y - 1), 0)
    return memo[w - 1, h - 1]


def main():
    n, length, size = collatz_lengths(300000)
    print("collatz: longest chain below 300000 starts at", n, "length", length, "cached", size)
    p, size = partitions(300)
    print("partitions of 300:", p, "table", size)
    cache = {}
    print("ways to make 500 from UK coins:", coin_ways(500, [200, 100, 50, 20, 10, 5, 2, 1], cache), "cache", len(cache))
    blocked = set()
    seed = 7
    for _ in range(400):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        blocked.add(((seed >> 8) % 60, (seed >> 16) % 60))
    blocked.discard((0, 0))
    blocked.discard((59, 59))
    print("grid paths avoiding", len(blocked), "cells:", grid_paths(60, 60, blocked))


main()
