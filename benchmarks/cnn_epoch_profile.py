"""Where an epoch of the CNN preset goes (issue 32): the whole epoch as the Train button runs it,
then its parts measured alone, each scaled to one epoch (235 steps of 256 images):

- the training step alone (forward, backward, Adam) on batches already made, through Keras'
  ``train_on_batch`` (its Python overhead included), on the trainer a run trains
  (``core.trainers``: the bfloat16 twin, or in float32 the twin with its first block fused);
- the input pipeline alone (shuffle, batch, and ``core.augment``'s warps and stroke widths on half
  of each batch: what tf.data's threads do beside the step), with and without the augmentation;
- validation (the 10,000 test images in calls of 1,000).

On two cores the pipeline's threads and the step share the CPU, so the parts add up to more than
the epoch when they overlap and to less when they fight. Prints which path it measured.
Usage: python benchmarks/cnn_epoch_profile.py [--float32] [--avx2] [--steps 40] [--data PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"

from time_to_accuracy import add_path_options, choose_path  # noqa: E402


def timed(fn, repeats: int) -> float:
    """Median seconds of ``fn()`` over ``repeats`` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_path_options(parser)
    parser.add_argument("--steps", type=int, default=40, help="steps (and augmenter calls) to time")
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.exists() else None)
    args = parser.parse_args()
    choose_path(args)

    import keras
    import numpy as np
    import tensorflow as tf

    from mnist_gui.core import run, training
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core import trainers
    from mnist_gui.core.models import build_model, one_hot, preset, training_policy

    data = load_mnist(args.data)
    config = preset("cnn", epochs=2)
    policy = training_policy(config)
    print(f"path: {'bfloat16' if policy else 'float32'}; oneDNN kernels: "
          f"{os.environ.get('ONEDNN_MAX_CPU_ISA', 'the CPU own')}", flush=True)
    batch = config.batch_size
    steps_per_epoch = -(-len(data.x_train) // batch)

    # The whole epoch, as the Train button runs it (the second of two: the first includes tracing).
    epoch_times = []

    class EpochTimer(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            epoch_times.append(time.perf_counter() - self.start)

    run.train(config, data, callbacks=[EpochTimer()])
    print(f"whole epoch (train + validation, second epoch): {epoch_times[-1]:.2f} s", flush=True)

    # The step alone, on the trainer a run trains (core.trainers: bfloat16, or fused in float32).
    model, _ = trainers.POOL.take(build_model(config), policy)
    print(f"trainer: {trainers.compute_dtype(model)}, layers {', '.join(type(layer).__name__ for layer in model.layers)}",
          flush=True)
    rng = np.random.default_rng(0)
    pick = rng.choice(len(data.x_train), batch, replace=False)
    x = tf.constant(data.x_train[pick].astype("float32"))
    y = tf.constant(one_hot(data.y_train[pick]))
    step = timed(lambda: model.train_on_batch(x, y), args.steps)
    print(f"training step alone: {step * 1000:.1f} ms a step = {step * steps_per_epoch:.2f} s an epoch", flush=True)

    # The input pipeline alone, with and without the augmentation: what tf.data's threads do beside
    # the step (calling the augmenter eagerly instead would time Python, not the warps).
    def pipeline(augment: bool) -> float:
        batches = training._epoch_batches(data.x_train, training.targets(data.y_train), batch, 0)
        if augment:
            batches = training._augmented(batches, 0)
        start = time.perf_counter()
        for _ in batches:
            pass
        return time.perf_counter() - start

    plain, augmented = pipeline(False), pipeline(True)
    print(f"input pipeline alone, on its own threads: {augmented:.2f} s an epoch, of which the augmentation "
          f"{augmented - plain:.2f} s (shuffle and batch alone {plain:.2f} s)", flush=True)

    # Validation.
    vx = tf.constant(data.x_test.astype("float32"))
    vy = tf.constant(one_hot(data.y_test))
    validation = timed(lambda: model.evaluate(vx, vy, batch_size=training.STEP_VALIDATION_BATCH, verbose=0), 3)
    print(f"validation (10,000 images): {validation:.2f} s an epoch", flush=True)
    print(f"parts: step {step * steps_per_epoch:.2f} + validation {validation:.2f} = "
          f"{step * steps_per_epoch + validation:.2f} s against the whole epoch's {epoch_times[-1]:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
