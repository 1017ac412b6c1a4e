"""Teaching the model one person's handwriting: "Fine-tune on my drawings", measured.

One simulated person draws on the pad (core.drawn.draw_strokes): their own shapes — a 7 with a bar,
a 1 with a long flag, an open 4 — always slanted the same way (fixed shear, a rotation within a few
degrees), with one thick pen, anywhere on the pad at 55-85% of its height, wobbling as a hand does.
20 drawings of each digit are taught (My drawings), 50 more of each are held out and never trained on.

The fine-tune is the app's (core.run.train with fine_tune_config, the FINE_TUNE_* settings and
FINE_TUNE_ARGS: the taught drawings oversampled, each repeat augmented, batch norm frozen; the
service's ``fine_tune`` does exactly this). Prints held-out style
accuracy and MNIST test accuracy before and after, the fine-tune's wall time, and the load average.
Goal: held-out >= 99% (or at least half of the errors gone), MNIST within 0.3 points, <= 30 s.

Usage: python benchmarks/personal_style.py [--model MODEL] [--repeats N] [--data PATH]
(default model: the bundled one the app opens with; each repeat starts again from that file)

``--strokes``: a few drawings (``--per-digit``, default 3 of each digit) kept with their strokes as
the pad records them, fine-tuned twice per seed — with the app's image augmentation only, and
re-rendered from their strokes (core.strokes: other pens, small wobbles) — the taught drawings
drawn anew for each seed; prints the held-out accuracy of both and their medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"
TAUGHT, HELD_OUT = 20, 50  # per digit


def arc(cx, cy, rx, ry, a0, a1, n=24):
    t = np.radians(np.linspace(a0, a1, n))
    return list(zip(cx + rx * np.cos(t), cy + ry * np.sin(t)))


# This person's digits, as pen strokes in a unit box (x right, y down).
HANDWRITING = {
    0: [arc(0.5, 0.5, 0.3, 0.45, -100, 262, 40)],
    1: [[(0.22, 0.32), (0.56, 0.04), (0.56, 0.96)]],                      # a long flag
    2: [arc(0.5, 0.3, 0.3, 0.22, 200, 380) + [(0.2, 0.95), (0.85, 0.93)]],
    3: [arc(0.48, 0.28, 0.28, 0.2, 200, 450) + arc(0.48, 0.7, 0.32, 0.24, -90, 150)],
    4: [[(0.3, 0.04), (0.2, 0.58), (0.88, 0.58)], [(0.68, 0.18), (0.68, 0.97)]],   # open at the top
    5: [[(0.8, 0.06), (0.32, 0.06), (0.27, 0.45)] + arc(0.5, 0.68, 0.32, 0.27, -130, 150)],
    6: [[(0.7, 0.04), (0.45, 0.25), (0.27, 0.55)] + arc(0.52, 0.72, 0.26, 0.24, 180, 540)],
    7: [[(0.12, 0.08), (0.86, 0.08), (0.42, 0.96)], [(0.36, 0.52), (0.82, 0.52)]],  # with a bar
    8: [arc(0.5, 0.27, 0.24, 0.22, 90, 450) + arc(0.5, 0.72, 0.3, 0.24, -90, 270)],
    9: [arc(0.48, 0.3, 0.28, 0.24, 0, 360) + [(0.76, 0.3), (0.7, 0.96)]],
}


def person_style():
    from mnist_gui.core.drawn import Style

    return Style(rotation=(-14.0, -8.0), shear=(0.32, 0.38), height=(0.55, 0.85), pen=(0.12, 0.13),
                 max_pen_to_height=0.25, jitter=0.05, aspect=(0.05, 0.2))


def drawings(per_digit: int, seed: int, with_strokes: bool = False):
    """(model inputs (n, 28, 28) uint8, labels, canvases[, strokes]): this person's digits, prepared as
    the pad prepares them; ``with_strokes``: each one's strokes too, as the pad records them
    (core.strokes.Stroke: pad coordinates, times at an even pace, the pen)."""
    from mnist_gui.core.drawn import place_strokes, prepare_canvases, stroke_canvas
    from mnist_gui.core.strokes import strokes_of

    rng = np.random.default_rng(seed)
    style = person_style()
    labels = np.repeat(np.arange(10), per_digit).astype(np.uint8)
    canvases, kept = [], []
    for d in labels:
        paths, pen = place_strokes(HANDWRITING[int(d)], rng, style)  # draw_strokes, its strokes kept
        canvases.append(stroke_canvas(paths, pen))
        clock = np.cumsum([0, *[len(p) for p in paths]]) * 0.01
        kept.append(strokes_of({"points": np.asarray(p, np.float32), "width": pen,
                                "times": clock[i] + 0.01 * np.arange(len(p), dtype=np.float32)}
                               for i, p in enumerate(paths)))
    canvases = np.stack(canvases)
    if with_strokes:
        return prepare_canvases(canvases), labels, canvases, kept
    return prepare_canvases(canvases), labels, canvases


def accuracy(model, x, y):
    from mnist_gui.core.training import Predictor

    return float(np.mean(Predictor(model)(x).argmax(axis=1) == y))


def fine_tune_once(path, data, taught, held, strokes=None):
    from mnist_gui.core import run
    from mnist_gui.core.models import PRESETS, ModelConfig
    from mnist_gui.core.storage import load_model, read_metadata

    model = load_model(path)
    meta = read_metadata(path)
    own = meta.get("preset") in PRESETS and isinstance(meta.get("config"), dict)
    base = ModelConfig.from_dict(meta["config"]) if own else PRESETS["mlp"].defaults
    before = (accuracy(model, *held), accuracy(model, data.x_test, data.y_test))
    config = run.fine_tune_config(base)
    start = time.perf_counter()
    outcome = run.train(config, data, model=model, prior=meta, epochs=run.FINE_TUNE_EPOCHS,
                        train_size=run.FINE_TUNE_MNIST, keep_optimizer=own, drawings=taught,
                        drawings_share=run.FINE_TUNE_SHARE, held_out=held, drawing_strokes=strokes,
                        **run.FINE_TUNE_ARGS)
    seconds = time.perf_counter() - start
    after = (accuracy(outcome.model, *held), accuracy(outcome.model, data.x_test, data.y_test))
    return before, after, seconds, outcome.metadata["drawings"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model file (default: the bundled model the app opens with)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--grid", metavar="PNG", help="save the first taught drawings of each digit, as drawn")
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.exists() else None)
    for name in ("epochs", "mnist", "share", "lr_scale"):  # to try other settings than the app's
        parser.add_argument(f"--{name.replace('_', '-')}", type=float)
    parser.add_argument("--no-augment", action="store_true", help="fine-tune without augmentation (to compare)")
    parser.add_argument("--augment-all", action="store_true",
                        help="augment the MNIST images too, in every batch (to compare)")
    parser.add_argument("--strokes", action="store_true",
                        help="compare fine-tuning with and without re-rendering the drawings from their strokes")
    parser.add_argument("--first-seed", type=int, default=100, help="with --strokes: the first seed of taught drawings")
    parser.add_argument("--per-digit", type=int, default=None,
                        help=f"taught drawings of each digit (default {TAUGHT}; with --strokes 3)")
    args = parser.parse_args()

    from mnist_gui.core import run

    for name, kind in (("epochs", int), ("mnist", int), ("share", float), ("lr_scale", float)):
        if getattr(args, name) is not None:
            setattr(run, f"FINE_TUNE_{name.upper()}", kind(getattr(args, name)))
    if args.no_augment:
        app_config = run.fine_tune_config
        run.fine_tune_config = lambda config: app_config(config).replace(augment=False)
    if args.augment_all:
        app_config = run.fine_tune_config
        run.fine_tune_config = lambda config: app_config(config).replace(augment=True)
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.storage import list_models
    from mnist_gui.paths import bundled_models_dir

    data = load_mnist(args.data)
    path = Path(args.model) if args.model else list_models(bundled_models_dir())[0][0]
    if args.strokes:
        return compare_strokes(path, data, args.per_digit or 3, args.repeats, args.first_seed)
    tx, ty, canvases = drawings(args.per_digit or TAUGHT, seed=1)
    hx, hy, _ = drawings(HELD_OUT, seed=2)
    if args.grid:
        from PIL import Image

        rows = [np.concatenate([np.pad(canvases[d * TAUGHT + i], 2, constant_values=90) for i in range(8)], axis=1)
                for d in range(10)]
        Image.fromarray(np.concatenate(rows)).save(args.grid)
    print(f"model {path}; {len(ty)} taught and {len(hy)} held-out drawings of one person's style; fine-tune: "
          f"{run.FINE_TUNE_EPOCHS} epochs on {run.FINE_TUNE_MNIST} MNIST images + the taught drawings as "
          f"{run.FINE_TUNE_SHARE:.0%}, lr x{run.FINE_TUNE_LR_SCALE}, augmented", flush=True)
    results = []
    for repeat in range(args.repeats):
        load = os.getloadavg()[0]
        (held_before, mnist_before), (held_after, mnist_after), seconds, record = fine_tune_once(
            path, data, (tx, ty), (hx, hy))
        results.append((held_before, held_after, mnist_before, mnist_after, seconds))
        print(f"run {repeat + 1}: held_out_before={held_before:.4f} held_out_after={held_after:.4f} "
              f"mnist_before={mnist_before:.4f} mnist_after={mnist_after:.4f} fine_tune_seconds={seconds:.1f} "
              f"load={load:.2f}", flush=True)
    med = [statistics.median(r[i] for r in results) for i in range(5)]
    errors_before, errors_after = 1 - med[0], 1 - med[1]
    held_ok = med[1] >= 0.99 or errors_after <= errors_before / 2
    mnist_ok = med[2] - med[3] <= 0.003
    time_ok = med[4] <= 30
    print(f"median: held_out {med[0]:.2%} -> {med[1]:.2%} ({'met' if held_ok else 'NOT met'}), "
          f"MNIST test {med[2]:.2%} -> {med[3]:.2%} ({100 * (med[3] - med[2]):+.2f} points, "
          f"{'met' if mnist_ok else 'NOT met'}), fine-tune {med[4]:.1f} s ({'met' if time_ok else 'NOT met'}); "
          f"load average now {os.getloadavg()[0]:.2f}")


def compare_strokes(path, data, per_digit: int, repeats: int, first_seed: int = 100):
    """Held-out accuracy after fine-tuning on ``per_digit`` drawings of each digit, without and with
    re-rendering from strokes, one seed of taught drawings per repeat: medians."""
    from mnist_gui.core import run

    hx, hy, _ = drawings(HELD_OUT, seed=2)
    print(f"model {path}; {per_digit} taught drawings of each digit (new ones each seed), {len(hy)} held out; "
          f"fine-tune: {run.FINE_TUNE_EPOCHS} epochs on {run.FINE_TUNE_MNIST} MNIST images + the drawings as "
          f"{run.FINE_TUNE_SHARE:.0%}", flush=True)
    rows = []
    for repeat in range(repeats):
        tx, ty, _, strokes = drawings(per_digit, seed=first_seed + repeat, with_strokes=True)
        plain = fine_tune_once(path, data, (tx, ty), (hx, hy))
        drawn = fine_tune_once(path, data, (tx, ty), (hx, hy), strokes=strokes)
        rows.append((plain[0][0], plain[1][0], drawn[1][0], plain[1][1], drawn[1][1], plain[2], drawn[2]))
        print(f"seed {first_seed + repeat}: held_out_before={plain[0][0]:.4f} images_only={plain[1][0]:.4f} "
              f"from_strokes={drawn[1][0]:.4f} mnist_images_only={plain[1][1]:.4f} "
              f"mnist_from_strokes={drawn[1][1]:.4f} seconds={plain[2]:.1f}/{drawn[2]:.1f} "
              f"load={os.getloadavg()[0]:.2f}", flush=True)
    med = [statistics.median(r[i] for r in rows) for i in range(7)]
    print(f"median over {repeats} seeds: held_out before {med[0]:.2%}; after, image augmentation only "
          f"{med[1]:.2%}, re-rendered from strokes {med[2]:.2%} ({100 * (med[2] - med[1]):+.2f} points); "
          f"MNIST test {med[3]:.2%} / {med[4]:.2%}; fine-tune {med[5]:.1f} s / {med[6]:.1f} s")


if __name__ == "__main__":
    main()
