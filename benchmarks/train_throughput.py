"""Training throughput at the notebook's settings: the plain notebook fit() vs the app's path.

Same model (the Seed DNN preset), same data (real MNIST), same epochs, batch 32, SGD 0.03,
validating on the test set every epoch, in one process:
- baseline: the notebook's code, `model.fit(x_train, y_onehot, epochs, batch_size=32, validation_data=...)`
- candidate: `mnist_gui.core.training.fit`, what the Training tab and `mnist-gui train` run.
With --repeats N the two alternate (baseline, candidate, baseline, ...), each pair with its own
seed (42, 43, ...) for the initial weights, so that a slow spell of the machine or a lucky seed
does not favour either side. Both reshuffle the training images every epoch. The first epoch of each run includes compilation and
is left out of the median.
Usage: python benchmarks/train_throughput.py [--epochs 6] [--repeats 1] [--data PATH]
       python benchmarks/train_throughput.py --epochs 50 --repeats 3   # accuracy after 50 epochs
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def load(path):
    from mnist_gui.core.data import load_mnist

    return load_mnist(path)


def epoch_timer():
    import keras

    class EpochTimer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.seconds = []

        def on_epoch_begin(self, epoch, logs=None):
            self._t = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.seconds.append(time.perf_counter() - self._t)

    return EpochTimer()


def run_baseline(data, epochs, seed):
    from mnist_gui.core.models import build_model, one_hot, preset

    import tensorflow as tf

    # The notebook's compile: SGD 0.03, categorical cross-entropy; build_model seeds every RNG, so
    # both sides start from the same weights.
    model = build_model(preset("seed", seed=seed))
    # The notebook sets no seed. With TensorFlow's global seed left set, Keras' shuffling of NumPy
    # arrays repeats the first epoch's order in every epoch, which costs about 0.5 points of
    # accuracy after 50 epochs: clear it, as in the notebook.
    tf.random.set_seed(None)
    timer = epoch_timer()
    history = model.fit(data.x_train, one_hot(data.y_train), epochs=epochs, batch_size=32,
                        validation_data=(data.x_test, one_hot(data.y_test)), verbose=0, callbacks=[timer])
    return timer.seconds, history.history["val_accuracy"][-1]


def run_candidate(data, epochs, seed):
    from mnist_gui.core import training
    from mnist_gui.core.models import build_model, preset

    model = build_model(preset("seed", seed=seed))
    timer = epoch_timer()  # the same Keras callback timing as the baseline's
    result = training.fit(model, data.x_train, data.y_train, validation_data=(data.x_test, data.y_test),
                          epochs=epochs, batch_size=32, callbacks=[timer])
    return timer.seconds, result.history["val_accuracy"][-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()
    data = load(args.data if Path(args.data).exists() else None)
    n = len(data.x_train)
    runs = {"notebook fit()": (run_baseline, [], []), "app training.fit": (run_candidate, [], [])}
    for repeat in range(args.repeats):
        for run, steady, accuracies in runs.values():
            seconds, accuracy = run(data, args.epochs, 42 + repeat)
            steady += seconds[1:] or seconds
            accuracies.append(accuracy)
    speed = {}
    for name, (_, steady, accuracies) in runs.items():
        median = statistics.median(steady)
        speed[name] = n / median
        print(f"{name:18s} median epoch {median:.2f} s = {n / median:,.0f} samples/s; test accuracy after "
              f"{args.epochs} epochs {statistics.mean(accuracies):.2%}"
              + (f" (mean of {len(accuracies)}: {', '.join(f'{a:.2%}' for a in accuracies)})"
                 if len(accuracies) > 1 else ""), flush=True)
    (base_acc, cand_acc) = (statistics.mean(acc) for _, _, acc in runs.values())
    print(f"accuracy difference (app - notebook): {100 * (cand_acc - base_acc):+.2f} points")
    base, cand = speed.values()
    print(f"speed-up (median samples/s, app / notebook): {cand / base:.2f}x")


if __name__ == "__main__":
    main()
