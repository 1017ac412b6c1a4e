"""The Gallery's filters: true digit, predicted digit, only misclassified."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel

from ..core.metrics import N_CLASSES


class FilterControls(QObject):
    """The three filter controls, for a row of the tab's; ``changed`` when the user changes one
    (not when the program sets them)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.true_digit = self._digit_combo(self.tr("Show only images of this true digit"))
        self.predicted_digit = self._digit_combo(self.tr("Show only images the model predicts as this digit"))
        self.misclassified = QCheckBox(self.tr("Only misclassified"))
        self.misclassified.setToolTip(self.tr("Show only images whose predicted digit is wrong"))
        self.misclassified.toggled.connect(self.changed)

    def _digit_combo(self, tooltip: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("any"), None)
        for digit in range(N_CLASSES):
            combo.addItem(str(digit), digit)
        combo.setToolTip(tooltip)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def add_to(self, row: QHBoxLayout) -> None:
        row.addWidget(QLabel(self.tr("True digit")))
        row.addWidget(self.true_digit)
        row.addWidget(QLabel(self.tr("Predicted digit")))
        row.addWidget(self.predicted_digit)
        row.addWidget(self.misclassified)

    def values(self) -> dict:
        return dict(true_digit=self.true_digit.currentData(), predicted_digit=self.predicted_digit.currentData(),
                    misclassified=self.misclassified.isChecked())

    def set_values(self, true_digit: int | None = None, predicted_digit: int | None = None,
                   misclassified: bool = False) -> None:
        """Set all three without a ``changed`` for each: the caller refills once."""
        controls = (self.true_digit, self.predicted_digit, self.misclassified)
        for control in controls:
            control.blockSignals(True)
        self.true_digit.setCurrentIndex(0 if true_digit is None else true_digit + 1)
        self.predicted_digit.setCurrentIndex(0 if predicted_digit is None else predicted_digit + 1)
        self.misclassified.setChecked(misclassified)
        for control in controls:
            control.blockSignals(False)

    def reset_prediction_filters(self) -> None:
        """Predicted digit "any", misclassified off, without ``changed``: the caller refills once."""
        self.set_values(self.true_digit.currentData())

    def allow_prediction_filters(self, allowed: bool) -> None:
        for control in (self.predicted_digit, self.misclassified):
            control.setEnabled(allowed)
