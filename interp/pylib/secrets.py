# secrets for minipy, written for it: random numbers and tokens from the
# system's generator (_urandom, Go's crypto/rand).

import base64 as _base64

__all__ = ["choice", "randbelow", "randbits", "token_bytes", "token_hex", "token_urlsafe", "compare_digest",
           "SystemRandom"]

DEFAULT_ENTROPY = 32


def randbits(k):
    if k < 0:
        raise ValueError("number of bits must be non-negative")
    if k == 0:
        return 0
    n = (k + 7) // 8
    return int.from_bytes(_urandom(n), "big") >> (n * 8 - k)


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    k = exclusive_upper_bound.bit_length()
    r = randbits(k)
    while r >= exclusive_upper_bound:
        r = randbits(k)
    return r


def choice(seq):
    if not len(seq):
        raise IndexError("Cannot choose from an empty sequence")
    return seq[randbelow(len(seq))]


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _urandom(nbytes)


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    return _base64.urlsafe_b64encode(tok).rstrip(b"=").decode("ascii")


def compare_digest(a, b):
    if isinstance(a, str) != isinstance(b, str):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    if isinstance(a, str):
        a, b = a.encode("ascii"), b.encode("ascii")
    if len(a) != len(b):
        return False
    diff = 0
    for x, y in zip(a, b):
        diff |= x ^ y
    return diff == 0


class SystemRandom:
    def random(self):
        return randbits(53) / 9007199254740992

    def randbelow(self, n):
        return randbelow(n)

    def randrange(self, start, stop=None):
        if stop is None:
            start, stop = 0, start
        return start + randbelow(stop - start)

    def randint(self, a, b):
        return a + randbelow(b - a + 1)

    def choice(self, seq):
        return choice(seq)

    def getrandbits(self, k):
        return randbits(k)
