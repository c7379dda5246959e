# uuid for minipy: 128-bit identifiers as RFC 4122 lays them out, kept as
# one int. Random bytes come from the system's generator (the native
# _urandom); uuid1 uses a random node, as CPython does when it cannot read
# a MAC address.
#
# The 128 bits, most significant first:
#   time_low 32 | time_mid 16 | time_hi_version 16 (version in its top 4)
#   | clock_seq_hi_variant 8 (variant in its top bits) | clock_seq_low 8
#   | node 48
import hashlib as _hashlib
from enum import Enum

__all__ = ["UUID", "uuid1", "uuid3", "uuid4", "uuid5", "SafeUUID",
           "NAMESPACE_DNS", "NAMESPACE_URL", "NAMESPACE_OID", "NAMESPACE_X500",
           "RESERVED_NCS", "RFC_4122", "RESERVED_MICROSOFT", "RESERVED_FUTURE"]

RESERVED_NCS = "reserved for NCS compatibility"
RFC_4122 = "specified in RFC 4122"
RESERVED_MICROSOFT = "reserved for Microsoft compatibility"
RESERVED_FUTURE = "reserved for future definition"

_as_int = int  # UUID's parameters shadow the builtin names
_as_bytes = bytes

# (name, bit width) of each field, from the most significant end.
_FIELDS = (("time_low", 32), ("time_mid", 16), ("time_hi_version", 16),
           ("clock_seq_hi_variant", 8), ("clock_seq_low", 8), ("node", 48))
_ARTICLE = {8: "an"}

_VERSION_SHIFT = 76    # the version: the top 4 bits of time_hi_version
_VARIANT_SHIFT = 62    # the variant: the top bits of clock_seq_hi_variant
_GREGORIAN_TO_UNIX = 0x01B21DD213814000  # 100 ns ticks from 1582-10-15 to 1970


class SafeUUID(Enum):
    """Whether the platform made a UUID in a way safe for multiprocessing."""
    safe = 0
    unsafe = -1
    unknown = None


def _from_fields(fields):
    if len(fields) != 6:
        raise ValueError("fields is not a 6-tuple")
    value = 0
    for number, ((_, width), part) in enumerate(zip(_FIELDS, fields), 1):
        if not 0 <= part < 1 << width:
            raise ValueError("field %d out of range (need %s %d-bit value)"
                             % (number, _ARTICLE.get(width, "a"), width))
        value = (value << width) | part
    return value


def _from_hex(text):
    for junk in ("urn:", "uuid:"):
        text = text.replace(junk, "")
    text = text.strip("{}").replace("-", "")
    if len(text) != 32:
        raise ValueError("badly formed hexadecimal UUID string")
    return _as_int(text, 16)


def _swap_le(raw):
    # bytes_le stores the first three fields little-endian.
    return raw[3::-1] + raw[5:3:-1] + raw[7:5:-1] + raw[8:]


class UUID:
    """A UUID, made from exactly one of hex, bytes, bytes_le, fields or
    int; version, when given, overwrites the variant and version bits."""

    __slots__ = ("int", "is_safe", "__weakref__")

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        sources = (hex, bytes, bytes_le, fields, int)
        if sum(s is not None for s in sources) != 1:
            raise TypeError("one of the hex, bytes, bytes_le, fields, "
                            "or int arguments must be given")
        if hex is not None:
            value = _from_hex(hex)
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError("bytes_le is not a 16-char string")
            value = _as_int.from_bytes(_swap_le(_as_bytes(bytes_le)), "big")
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            value = _as_int.from_bytes(bytes, "big")
        elif fields is not None:
            value = _from_fields(fields)
        else:
            value = int
            if not 0 <= value < 1 << 128:
                raise ValueError("int is out of range (need a 128-bit value)")
        if version is not None:
            if not 1 <= version <= 8:
                raise ValueError("illegal version number")
            # RFC 4122 variant (binary 10), then the version nibble.
            value = (value & ~(0x3 << _VARIANT_SHIFT)) | (0x2 << _VARIANT_SHIFT)
            value = (value & ~(0xF << _VERSION_SHIFT)) | (version << _VERSION_SHIFT)
        object.__setattr__(self, "int", value)
        object.__setattr__(self, "is_safe", is_safe)

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")

    def __getstate__(self):
        state = {"int": self.int}
        if self.is_safe != SafeUUID.unknown:
            state["is_safe"] = self.is_safe.value
        return state

    def __setstate__(self, state):
        object.__setattr__(self, "int", state["int"])
        object.__setattr__(self, "is_safe", SafeUUID(state["is_safe"])
                           if "is_safe" in state else SafeUUID.unknown)

    # Comparisons are those of the ints, between UUIDs only.
    def __eq__(self, other):
        return self.int == other.int if isinstance(other, UUID) else NotImplemented

    def __lt__(self, other):
        return self.int < other.int if isinstance(other, UUID) else NotImplemented

    def __le__(self, other):
        return self.int <= other.int if isinstance(other, UUID) else NotImplemented

    def __gt__(self, other):
        return self.int > other.int if isinstance(other, UUID) else NotImplemented

    def __ge__(self, other):
        return self.int >= other.int if isinstance(other, UUID) else NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, str(self))

    def __str__(self):
        digits = "%032x" % self.int
        return "-".join((digits[:8], digits[8:12], digits[12:16], digits[16:20], digits[20:]))

    @property
    def bytes(self):
        return self.int.to_bytes(16, "big")

    @property
    def bytes_le(self):
        return _swap_le(self.bytes)

    def _field(self, index):
        shift = sum(width for _, width in _FIELDS[index + 1:])
        return (self.int >> shift) & ((1 << _FIELDS[index][1]) - 1)

    @property
    def fields(self):
        return tuple(self._field(i) for i in range(6))

    time_low = property(lambda self: self._field(0))
    time_mid = property(lambda self: self._field(1))
    time_hi_version = property(lambda self: self._field(2))
    clock_seq_hi_variant = property(lambda self: self._field(3))
    clock_seq_low = property(lambda self: self._field(4))
    node = property(lambda self: self._field(5))

    @property
    def time(self):
        """The 60-bit timestamp of a version 1 UUID."""
        return ((self.time_hi_version & 0x0FFF) << 48) | (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3F) << 8) | self.clock_seq_low

    @property
    def hex(self):
        return "%032x" % self.int

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    @property
    def variant(self):
        # The leading bits of clock_seq_hi_variant: 0 NCS, 10 RFC 4122,
        # 110 Microsoft, 111 future.
        top = self.clock_seq_hi_variant >> 5
        if top < 4:
            return RESERVED_NCS
        if top < 6:
            return RFC_4122
        return RESERVED_MICROSOFT if top == 6 else RESERVED_FUTURE

    @property
    def version(self):
        if self.variant != RFC_4122:
            return None
        return self.time_hi_version >> 12


def uuid4():
    """A random UUID."""
    return UUID(bytes=_urandom(16), version=4)


def _named(hasher, version, namespace, name):
    if isinstance(name, str):
        name = name.encode("utf-8")
    digest = hasher(namespace.bytes + name).digest()
    return UUID(bytes=digest[:16], version=version)


def uuid3(namespace, name):
    """The UUID of name in namespace, by MD5."""
    return _named(_hashlib.md5, 3, namespace, name)


def uuid5(namespace, name):
    """The UUID of name in namespace, by SHA-1."""
    return _named(_hashlib.sha1, 5, namespace, name)


def uuid1(node=None, clock_seq=None):
    """A UUID from the time, a clock sequence and a node (random here)."""
    import time
    ticks = time.time_ns() // 100 + _GREGORIAN_TO_UNIX
    if clock_seq is None:
        clock_seq = _as_int.from_bytes(_urandom(2), "big") & 0x3FFF
    if node is None:
        # A random node has the multicast bit set, so it is never a MAC.
        node = _as_int.from_bytes(_urandom(6), "big") | (1 << 40)
    parts = (ticks & 0xFFFFFFFF, (ticks >> 32) & 0xFFFF, (ticks >> 48) & 0x0FFF,
             (clock_seq >> 8) & 0x3F, clock_seq & 0xFF, node)
    return UUID(fields=parts, version=1)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_OID = UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_X500 = UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8")
