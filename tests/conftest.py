"""Shared test set-up: headless Qt, isolated user folders, and real MNIST when it is present."""

import os
from pathlib import Path

# Headless before anything creates a QApplication; quiet TensorFlow's C++ logging.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"


def real_mnist_path() -> Path | None:
    """The real MNIST for tests: ../shared beside the repo, else the user's cache (filled by `make data`)."""
    if SHARED_MNIST.is_file():
        return SHARED_MNIST
    from mnist_gui.core.data import cache_file

    cached = cache_file()
    return cached if cached.is_file() else None


_REAL = real_mnist_path()  # resolved before the fixtures below point the cache elsewhere


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real per-user cache or settings."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("MNIST_GUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture(scope="session")
def mnist_path():
    if _REAL is None:
        pytest.skip("real MNIST not available (run `make data`)")
    return _REAL


@pytest.fixture(scope="session")
def mnist(mnist_path):
    """The real MNIST (MnistData); tests take slices of it."""
    from mnist_gui.core.data import load_mnist

    return load_mnist(mnist_path)


@pytest.fixture(scope="session")
def trained_seed_model(mnist):
    """A Seed DNN trained briefly on a slice (well above chance), shared by read-only tests."""
    from mnist_gui.core import training
    from mnist_gui.core.models import build_model, preset

    model = build_model(preset("seed", learning_rate=0.1))
    training.fit(model, mnist.x_train[:10000], mnist.y_train[:10000], epochs=3)
    return model


@pytest.fixture
def rng():
    return np.random.default_rng(0)
