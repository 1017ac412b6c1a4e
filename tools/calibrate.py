"""Fit a temperature for a model on drawings of training digits and save the calibrated model.

    python tools/calibrate.py MODEL [--out PATH] [--n 3000] [--data PATH]

The temperature is fitted (negative log-likelihood) on ``core.drawn`` drawings of MNIST *training*
digits plus clean training digits plus handwriting-style drawings (``core.styles``, a seed of their
own), so the drawn-digit benchmark (test digits) and the style benchmark (its own templates) stay
unseen. Prints the expected calibration error before and after on the test set, on the drawn
benchmark's drawings and on the style benchmark's (``benchmarks/styles.py``);
writes the model with the temperature inside (``core.calibration.with_temperature``) and records
``temperature`` in its sidecar. Predictions do not change, only their confidence.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"
FIT_SEED = 2024  # not the benchmark's
STYLES_FIT_SEED = 29500  # the style generator's range (training), not the style benchmark's


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--out", help="where to save (default: overwrite MODEL)")
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--styles", type=int, default=1000, help="style drawings added to the fit set")
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.exists() else None)
    args = parser.parse_args()

    from mnist_gui.core import storage
    from mnist_gui.core.calibration import fit_temperature, with_temperature
    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.drawn import DEFAULT_SEED, drawn_digits
    from mnist_gui.core.metrics import expected_calibration_error as ece
    from mnist_gui.core.training import Predictor

    data = load_mnist(args.data)
    model = storage.load_model(args.model)
    fit_x, fit_y = drawn_digits(data.x_train, data.y_train, args.n, FIT_SEED)
    rng = np.random.default_rng(FIT_SEED)
    clean = rng.choice(len(data.x_train), args.n, replace=False)
    fit_x = np.concatenate([fit_x, data.x_train[clean]])
    fit_y = np.concatenate([fit_y, data.y_train[clean]])
    if args.styles > 0:
        from mnist_gui.core.styles import style_digits

        style_x, style_y, _ = style_digits(args.styles, STYLES_FIT_SEED)
        fit_x, fit_y = np.concatenate([fit_x, style_x]), np.concatenate([fit_y, style_y])
    bench_x, bench_y = drawn_digits(data.x_test, data.y_test, 2000, DEFAULT_SEED)
    sys.path.insert(0, str(REPO / "benchmarks"))
    from styles import bench_canvases

    from mnist_gui.core.drawn import prepare_canvases

    canvases, styles_y, _ = bench_canvases(100)
    styles_x = prepare_canvases(canvases)

    predict = Predictor(model)
    temperature = fit_temperature(predict(fit_x), fit_y)
    calibrated = with_temperature(model, temperature)
    # Saved uncompiled: its training is over, and a fresh optimizer's state would not match on load.
    after = Predictor(calibrated)
    for name, x, y in (("test", data.x_test, data.y_test), ("drawn benchmark", bench_x, bench_y),
                       ("style benchmark", styles_x, styles_y)):
        p0, p1 = predict(x), after(x)
        assert (p0.argmax(1) == p1.argmax(1)).mean() > 0.999
        print(f"{name}: ECE {ece(p0, y):.4f} -> {ece(p1, y):.4f} "
              f"(mean confidence {p0.max(1).mean():.4f} -> {p1.max(1).mean():.4f}, accuracy {(p1.argmax(1) == y).mean():.4f})")
    print(f"temperature={temperature:.3f}")
    out = Path(args.out or args.model)
    meta = {**storage.read_metadata(args.model), "temperature": round(temperature, 4)}
    storage.save_model(calibrated, out, meta)
    print(f"saved {out}")


if __name__ == "__main__":
    main()
