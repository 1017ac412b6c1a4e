"""A one-cycle learning rate for ``core.training.fit``: a short warm-up, then a cosine down to almost zero.

Set per batch from the epochs and batches ``fit`` knows (a Keras schedule object would need them
when the model is compiled, before the data is chosen). The preset's learning rate is the peak.
"""

from __future__ import annotations

import math

WARMUP = 0.15        # of all the steps
START, END = 0.1, 0.002  # fractions of the peak at the first and last step


def one_cycle(step: int, total: int, peak: float, warmup: float = WARMUP) -> float:
    """The learning rate at ``step`` (0-based) of ``total``."""
    total = max(1, total)
    up = max(1, round(warmup * total))
    if step < up:
        return peak * (START + (1 - START) * step / up)
    t = min(1.0, (step - up) / max(1, total - up))
    return peak * (END + (1 - END) * 0.5 * (1 + math.cos(math.pi * t)))


def one_cycle_callback(epochs: int, batches_per_epoch: int):
    """A Keras callback setting the optimizer's learning rate before every batch."""
    import keras

    class OneCycle(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.peak = float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate))
            self.epoch = 0

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch

        def on_train_batch_begin(self, batch, logs=None):
            step = self.epoch * batches_per_epoch + batch
            self.model.optimizer.learning_rate.assign(one_cycle(step, epochs * batches_per_epoch, self.peak))

        def on_train_end(self, logs=None):
            self.model.optimizer.learning_rate.assign(self.peak)  # a later fit() starts from the preset's value

    return OneCycle()
