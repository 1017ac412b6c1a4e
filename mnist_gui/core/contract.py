"""The one model contract: what the app accepts of a Keras model, decided once when it is opened.

Accepted: ONE image input of shape 28×28, 28×28×1 or flat 784 (raw pixels 0..255), and ONE output
of ten class scores. A final softmax means the scores are probabilities; without one they are
logits, and every prediction (``Predictor``, evaluate, the export's parity check, ``predict``, the
Inside views) turns them into probabilities with a softmax. Anything else (two inputs or outputs,
other shapes), and a model whose weights or answers on a probe batch are not finite, is refused on
open with one ``ContractError`` line. The contract rides on the model object (``of``), so a caller
holding a model never decides it again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np




class ModelFileError(Exception):
    """A model file could not be saved or loaded; the message is meant for the user (core.storage's)."""


INPUT_SHAPES = ((28, 28), (28, 28, 1), (784,))
PROBE_IMAGES = 8
SUM_TOLERANCE = 1e-3     # rows of a softmax sum to 1 within float32 rounding
_ATTRIBUTE = "_mnist_contract"


class ContractError(ModelFileError):
    """The model does not meet the app's contract; the message is one line for the user."""


@dataclass(frozen=True)
class ModelContract:
    input_shape: tuple            # one of INPUT_SHAPES, without the batch axis
    logits: bool                  # True: the output is logits, a softmax is applied to predict

    @property
    def outputs(self) -> str:
        return "logits" if self.logits else "probabilities"

    @property
    def flat(self) -> bool:
        return self.input_shape == (784,)

    def describe(self) -> str:
        """For the UI's model line: empty for the usual case, else what the app does about it."""
        parts = []
        if self.flat:
            parts.append("takes 784 flat pixels")
        elif self.input_shape == (28, 28, 1):
            parts.append("takes 28×28×1 images")
        if self.logits:
            parts.append("outputs logits (softmax applied)")
        return ", ".join(parts)

    def output_meaning(self) -> str:
        """What the model (and so its export) outputs, for the export's contract file."""
        if self.logits:
            return ("logits (unnormalised scores) for the digits 0..9, NOT probabilities: apply a softmax "
                    "to get probabilities; the answer is the argmax")
        return "softmax probabilities for the digits 0..9 (they sum to 1); the answer is the argmax"

    def probabilities(self, outputs) -> np.ndarray:
        """The model's outputs (N, 10) as probabilities (a softmax for logits)."""
        outputs = np.asarray(outputs, dtype=np.float32)
        return softmax(outputs) if self.logits else outputs

    def as_dict(self) -> dict:
        return {"input_shape": list(self.input_shape), "outputs": self.outputs}


def softmax(x) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def of(model) -> ModelContract:
    """The contract of ``model``: the one decided when it was opened, else decided now (shapes and
    the kind of output; the finiteness of a model the app built or trained is not re-checked)."""
    found = getattr(model, _ATTRIBUTE, None)
    if isinstance(found, ModelContract):
        return found
    shape, softmax_end = _structure(model, getattr(model, "name", "the model"))
    found = ModelContract(shape, logits=False if softmax_end else _probe_logits(model, shape, check=False))
    attach(model, found)
    return found


def check(model, name: str = "the model") -> ModelContract:
    """Decide ``model``'s contract, or raise ``ContractError`` saying in one line why it is refused.

    Shapes first (one input, one output), then its weights, then a probe batch through the model:
    every answer must be a finite number. The contract is attached to the model (``of``)."""
    shape, softmax_end = _structure(model, name)
    for weight in getattr(model, "weights", []):
        try:
            finite = bool(np.all(np.isfinite(np.asarray(weight))))
        except (TypeError, ValueError):
            continue
        if not finite:
            raise ContractError(f"{name}'s weights contain NaN or infinite values: it cannot predict.")
    logits = _probe_logits(model, shape, check=True, name=name)
    found = ModelContract(shape, logits=False if softmax_end else logits)
    attach(model, found)
    return found


def attach(model, contract: ModelContract) -> None:
    try:
        setattr(model, _ATTRIBUTE, contract)
    except AttributeError:
        pass  # an object that takes no attributes: decided again at each ``of``


def _structure(model, name: str) -> tuple[tuple, bool]:
    """(input shape, ends in a softmax), or ContractError."""
    inputs, outputs = getattr(model, "inputs", None), getattr(model, "outputs", None)
    if not inputs or not outputs:
        raise ContractError(f"{name} has no defined input or output, so the app cannot use it.")
    if len(inputs) != 1:
        raise ContractError(f"{name} takes {len(inputs)} inputs; this app feeds one image (28×28 or 784 pixels).")
    if len(outputs) != 1:
        raise ContractError(f"{name} has {len(outputs)} outputs; this app needs one output of 10 class scores.")
    try:
        in_shape = tuple(inputs[0].shape[1:])
        out_shape = tuple(outputs[0].shape[1:])
    except Exception:
        in_shape = out_shape = None
    if in_shape not in INPUT_SHAPES:
        raise ContractError(f"{name} expects input of shape {in_shape}; this app needs 28×28 images "
                            "(or 28×28×1, or 784 pixels).")
    if out_shape != (10,):
        raise ContractError(f"{name} outputs shape {out_shape}; this app needs 10 class scores.")
    return in_shape, _ends_in_softmax(outputs[0])


def _ends_in_softmax(tensor) -> bool:
    history = getattr(tensor, "_keras_history", None)
    layer = getattr(history, "operation", None) or (history[0] if history else None)
    if layer is None:
        return False
    if type(layer).__name__ == "Softmax":
        return True
    activation = getattr(layer, "activation", None)
    return getattr(activation, "__name__", "") == "softmax"


def _probe_logits(model, shape, *, check: bool, name: str = "the model") -> bool:
    """Run a fixed probe batch; True if the outputs are not probability rows (so: logits).
    With ``check``, non-finite answers (or a model that cannot run) raise ``ContractError``."""
    rng = np.random.default_rng(0)
    images = np.concatenate([np.zeros((1, 28, 28)), np.full((1, 28, 28), 255.0),
                             rng.uniform(0, 255, (PROBE_IMAGES - 2, 28, 28))]).astype(np.float32)
    try:
        out = model(images.reshape((-1, *shape)), training=False)
        if isinstance(out, (list, tuple)):
            out = out[0]
        out = np.asarray(out, dtype=np.float32)
    except Exception as exc:
        if not check:
            return False
        text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise ContractError(f"{name} cannot predict a 28×28 image: {text}") from None
    if check and (out.shape != (PROBE_IMAGES, 10) or not np.all(np.isfinite(out))):
        raise ContractError(f"{name} answers with NaN or infinite values (its weights are broken): "
                            "it cannot predict.")
    sums_to_one = np.all(out >= 0) and np.allclose(out.sum(axis=1), 1.0, atol=SUM_TOLERANCE)
    return not sums_to_one
