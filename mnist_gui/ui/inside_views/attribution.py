"""Why this answer: the attribution maps for the answer and the runner-up."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QPainter, QPalette

from ..locale_format import pct
from .. import accessibility
from .colours import grey_image, overlay, rgb_image
from .view import View


class AttributionView(View):
    """The input, then the attribution maps for the answer and for the runner-up, as overlays."""

    SIDE = 196

    def __init__(self, parent=None):
        super().__init__(self.tr("Why this answer"), parent)
        self.image = None
        self.result = None
        self._images = []
        self._fit_height(self.SIDE + 110)

    def set_attribution(self, image, result) -> None:
        self.image, self.result, self.message = image, result, ""
        self._images = [grey_image(image)]
        self._images += [rgb_image(overlay(image, m)) for m in result.maps]
        self.update()

    def captions(self) -> list[str]:
        if self.result is None:
            return []
        probs, (a, b) = self.result.probabilities, self.result.targets
        return [self.tr("What the model sees"), self.tr("Why {digit} ({p})").format(digit=a, p=pct(probs[a], 1)),
                self.tr("What would make it a {digit} ({p})").format(digit=b, p=pct(probs[b], 1))]

    def items(self) -> list:
        side = min(self.SIDE, (self.width() - 48) // 3)
        return [accessibility.Item(caption, QRect(12 + i * (side + 12), 8, side, side + 22), QAccessible.Role.Graphic)
                for i, caption in enumerate(self.captions())]

    def describe(self) -> str:
        return "; ".join(self.captions())

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.result is None:
            p.end()
            return
        pen = self.palette().color(QPalette.ColorRole.WindowText)
        side = min(self.SIDE, (self.width() - 48) // 3)
        for i, (caption, image) in enumerate(zip(self.captions(), self._images)):
            x = 12 + i * (side + 12)
            p.setPen(pen)
            p.drawText(QRect(x, 8, side, 20), Qt.AlignmentFlag.AlignLeft, caption)
            p.drawImage(QRect(x, 30, side, side), image)
        y = 40 + side
        method = (self.tr("integrated gradients") if self.result.method == "integrated_gradients"
                  else self.tr("occlusion (4×4 patches)"))
        p.setPen(pen)
        p.drawText(QRect(12, y, self.width() - 24, 60), Qt.TextFlag.TextWordWrap,
                   self.tr("Red: pixels that pushed the model towards that digit; blue: away from it (method: {method}; each map scaled to its own strongest pixel).").format(method=method))
        p.end()
