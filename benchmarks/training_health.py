"""What the coach's measurements cost a run: epoch times of the app's run (``core.run.train``, as
the Training tab runs it: with ``core.live``'s callback and ``core.health`` measured at each epoch
end, as training_runner.py does) and the time each health measurement takes, for a preset.

On code without core.live/core.health (the base commit, for before/after) it times the plain run.
Usage: python benchmarks/training_health.py [--preset cnn] [--epochs 3] [--data PATH]
The first epoch includes compilation and is left out of the median.
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--preset", default="cnn")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()
    from mnist_gui.core import run
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.models import preset

    data = load_mnist(args.data)
    config = preset(args.preset, epochs=args.epochs)
    try:
        from mnist_gui.core.health import HealthMonitor
        from mnist_gui.core.live import LiveSettings
    except ImportError:
        HealthMonitor = LiveSettings = None
    marks, costs, monitor = [time.perf_counter()], [], {}

    class Progress:
        def on_batch(self, epoch, done, total, logs):
            pass

        def on_epoch(self, epoch, logs, weights):
            if "m" in monitor:
                began = time.perf_counter()
                monitor["m"].measure(epoch)
                costs.append(time.perf_counter() - began)
            marks.append(time.perf_counter())

    extra = {}
    if HealthMonitor is not None:
        extra = dict(live=LiveSettings(config),
                     on_model=lambda m: monitor.setdefault("m", HealthMonitor(m, data.x_train, data.y_train)))
    run.train(config, data, progress=Progress(), **extra)
    epochs = [b - a for a, b in zip(marks, marks[1:])]
    later = epochs[1:] or epochs
    print(f"{args.preset}: epochs {', '.join(f'{e:.2f}' for e in epochs)} s; median after the first "
          f"{statistics.median(later):.2f} s")
    if costs:
        cost = statistics.median(costs[1:] or costs)
        print(f"health measurement: median {1000 * cost:.1f} ms = {100 * cost / statistics.median(later):.2f}% "
              f"of an epoch (first {1000 * costs[0]:.0f} ms)")


if __name__ == "__main__":
    main()
