"""The Robustness tab's misread images: a list model over one evaluation, and the grid that shows it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView

from ..i18n import translate
from .locale_format import pct
from ..core import robustness as rb
from .widgets import digit_pixmap

THUMB = 56                   # misread images, px (two MNIST pixels per pixel)


class MisreadModel(QAbstractListModel):
    """The misread images of one evaluation, most confident mistakes first; those the threshold
    would withhold ("not sure") are drawn greyed."""

    ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.ForegroundRole}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._evaluation: rb.Evaluation | None = None
        self._rows = np.empty(0, np.int64)
        self._top2 = self._top2_p = np.empty((0, 2))  # per row: the two likeliest digits, their probabilities
        self._threshold = 0.0
        self._pixmaps: dict[int, object] = {}
        self.item_size: QSize | None = None  # every item's size, set by the view: uniform and known

    def set_evaluation(self, evaluation: rb.Evaluation | None) -> None:
        self.beginResetModel()
        self._evaluation, self._pixmaps = evaluation, {}
        if evaluation is None or "current" not in evaluation.probabilities:
            self._rows = np.empty(0, np.int64)
            self._top2 = self._top2_p = np.empty((0, 2))
        else:
            p = evaluation.probabilities["current"]
            wrong = np.flatnonzero(p.argmax(axis=1) != evaluation.labels)
            self._rows = wrong[np.argsort(-p[wrong].max(axis=1), kind="stable")]
            # Each row's two likeliest digits, worked out once: a repaint asks data() ~10 roles an item.
            shown = p[self._rows]
            self._top2 = np.argsort(-shown, axis=1, kind="stable")[:, :2]
            self._top2_p = np.take_along_axis(shown, self._top2, axis=1)
        self.endResetModel()

    def set_threshold(self, threshold: float) -> None:
        self._threshold = threshold
        if len(self._rows):
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1),
                                  [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole])

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def test_index(self, row: int) -> int:
        return int(self._evaluation.indices[self._rows[row]])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._evaluation is None or role not in self.ROLES:
            return None
        row = index.row()
        i = int(self._rows[row])
        e = self._evaluation
        predicted, confidence = int(self._top2[row, 0]), float(self._top2_p[row, 0])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{e.labels[i]}→{predicted} {pct(confidence, 0)}"
        if role == Qt.ItemDataRole.DecorationRole:
            if i not in self._pixmaps:  # made when first shown: only the visible ones are drawn
                # An icon, not a pixmap: its box is then the view's icon size (as wide as the caption)
                # and the digit is drawn centred in it at its own size.
                self._pixmaps[i] = QIcon(digit_pixmap(e.images[i], THUMB))
            return self._pixmaps[i]
        if role == Qt.ItemDataRole.ToolTipRole:
            withheld = (translate("MisreadList", " Below the confidence threshold: the model would say \"not sure\".")
                        if confidence < self._threshold else "")
            return translate("MisreadList", "Test image #{index}, true {label}: read as {predicted} ({confidence}), "
                             "then {second} ({second_confidence}).{withheld} Double-click to open the original in "
                             "the Gallery.").format(
                index=e.indices[i], label=e.labels[i], predicted=predicted, confidence=pct(confidence, 1),
                second=int(self._top2[row, 1]), second_confidence=pct(float(self._top2_p[row, 1]), 1), withheld=withheld)
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.item_size
        if role == Qt.ItemDataRole.ForegroundRole and confidence < self._threshold:
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def texts(self) -> list[str]:
        return [self.data(self.index(r)) for r in range(self.rowCount())]


class MisreadView(QListView):
    """The misread images in a grid whose cells fit the widest caption ("9→9 100%")."""

    WIDEST = "9→9 100%"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setProperty("may_scroll", True)  # a list of any length: it scrolls
        self._fit_grid()

    def _fit_grid(self):
        # In icon mode Qt elides a caption wider than the icon: the icon's box is as wide as the widest
        # caption (the digit is drawn centred in it).
        metrics = self.fontMetrics()
        width = max(THUMB, metrics.horizontalAdvance(self.WIDEST) + 6)
        self.setIconSize(QSize(width, THUMB))
        self.setGridSize(QSize(width + 12, THUMB + metrics.height() + 10))
        # Qt sizes uniform items by one item's caption, and elides wider ones: every item is this size.
        if isinstance(self.model(), MisreadModel):
            self.model().item_size = QSize(width + 8, THUMB + metrics.height() + 8)
        self.setMinimumHeight(self.gridSize().height() + 2 * self.frameWidth() + 4)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_grid()

    def text_fits(self) -> bool:
        """Whether every caption is drawn whole (the layout checks ask)."""
        metrics = self.fontMetrics()
        texts = [self.model().data(self.model().index(r, 0)) for r in range(self.model().rowCount())]
        widest = max([metrics.horizontalAdvance(t) for t in texts] + [metrics.horizontalAdvance(self.WIDEST)])
        return widest + 6 <= min(self.iconSize().width(), self.gridSize().width() - 8)
