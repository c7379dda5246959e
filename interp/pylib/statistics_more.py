# The parts of statistics written in Python: the averages over weights
# and logarithms, quantiles, the relations between two inputs,
# NormalDist and the kernel density estimates (kde, kde_random). The exact averages and spreads are Go's (mod_statistics.go),
# which hands this module StatisticsError, its plain fmean and the mean
# and sample standard deviation that NormalDist.from_samples takes.

import bisect
import math
import random
from collections import namedtuple
from fractions import Fraction

StatisticsError = _statistics_error()


def fmean(data, weights=None):
    if weights is None:
        return _fmean(data)
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    try:
        weighted = math.sumprod(data, weights)
    except ValueError:
        raise StatisticsError('data and weights must be the same length')
    weight = math.fsum(weights)
    if weight:
        return weighted / weight
    raise StatisticsError('sum of weights must be non-zero')


def geometric_mean(data):
    logs = []
    seen = 0
    zero = False
    for x in data:
        seen += 1
        if x > 0.0 or math.isnan(x):
            logs.append(math.log(x))
        elif x == 0.0:
            zero = True
        else:
            raise StatisticsError('No negative inputs allowed', x)
    if not seen:
        raise StatisticsError('Must have a non-empty dataset')
    total = math.fsum(logs)
    if math.isnan(total):
        return math.nan
    if zero:
        return math.nan if total == math.inf else 0.0
    return math.exp(total / seen)


def _exact(x):
    # The value of an int, float or Fraction as a Fraction, and whether
    # it was a float (the type the result takes).
    if isinstance(x, float):
        return Fraction(x), True
    if isinstance(x, (int, Fraction)):
        return Fraction(x), False
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _nonnegative(values, message):
    for v in values:
        if v < 0:
            raise StatisticsError(message)
        yield v


def harmonic_mean(data, weights=None):
    if iter(data) is data:
        data = list(data)
    message = 'harmonic mean does not support negative values'
    count = len(data)
    if count < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if count == 1 and weights is None:
        only = data[0]
        if not isinstance(only, (int, float, Fraction)):
            raise TypeError('unsupported type')
        if only < 0:
            raise StatisticsError(message)
        return only
    if weights is None:
        weights = [1] * count
        weight_sum = Fraction(count)
    else:
        weights = list(weights) if iter(weights) is weights else weights
        if len(weights) != count:
            raise StatisticsError('Number of weights does not match data size')
        weight_sum = sum(_exact(w)[0] for w in _nonnegative(weights, message))
    total = Fraction(0)
    as_float = False
    as_fraction = False
    try:
        for w, x in zip(weights, _nonnegative(data, message)):
            term = w / x if w else 0
            value, is_float = _exact(term)
            total += value
            as_float = as_float or is_float
            as_fraction = as_fraction or isinstance(term, Fraction)
    except ZeroDivisionError:
        return 0
    if not total > 0:
        raise StatisticsError('Weighted sum must be positive')
    result = weight_sum / total
    if as_float:
        return float(result)
    if as_fraction:
        return result
    return int(result) if result.denominator == 1 else float(result)


def median_grouped(data, interval=1.0):
    data = sorted(data)
    size = len(data)
    if not size:
        raise StatisticsError('no median for empty data')
    middle = data[size // 2]
    below = 0
    while data[below] < middle:
        below += 1
    upto = below
    while upto < size and data[upto] == middle:
        upto += 1
    try:
        interval = float(interval)
        middle = float(middle)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    lower = middle - interval / 2.0
    return lower + interval * (size / 2 - below) / (upto - below)


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    ordered = sorted(data)
    size = len(ordered)
    if size < 2:
        if size == 1:
            return ordered * (n - 1)
        raise StatisticsError('must have at least one data point')
    cuts = []
    if method == 'inclusive':
        span = size - 1
        for k in range(1, n):
            lo, frac = divmod(k * span, n)
            cuts.append((ordered[lo] * (n - frac) + ordered[lo + 1] * frac) / n)
        return cuts
    if method == 'exclusive':
        span = size + 1
        for k in range(1, n):
            hi = min(max(k * span // n, 1), size - 1)
            frac = k * span - hi * n
            cuts.append((ordered[hi - 1] * (n - frac) + ordered[hi] * frac) / n)
        return cuts
    raise ValueError(f'Unknown method: {method!r}')


def _sqrt_of_product(a, b):
    # sqrt(a * b) without overflow or underflow of the product, corrected
    # by one step of its Taylor series for the rounding of a * b.
    root = math.sqrt(a * b)
    if math.isinf(root) and not math.isinf(a) and not math.isinf(b):
        down = 2.0 ** -512
        return _sqrt_of_product(down * a, down * b) / down
    if not math.isfinite(root):
        return root
    if root == 0.0:
        if a and b:
            up = 2.0 ** 537
            return _sqrt_of_product(up * a, up * b) / up
        return root
    error = math.sumprod((a, root), (b, -root))
    return root + error / (2.0 * root)


def _centred(values, count):
    mean = math.fsum(values) / count
    return [v - mean for v in values], mean


def covariance(x, y, /):
    count = len(x)
    if len(y) != count:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if count < 2:
        raise StatisticsError('covariance requires at least two data points')
    dx, _ = _centred(x, count)
    dy, _ = _centred(y, count)
    return math.sumprod(dx, dy) / (count - 1)


def _ranks(values, start):
    # Each value's rank counting from start, ties sharing the mean of
    # their ranks.
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        shared = start + (i + j) / 2
        for k in range(i, j + 1):
            ranks[order[k]] = shared
        i = j + 1
    return ranks


def correlation(x, y, /, *, method='linear'):
    count = len(x)
    if len(y) != count:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if count < 2:
        raise StatisticsError('correlation requires at least two data points')
    if method == 'ranked':
        start = (count - 1) / -2
        dx = _ranks(list(x), start)
        dy = _ranks(list(y), start)
    elif method == 'linear':
        dx, _ = _centred(x, count)
        dy, _ = _centred(y, count)
    else:
        raise ValueError(f'Unknown method: {method!r}')
    try:
        return math.sumprod(dx, dy) / _sqrt_of_product(math.sumprod(dx, dx), math.sumprod(dy, dy))
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


# What linear_regression returns.
LinearRegression = namedtuple('LinearRegression', ['slope', 'intercept'])


def linear_regression(x, y, /, *, proportional=False):
    count = len(x)
    if len(y) != count:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if count < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if proportional:
        dx, dy = x, y
    else:
        dx, xmean = _centred(x, count)
        dy, ymean = _centred(y, count)
    sxx = math.sumprod(dx, dx)
    sxy = math.sumprod(dx, dy) + 0.0
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    return LinearRegression(slope=slope, intercept=0.0 if proportional else ymean - slope * xmean)


def _horner(coefficients, r):
    # The polynomial with these coefficients, highest power first.
    value = coefficients[0]
    for c in coefficients[1:]:
        value = value * r + c
    return value


# Wichura's algorithm AS241 (Applied Statistics 37, 1988): rational
# approximations of the normal distribution's quantile function in three
# ranges of p. Numerators then denominators, highest power first.
_AS241_CENTRAL = (
    (2509.0809287301226727, 33430.575583588128105, 67265.770927008700853,
     45921.953931549871457, 13731.693765509461125, 1971.5909503065514427,
     133.14166789178437745, 3.387132872796366608),
    (5226.495278852854561, 28729.085735721942674, 39307.89580009271061,
     21213.794301586595867, 5394.1960214247511077, 687.1870074920579083,
     42.313330701600911252, 1.0),
)
_AS241_NEAR = (
    (0.0007745450142783414076, 0.022723844989269184583, 0.2417807251774506117,
     1.2704582524523683826, 3.6478483247632045, 5.7694972214606914055,
     4.6303378461565452959, 1.4234371107496835773),
    (1.05075007164441684324e-9, 0.0005475938084995344946, 0.015198666563616457197,
     0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494,
     2.0531916266377588219, 1.0),
)
_AS241_TAIL = (
    (2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386,
     0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358,
     5.4637849111641143699, 6.6579046435011037772),
    (2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5,
     0.0007868691311456132591, 0.0148753612908506148525, 0.13692988092273580531,
     0.59983220655588793769, 1.0),
)


def _normal_quantile(p, mu, sigma):
    offset = p - 0.5
    if math.fabs(offset) <= 0.425:
        r = 0.180625 - offset * offset
        num, den = _AS241_CENTRAL
        z = _horner(num, r) * offset / _horner(den, r)
        return mu + z * sigma
    r = math.sqrt(-math.log(p if offset <= 0.0 else 1.0 - p))
    if r <= 5.0:
        r -= 1.6
        num, den = _AS241_NEAR
    else:
        r -= 5.0
        num, den = _AS241_TAIL
    z = _horner(num, r) / _horner(den, r)
    if offset < 0.0:
        z = -z
    return mu + z * sigma


class NormalDist:
    "Normal distribution of a random variable"

    __slots__ = ('_mu', '_sigma')

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu, self._sigma = float(mu), float(sigma)

    @classmethod
    def from_samples(cls, data):
        mu, sigma = _mean_stdev(data)
        return cls(mu, sigma)

    def samples(self, n, *, seed=None):
        draw = random.random if seed is None else random.Random(seed).random
        mu, sigma = self._mu, self._sigma
        return [_normal_quantile(draw(), mu, sigma) for _ in range(n)]

    def _check(self, spread, method):
        if not spread:
            raise StatisticsError(method + '() not defined when sigma is zero')

    def pdf(self, x):
        square = self._sigma * self._sigma
        self._check(square, 'pdf')
        d = x - self._mu
        return math.exp(d * d / (-2.0 * square)) / math.sqrt(math.tau * square)

    def cdf(self, x):
        self._check(self._sigma, 'cdf')
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def inv_cdf(self, p):
        if 0.0 < p < 1.0:
            return _normal_quantile(p, self._mu, self._sigma)
        raise StatisticsError('p must be in the range 0.0 < p < 1.0')

    def quantiles(self, n=4):
        return [self.inv_cdf(k / n) for k in range(1, n)]

    def overlap(self, other):
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        # The narrower (then lower) one first, so that the answer does not
        # depend on the order.
        a, b = (other, self) if (other._sigma, other._mu) < (self._sigma, self._mu) else (self, other)
        va, vb = a._sigma * a._sigma, b._sigma * b._sigma
        if not (va and vb):
            raise StatisticsError('overlap() not defined when sigma is zero')
        dv = vb - va
        dm = math.fabs(b._mu - a._mu)
        if not dv:
            return 1.0 - math.erf(dm / (2.0 * a._sigma * math.sqrt(2.0)))
        base = a._mu * vb - b._mu * va
        spread = a._sigma * b._sigma * math.sqrt(dm * dm + dv * math.log(vb / va))
        left, right = (base + spread) / dv, (base - spread) / dv
        return 1.0 - (math.fabs(b.cdf(left) - a.cdf(left)) + math.fabs(b.cdf(right) - a.cdf(right)))

    def zscore(self, x):
        self._check(self._sigma, 'zscore')
        return (x - self._mu) / self._sigma

    mean = property(lambda self: self._mu, doc='Arithmetic mean of the normal distribution.')
    median = property(lambda self: self._mu, doc='The median: the mean.')
    mode = property(lambda self: self._mu, doc='The mode: the mean.')
    stdev = property(lambda self: self._sigma, doc='Standard deviation of the normal distribution.')
    variance = property(lambda self: self._sigma * self._sigma, doc='The square of stdev.')

    def __add__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu + other._mu, math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu + other, self._sigma)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu - other._mu, math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu - other, self._sigma)

    def __rsub__(self, other):
        return -(self - other)

    def __mul__(self, k):
        return NormalDist(self._mu * k, self._sigma * math.fabs(k))

    __rmul__ = __mul__

    def __truediv__(self, k):
        return NormalDist(self._mu / k, self._sigma / math.fabs(k))

    def __pos__(self):
        return NormalDist(self._mu, self._sigma)

    def __neg__(self):
        return NormalDist(-self._mu, self._sigma)

    def __eq__(self, other):
        if isinstance(other, NormalDist):
            return self._mu == other._mu and self._sigma == other._sigma
        return NotImplemented

    def __hash__(self):
        return hash(self.__getstate__())

    def __repr__(self):
        return '%s(mu=%r, sigma=%r)' % (type(self).__name__, self._mu, self._sigma)

    def __getstate__(self):
        return (self._mu, self._sigma)

    def __setstate__(self, state):
        mu, sigma = state
        self._mu, self._sigma = mu, sigma


# The names this file adds to statistics (mod_statistics.go copies them).
__all__ = ['fmean', 'geometric_mean', 'harmonic_mean', 'median_grouped',
           'quantiles', 'covariance', 'correlation', 'LinearRegression',
           'linear_regression', 'NormalDist', 'kde', 'kde_random']


# Kernel density estimation (3.13). Each kernel is its density on t in
# units of the bandwidth, its integral from the left, and half the width
# it gives weight over (None: every point counts). The arithmetic is in
# CPython's order, so estimates agree to the last bit.

def _kernel_normal():
    root_tau = math.sqrt(2 * math.pi)
    root2 = math.sqrt(2)
    return (lambda t: math.exp(-1/2 * t * t) / root_tau,
            lambda t: 1/2 * (1.0 + math.erf(t / root2)), None)


def _kernel_logistic():
    return (lambda t: 1/2 / (1.0 + math.cosh(t)),
            lambda t: 1.0 - 1.0 / (math.exp(t) + 1.0), None)


def _kernel_sigmoid():
    inv_pi, two_over_pi = 1 / math.pi, 2 / math.pi
    return (lambda t: inv_pi / math.cosh(t),
            lambda t: two_over_pi * math.atan(math.exp(t)), None)


def _kernel_rectangular():
    return (lambda t: 1/2, lambda t: 1/2 * t + 1/2, 1.0)


def _kernel_triangular():
    return (lambda t: 1.0 - abs(t),
            lambda t: t*t * (1/2 if t < 0.0 else -1/2) + t + 1/2, 1.0)


def _parabolic_cdf(t):
    return -1/4 * t**3 + 3/4 * t + 1/2


def _kernel_parabolic():
    return (lambda t: 3/4 * (1.0 - t * t), _parabolic_cdf, 1.0)


def _quartic_pdf(t):
    return 15/16 * (1.0 - t * t) ** 2


def _quartic_cdf(t):
    return 3/16 * t**5 - 5/8 * t**3 + 15/16 * t + 1/2


def _triweight_pdf(t):
    return 35/32 * (1.0 - t * t) ** 3


def _triweight_cdf(t):
    return 35/32 * (-1/7*t**7 + 3/5*t**5 - t**3 + t) + 1/2


def _kernel_cosine():
    quarter_pi, half_pi = math.pi / 4, math.pi / 2
    return (lambda t: quarter_pi * math.cos(half_pi * t),
            lambda t: 1/2 * math.sin(half_pi * t) + 1/2, 1.0)


_KERNELS = {
    'normal': _kernel_normal, 'gauss': _kernel_normal,
    'logistic': _kernel_logistic, 'sigmoid': _kernel_sigmoid,
    'rectangular': _kernel_rectangular, 'uniform': _kernel_rectangular,
    'triangular': _kernel_triangular,
    'parabolic': _kernel_parabolic, 'epanechnikov': _kernel_parabolic,
    'quartic': lambda: (_quartic_pdf, _quartic_cdf, 1.0),
    'biweight': lambda: (_quartic_pdf, _quartic_cdf, 1.0),
    'triweight': lambda: (_triweight_pdf, _triweight_cdf, 1.0),
    'cosine': _kernel_cosine,
}


def _check_kde_args(data, h):
    if not len(data):
        raise StatisticsError('Empty data sequence')
    if not isinstance(data[0], (int, float)):
        raise TypeError('Data sequence must contain ints or floats')
    if h <= 0.0:
        raise StatisticsError(f'Bandwidth h must be positive, not {h=!r}')


def kde(data, h, kernel='normal', *, cumulative=False):
    _check_kde_args(data, h)
    make = _KERNELS.get(kernel)
    if make is None:
        raise StatisticsError(f'Unknown kernel name: {kernel!r}')
    density, integral, support = make()
    term = integral if cumulative else density

    if support is None:
        def estimate(x):
            total = sum(term((x - point) / h) for point in data)
            return total / len(data) if cumulative else total / (len(data) * h)
    else:
        reach = h * support
        # The sorted data, sorted again when data has changed length.
        cache = [len(data), sorted(data)]

        def estimate(x):
            if len(data) != cache[0]:
                cache[:] = [len(data), sorted(data)]
            count, ordered = cache
            lo = bisect.bisect_left(ordered, x - reach)
            hi = bisect.bisect_right(ordered, x + reach)
            near = (term((x - point) / h) for point in ordered[lo:hi])
            if cumulative:
                # Every point left of the window counts whole.
                return sum(near, lo) / count
            return sum(near) / (count * h)

    what = 'CDF' if cumulative else 'PDF'
    estimate.__name__ = 'cdf' if cumulative else 'pdf'
    estimate.__qualname__ = 'kde.<locals>.' + estimate.__name__
    estimate.__doc__ = f'{what} estimate with {h=!r} and {kernel=!r}'
    return estimate


def _solve_by_newton(guess, f, slope, p):
    # From guess, steps along the tangent until f is within 1e-12 of p.
    x = guess(p)
    while True:
        miss = f(x) - p
        if abs(miss) <= 1e-12:
            return x
        x -= miss / slope(x)


def _mirrored_guess(power, wiggle=False):
    # A first guess at an inverse CDF symmetric about 1/2.
    def guess(p):
        if p <= 1/2:
            sign = 1.0
        else:
            sign, p = -1.0, 1.0 - p
        x = (2.0 * p) ** power - 1.0
        if wiggle and p >= 0.004:
            x += 0.026818732 * math.sin(7.101753784 * p + 2.73230839482953)
        return x * sign
    return guess


_QUARTIC_GUESS = _mirrored_guess(0.4258865685331, wiggle=True)
_TRIWEIGHT_GUESS = _mirrored_guess(0.3400218741872791)


def _triangular_quantile(p):
    if p < 1/2:
        return math.sqrt(2*p) - 1
    return 1 - math.sqrt(2 - 2*p)


_QUANTILES = {
    'normal': lambda p: _normal_quantile(p, 0.0, 1.0),
    'logistic': lambda p: math.log(p / (1 - p)),
    'sigmoid': lambda p: math.log(math.tan(p * math.pi/2)),
    'rectangular': lambda p: 2*p - 1,
    'triangular': _triangular_quantile,
    'parabolic': lambda p: 2 * math.cos((math.acos(2*p-1) + math.pi) / 3),
    'quartic': lambda p: _solve_by_newton(_QUARTIC_GUESS, _quartic_cdf, _quartic_pdf, p),
    'triweight': lambda p: _solve_by_newton(_TRIWEIGHT_GUESS, _triweight_cdf, _triweight_pdf, p),
    'cosine': lambda p: 2 * math.asin(2*p - 1) / math.pi,
}
for _alias, _name in (('gauss', 'normal'), ('uniform', 'rectangular'),
                      ('epanechnikov', 'parabolic'), ('biweight', 'quartic')):
    _QUANTILES[_alias] = _QUANTILES[_name]


def kde_random(data, h, kernel='normal', *, seed=None):
    _check_kde_args(data, h)
    quantile = _QUANTILES.get(kernel)
    if quantile is None:
        raise StatisticsError(f'Unknown kernel name: {kernel!r}')
    generator = random.Random(seed)

    def rand():
        return generator.choice(data) + h * quantile(generator.random())

    rand.__doc__ = f'Random KDE selection with {h=!r} and {kernel=!r}'
    return rand
