"""A float32 trainer's first block in one layer: a 3×3 convolution of a one-channel image and the
2×2 max pooling after it, computed together (``core.trainers`` uses it; nothing saved holds it).

On an AVX2 CPU (2026-12-06: AMD EPYC, no AVX-512) the CNN preset's first block took about 40% of a
float32 training step for 5% of its multiply-adds: TensorFlow's convolution of one channel, and
the gradient of a max pool over the largest activations (28×28×24 an image), are slow there. Here
each of the four positions of a pooling window is a small product of 3×3 patches with the kernel;
their maximum is taken before the bias (the same at all four) and the activation (non-decreasing,
so it commutes with the maximum): the full-size activations are never made. Same weights, same
function; the layer standing in for the pooling layer passes its input on.
"""

from __future__ import annotations

FUSABLE_ACTIVATIONS = ("relu", "linear")  # non-decreasing: they commute with the maximum


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
        """``Conv2D`` (3×3, one input channel, 'same') then 2×2 max pooling, as one layer."""

        def call(self, inputs):
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
            if self.use_bias:
                best = best + self.bias
            best = self.activation(best)
            return tf.reshape(best, (-1, height // 2, width // 2, self.filters))

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


def stand_ins(model):
    """For ``model``'s fusable blocks: a function giving each of their layers a new stand-in (and
    None for any other layer), or None if ``model`` has no such block."""
    PooledConv2D, Pooled = layer_classes()
    chain = model.layers
    swaps = {}
    for conv, pool in zip(chain, chain[1:]):
        if fusable(conv, pool) and not any(out is conv.output for out in model.outputs):
            swaps[id(conv)] = lambda conv=conv: PooledConv2D.from_config(conv.get_config())
            swaps[id(pool)] = lambda pool=pool: Pooled(name=pool.name, pool_config=pool.get_config())
    if not swaps:
        return None
    return lambda layer: swaps[id(layer)]() if id(layer) in swaps else None


def plain_layer(layer):
    """The standard Keras layer a stand-in replaced (a new one, same config), or None."""
    import keras

    PooledConv2D, Pooled = layer_classes()
    if type(layer) is PooledConv2D:
        return keras.layers.Conv2D.from_config(layer.get_config())
    if type(layer) is Pooled:
        return keras.layers.MaxPooling2D.from_config(layer.pool_config)
    return None
