"""Layer outputs as coloured pictures, laid out for a given width, with no Qt.

The Inside tab's "layer by layer" view shows every layer as a picture. Building those pictures
(normalising, arranging feature maps into mosaics, colouring) is numpy work on a few hundred
thousand values; it runs on the model thread right after ``inside.layer_outputs`` so that the
UI thread, which competes for the GIL with training, only wraps finished pixels in QImages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

CELL = 11       # a dense unit's square, px
MAP = 56        # a feature map's side, px
TITLE = 20      # a row's title line, px
SQUARE = 112    # a 28×28 picture (the input, 784-unit layers), px
# Anchors of a perceptually even dark-to-bright map (viridis), interpolated in numpy.
_SEQ = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]], np.float32)


def _sequential_table() -> np.ndarray:
    steps = np.linspace(0, len(_SEQ) - 1, 256)
    i = np.minimum(steps.astype(np.int32), len(_SEQ) - 2)
    t = (steps - i)[:, None]
    table = _SEQ[i] * (1 - t) + _SEQ[i + 1] * t
    return np.vstack([table, [[236, 236, 236]]]).astype(np.uint8)  # the last row: background (NaN)


_SEQ_TABLE = _sequential_table()
# The same colours packed as 0xffRRGGBB, the layout of QImage.Format_RGB32.
_SEQ_TABLE32 = (0xFF000000 | (_SEQ_TABLE[:, 0].astype(np.uint32) << 16)
                | (_SEQ_TABLE[:, 1].astype(np.uint32) << 8) | _SEQ_TABLE[:, 2].astype(np.uint32))


def _index(values01) -> np.ndarray:
    v = np.asarray(values01, np.float32)
    index = np.clip(v * 255 + 0.5, 0, 255)
    return np.where(np.isnan(v), 256, index).astype(np.intp)


def sequential(values01: np.ndarray) -> np.ndarray:
    """Values in 0..1 (NaN: background) -> uint8 RGB, dark to bright (a 256-colour table)."""
    return _SEQ_TABLE[_index(values01)]


def sequential32(values01: np.ndarray) -> np.ndarray:
    """As ``sequential``, as uint32 pixels 0xffRRGGBB (QImage.Format_RGB32, drawn without conversion)."""
    return _SEQ_TABLE32[_index(values01)]


@dataclass
class LayerPicture:
    title: str
    kind: str                   # "Input" or the Keras layer class
    values: np.ndarray          # the layer's output (for hover values)
    mode: str                   # "square", "strip", "maps" or "bars"
    x: int                      # the title's top-left corner
    y: int
    rect: tuple                 # the picture's (x, y, width, height) in the view
    pixels: np.ndarray | None = None   # (h, w) uint32 RGB32, drawn scaled to rect; None for bars
    grid: tuple = ()            # square/strip: (rows, cols, cell_w, cell_h, 1); maps: (h, w, scale, per_row, gap)


@dataclass
class LayerPictures:
    width: int                  # the view width they were laid out for
    height: int                 # the view height they need
    rows: list


def layer_pictures(outputs, width: int) -> LayerPictures:
    """Lay ``outputs`` (an ``inside.LayerOutputs``) out for a view ``width`` px wide: the input,
    then each layer — dense as a strip of units (784 units as a 28×28 picture), conv as a mosaic of
    feature maps with one colour scale per layer, the softmax as ten bars."""
    inner = max(width - 24, 200)
    entries = [("Input (28×28 pixels)", "Input", np.asarray(outputs.image, np.float32), "")] + [
        (f"{layer.name} — {layer.kind}{f' ({layer.activation})' if layer.activation else ''}, "
         f"{'×'.join(str(n) for n in layer.values.shape)}", layer.kind, layer.values, layer.activation)
        for layer in outputs.layers]
    rows: list[LayerPicture] = []
    y = 8
    for i, (title, kind, values, _activation) in enumerate(entries):
        last = i == len(entries) - 1
        x = 12
        prev = rows[-1] if rows else None
        square = values.ndim == 2 or (values.ndim == 1 and values.size == 784)
        if square and prev is not None and prev.mode == "square" and prev.x + 2 * 300 < inner:
            x, y = prev.x + 300, prev.y  # side by side: the input and what BatchNormalization makes of it
        top = y + TITLE
        if last and values.ndim == 1 and len(values) == 10:
            row = LayerPicture(title, kind, values, "bars", x, y, (12, top, min(inner, 420), 10 * 16))
        elif square:
            picture = values.reshape(28, 28)
            lo, hi = (0.0, 255.0) if kind == "Input" else (float(picture.min()), float(picture.max()))
            row = LayerPicture(title, kind, values, "square", x, y, (x, top, SQUARE, SQUARE),
                               sequential32((picture - lo) / max(hi - lo, 1e-9)), (28, 28, 4, 4, 1))
        elif values.ndim == 1:
            cols = max(1, min(len(values), inner // CELL))
            n_rows = math.ceil(len(values) / cols)
            padded = np.full(n_rows * cols, np.nan, np.float32)
            lo, hi = float(min(values.min(), 0)), float(values.max())
            padded[:len(values)] = (values - lo) / max(hi - lo, 1e-9)
            row = LayerPicture(title, kind, values, "strip", 12, y, (12, top, cols * CELL, n_rows * CELL),
                               sequential32(padded.reshape(n_rows, cols)), (n_rows, cols, CELL, CELL, 1))
        else:  # (h, w, channels): a mosaic of feature maps
            h, w, c = values.shape
            scale, gap = max(1, MAP // h), 1
            per_row = max(1, min(c, (inner + gap * scale) // ((w + gap) * scale)))
            n_rows = math.ceil(c / per_row)
            lo, hi = float(values.min()), float(values.max())
            padded = np.full((h + gap, w + gap, n_rows * per_row), np.nan, np.float32)
            padded[:h, :w, :c] = (values - lo) / max(hi - lo, 1e-9)
            mosaic = (padded.reshape(h + gap, w + gap, n_rows, per_row).transpose(2, 0, 3, 1)
                      .reshape(n_rows * (h + gap), per_row * (w + gap))[:-gap, :-gap])
            row = LayerPicture(title, kind, values, "maps", 12, y,
                               (12, top, mosaic.shape[1] * scale, mosaic.shape[0] * scale),
                               np.ascontiguousarray(sequential32(mosaic)), (h, w, scale, per_row, gap))
        rows.append(row)
        y = row.rect[1] + row.rect[3] + 14
    return LayerPictures(width, max(y, 120), rows)
