"""Settings changed while a run goes on (no Qt): the learning rate at the next step, augmentation at
the next epoch. The UI thread asks (``LiveSettings.request``); the training thread applies the change
from a Keras callback and records it, for the epoch log, the charts' markers and the sidecar's
``"changes": [{"epoch": 3, "learning_rate": 0.01}]`` (epochs 1-based: the first epoch it applied to).
"""

from __future__ import annotations

import threading
from typing import Callable

LIVE_FIELDS = ("learning_rate", "augment")  # what may change while training (session.py says when)


def augment_can_change(config) -> bool:
    """Augmentation switches mid-run only on the Keras step loop: a run that starts with it, or a CNN.
    A dense model trained without it runs as compiled chunks with no image warps in them
    (``core.training``); stop and Train more with Augment checked instead."""
    from .models import PRESETS

    return bool(config.augment) or PRESETS[config.preset].architecture == "cnn"


class LiveSettings:
    """The changes asked for during one run and those applied. Thread-safe."""

    def __init__(self, config, on_applied: Callable[[dict], None] | None = None):
        self._lock = threading.Lock()
        self._pending: dict = {}
        self.applied: list[dict] = []
        self.on_applied = on_applied          # called on the training thread with each applied change
        self.learning_rate: float | None = None  # once changed, it holds over any schedule
        self.augment = bool(config.augment)
        self.switch = None                    # tf.Variable(bool) the augmentation map reads, if it may change
        self._augment_switchable = augment_can_change(config)

    def request(self, **changes) -> None:
        unknown = set(changes) - set(LIVE_FIELDS)
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} while training")
        with self._lock:
            self._pending.update(changes)

    def augment_switch(self):
        """The variable the run's augmentation map reads (built on the training thread), or None."""
        if not self._augment_switchable:
            return None
        if self.switch is None:
            import tensorflow as tf

            self.switch = tf.Variable(self.augment, trainable=False, name="augment_switch")
        return self.switch

    def _take(self, key):
        if key not in self._pending:  # a plain read first: the step loop asks before every batch
            return None
        with self._lock:
            return self._pending.pop(key, None)

    def _record(self, epoch: int, **change) -> None:
        record = {"epoch": int(epoch) + 1, **change}
        self.applied.append(record)
        if self.on_applied is not None:
            self.on_applied(record)

    def over(self, schedule):
        """``schedule`` (of the epoch, or of the step and total steps), giving way to a rate set by hand."""
        if schedule is None:
            return None
        return lambda *at: schedule(*at) if self.learning_rate is None else self.learning_rate

    def callback(self):
        """The Keras callback that applies the changes (a schedule yields to the rate: ``over``)."""
        import keras

        live = self

        class LiveCallback(keras.callbacks.Callback):
            epoch = 0

            def on_epoch_begin(self, epoch, logs=None):
                self.epoch = epoch
                augment = live._take("augment")
                if augment is not None and live.switch is not None and bool(augment) != live.augment:
                    live.augment = bool(augment)
                    live.switch.assign(live.augment)
                    live._record(epoch, augment=live.augment)

            def on_train_batch_begin(self, batch, logs=None):
                rate = live._take("learning_rate")
                if rate is not None:
                    live.learning_rate = float(rate)
                    live._record(self.epoch, learning_rate=live.learning_rate)
                    self.model.optimizer.learning_rate.assign(live.learning_rate)

        return LiveCallback()
