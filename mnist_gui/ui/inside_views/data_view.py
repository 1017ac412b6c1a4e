"""The data: per digit counts, average and variance images; the pixel histogram."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette

from ..locale_format import integer
from .. import accessibility
from .colours import rgb_image, sequential
from .view import View
from ..locale_format import pct


class DataView(View):
    """Per digit: counts in train and test, the average image and the pixel-variance image; the pixel histogram."""

    SIDE = 64

    def __init__(self, parent=None):
        super().__init__(self.tr("The data"), parent)
        self.stats = None
        self._images = []
        self._fit_height(2 * self.SIDE + 90 + 200)

    def set_stats(self, stats) -> None:
        self.stats, self.message = stats, ""
        means, variances = stats["means"], stats["variances"]
        self._images = [(rgb_image(sequential(m / 255.0)), rgb_image(sequential(v / max(variances.max(), 1e-9))))
                        for m, v in zip(means, variances)]
        self.update()

    def items(self) -> list:
        if self.stats is None:
            return []
        step = min(self.SIDE + 12, (self.width() - 100) // 10)
        return [accessibility.Item(self.tr("digit {0}: {1} training images, {2} test images").format(
                    d, QLocale().toString(int(self.stats["train_counts"][d])),
                    QLocale().toString(int(self.stats["test_counts"][d]))),
                    QRect(90 + d * step - 4, 24, step, 2 * step + 58)) for d in range(10)]

    def describe(self) -> str:
        return self.tr("Per digit: the average image, the pixel variance and the counts") if self.stats else ""

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.stats is None:
            p.end()
            return
        s, text = self.stats, self.palette().color(QPalette.ColorRole.WindowText)
        p.setPen(text)
        p.drawText(QRect(12, 4, self.width() - 24, 18), Qt.AlignmentFlag.AlignVCenter,
                   self.tr("Per digit (training set): average image (top), pixel variance — where writers differ (bottom)"))
        step = min(self.SIDE + 12, (self.width() - 100) // 10)
        side = step - 8
        for d, (mean, var) in enumerate(self._images):
            x = 90 + d * step
            p.drawText(QRect(x, 24, side, 16), Qt.AlignmentFlag.AlignHCenter, str(d))
            p.drawImage(QRect(x, 42, side, side), mean)
            p.drawImage(QRect(x, 46 + side, side, side), var)
            p.drawText(QRect(x - 4, 50 + 2 * side, side + 8, 16), Qt.AlignmentFlag.AlignHCenter, integer(s['train_counts'][d]))
            p.drawText(QRect(x - 4, 66 + 2 * side, side + 8, 16), Qt.AlignmentFlag.AlignHCenter, integer(s['test_counts'][d]))
        p.drawText(QRect(12, 42, 76, side), Qt.AlignmentFlag.AlignVCenter, "average")
        p.drawText(QRect(12, 46 + side, 76, side), Qt.AlignmentFlag.AlignVCenter, "variance")
        p.drawText(QRect(12, 50 + 2 * side, 76, 16), Qt.AlignmentFlag.AlignVCenter, self.tr("train count"))
        p.drawText(QRect(12, 66 + 2 * side, 76, 16), Qt.AlignmentFlag.AlignVCenter, self.tr("test count"))
        counts, edges = s["histogram"]
        top, height = 96 + 2 * side, 150
        width = min(self.width() - 110, 640)
        p.drawText(QRect(12, top, self.width() - 24, 18), Qt.AlignmentFlag.AlignVCenter,
                   self.tr("Pixel intensities, training set (log scale): {v0} of pixels are 0 (background), {v1} in the top bin").format(v0=pct(counts[0] / counts.sum(), 0), v1=pct(counts[-1] / counts.sum(), 1)))
        logc = np.log10(np.maximum(counts, 1))
        peak = float(logc.max()) or 1.0
        bar_w = width / len(counts)
        for k, c in enumerate(logc):
            h = (height - 30) * c / peak
            p.fillRect(QRectF(90 + k * bar_w, top + height - 10 - h, max(bar_w - 1, 1), h), accessibility.accent_colour(self.palette()))
        p.drawText(QRect(90, top + height - 8, 60, 16), 0, "0")
        p.drawText(QRect(90 + width - 40, top + height - 8, 40, 16), Qt.AlignmentFlag.AlignRight, "255")
        p.end()
