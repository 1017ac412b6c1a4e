"""Polyak averaging of a run's weights, as a Keras callback (no Qt)."""

from __future__ import annotations


def weight_averager(momentum: float):
    """A Keras callback keeping a moving average of the model's trainable weights over the run's
    steps (Polyak averaging), which validation, the epochs' reported weights and the finished (or
    stopped) model use, while the steps go on from the raw weights.

    Mid-schedule, at a high learning rate, the raw weights jitter around a better point; their
    average finds it (the README's CNN preset section). Not Keras' optimizer ``use_ema``, whose
    fixed momentum would keep a short run (a fine-tune of a few dozen steps) close to its starting
    weights: here the momentum grows with the step count, min(momentum, (1 + t) / (10 + t)).
    """
    import keras

    class WeightAverager(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.momentum = float(momentum)
            self._average = None
            self._raw = None  # the raw weights while the average is in the model
            self._steps = 0

        def on_train_begin(self, logs=None):
            self._average = [v.numpy() for v in self.model.trainable_variables]
            self._steps, self._raw = 0, None

        def on_train_batch_end(self, batch, logs=None):
            self._steps += 1
            keep = min(self.momentum, (1 + self._steps) / (10 + self._steps))
            for average, v in zip(self._average, self.model.trainable_variables):
                average *= keep
                average += (1 - keep) * v.numpy()

        def on_test_begin(self, logs=None):  # validation inside fit: the average is what is judged
            if self._raw is None and self._average is not None:
                self._raw = [v.numpy() for v in self.model.trainable_variables]
                self._assign(self._average)

        def on_epoch_begin(self, epoch, logs=None):  # the steps go on from the raw weights
            if self._raw is not None:
                self._assign(self._raw)
                self._raw = None

        def settle(self):
            """Leave the model with the average (whatever moment training ended at)."""
            if self._raw is None and self._average is not None and self._steps:
                self._assign(self._average)

        def _assign(self, values):
            for v, value in zip(self.model.trainable_variables, values):
                v.assign(value)

    return WeightAverager()
