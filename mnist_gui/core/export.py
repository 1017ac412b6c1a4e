"""Exporting a model for other runtimes, and checking that the export predicts as the app does.

Export is Keras' own ``model.export`` (LiteRT, TensorFlow SavedModel, ONNX); nothing here converts
graphs by hand. Beside every artifact goes ``<artifact>.json``: the input contract (what a caller
must feed it, and how the app prepares a drawing) and the model's sidecar facts, so that an
exported model is not fed 0..1 pixels or black-on-white digits by mistake.

The parity check runs the 10,000 test images and the drawn-digit benchmark's images
(``drawn_digit_sets``) through the artifact in its own runtime (the LiteRT interpreter of
``ai-edge-litert``, ``tf.saved_model.load``, ``onnxruntime``) and through the Keras model, and
compares the answers (as probabilities: a model without a final softmax gets one on both sides).

``export_and_verify`` is the one entry point (CLI and app): artifact and contract are written under
temporary names, checked, and renamed into place as one pair; the contract records the sha256 of
the model file and of the artifact itself, so ``core.litert.verified_export`` can trust it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import math
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .files import atomic_write, file_sha256, finish_temp, remove_path as _remove, replace_together, temp_path
from .litert import contract_path  # noqa: F401  (the one-way dependency: export -> litert)

# CLI name -> (Keras' format name, artifact suffix; "" for a folder).
FORMATS = {
    "litert": ("litert", ".tflite"),
    "savedmodel": ("tf_saved_model", ""),
    "onnx": ("onnx", ".onnx"),
}
MIN_AGREEMENT = 0.999        # float exports: argmax agreement with Keras on the test set
MIN_AGREEMENT_INT8 = 0.99    # int8 weights and activations cost a little; the check still fails loudly below
REPRESENTATIVE_IMAGES = 500  # training images that calibrate int8 activation ranges
CHECK_BATCH = 1000
ONNX_PACKAGES = ("tf2onnx", "onnx", "onnxruntime")
# The drawn-digit benchmark's set (benchmarks/drawn_digits.py: --n 2000, seed core.drawn.DEFAULT_SEED).
DRAWN_N = 2000


class ExportError(Exception):
    """Export or parity check failed; the message is one line meant for the user."""


def missing_onnx_packages() -> list[str]:
    return [name for name in ONNX_PACKAGES if importlib.util.find_spec(name) is None]


def available_formats() -> list[str]:
    return [fmt for fmt in FORMATS if fmt != "onnx" or not missing_onnx_packages()]


def check_destination(path, fmt: str) -> Path:
    """The artifact path, or ``ExportError`` saying why it cannot be written."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}: choose {', '.join(FORMATS)}.")
    if fmt == "onnx" and missing_onnx_packages():
        raise ExportError("ONNX export needs the packages " + ", ".join(missing_onnx_packages())
                          + ": pip install 'mnist-gui[onnx]'.")
    path = Path(path)
    suffix = FORMATS[fmt][1]
    if suffix and path.suffix.lower() != suffix:
        raise ExportError(f"A {fmt} export must be a {suffix} file, not {path.name}.")
    if not path.parent.is_dir():
        raise ExportError(f"Cannot export to {path}: the folder {path.parent} does not exist.")
    if not os.access(path.parent, os.W_OK):
        raise ExportError(f"Cannot export to {path}: the folder {path.parent} is not writable.")
    if suffix and path.is_dir():
        raise ExportError(f"Cannot export to {path}: it is a folder.")
    if contract_path(path).is_dir():
        raise ExportError(f"Cannot export to {path}: a folder named {contract_path(path).name} is in the way "
                          "of its contract.")
    if not suffix and path.exists() and not (path / "saved_model.pb").is_file() and (
            path.is_file() or any(path.iterdir())):
        raise ExportError(f"Cannot export a SavedModel to {path}: it exists and is not a SavedModel folder.")
    return path


def input_shape(model) -> tuple[int, ...]:
    return tuple(int(d) for d in model.inputs[0].shape[1:])


def _agreed(model):
    """The model's contract (``core.contract``), or ExportError saying why it has none."""
    from .contract import ContractError, of

    try:
        return of(model)
    except ContractError as exc:
        raise ExportError(str(exc)) from None


@dataclass
class ExportResult:
    path: Path
    fmt: str
    int8: bool
    seconds: float
    size_bytes: int
    contract: Path


def export_model(model, path, fmt: str, *, int8: bool = False, calibration_images=None,
                 metadata: dict | None = None, source=None) -> ExportResult:
    """Export ``model`` with ``model.export`` to ``path``, with its contract beside it (no parity
    figures: ``export_and_verify`` is the whole job).

    The artifact and its contract appear together or not at all (written under temporary names,
    then renamed as one pair). ``int8`` (LiteRT only): weights and activations quantised to 8 bits,
    calibrated on ``calibration_images`` (N, 28, 28) 0..255; inputs and outputs stay float32.
    ``metadata`` is the model's sidecar record (``core.run.run_metadata``); ``source`` the model file
    it was loaded from, whose name and sha256 the contract records (so a stale export shows).
    """
    path = check_destination(path, fmt)
    if int8 and fmt != "litert":
        raise ExportError("--int8 applies to the litert format only.")
    source_sha = _source_sha(source)
    staged, seconds = _stage_artifact(model, path, fmt, int8, calibration_images)
    with _cleaning(staged, path):
        contract_tmp = _stage_contract(model, path, fmt, staged, int8=int8, metadata=metadata,
                                       source=(source, source_sha), parity=None)
        commit_pair(staged, path, contract_tmp)
    return ExportResult(path, fmt, int8, seconds, _size(path), contract_path(path))


def _stage_artifact(model, path: Path, fmt: str, int8: bool, calibration_images) -> tuple[Path, float]:
    """Export ``model`` under a temporary name beside ``path``: (that name, seconds taken)."""
    keras_format, suffix = FORMATS[fmt]
    kwargs = {}
    if int8:
        kwargs = _int8_options(model, calibration_images)
    if fmt == "onnx":  # Keras infers the signature only for a model that has been called; a loaded one has not
        import keras

        kwargs = {"input_signature": [keras.InputSpec(shape=(None, *input_shape(model)), dtype="float32")]}
    started = time.perf_counter()
    tmp = None
    try:
        if suffix:
            tmp = temp_path(path)
            model.export(str(tmp), format=keras_format, verbose=False, **kwargs)
            finish_temp(tmp)
        else:
            tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
            shutil.rmtree(tmp)  # Keras wants to create the folder itself
            model.export(str(tmp), format=keras_format, verbose=False)
    except BaseException as exc:
        if tmp is not None:
            _remove(tmp)
        if isinstance(exc, ExportError) or not isinstance(exc, Exception):
            raise
        raise ExportError(f"Could not export to {path.name}: {_first_line(exc)}") from exc
    return tmp, time.perf_counter() - started


@contextlib.contextmanager
def _cleaning(staged: Path, path: Path):
    """Remove the staged artifact (and contract) on any failure; unexpected errors become one line."""
    try:
        yield
    except BaseException as exc:
        _remove(staged)
        for leftover in path.parent.glob(f".{contract_path(path).name}.*.tmp*"):
            if str(os.getpid()) in leftover.name:
                _remove(leftover)
        if isinstance(exc, ExportError) or not isinstance(exc, Exception):
            raise
        raise ExportError(f"Could not finish the export to {path.name}: {_first_line(exc)}") from exc


def commit_pair(staged: Path, path: Path, contract_tmp: Path) -> None:
    """Rename the staged artifact and its contract into place as one pair (``files.replace_together``)."""
    replace_together([(staged, path), (contract_tmp, contract_path(path))])


def _source_sha(source) -> str | None:
    return file_sha256(source) if source is not None and Path(source).is_file() else None


def artifact_sha256(path) -> str:
    """The sha256 of an artifact: its bytes, or for a folder its files' names and hashes in order."""
    path = Path(path)
    if path.is_file():
        return file_sha256(path)
    digest = hashlib.sha256()
    for item in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(f"{item.relative_to(path).as_posix()}\0{file_sha256(item)}\n".encode())
    return digest.hexdigest()


def _int8_options(model, calibration_images) -> dict:
    import tensorflow as tf

    if calibration_images is None:
        raise ExportError("An int8 export needs calibration images.")
    images = np.asarray(calibration_images, dtype=np.float32)[:REPRESENTATIVE_IMAGES]
    shape = input_shape(model)

    def representative():
        for image in images:
            yield [image.reshape((1, *shape))]

    return {"optimizations": [tf.lite.Optimize.DEFAULT], "representative_dataset": representative}


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    for said, meaning in (("No space left", "the disk is full"), ("File too large", "a file grew past the "
                          "size this system allows (ulimit -f)"), ("Permission denied", "permission denied")):
        if said in text:  # TensorFlow's messages bury the reason at the end of a long line
            return meaning
    return (text.splitlines()[0] if text else type(exc).__name__)[:300]


# ---- the contract ------------------------------------------------------------------------------

def contract(model, fmt: str, *, int8: bool = False, metadata: dict | None = None, source=None,
             artifact=None) -> dict:
    """What a caller must feed the exported model, what it answers, and what the app knows about it.

    ``source``: the model file (or (file, its sha256 taken earlier)); ``artifact``: the export whose
    sha256 is recorded (a staged one is renamed into place with its bytes unchanged)."""
    from . import preprocess

    agreed = _agreed(model)
    shape = agreed.input_shape
    how = {
        "litert": "ai_edge_litert.interpreter.Interpreter(model_path=...); resize_tensor_input to "
                  "(N, " + ", ".join(map(str, shape)) + ") for batches; invoke; read the output tensor",
        "savedmodel": "tf.saved_model.load(path).serve(x)  (also the 'serving_default' signature)",
        "onnx": "onnxruntime.InferenceSession(path).run(None, {input_name: x})",
    }[fmt]
    return {
        "format": fmt,
        "int8_quantised": int8,
        "how_to_run": how,
        "input": {
            "shape": ["N", *shape],
            "dtype": "float32",
            "value_range": "0..255 (raw pixel values as floats; do NOT scale to 0..1 — "
                           "the model does any scaling itself)",
            "polarity": "white digit (255) on a black background (0), as in MNIST",
            "layout": "row-major 28×28 image" + {(784,): ", flattened to 784 values",
                                                 (28, 28, 1): " with one channel axis"}.get(shape, ""),
        },
        "output": {
            "shape": ["N", 10],
            "dtype": "float32",
            "kind": agreed.outputs,          # "probabilities" or "logits"
            "meaning": agreed.output_meaning(),
        },
        "preparing_a_drawing": [
            "grey image of any size, white ink on black, values 0..255",
            f"find the ink: the smallest box holding every pixel brighter than {preprocess.INK_THRESHOLD}",
            f"scale that box, keeping its aspect ratio, so that its longer side is {preprocess.BOX} pixels "
            "(Lanczos resampling, anti-aliased)",
            f"place it in a black {preprocess.SIZE}×{preprocess.SIZE} image, shifted by whole pixels so that "
            f"its centre of mass sits at row {preprocess.CENTRE:g}, column {preprocess.CENTRE:g} "
            "(clamped so no ink is cut off)",
            "feed the result as float32 0..255 (mnist_gui.core.preprocess.prepare_digit does exactly this)",
        ],
        "model": _jsonable(metadata or {}),
        "source": _source_record(source),
        "artifact": None if artifact is None else {"file": Path(artifact).name, "sha256": artifact_sha256(artifact)},
    }


def _source_record(source) -> dict | None:
    source, sha = source if isinstance(source, tuple) else (source, _source_sha(source))
    return None if source is None or sha is None else {"file": Path(source).name, "sha256": sha}


def _contract_text(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def _stage_contract(model, path: Path, fmt: str, staged: Path, *, int8, metadata, source, parity) -> Path:
    """The contract of the staged artifact ``staged`` (to be renamed to ``path``), under a temporary name."""
    data = contract(model, fmt, int8=int8, metadata=metadata, source=source, artifact=staged)
    data["artifact"]["file"] = path.name
    if parity is not None:
        data["parity_check"] = parity.as_dict()
    tmp = temp_path(contract_path(path))
    try:
        tmp.write_text(_contract_text(data), encoding="utf-8")
        finish_temp(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_contract(model, path, fmt: str, *, int8: bool = False, metadata: dict | None = None,
                   parity: "ParityResult | None" = None, source=None) -> Path:
    """Write the contract of the artifact at ``path`` (its sha256 included), atomically."""
    data = contract(model, fmt, int8=int8, metadata=metadata, source=source, artifact=path)
    if parity is not None:
        data["parity_check"] = parity.as_dict()
    target = contract_path(path)
    atomic_write(target, lambda tmp: Path(tmp).write_text(_contract_text(data), encoding="utf-8"))
    return target


def record_parity(path, parity: "ParityResult") -> None:
    """Add the parity figures (and the artifact's sha256 as it is now) to an artifact's contract file."""
    target = contract_path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    data["parity_check"] = parity.as_dict()
    data["artifact"] = {"file": Path(path).name, "sha256": artifact_sha256(path)}
    try:
        atomic_write(target, lambda tmp: Path(tmp).write_text(_contract_text(data), encoding="utf-8"))
    except OSError as exc:
        raise ExportError(f"Could not write the contract {target.name}: {_first_line(exc)}") from exc


def _jsonable(value):
    return json.loads(json.dumps(value, default=str))


# ---- running an artifact in its own runtime ------------------------------------------------------

def artifact_runner(path, fmt: str, logits: bool = False):
    """A function images (N, 28, 28) float32 0..255 -> probabilities (N, 10), in the artifact's runtime.
    ``logits``: the artifact outputs logits (as its model does): a softmax makes them probabilities."""
    path = Path(path)
    if not path.exists():
        raise ExportError(f"No exported model at {path}.")
    try:
        if fmt == "litert":
            from .litert import LiteRTPredictor

            return LiteRTPredictor(path, logits=logits)
        if fmt in ("savedmodel", "onnx"):
            from .contract import softmax

            run = _saved_model_runner(path) if fmt == "savedmodel" else _onnx_runner(path)
            return (lambda images: softmax(run(images))) if logits else run
    except ExportError:
        raise
    except Exception as exc:
        raise ExportError(f"Could not load the exported model {path.name}: {_first_line(exc)}") from exc
    raise ExportError(f"Unknown export format {fmt!r}: choose {', '.join(FORMATS)}.")


def _saved_model_runner(path: Path):
    import tensorflow as tf

    loaded = tf.saved_model.load(str(path))
    shape = tuple(loaded.serve.concrete_functions[0].structured_input_signature[0][0].shape[1:])

    def run(images):
        x = np.asarray(images, dtype=np.float32).reshape((-1, *shape))
        return np.asarray(loaded.serve(tf.constant(x)))

    return run


def _onnx_runner(path: Path):
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = session.get_inputs()[0]
    shape = tuple(int(d) for d in feed.shape[1:])

    def run(images):
        x = np.asarray(images, dtype=np.float32).reshape((-1, *shape))
        return session.run(None, {feed.name: x})[0]

    return run


# ---- the parity check ----------------------------------------------------------------------------

@dataclass
class SetResult:
    name: str
    images: int
    agreement: float
    max_prob_diff: float
    accuracy_export: float | None
    accuracy_keras: float | None


@dataclass
class ParityResult:
    fmt: str
    int8: bool
    test: SetResult
    extra: list[SetResult] = field(default_factory=list)
    export_ms_per_image: float = 0.0   # one image at a time, the Draw Pad's case
    keras_ms_per_image: float = 0.0
    size_bytes: int = 0

    @property
    def threshold(self) -> float:
        return MIN_AGREEMENT_INT8 if self.int8 else MIN_AGREEMENT

    @property
    def passed(self) -> bool:  # NaN answers on either side never pass
        return all(s.agreement >= self.threshold and math.isfinite(s.max_prob_diff) for s in [self.test, *self.extra])

    def line(self) -> str:
        t = self.test
        return (f"agreement={t.agreement:.4f} max_prob_diff={t.max_prob_diff:.2e} "
                f"test_accuracy_export={t.accuracy_export:.4f}")

    def as_dict(self) -> dict:
        return {"format": self.fmt, "int8": self.int8, "threshold": self.threshold, "passed": self.passed,
                "test_set": asdict(self.test), "extra_sets": [asdict(s) for s in self.extra],
                "export_ms_per_image": round(self.export_ms_per_image, 4),
                "keras_ms_per_image": round(self.keras_ms_per_image, 4)}


def _in_batches(run, images, cancel=None):
    parts = []
    for i in range(0, len(images), CHECK_BATCH):
        if cancel is not None and cancel.is_set():
            raise ExportError("The export was cancelled.")
        parts.append(np.asarray(run(images[i:i + CHECK_BATCH]), dtype=np.float32))
    return np.concatenate(parts)


def _compare(name, export_probs, keras_probs, labels) -> SetResult:
    exported, reference = export_probs.argmax(axis=1), keras_probs.argmax(axis=1)
    acc = (lambda p: float(np.mean(p == labels))) if labels is not None else (lambda p: None)
    return SetResult(name, len(reference), float(np.mean(exported == reference)),
                     float(np.max(np.abs(export_probs - keras_probs))), acc(exported), acc(reference))


def _ms_per_image(run, images, repeats: int = 200) -> float:
    run(images[:1])  # warm-up (allocation, tracing)
    times = []
    for i in range(repeats):
        image = images[i % len(images)][None]
        started = time.perf_counter()
        run(image)
        times.append(time.perf_counter() - started)
    return float(np.median(times) * 1000)


def parity_check(model, path, fmt: str, x_test, y_test, *, extra_sets: dict | None = None,
                 int8: bool = False, timing: bool = True, keras_predict=None, cancel=None) -> ParityResult:
    """Compare the artifact at ``path`` (in its own runtime) with ``model`` on the test set and extra sets.

    ``extra_sets``: name -> (images, labels or None). ``keras_predict`` (images -> probabilities)
    defaults to the app's compiled ``core.training.Predictor`` for ``model``. ``cancel`` (an Event)
    is checked between batches. Both sides are compared as probabilities (``core.contract``).
    """
    run = artifact_runner(path, fmt, logits=_agreed(model).logits)
    if keras_predict is None:
        from .training import Predictor

        keras_predict = Predictor(model)
    x_test = np.asarray(x_test, dtype=np.float32)
    try:
        sets = [("test", x_test, np.asarray(y_test))]
        for name, (images, labels) in (extra_sets or {}).items():
            sets.append((name, np.asarray(images, dtype=np.float32),
                         None if labels is None else np.asarray(labels)))
        results = [_compare(name, _in_batches(run, images, cancel), _in_batches(keras_predict, images, cancel),
                            labels) for name, images, labels in sets]
        result = ParityResult(fmt, int8, results[0], results[1:], size_bytes=_size(Path(path)))
        if timing:
            result.export_ms_per_image = _ms_per_image(run, x_test)
            result.keras_ms_per_image = _ms_per_image(keras_predict, x_test)
    except ExportError:
        raise
    except Exception as exc:
        raise ExportError(f"The parity check could not run {Path(path).name}: {_first_line(exc)}") from exc
    return result


_drawn_cache: dict = {}


def drawn_digit_sets(x_test, y_test) -> dict:
    """The drawn-digit benchmark's images (``core.drawn.drawn_digits``: ``DRAWN_N`` test digits redrawn
    with the benchmark's seed, prepared as the Draw Pad prepares a drawing) as an extra parity set.

    Generating them takes seconds: kept for the last test set they were made from (by content).
    """
    from .drawn import DEFAULT_SEED, drawn_digits

    x_test, y_test = np.ascontiguousarray(x_test), np.ascontiguousarray(y_test)
    key = (hashlib.sha256(x_test.data).hexdigest(), hashlib.sha256(y_test.data).hexdigest(), DRAWN_N, DEFAULT_SEED)
    if _drawn_cache.get("key") != key:
        images, labels = drawn_digits(x_test, y_test, DRAWN_N, DEFAULT_SEED)
        _drawn_cache.clear()
        _drawn_cache.update(key=key, sets={"drawn": (images, labels)})
    return _drawn_cache["sets"]


# ---- the whole job, for the CLI and the app ------------------------------------------------------

@dataclass
class ExportReport:
    """What ``export_and_verify`` did: the artifact and contract in place, and the check's figures."""
    path: Path
    fmt: str
    int8: bool
    seconds: float                 # the export itself
    size_bytes: int
    contract: Path
    parity: ParityResult | None    # None: no test set to check with

    @property
    def passed(self) -> bool:
        return self.parity is not None and self.parity.passed

    @property
    def failed(self) -> bool:
        """The check ran and the export does NOT predict as the model does."""
        return self.parity is not None and not self.parity.passed

    @property
    def parity_line(self) -> str:
        return "" if self.parity is None else self.parity.line()

    @property
    def message(self) -> str:
        """The app's one line (the status bar's)."""
        name, parity = self.path.name, self.parity
        if parity is None:
            return f"Exported {name} (no parity check: the test set is not loaded)"
        if not parity.passed:
            worst = min([parity.test, *parity.extra], key=lambda s: (math.isfinite(s.max_prob_diff), s.agreement))
            return (f"Exported {name}, but it does NOT predict as the app does ({worst.name} images): "
                    f"{parity.line()}")
        drawn = "".join(f"; {s.name} {s.images} agreement={s.agreement:.4f}" for s in parity.extra)
        return f"Exported {name} ({self.size_bytes / 1e6:.1f} MB); parity check passed (test set{drawn})"


def export_and_verify(model, path, fmt: str, x_test, y_test, *, metadata: dict | None = None, source=None,
                      int8: bool = False, calibration_images=None, keras_predict=None, export_lock=None,
                      cancel=None, timing: bool = True) -> ExportReport:
    """Export ``model`` to ``path``, run the parity check (the test set and the drawn digits) on the
    export, and put the artifact and its contract (parity figures, the model file's and the
    artifact's sha256) in place as one pair; ``ExportError`` (one line) leaves nothing behind and
    any previous pair at ``path`` as it was. A failed check still commits the pair (its contract
    says ``passed: false``, so ``core.litert.verified_export`` never uses it): ``report.failed``.

    ``keras_predict`` (images -> probabilities; default a ``Predictor``) runs the Keras side, e.g.
    through the app's locked predictor; ``export_lock`` (a context manager) is held only while the
    model itself is exported; ``cancel`` (an Event) is checked between batches. ``x_test`` None:
    no check (the report says so). ``timing``: also time one image on each side (the CLI's line).
    """
    path = check_destination(path, fmt)
    if int8 and fmt != "litert":
        raise ExportError("--int8 applies to the litert format only.")
    _agreed(model)
    source_sha = _source_sha(source)  # the file as it was loaded, before the seconds of exporting
    with export_lock if export_lock is not None else contextlib.nullcontext():
        staged, seconds = _stage_artifact(model, path, fmt, int8, calibration_images)
    with _cleaning(staged, path):
        parity = None
        if x_test is not None and y_test is not None:
            parity = parity_check(model, staged, fmt, x_test, y_test, extra_sets=drawn_digit_sets(x_test, y_test),
                                  int8=int8, timing=timing, keras_predict=keras_predict, cancel=cancel)
        if cancel is not None and cancel.is_set():
            raise ExportError("The export was cancelled.")
        contract_tmp = _stage_contract(model, path, fmt, staged, int8=int8, metadata=metadata,
                                       source=(source, source_sha), parity=parity)
        commit_pair(staged, path, contract_tmp)
    return ExportReport(path, fmt, int8, seconds, _size(path), contract_path(path), parity)
