"""Layer by layer: the input, then each layer's output."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QLocale, QRect, QRectF, Qt
from PySide6.QtGui import QAccessible, QImage, QPainter, QPalette
from PySide6.QtWidgets import QToolTip

from ..locale_format import pct
from ..locale_format import general, num
from ...core import pictures
from .. import accessibility
from .view import View


class _Shown(NamedTuple):
    picture: pictures.LayerPicture
    rect: QRect
    image: QImage | None


def _wrap_rgb32(pixels) -> QImage | None:
    """RGB32 pixels as a QImage without copying them (the picture keeps them alive)."""
    if pixels is None:
        return None
    h, w = pixels.shape
    return QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_RGB32)


class LayersView(View):
    """The input, then each layer's output: dense layers as a strip of units coloured by value
    (784 units as a 28×28 picture), conv layers as a grid of feature maps, the softmax as ten bars.

    The pictures come laid out and coloured (``core.pictures``, on the model thread, for the width
    the tab asked with); the view lays them out itself only when its width has changed since."""

    TITLE = pictures.TITLE

    def __init__(self, parent=None):
        super().__init__(self.tr("Layer by layer"), parent)
        self.outputs = None
        self._laid = None   # the core.pictures.LayerPictures shown
        self._rows = []     # _Shown: each picture with its QRect and QImage

    def picture_width(self) -> int:
        """The width to lay pictures out for (sent with the request)."""
        return self.width()

    def set_outputs(self, outputs) -> None:
        self.outputs = outputs
        self.message = ""
        self._relayout(getattr(outputs, "pictures", None))
        self.update()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.outputs is not None and (self._laid is None or self._laid.width != self.width()):
            self._relayout()

    def _relayout(self, laid_out=None):
        self._laid, self._rows = None, []
        if self.outputs is None:
            return
        if laid_out is None or laid_out.width != self.width():
            laid_out = pictures.layer_pictures(self.outputs, self.width())
        self._laid = laid_out
        self._rows = [_Shown(row, QRect(*row.rect), _wrap_rgb32(row.pixels)) for row in laid_out.rows]
        self._fit_height(laid_out.height)

    def items(self) -> list:
        out = []
        for row, rect, _ in self._rows:
            name = row.title
            if row.mode == "bars":
                name += ": " + ", ".join(f"{d}: {accessibility.percent(row.values[d])}" for d in range(10))
            else:
                flat = np.ravel(row.values)
                name += self.tr(": {0} values, from {1} to {2}").format(
                    flat.size, QLocale().toString(float(flat.min()), "g", 3), QLocale().toString(float(flat.max()), "g", 3))
            out.append(accessibility.Item(name, rect.adjusted(0, -self.TITLE, 0, 0), QAccessible.Role.Graphic))
        return out

    def describe(self) -> str:
        return self.tr("%n layer(s)", "", len(self._rows)) if self._rows else ""

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.outputs is None:
            p.end()
            return
        pal = self.palette()
        for row, rect, image in self._rows:
            if rect.bottom() < event.rect().top() - self.TITLE or row.y > event.rect().bottom():
                continue
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(QRect(row.x, row.y, self.width() - 12 - row.x, self.TITLE),
                       Qt.AlignmentFlag.AlignVCenter, row.title)
            if row.mode == "bars":
                self._paint_bars(p, rect, row.values)
            else:
                p.drawImage(rect, image)
        p.end()

    def _paint_bars(self, p, rect, probs):
        best = int(np.argmax(probs))
        row_h = rect.height() / 10
        for d in range(10):
            y = rect.top() + d * row_h
            p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            p.drawText(QRectF(rect.left(), y, 20, row_h), Qt.AlignmentFlag.AlignVCenter, str(d))
            bar = QRectF(rect.left() + 22, y + 2, (rect.width() - 90) * float(probs[d]), row_h - 4)
            p.fillRect(bar, self.palette().color(QPalette.ColorRole.Highlight) if d == best
                       else accessibility.muted_colour(self.palette()))
            p.drawText(QRectF(rect.right() - 64, y, 64, row_h), Qt.AlignmentFlag.AlignVCenter
                       | Qt.AlignmentFlag.AlignRight, pct(probs[d], 1))

    def unit_at(self, pos) -> tuple[str, str] | None:
        """(layer title, 'unit i: value') under a point, for the tooltip."""
        for row, rect, _ in self._rows:
            if not rect.contains(pos):
                continue
            x, y, values = pos.x() - rect.left(), pos.y() - rect.top(), row.values
            if row.mode == "bars":
                d = min(9, int(y / (rect.height() / 10)))
                return row.title, self.tr("digit {d}: {value}").format(d=d, value=num(values[d], 4))
            if row.mode == "square":
                r, c = y // 4, x // 4
                text = self.tr("pixel {i} (row {r}, column {c}): {value}") if row.kind == "Input" else \
                    self.tr("unit {i} (row {r}, column {c}): {value}")
                return row.title, text.format(i=r * 28 + c, r=r, c=c, value=general(values.reshape(28, 28)[r, c], 4))
            if row.mode == "strip":
                i = (y // pictures.CELL) * row.grid[1] + x // pictures.CELL
                if i < len(values):
                    return row.title, self.tr("unit {i}: {value}").format(i=i, value=general(values[i], 4))
                return None
            h, w, scale, per_row, gap = row.grid
            cx, cy = x // scale, y // scale
            q, r = cx // (w + gap), cy // (h + gap)
            px, py = cx % (w + gap), cy % (h + gap)
            ch = r * per_row + q
            if px < w and py < h and ch < values.shape[2]:
                return row.title, self.tr("channel {ch}, row {r}, column {c}: {value}").format(
                    ch=ch, r=py, c=px, value=general(values[py, px, ch], 4))
        return None

    def mouseMoveEvent(self, event):
        found = self.unit_at(event.position().toPoint())
        if found:
            QToolTip.showText(event.globalPosition().toPoint(), f"{found[0].split(' — ')[0]}\n{found[1]}", self)
        else:
            QToolTip.hideText()
