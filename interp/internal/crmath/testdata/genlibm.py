# Dumps CPython's (glibc 2.36's) pow, exp, log, sin, cos, atan, log2, exp2, expm1, atan2, tan,
# asin, acos, sin and cos beyond 105414350, hypot (as abs(complex)), log10, sinh, cosh,
# tanh, cbrt, log1p, asinh, acosh, atanh, erf and erfc on a large deterministic
# sample, for libm_off.txt.gz. The arguments come from a splitmix64 stream
# that libm_test.go reproduces operation for operation (which it checks):
# "name index argument(s) result", in hex. Names given as arguments limit
# the dump to those functions.
#
# Regenerate (x86-64 with FMA and AVX2, Debian 12's glibc):
#   python3.13 genlibm.py > /tmp/fma.txt
#   GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA python3.13 genlibm.py > /tmp/generic.txt
#   CRMATH_LIBM_DUMP=fma=/tmp/fma.txt,generic=/tmp/generic.txt go test -run LibmSample
# (the tunable makes glibc's ifunc pick its generic variant).
import math
import struct
import sys

M = (1 << 64) - 1
N = 200000  # samples per function


class Stream:
    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)

    def unif(self):  # [0, 1)
        return (self.next() >> 11) * 2.0**-53

    def uniform(self, a, b):
        return a + (b - a) * self.unif()

    def randint(self, a, b):  # a <= n <= b
        return a + self.next() % (b - a + 1)

    def xbits(self, e):  # 2**e times a random mantissa in [1, 2)
        return struct.unpack('<d', struct.pack('<Q', (1023 + e) << 52 | self.next() >> 12))[0]

    def sub(self):  # a random subnormal, never 0
        return struct.unpack('<d', struct.pack('<Q', self.next() >> 12 | 1))[0]

    def sign(self):
        return -1.0 if self.next() & 1 else 1.0


def pow_args(s, i):
    c = i % 10
    if c == 0:
        return s.uniform(0, 10), s.uniform(-10, 10)
    if c == 1:
        return s.xbits(s.randint(-20, 20)), s.uniform(-30, 30)
    if c == 2:
        return s.uniform(0, 100), float(s.randint(0, 24) - 12)
    if c == 3:
        return s.uniform(0, 100), float(s.randint(0, 40) - 20) + 0.5
    if c == 4:
        e = s.randint(0, 2045) - 1022
        return s.xbits(e), s.uniform(-1, 1) * (1070.0 / (abs(e) + 1))
    if c == 5:
        x = 1 + s.uniform(-1, 1) * 2.0**-s.randint(1, 40)
        return x, s.uniform(-1, 1) * 2.0**s.randint(0, 45)
    if c == 6:
        return -s.uniform(0, 20), float(s.randint(0, 128) - 64)
    if c == 7:
        return s.sub(), s.uniform(-1.1, 1.1)
    if c == 8:
        return s.uniform(0.5, 2), s.uniform(-1, 1) * 2.0**s.randint(8, 13)
    x = s.uniform(0, 3)
    if s.next() & 1:
        return x, s.uniform(-1, 1) * 2.0**-s.randint(55, 75)
    return x, s.uniform(-1, 1) * 2.0**s.randint(60, 66)


def exp_args(s, i):
    c = i % 6
    if c == 0:
        return s.uniform(-746, 710)
    if c == 1:
        return s.uniform(-1, 1)
    if c == 2:
        return s.sign() * s.xbits(s.randint(-60, 9))
    if c == 3:
        return s.uniform(-746, -700)
    if c == 4:
        return s.uniform(700, 709.8)
    return s.uniform(-20, 20)


def log_args(s, i):
    c = i % 5
    if c == 0:
        return s.xbits(s.randint(0, 2045) - 1022)
    if c == 1:
        return s.uniform(0.5, 2)
    if c == 2:
        return 1 + s.uniform(-1, 1) * 2.0**-s.randint(1, 50)
    if c == 3:
        return s.sub()
    return s.uniform(0, 1000)


def trig_args(s, i):
    c = i % 8
    if c == 0:
        return s.uniform(-10, 10)
    if c == 1:
        return s.uniform(-1e6, 1e6)
    if c == 2:
        return s.sign() * s.xbits(s.randint(-30, 25))
    if c == 3:
        return s.uniform(-0.13, 0.13)
    if c == 4:
        return s.sign() * s.uniform(0.8, 0.9)
    if c == 5:
        return s.sign() * s.uniform(2.38, 2.48)
    if c == 6:
        return s.randint(-1000, 1000) * 1.5707963267948966 + s.uniform(-1e-6, 1e-6)
    return s.uniform(-1e8, 1e8)


def atan_args(s, i):
    c = i % 6
    if c == 0:
        return s.uniform(-1, 1)
    if c == 1:
        return s.uniform(-20, 20)
    if c == 2:
        return s.sign() * s.xbits(s.randint(-30, 60))
    if c == 3:
        return s.uniform(-0.07, 0.07)
    if c == 4:
        return s.sign() * s.uniform(15, 17)
    return s.sign() * s.uniform(0.9, 1.1)


def atan2_args(s, i):
    c = i % 8
    if c == 0:
        return s.uniform(-10, 10), s.uniform(-10, 10)
    if c == 1:  # |y/x| near 1/16, 1 and 16, where the formulas change
        x = s.sign() * s.xbits(s.randint(-5, 5))
        r = (0.0625, 1.0, 16.0)[s.randint(0, 2)]
        return x * r * (1 + s.uniform(-0.01, 0.01)), s.sign() * x
    if c == 2:
        return s.sign() * s.xbits(s.randint(-60, 60)), s.sign() * s.xbits(s.randint(-60, 60))
    if c == 3:  # exponents about 57 apart, where the quotient alone is returned
        e = s.randint(-900, 900)
        d = s.randint(50, 60)
        if s.next() & 1:
            d = -d
        return s.sign() * s.xbits(e + d), s.sign() * s.xbits(e)
    if c == 4:  # beyond 2**500 or below 2**-500, where both are scaled
        e = s.randint(490, 1000)
        if s.next() & 1:
            e = -e
        return s.sign() * s.xbits(e + s.randint(-20, 20)), s.sign() * s.xbits(e)
    if c == 5:
        return s.sign() * s.sub(), s.sign() * s.xbits(s.randint(-1022, -1000))
    if c == 6:
        return s.uniform(-1, 1), s.uniform(-0.1, 0.1)
    return s.uniform(-1e6, 1e6), s.uniform(-1e6, 1e6)


def tan_args(s, i):
    if i % 10 < 8:
        return trig_args(s, i % 10)
    return big_trig_args(s, i)


def big_trig_args(s, i):  # beyond 105414350, where glibc reduces by Payne-Hanek
    c = i % 4
    if c == 0:
        return s.sign() * s.xbits(s.randint(27, 1023))
    if c == 1:
        return s.sign() * s.uniform(1.05e8, 1e9)
    if c == 2:
        return s.sign() * s.xbits(s.randint(26, 70))
    return s.randint(67108864, 1 << 40) * 1.5707963267948966


def asin_args(s, i):
    c = i % 6
    if c == 0:
        return s.uniform(-1, 1)
    if c == 1:
        return s.sign() * (1 - s.xbits(s.randint(-53, -2)))
    if c == 2:
        return s.sign() * s.xbits(s.randint(-60, -1))
    if c == 3:
        return s.sign() * s.uniform(0.9, 1)
    if c == 4:
        return s.sign() * s.sub()
    return s.uniform(-0.5, 0.5)


def hypot_args(s, i):
    c = i % 6
    if c == 0:
        return s.uniform(-10, 10), s.uniform(-10, 10)
    if c == 1:
        return s.sign() * s.xbits(s.randint(-60, 60)), s.sign() * s.xbits(s.randint(-60, 60))
    if c == 2:  # near overflow
        return s.sign() * s.xbits(s.randint(1000, 1023)), s.sign() * s.xbits(s.randint(1000, 1023))
    if c == 3:  # near and below the subnormals
        return s.sign() * s.sub(), s.sign() * s.xbits(s.randint(-1022, -990))
    if c == 4:
        e = s.randint(-900, 900)
        return s.sign() * s.xbits(e), s.sign() * s.xbits(e + s.randint(-60, 60))
    return s.uniform(-1e6, 1e6), s.uniform(-1e6, 1e6)


def pick(s, i, *gens):
    return gens[i % len(gens)]()


def log10_args(s, i):
    return pick(s, i, lambda: s.xbits(s.randint(-1022, 1023)), lambda: s.uniform(0.5, 2), lambda: s.uniform(0, 1000), s.sub)


def hyp_args(s, i):  # sinh, cosh, tanh, erf, erfc
    return pick(s, i, lambda: s.uniform(-30, 30), lambda: s.uniform(-1, 1), lambda: s.sign() * s.xbits(s.randint(-40, 0)),
                lambda: s.uniform(-710, 710))


def cbrt_args(s, i):
    return pick(s, i, lambda: s.sign() * s.xbits(s.randint(-1022, 1023)), lambda: s.uniform(-10, 10), lambda: s.sign() * s.sub())


def log1p_args(s, i):
    return pick(s, i, lambda: s.uniform(-1, 1), lambda: s.sign() * s.xbits(s.randint(-60, -1)), lambda: s.uniform(-0.3, 0.3),
                lambda: s.xbits(s.randint(0, 60)))


def asinh_args(s, i):
    return pick(s, i, lambda: s.uniform(-30, 30), lambda: s.uniform(-1, 1), lambda: s.sign() * s.xbits(s.randint(-40, 0)),
                lambda: s.sign() * s.xbits(s.randint(0, 1000)))


def acosh_args(s, i):
    return pick(s, i, lambda: 1 + s.xbits(s.randint(-40, -1)), lambda: s.uniform(1, 10), lambda: s.xbits(s.randint(0, 1000)),
                lambda: s.uniform(1, 3))


def atanh_args(s, i):
    return pick(s, i, lambda: s.uniform(-1, 1), lambda: s.sign() * s.xbits(s.randint(-60, -1)), lambda: s.uniform(-0.3, 0.3),
                lambda: s.sign() * (1 - s.xbits(s.randint(-53, -2))))


def log2_args(s, i):
    if i % 5 == 2:  # near 1, where log2 has its own polynomial
        return 1 + s.uniform(-1, 1) * 2.0**-s.randint(4, 50)
    return log_args(s, i)


def exp2_args(s, i):
    c = i % 5
    if c == 0:
        return s.uniform(-1080, 1025)
    if c == 1:
        return s.uniform(-1, 1)
    if c == 2:
        return s.sign() * s.xbits(s.randint(-60, 9))
    if c == 3:
        return s.uniform(-1080, -1015)
    return s.uniform(1015, 1025)


def expm1_args(s, i):
    c = i % 6
    if c == 0:
        return s.uniform(-5, 5)
    if c == 1:
        return s.sign() * s.xbits(s.randint(-60, 0))
    if c == 2:
        return s.uniform(-40, 709.7)
    if c == 3:
        return s.uniform(-0.35, 0.35)
    if c == 4:
        return s.sign() * s.uniform(0.34, 1.05)
    return s.uniform(38, 45)


def show(f, *a):
    try:
        return f(*a).hex()
    except OverflowError:
        return 'inf'


def main():
    for name, gen, f, seed in (('pow', pow_args, math.pow, 1), ('exp', exp_args, math.exp, 2), ('log', log_args, math.log, 3),
                                ('sin', trig_args, math.sin, 4), ('cos', trig_args, math.cos, 5),
                                ('atan', atan_args, math.atan, 6), ('log2', log2_args, math.log2, 7),
                                ('exp2', exp2_args, math.exp2, 8),
                                ('expm1', expm1_args, math.expm1, 9), ('atan2', atan2_args, math.atan2, 10),
                                ('tan', tan_args, math.tan, 11), ('asin', asin_args, math.asin, 12),
                                ('acos', asin_args, math.acos, 13), ('sinbig', big_trig_args, math.sin, 14),
                                ('cosbig', big_trig_args, math.cos, 15),
                                ('hypot', hypot_args, lambda x, y: abs(complex(x, y)), 16),
                                ('log10', log10_args, math.log10, 20), ('sinh', hyp_args, math.sinh, 21),
                                ('cosh', hyp_args, math.cosh, 22), ('tanh', hyp_args, math.tanh, 23),
                                ('cbrt', cbrt_args, math.cbrt, 24), ('log1p', log1p_args, math.log1p, 25),
                                ('asinh', asinh_args, math.asinh, 26), ('acosh', acosh_args, math.acosh, 27),
                                ('atanh', atanh_args, math.atanh, 28), ('erf', hyp_args, math.erf, 29),
                                ('erfc', hyp_args, math.erfc, 30)):
        if sys.argv[1:] and name not in sys.argv[1:]:
            continue
        s = Stream(seed)
        out = []
        for i in range(N):
            a = gen(s, i)
            if not isinstance(a, tuple):
                a = (a,)
            r = show(f, *a)
            if r == 'inf' and (name == 'pow' and a[0] < 0 and a[1] % 2 == 1 or name == 'sinh' and a[0] < 0):
                r = '-inf'
            out.append('%s %d %s %s\n' % (name, i, ' '.join(x.hex() for x in a), r))
        sys.stdout.write(''.join(out))


main()
