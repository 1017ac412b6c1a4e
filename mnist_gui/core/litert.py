"""Predictions from a LiteRT (``.tflite``) export, without TensorFlow.

``ai-edge-litert``'s interpreter imports in a fraction of a second where TensorFlow takes several,
so the app predicts with the bundled models' LiteRT exports from launch, and keeps doing so for
single images (the Draw Pad) where the interpreter is quicker than the compiled TensorFlow call.
Only ``ai_edge_litert`` and numpy are imported here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

BATCH = 1000  # images per interpreter call for large inputs (one resize per distinct size)


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ai_edge_litert") is not None


def bundled_export(model_path) -> Path | None:
    """``models/mnist_cnn.keras`` -> ``models/mnist_cnn.tflite`` when that export exists."""
    path = Path(model_path).with_suffix(".tflite")
    return path if path.is_file() else None


def verified_export(model_path) -> Path | None:
    """The LiteRT export beside ``model_path`` if its contract (``.tflite.json``) says it was made
    from exactly this file (its sha256) and passed the parity check; else None.

    So a model file retrained or replaced after its export never gets the old export's answers.
    """
    import json

    from .export import contract_path, file_sha256

    path = bundled_export(model_path)
    if path is None:
        return None
    try:
        contract = json.loads(contract_path(path).read_text(encoding="utf-8"))
        source = contract.get("source") or {}
        passed = (contract.get("parity_check") or {}).get("passed") is True
        if passed and not contract.get("int8_quantised") and source.get("sha256") == file_sha256(model_path):
            return path
    except (OSError, ValueError, AttributeError):
        pass
    return None


class LiteRTPredictor:
    """Same call contract as ``core.training.Predictor``: images (N, 28, 28) or (28, 28), 0..255 ->
    probabilities (N, 10) or (10,).

    Not thread-safe (the interpreter is not): callers serialise access.
    """

    def __init__(self, path, num_threads: int | None = None):
        from ai_edge_litert.interpreter import Interpreter

        self.path = Path(path)
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
        return self._interpreter.get_tensor(self._output["index"]).copy()

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
