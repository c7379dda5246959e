# Exact rationals as a small class: a new Rat per operator call; Hilbert-matrix solve, Bernoulli numbers, harmonic sums.
from math import gcd


class Rat:
    __slots__ = ("num", "den")

    def __init__(self, num, den=1):
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den)
        if g > 1:
            num //= g
            den //= g
        self.num = num
        self.den = den

    def __add__(self, other):
        if isinstance(other, int):
            return Rat(self.num + other * self.den, self.den)
        return Rat(self.num * other.den + other.num * self.den, self.den * other.den)

    def __sub__(self, other):
        if isinstance(other, int):
            return Rat(self.num - other * self.den, self.den)
        return Rat(self.num * other.den - other.num * self.den, self.den * other.den)

    def __mul__(self, other):
        if isinstance(other, int):
            return Rat(self.num * other, self.den)
        return Rat(self.num * other.num, self.den * other.den)

    def __truediv__(self, other):
        if isinstance(other, int):
            return Rat(self.num, self.den * other)
        return Rat(self.num * other.den, self.den * other.num)

    def __neg__(self):
        return Rat(-self.num, self.den)

    def __eq__(self, other):
        if isinstance(other, int):
            return self.den == 1 and self.num == other
        return self.num == other.num and self.den == other.den

    def __lt__(self, other):
        return self.num * other.den < other.num * self.den

    def __hash__(self):
        return hash((self.num, self.den))

    def is_zero(self):
        return self.num == 0

    def __repr__(self):
        if self.den == 1:
            return str(self.num)
        return "%d/%d" % (self.num, self.den)


def solve(matrix, rhs):
    # Gauss-Jordan elimination over Rat, pivoting on the first non-zero entry.
    n = len(matrix)
    rows = [matrix[i][:] + [rhs[i]] for i in range(n)]
    for col in range(n):
        pivot = col
        while rows[pivot][col].is_zero():
            pivot += 1
        rows[col], rows[pivot] = rows[pivot], rows[col]
        p = rows[col][col]
        rows[col] = [x / p for x in rows[col]]
        for r in range(n):
            if r != col and not rows[r][col].is_zero():
                f = rows[r][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[col])]
    return [row[n] for row in rows]


def bernoulli(n):
    # B_0..B_n by the Akiyama-Tanigawa recurrence.
    out = []
    a = [Rat(0)] * (n + 1)
    for m in range(n + 1):
        a[m] = Rat(1, m + 1)
        for j in range(m, 0, -1):
            a[j - 1] = (a[j - 1] - a[j]) * j
        out.append(a[0])
    return out


def harmonic(n):
    h = Rat(0)
    for k in range(1, n + 1):
        h = h + Rat(1, k)
    return h


def main():
    for n in (8, 16, 24, 32, 40, 48):
        hilbert = [[Rat(1, i + j + 1) for j in range(n)] for i in range(n)]
        x = solve(hilbert, [Rat(1)] * n)
        ok = True
        for i in range(n):
            acc = Rat(0)
            for j in range(n):
                acc = acc + hilbert[i][j] * x[j]
            ok = ok and acc == Rat(1)
        print("Hilbert(%d) x = 1s: first %s, last %s, residual zero %s" % (n, x[0], x[-1], ok))
    bs = bernoulli(160)
    for k in (1, 2, 4, 12, 20, 40, 160):
        print("B_%d = %s" % (k, bs[k]))
    print("distinct Bernoulli values:", len(set(bs)))
    h = harmonic(5000)
    print("H_5000 has %d digits over %d digits" % (len(str(h.num)), len(str(h.den))))
    steps = [Rat(1, k) for k in range(1, 40)]
    print("smallest step above 1/20:", min([s for s in steps if Rat(1, 20) < s]))


main()
