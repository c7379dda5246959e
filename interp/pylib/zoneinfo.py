# zoneinfo for minipy, written for it: IANA time zones as tzinfo objects.
# Go's time package reads the zone database (_zone_at gives a zone's UTC
# offset, DST flag and abbreviation at an instant); here those become a
# wall time's utcoffset, dst and tzname, with PEP 495's folds: of a wall
# time that happens twice (clocks set back) fold=0 is the first, and of
# one that never happens (clocks set forward) fold=0 takes the offset
# before the change, fold=1 the one after.

from datetime import tzinfo, timedelta, datetime
import os as _os

__all__ = ["ZoneInfo", "ZoneInfoNotFoundError", "InvalidTZPathWarning", "available_timezones", "TZPATH",
           "reset_tzpath"]

TZPATH = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo")

_EPOCH = datetime(1970, 1, 1)
_DAY = 86400


class ZoneInfoNotFoundError(KeyError):
    pass


class InvalidTZPathWarning(RuntimeWarning):
    pass


def reset_tzpath(to=None):
    global TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError(f"tzpaths must be a list or tuple, not {type(to)}: {to!r}")
        TZPATH = tuple(to)


def _check_key(key):
    if not isinstance(key, str):
        raise TypeError(f"key must be str, not {type(key).__name__}")
    if _os.path.isabs(key):
        raise ValueError(f"ZoneInfo keys may not be absolute paths, got: {key}")
    norm = _os.path.normpath(key)
    if len(norm) != len(key):
        raise ValueError(f"ZoneInfo keys must be normalized relative paths, got: {key}")
    if norm == ".." or norm.startswith("../"):
        raise ValueError(f"ZoneInfo keys must refer to subdirectories of TZPATH, got: {key}")


def _seconds(dt):
    # The wall time read as if it were UTC, in whole seconds.
    return (dt.replace(tzinfo=None) - _EPOCH) // timedelta(seconds=1)


class ZoneInfo(tzinfo):
    _cache = {}

    def __new__(cls, key):
        found = cls._cache.get((cls, key))
        if found is None:
            found = cls.no_cache(key)
            cls._cache[(cls, key)] = found
        return found

    @classmethod
    def no_cache(cls, key):
        _check_key(key)
        if not _zone_exists(key):
            raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
        self = tzinfo.__new__(cls)
        self._key = key
        return self

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        for k in list(cls._cache):
            if only_keys is None or k[1] in only_keys:
                del cls._cache[k]

    @property
    def key(self):
        return self._key

    def __repr__(self):
        return f"{type(self).__module__}.{type(self).__qualname__}(key={self._key!r})"

    def __str__(self):
        return self._key

    def __reduce__(self):
        return (type(self), (self._key,))

    def _at(self, seconds):
        return _zone_at(self._key, seconds)

    def _local(self, dt):
        # (offset, is_dst, name) in effect at wall time dt.
        s = _seconds(dt)
        before = self._at(s - _DAY)
        after = self._at(s + _DAY)
        valid = []
        for cand in (before, after):
            got = self._at(s - cand[0])
            if got[0] == cand[0] and got not in valid:
                valid.append(got)
        if len(valid) == 2:
            # Twice (clocks set back): fold=0 is the earlier instant,
            # the larger offset.
            valid.sort(key=lambda v: -v[0])
            return valid[dt.fold]
        if len(valid) == 1:
            return valid[0]
        # Never (clocks set forward): the offset before, or after.
        return before if dt.fold == 0 else after

    def _tzif(self):
        # The zone's TZif data (see _read_tzif), read once; None when no
        # file under TZPATH holds it.
        try:
            return self._tzif_data
        except AttributeError:
            pass
        data = None
        for root in TZPATH:
            try:
                with open(_os.path.join(root, self._key), "rb") as f:
                    data = _read_tzif(f.read())
                data += (_dst_offsets(data),)
                break
            except (OSError, ValueError, IndexError):
                continue
        self._tzif_data = data
        return data

    def _fixed(self):
        # (offset, name) of a zone whose answers never depend on the time
        # (one local time type and a footer without daylight time), as
        # CPython's utcoffset/dst/tzname(None) answer for; else None.
        data = self._tzif()
        if data is None:
            return None
        trans, idxs, types, footer, _ = data
        if len(types) != 1 or types[0][1]:
            return None
        if footer is not None and footer != (types[0][0], None, types[0][2]):
            return None
        return types[0][0], types[0][2]

    def _dst_seconds(self, instant, offset):
        # dst() as CPython's zoneinfo infers it from the TZif data: a
        # daylight type's distance from the standard offset next to one of
        # its transitions (_dst_offsets), or, past the last transition, the
        # footer's daylight minus standard offset.
        data = self._tzif()
        if data is None:
            return 3600
        trans, idxs, types, footer, dst_offsets = data
        if footer is not None and (not trans or instant >= trans[-1]):
            return offset - footer[0]
        i = _bisect_right(trans, instant) - 1
        # A wall time in a gap maps to an instant on the other side of
        # the transition whose offset it takes: use the neighbour whose
        # type has that offset.
        for j in (i, i + 1, i - 1):
            if 0 <= j < len(idxs) and types[idxs[j]][0] == offset and types[idxs[j]][1]:
                return dst_offsets[idxs[j]]
        if i < 0:
            return 0
        return dst_offsets[idxs[i]]

    def utcoffset(self, dt):
        if dt is None:
            fixed = self._fixed()
            return None if fixed is None else timedelta(seconds=fixed[0])
        return timedelta(seconds=self._local(dt)[0])

    def dst(self, dt):
        if dt is None:
            return None if self._fixed() is None else timedelta(0)
        off, is_dst, _ = self._local(dt)
        if not is_dst:
            return timedelta(0)
        return timedelta(seconds=self._dst_seconds(_seconds(dt) - off, off))

    def tzname(self, dt):
        if dt is None:
            fixed = self._fixed()
            return None if fixed is None else fixed[1]
        return self._local(dt)[2]

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        u = _seconds(dt)
        off = self._at(u)[0]
        wall = dt + timedelta(seconds=off)
        # fold=1 when the same wall time came earlier under a larger offset.
        earlier = self._at(u - _DAY)[0]
        fold = 0
        if earlier > off:
            w = u + off
            if self._at(w - earlier)[0] == earlier and w - earlier < u:
                fold = 1
        return wall.replace(fold=fold)


def _bisect_right(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _read_tzif(b):
    # A TZif file (RFC 8536) as (transition instants, the local time type
    # index after each, types as (utoff, isdst, abbreviation), footer),
    # from the 64-bit data of version 2+ files; footer is the TZ string's
    # (standard offset, daylight offset or None, standard name) or None.
    if b[:4] != b"TZif":
        raise ValueError("not a TZif file")

    def counts(at):
        return [int.from_bytes(b[at + 20 + 4 * k:at + 24 + 4 * k], "big") for k in range(6)]

    def v1_size(c):
        isut, isstd, leap, time, typ, char = c
        return 44 + time * 5 + typ * 6 + char + leap * 8 + isstd + isut

    c = counts(0)
    at, tsize = 0, 4
    if b[4:5] >= b"2":
        at, tsize = v1_size(c), 8
        c = counts(at)
    isut, isstd, leap, time, typ, char = c
    p = at + 44
    trans = [int.from_bytes(b[p + tsize * k:p + tsize * (k + 1)], "big", signed=True) for k in range(time)]
    p += tsize * time
    idxs = list(b[p:p + time])
    p += time
    raw = []
    for k in range(typ):
        q = p + 6 * k
        raw.append((int.from_bytes(b[q:q + 4], "big", signed=True), b[q + 4], b[q + 5]))
    p += 6 * typ
    chars = b[p:p + char]
    types = []
    for off, isdst, ai in raw:
        end = chars.find(b"\0", ai)
        types.append((off, bool(isdst), chars[ai:end if end >= 0 else len(chars)].decode("ascii")))
    p += char + leap * (tsize + 4) + isstd + isut
    footer = None
    if tsize == 8:
        rest = b[p:]
        if rest.startswith(b"\n"):
            end = rest.find(b"\n", 1)
            if end > 1:
                footer = _parse_tz_footer(rest[1:end].decode("ascii"))
    return trans, idxs, types, footer


def _parse_tz_footer(s):
    # A POSIX TZ string's standard offset (seconds east of UTC), daylight
    # name (None without daylight time) and standard name.
    def name(i):
        if s[i:i + 1] == "<":
            j = s.index(">", i)
            return s[i + 1:j], j + 1
        j = i
        while j < len(s) and s[j].isalpha():
            j += 1
        return s[i:j], j

    def offset(i):
        sign = 1
        if s[i:i + 1] in ("+", "-"):
            sign = -1 if s[i] == "-" else 1
            i += 1
        j = i
        while j < len(s) and (s[j].isdigit() or s[j] == ":"):
            j += 1
        parts = [int(x) for x in s[i:j].split(":")]
        secs = sum(v * m for v, m in zip(parts, (3600, 60, 1)))
        return sign * secs, j

    std, i = name(0)
    off, i = offset(i)
    dst = None
    if i < len(s) and s[i] != ",":
        dst, i = name(i)
    # POSIX offsets count west of UTC.
    return -off, dst, std


def _dst_offsets(data):
    # Each local time type's dst(), as CPython's zoneinfo infers it: for
    # a daylight type, its first transition (after the file's first) whose
    # previous type is standard gives utoff minus that one's; failing
    # that, when the type is not the last one, the next transition's
    # standard type; types never settled this way get one hour.
    trans, idxs, types, footer = data
    n = len(types)
    offs = [0] * n
    for i in range(1, len(idxs)):
        idx = idxs[i]
        off, isdst, _ = types[idx]
        if not isdst or offs[idx]:
            continue
        d = 0
        prev = types[idxs[i - 1]]
        if not prev[1]:
            d = off - prev[0]
        if not d and idx < n - 1 and i + 1 < len(idxs):
            nxt = types[idxs[i + 1]]
            if nxt[1]:
                continue
            d = off - nxt[0]
        if d:
            offs[idx] = d
    for idx in range(n):
        if not offs[idx] and types[idx][1]:
            offs[idx] = 3600
    return offs


def available_timezones():
    # The keys of the zone database: TZif files under TZPATH.
    keys = set()
    for root in TZPATH:
        if not _os.path.isdir(root):
            continue
        for dirpath, dirnames, filenames in _os.walk(root):
            if dirpath == root:
                for skip in ("posix", "right"):
                    if skip in dirnames:
                        dirnames.remove(skip)
            for name in filenames:
                path = _os.path.join(dirpath, name)
                key = _os.path.relpath(path, root)
                if key == "posixrules" or "." in name:
                    continue
                try:
                    with open(path, "rb") as f:
                        if f.read(4) != b"TZif":
                            continue
                except OSError:
                    continue
                keys.add(key)
        break
    return keys
