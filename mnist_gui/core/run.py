"""One training run, for the CLI and the app alike (no Qt): data, model, schedule, divergence, and
the one metadata record every model file's sidecar holds.

``train`` builds a new model from a config, or continues an existing one ("Train more": from its
weights and optimizer state, epochs counting on), and reports through ``core.training.Progress``.
"""

from __future__ import annotations

import threading
from typing import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from . import trainers, training
from .drawings import mix
from .models import PRESETS, ModelConfig, build_model, make_optimizer, training_policy


DRAWINGS_SHARE = 0.05   # of each epoch's images, by default, when the user's drawings are included

# "Fine-tune on my drawings": a short run that continues the current model on part of MNIST (so it
# does not forget it) and the drawings, oversampled, each repeat a random variant (augmented), with
# batch norm frozen. Chosen with benchmarks/personal_style.py: augmenting the MNIST images too, or
# updating batch norm, cost the bundled CNN 0.4-0.8 points of test accuracy.
FINE_TUNE_EPOCHS = 1
FINE_TUNE_MNIST = 8_000         # the first N training images
FINE_TUNE_SHARE = 0.2           # of the run's images are drawings
FINE_TUNE_LR_SCALE = 0.2        # of the model's own learning rate
HELD_OUT_FRACTION = 0.3         # of each digit's drawings never taught, to measure on
MNIST_DROP_LIMIT = 0.003        # a larger fall in test accuracy is reported (0.3 points)


FINE_TUNE_ARGS = {"freeze_batch_norm": True, "augment_drawings": True}


def fine_tune_config(config: ModelConfig) -> ModelConfig:
    """The short, gentle run that fine-tuning continues a model with (with ``FINE_TUNE_ARGS``)."""
    return config.replace(epochs=FINE_TUNE_EPOCHS, learning_rate=config.learning_rate * FINE_TUNE_LR_SCALE,
                          schedule="constant")


@dataclass
class RunOutcome:
    """What a run leaves: the model (None only when a new model diverged before any good epoch),
    this run's TrainResult, the model's whole history and its sidecar record."""

    model: object | None
    result: training.TrainResult
    history: dict[str, list[float]]
    first_epoch: int                 # 0-based epoch this run started at
    metadata: dict = field(default_factory=dict)
    kept_epoch: int | None = None    # after divergence: the epoch (1-based) whose weights were kept

    @property
    def epochs_total(self) -> int:
        return self.first_epoch + self.result.epochs_run

    @property
    def stopped(self) -> bool:
        return self.result.stopped

    @property
    def diverged(self) -> bool:
        return self.result.diverged

    @classmethod
    def nothing_trained(cls) -> "RunOutcome":
        """A run stopped before its first step: no model, no epoch (``core.train_process``)."""
        return cls(model=None, result=training.TrainResult(stopped=True), history={}, first_epoch=0)


def train(config: ModelConfig, data, *, model=None, prior: dict | None = None, epochs: int | None = None,
          train_size: int | None = None, progress: training.Progress | None = None,
          stop_event: threading.Event | None = None, fast: bool = True, keep_optimizer: bool = True,
          on_model: Callable | None = None, callbacks=(), drawings=None,
          drawings_share: float = DRAWINGS_SHARE, held_out=None, freeze_batch_norm: bool = False,
          augment_drawings: bool = False, stop_keeps_last_epoch: bool = False, live=None,
          drawing_strokes=None, label_smoothing: float | None = None) -> RunOutcome:
    """Train for ``epochs`` (default ``config.epochs``) epochs and return what the run leaves.

    ``model`` None: a new model from ``config``. Otherwise the model is continued: ``prior`` is its
    sidecar record (epochs so far, history, seconds); its optimizer and that optimizer's state are
    kept when ``keep_optimizer`` (a model the app built and saved), else it is compiled afresh
    with ``config``'s optimizer (any other 28×28→10 model). ``on_model(model)`` is called with the
    model training is about to change (it may compute in bfloat16: see
    ``core.trainers.float32_clone``). On divergence the weights of the last good epoch are kept
    (with a fresh optimizer, its state being non-finite too); a new model with no good epoch leaves
    ``model`` None.

    ``drawings`` (images, labels) — the user's own — join the training images, repeated to make
    ``drawings_share`` of them (``core.drawings.mix``). ``held_out`` (images, labels), drawings the
    run never trains on, are scored before and after: the sidecar's ``drawings`` record says how
    the run did on them. ``freeze_batch_norm`` (a continued model) keeps its batch-norm layers as
    they are (Keras' advice for fine-tuning): their statistics, learned on MNIST, would otherwise
    drift towards a short run's augmented images and cost test accuracy (0.4-0.8 points measured).
    ``augment_drawings``: every repeat of a drawing but the first is a new random variant of it
    (``core.augment``, once, before training), while the MNIST images stay as they are; a drawing
    with its strokes (``drawing_strokes``, one tuple per drawing, () for none) is re-rendered from
    them instead, with another pen and small wobbles (``core.strokes``): a few drawings teach more.

    A stop (``stop_event``) leaves the model with the weights it reached mid-epoch, unless
    ``stop_keeps_last_epoch`` (the CLI's Ctrl-C): then, as on divergence, the weights of the last
    finished epoch are kept, with the optimizer state of that moment, and ``kept_epoch`` says which
    (a new model stopped in its first epoch leaves ``model`` None).

    ``live`` (``core.live.LiveSettings``): the learning rate and augmentation may change as the run
    goes; the changes applied join the sidecar's ``changes``.

    ``label_smoothing`` trains on smoothed targets (default: a new model's preset's, or what the
    continued model's ``prior`` says it was trained with); the model handed out then gets a
    temperature fitted on its training images (``core.calibration.after_label_smoothing``).
    """
    from .storage import compile_for_app

    config.validate()
    prior = dict(prior or {})
    epochs = config.epochs if epochs is None else int(epochs)
    if not 1 <= epochs <= 10_000:
        raise training.TrainingError("epochs: must be from 1 to 10000")
    x, y = data.x_train, data.y_train
    if train_size:
        x, y = x[:train_size], y[:train_size]
    n_mnist = len(x)
    if drawings is not None and len(drawings[1]):
        vary = _augment_copies if augment_drawings else None
        if augment_drawings and drawing_strokes is not None and any(drawing_strokes):
            from .strokes import vary_from_strokes

            vary = vary_from_strokes(drawing_strokes, fallback=_augment_copies)
        x, y = mix(x, y, drawings[0], drawings[1], drawings_share, vary=vary)

    frozen = []
    new_model = model is None
    if model is None:
        model, first_epoch, history = build_model(config), 0, {}
    else:
        first_epoch = int(prior.get("epochs_run") or 0)
        history = {k: list(v) for k, v in (prior.get("history") or {}).items()}
        fresh = make_optimizer(config)
        compile_for_app(model, None if keep_optimizer else fresh, fallback=fresh)
        frozen = [layer for layer in model.layers
                  if freeze_batch_norm and type(layer).__name__ == "BatchNormalization" and layer.trainable]
        if frozen:
            # The optimizer is built for every weight first, so that its state still matches the
            # model (and the copy handed out) once batch norm trains again.
            if not model.optimizer.built:
                model.optimizer.build(model.trainable_variables)
            for layer in frozen:
                layer.trainable = False
            compile_for_app(model, model.optimizer)  # the train step only updates what is trainable
    # The run trains a kept model of this architecture, its steps compiled by an earlier run
    # (see core.trainers), and hands out a copy: every new model's steps stay compiled forever.
    # The trainer may compute in bfloat16 (training_policy); the copy handed out is float32.
    # A model with frozen batch norm is trained itself and not kept (a one-off fine-tune); its copy
    # is made at the end, once batch norm trains again.
    trainer, key = (model, None) if frozen else trainers.POOL.take(model, training_policy(config))
    handed_out = None if frozen else trainers.blank_copy(model)
    if on_model is not None:
        on_model(trainer)

    held_before = None if held_out is None else drawings_accuracy(model, *held_out)

    rate = getattr(trainer.optimizer, "learning_rate", None)
    if hasattr(rate, "assign"):  # a kept optimizer starts from the config's rate (the schedule may move it)
        rate.assign(config.learning_rate)
    keeper = _GoodWeights(progress, trainer if stop_keeps_last_epoch else None)
    start_weights = None if first_epoch == 0 else trainer.get_weights()
    start_state = keeper.optimizer_state() if stop_keeps_last_epoch and first_epoch else None
    schedule = step_schedule = None
    if config.schedule == "one_cycle":
        step_schedule = config.lr_at_step
    elif config.schedule != "constant":
        schedule = lambda epoch: config.lr_at_epoch(epoch, first_epoch, epochs)  # noqa: E731
    augment = config.augment
    smoothing = label_smoothing
    if smoothing is None:  # a new model as its preset trains; a continued one as it was trained
        smoothing = PRESETS[config.preset].label_smoothing if new_model else float(prior.get("label_smoothing") or 0)
    if live is not None:  # a rate set by hand holds over the schedule for the rest of the run
        callbacks = (*callbacks, live.callback())
        schedule, step_schedule = live.over(schedule), live.over(step_schedule)
        switch = live.augment_switch()
        augment = augment if switch is None else switch
    result = training.fit(trainer, x, y, validation_data=(data.x_test, data.y_test),
                          epochs=first_epoch + epochs, initial_epoch=first_epoch,
                          batch_size=config.batch_size, progress=keeper, stop_event=stop_event,
                          lr_at_epoch=schedule, lr_at_step=step_schedule, fast=fast, augment=augment,
                          weight_average=PRESETS[config.preset].weight_average, callbacks=callbacks,
                          label_smoothing=smoothing)
    for name, values in result.history.items():
        history.setdefault(name, []).extend(values)

    for layer in frozen:
        layer.trainable = True  # the copy trains on as the model did (Train more compiles it again)
    kept_epoch = None
    if handed_out is None:
        model = trainers.copy_model(trainer)
    else:
        trainers.copy_state(trainer, handed_out)
        model = handed_out
    trainers.POOL.give_back(key, trainer)
    if result.diverged:
        good = keeper.weights if keeper.weights is not None else start_weights
        if good is None:
            model = None
        else:
            model.set_weights(good)
            compile_for_app(model, make_optimizer(config))
            kept_epoch = first_epoch + result.epochs_run
    elif result.stopped and stop_keeps_last_epoch:
        good, state = (keeper.weights, keeper.state) if keeper.weights is not None else (start_weights, start_state)
        if good is None:
            model = None
        else:
            model.set_weights(good)
            for variable, value in zip(trainers._optimizer_variables(model), state or ()):
                variable.assign(value)
            kept_epoch = first_epoch + result.epochs_run
    outcome = RunOutcome(model, result, history, first_epoch, kept_epoch=kept_epoch)
    outcome.metadata = run_metadata(config, data, outcome, n_mnist, prior)
    if smoothing and model is not None:
        from .calibration import after_label_smoothing

        outcome.metadata["label_smoothing"] = smoothing
        # After a Stop too, which has a second to land: see calibration.prepare
        outcome.metadata["calibration"] = after_label_smoothing(model, x[:n_mnist], y[:n_mnist], seed=config.seed)
    # How this run's steps computed (the model itself always computes in float32 afterwards).
    outcome.metadata["compute_dtype"] = trainers.compute_dtype(trainer)
    changes = [c for c in prior.get("changes") or () if isinstance(c, dict)] + (live.applied if live else [])
    if changes:
        outcome.metadata["changes"] = changes
    if drawings is not None and len(drawings[1]):
        record = {"taught": int(len(drawings[1])), "share": float(drawings_share), "images": int(len(y) - n_mnist)}
        if held_out is not None:
            record.update(held_out=int(len(held_out[1])), held_out_before=held_before,
                          held_out_after=None if model is None else drawings_accuracy(model, *held_out))
        outcome.metadata["drawings"] = record
    return outcome


def _augment_copies(images):
    """Random variants of uint8 images (core.augment's layers, as in training)."""
    import numpy as np

    from .augment import augmenter

    out = augmenter(seed=int(np.random.randint(2**31)))(images.astype(np.float32), training=True)
    return np.clip(np.rint(np.asarray(out)), 0, 255).astype(np.uint8)


def drawings_accuracy(model, x, y) -> float | None:
    """The share of these images the model reads right (None for none)."""
    import numpy as np

    from .training import predict_probabilities

    if not len(y):
        return None
    return float(np.mean(predict_probabilities(model, x).argmax(axis=1) == np.asarray(y)))


class _GoodWeights(training.Progress):
    """Passes progress on and keeps the weights of the last epoch that ended with finite values."""

    def __init__(self, inner: training.Progress | None, trainer=None):
        self.inner, self.weights = inner, None
        self.trainer, self.state = trainer, None  # with a trainer: its optimizer state at each epoch end

    def optimizer_state(self) -> list:
        return [variable.numpy().copy() for variable in trainers._optimizer_variables(self.trainer)]

    def on_batch(self, epoch, batches_done, total_batches, logs):
        if self.inner is not None:
            self.inner.on_batch(epoch, batches_done, total_batches, logs)

    def on_epoch(self, epoch, logs, weights):
        self.weights = weights
        if self.trainer is not None:
            self.state = self.optimizer_state()
        if self.inner is not None:
            self.inner.on_epoch(epoch, logs, weights)


def run_metadata(config: ModelConfig, data, outcome: RunOutcome, train_size: int, prior: dict | None = None) -> dict:
    """The sidecar record of a trained model: what it is, how and on what it was trained, how well
    it did. One schema for every writer (CLI, app)."""
    from .data import MNIST_SHA256

    prior = prior or {}
    final = {k: v[-1] for k, v in outcome.history.items() if v}
    # A run stopped mid-epoch holds weights no validation saw (unless those of its last finished
    # epoch were kept): its accuracy is measured anew.
    unseen = outcome.stopped and outcome.kept_epoch is None
    interrupted = unseen or outcome.diverged
    accuracy = None if unseen else final.get("val_accuracy")
    return {
        "preset": config.preset,
        "config": config.to_dict(),
        "epochs_run": outcome.kept_epoch if outcome.kept_epoch else outcome.epochs_total,
        "train_size": train_size,
        "test_accuracy": accuracy,
        "test_loss": None if interrupted else final.get("val_loss"),
        "train_seconds": round(float(prior.get("train_seconds") or 0.0) + outcome.result.seconds, 1),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "data_source": data.source,
        "data_verified": data.verified,
        "data_sha256": MNIST_SHA256 if data.verified else None,
        "history": {k: [round(float(v), 6) for v in vals] for k, vals in outcome.history.items()},
        "stopped": outcome.stopped,
    }

