"""Training throughput at the notebook's settings: the plain notebook fit() vs the app's path.

Same model (the Seed DNN preset, seed 42), same data (real MNIST), same epochs, batch 32, SGD 0.03,
validating on the test set every epoch, in one process, one after the other.
- baseline: the notebook's code, `model.fit(x_train, y_onehot, epochs, batch_size=32, validation_data=...)`
- candidate: `mnist_gui.core.training.fit`, what the Training tab and `mnist-gui train` run.
The first epoch of each includes compilation and is reported but not counted in the median.
Usage: python benchmarks/train_throughput.py [--epochs 4] [--data PATH]
       python benchmarks/train_throughput.py --epochs 50   # also compares final test accuracy
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


def run_baseline(data, epochs):
    from mnist_gui.core.models import build_model, one_hot, preset

    model = build_model(preset("seed"))  # the notebook's compile: SGD 0.03, categorical cross-entropy
    timer = epoch_timer()
    history = model.fit(data.x_train, one_hot(data.y_train), epochs=epochs, batch_size=32,
                        validation_data=(data.x_test, one_hot(data.y_test)), verbose=0, callbacks=[timer])
    return timer.seconds, history.history["val_accuracy"][-1]


def run_candidate(data, epochs):
    from mnist_gui.core import training
    from mnist_gui.core.models import build_model, preset

    model = build_model(preset("seed"))
    seconds, last = [], [time.perf_counter()]

    def on_epoch(epoch, logs):
        now = time.perf_counter()
        seconds.append(now - last[0])
        last[0] = now

    result = training.fit(model, data.x_train, data.y_train, validation_data=(data.x_test, data.y_test),
                          epochs=epochs, batch_size=32, progress=training.callback_progress(on_epoch=on_epoch))
    return seconds, result.history["val_accuracy"][-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()
    data = load(args.data if Path(args.data).exists() else None)
    n = len(data.x_train)
    results = {}
    for name, run in (("notebook fit()", run_baseline), ("app training.fit", run_candidate)):
        seconds, acc = run(data, args.epochs)
        steady = seconds[1:] or seconds
        results[name] = (n / statistics.median(steady), acc)
        print(f"{name:18s} first epoch {seconds[0]:.2f} s; median epoch {statistics.median(steady):.2f} s "
              f"= {n / statistics.median(steady):,.0f} samples/s; test accuracy after {args.epochs} epochs "
              f"{acc:.2%}", flush=True)
    (base, base_acc), (cand, cand_acc) = results.values()
    print(f"accuracy difference: {100 * (cand_acc - base_acc):+.2f} points")
    print(f"speed-up (median samples/s, app / notebook): {cand / base:.2f}x")


if __name__ == "__main__":
    main()
