"""The packaged app (PyInstaller onedir, ``build.spec``) starts, predicts and trains.

Marked ``packaging``: excluded from ``make test`` (pyproject addopts), run with ``make package-test``
(``pytest -m packaging tests/test_packaging.py``).

The build: ``dist/mnist-gui/`` is reused when its executable is newer than every source file that
goes into it (the app's code, build.spec, packaging/, models/, resources/, pyproject.toml), so
``make package && make package-test`` builds once. Otherwise the test builds it, as ``make package``
does (about 2 minutes on 2 cores). ``MNIST_GUI_PKG_REBUILD=1`` forces a build (e.g. after upgrading
a dependency in the venv, which the freshness check cannot see).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

REPO = Path(__file__).resolve().parents[1]
APP_DIR = REPO / "dist" / "mnist-gui"
EXE = APP_DIR / ("mnist-gui.exe" if sys.platform == "win32" else "mnist-gui")
BUILD_TIMEOUT_S = 45 * 60
SOURCES = ["mnist_gui", "packaging", "models", "resources", "build.spec", "pyproject.toml"]
NOT_IN_THE_APP = ["packaging/linux"]  # the installable archive's files (make dist), not the app's


def _newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = REPO / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for p in files:
            if "__pycache__" not in p.parts and not any(
                    p.is_relative_to(REPO / other) for other in NOT_IN_THE_APP):
                newest = max(newest, p.stat().st_mtime)
    return newest


def _build_is_fresh() -> bool:
    return EXE.is_file() and EXE.stat().st_mtime > _newest_source_mtime()


def _frozen_env() -> dict:
    """The user's environment minus what would make a headless check pass by accident."""
    env = dict(os.environ)
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH", "PYTHONHOME"):
        env.pop(key, None)
    env["TF_CPP_MIN_LOG_LEVEL"] = "2"
    return env


def run_app(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=timeout,
                          env=_frozen_env(), stdin=subprocess.DEVNULL, cwd=REPO)


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    if os.environ.get("MNIST_GUI_PKG_REBUILD") != "1" and _build_is_fresh():
        print(f"\nreusing {APP_DIR} (newer than every source)")
        return EXE
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: run `make package-test` (installs the [package] extra)")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"],
        cwd=REPO, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    assert EXE.is_file(), f"the build made no {EXE}"
    return EXE


def test_smoke_test_passes_headless(frozen_app):
    result = run_app("--smoke-test", timeout=240)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr[-4000:]}"
    assert len(lines) == 1 and lines[0].startswith("smoke-test ok:"), result.stdout
    assert "fast start (LiteRT) " in lines[0], lines[0]  # the bundled LiteRT export answered before TensorFlow
    assert "in a training process in " in lines[0], lines[0]  # the executable started again as the child
    assert "AutoGraph could not transform" not in result.stderr, result.stderr[-4000:]
    print(f"\n{lines[0]}")


def test_bundle_holds_the_models_and_resources_of_the_tree(frozen_app):
    internal = APP_DIR / "_internal"
    repo_models = sorted(p.name for p in (REPO / "models").iterdir() if not p.name.startswith("."))
    assert sorted(p.name for p in (internal / "models").iterdir()) == repo_models
    for name in ("icon.png", "sample_digits.npz", "app.json"):
        assert (internal / "resources" / name).is_file(), name
    # The app's own source is shipped beside its bytecode: AutoGraph needs it to convert the training loop.
    assert (internal / "mnist_gui" / "core" / "training.py").is_file()


def test_frozen_app_trains_saves_evaluates_and_predicts(frozen_app, mnist_path, tmp_path):
    """Training in the frozen app: TensorFlow parts cut from the bundle would fail here, not in the smoke test."""
    out = tmp_path / "m.keras"
    result = run_app("train", "--preset", "mlp", "--epochs", "1", "--train-size", "2000",
                     "--data", str(mnist_path), "--out", str(out))
    assert result.returncode == 0, f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-4000:]}"
    assert "AutoGraph could not transform" not in result.stderr, result.stderr[-4000:]
    assert out.is_file() and json.loads(out.with_name(out.name + ".json").read_text())["epochs_run"] == 1
    accuracy = float(result.stdout.split("test_accuracy=")[1].split()[0])
    assert accuracy > 0.6, result.stdout  # one epoch on 2,000 images: ~0.8

    # The CNN takes the other training path (Keras' own loop) and the legacy .h5 format.
    h5 = tmp_path / "c.h5"
    result = run_app("train", "--preset", "cnn", "--epochs", "1", "--train-size", "500",
                     "--data", str(mnist_path), "--out", str(h5))
    assert result.returncode == 0, f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-4000:]}"

    result = run_app("evaluate", str(h5), "--data", str(mnist_path))
    assert result.returncode == 0 and "test_accuracy=" in result.stdout, result.stderr[-4000:]
    result = run_app("predict", str(out), "--index", "0", "--data", str(mnist_path))
    assert result.returncode == 0 and "actual=7" in result.stdout, result.stderr[-4000:]


def test_frozen_cli_reports_user_errors_in_one_line(frozen_app, tmp_path):
    result = run_app("evaluate", str(tmp_path / "missing.keras"), "--data", str(tmp_path / "none.npz"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "missing.keras" in result.stderr, result.stderr


def test_frozen_app_exports_litert_and_savedmodel_that_pass_the_parity_check(frozen_app, mnist_path, tmp_path):
    model = REPO / "models" / "mnist_dnn_v1.keras"
    for fmt, name in (("litert", "m.tflite"), ("savedmodel", "m_savedmodel")):
        out = tmp_path / name
        result = run_app("export", str(model), "--format", fmt, "--out", str(out), "--data", str(mnist_path))
        assert result.returncode == 0, f"{fmt}: stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-4000:]}"
        line = next(line for line in result.stdout.splitlines() if line.startswith("agreement="))
        assert float(line.split()[0].split("=")[1]) >= 0.999, line
        drawn = next(line for line in result.stdout.splitlines() if line.startswith("drawn: "))
        assert float(drawn.split()[2].split("=")[1]) >= 0.999, drawn
        assert out.exists() and (tmp_path / f"{name}.json").is_file()


def test_frozen_app_writes_a_report_in_every_format(frozen_app, mnist_path, tmp_path):
    """matplotlib's Agg, PDF and SVG canvases and its fonts are in the bundle (build.spec)."""
    model = REPO / "models" / "mnist_dnn_v1.keras"
    for name in ("r.pdf", "r.png", "r.svg"):
        result = run_app("report", str(model), "--out", str(tmp_path / name), "--data", str(mnist_path))
        assert result.returncode == 0, f"{name}: stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-4000:]}"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-") and (tmp_path / "r-6.png").is_file()
    assert (tmp_path / "r-6.svg").read_text().lstrip().startswith("<?xml")


def test_packaged_size_is_at_most_one_gigabyte(frozen_app):
    sys.path.insert(0, str(REPO / "packaging"))
    from size_report import disk_usage

    size = disk_usage(APP_DIR)
    print(f"\n{APP_DIR}: {size / 2**30:.2f} GiB")
    assert size <= 2**30, f"{size / 2**30:.2f} GiB"
    # Built on tensorflow-cpu (the CUDA build's 1 GB libtensorflow_cc would not fit), with LiteRT inside.
    assert (APP_DIR / "_internal" / "ai_edge_litert").is_dir()
