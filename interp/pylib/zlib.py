# zlib: compress and decompress deflate streams (zlib, gzip and raw
# formats) and the crc32/adler32 checksums, over mod_zlib.go's helpers.
# Decompressing is exact; compressed bytes are valid streams of the same
# format and level, but not zlib's own choice of matches.

_exported = ("_decompress", "_compress", "_check_level")

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = "1.3.1"
ZLIB_RUNTIME_VERSION = "1.3.1"


class error(Exception):
    pass


def _check_level(level):
    if not -1 <= level <= 9:
        raise error("Bad compression level")


def _bytes(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return data


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    _check_level(level)
    if not (9 <= wbits <= 15 or -15 <= wbits <= -9 or 25 <= wbits <= 31):
        raise error("Bad compression level" if wbits else "Invalid initialization option")
    return _compress(_bytes(data), level, wbits)


def _inflate(data, wbits, what):
    if not (wbits == 0 or 8 <= wbits <= 15 or -15 <= wbits <= -8 or
            24 <= wbits <= 31 or 40 <= wbits <= 47):
        raise error("Error -2 while preparing to decompress data: inconsistent stream state")
    out, used, code, msg = _decompress(data, wbits)
    if code == -2:
        raise error("Error -2 while preparing to decompress data: %s" % msg)
    return out, used, code, msg


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    data = _bytes(data)
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    out, used, code, msg = _inflate(data, wbits, "decompressing")
    if code:
        raise error("Error %d while decompressing data: %s" % (code, msg))
    return out


class _Compress:
    # Input is kept until flush(Z_FINISH): the stream is compressed whole,
    # and compress() gives b'' (zlib may hold back all its output too).
    def __init__(self, level, wbits):
        self._level = level
        self._wbits = wbits
        self._parts = []
        self._done = False

    def compress(self, data):
        if self._done:
            raise error("Error -2 while compressing data: inconsistent stream state")
        self._parts.append(bytes(_bytes(data)))
        return b""

    def flush(self, mode=Z_FINISH):
        if mode == Z_NO_FLUSH:
            return b""
        if mode != Z_FINISH:
            # A sync or full flush: minipy keeps the data for the end.
            return b""
        if self._done:
            return b""
        self._done = True
        return _compress(b"".join(self._parts), self._level, self._wbits)

    def copy(self):
        c = _Compress(self._level, self._wbits)
        c._parts = list(self._parts)
        c._done = self._done
        return c


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    _check_level(level)
    if method != DEFLATED or not (9 <= wbits <= 15 or -15 <= wbits <= -9 or 25 <= wbits <= 31):
        raise ValueError("Invalid initialization option")
    if zdict is not None:
        raise ValueError("minipy's zlib has no preset dictionaries")
    return _Compress(level, wbits)


class _Decompress:
    # The input so far is decoded again as it grows: what was not given
    # out before is given now.
    def __init__(self, wbits):
        self._wbits = wbits
        self._input = b""
        self._given = 0
        self.unused_data = b""
        self.unconsumed_tail = b""
        self.eof = False

    def decompress(self, data, max_length=0):
        data = _bytes(data)
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        if self.eof:
            self.unused_data += bytes(data)
            return b""
        self._input += bytes(data)
        out, used, code, msg = _inflate(self._input, self._wbits, "decompressing")
        if code not in (0, -5):
            raise error("Error %d while decompressing data: %s" % (code, msg))
        new = out[self._given:]
        if max_length and len(new) > max_length:
            new = new[:max_length]
        self._given += len(new)
        if code == 0 and self._given == len(out):
            self.eof = True
            self.unused_data = self._input[used:]
            self._input = b""
        return new

    def flush(self, length=DEF_BUF_SIZE):
        if self.eof or not self._input:
            return b""
        out, used, code, msg = _inflate(self._input, self._wbits, "decompressing")
        new = out[self._given:]
        self._given = len(out)
        if code == 0:
            self.eof = True
            self.unused_data = self._input[used:]
        return new

    def copy(self):
        d = _Decompress(self._wbits)
        d.__dict__.update(self.__dict__)
        return d


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    if zdict:
        raise ValueError("minipy's zlib has no preset dictionaries")
    return _Decompress(wbits)
