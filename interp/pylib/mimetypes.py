# mimetypes: a file name's or URL's MIME type and encoding, and a type's
# extensions, from a built-in table and the system's mime.types files
# (read on the first module-level call, as CPython reads them).

import os
import urllib.parse

__all__ = [
    "knownfiles", "inited", "MimeTypes",
    "guess_type", "guess_file_type", "guess_all_extensions", "guess_extension",
    "add_type", "init", "read_mime_types",
    "suffix_map", "encodings_map", "types_map", "common_types",
]

# The mime.types files init() reads when they exist, in order (later ones
# override earlier ones).
knownfiles = """
/etc/mime.types /etc/httpd/mime.types /etc/httpd/conf/mime.types
/etc/apache/mime.types /etc/apache2/mime.types
/usr/local/etc/httpd/conf/mime.types /usr/local/lib/netscape/mime.types
/usr/local/etc/httpd/conf/mime.types /usr/local/etc/mime.types
""".split()

_db = None   # the MimeTypes the module-level functions use, once init ran
inited = False

# Extensions that stand for two (.tgz is .tar.gz), and the compressions
# (case matters here, as it does in CPython: .Z is compress, .z nothing).
_SUFFIXES = {".svgz": ".svg.gz", ".tgz": ".tar.gz", ".taz": ".tar.gz",
             ".tz": ".tar.gz", ".tbz2": ".tar.bz2", ".txz": ".tar.xz"}
_ENCODINGS = {".gz": "gzip", ".Z": "compress", ".bz2": "bzip2", ".xz": "xz", ".br": "br"}

# CPython 3.14's table, as "extension type" pairs in its order (a type's
# first extension is what guess_extension gives); _COMMON_TYPES are the
# non-standard ones strict=False adds.
_TYPES = """
.js text/javascript .mjs text/javascript .epub application/epub+zip .gz
application/gzip .json application/json .webmanifest
application/manifest+json .doc application/msword .dot application/msword
.wiz application/msword .nq application/n-quads .nt application/n-triples
.bin application/octet-stream .a application/octet-stream .dll
application/octet-stream .exe application/octet-stream .o
application/octet-stream .obj application/octet-stream .so
application/octet-stream .oda application/oda .ogx application/ogg .pdf
application/pdf .p7c application/pkcs7-mime .ps application/postscript .ai
application/postscript .eps application/postscript .trig application/trig
.m3u application/vnd.apple.mpegurl .m3u8 application/vnd.apple.mpegurl .xls
application/vnd.ms-excel .xlb application/vnd.ms-excel .eot
application/vnd.ms-fontobject .ppt application/vnd.ms-powerpoint .pot
application/vnd.ms-powerpoint .ppa application/vnd.ms-powerpoint .pps
application/vnd.ms-powerpoint .pwz application/vnd.ms-powerpoint .odg
application/vnd.oasis.opendocument.graphics .odp
application/vnd.oasis.opendocument.presentation .ods
application/vnd.oasis.opendocument.spreadsheet .odt
application/vnd.oasis.opendocument.text .pptx
application/vnd.openxmlformats-officedocument.presentationml.presentation
.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
.docx
application/vnd.openxmlformats-officedocument.wordprocessingml.document .rar
application/vnd.rar .wasm application/wasm .7z application/x-7z-compressed
.bcpio application/x-bcpio .cpio application/x-cpio .csh application/x-csh
.deb application/x-debian-package .dvi application/x-dvi .gtar
application/x-gtar .hdf application/x-hdf .h5 application/x-hdf5 .latex
application/x-latex .mif application/x-mif .cdf application/x-netcdf .nc
application/x-netcdf .p12 application/x-pkcs12 .php application/x-httpd-php
.pfx application/x-pkcs12 .ram application/x-pn-realaudio .pyc
application/x-python-code .pyo application/x-python-code .rpm
application/x-rpm .sh application/x-sh .shar application/x-shar .swf
application/x-shockwave-flash .sv4cpio application/x-sv4cpio .sv4crc
application/x-sv4crc .tar application/x-tar .tcl application/x-tcl .tex
application/x-tex .texi application/x-texinfo .texinfo application/x-texinfo
.roff application/x-troff .t application/x-troff .tr application/x-troff
.man application/x-troff-man .me application/x-troff-me .ms
application/x-troff-ms .ustar application/x-ustar .src
application/x-wais-source .xsl application/xml .rdf application/xml .wsdl
application/xml .xpdl application/xml .yaml application/yaml .yml
application/yaml .zip application/zip .3gp audio/3gpp .3gpp audio/3gpp .3g2
audio/3gpp2 .3gpp2 audio/3gpp2 .aac audio/aac .adts audio/aac .loas
audio/aac .ass audio/aac .au audio/basic .snd audio/basic .flac audio/flac
.mka audio/matroska .m4a audio/mp4 .mp3 audio/mpeg .mp2 audio/mpeg .ogg
audio/ogg .opus audio/opus .aif audio/x-aiff .aifc audio/x-aiff .aiff
audio/x-aiff .ra audio/x-pn-realaudio .wav audio/vnd.wave .weba audio/webm
.otf font/otf .ttf font/ttf .woff font/woff .woff2 font/woff2 .avif
image/avif .bmp image/bmp .emf image/emf .fits image/fits .g3 image/g3fax
.gif image/gif .ief image/ief .jp2 image/jp2 .jpg image/jpeg .jpe image/jpeg
.jpeg image/jpeg .jpm image/jpm .jpx image/jpx .heic image/heic .heif
image/heif .png image/png .svg image/svg+xml .t38 image/t38 .tiff image/tiff
.tif image/tiff .tfx image/tiff-fx .ico image/vnd.microsoft.icon .webp
image/webp .wmf image/wmf .ras image/x-cmu-raster .pnm
image/x-portable-anymap .pbm image/x-portable-bitmap .pgm
image/x-portable-graymap .ppm image/x-portable-pixmap .rgb image/x-rgb .xbm
image/x-xbitmap .xpm image/x-xpixmap .xwd image/x-xwindowdump .eml
message/rfc822 .mht message/rfc822 .mhtml message/rfc822 .nws message/rfc822
.gltf model/gltf+json .glb model/gltf-binary .stl model/stl .css text/css
.csv text/csv .html text/html .htm text/html .md text/markdown .markdown
text/markdown .n3 text/n3 .txt text/plain .bat text/plain .c text/plain .h
text/plain .ksh text/plain .pl text/plain .srt text/plain .rtx text/richtext
.rtf text/rtf .tsv text/tab-separated-values .vtt text/vtt .py text/x-python
.rst text/x-rst .etx text/x-setext .sgm text/x-sgml .sgml text/x-sgml .vcf
text/x-vcard .xml text/xml .mkv video/matroska .mk3d video/matroska-3d .mp4
video/mp4 .mpeg video/mpeg .m1v video/mpeg .mpa video/mpeg .mpe video/mpeg
.mpg video/mpeg .ogv video/ogg .mov video/quicktime .qt video/quicktime
.webm video/webm .avi video/vnd.avi .m4v video/x-m4v .wmv video/x-ms-wmv
.movie video/x-sgi-movie
"""

_COMMON_TYPES = """
.rtf application/rtf .apk application/vnd.android.package-archive .midi
audio/midi .mid audio/midi .jpg image/jpg .pict image/pict .pct image/pict
.pic image/pict .xul text/xul
"""


def _pairs(table):
    words = table.split()
    return zip(words[0::2], words[1::2])


class MimeTypes:
    """A table of types and extensions: the built-in one, then the
    mime.types files named."""

    def __init__(self, filenames=(), strict=True):
        self.encodings_map = dict(_ENCODINGS)
        self.suffix_map = dict(_SUFFIXES)
        # [strict] for each: True the standard types, False the others.
        self.types_map = ({}, {})
        self.types_map_inv = ({}, {})
        for standard, table in ((True, _TYPES), (False, _COMMON_TYPES)):
            for ext, type in _pairs(table):
                self.add_type(type, ext, standard)
        for name in filenames:
            self.read(name, strict)

    def guess_type(self, url, strict=True):
        url = os.fspath(url)
        parts = urllib.parse.urlparse(url)
        # A one-letter scheme is a Windows drive, not a URL.
        if not parts.scheme or len(parts.scheme) == 1:
            return self.guess_file_type(url, strict=strict)
        if parts.scheme == "data":
            return _data_url_type(parts.path), None
        return self._by_extension(parts.path, strict)

    def guess_file_type(self, path, *, strict=True):
        path = os.fspath(path)
        if isinstance(path, bytes):
            path = path.decode("utf-8", "replace")
        return self._by_extension(path, strict)

    def _by_extension(self, path, strict):
        splitext = os.path.splitext   # posixpath's on every system minipy runs on
        base, ext = splitext(path)
        while ext.lower() in self.suffix_map:
            base, ext = splitext(base + self.suffix_map[ext.lower()])
        encoding = self.encodings_map.get(ext)
        if encoding is not None:
            base, ext = splitext(base)
        ext = ext.lower()
        type = self.types_map[True].get(ext)
        if type is None and not strict:
            type = self.types_map[False].get(ext)
        return type, encoding

    def guess_all_extensions(self, type, strict=True):
        type = type.lower()
        exts = list(self.types_map_inv[True].get(type, []))
        if not strict:
            exts += [e for e in self.types_map_inv[False].get(type, []) if e not in exts]
        return exts

    def guess_extension(self, type, strict=True):
        exts = self.guess_all_extensions(type, strict)
        return exts[0] if exts else None

    def add_type(self, type, ext, strict=True):
        if ext and not ext.startswith("."):
            import warnings
            warnings.warn("Using undotted extensions is deprecated and will raise "
                          "a ValueError in Python 3.16", DeprecationWarning, stacklevel=2)
        # The last type given wins for an extension; a type keeps every
        # extension once, in the order given.
        self.types_map[strict][ext] = type
        by_type = self.types_map_inv[strict]
        if ext not in by_type.get(type, ()):
            by_type.setdefault(type, []).append(ext)

    def read(self, filename, strict=True):
        with open(filename, encoding="utf-8") as fp:
            self.readfp(fp, strict)

    def readfp(self, fp, strict=True):
        # Lines of "type ext ext ...", read with readline as CPython does;
        # a word starting with '#' comments out the rest of its line.
        while True:
            line = fp.readline()
            if not line:
                return
            fields = []
            for word in line.split():
                if word.startswith("#"):
                    break
                fields.append(word)
            for ext in fields[1:]:
                self.add_type(fields[0], "." + ext, strict)


def _data_url_type(rest):
    """The media type of a data: URL's rest ("text/html;base64,..."):
    text/plain when it names none; None when the URL has no comma."""
    comma = rest.find(",")
    if comma < 0:
        return None
    media = rest[:comma].split(";", 1)[0]
    if "=" in media or "/" not in media:
        return "text/plain"
    return media


def init(files=None):
    global inited, _db
    inited = True
    if files is None or _db is None:
        db = MimeTypes()
        files = knownfiles if files is None else knownfiles + list(files)
    else:
        db = _db
    for name in files:
        if os.path.isfile(name):
            db.read(name)
    # The module's tables become db's, filled in place: a library
    # module's names are bound once, when it is imported (pylib.go).
    for mine, its in ((encodings_map, db.encodings_map), (suffix_map, db.suffix_map),
                      (types_map, db.types_map[True]), (common_types, db.types_map[False])):
        if mine is not its:
            mine.clear()
            mine.update(its)
    db.encodings_map, db.suffix_map = encodings_map, suffix_map
    db.types_map = (common_types, types_map)   # indexed by strict
    _db = db


def _inited_db():
    if _db is None:
        init()
    return _db


def guess_type(url, strict=True):
    return _inited_db().guess_type(url, strict)


def guess_file_type(path, *, strict=True):
    return _inited_db().guess_file_type(path, strict=strict)


def guess_all_extensions(type, strict=True):
    return _inited_db().guess_all_extensions(type, strict)


def guess_extension(type, strict=True):
    return _inited_db().guess_extension(type, strict)


def add_type(type, ext, strict=True):
    return _inited_db().add_type(type, ext, strict)


def read_mime_types(file):
    try:
        fp = open(file, encoding="utf-8")
    except OSError:
        return None
    with fp:
        db = MimeTypes()
        db.readfp(fp, True)
        return db.types_map[True]


# Before init, the module's tables are the built-in ones.
_before_init = MimeTypes()
encodings_map = _before_init.encodings_map
suffix_map = _before_init.suffix_map
types_map = _before_init.types_map[True]
common_types = _before_init.types_map[False]
del _before_init
