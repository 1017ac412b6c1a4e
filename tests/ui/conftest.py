"""Widget tests on the real ``ModelService`` over a fake host: no TensorFlow, real MNIST, numpy
models (fake_host.py). The service's rules are the real ones; the test plays the training thread
(``service.runner``). The tests outside tests/ui get the real host under the same fixture names.
"""

import pytest
from fake_host import make_service, trained_model
from PySide6.QtWidgets import QApplication


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
