"""The Gallery's confusion matrix: counts of (true digit, predicted digit) and per-class accuracy,
every number fully shown in its pane; a click on a cell asks for its images."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHeaderView, QSizePolicy, QStyle, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from ..core.gallery_selection import confusion_shades
from ..core.metrics import N_CLASSES, overall_accuracy, per_class_accuracy
from . import accessibility
from .widgets import wrapping_label
from .locale_format import integer, pct

ACCURACY_COLUMN = N_CLASSES
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
        # Each distinct text once: a column repeats a few counts (mostly "0"), and fit() tries every font.
        widths = [max(map(metrics.horizontalAdvance, set(texts))) + item_margin for texts in columns]
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

    def focusInEvent(self, event):
        super().focusInEvent(event)
        if not self.currentIndex().isValid():  # the first Tab into it shows where the arrows start
            self.setCurrentCell(0, 0)

    def fit(self) -> None:
        """The largest font at which the whole table fits, sections sized to share the room."""
        columns, rows = self._texts()
        frame = 2 * self.frameWidth()
        width, height = self.width() - frame, self.height() - frame
        fonts = list(self._fonts())

        def fits(font) -> bool:
            widths, row_height, side, top = self._needs(font, columns, rows)
            return side + sum(widths) <= width and top + self.rowCount() * row_height <= height

        # The first font that fits (or the smallest), by bisection: a smaller font never needs more room.
        low, high = 0, len(fonts) - 1
        while low < high:
            middle = (low + high) // 2
            if fits(fonts[middle]):
                high = middle
            else:
                low = middle + 1
        font = fonts[low]
        widths, row_height, side, top = self._needs(font, columns, rows)
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


class ConfusionPanel(QGroupBox):
    """The matrix with the overall accuracy above it; ``cell_clicked(true digit, column)`` when a
    cell is clicked or activated (column ACCURACY_COLUMN: the accuracy column)."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(self.tr("Confusion matrix (whole test set)"), parent)
        self._shown = None  # (counts, palette key) the cells show now: unchanged cells are left alone
        self.accuracy_label = wrapping_label()
        hint = wrapping_label(self.tr("Rows: true digit · columns: predicted · click a cell for its images"))
        table = ConfusionTable()
        table.setHorizontalHeaderLabels([str(d) for d in range(N_CLASSES)] + [self.tr("acc.")])
        table.setVerticalHeaderLabels([str(d) for d in range(N_CLASSES)])
        table.horizontalHeaderItem(ACCURACY_COLUMN).setToolTip(self.tr("Accuracy on each true digit"))
        table.setAccessibleName(self.tr("Confusion matrix"))
        table.setAccessibleDescription(self.tr("Rows: true digit; columns: predicted digit, then the "
                                               "accuracy on each true digit. Enter shows a cell's images."))
        for d in range(N_CLASSES):  # what a reader says for a header: not just "3"
            table.verticalHeaderItem(d).setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("true {0}").format(d))
            table.horizontalHeaderItem(d).setData(Qt.ItemDataRole.AccessibleTextRole,
                                                  self.tr("predicted {0}").format(d))
        table.horizontalHeaderItem(ACCURACY_COLUMN).setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("accuracy"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move between cells
        for true_digit, column in itertools.product(range(N_CLASSES), range(N_CLASSES + 1)):
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(true_digit, column, item)
        table.cellClicked.connect(self.cell_clicked)
        table.cellActivated.connect(self.cell_clicked)  # Enter on a focused cell
        self.table = table
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.accuracy_label)
        layout.addWidget(hint)
        layout.addWidget(table, 1)

    def show_counts(self, matrix: np.ndarray | None, noun: str = "test images") -> None:
        """The counts, shaded by their share of the row, and each digit's accuracy; None: empty."""
        table = self.table
        table.setEnabled(matrix is not None)
        shown, self._shown = self._shown, None
        if matrix is None:
            for true_digit, column in itertools.product(range(N_CLASSES), range(N_CLASSES + 1)):
                item = table.item(true_digit, column)
                item.setText("")
                item.setBackground(Qt.BrushStyle.NoBrush)
                item.setToolTip("")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("no count"))
            table.texts_changed()
            self.accuracy_label.setText(self.tr("Needs a model's predictions."))
            return
        row_totals = matrix.sum(axis=1)
        fractions, shades = confusion_shades(matrix)
        palette = table.palette()
        colours = accessibility.right_colour(palette), accessibility.wrong_colour(palette)
        # A cell shows its count and its share of the row: one whose count and row total are as
        # shown keeps its item (at an epoch end most do; setting all 110 took 6-13 ms of the UI thread).
        same = np.zeros_like(matrix, dtype=bool)
        if shown is not None and shown[1] == palette.cacheKey() and shown[0].shape == matrix.shape:
            same = (shown[0] == matrix) & (shown[0].sum(axis=1) == row_totals)[:, None]
        self._shown = (matrix.copy(), palette.cacheKey())
        for true_digit, predicted in itertools.product(range(N_CLASSES), range(N_CLASSES)):
            if same[true_digit, predicted]:
                continue
            count = int(matrix[true_digit, predicted])
            item = table.item(true_digit, predicted)
            item.setText(str(count))
            shade = QColor(colours[0] if true_digit == predicted else colours[1])
            shade.setAlphaF(min(0.7, float(shades[true_digit, predicted])))
            item.setBackground(shade)
            item.setToolTip(self.tr("True {true_digit}, predicted {predicted}: {count} images ({v3} of the {true_digit}s). Click to show them.").format(true_digit=true_digit, predicted=predicted, count=integer(count), v3=pct(fractions[true_digit, predicted], 1)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("true {0}, predicted {1}: {2}").format(
                true_digit, predicted, integer(count)))
        for true_digit, accuracy in enumerate(per_class_accuracy(matrix)):
            if same[true_digit, true_digit]:
                continue  # its count and row total as shown: so is its accuracy
            item = table.item(true_digit, ACCURACY_COLUMN)
            item.setText(pct(accuracy, 1))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("true {0}, accuracy {1}").format(
                true_digit, pct(accuracy, 1)))
            item.setToolTip(self.tr("{v0} of {v1} {true_digit}s right. Click to show all {true_digit}s.").format(v0=integer(matrix[true_digit, true_digit]), v1=integer(row_totals[true_digit]), true_digit=true_digit))
        table.texts_changed()
        total = int(matrix.sum())
        self.accuracy_label.setText(self.tr("Overall accuracy {v0}: {v1} of {total} {noun} right.").format(v0=pct(overall_accuracy(matrix), 2), v1=integer(int(np.trace(matrix))), total=integer(total), noun=noun))
