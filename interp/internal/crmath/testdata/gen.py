# Regenerates cpython.txt: for each function, random arguments plus edge
# cases, with CPython 3.11's math result (the C library's) and the
# correctly rounded result computed by mpmath at 300 bits.
# Run with CPython 3.11 (glibc 2.36) and mpmath 1.3:
#   python3 gen.py > cpython.txt
import math, random
from fractions import Fraction
import mpmath

mpmath.mp.prec = 300
mp = mpmath.mp


def cr(v):
    # mpf -> float rounds twice for subnormals: go through an exact
    # Fraction, whose float() rounds once.
    sign, m, e, _ = mpmath.mpf(v)._mpf_
    return (-1)**sign * float(Fraction(m) * Fraction(2)**e) if m else 0.0


fns = {
    'sin': (math.sin, mpmath.sin), 'cos': (math.cos, mpmath.cos), 'tan': (math.tan, mpmath.tan),
    'exp': (math.exp, mpmath.exp), 'log': (math.log, mpmath.log), 'log10': (math.log10, mpmath.log10),
    'log2': (math.log2, lambda x: mpmath.log(x, 2)), 'expm1': (math.expm1, mpmath.expm1),
    'log1p': (math.log1p, mpmath.log1p), 'atan': (math.atan, mpmath.atan),
    'asin': (math.asin, mpmath.asin), 'acos': (math.acos, mpmath.acos),
    'sinh': (math.sinh, mpmath.sinh), 'cosh': (math.cosh, mpmath.cosh), 'tanh': (math.tanh, mpmath.tanh),
    'cbrt': (math.cbrt, lambda x: mpmath.sign(x) * mpmath.cbrt(abs(x))),
    'atan2': (math.atan2, mpmath.atan2), 'hypot': (math.hypot, lambda a, b: mpmath.sqrt(mpmath.mpf(a)**2 + mpmath.mpf(b)**2)),
    'pow': (math.pow, lambda a, b: mpmath.power(mpmath.mpf(a), mpmath.mpf(b))),
    'degrees': (math.degrees, lambda x: x * 180 / mpmath.pi), 'radians': (math.radians, lambda x: x * mpmath.pi / 180),
}

U = random.uniform


def expu(lo, hi):
    return lambda: math.exp(U(lo, hi))


def sgn(g):
    return lambda: random.choice((-1, 1)) * g()


gens = {
    'sin': [lambda: U(-10, 10), lambda: U(-1e6, 1e6), sgn(expu(-40, 700))],
    'exp': [lambda: U(-745, 709), lambda: U(-1, 1), sgn(expu(-40, 0))],
    'log': [expu(-700, 700), lambda: U(0.5, 2)],
    'atan': [lambda: U(-10, 10), sgn(expu(-40, 40))],
    'asin': [lambda: U(-1, 1), sgn(lambda: 1 - math.exp(U(-40, 0)))],
    'sinh': [lambda: U(-20, 20), lambda: U(-710, 710), sgn(expu(-40, 0))],
    'tanh': [lambda: U(-5, 5), sgn(expu(-40, 3))],
    'cbrt': [lambda: U(-1e6, 1e6), sgn(expu(-700, 700))],
    'expm1': [lambda: U(-5, 5), sgn(expu(-40, 0)), lambda: U(-40, 709)],
    'log1p': [lambda: U(-0.9, 5), sgn(expu(-40, -1)), expu(0, 700)],
    'atan2': [lambda: (U(-100, 100), U(-100, 100)), lambda: (sgn(expu(-300, 300))(), sgn(expu(-300, 300))())],
    'hypot': [lambda: (U(-100, 100), U(-100, 100)), lambda: (sgn(expu(-300, 300))(), sgn(expu(-300, 300))())],
    'pow': [lambda: (U(0, 10), U(-10, 10)), lambda: (math.exp(U(-20, 20)), U(-30, 30)), lambda: (U(-10, 10), float(random.randint(-40, 40)))],
}
gens['degrees'] = gens['radians'] = [lambda: U(-1000, 1000), sgn(expu(-300, 300))]
gens['cos'] = gens['tan'] = gens['sin']
gens['log10'] = gens['log2'] = gens['log']
gens['acos'] = gens['asin']
gens['cosh'] = gens['sinh']

edges1 = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1e-20, 1e-8, 0.5, 1.0, -1.0, 2.0, 3.0,
          10.0, 27.0, 64.0, 100.0, 1e22, 1e300, 1.7976931348623157e308, -1.7976931348623157e308,
          math.pi, math.pi / 2, math.pi / 4, 0.1, 0.7, 709.78, 710.0, -745.0, -746.0, 22.0, 1e15]


def show(v):
    return v.hex() if isinstance(v, float) else v


random.seed(11)
for name, (f, ref) in fns.items():
    two = name in ('atan2', 'hypot', 'pow')
    args = []
    for _ in range(500):
        g = random.choice(gens[name])
        a = g()
        args.append(a if two else (a,))
    if two:
        args += [(a, b) for a in (0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 10.0, 1e-300, 1e300) for b in (0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, 1e-300, 1e300)]
    else:
        args += [(x,) for x in edges1]
    for a in args:
        try:
            r = f(*a)
        except (ValueError, OverflowError) as e:
            continue
        if math.isinf(r) or math.isnan(r) or r == 0 or 0.0 in a:
            c = r
        else:
            c = cr(ref(*[mpmath.mpf(v) for v in a]))
        print(name, *(v.hex() for v in a), *(['-'] if not two else []), r.hex(), c.hex())
