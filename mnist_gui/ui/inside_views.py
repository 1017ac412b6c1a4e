"""Drawing widgets for the Inside tab (and the Draw Pad's attribution overlay).

Each view takes plain numpy results (mnist_gui.core.inside's dataclasses and dicts), turns them
into small QImages once, and paints those scaled up: a repaint is a few drawImage calls. Views
paint everything themselves, so any of them renders to PNG or SVG (``save_view``).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..core import pictures
from ..core.files import atomic_write

SAVE_FORMATS = (".png", ".svg")
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


def save_view(widget: QWidget, path) -> None:
    """The widget as drawn, to PNG or SVG by the suffix (atomic); ValueError for another suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SAVE_FORMATS:
        raise ValueError(f"Choose a .png or .svg file name (not {path.name}).")
    if suffix == ".png":
        image = widget.grab()
        atomic_write(path, lambda tmp: _check(image.save(tmp, "PNG"), path))
        return
    from PySide6.QtSvg import QSvgGenerator

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle(widget.accessibleName() or "mnist-gui")
    painter = QPainter(generator)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    data = bytes(buffer.data())
    atomic_write(path, lambda tmp: Path(tmp).write_bytes(data))


def _check(ok: bool, path):
    if not ok:
        raise OSError(f"Could not write {path}")


class _View(QWidget):
    """A painted view with a fixed height for its width (it sits in a scroll area)."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.message = ""

    def set_message(self, text: str) -> None:
        """Shown instead of the view (why there is nothing to show)."""
        self.message = text
        self.update()

    def _paint_message(self, p: QPainter) -> bool:
        if not self.message:
            return False
        p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        p.drawText(self.rect().adjusted(12, 12, -12, -12),
                   Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, self.message)
        return True

    def _fit_height(self, height: int) -> None:
        height = max(int(height), 120)
        if self.minimumHeight() != height:
            self.setFixedHeight(height)


# ---- 1. layer by layer -------------------------------------------------------------------------------

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


class LayersView(_View):
    """The input, then each layer's output: dense layers as a strip of units coloured by value
    (784 units as a 28×28 picture), conv layers as a grid of feature maps, the softmax as ten bars.

    The pictures come laid out and coloured (``core.pictures``, on the model thread, for the width
    the tab asked with); the view lays them out itself only when its width has changed since."""

    TITLE = pictures.TITLE

    def __init__(self, parent=None):
        super().__init__("Layer by layer", parent)
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
            p.fillRect(bar, self.palette().color(QPalette.ColorRole.Highlight) if d == best else QColor(140, 140, 140))
            p.drawText(QRectF(rect.right() - 64, y, 64, row_h), Qt.AlignmentFlag.AlignVCenter
                       | Qt.AlignmentFlag.AlignRight, f"{probs[d]:.1%}")

    def unit_at(self, pos) -> tuple[str, str] | None:
        """(layer title, 'unit i: value') under a point, for the tooltip."""
        for row, rect, _ in self._rows:
            if not rect.contains(pos):
                continue
            x, y, values = pos.x() - rect.left(), pos.y() - rect.top(), row.values
            if row.mode == "bars":
                d = min(9, int(y / (rect.height() / 10)))
                return row.title, f"digit {d}: {values[d]:.4f}"
            if row.mode == "square":
                r, c = y // 4, x // 4
                label = "pixel" if row.kind == "Input" else "unit"
                return row.title, f"{label} {r * 28 + c} (row {r}, column {c}): {values.reshape(28, 28)[r, c]:.4g}"
            if row.mode == "strip":
                i = (y // pictures.CELL) * row.grid[1] + x // pictures.CELL
                if i < len(values):
                    return row.title, f"unit {i}: {values[i]:.4g}"
                return None
            h, w, scale, per_row, gap = row.grid
            cx, cy = x // scale, y // scale
            q, r = cx // (w + gap), cy // (h + gap)
            px, py = cx % (w + gap), cy % (h + gap)
            ch = r * per_row + q
            if px < w and py < h and ch < values.shape[2]:
                return row.title, f"channel {ch}, row {py}, column {px}: {values[py, px, ch]:.4g}"
        return None

    def mouseMoveEvent(self, event):
        found = self.unit_at(event.position().toPoint())
        if found:
            QToolTip.showText(event.globalPosition().toPoint(), f"{found[0].split(' — ')[0]}\n{found[1]}", self)
        else:
            QToolTip.hideText()


# ---- 3. why this answer ----------------------------------------------------------------------------------

class AttributionView(_View):
    """The input, then the attribution maps for the answer and for the runner-up, as overlays."""

    SIDE = 196

    def __init__(self, parent=None):
        super().__init__("Why this answer", parent)
        self.image = None
        self.result = None
        self._images = []
        self._fit_height(self.SIDE + 110)

    def set_attribution(self, image, result) -> None:
        self.image, self.result, self.message = image, result, ""
        self._images = [rgb_image(np.repeat(np.clip(image, 0, 255)[..., None], 3, 2))]
        self._images += [rgb_image(overlay(image, m)) for m in result.maps]
        self.update()

    def captions(self) -> list[str]:
        if self.result is None:
            return []
        probs, (a, b) = self.result.probabilities, self.result.targets
        return ["What the model sees", f"Why {a} ({probs[a]:.1%})", f"What would make it a {b} ({probs[b]:.1%})"]

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
        method = "integrated gradients" if self.result.method == "integrated_gradients" else "occlusion (4×4 patches)"
        p.setPen(pen)
        p.drawText(QRect(12, y, self.width() - 24, 60), Qt.TextFlag.TextWordWrap,
                   f"Red: pixels that pushed the model towards that digit; blue: away from it "
                   f"(method: {method}; each map scaled to its own strongest pixel).")
        p.end()


# ---- 2. what it learned --------------------------------------------------------------------------------------

class TilesView(_View):
    """First-layer weights as tiles (red positive, blue negative), strongest first; click picks a unit."""

    unit_clicked = Signal(str, int)   # layer name, unit / channel
    TILE = 56

    def __init__(self, parent=None):
        super().__init__("First-layer weights", parent)
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
        what = "units' incoming weights as 28×28 images" if w["kind"] == "Dense" else "filters (summed over input channels)"
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        p.drawText(QRect(12, 4, self.width() - 24, 20), Qt.AlignmentFlag.AlignVCenter,
                   f"{w['layer']}: {len(w['tiles'])} of {w['count']} {what}, strongest first — click one for "
                   f"the test images that excite it most")
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

    def mousePressEvent(self, event):
        if self.weights is None:
            return
        for i, unit in enumerate(self.weights["units"]):
            if self.tile_rect(i).contains(event.position().toPoint()):
                self.selected = int(unit)
                self.update()
                self.unit_clicked.emit(self.weights["layer"], int(unit))
                return


class ImageStrip(_View):
    """A row of test images with a caption (the images that excite a unit most)."""

    image_clicked = Signal(int)
    SIDE = 56

    def __init__(self, parent=None):
        super().__init__("Top images", parent)
        self.caption, self.indices, self._images = "", [], []
        self._fit_height(self.SIDE + 40)

    def set_images(self, caption, indices, images) -> None:
        self.caption, self.indices, self.message = caption, list(map(int, indices)), ""
        self._images = [rgb_image(np.repeat(np.clip(im, 0, 255).astype(np.uint8)[..., None], 3, 2)) for im in images]
        self.update()

    def _rect(self, i):
        return QRect(12 + i * (self.SIDE + 4), 26, self.SIDE, self.SIDE)

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


class HistogramsView(_View):
    """Per weighted layer: a histogram of its weights and of its outputs over a sample of test images."""

    CELL_W, CELL_H = 220, 90

    def __init__(self, parent=None):
        super().__init__("Histograms", parent)
        self.entries = []

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
                   "Weights (left) and outputs over 500 test images (right), per layer")
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
                p.setBrush(QColor(70, 110, 180) if key == "weights" else QColor(220, 120, 40))
                heights = (self.CELL_H - 8) * counts / peak
                p.drawRects([QRectF(x + k * bar_w, top + self.CELL_H - 8 - h, max(bar_w - 1, 1), h)
                             for k, h in enumerate(heights)])
        p.end()


# ---- 4. the map --------------------------------------------------------------------------------------------

class MapView(_View):
    """The test set in the penultimate layer's two main directions (PCA), coloured by true digit;
    misclassified images larger and outlined in black. Hover shows an image; click asks to open it."""

    image_clicked = Signal(int)
    MARGIN = 16

    def __init__(self, parent=None):
        super().__init__("The map", parent)
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
                   f"outlined: misclassified ({len(wrong)}) · axes: the penultimate layer's two main "
                   f"directions (PCA: {ex[0]:.0%} + {ex[1]:.0%} of its variance)")
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
            p.setPen(QPen(QColor(0, 0, 0), 3))
            p.setBrush(QColor(255, 255, 0))
            p.drawEllipse(QPointF(x, y), 8, 8)
            p.drawText(QPointF(x + 11, y - 8), "your input")
        if self.hover is not None and self.images is not None:
            i = self.hover
            x, y = self.screen_points()[i]
            side = 84
            bx = x + 12 if x + 12 + side < self.width() else x - 12 - side
            by = min(max(y - side / 2, 26), self.height() - side - 20)
            p.fillRect(QRectF(bx - 2, by - 2, side + 4, side + 22), self.palette().color(QPalette.ColorRole.ToolTipBase))
            p.fillRect(QRectF(bx - 2, by + side, side + 40, 20), self.palette().color(QPalette.ColorRole.ToolTipBase))
            p.drawImage(QRectF(bx, by, side, side),
                        rgb_image(np.repeat(np.clip(self.images[i], 0, 255).astype(np.uint8)[..., None], 3, 2)))
            p.setPen(self.palette().color(QPalette.ColorRole.ToolTipText))
            p.drawText(QRectF(bx, by + side, side + 38, 18), Qt.AlignmentFlag.AlignVCenter,
                       f"#{i}: {self.labels[i]} → {self.embedding.predicted[i]}")
        p.end()

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


# ---- 5. the network at work -----------------------------------------------------------------------------------

class NetworkView(_View):
    """Dense layers as columns of their most active units, edges coloured by weight × activation
    (red excites, blue inhibits; thicker is stronger). Click a unit to inspect it."""

    unit_clicked = Signal(str, int)
    R = 11

    def __init__(self, parent=None):
        super().__init__("The network at work", parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(320)
        self.network = None
        self.image = None
        self.selected = None   # (layer name, unit)

    def sizeHint(self):
        return QSize(700, 420)

    def set_network(self, network, image) -> None:
        self.network, self.image, self.message = network, image, ""
        self.update()

    def node_positions(self) -> list[np.ndarray]:
        """Per layer: (k, 2) centres of its shown units."""
        layers = self.network.layers
        left, right = 130, self.width() - 60
        top, bottom = 50, self.height() - 20
        step = (right - left) / max(len(layers) - 1, 1)
        out = []
        for i, layer in enumerate(layers):
            k = len(layer["units"])
            ys = top + (np.arange(k) + 0.5) * (bottom - top) / k
            out.append(np.column_stack([np.full(k, left + i * step), ys]))
        return out

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.network is None:
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        net, pos = self.network, self.node_positions()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if self.image is not None:
            p.drawImage(QRect(12, (self.height() - 84) // 2, 84, 84),
                        rgb_image(np.repeat(np.clip(self.image, 0, 255).astype(np.uint8)[..., None], 3, 2)))
            p.setPen(text)
            p.drawText(QRect(12, (self.height() + 84) // 2 + 2, 110, 18), 0, "input")
        peak = max((float(np.abs(e).max()) for e in net.edges if e.size), default=1.0) or 1.0
        for i, edges in enumerate(net.edges):
            for a in range(edges.shape[0]):
                for b in range(edges.shape[1]):
                    c = float(edges[a, b]) / peak
                    if abs(c) < 0.04:
                        continue
                    colour = QColor(210, 40, 40) if c > 0 else QColor(40, 90, 220)
                    colour.setAlphaF(min(1.0, 0.25 + abs(c)))
                    p.setPen(QPen(colour, 0.5 + 4 * abs(c)))
                    p.drawLine(QPointF(*pos[i][a]), QPointF(*pos[i + 1][b]))
        off = set(net.off)
        normal = QFont(p.font())
        small = QFont(normal)
        small.setPointSizeF(small.pointSizeF() * 0.8)
        for i, layer in enumerate(net.layers):
            values = layer["values"]
            hi = float(np.abs(values).max()) or 1.0
            p.setFont(normal)
            p.setPen(text)
            title = layer["name"] + (f"\ntop {len(layer['units'])} of {layer['size']}" if layer["size"] > 10 else "\noutput")
            p.drawText(QRectF(pos[i][0][0] - 60, 6, 120, 36), Qt.AlignmentFlag.AlignHCenter, title)
            p.setFont(small)
            for (x, y), unit in zip(pos[i], layer["units"]):
                v = float(values[unit]) / hi
                rgb = sequential(np.array([abs(v)]))[0]
                p.setBrush(QColor(*map(int, rgb)))
                is_off = (layer["name"], int(unit)) in off
                chosen = self.selected == (layer["name"], int(unit))
                p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight) if chosen else text, 3 if chosen else 1))
                p.drawEllipse(QPointF(x, y), self.R, self.R)
                if is_off:
                    p.setPen(QPen(QColor(0, 0, 0), 2))
                    p.drawLine(QPointF(x - self.R, y - self.R), QPointF(x + self.R, y + self.R))
                p.setPen(text)
                label = (f"{unit}: {values[unit]:.0%}" if layer["size"] == 10 else f"#{unit}")
                p.drawText(QRectF(x + self.R + 2, y - 8, 70, 16), Qt.AlignmentFlag.AlignVCenter, label)
        p.end()

    def unit_at(self, pos):
        if self.network is None:
            return None
        for layer, centres in zip(self.network.layers, self.node_positions()):
            d = np.hypot(*(centres - [pos.x(), pos.y()]).T)
            j = int(d.argmin())
            if d[j] <= self.R + 2:
                return layer["name"], int(layer["units"][j])
        return None

    def mousePressEvent(self, event):
        found = self.unit_at(event.position())
        if found is not None:
            self.selected = found
            self.update()
            self.unit_clicked.emit(*found)


# ---- 6. the data ---------------------------------------------------------------------------------------------------

class DataView(_View):
    """Per digit: counts in train and test, the average image and the pixel-variance image; the pixel histogram."""

    SIDE = 64

    def __init__(self, parent=None):
        super().__init__("The data", parent)
        self.stats = None
        self._images = []
        self._fit_height(2 * self.SIDE + 90 + 200)

    def set_stats(self, stats) -> None:
        self.stats, self.message = stats, ""
        means, variances = stats["means"], stats["variances"]
        self._images = [(rgb_image(sequential(m / 255.0)), rgb_image(sequential(v / max(variances.max(), 1e-9))))
                        for m, v in zip(means, variances)]
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        if self._paint_message(p) or self.stats is None:
            p.end()
            return
        s, text = self.stats, self.palette().color(QPalette.ColorRole.WindowText)
        p.setPen(text)
        p.drawText(QRect(12, 4, self.width() - 24, 18), Qt.AlignmentFlag.AlignVCenter,
                   "Per digit (training set): average image (top), pixel variance — where writers differ (bottom)")
        step = min(self.SIDE + 12, (self.width() - 100) // 10)
        side = step - 8
        for d, (mean, var) in enumerate(self._images):
            x = 90 + d * step
            p.drawText(QRect(x, 24, side, 16), Qt.AlignmentFlag.AlignHCenter, str(d))
            p.drawImage(QRect(x, 42, side, side), mean)
            p.drawImage(QRect(x, 46 + side, side, side), var)
            p.drawText(QRect(x - 4, 50 + 2 * side, side + 8, 16), Qt.AlignmentFlag.AlignHCenter, f"{s['train_counts'][d]:,}")
            p.drawText(QRect(x - 4, 66 + 2 * side, side + 8, 16), Qt.AlignmentFlag.AlignHCenter, f"{s['test_counts'][d]:,}")
        p.drawText(QRect(12, 42, 76, side), Qt.AlignmentFlag.AlignVCenter, "average")
        p.drawText(QRect(12, 46 + side, 76, side), Qt.AlignmentFlag.AlignVCenter, "variance")
        p.drawText(QRect(12, 50 + 2 * side, 76, 16), Qt.AlignmentFlag.AlignVCenter, "train count")
        p.drawText(QRect(12, 66 + 2 * side, 76, 16), Qt.AlignmentFlag.AlignVCenter, "test count")
        counts, edges = s["histogram"]
        top, height = 96 + 2 * side, 150
        width = min(self.width() - 110, 640)
        p.drawText(QRect(12, top, self.width() - 24, 18), Qt.AlignmentFlag.AlignVCenter,
                   f"Pixel intensities, training set (log scale): {counts[0] / counts.sum():.0%} of pixels are 0 "
                   f"(background), {counts[-1] / counts.sum():.1%} in the top bin")
        logc = np.log10(np.maximum(counts, 1))
        peak = float(logc.max()) or 1.0
        bar_w = width / len(counts)
        for k, c in enumerate(logc):
            h = (height - 30) * c / peak
            p.fillRect(QRectF(90 + k * bar_w, top + height - 10 - h, max(bar_w - 1, 1), h), QColor(70, 110, 180))
        p.drawText(QRect(90, top + height - 8, 60, 16), 0, "0")
        p.drawText(QRect(90 + width - 40, top + height - 8, 40, 16), Qt.AlignmentFlag.AlignRight, "255")
        p.end()
