"""A number read on the Draw Pad: one button per digit (its 28×28 input, the digit and its
probability); choosing one shows that digit's ten probabilities."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from .locale_format import pct
from .widgets import digit_pixmap

ICON = 40


class NumberView(QWidget):
    """The digits of a ``core.numbers.NumberRead``, left to right."""

    digit_chosen = Signal(int)   # index of the digit whose probabilities to show

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Digits of the number"))
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(2)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.digit_chosen)
        self.buttons: list[QToolButton] = []

    def show_number(self, read) -> None:
        """Show ``read``'s digits (None or one digit: hidden)."""
        for button in self.buttons:
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons = []
        digits = [] if read is None else read.digits
        for i, d in enumerate(digits):
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(QIcon(digit_pixmap(d.input, ICON)))
            button.setIconSize(QSize(ICON, ICON))
            percent = pct(d.probability, 0)
            button.setText(f"{d.digit}\n{percent}")
            button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextUnderIcon)
            second = sorted(range(10), key=lambda k: -d.probabilities[k])[1]
            button.setToolTip(self.tr("Digit %1: %2 (%3); next likeliest %4 (%5)").replace("%1", str(i + 1))
                              .replace("%2", str(d.digit)).replace("%3", percent).replace("%4", str(second))
                              .replace("%5", pct(float(d.probabilities[second]), 0)))
            button.setAccessibleName(self.tr("Digit %1: %2, %3").replace("%1", str(i + 1))
                                     .replace("%2", str(d.digit)).replace("%3", percent))
            self._group.addButton(button, i)
            self._row.addWidget(button)
            self.buttons.append(button)
        if self.buttons:
            self.buttons[0].setChecked(True)
        self.setVisible(len(self.buttons) > 1)
