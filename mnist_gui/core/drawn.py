"""MNIST digits redrawn the way a person draws on the Draw Pad, with no Qt.

A mouse drawing differs from an MNIST scan: one constant pen width with round ends (the pad's
slider, 3–15% of the pad, whatever the size of the digit), a slant or rotation, a shear, a digit
anywhere on the pad from about a third of it to nearly all of it, and a hand's wobble. This module
thins a test digit to its skeleton, moves the skeleton's points (jitter, shear, rotation, scale,
placement), strokes it again with a round pen on a canvas the size of the pad's image, and then
prepares it exactly as the Draw Pad prepares a drawing (``preprocess.prepare_digit``).

It is an evaluation set (``benchmarks/drawn_digits.py``), not an augmentation: training never sees
these images (augmentation has its own randomness, in ``augment.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from PIL import Image, ImageDraw

from .preprocess import prepare_digit

# The Draw Pad renders its drawing at this size for preprocessing (ui.draw_tab.IMAGE_SIZE), and its
# pen slider spans these widths, as fractions of the pad's side (ui.draw_tab.PEN_WIDTH_PERCENT_RANGE).
PAD_SIZE = 140
PEN_WIDTH_RANGE = (0.03, 0.15)
SUPERSAMPLE = 4      # strokes drawn 4× larger, then box-averaged: antialiasing by pixel coverage, like QPainter's
SKELETON_SCALE = 3   # the 28-px digit is enlarged 3× before thinning, so its skeleton is smooth
# Ink thresholds tried for the skeleton, lowest first. At 50 a thick digit's small loops fill up (grey
# inside), and the skeleton of a filled 8 is a line: 97 of the benchmark's 2,000 digits lost a loop
# so, and no one draws an 8 as a stroke. The lowest threshold that keeps the most loops is taken.
INK_THRESHOLDS = (50, 100, 150)
MIN_LOOP_PX = 6      # a hole in the enlarged ink smaller than this is noise, not a loop
# Some scans fill a loop in at every threshold: a 9's loop a blob, thinned to a hook read as 7 or 1.
# With the mouse nobody fills a loop, they draw it round; so a digit of these classes with fewer
# loops than its class has gets its blob hollowed into a ring (0.7–1.2% of the test digits).
LOOPS_OF_DIGIT = {0: 1, 6: 1, 8: 2, 9: 1}
BLOB_DEPTH = 1.8     # a blob reaches at least this many stroke half-widths into the ink
BLOB_AREA = 0.02     # ... and covers at least this share of the digit's box (side squared)
DEFAULT_SEED = 1234


@dataclass(frozen=True)
class Style:
    """How far drawings stray from MNIST; every value is drawn uniformly from its range."""

    rotation: float = 15.0                      # degrees either way
    shear: float = 0.25                         # horizontal shear factor either way (0.25 ≈ 14°)
    height: tuple[float, float] = (1 / 3, 0.95)  # the digit's longer side, as a fraction of the pad
    pen: tuple[float, float] = PEN_WIDTH_RANGE  # pen width, fraction of the pad
    max_pen_to_height: float = 0.25             # nobody writes a digit with a pen a third of its size
    jitter: float = 0.03                        # wobble, as a fraction of the digit's size
    aspect: float = 0.15                        # width stretched or squeezed by up to this much


def skeleton(digit: np.ndarray, threshold: int | None = None, label: int | None = None) -> np.ndarray:
    """The thinned ink of one 28×28 digit, enlarged ``SKELETON_SCALE`` times: a bool image. The ink
    is the enlarged digit above ``threshold``; by default the lowest of ``INK_THRESHOLDS`` that
    keeps as many loops as any (``loops``). Given the digit's ``label``, a loop its class has and
    the ink lacks is hollowed out of its blob, if it has one (``hollow_blob``)."""
    size = digit.shape[0] * SKELETON_SCALE
    big = np.asarray(Image.fromarray(np.asarray(digit, np.uint8)).resize((size, size), Image.Resampling.BILINEAR))
    found = None
    if threshold is None:
        counts = [loops(big > t) for t in INK_THRESHOLDS]
        found = max(counts)
        threshold = INK_THRESHOLDS[int(np.argmax(counts))]  # argmax: the first, lowest, of the most
    ink = big > threshold
    needed = 0 if label is None else LOOPS_OF_DIGIT.get(int(label), 0)
    if needed and (loops(ink) if found is None else found) < needed:  # loops counted once
        ink = hollow_blob(ink)
    return thin(ink)


def hollow_blob(ink: np.ndarray) -> np.ndarray:
    """The bool image ``ink`` with its thickest part, if much thicker than its strokes and large,
    hollowed to a ring as wide as a stroke's half: a filled loop opened again. Unchanged when there
    is no such blob, or hollowing it makes no loop."""
    depth = _depth(ink)
    strokes = thin(ink)
    if not strokes.any():
        return ink
    half_width = float(np.median(depth[strokes]))
    deepest = np.zeros_like(ink)
    deepest[np.unravel_index(np.argmax(depth), depth.shape)] = True
    blob = _reach(depth > half_width, deepest, diagonal=True)
    rows, cols = np.nonzero(ink)
    side = max(np.ptp(rows), np.ptp(cols)) + 1
    if depth.max() < BLOB_DEPTH * half_width or blob.sum() < BLOB_AREA * side * side:
        return ink
    hollow = ink & ~blob
    return hollow if loops(hollow) > loops(ink) else ink


def _depth(ink: np.ndarray) -> np.ndarray:
    """How many 3×3 erosions each ink pixel survives: its chessboard distance to the background."""
    depth = np.zeros(ink.shape, np.int32)
    left = np.asarray(ink, bool)
    while left.any():
        depth += left
        padded = np.pad(left, 1)
        h, w = left.shape
        left = np.logical_and.reduce([padded[r:r + h, c:c + w] for r in range(3) for c in range(3)])
    return depth


def _reach(mask: np.ndarray, start: np.ndarray, diagonal: bool = False) -> np.ndarray:
    """The pixels of ``mask`` connected to ``start`` (4-connected, or 8 with ``diagonal``)."""
    reached = start & mask
    while True:
        grown = reached.copy()
        grown[1:] |= reached[:-1]
        grown[:-1] |= reached[1:]
        grown[:, 1:] |= reached[:, :-1]
        grown[:, :-1] |= reached[:, 1:]
        if diagonal:
            grown[1:, 1:] |= reached[:-1, :-1]
            grown[:-1, :-1] |= reached[1:, 1:]
            grown[1:, :-1] |= reached[:-1, 1:]
            grown[:-1, 1:] |= reached[1:, :-1]
        grown &= mask
        if np.array_equal(grown, reached):
            return reached
        reached = grown


def loops(ink: np.ndarray) -> int:
    """How many holes (background not reachable from the border, ``MIN_LOOP_PX`` pixels or more)
    the bool image ``ink`` has: an 8 has two, a 6 one, a 1 none."""
    background = ~np.asarray(ink, bool)
    border = np.zeros_like(background)
    border[[0, -1], :] = border[:, [0, -1]] = True
    outside = _reach(background, border)  # the background flooded from the border
    left = set(zip(*np.nonzero(background & ~outside)))
    count = 0
    while left:  # the enclosed pixels' 4-connected pieces
        stack, size = [left.pop()], 1
        while stack:
            r, c = stack.pop()
            for q in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if q in left:
                    left.remove(q)
                    stack.append(q)
                    size += 1
        count += size >= MIN_LOOP_PX
    return count


def thin(ink: np.ndarray) -> np.ndarray:
    """Zhang–Suen thinning of a bool image (or a stack of them) to one-pixel-wide lines."""
    img = np.pad(np.asarray(ink, bool), [(0, 0)] * (ink.ndim - 2) + [(1, 1), (1, 1)]).astype(np.uint8)
    while True:
        changed = False
        for step in (0, 1):
            p = img
            c = p[..., 1:-1, 1:-1]
            # Neighbours clockwise from north: P2 .. P9.
            n = [p[..., :-2, 1:-1], p[..., :-2, 2:], p[..., 1:-1, 2:], p[..., 2:, 2:],
                 p[..., 2:, 1:-1], p[..., 2:, :-2], p[..., 1:-1, :-2], p[..., :-2, :-2]]
            b = sum(x.astype(np.int8) for x in n)
            a = sum(((n[i] == 0) & (n[(i + 1) % 8] == 1)).astype(np.int8) for i in range(8))
            p2, p4, p6, p8 = n[0], n[2], n[4], n[6]
            if step == 0:
                side = ((p2 & p4 & p6) == 0) & ((p4 & p6 & p8) == 0)
            else:
                side = ((p2 & p4 & p8) == 0) & ((p2 & p6 & p8) == 0)
            remove = (c == 1) & (b >= 2) & (b <= 6) & (a == 1) & side
            if remove.any():
                c[remove] = 0
                changed = True
        if not changed:
            return img[..., 1:-1, 1:-1].astype(bool)


def _segments(skel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Skeleton pixels as (x, y) points and the index pairs of 8-neighbours: the strokes' segments."""
    rows, cols = np.nonzero(skel)
    points = np.stack([cols, rows], axis=1).astype(np.float64)
    index = -np.ones(np.array(skel.shape) + 2, dtype=np.int64)
    index[rows + 1, cols + 1] = np.arange(len(rows))
    pairs = []
    for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):  # each neighbour pair once
        other = index[rows + 1 + dr, cols + 1 + dc]
        keep = other >= 0
        pairs.append(np.stack([np.flatnonzero(keep), other[keep]], axis=1))
    return points, np.concatenate(pairs)


def _smooth(points: np.ndarray, pairs: np.ndarray, rounds: int = 3) -> np.ndarray:
    """Each point moved towards its neighbours' mean: the pixel staircase becomes a smooth pen path."""
    for _ in range(rounds):
        total = points.copy()
        count = np.ones(len(points))
        np.add.at(total, pairs[:, 0], points[pairs[:, 1]])
        np.add.at(total, pairs[:, 1], points[pairs[:, 0]])
        np.add.at(count, pairs.ravel(), 1)
        points = total / count[:, None]
    return points


def _wobble(points: np.ndarray, rng: np.random.Generator, amplitude: float) -> np.ndarray:
    """A smooth random displacement of points in the unit box: a hand's wobble, not pixel noise."""
    out = points.copy()
    for wavelength, share in ((1.2, 0.6), (0.5, 0.4)):  # a slow bend and a faster tremor
        for axis in (0, 1):
            direction = rng.uniform(0, 2 * np.pi)
            k = np.array([np.cos(direction), np.sin(direction)]) * 2 * np.pi / wavelength
            out[:, axis] += share * amplitude * np.sin(points @ k + rng.uniform(0, 2 * np.pi))
    return out


def _uniform(rng, r):
    return rng.uniform(-r, r) if np.isscalar(r) else rng.uniform(*r)


def draw(digit: np.ndarray, rng: np.random.Generator, style: Style = Style(), size: int = PAD_SIZE,
         label: int | None = None) -> np.ndarray:
    """One 28×28 digit redrawn as a pad drawing: a size×size uint8 canvas, white ink on black. Its
    ``label``, if given, keeps loops a thick scan filled in (``skeleton``)."""
    return draw_path(pen_path(digit, label), rng, style, size)


def pen_path(digit: np.ndarray, label: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The digit's smoothed skeleton as a pen path: (points, index pairs of the segments). Most of
    a drawing's work, and the same for every style: callers drawing one digit often keep it."""
    points, pairs = _segments(skeleton(digit, label=label))
    return _smooth(points, pairs), pairs


def draw_path(path: tuple[np.ndarray, np.ndarray], rng: np.random.Generator, style: Style = Style(),
              size: int = PAD_SIZE) -> np.ndarray:
    """A ``pen_path`` drawn as ``draw`` draws its digit (the same random draws)."""
    points, pairs = path
    if len(points) == 0:
        return np.zeros((size, size), np.uint8)
    return _render(points, pairs, rng, style, size)


def draw_strokes(strokes, rng: np.random.Generator, style: Style = Style(), size: int = PAD_SIZE) -> np.ndarray:
    """A digit given as pen strokes — polylines of (x, y) points, 0..1 across and down, e.g. one
    person's way of writing it (a 7 with a bar) — drawn as a pad drawing, moved by ``style`` exactly
    as ``draw`` moves a skeleton: a size×size uint8 canvas."""
    paths, pen = place_strokes(strokes, rng, style)
    return stroke_canvas(paths, pen, size)


def place_strokes(strokes, rng: np.random.Generator, style: Style = Style()) -> tuple[list, float]:
    """``draw_strokes``' strokes as placed on the pad (pad coordinates, 0..1; densified to a point
    every ~1% of the box) and the pen width: what the Draw Pad would have recorded."""
    points, pairs = [], []
    for stroke in strokes:
        stroke = np.asarray(stroke, np.float64)
        dense = [stroke[0]]
        for a, b in zip(stroke[:-1], stroke[1:]):  # a point every ~1% of the box: the wobble bends lines
            steps = max(1, int(np.ceil(np.hypot(*(b - a)) / 0.01)))
            dense.extend(a + (b - a) * t for t in np.arange(1, steps + 1) / steps)
        first = sum(len(p) for p in points)
        points.append(np.array(dense))
        pairs.extend((first + i, first + i + 1) for i in range(len(dense) - 1))
    if not points:
        return [], float(style.pen[0])
    placed, pen = _place(np.concatenate(points), rng, style)
    ends = np.cumsum([len(p) for p in points])[:-1]
    return np.split(placed, ends), pen


def stroke_canvas(paths, pen: float, size: int = PAD_SIZE) -> np.ndarray:
    """Strokes (pad coordinates) drawn with a round pen ``pen`` wide: a size×size uint8 canvas."""
    if not len(paths):
        return np.zeros((size, size), np.uint8)
    pairs, first = [], 0
    for path in paths:
        pairs.extend((first + i, first + i + 1) for i in range(len(path) - 1))
        first += len(path)
    return _stroke(np.concatenate(paths) * size * SUPERSAMPLE, np.array(pairs, np.int64).reshape(-1, 2),
                   pen, size)


def _render(points: np.ndarray, pairs: np.ndarray, rng: np.random.Generator, style: Style, size: int) -> np.ndarray:
    """Points joined by ``pairs`` (a digit's pen path), wobbled, stretched, sheared, rotated, sized,
    placed and stroked with a round pen: the pad's canvas."""
    p, pen = _place(points, rng, style)
    return _stroke(p * size * SUPERSAMPLE, pairs, pen, size)


def _place(points: np.ndarray, rng: np.random.Generator, style: Style) -> tuple[np.ndarray, float]:
    """The path wobbled, stretched, sheared, rotated, sized and placed: pad coordinates (0..1), and the pen."""
    # Into a unit box around the path's centre, then wobble, stretch, shear and rotate.
    lo, hi = points.min(axis=0), points.max(axis=0)
    extent = max(hi - lo) or 1.0
    p = (points - (lo + hi) / 2) / extent
    p = _wobble(p, rng, style.jitter)
    p[:, 0] *= 1 + _uniform(rng, style.aspect)
    p[:, 0] += _uniform(rng, style.shear) * p[:, 1]
    angle = np.radians(_uniform(rng, style.rotation))
    p = p @ np.array([[np.cos(angle), np.sin(angle)], [-np.sin(angle), np.cos(angle)]])

    # Size and pen: the pen is the pad's, so a small digit gets relatively thick strokes.
    height = _uniform(rng, style.height)
    pen_hi = min(style.pen[1], style.max_pen_to_height * height)
    pen = rng.uniform(style.pen[0], max(style.pen[0], pen_hi))
    height = min(height, 0.98 - pen)  # the whole stroke fits on the pad
    p *= height / max(np.ptp(p, axis=0).max(), 1e-6)
    # Anywhere on the pad, with the whole stroke (pen included) inside it.
    margin = pen / 2 + 0.01
    lo, hi = p.min(axis=0), p.max(axis=0)
    offset = np.array([rng.uniform(margin - lo[i], max(margin - lo[i], 1 - margin - hi[i])) for i in (0, 1)])
    return p + offset, float(pen)


def _stroke(p: np.ndarray, pairs: np.ndarray, pen: float, size: int) -> np.ndarray:
    """Supersampled points joined by ``pairs``, stroked with a round pen, box-averaged to size×size."""
    big = Image.new("L", (size * SUPERSAMPLE, size * SUPERSAMPLE), 0)
    pen_px = pen * size * SUPERSAMPLE
    r = pen_px / 2
    canvas = ImageDraw.Draw(big)
    # A round pen's trace: a disc at every point and a band of its width along every segment.
    for x, y in p:
        canvas.ellipse((x - r, y - r, x + r, y + r), fill=255)
    width = max(1, round(pen_px))
    for i, j in pairs:
        canvas.line((tuple(p[i]), tuple(p[j])), fill=255, width=width)
    return np.asarray(big.reduce(SUPERSAMPLE))


def parse_style(text: str) -> dict:
    """``"rotation=18,jitter=0.045"`` -> {"rotation": 18.0, "jitter": 0.045}, for ``Style``'s
    scalar ranges; a ValueError names what is wrong."""
    scalars = {f.name for f in fields(Style) if isinstance(f.default, float)}
    style = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = item.partition("=")
        if name not in scalars:
            raise ValueError(f"unknown style {name!r}; known: {', '.join(sorted(scalars))}")
        try:
            style[name] = float(value)
        except ValueError:
            raise ValueError(f"{name} needs a number, not {value!r}") from None
    return style


def _style(overrides: dict) -> Style:
    known = {f.name for f in fields(Style)}
    unknown = set(overrides) - known
    if unknown:
        raise TypeError(f"unknown style option(s): {', '.join(sorted(unknown))}")
    return Style(**overrides)


def _choose(images, labels, n, seed):
    images, labels = np.asarray(images), np.asarray(labels)
    rng = np.random.default_rng(seed)
    n = min(int(n), len(images))
    indices = np.sort(rng.choice(len(images), size=n, replace=False))
    return images[indices], labels[indices], indices, rng


def drawn_canvases(images, labels, n: int = 1000, seed: int = DEFAULT_SEED, **style):
    """``n`` of the digits (chosen with ``seed``) as pad canvases: (canvases (n, 140, 140) uint8, labels, indices)."""
    style = _style(style)
    chosen, chosen_labels, indices, rng = _choose(images, labels, n, seed)
    if not len(chosen):
        return np.zeros((0, PAD_SIZE, PAD_SIZE), np.uint8), chosen_labels, indices
    canvases = np.stack([draw(d, rng, style, label=y) for d, y in zip(chosen, chosen_labels)])
    return canvases, chosen_labels, indices


def prepare_canvases(canvases) -> np.ndarray:
    """Pad canvases → model inputs, exactly as the Draw Pad does: (n, 28, 28) uint8."""
    out = np.zeros((len(canvases), 28, 28), np.uint8)
    for i, canvas in enumerate(canvases):
        digit = prepare_digit(canvas)
        if digit is not None:
            out[i] = digit  # whole grey levels already: prepare_digit places uint8 pixels
    return out


def drawn_digits(images, labels, n: int = 1000, seed: int = DEFAULT_SEED, **style):
    """``n`` digits redrawn as mouse drawings and prepared like a pad drawing: (images (n, 28, 28) uint8, labels)."""
    canvases, chosen_labels, _ = drawn_canvases(images, labels, n, seed, **style)
    return prepare_canvases(canvases), chosen_labels
