"""The app's state and rules, without Qt or TensorFlow: which model is current, what a run trains,
which result is kept, what the UI is told about a model. Unit-tested on its own
(tests/test_session.py); ``service.ModelService`` is the Qt adapter that carries its decisions out
on the model and training threads and re-emits them as signals.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from .core.drawings import DrawingStore, held_out_split, mixed_size
from .core.metrics import Predictions
from .core.models import PRESETS, ConfigError, ModelConfig, preset_title


class SessionError(Exception):
    """A request the rules refuse; its message is one line for the user."""


@dataclass(frozen=True)
class DatasetInfo:
    source: str
    location: str
    verified: bool
    n_train: int
    n_test: int


def _number(value, kind=(int, float)):
    return value if isinstance(value, kind) and not isinstance(value, bool) else None


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
    note: str = ""                   # what the model contract says beyond the usual (e.g. logits)

    @classmethod
    def from_sidecar(cls, path, version: int, meta: dict, problem: str | None = None, **more) -> ModelInfo:
        """The one reading of a model file's sidecar record (its fields are informative only);
        ``problem``: what was damaged in it and ignored (shown with the model)."""
        config = meta.get("config")
        if problem:
            more["note"] = "its sidecar was damaged: some facts about it are not shown"
        return cls(name=Path(path).stem, version=version, preset=meta.get("preset") if isinstance(
                       meta.get("preset"), str) else None,
                   config=config if isinstance(config, dict) else {}, path=str(path),
                   test_accuracy=_number(meta.get("test_accuracy")),
                   drawn_accuracy=_number(meta.get("drawn_accuracy")),
                   epoch=_number(meta.get("epochs_run"), int), metadata=dict(meta), **more)

    def sidecar(self) -> dict:
        """What the app knows about the model beyond its sidecar (an unsaved model has only this)."""
        facts = {"name": self.name, "preset": self.preset, "config": self.config,
                 "test_accuracy": self.test_accuracy, "epochs_run": self.epoch}
        return {**self.metadata, **{k: v for k, v in facts.items() if v is not None and v != {}}}


@dataclass(frozen=True)
class TrainingPlan:
    config: ModelConfig
    n_train: int                 # images per epoch (MNIST and the user's drawings, repeated)
    n_test: int
    epochs: int                  # this run's epochs
    total_batches: int           # per epoch
    first_epoch: int = 0         # epochs the model had before this run (Train more)
    history: dict = field(default_factory=dict)  # its per-epoch history before this run

    @property
    def end_epoch(self) -> int:
        """The epoch the run ends at, counted over the model's whole training."""
        return self.first_epoch + self.epochs

    @property
    def continued(self) -> bool:
        return self.first_epoch > 0 or bool(self.history)


@dataclass(frozen=True)
class FineTuneReport:
    """"Fine-tune on my drawings": held-out drawings and test accuracy before and after."""

    taught: int
    held_out: int
    mnist_before: float | None
    mnist_after: float | None = None
    held_out_before: float | None = None
    held_out_after: float | None = None

    @property
    def mnist_dropped(self) -> bool:
        from .core.run import MNIST_DROP_LIMIT

        before, after = self.mnist_before, self.mnist_after
        return before is not None and after is not None and before - after > MNIST_DROP_LIMIT


@dataclass(frozen=True)
class TrainingOutcome:
    """After a run: the new model and the one from before, and which of the two is in use."""

    new: ModelInfo
    previous: ModelInfo | None
    using_new: bool
    stopped: bool
    message: str = ""
    fine_tune: FineTuneReport | None = None


@dataclass(frozen=True)
class RunRequest:
    """What one run trains: everything ``core.run.train`` is given besides the data."""

    plan: TrainingPlan
    continues: bool = False      # the current model, handed over by the model thread
    keep_optimizer: bool = True
    prior: dict = field(default_factory=dict)
    train_size: int | None = None
    run_args: dict = field(default_factory=dict)  # drawings, their share, held-out drawings, fine-tune flags
    fine_tune: FineTuneReport | None = None


@dataclass(frozen=True)
class RunEnd:
    """A run's end as the app sees it: the model to install (None: the previous model comes back)."""

    info: ModelInfo | None
    message: str = ""            # said as a failure (divergence), or ""
    history: dict | None = field(default_factory=dict)  # None: stopped before training began
    stopped: bool = False
    fine_tune: FineTuneReport | None = None


class Session:
    """The app's state; every method is a rule, called on the UI thread by the service."""

    def __init__(self, drawings: DrawingStore | None = None):
        self._versions = itertools.count(1)
        self.backend_ready = False
        self.data = None                         # core.data.MnistData
        self.dataset_info: DatasetInfo | None = None
        self.model_info: ModelInfo | None = None
        self.test_predictions: Predictions | None = None  # for model_info.version
        self.outcome: TrainingOutcome | None = None  # the last run's, while both models are kept
        self.run: RunRequest | None = None       # the run in progress
        self._run_end: int | None = None         # the epoch the last run was to end at
        self._previous: ModelInfo | None = None  # the model in use when the run started
        self._ended: RunEnd | None = None        # a finished run waiting for its test accuracy
        self._fast: ModelInfo | None = None      # the LiteRT stand-in's info, until handed over
        self.drawings = drawings if drawings is not None else DrawingStore()
        self.drawing_predictions: Predictions | None = None
        self.drawings_generation = 0

    def next_version(self) -> int:
        return next(self._versions)

    # ---- data ------------------------------------------------------------------------------------

    def dataset_loaded(self, data) -> DatasetInfo:
        self.data = data
        self.dataset_info = DatasetInfo(data.source, str(data.location), data.verified,
                                        len(data.x_train), len(data.x_test))
        self.test_predictions = None
        return self.dataset_info

    # ---- opening models ----------------------------------------------------------------------------

    def fast_start_info(self, path, sidecar: tuple[dict, str | None]) -> ModelInfo:
        """The info of a LiteRT stand-in for model file ``path`` (TensorFlow's model takes over later);
        ``sidecar``: its sidecar's fields and what was damaged in it (``storage.read_sidecar``)."""
        self._fast = ModelInfo.from_sidecar(path, self.next_version(), *sidecar, fast_start=True)
        return self._fast

    def opening_info(self, path, sidecar_reader) -> ModelInfo:
        """The info a model file opens under. The fast start's handover keeps its version and its
        sidecar reading (once); opening any file later is a new version."""
        fast, self._fast = self._fast, None
        current = self.model_info
        if (fast is not None and fast.path == str(path) and current is not None
                and current.version == fast.version and current.fast_start):
            return replace(fast, fast_start=False)
        return ModelInfo.from_sidecar(path, self.next_version(), *sidecar_reader(path))

    def in_memory_info(self, name: str, config: ModelConfig | None = None) -> ModelInfo:
        return ModelInfo(name=name, version=self.next_version(), preset=config.preset if config else None,
                         config=config.to_dict() if config else {})

    def save_record(self, path) -> dict:
        """The sidecar record a save writes."""
        info = self.model_info
        if info is None:
            return {}
        return {**info.sidecar(), "name": Path(path).stem}

    def installed(self, info: ModelInfo) -> tuple[ModelInfo, str]:
        """A model became current on the model thread: its info as shown, and the status line."""
        current = self.model_info
        if current is None or current.version != info.version:
            self.test_predictions = None
        elif self.test_predictions is not None:  # the fast start's handover: same model, same predictions
            info = replace(info, test_accuracy=current.test_accuracy)
        self.model_info = info
        if info.training and self._run_end is not None:
            status = f"Training: epoch {info.epoch} of {self._run_end} done"
        elif info.fast_start:
            status = f"Model: {info.name} (fast start: LiteRT while TensorFlow loads)"
        else:
            status = f"Model: {info.name}"
        return info, status

    def saved(self, info: ModelInfo) -> ModelInfo:
        self.model_info = info
        return info

    def forget_outcome(self) -> bool:
        """A new model or run ends the choice between the last run's two models; True if there was one."""
        had, self.outcome = self.outcome is not None, None
        return had

    # ---- test-set predictions and the choice after a run -----------------------------------------

    def test_predicted(self, version: int, images, predictions: Predictions) -> bool:
        """Keep these predictions if they are the current model's on the current test set."""
        info, data = self.model_info, self.data
        if info is None or version != info.version or data is None or images is not data.x_test:
            return False
        self.test_predictions = predictions
        accuracy = float(np.mean(predictions.labels == data.y_test))
        if info.test_accuracy != accuracy and not info.training:
            self.model_info = replace(info, test_accuracy=accuracy)
        return True

    def decide(self) -> tuple[TrainingOutcome | None, bool]:
        """Once a finished run's model has its test accuracy: keep whichever of it and the model from
        before scores better (a fine-tune's model is kept even a little worse: it is for the
        drawings). Returns the outcome (None: nothing to choose between) and whether to swap."""
        ended = self._ended
        if ended is None or self.model_info is None or ended.info.version != self.model_info.version:
            return None, False
        self._ended = None
        new, previous = self.model_info, self._previous
        fine_tune, message = ended.fine_tune, ended.message
        using_new = not (previous is not None and previous.test_accuracy is not None
                         and new.test_accuracy is not None and previous.test_accuracy > new.test_accuracy)
        if fine_tune is not None:
            using_new = True
            fine_tune = replace(fine_tune, mnist_after=new.test_accuracy)
            if fine_tune.mnist_dropped and not message:
                before, after = fine_tune.mnist_before, fine_tune.mnist_after
                message = (f"Fine-tuning cost {100 * (before - after):.2f} points of test accuracy "
                           f"({before:.2%} → {after:.2%}); Undo fine-tune brings the previous model back.")
        if previous is None:
            return None, False
        self.outcome = TrainingOutcome(new=new, previous=previous, using_new=using_new, stopped=ended.stopped,
                                       message=message, fine_tune=fine_tune)
        return self.outcome, not using_new

    def choose(self, new: bool) -> bool:
        """"Use new model" / "Keep previous model": True if the models must swap."""
        if self.outcome is None or self.run is not None or self.outcome.using_new == new:
            return False
        self.outcome = replace(self.outcome, using_new=new)
        return True

    # ---- what a run trains -------------------------------------------------------------------------

    def _check_can_train(self, config: ModelConfig) -> None:
        if self.run is not None:
            raise SessionError("Training is already running.")
        if self.data is None:
            raise SessionError("The MNIST data is not loaded yet.")
        if not self.backend_ready:
            raise SessionError("TensorFlow is still loading; try again in a moment.")
        try:
            config.validate()
        except ConfigError as exc:
            raise SessionError(str(exc)) from None

    def _plan(self, config: ModelConfig, epochs: int, train_size: int | None, run_args: dict,
              first_epoch: int = 0, history: dict | None = None) -> TrainingPlan:
        n = min(train_size or len(self.data.x_train), len(self.data.x_train))
        drawings = run_args.get("drawings")
        if drawings is not None:
            n = mixed_size(n, len(drawings[1]), run_args["drawings_share"])
        return TrainingPlan(config, n, len(self.data.x_test), epochs, -(-n // config.batch_size), first_epoch,
                            dict(history or {}))

    def _drawings_args(self, share: float | None) -> dict:
        if share is None or share <= 0 or not len(self.drawings):
            return {}
        return {"drawings": self.drawings.arrays(), "drawings_share": float(share)}

    def plan_new(self, config: ModelConfig, train_size: int | None = None,
                 drawings_share: float | None = None) -> RunRequest:
        """Train a new model from ``config``; ``drawings_share``: include My drawings, oversampled."""
        self._check_can_train(config)
        run_args = self._drawings_args(drawings_share)
        return RunRequest(self._plan(config, config.epochs, train_size, run_args), train_size=train_size,
                          run_args=run_args)

    def plan_more(self, epochs: int, config: ModelConfig | None = None, train_size: int | None = None,
                  drawings_share: float | None = None, *, run_args: dict | None = None,
                  fine_tune: bool = False) -> RunRequest:
        """Continue the current model: its weights, its optimizer state (a model the app built) and
        its epoch count go on. A model the app built trains on with its own settings (``config``'s
        batch size and augmentation may change); any other 28×28→10 model with ``config``'s."""
        info = self.model_info
        if info is None:
            raise SessionError("There is no model to train more: train one or open a model file.")
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
        epochs = max(1, int(epochs))
        base = base.replace(epochs=epochs)
        self._check_can_train(base)
        run_args = run_args if run_args is not None else self._drawings_args(drawings_share)
        meta = info.metadata or {}
        first = info.epoch if info.epoch is not None else 0
        history = meta.get("history") if isinstance(meta.get("history"), dict) else {}
        plan = self._plan(base, epochs, train_size, run_args, first, history)
        return RunRequest(plan, continues=True, keep_optimizer=own, prior={**meta, "epochs_run": first},
                          train_size=train_size, run_args=run_args)

    def plan_fine_tune(self) -> RunRequest:
        """A short run on part of MNIST and most of My drawings (oversampled), holding a part of each
        digit's drawings back to measure on; its model is used, and the previous one is one click away."""
        from .core import run

        x, y = self.drawings.arrays()
        if len(y) < 2:
            raise SessionError("Fine-tuning needs some of your drawings: label a few on the Draw Pad first.")
        taught, held = held_out_split(y, run.HELD_OUT_FRACTION)
        run_args = {"drawings": (x[taught], y[taught]), "drawings_share": run.FINE_TUNE_SHARE,
                    "held_out": (x[held], y[held]) if len(held) else None, **run.FINE_TUNE_ARGS}
        strokes = self.drawings.strokes()
        if any(strokes):  # pad drawings kept with their strokes: re-rendered as they repeat
            run_args["drawing_strokes"] = [strokes[i] for i in taught]
        request = self.plan_more(run.FINE_TUNE_EPOCHS, None, run.FINE_TUNE_MNIST, run_args=run_args,
                                 fine_tune=True)
        before = self.model_info.test_accuracy
        return replace(request, fine_tune=FineTuneReport(int(len(taught)), int(len(held)), before))

    # ---- a run's life ---------------------------------------------------------------------------------

    def start_run(self, request: RunRequest) -> None:
        self.forget_outcome()
        self.run, self._previous, self._ended = request, self.model_info, None
        self._run_end = request.plan.end_epoch  # the last epoch's live model may come after the run's end

    @property
    def run_name(self) -> str:
        previous = self._previous
        title = previous.name if self.run.continues and previous else preset_title(self.run.plan.config.preset)
        return f"{title} (training)"

    def epoch_info(self, epoch: int, logs: dict) -> ModelInfo:
        """The live model after ``epoch`` (0-based over the model's whole training)."""
        config = self.run.plan.config
        return ModelInfo(name=self.run_name, version=self.next_version(), preset=config.preset,
                         config=config.to_dict(), test_accuracy=logs.get("val_accuracy"), training=True,
                         epoch=epoch + 1)

    def live_change(self, learning_rate=None, augment=None) -> dict:
        """What a running run may change (``core.live``): the learning rate, from its next step, and
        augmentation, from its next epoch; each only where the run's preset lets the user change it
        (the Seed DNN's rate is the notebook's), augmentation only where the run can switch it."""
        from .core.live import augment_can_change

        if self.run is None:
            raise SessionError("No training is running.")
        config = self.run.plan.config
        editable = PRESETS[config.preset].editable
        changes = {}
        if learning_rate is not None:
            if "learning_rate" not in editable:
                raise SessionError(f"The {preset_title(config.preset)} preset's learning rate cannot change.")
            try:
                changes["learning_rate"] = config.replace(learning_rate=float(learning_rate)).validate().learning_rate
            except (ConfigError, TypeError, ValueError) as exc:
                raise SessionError(str(exc)) from None
        if augment is not None:
            if "augment" not in editable or not augment_can_change(config):
                raise SessionError("Augmentation can be switched during a run only if the run started with it "
                                   "(or on the CNN): stop, check Augment and Train more.")
            changes["augment"] = bool(augment)
        if not changes:
            raise SessionError("Nothing to change.")
        return changes

    def finish_run(self, outcome) -> RunEnd:
        """``outcome``: core.run.RunOutcome. The new model becomes current; once its test accuracy is
        known, ``decide`` compares it with the model from before the run."""
        request, self.run = self.run, None
        if outcome.model is None and outcome.stopped and not outcome.diverged:
            return RunEnd(None, history=None, stopped=True)  # stopped before its first step
        if outcome.model is None:  # diverged before any good epoch
            return RunEnd(None, "Training diverged: the loss became NaN or infinite. Try a lower learning "
                                "rate. The previous model is kept.")
        config, meta = request.plan.config, outcome.metadata
        epochs = meta["epochs_run"]
        info = ModelInfo(name=f"{preset_title(config.preset)}, {epochs} epochs", version=self.next_version(),
                         preset=config.preset, config=config.to_dict(), test_accuracy=meta.get("test_accuracy"),
                         epoch=epochs, metadata=meta, unsaved=True)
        message = ""
        if outcome.diverged:
            message = (f"Training diverged in epoch {outcome.epochs_total + 1} (the loss became NaN or "
                       f"infinite); the model keeps the weights of epoch {outcome.kept_epoch}. "
                       "Try a lower learning rate.")
        fine_tune = request.fine_tune
        if fine_tune is not None:
            record = meta.get("drawings") or {}
            fine_tune = replace(fine_tune, held_out_before=record.get("held_out_before"),
                                held_out_after=record.get("held_out_after"))
        self._ended = RunEnd(info, message, dict(outcome.result.history), outcome.stopped, fine_tune)
        return self._ended

    def fail_run(self, message: str) -> tuple[str, bool]:
        """A run failed: its message, and whether the model from before comes back (it is not a result)."""
        self.run = None
        if self._previous is not None:
            return message + " The previous model is kept.", True
        return message, False

    # ---- My drawings ------------------------------------------------------------------------------------

    def drawings_changed(self) -> None:
        self.drawings_generation += 1
        self.drawing_predictions = None

    def drawings_batch(self) -> tuple[np.ndarray, tuple] | None:
        """Every drawing, padded to a power of two (at least 64: XLA compiles the predictor once per
        batch shape, and one more drawing must not cost a compile), with the key its answer needs."""
        info = self.model_info
        if info is None or not len(self.drawings):
            return None
        images = self.drawings.arrays()[0]
        padded = np.zeros((max(64, 1 << (len(images) - 1).bit_length()), 28, 28), np.float32)
        padded[:len(images)] = images
        return padded, (info.version, self.drawings_generation, len(images))

    def drawings_predicted(self, key: tuple, probs) -> bool:
        version, generation, n = key
        if self.model_info is None or version != self.model_info.version or generation != self.drawings_generation:
            return False  # overtaken: a newer request follows the newer model or drawings
        self.drawing_predictions = Predictions.of(np.asarray(probs)[:n])
        return True
