"""The Draw Pad's images and numbers (mixed into ``DrawTab``): File ▸ Open image…, drag-and-drop and
paste put an image on the pad; it is prepared in the pool and read on the model thread (the service's
``request_read_image``), its steps shown (``PhotoStepsView``) and each digit boxed. A row of digits
drawn on the pad is read as a number after each stroke (``request_read_drawing``); one digit stays
the live single-digit reading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog

from ..open_files import IMAGE_SUFFIXES
from .latest_request import LatestRequest
from .core_texts import core_text
from .locale_format import pct
from .number_view import NumberView
from .photo_steps import PhotoStepsView

NUMBER_CANVAS = 280   # px: a row of digits is read from a larger render than the single digit's 140


def local_image_path(mime) -> str | None:
    """The first local file a drop or the clipboard holds, if any."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if isinstance(url, QUrl) and url.isLocalFile():
            return url.toLocalFile()
    return None


def grey_pixels(image: QImage) -> np.ndarray:
    """A QImage (pasted) as grey pixels (H, W) float32 0..255, transparency on white."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    h, w = image.height(), image.width()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())[:, :4 * w]
    bgra = rows.reshape(h, w, 4).astype(np.float32)
    grey = 0.114 * bgra[..., 0] + 0.587 * bgra[..., 1] + 0.299 * bgra[..., 2]
    alpha = bgra[..., 3] / 255.0
    return (grey * alpha + 255.0 * (1 - alpha)).astype(np.float32)


class ReadingOnPad:
    """Images and numbers on the Draw Pad. ``DrawTab`` calls ``_build_reading`` once its widgets exist."""

    def _build_reading(self):
        self._number = None              # a NumberRead of 2+ digits shown, or an image's reading
        self._image_source = None        # the image on the pad (path or pixels), to read again on new weights
        self._image_name = ""
        self._image_reply = None
        self.steps_view = PhotoStepsView()
        self.steps_view.hide()
        self.number_view = NumberView()
        self.number_view.hide()
        self.number_view.digit_chosen.connect(self._show_digit_of_number)
        self._numbers = LatestRequest(lambda canvas: self.service.request_read_drawing(canvas), self)
        self._numbers.answered.connect(self._on_number_read)
        self.open_image_action = QAction(self.tr("Open &image…"), self)
        self.open_image_action.setShortcut(QKeySequence("Ctrl+I"))
        self.open_image_action.setToolTip(self.tr("Put an image of digits on the Draw Pad and read it (Ctrl+I)"))
        self.open_image_action.triggered.connect(self.choose_image_file)
        self.paste_action = QAction(self.tr("Paste image"), self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setToolTip(self.tr("Read the image (or image file) on the clipboard"))
        self.paste_action.triggered.connect(self.paste_image)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.paste_action)
        self.setAcceptDrops(True)

    # ---- images in -------------------------------------------------------------------------------

    def choose_image_file(self):
        patterns = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open image"), str(Path.home()),
                                              self.tr("Images (%1);;All files (*)").replace("%1", patterns))
        if path:
            self.open_image(path)

    def open_image(self, source, name: str | None = None):
        """Read an image file (a path), grey pixels or a QImage onto the pad; the pad keeps what it
        had until the image is ready, and keeps it if the image cannot be read (one line says why)."""
        if isinstance(source, QImage):
            from ..core.images import MAX_PIXELS  # Pillow: not at start-up

            if source.width() * source.height() > MAX_PIXELS:
                self.message_label.setText(self.tr("Cannot read %1: too large (%2×%3 pixels)")
                                           .replace("%1", name or self.tr("pasted image"))
                                           .replace("%2", str(source.width())).replace("%3", str(source.height())))
                return None
            image = source.copy()  # converted to grey in the pool: a large one takes a while
            source = lambda: grey_pixels(image)  # noqa: E731
        self._image_name = name or (Path(source).name if isinstance(source, str) else self.tr("pasted image"))
        self.message_label.setText(self.tr("Reading %1…").replace("%1", self._image_name))
        reply = self._image_reply = self.service.request_read_image(source)
        reply.partial.connect(lambda _id, prepared: self._on_image_prepared(reply, source, prepared))
        reply.answered.connect(lambda _id, read: self._on_image_read(reply, read))
        reply.failed.connect(lambda _id, error: self._on_image_failed(reply, error))
        return reply

    @Slot()
    def paste_image(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        path = local_image_path(mime)
        if path is not None:
            self.open_image(path)
            return True
        if mime is not None and mime.hasImage():
            image = QGuiApplication.clipboard().image()
            if not image.isNull():
                self.open_image(image)
                return True
        self.message_label.setText(self.tr("The clipboard holds no image to read."))
        return False

    def dragEnterEvent(self, event):
        mime = event.mimeData()
        if local_image_path(mime) is not None or mime.hasImage():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        mime = event.mimeData()
        path = local_image_path(mime)
        if path is not None:
            self.open_image(path)
        elif mime.hasImage():
            self.open_image(QImage(mime.imageData()))
        else:
            event.ignore()
            return
        event.acceptProposedAction()

    # ---- images read --------------------------------------------------------------------------------

    def _on_image_prepared(self, reply, source, prepared):
        if reply is not self._image_reply:
            return  # another image was asked for since
        self._image_source = source
        steps = prepared.steps
        photo = prepared.thumbnails.get("pad", steps.steps["photo"]) if steps is not None else np.zeros((28, 28))
        self.canvas.set_picture(photo)
        self.steps_view.show_steps(steps, prepared.inputs, prepared.thumbnails)
        self.message_label.setText(self.tr("Reading %1…").replace("%1", self._image_name))

    def _on_image_read(self, reply, read):
        if reply is not self._image_reply or not self.canvas.has_picture():
            return
        self._image_reply = None
        width, height = read.steps.steps["photo"].shape[::-1] if read.steps is not None else (1, 1)
        scale = read.steps.scale if read.steps is not None else 1.0
        boxes = [(x / scale / width, y / scale / height, w / scale / width, h / scale / height, str(d.digit))
                 for d, (x, y, w, h) in ((d, d.box) for d in read.digits)]
        self._show_number(read, boxes)

    def _on_image_failed(self, reply, error):
        if reply is not self._image_reply:
            return
        self._image_reply = None
        if self.canvas.has_picture() and self._image_source is not None:
            self.message_label.setText(core_text(str(error)))  # prepared, but no model to read it
            return
        self.message_label.setText(self.tr("Cannot read %1: %2").replace("%1", self._image_name)
                                   .replace("%2", core_text(" ".join(str(error).split()))))

    # ---- numbers drawn ------------------------------------------------------------------------------

    def _request_number(self):
        """After a stroke: with two strokes or more, is it a row of digits? (One digit stays as read live.)"""
        if self.canvas.stroke_count() < 2 or not self.service.has_model:
            return
        self._numbers.ask(None, {"canvas": self.canvas.image(NUMBER_CANVAS)})

    def _forget_number(self):
        """The drawing changed: a number read before no longer stands."""
        self._numbers.forget()
        if not self.canvas.has_picture():
            self._image_source = self._image_reply = None
            self.steps_view.hide()
        if self._number is not None:
            self._number = None
            self.number_view.show_number(None)

    @Slot(object, object)
    def _on_number_read(self, read, _args):
        if (self.canvas.is_drawing() or self.canvas.has_picture() or self.canvas.is_empty()
                or self._numbers.waiting):  # a newer drawing's reading is on its way
            return
        if len(read.digits) < 2:  # one digit: the live reading stands
            return
        size = float(NUMBER_CANVAS)
        boxes = [(x / size, y / size, w / size, h / size, str(d.digit)) for d in read.digits
                 for (x, y, w, h) in [d.box]]
        self._show_number(read, boxes)

    def _show_number(self, read, boxes):
        self._number = read
        self.canvas.set_boxes(boxes)
        self.number_view.show_number(read)
        if not read.digits:
            self.digit_label.setText("")
            self.message_label.setText(self.tr("No digit found"))
            return
        self.digit_label.setText(read.text)
        each = ", ".join(f"{d.digit} ({pct(d.probability, 0)})"
                         for d in read.digits)
        if len(read.digits) == 1:
            self.message_label.setText(self.tr("One digit: %1").replace("%1", each))
        else:
            self.message_label.setText(self.tr("%1 digits: %2").replace("%1", str(len(read.digits)))
                                       .replace("%2", each))
        self._show_digit_of_number(0)

    @Slot(int)
    def _show_digit_of_number(self, index: int):
        if self._number is None or not 0 <= index < len(self._number.digits):
            return
        digit = self._number.digits[index]
        self.bars.set_probabilities(digit.probabilities)
        self.preview.setPixmap(self._preview_pixmap(digit.input))

    def _reread_on_new_model(self):
        """New weights: the image or the number on the pad is read again."""
        if self.canvas.has_picture() and self._image_source is not None:
            self.open_image(self._image_source, self._image_name)
        elif self._number is not None:
            self._number = None
            self._request_number()
