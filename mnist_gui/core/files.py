"""Atomic file writes (a crash or a full disk never leaves a half-written file in place), and
opening only regular files (a FIFO blocks forever, a device never ends)."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

# ".<target name>.<pid>.<random>.tmp<suffix>": the pid tells a later save whether the writer is gone.
_TEMP_NAME = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp(\.[^.]+)?$")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_path(path) -> Path:
    """A new, empty temp file beside ``path``, named so that ``clean_stale_temps`` can recognise it.

    Its suffix is ``path``'s in lower case, for writers (Keras, numpy) that go by the suffix.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=f".tmp{path.suffix.lower()}",
                               dir=path.parent)
    os.close(fd)
    return Path(tmp)


def check_folder_writable(folder) -> None:
    """Raise OSError unless a file can be created in ``folder`` (permissions, a read-only disk, /proc):
    only trying tells, whoever the user is. The try leaves no name behind, even on Ctrl-C: Linux
    makes an unnamed file (O_TMPFILE), elsewhere the name lives for microseconds."""
    with tempfile.TemporaryFile(dir=folder):
        pass


def finish_temp(tmp) -> None:
    """Flush ``tmp`` to disk and give it a saved file's usual mode (mkstemp makes 0600)."""
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.chmod(tmp, 0o666 & ~_umask())


def atomic_write(path, write) -> None:
    """Call ``write(tmp_path)`` on a temp file beside ``path``, then rename it over ``path``.

    An existing ``path`` that is not a regular file (a device, a FIFO, a folder, or a link to one)
    is refused with NotRegularFileError: the rename would replace, say, /dev/full with a file.
    """
    atomic_write_all([path], lambda tmps: write(tmps[0]))


def atomic_write_all(paths, write) -> None:
    """``atomic_write`` for files that belong together (a report's pages): ``write(tmp_paths)`` fills
    a temp file beside each path, and only when every one is complete are they renamed over the
    paths; a failure (a full disk at page 4) leaves no temp file and every path as it was."""
    paths = [Path(p) for p in paths]
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = None  # nothing there (or a link loop: the rename replaces the link itself)
        if mode is not None and not stat.S_ISREG(mode):
            raise NotRegularFileError(path, _kind(mode))
    tmps = [temp_path(path) for path in paths]
    try:
        write([str(tmp) for tmp in tmps])
        for tmp in tmps:
            finish_temp(tmp)
        for tmp, path in zip(tmps, paths):
            os.replace(tmp, path)
    except BaseException:
        for tmp in tmps:
            tmp.unlink(missing_ok=True)
        raise


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class NotRegularFileError(OSError):
    """The path exists but is a folder, FIFO, device or socket: reading it could block or never end.

    ``strerror`` (and ``str()``) is one short line, e.g. "is a FIFO (named pipe), not a regular file".
    """

    def __init__(self, path, kind: str):
        super().__init__(errno.EISDIR if kind == "a folder" else errno.EINVAL,
                         f"is {kind}, not a regular file", str(path))

    def __str__(self):
        return self.strerror


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_regular_file(path) -> os.stat_result:
    """``path``'s stat (symlinks followed) if it is a regular file, without opening it.

    Raises NotRegularFileError for a folder, FIFO, device or socket (or a symlink to one), and the
    OSError of ``os.stat`` for a missing file, a symlink loop or a forbidden folder.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(path, _kind(info.st_mode))
    return info


def open_regular_file(path):
    """``open(path, "rb")`` for a regular file only: checked before opening, and again on the open
    descriptor (the path could be swapped for a FIFO in between; O_NONBLOCK keeps that open from blocking)."""
    check_regular_file(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(path, _kind(mode))
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but not ours to signal
        return True
    return True


def clean_stale_temps(folder) -> list[Path]:
    """Delete temp files that interrupted saves (a kill, a crash) left in ``folder``; return them.

    Only files named by ``temp_path`` whose writing process no longer runs: a save in progress in
    another process keeps its temp file.
    """
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match and not _alive(int(match.group(1))):
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def file_sha256(path) -> str:
    """The SHA-256 of a regular file's bytes, as hex (a FIFO or device is refused, never read)."""
    digest = hashlib.sha256()
    with open_regular_file(path) as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def replace_together(pairs) -> None:
    """Rename each (temp, target) of ``pairs`` into place, as one change: the targets there before
    are moved aside first and put back if any rename fails, so the folder holds all the old files
    or all the new ones (files or folders)."""
    aside, placed = [], []
    try:
        for _, target in pairs:
            target = Path(target)
            if target.exists() or target.is_symlink():
                old = target.with_name(f".{target.name}.old-{os.getpid()}")
                remove_path(old)
                os.replace(target, old)
                aside.append((old, target))
        for tmp, target in pairs:
            os.replace(tmp, target)
            placed.append(Path(target))
    except BaseException:
        for target in placed:
            remove_path(target)
        for old, target in aside:
            os.replace(old, target)
        raise
    for old, _ in aside:
        remove_path(old)


def remove_path(path) -> None:
    """Remove a file or a folder (with what it holds), if there."""
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
