"""The live copies a run's epochs are predicted with (core.live_copies): one per architecture, kept
from run to run, the presets' made ahead, whatever spelling of the model the training process sends."""

import keras
import numpy as np

from mnist_gui.core import inside, live_copies, trainers
from mnist_gui.core.live_copies import LiveCopies, preset_architectures
from mnist_gui.core.models import build_model, preset
from mnist_gui.core.trainers import config_key
from mnist_gui.core.training import Predictor


def _sent(model):
    """What the training process sends of a run's trainer: its float32 clone, serialized."""
    return keras.saving.serialize_keras_object(trainers.float32_clone(model))


def _serialized(config, **kw):
    return keras.saving.serialize_keras_object(build_model(config, compile=False, **kw))


def test_the_key_is_the_network_whatever_the_trainer_or_the_names():
    cnn = build_model(preset("cnn"))
    new = config_key(_serialized(preset("cnn")))
    assert new is not None
    assert config_key(_sent(trainers.fused_twin(cnn))) == new               # a float32 run's trainer
    assert config_key(_sent(trainers.compute_twin(cnn, "mixed_bfloat16"))) == new  # a bfloat16 run's
    assert config_key(keras.saving.serialize_keras_object(cnn)) == new      # compiled or not
    assert config_key(_serialized(preset("cnn", learning_rate=0.1, epochs=2))) == new  # training settings aside
    assert config_key(_serialized(preset("mlp"))) != new
    assert config_key(_serialized(preset("mlp", hidden=(64,)))) != config_key(_serialized(preset("mlp")))
    assert config_key({"no": "model"}) is None and config_key("garbage") is None


def test_a_kept_copy_serves_the_next_run_of_that_architecture(monkeypatch):
    copies = LiveCopies(keep=2)
    made = []
    real_make = live_copies._make
    monkeypatch.setattr(live_copies, "_make", lambda *a: made.append(1) or real_make(*a))
    first = copies.take(_serialized(preset("cnn")))
    model, predictor = first
    assert isinstance(predictor, Predictor) and predictor.model is model
    again = copies.take(_sent(trainers.fused_twin(build_model(preset("cnn")))))
    assert again is first and len(made) == 1
    mlp = copies.take(_serialized(preset("mlp")))
    seed = copies.take(_serialized(preset("seed")))
    assert mlp is not first and seed is not mlp and len(made) == 3
    assert len(copies) == 2  # the oldest (the CNN's) gave way
    assert copies.take(_serialized(preset("cnn"))) is not first and len(made) == 4


def test_the_presets_copies_are_made_ahead_compiled_once_and_garbage_is_skipped(monkeypatch):
    copies = LiveCopies()
    sizes = []
    real_call = Predictor.__call__
    monkeypatch.setattr(Predictor, "__call__", lambda self, images: sizes.append(len(images)) or real_call(self, images))
    assert copies.make_ahead([{"class_name": "Nothing", "config": {}}, *preset_architectures()], (1, 7)) == 3
    assert sizes == [1, 7] * 3
    assert copies.make_ahead(preset_architectures(), (1, 7)) == 0  # kept: nothing made again
    model, predictor = copies.take(_serialized(preset("seed")))
    assert sizes == [1, 7] * 3  # taken, not made
    weights = build_model(preset("seed")).get_weights()
    model.set_weights(weights)  # as an epoch end loads it
    images = np.random.default_rng(0).integers(0, 256, (3, 28, 28)).astype(np.float32)
    expected = build_model(preset("seed")).predict(images, verbose=0)
    np.testing.assert_allclose(predictor(images), expected, atol=1e-5)


def test_a_copy_made_ahead_has_its_overlay_traced_and_explains_the_weights_loaded_later():
    copies = LiveCopies()
    copies.make_ahead([_serialized(preset("mlp"))], (1,))
    model, _ = copies.take(_serialized(preset("mlp")))
    assert "ig" in model._inside_inspector.calls  # the first epoch end has nothing left to trace
    trained = build_model(preset("mlp"))
    model.set_weights(trained.get_weights())
    image = np.random.default_rng(1).integers(0, 256, (28, 28)).astype(np.float32)
    got, expected = inside.attribution(model, image), inside.attribution(trained, image)
    assert got.targets == expected.targets
    np.testing.assert_allclose(got.maps, expected.maps, atol=1e-4)


def test_making_ahead_leaves_the_random_generators_alone():
    state = np.random.get_state()[1].copy()
    preset_architectures()
    assert np.array_equal(np.random.get_state()[1], state)
