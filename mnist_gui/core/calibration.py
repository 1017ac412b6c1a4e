"""Temperature scaling: softer (or sharper) probabilities with the same answers.

A model trained on MNIST is more sure of a mouse drawing than it is right about it. Dividing the
logits by a temperature T > 1 fixes that without changing any prediction (Guo et al., 2017). T is
fitted on drawings of *training* digits (``core.drawn``), never on the drawn benchmark's test digits,
and saved inside the model by dividing its last layer's weights by T: the same layers, any Keras
loads it with safe_mode, and the Draw Pad, Gallery and CLI need not know.
"""

from __future__ import annotations

import numpy as np


def nll(probabilities, labels, temperature: float) -> float:
    """Mean negative log-likelihood of ``labels`` after scaling the logits by 1/temperature."""
    logits = np.log(np.clip(np.asarray(probabilities, np.float64), 1e-12, 1.0)) / temperature
    logits -= logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(logits).sum(axis=1))
    return float(np.mean(log_norm - logits[np.arange(len(labels)), np.asarray(labels)]))


def fit_temperature(probabilities, labels) -> float:
    """The temperature in [0.25, 10] that minimises the negative log-likelihood (golden-section search in log T)."""
    lo, hi = np.log(0.25), np.log(10.0)
    ratio = (np.sqrt(5) - 1) / 2
    a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = nll(probabilities, labels, np.exp(a)), nll(probabilities, labels, np.exp(b))
    for _ in range(40):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - ratio * (hi - lo)
            fa = nll(probabilities, labels, np.exp(a))
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = nll(probabilities, labels, np.exp(b))
    return float(np.exp((lo + hi) / 2))


def with_temperature(model, temperature: float):
    """A copy of ``model`` (ending in a softmax Dense layer) whose logits are divided by ``temperature``.

    Dividing the last layer's weights and bias by T divides its logits by T: the model keeps its
    layers (the Inside tab's attribution still reads the scores before the softmax).
    """
    import keras

    last = model.layers[-1]
    if not isinstance(last, keras.layers.Dense) or last.activation is not keras.activations.softmax:
        raise ValueError("the model must end in a Dense layer with softmax")
    calibrated = keras.models.clone_model(model)
    calibrated.set_weights(model.get_weights())
    calibrated.layers[-1].set_weights([w / float(temperature) for w in last.get_weights()])
    return calibrated
