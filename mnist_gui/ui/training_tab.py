"""Training tab: choose a preset and hyperparameters, train with live progress and charts, stop."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.models import (
    ACTIVATIONS,
    OPTIMIZERS,
    PRESETS,
    RANGES,
    SCHEDULES,
    ConfigError,
    ModelConfig,
    parse_hidden,
    preset_title,
)
from .settings import read_choice, read_float, read_float_text, read_int, read_text
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
        for name, p in PRESETS.items():
            self.preset_combo.addItem(p.title, name)
        self.preset_combo.setToolTip("Seed DNN is exactly the notebook's model and settings")
        self.hidden_edit = QLineEdit()
        self.hidden_edit.setPlaceholderText("e.g. 200,100,60,30")
        self.activation_combo = QComboBox()
        self.activation_combo.addItems(ACTIVATIONS)
        self.optimizer_combo = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem({"sgd": "SGD", "adam": "Adam"}.get(name, name), name)
        self.lr_edit = QLineEdit()
        self.momentum_spin = self._number_spin("momentum", 0.05, 3, "SGD momentum (0 = plain SGD)")
        self.weight_decay_spin = self._number_spin("weight_decay", 0.0001, 4, "Decoupled weight decay (0 = none)")
        self.dropout_spin = self._number_spin("dropout", 0.05, 2, "Dropout after each hidden layer (0 = none)")
        self.schedule_combo = QComboBox()
        for name, text in (("constant", "Constant"), ("step", "Step decay"), ("cosine", "Cosine")):
            self.schedule_combo.addItem(text, name)
        self.schedule_combo.setToolTip("Learning rate per epoch: constant; × decay every epoch; "
                                       "cosine from the rate down to 0 over the run")
        self.lr_decay_spin = self._number_spin("lr_decay", 0.05, 2, "Step decay: the factor per epoch")
        self.epochs_spin = QSpinBox(minimum=RANGES["epochs"][0], maximum=RANGES["epochs"][1])
        self.batch_spin = QSpinBox(minimum=RANGES["batch_size"][0], maximum=RANGES["batch_size"][1])
        self.train_size_spin = QSpinBox(minimum=100, maximum=60_000, singleStep=1000)
        self.train_size_spin.setValue(60_000)
        self.train_size_spin.setToolTip("Train on the first N training images (60,000 = all)")
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
        form.addRow("Dr&opout:", self.dropout_spin)
        form.addRow("Optimi&zer:", self.optimizer_combo)
        form.addRow("&Learning rate:", self.lr_edit)
        form.addRow("&Momentum:", self.momentum_spin)
        form.addRow("&Weight decay:", self.weight_decay_spin)
        form.addRow("Sc&hedule:", self.schedule_combo)
        form.addRow("Decay per epoc&h:", self.lr_decay_spin)
        form.addRow("&Epochs:", self.epochs_spin)
        form.addRow("&Batch size:", self.batch_spin)
        form.addRow("Training &images:", self.train_size_spin)
        form.addRow(self.arch_note)
        form.addRow(self.error_label)
        # Form fields by the ModelConfig field they edit: the preset's data says which are editable.
        self.fields = {"hidden": self.hidden_edit, "activation": self.activation_combo,
                       "dropout": self.dropout_spin, "optimizer": self.optimizer_combo,
                       "learning_rate": self.lr_edit, "momentum": self.momentum_spin,
                       "weight_decay": self.weight_decay_spin, "schedule": self.schedule_combo,
                       "lr_decay": self.lr_decay_spin, "epochs": self.epochs_spin, "batch_size": self.batch_spin}

        self.train_button = QPushButton("&Train")
        self.train_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.train_button.setToolTip("Train a new model with these settings (Ctrl+Enter)")
        self.more_button = QPushButton("Train &more")
        self.more_button.setToolTip("Continue training the current model for more epochs: its weights, "
                                    "optimizer state and epoch count go on")
        self.more_spin = QSpinBox(minimum=1, maximum=RANGES["epochs"][1], value=10, suffix=" epochs")
        self.more_spin.setToolTip("How many more epochs Train more runs")
        self.stop_button = QPushButton("&Stop")
        self.stop_button.setShortcut(QKeySequence("Ctrl+."))
        self.stop_button.setToolTip("Stop after the current step; the model keeps what it learned (Ctrl+.)")
        self.stop_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.stop_button)
        more = QHBoxLayout()
        more.addWidget(self.more_button)
        more.addWidget(self.more_spin)

        settings_box = QGroupBox("Model and training")
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addLayout(form)
        settings_layout.addLayout(buttons)
        settings_layout.addLayout(more)
        settings_layout.addStretch(1)

        self.epoch_bar = QProgressBar(format="Epochs", maximum=1, value=0)
        self.batch_bar = QProgressBar(format="Batches", maximum=1, value=0)
        for bar in (self.epoch_bar, self.batch_bar):
            # setValue() repaints at once; an opaque bar repaints only itself, not the tab below it.
            bar.setAutoFillBackground(True)
        self.time_label = SteadyLabel("Elapsed – · ETA –")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result_label.setFont(font)
        # After a run: which model is in use, the new or the previous one, and a one-click switch.
        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self._switch_model)
        self.outcome_label.hide()
        self.switch_button.hide()
        progress_box = QGroupBox("Progress")
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.addWidget(self.epoch_bar)
        progress_layout.addWidget(self.batch_bar)
        progress_layout.addWidget(self.time_label)
        progress_layout.addWidget(self.result_label)
        progress_layout.addWidget(self.outcome_label)
        progress_layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)
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
        scroll = QScrollArea()  # the longer form must never be squeezed on a small screen
        scroll.setWidget(left_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMaximumWidth(400)

        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(right, 1)

    @staticmethod
    def _number_spin(field: str, step: float, decimals: int, tooltip: str) -> QDoubleSpinBox:
        low, high, _ = RANGES[field]
        spin = QDoubleSpinBox(minimum=low, maximum=high, singleStep=step, decimals=decimals)
        spin.setToolTip(tooltip)
        return spin

    def _connect(self):
        self.preset_combo.currentIndexChanged.connect(lambda _: self.apply_preset(self.preset_combo.currentData()))
        for edit in (self.hidden_edit, self.lr_edit):
            edit.textChanged.connect(self._validate)
        for combo in (self.activation_combo, self.optimizer_combo, self.schedule_combo):
            combo.currentIndexChanged.connect(self._validate)
        for spin in (self.epochs_spin, self.batch_spin, self.train_size_spin, self.momentum_spin,
                     self.weight_decay_spin, self.dropout_spin, self.lr_decay_spin):
            spin.valueChanged.connect(self._validate)
        self.epochs_spin.valueChanged.connect(self._plan_charts)
        self.train_button.clicked.connect(self.start_training)
        self.more_button.clicked.connect(self.train_more)
        self.stop_button.clicked.connect(self.service.stop_training)
        self.save_chart_button.clicked.connect(self._ask_chart_path)

        s = self.service
        s.training_started.connect(self._on_started)
        s.batch_progress.connect(self._on_batch)
        s.epoch_finished.connect(self._on_epoch)
        s.training_finished.connect(self._on_finished)
        s.training_failed.connect(self._on_failed)
        s.training_outcome.connect(self._on_outcome)
        s.model_changed.connect(lambda _: self._update_buttons())
        s.busy_changed.connect(lambda _: self._update_buttons())
        s.backend_ready.connect(self._update_buttons)
        s.dataset_ready.connect(lambda _: self._update_buttons())

    # ---- hyperparameters ------------------------------------------------------------------

    def apply_preset(self, name: str, config: ModelConfig | None = None):
        """Fill the fields from a preset (or a saved config of that preset)."""
        p = PRESETS[name]
        config = config or p.defaults
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(name))
        self.hidden_edit.setText(",".join(str(n) for n in config.hidden) if p.has_hidden_layers else "")
        self.activation_combo.setCurrentText(config.activation)
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(config.optimizer))
        self.lr_edit.setText(f"{config.learning_rate:g}")
        self.momentum_spin.setValue(config.momentum)
        self.weight_decay_spin.setValue(config.weight_decay)
        self.dropout_spin.setValue(config.dropout)
        self.schedule_combo.setCurrentIndex(self.schedule_combo.findData(config.schedule))
        self.lr_decay_spin.setValue(config.lr_decay)
        self.epochs_spin.setValue(config.epochs)
        self.batch_spin.setValue(config.batch_size)
        self.arch_note.setText(p.description)
        self._validate()

    def _editable(self) -> frozenset[str]:
        return PRESETS[self.preset_combo.currentData()].editable

    def _set_fields_enabled(self):
        """Only what the preset lets the user change, and nothing while a run goes on."""
        training = self.service.is_training
        editable = self._editable()
        for field, widget in self.fields.items():
            widget.setEnabled(field in editable and not training)
        # Momentum is SGD's; the decay factor is the step schedule's.
        if self.optimizer_combo.currentData() != "sgd":
            self.momentum_spin.setEnabled(False)
        if self.schedule_combo.currentData() != "step":
            self.lr_decay_spin.setEnabled(False)
        self.preset_combo.setEnabled(not training)
        self.train_size_spin.setEnabled(not training)

    def _field_errors(self) -> dict[str, str]:
        """Each field's own problem (ConfigError's message: ranges live in ModelConfig.validate)."""
        errors = {}
        editable = self._editable()
        if "hidden" in editable:
            try:
                parse_hidden(self.hidden_edit.text())
            except ConfigError as exc:
                errors["hidden"] = str(exc)
        try:
            lr = float(self.lr_edit.text())
        except ValueError:
            errors["lr"] = "learning rate: a number greater than 0 and at most 10, e.g. 0.03"
        else:
            try:
                PRESETS["mlp"].defaults.replace(learning_rate=lr).validate()
            except ConfigError as exc:
                errors["lr"] = str(exc)
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
        p = PRESETS[self.preset_combo.currentData()]
        values = {
            "hidden": lambda: parse_hidden(self.hidden_edit.text()),
            "activation": self.activation_combo.currentText,
            "dropout": self.dropout_spin.value,
            "optimizer": self.optimizer_combo.currentData,
            "learning_rate": lambda: float(self.lr_edit.text()),
            "momentum": self.momentum_spin.value,
            "weight_decay": self.weight_decay_spin.value,
            "schedule": self.schedule_combo.currentData,
            "lr_decay": self.lr_decay_spin.value,
            "epochs": self.epochs_spin.value,
            "batch_size": self.batch_spin.value,
        }
        try:
            return p.defaults.replace(**{field: values[field]() for field in p.editable}).validate()
        except ValueError as exc:  # ConfigError, or a number that does not parse
            raise ConfigError(str(exc)) from None

    def _update_buttons(self):
        s = self.service
        training = s.is_training
        self.save_chart_button.setEnabled(bool(self.charts.history))
        ready = s.backend_is_ready and s.data is not None
        self.train_button.setEnabled(self.is_valid and ready and not training)
        self.more_button.setEnabled(ready and not training and s.has_model)
        self.more_spin.setEnabled(not training)
        self.stop_button.setEnabled(training)
        self.switch_button.setEnabled(not training)
        self._set_fields_enabled()
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
        settings.setValue("training/schedule", self.schedule_combo.currentData())
        for key, spin in self._number_settings():
            settings.setValue(key, spin.value())
        settings.setValue("training/more_epochs", self.more_spin.value())
        settings.setValue("charts/last_dir", self.chart_dir)

    def _number_settings(self):
        return (("training/epochs", self.epochs_spin), ("training/batch_size", self.batch_spin),
                ("training/train_size", self.train_size_spin), ("training/momentum", self.momentum_spin),
                ("training/weight_decay", self.weight_decay_spin), ("training/dropout", self.dropout_spin),
                ("training/lr_decay", self.lr_decay_spin))

    def restore_settings(self, settings: QSettings):
        self.chart_dir = read_text(settings, "charts/last_dir", self.chart_dir)
        self.more_spin.setValue(read_int(settings, "training/more_epochs", self.more_spin.value(),
                                         self.more_spin.minimum(), self.more_spin.maximum()))
        preset = read_choice(settings, "training/preset", "", PRESETS)
        if not preset:
            return
        self.apply_preset(preset)
        editable = PRESETS[preset].editable
        if "hidden" in editable:
            self.hidden_edit.setText(read_text(settings, "training/hidden", self.hidden_edit.text(), 200))
        if "activation" in editable:
            self.activation_combo.setCurrentText(read_choice(settings, "training/activation",
                                                             self.activation_combo.currentText(), ACTIVATIONS))
        if "optimizer" in editable:
            optimizer = read_choice(settings, "training/optimizer", self.optimizer_combo.currentData(), OPTIMIZERS)
            self.optimizer_combo.setCurrentIndex(max(self.optimizer_combo.findData(optimizer), 0))
        if "learning_rate" in editable:
            self.lr_edit.setText(read_float_text(settings, "training/lr", self.lr_edit.text(), 0, 10))
        if "schedule" in editable:
            schedule = read_choice(settings, "training/schedule", self.schedule_combo.currentData(), SCHEDULES)
            self.schedule_combo.setCurrentIndex(self.schedule_combo.findData(schedule))
        fields = {"training/momentum": "momentum", "training/weight_decay": "weight_decay",
                  "training/dropout": "dropout", "training/lr_decay": "lr_decay"}
        for key, spin in self._number_settings():
            if key in fields and fields[key] not in editable:
                continue
            if isinstance(spin, QDoubleSpinBox):
                spin.setValue(read_float(settings, key, spin.value(), spin.minimum(), spin.maximum()))
            else:
                spin.setValue(read_int(settings, key, spin.value(), spin.minimum(), spin.maximum()))

    # ---- training ----------------------------------------------------------------------------

    def _train_size(self) -> int | None:
        size = self.train_size_spin.value()
        return None if size >= 60_000 else size

    def start_training(self):
        if not self.is_valid:
            return
        try:
            config = self.config()
        except ConfigError as exc:
            self.error_label.setText(str(exc))
            return
        self.service.start_training(config, train_size=self._train_size())

    def train_more(self):
        """Continue the current model; a model the app did not build uses the form's optimizer."""
        try:
            config = self.config()
        except ConfigError:
            config = None
        self.service.train_more(self.more_spin.value(), config=config, train_size=self._train_size())

    def _on_started(self, plan):
        self._plan = plan
        self._started_at = time.monotonic()
        self._epoch_started_at = self._started_at
        self.epoch_bar.setFormat("Epoch %v / %m")
        self.batch_bar.setFormat("Batch %v / %m")
        self.epoch_bar.setRange(plan.first_epoch, plan.epochs)
        self.epoch_bar.setValue(plan.first_epoch)
        self.batch_bar.setRange(0, plan.total_batches)
        self.batch_bar.setValue(0)
        self.result_label.clear()
        self.outcome_label.hide()
        self.switch_button.hide()
        # A continued run extends the charts of the model's earlier epochs.
        self.charts.clear(plan.epochs)
        if plan.continued:
            for logs in _epochs_of(plan.history):
                self.charts.add_epoch(logs)
        c = plan.config
        span = (f"epochs {plan.first_epoch + 1}–{plan.epochs} (continued)" if plan.continued
                else f"{plan.epochs} epochs")
        self.log(f"Training {preset_title(c.preset)}: {span}, batch {c.batch_size}, "
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
        done = len(history.get("loss", []))
        acc = (history.get("val_accuracy") or [None])[-1]
        if stopped:
            last = self._plan.first_epoch + done if self._plan else done
            text = f"Stopped during epoch {last + 1}"
            if acc is not None:
                text += f" (test accuracy {acc:.2%} after epoch {last})"
        else:
            text = f"Test accuracy: {acc:.2%}" if acc is not None else "Finished"
        self.result_label.setText(text)
        self.log(("Stopped. " if stopped else "Finished. ") + text)
        self._update_buttons()

    def _on_outcome(self, outcome):
        """New vs previous: say which is in use and offer the other in one click."""
        def score(info):
            return f"{info.test_accuracy:.2%}" if info.test_accuracy is not None else "not measured"

        new, previous = outcome.new, outcome.previous
        if outcome.using_new:
            text = f"Using the new model ({score(new)}); the previous one, {previous.name}, scored {score(previous)}."
            self.switch_button.setText("&Keep previous model")
        else:
            text = (f"Keeping the previous model, {previous.name} ({score(previous)}): the new one scored "
                    f"{score(new)}.")
            self.switch_button.setText("&Use new model")
        self.outcome_label.setText(text)
        self.outcome_label.show()
        self.switch_button.show()
        self.log(text)

    def _switch_model(self):
        outcome = self.service.outcome
        if outcome is not None:
            (self.service.keep_previous_model if outcome.using_new else self.service.use_new_model)()

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
            title = f"{preset_title(self._plan.config.preset)}, {len(self.charts.history.get('loss', []))} epochs"
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


def _epochs_of(history: dict) -> list[dict]:
    """{"loss": [a, b], ...} -> [{"loss": a, ...}, {"loss": b, ...}]."""
    n = min((len(v) for v in history.values()), default=0)
    return [{k: v[i] for k, v in history.items()} for i in range(n)]
