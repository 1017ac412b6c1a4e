"""Gallery tab: random test images with true and predicted labels, filters, a detail view and a
confusion matrix over the whole test set.

The tab never predicts. The service predicts all 10,000 test images in one batched call per model
version on its model thread and sends ``test_predictions_ready``; everything here is numpy on those
predictions plus Qt drawing, so the tab imports neither TensorFlow nor matplotlib.
"""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QPen, QPixmap, QPixmapCache, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QHeaderView,
    QSplitter,
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
from .widgets import ProbabilityBars, digit_pixmap

GRID_SIZES = (4, 5, 8)
DEFAULT_GRID_SIZE = 5
# Whole multiples of 28, so every MNIST pixel stays a crisp square.
IMAGE_SIZE_FOR_GRID = {4: 112, 5: 84, 8: 56}
DETAIL_IMAGE_SIZE = 224
WIDEST_CAPTION = "✗ pred 8 100%"  # cells are at least this wide, whatever the image size
SHUFFLE_KEY = "Ctrl+R"
RIGHT_COLOUR = QColor(40, 140, 70)
WRONG_COLOUR = QColor(200, 50, 40)
ACCURACY_COLUMN = N_CLASSES

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

    def set_image_size(self, size: int) -> None:
        metrics = self.fontMetrics()
        width = max(size, metrics.horizontalAdvance(WIDEST_CAPTION) + 6) + 8
        self.setFixedSize(QSize(width, size + 10 + 2 * metrics.height()))

    def set_image(self, index: int, pixmap: QPixmap, true_label: int,
                  predicted: int | None = None, confidence: float | None = None) -> None:
        caption = [f"true {true_label}"]
        description = f"Test image #{index}: true {true_label}"
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
        p.drawPixmap((self.width() - self._pixmap.width()) // 2, 5, self._pixmap)
        p.setPen(palette.color(QPalette.ColorRole.WindowText))
        line = self.fontMetrics().height()
        top = 7 + self._pixmap.height()
        for row, text in enumerate(self._caption):
            p.drawText(0, top + row * line, self.width(), line, Qt.AlignmentFlag.AlignCenter, text)
        p.end()


class GalleryTab(QWidget):
    """Test images in a grid, filtered by labels and predictions, with details and a confusion matrix."""

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self._service = service
        self._rng = np.random.default_rng()
        self._data = None
        self._dataset_key = 0
        self._data_error: str | None = None
        # Predictions of one model version for the current test set, all (10000,)-shaped.
        self._version: int | None = None
        self._predictions_model_name = ""
        self._predictions: Predictions | None = None
        self._confusion: np.ndarray | None = None
        self._shown = np.empty(0, dtype=np.int64)
        self._detail_index: int | None = None
        self._pending_predictions = None  # (version, Predictions, model name) that came while hidden

        self._build_ui()
        service.dataset_ready.connect(self._on_dataset_ready)
        service.dataset_failed.connect(self._on_dataset_failed)
        service.model_changed.connect(self._on_model_changed)
        service.test_predictions_ready.connect(self._on_test_predictions_ready)

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
        selection_row = QHBoxLayout()
        selection_row.addWidget(self.selection_label)
        selection_row.addWidget(self.reset_button)
        selection_row.addStretch(1)

        # Every cell a grid can need is built once; shuffling and filtering only refill them.
        self._cells = [DigitCell() for _ in range(max(GRID_SIZES) ** 2)]
        for cell in self._cells:
            cell.clicked.connect(self.show_detail)
        grid_page = QWidget()
        self._grid_layout = QGridLayout(grid_page)
        self._grid_layout.setSpacing(4)
        self._grid_layout.setContentsMargins(4, 4, 4, 4)
        self._grid_layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._arrange_cells()
        grid_scroll = QScrollArea()
        grid_scroll.setWidgetResizable(True)
        grid_scroll.setWidget(grid_page)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(grid_scroll)
        right_panel = QWidget()
        right_layout = QVBoxLayout(right_panel)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._build_detail())
        right_layout.addWidget(self._build_confusion())
        splitter.addWidget(right_panel)
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
        self.detail_image = QLabel()
        self.detail_image.setFixedSize(DETAIL_IMAGE_SIZE, DETAIL_IMAGE_SIZE)
        self.detail_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_image.setFrameShape(QLabel.Shape.StyledPanel)
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_verdict = QLabel()
        self.detail_verdict.setWordWrap(True)
        self.detail_bars = ProbabilityBars()
        text_column = QVBoxLayout()
        text_column.addWidget(self.detail_title)
        text_column.addWidget(self.detail_verdict)
        text_column.addWidget(self.detail_bars, 1)
        layout = QHBoxLayout(box)
        layout.addWidget(self.detail_image, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text_column, 1)
        self._clear_detail()
        return box

    def _build_confusion(self) -> QGroupBox:
        box = QGroupBox("Confusion matrix (whole test set)")
        self.accuracy_label = QLabel()
        self.accuracy_label.setWordWrap(True)
        hint = QLabel("Rows: true digit · columns: predicted digit · click a cell to show its images")
        hint.setWordWrap(True)
        table = QTableWidget(N_CLASSES, N_CLASSES + 1)
        table.setHorizontalHeaderLabels([str(d) for d in range(N_CLASSES)] + ["acc."])
        table.setVerticalHeaderLabels([str(d) for d in range(N_CLASSES)])
        table.horizontalHeaderItem(ACCURACY_COLUMN).setToolTip("Accuracy on each true digit")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        metrics = table.fontMetrics()
        table.horizontalHeader().setDefaultSectionSize(metrics.horizontalAdvance("0000") + 10)
        table.setColumnWidth(ACCURACY_COLUMN, metrics.horizontalAdvance("100.0%") + 12)
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        for true_digit, column in itertools.product(range(N_CLASSES), range(N_CLASSES + 1)):
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(true_digit, column, item)
        table.cellClicked.connect(self._on_confusion_cell_clicked)
        table.cellActivated.connect(self._on_confusion_cell_clicked)  # Enter on a focused cell
        # The whole matrix always in view: columns share the width, rows never scroll.
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                               + N_CLASSES * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth())
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.confusion_table = table
        layout = QVBoxLayout(box)
        layout.addWidget(self.accuracy_label)
        layout.addWidget(hint)
        layout.addWidget(table, 1)
        return box

    def _arrange_cells(self):
        columns = self.grid_size()
        image_size = IMAGE_SIZE_FOR_GRID[columns]
        for position, cell in enumerate(self._cells):
            self._grid_layout.addWidget(cell, *divmod(position, columns))  # re-adding moves it
            cell.set_image_size(image_size)

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

    def show_indices(self, indices) -> None:
        """Show exactly these test images, in this order (at most one grid's worth)."""
        indices = np.asarray(indices, dtype=np.int64).reshape(-1)
        if len(indices) > self.capacity():
            raise ValueError(f"{len(indices)} images do not fit a {self.grid_size()}² grid")
        if self._data is None and len(indices):
            raise ValueError("there is no test data to show yet")
        self._shown = indices
        image_size = IMAGE_SIZE_FOR_GRID[self.grid_size()]
        for position, cell in enumerate(self._cells):
            if position < len(indices):
                index = int(indices[position])
                self._fill_cell(cell, index, image_size)
                cell.set_selected(index == self._detail_index)
                cell.show()
            else:
                cell.hide()

    def _fill_cell(self, cell: DigitCell, index: int, image_size: int):
        true_label = int(self._data.y_test[index])
        p = self._predictions
        if p is None:
            cell.set_image(index, self._digit_pixmap(index, image_size), true_label)
        else:
            cell.set_image(index, self._digit_pixmap(index, image_size), true_label,
                           int(p.labels[index]), float(p.confidence[index]))

    def _digit_pixmap(self, index: int, size: int) -> QPixmap:
        key = f"mnist-gallery/{self._dataset_key}/{index}/{size}"
        pixmap = QPixmapCache.find(key)
        if pixmap is None:
            pixmap = digit_pixmap(self._data.x_test[index], size)
            QPixmapCache.insert(key, pixmap)
        return pixmap

    @Slot()
    def shuffle(self) -> None:
        """Other random images from the current selection."""
        self._refill(keep_shown=False)

    def _refill(self, keep_shown: bool) -> None:
        """Fill the grid from the selection: all of it if it fits, else a random sample.

        With ``keep_shown`` the images already in the grid that still match stay, so a new epoch's
        predictions or a bigger grid do not throw away what the user is looking at.
        """
        selection = self.selection_indices()
        capacity = self.capacity()
        if len(selection) <= capacity:
            chosen = selection
        else:
            kept = self._shown[np.isin(self._shown, selection)][:capacity] if keep_shown else self._shown[:0]
            others = np.setdiff1d(selection, kept, assume_unique=True)
            chosen = np.concatenate([kept, self._rng.choice(others, capacity - len(kept), replace=False)])
        self.show_indices(chosen)
        self.shuffle_button.setEnabled(len(selection) > capacity)
        self._describe_selection(len(selection))

    @Slot()
    def _on_grid_size_changed(self):
        self._arrange_cells()
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
        if conditions:
            text = f"Showing {' '.join(conditions)}: {count:,} image{'' if count == 1 else 's'}"
        else:
            text = f"All {count:,} test images"
        if count > len(self._shown):
            text += f"; {len(self._shown)} at random ({SHUFFLE_KEY} or Shuffle for others)"
        self.selection_label.setText(text)
        self.reset_button.setEnabled(bool(conditions))

    # ---- detail -----------------------------------------------------------------------------------

    @Slot(int)
    def show_detail(self, index: int) -> None:
        """The image large, its ten probabilities, predicted against true label, and its index."""
        self._detail_index = index
        for cell in self._cells[:len(self._shown)]:
            cell.set_selected(cell.index == index)
        true_label = int(self._data.y_test[index])
        self.detail_image.setPixmap(digit_pixmap(self._data.x_test[index], DETAIL_IMAGE_SIZE))
        self.detail_title.setText(f"Test image #{index}")
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
        total = int(matrix.sum())
        self.accuracy_label.setText(f"Overall accuracy {overall_accuracy(matrix):.2%}: "
                                    f"{int(np.trace(matrix)):,} of {total:,} test images right.")

    @Slot(int, int)
    def _on_confusion_cell_clicked(self, true_digit: int, column: int):
        if self._confusion is None:
            return
        if column == ACCURACY_COLUMN:
            self.set_filters(true_digit=true_digit)
        else:
            self.set_filters(true_digit=true_digit, predicted_digit=column)

    # ---- service --------------------------------------------------------------------------------

    def _take_data(self, data):
        self._data = data
        self._pending_predictions = None
        self._dataset_key = next(_dataset_generations)
        self._data_error = None
        self._shown = self._shown[:0]
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
        if info is None or version != info.version or self._data is None:
            return  # an older model's answer, overtaken by a newer one
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

    def _update_state(self):
        """One line saying what the grid can show right now, and why not more."""
        info = self._service.model_info
        controls_usable = self._data is not None
        for control in (self.grid_size_combo, self.true_digit_combo):
            control.setEnabled(controls_usable)
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
