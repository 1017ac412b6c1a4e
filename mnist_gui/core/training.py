"""Training and inference helpers around Keras, with no Qt.

``fit`` runs Keras' own ``Model.fit`` (callbacks, History, validation, ``stop_training``), but
installs a train function that runs a whole chunk of batches as one XLA computation: at the
notebook's batch size of 32 almost all of the cost of a plain ``fit`` is per-step overhead, not
arithmetic. The steps themselves are Keras' ``train_step``: same batches, optimizer, loss and
metrics as the notebook, only fewer trips between Python and the runtime.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .models import targets

# Batches per compiled call: under 0.1 s of work for the Seed DNN at batch 32 (1875 batches →
# 125 a call), so Stop and the progress bar still react about ten times a second.
DEFAULT_CHUNK_BATCHES = 128
EVAL_BATCH = 2000          # images per prediction call
VALIDATION_BATCH = 10_000  # the whole MNIST test set in one call at every epoch end
# On the step loop: a CNN validates in 10 calls, Stop checked between them (~20 ms each). Keras'
# own default there is 32 images a call, which took 0.75 s of the CNN preset's 6.5-s epochs.
STEP_VALIDATION_BATCH = 1000


class TrainingError(RuntimeError):
    """Training could not run or went wrong; the message is meant for the user."""


@dataclass
class TrainResult:
    history: dict[str, list[float]] = field(default_factory=dict)
    epochs_run: int = 0
    stopped: bool = False
    diverged: bool = False
    seconds: float = 0.0

    @property
    def final(self) -> dict[str, float]:
        return {k: v[-1] for k, v in self.history.items() if v}


class Progress:
    """What ``fit`` reports; override what you need. Called on the training thread."""

    def on_batch(self, epoch: int, batches_done: int, total_batches: int, logs: dict) -> None:
        pass

    def on_epoch(self, epoch: int, logs: dict, weights: list) -> None:
        """``weights``: the model's weights at this epoch's end (a copy; the caller may keep it)."""


class _Interrupted(Exception):
    """Raised inside Keras' fit loop to leave it at once (a stop request, a non-finite loss): by
    ``stop_training`` it would still validate on the whole test set (seconds for a CNN) first."""


def _to_floats(logs) -> dict[str, float]:
    return {k: float(v) for k, v in (logs or {}).items()}


def fit(model, x, y, *, validation_data=None, epochs: int = 50, batch_size: int = 32,
        progress: Progress | None = None, stop_event: threading.Event | None = None,
        chunk_batches: int = DEFAULT_CHUNK_BATCHES, lr_at_epoch: Callable[[int], float] | None = None,
        lr_at_step: Callable[[int, int], float] | None = None,
        initial_epoch: int = 0, shuffle_seed=None, fast: bool = True, callbacks=(),
        augment: bool = False, weight_average: float = 0.0, label_smoothing: float = 0.0) -> TrainResult:
    """Train ``model`` (compiled, categorical cross-entropy) on images ``x`` (N,28,28) and integer labels ``y``.

    Epochs ``initial_epoch`` .. ``epochs - 1`` run (Keras' counting: a continued model keeps its epoch numbers).
    ``stop_event`` is checked after every compiled chunk (``fast``), batch and validation batch; a stop leaves at
    once, without validating the interrupted epoch, and the model keeps the weights it reached. A non-finite loss
    stops training and sets ``diverged`` (the weights are then those of the failed step: see ``core.run`` for what
    is kept). ``history`` holds the completed epochs only. ``fast=False`` runs the stock Keras step loop (the
    notebook's path), which the throughput benchmark compares against. ``lr_at_step(step, total)`` sets the learning
    rate before every batch (every chunk on the fast path), counting this run's steps from 0. ``augment`` maps
    ``core.augment``'s random Keras layers over the training batches (in tf.data's threads, on the stock step loop:
    the image warps have no XLA kernel); the model itself is unchanged and validation sees the plain test images. A
    tf.Variable ``augment`` (``core.live``) switches augmentation on and off as the run goes. ``weight_average`` (a
    momentum such as 0.99; 0 for none) validates, reports and leaves the model with a moving average of its weights
    over the run's steps (``core.averaging``). ``label_smoothing`` (ε) trains on targets of 1 − ε + ε/10 for
    the label and ε/10 for the others (``models.targets``), as Keras' ``label_smoothing``; validation keeps one-hot labels.
    """
    import keras
    import tensorflow as tf

    from .averaging import weight_averager
    from .contract import of
    from .models import one_hot

    shape = of(model).input_shape  # the images stay 28×28; each batch is reshaped to the model's input
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 3 or x.shape[1:] != (28, 28) or len(x) != len(y) or len(x) == 0:
        raise TrainingError(f"training data must be N×28×28 images with N labels, got {x.shape} and {y.shape}")
    total_batches = math.ceil(len(x) / batch_size)
    # XLA on the CPU runs convolutions inside a loop orders of magnitude slower than TensorFlow's
    # own kernels; a CNN's steps are long enough that per-step overhead does not matter anyway.
    chunked = fast and _dense_only(model) and augment is False
    chunk = _even_chunk(total_batches, chunk_batches) if chunked else 1

    if chunked:
        order = EpochOrder(len(x), batch_size * chunk, shuffle_seed)
        _install_chunked_train_function(model, x, targets(y, label_smoothing), batch_size, order, shape)
        # fit() only counts the chunks; each one's image indices come from ``order``.
        fit_args = dict(x=tf.data.Dataset.range(order.chunks), shuffle=False)
    else:
        batches = _epoch_batches(x, targets(y, label_smoothing), batch_size, shuffle_seed)
        if augment is not False:
            batches = _augmented(batches, shuffle_seed, switch=augment if hasattr(augment, "assign") else None)
        if shape != (28, 28):
            batches = batches.map(_plain(tf, lambda images, labels: (tf.reshape(images, (-1, *shape)), labels)))
        fit_args = dict(x=batches, shuffle=False)

    val = None
    if validation_data is not None:
        vx, vy = validation_data
        val = (tf.reshape(tf.cast(_as_tensor(tf, np.asarray(vx)), tf.float32), (-1, *shape)),
               _as_tensor(tf, one_hot(vy)))
        if chunked:
            # Trace the validation step now, not at the first epoch end: there its ~100 ms of Python
            # competes with the predictions every epoch end starts, and the UI thread waits for the
            # GIL. One image has the same batch signature (fit() reuses the trace); weights only read.
            model.evaluate(val[0][:1], val[1][:1], batch_size=VALIDATION_BATCH, verbose=0)

    result = TrainResult()
    averaged = weight_averager(weight_average) if weight_average else None
    callbacks = [_reporting_callback(result, progress, stop_event, chunk, total_batches), *callbacks]
    if averaged is not None:
        callbacks.insert(0, averaged)  # first: the weights are averaged before anyone reads them
    if lr_at_epoch is not None:
        callbacks.append(keras.callbacks.LearningRateScheduler(lr_at_epoch))
    if lr_at_step is not None:
        callbacks.append(_step_schedule(lr_at_step, initial_epoch, total_batches * (epochs - initial_epoch), chunk,
                                       total_batches))

    # fast=False stays the stock loop in full, validation batches included (the notebook's path).
    validation_batch = VALIDATION_BATCH if chunked else STEP_VALIDATION_BATCH if fast else None
    start = time.perf_counter()
    try:
        model.fit(**fit_args, epochs=epochs, initial_epoch=initial_epoch, verbose=0, callbacks=callbacks,
                  validation_data=val, validation_batch_size=validation_batch)
    except _Interrupted:
        pass  # result says why
    except tf.errors.ResourceExhaustedError as exc:
        raise TrainingError("out of memory: try a smaller model or batch size") from exc
    finally:
        result.seconds = time.perf_counter() - start
        if averaged is not None:
            averaged.settle()  # also after a stop mid-epoch: the model keeps the average
        if chunked:
            _release_chunk_data(model.train_function)
            model.train_function = None  # back to Keras' own for anything else that calls fit
    result.epochs_run = len(next(iter(result.history.values()), []))
    return result


class EpochOrder:
    """Indices 0..n-1 in a new random order every epoch, ``chunk_size`` at a time (the fast path).

    One NumPy permutation per epoch (about a millisecond), not tf.data's shuffle buffer: that one
    handled the 60,000 indices one by one, ~0.3 s of CPU an epoch on a thread competing with the
    training step's, and its buffer had to fill before each epoch's first batch. With no seed the
    order follows NumPy's global seed, which ``build_model`` sets: a run is reproducible.
    """

    def __init__(self, n: int, chunk_size: int, seed=None):
        self.n, self.chunk_size = n, chunk_size
        self.chunks = math.ceil(n / chunk_size)
        self._rng = np.random.default_rng(seed if seed is not None else np.random.randint(2**31))
        self._order = None

    def chunk(self, k: int) -> np.ndarray:
        """The indices of chunk ``k`` of the current epoch; chunk 0 starts a new epoch."""
        if k == 0 or self._order is None:
            self._order = self._rng.permutation(self.n)
        return self._order[k * self.chunk_size:(k + 1) * self.chunk_size]


def _epoch_batches(x, t, batch_size, shuffle_seed):
    """(images, targets ``t``) batches in a new random order every epoch, for the stock step loop.

    Not Keras' own shuffling of NumPy arrays: once a global seed is set (``build_model`` sets one,
    for reproducible weights) that repeats the first epoch's order in every later epoch.
    """
    import tensorflow as tf

    def to_float(images, labels):
        return tf.cast(images, tf.float32), labels

    return (tf.data.Dataset.from_tensor_slices((_as_tensor(tf, x), _as_tensor(tf, t)))
            .shuffle(len(x), seed=shuffle_seed, reshuffle_each_iteration=True)
            .batch(batch_size)
            .map(_plain(tf, to_float), num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE)
            .with_options(_without_autotuner(tf)))


def _augmented(batches, seed=None, share=None, switch=None):
    """The batches with ``share`` of each (default ``augment.SHARE``; the batch is shuffled, so its
    first images) through ``core.augment``'s random layers, in tf.data's threads beside the step;
    only while ``switch`` (a boolean variable, if given) is on."""
    import tensorflow as tf

    from .augment import SHARE
    from .augment import augmenter as kept_augmenter

    augmenter = kept_augmenter(seed)
    share = SHARE if share is None else share

    def augment(images, labels):
        k = tf.cast(tf.math.ceil(share * tf.cast(tf.shape(images)[0], tf.float32)), tf.int32)
        mixed = lambda: tf.concat([augmenter(images[:k], training=True), images[k:]], axis=0)  # noqa: E731
        return (mixed() if switch is None else tf.cond(switch, mixed, lambda: images)), labels

    return (batches.map(_plain(tf, augment), num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE)
            .with_options(_without_autotuner(tf)))


def _plain(tf, fn):  # not through autograph: its source files go only at a normal exit (not os._exit)
    return tf.autograph.experimental.do_not_convert(fn)


def _without_autotuner(tf):
    """tf.data options with its autotuner off (AUTOTUNE then takes fixed defaults). Dropping an
    iterator waits for the autotuner's thread: at the end of fit() that held the CNN preset's run
    4.5 s before it could hand its model out (py-spy: ~IteratorResource). Epochs are as fast."""
    options = tf.data.Options()
    options.autotune.enabled = False
    return options


def _step_schedule(lr_at_step, initial_epoch, total_steps, chunk, total_batches):
    """A Keras callback setting the learning rate before every call of the train function."""
    import keras

    class StepSchedule(keras.callbacks.Callback):
        epoch = 0

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch - initial_epoch

        def on_train_batch_begin(self, batch, logs=None):
            step = self.epoch * total_batches + min(batch * chunk, total_batches)
            self.model.optimizer.learning_rate.assign(lr_at_step(step, total_steps))

    return StepSchedule()


def _reporting_callback(result, progress, stop_event, chunk, total_batches):
    """A Keras callback bridging to ``Progress``: stop requests, divergence, batch counts, history."""
    import keras

    def interrupt_if_stopped():
        if stop_event is not None and stop_event.is_set():
            result.stopped = True
            raise _Interrupted

    class ReportingCallback(keras.callbacks.Callback):
        epoch = 0

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch
            interrupt_if_stopped()

        def on_train_batch_end(self, batch, logs=None):
            logs = _to_floats(logs)
            if not math.isfinite(logs.get("loss", 0.0)):
                result.diverged = True
                raise _Interrupted
            if progress is not None:
                done = min((batch + 1) * chunk, total_batches)
                progress.on_batch(self.epoch, done, total_batches, logs)
            interrupt_if_stopped()

        def on_test_batch_end(self, batch, logs=None):
            interrupt_if_stopped()  # validation on 10,000 images takes seconds for a CNN

        def on_epoch_end(self, epoch, logs=None):
            logs = _to_floats(logs)
            if not all(math.isfinite(v) for v in logs.values()):
                result.diverged = True
                raise _Interrupted
            for key, value in logs.items():
                result.history.setdefault(key, []).append(value)
            if progress is not None:
                progress.on_epoch(epoch, logs, self.model.get_weights())

    return ReportingCallback()


def _even_chunk(total_batches: int, target: int) -> int:
    """Batches per compiled call: a divisor of the epoch near ``target``, so every call has one shape.

    A second shape (a shorter last chunk) costs a second XLA compile and, it turns out, a slow
    first call in the next epoch. 60,000 images at batch 32 = 1875 batches → 125 a call.
    """
    target = max(1, int(target))
    divisors = [d for d in range(target // 2, 2 * target + 1) if d and total_batches % d == 0]
    if divisors:
        return min(divisors, key=lambda d: abs(d - target))
    return min(target, total_batches)


_CHUNKABLE_LAYERS = {"InputLayer", "Reshape", "Flatten", "Rescaling", "BatchNormalization", "Dense",
                     "Activation", "Dropout"}


def _dense_only(model) -> bool:
    return all(type(layer).__name__ in _CHUNKABLE_LAYERS for layer in model.layers)


def _as_tensor(tf, array: np.ndarray, rows: int = 1024):
    """``array`` as a tensor, converted a slice at a time.

    Converting a NumPy array copies it while holding the GIL: in one piece, the 47 MB of training
    images kept the UI thread waiting for up to 100 ms (3 MB slices still 35 ms, on a background
    thread sharing the CPU with TensorFlow's). Joining the slices runs without the GIL.
    """
    if len(array) <= rows:
        return tf.convert_to_tensor(array)
    return tf.concat([tf.convert_to_tensor(array[i:i + rows]) for i in range(0, len(array), rows)], axis=0)


class _ChunkedSteps:
    """A model's compiled chunk step and the variables it reads its training data from.

    Kept on the model, so that its next fit (the trainer pool's next run, see ``core.trainers``)
    runs the program already compiled: XLA's cache never gives a compiled program back. The images
    (MNIST's uint8: a quarter of float32's memory) and one-hot labels are variables, captured by reference,
    not baked into the program; their first dimension is open so that each fit loads its own data
    and ``release`` empties them afterwards.
    """

    def __init__(self, model, batch_size: int, dtype, shape=(28, 28)):
        import tensorflow as tf

        self.batch_size, self.dtype, self.shape = batch_size, np.dtype(dtype), tuple(shape)
        self.images = tf.Variable(tf.zeros((0, 28, 28), tf.as_dtype(self.dtype)), trainable=False, name="train_images",
                                  shape=tf.TensorShape([None, 28, 28]))
        self.labels = tf.Variable(tf.zeros((0, 10), tf.float32), trainable=False, name="train_labels",
                                  shape=tf.TensorShape([None, 10]))
        images, labels = self.images, self.labels

        # No autograph: its source transformation of Keras' train step is pure-Python work that held
        # the GIL (and so the UI thread) for a few hundred ms when training started.
        @tf.function(jit_compile=True, autograph=False)
        def chunk_step(indices):
            x = tf.cast(tf.gather(images, indices), tf.float32)
            y = tf.gather(labels, indices)
            n = indices.shape[0]  # static: one trace per distinct chunk size (at most two an epoch)
            full = n // batch_size
            if full:
                xb = tf.reshape(x[: full * batch_size], (full, batch_size, 28, 28))
                yb = tf.reshape(y[: full * batch_size], (full, batch_size, 10))

                def step(i):
                    model.train_step((tf.reshape(xb[i], (-1, *shape)), yb[i]))
                    return (i + 1,)

                tf.while_loop(lambda i: i < full, step, (tf.constant(0),))
            if n % batch_size:
                model.train_step((tf.reshape(x[full * batch_size:], (-1, *shape)), y[full * batch_size:]))
            return model.get_metrics_result()

        self.step = chunk_step

    def load(self, x, t) -> None:
        import tensorflow as tf

        self.images.assign(_as_tensor(tf, x))
        self.labels.assign(_as_tensor(tf, t))

    def release(self) -> None:
        import tensorflow as tf

        # TensorFlow keeps the traced step (and so these variables) alive: 50 MB a run otherwise.
        for variable in (self.images, self.labels):
            variable.assign(tf.zeros((0,) + tuple(variable.shape[1:]), variable.dtype))


def _install_chunked_train_function(model, x, t, batch_size: int, order: EpochOrder, shape=(28, 28)) -> None:
    """Make ``model.fit`` run each element of the dataset (a chunk number) as one XLA call, on images
    ``x`` and targets ``t``.

    The compiled step stays reachable as ``model.train_function.compiled`` (tests inspect its HLO).
    """
    import tensorflow as tf

    steps = getattr(model, "_chunked_steps", None)
    if steps is None or (steps.batch_size, steps.dtype, steps.shape) != (batch_size, x.dtype, tuple(shape)):
        steps = _ChunkedSteps(model, batch_size, x.dtype, shape)
        model._chunked_steps = steps
    steps.load(x, t)

    def train_function(iterator):
        return steps.step(tf.constant(order.chunk(int(iterator.get_next()))))

    train_function.compiled = steps.step
    train_function.steps = steps

    model.make_train_function()  # lets Keras set up its state first; then replace the function
    model.train_function = train_function


def _release_chunk_data(train_function) -> None:
    steps = getattr(train_function, "steps", None)
    if steps is not None:
        steps.release()


class Predictor:
    """Fast inference for one model: a compiled call instead of ``model.predict`` (≈100 ms a call).

    The compiled program is shared by every model of one architecture, their weights passed in as
    arguments: XLA never frees a program, and a new one per model (every training run, every
    opened file) added a few MB each time. Not thread-safe, like the model it wraps: callers
    serialise access.
    """

    def __init__(self, model):
        import tensorflow as tf

        from .contract import of

        self.model = model
        self.contract = found = of(model)  # the input's shape; logits get a softmax
        call = _shared_forward(model, found)
        if call is None:  # an architecture that cannot be shared: a program of its own
            own = tf.function(lambda x: _probabilities(tf, found, model(_model_input(tf, found, x), training=False)),
                              jit_compile=True, autograph=False)
            own = own.get_concrete_function(tf.TensorSpec((None, 28, 28), tf.float32))
            self._call = own
        else:
            # Keras variables' backing tf.Variables: passed by handle, so later weight changes show.
            trainable = [v.value for v in model.trainable_variables]
            other = [v.value for v in model.non_trainable_variables]
            self._call = lambda x: call(trainable, other, x)
        self._tensor = tf.constant

    def __call__(self, images) -> np.ndarray:
        """Probabilities (N, 10) for images (N, 28, 28) or (28, 28), pixel values 0..255."""
        images = np.asarray(images, dtype=np.float32)
        single = images.ndim == 2
        if single:
            images = images[None]
        if len(images) == 0:
            return np.zeros((0, 10), dtype=np.float32)
        if len(images) <= EVAL_BATCH:
            out = self._call(self._tensor(images)).numpy()
        else:
            # Fixed-size batches so XLA compiles at most two shapes.
            out = np.concatenate([self._call(self._tensor(images[i:i + EVAL_BATCH])).numpy()
                                  for i in range(0, len(images), EVAL_BATCH)])
        return out[0] if single else out


_SHARED_FORWARD: OrderedDict = OrderedDict()  # architecture -> compiled forward pass
_SHARED_FORWARD_MAX = 8
_shared_lock = threading.Lock()


def _model_input(tf, found, x):
    """Images (N, 28, 28) as the model takes them (``core.contract``: 28×28, 28×28×1 or 784)."""
    return x if found.input_shape == (28, 28) else tf.reshape(x, (-1, *found.input_shape))


def _probabilities(tf, found, out):  # the model's outputs as probabilities (softmax of logits)
    out = out[0] if isinstance(out, (list, tuple)) else out
    return tf.nn.softmax(out, axis=-1) if found.logits else out


def _shared_forward(model, found=None):
    """The compiled forward pass of ``model``'s architecture (and contract ``found``), taking weights
    as arguments; traced on a model of that architecture, once (see ``Predictor``)."""
    import tensorflow as tf

    from .contract import of
    from .trainers import architecture

    found = found or of(model)
    key = architecture(model)
    if key is None or not hasattr(model, "stateless_call"):
        return None
    key = (key, found)
    with _shared_lock:
        call = _SHARED_FORWARD.get(key)
        if call is not None:
            _SHARED_FORWARD.move_to_end(key)
            return call
        template = model

        @tf.function(jit_compile=True, autograph=False)
        def forward(trainable, other, x):
            trainable = [tf.convert_to_tensor(v) for v in trainable]
            other = [tf.convert_to_tensor(v) for v in other]
            out, _ = template.stateless_call(trainable, other, _model_input(tf, found, x), training=False)
            return _probabilities(tf, found, out)

        try:
            call = forward.get_concrete_function([v.value for v in model.trainable_variables],
                                                 [v.value for v in model.non_trainable_variables],
                                                 tf.TensorSpec((None, 28, 28), tf.float32))
        except Exception:
            return None
        _SHARED_FORWARD[key] = call
        while len(_SHARED_FORWARD) > _SHARED_FORWARD_MAX:
            _SHARED_FORWARD.popitem(last=False)
        return call


def has_shared_forward(model) -> bool:
    """Whether ``Predictor(model)`` finds the forward pass of ``model``'s architecture traced already."""
    from .contract import of
    from .trainers import architecture

    key = architecture(model)
    with _shared_lock:
        return key is not None and (key, of(model)) in _SHARED_FORWARD


def predict_probabilities(model, x) -> np.ndarray:
    """Probabilities (N, 10) for a few images (N, 28, 28) in one eager call (the user's drawings)."""
    from .contract import of

    found = of(model)
    out = model(np.asarray(x, dtype=np.float32).reshape((-1, *found.input_shape)), training=False)
    return found.probabilities(out[0] if isinstance(out, (list, tuple)) else out)


def evaluate(model, x, y) -> tuple[float, float]:
    """(loss, accuracy) on images ``x`` and integer labels ``y``, exactly as Keras reports them.

    Keras computes the cross-entropy from the softmax's logits (exact for confident mistakes, where
    probabilities are not): so through ``Model.evaluate``.
    """
    from .contract import of
    from .models import one_hot
    from .storage import compile_for_app

    if not model.compiled:  # e.g. a legacy file saved without its training config
        compile_for_app(model)  # (the app's loss: from logits for a model without a softmax)
    x = np.asarray(x, dtype=np.float32).reshape((-1, *of(model).input_shape))
    results = model.evaluate(x, one_hot(y), batch_size=EVAL_BATCH, verbose=0, return_dict=True)
    return float(results["loss"]), float(results["accuracy"])


def callback_progress(on_batch: Callable | None = None, on_epoch: Callable | None = None) -> Progress:
    """A ``Progress`` from two plain functions."""
    p = Progress()
    p.on_batch, p.on_epoch = on_batch or p.on_batch, on_epoch or p.on_epoch
    return p
