"""The fake host is the real host with numpy models: what it replaces, it replaces faithfully."""

import numpy as np
from fake_host import FakeHost, NumpyModel, trained_model

from mnist_gui.model_host import ModelHost, _ModelWorker


def test_the_fake_host_is_the_real_host_with_a_numpy_worker():
    host = FakeHost()
    try:
        assert isinstance(host, ModelHost) and isinstance(host.worker, _ModelWorker)
        assert host.thread is None  # served from the UI thread's event loop
    finally:
        host.shutdown(0)


def test_the_numpy_model_reads_most_test_digits_right_but_not_all(mnist):
    model = trained_model(mnist)
    probs = model(mnist.x_test)
    assert probs.shape == (10000, 10) and np.allclose(probs.sum(axis=1), 1, atol=1e-5)
    assert 0.7 < np.mean(probs.argmax(axis=1) == mnist.y_test) < 0.9
    untrained = NumpyModel.untrained()(mnist.x_test)
    assert np.mean(untrained.argmax(axis=1) == mnist.y_test) < 0.3


def test_a_saved_model_opens_again_and_a_bad_file_fails_with_a_message(qtbot, service_with_model, tmp_path):
    service = service_with_model
    path = tmp_path / "m.npz"
    with qtbot.waitSignal(service.model_saved):
        service.save_model(path)
    expected = service.predict(service.data.x_test[:20])
    with qtbot.waitSignal(service.test_predictions_ready):
        service.open_model(path)
    assert service.model_info.path == str(path)
    np.testing.assert_array_equal(service.predict(service.data.x_test[:20]), expected)
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with qtbot.waitSignal(service.model_failed) as failed:
        service.open_model(tmp_path / "bad.npz")
    assert "bad.npz" in failed.args[0] and service.model_info.path == str(path)
