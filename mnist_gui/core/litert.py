"""Predictions from a LiteRT (``.tflite``) export, without TensorFlow.

``ai-edge-litert``'s interpreter imports in a fraction of a second where TensorFlow takes several,
so the app predicts with the bundled models' LiteRT exports from launch, and keeps doing so for
single images (the Draw Pad) where the interpreter is quicker than the compiled TensorFlow call.
Only ``ai_edge_litert`` and numpy are imported here (and nothing of ``core.export``, which imports
this module: the dependency goes one way).
"""

from __future__ import annotations

from pathlib import Path

import json

import numpy as np

from .files import file_sha256

BATCH = 1000  # images per interpreter call for large inputs (one resize per distinct size)


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ai_edge_litert") is not None


def bundled_export(model_path) -> Path | None:
    """``models/mnist_cnn.keras`` -> ``models/mnist_cnn.tflite`` when that export exists."""
    path = Path(model_path).with_suffix(".tflite")
    return path if path.is_file() else None


def contract_path(artifact) -> Path:
    """``mnist_cnn.tflite`` -> ``mnist_cnn.tflite.json`` (also for a SavedModel folder)."""
    artifact = Path(artifact)
    return artifact.with_name(artifact.name + ".json")


def read_contract(artifact) -> dict:
    """The contract beside ``artifact``, or {} when there is none or it is unreadable."""
    try:
        data = json.loads(contract_path(artifact).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def outputs_logits(contract: dict) -> bool:
    """Whether a contract says its artifact outputs logits (a softmax makes them probabilities)."""
    output = contract.get("output")
    return isinstance(output, dict) and output.get("kind") == "logits"


def verified_export(model_path) -> Path | None:
    """The LiteRT export beside ``model_path`` if its contract (``.tflite.json``) says it was made
    from exactly this file (its sha256), records the export's own sha256 and that matches too, and
    the export passed the parity check (float, not int8); else None.

    So a model file retrained or replaced after its export, or an export swapped or damaged beside
    its contract, never answers for the model.
    """
    path = bundled_export(model_path)
    if path is None:
        return None
    contract = read_contract(path)
    try:
        source, artifact = contract.get("source") or {}, contract.get("artifact") or {}
        passed = (contract.get("parity_check") or {}).get("passed") is True
        if (passed and not contract.get("int8_quantised") and isinstance(artifact.get("sha256"), str)
                and source.get("sha256") == file_sha256(model_path) and artifact["sha256"] == file_sha256(path)):
            return path
    except (OSError, AttributeError):
        pass
    return None


class LiteRTPredictor:
    """Same call contract as ``core.training.Predictor``: images (N, 28, 28) or (28, 28), 0..255 ->
    probabilities (N, 10) or (10,). ``logits``: the export outputs logits, turned into probabilities
    here; None reads it from the contract beside the export (a model without a final softmax).

    Not thread-safe (the interpreter is not): callers serialise access.
    """

    def __init__(self, path, num_threads: int | None = None, logits: bool | None = None):
        from ai_edge_litert.interpreter import Interpreter

        self.path = Path(path)
        self.logits = outputs_logits(read_contract(self.path)) if logits is None else bool(logits)
        self._interpreter = Interpreter(model_path=str(self.path), num_threads=num_threads)
        self._input = self._interpreter.get_input_details()[0]
        self._output = self._interpreter.get_output_details()[0]
        self.input_shape = tuple(int(d) for d in self._input["shape_signature"][1:])
        self._batch = None
        self._resize(1)

    def _resize(self, n: int) -> None:
        if n != self._batch:
            self._interpreter.resize_tensor_input(self._input["index"], (n, *self.input_shape))
            self._interpreter.allocate_tensors()
            self._batch = n

    def _run(self, images: np.ndarray) -> np.ndarray:
        self._resize(len(images))
        self._interpreter.set_tensor(self._input["index"], images.reshape((len(images), *self.input_shape)))
        self._interpreter.invoke()
        out = self._interpreter.get_tensor(self._output["index"]).copy()
        if self.logits:
            out = np.exp(out - out.max(axis=1, keepdims=True))
            out /= out.sum(axis=1, keepdims=True)
        return out

    def __call__(self, images) -> np.ndarray:
        images = np.ascontiguousarray(images, dtype=np.float32)
        single = images.ndim == 2
        if single:
            images = images[None]
        if len(images) == 0:
            return np.zeros((0, 10), dtype=np.float32)
        if len(images) <= BATCH:
            out = self._run(images)
        else:
            out = np.concatenate([self._run(images[i:i + BATCH]) for i in range(0, len(images), BATCH)])
        return out[0] if single else out
