"""Runs reuse the compiled steps of a kept model of the same architecture (core.trainers): XLA's
compilation cache never frees a program, so each new model's steps used to stay in memory."""

import numpy as np
import pytest

from mnist_gui.core import run, storage, trainers
from mnist_gui.core.data import MnistData
from mnist_gui.core.models import build_model, preset


@pytest.fixture
def pool(monkeypatch):
    fresh = trainers.TrainerPool()
    monkeypatch.setattr(trainers, "POOL", fresh)
    return fresh


@pytest.fixture(scope="module")
def small(mnist):
    """1,280 training and 500 test images of real MNIST."""
    return MnistData(mnist.x_train[:1280], mnist.y_train[:1280], mnist.x_test[:500], mnist.y_test[:500],
                     source=mnist.source, location=mnist.location, verified=False)


def _kept(pool):
    assert len(pool) == 1
    return next(iter(pool._trainers.values()))


def test_signature_ignores_names_but_not_architecture_or_optimizer():
    a, b = build_model(preset("seed")), build_model(preset("seed"))
    assert a.layers[-1].name != b.layers[-1].name  # Keras numbers every new layer
    assert trainers.signature(a) == trainers.signature(b) is not None
    assert trainers.signature(build_model(preset("seed", learning_rate=0.5))) == trainers.signature(a)
    assert trainers.signature(build_model(preset("seed", momentum=0.9))) != trainers.signature(a)
    assert trainers.signature(build_model(preset("mlp"))) != trainers.signature(a)
    assert trainers.signature(build_model(preset("cnn"))) == trainers.signature(build_model(preset("cnn")))
    assert trainers.signature(build_model(preset("seed"), compile=False)) is None


def test_a_second_run_reuses_the_compiled_step_and_hands_out_a_copy(pool, small):
    config = preset("seed", epochs=1)
    first = run.train(config, small, train_size=640)
    trainer = _kept(pool)
    step = trainer._chunked_steps.step
    traces = step.experimental_get_tracing_count()
    kept_weights = [w.copy() for w in first.model.get_weights()]
    second = run.train(config, small, train_size=640)
    assert _kept(pool) is trainer and trainer._chunked_steps.step is step
    assert step.experimental_get_tracing_count() == traces  # nothing traced, so nothing compiled
    assert first.model is not trainer and second.model is not trainer and second.model is not first.model
    for a, b in zip(first.model.get_weights(), kept_weights):  # the second run left the first's result alone
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name, overrides", [("seed", {}), ("mlp", {"dropout": 0.3})])
def test_a_run_on_a_kept_model_gives_what_a_new_model_gives(pool, small, name, overrides):
    """Same config, same result, whether the run built its model or trained a kept one: weights,
    optimizer state and dropout's random state all start afresh."""
    config = preset(name, epochs=2, **overrides)
    results = [run.train(config, small, train_size=640) for _ in range(2)]
    assert len(pool) == 1
    for a, b in zip(*(r.model.get_weights() for r in results)):
        np.testing.assert_array_equal(a, b)
    assert results[0].history == results[1].history


def test_the_stock_step_loop_is_reused_too(pool, small):
    """The CNN's steps run through Keras' own train function: kept on the trainer, not rebuilt."""
    config = preset("cnn", epochs=1, batch_size=128)
    run.train(config, small, train_size=256)
    trainer = _kept(pool)
    function = trainer.train_function
    run.train(config, small, train_size=256)
    assert _kept(pool) is trainer and trainer.train_function is function


def test_train_more_goes_on_from_the_given_model_not_the_kept_one(pool, small, tmp_path, monkeypatch):
    config = preset("mlp", epochs=1, batch_size=64)
    first = run.train(config, small, train_size=640)
    path = storage.save_model(first.model, tmp_path / "a.keras", first.metadata)
    run.train(preset("mlp", epochs=1, batch_size=64, seed=7), small, train_size=640)  # the kept one: another model

    def more(model):
        np.random.seed(3)  # the epoch order
        return run.train(config, small, model=model, prior=first.metadata, epochs=1, train_size=640)

    on_kept = more(storage.load_model(path))
    assert len(pool) == 1
    monkeypatch.setattr(trainers, "POOL", trainers.TrainerPool())  # nothing kept: trains the model itself
    on_itself = more(storage.load_model(path))
    for x, y in zip(on_kept.model.get_weights(), on_itself.model.get_weights()):
        np.testing.assert_array_equal(x, y)
    assert int(on_kept.model.optimizer.iterations.numpy()) == 2 * 10


def test_the_pool_keeps_a_few_architectures(pool):
    small_pool = trainers.TrainerPool(size=2)
    for units in ([10], [11], [12]):
        model = build_model(preset("mlp", hidden=tuple(units)))
        trainer, key = small_pool.take(model)
        assert trainer is model
        small_pool.give_back(key, trainer)
    assert len(small_pool) == 2
    model = build_model(preset("mlp", hidden=(12,)))
    trainer, _ = small_pool.take(model)
    assert trainer is not model and len(small_pool) == 1
    for a, b in zip(trainer.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_the_cnn_trains_in_bfloat16_where_the_cpu_has_it_and_hands_out_a_float32_model(small, pool, monkeypatch):
    """The trainer computes in bfloat16 (its variables float32); the model handed out, and the
    copy the Training tab predicts with, compute in float32 and hold exactly the trained weights."""
    import keras

    monkeypatch.setenv("MNIST_GUI_BFLOAT16", "1")  # the bfloat16 path on any CPU
    seen = {}
    config = preset("cnn", epochs=1, batch_size=64)
    # one-hot targets: with the preset's smoothing the model handed out gets a temperature (test_run)
    outcome = run.train(config, small, on_model=lambda m: seen.setdefault("trainer", m), label_smoothing=0.0)
    trainer = seen["trainer"]
    assert _kept(pool) is trainer and trainer is not outcome.model
    policies = [layer.dtype_policy.name for layer in trainer.layers]
    assert policies[-1] == "float32" and "mixed_bfloat16" in policies  # the softmax stays float32
    assert {v.dtype for v in trainer.trainable_variables} == {"float32"}
    assert {layer.dtype_policy.name for layer in outcome.model.layers} == {"float32"}
    for a, b in zip(trainer.get_weights(), outcome.model.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert int(outcome.model.optimizer.iterations.numpy()) == 20
    assert outcome.metadata["compute_dtype"] == "bfloat16"  # the sidecar says how it was trained
    # Same weights, two precisions: the float32 model reads the test images as validation did.
    float32_accuracy = float(np.mean(outcome.model.predict(small.x_test.astype("float32"), verbose=0).argmax(1)
                                     == small.y_test))
    assert float32_accuracy > 0.5 and abs(float32_accuracy - outcome.history["val_accuracy"][-1]) <= 0.01
    live = trainers.float32_clone(trainer)
    assert {layer.dtype_policy.name for layer in live.layers} == {"float32"}
    assert keras.models.clone_model(trainer).layers[1].dtype_policy.name == "mixed_bfloat16"  # why it is needed

    again = run.train(config, small, model=outcome.model, prior=outcome.metadata, epochs=1)
    assert _kept(pool) is trainer  # the twin's compiled steps serve the next run
    assert int(again.model.optimizer.iterations.numpy()) == 40
    monkeypatch.setenv("MNIST_GUI_BFLOAT16", "0")
    in_float32 = run.train(config, small, model=again.model, prior=again.metadata, epochs=1)
    assert in_float32.metadata["compute_dtype"] == "float32" and len(pool) == 2  # a float32 trainer beside the twin


def test_bfloat16_only_where_the_preset_asks_and_the_cpu_computes_it(monkeypatch):
    from mnist_gui.core import models

    monkeypatch.setenv("MNIST_GUI_BFLOAT16", "0")
    assert not models.native_bfloat16() and models.training_policy(preset("cnn")) is None
    monkeypatch.setenv("MNIST_GUI_BFLOAT16", "1")
    assert models.training_policy(preset("cnn")) == "mixed_bfloat16"
    assert models.training_policy(preset("seed")) is None  # the notebook's model stays float32
    assert models.training_policy(preset("mlp")) is None
    monkeypatch.delenv("MNIST_GUI_BFLOAT16")
    flags = open("/proc/cpuinfo").read() if __import__("os").path.exists("/proc/cpuinfo") else ""
    assert models.native_bfloat16() == any(f in flags.split() for f in models.BFLOAT16_CPU_FLAGS)
