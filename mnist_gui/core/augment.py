"""Training-time augmentation: digits slanted, sheared, resized, moved and drawn thicker or thinner.

People draw on the pad with one pen width, slanted and sheared, which MNIST's scans rarely are
(``benchmarks/drawn_digits.py`` measures it). The augmenter is a ``keras.Sequential`` of Keras'
own preprocessing layers plus one small layer for the stroke width. ``core.training.fit`` maps it
over the training batches only (it is not part of the saved model), and like every Keras random
layer it leaves images untouched unless called with ``training=True``.

The slant, shear, size and place change in one resampling (``geometry_layer``): Keras' four
layers for them (RandomRotation, RandomShear, RandomZoom, RandomTranslation) resample the image
once each, which blurred the strokes four times and cost as much CPU as the CNN's training step
(1.4 ms per 128 images each, on the same two cores). The one layer draws the four changes itself
and warps with ``keras.ops.image.affine_transform``, the op those layers use.

Ranges: the Draw Pad's preprocessing already scales a drawing into MNIST's 20-px box and centres
it, so zoom and shift stay small; rotation and shear stay a little inside the drawings' ranges (at
their full ranges, augmentation cost the CNN 0.4 points of clean test accuracy after 3 epochs).
"""

from __future__ import annotations

import random

ROTATION_DEGREES = 12
SHEAR = 0.2             # horizontal shear factor either way
ZOOM = 0.1              # ± fraction
SHIFT = 0.05            # ± fraction of the side (about 1.4 px)
# The share of each training batch that is augmented: the rest stays as MNIST has it, so clean
# accuracy does not pay for robustness, and the warps cost half.
SHARE = 0.5
THINNER, THICKER = 0.6, 1.2  # stroke-width change, in 3×3 erosions (thinner) or dilations (thicker)


def dilate(images):
    """Grey-level 3×3 dilation of images (N, H, W, 1), the border's pixels repeated outwards: what
    ``ops.max_pool(images, 3, strides=1, padding="same")`` gives, in a sixth of the time on the CPU
    (TensorFlow's pooling kernel is slow for one channel; it was most of the augmenter's cost)."""
    from keras import ops

    edged = ops.pad(images, [[0, 0], [1, 1], [1, 1], [0, 0]], mode="symmetric")  # width 1: the edge itself
    rows = ops.maximum(ops.maximum(edged[:, :-2], edged[:, 1:-1]), edged[:, 2:])
    return ops.maximum(ops.maximum(rows[:, :, :-2], rows[:, :, 1:-1]), rows[:, :, 2:])


def stroke_width_layer(thinner: float = THINNER, thicker: float = THICKER, seed=None):
    """A Keras layer changing each image's stroke width by a random amount in training, identity otherwise."""
    import keras
    from keras import ops

    class RandomStrokeWidth(keras.layers.Layer):
        """Grey-level dilation (3×3 max) makes strokes thicker, erosion (3×3 min) thinner.

        Each image gets t uniform in [-thinner, thicker]: -1 is one erosion, 1 one dilation,
        2 two; values in between blend the neighbouring steps, so the width changes smoothly.
        """

        def __init__(self, thinner=THINNER, thicker=THICKER, seed=None, **kwargs):
            super().__init__(**kwargs)
            self.thinner, self.thicker, self.seed = float(thinner), float(thicker), seed
            self.seed_generator = keras.random.SeedGenerator(seed)

        def call(self, images, training=False):
            if not training:
                return images

            thick1 = dilate(images)
            thick2 = dilate(thick1)
            thin1 = -dilate(-images)
            t = keras.random.uniform((ops.shape(images)[0], 1, 1, 1), -self.thinner, self.thicker,
                                     seed=self.seed_generator)
            return ops.where(t < 0, images + (-t) * (thin1 - images),
                             ops.where(t < 1, images + t * (thick1 - images),
                                       thick1 + (t - 1) * (thick2 - thick1)))

        def compute_output_shape(self, input_shape):
            return input_shape

        def get_config(self):
            return {**super().get_config(), "thinner": self.thinner, "thicker": self.thicker, "seed": self.seed}

    return RandomStrokeWidth(thinner, thicker, seed, name="stroke_width")


def geometry_layer(rotation_degrees: float = ROTATION_DEGREES, shear: float = SHEAR, zoom: float = ZOOM,
                   shift: float = SHIFT, seed=None):
    """A Keras layer rotating, shearing, zooming and moving each image by random amounts (uniform in
    ± each range, about the image's centre) in one resampling while training; identity otherwise."""
    import math

    import keras
    from keras import ops

    class RandomGeometry(keras.layers.Layer):
        """input(p) = centre + R(angle) · [[1, shear], [0, 1]] · zoom · (p - centre) + shift."""

        def __init__(self, rotation_degrees=ROTATION_DEGREES, shear=SHEAR, zoom=ZOOM, shift=SHIFT, seed=None,
                     **kwargs):
            super().__init__(**kwargs)
            self.rotation_degrees, self.shear, self.zoom, self.shift = (
                float(rotation_degrees), float(shear), float(zoom), float(shift))
            self.seed = seed
            self.seed_generator = keras.random.SeedGenerator(seed)

        def call(self, images, training=False):
            if not training:
                return images
            n = ops.shape(images)[0]
            height, width = images.shape[1], images.shape[2]

            def uniform(half_range):
                return keras.random.uniform((n,), -half_range, half_range, seed=self.seed_generator)

            angle = uniform(self.rotation_degrees * math.pi / 180)
            shear, zoom = uniform(self.shear), 1.0 + uniform(self.zoom)
            dx, dy = uniform(self.shift) * width, uniform(self.shift) * height
            cos, sin = ops.cos(angle), ops.sin(angle)
            a0, a1 = zoom * cos, zoom * (cos * shear - sin)
            b0, b1 = zoom * sin, zoom * (sin * shear + cos)
            cx, cy = (width - 1) / 2, (height - 1) / 2
            transform = ops.stack([a0, a1, cx - a0 * cx - a1 * cy + dx,
                                   b0, b1, cy - b0 * cx - b1 * cy + dy,
                                   ops.zeros_like(a0), ops.zeros_like(a0)], axis=1)
            return ops.image.affine_transform(images, transform, interpolation="bilinear",
                                              fill_mode="constant", fill_value=0.0)

        def compute_output_shape(self, input_shape):
            return input_shape

        def get_config(self):
            return {**super().get_config(), "rotation_degrees": self.rotation_degrees, "shear": self.shear,
                    "zoom": self.zoom, "shift": self.shift, "seed": self.seed}

    return RandomGeometry(rotation_degrees, shear, zoom, shift, seed, name="geometry")


_KEPT: list = []  # one augmenter, reseeded for each run (see augmenter)


def augmenter(seed=None):
    """The process's augmenter, reseeded as ``build_augmenter(seed)`` would seed a new one.

    Training runs share it: each new augmenter's layers and tf.data trace stayed in TensorFlow's
    memory after the run (about 0.4 MB a run); a reseeded one gives the same images as a new one."""
    import keras

    if not _KEPT:
        _KEPT.append(build_augmenter(seed))
        return _KEPT[0]
    kept = _KEPT[0]
    generators = [g for layer in kept.layers for g in vars(layer).values()
                  if isinstance(g, keras.random.SeedGenerator)]
    for k, generator in enumerate(generators, start=1):  # the order and seeds of build_augmenter
        start = random.randrange(1, 2**31) if seed is None else seed + k
        generator.state.assign(keras.ops.convert_to_tensor([start, 0], dtype=generator.state.dtype))
    return kept


def build_augmenter(seed=None):
    """images (N, 28, 28) float 0..255 → the same shape, changed only when called with training=True."""
    import keras
    from keras import layers

    def s(k):  # each layer its own seed stream; None stays unseeded
        return None if seed is None else seed + k

    return keras.Sequential([
        keras.Input((28, 28)),
        layers.Reshape((28, 28, 1)),
        stroke_width_layer(seed=s(1)),
        geometry_layer(seed=s(2)),
        layers.Reshape((28, 28)),
    ], name="augmenter")
