"""Turning a drawing into an MNIST-like digit, with no Qt.

MNIST digits were size-normalised into a 20×20 box, keeping their aspect ratio, with
anti-aliasing, then placed in a 28×28 field so that their centre of mass sits at pixel (14, 14)
(measured on the test set: mean 13.99/14.01, spread that of rounding to whole pixels). A digit
drawn small, large or off-centre only looks like the training data after the same steps.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

SIZE = 28                  # the model's input is SIZE×SIZE
BOX = 20                   # the longer side of the ink is scaled to this
CENTRE = 14.0              # where MNIST puts the centre of mass (row and column index)
INK_THRESHOLD = 25         # of 255: fainter pixels are noise, not ink, when finding the digit
# Lanczos keeps thin strokes crisp and, when shrinking, weighs the whole footprint (anti-aliased).
RESAMPLE = Image.Resampling.LANCZOS
# Shrink by a whole factor first (box average) while the image is over 3× the target: about 3× faster
# on a 280-px drawing, and on average within a grey level of the exact result (Pillow's trade-off).
REDUCING_GAP = 3.0


def ink_bounds(image: np.ndarray, threshold: float = INK_THRESHOLD) -> tuple[slice, slice] | None:
    """Row and column slices of the smallest box holding every pixel brighter than ``threshold``."""
    ink = image > threshold
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(ink.any(axis=0))
    return slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) of the brightness-weighted mean pixel index; the image must not be all zero."""
    image = np.asarray(image, dtype=np.float64)
    total = image.sum()
    rows = image.sum(axis=1) @ np.arange(image.shape[0]) / total
    cols = image.sum(axis=0) @ np.arange(image.shape[1]) / total
    return float(rows), float(cols)


def prepare_digit(image, threshold: float = INK_THRESHOLD) -> np.ndarray | None:
    """The model input for a drawing, or None when there is nothing to predict.

    ``image``: H×W grey pixels 0..255 (uint8 or float), white ink on black, any size.
    Returns a C-contiguous (28, 28) float32 array 0..255, like the MNIST training images.
    """
    pixels = np.asarray(image)
    if pixels.dtype != np.uint8:
        pixels = np.clip(np.rint(pixels), 0, 255).astype(np.uint8)  # PIL's fast 8-bit path
    bounds = ink_bounds(pixels, threshold)
    if bounds is None:
        return None
    ink = pixels[bounds]
    height, width = ink.shape
    scale = BOX / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    boxed = np.asarray(Image.fromarray(ink).resize(size, RESAMPLE, reducing_gap=REDUCING_GAP))

    # Whole-pixel shift that brings the centre of mass nearest CENTRE, clamped so no ink is cut off.
    com_row, com_col = centre_of_mass(boxed)
    top = min(max(round(CENTRE - com_row), 0), SIZE - boxed.shape[0])
    left = min(max(round(CENTRE - com_col), 0), SIZE - boxed.shape[1])
    digit = np.zeros((SIZE, SIZE), dtype=np.float32)
    digit[top:top + boxed.shape[0], left:left + boxed.shape[1]] = boxed
    return digit
