"""Training health: per layer of the network being trained, its gradient strength, its dead or
saturated units and how its weights moved from where the run started, for any epoch of the run
(``core.health`` measures them on the training thread; this view only shows them: a table of a few
rows and one histogram, cheap to draw)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)


class WeightHistogram(QWidget):
    """One layer's weights now (filled) against its weights at the run's start (outline)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Weight distribution, now and at the start"))
        self.setMinimumHeight(90)
        self.layer: dict | None = None

    def show_layer(self, layer: dict | None):
        self.layer = layer
        self.update()

    def paintEvent(self, event):
        layer = self.layer
        if not layer or not layer.get("hist"):
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -18)
        now, start = layer["hist"], layer.get("hist_start") or []
        top = max(max(now), max(start or [0]), 1)
        width = area.width() / len(now)
        palette = self.palette()
        fill = palette.highlight().color()
        fill.setAlpha(150)
        for i, count in enumerate(now):
            h = area.height() * count / top
            painter.fillRect(QRectF(area.left() + i * width, area.bottom() - h, width - 1, h), fill)
        painter.setPen(QPen(palette.text().color(), 1.5))
        for i, count in enumerate(start):
            h = area.height() * count / top
            painter.drawRect(QRectF(area.left() + i * width, area.bottom() - h, width - 1, h))
        loc = QLocale()
        low, high = layer["edges"]
        painter.setPen(palette.text().color())
        painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), 16), Qt.AlignmentFlag.AlignLeft,
                         loc.toString(low, "g", 2))
        painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), 16), Qt.AlignmentFlag.AlignCenter,
                         self.tr("weights: now (filled), at the start (outline)"))
        painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), 16), Qt.AlignmentFlag.AlignRight,
                         loc.toString(high, "g", 2))
        painter.end()


class TrainingHealthView(QWidget):
    """The health stats of each epoch of the run (``add``), one epoch shown at a time."""

    COLUMNS = 7

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Training health"))
        self.epochs: list[dict] = []
        self.epoch_spin = QSpinBox(minimum=0, maximum=0)
        self.epoch_spin.setAccessibleName(self.tr("Epoch shown"))
        self.epoch_spin.setEnabled(False)
        self.epoch_spin.valueChanged.connect(self._show_epoch)
        self.note = QLabel(self.tr("Measured at each epoch end on the same few training images."))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setAccessibleName(self.tr("Health of each layer"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Layer"), self.tr("Units"), self.tr("Gradient"), self.tr("Grad/weight"),
            self.tr("Moved"), self.tr("Dead"), self.tr("Saturated")])
        for column, tip in enumerate((
                "", "", self.tr("Root mean square of the loss's gradient for the layer's weights"),
                self.tr("Gradient RMS over weight RMS: how big a step is against the weights"),
                self.tr("How far the weights moved from the run's start: |W − W₀| / |W₀|"),
                self.tr("ReLU units that output zero for every image"),
                self.tr("Sigmoid/tanh units stuck near their limits for 90% of the images"))):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_histogram)
        self.histogram = WeightHistogram()
        top = QHBoxLayout()
        label = QLabel(self.tr("Epoch:"))
        label.setBuddy(self.epoch_spin)
        top.addWidget(label)
        top.addWidget(self.epoch_spin)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.histogram, 2)

    def clear(self):
        self.epochs = []
        self.table.setRowCount(0)
        self.epoch_spin.setRange(0, 0)
        self.epoch_spin.setEnabled(False)
        self.histogram.show_layer(None)

    def add(self, stats: dict):
        """One epoch's stats (``core.health``); the view follows the newest unless another is picked."""
        following = not self.epochs or self.epoch_spin.value() == self.epochs[-1]["epoch"]
        self.epochs.append(stats)
        self._note(stats)
        first = self.epochs[0]["epoch"]
        self.epoch_spin.setEnabled(True)
        self.epoch_spin.setRange(first, stats["epoch"])
        if following:
            self.epoch_spin.setValue(stats["epoch"])
            self._show_epoch(stats["epoch"])

    def _note(self, stats: dict):
        if stats.get("images"):
            self.note.setText(self.tr("Measured at each epoch end on the same %1 training images.")
                              .replace("%1", QLocale().toString(int(stats["images"]))))

    def shown(self) -> dict | None:
        wanted = self.epoch_spin.value()
        return next((s for s in self.epochs if s["epoch"] == wanted), None)

    def _show_epoch(self, _epoch: int):
        stats = self.shown()
        if stats is None:
            return
        loc = QLocale()
        row_selected = max(self.table.currentRow(), 0)
        layers = stats.get("layers", [])
        self.table.setRowCount(len(layers))

        def share(value):
            return "–" if value is None else loc.toString(100 * value, "f", 0) + "%"

        for row, layer in enumerate(layers):
            cells = (layer["name"], loc.toString(int(layer["units"])),
                     loc.toString(float(layer["grad_rms"]), "g", 2),
                     loc.toString(float(layer["update_ratio"]), "g", 2),
                     loc.toString(100 * float(layer["change"]), "f", 1) + "%",
                     share(layer.get("dead")), share(layer.get("saturated")))
            for column, text in enumerate(cells):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setText(text)
                bad = (column == 5 and (layer.get("dead") or 0) >= 0.3) or \
                      (column == 6 and (layer.get("saturated") or 0) >= 0.5)
                item.setForeground(QColor("#c0392b") if bad else self.palette().text().color())
        if layers:
            self.table.selectRow(min(row_selected, len(layers) - 1))
        self._show_histogram()

    def _show_histogram(self):
        stats, row = self.shown(), self.table.currentRow()
        layers = (stats or {}).get("layers", [])
        self.histogram.show_layer(layers[row] if 0 <= row < len(layers) else None)
