"""A pad drawing's strokes (points and times), kept beside its image in My drawings, and drawings
re-rendered from them to teach more from a few (no Qt).

A stroke is the pen's path: points (N, 2) in pad coordinates (0..1 across and down; a mouse may
stray a little outside the pad), the time of each point (seconds from the drawing's first point)
and the pen's width (a fraction of the pad's side). In a file of the store the strokes of the rows
that have them are five flat arrays (``stroke_rows``, ``stroke_counts``, ``stroke_lengths``,
``stroke_widths``, ``stroke_points``: x, y, t per point), every size checked against the limits
before anything is read, every value checked after: no pickles, no object arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_STROKES = 200              # strokes in one drawing
MAX_POINTS = 20_000            # points in one drawing (a slow, long scribble has a few thousand)
FILE_POINTS = 2_000_000        # points in one file of the store (24 MB)
COORDINATE_RANGE = (-1.0, 2.0)  # pad coordinates: the pad is 0..1; a drag may leave it
MAX_SECONDS = 24 * 3600.0
VARIANTS = 8                   # re-rendered variants of a drawing per fine-tune (~20 ms each); further
                               # repeats reuse them through the image augmentation
FIELDS = ("stroke_rows", "stroke_counts", "stroke_lengths", "stroke_widths", "stroke_points")


class StrokesError(ValueError):
    """Strokes that are not what a pad records (one line)."""


@dataclass(frozen=True)
class Stroke:
    points: np.ndarray   # (N, 2) float32, pad coordinates
    times: np.ndarray    # (N,) float32, seconds from the drawing's first point
    width: float         # pen width, fraction of the pad's side


def strokes_of(given) -> tuple[Stroke, ...]:
    """Strokes given as dicts (``points``, ``times``, ``width``; DrawCanvas.strokes()) or Strokes,
    checked: StrokesError says what is wrong."""
    out = []
    total = 0
    given = list(given)
    if len(given) > MAX_STROKES:
        raise StrokesError(f"at most {MAX_STROKES} strokes in a drawing, not {len(given)}")
    for s in given:
        points, times, width = (s.points, s.times, s.width) if isinstance(s, Stroke) else \
            (s["points"], s["times"], s["width"])
        points = np.asarray(points)
        times = np.asarray(times)
        if points.ndim != 2 or points.shape[1] != 2 or not 1 <= len(points) <= MAX_POINTS:
            raise StrokesError(f"a stroke's points are (N, 2), 1 <= N <= {MAX_POINTS}, not {points.shape}")
        if times.shape != (len(points),):
            raise StrokesError(f"a stroke needs one time per point, not {times.shape} for {len(points)}")
        total += len(points)
        if total > MAX_POINTS:
            raise StrokesError(f"at most {MAX_POINTS} points in a drawing")
        out.append(Stroke(*_checked(points, times, width)))
    return tuple(out)


def _checked(points, times, width):
    if points.dtype.kind not in "fiu" or times.dtype.kind not in "fiu":
        raise StrokesError("stroke points and times are numbers")
    points, times = points.astype(np.float32), times.astype(np.float32)
    width = float(width)
    lo, hi = COORDINATE_RANGE
    if not (np.isfinite(points).all() and points.min() >= lo and points.max() <= hi):
        raise StrokesError("stroke points must be finite pad coordinates")
    if not (np.isfinite(times).all() and times.min() >= 0 and times.max() <= MAX_SECONDS):
        raise StrokesError("stroke times must be finite seconds from the drawing's start")
    if not (np.isfinite(width) and 0 < width <= 0.5):
        raise StrokesError("a pen width is a fraction of the pad, above 0 and at most 0.5")
    for a in (points, times):
        a.setflags(write=False)
    return points, times, width


def pack(strokes_by_row: dict) -> dict:
    """The store's arrays for ``{row: (Stroke, ...)}`` (rows without strokes left out)."""
    rows = sorted(r for r, s in strokes_by_row.items() if s)
    if not rows:
        return {}
    every = [s for r in rows for s in strokes_by_row[r]]
    return {"stroke_rows": np.array(rows, np.int32),
            "stroke_counts": np.array([len(strokes_by_row[r]) for r in rows], np.int32),
            "stroke_lengths": np.array([len(s.points) for s in every], np.int32),
            "stroke_widths": np.array([s.width for s in every], np.float32),
            "stroke_points": np.concatenate([np.column_stack([s.points, s.times]) for s in every]).astype(np.float32)}


def read(npz, n: int, refuse) -> dict:
    """``{row: (Stroke, ...)}`` from an open ``NpzReader`` of a store file with ``n`` rows (none if it
    holds no strokes). ``refuse()`` raises the store's "not a drawings file" error."""
    names = set(npz.members) & set(FIELDS)
    if not names:
        return {}
    if names != set(FIELDS):
        refuse()
    m = npz.members

    def expect(name, shape, kind):
        member = m[name]
        if member.shape != shape or member.dtype.kind != kind or member.dtype.itemsize > 4 or member.dtype.hasobject:
            refuse()

    k = m["stroke_rows"].shape[0] if len(m["stroke_rows"].shape) == 1 else -1
    s = m["stroke_lengths"].shape[0] if len(m["stroke_lengths"].shape) == 1 else -1
    p = m["stroke_points"].shape[0] if len(m["stroke_points"].shape) == 2 else -1
    if not (0 <= k <= n and 0 <= s <= k * MAX_STROKES and 0 <= p <= min(FILE_POINTS, k * MAX_POINTS)):
        refuse()
    expect("stroke_rows", (k,), "i")
    expect("stroke_counts", (k,), "i")
    expect("stroke_lengths", (s,), "i")
    expect("stroke_widths", (s,), "f")
    expect("stroke_points", (p, 3), "f")
    rows, counts, lengths = npz.array("stroke_rows"), npz.array("stroke_counts"), npz.array("stroke_lengths")
    if k and (rows.min() < 0 or rows.max() >= n or len(np.unique(rows)) != k):
        refuse()
    if (counts < 1).any() or (counts > MAX_STROKES).any() or int(counts.sum()) != s:
        refuse()
    if (lengths < 1).any() or int(lengths.sum(dtype=np.int64)) != p:
        refuse()
    widths, points = npz.array("stroke_widths"), npz.array("stroke_points")
    out, stroke, start = {}, 0, 0
    try:
        for row, count in zip(rows.tolist(), counts.tolist()):
            strokes = []
            for length, width in zip(lengths[stroke:stroke + count].tolist(), widths[stroke:stroke + count].tolist()):
                xyt = points[start:start + length]
                strokes.append({"points": xyt[:, :2], "times": xyt[:, 2], "width": width})
                start += length
            stroke += count
            out[row] = strokes_of(strokes)
    except StrokesError:
        refuse()
    return out


# ---- teaching more from a few drawings: re-rendered from their strokes -------------------------------

def augment_style(width: float | None = None):
    """Small changes a hand makes between two drawings of the same digit: a pen a little thinner or
    thicker than the drawing's own (``width``; any pad pen without it), a little more or less slant
    and size, a wobble. The person's own shape and slant (in the strokes) stay."""
    from .drawn import PEN_WIDTH_RANGE, Style

    pen = PEN_WIDTH_RANGE if width is None else (max(PEN_WIDTH_RANGE[0], 0.75 * width),
                                                 min(PEN_WIDTH_RANGE[1], 1.3 * width))
    return Style(rotation=6.0, shear=0.1, height=(0.45, 0.9), pen=pen, max_pen_to_height=0.25, jitter=0.025,
                 aspect=0.08)


def rerender(strokes, rng: np.random.Generator, style=None) -> np.ndarray | None:
    """One new variant of a drawing from its strokes, as the model's 28×28 uint8 input (None: no ink)."""
    from .drawn import draw_strokes
    from .preprocess import prepare_digit

    paths = [np.asarray(s.points, np.float64) for s in strokes]
    if not paths:
        return None
    digit = prepare_digit(draw_strokes(paths, rng, style or augment_style(float(np.median([s.width for s in strokes])))))
    return None if digit is None else np.clip(np.rint(digit), 0, 255).astype(np.uint8)


def vary_from_strokes(strokes_per_drawing, fallback=None, seed: int | None = None):
    """A ``core.drawings.mix`` ``vary``: copy i of drawing j (the copies come tiled, drawing after
    drawing) is re-rendered from drawing j's strokes (its first ``VARIANTS`` copies; later ones
    reuse those variants, through ``fallback``); drawings without strokes go to ``fallback`` (the
    image augmentation), or stay as they are."""
    strokes_per_drawing = list(strokes_per_drawing)
    n = len(strokes_per_drawing)

    def vary(images):
        rng = np.random.default_rng(seed)
        out = np.array(images, np.uint8)
        plain = []
        for i in range(len(out)):
            j, k = (i % n, i // n) if n else (0, 0)
            strokes = strokes_per_drawing[j] if n else None
            if strokes and k >= VARIANTS:
                out[i] = out[j + n * (k % VARIANTS)]  # an earlier variant, varied again below
                plain.append(i)
                continue
            digit = rerender(strokes, rng) if strokes else None
            if digit is None:
                plain.append(i)
            else:
                out[i] = digit
        if plain and fallback is not None:
            out[plain] = fallback(out[plain])
        return out

    return vary
