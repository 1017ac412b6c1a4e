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
from .models import ModelConfig, build_model, make_optimizer


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


def train(config: ModelConfig, data, *, model=None, prior: dict | None = None, epochs: int | None = None,
          train_size: int | None = None, progress: training.Progress | None = None,
          stop_event: threading.Event | None = None, fast: bool = True, keep_optimizer: bool = True,
          on_model: Callable | None = None, callbacks=()) -> RunOutcome:
    """Train for ``epochs`` (default ``config.epochs``) epochs and return what the run leaves.

    ``model`` None: a new model from ``config``. Otherwise the model is continued: ``prior`` is its
    sidecar record (epochs so far, history, seconds); its optimizer and that optimizer's state are
    kept when ``keep_optimizer`` (a model the app built and saved), else it is compiled afresh
    with ``config``'s optimizer (any other 28×28→10 model). ``on_model(model)`` is called once the
    model exists, before training starts. On divergence the weights of the last good epoch are
    kept (with a fresh optimizer, its state being non-finite too); a new model with no good epoch
    leaves ``model`` None.
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

    if model is None:
        model, first_epoch, history = build_model(config), 0, {}
    else:
        first_epoch = int(prior.get("epochs_run") or 0)
        history = {k: list(v) for k, v in (prior.get("history") or {}).items()}
        fresh = make_optimizer(config)
        compile_for_app(model, None if keep_optimizer else fresh, fallback=fresh)
    # The run trains a kept model of this architecture, its steps compiled by an earlier run
    # (see core.trainers), and hands out a copy: every new model's steps stay compiled forever.
    trainer, key = trainers.POOL.take(model)
    handed_out = trainers.blank_copy(trainer)
    if on_model is not None:
        on_model(trainer)

    rate = getattr(trainer.optimizer, "learning_rate", None)
    if hasattr(rate, "assign"):  # a kept optimizer starts from the config's rate (the schedule may move it)
        rate.assign(config.learning_rate)
    keeper = _GoodWeights(progress)
    start_weights = None if first_epoch == 0 else trainer.get_weights()
    schedule = step_schedule = None
    if config.schedule == "one_cycle":
        step_schedule = config.lr_at_step
    elif config.schedule != "constant":
        schedule = lambda epoch: config.lr_at_epoch(epoch, first_epoch, epochs)  # noqa: E731
    result = training.fit(trainer, x, y, validation_data=(data.x_test, data.y_test),
                          epochs=first_epoch + epochs, initial_epoch=first_epoch,
                          batch_size=config.batch_size, progress=keeper, stop_event=stop_event,
                          lr_at_epoch=schedule, lr_at_step=step_schedule, fast=fast, augment=config.augment,
                          callbacks=callbacks)
    for name, values in result.history.items():
        history.setdefault(name, []).extend(values)

    kept_epoch = None
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
    outcome = RunOutcome(model, result, history, first_epoch, kept_epoch=kept_epoch)
    outcome.metadata = run_metadata(config, data, outcome, len(x), prior)
    return outcome


class _GoodWeights(training.Progress):
    """Passes progress on and keeps the weights of the last epoch that ended with finite values."""

    def __init__(self, inner: training.Progress | None):
        self.inner, self.weights = inner, None

    def on_batch(self, epoch, batches_done, total_batches, logs):
        if self.inner is not None:
            self.inner.on_batch(epoch, batches_done, total_batches, logs)

    def on_epoch(self, epoch, logs, weights):
        self.weights = weights
        if self.inner is not None:
            self.inner.on_epoch(epoch, logs, weights)


def run_metadata(config: ModelConfig, data, outcome: RunOutcome, train_size: int, prior: dict | None = None) -> dict:
    """The sidecar record of a trained model: what it is, how and on what it was trained, how well
    it did. One schema for every writer (CLI, app)."""
    from .data import MNIST_SHA256

    prior = prior or {}
    final = {k: v[-1] for k, v in outcome.history.items() if v}
    interrupted = outcome.stopped or outcome.diverged
    # A run stopped mid-epoch holds weights no validation saw: its accuracy is measured anew.
    accuracy = None if outcome.stopped else final.get("val_accuracy")
    return {
        "preset": config.preset,
        "config": config.to_dict(),
        "epochs_run": outcome.kept_epoch if outcome.diverged and outcome.kept_epoch else outcome.epochs_total,
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

