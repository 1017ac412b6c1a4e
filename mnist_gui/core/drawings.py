"""My drawings: digits the user drew on the Draw Pad and labelled, kept on disk (no Qt).

The store is a folder (``drawings/`` in the user data dir, beside the MNIST cache) of ``.npz``
files, each holding one or more drawings (an id each) and written atomically (temp file, fsync,
rename). A label writes one new small file and an import one packed file; nothing else is
rewritten, so a kill at any moment loses at most what is being saved, and a half-written temp file
is never read (its name starts with a dot) and is removed by the next write. Deleting a drawing
rewrites (or removes) only the files holding its id. A drawing's pad image (canvas) is optional:
imported ones have none. Loading keeps each file's arrays as they are (no object per drawing) and
counts an id found in two files (a copied file) once.

Every file is read by ``npz_reader`` (regular files only, bounded sizes, no pickles); a file that
is not what this module writes is skipped with a warning, never loaded half. Export and import use
one ``.npz`` in the Keras MNIST layout: ``x`` (uint8 N×28×28), ``y`` (uint8 N).
"""

from __future__ import annotations

import logging
import os
import stat
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .files import NotRegularFileError, atomic_write, check_regular_file, clean_stale_temps
from . import strokes as _strokes
from .npz_reader import NpzError, NpzReader

log = logging.getLogger("mnist_gui.drawings")

DIR_NAME = "drawings"
PAD_SIZE = 140                       # the pad's raw image (ui.draw_tab.IMAGE_SIZE)
IMPORT_LIMIT = 20_000                # drawings in one import
STORE_LIMIT = 100_000                # drawings in the store
MAX_IMPORT_BYTES = 100 * 2**20       # an .npz to import or train on, on disk
MAX_IMPORT_DRAWINGS = IMPORT_LIMIT   # the former name
_STORE_FILE_BYTES = 512 * 2**20      # a file of the store, on disk
_FILE_ROWS = 100_000                 # drawings in one file of the store (older imports: up to 100,000)
_REQUIRED = ("ids", "digits", "labels", "predictions", "pen_widths", "dates")
_FIELDS = (*_REQUIRED[:2], "canvases", *_REQUIRED[2:])  # a file of the store before canvases were optional
_SPARSE = "canvas_rows"              # canvases (k×140×140) belong to these rows
_ID_LEN = 32
_CANVAS_CHUNK = 512                  # rows of a dense (older) canvases array read at a time: 10 MB
_FILE_CANVASES = 1_000               # pad images in one file (a label's file has one, an import none): 20 MB


class DrawingsError(Exception):
    """A drawings file or store operation failed; the message is one line meant for the user."""


def default_drawings_dir() -> Path:
    """``drawings/`` in the user data dir: the MNIST cache's rules (MNIST_GUI_DATA_DIR, XDG_DATA_HOME…)."""
    from .data import default_cache_dir

    return default_cache_dir() / DIR_NAME


@dataclass(frozen=True)
class Drawing:
    id: str
    digit: np.ndarray               # (28, 28) uint8: the model's input (read-only)
    canvas: np.ndarray | None       # (140, 140) uint8: the pad's raw image (None when imported)
    label: int
    prediction: int | None          # what the model in use said when it was labelled
    pen_width: float | None         # fraction of the pad's side
    date: str                       # ISO 8601, UTC
    strokes: tuple = ()             # core.strokes.Stroke of a pad drawing (none when imported, or older)


def _now_id() -> str:
    # Time first, so that file names and ids sort in the order drawings were added.
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")


def _new_id() -> str:
    return _now_id() + uuid.uuid4().hex[:10]


def _show(text, limit: int = 60) -> str:
    """A name from a file (or a zip inside it) fit for a one-line message."""
    text = "".join(c if c.isprintable() else "?" for c in str(text))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _error(exc: OSError) -> str:
    return exc.strerror or str(exc)


class _Pack:
    """The drawings of one file, as arrays (row i is one drawing); never changed in place."""

    def __init__(self, ids, digits, labels, predictions, pens, dates, canvases: dict, strokes: dict | None = None):
        self.ids, self.digits, self.labels = ids, digits, labels
        self.predictions, self.pens, self.dates = predictions, pens, dates
        self.canvases = canvases          # row → (140, 140) uint8, only rows that have one
        self.strokes = strokes or {}      # row → (Stroke, ...), only rows that have them
        for array in (ids, digits, labels, predictions, pens, dates):
            array.setflags(write=False)

    def __len__(self):
        return len(self.ids)

    @classmethod
    def of(cls, drawings: list[Drawing]) -> "_Pack":
        return cls(np.array([d.id for d in drawings], f"<U{_ID_LEN}"),
                   np.stack([d.digit for d in drawings]).astype(np.uint8),
                   np.array([d.label for d in drawings], np.uint8),
                   np.array([-1 if d.prediction is None else d.prediction for d in drawings], np.int8),
                   np.array([np.nan if d.pen_width is None else d.pen_width for d in drawings], np.float32),
                   np.array([d.date for d in drawings], "<U32"),
                   {i: d.canvas for i, d in enumerate(drawings) if d.canvas is not None},
                   {i: d.strokes for i, d in enumerate(drawings) if d.strokes})

    def drawing(self, i: int) -> Drawing:
        p, pen = int(self.predictions[i]), float(self.pens[i])
        return Drawing(str(self.ids[i]), self.digits[i], self.canvases.get(i), int(self.labels[i]),
                       None if p < 0 else p, None if np.isnan(pen) else round(pen, 4), str(self.dates[i]),
                       self.strokes.get(i, ()))

    def without(self, rows) -> "_Pack":
        keep = np.setdiff1d(np.arange(len(self)), rows)
        renumber = {int(old): new for new, old in enumerate(keep)}
        return _Pack(self.ids[keep], self.digits[keep], self.labels[keep], self.predictions[keep],
                     self.pens[keep], self.dates[keep],
                     {renumber[i]: c for i, c in self.canvases.items() if i in renumber},
                     {renumber[i]: c for i, c in self.strokes.items() if i in renumber})

    def arrays(self) -> dict:
        out = {"ids": self.ids, "digits": self.digits, "labels": self.labels, "predictions": self.predictions,
               "pen_widths": self.pens, "dates": self.dates}
        if self.canvases:
            rows = sorted(self.canvases)
            out[_SPARSE] = np.array(rows, np.int32)
            out["canvases"] = np.stack([self.canvases[i] for i in rows]).astype(np.uint8)
        out.update(_strokes.pack(self.strokes))
        return out


def _expect(npz: NpzReader, name: str, shape: tuple, kinds: str, itemsize: int) -> None:
    m = npz.members[name]
    if m.shape != shape or m.dtype.kind not in kinds or m.dtype.itemsize > itemsize or m.dtype.hasobject:
        raise DrawingsError("not a drawings file of this app")


def _read(path) -> _Pack:
    """One file of the store, checked whole (shapes and dtypes before any data is read)."""
    try:
        with NpzReader(path, max_bytes=_STORE_FILE_BYTES, max_members=len(_FIELDS) + 1 + len(_strokes.FIELDS)) as npz:
            names = set(npz.members)
            if npz.others or not set(_REQUIRED) <= names or names - {*_FIELDS, _SPARSE, *_strokes.FIELDS}:
                raise DrawingsError("not a drawings file of this app")
            ids = npz.members["ids"].shape
            n = ids[0] if len(ids) == 1 else -1
            if not 0 <= n <= _FILE_ROWS:
                raise DrawingsError("not a drawings file of this app")
            _expect(npz, "ids", (n,), "U", 4 * _ID_LEN)
            _expect(npz, "digits", (n, 28, 28), "u", 1)
            _expect(npz, "labels", (n,), "u", 1)
            _expect(npz, "predictions", (n,), "i", 1)
            _expect(npz, "pen_widths", (n,), "f", 4)
            _expect(npz, "dates", (n,), "U", 4 * 64)
            canvas_rows = None
            if _SPARSE in names:
                k = npz.members[_SPARSE].shape[0] if len(npz.members[_SPARSE].shape) == 1 else -1
                if not 0 <= k <= min(n, _FILE_CANVASES) or "canvases" not in names:
                    raise DrawingsError("not a drawings file of this app")
                _expect(npz, _SPARSE, (k,), "i", 4)
                _expect(npz, "canvases", (k, PAD_SIZE, PAD_SIZE), "u", 1)
                canvas_rows = npz.array(_SPARSE)
                if k and (canvas_rows.min() < 0 or canvas_rows.max() >= n):
                    raise DrawingsError("not a drawings file of this app")
            elif "canvases" in names:
                _expect(npz, "canvases", (n, PAD_SIZE, PAD_SIZE), "u", 1)
            arrays = {name: npz.array(name) for name in _REQUIRED}
            if n and int(arrays["labels"].max()) > 9:
                raise DrawingsError("not a drawings file of this app")
            strokes = _strokes.read(npz, n, _not_ours)
            canvases = {}
            if canvas_rows is not None:
                canvases = dict(zip(canvas_rows.tolist(), npz.array("canvases")))
            elif "canvases" in names:  # dense, as written before: an all-blank canvas means none
                start = 0
                for chunk in npz.chunks("canvases", _CANVAS_CHUNK):
                    for i in np.flatnonzero(chunk.reshape(len(chunk), -1).any(axis=1)):
                        canvases[start + int(i)] = chunk[i].copy()
                    start += len(chunk)
                    if len(canvases) > _FILE_CANVASES:
                        raise DrawingsError("not a drawings file of this app")
    except NpzError as exc:
        raise DrawingsError(f"not a drawings file ({exc})") from exc
    except OSError as exc:
        raise DrawingsError(f"cannot be read ({_error(exc)})") from exc
    for c in canvases.values():
        c.setflags(write=False)
    return _Pack(arrays["ids"].astype(f"<U{_ID_LEN}"), arrays["digits"], arrays["labels"],
                 arrays["predictions"].astype(np.int8), arrays["pen_widths"].astype(np.float32),
                 arrays["dates"], canvases, strokes)


def _not_ours():
    raise DrawingsError("not a drawings file of this app")


def _write(path: Path, pack: _Pack) -> None:
    arrays = pack.arrays()

    def write(tmp):
        with open(tmp, "wb") as f:  # a file object: np.savez would add ".npz" to a name
            np.savez_compressed(f, **arrays)

    atomic_write(path, write)


class DrawingStore:
    """The user's labelled drawings in one folder; all reads come from an in-memory copy.

    Reading never raises: a folder that cannot be read shows no drawings and says why in ``error``
    (an app must start whatever the folder is); ``load()`` raises it as a DrawingsError, and so does
    every change (add, delete, undo, import) and export. Every failure is a DrawingsError, never an
    OSError. Not thread-safe: one owner (the service, on the UI thread) calls it.
    """

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else default_drawings_dir()
        self._files: dict[str, _Pack] | None = None   # file name → its drawings
        self._view = None                             # what the files show (ids once), built when read
        self._xy = None                               # their images and labels, built when read
        self._added: list[str] = []                   # ids added in this session, for undo
        self.warnings: list[str] = []                 # files skipped at the last load, one line each
        self.error: str | None = None                 # why the folder could not be read at the last load

    # ---- reading -----------------------------------------------------------------------------------

    def _load(self) -> dict[str, _Pack]:
        if self._files is None:
            self.warnings, self.error, entries = [], None, []
            try:
                with os.scandir(self.folder) as scan:
                    entries = sorted((e.name, e.path) for e in scan if not e.name.startswith("."))
            except FileNotFoundError:
                pass  # nothing labelled yet
            except NotADirectoryError:
                self.error = f"the drawings folder {_show(self.folder, 200)} is not a folder"
            except OSError as exc:
                self.error = f"cannot read the drawings folder {_show(self.folder, 200)}: {_error(exc)}"
            files = {}
            for name, path in entries:
                try:
                    if not name.endswith(".npz"):
                        raise DrawingsError("not a drawings file of this app")
                    check_regular_file(path)  # a FIFO would block the read, a device never end
                    files[name] = _read(path)
                except (DrawingsError, OSError) as exc:
                    reason = _error(exc) if isinstance(exc, OSError) else str(exc)
                    self.warnings.append(f"{_show(name)} skipped: {reason}")
                    log.warning("My drawings: %s skipped: %s", path, reason)
            self._files = files
            self._view = None
        return self._files

    def _current(self):
        """(parts: [(name, rows)], index: id → (name, row)): each id once (a copied file's first), oldest first."""
        files = self._load()
        if self._view is None:
            parts, index = [], {}
            for name in sorted(files):
                self._append(name, files[name], parts, index)
            self._view = (parts, index)
            self._xy = None
        return self._view

    @staticmethod
    def _append(name: str, pack: _Pack, parts: list, index: dict) -> None:
        rows = []
        for row, drawing_id in enumerate(pack.ids.tolist()):
            if drawing_id not in index:
                index[drawing_id] = (name, row)
                rows.append(row)
        parts.append((name, rows))

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        parts, _ = self._current()
        if self._xy is None:
            files = self._files
            xs = [files[n].digits if len(r) == len(files[n]) else files[n].digits[r] for n, r in parts]
            ys = [files[n].labels if len(r) == len(files[n]) else files[n].labels[r] for n, r in parts]
            x = np.concatenate(xs) if xs else np.zeros((0, 28, 28), np.uint8)
            y = np.concatenate(ys) if ys else np.zeros(0, np.uint8)
            x.setflags(write=False)
            y.setflags(write=False)
            self._xy = (x, y)
        return self._xy

    def _changed(self, added: str | None = None) -> None:
        """Forget what the files show; a new file that sorts last (ids start with the time) is simply appended."""
        if added is not None and self._view is not None and all(n < added for n, _ in self._view[0]):
            self._append(added, self._files[added], *self._view)
        else:
            self._view = None
        self._xy = None

    def reload(self) -> None:
        self._files = None
        self._view = None

    def load(self) -> int:
        """Read the folder (again) now; the number of drawings, or DrawingsError if it cannot be read."""
        self.reload()
        self._load()
        if self.error:
            raise DrawingsError(self.error)
        return len(self)

    def _writable(self) -> dict[str, _Pack]:
        """The files, for a change or an export: DrawingsError if the folder cannot be read (tried again)."""
        if self.error:
            self.reload()
        files = self._load()
        if self.error:
            raise DrawingsError(self.error)
        return files

    def drawings(self) -> list[Drawing]:
        """Every drawing, oldest first."""
        files = self._load()
        return [files[name].drawing(row) for name, rows in self._current()[0] for row in rows]

    def __len__(self) -> int:
        return len(self._current()[1])

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(images (N, 28, 28) uint8, labels (N,) uint8), oldest first: the Keras MNIST layout (read-only)."""
        return self._arrays()

    def counts(self) -> np.ndarray:
        """Drawings per digit, (10,)."""
        return np.bincount(self.arrays()[1], minlength=10)

    def strokes(self) -> list[tuple]:
        """Each drawing's strokes (() for none), in the order of ``arrays()``."""
        files = self._load()
        return [files[name].strokes.get(row, ()) for name, rows in self._current()[0] for row in rows]

    def get(self, drawing_id: str) -> Drawing | None:
        where = self._current()[1].get(drawing_id)
        return None if where is None else self._load()[where[0]].drawing(where[1])

    # ---- writing ------------------------------------------------------------------------------------

    def _room_for(self, n: int) -> None:
        if len(self) + n > STORE_LIMIT:
            raise DrawingsError(f"My drawings are full: {len(self):,} kept, at most {STORE_LIMIT:,} "
                                f"(delete some first)" if n == 1 else
                                f"{n:,} more would make {len(self) + n:,} drawings, more than the "
                                f"{STORE_LIMIT:,} My drawings keep")

    def _write_new(self, pack: _Pack) -> None:
        files = self._writable()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DrawingsError(f"could not create the drawings folder {self.folder}: {_error(exc)}") from exc
        clean_stale_temps(self.folder)
        name = f"{pack.ids[0]}.npz"
        try:
            _write(self.folder / name, pack)
        except OSError as exc:
            raise DrawingsError(f"could not save in {self.folder}: {_error(exc)}") from exc
        files[name] = pack
        self._changed(added=name)

    def add(self, digit, label: int, *, canvas=None, prediction: int | None = None,
            pen_width: float | None = None, strokes=()) -> Drawing:
        """Keep one labelled drawing (written to disk before this returns), with its strokes if given
        (``core.strokes.strokes_of``: dicts of points, times and width, or Strokes)."""
        digit = np.asarray(digit)
        if digit.shape != (28, 28):
            raise DrawingsError(f"a drawing is 28×28, not {digit.shape}")
        if not 0 <= int(label) <= 9:
            raise DrawingsError(f"a label is a digit 0-9, not {label}")
        if canvas is not None:
            canvas = np.array(canvas, np.uint8)  # a copy: the pad goes on drawing in its own
            canvas.setflags(write=False)
            if canvas.shape != (PAD_SIZE, PAD_SIZE):
                raise DrawingsError(f"the pad's image is {PAD_SIZE}×{PAD_SIZE}, not {canvas.shape}")
        try:
            strokes = _strokes.strokes_of(strokes or ())
        except _strokes.StrokesError as exc:
            raise DrawingsError(f"the drawing's strokes: {exc}") from None
        self._writable()  # first: a folder that cannot be read is said as such
        self._room_for(1)
        drawing = Drawing(_new_id(), np.clip(np.rint(digit), 0, 255).astype(np.uint8), canvas, int(label),
                          None if prediction is None else int(prediction),
                          None if pen_width is None else float(pen_width),
                          datetime.now(timezone.utc).isoformat(timespec="seconds"), strokes)
        self._write_new(_Pack.of([drawing]))
        self._added.append(drawing.id)
        return self.get(drawing.id)

    def delete(self, drawing_id: str) -> bool:
        """Remove one drawing from every file holding its id (each rewritten without it, or removed);
        False if there is none."""
        files = self._writable()
        found = False
        for name in sorted(files):
            pack = files[name]
            rows = np.flatnonzero(pack.ids == drawing_id)
            if not len(rows):
                continue
            rest = pack.without(rows)
            try:
                if len(rest):
                    _write(self.folder / name, rest)
                else:
                    (self.folder / name).unlink(missing_ok=True)
            except OSError as exc:
                raise DrawingsError(f"could not delete the drawing: {_error(exc)}") from exc
            finally:
                self._changed()
            if len(rest):
                files[name] = rest
            else:
                del files[name]
            found = True
        if found and drawing_id in self._added:
            self._added.remove(drawing_id)
        return found

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
        self._writable()  # not "0 drawings exported" from a folder that cannot be read
        x, y = self.arrays()
        path = Path(path)

        def write(tmp):
            with open(tmp, "wb") as f:
                np.savez_compressed(f, x=x, y=y)

        try:
            atomic_write(path, write)
        except OSError as exc:
            raise DrawingsError(f"could not write {_show(path, 200)}: {_error(exc)}") from exc
        return len(y)

    def import_npz(self, path) -> int:
        """Add the drawings of a Keras-layout .npz (at most IMPORT_LIMIT; checked whole first: a bad
        file adds nothing), as one packed file without pad images."""
        self._writable()  # a folder that cannot be read: said before the file is read
        x, y = read_mnist_layout(path)
        n = len(y)
        if not n:
            return 0
        self._room_for(n)
        stamp, tag = _now_id(), uuid.uuid4().hex[:4]
        ids = np.array([f"{stamp}{tag}{i:06d}" for i in range(n)], f"<U{_ID_LEN}")
        date = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._write_new(_Pack(ids, x, y, np.full(n, -1, np.int8), np.full(n, np.nan, np.float32),
                              np.full(n, date, "<U32"), {}))  # one file: all of them or none
        return n


def read_mnist_layout(path, limit: int = IMPORT_LIMIT) -> tuple[np.ndarray, np.ndarray]:
    """``x`` (uint8 N×28×28) and ``y`` (integers 0-9, N) from an .npz, or DrawingsError saying what is wrong.

    Refuses anything but a regular file (before opening it), files over MAX_IMPORT_BYTES, more than
    ``limit`` images, pickled objects, other dtypes and shapes (all checked before any array is
    read, and each array read with a bound) and labels out of range.
    """
    name = _show(Path(path).name)
    try:
        with NpzReader(path, max_bytes=MAX_IMPORT_BYTES, max_members=16) as npz:
            for key in ("x", "y"):
                if key not in npz.members:
                    if f"{key}.npy" in npz.others:
                        raise DrawingsError(f"{name}: {key} is not a numpy array")
                    found = ", ".join(_show(m, 20) for m in [*npz.members, *npz.others][:6])
                    raise DrawingsError(f"{name}: needs arrays x and y (found: {found or 'none'})")
            mx, my = npz.members["x"], npz.members["y"]
            if mx.dtype.hasobject or my.dtype.hasobject:
                raise DrawingsError(f"{name}: holds Python objects, not plain arrays of numbers")
            if mx.dtype != np.uint8 or len(mx.shape) != 3 or mx.shape[1:] != (28, 28):
                raise DrawingsError(f"{name}: x must be uint8 N×28×28, not {mx.dtype} {mx.shape}")
            n = mx.shape[0]
            if my.dtype.kind not in "iu" or my.shape != (n,):
                raise DrawingsError(f"{name}: y must be {n} integer labels, not {my.dtype} {my.shape}")
            if n > limit:
                raise DrawingsError(f"{name}: {n:,} images, more than {limit:,} at a time")
            x, y = npz.array("x"), npz.array("y")
    except NpzError as exc:
        raise DrawingsError(f"{name}: {exc}") from exc
    except NotRegularFileError as exc:
        raise DrawingsError(f"{name}: {exc}") from exc
    except OSError as exc:
        raise DrawingsError(f"{name}: cannot read it ({_error(exc)})") from exc
    if len(y) and (int(y.min()) < 0 or int(y.max()) > 9):
        raise DrawingsError(f"{name}: labels must be 0-9, found {int(y.min())}-{int(y.max())}")
    return np.ascontiguousarray(x), y.astype(np.uint8)


def load_drawings(path_or_default) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of the store (``"default"`` or a store folder) or of a Keras-layout .npz file
    (at most STORE_LIMIT images: an exported store)."""
    if path_or_default in (None, "", "default"):
        store = DrawingStore()
        store.load()
        return store.arrays()
    path = Path(path_or_default)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise DrawingsError(f"no drawings at {_show(path, 200)} (give an .npz with x and y, a drawings "
                            f"folder, or 'default')") from None
    except OSError as exc:
        raise DrawingsError(f"{_show(path, 200)}: {_error(exc)}") from exc
    if stat.S_ISDIR(mode):
        store = DrawingStore(path)
        store.load()
        return store.arrays()
    return read_mnist_layout(path, limit=STORE_LIMIT)


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


def mixed_size(n: int, n_extra: int, share: float) -> int:
    """How many images ``mix`` makes of ``n`` images and ``n_extra`` extra ones (a run's plan counts so)."""
    return n if not n_extra or share <= 0 else n + mix_repeats(n, n_extra, share) * n_extra


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

