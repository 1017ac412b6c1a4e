"""Shared test set-up: headless Qt, isolated user folders, and real MNIST when it is present."""

import os
from pathlib import Path

# Headless before anything creates a QApplication; quiet TensorFlow's C++ logging.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist.npz"
TEST_MNIST_ENV = "MNIST_GUI_TEST_MNIST"


def real_mnist_path() -> Path | None:
    """The real MNIST for tests: $MNIST_GUI_TEST_MNIST (a test's own pytest run gets it so), else
    ../shared beside the repo, else the user's cache (filled by `make data`)."""
    given = os.environ.get(TEST_MNIST_ENV)
    if given and Path(given).is_file():
        return Path(given)
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


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture(scope="session")
def trained_mlp_model(mnist):
    """An MLP trained for one epoch on 10,000 real images (~93% test accuracy): cheap and good."""
    from mnist_gui.core import training
    from mnist_gui.core.models import build_model, preset

    model = build_model(preset("mlp"))
    training.fit(model, mnist.x_train[:10000], mnist.y_train[:10000], epochs=1, batch_size=64)
    return model


@pytest.fixture
def service(qtbot, mnist_path):
    """A ModelService with TensorFlow loaded and real MNIST, no model yet; shut down afterwards."""
    from mnist_gui.service import ModelService

    svc = ModelService()
    with qtbot.waitSignal(svc.backend_ready, timeout=60_000):
        svc.load_backend()
    with qtbot.waitSignal(svc.dataset_ready, timeout=30_000):
        svc.load_dataset(mnist_path)
    yield svc
    assert svc.shutdown(), "a service thread did not stop"


@pytest.fixture
def service_with_model(qtbot, service, trained_mlp_model):
    """``service`` holding a copy of the trained MLP, with test-set predictions ready."""
    import keras

    copy = keras.models.clone_model(trained_mlp_model)
    copy.set_weights(trained_mlp_model.get_weights())
    with qtbot.waitSignal(service.test_predictions_ready, timeout=30_000):
        service.use_model(copy, "test MLP")
    return service


@pytest.fixture
def window(qtbot, service_with_model, tmp_path):
    """The main window over ``service_with_model`` (the real host here, the fake one under tests/ui),
    shown, with its own settings file."""
    from PySide6.QtCore import QSettings

    from mnist_gui.ui.main_window import MainWindow

    win = MainWindow(service_with_model, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def answer_of(qtbot):
    """``answer_of(reply)``: the result a service request's ``Reply`` is answered with."""
    def wait(reply, timeout: int = 10_000):
        with qtbot.waitSignal(reply.answered, timeout=timeout) as got:
            pass
        return got.args[1]
    return wait


class EventSpy(QObject):
    """Records the events of one type that the watched widgets receive: (widget, the painted
    region's bounding rect for paint events, else None)."""

    def __init__(self, kind: QEvent.Type, widgets):
        super().__init__()
        self.kind, self.seen = kind, []
        for widget in widgets:
            widget.installEventFilter(self)

    @property
    def count(self) -> int:
        return len(self.seen)

    def widgets(self):
        return [widget for widget, _ in self.seen]

    def rects(self):
        return [rect for _, rect in self.seen]

    def eventFilter(self, obj, event):
        if event.type() == self.kind:
            paint = self.kind == QEvent.Type.Paint
            self.seen.append((obj, event.region().boundingRect() if paint else None))
        return False


@pytest.fixture
def event_spy():
    """``event_spy(QEvent.Type.Paint, widget, ...)``: the events of that type those widgets get from now on."""
    return lambda kind, *widgets: EventSpy(kind, widgets)
