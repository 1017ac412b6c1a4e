"""The current model's host: the *model thread*, which owns the model predictions come from.

Every prediction, test-set scoring, open, save and weight refresh runs there, one after another
(a Keras model is not safe to use from two threads at once). Besides the current model it keeps
at most one *other* model: the one a training run may replace, so that the user can go back to it
("Keep previous") or forth again, in one click. Results come back as queued signals, so slots on
the UI side run on the UI thread.

Fast start: until TensorFlow is loaded, a bundled model's LiteRT export (``core.litert``) can stand
in for it (``install_fast``); the TensorFlow model of the same file takes over once, under the same
version. The interpreter always runs on a thread of its own (``_LiteRTThread``), never here.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import types
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from .core.memory import release_free_memory
from .core.metrics import Predictions

log = logging.getLogger("mnist_gui.model_host")

BACKGROUND_NICE = 10
FAST_PASS_BATCH = 500  # images per interpreter call in the fast start's test-set pass
FAST_PASS_NICE = 19    # below TensorFlow's import, which the pass must not delay


def background_priority(nice: int = BACKGROUND_NICE) -> None:
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
    drawn_accuracy: float | None = None  # on benchmarks/drawn_digits.py's mouse-style drawings (sidecar)
    training: bool = False           # weights are a snapshot of a run in progress
    epoch: int | None = None         # epochs trained in all (1-based), when known
    metadata: dict = field(default_factory=dict, compare=False)  # its sidecar record
    unsaved: bool = False            # trained in this session and not saved since
    fast_start: bool = False         # predictions come from the LiteRT export until TensorFlow is ready


class _ModelWorker(QObject):
    """Lives on the model thread; owns the current model (and the other one) and serialises all use."""

    predicted = Signal(object, object)            # request id, probabilities (N, 10) or None
    test_predicted = Signal(int, object, object)  # model version, the images, core.metrics.Predictions
    installed = Signal(object)                    # ModelInfo of the new current model
    failed = Signal(str, str)                     # what ("load", "save", ...), message
    saved = Signal(str, object)                   # path, ModelInfo
    handed_over = Signal(object, object)          # the current model itself, its ModelInfo (for Train more)
    inspected = Signal(object, str, object)       # request id, kind, result (an Exception if it failed)
    exported = Signal(str, str)                   # the export's result line, the parity line
    robustness_done = Signal(object, str, object)  # request id, kind, result (partial ones too; or an Exception)

    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()
        self.model = self.predictor = None
        self.info: ModelInfo | None = None
        self.other: tuple | None = None   # (model, predictor, info) a training run may replace
        self.x_test = self.y_test = None  # the labels: for an export's parity check
        self.fast: _LiteRTThread | None = None  # the current model's own LiteRT export, for single images
        self._fast_pass = None            # (version, images, cancel event) of the fast start's test-set pass
        self._deferred: list = []         # (slot, args) of requests that wait for the TensorFlow model
        self.closing = threading.Event()  # set by shutdown: long jobs give up between batches
        self._evaluating = 0              # robustness evaluations under way: curves wait for them
        self._other_curves = (None, None, {})  # (other's version, sample, its curve points so far)

    @Slot()
    def lower_priority(self):
        # A slot of this object, so that it runs on the model thread.
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

    @Slot(object, object)
    def set_test_set(self, x_test, y_test):
        self.x_test, self.y_test = x_test, y_test
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
        del parts
        release_free_memory()  # a CNN's pass frees hundreds of MB of activations

    def _fast_test_pass(self):
        """The fast start's test-set predictions, on a thread of their own with one interpreter thread.

        Off the model thread, so that neither Draw Pad answers nor the TensorFlow model's load wait
        seconds behind 10,000 CNN images; one thread at nice 19, so that TensorFlow's import keeps a core.
        """
        from .core.litert import LiteRTPredictor

        version, images, path = self.info.version, self.x_test, self.fast.path
        if self._fast_pass is not None and self._fast_pass[0] == version and self._fast_pass[1] is images:
            return  # already running or done for this model and test set
        self._cancel_fast_pass()
        cancel = threading.Event()
        self._fast_pass = (version, images, cancel)

        def run():
            background_priority(FAST_PASS_NICE)
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
                cancel.set()

        threading.Thread(target=run, name="litert-test", daemon=True).start()

    def _cancel_fast_pass(self):
        if self._fast_pass is not None:
            self._fast_pass[2].set()
            self._fast_pass = None

    def _set_current(self, model, predictor, info, fast=None):
        """``fast``: the LiteRT export of exactly this model, to answer single images (or None)."""
        with self.lock:
            old, self.fast = self.fast, fast
            self.model, self.predictor, self.info = model, predictor, info
        if old is not None and old is not fast:
            old.close()
        self.installed.emit(info)
        # At the handover the fast start's test-set pass (running or done) answers for this version.
        passing = self._fast_pass
        if not (passing is not None and passing[0] == info.version and passing[1] is self.x_test
                and not passing[2].is_set()):
            self._cancel_fast_pass()
            self._predict_test()
        deferred, self._deferred = self._deferred, []
        for serve, request in deferred:
            serve(*request)

    @Slot(object, object)
    def install(self, model, info, export_path=None):
        """Make ``model`` the current one (loaded, built, or just trained); the other one stays.

        The fast start's handover is the install of the model it stood in for (same version): its
        interpreter may go on answering single images, if quicker. ``export_path``: a LiteRT export
        of exactly this model file (checked by the caller), used likewise.
        """
        from .core.training import Predictor

        try:
            predictor = Predictor(model)
            predictor(np.zeros((1, 28, 28), np.float32))  # compile now, not on the first stroke
        except Exception as exc:
            self.failed.emit("install", f"The model cannot predict: {exc}")
            return
        handover = self.fast is not None and self.info is not None and self.info.version == info.version
        fast = self.fast if handover else None
        if fast is None and export_path is not None:
            fast = _LiteRTThread.open(export_path)
        if fast is not None and not _faster_single(fast, predictor):
            if fast is not self.fast:
                fast.close()
            fast = None
        self._set_current(model, predictor, info, fast)

    @Slot(str, object)
    def install_fast(self, tflite_path, info):
        """Predict with the LiteRT export at ``tflite_path`` until TensorFlow's model is installed."""
        fast = _LiteRTThread.open(tflite_path)
        if fast is None:
            return  # no fast start, only the usual wait for TensorFlow
        if self.model is not None:
            fast.close()
            return  # TensorFlow's model came first
        with self.lock:
            old, self.fast = self.fast, fast
            self.predictor, self.info = fast, info
        if old is not None:
            old.close()
        self.installed.emit(info)
        self._predict_test()

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

        if self.model is None and self.fast is not None and kind != "data":
            # The fast start's interpreter has no layers to look into: answered after the handover.
            self._deferred.append((self.inspect, (request_id, kind, args)))
            return
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

        if self.model is None and self.fast is not None:
            # Not on the fast start's interpreter: it may close at the handover, mid-job.
            self._deferred.append((self.robustness, (request_id, kind, args)))
            return
        version = None
        try:
            with self.lock:
                if self.predictor is None:
                    raise ValueError("No model yet: train one or open a model file.")
                models = [robustness.Model("current", self.info.name, self.predictor)]
                if self.other is not None and self.other[0] is not self.model:  # not itself (a run's start)
                    models.append(robustness.Model("other", self.other[2].name, self.other[1]))
                    if kind == "curves":  # the other model's weights stay: its points are measured once
                        kept_version, kept_sample, memo = self._other_curves
                        if kept_version != self.other[2].version or kept_sample is not args["sample"]:
                            memo = {}
                            self._other_curves = (self.other[2].version, args["sample"], memo)
                        args = {**args, "memo": {"other": memo}}
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
        handover = self.fast is not None and self.info is not None and self.info.version == version
        # A file with its own verified LiteRT export may answer single images through it (if quicker).
        export_path = None if handover else _matching_export(path)
        accuracy = meta.get("test_accuracy")
        drawn = meta.get("drawn_accuracy")
        epochs = meta.get("epochs_run")
        info = ModelInfo(
            name=Path(path).stem, version=version, preset=meta.get("preset"),
            config=meta.get("config") if isinstance(meta.get("config"), dict) else {},
            path=str(path), test_accuracy=accuracy if isinstance(accuracy, (int, float)) else None,
            drawn_accuracy=drawn if isinstance(drawn, (int, float)) and not isinstance(drawn, bool) else None,
            epoch=epochs if isinstance(epochs, int) else None, metadata=meta)
        self.other = None
        self.install(model, info, export_path)

    @Slot(str, str)
    def export(self, path, fmt):
        """Export the current model (here, under the lock), then check it on a thread of its own.

        The parity check's Keras side takes the lock batch by batch, so Draw Pad requests go on
        being answered; the artifact runs outside the model thread (the LiteRT interpreter never
        runs here). ``exported`` or ``failed("export", ...)`` answers.
        """
        from .core import export

        with self.lock:
            model, info, predictor = self.model, self.info, self.predictor
            if model is None:
                self.failed.emit("export", "There is no TensorFlow model to export yet: wait a moment, "
                                           "train one or open a model file.")
                return
            try:
                meta = {**(info.metadata or {}), **_info_metadata(info)}
                result = export.export_model(model, path, fmt, metadata=meta, source=info.path)
            except export.ExportError as exc:
                self.failed.emit("export", str(exc))
                return
        x_test, y_test = self.x_test, self.y_test
        if x_test is None or y_test is None:
            self.exported.emit(f"Exported {Path(path).name} (no parity check: the test set is not loaded)", "")
            return

        def keras_predict(images):
            if self.closing.is_set():
                raise export.ExportError("The app is closing.")
            with self.lock:
                return predictor(images)

        def check():
            background_priority()
            try:
                parity = export.parity_check(model, path, fmt, x_test, y_test,
                                             extra_sets=export.drawn_digit_sets(x_test, y_test),
                                             keras_predict=keras_predict, timing=False)
                export.record_parity(path, parity)
            except export.ExportError as exc:
                self.failed.emit("export", str(exc))
                return
            except Exception as exc:  # never a crash
                self.failed.emit("export", f"The parity check of {Path(path).name} failed: {exc}")
                return
            if not parity.passed:
                worst = min([parity.test, *parity.extra], key=lambda s: s.agreement)
                self.failed.emit("export", f"Exported {Path(path).name}, but it does NOT predict as the app "
                                           f"does ({worst.name} images): {parity.line()}")
                return
            drawn = "".join(f"; {s.name} {s.images} agreement={s.agreement:.4f}" for s in parity.extra)
            self.exported.emit(f"Exported {Path(path).name} ({result.size_bytes / 1e6:.1f} MB); parity check "
                               f"passed (test set{drawn})", parity.line())

        threading.Thread(target=check, name="export-check", daemon=True).start()


class _LiteRTThread:
    """A LiteRTPredictor that lives on a thread of its own; calls block until it answers.

    The interpreter never runs on the model thread: once it had, that thread crashed (SIGSEGV) at its
    first TensorFlow operation when TensorFlow was imported later on another thread (ai-edge-litert
    2.3 and TensorFlow 2.21 each bring their own runtime). Calls come from the model thread one at
    a time, so answers cannot overtake each other.
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

    @classmethod
    def open(cls, path) -> "_LiteRTThread | None":
        """The interpreter for ``path``, ready (one call made), or None if it cannot run here."""
        try:
            fast = cls(path)
        except Exception as exc:
            log.info("no LiteRT interpreter for %s: %s", path, exc)
            return None
        try:
            fast(np.zeros((28, 28), np.float32))
        except Exception as exc:
            log.info("the LiteRT export %s cannot predict: %s", path, exc)
            fast.close()
            return None
        return fast

    def __call__(self, images):
        return self._executor.submit(self._predictor, images).result()

    def close(self):
        self._executor.shutdown(wait=False)


def _faster_single(fast, predictor, repeats: int = 21) -> bool:
    """Whether the LiteRT interpreter answers one image sooner than the compiled TensorFlow call
    (medians, taking turns so that a slow spell of the machine falls on both)."""
    image = np.zeros((1, 28, 28), np.float32)
    times = {0: [], 1: []}
    try:
        for _ in range(repeats):
            for side, run in enumerate((fast, predictor)):
                started = time.perf_counter()
                run(image)
                times[side].append(time.perf_counter() - started)
    except Exception:
        return False
    return sorted(times[0])[repeats // 2] < sorted(times[1])[repeats // 2]


def _matching_export(path) -> Path | None:
    """The LiteRT export beside model file ``path`` if its contract says it was made from exactly
    this file (sha256) and passed its parity check; else None (predictions then come from TensorFlow)."""
    from .core import litert

    try:
        return litert.verified_export(path)
    except Exception:
        log.debug("could not check the LiteRT export of %s", path, exc_info=True)
        return None


def _info_metadata(info: ModelInfo | None) -> dict:
    """What the app knows about the model beyond its sidecar (an unsaved model has only this)."""
    if info is None:
        return {}
    facts = {"name": info.name, "preset": info.preset, "config": info.config,
             "test_accuracy": info.test_accuracy, "epochs_run": info.epoch}
    return {k: v for k, v in facts.items() if v is not None and v != {}}


class ModelHost(QObject):
    """UI-thread handle on the model thread: requests go out as queued signals, answers come back."""

    _predict = Signal(object, object)
    _install = Signal(object, object)
    _refresh = Signal(object, object, object)
    _save = Signal(str, object)
    _load = Signal(str, int)
    _set_test_set = Signal(object, object)
    _install_fast = Signal(str, object)
    _export = Signal(str, str)
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
                              (self._load, self.worker.load), (self._set_test_set, self.worker.set_test_set),
                              (self._install_fast, self.worker.install_fast), (self._export, self.worker.export),
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
    def exported(self):
        return self.worker.exported

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

    def set_test_set(self, images, labels):
        self._set_test_set.emit(images, labels)

    def install_fast(self, tflite_path: str, info: ModelInfo):
        self._install_fast.emit(tflite_path, info)

    def export(self, path: str, fmt: str):
        self._export.emit(path, fmt)

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
        done = self.thread.wait(timeout_ms)
        if done and self.worker.fast is not None:
            self.worker.fast.close()
        return done
