"""Small widgets shared by the tabs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QEvent, QRect, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QAccessible, QFont, QFontMetrics, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget
from .locale_format import pct

from . import accessibility


def digit_image(pixels: np.ndarray) -> QImage:
    """A 28×28 (or any H×W) uint8/float 0..255 array as a greyscale QImage (it owns its copy)."""
    a = np.ascontiguousarray(np.clip(pixels, 0, 255).astype(np.uint8))
    h, w = a.shape
    return QImage(a.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


def digit_pixmap(pixels: np.ndarray, size: int, ratio: float = 1.0) -> QPixmap:
    """Scaled up without smoothing, so each MNIST pixel stays a crisp square; ``size`` in logical
    px, drawn with ``ratio`` device pixels each (a high-DPI screen's devicePixelRatio)."""
    side = round(size * ratio)
    pixmap = QPixmap.fromImage(digit_image(pixels)).scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def crisp_sizes(smallest: int, largest: int, ratio: float = 1.0) -> list[int]:
    """The sides (logical px, ascending) at which a 28×28 digit's pixels are whole device pixels
    each: multiples of 28 at ratio 1, of 14 at 2, of 56 at 1.5."""
    return [side for side in range(smallest, largest + 1)
            if abs(side * ratio / 28 - round(side * ratio / 28)) < 1e-6]


def wrapping_label(text: str = "") -> QLabel:
    """A label that wraps its text to the width it is given and never widens its pane."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(1)
    return label


class SteadyWrappingLabel(QLabel):
    """A wrapping label for a text that changes often (a state line, results): at a given width
    its height only grows, so a shorter text does not pull what is below it up and the next longer
    one push it down again. Each such move repaints the whole tab: 10-15 ms of the UI thread while
    training competes for the CPU."""

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.setWordWrap(True)
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        needed = self.heightForWidth(self.width()) if self.width() > 1 else -1  # never below the minimum
        if needed > self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # what the new width needs, from now on
            kept = self.minimumHeight()
            self.setMinimumHeight(0)  # QLabel's heightForWidth is at least the minimum height
            needed = self.heightForWidth(event.size().width())
            self.setMinimumHeight(needed if needed > 0 else kept)


class LastFolder:
    """The folder file dialogs open in: the last one the user chose, kept in the settings.

    A value that is not the name of an existing folder (gone since, or garbage in the settings
    file) gives the default.
    """

    KEY = "files/last_dir"

    def __init__(self, settings: QSettings | None = None, default=None):
        self._settings = settings
        self._default = str(default or Path.home())
        self._value: str | None = None  # without settings

    def path(self) -> str:
        value = self._settings.value(self.KEY) if self._settings is not None else self._value
        if isinstance(value, str) and value and Path(value).is_dir():
            return value
        return self._default if Path(self._default).is_dir() else str(Path.home())

    def remember(self, folder) -> None:
        if not isinstance(folder, (str, Path)) or not str(folder) or not Path(folder).is_dir():
            return
        if self._settings is None:
            self._value = str(folder)
        elif self._settings.value(self.KEY) != str(folder):
            self._settings.setValue(self.KEY, str(folder))


def save_splitters(root: QWidget, settings: QSettings) -> None:
    """Each named splitter under ``root`` keeps its sizes in the settings, under its object name."""
    for splitter in root.findChildren(QSplitter):
        # One never laid out (its tab not opened this time) has no sizes yet: what was kept stays.
        if splitter.objectName() and all(size > 0 for size in splitter.sizes()):
            settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())


def restore_splitters(root: QWidget, settings: QSettings) -> None:
    """The sizes ``save_splitters`` kept; anything else in the settings leaves the default sizes."""
    for splitter in root.findChildren(QSplitter):
        if splitter.objectName():
            state = settings.value(f"splitters/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                sizes = splitter.sizes()
                if not splitter.restoreState(state) or 0 in splitter.sizes():
                    splitter.setSizes(sizes)  # a damaged or collapsing state: back to the default


class DigitView(QWidget):
    """One digit, scaled to the largest whole multiple of 28 px that fits (crisp MNIST pixels),
    framed, at the top left of its area."""

    def __init__(self, largest: int = 224, smallest: int = 112, parent=None):
        super().__init__(parent)
        self._image = QImage()
        self._pixels = None
        self._largest, self._smallest = largest, smallest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(self._largest + 2, self._largest + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._smallest + 2, self._smallest + 2)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def set_pixels(self, pixels) -> None:
        self._pixels = pixels
        self._image = QImage() if pixels is None else digit_image(pixels)
        self.update()

    def clear(self) -> None:
        self.set_pixels(None)

    def image_size(self) -> int:
        """The side the digit is drawn at now: the largest that fits with crisp pixels."""
        side = min(self.width(), self.height()) - 2
        crisp = crisp_sizes(28, side, self.devicePixelRatioF())
        return crisp[-1] if crisp else max(28, side // 28 * 28)

    def pixmap(self) -> QPixmap:
        """The digit as drawn (a null pixmap when there is none)."""
        if self._image.isNull():
            return QPixmap()
        return digit_pixmap(self._pixels, self.image_size(), self.devicePixelRatioF())

    def paintEvent(self, event):
        side = self.image_size()
        p = QPainter(self)
        p.setPen(self.palette().color(QPalette.ColorRole.Mid))
        p.drawRect(0, 0, side + 1, side + 1)
        if not self._image.isNull():
            p.drawImage(QRect(1, 1, side, side), self._image)
        p.end()


class SteadyLabel(QLabel):
    """A one-line label whose text changes while training runs (times, live status).

    Its size only grows. A label that keeps its size does not ask for a new layout, and a new
    layout inside a QTabWidget repaints the whole tab: about 5 ms of the UI thread here, several
    times that while training competes for the CPU.
    """

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit(grow_only=True)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit(grow_only=False)

    def _fit(self, grow_only: bool) -> None:
        hint = self.sizeHint()
        if grow_only:
            hint = hint.expandedTo(self.minimumSize())
        if hint != self.minimumSize() or hint != self.maximumSize():
            self.setFixedSize(hint)


class LazyPage(QWidget):
    """A tab's page whose widget ``make()`` builds when the page is first shown or asked for: a
    launch that never opens the tab pays nothing for it (the Gallery, Inside and Robustness tabs'
    imports and widgets took ~80 ms of start-up)."""

    def __init__(self, make, parent=None):
        super().__init__(parent)
        self._make = make
        self.widget: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.widget is None:
            self.widget = self._make()
            self.layout().addWidget(self.widget)
            if self.isVisible():
                self.widget.show()  # else it would appear one event-loop turn later
        return self.widget

    def showEvent(self, event):  # noqa: N802 - Qt's name
        self.ensure_built()
        super().showEvent(event)


class TabWidget(QTabWidget):
    """A QTabWidget that lays itself out (and repaints all of itself) only when it must.

    A QTabWidget answers each LayoutRequest, which a page sends up whenever, say, a label's text
    changes, by laying out its tab bar and pages again and repainting everything (about 5 ms here,
    several times that while training competes for the CPU). Its own layout depends only on its
    size and style (handled by their own events) and on the size hints of its tab bar and pages:
    while those are unchanged, a request is dropped.
    """

    _RESET = (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.FontChange)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out_for = None

    def event(self, event):
        if event.type() == QEvent.Type.LayoutRequest:
            hints = self._layout_hints()
            if hints == self._laid_out_for:
                return True
            self._laid_out_for = hints
        elif event.type() in self._RESET:
            self._laid_out_for = None  # the next request goes through
        return super().event(event)

    # A LazyPage stands for its widget: callers see and choose the tab's widget itself.
    def currentWidget(self):  # noqa: N802 - Qt's name
        page = super().currentWidget()
        return page.ensure_built() if isinstance(page, LazyPage) else page

    def indexOf(self, widget):  # noqa: N802 - Qt's name
        index = super().indexOf(widget)
        if index < 0:
            for i in range(self.count()):
                page = super().widget(i)
                if isinstance(page, LazyPage) and page.widget is widget and widget is not None:
                    return i
        return index

    def setCurrentWidget(self, widget):  # noqa: N802 - Qt's name
        self.setCurrentIndex(self.indexOf(widget))

    def _layout_hints(self):
        bar = self.tabBar()
        pages = self.findChild(QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return (bar.isVisibleTo(self), bar.sizeHint(), bar.minimumSizeHint(),
                pages.sizeHint(), pages.minimumSizeHint(), pages.maximumSize())


_RIGHT_MIDDLE = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight


class ProbabilityBars(QWidget):
    """Ten horizontal bars, one per digit, labelled with the digit and its probability.

    The predicted digit is drawn bold and highlighted; an optional true label is marked with ✓/✗,
    so right and wrong do not depend on colour alone.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._probs: np.ndarray | None = None
        self._actual: int | None = None
        self._texts = ["–"] * 10     # each digit's probability as shown
        self._columns_for = (None, (0, 0, 0))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Class probabilities"))
        self.setAccessibleDescription(self.tr("The probability of each digit, as the model reads it"))

    def _columns(self) -> tuple[int, int, int]:
        """Widths of the digit column, the value column, and the height of a row's text, for the
        current font in bold (the predicted digit's row), so no text is ever cut."""
        font = self.font()
        key = font.key()
        if self._columns_for[0] != key:  # measured once per font: this paints at every live reading
            font.setBold(True)
            metrics = QFontMetrics(font)
            self._columns_for = (key, (metrics.horizontalAdvance("✓9") + 4,
                                       metrics.horizontalAdvance("100.0%") + 4, metrics.height()))
        return self._columns_for[1]

    def text_fits(self) -> bool:
        """Whether every digit and percentage is drawn whole at the present size."""
        label_w, value_w, line = self._columns()
        return self.height() / 10 >= line and self.width() >= label_w + value_w + 18

    def sizeHint(self) -> QSize:
        label_w, value_w, line = self._columns()
        return QSize(label_w + value_w + 180, 10 * (line + 6))

    def minimumSizeHint(self) -> QSize:
        label_w, value_w, line = self._columns()
        return QSize(label_w + value_w + 60, 10 * line)

    def set_probabilities(self, probs, actual: int | None = None) -> None:
        self._probs = None if probs is None else np.asarray(probs, dtype=np.float64)
        self._actual = actual
        self._texts = ["–"] * 10 if self._probs is None else [pct(float(p), 1) for p in self._probs]
        if self._probs is not None:
            best = int(self._probs.argmax())
            self.setToolTip(self.tr("predicted {best} ({v1})").format(best=best, v1=pct(self._probs[best], 1)))
        accessibility.value_changed(self)
        self.update()

    def probabilities(self) -> np.ndarray | None:
        return self._probs

    accessible_role = QAccessible.Role.List

    def accessible_value(self) -> str:
        """ "7: 93.1%, 1: 4.0%, …" from the likeliest down (what a reader wants first)."""
        if self._probs is None:
            return self.tr("no reading")
        order = np.argsort(self._probs)[::-1]
        return ", ".join(f"{d}: {accessibility.percent(self._probs[d])}" for d in order)

    def accessible_items(self) -> list:
        row_h = self.height() / 10
        return [accessibility.Item(self.tr("digit {0}: {1}").format(
                    d, accessibility.percent(self._probs[d]) if self._probs is not None else "–"),
                    QRect(0, round(d * row_h), self.width(), round(row_h))) for d in range(10)]

    def paintEvent(self, event):
        # Every look-up done once, not per row: this paints at each live reading on the Draw Pad,
        # and its Python per row (fonts, colours, enums) took 1-3 ms of the UI thread a paint.
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        row_h = self.height() / 10
        label_w, value_w, _ = self._columns()
        bar_w = max(10.0, self.width() - label_w - value_w - 8)
        best = int(self._probs.argmax()) if self._probs is not None else -1
        probs = self._probs.tolist() if self._probs is not None else [0.0] * 10
        plain = p.font()
        bold = QFont(plain)
        bold.setBold(True)
        track_colour, muted = pal.color(QPalette.ColorRole.AlternateBase), accessibility.muted_colour(pal)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        p.setPen(pal.color(QPalette.ColorRole.WindowText))
        right_middle = _RIGHT_MIDDLE
        for d in range(10):
            y = d * row_h
            p.setFont(bold if d == best else plain)
            mark = ""
            if self._actual is not None and d == self._actual:
                mark = "✓" if d == best else "•"
            p.drawText(QRectF(0, y, label_w, row_h), right_middle, f"{mark}{d}")
            track = QRectF(label_w + 6, y + row_h * 0.2, bar_w, row_h * 0.6)
            p.fillRect(track, track_colour)
            p.fillRect(QRectF(track.x(), track.y(), bar_w * probs[d], track.height()),
                       highlight if d == best else muted)
            p.drawText(QRectF(label_w + 8 + bar_w, y, value_w, row_h), right_middle, self._texts[d])
        p.end()
