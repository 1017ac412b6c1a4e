"""Training tab: choose a preset and hyperparameters, train with live progress and charts, stop."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.models import ACTIVATIONS, PRESET_NAMES, PRESET_TITLES, PRESETS, ConfigError, ModelConfig, parse_hidden

INVALID_STYLE = "border: 2px solid #c0392b;"


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class _RenderResult(QObject):
    """Carries a rendered chart back to the UI thread.

    Not a child of the chart widget: a render still running when the widget is destroyed then
    emits into a dropped connection instead of into a half-destroyed widget.
    """

    ready = Signal(object)  # QImage


class TrainingCharts(QWidget):
    """Loss and accuracy per epoch (train and validation), drawn by matplotlib off the UI thread.

    A full matplotlib draw takes 80-200 ms here, far too long for the UI thread while training
    runs: the figure is rendered with Agg on a worker thread (one at a time, newest data wins) and
    shown as an image. matplotlib itself is imported on first use, not at start-up.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history: dict[str, list[float]] = {}
        self.image_label = QLabel("Charts appear when training starts.")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image_label)
        self.setMinimumHeight(220)
        self.figure = None
        # One figure, so one render at a time; a plain Python thread, so that destroying the
        # widget never blocks on (or deadlocks with) a render in flight.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")
        self._rendering = False
        self._stale = False
        self.renders = 0
        self._result = _RenderResult()
        self._result.ready.connect(self._show)
        self._resize_timer = QTimer(self, singleShot=True, interval=120, timeout=self.request_render)

    def ensure_canvas(self):
        if self.figure is not None:
            return
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(dpi=100, layout="constrained")  # affordable: it runs off the UI thread
        FigureCanvasAgg(self.figure)
        self.loss_ax, self.acc_ax = self.figure.subplots(1, 2)
        self._lines = {}
        for ax, metric, title in ((self.loss_ax, "loss", "Loss"), (self.acc_ax, "accuracy", "Accuracy")):
            ax.set_title(title)
            ax.set_xlabel("epoch")
            ax.grid(True, alpha=0.3)
            self._lines[metric] = ax.plot([], [], "o-", ms=3, label="train")[0]
            self._lines["val_" + metric] = ax.plot([], [], "s--", ms=3, label="validation (test set)")[0]
            ax.legend(loc="best", fontsize="small")
        self.request_render()

    def clear(self):
        self.history = {}
        self.request_render()

    def add_epoch(self, logs: dict):
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)
        self.ensure_canvas()
        self.request_render()

    def request_render(self):
        """Render the current history soon; renders in flight are never queued up behind each other."""
        if self.figure is None or not self.isVisible() or self.width() < 50 or self.height() < 50:
            return
        if self._rendering:
            self._stale = True
            return
        self._rendering = True
        history = {k: list(v) for k, v in self.history.items()}
        ratio = self.devicePixelRatioF()
        size = (self.width() * ratio, self.height() * ratio)
        self._executor.submit(self._render_job, self._result, history, size)

    def _render_job(self, result, history, size):
        try:
            image = self._render(history, size)
        except Exception:  # a failed render must not stop later ones
            logging.getLogger("mnist_gui.ui").exception("chart render failed")
            image = None
        result.ready.emit(image)

    def _render(self, history, size):
        """On the render thread: only this thread touches the figure while it draws."""
        for key, line in self._lines.items():
            values = history.get(key, [])
            line.set_data(range(1, len(values) + 1), values)
        for ax in (self.loss_ax, self.acc_ax):
            ax.relim()
            ax.autoscale_view()
        self.figure.set_size_inches(size[0] / self.figure.dpi, size[1] / self.figure.dpi)
        canvas = self.figure.canvas
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        pixels = bytes(canvas.buffer_rgba())
        return QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()  # owns its pixels

    def _show(self, image):
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.image_label.setPixmap(pixmap)
            self.renders += 1
        self._rendering = False
        if self._stale:
            self._stale = False
            self.request_render()

    def showEvent(self, event):
        super().showEvent(event)
        self.request_render()  # skipped while hidden

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._resize_timer.start()


class TrainingTab(QWidget):
    """The notebook's fit(), from a button, with everything a user wants to see while it runs."""

    config_changed = Signal()

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self._errors: dict[str, str] = {}
        self._started_at: float | None = None
        self._plan = None
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
        self.time_label = QLabel("Elapsed – · ETA –")
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
        self.train_button.clicked.connect(self.start_training)
        self.stop_button.clicked.connect(self.service.stop_training)

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
        # The Seed DNN and the CNN are fixed architectures; the MLP is the one to edit.
        editable = name == "mlp"
        for w in (self.hidden_edit, self.activation_combo, self.optimizer_combo, self.lr_edit):
            w.setEnabled(editable)
        self.arch_note.setText({
            "seed": "The notebook's model: Reshape 784 → BatchNorm → Dense 200/100/60/30 sigmoid → softmax, "
                    "SGD 0.03, batch 32, 50 epochs. Choose MLP to change the architecture.",
            "cnn": "Two convolution blocks with batch norm, Adam with a decaying learning rate: "
                   "≈99.4% test accuracy in 6 epochs.",
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

    @property
    def is_valid(self) -> bool:
        return not self._errors

    def config(self) -> ModelConfig:
        """The config the fields describe; raises ConfigError when a field is invalid."""
        name = self.preset_combo.currentData()
        base = PRESETS[name]
        if name != "mlp":
            return base.replace(epochs=self.epochs_spin.value(), batch_size=self.batch_spin.value()).validate()
        return base.replace(
            hidden=parse_hidden(self.hidden_edit.text()),
            activation=self.activation_combo.currentText(),
            optimizer=self.optimizer_combo.currentData(),
            learning_rate=float(self.lr_edit.text()),
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
        ).validate()

    def _update_buttons(self):
        s = self.service
        training = s.is_training
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

    def restore_settings(self, settings: QSettings):
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
        self.charts.clear()
        self.charts.ensure_canvas()
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
