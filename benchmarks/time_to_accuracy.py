"""Time to accuracy: the CNN preset, as the Train button runs it, against the keras.io MNIST convnet.

The anchor is the keras.io example "Simple MNIST convnet" (mnist_convnet): Conv 32 3×3 relu,
max-pool, Conv 64 3×3 relu, max-pool, Flatten, Dropout 0.5, Dense 10 softmax; Adam, batch 128,
plain ``model.fit`` on the arrays. The preset trains through ``core.run.train`` with its own
settings (augmentation and schedule included), exactly what the Train button and ``mnist-gui
train`` run. Both validate on
the 10,000 test images at every epoch end, and they take turns epoch by epoch (as
``train_throughput.py`` does), so the machine's slow spells fall on both alike.

Seconds are each side's own training time (its epochs from their first batch, validation and
first-epoch compilation included; the other side's turns excluded, and so is Keras dropping the
previous epoch's iterator, which can stall for ~20 s after the other side's turn: see
``train_throughput.epoch_timer``), at the end of the first epoch whose test accuracy
reaches 98.5%, 99.0% and 99.4%. ``ratio_99.0`` is the preset's seconds to 99.0% divided by the
anchor's median epoch (first epoch excluded); likewise ``ratio_99.4``. Goals: <= 2 and <= 6.
Usage: python benchmarks/time_to_accuracy.py [--preset cnn] [--epochs N] [--anchor-epochs 6] [--seed 42] [--no-augment]
       [--batch-size N] [--lr X] [--float32] [--avx2]
The preset trains in bfloat16 where the CPU computes it natively (core.models.training_policy);
--float32 (the same as MNIST_GUI_BFLOAT16=0) measures it in float32, as on a CPU without;
--avx2 (ONEDNN_MAX_CPU_ISA=AVX2) limits oneDNN, for both sides, to the AVX2 kernels most laptops
have. The first line printed says which path was measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from train_throughput import Turns, epoch_timer  # noqa: E402

TARGETS = (0.985, 0.99, 0.994)
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"


def anchor_model(seed):
    """keras.io's mnist_convnet, taking the app's raw 0..255 28×28 images."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input((28, 28)),
        layers.Rescaling(1 / 255.0),  # the example divides by 255 before fit
        layers.Reshape((28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, activation="relu"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ], name="keras_io_mnist_convnet")
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def add_path_options(parser) -> None:
    """--float32 and --avx2: which path the CNN preset is measured on (also cnn_epoch_profile.py)."""
    parser.add_argument("--float32", action="store_true", help="the preset in float32 (MNIST_GUI_BFLOAT16=0)")
    parser.add_argument("--avx2", action="store_true", help="oneDNN limited to AVX2 (ONEDNN_MAX_CPU_ISA=AVX2)")


def choose_path(args) -> None:
    # Both are read when TensorFlow loads oneDNN, or when a run picks its dtype: set before either.
    if args.float32:
        os.environ["MNIST_GUI_BFLOAT16"] = "0"
    if args.avx2:
        os.environ["ONEDNN_MAX_CPU_ISA"] = "AVX2"


def first_reached(seconds, accuracies):
    """{target: cumulative seconds at the first epoch reaching it, or None}."""
    out, total = {}, 0.0
    for s, a in zip(seconds, accuracies):
        total += s
        for target in TARGETS:
            if a >= target and target not in out:
                out[target] = total
    return {t: out.get(t) for t in TARGETS}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="cnn")
    parser.add_argument("--epochs", type=int, help="the preset's epochs (default: the preset's own)")
    parser.add_argument("--anchor-epochs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-augment", action="store_true", help="the preset without augmentation")
    parser.add_argument("--batch-size", type=int, help="instead of the preset's")
    parser.add_argument("--lr", type=float, help="instead of the preset's learning rate")
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.exists() else None)
    add_path_options(parser)
    args = parser.parse_args()
    choose_path(args)

    import tensorflow as tf

    from mnist_gui.core import run
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.models import one_hot, preset

    data = load_mnist(args.data)
    config = preset(args.preset, seed=args.seed, **({"epochs": args.epochs} if args.epochs else {}),
                    **({"augment": False} if args.no_augment else {}),
                    **({"batch_size": args.batch_size} if args.batch_size else {}),
                    **({"learning_rate": args.lr} if args.lr else {}))
    from mnist_gui.core.models import training_policy

    dtype = "bfloat16" if training_policy(config) else "float32"
    isa = os.environ.get("ONEDNN_MAX_CPU_ISA", "the CPU's own")
    print(f"path: preset trains in {dtype}; oneDNN kernels: {isa}", flush=True)
    print(f"preset {config.preset}: {config.to_json()}", flush=True)
    turns = Turns(2)
    timers = [epoch_timer(turns, 0, from_first_batch=True), epoch_timer(turns, 1, from_first_batch=True)]
    histories = [None, None]
    errors = []
    anchor = anchor_model(args.seed)

    def run_anchor():
        tf.random.set_seed(None)  # as the example: unseeded shuffling (see train_throughput.py)
        h = anchor.fit(data.x_train.astype("float32"), one_hot(data.y_train), batch_size=128,
                       epochs=args.anchor_epochs, validation_data=(data.x_test.astype("float32"), one_hot(data.y_test)),
                       verbose=0, callbacks=[timers[0]])
        histories[0] = h.history["val_accuracy"]

    def run_preset():
        outcome = run.train(config, data, callbacks=[timers[1]])
        histories[1] = outcome.history["val_accuracy"]

    def train(i, run):
        try:
            run()
        except BaseException as exc:
            errors.append(exc)
            turns.pass_on(i, leave=True)

    threads = [threading.Thread(target=train, args=(i, r)) for i, r in enumerate((run_anchor, run_preset))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]

    anchor_epoch = statistics.median(timers[0].seconds[1:] or timers[0].seconds)
    for name, timer, accuracies in (("anchor (keras.io mnist_convnet)", timers[0], histories[0]),
                                    (f"preset {config.preset}", timers[1], histories[1])):
        print(f"{name}: epoch seconds {' '.join(f'{s:.1f}' for s in timer.seconds)}; "
              f"test accuracy {' '.join(f'{a:.4f}' for a in accuracies)}")
        reached = first_reached(timer.seconds, accuracies)
        print("  " + "  ".join(f"{t:.1%}: " + (f"{s:.1f} s" if s is not None else "not reached")
                               for t, s in reached.items()), flush=True)
    print(f"anchor median epoch {anchor_epoch:.2f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    reached = first_reached(timers[1].seconds, histories[1])
    for target in (0.99, 0.994):
        s = reached[target]
        print(f"ratio_{target * 100:.1f}=" + (f"{s / anchor_epoch:.2f}" if s is not None else "inf"))


if __name__ == "__main__":
    main()
