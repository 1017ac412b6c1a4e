"""ModelService end to end, without a window: real TensorFlow, small real data."""

import numpy as np
import pytest

from mnist_gui.core.models import preset
from mnist_gui.service import ModelService


@pytest.fixture
def service(qtbot, mnist_path):
    svc = ModelService()
    with qtbot.waitSignal(svc.backend_ready, timeout=60_000):
        svc.load_backend()
    with qtbot.waitSignal(svc.dataset_ready, timeout=30_000):
        svc.load_dataset(mnist_path)
    yield svc
    assert svc.shutdown()


def test_train_small_slice_then_predict(qtbot, service):
    epochs = []
    service.epoch_finished.connect(lambda e, logs: epochs.append(logs))
    config = preset("mlp", epochs=2, batch_size=32)
    with qtbot.waitSignal(service.training_finished, timeout=120_000) as finished:
        assert service.start_training(config, train_size=2000)
    history, stopped = finished.args
    assert not stopped
    assert len(epochs) == 2 and len(history["loss"]) == 2
    qtbot.waitUntil(lambda: service.model_info is not None and not service.model_info.training
                    and service.test_probabilities is not None, timeout=30_000)
    probs = service.predict(service.data.x_test[:100])
    assert probs.shape == (100, 10)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-4)
    accuracy = np.mean(probs.argmax(1) == service.data.y_test[:100])
    assert accuracy > 0.7
    assert service.model_info.test_accuracy > 0.7
