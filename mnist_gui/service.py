"""The one object widgets talk to: it owns the data, the models and the threads, and speaks in signals.

Threads, and what each one owns (TensorFlow models are not safe to use from two threads at once):
- the UI thread: this QObject and plain Python state only; nothing here blocks on TensorFlow;
- the *model thread* (``_ModelWorker``): the current model and its compiled ``Predictor``; every
  prediction, evaluation, save and weight refresh runs there, one after another;
- the *training thread* (``_TrainingWorker``, one per run): the model being trained, and nothing else.
  At each epoch end it hands a copy of the weights to the model thread, so predictions improve live
  without ever touching the model being trained;
- a thread pool for one-off jobs (importing TensorFlow, loading data).
Results come back as queued signals, so slots always run on the UI thread.
"""

from __future__ import annotations

import gc
import itertools
import logging
import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from .core.metrics import Predictions
from .core.models import PRESET_TITLES, ModelConfig

log = logging.getLogger("mnist_gui.service")

BATCH_SIGNAL_INTERVAL = 0.05  # at most 20 batch-progress signals a second
BACKGROUND_NICE = 10
FAST_PASS_BATCH = 500  # images per interpreter call in the fast start's test-set pass
FAST_PASS_NICE = 19


def background_priority(nice: int = BACKGROUND_NICE) -> None:
    """Let the calling worker thread, and every thread it starts later, yield the CPU to the UI thread.

    On two cores TensorFlow's compute threads otherwise keep the UI thread waiting for a core for
    tens of milliseconds at a time. All TensorFlow work starts on worker threads, so its thread
    pools inherit this too, and the GIL is never held by a thread ranked below the others. Linux
    only: there each thread has its own nice value, and raising it needs no privileges.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), nice))
    except OSError:  # e.g. a sandbox that forbids it: only smoothness is lost
        log.debug("could not lower the priority of a worker thread", exc_info=True)


@dataclass(frozen=True)
class ModelInfo:
    """What the UI shows about the model that predictions come from."""

    name: str
    version: int                     # changes whenever the weights do
    preset: str | None = None
    config: dict = field(default_factory=dict)
    path: str | None = None          # file it came from or was saved to
    test_accuracy: float | None = None
    training: bool = False           # weights are a snapshot of a run in progress
    epoch: int | None = None         # epochs trained in this run (1-based), when known
    fast_start: bool = False         # predictions come from the LiteRT export until TensorFlow is ready


@dataclass(frozen=True)
class DatasetInfo:
    source: str
    location: str
    verified: bool
    n_train: int
    n_test: int


@dataclass(frozen=True)
class TrainingPlan:
    config: ModelConfig
    n_train: int
    n_test: int
    epochs: int
    total_batches: int


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


class _ModelWorker(QObject):
    """Lives on the model thread; owns the current model and serialises all use of it."""

    predicted = Signal(object, object)          # request id, probabilities (N, 10) or None
    test_predicted = Signal(int, object, object)  # model version, the images, core.metrics.Predictions
    installed = Signal(object)                  # ModelInfo
    failed = Signal(str, str)                   # what ("load", "save", ...), message
    saved = Signal(str, object)                 # path, ModelInfo
    exported = Signal(str, str)                 # the export's result line, the parity line

    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()
        self.model = None
        self.predictor = None
        self.info: ModelInfo | None = None
        self.x_test = self.y_test = None
        self.fast = None       # LiteRTPredictor of the current model's own export, for single images
        self._fast_pass = None  # (version, images, cancel event) of the fast start's test-set pass
        self.closing = threading.Event()  # set by shutdown: long jobs give up between batches

    @Slot()
    def lower_priority(self):
        # A slot of this object, so that it runs on the model thread (a plain function connected to
        # QThread.started would run on the UI thread).
        background_priority()

    # Callable from any thread (tests, smoke test); widgets use the queued slots below.
    def predict_now(self, images):
        with self.lock:
            if self.fast is not None and (np.ndim(images) == 2 or len(images) == 1):
                return self.fast(images)
            if self.predictor is None:
                return None
            return self.predictor(images)

    @Slot(object, object)
    def predict(self, request_id, images):
        try:
            self.predicted.emit(request_id, self.predict_now(images))
        except Exception as exc:
            self.failed.emit("predict", f"Prediction failed: {exc}")

    @Slot(object)
    def set_test_images(self, x_test):
        self.set_test_set(x_test, None)

    @Slot(object, object)
    def set_test_set(self, x_test, y_test):
        self.x_test, self.y_test = x_test, y_test  # the labels: for an export's parity check
        self._cancel_fast_pass()
        self._predict_test()

    def _predict_test(self):
        if self.x_test is None or self.info is None:
            return
        if self.model is None and self.fast is not None:
            self._fast_test_pass()
            return
        from .core.training import EVAL_BATCH

        version, images = self.info.version, self.x_test
        parts = []
        try:
            # In batches, so that closing the app never waits for a whole slow (CNN) pass.
            for start in range(0, len(images), EVAL_BATCH):
                if self.closing.is_set():
                    return
                part = self.predict_now(images[start:start + EVAL_BATCH])
                if part is None:
                    return
                parts.append(part)
        except Exception as exc:
            self.failed.emit("predict", f"Prediction failed: {exc}")
            return
        # Summarised here, so that the UI thread's share of every epoch end stays small.
        self.test_predicted.emit(version, images, Predictions.of(np.concatenate(parts)))

    def _fast_test_pass(self):
        """The fast start's test-set predictions, on a thread of their own with one interpreter thread.

        Off the model thread, so that neither Draw Pad answers nor the TensorFlow model's load wait
        seconds behind 10,000 CNN images; one thread, so that TensorFlow's import keeps a core.
        """
        from .core.litert import LiteRTPredictor

        version, images, path = self.info.version, self.x_test, self.fast.path
        if self._fast_pass is not None and self._fast_pass[:2] == (version, images):
            return  # already running or done for this model and test set
        self._cancel_fast_pass()
        cancel = threading.Event()
        self._fast_pass = (version, images, cancel)

        def run():
            background_priority(FAST_PASS_NICE)  # below TensorFlow's import, which it must not delay
            try:
                predictor, parts = LiteRTPredictor(path, num_threads=1), []
                for start in range(0, len(images), FAST_PASS_BATCH):
                    if cancel.is_set() or self.closing.is_set():
                        return
                    parts.append(predictor(images[start:start + FAST_PASS_BATCH]))
                if not cancel.is_set():
                    self.test_predicted.emit(version, images, Predictions.of(np.concatenate(parts)))
            except Exception:  # TensorFlow's model predicts the test set after the handover instead
                log.info("fast-start test predictions failed", exc_info=True)

        threading.Thread(target=run, name="litert-test", daemon=True).start()

    def _cancel_fast_pass(self):
        if self._fast_pass is not None:
            self._fast_pass[2].set()
            self._fast_pass = None

    @Slot(object, object)
    def install(self, model, info):
        """Make ``model`` the current one (a loaded, freshly built, or just-trained model)."""
        from .core.training import Predictor

        try:
            predictor = Predictor(model)
            predictor(np.zeros((1, 28, 28), np.float32))  # compile now, not on the first stroke
        except Exception as exc:
            self.failed.emit("install", f"The model cannot predict: {exc}")
            return
        # The fast-start handover: the same model (same version) that the LiteRT export stood in for.
        handover = self.fast is not None and self.info is not None and self.info.version == info.version
        fast = self.fast if handover and _faster_single(self.fast, predictor) else None
        with self.lock:
            old, self.fast = self.fast, fast
            self.model, self.predictor, self.info = model, predictor, info
        if old is not None and old is not fast:
            old.close()
        self.installed.emit(info)
        # At the handover, the fast start's pass (running or done) already answers for this version.
        passing = self._fast_pass is not None and self._fast_pass[:2] == (info.version, self.x_test)
        if not (handover and passing):
            self._cancel_fast_pass()
            self._predict_test()

    @Slot(str, object)
    def install_fast(self, tflite_path, info):
        """Predict with the LiteRT export at ``tflite_path`` until TensorFlow's model is installed."""
        try:
            fast = _LiteRTThread(tflite_path)
            fast(np.zeros((28, 28), np.float32))
        except Exception as exc:  # no fast start, only the usual wait for TensorFlow
            log.info("no fast start from %s: %s", tflite_path, exc)
            return
        with self.lock:
            if self.model is not None:
                fast.close()
                return  # TensorFlow's model came first
            old, self.fast = self.fast, fast
            self.predictor, self.info = fast, info
        if old is not None:
            old.close()
        self.installed.emit(info)
        self._predict_test()

    @Slot(str, str)
    def export(self, path, fmt):
        """Export the current model and run the parity check on the test set (core.export)."""
        from .core import export, storage

        with self.lock:
            model, info, predictor = self.model, self.info, self.predictor
            if model is None:
                self.failed.emit("export", "There is no TensorFlow model to export yet: wait a moment, "
                                           "train one or open a model file.")
                return
            try:
                meta = {**(storage.read_metadata(info.path) if info.path else {}), **_info_metadata(info)}
                result = export.export_model(model, path, fmt, metadata=meta)
                if self.x_test is None or self.y_test is None:
                    self.exported.emit(f"Exported {Path(path).name} (no parity check: the test set is not loaded)", "")
                    return
                parity = export.parity_check(model, path, fmt, self.x_test, self.y_test,
                                             extra_sets=export.drawn_digit_sets(), keras_predict=predictor,
                                             timing=False)
            except export.ExportError as exc:
                self.failed.emit("export", str(exc))
                return
        export.record_parity(path, parity)
        if not parity.passed:
            self.failed.emit("export", f"Exported {Path(path).name}, but it does NOT predict as the app does: "
                                       f"{parity.line()}")
            return
        self.exported.emit(f"Exported {Path(path).name} ({result.size_bytes / 1e6:.1f} MB); parity check passed",
                           parity.line())

    @Slot(object, object, object)
    def refresh_weights(self, live_copy, weights, info):
        """An epoch ended: load its weights into the run's inference copy, (model, Predictor)."""
        try:
            with self.lock:
                if self.fast is not None:
                    self.fast.close()
                    self.fast = None
                self._cancel_fast_pass()
                self.model, self.predictor = live_copy
                self.model.set_weights(weights)
                self.info = info
        except Exception as exc:
            self.failed.emit("install", f"Could not refresh the live model: {exc}")
            return
        self.installed.emit(info)
        self._predict_test()

    @Slot(str, object)
    def save(self, path, metadata):
        from .core import storage

        with self.lock:
            model, info = self.model, self.info
            if model is None:
                self.failed.emit("save", "There is no model to save yet: train one or open a model file.")
                return
            try:
                storage.save_model(model, path, {**(metadata or {}), **_info_metadata(info)})
            except storage.ModelFileError as exc:
                self.failed.emit("save", str(exc))
                return
            self.info = replace(info, path=str(path))
        self.saved.emit(str(path), self.info)

    @Slot(str, int)
    def load(self, path, version):
        from .core import storage

        try:
            model = storage.load_model(path)
        except storage.ModelFileError as exc:
            self.failed.emit("load", str(exc))
            return
        except Exception as exc:  # anything unexpected still must not take the app down
            self.failed.emit("load", f"Could not load {Path(path).name}: {exc}")
            return
        meta = storage.read_metadata(path)
        info = ModelInfo(
            name=Path(path).stem,
            version=version,
            preset=meta.get("preset"),
            config=meta.get("config") or {},
            path=str(path),
            test_accuracy=meta.get("test_accuracy"),
        )
        self.install(model, info)


class _LiteRTThread:
    """A LiteRTPredictor that lives on its own thread; calls block until it answers.

    The interpreter never runs on the model thread: once it had, that thread crashed (SIGSEGV) at its
    first TensorFlow operation when TensorFlow was imported later on another thread (ai-edge-litert
    2.3 and TensorFlow 2.21 each bring their own runtime). Calls still happen in the model thread's
    order, so answers cannot overtake each other.
    """

    def __init__(self, path):
        from concurrent.futures import ThreadPoolExecutor

        from .core.litert import LiteRTPredictor

        self.path = Path(path)
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="litert", initializer=background_priority)
        try:
            self._predictor = self._executor.submit(LiteRTPredictor, path).result()
        except BaseException:
            self._executor.shutdown(wait=False)
            raise

    def __call__(self, images):
        return self._executor.submit(self._predictor, images).result()

    def close(self):
        self._executor.shutdown(wait=False)


def _faster_single(fast, predictor, repeats: int = 20) -> bool:
    """Whether the LiteRT interpreter answers one image sooner than the compiled TensorFlow call."""
    image = np.zeros((1, 28, 28), np.float32)

    def median_time(run):
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            run(image)
            times.append(time.perf_counter() - started)
        return sorted(times)[repeats // 2]

    try:
        return median_time(fast) < median_time(predictor)
    except Exception:
        return False


def _info_metadata(info: ModelInfo | None) -> dict:
    if info is None:
        return {}
    meta = {"name": info.name}
    if info.preset:
        meta["preset"] = info.preset
    if info.config:
        meta["config"] = info.config
    if info.test_accuracy is not None:
        meta["test_accuracy"] = info.test_accuracy
    return meta


class _TrainingWorker(QObject):
    """Runs one ``fit`` on the training thread; reports through queued signals."""

    batch_progress = Signal(int, int, int, object)
    epoch_finished = Signal(int, object, object)   # epoch, logs, weights
    finished = Signal(object, bool, bool)          # TrainResult, stopped, diverged
    failed = Signal(str)

    def __init__(self, plan: TrainingPlan, x, y, x_val, y_val, stop_event: threading.Event):
        super().__init__()
        self.plan, self.stop_event = plan, stop_event
        self.x, self.y, self.x_val, self.y_val = x, y, x_val, y_val
        self.model = None
        self.live_copy = None  # (model, Predictor) of the same architecture, for the model thread
        self._last_emit = 0.0

    @Slot()
    def run(self):
        from .core import training
        from .core.models import ConfigError, build_model

        background_priority()
        try:
            self.model = build_model(self.plan.config)
            # The model thread's copy, for predictions while this model trains, is built here and
            # now: built there at the first epoch end, beside this thread's work, it kept the UI
            # thread from the GIL for up to 50 ms.
            self.live_copy = _inference_copy(self.plan.config)
            result = training.fit(
                self.model, self.x, self.y, validation_data=(self.x_val, self.y_val),
                epochs=self.plan.epochs, batch_size=self.plan.config.batch_size,
                progress=training.callback_progress(self._on_batch, self._on_epoch),
                stop_event=self.stop_event, lr_decay=self.plan.config.lr_decay)
        except (ConfigError, training.TrainingError) as exc:
            self.failed.emit(str(exc))
            return
        except MemoryError:
            self.failed.emit("Out of memory: try a smaller model or batch size.")
            return
        except Exception as exc:
            log.error("training failed:\n%s", traceback.format_exc())
            self.failed.emit(f"Training failed: {exc}")
            return
        self.finished.emit(result, result.stopped, result.diverged)

    def _on_batch(self, epoch, done, total, logs):
        now = time.monotonic()
        if now - self._last_emit >= BATCH_SIGNAL_INTERVAL or done == total:
            self._last_emit = now
            self.batch_progress.emit(epoch, done, total, logs)

    def _on_epoch(self, epoch, logs):
        self.epoch_finished.emit(epoch, logs, self.model.get_weights())


class ModelService(QObject):
    """The app's single model service. All slots and signals live on the UI thread."""

    backend_ready = Signal()                       # TensorFlow imported
    backend_failed = Signal(str)
    status_changed = Signal(str)                   # what is loading / happening, for the status bar
    dataset_ready = Signal(object)                 # DatasetInfo
    dataset_failed = Signal(str)
    model_changed = Signal(object)                 # ModelInfo (new model or new weights)
    model_failed = Signal(str)                     # open/save/install failure message
    model_saved = Signal(str)
    model_exported = Signal(str, str)              # result line, parity line
    test_predictions_ready = Signal(int, object)   # model version, Predictions for the test set
    prediction_ready = Signal(object, object)      # request id, probabilities or None
    training_started = Signal(object)              # TrainingPlan
    batch_progress = Signal(int, int, int, object)  # epoch, batches done, batches per epoch, logs
    epoch_finished = Signal(int, object)           # epoch (0-based), logs
    training_finished = Signal(object, bool)       # history dict, stopped by the user
    training_failed = Signal(str)
    busy_changed = Signal(bool)

    _task_done = Signal(object, object)
    # Requests to the model thread (queued: they run there, in order).
    _predict = Signal(object, object)
    _install = Signal(object, object)
    _refresh = Signal(object, object, object)
    _save = Signal(str, object)
    _load = Signal(str, int)
    _set_test_set = Signal(object, object)
    _install_fast = Signal(str, object)
    _export = Signal(str, str)

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
        self._busy_reasons: set[str] = set()
        self._pending_model: tuple | None = None    # (kind, arg) waiting for the backend
        self._fast_start: tuple | None = None       # (path, version) of a LiteRT stand-in, until handed over

        self._model_thread = QThread(self)
        self._model_thread.setObjectName("model")
        self._worker = _ModelWorker()
        self._worker.moveToThread(self._model_thread)
        self._predict.connect(self._worker.predict)
        self._install.connect(self._worker.install)
        self._refresh.connect(self._worker.refresh_weights)
        self._save.connect(self._worker.save)
        self._load.connect(self._worker.load)
        self._set_test_set.connect(self._worker.set_test_set)
        self._install_fast.connect(self._worker.install_fast)
        self._export.connect(self._worker.export)
        self._worker.exported.connect(self._on_exported)
        self._worker.predicted.connect(self.prediction_ready)
        self._worker.test_predicted.connect(self._on_test_predicted)
        self._worker.installed.connect(self._on_installed)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.saved.connect(self._on_saved)
        self._model_thread.started.connect(self._worker.lower_priority)
        self._model_thread.start()

        self._training_thread: QThread | None = None
        self._trainer: _TrainingWorker | None = None
        self._stop_event = threading.Event()
        self._plan: TrainingPlan | None = None
        self._history: dict[str, list[float]] = {}
        self._run_name = ""

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
        self._set_test_set.emit(data.x_test, data.y_test)
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
    def test_probabilities(self) -> np.ndarray | None:
        """The current model's probabilities (N, 10) for the test set, or None until it has them."""
        return None if self.test_predictions is None else self.test_predictions.probabilities

    def open_model(self, path):
        """Load a model file on the model thread; the current model stays if it fails."""
        if self.is_training:
            self.model_failed.emit("Stop training before opening another model.")
            return
        if not self.backend_is_ready:
            self._pending_model = ("open", str(path))
            self.start_fast(path)
            return
        self._set_busy("model", True)
        self.status_changed.emit(f"Loading model {Path(path).name}…")
        self._load.emit(str(path), self._handover_version(path) or next(self._versions))

    def start_fast(self, path) -> bool:
        """Predict with ``path``'s bundled LiteRT export (``.tflite`` beside it) while TensorFlow loads.

        The TensorFlow model of the same file later takes over under the same version, once.
        """
        from .core import litert

        tflite = litert.bundled_export(path)
        if self.backend_is_ready or tflite is None or not litert.available():
            return False
        from .core import storage

        meta = storage.read_metadata(path)
        version = next(self._versions)
        self._fast_start = (str(path), version)
        info = ModelInfo(name=Path(path).stem, version=version, preset=meta.get("preset"),
                         config=meta.get("config") or {}, path=str(path),
                         test_accuracy=meta.get("test_accuracy"), fast_start=True)
        self._install_fast.emit(str(tflite), info)
        return True

    def _handover_version(self, path) -> int | None:
        """The fast start's version if ``path`` is the model it stood in for (used once)."""
        fast, self._fast_start = self._fast_start, None
        if fast is not None and fast[0] == str(path) and self.model_info is not None \
                and self.model_info.version == fast[1]:
            return fast[1]
        return None

    def export_model(self, path, fmt: str):
        """Export the current model on the model thread, then check it: ``model_exported`` or ``model_failed``."""
        self._set_busy("export", True)
        self.status_changed.emit(f"Exporting {Path(path).name}…")
        self._export.emit(str(path), fmt)

    @Slot(str, str)
    def _on_exported(self, message, parity_line):
        self._set_busy("export", False)
        self.status_changed.emit(message)
        self.model_exported.emit(message, parity_line)

    def new_model(self, config: ModelConfig):
        """Replace the current model with a new, untrained one built from ``config``."""
        if self.is_training:
            self.model_failed.emit("Stop training before building another model.")
            return
        if not self.backend_is_ready:
            self._pending_model = ("new", config)
            return
        from .core.models import build_model

        info = ModelInfo(name=f"New {PRESET_TITLES.get(config.preset, config.preset)}",
                         version=next(self._versions), preset=config.preset, config=config.to_dict())
        self._set_busy("model", True)
        self._run(lambda: build_model(config), lambda model: self._install.emit(model, info),
                  lambda exc: self._on_worker_failed("install", f"Could not build the model: {exc}"))

    def use_model(self, model, name: str, config: ModelConfig | None = None):
        """Make an in-memory Keras model current (the service owns it from now on)."""
        if self.is_training:
            self.model_failed.emit("Stop training before switching models.")
            return
        info = ModelInfo(name=name, version=next(self._versions),
                         preset=config.preset if config else None,
                         config=config.to_dict() if config else {})
        self._set_busy("model", True)
        self._install.emit(model, info)

    def save_model(self, path):
        """Save the current model (atomically) on the model thread: ``model_saved`` or ``model_failed``."""
        self._set_busy("save", True)
        self._save.emit(str(path), {})

    def predict(self, images):
        """Probabilities now, on the caller's thread, or None without a model. For tests and scripts."""
        return self._worker.predict_now(images)

    def request_prediction(self, images) -> int:
        """Ask the model thread for probabilities; ``prediction_ready(id, probs)`` answers."""
        request_id = next(self._request_ids)
        self._predict.emit(request_id, np.asarray(images, dtype=np.float32))
        return request_id

    @Slot(object)
    def _on_installed(self, info: ModelInfo):
        self._set_busy("model", False)
        if self.model_info is None or self.model_info.version != info.version:
            self.test_predictions = None
        elif self.test_predictions is not None:  # the fast-start handover: same model, same predictions
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
        accuracy = float(np.mean(predictions.labels == self.data.y_test))
        if self.model_info.test_accuracy != accuracy:
            self.model_info = replace(self.model_info, test_accuracy=accuracy)
        self.test_predictions_ready.emit(version, predictions)
        self.model_changed.emit(self.model_info)

    @Slot(str, str)
    def _on_worker_failed(self, what, message):
        self._set_busy("model", False)
        self._set_busy("save", False)
        self._set_busy("export", False)
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
        return self._training_thread is not None

    def start_training(self, config: ModelConfig, *, train_size: int | None = None) -> bool:
        """Train a new model from ``config`` on the training thread. False (and a message) if it can't start."""
        from .core.models import ConfigError

        if self.is_training:
            self.training_failed.emit("Training is already running.")
            return False
        if self.data is None:
            self.training_failed.emit("The MNIST data is not loaded yet.")
            return False
        if not self.backend_is_ready:
            self.training_failed.emit("TensorFlow is still loading; try again in a moment.")
            return False
        try:
            config.validate()
        except ConfigError as exc:
            self.training_failed.emit(str(exc))
            return False
        x, y = self.data.x_train, self.data.y_train
        if train_size:
            x, y = x[:train_size], y[:train_size]
        total_batches = -(-len(x) // config.batch_size)
        plan = TrainingPlan(config, len(x), len(self.data.x_test), config.epochs, total_batches)
        self._plan, self._history = plan, {}
        self._run_name = f"{PRESET_TITLES.get(config.preset, config.preset)} (training)"
        self._stop_event = threading.Event()

        thread = QThread(self)
        thread.setObjectName("training")
        worker = _TrainingWorker(plan, x, y, self.data.x_test, self.data.y_test, self._stop_event)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.batch_progress.connect(self.batch_progress)
        worker.epoch_finished.connect(self._on_epoch_finished)
        worker.finished.connect(self._on_training_finished)
        worker.failed.connect(self._on_training_failed)
        self._training_thread, self._trainer = thread, worker
        self._set_busy("training", True)
        self.training_started.emit(plan)
        thread.start()
        return True

    def stop_training(self):
        """Ask the run to stop after the current step; the model keeps the weights it reached."""
        self._stop_event.set()

    @Slot(int, object, object)
    def _on_epoch_finished(self, epoch, logs, weights):
        for key, value in logs.items():
            self._history.setdefault(key, []).append(value)
        config = self._plan.config
        info = ModelInfo(name=self._run_name, version=next(self._versions), preset=config.preset,
                         config=config.to_dict(), test_accuracy=logs.get("val_accuracy"),
                         training=True, epoch=epoch + 1)
        self._refresh.emit(self._trainer.live_copy, weights, info)
        self.epoch_finished.emit(epoch, logs)

    @Slot(object, bool, bool)
    def _on_training_finished(self, result, stopped, diverged):
        model = self._trainer.model
        self._end_training_thread()
        if diverged:
            # Keep the last good epoch (already in the inference copy), or the model from before.
            self._on_training_failed(
                "Training diverged: the loss became NaN or infinite. Try a lower learning rate.")
            return
        config = self._plan.config
        epochs = result.epochs_run
        info = ModelInfo(name=f"{PRESET_TITLES.get(config.preset, config.preset)}, {epochs} epochs",
                         version=next(self._versions), preset=config.preset, config=config.to_dict(),
                         test_accuracy=result.final.get("val_accuracy"), epoch=epochs)
        self._install.emit(model, info)  # the trained model itself (with optimizer state) becomes current
        self.training_finished.emit(dict(result.history), stopped)

    @Slot(str)
    def _on_training_failed(self, message):
        """The live copy of the last finished epoch stays current; without one, the model from before."""
        self._end_training_thread()
        epochs = len(next(iter(self._history.values()), []))
        if epochs and self.model_info is not None and self.model_info.training:
            config = self._plan.config
            self.model_info = replace(self.model_info, training=False,
                                      name=f"{PRESET_TITLES.get(config.preset, config.preset)}, {epochs} epochs")
            self.model_changed.emit(self.model_info)
            message += f" The model keeps the weights of epoch {epochs}."
        else:
            message += " The previous model is kept."
        self.training_failed.emit(message)

    def _end_training_thread(self):
        thread = self._training_thread
        self._training_thread, self._trainer = None, None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        self._set_busy("training", False)

    # ---- shutdown --------------------------------------------------------------------------------

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop training and the model thread; True when every thread ended in time.

        A run stops within one compiled chunk (~50 ms), but not during XLA's first compile
        (a few seconds): hence the generous default.
        """
        self._stop_event.set()
        self._worker.closing.set()
        clean = True
        thread = self._training_thread
        if thread is not None:
            thread.quit()  # the event loop quits once run() returns
            clean = thread.wait(timeout_ms) and clean
        self._model_thread.quit()
        clean = self._model_thread.wait(timeout_ms) and clean
        self._pool.waitForDone(timeout_ms)
        return clean


def _inference_copy(config: ModelConfig):
    """(model, Predictor) of the same architecture for the model thread; weights come separately."""
    from .core.models import build_model
    from .core.training import Predictor

    model = build_model(config, compile=True)
    return model, Predictor(model)
