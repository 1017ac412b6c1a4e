"""The style benchmark's own templates (benchmark-only: no training code imports this).

Written independently of ``mnist_gui/core/styles.py``'s templates (no control point is shared; a
test checks), as corner polygons that ``chaikin`` rounds (another curve family than the
generator's Catmull–Rom splines through points), and varied with other noise (each stroke moved,
turned and scaled on its own, ends over- or undershooting). Same style names as the generator, so
the benchmark reports per style.
"""

from __future__ import annotations

import numpy as np

BENCHMARK_SEED = 2929  # the generator trains with 29001 and up

# A stroke is a list of pieces, each an open polygon rounded by Chaikin's corner cutting; pieces
# meet at sharp corners. Closed loops are marked by a piece whose first and last points are equal.
_O = [(0.47, 0.03), (0.24, 0.14), (0.19, 0.49), (0.27, 0.86), (0.51, 0.97), (0.74, 0.84),
      (0.79, 0.47), (0.71, 0.13), (0.47, 0.03)]
BENCH_TEMPLATES: dict[str, tuple[int, list]] = {
    "0 oval": (0, [[_O]]),
    "0 narrow": (0, [[[(0.53, 0.01), (0.37, 0.12), (0.33, 0.5), (0.38, 0.9), (0.51, 0.99),
                       (0.64, 0.88), (0.67, 0.48), (0.63, 0.1), (0.53, 0.01)]]]),
    "0 slashed": (0, [[_O], [[(0.83, 0.04), (0.18, 0.94)]]]),
    "0 dotted": (0, [[_O], [[(0.49, 0.47), (0.48, 0.49)]]]),
    "0 vertical slash": (0, [[_O], [[(0.49, -0.07), (0.47, 1.07)]]]),
    "1 plain": (1, [[[(0.46, 0.02), (0.48, 0.97)]]]),
    "1 flag": (1, [[[(0.29, 0.24), (0.47, 0.03)], [(0.47, 0.03), (0.49, 0.98)]]]),
    "1 flag and base": (1, [[[(0.27, 0.23), (0.48, 0.01)], [(0.48, 0.01), (0.47, 0.96)]],
                            [[(0.23, 0.97), (0.71, 0.96)]]]),
    "1 long upstroke": (1, [[[(0.09, 0.47), (0.31, 0.24), (0.58, 0.02)], [(0.58, 0.02), (0.57, 0.99)]]]),
    "1 upstroke to the base": (1, [[[(0.13, 0.81), (0.34, 0.41), (0.53, 0.02)], [(0.53, 0.02), (0.51, 0.99)]]]),
    "2 plain": (2, [[[(0.17, 0.23), (0.27, 0.06), (0.54, 0.01), (0.77, 0.09), (0.8, 0.3), (0.59, 0.6),
                      (0.19, 0.97)], [(0.19, 0.97), (0.83, 0.96)]]]),
    "2 with loop": (2, [[[(0.21, 0.21), (0.34, 0.03), (0.67, 0.02), (0.79, 0.29), (0.53, 0.63),
                          (0.23, 0.89), (0.21, 0.99), (0.41, 0.96), (0.43, 0.79), (0.31, 0.83),
                          (0.39, 0.97), (0.61, 0.99), (0.86, 0.93)]]]),
    "2 angular": (2, [[[(0.16, 0.21), (0.33, 0.02), (0.63, 0.01), (0.77, 0.17), (0.69, 0.37)],
                       [(0.69, 0.37), (0.16, 0.98)], [(0.16, 0.98), (0.87, 0.99)]]]),
    "3 round": (3, [[[(0.18, 0.09), (0.39, 0.01), (0.69, 0.04), (0.77, 0.24), (0.63, 0.44), (0.41, 0.49)],
                     [(0.41, 0.49), (0.67, 0.54), (0.81, 0.76), (0.68, 0.96), (0.39, 0.99), (0.16, 0.87)]]]),
    "3 flat top": (3, [[[(0.17, 0.01), (0.82, 0.03)], [(0.82, 0.03), (0.39, 0.44)],
                        [(0.39, 0.44), (0.66, 0.47), (0.83, 0.67), (0.74, 0.93), (0.45, 0.99), (0.15, 0.87)]]]),
    "4 open top": (4, [[[(0.27, 0.02), (0.17, 0.64)], [(0.17, 0.64), (0.86, 0.61)]],
                       [[(0.67, 0.02), (0.71, 0.99)]]]),
    "4 closed": (4, [[[(0.63, 0.02), (0.11, 0.68)], [(0.11, 0.68), (0.89, 0.67)]],
                     [[(0.63, 0.02), (0.64, 0.98)]]]),
    "5 two strokes": (5, [[[(0.27, 0.04), (0.22, 0.47)],
                           [(0.22, 0.47), (0.43, 0.39), (0.71, 0.44), (0.82, 0.7), (0.71, 0.93),
                            (0.43, 0.99), (0.17, 0.88)]],
                          [[(0.27, 0.04), (0.81, 0.01)]]]),
    "5 one stroke": (5, [[[(0.83, 0.01), (0.28, 0.04)], [(0.28, 0.04), (0.21, 0.46)],
                          [(0.21, 0.46), (0.47, 0.38), (0.77, 0.47), (0.81, 0.77), (0.62, 0.97),
                           (0.33, 0.99), (0.16, 0.86)]]]),
    "6 curved": (6, [[[(0.74, 0.03), (0.43, 0.09), (0.23, 0.37), (0.19, 0.72), (0.29, 0.94),
                       (0.53, 0.99), (0.76, 0.86), (0.73, 0.61), (0.51, 0.53), (0.29, 0.61), (0.21, 0.74)]]]),
    "6 straight stem": (6, [[[(0.73, 0.01), (0.22, 0.67)],
                             [(0.22, 0.67), (0.26, 0.91), (0.51, 0.99), (0.73, 0.88), (0.78, 0.67),
                              (0.59, 0.54), (0.36, 0.57), (0.23, 0.69)]]]),
    "6 arched top": (6, [[[(0.81, 0.19), (0.67, 0.02), (0.41, 0.04), (0.23, 0.31), (0.19, 0.69),
                           (0.33, 0.96), (0.61, 0.98), (0.77, 0.77), (0.63, 0.55), (0.37, 0.56),
                           (0.22, 0.71)]]]),
    "7 plain": (7, [[[(0.13, 0.04), (0.87, 0.01)], [(0.87, 0.01), (0.37, 0.98)]]]),
    "7 crossbar": (7, [[[(0.14, 0.03), (0.86, 0.04)], [(0.86, 0.04), (0.43, 0.99)]],
                       [[(0.33, 0.49), (0.87, 0.53)]]]),
    "7 flag": (7, [[[(0.14, 0.23), (0.12, 0.03)], [(0.12, 0.03), (0.88, 0.04)], [(0.88, 0.04), (0.39, 0.97)]]]),
    "7 flag and crossbar": (7, [[[(0.13, 0.22), (0.11, 0.04)], [(0.11, 0.04), (0.87, 0.03)],
                                 [(0.87, 0.03), (0.41, 0.98)]], [[(0.34, 0.53), (0.83, 0.49)]]]),
    "7 curved stem": (7, [[[(0.13, 0.06), (0.53, 0.01), (0.88, 0.04)],
                           [(0.88, 0.04), (0.69, 0.27), (0.53, 0.61), (0.49, 0.99)]]]),
    "7 wavy top": (7, [[[(0.11, 0.19), (0.13, 0.03)], [(0.13, 0.03), (0.27, 0.01), (0.43, 0.06), (0.64, 0.09),
                                                      (0.87, 0.01)], [(0.87, 0.01), (0.41, 0.99)]]]),
    "8 stacked loops": (8, [[[(0.51, 0.01), (0.29, 0.09), (0.27, 0.33), (0.49, 0.47), (0.71, 0.34),
                              (0.69, 0.09), (0.51, 0.01)]],
                            [[(0.49, 0.46), (0.21, 0.58), (0.19, 0.87), (0.47, 0.99), (0.77, 0.88),
                              (0.79, 0.59), (0.49, 0.46)]]]),
    "8 one stroke": (8, [[[(0.73, 0.09), (0.53, 0.02), (0.29, 0.07), (0.23, 0.27), (0.39, 0.43),
                           (0.63, 0.57), (0.77, 0.79), (0.63, 0.97), (0.37, 0.98), (0.21, 0.81),
                           (0.33, 0.61), (0.61, 0.41), (0.77, 0.23), (0.73, 0.09)]]]),
    "9 straight stem": (9, [[[(0.73, 0.11), (0.53, 0.01), (0.27, 0.07), (0.19, 0.29), (0.33, 0.46),
                              (0.59, 0.44), (0.72, 0.26)], [(0.72, 0.26), (0.73, 0.99)]]]),
    "9 curved stem": (9, [[[(0.71, 0.12), (0.49, 0.02), (0.23, 0.09), (0.21, 0.33), (0.41, 0.47),
                            (0.63, 0.41), (0.71, 0.23)],
                           [(0.71, 0.23), (0.73, 0.57), (0.63, 0.89), (0.41, 0.99), (0.27, 0.93)]]]),
    "9 slanted stem": (9, [[[(0.77, 0.13), (0.57, 0.01), (0.31, 0.05), (0.23, 0.27), (0.37, 0.43),
                             (0.61, 0.43), (0.76, 0.24)], [(0.76, 0.24), (0.47, 0.98)]]]),
    "9 loop right of stem": (9, [[[(0.27, 0.33), (0.31, 0.09), (0.57, 0.01), (0.77, 0.13), (0.73, 0.39),
                                  (0.49, 0.49), (0.29, 0.43)], [(0.29, 0.43), (0.31, 0.98)]]]),
}


def chaikin(points, rounds: int = 4) -> np.ndarray:
    """Chaikin's corner cutting of a polygon: each round replaces every edge by its 1/4 and 3/4
    points. An open polygon keeps its ends; a closed one (first point = last) stays closed."""
    p = np.asarray(points, np.float64)
    closed = len(p) > 2 and np.allclose(p[0], p[-1])
    for _ in range(rounds):
        if len(p) < 3:
            return p
        a, b = p[:-1], p[1:]
        cut = np.stack([0.75 * a + 0.25 * b, 0.25 * a + 0.75 * b], axis=1).reshape(-1, 2)
        p = np.concatenate([cut, cut[:1]]) if closed else np.concatenate([p[:1], cut, p[-1:]])
    return p


def bench_strokes(name: str, rng: np.random.Generator) -> list[np.ndarray]:
    """One benchmark drawing's strokes: the template's pieces rounded, then each stroke moved,
    turned and scaled a little on its own, and its ends extended or cut short."""
    _, strokes = BENCH_TEMPLATES[name]
    out = []
    for stroke in strokes:
        line = np.concatenate([chaikin(np.asarray(piece) + rng.normal(0, 0.015, (len(piece), 2)) * (len(piece) > 2))
                               for piece in stroke])
        centre = line.mean(axis=0)
        a = np.radians(rng.uniform(-5, 5))
        turn = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        line = (line - centre) @ turn.T * rng.uniform(0.93, 1.07) + centre + rng.uniform(-0.025, 0.025, 2)
        for end in (0, -1):  # an overshoot or a pen lifted a little early
            d = line[end] - line[end + 1 if end == 0 else end - 1]
            if np.hypot(*d) > 0:
                line[end] = line[end] + d / np.hypot(*d) * rng.uniform(-0.03, 0.04)
        out.append(line)
    return out


def bench_points() -> set[tuple[float, float]]:
    """Every control point of every benchmark template."""
    return {tuple(map(float, pt)) for _, strokes in BENCH_TEMPLATES.values()
            for stroke in strokes for piece in stroke for pt in piece}
