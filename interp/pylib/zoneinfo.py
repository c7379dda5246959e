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

    def _std_offset(self, seconds, offset):
        # The standard offset near an instant in daylight time.
        for weeks in range(1, 54):
            for sign in (-1, 1):
                off, dst, _ = self._at(seconds + sign * weeks * 7 * _DAY)
                if not dst:
                    return off
        return offset

    def utcoffset(self, dt):
        if dt is None:
            return None
        return timedelta(seconds=self._local(dt)[0])

    def dst(self, dt):
        if dt is None:
            return None
        off, is_dst, _ = self._local(dt)
        if not is_dst:
            return timedelta(0)
        return timedelta(seconds=off - self._std_offset(_seconds(dt) - off, off))

    def tzname(self, dt):
        if dt is None:
            return None
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
