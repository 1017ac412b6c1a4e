"""Time reading a 12-megapixel photo (4000×3000, four real test digits on uneven paper), as JPEG and
PNG: ``prepare_image`` (load, photo steps, digits) and the model's reading. Median of 5.

    python benchmarks/read_photo.py [--data PATH]
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mnist_gui.core import storage  # noqa: E402
from mnist_gui.core.data import load_mnist  # noqa: E402
from mnist_gui.core.numbers import prepare_image, read_prepared  # noqa: E402
from mnist_gui.core.training import Predictor  # noqa: E402
from mnist_gui.paths import bundled_models_dir  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data")
    args = parser.parse_args()
    data = load_mnist(args.data)
    rng = np.random.default_rng(0)
    row = np.concatenate([data.x_test[k] for k in range(4)], axis=1).astype(np.float32) / 255
    ink = np.asarray(Image.fromarray((row * 255).astype(np.uint8)).resize((3400, 850), Image.BICUBIC),
                     dtype=np.float32) / 255
    yy, xx = np.mgrid[0:3000, 0:4000].astype(np.float32)
    page = 215 * (1 - 0.25 * xx / 4000 - 0.1 * yy / 3000)
    page[1000:1850, 300:3700] -= 160 * ink
    page += rng.normal(0, 5, page.shape)
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).convert("RGB")
    predict = Predictor(storage.load_model(bundled_models_dir() / "mnist_cnn.keras"))
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("jpg", "png"):
            path = Path(folder) / f"page.{fmt}"
            image.save(path, quality=90) if fmt == "jpg" else image.save(path)
            read_prepared(predict, prepare_image(path))  # warm-up (the model's first call compiles)
            prep, total = [], []
            for _ in range(5):
                start = time.perf_counter()
                prepared = prepare_image(path)
                middle = time.perf_counter()
                result = read_prepared(predict, prepared)
                prep.append(middle - start)
                total.append(time.perf_counter() - start)
            print(f"{fmt}: read {result.text!r} in {1000 * np.median(total):.0f} ms "
                  f"(preparing {1000 * np.median(prep):.0f} ms), 4000×3000")


if __name__ == "__main__":
    main()
