"""How fast the Inside tab's computations are, and which attribution method is more faithful.

For the bundled Seed DNN and CNN, on the model thread's functions (mnist_gui.core.inside):
- activations of all layers for one input: p50 (goal <= 10 ms);
- attribution (both methods) for one input: p50 (goal <= 100 ms for the CNN);
- the 2-D map of the 10,000 test images: median of 3 (goal <= 3 s);
- faithfulness: deletion curves on test images: the predicted digit's probability as the most
  attributed ink pixels are blacked out, 5% of the ink at a time; the mean area under the curve
  (lower = the map found the pixels that matter) for each method, and for a random order.
Usage: python benchmarks/inside.py [--repeats 50] [--faithfulness 200] [--data PATH]
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


def p50(fn, repeats):
    fn()  # compile
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times)) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--faithfulness", type=int, default=200, help="test images for the deletion curves")
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "mnist.npz"))
    args = parser.parse_args()

    from mnist_gui.core import inside, storage
    from mnist_gui.core.data import load_mnist

    data = load_mnist(args.data if Path(args.data).exists() else None)
    rng = np.random.default_rng(0)
    sample = rng.choice(len(data.x_test), args.faithfulness, replace=False)
    for name in ("mnist_dnn_v1", "mnist_cnn"):
        model = storage.load_model(REPO / "models" / f"{name}.keras")
        image = data.x_test[0]
        layers = p50(lambda: inside.layer_outputs(model, image), args.repeats)
        attr = {m: p50(lambda m=m: inside.attribution(model, image, m), max(args.repeats // 2, 5))
                for m in inside.METHODS}
        maps = []
        for _ in range(3):
            start = time.perf_counter()
            inside.embedding(model, data.x_test)
            maps.append(time.perf_counter() - start)
        print(f"{name}: activations of all layers p50 {layers:.2f} ms (goal <= 10); attribution p50 "
              + ", ".join(f"{m} {t:.1f} ms" for m, t in attr.items())
              + f" (goal <= 100 for the CNN); map of {len(data.x_test)} test images {np.median(maps):.2f} s "
              f"(goal <= 3)")
        auc = {m: [] for m in (*inside.METHODS, "random")}
        for i in sample:
            image = data.x_test[i]
            for method in inside.METHODS:
                a = inside.attribution(model, image, method)
                auc[method].append(inside.deletion_curve(model, image, a.maps[0], a.targets[0]).mean())
            auc["random"].append(inside.deletion_curve(model, image, rng.random((28, 28)), a.targets[0]).mean())
        print(f"{name}: deletion AUC over {len(sample)} test images (lower = more faithful): "
              + ", ".join(f"{m} {np.mean(v):.3f}" for m, v in auc.items()))


if __name__ == "__main__":
    main()
