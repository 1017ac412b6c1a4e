"""Gallery refresh cost: predictions for the 10,000 test images plus the confusion matrix.

Uses the Seed DNN and ``core.training.Predictor``, the same path as the service's model thread
(untrained weights cost the same as trained ones). The first call, which compiles, is excluded.
Goal: median <= 0.3 s on a 2-core machine.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from mnist_gui.core.metrics import confusion_matrix  # noqa: E402

RUNS = 15
GOAL_SECONDS = 0.3
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"


def load_test_set() -> tuple[np.ndarray, np.ndarray, str]:
    if SHARED_MNIST.is_file():
        with np.load(SHARED_MNIST) as npz:
            return npz["x_test"], npz["y_test"], str(SHARED_MNIST)
    rng = np.random.default_rng(0)
    return (rng.integers(0, 256, (10000, 28, 28), dtype=np.uint8),
            rng.integers(0, 10, 10000, dtype=np.uint8), "random uint8 images")


def main() -> int:
    from mnist_gui.core.models import build_model, preset
    from mnist_gui.core.training import Predictor

    x_test, y_test, source = load_test_set()
    predictor = Predictor(build_model(preset("seed")))

    start = time.perf_counter()
    assert confusion_matrix(y_test, predictor(x_test).argmax(axis=1)).sum() == len(x_test)
    print(f"data: {source}; model: Seed DNN; first call (compiles): {time.perf_counter() - start:.2f} s")

    times, confusion_times = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        probs = predictor(x_test)
        predicted = time.perf_counter()
        confusion_matrix(y_test, probs.argmax(axis=1))
        end = time.perf_counter()
        times.append(end - start)
        confusion_times.append(end - predicted)
    median = statistics.median(times)
    print(f"of which argmax+confusion matrix: median {statistics.median(confusion_times) * 1000:.2f} ms")
    print(f"goal: <= {GOAL_SECONDS} s: {'met' if median <= GOAL_SECONDS else 'MISSED'}")
    print(f"predictions+confusion for {len(x_test)} images: median {median:.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
