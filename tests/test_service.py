"""ModelService end to end, without a window: real TensorFlow, small real data."""

import numpy as np

from mnist_gui.core.models import preset


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
    assert np.mean(probs.argmax(1) == service.data.y_test[:100]) > 0.7
    assert service.model_info.test_accuracy > 0.7


def test_use_model_serves_async_predictions(qtbot, service_with_model, mnist):
    svc = service_with_model
    assert svc.model_info.name == "test MLP"
    assert svc.test_probabilities.shape == (10000, 10)
    with qtbot.waitSignal(svc.prediction_ready, timeout=10_000) as got:
        request = svc.request_prediction(mnist.x_test[:5])
    rid, probs = got.args
    assert rid == request
    np.testing.assert_allclose(probs, svc.predict(mnist.x_test[:5]), rtol=1e-5)
