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

from .core.drawings import DrawingsError, DrawingStore, held_out_split
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
    fine_tune: dict | None = None   # after "Fine-tune on my drawings": accuracies before and after


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
    drawings_changed = Signal()                    # My drawings: one added, deleted or imported
    drawings_failed = Signal(str)                  # a drawings file could not be written or read
    drawing_predictions_ready = Signal(int, object)  # model version, Predictions on My drawings (in store order)

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
        self.drawings = DrawingStore()              # My drawings (read when first used)
        self.drawing_predictions: Predictions | None = None  # the current model's, on self.drawings
        self._drawings_request: tuple | None = None  # (request id, model version, store generation)
        self._drawings_generation = 0
        self._fine_tune: dict | None = None         # a fine-tuning run's "before" figures
        self._fast_start: tuple | None = None       # (path, version) of a LiteRT stand-in, until handed over

        self.host = ModelHost(self)
        self.host.predicted.connect(self._on_predicted)
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
        self._predict_drawings()

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

    # ---- My drawings ---------------------------------------------------------------------------

    def add_drawing(self, digit, label: int, *, canvas=None, prediction: int | None = None,
                    pen_width: float | None = None) -> bool:
        """Keep a labelled Draw Pad drawing in My drawings (on disk before this returns)."""
        return self._change_drawings(lambda: self.drawings.add(digit, label, canvas=canvas, prediction=prediction,
                                                               pen_width=pen_width))

    def delete_drawing(self, drawing_id: str) -> bool:
        return self._change_drawings(lambda: self.drawings.delete(drawing_id))

    def undo_last_drawing(self) -> bool:
        """Remove the drawing labelled last (in this session)."""
        return self._change_drawings(lambda: self.drawings.undo_last() is not None)

    def import_drawings(self, path) -> int | None:
        """Add the drawings of a Keras-layout .npz (x, y); None (and ``drawings_failed``) if refused."""
        count = []
        if self._change_drawings(lambda: count.append(self.drawings.import_npz(path)) or True):
            return count[0]
        return None

    def export_drawings(self, path) -> int | None:
        """Write My drawings to one .npz (x, y); None (and ``drawings_failed``) if it could not be written."""
        try:
            return self.drawings.export_npz(path)
        except DrawingsError as exc:
            self.drawings_failed.emit(str(exc))
            return None

    def _change_drawings(self, change) -> bool:
        try:
            changed = bool(change())
        except DrawingsError as exc:
            self.drawings_failed.emit(str(exc))
            return False
        if changed:
            self._drawings_generation += 1
            self.drawing_predictions = None
            self.drawings_changed.emit()
            self._predict_drawings()
        return changed

    def _predict_drawings(self):
        """The current model's answers for every drawing, on the model thread (a few images: quick)."""
        info = self.model_info
        if info is None or not len(self.drawings):
            return
        images = self.drawings.arrays()[0]
        # Padded to a power of two (at least 64): XLA compiles the predictor once per batch shape,
        # and one more drawing must not cost a compile (half a second) each time.
        padded = np.zeros((max(64, 1 << (len(images) - 1).bit_length()), 28, 28), np.float32)
        padded[:len(images)] = images
        request_id = next(self._request_ids)
        self._drawings_request = (request_id, info.version, self._drawings_generation, len(images))
        self.host.request_prediction(request_id, padded)

    @Slot(object, object)
    def _on_predicted(self, request_id, probs):
        request = self._drawings_request
        if request is None or request[0] != request_id:
            self.prediction_ready.emit(request_id, probs)
            return
        self._drawings_request = None
        _, version, generation, n = request
        if (probs is None or self.model_info is None or version != self.model_info.version
                or generation != self._drawings_generation):
            return  # overtaken: a newer request follows the newer model or drawings
        self.drawing_predictions = Predictions.of(probs[:n])
        self.drawing_predictions_ready.emit(version, self.drawing_predictions)

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
                  history: dict | None = None, run_args: dict | None = None) -> TrainingPlan:
        n = min(train_size or len(self.data.x_train), len(self.data.x_train))
        drawings = (run_args or {}).get("drawings")
        if drawings is not None and len(drawings[1]):
            from .core.drawings import mix_repeats

            n += mix_repeats(n, len(drawings[1]), run_args["drawings_share"]) * len(drawings[1])
        return TrainingPlan(config, n, len(self.data.x_test), first_epoch + epochs, -(-n // config.batch_size),
                            first_epoch, dict(history or {}))

    def _drawings_args(self, share: float | None) -> dict | None:
        """core.run.train's arguments for including My drawings (None: not included, or there are none)."""
        if share is None or share <= 0 or not len(self.drawings):
            return None
        return {"drawings": self.drawings.arrays(), "drawings_share": float(share)}

    def start_training(self, config: ModelConfig, *, train_size: int | None = None,
                       drawings_share: float | None = None) -> bool:
        """Train a new model from ``config`` on the training thread. False (and a message) if it can't start.
        ``drawings_share``: include My drawings, oversampled to this share of each epoch."""
        if not self._can_train(config):
            return False
        self._forget_outcome()
        run_args = self._drawings_args(drawings_share)
        self._fine_tune = None
        self._begin(self._plan_for(config, config.epochs, train_size, run_args=run_args), train_size=train_size,
                    run_args=run_args)
        return True

    def train_more(self, epochs: int, *, config: ModelConfig | None = None, train_size: int | None = None,
                   drawings_share: float | None = None) -> bool:
        """Continue the current model for ``epochs`` more epochs: its weights, its optimizer state
        (where it has one) and its epoch count go on. A model the app built trains on with its own
        settings (``config``'s batch size and augmentation); any other 28×28→10 model with ``config``'s
        optimizer, learning rate, batch size and augmentation. ``drawings_share``: include My drawings,
        oversampled to this share of each epoch."""
        return self._continue(epochs, config, train_size, self._drawings_args(drawings_share))

    def fine_tune(self) -> bool:
        """"Fine-tune on my drawings": continue the current model for a short run on part of MNIST and
        most of My drawings (oversampled), keeping a part of each digit's drawings back to measure on.
        The outcome (``training_outcome``) reports test and held-out accuracy before and after; the
        fine-tuned model is used, and ``keep_previous_model`` undoes it."""
        from .core import run

        x, y = self.drawings.arrays()
        if len(y) < 2:
            self.training_failed.emit("Fine-tuning needs some of your drawings: label a few on the Draw Pad first.")
            return False
        taught, held = held_out_split(y, run.HELD_OUT_FRACTION)
        run_args = {"drawings": (x[taught], y[taught]), "drawings_share": run.FINE_TUNE_SHARE,
                    "held_out": (x[held], y[held]) if len(held) else None, **run.FINE_TUNE_ARGS}
        previous = self.model_info
        if not self._continue(run.FINE_TUNE_EPOCHS, None, run.FINE_TUNE_MNIST, run_args, fine_tune=True):
            return False
        self._fine_tune = {"taught": int(len(taught)), "held_out": int(len(held)),
                           "mnist_before": previous.test_accuracy if previous else None}
        return True

    def _continue(self, epochs: int, config: ModelConfig | None, train_size: int | None, run_args: dict | None,
                  fine_tune: bool = False) -> bool:
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
        if fine_tune:
            from .core.run import fine_tune_config

            base = fine_tune_config(base)
        base = base.replace(epochs=max(1, int(epochs)))
        if not self._can_train(base):
            return False
        self._forget_outcome()
        self._fine_tune = None
        meta = info.metadata or {}
        first = info.epoch if info.epoch is not None else int(meta.get("epochs_run") or 0)
        plan = self._plan_for(base, int(epochs), train_size, first, meta.get("history") or {}, run_args)
        self._plan = plan
        self._more = dict(train_size=train_size, keep_optimizer=own, prior={**meta, "epochs_run": first},
                          run_args=run_args)
        self._set_busy("training", True)
        self.status_changed.emit("Preparing to train more…")
        self.host.hand_over()  # the model comes back through _on_handed_over
        return True

    @Slot(object, object)
    def _on_handed_over(self, model, info):
        more, self._more = self._more, None
        self._begin(self._plan, model=model, previous_name=info.name, **more)

    def _begin(self, plan: TrainingPlan, *, model=None, prior=None, keep_optimizer=True, train_size=None,
               previous_name: str | None = None, run_args: dict | None = None):
        self._plan = plan
        self._previous = self.model_info
        self.host.keep_current()
        title = previous_name or preset_title(plan.config.preset)
        self._run_name = f"{title} (training)"
        self._set_busy("training", True)
        self.training_started.emit(plan)
        self.runner.start(plan, self.data, model=model, prior=prior, keep_optimizer=keep_optimizer,
                          train_size=train_size, run_args=run_args)

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
        fine_tune = None
        if self._fine_tune is not None:
            record = meta.get("drawings") or {}
            fine_tune = {**self._fine_tune, "held_out_before": record.get("held_out_before"),
                         "held_out_after": record.get("held_out_after")}
            self._fine_tune = None
        self._pending_outcome = dict(new=info, previous=previous, stopped=stopped, message=message,
                                     fine_tune=fine_tune)
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
        fine_tune = pending["fine_tune"]
        using_new = not (previous is not None and previous.test_accuracy is not None
                         and new.test_accuracy is not None and previous.test_accuracy > new.test_accuracy)
        message = pending["message"]
        if fine_tune is not None:
            # Fine-tuning is for the drawings: its model is used even a little worse on MNIST, but a
            # fall beyond the limit is said, and the previous model is one click away.
            from .core.run import MNIST_DROP_LIMIT

            using_new = True
            fine_tune = {**fine_tune, "mnist_after": new.test_accuracy}
            before, after = fine_tune["mnist_before"], new.test_accuracy
            fine_tune["mnist_dropped"] = (before is not None and after is not None
                                          and before - after > MNIST_DROP_LIMIT)
            if fine_tune["mnist_dropped"] and not message:
                message = (f"Fine-tuning cost {100 * (before - after):.2f} points of test accuracy "
                           f"({before:.2%} → {after:.2%}); Undo fine-tune brings the previous model back.")
        self.outcome = TrainingOutcome(new=new, previous=previous, using_new=using_new,
                                       stopped=pending["stopped"], message=message, fine_tune=fine_tune)
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
        self._fine_tune = None
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
