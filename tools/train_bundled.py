"""Train the bundled default CNN: wider than the CNN preset, augmented, and also shown mouse-style
drawings of *training* digits (``core.drawn`` with its own seed, never the benchmark's test digits).

Its speed does not matter (it ships trained), so it may train for long; the sidecar records the
time, the extra drawn training images and their seed. Afterwards run
``benchmarks/drawn_digits.py MODEL --record`` and ``tools/calibrate.py MODEL``.

With ``--init MODEL`` it goes on from that model's weights (e.g. the previous bundled CNN, of the
same architecture) instead of new ones: the sidecar's epochs and seconds add up.

Several sets of drawings may be added (``--drawn-seed`` takes one seed per set), drawn a little
further from MNIST than the benchmark's (``--drawn-style rotation=18,jitter=0.045``): a model that
has seen wider slants and wobbles reads the benchmark's with room to spare.

Handwriting styles MNIST lacks (a 1 with a flag, a crossbar 7, ...: ``core.styles``) are added with
``--styles N`` (their own seeds, ``--styles-seed``; never the style benchmark's).

Usage: nice -n 10 python tools/train_bundled.py OUT.keras [--init MODEL] [--epochs 12] [--lr 0.002]
       [--drawn 40000] [--drawn-seed 20261 [20262 ...]] [--drawn-style K=V,...]
       [--drawn-cache 'DIR/drawn{seed}.npz'] [--styles 0] [--styles-seed 29001 [...]] [--data PATH]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
import zipfile
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

DRAWN_TRAIN_SEED = 20261  # not the benchmark's 1234, and only training digits are drawn
STYLES_TRAIN_SEED = 29001  # core.styles' own; benchmarks/styles.py has its own seeds and templates
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"


def build_wide_cnn(keras, layers, filters: int = 32, dense: int = 128):
    """Two conv blocks with batch norm (``filters``, twice as many) and a dense layer with dropout."""
    def conv_block(x, filters):
        for _ in range(2):
            x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
            x = layers.BatchNormalization()(x)
            x = layers.Activation("relu")(x)
        return layers.MaxPooling2D()(x)

    inputs = keras.Input(shape=(28, 28))
    x = layers.Rescaling(1 / 255.0)(inputs)
    x = layers.Reshape((28, 28, 1))(x)
    x = conv_block(x, filters)
    x = conv_block(x, 2 * filters)
    x = layers.Flatten()(x)
    x = layers.Dense(dense, use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Dropout(0.4)(x)
    outputs = layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="cnn")


def save_npz(path, *arrays, **named):
    """np.savez, atomically: a run killed mid-write leaves the previous file, not half a new one."""
    from mnist_gui.core.files import atomic_write

    def write(tmp):
        with open(tmp, "wb") as f:
            np.savez(f, *arrays, **named)
    atomic_write(path, write)


def parse_style(text: str) -> dict:
    from mnist_gui.core.drawn import parse_style as parse

    try:
        return parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def drawings(data, n: int, seed: int, style: dict, cache: str | None):
    """``n`` drawings of training digits (seed, style), from ``cache`` if it holds exactly those,
    else made (and kept there). A cache holding others is an error, not silently replaced."""
    from mnist_gui.core.drawn import drawn_digits

    wanted = min(n, len(data.x_train))  # drawn_digits draws each digit at most once
    described = json.dumps(style, sort_keys=True)
    if cache is not None and Path(cache).is_file():
        if not zipfile.is_zipfile(cache):  # else numpy calls any non-.npz file "pickled data"
            raise ValueError(f"{cache} is not a drawings cache: not an .npz file")
        try:
            with np.load(cache) as saved:  # numpy arrays only: no pickles
                seed_saved, x, y = int(saved["seed"]), saved["x"], saved["y"]
                style_saved = str(saved["style"]) if "style" in saved.files else "{}"
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise ValueError(f"{cache} is not a drawings cache: {exc}") from None
        if seed_saved != seed or len(y) != wanted or style_saved != described:
            raise ValueError(f"{cache} holds other drawings (seed {seed_saved}, {len(y)} images, style {style_saved})")
        return x, y
    x, y = drawn_digits(data.x_train, data.y_train, n=n, seed=seed, **style)
    if cache is not None:
        save_npz(cache, x=x, y=y, seed=seed, style=described)
    return x, y


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--lr", type=float, default=0.002, help="peak of the cosine schedule")
    parser.add_argument("--init", metavar="MODEL", help="start from this model's weights")
    parser.add_argument("--drawn", type=int, default=40_000, help="drawings of training digits to add")
    parser.add_argument("--drawn-seed", type=int, nargs="+", default=[DRAWN_TRAIN_SEED],
                        help="one seed per set of training drawings (never the benchmark's)")
    parser.add_argument("--drawn-style", type=parse_style, default={}, metavar="K=V,...",
                        help="core.drawn.Style values for the training drawings, e.g. rotation=18,jitter=0.045")
    parser.add_argument("--filters", type=int, default=32, help="of the first conv block (the second has twice)")
    parser.add_argument("--dense", type=int, default=128, help="units of the dense layer")
    parser.add_argument("--drawn-cache", metavar="NPZ",
                        help="keep each set of drawings here (made once, reused); {seed} in it is the set's seed")
    parser.add_argument("--styles", type=int, default=0, help="handwriting-style drawings to add per --styles-seed")
    parser.add_argument("--styles-seed", type=int, nargs="+", default=[STYLES_TRAIN_SEED],
                        help="one seed per set of style drawings (never the style benchmark's)")
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.is_file() else None)
    args = parser.parse_args()

    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.drawn import DEFAULT_SEED

    data = load_mnist(args.data)
    start = time.perf_counter()
    if DEFAULT_SEED in args.drawn_seed:
        parser.error(f"{DEFAULT_SEED} is the drawn benchmark's seed")
    if args.drawn_cache and len(args.drawn_seed) > 1 and "{seed}" not in args.drawn_cache:
        parser.error("with several --drawn-seed, --drawn-cache needs {seed} in its name")
    try:
        sets = [drawings(data, args.drawn, seed, args.drawn_style,
                         args.drawn_cache.replace("{seed}", str(seed)) if args.drawn_cache else None)
                for seed in args.drawn_seed]
    except ValueError as exc:
        parser.error(str(exc))
    drawn_x = np.concatenate([x for x, _ in sets])
    drawn_y = np.concatenate([y for _, y in sets])
    print(f"{len(drawn_x)} drawings of training digits in {time.perf_counter() - start:.0f} s", flush=True)
    styles_x, styles_y = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.uint8)
    if args.styles > 0:
        from mnist_gui.core.styles import style_digits

        style_sets = [style_digits(args.styles, seed)[:2] for seed in args.styles_seed]
        styles_x = np.concatenate([x for x, _ in style_sets])
        styles_y = np.concatenate([y for _, y in style_sets])
        print(f"{len(styles_x)} handwriting-style drawings in {time.perf_counter() - start:.0f} s", flush=True)
    mixed = dataclasses.replace(data, x_train=np.concatenate([data.x_train, drawn_x, styles_x]),
                                y_train=np.concatenate([data.y_train, drawn_y, styles_y]))

    import keras
    from keras import layers

    from mnist_gui.core import run, storage
    from mnist_gui.core.models import compile_model, preset

    config = preset("cnn", epochs=args.epochs, learning_rate=args.lr, batch_size=128, schedule="cosine",
                    augment=True)
    keras.utils.set_random_seed(config.seed)
    model = build_wide_cnn(keras, layers, args.filters, args.dense)
    prior = {}
    if args.init:
        prior = storage.read_metadata(args.init)
        model.set_weights(storage.load_model(args.init).get_weights())  # same layers, or this fails
    compile_model(model, config)

    class Log:
        def on_batch(self, *a):
            pass

        def on_epoch(self, epoch, logs, weights):
            if weights is not None:  # a checkpoint per epoch, in case the run is cut short
                save_npz(args.out + ".epoch.npz", *weights)
            print(f"epoch {epoch + 1}: " + " ".join(f"{k}={v:.4f}" for k, v in logs.items())
                  + f" ({time.perf_counter() - start:.0f} s)", flush=True)

    # One-hot targets: the bundled model's calibration is measured on drawings (tools/calibrate.py).
    outcome = run.train(config, mixed, model=model, prior=prior, progress=Log(), keep_optimizer=True,
                        label_smoothing=0.0)
    meta = {**outcome.metadata, "architecture": f"wide CNN (tools/train_bundled.py, --filters {args.filters} --dense {args.dense})",
            "drawn_training": {"n": len(drawn_x), "seeds": args.drawn_seed, "per_seed": len(sets[0][1]),
                               "style": args.drawn_style or "the benchmark's", "digits": "training"}}
    if len(styles_x):
        from mnist_gui.core.styles import STYLE_NAMES

        meta["style_training"] = {"n": len(styles_x), "seeds": args.styles_seed, "generator": "mnist_gui/core/styles.py",
                                  "styles": len(STYLE_NAMES)}
    if prior.get("style_training"):
        meta["style_training_before"] = prior["style_training"]
    if prior.get("drawn_training"):  # what the weights it went on from had seen
        meta["drawn_training_before"] = prior["drawn_training"]
    storage.save_model(outcome.model, args.out, meta)
    print(f"saved {args.out}: test_accuracy={meta['test_accuracy']:.4f} train_seconds={meta['train_seconds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
