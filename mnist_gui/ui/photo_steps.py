"""The steps of reading a photo: the picture after each preparation step, then the 28×28 digits
the model reads, so a user sees what the model sees and why (``core.images.prepare_photo``)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from .widgets import digit_pixmap

THUMBNAIL = 120   # px, the longest side of each step's picture
DIGIT = 56        # px, each digit as the model reads it


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text"), not a wrapper's calls


def step_titles() -> dict[str, tuple[str, str]]:
    """Each step's caption and why it is done (core.images names the steps in English)."""
    return {
        "photo": (translate("PhotoSteps", "Photo"),
                  translate("PhotoSteps", "The image in grey, at a working size")),
        "ink made light": (translate("PhotoSteps", "Ink made light"),
                           translate("PhotoSteps", "The model knows white ink on black: dark ink is inverted")),
        "background": (translate("PhotoSteps", "Background"),
                       translate("PhotoSteps", "The lighting and shadows, estimated without the ink")),
        "background removed": (translate("PhotoSteps", "Background removed"),
                               translate("PhotoSteps", "Uneven light and shadows taken away")),
        "contrast normalised": (translate("PhotoSteps", "Contrast normalised"),
                                translate("PhotoSteps", "The ink's brightness stretched to full white")),
        "smoothed": (translate("PhotoSteps", "Smoothed"),
                     translate("PhotoSteps", "Paper texture and noise blurred away")),
        "ink": (translate("PhotoSteps", "Ink"),
                translate("PhotoSteps", "What counts as ink (Otsu's threshold)")),
        "clean": (translate("PhotoSteps", "Clean"),
                  translate("PhotoSteps", "White ink on black, soft edges as MNIST has them")),
    }


def picture_pixmap(pixels: np.ndarray, side: int) -> QPixmap:
    """A step's picture (float 0..255 or bool) scaled so its longest side is ``side``."""
    a = np.asarray(pixels)
    a = a.astype(np.float32) * 255 if a.dtype == bool else a
    a = np.ascontiguousarray(np.clip(a, 0, 255).astype(np.uint8))
    h, w = a.shape
    image = QImage(a.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(image).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)


class PhotoStepsView(QScrollArea):
    """A strip of pictures: each step of a photo's preparation, then each digit the model reads."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Steps of reading the image"))
        self._inner = QWidget()
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(2, 2, 2, 2)
        self.setWidget(self._inner)
        self.setMinimumHeight(THUMBNAIL + 60)
        self._captions: list[str] = []

    def captions(self) -> list[str]:
        """The captions shown, in order (for tests and accessibility)."""
        return list(self._captions)

    def show_steps(self, steps, digits=(), thumbnails=None) -> None:
        """``steps``: a ``PhotoSteps`` (or None: only the digits); ``digits``: the 28×28 inputs read;
        ``thumbnails``: the steps' pictures already made small (name -> uint8), used when given."""
        self._clear()
        titles = step_titles()
        thumbnails = thumbnails or {}
        for name, pixels in (steps.steps.items() if steps is not None else ()):
            pixels = thumbnails.get(name, pixels)
            title, why = titles.get(name, (name, ""))
            self._add(picture_pixmap(pixels, THUMBNAIL), title, why)
        for i, pixels in enumerate(digits):
            self._add(digit_pixmap(pixels, DIGIT),
                      translate("PhotoSteps", "Digit %1 (28×28)").replace("%1", str(i + 1)),
                      translate("PhotoSteps", "What the model reads: the digit scaled into a 20-pixel box and centred"))
        self._row.addStretch(1)
        self.setVisible(bool(self._captions))

    def _add(self, pixmap: QPixmap, title: str, why: str) -> None:
        box = QVBoxLayout()
        picture = QLabel()
        picture.setPixmap(pixmap)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setToolTip(why)
        picture.setAccessibleName(title)
        picture.setAccessibleDescription(why)
        caption = QLabel(title)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(picture)
        box.addWidget(caption)
        box.addStretch(1)
        self._row.addLayout(box)
        self._captions.append(title)

    def _clear(self) -> None:
        self._captions = []
        while self._row.count():
            item = self._row.takeAt(0)
            layout = item.layout()
            if layout is not None:
                while layout.count():
                    child = layout.takeAt(0).widget()
                    if child is not None:
                        child.deleteLater()
            elif item.widget() is not None:
                item.widget().deleteLater()
