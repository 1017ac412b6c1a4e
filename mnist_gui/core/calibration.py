"""Temperature scaling: softer (or sharper) probabilities with the same answers.

A model trained on MNIST is more sure of a mouse drawing than it is right about it. Dividing the
logits by a temperature T > 1 fixes that without changing any prediction (Guo et al., 2017). T is
fitted on drawings of *training* digits (``core.drawn``), never on the drawn benchmark's test digits,
and saved inside the model by dividing its last layer's weights by T: the same layers, any Keras
loads it with safe_mode, and the Draw Pad, Gallery and CLI need not know.
"""

from __future__ import annotations

import threading

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


def ends_in_softmax_dense(model) -> bool:
    """Whether the last layer is a softmax Dense: its logits can be divided (a temperature) or read
    before the softmax (``core.inside``'s attribution)."""
    last = model.layers[-1] if model.layers else None
    act = getattr(getattr(last, "activation", None), "__name__", "")
    return type(last).__name__ == "Dense" and act == "softmax"


def fold_temperature(model, temperature: float) -> None:
    """Divide the logits of ``model`` (ending in a softmax Dense layer) by ``temperature``, in place."""
    if not ends_in_softmax_dense(model):
        raise ValueError("the model must end in a Dense layer with softmax")
    last = model.layers[-1]
    last.set_weights([w / float(temperature) for w in last.get_weights()])


SAMPLE = 500  # training images a temperature is fitted on

_ahead: dict = {}  # (seed, number of images, sample) -> (the images picked, their variants): see prepare
_ahead_lock = threading.Lock()


def _picked(labels, sample: int, seed: int) -> np.ndarray:
    """Which training images a temperature is fitted on: a seeded choice."""
    return np.random.default_rng(seed).choice(len(labels), min(sample, len(labels)), replace=False)


def _varied(originals: np.ndarray, n_labels: int, seed: int) -> np.ndarray:
    """The picked images augmented as training augments them; made ahead by ``prepare`` when it was
    asked for the same choice of the same images."""
    from .augment import augmenter

    with _ahead_lock:
        ahead = _ahead.get((seed, n_labels, len(originals)))
    if ahead is not None and np.array_equal(ahead[0], originals):
        return ahead[1]
    return np.clip(np.asarray(augmenter(seed=seed)(originals.astype(np.float32), training=True)), 0, 255)


def prepare(model, images, labels, sample: int = SAMPLE, seed: int = 0) -> None:
    """Do now, while the training process waits for a run, what ``after_label_smoothing`` will need
    for a model of ``model``'s architecture trained on these images with this seed: the augmented
    sample, and the forward pass compiled for it (0.1-0.3 s of a Stop's end, measured)."""
    from .training import Predictor

    originals = np.asarray(images[_picked(labels, sample, seed)])
    varied = _varied(originals, len(labels), seed)
    with _ahead_lock:
        _ahead.clear()
        _ahead[(seed, len(labels), len(originals))] = (originals, varied)
    Predictor(model)(varied)


def _probabilities(model, images) -> np.ndarray:
    from .training import Predictor, has_shared_forward, predict_probabilities

    if has_shared_forward(model):  # compiled by prepare: quicker than an eager call's first
        return Predictor(model)(images)
    return np.concatenate([predict_probabilities(model, images[i:i + 1000]) for i in range(0, len(images), 1000)])


def after_label_smoothing(model, images, labels, sample: int = SAMPLE, seed: int = 0) -> dict:
    """Give back the confidence label smoothing took: a model trained on smoothed targets says 91% where
    it is 99.5% right. The temperature is fitted on ``sample`` of its training images, varied as
    training varies them (``core.augment``: as plain images the model has learnt them by heart, ~99.7%
    right, and the fit comes out sharper the fewer mistakes the sample holds), never on the test set,
    and folded into its last layer; the answers stay the same. What was done, for the sidecar."""
    if not ends_in_softmax_dense(model):
        return {"applied": False, "why": "trained with label smoothing; its last layer cannot hold a temperature"}
    pick = _picked(labels, sample, seed)
    probabilities = _probabilities(model, _varied(np.asarray(images[pick]), len(labels), seed))
    temperature = fit_temperature(probabilities, np.asarray(labels)[pick])
    fold_temperature(model, temperature)
    return {"applied": True, "temperature_fitted": round(temperature, 4),
            "why": f"trained with label smoothing; fitted on {len(pick)} of its training images, augmented"}


def with_temperature(model, temperature: float):
    """A copy of ``model`` (ending in a softmax Dense layer) whose logits are divided by ``temperature``.

    Dividing the last layer's weights and bias by T divides its logits by T: the model keeps its
    layers (the Inside tab's attribution still reads the scores before the softmax).
    """
    import keras

    calibrated = keras.models.clone_model(model)
    calibrated.set_weights(model.get_weights())
    fold_temperature(calibrated, temperature)
    return calibrated
