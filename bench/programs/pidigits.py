# Digits of pi from an unbounded spigot over big ints (a linear fractional transformation per term), and e from a series.


def pi_digits(count):
    # State (q, r, t) is the transformation x -> (q*x + r) / t; k numbers the term.
    q, r, t, k = 1, 0, 1, 1
    out = []
    while len(out) < count:
        # Compose with term k: (k, 4k+2, 0, 2k+1).
        q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
        k += 1
        if q > r:
            continue
        d = (3 * q + r) // t
        if d != (4 * q + r) // t:
            continue
        out.append(d)
        # Take the digit off: x -> 10 * (x - d).
        q, r = 10 * q, 10 * (r - d * t)
    return out


def e_digits(count):
    # e = sum 1/n!, in fixed point with guard digits.
    scale = 10 ** (count + 10)
    term = scale
    total = 0
    n = 0
    while term:
        total += term
        n += 1
        term //= n
    return str(total // 10 ** 10)


def show(name, digits):
    print(name)
    for i in range(0, len(digits), 60):
        print(digits[i:i + 60])


def main():
    ds = pi_digits(3600)
    text = "".join([str(d) for d in ds])
    show("pi", text)
    counts = [0] * 10
    for d in ds:
        counts[d] += 1
    print("digit counts", counts)
    e = e_digits(3000)
    show("e (last lines)", e[-240:])
    print("checksum", sum([int(c) * (i % 7 + 1) for i, c in enumerate(e)]) % 1000003)


main()
