"""The Gallery's selected image: large, with its ten probabilities and the verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from .widgets import DigitView, ProbabilityBars, wrapping_label
from .locale_format import pct

DETAIL_IMAGE_SIZES = (112, 224)  # smallest and largest side of the selected image


class DetailPanel(QGroupBox):
    """One image large, its title, predicted against true label, the ten probabilities, and (for
    My drawings) a Delete drawing button."""

    def __init__(self, parent=None):
        super().__init__(self.tr("Selected image"), parent)
        self.image = DigitView(largest=DETAIL_IMAGE_SIZES[1], smallest=DETAIL_IMAGE_SIZES[0])
        self.title = wrapping_label()
        self.verdict = wrapping_label()
        # Its two lines at a narrow width are part of the panel's minimum: the bars keep their rows.
        self.verdict.setMinimumHeight(2 * self.verdict.fontMetrics().height())
        self.bars = ProbabilityBars()
        self.delete_button = QPushButton(self.tr("Delete drawing"))
        self.delete_button.setToolTip(self.tr("Take this drawing out of My drawings"))
        self.delete_button.hide()
        text_column = QVBoxLayout()
        text_column.setSpacing(2)
        text_column.addWidget(self.title)
        text_column.addWidget(self.verdict)
        text_column.addWidget(self.bars, 1)
        text_column.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addWidget(self.image, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text_column, 1)
        self.clear()

    def show_image(self, pixels, title: str, true_label: int, probabilities=None, deletable: bool = False) -> None:
        """``pixels`` large under ``title``; with ``probabilities`` (ten) the verdict and the bars."""
        self.image.set_pixels(pixels)
        self.title.setText(title)
        self.delete_button.setVisible(deletable)
        if probabilities is None:
            self.verdict.setText(self.tr("True label {true_label}; no model yet to predict it.").format(true_label=true_label))
            self.bars.set_probabilities(None)
        else:
            predicted = int(probabilities.argmax())
            verdict = self.tr("✓ Right") if predicted == true_label else self.tr("✗ Wrong")
            self.verdict.setText(self.tr("{verdict}: predicted {predicted} ({v2}), true {true_label}").format(verdict=verdict, predicted=predicted, v2=pct(probabilities[predicted], 1), true_label=true_label))
            self.bars.set_probabilities(probabilities, actual=true_label)

    def clear(self) -> None:
        self.delete_button.hide()
        self.image.clear()
        self.title.setText(self.tr("Click an image to see it large, with all ten probabilities."))
        self.verdict.clear()
        self.bars.set_probabilities(None)

    def text(self) -> str:
        return f"{self.title.text()}\n{self.verdict.text()}"
