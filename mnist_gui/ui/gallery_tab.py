"""Gallery tab: random test images with true and predicted labels, filters, a detail view and a
confusion matrix over the whole test set.

The tab never predicts. The service predicts all 10,000 test images in one batched call per model
version on its model thread and sends ``test_predictions_ready``; everything here is numpy on those
predictions plus Qt drawing, so the tab imports neither TensorFlow nor matplotlib.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import (QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette, QPen, QPixmap,
                           QPixmapCache, QShortcut)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QHeaderView,
    QSplitter,
    QStyle,
    QToolButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.metrics import (
    N_CLASSES,
    Predictions,
    confusion_matrix,
    overall_accuracy,
    per_class_accuracy,
    select_indices,
)
from .widgets import DigitView, ProbabilityBars, crisp_sizes, digit_pixmap

GRID_SIZES = (4, 5, 8)
DEFAULT_GRID_SIZE = 5
# Grid images are whole multiples of 28 device pixels, so every MNIST pixel stays a crisp square:
# the largest that lets the whole grid fit its pane, and never smaller than this (it scrolls then).
MIN_IMAGE_SIZE = 56
MAX_IMAGE_SIZE = 28 * 10
DETAIL_IMAGE_SIZES = (112, 224)  # smallest and largest side of the selected image
WIDEST_CAPTION = "✗ pred 8 100%"  # cells are at least this wide, whatever the image size
SHUFFLE_KEY = "Ctrl+R"
RIGHT_COLOUR = QColor(40, 140, 70)
WRONG_COLOUR = QColor(200, 50, 40)
ACCURACY_COLUMN = N_CLASSES

TEST, DRAWINGS = "test", "drawings"   # the grid's sources
SOURCE_TITLES = {TEST: "MNIST test set", DRAWINGS: "My drawings"}

SMALLEST_TABLE_FONT = 0.65  # of the normal size: how far the confusion matrix shrinks before it elides


class ConfusionTable(QTableWidget):
    """The 10×10 counts and a per-class accuracy column, every number fully shown in its pane.

    Columns get the width their texts need; when the pane is narrower or lower than the table at
    the normal font, the font shrinks (to SMALLEST_TABLE_FONT of it) rather than eliding. Spare
    room is shared out among the columns and rows. Sizes are worked out on a resize and when the
    widest text changes, not on every update of the counts.
    """

    def __init__(self, parent=None):
        super().__init__(N_CLASSES, N_CLASSES + 1, parent)
        self._base_font = QFont(self.font())
        self._fitted_for = None  # (size, widest texts) the current font and sections were fitted to
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _fonts(self):
        """Candidate fonts, largest first."""
        base = self._base_font.pointSizeF()
        size = base
        while size >= base * SMALLEST_TABLE_FONT - 1e-6:
            font = QFont(self._base_font)
            font.setPointSizeF(size)
            yield font
            size -= 0.5

    def _texts(self):
        columns = [[self.horizontalHeaderItem(c).text()] for c in range(self.columnCount())]
        for row, column in itertools.product(range(self.rowCount()), range(self.columnCount())):
            item = self.item(row, column)
            if item is not None:
                columns[column].append(item.text())
        rows = [self.verticalHeaderItem(r).text() for r in range(self.rowCount())]
        return columns, rows

    def _needs(self, font: QFont, columns, rows):
        """Column widths, row height, vertical header width and horizontal header height that show
        every text whole at ``font``."""
        metrics = QFontMetrics(font)
        style = self.style()
        item_margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 2
        header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self) + 4
        widths = [max(metrics.horizontalAdvance(t) for t in texts) + item_margin for texts in columns]
        widths[0] = max(widths[0], metrics.horizontalAdvance(columns[0][0]) + header_margin)
        row_height = metrics.height() + 4
        side = max(metrics.horizontalAdvance(t) for t in rows) + header_margin
        top = metrics.height() + header_margin
        return widths, row_height, side, top

    def minimumSizeHint(self) -> QSize:
        font = list(self._fonts())[-1]
        widths, row_height, side, top = self._needs(font, *self._texts())
        frame = 2 * self.frameWidth()
        return QSize(side + sum(widths) + frame, top + self.rowCount() * row_height + frame)

    def sizeHint(self) -> QSize:
        widths, row_height, side, top = self._needs(self._base_font, *self._texts())
        frame = 2 * self.frameWidth()
        return QSize(side + sum(widths) + frame, top + self.rowCount() * (row_height + 4) + frame)

    def texts_changed(self) -> None:
        """Call after setting the items' texts: refits only if a column's widest text changed."""
        if self._fitted_for is not None and self._fitted_for[1] != self._widest():
            self.fit()

    def _widest(self):
        columns, _ = self._texts()
        return tuple(max(len(t) for t in texts) for texts in columns)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """The largest font at which the whole table fits, sections sized to share the room."""
        columns, rows = self._texts()
        frame = 2 * self.frameWidth()
        width, height = self.width() - frame, self.height() - frame
        for font in self._fonts():
            widths, row_height, side, top = self._needs(font, columns, rows)
            if side + sum(widths) <= width and top + self.rowCount() * row_height <= height:
                break
        self._fitted_for = (self.size(), self._widest())
        if font != self.font():
            self.setFont(font)
            self.horizontalHeader().setFont(font)
            self.verticalHeader().setFont(font)
        self.verticalHeader().setFixedWidth(side)
        self.horizontalHeader().setFixedHeight(top)
        spare = max(0, width - side - sum(widths))
        for column, w in enumerate(widths):
            self.setColumnWidth(column, w + spare // len(widths) + (column < spare % len(widths)))
        spare = max(0, height - top - self.rowCount() * row_height)
        for row in range(self.rowCount()):
            self.setRowHeight(row, row_height + spare // self.rowCount() + (row < spare % self.rowCount()))


@dataclass(frozen=True)
class DrawingsSet:
    """My drawings in the shape the grid reads (``x_test``, ``y_test``), with their ids and dates."""

    x_test: np.ndarray
    y_test: np.ndarray
    ids: tuple
    dates: tuple

    @classmethod
    def of(cls, store) -> "DrawingsSet":
        drawings = store.drawings()
        x, y = store.arrays()
        return cls(x, y, tuple(d.id for d in drawings), tuple(d.date for d in drawings))


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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        caption_font = self.font()
        caption_font.setPointSizeF(caption_font.pointSizeF() * 0.9)  # lets eight cells fit a row
        self.setFont(caption_font)

    @staticmethod
    def size_for(image_size: int, metrics: QFontMetrics) -> QSize:
        """The cell's size for an image of ``image_size`` px and two caption lines."""
        width = max(image_size, metrics.horizontalAdvance(WIDEST_CAPTION) + 6) + 8
        return QSize(width, image_size + 5 + 2 * metrics.height())

    def set_image_size(self, size: int) -> None:
        self.setFixedSize(self.size_for(size, self.fontMetrics()))

    def set_image(self, index: int, pixmap: QPixmap, true_label: int,
                  predicted: int | None = None, confidence: float | None = None, title: str | None = None) -> None:
        caption = [f"true {true_label}"]
        description = f"{title or f'Test image #{index}'}: true {true_label}"
        right = None
        if predicted is not None:
            right = predicted == true_label
            mark = "✓" if right else "✗"
            caption.append(f"{mark} pred {predicted} {confidence:.0%}")
            verdict = "right" if right else "wrong"
            description += f", predicted {predicted} ({confidence:.1%}), {verdict}"
        self.setToolTip(description + ". Click for details.")
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

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.index)
        else:
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
            pen = QPen(RIGHT_COLOUR, 2)
        else:
            pen = QPen(WRONG_COLOUR, 3, Qt.PenStyle.DashLine)
        if self.hasFocus():
            pen.setWidth(pen.width() + 1)
        p.setPen(pen)
        p.drawRect(self.rect().adjusted(1, 1, -2, -2))
        side = round(self._pixmap.deviceIndependentSize().width())
        p.drawPixmap((self.width() - side) // 2, 2, self._pixmap)
        p.setPen(palette.color(QPalette.ColorRole.WindowText))
        line = self.fontMetrics().height()
        top = 3 + side
        for row, text in enumerate(self._caption):
            p.drawText(0, top + row * line, self.width(), line, Qt.AlignmentFlag.AlignCenter, text)
        p.end()


class _GridScroll(QScrollArea):
    """The grid's pane; says when its size changes, so the cells can scale with it."""

    resized = Signal()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.resized.emit()


class GalleryTab(QWidget):
    """Test images in a grid, filtered by labels and predictions, with details and a confusion matrix."""

    detail_changed = Signal(int)   # the test image shown in the detail (the Inside tab explains it)

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self._service = service
        self._rng = np.random.default_rng()
        self._source = TEST
        self._data = None   # the source's images: the MNIST data (its test set) or a DrawingsSet
        self._dataset_key = 0
        self._data_error: str | None = None
        # Predictions of one model version for the current test set, all (10000,)-shaped.
        self._version: int | None = None
        self._predictions_model_name = ""
        self._predictions: Predictions | None = None
        self._confusion: np.ndarray | None = None
        self._shown = np.empty(0, dtype=np.int64)
        self._order = np.empty(0, dtype=np.int64)  # the selection, in the order its pages show it
        self._page = 0
        self._detail_index: int | None = None
        self._pending_predictions = None  # (version, Predictions, model name) that came while hidden

        self._build_ui()
        service.dataset_ready.connect(self._on_dataset_ready)
        service.dataset_failed.connect(self._on_dataset_failed)
        service.model_changed.connect(self._on_model_changed)
        service.test_predictions_ready.connect(self._on_test_predictions_ready)
        service.drawings_changed.connect(self._on_drawings_changed)
        service.drawing_predictions_ready.connect(self._on_drawing_predictions_ready)
        service.drawings_failed.connect(self._on_drawings_failed)

        # Whatever the service already has (the tab may be built after data or a model arrived).
        if service.data is not None:
            self._take_data(service.data)
            info = service.model_info
            if info is not None and service.test_predictions is not None:
                self._take_predictions(info.version, service.test_predictions)
        else:
            self._take_predictions(None, None)
        self._update_state()

    # ---- layout ---------------------------------------------------------------------------------

    def _build_ui(self):
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.grid_size_combo = QComboBox()
        for n in GRID_SIZES:
            self.grid_size_combo.addItem(f"{n} × {n}", n)
        self.grid_size_combo.setCurrentIndex(GRID_SIZES.index(DEFAULT_GRID_SIZE))
        self.grid_size_combo.setToolTip("How many test images to show at once")
        self.grid_size_combo.currentIndexChanged.connect(self._on_grid_size_changed)

        self.source_combo = QComboBox()
        for key, title in SOURCE_TITLES.items():
            self.source_combo.addItem(title, key)
        self.source_combo.setToolTip("Show the MNIST test images, or the drawings you labelled on the Draw Pad")
        self.source_combo.setAccessibleName("Images")
        self.source_combo.currentIndexChanged.connect(lambda _: self.set_source(self.source_combo.currentData()))

        self.shuffle_button = QPushButton("Shuffle")
        self.shuffle_button.setToolTip(f"Show other random test images ({SHUFFLE_KEY})")
        self.shuffle_button.clicked.connect(self.shuffle)
        QShortcut(QKeySequence(SHUFFLE_KEY), self, activated=self.shuffle)

        self.true_digit_combo = self._digit_combo("Show only images of this true digit")
        self.predicted_digit_combo = self._digit_combo("Show only images the model predicts as this digit")
        self.misclassified_check = QCheckBox("Only misclassified")
        self.misclassified_check.setToolTip("Show only images whose predicted digit is wrong")
        self.misclassified_check.toggled.connect(self._on_filters_changed)

        controls = QHBoxLayout()
        controls.addWidget(self.source_combo)
        controls.addWidget(QLabel("Grid"))
        controls.addWidget(self.grid_size_combo)
        controls.addWidget(self.shuffle_button)
        controls.addSpacing(16)
        controls.addWidget(QLabel("True digit"))
        controls.addWidget(self.true_digit_combo)
        controls.addWidget(QLabel("Predicted digit"))
        controls.addWidget(self.predicted_digit_combo)
        controls.addWidget(self.misclassified_check)
        controls.addStretch(1)

        self.selection_label = QLabel()
        self.reset_button = QPushButton("Show all")
        self.reset_button.setToolTip("Clear the filters and show random images from the whole test set")
        self.reset_button.clicked.connect(lambda: self.set_filters())
        self.previous_page_button = QToolButton(text="◀", autoRaise=False)
        self.previous_page_button.setToolTip("The previous page of this selection (Alt+Left)")
        self.previous_page_button.setShortcut(QKeySequence("Alt+Left"))
        self.previous_page_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_page_button = QToolButton(text="▶", autoRaise=False)
        self.next_page_button.setToolTip("The next page of this selection (Alt+Right)")
        self.next_page_button.setShortcut(QKeySequence("Alt+Right"))
        self.next_page_button.clicked.connect(lambda: self.show_page(self._page + 1))
        selection_row = QHBoxLayout()
        selection_row.addWidget(self.previous_page_button)
        selection_row.addWidget(self.next_page_button)
        selection_row.addWidget(self.selection_label)
        selection_row.addWidget(self.reset_button)
        selection_row.addStretch(1)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Add drawings from an .npz with x and y (Keras MNIST layout)")
        self.import_button.clicked.connect(self._ask_import)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Save My drawings as one .npz with x and y (Keras MNIST layout)")
        self.export_button.clicked.connect(self._ask_export)
        for button in (self.import_button, self.export_button):
            selection_row.addWidget(button)
            button.hide()

        # Every cell a grid can need is built once; shuffling and filtering only refill them.
        self._cells = [DigitCell() for _ in range(max(GRID_SIZES) ** 2)]
        for cell in self._cells:
            cell.clicked.connect(self.show_detail)
        grid_page = QWidget()
        self._grid_layout = QGridLayout(grid_page)
        self._grid_layout.setSpacing(3)
        self._grid_layout.setContentsMargins(2, 2, 2, 2)
        self._grid_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.grid_scroll = _GridScroll()
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setWidget(grid_page)
        self.grid_scroll.resized.connect(self._fit_cells)
        self._image_size = MIN_IMAGE_SIZE
        self._arrange_cells()

        right_panel = QSplitter(Qt.Orientation.Vertical, objectName="gallery_detail_confusion")
        right_panel.addWidget(self._build_detail())
        right_panel.addWidget(self._build_confusion())
        right_panel.setChildrenCollapsible(False)
        right_panel.setStretchFactor(0, 1)
        right_panel.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="gallery_grid_panels")
        splitter.addWidget(self.grid_scroll)
        splitter.addWidget(right_panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(controls)
        layout.addLayout(selection_row)
        layout.addWidget(splitter, 1)

    def _digit_combo(self, tooltip: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem("any", None)
        for digit in range(N_CLASSES):
            combo.addItem(str(digit), digit)
        combo.setToolTip(tooltip)
        combo.currentIndexChanged.connect(self._on_filters_changed)
        return combo

    def _build_detail(self) -> QGroupBox:
        box = QGroupBox("Selected image")
        self.detail_image = DigitView(largest=DETAIL_IMAGE_SIZES[1], smallest=DETAIL_IMAGE_SIZES[0])
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setMinimumWidth(1)
        self.detail_verdict = QLabel()
        self.detail_verdict.setWordWrap(True)
        self.detail_verdict.setMinimumWidth(1)
        # Its two lines at a narrow width are part of the panel's minimum: the bars keep their rows.
        self.detail_verdict.setMinimumHeight(2 * self.detail_verdict.fontMetrics().height())
        self.detail_bars = ProbabilityBars()
        self.delete_button = QPushButton("Delete drawing")
        self.delete_button.setToolTip("Take this drawing out of My drawings")
        self.delete_button.clicked.connect(self._delete_shown_drawing)
        self.delete_button.hide()
        text_column = QVBoxLayout()
        text_column.setSpacing(2)
        text_column.addWidget(self.detail_title)
        text_column.addWidget(self.detail_verdict)
        text_column.addWidget(self.detail_bars, 1)
        text_column.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(box)
        layout.addWidget(self.detail_image, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text_column, 1)
        self._clear_detail()
        return box

    def _build_confusion(self) -> QGroupBox:
        box = QGroupBox("Confusion matrix (whole test set)")
        self.confusion_box = box
        self.accuracy_label = QLabel()
        self.accuracy_label.setWordWrap(True)
        self.accuracy_label.setMinimumWidth(1)
        hint = QLabel("Rows: true digit · columns: predicted · click a cell for its images")
        hint.setWordWrap(True)
        hint.setMinimumWidth(1)  # wraps to the pane, never widens it
        table = ConfusionTable()
        table.setHorizontalHeaderLabels([str(d) for d in range(N_CLASSES)] + ["acc."])
        table.setVerticalHeaderLabels([str(d) for d in range(N_CLASSES)])
        table.horizontalHeaderItem(ACCURACY_COLUMN).setToolTip("Accuracy on each true digit")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for true_digit, column in itertools.product(range(N_CLASSES), range(N_CLASSES + 1)):
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(true_digit, column, item)
        table.cellClicked.connect(self._on_confusion_cell_clicked)
        table.cellActivated.connect(self._on_confusion_cell_clicked)  # Enter on a focused cell
        self.confusion_table = table
        layout = QVBoxLayout(box)
        layout.setSpacing(2)
        layout.addWidget(self.accuracy_label)
        layout.addWidget(hint)
        layout.addWidget(table, 1)
        return box

    def _arrange_cells(self):
        columns = self.grid_size()
        for position, cell in enumerate(self._cells):
            self._grid_layout.addWidget(cell, *divmod(position, columns))  # re-adding moves it
        self._fit_cells(force=True)

    def image_size(self) -> int:
        """The side of each grid image now, in px."""
        return self._image_size

    def _fitting_image_size(self) -> int:
        """The largest crisp size (a multiple of 28 device pixels; at least MIN_IMAGE_SIZE) at which
        the whole grid fits the pane without scrolling."""
        n = self.grid_size()
        room = self.grid_scroll.maximumViewportSize()  # as if no scroll bar: no fit-unfit-fit loop
        layout = self._grid_layout
        margins = layout.contentsMargins()
        width = room.width() - margins.left() - margins.right() - (n - 1) * layout.spacing()
        height = room.height() - margins.top() - margins.bottom() - (n - 1) * layout.spacing()
        best = MIN_IMAGE_SIZE
        for size in crisp_sizes(MIN_IMAGE_SIZE, MAX_IMAGE_SIZE, self.devicePixelRatioF()):
            cell = DigitCell.size_for(size, self._cells[0].fontMetrics())
            if n * cell.width() > width or n * cell.height() > height:
                break
            best = size
        return best

    @Slot()
    def _fit_cells(self, force: bool = False):
        size = self._fitting_image_size()
        if size == self._image_size and not force:
            return
        self._image_size = size
        for cell in self._cells:
            cell.set_image_size(size)
        if self._data is not None and len(self._shown):
            self.show_indices(self._shown)  # the pixmaps at the new size

    # ---- the grid ---------------------------------------------------------------------------------

    def grid_size(self) -> int:
        """Images per row (and rows) of the grid."""
        return self.grid_size_combo.currentData()

    def capacity(self) -> int:
        return self.grid_size() ** 2

    def shown_indices(self) -> list[int]:
        """Test indices of the images in the grid, in reading order."""
        return self._shown.tolist()

    def cell_widget(self, position: int) -> DigitCell:
        return self._cells[position]

    def cell_texts(self) -> list[str]:
        """The captions of the shown cells, in reading order."""
        return [cell.text() for cell in self._cells[:len(self._shown)]]

    def show_indices(self, indices, keep_detail: bool = False) -> None:
        """Show exactly these test images, in this order (at most one grid's worth).

        The selected image stays selected while it is shown; when it is not (a filter or a new page
        left it out), the first image shown is selected instead, unless ``keep_detail`` (the same
        images with new predictions: an image opened from elsewhere, e.g. the Inside tab's map, stays)."""
        indices = np.asarray(indices, dtype=np.int64).reshape(-1)
        if len(indices) > self.capacity():
            raise ValueError(f"{len(indices)} images do not fit a {self.grid_size()}² grid")
        if self._data is None and len(indices):
            raise ValueError("there is no test data to show yet")
        self._shown = indices
        image_size = self._image_size
        for position, cell in enumerate(self._cells):
            if position < len(indices):
                index = int(indices[position])
                self._fill_cell(cell, index, image_size)
                cell.set_selected(index == self._detail_index)
                cell.show()
            else:
                cell.hide()
        if len(indices) == 0:
            if self._detail_index is not None:
                self._clear_detail()
        elif self._detail_index not in indices and not (keep_detail and self._detail_index is not None):
            self.show_detail(int(indices[0]))

    def _fill_cell(self, cell: DigitCell, index: int, image_size: int):
        true_label = int(self._data.y_test[index])
        p = self._predictions
        title = f"Drawing {index + 1}" if self._source == DRAWINGS else None
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

    @Slot()
    def shuffle(self) -> None:
        """Other random images from the current selection: a new order, from its first page."""
        self._refill(keep_shown=False)

    def _refill(self, keep_shown: bool) -> None:
        """Page through the selection in a random order, from the first page.

        With ``keep_shown`` the images already in the grid that still match stay first, so a new
        epoch's predictions or a bigger grid do not throw away what the user is looking at; if the
        selection itself did not change, the grid and its page stay as they are.
        """
        selection = self.selection_indices()
        if keep_shown and len(selection) == len(self._order) and np.array_equal(np.sort(self._order), selection):
            self.show_indices(self._shown, keep_detail=True)  # the same images, with their new predictions
            self._update_paging()
            return
        kept = self._shown[np.isin(self._shown, selection)] if keep_shown else self._shown[:0]
        others = np.setdiff1d(selection, kept, assume_unique=True)
        self._order = np.concatenate([kept, self._rng.permutation(others)]).astype(np.int64)
        self.show_page(0)

    def page_count(self) -> int:
        return max(1, -(-len(self._order) // self.capacity()))

    def page(self) -> int:
        """The page shown, from 0."""
        return self._page

    @Slot(int)
    def show_page(self, page: int) -> None:
        """The ``page``-th grid's worth of the selection (clamped to the pages there are)."""
        self._page = min(max(0, page), self.page_count() - 1)
        capacity = self.capacity()
        self.show_indices(self._order[self._page * capacity:(self._page + 1) * capacity])
        self._update_paging()

    def _update_paging(self):
        many = len(self._order) > self.capacity()
        self.shuffle_button.setEnabled(many)
        for button in (self.previous_page_button, self.next_page_button):
            button.setVisible(many)
        self.previous_page_button.setEnabled(self._page > 0)
        self.next_page_button.setEnabled(self._page < self.page_count() - 1)
        self._describe_selection(len(self._order))

    @Slot()
    def _on_grid_size_changed(self):
        self._arrange_cells()
        self._order = self._order[:0]  # pages of the new size, keeping what is shown first
        self._refill(keep_shown=True)

    # ---- filters ----------------------------------------------------------------------------------

    def filters(self) -> dict:
        return dict(true_digit=self.true_digit_combo.currentData(),
                    predicted_digit=self.predicted_digit_combo.currentData(),
                    misclassified=self.misclassified_check.isChecked())

    def set_filters(self, true_digit: int | None = None, predicted_digit: int | None = None,
                    misclassified: bool = False) -> None:
        """Select the images to show; filters on predictions need a model's predictions."""
        if self._predictions is None and (predicted_digit is not None or misclassified):
            raise ValueError("filtering on predictions needs a model's predictions")
        controls = (self.true_digit_combo, self.predicted_digit_combo, self.misclassified_check)
        for control in controls:
            control.blockSignals(True)  # one refill below, not one per control
        self.true_digit_combo.setCurrentIndex(0 if true_digit is None else true_digit + 1)
        self.predicted_digit_combo.setCurrentIndex(0 if predicted_digit is None else predicted_digit + 1)
        self.misclassified_check.setChecked(misclassified)
        for control in controls:
            control.blockSignals(False)
        self._refill(keep_shown=False)

    def selection_indices(self) -> np.ndarray:
        """All test indices matching the filters, ascending; the grid shows them or a sample of them."""
        if self._data is None:
            return np.empty(0, dtype=np.int64)
        predicted = None if self._predictions is None else self._predictions.labels
        return select_indices(self._data.y_test, predicted, **self.filters())

    @Slot()
    def _on_filters_changed(self):
        self._refill(keep_shown=False)

    def _describe_selection(self, count: int):
        if self._data is None:
            self.selection_label.clear()
            self.reset_button.setEnabled(False)
            return
        f = self.filters()
        conditions = ["misclassified"] if f["misclassified"] else []
        if f["true_digit"] is not None:
            conditions.append(f"true {f['true_digit']}")
        if f["predicted_digit"] is not None:
            conditions.append(f"predicted {f['predicted_digit']}")
        noun = "drawing" if self._source == DRAWINGS else "image"
        if conditions:
            text = f"Showing {' '.join(conditions)}: {count:,} {noun}{'' if count == 1 else 's'}"
        else:
            text = f"All {count:,} {'drawings' if self._source == DRAWINGS else 'test images'}"
        if count > len(self._shown):
            first, last = self._page * self.capacity() + 1, self._page * self.capacity() + len(self._shown)
            shown = f"{first:,}–{last:,}" if last > first else f"{first:,}"
            text += f"; {shown} in random order, page {self._page + 1:,} of {self.page_count():,}"
        self.selection_label.setText(text)
        self.reset_button.setEnabled(bool(conditions))

    # ---- detail -----------------------------------------------------------------------------------

    @Slot(int)
    def show_detail(self, index: int) -> None:
        """The image large, its ten probabilities, predicted against true label, and its index."""
        changed, self._detail_index = index != self._detail_index, index
        if changed and self._source == TEST:  # not when new predictions re-show it (each epoch end)
            self.detail_changed.emit(index)
        for cell in self._cells[:len(self._shown)]:
            cell.set_selected(cell.index == index)
        true_label = int(self._data.y_test[index])
        self.detail_image.set_pixels(self._data.x_test[index])
        if self._source == DRAWINGS:
            self.detail_title.setText(f"Drawing {index + 1} of {len(self._data.y_test)}, "
                                      f"{self._data.dates[index][:10]}")
        else:
            self.detail_title.setText(f"Test image #{index}")
        self.delete_button.setVisible(self._source == DRAWINGS)
        p = self._predictions
        if p is None:
            self.detail_verdict.setText(f"True label {true_label}; no model yet to predict it.")
            self.detail_bars.set_probabilities(None)
        else:
            predicted = int(p.labels[index])
            verdict = "✓ Right" if predicted == true_label else "✗ Wrong"
            self.detail_verdict.setText(f"{verdict}: predicted {predicted} "
                                        f"({p.confidence[index]:.1%}), true {true_label}")
            self.detail_bars.set_probabilities(p.probabilities[index], actual=true_label)

    def detail_index(self) -> int | None:
        return self._detail_index

    def detail_text(self) -> str:
        return f"{self.detail_title.text()}\n{self.detail_verdict.text()}"

    def detail_probabilities(self) -> np.ndarray | None:
        return self.detail_bars.probabilities()

    def _clear_detail(self):
        self._detail_index = None
        self.delete_button.hide()
        self.detail_image.clear()
        self.detail_title.setText("Click an image to see it large, with all ten probabilities.")
        self.detail_verdict.clear()
        self.detail_bars.set_probabilities(None)

    # ---- confusion matrix -------------------------------------------------------------------------

    def confusion_counts(self) -> np.ndarray | None:
        """Counts (true digit, predicted digit) over the whole test set, or None without predictions."""
        return self._confusion

    def _update_confusion(self):
        table, matrix = self.confusion_table, self._confusion
        table.setEnabled(matrix is not None)
        if matrix is None:
            for true_digit, column in itertools.product(range(N_CLASSES), range(N_CLASSES + 1)):
                item = table.item(true_digit, column)
                item.setText("")
                item.setBackground(Qt.BrushStyle.NoBrush)
                item.setToolTip("")
            table.texts_changed()
            self.accuracy_label.setText("Needs a model's predictions.")
            return
        row_totals = matrix.sum(axis=1)
        fractions = matrix / np.maximum(row_totals, 1)[:, None]
        # Errors are a few percent of a row: the square root keeps them visible next to the diagonal.
        shades = np.where(np.eye(N_CLASSES, dtype=bool), fractions, np.sqrt(fractions))
        for true_digit, predicted in itertools.product(range(N_CLASSES), range(N_CLASSES)):
            count = int(matrix[true_digit, predicted])
            item = table.item(true_digit, predicted)
            item.setText(str(count))
            shade = QColor(RIGHT_COLOUR if true_digit == predicted else WRONG_COLOUR)
            shade.setAlphaF(min(0.7, float(shades[true_digit, predicted])))
            item.setBackground(shade)
            item.setToolTip(f"True {true_digit}, predicted {predicted}: {count:,} images "
                            f"({fractions[true_digit, predicted]:.1%} of the {true_digit}s). Click to show them.")
        for true_digit, accuracy in enumerate(per_class_accuracy(matrix)):
            item = table.item(true_digit, ACCURACY_COLUMN)
            item.setText(f"{accuracy:.1%}")
            item.setToolTip(f"{matrix[true_digit, true_digit]:,} of {row_totals[true_digit]:,} "
                            f"{true_digit}s right. Click to show all {true_digit}s.")
        table.texts_changed()
        total = int(matrix.sum())
        noun = "drawings" if self._source == DRAWINGS else "test images"
        self.accuracy_label.setText(f"Overall accuracy {overall_accuracy(matrix):.2%}: "
                                    f"{int(np.trace(matrix)):,} of {total:,} {noun} right.")

    @Slot(int, int)
    def _on_confusion_cell_clicked(self, true_digit: int, column: int):
        if self._confusion is None:
            return
        if column == ACCURACY_COLUMN:
            self.set_filters(true_digit=true_digit)
        else:
            self.set_filters(true_digit=true_digit, predicted_digit=column)

    # ---- service --------------------------------------------------------------------------------

    # ---- source: the MNIST test set or My drawings -----------------------------------------------

    def source(self) -> str:
        return self._source

    def set_source(self, source: str) -> None:
        """Show the MNIST test set (TEST) or My drawings (DRAWINGS): the same grid, filters, detail and matrix."""
        if source not in SOURCE_TITLES:
            raise ValueError(f"unknown source {source!r}")
        with QSignalBlocker(self.source_combo):
            self.source_combo.setCurrentIndex(self.source_combo.findData(source))
        self._source = source
        drawings = source == DRAWINGS
        for button in (self.import_button, self.export_button):
            button.setVisible(drawings)
        self.confusion_box.setTitle("Confusion matrix (My drawings)" if drawings else
                                    "Confusion matrix (whole test set)")
        self._pending_predictions = None
        with QSignalBlocker(self.true_digit_combo):  # another set: its filters start afresh
            self.true_digit_combo.setCurrentIndex(0)
        self._reset_prediction_filters()
        info = self._service.model_info
        if drawings:
            self._take_data(DrawingsSet.of(self._service.drawings))
            p = self._service.drawing_predictions
            if info is not None and p is not None and len(p) == len(self._data.y_test):
                self._take_predictions(info.version, p)
        elif self._service.data is not None:
            self._take_data(self._service.data)
            if info is not None and self._service.test_predictions is not None:
                self._take_predictions(info.version, self._service.test_predictions)
        else:
            self._take_data(None)
        self._update_state()

    def show_test_image(self, index: int) -> None:
        """A test image in the detail (from another tab): the test set is shown if it was not."""
        if self._source != TEST:
            self.set_source(TEST)
        self.show_detail(index)

    @Slot()
    def _on_drawings_changed(self):
        if self._source == DRAWINGS:
            detail = self._detail_index
            self._take_data(DrawingsSet.of(self._service.drawings))
            if detail is not None and len(self._data.y_test):  # after a delete: the next one
                self.show_detail(min(detail, len(self._data.y_test) - 1))
            self._update_state()

    @Slot(int, object)
    def _on_drawing_predictions_ready(self, version, predictions):
        if self._source != DRAWINGS or self._data is None or len(predictions) != len(self._data.y_test):
            return
        self._take_predictions(version, predictions)
        self._update_state()

    @Slot(str)
    def _on_drawings_failed(self, message):
        if self._source == DRAWINGS:
            self.state_label.setText(f"⚠ {message}")

    def _delete_shown_drawing(self):
        if self._source == DRAWINGS and self._detail_index is not None:
            self._service.delete_drawing(self._data.ids[self._detail_index])

    def _ask_import(self):
        path, _ = QFileDialog.getOpenFileName(self, "Import drawings", str(Path.home()), "NumPy archive (*.npz)")
        if path:
            count = self._service.import_drawings(path)
            if count is not None:
                self.state_label.setText(f"Imported {count} drawings from {Path(path).name}.")

    def _ask_export(self):
        path, _ = QFileDialog.getSaveFileName(self, "Export drawings", str(Path.home() / "my_drawings.npz"),
                                              "NumPy archive (*.npz)")
        if path:
            count = self._service.export_drawings(path)
            if count is not None:
                self.state_label.setText(f"Exported {count} drawings to {path}.")

    def _take_data(self, data):
        self._data = data
        self._pending_predictions = None
        self._dataset_key = next(_dataset_generations)
        self._data_error = None
        self._shown = self._shown[:0]
        self._order = self._order[:0]
        self._clear_detail()
        self._take_predictions(None, None)  # the service predicts the new test set afresh

    def _take_predictions(self, version: int | None, predictions: Predictions | None,
                          model_name: str | None = None):
        self._version = version
        self._predictions = predictions
        if predictions is None:
            self._confusion = None
            self._predictions_model_name = ""
            self._reset_prediction_filters()
        else:
            self._confusion = confusion_matrix(self._data.y_test, predictions.labels)
            self._predictions_model_name = model_name or self._service.model_info.name
        for control in (self.predicted_digit_combo, self.misclassified_check):
            control.setEnabled(predictions is not None)
        self._update_confusion()
        self._refill(keep_shown=True)
        if self._detail_index is not None:
            self.show_detail(self._detail_index)

    def _reset_prediction_filters(self):
        for control in (self.predicted_digit_combo, self.misclassified_check):
            control.blockSignals(True)  # the caller refills once
        self.predicted_digit_combo.setCurrentIndex(0)
        self.misclassified_check.setChecked(False)
        for control in (self.predicted_digit_combo, self.misclassified_check):
            control.blockSignals(False)

    @Slot(object)
    def _on_dataset_ready(self, _info):
        if self._source == TEST:  # else taken when the test set is shown again
            self._take_data(self._service.data)
            self._update_state()

    @Slot(str)
    def _on_dataset_failed(self, message: str):
        if self._data is None:  # otherwise the data already loaded stays in use
            self._data_error = message
            self._update_state()

    @Slot(int, object)
    def _on_test_predictions_ready(self, version: int, predictions: Predictions):
        info = self._service.model_info
        if info is None or version != info.version or self._data is None or self._source != TEST:
            return  # an older model's answer, overtaken by a newer one (or the drawings are shown)
        if len(predictions) != len(self._data.y_test):
            return  # for a test set that has since been replaced
        if not self.isVisible():
            # While training on another tab this comes every epoch: take only the newest, when shown.
            self._pending_predictions = (version, predictions, info.name)
            return
        self._take_predictions(version, predictions)
        self._update_state()

    def showEvent(self, event):
        super().showEvent(event)
        pending, self._pending_predictions = self._pending_predictions, None
        if pending is not None:  # for the current test set: a new one drops it (_take_data)
            self._take_predictions(*pending)
            self._update_state()

    @Slot(object)
    def _on_model_changed(self, _info):
        self._update_state()  # the predictions follow with test_predictions_ready

    def _drawings_state(self, info) -> str:
        n = len(self._data.y_test)
        if not n:
            return ("My drawings: none yet. Draw digits on the Draw Pad and label them (0-9 keys, Enter keeps "
                    "the model's reading); they are kept and shown here.")
        text = f"My drawings ({n}, kept in {self._service.drawings.folder})"
        if info is None:
            return text + ": no model yet to read them."
        if self._predictions is None:
            return text + f": reading them with {info.name}…"
        right = int(np.sum(self._predictions.labels == self._data.y_test))
        return text + f": {info.name} reads {right} of {n} right ({right / n:.1%})"

    def _update_state(self):
        """One line saying what the grid can show right now, and why not more."""
        info = self._service.model_info
        controls_usable = self._data is not None
        for control in (self.grid_size_combo, self.true_digit_combo):
            control.setEnabled(controls_usable)
        if self._source == DRAWINGS:
            self.state_label.setText(self._drawings_state(info))
            return
        if self._data is None and self._data_error:
            text = f"⚠ The MNIST data is not available.\n{self._data_error}"
        elif self._data is None:
            text = "Loading the MNIST test images…"
        elif info is None:
            text = ("No model yet: the images show their true labels only. "
                    "Train a model or open a model file to see its predictions.")
        elif self._version is None:
            text = f"Predicting the {len(self._data.y_test):,} test images with {info.name}…"
        elif self._version != info.version and not (info.training and info.name == self._predictions_model_name):
            text = f"Predictions of {self._predictions_model_name}; updating for {info.name}…"
        else:
            # While training, each epoch's predictions follow its model within a moment: the line
            # stays as it is meanwhile (a line that changes length can change the whole tab's layout).
            text = f"Predictions of {info.name}"
            if info.test_accuracy is not None:
                text += f": {info.test_accuracy:.2%} of the test images right"
                if info.drawn_accuracy is not None:
                    text += f", {info.drawn_accuracy:.2%} of mouse-style drawings"
            if info.training:
                text += " (training: refreshed at every epoch end)"
        self.state_label.setText(text)
