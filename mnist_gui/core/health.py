"""Training health (no Qt): per layer, how strong its gradients are, how many of its units are dead
(ReLU: never active) or saturated (sigmoid/tanh: stuck near their limits), and how its weights have
moved from where the run started. Measured on the training thread at each epoch end, on one small
fixed batch of training images, eagerly (no tracing, no XLA compile: a few milliseconds for the
dense presets, tens for the CNN), and handed over with the epoch's other results as plain data.
"""

from __future__ import annotations

import time

import numpy as np

BATCH = 128          # training images measured on: the same ones every epoch
CONV_BATCH = 64      # for a network with convolutions (each image costs ~50× a dense one's)
BINS = 24            # weight histogram bins
DEAD_BELOW = 1e-6    # a ReLU unit whose output stays at or below this for every image is dead
SATURATED_SHARE = 0.9  # a sigmoid/tanh unit saturated for this share of the images is saturated
_SATURATION = {"sigmoid": (0.02, 0.98), "tanh": (-0.96, 0.96), "hard_sigmoid": (0.02, 0.98)}
_RELU = {"relu", "relu6", "elu", "leaky_relu", "gelu", "silu"}


def _activation(layer) -> str:
    return getattr(getattr(layer, "activation", None), "__name__", "") or ""


def _kind(layer) -> str:  # a fused trainer's convolution (core.fused) is a Conv2D subclass
    names = [cls.__name__ for cls in type(layer).__mro__]
    return next((name for name in names if name in ("Dense", "Conv2D")), names[0])


def _kernel(layer):
    return getattr(layer, "kernel", None) if _kind(layer) in ("Dense", "Conv2D") else None


class HealthMonitor:
    """Measures one model (the run's trainer) against its weights at the monitor's creation."""

    def __init__(self, model, images, labels):
        from .models import one_hot

        self.model = model
        self.layers = [layer for layer in model.layers if _kernel(layer) is not None]
        n = CONV_BATCH if any(_kind(layer) == "Conv2D" for layer in self.layers) else BATCH
        self.x = np.asarray(images[:n], np.float32)
        self.y = one_hot(np.asarray(labels[:n]))
        self.start = [np.array(_kernel(layer).numpy(), np.float32) for layer in self.layers]

    def measure(self, epoch: int) -> dict:
        """{"epoch": 1-based, "loss", "images", "seconds", "layers": [per-layer dicts]} (see ``_layer``)."""
        import keras
        import tensorflow as tf

        from .contract import of

        began = time.perf_counter()
        found = of(self.model)
        x = tf.reshape(tf.constant(self.x), (-1, *found.input_shape))
        kernels = [_kernel(layer) for layer in self.layers]
        outputs = {}
        with tf.GradientTape() as tape:
            out = x
            try:  # a chain of layers (the app's models): every layer's output is seen
                for layer in self.model.layers:
                    if type(layer).__name__ == "InputLayer":
                        continue
                    out = layer(out, training=False)
                    outputs[id(layer)] = out
            except Exception:  # any other graph: the model whole, no per-layer outputs
                outputs.clear()
                out = self.model(x, training=False)
            out = tf.cast(out[0] if isinstance(out, (list, tuple)) else out, tf.float32)
            loss = keras.losses.categorical_crossentropy(self.y, out, from_logits=found.logits)
            loss = tf.reduce_mean(loss)
        grads = tape.gradient(loss, [k.value if hasattr(k, "value") else k for k in kernels])
        last = self.layers[-1] if self.layers else None
        layers = [self._layer(layer, start, grad, outputs.get(id(layer)), layer is last)
                  for layer, start, grad in zip(self.layers, self.start, grads)]
        return {"epoch": int(epoch) + 1, "loss": float(loss), "layers": layers, "images": len(self.x),
                "seconds": time.perf_counter() - began}

    def _layer(self, layer, start, grad, output, is_output: bool) -> dict:
        weights = np.asarray(_kernel(layer).numpy(), np.float32)
        grad = np.zeros_like(weights) if grad is None else np.asarray(grad, np.float32)
        weight_rms = float(np.sqrt(np.mean(weights ** 2)))
        grad_rms = float(np.sqrt(np.mean(grad ** 2)))
        top = float(max(np.abs(start).max(), np.abs(weights).max(), 1e-8))
        span = (-top, top)  # equal bins by range, not an array of edges: NumPy then sorts nothing
        activation = _activation(layer)
        dead = saturated = None
        if output is not None and not is_output:
            a = np.asarray(tf_to_numpy(output), np.float32)
            a = a.reshape(-1, a.shape[-1])  # (images × positions, units or channels)
            if activation in _RELU:
                dead = float(np.mean(np.all(a <= DEAD_BELOW, axis=0)))
            limits = _SATURATION.get(activation)
            if limits is not None:
                stuck = (a < limits[0]) | (a > limits[1])
                saturated = float(np.mean(np.mean(stuck, axis=0) >= SATURATED_SHARE))
        return {"name": layer.name, "kind": _kind(layer), "units": int(weights.shape[-1]),
                "activation": activation, "grad_rms": grad_rms, "weight_rms": weight_rms,
                "update_ratio": grad_rms / weight_rms if weight_rms else 0.0,
                "change": float(np.linalg.norm(weights - start) / max(np.linalg.norm(start), 1e-8)),
                "dead": dead, "saturated": saturated, "edges": span,
                "hist": np.histogram(weights, BINS, span)[0].tolist(),
                "hist_start": np.histogram(start, BINS, span)[0].tolist()}


def tf_to_numpy(value):
    return value.numpy() if hasattr(value, "numpy") else np.asarray(value)
