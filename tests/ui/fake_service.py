"""A stand-in for ``mnist_gui.service.ModelService`` that needs no TensorFlow.

Same signals, attributes and methods as the widgets use; the same dataclasses (ModelInfo,
DatasetInfo, TrainingPlan, Predictions, ModelConfig). The "model" is numpy: nearest centroids of a
slice of the real MNIST training images (softmax of negative squared distances), so its answers
are sensible (about 79% of the test images right) and known to the test.

Answers come back the way the real service's come from its model thread: later, as queued
signals, never inside the call that asked. A model change is announced once (``model_changed``),
and its test-set predictions follow in a later event (``test_predictions_ready``).

Training is not timed: the test plays the training thread, step by step, with ``run_batches``,
``end_epoch``, ``finish_training`` and ``fail_training``, which emit what the real service emits.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal

from mnist_gui.core.drawings import DrawingsError, DrawingStore
from mnist_gui.core.metrics import Predictions
from mnist_gui.core.models import PRESET_TITLES, ConfigError, ModelConfig
from mnist_gui.service import DatasetInfo, ModelInfo, TrainingOutcome, TrainingPlan

TEMPERATURE = 4.0    # spreads the confidences: median ~83%, a tenth below 45%
FIT_IMAGES = 2000    # training images the centroids of a "trained" model come from


class NumpyModel:
    """softmax(x @ weights + bias) on pixels scaled to 0..1; takes (N, 28, 28) raw pixels like the real models."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray):
        self.weights, self.bias = np.asarray(weights, np.float32), np.asarray(bias, np.float32)
        self._raw_weights = self.weights / 255  # applied to raw pixels: one pass over the images

    def __call__(self, images) -> np.ndarray:
        x = np.asarray(images).reshape(len(images), -1).astype(np.float32)
        z = x @ self._raw_weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    @classmethod
    def centroids(cls, x, y) -> NumpyModel:
        """Nearest centroid, softly: -|x - c|² / T is linear in x once the row's own |x|² is dropped."""
        x = np.asarray(x, np.float64).reshape(len(x), -1) / 255.0
        centres = np.stack([x[np.asarray(y) == digit].mean(axis=0) for digit in range(10)])
        return cls(2 * centres.T / TEMPERATURE, -(centres ** 2).sum(axis=1) / TEMPERATURE)

    @classmethod
    def untrained(cls, seed: int = 0) -> NumpyModel:
        rng = np.random.default_rng(seed)
        return cls(rng.normal(0, 0.05, (784, 10)), np.zeros(10))

    def save(self, path):
        from mnist_gui.core.files import atomic_write

        def write(tmp):
            with open(tmp, "wb") as f:  # a file object: np.savez would add ".npz" to a name
                np.savez(f, weights=self.weights, bias=self.bias)

        atomic_write(path, write)

    @classmethod
    def load(cls, path) -> NumpyModel:
        with np.load(path, allow_pickle=False) as f:
            return cls(f["weights"], f["bias"])


_datasets: dict[str, object] = {}  # path → MnistData, so that each test does not read the file again


def trained_model(data) -> NumpyModel:
    return NumpyModel.centroids(data.x_train[:FIT_IMAGES], data.y_train[:FIT_IMAGES])


class FakeModelService(QObject):
    backend_ready = Signal()
    backend_failed = Signal(str)
    status_changed = Signal(str)
    dataset_ready = Signal(object)                 # DatasetInfo
    dataset_failed = Signal(str)
    model_changed = Signal(object)                 # ModelInfo
    model_failed = Signal(str)
    model_saved = Signal(str)
    model_exported = Signal(str, str)              # result line, parity line
    test_predictions_ready = Signal(int, object)   # model version, Predictions
    prediction_ready = Signal(object, object)      # request id, probabilities or None
    training_started = Signal(object)              # TrainingPlan
    batch_progress = Signal(int, int, int, object)
    epoch_finished = Signal(int, object)
    training_finished = Signal(object, bool)
    training_failed = Signal(str)
    training_outcome = Signal(object)              # TrainingOutcome
    inside_ready = Signal(object, str, object)     # request id, kind, result
    robustness_ready = Signal(object, str, object)  # request id, kind, result (partial ones too)
    busy_changed = Signal(bool)
    drawings_changed = Signal()
    drawings_failed = Signal(str)
    drawing_predictions_ready = Signal(int, object)  # model version, Predictions on My drawings

    _later = Signal(object)  # a queued call to self: what the real service's threads answer with

    def __init__(self, *, backend_ready: bool = True, parent=None):
        super().__init__(parent)
        self._closed = False
        self._later.connect(self._run_later, Qt.ConnectionType.QueuedConnection)
        self._versions = itertools.count(1)
        self._request_ids = itertools.count(1)
        self._busy_reasons: set[str] = set()
        self._model: NumpyModel | None = None
        self._pending_model = None
        self.backend_is_ready = backend_ready
        self.data = None
        self.dataset_info: DatasetInfo | None = None
        self.model_info: ModelInfo | None = None
        self.test_predictions: Predictions | None = None
        # Training, as the test drives it.
        self._plan: TrainingPlan | None = None
        self._train_x = self._train_y = None
        self._history: dict[str, list[float]] = {}
        self._epochs_done = 0
        self._run_model: NumpyModel | None = None
        self._previous: tuple | None = None   # (model, info) in use when the run started
        self._first_epoch = 0
        self.outcome: TrainingOutcome | None = None
        self.stop_requested = False
        # My drawings: the real store, in the test's own data dir (conftest points it there).
        self.drawings = DrawingStore()
        self.drawing_predictions: Predictions | None = None
        self._drawings_generation = 0
        self.last_run_args: dict | None = None   # what a run was asked to include (drawings_share, fine_tune)

    def _run_later(self, fn):
        if not self._closed:  # answers still queued at shutdown are dropped, as a closing app drops them
            fn()

    # ---- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._busy_reasons)

    def _set_busy(self, reason: str, busy: bool):
        was = self.busy
        (self._busy_reasons.add if busy else self._busy_reasons.discard)(reason)
        if was != self.busy:
            self.busy_changed.emit(self.busy)

    @property
    def has_model(self) -> bool:
        return self.model_info is not None

    @property
    def is_training(self) -> bool:
        return self._plan is not None

    @property
    def test_probabilities(self):
        return None if self.test_predictions is None else self.test_predictions.probabilities

    # ---- start-up ----------------------------------------------------------------------------

    def load_backend(self):
        if self.backend_is_ready:
            self.backend_ready.emit()
            return
        self._set_busy("backend", True)
        self.status_changed.emit("Loading TensorFlow…")
        self._later.emit(self._backend_loaded)

    def _backend_loaded(self):
        self.backend_is_ready = True
        self._set_busy("backend", False)
        self.status_changed.emit("TensorFlow ready")
        self.backend_ready.emit()
        if self._pending_model is not None:
            kind, arg = self._pending_model
            self._pending_model = None
            self.open_model(arg) if kind == "open" else self.new_model(arg)

    def fail_backend(self, message: str):
        """Test helper: the TensorFlow import failed."""
        self._set_busy("backend", False)
        self.backend_failed.emit(f"TensorFlow could not be loaded: {message}")

    def load_dataset(self, path=None):
        self._set_busy("data", True)
        self.status_changed.emit("Loading data…")
        self._later.emit(lambda: self._load_dataset(path))

    def _load_dataset(self, path):
        from mnist_gui.core.data import load_mnist

        key = str(Path(path).resolve()) if path is not None else ""
        try:
            data = _datasets.get(key) or load_mnist(path, use_keras=False, use_pypi=False)
        except Exception as exc:  # the real service reports any failure as a message
            self._set_busy("data", False)
            self.dataset_failed.emit(str(exc))
            return
        _datasets[key] = data
        self._set_busy("data", False)
        self.data = data
        self.dataset_info = DatasetInfo(data.source, str(data.location), data.verified,
                                        len(data.x_train), len(data.x_test))
        self.test_predictions = None
        self.status_changed.emit(f"Data ready ({data.source})")
        self.dataset_ready.emit(self.dataset_info)
        if self._model is not None and self.model_info is not None:
            self._later.emit(lambda: self._predict_test(self.model_info.version))

    # ---- the model host -------------------------------------------------------------------------

    def _install(self, model: NumpyModel, info: ModelInfo):
        self._set_busy("model", True)
        self._later.emit(lambda: self._installed(model, info))

    def _installed(self, model, info):
        self._set_busy("model", False)
        self._model, self.model_info, self.test_predictions = model, info, None
        if info.training and self._plan is not None:
            self.status_changed.emit(f"Training: epoch {info.epoch} of {self._plan.epochs} done")
        else:
            self.status_changed.emit(f"Model: {info.name}")
        self.model_changed.emit(info)
        self._later.emit(lambda: self._predict_test(info.version))
        self._predict_drawings()

    def _predict_test(self, version):
        if self.data is None or self.model_info is None or self.model_info.version != version:
            return  # superseded, like an answer for an older model
        predictions = Predictions.of(self._model(self.data.x_test))
        self.test_predictions = predictions
        self.model_info = replace(self.model_info,
                                  test_accuracy=float(np.mean(predictions.labels == self.data.y_test)))
        self.test_predictions_ready.emit(version, predictions)

    def use_model(self, model: NumpyModel, name: str, config: ModelConfig | None = None):
        if self.is_training:
            self.model_failed.emit("Stop training before switching models.")
            return
        self.outcome = None  # as the real service, which then keeps no other model
        self._install(model, ModelInfo(name=name, version=next(self._versions),
                                       preset=config.preset if config else None,
                                       config=config.to_dict() if config else {}))

    def new_model(self, config: ModelConfig):
        if self.is_training:
            self.model_failed.emit("Stop training before building another model.")
            return
        if not self.backend_is_ready:
            self._pending_model = ("new", config)
            return
        self.outcome = None
        self._install(NumpyModel.untrained(config.seed),
                      ModelInfo(name=f"New {PRESET_TITLES.get(config.preset, config.preset)}",
                                version=next(self._versions), preset=config.preset, config=config.to_dict()))

    def open_model(self, path):
        """Opens what ``save_model`` wrote (numpy weights); anything else fails with a message."""
        if self.is_training:
            self.model_failed.emit("Stop training before opening another model.")
            return
        if not self.backend_is_ready:
            self._pending_model = ("open", str(path))
            return
        self.status_changed.emit(f"Loading model {Path(path).name}…")
        try:
            model = NumpyModel.load(path)
        except Exception as exc:
            message = f"Could not load {Path(path).name}: {exc}"
            self._later.emit(lambda: self.model_failed.emit(message))
            return
        self.outcome = None
        self._install(model, ModelInfo(name=Path(path).stem, version=next(self._versions), path=str(path)))

    def save_model(self, path):
        self._set_busy("save", True)
        self._later.emit(lambda: self._save(str(path)))

    def _save(self, path):
        self._set_busy("save", False)
        if self._model is None:
            self.model_failed.emit("There is no model to save yet: train one or open a model file.")
            return
        try:
            self._model.save(path)
        except OSError as exc:
            self.model_failed.emit(f"Could not save {Path(path).name}: {exc}")
            return
        self.model_info = replace(self.model_info, path=path)
        self.model_saved.emit(path)
        self.model_changed.emit(self.model_info)

    def start_fast(self, path) -> bool:
        """No LiteRT exports for numpy models: the fake waits for its "backend" as before."""
        return False

    def export_model(self, path, fmt: str):
        """Writes the numpy model (whatever ``fmt``), reads it back and compares it with the model in
        use on the test set, as the real parity check compares an export with the Keras model."""
        self._set_busy("export", True)
        self._later.emit(lambda: self._export(str(path), fmt))

    def _export(self, path, fmt):
        self._set_busy("export", False)
        if self._model is None:
            self.model_failed.emit("There is no TensorFlow model to export yet: wait a moment, "
                                   "train one or open a model file.")
            return
        if not Path(path).parent.is_dir():
            self.model_failed.emit(f"Cannot export to {path}: the folder {Path(path).parent} does not exist.")
            return
        with open(path, "wb") as f:
            np.savez(f, weights=self._model.weights, bias=self._model.bias)
        exported, reference = NumpyModel.load(path)(self.data.x_test), self._model(self.data.x_test)
        line = (f"agreement={np.mean(exported.argmax(1) == reference.argmax(1)):.4f} "
                f"max_prob_diff={np.abs(exported - reference).max():.2e} "
                f"test_accuracy_export={np.mean(exported.argmax(1) == self.data.y_test):.4f}")
        message = f"Exported {Path(path).name}; parity check passed"
        self.status_changed.emit(message)
        self.model_exported.emit(message, line)

    @property
    def is_exporting(self) -> bool:
        return "export" in self._busy_reasons

    def predict(self, images):
        return None if self._model is None else self._model(images)

    def request_prediction(self, images) -> int:
        request_id = next(self._request_ids)
        images = np.array(images, dtype=np.float32)
        # Answered by whatever model is current when the answer is made, as on the model thread.
        self._later.emit(lambda: self.prediction_ready.emit(request_id, self.predict(images)))
        return request_id

    # ---- My drawings: the real store, numpy predictions -----------------------------------------

    def add_drawing(self, digit, label, *, canvas=None, prediction=None, pen_width=None) -> bool:
        return self._change_drawings(lambda: self.drawings.add(digit, label, canvas=canvas, prediction=prediction,
                                                               pen_width=pen_width))

    def delete_drawing(self, drawing_id) -> bool:
        return self._change_drawings(lambda: self.drawings.delete(drawing_id))

    def undo_last_drawing(self) -> bool:
        return self._change_drawings(lambda: self.drawings.undo_last() is not None)

    def import_drawings(self, path):
        count = []
        if self._change_drawings(lambda: count.append(self.drawings.import_npz(path)) or True):
            return count[0]
        return None

    def export_drawings(self, path):
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
        if self.model_info is None or not len(self.drawings):
            return
        version, generation = self.model_info.version, self._drawings_generation

        def answer():
            if (self._model is None or self.model_info is None or self.model_info.version != version
                    or generation != self._drawings_generation):
                return
            self.drawing_predictions = Predictions.of(self._model(self.drawings.arrays()[0]))
            self.drawing_predictions_ready.emit(version, self.drawing_predictions)

        self._later.emit(answer)

    def fine_tune(self) -> bool:
        """Starts a Train more run of two epochs that the test plays; ``finish_training`` reports a
        fine-tune outcome (the new model used, Undo fine-tune = keep_previous_model)."""
        if len(self.drawings) < 2:
            self.training_failed.emit("Fine-tuning needs some of your drawings: label a few on the Draw Pad first.")
            return False
        if not self.train_more(2, train_size=FIT_IMAGES, drawings_share=0.25):
            return False
        self.last_run_args["fine_tune"] = True
        return True

    # ---- training: the test plays the training thread --------------------------------------------

    def start_training(self, config: ModelConfig, *, train_size: int | None = None,
                       drawings_share: float | None = None) -> bool:
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
        x, y = self._training_set(train_size, drawings_share)
        self._begin(TrainingPlan(config, len(x), len(self.data.x_test), config.epochs,
                                 -(-len(x) // config.batch_size)), x, y)
        return True

    def _training_set(self, train_size, drawings_share):
        from mnist_gui.core.drawings import mix

        x, y = self.data.x_train, self.data.y_train
        if train_size:
            x, y = x[:train_size], y[:train_size]
        self.last_run_args = {"drawings_share": drawings_share, "fine_tune": False}
        if drawings_share and len(self.drawings):
            x, y = mix(x, y, *self.drawings.arrays(), drawings_share)
        return x, y

    def train_more(self, epochs: int, *, config: ModelConfig | None = None, train_size: int | None = None,
                   drawings_share: float | None = None) -> bool:
        info = self.model_info
        if info is None:
            self.training_failed.emit("There is no model to train more: train one or open a model file.")
            return False
        if self.is_training:
            self.training_failed.emit("Training is already running.")
            return False
        base = ModelConfig.from_dict(info.config) if info.config else (config or ModelConfig(preset="mlp"))
        if info.config and config is not None:  # as the real service: how it trains may change
            base = base.replace(batch_size=config.batch_size, augment=config.augment)
        base = base.replace(epochs=epochs)
        x, y = self._training_set(train_size, drawings_share)
        first = info.epoch or 0
        history = dict(info.metadata.get("history") or {})
        self._begin(TrainingPlan(base, len(x), len(self.data.x_test), first + epochs,
                                 -(-len(x) // base.batch_size), first, history), x, y)
        self._history = {k: list(v) for k, v in history.items()}
        return True

    def _begin(self, plan, x, y):
        self._train_x, self._train_y = x, y
        self._plan = plan
        self._first_epoch = plan.first_epoch
        self._history, self._epochs_done, self._run_model = {}, plan.first_epoch, None
        self._previous = (self._model, self.model_info) if self.model_info is not None else None
        self.outcome = None
        self.stop_requested = False
        self._set_busy("training", True)
        self.training_started.emit(plan)

    def stop_training(self):
        self.stop_requested = True

    @property
    def plan(self) -> TrainingPlan | None:
        return self._plan

    @property
    def run_title(self) -> str:
        config = self._plan.config
        return PRESET_TITLES.get(config.preset, config.preset)

    def run_batches(self, *done: int):
        """Test helper: batch progress within the current epoch (``done`` counts of its batches)."""
        for count in done or (self._plan.total_batches,):
            assert 0 < count <= self._plan.total_batches, "more batches than an epoch has"
            self.batch_progress.emit(self._epochs_done, count, self._plan.total_batches,
                                     {"loss": 1.0 / (1 + self._epochs_done)})

    def end_epoch(self) -> dict:
        """Test helper: the current epoch ends; returns its logs.

        Epoch k's model is the centroids of the first 100·2^k training images: it improves from
        epoch to epoch. Its logs are measured, not made up. As in the real service, the epoch's
        model reaches predictions a moment later (``model_changed``, then ``test_predictions_ready``).
        """
        epoch = self._epochs_done
        n = min(len(self._train_x), 100 * 2 ** epoch)
        model = NumpyModel.centroids(self._train_x[:n], self._train_y[:n])
        logs = {}
        train = slice(0, FIT_IMAGES)  # the training metrics on a slice, to stay quick
        for prefix, x, y in (("", self._train_x[train], self._train_y[train]),
                             ("val_", self.data.x_test, self.data.y_test)):
            probs = model(x)
            logs[prefix + "loss"] = float(-np.mean(np.log(probs[np.arange(len(y)), y] + 1e-7)))
            logs[prefix + "accuracy"] = float(np.mean(probs.argmax(axis=1) == y))
        self._epochs_done, self._run_model = epoch + 1, model
        for key, value in logs.items():
            self._history.setdefault(key, []).append(value)
        config = self._plan.config
        self._install(model, ModelInfo(name=f"{self.run_title} (training)", version=next(self._versions),
                                       preset=config.preset, config=config.to_dict(),
                                       test_accuracy=logs["val_accuracy"], training=True, epoch=epoch + 1))
        self.epoch_finished.emit(epoch, logs)
        return logs

    def finish_training(self, stopped: bool | None = None):
        """Test helper: the run ends (stopped if ``stop_training`` was asked, unless told otherwise).
        As the real service does, the better of the new and the previous model stays in use."""
        stopped = self.stop_requested if stopped is None else stopped
        config, model, epochs = self._plan.config, self._run_model, self._epochs_done
        history = {key: list(values) for key, values in self._history.items()}
        previous = self._previous
        self._end()
        if model is not None:
            new = ModelInfo(name=f"{PRESET_TITLES.get(config.preset, config.preset)}, {epochs} epochs",
                            version=next(self._versions), preset=config.preset, config=config.to_dict(),
                            test_accuracy=history["val_accuracy"][-1], epoch=epochs,
                            metadata={"epochs_run": epochs, "history": history}, unsaved=True)
            self._install(model, new)
            if previous is not None:
                using_new = not (previous[1].test_accuracy or 0) > new.test_accuracy
                fine_tune = None
                if (self.last_run_args or {}).get("fine_tune"):
                    using_new = True  # as the real service: a fine-tuned model is used, Undo is one click
                    x, y = self.drawings.arrays()
                    before, after = previous[1].test_accuracy, new.test_accuracy
                    fine_tune = {"taught": len(y), "held_out": len(y), "mnist_before": before, "mnist_after": after,
                                 "held_out_before": float(np.mean(previous[0](x).argmax(1) == y)),
                                 "held_out_after": float(np.mean(model(x).argmax(1) == y)),
                                 "mnist_dropped": before is not None and before - after > 0.003}
                self.outcome = TrainingOutcome(new=new, previous=previous[1], using_new=using_new, stopped=stopped,
                                               fine_tune=fine_tune)
                self._candidates = {True: (model, new), False: previous}
                if not using_new:
                    self._install(*self._restored(previous))
                self._later.emit(lambda: self.training_outcome.emit(self.outcome))
        run_history = {k: v[self._first_epoch:] if len(v) > self._first_epoch else v for k, v in history.items()}
        self.training_finished.emit(run_history, stopped)

    def _restored(self, candidate):
        model, info = candidate
        return model, replace(info, version=next(self._versions), training=False)

    def use_new_model(self):
        self._choose(True)

    def keep_previous_model(self):
        self._choose(False)

    def _choose(self, new: bool):
        if self.outcome is None or self.is_training or self.outcome.using_new == new:
            return
        self.outcome = replace(self.outcome, using_new=new)
        self._install(*self._restored(self._candidates[new]))
        self.training_outcome.emit(self.outcome)

    def fail_training(self, message: str):
        """Test helper: the run failed; the model from before the run is in use again."""
        previous = self._previous
        self._end()
        if previous is not None:
            self._install(*self._restored(previous))
            message += " The previous model is kept."
        self.training_failed.emit(message)

    @property
    def has_unsaved_model(self) -> bool:
        return self.model_info is not None and self.model_info.unsaved

    @property
    def is_saving(self) -> bool:
        return "save" in self._busy_reasons

    def request_inside(self, kind: str, **args) -> int:
        """The Inside tab's views need a Keras model: the fake answers that it has none
        (tests/test_inside_tab.py drives that tab with numpy results of its own)."""
        request_id = next(self._request_ids)
        self._later.emit(lambda: self.inside_ready.emit(
            request_id, kind, RuntimeError("the fake service computes no inside views")))
        return request_id

    def _other(self):
        """(model, info) the real service keeps beside the current one: the model from before a run
        while it trains, or the one not chosen after it; else None."""
        if self.outcome is not None:
            return self._candidates[not self.outcome.using_new]
        if self.is_training:
            return self._previous
        return None

    def request_robustness(self, kind: str, **args) -> int:
        """The real core.robustness jobs on the numpy models, a step per event as on the model thread
        (partial curves come as they are made; a model change midway ends the job with Superseded)."""
        from mnist_gui.core import robustness

        request_id = next(self._request_ids)
        answer = lambda result: self.robustness_ready.emit(request_id, kind, result)

        def start():
            if self._model is None:
                answer(ValueError("No model yet: train one or open a model file."))
                return
            models = [robustness.Model("current", self.model_info.name, self._model)]
            other = self._other()
            if other is not None and other[0] is not None and other[0] is not self._model:
                models.append(robustness.Model("other", other[1].name, other[0]))
            try:
                job = robustness.compute(kind, models, **args)
            except Exception as exc:
                answer(exc)
                return
            step(job, self.model_info.version)

        def step(job, version):
            if self.model_info is None or self.model_info.version != version:
                answer(robustness.Superseded("The model changed while this view was computed."))
                return
            try:
                partial = next(job)
            except StopIteration as done:
                answer(done.value)
                return
            except Exception as exc:
                answer(exc)
                return
            if partial is not None:
                answer(partial)
            self._later.emit(lambda: step(job, version))

        self._later.emit(start)
        return request_id

    def versions(self) -> list[str]:
        return ["TensorFlow: fake", "Keras: fake"] if self.backend_is_ready else ["TensorFlow: still loading"]

    def _end(self):
        self._plan = None
        self._set_busy("training", False)

    def shutdown(self, timeout_ms: int = 0) -> bool:
        self._closed = True
        return True
