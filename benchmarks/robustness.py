"""What a Robustness tab slider move costs on the model thread, and how long its curves take.

For the bundled Seed DNN and CNN, on the tab's fixed sample (1,000 test images): the distortions
alone (NumPy: rotation + slant, thickness, noise), one whole evaluation (distortions + the model,
in the tab's steps of 250 images), the mouse drawings of one level (made once per level) and of a
further one (the digits' pen paths kept from the first), and all
the curves (40 points; the drawings already made). Medians; the load average is printed with them.
Usage: python benchmarks/robustness.py [--repeats 10] [--data PATH]
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()

    from mnist_gui import paths
    from mnist_gui.core import robustness as rb
    from mnist_gui.core import storage
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.training import Predictor

    data = load_mnist(args.data if Path(args.data).exists() else None)
    sample = rb.Sample.of(data.x_test, data.y_test)
    move = rb.Distortion(rotation=20, shear=0.2, thickness=1.25, noise=40)
    print(f"sample: {len(sample)} test images; load average {os.getloadavg()[0]:.1f} at the start")
    print(f"distortions alone (rotation+slant, thickness, noise): median "
          f"{median_ms(lambda: rb.run(rb.distort(sample, move)), args.repeats):.1f} ms")
    start = time.perf_counter()
    rb.run(sample.base(1.0))
    print(f"mouse drawings of one level ({len(sample)} digits, made once): {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    rb.run(sample.base(0.5))
    print(f"mouse drawings of a further level (the pen paths kept): {time.perf_counter() - start:.1f} s")
    for level in rb.AXIS["drawn"].curve:
        rb.run(sample.base(level))  # the curves below then measure the models, as once the tab has them
    for name in ("mnist_dnn_v1.keras", "mnist_cnn.keras"):
        path = paths.bundled_models_dir() / name
        if not path.exists():
            continue
        predictor = Predictor(storage.load_model(path))
        model = rb.Model("current", name, predictor)
        rb.run(rb.evaluate(sample, move, [model]))  # compiled for the step's shape
        ms = median_ms(lambda: rb.run(rb.evaluate(sample, move, [model])), args.repeats)
        start = time.perf_counter()
        curves = rb.run(rb.curves(sample, [model]))
        seconds = time.perf_counter() - start
        clean = dict(curves.points("current", "noise"))[0]
        print(f"{name}: one evaluation (slider move) median {ms:.0f} ms; all {sum(len(a.curve) for a in rb.AXES)} "
              f"curve points {seconds:.1f} s; clean accuracy on the sample {clean:.1%}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
