"""A bounded .npz reader for files from outside the app: never reads without limit (no Qt).

``np.load`` trusts the archive: a zip bomb, a million members or a member that unpacks to more
than it declares all cost memory before any check can run, and ``/dev/zero`` or a FIFO never
ends. This reader refuses anything but a regular file before opening it, checks the file's size,
the central directory's size and the member count before parsing the directory, reads each
``.npy`` header (small, bounded) so that the caller can check dtype and shape before any data is
read, and then reads exactly the bytes the header declares: a member holding more, or less, than
it declares is refused. Pickled objects are refused by dtype, never unpickled. Callers bound the
memory by checking each member's shape and dtype (``members``) before reading it.
"""

from __future__ import annotations

import functools
import io
import math
import struct
import zipfile
from dataclasses import dataclass

import numpy as np
from numpy.lib import format as npy_format

from .files import open_regular_file

MAX_HEADER = 16 * 1024          # an .npy header: a dict of three keys
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_CHUNK = 4 * 2**20


class NpzError(ValueError):
    """The file is not a readable .npz within the limits; the message is one line, without the path."""


@dataclass(frozen=True)
class Member:
    name: str                   # without ".npy"
    shape: tuple
    dtype: np.dtype
    fortran: bool
    nbytes: int


class NpzReader:
    """``with NpzReader(path, max_bytes=…, max_members=…) as npz:`` then ``npz.members`` (name →
    Member, headers only), ``npz.array(name)`` and ``npz.chunks(name, rows)``.

    ``OSError`` (missing file, not a regular file, unreadable) passes through; everything else
    wrong is an NpzError.
    """

    def __init__(self, path, *, max_bytes: int, max_members: int):
        self._file = open_regular_file(path)
        try:
            self._open(max_bytes, max_members)
        except BaseException:
            self._file.close()
            raise

    def _open(self, max_bytes: int, max_members: int) -> None:
        f = self._file
        size = f.seek(0, io.SEEK_END)
        if size > max_bytes:
            raise NpzError(f"too large ({size / 2**20:.0f} MB; at most {max_bytes / 2**20:.0f} MB)")
        # The end record says how large the central directory is: bound it before zipfile parses it.
        tail_size = min(size, _EOCD_SIZE + 0xFFFF)
        f.seek(size - tail_size)
        tail = f.read(tail_size)
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < _EOCD_SIZE:
            raise NpzError("not an .npz file")
        entries, directory = struct.unpack("<HI", tail[at + 10:at + 16])  # total entries, directory size
        if entries > max_members or directory > max_members * 1024:
            raise NpzError(f"too many members (at most {max_members})")
        f.seek(0)
        try:
            self._zip = zipfile.ZipFile(f)
            infos = self._zip.infolist()
        except Exception as exc:  # BadZipFile, struct.error, UnicodeDecodeError…: a hostile directory
            raise NpzError(f"not an .npz file ({_first_line(exc)})") from exc
        if len(infos) > max_members:
            raise NpzError(f"too many members (at most {max_members})")
        self._infos = {}
        self.members: dict[str, Member] = {}
        self.others: list[str] = []  # members that are not .npy arrays
        for info in infos:
            name = info.filename[:-4] if info.filename.endswith(".npy") else None
            member = self._header(info) if name is not None and name not in self.members else None
            if member is None:
                self.others.append(info.filename)
                continue
            self.members[name] = Member(name, *member)
            self._infos[name] = info

    def _header(self, info) -> tuple | None:
        """(shape, dtype, fortran, nbytes) from an .npy member's header; None if it is not one."""
        try:
            with self._zip.open(info) as raw:
                start = raw.read(12)
                if len(start) < 10 or start[:6] != npy_format.MAGIC_PREFIX:
                    return None
                major = start[6]
                if major == 1:
                    length, skip = struct.unpack("<H", start[8:10])[0], 10
                elif major in (2, 3):
                    length, skip = struct.unpack("<I", start[8:12])[0], 12
                else:
                    return None
                if length > MAX_HEADER:
                    return None
                need = skip + length - len(start)
                header = start[:skip + length] if need <= 0 else start + raw.read(need)
        except Exception as exc:  # BadZipFile (a CRC), zlib.error, a compression zipfile lacks
            raise NpzError(f"{_show(info.filename)} is damaged ({_first_line(exc)})") from exc
        try:
            shape, fortran, dtype = _parse_header(header)
        except Exception:  # not a header numpy writes: not an array
            return None
        if dtype.hasobject:
            return shape, dtype, fortran, -1  # refused by the caller's dtype check, never read
        nbytes = math.prod(shape) * dtype.itemsize
        if len(header) + nbytes != info.file_size:
            raise NpzError(f"{_show(info.filename[:-4])}: its size does not match its header (damaged)")
        return shape, dtype, fortran, nbytes

    def _read_into(self, name: str, out: np.ndarray, raw) -> None:
        view = memoryview(out.reshape(-1).view(np.uint8))
        done = 0
        while done < len(view):
            n = raw.readinto(view[done:done + _CHUNK])
            if not n:
                raise NpzError(f"{name}: shorter than its header says (damaged)")
            done += n

    def _open_data(self, name: str):
        member = self.members[name]
        if member.dtype.hasobject or member.nbytes < 0:
            raise NpzError(f"{name} holds Python objects, not plain numbers")
        raw = self._zip.open(self._infos[name])
        raw.read(self._infos[name].file_size - member.nbytes)  # the header, read before
        return member, raw

    def array(self, name: str) -> np.ndarray:
        """The whole member, after its header was checked by the caller (``members[name]``)."""
        try:
            member, raw = self._open_data(name)
            with raw:
                shape = member.shape[::-1] if member.fortran else member.shape
                out = np.empty(shape, member.dtype)
                self._read_into(name, out, raw)
                if raw.read(1):  # also makes zipfile check the CRC
                    raise NpzError(f"{name}: longer than its header says (damaged)")
            return out.T if member.fortran else out
        except NpzError:
            raise
        except Exception as exc:  # BadZipFile (CRC), zlib.error, OSError: a damaged file
            raise NpzError(f"{name} is damaged ({_first_line(exc)})") from exc

    def chunks(self, name: str, rows: int):
        """The member's first axis, ``rows`` at a time (C order only): memory bounded by a chunk."""
        try:
            member, raw = self._open_data(name)
            if member.fortran and len(member.shape) > 1:
                raise NpzError(f"{name}: stored in Fortran order")
            with raw:
                total = member.shape[0] if member.shape else 0
                for start in range(0, total, rows):
                    out = np.empty((min(rows, total - start), *member.shape[1:]), member.dtype)
                    self._read_into(name, out, raw)
                    yield out
                if raw.read(1):
                    raise NpzError(f"{name}: longer than its header says (damaged)")
        except NpzError:
            raise
        except Exception as exc:
            raise NpzError(f"{name} is damaged ({_first_line(exc)})") from exc

    def close(self) -> None:
        zip_file = getattr(self, "_zip", None)
        if zip_file is not None:
            zip_file.close()
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@functools.lru_cache(maxsize=256)
def _parse_header(header: bytes) -> tuple:
    """(shape, fortran, dtype) of an .npy header; cached: a store's files mostly share theirs."""
    stream = io.BytesIO(header)
    version = npy_format.read_magic(stream)
    read = npy_format.read_array_header_1_0 if version == (1, 0) else npy_format.read_array_header_2_0
    return read(stream, max_header_size=MAX_HEADER)


def _show(text) -> str:
    text = "".join(c if c.isprintable() else "?" for c in str(text))
    return text if len(text) <= 40 else text[:39] + "…"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
