"""Atomic file writes: a crash or a full disk never leaves a half-written file in place."""

from __future__ import annotations

import os
import re
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
