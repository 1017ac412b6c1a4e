"""Training throughput at the notebook's settings: the plain notebook fit() vs the app's path.

Same model (the Seed DNN preset), same data (real MNIST), same epochs, batch 32, SGD 0.03,
validating on the test set every epoch, in one process:
- baseline: the notebook's code, `model.fit(x_train, y_onehot, epochs, batch_size=32, validation_data=...)`
- candidate: `mnist_gui.core.training.fit`, what the Training tab and `mnist-gui train` run.
The two take turns epoch by epoch (notebook epoch 1, app epoch 1, notebook epoch 2, ...): each
fit() runs on its own thread and waits at the start of each epoch for its turn, so only one of
them trains at any time, and a slow spell of this shared machine (they last minutes and cost up
to 40%) falls on both sides alike instead of on whichever ran then. Each epoch is timed by the
same Keras callback, validation included. With --repeats N, N such pairs, each with its own seed
(42, 43, ...) for the initial weights. Both reshuffle the training images every epoch. The first
epoch of each run includes compilation and is left out of the median.
Usage: python benchmarks/train_throughput.py [--epochs 6] [--repeats 1] [--data PATH]
       python benchmarks/train_throughput.py --epochs 50 --repeats 3   # accuracy after 50 epochs
"""

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def load(path):
    from mnist_gui.core.data import load_mnist

    return load_mnist(path)


class Turns:
    """Round-robin turns between threads, one epoch each; a player that finishes leaves the round."""

    def __init__(self, players: int):
        self._cond = threading.Condition()
        self._active = list(range(players))
        self._turn = 0

    def wait(self, player):
        with self._cond:
            self._cond.wait_for(lambda: self._turn == player)

    def pass_on(self, player, leave=False):
        """End ``player``'s turn (it must be its turn) or, with ``leave``, take it out of the round."""
        with self._cond:
            if player not in self._active:
                return  # already left (a run that failed after its end)
            i = self._active.index(player)
            if leave:
                self._active.remove(player)
            if self._active and self._turn == player:
                self._turn = self._active[(i if leave else i + 1) % len(self._active)]
            self._cond.notify_all()


def epoch_timer(turns, player, from_first_batch=False):
    """A Keras callback timing each epoch (validation included) once it is this side's turn.

    ``from_first_batch``: start the clock at the epoch's first batch, after Keras has dropped the
    previous epoch's iterator. Dropping a tf.data iterator that sat idle through the other side's
    turn can block for up to ~20 s with both cores idle (measured: keras.io's convnet fed NumPy
    arrays, in 3 of its 5 turns), a wait that exists only because the sides take turns."""
    import keras

    class EpochTimer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.seconds = []

        def on_epoch_begin(self, epoch, logs=None):
            turns.wait(player)
            self._t = time.perf_counter()

        def on_train_batch_begin(self, batch, logs=None):
            if from_first_batch and batch == 0:
                self._t = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.seconds.append(time.perf_counter() - self._t)
            turns.pass_on(player)

        def on_train_end(self, logs=None):
            turns.pass_on(player, leave=True)

    return EpochTimer()


def notebook(data, epochs, seed, timer):
    """Build the notebook's model now; return the function that trains it."""
    from mnist_gui.core.models import build_model, one_hot, preset

    # The notebook's compile: SGD 0.03, categorical cross-entropy; build_model seeds every RNG, so
    # both sides start from the same weights.
    model = build_model(preset("seed", seed=seed))

    def run():
        history = model.fit(data.x_train, one_hot(data.y_train), epochs=epochs, batch_size=32,
                            validation_data=(data.x_test, one_hot(data.y_test)), verbose=0, callbacks=[timer])
        return history.history["val_accuracy"][-1]

    return run


def app(data, epochs, seed, timer):
    from mnist_gui.core import training
    from mnist_gui.core.models import build_model, preset

    model = build_model(preset("seed", seed=seed))

    def run():
        result = training.fit(model, data.x_train, data.y_train, validation_data=(data.x_test, data.y_test),
                              epochs=epochs, batch_size=32, callbacks=[timer])
        return result.history["val_accuracy"][-1]

    return run


def run_side_by_side(data, epochs, seed):
    """Both sides' (epoch seconds, final test accuracy), trained in alternating epochs."""
    import tensorflow as tf

    turns = Turns(2)
    timers = [epoch_timer(turns, 0), epoch_timer(turns, 1)]
    runs = [notebook(data, epochs, seed, timers[0]), app(data, epochs, seed, timers[1])]
    # The notebook sets no seed. With TensorFlow's global seed left set, Keras' shuffling of NumPy
    # arrays repeats the first epoch's order in every epoch, which costs about 0.5 points of
    # accuracy after 50 epochs: clear it, as in the notebook.
    tf.random.set_seed(None)
    accuracies = [None, None]
    errors = []

    def train(i):
        try:
            accuracies[i] = runs[i]()
        except BaseException as exc:  # reported below, after the other side finishes
            errors.append(exc)
            turns.pass_on(i, leave=True)

    threads = [threading.Thread(target=train, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return [(timer.seconds, accuracy) for timer, accuracy in zip(timers, accuracies)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()
    data = load(args.data if Path(args.data).exists() else None)
    n = len(data.x_train)
    runs = {"notebook fit()": ([], []), "app training.fit": ([], [])}
    for repeat in range(args.repeats):
        pair = run_side_by_side(data, args.epochs, 42 + repeat)
        for (steady, accuracies), (seconds, accuracy) in zip(runs.values(), pair):
            steady += seconds[1:] or seconds
            accuracies.append(accuracy)
    speed = {}
    for name, (steady, accuracies) in runs.items():
        median = statistics.median(steady)
        speed[name] = n / median
        print(f"{name:18s} median epoch {median:.2f} s = {n / median:,.0f} samples/s; test accuracy after "
              f"{args.epochs} epochs {statistics.mean(accuracies):.2%}"
              + (f" (mean of {len(accuracies)}: {', '.join(f'{a:.2%}' for a in accuracies)})"
                 if len(accuracies) > 1 else ""), flush=True)
    (base_acc, cand_acc) = (statistics.mean(acc) for _, acc in runs.values())
    print(f"accuracy difference (app - notebook): {100 * (cand_acc - base_acc):+.2f} points")
    base, cand = speed.values()
    print(f"speed-up (median samples/s, app / notebook): {cand / base:.2f}x")


if __name__ == "__main__":
    main()
