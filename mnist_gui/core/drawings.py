"""My drawings: digits the user drew on the Draw Pad and labelled, kept on disk (no Qt).

The store is a folder (``drawings/`` in the user data dir, beside the MNIST cache) of small ``.npz``
files, each holding one or more drawings and written atomically (temp file, fsync, rename). Adding
a drawing writes one new file; nothing else is rewritten, so a kill at any moment loses at most the
drawing being saved, and a half-written temp file is never read (its name starts with a dot) and is
removed by the next write. Deleting a drawing rewrites (or removes) the one file holding it.

Every file is read with ``allow_pickle=False``; a file that is not what this module writes is
skipped with a warning, never loaded half. Export and import use one ``.npz`` in the Keras MNIST
layout: ``x`` (uint8 N×28×28), ``y`` (uint8 N).
"""

from __future__ import annotations

import logging
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .files import atomic_write, clean_stale_temps

log = logging.getLogger("mnist_gui.drawings")

DIR_NAME = "drawings"
PAD_SIZE = 140                       # the pad's raw image (ui.draw_tab.IMAGE_SIZE)
MAX_IMPORT_BYTES = 64 * 2**20        # a file, and what its members unpack to
MAX_IMPORT_DRAWINGS = 100_000
_FIELDS = ("ids", "digits", "canvases", "labels", "predictions", "pen_widths", "dates")
_ID_LEN = 32


class DrawingsError(Exception):
    """A drawings file or store operation failed; the message is one line meant for the user."""


def default_drawings_dir() -> Path:
    """``drawings/`` in the user data dir: the MNIST cache's rules (MNIST_GUI_DATA_DIR, XDG_DATA_HOME…)."""
    from .data import default_cache_dir

    return default_cache_dir() / DIR_NAME


@dataclass(frozen=True)
class Drawing:
    id: str
    digit: np.ndarray               # (28, 28) uint8: the model's input
    canvas: np.ndarray | None       # (140, 140) uint8: the pad's raw image (None when imported)
    label: int
    prediction: int | None          # what the model in use said when it was labelled
    pen_width: float | None         # fraction of the pad's side
    date: str                       # ISO 8601, UTC


def _new_id() -> str:
    # Time first, so that file names and ids sort in the order drawings were added.
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f") + uuid.uuid4().hex[:10]


def _pack(drawings: list[Drawing]) -> dict:
    n = len(drawings)
    canvases = np.zeros((n, PAD_SIZE, PAD_SIZE), np.uint8)
    for i, d in enumerate(drawings):
        if d.canvas is not None:
            canvases[i] = d.canvas
    return {
        "ids": np.array([d.id for d in drawings], dtype=f"<U{_ID_LEN}"),
        "digits": np.stack([d.digit for d in drawings]).astype(np.uint8),
        "canvases": canvases,
        "labels": np.array([d.label for d in drawings], np.uint8),
        "predictions": np.array([-1 if d.prediction is None else d.prediction for d in drawings], np.int8),
        "pen_widths": np.array([np.nan if d.pen_width is None else d.pen_width for d in drawings], np.float32),
        "dates": np.array([d.date for d in drawings], dtype="<U32"),
    }


def _unpack(arrays: dict) -> list[Drawing]:
    ids, digits, canvases = arrays["ids"], arrays["digits"], arrays["canvases"]
    labels, predictions, pens, dates = arrays["labels"], arrays["predictions"], arrays["pen_widths"], arrays["dates"]
    n = len(ids)
    shapes_ok = (digits.shape == (n, 28, 28) and digits.dtype == np.uint8
                 and canvases.shape == (n, PAD_SIZE, PAD_SIZE) and canvases.dtype == np.uint8
                 and all(a.shape == (n,) for a in (labels, predictions, pens, dates))
                 and ids.dtype.kind == "U" and dates.dtype.kind == "U" and labels.dtype == np.uint8)
    if not shapes_ok or (n and int(labels.max()) > 9):
        raise DrawingsError("not a drawings file of this app")
    return [Drawing(str(ids[i]), digits[i].copy(), canvases[i].copy() if canvases[i].any() else None,
                    int(labels[i]), None if predictions[i] < 0 else int(predictions[i]),
                    None if np.isnan(pens[i]) else round(float(pens[i]), 4), str(dates[i])) for i in range(n)]


def _read(path: Path) -> list[Drawing]:
    try:
        with np.load(path, allow_pickle=False) as npz:
            if set(npz.files) != set(_FIELDS):
                raise DrawingsError("not a drawings file of this app")
            return _unpack({k: npz[k] for k in _FIELDS})
    except DrawingsError:
        raise
    except Exception as exc:  # zip, zlib, header, pickled-object errors: all a bad file
        raise DrawingsError(f"unreadable: {exc}") from exc


def _write(path: Path, drawings: list[Drawing]) -> None:
    arrays = _pack(drawings)

    def write(tmp):
        with open(tmp, "wb") as f:  # a file object: np.savez would add ".npz" to a name
            np.savez_compressed(f, **arrays)

    atomic_write(path, write)


class DrawingStore:
    """The user's labelled drawings in one folder; all reads come from an in-memory copy.

    Not thread-safe: one owner (the service, on the UI thread) calls it.
    """

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else default_drawings_dir()
        self._files: dict[str, list[Drawing]] | None = None   # file name → its drawings
        self._added: list[str] = []                             # ids added in this session, for undo
        self.warnings: list[str] = []

    # ---- reading -----------------------------------------------------------------------------------

    def _load(self) -> dict[str, list[Drawing]]:
        if self._files is None:
            files = {}
            self.warnings = []
            if self.folder.is_dir():
                for path in sorted(self.folder.glob("[!.]*.npz")):
                    try:
                        files[path.name] = _read(path)
                    except DrawingsError as exc:
                        self.warnings.append(f"{path.name} skipped: {exc}")
                        log.warning("drawings: %s skipped: %s", path, exc)
            self._files = files
        return self._files

    def reload(self) -> None:
        self._files = None

    def drawings(self) -> list[Drawing]:
        """Every drawing, oldest first."""
        return [d for name in sorted(self._load()) for d in self._load()[name]]

    def __len__(self) -> int:
        return sum(len(v) for v in self._load().values())

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(images (N, 28, 28) uint8, labels (N,) uint8), oldest first: the Keras MNIST layout."""
        drawings = self.drawings()
        if not drawings:
            return np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.uint8)
        return np.stack([d.digit for d in drawings]), np.array([d.label for d in drawings], np.uint8)

    def counts(self) -> np.ndarray:
        """Drawings per digit, (10,)."""
        return np.bincount(self.arrays()[1], minlength=10)

    def get(self, drawing_id: str) -> Drawing | None:
        return next((d for d in self.drawings() if d.id == drawing_id), None)

    # ---- writing ------------------------------------------------------------------------------------

    def _write_new(self, drawings: list[Drawing]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        clean_stale_temps(self.folder)
        name = f"{drawings[0].id}.npz"
        try:
            _write(self.folder / name, drawings)
        except OSError as exc:
            raise DrawingsError(f"could not save in {self.folder}: {exc.strerror or exc}") from exc
        self._load()[name] = drawings

    def add(self, digit, label: int, *, canvas=None, prediction: int | None = None,
            pen_width: float | None = None) -> Drawing:
        """Keep one labelled drawing (written to disk before this returns)."""
        digit = np.asarray(digit)
        if digit.shape != (28, 28):
            raise DrawingsError(f"a drawing is 28×28, not {digit.shape}")
        if not 0 <= int(label) <= 9:
            raise DrawingsError(f"a label is a digit 0-9, not {label}")
        if canvas is not None:
            canvas = np.asarray(canvas, np.uint8)
            if canvas.shape != (PAD_SIZE, PAD_SIZE):
                raise DrawingsError(f"the pad's image is {PAD_SIZE}×{PAD_SIZE}, not {canvas.shape}")
        drawing = Drawing(_new_id(), np.clip(np.rint(digit), 0, 255).astype(np.uint8), canvas, int(label),
                          None if prediction is None else int(prediction),
                          None if pen_width is None else float(pen_width),
                          datetime.now(timezone.utc).isoformat(timespec="seconds"))
        self._write_new([drawing])
        self._added.append(drawing.id)
        return drawing

    def delete(self, drawing_id: str) -> bool:
        """Remove one drawing (its file rewritten without it, or removed); False if there is none."""
        files = self._load()
        for name, drawings in files.items():
            rest = [d for d in drawings if d.id != drawing_id]
            if len(rest) == len(drawings):
                continue
            try:
                if rest:
                    _write(self.folder / name, rest)
                else:
                    (self.folder / name).unlink(missing_ok=True)
            except OSError as exc:
                raise DrawingsError(f"could not delete the drawing: {exc.strerror or exc}") from exc
            if rest:
                files[name] = rest
            else:
                del files[name]
            if drawing_id in self._added:
                self._added.remove(drawing_id)
            return True
        return False

    def can_undo(self) -> bool:
        return bool(self._added)

    def undo_last(self) -> Drawing | None:
        """Remove the drawing labelled last in this session; returns it (None if there is none)."""
        while self._added:
            drawing = self.get(self._added[-1])
            if drawing is None:
                self._added.pop()
                continue
            self.delete(drawing.id)
            return drawing
        return None

    # ---- export and import --------------------------------------------------------------------------

    def export_npz(self, path) -> int:
        """Write every drawing as one .npz in the Keras MNIST layout (``x``, ``y``); returns the count."""
        x, y = self.arrays()
        path = Path(path)

        def write(tmp):
            with open(tmp, "wb") as f:
                np.savez_compressed(f, x=x, y=y)

        try:
            atomic_write(path, write)
        except OSError as exc:
            raise DrawingsError(f"could not write {path}: {exc.strerror or exc}") from exc
        return len(y)

    def import_npz(self, path) -> int:
        """Add the drawings of a Keras-layout .npz (checked whole first: a bad file adds nothing)."""
        x, y = read_mnist_layout(path)
        if not len(y):
            return 0
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        drawings = [Drawing(_new_id(), x[i], None, int(y[i]), None, None, now) for i in range(len(y))]
        self._write_new(drawings)  # one file: all of them or none
        return len(drawings)


def read_mnist_layout(path) -> tuple[np.ndarray, np.ndarray]:
    """``x`` (uint8 N×28×28) and ``y`` (integers 0-9, N) from an .npz, or DrawingsError saying what is wrong.

    Refuses pickled objects, other dtypes and shapes, labels out of range and files (or members)
    larger than MAX_IMPORT_BYTES, before reading any array.
    """
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DrawingsError(f"{name}: cannot read it ({exc.strerror or exc})") from exc
    if size > MAX_IMPORT_BYTES:
        raise DrawingsError(f"{name}: too large ({size / 2**20:.0f} MB; at most {MAX_IMPORT_BYTES // 2**20} MB)")
    if not zipfile.is_zipfile(path):
        raise DrawingsError(f"{name}: not an .npz file")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_IMPORT_BYTES:
            raise DrawingsError(f"{name}: unpacks to {unpacked / 2**20:.0f} MB, more than drawings can be")
        with np.load(path, allow_pickle=False) as npz:
            if "x" not in npz.files or "y" not in npz.files:
                raise DrawingsError(f"{name}: needs arrays x and y (found: {', '.join(npz.files) or 'none'})")
            x, y = npz["x"], npz["y"]
    except DrawingsError:
        raise
    except Exception as exc:  # pickled objects (ValueError), damaged members, bad headers
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DrawingsError(f"{name}: cannot be read as plain arrays ({first})") from exc
    if x.dtype != np.uint8 or x.ndim != 3 or x.shape[1:] != (28, 28):
        raise DrawingsError(f"{name}: x must be uint8 N×28×28, not {x.dtype} {x.shape}")
    if y.dtype.kind not in "iu" or y.shape != (len(x),):
        raise DrawingsError(f"{name}: y must be {len(x)} integer labels, not {y.dtype} {y.shape}")
    if len(x) > MAX_IMPORT_DRAWINGS:
        raise DrawingsError(f"{name}: {len(x)} images, more than {MAX_IMPORT_DRAWINGS}")
    if len(y) and (int(y.min()) < 0 or int(y.max()) > 9):
        raise DrawingsError(f"{name}: labels must be 0-9, found {int(y.min())}-{int(y.max())}")
    return np.ascontiguousarray(x), y.astype(np.uint8)


def load_drawings(path_or_default) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of the store (``"default"`` or a store folder) or of a Keras-layout .npz file."""
    if path_or_default in (None, "", "default"):
        return DrawingStore().arrays()
    path = Path(path_or_default)
    if path.is_dir():
        return DrawingStore(path).arrays()
    if not path.exists():
        raise DrawingsError(f"no drawings at {path} (give an .npz with x and y, a drawings folder, or 'default')")
    return read_mnist_layout(path)


def held_out_split(labels, fraction: float = 0.3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(taught, held-out) index arrays: about ``fraction`` of each digit's drawings held out (none
    for a digit with a single drawing), fixed by ``seed`` so the same drawings stay held out."""
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    held = []
    for digit in range(10):
        where = np.flatnonzero(labels == digit)
        k = int(round(len(where) * fraction)) if len(where) > 1 else 0
        held.extend(rng.permutation(where)[:k])
    held = np.sort(np.array(held, dtype=np.int64))
    return np.setdiff1d(np.arange(len(labels)), held), held


def mix_repeats(n: int, n_extra: int, share: float) -> int:
    """How many times ``mix`` repeats ``n_extra`` images among ``n`` to make ``share`` of the whole."""
    share = min(float(share), 0.9)
    return max(1, int(round(share / (1 - share) * n / max(n_extra, 1))))


def mix(x, y, extra_x, extra_y, share: float, vary=None) -> tuple[np.ndarray, np.ndarray]:
    """``x, y`` with ``extra`` repeated so that it makes about ``share`` of the result (oversampling:
    a few dozen drawings among 60,000 images would otherwise not count). Each extra image appears
    at least once. Training shuffles every epoch, so they are simply appended. ``vary(images)``, if
    given, turns every repeat after the first into variants (augmentation)."""
    extra_x, extra_y = np.asarray(extra_x, np.uint8), np.asarray(extra_y, np.uint8)
    if not len(extra_y) or share <= 0:
        return x, y
    repeats = mix_repeats(len(y), len(extra_y), share)
    copies = np.tile(extra_x, (repeats, 1, 1))
    if vary is not None and repeats > 1:
        copies[len(extra_x):] = vary(copies[len(extra_x):])
    return (np.concatenate([np.asarray(x, np.uint8), copies]),
            np.concatenate([np.asarray(y, np.uint8), np.tile(extra_y, repeats)]))

