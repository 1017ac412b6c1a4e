"""Handwriting styles of the world, drawn as Draw Pad drawings, with no Qt.

MNIST's writers were American: its 1s are straight strokes, its 7s have no bar, and
``core.drawn`` only re-strokes MNIST's own shapes. This module draws each digit's common variants
(a 1 with a flag, with a base, the European long upstroke; a crossbar 7; open and closed 4s; a
flat-top 3; slashed, dotted and German 0s; the East Asian 9 with its loop right of the stem; ...) from stroke templates (``TEMPLATES``, points in a unit box, x right
and y down), with natural variation: each control point moved a little, proportions changed (the
middle of an 8 or a 3 higher or lower, wider or narrower), strokes in either order and direction,
then the pad's own rendering (``drawn.draw_strokes``: slant, rotation, wobble, pen width, size,
position) and the pad's ``prepare_digit``.

It is a *training* generator with its own seeds; ``benchmarks/styles.py`` measures models on
templates of its own, drawn with another curve family and other noise, so a model must
generalise, not memorise these templates.
"""

from __future__ import annotations

import numpy as np

from .drawn import PAD_SIZE, Style, draw_strokes, prepare_canvases

DEFAULT_TRAIN_SEED = 29001  # the benchmark's seeds are its own (benchmarks/styles.py)
# How far a drawing strays, beyond the template's own variation: as the drawn benchmark's, a bit wider.
TRAIN_STYLE = Style(rotation=16.0, shear=0.3, jitter=0.035, aspect=0.15)
POINT_NOISE = 0.03         # each control point moves this much (σ, fraction of the box)
CURVE_STEPS = 12           # points per spline segment


def _arc(cx, cy, rx, ry, start, end, n=9):
    """Points on an ellipse from angle ``start`` to ``end`` (degrees; 0 right, 90 down, y down)."""
    t = np.radians(np.linspace(start, end, n))
    return [(round(cx + rx * np.cos(a), 3), round(cy + ry * np.sin(a), 3)) for a in t]


# A stroke is a list of pieces; each piece is a smooth curve through its points (Catmull–Rom), and
# consecutive pieces meet at a corner (the last point of one is the first of the next).
# A digit's template is a list of strokes. Names say what a person would call the style.
TEMPLATES: dict[str, tuple[int, list]] = {
    "0 oval": (0, [[_arc(0.5, 0.5, 0.3, 0.5, -90, -455, 13)]]),
    "0 narrow": (0, [[_arc(0.5, 0.5, 0.17, 0.5, -80, -440, 13)]]),
    "0 slashed": (0, [[_arc(0.5, 0.5, 0.3, 0.5, -90, -450, 13)], [[(0.8, 0.08), (0.2, 0.92)]]]),
    "0 dotted": (0, [[_arc(0.5, 0.5, 0.3, 0.5, -90, -450, 13)], [[(0.5, 0.5), (0.51, 0.52)]]]),
    "0 vertical slash": (0, [[_arc(0.5, 0.5, 0.3, 0.48, -90, -450, 13)], [[(0.5, -0.08), (0.5, 1.08)]]]),
    "1 plain": (1, [[[(0.52, 0.0), (0.5, 0.5), (0.49, 1.0)]]]),
    "1 flag": (1, [[[(0.32, 0.2), (0.52, 0.0)], [(0.52, 0.0), (0.5, 1.0)]]]),
    "1 flag and base": (1, [[[(0.3, 0.2), (0.52, 0.0)], [(0.52, 0.0), (0.5, 1.0)]],
                            [[(0.25, 1.0), (0.75, 1.0)]]]),
    "1 long upstroke": (1, [[[(0.12, 0.42), (0.35, 0.2), (0.56, 0.0)], [(0.56, 0.0), (0.54, 1.0)]]]),
    "1 upstroke to the base": (1, [[[(0.1, 0.76), (0.55, 0.0)], [(0.55, 0.0), (0.55, 1.0)]]]),
    "2 plain": (2, [[[(0.2, 0.25), (0.36, 0.04), (0.6, 0.02), (0.78, 0.2), (0.72, 0.45), (0.2, 1.0)],
                     [(0.2, 1.0), (0.85, 0.98)]]]),
    "2 with loop": (2, [[[(0.2, 0.25), (0.36, 0.04), (0.62, 0.03), (0.78, 0.22), (0.66, 0.5),
                          (0.36, 0.78), (0.17, 0.95), (0.3, 1.0), (0.5, 0.88), (0.37, 0.75),
                          (0.28, 0.9), (0.48, 1.0), (0.88, 0.97)]]]),
    "2 angular": (2, [[[(0.18, 0.18), (0.45, 0.01), (0.75, 0.15), (0.72, 0.32)],
                       [(0.72, 0.32), (0.18, 1.0)], [(0.18, 1.0), (0.85, 1.0)]]]),
    "3 round": (3, [[[(0.2, 0.12), (0.45, 0.0), (0.74, 0.1), (0.72, 0.35), (0.45, 0.48)],
                     [(0.45, 0.48), (0.78, 0.62), (0.78, 0.88), (0.5, 1.0), (0.18, 0.9)]]]),
    "3 flat top": (3, [[[(0.2, 0.02), (0.8, 0.02)], [(0.8, 0.02), (0.42, 0.42)],
                        [(0.42, 0.42), (0.72, 0.52), (0.8, 0.78), (0.55, 1.0), (0.18, 0.9)]]]),
    "4 open top": (4, [[[(0.3, 0.0), (0.2, 0.62)], [(0.2, 0.62), (0.88, 0.62)]],
                       [[(0.7, 0.05), (0.69, 1.0)]]]),
    "4 closed": (4, [[[(0.66, 0.0), (0.14, 0.66)], [(0.14, 0.66), (0.88, 0.66)]],
                     [[(0.66, 0.0), (0.66, 1.0)]]]),
    "5 two strokes": (5, [[[(0.3, 0.02), (0.25, 0.45)],
                           [(0.25, 0.45), (0.5, 0.37), (0.75, 0.5), (0.78, 0.78), (0.55, 0.98), (0.2, 0.9)]],
                          [[(0.3, 0.02), (0.8, 0.02)]]]),
    "5 one stroke": (5, [[[(0.8, 0.02), (0.3, 0.02)], [(0.3, 0.02), (0.24, 0.44)],
                          [(0.24, 0.44), (0.5, 0.36), (0.76, 0.5), (0.78, 0.78), (0.55, 0.98), (0.2, 0.9)]]]),
    "6 curved": (6, [[[(0.72, 0.05), (0.45, 0.12), (0.25, 0.45), (0.22, 0.75), (0.4, 0.98),
                       (0.68, 0.92), (0.75, 0.7), (0.55, 0.55), (0.3, 0.62), (0.24, 0.72)]]]),
    "6 straight stem": (6, [[[(0.7, 0.0), (0.25, 0.65)],
                             [(0.25, 0.65), (0.3, 0.92), (0.55, 1.0), (0.76, 0.8), (0.65, 0.58),
                              (0.4, 0.58), (0.26, 0.7)]]]),
    "6 arched top": (6, [[[(0.8, 0.15), (0.6, 0.0), (0.35, 0.1), (0.22, 0.45), (0.25, 0.8), (0.45, 1.0),
                           (0.72, 0.9), (0.74, 0.65), (0.5, 0.52), (0.27, 0.66)]]]),
    "7 plain": (7, [[[(0.15, 0.02), (0.85, 0.02)], [(0.85, 0.02), (0.4, 1.0)]]]),
    "7 crossbar": (7, [[[(0.15, 0.02), (0.85, 0.02)], [(0.85, 0.02), (0.4, 1.0)]],
                       [[(0.38, 0.52), (0.84, 0.5)]]]),
    "7 flag": (7, [[[(0.17, 0.2), (0.15, 0.02)], [(0.15, 0.02), (0.85, 0.02)], [(0.85, 0.02), (0.42, 1.0)]]]),
    "7 flag and crossbar": (7, [[[(0.17, 0.2), (0.15, 0.02)], [(0.15, 0.02), (0.85, 0.02)],
                                 [(0.85, 0.02), (0.42, 1.0)]], [[(0.36, 0.5), (0.85, 0.52)]]]),
    "7 curved stem": (7, [[[(0.15, 0.04), (0.5, 0.0), (0.86, 0.03)], [(0.86, 0.03), (0.6, 0.4), (0.46, 1.0)]]]),
    "7 wavy top": (7, [[[(0.12, 0.17), (0.14, 0.04)], [(0.14, 0.04), (0.35, 0.0), (0.6, 0.08), (0.86, 0.02)],
                        [(0.86, 0.02), (0.45, 1.0)]]]),
    "8 stacked loops": (8, [[_arc(0.5, 0.25, 0.22, 0.24, -90, 270, 11)],
                            [_arc(0.5, 0.73, 0.28, 0.27, -90, 270, 11)]]),
    "8 one stroke": (8, [[[(0.72, 0.12), (0.5, 0.0), (0.28, 0.12), (0.32, 0.35), (0.5, 0.5), (0.72, 0.68),
                           (0.7, 0.92), (0.5, 1.0), (0.28, 0.9), (0.3, 0.68), (0.5, 0.5), (0.68, 0.32),
                           (0.72, 0.12)]]]),
    "9 straight stem": (9, [[_arc(0.46, 0.24, 0.25, 0.24, -20, -370, 11), [(0.7, 0.2), (0.7, 1.0)]]]),
    "9 curved stem": (9, [[_arc(0.46, 0.24, 0.25, 0.24, -20, -370, 11),
                           [(0.7, 0.2), (0.7, 0.6), (0.6, 0.92), (0.35, 1.0)]]]),
    "9 slanted stem": (9, [[_arc(0.5, 0.24, 0.25, 0.24, -20, -370, 11), [(0.74, 0.2), (0.5, 1.0)]]]),
    "9 loop right of stem": (9, [[[(0.3, 0.3), (0.4, 0.05), (0.66, 0.03), (0.76, 0.25), (0.58, 0.46),
                                  (0.31, 0.4)], [(0.31, 0.4), (0.3, 1.0)]]]),
}
STYLE_NAMES = tuple(TEMPLATES)
DIGIT_STYLES = {d: tuple(n for n, (digit, _) in TEMPLATES.items() if digit == d) for d in range(10)}


def catmull_rom(points, steps: int = CURVE_STEPS) -> np.ndarray:
    """A smooth curve through ``points`` (a polyline of 2 or more): (m, 2)."""
    p = np.asarray(points, np.float64)
    if len(p) < 3:
        return p
    closed = np.allclose(p[0], p[-1])
    # Ends: a closed loop wraps around, an open stroke mirrors its end so it leaves straight.
    before = p[-2] if closed else 2 * p[0] - p[1]
    after = p[1] if closed else 2 * p[-1] - p[-2]
    q = np.concatenate([[before], p, [after]])
    t = np.linspace(0, 1, steps, endpoint=False)[:, None]
    out = []
    for i in range(1, len(q) - 2):
        p0, p1, p2, p3 = q[i - 1], q[i], q[i + 1], q[i + 2]
        out.append(0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (3 * p1 - p0 - 3 * p2 + p3) * t ** 3))
    out.append(p[-1:])
    return np.concatenate(out)


def style_strokes(name: str, rng: np.random.Generator | None = None) -> list[np.ndarray]:
    """The pen strokes of one drawing of style ``name`` (polylines in the unit box, in the order
    drawn). With ``rng`` None: the template itself, smoothed; else varied (points, proportions,
    stroke order and direction)."""
    _, strokes = TEMPLATES[name]
    if rng is None:
        return [np.concatenate([catmull_rom(piece) for piece in stroke]) for stroke in strokes]
    noise: dict = {}   # one offset per distinct point: corners and closed loops stay joined

    def moved(point):
        if point not in noise:
            noise[point] = rng.normal(0, POINT_NOISE, 2)
        return np.asarray(point) + noise[point]

    gamma = rng.uniform(0.8, 1.25)         # the middle (an 8's waist, a 3's join) higher or lower
    width = rng.uniform(0.8, 1.2)
    lean = rng.uniform(-0.08, 0.08)        # the top of a 1's flag or a 7's bar longer or shorter
    out = []
    for stroke in strokes:
        line = np.concatenate([catmull_rom([moved(tuple(pt)) for pt in piece]) for piece in stroke])
        y = np.clip(line[:, 1], 0, None) ** gamma + np.minimum(line[:, 1], 0)  # above the box: as it is
        line = np.stack([0.5 + (line[:, 0] - 0.5) * (width + lean * (1 - y)), y], axis=1)
        out.append(line[::-1] if rng.random() < 0.2 else line)  # some write a stroke the other way
    if len(out) > 1 and rng.random() < 0.3:
        out = out[::-1]
    return out


def style_canvases(n: int, seed: int = DEFAULT_TRAIN_SEED, styles=None, style: Style = TRAIN_STYLE):
    """``n`` drawings of the ``styles`` (default all), digits equally often and each digit's styles
    equally often: (canvases (n, 140, 140) uint8, labels, style names)."""
    names = STYLE_NAMES if styles is None else tuple(styles)
    unknown = [s for s in names if s not in TEMPLATES]
    if unknown:
        raise ValueError(f"unknown style(s): {', '.join(unknown)}")
    by_digit = {d: [s for s in names if TEMPLATES[s][0] == d] for d in range(10)}
    digits = [d for d in range(10) if by_digit[d]]
    rng = np.random.default_rng(seed)
    chosen = []
    for i in range(int(n)):
        d = digits[i % len(digits)]
        chosen.append(by_digit[d][int(rng.integers(len(by_digit[d])))])
    canvases = np.zeros((len(chosen), PAD_SIZE, PAD_SIZE), np.uint8)
    for i, name in enumerate(chosen):
        canvases[i] = draw_strokes(style_strokes(name, rng), rng, style)
    labels = np.array([TEMPLATES[s][0] for s in chosen], np.uint8)
    return canvases, labels, chosen


def style_digits(n: int, seed: int = DEFAULT_TRAIN_SEED, styles=None, style: Style = TRAIN_STYLE):
    """``n`` style drawings prepared as the Draw Pad prepares a drawing: (images (n, 28, 28) uint8,
    labels, style names)."""
    canvases, labels, names = style_canvases(n, seed, styles, style)
    return prepare_canvases(canvases), labels, names


def template_points() -> set[tuple[float, float]]:
    """Every control point of every template (for checking a benchmark shares none)."""
    return {tuple(map(float, pt)) for _, strokes in TEMPLATES.values()
            for stroke in strokes for piece in stroke for pt in piece}
