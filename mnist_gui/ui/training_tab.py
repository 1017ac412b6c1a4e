"""Training tab: choose a preset and hyperparameters, train with live progress and charts, stop."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.models import ACTIVATIONS, PRESET_NAMES, PRESET_TITLES, PRESETS, ConfigError, ModelConfig, parse_hidden
from .widgets import SteadyLabel

INVALID_STYLE = "border: 2px solid #c0392b;"


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class MetricChart(QChartView):
    """One metric per epoch, train and validation: a Qt chart.

    Qt draws it in C++ on the UI thread in a millisecond or two, so it updates live without
    competing with training for Python's GIL (a matplotlib redraw held it for 60-200 ms).
    """

    def __init__(self, title: str, metric: str, percent: bool = False, floor: float | None = None,
                 ceiling: float | None = None, parent=None):
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.metric, self.percent = metric, percent
        self.floor, self.ceiling = floor, ceiling  # bounds the metric cannot pass, as shown
        self.x_axis = QValueAxis(titleText="epoch", labelFormat="%d")
        self.y_axis = QValueAxis(labelFormat="%.1f%%" if percent else "%.3g", min=0, max=100 if percent else 1)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series = {}
        for key, name, style in ((metric, "train", Qt.PenStyle.SolidLine),
                                 ("val_" + metric, "validation (test set)", Qt.PenStyle.DashLine)):
            series = QLineSeries(name=name)
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
            series.setPointsVisible(True)
            pen = series.pen()
            pen.setStyle(style)
            pen.setWidthF(2)
            series.setPen(pen)
            series.hovered.connect(self._show_point)
            self.series[key] = series
        self.reset(1)

    def reset(self, epochs: int):
        """No points, on an x axis spanning ``epochs`` (the planned run). The y axis waits for the
        first epoch's points, which set it: changing an axis lays the chart out again, 5-10 ms."""
        for series in self.series.values():
            series.clear()
        top = max(2, epochs)
        if (self.x_axis.min(), self.x_axis.max()) != (1, top):
            self.x_axis.setRange(1, top)
            self.x_axis.setTickCount(min(11, top))

    def append(self, epoch: int, logs: dict):
        """Add one epoch (1-based). An axis changes only when a point falls outside it: each change
        lays the whole chart out again (5-10 ms on the UI thread)."""
        scale = 100.0 if self.percent else 1.0
        values = {key: logs[key] * scale for key in self.series if key in logs}
        for key, value in values.items():
            self.series[key].append(epoch, value)
        if epoch > self.x_axis.max():
            self.x_axis.setRange(1, epoch)
        if values:
            self._fit_y_axis(min(values.values()), max(values.values()), first=epoch == 1)

    def _fit_y_axis(self, low: float, high: float, first: bool):
        """The first epoch sets the y range, later ones only widen it. The end a metric cannot pass
        (accuracy's 100%, loss's 0) stays put, so as training improves the points move within
        the axis instead of out of it and the axis, once set, rarely changes."""
        if not first:
            if self.y_axis.min() <= low and high <= self.y_axis.max():
                return
            low, high = min(low, self.y_axis.min()), max(high, self.y_axis.max())
        pad = (high - low) * 0.1 or abs(high) * 0.05 or 1.0
        low = self.floor if self.floor is not None and low >= self.floor else low - pad
        high = self.ceiling if self.ceiling is not None and high <= self.ceiling else high + pad
        self.y_axis.setRange(low, high)
        self.y_axis.applyNiceNumbers()

    def points(self, key: str) -> list[tuple[float, float]]:
        """What the chart shows for ``key`` (percent for accuracy), as (epoch, value) pairs."""
        return [(p.x(), p.y()) for p in self.series[key].points()]

    def _show_point(self, point, state):
        if state:
            value = f"{point.y():.2f}%" if self.percent else f"{point.y():.4f}"
            QToolTip.showText(QCursor.pos(), f"epoch {round(point.x())}: {value}", self)
        else:
            QToolTip.hideText()


class TrainingCharts(QWidget):
    """Loss and accuracy per epoch (train and validation), updated live as epochs end."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history: dict[str, list[float]] = {}
        self.loss_chart = MetricChart("Loss", "loss", floor=0.0)
        self.accuracy_chart = MetricChart("Accuracy", "accuracy", percent=True, ceiling=100.0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_chart)
        layout.addWidget(self.accuracy_chart)
        self.setMinimumHeight(220)

    def clear(self, epochs: int = 1):
        """Empty charts whose x axis spans the planned run from its start."""
        self.history = {}
        for chart in (self.loss_chart, self.accuracy_chart):
            chart.reset(epochs)

    def add_epoch(self, logs: dict):
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)
        epoch = max(len(v) for v in self.history.values())
        for chart in (self.loss_chart, self.accuracy_chart):
            chart.append(epoch, logs)


class TrainingTab(QWidget):
    """The notebook's fit(), from a button, with everything a user wants to see while it runs."""

    config_changed = Signal()
    error = Signal(str, str)  # title, message: shown by the window

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self._errors: dict[str, str] = {}
        self._started_at: float | None = None
        self._plan = None
        self.chart_dir = str(Path.home())
        self._build()
        self._connect()
        self.apply_preset("seed")
        self._tick = QTimer(self, interval=1000, timeout=self._update_times)

    # ---- layout --------------------------------------------------------------------------

    def _build(self):
        self.preset_combo = QComboBox()
        for name in PRESET_NAMES:
            self.preset_combo.addItem(PRESET_TITLES[name], name)
        self.preset_combo.setToolTip("Seed DNN is exactly the notebook's model and settings")
        self.hidden_edit = QLineEdit()
        self.hidden_edit.setPlaceholderText("e.g. 200,100,60,30")
        self.activation_combo = QComboBox()
        self.activation_combo.addItems(ACTIVATIONS)
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.addItem("SGD", "sgd")
        self.optimizer_combo.addItem("Adam", "adam")
        self.lr_edit = QLineEdit()
        self.epochs_spin = QSpinBox(minimum=1, maximum=10_000)
        self.batch_spin = QSpinBox(minimum=1, maximum=60_000)
        self.train_size_spin = QSpinBox(minimum=100, maximum=60_000, singleStep=1000)
        self.train_size_spin.setValue(60_000)
        self.train_size_spin.setToolTip("Train on the first N training images (60,000 = all)")
        self.augment_check = QCheckBox("Au&gment (rotation, shear, zoom, shift, stroke width)")
        self.augment_check.setToolTip("Train on randomly slanted, sheared, resized, shifted, thicker or thinner "
                                      "digits: closer to what people draw on the Draw Pad")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.arch_note = QLabel()
        self.arch_note.setWordWrap(True)
        self.arch_note.setStyleSheet("font-style: italic;")

        form = QFormLayout()
        form.addRow("&Preset:", self.preset_combo)
        form.addRow("&Hidden layers:", self.hidden_edit)
        form.addRow("&Activation:", self.activation_combo)
        form.addRow("&Optimizer:", self.optimizer_combo)
        form.addRow("&Learning rate:", self.lr_edit)
        form.addRow("&Epochs:", self.epochs_spin)
        form.addRow("&Batch size:", self.batch_spin)
        form.addRow("Training &images:", self.train_size_spin)
        form.addRow(self.augment_check)
        form.addRow(self.arch_note)
        form.addRow(self.error_label)

        self.train_button = QPushButton("&Train")
        self.train_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.train_button.setToolTip("Train a new model with these settings (Ctrl+Enter)")
        self.stop_button = QPushButton("&Stop")
        self.stop_button.setShortcut(QKeySequence("Ctrl+."))
        self.stop_button.setToolTip("Stop after the current step; the model keeps what it learned (Ctrl+.)")
        self.stop_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.stop_button)

        settings_box = QGroupBox("Model and training")
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addLayout(form)
        settings_layout.addLayout(buttons)
        settings_layout.addStretch(1)

        self.epoch_bar = QProgressBar(format="Epochs", maximum=1, value=0)
        self.batch_bar = QProgressBar(format="Batches", maximum=1, value=0)
        for bar in (self.epoch_bar, self.batch_bar):
            # setValue() repaints at once; an opaque bar repaints only itself, not the tab below it.
            bar.setAutoFillBackground(True)
        self.time_label = SteadyLabel("Elapsed – · ETA –")
        self.result_label = QLabel()
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result_label.setFont(font)
        progress_box = QGroupBox("Progress")
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.addWidget(self.epoch_bar)
        progress_layout.addWidget(self.batch_bar)
        progress_layout.addWidget(self.time_label)
        progress_layout.addWidget(self.result_label)
        self.save_chart_button = QPushButton("Save &chart…")
        self.save_chart_button.setToolTip("Save the loss and accuracy curves as PNG, SVG or PDF")
        self.save_chart_button.setEnabled(False)
        progress_layout.addWidget(self.save_chart_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.charts = TrainingCharts()
        self.log_view = QPlainTextEdit(readOnly=True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setPlaceholderText("Epoch log")

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.charts)
        right.addWidget(self.log_view)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)

        left = QVBoxLayout()
        left.addWidget(settings_box)
        left.addWidget(progress_box)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMaximumWidth(380)

        layout = QHBoxLayout(self)
        layout.addWidget(left_widget)
        layout.addWidget(right, 1)

    def _connect(self):
        self.preset_combo.currentIndexChanged.connect(lambda _: self.apply_preset(self.preset_combo.currentData()))
        for edit in (self.hidden_edit, self.lr_edit):
            edit.textChanged.connect(self._validate)
        for combo in (self.activation_combo, self.optimizer_combo):
            combo.currentIndexChanged.connect(self._validate)
        for spin in (self.epochs_spin, self.batch_spin, self.train_size_spin):
            spin.valueChanged.connect(self._validate)
        self.epochs_spin.valueChanged.connect(self._plan_charts)
        self.augment_check.toggled.connect(self._validate)
        self.train_button.clicked.connect(self.start_training)
        self.stop_button.clicked.connect(self.service.stop_training)
        self.save_chart_button.clicked.connect(self._ask_chart_path)

        s = self.service
        s.training_started.connect(self._on_started)
        s.batch_progress.connect(self._on_batch)
        s.epoch_finished.connect(self._on_epoch)
        s.training_finished.connect(self._on_finished)
        s.training_failed.connect(self._on_failed)
        s.busy_changed.connect(lambda _: self._update_buttons())
        s.backend_ready.connect(self._update_buttons)
        s.dataset_ready.connect(lambda _: self._update_buttons())

    # ---- hyperparameters ------------------------------------------------------------------

    def apply_preset(self, name: str, config: ModelConfig | None = None):
        """Fill the fields from a preset (or a saved config of that preset)."""
        config = config or PRESETS[name]
        index = self.preset_combo.findData(name)
        if index != self.preset_combo.currentIndex():
            self.preset_combo.blockSignals(True)
            self.preset_combo.setCurrentIndex(index)
            self.preset_combo.blockSignals(False)
        self.hidden_edit.setText(",".join(str(n) for n in config.hidden) if name != "cnn" else "")
        self.activation_combo.setCurrentText(config.activation)
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(config.optimizer))
        self.lr_edit.setText(f"{config.learning_rate:g}")
        self.epochs_spin.setValue(config.epochs)
        self.batch_spin.setValue(config.batch_size)
        self.augment_check.setChecked(config.augment)
        # The Seed DNN and the CNN are fixed architectures; the MLP is the one to edit.
        editable = name == "mlp"
        for w in (self.hidden_edit, self.activation_combo, self.optimizer_combo, self.lr_edit):
            w.setEnabled(editable)
        self.arch_note.setText({
            "seed": "The notebook's model: Reshape 784 → BatchNorm → Dense 200/100/60/30 sigmoid → softmax, "
                    "SGD 0.03, batch 32, 50 epochs. Choose MLP to change the architecture.",
            "cnn": "Three small convolution layers, Adam with a one-cycle learning rate, "
                   "trained on augmented digits: ≈99.3% test accuracy in 5 epochs.",
            "mlp": "Edit freely: hidden sizes, activation, optimizer, learning rate.",
        }[name])
        self._validate()

    def _field_errors(self) -> dict[str, str]:
        errors = {}
        preset = self.preset_combo.currentData()
        if preset != "cnn":
            try:
                parse_hidden(self.hidden_edit.text())
            except ConfigError as exc:
                errors["hidden"] = str(exc)
        try:
            lr = float(self.lr_edit.text())
            if not 0 < lr <= 10:
                raise ValueError
        except ValueError:
            errors["lr"] = "learning rate: a number greater than 0 and at most 10, e.g. 0.03"
        return errors

    def _validate(self):
        self._errors = self._field_errors()
        self.hidden_edit.setStyleSheet(INVALID_STYLE if "hidden" in self._errors else "")
        self.lr_edit.setStyleSheet(INVALID_STYLE if "lr" in self._errors else "")
        self.hidden_edit.setToolTip(self._errors.get("hidden", "Hidden layer sizes, comma-separated"))
        self.lr_edit.setToolTip(self._errors.get("lr", "Learning rate"))
        self.error_label.setText("\n".join(self._errors.values()))
        self._update_buttons()
        self.config_changed.emit()

    def _plan_charts(self, epochs: int):
        # Empty charts show the run these settings plan, so pressing Train need not relay them out.
        if not self.charts.history:
            self.charts.clear(epochs)

    @property
    def is_valid(self) -> bool:
        return not self._errors

    def config(self) -> ModelConfig:
        """The config the fields describe; raises ConfigError when a field is invalid."""
        name = self.preset_combo.currentData()
        base = PRESETS[name]
        if name != "mlp":
            return base.replace(epochs=self.epochs_spin.value(), batch_size=self.batch_spin.value(),
                                augment=self.augment_check.isChecked()).validate()
        return base.replace(
            hidden=parse_hidden(self.hidden_edit.text()),
            activation=self.activation_combo.currentText(),
            optimizer=self.optimizer_combo.currentData(),
            learning_rate=float(self.lr_edit.text()),
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            augment=self.augment_check.isChecked(),
        ).validate()

    def _update_buttons(self):
        s = self.service
        training = s.is_training
        self.save_chart_button.setEnabled(bool(self.charts.history))
        ready = s.backend_is_ready and s.data is not None
        self.train_button.setEnabled(self.is_valid and ready and not training)
        self.stop_button.setEnabled(training)
        self.preset_combo.setEnabled(not training)
        if not ready and not training:
            self.train_button.setToolTip("Waiting for TensorFlow and the data to load…")
        else:
            self.train_button.setToolTip("Train a new model with these settings (Ctrl+Enter)")

    # ---- settings --------------------------------------------------------------------------

    def save_settings(self, settings: QSettings):
        settings.setValue("training/preset", self.preset_combo.currentData())
        settings.setValue("training/hidden", self.hidden_edit.text())
        settings.setValue("training/activation", self.activation_combo.currentText())
        settings.setValue("training/optimizer", self.optimizer_combo.currentData())
        settings.setValue("training/lr", self.lr_edit.text())
        settings.setValue("training/epochs", self.epochs_spin.value())
        settings.setValue("training/batch_size", self.batch_spin.value())
        settings.setValue("training/train_size", self.train_size_spin.value())
        settings.setValue("training/augment", self.augment_check.isChecked())
        settings.setValue("charts/last_dir", self.chart_dir)

    def restore_settings(self, settings: QSettings):
        self.chart_dir = str(settings.value("charts/last_dir", self.chart_dir))
        preset = settings.value("training/preset")
        if preset not in PRESETS:
            return
        self.apply_preset(preset)
        if preset == "mlp":
            self.hidden_edit.setText(str(settings.value("training/hidden", self.hidden_edit.text())))
            self.activation_combo.setCurrentText(str(settings.value("training/activation", "relu")))
            index = self.optimizer_combo.findData(settings.value("training/optimizer", "adam"))
            self.optimizer_combo.setCurrentIndex(max(index, 0))
            self.lr_edit.setText(str(settings.value("training/lr", self.lr_edit.text())))
        self.epochs_spin.setValue(int(settings.value("training/epochs", self.epochs_spin.value())))
        self.batch_spin.setValue(int(settings.value("training/batch_size", self.batch_spin.value())))
        self.train_size_spin.setValue(int(settings.value("training/train_size", 60_000)))
        augment = settings.value("training/augment")
        if augment is not None:  # QSettings' INI files give back "true"/"false"
            self.augment_check.setChecked(str(augment).lower() == "true")

    # ---- training ----------------------------------------------------------------------------

    def start_training(self):
        if not self.is_valid:
            return
        try:
            config = self.config()
        except ConfigError as exc:
            self.error_label.setText(str(exc))
            return
        size = self.train_size_spin.value()
        self.service.start_training(config, train_size=None if size >= 60_000 else size)

    def _on_started(self, plan):
        self._plan = plan
        self._started_at = time.monotonic()
        self._epoch_started_at = self._started_at
        self.epoch_bar.setFormat("Epoch %v / %m")
        self.batch_bar.setFormat("Batch %v / %m")
        self.epoch_bar.setRange(0, plan.epochs)
        self.epoch_bar.setValue(0)
        self.batch_bar.setRange(0, plan.total_batches)
        self.batch_bar.setValue(0)
        self.result_label.clear()
        self.charts.clear(plan.epochs)
        c = plan.config
        self.log(f"Training {PRESET_TITLES[c.preset]}: {plan.epochs} epochs, batch {c.batch_size}, "
                 f"{c.optimizer.upper()} lr {c.learning_rate:g}, {plan.n_train} images, "
                 f"validating on {plan.n_test}")
        self._tick.start()
        self._update_times()
        self._update_buttons()

    def _on_batch(self, epoch, done, total, logs):
        self.epoch_bar.setValue(epoch)
        self.batch_bar.setMaximum(total)
        self.batch_bar.setValue(done)

    def _on_epoch(self, epoch, logs):
        self.epoch_bar.setValue(epoch + 1)
        self.charts.add_epoch(logs)
        self.save_chart_button.setEnabled(True)
        self.log(f"Epoch {epoch + 1}/{self._plan.epochs}: " + "  ".join(
            f"{k}={v:.4f}" for k, v in sorted(logs.items()) if not k.startswith("learning")))
        self._update_times()

    def _on_finished(self, history, stopped):
        self._tick.stop()
        self._update_times()
        val = history.get("val_accuracy") or [None]
        acc = val[-1]
        text = f"Test accuracy: {acc:.2%}" if acc is not None else "Stopped before validation"
        if stopped:
            text += f" (stopped after {len(history.get('loss', []))} epochs)"
        self.result_label.setText(text)
        self.log(("Stopped. " if stopped else "Finished. ") + text)
        self._update_buttons()

    def _ask_chart_path(self):
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save chart as", str(Path(self.chart_dir) / "training.png"),
            "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
        if not path:
            return
        if not Path(path).suffix:
            path += "." + chosen.split("*.")[1].rstrip(")")
        self.chart_dir = str(Path(path).parent)
        self.save_chart(path)

    def save_chart(self, path) -> bool:
        """Draw the curves with matplotlib into ``path``; a failure is shown, never raised."""
        from ..core.charts import ChartError, save_history_chart

        title = None
        if self._plan is not None:
            title = f"{PRESET_TITLES[self._plan.config.preset]}, {len(self.charts.history.get('loss', []))} epochs"
        try:
            save_history_chart(self.charts.history, path, title)
        except ChartError as exc:
            self.log(f"Chart not saved: {exc}")
            self.error.emit("Save chart", str(exc))
            return False
        self.log(f"Chart saved to {path}")
        return True

    def _on_failed(self, message):
        self._tick.stop()
        self.result_label.setText("Training failed")
        self.log(f"Error: {message}")
        self._update_buttons()

    def _update_times(self):
        if self._started_at is None or self._plan is None:
            return
        elapsed = time.monotonic() - self._started_at
        done_epochs = self.epoch_bar.value() + self.batch_bar.value() / max(1, self.batch_bar.maximum())
        eta = None
        if self.service.is_training and done_epochs > 0:
            eta = elapsed / done_epochs * (self._plan.epochs - done_epochs)
        self.time_label.setText(f"Elapsed {format_duration(elapsed)} · ETA {format_duration(eta)}")

    def log(self, text: str):
        self.log_view.appendPlainText(f"[{time.strftime('%H:%M:%S')}] {text}")
