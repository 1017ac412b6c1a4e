"""The Inside views' colours: digit colours, colour maps and numpy pictures as QImages."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from ...core import pictures

# Colours of the ten digits on the map (Matplotlib's "tab10"), so that neighbours differ.
DIGIT_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
sequential = pictures.sequential  # the colour map, shared with core.pictures


def diverging(values: np.ndarray) -> np.ndarray:
    """Values in -1..1 -> uint8 RGB: blue (negative), white (0), red (positive)."""
    v = np.clip(values, -1, 1)[..., None]
    white = np.float32(255)
    red, blue = np.array([200, 30, 30], np.float32), np.array([30, 70, 200], np.float32)
    rgb = np.where(v >= 0, white + (red - white) * v, white + (blue - white) * -v)
    return rgb.astype(np.uint8)


def rgb_image(rgb: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def grey_image(pixels: np.ndarray) -> QImage:
    """A greyscale digit (0..255) as an RGB QImage."""
    return rgb_image(np.repeat(np.clip(pixels, 0, 255).astype(np.uint8)[..., None], 3, 2))


def overlay(digit: np.ndarray, saliency: np.ndarray) -> np.ndarray:
    """The digit dimmed in grey, with red where pixels pushed towards the answer, blue away.

    Scaled by the map's own largest magnitude: colour shows where, not how much across maps."""
    grey = np.clip(np.asarray(digit, np.float32), 0, 255)[..., None] * 0.55
    peak = float(np.abs(saliency).max()) if saliency is not None else 0.0
    if peak <= 0:
        return np.repeat(grey, 3, axis=2).astype(np.uint8)
    s = (saliency / peak)[..., None]
    alpha = np.clip(np.abs(s) * 1.5, 0, 1)
    colour = np.where(s >= 0, np.array([255, 40, 40], np.float32), np.array([40, 110, 255], np.float32))
    return (grey * (1 - alpha) + colour * alpha).astype(np.uint8)
