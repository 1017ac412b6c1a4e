"""Widget tests on the real ``ModelService`` over a fake host: no TensorFlow, real MNIST, numpy
models (fake_host.py). The service's rules are the real ones; the test plays the training thread
(``service.runner``). The tests outside tests/ui get the real host under the same fixture names.
"""

import pytest
from fake_host import make_service, trained_model
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _background_tabs_only_when_asked(request, monkeypatch):
    """A window makes its unopened tabs in the background 2 s after start-up: every test that lived
    that long paid for three tabs it never looked at (tests/ui took 30 s of CPU, its whole budget).
    Here they are made on access only, unless the test is marked ``background_tabs``: then soon."""
    from mnist_gui.ui import main_window

    if request.node.get_closest_marker("background_tabs"):
        monkeypatch.setattr(main_window, "TABS_AFTER_MS", 200)
        monkeypatch.setattr(main_window, "TABS_APART_MS", 100)
    else:
        monkeypatch.setattr(main_window, "TABS_AFTER_MS", 24 * 3600 * 1000)


@pytest.fixture
def service(qtbot, mnist_path):
    """TensorFlow "loaded" and real MNIST, no model yet."""
    svc = make_service(qtbot)
    with qtbot.waitSignal(svc.dataset_ready):
        svc.load_dataset(mnist_path)
    yield svc
    assert svc.shutdown()


@pytest.fixture
def service_with_model(qtbot, service):
    """``service`` with the centroid model current and its test-set predictions ready."""
    with qtbot.waitSignal(service.test_predictions_ready):
        service.use_model(trained_model(service.data), "centroids")
    return service


@pytest.fixture
def idle_service():
    """A service whose TensorFlow has not loaded (yet)."""
    svc = make_service(backend_ready=False)
    yield svc
    assert svc.shutdown()


@pytest.fixture
def settle():
    """``settle()``: deliver every event already posted, and those they post in turn (layouts, then
    paints), without waiting for any timer: the point after which nothing more follows from a change."""
    def run(rounds: int = 5):
        for _ in range(rounds):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
    return run
