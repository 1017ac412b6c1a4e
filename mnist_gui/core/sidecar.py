"""Reading a model's JSON sidecar defensively: it is only informative, so a damaged one (a hand
edit, a half copy, binary garbage, a FIFO in its place) must never stop a model from loading or
training. ``read`` returns the well-typed fields and says, in words, what it dropped.
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path

MAX_BYTES = 16 * 1024 * 1024  # real sidecars are a few kB; a larger file is not one of ours
MAX_COUNT = 10**9             # epochs, images: anything larger is not a real record


class SidecarError(Exception):
    """The sidecar file as a whole cannot be used; the message says why, for the user."""


def read_text(path: Path) -> str | None:
    """The file's text; None when there is no file. Never opens a FIFO or device for long (a
    non-blocking open, then fstat), never reads more than ``MAX_BYTES``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SidecarError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SidecarError("it is not a regular file")
        if info.st_size > MAX_BYTES:
            raise SidecarError(f"it is too large ({info.st_size / 1e6:.0f} MB; a sidecar is a few kB)")
        chunks, size = [], 0
        while size <= MAX_BYTES:  # the file may grow while it is read
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            raise SidecarError("it is too large (a sidecar is a few kB)")
    except OSError as exc:
        raise SidecarError(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        raise SidecarError("it is not UTF-8 text") from None


def parse(text: str) -> dict:
    """The JSON object in ``text``, or ``SidecarError``."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise SidecarError("it is not valid JSON (nested too deeply)") from None
    except ValueError as exc:
        where = f" (line {exc.lineno} column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise SidecarError(f"it is not valid JSON{where}") from None
    if not isinstance(data, dict):
        raise SidecarError(f"it holds {_kind(data)}, not a JSON object")
    return data


def _kind(value) -> str:
    return {list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def _share(value) -> bool:
    return _number(value) and 0 <= value <= 1


def _nonnegative(value) -> bool:
    return _number(value) and value >= 0


def _history(value) -> bool:
    """Per-epoch metric lists: names to lists of finite numbers, all of one length."""
    if not isinstance(value, dict):
        return False
    lengths = set()
    for name, values in value.items():
        if not isinstance(values, list) or not all(_number(v) for v in values):
            return False
        lengths.add(len(values))
    return len(lengths) <= 1


def _hashes(value) -> bool:
    return value is None or (isinstance(value, dict) and all(isinstance(v, str) for v in value.values()))


# What each field the app reads must be; None is accepted where a writer records "not measured".
_CHECKS = {
    "preset": (lambda v: isinstance(v, str), "not a name"),
    "config": (lambda v: isinstance(v, dict), "not an object"),
    "epochs_run": (_count, "not a whole number from 0 to 10^9"),
    "train_size": (_count, "not a whole number from 0 to 10^9"),
    "test_accuracy": (lambda v: v is None or _share(v), "not a number from 0 to 1"),
    "test_accuracy_checked": (_share, "not a number from 0 to 1"),
    "drawn_accuracy": (lambda v: v is None or _share(v), "not a number from 0 to 1"),
    "test_loss": (lambda v: v is None or _nonnegative(v), "not a number ≥ 0"),
    "train_seconds": (_nonnegative, "not a number ≥ 0"),
    "history": (_history, "not lists of finite numbers of one length"),
    "stopped": (lambda v: isinstance(v, bool), "not true or false"),
    "data_verified": (lambda v: isinstance(v, bool), "not true or false"),
    "data_source": (lambda v: isinstance(v, str), "not a name"),
    "data_sha256": (_hashes, "not hashes"),
    "date": (lambda v: isinstance(v, str), "not a date"),
    "compute_dtype": (lambda v: isinstance(v, str), "not a name"),
    "drawings": (lambda v: isinstance(v, dict), "not an object"),
    "changes": (lambda v: isinstance(v, list) and all(isinstance(c, dict) for c in v), "not a list of objects"),
}


def clean(data: dict) -> tuple[dict, list[str]]:
    """``data`` without the known fields of the wrong type or range, and what was dropped (words).
    A null the field does not allow is dropped silently (not recorded). Fields this module does not
    know are kept as they are (JSON values, informative only)."""
    kept, dropped = {}, []
    for key, value in data.items():
        check = _CHECKS.get(key)
        if check is None or check[0](value):
            kept[key] = value
        elif value is None:
            pass  # null: not recorded, which is no damage (those that may be null are kept above)
        else:
            dropped.append(f"{key} ({shown(value)}: {check[1]})")
    # A history of more epochs than the model has run would be continued at the wrong epochs.
    length = len(next(iter(kept.get("history", {}).values()), []))
    runs = kept.get("epochs_run")
    if length and (runs is None or length > runs):
        del kept["history"]
        dropped.append(f"history ({length} epochs, but {'no epochs_run' if runs is None else f'epochs_run {runs}'})")
    return kept, dropped


def shown(value) -> str:
    if isinstance(value, list):
        return f"a list of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, dict):
        return f"an object of {len(value)} field{'' if len(value) == 1 else 's'}"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, float) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
