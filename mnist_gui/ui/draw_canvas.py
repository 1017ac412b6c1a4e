"""The Draw Pad's canvas: strokes in pad coordinates, rendered for the model at a fixed size."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QColor, QFont, QImage, QPainter, QPalette, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import accessibility

# The drawing is rendered this large for preprocessing: 5× the 28 px digit, plenty for its
# downscaling (the digit differs from a 280 px render by ~1 grey level in 255 on average), and
# a quarter of the pixels of 280, whose antialiased strokes took up to 15 ms on the UI thread
# under training's load.
IMAGE_SIZE = 140
DEFAULT_PEN_WIDTH = 0.07         # of the pad's side: MNIST-like strokes for a digit filling most of it


def grey_of(image: QImage) -> np.ndarray:
    """An RGB32 image of white ink on black as a uint8 array (one of its equal channels)."""
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, 0:4 * image.width():4].copy()  # the QImage owns the buffer


@dataclass
class _Stroke:
    points: QPolygonF            # in pad coordinates: 0..1 across and down
    width: float                 # pen width, as a fraction of the pad's side
    times: list = field(default_factory=list)  # time.monotonic() of each point (kept with a labelled drawing)


class DrawCanvas(QWidget):
    """A square pad for one digit, white ink on black like MNIST.

    Strokes are kept in pad coordinates (0..1), so the widget can take any size and ``image()``
    renders the same drawing at a fixed resolution, whatever the window did in between. On screen
    the finished strokes are kept in an image at the pad's size, with the stroke being drawn painted
    over it, and a mouse move repaints only around its new segment (redrawing every stroke over the
    whole pad at every move took up to 40 ms while training ran).
    """

    changed = Signal()           # ink was added, undone or cleared (or a picture put on the pad or taken off)
    stroke_finished = Signal()   # the mouse button was released after a stroke

    def __init__(self, parent=None):
        super().__init__(parent)
        self._strokes: list[_Stroke] = []
        self._drawing = False
        self._screen_ink: QImage | None = None  # finished strokes as shown; None: drawn afresh at the next paint
        # For the model, likewise: the finished strokes rendered at each size asked for, and each
        # size's last image() until the ink changes. A stroke's end reads the drawing twice (the digit
        # and the number); rendering every stroke each time took 5-9 ms of the UI thread under load.
        self._model_ink: dict[int, QImage] = {}
        self._images: dict[int, np.ndarray] = {}
        self.pen_width = DEFAULT_PEN_WIDTH
        self._picture: QImage | None = None   # an image opened on the pad (instead of strokes)
        self._picture_shown: QImage | None = None  # it scaled to the pad once (not at every paint)
        self._boxes: list = []                 # (x, y, w, h fractions of the drawing or picture, text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(140, 140)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Drawing pad"))
        self.setAccessibleDescription(self.tr("Draw a digit with the mouse; the model's reading is this pad's value"))
        self.reading = ""  # the model's reading as a screen reader says it (set by the tab)

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    accessible_role = QAccessible.Role.Canvas

    def accessible_value(self) -> str:
        if self.is_empty():
            return self.tr("empty")
        return self.reading or self.tr("%n stroke(s)", "", self.stroke_count())

    def is_empty(self) -> bool:
        return not self._strokes

    def is_drawing(self) -> bool:
        """A stroke is under way (the mouse button is held)."""
        return self._drawing

    def stroke_count(self) -> int:
        return len(self._strokes)

    def clear(self) -> None:
        if self._strokes or self._picture is not None:
            self._strokes.clear()
            self._picture = None
            self._ink_changed()

    # ---- a picture on the pad, and boxes over the digits read ------------------------------------

    def has_picture(self) -> bool:
        return self._picture is not None

    def set_picture(self, grey: np.ndarray) -> None:
        """Show an image (grey pixels 0..255) on the pad in place of the drawing."""
        pixels = np.ascontiguousarray(np.clip(grey, 0, 255).astype(np.uint8))
        height, width = pixels.shape
        self._picture = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
        self._picture_shown = None
        self._strokes.clear()
        self._ink_changed()

    def set_boxes(self, boxes) -> None:
        """Boxes to draw over the drawing or picture: (x, y, w, h as fractions of it, label text)."""
        self._boxes = list(boxes)
        self.update()

    def boxes(self) -> list:
        return list(self._boxes)

    def strokes(self) -> list[dict]:
        """The finished strokes: points (N, 2) in pad coordinates, times (N,) in seconds from the
        drawing's first point, and the pen width (a fraction of the pad's side)."""
        finished = self._finished_strokes()
        start = next((s.times[0] for s in finished if s.times), 0.0)
        # A drag may leave the pad; far off it the points say nothing more of the digit's shape.
        return [{"points": np.clip(np.array([(p.x(), p.y()) for p in s.points], dtype=np.float32).reshape(-1, 2),
                                   -1.0, 2.0),
                 "times": np.asarray(s.times, dtype=np.float32) - np.float32(start) if s.times
                 else np.zeros(s.points.size(), np.float32),
                 "width": float(s.width)} for s in finished]

    def _content_rect(self) -> QRectF:
        """Where the drawing (the pad) or the picture (fitted, its shape kept) is shown."""
        rect = self._pad_rect()
        if self._picture is None:
            return rect
        w, h = self._picture.width(), self._picture.height()
        scale = min(rect.width() / w, rect.height() / h)
        return QRectF(rect.center().x() - w * scale / 2, rect.center().y() - h * scale / 2, w * scale, h * scale)

    def _paint_boxes(self, painter: QPainter) -> None:
        area = self._content_rect()
        pen = QPen(QColor(255, 160, 0), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for x, y, w, h, text in self._boxes:
            box = QRectF(area.left() + x * area.width(), area.top() + y * area.height(),
                         w * area.width(), h * area.height())
            painter.drawRect(box)
            if text:
                painter.drawText(box.adjusted(0, -painter.fontMetrics().height() - 2, 0, 0),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)

    def undo(self) -> None:
        """Remove the last stroke (also the one being drawn)."""
        if self._strokes:
            self._strokes.pop()
            self._ink_changed()

    def image(self, size: int = IMAGE_SIZE) -> np.ndarray:
        """The drawing as a size×size uint8 array, white (255) ink on black (0)."""
        if size not in self._images:
            finished = self._model_ink.get(size)
            if finished is None:
                # RGB32, not Grayscale8: the same grey levels, and Qt paints it 3-5x faster.
                finished = self._model_ink[size] = QImage(size, size, QImage.Format.Format_RGB32)
                finished.fill(Qt.GlobalColor.black)
                self._paint_into(finished, size, self._finished_strokes())
            image = finished
            if self._drawing:  # the stroke under way, over a copy
                image = finished.copy()
                self._paint_into(image, size, self._strokes[-1:])
            self._images[size] = grey_of(image)
        return self._images[size].copy()

    def _paint_into(self, image: QImage, side: float, strokes) -> None:
        painter = QPainter(image)
        self._paint_ink(painter, side, strokes)
        painter.end()

    def _ink_changed(self) -> None:
        self._drawing = False  # an undo or clear mid-stroke ends that stroke
        self._boxes = []       # they were for the ink before
        self._screen_ink = None
        self._model_ink.clear()
        self._images.clear()
        self.update()
        self.changed.emit()

    def _pad_rect(self) -> QRectF:
        """The largest square that fits, centred on whole pixels: the pad keeps its shape in any window."""
        side = min(self.width(), self.height()) - 2
        return QRectF((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_pad(self, pos: QPointF) -> QPointF:
        rect = self._pad_rect()
        return (pos - rect.topLeft()) / rect.width()

    def _paint_ink(self, painter: QPainter, side: float, strokes=None) -> None:
        """Every stroke (or these), sized so that the pad spans ``side`` pixels from the painter's origin."""
        ink = QColor(Qt.GlobalColor.white)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(ink)
        # In pixels, not through a scaled painter: Qt strokes a wide pen under a scale 3-4x slower.
        to_pixels = QTransform.fromScale(side, side)
        for stroke in self._strokes if strokes is None else strokes:
            width = stroke.width * side
            if stroke.points.size() == 1:
                # A click: a round dot (drawPoint would draw a pen-wide square).
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(stroke.points[0] * side, width / 2, width / 2)
            else:
                # One polyline with round caps and joins: smooth however far apart the mouse events were.
                painter.setPen(QPen(ink, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
                painter.drawPolyline(to_pixels.map(stroke.points))

    def _finished_strokes(self) -> list[_Stroke]:
        return self._strokes[:-1] if self._drawing else self._strokes

    def _finished_ink(self) -> QImage:
        """The finished strokes as shown, at the pad's size in device pixels."""
        side, ratio = self._pad_rect().width(), self.devicePixelRatioF()
        pixels = round(side * ratio)
        if self._screen_ink is None or self._screen_ink.width() != pixels:
            image = QImage(pixels, pixels, QImage.Format.Format_RGB32)
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.black)
            painter = QPainter(image)
            self._paint_ink(painter, side, self._finished_strokes())
            painter.end()
            self._screen_ink = image
        return self._screen_ink

    def _update_around(self, points: QPolygonF, width: float) -> None:
        """Repaint where these pad points, drawn with a pen this wide, put ink."""
        rect = self._pad_rect()
        box = points.boundingRect()
        margin = width * rect.width() / 2 + 2  # the pen's half width, and antialiasing
        self.update(QRectF(rect.topLeft() + box.topLeft() * rect.width(), box.size() * rect.width())
                    .adjusted(-margin, -margin, margin, margin).toAlignedRect())

    def resizeEvent(self, event):
        self._screen_ink = None
        super().resizeEvent(event)

    def paintEvent(self, event):
        painter = QPainter(self)
        rect = self._pad_rect()
        if self._picture is not None:
            painter.fillRect(rect, Qt.GlobalColor.black)
            area = self._content_rect()
            size = area.size().toSize()
            if self._picture_shown is None or self._picture_shown.size() != size:
                self._picture_shown = self._picture.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                           Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(area.topLeft(), self._picture_shown)
        else:
            painter.drawImage(rect.topLeft(), self._finished_ink())
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(-1, -1, 0, 0))
        accessibility.paint_focus(self, painter, rect.adjusted(-2, -2, 1, 1))  # over the border: seen on every side
        if self._drawing:
            painter.setClipRect(rect)
            painter.translate(rect.topLeft())
            self._paint_ink(painter, rect.width(), self._strokes[-1:])
        if self._boxes:
            painter.resetTransform()
            painter.setClipping(False)
            self._paint_boxes(painter)
        painter.end()

    def mousePressEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton or not self._pad_rect().contains(event.position()):
            super().mousePressEvent(event)
            return
        if self._picture is not None:  # drawing starts afresh
            self.clear()
        if self._boxes:  # they were for the ink before this stroke
            self._boxes = []
            self.update()
        self._strokes.append(_Stroke(QPolygonF([self._to_pad(event.position())]), self.pen_width,
                                     [time.monotonic()]))
        self._drawing = True
        self._images.clear()
        self._update_around(self._strokes[-1].points, self.pen_width)
        self.changed.emit()

    def mouseMoveEvent(self, event):
        # Without mouse tracking, moves only arrive while a button is held.
        if not self._drawing:
            super().mouseMoveEvent(event)
            return
        point, points = self._to_pad(event.position()), self._strokes[-1].points
        if point == points.last():
            return  # a repeated point would make a click's dot a zero-length line, which draws nothing
        points.append(point)
        self._strokes[-1].times.append(time.monotonic())
        self._images.clear()
        self._update_around(QPolygonF([points[points.size() - 2], point]), self._strokes[-1].width)
        self.changed.emit()

    def mouseReleaseEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton or not self._drawing:
            super().mouseReleaseEvent(event)
            return
        self._drawing = False
        # The stroke joins the finished ones, exactly as shown and as the model saw it (the images
        # of the drawing stay as they are).
        if self._screen_ink is not None:
            self._paint_into(self._screen_ink, self._pad_rect().width(), self._strokes[-1:])
        for size, finished in self._model_ink.items():
            self._paint_into(finished, size, self._strokes[-1:])
        self.stroke_finished.emit()


