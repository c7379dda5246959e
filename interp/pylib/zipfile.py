# zipfile: reading, writing and appending ZIP archives (stored and
# deflated members, no ZIP64 or encryption), with CPython's API, reprs and
# messages. Deflated members are valid deflate streams but not zlib's exact
# bytes (Go's compressor chooses its matches otherwise), so their
# compress_size can differ from CPython's.

import io
import os
import stat
import struct
import sys
import time
import zlib

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED",
           "ZIP_BZIP2", "ZIP_LZMA", "is_zipfile", "ZipInfo", "ZipFile",
           "PyZipFile", "LargeZipFile"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    pass


error = BadZipfile = BadZipFile

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14
ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1
DEFAULT_VERSION = 20

compressor_names = {0: 'store', 1: 'shrink', 2: 'reduce', 3: 'reduce', 4: 'reduce',
                    5: 'reduce', 6: 'implode', 7: 'tokenize', 8: 'deflate',
                    9: 'deflate64', 10: 'implode', 12: 'bzip2', 14: 'lzma',
                    18: 'terse', 19: 'lz77', 97: 'wavpack', 98: 'ppmd'}

# The record layouts of the format (APPNOTE.TXT).
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
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
        result = ['<%s filename=%r' % (self.__class__.__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            result.append(' compress_type=%s' %
                          compressor_names.get(self.compress_type, self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            result.append(' filemode=%r' % stat.filemode(hi))
        if lo:
            result.append(' external_attr=%#x' % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            result.append(' file_size=%r' % self.file_size)
        if ((not isdir or self.compress_size) and
                (self.compress_type != ZIP_STORED or self.file_size != self.compress_size)):
            result.append(' compress_size=%r' % self.compress_size)
        result.append('>')
        return ''.join(result)

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        if isinstance(filename, os.PathLike):
            filename = os.fspath(filename)
        st = os.stat(filename)
        isdir = stat.S_ISDIR(st.st_mode)
        mtime = time.localtime(st.st_mtime)
        date_time = mtime[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        elif not strict_timestamps and date_time[0] > 2107:
            date_time = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname[0] in (os.sep, os.altsep):
            arcname = arcname[1:]
        if isdir:
            arcname += '/'
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            zinfo.file_size = st.st_size
        return zinfo

    def is_dir(self):
        return self.filename.endswith('/')

    def _encoded_name(self):
        try:
            return self.filename.encode('ascii'), self.flag_bits & ~_FLAG_UTF8
        except UnicodeEncodeError:
            return self.filename.encode('utf-8'), self.flag_bits | _FLAG_UTF8

    def _dos_time(self):
        dt = self.date_time
        dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        return dostime, dosdate

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
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._buf.write(data)

    def close(self):
        if self.closed:
            return
        self.closed = True
        self._zipfile._writing = False
        self._zipfile._write_member(self._zinfo, self._buf.getvalue())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class ZipFile:
    fp = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in ('r', 'w', 'x', 'a'):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        if metadata_encoding and mode != 'r':
            raise ValueError("metadata_encoding is only supported for reading files")
        self._allowZip64 = allowZip64
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b''
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        self._writing = False
        self._modified = False
        self._data = b''
        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = 0
            self.filename = file
            modes = {'r': 'rb', 'w': 'w+b', 'x': 'x+b', 'a': 'r+b'}
            try:
                self.fp = open(file, modes[mode])
            except FileNotFoundError:
                if mode != 'a':
                    raise
                mode = 'w'
                self.fp = open(file, 'w+b')
        else:
            self._filePassed = 1
            self.fp = file
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

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ['<%s.%s' % (self.__class__.__module__, self.__class__.__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                result.append(' file=%r' % self.fp)
            elif self.filename is not None:
                result.append(' filename=%r' % self.filename)
            result.append(' mode=%r' % self.mode)
        else:
            result.append(' [closed]')
        result.append('>')
        return ''.join(result)

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
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s" % type(comment).__name__)
        if len(comment) > ZIP_MAX_COMMENT:
            import warnings
            warnings.warn('Archive comment is too long; truncating to %d bytes'
                          % ZIP_MAX_COMMENT, stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment
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
        if isinstance(name, ZipInfo):
            zinfo = name
        elif mode == 'w':
            zinfo = ZipInfo(name)
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
        else:
            zinfo = self.getinfo(name)
        if mode == 'w':
            self._check_writable()
            if self._writing:
                raise ValueError("Can't write to the ZIP file while there is "
                                 "another write handle open on it. "
                                 "Close the first handle before opening another.")
            self._writing = True
            return _ZipWriteFile(self, zinfo)
        if self._writing:
            raise ValueError("Can't read from the ZIP file while there "
                             "is an open writing handle on it. "
                             "Close the writing handle before trying to read.")
        if self.mode != 'r' and zinfo.header_offset >= len(self._data):
            self._refresh()
        return ZipExtFile(self._member_bytes(zinfo), mode, zinfo)

    def _refresh(self):
        # Members written since opening: read back what is on file.
        pos = self.fp.tell()
        self.fp.seek(0)
        self._data = self.fp.read()
        self.fp.seek(pos)

    def _check_writable(self):
        if self.mode not in ('w', 'x', 'a'):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")

    def _sanitize_windows_name(self, arcname, pathsep):
        return arcname

    def _extract_member(self, member, targetpath, pwd):
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)
        arcname = member.filename.replace('/', os.path.sep)
        if os.path.altsep:
            arcname = arcname.replace(os.path.altsep, os.path.sep)
        arcname = os.path.splitdrive(arcname)[1]
        invalid = ('', os.path.curdir, os.path.pardir)
        arcname = os.path.sep.join(x for x in arcname.split(os.path.sep) if x not in invalid)
        targetpath = os.path.join(targetpath, arcname)
        targetpath = os.path.normpath(targetpath)
        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs)
        if member.is_dir():
            if not os.path.isdir(targetpath):
                try:
                    os.mkdir(targetpath)
                except FileExistsError:
                    if not os.path.isdir(targetpath):
                        raise
            return targetpath
        data = self.read(member, pwd)
        with open(targetpath, "wb") as target:
            target.write(data)
        return targetpath

    def extract(self, member, path=None, pwd=None):
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for zipinfo in members:
            self._extract_member(zipinfo, path, pwd)

    def _write_member(self, zinfo, data):
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn('Duplicate name: %r' % zinfo.filename, stacklevel=3)
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

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists")
        zinfo = ZipInfo.from_file(filename, arcname, strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self._check_writable()
            self._write_member(zinfo, b'')
            return
        zinfo.compress_type = self.compression if compress_type is None else compress_type
        zinfo.compress_level = self.compresslevel if compresslevel is None else compresslevel
        self._check_writable()
        with open(filename, "rb") as src:
            data = src.read()
        self._write_member(zinfo, data)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = ZipInfo(zinfo_or_arcname, time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
            if zinfo.filename.endswith('/'):
                zinfo.external_attr = 0o40775 << 16
                zinfo.external_attr |= 0x10
            else:
                zinfo.external_attr = 0o600 << 16
        else:
            zinfo = zinfo_or_arcname
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo.compress_level = compresslevel
        self._check_writable()
        self._write_member(zinfo, bytes(data))

    def mkdir(self, zinfo_or_directory_name, mode=511):
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError("The given ZipInfo does not describe a directory")
        elif isinstance(zinfo_or_directory_name, str):
            directory_name = zinfo_or_directory_name
            if not directory_name.endswith("/"):
                directory_name += "/"
            zinfo = ZipInfo(directory_name, time.localtime(time.time())[:6])
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.external_attr |= 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")
        self._check_writable()
        self._write_member(zinfo, b'')

    def close(self):
        if self.fp is None:
            return
        if self._writing:
            raise ValueError("Can't close the ZIP file while there is "
                             "an open writing handle on it. "
                             "Close the writing handle before closing the zip.")
        try:
            if self.mode in ('w', 'x', 'a') and self._modified:
                self._write_end_record()
        finally:
            fp = self.fp
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
        if self.mode == "a":
            self.fp.truncate()
        self.fp.flush()


class PyZipFile(ZipFile):
    pass


def main(args=None):
    raise SystemExit("zipfile's command line is not part of minipy")
