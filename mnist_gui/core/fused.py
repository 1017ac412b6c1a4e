"""A float32 trainer's first block in one layer: a 3×3 convolution of a one-channel image and the
2×2 max pooling after it, computed together (``core.trainers`` uses it; nothing saved holds it).

The block is 5% of the CNN preset's multiply-adds but its largest activations (28×28×24 an image),
and how to compute it fastest depends on the CPU, so each process measures two ways once
(``method_for``, 0.4 s) and trains the faster:
- "patches": each of the four positions of a pooling window is a small product of 3×3 patches with
  the kernel, and their maximum is taken; the full-size activations are never made. On an AMD
  EPYC (AVX2) the block went from 40 to 19 ms, forward and weight gradient, 256 images.
- "pool_first": TensorFlow's convolution, its 2×2 maximum, then the bias and activation on a
  quarter of the values. On an Intel Xeon (AVX-512) "patches" took 18 ms, Keras' two layers 11,
  this 8.5.
Both are the same function as Keras' layers: the bias is the same at all four positions and the
activation is non-decreasing, so both commute with the maximum. The layer standing in for the
pooling layer passes its input on.
"""

from __future__ import annotations

import threading
import time

FUSABLE_ACTIVATIONS = ("relu", "linear")  # non-decreasing: they commute with the maximum
METHODS = ("patches", "pool_first")
MEASURE_ROUNDS = 5


def fusable(conv, pool) -> bool:
    """Whether ``conv`` followed by ``pool`` (two Keras layers) is a block ``PooledConv2D`` computes."""
    import keras

    if type(conv) is not keras.layers.Conv2D or type(pool) is not keras.layers.MaxPooling2D:
        return False
    c, p = conv.get_config(), pool.get_config()
    try:
        channels = conv.input.shape[-1]
        height, width = conv.input.shape[1:3]
        # the pooling layer is the only one to read the convolution's output
        feeds_pool = pool.input is conv.output and len(getattr(conv, "_outbound_nodes", ())) == 1
    except (AttributeError, ValueError):  # a layer used more than once, or not built
        return False
    return (feeds_pool and channels == 1 and height is not None and width is not None
            and height % 2 == 0 and width % 2 == 0 and tuple(c["kernel_size"]) == (3, 3)
            and tuple(c["strides"]) == (1, 1) and tuple(c["dilation_rate"]) == (1, 1) and c["groups"] == 1
            and c["padding"] == "same" and c["data_format"] == "channels_last"
            and c["activation"] in FUSABLE_ACTIVATIONS and _policy_name(c["dtype"]) in (None, "float32")
            and _pools_2x2(p))


def _policy_name(dtype) -> str | None:
    if isinstance(dtype, dict):
        return (dtype.get("config") or {}).get("name")
    return dtype


def _pools_2x2(p) -> bool:
    return (tuple(p["pool_size"]) == (2, 2) and tuple(p["strides"] or p["pool_size"]) == (2, 2)
            and p["padding"] == "valid" and p["data_format"] == "channels_last")


def layer_classes():
    """(PooledConv2D, Pooled): the two layer classes, made on first use (Keras is imported late)."""
    if not _CLASSES:
        _CLASSES.extend(_make_classes())
    return tuple(_CLASSES)


_CLASSES: list = []


def _make_classes():
    import keras
    import tensorflow as tf

    class PooledConv2D(keras.layers.Conv2D):
        """``Conv2D`` (3×3, one input channel, 'same') then 2×2 max pooling, as one layer computed
        by ``method`` (one of ``METHODS``)."""

        def __init__(self, *args, method="patches", **kwargs):
            super().__init__(*args, **kwargs)
            if method not in METHODS:
                raise ValueError(f"method: one of {METHODS}, not {method!r}")
            self.method = method

        def call(self, inputs):
            best = self._patches(inputs) if self.method == "patches" else self._pool_first(inputs)
            if self.use_bias:
                best = best + self.bias
            return self.activation(best)

        def _patches(self, inputs):
            x = inputs[..., 0]
            height, width = x.shape[1], x.shape[2]
            edged = tf.pad(x, [[0, 0], [1, 1], [1, 1]])  # the convolution's zero padding
            kernel = tf.reshape(self.kernel, (9, self.filters))
            best = None
            for di in (0, 1):
                for dj in (0, 1):  # one position of each 2×2 pooling window at a time
                    patches = tf.stack([edged[:, di + i: di + i + height: 2, dj + j: dj + j + width: 2]
                                        for i in range(3) for j in range(3)], axis=-1)
                    out = tf.matmul(tf.reshape(patches, (-1, 9)), kernel)
                    best = out if best is None else tf.maximum(best, out)
            return tf.reshape(best, (-1, height // 2, width // 2, self.filters))

        def _pool_first(self, inputs):
            return tf.nn.max_pool2d(tf.nn.conv2d(inputs, self.kernel, 1, "SAME"), 2, 2, "VALID")

        def get_config(self):
            return {**super().get_config(), "method": self.method}

        def compute_output_shape(self, input_shape):
            n, height, width = input_shape[0], input_shape[1], input_shape[2]
            return (n, height // 2, width // 2, self.filters)

    class Pooled(keras.layers.Layer):
        """Stands in for the pooling layer ``PooledConv2D`` has done; keeps that layer's config."""

        def __init__(self, pool_config=None, **kwargs):
            super().__init__(**kwargs)
            self.pool_config = pool_config or {}

        def call(self, inputs):
            return inputs

        def compute_output_shape(self, input_shape):
            return input_shape

        def get_config(self):
            return {**super().get_config(), "pool_config": self.pool_config}

    return PooledConv2D, Pooled


def stand_ins(model, method: str | None = None):
    """For ``model``'s fusable blocks: a function giving each of their layers a new stand-in (and
    None for any other layer), or None if ``model`` has no such block. The block is computed by
    ``method``, by default the one ``method_for`` found faster here."""
    PooledConv2D, Pooled = layer_classes()
    chain = model.layers
    swaps = {}
    for conv, pool in zip(chain, chain[1:]):
        if fusable(conv, pool) and not any(out is conv.output for out in model.outputs):
            how = method or method_for(conv)
            swaps[id(conv)] = lambda conv=conv, how=how: PooledConv2D.from_config({**conv.get_config(), "method": how})
            swaps[id(pool)] = lambda pool=pool: Pooled(name=pool.name, pool_config=pool.get_config())
    if not swaps:
        return None
    return lambda layer: swaps[id(layer)]() if id(layer) in swaps else None


_FASTER: dict = {}  # (height, width, filters) -> the method measured faster in this process
_MEASURING = threading.Lock()


def method_for(conv) -> str:
    """The faster of ``METHODS`` on this CPU for the block ``conv`` starts (a fusable Conv2D),
    measured the first time a block of its shape is asked for: forward and weight gradient on 256
    random images, each method in turn, the median of ``MEASURE_ROUNDS`` (about 0.4 s in all)."""
    height, width = conv.input.shape[1:3]
    key = (int(height), int(width), int(conv.filters))
    with _MEASURING:
        if key not in _FASTER:
            _FASTER[key] = _measure(*key)
        return _FASTER[key]


def _measure(height: int, width: int, filters: int) -> str:
    import statistics

    import numpy as np
    import tensorflow as tf

    PooledConv2D, _ = layer_classes()
    x = tf.constant(np.random.default_rng(0).random((256, height, width, 1), np.float32))
    steps = {}
    for method in METHODS:
        layer = PooledConv2D(filters, 3, padding="same", activation="relu", method=method)
        layer.build(x.shape)

        @tf.function
        def step(layer=layer):
            with tf.GradientTape() as tape:
                y = layer(x)
                loss = tf.reduce_sum(y * y)
            return tape.gradient(loss, layer.trainable_variables)

        step()  # traced and warmed
        steps[method] = step
    seconds = {method: [] for method in METHODS}
    for _ in range(MEASURE_ROUNDS):
        for method, step in steps.items():
            start = time.perf_counter()
            step()
            seconds[method].append(time.perf_counter() - start)
    return min(METHODS, key=lambda method: statistics.median(seconds[method]))


def plain_layer(layer):
    """The standard Keras layer a stand-in replaced (a new one, same config), or None."""
    import keras

    PooledConv2D, Pooled = layer_classes()
    if type(layer) is PooledConv2D:
        config = layer.get_config()
        config.pop("method")
        return keras.layers.Conv2D.from_config(config)
    if type(layer) is Pooled:
        return keras.layers.MaxPooling2D.from_config(layer.pool_config)
    return None
