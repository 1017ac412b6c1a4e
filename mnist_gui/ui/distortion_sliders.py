"""The Robustness tab's sliders: one per distortion (``core.robustness.AXES``), with its value."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QSlider

from .core_texts import core_text
from .locale_format import general, num, pct
from ..core import robustness as rb

MNEMONICS = {"noise": QT_TRANSLATE_NOOP("DistortionSliders", "&Noise σ"),
             "rotation": QT_TRANSLATE_NOOP("DistortionSliders", "R&otation"),
             "shear": QT_TRANSLATE_NOOP("DistortionSliders", "S&lant (shear)"),
             "thickness": QT_TRANSLATE_NOOP("DistortionSliders", "Stroke thic&kness"),
             "drawn": QT_TRANSLATE_NOOP("DistortionSliders", "&Mouse drawing")}
TOOLTIPS = {
    "noise": QT_TRANSLATE_NOOP("DistortionSliders",
                               "Gaussian noise added to every pixel, σ in grey levels of 255 (the same pattern, scaled)"),
    "rotation": QT_TRANSLATE_NOOP("DistortionSliders", "Turn each digit about its centre of mass (positive: anticlockwise)"),
    "shear": QT_TRANSLATE_NOOP("DistortionSliders", "Slant each digit: positive leans its top to the right (0.25 ≈ 14°)"),
    "thickness": QT_TRANSLATE_NOOP("DistortionSliders", "Thicker (+) or thinner (−) strokes, in pixels on each side"),
    "drawn": QT_TRANSLATE_NOOP("DistortionSliders",
                               "Redraw each digit as a mouse drawing on the Draw Pad (constant round pen, slant, shear, "
                               "wobble, size), prepared as the pad prepares a drawing. 100% is the drawn-digit "
                               "benchmark's style; each level is made once (a few seconds)"),
}


class DistortionSliders(QGroupBox):
    """The sliders and their values, and a Reset button for the tab to connect; ``moved(name)``
    when the user moves one (not when ``set_values`` does)."""

    moved = Signal(str)

    def __init__(self, parent=None):
        super().__init__(self.tr("Spoil the test images"), parent)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        self.sliders: dict[str, QSlider] = {}
        self.value_labels: dict[str, QLabel] = {}
        for row, axis in enumerate(rb.AXES):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, round((axis.high - axis.low) / axis.step))
            slider.setValue(self.position(axis, 0))
            slider.setPageStep(max(1, slider.maximum() // 8))
            # Room to drag it: at 1024×640 with the Learn panel open, the labels left it none.
            slider.setMinimumWidth(slider.fontMetrics().averageCharWidth() * 8)
            slider.setToolTip(self.tr(TOOLTIPS[axis.name]))
            slider.setAccessibleName(core_text(axis.title))
            slider.valueChanged.connect(lambda _, name=axis.name: self._on_move(name))
            label = QLabel(self.tr(MNEMONICS[axis.name]))
            label.setBuddy(slider)
            label.setToolTip(self.tr(TOOLTIPS[axis.name]))
            value = QLabel()
            # As wide as its widest text: a value that changes never lays the tab out again.
            widest = max((self.format_value(axis, axis.low + i * axis.step) for i in range(slider.maximum() + 1)),
                         key=value.fontMetrics().horizontalAdvance)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance(widest) + 4)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(value, row, 2)
            self.sliders[axis.name], self.value_labels[axis.name] = slider, value
        self.reset_button = QPushButton(self.tr("Re&set"))
        self.reset_button.setToolTip(self.tr("Every slider back to zero: the test images as they are"))
        grid.addWidget(self.reset_button, len(rb.AXES), 2)
        for axis in rb.AXES:
            self._show_value(axis.name)

    @staticmethod
    def position(axis: rb.Axis, value: float) -> int:
        """The slider position of ``value`` on ``axis``."""
        return round((value - axis.low) / axis.step)

    def value(self, name: str) -> float:
        axis = rb.AXIS[name]
        return round(axis.low + self.sliders[name].value() * axis.step, 6)

    def distortion(self) -> rb.Distortion:
        return rb.Distortion(**{axis.name: self.value(axis.name) for axis in rb.AXES})

    def set_values(self, **values) -> None:
        """Move these sliders without a ``moved`` for each."""
        for name, value in values.items():
            slider = self.sliders[name]
            slider.blockSignals(True)
            slider.setValue(self.position(rb.AXIS[name], value))
            slider.blockSignals(False)
            self._show_value(name)

    def format_value(self, axis, value: float) -> str:
        """core.robustness.Axis.format in the user's language and number style."""
        sign = "+" if value > 0 and axis.name in ("shear", "thickness", "rotation") else ""
        if axis.name == "drawn":
            return self.tr("MNIST image") if value == 0 else self.tr("{share} drawing").format(share=pct(value, 0))
        if axis.name == "shear":
            return sign + num(value, 2) if value else "0"
        if axis.name == "thickness":
            return f"{sign}{general(value)} px" if value else "0 px"
        return f"{sign}{general(value)}{axis.unit}"

    def _show_value(self, name: str):
        self.value_labels[name].setText(self.format_value(rb.AXIS[name], self.value(name)))

    def _on_move(self, name: str):
        self._show_value(name)
        self.moved.emit(name)
