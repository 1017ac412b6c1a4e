"""Training tab: choose a preset and hyperparameters, train with live progress and charts, stop.

The settings form is ``training_form.TrainingForm``, the progress panel ``training_progress.ProgressPanel``;
this tab lays them out beside the charts and the log and wires them to the service.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QFileDialog, QFrame, QGroupBox, QHBoxLayout, QPlainTextEdit, QPushButton, QScrollArea,
                               QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from .locale_format import num
from .core_texts import core_text
from ..core.models import RANGES, ConfigError, ModelConfig, preset_title
from .charts import ChartError, TrainingCharts
from .coach_hooks import CoachHooks
from .settings import read_int
from .training_form import TrainingForm
from .training_progress import ProgressPanel, accuracy_text, outcome_text, result_text
from .widgets import LastFolder

# The form's fields, reachable as the tab's own attributes (tab.epochs_spin, ...).
FORM_FIELDS = ("preset_combo", "hidden_edit", "activation_combo", "optimizer_combo", "lr_edit", "momentum_spin",
               "weight_decay_spin", "dropout_spin", "schedule_combo", "lr_decay_spin", "epochs_spin", "batch_spin",
               "augment_check", "train_size_spin", "drawings_check", "drawings_share_spin", "error_label",
               "arch_note", "fields", "form_layout")
# The progress panel's widgets, likewise.
PROGRESS_WIDGETS = ("epoch_bar", "batch_bar", "time_label", "result_label", "outcome_label", "switch_button",
                    "fine_tune_button", "save_chart_button")


class TrainingTab(QWidget):
    """The notebook's fit(), from a button, with everything a user wants to see while it runs."""

    config_changed = Signal()
    error = Signal(str, str)  # title, message: shown by the window

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self._started_at: float | None = None
        self._plan = None
        self.last_folder = LastFolder()  # the window gives it the shared, remembered one
        self._build()
        self._connect()
        self.apply_preset("seed")
        self._tick = QTimer(self, interval=1000, timeout=self._update_times)

    # ---- layout --------------------------------------------------------------------------

    def _build(self):
        self.settings_form = TrainingForm(self)
        for name in FORM_FIELDS:
            setattr(self, name, getattr(self.settings_form, name))
        self.form = self.form_layout
        self.progress = ProgressPanel()
        for name in PROGRESS_WIDGETS:
            setattr(self, name, getattr(self.progress, name))

        self.train_button = QPushButton(self.tr("&Train"))
        self.train_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.train_button.setToolTip(self.tr("Train a new model with these settings (Ctrl+Enter)"))
        self.more_button = QPushButton(self.tr("Train &more"))
        self.more_button.setToolTip(self.tr("Continue training the current model for more epochs: its weights, "
                                    "optimizer state and epoch count go on"))
        self.more_spin = QSpinBox(minimum=1, maximum=RANGES["epochs"][1], value=10, prefix="+")
        self.more_spin.setToolTip(self.tr("How many more epochs Train more runs"))
        self.more_spin.setAccessibleName(self.tr("More epochs"))
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setShortcut(QKeySequence("Ctrl+."))
        self.stop_button.setToolTip(self.tr("Stop after the current step; the model keeps what it learned (Ctrl+.)"))
        self.stop_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.more_spin)
        buttons.addWidget(self.stop_button)

        settings_box = QGroupBox(self.tr("Model and training"))
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addLayout(self.form_layout)
        settings_layout.addLayout(buttons)
        self.coach = CoachHooks(self)  # the coach, Training health and changes during a run
        settings_layout.addWidget(self.coach.live_controls)
        settings_layout.addStretch(1)

        self.switch_button.clicked.connect(self._switch_model)
        self.charts = TrainingCharts()
        self.log_view = QPlainTextEdit(readOnly=True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setPlaceholderText(self.tr("Epoch log"))
        self.log_view.setAccessibleName(self.tr("Epoch log"))
        # A caret shows the focus (a read-only view has none) and the arrows and Shift select to copy.
        self.log_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._arrange(settings_box)

    def _arrange(self, settings_box):
        """The settings and progress in a left column that scrolls rather than squeezes on a small
        screen; the charts over the log on the right; splitters between them (remembered by the
        window)."""
        self.arch_note.setMinimumWidth(1)  # wraps to the column, never widens it

        left_widget = QWidget()
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 4, 0)
        left.addWidget(settings_box)
        left.addWidget(self.progress)
        left_scroll = QScrollArea()
        left_scroll.setObjectName("training_left_scroll")
        left_scroll.setAccessibleName(self.tr("Training settings and progress"))
        left_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop without a visible focus: its fields take it
        left_scroll.setWidget(left_widget)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(left_widget.minimumSizeHint().width()
                                    + left_scroll.verticalScrollBar().sizeHint().width())

        right = QSplitter(Qt.Orientation.Vertical, objectName="training_charts_log")
        right.addWidget(self.charts)
        lower = QSplitter(Qt.Orientation.Horizontal, objectName="training_log_coach")
        lower.addWidget(self.log_view)
        self.coach_tabs = QTabWidget()
        self.coach_tabs.setAccessibleName(self.tr("Coach and training health"))
        self.coach_tabs.addTab(self.coach.panel, self.tr("Coach"))
        self.coach_tabs.addTab(self.coach.health_view, self.tr("Training health"))
        lower.addWidget(self.coach_tabs)
        lower.setChildrenCollapsible(False)
        right.addWidget(lower)
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

    def _connect(self):
        self.settings_form.changed.connect(self._on_form_changed)
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
        self.coach.connect(s)

    # ---- hyperparameters ------------------------------------------------------------------

    def apply_preset(self, name: str, config: ModelConfig | None = None):
        """Fill the fields from a preset (or a saved config of that preset)."""
        self.settings_form.apply_preset(name, config)

    def _on_form_changed(self):
        self._update_buttons()
        self.config_changed.emit()

    def _plan_charts(self, epochs: int):
        # Empty charts show the run these settings plan, so pressing Train need not relay them out.
        if not self.charts.history:
            self.charts.clear(epochs)

    @property
    def is_valid(self) -> bool:
        return self.settings_form.is_valid

    def config(self) -> ModelConfig:
        """The config the fields describe; raises ConfigError when a field is invalid."""
        return self.settings_form.config()

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
            self.tr("Include My drawings ({n_drawings}) in Train and Train more, repeated so that they count among 60,000 images").format(n_drawings=n_drawings) if n_drawings else self.tr("No drawings yet: label digits on the Draw Pad to include them"))
        self.stop_button.setEnabled(training)
        self.switch_button.setEnabled(not training)
        self.settings_form.set_enabled(training)
        if not ready and not training:
            self.train_button.setToolTip(self.tr("Waiting for TensorFlow and the data to load…"))
        else:
            self.train_button.setToolTip(self.tr("Train a new model with these settings (Ctrl+Enter)"))

    # ---- settings --------------------------------------------------------------------------

    def save_settings(self, settings: QSettings):
        self.settings_form.save_settings(settings)
        settings.setValue("training/more_epochs", self.more_spin.value())

    def restore_settings(self, settings: QSettings):
        self.more_spin.setValue(read_int(settings, "training/more_epochs", self.more_spin.value(),
                                         self.more_spin.minimum(), self.more_spin.maximum()))
        self.settings_form.restore_settings(settings)

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
            self.error_label.setText(core_text(str(exc)))
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
        self.progress.start(plan)
        # A continued run extends the charts of the model's earlier epochs.
        self.charts.clear(plan.end_epoch)
        if plan.continued:
            for logs in _epochs_of(plan.history):
                self.charts.add_epoch(logs)
        c = plan.config
        span = (self.tr("epochs {first}–{last} (continued)").format(first=plan.first_epoch + 1, last=plan.end_epoch)
                if plan.continued else self.tr("%n epoch(s)", "", plan.epochs))
        self.log(self.tr("Training {v0}: {span}, batch {batch_size}, {v3} lr {learning_rate:g}, {n_train} images, validating on {n_test}").format(v0=core_text(preset_title(c.preset)), span=span, batch_size=c.batch_size, v3=c.optimizer.upper(), learning_rate=c.learning_rate, n_train=plan.n_train, n_test=plan.n_test))
        self._tick.start()
        self._update_times()
        self._update_buttons()

    def _on_batch(self, epoch, done, total, logs):
        self.progress.show_batch(epoch, done, total)

    def _on_epoch(self, epoch, logs):
        self.epoch_bar.setValue(epoch + 1)
        self.charts.add_epoch(logs)
        self.save_chart_button.setEnabled(True)
        self.log(self.tr("Epoch {v0}/{end_epoch}: ").format(v0=epoch + 1, end_epoch=self._plan.end_epoch) + "  ".join(
            f"{k}={num(v, 4)}" for k, v in sorted(logs.items()) if not k.startswith("learning")))
        self._update_times()

    def _on_finished(self, history, stopped):
        self._tick.stop()
        self._update_times()
        text = result_text(history, stopped, self._plan.first_epoch if self._plan else None)
        self.result_label.setText(text)
        self.log((self.tr("Stopped. ") if stopped else self.tr("Finished. ")) + text)
        self._update_buttons()

    def _on_outcome(self, outcome):
        """New vs previous: say which is in use and offer the other in one click."""
        if outcome.fine_tune is None and not outcome.stopped and outcome.new.test_accuracy is not None:
            # The model's own count: the epochs' figure may come from its bfloat16 twin (core.trainers).
            self.result_label.setText(accuracy_text(outcome.new.test_accuracy))
        text, switch_text = outcome_text(outcome)
        self.progress.show_outcome(text, switch_text)
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
            self, self.tr("Save chart as"), str(Path(self.last_folder.path()) / "training.png"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"))
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
            self.log(self.tr("Chart not saved: {exc}").format(exc=exc))
            self.error.emit("Save chart", str(exc))
            return False
        self.log(self.tr("Chart saved to {path}").format(path=path))
        return True

    def _on_failed(self, message):
        self._tick.stop()
        self.result_label.setText(self.tr("Training failed"))
        self.log(self.tr("Error: {message}").format(message=core_text(message)))
        self._update_buttons()

    def _update_times(self):
        if self._started_at is None or self._plan is None:
            return
        elapsed = time.monotonic() - self._started_at
        done_epochs = self.progress.epochs_done()
        eta = None
        if self.service.is_training and done_epochs > 0:
            eta = elapsed / done_epochs * (self._plan.end_epoch - done_epochs)
        self.progress.show_times(elapsed, eta)

    def log(self, text: str):
        self.log_view.appendPlainText(f"[{time.strftime('%H:%M:%S')}] {text}")


def _epochs_of(history: dict) -> list[dict]:
    """{"loss": [a, b], ...} -> [{"loss": a, ...}, {"loss": b, ...}]."""
    n = min((len(v) for v in history.values()), default=0)
    return [{k: v[i] for k, v in history.items()} for i in range(n)]
