"""Whole numbers: a row of digits split into digits, each read by the model (no Qt, no TensorFlow).

``segment_digits`` finds the digits in an ink mask: connected strokes (8-connected), the parts of
one digit that lie over each other (a 5's flag, a broken stroke) joined, small marks beside a
digit joined to it, and a part far wider than a digit is tall (two digits that touch) cut at the
column of least ink near its middle. Each digit goes through the MNIST steps
(``preprocess.prepare_digit``) and the model. ``read_image`` does it all for an image file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .images import PhotoSteps, _sliding, load_image_sized, prepare_photo
from .preprocess import INK_THRESHOLD, prepare_digit

MERGE_OVERLAP = 0.5     # parts whose columns overlap this much (of the narrower) are one digit
STACKED = 0.2          # ... and so are parts that overlap at all but share this little of their rows
SMALL_PART = 0.4        # a part shorter than this (of the row's digit height) is a mark, not a digit
NEAR_GAP = 0.3          # ... joined to a digit within this gap (of the digit height), else dropped
FLAG_AREA, FLAG_WIDTH = 0.4, 1.0  # a stroke this small beside a digit, together this narrow: one digit
WIDE = 1.2              # a part wider than this × the digit height holds two (or more) touching digits
CUT_ZONE = (0.3, 0.7)   # where, across the part's width, a cut is looked for
TALL_PIECE = 0.6        # each side of a cut must be this tall (of the digit height) to be a digit
# Two digits that touch and include a 1 ("11", "17", "41") are narrower than WIDE: a part this
# wide (× its height) is also tried cut at a few columns of little ink, and the model decides.
PAIR_WIDE = 0.4
PAIR_ZONE = (0.15, 0.85)
PAIR_CUTS = 4           # columns tried
PAIR_UNSURE = 0.9       # ... only for a part read less surely than this whole (a clear 9 stays a 9, not "91")
PAIR_SURE = 0.95        # ... and into pieces that each read at least this surely
PAIR_TALL = 0.8         # each side this tall (of the part's height): touching digits are both full height


@dataclass
class Part:
    """One digit found in the mask: its box (x, y, w, h) in the mask's pixels and its own pixels."""

    box: tuple[int, int, int, int]
    pixels: np.ndarray  # bool (h, w): this digit's ink within the box
    whole: Part | None = None  # for a piece cut from a wide part: that part (the model decides)
    splits: list = field(default_factory=list)  # other readings: [left, right] Parts (touching digits)


@dataclass
class DigitRead:
    digit: int
    probability: float
    box: tuple[int, int, int, int]   # x, y, w, h in the original image's pixels
    probabilities: np.ndarray        # all ten
    input: np.ndarray                # the 28×28 the model read


@dataclass
class NumberRead:
    """What was read: ``text`` (the digits, left to right) and each digit; ``steps`` for a photo."""

    text: str
    digits: list = field(default_factory=list)
    steps: PhotoSteps | None = None

    def as_json(self, file: str) -> dict:
        """The CLI's JSON line (these names are an interface)."""
        return {"file": file, "text": self.text,
                "digits": [{"digit": d.digit, "probability": round(d.probability, 4), "box": list(d.box)}
                           for d in self.digits]}


def label_components(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """8-connected components of a bool mask: (labels int32, 0 = background, 1..n; n)."""
    mask = np.asarray(mask, dtype=bool)
    h, w = mask.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)  # exclusive; the same order as the starts (row-major)
    n = len(rows)
    if n == 0:
        return np.zeros((h, w), dtype=np.int32), 0
    parent = list(range(n))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first = np.searchsorted(rows, np.arange(h + 1))
    s, e = starts.tolist(), ends.tolist()
    for r in range(1, h):
        i, i_end, j, j_end = first[r - 1], first[r], first[r], first[r + 1]
        while i < i_end and j < j_end:
            if s[j] <= e[i] and s[i] <= e[j]:  # touching, diagonals included
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            if e[i] < e[j]:
                i += 1
            else:
                j += 1
    roots = np.array([root(i) for i in range(n)])
    _, run_label = np.unique(roots, return_inverse=True)
    lengths = ends - starts
    flat = np.zeros(h * w, dtype=np.int32)
    offsets = np.repeat(rows * w + starts - (np.cumsum(lengths) - lengths), lengths)
    flat[offsets + np.arange(int(lengths.sum()))] = np.repeat(run_label + 1, lengths)
    return flat.reshape(h, w), int(run_label.max()) + 1


def _groups(labels: np.ndarray, count: int) -> list[dict]:
    """Each component's bounding columns/rows and area, as mergeable groups."""
    ys, xs = np.nonzero(labels)
    lab = labels[ys, xs]
    area = np.bincount(lab, minlength=count + 1)
    x0 = np.full(count + 1, labels.shape[1]); np.minimum.at(x0, lab, xs)
    x1 = np.zeros(count + 1, dtype=int); np.maximum.at(x1, lab, xs + 1)
    y0 = np.full(count + 1, labels.shape[0]); np.minimum.at(y0, lab, ys)
    y1 = np.zeros(count + 1, dtype=int); np.maximum.at(y1, lab, ys + 1)
    return [{"labels": {k}, "x0": int(x0[k]), "x1": int(x1[k]), "y0": int(y0[k]), "y1": int(y1[k]),
             "area": int(area[k])} for k in range(1, count + 1)]


def _join(a: dict, b: dict) -> dict:
    return {"labels": a["labels"] | b["labels"], "x0": min(a["x0"], b["x0"]), "x1": max(a["x1"], b["x1"]),
            "y0": min(a["y0"], b["y0"]), "y1": max(a["y1"], b["y1"]), "area": a["area"] + b["area"]}


def _merge_overlapping(groups: list[dict]) -> list[dict]:
    changed = True
    while changed:
        changed = False
        groups.sort(key=lambda g: g["x0"])
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                a, b = groups[i], groups[j]
                if b["x0"] >= a["x1"]:
                    continue
                overlap = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                # Digits in a row sit side by side; parts one above the other are one digit's
                # (a stroke broken along a slant).
                rows = min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])
                stacked = overlap > 0 and rows <= STACKED * min(a["y1"] - a["y0"], b["y1"] - b["y0"])
                if stacked or overlap >= MERGE_OVERLAP * min(a["x1"] - a["x0"], b["x1"] - b["x0"]):
                    groups[i] = _join(a, b)
                    del groups[j]
                    changed = True
                    break
            if changed:
                break
    return groups


def _attach_small(groups: list[dict]) -> list[dict]:
    """Marks much shorter than the row's digits, and small strokes beside a digit that would still
    be no wider than a digit with them (a 5's flag): joined to the nearest digit if close, else
    short marks are dropped."""
    height = max(g["y1"] - g["y0"] for g in groups)
    groups = sorted(groups, key=lambda g: -g["area"])
    kept: list[dict] = []
    for g in groups:
        short = g["y1"] - g["y0"] < SMALL_PART * height
        gaps = [max(0, max(k["x0"], g["x0"]) - min(k["x1"], g["x1"])) for k in kept]
        nearest = int(np.argmin(gaps)) if kept else -1
        if nearest >= 0:
            k = kept[nearest]
            flag = (g["area"] < FLAG_AREA * k["area"] and gaps[nearest] <= 0.15 * height
                    and max(k["x1"], g["x1"]) - min(k["x0"], g["x0"]) <= FLAG_WIDTH * height)
            if flag or (short and gaps[nearest] <= NEAR_GAP * height):
                kept[nearest] = _join(k, g)
                continue
        if not short:
            kept.append(g)
    return kept


def _ink_height(pixels: np.ndarray) -> int:
    rows = np.flatnonzero(pixels.any(axis=1))
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def _cut(pixels: np.ndarray, x0: int, height: float) -> list[tuple[int, np.ndarray]]:
    """(left column, pixels) of the digits in one part: cut while wider than ``WIDE`` × height."""
    width = pixels.shape[1]
    if width <= WIDE * height or width < 4:
        return [(x0, pixels)]
    ink = pixels.sum(axis=0).astype(np.float64)
    lo, hi = int(width * CUT_ZONE[0]), max(int(width * CUT_ZONE[0]) + 1, int(width * CUT_ZONE[1]))
    columns = np.arange(lo, hi)
    # The least ink, a little in favour of the middle (ties on a long thin join go to the centre).
    cost = ink[lo:hi] + 0.05 * ink.max() * np.abs(columns - width / 2) / (width / 2)
    at = int(columns[int(np.argmin(cost))])
    left, right = pixels[:, :at], pixels[:, at:]
    if min(_ink_height(left), _ink_height(right)) < TALL_PIECE * height:
        return [(x0, pixels)]  # a flag or a tail, not a second digit: a wide digit (a slanted 5, a 2)
    return _cut(left, x0, height) + _cut(right, x0 + at, height)


def segment_digits(mask: np.ndarray, pairs: bool = True) -> list[Part]:
    """The digits in an ink mask (a row of digits, or one), left to right. ``pairs``: narrower parts
    may be touching digits (a photo's; on the Draw Pad digits are drawn apart: no)."""
    labels, count = label_components(mask)
    if count == 0:
        return []
    groups = _groups(labels, count)
    total = sum(g["area"] for g in groups)
    largest = max(g["area"] for g in groups)
    # Specks (noise, paper grain) are dropped: tiny against both the ink and the largest stroke.
    groups = [g for g in groups if g["area"] >= 0.004 * total or g["area"] >= 0.05 * largest]
    groups = _attach_small(_merge_overlapping(groups))
    groups = _merge_overlapping(groups)
    heights = sorted(g["y1"] - g["y0"] for g in groups)
    height = float(np.median(heights))
    parts = []
    for g in sorted(groups, key=lambda g: g["x0"]):
        window = labels[g["y0"]:g["y1"], g["x0"]:g["x1"]]
        own = np.isin(window, list(g["labels"]))
        pieces = [_tight(left, g["y0"], pixels) for left, pixels in _cut(own, g["x0"], height)]
        pieces = [p for p in pieces if p is not None]
        if len(pieces) > 1:
            whole = _tight(g["x0"], g["y0"], own)
            for piece in pieces:
                piece.whole = whole
        elif pieces and pairs:
            pieces[0].splits = _pair_splits(pieces[0], height)
        parts.extend(pieces)
    return parts


def _pair_splits(part: Part, height: float) -> list[list[Part]]:
    """A part that may be two touching digits: [left, right] at the columns of least ink (local
    minima of the column profile) in its middle, both sides digit-tall. The model decides."""
    pixels = part.pixels
    width = pixels.shape[1]
    if width < PAIR_WIDE * max(height, part.box[3]) or width < 6:
        return []
    ink = pixels.sum(axis=0).astype(np.float64)
    lo, hi = int(width * PAIR_ZONE[0]), int(np.ceil(width * PAIR_ZONE[1]))
    smooth = np.convolve(ink, np.ones(3) / 3, mode="same")
    columns = [c for c in range(max(lo, 1), min(hi, width - 1))
               if smooth[c] <= smooth[c - 1] and smooth[c] <= smooth[c + 1]]
    columns.sort(key=lambda c: smooth[c])
    splits, taken = [], []
    for at in columns:
        if len(splits) == PAIR_CUTS:
            break
        if any(abs(at - t) < width * 0.08 for t in taken):
            continue
        left, right = pixels[:, :at], pixels[:, at:]
        if min(_ink_height(left), _ink_height(right)) < PAIR_TALL * part.box[3]:
            continue  # a slanted stroke cut across: two short pieces
        pieces = [_tight(part.box[0], part.box[1], left), _tight(part.box[0] + at, part.box[1], right)]
        if all(p is not None for p in pieces):
            splits.append(pieces)
            taken.append(at)
    return splits


def _tight(left: int, top: int, pixels: np.ndarray) -> Part | None:
    rows = np.flatnonzero(pixels.any(axis=1))
    cols = np.flatnonzero(pixels.any(axis=0))
    if rows.size == 0:
        return None
    pixels = pixels[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    return Part(box=(left + int(cols[0]), top + int(rows[0]), pixels.shape[1], pixels.shape[0]), pixels=pixels)


def digit_inputs(clean: np.ndarray, parts: list[Part]) -> list[np.ndarray]:
    """The 28×28 model input of each part: its own ink (and soft edge) of ``clean``, MNIST-prepared."""
    inputs = []
    for part in parts:
        x, y, w, h = part.box
        pad = 2
        y0, x0 = max(0, y - pad), max(0, x - pad)
        crop = clean[y0:y + h + pad, x0:x + w + pad]
        own = np.zeros(crop.shape, dtype=np.uint8)
        own[y - y0:y - y0 + h, x - x0:x - x0 + w] = part.pixels
        own = _sliding(_sliding(own, 3, np.maximum), 3, np.maximum).astype(bool)
        digit = prepare_digit(np.where(own, crop, 0))
        inputs.append(digit if digit is not None else np.zeros((28, 28), dtype=np.float32))
    return inputs


@dataclass
class PreparedImage:
    """An image made ready to read, before any model is needed (the CLI checks every file first)."""

    parts: list
    inputs: list
    scale: float
    size: tuple[int, int]            # the original's (width, height)
    steps: PhotoSteps | None = None
    wholes: list = field(default_factory=list)        # the uncut parts that pieces were cut from
    whole_inputs: list = field(default_factory=list)  # ... and their model inputs
    split_inputs: list = field(default_factory=list)  # per part, per split: [left input, right input]
    thumbnails: dict = field(default_factory=dict)    # step name -> small uint8 picture (the app shows them)


def _prepared(clean, parts, scale, size, steps=None) -> PreparedImage:
    wholes = []
    for part in parts:
        if part.whole is not None and not any(part.whole is w for w in wholes):
            wholes.append(part.whole)
    split_inputs = [[digit_inputs(clean, pieces) for pieces in part.splits] for part in parts]
    return PreparedImage(parts=parts, inputs=digit_inputs(clean, parts), scale=scale, size=size, steps=steps,
                         wholes=wholes, whole_inputs=digit_inputs(clean, wholes), split_inputs=split_inputs)


def prepare_image(path) -> PreparedImage:
    """Load and prepare the image at ``path`` (ImageError, one line, if it cannot be read or holds
    no digit). ``path`` may also be grey pixels (H, W) 0..255 (an image pasted in the app)."""
    from .images import WORK_SIDE, ImageError, check_pixels

    if isinstance(path, np.ndarray):
        grey = check_pixels(path)
        size = (grey.shape[1], grey.shape[0])
    else:
        grey, size = load_image_sized(path, max_side=WORK_SIDE)
    steps = prepare_photo(grey, scale=size[0] / grey.shape[1])
    parts = segment_digits(steps.mask)
    if not parts:
        raise ImageError("no digit found")
    return _prepared(steps.clean, parts, steps.scale, size, steps)


def read_prepared(predict, prepared: PreparedImage) -> NumberRead:
    """Read a prepared image with ``predict`` (images (N, 28, 28) 0..255 -> probabilities (N, 10))."""
    split_inputs = [i for splits in prepared.split_inputs for pieces in splits for i in pieces]
    everything = np.stack([*prepared.inputs, *prepared.whole_inputs, *split_inputs]).astype(np.float32)
    probabilities = np.asarray(predict(everything))
    n, m = len(prepared.parts), len(prepared.wholes)
    split_probs = iter(probabilities[n + m:])
    read = []
    for part, probs, image, splits in zip(prepared.parts, probabilities[:n], prepared.inputs,
                                          prepared.split_inputs or [[]] * n):
        # A part that may be two touching digits: the split whose least sure piece reads surest
        # stands if that piece reads surely, and more surely than the part did whole (unsure).
        whole = float(probs.max())
        best, best_sure = None, max(whole, PAIR_SURE)
        for pieces, inputs in zip(part.splits, splits):
            p = [next(split_probs) for _ in pieces]
            sure = min(float(q.max()) for q in p)
            if sure > best_sure and whole < PAIR_UNSURE:
                best, best_sure = list(zip(pieces, p, inputs)), sure
        read.extend(best or [(part, probs, image)])
    # A cut stands only if every piece reads more surely than the part did whole (a wide 0 stays one).
    for whole, probs, image in zip(prepared.wholes, probabilities[n:], prepared.whole_inputs):
        pieces = [i for i, (part, _, _) in enumerate(read) if part.whole is whole]
        if min(read[i][1].max() for i in pieces) <= probs.max():
            read[pieces[0]] = (whole, probs, image)
            read = [r for i, r in enumerate(read) if i not in pieces[1:]]
    digits = []
    width, height = prepared.size
    for part, probs, image in read:
        x, y, w, h = part.box
        s = prepared.scale
        left, top = min(int(x * s), width - 1), min(int(y * s), height - 1)
        right, bottom = min(width, int(np.ceil((x + w) * s))), min(height, int(np.ceil((y + h) * s)))
        digit = int(np.argmax(probs))
        digits.append(DigitRead(digit=digit, probability=float(probs[digit]),
                                box=(left, top, max(1, right - left), max(1, bottom - top)),
                                probabilities=probs, input=image))
    return NumberRead(text="".join(str(d.digit) for d in digits), digits=digits, steps=prepared.steps)


def read_image(path, predict) -> NumberRead:
    """The number (or digit) in the image file at ``path``."""
    return read_prepared(predict, prepare_image(path))


def read_drawing(predict, canvas: np.ndarray) -> NumberRead:
    """The number (or digit) on a Draw Pad canvas (white ink on black, 0..255)."""
    canvas = np.asarray(canvas, dtype=np.float32)
    parts = segment_digits(canvas > INK_THRESHOLD, pairs=False)
    if not parts:
        return NumberRead(text="")
    return read_prepared(predict, _prepared(canvas, parts, 1.0, (canvas.shape[1], canvas.shape[0])))
