"""One Draw Pad prediction of a bundled model: the LiteRT export (on its own thread, as the service
calls it after the fast-start handover) against the compiled TensorFlow call (core.training.Predictor).

The service keeps the interpreter for single images after the handover only where it is faster
(it measures both then); this prints both, p50 and p99 over 1,000 calls on real test digits.
Usage: python benchmarks/litert_single.py [--data PATH]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

CALLS = 1000


def timings(run, digits) -> np.ndarray:
    for digit in digits[:20]:
        run(digit[None])  # warm-up
    out = []
    for i in range(CALLS):
        started = time.perf_counter()
        run(digits[i % len(digits)][None])
        out.append(time.perf_counter() - started)
    return np.array(out) * 1000


def main():
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--data", help="MNIST .npz (default: the app's usual sources)")
    args = parser.parse_args()
    from mnist_gui.core import storage
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.litert import bundled_export
    from mnist_gui.core.training import Predictor
    from mnist_gui.paths import bundled_models_dir
    from mnist_gui.fast_start import LiteRTThread

    import tensorflow  # noqa: F401  (first, as in the app after the handover)

    digits = load_mnist(args.data).x_test[:200].astype(np.float32)
    for path in sorted(bundled_models_dir().glob("*.keras")):
        tflite = bundled_export(path)
        if tflite is None:
            continue
        fast, keras_call = LiteRTThread(tflite), Predictor(storage.load_model(path))
        # Alternating blocks, so that the machine's slow spells fall on both alike.
        a, b = [], []
        for _ in range(3):
            a.append(timings(fast, digits))
            b.append(timings(keras_call, digits))
        a, b = np.concatenate(a), np.concatenate(b)
        print(f"{path.stem}: LiteRT p50 {np.median(a):.3f} ms p99 {np.percentile(a, 99):.3f} ms | "
              f"TensorFlow p50 {np.median(b):.3f} ms p99 {np.percentile(b, 99):.3f} ms")
        fast.close()


if __name__ == "__main__":
    main()
