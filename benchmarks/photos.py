"""Photo benchmark: MNIST test digits written on paper (or a chalkboard) and "photographed", read
as the app and ``mnist-gui predict`` read images (core.numbers.read_image).

The generator is this file's own (not tests/photo_synth.py's) and seeded; its images are never
used for tuning or training. A page: the digits' ink (each test digit enlarged, its grey edge
sharpened into pen ink of a random weight), a row with random gaps and baseline drift; then the
camera: a rotation, an uneven light (a tilted plane and a vignette), a soft shadow from one side,
paper texture (fine and coarse grain), sensor noise, a blur (focus or a little hand shake), JPEG.
About a fifth are chalk on a dark board (light, grainy strokes). Single digits (goal >= 99.0%
read right) and numbers of 2-5 digits (goal >= 97% read whole: every digit, nothing more), with the
bundled default model and any models given; and the time to read a 12-megapixel photo (goal <=
300 ms, median of 5: load, prepare, split, read).

    python benchmarks/photos.py [--model MODEL ...] [--singles N] [--numbers N] [--seed S]
                                [--data PATH] [--save DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402

SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"
SEED = 2029                   # this benchmark's own; the test images it uses start at TEST_OFFSET
TEST_OFFSET = 5000            # test digits 5000.. (tests/test_images.py uses the first ones)
GOALS = {"single": 0.990, "number": 0.97, "12mp_ms": 300.0}


# ---- the generator ------------------------------------------------------------------------------

def ink_of(digit: np.ndarray, height: int, rng) -> np.ndarray:
    """One test digit as pen ink (0..1), ``height`` px tall: enlarged, its soft edge sharpened (a
    pen's line is solid, MNIST's edge a blur), thicker or thinner at random."""
    cols = np.flatnonzero(digit.max(axis=0) > 30)
    rows = np.flatnonzero(digit.max(axis=1) > 30)
    crop = digit[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1].astype(np.float32) / 255
    width = max(2, round(crop.shape[1] * height / crop.shape[0]))
    big = np.asarray(Image.fromarray((crop * 255).astype(np.uint8)).resize((width, height), Image.BICUBIC),
                     np.float32) / 255
    level = rng.uniform(0.2, 0.45)  # where the pen's edge falls: lower is a heavier line
    return np.clip((big - level) / 0.12 + 0.5, 0, 1)


def write_row(digits, rng, height: int) -> np.ndarray:
    """Digits side by side on a strip: gaps of 10-45% of the height, a drifting baseline."""
    inks = [ink_of(d, int(height * rng.uniform(0.85, 1.1)), rng) for d in digits]
    gaps = [int(height * rng.uniform(0.1, 0.45)) for _ in inks[1:]] + [0]
    drift = int(height * 0.15)
    strip = np.zeros((height * 12 // 10 + 2 * drift, sum(i.shape[1] for i in inks) + sum(gaps)), np.float32)
    x = 0
    for ink, gap in zip(inks, gaps):
        y = drift + int(rng.integers(-drift // 2, drift // 2 + 1))
        h, w = ink.shape
        strip[y:y + h, x:x + w] = np.maximum(strip[y:y + h, x:x + w], ink)
        x += w + gap
    return strip


def photograph(strip: np.ndarray, rng, chalk: bool, size: tuple[int, int] | None = None) -> bytes:
    """The strip on a page, photographed: a JPEG's bytes (grey)."""
    sh, sw = strip.shape
    scale = rng.uniform(1.4, 2.4)
    if size is None:  # a margin around the writing, wider than tall as a phone holds it
        W = int(max(sw * scale, sh * scale * 1.8)) + 40
        size = (W, int(max(sh * scale * 1.6, W * 0.45)) + 40)
    W, H = size
    page = np.zeros((H, W), np.float32)
    x0, y0 = int(rng.integers(0, max(1, W - sw))), int(rng.integers(0, max(1, H - sh)))
    page[y0:y0 + sh, x0:x0 + sw] = strip[:H - y0, :W - x0]
    angle = float(rng.uniform(-10, 10))
    page = np.asarray(Image.fromarray(page, mode="F").rotate(angle, Image.BICUBIC, center=(x0 + sw / 2, y0 + sh / 2)),
                      np.float32).clip(0, 1)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    u, v = xx / W - 0.5, yy / H - 0.5
    light = 1 + rng.uniform(-0.25, 0.25) * u + rng.uniform(-0.25, 0.25) * v  # a tilted plane
    light *= 1 - rng.uniform(0.05, 0.3) * (u * u + v * v) * 2                 # a vignette
    if rng.random() < 0.6:  # a soft shadow from one side (a hand, a phone)
        side = rng.choice(4)
        t = [u, -u, v, -v][side] + rng.uniform(-0.25, 0.25)
        light *= 1 - rng.uniform(0.25, 0.5) / (1 + np.exp(-t / rng.uniform(0.02, 0.08)))
    fine = rng.normal(0, 1, (H, W)).astype(np.float32)
    coarse = np.asarray(Image.fromarray(rng.normal(0, 1, (H // 16 + 2, W // 16 + 2)).astype(np.float32), mode="F")
                        .resize((W, H), Image.BICUBIC), np.float32)
    if chalk:
        board, level = rng.uniform(35, 75), rng.uniform(160, 230)
        grain = np.clip(1 - 0.35 * np.abs(rng.normal(0, 1, (H, W))), 0.3, 1).astype(np.float32)  # chalk is patchy
        img = (board + (level - board) * page * grain) * light + 3 * coarse
    else:
        paper, ink = rng.uniform(180, 240), rng.uniform(15, 80)
        img = (paper + (ink - paper) * page) * light + 2.5 * fine + 5 * coarse
    img += rng.normal(0, rng.uniform(2, 8), (H, W))
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    if rng.random() < 0.3:  # a little hand shake: a 3-px streak across or down
        across = [0, 0, 0, 1, 1, 1, 0, 0, 0]
        out = out.filter(ImageFilter.Kernel((3, 3), across if rng.random() < 0.5 else across[::3] * 3, 3))
    out = out.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.3, 1.4))))
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=int(rng.integers(55, 92)))
    return buffer.getvalue()


def cases(x_test, y_test, singles: int, numbers: int, seed: int):
    """(kind, text, jpeg bytes): ``singles`` single digits, then ``numbers`` rows of 2-5 digits."""
    rng = np.random.default_rng(seed)
    pool = np.arange(TEST_OFFSET, len(y_test))
    for _ in range(singles):
        k = int(rng.choice(pool))
        yield "single", str(y_test[k]), photograph(write_row([x_test[k]], rng, int(rng.integers(60, 220))),
                                                    rng, chalk=rng.random() < 0.2)
    for _ in range(numbers):
        ks = rng.choice(pool, size=int(rng.integers(2, 6)), replace=False)
        text = "".join(str(y_test[k]) for k in ks)
        yield "number", text, photograph(write_row([x_test[k] for k in ks], rng, int(rng.integers(50, 160))),
                                         rng, chalk=rng.random() < 0.2)


# ---- reading --------------------------------------------------------------------------------------

def twelve_megapixels(x_test, rng) -> bytes:
    strip = write_row([x_test[TEST_OFFSET + k] for k in range(4)], rng, 700)
    return photograph(strip, rng, chalk=False, size=(4000, 3000))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", default=[], help="a model file (repeatable)")
    parser.add_argument("--singles", type=int, default=400)
    parser.add_argument("--numbers", type=int, default=200)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--data", default=str(SHARED_MNIST) if SHARED_MNIST.exists() else None)
    parser.add_argument("--save", metavar="DIR", help="also save the photos (JPEG) here, to look at")
    args = parser.parse_args()

    from mnist_gui.core.data import load_mnist
    from mnist_gui.core.images import ImageError
    from mnist_gui.core.numbers import prepare_image, read_prepared
    from mnist_gui.core.quiet import quiet
    from mnist_gui.core.storage import list_models, load_model
    from mnist_gui.core.training import Predictor
    from mnist_gui.paths import bundled_models_dir

    data = load_mnist(args.data)
    paths = [str(list_models(bundled_models_dir())[0][0])] + args.model
    start = time.perf_counter()
    prepared, failed = [], []
    with tempfile.TemporaryDirectory() as folder:
        for i, (kind, text, jpeg) in enumerate(cases(data.x_test, data.y_test, args.singles, args.numbers, args.seed)):
            path = Path(folder) / f"{i:04d}_{kind}_{text}.jpg"
            path.write_bytes(jpeg)
            if args.save:
                Path(args.save).mkdir(parents=True, exist_ok=True)
                (Path(args.save) / path.name).write_bytes(jpeg)
            try:
                prepared.append((kind, text, prepare_image(str(path))))
            except ImageError as exc:
                prepared.append((kind, text, None))
                failed.append(f"{path.name}: {exc}")
        big = Path(folder) / "12mp.jpg"
        big.write_bytes(twelve_megapixels(data.x_test, np.random.default_rng(args.seed + 1)))
        print(f"{args.singles} single digits and {args.numbers} numbers of 2-5 digits (MNIST test digits from "
              f"{TEST_OFFSET}, seed {args.seed}) photographed and prepared in {time.perf_counter() - start:.0f} s; "
              f"{len(failed)} with no digit found", flush=True)
        for line in failed[:5]:
            print(f"  {line}")
        for model_path in paths:
            with quiet():
                predict = Predictor(load_model(model_path))
                predict(np.zeros((1, 28, 28), np.float32))  # compiled before timing
            right = {"single": [], "number": []}
            misses = []
            for kind, text, image in prepared:
                read = read_prepared(predict, image).text if image is not None else ""
                right[kind].append(read == text)
                if read != text and len(misses) < 8:
                    misses.append(f"{text}->{read or '-'}")
            times = []
            for _ in range(5):
                t = time.perf_counter()
                read_prepared(predict, prepare_image(str(big)))
                times.append(1000 * (time.perf_counter() - t))
            single, number, ms = np.mean(right["single"]), np.mean(right["number"]), statistics.median(times)

            def verdict(ok):
                return "met" if ok else "NOT met"

            print(f"{Path(model_path).name}: single digits {single:.2%} ({sum(right['single'])}/{len(right['single'])}, "
                  f"{verdict(single >= GOALS['single'])}); numbers read whole {number:.2%} "
                  f"({sum(right['number'])}/{len(right['number'])}, {verdict(number >= GOALS['number'])}); "
                  f"12-MP photo {ms:.0f} ms ({verdict(ms <= GOALS['12mp_ms'])}); misses: {', '.join(misses)}",
                  flush=True)


if __name__ == "__main__":
    main()
