"""Temperature scaling: fitted on real predictions, saved inside the model, answers unchanged."""

import numpy as np
import pytest

from mnist_gui.core.calibration import fit_temperature, nll, with_temperature
from mnist_gui.core.metrics import expected_calibration_error


def test_fitted_temperature_undoes_a_known_sharpening(rng):
    # Calibrated probabilities by construction (labels drawn from them), then sharpened by T = 2.
    logits = rng.normal(0, 2, (4000, 10))
    probs = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    labels = np.array([rng.choice(10, p=p) for p in probs])
    sharp = np.exp(2 * logits) / np.exp(2 * logits).sum(1, keepdims=True)
    t = fit_temperature(sharp, labels)
    assert t == pytest.approx(2.0, rel=0.1)
    assert nll(sharp, labels, t) < nll(sharp, labels, 1.0)
    softened = np.exp(np.log(sharp) / t) / np.exp(np.log(sharp) / t).sum(1, keepdims=True)
    assert expected_calibration_error(softened, labels) < expected_calibration_error(sharp, labels) / 2


def test_model_with_temperature_keeps_answers_softens_them_and_loads_safely(trained_mlp_model, mnist, tmp_path):
    from mnist_gui.core.storage import load_model, save_model
    from mnist_gui.core.training import Predictor

    x = mnist.x_test[:500]
    before = Predictor(trained_mlp_model)(x)
    path = save_model(with_temperature(trained_mlp_model, 2.0), tmp_path / "t.keras")
    loaded = load_model(path)  # safe_mode
    assert [type(layer) for layer in loaded.layers] == [type(layer) for layer in trained_mlp_model.layers]
    after = Predictor(loaded)(x)
    np.testing.assert_array_equal(after.argmax(1), before.argmax(1))
    assert (after.max(1) <= before.max(1) + 1e-6).all() and after.max(1).mean() < before.max(1).mean() - 0.01
    # Exactly softmax(log p / T).
    expected = np.exp(np.log(before) / 2.0)
    np.testing.assert_allclose(after, expected / expected.sum(1, keepdims=True), atol=1e-4)


def test_a_model_without_a_softmax_dense_at_its_end_keeps_its_weights(mnist):
    import keras

    from mnist_gui.core.calibration import after_label_smoothing

    logits = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Dense(10)])
    weights = [w.copy() for w in logits.get_weights()]
    record = after_label_smoothing(logits, mnist.x_train[:100], mnist.y_train[:100])
    assert record["applied"] is False and "temperature" in record["why"]
    for a, b in zip(logits.get_weights(), weights):
        np.testing.assert_array_equal(a, b)


def test_a_temperature_prepared_ahead_is_the_one_fitted_at_the_end_and_only_for_the_same_images(
        trained_mlp_model, mnist, monkeypatch):
    import keras

    from mnist_gui.core import augment, calibration
    from mnist_gui.core.training import has_shared_forward

    x, y = mnist.x_train[:3000], mnist.y_train[:3000]
    at_the_end = keras.models.clone_model(trained_mlp_model)
    at_the_end.set_weights(trained_mlp_model.get_weights())
    fitted = calibration.after_label_smoothing(at_the_end, x, y, seed=7)["temperature_fitted"]

    shell = keras.models.clone_model(trained_mlp_model)  # the architecture, other weights
    calibration.prepare(shell, x, y, seed=7)
    assert has_shared_forward(trained_mlp_model)
    real_augmenter = augment.augmenter

    def refused(*args, **kwargs):
        raise AssertionError("augmented again")

    monkeypatch.setattr(augment, "augmenter", refused)
    ahead = keras.models.clone_model(trained_mlp_model)
    ahead.set_weights(trained_mlp_model.get_weights())
    again = calibration.after_label_smoothing(ahead, x, y, seed=7)["temperature_fitted"]
    assert again == pytest.approx(fitted, abs=2e-4)
    with pytest.raises(AssertionError, match="augmented again"):  # other images: not what was prepared
        calibration.after_label_smoothing(ahead, mnist.x_train[3000:6000], y, seed=7)
    with pytest.raises(AssertionError, match="augmented again"):  # another seed
        calibration.after_label_smoothing(ahead, x, y, seed=8)
    monkeypatch.setattr(augment, "augmenter", real_augmenter)


def test_the_idle_training_process_prepares_the_cnn_presets_calibration(mnist):
    from mnist_gui.core import calibration, train_process
    from mnist_gui.core.models import build_model, preset
    from mnist_gui.core.training import has_shared_forward

    from dataclasses import replace

    data = replace(mnist, x_train=mnist.x_train[:2000], y_train=mnist.y_train[:2000])
    train_process._calibrate_ahead(data)
    assert has_shared_forward(build_model(preset("cnn"), compile=False, seeded=False))
    assert (preset("cnn").seed, 2000, calibration.SAMPLE) in calibration._ahead
