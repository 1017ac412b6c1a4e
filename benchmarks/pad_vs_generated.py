"""Real Draw Pad drawings next to ``core.drawn``'s generated ones, to judge the generator by eye.

Run under an X server with xdotool (``xvfb-run -a -s "-screen 0 1280x900x24" python
benchmarks/pad_vs_generated.py OUT.png``): the app's own ``DrawCanvas`` is shown in a window, and
xdotool moves the real X pointer along hand-made strokes of the ten digits (mouse down, ~60 moves
per stroke, mouse up), at random sizes, places, slants and pen widths from the slider's range. What
the pad renders (``DrawCanvas.image()``, the 140-px image the app preprocesses) is saved.

OUT.png: top two rows, the pad's drawings (digits 0-9 twice); next two rows, generated drawings of
MNIST test digits 0-9; last row, what the model is given (28×28, ``prepare_digit``) for the first
pad row and for the first generated row. Also prints the bundled CNN's reading of the pad drawings
if TensorFlow is there.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mnist_gui.core.drawn import drawn_canvases  # noqa: E402
from mnist_gui.core.preprocess import prepare_digit  # noqa: E402
from mnist_gui.ui.draw_tab import PEN_WIDTH_PERCENT_RANGE, DrawCanvas  # noqa: E402

PAD = 420  # on-screen size of the pad window


def arc(cx, cy, rx, ry, a0, a1, n=24):
    return [(cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
            for a in np.linspace(a0, a1, n)]


# Strokes of each digit in a unit box (x right, y down), as one might move a mouse.
DIGITS = {
    0: [arc(0.5, 0.5, 0.32, 0.45, -100, 265, 40)],
    1: [[(0.42, 0.2), (0.55, 0.05), (0.55, 0.95)]],
    2: [arc(0.5, 0.3, 0.3, 0.22, 200, 380) + [(0.2, 0.95), (0.85, 0.93)]],
    3: [arc(0.48, 0.28, 0.28, 0.2, 200, 450) + arc(0.48, 0.7, 0.32, 0.24, -90, 150)],
    4: [[(0.55, 0.05), (0.12, 0.62), (0.88, 0.62)], [(0.65, 0.3), (0.62, 0.97)]],
    5: [[(0.8, 0.06), (0.32, 0.06), (0.27, 0.45)] + arc(0.5, 0.68, 0.32, 0.27, -130, 150)],
    6: [[(0.7, 0.04), (0.45, 0.25), (0.27, 0.55)] + arc(0.52, 0.72, 0.26, 0.24, 180, 540)],
    7: [[(0.15, 0.08), (0.85, 0.08), (0.4, 0.96)]],
    8: [arc(0.5, 0.27, 0.24, 0.22, 90, 450) + arc(0.5, 0.72, 0.3, 0.24, -90, 270)],
    9: [arc(0.48, 0.3, 0.28, 0.24, 0, 360) + [(0.76, 0.3), (0.7, 0.96)]],
}


def xdo(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True)


def draw_digit(app, canvas, digit, rng):
    """Move the X pointer along the digit's strokes, transformed like a hand would."""
    size = rng.uniform(0.35, 0.9)
    slant = rng.uniform(-0.25, 0.25)
    angle = math.radians(rng.uniform(-12, 12))
    ox = rng.uniform(0.05, 0.95 - size * 0.8)
    oy = rng.uniform(0.05, 0.95 - size)
    origin = canvas.mapToGlobal(QPoint(0, 0))
    rect = canvas._pad_rect()
    for stroke in DIGITS[digit]:
        pts = np.array(stroke)
        # Resample densely (mouse events every few pixels), wobble, slant, rotate, scale, place.
        t = np.linspace(0, 1, len(pts))
        fine = np.linspace(0, 1, 60)
        pts = np.stack([np.interp(fine, t, pts[:, 0]), np.interp(fine, t, pts[:, 1])], axis=1)
        pts += rng.normal(0, 0.006, pts.shape).cumsum(axis=0) * 0.3
        pts[:, 0] = (pts[:, 0] - 0.5) * 0.8 + slant * (0.5 - pts[:, 1]) + 0.5
        c, s = math.cos(angle), math.sin(angle)
        pts = (pts - 0.5) @ np.array([[c, s], [-s, c]]) + 0.5
        pts = pts * size + (ox, oy)
        xy = [(round(origin.x() + rect.x() + x * rect.width()), round(origin.y() + rect.y() + y * rect.width()))
              for x, y in pts]
        xdo("mousemove", *xy[0])
        app.processEvents()
        xdo("mousedown", 1)
        app.processEvents()
        for x, y in xy[1:]:
            xdo("mousemove", x, y)
            app.processEvents()
        xdo("mouseup", 1)
        for _ in range(20):
            app.processEvents()


def tile(image, size=140):
    image = np.asarray(Image.fromarray(np.asarray(image, np.uint8)).resize((size, size), Image.Resampling.NEAREST))
    return np.pad(image, 2, constant_values=90)


def main():
    import os
    import shutil

    if not os.environ.get("DISPLAY") or not shutil.which("xdotool"):
        print("skipped: needs an X display (e.g. xvfb-run) and xdotool")
        return
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "pad_vs_generated.png")
    app = QApplication([])
    canvas = DrawCanvas()
    canvas.resize(PAD, PAD)
    canvas.move(50, 50)
    canvas.show()
    for _ in range(50):
        app.processEvents()
    rng = np.random.default_rng(5)
    pad = []
    for digit in list(range(10)) * 2:
        canvas.clear()
        canvas.pen_width = rng.integers(PEN_WIDTH_PERCENT_RANGE[0], PEN_WIDTH_PERCENT_RANGE[1] + 1) / 100
        draw_digit(app, canvas, digit, rng)
        pad.append(canvas.image())
    data = np.load(REPO.parent / "shared" / "data" / "mnist.npz")
    generated = []
    for digit in list(range(10)) * 2:
        picks = np.flatnonzero(data["y_test"] == digit)
        canvases, _, _ = drawn_canvases(data["x_test"][picks], data["y_test"][picks], 1,
                                        seed=len(generated) + 100)
        generated.append(canvases[0])
    rows = [pad[:10], pad[10:], generated[:10], generated[10:]]
    prepared = [prepare_digit(c) for c in pad[:5] + generated[:5]]
    rows.append([np.zeros((28, 28)) if p is None else p for p in prepared])
    grid = np.concatenate([np.concatenate([tile(im) for im in row], axis=1) for row in rows])
    Image.fromarray(grid).save(out)
    np.savez_compressed(out.with_suffix(".npz"), pad=np.array(pad), generated=np.array(generated))
    print(f"saved {out}")
    try:
        from mnist_gui.core.storage import load_model
        from mnist_gui.core.training import Predictor
        from mnist_gui.paths import bundled_models_dir

        predict = Predictor(load_model(bundled_models_dir() / "mnist_cnn.keras"))
        read = predict(np.stack([prepare_digit(c) for c in pad])).argmax(axis=1)
        print("bundled CNN reads the pad drawings as", " ".join(map(str, read)),
              f"({np.mean(read == np.array(list(range(10)) * 2)):.0%} right)")
    except ImportError:
        pass


if __name__ == "__main__":
    main()
