"""The Training tab's settings form: the preset, its hyperparameters (only those the preset lets
the user change), the training images and My drawings' share, checked as they are typed."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QSignalBlocker, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QSpinBox)

from .core_texts import core_text
from ..core.models import ACTIVATIONS, OPTIMIZERS, PRESETS, RANGES, SCHEDULES, ConfigError, ModelConfig, parse_hidden
from .settings import read_bool, read_choice, read_float, read_float_text, read_int, read_text

INVALID_STYLE = "border: 2px solid #c0392b;"
KNOBS = ("dropout", "momentum", "weight_decay", "schedule", "lr_decay")  # rows shown only where editable


class TrainingForm(QObject):
    """The fields and their form layout (``form_layout``), for the tab to place. ``changed`` after every
    check of the fields (``is_valid`` then says whether ``config()`` will succeed)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._errors: dict[str, str] = {}
        self.preset_combo = QComboBox()
        for name, p in PRESETS.items():
            self.preset_combo.addItem(core_text(p.title), name)
        self.preset_combo.setToolTip(self.tr("Seed DNN is exactly the notebook's model and settings"))
        self.hidden_edit = QLineEdit()
        self.hidden_edit.setPlaceholderText("e.g. 200,100,60,30")
        self.activation_combo = QComboBox()
        self.activation_combo.addItems(ACTIVATIONS)
        self.optimizer_combo = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem({"sgd": "SGD", "adam": "Adam"}.get(name, name), name)
        self.lr_edit = QLineEdit()
        self.momentum_spin = self._number_spin("momentum", 0.05, 3, self.tr("SGD momentum (0 = plain SGD)"))
        self.weight_decay_spin = self._number_spin("weight_decay", 0.0001, 4, self.tr("Decoupled weight decay (0 = none)"))
        self.dropout_spin = self._number_spin("dropout", 0.05, 2, self.tr("Dropout after each hidden layer (0 = none)"))
        self.schedule_combo = QComboBox()
        for name, text in (("constant", self.tr("Constant")), ("step", self.tr("Step decay")), ("cosine", self.tr("Cosine")),
                           ("one_cycle", self.tr("One-cycle"))):
            self.schedule_combo.addItem(text, name)
        self.schedule_combo.setToolTip(self.tr("Learning rate: constant; × decay every epoch; cosine from the rate "
                                       "down to 0 over the run; one-cycle, every batch: up to the rate, then down"))
        self.lr_decay_spin = self._number_spin("lr_decay", 0.05, 2, self.tr("Step decay: the factor per epoch"))
        self.epochs_spin = QSpinBox(minimum=RANGES["epochs"][0], maximum=RANGES["epochs"][1])
        self.batch_spin = QSpinBox(minimum=RANGES["batch_size"][0], maximum=RANGES["batch_size"][1])
        self.augment_check = QCheckBox(self.tr("Au&gment"))
        self.augment_check.setToolTip(self.tr("Train on randomly rotated, sheared, resized, shifted, thicker or thinner "
                                      "digits, as people draw them (the saved model is unchanged)"))
        self.train_size_spin = QSpinBox(minimum=100, maximum=60_000, singleStep=1000)
        self.train_size_spin.setValue(60_000)
        self.train_size_spin.setToolTip(self.tr("Train on the first N training images (60,000 = all)"))
        self.drawings_check = QCheckBox(self.tr("+ my drawings"))
        self.drawings_check.setToolTip(self.tr("Include My drawings (the digits you labelled on the Draw Pad) in Train "
                                       "and Train more, repeated so that they count among 60,000 images"))
        self.drawings_share_spin = QSpinBox(minimum=1, maximum=50, value=5, suffix="%")
        self.drawings_share_spin.setToolTip(self.tr("Share of each epoch's images that are your drawings (oversampled)"))
        self.drawings_share_spin.setAccessibleName(self.tr("Drawings' share"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.arch_note = QLabel()
        self.arch_note.setWordWrap(True)
        self.arch_note.setStyleSheet("font-style: italic;")

        form = QFormLayout()
        form.addRow(self.tr("&Preset:"), self.preset_combo)
        form.addRow(self.tr("&Hidden layers:"), self.hidden_edit)
        form.addRow(self.tr("&Activation:"), self.activation_combo)
        form.addRow(self.tr("Dr&opout:"), self.dropout_spin)
        form.addRow(self.tr("Optimi&zer:"), self.optimizer_combo)
        form.addRow(self.tr("&Learning rate:"), self.lr_edit)
        form.addRow(self.tr("Mome&ntum:"), self.momentum_spin)
        form.addRow(self.tr("&Weight decay:"), self.weight_decay_spin)
        form.addRow(self.tr("Sche&dule:"), self.schedule_combo)
        form.addRow(self.tr("Deca&y per epoch:"), self.lr_decay_spin)
        form.addRow(self.tr("&Epochs:"), self.epochs_spin)
        # Augment shares the batch size's row: another row would not fit a 640-px-high window.
        batch_row = QHBoxLayout()
        batch_row.setContentsMargins(0, 0, 0, 0)
        batch_row.addWidget(self.batch_spin, 1)
        batch_row.addWidget(self.augment_check)
        form.addRow(self.tr("&Batch size:"), batch_row)
        form.labelForField(batch_row).setBuddy(self.batch_spin)  # Alt+B still reaches the spin box
        # My drawings share the training images' row, for the same reason.
        images_row = QHBoxLayout()
        images_row.setContentsMargins(0, 0, 0, 0)
        images_row.addWidget(self.train_size_spin, 1)
        images_row.addWidget(self.drawings_check)
        images_row.addWidget(self.drawings_share_spin)
        form.addRow(self.tr("Training &images:"), images_row)
        form.labelForField(images_row).setBuddy(self.train_size_spin)
        form.addRow(self.arch_note)
        form.addRow(self.error_label)
        # Form fields by the ModelConfig field they edit: the preset's data says which are editable.
        self.fields = {"hidden": self.hidden_edit, "activation": self.activation_combo,
                       "dropout": self.dropout_spin, "optimizer": self.optimizer_combo,
                       "learning_rate": self.lr_edit, "momentum": self.momentum_spin,
                       "weight_decay": self.weight_decay_spin, "schedule": self.schedule_combo,
                       "lr_decay": self.lr_decay_spin, "epochs": self.epochs_spin, "batch_size": self.batch_spin,
                       "augment": self.augment_check}

        self.form_layout = form
        self.preset_combo.currentIndexChanged.connect(lambda _: self.apply_preset(self.preset_combo.currentData()))
        for edit in (self.hidden_edit, self.lr_edit):
            edit.textChanged.connect(self._validate)
        for combo in (self.activation_combo, self.optimizer_combo, self.schedule_combo):
            combo.currentIndexChanged.connect(self._validate)
        self.augment_check.toggled.connect(self._validate)
        for spin in (self.epochs_spin, self.batch_spin, self.train_size_spin, self.momentum_spin,
                     self.weight_decay_spin, self.dropout_spin, self.lr_decay_spin):
            spin.valueChanged.connect(self._validate)

    @staticmethod
    def _number_spin(field: str, step: float, decimals: int, tooltip: str) -> QDoubleSpinBox:
        low, high, _ = RANGES[field]
        spin = QDoubleSpinBox(minimum=low, maximum=high, singleStep=step, decimals=decimals)
        spin.setToolTip(tooltip)
        return spin

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
        self.arch_note.setText(core_text(p.description))
        self._validate()

    def _editable(self) -> frozenset[str]:
        return PRESETS[self.preset_combo.currentData()].editable

    def set_enabled(self, training: bool) -> None:
        """Only what the preset lets the user change, and nothing while a run goes on."""
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
            self.form_layout.setRowVisible(self.fields[field], field in editable)
        self.augment_check.setVisible("augment" in editable)

    def _field_errors(self) -> dict[str, str]:
        """Each field's own problem (ConfigError's message: ranges live in ModelConfig.validate)."""
        errors = {}
        editable = self._editable()
        if "hidden" in editable:
            try:
                parse_hidden(self.hidden_edit.text())
            except ConfigError as exc:
                errors["hidden"] = core_text(str(exc))
        try:
            lr = float(self.lr_edit.text())
        except ValueError:
            errors["lr"] = self.tr("learning rate: a number greater than 0 and at most 10, e.g. 0.03")
        else:
            try:
                PRESETS["mlp"].defaults.replace(learning_rate=lr).validate()
            except ConfigError as exc:
                errors["lr"] = core_text(str(exc))
        return errors

    def _validate(self):
        self._errors = self._field_errors()
        self.hidden_edit.setStyleSheet(INVALID_STYLE if "hidden" in self._errors else "")
        self.lr_edit.setStyleSheet(INVALID_STYLE if "lr" in self._errors else "")
        self.hidden_edit.setToolTip(self._errors.get("hidden", self.tr("Hidden layer sizes, comma-separated")))
        self.lr_edit.setToolTip(self._errors.get("lr", self.tr("Learning rate")))
        self.error_label.setText("\n".join(self._errors.values()))
        self.changed.emit()

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
        settings.setValue("training/drawings", self.drawings_check.isChecked())
        settings.setValue("training/drawings_share", self.drawings_share_spin.value())

    def _number_settings(self):
        return (("training/epochs", self.epochs_spin), ("training/batch_size", self.batch_spin),
                ("training/train_size", self.train_size_spin), ("training/momentum", self.momentum_spin),
                ("training/weight_decay", self.weight_decay_spin), ("training/dropout", self.dropout_spin),
                ("training/lr_decay", self.lr_decay_spin))

    def restore_settings(self, settings: QSettings):
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
