"""What it learned: first-layer weights as tiles, the test images a unit likes most, and
per-layer histograms of weights and outputs."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLocale, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen

from .. import accessibility
from .colours import diverging, grey_image, rgb_image
from .view import View


class TilesView(View):
    """First-layer weights as tiles (red positive, blue negative), strongest first; click picks a unit."""

    unit_clicked = Signal(str, int)   # layer name, unit / channel
    TILE = 56

    def __init__(self, parent=None):
        super().__init__(self.tr("First-layer weights"), parent)
        self.weights = None
        self.selected: int | None = None
        self._images = []

    def set_weights(self, weights) -> None:
        self.weights, self.message = weights, ""
        self._images = []
        for tile in weights["tiles"]:
            peak = float(np.abs(tile).max()) or 1.0
            self._images.append(rgb_image(diverging(tile / peak)))
        self._relayout()
        self.update()

    def _per_row(self):
        return max(1, (self.width() - 24) // (self.TILE + 6))

    def _relayout(self):
        n = len(self._images)
        rows = math.ceil(n / self._per_row()) if n else 1
        self._fit_height(30 + rows * (self.TILE + 18))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._relayout()

    def tile_rect(self, i) -> QRect:
        r, c = divmod(i, self._per_row())
        return QRect(12 + c * (self.TILE + 6), 28 + r * (self.TILE + 18), self.TILE, self.TILE)

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.weights is None:
            p.end()
            return
        w = self.weights
        what = (self.tr("units' incoming weights as 28×28 images") if w["kind"] == "Dense"
                else self.tr("filters (summed over input channels)"))
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        p.drawText(QRect(12, 4, self.width() - 24, 20), Qt.AlignmentFlag.AlignVCenter,
                   self.tr("{v0}: {v1} of {v2} {what}, strongest first — click one for the test images that excite it most").format(v0=w['layer'], v1=len(w['tiles']), v2=w['count'], what=what))
        font = p.font()
        font.setPointSizeF(font.pointSizeF() * 0.8)
        p.setFont(font)
        for i, (image, unit) in enumerate(zip(self._images, w["units"])):
            rect = self.tile_rect(i)
            p.drawImage(rect, image)
            if unit == self.selected:
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
                p.drawRect(rect.adjusted(-2, -2, 1, 1))
            p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            p.drawText(QRect(rect.left(), rect.bottom() + 1, rect.width(), 14), Qt.AlignmentFlag.AlignHCenter,
                       f"#{unit}")
        p.end()

    def items(self) -> list:
        if self.weights is None:
            return []
        return [accessibility.Item(self.tr("unit {0} of {1}").format(int(unit), self.weights["layer"]), self.tile_rect(i))
                for i, unit in enumerate(self.weights["units"])]

    def describe(self) -> str:
        if self.weights is None:
            return ""
        return self.tr("{0}: {1} of {2} units, strongest first; Enter on one shows the test images that "
                       "excite it most").format(self.weights["layer"], len(self.weights["tiles"]), self.weights["count"])

    def activate(self, index: int) -> None:
        unit = int(self.weights["units"][index])
        self.selected = unit
        self.update()
        self.unit_clicked.emit(self.weights["layer"], unit)

    def mousePressEvent(self, event):
        if self.weights is None:
            return
        for i, unit in enumerate(self.weights["units"]):
            if self.tile_rect(i).contains(event.position().toPoint()):
                self.selected = int(unit)
                self.update()
                self.unit_clicked.emit(self.weights["layer"], int(unit))
                return


class ImageStrip(View):
    """A row of test images with a caption (the images that excite a unit most)."""

    image_clicked = Signal(int)
    SIDE = 56

    def __init__(self, parent=None):
        super().__init__(self.tr("Top images"), parent)
        self.caption, self.indices, self._images = "", [], []
        self._fit_height(self.SIDE + 40)

    def set_images(self, caption, indices, images) -> None:
        self.caption, self.indices, self.message = caption, list(map(int, indices)), ""
        self._images = [grey_image(im) for im in images]
        self.update()

    def _rect(self, i):
        return QRect(12 + i * (self.SIDE + 4), 26, self.SIDE, self.SIDE)

    def items(self) -> list:
        return [accessibility.Item(self.tr("test image #{0}").format(index), self._rect(i))
                for i, index in enumerate(self.indices)]

    def describe(self) -> str:
        return self.caption

    def activate(self, index: int) -> None:
        self.image_clicked.emit(self.indices[index])

    def paintEvent(self, event):
        p = QPainter(self)
        if not self._paint_message(p):
            p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            p.drawText(QRect(12, 4, self.width() - 24, 20), Qt.AlignmentFlag.AlignVCenter, self.caption)
            for i, image in enumerate(self._images):
                p.drawImage(self._rect(i), image)
        p.end()

    def mousePressEvent(self, event):
        for i, index in enumerate(self.indices):
            if self._rect(i).contains(event.position().toPoint()):
                self.image_clicked.emit(index)


class HistogramsView(View):
    """Per weighted layer: a histogram of its weights and of its outputs over a sample of test images."""

    CELL_W, CELL_H = 220, 90

    def __init__(self, parent=None):
        super().__init__(self.tr("Histograms"), parent)
        self.entries = []

    def items(self) -> list:
        out = []
        for i, entry in enumerate(self.entries):
            y = 28 + i * (self.CELL_H + 26)
            for j, key in enumerate(("weights", "activations")):
                if key in entry:
                    counts, edges = entry[key]
                    what = self.tr("weights") if key == "weights" else self.tr("outputs")
                    out.append(accessibility.Item(self.tr("{0} {1}: {2} values from {3} to {4}, most near {5}").format(
                        entry["layer"], what, QLocale().toString(int(counts.sum())),
                        QLocale().toString(float(edges[0]), "g", 3), QLocale().toString(float(edges[-1]), "g", 3),
                        QLocale().toString(float(edges[int(counts.argmax())]), "g", 3)),
                        QRect(12 + j * (self.CELL_W + 30), y, self.CELL_W + 30, self.CELL_H + 18)))
        return out

    def set_histograms(self, entries) -> None:
        self.entries, self.message = entries, ""
        self._fit_height(30 + len(entries) * (self.CELL_H + 26))
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p):
            p.end()
            return
        pen = self.palette().color(QPalette.ColorRole.WindowText)
        p.setPen(pen)
        p.drawText(QRect(12, 4, self.width() - 24, 20), Qt.AlignmentFlag.AlignVCenter,
                   self.tr("Weights (left) and outputs over 500 test images (right), per layer"))
        for i, entry in enumerate(self.entries):
            y = 28 + i * (self.CELL_H + 26)
            for j, key in enumerate(("weights", "activations")):
                if key not in entry:
                    continue
                counts, edges = entry[key]
                x = 12 + j * (self.CELL_W + 30)
                p.setPen(pen)
                p.drawText(QRect(x, y, self.CELL_W + 30, 16), Qt.AlignmentFlag.AlignVCenter,
                           f"{entry['layer']} {key}: {edges[0]:.3g} … {edges[-1]:.3g}")
                top = y + 18
                peak = max(int(counts.max()), 1)
                bar_w = self.CELL_W / len(counts)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(accessibility.accent_colour(self.palette(), second=key != "weights"))
                heights = (self.CELL_H - 8) * counts / peak
                p.drawRects([QRectF(x + k * bar_w, top + self.CELL_H - 8 - h, max(bar_w - 1, 1), h)
                             for k, h in enumerate(heights)])
        p.end()
