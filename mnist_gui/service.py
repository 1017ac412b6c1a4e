"""The one object widgets talk to: it holds the data and the state the UI shows, and speaks in signals.

Behind it (see their modules):
- ``model_host.ModelHost``: the *model thread*, owning the current model (and the one a training run
  may replace); every prediction, test-set scoring, open and save runs there, one after another;
- ``training_runner.TrainingRunner``: one training run (``core.run.train``) on its own thread;
- a thread pool for one-off jobs (importing TensorFlow, loading data, building a model).
Until TensorFlow is loaded, a bundled model's LiteRT export can answer in its place (``start_fast``:
the fast start); the TensorFlow model of the same file takes over once, under the same version.
The UI thread never runs TensorFlow. Results come back as queued signals, so slots run on the UI thread.
"""

from __future__ import annotations

import gc
import itertools
import logging
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from .core.metrics import Predictions
from .core.models import PRESETS, ModelConfig, preset_title
from .model_host import ModelHost, ModelInfo, background_priority
from .training_runner import TrainingPlan, TrainingRunner

log = logging.getLogger("mnist_gui.service")


@dataclass(frozen=True)
class DatasetInfo:
    source: str
    location: str
    verified: bool
    n_train: int
    n_test: int


@dataclass(frozen=True)
class TrainingOutcome:
    """After a run: the new model and the one from before, and which of the two is in use."""

    new: ModelInfo
    previous: ModelInfo | None
    using_new: bool
    stopped: bool
    message: str = ""


class _Task(QRunnable):
    """A one-off job in the pool; its outcome comes back through ``ModelService._task_done``."""

    def __init__(self, service: "ModelService", fn, on_done, on_error):
        super().__init__()
        self.service, self.fn, self.on_done, self.on_error = service, fn, on_done, on_error

    def run(self):
        background_priority()
        try:
            result, ok = self.fn(), True
        except Exception as exc:  # reported to the UI as a message, never a crash
            log.debug("task failed", exc_info=True)
            result, ok = exc, False
        self.service._task_done.emit((self.on_done if ok else self.on_error), result)


class ModelService(QObject):
    """The app's single model service. All slots and signals live on the UI thread."""

    backend_ready = Signal()                       # TensorFlow imported
    backend_failed = Signal(str)
    status_changed = Signal(str)                   # what is loading / happening, for the status bar
    dataset_ready = Signal(object)                 # DatasetInfo
    dataset_failed = Signal(str)
    model_changed = Signal(object)                 # ModelInfo: once per new model or new weights
    model_failed = Signal(str)                     # open/save/install failure message
    model_saved = Signal(str)
    model_exported = Signal(str, str)              # result line, parity line
    test_predictions_ready = Signal(int, object)   # model version, Predictions for the test set
    prediction_ready = Signal(object, object)      # request id, probabilities or None
    training_started = Signal(object)              # TrainingPlan
    batch_progress = Signal(int, int, int, object)  # epoch, batches done, batches per epoch, logs
    epoch_finished = Signal(int, object)           # epoch (0-based, over the model's whole training), logs
    training_finished = Signal(object, bool)       # this run's history dict, stopped by the user
    training_failed = Signal(str)
    training_outcome = Signal(object)              # TrainingOutcome: new vs previous, and which is used
    inside_ready = Signal(object, str, object)     # request id, kind, result (an Exception if it failed)
    robustness_ready = Signal(object, str, object)  # request id, kind, result (partial ones too; or an Exception)
    busy_changed = Signal(bool)

    _task_done = Signal(object, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._task_done.connect(self._on_task_done)
        self._versions = itertools.count(1)
        self._request_ids = itertools.count(1)

        self.backend_is_ready = False
        self.data = None                            # core.data.MnistData
        self.dataset_info: DatasetInfo | None = None
        self.model_info: ModelInfo | None = None
        self.test_predictions: Predictions | None = None  # for model_info.version
        self.outcome: TrainingOutcome | None = None  # the last run's, while both models are kept
        self._busy_reasons: set[str] = set()
        self._pending_model: tuple | None = None    # (kind, arg) waiting for the backend
        self._plan: TrainingPlan | None = None
        self._pending_outcome: dict | None = None   # a finished run waiting for its test accuracy
        self._previous: ModelInfo | None = None     # the model in use when the run started
        self._more: dict | None = None              # a Train more run waiting for its model
        self._run_name = ""
        self._fast_start: tuple | None = None       # (path, version) of a LiteRT stand-in, until handed over

        self.host = ModelHost(self)
        self.host.predicted.connect(self.prediction_ready)
        self.host.test_predicted.connect(self._on_test_predicted)
        self.host.installed.connect(self._on_installed)
        self.host.failed.connect(self._on_host_failed)
        self.host.saved.connect(self._on_saved)
        self.host.handed_over.connect(self._on_handed_over)
        self.host.inspected.connect(self.inside_ready)
        self.host.exported.connect(self._on_exported)
        self.host.robustness_done.connect(self.robustness_ready)

        self.runner = TrainingRunner(self)
        self.runner.batch_progress.connect(self.batch_progress)
        self.runner.epoch_finished.connect(self._on_epoch_finished)
        self.runner.finished.connect(self._on_run_finished)
        self.runner.failed.connect(self._on_run_failed)

    # ---- one-off jobs -------------------------------------------------------------------

    def _run(self, fn, on_done, on_error):
        self._pool.start(_Task(self, fn, on_done, on_error))

    @Slot(object, object)
    def _on_task_done(self, callback, result):
        callback(result)

    def _set_busy(self, reason: str, busy: bool):
        was = bool(self._busy_reasons)
        (self._busy_reasons.add if busy else self._busy_reasons.discard)(reason)
        if was != bool(self._busy_reasons):
            self.busy_changed.emit(bool(self._busy_reasons))

    @property
    def busy(self) -> bool:
        return bool(self._busy_reasons)

    # ---- start-up: TensorFlow and data in the background ----------------------------------

    def load_backend(self):
        """Import TensorFlow off the UI thread (5-9 s here); ``backend_ready`` when done."""
        if self.backend_is_ready:
            self.backend_ready.emit()
            return
        self._set_busy("backend", True)
        self.status_changed.emit("Loading TensorFlow…")

        def work():
            import keras  # noqa: F401  (the import is the work)
            import tensorflow  # noqa: F401

            # The imports leave ~300,000 long-lived objects. Python's full collections scanned them
            # all, holding the GIL, and so the UI thread, for 100-300 ms (when training started).
            gc.freeze()

        self._run(work, self._on_backend_ready, self._on_backend_failed)

    def _on_backend_ready(self, _):
        self.backend_is_ready = True
        self._set_busy("backend", False)
        self.status_changed.emit("TensorFlow ready")
        self.backend_ready.emit()
        if self._pending_model is not None:
            kind, arg = self._pending_model
            self._pending_model = None
            self.open_model(arg) if kind == "open" else self.new_model(arg)

    def _on_backend_failed(self, exc):
        self._set_busy("backend", False)
        self.backend_failed.emit(f"TensorFlow could not be loaded: {exc}")

    def versions(self) -> list[str]:
        """TensorFlow's and Keras' versions once loaded (for About), without importing them here."""
        import sys

        if not self.backend_is_ready:
            return ["TensorFlow: still loading"]
        tf, keras = sys.modules.get("tensorflow"), sys.modules.get("keras")
        return [f"TensorFlow {getattr(tf, '__version__', '?')}", f"Keras {getattr(keras, '__version__', '?')}"]

    def load_dataset(self, path=None):
        """Load MNIST (from ``path``, or the usual sources) off the UI thread.

        On failure ``dataset_failed`` carries the reason; the data already loaded stays in place.
        """
        from .core.data import load_mnist

        self._set_busy("data", True)
        self.status_changed.emit("Loading data…")
        self._run(lambda: load_mnist(path), self._on_dataset_loaded, self._on_dataset_failed)

    def _on_dataset_loaded(self, data):
        self._set_busy("data", False)
        self.data = data
        self.dataset_info = DatasetInfo(data.source, str(data.location), data.verified,
                                        len(data.x_train), len(data.x_test))
        self.test_predictions = None
        self.host.set_test_set(data.x_test, data.y_test)
        self.status_changed.emit(f"Data ready ({data.source})")
        self.dataset_ready.emit(self.dataset_info)

    def _on_dataset_failed(self, exc):
        self._set_busy("data", False)
        self.dataset_failed.emit(str(exc))

    # ---- models ----------------------------------------------------------------------------

    @property
    def has_model(self) -> bool:
        return self.model_info is not None

    @property
    def is_saving(self) -> bool:
        return "save" in self._busy_reasons

    @property
    def has_unsaved_model(self) -> bool:
        """The model in use was trained in this session and not saved since."""
        return self.model_info is not None and self.model_info.unsaved

    @property
    def test_probabilities(self) -> np.ndarray | None:
        """The current model's probabilities (N, 10) for the test set, or None until it has them."""
        return None if self.test_predictions is None else self.test_predictions.probabilities

    def _forget_outcome(self):
        if self.outcome is not None:
            self.outcome = None
            self.host.drop_other()

    def open_model(self, path):
        """Load a model file on the model thread; the current model stays if it fails."""
        if self.is_training:
            self.model_failed.emit("Stop training before opening another model.")
            return
        if not self.backend_is_ready:
            self._pending_model = ("open", str(path))
            self.start_fast(path)
            return
        self._forget_outcome()
        self._set_busy("model", True)
        self.status_changed.emit(f"Loading model {Path(path).name}…")
        self.host.load(str(path), self._handover_version(path) or next(self._versions))

    def start_fast(self, path) -> bool:
        """Predict with ``path``'s LiteRT export (``.tflite`` beside it, made from exactly this file)
        while TensorFlow loads; the TensorFlow model of the same file later takes over, once, under
        the same version."""
        from .core import litert

        if self.backend_is_ready or not litert.available():
            return False
        tflite = litert.verified_export(path)
        if tflite is None:
            return False
        from .core import storage

        meta = storage.read_metadata(path)
        accuracy, epochs = meta.get("test_accuracy"), meta.get("epochs_run")
        version = next(self._versions)
        self._fast_start = (str(path), version)
        info = ModelInfo(name=Path(path).stem, version=version, preset=meta.get("preset"),
                         config=meta.get("config") if isinstance(meta.get("config"), dict) else {},
                         path=str(path), test_accuracy=accuracy if isinstance(accuracy, (int, float)) else None,
                         epoch=epochs if isinstance(epochs, int) else None, metadata=meta, fast_start=True)
        self.host.install_fast(str(tflite), info)
        return True

    def _handover_version(self, path) -> int | None:
        """The fast start's version if ``path`` is the model it stood in for and it is still in use
        (used once: opening the file again later is a new version)."""
        fast, self._fast_start = self._fast_start, None
        if fast is not None and fast[0] == str(path) and self.model_info is not None \
                and self.model_info.version == fast[1] and self.model_info.fast_start:
            return fast[1]
        return None

    def export_model(self, path, fmt: str):
        """Export the current model (``core.export``: LiteRT, SavedModel or ONNX) and run the parity
        check: ``model_exported(message, parity line)`` or ``model_failed(message)``."""
        self._set_busy("export", True)
        self.status_changed.emit(f"Exporting {Path(path).name}…")
        self.host.export(str(path), fmt)

    @Slot(str, str)
    def _on_exported(self, message, parity_line):
        self._set_busy("export", False)
        self.status_changed.emit(message)
        self.model_exported.emit(message, parity_line)

    @property
    def is_exporting(self) -> bool:
        return "export" in self._busy_reasons

    def new_model(self, config: ModelConfig):
        """Replace the current model with a new, untrained one built from ``config``."""
        if self.is_training:
            self.model_failed.emit("Stop training before building another model.")
            return
        if not self.backend_is_ready:
            self._pending_model = ("new", config)
            return
        from .core.models import build_model

        self._forget_outcome()
        info = ModelInfo(name=f"New {preset_title(config.preset)}", version=next(self._versions),
                         preset=config.preset, config=config.to_dict())
        self._set_busy("model", True)
        self._run(lambda: build_model(config), lambda model: self.host.install(model, info),
                  lambda exc: self._on_host_failed("install", f"Could not build the model: {exc}"))

    def use_model(self, model, name: str, config: ModelConfig | None = None):
        """Make an in-memory Keras model current (the service owns it from now on)."""
        if self.is_training:
            self.model_failed.emit("Stop training before switching models.")
            return
        self._forget_outcome()
        info = ModelInfo(name=name, version=next(self._versions),
                         preset=config.preset if config else None,
                         config=config.to_dict() if config else {})
        self._set_busy("model", True)
        self.host.install(model, info)

    def save_model(self, path):
        """Save the current model and its sidecar (atomically) on the model thread:
        ``model_saved`` or ``model_failed``."""
        info = self.model_info
        metadata = dict(info.metadata) if info is not None else {}
        if info is not None:
            metadata.update({"name": Path(path).stem, "preset": info.preset, "config": info.config,
                             "test_accuracy": info.test_accuracy})
            metadata = {k: v for k, v in metadata.items() if v is not None and v != {}}
        self._set_busy("save", True)
        self.host.save(str(path), metadata)

    def predict(self, images):
        """Probabilities now, on the caller's thread, or None without a model. For tests and scripts."""
        return self.host.predict_now(images)

    def request_prediction(self, images) -> int:
        """Ask the model thread for probabilities; ``prediction_ready(id, probs)`` answers."""
        request_id = next(self._request_ids)
        self.host.request_prediction(request_id, np.asarray(images, dtype=np.float32))
        return request_id

    def request_inside(self, kind: str, **args) -> int:
        """Ask the model thread for a view of core.inside (``inside.compute(kind, model, **args)``) on
        the current model; ``inside_ready(id, kind, result)`` answers (in the order asked, except that
        the map, computed in steps, ends after requests sent while it runs)."""
        request_id = next(self._request_ids)
        self.host.inspect(request_id, kind, args)
        return request_id

    def request_robustness(self, kind: str, **args) -> int:
        """Ask the model thread for a core.robustness job on the current model and, when the service
        keeps one, the other (the model from before a run, or the one not chosen after it):
        "evaluate" (sample, distortion) or "curves" (sample, first). ``robustness_ready(id, kind,
        result)`` answers; curves come in parts (``Curves.complete`` on the last), and a job whose
        model changed midway ends with ``Superseded``."""
        request_id = next(self._request_ids)
        self.host.robustness(request_id, kind, args)
        return request_id

    @Slot(object)
    def _on_installed(self, info: ModelInfo):
        self._set_busy("model", False)
        if self.model_info is None or self.model_info.version != info.version:
            self.test_predictions = None
        elif self.test_predictions is not None:  # the fast start's handover: same model, same predictions
            info = replace(info, test_accuracy=self.model_info.test_accuracy)
        self.model_info = info
        # During training the model label already names the run; say how far it got instead.
        if info.training and self._plan is not None:
            self.status_changed.emit(f"Training: epoch {info.epoch} of {self._plan.epochs} done")
        elif info.fast_start:
            self.status_changed.emit(f"Model: {info.name} (fast start: LiteRT while TensorFlow loads)")
        else:
            self.status_changed.emit(f"Model: {info.name}")
        self.model_changed.emit(info)

    @Slot(int, object, object)
    def _on_test_predicted(self, version, images, predictions):
        if (self.model_info is None or version != self.model_info.version or self.data is None
                or images is not self.data.x_test):
            return  # an answer for an older model or an older dataset
        self.test_predictions = predictions
        # The accuracy travels with the predictions; model_changed stays once per model change.
        accuracy = float(np.mean(predictions.labels == self.data.y_test))
        if self.model_info.test_accuracy != accuracy and not self.model_info.training:
            self.model_info = replace(self.model_info, test_accuracy=accuracy)
        self.test_predictions_ready.emit(version, predictions)
        if self._pending_outcome is not None and self._pending_outcome["new"].version == version:
            self._decide(self.model_info)

    @Slot(str, str)
    def _on_host_failed(self, what, message):
        if what == "export":  # only the export's own request failed
            self._set_busy("export", False)
            self.model_failed.emit(message)
            return
        self._set_busy("model", False)
        self._set_busy("save", False)
        if what == "train":
            self._set_busy("training", False)
            self._plan = None
            self.training_failed.emit(message)
            return
        self.model_failed.emit(message)

    @Slot(str, object)
    def _on_saved(self, path, info):
        self._set_busy("save", False)
        self.model_info = info
        self.model_saved.emit(path)
        self.model_changed.emit(info)

    # ---- training ------------------------------------------------------------------------------

    @property
    def is_training(self) -> bool:
        return self.runner.is_running or "training" in self._busy_reasons

    def _can_train(self, config: ModelConfig) -> bool:
        from .core.models import ConfigError

        if self.is_training:
            self.training_failed.emit("Training is already running.")
        elif self.data is None:
            self.training_failed.emit("The MNIST data is not loaded yet.")
        elif not self.backend_is_ready:
            self.training_failed.emit("TensorFlow is still loading; try again in a moment.")
        else:
            try:
                config.validate()
                return True
            except ConfigError as exc:
                self.training_failed.emit(str(exc))
        return False

    def _plan_for(self, config: ModelConfig, epochs: int, train_size: int | None, first_epoch: int = 0,
                  history: dict | None = None) -> TrainingPlan:
        n = min(train_size or len(self.data.x_train), len(self.data.x_train))
        return TrainingPlan(config, n, len(self.data.x_test), first_epoch + epochs, -(-n // config.batch_size),
                            first_epoch, dict(history or {}))

    def start_training(self, config: ModelConfig, *, train_size: int | None = None) -> bool:
        """Train a new model from ``config`` on the training thread. False (and a message) if it can't start."""
        if not self._can_train(config):
            return False
        self._forget_outcome()
        self._begin(self._plan_for(config, config.epochs, train_size), train_size=train_size)
        return True

    def train_more(self, epochs: int, *, config: ModelConfig | None = None, train_size: int | None = None) -> bool:
        """Continue the current model for ``epochs`` more epochs: its weights, its optimizer state
        (where it has one) and its epoch count go on. A model the app built trains on with its own
        settings (``config``'s batch size and augmentation); any other 28×28→10 model with ``config``'s
        optimizer, learning rate, batch size and augmentation."""
        info = self.model_info
        if info is None:
            self.training_failed.emit("There is no model to train more: train one or open a model file.")
            return False
        own = info.preset in PRESETS and bool(info.config)
        try:
            base = ModelConfig.from_dict(info.config) if own else (config or PRESETS["mlp"].defaults)
        except (TypeError, ValueError):
            own, base = False, config or PRESETS["mlp"].defaults
        if own and config is not None:  # how it trains may change, not what it is
            base = base.replace(batch_size=config.batch_size, augment=config.augment)
        base = base.replace(epochs=max(1, int(epochs)))
        if not self._can_train(base):
            return False
        self._forget_outcome()
        meta = info.metadata or {}
        first = info.epoch if info.epoch is not None else int(meta.get("epochs_run") or 0)
        plan = self._plan_for(base, int(epochs), train_size, first, meta.get("history") or {})
        self._plan = plan
        self._more = dict(train_size=train_size, keep_optimizer=own, prior={**meta, "epochs_run": first})
        self._set_busy("training", True)
        self.status_changed.emit("Preparing to train more…")
        self.host.hand_over()  # the model comes back through _on_handed_over
        return True

    @Slot(object, object)
    def _on_handed_over(self, model, info):
        more, self._more = self._more, None
        self._begin(self._plan, model=model, previous_name=info.name, **more)

    def _begin(self, plan: TrainingPlan, *, model=None, prior=None, keep_optimizer=True, train_size=None,
               previous_name: str | None = None):
        self._plan = plan
        self._previous = self.model_info
        self.host.keep_current()
        title = previous_name or preset_title(plan.config.preset)
        self._run_name = f"{title} (training)"
        self._set_busy("training", True)
        self.training_started.emit(plan)
        self.runner.start(plan, self.data, model=model, prior=prior, keep_optimizer=keep_optimizer,
                          train_size=train_size)

    def stop_training(self):
        """Ask the run to stop after the current step; the model keeps the weights it reached."""
        self.runner.stop()

    @Slot(int, object, object, object)
    def _on_epoch_finished(self, epoch, logs, weights, live_copy):
        config = self._plan.config
        info = ModelInfo(name=self._run_name, version=next(self._versions), preset=config.preset,
                         config=config.to_dict(), test_accuracy=logs.get("val_accuracy"),
                         training=True, epoch=epoch + 1)
        self.host.refresh(live_copy, weights, info)
        self.epoch_finished.emit(epoch, logs)

    @Slot(object)
    def _on_run_finished(self, outcome):
        previous = self._previous
        stopped = outcome.stopped
        if outcome.model is None:  # diverged before any good epoch
            self._end_run()
            self.host.restore_other(next(self._versions))
            self.training_failed.emit("Training diverged: the loss became NaN or infinite. Try a lower "
                                      "learning rate. The previous model is kept.")
            return
        config = self._plan.config
        meta = outcome.metadata
        epochs = meta["epochs_run"]
        info = ModelInfo(name=f"{preset_title(config.preset)}, {epochs} epochs", version=next(self._versions),
                         preset=config.preset, config=config.to_dict(), test_accuracy=meta.get("test_accuracy"),
                         epoch=epochs, metadata=meta, unsaved=True)
        message = ""
        if outcome.diverged:
            message = (f"Training diverged in epoch {outcome.epochs_total + 1} (the loss became NaN or "
                       f"infinite); the model keeps the weights of epoch {outcome.kept_epoch}. "
                       "Try a lower learning rate.")
        # The trained model itself (with its optimizer state) becomes current; once its test-set
        # accuracy is known it is compared with the model from before the run.
        self._pending_outcome = dict(new=info, previous=previous, stopped=stopped, message=message)
        self.host.install(outcome.model, info)
        self._end_run()
        if message:
            self.training_failed.emit(message)
        else:
            self.training_finished.emit(dict(outcome.result.history), stopped)

    def _decide(self, new: ModelInfo):
        """Keep whichever of the new and the previous model scores better on the test set; the
        user can switch with one click (``use_new_model`` / ``keep_previous_model``)."""
        pending, self._pending_outcome = self._pending_outcome, None
        previous = pending["previous"]
        using_new = not (previous is not None and previous.test_accuracy is not None
                         and new.test_accuracy is not None and previous.test_accuracy > new.test_accuracy)
        self.outcome = TrainingOutcome(new=new, previous=previous, using_new=using_new,
                                       stopped=pending["stopped"], message=pending["message"])
        if previous is None:
            self.outcome = None  # nothing to choose between
        elif not using_new:
            self.host.swap(next(self._versions))
        if self.outcome is not None:
            self.training_outcome.emit(self.outcome)

    def use_new_model(self):
        self._choose(True)

    def keep_previous_model(self):
        self._choose(False)

    def _choose(self, new: bool):
        if self.outcome is None or self.is_training or self.outcome.using_new == new:
            return
        self.outcome = replace(self.outcome, using_new=new)
        self.host.swap(next(self._versions))
        self.training_outcome.emit(self.outcome)

    @Slot(str)
    def _on_run_failed(self, message):
        """The model from before the run is current again (the live copy of an epoch is not a
        finished model: a failure is not a result)."""
        self._end_run()
        if self._previous is not None:
            self.host.restore_other(next(self._versions))
            message += " The previous model is kept."
        self.training_failed.emit(message)

    def _end_run(self):
        self._set_busy("training", False)

    # ---- shutdown --------------------------------------------------------------------------------

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop training and the model thread; True when every thread ended in time.

        A run stops within one step or chunk, but not inside XLA's compiler (seconds); a save in
        progress is always waited for.
        """
        clean = self.runner.shutdown(timeout_ms)
        saving = "save" in self._busy_reasons
        clean = self.host.shutdown(max(timeout_ms, 30_000) if saving else timeout_ms) and clean
        clean = self._pool.waitForDone(timeout_ms) and clean
        return clean
