"""Atomic file writes: a crash or a full disk never leaves a half-written file in place."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
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


def finish_temp(tmp) -> None:
    """Flush ``tmp`` to disk and give it a saved file's usual mode (mkstemp makes 0600)."""
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.chmod(tmp, 0o666 & ~_umask())


def atomic_write(path, write) -> None:
    """Call ``write(tmp_path)`` on a temp file beside ``path``, then rename it over ``path``."""
    path = Path(path)
    tmp = temp_path(path)
    try:
        write(str(tmp))
        finish_temp(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
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
    """The SHA-256 of a file's bytes, as hex."""

    digest = hashlib.sha256()
    with open(path, "rb") as f:
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
