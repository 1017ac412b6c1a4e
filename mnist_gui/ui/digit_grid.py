"""The Gallery's grid: digit cells (image, true label, prediction) laid out n × n in a scrolling
pane, the images as large as the pane allows in whole multiples of 28 device pixels."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAccessible, QColor, QFontMetrics, QKeySequence, QPainter, QPalette, QPen, QPixmap, QPixmapCache
from PySide6.QtWidgets import QGridLayout, QScrollArea, QToolButton, QWidget

from . import accessibility
from .widgets import crisp_sizes, digit_pixmap
from ..i18n import translate
from .locale_format import pct

GRID_SIZES = (4, 5, 8)
DEFAULT_GRID_SIZE = 5
# Grid images are whole multiples of 28 device pixels, so every MNIST pixel stays a crisp square:
# the largest that lets the whole grid fit its pane, and never smaller than this (it scrolls then).
MIN_IMAGE_SIZE = 56
MAX_IMAGE_SIZE = 28 * 10
# Cells are at least as wide as the widest caption, whatever the image size (in the user's language).
WIDEST_CAPTION = ("✗", 8, 1.0)
RIGHT_COLOUR = QColor(40, 140, 70)
WRONG_COLOUR = QColor(200, 50, 40)

# Pixmap cache keys name the dataset they were drawn from; a global counter keeps two tabs (or two
# loads of different data) from ever sharing a key.
_dataset_generations = itertools.count(1)


class DigitCell(QWidget):
    """One test image with its true label and, when there is a model, its prediction.

    Right and wrong differ by mark (✓/✗) and frame style (solid/dashed), not by colour alone.
    Clicking it, or Enter/Space while it has focus, emits ``clicked`` with its test index.
    """

    clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.index = -1
        self._pixmap = QPixmap()
        self._caption: list[str] = []
        self._right: bool | None = None  # None: no prediction to judge
        self._selected = False
        self.navigate = None  # (cell, key) -> handled: the grid's arrow keys
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        caption_font = self.font()
        caption_font.setPointSizeF(caption_font.pointSizeF() * 0.9)  # lets eight cells fit a row
        self.setFont(caption_font)

    @staticmethod
    def size_for(image_size: int, metrics: QFontMetrics) -> QSize:
        """The cell's size for an image of ``image_size`` px and two caption lines."""
        mark, digit, confidence = WIDEST_CAPTION
        widest = max(QCoreApplication.translate("DigitCell", "{mark} pred {predicted} {confidence}").format(
            mark=mark, predicted=digit, confidence=pct(confidence, 0)),
            QCoreApplication.translate("DigitCell", "true {label}").format(label=digit), key=metrics.horizontalAdvance)
        width = max(image_size, metrics.horizontalAdvance(widest) + 6) + 8
        return QSize(width, image_size + 5 + 2 * metrics.height())

    def set_image_size(self, size: int) -> None:
        self.setFixedSize(self.size_for(size, self.fontMetrics()))

    def set_image(self, index: int, pixmap: QPixmap, true_label: int,
                  predicted: int | None = None, confidence: float | None = None, title: str | None = None) -> None:
        caption = [self.tr("true {label}").format(label=true_label)]
        description = self.tr("{v0}: true {true_label}").format(v0=title or self.tr("Test image #{index}").format(index=index), true_label=true_label)
        right = None
        if predicted is not None:
            right = predicted == true_label
            mark = "✓" if right else "✗"
            caption.append(self.tr("{mark} pred {predicted} {confidence}").format(
                mark=mark, predicted=predicted, confidence=pct(confidence, 0)))
            verdict = self.tr("right") if right else self.tr("wrong")
            description += self.tr(", predicted {predicted} ({confidence}), {verdict}").format(predicted=predicted, confidence=pct(confidence, 1), verdict=verdict)
        self.setToolTip(description + self.tr(". Click for details."))
        self.setAccessibleName(description)
        # Each epoch of a training run refills the grid; most cells look the same as before.
        if (index, pixmap.cacheKey(), caption, right) != (self.index, self._pixmap.cacheKey(), self._caption, self._right):
            self.index, self._pixmap, self._caption, self._right = index, pixmap, caption, right
            self.update()

    def text_fits(self) -> bool:
        """Whether the image and every caption line are drawn whole in the cell."""
        metrics = self.fontMetrics()
        side = round(self._pixmap.deviceIndependentSize().width())
        widest = max((metrics.horizontalAdvance(line) for line in self._caption), default=0)
        fits_across = widest <= self.width() and side <= self.width()
        return fits_across and 3 + side + 2 * metrics.height() <= self.height()

    def text(self) -> str:
        """The caption as drawn under the image, one line per label."""
        return "\n".join(self._caption)

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.index)
        super().mouseReleaseEvent(event)

    accessible_role = QAccessible.Role.ListItem

    def accessible_value(self) -> str:
        return self.text().replace("\n", ", ")

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.index)
        elif self.navigate is None or not self.navigate(self, event.key()):
            super().keyPressEvent(event)

    def paintEvent(self, event):
        p = QPainter(self)
        palette = self.palette()
        if self._selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(70)
            p.fillRect(self.rect(), highlight)
        if self._right is None:
            pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        elif self._right:
            pen = QPen(accessibility.right_colour(palette), 2)
        else:
            pen = QPen(accessibility.wrong_colour(palette), 3, Qt.PenStyle.DashLine)
        if self.hasFocus():
            pen.setWidth(pen.width() + 1)
        p.setPen(pen)
        p.drawRect(self.rect().adjusted(1, 1, -2, -2))
        side = round(self._pixmap.deviceIndependentSize().width())
        p.drawPixmap((self.width() - side) // 2, 2, self._pixmap)
        p.setPen(palette.color(QPalette.ColorRole.WindowText))
        line = self.fontMetrics().height()
        top = 3 + side
        if self.hasFocus():  # the focus shows as the caption in the highlight's colours
            p.fillRect(3, top, self.width() - 6, len(self._caption) * line, palette.color(QPalette.ColorRole.Highlight))
            p.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        for row, text in enumerate(self._caption):
            p.drawText(0, top + row * line, self.width(), line, Qt.AlignmentFlag.AlignCenter, text)
        p.end()


class DigitGrid(QScrollArea):
    """Every cell a grid can need, built once (shuffling and filtering only refill them), laid out
    ``columns`` × ``columns``. ``clicked(index)`` when a cell is clicked; ``images_resized`` when the
    pane's size gave the images another size (the cells then need their pixmaps again)."""

    clicked = Signal(int)
    images_resized = Signal()

    def __init__(self, columns: int = DEFAULT_GRID_SIZE, parent=None):
        super().__init__(parent)
        self.cells = [DigitCell() for _ in range(max(GRID_SIZES) ** 2)]
        for cell in self.cells:
            cell.clicked.connect(self.clicked)
            cell.navigate = self._navigate
        page = QWidget()
        self._layout = QGridLayout(page)
        self._layout.setSpacing(3)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidgetResizable(True)
        self.setWidget(page)
        self.setAccessibleName(self.tr("Digit grid"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its cells take the focus (and scroll it along)
        self.setAccessibleDescription(self.tr("Arrow keys move between the images, Enter shows one's details"))
        self._columns = columns
        self._image_size = MIN_IMAGE_SIZE
        self._data = None
        self._dataset_key = 0
        self._predictions = None
        self._drawings = False

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit_cells()

    accessible_role = QAccessible.Role.List

    def accessible_value(self) -> str:
        return self.tr("%n image(s)", "", sum(not cell.isHidden() for cell in self.cells))

    def _navigate(self, cell: DigitCell, key) -> bool:
        """Arrow keys, Home and End move the focus between the shown cells (Enter opens one)."""
        shown = [c for c in self.cells if not c.isHidden()]
        if cell not in shown:
            return False
        target = accessibility.grid_step(key, shown.index(cell), len(shown), self._columns)
        if target is None:
            return key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)  # at an edge: stay
        self._rove(shown[target])
        shown[target].setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(shown[target])
        return True

    def _rove(self, current: DigitCell) -> None:
        """One Tab stop for the whole grid: the cell last moved to (the arrows reach the others)."""
        for cell in self.cells:
            cell.setFocusPolicy(Qt.FocusPolicy.StrongFocus if cell is current else Qt.FocusPolicy.ClickFocus)

    def set_columns(self, columns: int) -> None:
        self._columns = columns
        for position, cell in enumerate(self.cells):
            self._layout.addWidget(cell, *divmod(position, columns))  # re-adding moves it
        self.fit_cells(force=True)

    def image_size(self) -> int:
        """The side of each grid image now, in px."""
        return self._image_size

    def fitting_image_size(self) -> int:
        """The largest crisp size (a multiple of 28 device pixels; at least MIN_IMAGE_SIZE) at which
        the whole grid fits the pane without scrolling."""
        n = self._columns
        room = self.maximumViewportSize()  # as if no scroll bar: no fit-unfit-fit loop
        layout = self._layout
        margins = layout.contentsMargins()
        width = room.width() - margins.left() - margins.right() - (n - 1) * layout.spacing()
        height = room.height() - margins.top() - margins.bottom() - (n - 1) * layout.spacing()
        best = MIN_IMAGE_SIZE
        for size in crisp_sizes(MIN_IMAGE_SIZE, MAX_IMAGE_SIZE, self.devicePixelRatioF()):
            cell = DigitCell.size_for(size, self.cells[0].fontMetrics())
            if n * cell.width() > width or n * cell.height() > height:
                break
            best = size
        return best

    @Slot()
    def fit_cells(self, force: bool = False) -> None:
        size = self.fitting_image_size()
        if size == self._image_size and not force:
            return
        self._image_size = size
        for cell in self.cells:
            cell.set_image_size(size)
        self.images_resized.emit()

    def set_data(self, data, drawings: bool = False) -> None:
        """The images cells are filled from (``x_test``, ``y_test``); captions say "Drawing n" if ``drawings``."""
        self._data, self._drawings = data, drawings
        self._dataset_key = next(_dataset_generations)

    def set_predictions(self, predictions) -> None:
        """Predictions (core.metrics.Predictions) for every image of the data, or None."""
        self._predictions = predictions

    def fill(self, indices, selected: int | None) -> None:
        """Show exactly these images in reading order, ``selected`` highlighted; hide the other cells."""
        image_size = self._image_size
        for position, cell in enumerate(self.cells):
            if position < len(indices):
                index = int(indices[position])
                self._fill_cell(cell, index, image_size)
                cell.set_selected(index == selected)
                cell.show()
            else:
                cell.hide()
        stops = [c for c in self.cells if c.focusPolicy() == Qt.FocusPolicy.StrongFocus]
        if len(stops) != 1 or stops[0].isHidden():
            self._rove(self.cells[0])  # the grid's one Tab stop is on a shown cell

    def select(self, index: int | None, shown: int) -> None:
        """Highlight image ``index`` among the first ``shown`` cells."""
        for cell in self.cells[:shown]:
            cell.set_selected(cell.index == index)

    def _fill_cell(self, cell: DigitCell, index: int, image_size: int):
        true_label = int(self._data.y_test[index])
        p = self._predictions
        title = self.tr("Drawing {v0}").format(v0=index + 1) if self._drawings else None
        if p is None:
            cell.set_image(index, self._digit_pixmap(index, image_size), true_label, title=title)
        else:
            cell.set_image(index, self._digit_pixmap(index, image_size), true_label,
                           int(p.labels[index]), float(p.confidence[index]), title=title)

    def _digit_pixmap(self, index: int, size: int) -> QPixmap:
        ratio = self.devicePixelRatioF()
        key = f"mnist-gallery/{self._dataset_key}/{index}/{size}@{ratio}"
        pixmap = QPixmapCache.find(key)
        if pixmap is None:
            pixmap = digit_pixmap(self._data.x_test[index], size, ratio)
            QPixmapCache.insert(key, pixmap)
        return pixmap


def page_buttons() -> tuple[QToolButton, QToolButton]:
    """◀ and ▶ (Alt+Left, Alt+Right) for paging through a selection larger than the grid."""
    buttons = []
    for text, tip, name, key in (
            ("◀", translate("digit_grid", "The previous page of this selection ({key})"),
             translate("DigitGrid", "Previous page"), "Alt+Left"),
            ("▶", translate("digit_grid", "The next page of this selection ({key})"),
             translate("DigitGrid", "Next page"), "Alt+Right")):
        button = QToolButton(text=text, autoRaise=False)
        button.setToolTip(tip.format(key=key))
        button.setShortcut(QKeySequence(key))
        button.setAccessibleName(name)
        buttons.append(button)
    return buttons[0], buttons[1]
