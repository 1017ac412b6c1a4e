"""How well a model reads spoilt digits, and how far its confidence can be trusted, with no Qt.

The Robustness tab spoils a fixed sample of the test set — Gaussian noise, rotation, slant
(shear), thicker or thinner strokes, and redrawing as a mouse drawing (``drawn.py``) — and asks
the model thread for the model's answers (``compute``). The distortions are NumPy (bilinear
sampling, grey-level morphology): a slider move costs milliseconds before the model runs. Only the
mouse drawings are slow to make (a few ms a digit), so a ``Sample`` makes each level of them once.

Long jobs are generators: the model thread runs one step (at most ``STEP`` images through a
model), then whatever else is queued (the Draw Pad's predictions), then the next step.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields, replace

import numpy as np

from . import drawn
from .inside import Superseded  # noqa: F401  (one exception for a long job overtaken by new weights)
from .preprocess import CENTRE

SAMPLE_SIZE = 1000          # test images spoilt; fixed seed, so every model meets the same ones
SAMPLE_SEED = 2017
NOISE_SEED = 7              # one noise pattern, scaled by σ: curves are smooth and results repeatable
DRAWN_SEED = drawn.DEFAULT_SEED + 1  # not the drawn benchmark's own images
STEP = 250                  # images through a model per step: a CNN step stays near 0.1 s
DRAW_CHUNK = 10            # digits redrawn per step: 3-7 ms each
CONFIDENT = 0.99            # an error at or above this confidence is a "very confident" one


@dataclass(frozen=True)
class Distortion:
    """How to spoil the images; all zero leaves them as they are."""

    noise: float = 0.0      # σ of Gaussian noise, in grey levels (of 255)
    rotation: float = 0.0   # degrees, anticlockwise
    shear: float = 0.0      # slant: x moves by shear × height above the centre (0.25 ≈ 14° to the right)
    thickness: float = 0.0  # px: > 0 thicker strokes, < 0 thinner
    drawn: float = 0.0      # 0: the MNIST image; up to 1: redrawn as a mouse drawing, the drawn
                            # benchmark's style scaled by this much (its pen always the pad's)

    def is_identity(self) -> bool:
        return all(getattr(self, f.name) == 0 for f in fields(self))


@dataclass(frozen=True)
class Axis:
    """One distortion as the view offers it: its slider's range and its curve's points."""

    name: str
    title: str
    unit: str
    low: float
    high: float
    step: float             # slider resolution
    curve: tuple            # values the curve is measured at

    def format(self, value: float) -> str:
        if self.name == "drawn":
            return "MNIST image" if value == 0 else f"{value:.0%} drawing"
        if self.name == "shear":
            return f"{value:+.2f}" if value else "0"
        if self.name == "thickness":
            return f"{value:+g} px" if value else "0 px"
        return f"{value:+g}{self.unit}" if self.name == "rotation" and value else f"{value:g}{self.unit}"


AXES = (
    Axis("noise", "Noise σ", "", 0, 160, 4, (0, 20, 40, 60, 80, 100, 120, 160)),
    Axis("rotation", "Rotation", "°", -60, 60, 1, (-60, -45, -30, -15, 0, 15, 30, 45, 60)),
    Axis("shear", "Slant (shear)", "", -0.6, 0.6, 0.02, (-0.6, -0.45, -0.3, -0.15, 0, 0.15, 0.3, 0.45, 0.6)),
    Axis("thickness", "Stroke thickness", " px", -1.5, 3, 0.25, (-1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3)),
    Axis("drawn", "Mouse drawing", "", 0, 1, 0.25, (0, 0.25, 0.5, 0.75, 1)),
)
AXIS = {a.name: a for a in AXES}


# ---- the distortions ------------------------------------------------------------------------------

def add_noise(images, sigma: float, seed: int = NOISE_SEED) -> np.ndarray:
    """Gaussian noise of σ ``sigma`` grey levels, clipped to 0..255 (float32)."""
    images = np.asarray(images, np.float32)
    if sigma == 0:
        return images
    return np.clip(images + sigma * _noise_pattern(images.shape, seed), 0, 255)


@functools.lru_cache(maxsize=2)
def _noise_pattern(shape, seed):
    # Drawing 784,000 normals takes longer than the rest of a slider move: drawn once per shape.
    pattern = np.random.default_rng(seed).standard_normal(shape, dtype=np.float32)
    pattern.flags.writeable = False
    return pattern


def warp(images, rotation: float = 0.0, shear: float = 0.0) -> np.ndarray:
    """Rotate (degrees, anticlockwise) and slant each image about MNIST's centre of mass (14, 14),
    bilinear; what falls outside is black. Both zero: the images unchanged (float32)."""
    images = np.asarray(images, np.float32)
    if rotation == 0 and shear == 0:
        return images
    h, w = images.shape[-2:]
    a = np.radians(rotation)
    # Forward map (x right, y up from the centre): slant, then rotate. Sample at its inverse.
    forward = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) @ np.array([[1, shear], [0, 1]])
    inverse = np.linalg.inv(forward)
    rows, cols = np.mgrid[0:h, 0:w].astype(np.float64)
    x, y = cols - CENTRE, CENTRE - rows
    sx, sy = inverse @ np.stack([x.ravel(), y.ravel()])
    src_c, src_r = sx + CENTRE, CENTRE - sy
    r0, c0 = np.floor(src_r).astype(np.int64), np.floor(src_c).astype(np.int64)
    fr, fc = (src_r - r0).astype(np.float32), (src_c - c0).astype(np.float32)
    padded = np.pad(images.reshape(-1, h, w), ((0, 0), (1, 2), (1, 2)))  # reads outside give 0
    r0c, c0c = np.clip(r0 + 1, 0, h + 1), np.clip(c0 + 1, 0, w + 1)
    outside = (r0 < -1) | (r0 > h - 1) | (c0 < -1) | (c0 > w - 1)
    top = padded[:, r0c, c0c] * (1 - fc) + padded[:, r0c, c0c + 1] * fc
    bottom = padded[:, r0c + 1, c0c] * (1 - fc) + padded[:, r0c + 1, c0c + 1] * fc
    out = top * (1 - fr) + bottom * fr
    out[:, outside] = 0
    return out.reshape(images.shape)


def _morph(images: np.ndarray, grow: bool, square: bool) -> np.ndarray:
    """One step of grey dilation (``grow``) or erosion by a 3×3 cross or square."""
    pick = np.maximum if grow else np.minimum
    fill = 0 if grow else 255  # outside the image: black when growing, no effect when thinning
    p = np.pad(images, ((0, 0), (1, 1), (1, 1)), constant_values=fill)
    h, w = images.shape[-2:]
    out = images.copy()
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)) + (((-1, -1), (-1, 1), (1, -1), (1, 1)) if square else ()):
        pick(out, p[:, 1 + dr:1 + dr + h, 1 + dc:1 + dc + w], out=out)
    return out


def thicken(images, px: float) -> np.ndarray:
    """Strokes ``px`` pixels thicker (> 0: grey dilation) or thinner (< 0: erosion) on each side.

    Each whole pixel is one step by a cross then a square, in turn (a rounder pen than either);
    a fraction blends the two nearest whole steps, so ink grows steadily with ``px``.
    """
    images = np.asarray(images, np.float32)
    if px == 0:
        return images
    x = images.reshape(-1, *images.shape[-2:])
    steps, fraction = divmod(abs(px), 1.0)
    before = x
    for i in range(int(steps)):
        before = _morph(before, px > 0, square=i % 2 == 1)
    out = before
    if fraction > 1e-9:
        after = _morph(before, px > 0, square=int(steps) % 2 == 1)
        out = before * (1 - fraction) + after * fraction
    return out.reshape(images.shape)


def drawn_style(level: float) -> dict:
    """The drawn benchmark's style (``drawn.Style``) with its strays scaled by ``level`` (0..1):
    slant, shear, wobble, stretch and size range. The pen is always the pad's whole range."""
    base = drawn.Style()
    low, high = base.height
    return dict(rotation=base.rotation * level, shear=base.shear * level, jitter=base.jitter * level,
                aspect=base.aspect * level, height=(low * level + high * (1 - level), high))


def draw_images(images, level: float, seed: int = DRAWN_SEED, labels=None, paths=None):
    """Generator: the images redrawn as mouse drawings at ``level`` and prepared as the Draw Pad
    prepares a drawing, ``DRAW_CHUNK`` at a time (yields None between chunks); returns (n, 28, 28) uint8.

    One random stream for every level: a digit at level ½ is its level-1 drawing half as strayed.
    The ``labels``, if given, keep loops that thick scans filled in (``drawn.skeleton``). ``paths``,
    a list this fills with the images' pen paths (``drawn.pen_path``), carries them to the next
    level: they are four fifths of a drawing's work and the same at every level.
    """
    style = drawn.Style(**drawn_style(level))
    rng = np.random.default_rng(seed)
    paths = [] if paths is None else paths
    chunk = DRAW_CHUNK
    out = np.zeros((len(images), 28, 28), np.uint8)
    for start in range(0, len(images), chunk):
        stop = min(start + chunk, len(images))
        for i in range(len(paths), stop):
            paths.append(drawn.pen_path(images[i], None if labels is None else labels[i]))
        canvases = [drawn.draw_path(paths[i], rng, style) for i in range(start, stop)]
        out[start:stop] = drawn.prepare_canvases(canvases)
        yield None
    return out


@dataclass(eq=False)
class Sample:
    """The fixed sample of the test set the view spoils, and its mouse drawings once made.

    The drawings are made (and kept) on the model thread only."""

    images: np.ndarray       # (n, 28, 28) uint8
    labels: np.ndarray       # (n,)
    indices: np.ndarray      # into the test set
    seed: int = SAMPLE_SEED
    _drawn: dict = field(default_factory=dict, repr=False)
    _paths: list = field(default_factory=list, repr=False)  # the images' pen paths, for every level

    @classmethod
    def of(cls, x_test, y_test, n: int = SAMPLE_SIZE, seed: int = SAMPLE_SEED) -> Sample:
        n = min(int(n), len(x_test))
        indices = np.sort(np.random.default_rng(seed).choice(len(x_test), size=n, replace=False))
        return cls(np.asarray(x_test)[indices], np.asarray(y_test)[indices], indices, seed)

    def __len__(self) -> int:
        return len(self.labels)

    def has_drawn(self, level: float) -> bool:
        return level == 0 or level in self._drawn

    def base(self, level: float):
        """Generator: the images, or their mouse drawings at ``level`` (made once, in steps)."""
        if level == 0:
            return self.images
        if level not in self._drawn:
            self._drawn[level] = yield from draw_images(self.images, level, labels=self.labels, paths=self._paths)
        return self._drawn[level]


def distort(sample: Sample, d: Distortion):
    """Generator: the sample spoilt by ``d``, as float32 0..255 (drawn, thickness, slant and
    rotation, then noise: the order a pad drawing would meet them)."""
    images = yield from sample.base(d.drawn)
    images = thicken(images, d.thickness)
    images = warp(images, d.rotation, d.shear)
    return add_noise(images, d.noise)


# ---- what the model makes of them --------------------------------------------------------------------

@dataclass(frozen=True)
class Model:
    """A model to ask: its role ("current", "other"), its name, and its predict function."""

    role: str
    name: str
    predict: object          # images (n, 28, 28) float 0..255 -> probabilities (n, 10)


def _predict(predict, images):
    """Generator: probabilities in steps of STEP images."""
    parts = []
    for start in range(0, len(images), STEP):
        parts.append(np.asarray(predict(images[start:start + STEP])))
        yield None
    return np.concatenate(parts) if parts else np.zeros((0, 10), np.float32)


@dataclass
class Evaluation:
    distortion: Distortion
    images: np.ndarray                  # the spoilt images, uint8 (what the models saw, rounded)
    labels: np.ndarray
    indices: np.ndarray                 # into the test set
    probabilities: dict                 # role -> (n, 10)
    names: dict                         # role -> model name

    def accuracy(self, role: str = "current") -> float:
        p = self.probabilities.get(role)
        return float("nan") if p is None or not len(p) else float(np.mean(p.argmax(axis=1) == self.labels))


@dataclass
class Curves:
    """Accuracy against each distortion alone (the others at zero), per model."""

    names: dict                              # role -> model name
    accuracy: dict                           # role -> {axis name -> array over that axis' curve points (NaN: not yet)}
    complete: bool = False

    def points(self, role: str, axis: str) -> list[tuple[float, float]]:
        values = AXIS[axis].curve
        acc = self.accuracy.get(role, {}).get(axis)
        return [] if acc is None else [(v, a) for v, a in zip(values, acc) if not np.isnan(a)]


def evaluate(sample: Sample, distortion: Distortion, models):
    """Generator: every model's answers for the sample spoilt by ``distortion``; returns an Evaluation."""
    images = yield from distort(sample, distortion)
    probabilities = {}
    for m in models:
        probabilities[m.role] = yield from _predict(m.predict, images)
    shown = np.clip(np.rint(images), 0, 255).astype(np.uint8)
    return Evaluation(distortion, shown, sample.labels, sample.indices, probabilities,
                      {m.role: m.name for m in models})


def curves(sample: Sample, models, first: str | None = None, memo: dict | None = None):
    """Generator: accuracy along every axis, ``first`` first; yields a partial Curves after each
    point (None between steps), returns the complete one.

    ``memo``: role -> {axis name -> accuracy array} of a model whose weights do not change (the
    model from before a training run): points found there are not measured again, and points
    measured are written there, so a job superseded by the next epoch loses none of them."""
    order = sorted(AXES, key=lambda a: a.name != first)
    memo = memo or {}
    accuracy = {}
    for m in models:
        store = memo.get(m.role, {})
        for a in AXES:
            if len(store.get(a.name, ())) != len(a.curve):
                store[a.name] = np.full(len(a.curve), np.nan)
        accuracy[m.role] = {a.name: store[a.name] for a in AXES}
    result = Curves({m.role: m.name for m in models}, accuracy)
    for axis in order:
        for i, value in enumerate(axis.curve):
            todo = [m for m in models if np.isnan(result.accuracy[m.role][axis.name][i])]
            if not todo:
                continue
            images = yield from distort(sample, Distortion(**{axis.name: value}))
            for m in todo:
                p = yield from _predict(m.predict, images)
                result.accuracy[m.role][axis.name][i] = np.mean(p.argmax(axis=1) == sample.labels)
            yield _detached(result)
    result.complete = True
    return _detached(result)


def _detached(result: Curves) -> Curves:
    """A copy whose arrays the job (and the memo) no longer write into."""
    return replace(result, accuracy={r: {k: v.copy() for k, v in acc.items()} for r, acc in result.accuracy.items()})


def compute(kind: str, models, **args):
    """The model thread's entry point: ``kind`` "evaluate" (sample, distortion) or "curves"
    (sample, first, memo). Returns a generator (see ``evaluate``, ``curves``)."""
    if kind == "evaluate":
        return evaluate(args["sample"], args.get("distortion") or Distortion(), models)
    if kind == "curves":
        return curves(args["sample"], models, args.get("first"), args.get("memo"))
    raise ValueError(f"unknown robustness job {kind!r}")


def run(job):
    """Run a generator job to its end (tests, scripts): its return value."""
    try:
        while True:
            next(job)
    except StopIteration as done:
        return done.value


# ---- confidence --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Coverage:
    """What answering only above a confidence threshold gives."""

    threshold: float
    total: int
    answered: int          # images whose top probability is at least the threshold
    answered_right: int
    errors: int            # wrong answers over all images
    confident_errors: int  # wrong answers with confidence ≥ CONFIDENT

    @property
    def coverage(self) -> float:
        return self.answered / self.total if self.total else float("nan")

    @property
    def accuracy(self) -> float:
        """Accuracy on the answered part (NaN when nothing is answered)."""
        return self.answered_right / self.answered if self.answered else float("nan")


def coverage(probabilities, labels, threshold: float, confident: float = CONFIDENT) -> Coverage:
    p = np.asarray(probabilities)
    labels = np.asarray(labels)
    confidence = p.max(axis=1) if len(p) else np.zeros(0)
    right = p.argmax(axis=1) == labels if len(p) else np.zeros(0, bool)
    answered = confidence >= threshold
    return Coverage(float(threshold), len(labels), int(answered.sum()), int((answered & right).sum()),
                    int((~right).sum()), int(((~right) & (confidence >= confident)).sum()))


THRESHOLDS = np.linspace(0, 1, 101)  # the coverage curve's thresholds


def coverage_curve(probabilities, labels, thresholds=THRESHOLDS) -> tuple[np.ndarray, np.ndarray]:
    """``coverage`` at every threshold at once: the share answered and the accuracy on the answered
    part (NaN where nothing is answered), each an array like ``thresholds``."""
    p = np.asarray(probabilities)
    thresholds = np.asarray(thresholds)
    confidence = p.max(axis=1) if len(p) else np.zeros(0)
    right = p.argmax(axis=1) == np.asarray(labels) if len(p) else np.zeros(0, bool)
    answered = confidence[None, :] >= thresholds[:, None]
    count = answered.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return count / len(confidence), (answered & right).sum(axis=1) / count
