# hmac for minipy: keyed hashing as RFC 2104 defines it, over any hashlib
# hash. The key, padded to the hash's block size, is mixed into two
# hashes: an inner one that sees the message and an outer one that sees
# the inner digest.
import hashlib as _hl

__all__ = ["new", "compare_digest", "digest", "HMAC", "digest_size"]

# The two pads as translation tables, so key.translate(pad) xors every byte.
trans_5C = bytes(b ^ 0x5C for b in range(256))
trans_36 = bytes(b ^ 0x36 for b in range(256))

# The module's digest_size is None: it depends on the hash chosen.
digest_size = None

_KEY_TYPES = (bytes, bytearray)


def _hash_maker(digestmod):
    """A function of one optional bytes argument returning a fresh hash."""
    if digestmod is None or (isinstance(digestmod, str) and not digestmod):
        raise TypeError("Missing required argument 'digestmod'.")
    if isinstance(digestmod, str):
        return lambda data=b"": _hl.new(digestmod, data)
    if callable(digestmod):
        return digestmod
    # A module such as hashlib's own sha256 module: it has new().
    return digestmod.new


class HMAC:
    """An HMAC object: update() it with the message, read digest() at any time."""

    blocksize = 64  # the legacy class attribute; instances use block_size

    def __init__(self, key, msg=None, digestmod=""):
        if not isinstance(key, _KEY_TYPES):
            raise TypeError("key: expected bytes or bytearray, but got %r"
                            % type(key).__name__)
        make = _hash_maker(digestmod)
        self._in_hash = make()
        self._out_hash = make()
        self.digest_size = self._out_hash.digest_size
        size = getattr(self._in_hash, "block_size", None)
        if size is None or size < 16:
            import warnings
            # Level 1, this method, as CPython's level 2 names its own
            # HMAC.__init__ (which calls the method that warns).
            if size is None:
                warnings.warn("No block_size attribute on given digest object; "
                              "Assuming %d." % self.blocksize, RuntimeWarning, 1)
            else:
                warnings.warn("block_size of %d seems too small; using our "
                              "default of %d." % (size, self.blocksize),
                              RuntimeWarning, 1)
            size = self.blocksize
        self.block_size = size
        # A key longer than a block is replaced by its digest; then the key
        # is zero-padded to exactly one block before the pads are applied.
        if len(key) > size:
            key = make(key).digest()
        key = bytes(key) + bytes(size - len(key))
        self._out_hash.update(key.translate(trans_5C))
        self._in_hash.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._in_hash.name

    def update(self, msg):
        """Feed more of the message."""
        self._in_hash.update(msg)

    def copy(self):
        """An independent HMAC object in the same state."""
        twin = HMAC.__new__(HMAC)
        twin.digest_size = self.digest_size
        twin.block_size = self.block_size
        twin._in_hash = self._in_hash.copy()
        twin._out_hash = self._out_hash.copy()
        return twin

    def _finish(self):
        # The outer hash over the inner digest so far, on copies so that
        # update() may go on afterwards.
        last = self._out_hash.copy()
        last.update(self._in_hash.digest())
        return last

    def digest(self):
        """The MAC of the message so far, as bytes."""
        return self._finish().digest()

    def hexdigest(self):
        """The MAC of the message so far, as hex digits."""
        return self._finish().hexdigest()


def new(key, msg=None, digestmod=""):
    """A new HMAC object for key, fed msg if given, over the hash digestmod."""
    return HMAC(key, msg=msg, digestmod=digestmod)


def digest(key, msg, digest):
    """The MAC of msg under key with the hash digest, in one call."""
    return HMAC(key, msg, digest).digest()


def _buffer(x):
    # x's bytes when x offers the buffer protocol, else None.
    if isinstance(x, bytes):
        return x
    if isinstance(x, (str, int, float)) or x is None:
        return None
    try:
        return memoryview(x).tobytes()
    except TypeError:
        return None


def compare_digest(a, b):
    """a == b for two ASCII strings or two bytes-like objects, taking the
    same time wherever they differ."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        x, y = a.encode(), b.encode()
    else:
        x, y = _buffer(a), _buffer(b)
        if x is None and y is None:
            raise TypeError("unsupported operand types(s) or combination of types: "
                            "'%s' and '%s'" % (type(a).__name__, type(b).__name__))
        if x is None or y is None:
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(b if x is not None else a).__name__)
    # Fold every difference into one value; compare against x itself when the
    # lengths differ so the loop still runs the whole length.
    diff = len(x) ^ len(y)
    if diff:
        y = x
    for p, q in zip(x, y):
        diff |= p ^ q
    return diff == 0
