"""The map: the test set in the penultimate layer's two main directions."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy

from .. import accessibility
from .colours import DIGIT_COLOURS, grey_image, rgb_image
from .view import View
from ..locale_format import pct


class MapView(View):
    """The test set in the penultimate layer's two main directions (PCA), coloured by true digit;
    misclassified images larger and outlined in black. Hover shows an image; click asks to open it."""

    image_clicked = Signal(int)
    MARGIN = 16

    def __init__(self, parent=None):
        super().__init__(self.tr("The map"), parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(300)
        self.embedding = self.labels = self.images = None
        self.marker = None            # the current input's point
        self.hover: int | None = None
        self._cache: QImage | None = None
        self._screen = None           # (N, 2) points in widget pixels

    def sizeHint(self):
        return QSize(600, 500)

    def set_embedding(self, embedding, labels, images) -> None:
        self.embedding, self.labels, self.images, self.message = embedding, np.asarray(labels), images, ""
        self._cache = None
        self.update()

    def set_marker(self, point) -> None:
        self.marker = None if point is None else np.asarray(point, np.float64)
        self.update()

    def _transform(self):
        pts = self.embedding.points
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        top = 26
        size = np.array([self.width() - 2 * self.MARGIN, self.height() - top - self.MARGIN], np.float64)
        scale = size / np.maximum(hi - lo, 1e-9)
        return lambda q: (np.asarray(q, np.float64) - lo) * scale * [1, -1] + [self.MARGIN, top + size[1]]

    def screen_points(self) -> np.ndarray:
        if self._screen is None or self._cache is None:
            self._screen = self._transform()(self.embedding.points)
        return self._screen

    def index_at(self, pos, radius: float = 6.0) -> int | None:
        if self.embedding is None:
            return None
        d = np.hypot(*(self.screen_points() - [pos.x(), pos.y()]).T)
        i = int(d.argmin())
        return i if d[i] <= radius else None

    def _render(self):
        """The points drawn once, in numpy (10,000 QPainter calls took tens of ms on the UI thread)."""
        base = self.palette().color(QPalette.ColorRole.Base)
        h, w = self.height(), self.width()
        rgb = np.empty((h, w, 3), np.uint8)
        rgb[:] = (base.red(), base.green(), base.blue())
        self._cache = True
        self._screen = None
        pts = np.rint(self.screen_points()).astype(np.int64)
        wrong = self.embedding.predicted != self.labels
        colours = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in DIGIT_COLOURS], np.uint8)

        def splat(which, radius, colour):
            for dy in range(-radius, radius + 1):
                for dx in range(-radius, radius + 1):
                    y, x = pts[which, 1] + dy, pts[which, 0] + dx
                    ok = (y >= 0) & (y < h) & (x >= 0) & (x < w)
                    rgb[y[ok], x[ok]] = colour if colour.ndim == 1 else colour[ok]

        right = np.flatnonzero(~wrong)
        splat(right, 1, colours[self.labels[right]])
        wrong = np.flatnonzero(wrong)   # on top, outlined in black
        splat(wrong, 3, np.zeros(3, np.uint8))
        splat(wrong, 2, colours[self.labels[wrong]])
        image = rgb_image(rgb)
        self._cache = image
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        x = self.MARGIN
        for d in range(10):
            p.setBrush(QColor(DIGIT_COLOURS[d]))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(x + 5, 13), 5, 5)
            p.setPen(self.palette().color(QPalette.ColorRole.Text))
            p.drawText(QRect(x + 13, 4, 20, 18), Qt.AlignmentFlag.AlignVCenter, str(d))
            x += 34
        ex = self.embedding.explained
        p.drawText(QRect(x + 8, 4, self.width() - x - 20, 18), Qt.AlignmentFlag.AlignVCenter,
                   self.tr("outlined: misclassified ({v0}) · axes: the penultimate layer's two main directions (PCA: {v1} + {v2} of its variance)").format(v0=len(wrong), v1=pct(ex[0], 0), v2=pct(ex[1], 0)))
        p.end()

    def resizeEvent(self, event):
        self._cache = None
        super().resizeEvent(event)

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.embedding is None:
            p.end()
            return
        if self._cache is None:
            self._render()
        p.drawImage(0, 0, self._cache)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.marker is not None:
            x, y = self._transform()(self.marker)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 3))
            p.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
            p.drawEllipse(QPointF(x, y), 8, 8)
            p.drawText(QPointF(x + 11, y - 8), self.tr("your input"))
        if self.hover is not None and self.images is not None:
            i = self.hover
            x, y = self.screen_points()[i]
            side = 84
            bx = x + 12 if x + 12 + side < self.width() else x - 12 - side
            by = min(max(y - side / 2, 26), self.height() - side - 20)
            p.fillRect(QRectF(bx - 2, by - 2, side + 4, side + 22), self.palette().color(QPalette.ColorRole.ToolTipBase))
            p.fillRect(QRectF(bx - 2, by + side, side + 40, 20), self.palette().color(QPalette.ColorRole.ToolTipBase))
            p.drawImage(QRectF(bx, by, side, side),
                        grey_image(self.images[i]))
            p.setPen(self.palette().color(QPalette.ColorRole.ToolTipText))
            p.drawText(QRectF(bx, by + side, side + 38, 18), Qt.AlignmentFlag.AlignVCenter,
                       f"#{i}: {self.labels[i]} → {self.embedding.predicted[i]}")
        p.end()

    def _misread(self) -> np.ndarray:
        return np.flatnonzero(self.embedding.predicted != self.labels) if self.embedding is not None else np.zeros(0, int)

    def items(self) -> list:
        """The misread images (the map's point for a reader): 10,000 right ones would drown them."""
        if self.embedding is None:
            return []
        points = self.screen_points()
        return [accessibility.Item(self.tr("test image #{0}: true {1}, read as {2}").format(
                    int(i), int(self.labels[i]), int(self.embedding.predicted[i])),
                    QRect(int(points[i][0]) - 4, int(points[i][1]) - 4, 9, 9)) for i in self._misread()]

    def describe(self) -> str:
        if self.embedding is None:
            return ""
        return self.tr("{0} test images by the penultimate layer's two main directions, coloured by true digit; "
                       "{1} misread (arrow keys step through them, Enter opens one)").format(
            QLocale().toString(len(self.labels)), QLocale().toString(len(self._misread())))

    def current_changed(self, index: int) -> None:
        self.hover = int(self._misread()[index])  # shows its image, as the mouse would

    def activate(self, index: int) -> None:
        self.image_clicked.emit(int(self._misread()[index]))

    def mouseMoveEvent(self, event):
        i = self.index_at(event.position())
        if i != self.hover:
            self.hover = i
            self.update()

    def leaveEvent(self, event):
        self.hover = None
        self.update()

    def mousePressEvent(self, event):
        i = self.index_at(event.position())
        if i is not None:
            self.image_clicked.emit(i)
