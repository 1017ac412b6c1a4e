"""Model files: atomic saves, safe loads, and a JSON sidecar with what the model is.

``.keras`` is the default format; ``.h5`` is offered because the notebook saved ``mnist_dnn_v1.h5``.
Loading always uses ``safe_mode=True`` (no code from a file is ever run) and checks the model's
shapes, so anything the app cannot use is refused with a ``ModelFileError`` a user can read.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from .files import atomic_write

FORMATS = (".keras", ".h5")


class ModelFileError(Exception):
    """A model file could not be saved or loaded; the message is meant for the user."""


def sidecar_path(path) -> Path:
    """``mnist_dnn_v1.keras`` -> ``mnist_dnn_v1.json``."""
    return Path(path).with_suffix(".json")


def save_model(model, path, metadata: dict | None = None) -> Path:
    """Save ``model`` to ``path`` (.keras or .h5) atomically; write ``metadata`` to the JSON sidecar."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ModelFileError(f"Cannot save to {path.name}: use a .keras or .h5 file name.")
    if path.is_dir():
        raise ModelFileError(f"Cannot save to {path}: it is a folder.")
    if not path.parent.is_dir():
        raise ModelFileError(f"Cannot save to {path}: the folder {path.parent} does not exist.")
    try:
        atomic_write(path, lambda tmp: model.save(tmp))
        if metadata is not None:
            text = json.dumps(metadata, indent=2, sort_keys=True, default=str) + "\n"
            atomic_write(sidecar_path(path), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    except ModelFileError:
        raise
    except Exception as exc:  # disk full, permissions, unserialisable layer...
        raise ModelFileError(f"Could not save the model to {path}: {_reason(exc)}") from exc
    return path


def read_metadata(path) -> dict:
    """The sidecar's contents, or {} when there is none or it is unreadable (it is only informative)."""
    try:
        data = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_model(path):
    """Load a model the app can use, or raise ``ModelFileError`` saying why not."""
    path = Path(path)
    if not path.exists():
        raise ModelFileError(f"No model file at {path}.")
    if path.is_dir():
        raise ModelFileError(f"{path} is a folder, not a model file.")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ModelFileError(f"{path.name} is not a model file: expected a .keras or .h5 file.")
    if path.stat().st_size == 0:
        raise ModelFileError(f"{path.name} is empty.")
    if suffix == ".keras" and not zipfile.is_zipfile(path):
        raise ModelFileError(f"{path.name} is damaged or not a Keras model file (not a .keras archive).")
    if suffix == ".h5":
        _check_h5(path)

    import keras

    try:
        model = keras.saving.load_model(path, safe_mode=True, compile=True)
    except Exception as exc:
        raise ModelFileError(f"Could not load {path.name}: {_reason(exc)}") from exc
    check_model_shapes(model, path.name)
    return model


def check_model_shapes(model, name: str = "the model") -> None:
    """The app feeds (28, 28) or (784,) images and reads ten class probabilities."""
    try:
        in_shape = tuple(model.inputs[0].shape[1:]) if getattr(model, "inputs", None) else None
        out_shape = tuple(model.outputs[0].shape[1:]) if getattr(model, "outputs", None) else None
    except Exception:
        in_shape = out_shape = None
    if in_shape not in ((28, 28), (784,)):
        raise ModelFileError(
            f"{name} expects input of shape {in_shape}; this app needs 28×28 images (or 784 pixels).")
    if out_shape != (10,):
        raise ModelFileError(f"{name} outputs shape {out_shape}; this app needs 10 class scores.")


def _check_h5(path: Path) -> None:
    """Refuse non-HDF5 files and Lambda layers before Keras parses the legacy format."""
    import h5py

    try:
        with h5py.File(path, "r") as f:
            config = f.attrs.get("model_config")
    except Exception:
        raise ModelFileError(f"{path.name} is damaged or not an HDF5 model file.") from None
    if config is None:
        raise ModelFileError(f"{path.name} holds no model (weights only, or not a Keras file).")
    if isinstance(config, bytes):
        config = config.decode("utf-8", "replace")
    # Lambda layers carry Python bytecode: never deserialize them, whatever Keras would do.
    if '"Lambda"' in config or "'Lambda'" in config:
        raise ModelFileError(
            f"{path.name} contains a Lambda layer (arbitrary code); it is refused for safety.")


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "Lambda" in str(exc) or "safe_mode" in str(exc):
        return "it contains a Lambda layer (arbitrary code), which is refused for safety"
    return text[:300]


def list_models(folder) -> list[tuple[Path, dict]]:
    """Model files in ``folder`` with their sidecar metadata, best test accuracy first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [(p, read_metadata(p)) for p in sorted(folder.iterdir())
             if p.suffix.lower() in FORMATS and p.is_file() and not p.name.startswith(".")]
    return sorted(found, key=lambda item: -(item[1].get("test_accuracy") or 0.0))
