"""Model files: atomic saves, safe loads, and a JSON sidecar with what the model is.

``.keras`` is the default format; ``.h5`` is offered because the notebook saved ``mnist_dnn_v1.h5``.
Loading always uses ``safe_mode=True`` (no code from a file is ever run) and checks the model's
shapes, so anything the app cannot use is refused with a ``ModelFileError`` a user can read.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import zipfile
from glob import escape as glob_escape
from pathlib import Path

from .files import check_folder_writable, check_regular_file, clean_stale_temps, finish_temp, temp_path
from .contract import ModelFileError  # noqa: F401  (raised here; defined beside ContractError)

FORMATS = (".keras", ".h5")



def sidecar_path(path) -> Path:
    """``mnist_dnn_v1.keras`` -> ``mnist_dnn_v1.keras.json``: one sidecar per model file, so that
    ``m.keras`` and ``m.h5`` in one folder never share one."""
    path = Path(path)
    return path.with_name(path.name + ".json")


def legacy_sidecar_path(path) -> Path:
    """The name older versions wrote (``mnist_dnn_v1.json``); still read when there is no other."""
    return Path(path).with_suffix(".json")


def check_destination(path) -> Path:
    """Raise ``ModelFileError`` unless a model can be saved at ``path``; before any long work."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ModelFileError(f"Cannot save to {path.name}: use a .keras or .h5 file name.")
    if path.suffix not in FORMATS:
        raise ModelFileError(f"Cannot save to {path.name}: write the suffix in lower case "
                             f"({path.suffix.lower()}), as Keras requires.")
    if path.is_dir():
        raise ModelFileError(f"Cannot save to {path}: it is a folder.")
    if not path.parent.is_dir():
        raise ModelFileError(f"Cannot save to {path}: the folder {path.parent} does not exist.")
    if sidecar_path(path).is_dir():
        raise ModelFileError(f"Cannot save to {path}: a folder named {sidecar_path(path).name} is in the way.")
    try:
        check_folder_writable(path.parent)
    except OSError as exc:
        raise ModelFileError(f"Cannot save to {path}: the folder is not writable "
                             f"({exc.strerror or _reason(exc)}).") from None
    return path


def save_model(model, path, metadata: dict | None = None) -> Path:
    """Save ``model`` to ``path`` (.keras or .h5) and ``metadata`` to its JSON sidecar, as one change.

    Both are written to temp files first; only when both are complete are they renamed into place,
    so a failure leaves the previous pair as it was. Temp files that killed saves left in the
    folder are removed first.
    """
    path = check_destination(path)
    clean_stale_temps(path.parent)
    sidecar = sidecar_path(path)
    temps: list[Path] = []
    tmp_dirs_before = _keras_temp_dirs()
    try:
        model_tmp = temp_path(path)
        temps.append(model_tmp)
        model.save(str(model_tmp))
        finish_temp(model_tmp)
        sidecar_tmp = None
        if metadata is not None:
            sidecar_tmp = temp_path(sidecar)
            temps.append(sidecar_tmp)
            text = json.dumps({**metadata, "file": path.name}, indent=2, sort_keys=True, default=str) + "\n"
            sidecar_tmp.write_text(text, encoding="utf-8")
            finish_temp(sidecar_tmp)
        _commit(model_tmp, path, sidecar_tmp, sidecar)
    except ModelFileError:
        raise
    except Exception as exc:  # disk full, permissions, unserialisable layer...
        _remove_new_keras_temp_dirs(tmp_dirs_before)
        raise ModelFileError(f"Could not save the model to {path}: {_reason(exc)}") from exc
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        # A Ctrl-C between a temp file's creation and its listing above must not leave it behind:
        # this process's temps for these two names are this save's (saves of a path never overlap).
        for target in (path, sidecar):
            for tmp in path.parent.glob(f".{glob_escape(target.name)}.{os.getpid()}.*.tmp*"):
                tmp.unlink(missing_ok=True)
    return path


def _commit(model_tmp: Path, path: Path, sidecar_tmp: Path | None, sidecar: Path) -> None:
    """Rename the sidecar, then the model, into place; if the model's rename fails, put the old
    sidecar back, so the pair on disk is always the old one or the new one."""
    if sidecar_tmp is None:
        os.replace(model_tmp, path)
        return
    old_sidecar = sidecar.read_bytes() if sidecar.is_file() else None
    os.replace(sidecar_tmp, sidecar)
    try:
        os.replace(model_tmp, path)
    except BaseException:
        if old_sidecar is None:
            sidecar.unlink(missing_ok=True)
        else:
            sidecar.write_bytes(old_sidecar)
        raise


def _keras_temp_dirs() -> set[str]:
    try:
        return {e.name for e in os.scandir(tempfile.gettempdir()) if e.name.startswith("tmp")}
    except OSError:
        return set()


def _remove_new_keras_temp_dirs(before: set[str]) -> None:
    """Keras' saver makes temp folders and leaves them behind when a save fails: remove the empty
    ones that appeared during this save."""
    root = Path(tempfile.gettempdir())
    for name in _keras_temp_dirs() - before:
        folder = root / name
        try:
            if folder.is_dir() and time.time() - folder.stat().st_mtime < 3600 and not any(folder.rglob("*.*")):
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


def read_metadata(path) -> dict:
    """The sidecar's well-typed fields, or {} when there is none or it is unreadable (it is only
    informative): see ``read_sidecar``, which also says what was ignored."""
    return read_sidecar(path)[0]


def read_sidecar(path) -> tuple[dict, str | None]:
    """The sidecar of the model file ``path``: its well-typed fields (``core.sidecar.clean``: e.g.
    ``epochs_run`` a whole number ≥ 0, ``history`` lists of finite numbers of one length), and None
    or one line for the user saying what was damaged and ignored (the whole file, or some fields).

    Only a regular file of at most ``sidecar.MAX_BYTES`` is read (never a FIFO). A sidecar naming
    another model file (``"file"``) is not this one's. The legacy name is read only when there is
    no sidecar of the current name; being any JSON file of the user's, it is not called damaged.
    """
    from . import sidecar

    path = Path(path)
    for candidate in (sidecar_path(path), legacy_sidecar_path(path)):
        legacy = candidate != sidecar_path(path)
        try:
            text = sidecar.read_text(candidate)
            if text is None:
                continue
            data = sidecar.parse(text)
        except sidecar.SidecarError as exc:
            if legacy:
                continue
            return {}, f"ignoring the damaged sidecar of {path.name} ({candidate.name}): {exc}"
        owner = data.pop("file", path.name)
        if isinstance(owner, str) and owner != path.name:
            continue  # another model's sidecar (a copied or renamed file)
        kept, dropped = sidecar.clean(data)
        if not isinstance(owner, str):
            dropped.insert(0, f"file ({sidecar.shown(owner)}: not a file name)")
        if not dropped:
            return kept, None
        return kept, (f"ignoring damaged fields of the sidecar of {path.name} ({candidate.name}): "
                      + "; ".join(dropped))
    return {}, None


def load_model(path):
    """Load a model the app can use, or raise ``ModelFileError`` saying why not.

    The model carries its contract (``core.contract.of(model)``: input shape, probabilities or
    logits), checked here once: see ``open_model``."""
    return open_model(path)[0]


def open_model(path):
    """``(model, contract)`` for the model file at ``path``: safe-mode load, then the one contract
    check (``core.contract.check``: one input, one 10-way output, finite answers), then compiled
    with the app's loss. Any refusal is a ``ModelFileError`` (``ContractError`` for the contract)."""
    from . import contract

    path = check_model_file(path)

    import keras

    try:
        model = keras.saving.load_model(path, safe_mode=True, compile=True)
    except Exception as exc:
        raise ModelFileError(f"Could not load {path.name}: {_reason(exc)}") from exc
    found = contract.check(model, path.name)
    return compile_for_app(model), found


def check_model_file(path) -> Path:
    """What can be checked of a model file without TensorFlow: there, a file, the right kind."""
    path = Path(path)
    if not path.exists():
        raise ModelFileError(f"No model file at {path}.")
    if path.is_dir():
        raise ModelFileError(f"{path} is a folder, not a model file.")
    try:  # a FIFO or a device is never opened: reading it could block or never end
        check_regular_file(path)
    except OSError as exc:
        raise ModelFileError(f"{path.name} {exc}.") from None
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ModelFileError(f"{path.name} is not a model file: expected a .keras or .h5 file.")
    if path.stat().st_size == 0:
        raise ModelFileError(f"{path.name} is empty.")
    if suffix == ".keras" and not zipfile.is_zipfile(path):
        raise ModelFileError(f"{path.name} is damaged or not a Keras model file (not a .keras archive).")
    if suffix == ".h5":
        _check_h5(path)
    return path


def compile_for_app(model, optimizer=None, fallback=None):
    """Compile ``model`` with the app's loss and metrics, whatever its file said.

    A file's own compile config is not trusted to work: Keras 2 files name metrics as strings
    that Keras 3 compiles as they are (``'str' object is not callable`` at evaluation). The
    file's optimizer, with its state, is kept unless ``optimizer`` replaces it; where the file has
    none that can train this model, ``fallback`` (default: plain SGD) is used.
    """
    import keras

    if optimizer is None:
        kept = getattr(model, "optimizer", None) if model.compiled else None
        usable = isinstance(kept, keras.optimizers.Optimizer) and _fits(kept, model)
        optimizer = kept if usable else (fallback or "sgd")
    from . import contract

    # A model ending in logits is trained and evaluated on the cross-entropy of their softmax.
    loss = (keras.losses.CategoricalCrossentropy(from_logits=True) if contract.of(model).logits
            else "categorical_crossentropy")
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    return model


def check_model_shapes(model, name: str = "the model") -> None:
    """One image input (28×28, 28×28×1 or 784) and one output of ten class scores, else
    ``ContractError`` (a ``ModelFileError``); ``core.contract.check`` is the whole check."""
    from . import contract

    contract._structure(model, name)


def _fits(optimizer, model) -> bool:
    """An optimizer built for other variables (a legacy .h5's, restored without its state) cannot
    train this model: Keras refuses it at the first step."""
    built_for = getattr(optimizer, "_trainable_variables", None)
    if not getattr(optimizer, "built", False) or built_for is None:
        return True
    return {id(v) for v in built_for} == {id(v) for v in model.trainable_variables}


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
