"""The one object widgets talk to: a thin Qt adapter over ``session.Session`` (the app's rules).

It asks the session what to do, has the host carry it out (``model_host.ModelHost``: the model
thread and the job pool; ``training_runner.TrainingRunner``: one run in a child process) and re-emits
what happened as signals, on the UI thread. Every request has an id (``requests.Requests``): a
widget's request returns a ``Reply`` that alone gets its answer or its failure; the service's own
requests come back to the service's own callbacks. Until TensorFlow is loaded, a bundled model's LiteRT export can answer
(the fast start); the TensorFlow model of the same file takes over under the same version.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from .core.drawings import DrawingsError
from .core.models import ModelConfig, preset_title
from .requests import Reply, Requests
from .session import ModelInfo, RunRequest, Session, SessionError

log = logging.getLogger("mnist_gui.service")


class ModelService(QObject):
    """The app's single model service. All slots and signals live on the UI thread."""

    backend_ready = Signal()                       # TensorFlow imported
    backend_failed = Signal(str)
    status_changed = Signal(str)                   # what is loading / happening, for the status bar
    dataset_ready = Signal(object)                 # DatasetInfo
    dataset_failed = Signal(str)
    model_changed = Signal(object)                 # ModelInfo: once per new model or new weights
    model_failed = Signal(str)                     # open/save/install/export failure message
    model_saved = Signal(str)
    model_exported = Signal(str, str)              # result line, parity line
    test_predictions_ready = Signal(int, object)   # model version, Predictions for the test set
    training_started = Signal(object)              # TrainingPlan
    batch_progress = Signal(int, int, int, object)  # epoch, batches done, batches per epoch, logs
    epoch_finished = Signal(int, object)           # epoch (0-based, over the model's whole training), logs
    training_finished = Signal(object, bool)       # this run's history dict (None: nothing trained), stopped
    training_failed = Signal(str)
    training_outcome = Signal(object)              # TrainingOutcome: new vs previous, and which is used
    busy_changed = Signal(bool)
    drawings_changed = Signal()                    # My drawings: one added, deleted or imported
    drawings_failed = Signal(str)                  # a drawings file could not be written or read
    drawing_predictions_ready = Signal(int, object)  # model version, Predictions on My drawings (in store order)
    health_ready = Signal(int, object)             # epoch (0-based), core.health stats of the run's network
    settings_changed = Signal(object)              # a change applied mid-run: {"epoch": 1-based, field: value}
    settings_refused = Signal(str)                 # a change the run cannot take, and why

    def __init__(self, parent=None, *, host=None, runner=None, drawings=None):
        """``host`` and ``runner``: the model thread and the training thread (tests give fakes)."""
        super().__init__(parent)
        self.session = Session(drawings)
        self._busy_reasons: set[str] = set()
        self._after_backend = None                  # (method, argument) waiting for TensorFlow
        self._training_ahead = False                # prepare_training(): a training process waits
        if host is None:
            from .model_host import ModelHost

            host = ModelHost(self)
        if runner is None:
            from .training_runner import TrainingRunner

            runner = TrainingRunner(self)
        self.host, self.runner = host, runner
        self.requests = Requests(host, self)
        host.installed.connect(self._on_installed)
        host.test_predicted.connect(self._on_test_predicted)
        runner.batch_progress.connect(self.batch_progress)
        runner.epoch_finished.connect(self._on_epoch_finished)
        runner.finished.connect(self._on_run_finished)
        runner.failed.connect(self._on_run_failed)
        runner.health_measured.connect(self.health_ready)
        runner.setting_changed.connect(self.settings_changed)

    # ---- the state the widgets read (the session's) ----------------------------------------------

    data = property(lambda self: self.session.data)
    dataset_info = property(lambda self: self.session.dataset_info)
    model_info = property(lambda self: self.session.model_info)
    test_predictions = property(lambda self: self.session.test_predictions)
    outcome = property(lambda self: self.session.outcome)
    drawings = property(lambda self: self.session.drawings)
    drawing_predictions = property(lambda self: self.session.drawing_predictions)
    backend_is_ready = property(lambda self: self.session.backend_ready)
    has_model = property(lambda self: self.session.model_info is not None)
    busy = property(lambda self: bool(self._busy_reasons))
    is_saving = property(lambda self: "save" in self._busy_reasons)
    is_exporting = property(lambda self: "export" in self._busy_reasons)

    @property
    def is_training(self) -> bool:
        return self.session.run is not None or self.runner.is_running

    has_unsaved_model = property(lambda self: self.model_info is not None and self.model_info.unsaved)

    @property
    def test_probabilities(self) -> np.ndarray | None:
        """The current model's probabilities (N, 10) for the test set, or None until it has them."""
        return None if self.test_predictions is None else self.test_predictions.probabilities

    # ---- the request protocol --------------------------------------------------------------------

    def prepare_training(self, asked: bool = True) -> None:
        """From now (``asked``), keep a training process ready once TensorFlow and the data are in."""
        self._training_ahead = self._training_ahead or asked
        if self._training_ahead and self.backend_is_ready and self.data is not None:
            self.runner.prepare(self.data)

    def _ask(self, name: str, on_answer=None, on_failure=None, on_partial=None, /, **args) -> int:
        return self.requests.ask(name, on_answer, on_failure or self._model_failed, on_partial, **args)

    def _model_failed(self, error, *busy: str):
        for reason in busy:
            self._set_busy(reason, False)
        self.model_failed.emit(str(error))

    def _set_busy(self, reason: str, busy: bool):
        was = bool(self._busy_reasons)
        (self._busy_reasons.add if busy else self._busy_reasons.discard)(reason)
        if was != bool(self._busy_reasons):
            self.busy_changed.emit(bool(self._busy_reasons))

    # ---- start-up: TensorFlow and data in the background ---------------------------------------------

    def load_backend(self):
        """Import TensorFlow off the UI thread (5-9 s here); ``backend_ready`` when done."""
        if self.backend_is_ready:
            self.backend_ready.emit()
            return
        self._set_busy("backend", True)
        self.status_changed.emit("Loading TensorFlow…")
        self._ask("import_backend", self._on_backend_ready, self._on_backend_failed)

    def _on_backend_ready(self, _):
        self.session.backend_ready = True
        self._set_busy("backend", False)
        self.status_changed.emit("TensorFlow ready")
        self.backend_ready.emit()
        self.prepare_training(asked=False)
        waiting, self._after_backend = self._after_backend, None
        if waiting is not None:
            waiting[0](waiting[1])

    def _on_backend_failed(self, error):
        self._set_busy("backend", False)
        self.backend_failed.emit(f"TensorFlow could not be loaded: {error}")

    def versions(self) -> list[str]:
        """TensorFlow's and Keras' versions once loaded (for About), without importing them here."""
        import sys

        if not self.backend_is_ready:
            return ["TensorFlow: still loading"]
        tf, keras = sys.modules.get("tensorflow"), sys.modules.get("keras")
        return [f"TensorFlow {getattr(tf, '__version__', '?')}", f"Keras {getattr(keras, '__version__', '?')}"]

    def load_dataset(self, path=None):
        """Load MNIST (from ``path``, or the usual sources) off the UI thread. On failure
        ``dataset_failed`` carries the reason; the data already loaded stays in place."""
        self._set_busy("data", True)
        self.status_changed.emit("Loading data…")
        self._ask("load_dataset", self._on_dataset_loaded, self._on_dataset_failed, path=path)

    def _on_dataset_loaded(self, data):
        self._set_busy("data", False)
        info = self.session.dataset_loaded(data)
        self._ask("set_test_set", x_test=data.x_test, y_test=data.y_test)
        self.status_changed.emit(f"Data ready ({data.source})")
        self.dataset_ready.emit(info)
        self.prepare_training(asked=False)

    def _on_dataset_failed(self, error):
        self._set_busy("data", False)
        self.dataset_failed.emit(str(error))

    # ---- models -----------------------------------------------------------------------------------------

    def _forget_outcome(self):
        if self.session.forget_outcome():
            self._ask("drop_other")

    def _refuse_while_training(self, what: str) -> bool:
        if self.is_training:
            self.model_failed.emit(f"Stop training before {what}.")
        return self.is_training

    def _install(self, name: str, **args):
        self._set_busy("model", True)
        self._ask(name, lambda _: self._set_busy("model", False),
                  lambda error: self._model_failed(error, "model"), **args)

    def open_model(self, path) -> bool:
        """Load a model file on the model thread; the current model stays if it fails. True when,
        TensorFlow not being ready, the file's LiteRT export is being installed meanwhile (start_fast)."""
        if self._refuse_while_training("opening another model"):
            return False
        if not self.backend_is_ready:
            self._after_backend = (self.open_model, str(path))
            return self.start_fast(path)
        from .core import litert, storage

        self._forget_outcome()
        info = self.session.opening_info(path, storage.read_sidecar)
        # A file with its own verified LiteRT export may answer single images through it (if quicker).
        export_path = None if info.version == getattr(self.model_info, "version", None) \
            else litert.verified_export(path)
        self.status_changed.emit(f"Loading model {Path(path).name}…")
        self._install("load", path=str(path), info=info, export_path=export_path)
        return False

    def start_fast(self, path) -> bool:
        """Predict with ``path``'s LiteRT export (made from exactly this file, both checked by hash)
        while TensorFlow loads; the TensorFlow model of the same file later takes over."""
        from .core import litert, storage

        if self.backend_is_ready or not litert.available():
            return False
        tflite = litert.verified_export(path)
        if tflite is None:
            return False
        info = self.session.fast_start_info(path, storage.read_sidecar(path))
        self._ask("install_fast", tflite_path=str(tflite), info=info)
        return True

    def new_model(self, config: ModelConfig):
        """Replace the current model with a new, untrained one built from ``config``."""
        if self._refuse_while_training("building another model"):
            return
        if not self.backend_is_ready:
            self._after_backend = (self.new_model, config)
            return
        self._set_busy("model", True)
        self._ask("build", lambda model: self.use_model(model, f"New {preset_title(config.preset)}", config),
                  lambda error: self._model_failed(f"Could not build the model: {error}", "model"), config=config)

    def use_model(self, model, name: str, config: ModelConfig | None = None):
        """Make an in-memory Keras model current (the service owns it from now on)."""
        if self._refuse_while_training("switching models"):
            self._set_busy("model", False)
            return
        self._forget_outcome()
        self._install("install", model=model, info=self.session.in_memory_info(name, config))

    def save_model(self, path):
        """Save the current model and its sidecar (atomically) on the model thread:
        ``model_saved`` or ``model_failed``."""
        self._set_busy("save", True)
        self._ask("save", self._on_saved, lambda error: self._model_failed(error, "save"), path=str(path),
                  metadata=self.session.save_record(path))

    def _on_saved(self, info):
        self._set_busy("save", False)
        self.session.saved(info)
        self.model_saved.emit(info.path)
        self.model_changed.emit(info)

    def export_model(self, path, fmt: str):
        """Export the current model (LiteRT, SavedModel or ONNX) and check it predicts as the app does:
        ``model_exported(message, parity line)`` or ``model_failed(message)``."""
        self._set_busy("export", True)
        self.status_changed.emit(f"Exporting {Path(path).name}…")
        self._ask("export", self._on_exported, lambda error: self._model_failed(error, "export"), path=str(path),
                  fmt=fmt)

    def _on_exported(self, report):
        self._set_busy("export", False)
        self.status_changed.emit(report.message)
        self.model_exported.emit(report.message, report.parity_line)

    @Slot(object)
    def _on_installed(self, info: ModelInfo):
        info, status = self.session.installed(info)
        self.status_changed.emit(status)
        self.model_changed.emit(info)
        self._predict_drawings()

    @Slot(int, object, object)
    def _on_test_predicted(self, version, images, predictions):
        if not self.session.test_predicted(version, images, predictions):
            return  # an answer for an older model or an older dataset
        self.test_predictions_ready.emit(version, predictions)
        outcome, swap = self.session.decide()
        if swap:
            self._ask("swap", version=self.session.next_version())
        if outcome is not None:
            self.training_outcome.emit(outcome)

    # ---- widgets' requests ---------------------------------------------------------------------------

    def predict(self, images):
        """Probabilities now, on the caller's thread, or None without a model. For tests and scripts."""
        return self.host.predict_now(images)

    def request_prediction(self, images) -> Reply:
        """Probabilities (N, 10) for ``images`` from the model thread, or None without a model."""
        return self.requests.reply("predict", "predict", images=np.asarray(images, dtype=np.float32))

    def request_inside(self, kind: str, **args) -> Reply:
        """A view of core.inside (``inside.compute(kind, model, **args)``) on the current model (in the
        order asked, except that the map, computed in steps, ends after requests sent while it runs)."""
        return self.requests.reply("inside", kind, kind=kind, args=args)

    def request_robustness(self, kind: str, **args) -> Reply:
        """A core.robustness job on the current model and the other one the host keeps: "evaluate" or
        "curves" (in parts). A job whose model changed midway fails with ``Superseded``."""
        return self.requests.reply("robustness", kind, kind=kind, args=args)

    def request_report(self, path) -> Reply:
        """File ▸ Save report…: the current model's report (core.report) written to ``path`` by a job;
        answered with core.report.Written. The current model's test-set answers, when known, are reused."""
        data = self.dataset_info
        note = "" if data is None else f"{data.source}: {data.location}{', verified' if data.verified else ''}"
        return self.requests.reply("report", "report", path=str(path), data_note=note,
                                   probabilities=self.test_probabilities)
    def request_read_image(self, source) -> Reply:
        """The number (or digit) in an image file (or grey pixels): prepared in the pool (its
        ``core.numbers.PreparedImage`` comes as a partial), then read on the model thread
        (``core.numbers.NumberRead``). A bad image fails with ``ImageError`` (one line)."""
        reply = Reply(0, "read_image")

        def read(prepared):
            reply.partial.emit(reply.id, prepared)
            self.requests.ask("read_number", lambda result: reply.answered.emit(reply.id, result),
                              lambda error: reply.failed.emit(reply.id, error), None, prepared=prepared)

        reply.id = self.requests.ask("prepare_image", read, lambda error: reply.failed.emit(reply.id, error),
                                     None, source=source)
        return reply

    def request_read_drawing(self, canvas) -> Reply:
        """The digits of a Draw Pad canvas (white on black) read as a number (``NumberRead``)."""
        return self.requests.reply("read_number", "read_number", canvas=np.asarray(canvas, dtype=np.float32))

    # ---- My drawings ----------------------------------------------------------------------------------

    def load_drawings(self) -> bool:
        """Read My drawings' folder now; a folder that cannot be read is said (``drawings_failed``)."""
        return self._change_drawings(lambda d: d.load() is not None)

    def add_drawing(self, digit, label: int, *, canvas=None, prediction: int | None = None,
                    pen_width: float | None = None, strokes=()) -> bool:
        """Keep a labelled Draw Pad drawing (and its strokes) in My drawings (on disk before this returns)."""
        return self._change_drawings(lambda d: d.add(digit, label, canvas=canvas, prediction=prediction,
                                                     pen_width=pen_width, strokes=strokes))

    def delete_drawing(self, drawing_id: str) -> bool:
        return self._change_drawings(lambda d: d.delete(drawing_id))

    def undo_last_drawing(self) -> bool:
        """Remove the drawing labelled last (in this session)."""
        return self._change_drawings(lambda d: d.undo_last() is not None)

    def import_drawings(self, path) -> int | None:
        """Add the drawings of a Keras-layout .npz (x, y); None (and ``drawings_failed``) if refused."""
        count = []
        return count[0] if self._change_drawings(lambda d: count.append(d.import_npz(path)) or True) else None

    def export_drawings(self, path) -> int | None:
        """Write My drawings to one .npz (x, y); None (and ``drawings_failed``) if it could not be written."""
        try:
            return self.drawings.export_npz(path)
        except DrawingsError as exc:
            self.drawings_failed.emit(str(exc))
            return None

    def _change_drawings(self, change) -> bool:
        try:
            changed = bool(change(self.drawings))
        except DrawingsError as exc:
            self.drawings_failed.emit(str(exc))
            return False
        if changed:
            self.session.drawings_changed()
            self.drawings_changed.emit()
            self._predict_drawings()
        return changed

    def _predict_drawings(self):
        """The current model's answers for every drawing, on the model thread (a few images: quick)."""
        batch = self.session.drawings_batch()
        if batch is None:
            return
        images, key = batch

        def answered(probs):
            if probs is not None and self.session.drawings_predicted(key, probs):
                self.drawing_predictions_ready.emit(key[0], self.drawing_predictions)

        self._ask("predict", answered, lambda error: log.warning("drawings not predicted: %s", error), images=images)

    # ---- training -----------------------------------------------------------------------------------------

    def _plan(self, plan, *args, **kwargs) -> RunRequest | None:
        try:
            return plan(*args, **kwargs)
        except SessionError as exc:
            self.training_failed.emit(str(exc))
            return None

    def start_training(self, config: ModelConfig, *, train_size: int | None = None,
                       drawings_share: float | None = None) -> bool:
        """Train a new model (see ``Session.plan_new``); False, and ``training_failed``, if it can't start."""
        request = self._plan(self.session.plan_new, config, train_size, drawings_share)
        if request is not None:
            self._begin(request, None)
        return request is not None

    def train_more(self, epochs: int, *, config: ModelConfig | None = None, train_size: int | None = None,
                   drawings_share: float | None = None) -> bool:
        """Continue the current model for ``epochs`` more epochs (see ``Session.plan_more``)."""
        return self._continue(self._plan(self.session.plan_more, epochs, config, train_size, drawings_share))

    def fine_tune(self) -> bool:
        """"Fine-tune on my drawings" (see ``Session.plan_fine_tune``); ``keep_previous_model`` undoes it."""
        return self._continue(self._plan(self.session.plan_fine_tune))

    def _continue(self, request: RunRequest | None) -> bool:
        """The current model itself (weights, optimizer state) comes from the model thread first."""
        if request is None:
            return False
        self.session.start_run(request)
        self._set_busy("training", True)
        self.status_changed.emit("Preparing to train more…")
        self._ask("hand_over", lambda handed: self._begin(request, handed[0]),
                  lambda error: self._on_run_failed(str(error)))
        return True

    def _begin(self, request: RunRequest, model):
        self.session.start_run(request)
        self._ask("keep_current")
        self._set_busy("training", True)
        self.training_started.emit(request.plan)
        self.runner.start(request, self.data, model)

    def stop_training(self):
        """Ask the run to stop after the current step; the model keeps the weights it reached."""
        self.runner.stop()

    def change_settings(self, **changes) -> bool:
        """Change the learning rate or augmentation of the run going on (``Session.live_change``);
        ``settings_changed`` once applied, or False and ``settings_refused``."""
        try:
            changes = self.session.live_change(**changes)
        except SessionError as exc:
            self.settings_refused.emit(str(exc))
            return False
        self.runner.change_settings(**changes)
        return True

    @Slot(int, object, object, object)
    def _on_epoch_finished(self, epoch, logs, weights, live_copy):
        self._ask("refresh", live_copy=live_copy, weights=weights, info=self.session.epoch_info(epoch, logs))
        self.epoch_finished.emit(epoch, logs)

    @Slot(object)
    def _on_run_finished(self, outcome):
        end = self.session.finish_run(outcome)
        self._set_busy("training", False)
        if end.info is None:  # diverged, or stopped before it began
            self._ask("restore_other", version=self.session.next_version())
        else:  # becomes current; compared with the previous model once its test accuracy is known
            self._ask("install", model=outcome.model, info=end.info)
        if end.message:
            self.training_failed.emit(end.message)
        else:
            self.training_finished.emit(end.history, end.stopped)

    @Slot(str)
    def _on_run_failed(self, message):
        """The model from before the run is current again (an epoch's live copy is not a result)."""
        message, restore = self.session.fail_run(message)
        self._set_busy("training", False)
        if restore:
            self._ask("restore_other", version=self.session.next_version())
        self.training_failed.emit(message)

    def use_new_model(self):
        self._choose(True)

    def keep_previous_model(self):
        self._choose(False)

    def _choose(self, new: bool):
        if self.session.choose(new):
            self._ask("swap", version=self.session.next_version())
            self.training_outcome.emit(self.outcome)

    # ---- shutdown -----------------------------------------------------------------------------------------

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop training and the model thread; True when every thread ended in time (a save is waited for)."""
        clean = self.runner.shutdown(timeout_ms)
        return self.host.shutdown(max(timeout_ms, 30_000) if self.is_saving else timeout_ms) and clean
