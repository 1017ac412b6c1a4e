"""How well models read the world's handwriting styles: a held-out benchmark.

Each style (a 1 with a flag, a crossbar 7, an open-top 4, a slashed 0, ...; the names of
``mnist_gui/core/styles.py``) is drawn ``--n`` times from this benchmark's own templates
(``benchmarks/style_templates.py``: other control points, another curve family, other noise than
the training generator's; its seed is never used in training), rendered as the Draw Pad renders
strokes (``core.drawn.draw_strokes``, with this benchmark's slant/wobble ranges) and prepared by the
pad's ``prepare_digit``.

Prints, for each model given and each bundled model (models/): accuracy per style and overall,
the expected calibration error, and the worst styles.
Usage: python benchmarks/styles.py [MODEL ...] [--n 100] [--seed 2929] [--grid PNG] [--record] [--no-bundled] [--data PATH]
(--record writes style_benchmark into each given model's JSON sidecar; --data is unused, kept for symmetry.)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from mnist_gui.core.drawn import Style, draw_strokes, prepare_canvases  # noqa: E402
from style_templates import BENCH_TEMPLATES, BENCHMARK_SEED, bench_strokes  # noqa: E402

# The benchmark's own ranges (the training generator's are rotation 16, shear 0.3, jitter 0.035).
BENCH_STYLE = Style(rotation=12.0, shear=0.22, jitter=0.028, aspect=0.12, height=(0.35, 0.95))


def bench_canvases(n_per_style: int, seed: int = BENCHMARK_SEED):
    """``n_per_style`` drawings of every style: (canvases (k, 140, 140) uint8, labels, style names)."""
    rng = np.random.default_rng(seed)
    names = [name for name in BENCH_TEMPLATES for _ in range(int(n_per_style))]
    canvases = np.stack([draw_strokes(bench_strokes(name, rng), rng, BENCH_STYLE) for name in names]) \
        if names else np.zeros((0, 140, 140), np.uint8)
    labels = np.array([BENCH_TEMPLATES[name][0] for name in names], np.uint8)
    return canvases, labels, names


def save_grid(canvases, names, path, per_row=8):
    """The first ``per_row`` drawings of each style, a row per style."""
    from PIL import Image

    rows = []
    for style in BENCH_TEMPLATES:
        tiles = [np.pad(c, 2, constant_values=90) for c, n in zip(canvases, names) if n == style][:per_row]
        tiles += [np.full((144, 144), 90, np.uint8)] * (per_row - len(tiles))
        rows.append(np.concatenate(tiles, axis=1))
    Image.fromarray(np.concatenate(rows)).save(path)


def report(name, model, x, y, names):
    from mnist_gui.core.metrics import expected_calibration_error
    from mnist_gui.core.training import Predictor

    probs = Predictor(model)(x)
    right = probs.argmax(1) == y
    names = np.asarray(names)
    per_style = {s: float(right[names == s].mean()) for s in BENCH_TEMPLATES if (names == s).any()}
    ece = expected_calibration_error(probs, y)
    print(f"{name}: style_accuracy={right.mean():.4f} ece_styles={ece:.4f} "
          f"worst_style={min(per_style.values()):.4f}")
    for style, acc in per_style.items():
        wrong = probs.argmax(1)[(names == style) & ~right]
        misread = ", ".join(f"{d} x{c}" for d, c in zip(*np.unique(wrong, return_counts=True)))
        print(f"  {style:<22} {acc:7.2%}" + (f"  (read as {misread})" if misread else ""))
    print(flush=True)
    return {"accuracy": round(float(right.mean()), 4), "ece": round(float(ece), 4),
            "worst_style": round(min(per_style.values()), 4),
            "per_style": {s: round(a, 4) for s, a in per_style.items()}}


def record(path, facts, n, seed):
    """Add the figures to the model's JSON sidecar (atomically), keeping what it already says."""
    from mnist_gui.core.files import atomic_write
    from mnist_gui.core.storage import read_metadata, sidecar_path

    known = read_metadata(path)
    if not known and sidecar_path(path).exists():  # unreadable, or another file's: never overwrite it
        raise SystemExit(f"{sidecar_path(path)} is not readable as {Path(path).name}'s sidecar: nothing recorded")
    meta = {**known, "style_benchmark": {**facts, "n_per_style": n, "seed": seed,
                                         "styles": len(BENCH_TEMPLATES)}}
    text = json.dumps(meta, indent=2, sort_keys=True) + "\n"
    atomic_write(sidecar_path(path), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    print(f"  recorded in {sidecar_path(path)}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", help="model files (.keras/.h5) besides the bundled ones")
    parser.add_argument("--n", type=int, default=100, help="drawings per style (default 100)")
    parser.add_argument("--seed", type=int, default=BENCHMARK_SEED)
    parser.add_argument("--grid", metavar="PNG", help="also save a grid: a row of drawings per style")
    parser.add_argument("--no-bundled", action="store_true", help="only the models given")
    parser.add_argument("--record", action="store_true", help="write style_benchmark into each given model's sidecar")
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    if args.seed >= 29001:
        parser.error("seeds from 29001 are the training generator's")

    from mnist_gui.core.storage import load_model
    from mnist_gui.paths import bundled_models_dir

    start = time.perf_counter()
    canvases, y, names = bench_canvases(args.n, args.seed)
    x = prepare_canvases(canvases)
    print(f"{len(y)} drawings of {len(BENCH_TEMPLATES)} styles (seed {args.seed}) in {time.perf_counter() - start:.1f} s",
          flush=True)
    if args.grid:
        save_grid(canvases, names, args.grid)
    given = [Path(p) for p in args.models]
    bundled = [] if args.no_bundled else sorted(bundled_models_dir().glob("*.keras"))
    results = {}
    for path in given + [p for p in bundled if p.resolve() not in {g.resolve() for g in given}]:
        results[str(path)] = facts = report(str(path), load_model(path), x, y, names)
        if args.record and path in given:
            record(path, facts, args.n, args.seed)
    return results


if __name__ == "__main__":
    main()
