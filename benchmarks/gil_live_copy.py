"""GIL holds of the live copy's work alone: what the window's process would still do if a run trained in
a child process (issue 32; README: "Training in a separate process").

A 1-ms ticker thread is late by as long as another thread holds the GIL. In one process this builds the
CNN preset (after a first model, as the app has built one by the time of a run), makes its predictor,
predicts the test set twice (the Gallery at an epoch end) and one image (a drawing), and prints each
phase's seconds and the longest late wake-ups with the phase they fell in.
Usage: python benchmarks/gil_live_copy.py [--data PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"
LATE_MS = 6.0  # a 1-ms sleep woken this late: another thread held the GIL


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.exists() else None)
    args = parser.parse_args()

    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.models import build_model, preset
    from mnist_gui.core.training import Predictor

    x_test = load_mnist(args.data).x_test
    build_model(preset("cnn"))  # the process's first model: one-time set-up, not a run's
    late, phase, running = [], ["idle"], [True]

    def ticker():
        last = time.perf_counter()
        while running[0]:
            time.sleep(0.001)
            now = time.perf_counter()
            if (now - last) * 1000 > LATE_MS:
                late.append((round((now - last) * 1000, 1), phase[0]))
            last = now

    thread = threading.Thread(target=ticker, daemon=True)
    thread.start()
    time.sleep(0.2)
    seconds = {}

    def timed(name, work):
        phase[0] = name
        start = time.perf_counter()
        out = work()
        seconds[name] = round(time.perf_counter() - start, 3)
        phase[0] = "idle"
        return out

    model = timed("build", lambda: build_model(preset("cnn")))
    predictor = timed("predictor", lambda: Predictor(model))
    timed("first_predict_test", lambda: predictor(x_test))
    weights = model.get_weights()
    timed("set_weights", lambda: model.set_weights(weights))
    timed("predict_test", lambda: predictor(x_test))
    timed("predict_one", lambda: predictor(x_test[:1]))
    time.sleep(0.1)
    running[0] = False
    thread.join()
    late.sort(reverse=True)
    print("seconds:", seconds)
    print(f"GIL holds over {LATE_MS:.0f} ms: {len(late)}; longest (ms, phase): {late[:8]}")
    print(f"longest_hold_ms={late[0][0] if late else 0.0}")


if __name__ == "__main__":
    main()
