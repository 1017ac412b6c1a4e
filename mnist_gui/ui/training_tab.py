"""Training tab: choose a preset and hyperparameters, train with live progress and charts, stop."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
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
    QToolButton,
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
from .charts import ChartError, TrainingCharts
from .settings import read_bool, read_choice, read_float, read_float_text, read_int, read_text
from .widgets import LastFolder, SteadyLabel

INVALID_STYLE = "border: 2px solid #c0392b;"
KNOBS = ("dropout", "momentum", "weight_decay", "schedule", "lr_decay")  # rows shown only where editable


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


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
        self.last_folder = LastFolder()  # the window gives it the shared, remembered one
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
        for name, text in (("constant", "Constant"), ("step", "Step decay"), ("cosine", "Cosine"),
                           ("one_cycle", "One-cycle")):
            self.schedule_combo.addItem(text, name)
        self.schedule_combo.setToolTip("Learning rate: constant; × decay every epoch; cosine from the rate "
                                       "down to 0 over the run; one-cycle, every batch: up to the rate, then down")
        self.lr_decay_spin = self._number_spin("lr_decay", 0.05, 2, "Step decay: the factor per epoch")
        self.epochs_spin = QSpinBox(minimum=RANGES["epochs"][0], maximum=RANGES["epochs"][1])
        self.batch_spin = QSpinBox(minimum=RANGES["batch_size"][0], maximum=RANGES["batch_size"][1])
        self.augment_check = QCheckBox("Au&gment")
        self.augment_check.setToolTip("Train on randomly rotated, sheared, resized, shifted, thicker or thinner "
                                      "digits, as people draw them (the saved model is unchanged)")
        self.train_size_spin = QSpinBox(minimum=100, maximum=60_000, singleStep=1000)
        self.train_size_spin.setValue(60_000)
        self.train_size_spin.setToolTip("Train on the first N training images (60,000 = all)")
        self.drawings_check = QCheckBox("+ my drawings")
        self.drawings_check.setToolTip("Include My drawings (the digits you labelled on the Draw Pad) in Train "
                                       "and Train more, repeated so that they count among 60,000 images")
        self.drawings_share_spin = QSpinBox(minimum=1, maximum=50, value=5, suffix="%")
        self.drawings_share_spin.setToolTip("Share of each epoch's images that are your drawings (oversampled)")
        self.drawings_share_spin.setAccessibleName("Drawings' share")
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
        form.addRow("Mome&ntum:", self.momentum_spin)
        form.addRow("&Weight decay:", self.weight_decay_spin)
        form.addRow("Sche&dule:", self.schedule_combo)
        form.addRow("Deca&y per epoch:", self.lr_decay_spin)
        form.addRow("&Epochs:", self.epochs_spin)
        # Augment shares the batch size's row: another row would not fit a 640-px-high window.
        batch_row = QHBoxLayout()
        batch_row.setContentsMargins(0, 0, 0, 0)
        batch_row.addWidget(self.batch_spin, 1)
        batch_row.addWidget(self.augment_check)
        form.addRow("&Batch size:", batch_row)
        form.labelForField(batch_row).setBuddy(self.batch_spin)  # Alt+B still reaches the spin box
        # My drawings share the training images' row, for the same reason.
        images_row = QHBoxLayout()
        images_row.setContentsMargins(0, 0, 0, 0)
        images_row.addWidget(self.train_size_spin, 1)
        images_row.addWidget(self.drawings_check)
        images_row.addWidget(self.drawings_share_spin)
        form.addRow("Training &images:", images_row)
        form.labelForField(images_row).setBuddy(self.train_size_spin)
        form.addRow(self.arch_note)
        form.addRow(self.error_label)
        self.form = form
        # Form fields by the ModelConfig field they edit: the preset's data says which are editable.
        self.fields = {"hidden": self.hidden_edit, "activation": self.activation_combo,
                       "dropout": self.dropout_spin, "optimizer": self.optimizer_combo,
                       "learning_rate": self.lr_edit, "momentum": self.momentum_spin,
                       "weight_decay": self.weight_decay_spin, "schedule": self.schedule_combo,
                       "lr_decay": self.lr_decay_spin, "epochs": self.epochs_spin, "batch_size": self.batch_spin,
                       "augment": self.augment_check}

        self.train_button = QPushButton("&Train")
        self.train_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.train_button.setToolTip("Train a new model with these settings (Ctrl+Enter)")
        self.more_button = QPushButton("Train &more")
        self.more_button.setToolTip("Continue training the current model for more epochs: its weights, "
                                    "optimizer state and epoch count go on")
        self.more_spin = QSpinBox(minimum=1, maximum=RANGES["epochs"][1], value=10, prefix="+")
        self.more_spin.setToolTip("How many more epochs Train more runs")
        self.more_spin.setAccessibleName("More epochs")
        self.stop_button = QPushButton("&Stop")
        self.stop_button.setShortcut(QKeySequence("Ctrl+."))
        self.stop_button.setToolTip("Stop after the current step; the model keeps what it learned (Ctrl+.)")
        self.stop_button.setEnabled(False)
        # Beside Save chart (a row of its own would not fit a 640-px-high window, another button in
        # Train's row would widen the column and squeeze the charts' axes).
        self.fine_tune_button = QToolButton(text="Fine-tune")
        self.fine_tune_button.setAccessibleName("Fine-tune on my drawings")
        self.fine_tune_button.setToolTip(
            "Fine-tune on my drawings: continue the current model for a short, augmented run on part of "
            "MNIST and your drawings, "
            "holding some of each digit's drawings back to measure on; Undo fine-tune brings the model back")
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.more_spin)
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
        # After a run: which model is in use, the new or the previous one, and a one-click switch.
        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setMinimumWidth(1)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self._switch_model)
        self.outcome_label.hide()
        self.switch_button.hide()
        self.save_chart_button = QPushButton("Save &chart…")
        self.save_chart_button.setToolTip("Save the loss and accuracy curves as shown, as PNG, SVG or PDF")
        self.save_chart_button.setEnabled(False)
        self.charts = TrainingCharts()
        self.log_view = QPlainTextEdit(readOnly=True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setPlaceholderText("Epoch log")
        self._arrange(settings_box)

    def _arrange(self, settings_box):
        """The settings and progress in a left column that scrolls rather than squeezes on a small
        screen; the charts over the log on the right; splitters between them (remembered by the
        window)."""
        self.arch_note.setMinimumWidth(1)  # wraps to the column, never widens it
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result_label.setFont(font)
        self.result_label.setWordWrap(True)  # "Test accuracy: 11.35% (stopped after 3 epochs)" wraps
        self.result_label.setMinimumWidth(1)
        progress_box = QGroupBox("Progress")
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.addWidget(self.epoch_bar)
        progress_layout.addWidget(self.batch_bar)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_label)
        time_row.addStretch(1)
        time_row.addWidget(self.fine_tune_button)
        time_row.addWidget(self.save_chart_button)
        progress_layout.addLayout(time_row)
        progress_layout.addWidget(self.result_label)
        progress_layout.addWidget(self.outcome_label)
        progress_layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)

        left_widget = QWidget()
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 4, 0)
        left.addWidget(settings_box)
        left.addWidget(progress_box)
        left_scroll = QScrollArea()
        left_scroll.setObjectName("training_left_scroll")
        left_scroll.setWidget(left_widget)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(left_widget.minimumSizeHint().width()
                                    + left_scroll.verticalScrollBar().sizeHint().width())

        right = QSplitter(Qt.Orientation.Vertical, objectName="training_charts_log")
        right.addWidget(self.charts)
        right.addWidget(self.log_view)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)

        columns = QSplitter(Qt.Orientation.Horizontal, objectName="training_columns")
        columns.addWidget(left_scroll)
        columns.addWidget(right)
        columns.setStretchFactor(0, 0)
        columns.setStretchFactor(1, 1)
        columns.setChildrenCollapsible(False)
        columns.setSizes([max(340, left_scroll.minimumWidth()), 10_000])
        layout = QHBoxLayout(self)
        layout.addWidget(columns)

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
        self.augment_check.toggled.connect(self._validate)
        for spin in (self.epochs_spin, self.batch_spin, self.train_size_spin, self.momentum_spin,
                     self.weight_decay_spin, self.dropout_spin, self.lr_decay_spin):
            spin.valueChanged.connect(self._validate)
        self.epochs_spin.valueChanged.connect(self._plan_charts)
        self.train_button.clicked.connect(self.start_training)
        self.more_button.clicked.connect(self.train_more)
        self.fine_tune_button.clicked.connect(self.service.fine_tune)
        self.drawings_check.toggled.connect(lambda _: self._update_buttons())
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
        s.drawings_changed.connect(self._update_buttons)

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
        self.augment_check.setChecked(config.augment)
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
        # The knobs a preset does not have take no room (the Seed DNN is the notebook's: it has none).
        for field in KNOBS:
            self.form.setRowVisible(self.fields[field], field in editable)
        self.augment_check.setVisible("augment" in editable)

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
            "augment": self.augment_check.isChecked,
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
        n_drawings = len(s.drawings)
        self.fine_tune_button.setEnabled(ready and not training and s.has_model and n_drawings >= 2)
        self.drawings_check.setEnabled(not training and n_drawings > 0)
        self.drawings_share_spin.setEnabled(not training and n_drawings > 0 and self.drawings_check.isChecked())
        self.drawings_check.setToolTip(
            f"Include My drawings ({n_drawings}) in Train and Train more, repeated so that they count among "
            "60,000 images" if n_drawings else "No drawings yet: label digits on the Draw Pad to include them")
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
        settings.setValue("training/augment", self.augment_check.isChecked())
        for key, spin in self._number_settings():
            settings.setValue(key, spin.value())
        settings.setValue("training/more_epochs", self.more_spin.value())
        settings.setValue("training/drawings", self.drawings_check.isChecked())
        settings.setValue("training/drawings_share", self.drawings_share_spin.value())

    def _number_settings(self):
        return (("training/epochs", self.epochs_spin), ("training/batch_size", self.batch_spin),
                ("training/train_size", self.train_size_spin), ("training/momentum", self.momentum_spin),
                ("training/weight_decay", self.weight_decay_spin), ("training/dropout", self.dropout_spin),
                ("training/lr_decay", self.lr_decay_spin))

    def restore_settings(self, settings: QSettings):
        self.more_spin.setValue(read_int(settings, "training/more_epochs", self.more_spin.value(),
                                         self.more_spin.minimum(), self.more_spin.maximum()))
        self.drawings_check.setChecked(read_bool(settings, "training/drawings", False))
        self.drawings_share_spin.setValue(read_int(settings, "training/drawings_share", self.drawings_share_spin.value(),
                                                   self.drawings_share_spin.minimum(),
                                                   self.drawings_share_spin.maximum()))
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
        if "augment" in editable:
            self.augment_check.setChecked(read_bool(settings, "training/augment", self.augment_check.isChecked()))
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
        self.service.start_training(config, train_size=self._train_size(), drawings_share=self.drawings_share())

    def train_more(self):
        """Continue the current model; a model the app did not build uses the form's optimizer."""
        try:
            config = self.config()
        except ConfigError:
            config = None
        self.service.train_more(self.more_spin.value(), config=config, train_size=self._train_size(),
                                drawings_share=self.drawings_share())

    def drawings_share(self) -> float | None:
        """The share of each epoch My drawings make when included, else None."""
        if not self.drawings_check.isChecked() or not len(self.service.drawings):
            return None
        return self.drawings_share_spin.value() / 100

    def _on_started(self, plan):
        self._plan = plan
        self._started_at = time.monotonic()
        self._epoch_started_at = self._started_at
        self.epoch_bar.setFormat(f"Epoch %v / {plan.end_epoch}")  # %m counts steps: 1 for epoch 7 of 7 continued
        self.batch_bar.setFormat("Batch %v / %m")
        self.epoch_bar.setRange(plan.first_epoch, plan.end_epoch)
        self.epoch_bar.setValue(plan.first_epoch)
        self.batch_bar.setRange(0, plan.total_batches)
        self.batch_bar.setValue(0)
        self.result_label.clear()
        self.outcome_label.hide()
        self.switch_button.hide()
        # A continued run extends the charts of the model's earlier epochs.
        self.charts.clear(plan.end_epoch)
        if plan.continued:
            for logs in _epochs_of(plan.history):
                self.charts.add_epoch(logs)
        c = plan.config
        span = (f"epochs {plan.first_epoch + 1}–{plan.end_epoch} (continued)" if plan.continued
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
        self.log(f"Epoch {epoch + 1}/{self._plan.end_epoch}: " + "  ".join(
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
        if outcome.fine_tune is not None:
            self._show_fine_tune(outcome)
            return
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

    def _show_fine_tune(self, outcome):
        """Before and after on the held-out drawings and the test set; Undo fine-tune in one click."""
        f = outcome.fine_tune

        def pct(value):
            return "–" if value is None else f"{value:.1%}"

        if f.held_out:
            text = (f"Fine-tuned on {f.taught} of your drawings. Held-out drawings ({f.held_out}): "
                    f"{pct(f.held_out_before)} → {pct(f.held_out_after)}. ")
        else:
            text = f"Fine-tuned on {f.taught} of your drawings (too few to hold some back). "
        before, after = f.mnist_before, f.mnist_after
        text += f"Test set: {'–' if before is None else f'{before:.2%}'} → {'–' if after is None else f'{after:.2%}'}."
        if f.mnist_dropped:
            text = "⚠ " + text + " It reads MNIST worse than before: Undo fine-tune brings the previous model back."
        if outcome.using_new:
            self.switch_button.setText("&Undo fine-tune")
        else:
            text += " The previous model is in use."
            self.switch_button.setText("&Use fine-tuned model")
        self.outcome_label.setText(text)
        self.outcome_label.show()
        self.switch_button.show()
        self.log(text)

    def _switch_model(self):
        outcome = self.service.outcome
        if outcome is not None:
            (self.service.keep_previous_model if outcome.using_new else self.service.use_new_model)()

    @property
    def chart_dir(self) -> str:
        """The folder *Save chart…* opens in: the window's last-used folder, shared with the model dialogs."""
        return self.last_folder.path()

    @chart_dir.setter
    def chart_dir(self, folder):
        self.last_folder.remember(folder)

    def _ask_chart_path(self):
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save chart as", str(Path(self.last_folder.path()) / "training.png"),
            "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
        if not path:
            return
        if not Path(path).suffix:
            path += "." + chosen.split("*.")[1].rstrip(")")
        self.last_folder.remember(Path(path).parent)
        self.save_chart(path)

    def save_chart(self, path) -> bool:
        """Write the charts as shown into ``path``; a failure is shown, never raised."""
        try:
            self.charts.save(path)
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
            eta = elapsed / done_epochs * (self._plan.end_epoch - done_epochs)
        self.time_label.setText(f"Elapsed {format_duration(elapsed)} · ETA {format_duration(eta)}")

    def log(self, text: str):
        self.log_view.appendPlainText(f"[{time.strftime('%H:%M:%S')}] {text}")


def _epochs_of(history: dict) -> list[dict]:
    """{"loss": [a, b], ...} -> [{"loss": a, ...}, {"loss": b, ...}]."""
    n = min((len(v) for v in history.values()), default=0)
    return [{k: v[i] for k, v in history.items()} for i in range(n)]
