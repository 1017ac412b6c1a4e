"""The current model's host: the *model thread*, which owns the model predictions come from.

Every prediction, test-set scoring, open, save and weight refresh runs there, one after another (a
Keras model is not safe to use from two threads at once). Besides the current model it keeps at most
one *other* model: the one a training run may replace, so that the user can go back to it.

One protocol: ``call(request_id, name, **args)`` queues a request; the answer comes back as
``answered(request_id, result)`` (``partial`` for the parts of a long job) or ``failed(request_id,
error)``, queued to the UI thread. ``installed`` and ``test_predicted`` say what changed. Jobs that
must not wait behind the model (importing TensorFlow, loading data, building a model, an export's
check, the fast start's test pass) run in the job pool (``jobs``).

Fast start: until TensorFlow is loaded, a bundled model's LiteRT export (``core.litert``) stands in
for it (``install_fast``); the TensorFlow model of the same file takes over under the same version.
The interpreter runs on a thread of its own (``fast_start.LiteRTThread``), never here.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import types
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, QThreadPool, QTimer, Signal, Slot

from . import jobs
from .core.memory import freeze_long_lived_once, release_free_memory
from .core.metrics import Predictions
from .fast_start import LiteRTThread, faster_single
from .pool_jobs import build_model, import_backend, load_dataset, prepare_image
from .session import ModelInfo

log = logging.getLogger("mnist_gui.model_host")

FAST_PASS_BATCH = 500  # images per interpreter call in the fast start's test-set pass
FAST_PASS_NICE = 19    # below TensorFlow's import, which the pass must not delay
LATER = object()       # a request answered later (by a job, or after the fast start's handover)


class HostError(Exception):
    """A request the model thread cannot serve; the message is for the user."""


class _ModelWorker(QObject):
    """Lives on the model thread; owns the current model (and the other one) and serialises all use."""

    answered = Signal(object, object)             # request id, result
    partial = Signal(object, object)              # request id, a part of a long job's result
    failed = Signal(object, object)               # request id, the exception
    installed = Signal(object)                    # ModelInfo of the new current model
    test_predicted = Signal(int, object, object)  # model version, the images, core.metrics.Predictions

    def __init__(self, pool: QThreadPool):
        super().__init__()
        self.pool = pool
        self.lock = threading.Lock()
        self.model = self.predictor = None
        self.info: ModelInfo | None = None
        self.other: tuple | None = None   # (model, predictor, info) a training run may replace
        self.x_test = self.y_test = None  # the labels: for an export's parity check
        self.fast: LiteRTThread | None = None  # the current model's own LiteRT export, for single images
        self._fast_pass = None            # (version, images, cancel event) of the fast start's test-set pass
        self._deferred: list = []         # requests that wait for the TensorFlow model
        self.closing = threading.Event()  # set by shutdown: long jobs give up between batches
        self._evaluating = 0              # robustness evaluations under way: curves wait for them
        self._parked_curves = []          # the curve jobs' next steps, run when no evaluation is left
        self._other_curves = (None, None, {})  # (other's version, sample, its curve points so far)

    @Slot()
    def lower_priority(self):
        jobs.background_priority()  # a slot of this object, so that it runs on the model thread

    @Slot(object, str, object)
    def dispatch(self, request_id, name, args):
        try:
            result = getattr(self, name)(request_id, **args)
        except Exception as exc:  # answered to the asker, never a crash
            log.debug("%s failed", name, exc_info=True)
            self.failed.emit(request_id, exc)
            return
        if isinstance(result, (types.GeneratorType, _Steps)):
            self._step(request_id, name, result, self.info.version if self.info else None)
        elif result is not LATER:
            self.answered.emit(request_id, result)

    def _defer_until_tensorflow(self, request_id, name, args) -> bool:
        """The fast start's interpreter has no layers (and may close mid-job): served after the handover."""
        if self.model is None and self.fast is not None:
            self._deferred.append((request_id, name, args))
            return True
        return False

    # Callable from any thread (tests, smoke test); widgets ask through ``call``.
    def predict_now(self, images):
        with self.lock:
            if self.fast is not None and (np.ndim(images) == 2 or len(images) == 1):
                return self.fast(images)
            return None if self.predictor is None else self.predictor(images)

    def predict(self, request_id, images):
        return self.predict_now(images)

    def read_number(self, request_id, prepared=None, canvas=None):
        """core.numbers: the digits of a prepared image, or of a Draw Pad canvas (a row of digits)."""
        from .core import numbers

        def predict(images):
            probs = self.predict_now(images)
            if probs is None and self.fast is not None:  # the fast start's interpreter: one image a call
                probs = np.concatenate([self.predict_now(image[None]) for image in images])
            if probs is None:
                raise HostError("No model yet: train one or open a model file.")
            return probs

        if canvas is not None:
            return numbers.read_drawing(predict, canvas)
        return numbers.read_prepared(predict, prepared)

    def set_test_set(self, request_id, x_test, y_test):
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

        version, images, parts, in_run = self.info.version, self.x_test, [], self.info.training
        try:
            # In batches, so that closing the app never waits for a whole slow (CNN) pass.
            for start in range(0, len(images), EVAL_BATCH):
                if self.closing.is_set():
                    return
                part = self.predict_now(images[start:start + EVAL_BATCH])
                if part is None:
                    return
                parts.append(part)
        except Exception:  # the Gallery then says the predictions are missing; nothing else depends on them
            log.warning("test-set predictions failed", exc_info=True)
            return
        # Summarised here, so that the UI thread's share of every epoch end stays small.
        self.test_predicted.emit(version, images, Predictions.of(np.concatenate(parts)))
        del parts
        # A CNN's pass frees hundreds of MB of activations. Not at a run's epoch ends: the next epoch's
        # pass reuses them, the run's end trims (training_runner), and a trim here held malloc's locks
        # for 2-15 ms while the window took these predictions (its frames were missed).
        if not in_run:
            release_free_memory()

    def _fast_test_pass(self):
        """The fast start's test-set predictions, as a job with one interpreter thread of its own: off the
        model thread, so that neither Draw Pad answers nor the TensorFlow model's load wait seconds
        behind 10,000 CNN images; at nice 19, so that TensorFlow's import keeps a core."""
        from .core.litert import LiteRTPredictor

        version, images, path = self.info.version, self.x_test, self.fast.path
        if self._fast_pass is not None and self._fast_pass[0] == version and self._fast_pass[1] is images:
            return  # already running or done for this model and test set
        self._cancel_fast_pass()
        cancel = threading.Event()
        self._fast_pass = (version, images, cancel)

        def run():
            predictor, parts = LiteRTPredictor(path, num_threads=1), []
            for start in range(0, len(images), FAST_PASS_BATCH):
                if cancel.is_set() or self.closing.is_set():
                    return
                parts.append(predictor(images[start:start + FAST_PASS_BATCH]))
            if not cancel.is_set():
                self.test_predicted.emit(version, images, Predictions.of(np.concatenate(parts)))

        def report(ok, error):  # on failure TensorFlow's model predicts the test set after the handover
            if not ok:
                log.info("fast-start test predictions failed: %s", error)
                cancel.set()

        jobs.start(self.pool, run, report, FAST_PASS_NICE)

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
        QTimer.singleShot(0, self, lambda: self._warm_overlay(model))
        # At the handover the fast start's test-set pass (running or done) answers for this version.
        passing = self._fast_pass
        if not (passing is not None and passing[0] == info.version and passing[1] is self.x_test
                and not passing[2].is_set()):
            self._cancel_fast_pass()
            self._predict_test()
        deferred, self._deferred = self._deferred, []
        for request in deferred:
            self.dispatch(*request)

    def _warm_overlay(self, model):
        """The Draw Pad's overlay traced when its model comes in, not after the user's first stroke."""
        if model is self.model and model is not None and not self.closing.is_set():
            with contextlib.suppress(Exception), self.lock:  # the overlay itself reports a failure
                from .core import inside

                inside.warm_attribution(model)

    def install(self, request_id, model, info, export_path=None):
        """Make ``model`` the current one (loaded, built, or just trained); the other one stays.

        The fast start's handover is the install of the model it stood in for (same version): its
        interpreter may go on answering single images, if quicker; so may ``export_path``, a LiteRT
        export of exactly this model file (verified by the caller).
        """
        from .core import contract
        from .core.training import Predictor

        try:
            predictor = Predictor(model)
            predictor(np.zeros((1, 28, 28), np.float32))  # compile now, not on the first stroke
        except Exception as exc:
            raise HostError(f"The model cannot predict: {exc}") from None
        info = replace(info, note=", ".join(filter(None, (info.note, contract.of(model).describe()))))
        handover = self.fast is not None and self.info is not None and self.info.version == info.version
        fast = self.fast if handover else None
        if fast is None and export_path is not None:
            fast = LiteRTThread.open(export_path)
        if fast is not None and not faster_single(fast, predictor):
            if fast is not self.fast:
                fast.close()
            fast = None
        freeze_long_lived_once()  # the first model in: start-up is over
        self._set_current(model, predictor, info, fast)
        return info

    def install_fast(self, request_id, tflite_path, info):
        """Predict with the LiteRT export at ``tflite_path`` until TensorFlow's model is installed."""
        fast = LiteRTThread.open(tflite_path)
        if fast is None:
            return None  # no fast start, only the usual wait for TensorFlow
        if self.model is not None:
            fast.close()
            return None  # TensorFlow's model came first
        with self.lock:
            old, self.fast = self.fast, fast
            self.predictor, self.info = fast, info
        if old is not None:
            old.close()
        self.installed.emit(info)
        self._predict_test()
        return info

    def load(self, request_id, path, info, export_path=None):
        from .core import storage

        try:
            model = storage.load_model(path)
        except storage.ModelFileError:
            raise
        except Exception as exc:  # anything unexpected still must not take the app down
            raise HostError(f"Could not load {Path(path).name}: {exc}") from None
        self.other = None
        return self.install(request_id, model, info, export_path)

    def refresh(self, request_id, live_copy, weights, info):
        """An epoch ended: load its weights into the run's inference copy (model, Predictor), which
        becomes current. The model from before the run is kept as the other one."""
        model, predictor = live_copy
        model.set_weights(weights)
        self._set_current(model, predictor, info)

    def keep_current(self, request_id):
        """A run starts: the current model is kept aside, to come back to or compare with."""
        self.other = (self.model, self.predictor, self.info) if self.model is not None else None

    def swap(self, request_id, version):
        """The other model becomes current (a new version of it), the current one the other."""
        if self.other is None:
            raise HostError("There is no other model to switch to.")
        model, predictor, info = self.other
        self.other = (self.model, self.predictor, self.info)
        self._set_current(model, predictor, replace(info, version=version, training=False))

    def restore_other(self, request_id, version):
        """A run failed or left nothing: the model from before it is current again."""
        if self.other is not None:
            model, predictor, info = self.other
            self.other = None
            self._set_current(model, predictor, replace(info, version=version, training=False))

    def drop_other(self, request_id):
        self.other = None

    def hand_over(self, request_id):
        """Give the current model itself (weights and optimizer state) to a Train more run; a copy
        with the same weights (so the same version) stays here for predictions."""
        import keras

        from .core.training import Predictor

        model, info = self.model, self.info
        if model is None:
            raise HostError("There is no model to train more: train one or open a model file.")
        try:
            copy = keras.models.clone_model(model)
            copy.set_weights(model.get_weights())
            predictor = Predictor(copy)
        except Exception as exc:
            raise HostError(f"This model cannot be trained further: {exc}") from None
        with self.lock:
            self.model, self.predictor = copy, predictor
        self.other = None
        return model, info

    def inside(self, request_id, kind, args):
        """The core.inside view ``kind`` of the current model (under the lock, as predictions)."""
        from .core import inside

        if kind != "data" and self._defer_until_tensorflow(request_id, "inside", {"kind": kind, "args": args}):
            return LATER
        with self.lock:
            return inside.compute(kind, self.model, **args)

    def robustness(self, request_id, kind, args):
        """The core.robustness job ``kind`` on the current model and, when there is one, the other."""
        from .core import robustness

        if self._defer_until_tensorflow(request_id, "robustness", {"kind": kind, "args": args}):
            return LATER
        with self.lock:
            if self.predictor is None:
                raise HostError("No model yet: train one or open a model file.")
            models = [robustness.Model("current", self.info.name, self.predictor)]
            if self.other is not None and self.other[0] is not self.model:  # not itself (a run's start)
                models.append(robustness.Model("other", self.other[2].name, self.other[1]))
                if kind == "curves":  # the other model's weights stay: its points are measured once
                    kept_version, kept_sample, memo = self._other_curves
                    if kept_version != self.other[2].version or kept_sample is not args["sample"]:
                        memo = {}
                        self._other_curves = (self.other[2].version, args["sample"], memo)
                    args = {**args, "memo": {"other": memo}}
            job = robustness.compute(kind, models, **args)
        if kind == "evaluate":
            self._evaluating += 1
        return _Steps(job, kind)

    def _step(self, request_id, name, steps, version):
        """One step of a long job; the requests queued meanwhile (the Draw Pad's) run before the next.
        A step may yield a partial result: it is sent on at once."""
        from .core.inside import Superseded

        kind = getattr(steps, "kind", None)
        if kind == "curves" and self._evaluating:
            # A slider move's evaluation goes first; the curves wait, parked (not polling), until it ends.
            self._parked_curves.append(lambda: self._step(request_id, name, steps, version))
            return
        try:
            with self.lock:
                if self.closing.is_set():
                    return
                if self.info is None or self.info.version != version:
                    raise Superseded("The model changed while this was computed.")
                part = next(steps)
        except StopIteration as finished:
            self._job_ended(kind)
            self.answered.emit(request_id, finished.value)
            return
        except Exception as exc:
            log.debug("%s failed", name, exc_info=True)
            self._job_ended(kind)
            self.failed.emit(request_id, exc)
            return
        if part is not None:
            self.partial.emit(request_id, part)
        # 0 ms with a context: PySide posts an event (QTimer makes no timer object and no connection,
        # so no signal-slot lock is taken with the GIL held; see jobs.OwnThread for why that matters).
        QTimer.singleShot(0, self, lambda: self._step(request_id, name, steps, version))

    def _job_ended(self, kind):
        if kind == "evaluate":
            self._evaluating -= 1
            if not self._evaluating:
                parked, self._parked_curves = self._parked_curves, []
                for resume in parked:
                    QTimer.singleShot(0, self, resume)

    def save(self, request_id, path, metadata):
        from .core import storage

        with self.lock:
            model, info = self.model, self.info
            if model is None:
                raise HostError("There is no model to save yet: train one or open a model file.")
            storage.save_model(model, path, metadata)
            self.info = replace(info, path=str(path), unsaved=False, name=Path(path).stem, metadata=metadata)
        return self.info

    def export(self, request_id, path, fmt):
        """Export the current model and check it as a job: the Keras side of the parity check takes
        the lock batch by batch, so Draw Pad requests go on being answered meanwhile. Answers the
        export's report (its line, its parity line)."""
        from .core import export

        with self.lock:
            model, info, predictor = self.model, self.info, self.predictor
        if model is None:
            raise HostError("There is no TensorFlow model to export yet: wait a moment, train one or open a "
                            "model file.")

        def keras_predict(images):
            if self.closing.is_set():
                raise export.ExportError("The app is closing.")
            with self.lock:
                return predictor(images)

        def run():
            try:
                report = export.export_and_verify(model, path, fmt, self.x_test, self.y_test,
                                                  metadata=info.sidecar(), source=info.path,
                                                  keras_predict=keras_predict, export_lock=self.lock,
                                                  cancel=self.closing, timing=False)
            except export.ExportError:
                raise
            except Exception as exc:  # one line, never a crash
                raise export.ExportError(f"Could not export {Path(path).name}: {exc}") from None
            if report.failed:  # the pair is written, and says it did not pass
                raise export.ExportError(report.message)
            return report

        def report(ok, result):
            (self.answered if ok else self.failed).emit(request_id, result)

        jobs.start(self.pool, run, report)
        return LATER

    def report(self, request_id, path, data_note="", probabilities=None):
        """File ▸ Save report…: core.report as a job; its predictions take the lock call by call, so the
        Draw Pad goes on being answered. Answers core.report.Written."""
        from .core import report

        if self._defer_until_tensorflow(request_id, "report", {"path": path, "data_note": data_note,
                                                                "probabilities": probabilities}):
            return LATER
        with self.lock:
            model, info, predictor = self.model, self.info, self.predictor
        if predictor is None or self.x_test is None:
            raise HostError("A report needs a model and the test set: wait for them to load.")

        def predict(images):
            with self.lock:
                return predictor(images)

        jobs.start(self.pool, lambda: report.make(path, info.name, info.sidecar(), predict, self.x_test, self.y_test,
                                                  model=model, source=info.path, data_note=data_note,
                                                  cancel=self.closing, probabilities=probabilities),
                   lambda ok, result: (self.answered if ok else self.failed).emit(request_id, result))
        return LATER


class _Steps:
    """A long job's generator, with its kind (curves wait for evaluations)."""

    def __init__(self, generator, kind):
        self.generator, self.kind = generator, kind

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.generator)



class ModelHost(QObject):
    """UI-thread handle on the model thread and the job pool: ``call`` out, answers back as signals."""

    answered = Signal(object, object)
    partial = Signal(object, object)
    failed = Signal(object, object)
    installed = Signal(object)
    test_predicted = Signal(int, object, object)
    _call = Signal(object, str, object)

    def __init__(self, parent=None, worker_class=None):
        """``worker_class``: the model thread's worker (tests give a numpy one, served on this thread)."""
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(3)
        self.worker = (worker_class or _ModelWorker)(self.pool)
        self.thread = None
        if worker_class is None:
            self.thread = QThread(self)
            self.thread.setObjectName("model")
            self.worker.moveToThread(self.thread)
            self.thread.started.connect(self.worker.lower_priority)
        self._call.connect(self.worker.dispatch, Qt.ConnectionType.QueuedConnection)
        for name in ("answered", "partial", "failed", "installed", "test_predicted"):
            getattr(self.worker, name).connect(getattr(self, name))
        if self.thread is not None:
            self.thread.start()

    def call(self, request_id, name: str, /, **args) -> None:
        """Queue request ``name``: a method of the model thread's worker, or a job (``jobs_by_name``)."""
        job = self.jobs_by_name.get(name)
        if job is None:
            self._call.emit(request_id, name, args)
            return

        def report(ok, result):
            (self.worker.answered if ok else self.worker.failed).emit(request_id, result)

        jobs.start(self.pool, lambda: job(**args), report)

    jobs_by_name = {"import_backend": import_backend, "build": build_model, "load_dataset": load_dataset,
                    "prepare_image": prepare_image}

    def predict_now(self, images):
        return self.worker.predict_now(images)

    def shutdown(self, timeout_ms: int) -> bool:
        self.worker.closing.set()
        done = True
        if self.thread is not None:
            self.thread.quit()
            done = self.thread.wait(timeout_ms)
        if done and self.worker.fast is not None:
            self.worker.fast.close()
        return self.pool.waitForDone(timeout_ms) and done
