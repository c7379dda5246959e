# zipfile: reading, writing and appending ZIP archives (stored and
# deflated members, no ZIP64 or encryption), with CPython's API, reprs and
# messages. Deflated members are valid deflate streams but not zlib's exact
# bytes (Go's compressor chooses its matches otherwise), so their
# compress_size can differ from CPython's.

import io
import os
import stat
import sys
import time
import zlib
from struct import Struct as _Struct

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED",
           "ZIP_BZIP2", "ZIP_LZMA", "is_zipfile", "ZipInfo", "ZipFile",
           "PyZipFile", "LargeZipFile"]


class BadZipFile(Exception):
    """The data is not a ZIP archive, or a damaged one."""


class LargeZipFile(Exception):
    """The archive would need the ZIP64 extensions, which minipy does not write."""


error = BadZipfile = BadZipFile

# Compression methods (of these, minipy reads and writes the first two).
ZIP_STORED, ZIP_DEFLATED, ZIP_BZIP2, ZIP_LZMA = 0, 8, 12, 14
# Beyond these the format needs its ZIP64 extensions.
ZIP_MAX_COMMENT = 0xFFFF
ZIP64_LIMIT = 2**31 - 1
ZIP_FILECOUNT_LIMIT = 0xFFFF
DEFAULT_VERSION = 20

compressor_names = {0: 'store', 1: 'shrink', 2: 'reduce', 3: 'reduce', 4: 'reduce',
                    5: 'reduce', 6: 'implode', 7: 'tokenize', 8: 'deflate',
                    9: 'deflate64', 10: 'implode', 12: 'bzip2', 14: 'lzma',
                    18: 'terse', 19: 'lz77', 97: 'wavpack', 98: 'ppmd'}

# The record layouts of the format (APPNOTE.TXT).
_LOCAL = _Struct("<4s2B4HL2L2H")
_CENTRAL = _Struct("<4s4B4HL2L5H2L")
_END = _Struct("<4s4H2LH")
_LOCAL_SIG = b"PK\003\004"
_CENTRAL_SIG = b"PK\001\002"
_END_SIG = b"PK\005\006"
_FLAG_UTF8 = 0x800
_FLAG_ENCRYPTED = 0x1


# Names without the UTF-8 flag are code page 437 (the format's default).
_CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\xa0'


def _decode_name(raw, flags, encoding):
    if flags & _FLAG_UTF8:
        return raw.decode('utf-8')
    if encoding:
        return raw.decode(encoding)
    if raw.isascii():
        return raw.decode('ascii')
    return ''.join(chr(b) if b < 128 else _CP437_HIGH[b - 128] for b in raw)


def _warn(message, stacklevel):
    # The warnings module is imported only when there is something to say;
    # stacklevel counts this function too.
    import warnings
    warnings.warn(message, stacklevel=stacklevel)


def _check_compression(compression):
    if compression in (ZIP_STORED, ZIP_DEFLATED):
        return
    if compression in (ZIP_BZIP2, ZIP_LZMA):
        raise RuntimeError("Compression requires the (missing) %s module"
                           % ('bz2' if compression == ZIP_BZIP2 else 'lzma'))
    raise NotImplementedError("That compression method is not supported")


class ZipInfo:
    __slots__ = ('orig_filename', 'filename', 'date_time', 'compress_type',
                 'compress_level', 'comment', 'extra', 'create_system',
                 'create_version', 'extract_version', 'reserved', 'flag_bits',
                 'volume', 'internal_attr', 'external_attr', 'header_offset',
                 'CRC', 'compress_size', 'file_size', '_end_offset')

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        # A NUL ends the name, as in CPython; separators become '/'.
        null = filename.find(chr(0))
        if null >= 0:
            filename = filename[:null]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError('ZIP does not support timestamps before 1980')
        self.compress_type = ZIP_STORED
        self.compress_level = None
        self.comment = b""
        self.extra = b""
        self.create_system = 0 if sys.platform == 'win32' else 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.header_offset = 0
        self.CRC = 0
        self.compress_size = 0
        self.file_size = 0
        self._end_offset = None

    def __repr__(self):
        parts = [f'<{type(self).__name__} filename={self.filename!r}']
        if self.compress_type != ZIP_STORED:
            parts.append(f' compress_type={compressor_names.get(self.compress_type, self.compress_type)}')
        # The high half of external_attr is a Unix st_mode, the low half
        # MS-DOS attributes.
        unix_mode, dos_attrs = divmod(self.external_attr, 0x10000)
        if unix_mode:
            parts.append(f' filemode={stat.filemode(unix_mode)!r}')
        if dos_attrs:
            parts.append(f' external_attr={dos_attrs:#x}')
        # A directory shows sizes only when it has some.
        sized = not self.is_dir()
        if sized or self.file_size:
            parts.append(f' file_size={self.file_size!r}')
        squeezed = self.compress_type != ZIP_STORED or self.file_size != self.compress_size
        if (sized or self.compress_size) and squeezed:
            parts.append(f' compress_size={self.compress_size!r}')
        return ''.join(parts) + '>'

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo for a file or directory on disk, to be stored as
        arcname (default: the path itself, made relative)."""
        filename = os.fspath(filename)
        st = os.stat(filename)
        year, month, day, hour, minute, second = time.localtime(st.st_mtime)[:6]
        when = (year, month, day, hour, minute, second)
        if not strict_timestamps:
            # Clamp into the years a DOS date can hold.
            when = max((1980, 1, 1, 0, 0, 0), min(when, (2107, 12, 31, 23, 59, 59)))
        name = os.path.normpath(os.path.splitdrive(filename if arcname is None else arcname)[1])
        name = name.lstrip(os.sep + (os.altsep or ''))
        is_directory = stat.S_ISDIR(st.st_mode)
        if is_directory:
            name += '/'
        zinfo = cls(name, when)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        zinfo.file_size = 0 if is_directory else st.st_size
        if is_directory:
            zinfo.external_attr |= 0x10  # the MS-DOS directory bit
        return zinfo

    def is_dir(self):
        return self.filename.endswith('/')

    def _encoded_name(self):
        try:
            return self.filename.encode('ascii'), self.flag_bits & ~_FLAG_UTF8
        except UnicodeEncodeError:
            return self.filename.encode('utf-8'), self.flag_bits | _FLAG_UTF8

    def _dos_time(self):
        # (time, date) as MS-DOS packs them: seconds halved, years from 1980.
        year, month, day, hour, minute, second = self.date_time[:6]
        return (hour << 11 | minute << 5 | second // 2,
                (year - 1980) << 9 | month << 5 | day)

    def FileHeader(self, zip64=None):
        dostime, dosdate = self._dos_time()
        name, flags = self._encoded_name()
        if self.file_size > ZIP64_LIMIT or self.compress_size > ZIP64_LIMIT:
            raise LargeZipFile("Filesize would require ZIP64 extensions")
        return _LOCAL.pack(_LOCAL_SIG, self.extract_version, self.reserved, flags,
                           self.compress_type, dostime, dosdate, self.CRC,
                           self.compress_size, self.file_size, len(name),
                           len(self.extra)) + name + self.extra


def _end_record(data):
    # The end record is in the last 22 bytes, or before a comment of up
    # to 64 KiB.
    i = data.rfind(_END_SIG, max(0, len(data) - _END.size - ZIP_MAX_COMMENT))
    while i >= 0:
        if i + _END.size <= len(data):
            rec = _END.unpack(data[i:i + _END.size])
            if i + _END.size + rec[7] == len(data):
                return i, rec
        i = data.rfind(_END_SIG, 0, i)
    return None


def _read_all(fp):
    # The whole archive as bytes: members are read from it.
    fp.seek(0, 2)
    size = fp.tell()
    fp.seek(0)
    data = fp.read(size)
    return data


def is_zipfile(filename):
    try:
        if hasattr(filename, "read"):
            pos = filename.tell()
            try:
                data = _read_all(filename)
            finally:
                filename.seek(pos)
        else:
            with open(filename, "rb") as f:
                data = f.read()
        return _end_record(data) is not None
    except OSError:
        return False


class ZipExtFile(io.BytesIO):
    """A member opened for reading: its bytes, decompressed and checked."""

    def __init__(self, data, mode, zinfo):
        super().__init__(data)
        self.mode = mode
        self.name = zinfo.filename
        self._zinfo = zinfo

    def __repr__(self):
        if self.closed:
            return '<zipfile.ZipExtFile [closed]>'
        result = '<zipfile.ZipExtFile name=%r mode=%r' % (self.name, self.mode)
        if self._zinfo.compress_type != ZIP_STORED:
            result += ' compress_type=%s' % compressor_names.get(
                self._zinfo.compress_type, self._zinfo.compress_type)
        return result + '>'

    def readable(self):
        return True

    def writable(self):
        return False

    def peek(self, n=1):
        pos = self.tell()
        data = self.read(max(n, 512))
        self.seek(pos)
        return data


class _ZipWriteFile:
    """A member opened for writing: its bytes go in when it is closed."""

    def __init__(self, zf, zinfo):
        self._zipfile = zf
        self._zinfo = zinfo
        self._buf = io.BytesIO()
        self.closed = False

    def writable(self):
        return True

    def readable(self):
        return False

    def write(self, data):
        if not self.closed:
            if isinstance(data, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            return self._buf.write(data)
        raise ValueError('I/O operation on closed file.')

    def close(self):
        # The member goes into the archive once, at the first close.
        was_open, self.closed = not self.closed, True
        if not was_open:
            return
        self._zipfile._writing = False
        self._zipfile._write_member(self._zinfo, self._buf.getvalue())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# What ZipFile says when asked to do something while a member is being
# written through open(name, 'w').
_ANOTHER_WRITER = ("Can't write to the ZIP file while there is another write handle open on it. "
                   "Close the first handle before opening another.")
_READ_WHILE_WRITING = ("Can't read from the ZIP file while there is an open writing handle on it. "
                       "Close the writing handle before trying to read.")
_CLOSE_WHILE_WRITING = ("Can't close the ZIP file while there is an open writing handle on it. "
                        "Close the writing handle before closing the zip.")

# ZipFile's modes, with the mode it opens a path in.
_FILE_MODES = {'r': 'rb', 'w': 'w+b', 'x': 'x+b', 'a': 'r+b'}


def _target_dir(path):
    return os.getcwd() if path is None else os.fspath(path)


class ZipFile:
    fp = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in _FILE_MODES:
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        if metadata_encoding and mode != 'r':
            raise ValueError("metadata_encoding is only supported for reading files")
        self._allowZip64 = allowZip64
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.mode, self.pwd = mode, None
        self.compression, self.compresslevel = compression, compresslevel
        self.metadata_encoding = metadata_encoding
        self._strict_timestamps = strict_timestamps
        self._comment = b''
        self._writing = False
        self._modified = False
        self._data = b''
        if isinstance(file, (str, os.PathLike)):
            # A path: the archive opens (and closes) the file itself.
            self.filename = os.fspath(file)
            self._filePassed = 0
            try:
                self.fp = open(self.filename, _FILE_MODES[mode])
            except FileNotFoundError:
                if mode != 'a':
                    raise
                # Appending to a file that does not exist writes a new one.
                mode = 'w'
                self.fp = open(self.filename, 'w+b')
        else:
            self.fp, self._filePassed = file, 1
            self.filename = getattr(file, 'name', None)
        self._start = 0
        try:
            if mode == 'r':
                self._read_directory()
            elif mode in ('w', 'x'):
                self._modified = True
                try:
                    self._start = self.fp.tell()
                except (AttributeError, OSError):
                    self._start = 0
            else:
                try:
                    self._read_directory()
                    # New members go where the central directory was.
                    self.fp.seek(self._cd_offset)
                except BadZipFile:
                    self.fp.seek(0, 2)
                self._modified = True
        except BaseException:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()
            raise

    def __repr__(self):
        cls = type(self)
        if self.fp is None:
            where = ' [closed]'
        elif self._filePassed:
            where = f' file={self.fp!r} mode={self.mode!r}'
        elif self.filename is not None:
            where = f' filename={self.filename!r} mode={self.mode!r}'
        else:
            where = f' mode={self.mode!r}'
        return f'<{cls.__module__}.{cls.__qualname__}{where}>'

    def __enter__(self):
        """The archive itself; leaving the with block closes it."""
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def _read_directory(self):
        try:
            data = _read_all(self.fp)
        except OSError:
            raise BadZipFile("File is not a zip file")
        end = _end_record(data)
        if end is None:
            raise BadZipFile("File is not a zip file")
        at, rec = end
        size_cd, offset_cd, comment_len = rec[5], rec[6], rec[7]
        self._comment = data[at + _END.size:at + _END.size + comment_len]
        # Data before the archive (a prepended stub) shifts every offset.
        concat = at - size_cd - offset_cd
        self._cd_offset = offset_cd + concat
        self._data = data
        self._concat = concat
        pos = self._cd_offset
        stop = pos + size_cd
        while pos < stop:
            head = data[pos:pos + _CENTRAL.size]
            if len(head) != _CENTRAL.size or head[:4] != _CENTRAL_SIG:
                raise BadZipFile("Bad magic number for central directory")
            cd = _CENTRAL.unpack(head)
            pos += _CENTRAL.size
            name = data[pos:pos + cd[12]]
            pos += cd[12]
            fname = _decode_name(name, cd[5], self.metadata_encoding)
            x = ZipInfo(fname)
            x.extra = data[pos:pos + cd[13]]
            pos += cd[13]
            x.comment = data[pos:pos + cd[14]]
            pos += cd[14]
            x.header_offset = cd[18] + concat
            (x.create_version, x.create_system, x.extract_version, x.reserved,
             x.flag_bits, x.compress_type, t, d, x.CRC, x.compress_size,
             x.file_size) = cd[1:12]
            x.volume, x.internal_attr, x.external_attr = cd[15:18]
            x.date_time = ((d >> 9) + 1980, (d >> 5) & 0xF, d & 0x1F,
                           t >> 11, (t >> 5) & 0x3F, (t & 0x1F) * 2)
            x.orig_filename = fname
            self.filelist.append(x)
            self.NameToInfo[x.filename] = x

    def namelist(self):
        return [data.filename for data in self.filelist]

    def infolist(self):
        return self.filelist

    def printdir(self, file=None):
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"), file=file)
        for zinfo in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zinfo.date_time[:6]
            print("%-46s %s %12d" % (zinfo.filename, date, zinfo.file_size), file=file)

    def testzip(self):
        for zinfo in self.filelist:
            try:
                self.read(zinfo)
            except BadZipFile:
                return zinfo.filename
        return None

    def getinfo(self, name):
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError('There is no item named %r in the archive' % name)
        return info

    def setpassword(self, pwd):
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)
        self.pwd = pwd or None

    @property
    def comment(self):
        """The archive's comment, bytes (at most 65535 of them)."""
        return self._comment

    @comment.setter
    def comment(self, comment):
        # Longer comments are cut, with a warning.
        if not isinstance(comment, bytes):
            raise TypeError(f"comment: expected bytes, got {type(comment).__name__}")
        if len(comment) > ZIP_MAX_COMMENT:
            _warn(f'Archive comment is too long; truncating to {ZIP_MAX_COMMENT} bytes', 3)
        self._comment = comment[:ZIP_MAX_COMMENT]
        self._modified = True

    def read(self, name, pwd=None):
        with self.open(name, "r", pwd) as fp:
            return fp.read()

    def _member_bytes(self, zinfo):
        data = self._data
        at = zinfo.header_offset
        head = data[at:at + _LOCAL.size]
        if len(head) != _LOCAL.size:
            raise BadZipFile("Truncated file header")
        fh = _LOCAL.unpack(head)
        if fh[0] != _LOCAL_SIG:
            raise BadZipFile("Bad magic number for file header")
        at += _LOCAL.size
        fname = data[at:at + fh[10]]
        at += fh[10] + fh[11]
        if fh[3] & _FLAG_ENCRYPTED:
            raise NotImplementedError("That compression method is not supported")
        fname_str = _decode_name(fname, fh[3], self.metadata_encoding)
        if fname_str != zinfo.orig_filename:
            raise BadZipFile('File name in directory %r and header %r differ.'
                             % (zinfo.orig_filename, fname))
        raw = data[at:at + zinfo.compress_size]
        if len(raw) != zinfo.compress_size:
            raise EOFError
        if zinfo.compress_type == ZIP_STORED:
            out = raw
        elif zinfo.compress_type == ZIP_DEFLATED:
            try:
                out = zlib.decompressobj(-15).decompress(raw)
            except zlib.error as e:
                raise BadZipFile("Bad deflate data in %r: %s" % (zinfo.filename, e))
        else:
            descr = compressor_names.get(zinfo.compress_type)
            if descr:
                raise NotImplementedError("compression type %d (%s)" % (zinfo.compress_type, descr))
            raise NotImplementedError("compression type %d" % (zinfo.compress_type,))
        if zlib.crc32(out) != zinfo.CRC:
            raise BadZipFile("Bad CRC-32 for file %r" % zinfo.filename)
        return out

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        if mode not in {"r", "w"}:
            raise ValueError('open() requires mode "r" or "w"')
        if pwd and mode == "w":
            raise ValueError("pwd is only supported for reading files")
        if not self.fp:
            raise ValueError("Attempt to use ZIP archive that was already closed")
        if mode == 'r':
            return self._open_to_read(name)
        if isinstance(name, ZipInfo):
            zinfo = name
        else:
            zinfo = ZipInfo(name)
            zinfo.compress_type, zinfo.compress_level = self.compression, self.compresslevel
        self._check_writable()
        if self._writing:
            raise ValueError(_ANOTHER_WRITER)
        # One member is written at a time: the archive is busy until the
        # handle closes.
        self._writing = True
        return _ZipWriteFile(self, zinfo)

    def _open_to_read(self, name):
        zinfo = name if isinstance(name, ZipInfo) else self.getinfo(name)
        if self._writing:
            raise ValueError(_READ_WHILE_WRITING)
        if self.mode != 'r' and zinfo.header_offset >= len(self._data):
            self._refresh()
        return ZipExtFile(self._member_bytes(zinfo), 'r', zinfo)

    def _refresh(self):
        # Members written since opening: read back what is on file.
        pos = self.fp.tell()
        self.fp.seek(0)
        self._data = self.fp.read()
        self.fp.seek(pos)

    def _check_writable(self):
        if self.mode == 'r':
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")

    def _sanitize_windows_name(self, arcname, pathsep):
        return arcname

    def _extract_member(self, member, targetpath, pwd):
        zinfo = member if isinstance(member, ZipInfo) else self.getinfo(member)
        # The member's path made safe to use below targetpath: no drive,
        # no root, no '.' or '..' parts.
        relative = zinfo.filename.replace('/', os.path.sep)
        if os.path.altsep:
            relative = relative.replace(os.path.altsep, os.path.sep)
        skipped = ('', os.path.curdir, os.path.pardir)
        kept = [part for part in os.path.splitdrive(relative)[1].split(os.path.sep)
                if part not in skipped]
        destination = os.path.normpath(os.path.join(targetpath, *kept))
        parent = os.path.dirname(destination)
        if parent:
            os.makedirs(parent, exist_ok=True)
        if not zinfo.is_dir():
            content = self.read(zinfo, pwd)  # a bad member leaves no file behind
            with open(destination, "wb") as out:
                out.write(content)
        elif not os.path.isdir(destination):
            os.makedirs(destination, exist_ok=True)
        return destination

    def extract(self, member, path=None, pwd=None):
        """Write one member out below path (default: the working
        directory); returns the path written."""
        return self._extract_member(member, _target_dir(path), pwd)

    def extractall(self, path=None, members=None, pwd=None):
        """Write the members (default: all) out below path."""
        target = _target_dir(path)
        for member in self.namelist() if members is None else members:
            self._extract_member(member, target, pwd)

    def _write_member(self, zinfo, data):
        if zinfo.filename in self.NameToInfo:
            # Level 3 is the library's writer (write or writestr), as
            # CPython's names its own ZipFile.open.
            _warn(f'Duplicate name: {zinfo.filename!r}', 3)
        _check_compression(zinfo.compress_type)
        if not zinfo.external_attr:
            zinfo.external_attr = 0o600 << 16  # ?rw-------, as CPython gives
        zinfo.file_size = len(data)
        zinfo.CRC = zlib.crc32(data)
        if zinfo.compress_type == ZIP_DEFLATED:
            level = zinfo.compress_level
            if level is None:
                level = -1
            c = zlib.compressobj(level, zlib.DEFLATED, -15)
            payload = c.compress(data) + c.flush()
        else:
            payload = data
        zinfo.compress_size = len(payload)
        if zinfo.file_size > ZIP64_LIMIT and not self._allowZip64:
            raise LargeZipFile("Filesize would require ZIP64 extensions")
        zinfo.header_offset = self.fp.tell()
        self.fp.write(zinfo.FileHeader())
        self.fp.write(payload)
        zinfo._end_offset = self.fp.tell()
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo
        self._modified = True

    def _ensure_open_and_idle(self, period):
        # write() and writestr() word the busy archive's error alike, but
        # for writestr's full stop.
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists" + period)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Store the file or directory at filename as arcname (default:
        its path, made relative)."""
        self._ensure_open_and_idle('')
        zinfo = ZipInfo.from_file(filename, arcname, strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = zinfo.CRC = 0
            content = b''
        else:
            zinfo.compress_type = compress_type if compress_type is not None else self.compression
            zinfo.compress_level = compresslevel if compresslevel is not None else self.compresslevel
            content = None
        self._check_writable()
        if content is None:
            with open(filename, "rb") as source:
                content = source.read()
        self._write_member(zinfo, content)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Store data (str is encoded as UTF-8) as a member named by a
        ZipInfo or an archive name, dated now."""
        content = data.encode("utf-8") if isinstance(data, str) else data
        if isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = zinfo_or_arcname
        else:
            zinfo = ZipInfo(zinfo_or_arcname, time.localtime(time.time())[:6])
            zinfo.compress_type, zinfo.compress_level = self.compression, self.compresslevel
            # rwxrwxr-x directory (with the MS-DOS directory bit) or rw------- file.
            zinfo.external_attr = (0o40775 << 16 | 0x10) if zinfo.is_dir() else 0o600 << 16
        self._ensure_open_and_idle('.')
        zinfo.compress_type = zinfo.compress_type if compress_type is None else compress_type
        zinfo.compress_level = zinfo.compress_level if compresslevel is None else compresslevel
        self._check_writable()
        self._write_member(zinfo, bytes(content))

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Add a directory member: a name (a '/' is added) or a ZipInfo
        for one."""
        if isinstance(zinfo_or_directory_name, str):
            name = zinfo_or_directory_name.removesuffix('/') + '/'
            zinfo = ZipInfo(name, time.localtime(time.time())[:6])
            zinfo.external_attr = ((stat.S_IFDIR | mode) & 0xFFFF) << 16 | 0x10
        elif not isinstance(zinfo_or_directory_name, ZipInfo):
            raise TypeError("Expected type str or ZipInfo")
        elif zinfo_or_directory_name.is_dir():
            zinfo = zinfo_or_directory_name
        else:
            raise ValueError("The given ZipInfo does not describe a directory")
        self._check_writable()
        self._write_member(zinfo, b'')

    def close(self):
        """Write the central directory if anything changed, then close the
        file (unless the archive was given an open file)."""
        if self.fp is None:
            return
        if self._writing:
            raise ValueError(_CLOSE_WHILE_WRITING)
        fp = self.fp
        try:
            if self.mode != 'r' and self._modified:
                self._write_end_record()
        finally:
            self.fp = None
            if not self._filePassed:
                fp.close()

    def _write_end_record(self):
        start = self.fp.tell()
        for zinfo in self.filelist:
            dostime, dosdate = zinfo._dos_time()
            name, flags = zinfo._encoded_name()
            self.fp.write(_CENTRAL.pack(
                _CENTRAL_SIG, zinfo.create_version, zinfo.create_system,
                zinfo.extract_version, zinfo.reserved, flags, zinfo.compress_type,
                dostime, dosdate, zinfo.CRC, zinfo.compress_size, zinfo.file_size,
                len(name), len(zinfo.extra), len(zinfo.comment), 0,
                zinfo.internal_attr, zinfo.external_attr, zinfo.header_offset - self._start))
            self.fp.write(name)
            self.fp.write(zinfo.extra)
            self.fp.write(zinfo.comment)
        end = self.fp.tell()
        count = len(self.filelist)
        if count > ZIP_FILECOUNT_LIMIT:
            raise LargeZipFile("Files count would require ZIP64 extensions")
        self.fp.write(_END.pack(_END_SIG, 0, 0, count, count, end - start,
                                start - self._start, len(self._comment)))
        self.fp.write(self._comment)
        if self.mode == 'a':
            # The old directory may have been longer than the new one.
            self.fp.truncate()
        self.fp.flush()


class PyZipFile(ZipFile):
    pass


def main(args=None):
    raise SystemExit("zipfile's command line is not part of minipy")
