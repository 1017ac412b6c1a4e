"""The fake service keeps up with the real one: the same signals, and every public method and property."""

import inspect

import numpy as np
from fake_service import FakeModelService, NumpyModel, trained_model
from PySide6.QtCore import QMetaMethod

from mnist_gui.service import ModelService


def public_signals(cls) -> set[str]:
    meta = cls.staticMetaObject
    return {bytes(meta.method(i).methodSignature()).decode()
            for i in range(meta.methodOffset(), meta.methodCount())
            if meta.method(i).methodType() == QMetaMethod.MethodType.Signal
            and not bytes(meta.method(i).name()).startswith(b"_")}


def public_members(cls) -> set[str]:
    return {name for name, member in vars(cls).items()
            if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property))}


def test_same_signals_as_the_real_service():
    real = public_signals(ModelService)
    assert "model_changed(PyObject)" in real and "prediction_ready(PyObject,PyObject)" in real
    assert public_signals(FakeModelService) == real


def test_every_public_method_and_property_of_the_real_service():
    assert public_members(ModelService) - public_members(FakeModelService) == set()


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
