"""Image files and photos of digits on paper, made ready for the MNIST steps (no Qt).

``load_image`` reads a file as grey pixels (any format Pillow reads: PNG, JPEG, BMP, GIF, TIFF,
WebP; 1/8/16-bit, RGBA, palette, CMYK), refusing bad files with one line (``ImageError``).
``prepare_photo`` turns a photo or scan into an ink mask and a clean white-on-black picture,
keeping each step's picture so a user can see what the model sees and why. ``core.numbers`` then
splits the ink into digits and reads them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageOps

from .files import check_regular_file, open_regular_file

MAX_PIXELS = 50_000_000    # larger images are refused from their header, before decoding
MIN_SIDE = 8               # a side shorter than this cannot hold a readable digit
WORK_SIDE = 1000           # the heavy steps run on a copy this long (longest side): fast, and enough
BACKGROUND_SIDE = 160      # the lighting is estimated on an even smaller copy
SHADOW_BLUR = 6          # the background's blur: its opening's width over this (larger: follows a hard shadow)
MIN_CONTRAST = 12.0        # grey levels between ink and paper, below which there is no ink


class ImageError(ValueError):
    """An image that cannot be read: one line (``str()``), e.g. "not an image Pillow can read"."""


@dataclass
class PhotoSteps:
    """Every step of ``prepare_photo``: ``steps`` maps a name to its picture (H×W, 0..255 float32
    or bool), in order; ``clean`` is white ink on black for the MNIST steps, ``mask`` the ink."""

    steps: dict = field(default_factory=dict)
    dark_ink: bool = True          # dark ink on light paper (False: light chalk on a dark board)
    threshold: float = 0.0         # Otsu's level on the normalised image
    scale: float = 1.0             # original pixels per working pixel

    @property
    def mask(self) -> np.ndarray:
        return self.steps["ink"]

    @property
    def clean(self) -> np.ndarray:
        return self.steps["clean"]


def _check_path(path) -> None:
    try:
        check_regular_file(path)
    except FileNotFoundError:
        raise ImageError("no such file") from None
    except PermissionError:
        raise ImageError("permission denied") from None
    except OSError as exc:  # a folder, FIFO, device: never opened
        raise ImageError(str(exc.strerror or exc)) from None


def load_image(path, max_side: int | None = None) -> np.ndarray:
    """Grey pixels (H, W) float32 0..255 of the image file at ``path`` (its first frame), turned
    upright by its EXIF orientation, transparency composited on white. With ``max_side`` the image
    may come smaller (at least ``max_side`` on its longest side; a JPEG decoded at a reduced scale).

    Raises ImageError (one line) for anything that is not a readable image of a sensible size."""
    return load_image_sized(path, max_side)[0]


def load_image_sized(path, max_side: int | None = None) -> tuple[np.ndarray, tuple[int, int]]:
    """``load_image``, and the file's own (width, height) (for boxes in its pixel coordinates)."""
    _check_path(path)
    try:
        with open_regular_file(path) as f, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(f) as image:
                size = image.size
                _check_size(size)
                if max_side and image.format == "JPEG" and max(size) > 2 * max_side:
                    factor = max(size) / max_side
                    image.draft(image.mode if image.mode in ("L", "RGB") else "RGB",
                                (int(size[0] / factor), int(size[1] / factor)))
                image.seek(0)
                upright = ImageOps.exif_transpose(image)
                factor = max(upright.size) // max_side if max_side else 1
                if factor >= 2 and upright.mode in ("L", "RGB", "RGBA", "LA", "CMYK"):
                    upright = upright.reduce(factor)  # box average, on 8-bit samples: fast
                return _grey(upright), _upright(image, size)
    except ImageError:
        raise
    except Image.UnidentifiedImageError:
        raise ImageError("not an image (or not a format Pillow can read)") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"too large (over {MAX_PIXELS // 1_000_000} megapixels)") from None
    except MemoryError:
        raise ImageError("too large to decode in the memory available") from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ImageError(f"damaged or truncated image ({reason})") from None


def check_pixels(pixels) -> np.ndarray:
    """Grey pixels given as an array (a pasted image) checked as a file's would be: float32 (H, W)."""
    pixels = np.asarray(pixels)
    if pixels.ndim != 2 or not np.issubdtype(pixels.dtype, np.number):
        raise ImageError("not a grey image")
    _check_size((pixels.shape[1], pixels.shape[0]))
    pixels = pixels.astype(np.float32)
    if not np.isfinite(pixels).all():
        raise ImageError("damaged image (pixels that are not numbers)")
    return np.clip(pixels, 0, 255)


def _check_size(size) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise ImageError(f"too large: {width}×{height} pixels (the limit is {MAX_PIXELS // 1_000_000} megapixels)")
    if min(width, height) < MIN_SIDE:
        raise ImageError(f"too small to hold a digit: {width}×{height} pixels")


def _upright(image, size) -> tuple[int, int]:
    """(width, height) after the EXIF rotation (orientations 5–8 swap the sides)."""
    try:
        orientation = image.getexif().get(0x0112, 1)
    except Exception:  # a damaged EXIF block: exif_transpose ignored it too
        orientation = 1
    return (size[1], size[0]) if orientation in (5, 6, 7, 8) else tuple(size)


def _grey(image: Image.Image) -> np.ndarray:
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N"):
        return (np.asarray(image, dtype=np.float32) / 257.0).astype(np.float32)
    if mode in ("I", "F"):
        pixels = np.asarray(image, dtype=np.float32)
        top = float(pixels.max()) if pixels.size else 0.0
        if top > 255:  # 16-bit samples (Pillow reads some 16-bit files as 32-bit "I")
            pixels = pixels / (257.0 if top <= 65535 else top / 255.0)
        elif mode == "F" and 0 < top <= 1.0:
            pixels = pixels * 255.0
        return np.clip(pixels, 0, 255).astype(np.float32)
    if mode in ("RGBA", "LA", "PA", "La", "RGBa") or (mode == "P" and "transparency" in image.info) \
            or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    elif mode in ("CMYK", "YCbCr", "LAB", "HSV"):
        image = image.convert("RGB")
    return np.asarray(image.convert("L"), dtype=np.float32)


# --- photos -----------------------------------------------------------------------------------------

def _resize(pixels: np.ndarray, size: tuple[int, int], resample=Image.Resampling.BILINEAR) -> np.ndarray:
    return np.asarray(Image.fromarray(np.asarray(pixels, dtype=np.float32), mode="F").resize(
        size, resample, reducing_gap=2.0), dtype=np.float32)


def _blur(pixels: np.ndarray, radius: float) -> np.ndarray:
    """A Gaussian blur (sigma ``radius``), separable, edges repeated (Pillow's blurs need 8-bit)."""
    out = np.asarray(pixels, dtype=np.float32)
    half = max(1, min(int(3 * radius + 0.5), max(out.shape)))
    taps = np.exp(-0.5 * (np.arange(-half, half + 1) / max(radius, 1e-3)) ** 2)
    taps = (taps / taps.sum()).astype(np.float32)
    for axis in (0, 1):
        padded = np.pad(out, [(half, half) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        n = out.shape[axis]
        result = np.zeros_like(out)
        for shift, weight in enumerate(taps):
            result += weight * (padded[shift:shift + n] if axis == 0 else padded[:, shift:shift + n])
        out = result
    return out


def _sliding(pixels: np.ndarray, size: int, reduce) -> np.ndarray:
    """A separable size×size minimum or maximum filter (``reduce``: np.minimum/np.maximum)."""
    half = size // 2
    out = pixels
    for axis in (0, 1):
        padded = np.pad(out, [(half, half) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        n = out.shape[axis]
        result = padded[:n] if axis == 0 else padded[:, :n]
        for shift in range(1, 2 * half + 1):
            result = reduce(result, padded[shift:shift + n] if axis == 0 else padded[:, shift:shift + n])
        out = result
    return out


def thumbnail(pixels: np.ndarray, side: int) -> np.ndarray:
    """A step's picture (float 0..255 or bool) as uint8, its longest side at most ``side`` (for showing)."""
    a = np.asarray(pixels)
    a = a.astype(np.float32) * 255 if a.dtype == bool else np.asarray(a, np.float32)
    h, w = a.shape
    shrink = min(1.0, side / max(h, w))
    if shrink < 1.0:
        a = _resize(a, (max(1, round(w * shrink)), max(1, round(h * shrink))), Image.Resampling.BOX)
    return np.clip(np.rint(a), 0, 255).astype(np.uint8)


def otsu_threshold(values: np.ndarray) -> float:
    """Otsu's level for values 0..255: the split that best separates two classes."""
    hist, edges = np.histogram(values, bins=256, range=(0, 256))
    hist = hist.astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128.0
    centres = (edges[:-1] + edges[1:]) / 2
    weight0 = np.cumsum(hist)
    weight1 = total - weight0
    sum0 = np.cumsum(hist * centres)
    mean0 = sum0 / np.maximum(weight0, 1)
    mean1 = (sum0[-1] - sum0) / np.maximum(weight1, 1)
    between = weight0 * weight1 * (mean0 - mean1) ** 2
    return float(edges[int(np.argmax(between)) + 1])


def prepare_photo(grey: np.ndarray, scale: float = 1.0) -> PhotoSteps:
    """A photo or scan (grey, any size, 0..255) made ready for the MNIST steps.

    Steps (each kept in ``PhotoSteps.steps``): the working copy (longest side ``WORK_SIDE``); the
    ink made light (a dark-ink photo is inverted; the side whose values stray further from the
    background is the ink); the background (lighting and shadows: a grey opening on a small copy,
    wider than a stroke, blurred); the image minus its background; contrast normalised; smoothed
    (paper texture and noise); the ink mask (Otsu's level); and ``clean``: white ink on black.
    ``scale``: original pixels per pixel of ``grey`` (boxes are reported in the original's).
    Raises ImageError when nothing stands out from the background."""
    grey = np.asarray(grey, dtype=np.float32)
    height, width = grey.shape
    steps: dict[str, np.ndarray] = {}
    shrink = min(1.0, WORK_SIDE / max(height, width))
    if shrink < 1.0:
        size = (max(1, round(width * shrink)), max(1, round(height * shrink)))
        work = _resize(grey, size, Image.Resampling.BOX)
        scale = scale / shrink
    else:
        work = grey
    steps["photo"] = work
    h, w = work.shape

    # Lighting, on a small copy: the background is the majority, the ink a thin minority.
    small_shrink = min(1.0, BACKGROUND_SIDE / max(h, w))
    small_size = (max(1, round(w * small_shrink)), max(1, round(h * small_shrink)))
    small = _resize(work, small_size, Image.Resampling.BOX)
    rough = _blur(small, max(small.shape) / 6)
    strays = small - rough
    # The far tails (0.2%): a small digit's ink is a tiny share of the page, where the 1% tails were
    # the light's slope and read a thin dark 1 as chalk.
    dark_ink = bool(-np.percentile(strays, 0.2) >= np.percentile(strays, 99.8))
    light = 255.0 - work if dark_ink else work
    small_light = 255.0 - small if dark_ink else small
    steps["ink made light"] = light

    # Opening (minimum then maximum) wider than a stroke removes the ink, keeps the light's slope
    # (a quarter of the image: a digit filling the frame has strokes an eighth wide).
    size = max(3, (max(small.shape) // 4) | 1)
    background = _sliding(_sliding(small_light, size, np.minimum), size, np.maximum)
    background = _blur(background, size / SHADOW_BLUR)
    background = _resize(background, (w, h))
    steps["background"] = background
    flat = np.clip(light - background, 0, None)
    steps["background removed"] = flat

    # The ink's level: the 99.7th percentile, or for a small digit on a large page (its ink may be
    # under 0.3% of the pixels, the 99.7th percentile then being noise) the 99.97th, lightly blurred.
    for top in (float(np.percentile(flat, 99.7)), float(np.percentile(_blur(flat, 1.0), 99.97))):
        if top < MIN_CONTRAST:
            continue
        normalised = np.clip(flat * (255.0 / top), 0, 255).astype(np.float32)
        smooth = _blur(normalised, max(0.7, max(h, w) / 700))
        threshold = max(otsu_threshold(smooth), 40.0)
        ink = smooth > threshold
        if ink.any() and float(smooth[ink].mean() - smooth[~ink].mean()) * top / 255.0 >= MIN_CONTRAST:
            break
    else:
        raise ImageError("no digit found: nothing stands out from the background")
    steps["contrast normalised"] = normalised
    steps["smoothed"] = smooth
    steps["ink"] = ink
    # Soft edges as MNIST has them: the smoothed values near the ink (strokes' cores at full white).
    near = _sliding(ink.astype(np.uint8), 3, np.maximum).astype(bool)
    core = max(float(np.percentile(smooth[ink], 60)), 1.0)
    clean = np.where(near, np.clip(smooth * (255.0 / core), 0, 255), 0).astype(np.float32)
    steps["clean"] = clean
    return PhotoSteps(steps=steps, dark_ink=dark_ink, threshold=threshold, scale=scale)
