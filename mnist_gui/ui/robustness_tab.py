"""The Robustness tab: spoil a fixed sample of the test set and see what the model makes of it.

Sliders spoil the images (noise, rotation, slant, stroke thickness, redrawing as a mouse drawing:
``core.robustness``); the model thread answers (``ModelService.request_robustness``) with the
accuracy, the images misread, and curves of accuracy against each distortion alone, for the
current model and the one the service keeps beside it (the model from before a run, or the one
not chosen after it). Curves can also be pinned as a reference. A confidence threshold shows how
many images the model would answer and how many of those right.

At most one request of each kind is in flight; slider moves meanwhile only update what is asked
next, so dragging a slider never queues up evaluations. The tab imports no TensorFlow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QSlider, QSplitter, QVBoxLayout, QWidget)

from .core_texts import core_text, in_sentence
from ..core import robustness as rb
from .chart_export import CHART_FORMATS, ChartError, export_charts
from .charts import CONFIDENCE, CurveChart
from .distortion_sliders import DistortionSliders
from .latest_request import LatestRequest
from .misread_list import MisreadModel, MisreadView
from .widgets import SteadyWrappingLabel
from .locale_format import integer, num, pct

DEFAULT_THRESHOLD = 90       # % confidence below which the model would say "not sure"


class RobustnessTab(QWidget):
    open_in_gallery = Signal(int)     # a misread image's test index

    def __init__(self, service, sample_size: int = rb.SAMPLE_SIZE, parent=None):
        super().__init__(parent)
        self.service = service
        self.sample_size = sample_size
        self.sample: rb.Sample | None = None
        self._data = None
        self._version = service.model_info.version if service.model_info else None
        self._requests = {kind: self._new_request(kind) for kind in ("evaluate", "curves")}  # newest wins
        self.evaluation: rb.Evaluation | None = None
        self.curves: rb.Curves | None = None
        self.pinned: tuple[str, rb.Curves] | None = None
        self._drawn_ready: set[float] = {0.0}    # mouse-drawing levels already made on the model thread
        self._error = ""                         # the last job's failure, shown until one succeeds
        self._build()
        service.model_changed.connect(self._on_model_changed)
        service.dataset_ready.connect(lambda _: self._take_data())
        service.backend_ready.connect(self._refresh)
        service.training_outcome.connect(lambda _: (self._show_results(), self._refresh()))
        self._take_data()

    # ---- layout -------------------------------------------------------------------------------------

    def _build(self):
        self.state_label = SteadyWrappingLabel()

        spoil = DistortionSliders()
        spoil.moved.connect(self._on_slider)
        self.spoil, self.sliders, self.value_labels = spoil, spoil.sliders, spoil.value_labels
        self.reset_button = spoil.reset_button
        self.reset_button.clicked.connect(self.reset)

        self.accuracy_label = SteadyWrappingLabel()
        font = self.accuracy_label.font()
        font.setBold(True)
        self.accuracy_label.setFont(font)

        confidence = QGroupBox(self.tr("Confidence"))
        confidence_layout = QGridLayout(confidence)
        confidence_layout.setColumnStretch(1, 1)
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(0, 100)
        self.threshold_slider.setValue(DEFAULT_THRESHOLD)
        self.threshold_slider.setAccessibleName(self.tr("Confidence threshold"))
        self.threshold_slider.setToolTip(self.tr("Answer only when the top probability is at least this; below it the "
                                         "model would say \"not sure\""))
        self.threshold_slider.valueChanged.connect(self._on_threshold)
        threshold_title = QLabel(self.tr("Thr&eshold"))
        threshold_title.setBuddy(self.threshold_slider)
        self.threshold_value = QLabel("1.00")
        self.threshold_value.setMinimumWidth(self.threshold_value.sizeHint().width() + 4)
        self.threshold_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.coverage_label = SteadyWrappingLabel()
        self.errors_label = SteadyWrappingLabel()
        confidence_layout.addWidget(threshold_title, 0, 0)
        confidence_layout.addWidget(self.threshold_slider, 0, 1)
        confidence_layout.addWidget(self.threshold_value, 0, 2)
        confidence_layout.addWidget(self.coverage_label, 1, 0, 1, 3)
        confidence_layout.addWidget(self.errors_label, 2, 0, 1, 3)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(spoil)
        left_layout.addWidget(self.accuracy_label)
        left_layout.addWidget(confidence)
        left_layout.addStretch(1)

        # The curves.
        self.curve_combo = QComboBox()
        for axis in rb.AXES:
            self.curve_combo.addItem(self.tr("Accuracy against {v0}").format(v0=in_sentence(core_text(axis.title))), axis.name)
        self.curve_combo.addItem(self.tr("Coverage and accuracy against the threshold"), CONFIDENCE)
        self.curve_combo.setToolTip(self.tr("Which curve to show; moving a slider shows its curve"))
        self.curve_combo.currentIndexChanged.connect(lambda _: self._update_chart())
        curve_title = QLabel(self.tr("C&urve"))
        curve_title.setBuddy(self.curve_combo)
        self.pin_button = QPushButton(self.tr("&Pin as reference"))
        self.pin_button.setToolTip(self.tr("Keep the current model's curves on the charts (dotted), to compare the "
                                   "models you train or open next with it"))
        self.pin_button.clicked.connect(self.toggle_pin)
        self.save_button = QPushButton(self.tr("Save &chart…"))
        self.save_button.setToolTip(self.tr("Save the chart as shown: PNG, SVG or PDF"))
        self.save_button.clicked.connect(self._ask_save_path)
        chart_row = QHBoxLayout()
        chart_row.addWidget(curve_title)
        chart_row.addWidget(self.curve_combo, 1)
        chart_row.addWidget(self.pin_button)
        chart_row.addWidget(self.save_button)
        self.curve_state = SteadyWrappingLabel()
        self.chart = CurveChart()
        self.chart.setMinimumHeight(160)
        chart_panel = QWidget()
        chart_layout = QVBoxLayout(chart_panel)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(chart_row)
        chart_layout.addWidget(self.curve_state)
        chart_layout.addWidget(self.chart, 1)

        # The misread images.
        self.misread_model = MisreadModel(self)
        self.misread_view = MisreadView()
        self.misread_view.setModel(self.misread_model)
        self.misread_view._fit_grid()
        self.misread_view.activated.connect(self._open_misread)
        self.misread_label = SteadyWrappingLabel()
        self.misread_label.setBuddy(self.misread_view)
        misread_panel = QWidget()
        misread_layout = QVBoxLayout(misread_panel)
        misread_layout.setContentsMargins(0, 0, 0, 0)
        misread_layout.addWidget(self.misread_label)
        misread_layout.addWidget(self.misread_view, 1)

        right = QSplitter(Qt.Orientation.Vertical, objectName="robustness_chart_misread")
        right.addWidget(chart_panel)
        right.addWidget(misread_panel)
        right.setChildrenCollapsible(False)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        columns = QSplitter(Qt.Orientation.Horizontal, objectName="robustness_columns")
        columns.addWidget(left)
        columns.addWidget(right)
        columns.setChildrenCollapsible(False)
        columns.setStretchFactor(0, 0)
        columns.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(columns, 1)
        self._on_threshold()
        self._show_results()

    # ---- the sliders ----------------------------------------------------------------------------------

    _position = staticmethod(DistortionSliders.position)

    def value(self, name: str) -> float:
        return self.spoil.value(name)

    def distortion(self) -> rb.Distortion:
        return self.spoil.distortion()

    def set_distortion(self, follow: bool = True, **values) -> None:
        """Move the sliders (one evaluation follows, not one per slider); the chart shows the last
        one's curve if ``follow``."""
        self.spoil.set_values(**values)
        if values and follow:
            self._follow(list(values)[-1])
        else:
            self._update_chart()
        self._ask("evaluate")

    @Slot()
    def reset(self) -> None:
        self.set_distortion(follow=False, **{axis.name: 0 for axis in rb.AXES})

    def _on_slider(self, name: str):
        self._follow(name)
        self._ask("evaluate")

    def _follow(self, name: str):
        """The chart shows the curve of the slider last moved."""
        index = self.curve_combo.findData(name)
        if self.curve_combo.currentIndex() != index:
            self.curve_combo.setCurrentIndex(index)  # redraws the chart
        else:
            self._update_chart()

    def threshold(self) -> float:
        return self.threshold_slider.value() / 100

    @Slot()
    def _on_threshold(self, *_):
        self.threshold_value.setText(num(self.threshold(), 2))
        self.misread_model.set_threshold(self.threshold())
        self._show_coverage()
        if self.curve_combo.currentData() == CONFIDENCE:
            self._update_chart()

    # ---- requests -----------------------------------------------------------------------------------

    def _take_data(self):
        data = self.service.data
        if data is None or data is self._data:
            self._show_results()
            return
        self._data = data
        self.sample = rb.Sample.of(data.x_test, data.y_test, self.sample_size)
        self._drawn_ready = {0.0}
        self.evaluation, self.curves, self.pinned = None, None, None
        for request in self._requests.values():
            request.forget()
        self.misread_model.set_evaluation(None)
        self._show_results()
        self._refresh()

    @Slot(object)
    def _on_model_changed(self, info):
        if info.version == self._version:
            return
        self._version = info.version
        self._refresh()

    def showEvent(self, event):
        super().showEvent(event)
        self._refresh()

    @Slot()
    def _refresh(self, *_):
        """Ask for what the view needs and does not have yet (only while it is shown)."""
        self._show_state()
        if self.isVisible():
            self._ask("evaluate")
            self._ask("curves")

    def _ask(self, kind: str):
        s = self.service
        if not self.isVisible() or not s.backend_is_ready or not s.has_model or self.sample is None:
            self._show_state()
            return
        if kind == "evaluate":
            d = self.distortion()
            args, key = {"sample": self.sample, "distortion": d}, (self._version, id(self.sample), d)
        else:
            args = {"sample": self.sample, "first": self.curve_combo.currentData()}
            key = (self._version, id(self.sample))
        self._requests[kind].ask(key, args)
        self._show_state()

    def _new_request(self, kind: str) -> LatestRequest:
        request = LatestRequest(lambda **args: self.service.request_robustness(kind, **args), self)
        request.answered.connect(lambda result, args: self._on_ready(kind, result, args))
        request.partial.connect(lambda result, args: self._on_ready(kind, result, args))
        request.failed.connect(lambda error, args: self._on_ready(kind, error, args))
        return request

    def _on_ready(self, kind: str, result, args):
        if args["sample"] is not self.sample:  # for a test set since replaced: ask afresh
            self._ask(kind)
            return
        if isinstance(result, rb.Curves) and not result.complete:
            self.curves = result  # a partial result: the job goes on
            self._update_chart()
        elif isinstance(result, Exception):
            self._error = str(result)
        else:
            self._error = ""
            if kind == "evaluate":
                self.evaluation = result
                self._drawn_ready.add(result.distortion.drawn)
                self.misread_model.set_evaluation(result)
            else:
                self.curves = result
                self._drawn_ready.update(rb.AXIS["drawn"].curve)
            self._show_results()
        self._show_state()

    # ---- showing the results --------------------------------------------------------------------------

    def _other_title(self, name: str) -> str:
        outcome = self.service.outcome
        if self.service.is_training:
            return self.tr("{name} (before this run)").format(name=name)
        if outcome is not None:
            return f"{name} ({'previous' if outcome.using_new else 'new, not in use'})"
        return name

    def _show_state(self):
        s = self.service
        n = len(self.sample) if self.sample is not None else self.sample_size
        if self.service.data is None:
            text = self.tr("Loading the MNIST test images…")
        elif not s.backend_is_ready:
            text = self.tr("Loading TensorFlow…")
        elif not s.has_model:
            text = self.tr("No model yet: train one or open a model file.")
        else:
            text = (self.tr("A fixed sample of {n} test images (seed {SAMPLE_SEED}), the same for every model, spoilt as the sliders say.").format(n=integer(n), SAMPLE_SEED=rb.SAMPLE_SEED))
            if self._requests["evaluate"].busy:
                wait = self.distortion().drawn not in self._drawn_ready
                text += (self.tr(" Redrawing the {n} digits as mouse drawings (once per level, a few seconds)…").format(n=integer(n))
                         if wait else self.tr(" Updating…"))
        if self._error:
            text += f"\n⚠ {self._error}"
        if self.state_label.text() != text:
            self.state_label.setText(text)
        self._show_curve_state()

    def _show_curve_state(self):
        c = self.curves
        total = sum(len(a.curve) for a in rb.AXES)
        if self._requests["curves"].busy:
            done = 0 if c is None else sum(len(c.points("current", a.name)) for a in rb.AXES)
            text = self.tr("Measuring the curves on the model thread: {done} of {total} points…").format(done=done, total=total)
            if c is not None and not c.complete and done >= total - len(rb.AXIS["drawn"].curve):
                text += self.tr(" (the mouse drawings are made once: a few seconds)")
        elif c is not None:
            text = self.tr("Each distortion alone, the others at zero. Rest the mouse on a point for its value.")
        else:
            text = ""
        if self.curve_combo.currentData() == CONFIDENCE:
            text = self.tr("The current model at the sliders' settings: what answering only above a threshold gives.")
        if self.curve_state.text() != text:
            self.curve_state.setText(text)

    def _show_results(self):
        e = self.evaluation
        if e is None or "current" not in e.probabilities:
            self.accuracy_label.setText(self.tr("Accuracy: –"))
            self.misread_label.setText(self.tr("Mis&read images: none yet."))
        else:
            n = len(e.labels)
            right = int(round(e.accuracy() * n))
            text = self.tr("Accuracy {v0} ({right} of {n}), {v3}").format(v0=pct(e.accuracy(), 1), right=integer(right), n=integer(n), v3=e.names['current'])
            clean = self._clean_accuracy("current", e.names["current"])
            if clean is not None and not e.distortion.is_identity():
                text += self.tr("; unspoilt {clean}").format(clean=pct(clean, 1))
            if "other" in e.probabilities:
                text += f"\n{pct(e.accuracy('other'), 1)}, {self._other_title(e.names['other'])}"
            self.accuracy_label.setText(text)
            wrong = self.misread_model.rowCount()
            self.misread_label.setText(
                self.tr("Mis&read: {wrong} of {n}, the most confident first (greyed: below the threshold, \"not sure\"). Double-click one for the original in the Gallery.").format(wrong=integer(wrong), n=integer(n)) if wrong else
                self.tr("Mis&read: none of the {n}.").format(n=integer(n)))
        self.pin_button.setEnabled(self.pinned is not None or (self.curves is not None and self.curves.complete))
        self._show_coverage()
        self._update_chart()

    def _clean_accuracy(self, role: str, name: str) -> float | None:
        """The model's accuracy on the unspoilt sample, from its curves (every one starts there)."""
        c = self.curves
        if c is None or c.names.get(role) != name:
            return None
        return dict(c.points(role, "noise")).get(0)

    def _show_coverage(self):
        e = self.evaluation
        if e is None or "current" not in e.probabilities:
            self.coverage_label.setText(self.tr("Answers –"))
            self.errors_label.setText("")
            return
        c = rb.coverage(e.probabilities["current"], e.labels, self.threshold())
        right = (self.tr("{accuracy} of those right").format(accuracy=pct(c.accuracy, 1)) if c.answered
                 else self.tr("so none right or wrong"))
        self.coverage_label.setText(self.tr("Answers {coverage} of the images ({answered} of {total}), {right}.").format(coverage=pct(c.coverage, 1), answered=integer(c.answered), total=integer(c.total), right=right))
        self.errors_label.setText(self.tr("Errors: {errors} in all, {confident_errors} of them very confident (≥ {CONFIDENT}).").format(errors=integer(c.errors), confident_errors=integer(c.confident_errors), CONFIDENT=num(rb.CONFIDENT, 2)))

    def coverage(self) -> rb.Coverage | None:
        e = self.evaluation
        return None if e is None else rb.coverage(e.probabilities["current"], e.labels, self.threshold())

    def _update_chart(self):
        mode = self.curve_combo.currentData()
        self._show_curve_state()
        if mode == CONFIDENCE:
            e = self.evaluation
            if e is None:
                self.chart.show_confidence([], [], [], self.threshold())
                return
            coverage, accuracy = rb.coverage_curve(e.probabilities["current"], e.labels)
            self.chart.show_confidence(rb.THRESHOLDS, coverage, accuracy, self.threshold())
            return
        axis = rb.AXIS[mode]
        lines = {}
        if self.curves is not None:
            for role in ("current", "other"):
                if role in self.curves.names:
                    name = self.curves.names[role]
                    lines[role] = (name if role == "current" else self._other_title(name),
                                   self.curves.points(role, mode))
        if self.pinned is not None:
            name, pinned = self.pinned
            lines["pinned"] = (f"{name} (pinned)", pinned.points("current", mode))
        self.chart.show_axis(axis, lines, self.value(mode))

    # ---- pin, save, open ----------------------------------------------------------------------------------

    @Slot()
    def toggle_pin(self):
        if self.pinned is not None:
            self.pinned = None
            self.pin_button.setText(self.tr("&Pin as reference"))
        elif self.curves is not None and self.curves.complete:
            self.pinned = (self.curves.names["current"], self.curves)
            self.pin_button.setText(self.tr("Un&pin reference"))
        self._show_results()

    def _ask_save_path(self):
        name = self.curve_combo.currentData()
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save chart"), str(Path.home() / f"mnist_robustness_{name}.png"),
                                                   self.tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"))
        if not path:
            return
        if not Path(path).suffix:
            path += next((s for s in CHART_FORMATS if s[1:] in chosen), ".png")
        try:
            self.save_chart(path)
        except ChartError as exc:
            QMessageBox.warning(self, self.tr("Save chart"), str(exc))

    def save_chart(self, path) -> Path:
        """The chart as shown, to PNG, SVG or PDF (atomically); ChartError with a message if not."""
        if not any(self.chart.points(k) for k in ("current", "other", "pinned")):
            raise ChartError(self.tr("There is no curve to draw yet."))
        return export_charts(self.chart, path)

    def _open_misread(self, index):
        self.open_in_gallery.emit(self.misread_model.test_index(index.row()))
