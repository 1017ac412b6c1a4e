"""The current model's host: the *model thread*, which owns the model predictions come from.

Every prediction, test-set scoring, open, save and weight refresh runs there, one after another
(a Keras model is not safe to use from two threads at once). Besides the current model it keeps
at most one *other* model: the one a training run may replace, so that the user can go back to it
("Keep previous") or forth again, in one click. Results come back as queued signals, so slots on
the UI side run on the UI thread.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import types
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from .core.metrics import Predictions

log = logging.getLogger("mnist_gui.model_host")

BACKGROUND_NICE = 10


def background_priority() -> None:
    """Let the calling worker thread, and every thread it starts later, yield the CPU to the UI thread.

    On two cores TensorFlow's compute threads otherwise keep the UI thread waiting for a core for
    tens of milliseconds at a time. All TensorFlow work starts on worker threads, so its thread
    pools inherit this too. Linux only: there each thread has its own nice value, and raising it
    needs no privileges.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), BACKGROUND_NICE))
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
    epoch: int | None = None         # epochs trained in all (1-based), when known
    metadata: dict = field(default_factory=dict, compare=False)  # its sidecar record
    unsaved: bool = False            # trained in this session and not saved since


class _ModelWorker(QObject):
    """Lives on the model thread; owns the current model (and the other one) and serialises all use."""

    predicted = Signal(object, object)            # request id, probabilities (N, 10) or None
    test_predicted = Signal(int, object, object)  # model version, the images, core.metrics.Predictions
    installed = Signal(object)                    # ModelInfo of the new current model
    failed = Signal(str, str)                     # what ("load", "save", ...), message
    saved = Signal(str, object)                   # path, ModelInfo
    handed_over = Signal(object, object)          # the current model itself, its ModelInfo (for Train more)
    inspected = Signal(object, str, object)       # request id, kind, result (an Exception if it failed)
    robustness_done = Signal(object, str, object)  # request id, kind, result (partial ones too; or an Exception)

    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()
        self.model = self.predictor = None
        self.info: ModelInfo | None = None
        self.other: tuple | None = None   # (model, predictor, info) a training run may replace
        self.x_test = None
        self.closing = threading.Event()  # set by shutdown: long jobs give up between batches
        self._evaluating = 0              # robustness evaluations under way: curves wait for them

    @Slot()
    def lower_priority(self):
        # A slot of this object, so that it runs on the model thread.
        background_priority()

    # Callable from any thread (tests, smoke test); widgets use the queued slots below.
    def predict_now(self, images):
        with self.lock:
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
        self.x_test = x_test
        self._predict_test()

    def _predict_test(self):
        if self.x_test is None or self.info is None:
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

    def _set_current(self, model, predictor, info):
        with self.lock:
            self.model, self.predictor, self.info = model, predictor, info
        self.installed.emit(info)
        self._predict_test()

    @Slot(object, object)
    def install(self, model, info):
        """Make ``model`` the current one (loaded, built, or just trained); the other one stays."""
        from .core.training import Predictor

        try:
            predictor = Predictor(model)
            predictor(np.zeros((1, 28, 28), np.float32))  # compile now, not on the first stroke
        except Exception as exc:
            self.failed.emit("install", f"The model cannot predict: {exc}")
            return
        self._set_current(model, predictor, info)

    @Slot(object, object, object)
    def refresh_weights(self, live_copy, weights, info):
        """An epoch ended: load its weights into the run's inference copy (model, Predictor), which
        becomes current. The model from before the run is kept as the other one."""
        try:
            model, predictor = live_copy
            model.set_weights(weights)
        except Exception as exc:
            self.failed.emit("install", f"Could not refresh the live model: {exc}")
            return
        self._set_current(model, predictor, info)

    @Slot()
    def keep_current(self):
        """A run starts: the current model is kept aside, to come back to or compare with."""
        self.other = (self.model, self.predictor, self.info) if self.model is not None else None

    @Slot(int)
    def swap(self, version):
        """The other model becomes current (a new version of it), the current one the other."""
        if self.other is None:
            self.failed.emit("swap", "There is no other model to switch to.")
            return
        model, predictor, info = self.other
        self.other = (self.model, self.predictor, self.info)
        self._set_current(model, predictor, replace(info, version=version, training=False))

    @Slot(int)
    def restore_other(self, version):
        """A run failed or left nothing: the model from before it is current again."""
        if self.other is None:
            return
        model, predictor, info = self.other
        self.other = None
        self._set_current(model, predictor, replace(info, version=version, training=False))

    @Slot()
    def drop_other(self):
        self.other = None

    @Slot()
    def hand_over(self):
        """Give the current model itself (weights and optimizer state) to a Train more run; a copy
        with the same weights (so the same version) stays here for predictions."""
        import keras

        from .core.training import Predictor

        model, info = self.model, self.info
        if model is None:
            self.failed.emit("train", "There is no model to train more: train one or open a model file.")
            return
        try:
            copy = keras.models.clone_model(model)
            copy.set_weights(model.get_weights())
            predictor = Predictor(copy)
        except Exception as exc:
            self.failed.emit("train", f"This model cannot be trained further: {exc}")
            return
        with self.lock:
            self.model, self.predictor = copy, predictor
        self.other = None
        self.handed_over.emit(model, info)

    # ---- inside the network: one generic request, served by core.inside ----

    @Slot(object, str, object)
    def inspect(self, request_id, kind, args):
        """Compute the core.inside view ``kind`` on the current model (under the lock, as predictions)."""
        from .core import inside

        version = None
        try:
            with self.lock:
                result = inside.compute(kind, self.model, **args)
                version = self.info.version if self.info else None
        except Exception as exc:  # shown in the view, never a crash
            log.debug("inside view %s failed", kind, exc_info=True)
            result = exc
        if isinstance(result, types.GeneratorType):
            self._step(request_id, kind, result, version, self.inspected)
        else:
            self.inspected.emit(request_id, kind, result)

    def _step(self, request_id, kind, steps, version, done):
        """One step of a long job; the requests queued meanwhile (the Draw Pad's) run before the next.
        A step may yield a partial result: it is sent on at once (``done``), as the final one is."""
        from .core import inside

        if kind == "curves" and self._evaluating and done is self.robustness_done:
            # A slider move's evaluation goes first; the curves go on after it (a no-op step per its step).
            QTimer.singleShot(0, self, lambda: self._step(request_id, kind, steps, version, done))
            return
        try:
            with self.lock:
                if self.closing.is_set():
                    return
                if self.info is None or self.info.version != version:
                    raise inside.Superseded("The model changed while this view was computed.")
                partial = next(steps)
        except StopIteration as finished:
            result = finished.value
        except Exception as exc:
            log.debug("%s failed", kind, exc_info=True)
            result = exc
        else:
            if partial is not None:
                done.emit(request_id, kind, partial)
            QTimer.singleShot(0, self, lambda: self._step(request_id, kind, steps, version, done))
            return
        if kind == "evaluate" and done is self.robustness_done:
            self._evaluating -= 1
        done.emit(request_id, kind, result)

    # ---- robustness: the current model (and the other one) on a spoilt test sample ----

    @Slot(object, str, object)
    def robustness(self, request_id, kind, args):
        """Start the core.robustness job ``kind`` on the current model and, when there is one, the
        other (the model from before a run, or the one not chosen after it)."""
        from .core import robustness

        version = None
        try:
            with self.lock:
                if self.predictor is None:
                    raise ValueError("No model yet: train one or open a model file.")
                models = [robustness.Model("current", self.info.name, self.predictor)]
                if self.other is not None and self.other[0] is not self.model:  # not itself (a run's start)
                    models.append(robustness.Model("other", self.other[2].name, self.other[1]))
                version = self.info.version
                job = robustness.compute(kind, models, **args)
        except Exception as exc:
            log.debug("robustness %s failed", kind, exc_info=True)
            self.robustness_done.emit(request_id, kind, exc)
            return
        if kind == "evaluate":
            self._evaluating += 1
        self._step(request_id, kind, job, version, self.robustness_done)

    @Slot(str, object)
    def save(self, path, metadata):
        from .core import storage

        with self.lock:
            model, info = self.model, self.info
            if model is None:
                self.failed.emit("save", "There is no model to save yet: train one or open a model file.")
                return
            try:
                storage.save_model(model, path, metadata)
            except storage.ModelFileError as exc:
                self.failed.emit("save", str(exc))
                return
            self.info = replace(info, path=str(path), unsaved=False, name=Path(path).stem, metadata=metadata)
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
        accuracy = meta.get("test_accuracy")
        epochs = meta.get("epochs_run")
        info = ModelInfo(
            name=Path(path).stem, version=version, preset=meta.get("preset"),
            config=meta.get("config") if isinstance(meta.get("config"), dict) else {},
            path=str(path), test_accuracy=accuracy if isinstance(accuracy, (int, float)) else None,
            epoch=epochs if isinstance(epochs, int) else None, metadata=meta)
        self.other = None
        self.install(model, info)


class ModelHost(QObject):
    """UI-thread handle on the model thread: requests go out as queued signals, answers come back."""

    _predict = Signal(object, object)
    _install = Signal(object, object)
    _refresh = Signal(object, object, object)
    _save = Signal(str, object)
    _load = Signal(str, int)
    _set_test_images = Signal(object)
    _swap = Signal(int)
    _restore_other = Signal(int)
    _drop_other = Signal()
    _keep_current = Signal()
    _hand_over = Signal()
    _inspect = Signal(object, str, object)
    _robustness = Signal(object, str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.thread = QThread(self)
        self.thread.setObjectName("model")
        self.worker = _ModelWorker()
        self.worker.moveToThread(self.thread)
        for request, slot in ((self._predict, self.worker.predict), (self._install, self.worker.install),
                              (self._refresh, self.worker.refresh_weights), (self._save, self.worker.save),
                              (self._load, self.worker.load), (self._set_test_images, self.worker.set_test_images),
                              (self._swap, self.worker.swap), (self._restore_other, self.worker.restore_other),
                              (self._drop_other, self.worker.drop_other), (self._hand_over, self.worker.hand_over),
                              (self._keep_current, self.worker.keep_current),
                              (self._inspect, self.worker.inspect),
                              (self._robustness, self.worker.robustness)):
            request.connect(slot)
        self.thread.started.connect(self.worker.lower_priority)
        self.thread.start()

    # Answers, as the worker's signals (queued to the UI thread).
    @property
    def predicted(self):
        return self.worker.predicted

    @property
    def test_predicted(self):
        return self.worker.test_predicted

    @property
    def installed(self):
        return self.worker.installed

    @property
    def failed(self):
        return self.worker.failed

    @property
    def saved(self):
        return self.worker.saved

    @property
    def handed_over(self):
        return self.worker.handed_over

    @property
    def inspected(self):
        return self.worker.inspected

    @property
    def robustness_done(self):
        return self.worker.robustness_done

    def predict_now(self, images):
        return self.worker.predict_now(images)

    def request_prediction(self, request_id, images):
        self._predict.emit(request_id, images)

    def install(self, model, info: ModelInfo):
        self._install.emit(model, info)

    def refresh(self, live_copy, weights, info: ModelInfo):
        self._refresh.emit(live_copy, weights, info)

    def save(self, path: str, metadata: dict):
        self._save.emit(path, metadata)

    def load(self, path: str, version: int):
        self._load.emit(path, version)

    def set_test_images(self, images):
        self._set_test_images.emit(images)

    def swap(self, version: int):
        self._swap.emit(version)

    def restore_other(self, version: int):
        self._restore_other.emit(version)

    def drop_other(self):
        self._drop_other.emit()

    def keep_current(self):
        self._keep_current.emit()

    def inspect(self, request_id, kind: str, args: dict):
        self._inspect.emit(request_id, kind, args)

    def hand_over(self):
        self._hand_over.emit()

    def robustness(self, request_id, kind: str, args: dict):
        self._robustness.emit(request_id, kind, args)

    def shutdown(self, timeout_ms: int) -> bool:
        self.worker.closing.set()
        self.thread.quit()
        return self.thread.wait(timeout_ms)
