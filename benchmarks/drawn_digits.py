"""How well models read mouse-drawn digits: MNIST test digits redrawn as Draw Pad drawings.

``core.drawn`` thins each digit to its skeleton and strokes it again with a round pen of one
width from the pad's slider range (3-15% of the pad), rotated up to 15 degrees, sheared, 1/3 to
nearly the full pad high, anywhere on the pad, with a hand's wobble; the 140-px canvas then goes
through the Draw Pad's own preprocessing (``core.preprocess.prepare_digit``). The seed is fixed,
so every run and every model sees the same drawings; no model is ever trained on them.

Prints, for each model given and each bundled model (models/): clean test accuracy (10,000),
drawn accuracy, expected calibration error on both, and the worst confusions on the drawings.
Usage: python benchmarks/drawn_digits.py [MODEL ...] [--record] [--n 2000] [--seed 1234] [--grid PNG] [--data PATH]
       [--style rotation=25,shear=0.35,jitter=0.05]
(--record writes drawn_accuracy, ece_test and ece_drawn into each given model's JSON sidecar.)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from mnist_gui.core.drawn import DEFAULT_SEED, drawn_canvases, parse_style, prepare_canvases  # noqa: E402
from mnist_gui.core.metrics import expected_calibration_error, worst_confusions  # noqa: E402

SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"


def save_grid(canvases, path, columns=10, rows=5):
    """The first drawings as they are on the pad (grey lines between them), for looking at."""
    from PIL import Image

    n = min(len(canvases), columns * rows)
    tiles = [np.pad(canvases[i], 2, constant_values=90) for i in range(n)]
    tiles += [np.full_like(tiles[0], 90)] * (columns * rows - n)
    grid = np.concatenate([np.concatenate(tiles[r * columns:(r + 1) * columns], axis=1) for r in range(rows)])
    Image.fromarray(grid).save(path)


def report(name, model, data, drawn_x, drawn_y):
    from mnist_gui.core.training import Predictor

    predict = Predictor(model)
    clean = predict(data.x_test)
    drawn = predict(drawn_x)
    clean_acc = float((clean.argmax(1) == data.y_test).mean())
    drawn_acc = float((drawn.argmax(1) == drawn_y).mean())
    confusions = ", ".join(f"{t}->{p} x{c}" for t, p, c in worst_confusions(drawn_y, drawn.argmax(1)))
    print(f"{name}: clean_accuracy={clean_acc:.4f} drawn_accuracy={drawn_acc:.4f} "
          f"ece_clean={expected_calibration_error(clean, data.y_test):.4f} "
          f"ece_drawn={expected_calibration_error(drawn, drawn_y):.4f}")
    print(f"  worst confusions on the drawings: {confusions or 'none'}")
    # What a "not sure" threshold on the top probability would do on the drawings.
    confidence, right = drawn.max(1), drawn.argmax(1) == drawn_y
    cells = []
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        answered = confidence >= t
        cells.append(f">={t:.1f}: answers {answered.mean():.1%}, {right[answered].mean():.2%} right, "
                     f"{int((~right & answered).sum())} of {int((~right).sum())} errors kept")
    print("  not-sure thresholds on the drawings: " + "; ".join(cells), flush=True)
    return {"test_accuracy_checked": round(clean_acc, 4), "drawn_accuracy": round(drawn_acc, 4),
            "ece_test": round(expected_calibration_error(clean, data.y_test), 4),
            "ece_drawn": round(expected_calibration_error(drawn, drawn_y), 4)}


def record(path, facts, n, seed):
    """Add the figures to the model's JSON sidecar (atomically), keeping what it already says."""
    import json

    from mnist_gui.core.files import atomic_write
    from mnist_gui.core.storage import read_metadata, sidecar_path

    known = read_metadata(path)
    if not known and sidecar_path(path).exists():  # unreadable, or another file's: never overwrite it
        raise SystemExit(f"{sidecar_path(path)} is not readable as {Path(path).name}'s sidecar: nothing recorded")
    meta = {**known, **facts, "drawn_benchmark": {"n": n, "seed": seed}}
    text = json.dumps(meta, indent=2, sort_keys=True) + "\n"
    atomic_write(sidecar_path(path), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    print(f"  recorded in {sidecar_path(path)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", help="model files (.keras/.h5) besides the bundled ones")
    parser.add_argument("--n", type=int, default=2000, help="test digits to redraw (default 2000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--grid", metavar="PNG", help="also save a grid of the first 50 drawings")
    parser.add_argument("--no-bundled", action="store_true", help="only the models given")
    parser.add_argument("--record", action="store_true",
                        help="write drawn_accuracy and the calibration errors into each given model's sidecar")
    parser.add_argument("--style", default="", metavar="K=V,...",
                        help="draw further from MNIST than the benchmark, e.g. rotation=25,shear=0.35 (not recorded)")
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.exists() else None)
    args = parser.parse_args()
    try:
        style = parse_style(args.style)
    except ValueError as exc:
        parser.error(f"--style: {exc}")
    if style and args.record:
        parser.error("--record keeps the benchmark's own figure: not with --style")

    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.storage import load_model
    from mnist_gui.paths import bundled_models_dir

    data = load_mnist(args.data)
    start = time.perf_counter()
    canvases, drawn_y, _ = drawn_canvases(data.x_test, data.y_test, args.n, args.seed, **style)
    drawn_x = prepare_canvases(canvases)
    print(f"{len(drawn_y)} drawn digits (seed {args.seed}{', ' + args.style if style else ''}) in {time.perf_counter() - start:.1f} s", flush=True)
    if args.grid:
        save_grid(canvases, args.grid)
    given = [Path(p) for p in args.models]
    bundled = [] if args.no_bundled else sorted(bundled_models_dir().glob("*.keras"))
    for path in given + [p for p in bundled if p.resolve() not in {g.resolve() for g in given}]:
        facts = report(str(path), load_model(path), data, drawn_x, drawn_y)
        if args.record and path in given:
            record(path, facts, len(drawn_y), args.seed)


if __name__ == "__main__":
    main()
