# platform for minipy: what the machine and the interpreter are, from
# os.uname() and sys (as CPython's module gives them on Linux).

import os as _os
import sys as _sys
import re as _re

__version__ = '1.0.9'


class uname_result(tuple):
    # A namedtuple in CPython: system, node, release, version, machine
    # (and processor, read when asked).
    _fields = ('system', 'node', 'release', 'version', 'machine')

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine))

    system = property(lambda s: s[0])
    node = property(lambda s: s[1])
    release = property(lambda s: s[2])
    version = property(lambda s: s[3])
    machine = property(lambda s: s[4])

    @property
    def processor(self):
        return processor()

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __repr__(self):
        return ('uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r)'
                % tuple(self))


_uname_cache = None


def uname():
    """Fairly portable uname interface."""
    global _uname_cache
    if _uname_cache is None:
        u = _os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release, u.version, u.machine)
    return _uname_cache


def system():
    """Returns the system/OS name, e.g. 'Linux', 'Windows' or 'Java'."""
    return uname().system


def node():
    """Returns the computer's network name."""
    return uname().node


def release():
    """Returns the system's release, e.g. '2.2.0' or 'NT'."""
    return uname().release


def version():
    """Returns the system's release version."""
    return uname().version


def machine():
    """Returns the machine type, e.g. 'i386'."""
    return uname().machine


def processor():
    """Returns the (true) processor name: '' on Linux, as CPython's."""
    return ''


def architecture(executable=None, bits='', linkage=''):
    """Queries the given executable for various architecture information."""
    if not bits:
        import struct
        bits = str(struct.calcsize('P') * 8) + 'bit'
    return bits, linkage or ('ELF' if system() == 'Linux' else '')


def python_implementation():
    """Returns a string identifying the Python implementation: minipy's
    sys.implementation.name, capitalised as CPython's 'CPython' is."""
    return 'minipy'


def python_version_tuple():
    """Returns the Python version as tuple (major, minor, patchlevel) of strings."""
    v = _sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_version():
    """Returns the Python version as string 'major.minor.patchlevel'."""
    return '.'.join(python_version_tuple())


def python_build():
    return ('main', '')


def python_compiler():
    return 'Go'


def python_branch():
    return ''


def python_revision():
    return ''


_libc_cache = None


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """Tries to determine the libc version: glibc's, from its release
    string, on Linux."""
    global _libc_cache
    if lib or version:
        return lib, version
    if _libc_cache is None:
        _libc_cache = ('', '')
        for path in ('/lib/x86_64-linux-gnu/libc.so.6', '/lib/aarch64-linux-gnu/libc.so.6',
                     '/lib64/libc.so.6', '/usr/lib/libc.so.6', '/lib/libc.so.6'):
            try:
                with open(path, 'rb') as f:
                    data = f.read()
            except OSError:
                continue
            m = _re.search(rb'release version (\d+\.\d+)', data)
            if m:
                _libc_cache = ('glibc', m.group(1).decode())
                break
    return _libc_cache


def platform(aliased=False, terse=False):
    """Returns a single string identifying the underlying platform: on
    Linux system-release-machine-with-libc, terse or not (as CPython's)."""
    u = uname()
    parts = [u.system, u.release, u.machine]
    if u.system == 'Linux':
        lib, ver = libc_ver()
        if lib:
            parts += ['with', lib + ver]
    elif terse:
        parts = [u.system, u.release]
    return '-'.join(p for p in parts if p)


def freedesktop_os_release():
    """Return operation system identification from freedesktop.org os-release."""
    for path in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(path, encoding='utf-8') as f:
                info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
                for line in f:
                    m = _re.match(r'([A-Z][A-Z_0-9]+)=(.*)', line.strip())
                    if m:
                        v = m.group(2)
                        if len(v) >= 2 and v[0] == v[-1] and v[0] in '"\'':
                            v = v[1:-1]
                        info[m.group(1)] = v
                return info
        except OSError:
            continue
    raise OSError('Unable to read files /etc/os-release, /usr/lib/os-release')


_exported = ()
