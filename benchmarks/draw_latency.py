"""Draw Pad latency: from the pad's 140×140 image to the ten probabilities.

Each call is ``core.preprocess.prepare_digit`` (crop, 20-px box, centre of mass) plus one
``core.training.Predictor`` call, the compiled path the service's model thread uses (untrained
weights cost the same as trained ones), for the presets' models and the bundled model files. Canvas images are MNIST test digits drawn as a user
would (enlarged 2.5-7×, bilinear, at random places), or synthetic strokes without the data.
Warm-up calls, which compile, are excluded. Goal on a 2-core machine: p50 <= 2 ms, p99 <= 10 ms.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from mnist_gui.core.preprocess import ink_bounds, prepare_digit  # noqa: E402

CALLS = 1000
WARM_UP_CALLS = 20
N_CANVASES = 20
CANVAS = 140  # the Draw Pad renders the drawing this large (ui.draw_tab.IMAGE_SIZE)
GOAL_P50_MS, GOAL_P99_MS = 2.0, 10.0
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"


def drawn_digit(digit: np.ndarray, scale: float, rng) -> np.ndarray:
    """A 28×28 digit as drawn on the pad: its 28 px enlarged to ``scale`` × the pad (bilinear), at a random spot."""
    rows, cols = ink_bounds(digit, threshold=0)
    ink = digit[rows, cols]
    factor = min(CANVAS / 28 * scale, CANVAS / max(ink.shape))  # the whole digit stays on the pad
    width, height = max(1, round(ink.shape[1] * factor)), max(1, round(ink.shape[0] * factor))
    canvas = Image.new("L", (CANVAS, CANVAS))
    canvas.paste(Image.fromarray(ink).resize((width, height), Image.Resampling.BILINEAR),
                 (int(rng.integers(0, CANVAS - width + 1)), int(rng.integers(0, CANVAS - height + 1))))
    return np.asarray(canvas)


def synthetic_stroke(rng) -> np.ndarray:
    """A random thick polyline with round joins, like a quick scribble on the pad."""
    canvas = Image.new("L", (CANVAS, CANVAS))
    points = [tuple(p) for p in rng.uniform(CANVAS / 10, CANVAS * 0.9, size=(int(rng.integers(3, 8)), 2))]
    ImageDraw.Draw(canvas).line(points, fill=255, width=int(rng.integers(CANVAS // 23, CANVAS // 10)), joint="curve")
    return np.asarray(canvas)


def canvas_images() -> tuple[list[np.ndarray], str]:
    rng = np.random.default_rng(0)
    if SHARED_MNIST.is_file():
        with np.load(SHARED_MNIST) as npz:
            digits = npz["x_test"][:N_CANVASES]
        return [drawn_digit(d, rng.uniform(0.5, 1.5), rng) for d in digits], "MNIST test digits, drawn"
    return [synthetic_stroke(rng) for _ in range(N_CANVASES)], "synthetic strokes"


def percentiles_ms(seconds: list[float]) -> tuple[float, float]:
    p50, p99 = np.percentile(seconds, [50, 99]) * 1000
    return float(p50), float(p99)


def measure(predictor, canvases) -> tuple[list[float], list[float]]:
    """Seconds per call: preprocessing alone, and preprocessing plus inference."""
    for canvas in canvases[:WARM_UP_CALLS]:
        predictor(prepare_digit(canvas)[None])
    preprocess, total = [], []
    for i in range(CALLS):
        canvas = canvases[i % len(canvases)]
        start = time.perf_counter()
        digit = prepare_digit(canvas)
        prepared = time.perf_counter()
        predictor(digit[None])
        end = time.perf_counter()
        preprocess.append(prepared - start)
        total.append(end - start)
    return preprocess, total


def main() -> int:
    from mnist_gui.core.models import build_model, preset
    from mnist_gui.core.training import Predictor

    canvases, source = canvas_images()
    print(f"canvas images: {len(canvases)} × {CANVAS}×{CANVAS}, {source}; {CALLS} calls per model")
    # Other processes' load moves these figures most: say what it was.
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    results = []
    from mnist_gui.core.storage import list_models, load_model

    # The presets' models, and the bundled ones (the app opens with the bundled CNN).
    models = [(name, lambda name=name: build_model(preset(name))) for name in ("seed", "cnn")]
    models += [(f"bundled {path.name}", lambda path=path: load_model(path)) for path, _ in list_models(REPO / "models")]
    for name, make in models:
        preprocess, total = measure(Predictor(make()), canvases)
        p50, p99 = percentiles_ms(total)
        results.append((name, percentiles_ms(preprocess), p50, p99))
    met = all(p50 <= GOAL_P50_MS and p99 <= GOAL_P99_MS for _, _, p50, p99 in results)
    print(f"goal: p50 <= {GOAL_P50_MS:g} ms, p99 <= {GOAL_P99_MS:g} ms: {'met' if met else 'MISSED'}")
    for name, (pre_p50, pre_p99), p50, p99 in results:
        print(f"{name}: preprocess p50={pre_p50:.2f} ms p99={pre_p99:.2f} ms; "
              f"total p50={p50:.2f} ms p99={p99:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
