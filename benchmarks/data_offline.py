"""How long the Keras route (keras.datasets.mnist.load_data, the notebook's way) takes to give up offline.

With an empty cache and the PyPI route off, so that only that route is tried; Keras is imported
first (its import is not what this measures). Online it downloads instead, and says so.
Goal: a few seconds (the app passes a 5 s socket timeout), so that an offline first start moves on.
Usage: python benchmarks/data_offline.py [--runs 3] [--timeout 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

GOAL_SECONDS = 10


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args()

    import keras  # noqa: F401

    from mnist_gui.core.data import DatasetError, load_mnist

    times = []
    for _ in range(args.runs):
        folder = tempfile.mkdtemp()
        os.environ["KERAS_HOME"] = os.path.join(folder, "keras-home")  # nothing downloaded before
        start = time.perf_counter()
        try:
            load_mnist(cache_dir=os.path.join(folder, "cache"), use_pypi=False, keras_timeout=args.timeout)
        except DatasetError as exc:
            times.append(time.perf_counter() - start)
            print(f"gave up after {times[-1]:.2f} s: {str(exc).splitlines()[0]}")
        else:
            print(f"online: Keras downloaded MNIST in {time.perf_counter() - start:.2f} s; nothing to measure")
            return 0
    median = statistics.median(times)
    print(f"goal: <= {GOAL_SECONDS} s: {'met' if median <= GOAL_SECONDS else 'MISSED'}")
    print(f"Keras route offline, socket timeout {args.timeout:g} s: gives up after median {median:.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
