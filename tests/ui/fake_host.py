"""The model and training threads without TensorFlow, under the real ``ModelService``: ``FakeHost``
is the real ``ModelHost`` with its worker served from the UI thread's event loop and numpy models
(only what needs TensorFlow is replaced); ``FakeRunner`` is the training thread, played by the test.
The "model": soft nearest centroids of real MNIST images (about 79% of the test images right).
Every rule (which model is kept, what a run trains) is the real session's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from mnist_gui.core.drawings import mix
from mnist_gui.core.run import RunOutcome
from mnist_gui.core.training import TrainResult
from mnist_gui.model_host import HostError, ModelHost, _ModelWorker, prepare_image

TEMPERATURE = 4.0    # spreads the confidences: median ~83%, a tenth below 45%
FIT_IMAGES = 2000    # training images the centroids of a "trained" model come from
_datasets: dict[str, object] = {}  # path -> MnistData, so that each test does not read the file again
_centroids: dict[int, tuple[object, list]] = {}  # id(data) -> (data, weights): fitted once per dataset


class NumpyModel:
    """softmax(x @ weights + bias) on pixels scaled to 0..1; takes (N, 28, 28) raw pixels like the real models."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray):
        self.set_weights([weights, bias])

    def get_weights(self):
        return [self.weights.copy(), self.bias.copy()]

    def set_weights(self, weights):
        self.weights, self.bias = (np.asarray(w, np.float32) for w in weights)
        self._raw_weights = self.weights / 255  # applied to raw pixels: one pass over the images

    def __call__(self, images) -> np.ndarray:
        x = np.asarray(images).reshape(-1, 784).astype(np.float32)
        z = x @ self._raw_weights + self.bias
        p = np.exp(z - z.max(axis=1, keepdims=True))
        return p / p.sum(axis=1, keepdims=True)

    @classmethod
    def centroids(cls, x, y) -> NumpyModel:
        """Nearest centroid, softly: -|x - c|² / T is linear in x once the row's own |x|² is dropped."""
        x = np.asarray(x, np.float64).reshape(len(x), -1) / 255.0
        centres = np.stack([x[np.asarray(y) == digit].mean(axis=0) for digit in range(10)])
        return cls(2 * centres.T / TEMPERATURE, -(centres ** 2).sum(axis=1) / TEMPERATURE)

    @classmethod
    def untrained(cls, seed: int = 0) -> NumpyModel:
        return cls(np.random.default_rng(seed).normal(0, 0.05, (784, 10)), np.zeros(10))

    def save(self, path):
        from mnist_gui.core.files import atomic_write

        def write(tmp):
            with open(tmp, "wb") as f:  # a file object: np.savez would add ".npz" to a name
                np.savez(f, weights=self.weights, bias=self.bias)

        atomic_write(path, write)

    @classmethod
    def load(cls, path) -> NumpyModel:
        try:
            with np.load(path, allow_pickle=False) as f:
                return cls(f["weights"], f["bias"])
        except (OSError, ValueError, KeyError) as exc:
            raise HostError(f"Could not load {path}: {exc}") from None


def trained_model(data) -> NumpyModel:
    """A new model each call (tests change their models), fitted once per dataset."""
    cached = _centroids.get(id(data))
    if cached is None or cached[0] is not data:
        model = NumpyModel.centroids(data.x_train[:FIT_IMAGES], data.y_train[:FIT_IMAGES])
        cached = _centroids[id(data)] = (data, model.get_weights())
    return NumpyModel(*cached[1])


def load_dataset(path=None):
    from mnist_gui.core.data import load_mnist

    key = str(path)
    if key not in _datasets:
        data = _datasets[key] = load_mnist(path)
        for images in (data.x_train, data.x_test):
            images.flags.writeable = False  # shared by every test: none may change it
    return _datasets[key]


class NumpyWorker(_ModelWorker):
    """The model thread's worker with numpy models: the TensorFlow parts replaced, the rest its own."""

    def install(self, request_id, model, info, export_path=None):
        self._set_current(model, model, info)
        return info

    def load(self, request_id, path, info, export_path=None):
        model = NumpyModel.load(path)
        self.other = None
        return self.install(request_id, model, info)

    def save(self, request_id, path, metadata):
        if self.model is None:
            raise HostError("There is no model to save yet: train one or open a model file.")
        self.model.save(path)
        self.info = replace(self.info, path=str(path), unsaved=False, name=Path(path).stem, metadata=metadata)
        return self.info

    def hand_over(self, request_id):
        if self.model is None:
            raise HostError("There is no model to train more: train one or open a model file.")
        model, self.model = self.model, NumpyModel(*self.model.get_weights())
        self.predictor, self.other = self.model, None
        return model, self.info

    def inside(self, request_id, kind, args):
        # The Inside tab's views need a Keras model (tests/test_inside_tab.py drives that tab on a real one).
        raise HostError("the fake host computes no inside views")

    def later(self, request_id, fn):
        """Run ``fn`` from the event loop and answer with its result (or its failure)."""
        def run():
            try:
                self.answered.emit(request_id, fn())
            except Exception as exc:
                self.failed.emit(request_id, exc)

        QTimer.singleShot(0, self, run)

    def export(self, request_id, path, fmt):
        if self.model is None:
            raise HostError("There is no TensorFlow model to export yet.")
        self.model.save(path)
        return SimpleNamespace(message=f"Exported {path}", parity_line="agreement=1.0000 max_prob_diff=0")


class FakeHost(ModelHost):
    """``ModelHost`` on the UI thread with ``NumpyWorker``; jobs run as events, not in the pool."""

    jobs_by_name = {"import_backend": lambda: None, "load_dataset": load_dataset,
                    "build": lambda config: NumpyModel.untrained(), "prepare_image": prepare_image}

    def __init__(self, parent=None, worker_class=None):
        super().__init__(parent, worker_class=worker_class or NumpyWorker)
        self.runner = FakeRunner(self)

    def call(self, request_id, name: str, /, **args) -> None:
        job = self.jobs_by_name.get(name)
        if job is None:
            super().call(request_id, name, **args)
        else:
            self.worker.later(request_id, lambda: job(**args))


def make_service(qtbot=None, backend_ready: bool = True, worker_class=None):
    """The real ModelService over a FakeHost (TensorFlow "loaded" unless ``backend_ready`` is False)."""
    from mnist_gui.service import ModelService

    host = FakeHost(worker_class=worker_class)
    service = ModelService(host=host, runner=host.runner)
    if backend_ready:
        with qtbot.waitSignal(service.backend_ready):
            service.load_backend()
    return service


class FakeRunner(QObject):
    """The training thread, played by the test. A run's epoch k model is the centroids of the first
    100·2^k of its training images: it improves from epoch to epoch, its logs are measured."""

    batch_progress = Signal(int, int, int, object)
    epoch_finished = Signal(int, object, object, object)
    finished = Signal(object)
    failed = Signal(str)
    health_measured = Signal(int, object)
    setting_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.request = self.data = None
        self.stop_requested = False
        self.pending: dict = {}   # live changes asked for, applied by apply_changes()

    is_running = property(lambda self: self.request is not None)
    plan = property(lambda self: None if self.request is None else self.request.plan)

    def start(self, request, data, model=None):
        self.request, self.data, self.stop_requested, self.applied = request, data, False, []
        self.epochs_done, self.model, self.start_model = request.plan.first_epoch, model, model
        self.history = {k: list(v) for k, v in request.plan.history.items()}
        x, y = data.x_train[:request.train_size or None], data.y_train[:request.train_size or None]
        drawings = request.run_args.get("drawings")
        if drawings is not None and len(drawings[1]):
            x, y = mix(x, y, *drawings, request.run_args["drawings_share"])
        self.x, self.y = x, y

    def stop(self):
        self.stop_requested = True

    def change_settings(self, **changes):
        self.pending.update(changes)

    def apply_changes(self) -> list[dict]:
        """The changes asked for take effect now, in the current epoch (as core.live records them)."""
        applied = [{"epoch": self.epochs_done + 1, key: value} for key, value in self.pending.items()]
        self.pending, self.applied = {}, self.applied + applied
        for change in applied:
            self.setting_changed.emit(change)
        return applied

    def measure_health(self, layers: list[dict]):
        """Hand over health stats (core.health's form) for the epoch that ended last."""
        self.health_measured.emit(self.epochs_done - 1, {"epoch": self.epochs_done, "layers": layers})

    def shutdown(self, timeout_ms: int = 0) -> bool:
        self.request = None
        return True

    def run_batches(self, *done: int):
        """Batch progress within the current epoch (``done`` counts of its batches)."""
        total = self.plan.total_batches
        for count in done or (total,):
            assert 0 < count <= total, "more batches than an epoch has"
            self.batch_progress.emit(self.epochs_done, count, total, {"loss": 1.0 / (1 + self.epochs_done)})

    def end_epoch(self) -> dict:
        """The current epoch ends; returns its logs. Its model reaches predictions a moment later."""
        epoch = self.epochs_done
        n = min(len(self.x), 100 * 2 ** (epoch - self.plan.first_epoch))
        self.model = NumpyModel.centroids(self.x[:n], self.y[:n])
        logs = {}
        for prefix, x, y in (("", self.x[:FIT_IMAGES], self.y[:FIT_IMAGES]),
                             ("val_", self.data.x_test, self.data.y_test)):
            probs = self.model(x)
            logs[prefix + "loss"] = float(-np.mean(np.log(probs[np.arange(len(y)), y] + 1e-7)))
            logs[prefix + "accuracy"] = float(np.mean(probs.argmax(axis=1) == y))
        self.epochs_done = epoch + 1
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)
        live = NumpyModel.untrained()
        self.epoch_finished.emit(epoch, logs, self.model.get_weights(), (live, live))
        return logs

    def finish_training(self, stopped: bool | None = None):
        """The run ends (stopped if Stop was asked, unless told otherwise), as core.run.train reports it."""
        request, model = self.request, self.model or NumpyModel.untrained()
        stopped = self.stop_requested if stopped is None else stopped
        first = request.plan.first_epoch
        run_history = {k: v[first:] for k, v in self.history.items()}
        result = TrainResult(run_history, self.epochs_done - first, stopped)
        meta = {"epochs_run": self.epochs_done, "history": self.history,
                "test_accuracy": None if stopped else (self.history.get("val_accuracy") or [None])[-1]}
        if self.applied:
            meta["changes"] = self.applied
        drawings, held = request.run_args.get("drawings"), request.run_args.get("held_out")
        if drawings is not None and len(drawings[1]):
            meta["drawings"] = {"taught": len(drawings[1])}
            if held is not None:
                def score(m):
                    return None if m is None else float(np.mean(m(held[0]).argmax(1) == held[1]))

                meta["drawings"].update(held_out=len(held[1]), held_out_before=score(self.start_model),
                                        held_out_after=score(model))
        self.request = None
        self.finished.emit(RunOutcome(model, result, self.history, first, meta))

    def cancel_training(self):
        """The run ends before its first step, as a stopped training process that had not begun does."""
        self.request = None
        self.finished.emit(RunOutcome.nothing_trained())

    def fail_training(self, message: str):
        self.request = None
        self.failed.emit(message)
